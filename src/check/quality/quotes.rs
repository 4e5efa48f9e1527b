//! 8. `quotes`.

use super::*;

/// Double quotation marks, the ones this check looks at.
pub(super) fn is_quote_mark(ch: char) -> bool {
    matches!(
        ch,
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '‹' | '›' | '「' | '」' | '『' | '』'
    )
}

/// A locale's quotation marks.
pub struct QuoteStyle {
    /// Lowercase tags: a language, or a language and a region or script.
    pub tags: &'static [&'static str],
    /// CLDR `delimiters`: quotationStart, quotationEnd,
    /// alternateQuotationStart, alternateQuotationEnd.
    pub cldr: [char; 4],
    /// Pairs (opening, closing) in customary use besides CLDR's.
    pub extra: &'static [(char, char)],
}

pub(super) const fn style(
    tags: &'static [&'static str],
    cldr: [char; 4],
    extra: &'static [(char, char)],
) -> QuoteStyle {
    QuoteStyle { tags, cldr, extra }
}

/// Quotation marks by locale: CLDR 47 `delimiters` (common/main/*.xml), and
/// pairs in customary use that CLDR does not list (Serbian „…“ and »…«,
/// German »…«, guillemets in Spanish, Norwegian, Pashto …), so that the
/// check only flags marks that are clearly foreign.
pub const QUOTE_STYLES: &[QuoteStyle] = &[
    style(&["en"], ['“', '”', '‘', '’'], &[('"', '"')]),
    style(
        &[
            "tr", "az", "id", "ms", "vi", "ga", "cy", "hi", "bn", "ko", "zh", "zh-hans", "th",
            "mt", "gl", "ku", "sw", "af", "eo", "fil", "mr", "ne", "pt", "pt-br",
        ],
        ['“', '”', '‘', '’'],
        &[],
    ),
    style(
        &["es", "lv"],
        ['“', '”', '‘', '’'],
        &[('«', '»'), ('„', '“')],
    ),
    style(&["da"], ['“', '”', '‘', '’'], &[('»', '«')]),
    style(&["nb", "nn"], ['“', '”', '‘', '’'], &[('«', '»')]),
    style(&["no"], ['«', '»', '‘', '’'], &[('“', '”')]),
    style(
        &["ps", "tg", "tt", "ba", "mn", "ckb", "ug", "sd"],
        ['“', '”', '‘', '’'],
        &[('«', '»')],
    ),
    style(&["yi"], ['“', '”', '‘', '’'], &[('"', '"')]),
    style(&["fa", "fr-ch", "gsw"], ['«', '»', '‹', '›'], &[]),
    // Swiss German: CLDR follows German; Swiss papers use guillemets.
    style(
        &["de-ch"],
        ['„', '“', '‚', '‘'],
        &[('«', '»'), ('‹', '›'), ('»', '«')],
    ),
    // CLDR gives Arabic and Urdu the English marks mirrored; both
    // directions are in use, and so are guillemets.
    style(
        &["ar", "ur"],
        ['”', '“', '’', '‘'],
        &[('“', '”'), ('«', '»')],
    ),
    style(
        &["el", "it", "ca", "sq", "eu", "pt-pt"],
        ['«', '»', '“', '”'],
        &[],
    ),
    style(&["kk"], ['«', '»', '“', '”'], &[('„', '“')]),
    style(
        &["ru", "uk", "be", "ky", "cv", "sah"],
        ['«', '»', '„', '“'],
        &[],
    ),
    style(&["bg", "lt"], ['„', '“', '„', '“'], &[]),
    style(
        &["de", "cs", "sk", "sl", "hr"],
        ['„', '“', '‚', '‘'],
        &[('»', '«')],
    ),
    style(
        &["et", "is", "mk", "lb", "bs-cyrl"],
        ['„', '“', '‚', '‘'],
        &[],
    ),
    style(&["bs"], ['„', '”', '‘', '’'], &[('„', '“')]),
    style(&["fi", "sv"], ['”', '”', '’', '’'], &[('»', '»')]),
    style(&["he"], ['”', '”', '’', '’'], &[('"', '"'), ('„', '”')]),
    style(&["fr-ca"], ['«', '»', '”', '“'], &[('“', '”')]),
    style(&["fr"], ['«', '»', '«', '»'], &[('“', '”'), ('‹', '›')]),
    style(&["hy"], ['«', '»', '«', '»'], &[]),
    style(&["hu"], ['„', '”', '»', '«'], &[]),
    style(
        &["ja", "zh-hant", "zh-tw", "zh-hk", "zh-mo", "yue"],
        ['「', '」', '『', '』'],
        &[],
    ),
    style(&["ka"], ['„', '“', '«', '»'], &[]),
    style(&["nl"], ['‘', '’', '‘', '’'], &[('“', '”'), ('„', '”')]),
    style(&["pl", "ro"], ['„', '”', '«', '»'], &[]),
    // Serbian: CLDR has „…” and ’…’; the orthography also has „…“ and »…«.
    style(&["sr"], ['„', '”', '’', '’'], &[('„', '“'), ('»', '«')]),
    style(&["tk"], ['“', '”', '“', '”'], &[]),
    style(&["uz"], ['“', '”', '’', '‘'], &[('«', '»'), ('„', '“')]),
];

impl QuoteStyle {
    pub(super) fn opens(&self, ch: char) -> bool {
        let [open, _, alt_open, _] = self.cldr;
        ch == open || ch == alt_open || self.extra.iter().any(|&(o, _)| o == ch)
    }

    pub(super) fn closes(&self, ch: char) -> bool {
        let [_, close, _, alt_close] = self.cldr;
        ch == close || ch == alt_close || self.extra.iter().any(|&(_, c)| c == ch)
    }

    /// The main pairs, for messages: `«…»`, `„…”, „…“ or »…«`.
    pub(super) fn pairs(&self) -> String {
        let [open, close, _, _] = self.cldr;
        let mut pairs: Vec<String> = [(open, close)]
            .iter()
            .chain(self.extra)
            .filter(|&&(o, c)| is_quote_mark(o) && is_quote_mark(c) && o != '"')
            .map(|(o, c)| format!("{o}…{c}"))
            .collect();
        let last = pairs.pop().unwrap_or_default();
        if pairs.is_empty() {
            last
        } else {
            format!("{} or {last}", pairs.join(", "))
        }
    }
}

/// The quotation style of a locale, most specific tag first.
pub(super) fn quote_style(lang: &Lang) -> Option<&'static QuoteStyle> {
    let mut candidates = Vec::new();
    if let Some(script) = &lang.script {
        candidates.push(format!("{}-{script}", lang.language));
    }
    if let Some(region) = &lang.region {
        candidates.push(format!("{}-{region}", lang.language));
    }
    candidates.push(lang.language.clone());
    candidates.iter().find_map(|tag| {
        QUOTE_STYLES
            .iter()
            .find(|style| style.tags.contains(&tag.as_str()))
    })
}

pub(super) fn quotes(tgt: &Inline, lang: &Lang) -> Option<Finding> {
    // The quotation marks: `"` and characters starting with these bytes.
    let mut marks = tgt
        .visible_by_lead_byte(|b| matches!(b, b'"' | 0xC2 | 0xE2 | 0xE3))
        .filter(|&(_, ch)| is_quote_mark(ch))
        .peekable();
    marks.peek()?;
    let style = quote_style(lang)?;
    let text = tgt.text;
    let before = |at: usize| text.get(..at).and_then(|t| t.chars().next_back());
    let after = |at: usize, ch: char| {
        text.get(at + ch.len_utf8()..)
            .and_then(|t| t.chars().next())
    };
    let open_context = |prev: Option<char>| {
        prev.is_none_or(|p| p.is_whitespace() || is_quote_mark(p) || "([{—–-/*_‘‚".contains(p))
    };
    let close_context = |next: Option<char>| {
        next.is_none_or(|n| {
            n.is_whitespace() || is_quote_mark(n) || ".,;:!?…)]}—–-*_’،؛؟۔".contains(n)
        })
    };
    let mut foreign = Vec::new();
    for (at, ch) in marks {
        let opening = open_context(before(at));
        let closing = close_context(after(at, ch));
        let allowed = match (opening, closing) {
            (true, false) => style.opens(ch),
            (false, true) => style.closes(ch),
            _ => style.opens(ch) || style.closes(ch),
        };
        if !allowed {
            foreign.push((
                at..at + ch.len_utf8(),
                ch,
                opening && !closing,
                closing && !opening,
            ));
        }
    }
    let (range, ch, opening, closing) = foreign.first()?.clone();
    let role = if opening {
        "opening "
    } else if closing {
        "closing "
    } else {
        ""
    };
    let more = match foreign.len() - 1 {
        0 => String::new(),
        1 => " (1 more foreign mark follows)".into(),
        n => format!(" ({n} more foreign marks follow)"),
    };
    finding(
        Code::Quotes,
        range,
        format!(
            "the {role}quotation mark `{ch}` is not used in the {} edition, which quotes with {}{more}",
            lang.tag,
            style.pairs()
        ),
    )
}
