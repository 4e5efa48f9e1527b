# article — built-in messages (Hungarian, hu)
# Reviewed by a fluent speaker: no.

published = Közzétéve: { $date }
updated = Frissítve: { $date }

# One agency: «forrás»; several: «források». CLDR: one, other.
credit-line =
    { $count ->
        [one] Hírügynökségi forrás: { $agencies }
       *[other] Hírügynökségi források: { $agencies }
    }

agency-afp = AFP
agency-ap = AP
agency-reuters = Reuters
agency-tass = TASZSZ
agency-interfax = Interfax
agency-dpa = dpa
agency-efe = EFE
agency-ansa = ANSA
agency-ria = RIA Novosztyi
agency-xinhua = Hszinhua
agency-kyodo = Kiodo
agency-irna = IRNA
agency-anadolu = Anadolu

related-gallery = KÉPGALÉRIA
related-video = VIDEÓ
related-audio = HANGANYAG
related-article = KAPCSOLÓDÓ CIKK
related-open = Megnyitás

draft-untranslated = Még nincs lefordítva
edition-incomplete = Ez a kiadás hiányos.
