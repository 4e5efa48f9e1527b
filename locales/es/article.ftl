# article — built-in messages (Spanish, es)
# Reviewed by a fluent speaker: no.

published = Publicado el { $date }
updated = Actualizado el { $date }

credit-line = Con información de { $agencies }

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

related-gallery = GALERÍA DE FOTOS
related-video = VIDEO
related-audio = AUDIO
related-article = LEA TAMBIÉN
related-open = Abrir

draft-untranslated = Aún sin traducir
edition-incomplete = Esta edición está incompleta.
