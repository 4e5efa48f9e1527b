//! The canonical article: model and parsing.
//!
//! [`parse`] reads one file into an [`Article`] and the diagnostics of every
//! problem found on the way. It never stops at the first problem: a broken
//! field is reported and the rest is still read, so one `check` run shows
//! everything. An [`Article`] comes back only when the fields everything else
//! depends on (`id`, `lang`, `published`, `headline`) are valid.

pub mod body;
pub mod front_matter;
pub mod lang;

use std::ops::Range;
use std::sync::Arc;

use toml::de::DeTable;

pub use body::{Block, Body, Prose};
pub use front_matter::{Field, Text};
pub use lang::parse_lang;

use crate::diag::{Code, Diagnostic};
use crate::segment::{Segment, SegmentKind, body_segments};
use crate::source::SourceFile;
use body::BodyProblem;
use front_matter::{SplitError, TableReader};

/// Longest id accepted: ids become file names.
pub const MAX_ID_LEN: usize = 100;

const TOP_FIELDS: &[&str] = &[
    "id",
    "lang",
    "published",
    "updated",
    "headline",
    "summary",
    "byline",
    "agencies",
    "editions",
    "notices",
    "image",
    "related",
];
const IMAGE_FIELDS: &[&str] = &["src", "alt", "caption", "credit"];
const RELATED_FIELDS: &[&str] = &["kind", "title", "url", "after"];

/// A parsed article.
#[derive(Debug, Clone)]
pub struct Article {
    /// The file it was read from.
    pub file: Arc<SourceFile>,
    /// Its id (valid).
    pub id: Field<String>,
    /// The source language (valid BCP 47, canonical form).
    pub lang: Field<String>,
    /// When it was published.
    pub published: Field<toml::value::Datetime>,
    /// When it was last updated.
    pub updated: Option<Field<toml::value::Datetime>>,
    /// Headline (translatable).
    pub headline: Text,
    /// Summary (translatable).
    pub summary: Option<Text>,
    /// Byline (not translated).
    pub byline: Option<Text>,
    /// Agency ids for the credit line.
    pub agencies: Vec<Text>,
    /// Editions this article asks for, if it names them.
    pub editions: Option<Vec<Text>>,
    /// Notices beyond the newsroom's rules.
    pub notices: Vec<Text>,
    /// The image, if any.
    pub image: Option<Image>,
    /// Promos placed inside the body.
    pub related: Vec<Related>,
    /// The body.
    pub body: Body,
    /// Every translatable segment, in reading order (computed once).
    segments: Vec<Segment>,
}

/// The article's image.
#[derive(Debug, Clone)]
pub struct Image {
    /// Where it is.
    pub src: Text,
    /// Alt text (translatable); required, so missing only in a broken file.
    pub alt: Option<Text>,
    /// Caption (translatable).
    pub caption: Option<Text>,
    /// Photo credit (not translated).
    pub credit: Option<Text>,
}

/// What a promo points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelatedKind {
    /// A photo gallery.
    Gallery,
    /// A video.
    Video,
    /// An audio piece.
    Audio,
    /// Another article.
    Article,
}

impl RelatedKind {
    /// All kinds, by name.
    pub const ALL: [(&'static str, RelatedKind); 4] = [
        ("gallery", RelatedKind::Gallery),
        ("video", RelatedKind::Video),
        ("audio", RelatedKind::Audio),
        ("article", RelatedKind::Article),
    ];

    /// The name used in front matter and in `related-KIND` messages.
    pub fn name(self) -> &'static str {
        match self {
            RelatedKind::Gallery => "gallery",
            RelatedKind::Video => "video",
            RelatedKind::Audio => "audio",
            RelatedKind::Article => "article",
        }
    }
}

/// A promo inside the body.
#[derive(Debug, Clone)]
pub struct Related {
    /// What it points to.
    pub kind: Field<RelatedKind>,
    /// Its title (translatable).
    pub title: Text,
    /// Absolute http(s) URL.
    pub url: Text,
    /// Placed after this top-level body block (1-based).
    pub after: Field<u64>,
}

impl Article {
    /// Every translatable segment, in reading order: headline, summary,
    /// image alt and caption, promo titles, then the body.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    fn compute_segments(&self) -> Vec<Segment> {
        let mut out = Vec::new();
        let mut push = |key: String, kind, text: &Text| {
            out.push(Segment {
                key,
                kind,
                text: text.value.clone(),
                span: text.span.clone(),
            });
        };
        push("headline".into(), SegmentKind::Headline, &self.headline);
        if let Some(summary) = &self.summary {
            push("summary".into(), SegmentKind::Summary, summary);
        }
        if let Some(image) = &self.image {
            if let Some(alt) = &image.alt {
                push("image.alt".into(), SegmentKind::ImageAlt, alt);
            }
            if let Some(caption) = &image.caption {
                push("image.caption".into(), SegmentKind::ImageCaption, caption);
            }
        }
        for (index, related) in self.related.iter().enumerate() {
            push(
                format!("related.{}.title", index + 1),
                SegmentKind::RelatedTitle,
                &related.title,
            );
        }
        let prose = self.body.prose();
        out.extend(body_segments(
            prose.iter().map(|p| (p.text.as_str(), p.span.clone())),
        ));
        out
    }
}

/// Everything [`parse`] read, valid or not: the texts `check` scans even
/// when the article as a whole is unusable.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The article, when its essential fields are valid.
    pub article: Option<Article>,
    /// Every problem found.
    pub diagnostics: Vec<Diagnostic>,
    /// The front-matter range in the file (empty when there is none).
    pub front_matter: Range<usize>,
    /// Top-level body block ranges in the file.
    pub block_spans: Vec<Range<usize>>,
    /// Every string value read from the front matter.
    pub texts: Vec<Text>,
    /// The front-matter texts that are inline Markdown (headline, summary,
    /// byline, image alt, caption and credit, promo titles).
    pub markdown_texts: Vec<Text>,
}

/// Parses an article file.
pub fn parse(file: &Arc<SourceFile>) -> Parsed {
    let mut out = Parsed::default();
    let text = file.text();
    let split = match front_matter::split(text) {
        Ok(split) => split,
        Err(err) => {
            out.diagnostics.push(split_error(file, &err));
            return out;
        }
    };
    out.front_matter = split.front_matter.clone();
    let fm_text = text.get(split.front_matter.clone()).unwrap_or("");
    let fm_start = split.front_matter.start;
    let (table, syntax) = front_matter::parse_toml(file, fm_text, fm_start, "front matter");
    let syntax_ok = syntax.is_empty();
    out.diagnostics.extend(syntax);

    let body_text = text.get(split.body.clone()).unwrap_or("");
    let (body, problems) = body::parse(body_text, split.body.start);
    out.block_spans = body.block_spans.clone();
    for problem in problems {
        out.diagnostics.push(body_problem(file, problem));
    }
    for (comment, _) in &body.comments {
        let written = text.get(comment.clone()).unwrap_or("");
        if let Some(Err((message, help))) = crate::check::suppress::note_directive(written) {
            let end = written.trim_end().len();
            out.diagnostics.push(
                Diagnostic::new(Code::InvalidField, message)
                    .at(file, comment.start..comment.start + end)
                    .help(help),
            );
        }
    }
    if body.blocks.is_empty() {
        out.diagnostics.push(
            Diagnostic::new(Code::EmptyBody, "the article has no body text")
                .at(file, split.body.start..split.body.start)
                .help("write the body after the closing `+++` line"),
        );
    }

    let table_span = 0..fm_text.len();
    let reader = TableReader::new(
        table.get_ref(),
        file,
        fm_start,
        String::new(),
        table_span,
        TOP_FIELDS,
    )
    .with_header(split.open.clone());
    let diags = &mut out.diagnostics;
    let required = |name: &str, value: Option<()>, diags: &mut Vec<Diagnostic>| {
        if value.is_none() && reader.raw(name).is_none() && syntax_ok {
            reader.missing(name, diags);
        }
    };

    let id = reader
        .string("id", diags)
        .and_then(|id| check_id(file, id, diags));
    required("id", id.as_ref().map(|_| ()), diags);

    let lang = reader.string("lang", diags).and_then(|lang| {
        let tag = check_lang(file, &lang, diags)?;
        Some(Field {
            value: tag,
            span: lang.span,
        })
    });
    required("lang", lang.as_ref().map(|_| ()), diags);

    let published = reader.datetime("published", diags);
    required("published", published.as_ref().map(|_| ()), diags);
    let updated = reader.datetime("updated", diags);
    if let (Some(p), Some(u)) = (&published, &updated)
        && datetime_key(&u.value) < datetime_key(&p.value)
    {
        diags.push(
            Diagnostic::new(Code::InvalidField, "`updated` is earlier than `published`")
                .at(file, u.span.clone()),
        );
    }

    let headline = reader.string("headline", diags);
    required("headline", headline.as_ref().map(|_| ()), diags);
    if let Some(h) = &headline
        && h.value.trim().is_empty()
    {
        diags.push(
            Diagnostic::new(Code::MissingField, "`headline` is empty").at(file, h.span.clone()),
        );
    }
    let summary = nonblank(file, "summary", reader.string("summary", diags), diags);
    let byline = nonblank(file, "byline", reader.string("byline", diags), diags);

    let agencies = reader.strings("agencies", diags).unwrap_or_default();
    for (index, agency) in agencies.iter().enumerate() {
        if agencies.iter().take(index).any(|a| a.value == agency.value) {
            diags.push(
                Diagnostic::new(
                    Code::InvalidField,
                    format!(
                        "agency `{}` is listed twice",
                        escape_for_message(&agency.value)
                    ),
                )
                .at(file, agency.span.clone())
                .label("already in `agencies`")
                .help("remove the repeated id: the credit line names each agency once"),
            );
        } else if !is_agency_id(&agency.value) {
            diags.push(
                Diagnostic::new(
                    Code::InvalidField,
                    format!(
                        "agency id `{}` must be lowercase letters, digits and hyphens",
                        agency.value
                    ),
                )
                .at(file, agency.span.clone())
                .help("agency ids name the `agency-ID` message, e.g. `afp`, `reuters`"),
            );
        }
    }
    let editions = reader.strings("editions", diags);
    for edition in editions.iter().flatten() {
        check_lang(file, edition, diags);
    }
    let notices = reader.strings("notices", diags).unwrap_or_default();
    for notice in &notices {
        if !is_message_id(&notice.value) {
            diags.push(
                Diagnostic::new(
                    Code::InvalidField,
                    format!("notice `{}` is not a Fluent message id", notice.value),
                )
                .at(file, notice.span.clone())
                .help("message ids start with a letter and hold letters, digits, `-` and `_`"),
            );
        }
    }

    let image = reader
        .table("image", diags)
        .and_then(|(table, span)| read_image(file, fm_start, table, span, syntax_ok, diags));
    let block_count = body.blocks.len();
    let related = reader
        .tables("related", diags)
        .into_iter()
        .enumerate()
        .filter_map(|(index, (table, span))| {
            read_related(
                file,
                fm_start,
                index,
                table,
                span,
                block_count,
                syntax_ok,
                diags,
            )
        })
        .collect();
    reader.report_unknown(diags);

    // Texts that only inline Markdown may carry: no raw HTML, safe links.
    let mut markdown_texts: Vec<&Text> = Vec::new();
    markdown_texts.extend(headline.iter());
    markdown_texts.extend(summary.iter());
    markdown_texts.extend(byline.iter());
    if let Some(image) = &image {
        markdown_texts.extend(image.alt.iter());
        markdown_texts.extend(image.caption.iter());
        markdown_texts.extend(image.credit.iter());
    }
    let related: Vec<Related> = related;
    markdown_texts.extend(related.iter().map(|r| &r.title));
    for text in &markdown_texts {
        for problem in body::inline_problems(&text.value) {
            out_inline_problem(file, text, problem, diags);
        }
        for block in body::not_inline(&text.value) {
            diags.push(
                Diagnostic::new(
                    Code::TargetNotInline,
                    format!("{} in a front-matter text", block.what),
                )
                .at(file, text.span_of(block.range))
                .label("the edition would fold this into the line before")
                .help("this text is the inline text of one block: write it as one paragraph (line breaks fold to spaces)"),
            );
        }
    }
    out.markdown_texts = markdown_texts.into_iter().cloned().collect();

    // Every string read, for the text-safety scan.
    let mut texts: Vec<Text> = Vec::new();
    texts.extend(id.iter().map(|f| Text {
        value: f.value.clone(),
        span: f.span.clone(),
        content_start: None,
        escapes: None,
    }));
    texts.extend(headline.iter().cloned());
    texts.extend(summary.iter().cloned());
    texts.extend(byline.iter().cloned());
    texts.extend(agencies.iter().cloned());
    texts.extend(notices.iter().cloned());
    if let Some(image) = &image {
        texts.push(image.src.clone());
        texts.extend(image.alt.iter().cloned());
        texts.extend(image.caption.iter().cloned());
        texts.extend(image.credit.iter().cloned());
    }
    for r in &related {
        texts.push(r.title.clone());
        texts.push(r.url.clone());
    }
    out.texts = texts;

    if let (Some(id), Some(lang), Some(published), Some(headline)) = (id, lang, published, headline)
    {
        let mut article = Article {
            file: Arc::clone(file),
            id,
            lang,
            published,
            updated,
            headline,
            summary,
            byline,
            agencies,
            editions,
            notices,
            image,
            related,
            body,
            segments: Vec::new(),
        };
        article.segments = article.compute_segments();
        out.article = Some(article);
    }
    out
}

/// An optional text, reported (`invalid-field`) and dropped when it is
/// empty or blank: an edition would show an empty element, and a
/// translator would get a segment with nothing to translate.
fn nonblank(
    file: &Arc<SourceFile>,
    name: &str,
    text: Option<Text>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Text> {
    let text = text?;
    if !text.value.trim().is_empty() {
        return Some(text);
    }
    diags.push(
        Diagnostic::new(
            Code::InvalidField,
            format!(
                "`{name}` is {}",
                if text.value.is_empty() {
                    "empty"
                } else {
                    "blank"
                }
            ),
        )
        .at(file, text.span.clone())
        .label("expected text")
        .help(format!("write the {name}, or remove the field")),
    );
    None
}

fn split_error(file: &Arc<SourceFile>, err: &SplitError) -> Diagnostic {
    let text = file.text();
    match err {
        SplitError::NoOpening { first_line }
            if text.get(first_line.clone()).is_some_and(|l| l.trim() == "+++") =>
        {
            Diagnostic::new(Code::Syntax, "the front matter fence must be exactly `+++`")
                .at(file, first_line.clone())
                .label("spaces around `+++`")
                .help("remove the spaces before and after `+++` on this line")
        }
        SplitError::NoOpening { first_line }
            if text.get(first_line.clone()).is_some_and(|l| l.trim_end() == "---") =>
        {
            Diagnostic::new(
                Code::Syntax,
                "this file has YAML front matter; article reads TOML between +++ lines",
            )
            .at(file, first_line.clone())
            .label("YAML front matter starts here")
            .help("write the front matter as TOML (`key = \"value\"`) between two lines of exactly `+++`")
        }
        SplitError::Unclosed { open } if almost_fence(text, open.end).is_some() => {
            let at = almost_fence(text, open.end).unwrap_or(open.clone());
            Diagnostic::new(Code::Syntax, "the front matter fence must be exactly `+++`")
                .at(file, at)
                .label("spaces around `+++`: this line does not close the front matter")
                .help("remove the spaces before and after `+++` on this line")
        }
        SplitError::Empty => Diagnostic::new(Code::Syntax, "the file is empty")
            .at(file, 0..0)
            .help("an article starts with a `+++` line, TOML front matter, a closing `+++` line, then the body"),
        SplitError::NoOpening { first_line } => Diagnostic::new(
            Code::Syntax,
            "the article does not start with `+++` front matter",
        )
        .at(file, first_line.clone())
        .label("expected a line of exactly `+++`")
        .help("put the TOML front matter between two lines of exactly `+++` at the top of the file"),
        SplitError::Unclosed { open } => Diagnostic::new(
            Code::Syntax,
            "the front matter is never closed",
        )
        .at(file, open.clone())
        .label("opened here; no closing `+++` line follows")
        .help("add a line of exactly `+++` after the front matter"),
    }
}

/// The first line after `from` that is `+++` with spaces around it.
fn almost_fence(text: &str, from: usize) -> Option<Range<usize>> {
    let mut at = from;
    for line in text.get(from..)?.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content != "+++" && content.trim() == "+++" {
            return Some(at..at + content.len());
        }
        at += line.len();
    }
    None
}

fn body_problem(file: &Arc<SourceFile>, problem: BodyProblem) -> Diagnostic {
    match problem {
        BodyProblem::RawHtml(span) => Diagnostic::new(Code::RawHtml, "raw HTML in the body")
            .at(file, span)
            .label("HTML is not allowed here")
            .help("use Markdown: *emphasis*, **strong**, [links](https://…); to show a `<` write `\\<`"),
        BodyProblem::Url { url, span, image } => Diagnostic::new(
            Code::InvalidUrl,
            format!(
                "{} target `{}` is not allowed",
                if image { "image" } else { "link" },
                escape_for_message(&url)
            ),
        )
        .at(file, span)
        .label("only http, https, mailto and relative links")
        .help("link to an http(s) page instead"),
        BodyProblem::TooDeep(span) => Diagnostic::new(
            Code::NestingTooDeep,
            format!(
                "block quotes and lists nest deeper than {} levels",
                body::MAX_NESTING
            ),
        )
        .at(file, span)
        .label("too deep from here on"),
        BodyProblem::Markdown {
            code,
            span,
            message,
            help,
        } => Diagnostic::new(code, message).at(file, span).help(help),
        BodyProblem::Empty { span, what } => {
            Diagnostic::new(Code::EmptyText, format!("{what} in the body"))
                .at(file, span)
                .label("nothing here")
                .help("write its text, or remove it")
        }
    }
}

fn out_inline_problem(
    file: &Arc<SourceFile>,
    text: &Text,
    problem: BodyProblem,
    diags: &mut Vec<Diagnostic>,
) {
    let diag = match problem {
        BodyProblem::RawHtml(range) => {
            Diagnostic::new(Code::RawHtml, "raw HTML in a front-matter text")
                .at(file, text.span_of(range))
                .label("HTML is not allowed here")
                .help("use Markdown, or write `\\<` for a literal `<`")
        }
        BodyProblem::Url { url, span, .. } => Diagnostic::new(
            Code::InvalidUrl,
            format!("link target `{}` is not allowed", escape_for_message(&url)),
        )
        .at(file, text.span_of(span))
        .label("only http, https, mailto and relative links"),
        BodyProblem::TooDeep(range) => Diagnostic::new(Code::NestingTooDeep, "text nests too deep")
            .at(file, text.span_of(range)),
        BodyProblem::Markdown {
            code,
            span,
            message,
            help,
        } => Diagnostic::new(code, message)
            .at(file, text.span_of(span))
            .help(help),
        BodyProblem::Empty { span, what } => {
            Diagnostic::new(Code::EmptyText, format!("{what} in a front-matter text"))
                .at(file, text.span_of(span))
                .label("nothing here")
                .help("write its text, or remove it")
        }
    };
    diags.push(diag);
}

/// Shows a hostile value in a message without letting it control the terminal.
fn escape_for_message(value: &str) -> String {
    let mut out: String = value
        .chars()
        .take(80)
        .flat_map(char::escape_debug)
        .collect();
    if value.chars().count() > 80 {
        out.push('…');
    }
    out
}

/// Whether `id` is a valid article id (it becomes a file name).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn check_id(
    file: &Arc<SourceFile>,
    id: Text,
    diags: &mut Vec<Diagnostic>,
) -> Option<Field<String>> {
    if is_valid_id(&id.value) {
        return Some(Field {
            value: id.value,
            span: id.span,
        });
    }
    let why = if id.value.len() > MAX_ID_LEN {
        format!(
            "it is {} bytes long; at most {MAX_ID_LEN} are allowed",
            id.value.len()
        )
    } else {
        "ids are lowercase letters and digits in words joined by single hyphens".to_owned()
    };
    let suggestion = slug(&id.value);
    let mut diag = Diagnostic::new(
        Code::InvalidId,
        format!("invalid article id `{}`", escape_for_message(&id.value)),
    )
    .at(file, id.span)
    .label(why);
    if is_valid_id(&suggestion) {
        diag = diag.help(format!("use `{suggestion}`"));
    }
    diags.push(diag);
    None
}

/// A valid id made from any text, for suggestions.
fn slug(text: &str) -> String {
    let lowered: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let joined = lowered
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    joined
        .chars()
        .take(MAX_ID_LEN)
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned()
}

fn check_lang(file: &Arc<SourceFile>, lang: &Text, diags: &mut Vec<Diagnostic>) -> Option<String> {
    let tag = parse_lang(&lang.value);
    if tag.is_none() {
        diags.push(lang::lang_diagnostic(&lang.value).at(file, lang.span.clone()));
    }
    tag
}

fn is_agency_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Whether `id` can name a Fluent message.
pub fn is_message_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A sortable key for comparing offset date-times as instants.
fn datetime_key(dt: &toml::value::Datetime) -> Option<i128> {
    let date = dt.date?;
    let time = dt.time?;
    let offset_minutes: i64 = match dt.offset? {
        toml::value::Offset::Z => 0,
        toml::value::Offset::Custom { minutes } => i64::from(minutes),
    };
    let days = days_from_civil(
        i64::from(date.year),
        i64::from(date.month),
        i64::from(date.day),
    );
    let seconds = days * 86_400
        + i64::from(time.hour) * 3600
        + i64::from(time.minute) * 60
        + i64::from(time.second.unwrap_or(0))
        - offset_minutes * 60;
    Some(i128::from(seconds) * 1_000_000_000 + i128::from(time.nanosecond.unwrap_or(0)))
}

/// The calendar date and time of day of `dt` in the UTC offset of
/// `zone` (a date-time with an offset, like `published`): (year, month,
/// day, hour, minute). `None` when either lacks a date, time or offset.
pub fn local_in(
    dt: &toml::value::Datetime,
    zone: &toml::value::Datetime,
) -> Option<(i64, u8, u8, u8, u8)> {
    let offset_minutes = |dt: &toml::value::Datetime| -> Option<i64> {
        Some(match dt.offset? {
            toml::value::Offset::Z => 0,
            toml::value::Offset::Custom { minutes } => i64::from(minutes),
        })
    };
    let instant = datetime_key(dt)?.div_euclid(1_000_000_000);
    let local = i64::try_from(instant).ok()? + offset_minutes(zone)? * 60;
    let days = local.div_euclid(86_400);
    let seconds = local.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    Some((
        year,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
        u8::try_from(seconds / 3600).ok()?,
        u8::try_from(seconds % 3600 / 60).ok()?,
    ))
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (H.
/// Hinnant's algorithm): (year, month, day).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn read_image(
    file: &Arc<SourceFile>,
    fm_start: usize,
    table: &DeTable<'_>,
    span: Range<usize>,
    syntax_ok: bool,
    diags: &mut Vec<Diagnostic>,
) -> Option<Image> {
    let reader = TableReader::new(table, file, fm_start, "image.".into(), span, IMAGE_FIELDS);
    let src = reader.string("src", diags);
    if src.is_none() && reader.raw("src").is_none() && syntax_ok {
        reader.missing("src", diags);
    }
    let alt = reader.string("alt", diags);
    match &alt {
        None if reader.raw("alt").is_none() => diags.push(
            Diagnostic::new(Code::MissingAlt, "the image has no `alt` text")
                .at(file, reader.header_span())
                .label("`[image]` needs `alt`")
                .help("add `alt = \"…\"` describing what the picture shows"),
        ),
        Some(alt) if alt.value.trim().is_empty() => diags.push(
            Diagnostic::new(Code::MissingAlt, "the image's `alt` text is empty")
                .at(file, alt.span.clone())
                .help("describe what the picture shows"),
        ),
        _ => {}
    }
    let caption = nonblank(
        file,
        "image.caption",
        reader.string("caption", diags),
        diags,
    );
    let credit = nonblank(file, "image.credit", reader.string("credit", diags), diags);
    reader.report_unknown(diags);
    let src = src?;
    if !is_allowed_image_src(&src.value) {
        diags.push(
            Diagnostic::new(
                Code::InvalidUrl,
                format!(
                    "image `src` `{}` is not allowed",
                    escape_for_message(&src.value)
                ),
            )
            .at(file, src.span.clone())
            .label("expected a relative path or an http(s) URL"),
        );
    }
    Some(Image {
        src,
        alt,
        caption,
        credit,
    })
}

fn is_allowed_image_src(src: &str) -> bool {
    !src.trim().is_empty()
        && match body::scheme(src.trim()) {
            None => true,
            Some(scheme) => scheme == "http" || scheme == "https",
        }
}

/// Whether `url` is an absolute http(s) URL with a host.
pub fn is_absolute_http(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

#[allow(clippy::too_many_arguments)]
fn read_related(
    file: &Arc<SourceFile>,
    fm_start: usize,
    index: usize,
    table: &DeTable<'_>,
    span: Range<usize>,
    block_count: usize,
    syntax_ok: bool,
    diags: &mut Vec<Diagnostic>,
) -> Option<Related> {
    let n = index + 1;
    let reader = TableReader::new(
        table,
        file,
        fm_start,
        format!("related.{n}."),
        span,
        RELATED_FIELDS,
    );
    let kind = reader.string("kind", diags).and_then(|kind| {
        match RelatedKind::ALL
            .iter()
            .find(|(name, _)| *name == kind.value)
        {
            Some((_, value)) => Some(Field {
                value: *value,
                span: kind.span,
            }),
            None => {
                let names: Vec<&str> = RelatedKind::ALL.iter().map(|(n, _)| *n).collect();
                let mut diag = Diagnostic::new(
                    Code::InvalidField,
                    format!(
                        "`related.{n}.kind` `{}` is not a promo kind",
                        escape_for_message(&kind.value)
                    ),
                )
                .at(file, kind.span.clone())
                .label(format!("expected one of {}", names.join(", ")));
                if let Some(best) = front_matter::did_you_mean(&kind.value, &names) {
                    diag = diag.help(format!("did you mean `{best}`?"));
                }
                diags.push(diag);
                None
            }
        }
    });
    let title = reader.string("title", diags);
    let title_given = title.is_some();
    let title = nonblank(file, &format!("related.{n}.title"), title, diags);
    let url = reader.string("url", diags);
    let blocks = |n: usize| format!("{n} block{}", if n == 1 { "" } else { "s" });
    let after = match reader.raw("after") {
        // A position below 1 is out of range, like one past the end.
        Some(value) if matches!(value.get_ref(), toml::de::DeValue::Integer(int) if int.as_str().starts_with('-')) =>
        {
            let written = file
                .text()
                .get(fm_start + value.span().start..fm_start + value.span().end)
                .unwrap_or("")
                .to_owned();
            diags.push(
                Diagnostic::new(
                    Code::InvalidField,
                    format!(
                        "`related.{n}.after` is {written}, but the body has {}",
                        blocks(block_count)
                    ),
                )
                .at(
                    file,
                    fm_start + value.span().start..fm_start + value.span().end,
                )
                .label(format!("expected 1 to {block_count}")),
            );
            None
        }
        _ => reader.unsigned("after", diags),
    };
    for (name, present) in [
        ("kind", kind.is_some()),
        ("title", title_given),
        ("url", url.is_some()),
        ("after", after.is_some()),
    ] {
        if !present && reader.raw(name).is_none() && syntax_ok {
            reader.missing(name, diags);
        }
    }
    reader.report_unknown(diags);
    if let Some(url) = &url
        && !is_absolute_http(&url.value)
    {
        diags.push(
            Diagnostic::new(
                Code::InvalidUrl,
                format!(
                    "promo URL `{}` is not an absolute http(s) URL",
                    escape_for_message(&url.value)
                ),
            )
            .at(file, url.span.clone())
            .label("expected https://…"),
        );
    }
    if let Some(after) = &after
        && (after.value == 0 || after.value as usize > block_count.max(1))
    {
        diags.push(
            Diagnostic::new(
                Code::InvalidField,
                format!(
                    "`related.{n}.after` is {}, but the body has {}",
                    after.value,
                    blocks(block_count)
                ),
            )
            .at(file, after.span.clone())
            .label(format!("expected 1 to {block_count}")),
        );
    }
    Some(Related {
        kind: kind?,
        title: title?,
        url: url?,
        after: after?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(text: &str) -> toml::value::Datetime {
        text.parse().unwrap()
    }

    #[test]
    fn date_times_in_another_offset() {
        let zone = dt("2026-04-27T09:30:00+03:00");
        assert_eq!(local_in(&zone, &zone), Some((2026, 4, 27, 9, 30)));
        assert_eq!(
            local_in(&dt("2026-04-27T21:05:00Z"), &zone),
            Some((2026, 4, 28, 0, 5))
        );
        assert_eq!(
            local_in(
                &dt("2024-03-01T01:00:00+05:00"),
                &dt("2024-01-01T00:00:00-10:00")
            ),
            Some((2024, 2, 29, 10, 0)),
            "a leap day"
        );
        assert_eq!(local_in(&dt("2026-04-27"), &zone), None);
        for days in [-800_000, -1, 0, 1, 19_000, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
