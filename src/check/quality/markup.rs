//! 4. `markup-mismatch`.

use super::*;

pub(super) fn markup_mismatch(src: &Inline, tgt: &Inline) -> Option<Finding> {
    if src.spans.is_empty() && tgt.spans.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    let mut range: Option<Range<usize>> = None;
    for kind in Kind::ALL {
        let in_source = src.spans_of(kind).count();
        let in_target = tgt.spans_of(kind).count();
        if in_source == in_target {
            continue;
        }
        let (singular, plural) = kind.nouns();
        parts.push(format!(
            "{} in the source but {in_target} in the target",
            count(in_source, singular, plural)
        ));
        if range.is_none() {
            // Point at the first surplus span, if the target has more.
            range = tgt.spans_of(kind).nth(in_source).cloned();
            if range.is_none() {
                range = Some(0..tgt.text.len());
            }
        }
    }
    let range = range?;
    finding(
        Code::MarkupMismatch,
        range,
        format!("the markup differs: {}", parts.join(", ")),
    )
}
