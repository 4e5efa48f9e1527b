# article — built-in messages (Bosnian, bs)
# Not yet reviewed by a native editor.

published = Objavljeno { $date }
updated = Ažurirano { $date }

# One agency: genitive singular «agencije»; several: genitive plural
# «agencija» (2–4 and 5 and more alike here). CLDR: one, few, other.
credit-line =
    { $count ->
        [one] Prema izvještajima agencije { $agencies }
        [few] Prema izvještajima agencija { $agencies }
       *[other] Prema izvještajima agencija { $agencies }
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

related-gallery = FOTOGALERIJA
related-video = VIDEO
related-audio = AUDIO
related-article = PROČITAJTE JOŠ
related-open = Otvorite

draft-untranslated = Još nije prevedeno
edition-incomplete = Ovo izdanje nije kompletno.
