//! The learned weights of `evidence::FEATURES`, written by
//! `cargo run --release --example train -- --write PAIRS.tsv`: do not edit by hand.
//! Learned from msr_paraphrase_train.txt: 4076 pairs, 3605 aligned without a conflict;
//! 0.7471 of all pairs labelled right at the threshold.

pub const INTERCEPT: f64 = -2.866193800577552;
pub const WEIGHTS: [f64; 13] = [
    // similarity
    1.6963945555121862,
    // matched (less covered side)
    1.9295075994901998,
    // matched (better covered side)
    -0.5170789841566755,
    // shared word pairs
    -0.18737887435982106,
    // shared spelling
    0.9894043335869886,
    // shared order
    0.9893223043166037,
    // length ratio
    2.83403079445338,
    // numbers only one side has
    -0.02267418500321835,
    // names only one side has
    0.14237811022842223,
    // negation on one side only
    -0.9362063554352021,
    // facts only one side states
    -0.08203619943260622,
    // longest run of own words (side with more)
    -0.26052294744526444,
    // longest run of own words (side with fewer)
    -0.1595644807886423,
];
pub const EQUIVALENT_AT: f64 = 0.5933644155485505;
