//! The newsroom's rules for translators: length limits per kind of segment
//! (`[limits]`), a glossary (`[[glossary]]`) and a do-not-translate list
//! (`do_not_translate`). `localize` exports them with every segment they
//! concern; `check` holds targets to them (`too-long`, `glossary-term`,
//! `do-not-translate`).
//!
//! ```toml
//! do_not_translate = ["AFP", "TASS"]
//!
//! [limits]
//! headline = 110
//! alt_text = 125
//!
//! [[glossary]]
//! term = "Radio Liberty"
//! lang.ru = "Радио Свобода"
//! note = "The station's registered name"
//! ```

use crate::article::front_matter::TableReader;
use crate::article::parse_lang;
use crate::diag::{Code, Diagnostic};
use crate::source::SourceFile;
use std::sync::Arc;

/// The `[limits]` keys and the segment kinds they limit (the kinds of
/// `crate::translations::segment_kinds`).
pub const LIMIT_KINDS: &[(&str, &str)] = &[
    ("headline", "headline"),
    ("summary", "summary"),
    ("heading", "heading"),
    ("paragraph", "paragraph"),
    ("list_item", "list item"),
    ("quote", "quote"),
    ("caption", "image caption"),
    ("alt_text", "image alt text"),
    ("promo_title", "promo title"),
];

const LIMIT_FIELDS: &[&str] = &[
    "headline",
    "summary",
    "heading",
    "paragraph",
    "list_item",
    "quote",
    "caption",
    "alt_text",
    "promo_title",
];

const GLOSSARY_FIELDS: &[&str] = &["term", "lang", "note"];

/// The newsroom's rules for translators.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TranslationRules {
    /// Length limits in characters (grapheme clusters), by segment kind.
    pub limits: Vec<(&'static str, usize)>,
    /// Glossary entries.
    pub glossary: Vec<GlossaryEntry>,
    /// Names and terms that stay as they are in every language.
    pub do_not_translate: Vec<String>,
}

/// One `[[glossary]]` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryEntry {
    /// The source term.
    pub term: String,
    /// Its required translation, by language tag.
    pub translations: Vec<(String, String)>,
    /// A note for translators.
    pub note: Option<String>,
}

/// A rule term found in a source text, with what a target in one
/// language must hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The term as the source has it.
    pub term: String,
    /// What the target must contain: the glossary's translation, or the
    /// term itself when it is not to be translated; `None` when the
    /// glossary has no translation for the language.
    pub required: Option<String>,
    /// Whether it is on the do-not-translate list.
    pub keep: bool,
    /// The glossary's note.
    pub note: Option<String>,
}

impl TranslationRules {
    /// The limit for segments of `kind`, if the newsroom sets one.
    pub fn limit(&self, kind: &str) -> Option<usize> {
        self.limits
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, limit)| *limit)
    }

    /// The glossary and do-not-translate terms that `source` contains (as
    /// whole words; do-not-translate terms case-sensitively, glossary terms
    /// in any case), with what a target in `lang` needs.
    pub fn terms_in(&self, source: &str, lang: &str) -> Vec<Term> {
        let mut out = Vec::new();
        for term in &self.do_not_translate {
            if contains_word(source, term) {
                out.push(Term {
                    term: term.clone(),
                    required: Some(term.clone()),
                    keep: true,
                    note: None,
                });
            }
        }
        for entry in &self.glossary {
            if contains_word(&source.to_lowercase(), &entry.term.to_lowercase())
                && !out.iter().any(|t| t.term == entry.term)
            {
                let required = entry
                    .translations
                    .iter()
                    .find(|(l, _)| l.eq_ignore_ascii_case(lang))
                    .map(|(_, t)| t.clone());
                out.push(Term {
                    term: entry.term.clone(),
                    required,
                    keep: false,
                    note: entry.note.clone(),
                });
            }
        }
        out
    }
}

/// Whether `text` contains `word` with no letter or digit right before or
/// after it.
pub fn contains_word(text: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    text.match_indices(word).any(|(at, _)| {
        let before = text.get(..at).and_then(|s| s.chars().next_back());
        let after = text.get(at + word.len()..).and_then(|s| s.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Reads `[limits]`, `[[glossary]]` and `do_not_translate` from the
/// newsroom's top-level table.
pub fn parse(
    reader: &TableReader<'_, '_>,
    file: &Arc<SourceFile>,
    diags: &mut Vec<Diagnostic>,
) -> TranslationRules {
    let mut rules = TranslationRules::default();
    if let Some((table, span)) = reader.table("limits", diags) {
        let limits = TableReader::new(table, file, 0, "limits.".into(), span, LIMIT_FIELDS);
        for (key, kind) in LIMIT_KINDS {
            if let Some(n) = limits.unsigned(key, diags) {
                match usize::try_from(n.value) {
                    Ok(limit) if limit > 0 => rules.limits.push((kind, limit)),
                    _ => diags.push(
                        Diagnostic::new(
                            Code::InvalidField,
                            format!("`limits.{key}` must be a positive number of characters"),
                        )
                        .at(file, n.span.clone()),
                    ),
                }
            }
        }
        limits.report_unknown(diags);
    }
    for (table, span) in reader.tables("glossary", diags) {
        let entry = TableReader::new(table, file, 0, "glossary.".into(), span, GLOSSARY_FIELDS);
        let term = entry.string("term", diags);
        if term.is_none() && entry.raw("term").is_none() {
            entry.missing("term", diags);
        }
        let mut translations = Vec::new();
        if let Some((langs, span)) = entry.table("lang", diags) {
            let names: Vec<&str> = langs.iter().map(|(k, _)| k.get_ref().as_ref()).collect();
            let lang_reader = TableReader::new(langs, file, 0, "glossary.lang.".into(), span, &[]);
            for name in names {
                let Some(text) = lang_reader.string(name, diags) else {
                    continue;
                };
                match parse_lang(name) {
                    Some(tag) => translations.push((tag, text.value)),
                    None => diags.push(
                        Diagnostic::new(
                            Code::InvalidLang,
                            format!(
                                "`{}` is not a valid BCP 47 language tag",
                                name.escape_debug()
                            ),
                        )
                        .at(file, text.span.clone()),
                    ),
                }
            }
        }
        let note = entry.string("note", diags).map(|t| t.value);
        entry.report_unknown(diags);
        if let Some(term) = term {
            if term.value.trim().is_empty() {
                diags.push(
                    Diagnostic::new(Code::InvalidField, "a glossary `term` cannot be empty")
                        .at(file, term.span.clone()),
                );
                continue;
            }
            rules.glossary.push(GlossaryEntry {
                term: term.value,
                translations,
                note,
            });
        }
    }
    for text in reader
        .strings("do_not_translate", diags)
        .unwrap_or_default()
    {
        if text.value.trim().is_empty() {
            diags.push(
                Diagnostic::new(
                    Code::InvalidField,
                    "a `do_not_translate` term cannot be empty",
                )
                .at(file, text.span.clone()),
            );
        } else {
            rules.do_not_translate.push(text.value);
        }
    }
    rules
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_whole_words() {
        assert!(contains_word("AFP said", "AFP"));
        assert!(contains_word("(AFP)", "AFP"));
        assert!(!contains_word("AFPX said", "AFP"));
        assert!(!contains_word("", "AFP"));
        assert!(!contains_word("x", ""));
    }

    #[test]
    fn terms_in_a_source_say_what_a_target_needs() {
        let rules = TranslationRules {
            limits: vec![("headline", 10)],
            glossary: vec![GlossaryEntry {
                term: "Radio Liberty".into(),
                translations: vec![("ru".into(), "Радио Свобода".into())],
                note: None,
            }],
            do_not_translate: vec!["AFP".into()],
        };
        let terms = rules.terms_in("AFP and Radio Liberty", "ru");
        assert_eq!(terms.len(), 2);
        assert_eq!(terms[0].required.as_deref(), Some("AFP"));
        assert_eq!(terms[1].required.as_deref(), Some("Радио Свобода"));
        assert_eq!(rules.terms_in("Radio Liberty", "uk")[0].required, None);
        assert_eq!(rules.limit("headline"), Some(10));
        assert_eq!(rules.limit("quote"), None);
    }
}
