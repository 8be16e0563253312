//! The evidence that two aligned groups of sentences tell one fact in other words, and the
//! probability a learned model gives it.
//!
//! Each alignment gets a handful of measurements ([`FEATURES`]): how much of each side's
//! content finds a partner, shared word pairs, shared spelling, shared order, length,
//! numbers and names only one side has, a negation only one side has, facts only one side
//! states, the longest run of words each side has alone (a clause one side adds), and the
//! aligner's own similarity. A logistic model ([`crate::learn`]) weighs
//! them; its weights are learned from labelled paraphrase pairs by `examples/train.rs`
//! and written into `weights.rs`, never set by hand. `--explain` shows each measurement
//! and what it contributed.

use rustc_hash::FxHashMap;

use super::weights;
use crate::learn::{Model, sigmoid};
use crate::model::{Evidence, Key, Mark, Pair, Token, TokenKind};

/// The measurements, in the order of the model's weights.
pub const FEATURES: [&str; 13] = [
    "similarity",
    "matched (less covered side)",
    "matched (better covered side)",
    "shared word pairs",
    "shared spelling",
    "shared order",
    "length ratio",
    "numbers only one side has",
    "names only one side has",
    "negation on one side only",
    "facts only one side states",
    "longest run of own words (side with more)",
    "longest run of own words (side with fewer)",
];

/// Measures an alignment: its tokens, how each was marked, the aligner's similarity, the
/// share of each side's content weight with no partner, and how many facts only one side
/// states.
pub fn measure(
    tokens: &Pair<Vec<Token>>,
    marks: &Pair<Vec<Mark>>,
    score: f64,
    own: Pair<f64>,
    details: usize,
) -> [f64; FEATURES.len()] {
    let content = tokens.as_ref().map(|ts| {
        ts.iter()
            .filter(|t| t.is_content())
            .map(|t| t.key)
            .collect::<Vec<_>>()
    });
    let own_kind = |kind: TokenKind| {
        let count = |ts: &[Token], ms: &[Mark]| {
            ts.iter()
                .zip(ms)
                .filter(|(t, m)| t.kind == kind && **m != Mark::Shared)
                .count()
        };
        (count(&tokens.left, &marks.left) + count(&tokens.right, &marks.right)) as f64
    };
    let negated = tokens.as_ref().map(|ts| ts.iter().any(is_negation));
    // A clause one side adds is a run of words the other lacks, however much is shared.
    let runs = marks.as_ref().map(|ms| longest_own_run(ms) as f64);
    let lengths = tokens.as_ref().map(Vec::len);
    [
        score,
        1.0 - own.left.max(own.right),
        1.0 - own.left.min(own.right),
        bigram_dice(tokens),
        trigram_jaccard(&content),
        order(&content),
        lengths.left.min(lengths.right) as f64 / lengths.left.max(lengths.right).max(1) as f64,
        own_kind(TokenKind::Number),
        own_kind(TokenKind::Name),
        f64::from(u8::from(negated.left != negated.right)),
        details as f64,
        runs.left.max(runs.right),
        runs.left.min(runs.right),
    ]
}

/// The most words in a row, of one side, that have no partner on the other.
fn longest_own_run(marks: &[Mark]) -> usize {
    let (mut run, mut longest) = (0, 0);
    for &m in marks {
        run = if m == Mark::Shared { 0 } else { run + 1 };
        longest = longest.max(run);
    }
    longest
}

/// The shipped model.
pub fn model() -> Model {
    Model {
        intercept: weights::INTERCEPT,
        weights: weights::WEIGHTS.to_vec(),
    }
}

/// The probability that the two sides tell one fact, with each measurement's part in it.
pub fn explain(features: &[f64; FEATURES.len()]) -> (f64, Vec<Evidence>) {
    let evidence: Vec<Evidence> = FEATURES
        .iter()
        .zip(features)
        .zip(weights::WEIGHTS)
        .map(|((&name, &value), weight)| Evidence {
            name,
            value,
            contribution: value * weight,
        })
        .collect();
    let logit = weights::INTERCEPT + evidence.iter().map(|e| e.contribution).sum::<f64>();
    (sigmoid(logit), evidence)
}

/// Of the training pairs that are not one fact, the most the threshold may call one fact
/// with nothing added. A false agreement hides a difference from an editor, a missed one
/// only shows a paraphrase's words as its own; and the paraphrase corpus is two-thirds
/// paraphrases, so its most accurate threshold leans to "same" (it called 42% of the
/// others the same).
pub const MAX_FALSE_AGREEMENT: f64 = 0.35;

/// Whether a probability is high enough to call the two sides the same fact, with
/// nothing added: the threshold that was most accurate on the training pairs among those
/// that call at most [`MAX_FALSE_AGREEMENT`] of the others the same.
pub fn is_equivalent(probability: f64) -> bool {
    probability >= weights::EQUIVALENT_AT
}

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
    let model = crate::learn::fit(&samples);
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
        out.push_str("//! The learned weights of `evidence::FEATURES`, written by\n");
        out.push_str("//! `cargo run --release --example train -- --write PAIRS.tsv`: do not edit by hand.\n");
        out.push_str(&format!(
            "//! Learned from {data}: {} pairs, {} aligned without a conflict;\n",
            self.pairs, self.decided
        ));
        out.push_str(&format!(
            "//! {:.4} of all pairs labelled right at the threshold.\n\n",
            self.accuracy
        ));
        out.push_str(&self.model.constants(&FEATURES));
        out.push_str(&format!(
            "pub const EQUIVALENT_AT: f64 = {:?};\n",
            self.equivalent_at
        ));
        out
    }
}

/// The probability from which the shipped model calls a pair one fact with nothing added.
pub fn threshold() -> f64 {
    weights::EQUIVALENT_AT
}

fn is_negation(t: &Token) -> bool {
    matches!(
        t.key.as_str(),
        "not" | "no" | "never" | "nor" | "neither" | "without"
    ) || t.key.ends_with("n't")
}

/// Dice coefficient of the two sides' adjacent key pairs (stop words included: "did not"
/// and "not only" are pairs that matter).
fn bigram_dice(tokens: &Pair<Vec<Token>>) -> f64 {
    let pairs = tokens.as_ref().map(|ts| {
        // Sorted by identity: only which pairs are shared counts.
        let mut pairs: Vec<(usize, usize)> = ts
            .windows(2)
            .map(|w| (w[0].key.id(), w[1].key.id()))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    });
    let total = pairs.left.len() + pairs.right.len();
    if total == 0 {
        return 0.0;
    }
    2.0 * common(&pairs.left, &pairs.right) as f64 / total as f64
}

/// Jaccard similarity of the character trigrams of the content keys: close for spelling
/// variants and shared word stems that the keys miss.
fn trigram_jaccard(content: &Pair<Vec<Key>>) -> f64 {
    let grams = content.as_ref().map(|keys| {
        // A key has as many trigrams as characters, with its two spaces.
        let mut grams = Vec::with_capacity(keys.iter().map(|k| k.len()).sum());
        for key in keys {
            // The trigrams of the key with a space on either side, three characters in
            // one number (a character fits in 21 bits).
            let mut window = 0u64;
            let chars = std::iter::once(' ')
                .chain(key.chars())
                .chain(std::iter::once(' '));
            for (k, c) in chars.enumerate() {
                window = ((window << 21) | u64::from(c)) & ((1 << 63) - 1);
                if k >= 2 {
                    grams.push(window);
                }
            }
        }
        grams.sort_unstable();
        grams.dedup();
        grams
    });
    let shared = common(&grams.left, &grams.right);
    let union = grams.left.len() + grams.right.len() - shared;
    if union == 0 {
        return 0.0;
    }
    shared as f64 / union as f64
}

/// How many items two sorted lists without repeats have in common.
fn common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The longest common subsequence of the content keys, over the shorter side's length:
/// 1 when the shorter side's words come in the same order on the other side.
fn order(content: &Pair<Vec<Key>>) -> f64 {
    let (a, b) = (&content.left, &content.right);
    let shorter = a.len().min(b.len());
    if shorter == 0 {
        return 0.0;
    }
    // Keys as numbers: each right key its first position, a left key the number of its
    // equal on the right or one that equals nothing there.
    let mut ids: FxHashMap<Key, u32> = FxHashMap::default();
    let b: Vec<u32> = b
        .iter()
        .enumerate()
        .map(|(j, &key)| *ids.entry(key).or_insert(j as u32))
        .collect();
    let a = a
        .iter()
        .map(|key| ids.get(key).copied().unwrap_or(u32::MAX));
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, &y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                row[j + 1].max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()] as f64 / shorter as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(words: &str) -> Vec<Key> {
        words.split(' ').map(Key::new).collect()
    }

    #[test]
    fn order_is_one_for_the_same_order_and_less_for_a_shuffle() {
        let same = Pair::new(keys("dam broke monday"), keys("dam broke on monday night"));
        assert_eq!(order(&same), 1.0);
        let shuffled = Pair::new(keys("dam broke monday"), keys("monday broke dam"));
        assert!((order(&shuffled) - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn spelling_variants_share_trigrams() {
        let near = Pair::new(keys("ouellette"), keys("oullette"));
        let far = Pair::new(keys("ouellette"), keys("mayor"));
        assert!(trigram_jaccard(&near) > 0.4);
        assert_eq!(trigram_jaccard(&far), 0.0);
    }

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

    #[test]
    fn an_added_clause_is_a_long_run_of_own_words() {
        use Mark::{Conflict, Own, Shared};
        assert_eq!(longest_own_run(&[]), 0);
        assert_eq!(longest_own_run(&[Shared, Shared]), 0);
        assert_eq!(
            longest_own_run(&[Own, Shared, Own, Own, Conflict, Shared, Own]),
            3
        );
    }

    #[test]
    fn contributions_add_up_to_the_probability() {
        let features = [
            0.6, 0.7, 0.9, 0.4, 0.6, 0.8, 0.9, 0.0, 1.0, 0.0, 0.0, 3.0, 1.0,
        ];
        let (p, evidence) = explain(&features);
        assert_eq!(evidence.len(), FEATURES.len());
        let logit = weights::INTERCEPT + evidence.iter().map(|e| e.contribution).sum::<f64>();
        assert!((sigmoid(logit) - p).abs() < 1e-12);
        assert!((model().probability(&features) - p).abs() < 1e-12);
    }
}
