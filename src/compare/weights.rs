//! The learned weights of `equivalence::FEATURES`, written by
//! `cargo run --release --example train -- --write PAIRS.tsv`: do not edit by hand.
//! Learned from msr_paraphrase_train.txt: 4076 pairs, 3605 aligned without a conflict;
//! 0.7468 of all pairs labelled right at the threshold.

pub const INTERCEPT: f64 = -2.8641599828778648;
pub const WEIGHTS: [f64; 13] = [
    // similarity
    1.7001012860969231,
    // matched (less covered side)
    1.9320483288773667,
    // matched (better covered side)
    -0.5281052862188219,
    // shared word pairs
    -0.18827240197884676,
    // shared spelling
    0.9902803348275862,
    // shared order
    0.9939468444487376,
    // length ratio
    2.8324372902661903,
    // numbers only one side has
    -0.021535069658596435,
    // names only one side has
    0.1432367966118996,
    // negation on one side only
    -0.9360998324105165,
    // facts only one side states
    -0.08380448832577875,
    // longest run of own words (side with more)
    -0.2604104676001241,
    // longest run of own words (side with fewer)
    -0.1596349802955587,
];
pub const EQUIVALENT_AT: f64 = 0.5932112669594383;
