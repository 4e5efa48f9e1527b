# article — built-in messages (Azerbaijani, az)
# Reviewed by a fluent speaker: no.

published = Dərc olunub: { $date }
updated = Yenilənib: { $date }

credit-line = Materialda { $agencies } xəbərlərindən istifadə olunub

agency-afp = AFP
agency-ap = Associated Press
agency-reuters = Reuters
agency-tass = TASS
agency-interfax = İnterfaks
agency-dpa = DPA
agency-efe = EFE
agency-ansa = ANSA
agency-ria = RİA Novosti
agency-xinhua = Sinxua
agency-kyodo = Kyodo
agency-irna = İRNA
agency-anadolu = Anadolu

related-gallery = FOTOQALEREYA
related-video = VİDEO
related-audio = AUDİO
related-article = HƏMÇİNİN OXUYUN
related-open = Aç

draft-untranslated = Hələ tərcümə olunmayıb
edition-incomplete = Bu nəşr natamamdır.
