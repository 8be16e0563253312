//! Printers: each one formats a finished [`Report`] (or one [`Document`]) and computes nothing.
//!
//! Article text is untrusted: every printer keeps it inert. The terminal printers pass it
//! through [`inert`]; the JSON printer leaves escaping to `serde_json`.

mod json;
pub mod review;
mod text;

use std::borrow::Cow;
use std::io::{self, Write};

use crate::model::{Document, Report};

/// The output formats. Adding one here shows every place that needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Side-by-side columns for people (colour optional).
    Text,
    /// The machine-readable comparison of `CONTRACT.md`.
    Json,
    /// A Markdown checklist for a fact-checker: conflicts, single-source claims, what is
    /// corroborated.
    Review,
    /// A few lines: the counts and the most important conflicts.
    Summary,
}

/// How the text printer lays out its output; `main` decides these from the terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Total width in columns.
    pub width: usize,
    /// Whether to emit ANSI colour; without it, differences are marked with brackets.
    pub color: bool,
    /// The date of the run, for outputs that record it (the review).
    pub date: Option<jiff::civil::Date>,
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
        Format::Json => json::report(report, out),
        Format::Review => review::report(report, layout, out),
        Format::Summary => review::summary(report, out),
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
        Format::Review | Format::Summary => text::document(doc, layout, out),
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

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}')
}
