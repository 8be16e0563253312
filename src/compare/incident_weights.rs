//! The learned weights of `incident::FEATURES`, written by
//! `cargo run --release --example train_incident -- --write DOCS PAIRS TOPICS`:
//! do not edit by hand.
//! Learned from ecbplus_docs.jsonl, topics 1-35: 8771 pairs of reports; 0.8699 labelled right at 0.5.

pub const INTERCEPT: f64 = -4.152885439385172;
pub const WEIGHTS: [f64; 10] = [
    // names in common (of the side with fewer)
    0.9806427211620438,
    // names in common (of all)
    6.732213350282488,
    // most-named names the other report names
    0.37014775205346834,
    // shared vocabulary
    3.742484023478193,
    // closest sentence pair
    1.965099988805051,
    // close sentence pairs
    0.19432572336021858,
    // pairs whose neighbours pair too
    1.4525291260581672,
    // a year in common
    2.020986860879431,
    // years, none in common
    -0.8105117489404107,
    // figures in common
    1.8138509342306894,
];
