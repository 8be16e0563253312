//! The learned weights of `incident::FEATURES`, written by
//! `cargo run --release --example train_incident -- --write DOCS PAIRS TOPICS`:
//! do not edit by hand.
//! Learned from ecbplus_docs.jsonl, topics 1-35: 8771 pairs of reports; 0.8720 labelled right at 0.5.

pub const INTERCEPT: f64 = -4.141935854492713;
pub const WEIGHTS: [f64; 13] = [
    // names in common (of the side with fewer)
    0.9047805443732811,
    // names in common (of all)
    6.8178740586316815,
    // most-named names the other report names
    0.0824147647041283,
    // shared vocabulary
    3.517916659421944,
    // closest sentence pair
    1.797604058077987,
    // close sentence pairs
    0.207262427514879,
    // pairs whose neighbours pair too
    1.479619317551734,
    // a year in common
    1.8096128863142982,
    // years, none in common
    -0.7890196033243863,
    // figures in common
    1.8335741552137799,
    // a day in common
    0.38694907533524486,
    // a month in common
    1.8548622309376221,
    // each report's most-named name in the other
    0.6408639203248239,
];
