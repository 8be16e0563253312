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
pub mod review;
mod text;

use std::borrow::Cow;
use std::io::{self, Write};

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::model::{Alignment, Document, Equivalence, Evidence, Report, SameEvent, Side};

/// The output formats. Adding one here shows every place that needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Side-by-side columns for people (colour optional).
    Text,
    /// The machine-readable comparison described in `docs/json.md`.
    Json,
    /// A Markdown checklist for a fact-checker: conflicts, single-source claims, what is
    /// corroborated.
    Review,
    /// A few lines: the counts and the most important conflicts.
    Summary,
    /// A self-contained page to read, filter and review in a browser.
    Html,
}

/// How the printers lay out their output; `main` decides these from the terminal and the
/// command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout<'a> {
    /// Total width in columns.
    pub width: usize,
    /// Whether to emit ANSI colour; without it, differences are marked with brackets.
    pub color: bool,
    /// The date of the run, for outputs that record it (the review).
    pub date: Option<jiff::civil::Date>,
    /// Whether to show, for each alignment, the evidence behind it (`--explain`).
    pub explain: bool,
    /// The arguments that produced the output, after the program's name, for the review's
    /// "Regenerate with" line; empty for the two paths and `--format review`.
    pub command: &'a [String],
}

/// The narrowest layout the side-by-side view can draw.
pub const MIN_WIDTH: usize = 40;

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

/// Makes untrusted text safe for a terminal: control characters, escape sequences,
/// bidirectional overrides and invisible characters are shown as visible codes instead of
/// acting or hiding (see [`needs_escape`] for which).
///
/// ```
/// use factdiff::render::inert;
/// assert_eq!(inert("a\u{1b}[31mb"), "a\\x1b[31mb");
/// assert_eq!(inert("x\u{202e}y"), "x<U+202E>y");
/// assert_eq!(inert("Port\u{200b}Elvin"), "Port<U+200B>Elvin");
/// assert_eq!(inert("plain"), "plain");
/// ```
pub fn inert(text: &str) -> Cow<'_, str> {
    shown(text, |_| false)
}

/// As [`inert`], except the characters `keep` accepts, which pass as they are (a page
/// keeps its line ends and tabs).
pub(crate) fn shown(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| !keep(c) && (needs_escape(c) || in_context(c)))
    {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let escape = !keep(c) && (needs_escape(c) || in_context(c) && !joins(&chars, i));
        match c {
            _ if !escape => out.push(c),
            '\t' => out.push(' '),
            c if (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push_str(&format!("<U+{:04X}>", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// Characters shown as codes wherever they stand:
///
/// - controls (C0, DEL, C1): they move the cursor, ring, or start escape sequences;
/// - bidirectional marks, embeddings, overrides and isolates: they reorder what is shown;
/// - the other format characters (Unicode class Cf) and default-ignorable characters a
///   terminal draws as nothing or as a blank: zero-width space (U+200B), word joiner and
///   invisible operators (U+2060 to U+2064, and the deprecated U+206A to U+206F), a
///   byte-order mark inside the text (U+FEFF), the Mongolian vowel separator (U+180E),
///   interlinear annotation marks (U+FFF9 to U+FFFB), the combining grapheme joiner
///   (U+034F), Hangul fillers, the Egyptian, shorthand and musical format controls, the
///   language tag (U+E0001) and unassigned default-ignorables; they hide text ("Port​Elvin")
///   or make two different words look alike;
/// - the soft hyphen (U+00AD): terminals disagree whether to draw it, so the columns would
///   not line up, and it is invisible where they do not (the comparison ignores it);
/// - line and paragraph separators (U+2028, U+2029), which a terminal may break a line at.
///
/// Shown as they are: variation selectors (U+FE00 to U+FE0F, U+E0100 to U+E01EF, and
/// Mongolian's), which choose how the character before them is drawn (an emoji or a text
/// heart, a variant of an ideograph) and hide nothing; and the Arabic, Syriac and Kaithi
/// signs of class Cf that are drawn as glyphs (U+0600 to U+0605, U+06DD, U+070F, U+0890,
/// U+0891, U+08E2, U+110BD, U+110CD). Zero-width joiners and non-joiners and tag
/// characters depend on where they stand (see [`joins`]).
pub(crate) fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00ad}' | '\u{034f}' | '\u{061c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}'
            | '\u{17b5}' | '\u{180e}' | '\u{200b}' | '\u{200e}' | '\u{200f}'
            | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{feff}'
            | '\u{ffa0}' | '\u{fff9}'..='\u{fffb}' | '\u{13430}'..='\u{1345f}'
            | '\u{1bca0}'..='\u{1bca3}' | '\u{1d173}'..='\u{1d17a}' | '\u{e0000}'..='\u{e001f}'
            | '\u{e0080}'..='\u{e00ff}' | '\u{e01f0}'..='\u{e0fff}')
}

/// Zero-width joiner and non-joiner, and tag characters: part of the text in some places.
fn in_context(c: char) -> bool {
    matches!(c, '\u{200c}' | '\u{200d}' | '\u{e0020}'..='\u{e007f}')
}

/// Whether the character at `i` (one of [`in_context`]) belongs where it stands:
///
/// - a zero-width joiner or non-joiner between two characters beyond Latin, Greek and
///   Cyrillic's neighbours (from U+0370, not punctuation or white space): inside an emoji
///   sequence (a family, a profession) or a word of a script that spells with them
///   (Persian, the Indic scripts). Between Latin letters ("pay‍pal") it is shown: English
///   never needs one, and there it only hides a difference;
/// - a tag character in a run after a black flag (U+1F3F4) that ends with the cancel tag
///   (U+E007F): an emoji flag of a region ("🏴 gbsct"). Anywhere else tag characters spell
///   hidden ASCII.
fn joins(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if matches!(c, '\u{200c}' | '\u{200d}') {
        let beyond_latin = |c: char| {
            c >= '\u{370}'
                && !c.is_whitespace()
                && !needs_escape(c)
                && !in_context(c)
                && !('\u{2000}'..='\u{206f}').contains(&c)
        };
        return i > 0
            && chars.get(i + 1).is_some_and(|&n| beyond_latin(n))
            && beyond_latin(chars[i - 1]);
    }
    let tag = |c: &char| ('\u{e0020}'..='\u{e007f}').contains(c);
    let start = chars[..i]
        .iter()
        .rposition(|c| !tag(c))
        .map_or(0, |p| p + 1);
    let end = chars[i..]
        .iter()
        .position(|c| !tag(c))
        .map_or(chars.len(), |p| i + p);
    start > 0
        && chars[start - 1] == '\u{1f3f4}'
        && chars[end - 1] == '\u{e007f}'
        && end - start >= 2
}

/// `text` cut to at most `width` columns, grapheme by grapheme, with an ellipsis where it
/// was cut, and the width it takes.
pub(crate) fn fit_width(text: &str, width: usize) -> (Cow<'_, str>, usize) {
    let whole = text.width();
    if whole <= width {
        return (Cow::Borrowed(text), whole);
    }
    if width == 0 {
        return (Cow::Borrowed(""), 0);
    }
    let mut cut = String::with_capacity(text.len().min(4 * width));
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        cut.push_str(g);
        used += w;
    }
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    // A sequence measured whole may be wider than its graphemes one by one: make sure.
    while cut.width() > width {
        cut.pop();
        let last = cut.graphemes(true).next_back().map_or(0, str::len);
        cut.truncate(cut.len() - last);
        cut.push('…');
    }
    let used = cut.width();
    (Cow::Owned(cut), used)
}

/// One row of a side-by-side view: an alignment, or a sentence only one side has.
pub(crate) enum Row<'a> {
    Aligned(&'a Alignment),
    Only(Side, usize),
}

/// The rows of a comparison in the reading order of `side`: alignments by their first
/// sentence on that side (only-related ones after the others), each sentence only that side has in its place, and a sentence
/// only the other side has right after the row holding the other side's sentence before
/// it, so each column reads in order wherever the outlets agree on order.
pub(crate) fn rows(report: &Report, side: Side) -> Vec<Row<'_>> {
    let other = side.other();
    let mut rows = Vec::new();
    let len = report.documents.get(side).sentences.len();
    let mut by_first: Vec<Vec<&Alignment>> = vec![Vec::new(); len];
    for a in &report.alignments {
        by_first[a.sentences.get(side)[0]].push(a);
    }
    for (i, mut starting) in by_first.into_iter().enumerate() {
        if report.only.get(side).binary_search(&i).is_ok() {
            rows.push(Row::Only(side, i));
        }
        // What a sentence says (the same, with detail, in conflict) before what it is only
        // related to.
        starting.sort_by_key(|a| a.is_only_related());
        rows.extend(starting.into_iter().map(Row::Aligned));
    }
    // Where each sentence of the other side first appears, to place its only-sentences in
    // one pass (inserting into the list one at a time would be quadratic on long reports).
    let mut first_row = vec![None; report.documents.get(other).sentences.len()];
    for (r, row) in rows.iter().enumerate() {
        if let Row::Aligned(a) = row {
            for &j in a.sentences.get(other) {
                first_row[j].get_or_insert(r);
            }
        }
    }
    #[derive(Clone, Copy)]
    enum Anchor {
        Start,
        After(usize),
        End,
    }
    let mut start = Vec::new();
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); rows.len()];
    let mut end = Vec::new();
    let mut last: Option<(usize, Anchor)> = None;
    for &j in report.only.get(other) {
        let anchor = match (j.checked_sub(1), last) {
            (None, _) => Anchor::Start,
            // Right after the sentence before it, itself only on the other side.
            (Some(prev), Some((k, anchor))) if k == prev => anchor,
            (Some(prev), _) => first_row[prev].map_or(Anchor::End, Anchor::After),
        };
        match anchor {
            Anchor::Start => start.push(j),
            Anchor::After(r) => after[r].push(j),
            Anchor::End => end.push(j),
        }
        last = Some((j, anchor));
    }
    let only = |j: usize| Row::Only(other, j);
    let mut ordered = Vec::with_capacity(rows.len() + report.only.get(other).len());
    ordered.extend(start.into_iter().map(only));
    for (row, following) in rows.into_iter().zip(after) {
        ordered.push(row);
        ordered.extend(following.into_iter().map(only));
    }
    ordered.extend(end.into_iter().map(only));
    ordered
}

/// Why two sides were paired, in parts every printer of `--explain` formats its own way.
pub(crate) struct Why {
    /// The model's probability that the sides are one fact with nothing added.
    pub probability: f64,
    /// From this probability the model calls them so ([`Equivalence::threshold`]).
    pub threshold: f64,
    /// The model's log-odds before any measurement.
    pub base: f64,
    /// The measurements, the largest contribution to the log-odds first.
    pub evidence: Vec<Evidence>,
    /// Why a pair the model calls one fact with nothing added is not shown as one: a
    /// conflict, or a fact only one side states.
    pub overruled: Option<&'static str>,
}

impl Why {
    pub(crate) fn of(a: &Alignment, model: Equivalence) -> Why {
        let mut evidence = a.evidence.clone();
        evidence.sort_by(|x, y| y.contribution.abs().total_cmp(&x.contribution.abs()));
        let overruled = if a.is_equivalent() || a.probability < model.threshold {
            None
        } else if a.is_only_related() {
            Some("but each side tells facts of its own")
        } else if !a.conflicts.is_empty() {
            Some("but a value conflicts")
        } else {
            Some("but a side states a fact the other does not")
        };
        Why {
            probability: a.probability,
            threshold: model.threshold,
            base: model.intercept,
            evidence,
            overruled,
        }
    }
}

/// One line on why two sides were paired: the probability, then each measurement that
/// moved it with its contribution to the log-odds, largest first, then the model's base.
pub(crate) fn explanation(a: &Alignment, model: Equivalence) -> String {
    let why = Why::of(a, model);
    let parts: Vec<String> = why
        .evidence
        .iter()
        .filter(|e| e.contribution.abs() >= 0.01)
        .map(|e| format!("{} {} {:+.2}", e.name, short(e.value), e.contribution))
        .collect();
    let overruled = why
        .overruled
        .map(|why| format!("; {why}"))
        .unwrap_or_default();
    format!(
        "why: p = {:.3} that this is one fact with nothing added (from {:.3} it is): {}; base {:+.2}{overruled}",
        why.probability,
        why.threshold,
        parts.join(", "),
        why.base
    )
}

/// A measurement as printed: whole numbers bare, others to two places.
pub(crate) fn short(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.2}")
    }
}

// What a judgement means to a reader is the printers' to say: the text lives here, beside
// `inert`, as an inherent method so that every printer asks the judgement the same way.
impl SameEvent {
    /// What every printer says when the reports are perhaps or probably about different
    /// incidents.
    pub fn warning(&self) -> Option<String> {
        let apart = self.apart.as_ref().map(|names| {
            let (l, r) = (&names.left, &names.right);
            format!("the reports are mostly about {l} and {r}, and no sentence about {l} is linked to one about {r}")
        });
        if self.links_on_topic() {
            return apart.map(|apart| {
                let links = match self.kept_apart {
                    1 => "1 link is".to_string(),
                    n => format!("{n} links are"),
                };
                format!(
                    "perhaps two incidents: {apart} ({links} not shown; probability of one incident {:.2})",
                    self.probability
                )
            });
        }
        let how = if self.is_likely() {
            "perhaps"
        } else {
            "probably"
        };
        let refused = match self.refused {
            0 => String::new(),
            1 => "; 1 link resting on topic words alone is not shown".to_string(),
            n => format!("; {n} links resting on topic words alone are not shown"),
        };
        let apart = apart.map(|a| format!("; {a}")).unwrap_or_default();
        Some(format!(
            "{how} different events: the reports share too few specifics (names, places, \
             dates, figures) to be sure they are about one incident (probability {:.2}){refused}{apart}",
            self.probability
        ))
    }

    /// The measurements with their parts in the log-odds, for `--explain`.
    pub fn explanation(&self) -> String {
        let parts: Vec<String> = self
            .evidence
            .iter()
            .map(|e| format!("{} {:.2} ({:+.2})", e.name, e.value, e.contribution))
            .collect();
        format!(
            "one incident: probability {:.2}; {}",
            self.probability,
            parts.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
