//! Printers: each one formats a finished [`Report`] (or one [`Document`]) and computes nothing.
//!
//! Article text is untrusted: every printer keeps it inert. The terminal printers pass it
//! through [`inert`]; the JSON printer leaves escaping to `serde_json`.

mod html;
mod json;
pub mod review;
mod text;

use std::borrow::Cow;
use std::io::{self, Write};

use crate::model::{Alignment, Document, Report, Side};

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
        Format::Summary => review::summary(report, out),
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

/// Makes untrusted text safe for a terminal: control characters, escape sequences and
/// bidirectional overrides are shown as visible codes instead of acting.
///
/// ```
/// use factdiff::render::inert;
/// assert_eq!(inert("a\u{1b}[31mb"), "a\\x1b[31mb");
/// assert_eq!(inert("x\u{202e}y"), "x<U+202E>y");
/// assert_eq!(inert("plain"), "plain");
/// ```
pub fn inert(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' => out.push(' '),
            c if (c as u32) < 0x80 && needs_escape(c) => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if needs_escape(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

pub(crate) fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}')
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

/// One line on why two sides were paired: the probability, then each measurement that
/// moved it with its contribution to the log-odds, largest first, then the model's base.
pub(crate) fn explanation(a: &Alignment) -> String {
    let mut evidence = a.evidence.clone();
    evidence.retain(|e| e.contribution.abs() >= 0.01);
    evidence.sort_by(|x, y| y.contribution.abs().total_cmp(&x.contribution.abs()));
    let parts: Vec<String> = evidence
        .iter()
        .map(|e| format!("{} {} {:+.2}", e.name, short(e.value), e.contribution))
        .collect();
    let overruled = overruled(a)
        .map(|why| format!("; {why}"))
        .unwrap_or_default();
    format!(
        "why: p = {:.3} that this is one fact with nothing added (from {:.3} it is): {}; base {:+.2}{overruled}",
        a.probability,
        crate::compare::evidence::threshold(),
        parts.join(", "),
        crate::compare::evidence::model().intercept
    )
}

/// Why a pair the model calls one fact with nothing added is not shown as one: a conflict,
/// or a fact only one side states.
pub(crate) fn overruled(a: &Alignment) -> Option<&'static str> {
    if a.is_equivalent() || a.probability < crate::compare::evidence::threshold() {
        None
    } else if a.is_only_related() {
        Some("but each side tells facts of its own")
    } else if !a.conflicts.is_empty() {
        Some("but a value conflicts")
    } else {
        Some("but a side states a fact the other does not")
    }
}

/// A measurement as printed: whole numbers bare, others to two places.
pub(crate) fn short(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.2}")
    }
}
