//! Diagnostics: what `check` (and every command that reads user files) found,
//! as data. A diagnostic carries a code, a severity, a byte span in one
//! [`SourceFile`], and the edition language and segment key it concerns.
//! Only this module turns spans into `line:column` and draws source snippets.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;

use crate::source::SourceFile;

/// How bad a finding is. `--strict` counts warnings as errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; does not fail `check` unless `--strict`.
    Warning,
    /// Fails `check` (exit code 1) and blocks publishing.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

macro_rules! codes {
    ($($variant:ident = $name:literal, $severity:ident, $doc:literal;)*) => {
        /// Every diagnostic code `article` reports. The names are part of the
        /// contract (one page each in docs/codes/); `docs` is the one-line explanation printed in
        /// the README's table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $(#[doc = $doc] $variant,)*
        }

        impl Code {
            /// All codes, in the order of the README's table.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code's name as printed: `error[NAME]`, `"code": "NAME"`.
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// The severity this code has unless a caller says otherwise.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// What the code means and how to fix it, in one line.
            pub fn docs(self) -> &'static str {
                match self { $(Code::$variant => $doc,)* }
            }

            /// The code with this name, if there is one.
            pub fn from_name(name: &str) -> Option<Code> {
                Code::ALL.iter().copied().find(|code| code.name() == name)
            }
        }
    };
}

codes! {
    Syntax = "syntax", Error,
        "The file cannot be read as what it should be (front matter fences, TOML, UTF-8, an empty file). Fix the text at the position shown.";
    MissingField = "missing-field", Error,
        "A required field (`id`, `lang`, `published`, `headline`; `src` of `[image]`; `kind`, `title`, `url`, `after` of `[[related]]`) is absent. Add it.";
    UnknownField = "unknown-field", Error,
        "The front matter has a field the format does not know, often a typo. Rename it as suggested, or remove it.";
    InvalidField = "invalid-field", Error,
        "A field has the wrong type or an impossible value (`published = \"yesterday\"`, `after = 0`). Use the type docs/article-format.md gives.";
    InvalidId = "invalid-id", Error,
        "`id` must match `[a-z0-9]+(-[a-z0-9]+)*` and be at most 100 characters: it becomes a file name. Rename it.";
    DuplicateId = "duplicate-id", Error,
        "Two articles checked together have the same `id`; their editions would overwrite each other. Give one a new id.";
    InvalidLang = "invalid-lang", Error,
        "A language tag is not valid BCP 47 (`sr-Latn`, `fa`, `pt-BR`). Correct the tag.";
    InvalidUrl = "invalid-url", Error,
        "A link or promo URL uses a scheme that is not allowed (only `http`, `https`, `mailto` and relative links; promos need absolute `http(s)`). Fix the URL.";
    MissingResource = "missing-resource", Error,
        "The article's image names a local file (a relative `src`) that is not there, or lies outside the newsroom's folder: the page would show a broken image. Fix the path, add the file, or use an http(s) URL.";
    TemplateError = "template-error", Error,
        "A template of the newsroom (`[templates]` in newsroom.toml) does not parse, or fails to render an edition (an unknown variable or filter, a wrong type). A template that does not parse stops every command; one that fails for an edition refuses that edition. Fix the template at the position shown; docs/templates.md lists what it can use.";
    MissingAlt = "missing-alt", Error,
        "`[image]` has no `alt` text, so screen readers have nothing to say. Describe the picture in `alt`.";
    RawHtml = "raw-html", Error,
        "Raw HTML is not allowed in articles, translations or messages: it is neither translatable nor safe. Use Markdown instead.";
    EmptyBody = "empty-body", Error,
        "The article has no body text after its front matter. Write the body.";
    EmptyText = "empty-text", Error,
        "An element has nothing in it: a heading with no text (`## `), an empty list item (`- `) or block quote, a link with no text (`[](…)`) or no target (`[x]()`, `[x](mailto:)`, `[x](https://)`). The edition would show an empty element. Write its text or remove it.";
    UnsupportedMarkdown = "unsupported-markdown", Error,
        "The body holds a table or a footnote, Markdown that editions do not publish as such (they would show pipes and brackets). Write the figures as a list or prose, the note as a sentence.";
    IndentedCode = "indented-code", Warning,
        "A paragraph of prose is indented by four spaces or a tab, which makes it a code block: every edition would show it as code and no translator would see it. Remove the indentation; fence real code.";
    NestingTooDeep = "nesting-too-deep", Error,
        "Block quotes or lists nest deeper than 16 levels. Flatten the structure.";
    BidiControl = "bidi-control", Error,
        "A bidi override (U+202D, U+202E) or an unbalanced embedding or isolate can make text display differently from what it says (Trojan Source). Remove it; LRM/RLM/ALM marks are fine.";
    ControlChar = "control-char", Error,
        "A control character (other than tab and line breaks) is in the text. Remove it.";
    InvisibleChar = "invisible-char", Warning,
        "An invisible character (zero-width space, word joiner, BOM inside text, soft hyphen) is in the text. Remove it unless it is wanted; ZWNJ is fine.";
    NotNfc = "not-nfc", Warning,
        "Text is not in Unicode NFC, so equal-looking words compare unequal. Re-save the file as NFC.";
    MissingTranslation = "missing-translation", Error,
        "An edition lacks a translation file, a segment, or a segment's target. Run `article localize` and translate what is `new`.";
    StaleTranslation = "stale-translation", Error,
        "The source changed after the target was written (`state = \"stale\"`, or a `source` that no longer matches the article). Update the target against `previous_source`, then set `state = \"translated\"`.";
    MachineTranslation = "machine-translation", Error,
        "The target was filled by machine translation or translation memory and no person has confirmed it, so it is not published. Check it, then set `state = \"translated\"`.";
    OrphanTranslation = "orphan-translation", Warning,
        "A translation file is for a language that is not an edition of its article (`story.de.toml` when the article has no `de` edition): nothing reads it. Add the edition, rename the file, or delete it.";
    FluentSyntax = "fluent-syntax", Error,
        "A Fluent (.ftl) file has a syntax error; the broken entry is not used. Fix it at the position shown.";
    FluentMissingMessage = "fluent-missing-message", Error,
        "A message the tool needs (`published`, `credit-line`, `agency-ID` aside, `related-KIND`, `related-open`, `about`) is in no bundle of the edition's chain. Add it to the newsroom's bundle.";
    FluentFormat = "fluent-format", Error,
        "A Fluent message failed to format for an edition (an unknown `$variable`, a reference to a missing message or term, a cycle). The edition is refused, so no reader sees a raw `{$var}`. Fix the message.";
    MissingNotice = "missing-notice", Error,
        "An edition must carry a legal notice that no bundle of its own language has; notices never fall back to another language, so the edition is not exported. Add the notice to that language's bundle.";
    MessageFallback = "message-fallback", Error,
        "A message the edition shows (a dateline, the credit line, a promo label, the about box) comes from a bundle of another language, because no bundle of its own language has it. It refuses the edition unless `[fallback]` in newsroom.toml lets that language stand in (then a warning). Add the message to the edition's bundle, or declare the stand-in.";
    CldrFallback = "cldr-fallback", Warning,
        "CLDR has no dates, lists or plural rules for the edition's locale, so they come from the next locale of its chain. Check that the result reads right.";
    UnknownAgency = "unknown-agency", Warning,
        "An agency id of `agencies` has no `agency-ID` message in any bundle of the edition's chain, so the credit line shows the bare id. Fix the id (a did-you-mean names the known one), or add the message to the newsroom's bundle.";
    Untranslated = "untranslated", Warning,
        "The target is the source text unchanged, though the languages differ (segments that are only names, numbers or URLs aside). Translate it.";
    NumberMismatch = "number-mismatch", Warning,
        "A number of the source is missing from the target (digits and separators of the target's locale count as equal: 27 = ۲۷, 1,200 = 1 200). Check the figures.";
    TargetNotInline = "target-not-inline", Error,
        "A translation target or a front-matter text holds a blank line, a heading, a list, a block quote or a code block; it is inline text of one block, which the edition would fold into one run-on line. Write it as one paragraph.";
    UrlMismatch = "url-mismatch", Error,
        "The target's link targets differ from the source's. Keep every link of the source, with the same URL.";
    MarkupMismatch = "markup-mismatch", Warning,
        "The target has a different number of emphasis, strong, code or link spans than the source. Keep the source's markup.";
    WrongScript = "wrong-script", Warning,
        "The target has letters of a script its edition does not use (Latin in sr-Cyrl, Cyrillic in uz-Latn, …) beyond names and URLs. Transliterate or translate them.";
    Whitespace = "whitespace", Warning,
        "The target has leading or trailing spaces, or doubled spaces, that the source does not. Remove them.";
    Punctuation = "punctuation", Warning,
        "The source ends a sentence (. ! ? …) and the target does not, or the other way round. Check the end of the segment.";
    Quotes = "quotes", Warning,
        "The target uses quotation marks that are not its locale's (« » in Russian and Ukrainian, „ “ in Serbian and Bulgarian …). Use the locale's marks.";
    FluentDuplicate = "fluent-duplicate", Error,
        "A message or term is defined twice in one locale (in one file or two), or a message has an attribute, or a select a variant key, twice: only one is used. Keep one.";
    FluentObsoleteMessage = "fluent-obsolete-message", Warning,
        "A bundle has a message the reference locale's bundle lacks: a leftover, or a typo in its id. Remove or rename it.";
    FluentMovedMessage = "fluent-moved-message", Warning,
        "A message is in another file of its locale's folder than the reference locale has it in (`firefox/new.ftl` against `firefox/download.ftl`). Move it to the file of the same path.";
    FluentVariableMismatch = "fluent-variable-mismatch", Warning,
        "A message uses a `$variable` the reference message does not, or never uses one the reference uses. Use the same variables.";
    FluentAttributeMismatch = "fluent-attribute-mismatch", Warning,
        "A message has attributes the reference message lacks, or lacks some it has. Keep the same attributes.";
    FluentDroppedReference = "fluent-dropped-reference", Warning,
        "A message does not use a term or message (`{ -brand-name }`) that the reference message uses, often because the name was written out as text. Use the reference.";
    FluentPluralCategories = "fluent-plural-categories", Warning,
        "A select on a number has no variant for a CLDR plural category that counts reach in the locale (Russian 2, 3, 4 need `few`), or uses one the locale does not have. Add the variant.";
    FluentUnknownReference = "fluent-unknown-reference", Error,
        "A message refers to a message or term that no bundle of its locale has. Define it or fix the reference.";
    Obsolete = "obsolete", Warning,
        "The translation file keeps segments that left the article. Reuse what helps, then `article localize --purge-obsolete`.";
    TooLong = "too-long", Warning,
        "A target is longer than the newsroom's `[limits]` allow for its kind of segment (headline, summary, alt text …), counted in characters as readers see them (grapheme clusters, markup and link targets left out). Shorten it.";
    GlossaryTerm = "glossary-term", Warning,
        "The source has a term of the newsroom's `[[glossary]]` and the target lacks the translation the glossary gives for its language. Use the glossary's translation.";
    DoNotTranslate = "do-not-translate", Warning,
        "The source has a name or term of the newsroom's `do_not_translate` list and the target does not have it unchanged. Keep it as it is written.";
}

include!(concat!(env!("OUT_DIR"), "/code_pages.rs"));

impl Code {
    /// The code's page (`docs/codes/CODE.md`), printed by `article explain`.
    pub fn page(self) -> Option<&'static str> {
        CODE_PAGES
            .iter()
            .find(|(name, _)| *name == self.name())
            .map(|(_, page)| *page)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A place in a source file.
#[derive(Debug, Clone)]
pub struct Location {
    /// The file.
    pub file: Arc<SourceFile>,
    /// Byte range in the file's text.
    pub span: Range<usize>,
}

/// One finding.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// What kind of finding this is.
    pub code: Code,
    /// Its severity (the code's default unless overridden).
    pub severity: Severity,
    /// One sentence saying what is wrong.
    pub message: String,
    /// Where, when known.
    pub location: Option<Location>,
    /// A short label printed under the marked text.
    pub label: Option<String>,
    /// How to fix it, when there is something specific to say.
    pub help: Option<String>,
    /// The edition language the finding concerns.
    pub lang: Option<String>,
    /// The segment key the finding concerns.
    pub key: Option<String>,
    /// Display name of the file, when there is no location with a file.
    pub file_name: Option<String>,
    /// Silenced by a person's decision (`# article: allow(code)` or
    /// `[check]` in newsroom.toml): shown in JSON, not counted.
    pub suppressed: bool,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity and no location.
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            location: None,
            label: None,
            help: None,
            lang: None,
            key: None,
            file_name: None,
            suppressed: false,
        }
    }

    /// Sets the location.
    #[must_use]
    pub fn at(mut self, file: &Arc<SourceFile>, span: Range<usize>) -> Self {
        self.location = Some(Location {
            file: Arc::clone(file),
            span,
        });
        self
    }

    /// Sets the label shown under the marked text.
    #[must_use]
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Sets the help line.
    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the edition language.
    #[must_use]
    pub fn lang(mut self, lang: impl Into<String>) -> Self {
        self.lang = Some(lang.into());
        self
    }

    /// Sets the segment key.
    #[must_use]
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    /// Names the file for a diagnostic that has no span in it.
    #[must_use]
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }

    /// The file's display name.
    pub fn file(&self) -> Option<&str> {
        self.location
            .as_ref()
            .map(|loc| loc.file.name())
            .or(self.file_name.as_deref())
    }

    /// The finding on one line: `file:line:col: error[code]: message`.
    pub fn headline(&self) -> String {
        let place = match (self.file(), self.line_col()) {
            (Some(file), Some((line, col))) => format!("{file}:{line}:{col}: "),
            (Some(file), None) => format!("{file}: "),
            _ => String::new(),
        };
        format!("{place}{}[{}]: {}", self.severity, self.code, self.message)
    }

    /// 1-based line and column of the start of the span.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        self.location
            .as_ref()
            .map(|loc| loc.file.line_col(loc.span.start))
    }

    /// 1-based line and column just past the end of the span (exclusive,
    /// as in SARIF); never before the start.
    pub fn end_line_col(&self) -> Option<(usize, usize)> {
        let (line, column) = self.line_col()?;
        let loc = self.location.as_ref()?;
        let (end_line, end_column) = loc.file.line_col(loc.span.end.max(loc.span.start));
        Some((
            end_line,
            end_column.max(if end_line == line { column } else { 1 }),
        ))
    }

    /// The JSON Lines record of a finding (one object, no newline).
    pub fn to_json(&self) -> serde_json::Value {
        let (line, column) = self.line_col().unzip();
        let (end_line, end_column) = self.end_line_col().unzip();
        serde_json::json!({
            "severity": self.severity,
            "code": self.code.name(),
            "message": self.message,
            "file": self.file(),
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "lang": self.lang,
            "key": self.key,
            "help": self.help,
            "suppressed": self.suppressed,
        })
    }
}

/// SARIF 2.1.0 (the Static Analysis Results Interchange Format code
/// scanning reads): one run, the codes used as rules, each finding a result
/// with its region (columns in Unicode code points, as everywhere here);
/// accepted findings carry a suppression.
pub fn to_sarif(diags: &[Diagnostic]) -> serde_json::Value {
    use serde_json::json;
    let mut codes: Vec<Code> = diags.iter().map(|d| d.code).collect();
    codes.sort();
    codes.dedup();
    let level = |severity: Severity| match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let rules: Vec<serde_json::Value> = codes
        .iter()
        .map(|code| {
            json!({
                "id": code.name(),
                "shortDescription": { "text": code.docs() },
                "defaultConfiguration": { "level": level(code.severity()) },
            })
        })
        .collect();
    let results: Vec<serde_json::Value> = diags
        .iter()
        .map(|d| {
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str("\nhelp: ");
                text.push_str(help);
            }
            let mut result = json!({
                "ruleId": d.code.name(),
                "ruleIndex": codes.iter().position(|c| *c == d.code).unwrap_or(0),
                "level": level(d.severity),
                "message": { "text": text },
            });
            if let Some(file) = d.file() {
                let mut location = json!({
                    "physicalLocation": {
                        "artifactLocation": { "uri": sarif_uri(file) },
                    }
                });
                if let (Some((line, column)), Some((end_line, end_column))) =
                    (d.line_col(), d.end_line_col())
                {
                    location["physicalLocation"]["region"] = json!({
                        "startLine": line,
                        "startColumn": column,
                        "endLine": end_line,
                        "endColumn": end_column,
                    });
                }
                result["locations"] = json!([location]);
            }
            let mut properties = serde_json::Map::new();
            if let Some(lang) = &d.lang {
                properties.insert("lang".into(), json!(lang));
            }
            if let Some(key) = &d.key {
                properties.insert("key".into(), json!(key));
            }
            if !properties.is_empty() {
                result["properties"] = serde_json::Value::Object(properties);
            }
            if d.suppressed {
                result["suppressions"] = json!([{ "kind": "external" }]);
            }
            result
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "article",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

/// A file name as a relative URI reference: `/` separators, no leading
/// `./`, and the characters a URI cannot hold as such percent-encoded.
fn sarif_uri(file: &str) -> String {
    let file = file.replace('\\', "/");
    let file = file.strip_prefix("./").unwrap_or(&file);
    // A URI reference (RFC 3986): what may stand in a path as it is, and
    // every other byte of the UTF-8 (spaces, `#`, `%`, Cyrillic) encoded.
    let mut out = String::with_capacity(file.len());
    for byte in file.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A GitHub Actions workflow command that annotates the file and line.
pub fn to_github(diag: &Diagnostic) -> String {
    let level = match diag.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    // Workflow-command escaping: properties and message.
    let escape = |text: &str, property: bool| {
        let mut out = text
            .replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A");
        if property {
            out = out.replace(':', "%3A").replace(',', "%2C");
        }
        out
    };
    let mut props = Vec::new();
    if let Some(file) = diag.file() {
        props.push(format!("file={}", escape(file, true)));
    }
    if let Some((line, column)) = diag.line_col() {
        props.push(format!("line={line}"));
        props.push(format!("col={column}"));
    }
    let mut title = diag.code.name().to_owned();
    if let Some(lang) = &diag.lang {
        title.push_str(&format!(" [{lang}]"));
    }
    props.push(format!("title={}", escape(&title, true)));
    let mut message = diag.message.clone();
    if let Some(key) = &diag.key {
        message.push_str(&format!(" (segment {key})"));
    }
    if let Some(help) = &diag.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    format!("::{level} {}::{}", props.join(","), escape(&message, false))
}

/// Longest source line (in characters) shown in full under a diagnostic; longer lines get
/// only `--> file:line:column`, so a 10 MB paragraph does not flood a terminal.
const MAX_SHOWN_LINE: usize = 400;

/// Renders one diagnostic the way rustc and cargo do, with ANSI styles (the
/// caller's stream strips them when colour is off).
pub fn render_human(diag: &Diagnostic) -> String {
    let level = match diag.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let mut message = diag.message.clone();
    if let Some(lang) = &diag.lang {
        message.push_str(&format!(" [{lang}]"));
    }
    let title = level.primary_title(message).id(diag.code.name());
    let mut group = match &diag.location {
        Some(loc) => {
            let (line, column) = loc.file.line_col(loc.span.start);
            let range = loc.file.line_range(line);
            let shown = loc.file.text().get(range.clone()).unwrap_or("");
            if shown.chars().count() > MAX_SHOWN_LINE {
                title.element(Origin::path(loc.file.name()).line(line).char_column(column))
            } else {
                let start = loc.span.start - range.start;
                let end = loc.span.end.min(range.end).saturating_sub(range.start);
                let (shown, span) = displayable(shown, start, end);
                let mut annotation = AnnotationKind::Primary.span(span);
                if let Some(label) = &diag.label {
                    annotation = annotation.label(label.as_str());
                }
                title.element(
                    Snippet::source(shown)
                        .line_start(line)
                        .path(loc.file.name())
                        .annotation(annotation),
                )
            }
        }
        None => match diag.file() {
            Some(name) => title.element(Origin::path(name)),
            None => Group::with_title(title),
        },
    };
    if let Some(key) = &diag.key {
        group = group.element(Level::NOTE.message(format!("segment `{key}`")));
    }
    if let Some(help) = &diag.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    Renderer::styled().render(&[group])
}

/// Makes a source line safe to print on a terminal: characters that would
/// reorder, hide or control the display become U+FFFD. Returns the line and
/// the marked span (in the line's own byte offsets), mapped onto it.
fn displayable(line: &str, start: usize, end: usize) -> (String, Range<usize>) {
    let mut out = String::with_capacity(line.len());
    let mut new_start = None;
    let mut new_end = None;
    for (offset, ch) in line.char_indices() {
        if new_start.is_none() && offset >= start {
            new_start = Some(out.len());
        }
        if new_end.is_none() && offset >= end && offset > start {
            new_end = Some(out.len());
        }
        if ch == '\t' {
            // As wide as the renderer counts it.
            out.push_str("    ");
        } else if is_unprintable(ch) {
            out.push('\u{fffd}');
        } else if joins_wide(ch) {
            // Left out: the caret is placed by each character's own width,
            // and a terminal draws `❤️` or `👨‍👩‍👧` narrower than their parts
            // add up to. Without them, each part is drawn as counted.
        } else {
            out.push(ch);
        }
    }
    let new_start = new_start.unwrap_or(out.len());
    if new_end.is_none() && end >= line.len() && end > start {
        new_end = Some(out.len());
    }
    // An empty span still marks the character it starts at.
    let new_end = match new_end {
        Some(end) if end > new_start => end,
        _ => out[new_start..]
            .chars()
            .next()
            .map_or(new_start, |ch| new_start + ch.len_utf8()),
    };
    (out, new_start..new_end)
}

/// Characters that merge their neighbours into one wider or narrower
/// picture than the characters' own widths say: emoji and text
/// presentation selectors, the zero-width joiner and skin-tone modifiers.
fn joins_wide(ch: char) -> bool {
    matches!(
        ch,
        '\u{fe0e}' | '\u{fe0f}' | '\u{200d}' | '\u{1f3fb}'..='\u{1f3ff}'
    )
}

/// Characters that must not reach a terminal raw.
fn is_unprintable(ch: char) -> bool {
    ch.is_control()
        || matches!(ch, '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}' | '\u{061c}' | '\u{00ad}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sarif_uris_are_uri_references() {
        assert_eq!(sarif_uri("./articles/a b#1.md"), "articles/a%20b%231.md");
        assert_eq!(sarif_uri("паром.md"), "%D0%BF%D0%B0%D1%80%D0%BE%D0%BC.md");
        assert_eq!(sarif_uri("x\\100%.md"), "x/100%25.md");
        assert_eq!(
            sarif_uri("../locales/ru/a-b_c.ftl"),
            "../locales/ru/a-b_c.ftl"
        );
    }

    #[test]
    fn tabs_and_emoji_keep_the_caret_in_its_column() {
        // A tab is four spaces, as the renderer counts it.
        let (line, span) = displayable("\tTab\there <b>", 10, 13);
        assert_eq!(line, "    Tab    here <b>");
        assert_eq!(&line[span], "<b>");
        // Joiners and selectors are left out, so each emoji is drawn as wide
        // as it is counted.
        let text = "❤\u{fe0f} 👨\u{200d}👩 <b>";
        let at = text.find('<').unwrap();
        let (line, span) = displayable(text, at, at + 3);
        assert_eq!(line, "❤ 👨👩 <b>");
        assert_eq!(&line[span], "<b>");
    }
}
