//! Turning the paths on a command line into article files: files as named,
//! folders searched (recursively, in sorted order) for Markdown files
//! (`*.md`, `*.markdown`, in any case) with front matter, and `-` for
//! standard input. The Markdown files a folder search skips are returned
//! too, with the reason, so every command can say what it left out.

use std::path::{Path, PathBuf};

/// One article source to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file. `explicit` when named on the command line: it is then an
    /// article even without front matter (and gets an error for that);
    /// files found in folders are skipped when they have none.
    File {
        /// The path.
        path: PathBuf,
        /// Named on the command line.
        explicit: bool,
    },
    /// Standard input.
    Stdin,
}

/// Why a Markdown file found in a folder is not read as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// It does not start with front matter (a README).
    NoFrontMatter,
    /// It starts with `---`: YAML front matter.
    Yaml,
    /// Its first line is `+++` with spaces around it.
    Fence,
}

/// A Markdown file a folder search skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file.
    pub path: PathBuf,
    /// Why.
    pub why: Skip,
}

impl Skipped {
    /// The notes that tell a run what its folder searches skipped: one for
    /// the files without front matter (listed), one per file whose front
    /// matter is almost right.
    pub fn notes(skipped: &[Skipped]) -> Vec<String> {
        const LISTED: usize = 20;
        let mut notes = Vec::new();
        let plain: Vec<String> = skipped
            .iter()
            .filter(|s| s.why == Skip::NoFrontMatter)
            .map(|s| s.path.display().to_string())
            .collect();
        if !plain.is_empty() {
            let mut list = plain
                .iter()
                .take(LISTED)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            if plain.len() > LISTED {
                list.push_str(&format!(", and {} more", plain.len() - LISTED));
            }
            notes.push(format!(
                "skipped {} Markdown file{} without `+++` front matter (not articles): {list}",
                plain.len(),
                if plain.len() == 1 { "" } else { "s" },
            ));
        }
        for skipped in skipped {
            let why = match skipped.why {
                Skip::NoFrontMatter => continue,
                Skip::Yaml => {
                    "this file has YAML front matter; article reads TOML between +++ lines"
                }
                Skip::Fence => {
                    "its first line is `+++` with spaces around it; the front matter fence must be exactly +++"
                }
            };
            notes.push(format!("skipped {}: {why}", skipped.path.display()));
        }
        notes
    }
}

/// What the command-line paths name: the inputs, the paths that cannot be
/// read, and the Markdown files folder searches skipped.
pub type Expanded = (Vec<Input>, Vec<(PathBuf, anyhow::Error)>, Vec<Skipped>);

/// Expands command-line paths. Paths that cannot be read come back as
/// failures, and the rest is still expanded.
pub fn expand(paths: &[PathBuf]) -> Expanded {
    let mut inputs = Vec::new();
    let mut failures = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut inputs, &mut failures, &mut skipped),
            Ok(_) => inputs.push(Input::File {
                path: path.clone(),
                explicit: true,
            }),
            Err(err) => failures.push((
                path.clone(),
                anyhow::Error::new(err).context(format!("cannot read {}", path.display())),
            )),
        }
    }
    (inputs, failures, skipped)
}

/// Whether the file at `path` starts with a `+++` line (after an optional
/// BOM), or is not UTF-8 at all: reads only its first bytes, so commands that then read the article
/// do not read every file of a folder twice.
pub fn opens_with_front_matter(path: &Path) -> bool {
    classify(path).is_none()
}

/// Why the file at `path` is not a candidate article (`None`: it is one):
/// reads only its first bytes.
pub fn classify(path: &Path) -> Option<Skip> {
    use std::io::Read as _;
    let mut head = [0u8; 64];
    let Ok(mut file) = std::fs::File::open(path) else {
        return Some(Skip::NoFrontMatter);
    };
    let mut len = 0;
    while len < head.len() {
        match file.read(&mut head[len..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => len += n,
        }
    }
    let head = head.get(..len).unwrap_or_default();
    // UTF-16 (even all ASCII, which is valid UTF-8) is read, and reported.
    if crate::source::looks_utf16(head) {
        return None;
    }
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    // A file that is not UTF-8 may be an article saved in another encoding:
    // it is read (and reported), as `check` does, not skipped.
    if let Err(err) = std::str::from_utf8(head)
        && err.error_len().is_some()
    {
        return None;
    }
    let text = String::from_utf8_lossy(head);
    if crate::article::front_matter::has_front_matter(&text) {
        return None;
    }
    // The first line, when the head holds all of it.
    let first = text
        .split('\n')
        .next()
        .filter(|_| text.contains('\n'))
        .unwrap_or(&text);
    let first = first.strip_suffix('\r').unwrap_or(first);
    Some(match first.trim() {
        "+++" => Skip::Fence,
        "---" => Skip::Yaml,
        _ => Skip::NoFrontMatter,
    })
}

/// Whether a file name is that of a candidate article: `*.md` or
/// `*.markdown`, in any case.
fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown"))
}

fn walk(
    dir: &Path,
    inputs: &mut Vec<Input>,
    failures: &mut Vec<(PathBuf, anyhow::Error)>,
    skipped: &mut Vec<Skipped>,
) {
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(err) => {
                let error = anyhow::Error::new(err)
                    .context(format!("cannot read folder {}", dir.display()));
                failures.push((dir.clone(), error));
                continue;
            }
        };
        let mut files = Vec::new();
        let mut dirs = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue; // .git, editors' folders
            }
            let path = entry.path();
            // Symlinked folders are not followed (no loops); symlinked files are.
            match entry.file_type() {
                // An export's output folder (its manifest lies beside it)
                // holds Markdown editions with front matter, not articles.
                Ok(kind)
                    if kind.is_dir()
                        && dir
                            .join(format!(".{}.article-export.json", name.to_string_lossy()))
                            .is_file() => {}
                Ok(kind) if kind.is_dir() => dirs.push(path),
                Ok(_) if is_markdown(&path) && path.is_file() => files.push(path),
                _ => {}
            }
        }
        files.sort();
        dirs.sort();
        for path in files {
            match classify(&path) {
                None => inputs.push(Input::File {
                    path,
                    explicit: false,
                }),
                Some(why) => skipped.push(Skipped { path, why }),
            }
        }
        pending.extend(dirs.into_iter().rev());
    }
}
