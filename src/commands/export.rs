//! `article export PATH... [--lang L|all] [--to FORMATS] [-o DIR]`
//! (SPEC 2.3): render editions. With `-o DIR` each goes to
//! `DIR/LANG/ID.EXT`, written atomically; without it, exactly one edition
//! in one format goes to standard output. An incomplete edition, or one
//! missing a notice it must carry, is not written (exit 1), while the
//! other editions of the run are.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, bail};
use serde::Serialize;

use crate::article::{Article, parse_lang};
use crate::commands::localize::{article_paths, read_article};
use crate::edition::{self, Edition, Inputs, Notes, Refusal};
use crate::l10n::bundles::{CldrCache, Stack};
use crate::l10n::translit::Scheme;
use crate::newsroom::{self, Newsroom};
use crate::render::{self, Format, RenderOptions};
use crate::translations;

/// What to export.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Articles (files or folders).
    pub paths: Vec<PathBuf>,
    /// Editions; empty or `all` means every edition.
    pub langs: Vec<String>,
    /// Formats (default: html).
    pub formats: Vec<Format>,
    /// Output folder; `None` writes to standard output.
    pub out: Option<PathBuf>,
    /// Write incomplete editions with source text.
    pub draft: bool,
    /// HTML: only the `<article>` element.
    pub fragment: bool,
    /// `--newsroom FILE`.
    pub newsroom: Option<PathBuf>,
    /// `--locales DIR`.
    pub locales: Option<PathBuf>,
    /// Rewrite every edition, even those whose inputs did not change.
    pub force: bool,
    /// Threads and progress.
    pub batch: crate::commands::Batch,
}

/// An edition written.
#[derive(Debug, Clone, Serialize)]
pub struct Written {
    /// Article id.
    pub article: String,
    /// Edition language.
    pub lang: String,
    /// Files written (empty when the output went to standard output).
    pub files: Vec<PathBuf>,
    /// Whether it is complete (false only with `--draft`).
    pub complete: bool,
}

/// An edition not written.
#[derive(Debug, Clone, Serialize)]
pub struct Refused {
    /// Article id.
    pub article: String,
    /// Edition language.
    pub lang: String,
    /// Why.
    pub reason: String,
}

/// What a run did.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    /// Editions written.
    pub written: Vec<Written>,
    /// Editions refused.
    pub refused: Vec<Refused>,
    /// Editions skipped because nothing they depend on changed.
    pub unchanged: usize,
    /// The rendered edition, when writing to standard output.
    #[serde(skip)]
    pub stdout: Option<String>,
}

/// Bundle stacks by newsroom locale folder, built once per run.
#[derive(Default)]
pub struct Stacks {
    extra: Option<PathBuf>,
    map: HashMap<Option<PathBuf>, Arc<Stack>>,
}

impl Stacks {
    /// Stacks with `--locales DIR` over every newsroom's bundles.
    pub fn new(extra: Option<PathBuf>) -> Stacks {
        Stacks {
            extra,
            map: HashMap::new(),
        }
    }

    /// The stack of a newsroom (and whether it was just loaded).
    pub fn for_newsroom(&mut self, newsroom: &Newsroom) -> anyhow::Result<(Arc<Stack>, bool)> {
        if let Some(stack) = self.map.get(&newsroom.locales) {
            return Ok((Arc::clone(stack), false));
        }
        let stack = Arc::new(Stack::load(
            newsroom.locales.as_deref(),
            self.extra.as_deref(),
        )?);
        self.map
            .insert(newsroom.locales.clone(), Arc::clone(&stack));
        Ok((stack, true))
    }
}

/// Resolves one edition of an article.
pub fn resolve_edition(
    article: &Article,
    files: &mut translations::Files,
    newsroom: &Newsroom,
    stack: &Stack,
    cldr: &CldrCache,
    lang: &str,
    draft: bool,
) -> anyhow::Result<(Result<Edition, Refusal>, Notes)> {
    let source = article.lang.value.as_str();
    let derived_from = newsroom.derived_from(lang).map(str::to_owned);
    let translit = derived_from
        .as_deref()
        .and_then(|from| Scheme::for_pair(from, lang));
    if derived_from.is_some() && translit.is_none() {
        bail!(
            "newsroom.toml derives {lang} from {}, but only these transliterations are supported: {}",
            derived_from.as_deref().unwrap_or(""),
            Scheme::SUPPORTED
                .iter()
                .map(|(a, b)| format!("{b} from {a}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let text_lang = derived_from.as_deref().unwrap_or(lang);
    let targets = if text_lang.eq_ignore_ascii_case(source) {
        None
    } else {
        let file = files.get(text_lang).with_context(|| {
            format!(
                "cannot read the {text_lang} translation file of {}",
                article.file.name()
            )
        })?;
        Some(file.map_or_else(HashMap::new, |(tf, _)| {
            translations::publishable_targets(article.segments(), tf)
        }))
    };
    let l10n = stack.edition(lang, source, derived_from.as_deref());
    Ok(edition::resolve(&Inputs {
        article,
        newsroom,
        l10n: &l10n,
        cldr,
        targets: targets.as_ref(),
        translit,
        draft,
    }))
}

/// The file beside the output that records what each output was made from.
pub const MANIFEST: &str = ".article-export.json";

/// Input hashes of the files in an output folder, by relative path.
#[derive(Debug, Default, Serialize, serde::Deserialize)]
struct Manifest {
    tool: String,
    outputs: std::collections::BTreeMap<String, String>,
}

impl Manifest {
    fn load(out: &Path) -> Manifest {
        std::fs::read_to_string(out.join(MANIFEST))
            .ok()
            .and_then(|text| serde_json::from_str::<Manifest>(&text).ok())
            .filter(|m| m.tool == env!("CARGO_PKG_VERSION"))
            .unwrap_or_default()
    }
}

/// What one article's export did.
#[derive(Default)]
struct ArticleExport {
    written: Vec<Written>,
    refused: Vec<Refused>,
    unchanged: usize,
    hashes: Vec<(String, String)>,
    stdout: Option<String>,
}

/// Adds length-prefixed parts to a hash of what an edition depends on.
/// BLAKE3: hashing the inputs of every edition must cost next to nothing
/// beside rendering it (it is several times faster than SHA-256 here).
fn hash_parts(hasher: &mut blake3::Hasher, parts: &[&[u8]]) {
    for part in parts {
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
}

/// Runs `export`.
pub fn run(options: &Options) -> anyhow::Result<Report> {
    let formats = if options.formats.is_empty() {
        vec![Format::Html]
    } else {
        options.formats.clone()
    };
    let all = options.langs.is_empty() || options.langs.iter().any(|l| l == "all");
    let mut wanted = Vec::new();
    if !all {
        for lang in &options.langs {
            wanted.push(
                parse_lang(lang)
                    .with_context(|| format!("--lang {lang}: not a valid BCP 47 language tag"))?,
            );
        }
    }
    let mut cache = newsroom::Cache::new(options.newsroom.as_deref())?;
    let mut stacks = Stacks::new(options.locales.clone());
    let cldr = CldrCache::default();
    let paths = article_paths(&options.paths)?;
    if paths.is_empty() {
        bail!(
            "no article found in {}",
            options
                .paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if options.out.is_none() && (paths.len() > 1 || formats.len() > 1 || wanted.len() > 1) {
        bail!(
            "without -o DIR, export writes one edition in one format to standard output; \
             this run asks for {} article(s), {} edition(s), {} format(s): add --lang L and --to FORMAT, or -o DIR",
            paths.len(),
            if all {
                "all".to_owned()
            } else {
                wanted.len().to_string()
            },
            formats.len()
        );
    }
    let manifest = options
        .out
        .as_deref()
        .map(Manifest::load)
        .unwrap_or_default();
    let mut jobs = Vec::with_capacity(paths.len());
    for path in paths {
        let dir = path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let newsroom = cache.for_dir(&dir)?;
        let (stack, _) = stacks.for_newsroom(&newsroom)?;
        jobs.push((path, newsroom, stack));
    }
    let settings = format!("{:?}|{}|{}", formats, options.fragment, options.draft);
    let results = options.batch.map(jobs, |(path, newsroom, stack)| {
        export_article(
            &path, &newsroom, &stack, &cldr, options, &formats, all, &wanted, &manifest, &settings,
        )
    })?;
    let mut report = Report::default();
    let mut outputs = manifest.outputs;
    for result in results {
        let done = result?;
        report.written.extend(done.written);
        report.refused.extend(done.refused);
        report.unchanged += done.unchanged;
        if done.stdout.is_some() {
            report.stdout = done.stdout;
        }
        outputs.extend(done.hashes);
    }
    if let Some(out) = &options.out {
        let manifest = Manifest {
            tool: env!("CARGO_PKG_VERSION").to_owned(),
            outputs,
        };
        let text = serde_json::to_string_pretty(&manifest)?;
        crate::fsutil::write_atomic(&out.join(MANIFEST), text.as_bytes())?;
    }
    Ok(report)
}

#[allow(clippy::too_many_arguments)]
fn export_article(
    path: &Path,
    newsroom: &Newsroom,
    stack: &Stack,
    cldr: &CldrCache,
    options: &Options,
    formats: &[Format],
    all: bool,
    wanted: &[String],
    manifest: &Manifest,
    settings: &str,
) -> anyhow::Result<ArticleExport> {
    let article = read_article(path)?;
    let mut files = translations::Files::new(Some(path));
    let langs: Vec<String> = if all {
        newsroom.editions_of(&article)
    } else {
        wanted.to_vec()
    };
    let mut done = ArticleExport::default();
    // What every edition of the article depends on, hashed once.
    let mut article_hash = blake3::Hasher::new();
    hash_parts(
        &mut article_hash,
        &[
            env!("CARGO_PKG_VERSION").as_bytes(),
            settings.as_bytes(),
            article.file.text().as_bytes(),
            newsroom.fingerprint.as_bytes(),
            stack.fingerprint.as_bytes(),
        ],
    );
    for lang in langs {
        // ...and what this edition adds: its language and translation file
        // (read, not parsed: an unchanged edition is never parsed).
        let text_lang = newsroom.derived_from(&lang).unwrap_or(&lang).to_owned();
        let mut hasher = article_hash.clone();
        let translation = files.text(&text_lang).ok().flatten().unwrap_or_default();
        hash_parts(&mut hasher, &[lang.as_bytes(), translation.as_bytes()]);
        let hash = hasher.finalize().to_hex().to_string();
        if let Some(out) = &options.out {
            let targets: Vec<(String, PathBuf)> = formats
                .iter()
                .map(|f| {
                    let rel = format!("{lang}/{}.{}", article.id.value, f.ext());
                    (rel.clone(), out.join(rel))
                })
                .collect();
            let fresh = !options.force
                && targets
                    .iter()
                    .all(|(rel, file)| manifest.outputs.get(rel) == Some(&hash) && file.is_file());
            if fresh {
                done.unchanged += 1;
                continue;
            }
        }
        let (result, _) = resolve_edition(
            &article,
            &mut files,
            newsroom,
            stack,
            cldr,
            &lang,
            options.draft,
        )?;
        let edition = match result {
            Ok(edition) => edition,
            Err(refusal) => {
                done.refused.push(Refused {
                    article: article.id.value.clone(),
                    lang,
                    reason: refusal.to_string(),
                });
                continue;
            }
        };
        let mut written = Vec::new();
        for format in formats {
            let text = render::render(
                &edition,
                *format,
                RenderOptions {
                    fragment: options.fragment,
                },
            );
            match &options.out {
                Some(out) => {
                    let rel = format!("{lang}/{}.{}", article.id.value, format.ext());
                    let folder = out.join(&lang);
                    // Nothing is written outside -o DIR, even through a
                    // symbolic link planted inside it.
                    if std::fs::symlink_metadata(&folder).is_ok_and(|m| m.file_type().is_symlink())
                    {
                        bail!(
                            "{} is a symbolic link; export writes only inside {}, so it refuses to follow it",
                            folder.display(),
                            out.display()
                        );
                    }
                    let file = out.join(&rel);
                    crate::fsutil::write_atomic(&file, text.as_bytes())?;
                    done.hashes.push((rel, hash.clone()));
                    written.push(file);
                }
                None => done.stdout = Some(text),
            }
        }
        done.written.push(Written {
            article: article.id.value.clone(),
            lang,
            files: written,
            complete: edition.complete,
        });
    }
    if options.out.is_none() && done.written.len() + done.refused.len() > 1 {
        bail!(
            "without -o DIR, export writes one edition in one format to standard output; \
             {} has {} editions: add --lang L, or -o DIR",
            article.id.value,
            done.written.len() + done.refused.len()
        );
    }
    Ok(done)
}
