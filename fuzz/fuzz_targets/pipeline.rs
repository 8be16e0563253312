//! The whole pipeline on two arbitrary inputs: read checks, comparison, every printer.
#![no_main]

use factdiff::model::{Only, Source};
use factdiff::read::decode_lossy;
use factdiff::render::{self, Format, Layout};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first 0xFF byte (never valid UTF-8) splits the input into the two reports.
    let split = data
        .iter()
        .position(|&b| b == 0xff)
        .unwrap_or(data.len() / 2);
    let (left, right) = data.split_at(split);
    let right = right.get(1..).unwrap_or_default();
    let (Ok((left, _)), Ok((right, _))) =
        (decode_lossy(left.to_vec()), decode_lossy(right.to_vec()))
    else {
        return;
    };
    let mut report = factdiff::compare(Source::new("l", left), Source::new("r", right));
    let layout = Layout {
        width: 40 + data.len() % 120,
        color: data.len() % 2 == 0,
        date: None,
        explain: data.len() % 3 == 0,
        command: &[],
    };
    for format in [
        Format::Text,
        Format::Json,
        Format::Review,
        Format::Summary,
        Format::Html,
    ] {
        render::report(&report, format, layout, &mut std::io::sink()).expect("a sink never fails");
    }
    report.narrow(&[Only::Diverge, Only::Quotes]);
    render::report(&report, Format::Json, layout, &mut std::io::sink())
        .expect("a sink never fails");
});
