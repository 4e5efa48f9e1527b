# article — built-in messages (Avar, av)
# Not yet reviewed by a native editor.
# The letter Ӏ is U+04C0 (palochka), never a Latin I or a digit 1.

published = Басмаялде бахъана: { $date }
updated = ЦӀияб гьабуна: { $date }

# Avar nouns stay singular after a numeral (CLDR has no rules for av; the
# supplied ones in locales/av/cldr.toml give "other" only), but the
# genitive of «агентство» is plural when several agencies are named: an
# exact [1].
credit-line =
    { $count ->
        [1] { $agencies } агентствоялъул хабаразда рекъон
       *[other] { $agencies } агентствоязул хабаразда рекъон
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

related-gallery = СУРАТАЛ
related-video = ВИДЕО
related-audio = АУДИО
related-article = ГЬЕБГИ ЦӀАЛЕ
related-open = Рагье

draft-untranslated = Жеги таржама гьабун гьечӀо
edition-incomplete = Гьаб издание тамаб гьечӀо.
