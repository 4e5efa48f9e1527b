# article — built-in messages (Romanian, ro)
# Reviewed by a fluent speaker: no.

published = Publicat pe { $date }
updated = Actualizat pe { $date }

credit-line = Cu informații de la { $agencies }

agency-afp = AFP
agency-ap = Associated Press
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

related-gallery = GALERIE FOTO
related-video = VIDEO
related-audio = AUDIO
related-article = CITIȚI ȘI
related-open = Deschide

draft-untranslated = Încă netradus
edition-incomplete = Această ediție este incompletă.
