//! Translation memory: targets people wrote for other articles, reused
//! where the source is identical or close (`localize --memory PATH`).
//!
//! `PATH` is a folder or a TMX file. A folder is searched through (hidden
//! folders left out) for translation files (`*.LANG.toml`), TMX files
//! (`*.tmx`), XLIFF (`*.xlf`, `*.xliff`) and PO files (`*.po`). Only
//! finished targets are remembered: `translated` or `reviewed` in
//! translation files, XLIFF and PO; every target of a TMX unit. A file
//! that cannot be read or parsed is left out with a note naming it and
//! why; a translation file whose only problems are unknown fields is used.
//!
//! A new segment gets the remembered target whose source is identical, else
//! the one whose source is most similar (the Sørensen–Dice similarity of
//! [`merge::similarity`]) at or above the threshold (`--memory-threshold`,
//! [`DEFAULT_THRESHOLD`]). It becomes `machine`, with the note
//! `memory 92% from FILE`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::article::parse_lang;
use crate::diag::Code;
use crate::interchange::{self, Format};
use crate::translations::merge::{self, Plan};
use crate::translations::{self, State};

/// The similarity a remembered source needs by default.
pub const DEFAULT_THRESHOLD: f64 = 0.85;

/// A remembered target and the file it came from.
#[derive(Debug, Clone)]
struct Remembered {
    target: String,
    origin: PathBuf,
}

/// Targets from other files, by language tag and source.
#[derive(Debug, Default)]
pub struct Memory {
    by_lang: HashMap<String, HashMap<String, Remembered>>,
    /// Files left out, and why, in words.
    pub notes: Vec<String>,
}

impl Memory {
    /// Reads the memory at `path`: a folder (see the module docs) or a TMX,
    /// XLIFF or PO file.
    pub fn load(path: &Path) -> anyhow::Result<Memory> {
        let mut memory = Memory::default();
        if path.is_file() {
            if let Err(why) = memory.read_file(path) {
                anyhow::bail!("--memory {}: {why}", path.display());
            }
            return Ok(memory);
        }
        anyhow::ensure!(
            path.is_dir(),
            "--memory {}: no such folder or file (give a folder of translation files, or a .tmx file)",
            path.display()
        );
        let mut stack = vec![path.to_path_buf()];
        while let Some(dir) = stack.pop() {
            let entries = match std::fs::read_dir(&dir) {
                Ok(entries) => entries,
                Err(err) => {
                    memory
                        .notes
                        .push(format!("--memory: left out {}: {err}", dir.display()));
                    continue;
                }
            };
            let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            for path in paths.into_iter().rev() {
                if path.is_dir() {
                    if !path
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                    {
                        stack.push(path);
                    }
                    continue;
                }
                let known = path.extension().is_some_and(|e| {
                    ["toml", "tmx", "po", "xlf", "xliff"]
                        .iter()
                        .any(|k| e.eq_ignore_ascii_case(k))
                });
                if !known {
                    continue;
                }
                if let Err(why) = memory.read_file(&path) {
                    memory
                        .notes
                        .push(format!("--memory: left out {}: {why}", path.display()));
                }
            }
        }
        // Folders were searched last-pushed first: put the notes in path order.
        memory.notes.sort();
        Ok(memory)
    }

    /// Remembers one file's finished targets; `Err` says why it cannot.
    fn read_file(&mut self, path: &Path) -> Result<(), String> {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "toml" => self.read_toml(path),
            "tmx" => {
                let text = read_text(path)?;
                let units = interchange::tmx::read(&text)
                    .map_err(|e| format!("line {}, column {}: {}", e.line, e.column, e.message))?;
                for tu in units {
                    for (lang, target) in tu.targets {
                        self.remember(&lang, &tu.source, &target, path);
                    }
                }
                Ok(())
            }
            "po" | "xlf" | "xliff" => {
                let text = read_text(path)?;
                let format = if ext == "po" {
                    Format::Po
                } else {
                    interchange::detect(&text)
                };
                let doc = format
                    .read(&text)
                    .map_err(|e| format!("line {}, column {}: {}", e.line, e.column, e.message))?;
                let Some(lang) = doc.trg_lang.as_deref() else {
                    return Err("it names no target language".into());
                };
                for unit in doc.units.iter().filter(|u| {
                    matches!(u.state, State::Translated | State::Reviewed) && !u.target.is_empty()
                }) {
                    self.remember(lang, &unit.source, &unit.target, path);
                }
                Ok(())
            }
            _ => Err("not a translation, TMX, XLIFF or PO file".into()),
        }
    }

    /// A translation file: used unless it has problems other than unknown
    /// fields (a newer version's additions must not lose a whole archive).
    fn read_toml(&mut self, path: &Path) -> Result<(), String> {
        let (tf, diags) = match translations::load(path) {
            Ok(Some(loaded)) => loaded,
            Ok(None) => return Err("no such file".into()),
            Err(err) => return Err(err.to_string()),
        };
        if let Some(diag) = diags.iter().find(|d| d.code != Code::UnknownField) {
            let at = diag
                .location
                .as_ref()
                .map(|l| format!("line {}: ", l.file.line_col(l.span.start).0))
                .unwrap_or_default();
            return Err(format!("{at}{}", diag.message));
        }
        let Some(lang) = tf.lang.as_ref().map(|l| l.value.clone()) else {
            return Err("it has no `lang`".into());
        };
        if parse_lang(&lang).is_none() {
            return Err(format!("`{}` is not a language tag", lang.escape_debug()));
        }
        for entry in tf.segments.iter().filter(|e| e.is_publishable()) {
            self.remember(&lang, &entry.source, &entry.target, path);
        }
        Ok(())
    }

    fn remember(&mut self, lang: &str, source: &str, target: &str, origin: &Path) {
        let Some(tag) = interchange::normalize_lang(lang) else {
            return;
        };
        if source.trim().is_empty() || target.is_empty() {
            return;
        }
        self.by_lang
            .entry(tag)
            .or_default()
            .entry(source.to_owned())
            .or_insert_with(|| Remembered {
                target: target.to_owned(),
                origin: origin.to_path_buf(),
            });
    }

    /// The remembered targets for `lang`: its own tag's first, then those
    /// of its regional and script variants (`uk-UA` serves `uk`).
    fn maps_for(&self, lang: &str) -> Vec<&HashMap<String, Remembered>> {
        let mut tags: Vec<&String> = self
            .by_lang
            .keys()
            .filter(|tag| interchange::match_edition(tag, &[lang]).is_some())
            .collect();
        tags.sort_by_key(|tag| (tag.as_str() != lang, tag.as_str()));
        tags.into_iter()
            .filter_map(|tag| self.by_lang.get(tag))
            .collect()
    }

    /// Fills empty `new` targets from memory: the identical source's
    /// target, else the most similar source's at or above `threshold`.
    /// They get state `machine` (reused text still needs a person's look in
    /// its new context) and a note naming the match.
    pub fn fill(&self, plan: &mut Plan, lang: &str, threshold: f64) -> usize {
        let maps = self.maps_for(lang);
        if maps.is_empty() {
            return 0;
        }
        let mut filled = 0;
        for entry in &mut plan.segments {
            if entry.state != State::New || !entry.target.is_empty() {
                continue;
            }
            let Some((score, found)) = best_match(&maps, &entry.source, threshold) else {
                continue;
            };
            let percent = (score * 100.0).floor();
            let line = format!("memory {percent}% from {}", found.origin.display());
            entry.note = Some(match entry.note.take() {
                Some(note) if !note.trim().is_empty() => format!("{note}\n{line}"),
                _ => line,
            });
            entry.target = found.target.clone();
            entry.state = State::Machine;
            filled += 1;
        }
        filled
    }
}

/// The identical source's entry (score 1), else the most similar one at or
/// above `threshold` (ties: the first in source order).
fn best_match<'a>(
    maps: &[&'a HashMap<String, Remembered>],
    source: &str,
    threshold: f64,
) -> Option<(f64, &'a Remembered)> {
    if let Some(found) = maps.iter().find_map(|m| m.get(source)) {
        return Some((1.0, found));
    }
    if threshold >= 1.0 {
        return None;
    }
    let len = bigrams(source);
    let mut best: Option<(f64, &str, &Remembered)> = None;
    for map in maps {
        for (candidate, found) in map.iter() {
            // Dice can reach at most 2·min/(a+b): skip what cannot match.
            let other = bigrams(candidate);
            let bound = if len + other == 0 {
                1.0
            } else {
                2.0 * len.min(other) as f64 / (len + other) as f64
            };
            if bound < threshold {
                continue;
            }
            let score = merge::similarity(source, candidate);
            if score >= threshold
                && best.is_none_or(|(b, c, _)| score > b || (score == b && candidate.as_str() < c))
            {
                best = Some((score, candidate, found));
            }
        }
    }
    best.map(|(score, _, found)| (score, found))
}

/// How many bigrams the similarity counts in `text` (white space left out).
fn bigrams(text: &str) -> usize {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .count()
        .saturating_sub(1)
}

/// A memory file's text; `Err` says why it cannot be read.
fn read_text(path: &Path) -> Result<String, String> {
    let bytes = crate::source::read_limited(path).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|_| "it is not UTF-8".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memory(entries: &[(&str, &str, &str)]) -> Memory {
        let mut memory = Memory::default();
        for (lang, source, target) in entries {
            memory.remember(lang, source, target, Path::new("archive/x.ru.toml"));
        }
        memory
    }

    #[test]
    fn identical_wins_then_the_most_similar_above_the_threshold() {
        let m = memory(&[
            (
                "ru",
                "The talks resumed on Monday",
                "Переговоры возобновились в понедельник",
            ),
            ("ru", "Something else entirely", "Другое"),
        ]);
        let maps = m.maps_for("ru");
        let (score, found) = best_match(&maps, "The talks resumed on Monday", 0.85)
            .map(|(s, f)| (s, f.target.clone()))
            .unwrap_or_default();
        assert!((score - 1.0).abs() < f64::EPSILON);
        assert_eq!(found, "Переговоры возобновились в понедельник");
        let near = best_match(&maps, "The talks resumed on Tuesday", 0.75);
        assert!(near.is_some_and(|(s, _)| (0.75..1.0).contains(&s)));
        assert!(best_match(&maps, "The talks resumed on Tuesday", 1.0).is_none());
        assert!(best_match(&maps, "Elections in the spring", 0.75).is_none());
    }

    #[test]
    fn regional_memory_serves_the_language() {
        let m = memory(&[("uk_UA", "Hello", "Привіт")]);
        assert_eq!(m.maps_for("uk").len(), 1);
        assert!(m.maps_for("ru").is_empty());
    }

    #[test]
    fn bigram_bound_never_exceeds_the_similarity() {
        for (a, b) in [("ab cd", "abcde"), ("hello world", "hello"), ("x", "xy")] {
            let (la, lb) = (bigrams(a), bigrams(b));
            let bound = 2.0 * la.min(lb) as f64 / (la + lb) as f64;
            assert!(merge::similarity(a, b) <= bound + 1e-9, "{a} {b}");
        }
    }
}
