# article — built-in messages (Dari, prs)
# Not yet reviewed by a native editor.
# Right to left. Dari does not inflect a noun after a numeral: no select.

published = تاریخ نشر: { $date }
updated = به‌روز شده: { $date }

credit-line = بر اساس گزارش‌های { $agencies }

agency-afp = خبرگزاری فرانسه
agency-ap = آسوشیتدپرس
agency-reuters = رویترز
agency-tass = تاس
agency-interfax = انترفکس
agency-dpa = خبرگزاری آلمان
agency-efe = ایفی
agency-ansa = انسا
agency-ria = ریا نووستی
agency-xinhua = شینهوا
agency-kyodo = کیودو
agency-irna = ایرنا
agency-anadolu = اناتولی

related-gallery = گالری عکس
related-video = ویدیو
related-audio = صدا
related-article = این را هم بخوانید
related-open = باز کنید

draft-untranslated = هنوز ترجمه نشده است
edition-incomplete = این نسخه کامل نیست.
