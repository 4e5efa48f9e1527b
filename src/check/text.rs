//! Text safety, for every text a reader will see: bidi controls
//! that can make text display other than it reads (Trojan Source), control
//! characters, invisible characters, and text not in Unicode NFC.

use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::article::inline::{InlineText, Piece};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

use crate::diag::{Code, Diagnostic};
use crate::source::SourceFile;

/// What a bidi control does to the direction stack.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Opener {
    Embedding,
    Isolate,
}

/// The Unicode name of a character that needs pointing out.
pub fn char_name(ch: char) -> &'static str {
    match ch {
        '\u{202a}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202b}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202c}' => "POP DIRECTIONAL FORMATTING",
        '\u{202d}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202e}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{200b}' => "ZERO WIDTH SPACE",
        '\u{2060}' => "WORD JOINER",
        '\u{feff}' => "ZERO WIDTH NO-BREAK SPACE (BOM)",
        '\u{00ad}' => "SOFT HYPHEN",
        '\u{180e}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{2061}' => "FUNCTION APPLICATION",
        '\u{2062}' => "INVISIBLE TIMES",
        '\u{2063}' => "INVISIBLE SEPARATOR",
        '\u{2064}' => "INVISIBLE PLUS",
        _ => "control character",
    }
}

/// Whether a character starting with this UTF-8 byte may be reported by
/// [`scan`]: C0 controls and DEL, and the lead bytes of C1 controls and the
/// soft hyphen (0xC2), U+180E (0xE1), the bidi controls, zero-width space,
/// word joiner and invisible operators (0xE2) and U+FEFF (0xEF). A test
/// holds every reported character to this.
fn may_start_finding(byte: u8) -> bool {
    byte < 0x20 || byte == 0x7f || matches!(byte, 0xc2 | 0xe1 | 0xe2 | 0xef)
}

/// Whether NFC leaves this character as it is whatever surrounds it (its
/// NFC quick check is Yes and its combining class 0), decided by ranges for
/// the letters of common scripts; other characters take the full check.
/// A test holds every range to the Unicode data.
fn nfc_inert(ch: char) -> bool {
    /// Sorted, disjoint ranges above U+02FF.
    const RANGES: &[(u32, u32)] = &[
        (0x0388, 0x038a),
        (0x038c, 0x038c),
        (0x038e, 0x03a1),
        (0x03a3, 0x03ce),
        (0x0400, 0x0482),
        (0x048a, 0x052f),
        (0x0531, 0x0556),
        (0x0561, 0x0587),
        (0x05d0, 0x05ea),
        (0x0620, 0x064a),
        (0x0660, 0x066f),
        (0x0671, 0x06d3),
        (0x0905, 0x0939),
        (0x0995, 0x09a8),
        (0x0e01, 0x0e30),
        (0x10d0, 0x10fa),
        (0x2010, 0x2027),
        (0x2030, 0x205e),
        (0x3041, 0x3096),
        (0x30a1, 0x30fa),
        (0x4e00, 0x9fff),
        (0xac00, 0xd7a3),
    ];
    let code = u32::from(ch);
    if code < 0x300 {
        return true;
    }
    let at = RANGES.partition_point(|&(_, last)| last < code);
    RANGES.get(at).is_some_and(|&(first, _)| first <= code)
}

/// Characters reported as `invisible-char`.
pub fn is_invisible(ch: char) -> bool {
    matches!(
        ch,
        '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{00ad}' | '\u{180e}' | '\u{2061}'..='\u{2064}'
    )
}

/// Characters reported as `control-char`: C0 and C1 controls and DEL,
/// except tab and line endings.
pub fn is_forbidden_control(ch: char) -> bool {
    ch.is_control() && !matches!(ch, '\t' | '\n' | '\r')
}

/// A finding in a piece of text, as byte offsets into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The code.
    pub code: Code,
    /// Where in the text.
    pub range: Range<usize>,
    /// What to say.
    pub message: String,
}

/// Scans one unit of text. Bidi embeddings and isolates must balance within
/// the unit (a line of front matter, a block of the body, a translation).
pub fn scan(text: &str) -> Vec<Finding> {
    scan_with(text, true)
}

/// [`scan`], with the NFC check (a warning, and the costliest part) only
/// when `nfc` is set.
pub fn scan_with(text: &str, nfc: bool) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut stack: Vec<(Opener, usize, char)> = Vec::new();
    let describe = |ch: char| format!("U+{:04X} {}", ch as u32, char_name(ch));
    // Only characters that start with a candidate byte can be reported, so
    // the rest of the text is skipped byte by byte without decoding it.
    let candidates = text
        .bytes()
        .enumerate()
        .filter(|&(_, b)| may_start_finding(b))
        .filter_map(|(at, _)| Some((at, text.get(at..)?.chars().next()?)));
    for (at, ch) in candidates {
        let range = at..at + ch.len_utf8();
        match ch {
            '\u{202d}' | '\u{202e}' => {
                findings.push(Finding {
                    code: Code::BidiControl,
                    range: range.clone(),
                    message: format!("bidi override {} in text", describe(ch)),
                });
                stack.push((Opener::Embedding, at, ch));
            }
            '\u{202a}' | '\u{202b}' => stack.push((Opener::Embedding, at, ch)),
            '\u{2066}'..='\u{2068}' => stack.push((Opener::Isolate, at, ch)),
            '\u{202c}' => {
                if matches!(stack.last(), Some((Opener::Embedding, _, _))) {
                    stack.pop();
                } else {
                    findings.push(Finding {
                        code: Code::BidiControl,
                        range,
                        message: format!("{} closes nothing", describe(ch)),
                    });
                }
            }
            '\u{2069}' => {
                if let Some(pos) = stack
                    .iter()
                    .rposition(|(kind, _, _)| *kind == Opener::Isolate)
                {
                    stack.truncate(pos);
                } else {
                    findings.push(Finding {
                        code: Code::BidiControl,
                        range,
                        message: format!("{} closes nothing", describe(ch)),
                    });
                }
            }
            ch if is_forbidden_control(ch) => findings.push(Finding {
                code: Code::ControlChar,
                range,
                message: format!("control character U+{:04X} in text", ch as u32),
            }),
            ch if is_invisible(ch) => findings.push(Finding {
                code: Code::InvisibleChar,
                range,
                message: format!("invisible character {} in text", describe(ch)),
            }),
            _ => {}
        }
    }
    for (kind, at, ch) in stack {
        // Overrides were reported already.
        if matches!(ch, '\u{202d}' | '\u{202e}') {
            continue;
        }
        let what = match kind {
            Opener::Embedding => "embedding",
            Opener::Isolate => "isolate",
        };
        findings.push(Finding {
            code: Code::BidiControl,
            range: at..at + ch.len_utf8(),
            message: format!("bidi {what} {} is never closed", describe(ch)),
        });
    }
    // Not looked for at all unless asked: it is the costliest part.
    if let Some(at) = nfc.then(|| first_non_nfc(text)).flatten() {
        findings.push(Finding {
            code: Code::NotNfc,
            range: at..at + text[at..].chars().next().map_or(0, char::len_utf8),
            message: "text is not in Unicode NFC".into(),
        });
    }
    findings
}

/// Scans what Markdown decodes from character references (`&#x202E;`,
/// `&#8203;`, `&shy;`): the characters a reader gets though the file does
/// not hold them. `markdown` is read as one unit (its decoded text must
/// balance its bidi controls, as [`scan`] asks of written ones); only what
/// comes from a reference is reported, with the reference's range, since
/// [`scan`] of the written text finds the rest. Code spans and code blocks
/// decode nothing, so nothing there is reported.
pub fn scan_entities(markdown: &str) -> Vec<Finding> {
    if !markdown.contains('&') {
        return Vec::new();
    }
    let mut decoded = String::new();
    // (range in `decoded`, range in `markdown`) of each decoded reference.
    let mut references: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let mut titles: Vec<(String, Range<usize>)> = Vec::new();
    for (event, range) in Parser::new_ext(markdown, Options::empty()).into_offset_iter() {
        match event {
            Event::Text(text) => {
                let written = markdown.get(range.clone()).unwrap_or("");
                let start = decoded.len();
                decoded.push_str(&text);
                if written.starts_with('&') && written != &*text {
                    references.push((start..decoded.len(), range));
                }
            }
            Event::Start(Tag::Link { title, .. } | Tag::Image { title, .. })
                if !title.is_empty() =>
            {
                titles.push((title.to_string(), range));
            }
            _ => {}
        }
    }
    judge_decoded(markdown, &decoded, &references, titles)
}

/// [`scan_entities`] for an inline text (a front-matter text, a target),
/// read through the inline model as every edition reads it; ranges are in
/// `markdown` as written.
pub fn scan_inline_entities(markdown: &str) -> Vec<Finding> {
    if !markdown.contains('&') {
        return Vec::new();
    }
    let inline = InlineText::parse(markdown);
    let (decoded, map) = inline.decoded();
    let references: Vec<(Range<usize>, Range<usize>)> = map
        .into_iter()
        .filter(|(_, _, entity)| *entity)
        .map(|(decoded, written, _)| (decoded, written))
        .collect();
    let titles = inline
        .pieces
        .iter()
        .filter_map(|piece| match piece {
            Piece::Link { range, title, .. } if !title.is_empty() => {
                Some((title.clone(), range.clone()))
            }
            _ => None,
        })
        .collect();
    judge_decoded(markdown, &decoded, &references, titles)
}

/// The findings in `decoded` (what the reader reads) that come from a
/// character reference, at the reference, and those of link titles.
fn judge_decoded(
    markdown: &str,
    decoded: &str,
    references: &[(Range<usize>, Range<usize>)],
    titles: Vec<(String, Range<usize>)>,
) -> Vec<Finding> {
    let mut findings: Vec<Finding> = scan_with(decoded, false)
        .into_iter()
        .filter_map(|finding| {
            let (_, written) = references
                .iter()
                .find(|(d, _)| d.start <= finding.range.start && finding.range.start < d.end)?;
            let entity = markdown.get(written.clone()).unwrap_or("");
            Some(Finding {
                message: format!("{} (written as `{entity}`)", finding.message),
                range: written.clone(),
                code: finding.code,
            })
        })
        .collect();
    // A link's title is decoded too, and shown as a tooltip.
    for (title, range) in titles {
        let written = markdown.get(range.clone()).unwrap_or("");
        for finding in scan_with(&title, false) {
            let Some(ch) = title.get(finding.range.clone()) else {
                continue;
            };
            if !written.contains(ch) {
                findings.push(Finding {
                    message: format!(
                        "{} (in a link title, written as a character reference)",
                        finding.message
                    ),
                    range: range.clone(),
                    code: finding.code,
                });
            }
        }
    }
    findings
}

/// Byte offset of the first character that NFC would change, if any.
pub fn first_non_nfc(text: &str) -> Option<usize> {
    // The quick check answers "yes" for almost all text without normalizing.
    if text.chars().all(nfc_inert)
        || unicode_normalization::is_nfc_quick(text.chars())
            == unicode_normalization::IsNormalized::Yes
        || unicode_normalization::is_nfc(text)
    {
        return None;
    }
    let nfc: String = text.nfc().collect();
    let common = text
        .char_indices()
        .zip(nfc.chars())
        .find(|((_, a), b)| a != b)
        .map_or(text.len().min(nfc.len()), |((at, _), _)| at);
    // Step back to the base character the combining marks attach to.
    let mut at = common;
    while text[at..]
        .chars()
        .next()
        .is_some_and(|ch| canonical_combining_class(ch) != 0)
    {
        match text[..at].char_indices().next_back() {
            Some((prev, _)) => at = prev,
            None => break,
        }
    }
    Some(at)
}

/// Whether `text` differs from its NFC form only in the order of combining
/// marks (Arabic shadda typed before its vowel, the order keyboards and
/// Unicode's Arabic Mark Transient Reordering, UTR #53, put them in for
/// display): NFC would compose or decompose nothing.
pub fn only_reordered(text: &str) -> bool {
    let nfc: String = text.nfc().collect();
    if nfc == text {
        return true;
    }
    let mut ordered = String::with_capacity(text.len());
    let mut marks: Vec<char> = Vec::new();
    for ch in text.chars() {
        if canonical_combining_class(ch) == 0 {
            // A stable sort: marks of one class keep their order.
            marks.sort_by_key(|&m| canonical_combining_class(m));
            ordered.extend(marks.drain(..));
            ordered.push(ch);
        } else {
            marks.push(ch);
        }
    }
    marks.sort_by_key(|&m| canonical_combining_class(m));
    ordered.extend(marks);
    ordered == nfc
}

/// Whether the zero-width space is how `script` (an ISO 15924 code) marks
/// word boundaries: the scripts written without spaces whose line breaks
/// Unicode leaves to a dictionary (UAX #14 class SA): Thai, Lao, Khmer,
/// Myanmar, Tai Tham, Tai Le, New Tai Lue, Tai Viet. Tibetan is not one:
/// its tsheg (U+0F0B) separates syllables and is where lines break, so a
/// zero-width space there is as stray as in English.
pub fn zwsp_separates_words(script: &str) -> bool {
    matches!(
        script,
        "Thai" | "Laoo" | "Khmr" | "Mymr" | "Lana" | "Tale" | "Talu" | "Tavt"
    )
}

/// Scans `range` of a file and adds diagnostics; `key_at` names the segment
/// an offset lies in, when known.
pub fn scan_file_range(
    file: &Arc<SourceFile>,
    range: Range<usize>,
    key_at: &dyn Fn(usize) -> Option<String>,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(text) = file.text().get(range.clone()) else {
        return;
    };
    for finding in scan(text) {
        let start = range.start + finding.range.start;
        let mut diag = Diagnostic::new(finding.code, finding.message)
            .at(file, start..range.start + finding.range.end);
        if let Some(key) = key_at(start) {
            diag = diag.key(key);
        }
        diags.push(diag);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reported_character_starts_with_a_candidate_byte() {
        for ch in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            let reported = is_forbidden_control(ch)
                || is_invisible(ch)
                || matches!(ch, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
            let mut buf = [0; 4];
            let first = ch.encode_utf8(&mut buf).as_bytes()[0];
            assert!(!reported || may_start_finding(first), "U+{:04X}", ch as u32);
        }
    }

    #[test]
    fn nfc_inert_ranges_agree_with_unicode_data() {
        for ch in (0..=0x10ffff_u32)
            .filter_map(char::from_u32)
            .filter(|&c| nfc_inert(c))
        {
            assert_eq!(
                unicode_normalization::is_nfc_quick(std::iter::once(ch)),
                unicode_normalization::IsNormalized::Yes,
                "U+{:04X}",
                ch as u32
            );
            assert_eq!(canonical_combining_class(ch), 0, "U+{:04X}", ch as u32);
        }
    }

    fn codes(text: &str) -> Vec<Code> {
        scan(text).into_iter().map(|f| f.code).collect()
    }

    #[test]
    fn overrides_are_errors_balanced_isolates_are_fine() {
        assert_eq!(codes("a\u{202e}b\u{202c}"), [Code::BidiControl]);
        assert!(codes("name: \u{2068}Ali\u{2069}!").is_empty());
        assert_eq!(codes("open \u{2067}never"), [Code::BidiControl]);
        assert_eq!(codes("close\u{2069}"), [Code::BidiControl]);
        assert!(
            codes("\u{200e}\u{200f}\u{061c}").is_empty(),
            "LRM, RLM, ALM are legitimate"
        );
    }

    #[test]
    fn controls_invisibles_and_nfc() {
        assert_eq!(codes("a\u{7}b"), [Code::ControlChar]);
        assert!(codes("tab\there").is_empty());
        assert_eq!(codes("zero\u{200b}width"), [Code::InvisibleChar]);
        assert!(codes("می\u{200c}خواهم").is_empty(), "ZWNJ is legitimate");
        let findings = scan("cafe\u{301}!");
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].code, Code::NotNfc);
        assert_eq!(findings[0].range.start, 3, "points at the base letter");
    }

    #[test]
    fn reordered_marks_are_told_from_other_nfc_changes() {
        // Shadda (class 33) typed before fatha (class 30): NFC swaps them.
        let typed = "\u{645}\u{651}\u{64e}";
        assert!(first_non_nfc(typed).is_some());
        assert!(only_reordered(typed));
        assert!(only_reordered("plain"));
        // A letter and a combining accent NFC composes into one.
        assert!(!only_reordered("cafe\u{301}"));
        assert!(!only_reordered("\u{645}\u{651}\u{64e} cafe\u{301}"));
    }

    #[test]
    fn scripts_that_separate_words_with_zero_width_spaces() {
        for script in ["Thai", "Laoo", "Khmr", "Mymr"] {
            assert!(zwsp_separates_words(script), "{script}");
        }
        for script in ["Tibt", "Latn", "Arab", "Hani"] {
            assert!(!zwsp_separates_words(script), "{script}");
        }
    }

    #[test]
    fn character_references_are_judged_as_the_characters_they_decode_to() {
        let found = |text: &str| -> Vec<(Code, String)> {
            scan_entities(text)
                .into_iter()
                .map(|f| (f.code, text[f.range].to_owned()))
                .collect()
        };
        assert_eq!(
            found("Ferry &#x202E;returns"),
            [(Code::BidiControl, "&#x202E;".to_owned())]
        );
        assert_eq!(
            found("zero&#8203;width"),
            [(Code::InvisibleChar, "&#8203;".to_owned())]
        );
        assert_eq!(
            found("soft&shy;hyphen"),
            [(Code::InvisibleChar, "&shy;".to_owned())]
        );
        assert_eq!(
            found("bell &#x7; rings"),
            [(Code::ControlChar, "&#x7;".to_owned())]
        );
        // Balanced isolates written as references are fine; one left open is not.
        assert!(found("name: &#x2068;Ali&#x2069;!").is_empty());
        assert_eq!(
            found("open &#x2067;never"),
            [(Code::BidiControl, "&#x2067;".to_owned())]
        );
        // Code decodes nothing; an ampersand is not a reference; `&amp;` is fine.
        assert!(found("`&#x202E;` and AT&T &amp; co").is_empty());
        // A link title is decoded too.
        assert_eq!(found("[x](https://a.example \"&#x202E;\")").len(), 1);
        // What is written as itself is left to `scan`.
        assert!(found("a\u{202e}b &amp;").is_empty());
    }
}
