//! `check`: everything that can be wrong with an article, collected as
//! [`Diagnostic`]s. One file per family of checks: the article itself is
//! checked while it is parsed ([`crate::article::parse`]); [`text`] holds
//! the text-safety checks that apply to every text.

pub mod bundles;
pub mod limits;
pub mod quality;
pub mod suppress;
pub mod text;
pub mod translations;

use std::ops::Range;
use std::sync::Arc;

use crate::article::{self, Article};
use crate::diag::{Code, Diagnostic};
use crate::source::{InvalidUtf8, SourceFile};

/// What checking one article file found.
#[derive(Debug)]
pub struct ArticleCheck {
    /// The file.
    pub file: Arc<SourceFile>,
    /// The article, when it could be read well enough to use.
    pub article: Option<Article>,
    /// Findings, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks one article file.
pub fn check_article(file: Arc<SourceFile>, bad_utf8: Option<InvalidUtf8>) -> ArticleCheck {
    if let Some(bad) = bad_utf8 {
        let (message, label) = if bad.utf16 {
            ("the file is UTF-16, not UTF-8", "UTF-16 from here on")
        } else {
            (
                "the file is not valid UTF-8",
                "this byte does not start a UTF-8 character",
            )
        };
        let diag = Diagnostic::new(Code::Syntax, message)
            .at(&file, bad.offset..bad.offset + 1)
            .label(label)
            .help(bad.help());
        return ArticleCheck {
            file,
            article: None,
            diagnostics: vec![diag],
        };
    }
    let parsed = article::parse(&file);
    let mut diagnostics = parsed.diagnostics;

    // Text safety, by unit: each front-matter line, each top-level body block
    // and what lies between blocks; strings with escapes also as decoded.
    let segments = parsed
        .article
        .as_ref()
        .map(Article::segments)
        .unwrap_or_default();
    let key_at = |offset: usize| {
        segments
            .iter()
            .find(|s| s.span.contains(&offset))
            .map(|s| s.key.clone())
    };
    for unit in units(&file, parsed.front_matter.clone(), &parsed.block_spans) {
        text::scan_file_range(&file, unit, &key_at, &mut diagnostics);
    }
    // What Markdown decodes from character references (`&#x202E;`) is
    // judged as the characters a reader gets, at the reference.
    for block in &parsed.block_spans {
        let Some(text) = file.text().get(block.clone()) else {
            continue;
        };
        for finding in text::scan_entities(text) {
            let span = block.start + finding.range.start..block.start + finding.range.end;
            let mut diag = Diagnostic::new(finding.code, finding.message).at(&file, span.clone());
            if let Some(key) = key_at(span.start) {
                diag = diag.key(key);
            }
            diagnostics.push(diag);
        }
    }
    for value in &parsed.markdown_texts {
        for finding in text::scan_inline_entities(&value.value) {
            let mut diag = Diagnostic::new(finding.code, finding.message)
                .at(&file, value.span_of(finding.range));
            if let Some(key) = key_at(value.span.start) {
                diag = diag.key(key);
            }
            diagnostics.push(diag);
        }
    }
    for value in parsed.texts.iter().filter(|t| t.content_start.is_none()) {
        for finding in text::scan(&value.value) {
            let span = value.span_of(finding.range);
            // What is written as itself was found in the file already.
            let written = file.text().get(span.clone()).unwrap_or("");
            if value.escapes.is_some() && !written.starts_with('\\') {
                continue;
            }
            let mut diag = Diagnostic::new(finding.code, finding.message)
                .at(&file, span)
                .label("written as an escape in this string");
            if let Some(key) = key_at(value.span.start) {
                diag = diag.key(key);
            }
            diagnostics.push(diag);
        }
    }
    diagnostics.sort_by_key(|d| d.location.as_ref().map(|l| l.span.start));
    ArticleCheck {
        file,
        article: parsed.article,
        diagnostics,
    }
}

/// Splits a file into the units text safety is judged by.
fn units(
    file: &SourceFile,
    front_matter: Range<usize>,
    blocks: &[Range<usize>],
) -> Vec<Range<usize>> {
    let text = file.text();
    let mut out = Vec::new();
    // Front matter, line by line.
    let mut at = front_matter.start;
    while at < front_matter.end {
        let end = text
            .get(at..front_matter.end)
            .and_then(|s| s.find('\n'))
            .map_or(front_matter.end, |i| at + i);
        out.push(at..end);
        at = end + 1;
    }
    // The body: blocks, and the gaps between them (blank lines, link
    // reference definitions), so nothing goes unscanned.
    let body_start = if front_matter.is_empty() && front_matter.start == 0 {
        0
    } else {
        text.get(front_matter.end..)
            .and_then(|s| s.find('\n'))
            .map_or(text.len(), |i| front_matter.end + i + 1)
    };
    let mut cursor = body_start;
    for block in blocks {
        if block.start > cursor {
            out.push(cursor..block.start);
        }
        out.push(block.start.max(cursor)..block.end.max(cursor));
        cursor = cursor.max(block.end);
    }
    if cursor < text.len() {
        out.push(cursor..text.len());
    }
    out
}
