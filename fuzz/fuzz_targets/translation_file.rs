//! Translation files: reading, and localize's merge and writer on what was read.
#![no_main]
use std::sync::Arc;

use article::source::SourceFile;
use article::translations::{merge, parse, store};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let file = Arc::new(SourceFile::new("fuzz.toml", None, text.to_owned()));
    let (tf, diags) = parse(&file);
    if diags.is_empty() {
        let segments = article::segment::body_segments([("A paragraph.", 0..0), ("Another one.", 0..0)]);
        let plan = merge::plan(&segments, Some(&tf), false);
        let _ = store::render(Some(text), "a", "ru", &plan);
    }
});
