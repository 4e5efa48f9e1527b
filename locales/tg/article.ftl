# article — built-in messages (Tajik, tg)
# Reviewed by a fluent speaker: no.

published = Санаи нашр: { $date }
updated = Навсозӣ: { $date }

credit-line = Бо истифода аз гузоришҳои { $agencies }

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

related-gallery = ГАЛЕРЕЯИ АКСҲО
related-video = ВИДЕО
related-audio = АУДИО
related-article = ИНЧУНИН БИХОНЕД
related-open = Кушодан

draft-untranslated = Ҳанӯз тарҷума нашудааст
edition-incomplete = Ин нашр пурра нест.
