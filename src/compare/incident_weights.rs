//! The learned weights of `incident::FEATURES`, written by
//! `cargo run --release --example train_incident -- --write DOCS PAIRS TOPICS`:
//! do not edit by hand.
//! Learned from ecbplus_docs.jsonl, topics 1-35: 8771 pairs of reports; 0.8729 labelled right at 0.5.

pub const INTERCEPT: f64 = -4.120437324726817;
pub const WEIGHTS: [f64; 13] = [
    // names in common (of the side with fewer)
    0.911297091004955,
    // names in common (of all)
    6.852317120257193,
    // most-named names the other report names
    0.0674123311529358,
    // shared vocabulary
    3.468387159404223,
    // closest sentence pair
    1.8231964419767681,
    // close sentence pairs
    0.19448779778296504,
    // pairs whose neighbours pair too
    1.4762660717370477,
    // a year in common
    1.7877006243861449,
    // years, none in common
    -0.7973890033987493,
    // figures in common
    1.8166023373919398,
    // a day in common
    0.4287566113274752,
    // a month in common
    1.8129800450985876,
    // each report's most-named name in the other
    0.5868212375860052,
];
