//! The learned weights of `evidence::FEATURES`, written by
//! `cargo run --release --example train -- --write PAIRS.tsv`: do not edit by hand.
//! Learned from msr_paraphrase_train.txt: 4076 pairs, 3604 aligned without a conflict;
//! 0.7461 of all pairs labelled right at the threshold.

pub const INTERCEPT: f64 = -2.8790554222600018;
pub const WEIGHTS: [f64; 13] = [
    // similarity
    1.67252062245204,
    // matched (less covered side)
    1.9277861297757184,
    // matched (better covered side)
    -0.4725599054880498,
    // shared word pairs
    -0.18612293761533436,
    // shared spelling
    0.966451800144144,
    // shared order
    0.960133624335156,
    // length ratio
    2.8555392951613854,
    // numbers only one side has
    -0.02407340635429322,
    // names only one side has
    0.1407402563073657,
    // negation on one side only
    -0.9374629587038982,
    // facts only one side states
    -0.08176916851914812,
    // longest run of own words (side with more)
    -0.2574795169997466,
    // longest run of own words (side with fewer)
    -0.16071694238352635,
];
pub const EQUIVALENT_AT: f64 = 0.591562890764704;
