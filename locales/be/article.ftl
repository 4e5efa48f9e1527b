# article — built-in messages (Belarusian, be)
# Reviewed by a fluent speaker: no.

published = Апублікавана { $date }
updated = Абноўлена { $date }

# One agency: genitive singular «агенцтва»; several: genitive plural «агенцтваў».
# The names stay in the nominative, in apposition. CLDR: one, few, many, other.
credit-line =
    { $count ->
        [one] Паводле паведамленняў агенцтва { $agencies }
        [few] Паводле паведамленняў агенцтваў { $agencies }
        [many] Паводле паведамленняў агенцтваў { $agencies }
       *[other] Паводле паведамленняў агенцтваў { $agencies }
    }

agency-afp = AFP
agency-ap = Associated Press
agency-reuters = Reuters
agency-tass = ТАСС
agency-interfax = Інтэрфакс
agency-dpa = dpa
agency-efe = EFE
agency-ansa = ANSA
agency-ria = РІА Навіны
agency-xinhua = Сіньхуа
agency-kyodo = Kyodo
agency-irna = IRNA
agency-anadolu = Anadolu

related-gallery = ФОТАГАЛЕРЭЯ
related-video = ВІДЭА
related-audio = АЎДЫЁ
related-article = ЧЫТАЙЦЕ ТАКСАМА
related-open = Адкрыць

draft-untranslated = Яшчэ не перакладзена
edition-incomplete = Гэтая версія няпоўная.
