//! What every test of a hand-written matcher against the expression it stands for shares:
//! text generated from pieces and glue, a run of many cases, and matches as spans.
//!
//! A matcher test picks its pieces (the words and signs its matcher cares about, and a few
//! it must not take), builds [`texts`] of them, and checks in [`run`] that the matcher and
//! its `regex` expression agree on each text.

use std::ops::Range;

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

/// The cases most matcher tests run.
pub const CASES: u32 = 2000;

/// What stands between two generated pieces: mostly a space.
pub fn glue() -> impl Strategy<Value = &'static str> + Clone {
    proptest::sample::select(vec![" ", " ", " ", "", "  ", "\u{a0}"])
}

/// Texts of `lengths` pieces, each followed by a glue: "said Kim " of ("said", " "), ("Kim",
/// " ").
pub fn texts(
    piece: impl Strategy<Value = &'static str>,
    glue: impl Strategy<Value = &'static str>,
    lengths: Range<usize>,
) -> impl Strategy<Value = String> {
    proptest::collection::vec((piece, glue), lengths)
        .prop_map(|parts| parts.iter().map(|(p, g)| format!("{p}{g}")).collect())
}

/// Runs `check` on `cases` values of `strategy` ([`CASES`] for most matcher tests, or
/// `Config::default().cases` for proptest's own default), panicking with the smallest
/// failing one.
pub fn run<S: Strategy>(
    cases: u32,
    strategy: &S,
    check: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    TestRunner::new(Config::with_cases(cases))
        .run(strategy, check)
        .unwrap();
}

/// Where `expression` matches in `text`, as (start, end) pairs.
pub fn spans(expression: &regex::Regex, text: &str) -> Vec<(usize, usize)> {
    expression
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect()
}
