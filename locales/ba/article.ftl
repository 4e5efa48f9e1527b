# article — built-in messages (Bashkir, ba)
# Reviewed by a fluent speaker: no.

published = Баҫылды: { $date }
updated = Яңыртылды: { $date }

credit-line = Мәҡәләлә { $agencies } хәбәрҙәре файҙаланылды

agency-afp = Франс Пресс
agency-ap = Ассошиэйтед Пресс
agency-reuters = Рейтер
agency-tass = ТАСС
agency-interfax = Интерфакс
agency-dpa = dpa
agency-efe = ЭФЕ
agency-ansa = АНСА
agency-ria = РИА Новости
agency-xinhua = Синьхуа
agency-kyodo = Киодо
agency-irna = ИРНА
agency-anadolu = Анадолу

related-gallery = ФОТОГАЛЕРЕЯ
related-video = ВИДЕО
related-audio = АУДИО
related-article = ШУЛАЙ УҠ УҠЫҒЫҘ
related-open = Асыу

draft-untranslated = Әлегә тәржемә ителмәгән
edition-incomplete = Был сығарылыш тулы түгел.
