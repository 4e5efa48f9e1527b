//! The commands, one module each. Each takes an options struct and returns
//! a report; printing and exit codes belong to the binary.

pub mod check;
pub mod export;
pub mod localize;
pub mod status;

use rayon::prelude::*;

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
