//! An edition: one article resolved for one language, everything a renderer
//! needs and nothing it has to look up: translated texts (or, in a draft,
//! the source text marked with its language), the dateline with the
//! locale's CLDR long date, promos placed in the body, the credit line with
//! the locale's "and" list, the about box through the locale's plural
//! rules, and the legal notices, which never fall back to another language.

use std::collections::HashMap;

use fluent_bundle::{FluentArgs, FluentValue};

use crate::article::{Article, Block};
use crate::l10n::bundles::{CldrCache, EditionL10n, Formatted};
use crate::l10n::translit::Scheme;
use crate::newsroom::Newsroom;

/// Text direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dir {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

/// A text of the edition: inline Markdown, and the language it is in when
/// that is not the edition's (source text standing in, in a draft).
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// Inline Markdown.
    pub markdown: String,
    /// `Some(source language)` when this is untranslated source text.
    pub fallback_lang: Option<String>,
}

impl Text {
    fn own(markdown: impl Into<String>) -> Text {
        Text {
            markdown: markdown.into(),
            fallback_lang: None,
        }
    }
}

/// A promo placed in the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Promo {
    /// `gallery`, `video`, `audio`, `article`.
    pub kind: String,
    /// The label (`related-KIND`).
    pub label: String,
    /// The title.
    pub title: Text,
    /// The link.
    pub url: String,
    /// The call to action (`related-open`).
    pub open: String,
}

/// A block of an edition's body.
#[derive(Debug, Clone, PartialEq)]
pub enum EdBlock {
    /// A paragraph.
    Paragraph(Text),
    /// A heading.
    Heading {
        /// 1 to 6.
        level: u8,
        /// Its text.
        text: Text,
    },
    /// A list.
    List {
        /// First number of an ordered list.
        start: Option<u64>,
        /// Items.
        items: Vec<Vec<EdBlock>>,
    },
    /// A block quote.
    Quote(Vec<EdBlock>),
    /// A code block.
    Code {
        /// Info string.
        info: String,
        /// Code.
        text: String,
    },
    /// A thematic break.
    Rule,
    /// A promo.
    Promo(Promo),
}

/// The dateline.
#[derive(Debug, Clone, PartialEq)]
pub struct Dateline {
    /// RFC 3339 date-time.
    pub iso: String,
    /// The formatted line (inline Markdown).
    pub text: String,
}

/// The image.
#[derive(Debug, Clone, PartialEq)]
pub struct EdImage {
    /// Where it is.
    pub src: String,
    /// Alt text.
    pub alt: Text,
    /// Caption.
    pub caption: Option<Text>,
    /// Credit.
    pub credit: Option<String>,
}

/// A legal notice.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Its message id.
    pub id: String,
    /// Its text (inline Markdown).
    pub text: String,
}

/// A resolved edition.
#[derive(Debug, Clone, PartialEq)]
pub struct Edition {
    /// Article id.
    pub id: String,
    /// Edition language.
    pub lang: String,
    /// Direction.
    pub dir: Dir,
    /// The article's language.
    pub source_lang: String,
    /// Whether every segment is translated (false only in drafts).
    pub complete: bool,
    /// Headline.
    pub headline: Text,
    /// Summary.
    pub summary: Option<Text>,
    /// Published line.
    pub published: Dateline,
    /// Updated line.
    pub updated: Option<Dateline>,
    /// Byline.
    pub byline: Option<String>,
    /// Image.
    pub image: Option<EdImage>,
    /// Body with promos placed.
    pub body: Vec<EdBlock>,
    /// Credit line.
    pub credit: Option<String>,
    /// About box.
    pub about: Option<String>,
    /// Notices.
    pub notices: Vec<Notice>,
    /// Keys of the segments shown in the source language (a draft).
    pub fallback_keys: Vec<String>,
    /// Messages shown that came from a bundle of another language than the
    /// edition's: (message id, locale of that bundle). Renderers mark their
    /// text with that language.
    pub foreign_messages: Vec<(String, String)>,
    /// In a draft (not `complete`): the notice that the edition is
    /// incomplete (`edition-incomplete`).
    pub incomplete_notice: Option<String>,
    /// In a draft: what untranslated text is (`draft-untranslated`), the
    /// title of each source-text span in HTML.
    pub untranslated_title: Option<String>,
}

impl Edition {
    /// The language of message `id` as shown, when it is not the edition's.
    pub fn foreign_lang(&self, id: &str) -> Option<&str> {
        self.foreign_messages
            .iter()
            .find(|(m, _)| m == id)
            .map(|(_, locale)| locale.as_str())
    }
}

/// Whether a bundle of `locale` is in the language of an edition in
/// `lang`: the same language subtag (`sr-Cyrl` serves `sr-Latn`), or the
/// language CLDR knows `lang` under (`sh` is `sr-Latn`).
pub fn same_language(lang: &str, locale: &str) -> bool {
    let language = |tag: &str| {
        tag.split(['-', '_'])
            .next()
            .unwrap_or(tag)
            .to_ascii_lowercase()
    };
    let theirs = language(locale);
    language(lang) == theirs
        || crate::l10n::bundles::alias(lang).is_some_and(|alias| language(alias) == theirs)
}

/// Why an edition is not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Segments not publishable (their keys).
    Incomplete(Vec<String>),
    /// Notices its own language lacks (their ids).
    MissingNotices(Vec<String>),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Incomplete(keys) => {
                let shown: Vec<&str> = keys.iter().take(8).map(String::as_str).collect();
                write!(
                    f,
                    "incomplete: {} segment{} not translated ({}",
                    keys.len(),
                    if keys.len() == 1 { "" } else { "s" },
                    shown.join(", ")
                )?;
                if keys.len() > shown.len() {
                    write!(f, ", …")?;
                }
                write!(f, "); --draft writes it with the source text")
            }
            Refusal::MissingNotices(ids) => write!(
                f,
                "it must carry the legal notice{} {} and no bundle of its language has {}",
                if ids.len() == 1 { "" } else { "s" },
                ids.join(", "),
                if ids.len() == 1 { "it" } else { "them" }
            ),
        }
    }
}

/// What else the resolution noticed (for `check`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notes {
    /// Messages the tool needed that no bundle had.
    pub missing_messages: Vec<String>,
    /// CLDR services that came from another locale: (service, locale used).
    pub cldr_fallbacks: Vec<(String, String)>,
    /// Fluent formatting errors: (message, error, locale of its bundle).
    pub fluent_errors: Vec<(String, String, String)>,
    /// Messages whose value holds raw HTML or an unsafe link: (message, locale).
    pub unsafe_messages: Vec<(String, String)>,
    /// Agency ids no bundle of the chain names (`agency-ID`), shown as the
    /// id itself: (id, the known agency id it is probably a typo of).
    pub unknown_agencies: Vec<(String, Option<String>)>,
    /// Messages shown from a bundle of another language than the edition's:
    /// (message id, locale of that bundle), each once.
    pub foreign_messages: Vec<(String, String)>,
}

impl Notes {
    fn came_from(&mut self, lang: &str, id: &str, locale: &str) {
        if !same_language(lang, locale) && !self.foreign_messages.iter().any(|(m, _)| m == id) {
            self.foreign_messages
                .push((id.to_owned(), locale.to_owned()));
        }
    }
}

/// Everything needed to resolve editions of one article.
pub struct Inputs<'a> {
    /// The article.
    pub article: &'a Article,
    /// Its newsroom.
    pub newsroom: &'a Newsroom,
    /// The edition's localization.
    pub l10n: &'a EditionL10n,
    /// CLDR formatters.
    pub cldr: &'a CldrCache,
    /// Publishable targets by key; `None` for the source-language edition.
    pub targets: Option<&'a HashMap<String, String>>,
    /// Transliteration for a derived edition.
    pub translit: Option<Scheme>,
    /// Write incomplete editions with source text.
    pub draft: bool,
}

/// Resolves the edition in `lang` of `article`, whose translation into
/// the edition's text language is `targets` (`None` for the article's own
/// language). `Err` when the newsroom derives `lang` by a transliteration
/// the tool does not have.
pub fn resolve_for(
    article: &Article,
    targets: Option<&HashMap<String, String>>,
    newsroom: &Newsroom,
    stack: &crate::l10n::bundles::Stack,
    cldr: &CldrCache,
    lang: &str,
    draft: bool,
) -> Result<(Result<Edition, Refusal>, Notes), String> {
    let source = article.lang.value.as_str();
    let derived_from = newsroom.derived_from(lang);
    let translit = derived_from.and_then(|from| Scheme::for_pair(from, lang));
    if let (Some(from), None) = (derived_from, translit) {
        return Err(format!(
            "newsroom.toml derives {lang} from {from}, but only these transliterations are supported: {}",
            Scheme::SUPPORTED
                .iter()
                .map(|(a, b)| format!("{b} from {a}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let l10n = stack.edition_with(lang, source, derived_from, newsroom.stand_ins(lang));
    Ok(resolve(&Inputs {
        article,
        newsroom,
        l10n: &l10n,
        cldr,
        targets,
        translit,
        draft,
    }))
}

/// What a dateline shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    /// A calendar date (proleptic Gregorian): year, month, day.
    Date(i32, u8, u8),
    /// A time of day: hour, minute.
    Time(u8, u8),
    /// Nothing known (a date-time without a date, which `check` refuses).
    Nothing,
}

/// Resolves an edition.
pub fn resolve(inputs: &Inputs<'_>) -> (Result<Edition, Refusal>, Notes) {
    let mut notes = Notes::default();
    let article = inputs.article;
    let l10n = inputs.l10n;
    let lang = l10n.lang.clone();
    let segments = article.segments();
    let key_of: HashMap<&str, &str> = segments
        .iter()
        .map(|s| (s.text.as_str(), s.key.as_str()))
        .collect();
    let mut missing: Vec<String> = Vec::new();
    let mut text_for = |key: &str, source: &str| -> Text {
        let translated = match inputs.targets {
            None => Some(source.to_owned()),
            Some(targets) => targets.get(key).cloned(),
        };
        match translated {
            Some(text) => Text::own(match inputs.translit {
                Some(scheme) => scheme.markdown(&text),
                None => text,
            }),
            None => {
                if !missing.iter().any(|k| k == key) {
                    missing.push(key.to_owned());
                }
                Text {
                    markdown: source.to_owned(),
                    fallback_lang: Some(article.lang.value.clone()),
                }
            }
        }
    };

    let headline = text_for("headline", &article.headline.value);
    let summary = article
        .summary
        .as_ref()
        .map(|s| text_for("summary", &s.value));
    let image = article.image.as_ref().map(|image| EdImage {
        src: image.src.value.clone(),
        alt: image
            .alt
            .as_ref()
            .map_or_else(|| Text::own(""), |alt| text_for("image.alt", &alt.value)),
        caption: image
            .caption
            .as_ref()
            .map(|c| text_for("image.caption", &c.value)),
        credit: image.credit.as_ref().map(|c| c.value.clone()),
    });

    let message = |id: &str, args: Option<&FluentArgs<'_>>, notes: &mut Notes| -> Option<String> {
        match l10n.message(id, args) {
            Some(Formatted {
                text,
                errors,
                locale,
                ..
            }) => {
                for error in errors {
                    notes
                        .fluent_errors
                        .push((id.to_owned(), error, locale.clone()));
                }
                notes.came_from(&lang, id, &locale);
                if crate::article::body::is_unsafe_inline(&text) {
                    notes.unsafe_messages.push((id.to_owned(), locale));
                }
                Some(text)
            }
            None => {
                if !notes.missing_messages.iter().any(|m| m == id) {
                    notes.missing_messages.push(id.to_owned());
                }
                None
            }
        }
    };

    // The dateline.
    let chain = l10n.cldr(inputs.cldr);
    // `shown`: the date (or, for an update made the day the article was
    // published, the time of day) the line shows.
    let dateline =
        |dt: &toml::value::Datetime, id: &str, shown: Shown, notes: &mut Notes| -> Dateline {
            let iso = dt.to_string();
            let date = match shown {
                Shown::Time(hour, minute) => {
                    let mut found = None;
                    for (i, (tag, cldr)) in chain.iter().enumerate() {
                        if let Ok(text) = cldr.time(hour, minute) {
                            found = Some((text, (i > 0).then(|| tag.clone())));
                            break;
                        }
                    }
                    Some(found.unwrap_or_else(|| (format!("{hour:02}:{minute:02}"), None)))
                }
                Shown::Date(year, month, day) => {
                    let mut found = None;
                    for (i, (tag, cldr)) in chain.iter().enumerate() {
                        if let Ok(text) = cldr.long_date(year, month, day) {
                            found = Some((text, (i > 0).then(|| tag.clone())));
                            break;
                        }
                    }
                    Some(found.unwrap_or_else(|| (format!("{year:04}-{month:02}-{day:02}"), None)))
                }
                Shown::Nothing => None,
            };
            let (date_text, fallback) = date.unwrap_or_default();
            if let Some(tag) = fallback {
                notes.cldr_fallbacks.push(("dates".into(), tag));
            }
            let mut args = FluentArgs::new();
            args.set("date", FluentValue::from(date_text.clone()));
            let text = message(id, Some(&args), notes).unwrap_or(date_text);
            Dateline { iso, text }
        };
    // Both dates are shown in the article's own UTC offset (that of
    // `published`); an update made the day the article was published shows
    // its time: it says more than the same date twice.
    let zone = &article.published.value;
    let local = |dt: &toml::value::Datetime| -> Shown {
        if let Some((year, month, day, ..)) = crate::article::local_in(dt, zone)
            && let Ok(year) = i32::try_from(year)
        {
            return Shown::Date(year, month, day);
        }
        match dt.date {
            Some(d) => Shown::Date(i32::from(d.year), d.month, d.day),
            None => Shown::Nothing,
        }
    };
    let published_day = local(zone);
    let published = dateline(zone, "published", published_day, &mut notes);
    let updated = article.updated.as_ref().map(|u| {
        let updated_day = local(&u.value);
        let shown = match crate::article::local_in(&u.value, zone) {
            Some((.., hour, minute))
                if matches!(published_day, Shown::Date(..)) && published_day == updated_day =>
            {
                Shown::Time(hour, minute)
            }
            _ => updated_day,
        };
        dateline(&u.value, "updated", shown, &mut notes)
    });

    // The body, with promos after their blocks.
    let mut body: Vec<EdBlock> = Vec::new();
    for (index, block) in article.body.blocks.iter().enumerate() {
        body.push(convert(block, &key_of, &mut text_for));
        for (n, related) in article.related.iter().enumerate() {
            let after = usize::try_from(related.after.value).unwrap_or(usize::MAX);
            let last = index + 1 == article.body.blocks.len();
            if after == index + 1 || (last && after > index + 1) {
                let kind = related.kind.value.name();
                body.push(EdBlock::Promo(Promo {
                    kind: kind.to_owned(),
                    label: message(&format!("related-{kind}"), None, &mut notes)
                        .unwrap_or_else(|| kind.to_uppercase()),
                    title: text_for(&format!("related.{}.title", n + 1), &related.title.value),
                    url: related.url.value.clone(),
                    open: message("related-open", None, &mut notes).unwrap_or_default(),
                }));
            }
        }
    }

    // The credit line.
    let credit = if article.agencies.is_empty() {
        None
    } else {
        let names: Vec<String> = article
            .agencies
            .iter()
            .map(|a| {
                let id = format!("agency-{}", a.value);
                match l10n.message(&id, None) {
                    Some(formatted) => {
                        notes.came_from(&lang, &id, &formatted.locale);
                        for error in formatted.errors {
                            notes
                                .fluent_errors
                                .push((id.clone(), error, formatted.locale.clone()));
                        }
                        formatted.text
                    }
                    None if notes.unknown_agencies.iter().any(|(id, _)| *id == a.value) => {
                        a.value.clone()
                    }
                    None => {
                        let known = known_agencies(l10n);
                        let names: Vec<&str> = known.iter().map(String::as_str).collect();
                        notes.unknown_agencies.push((
                            a.value.clone(),
                            suggest_agency(&a.value, &names).map(str::to_owned),
                        ));
                        a.value.clone()
                    }
                }
            })
            .collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut list = None;
        for (i, (tag, cldr)) in chain.iter().enumerate() {
            if let Ok(text) = cldr.and_list(&refs) {
                if i > 0 {
                    notes.cldr_fallbacks.push(("lists".into(), tag.clone()));
                }
                list = Some(text);
                break;
            }
        }
        let list = list.unwrap_or_else(|| names.join(", "));
        let mut args = FluentArgs::new();
        args.set("agencies", FluentValue::from(list.clone()));
        args.set("count", FluentValue::from(names.len()));
        Some(message("credit-line", Some(&args), &mut notes).unwrap_or(list))
    };

    // The about box, when the newsroom has one.
    let about = if l10n.message("about", None).is_some() || !inputs.newsroom.brand.is_empty() {
        let mut args = FluentArgs::new();
        for (name, value) in &inputs.newsroom.brand {
            args.set(name.clone(), FluentValue::from(*value));
        }
        message("about", Some(&args), &mut notes)
    } else {
        None
    };

    // Notices: by rule, then the article's own; never from another language.
    let mut notice_ids: Vec<String> = inputs
        .newsroom
        .notices
        .iter()
        .filter(|rule| rule.applies_to(&lang))
        .map(|rule| rule.id.clone())
        .collect();
    for id in &article.notices {
        if !notice_ids.contains(&id.value) {
            notice_ids.push(id.value.clone());
        }
    }
    let mut notices = Vec::new();
    let mut missing_notices = Vec::new();
    for id in notice_ids {
        match l10n.notice(&id) {
            Some(formatted) => {
                for error in &formatted.errors {
                    notes
                        .fluent_errors
                        .push((id.clone(), error.clone(), formatted.locale.clone()));
                }
                if crate::article::body::is_unsafe_inline(&formatted.text) {
                    notes
                        .unsafe_messages
                        .push((id.clone(), formatted.locale.clone()));
                }
                notices.push(Notice {
                    id,
                    text: formatted.text,
                });
            }
            None => missing_notices.push(id),
        }
    }

    // A draft says so, in the edition's language.
    let (incomplete_notice, untranslated_title) = if missing.is_empty() {
        (None, None)
    } else {
        (
            message("edition-incomplete", None, &mut notes),
            message("draft-untranslated", None, &mut notes),
        )
    };

    let edition = Edition {
        id: article.id.value.clone(),
        lang: lang.clone(),
        dir: if l10n.rtl { Dir::Rtl } else { Dir::Ltr },
        source_lang: article.lang.value.clone(),
        complete: missing.is_empty(),
        fallback_keys: missing.clone(),
        foreign_messages: notes.foreign_messages.clone(),
        incomplete_notice,
        untranslated_title,
        headline,
        summary,
        published,
        updated,
        byline: article.byline.as_ref().map(|b| b.value.clone()),
        image,
        body,
        credit,
        about,
        notices,
    };
    let result = if !missing_notices.is_empty() {
        Err(Refusal::MissingNotices(missing_notices))
    } else if !missing.is_empty() && !inputs.draft {
        Err(Refusal::Incomplete(missing))
    } else {
        Ok(edition)
    };
    (result, notes)
}

/// The agency ids the bundles of an edition's chain name (`agency-ID = …`),
/// sorted, each once.
fn known_agencies(l10n: &EditionL10n) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for layer in &l10n.layers {
        for file in &layer.bundle.files {
            for line in file.text().lines() {
                let Some(rest) = line.strip_prefix("agency-") else {
                    continue;
                };
                let id: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
                    .collect();
                let after = rest.get(id.len()..).unwrap_or("");
                if !id.is_empty() && after.trim_start().starts_with('=') {
                    ids.push(id);
                }
            }
        }
    }
    ids.sort();
    ids.dedup();
    ids
}

/// The known agency id `id` is most likely a typo of: one edit away (two
/// for ids longer than four letters; a swap of two letters is one edit).
pub fn suggest_agency<'a>(id: &str, known: &[&'a str]) -> Option<&'a str> {
    let most = if id.chars().count() > 4 { 2 } else { 1 };
    known
        .iter()
        .map(|k| (strsim::osa_distance(id, k), *k))
        .filter(|(distance, _)| *distance <= most)
        .min()
        .map(|(_, k)| k)
}

fn convert(
    block: &Block,
    key_of: &HashMap<&str, &str>,
    text_for: &mut dyn FnMut(&str, &str) -> Text,
) -> EdBlock {
    let mut prose = |text: &str| {
        let key = key_of.get(text).copied().unwrap_or("");
        text_for(key, text)
    };
    match block {
        Block::Paragraph(p) => EdBlock::Paragraph(prose(&p.text)),
        Block::Heading { level, prose: p } => EdBlock::Heading {
            level: *level,
            text: prose(&p.text),
        },
        Block::List { start, items } => EdBlock::List {
            start: *start,
            items: items
                .iter()
                .map(|item| item.iter().map(|b| convert(b, key_of, text_for)).collect())
                .collect(),
        },
        Block::Quote(blocks) => EdBlock::Quote(
            blocks
                .iter()
                .map(|b| convert(b, key_of, text_for))
                .collect(),
        ),
        Block::Code { info, text } => EdBlock::Code {
            info: info.clone(),
            text: text.clone(),
        },
        Block::Rule => EdBlock::Rule,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::{Inputs, resolve, same_language};
    use crate::article::parse;
    use crate::l10n::bundles::{CldrCache, Stack};
    use crate::newsroom::Newsroom;
    use crate::source::SourceFile;

    #[test]
    fn same_language_ignores_script_and_region() {
        assert!(same_language("sr-Latn", "sr-Cyrl"));
        assert!(same_language("en-GB", "en"));
        assert!(same_language("sh", "sr-Latn"));
        assert!(!same_language("tk", "en"));
        assert!(!same_language("crh", "tr"));
    }

    fn foreign(lang: &str) -> Vec<(String, String)> {
        let text = "+++\nid = \"p\"\nlang = \"en\"\npublished = 2026-04-27T14:30:00Z\nheadline = \"H\"\nagencies = [\"afp\"]\n+++\nBody.\n";
        let file = Arc::new(SourceFile::new("p.md", None, text.to_owned()));
        let article = parse(&file).article.expect("valid article");
        let stack = Stack::load(None, None).expect("built-in bundles");
        let newsroom = Newsroom::builtin();
        let l10n = stack.edition(lang, "en", None);
        let cldr = CldrCache::default();
        let (edition, notes) = resolve(&Inputs {
            article: &article,
            newsroom: &newsroom,
            l10n: &l10n,
            cldr: &cldr,
            targets: None,
            translit: None,
            draft: true,
        });
        let edition = edition.expect("an edition");
        assert_eq!(edition.foreign_messages, notes.foreign_messages);
        notes.foreign_messages
    }

    #[test]
    fn messages_from_another_language_are_noted() {
        assert!(foreign("de").is_empty());
        assert!(foreign("en").is_empty());
        // Lithuanian has no built-in bundle (Turkmen has one now).
        assert!(foreign("tk").is_empty());
        let lt = foreign("lt");
        for id in ["published", "credit-line", "agency-afp"] {
            assert!(
                lt.iter().any(|(m, locale)| m == id && locale == "en"),
                "{id}: {lt:?}"
            );
        }
    }
}

#[cfg(test)]
mod properties {
    use std::sync::Arc;

    use proptest::prelude::*;

    use super::{Inputs, resolve};
    use crate::article::parse;
    use crate::l10n::bundles::{CldrCache, Stack};
    use crate::newsroom::Newsroom;
    use crate::render::{Format, RenderOptions, render};
    use crate::source::SourceFile;

    fn inline() -> impl Strategy<Value = String> {
        let word = "[A-Za-zА-Яа-я]{1,8}";
        prop::collection::vec(
            prop_oneof![
                word.prop_map(|w| w),
                word.prop_map(|w| format!("*{w}*")),
                word.prop_map(|w| format!("**{w}**")),
                word.prop_map(|w| format!("`{w}`")),
                word.prop_map(|w| format!("[{w}](https://a.example/{w})")),
                "[0-9]{1,4}".prop_map(|n| n),
            ],
            1..8,
        )
        .prop_map(|parts| parts.join(" "))
    }

    fn block() -> impl Strategy<Value = String> {
        prop_oneof![
            inline(),
            inline().prop_map(|t| format!("## {t}")),
            prop::collection::vec(inline(), 1..4).prop_map(|items| items
                .iter()
                .map(|i| format!("- {i}"))
                .collect::<Vec<_>>()
                .join("\n")),
            inline().prop_map(|t| format!("> {t}")),
        ]
    }

    fn prose(text: &str) -> Vec<String> {
        let (body, _) = crate::article::body::parse(text, 0);
        body.prose().into_iter().map(|p| p.text.clone()).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// An article's body, rendered as the Markdown edition of its own
        /// language and parsed again, has the same segments.
        #[test]
        fn parse_render_parse_is_stable(blocks in prop::collection::vec(block(), 1..8)) {
            let body = blocks.join("\n\n") + "\n";
            let text = format!("+++\nid = \"p\"\nlang = \"en\"\npublished = 2026-04-27T14:30:00Z\nheadline = \"H\"\n+++\n{body}");
            let file = Arc::new(SourceFile::new("p.md", None, text));
            let parsed = parse(&file);
            let article = parsed.article.expect("valid article");
            let stack = Stack::load(None, None).expect("built-in bundles");
            let newsroom = Newsroom::builtin();
            let l10n = stack.edition("en", "en", None);
            let cldr = CldrCache::default();
            let (edition, _) = resolve(&Inputs {
                article: &article,
                newsroom: &newsroom,
                l10n: &l10n,
                cldr: &cldr,
                targets: None,
                translit: None,
                draft: false,
            });
            let md = render(&edition.expect("complete"), Format::Md, RenderOptions::default());
            // The Markdown edition is front matter, the headline, the
            // dateline, then the body.
            let after_front_matter = md.splitn(3, "+++\n").nth(2).unwrap_or("").trim_start();
            let rendered_body = after_front_matter.splitn(3, "\n\n").nth(2).unwrap_or("");
            prop_assert_eq!(prose(rendered_body), prose(&body), "{}", md);
        }
    }
}
