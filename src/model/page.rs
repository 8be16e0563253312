//! A saved web page read as a report: the page as read, and how the text factdiff reads
//! out of it maps back into the page.

use super::dropped::DropReason;
use super::span::Span;

/// A web page given as a report. The report's `text` is the page's reading text (the
/// headline and the article's paragraphs); this keeps the page itself and the way back.
#[derive(Clone, Debug, Default)]
pub struct Page {
    /// The page exactly as read.
    pub html: String,
    /// Where each piece of the reading text stands in `html`.
    pub map: OffsetMap,
    /// The parts of the page that are not in the reading text (its head, scripts,
    /// navigation, cookie banner, captions …), in page offsets and in page order.
    pub removed: Vec<Removed>,
    /// The day the page says it was published (`article:published_time`, JSON-LD
    /// `datePublished`, a `<time>` element in the article).
    pub published: Option<jiff::civil::Date>,
    /// Who the page says wrote it: the byline element, or the `author` metadata.
    pub byline: Option<Removed>,
    /// For a page in a single-byte character set, how `html` (decoded) counts back to
    /// the bytes as read.
    pub recoded: Option<Recoded>,
}

impl Page {
    /// `span` of `html` as bytes of the input as read.
    pub fn input_span(&self, span: Span) -> Span {
        match &self.recoded {
            Some(recoded) => Span::new(recoded.input(span.start), recoded.input(span.end)),
            None => span,
        }
    }
}

/// How a page read in a single-byte character set was decoded: each byte one character,
/// so a position in the decoded page counts back to the byte as read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recoded {
    /// The character set's name ("windows-1252").
    pub charset: &'static str,
    /// For each character decoded to more than one byte: where it ends in the decoded
    /// page, and how many bytes the decoded page has gained up to there.
    wide: Vec<(usize, usize)>,
}

impl Recoded {
    pub fn new(charset: &'static str, decoded: &str) -> Recoded {
        let mut wide = Vec::new();
        let mut gained = 0;
        for (at, c) in decoded.char_indices().filter(|(_, c)| !c.is_ascii()) {
            gained += c.len_utf8() - 1;
            wide.push((at + c.len_utf8(), gained));
        }
        Recoded { charset, wide }
    }

    /// The byte of the input as read that position `at` of the decoded page stands for.
    pub fn input(&self, at: usize) -> usize {
        let k = self.wide.partition_point(|&(end, _)| end <= at);
        at - k.checked_sub(1).map_or(0, |k| self.wide[k].1)
    }
}

/// A part of a page left out of its reading text, with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    /// The element's range in the page: from its start tag to its end tag.
    pub span: Span,
    pub reason: DropReason,
    /// The text a reader of the page would see there, white space collapsed; empty for
    /// what is never shown (scripts, styles, metadata).
    pub text: String,
}

/// One piece of a reading text and where it came from: `text..text + text_len` of the
/// reading text stands for `page..page + page_len` of the page.
///
/// A piece copied from the page maps byte for byte; others were changed on the way (an
/// entity decoded, white space collapsed, a paragraph break written where a tag stood)
/// and map only as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    text: usize,
    text_len: usize,
    page: usize,
    page_len: usize,
    copied: bool,
}

impl Piece {
    fn exact(&self) -> bool {
        self.copied
    }
}

/// Maps offsets of a reading text to offsets of the page it was read from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// In text order, without gaps: each piece starts where the one before ends.
    pieces: Vec<Piece>,
}

impl OffsetMap {
    /// Appends `len` bytes of reading text copied from the page at `page`.
    pub fn copy(&mut self, len: usize, page: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.pieces.last_mut()
            && last.copied
            && last.page + last.page_len == page
        {
            last.text_len += len;
            last.page_len += len;
            return;
        }
        self.add(len, Span::new(page, page + len), true);
    }

    /// Appends `text_len` bytes of reading text that stand, as a whole, for `page` of the
    /// page.
    pub fn push(&mut self, text_len: usize, page: Span) {
        if text_len > 0 || !page.is_empty() {
            self.add(text_len, page, false);
        }
    }

    fn add(&mut self, text_len: usize, page: Span, copied: bool) {
        let text = self.text_len();
        self.pieces.push(Piece {
            text,
            text_len,
            page: page.start,
            page_len: page.len(),
            copied,
        });
    }

    /// How long the reading text mapped so far is.
    pub fn text_len(&self) -> usize {
        self.pieces.last().map_or(0, |p| p.text + p.text_len)
    }

    /// The page range that `span` of the reading text was read from: from the page
    /// position of its first byte to the page position after its last.
    pub fn page_span(&self, span: Span) -> Span {
        let start = self.start(span.start);
        if span.is_empty() {
            return Span::new(start, start);
        }
        let end = self.end(span.end);
        Span::new(start, end.max(start))
    }

    /// Where the text byte at `at` came from (for a changed piece, where the piece starts).
    fn start(&self, at: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.text + p.text_len <= at);
        match self.pieces.get(i) {
            Some(p) if p.exact() => p.page + (at - p.text),
            Some(p) => p.page,
            None => self.pieces.last().map_or(0, |p| p.page + p.page_len),
        }
    }

    /// The page position after the text byte before `at`.
    fn end(&self, at: usize) -> usize {
        if at == 0 {
            return self.start(0);
        }
        let i = self.pieces.partition_point(|p| p.text + p.text_len < at);
        match self.pieces.get(i) {
            Some(p) if p.exact() => p.page + (at - p.text),
            Some(p) => p.page + p.page_len,
            None => self.pieces.last().map_or(0, |p| p.page + p.page_len),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reading text "Hi & bye" of `<p>Hi &amp;\n  bye</p>`.
    fn map() -> OffsetMap {
        let mut map = OffsetMap::default();
        map.copy(3, 3); // "Hi "
        map.push(1, Span::new(6, 11)); // "&" from "&amp;"
        map.push(1, Span::new(11, 14)); // " " from "\n  "
        map.copy(3, 14); // "bye"
        map
    }

    #[test]
    fn copied_pieces_map_byte_for_byte() {
        let map = map();
        assert_eq!(map.text_len(), 8);
        assert_eq!(map.page_span(Span::new(0, 2)), Span::new(3, 5));
        assert_eq!(map.page_span(Span::new(5, 8)), Span::new(14, 17));
        assert_eq!(map.page_span(Span::new(6, 7)), Span::new(15, 16));
    }

    #[test]
    fn changed_pieces_map_whole() {
        let map = map();
        // "&" is the whole entity; a span ending on it ends after the entity.
        assert_eq!(map.page_span(Span::new(3, 4)), Span::new(6, 11));
        assert_eq!(map.page_span(Span::new(0, 4)), Span::new(3, 11));
        assert_eq!(map.page_span(Span::new(0, 8)), Span::new(3, 17));
        assert_eq!(map.page_span(Span::new(4, 5)), Span::new(11, 14));
    }

    #[test]
    fn empty_spans_and_the_end_map_to_a_point() {
        let map = map();
        assert_eq!(map.page_span(Span::new(5, 5)), Span::new(14, 14));
        assert_eq!(map.page_span(Span::new(8, 8)), Span::new(17, 17));
        assert_eq!(
            OffsetMap::default().page_span(Span::new(0, 0)),
            Span::new(0, 0)
        );
    }

    #[test]
    fn a_recoded_page_counts_back_to_its_bytes() {
        // "Café €5" read from windows-1252: é and € are one byte each as read.
        let decoded = "Caf\u{e9} \u{20ac}5";
        let recoded = Recoded::new("windows-1252", decoded);
        let at = |needle: &str| recoded.input(decoded.find(needle).unwrap());
        assert_eq!(at("Caf"), 0);
        assert_eq!(at("\u{e9}"), 3);
        assert_eq!(at(" "), 4);
        assert_eq!(at("\u{20ac}"), 5);
        assert_eq!(at("5"), 6);
        assert_eq!(recoded.input(decoded.len()), 7);
    }

    #[test]
    fn neighbouring_copies_become_one_piece() {
        let mut map = OffsetMap::default();
        map.copy(2, 10);
        map.copy(3, 12);
        map.copy(2, 20);
        assert_eq!(map.pieces.len(), 2);
        assert_eq!(map.page_span(Span::new(1, 6)), Span::new(11, 21));
    }

    #[test]
    fn a_changed_piece_of_the_same_length_still_maps_whole() {
        let mut map = OffsetMap::default();
        map.push(2, Span::new(0, 2)); // "é" read from "\r\n"-like bytes
        assert_eq!(map.page_span(Span::new(1, 2)), Span::new(0, 2));
    }

    #[test]
    fn a_break_written_where_no_text_was_maps_to_its_tag() {
        let mut map = OffsetMap::default();
        map.copy(2, 0);
        map.push(2, Span::new(6, 6)); // "\n\n" for "</p><p>"
        map.copy(2, 9);
        assert_eq!(map.page_span(Span::new(0, 6)), Span::new(0, 11));
        assert_eq!(map.page_span(Span::new(4, 6)), Span::new(9, 11));
    }
}
