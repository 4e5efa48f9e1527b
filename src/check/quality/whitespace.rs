//! 6. `whitespace`.

use super::*;

/// Runs of two or more U+0020 in the visible, trimmed text.
pub(super) fn doubled_spaces(inline: &Inline) -> Vec<Range<usize>> {
    let inner = trimmed_range(inline.text);
    let mut runs = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut last_end = None;
    for (at, ch) in inline.visible_chars() {
        let contiguous = last_end == Some(at);
        last_end = Some(at + ch.len_utf8());
        if ch == ' ' && inner.contains(&at) {
            current = match current {
                Some(run) if contiguous => Some(run.start..at + 1),
                other => {
                    runs.extend(other.filter(|r| r.len() > 1));
                    Some(at..at + 1)
                }
            };
        } else {
            runs.extend(current.take().filter(|r| r.len() > 1));
        }
    }
    runs.extend(current.filter(|r| r.len() > 1));
    runs
}

pub(super) fn whitespace(src: &Inline, tgt: &Inline) -> Option<Finding> {
    let mut issues: Vec<(Range<usize>, String)> = Vec::new();
    let starts_blank = |t: &str| t.starts_with(char::is_whitespace);
    let ends_blank = |t: &str| t.ends_with(char::is_whitespace);
    if starts_blank(tgt.text) && !starts_blank(src.text) {
        issues.push((
            0..trimmed_range(tgt.text).start,
            "leading whitespace".into(),
        ));
    }
    let target_runs = if tgt.text.contains("  ") {
        doubled_spaces(tgt)
    } else {
        Vec::new()
    };
    let source_runs = if target_runs.is_empty() {
        0
    } else {
        doubled_spaces(src).len()
    };
    if target_runs.len() > source_runs
        && let Some(first) = target_runs.first()
    {
        let what = if source_runs == 0 {
            count(target_runs.len(), "doubled space", "doubled spaces")
        } else {
            format!(
                "{} (the source has {source_runs})",
                count(target_runs.len(), "doubled space", "doubled spaces")
            )
        };
        issues.push((first.clone(), what));
    }
    if ends_blank(tgt.text) && !ends_blank(src.text) {
        issues.push((
            tgt.text.trim_end().len()..tgt.text.len(),
            "trailing whitespace".into(),
        ));
    }
    let range = issues.first()?.0.clone();
    let mut what: Vec<String> = issues.into_iter().map(|(_, what)| what).collect();
    let last = what.pop().unwrap_or_default();
    let what = if what.is_empty() {
        last
    } else {
        format!("{} and {last}", what.join(", "))
    };
    finding(
        Code::Whitespace,
        range,
        format!("the target has {what} that the source does not"),
    )
}
