# article — built-in messages (Crimean Tatar, Latin, crh)
# Not yet reviewed by a native editor.

published = Derc etildi: { $date }
updated = Yañartıldı: { $date }

# Crimean Tatar nouns do not change after a numeral (CLDR has no rules
# for crh; the supplied ones in locales/crh/cldr.toml give "other" only),
# but «haber ajansı» is plural when several agencies are named: an
# exact [1].
credit-line =
    { $count ->
        [1] { $agencies } haber ajansınıñ malümatlarına köre
       *[other] { $agencies } haber ajanslarınıñ malümatlarına köre
    }

agency-afp = Frans-Press
agency-ap = Associated Press
agency-reuters = Reuters
agency-tass = TASS
agency-interfax = İnterfaks
agency-dpa = dpa
agency-efe = EFE
agency-ansa = ANSA
agency-ria = RİA Novosti
agency-xinhua = Sinhua
agency-kyodo = Kyodo
agency-irna = İRNA
agency-anadolu = Anadolu

related-gallery = FOTOGALEREYA
related-video = VİDEO
related-audio = AUDİO
related-article = DAA OQUÑIZ
related-open = Açmaq

draft-untranslated = Daa tercime etilmegen
edition-incomplete = Bu neşir tolu degil.
