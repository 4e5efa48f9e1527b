//! Translation-file checks: every edition of an
//! article must have a translation file whose segments match the article's
//! and are publishable; targets get the same text-safety and Markdown checks
//! as the article.

use crate::article::Article;
use crate::article::body::{BodyProblem, InlineSource, inline_problems, not_inline};
use crate::check::{quality, text};
use crate::diag::{Code, Diagnostic};
use crate::newsroom::Newsroom;
use crate::translations::{Files, State};

/// The editions of `article` that have translation files: every edition but
/// the source language and the derived ones.
pub fn translated_editions(article: &Article, newsroom: &Newsroom) -> Vec<String> {
    newsroom
        .editions_of(article)
        .into_iter()
        .filter(|lang| {
            !lang.eq_ignore_ascii_case(&article.lang.value) && newsroom.derived_from(lang).is_none()
        })
        .collect()
}

/// Checks the translation files of an article read from `path`.
pub fn check(
    article: &Article,
    files: &mut Files,
    newsroom: &Newsroom,
    diags: &mut Vec<Diagnostic>,
) {
    let langs = translated_editions(article, newsroom);
    check_langs(article, files, &langs, false, diags);
}

/// Checks the translation files of an article into `langs`; with
/// `errors_only`, the quality checks that can only warn are skipped (a
/// judgement nobody reads the warnings of).
pub fn check_langs(
    article: &Article,
    files: &mut Files,
    langs: &[String],
    errors_only: bool,
    diags: &mut Vec<Diagnostic>,
) {
    use rayon::prelude::*;
    let segments = article.segments();
    let langs = langs.to_vec();
    files.load_all(&langs);
    // Each source is read once for its targets in every language.
    let sources: Vec<quality::Source> = segments
        .iter()
        .map(|s| {
            if errors_only {
                quality::Source::for_errors(&s.text, &article.lang.value)
            } else {
                quality::Source::new(&s.text, &article.lang.value)
            }
        })
        .collect();
    let files = &*files;
    let found: Vec<Vec<Diagnostic>> = langs
        .into_par_iter()
        .map(|lang| {
            let mut found = Vec::new();
            check_lang(article, &sources, files, lang, errors_only, &mut found);
            found
        })
        .collect();
    diags.extend(found.into_iter().flatten());
}

/// Checks the translation file of one edition.
fn check_lang(
    article: &Article,
    sources: &[quality::Source],
    files: &Files,
    lang: String,
    errors_only: bool,
    diags: &mut Vec<Diagnostic>,
) {
    let segments = article.segments();
    let Some(file_path) = files.path(&lang) else {
        return;
    };
    let (tf, parse_diags) = match files.loaded(&lang) {
        Ok(Some((tf, diags))) => (tf, diags.clone()),
        Ok(None) => {
            diags.push(
                Diagnostic::new(
                    Code::MissingTranslation,
                    format!(
                        "the {lang} edition has no translation file ({})",
                        file_path.display()
                    ),
                )
                .file_name(crate::source::display_path(&file_path))
                .lang(lang.clone())
                .help(format!(
                    "run `article localize {} --lang {lang}`",
                    article.file.name()
                )),
            );
            return;
        }
        Err(err) => {
            diags.push(
                Diagnostic::new(
                    Code::Syntax,
                    format!("cannot read {}: {err}", file_path.display()),
                )
                .file_name(file_path.display().to_string())
                .lang(lang.clone()),
            );
            return;
        }
    };
    let file = &tf.file;
    let syntax_ok = parse_diags.is_empty();
    diags.extend(parse_diags.into_iter().map(|d| d.lang(lang.clone())));
    if let Some(id) = &tf.article
        && id.value != article.id.value
    {
        diags.push(
            Diagnostic::new(
                Code::InvalidField,
                format!(
                    "this file translates `{}`, not `{}`",
                    id.value, article.id.value
                ),
            )
            .at(file, id.span.clone())
            .lang(lang.clone()),
        );
    }
    if let Some(file_lang) = &tf.lang
        && !file_lang.value.eq_ignore_ascii_case(&lang)
    {
        diags.push(
            Diagnostic::new(
                Code::InvalidField,
                format!(
                    "`lang` is `{}`, but the file name says `{lang}`",
                    file_lang.value
                ),
            )
            .at(file, file_lang.span.clone())
            .lang(lang.clone()),
        );
    }
    if !syntax_ok && tf.segments.is_empty() {
        return;
    }
    for (segment, source) in segments.iter().zip(sources) {
        let Some(entry) = tf.segment(&segment.key) else {
            diags.push(
                Diagnostic::new(
                    Code::MissingTranslation,
                    format!("segment `{}` is not in the translation file", segment.key),
                )
                .file_name(file.name())
                .lang(lang.clone())
                .key(segment.key.clone())
                .help(format!(
                    "run `article localize {} --lang {lang}`",
                    article.file.name()
                )),
            );
            continue;
        };
        let at = entry
            .target_text
            .as_ref()
            .map(|t| t.span.clone())
            .or_else(|| entry.key_span.clone())
            .unwrap_or(0..0);
        let finding = if entry.source != segment.text {
            Some((
                Code::StaleTranslation,
                "the article's text changed since this segment was translated".to_owned(),
                format!(
                    "run `article localize {} --lang {lang}` to see the change",
                    article.file.name()
                ),
            ))
        } else if entry.target.trim().is_empty() || entry.state == State::New {
            Some((
                Code::MissingTranslation,
                if entry.target.is_empty() || entry.state == State::New {
                    "segment is not translated".to_owned()
                } else {
                    "the target is blank: the edition would show nothing".to_owned()
                },
                "write the `target`, then set `state = \"translated\"`".to_owned(),
            ))
        } else if entry.state == State::Stale {
            Some((
                    Code::StaleTranslation,
                    "segment is stale: its source changed after it was translated".to_owned(),
                    "compare `previous_source` with `source`, update `target`, then set `state = \"translated\"`".to_owned(),
                ))
        } else if entry.state == State::Machine {
            Some((
                Code::MachineTranslation,
                "segment is machine-translated and unchecked".to_owned(),
                "check the target, then set `state = \"translated\"`".to_owned(),
            ))
        } else {
            None
        };
        if let Some((code, message, help)) = finding {
            diags.push(
                Diagnostic::new(code, message)
                    .at(file, at.clone())
                    .lang(lang.clone())
                    .key(segment.key.clone())
                    .help(help),
            );
        }
        if let Some(target) = &entry.target_text {
            // Quality checks compare the target with its source; a
            // stale or untranslated target has nothing to compare yet.
            if entry.source == segment.text && !entry.target.trim().is_empty() {
                let mut findings = if errors_only {
                    source.errors(&target.value)
                } else {
                    source.check(&target.value, &lang)
                };
                // An untranslated target fails every other comparison
                // for the same reason: report the reason once.
                if findings.iter().any(|f| f.code == Code::Untranslated) {
                    findings.retain(|f| f.code == Code::Untranslated);
                }
                for finding in findings {
                    diags.push(
                        Diagnostic::new(finding.code, finding.message)
                            .at(file, target.span_of(finding.range))
                            .lang(lang.clone())
                            .key(segment.key.clone()),
                    );
                }
            }
            for finding in text::scan_with(&target.value, !errors_only) {
                diags.push(
                    Diagnostic::new(finding.code, finding.message)
                        .at(file, target.span_of(finding.range))
                        .lang(lang.clone())
                        .key(segment.key.clone()),
                );
            }
            let inline = InlineSource::new(&target.value);
            for finding in text::scan_entities(&inline.text) {
                diags.push(
                    Diagnostic::new(finding.code, finding.message)
                        .at(file, target.span_of(inline.original(finding.range)))
                        .lang(lang.clone())
                        .key(segment.key.clone()),
                );
            }
            for block in not_inline(&target.value) {
                diags.push(
                    Diagnostic::new(
                        Code::TargetNotInline,
                        format!("{} in a translation target", block.what),
                    )
                    .at(file, target.span_of(block.range))
                    .label("the edition would fold this into the line before")
                    .lang(lang.clone())
                    .key(segment.key.clone())
                    .help("a target is the inline text of one block: write it as one paragraph (line breaks fold to spaces)"),
                );
            }
            for problem in inline_problems(&target.value) {
                let (code, message, range) = match problem {
                    BodyProblem::RawHtml(range) => {
                        (Code::RawHtml, "raw HTML in a translation".to_owned(), range)
                    }
                    BodyProblem::Url { url, span, .. } => (
                        Code::InvalidUrl,
                        format!("link target `{}` is not allowed", url.escape_debug()),
                        span,
                    ),
                    BodyProblem::TooDeep(range) => (
                        Code::NestingTooDeep,
                        "translation nests too deep".to_owned(),
                        range,
                    ),
                    BodyProblem::Markdown {
                        code,
                        span,
                        message,
                        ..
                    } => (code, message, span),
                    BodyProblem::Empty { span, what } => {
                        (Code::EmptyText, format!("{what} in a translation"), span)
                    }
                };
                diags.push(
                    Diagnostic::new(code, message)
                        .at(file, target.span_of(range))
                        .lang(lang.clone())
                        .key(segment.key.clone()),
                );
            }
        }
    }
    for entry in &tf.segments {
        if !segments.iter().any(|s| s.key == entry.key) {
            diags.push(
                Diagnostic::new(Code::Obsolete, "segment is no longer in the article")
                    .at(file, entry.key_span.clone().unwrap_or(0..0))
                    .lang(lang.clone())
                    .key(entry.key.clone())
                    .help(format!(
                        "run `article localize {} --lang {lang}` to move it to [[obsolete]]",
                        article.file.name()
                    )),
            );
        }
    }
    for entry in &tf.obsolete {
        diags.push(
            Diagnostic::new(
                Code::Obsolete,
                "obsolete segment kept in the translation file",
            )
            .at(file, entry.key_span.clone().unwrap_or(0..0))
            .lang(lang.clone())
            .key(entry.key.clone())
            .help("reuse what helps, then run `article localize --purge-obsolete`"),
        );
    }
}
