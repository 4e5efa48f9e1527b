# article — built-in messages (Tatar, tt)
# Reviewed by a fluent speaker: no.

published = Басылды: { $date }
updated = Яңартылды: { $date }

credit-line = Материалда { $agencies } хәбәрләре файдаланылды

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
related-article = ШУЛАЙ УК УКЫГЫЗ
related-open = Ачу

draft-untranslated = Әле тәрҗемә ителмәгән
edition-incomplete = Бу чыгарылыш тулы түгел.
