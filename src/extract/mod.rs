//! What a checker cares about in each report: direct quotations and who said them, and the
//! facts of each sentence: numbers, dates and times, and names.

pub mod dates;
pub mod facts;
pub mod names;
pub mod numbers;
pub mod persons;
pub mod quotes;
pub mod words;

/// Whether `b` is a word byte as an ASCII `\b` sees it: a letter, a digit or `_`.
pub(crate) fn is_ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The words of `text` as an ASCII `\b` sees them (runs of letters, digits and `_`), as
/// byte ranges. The fact and quotation patterns look for English words, so their word
/// boundaries are ASCII ones.
pub(crate) fn ascii_words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && !is_ascii_word(bytes[at]) {
            at += 1;
        }
        if at == bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() && is_ascii_word(bytes[at]) {
            at += 1;
        }
        Some((start, at))
    })
}
