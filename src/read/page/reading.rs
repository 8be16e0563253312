//! Writing a page's reading text: its text runs with white space collapsed as a browser
//! shows it, a blank line between blocks and a line break for `<br>`, and for every piece
//! where in the page it came from.

use crate::model::{OffsetMap, Span};

/// A stretch of a run: `text` of the decoded run stands for `page` of the run's source,
/// copied as it is or changed on the way (an entity, a line end).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Bit {
    text: std::ops::Range<usize>,
    page: std::ops::Range<usize>,
    copied: bool,
}

/// How the decoded run `text` lines up with its source `raw`: the tokenizer decodes
/// entities and turns `\r\n` into `\n`; everything else is copied.
fn bits(raw: &str, text: &str) -> Vec<Bit> {
    let mut out = Vec::new();
    let (mut r, mut t) = (0, 0);
    // Where the current copied stretch began.
    let mut copied = (0, 0);
    let flush = |out: &mut Vec<Bit>, from: (usize, usize), r: usize, t: usize| {
        if t > from.1 {
            out.push(Bit {
                text: from.1..t,
                page: from.0..r,
                copied: true,
            });
        }
    };
    while r < raw.len() && t < text.len() {
        let changed = match raw.as_bytes()[r] {
            b'&' => reference(&raw[r..], &text[t..]),
            b'\r' if text.as_bytes()[t] == b'\n' => {
                Some((if raw[r..].starts_with("\r\n") { 2 } else { 1 }, 1))
            }
            _ => None,
        };
        if let Some((raw_len, text_len)) = changed {
            flush(&mut out, copied, r, t);
            out.push(Bit {
                text: t..t + text_len,
                page: r..r + raw_len,
                copied: false,
            });
            r += raw_len;
            t += text_len;
            copied = (r, t);
            continue;
        }
        if raw.as_bytes()[r] == b'&' && text.as_bytes()[t] == b'&' {
            // An ampersand that is only an ampersand ("AT&T").
            r += 1;
            t += 1;
            continue;
        }
        // Copied bytes, up to the next entity or line end: compared a byte at a time, and
        // backed off to a character boundary where the two part.
        let (rb, tb) = (raw.as_bytes(), text.as_bytes());
        let same = rb[r..]
            .iter()
            .zip(&tb[t..])
            .take_while(|&(a, b)| a == b && *a != b'&' && *a != b'\r')
            .count();
        let same = (0..=same)
            .rev()
            .find(|&n| raw.is_char_boundary(r + n))
            .unwrap_or(0);
        if same == 0 {
            break;
        }
        r += same;
        t += same;
    }
    flush(&mut out, copied, r, t);
    if r < raw.len() || t < text.len() {
        // Lost track (a reading this does not know): the rest maps as a whole.
        out.push(Bit {
            text: t..text.len(),
            page: r..raw.len(),
            copied: false,
        });
    }
    out
}

/// The shortest legacy entity without a semicolon (`&lt`).
const SHORTEST_NAME: usize = 2;

/// If `raw` opens with a character reference that `text` opens with the decoding of,
/// its length in each: `&amp;` and `&` give `(5, 1)`. An ampersand that is only an
/// ampersand ("AT&T") gives `None`.
fn reference(raw: &str, text: &str) -> Option<(usize, usize)> {
    let bytes = raw.as_bytes();
    let after = &bytes[1..];
    let lengths: Vec<usize> = if after.first() == Some(&b'#') {
        let hex = matches!(after.get(1), Some(b'x' | b'X'));
        let from = if hex { 2 } else { 1 };
        let digits = after[from..]
            .iter()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let end = 1 + from + digits;
        vec![end + usize::from(bytes.get(end) == Some(&b';'))]
    } else {
        let name = after
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name < SHORTEST_NAME {
            return None;
        }
        if bytes.get(1 + name) == Some(&b';') {
            vec![name + 2]
        } else {
            // A legacy entity may stop inside the word: "&copy2026" is "©2026".
            (1 + SHORTEST_NAME..=1 + name).rev().collect()
        }
    };
    // An unknown name is left as written ("&bogus;"): the text has it letter for letter.
    if lengths
        .first()
        .is_some_and(|&full| text.starts_with(&raw[..full]))
    {
        return None;
    }
    let mut chars = text.char_indices().map(|(i, c)| i + c.len_utf8());
    let decoded: Vec<usize> = chars.by_ref().take(2).collect();
    // Most references stand for one character; the longest reading that lines up wins,
    // and one that lines up on some text beats one that is only not contradicted.
    for sure in [true, false] {
        for &text_len in &decoded {
            for &raw_len in &lengths {
                if resumes(&raw[raw_len..], &text[text_len..], sure) {
                    return Some((raw_len, text_len));
                }
            }
        }
    }
    None
}

/// Whether the decoded text goes on as the source does, up to the source's next entity or
/// line end; `sure` asks for some text to line up, where both do not simply end.
fn resumes(raw: &str, text: &str, sure: bool) -> bool {
    if raw.is_empty() {
        return text.is_empty();
    }
    if raw.starts_with('\r') {
        return text.starts_with('\n');
    }
    let plain = raw.find(['&', '\r']).unwrap_or(raw.len()).min(32);
    let plain = (0..=plain)
        .rev()
        .find(|&i| raw.is_char_boundary(i))
        .unwrap_or(0);
    (plain > 0 || !sure) && text.starts_with(&raw[..plain])
}

/// What comes before the next text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gap {
    /// Nothing: the text goes on.
    None,
    /// A space, standing for white space at `page`.
    Space(Span),
    /// A line break (`<br>`).
    Line(usize),
    /// A blank line: a block ended or began.
    Block(usize),
}

/// The reading text as it is written, with its map.
#[derive(Debug)]
pub(super) struct Reading {
    pub text: String,
    pub map: OffsetMap,
    gap: Gap,
}

impl Default for Reading {
    fn default() -> Reading {
        Reading {
            text: String::new(),
            map: OffsetMap::default(),
            gap: Gap::None,
        }
    }
}

impl Reading {
    /// A block starts or ends at page offset `at`.
    pub fn block(&mut self, at: usize) {
        self.gap = Gap::Block(at);
    }

    /// A `<br>` at page offset `at`.
    pub fn line(&mut self, at: usize) {
        self.gap = match self.gap {
            Gap::Block(_) => self.gap,
            _ => Gap::Line(at),
        };
    }

    /// Appends a run of text: `text` decoded from `raw`, which starts at page offset
    /// `start`. In `<pre>`, white space is kept as it is.
    pub fn run(&mut self, raw: &str, text: &str, start: usize, pre: bool) {
        for bit in bits(raw, text) {
            let page = Span::new(start + bit.page.start, start + bit.page.end);
            let piece = &text[bit.text.clone()];
            if pre {
                self.put(piece, page, bit.copied);
            } else if bit.copied {
                self.copied(piece, page.start);
            } else if piece.chars().all(is_space) {
                self.space(page);
            } else {
                self.put(piece, page, false);
            }
        }
    }

    /// Text copied from the page at `start`: its white space collapses.
    fn copied(&mut self, piece: &str, start: usize) {
        let mut at = 0;
        while at < piece.len() {
            let rest = &piece[at..];
            let space = rest.len() - rest.trim_start_matches(is_space).len();
            if space > 0 {
                self.space(Span::new(start + at, start + at + space));
                at += space;
                continue;
            }
            let word = rest.find(is_space).unwrap_or(rest.len());
            let page = Span::new(start + at, start + at + word);
            self.put(&rest[..word], page, true);
            at += word;
        }
    }

    /// White space at `page`: one space, unless a break comes first or nothing went before.
    fn space(&mut self, page: Span) {
        self.gap = match self.gap {
            Gap::None => Gap::Space(page),
            Gap::Space(before) => Gap::Space(Span::new(before.start, page.end)),
            other => other,
        };
    }

    /// Writes `piece`, which stands for `page` (`copied` from it, or changed), after
    /// whatever gap is pending.
    fn put(&mut self, piece: &str, page: Span, copied: bool) {
        if piece.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            match self.gap {
                Gap::None => {}
                Gap::Space(space) if space.len() == 1 => self.write(" ", space, true),
                Gap::Space(space) => self.write(" ", space, false),
                Gap::Line(at) => self.write("\n", Span::new(at, at), false),
                Gap::Block(at) => self.write("\n\n", Span::new(at, at), false),
            }
        }
        self.gap = Gap::None;
        self.write(piece, page, copied);
    }

    fn write(&mut self, piece: &str, page: Span, copied: bool) {
        self.text.push_str(piece);
        if copied {
            self.map.copy(piece.len(), page.start);
        } else {
            self.map.push(piece.len(), page);
        }
    }
}

/// HTML's white space: what a browser collapses (and a byte-order mark, which shows
/// nothing). A no-break space is not.
pub(super) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c' | '\u{feff}')
}

/// The visible text of some runs, white space collapsed: for a removed element.
pub(super) fn collapsed<'a>(texts: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for text in texts {
        for word in text.split(is_space).filter(|w| !w.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bit(text: std::ops::Range<usize>, page: std::ops::Range<usize>) -> Bit {
        let copied = text.len() == page.len();
        Bit { text, page, copied }
    }

    #[test]
    fn entities_and_line_ends_are_bits_of_their_own() {
        let raw = "AT&T &ldquo;hi&rdquo;\r\nok";
        let text = "AT&T “hi”\nok";
        assert_eq!(
            bits(raw, text),
            [
                bit(0..5, 0..5),
                bit(5..8, 5..12),
                bit(8..10, 12..14),
                bit(10..13, 14..21),
                bit(13..14, 21..23),
                bit(14..16, 23..25),
            ]
        );
    }

    #[test]
    fn legacy_entities_and_numeric_references_are_read() {
        assert_eq!(bits("&copy2026", "©2026")[0], bit(0..2, 0..5));
        // An entity right after another: the one that lines up on some text wins.
        assert_eq!(
            bits("&copy2026&copy2026", "©2026©2026"),
            [
                bit(0..2, 0..5),
                bit(2..6, 5..9),
                bit(6..8, 9..14),
                bit(8..12, 14..18)
            ]
        );
        assert_eq!(bits("&#8212;x", "—x")[0], bit(0..3, 0..7));
        assert_eq!(bits("&#x2014x", "—x")[0], bit(0..3, 0..7));
        assert_eq!(
            bits("&bogus;\r\n&amp;", "&bogus;\n&"),
            [bit(0..7, 0..7), bit(7..8, 7..9), bit(8..9, 9..14)]
        );
    }

    #[test]
    fn a_run_that_cannot_be_followed_maps_as_a_whole() {
        let lost = Bit {
            text: 1..3,
            page: 1..3,
            copied: false,
        };
        assert_eq!(bits("abc", "axy"), [bit(0..1, 0..1), lost]);
    }

    fn read(html_runs: &[(&str, &str, usize)]) -> Reading {
        let mut reading = Reading::default();
        for &(raw, text, start) in html_runs {
            if raw == "<p>" {
                reading.block(start);
            } else if raw == "<br>" {
                reading.line(start);
            } else {
                reading.run(raw, text, start, false);
            }
        }
        reading
    }

    #[test]
    fn white_space_collapses_and_blocks_are_paragraphs() {
        // <p>  Two\n   words &amp; more</p><p>Next<br>line</p>
        let reading = read(&[
            ("<p>", "", 0),
            ("  Two\n   words &amp; more", "  Two\n   words & more", 3),
            ("<p>", "", 28),
            ("Next", "Next", 35),
            ("<br>", "", 39),
            ("line", "line", 43),
        ]);
        assert_eq!(reading.text, "Two words & more\n\nNext\nline");
        let span = |a: usize, b: usize| reading.map.page_span(Span::new(a, b));
        assert_eq!(span(0, 3), Span::new(5, 8));
        assert_eq!(span(4, 9), Span::new(12, 17));
        assert_eq!(span(10, 11), Span::new(18, 23));
        assert_eq!(span(0, 16), Span::new(5, 28));
        assert_eq!(span(18, 22), Span::new(35, 39));
    }

    #[test]
    fn collapsed_text_has_single_spaces() {
        assert_eq!(
            collapsed(["  Accept\n all ", "cookies"].into_iter()),
            "Accept all cookies"
        );
    }
}
