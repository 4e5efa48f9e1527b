# article — built-in messages (Kyrgyz, ky)
# Reviewed by a fluent speaker: no.

published = Жарыяланды: { $date }
updated = Жаңыртылды: { $date }

credit-line = Материалда { $agencies } маалыматтары колдонулду

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
related-article = ДАГЫ ОКУҢУЗ
related-open = Ачуу

draft-untranslated = Азырынча которула элек
edition-incomplete = Бул нуска толук эмес.
