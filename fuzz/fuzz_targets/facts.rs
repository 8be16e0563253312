//! The number and date parsers on arbitrary text, where most of the byte arithmetic is.
#![no_main]

use factdiff::extract::dates::{Resolver, dates};
use factdiff::extract::numbers::numbers;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for (span, _) in numbers(text) {
        assert!(
            span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end)
        );
    }
    let mut resolver = Resolver::new(jiff::civil::Date::new(2026, 3, 14).ok());
    for (span, written) in dates(text) {
        let when = resolver.resolve(&written, span.of(text));
        let _ = when.normalised();
    }
});
