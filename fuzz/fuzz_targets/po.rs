//! The PO importer; what it reads must write and read back.
#![no_main]
use article::interchange::po;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(doc) = po::read(text) {
        let again = po::write(&doc);
        let _ = po::read(&again);
    }
});
