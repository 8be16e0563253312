//! The learned weights of `judge::FEATURES`, written by
//! `cargo run --release --example train_incident -- --write DOCS PAIRS TOPICS`:
//! do not edit by hand.
//! Learned from ecbplus_docs.jsonl, topics 1-35: 8762 pairs of reports; 0.8667 labelled right at 0.5.

pub const INTERCEPT: f64 = -3.86717784012219;
pub const WEIGHTS: [f64; 13] = [
    // names in common (of the side with fewer)
    1.013027105062304,
    // names in common (of all)
    6.693541946779723,
    // most-named names the other report names
    0.2654887948861697,
    // shared vocabulary
    2.0255437984000264,
    // closest sentence pair
    2.2034775813521463,
    // close sentence pairs
    0.04946767418466032,
    // pairs whose neighbours pair too
    0.8151931909823014,
    // a year in common
    1.7515676399769289,
    // years, none in common
    -0.5752443743388496,
    // figures in common
    1.839269520457264,
    // a day in common
    0.8182111036708555,
    // a month in common
    2.0064219590298813,
    // each report's most-named name in the other
    0.6804410690167763,
];
