# article — built-in messages (Persian, fa)
# Reviewed by a fluent speaker: no.

published = تاریخ انتشار: { $date }
updated = آخرین به‌روزرسانی: { $date }

credit-line = با استفاده از گزارش‌های { $agencies }

agency-afp = خبرگزاری فرانسه
agency-ap = آسوشیتدپرس
agency-reuters = رویترز
agency-tass = تاس
agency-interfax = اینترفاکس
agency-dpa = خبرگزاری آلمان
agency-efe = افه
agency-ansa = آنسا
agency-ria = ریانووستی
agency-xinhua = شینهوا
agency-kyodo = کیودو
agency-irna = ایرنا
agency-anadolu = آناتولی

related-gallery = گالری عکس
related-video = ویدیو
related-audio = صدا
related-article = بیشتر بخوانید
related-open = باز کنید

draft-untranslated = هنوز ترجمه نشده
edition-incomplete = این نسخه کامل نیست.
