# article — built-in messages (German, de)
# Reviewed by a fluent speaker: no.

published = Veröffentlicht am { $date }
updated = Aktualisiert am { $date }

credit-line = Mit Material von { $agencies }

agency-afp = AFP
agency-ap = AP
agency-reuters = Reuters
agency-tass = Tass
agency-interfax = Interfax
agency-dpa = dpa
agency-efe = Efe
agency-ansa = Ansa
agency-ria = RIA Nowosti
agency-xinhua = Xinhua
agency-kyodo = Kyodo
agency-irna = Irna
agency-anadolu = Anadolu

related-gallery = BILDERGALERIE
related-video = VIDEO
related-audio = AUDIO
related-article = LESEN SIE AUCH
related-open = Öffnen

draft-untranslated = Noch nicht übersetzt
edition-incomplete = Diese Ausgabe ist unvollständig.
