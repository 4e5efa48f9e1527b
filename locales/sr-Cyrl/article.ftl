# article — built-in messages (Serbian, Cyrillic, sr-Cyrl)
# Reviewed by a fluent speaker: no.

published = Објављено { $date }
updated = Ажурирано { $date }

# One agency: genitive singular «агенције»; several: genitive plural «агенција».
# CLDR: one, few, other. Keep in step with sr-Latn (its exact transliteration).
credit-line =
    { $count ->
        [one] Према извештајима агенције { $agencies }
        [few] Према извештајима агенција { $agencies }
       *[other] Према извештајима агенција { $agencies }
    }

agency-afp = Франс прес
agency-ap = Асошијетед прес
agency-reuters = Ројтерс
agency-tass = Тас
agency-interfax = Интерфакс
agency-dpa = ДПА
agency-efe = Ефе
agency-ansa = Анса
agency-ria = РИА Новости
agency-xinhua = Синхуа
agency-kyodo = Кјодо
agency-irna = Ирна
agency-anadolu = Анадолија

related-gallery = ФОТОГАЛЕРИЈА
related-video = ВИДЕО
related-audio = АУДИО
related-article = ПРОЧИТАЈТЕ И
related-open = Отвори

draft-untranslated = Још није преведено
edition-incomplete = Ово издање није потпуно.
