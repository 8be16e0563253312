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
mod inspect;
mod json;
mod layout;
pub mod review;
mod rows;
mod speaker;
mod terminal;
mod text;
mod wrap;

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
        Format::Text => inspect::document(doc, layout, out),
        Format::Json => json::document(doc, out),
        // A review or a summary compares two reports; of one, the reading is what there is.
        Format::Review | Format::Summary | Format::Html => inspect::document(doc, layout, out),
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
            related: false,
            only: &[],
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

    /// A report whose left side takes two speakers from context ("the engineer" and "a
    /// spokesman" after the mayor is named) and has a quotation nobody is named for; the right names its
    /// speaker.
    fn guessed_speakers() -> Report {
        use crate::model::Source;
        let report = crate::compare(
            Source::new(
                "a",
                "Mayor Ellen Okafor opened the new weir at Dunmere on Monday.\n\
                 \"The gates held through the night,\" the engineer said.\n\
                 \"Not one house on the river flooded,\" a spokesman said.\n\
                 Crews cleared the last of the silt by noon.\n\
                 \"Every one of the crews stayed at their post until dawn.\"\n",
            ),
            Source::new(
                "b",
                "Mayor Ellen Okafor opened the new weir at Dunmere on Monday.\n\
                 \"The gates held through the night,\" said Ellen Okafor.\n",
            ),
        );
        let left = &report.documents.left.quotes;
        assert_eq!(left.len(), 3, "{left:?}");
        assert!(
            left[0].speaker_guessed && left[1].speaker_guessed,
            "{left:?}"
        );
        assert!(left[2].speaker.is_none(), "{left:?}");
        report
    }

    fn printed(report: &Report, format: Format) -> String {
        let layout = Layout {
            width: 100,
            color: false,
            date: None,
            explain: false,
            command: &[],
            related: false,
            only: &[],
        };
        let mut out = Vec::new();
        super::report(report, format, layout, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_guessed_speaker_is_said_to_be_guessed_in_every_format() {
        let guessed = guessed_speakers();
        let mut firm = guessed_speakers();
        for q in &mut firm.documents.left.quotes {
            q.speaker_guessed = false;
        }
        for format in [Format::Text, Format::Review, Format::Html] {
            let (with, without) = (printed(&guessed, format), printed(&firm, format));
            // Lines may wrap in the text view: compare words.
            let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                words(&with).contains("Ellen Okafor, speaker guessed from context")
                    || with.contains("Ellen Okafor</strong> <span class=\"guessed\""),
                "{format:?}: {with}"
            );
            assert!(
                words(&with).contains("speaker guessed from context"),
                "{format:?}: {with}"
            );
            assert!(!without.contains("guessed"), "{format:?}: {without}");
        }
        let inspected = |report: &Report| {
            let mut out = Vec::new();
            let layout = Layout {
                width: 100,
                color: false,
                date: None,
                explain: false,
                command: &[],
                related: false,
                only: &[],
            };
            super::document(&report.documents.left, Format::Text, layout, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let with = inspected(&guessed);
        assert!(
            with.contains("Ellen Okafor, speaker guessed from context (as \"a spokesman\")"),
            "{with}"
        );
        assert!(!inspected(&firm).contains("guessed"));
        let json = printed(&guessed, Format::Json);
        assert!(json.contains("\"speaker_guessed\": true"), "{json}");
        let json = printed(&firm, Format::Json);
        assert!(!json.contains("\"speaker_guessed\": true"), "{json}");
    }

    #[test]
    fn a_quotation_without_a_speaker_says_so_in_every_format() {
        let report = guessed_speakers();
        for format in [Format::Text, Format::Review] {
            let out = printed(&report, format);
            assert!(out.contains("speaker unknown"), "{format:?}: {out}");
        }
        let html = printed(&report, Format::Html);
        assert!(html.contains("<em>Speaker unknown</em>"), "{html}");
        assert!(printed(&report, Format::Json).contains("\"speaker\": null"));
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
