//! Compiles the built-in Fluent bundles (`locales/<tag>/*.ftl`) into the
//! binary: generates a table of `(tag, file name, contents)`.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let mut entries = Vec::new();
    let root = Path::new("locales");
    if let Ok(dirs) = fs::read_dir(root) {
        for dir in dirs.flatten() {
            let tag = dir.file_name().to_string_lossy().into_owned();
            if !dir.path().is_dir() {
                continue;
            }
            println!("cargo:rerun-if-changed=locales/{tag}");
            if let Ok(files) = fs::read_dir(dir.path()) {
                for file in files.flatten() {
                    let name = file.file_name().to_string_lossy().into_owned();
                    if name.ends_with(".ftl") {
                        entries.push((tag.clone(), name));
                    }
                }
            }
        }
    }
    entries.sort();
    let manifest = env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let mut code = String::from(
        "/// Built-in bundles: (locale tag, file name, FTL source).\npub static BUILTIN_FTL: &[(&str, &str, &str)] = &[\n",
    );
    for (tag, name) in &entries {
        let path = Path::new(&manifest).join("locales").join(tag).join(name);
        let _ = writeln!(
            code,
            "    ({tag:?}, {name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    if let Err(err) = fs::write(Path::new(&out).join("builtin_locales.rs"), code) {
        println!("cargo:warning=could not write the built-in locale table: {err}");
        std::process::exit(1);
    }
    code_pages(&manifest, &out);
}

/// Compiles the pages of `docs/codes/*.md` (what `article explain CODE`
/// prints): a table of `(code, page)`.
fn code_pages(manifest: &str, out: &str) {
    println!("cargo:rerun-if-changed=docs/codes");
    let mut names = Vec::new();
    if let Ok(files) = fs::read_dir(Path::new(manifest).join("docs").join("codes")) {
        for file in files.flatten() {
            let name = file.file_name().to_string_lossy().into_owned();
            if let Some(code) = name.strip_suffix(".md") {
                names.push(code.to_owned());
            }
        }
    }
    names.sort();
    let mut code = String::from(
        "/// The page of each diagnostic code: (code, Markdown).\npub static CODE_PAGES: &[(&str, &str)] = &[\n",
    );
    for name in &names {
        let path = Path::new(manifest)
            .join("docs")
            .join("codes")
            .join(format!("{name}.md"));
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    if let Err(err) = fs::write(Path::new(out).join("code_pages.rs"), code) {
        println!("cargo:warning=could not write the code page table: {err}");
        std::process::exit(1);
    }
}
