//! The learned weights of `incident::FEATURES`, written by
//! `cargo run --release --example train_incident -- --write DOCS PAIRS TOPICS`:
//! do not edit by hand.
//! Learned from ecbplus_docs.jsonl, topics 1-35: 8771 pairs of reports; 0.8699 labelled right at 0.5.

pub const INTERCEPT: f64 = -4.152924428859525;
pub const WEIGHTS: [f64; 10] = [
    // names in common (of the side with fewer)
    0.9805653679875507,
    // names in common (of all)
    6.732207207728479,
    // most-named names the other report names
    0.37013359587904276,
    // shared vocabulary
    3.7427050330813643,
    // closest sentence pair
    1.965421133839512,
    // close sentence pairs
    0.1940711655917007,
    // pairs whose neighbours pair too
    1.4526339197867766,
    // a year in common
    2.0209937170799477,
    // years, none in common
    -0.8105108617053123,
    // figures in common
    1.8138442607998513,
];
