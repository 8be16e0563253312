//! The whole pipeline on two arbitrary inputs: read checks, comparison, every printer, with
//! odd labels and any width from the narrowest; no printed line may be wider than asked.
#![no_main]

use factdiff::model::{Only, Source};
use factdiff::read::decode_lossy;
use factdiff::render::{self, Format, Layout, MIN_WIDTH};
use libfuzzer_sys::fuzz_target;
use unicode_width::UnicodeWidthStr;

/// Labels that have broken printers, or could: long, wide, combining, emoji sequences,
/// invisible and control characters, empty.
const LABELS: &[&str] = &[
    "l",
    "",
    "the-harbour-gazette-evening-edition-archive-copy-of-the-agency-wire-service",
    "港湾日报晚间版港湾日报晚间版港湾日报晚间版港湾日报晚间版",
    "e\u{301}\u{302}e\u{301}\u{302}e\u{301}\u{302}e\u{301}\u{302}e\u{301}\u{302}",
    "\u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467}\u{1f1ec}\u{1f1e7}\u{2764}\u{fe0f}\u{1f44d}\u{1f3fd}",
    "wire\u{1b}[2J\u{7}\r\n\t\u{85}",
    "ga\u{200b}zette\u{feff}\u{2060}\u{e0041}\u{202e}\u{ad}",
    " ",
];

/// The widest layout the target tries.
const MAX_WIDTH: usize = 300;

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
    // The labels and the width come from the input too: a label from the table, or the
    // first line of the other report (any text at all).
    let byte = |k: usize| data.get(k).copied().map_or(0, usize::from);
    let label = |k: usize, other: &str| match byte(k) % (LABELS.len() + 1) {
        n if n < LABELS.len() => LABELS[n].to_string(),
        _ => other.lines().next().unwrap_or_default().to_string(),
    };
    let (left_label, right_label) = (label(1, &right), label(2, &left));
    let width = MIN_WIDTH + (byte(3) * 7 + data.len()) % (MAX_WIDTH - MIN_WIDTH + 1);
    let mut report = factdiff::compare(
        Source::new(left_label, left),
        Source::new(right_label, right),
    );
    let layout = Layout {
        width,
        color: data.len() % 2 == 0,
        date: None,
        explain: data.len() % 3 == 0,
        command: &[],
        related: data.len() % 5 == 0,
        only: &[],
    };
    for format in [
        Format::Text,
        Format::Json,
        Format::Review,
        Format::Summary,
        Format::Html,
    ] {
        let mut out = Vec::new();
        render::report(&report, format, layout, &mut out).expect("memory never fails");
        if matches!(format, Format::Text | Format::Summary) {
            assert_fits(&out, width);
        }
    }
    let mut out = Vec::new();
    render::document(&report.documents.right, Format::Text, layout, &mut out)
        .expect("memory never fails");
    assert_fits(&out, width);
    report.narrow(&[Only::Diverge, Only::Quotes]);
    render::report(&report, Format::Json, layout, &mut std::io::sink())
        .expect("a sink never fails");
});

/// Every line of a terminal output, colour codes aside, fits `width` columns.
fn assert_fits(out: &[u8], width: usize) {
    let text = std::str::from_utf8(out).expect("terminal output is UTF-8");
    for line in text.lines() {
        let mut shown = String::with_capacity(line.len());
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                // A colour code: up to its final letter.
                chars.by_ref().find(char::is_ascii_alphabetic);
            } else {
                shown.push(c);
            }
        }
        assert!(
            shown.width() <= width,
            "{} > {width}: {shown:?}",
            shown.width()
        );
    }
}
