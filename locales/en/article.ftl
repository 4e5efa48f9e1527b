# article — built-in messages (English, en)
# Reviewed by a fluent speaker: no.

# The dateline. $date: the article's publication date, already formatted
# as the locale's long date.
published = Published { $date }
# $date: the date of the last update, formatted like $date in `published`;
# for an update made the day the article was published, its time of day
# ("4:45 PM", "16:45", as the locale writes it).
updated = Updated { $date }

# The agency credit line. $agencies: the agency names (the `agency-*`
# messages below), joined as the locale's "and" list. $count: how many
# agencies there are; select on it only where the grammar needs it.
credit-line = With reporting by { $agencies }

# Agency names, as the press of this language writes them.

agency-afp = AFP
agency-ap = AP
agency-reuters = Reuters
agency-tass = TASS
agency-interfax = Interfax
agency-dpa = dpa
agency-efe = EFE
agency-ansa = ANSA
agency-ria = RIA Novosti
agency-xinhua = Xinhua
agency-kyodo = Kyodo
agency-irna = IRNA
agency-anadolu = Anadolu

# Labels of the promos placed inside the body, by [[related]] kind.

related-gallery = PHOTO GALLERY
related-video = VIDEO
related-audio = AUDIO
related-article = READ MORE
# The promo's call to action.
related-open = Open

# Marks source-language text standing in for a missing translation
# in a draft edition.
draft-untranslated = Not yet translated
# Shown on a draft edition that is not complete.
edition-incomplete = This edition is incomplete.
