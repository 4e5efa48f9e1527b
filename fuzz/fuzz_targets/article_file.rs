//! Front-matter splitting and the whole article parser, with text safety.
#![no_main]
use std::sync::Arc;

use article::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (file, bad) = SourceFile::from_bytes("fuzz.md", None, data.to_vec());
    let checked = article::check::check_article(Arc::new(file), bad);
    for diag in &checked.diagnostics {
        let _ = diag.line_col();
        let _ = article::diag::render_human(diag);
    }
    if let Some(article) = &checked.article {
        let _ = article.segments();
    }
});
