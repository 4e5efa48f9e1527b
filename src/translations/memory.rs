//! Translation memory: targets people wrote for other articles, reused
//! where the source is identical (`localize --memory DIR`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::article::parse_lang;
use crate::translations::merge::Plan;
use crate::translations::{self, State};

/// Targets from other translation files, by language and exact source.
pub struct Memory {
    by_lang: HashMap<String, HashMap<String, (String, PathBuf)>>,
}

impl Memory {
    /// Reads every `*.LANG.toml` translation file under `dir`; only
    /// publishable targets (translated or reviewed) are remembered.
    pub fn load(dir: &Path) -> anyhow::Result<Memory> {
        anyhow::ensure!(dir.is_dir(), "--memory {}: no such folder", dir.display());
        let mut by_lang: HashMap<String, HashMap<String, (String, PathBuf)>> = HashMap::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            for path in paths {
                if path.is_dir() {
                    if !path
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                    {
                        stack.push(path);
                    }
                    continue;
                }
                if path.extension().is_none_or(|e| e != "toml") {
                    continue;
                }
                let Ok(Some((tf, diags))) = translations::load(&path) else {
                    continue;
                };
                if !diags.is_empty() {
                    continue;
                }
                let Some(lang) = tf.lang.as_ref().and_then(|l| parse_lang(&l.value)) else {
                    continue;
                };
                let map = by_lang.entry(lang).or_default();
                for entry in tf.segments.iter().filter(|e| e.is_publishable()) {
                    map.entry(entry.source.clone())
                        .or_insert_with(|| (entry.target.clone(), path.clone()));
                }
            }
        }
        Ok(Memory { by_lang })
    }

    /// Fills empty `new` targets whose source is remembered. They get state
    /// `machine`: reused text still needs a person's look in its new context.
    pub fn fill(&self, plan: &mut Plan, lang: &str) -> usize {
        let Some(map) = self.by_lang.get(lang) else {
            return 0;
        };
        let mut filled = 0;
        for entry in &mut plan.segments {
            if entry.state == State::New
                && entry.target.is_empty()
                && let Some((target, _)) = map.get(&entry.source)
            {
                entry.target = target.clone();
                entry.state = State::Machine;
                filled += 1;
            }
        }
        filled
    }
}
