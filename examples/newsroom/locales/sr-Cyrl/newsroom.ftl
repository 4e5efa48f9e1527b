# Meridian Radio — newsroom messages (Serbian, Cyrillic). Reviewed by a fluent speaker: no.
# These messages lie over the built-in Serbian bundle of `article`.
# The sr-Latn edition gets them by transliteration (see [derive] in newsroom.toml).

# The "about us" box. Plural categories for sr: one, few, other.
# "на N језику/језика" (locative), "из N земље/земаља" (genitive).
about =
    Новинари Радија Меридијан извештавају на { $languages ->
        [one] { $languages } језику
        [few] { $languages } језика
       *[other] { $languages } језика
    } из { $countries ->
        [one] { $countries } земље
        [few] { $countries } земље
       *[other] { $countries } земаља
    }, а у многима од њих независно новинарство је ограничено или тек стаје на ноге. Слушаоцима и читаоцима доносимо проверене вести, простор за отворену расправу и прилику да се њихов глас чује. [Више о нама](https://meridian.example/sr/about)
