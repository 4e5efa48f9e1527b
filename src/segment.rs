//! Segments: the translatable texts of an article and their stable keys.
//!
//! Front-matter texts have fixed keys (`headline`, `summary`, `image.alt`,
//! `image.caption`, `related.N.title`). Body segments are keyed by a hash of
//! their text (`body.` and 8 hex digits of its SHA-256), so a translation
//! follows its paragraph wherever it moves. Identical paragraphs share one
//! key, and so one translation.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use sha2::{Digest, Sha256};

/// Where a segment comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SegmentKind {
    /// The headline.
    Headline,
    /// The summary.
    Summary,
    /// The image's alt text.
    ImageAlt,
    /// The image's caption.
    ImageCaption,
    /// A promo's title.
    RelatedTitle,
    /// A block of the body.
    Body,
}

/// One translatable text.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// Its key in translation files.
    pub key: String,
    /// Where it comes from.
    pub kind: SegmentKind,
    /// The inline Markdown to translate.
    pub text: String,
    /// Byte range of the text in the article file.
    pub span: Range<usize>,
}

impl fmt::Display for Segment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key)
    }
}

/// Hex digits of the hash kept in a body key.
const KEY_HEX: usize = 8;

/// The key of a body segment with this text.
pub fn body_key(text: &str) -> String {
    body_key_of_len(text, KEY_HEX)
}

fn body_key_of_len(text: &str, len: usize) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut key = String::with_capacity(5 + len);
    key.push_str("body.");
    for byte in digest.iter() {
        if key.len() >= 5 + len {
            break;
        }
        key.push_str(&format!("{byte:02x}"));
    }
    key.truncate(5 + len);
    key
}

/// Builds the body's segments from its prose in document order: identical
/// texts collapse into one segment; two different texts whose short hashes
/// collide get longer keys (a 1-in-4-billion event, handled all the same).
pub fn body_segments<'a>(prose: impl IntoIterator<Item = (&'a str, Range<usize>)>) -> Vec<Segment> {
    let mut segments: Vec<Segment> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    // A block with no text (an empty heading, which `check` refuses) is no
    // segment: nobody could translate it.
    for (text, span) in prose.into_iter().filter(|(text, _)| !text.is_empty()) {
        let mut len = KEY_HEX;
        loop {
            let key = body_key_of_len(text, len);
            match by_key.get(&key) {
                Some(&index) if segments.get(index).is_some_and(|s| s.text == text) => break,
                Some(_) if len < 64 => len += 8,
                _ => {
                    by_key.insert(key.clone(), segments.len());
                    segments.push(Segment {
                        key,
                        kind: SegmentKind::Body,
                        text: text.to_owned(),
                        span,
                    });
                    break;
                }
            }
        }
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_keys_are_stable_and_short() {
        assert_eq!(body_key("Hello"), "body.185f8db3");
        assert_eq!(body_key("Hello").len(), 13);
    }

    #[test]
    fn identical_paragraphs_share_a_segment() {
        let segs = body_segments([("a", 0..1), ("b", 3..4), ("a", 6..7)]);
        assert_eq!(segs.len(), 2);
        assert_eq!(segs[0].span, 0..1);
    }
}
