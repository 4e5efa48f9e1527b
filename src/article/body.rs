//! The CommonMark body: blocks, the prose segments inside them, and the
//! problems only the Markdown parser can see (raw HTML, unsafe link targets,
//! nesting too deep to render safely).

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::article::inline::{InlineText, Piece};
use crate::diag::Code;

/// The deepest nesting of block quotes and lists accepted. Deeper structure
/// is flattened into the level above and reported (`nesting-too-deep`).
pub const MAX_NESTING: usize = 16;

/// A block of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph of prose (also the text of a tight list item).
    Paragraph(Prose),
    /// A heading.
    Heading {
        /// 1 to 6.
        level: u8,
        /// Its text.
        prose: Prose,
    },
    /// A list; each item is a list of blocks.
    List {
        /// The first number of an ordered list; `None` for a bullet list.
        start: Option<u64>,
        /// The items.
        items: Vec<Vec<Block>>,
    },
    /// A block quote.
    Quote(Vec<Block>),
    /// A code block, copied and never translated.
    Code {
        /// The info string after the opening fence.
        info: String,
        /// The code.
        text: String,
    },
    /// A thematic break.
    Rule,
}

/// The inline Markdown of one prose block: a translatable segment.
#[derive(Debug, Clone, PartialEq)]
pub struct Prose {
    /// Inline Markdown, with line breaks folded to single spaces.
    pub text: String,
    /// Byte range of the inline content in the file.
    pub span: Range<usize>,
}

/// Something in the body that `check` reports.
#[derive(Debug, Clone, PartialEq)]
pub enum BodyProblem {
    /// Raw HTML (block or inline).
    RawHtml(Range<usize>),
    /// A link or image whose target is not allowed.
    Url {
        /// The target as written after Markdown unescaping.
        url: String,
        /// The link's span.
        span: Range<usize>,
        /// Whether it is an image (`![..](..)`).
        image: bool,
    },
    /// Nesting deeper than [`MAX_NESTING`] starts here.
    TooDeep(Range<usize>),
    /// Markdown of the body that would not reach the reader as meant: a
    /// table or footnote (`unsupported-markdown`), prose indented into a
    /// code block (`indented-code`), a link to a local `.md` file
    /// (`invalid-url`).
    Markdown {
        /// The code to report.
        code: Code,
        /// The span (the first line of a block).
        span: Range<usize>,
        /// The message.
        message: String,
        /// What to do.
        help: &'static str,
    },
    /// An element with nothing in it: a heading, a list item, a block
    /// quote, a link's text or target.
    Empty {
        /// The element's span.
        span: Range<usize>,
        /// What it is, in words.
        what: &'static str,
    },
}

/// A parsed body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Body {
    /// The top-level blocks; `[[related]] after = N` counts these from 1.
    pub blocks: Vec<Block>,
    /// File ranges of the top-level blocks, for scanning text by block.
    pub block_spans: Vec<Range<usize>>,
    /// Editorial comments (`<!-- … -->`): file range of each, and the
    /// file range of the block that follows it, if any: inside a list or a
    /// block quote, the next item or block there. Never published, never
    /// segments.
    pub comments: Vec<(Range<usize>, Option<Range<usize>>)>,
}

/// Whether an HTML fragment is nothing but comments (and white space):
/// an editorial note.
pub fn is_comment(html: &str) -> bool {
    let mut rest = html.trim();
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        let Some(after) = rest.strip_prefix("<!--") else {
            return false;
        };
        let Some(end) = after.find("-->") else {
            return false;
        };
        rest = after[end + 3..].trim_start();
    }
    true
}

/// A container being built while events stream past.
enum Frame {
    Quote(Vec<Block>),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Item(Vec<Block>),
    Leaf {
        leaf: Leaf,
        collector: Collector,
    },
    /// A container past [`MAX_NESTING`] or a raw HTML block: its content goes
    /// to the frame below.
    Skipped,
    /// An HTML block that is only editorial comments.
    Comment,
}

enum Leaf {
    Paragraph,
    /// Inline content directly inside a tight list item.
    TightItem,
    Heading(u8),
    Code(String),
}

/// Gathers a prose block's inline Markdown from the source, folding breaks.
#[derive(Default)]
struct Collector {
    text: String,
    cursor: Option<usize>,
    first: Option<usize>,
    end: usize,
    after_break: bool,
    code: String,
    /// For each open link or image: what replaces its reference label
    /// (`[ref]`, `[]` or nothing) — an inline destination — when it is a
    /// reference link, whose definition the segment would lose.
    references: Vec<Option<String>>,
}

impl Collector {
    fn inline(&mut self, source: &str, range: &Range<usize>) {
        // The text event of a backslash escape (`\<`, `\[`) starts after
        // the backslash: a piece that starts there keeps its backslash, or
        // the segment's text would say `<script>` where the article says
        // `\<script>` (raw HTML, or a link, once the text is not at the
        // start of its block).
        let start = match range.start.checked_sub(1) {
            Some(before)
                if source.as_bytes().get(before) == Some(&b'\\')
                    && source
                        .as_bytes()
                        .get(range.start)
                        .is_some_and(u8::is_ascii_punctuation) =>
            {
                before
            }
            _ => range.start,
        };
        if self.first.is_none() {
            self.first = Some(start);
            self.cursor = Some(start);
        }
        if self.after_break {
            self.cursor = Some(start);
            self.after_break = false;
        }
        self.end = self.end.max(range.end);
    }

    /// Ends a link or image; a reference link becomes an inline one
    /// (`[a][ref]` → `[a](https://…)`), so the segment, the translation and
    /// every format carry its target.
    fn end_link(&mut self, source: &str, range: &Range<usize>) {
        self.end = self.end.max(range.end);
        let Some(Some(destination)) = self.references.pop() else {
            return;
        };
        let written = source.get(range.clone()).unwrap_or("");
        let label = if written.ends_with("[]") {
            written.len() - 2
        } else if written.ends_with("]]") || !written.ends_with(']') {
            written.len()
        } else {
            // `[text][label]` (a label has no unescaped brackets) or `[text]`.
            match written.rfind('[') {
                Some(at) if at > 0 && written.get(..at).is_some_and(|t| t.ends_with(']')) => at,
                _ => written.len(),
            }
        };
        // A collapsed reference's `[]` may follow the link's range.
        let after = if label == written.len()
            && source
                .get(range.end..)
                .is_some_and(|rest| rest.starts_with("[]"))
        {
            range.end + 2
        } else {
            range.end
        };
        if let Some(cursor) = self.cursor.take() {
            let split = range.start + label;
            self.text.push_str(source.get(cursor..split).unwrap_or(""));
            self.text.push_str(&destination);
            self.cursor = Some(after);
            self.after_break = false;
            self.end = self.end.max(after);
        }
    }

    /// Leaves an editorial comment out of the text, and the spaces after it
    /// when spaces come before it.
    fn skip(&mut self, source: &str, range: &Range<usize>) {
        if self.first.is_none() {
            self.first = Some(range.start);
        }
        let mut next = range.end;
        if let Some(cursor) = self.cursor.take().filter(|_| !self.after_break) {
            let piece = source.get(cursor..range.start).unwrap_or("");
            self.text.push_str(piece);
            if piece.ends_with([' ', '\t']) || self.text.is_empty() {
                let rest = source.get(range.end..).unwrap_or("");
                next += rest.len() - rest.trim_start_matches([' ', '\t']).len();
            }
        }
        self.cursor = Some(next);
        self.after_break = false;
        self.end = self.end.max(range.end);
    }

    fn line_break(&mut self, source: &str, range: &Range<usize>) {
        if let Some(cursor) = self.cursor.take() {
            let piece = source.get(cursor..range.start).unwrap_or("");
            self.text.push_str(piece.trim_end());
            self.text.push(' ');
        }
        self.after_break = true;
    }

    fn finish(mut self, source: &str, offset: usize) -> Prose {
        if let Some(cursor) = self.cursor.filter(|_| !self.after_break) {
            self.text
                .push_str(source.get(cursor..self.end).unwrap_or(""));
        }
        let first = self.first.unwrap_or(self.end);
        let text = self.text.trim();
        Prose {
            text: text.to_owned(),
            span: offset + first..offset + self.end.max(first),
        }
    }
}

fn is_inline(event: &Event<'_>) -> bool {
    match event {
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineHtml(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::InlineMath(_)
        | Event::DisplayMath(_)
        | Event::FootnoteReference(_)
        | Event::TaskListMarker(_) => true,
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(tag) => matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        _ => false,
    }
}

/// An inline Markdown text (a front-matter text, a translation target, a
/// message) as every edition reads it: trimmed, and with a leading block
/// marker escaped (`1. Mai`, `# 1`, `- x`) so the text stays one inline run.
/// `check` reads this same text, so what it judges is what is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineSource<'a> {
    /// The text the renderers parse.
    pub text: Cow<'a, str>,
    /// Bytes trimmed from the start.
    lead: usize,
    /// Where (in the trimmed text) a backslash was inserted.
    escape_at: Option<usize>,
}

impl<'a> InlineSource<'a> {
    /// The rendered reading of `markdown`.
    pub fn new(markdown: &'a str) -> Self {
        let text = markdown.trim();
        let lead = markdown.len() - markdown.trim_start().len();
        let mut chars = text.chars();
        let first = chars.next();
        let second = chars.next();
        let spaced = second.is_none_or(char::is_whitespace);
        let starts_block = match first {
            Some('-' | '+' | '*') => spaced || text.starts_with("---") || text.starts_with("***"),
            Some('#') => {
                let rest = text.trim_start_matches('#');
                rest.is_empty() || rest.starts_with(char::is_whitespace)
            }
            Some('>') => true,
            Some('<') => {
                second.is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
                    && !starts_with_autolink(text)
            }
            Some('`') => text.starts_with("```"),
            Some('~') => text.starts_with("~~~"),
            Some('_') => text.starts_with("___"),
            _ => text.find(['.', ')']).is_some_and(|i| {
                i > 0
                    && i <= 9
                    && text
                        .get(..i)
                        .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
            }),
        };
        if starts_block {
            let at = match text.find(|c: char| !c.is_ascii_digit()) {
                Some(i) if i > 0 => i,
                _ => 0,
            };
            let (before, after) = text.split_at(at);
            InlineSource {
                text: Cow::Owned(format!("{before}\\{after}")),
                lead,
                escape_at: Some(at),
            }
        } else {
            InlineSource {
                text: Cow::Borrowed(text),
                lead,
                escape_at: None,
            }
        }
    }

    /// The byte range in the original text of `range` in [`Self::text`]
    /// (the inserted backslash maps to the character it escapes).
    pub fn original(&self, range: Range<usize>) -> Range<usize> {
        let map = |at: usize| {
            let at = match self.escape_at {
                Some(escape) if at > escape => at - 1,
                _ => at,
            };
            at + self.lead
        };
        map(range.start)..map(range.end).max(map(range.start))
    }
}

/// Whether `text` starts with an autolink (`<https://…>`, `<a@b.example>`),
/// which no HTML block starts with: it stays a link when it opens a text.
fn starts_with_autolink(text: &str) -> bool {
    let Some(inner) = text
        .strip_prefix('<')
        .and_then(|t| t.split_once('>'))
        .map(|(i, _)| i)
    else {
        return false;
    };
    if inner.is_empty() || inner.contains(|c: char| c.is_whitespace() || c.is_control() || c == '<')
    {
        return false;
    }
    match inner.split_once(':') {
        Some((scheme, _)) => {
            (2..=32).contains(&scheme.len())
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
        }
        None => inner.contains('@') && !inner.starts_with('@') && !inner.ends_with('@'),
    }
}

/// Whether a link target may appear in an edition: `http`, `https`,
/// `mailto`, or a relative reference (no scheme). Browsers ignore tabs,
/// newlines and leading spaces in schemes, so those are removed first.
pub fn is_allowed_link(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    match scheme(&cleaned) {
        None => true,
        Some(scheme) => matches!(scheme.as_str(), "http" | "https" | "mailto"),
    }
}

/// The lower-cased scheme of a URL, if it has one.
pub fn scheme(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let before = &url[..colon];
    if before.contains(['/', '?', '#']) {
        return None;
    }
    Some(before.to_ascii_lowercase())
}

/// Parses inline Markdown (a front-matter text or a translation) and reports
/// raw HTML and disallowed link targets, with ranges relative to `text`.
/// The text is read trimmed, as every edition reads it: four leading spaces
/// do not make `<img …>` a code block here, since they do not there.
pub fn inline_problems(text: &str) -> Vec<BodyProblem> {
    // Raw HTML and autolinks need a `<`, links and images a `[`: text with
    // neither (most text) has nothing to find, and is not parsed.
    if !text.bytes().any(|b| b == b'<' || b == b'[') {
        return Vec::new();
    }
    // The inline model's pieces, replayed as the events the body's checks
    // read. A tag the text opens with is shown as text, but refused as raw
    // HTML all the same (see [`InlineText::leading_tag`]).
    let inline = InlineText::parse(text);
    let mut visitor = Visitor::default();
    // Open links and images: where they end, and whether a link.
    let mut open: Vec<(usize, bool)> = Vec::new();
    let close = |visitor: &mut Visitor, open: &mut Vec<(usize, bool)>, at: usize| {
        while let Some(&(end, link)) = open.last()
            && end <= at
        {
            open.pop();
            let event = Event::End(if link { TagEnd::Link } else { TagEnd::Image });
            visitor.visit(&event, end..end);
        }
    };
    if let Some(range) = &inline.leading_tag {
        let written = text.get(range.clone()).unwrap_or("");
        visitor.visit(&Event::InlineHtml(written.into()), range.clone());
    }
    for piece in &inline.pieces {
        let range = piece.range().clone();
        close(&mut visitor, &mut open, range.start);
        let event = match piece {
            Piece::Text { decoded, .. } | Piece::Entity { decoded, .. } => {
                Event::Text(decoded.as_str().into())
            }
            Piece::Code { content, .. } => Event::Code(content.as_str().into()),
            Piece::Html { range } => {
                Event::InlineHtml(text.get(range.clone()).unwrap_or("").into())
            }
            Piece::Break { .. } => Event::SoftBreak,
            Piece::Emphasis { .. } => continue,
            Piece::Link {
                range,
                dest,
                title,
                image,
                ..
            } => {
                open.push((range.end, !image));
                let (dest_url, title, id) =
                    (dest.as_str().into(), title.as_str().into(), "".into());
                Event::Start(if *image {
                    Tag::Image {
                        link_type: LinkType::Inline,
                        dest_url,
                        title,
                        id,
                    }
                } else {
                    Tag::Link {
                        link_type: LinkType::Inline,
                        dest_url,
                        title,
                        id,
                    }
                })
            }
        };
        visitor.visit(&event, range);
    }
    close(&mut visitor, &mut open, usize::MAX);
    visitor.problems
}

/// Whether an inline text holds raw HTML or a link target that is not
/// allowed (what makes a message unsafe to show).
pub fn is_unsafe_inline(text: &str) -> bool {
    inline_problems(text)
        .iter()
        .any(|p| matches!(p, BodyProblem::RawHtml(_) | BodyProblem::Url { .. }))
}

/// A block structure inside a text that must be inline (a target, a
/// front-matter text): the edition folds it into one run-on line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotInline {
    /// The first line of the block, in the text's own offsets.
    pub range: Range<usize>,
    /// What starts there, in words ("a heading", "a list").
    pub what: &'static str,
}

/// The blocks of an inline text beyond its one paragraph, read as every
/// edition reads it ([`InlineSource`]). Raw HTML blocks are left to
/// [`inline_problems`].
pub fn not_inline(text: &str) -> Vec<NotInline> {
    let mut found = Vec::new();
    // Blocks need a line break, or (at the start) an indentation or a
    // marker that [`InlineSource`] trims or escapes.
    if !text.contains(['\n', '\r']) && !text.trim_start().starts_with(['=', '-']) {
        return found;
    }
    let inline = InlineSource::new(text);
    let source: &str = &inline.text;
    let mut depth = 0usize;
    let mut blocks = 0usize;
    for (event, range) in Parser::new_ext(source, Options::empty()).into_offset_iter() {
        let what = match &event {
            Event::Start(tag) if !is_inline(&event) => {
                depth += 1;
                if depth > 1 {
                    continue;
                }
                blocks += 1;
                match tag {
                    Tag::Paragraph if blocks == 1 => continue,
                    Tag::Paragraph => "a blank line: a second paragraph",
                    Tag::Heading { .. } => "a heading",
                    Tag::List(_) => "a list",
                    Tag::BlockQuote(_) => "a block quote",
                    Tag::CodeBlock(CodeBlockKind::Indented) => "an indented code block",
                    Tag::CodeBlock(CodeBlockKind::Fenced(_)) => "a fenced code block",
                    _ => continue,
                }
            }
            Event::End(_) if !is_inline(&event) => {
                depth = depth.saturating_sub(1);
                continue;
            }
            Event::Rule if depth == 0 => "a thematic break",
            _ => continue,
        };
        // Mark the block's first line.
        let line_end = source
            .get(range.clone())
            .and_then(|block| block.find(['\n', '\r']))
            .map_or(range.end, |i| range.start + i);
        found.push(NotInline {
            range: inline.original(range.start..line_end.max(range.start)),
            what,
        });
    }
    found
}

/// A resolved link target written as an inline destination and title:
/// `(https://a.example "Title")`.
fn inline_destination(url: &str, title: &str) -> String {
    let plain = !url.is_empty()
        && !url.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '(' | ')' | '\\' | '&')
        });
    let mut out = String::from("(");
    if plain {
        out.push_str(url);
    } else {
        out.push('<');
        for c in url.chars() {
            if matches!(c, '<' | '>' | '\\' | '&') {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('>');
    }
    if !title.is_empty() {
        out.push_str(" \"");
        for c in title.chars() {
            if matches!(c, '"' | '\\' | '&') {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('"');
    }
    out.push(')');
    out
}

/// Whether a relative link target names a Markdown file (`../2024/a.md`,
/// `other.markdown#part`): it works in the editor, not on the site.
fn is_markdown_file(url: &str) -> bool {
    if scheme(url).is_some() || url.starts_with("//") {
        return false;
    }
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    path.ends_with(".md") || path.ends_with(".markdown")
}

/// Whether an indented code block reads as prose: words and sentence
/// punctuation, nothing a program or a shell line would have.
fn reads_as_prose(code: &str) -> bool {
    let words = code
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    words >= 3
        && !code.contains(|c: char| {
            matches!(
                c,
                '{' | '}' | ';' | '=' | '<' | '>' | '$' | '`' | '|' | '\\' | '_' | '/'
            )
        })
        && !code.contains("()")
        && !code
            .split_whitespace()
            .any(|w| w.starts_with('-') && w.len() > 1)
        && code
            .trim_end()
            .ends_with(['.', '!', '?', '…', '»', '"', '”', '’', ')'])
}

/// Tables and footnotes, which CommonMark does not know: read with those
/// extensions on, they are what the writer meant, and refused.
fn unsupported(source: &str, offset: usize, problems: &mut Vec<BodyProblem>) {
    if !source.contains('|') && !source.contains("[^") {
        return;
    }
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        let (what, help) = match event {
            Event::Start(Tag::Table(_)) => (
                "a table",
                "tables are not published as tables: write the figures as a list or as prose, or publish the table as an image with alt text",
            ),
            Event::Start(Tag::FootnoteDefinition(_)) => (
                "a footnote",
                "footnotes are not published as footnotes: write the note as a sentence or in parentheses",
            ),
            Event::FootnoteReference(_) => (
                "a footnote reference",
                "footnotes are not published as footnotes: write the note as a sentence or in parentheses",
            ),
            _ => continue,
        };
        let line = source
            .get(range.clone())
            .and_then(|t| t.find('\n'))
            .map_or(range.end, |i| range.start + i);
        problems.push(BodyProblem::Markdown {
            code: Code::UnsupportedMarkdown,
            span: offset + range.start..offset + line,
            message: format!("{what} is Markdown that editions do not support"),
            help,
        });
    }
}

/// Whether a link target leads nowhere: empty, or a scheme with nothing
/// after it (`mailto:`, `https://`).
pub fn is_empty_link(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    if cleaned.is_empty() {
        return true;
    }
    match scheme(&cleaned) {
        Some(scheme) => {
            let rest = cleaned.get(scheme.len() + 1..).unwrap_or("");
            let rest = if matches!(scheme.as_str(), "http" | "https") {
                rest.trim_start_matches('/')
            } else {
                rest
            };
            rest.is_empty()
        }
        None => false,
    }
}

/// Finds what `check` reports in a stream of Markdown events.
#[derive(Default)]
struct Visitor {
    problems: Vec<BodyProblem>,
    /// Open links: their span and whether they have shown any text yet.
    links: Vec<(Range<usize>, bool)>,
    /// Inline HTML tags opened in the current block: their lower-cased
    /// name and their finding, which the closing tag extends (`<b>…</b>`
    /// is one finding).
    tags: Vec<(String, usize)>,
    /// Whether this is the body: HTML comments are editorial notes there
    /// (an inline text has no place for a note, so they are raw HTML), and
    /// links to local `.md` files are reported.
    in_body: bool,
}

/// The lower-cased name of an inline HTML tag, and whether it closes
/// (`</b>`); `None` for a comment, a self-closing or void tag (`<br>`) or
/// anything else.
fn tag_name(html: &str) -> Option<(String, bool)> {
    let rest = html.strip_prefix('<')?;
    let (closing, rest) = match rest.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let name = name.to_ascii_lowercase();
    // Void elements (`<br>`, `<img>`) never close.
    let void = matches!(
        name.as_str(),
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    );
    let self_closing = html.trim_end().ends_with("/>") || (void && !closing);
    (name.starts_with(|c: char| c.is_ascii_alphabetic()) && !self_closing)
        .then_some((name, closing))
}

impl Visitor {
    fn visit(&mut self, event: &Event<'_>, range: Range<usize>) {
        if self.in_body
            && let Event::InlineHtml(html) | Event::Html(html) = event
            && is_comment(html)
        {
            return;
        }
        if let Event::InlineHtml(html) = event {
            let tag = tag_name(html);
            // Inside an open tag, up to its closing tag, all is one finding.
            if let Some(&(_, outer)) = self.tags.first()
                && let Some(BodyProblem::RawHtml(span)) = self.problems.get_mut(outer)
            {
                span.end = span.end.max(range.end);
                match tag {
                    Some((name, true)) => {
                        if let Some(at) = self.tags.iter().rposition(|(open, _)| *open == name) {
                            self.tags.truncate(at);
                        }
                    }
                    Some((name, false)) => self.tags.push((name, outer)),
                    None => {}
                }
                return;
            }
            if let Some((name, false)) = tag {
                self.tags.push((name, self.problems.len()));
            }
        } else if matches!(event, Event::End(_)) && !is_inline(event) {
            // Tags pair within one block.
            self.tags.clear();
        }
        let problems = &mut self.problems;
        match event {
            // An HTML block is reported once, at its start; its lines follow as
            // `Event::Html`.
            Event::InlineHtml(_) | Event::Start(Tag::HtmlBlock) => {
                problems.push(BodyProblem::RawHtml(range.clone()));
            }
            Event::Start(Tag::Link { dest_url, .. }) if !is_allowed_link(dest_url) => {
                problems.push(BodyProblem::Url {
                    url: dest_url.to_string(),
                    span: range.clone(),
                    image: false,
                });
            }
            Event::Start(Tag::Image { dest_url, .. }) if !is_allowed_link(dest_url) => {
                problems.push(BodyProblem::Url {
                    url: dest_url.to_string(),
                    span: range.clone(),
                    image: true,
                });
            }
            Event::Start(Tag::Link { dest_url, .. })
                if self.in_body && is_markdown_file(dest_url) =>
            {
                problems.push(BodyProblem::Markdown {
                    code: Code::InvalidUrl,
                    span: range.clone(),
                    message: format!(
                        "link target `{}` is a Markdown file, which no edition publishes",
                        dest_url.escape_debug()
                    ),
                    help: "link to the published page (its URL, or the edition's path without `.md`)",
                });
            }
            Event::Start(Tag::Link { dest_url, .. }) if is_empty_link(dest_url) => {
                problems.push(BodyProblem::Empty {
                    span: range.clone(),
                    what: if dest_url.trim().is_empty() {
                        "a link with no target"
                    } else {
                        "a link whose target has nothing after its scheme"
                    },
                });
            }
            _ => {}
        }
        match event {
            Event::Start(Tag::Link { .. }) => self.links.push((range, false)),
            Event::End(TagEnd::Link) => {
                if let Some((span, false)) = self.links.pop() {
                    self.problems.push(BodyProblem::Empty {
                        span,
                        what: "a link with no text",
                    });
                }
            }
            Event::Text(text) | Event::Code(text) | Event::InlineHtml(text)
                if !text.trim().is_empty() =>
            {
                for link in &mut self.links {
                    link.1 = true;
                }
            }
            _ => {}
        }
    }
}

/// Parses the body `source`, which starts at byte `offset` of its file.
pub fn parse(source: &str, offset: usize) -> (Body, Vec<BodyProblem>) {
    let mut visitor = Visitor {
        in_body: true,
        ..Visitor::default()
    };
    // Comments waiting for the block they come before, with the depth of
    // the stack where they are: the next block that starts at that depth
    // or above (the next item of their list, the next block of their
    // quote, else the next block further out) is theirs.
    let mut pending_comments: Vec<(usize, usize)> = Vec::new();
    let mut problems = Vec::new();
    let mut body = Body::default();
    let mut stack: Vec<Frame> = Vec::new();
    let mut nesting = 0usize;
    let mut reported_depth = false;

    for (event, range) in Parser::new_ext(source, Options::empty()).into_offset_iter() {
        let file_range = offset + range.start..offset + range.end;
        let comment = match &event {
            Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_) => {
                source.get(range.clone()).is_some_and(is_comment)
            }
            _ => false,
        };
        if comment {
            pending_comments.push((body.comments.len(), stack.len()));
            body.comments.push((file_range.clone(), None));
        } else {
            visitor.visit(&event, file_range.clone());
        }
        if !comment
            && !matches!(stack.last(), Some(Frame::Comment))
            && let Event::Start(_) | Event::Rule | Event::Html(_) = event
        {
            pending_comments.retain(|&(at, depth)| {
                if stack.len() > depth {
                    return true;
                }
                if let Some((_, next)) = body.comments.get_mut(at) {
                    *next = Some(file_range.clone());
                }
                false
            });
            if stack.is_empty() {
                body.block_spans.push(file_range.clone());
            }
        }
        if matches!(event, Event::Html(_)) && matches!(stack.last(), Some(Frame::Comment)) {
            continue;
        }
        if comment && matches!(event, Event::InlineHtml(_)) {
            if let Some(Frame::Leaf { collector, .. }) = stack.last_mut() {
                collector.skip(source, &range);
            }
            continue;
        }

        if is_inline(&event) {
            if matches!(stack.last(), Some(Frame::Item(_))) {
                stack.push(Frame::Leaf {
                    leaf: Leaf::TightItem,
                    collector: Collector::default(),
                });
            }
            if let Some(Frame::Leaf { collector, leaf }) = stack.last_mut() {
                match event {
                    Event::Text(text) if matches!(leaf, Leaf::Code(_)) => {
                        collector.code.push_str(&text)
                    }
                    Event::SoftBreak | Event::HardBreak => collector.line_break(source, &range),
                    Event::Start(
                        Tag::Link {
                            link_type,
                            dest_url,
                            title,
                            ..
                        }
                        | Tag::Image {
                            link_type,
                            dest_url,
                            title,
                            ..
                        },
                    ) => {
                        collector.inline(source, &range);
                        collector.references.push(
                            matches!(
                                link_type,
                                LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut
                            )
                            .then(|| inline_destination(&dest_url, &title)),
                        );
                    }
                    Event::End(TagEnd::Link | TagEnd::Image) => collector.end_link(source, &range),
                    _ => collector.inline(source, &range),
                }
            }
            continue;
        }
        // A block event ends the implicit paragraph of a tight item.
        if matches!(
            stack.last(),
            Some(Frame::Leaf {
                leaf: Leaf::TightItem,
                ..
            })
        ) {
            close_top(&mut stack, &mut body.blocks, source, offset);
        }

        match event {
            Event::Start(tag) => {
                let frame = match tag {
                    Tag::Paragraph => leaf(Leaf::Paragraph),
                    Tag::Heading { level, .. } => leaf(Leaf::Heading(level as u8)),
                    Tag::CodeBlock(CodeBlockKind::Indented)
                        if source.get(range.clone()).is_some_and(reads_as_prose) =>
                    {
                        let line = source
                            .get(range.clone())
                            .map_or(range.end, |t| range.start + t.find('\n').unwrap_or(t.len()));
                        problems.push(BodyProblem::Markdown {
                            code: Code::IndentedCode,
                            span: offset + range.start..offset + line,
                            message: "an indented paragraph is published as a code block".to_owned(),
                            help: "remove the indentation (four spaces or a tab make a code block); fence real code with ```",
                        });
                        leaf(Leaf::Code(String::new()))
                    }
                    Tag::CodeBlock(kind) => leaf(Leaf::Code(match kind {
                        CodeBlockKind::Fenced(info) => info.to_string(),
                        CodeBlockKind::Indented => String::new(),
                    })),
                    Tag::BlockQuote(_) | Tag::List(_) if nesting >= MAX_NESTING => {
                        if !reported_depth {
                            problems.push(BodyProblem::TooDeep(file_range.clone()));
                            reported_depth = true;
                        }
                        Frame::Skipped
                    }
                    Tag::BlockQuote(_) => {
                        nesting += 1;
                        Frame::Quote(Vec::new())
                    }
                    Tag::List(start) => {
                        nesting += 1;
                        Frame::List {
                            start,
                            items: Vec::new(),
                        }
                    }
                    Tag::Item => Frame::Item(Vec::new()),
                    Tag::HtmlBlock if comment => Frame::Comment,
                    _ => Frame::Skipped,
                };
                stack.push(frame);
            }
            Event::End(_) => {
                if let Some(what) = empty_element(stack.last(), source.get(range.clone())) {
                    problems.push(BodyProblem::Empty {
                        span: file_range.clone(),
                        what,
                    });
                }
                if matches!(stack.last(), Some(Frame::Quote(_) | Frame::List { .. })) {
                    nesting = nesting.saturating_sub(1);
                }
                close_top(&mut stack, &mut body.blocks, source, offset);
            }
            Event::Rule => push_block(&mut stack, &mut body.blocks, Block::Rule),
            _ => {}
        }
    }
    while !stack.is_empty() {
        close_top(&mut stack, &mut body.blocks, source, offset);
    }
    problems.extend(visitor.problems);
    unsupported(source, offset, &mut problems);
    problems.sort_by_key(|p| match p {
        BodyProblem::RawHtml(span)
        | BodyProblem::TooDeep(span)
        | BodyProblem::Url { span, .. }
        | BodyProblem::Markdown { span, .. }
        | BodyProblem::Empty { span, .. } => span.start,
    });
    (body, problems)
}

/// What is empty about the element `frame` is closing, whose source is
/// `written`: a heading with no text, a list item or a block quote with
/// nothing in it.
fn empty_element(frame: Option<&Frame>, written: Option<&str>) -> Option<&'static str> {
    let written = written.unwrap_or("");
    match frame? {
        Frame::Leaf {
            leaf: Leaf::Heading(_),
            collector,
        } if collector.first.is_none() => Some("a heading with no text"),
        Frame::Item(_) => {
            let rest = written
                .trim_start()
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .strip_prefix(['-', '+', '*', '.', ')'])
                .unwrap_or("");
            rest.trim()
                .is_empty()
                .then_some("a list item with nothing in it")
        }
        Frame::Quote(_) => written
            .chars()
            .all(|c| c == '>' || c.is_whitespace())
            .then_some("a block quote with nothing in it"),
        _ => None,
    }
}

fn leaf(leaf: Leaf) -> Frame {
    Frame::Leaf {
        leaf,
        collector: Collector::default(),
    }
}

/// Pops the top frame and attaches what it built to the frame below.
fn close_top(stack: &mut Vec<Frame>, top: &mut Vec<Block>, source: &str, offset: usize) {
    let Some(frame) = stack.pop() else {
        return;
    };
    let block = match frame {
        Frame::Quote(blocks) => Block::Quote(blocks),
        Frame::List { start, items } => Block::List { start, items },
        Frame::Item(blocks) => {
            // Items attach to their list, not as blocks.
            for frame in stack.iter_mut().rev() {
                match frame {
                    Frame::List { items, .. } => {
                        items.push(blocks);
                        return;
                    }
                    Frame::Skipped | Frame::Comment => continue,
                    _ => break,
                }
            }
            // An item whose list was skipped: keep its blocks in place.
            for block in blocks {
                push_block(stack, top, block);
            }
            return;
        }
        Frame::Leaf { leaf, collector } => match leaf {
            Leaf::Code(info) => Block::Code {
                info,
                text: collector.code,
            },
            Leaf::Heading(level) => Block::Heading {
                level,
                prose: collector.finish(source, offset),
            },
            Leaf::Paragraph | Leaf::TightItem => {
                let prose = collector.finish(source, offset);
                if prose.text.is_empty() {
                    return;
                }
                Block::Paragraph(prose)
            }
        },
        Frame::Skipped | Frame::Comment => return,
    };
    push_block(stack, top, block);
}

/// Adds a finished block to the nearest open container (or the top level).
fn push_block(stack: &mut [Frame], top: &mut Vec<Block>, block: Block) {
    for frame in stack.iter_mut().rev() {
        match frame {
            Frame::Quote(blocks) | Frame::Item(blocks) => {
                blocks.push(block);
                return;
            }
            Frame::List { items, .. } => {
                // A block directly in a list (only after skipping): new item.
                items.push(vec![block]);
                return;
            }
            Frame::Leaf { .. } | Frame::Skipped | Frame::Comment => continue,
        }
    }
    top.push(block);
}

impl Block {
    /// The prose segments of this block and the blocks inside it, in order.
    pub fn prose<'a>(&'a self, out: &mut Vec<&'a Prose>) {
        let mut pending: Vec<&Block> = vec![self];
        while let Some(block) = pending.pop() {
            match block {
                Block::Paragraph(prose) | Block::Heading { prose, .. } => out.push(prose),
                Block::List { items, .. } => {
                    pending.extend(items.iter().flatten().rev());
                }
                Block::Quote(blocks) => pending.extend(blocks.iter().rev()),
                Block::Code { .. } | Block::Rule => {}
            }
        }
    }
}

impl Body {
    /// All prose segments of the body in document order, each with what it
    /// is for a translator: `heading`, `paragraph`, `list item` (any prose
    /// in a list but a heading) or `quote` (any prose in a block quote but a
    /// heading).
    pub fn prose_kinds(&self) -> Vec<(&Prose, &'static str)> {
        let mut out = Vec::new();
        let mut pending: Vec<(&Block, Option<&'static str>)> =
            self.blocks.iter().rev().map(|b| (b, None)).collect();
        while let Some((block, within)) = pending.pop() {
            match block {
                Block::Paragraph(prose) => out.push((prose, within.unwrap_or("paragraph"))),
                Block::Heading { prose, .. } => out.push((prose, "heading")),
                Block::List { items, .. } => pending.extend(
                    items
                        .iter()
                        .flatten()
                        .rev()
                        .map(|b| (b, Some(within.unwrap_or("list item")))),
                ),
                Block::Quote(blocks) => pending.extend(
                    blocks
                        .iter()
                        .rev()
                        .map(|b| (b, Some(within.unwrap_or("quote")))),
                ),
                Block::Code { .. } | Block::Rule => {}
            }
        }
        out
    }

    /// All prose segments of the body in document order.
    pub fn prose(&self) -> Vec<&Prose> {
        let mut out = Vec::new();
        for block in &self.blocks {
            block.prose(&mut out);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str) -> Vec<String> {
        let (body, _) = parse(source, 0);
        body.prose().into_iter().map(|p| p.text.clone()).collect()
    }

    #[test]
    fn folds_line_breaks_so_rewrapping_keeps_the_text() {
        assert_eq!(
            texts("One *two*\nthree [four](https://x.example)\n"),
            texts("One *two* three\n[four](https://x.example)\n")
        );
        assert_eq!(texts("a\nb\n"), ["a b"]);
    }

    #[test]
    fn an_escape_at_the_start_of_a_line_stays_in_the_text() {
        // The segment's text must read as the article does wherever it is
        // put: `<b>` unescaped would be raw HTML, `[x](javascript:…)` a link.
        assert_eq!(texts("\\<b>bold\\</b>\n"), ["\\<b>bold\\</b>"]);
        assert_eq!(
            texts("Text\n\\[x](javascript:alert(1))\n"),
            ["Text \\[x](javascript:alert(1))"]
        );
        assert_eq!(texts("- \\# not a heading\n"), ["\\# not a heading"]);
        for text in texts("\\<b>bold\\</b>\nText\n\\[x](javascript:alert(1))\n") {
            assert!(inline_problems(&format!("x {text}")).is_empty(), "{text}");
        }
    }

    #[test]
    fn segments_headings_items_and_quotes() {
        let src = "## Head\n\n- one\n- two\n  - nested\n\n> quoted\n> on two lines\n\n```\ncode\n```\n\n---\n";
        assert_eq!(
            texts(src),
            ["Head", "one", "two", "nested", "quoted on two lines"]
        );
        let (body, _) = parse(src, 0);
        assert_eq!(body.blocks.len(), 5);
        assert!(matches!(&body.blocks[3], Block::Code { text, .. } if text == "code\n"));
    }

    #[test]
    fn spans_are_file_offsets() {
        let (body, _) = parse("x\n\nsecond para\n", 100);
        let prose = body.prose();
        assert_eq!(prose[1].span, 103..114);
    }

    #[test]
    fn reports_html_and_bad_links() {
        let (_, problems) = parse(
            "<div>x</div>\n\nText <b>bold</b> [a](javascript:alert(1))\n",
            0,
        );
        let html = problems
            .iter()
            .filter(|p| matches!(p, BodyProblem::RawHtml(_)))
            .count();
        assert_eq!(html, 2, "the block, and <b>…</b> as one");
        assert!(
            problems.iter().any(
                |p| matches!(p, BodyProblem::Url { url, .. } if url.starts_with("javascript"))
            )
        );
    }

    #[test]
    fn link_schemes() {
        assert!(is_allowed_link("https://a.example/x"));
        assert!(is_allowed_link("/relative/path"));
        assert!(is_allowed_link("#frag"));
        assert!(is_allowed_link("mailto:desk@example.org"));
        assert!(!is_allowed_link("javascript:alert(1)"));
        assert!(!is_allowed_link(" JaVa\tScRipt:alert(1)"));
        assert!(!is_allowed_link("data:text/html,hi"));
    }

    #[test]
    fn deep_quotes_are_flattened_and_reported() {
        let src = format!("{} deep\n", ">".repeat(5000));
        let (body, problems) = parse(&src, 0);
        assert!(
            problems
                .iter()
                .any(|p| matches!(p, BodyProblem::TooDeep(_)))
        );
        assert_eq!(body.prose().len(), 1);
    }

    #[test]
    fn inline_text_holds_no_blocks() {
        let whats = |text: &str| -> Vec<(&'static str, String)> {
            not_inline(text)
                .into_iter()
                .map(|n| (n.what, text[n.range].to_owned()))
                .collect()
        };
        assert!(whats("One line *of* text").is_empty());
        assert!(whats("wrapped\nlines\r\nfold").is_empty());
        assert!(whats("1. Mai").is_empty(), "a leading marker is escaped");
        assert!(whats("- not a list").is_empty());
        assert!(whats("    indented").is_empty(), "the text is trimmed");
        assert_eq!(
            whats("First.\n\nSecond."),
            [("a blank line: a second paragraph", "Second.".to_owned())]
        );
        assert_eq!(
            whats("Text\n## Head"),
            [("a heading", "## Head".to_owned())]
        );
        assert_eq!(whats("Text\n- a\n- b"), [("a list", "- a".to_owned())]);
        assert_eq!(whats("Text\n\n1. a"), [("a list", "1. a".to_owned())]);
        assert_eq!(
            whats("Text\n> quoted"),
            [("a block quote", "> quoted".to_owned())]
        );
        assert_eq!(
            whats("Text\n\n    code"),
            [("an indented code block", "code".to_owned())]
        );
        assert_eq!(
            whats("Text\n```\ncode\n```"),
            [("a fenced code block", "```".to_owned())]
        );
        assert_eq!(whats("Text\n==="), [("a heading", "Text".to_owned())]);
        assert_eq!(
            whats("Text\n\n***"),
            [("a thematic break", "***".to_owned())]
        );
        // Raw HTML is raw-html's, not reported twice.
        assert!(whats("Text\n\n<div>x</div>").is_empty());
    }

    /// `inline_problems` as it was before it read the inline model: its own
    /// parse of the trimmed text, for the property below.
    fn inline_problems_by_own_parse(text: &str) -> Vec<BodyProblem> {
        if !text.bytes().any(|b| b == b'<' || b == b'[') {
            return Vec::new();
        }
        let lead = text.len() - text.trim_start().len();
        let mut visitor = Visitor::default();
        for (event, range) in Parser::new_ext(text.trim(), Options::empty()).into_offset_iter() {
            visitor.visit(&event, lead + range.start..lead + range.end);
        }
        visitor.problems
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// Read through the inline model, a text that is one paragraph has
        /// the findings its own parse gave; one that opens with a tag (an
        /// HTML block to that parse) has the same findings, each starting
        /// where that parse's did, the opening one no longer than its line.
        #[test]
        fn inline_problems_agree_with_a_parse_of_their_own(
            text in "[ a-z]{0,2}(<img src=x>|<b>|</b>|<div>|<!-- c -->|<https://a.b>|\\[a\\]\\((javascript:x|https://a.b|mailto:|)\\)|!\\[i\\]\\(x:y\\)|\\[|\\]|`|&lt;|[ a-z]|\n){0,10}"
        ) {
            let blocks: Vec<bool> = Parser::new_ext(text.trim(), Options::empty())
                .filter_map(|event| match event {
                    Event::Start(Tag::Paragraph) => Some(true),
                    Event::Start(tag) if !is_inline(&Event::Start(tag.clone())) => Some(false),
                    Event::Rule => Some(false),
                    _ => None,
                })
                .collect();
            let found = inline_problems(&text);
            let expected = inline_problems_by_own_parse(&text);
            if blocks == [true] {
                proptest::prop_assert_eq!(found, expected, "{:?}", text);
            } else if text.trim().starts_with('<') && !text.trim().contains('\n') {
                // Each old finding still starts a finding; each new one lies
                // inside an old one.
                let span = |p: &BodyProblem| match p {
                    BodyProblem::RawHtml(span)
                    | BodyProblem::TooDeep(span)
                    | BodyProblem::Url { span, .. }
                    | BodyProblem::Markdown { span, .. }
                    | BodyProblem::Empty { span, .. } => span.clone(),
                };
                for old in &expected {
                    proptest::prop_assert!(found.iter().any(|new| span(new).start == span(old).start), "{:?}", text);
                }
                for new in &found {
                    proptest::prop_assert!(expected.iter().any(|old| span(old).start <= span(new).start && span(new).end <= span(old).end), "{:?}", text);
                }
            }
        }
    }

    #[test]
    fn inline_problems_read_the_text_as_it_is_rendered() {
        // Indented, it would be a code block to a Markdown parser; every
        // edition trims it, so it is raw HTML.
        let problems = inline_problems("    <img src=x onerror=alert(1)>");
        assert_eq!(problems, [BodyProblem::RawHtml(4..32)]);
        assert_eq!(
            InlineSource::new("  1. Mai").original(1..3),
            3..4,
            "the inserted backslash maps to the marker"
        );
    }

    #[test]
    fn empty_elements_are_reported() {
        let empties = |source: &str| -> Vec<(&'static str, String)> {
            parse(source, 0)
                .1
                .into_iter()
                .filter_map(|p| match p {
                    BodyProblem::Empty { span, what } => Some((what, source[span].to_owned())),
                    _ => None,
                })
                .collect()
        };
        assert!(
            empties(
                "## Head\n\n- item\n\n> quote\n\n[x](https://a.example) [m](mailto:a@b.example)\n"
            )
            .is_empty()
        );
        assert_eq!(
            empties("## \n"),
            [("a heading with no text", "## \n".to_owned())]
        );
        assert_eq!(empties("Text\n\n-\n- b\n").len(), 1);
        assert_eq!(
            empties("1. \n"),
            [("a list item with nothing in it", "1. \n".to_owned())]
        );
        assert_eq!(
            empties(">\n"),
            [("a block quote with nothing in it", ">\n".to_owned())]
        );
        assert_eq!(
            empties("See [x]() and [y](mailto:) and [z]( https:// ).\n")
                .into_iter()
                .map(|(_, s)| s)
                .collect::<Vec<_>>(),
            ["[x]()", "[y](mailto:)", "[z]( https:// )"]
        );
        assert_eq!(
            empties("See [](https://a.example) and [ ](https://b.example).\n").len(),
            2
        );
        // An empty heading is no segment.
        let (body, _) = parse("## \n\nText\n", 0);
        let prose = body.prose();
        let segments =
            crate::segment::body_segments(prose.iter().map(|p| (p.text.as_str(), p.span.clone())));
        assert_eq!(segments.len(), 1);
        // In inline texts too.
        assert!(matches!(
            inline_problems("Write to [the desk](mailto:)").as_slice(),
            [BodyProblem::Empty { .. }]
        ));
        assert!(!is_unsafe_inline("Write to [the desk](mailto:)"));
    }

    #[test]
    fn empty_links() {
        for url in [
            "",
            "  ",
            "mailto:",
            "https://",
            "HTTP://",
            "http:",
            "https:///",
        ] {
            assert!(is_empty_link(url), "{url:?}");
        }
        for url in ["/x", "#a", "mailto:a@b.example", "https://a.example", "x"] {
            assert!(!is_empty_link(url), "{url:?}");
        }
    }

    #[test]
    fn a_tag_and_its_closing_tag_are_one_finding() {
        let spans = |source: &str| -> Vec<String> {
            parse(source, 0)
                .1
                .into_iter()
                .filter_map(|p| match p {
                    BodyProblem::RawHtml(span) => Some(source[span].to_owned()),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(spans("A <b>bold</b> word.\n"), ["<b>bold</b>"]);
        assert_eq!(
            spans("<i>x <B>y</b></i> <br> <!-- c -->\n"),
            ["<i>x <B>y</b></i>", "<br>"]
        );
        // Not across blocks; an unmatched closing tag is its own finding.
        assert_eq!(spans("A <b>x\n\ny</b>\n"), ["<b>", "</b>"]);
        assert_eq!(
            inline_problems("Target </em> <em>x</em>"),
            [BodyProblem::RawHtml(7..12), BodyProblem::RawHtml(13..23)]
        );
    }

    #[test]
    fn comments_are_editorial_notes() {
        let source = "<!-- check the figure -->\nOne <!-- a note --> two.\n\n- Item <!-- x\ny --> end\n\n<!--\nlong\n-->\n\nLast.<!--z-->\n";
        let (body, problems) = parse(source, 0);
        assert_eq!(problems, []);
        assert_eq!(texts(source), ["One two.", "Item end", "Last."]);
        assert_eq!(body.blocks.len(), body.block_spans.len());
        let comments: Vec<&str> = body
            .comments
            .iter()
            .map(|(c, _)| &source[c.clone()])
            .collect();
        assert_eq!(
            comments,
            [
                "<!-- check the figure -->\n",
                "<!-- a note -->",
                "<!-- x\ny -->",
                "<!--\nlong\n-->\n",
                "<!--z-->"
            ]
        );
        // Each comment knows the block after it.
        let next = |i: usize| body.comments[i].1.clone().map(|r| source[r].to_owned());
        assert_eq!(next(0).as_deref(), Some("One <!-- a note --> two.\n"));
        assert_eq!(next(3).as_deref(), Some("Last.<!--z-->\n"));
        assert_eq!(next(4), None);
        // Inside a list or a quote, the next item or block there.
        let source = "- One\n  <!-- n -->\n- Two\n- Three\n\n> A\n>\n> <!-- q -->\n> B\n\nC\n";
        let (body, problems) = parse(source, 0);
        assert_eq!(problems, []);
        let next: Vec<Option<&str>> = body
            .comments
            .iter()
            .map(|(_, next)| next.clone().map(|r| &source[r]))
            .collect();
        assert_eq!(next, [Some("- Two\n"), Some("B\n")]);
        // A body of comments only is empty; a comment with HTML after it,
        // or in an inline text, is raw HTML.
        assert!(parse("<!-- only -->\n", 0).0.blocks.is_empty());
        assert_eq!(parse("<!-- c --> <b>x</b>\n", 0).1.len(), 1);
        assert_eq!(inline_problems("A <!-- c --> b").len(), 1);
    }

    #[test]
    fn reference_links_become_inline_links() {
        let source = "See [the report][r] and [Halden] or [it][] ![map][m].\n\n[r]: https://a.example/r \"The report\"\n[halden]: <https://a.example/a b>\n[it]: /it\n[m]: https://a.example/m.png\n";
        let (_, problems) = parse(source, 0);
        assert_eq!(problems, []);
        assert_eq!(
            texts(source),
            [
                "See [the report](https://a.example/r \"The report\") and [Halden](<https://a.example/a b>) or [it](/it) ![map](https://a.example/m.png)."
            ]
        );
        // The rewritten text means the same to a Markdown parser.
        let text = &texts(source)[0];
        let targets = |md: &str| -> Vec<String> {
            Parser::new_ext(md, Options::empty())
                .filter_map(|e| match e {
                    Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                        Some(dest_url.to_string())
                    }
                    _ => None,
                })
                .collect()
        };
        assert_eq!(targets(text), targets(source));
        // Across a line break, and an unresolved reference stays text.
        assert_eq!(
            texts("[a\nb][x] [y][nope]\n\n[x]: /x\n"),
            ["[a b](/x) [y][nope]"]
        );
    }

    fn codes(source: &str) -> Vec<(Code, String)> {
        parse(source, 0)
            .1
            .into_iter()
            .filter_map(|p| match p {
                BodyProblem::Markdown { code, span, .. } => Some((code, source[span].to_owned())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn tables_footnotes_indented_prose_and_md_links_are_reported() {
        assert_eq!(
            codes("| a | b |\n|---|---|\n| 1 | 2 |\n"),
            [(Code::UnsupportedMarkdown, "| a | b |".to_owned())]
        );
        assert_eq!(
            codes("Text.[^1]\n\n[^1]: The note.\n"),
            [
                (Code::UnsupportedMarkdown, "[^1]".to_owned()),
                (Code::UnsupportedMarkdown, "[^1]: The note.".to_owned())
            ]
        );
        assert_eq!(
            codes("Intro.\n\n    The ferry returned at noon.\n    It docked.\n"),
            [(Code::IndentedCode, "The ferry returned at noon.".to_owned())]
        );
        // Real code, a pipe in prose, an absolute .md URL: nothing.
        assert_eq!(codes("Intro.\n\n    let x = f(1);\n"), []);
        assert_eq!(codes("Intro.\n\n\tcargo build --release\n"), []);
        assert_eq!(codes("Left | right.\n"), []);
        assert_eq!(codes("[a](https://x.example/README.md)\n"), []);
        assert_eq!(
            codes("See [the other](../2024/other.md#x).\n"),
            [(
                Code::InvalidUrl,
                "[the other](../2024/other.md#x)".to_owned()
            )]
        );
    }

    fn destinations(markdown: &str) -> Vec<String> {
        Parser::new_ext(markdown, Options::empty())
            .filter_map(|e| match e {
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    Some(dest_url.to_string())
                }
                _ => None,
            })
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Every link and image of the body keeps its destination in the
        /// prose texts read alone (as segments and renderers read them):
        /// reference links are resolved, definitions never lost, comments
        /// never change a target.
        #[test]
        fn prose_texts_keep_every_destination(
            lines in proptest::collection::vec(
                "([a-z ]{0,4}(\\[a\\]\\[r\\]|\\[R\\]|\\[b\\]\\[\\]|!\\[m\\]\\[r\\]|\\[c\\]\\(/c\\)|<!-- n -->|`x`|\\*e\\*|&amp;|\\\\\\[)){0,4}[a-z.]{0,3}",
                1..5,
            ),
            title in "[a-z\"()\\\\ ]{0,6}",
        ) {
            let body = format!(
                "{}\n\n[r]: https://a.example/r \"{}\"\n[b]: </b c>\n",
                lines.join("\n"),
                title.replace('"', "\\\"")
            );
            let (parsed, _) = parse(&body, 0);
            let mut alone = Vec::new();
            for block in &parsed.blocks {
                let mut prose = Vec::new();
                block.prose(&mut prose);
                for p in prose {
                    alone.extend(destinations(&p.text));
                }
            }
            proptest::prop_assert_eq!(alone, destinations(&body), "{:?}", body);
        }
    }
}
