# article — built-in messages (Montenegrin, Cyrillic, cnr-Cyrl)
# Not yet reviewed by a native editor.
# Ijekavian. Keep in step with cnr-Latn (its exact transliteration).

published = Објављено { $date }
updated = Ажурирано { $date }

# One agency: genitive singular «агенције»; several: genitive plural
# «агенција». CLDR's rules for Montenegrin are Serbian ones: one, few, other.
credit-line =
    { $count ->
        [one] Према извјештајима агенције { $agencies }
        [few] Према извјештајима агенција { $agencies }
       *[other] Према извјештајима агенција { $agencies }
    }

agency-afp = Франс прес
agency-ap = Асошијејтед прес
agency-reuters = Ројтерс
agency-tass = Тас
agency-interfax = Интерфакс
agency-dpa = ДПА
agency-efe = ЕФЕ
agency-ansa = АНСА
agency-ria = РИА Новости
agency-xinhua = Синхуа
agency-kyodo = Кјодо
agency-irna = ИРНА
agency-anadolu = Анадолија

related-gallery = ФОТОГАЛЕРИЈА
related-video = ВИДЕО
related-audio = АУДИО
related-article = ПРОЧИТАЈТЕ И
related-open = Отворите

draft-untranslated = Још није преведено
edition-incomplete = Ово издање још није цјеловито.
