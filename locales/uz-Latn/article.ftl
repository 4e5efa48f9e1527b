# article — built-in messages (Uzbek, Latin, uz-Latn)
# Reviewed by a fluent speaker: no.

published = Chop etildi: { $date }
updated = Yangilandi: { $date }

credit-line = Maqolada { $agencies } xabarlaridan foydalanildi

agency-afp = Frans Press
agency-ap = Associated Press
agency-reuters = Reuters
agency-tass = TASS
agency-interfax = Interfaks
agency-dpa = dpa
agency-efe = EFE
agency-ansa = ANSA
agency-ria = RIA Novosti
agency-xinhua = Sinxua
agency-kyodo = Kyodo
agency-irna = IRNA
agency-anadolu = Anadolu

related-gallery = FOTOGALEREYA
related-video = VIDEO
related-audio = AUDIO
related-article = YANA OʻQING
related-open = Ochish

draft-untranslated = Hali tarjima qilinmagan
edition-incomplete = Bu nashr toʻliq emas.
