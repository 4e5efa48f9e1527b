# article — built-in messages (Turkmen, tk)
# Not yet reviewed by a native editor.

published = Çap edildi: { $date }
updated = Täzelendi: { $date }

# Turkmen nouns do not change after a numeral, but «habar gullugy» takes
# the plural suffix when several agencies are named: an exact [1], not
# CLDR's "one" (CLDR: one, other).
credit-line =
    { $count ->
        [1] { $agencies } habar gullugynyň maglumatlary esasynda
       *[other] { $agencies } habar gulluklarynyň maglumatlary esasynda
    }

agency-afp = Frans-Press
agency-ap = Assoşieýted Press
agency-reuters = Reýter
agency-tass = TASS
agency-interfax = Interfaks
agency-dpa = DPA
agency-efe = EFE
agency-ansa = ANSA
agency-ria = RIA Nowosti
agency-xinhua = Sinhua
agency-kyodo = Kiodo
agency-irna = IRNA
agency-anadolu = Anadoly

related-gallery = FOTOGALEREÝA
related-video = WIDEO
related-audio = AUDIO
related-article = ŞEÝLE HEM OKAŇ
related-open = Açmak

draft-untranslated = Entek terjime edilmedik
edition-incomplete = Bu neşir doly däl.
