//! Fluent bundle loading and the bundle checks on one newsroom locale.
#![no_main]
use article::l10n::bundles::Stack;
use article::newsroom::Newsroom;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(dir) = tempfile_dir() else { return };
    let locale = dir.join("ru");
    if std::fs::create_dir_all(&locale).is_err() || std::fs::write(locale.join("x.ftl"), text).is_err() {
        return;
    }
    if let Ok(stack) = Stack::load(Some(&dir), None) {
        let _ = article::check::bundles::check(&stack, &Newsroom::builtin());
        let l10n = stack.edition("ru", "en", None);
        let _ = l10n.message("about", None);
    }
});

fn tempfile_dir() -> std::io::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("article-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
