# article — built-in messages (French, fr)
# Reviewed by a fluent speaker: no.

published = Publié le { $date }
updated = Mis à jour le { $date }

credit-line = Avec { $agencies }

agency-afp = AFP
agency-ap = AP
agency-reuters = Reuters
agency-tass = TASS
agency-interfax = Interfax
agency-dpa = DPA
agency-efe = EFE
agency-ansa = ANSA
agency-ria = RIA Novosti
agency-xinhua = Chine nouvelle
agency-kyodo = Kyodo
agency-irna = IRNA
agency-anadolu = Anadolu

related-gallery = GALERIE PHOTOS
related-video = VIDÉO
related-audio = AUDIO
related-article = LIRE AUSSI
related-open = Ouvrir

draft-untranslated = Pas encore traduit
edition-incomplete = Cette édition est incomplète.
