# article — built-in messages (Ukrainian, uk)
# Reviewed by a fluent speaker: no.

published = Опубліковано { $date }
updated = Оновлено { $date }

# One agency: genitive singular «агенції»; several: genitive plural «агенцій».
# The names stay in the nominative, in apposition. CLDR: one, few, many, other.
credit-line =
    { $count ->
        [one] За матеріалами агенції { $agencies }
        [few] За матеріалами агенцій { $agencies }
        [many] За матеріалами агенцій { $agencies }
       *[other] За матеріалами агенцій { $agencies }
    }

agency-afp = AFP
agency-ap = Associated Press
agency-reuters = Reuters
agency-tass = ТАСС
agency-interfax = Інтерфакс
agency-dpa = dpa
agency-efe = EFE
agency-ansa = ANSA
agency-ria = РІА Новости
agency-xinhua = Сіньхуа
agency-kyodo = Kyodo
agency-irna = IRNA
agency-anadolu = Anadolu

related-gallery = ФОТОГАЛЕРЕЯ
related-video = ВІДЕО
related-audio = АУДІО
related-article = ЧИТАЙТЕ ТАКОЖ
related-open = Відкрити

draft-untranslated = Ще не перекладено
edition-incomplete = Ця версія неповна.
