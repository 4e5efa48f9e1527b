//! Plural selection at run time with ICU4X's CLDR rules, the rules
//! `article check` uses, while translators keep writing ordinary Fluent:
//!
//! ```ftl
//! credit-line =
//!     { $count ->
//!         [one] По материалам агентства { $agencies }
//!        *[other] По материалам агентств { $agencies }
//!     }
//! place =
//!     { NUMBER($n, type: "ordinal") ->
//!         [one] { $n }st
//!         [two] { $n }nd
//!         [few] { $n }rd
//!        *[other] { $n }th
//!     }
//! ```
//!
//! # Why
//!
//! `fluent-bundle` 0.16 picks the variant of a select on a number with the
//! `intl_pluralrules` crate (CLDR 37), whose generated rules drop CLDR's
//! moduli (`n % 100 = 3..10` is compiled as `n = 3..10`): Belarusian 22,
//! Arabic 103 and Romanian 101 got the wrong form, French and Spanish never
//! "many" (1 000 000), and languages it lacks (`tt`, `ba`, `cnr`, `tg`)
//! silently got English rules. [`crate::l10n::cldr`] (ICU4X, CLDR 49) is
//! what `check` holds translators to, so selection must come from there.
//!
//! # How
//!
//! `fluent-bundle` offers no way to swap its plural rules:
//!
//! * `FluentValue::matches` asks the bundle's memoizer for
//!   `fluent_bundle::types::plural::PluralRules`, a private type wrapping
//!   `intl_pluralrules`. The memoizer ([`intl_memoizer::Memoizable`]) keys
//!   its cache by type, and only ever builds an object through that type's
//!   own `construct`, so no ICU4X object can be put in its place; a custom
//!   `MemoizerKind` can only change the locale it is built for.
//! * A custom `FluentType` never matches a variant key (only strings and
//!   numbers do), so it would always land on the default variant.
//! * Patching `fluent-bundle` would mean carrying a fork.
//!
//! What Fluent does let a bundle supply is functions. So each select whose
//! selector may be a number (`$n`, a number literal, a function call such
//! as `NUMBER($n, type: "ordinal")`) is routed, in the text the bundle is
//! built from, through a function that carries the bundle's ICU4X rules
//! ([`rewrite`]). The variant keys are handed to it as arguments, in order
//! and with their own Fluent types, and renamed `k0`, `k1`…:
//!
//! ```ftl
//! { ARTICLE_PLURAL_SELECT($count, "one", "other") ->
//!     [k0] …
//!    *[k1] …
//! }
//! ```
//!
//! The function ([`Plurals::select`]) goes through the keys as Fluent's own
//! `FluentValue::matches` does (a number key equals the number, a name
//! equals a string, a category name matches a number by plural rules: here
//! ICU4X's) and returns the name of the first variant that matches, or
//! nothing, which makes Fluent take the default variant. Everything else is
//! still Fluent's: argument lookup (a term's own arguments included),
//! message and term references, attributes, nested selects, isolation
//! marks, errors. The rewrite is a few insertions and key renames at byte
//! offsets the parser gives (its `&str` nodes point into the text), so the
//! rest of the text is untouched; the original text is still what
//! diagnostics point into, and if the rewritten text ever parsed worse than
//! the original, the original is used.
//!
//! # Which rules
//!
//! Each bundle registers the function with the rules of *its own* locale,
//! so a message taken from the Russian bundle uses Russian rules in any
//! edition that falls back to it (a derived or a source-language one).
//! The rules of a locale ([`Plurals::new`]) are, for cardinals and ordinals
//! separately, the first real CLDR rules along:
//!
//! 1. the locale, then its bare language (`cldr::plural_rules_locale`:
//!    `sr-Latn` → `sr`, which ICU4X's own fallback skips);
//! 2. the CLDR alias of a deprecated or macro-language tag
//!    (`bundles::alias`): `cnr` → `sr-Latn-ME` → `sr`, since ICU4X has no
//!    `cnr` data at all (CLDR itself aliases `cnr` to `sr-ME`);
//! 3. root, whose rules give every number "other". That is CLDR's own
//!    answer for a language its `plurals.xml` leaves out: `tt` and `ba` in
//!    CLDR 49 (ICU4X resolves them to root too; `check` has no categories to
//!    hold them to), and for languages whose ordinals are all "other"
//!    (`ru`). Never English.
//!
//! The operands are those of the number Fluent holds: its value (shortest
//! round-trip decimal, so `2.0` is the integer 2) padded with the zeros its
//! `minimumFractionDigits` asks for (`"1.0"` passed as a string, or
//! `NUMBER($n, minimumFractionDigits: 1)`, is "other" in English).

use std::borrow::Cow;
use std::collections::HashMap;
use std::str::FromStr;
use std::sync::{Arc, Mutex, OnceLock};

use fluent_bundle::types::{FluentNumber, FluentNumberType};
use fluent_bundle::{FluentResource, FluentValue};
use fluent_syntax::ast;
use fluent_syntax::parser::{self, ParserError};
use icu_locale::Locale;
use icu_plurals::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

use crate::l10n::bundles::alias;
use crate::l10n::cldr::{Decimal, category_name, decimal_from_f64, plural_rules_locale};
use crate::l10n::supplied::{Rules, Supplied};

/// The Fluent function every rewritten select goes through. Registered in
/// each bundle by [`crate::l10n::bundles`]; translators never write it.
pub const SELECT_FUNCTION: &str = "ARTICLE_PLURAL_SELECT";

/// The most fraction digits `minimumFractionDigits` adds to the operands
/// (CLDR rules only look at whether there are any, and at the first few).
const MAX_FRACTION_DIGITS: usize = 64;

/// The ICU4X cardinal and ordinal rules of one bundle's locale.
#[derive(Debug)]
pub struct Plurals {
    cardinal: Option<PluralRules>,
    ordinal: Option<PluralRules>,
    cardinal_locale: Locale,
    ordinal_locale: Locale,
    /// Cardinal rules supplied for the locale (`locales/<tag>/cldr.toml`),
    /// used over ICU4X's.
    supplied: Option<Arc<Rules>>,
}

thread_local! {
    /// While a message is formatted for an edition whose newsroom supplies
    /// cardinal rules for the message's bundle locale (`[cldr.TAG]
    /// plurals`): those rules, used over the bundle's own.
    static SUPPLIED: std::cell::RefCell<Option<Arc<Rules>>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` with `rules` as the cardinal rules of every select it formats
/// (a newsroom's `[cldr.TAG] plurals`); `None` leaves each bundle's own.
pub fn with_supplied<T>(rules: Option<Arc<Rules>>, f: impl FnOnce() -> T) -> T {
    let previous = SUPPLIED.with(|s| s.replace(rules));
    let out = f();
    SUPPLIED.with(|s| s.replace(previous));
    out
}

/// The category named `name` (`other` for any other name).
fn category_named(name: &str) -> PluralCategory {
    match name {
        "zero" => PluralCategory::Zero,
        "one" => PluralCategory::One,
        "two" => PluralCategory::Two,
        "few" => PluralCategory::Few,
        "many" => PluralCategory::Many,
        _ => PluralCategory::Other,
    }
}

impl Plurals {
    /// The rules for the bundle locale `locale` (see the module
    /// documentation for the fallback order).
    pub fn new(locale: &LanguageIdentifier) -> Plurals {
        let tag = locale.to_string();
        // CLDR's canonical name too: `prs` is `fa-AF`.
        let canonical = crate::l10n::bundles::icu_id(&tag).map(|id| id.to_string());
        let candidates: Vec<Locale> = [Some(tag.as_str()), alias(&tag), canonical.as_deref()]
            .into_iter()
            .flatten()
            .filter_map(|tag| Locale::from_str(tag).ok())
            .collect();
        let rules_locale = |kind| {
            candidates
                .iter()
                .find_map(|candidate| plural_rules_locale(candidate, kind))
                .unwrap_or(Locale::UNKNOWN)
        };
        let cardinal_locale = rules_locale(PluralRuleType::Cardinal);
        let ordinal_locale = rules_locale(PluralRuleType::Ordinal);
        Plurals {
            cardinal: PluralRules::try_new_cardinal((&cardinal_locale).into()).ok(),
            ordinal: PluralRules::try_new_ordinal((&ordinal_locale).into()).ok(),
            cardinal_locale,
            ordinal_locale,
            supplied: supplied_cardinal(&tag, &[]),
        }
    }

    /// The locale whose cardinal rules are used (`und` for root's).
    pub fn cardinal_locale(&self) -> &Locale {
        &self.cardinal_locale
    }

    /// The locale whose ordinal rules are used (`und` for root's).
    pub fn ordinal_locale(&self) -> &Locale {
        &self.ordinal_locale
    }

    /// The plural category of a Fluent number: ordinal when it comes from
    /// `NUMBER(…, type: "ordinal")`, else cardinal. NaN and infinities are
    /// "other".
    pub fn category(&self, number: &FluentNumber) -> PluralCategory {
        if number.options.r#type == FluentNumberType::Cardinal {
            let newsroom = SUPPLIED.with(|s| s.borrow().clone());
            if let Some(rules) = newsroom.as_ref().or(self.supplied.as_ref()) {
                return match decimal(number) {
                    Some(decimal) => category_named(rules.category(&decimal.to_string())),
                    None => PluralCategory::Other,
                };
            }
        }
        let rules = match number.options.r#type {
            FluentNumberType::Ordinal => &self.ordinal,
            FluentNumberType::Cardinal => &self.cardinal,
        };
        let (Some(rules), Some(decimal)) = (rules, decimal(number)) else {
            return PluralCategory::Other;
        };
        rules.category_for(&decimal)
    }

    /// What a select on a number can reach in this locale: cardinal
    /// categories, or ordinal ones for `NUMBER($n, type: "ordinal")`.
    /// `None` when CLDR has no cardinal rules for the locale (then there is
    /// nothing to hold its selects to).
    pub fn reach(&self, ordinal: bool) -> Option<Reach> {
        if let (Some(rules), false) = (&self.supplied, ordinal) {
            return Some(supplied_reach(rules));
        }
        self.cldr_reach(ordinal)
    }

    /// [`Plurals::reach`] by ICU4X's CLDR rules alone.
    fn cldr_reach(&self, ordinal: bool) -> Option<Reach> {
        if self.cardinal_locale == Locale::UNKNOWN {
            return None;
        }
        let rules = if ordinal {
            self.ordinal.as_ref()?
        } else {
            self.cardinal.as_ref()?
        };
        let categories: Vec<&'static str> = rules.categories().map(category_name).collect();
        let mut counts: Vec<(&'static str, Vec<u32>)> = Vec::new();
        for n in 0..=MAX_COUNT {
            let category = category_name(rules.category_for(n));
            match counts.iter_mut().find(|(c, _)| *c == category) {
                Some((_, list)) => list.push(n),
                None => counts.push((category, vec![n])),
            }
        }
        // What the categories no count reaches are for.
        let other_numbers = [
            "1000000", "0.5", "1.5", "2.5", "0.1", "1.1", "2.1", "5.5", "1.25",
        ];
        let beyond: Vec<(&'static str, String)> = categories
            .iter()
            .filter(|c| !counts.iter().any(|(reached, _)| reached == *c))
            .filter_map(|c| {
                other_numbers.iter().find_map(|text| {
                    let decimal: Decimal = text.parse().ok()?;
                    (category_name(rules.category_for(&decimal)) == *c)
                        .then(|| (*c, (*text).to_owned()))
                })
            })
            .collect();
        counts.sort_by_key(|(c, _)| categories.iter().position(|k| k == c));
        Some(Reach {
            categories,
            counts,
            beyond,
            supplied: false,
        })
    }

    /// The body of [`SELECT_FUNCTION`]: `positional` is the selector's value
    /// then the variant keys in order (names as strings, numbers as
    /// numbers). Returns the name (`k0`, `k1`…) of the first variant whose
    /// key matches, by Fluent's rules with ICU4X's plural categories, or
    /// `None`, which Fluent answers with the default variant (as it does
    /// for a selector that is neither a string nor a number).
    pub fn select<'a>(&self, positional: &[FluentValue<'a>]) -> FluentValue<'a> {
        let Some((selector, keys)) = positional.split_first() else {
            return FluentValue::None;
        };
        let category = match selector {
            FluentValue::Number(number) => Some(category_name(self.category(number))),
            FluentValue::String(_) => None,
            _ => return FluentValue::None,
        };
        let matched = keys.iter().position(|key| match (key, selector) {
            (FluentValue::String(key), FluentValue::String(value)) => key == value,
            (FluentValue::Number(key), FluentValue::Number(value)) => key == value,
            (FluentValue::String(key), FluentValue::Number(_)) => category == Some(key.as_ref()),
            _ => false,
        });
        match matched {
            Some(index) => FluentValue::String(Cow::Owned(variant_name(index))),
            None => FluentValue::None,
        }
    }
}

/// The largest count [`Plurals::reach`] looks at. Every CLDR rule on whole
/// numbers tests `n`, `n % 10`, `n % 100` or `n % 1000000`, so the counts up
/// to 999 reach every category a larger count can (a test holds this for
/// the counts to 20,000 and the first millions, in every language with
/// built-in bundles and two dozen more), all but the "many" that French, Spanish, Italian,
/// Portuguese, Catalan, Galician and Breton keep for exact millions
/// ("1 000 000 de voyageurs", the mark of a noun like *million*).
pub const MAX_COUNT: u32 = 999;

/// The plural categories of one locale and kind, and which numbers reach them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reach {
    /// Every category of the rules, in CLDR order ("other" last).
    pub categories: Vec<&'static str>,
    /// Each category the counts 0 to [`MAX_COUNT`] reach, with those counts
    /// in increasing order; in CLDR order.
    pub counts: Vec<(&'static str, Vec<u32>)>,
    /// Each category no count reaches, with a number that does reach it
    /// ("1.5", "1000000").
    pub beyond: Vec<(&'static str, String)>,
    /// Whether the rules are supplied ([`supplied_cardinal`]), not CLDR's.
    pub supplied: bool,
}

impl Reach {
    /// The counts that fall into `category` (empty when none does).
    pub fn counts_of(&self, category: &str) -> &[u32] {
        self.counts
            .iter()
            .find(|(c, _)| *c == category)
            .map_or(&[], |(_, counts)| counts.as_slice())
    }
}

/// What supplied cardinal rules reach (see [`Plurals::reach`]).
fn supplied_reach(rules: &Rules) -> Reach {
    let categories = rules.categories();
    let mut counts: Vec<(&'static str, Vec<u32>)> = Vec::new();
    for n in 0..=MAX_COUNT {
        let category = rules.category(&n.to_string());
        match counts.iter_mut().find(|(c, _)| *c == category) {
            Some((_, list)) => list.push(n),
            None => counts.push((category, vec![n])),
        }
    }
    let beyond = categories
        .iter()
        .filter(|c| !counts.iter().any(|(reached, _)| reached == *c))
        .filter_map(|c| {
            [
                "1000000", "0.5", "1.5", "2.5", "0.1", "1.1", "2.1", "5.5", "1.25",
            ]
            .iter()
            .find(|text| rules.category(text) == *c)
            .map(|text| (*c, (*text).to_owned()))
        })
        .collect();
    counts.sort_by_key(|(c, _)| categories.iter().position(|k| k == c));
    Reach {
        categories,
        counts,
        beyond,
        supplied: true,
    }
}

/// The supplied cardinal rules of the bundle locale `locale` in a
/// newsroom that supplies `newsroom` (`[cldr.TAG]`): the newsroom's
/// `plurals` for the locale, else the built-in ones
/// (`locales/<tag>/cldr.toml`); `None` where ICU4X's CLDR rules apply.
///
/// The one answer to "which cardinal rules": a message formatted for an
/// edition selects its variants by them ([`crate::l10n::bundles`]), and
/// `check` holds the locale's bundles to their categories ([`reach_of`]).
pub fn supplied_cardinal(locale: &str, newsroom: &[(String, Arc<Supplied>)]) -> Option<Arc<Rules>> {
    crate::l10n::supplied::lookup(newsroom, locale)
        .and_then(|s| s.plurals().cloned())
        .or_else(|| crate::l10n::supplied::builtin(locale).and_then(|s| s.plurals().cloned()))
}

/// What a select on a number can reach in the bundle locale `locale` of a
/// newsroom that supplies `newsroom`: by [`supplied_cardinal`] for
/// cardinals, else ICU4X's CLDR rules ([`Plurals::reach`]). Computed once
/// per process for each locale, kind and rule set.
pub fn reach_of(
    locale: &LanguageIdentifier,
    ordinal: bool,
    newsroom: &[(String, Arc<Supplied>)],
) -> Option<Arc<Reach>> {
    type Cache = Mutex<HashMap<(String, bool, String), Option<Arc<Reach>>>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let tag = locale.to_string();
    let supplied = if ordinal {
        None
    } else {
        supplied_cardinal(&tag, newsroom)
    };
    let key = (
        tag,
        ordinal,
        supplied
            .as_ref()
            .map(|r| format!("{r:?}"))
            .unwrap_or_default(),
    );
    let cache = CACHE.get_or_init(Cache::default);
    if let Ok(map) = cache.lock()
        && let Some(found) = map.get(&key)
    {
        return found.clone();
    }
    let reach = match &supplied {
        Some(rules) => Some(supplied_reach(rules)),
        None => Plurals::new(locale).cldr_reach(ordinal),
    }
    .map(Arc::new);
    if let Ok(mut map) = cache.lock() {
        map.insert(key, reach.clone());
    }
    reach
}

/// The exact decimal a Fluent number stands for, whose plural operands
/// select its variant and which is what is shown: its value in the shortest
/// round-trip form, with the trailing zeros its `minimumFractionDigits`
/// asks for (`"1.50"` given as a string keeps them). `None` for NaN and
/// infinities.
pub fn decimal(number: &FluentNumber) -> Option<Decimal> {
    let mut decimal = decimal_from_f64(number.value)?;
    if let Some(digits) = number.options.minimum_fraction_digits {
        let digits = i16::try_from(digits.min(MAX_FRACTION_DIGITS)).unwrap_or(0);
        decimal.pad_end(-digits);
    }
    Some(decimal)
}

/// The name a rewritten select gives its `index`th variant.
fn variant_name(index: usize) -> String {
    format!("k{index}")
}

/// One change to the text: replace `remove` bytes at `at` with `insert`.
struct Edit {
    at: usize,
    remove: usize,
    insert: String,
}

/// The resource a bundle is built from, for the Fluent text `source`, with
/// its selects routed through [`SELECT_FUNCTION`] ([`rewrite`]), and the
/// syntax errors of `source` as written (so diagnostics point into it).
pub fn resource(source: &str) -> (FluentResource, Vec<ParserError>) {
    let parse = |text: String| match FluentResource::try_new(text) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => (resource, errors),
    };
    // No `->`, no select.
    if !source.contains("->") {
        return parse(source.to_owned());
    }
    let (routed, errors) = rewrite(source);
    if let Some(text) = routed {
        let (resource, routed_errors) = parse(text);
        // The rewrite only wraps selectors and renames keys, so the same
        // entries fail to parse. Were it otherwise (a bug), the text as
        // written loses no entry.
        let same = routed_errors.len() == errors.len();
        debug_assert!(same, "the plural rewrite changed what parses");
        if same {
            return (resource, errors);
        }
    }
    (parse(source.to_owned()).0, errors)
}

/// The text a bundle is built from, for the Fluent `source`: `source` with
/// every select on a possible number routed through [`SELECT_FUNCTION`]
/// (see the module documentation), or `None` when there is none. Also
/// returns the syntax errors of `source` itself, for diagnostics.
pub fn rewrite(source: &str) -> (Option<String>, Vec<ParserError>) {
    let (resource, errors) = match parser::parse(source) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => (resource, errors),
    };
    let mut edits = Vec::new();
    for entry in &resource.body {
        let (value, attributes) = match entry {
            ast::Entry::Message(message) => (message.value.as_ref(), &message.attributes),
            ast::Entry::Term(term) => (Some(&term.value), &term.attributes),
            _ => continue,
        };
        for pattern in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
            walk_pattern(source, pattern, &mut edits);
        }
    }
    if edits.is_empty() {
        return (None, errors);
    }
    edits.sort_by_key(|edit| edit.at);
    let mut text = String::with_capacity(source.len() + edits.len() * 24);
    let mut done = 0;
    for edit in &edits {
        // Edits never overlap: each select's lie between its own selector
        // and keys, and nested selects' strictly inside those spans.
        let Some(before) = source.get(done..edit.at) else {
            return (None, errors);
        };
        text.push_str(before);
        text.push_str(&edit.insert);
        done = edit.at + edit.remove;
    }
    text.push_str(source.get(done..).unwrap_or_default());
    (Some(text), errors)
}

fn walk_pattern(source: &str, pattern: &ast::Pattern<&str>, edits: &mut Vec<Edit>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(source, expression, edits);
        }
    }
}

fn walk_expression(source: &str, expression: &ast::Expression<&str>, edits: &mut Vec<Edit>) {
    match expression {
        ast::Expression::Inline(inline) => walk_inline(source, inline, edits),
        ast::Expression::Select { selector, variants } => {
            walk_inline(source, selector, edits);
            route_select(source, selector, variants, edits);
            for variant in variants {
                walk_pattern(source, &variant.value, edits);
            }
        }
    }
}

fn walk_inline(source: &str, inline: &ast::InlineExpression<&str>, edits: &mut Vec<Edit>) {
    let arguments = match inline {
        ast::InlineExpression::Placeable { expression } => {
            return walk_expression(source, expression, edits);
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => arguments,
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => arguments,
        _ => return,
    };
    for argument in arguments
        .positional
        .iter()
        .chain(arguments.named.iter().map(|named| &named.value))
    {
        walk_inline(source, argument, edits);
    }
}

/// Byte offset of `slice`, a node of `source`'s syntax tree, in `source`.
pub(crate) fn offset_in(source: &str, slice: &str) -> Option<usize> {
    let at = slice.as_ptr().addr().checked_sub(source.as_ptr().addr())?;
    (source.get(at..at + slice.len()) == Some(slice)).then_some(at)
}

/// Routes one select through [`SELECT_FUNCTION`]; a select whose selector
/// is a string (a string literal, a term attribute) keeps Fluent's own
/// string matching, and so does one the parser's offsets do not fit.
fn route_select(
    source: &str,
    selector: &ast::InlineExpression<&str>,
    variants: &[ast::Variant<&str>],
    edits: &mut Vec<Edit>,
) {
    let start = match selector {
        ast::InlineExpression::VariableReference { id } => offset_in(source, id.name)
            .and_then(|at| at.checked_sub(1))
            .filter(|at| source.as_bytes().get(*at) == Some(&b'$')),
        ast::InlineExpression::NumberLiteral { value } => offset_in(source, value),
        ast::InlineExpression::FunctionReference { id, .. } => offset_in(source, id.name),
        _ => None,
    };
    let Some(start) = start else { return };
    let mut keys = Vec::with_capacity(variants.len());
    let mut arguments = String::new();
    for (index, variant) in variants.iter().enumerate() {
        let (key, argument) = match &variant.key {
            ast::VariantKey::Identifier { name } => (*name, format!(", \"{name}\"")),
            ast::VariantKey::NumberLiteral { value } => (*value, format!(", {value}")),
        };
        let Some(at) = offset_in(source, key) else {
            return;
        };
        keys.push(Edit {
            at,
            remove: key.len(),
            insert: variant_name(index),
        });
        arguments.push_str(&argument);
    }
    // The selector ends where the blank before its `->` begins: the last
    // `->` before the first key (a `->` inside the selector, in a string
    // literal, comes before it).
    let Some(end) = keys
        .first()
        .and_then(|first| source.get(start..first.at))
        .and_then(|head| head.rfind("->"))
        .and_then(|arrow| source.get(start..start + arrow))
        .map(|selector| start + selector.trim_end().len())
    else {
        return;
    };
    edits.push(Edit {
        at: start,
        remove: 0,
        insert: format!("{SELECT_FUNCTION}("),
    });
    edits.push(Edit {
        at: end,
        remove: 0,
        insert: format!("{arguments})"),
    });
    edits.extend(keys);
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::collections::BTreeSet;

    use fluent_bundle::FluentArgs;
    use icu_decimal::input::Decimal;

    use crate::l10n::bundles::{Formatted, Stack};
    use crate::l10n::cldr::Cldr;

    /// Every built-in locale folder under `locales/`.
    const BUILTIN: &[&str] = &[
        "ar", "az", "ba", "be", "bg", "cs", "de", "en", "es", "fa", "fr", "hu", "hy", "ka", "kk",
        "ky", "pl", "ps", "ro", "ru", "sr-Cyrl", "sr-Latn", "tg", "tr", "tt", "uk", "uz-Latn",
        "sq", "bs", "mk", "tk", "cnr-Latn", "cnr-Cyrl", "prs", "ce", "crh", "av", "uz-Cyrl",
        "kk-Latn",
    ];

    /// The sweeps cover every locale with a built-in bundle.
    #[test]
    fn the_sweeps_cover_every_builtin_locale() {
        let swept: BTreeSet<&str> = BUILTIN.iter().copied().collect();
        let builtin: BTreeSet<&str> = crate::locales::builtin_tags().into_iter().collect();
        assert_eq!(swept, builtin);
    }

    /// A select on every category, cardinal (`m`) and ordinal (`o`).
    const SWEEP: &str = "\
m =
    { $n ->
        [zero] zero
        [one] one
        [two] two
        [few] few
        [many] many
       *[other] other
    }
o =
    { NUMBER($n, type: \"ordinal\") ->
        [zero] zero
        [one] one
        [two] two
        [few] few
        [many] many
       *[other] other
    }
";

    /// A stack of the built-in bundles under `--locales DIR` with `files`
    /// (locale tag, FTL text).
    fn stack_with(files: &[(&str, &str)]) -> (tempfile::TempDir, Stack) {
        let dir = tempfile::tempdir().unwrap();
        for (i, (tag, text)) in files.iter().enumerate() {
            std::fs::create_dir_all(dir.path().join(tag)).unwrap();
            std::fs::write(dir.path().join(tag).join(format!("t{i}.ftl")), text).unwrap();
        }
        let stack = Stack::load(None, Some(dir.path())).unwrap();
        assert!(stack.diagnostics.is_empty(), "{:?}", stack.diagnostics);
        (dir, stack)
    }

    fn format(stack: &Stack, edition: &str, source: &str, id: &str, n: FluentValue) -> Formatted {
        let mut args = FluentArgs::new();
        args.set("n", n);
        let formatted = stack
            .edition(edition, source, None)
            .message(id, Some(&args))
            .unwrap();
        assert!(formatted.errors.is_empty(), "{formatted:?}");
        formatted
    }

    /// The numbers of the sweep, as Fluent values and as the decimals whose
    /// plural operands they stand for.
    fn sweep_numbers() -> Vec<(FluentValue<'static>, Decimal)> {
        let mut out: Vec<(FluentValue, Decimal)> = (0..=1000u32)
            .chain([10_000, 100_000, 1_000_000, 2_000_000])
            .map(|n| (FluentValue::from(n), Decimal::from(n)))
            .collect();
        for n in [1.5, 0.1, 2.0, 21.0, 0.0, 1e21] {
            out.push((FluentValue::from(n), decimal_from_f64(n).unwrap()));
        }
        // A number given as a string keeps its visible fraction digits.
        for text in ["1.0", "2.50", "22.0", "101.00", "0.10"] {
            out.push((FluentValue::try_number(text), text.parse().unwrap()));
        }
        out
    }

    /// The ICU4X rules a built-in locale is expected to get: its own, but
    /// the Serbian ones for Latin Serbian (ICU4X walks `sr-Latn` to root).
    fn expected_rules(tag: &str, kind: PluralRuleType) -> PluralRules {
        // CLDR's plural rules are per language (and `cnr` is CLDR's alias
        // of `sr-ME`, `prs` of `fa-AF`).
        let tag = match tag {
            "sr-Latn" | "cnr-Latn" | "cnr-Cyrl" => "sr",
            "prs" => "fa",
            "uz-Cyrl" => "uz",
            "kk-Latn" => "kk",
            other => other,
        };
        let locale = Locale::from_str(tag).unwrap();
        match kind {
            PluralRuleType::Ordinal => PluralRules::try_new_ordinal((&locale).into()).unwrap(),
            _ => PluralRules::try_new_cardinal((&locale).into()).unwrap(),
        }
    }

    /// The sweep: every built-in locale, every number, through the bundle
    /// stack the tool uses, against ICU4X (and against what `check` uses).
    #[test]
    fn cardinal_sweep_matches_icu4x() {
        let files: Vec<(&str, &str)> = BUILTIN.iter().map(|tag| (*tag, SWEEP)).collect();
        let (_dir, stack) = stack_with(&files);
        let numbers = sweep_numbers();
        let mut mismatches = Vec::new();
        for tag in BUILTIN {
            let icu = expected_rules(tag, PluralRuleType::Cardinal);
            // Where ICU4X has no rules, the supplied ones (`ce`: CLDR's
            // "one" for exactly 1; `av`, `crh`: "other" only).
            let supplied = crate::l10n::supplied::builtin(tag).and_then(|s| s.plurals().cloned());
            let check = Cldr::new(tag).unwrap();
            for (value, decimal) in &numbers {
                let got = format(&stack, tag, "en", "m", value.clone());
                assert_eq!(got.locale, *tag);
                let want = match &supplied {
                    Some(rules) => rules.category(&decimal.to_string()),
                    None => category_name(icu.category_for(decimal)),
                };
                if got.text != want {
                    mismatches.push(format!("{tag} {decimal}: {} ≠ {want}", got.text));
                }
                if let Ok(check) = check.plural_decimal(decimal) {
                    assert_eq!(check, want, "{tag} {decimal}: check and ICU4X differ");
                }
            }
        }
        assert!(
            mismatches.is_empty(),
            "{} of {} mismatches: {mismatches:#?}",
            mismatches.len(),
            numbers.len() * BUILTIN.len()
        );
    }

    #[test]
    fn ordinal_sweep_matches_icu4x() {
        let files: Vec<(&str, &str)> = BUILTIN.iter().map(|tag| (*tag, SWEEP)).collect();
        let (_dir, stack) = stack_with(&files);
        let mut mismatches = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for tag in BUILTIN {
            let icu = expected_rules(tag, PluralRuleType::Ordinal);
            for n in (0..=1000u32).chain([10_000, 1_000_000]) {
                let got = format(&stack, tag, "en", "o", FluentValue::from(n));
                let want = category_name(icu.category_for(n));
                seen.insert((*tag, want));
                if got.text != want {
                    mismatches.push(format!("{tag} {n}: {} ≠ {want}", got.text));
                }
            }
        }
        assert!(
            mismatches.is_empty(),
            "{} of {} mismatches: {mismatches:#?}",
            mismatches.len(),
            1002 * BUILTIN.len()
        );
        // The sweep does reach the ordinal categories.
        for expected in [
            ("en", "one"),
            ("en", "two"),
            ("en", "few"),
            ("en", "other"),
            ("fr", "one"),
            ("fr", "other"),
            ("ru", "other"),
        ] {
            assert!(seen.contains(&expected), "{expected:?}");
        }
    }

    /// Cases the old selection (`intl_pluralrules`, CLDR 37, moduli
    /// dropped, English for unknown languages) got wrong; each expected
    /// category is also what ICU4X says.
    #[test]
    fn cases_fluent_got_wrong() {
        let cases: &[(&str, &str, u32, &str)] = &[
            // (locale, message, n, category)
            ("be", "m", 22, "few"),
            ("be", "m", 15, "many"),
            ("be", "m", 111, "many"),
            ("ar", "m", 103, "few"),
            ("ar", "m", 111, "many"),
            // Romanian: "101 limbi", not "101 de limbi".
            ("ro", "m", 101, "few"),
            ("ro", "m", 120, "other"),
            ("fr", "m", 1_000_000, "many"),
            ("es", "m", 2_000_000, "many"),
            ("tg", "m", 0, "one"),
            // No CLDR plural rules: root's, never English.
            ("tt", "m", 1, "other"),
            ("ba", "m", 1, "other"),
            ("en", "o", 2, "two"),
            ("en", "o", 23, "few"),
            ("en", "o", 11, "other"),
            ("fr", "o", 1, "one"),
        ];
        let tags: Vec<&str> = cases.iter().map(|c| c.0).collect();
        let files: Vec<(&str, &str)> = tags.iter().map(|tag| (*tag, SWEEP)).collect();
        let (_dir, stack) = stack_with(&files);
        for (tag, id, n, expected) in cases {
            let kind = if *id == "o" {
                PluralRuleType::Ordinal
            } else {
                PluralRuleType::Cardinal
            };
            let icu = category_name(expected_rules(tag, kind).category_for(*n));
            assert_eq!(icu, *expected, "ICU4X: {tag} {id} {n}");
            let got = format(&stack, tag, "en", id, FluentValue::from(*n));
            assert_eq!(got.text, *expected, "{tag} {id} {n}");
        }
    }

    /// Where the rules of each locale come from.
    #[test]
    fn rules_locales() {
        for (tag, cardinal, ordinal) in [
            ("en", "en", "en"),
            ("ru", "ru", "und"),
            ("sr-Cyrl", "sr-Cyrl", "und"),
            ("sr-Latn", "sr", "und"),
            ("uz-Latn", "uz-Latn", "und"),
            ("az-Cyrl", "az", "az"),
            // No data for `cnr` in ICU4X: CLDR's alias, Serbian.
            ("cnr", "sr", "und"),
            ("mo", "ro", "ro"),
            ("tt", "und", "und"),
            ("ba", "und", "und"),
            ("xx", "und", "und"),
        ] {
            let plurals = Plurals::new(&tag.parse().unwrap());
            assert_eq!(plurals.cardinal_locale().to_string(), cardinal, "{tag}");
            assert_eq!(plurals.ordinal_locale().to_string(), ordinal, "{tag}");
        }
        let cnr = Plurals::new(&"cnr".parse().unwrap());
        let sr = expected_rules("sr", PluralRuleType::Cardinal);
        for n in 0..=200u32 {
            let number = FluentNumber::from(n);
            assert_eq!(cnr.category(&number), sr.category_for(n), "cnr {n}");
        }
        let tt = Plurals::new(&"tt".parse().unwrap());
        assert_eq!(tt.category(&FluentNumber::from(1)), PluralCategory::Other);
    }

    /// A message uses the rules of the bundle it comes from, not the
    /// edition's.
    #[test]
    fn rules_of_the_bundle_the_message_comes_from() {
        let (_dir, stack) = stack_with(&[("ru", SWEEP)]);
        for edition in ["tt", "en", "fr"] {
            for (n, expected) in [(1, "one"), (3, "few"), (5, "many"), (1_000_000, "many")] {
                let got = format(&stack, edition, "ru", "m", FluentValue::from(n));
                assert_eq!(got.locale, "ru");
                assert_eq!(got.text, expected, "{edition} edition, ru message, {n}");
            }
        }
        // A Russian edition that takes an English message: English rules.
        let (_dir, stack) = stack_with(&[("en", SWEEP)]);
        let got = format(&stack, "ru", "en", "m", FluentValue::from(3));
        assert_eq!((got.locale.as_str(), got.text.as_str()), ("en", "other"));
    }

    /// Visible fraction digits count, as Fluent's own operands do.
    #[test]
    fn fraction_digits() {
        let (_dir, stack) = stack_with(&[(
            "en",
            "m =\n    { $n ->\n        [one] one\n       *[other] other\n    }\n\
             f =\n    { NUMBER($n, minimumFractionDigits: 1) ->\n        [one] one\n       *[other] other\n    }\n",
        )]);
        for (value, id, expected) in [
            (FluentValue::from(1), "m", "one"),
            (FluentValue::from(1.0), "m", "one"),
            (FluentValue::try_number("1"), "m", "one"),
            (FluentValue::try_number("1.0"), "m", "other"),
            (FluentValue::from(1.5), "m", "other"),
            (FluentValue::from(1), "f", "other"),
            (FluentValue::from(f64::NAN), "m", "other"),
            (FluentValue::from(f64::INFINITY), "m", "other"),
        ] {
            let got = format(&stack, "en", "en", id, value.clone());
            assert_eq!(got.text, expected, "{id} {value:?}");
        }
    }

    /// A number is shown as the decimal its plural form was chosen by.
    #[test]
    fn shown_as_selected() {
        let ftl = "\
items =
    { $n } { $n ->
        [one] item
       *[other] items
    }
fixed = { NUMBER($n, minimumFractionDigits: 2) }
literal = { 1.50 }
";
        let (_dir, stack) = stack_with(&[("en", ftl), ("ru", ftl), ("fa", ftl)]);
        for (tag, id, value, expected) in [
            ("en", "items", FluentValue::from(1), "1 item"),
            ("en", "items", FluentValue::try_number("1.0"), "1.0 items"),
            ("en", "items", FluentValue::from(1200.5), "1,200.5 items"),
            ("en", "fixed", FluentValue::from(3), "3.00"),
            ("en", "literal", FluentValue::None, "1.50"),
            ("ru", "literal", FluentValue::None, "1,50"),
            ("fa", "fixed", FluentValue::from(3), "۳٫۰۰"),
            ("en", "fixed", FluentValue::from(f64::NAN), "NaN"),
        ] {
            let got = format(&stack, tag, tag, id, value.clone());
            assert_eq!(got.text, expected, "{tag} {id} {value:?}");
        }
    }

    /// Everything but the plural category is still Fluent's: exact number
    /// keys in order, string selectors, terms' own arguments, attributes,
    /// nested selects, references, a missing variable.
    #[test]
    fn fluent_semantics_kept() {
        let ftl = "\
-count = { $n ->
    [one] one term
   *[other] { $n } term
}
exact =
    { $n ->
        [0] none
        [one] one
        [1] never
        [few] few { $n }
       *[other] other
    }
first-wins =
    { $n ->
        [few] few
        [3] three
       *[other] other
    }
gender =
    { $g ->
        [feminine] she
        [1] number
       *[other] they
    }
literal =
    { 3 ->
        [few] few
       *[other] other
    }
string =
    { \"few\" ->
        [few] string few
       *[other] other
    }
term = { -count(n: 3) } and { -count(n: 1) }
attr = x
    .label =
        { $n ->
            [many] many
           *[other] other
        }
nested =
    { $n ->
        [few]
            { $g ->
                [few] g few
               *[other] n few, g { $g }
            }
       *[other] other
    }
ref = <{ exact }>
attr-ref = { attr.label }
arrow =
    { NUMBER($n, type: \"ordinal\", currency: \"->\") ->
        [two] two
       *[other] other
    }
";
        let (_dir, stack) = stack_with(&[("ru", ftl)]);
        let l10n = stack.edition("ru", "ru", None);
        let run = |id: &str, args: &[(&str, FluentValue<'static>)]| {
            let mut fluent_args = FluentArgs::new();
            for (name, value) in args {
                fluent_args.set(*name, value.clone());
            }
            let formatted = l10n.message(id, Some(&fluent_args)).unwrap();
            (formatted.text, formatted.errors)
        };
        let n = |n: u32| [("n", FluentValue::from(n))];
        assert_eq!(run("exact", &n(0)).0, "none");
        assert_eq!(run("exact", &n(1)).0, "one");
        assert_eq!(run("exact", &n(22)).0, "few 22");
        assert_eq!(run("exact", &n(5)).0, "other");
        assert_eq!(run("first-wins", &n(3)).0, "few");
        assert_eq!(
            run("gender", &[("g", FluentValue::from("feminine"))]).0,
            "she"
        );
        assert_eq!(run("gender", &[("g", FluentValue::from("1"))]).0, "they");
        assert_eq!(run("gender", &[("g", FluentValue::from(1))]).0, "number");
        assert_eq!(run("literal", &[]).0, "few");
        assert_eq!(run("string", &[]).0, "string few");
        assert_eq!(run("term", &[]).0, "3 term and one term");
        assert_eq!(
            run(
                "nested",
                &[("n", FluentValue::from(3)), ("g", FluentValue::from(24))]
            )
            .0,
            "g few"
        );
        assert_eq!(
            run(
                "nested",
                &[("n", FluentValue::from(3)), ("g", FluentValue::from("x"))]
            )
            .0,
            "n few, g x"
        );
        assert_eq!(run("ref", &n(22)).0, "<few 22>");
        assert_eq!(run("attr-ref", &n(5)).0, "many");
        assert_eq!(run("attr-ref", &n(1)).0, "other");
        assert_eq!(run("arrow", &n(2)).0, "other");
        // A missing variable: the default variant and Fluent's error.
        let (text, errors) = run("exact", &[]);
        assert_eq!(text, "other");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].contains("$n"), "{errors:?}");
    }

    /// Undoes the routing on a parsed rewritten text: selectors and keys
    /// back from the [`SELECT_FUNCTION`] call.
    fn unroute_pattern(pattern: &mut ast::Pattern<&str>) {
        for element in &mut pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                unroute_expression(expression);
            }
        }
    }

    fn unroute_expression(expression: &mut ast::Expression<&str>) {
        match expression {
            ast::Expression::Inline(inline) => unroute_inline(inline),
            ast::Expression::Select { selector, variants } => {
                unroute_inline(selector);
                if let ast::InlineExpression::FunctionReference { id, arguments } = selector
                    && id.name == SELECT_FUNCTION
                {
                    let mut positional = arguments.positional.drain(..);
                    let original = positional.next().unwrap();
                    let keys: Vec<_> = positional.collect();
                    assert_eq!(keys.len(), variants.len());
                    for (index, (variant, key)) in variants.iter_mut().zip(keys).enumerate() {
                        assert_eq!(
                            variant.key,
                            ast::VariantKey::Identifier {
                                name: variant_name(index).as_str()
                            }
                        );
                        variant.key = match key {
                            ast::InlineExpression::StringLiteral { value } => {
                                ast::VariantKey::Identifier { name: value }
                            }
                            ast::InlineExpression::NumberLiteral { value } => {
                                ast::VariantKey::NumberLiteral { value }
                            }
                            other => panic!("key {other:?}"),
                        };
                    }
                    *selector = original;
                }
                for variant in variants {
                    unroute_pattern(&mut variant.value);
                }
            }
        }
    }

    fn unroute_inline(inline: &mut ast::InlineExpression<&str>) {
        let arguments = match inline {
            ast::InlineExpression::Placeable { expression } => {
                return unroute_expression(expression);
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => arguments,
            ast::InlineExpression::TermReference {
                arguments: Some(arguments),
                ..
            } => arguments,
            _ => return,
        };
        for argument in &mut arguments.positional {
            unroute_inline(argument);
        }
        for named in &mut arguments.named {
            unroute_inline(&mut named.value);
        }
    }

    fn parse(text: &str) -> (ast::Resource<&str>, usize) {
        match parser::parse(text) {
            Ok(resource) => (resource, 0),
            Err((resource, errors)) => (resource, errors.len()),
        }
    }

    fn without_junk(resource: ast::Resource<&str>) -> Vec<ast::Entry<&str>> {
        resource
            .body
            .into_iter()
            .filter(|entry| !matches!(entry, ast::Entry::Junk { .. }))
            .collect()
    }

    /// The rewrite changes nothing but selectors and keys: the rewritten
    /// text, parsed and unrouted, is the original syntax tree.
    fn assert_only_selects_change(name: &str, source: &str) -> Option<String> {
        let (routed, errors) = rewrite(source);
        let (original, original_errors) = parse(source);
        assert_eq!(errors.len(), original_errors, "{name}");
        let text = routed.as_deref()?;
        let (mut unrouted, routed_errors) = parse(text);
        assert_eq!(routed_errors, original_errors, "{name}:\n{text}");
        for entry in &mut unrouted.body {
            match entry {
                ast::Entry::Message(message) => {
                    message.value.iter_mut().for_each(unroute_pattern);
                    for attribute in &mut message.attributes {
                        unroute_pattern(&mut attribute.value);
                    }
                }
                ast::Entry::Term(term) => {
                    unroute_pattern(&mut term.value);
                    for attribute in &mut term.attributes {
                        unroute_pattern(&mut attribute.value);
                    }
                }
                _ => {}
            }
        }
        assert_eq!(without_junk(unrouted), without_junk(original), "{name}");
        routed
    }

    #[test]
    fn rewrite_routes_selects_only() {
        let source = "\
# A comment { $n -> }
plain = No select, { $n } and { -term }
credit =
    { $count ->
        [0] none
        [one] { $count } agency
       *[other] { $count } agencies
    }
ordinal = { NUMBER( $n , type: \"ordinal\" )
    ->
        [one] st
       *[other] th
    }
";
        let routed = assert_only_selects_change("sample", source).unwrap();
        assert_eq!(
            routed,
            "\
# A comment { $n -> }
plain = No select, { $n } and { -term }
credit =
    { ARTICLE_PLURAL_SELECT($count, 0, \"one\", \"other\") ->
        [k0] none
        [k1] { $count } agency
       *[k2] { $count } agencies
    }
ordinal = { ARTICLE_PLURAL_SELECT(NUMBER( $n , type: \"ordinal\" ), \"one\", \"other\")
    ->
        [k0] st
       *[k1] th
    }
"
        );
        // No select, nothing to do.
        assert_eq!(rewrite("a = b { $n }\n").0, None);
        // Line ends and broken entries: offsets still fit.
        let crlf = "a =\r\n    { $n ->\r\n        [one] x\r\n       *[other] y\r\n    }\r\n";
        assert!(assert_only_selects_change("crlf", crlf).is_some());
        let broken = "bad = { $n ->\n  [one] x\n}\n\
                      good =\n    { $n ->\n        [one] x\n       *[other] y\n    }\n\
                      worse = { \n";
        let (routed, errors) = rewrite(broken);
        assert_eq!(errors.len(), 2);
        assert!(
            routed
                .unwrap()
                .contains("ARTICLE_PLURAL_SELECT($n, \"one\", \"other\")")
        );
        assert!(assert_only_selects_change("broken", broken).is_some());
    }

    /// Every built-in file: only its selects change, and every message
    /// still formats without errors.
    #[test]
    fn builtin_bundles_keep_their_messages() {
        for (tag, name, source) in crate::locales::BUILTIN_FTL {
            assert_only_selects_change(&format!("{tag}/{name}"), source);
        }
        let stack = Stack::load(None, None).unwrap();
        assert!(stack.diagnostics.is_empty(), "{:?}", stack.diagnostics);
        for tag in crate::locales::builtin_tags() {
            let l10n = stack.edition(tag, tag, None);
            for (name, source) in crate::locales::builtin(tag) {
                let (resource, _) = parse(source);
                for entry in &resource.body {
                    let ast::Entry::Message(message) = entry else {
                        continue;
                    };
                    for count in 0..=30u32 {
                        let mut args = FluentArgs::new();
                        args.set("count", count);
                        args.set("date", "27.04.2017");
                        args.set("agencies", "AFP");
                        let formatted = l10n.message(message.id.name, Some(&args)).unwrap();
                        assert_eq!(formatted.locale, tag, "{tag}/{name}");
                        assert!(
                            formatted.errors.is_empty(),
                            "{tag}/{name} {}: {:?}",
                            message.id.name,
                            formatted.errors
                        );
                    }
                }
            }
        }
    }

    /// [`MAX_COUNT`]: the counts above 999 reach no category that the
    /// counts up to 999 do not, but the "many" of exact millions.
    #[test]
    fn counts_up_to_999_reach_every_category_but_millions() {
        let more = [
            "he", "br", "gl", "ca", "it", "pt", "pt-PT", "es", "cy", "ga", "gd", "sl", "lt", "lv",
            "mt", "sk", "is", "mk", "hr", "bs", "da", "si", "ne", "gu", "hi", "bn",
        ];
        let mut found = Vec::new();
        for tag in BUILTIN.iter().chain(more.iter()) {
            let plurals = Plurals::new(&tag.parse().unwrap());
            for ordinal in [false, true] {
                let Some(reach) = plurals.reach(ordinal) else {
                    continue;
                };
                let rules = if ordinal {
                    plurals.ordinal.as_ref()
                } else {
                    plurals.cardinal.as_ref()
                };
                let Some(rules) = rules else { continue };
                let beyond = (MAX_COUNT + 1..=20_000).chain((1..=3).map(|m| m * 1_000_000));
                for n in beyond {
                    let category = category_name(rules.category_for(n));
                    if reach.counts_of(category).is_empty() {
                        found.push((*tag, ordinal, category, n));
                    }
                }
            }
        }
        let unexpected: Vec<_> = found
            .iter()
            .filter(|(_, ordinal, category, n)| {
                *ordinal || *category != "many" || n % 1_000_000 != 0
            })
            .collect();
        assert!(unexpected.is_empty(), "{unexpected:?}");
        let millions: BTreeSet<&str> = found.iter().map(|(tag, ..)| *tag).collect();
        assert_eq!(
            millions,
            BTreeSet::from(["br", "ca", "es", "fr", "gl", "it", "pt", "pt-PT"])
        );
    }
}
