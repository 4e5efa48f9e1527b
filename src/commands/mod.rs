//! The commands, one module each. Each takes an options struct and returns
//! a report; printing and exit codes belong to the binary.

pub mod check;
pub mod export;
pub mod localize;
pub mod serve;
pub mod status;

use rayon::prelude::*;

/// Parses `--lang` values once for a run: repeated flags and comma lists
/// (`--lang ru,uk`), each a language tag CLDR knows, `all` for every edition
/// (an empty list). A tag written with underscores gets a did-you-mean.
pub fn parse_langs(values: &[String]) -> anyhow::Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for value in values.iter().flat_map(|v| v.split(',')) {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        if value.eq_ignore_ascii_case("all") {
            return Ok(Vec::new());
        }
        let Some(tag) = crate::article::parse_lang(value) else {
            return Err(crate::article::lang::flag_error("--lang", value));
        };
        if !out.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
            out.push(tag);
        }
    }
    Ok(out)
}

/// Fails when a tag of `--lang` names no edition of any article of the run
/// (`--lang de` where no article has a German edition): the run would
/// otherwise pass or refuse something nobody asked about.
pub fn require_editions<'a>(
    langs: &[String],
    editions: impl Iterator<Item = &'a str>,
) -> anyhow::Result<()> {
    let editions: Vec<&str> = editions.collect();
    let unknown: Vec<&str> = langs
        .iter()
        .filter(|l| !editions.iter().any(|e| crate::newsroom::tag_matches(l, e)))
        .map(String::as_str)
        .collect();
    if unknown.is_empty() {
        return Ok(());
    }
    let mut known: Vec<&str> = Vec::new();
    for e in editions {
        if !known.contains(&e) {
            known.push(e);
        }
    }
    anyhow::bail!(
        "--lang {}: no article of this run has {} edition (their editions: {})",
        unknown.join(","),
        if unknown.len() == 1 {
            "such an"
        } else {
            "these"
        },
        if known.is_empty() {
            "none".to_owned()
        } else {
            known.join(", ")
        }
    )
}

/// How a batch runs: worker threads and a progress bar.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    /// Worker threads (`--jobs`); `None`: one per core.
    pub jobs: Option<usize>,
    /// Advanced once per article; hidden unless the binary shows it.
    pub progress: Option<indicatif::ProgressBar>,
}

impl Batch {
    /// Runs `work` on every item in parallel, results in the items' order.
    pub fn map<T, R>(
        &self,
        items: Vec<T>,
        work: impl Fn(T) -> R + Sync + Send,
    ) -> anyhow::Result<Vec<R>>
    where
        T: Send,
        R: Send,
    {
        if let Some(progress) = &self.progress {
            progress.set_length(items.len() as u64);
        }
        let run = || {
            items
                .into_par_iter()
                .map(|item| {
                    let result = work(item);
                    if let Some(progress) = &self.progress {
                        progress.inc(1);
                    }
                    result
                })
                .collect()
        };
        let results = match self.jobs {
            Some(jobs) => rayon::ThreadPoolBuilder::new()
                .num_threads(jobs.max(1))
                .build()
                .map_err(|err| anyhow::anyhow!("cannot start {jobs} worker threads: {err}"))?
                .install(run),
            None => run(),
        };
        if let Some(progress) = &self.progress {
            progress.finish_and_clear();
        }
        Ok(results)
    }
}
