//! The learned weights of `judge::FEATURES`, written by
//! `cargo run --release --example train_incident -- --write DOCS PAIRS TOPICS`:
//! do not edit by hand.
//! Learned from ecbplus_docs.jsonl, topics 1-35: 8771 pairs of reports; 0.8724 labelled right at 0.5.

pub const INTERCEPT: f64 = -4.12726860846917;
pub const WEIGHTS: [f64; 13] = [
    // names in common (of the side with fewer)
    0.8440037450325083,
    // names in common (of all)
    6.865969025800842,
    // most-named names the other report names
    0.008589901877958894,
    // shared vocabulary
    3.3266450799851044,
    // closest sentence pair
    1.8334921999172398,
    // close sentence pairs
    0.21644550967237955,
    // pairs whose neighbours pair too
    1.4704810682670961,
    // a year in common
    1.841329571220955,
    // years, none in common
    -0.7066459229067912,
    // figures in common
    1.826324654944797,
    // a day in common
    0.4279054487838494,
    // a month in common
    1.7989591295457668,
    // each report's most-named name in the other
    0.7426904412142764,
];
