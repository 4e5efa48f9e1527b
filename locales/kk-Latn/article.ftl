# article — built-in messages (Kazakh, Latin, kk-Latn)
# Not yet reviewed by a native editor.
# The 2021 Latin alphabet: kk (Cyrillic) transliterated gives this text,
# and a test keeps it so.

published = Jariialandy: { $date }
updated = Jañartyldy: { $date }

credit-line = Materialda { $agencies } habarlary paidalanyldy

agency-afp = Frans Press
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
agency-irna = IRNA
agency-anadolu = Anadolu

related-gallery = FOTOGALEREİA
related-video = VİDEO
related-audio = AUDİO
related-article = TAĞY OQYÑYZ
related-open = Aşu

draft-untranslated = Älı audarylmağan
edition-incomplete = Būl nūsqa tolyq emes.
