//! The learned weights of `equivalence::FEATURES`, written by
//! `cargo run --release --example train -- --write PAIRS.tsv`: do not edit by hand.
//! Learned from paraphrase-sample.tsv: 24 pairs, 19 aligned without a conflict;
//! 1.0000 of all pairs labelled right at the threshold.

pub const INTERCEPT: f64 = 3.5944903128408323;
pub const WEIGHTS: [f64; 13] = [
    // similarity
    0.3173489239126317,
    // matched (less covered side)
    0.39808120432445704,
    // matched (better covered side)
    0.3497736430848315,
    // shared word pairs
    0.15635496067943108,
    // shared spelling
    0.36133159298355066,
    // shared order
    0.1473623237058577,
    // length ratio
    -0.10410550126545118,
    // numbers only one side has
    -0.07254995816368583,
    // names only one side has
    -0.45624246647585986,
    // negation on one side only
    0.0,
    // facts only one side states
    -1.0290348985084838,
    // longest run of own words (side with more)
    -0.4072143674946105,
    // longest run of own words (side with fewer)
    -0.8922000634480736,
];
pub const EQUIVALENT_AT: f64 = 0.5251756190352317;
