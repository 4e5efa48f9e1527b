//! 3. `url-mismatch`.

use super::*;

/// The links of `from` whose URLs `other` lacks (as multisets), in order.
pub(super) fn unmatched<'l>(from: &'l [Link], other: &[Link]) -> Vec<&'l Link> {
    let mut available: HashMap<&str, usize> = HashMap::new();
    for link in other {
        *available.entry(&link.url).or_default() += 1;
    }
    from.iter()
        .filter(|link| match available.get_mut(link.url.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .collect()
}

pub(super) fn describe_link(link: &Link) -> String {
    if link.image {
        format!("the image `{}`", link.url)
    } else {
        format!("the link to `{}`", link.url)
    }
}

pub(super) fn url_mismatch(src: &Inline, tgt: &Inline) -> Option<Finding> {
    if src.links.is_empty() && tgt.links.is_empty() {
        return None;
    }
    let missing = unmatched(&src.links, &tgt.links);
    let extra = unmatched(&tgt.links, &src.links);
    match (missing.first(), extra.first()) {
        (Some(gone), Some(new)) => finding(
            Code::UrlMismatch,
            new.range.clone(),
            format!(
                "{} of the source is `{}` in the target",
                describe_link(gone),
                new.url
            ),
        ),
        (Some(gone), None) => finding(
            Code::UrlMismatch,
            0..tgt.text.len(),
            format!(
                "{} of the source is missing from the target",
                describe_link(gone)
            ),
        ),
        (None, Some(new)) => finding(
            Code::UrlMismatch,
            new.range.clone(),
            format!("{} in the target is not in the source", describe_link(new)),
        ),
        (None, None) => None,
    }
}
