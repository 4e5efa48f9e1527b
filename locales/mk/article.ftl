# article — built-in messages (Macedonian, mk)
# Not yet reviewed by a native editor.

published = Објавено на { $date }
updated = Ажурирано на { $date }

# One agency: «агенцијата» (definite singular); several: «агенциите».
# CLDR: one, other (one: 1, 21, 31 … but not 11).
credit-line =
    { $count ->
        [1] Според извештаите на агенцијата { $agencies }
       *[other] Според извештаите на агенциите { $agencies }
    }

agency-afp = АФП
agency-ap = АП
agency-reuters = Ројтерс
agency-tass = ТАСС
agency-interfax = Интерфакс
agency-dpa = ДПА
agency-efe = ЕФЕ
agency-ansa = АНСА
agency-ria = РИА Новости
agency-xinhua = Синхуа
agency-kyodo = Кјодо
agency-irna = ИРНА
agency-anadolu = Анадолу

related-gallery = ФОТОГАЛЕРИЈА
related-video = ВИДЕО
related-audio = АУДИО
related-article = ПРОЧИТАЈТЕ И
related-open = Отвори

draft-untranslated = Сè уште не е преведено
edition-incomplete = Ова издание не е целосно.
