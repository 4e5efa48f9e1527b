//! Languages and scripts.

/// A writing system this module can tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Script {
    Latin,
    Cyrillic,
    Greek,
    Armenian,
    Hebrew,
    Arabic,
    Georgian,
    Devanagari,
    Bengali,
    Thai,
    Han,
    Kana,
    Hangul,
}

impl Script {
    pub(super) fn name(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Cyrillic => "Cyrillic",
            Script::Greek => "Greek",
            Script::Armenian => "Armenian",
            Script::Hebrew => "Hebrew",
            Script::Arabic => "Arabic",
            Script::Georgian => "Georgian",
            Script::Devanagari => "Devanagari",
            Script::Bengali => "Bengali",
            Script::Thai => "Thai",
            Script::Han => "Han",
            Script::Kana => "Kana",
            Script::Hangul => "Hangul",
        }
    }

    /// The script of a letter; `None` for other characters, letters common
    /// to all scripts (modifier letters such as `ʼ`) and unknown scripts.
    pub(super) fn of(ch: char) -> Option<Script> {
        let code = u32::from(ch);
        if code < 0x80 {
            return ch.is_ascii_alphabetic().then_some(Script::Latin);
        }
        Script::of_letter(code).or_else(|| Script::of_any(ch))
    }

    /// Fast path of [`Script::of`]: ranges that hold only letters of one
    /// script, so no Unicode property lookup is needed (a test holds them
    /// to [`Script::of_any`]).
    pub(super) fn of_letter(code: u32) -> Option<Script> {
        /// Sorted, disjoint ranges.
        const RANGES: &[(u32, u32, Script)] = &[
            (0xC0, 0xD6, Script::Latin),
            (0xD8, 0xF6, Script::Latin),
            (0xF8, 0x24F, Script::Latin),
            (0x388, 0x38A, Script::Greek),
            (0x38C, 0x38C, Script::Greek),
            (0x38E, 0x3A1, Script::Greek),
            (0x3A3, 0x3CE, Script::Greek),
            (0x400, 0x481, Script::Cyrillic),
            (0x48A, 0x52F, Script::Cyrillic),
            (0x531, 0x556, Script::Armenian),
            (0x561, 0x587, Script::Armenian),
            (0x5D0, 0x5EA, Script::Hebrew),
            (0x621, 0x64A, Script::Arabic),
            (0x671, 0x6D3, Script::Arabic),
            (0x905, 0x939, Script::Devanagari),
            (0x995, 0x9A8, Script::Bengali),
            (0xE01, 0xE30, Script::Thai),
            (0x10D0, 0x10FA, Script::Georgian),
            (0x3041, 0x3096, Script::Kana),
            (0x30A1, 0x30FA, Script::Kana),
            (0x4E00, 0x9FFF, Script::Han),
            (0xAC00, 0xD7A3, Script::Hangul),
        ];
        let at = RANGES.partition_point(|&(_, last, _)| last < code);
        RANGES
            .get(at)
            .filter(|&&(first, _, _)| first <= code)
            .map(|&(_, _, script)| script)
    }

    /// [`Script::of`] for any character, by block and the Alphabetic property.
    pub(super) fn of_any(ch: char) -> Option<Script> {
        let code = u32::from(ch);
        let script = match code {
            0x41..=0x5A
            | 0x61..=0x7A
            | 0xAA
            | 0xBA
            | 0xC0..=0xD6
            | 0xD8..=0xF6
            | 0xF8..=0x2AF
            | 0x1D00..=0x1D7F
            | 0x1E00..=0x1EFF
            | 0x2C60..=0x2C7F
            | 0xA720..=0xA7FF
            | 0xAB30..=0xAB6F
            | 0xFB00..=0xFB06
            | 0xFF21..=0xFF3A
            | 0xFF41..=0xFF5A => Script::Latin,
            0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
            0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
            0x531..=0x58F | 0xFB13..=0xFB17 => Script::Armenian,
            0x591..=0x5FF | 0xFB1D..=0xFB4F => Script::Hebrew,
            0x600..=0x6FF | 0x750..=0x77F | 0x870..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
                Script::Arabic
            }
            0x900..=0x97F | 0xA8E0..=0xA8FF => Script::Devanagari,
            0x980..=0x9FF => Script::Bengali,
            0xE00..=0xE7F => Script::Thai,
            0x10A0..=0x10FF | 0x1C90..=0x1CBF | 0x2D00..=0x2D2F => Script::Georgian,
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
            0x3005 | 0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => Script::Han,
            0x20000..=0x3FFFF => Script::Han,
            _ => return None,
        };
        ch.is_alphabetic().then_some(script)
    }

    /// The scripts of an ISO 15924 script subtag (lowercase).
    pub(super) fn of_subtag(subtag: &str) -> Option<&'static [Script]> {
        Some(match subtag {
            "latn" => &[Script::Latin],
            "cyrl" => &[Script::Cyrillic],
            "grek" => &[Script::Greek],
            "armn" => &[Script::Armenian],
            "hebr" => &[Script::Hebrew],
            "arab" => &[Script::Arabic],
            "geor" => &[Script::Georgian],
            "deva" => &[Script::Devanagari],
            "beng" => &[Script::Bengali],
            "thai" => &[Script::Thai],
            "hans" | "hant" | "hani" => &[Script::Han],
            "hira" | "kana" | "hrkt" => &[Script::Kana],
            "jpan" => &[Script::Han, Script::Kana],
            "kore" => &[Script::Hangul, Script::Han],
            "hang" => &[Script::Hangul],
            _ => return None,
        })
    }

    /// The scripts a language is written in when its tag names none.
    pub(super) fn of_language(language: &str) -> Option<&'static [Script]> {
        Some(match language {
            "ru" | "uk" | "be" | "bg" | "mk" | "sr" | "kk" | "ky" | "tg" | "tt" | "ba" | "mn"
            | "cv" | "sah" | "ce" | "os" | "ab" | "av" | "cnr" => &[Script::Cyrillic],
            "fa" | "ps" | "ar" | "ur" | "ckb" | "sd" | "ug" | "prs" => &[Script::Arabic],
            "ka" => &[Script::Georgian],
            "hy" => &[Script::Armenian],
            "el" => &[Script::Greek],
            "he" | "iw" | "yi" => &[Script::Hebrew],
            "hi" | "mr" | "ne" | "sa" => &[Script::Devanagari],
            "bn" | "as" => &[Script::Bengali],
            "th" => &[Script::Thai],
            "zh" => &[Script::Han],
            "ja" => &[Script::Han, Script::Kana],
            "ko" => &[Script::Hangul, Script::Han],
            "en" | "de" | "fr" | "es" | "it" | "pt" | "nl" | "sv" | "da" | "no" | "nb" | "nn"
            | "fi" | "et" | "lv" | "lt" | "pl" | "cs" | "sk" | "sl" | "hr" | "bs" | "ro" | "hu"
            | "tr" | "az" | "uz" | "tk" | "sq" | "is" | "ga" | "gd" | "cy" | "mt" | "ca" | "eu"
            | "gl" | "id" | "ms" | "vi" | "sw" | "ku" | "so" | "ha" | "yo" | "af" | "lb" | "fy"
            | "rm" | "fil" | "tl" | "zu" | "xh" | "eo" | "la" | "oc" | "br" | "fo" | "kl"
            | "se" | "qu" | "mi" | "sm" | "to" | "haw" | "ln" | "rw" | "mg" | "om" | "ig" => {
                &[Script::Latin]
            }
            _ => return None,
        })
    }
}

/// A BCP 47 tag, lowercased and taken apart.
pub(super) struct Lang<'a> {
    pub(super) tag: &'a str,
    pub(super) language: String,
    pub(super) script: Option<String>,
    pub(super) region: Option<String>,
}

impl<'a> Lang<'a> {
    pub(super) fn parse(tag: &'a str) -> Self {
        let mut subtags = tag
            .split(['-', '_'])
            .filter(|s| !s.is_empty())
            .map(str::to_ascii_lowercase);
        let language = subtags.next().unwrap_or_default();
        let mut script = None;
        let mut region = None;
        for subtag in subtags {
            let alpha = subtag.chars().all(|c| c.is_ascii_alphabetic());
            if script.is_none() && region.is_none() && subtag.len() == 4 && alpha {
                script = Some(subtag);
            } else if region.is_none()
                && ((subtag.len() == 2 && alpha)
                    || (subtag.len() == 3 && subtag.chars().all(|c| c.is_ascii_digit())))
            {
                region = Some(subtag);
            }
        }
        Lang {
            tag: tag.trim(),
            language,
            script,
            region,
        }
    }

    /// The scripts the language is written in, if known.
    pub(super) fn scripts(&self) -> Option<&'static [Script]> {
        match &self.script {
            Some(script) => Script::of_subtag(script),
            None => Script::of_language(&self.language),
        }
    }

    /// Whether a text in `self` may not stand unchanged in `other`.
    pub(super) fn differs_from(&self, other: &Lang) -> bool {
        if self.language != other.language {
            return true;
        }
        let main = |lang: &Lang| lang.scripts().and_then(|s| s.first().copied());
        match (main(self), main(other)) {
            (Some(a), Some(b)) => a != b,
            _ => self.script.is_some() && other.script.is_some() && self.script != other.script,
        }
    }
}
