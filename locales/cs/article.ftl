# article — built-in messages (Czech, cs)
# Reviewed by a fluent speaker: no.

published = Publikováno { $date }
updated = Aktualizováno { $date }

# One agency: genitive singular «agentury»; several: genitive plural «agentur».
# CLDR: one, few, many, other.
credit-line =
    { $count ->
        [one] S využitím zpráv agentury { $agencies }
        [few] S využitím zpráv agentur { $agencies }
        [many] S využitím zpráv agentur { $agencies }
       *[other] S využitím zpráv agentur { $agencies }
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
agency-xinhua = Nová Čína
agency-kyodo = Kjódó
agency-irna = IRNA
agency-anadolu = Anadolu

related-gallery = FOTOGALERIE
related-video = VIDEO
related-audio = AUDIO
related-article = ČTĚTE TAKÉ
related-open = Otevřít

draft-untranslated = Dosud nepřeloženo
edition-incomplete = Toto vydání není úplné.
