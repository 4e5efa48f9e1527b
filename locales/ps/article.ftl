# article — built-in messages (Pashto, ps)
# Reviewed by a fluent speaker: no.

published = د خپرېدو نېټه: { $date }
updated = د تازه کېدو نېټه: { $date }

credit-line = د { $agencies } د راپورونو پر بنسټ

agency-afp = فرانس پرس
agency-ap = اسوشیټېډ پرېس
agency-reuters = رویټرز
agency-tass = تاس
agency-interfax = انټرفاکس
agency-dpa = ډي پي اې
agency-efe = اې اېف اې
agency-ansa = انسا
agency-ria = ریا نووستي
agency-xinhua = شینهوا
agency-kyodo = کیودو
agency-irna = ایرنا
agency-anadolu = اناتولي

related-gallery = د انځورونو ګالري
related-video = ویډیو
related-audio = غږ
related-article = نور ولولئ
related-open = پرانیزئ

draft-untranslated = لا نه دی ژباړل شوی
edition-incomplete = دا نسخه بشپړه نه ده.
