# article — built-in messages (Bulgarian, bg)
# Reviewed by a fluent speaker: no.

published = Публикувано на { $date }
updated = Актуализирано на { $date }

credit-line = По информация на { $agencies }

agency-afp = Франс прес
agency-ap = Асошиейтед прес
agency-reuters = Ройтерс
agency-tass = ТАСС
agency-interfax = Интерфакс
agency-dpa = ДПА
agency-efe = ЕФЕ
agency-ansa = АНСА
agency-ria = РИА Новости
agency-xinhua = Синхуа
agency-kyodo = Кьодо
agency-irna = ИРНА
agency-anadolu = Анадолу

related-gallery = ФОТОГАЛЕРИЯ
related-video = ВИДЕО
related-audio = АУДИО
related-article = ПРОЧЕТЕТЕ ОЩЕ
related-open = Отвори

draft-untranslated = Все още не е преведено
edition-incomplete = Това издание е непълно.
