//! Reading one report from arbitrary text: cleaning, segmentation, quotations and facts.
#![no_main]

use factdiff::model::Source;
use factdiff::render::{self, Format, Layout};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let doc = factdiff::inspect(Source::new("t", text));
    for f in &doc.facts {
        assert!(f.span.start < f.span.end && f.span.end <= text.len());
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
    }
    for q in &doc.quotes {
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
    }
    let layout = Layout {
        width: 80,
        color: false,
        date: None,
        explain: false,
        command: &[],
        related: false,
        only: &[],
    };
    render::document(&doc, Format::Text, layout, &mut std::io::sink()).expect("a sink never fails");
    render::document(&doc, Format::Json, layout, &mut std::io::sink()).expect("a sink never fails");
});
