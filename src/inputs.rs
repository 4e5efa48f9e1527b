//! Turning the paths on a command line into article files: files as named,
//! folders searched (recursively, in sorted order) for `*.md` files with
//! front matter, and `-` for standard input.

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

/// Expands command-line paths. Paths that cannot be read come back as
/// failures, and the rest is still expanded.
pub fn expand(paths: &[PathBuf]) -> (Vec<Input>, Vec<(PathBuf, anyhow::Error)>) {
    let mut inputs = Vec::new();
    let mut failures = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut inputs, &mut failures),
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
    (inputs, failures)
}

/// Whether the file at `path` starts with a `+++` line (after an optional
/// BOM), or is not UTF-8 at all: reads only its first bytes, so commands that then read the article
/// do not read every file of a folder twice.
pub fn opens_with_front_matter(path: &Path) -> bool {
    use std::io::Read as _;
    let mut head = [0u8; 8];
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let mut len = 0;
    while len < head.len() {
        match file.read(&mut head[len..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => len += n,
        }
    }
    let head = &head[..len];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    // A file that is not UTF-8 may be an article saved in another encoding:
    // it is read (and reported), as `check` does, not skipped.
    if let Err(err) = std::str::from_utf8(head)
        && err.error_len().is_some()
    {
        return true;
    }
    let text = String::from_utf8_lossy(head);
    crate::article::front_matter::has_front_matter(&text)
}

/// Whether a file name is that of a candidate article (`*.md`).
fn is_markdown(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "md")
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, failures: &mut Vec<(PathBuf, anyhow::Error)>) {
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
        inputs.extend(files.into_iter().map(|path| Input::File {
            path,
            explicit: false,
        }));
        pending.extend(dirs.into_iter().rev());
    }
}
