//! A whole bundles folder as `article check --bundles` reads it: the input
//! is cut at NUL bytes into (relative path, text) pairs, laid out under
//! `locales/` (nested folders, odd names, an `en` reference or none), then
//! checked. Nothing may panic or overflow the stack.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(root) = dir() else { return };
    let locales = root.join("locales");
    let _ = std::fs::remove_dir_all(&locales);
    if std::fs::create_dir_all(locales.join("en")).is_err() {
        return;
    }
    let mut parts = data.split(|b| *b == 0);
    while let (Some(path), Some(text)) = (parts.next(), parts.next()) {
        let Ok(path) = std::str::from_utf8(path) else { continue };
        // Stay inside the folder: no absolute paths, no `..`.
        if path.is_empty() || path.starts_with('/') || path.split('/').any(|c| c == ".." || c.is_empty()) {
            continue;
        }
        let file = locales.join(path);
        if let Some(parent) = file.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::fs::write(file, text);
    }
    let options = article::commands::check::Options {
        bundles: Some(locales),
        reference: Some("en".into()),
        ..Default::default()
    };
    let _ = article::commands::check::run(&options, &mut std::io::empty());
});

fn dir() -> std::io::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("article-fuzz-bundles-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
