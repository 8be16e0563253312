//! The learned weights of `judge::FEATURES`, written by
//! `cargo run --release --example train_incident -- --write DOCS PAIRS TOPICS`:
//! do not edit by hand.
//! Learned from ecbplus_docs.jsonl, topics 1-35: 8745 pairs of reports; 0.8640 labelled right at 0.5.

pub const INTERCEPT: f64 = -3.8178443484070312;
pub const WEIGHTS: [f64; 13] = [
    // names in common (of the side with fewer)
    0.962104135050647,
    // names in common (of all)
    6.589205345689878,
    // most-named names the other report names
    0.4203184877586246,
    // shared vocabulary
    1.9007390723526025,
    // closest sentence pair
    2.0610055430023286,
    // close sentence pairs
    0.1156933645130939,
    // pairs whose neighbours pair too
    0.7450834953078292,
    // a year in common
    1.4627824515764896,
    // years, none in common
    -0.6215781505082836,
    // figures in common
    1.9200365725584227,
    // a day in common
    0.9456280399166345,
    // a month in common
    2.397327523763679,
    // each report's most-named name in the other
    0.6460678599400841,
];
