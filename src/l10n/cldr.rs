//! CLDR formatting for one locale: long dates, "and" lists, plural
//! categories and numbers, backed by the ICU4X 2.x compiled data (CLDR 49).
//!
//! This module owns every call into ICU4X formatting. The rest of the
//! program builds one [`Cldr`] per locale (once, then caches and shares it,
//! e.g. across rayon threads: [`Cldr`] is `Send + Sync` because
//! `icu_provider` is built with its `sync` feature) and asks it for strings.
//!
//! # No silent root fallback
//!
//! ICU4X never refuses a locale: for a locale its data lacks (`xx`, `cnr`,
//! `ce`…) it walks the fallback chain down to the root locale `und` and
//! formats with root's placeholder data ("2017 M04 27", "AFP, Reuters,
//! TASS", Latin digits). Every method here instead returns
//! `Err(`[`Missing`]`)` for a service CLDR has no real data for, so the caller
//! can fall back along its own chain (e.g. `cnr` → `sr-Latn`).
//!
//! ## How it is detected
//!
//! The compiled data providers (`icu_*::provider::Baked`) do the locale
//! fallback themselves and report where they landed: a
//! [`DataResponse`]'s `metadata.locale` is `None` when the requested locale
//! was found as is, and `Some(resolved)` when fallback was needed. When
//! [`Cldr::new`] runs, it loads (silently, see
//! `DataRequestMetadata::silent`) a few key data markers through exactly the
//! locale the formatters will request (`DataMarkerExt::make_locale`) and
//! checks whether the resolved locale is root (its language is `und`):
//!
//! * The locale **is known to CLDR** when its "and" list patterns
//!   (`ListAndV1`, wide), its Gregorian month names (`DatetimeNamesMonthGregorianV1`,
//!   wide) or its number symbols (`DecimalSymbolsV1`) resolve to a non-root
//!   locale.
//! * **Dates** are real when the month names *of the calendar the date
//!   formatter resolved* (Persian for `fa`, Buddhist for `th`…) resolve to a
//!   non-root locale. Root's month names are the "M04" placeholders, which no
//!   real locale inherits.
//! * **Lists** and **numbers** are real when the locale is known to CLDR.
//!   The marker itself is *not* required to resolve to a non-root locale:
//!   ICU4X deduplicates data that equals its parent's, so `en`, `ja`, `zh`,
//!   `th` number symbols (identical to root's "." and ",") and `mn`/`ckb`
//!   lists (comma-only, identical to root's) are stored only at root and
//!   resolve there; for a locale CLDR has, that is still CLDR's own answer
//!   (spelled out in the locale, or inherited from root inside CLDR).
//! * **Plurals** come from CLDR's separate `plurals.xml`, keyed by language,
//!   so "known locale" says nothing about them (`tt` and `ba` have locale
//!   data but no plural rules). They are real when `PluralsCardinalV1`
//!   resolves to a non-root locale; otherwise the bare language is tried
//!   (ICU4X walks `sr-Latn` → `und`, skipping `sr`, and so would give
//!   Latin-script Serbian only "other": the rules of `sr` are used instead);
//!   otherwise the language must be one CLDR lists as having only "other"
//!   ([`OTHER_ONLY_LANGUAGES`]: `ja`, `zh`, `th`…, whose rules are also
//!   deduplicated into root). So plurals can be real where the rest is not:
//!   `az-Cyrl` has no locale data in ICU4X but gets the rules of `az`.
//!
//! No alias canonicalization is done: `cnr` stays `cnr` (CLDR aliases it to
//! `sr-ME`, which `icu_locale::LocaleCanonicalizer` would apply), `iw` stays
//! `iw`. Unicode extensions are honoured: `fa-u-nu-latn` gives Latin digits,
//! `th-u-ca-gregory` the Gregorian calendar.
//!
//! # Coverage (ICU4X 2.4 compiled data, CLDR 49)
//!
//! Checked by the test `coverage_table`. "real" means [`Cldr`] returns `Ok`
//! from ICU4X's data alone. Where it does not, data supplied in
//! `locales/<tag>/cldr.toml` ([`crate::l10n::supplied`]: `av`, `ce`, `crh`,
//! `kk-Latn`) or in a newsroom's `[cldr.TAG]` is used, over CLDR's where
//! both have some.
//!
//! | tag       | dates | lists | plurals | numbers | notes |
//! |-----------|-------|-------|---------|---------|-------|
//! | `en`      | real  | real  | real    | real    | number symbols stored only at root (deduplicated) |
//! | `ru`      | real  | real  | real    | real    | "27 апреля 2017 г." with U+202F before "г." |
//! | `uk`      | real  | real  | real    | real    | "27 квітня 2017 р." with U+202F |
//! | `sr-Cyrl` | real  | real  | real    | real    | resolves to `sr` |
//! | `sr-Latn` | real  | real  | real    | real    | plurals via bare `sr` (ICU4X alone gives only "other") |
//! | `sr`      | real  | real  | real    | real    | Cyrillic |
//! | `fa`      | real  | real  | real    | real    | Persian calendar, Persian digits, list has U+200F after "،" |
//! | `ps`      | real  | real  | real    | real    | Persian calendar: "AP ۱۳۹۶ غویی ۷" (era first, from CLDR's `ps` data) |
//! | `ka`      | real  | real  | real    | real    | "1200": 4-digit numbers not grouped |
//! | `hy`      | real  | real  | real    | real    | "1200" |
//! | `kk`      | real  | real  | real    | real    | list "AFP, Reuters, TASS" is `kk`'s own CLDR data |
//! | `uz-Latn` | real  | real  | real    | real    | resolves to `uz` |
//! | `ro`      | real  | real  | real    | real    | |
//! | `hu`      | real  | real  | real    | real    | "1200" |
//! | `bg`      | real  | real  | real    | real    | "1200" |
//! | `tt`      | real  | real  | Missing | real    | no plural rules in CLDR 49 (ICU4X resolves them to root) |
//! | `ba`      | real  | real  | Missing | real    | no plural rules in CLDR 49 (ICU4X resolves them to root) |
//! | `ce`      | Missing | Missing | Missing | Missing | not in the compiled data (CLDR has `ce` plural rules, ICU4X does not ship them); dates, lists, plurals supplied |
//! | `crh`     | Missing | Missing | Missing | Missing | not in the compiled data; dates, lists, plurals supplied |
//! | `cnr`     | Missing | Missing | Missing | Missing | CLDR alias of `sr-ME`; not canonicalized here |
//! | `xx`      | Missing | Missing | Missing | Missing | |
//!
//! [`DataResponse`]: icu_provider::DataResponse

use icu_calendar::{AnyCalendarKind, Date};
use icu_datetime::fieldsets::{T, YMD};
use icu_datetime::input::Time;
use icu_datetime::{DateTimeFormatter, NoCalendarFormatter};
use icu_decimal::DecimalFormatter;
use icu_list::ListFormatter;
use icu_list::options::{ListFormatterOptions, ListLength};
use icu_locale::Locale;
use icu_locale::preferences::LocalePreferences;
use icu_plurals::{PluralCategory, PluralOperands, PluralRuleType, PluralRules};
use icu_provider::prelude::*;
use std::sync::Arc;

use crate::l10n::supplied::{self, Supplied};

/// An exact decimal number (re-exported from ICU4X): use it with
/// [`Cldr::number_decimal`] and [`Cldr::plural_decimal`] when visible
/// fraction digits matter ("1.50", "1.0"). Parse it with `str::parse`.
pub use icu_decimal::input::Decimal;

/// Languages CLDR 49's `plurals.xml` gives the single category "other"
/// (`root` itself left out). ICU4X stores their rules only at root
/// (deduplicated), so a root resolution means "real" for these alone.
pub const OTHER_ONLY_LANGUAGES: &[&str] = &[
    "bm", "bo", "dz", "hnj", "id", "ig", "ii", "in", "ja", "jbo", "jv", "jw", "kde", "kea", "km",
    "ko", "lkt", "lo", "ms", "my", "nqo", "osa", "sah", "ses", "sg", "su", "th", "to", "tpi", "wo",
    "yo", "yue", "zh",
];

/// Wide names (CLDR `MMMM`): the marker attribute of month names.
const WIDE_MONTHS: &DataMarkerAttributes = DataMarkerAttributes::from_str_or_panic("5");
/// Wide lists: the marker attribute of list patterns.
const WIDE_LIST: &DataMarkerAttributes = DataMarkerAttributes::from_str_or_panic("W");

/// CLDR formatters for one locale.
///
/// Build it once per locale with [`Cldr::new`] and share it (it is
/// `Send + Sync`); each method is cheap. A method returns `Err(`[`Missing`]`)`
/// when CLDR has no real data for the locale for that service (see the
/// module documentation for how that is decided).
#[derive(Debug)]
pub struct Cldr {
    locale: Locale,
    dates: Option<DateTimeFormatter<YMD>>,
    times: Option<NoCalendarFormatter<T>>,
    list: Option<ListFormatter>,
    plurals: Option<PluralRules>,
    numbers: Option<DecimalFormatter>,
    /// Data supplied over CLDR's (built in, or a newsroom's `[cldr]`).
    supplied: Option<Arc<Supplied>>,
}

/// What CLDR lacks for a locale (so the caller falls back along its chain).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Missing {
    /// No CLDR date formats (month names) for the locale's calendar.
    #[error("CLDR has no date formats for this locale")]
    Dates,
    /// No CLDR list patterns for the locale.
    #[error("CLDR has no list patterns for this locale")]
    Lists,
    /// No CLDR plural rules for the locale's language.
    #[error("CLDR has no plural rules for this locale")]
    Plurals,
    /// No CLDR number symbols for the locale.
    #[error("CLDR has no number formats for this locale")]
    Numbers,
    /// Not a lack of data: [`Cldr::long_date`] was given a day that does not
    /// exist in the proleptic Gregorian calendar (2017-02-30, month 13…).
    /// Falling back to another locale will not help.
    #[error("{year:04}-{month:02}-{day:02} is not a valid date")]
    InvalidDate {
        /// The year given.
        year: i32,
        /// The month given (1-based).
        month: u8,
        /// The day given (1-based).
        day: u8,
    },
    /// Not a lack of data: [`Cldr::time`] was given a time that does not
    /// exist (hour 24, minute 60).
    #[error("{hour:02}:{minute:02} is not a valid time")]
    InvalidTime {
        /// The hour given.
        hour: u8,
        /// The minute given.
        minute: u8,
    },
}

/// A tag that is not a well-formed BCP 47 language tag.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{tag:?} is not a valid BCP 47 language tag: {reason}")]
pub struct InvalidTag {
    /// The tag as given.
    pub tag: String,
    /// Why ICU4X refused it.
    pub reason: String,
}

impl Cldr {
    /// Builds the formatters for `tag`, a BCP 47 tag such as "en", "ru",
    /// "sr-Latn", "sr-Cyrl", "fa", "uz-Latn", "tt", "cnr" (`_` is accepted
    /// for `-`; case is normalized; `-u-` extensions such as `nu` or `ca`
    /// are honoured).
    ///
    /// Fails only on a malformed tag: a well-formed tag CLDR knows nothing
    /// about (`xx`) gives a `Cldr` whose methods all return `Err(Missing)`.
    ///
    /// Data supplied for the locale in the tool's own `locales/<tag>/cldr.toml`
    /// ([`crate::l10n::supplied`]) is used over CLDR's.
    pub fn new(tag: &str) -> Result<Cldr, InvalidTag> {
        Cldr::with_supplied(tag, None)
    }

    /// Like [`Cldr::new`], with a newsroom's supplied data (`[cldr.TAG]`)
    /// over the built-in supplied data and CLDR's, field by field.
    pub fn with_supplied(tag: &str, newsroom: Option<&Supplied>) -> Result<Cldr, InvalidTag> {
        let mut cldr = Cldr::icu(tag)?;
        let builtin = supplied::builtin(tag);
        cldr.supplied = match (newsroom, builtin) {
            (Some(newsroom), Some(builtin)) => Some(Arc::new(newsroom.over(&builtin))),
            (Some(newsroom), None) => Some(Arc::new(newsroom.clone())),
            (None, builtin) => builtin,
        };
        Ok(cldr)
    }

    /// CLDR's data alone, as ICU4X ships it.
    fn icu(tag: &str) -> Result<Cldr, InvalidTag> {
        let normalized = tag.trim().replace('_', "-");
        let locale = Locale::try_from_str(&normalized).map_err(|e| InvalidTag {
            tag: tag.to_owned(),
            reason: e.to_string(),
        })?;
        let prefs = LocalePreferences::from(&locale);
        let known = is_real::<icu_list::provider::ListAndV1, _>(
            &icu_list::provider::Baked,
            prefs,
            WIDE_LIST,
        ) || is_real::<icu_datetime::provider::names::DatetimeNamesMonthGregorianV1, _>(
            &icu_datetime::provider::Baked,
            prefs,
            WIDE_MONTHS,
        ) || is_real::<icu_decimal::provider::DecimalSymbolsV1, _>(
            &icu_decimal::provider::Baked,
            prefs,
            DataMarkerAttributes::empty(),
        );

        let dates = if known {
            DateTimeFormatter::try_new((&locale).into(), YMD::long())
                .ok()
                .filter(|f| month_names_are_real(f.calendar().kind(), prefs))
                .map(|f| gregorian_unless_real(f, &locale))
        } else {
            None
        };
        // Times come with dates: a locale whose dates would be root's
        // placeholders gets no root times either.
        let times = if dates.is_some() {
            NoCalendarFormatter::try_new((&locale).into(), T::hm()).ok()
        } else {
            None
        };
        let list = if known {
            ListFormatter::try_new_and(
                (&locale).into(),
                ListFormatterOptions::default().with_length(ListLength::Wide),
            )
            .ok()
        } else {
            None
        };
        let numbers = if known {
            DecimalFormatter::try_new((&locale).into(), Default::default()).ok()
        } else {
            None
        };
        let plurals = plural_rules(&locale);

        Ok(Cldr {
            locale,
            dates,
            times,
            list,
            plurals,
            numbers,
            supplied: None,
        })
    }

    /// The locale, as parsed and normalized (e.g. "sr-Latn").
    pub fn locale(&self) -> &Locale {
        &self.locale
    }

    /// Long date of a calendar date given in the (proleptic) Gregorian
    /// calendar, written in the locale's default calendar and numbering
    /// system: fa → Persian calendar and Persian digits ("۷ اردیبهشت ۱۳۹۶"),
    /// ru → "27 апреля 2017 г." (with the U+202F CLDR gives before "г."),
    /// en → "April 27, 2017".
    ///
    /// `Err(Missing::InvalidDate)` when the day does not exist.
    pub fn long_date(&self, year: i32, month: u8, day: u8) -> Result<String, Missing> {
        let date = Date::try_new_iso(year, month, day).map_err(|_| Missing::InvalidDate {
            year,
            month,
            day,
        })?;
        if let Some(text) = self
            .supplied
            .as_ref()
            .and_then(|s| s.long_date(year, month, day))
        {
            return Ok(text);
        }
        let formatter = self.dates.as_ref().ok_or(Missing::Dates)?;
        let text = formatter.format(&date).to_string();
        Ok(as_cldr_writes(&self.locale, day, text))
    }

    /// Hour and minute of a time of day, as the locale writes them, in its
    /// numbering system: en "11:45 AM", ru "11:45", fa "۱۱:۴۵".
    ///
    /// `Err(Missing::Dates)` when CLDR has no date formats for the locale,
    /// `Err(Missing::InvalidTime)` when the time does not exist.
    pub fn time(&self, hour: u8, minute: u8) -> Result<String, Missing> {
        let time =
            Time::try_new(hour, minute, 0, 0).map_err(|_| Missing::InvalidTime { hour, minute })?;
        if let Some(text) = self.supplied.as_ref().and_then(|s| s.time(hour, minute)) {
            return Ok(text);
        }
        let formatter = self.times.as_ref().ok_or(Missing::Dates)?;
        Ok(formatter.format(&time).to_string())
    }

    /// The locale's wide "and" list: en ["AFP", "Reuters", "TASS"] →
    /// "AFP, Reuters, and TASS"; ru → "AFP, Reuters и TASS". One item is
    /// returned as is, none gives "".
    pub fn and_list(&self, items: &[&str]) -> Result<String, Missing> {
        if let Some(text) = self.supplied.as_ref().and_then(|s| s.and_list(items)) {
            return Ok(text);
        }
        let formatter = self.list.as_ref().ok_or(Missing::Lists)?;
        Ok(formatter.format(items.iter()).to_string())
    }

    /// CLDR cardinal plural category of `n`: "zero", "one", "two", "few",
    /// "many" or "other".
    ///
    /// `n` is taken in its shortest round-trip decimal form, so `1.0` is the
    /// integer 1 ("one" in English) and `1.5` has one visible fraction
    /// digit. When visible trailing zeros matter ("1.0 km" is "other" in
    /// English), use [`Cldr::plural_decimal`]. NaN and infinities are "other".
    pub fn plural(&self, n: f64) -> Result<&'static str, Missing> {
        if let Some(rules) = self.supplied_plurals() {
            return Ok(match decimal_from_f64(n) {
                Some(decimal) => rules.category(&decimal.to_string()),
                None => "other",
            });
        }
        let rules = self.plurals.as_ref().ok_or(Missing::Plurals)?;
        Ok(match decimal_from_f64(n) {
            Some(decimal) => category_name(rules.category_for(&decimal)),
            None => "other",
        })
    }

    /// Like [`Cldr::plural`], for an exact decimal whose visible fraction
    /// digits count (`"1.0".parse::<Decimal>()` is "other" in English).
    pub fn plural_decimal(&self, n: &Decimal) -> Result<&'static str, Missing> {
        if let Some(rules) = self.supplied_plurals() {
            return Ok(rules.category(&n.to_string()));
        }
        let rules = self.plurals.as_ref().ok_or(Missing::Plurals)?;
        Ok(category_name(rules.category_for(PluralOperands::from(n))))
    }

    /// The cardinal categories the locale uses, in CLDR order ("zero",
    /// "one", "two", "few", "many", "other"; "other" always last): ru →
    /// ["one", "few", "many", "other"]. For checking Fluent selectors.
    pub fn plural_categories(&self) -> Result<Vec<&'static str>, Missing> {
        if let Some(rules) = self.supplied_plurals() {
            return Ok(rules.categories());
        }
        let rules = self.plurals.as_ref().ok_or(Missing::Plurals)?;
        Ok(rules.categories().map(category_name).collect())
    }

    /// The supplied plural rules, if any.
    fn supplied_plurals(&self) -> Option<&Arc<supplied::Rules>> {
        self.supplied.as_ref().and_then(|s| s.plurals())
    }

    /// `n` formatted the locale's way: grouping (en "1,200", ru "1 200" with
    /// U+00A0, hu "1200": CLDR groups 4-digit numbers only in some
    /// locales), decimal separator and native digits (fa "۲۷", "۱٬۲۰۰").
    ///
    /// `n` is written in its shortest round-trip form, without rounding
    /// ("0.1", "1234.5"); round it first, or use [`Cldr::number_decimal`]
    /// for a fixed number of fraction digits. `-0` is written "0"; NaN and
    /// infinities are written "NaN", "∞", "-∞".
    pub fn number(&self, n: f64) -> Result<String, Missing> {
        let formatter = self.numbers.as_ref().ok_or(Missing::Numbers)?;
        Ok(match decimal_from_f64(n) {
            Some(decimal) => formatter.format(&decimal).to_string(),
            None if n.is_nan() => "NaN".to_owned(),
            None if n < 0.0 => "-∞".to_owned(),
            None => "∞".to_owned(),
        })
    }

    /// Like [`Cldr::number`], for an exact decimal (trailing zeros are kept:
    /// "1.50" in en, "1,50" in ru).
    pub fn number_decimal(&self, n: &Decimal) -> Result<String, Missing> {
        let formatter = self.numbers.as_ref().ok_or(Missing::Numbers)?;
        Ok(formatter.format(n).to_string())
    }
}

/// Whether the compiled data for marker `M` resolves `prefs` (as the
/// formatters would request it) to a non-root locale.
fn is_real<M, P>(provider: &P, prefs: LocalePreferences, attributes: &DataMarkerAttributes) -> bool
where
    M: DataMarker,
    P: DataProvider<M>,
{
    let requested = M::make_locale(prefs);
    let mut metadata = DataRequestMetadata::default();
    metadata.silent = true;
    let request = DataRequest {
        id: DataIdentifierBorrowed::for_marker_attributes_and_locale(attributes, &requested),
        metadata,
    };
    match provider.load(request) {
        // `metadata.locale` is `None` when no fallback was needed.
        Ok(response) => !response
            .metadata
            .locale
            .as_ref()
            .unwrap_or(&requested)
            .language
            .is_unknown(),
        Err(_) => false,
    }
}

/// The long date `text` ICU4X wrote for day `day`, as CLDR's long date
/// pattern writes it where the two differ: CLDR's Serbian (`d. MMMM y.`)
/// and Armenian (`d MMMM, y թ.`) long dates do not zero-pad the day, though
/// ICU4X's long year-month-day does ("01. јануар 2025."); French writes
/// the first of the month "1er" ("1er janvier 2025").
fn as_cldr_writes(locale: &Locale, day: u8, text: String) -> String {
    let language = locale.id.language.as_str();
    let unpadded = matches!(language, "sr" | "hy");
    if unpadded && day < 10 {
        let padded = format!("{day:02}");
        let mut start = 0;
        while let Some(found) = text.get(start..).and_then(|rest| rest.find(&padded)) {
            let at = start + found;
            let end = at + padded.len();
            let (before, after) = (text.get(..at).unwrap_or(""), text.get(end..).unwrap_or(""));
            let digit_before = before
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit());
            let digit_after = after.chars().next().is_some_and(|c| c.is_ascii_digit());
            if !digit_before && !digit_after {
                return format!("{before}{day}{after}");
            }
            start = end;
        }
        return text;
    }
    if language == "fr" && day == 1 {
        for space in [' ', '\u{a0}', '\u{202f}'] {
            if let Some(rest) = text.strip_prefix(&format!("1{space}")) {
                return format!("1er{space}{rest}");
            }
        }
    }
    text
}

/// The long-date formatter of `locale`, or its Gregorian one when CLDR has
/// month names but no date patterns for the locale's default calendar:
/// ICU4X then writes root's pattern, with its Latin era code, in a locale
/// of another script (Pashto's Persian calendar gave "AP ۱۴۰۳ کب ۳۰";
/// CLDR's Pashto long date is Gregorian, "۲۰ مارچ ۲۰۲۵"). A calendar the
/// tag asks for (`-u-ca-`) is kept.
fn gregorian_unless_real(
    formatter: DateTimeFormatter<YMD>,
    locale: &Locale,
) -> DateTimeFormatter<YMD> {
    let kind = formatter.calendar().kind();
    let ca = icu_locale::extensions::unicode::key!("ca");
    if matches!(kind, AnyCalendarKind::Gregorian | AnyCalendarKind::Iso)
        || locale.extensions.unicode.keywords.get(&ca).is_some()
        || crate::l10n::bundles::likely_script(&locale.id.to_string()).as_deref() == Some("Latn")
    {
        return formatter;
    }
    let Ok(sample) = Date::try_new_iso(2025, 3, 20) else {
        return formatter;
    };
    let text = formatter.format(&sample).to_string();
    if !text.chars().any(|c| c.is_ascii_alphabetic()) {
        return formatter;
    }
    let mut gregorian = locale.clone();
    if let Ok(value) = "gregory".parse() {
        gregorian.extensions.unicode.keywords.set(ca, value);
    }
    DateTimeFormatter::try_new((&gregorian).into(), YMD::long()).unwrap_or(formatter)
}

/// Whether the wide month names of `calendar` are real data for `prefs`.
fn month_names_are_real(calendar: AnyCalendarKind, prefs: LocalePreferences) -> bool {
    use icu_datetime::provider::Baked;
    use icu_datetime::provider::names::*;
    let p = &Baked;
    let a = WIDE_MONTHS;
    match calendar {
        AnyCalendarKind::Buddhist => is_real::<DatetimeNamesMonthBuddhistV1, _>(p, prefs, a),
        AnyCalendarKind::Chinese => is_real::<DatetimeNamesMonthChineseV1, _>(p, prefs, a),
        AnyCalendarKind::Coptic => is_real::<DatetimeNamesMonthCopticV1, _>(p, prefs, a),
        AnyCalendarKind::Dangi => is_real::<DatetimeNamesMonthDangiV1, _>(p, prefs, a),
        AnyCalendarKind::Ethiopian | AnyCalendarKind::EthiopianAmeteAlem => {
            is_real::<DatetimeNamesMonthEthiopianV1, _>(p, prefs, a)
        }
        AnyCalendarKind::Hebrew => is_real::<DatetimeNamesMonthHebrewV1, _>(p, prefs, a),
        AnyCalendarKind::Indian => is_real::<DatetimeNamesMonthIndianV1, _>(p, prefs, a),
        AnyCalendarKind::HijriTabularTypeIIFriday
        | AnyCalendarKind::HijriSimulatedMecca
        | AnyCalendarKind::HijriTabularTypeIIThursday
        | AnyCalendarKind::HijriUmmAlQura => is_real::<DatetimeNamesMonthHijriV1, _>(p, prefs, a),
        AnyCalendarKind::Japanese => is_real::<DatetimeNamesMonthJapaneseV1, _>(p, prefs, a),
        AnyCalendarKind::Persian => is_real::<DatetimeNamesMonthPersianV1, _>(p, prefs, a),
        AnyCalendarKind::Roc => is_real::<DatetimeNamesMonthRocV1, _>(p, prefs, a),
        // Gregorian, ISO, Julian and kinds added later: Gregorian names.
        _ => is_real::<DatetimeNamesMonthGregorianV1, _>(p, prefs, a),
    }
}

/// Cardinal plural rules for `locale`, if CLDR has real ones (see the
/// module documentation).
fn plural_rules(locale: &Locale) -> Option<PluralRules> {
    let rules_locale = plural_rules_locale(locale, PluralRuleType::Cardinal)?;
    PluralRules::try_new_cardinal((&rules_locale).into()).ok()
}

/// The locale to ask ICU4X for `kind` plural rules on behalf of `locale`,
/// if CLDR has real rules of that kind for it (see the module
/// documentation): `locale` itself when its rules resolve to a non-root
/// locale, else its bare language (`sr-Latn` → `sr`) when that one's do or,
/// for cardinals, when CLDR gives the language only "other"
/// ([`OTHER_ONLY_LANGUAGES`]). `None` when the rules resolve to root.
///
/// For ordinals `None` is also what a language whose ordinals are all
/// "other" gets (`ru`: ICU4X stores such rules once, at root), so `None`
/// there means "root's rules are CLDR's answer or no better one is known".
pub(crate) fn plural_rules_locale(locale: &Locale, kind: PluralRuleType) -> Option<Locale> {
    use icu_plurals::provider::{Baked, PluralsCardinalV1, PluralsOrdinalV1};
    let empty = DataMarkerAttributes::empty();
    let ordinal = kind == PluralRuleType::Ordinal;
    let real = |locale: &Locale| {
        if ordinal {
            is_real::<PluralsOrdinalV1, _>(&Baked, locale.into(), empty)
        } else {
            is_real::<PluralsCardinalV1, _>(&Baked, locale.into(), empty)
        }
    };
    if real(locale) {
        return Some(locale.clone());
    }
    let mut bare = Locale::UNKNOWN;
    bare.id.language = locale.id.language;
    if bare.id.language.is_unknown() {
        return None;
    }
    if real(&bare) || (!ordinal && OTHER_ONLY_LANGUAGES.contains(&bare.id.language.as_str())) {
        return Some(bare);
    }
    None
}

/// The shortest round-trip decimal of a finite `n` (`None` for NaN and
/// infinities); `-0` becomes `0`.
pub(crate) fn decimal_from_f64(n: f64) -> Option<Decimal> {
    if !n.is_finite() {
        return None;
    }
    let n = if n == 0.0 { 0.0 } else { n };
    // `f64`'s `Display` is the shortest round-trip form and never uses an
    // exponent, which is what `Decimal` parses.
    n.to_string().parse().ok()
}

/// CLDR's name of a plural category.
pub(crate) fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// `Cldr` must stay shareable across threads.
const _: fn() = || {
    fn shareable<T: Send + Sync>() {}
    shareable::<Cldr>();
    shareable::<Missing>();
    shareable::<InvalidTag>();
};

#[cfg(test)]
mod tests {
    use super::*;

    const DATE: (i32, u8, u8) = (2017, 4, 27);
    const AGENCIES: [&str; 3] = ["AFP", "Reuters", "TASS"];

    fn cldr(tag: &str) -> Cldr {
        Cldr::new(tag).unwrap()
    }

    fn long_date(tag: &str) -> Result<String, Missing> {
        cldr(tag).long_date(DATE.0, DATE.1, DATE.2)
    }

    #[test]
    fn day_as_cldrs_long_date_writes_it() {
        let icu4x = |tag: &str, day: u8| {
            DateTimeFormatter::try_new((&Locale::try_from_str(tag).unwrap()).into(), YMD::long())
                .unwrap()
                .format(&Date::try_new_iso(2025, 1, day).unwrap())
                .to_string()
        };
        for tag in ["sr-Cyrl", "sr-Latn", "hy"] {
            // Two-digit days are ICU4X's; one-digit days lose ICU4X's zero.
            assert_eq!(cldr(tag).long_date(2025, 1, 20).unwrap(), icu4x(tag, 20));
            let one = cldr(tag).long_date(2025, 1, 1).unwrap();
            assert_eq!(one, icu4x(tag, 1).replacen("01", "1", 1), "{tag}");
            assert!(!one.contains("01"), "{tag}: {one}");
        }
        assert_eq!(
            cldr("sr-Cyrl").long_date(2025, 1, 1).unwrap(),
            "1. јануар 2025."
        );
        assert_eq!(
            cldr("hy").long_date(2025, 1, 5).unwrap(),
            icu4x("hy", 5).replacen("05", "5", 1)
        );
        // French: "1er", then plain numbers.
        assert_eq!(
            cldr("fr").long_date(2025, 1, 1).unwrap(),
            icu4x("fr", 1).replacen('1', "1er", 1)
        );
        assert!(
            cldr("fr")
                .long_date(2025, 1, 1)
                .unwrap()
                .starts_with("1er janvier")
        );
        assert_eq!(cldr("fr").long_date(2025, 1, 2).unwrap(), icu4x("fr", 2));
        assert_eq!(cldr("fr").long_date(2025, 1, 11).unwrap(), icu4x("fr", 11));
        // Others are ICU4X's as they are.
        assert_eq!(cldr("ru").long_date(2025, 1, 1).unwrap(), icu4x("ru", 1));
    }

    #[test]
    fn pashto_long_date_is_cldrs_not_roots() {
        // What ICU4X writes for Pashto in the Gregorian calendar, CLDR's
        // Pashto long date; never root's pattern with its Latin era.
        let expected = DateTimeFormatter::try_new(
            (&Locale::try_from_str("ps-u-ca-gregory").unwrap()).into(),
            YMD::long(),
        )
        .unwrap()
        .format(&Date::try_new_iso(2025, 3, 20).unwrap())
        .to_string();
        let ps = cldr("ps").long_date(2025, 3, 20).unwrap();
        assert_eq!(ps, expected);
        assert!(!ps.chars().any(|c| c.is_ascii_alphabetic()), "{ps}");
        // Persian keeps its own calendar, and a calendar asked for is kept.
        assert!(cldr("fa").long_date(2025, 3, 20).unwrap().contains("اسفند"));
        assert!(
            cldr("ps-u-ca-persian")
                .long_date(2025, 3, 20)
                .unwrap()
                .contains("AP")
        );
    }

    #[test]
    fn long_dates() {
        for (tag, expected) in [
            ("en", "April 27, 2017"),
            ("ru", "27 апреля 2017\u{202f}г."),
            ("uk", "27 квітня 2017\u{202f}р."),
            ("sr-Cyrl", "27. април 2017."),
            ("sr-Latn", "27. april 2017."),
            ("fa", "۷ اردیبهشت ۱۳۹۶"),
        ] {
            assert_eq!(long_date(tag).as_deref(), Ok(expected), "{tag}");
        }
    }

    #[test]
    fn times_of_day() {
        for (tag, expected) in [
            ("en", "11:45\u{202f}AM"),
            ("ru", "11:45"),
            ("sr-Latn", "11:45"),
            ("fa", "۱۱:۴۵"),
        ] {
            assert_eq!(cldr(tag).time(11, 45).as_deref(), Ok(expected), "{tag}");
        }
        assert_eq!(cldr("xx").time(11, 45), Err(Missing::Dates));
        assert_eq!(
            cldr("en").time(24, 0),
            Err(Missing::InvalidTime {
                hour: 24,
                minute: 0
            })
        );
    }

    #[test]
    fn and_lists() {
        for (tag, expected) in [
            ("en", "AFP, Reuters, and TASS"),
            ("ru", "AFP, Reuters и TASS"),
            ("uk", "AFP, Reuters і TASS"),
            ("sr-Cyrl", "AFP, Reuters и TASS"),
            ("sr-Latn", "AFP, Reuters i TASS"),
            // CLDR puts a right-to-left mark after the Arabic comma.
            ("fa", "AFP،\u{200f} Reuters، و TASS"),
        ] {
            assert_eq!(
                cldr(tag).and_list(&AGENCIES).as_deref(),
                Ok(expected),
                "{tag}"
            );
        }
        let en = cldr("en");
        assert_eq!(en.and_list(&[]).as_deref(), Ok(""));
        assert_eq!(en.and_list(&["AFP"]).as_deref(), Ok("AFP"));
        assert_eq!(en.and_list(&["AFP", "TASS"]).as_deref(), Ok("AFP and TASS"));
    }

    #[test]
    fn plurals() {
        let ru = cldr("ru");
        for (n, expected) in [
            (1.0, "one"),
            (21.0, "one"),
            (3.0, "few"),
            (5.0, "many"),
            (11.0, "many"),
            (1.5, "other"),
        ] {
            assert_eq!(ru.plural(n), Ok(expected), "ru {n}");
        }
        assert_eq!(
            ru.plural_categories(),
            Ok(vec!["one", "few", "many", "other"])
        );

        let en = cldr("en");
        assert_eq!(en.plural(1.0), Ok("one"));
        assert_eq!(en.plural(0.0), Ok("other"));
        assert_eq!(en.plural(2.0), Ok("other"));
        assert_eq!(en.plural(f64::NAN), Ok("other"));
        let one_point_zero: Decimal = "1.0".parse().unwrap();
        assert_eq!(en.plural_decimal(&one_point_zero), Ok("other"));
        assert_eq!(en.plural_categories(), Ok(vec!["one", "other"]));

        let ar = cldr("ar");
        for (n, expected) in [
            (0.0, "zero"),
            (1.0, "one"),
            (2.0, "two"),
            (3.0, "few"),
            (11.0, "many"),
            (100.0, "other"),
        ] {
            assert_eq!(ar.plural(n), Ok(expected), "ar {n}");
        }
        assert_eq!(
            ar.plural_categories(),
            Ok(vec!["zero", "one", "two", "few", "many", "other"])
        );
    }

    /// ICU4X alone resolves `sr-Latn` plurals to root ("other" only).
    #[test]
    fn serbian_latin_plurals_use_serbian_rules() {
        for tag in ["sr-Latn", "sr-Latn-ME", "sr-ME", "sr-Cyrl", "sr"] {
            let sr = cldr(tag);
            assert_eq!(
                sr.plural_categories(),
                Ok(vec!["one", "few", "other"]),
                "{tag}"
            );
            assert_eq!(sr.plural(3.0), Ok("few"), "{tag}");
        }
    }

    /// Languages with only "other" are real although their rules resolve
    /// to root; a language without rules is not.
    #[test]
    fn other_only_languages() {
        for tag in ["ja", "zh", "th", "ko", "id", "sah"] {
            assert_eq!(cldr(tag).plural_categories(), Ok(vec!["other"]), "{tag}");
        }
        // CLDR 49 moved `vi` out of the "other"-only group.
        assert_eq!(cldr("vi").plural_categories(), Ok(vec!["one", "other"]));
        assert_eq!(cldr("tt").plural(1.0), Err(Missing::Plurals));
    }

    /// Every language of `OTHER_ONLY_LANGUAGES` that the data has rules for
    /// has only "other" (else the list is out of date).
    #[test]
    fn other_only_list_matches_the_data() {
        for lang in OTHER_ONLY_LANGUAGES {
            let pr =
                PluralRules::try_new_cardinal((&lang.parse::<Locale>().unwrap()).into()).unwrap();
            let categories: Vec<_> = pr.categories().collect();
            assert_eq!(categories, [PluralCategory::Other], "{lang}");
        }
    }

    #[test]
    fn numbers() {
        for (tag, n27, n1200) in [
            ("en", "27", "1,200"),
            ("ru", "27", "1\u{a0}200"),
            ("fa", "۲۷", "۱٬۲۰۰"),
        ] {
            let c = cldr(tag);
            assert_eq!(c.number(27.0).as_deref(), Ok(n27), "{tag}");
            assert_eq!(c.number(1200.0).as_deref(), Ok(n1200), "{tag}");
        }
        let en = cldr("en");
        assert_eq!(en.number(-1234.5).as_deref(), Ok("-1,234.5"));
        assert_eq!(en.number(0.1).as_deref(), Ok("0.1"));
        assert_eq!(en.number(-0.0).as_deref(), Ok("0"));
        assert_eq!(en.number(f64::NAN).as_deref(), Ok("NaN"));
        assert_eq!(en.number(f64::NEG_INFINITY).as_deref(), Ok("-∞"));
        assert_eq!(
            en.number(1e21).as_deref(),
            Ok("1,000,000,000,000,000,000,000")
        );
        let d: Decimal = "1.50".parse().unwrap();
        assert_eq!(en.number_decimal(&d).as_deref(), Ok("1.50"));
        assert_eq!(cldr("ru").number_decimal(&d).as_deref(), Ok("1,50"));
        // Minimum grouping digits: Hungarian groups from 10 000 on.
        assert_eq!(cldr("hu").number(1200.0).as_deref(), Ok("1200"));
        assert_eq!(cldr("hu").number(12000.0).as_deref(), Ok("12\u{a0}000"));
        // `-u-nu-` picks the numbering system.
        assert_eq!(cldr("fa-u-nu-latn").number(27.0).as_deref(), Ok("27"));
    }

    #[test]
    fn missing_everywhere_for_unknown_locales() {
        for tag in ["xx", "cnr", "ce", "crh", "und"] {
            let c = Cldr::icu(tag).unwrap();
            assert_eq!(
                c.long_date(DATE.0, DATE.1, DATE.2),
                Err(Missing::Dates),
                "{tag}"
            );
            assert_eq!(c.and_list(&AGENCIES), Err(Missing::Lists), "{tag}");
            assert_eq!(c.plural(1.0), Err(Missing::Plurals), "{tag}");
            assert_eq!(c.plural_categories(), Err(Missing::Plurals), "{tag}");
            assert_eq!(c.number(27.0), Err(Missing::Numbers), "{tag}");
            assert_eq!(
                c.number_decimal(&Decimal::from(27)),
                Err(Missing::Numbers),
                "{tag}"
            );
        }
        // With the built-in supplied data, Chechen and Crimean Tatar have
        // dates, lists and plurals (not numbers).
        for tag in ["ce", "crh", "av", "kk-Latn"] {
            let c = cldr(tag);
            assert!(long_date(tag).is_ok(), "{tag}");
            assert!(c.and_list(&AGENCIES).is_ok(), "{tag}");
            assert!(c.plural_categories().is_ok(), "{tag}");
            assert!(c.time(16, 45).is_ok(), "{tag}");
        }
        assert_eq!(
            cldr("ce").long_date(2025, 1, 1).as_deref(),
            Ok("2025 январь 1")
        );
        assert_eq!(cldr("ce").plural_categories(), Ok(vec!["one", "other"]));
        assert_eq!(cldr("crh").plural_categories(), Ok(vec!["other"]));
        assert_eq!(
            cldr("crh").and_list(&AGENCIES).as_deref(),
            Ok("AFP, Reuters ve TASS")
        );
    }

    /// Plural rules are per language: `az-Cyrl` has no locale data in ICU4X
    /// but gets the rules of `az`.
    #[test]
    fn plurals_without_locale_data() {
        let c = cldr("az-Cyrl");
        assert_eq!(long_date("az-Cyrl"), Err(Missing::Dates));
        assert_eq!(c.and_list(&AGENCIES), Err(Missing::Lists));
        assert_eq!(c.number(27.0), Err(Missing::Numbers));
        assert_eq!(c.plural_categories(), Ok(vec!["one", "other"]));
    }

    /// The table in the module documentation.
    #[test]
    fn coverage_table() {
        let table: &[(&str, [bool; 4])] = &[
            ("en", [true, true, true, true]),
            ("ru", [true, true, true, true]),
            ("uk", [true, true, true, true]),
            ("sr-Cyrl", [true, true, true, true]),
            ("sr-Latn", [true, true, true, true]),
            ("sr", [true, true, true, true]),
            ("fa", [true, true, true, true]),
            ("ps", [true, true, true, true]),
            ("ka", [true, true, true, true]),
            ("hy", [true, true, true, true]),
            ("kk", [true, true, true, true]),
            ("uz-Latn", [true, true, true, true]),
            ("ro", [true, true, true, true]),
            ("hu", [true, true, true, true]),
            ("bg", [true, true, true, true]),
            ("tt", [true, true, false, true]),
            ("ba", [true, true, false, true]),
            ("ce", [false, false, false, false]),
            ("crh", [false, false, false, false]),
            ("cnr", [false, false, false, false]),
            ("xx", [false, false, false, false]),
        ];
        for (tag, expected) in table {
            // ICU4X's data alone, without the supplied data.
            let c = Cldr::icu(tag).unwrap();
            let got = [
                c.long_date(DATE.0, DATE.1, DATE.2).is_ok(),
                c.and_list(&AGENCIES).is_ok(),
                c.plural_categories().is_ok(),
                c.number(1200.0).is_ok(),
            ];
            assert_eq!(&got, expected, "{tag}: [dates, lists, plurals, numbers]");
        }
    }

    /// Real output never shows root's placeholders.
    #[test]
    fn no_root_placeholders_in_real_output() {
        for tag in [
            "en", "ru", "uk", "sr-Cyrl", "sr-Latn", "sr", "fa", "ps", "ka", "hy", "kk", "uz-Latn",
            "ro", "hu", "bg", "tt", "ba",
        ] {
            let date = long_date(tag).unwrap();
            assert!(!date.contains("M04"), "{tag}: {date}");
        }
    }

    #[test]
    fn other_calendars() {
        for (tag, expected) in [
            ("th", "27 เมษายน 2560"),
            ("th-u-ca-gregory", "27 เมษายน ค.ศ. 2017"),
            // CLDR has Pashto month names for the Persian calendar but no
            // Pashto date patterns for it: the long date is CLDR's
            // Gregorian one, not root's "AP ۱۳۹۶ غویی ۷".
            ("ps", "۲۷ اپریل ۲۰۱۷"),
            ("ps-u-ca-persian", "AP ۱۳۹۶ غویی ۷"),
        ] {
            assert_eq!(long_date(tag).as_deref(), Ok(expected), "{tag}");
        }
        for tag in [
            "ar-SA",
            "he-u-ca-hebrew",
            "ja-u-ca-japanese",
            "zh-u-ca-chinese",
            "am-u-ca-ethiopic",
        ] {
            let date = long_date(tag);
            assert!(
                date.as_ref().is_ok_and(|d| !d.contains("M0")),
                "{tag}: {date:?}"
            );
        }
    }

    #[test]
    fn invalid_dates_and_tags() {
        let en = cldr("en");
        assert_eq!(
            en.long_date(2017, 2, 30),
            Err(Missing::InvalidDate {
                year: 2017,
                month: 2,
                day: 30
            })
        );
        assert!(en.long_date(2017, 13, 1).is_err());
        assert!(en.long_date(2017, 0, 0).is_err());
        assert!(Cldr::new("").is_err());
        assert!(Cldr::new("not a tag").is_err());
        assert!(Cldr::new("e").is_err());
        assert_eq!(cldr("SR_latn").locale().to_string(), "sr-Latn");
    }

    #[test]
    fn shared_across_threads() {
        let fa = std::sync::Arc::new(cldr("fa"));
        std::thread::scope(|s| {
            for _ in 0..2 {
                let fa = std::sync::Arc::clone(&fa);
                s.spawn(move || assert_eq!(fa.number(27.0).as_deref(), Ok("۲۷")));
            }
        });
    }
}
