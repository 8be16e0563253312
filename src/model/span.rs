//! Byte ranges: how every stage points into a report's text.

use std::fmt;

/// A half-open byte range `start..end` into a document's text as read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers.
    pub fn of(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    /// This span moved right by `offset` bytes: `Span::new(1, 3).shift(10)` is `11..13`.
    pub fn shift(self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }

    /// The span with leading and trailing white space of `text` removed.
    ///
    /// `"  ab "` over `0..5` gives `2..4`; all-white space gives an empty span.
    pub fn trim(self, text: &str) -> Span {
        let inner = self.of(text);
        let head = inner.len() - inner.trim_start().len();
        let body = inner.trim();
        if body.is_empty() {
            return Span::new(self.end, self.end);
        }
        Span::new(self.start + head, self.start + head + body.len())
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}
