//! Text from the articles made safe and fitted for a terminal: controls, escape sequences,
//! bidirectional and invisible characters shown as codes, and labels cut to a width.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

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
