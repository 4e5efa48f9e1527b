//! Fluent bundles: the built-in ones compiled from the project's `locales/`
//! folder, and a newsroom's own folder of `LANG/**/*.ftl`.

use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/builtin_locales.rs"));

/// The locale tags that have built-in bundles.
pub fn builtin_tags() -> Vec<&'static str> {
    let mut tags: Vec<&str> = BUILTIN_FTL.iter().map(|(tag, _, _)| *tag).collect();
    tags.dedup();
    tags
}

/// The built-in FTL sources of one locale.
pub fn builtin(tag: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    BUILTIN_FTL
        .iter()
        .filter(move |(t, _, _)| *t == tag)
        .map(|(_, name, source)| (*name, *source))
}

/// One `.ftl` file of a locales folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FolderFile {
    /// The locale: the name of the folder under the locales folder.
    pub tag: String,
    /// Its path inside the locale's folder, `/`-separated
    /// (`firefox/new/download.ftl`): the file of another locale with the
    /// same relative path is its counterpart.
    pub relative: String,
    /// Its path.
    pub path: PathBuf,
}

/// The `.ftl` files of a locales folder (`LANG/**/*.ftl`), sorted by locale
/// and relative path. Each locale's folder is read recursively; hidden
/// files and folders (`.git`) are skipped and symlinked folders are not
/// followed (no loops), symlinked files are. Anything named `*.ftl` is
/// listed, so a folder or a dangling link with that name can be reported.
pub fn list_folder(dir: &Path) -> std::io::Result<Vec<FolderFile>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let tag = entry.file_name().to_string_lossy().into_owned();
        if tag.starts_with('.') || !entry.file_type()?.is_dir() {
            continue;
        }
        let mut pending = vec![(entry.path(), String::new())];
        while let Some((folder, prefix)) = pending.pop() {
            for file in std::fs::read_dir(&folder)? {
                let file = file?;
                let name = file.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') {
                    continue;
                }
                let path = file.path();
                let relative = format!("{prefix}{name}");
                if path.extension().is_some_and(|ext| ext == "ftl") {
                    out.push(FolderFile {
                        tag: tag.clone(),
                        relative,
                        path,
                    });
                } else if file.file_type()?.is_dir() {
                    pending.push((path, format!("{relative}/")));
                }
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The files of [`list_folder`] by locale, in its order.
pub fn by_locale(files: Vec<FolderFile>) -> Vec<(String, Vec<FolderFile>)> {
    let mut out: Vec<(String, Vec<FolderFile>)> = Vec::new();
    for file in files {
        match out.last_mut() {
            Some((tag, list)) if *tag == file.tag => list.push(file),
            _ => out.push((file.tag.clone(), vec![file])),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_bundles_parse_without_errors() {
        for (tag, name, source) in BUILTIN_FTL {
            if let Err((_, errors)) = fluent_syntax::parser::parse(*source) {
                panic!("locales/{tag}/{name}: {errors:?}");
            }
        }
    }

    #[test]
    fn locale_folders_are_read_recursively() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for path in [
            "en/main.ftl",
            "en/firefox/new/download.ftl",
            "fr/firefox/new/download.ftl",
            "fr/.hidden/x.ftl",
            "fr/notes.txt",
            ".git/x/y.ftl",
        ] {
            std::fs::create_dir_all(root.join(path).parent().unwrap()).unwrap();
            std::fs::write(root.join(path), "x = y\n").unwrap();
        }
        std::fs::write(root.join("README.md"), "# locales\n").unwrap();
        // A symlinked folder is not followed: no loop.
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("en"), root.join("en/firefox/loop")).unwrap();
        let listed: Vec<(String, String)> = list_folder(root)
            .unwrap()
            .into_iter()
            .map(|f| (f.tag, f.relative))
            .collect();
        let want = [
            ("en", "firefox/new/download.ftl"),
            ("en", "main.ftl"),
            ("fr", "firefox/new/download.ftl"),
        ];
        assert_eq!(
            listed,
            want.map(|(t, r)| (t.to_owned(), r.to_owned())).to_vec()
        );
    }
}
