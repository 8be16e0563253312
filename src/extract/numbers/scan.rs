//! The small pieces every reading of a number uses: the value read so far, the letters
//! at a position, a word boundary before it, a look-up in a table of words.

use super::tables::SHARE_STEP;

/// One value read from the text.
pub(super) struct Value {
    pub(super) value: f64,
    /// The place of the last digit written: 1 for "14", 0.1 for "2.5"; 0 for words.
    pub(super) step: f64,
    /// The top of a vague plural's range ("hundreds").
    pub(super) high: Option<f64>,
    pub(super) ordinal: bool,
    /// The word "one" alone.
    pub(super) word_one: bool,
    /// A share in words ("two-thirds"), in percent.
    pub(super) share: bool,
    /// Where the value starts when that is before where it was looked for: the article of
    /// "a third of".
    pub(super) from: Option<usize>,
}

impl Value {
    pub(super) fn new(value: f64, step: f64) -> Value {
        Value {
            value,
            step,
            high: None,
            ordinal: false,
            word_one: false,
            share: false,
            from: None,
        }
    }

    /// `numerator` in `denominator` as a share in percent: "two-thirds" is 66.67.
    pub(super) fn share(numerator: f64, denominator: f64) -> Value {
        let percent = (numerator / denominator * 1e4).round() / 100.0;
        Value {
            share: true,
            ..Value::new(percent, SHARE_STEP)
        }
    }
}

/// The ASCII letters at the start of `text`, if any.
pub(super) fn letters_at(text: &str) -> Option<&str> {
    let len = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    (len > 0).then(|| &text[..len])
}

/// The value of `word` in `table`: "five" in the small numbers is 5.
pub(super) fn lookup(table: &[(&str, f64)], word: &str) -> Option<f64> {
    table.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

pub(super) fn word_boundary_before(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}
