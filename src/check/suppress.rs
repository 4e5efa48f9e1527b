//! Findings a person has decided to accept stay visible (`"suppressed":
//! true` in JSON) but do not count and are not printed. Two ways to decide:
//!
//! - in a translation file, a comment `# article: allow(code, code)` above
//!   a `[[segment]]` header or anywhere inside its table silences those
//!   codes for that segment (in that language);
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

use crate::diag::Diagnostic;
use crate::newsroom::Newsroom;

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
        let (Some(location), Some(key)) = (&diag.location, &diag.key) else {
            continue;
        };
        if !location.file.name().ends_with(".toml") {
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
