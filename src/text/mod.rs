//! Text as every stage reads it: words and their matching keys.
//!
//! `tokens` turns a sentence into words with keys (case, spelling and number words folded,
//! then stemmed; `model::Key` interns them); `fold` is the one name folding (possessives,
//! case, accents) every stage compares names by.
//! In tests, `matcher_tests` is what every test of a hand-written matcher against its
//! regular expression shares.

pub mod fold;
#[cfg(test)]
pub(crate) mod matcher_tests;
pub mod tokens;

/// Whether `c` counts as part of a word, as `\w` does in a regular expression: a letter, a
/// digit or an underscore.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}
