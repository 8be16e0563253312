//! Printers: each one formats a finished [`Report`] (or one [`Document`]) and computes nothing.
//!
//! What several printers show is worked out once, outside them: the single-source claims
//! ([`Report::single_source`], by `compare::claims`), the counts of the rows
//! ([`Report::counts`]), and the model's threshold and base ([`Report::equivalence`]). The
//! helpers here only arrange the report for printing: `rows` orders the side-by-side
//! rows, `Why` gathers the parts of an alignment's explanation for `--explain`.
//!
//! Article text is untrusted: every printer keeps it inert. The terminal printers pass it
//! through [`inert`]; the JSON printer leaves escaping to `serde_json`.

mod html;
mod json;
mod layout;
pub mod review;
mod rows;
mod terminal;
mod text;

pub use layout::{Format, Layout, MIN_WIDTH};
pub use terminal::inert;

use std::io::{self, Write};

use crate::model::{Document, Report};

/// Prints a comparison.
pub fn report(
    report: &Report,
    format: Format,
    layout: Layout,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Text => text::report(report, layout, out),
        Format::Json => json::report(report, layout.explain, out),
        Format::Review => review::report(report, layout, out),
        Format::Summary => review::summary(report, layout, out),
        Format::Html => html::report(report, layout, out),
    }
}

/// Prints one document as factdiff reads it.
pub fn document(
    doc: &Document,
    format: Format,
    layout: Layout,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Text => text::document(doc, layout, out),
        Format::Json => json::document(doc, out),
        // A review or a summary compares two reports; of one, the reading is what there is.
        Format::Review | Format::Summary | Format::Html => text::document(doc, layout, out),
    }
}

#[cfg(test)]
mod tests {
    use super::terminal::fit_width;
    use super::*;
    use crate::model::SameEvent;

    #[test]
    fn invisible_characters_are_shown_as_codes() {
        for (raw, shown) in [
            ("Port\u{200b}Elvin", "Port<U+200B>Elvin"),
            ("on\u{2060}Monday", "on<U+2060>Monday"),
            ("in\u{feff}side", "in<U+FEFF>side"),
            ("exam\u{ad}ple", "exam<U+00AD>ple"),
            (
                "a\u{180e}b\u{2062}c\u{fffa}d",
                "a<U+180E>b<U+2062>c<U+FFFA>d",
            ),
            ("pay\u{200d}pal\u{200c}s", "pay<U+200D>pal<U+200C>s"),
            ("\u{200d}\u{1f469}", "<U+200D>\u{1f469}"),
            ("\u{3164}\u{115f}\u{34f}", "<U+3164><U+115F><U+034F>"),
            ("a\u{2028}b", "a<U+2028>b"),
            ("note\u{e0001}", "note<U+E0001>"),
            // Tag characters spell hidden ASCII ("hi"), unless they name a flag.
            ("x\u{e0068}\u{e0069}", "x<U+E0068><U+E0069>"),
            ("\u{1f3f4}\u{e0068}\u{e0069}", "\u{1f3f4}<U+E0068><U+E0069>"),
        ] {
            assert_eq!(inert(raw), shown, "{raw:?}");
        }
    }

    #[test]
    fn joiners_and_selectors_inside_emoji_and_scripts_that_need_them_stay() {
        for kept in [
            // A family, a heart with its emoji presentation, a thumb with a skin tone.
            "\u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467}",
            "\u{2764}\u{fe0f}",
            "\u{1f44d}\u{1f3fd}",
            // The flag of Scotland: a black flag, tag letters "gbsct", a cancel tag.
            "\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}",
            // Persian "I want" (a non-joiner inside the word), Devanagari "ksha" with a joiner.
            "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}",
            "\u{915}\u{94d}\u{200d}\u{937}",
            // An ideographic variation sequence.
            "\u{845b}\u{e0100}",
        ] {
            assert_eq!(inert(kept), kept, "{kept:?}");
        }
    }

    #[test]
    fn names_in_a_warning_are_shown_as_codes_in_every_format() {
        // The names of a warning come from the reports: they may hide characters too.
        use crate::model::{Pair, Source};
        let mut report = crate::compare(
            Source::new("a", "Jackson was arrested on Monday."),
            Source::new("b", "Williams was arrested on Friday."),
        );
        report.same_event = Some(SameEvent {
            probability: 0.3,
            likely: false,
            on_topic: false,
            evidence: Vec::new(),
            refused: 0,
            apart: Some(Pair::new(
                "Jack\u{202e}son".to_string(),
                "Wil\u{200b}liams".to_string(),
            )),
            kept_apart: 1,
        });
        let layout = Layout {
            width: 80,
            color: false,
            date: None,
            explain: true,
            command: &[],
        };
        for format in [Format::Text, Format::Summary, Format::Review, Format::Html] {
            let mut out = Vec::new();
            super::report(&report, format, layout, &mut out).unwrap();
            let out = String::from_utf8(out).unwrap();
            assert!(out.contains("mostly about Jack"), "{format:?}: {out}");
            assert!(
                !out.contains(['\u{202e}', '\u{200b}']),
                "{format:?} printed a raw character: {out}"
            );
        }
    }

    #[test]
    fn fit_width_cuts_by_display_width_with_an_ellipsis() {
        assert_eq!(fit_width("harbour-gazette", 8), ("harbour…".into(), 8));
        assert_eq!(
            fit_width("harbour-gazette", 15),
            ("harbour-gazette".into(), 15)
        );
        assert_eq!(fit_width("日本語新聞", 6), ("日本…".into(), 5));
        assert_eq!(fit_width("cafe\u{301}s", 5), ("cafe\u{301}s".into(), 5));
        assert_eq!(fit_width("cafe\u{301}s", 4), ("caf…".into(), 4));
        assert_eq!(
            fit_width("e\u{301}e\u{301}e\u{301}", 2),
            ("e\u{301}…".into(), 2)
        );
        assert_eq!(fit_width("a b c d", 4), ("a b…".into(), 4));
        assert_eq!(fit_width("", 3), ("".into(), 0));
        // An emoji sequence is kept whole or left out, never cut inside.
        let family = "\u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        assert_eq!(
            fit_width(&format!("{family}{family}"), 3),
            (format!("{family}…").into(), 3)
        );
    }
}
