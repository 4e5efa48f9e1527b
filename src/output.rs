//! The output folder of `export` as a truthful mirror of what may be
//! published.
//!
//! A manifest records every file export wrote there, with a hash of what
//! it was made from (for incremental runs) and the article file it came
//! from. It lives **beside** the output folder, not in it
//! (`dist/` → `.dist.article-export.json`), so that publishing the folder
//! never publishes the manifest; a lock file beside it
//! (`.dist.article-export.lock`) keeps two exports from writing one folder
//! at once. With the manifest, export removes the files of an edition it
//! refuses, `--prune` removes what earlier runs wrote and this run did not
//! produce, and temporary files a killed run left behind are cleaned up.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::{Deserialize, Serialize};

/// The name of the manifest an older version kept inside the folder.
const LEGACY_MANIFEST: &str = ".article-export.json";

/// What one file of the folder was made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Hash of every input of its edition.
    pub hash: String,
    /// The article file it was made from (empty for a site file).
    #[serde(default)]
    pub article: String,
    /// What site files say about the edition (on its pages' entries).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<crate::render::site::Meta>,
    /// A file the pages use (an image), copied from beside the article.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub resource: bool,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct ManifestFile {
    tool: String,
    outputs: BTreeMap<String, Entry>,
}

/// An output folder, locked for this run.
pub struct OutputDir {
    /// The folder.
    pub dir: PathBuf,
    manifest_path: PathBuf,
    /// Files written by earlier runs, by path relative to the folder.
    pub previous: BTreeMap<String, Entry>,
    /// Whether the earlier run was made by this version (hashes are only
    /// comparable then).
    same_tool: bool,
    legacy: Option<PathBuf>,
    _lock: std::fs::File,
}

/// Where the manifest and the lock of `dir` live: beside it, named after it.
/// An existing folder is resolved first (`..`, links), so every spelling of
/// one folder (`out`, `./out/`, `x/../out`) shares one lock and manifest.
pub fn manifest_paths(dir: &Path) -> (PathBuf, PathBuf) {
    let absolute = std::fs::canonicalize(dir)
        .or_else(|_| std::path::absolute(dir))
        .unwrap_or_else(|_| dir.to_path_buf());
    match (absolute.parent(), absolute.file_name()) {
        (Some(parent), Some(name)) => {
            let name = name.to_string_lossy();
            (
                parent.join(format!(".{name}.article-export.json")),
                parent.join(format!(".{name}.article-export.lock")),
            )
        }
        // The root folder has nothing beside it.
        _ => (
            absolute.join(LEGACY_MANIFEST),
            absolute.join(".article-export.lock"),
        ),
    }
}

impl OutputDir {
    /// Opens `dir` for an export: takes the lock (failing at once when
    /// another export holds it), reads the manifest and removes temporary
    /// files a killed run left.
    pub fn open(dir: &Path) -> anyhow::Result<OutputDir> {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the output folder {}", dir.display()))?;
        let (manifest_path, lock_path) = manifest_paths(dir);
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .with_context(|| format!("cannot create the lock file {}", lock_path.display()))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => anyhow::bail!(
                "another export is writing {} (it holds {}); wait for it to finish",
                dir.display(),
                lock_path.display()
            ),
            Err(std::fs::TryLockError::Error(err)) => {
                return Err(
                    anyhow::Error::new(err).context(format!("cannot lock {}", lock_path.display()))
                );
            }
        }
        let legacy_path = dir.join(LEGACY_MANIFEST);
        let (read_from, legacy) = if manifest_path.is_file() {
            (Some(manifest_path.clone()), None)
        } else if legacy_path.is_file() && legacy_path != manifest_path {
            (Some(legacy_path.clone()), Some(legacy_path))
        } else {
            (None, None)
        };
        let manifest: ManifestFile = read_from
            .and_then(|path| std::fs::read_to_string(path).ok())
            .and_then(|text| parse_manifest(&text))
            .unwrap_or_default();
        let out = OutputDir {
            dir: dir.to_path_buf(),
            manifest_path,
            same_tool: manifest.tool == env!("CARGO_PKG_VERSION"),
            previous: manifest.outputs,
            legacy,
            _lock: lock,
        };
        out.remove_temporaries();
        Ok(out)
    }

    /// Whether `rel` was written by an earlier run of this version from
    /// inputs with this hash, and is still there.
    pub fn is_fresh(&self, rel: &str, hash: &str) -> bool {
        self.same_tool
            && self.previous.get(rel).is_some_and(|e| e.hash == hash)
            && self.dir.join(rel).is_file()
    }

    /// Removes `.article-*.tmp` files (of a run that was killed while
    /// writing) from the folder and its language folders.
    fn remove_temporaries(&self) {
        let mut dirs = vec![self.dir.clone()];
        if let Ok(entries) = std::fs::read_dir(&self.dir) {
            dirs.extend(
                entries
                    .flatten()
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                    .map(|e| e.path()),
            );
        }
        for dir in dirs {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                if name.starts_with(".article-")
                    && name.ends_with(".tmp")
                    && entry.file_type().is_ok_and(|t| t.is_file())
                {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
    }

    /// Removes a file an earlier run wrote (and only such a file). Returns
    /// its path when it was there.
    pub fn remove(&self, rel: &str) -> anyhow::Result<Option<PathBuf>> {
        if !self.previous.contains_key(rel) {
            return Ok(None);
        }
        let path = self.dir.join(rel);
        match std::fs::remove_file(&path) {
            Ok(()) => {
                // An emptied language folder goes too.
                if let Some(parent) = path.parent()
                    && parent != self.dir
                {
                    let _ = std::fs::remove_dir(parent);
                }
                Ok(Some(path))
            }
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(err) => {
                Err(anyhow::Error::new(err).context(format!("cannot remove {}", path.display())))
            }
        }
    }

    /// Writes a site file when its text changed (an unchanged run rewrites
    /// none); returns whether it was written.
    pub fn write_if_changed(&self, rel: &str, text: &str) -> anyhow::Result<bool> {
        let path = self.dir.join(rel);
        if std::fs::read(&path).is_ok_and(|old| old == text.as_bytes()) {
            return Ok(false);
        }
        crate::fsutil::write_atomic(&path, text.as_bytes())?;
        Ok(true)
    }

    /// Copies a file the pages use to `rel` unless an earlier run copied
    /// the same bytes there; returns its entry and whether it was copied.
    pub fn copy_resource(
        &self,
        source: &Path,
        rel: &str,
        article: &str,
    ) -> anyhow::Result<(Entry, bool)> {
        let bytes = crate::source::read_limited(source).map_err(|err| {
            anyhow::Error::new(err).context(format!("cannot read {}", source.display()))
        })?;
        let hash = blake3::hash(&bytes).to_hex().to_string();
        let target = self.dir.join(rel);
        let same = self.previous.get(rel).is_some_and(|e| e.hash == hash) && target.is_file();
        if !same {
            crate::fsutil::write_atomic(&target, &bytes)?;
        }
        let entry = Entry {
            hash,
            article: article.to_owned(),
            meta: None,
            resource: true,
        };
        Ok((entry, !same))
    }

    /// Writes the manifest for `outputs` (and drops an older version's
    /// manifest from inside the folder).
    pub fn save(&self, outputs: BTreeMap<String, Entry>) -> anyhow::Result<()> {
        let manifest = ManifestFile {
            tool: env!("CARGO_PKG_VERSION").to_owned(),
            outputs,
        };
        let text = serde_json::to_string_pretty(&manifest)?;
        crate::fsutil::write_atomic(&self.manifest_path, text.as_bytes())?;
        if let Some(legacy) = &self.legacy {
            let _ = std::fs::remove_file(legacy);
        }
        Ok(())
    }
}

/// Reads a manifest, also in the older form (`outputs` of plain hashes).
fn parse_manifest(text: &str) -> Option<ManifestFile> {
    if let Ok(manifest) = serde_json::from_str::<ManifestFile>(text) {
        return Some(manifest);
    }
    #[derive(Deserialize)]
    struct Old {
        tool: String,
        outputs: BTreeMap<String, String>,
    }
    let old: Old = serde_json::from_str(text).ok()?;
    Some(ManifestFile {
        tool: old.tool,
        outputs: old
            .outputs
            .into_iter()
            .map(|(rel, hash)| {
                (
                    rel,
                    Entry {
                        hash,
                        article: String::new(),
                        meta: None,
                        resource: false,
                    },
                )
            })
            .collect(),
    })
}
