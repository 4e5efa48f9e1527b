# article — built-in messages (Albanian, sq)
# Not yet reviewed by a native editor.

published = Publikuar më { $date }
updated = Përditësuar më { $date }

# One agency: «agjencia» (definite singular); several: «agjencitë»
# (definite plural). CLDR: one, other.
credit-line =
    { $count ->
        [one] Me informacione nga agjencia { $agencies }
       *[other] Me informacione nga agjencitë { $agencies }
    }

agency-afp = AFP
agency-ap = AP
agency-reuters = Reuters
agency-tass = TASS
agency-interfax = Interfax
agency-dpa = DPA
agency-efe = EFE
agency-ansa = ANSA
agency-ria = RIA Novosti
agency-xinhua = Xinhua
agency-kyodo = Kyodo
agency-irna = IRNA
agency-anadolu = Anadolu

related-gallery = GALERI FOTOGRAFISH
related-video = VIDEO
related-audio = AUDIO
related-article = LEXONI EDHE
related-open = Hape

draft-untranslated = Ende pa u përkthyer
edition-incomplete = Ky botim nuk është i plotë.
