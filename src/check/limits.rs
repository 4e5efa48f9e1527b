//! The newsroom's rules for translators, checked in targets: length limits
//! per kind of segment (`too-long`), glossary translations
//! (`glossary-term`) and names that stay as they are (`do-not-translate`).
//! All three are warnings: a long headline or an inflected glossary term
//! may be right, and a newsroom accepts such a finding like any warning.
//!
//! Glossary terms are found in the source in any case, as whole words,
//! and their translation in the target in any case, anywhere (so an
//! inflected form is reported: accept it or reword); do-not-translate
//! terms must be in the target exactly as written.
//!
//! A target is checked when it is not empty, translates the article's
//! current source and is `machine`, `translated` or `reviewed` (a stale
//! target gets `stale-translation`, a `new` one `missing-translation`).

use unicode_segmentation::UnicodeSegmentation;

use crate::article::Article;
use crate::article::inline::InlineText;
use crate::diag::{Code, Diagnostic};
use crate::newsroom::rules::{TranslationRules, contains_word};
use crate::translations::{Files, State};

/// Length of `markdown` as readers see it: grapheme clusters of its text
/// (emphasis marks, link targets and image sources left out; a line break
/// counts as one space).
pub fn visible_len(markdown: &str) -> usize {
    // Read as every edition reads an inline text (the one inline model):
    // `1. Mai` is a headline, not a list item.
    let inline = InlineText::parse(markdown);
    let leading = inline
        .leading_tag
        .as_ref()
        .and_then(|range| markdown.get(range.clone()))
        .unwrap_or("");
    leading.graphemes(true).count() + inline.plain().graphemes(true).count()
}

/// Checks the targets of `article` in `langs` (their files already loaded
/// in `files`) against `rules`.
pub fn check(
    article: &Article,
    files: &Files,
    langs: &[String],
    rules: &TranslationRules,
    diags: &mut Vec<Diagnostic>,
) {
    if rules.limits.is_empty() && rules.glossary.is_empty() && rules.do_not_translate.is_empty() {
        return;
    }
    let kinds = crate::translations::segment_kinds(article);
    let segments = article.segments();
    for lang in langs {
        let Ok(Some((tf, _))) = files.loaded(lang) else {
            continue;
        };
        for segment in segments {
            let Some(entry) = tf.segment(&segment.key) else {
                continue;
            };
            let Some(target) = &entry.target_text else {
                continue;
            };
            if entry.source != segment.text
                || target.value.trim().is_empty()
                || matches!(entry.state, State::New | State::Stale)
            {
                continue;
            }
            let at = |diag: Diagnostic| {
                diag.at(&tf.file, target.span.clone())
                    .lang(lang.clone())
                    .key(segment.key.clone())
            };
            let kind = kinds.get(&segment.key).copied().unwrap_or("paragraph");
            if let Some(limit) = rules.limit(kind) {
                let len = visible_len(&target.value);
                if len > limit {
                    diags.push(
                        at(Diagnostic::new(
                            Code::TooLong,
                            format!(
                                "the target has {len} characters; the newsroom allows {limit} for a {kind}"
                            ),
                        ))
                        .help(format!(
                            "shorten it by {} (newsroom.toml [limits])",
                            len - limit
                        )),
                    );
                }
            }
            for term in rules.terms_in(&segment.text, lang) {
                let Some(required) = &term.required else {
                    continue;
                };
                if term.keep && !contains_word(&target.value, required) {
                    diags.push(
                        at(Diagnostic::new(
                            Code::DoNotTranslate,
                            format!(
                                "`{}` is on the newsroom's do-not-translate list, and the target does not have it as it is",
                                term.term
                            ),
                        ))
                        .help(format!("write `{}` unchanged", term.term)),
                    );
                } else if !term.keep
                    && !target
                        .value
                        .to_lowercase()
                        .contains(&required.to_lowercase())
                {
                    diags.push(
                        at(Diagnostic::new(
                            Code::GlossaryTerm,
                            format!(
                                "the source has the glossary term `{}`, and the target lacks its {lang} translation `{required}`",
                                term.term
                            ),
                        ))
                        .help("use the newsroom's [[glossary]] translation"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_is_what_readers_see() {
        assert_eq!(
            visible_len("Talks *resume* in [Geneva](https://example.org/long/url)"),
            22
        );
        // Grapheme clusters: a flag, a family emoji and e + combining acute are 1 each.
        assert_eq!(visible_len("🇺🇦 👨‍👩‍👧 e\u{301}"), 5);
        assert_eq!(visible_len("`x`"), 1);
        // What opens like a list item or a heading is text in an inline text.
        assert_eq!(visible_len("1. Mai"), 6);
        assert_eq!(visible_len("# 1"), 3);
        assert_eq!(visible_len("&amp; co"), 4);
    }
}
