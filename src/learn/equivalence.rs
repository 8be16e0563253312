//! Learning the equivalence model (`compare::equivalence`): labelled sentence pairs, each read
//! through the whole pipeline as two one-sentence reports, and the threshold from which a
//! pair counts as one fact with nothing added.

use crate::compare::equivalence::FEATURES;
use crate::model::Model;

/// Of the training pairs that are not one fact, the most the threshold may call one fact
/// with nothing added. A false agreement hides a difference from an editor, a missed one
/// only shows a paraphrase's words as its own; and the paraphrase corpus is two-thirds
/// paraphrases, so its most accurate threshold leans to "same" (it called 42% of the
/// others the same).
pub const MAX_FALSE_AGREEMENT: f64 = 0.35;

/// Labelled pairs from text in the paraphrase corpus's format: a header line, then
/// `label<TAB>id<TAB>id<TAB>sentence<TAB>sentence` (label `1` for the same fact). Lines
/// of another shape are skipped.
pub fn parse_pairs(text: &str) -> Vec<(bool, &str, &str)> {
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
            match cols.as_slice() {
                [label @ ("0" | "1"), _, _, left, right, ..] => {
                    Some((*label == "1", *left, *right))
                }
                _ => None,
            }
        })
        .collect()
}

/// A model learned from labelled sentence pairs, and how it was learned.
#[derive(Clone, Debug, PartialEq)]
pub struct Trained {
    pub model: Model,
    /// The probability from which a pair counts as one fact with nothing added.
    pub equivalent_at: f64,
    /// Pairs read, and those the pipeline aligned without a conflict (the model decides
    /// only those; the rest are never equivalent).
    pub pairs: usize,
    pub decided: usize,
    /// Share of all pairs the model with its threshold labels right.
    pub accuracy: f64,
}

/// Learns the model from labelled pairs `(same fact, left sentence, right sentence)`: each
/// pair goes through the whole pipeline as two one-sentence reports, exactly as the tool
/// would read them, and the measurements of the alignment it finds are the sample.
pub fn train(pairs: &[(bool, &str, &str)]) -> Trained {
    let mut samples: Vec<(Vec<f64>, bool)> = Vec::new();
    for &(label, left, right) in pairs {
        let report = crate::compare(
            crate::model::Source::new("left", format!("{left}\n")),
            crate::model::Source::new("right", format!("{right}\n")),
        );
        let found = report.alignments.iter().find(|a| {
            a.sentences.left.contains(&0)
                && a.sentences.right.contains(&0)
                && a.conflicts.is_empty()
        });
        if let Some(a) = found {
            samples.push((a.evidence.iter().map(|e| e.value).collect(), label));
        }
    }
    let model = super::fit(&samples);
    // The threshold that labels most pairs right while calling few enough of the others the
    // same; the undecided pairs count as "no".
    let mut scored: Vec<(f64, bool)> = samples
        .iter()
        .map(|(x, label)| (model.probability(x), *label))
        .collect();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0));
    let positives_undecided =
        pairs.iter().filter(|p| p.0).count() - scored.iter().filter(|s| s.1).count();
    let negatives_undecided = pairs.len() - scored.len() - positives_undecided;
    let negatives = pairs.len() - pairs.iter().filter(|p| p.0).count();
    let (best_at, best) = choose_threshold(&scored, negatives);
    Trained {
        model,
        equivalent_at: best_at,
        pairs: pairs.len(),
        decided: scored.len(),
        accuracy: (best + negatives_undecided) as f64 / pairs.len().max(1) as f64,
    }
}

/// The threshold over `scored` (probability and label, in ascending order) that labels
/// most samples right while calling at most [`MAX_FALSE_AGREEMENT`] of all `negatives`
/// the same, and how many samples it labels right.
fn choose_threshold(scored: &[(f64, bool)], negatives: usize) -> (f64, usize) {
    let allowed = |false_agreements: usize| {
        false_agreements as f64 <= MAX_FALSE_AGREEMENT * negatives.max(1) as f64
    };
    // With the threshold below every sample, all of them are "yes".
    let mut right = scored.iter().filter(|s| s.1).count();
    let mut false_agreements = scored.len() - right;
    let mut best = allowed(false_agreements).then_some((0.0, right));
    for k in 0..scored.len() {
        // Moving the threshold above sample k makes it a "no".
        if scored[k].1 {
            right -= 1;
        } else {
            right += 1;
            false_agreements -= 1;
        }
        let next = scored.get(k + 1).map_or(1.0, |s| s.0);
        let better = best.is_none_or(|(_, b)| right > b);
        if allowed(false_agreements) && better && next > scored[k].0 {
            best = Some(((scored[k].0 + next) / 2.0, right));
        }
    }
    best.unwrap_or((1.0, scored.iter().filter(|s| !s.1).count()))
}

impl Trained {
    /// The Rust source of `weights.rs` for this model; `data` says what it was learned from.
    pub fn source(&self, data: &str) -> String {
        let mut out = String::new();
        out.push_str("//! The learned weights of `equivalence::FEATURES`, written by\n");
        out.push_str("//! `cargo run --release --example train -- --write PAIRS.tsv`: do not edit by hand.\n");
        out.push_str(&format!(
            "//! Learned from {data}: {} pairs, {} aligned without a conflict;\n",
            self.pairs, self.decided
        ));
        out.push_str(&format!(
            "//! {:.4} of all pairs labelled right at the threshold.\n\n",
            self.accuracy
        ));
        out.push_str(&super::constants(&self.model, &FEATURES));
        out.push_str(&format!(
            "pub const EQUIVALENT_AT: f64 = {:?};\n",
            self.equivalent_at
        ));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The trainer is reproducible: on our own small sample it writes what it wrote when
    /// the sample was made (numbers compared to nine significant digits, so that a
    /// platform's last bit of `exp` cannot fail it).
    #[test]
    fn the_trainer_writes_the_same_weights_for_the_same_pairs() {
        let sample = include_str!("../../tests/data/paraphrase-sample.tsv");
        let expected = include_str!("../../tests/data/paraphrase-sample-weights.rs");
        let pairs = parse_pairs(sample);
        assert_eq!(pairs.len(), 24);
        let written = train(&pairs).source("paraphrase-sample.tsv");
        let words = |text: &str| -> Vec<String> {
            text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '[' | ']'))
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        };
        let (got, want) = (words(&written), words(expected));
        assert_eq!(got.len(), want.len(), "{written}");
        for (g, w) in got.iter().zip(&want) {
            match (g.parse::<f64>(), w.parse::<f64>()) {
                (Ok(g), Ok(w)) => assert!((g - w).abs() <= 1e-9 * w.abs().max(1.0), "{g} vs {w}"),
                _ => assert_eq!(g, w),
            }
        }
    }

    #[test]
    fn the_threshold_is_the_most_accurate_that_calls_few_others_the_same() {
        let scored = [
            (0.2, false),
            (0.4, true),
            (0.5, false),
            (0.6, true),
            (0.7, false),
            (0.8, true),
        ];
        // Three others: at most 1.05 of them may be called the same. Above 0.2 is as
        // accurate, but calls two of them the same.
        assert_eq!(choose_threshold(&scored, 3), (0.55, 4));
        // With many undecided others, the first of the most accurate is allowed.
        let (at, right) = choose_threshold(&scored, 100);
        assert!((at - 0.3).abs() < 1e-12 && right == 4, "{at} {right}");
    }
}
