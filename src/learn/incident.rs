//! Learning the one-incident judgement (`judge`): pairs of reports labelled one incident
//! or two, measured through alignment as the tool reads them.

use crate::align::Idf;
use crate::judge::{FEATURES, SAME_EVENT_AT, can_judge, measure};
use crate::model::{Document, Model, Pair};

/// Pairs of reports labelled one incident (`true`) or two, measured as the tool reads
/// them; the samples [`train`] fits.
pub fn sample(docs: Pair<&Document>) -> Option<Vec<f64>> {
    if !can_judge(docs) {
        return None;
    }
    let idf = Idf::new(docs);
    let links = crate::align::align(docs, &idf);
    Some(measure(docs, &idf, &links).to_vec())
}

/// A model learned from labelled pairs of reports, and how well it labels them.
#[derive(Clone, Debug, PartialEq)]
pub struct Trained {
    pub model: Model,
    pub samples: usize,
    /// Share of the samples labelled right at [`SAME_EVENT_AT`].
    pub accuracy: f64,
}

/// Learns the model from measured pairs `(measurements, one incident)`.
pub fn train(samples: &[(Vec<f64>, bool)]) -> Trained {
    let model = super::fit(samples);
    let right = samples
        .iter()
        .filter(|(x, label)| (model.probability(x) >= SAME_EVENT_AT) == *label)
        .count();
    Trained {
        accuracy: right as f64 / samples.len().max(1) as f64,
        samples: samples.len(),
        model,
    }
}

impl Trained {
    /// The Rust source of `judge/weights.rs`; `data` says what it was learned from.
    pub fn source(&self, data: &str) -> String {
        let mut out = String::new();
        out.push_str("//! The learned weights of `judge::FEATURES`, written by\n");
        out.push_str(
            "//! `cargo run --release --example train_incident -- --write DOCS PAIRS TOPICS`:\n",
        );
        out.push_str("//! do not edit by hand.\n");
        out.push_str(&format!(
            "//! Learned from {data}: {} pairs of reports; {:.4} labelled right at 0.5.\n\n",
            self.samples, self.accuracy
        ));
        out.push_str(&super::constants(&self.model, &FEATURES));
        out
    }
}
