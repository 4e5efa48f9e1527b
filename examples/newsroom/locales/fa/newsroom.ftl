# Meridian Radio — newsroom messages (Persian). Reviewed by a fluent speaker: no.
# These messages lie over the built-in Persian bundle of `article`.

# The "about us" box. Plural categories for fa: one, other.
# A Persian noun after a number stays singular, so both variants read the same;
# the selector is kept so the plural-category check sees the full set.
about =
    روزنامه‌نگاران رادیو مریدین به { $languages ->
        [one] { $languages } زبان
       *[other] { $languages } زبان
    } و از { $countries ->
        [one] { $countries } کشور
       *[other] { $countries } کشور
    } گزارش می‌دهند؛ در بسیاری از این کشورها روزنامه‌نگاری مستقل محدود است یا هنوز جا نیفتاده است. ما خبرهای دقیق، فضایی برای گفت‌وگوی آزاد و فرصتی برای شنیده شدن صدای مخاطبانمان فراهم می‌کنیم. [درباره ما بیشتر بدانید](https://meridian.example/fa/about)
