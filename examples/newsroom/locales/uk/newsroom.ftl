# Meridian Radio — newsroom messages (Ukrainian). Reviewed by a fluent speaker: no.
# These messages lie over the built-in Ukrainian bundle of `article`.

# The "about us" box. Plural categories for uk: one, few, many, other.
# "N мовою/мовами" takes the instrumental case, "з N країни/країн" the genitive;
# [other] covers fractions ("1,5 мови", "з 1,5 країни").
about =
    Журналісти Радіо Меридіан розповідають новини { $languages ->
        [one] { $languages } мовою
        [few] { $languages } мовами
        [many] { $languages } мовами
       *[other] { $languages } мови
    } з { $countries ->
        [one] { $countries } країни
        [few] { $countries } країн
        [many] { $countries } країн
       *[other] { $countries } країни
    }, і в багатьох із них незалежна журналістика обмежена або лише стає на ноги. Ми даємо слухачам і читачам достовірні новини, простір для відкритої дискусії та змогу бути почутими. [Докладніше про нас](https://meridian.example/uk/about)
