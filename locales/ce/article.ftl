# article — built-in messages (Chechen, ce)
# Not yet reviewed by a native editor.
# The letter Ӏ is U+04C0 (palochka), never a Latin I or a digit 1.

published = Арахецна: { $date }
updated = Карлаяьккхина: { $date }

# One agency: «агентствон» (genitive singular); several: «агентствийн»
# (genitive plural). CLDR: one, other (one: exactly 1), supplied in
# locales/ce/cldr.toml because ICU4X ships no Chechen data.
credit-line =
    { $count ->
        [one] { $agencies } агентствон хаамашна тӀе а тевжаш
       *[other] { $agencies } агентствийн хаамашна тӀе а тевжаш
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

related-gallery = СУРТИЙН ГАЛЕРЕЙ
related-video = ВИДЕО
related-audio = АУДИО
related-article = КХИН А ДЕША
related-open = Схьаелла

draft-untranslated = ХӀинца а гочдина дац
edition-incomplete = ХӀара арахецар юьззина дац.
