//! Word wrap for the terminal printers: words measured by display width (colour codes
//! not counted), lines filled greedily, a word wider than its column broken between
//! graphemes.

use std::borrow::Cow;
use std::io::{self, Write};

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The words of plain text as chunks to wrap, each with its width on screen.
fn words_of(text: &str) -> Vec<Chunk<'_>> {
    text.split_whitespace()
        .map(|w| Chunk {
            text: Cow::Borrowed(w),
            width: visible_width(w),
        })
        .collect()
}

/// Writes plain text word-wrapped to `width`, every line indented by `indent` spaces.
pub(super) fn write_wrapped(
    out: &mut dyn Write,
    text: &str,
    width: usize,
    indent: usize,
) -> io::Result<()> {
    let chunks = words_of(text);
    for line in wrap(&chunks, width - indent) {
        writeln!(out, "{}{}", " ".repeat(indent), line.text)?;
    }
    Ok(())
}

/// Writes `lead`, then plain text word-wrapped to `width`: the first line after the lead,
/// the others indented by `hang` spaces.
pub(super) fn write_hanging(
    out: &mut dyn Write,
    lead: &str,
    text: &str,
    width: usize,
    hang: usize,
) -> io::Result<()> {
    let chunks = words_of(text);
    let first = width.saturating_sub(visible_width(lead)).max(1);
    let lines = wrap_hanging(&chunks, first, width.saturating_sub(hang).max(1));
    if lines.is_empty() {
        writeln!(out, "{lead}")?;
    }
    for (k, line) in lines.iter().enumerate() {
        if k == 0 {
            writeln!(out, "{lead}{}", line.text)?;
        } else {
            writeln!(out, "{}{}", " ".repeat(hang), line.text)?;
        }
    }
    Ok(())
}

/// A visual line of a column: the text to print (perhaps with colour) and its width.
#[derive(Debug)]
pub(super) struct Line {
    pub(super) text: String,
    pub(super) width: usize,
}

/// A word as printed: its final text (brackets or colour included) and its width.
pub(super) struct Chunk<'a> {
    /// Borrowed from the report where the word is printed as written (most are).
    pub(super) text: Cow<'a, str>,
    pub(super) width: usize,
}

/// Greedy word wrap by display width; a word wider than the column is broken.
pub(super) fn wrap(chunks: &[Chunk], width: usize) -> Vec<Line> {
    wrap_hanging(chunks, width, width)
}

/// As [`wrap`], with the first line `first` columns wide and the others `rest`.
pub(super) fn wrap_hanging(chunks: &[Chunk], first: usize, rest: usize) -> Vec<Line> {
    // Room for a full line of ASCII and a colour code or two, so a line is allocated once.
    let capacity = first.max(rest) + 24;
    let mut lines = Vec::new();
    let mut line = Line {
        text: String::with_capacity(capacity),
        width: 0,
    };
    let mut place = |text: &str, w: usize| {
        let width = if lines.is_empty() { first } else { rest };
        if line.width > 0 && line.width + 1 + w > width {
            lines.push(std::mem::replace(
                &mut line,
                Line {
                    text: String::with_capacity(capacity),
                    width: 0,
                },
            ));
        }
        if line.width > 0 {
            line.text.push(' ');
            line.width += 1;
        }
        line.text.push_str(text);
        line.width += w;
    };
    let narrowest = first.min(rest);
    for chunk in chunks {
        if chunk.width <= narrowest {
            place(&chunk.text, chunk.width);
            continue;
        }
        for (text, w) in fit(chunk, narrowest) {
            place(&text, w);
        }
    }
    if line.width > 0 {
        lines.push(line);
    }
    lines
}

/// A chunk as pieces no wider than `width`, broken between graphemes. Only a chunk without
/// colour codes is ever that wide in practice; a coloured one is broken on its visible
/// characters.
pub(super) fn fit(chunk: &Chunk, width: usize) -> Vec<(String, usize)> {
    if chunk.width <= width {
        return vec![(chunk.text.to_string(), chunk.width)];
    }
    let visible = strip_ansi(&chunk.text);
    let mut pieces = Vec::new();
    let (mut piece, mut w) = (String::new(), 0);
    for g in visible.graphemes(true) {
        let gw = g.width();
        if w + gw > width && w > 0 {
            pieces.push((std::mem::take(&mut piece), w));
            w = 0;
        }
        piece.push_str(g);
        w += gw;
    }
    if w > 0 {
        pieces.push((piece, w));
    }
    pieces
}

/// The display width of text without colour codes: its length when it is printable ASCII
/// (most words are), else what `unicode-width` says.
pub(super) fn plain_width(text: &str) -> usize {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        text.len()
    } else {
        text.width()
    }
}

/// The display width of text that may hold colour codes.
pub(super) fn visible_width(text: &str) -> usize {
    if text.contains('\u{1b}') {
        strip_ansi(text).width()
    } else {
        text.width()
    }
}

pub(super) fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_width_counts_columns_not_bytes() {
        assert_eq!(plain_width("[-ferry-]"), 9);
        assert_eq!(plain_width("日本"), 4);
        assert_eq!(plain_width("café"), 4);
        assert_eq!(plain_width(""), 0);
    }

    fn chunk(text: &str) -> Chunk<'_> {
        Chunk {
            text: text.into(),
            width: text.width(),
        }
    }

    #[test]
    fn wraps_by_display_width() {
        let chunks: Vec<Chunk> = ["日本語", "ab", "cd"].into_iter().map(chunk).collect();
        let lines = wrap(&chunks, 9);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["日本語 ab", "cd"]);
        assert_eq!(lines[0].width, 9);
    }

    #[test]
    fn breaks_words_wider_than_the_column() {
        let lines = wrap(&[chunk("abcdefgh")], 3);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["abc", "def", "gh"]);
    }

    #[test]
    fn strips_colour_codes_when_breaking() {
        assert_eq!(strip_ansi("\u{1b}[1;33mabc\u{1b}[0m"), "abc");
    }
}
