# article — built-in messages (Serbian, Latin, sr-Latn)
# Reviewed by a fluent speaker: no.

published = Objavljeno { $date }
updated = Ažurirano { $date }

# One agency: genitive singular «agencije»; several: genitive plural «agencija».
# CLDR: one, few, other. Keep in step with sr-Cyrl (this file is its exact transliteration).
credit-line =
    { $count ->
        [one] Prema izveštajima agencije { $agencies }
        [few] Prema izveštajima agencija { $agencies }
       *[other] Prema izveštajima agencija { $agencies }
    }

agency-afp = Frans pres
agency-ap = Asošijeted pres
agency-reuters = Rojters
agency-tass = Tas
agency-interfax = Interfaks
agency-dpa = DPA
agency-efe = Efe
agency-ansa = Ansa
agency-ria = RIA Novosti
agency-xinhua = Sinhua
agency-kyodo = Kjodo
agency-irna = Irna
agency-anadolu = Anadolija

related-gallery = FOTOGALERIJA
related-video = VIDEO
related-audio = AUDIO
related-article = PROČITAJTE I
related-open = Otvori

draft-untranslated = Još nije prevedeno
edition-incomplete = Ovo izdanje nije potpuno.
