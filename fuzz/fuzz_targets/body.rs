//! Body segmentation, inline checks, rendering of inline Markdown and
//! transliteration on arbitrary text.
#![no_main]
use article::l10n::translit::Scheme;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (body, _) = article::article::body::parse(text, 0);
    for prose in body.prose() {
        assert!(prose.span.end <= text.len());
        let _ = article::render::inline_html(&prose.text);
        let _ = article::render::inline_plain(&prose.text);
    }
    let _ = article::article::body::inline_problems(text);
    let _ = Scheme::SerbianCyrillicToLatin.markdown(text);
    let _ = article::check::text::scan(text);
});
