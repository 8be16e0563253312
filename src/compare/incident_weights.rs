//! The learned weights of `incident::FEATURES`, written by
//! `cargo run --release --example train_incident -- --write DOCS PAIRS TOPICS`:
//! do not edit by hand.
//! Learned from ecbplus_docs.jsonl, topics 1-35: 8771 pairs of reports; 0.8721 labelled right at 0.5.

pub const INTERCEPT: f64 = -4.130913816708615;
pub const WEIGHTS: [f64; 13] = [
    // names in common (of the side with fewer)
    0.8434381159266944,
    // names in common (of all)
    6.821902865544268,
    // most-named names the other report names
    0.0014812874750771826,
    // shared vocabulary
    3.341701035432675,
    // closest sentence pair
    1.8296824187275649,
    // close sentence pairs
    0.21744448326056434,
    // pairs whose neighbours pair too
    1.4667522167885125,
    // a year in common
    1.8461459475931505,
    // years, none in common
    -0.705314541921003,
    // figures in common
    1.821925767398868,
    // a day in common
    0.4288637732913476,
    // a month in common
    1.7961056211343016,
    // each report's most-named name in the other
    0.7753900967039868,
];
