# article — built-in messages (Turkish, tr)
# Reviewed by a fluent speaker: no.

published = Yayımlanma: { $date }
updated = Güncelleme: { $date }

credit-line = Bu haber { $agencies } haberlerinden yararlanılarak hazırlandı

agency-afp = AFP
agency-ap = AP
agency-reuters = Reuters
agency-tass = TASS
agency-interfax = Interfax
agency-dpa = DPA
agency-efe = EFE
agency-ansa = ANSA
agency-ria = RIA Novosti
agency-xinhua = Şinhua
agency-kyodo = Kyodo
agency-irna = IRNA
agency-anadolu = Anadolu Ajansı

related-gallery = FOTOĞRAF GALERİSİ
related-video = VİDEO
related-audio = SES
related-article = İLGİLİ HABER
related-open = Aç

draft-untranslated = Henüz çevrilmedi
edition-incomplete = Bu sürüm eksik.
