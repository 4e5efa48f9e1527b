//! TMX 1.4b translation memory: [`write()`] a run's finished segments,
//! [`read()`] any tool's TMX back as memory (`localize --tmx FILE`,
//! `localize --memory FILE.tmx`).
//!
//! # What is written
//!
//! ```xml
//! <?xml version="1.0" encoding="UTF-8"?>
//! <tmx version="1.4">
//!   <header creationtool="article" creationtoolversion="0.1.0" segtype="block" o-tmf="article" adminlang="en" srclang="en" datatype="plaintext"/>
//!   <body>
//!     <tu tuid="talks:headline">
//!       <tuv xml:lang="en"><seg>Talks resume</seg></tuv>
//!       <tuv xml:lang="ru"><seg>Переговоры возобновились</seg></tuv>
//!     </tu>
//!   </body>
//! </tmx>
//! ```
//!
//! One `<tu>` per segment (`tuid` is `ARTICLE:KEY`), a `<tuv>` for the
//! source and one for the target; `srclang` is the source language of every
//! unit, or `*all*` when they differ. Text is plain (inline Markdown stays
//! literal); characters XML 1.0 cannot hold become U+FFFD.
//!
//! # What is read
//!
//! Each `<tu>`'s variants by `xml:lang` (or TMX 1.1's `lang`); the source is
//! the variant in the unit's `srclang` (else the header's; with `*all*`,
//! the first variant), every other variant a target. The text of inline
//! codes (`<bpt>`, `<ept>`, `<ph>`, `<it>`, `<ut>`) is left out; `<hi>`
//! keeps its text.

use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::reader::Reader;

use super::{ReadError, strip_bom};

/// One translation unit: the source language and text, and its targets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tu {
    /// The source's language tag, as written.
    pub src_lang: String,
    /// The source text.
    pub source: String,
    /// The targets: language tag as written, text.
    pub targets: Vec<(String, String)>,
}

/// A segment to write: article id, key, source language, target language,
/// source, target.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// The article id.
    pub article: &'a str,
    /// The segment key.
    pub key: &'a str,
    /// The source language.
    pub src_lang: &'a str,
    /// The target language.
    pub trg_lang: &'a str,
    /// The source text.
    pub source: &'a str,
    /// The target text.
    pub target: &'a str,
}

/// Text for XML content.
fn escape(text: &str) -> String {
    super::escape(text, super::Place::Note)
}

/// Text for an attribute value.
fn escape_attr(text: &str) -> String {
    super::escape(text, super::Place::Attribute)
}

/// Writes `entries` as a TMX 1.4b document.
pub fn write(entries: &[Entry<'_>]) -> String {
    let src_lang = match entries.first() {
        Some(first) if entries.iter().all(|e| e.src_lang == first.src_lang) => first.src_lang,
        Some(_) => "*all*",
        None => "*all*",
    };
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<tmx version=\"1.4\">\n");
    out.push_str(&format!(
        "  <header creationtool=\"article\" creationtoolversion=\"{}\" segtype=\"block\" o-tmf=\"article\" adminlang=\"en\" srclang=\"{}\" datatype=\"plaintext\"/>\n",
        escape_attr(env!("CARGO_PKG_VERSION")),
        escape_attr(src_lang)
    ));
    out.push_str("  <body>\n");
    for e in entries {
        out.push_str(&format!(
            "    <tu tuid=\"{}\"",
            escape_attr(&format!("{}:{}", e.article, e.key))
        ));
        if src_lang == "*all*" {
            out.push_str(&format!(" srclang=\"{}\"", escape_attr(e.src_lang)));
        }
        out.push_str(">\n");
        for (lang, text) in [(e.src_lang, e.source), (e.trg_lang, e.target)] {
            out.push_str(&format!(
                "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>\n",
                escape_attr(lang),
                escape(text)
            ));
        }
        out.push_str("    </tu>\n");
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}

/// A `<tu>` being read: its `srclang`, and its variants (language, text).
type OpenTu = (Option<String>, Vec<(String, String)>);

/// A tag's language subtag, lowercased (`en-US`, `en_us` → `en`).
fn primary(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Reads a TMX document's units.
pub fn read(text: &str) -> Result<Vec<Tu>, ReadError> {
    let text = strip_bom(text);
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let position = |reader: &Reader<&[u8]>| usize::try_from(reader.buffer_position()).unwrap_or(0);
    let mut header_src: Option<String> = None;
    let mut seen_tmx = false;
    // The unit being read: its srclang and variants.
    let mut tu: Option<OpenTu> = None;
    let mut tuv_lang: Option<String> = None;
    let mut seg: Option<String> = None;
    // Depth inside inline codes whose text is not the segment's.
    let mut code_depth = 0usize;
    let mut units = Vec::new();
    let mut open: Vec<String> = Vec::new();
    loop {
        let pos = position(&reader);
        let event = reader
            .read_event()
            .map_err(|e| ReadError::at(text, pos, format!("malformed XML: {e}")))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.local_name().as_ref().to_owned();
                if !empty {
                    open.push(name.clone());
                }
                let mut attrs: Vec<(String, String)> = Vec::new();
                for attr in e.attributes() {
                    let attr = attr
                        .map_err(|err| ReadError::at(text, pos, format!("malformed XML: {err}")))?;
                    let key = attr.key.as_ref().to_owned();
                    let value = attr
                        .normalized_value(XmlVersion::Implicit1_0)
                        .map_err(|err| ReadError::at(text, pos, format!("malformed XML: {err}")))?
                        .into_owned();
                    attrs.push((key, value));
                }
                let attr = |name: &str| {
                    attrs
                        .iter()
                        .find(|(k, _)| k == name)
                        .map(|(_, v)| v.clone())
                };
                match name.as_str() {
                    "tmx" => seen_tmx = true,
                    "header" => header_src = attr("srclang"),
                    "tu" if !empty => tu = Some((attr("srclang"), Vec::new())),
                    "tuv" if !empty => tuv_lang = attr("xml:lang").or_else(|| attr("lang")),
                    "seg" if !empty => seg = Some(String::new()),
                    "bpt" | "ept" | "ph" | "it" | "ut" if !empty && seg.is_some() => {
                        code_depth += 1;
                    }
                    _ => {}
                }
            }
            Event::End(ref e) => {
                let name = e.local_name().as_ref().to_owned();
                open.pop();
                match name.as_str() {
                    "bpt" | "ept" | "ph" | "it" | "ut" if seg.is_some() => {
                        code_depth = code_depth.saturating_sub(1);
                    }
                    "seg" => {
                        if let (Some(text), Some(lang), Some((_, variants))) =
                            (seg.take(), tuv_lang.clone(), tu.as_mut())
                        {
                            variants.push((lang, text));
                        }
                        code_depth = 0;
                    }
                    "tuv" => tuv_lang = None,
                    "tu" => {
                        if let Some((src, mut variants)) = tu.take() {
                            let wanted = src.or_else(|| header_src.clone());
                            let index = wanted
                                .as_deref()
                                .filter(|s| *s != "*all*")
                                .and_then(|s| {
                                    variants
                                        .iter()
                                        .position(|(l, _)| l.eq_ignore_ascii_case(s))
                                        .or_else(|| {
                                            variants
                                                .iter()
                                                .position(|(l, _)| primary(l) == primary(s))
                                        })
                                })
                                .or(if wanted.as_deref().is_none_or(|s| s == "*all*") {
                                    Some(0)
                                } else {
                                    None
                                });
                            if let Some(index) = index.filter(|&i| i < variants.len()) {
                                let (src_lang, source) = variants.remove(index);
                                units.push(Tu {
                                    src_lang,
                                    source,
                                    targets: variants,
                                });
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(ref t) => {
                if let Some(seg) = seg.as_mut()
                    && code_depth == 0
                {
                    seg.push_str(&t.xml_content(XmlVersion::Implicit1_0));
                }
            }
            Event::CData(ref t) => {
                if let Some(seg) = seg.as_mut()
                    && code_depth == 0
                {
                    seg.push_str(&t.xml_content(XmlVersion::Implicit1_0));
                }
            }
            Event::GeneralRef(ref r) => {
                if let Some(seg) = seg.as_mut()
                    && code_depth == 0
                {
                    let name = r.xml_content(XmlVersion::Implicit1_0).into_owned();
                    let resolved = super::resolve_reference(r);
                    match resolved {
                        Some(c) => seg.push(c),
                        None => {
                            return Err(ReadError::at(
                                text,
                                pos,
                                format!("unknown entity `&{name};`"),
                            ));
                        }
                    }
                }
            }
            Event::Eof => {
                if let Some(err) = ReadError::unclosed(text, &open) {
                    return Err(err);
                }
                break;
            }
            _ => {}
        }
    }
    if !seen_tmx {
        return Err(ReadError::at(text, 0, "not a TMX file: no <tmx> element"));
    }
    Ok(units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_units_read_back() {
        let entries = [
            Entry {
                article: "talks",
                key: "headline",
                src_lang: "en",
                trg_lang: "ru",
                source: "Talks & <more> \"resume\"",
                target: "Переговоры\r\nидут",
            },
            Entry {
                article: "talks",
                key: "summary",
                src_lang: "en",
                trg_lang: "uk",
                source: "S",
                target: "С",
            },
        ];
        let text = write(&entries);
        assert!(text.contains("srclang=\"en\""), "{text}");
        let units = read(&text).unwrap_or_default();
        assert_eq!(
            units,
            vec![
                Tu {
                    src_lang: "en".into(),
                    source: "Talks & <more> \"resume\"".into(),
                    targets: vec![("ru".into(), "Переговоры\r\nидут".into())],
                },
                Tu {
                    src_lang: "en".into(),
                    source: "S".into(),
                    targets: vec![("uk".into(), "С".into())],
                },
            ]
        );
    }

    #[test]
    fn other_tools_tmx_reads_with_inline_codes_left_out() {
        let text = "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"EN-US\" creationtool=\"x\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" adminlang=\"en\" datatype=\"html\"/><body>\
            <tu><tuv lang=\"de-DE\"><seg>Hallo <bpt i=\"1\">&lt;b&gt;</bpt>Welt<ept i=\"1\">&lt;/b&gt;</ept></seg></tuv><tuv xml:lang=\"en-US\"><seg>Hello <hi>world</hi></seg></tuv></tu>\
            <tu><tuv xml:lang=\"de\"><seg>Nur</seg></tuv></tu></body></tmx>";
        let units = read(text).unwrap_or_default();
        assert_eq!(
            units,
            vec![Tu {
                src_lang: "en-US".into(),
                source: "Hello world".into(),
                targets: vec![("de-DE".into(), "Hallo Welt".into())],
            }]
        );
    }

    #[test]
    fn broken_and_foreign_files_are_errors() {
        assert!(read("<tmx><body><tu></body></tmx>").is_err());
        assert!(read("<xliff/>").is_err());
        assert!(read("<tmx><body>").is_err());
        assert!(
            read("<tmx><body><tu><tuv xml:lang=\"en\"><seg>&nope;</seg></tuv></tu></body></tmx>")
                .is_err()
        );
    }
}
