//! Language tags: well-formed BCP 47 *and* a language CLDR knows.
//!
//! A tag is accepted when its language subtag is one the ICU4X likely-subtags
//! data (the extended set, compiled in) knows, or one of the private-use
//! languages `qaa`–`qtz`; its script and region may be any well-formed
//! subtags (`en-GB`, `sr-Latn`, `pt-BR`). `english`, `klingon` or `russian`
//! are well-formed BCP 47 (five to eight letters are allowed) but name no
//! language, so they are refused, with a did-you-mean where one is clear.

use std::str::FromStr;

use icu_locale::{LocaleCanonicalizer, LocaleExpander, TransformResult};
use unic_langid::LanguageIdentifier;

use crate::diag::{Code, Diagnostic};

/// Parses a language tag into its canonical form (`sr-latn` → `sr-Latn`),
/// or `None` when it is not well-formed BCP 47 or names no known language.
pub fn parse_lang(tag: &str) -> Option<String> {
    let canonical = well_formed(tag)?;
    known_language(&canonical).then_some(canonical)
}

/// Why a tag was refused, and what was probably meant: the one message
/// and help every place that reads a language tag gives.
pub fn lang_problem(tag: &str) -> (String, Option<String>) {
    let shown = tag.escape_debug();
    let message = if well_formed(tag).is_some() {
        format!("`{shown}` is not a language CLDR knows")
    } else {
        format!("`{shown}` is not a valid BCP 47 language tag")
    };
    (message, suggest_lang(tag))
}

/// The error for a refused tag given to a flag: `--lang russian: \`russian\`
/// is not a language CLDR knows (did you mean \`ru\`?)`.
pub fn flag_error(flag: &str, tag: &str) -> anyhow::Error {
    let (message, meant) = lang_problem(tag);
    let hint = meant
        .map(|tag| format!(" (did you mean `{tag}`?)"))
        .unwrap_or_default();
    anyhow::anyhow!("{flag} {tag}: {message}{hint}")
}

/// An `invalid-lang` diagnostic for a refused tag, without a location:
/// the caller adds the span (`at`) or the file name.
pub fn lang_diagnostic(tag: &str) -> Diagnostic {
    let (message, meant) = lang_problem(tag);
    let diag = Diagnostic::new(Code::InvalidLang, message)
        .label("expected a tag like `en`, `sr-Latn` or `pt-BR`");
    match meant {
        Some(meant) => diag.help(format!("did you mean `{meant}`?")),
        None => diag,
    }
}

/// The tag probably meant by a refused one: hyphens for underscores
/// (`ru_RU` → `ru-RU`), the code for an English language name (`english` →
/// `en`), the current code for an alias (`eng` → `en`, `iw` → `he`).
pub fn suggest_lang(tag: &str) -> Option<String> {
    let trimmed = tag.trim();
    let hyphens = trimmed.replace('_', "-");
    if hyphens != tag
        && let Some(tag) = parse_lang(&hyphens)
    {
        return Some(tag);
    }
    let lower = hyphens.to_ascii_lowercase();
    if let Some((_, code)) = NAMES.iter().find(|(name, _)| *name == lower) {
        return Some((*code).to_owned());
    }
    let mut locale = icu_locale::Locale::try_from_str(&hyphens).ok()?;
    if LocaleCanonicalizer::new_extended().canonicalize(&mut locale) == TransformResult::Modified
        && locale.to_string() != hyphens
    {
        return parse_lang(&locale.to_string());
    }
    None
}

/// The canonical form of a well-formed tag, known language or not.
fn well_formed(tag: &str) -> Option<String> {
    if tag.is_empty() || tag.contains('_') {
        return None;
    }
    if let Ok(id) = LanguageIdentifier::from_str(tag) {
        return Some(id.to_string());
    }
    // A Unicode extension (`ar-u-nu-arab`, `fa-u-nu-latn`) is honoured in
    // numbers and dates; other extensions and private use are not tags of
    // an edition.
    let locale = icu_locale::Locale::try_from_str(tag).ok()?;
    let extensions = &locale.extensions;
    if extensions.unicode.is_empty()
        || !extensions.transform.is_empty()
        || !extensions.private.is_empty()
        || !extensions.other.is_empty()
    {
        return None;
    }
    LanguageIdentifier::from_str(&locale.id.to_string()).ok()?;
    Some(locale.to_string())
}

/// Whether the language subtag of a well-formed tag is a language CLDR has
/// likely subtags for, or a private-use language (`qaa`–`qtz`).
fn known_language(tag: &str) -> bool {
    let language = tag.split('-').next().unwrap_or("");
    if language.len() == 3 && ("qaa"..="qtz").contains(&language) {
        return true;
    }
    let Ok(id) = icu_locale::LanguageIdentifier::try_from_str(language) else {
        return false;
    };
    if id.language.is_unknown() {
        return false;
    }
    if LocaleExpander::new_extended().maximize(&mut id.clone()) == TransformResult::Modified {
        return true;
    }
    // A language CLDR knows as a region or script of another (`cnr` is
    // `sr-ME`, `sh` is `sr-Latn`) is known; a mere rename (`eng` → `en`)
    // is not, and gets a did-you-mean instead.
    let mut locale = icu_locale::Locale::from(id);
    LocaleCanonicalizer::new_extended().canonicalize(&mut locale) == TransformResult::Modified
        && (locale.id.region.is_some() || locale.id.script.is_some())
}

/// English names (and a few common native ones) people write for a tag.
const NAMES: &[(&str, &str)] = &[
    ("albanian", "sq"),
    ("arabic", "ar"),
    ("armenian", "hy"),
    ("azerbaijani", "az"),
    ("belarusian", "be"),
    ("bengali", "bn"),
    ("bosnian", "bs"),
    ("bulgarian", "bg"),
    ("catalan", "ca"),
    ("chinese", "zh"),
    ("croatian", "hr"),
    ("czech", "cs"),
    ("danish", "da"),
    ("deutsch", "de"),
    ("dutch", "nl"),
    ("english", "en"),
    ("espanol", "es"),
    ("español", "es"),
    ("estonian", "et"),
    ("farsi", "fa"),
    ("finnish", "fi"),
    ("francais", "fr"),
    ("français", "fr"),
    ("french", "fr"),
    ("georgian", "ka"),
    ("german", "de"),
    ("greek", "el"),
    ("hebrew", "he"),
    ("hindi", "hi"),
    ("hungarian", "hu"),
    ("icelandic", "is"),
    ("indonesian", "id"),
    ("irish", "ga"),
    ("italian", "it"),
    ("japanese", "ja"),
    ("kazakh", "kk"),
    ("korean", "ko"),
    ("kurdish", "ku"),
    ("latvian", "lv"),
    ("lithuanian", "lt"),
    ("macedonian", "mk"),
    ("malay", "ms"),
    ("montenegrin", "cnr"),
    ("norwegian", "nb"),
    ("persian", "fa"),
    ("polish", "pl"),
    ("portuguese", "pt"),
    ("romanian", "ro"),
    ("russian", "ru"),
    ("serbian", "sr"),
    ("slovak", "sk"),
    ("slovenian", "sl"),
    ("spanish", "es"),
    ("swahili", "sw"),
    ("swedish", "sv"),
    ("tajik", "tg"),
    ("thai", "th"),
    ("turkish", "tr"),
    ("ukrainian", "uk"),
    ("urdu", "ur"),
    ("uzbek", "uz"),
    ("vietnamese", "vi"),
    ("welsh", "cy"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_extensions_are_valid_edition_tags() {
        assert_eq!(parse_lang("ar-u-nu-arab").as_deref(), Some("ar-u-nu-arab"));
        assert_eq!(parse_lang("fa-u-nu-latn").as_deref(), Some("fa-u-nu-latn"));
        assert_eq!(parse_lang("sr-Latn").as_deref(), Some("sr-Latn"));
        for bad in [
            "ar-u",
            "en-x-house",
            "de-t-en",
            "ar_u_nu_arab",
            "u-nu-arab",
            "",
        ] {
            assert_eq!(parse_lang(bad), None, "{bad}");
        }
    }

    #[test]
    fn known_languages_regional_variants_and_private_use() {
        for good in [
            "en",
            "ru",
            "uk",
            "sr-Latn",
            "pt-BR",
            "en-GB",
            "cnr",
            "ccp",
            "kk-Cyrl",
            "qaa",
            "qtz-Latn",
            "zh-Hant-TW",
            "de-CH",
            // Languages of the newsroom's locale folders.
            "av",
            "ba",
            "bs",
            "ce",
            "cnr-Cyrl",
            "cnr-Latn",
            "crh",
            "kk-Latn",
            "ky",
            "mk",
            "prs",
            "ps",
            "sq",
            "tg",
            "tk",
            "tt",
            "uz-Cyrl",
        ] {
            assert!(parse_lang(good).is_some(), "{good}");
        }
    }

    #[test]
    fn names_and_made_up_languages_are_refused_with_a_suggestion() {
        for (bad, meant) in [
            ("english", Some("en")),
            ("Russian", Some("ru")),
            ("ru_RU", Some("ru-RU")),
            ("eng", Some("en")),
            ("ger", Some("de")),
            ("klingon", None),
            ("xx", None),
            ("qzz", None),
        ] {
            assert_eq!(parse_lang(bad), None, "{bad}");
            assert_eq!(suggest_lang(bad).as_deref(), meant, "{bad}");
        }
        assert_eq!(
            lang_problem("english").0,
            "`english` is not a language CLDR knows"
        );
        // Interchange files name languages as tools write them.
        assert_eq!(crate::interchange::normalize_lang("klingon"), None);
        assert_eq!(
            crate::interchange::normalize_lang("ru_RU").as_deref(),
            Some("ru-RU")
        );
        assert_eq!(
            lang_problem("ru_RU").0,
            "`ru_RU` is not a valid BCP 47 language tag"
        );
    }
}
