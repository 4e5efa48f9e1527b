# article — built-in messages (Armenian, hy)
# Reviewed by a fluent speaker: no.

published = Հրապարակված է՝ { $date }
updated = Թարմացված է՝ { $date }

# One agency: «գործակալության»; several: «գործակալությունների». CLDR: one (0 and 1), other.
credit-line =
    { $count ->
        [one] Օգտագործվել են { $agencies } գործակալության նյութերը
       *[other] Օգտագործվել են { $agencies } գործակալությունների նյութերը
    }

agency-afp = Ֆրանս Պրես
agency-ap = Ասոշիեյթեդ Պրես
agency-reuters = Ռոյթերս
agency-tass = ՏԱՍՍ
agency-interfax = Ինտերֆաքս
agency-dpa = dpa
agency-efe = EFE
agency-ansa = ANSA
agency-ria = ՌԻԱ Նովոստի
agency-xinhua = Սինհուա
agency-kyodo = Կիոդո
agency-irna = ԻՌՆԱ
agency-anadolu = Անադոլու

related-gallery = ՖՈՏՈՇԱՐՔ
related-video = ՏԵՍԱՆՅՈՒԹ
related-audio = ՁԱՅՆԱՆՅՈՒԹ
related-article = ԿԱՐԴԱՑԵՔ ՆԱԵՎ
related-open = Բացել

draft-untranslated = Դեռ թարգմանված չէ
edition-incomplete = Այս տարբերակը թերի է։
