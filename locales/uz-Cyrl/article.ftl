# article — built-in messages (Uzbek, Cyrillic, uz-Cyrl)
# Not yet reviewed by a native editor.
# Keep in step with uz-Latn: transliterated (1995 alphabet), this file
# gives uz-Latn's text.

published = Чоп этилди: { $date }
updated = Янгиланди: { $date }

credit-line = Мақолада { $agencies } хабарларидан фойдаланилди

agency-afp = Франс Пресс
agency-ap = Ассошиэйтед Пресс
agency-reuters = Рейтер
agency-tass = ТАСС
agency-interfax = Интерфакс
agency-dpa = dpa
agency-efe = ЭФЕ
agency-ansa = АНСА
agency-ria = РИА Новости
agency-xinhua = Синхуа
agency-kyodo = Киодо
agency-irna = ИРНА
agency-anadolu = Анадолу

related-gallery = ФОТОГАЛЕРЕЯ
related-video = ВИДЕО
related-audio = АУДИО
related-article = ЯНА ЎҚИНГ
related-open = Очиш

draft-untranslated = Ҳали таржима қилинмаган
edition-incomplete = Бу нашр тўлиқ эмас.
