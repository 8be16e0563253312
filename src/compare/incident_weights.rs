//! The learned weights of `incident::FEATURES`, written by
//! `cargo run --release --example train_incident -- --write DOCS PAIRS TOPICS`:
//! do not edit by hand.
//! Learned from ecbplus_docs.jsonl, topics 1-35: 8771 pairs of reports; 0.8732 labelled right at 0.5.

pub const INTERCEPT: f64 = -4.132052642948597;
pub const WEIGHTS: [f64; 13] = [
    // names in common (of the side with fewer)
    0.9124743063016336,
    // names in common (of all)
    6.837908487830939,
    // most-named names the other report names
    0.04673000884301231,
    // shared vocabulary
    3.467061051450137,
    // closest sentence pair
    1.8265735143135415,
    // close sentence pairs
    0.19626241322160176,
    // pairs whose neighbours pair too
    1.4726613899337293,
    // a year in common
    1.801177335894943,
    // years, none in common
    -0.7598446560105858,
    // figures in common
    1.817802234337227,
    // a day in common
    0.43002471813948157,
    // a month in common
    1.8120112102542827,
    // each report's most-named name in the other
    0.6180913723882231,
];
