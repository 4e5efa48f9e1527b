# article — built-in messages (Arabic, ar)
# Reviewed by a fluent speaker: no.

published = نُشر في { $date }
updated = آخر تحديث: { $date }

credit-line = بالاستعانة بتقارير من { $agencies }

agency-afp = فرانس برس
agency-ap = أسوشيتد برس
agency-reuters = رويترز
agency-tass = تاس
agency-interfax = إنترفاكس
agency-dpa = د ب أ
agency-efe = إفي
agency-ansa = أنسا
agency-ria = ريا نوفوستي
agency-xinhua = شينخوا
agency-kyodo = كيودو
agency-irna = إرنا
agency-anadolu = الأناضول

related-gallery = معرض صور
related-video = فيديو
related-audio = صوت
related-article = اقرأ أيضاً
related-open = افتح

draft-untranslated = لم يُترجم بعد
edition-incomplete = هذه النسخة غير مكتملة.
