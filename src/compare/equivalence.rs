//! Equivalence: whether two aligned groups of sentences tell one fact in other words, with
//! nothing added, as the probability a learned model gives the evidence.
//!
//! Each alignment gets a handful of measurements ([`FEATURES`]): how much of each side's
//! content finds a partner, shared word pairs, shared spelling, shared order, length,
//! numbers and names only one side has, a negation only one side has, facts only one side
//! states, the longest run of words each side has alone (a clause one side adds), and the
//! aligner's own similarity. A logistic model (fitted by `learn::equivalence`) weighs
//! them; its weights are learned from labelled paraphrase pairs by `examples/train.rs`
//! and written into `weights.rs`, never set by hand. `--explain` shows each measurement
//! and what it contributed.

use rustc_hash::FxHashMap;

use super::weights;
use crate::model::{Evidence, Key, Mark, Model, Pair, Token, TokenKind, sigmoid};

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

/// Whether a probability is high enough to call the two sides the same fact, with
/// nothing added: the threshold that was most accurate on the training pairs among those
/// that call at most `learn::equivalence::MAX_FALSE_AGREEMENT` of the others the same.
pub fn is_equivalent(probability: f64) -> bool {
    probability >= weights::EQUIVALENT_AT
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
