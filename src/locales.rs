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

    /// The messages of a built-in bundle, by id, without comments.
    fn messages(tag: &str) -> Vec<(String, String)> {
        builtin(tag)
            .flat_map(|(_, source)| source.lines())
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .map(|line| match line.split_once(" =") {
                Some((id, value)) if !line.starts_with(' ') => {
                    (id.to_owned(), value.trim().to_owned())
                }
                _ => (String::new(), line.to_owned()),
            })
            .collect()
    }

    /// Where a Latin bundle is its Cyrillic one transliterated, it stays so:
    /// the derived edition and the edition written directly read alike.
    #[test]
    fn script_pairs_are_transliterations() {
        use crate::l10n::translit::Scheme;
        for (from, to, scheme) in [
            ("kk", "kk-Latn", Scheme::KazakhCyrillicToLatin),
            ("cnr-Cyrl", "cnr-Latn", Scheme::MontenegrinCyrillicToLatin),
            ("cnr-Latn", "cnr-Cyrl", Scheme::MontenegrinLatinToCyrillic),
            ("sr-Cyrl", "sr-Latn", Scheme::SerbianCyrillicToLatin),
        ] {
            let expected: Vec<(String, String)> = messages(from)
                .into_iter()
                .map(|(id, value)| {
                    // Text outside placeables and variant keys only:
                    // `{ $date }`, `{ $count ->` and `[one]` stay.
                    if value.contains("->") {
                        return (id, value);
                    }
                    let mut out = String::new();
                    let mut text = String::new();
                    let mut depth = 0usize;
                    for ch in value.chars() {
                        if matches!(ch, '{' | '[') {
                            if depth == 0 {
                                out.push_str(&scheme.text(&std::mem::take(&mut text)));
                            }
                            depth += 1;
                        }
                        if depth == 0 {
                            text.push(ch);
                        } else {
                            out.push(ch);
                        }
                        if matches!(ch, '}' | ']') {
                            depth = depth.saturating_sub(1);
                        }
                    }
                    out.push_str(&scheme.text(&text));
                    (id, out)
                })
                .collect();
            let got = messages(to);
            assert!(!got.is_empty(), "{to}");
            for (want, got) in expected.iter().zip(&got) {
                assert_eq!(got, want, "{from} → {to}");
            }
            assert_eq!(got.len(), expected.len(), "{from} → {to}");
        }
    }

    /// Every built-in bundle has the messages of the English one, and the
    /// bundles added without a native editor's review say so.
    #[test]
    fn builtin_bundles_are_complete_and_marked() {
        let ids = |tag: &str| -> Vec<String> {
            let mut ids: Vec<String> = messages(tag)
                .into_iter()
                .map(|(id, _)| id)
                .filter(|id| !id.is_empty())
                .collect();
            ids.sort();
            ids
        };
        let english = ids("en");
        for tag in builtin_tags() {
            assert_eq!(ids(tag), english, "{tag}");
        }
        for tag in [
            "sq", "bs", "mk", "tk", "cnr-Latn", "cnr-Cyrl", "prs", "ce", "crh", "av", "uz-Cyrl",
            "kk-Latn",
        ] {
            let source: String = builtin(tag).map(|(_, s)| s).collect();
            assert!(
                source.contains("Not yet reviewed by a native editor."),
                "{tag}"
            );
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
