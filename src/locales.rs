//! Fluent bundles: the built-in ones compiled from the project's `locales/`
//! folder, and a newsroom's own folder of `LANG/*.ftl`.

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

/// The `.ftl` files of a locales folder, as (locale tag, path), sorted.
pub fn list_folder(dir: &Path) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if !entry.file_type()?.is_dir() {
            continue;
        }
        let tag = entry.file_name().to_string_lossy().into_owned();
        for file in std::fs::read_dir(entry.path())? {
            let file = file?;
            let path = file.path();
            if path.extension().is_some_and(|ext| ext == "ftl") {
                out.push((tag.clone(), path));
            }
        }
    }
    out.sort();
    Ok(out)
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
}
