//! The learned weights of `evidence::FEATURES`, written by
//! `cargo run --release --example train -- --write PAIRS.tsv`: do not edit by hand.
//! Learned from msr_paraphrase_train.txt: 4076 pairs, 3601 aligned without a conflict;
//! 0.7318 of all pairs labelled right at the threshold.

pub const INTERCEPT: f64 = -6.078823833886694;
pub const WEIGHTS: [f64; 11] = [
    // similarity
    4.301472504470797,
    // matched (less covered side)
    1.876705708283289,
    // matched (better covered side)
    0.16735547137987558,
    // shared word pairs
    -1.6289124642239092,
    // shared spelling
    1.1597983668185818,
    // shared order
    0.5869457219072844,
    // length ratio
    3.0576734502098954,
    // numbers only one side has
    0.0005395677742794252,
    // names only one side has
    0.11099886191658323,
    // negation on one side only
    -1.0201474191233426,
    // facts only one side states
    -0.12340766121120447,
];
pub const EQUIVALENT_AT: f64 = 0.5744734099142423;
