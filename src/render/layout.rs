//! What every printer is told about its output, and the formats there are.

use crate::model::Only;

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
    /// Whether to show the rows only related to each other (`--related`): about one event,
    /// each side with facts of its own. Folded by default: they are not what a reader
    /// compares two reports for.
    pub related: bool,
    /// The kinds of items the comparison was narrowed to (`--only`), to say what is missing
    /// when nothing is left; empty when it was not narrowed.
    pub only: &'a [Only],
}

/// The narrowest layout the side-by-side view can draw.
pub const MIN_WIDTH: usize = 40;
