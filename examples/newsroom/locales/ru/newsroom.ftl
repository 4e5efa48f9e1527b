# Meridian Radio — newsroom messages (Russian). Reviewed by a fluent speaker: no.
# These messages lie over the built-in Russian bundle of `article`.

# The "about us" box. Plural categories for ru: one, few, many, other.
# "на N языке/языках" takes the prepositional case, "из N страны/стран" the genitive;
# [other] covers fractions ("на 1,5 языка", "из 1,5 страны").
about =
    Журналисты Радио Меридиан ведут репортажи на { $languages ->
        [one] { $languages } языке
        [few] { $languages } языках
        [many] { $languages } языках
       *[other] { $languages } языка
    } из { $countries ->
        [one] { $countries } страны
        [few] { $countries } стран
        [many] { $countries } стран
       *[other] { $countries } страны
    }, и во многих из них независимая журналистика ограничена или только становится на ноги. Мы даём слушателям и читателям достоверные новости, место для открытой дискуссии и возможность быть услышанными. [Подробнее о нас](https://meridian.example/ru/about)

# Legal notice carried by every Russian-language edition (see [[notice]] in newsroom.toml).
notice-foreign-agent = Власти России внесли Радио Меридиан в реестр так называемых «иностранных агентов». Российский закон требует сопровождать наши материалы этой пометкой; читателям в России следует учитывать, что распространение этих материалов может повлечь для них юридические последствия. [Почему вы видите это сообщение](https://meridian.example/ru/notice)
