//! The learned weights of `evidence::FEATURES`, written by
//! `cargo run --release --example train -- --write PAIRS.tsv`: do not edit by hand.
//! Learned from msr_paraphrase_train.txt: 4076 pairs, 3585 aligned without a conflict;
//! 0.7338 of all pairs labelled right at the threshold.

pub const INTERCEPT: f64 = -6.442538718476503;
pub const WEIGHTS: [f64; 11] = [
    // similarity
    4.484352205844054,
    // matched (less covered side)
    1.861711589359146,
    // matched (better covered side)
    -0.04343678082156317,
    // shared word pairs
    -1.5129717829085576,
    // shared spelling
    1.3809183413067885,
    // shared order
    0.4870812058926118,
    // length ratio
    3.453269157458809,
    // numbers only one side has
    -0.02058079285755782,
    // names only one side has
    0.11781334983494686,
    // negation on one side only
    -1.0314757775637518,
    // facts only one side states
    -0.13945834769079934,
];
pub const EQUIVALENT_AT: f64 = 0.5828531535717651;
