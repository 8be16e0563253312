//! The learned weights of `incident::FEATURES`, written by
//! `cargo run --release --example train_incident -- --write DOCS PAIRS TOPICS`:
//! do not edit by hand.
//! Learned from ecbplus_docs.jsonl, topics 1-35: 8781 pairs of reports; 0.8779 labelled right at 0.5.

pub const INTERCEPT: f64 = -4.123254377891904;
pub const WEIGHTS: [f64; 10] = [
    // names in common (of the side with fewer)
    0.8561909281343449,
    // names in common (of all)
    6.827683378346984,
    // most-named names the other report names
    0.3631894575147401,
    // shared vocabulary
    3.0373022056303873,
    // closest sentence pair
    3.0815073641205775,
    // close sentence pairs
    -0.10346145654719864,
    // pairs whose neighbours pair too
    0.86036072231623,
    // a year in common
    1.8217186097544031,
    // years, none in common
    -0.8843061413732153,
    // figures in common
    1.8682421987513878,
];
