# article — built-in messages (Georgian, ka)
# Reviewed by a fluent speaker: no.

published = გამოქვეყნდა { $date }
updated = განახლდა { $date }

# One agency: «სააგენტოს» (genitive singular); several: «სააგენტოების». CLDR: one, other.
credit-line =
    { $count ->
        [one] მასალის მომზადებისას გამოყენებულია სააგენტოს ცნობები: { $agencies }
       *[other] მასალის მომზადებისას გამოყენებულია სააგენტოების ცნობები: { $agencies }
    }

agency-afp = ფრანს პრესი
agency-ap = ასოშიეითედ პრესი
agency-reuters = როიტერი
agency-tass = ტასი
agency-interfax = ინტერფაქსი
agency-dpa = dpa
agency-efe = EFE
agency-ansa = ANSA
agency-ria = რია ნოვოსტი
agency-xinhua = სინხუა
agency-kyodo = კიოდო
agency-irna = IRNA
agency-anadolu = ანადოლუ

related-gallery = ფოტოგალერეა
related-video = ვიდეო
related-audio = აუდიო
related-article = წაიკითხეთ ასევე
related-open = გახსნა

draft-untranslated = ჯერ არ არის თარგმნილი
edition-incomplete = ეს ვერსია არასრულია.
