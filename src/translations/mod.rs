//! Translation files: one per article and language,
//! `NAME.LANG.toml` beside `NAME.md`, holding every segment's source, target
//! and state, and the obsolete segments that left the article.
//!
//! [`parse`] reads a file for `check`, `status` and `export`, with spans for
//! diagnostics in the translation file's own lines and columns.
//! [`merge`] decides what `localize` changes; [`store`] writes those changes
//! into the existing TOML without disturbing the translator's comments and
//! layout.

pub mod memory;
pub mod merge;
pub mod mt;
pub mod store;

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::article::front_matter::{TableReader, Text, parse_toml};
use crate::diag::{Code, Diagnostic};
use crate::source::{InvalidUtf8, SourceFile};

/// A segment's translation state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum State {
    /// Not translated yet.
    New,
    /// Filled by machine translation; a person must check it.
    Machine,
    /// The source changed after the target was written.
    Stale,
    /// Translated by a person.
    Translated,
    /// Translated and reviewed.
    Reviewed,
}

impl State {
    /// All states with their names.
    pub const ALL: [State; 5] = [
        State::New,
        State::Machine,
        State::Stale,
        State::Translated,
        State::Reviewed,
    ];

    /// The name written in files.
    pub fn name(self) -> &'static str {
        match self {
            State::New => "new",
            State::Machine => "machine",
            State::Stale => "stale",
            State::Translated => "translated",
            State::Reviewed => "reviewed",
        }
    }

    /// The state with this name.
    pub fn from_name(name: &str) -> Option<State> {
        State::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The state a file means when it leaves `state` out.
    pub fn inferred(target: &str) -> State {
        if target.is_empty() {
            State::New
        } else {
            State::Translated
        }
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One `[[segment]]` or `[[obsolete]]` table.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The segment key.
    pub key: String,
    /// The source text the target translates.
    pub source: String,
    /// The translation (inline Markdown), with its span when read from a file.
    pub target: String,
    /// The state (given, or inferred from the target).
    pub state: State,
    /// Whether the file states it.
    pub state_given: bool,
    /// The source the target was made from, while stale.
    pub previous_source: Option<String>,
    /// The translator's note.
    pub note: Option<String>,
    /// File span of the target value (for diagnostics), if read from a file.
    pub target_text: Option<Text>,
    /// File span of the key value.
    pub key_span: Option<Range<usize>>,
}

impl Entry {
    /// Whether the segment may be published.
    pub fn is_publishable(&self) -> bool {
        matches!(self.state, State::Translated | State::Reviewed) && !self.target.trim().is_empty()
    }
}

/// A read translation file.
#[derive(Debug, Clone)]
pub struct TranslationFile {
    /// The file.
    pub file: Arc<SourceFile>,
    /// The article id it says it belongs to.
    pub article: Option<Text>,
    /// The language it says it is in.
    pub lang: Option<Text>,
    /// Current segments.
    pub segments: Vec<Entry>,
    /// Segments that left the article.
    pub obsolete: Vec<Entry>,
}

impl TranslationFile {
    /// The entry with this key among the current segments.
    pub fn segment(&self, key: &str) -> Option<&Entry> {
        self.segments.iter().find(|e| e.key == key)
    }
}

/// Where the translation file of the article at `article_path` into `lang` is.
pub fn path_for(article_path: &Path, lang: &str) -> PathBuf {
    let stem = article_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    article_path.with_file_name(format!("{stem}.{lang}.toml"))
}

const TOP_FIELDS: &[&str] = &["article", "lang", "segment", "obsolete"];
const ENTRY_FIELDS: &[&str] = &[
    "key",
    "source",
    "target",
    "state",
    "previous_source",
    "note",
];

/// Reads a translation file, if it exists. Diagnostics cover syntax and
/// shape; comparing it with the article is `check`'s work.
pub fn load(path: &Path) -> std::io::Result<Option<(TranslationFile, Vec<Diagnostic>)>> {
    Ok(read(path)?.map(|(file, bad_utf8)| load_read(file, bad_utf8)))
}

/// A parsed translation file with its diagnostics.
type Loaded = (TranslationFile, Vec<Diagnostic>);

/// A translation file read but not parsed, and where its UTF-8 breaks.
type Read = (Arc<SourceFile>, Option<InvalidUtf8>);

/// Reads a translation file's bytes, if it exists.
fn read(path: &Path) -> std::io::Result<Option<Read>> {
    match SourceFile::read(path) {
        Ok((file, bad_utf8)) => Ok(Some((Arc::new(file), bad_utf8))),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(err),
    }
}

/// Parses a read translation file (see [`load`]).
fn load_read(
    file: Arc<SourceFile>,
    bad_utf8: Option<InvalidUtf8>,
) -> (TranslationFile, Vec<Diagnostic>) {
    if let Some(bad) = bad_utf8 {
        let diag = Diagnostic::new(Code::Syntax, "the translation file is not valid UTF-8")
            .at(&file, bad.offset..bad.offset + 1)
            .help(bad.help());
        let empty = TranslationFile {
            file,
            article: None,
            lang: None,
            segments: Vec::new(),
            obsolete: Vec::new(),
        };
        return (empty, vec![diag]);
    }
    parse(&file)
}

/// Parses a translation file's text.
pub fn parse(file: &Arc<SourceFile>) -> (TranslationFile, Vec<Diagnostic>) {
    let (table, mut diags) = parse_toml(file, file.text(), 0, "translation file");
    let syntax_ok = diags.is_empty();
    let reader = TableReader::new(
        table.get_ref(),
        file,
        0,
        String::new(),
        0..file.text().len(),
        TOP_FIELDS,
    );
    let article = reader.string("article", &mut diags);
    let lang = reader.string("lang", &mut diags);
    if syntax_ok {
        for (name, present) in [("article", article.is_some()), ("lang", lang.is_some())] {
            if !present && reader.raw(name).is_none() {
                reader.missing(name, &mut diags);
            }
        }
    }
    let read_entries = |name: &str, diags: &mut Vec<Diagnostic>| -> Vec<Entry> {
        let mut entries: Vec<Entry> = Vec::new();
        for (index, (table, span)) in reader.tables(name, diags).into_iter().enumerate() {
            let entry = TableReader::new(
                table,
                file,
                0,
                format!("{name}.{}.", index + 1),
                span,
                ENTRY_FIELDS,
            );
            let key = entry.string("key", diags);
            let source = entry.string("source", diags);
            let target = entry.string("target", diags);
            let state = entry.string("state", diags);
            let previous_source = entry.string("previous_source", diags);
            let note = entry.string("note", diags);
            entry.report_unknown(diags);
            for (field, present) in [("key", key.is_some()), ("source", source.is_some())] {
                if !present && entry.raw(field).is_none() {
                    entry.missing(field, diags);
                }
            }
            let (Some(key), Some(source)) = (key, source) else {
                continue;
            };
            if entries.iter().any(|e| e.key == key.value) {
                diags.push(
                    Diagnostic::new(
                        Code::InvalidField,
                        format!("segment `{}` appears twice in `[[{name}]]`", key.value),
                    )
                    .at(file, key.span.clone())
                    .key(key.value.clone())
                    .help("keep one of the two tables"),
                );
                continue;
            }
            let target_value = target.as_ref().map(|t| t.value.clone()).unwrap_or_default();
            let state_value = match &state {
                Some(text) => match State::from_name(&text.value) {
                    Some(state) => Some(state),
                    None => {
                        let names: Vec<&str> = State::ALL.iter().map(|s| s.name()).collect();
                        diags.push(
                            Diagnostic::new(
                                Code::InvalidField,
                                format!("`{}` is not a segment state", text.value.escape_debug()),
                            )
                            .at(file, text.span.clone())
                            .key(key.value.clone())
                            .label(format!("expected one of {}", names.join(", "))),
                        );
                        None
                    }
                },
                None => None,
            };
            entries.push(Entry {
                key: key.value,
                source: source.value,
                state: state_value.unwrap_or_else(|| State::inferred(&target_value)),
                state_given: state_value.is_some(),
                target: target_value,
                previous_source: previous_source.map(|t| t.value),
                note: note.map(|t| t.value),
                target_text: target,
                key_span: Some(key.span),
            });
        }
        entries
    };
    let segments = read_entries("segment", &mut diags);
    let obsolete = read_entries("obsolete", &mut diags);
    reader.report_unknown(&mut diags);
    (
        TranslationFile {
            file: Arc::clone(file),
            article,
            lang,
            segments,
            obsolete,
        },
        diags,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_is_beside_the_article() {
        assert_eq!(
            path_for(Path::new("news/story.md"), "sr-Latn"),
            PathBuf::from("news/story.sr-Latn.toml")
        );
    }

    #[test]
    fn states_are_inferred_when_left_out() {
        let file = Arc::new(SourceFile::new(
            "t.toml",
            None,
            "article = \"a\"\nlang = \"ru\"\n\n[[segment]]\nkey = \"headline\"\nsource = \"H\"\ntarget = \"Х\"\n\n[[segment]]\nkey = \"summary\"\nsource = \"S\"\ntarget = \"\"\n".into(),
        ));
        let (tf, diags) = parse(&file);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(tf.segments[0].state, State::Translated);
        assert_eq!(tf.segments[1].state, State::New);
        assert!(!tf.segments[0].state_given);
    }
}

/// How far an edition's translation is, segment by segment.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Completeness {
    /// Segments in the article.
    pub total: usize,
    /// Segments that may be published.
    pub publishable: usize,
    /// Stale segments (including those whose source no longer matches).
    pub stale: usize,
    /// Machine-translated segments.
    pub machine: usize,
    /// Untranslated segments (including those missing from the file).
    pub new: usize,
    /// Segments whose target has an error (raw HTML, a changed link, an
    /// unknown state, a key written twice...): not published until fixed.
    pub invalid: usize,
    /// Keys of the segments that keep the edition from being complete.
    #[serde(skip)]
    pub blocking: Vec<String>,
}

impl Completeness {
    /// Whether every segment is publishable.
    pub fn is_complete(&self) -> bool {
        self.publishable == self.total
    }
}

/// Completeness of an edition whose translation file is `file` (none yet:
/// everything is new).
pub fn completeness(
    segments: &[crate::segment::Segment],
    file: Option<&TranslationFile>,
) -> Completeness {
    let mut c = Completeness {
        total: segments.len(),
        ..Completeness::default()
    };
    for segment in segments {
        let entry = file.and_then(|f| f.segment(&segment.key));
        match entry {
            Some(e) if e.source != segment.text => c.stale += 1,
            Some(e) if e.is_publishable() => {
                c.publishable += 1;
                continue;
            }
            Some(e) if e.state == State::Stale => c.stale += 1,
            Some(e) if e.state == State::Machine && !e.target.is_empty() => c.machine += 1,
            _ => c.new += 1,
        }
        c.blocking.push(segment.key.clone());
    }
    c
}

impl Completeness {
    /// Counts the segments of `blocked` that were publishable as invalid.
    pub fn block(&mut self, blocked: &[&str]) {
        for key in blocked {
            if !self.blocking.iter().any(|k| k == key) {
                self.blocking.push((*key).to_owned());
                self.publishable = self.publishable.saturating_sub(1);
                self.invalid += 1;
            }
        }
    }
}

/// The translation files of one article, each read at most once per run
/// (check, status and export all need them).
#[derive(Debug)]
pub struct Files {
    article_path: Option<PathBuf>,
    read: std::collections::HashMap<String, Option<Read>>,
    loaded: std::collections::HashMap<String, Option<(TranslationFile, Vec<Diagnostic>)>>,
    /// Why a file could not be read, by language (see [`Files::load_all`]).
    failed: std::collections::HashMap<String, String>,
}

impl Files {
    /// The files beside the article at `article_path` (`None`: an article
    /// from standard input, which has none).
    pub fn new(article_path: Option<&Path>) -> Files {
        Files {
            article_path: article_path.map(Path::to_path_buf),
            read: std::collections::HashMap::new(),
            loaded: std::collections::HashMap::new(),
            failed: std::collections::HashMap::new(),
        }
    }

    /// Where the file for `lang` is, if the article has a path.
    pub fn path(&self, lang: &str) -> Option<PathBuf> {
        self.article_path.as_deref().map(|p| path_for(p, lang))
    }

    /// The text of the file for `lang`, if it exists, read but not parsed
    /// (what incremental export hashes).
    pub fn text(&mut self, lang: &str) -> std::io::Result<Option<&str>> {
        if self.loaded.contains_key(lang) {
            return Ok(self
                .loaded
                .get(lang)
                .and_then(Option::as_ref)
                .map(|(tf, _)| tf.file.text()));
        }
        if !self.read.contains_key(lang) {
            let read = match self.path(lang) {
                Some(path) => read(&path)?,
                None => None,
            };
            self.read.insert(lang.to_owned(), read);
        }
        Ok(self
            .read
            .get(lang)
            .and_then(Option::as_ref)
            .map(|(file, _)| file.text()))
    }

    /// Reads and parses the files for `langs` in parallel (one article with
    /// many languages is as much work as many articles), so that
    /// [`Files::loaded`] has them.
    pub fn load_all(&mut self, langs: &[String]) {
        use rayon::prelude::*;
        let mut missing: Vec<(String, Option<Option<Read>>, Option<PathBuf>)> = Vec::new();
        for lang in langs {
            if !self.loaded.contains_key(lang) && !self.failed.contains_key(lang) {
                missing.push((lang.clone(), self.read.remove(lang), self.path(lang)));
            }
        }
        let done: Vec<(String, std::io::Result<Option<Loaded>>)> = missing
            .into_par_iter()
            .map(|(lang, read_already, path)| {
                let read_now = match (read_already, path) {
                    (Some(read), _) => Ok(read),
                    (None, Some(path)) => read(&path),
                    (None, None) => Ok(None),
                };
                let loaded = read_now.map(|r| r.map(|(file, bad)| load_read(file, bad)));
                (lang, loaded)
            })
            .collect();
        for (lang, loaded) in done {
            match loaded {
                Ok(loaded) => {
                    self.loaded.insert(lang, loaded);
                }
                Err(err) => {
                    self.failed.insert(lang, err.to_string());
                }
            }
        }
    }

    /// The file for `lang` as [`Files::load_all`] left it: `Err` with the
    /// reason when it could not be read, `Ok(None)` when it does not exist
    /// (or was not loaded).
    pub fn loaded(&self, lang: &str) -> Result<Option<&(TranslationFile, Vec<Diagnostic>)>, &str> {
        if let Some(reason) = self.failed.get(lang) {
            return Err(reason);
        }
        Ok(self.loaded.get(lang).and_then(Option::as_ref))
    }

    /// The file for `lang` with its diagnostics, if it exists (read and
    /// parsed once, like [`Files::load_all`]; a failure to read is kept too).
    pub fn get(
        &mut self,
        lang: &str,
    ) -> std::io::Result<Option<&(TranslationFile, Vec<Diagnostic>)>> {
        if !self.loaded.contains_key(lang) && !self.failed.contains_key(lang) {
            self.load_all(&[lang.to_owned()]);
        }
        self.loaded(lang).map_err(std::io::Error::other)
    }
}

/// The publishable targets of a file, by key, for the article's segments.
pub fn publishable_targets(
    segments: &[crate::segment::Segment],
    file: &TranslationFile,
) -> std::collections::HashMap<String, String> {
    segments
        .iter()
        .filter_map(|segment| {
            let entry = file.segment(&segment.key)?;
            (entry.is_publishable() && entry.source == segment.text)
                .then(|| (segment.key.clone(), entry.target.clone()))
        })
        .collect()
}

/// What each segment of `article` is, by key: `headline`, `summary`,
/// `image alt text`, `image caption`, `promo title`, or for the body
/// `heading`, `paragraph`, `list item` or `quote` (the kinds the newsroom's
/// `[limits]` name, and that interchange files show as context).
pub fn segment_kinds(article: &crate::article::Article) -> HashMap<String, &'static str> {
    use crate::segment::SegmentKind;
    let mut body_kinds: HashMap<&str, &'static str> = HashMap::new();
    for (prose, kind) in article.body.prose_kinds() {
        body_kinds.entry(prose.text.as_str()).or_insert(kind);
    }
    let mut out = HashMap::new();
    for segment in article.segments() {
        let kind = match segment.kind {
            SegmentKind::Headline => "headline",
            SegmentKind::Summary => "summary",
            SegmentKind::ImageAlt => "image alt text",
            SegmentKind::ImageCaption => "image caption",
            SegmentKind::RelatedTitle => "promo title",
            SegmentKind::Body => body_kinds
                .get(segment.text.as_str())
                .copied()
                .unwrap_or("paragraph"),
        };
        out.entry(segment.key.clone()).or_insert(kind);
    }
    out
}
