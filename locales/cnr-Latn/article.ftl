# article — built-in messages (Montenegrin, Latin, cnr-Latn)
# Not yet reviewed by a native editor.
# Ijekavian. Keep in step with cnr-Cyrl (its exact transliteration).

published = Objavljeno { $date }
updated = Ažurirano { $date }

# One agency: genitive singular «agencije»; several: genitive plural
# «agencija». CLDR's rules for Montenegrin are Serbian ones (cnr is its
# alias of sr-ME): one, few, other.
credit-line =
    { $count ->
        [one] Prema izvještajima agencije { $agencies }
        [few] Prema izvještajima agencija { $agencies }
       *[other] Prema izvještajima agencija { $agencies }
    }

agency-afp = Frans pres
agency-ap = Asošijejted pres
agency-reuters = Rojters
agency-tass = Tas
agency-interfax = Interfaks
agency-dpa = DPA
agency-efe = EFE
agency-ansa = ANSA
agency-ria = RIA Novosti
agency-xinhua = Sinhua
agency-kyodo = Kjodo
agency-irna = IRNA
agency-anadolu = Anadolija

related-gallery = FOTOGALERIJA
related-video = VIDEO
related-audio = AUDIO
related-article = PROČITAJTE I
related-open = Otvorite

draft-untranslated = Još nije prevedeno
edition-incomplete = Ovo izdanje još nije cjelovito.
