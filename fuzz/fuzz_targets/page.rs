//! Reading an arbitrary text as a saved web page: the tree, the reading text and its map
//! back into the page, then the report read out of it and printed.
#![no_main]

use factdiff::model::Source;
use factdiff::render::{self, Format, Layout};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|html: &str| {
    let Some((text, page)) = factdiff::read::page::read(html.to_string()) else {
        return;
    };
    for removed in &page.removed {
        assert!(removed.span.start <= removed.span.end && removed.span.end <= html.len());
        assert!(html.is_char_boundary(removed.span.start) && html.is_char_boundary(removed.span.end));
    }
    let doc = factdiff::inspect(Source {
        label: "page".into(),
        path: None,
        text,
        page: Some(page),
    });
    let spans = doc
        .sentences
        .iter()
        .map(|s| s.span)
        .chain(doc.dropped.iter().map(|d| d.span))
        .chain(doc.quotes.iter().map(|q| q.span))
        .chain(doc.facts.iter().map(|f| f.span));
    for span in spans {
        let at = doc.input_span(span);
        assert!(at.start <= at.end && at.end <= html.len(), "{span} -> {at}");
        assert!(html.is_char_boundary(at.start) && html.is_char_boundary(at.end));
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
    for format in [Format::Text, Format::Json] {
        render::document(&doc, format, layout, &mut std::io::sink()).expect("a sink never fails");
    }
});
