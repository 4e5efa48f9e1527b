//! The whole `check` pipeline on one article with one translation file:
//! the input is split in two at the first NUL byte.
#![no_main]
use article::commands::check::{Options, run};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (md, toml) = match data.iter().position(|b| *b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &b""[..]),
    };
    let dir = std::env::temp_dir().join(format!("article-fuzz-check-{}", std::process::id()));
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let _ = std::fs::write(dir.join("newsroom.toml"), "editions = [\"en\", \"ru\"]\n");
    let _ = std::fs::write(dir.join("story.md"), md);
    let _ = std::fs::write(dir.join("story.ru.toml"), toml);
    let options = Options {
        paths: vec![dir.join("story.md")],
        ..Options::default()
    };
    let _ = run(&options, &mut std::io::empty());
});
