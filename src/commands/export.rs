//! `article export PATH... [--lang L|all] [--to FORMATS] [-o DIR]`: write
//! the editions the judgement finds publishable (or, with `--draft`, the
//! drafts it allows). With `-o DIR` each goes to `DIR/LANG/ID.EXT`,
//! written atomically, and the folder mirrors the judgement (see
//! [`crate::output`]); without it, exactly one edition in one format goes
//! to standard output.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::bail;
use serde::Serialize;

use crate::judge::{self, Verdict};
use crate::output::{Entry, OutputDir};
use crate::render::{self, Format, RenderOptions};
use crate::workspace::{Job, Workspace};

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
    /// Remove files earlier runs wrote that this run did not produce.
    pub prune: bool,
    /// Write the site files (index pages, feeds, sitemaps).
    pub site: bool,
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
    /// Why, in one line.
    pub reason: String,
    /// The codes of the errors that refuse it, each once.
    pub codes: Vec<&'static str>,
    /// Files of this edition an earlier run wrote, now removed.
    pub removed: Vec<PathBuf>,
}

/// An article that could not be read or parsed.
pub type Unreadable = crate::error::Stopped;

/// What a run did.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    /// Editions written.
    pub written: Vec<Written>,
    /// Editions refused.
    pub refused: Vec<Refused>,
    /// Editions skipped because nothing they depend on changed.
    pub unchanged: usize,
    /// Articles that could not be read.
    pub unreadable: Vec<Unreadable>,
    /// Files of earlier runs removed by `--prune`.
    pub pruned: Vec<PathBuf>,
    /// Site files written (`--site`; unchanged ones are not rewritten).
    pub site_files: Vec<PathBuf>,
    /// Local files (images) copied beside the pages.
    pub resources: usize,
    /// What the run assumed, in words.
    pub notes: Vec<String>,
    /// The rendered edition, when writing to standard output.
    #[serde(skip)]
    pub stdout: Option<String>,
}

/// What one article's export did.
#[derive(Default)]
struct ArticleExport {
    written: Vec<Written>,
    refused: Vec<Refused>,
    unchanged: usize,
    unreadable: Option<Unreadable>,
    /// Files this run produced (written or left unchanged).
    produced: Vec<(String, Entry)>,
    /// Local files (images) copied beside the pages.
    resources: usize,
    editions: Vec<String>,
    is_article: bool,
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

/// What every article of the run shares.
struct Shared<'a> {
    options: &'a Options,
    formats: &'a [Format],
    langs: Option<&'a [String]>,
    out: Option<&'a OutputDir>,
    run: judge::Run<'a>,
    settings: String,
}

/// Fails when the output folder `dir` is, or is above, the folder of an
/// article of the run: the editions would be written among the articles,
/// and folder searches skip an export's output folder, so the next `check`
/// would find none of them.
fn refuse_output_over_articles(dir: &Path, jobs: &[Job]) -> anyhow::Result<()> {
    // A folder that does not exist yet holds nothing.
    let Ok(real) = std::fs::canonicalize(dir) else {
        return Ok(());
    };
    for job in jobs {
        let Some(path) = job.source.path() else {
            continue;
        };
        if let Ok(article) = std::fs::canonicalize(path)
            && article.starts_with(&real)
        {
            bail!(
                "-o {}: the output folder holds the articles ({} is in it); write the editions to a folder of their own, like -o dist",
                dir.display(),
                path.display()
            );
        }
    }
    Ok(())
}

/// Runs `export`.
pub fn run(options: &Options) -> anyhow::Result<Report> {
    let formats = if options.formats.is_empty() {
        vec![Format::Html]
    } else {
        options.formats.clone()
    };
    let langs = crate::commands::parse_langs(&options.langs)?;
    if options.prune && !langs.is_empty() {
        bail!(
            "--prune removes every file this run does not produce, so it needs the whole run: drop --lang (or use --lang all)"
        );
    }
    if options.prune && options.out.is_none() {
        bail!("--prune needs an output folder (-o DIR)");
    }
    let mut workspace = Workspace::new(options.newsroom.as_deref(), options.locales.as_deref())?;
    let discovery = workspace.discover(&options.paths, None)?;
    if let Some(nothing) = discovery.nothing_found(&options.paths) {
        let skipped = discovery.skipped_notes();
        if skipped.is_empty() {
            bail!("{nothing}");
        }
        bail!("{nothing} ({})", skipped.join("; "));
    }
    if options.out.is_none() && (discovery.jobs.len() > 1 || formats.len() > 1 || langs.len() > 1) {
        bail!(
            "without -o DIR, export writes one edition in one format to standard output; \
             this run asks for {} article(s), {} edition(s), {} format(s): add --lang L and --to FORMAT, or -o DIR",
            discovery.jobs.len(),
            if langs.is_empty() {
                "all".to_owned()
            } else {
                langs.len().to_string()
            },
            formats.len()
        );
    }
    if let Some(dir) = options.out.as_deref() {
        refuse_output_over_articles(dir, &discovery.jobs)?;
    }
    let out = options.out.as_deref().map(OutputDir::open).transpose()?;
    let mut report = Report::default();
    report.notes.extend(workspace.builtin_note());
    report.notes.extend(discovery.skipped_notes());
    for failure in discovery.failures {
        report
            .unreadable
            .push(Unreadable::new(failure.path, &failure.error));
    }
    let bundle_errors = judge::bundle_errors(&workspace.bundle_diagnostics());
    let duplicates = judge::duplicates(discovery.jobs.iter().map(|j| &j.source));
    let shared = Shared {
        options,
        formats: &formats,
        langs: (!langs.is_empty()).then_some(langs.as_slice()),
        out: out.as_ref(),
        run: judge::Run {
            cldr: &workspace.cldr,
            bundle_errors: &bundle_errors,
            duplicates: &duplicates,
            folders: &workspace.folders,
        },
        settings: format!("{:?}|{}|{}", formats, options.fragment, options.draft),
    };
    let results = options
        .batch
        .map(discovery.jobs, |job| export_article(&job, &shared))?;

    let mut produced: BTreeMap<String, Entry> = BTreeMap::new();
    let mut editions: Vec<String> = Vec::new();
    let mut any_article = false;
    let mut failed_files: BTreeSet<String> = BTreeSet::new();
    for result in results {
        let done = match result {
            Ok(done) => done,
            Err((file, error)) => {
                failed_files.insert(file.display().to_string());
                report.unreadable.push(Unreadable::new(file, &error));
                continue;
            }
        };
        any_article |= done.is_article;
        editions.extend(done.editions);
        report.written.extend(done.written);
        report.refused.extend(done.refused);
        report.unchanged += done.unchanged;
        report.resources += done.resources;
        if let Some(unreadable) = done.unreadable {
            failed_files.insert(unreadable.file.display().to_string());
            report.unreadable.push(unreadable);
        }
        if done.stdout.is_some() {
            report.stdout = done.stdout;
        }
        produced.extend(done.produced);
    }
    if let Some(langs) = shared.langs
        && any_article
    {
        crate::commands::require_editions(langs, editions.iter().map(String::as_str))?;
    }
    if options.out.is_none() && report.written.len() + report.refused.len() > 1 {
        bail!(
            "without -o DIR, export writes one edition in one format to standard output; \
             this article has {} editions: add --lang L, or -o DIR",
            report.written.len() + report.refused.len()
        );
    }
    if let Some(out) = &out {
        // What earlier runs wrote stays recorded unless this run replaced,
        // refused or pruned it.
        let removed: BTreeSet<PathBuf> = report
            .refused
            .iter()
            .flat_map(|r| r.removed.iter().cloned())
            .collect();
        let mut outputs = BTreeMap::new();
        for (rel, entry) in &out.previous {
            if produced.contains_key(rel) || removed.contains(&out.dir.join(rel)) {
                continue;
            }
            // An article that could not be read this run keeps its pages.
            let keep = !options.prune || failed_files.contains(&entry.article);
            if keep {
                outputs.insert(rel.clone(), entry.clone());
            } else if let Some(path) = out.remove(rel)? {
                report.pruned.push(path);
            }
        }
        outputs.extend(produced);
        if options.site {
            // The index pages follow the first newsroom of the run that
            // has an index template.
            let templates = workspace
                .newsrooms()
                .iter()
                .filter_map(|(n, _)| n.templates.as_deref())
                .find(|t| t.has(crate::render::template::Kind::Index));
            // The pages written stay recorded even if the site files fail.
            let site = write_site(out, &mut outputs, &mut report, templates);
            out.save(outputs)?;
            site?;
        } else {
            if outputs.keys().any(|rel| is_site_file(rel)) {
                report.notes.push(
                    "the site files (index pages, feeds, sitemaps) were not updated: add --site"
                        .into(),
                );
            }
            out.save(outputs)?;
        }
    }
    Ok(report)
}

/// Whether a manifest entry is a site file (not an edition's page).
fn is_site_file(rel: &str) -> bool {
    rel.ends_with("index.html") || rel.ends_with(".xml")
}

/// Writes the site files of the editions in `outputs` (those that changed)
/// and records them; site files no edition needs any more are removed.
fn write_site(
    out: &OutputDir,
    outputs: &mut BTreeMap<String, Entry>,
    report: &mut Report,
    templates: Option<&crate::render::template::Templates>,
) -> anyhow::Result<()> {
    let mut editions: Vec<crate::render::site::Meta> = Vec::new();
    for entry in outputs.values() {
        if let Some(meta) = &entry.meta
            && !editions
                .iter()
                .any(|m| m.id == meta.id && m.lang == meta.lang)
        {
            editions.push(meta.clone());
        }
    }
    let now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        });
    let files = crate::render::site::files(&editions, now, templates)
        .map_err(|diag| crate::error::DiagnosticsError(vec![*diag]))?;
    let stale: Vec<String> = outputs
        .keys()
        .filter(|rel| is_site_file(rel) && !files.iter().any(|(f, _)| f == *rel))
        .cloned()
        .collect();
    for rel in stale {
        outputs.remove(&rel);
        if let Some(path) = out.remove(&rel)? {
            report.pruned.push(path);
        }
    }
    for (rel, text) in files {
        if out.write_if_changed(&rel, &text)? {
            report.site_files.push(out.dir.join(&rel));
        }
        outputs.insert(
            rel,
            Entry {
                hash: blake3::hash(text.as_bytes()).to_hex().to_string(),
                article: String::new(),
                meta: None,
                resource: false,
            },
        );
    }
    Ok(())
}

/// The relative path of an edition's file in the output folder.
fn rel_path(lang: &str, id: &str, format: Format) -> String {
    format!("{lang}/{id}.{}", format.ext())
}

/// Exports one article's editions.
fn export_article(
    job: &Job,
    shared: &Shared<'_>,
) -> Result<ArticleExport, (PathBuf, anyhow::Error)> {
    let path = job.source.path().map(Path::to_path_buf).unwrap_or_default();
    let Some((file, bad)) = job.source.read().map_err(|err| (path.clone(), err))? else {
        return Ok(ArticleExport::default());
    };
    let options = shared.options;
    let mut done = ArticleExport {
        is_article: true,
        ..ArticleExport::default()
    };
    let checked = crate::check::check_article(file, bad);
    let Some(article) = &checked.article else {
        let errors: Vec<crate::diag::Diagnostic> = checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::diag::Severity::Error)
            .cloned()
            .collect();
        done.unreadable = Some(Unreadable::new(
            path,
            &crate::error::DiagnosticsError(errors).into(),
        ));
        return Ok(done);
    };
    let newsroom = &job.newsroom;
    let id = article.id.value.clone();
    done.editions = newsroom.editions_of(article);
    let langs: Vec<String> = done
        .editions
        .iter()
        .filter(|lang| judge::wanted(shared.langs, lang))
        .cloned()
        .collect();

    // What every edition of the article depends on, hashed once, and what
    // each edition adds: its language and translation file (read, not
    // parsed: an unchanged edition is never parsed).
    let mut article_hash = blake3::Hasher::new();
    let duplicate = shared.run.duplicates.contains_key(&id);
    hash_parts(
        &mut article_hash,
        &[
            env!("CARGO_PKG_VERSION").as_bytes(),
            shared.settings.as_bytes(),
            checked.file.text().as_bytes(),
            newsroom.fingerprint.as_bytes(),
            job.stack.fingerprint.as_bytes(),
            &[u8::from(duplicate)],
        ],
    );
    // Local files the pages use (a relative image) go beside the pages,
    // copied when their bytes changed; what the pages depend on includes
    // them.
    let mut moved: Vec<(String, String)> = Vec::new();
    if let (Some(article_path), Some(out)) = (job.source.path(), shared.out) {
        let (resources, _) = judge::local_resources(&checked.file, article, article_path, newsroom);
        for resource in resources {
            let (entry, copied) = out
                .copy_resource(&resource.source, &resource.rel, &path.display().to_string())
                .map_err(|err| (path.clone(), err))?;
            hash_parts(&mut article_hash, &[entry.hash.as_bytes()]);
            if copied {
                done.resources += 1;
            }
            let src = match &newsroom.base_url {
                Some(base) => format!("{base}{}", resource.rel),
                None => format!("../{}", resource.rel),
            };
            moved.push((resource.src.clone(), src));
            done.produced.push((resource.rel, entry));
        }
    }
    let mut files = crate::translations::Files::new(job.source.path());
    // Pages that link to their sibling editions (a newsroom with a
    // `base_url`) change when any sibling is published or refused: each
    // depends on every translation of the article.
    let linked = newsroom.base_url.is_some();
    if linked {
        for lang in &done.editions {
            let text_lang = newsroom.derived_from(lang).unwrap_or(lang).to_owned();
            let translation = files.text(&text_lang).ok().flatten().unwrap_or_default();
            hash_parts(
                &mut article_hash,
                &[lang.as_bytes(), translation.as_bytes()],
            );
        }
    }
    let mut stale: Vec<(String, String)> = Vec::new();
    for lang in langs {
        let text_lang = newsroom.derived_from(&lang).unwrap_or(&lang).to_owned();
        let mut hasher = article_hash.clone();
        let translation = files.text(&text_lang).ok().flatten().unwrap_or_default();
        hash_parts(&mut hasher, &[lang.as_bytes(), translation.as_bytes()]);
        let hash = hasher.finalize().to_hex().to_string();
        let fresh = !options.force
            && shared.out.is_some_and(|out| {
                shared
                    .formats
                    .iter()
                    .all(|f| out.is_fresh(&rel_path(&lang, &id, *f), &hash))
            });
        if let (true, Some(out)) = (fresh, shared.out) {
            done.unchanged += 1;
            for format in shared.formats {
                let rel = rel_path(&lang, &id, *format);
                let entry = out.previous.get(&rel).cloned().unwrap_or(Entry {
                    hash: hash.clone(),
                    article: path.display().to_string(),
                    meta: None,
                    resource: false,
                });
                done.produced.push((rel, entry));
            }
        } else {
            stale.push((lang, hash));
        }
    }
    if stale.is_empty() {
        return Ok(done);
    }

    let wanted: Vec<String> = stale.iter().map(|(l, _)| l.clone()).collect();
    let judged = judge::judge_checked(
        checked,
        job.source.path(),
        judge::Context::new(newsroom, &job.stack, shared.run),
        judge::Options {
            // Linked pages need every sibling's verdict.
            langs: (!linked).then_some(wanted.as_slice()),
            draft: options.draft,
            keep_editions: true,
            errors_only: true,
        },
    );
    let pages = pages(newsroom, &id, &judged);
    for (verdict, page) in judged.verdicts.into_iter().zip(pages) {
        let Some(hash) = stale
            .iter()
            .find(|(l, _)| *l == verdict.lang)
            .map(|(_, h)| h.clone())
        else {
            continue;
        };
        let target = Target {
            id: &id,
            path: &path,
            hash: &hash,
            moved: &moved,
            newsroom,
        };
        write_edition(verdict, page.as_ref(), target, shared, &mut done)
            .map_err(|err| (path.clone(), err))?;
    }
    Ok(done)
}

/// What the site files say about a written edition.
fn site_meta(
    edition: &crate::edition::Edition,
    page: Option<&crate::render::page::Page>,
) -> crate::render::site::Meta {
    crate::render::site::Meta {
        id: edition.id.clone(),
        lang: edition.lang.clone(),
        rtl: edition.dir == crate::edition::Dir::Rtl,
        title: crate::render::inline_plain(&edition.headline.markdown),
        summary: crate::render::page::description(edition),
        published: edition.published.iso.clone(),
        updated: edition.updated.as_ref().map(|u| u.iso.clone()),
        url: page.and_then(|p| p.url.clone()),
        site: page.map(|p| p.site_name.clone()).unwrap_or_default(),
    }
}

/// The site around each judged edition: its URL and the published
/// editions it links to (none without a `base_url`).
fn pages(
    newsroom: &crate::newsroom::Newsroom,
    id: &str,
    judged: &judge::Judged,
) -> Vec<Option<crate::render::page::Page>> {
    use crate::render::page::Page;
    let published: Vec<(String, String)> = judged
        .verdicts
        .iter()
        .filter(|v| v.publishable())
        .filter_map(|v| Some((v.lang.clone(), newsroom.url_of(&v.lang, id)?)))
        .collect();
    let source_lang = judged
        .article
        .as_ref()
        .map(|a| a.lang.value.clone())
        .unwrap_or_default();
    let source_url = published
        .iter()
        .find(|(lang, _)| lang.eq_ignore_ascii_case(&source_lang))
        .map(|(_, url)| url.clone());
    judged
        .verdicts
        .iter()
        .map(|v| {
            Some(Page {
                site_name: newsroom.name.clone(),
                url: newsroom.url_of(&v.lang, id),
                alternates: published.clone(),
                x_default: source_url.clone(),
                source_url: source_url.clone(),
            })
        })
        .collect()
}

/// Where an edition goes: its article's id and file, the hash of what it
/// is made from, and the local files its pages name elsewhere (src → the
/// copy's address).
struct Target<'a> {
    id: &'a str,
    path: &'a Path,
    hash: &'a str,
    moved: &'a [(String, String)],
    newsroom: &'a crate::newsroom::Newsroom,
}

/// Writes one judged edition, or records its refusal and removes what an
/// earlier run wrote of it.
fn write_edition(
    mut verdict: Verdict,
    page: Option<&crate::render::page::Page>,
    target: Target<'_>,
    shared: &Shared<'_>,
    done: &mut ArticleExport,
) -> anyhow::Result<()> {
    let Target {
        id,
        path,
        hash,
        moved,
        newsroom,
    } = target;
    let lang = verdict.lang.clone();
    let mut edition = verdict.edition.take();
    if let Some(image) = edition.as_mut().and_then(|e| e.image.as_mut())
        && let Some((_, src)) = moved.iter().find(|(from, _)| *from == image.src)
    {
        image.src = src.clone();
    }
    let Some(edition) = edition.as_ref() else {
        let mut removed = Vec::new();
        if let Some(out) = shared.out {
            for format in Format::ALL {
                if let Some(file) = out.remove(&rel_path(&lang, id, format))? {
                    removed.push(file);
                }
            }
        }
        let mut codes: Vec<&'static str> = Vec::new();
        for d in &verdict.reasons {
            if !codes.contains(&d.code.name()) {
                codes.push(d.code.name());
            }
        }
        let mut reason = verdict.summary();
        // Where the first error is, as `check` names it.
        if let Some(first) = verdict.reasons.first()
            && let Some(file) = first.file()
        {
            match first.line_col() {
                Some((line, col)) => reason.push_str(&format!(" (at {file}:{line}:{col})")),
                None => reason.push_str(&format!(" (in {file})")),
            }
        }
        if let Some(from) = &verdict.derived_from {
            reason = format!("(made from the {from} edition) {reason}");
        }
        if shared.options.draft {
            reason.push_str("; not even a draft: fix these first");
        } else if verdict.draftable {
            reason.push_str("; --draft writes it with the source text");
        }
        done.refused.push(Refused {
            article: id.to_owned(),
            lang,
            reason,
            codes,
            removed,
        });
        return Ok(());
    };
    let mut written = Vec::new();
    for format in shared.formats {
        let text = render::page::render_edition(
            edition,
            *format,
            RenderOptions {
                fragment: shared.options.fragment,
                page,
            },
            newsroom,
        )
        .map_err(|diag| crate::error::DiagnosticsError(vec![*diag]))?;
        match shared.out {
            Some(out) => {
                let rel = rel_path(&lang, id, *format);
                let folder = out.dir.join(&lang);
                // Nothing is written outside -o DIR, even through a
                // symbolic link planted inside it.
                if std::fs::symlink_metadata(&folder).is_ok_and(|m| m.file_type().is_symlink()) {
                    bail!(
                        "{} is a symbolic link; export writes only inside {}, so it refuses to follow it",
                        folder.display(),
                        out.dir.display()
                    );
                }
                let file = out.dir.join(&rel);
                crate::fsutil::write_atomic(&file, text.as_bytes())?;
                done.produced.push((
                    rel,
                    Entry {
                        hash: hash.to_owned(),
                        article: path.display().to_string(),
                        meta: (edition.complete).then(|| site_meta(edition, page)),
                        resource: false,
                    },
                ));
                written.push(file);
            }
            None => done.stdout = Some(text),
        }
    }
    done.written.push(Written {
        article: id.to_owned(),
        lang,
        files: written,
        complete: edition.complete,
    });
    Ok(())
}
