# article — built-in messages (Polish, pl)
# Reviewed by a fluent speaker: no.

published = Opublikowano { $date }
updated = Zaktualizowano { $date }

# «agencji» is both genitive singular and plural, so no select on $count is needed.
credit-line = Na podstawie informacji agencji { $agencies }

agency-afp = AFP
agency-ap = AP
agency-reuters = Reuters
agency-tass = TASS
agency-interfax = Interfax
agency-dpa = dpa
agency-efe = EFE
agency-ansa = ANSA
agency-ria = RIA Nowosti
agency-xinhua = Xinhua
agency-kyodo = Kyodo
agency-irna = IRNA
agency-anadolu = Anadolu

related-gallery = GALERIA ZDJĘĆ
related-video = WIDEO
related-audio = AUDIO
related-article = CZYTAJ TAKŻE
related-open = Otwórz

draft-untranslated = Jeszcze nie przetłumaczono
edition-incomplete = To wydanie jest niekompletne.
