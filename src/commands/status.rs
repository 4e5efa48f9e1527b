//! `article status [PATH...]` (SPEC 2.4): how far each edition of each
//! article is.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::check::translations::translated_editions;
use crate::commands::localize::{article_paths, read_article};
use crate::newsroom::{self, Newsroom};
use crate::translations::{self, Completeness};

/// What to report on.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Articles (files or folders); empty means `.`.
    pub paths: Vec<PathBuf>,
    /// `--newsroom FILE`.
    pub newsroom: Option<PathBuf>,
    /// Threads and progress.
    pub batch: crate::commands::Batch,
}

/// How an edition is made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The article's own language.
    Source,
    /// Translated by people (a translation file).
    Translated,
    /// Transliterated from another edition.
    Derived,
}

/// One edition's status.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// Article id.
    pub article: String,
    /// Article file.
    pub file: PathBuf,
    /// Edition language.
    pub lang: String,
    /// How the edition is made.
    pub kind: Kind,
    /// The edition it is derived from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived_from: Option<String>,
    /// Segment counts.
    #[serde(flatten)]
    pub counts: Completeness,
    /// Whether every segment is publishable.
    pub complete: bool,
}

/// Runs `status`.
pub fn run(options: &Options) -> anyhow::Result<Vec<Row>> {
    let mut cache = newsroom::Cache::new(options.newsroom.as_deref())?;
    let paths = if options.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        options.paths.clone()
    };
    let mut jobs = Vec::new();
    for path in article_paths(&paths)? {
        let dir = path
            .parent()
            .map_or_else(|| PathBuf::from("."), |d| d.to_path_buf());
        jobs.push((path, cache.for_dir(&dir)?));
    }
    let mut rows = Vec::new();
    for article_rows in options
        .batch
        .map(jobs, |(path, newsroom)| rows_of(&path, &newsroom))?
    {
        rows.extend(article_rows?);
    }
    Ok(rows)
}

/// The rows of one article's editions.
fn rows_of(path: &Path, newsroom: &Newsroom) -> anyhow::Result<Vec<Row>> {
    let article = read_article(path)?;
    let segments = article.segments();
    let total = segments.len();
    let mut article_rows = vec![Row {
        article: article.id.value.clone(),
        file: path.to_path_buf(),
        lang: article.lang.value.clone(),
        kind: Kind::Source,
        derived_from: None,
        counts: Completeness {
            total,
            publishable: total,
            ..Completeness::default()
        },
        complete: true,
    }];
    for lang in translated_editions(&article, newsroom) {
        let file_path = translations::path_for(path, &lang);
        let loaded = translations::load(&file_path)?;
        let counts = translations::completeness(segments, loaded.as_ref().map(|(tf, _)| tf));
        article_rows.push(Row {
            article: article.id.value.clone(),
            file: path.to_path_buf(),
            lang,
            kind: Kind::Translated,
            derived_from: None,
            complete: counts.is_complete(),
            counts,
        });
    }
    // Derived editions are as complete as the edition they come from.
    for lang in newsroom.editions_of(&article) {
        let Some(from) = newsroom.derived_from(&lang) else {
            continue;
        };
        let Some(source_row) = article_rows
            .iter()
            .find(|r| r.lang.eq_ignore_ascii_case(from))
        else {
            continue;
        };
        let row = Row {
            lang,
            kind: Kind::Derived,
            derived_from: Some(from.to_owned()),
            ..source_row.clone()
        };
        article_rows.push(row);
    }
    Ok(article_rows)
}
