//! Findings a person has decided to accept stay visible (`"suppressed":
//! true` in JSON) but do not count and are not printed. Two ways to decide:
//!
//! - in a translation file, a comment `# article: allow(code, code)` above
//!   a `[[segment]]` header or anywhere inside its table silences those
//!   codes for that segment (in that language);
//! - in an article's body, an editorial comment
//!   `<!-- article: allow(code, code): reason -->` silences those codes on
//!   the block that follows it (findings in the article file within that
//!   block); the reason is required;
//! - in `newsroom.toml`, `[check] allow = ["code"]` silences a code
//!   everywhere, and `[[check.exception]]` with `code` and any of
//!   `article`, `lang`, `key` (and a `reason` for the record) silences it
//!   where all given fields match; it must give a `reason`.
//!
//! Only warnings can be accepted. Errors refuse the editions they are about,
//! so accepting one would make `check` pass what `export` refuses; the
//! newsroom file refuses such a rule, and a directive naming an error code
//! changes nothing.

use std::collections::HashMap;
use std::ops::Range;

use crate::diag::{Code, Diagnostic, Severity};
use crate::newsroom::Newsroom;

/// Why `code` cannot be accepted, if it is an error: the one message of
/// every place that accepts codes (a body comment, `newsroom.toml`).
pub fn not_allowable(code: Code) -> Option<String> {
    (code.severity() == Severity::Error).then(|| {
        format!(
            "`{}` is an error, and errors cannot be allowed: they keep the editions they are about from being published",
            code.name()
        )
    })
}

/// The codes an editorial comment of the body accepts, if it is a
/// directive (`<!-- article: allow(code, code): reason -->`); a comment
/// that is not one is `None`, a directive that is broken an error message
/// and a help line.
pub fn note_directive(comment: &str) -> Option<Result<Vec<Code>, (String, String)>> {
    let inner = comment.trim().strip_prefix("<!--")?;
    let inner = inner.strip_suffix("-->").unwrap_or(inner).trim();
    let rest = inner.strip_prefix("article:")?.trim_start();
    let form = "write `<!-- article: allow(code, code): reason -->`".to_owned();
    let Some(list) = rest.strip_prefix("allow(") else {
        return Some(Err((
            "an `article:` comment must be an `allow` directive".to_owned(),
            form,
        )));
    };
    let Some(close) = list.find(')') else {
        return Some(Err(("`allow(` is not closed".to_owned(), form)));
    };
    let reason = list[close + 1..].trim_start();
    let reason = reason.strip_prefix(':').unwrap_or(reason).trim();
    let mut codes = Vec::new();
    for name in list[..close].split(',').map(str::trim) {
        let Some(code) = Code::from_name(name) else {
            let names: Vec<&str> = Code::ALL.iter().map(|c| c.name()).collect();
            let help = match crate::article::front_matter::did_you_mean(name, &names) {
                Some(best) => format!("did you mean `{best}`?"),
                None => "`article explain --list` lists the codes".to_owned(),
            };
            return Some(Err((
                format!("`{}` is not a diagnostic code", name.escape_debug()),
                help,
            )));
        };
        if let Some(message) = not_allowable(code) {
            return Some(Err((
                message,
                "fix what the error points at; only warnings can be accepted".to_owned(),
            )));
        }
        codes.push(code);
    }
    if reason.is_empty() {
        return Some(Err((
            "an `allow` comment needs a reason after the codes".to_owned(),
            "write `<!-- article: allow(code): why this is right here -->`".to_owned(),
        )));
    }
    Some(Ok(codes))
}

/// The file range of a block and the codes accepted on it.
type Allowance = (Range<usize>, Vec<Code>);

/// What the directive comments of an article's body accept: the file
/// range of the block after each, and its codes.
fn body_allowances(text: &str) -> Vec<Allowance> {
    let Ok(split) = crate::article::front_matter::split(text) else {
        return Vec::new();
    };
    let body = text.get(split.body.clone()).unwrap_or("");
    let (body, _) = crate::article::body::parse(body, split.body.start);
    body.comments
        .into_iter()
        .filter_map(|(comment, next)| {
            let codes = note_directive(text.get(comment)?)?.ok()?;
            Some((next?, codes))
        })
        .collect()
}

/// The codes a directive comment names, if the line holds one.
fn directive(line: &str) -> Option<Vec<String>> {
    let comment = &line[line.find('#')?..];
    let rest = comment.trim_start_matches('#').trim_start();
    let rest = rest.strip_prefix("article:")?.trim_start();
    let inner = rest.strip_prefix("allow(")?;
    let inner = &inner[..inner.find(')')?];
    Some(
        inner
            .split(',')
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty())
            .collect(),
    )
}

/// `# article: allow(…)` directives of a translation file: (key, codes).
pub fn directives(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut block: Option<(Option<String>, Vec<String>)> = None;
    let finish = |block: Option<(Option<String>, Vec<String>)>,
                  out: &mut Vec<(String, Vec<String>)>| {
        if let Some((Some(key), codes)) = block
            && !codes.is_empty()
        {
            out.push((key, codes));
        }
    };
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("[[") || (trimmed.starts_with('[') && !trimmed.starts_with("[[")) {
            finish(block.take(), &mut out);
            block = Some((None, std::mem::take(&mut pending)));
            continue;
        }
        let codes = directive(line);
        if trimmed.starts_with('#') {
            // A comment line belongs to the table whose next line follows
            // it, or to the table whose header comes next.
            if let Some(codes) = codes {
                pending.extend(codes);
            }
            continue;
        }
        if trimmed.is_empty() {
            continue;
        }
        if let Some((key, list)) = &mut block {
            list.append(&mut pending);
            if let Some(codes) = codes {
                list.extend(codes);
            }
            if key.is_none()
                && trimmed.starts_with("key")
                && let Ok(table) = toml::from_str::<toml::Table>(trimmed)
            {
                *key = table.get("key").and_then(|v| v.as_str()).map(str::to_owned);
            }
        }
    }
    finish(block.take(), &mut out);
    out
}

/// Marks the findings about one article that a person has accepted.
pub fn apply(diags: &mut [Diagnostic], newsroom: &Newsroom, article: Option<&str>) {
    let mut cache: HashMap<String, Vec<(String, Vec<String>)>> = HashMap::new();
    let mut notes: HashMap<String, Vec<Allowance>> = HashMap::new();
    for diag in diags.iter_mut() {
        // An error blocks publishing: no directive or rule can hide it,
        // or `check` would pass what `export` refuses.
        if diag.severity == crate::diag::Severity::Error {
            continue;
        }
        if newsroom.check.allows(diag, article) {
            diag.suppressed = true;
            continue;
        }
        let Some(location) = &diag.location else {
            continue;
        };
        let name = location.file.name();
        if !name.ends_with(".toml") && !name.ends_with(".ftl") {
            let found = notes
                .entry(name.to_owned())
                .or_insert_with(|| body_allowances(location.file.text()));
            if found.iter().any(|(block, codes)| {
                block.contains(&location.span.start) && codes.contains(&diag.code)
            }) {
                diag.suppressed = true;
            }
            continue;
        }
        let Some(key) = &diag.key else {
            continue;
        };
        if !name.ends_with(".toml") {
            continue;
        }
        let found = cache
            .entry(location.file.name().to_owned())
            .or_insert_with(|| directives(location.file.text()));
        if found
            .iter()
            .any(|(k, codes)| k == key && codes.iter().any(|c| c == diag.code.name()))
        {
            diag.suppressed = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_attach_to_their_segment() {
        let text = "article = \"a\"\n\n# article: allow(untranslated)\n[[segment]]\nkey = \"headline\"\ntarget = \"AFP\"\n\n[[segment]]\nkey = \"summary\"\ntarget = \"x\" # article: allow(number-mismatch, quotes)\n\n[[segment]]\nkey = \"body.1\"\n";
        assert_eq!(
            directives(text),
            [
                ("headline".to_owned(), vec!["untranslated".to_owned()]),
                (
                    "summary".to_owned(),
                    vec!["number-mismatch".to_owned(), "quotes".to_owned()]
                ),
            ]
        );
    }
}
