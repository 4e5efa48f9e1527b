# article — built-in messages (Kazakh, kk)
# Reviewed by a fluent speaker: no.

published = Жарияланды: { $date }
updated = Жаңартылды: { $date }

credit-line = Материалда { $agencies } хабарлары пайдаланылды

agency-afp = Франс Пресс
agency-ap = Associated Press
agency-reuters = Reuters
agency-tass = ТАСС
agency-interfax = Интерфакс
agency-dpa = dpa
agency-efe = EFE
agency-ansa = ANSA
agency-ria = РИА Новости
agency-xinhua = Синьхуа
agency-kyodo = Kyodo
agency-irna = IRNA
agency-anadolu = Anadolu

related-gallery = ФОТОГАЛЕРЕЯ
related-video = ВИДЕО
related-audio = АУДИО
related-article = ТАҒЫ ОҚЫҢЫЗ
related-open = Ашу

draft-untranslated = Әлі аударылмаған
edition-incomplete = Бұл нұсқа толық емес.
