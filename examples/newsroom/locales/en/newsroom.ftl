# Meridian Radio — newsroom messages (English). Reviewed by a fluent speaker: no.
# These messages lie over the built-in English bundle of `article`.

# The "about us" box at the end of every edition.
# Variables:
#   $languages (Number) - [brand] languages in newsroom.toml
#   $countries (Number) - [brand] countries in newsroom.toml
about =
    Meridian Radio journalists report in { $languages ->
        [one] { $languages } language
       *[other] { $languages } languages
    } from { $countries ->
        [one] { $countries } country
       *[other] { $countries } countries
    }, many of them places where independent reporting is restricted or still finding its feet. We bring our listeners and readers accurate news, open debate and a place where their own voices are heard. [More about us](https://meridian.example/about)

# Reference text of the legal notice carried by Russian-language editions only
# (see [[notice]] in newsroom.toml). English editions do not display it.
notice-foreign-agent = Meridian Radio has been entered in the Russian government’s register of so-called “foreign agents”. Russian law requires our material to carry this label, and readers in Russia should be aware that passing it on may have legal consequences for them. [Why you see this notice](https://meridian.example/notice)
