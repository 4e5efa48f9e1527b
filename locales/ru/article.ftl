# article — built-in messages (Russian, ru)
# Reviewed by a fluent speaker: no.

published = Опубликовано { $date }
updated = Обновлено { $date }

# One agency: genitive singular «агентства»; several: genitive plural «агентств».
# The names stay in the nominative, in apposition. CLDR: one, few, many, other.
credit-line =
    { $count ->
        [one] По материалам агентства { $agencies }
        [few] По материалам агентств { $agencies }
        [many] По материалам агентств { $agencies }
       *[other] По материалам агентств { $agencies }
    }

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
related-article = ЧИТАЙТЕ ТАКЖЕ
related-open = Открыть

draft-untranslated = Ещё не переведено
edition-incomplete = Эта версия неполная.
