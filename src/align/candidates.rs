//! Candidate pairs of sentences, found through an inverted index of content keys rather
//! than by scoring all pairs against all.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::similarity::{MIN_SHARED_CONTENT, Scratch, Term, sorted_similarity};
use super::terms::Terms;
use crate::model::Pair;

/// A key in more than this share of a long report's sentences finds no candidates...
const COMMON_KEY_SHARE: f64 = 0.02;
/// ...unless it is in at most this many sentences...
const COMMON_KEY_MIN: usize = 40;
/// ...and in more than this many it finds none, however long the report: a key that
/// common tells little about which sentence matches which, and letting the limit grow
/// with the report made candidates grow with its square.
const COMMON_KEY_MAX: usize = 200;

/// A scored pair of sentences worth considering: `(left, right, score)`.
pub(super) type Candidate = (usize, usize, f64);

/// Pairs that share enough informative keys and score at least `threshold`.
///
/// Candidates come from an inverted index of the right side's content keys. Keys that
/// occur in more than a small share of sentences are left out of the index: they say
/// little about which sentence matches which, and would make the cost grow with the
/// square of the input. A pair is scored only when it shares the content keys a link needs
/// (see [`Similarity::has_evidence`]), so most pairs are never scored at all.
///
/// [`Similarity::has_evidence`]: super::Similarity::has_evidence
pub(super) fn candidates(terms: &Terms, threshold: f64, taken: &Pair<Vec<bool>>) -> Vec<Candidate> {
    let keys = terms
        .sentences
        .as_ref()
        .map(|side| side.iter().map(|s| content_keys(s)).collect::<Vec<_>>());
    let sentences = terms.sentences.as_ref().map(Vec::len);
    let common = common_frequency(sentences.left.max(sentences.right));
    let index = right_index(&keys.right, &taken.right, terms.keys.len(), common);
    let left: Vec<usize> = (0..sentences.left).filter(|&i| !taken.left[i]).collect();
    let (first_of_class, slots) = classes(&left, &terms.classes.left);
    // Each class is scored on its own, so they spread over threads; the results come back
    // in order, exactly as a sequential loop would give them.
    let per_class: Vec<Vec<(u32, f64)>> = first_of_class
        .par_iter()
        .map_init(
            || Probe::new(sentences.right),
            |probe, &i| probe.candidates_of(i, terms, &keys, &index, threshold),
        )
        .collect();
    left.iter()
        .zip(slots)
        .flat_map(|(&i, k)| {
            per_class[k]
                .iter()
                .map(move |&(j, score)| (i, j as usize, score))
        })
        .collect()
}

/// The inverted index of the right side: for each key id, the right sentences not `taken`
/// that have it among their content `keys`, in order; none for a key in more than `common`.
fn right_index(
    keys: &[Vec<u32>],
    taken: &[bool],
    distinct_keys: usize,
    common: usize,
) -> Vec<Vec<u32>> {
    let mut index: Vec<Vec<u32>> = vec![Vec::new(); distinct_keys];
    for (j, ks) in keys.iter().enumerate().filter(|(j, _)| !taken[*j]) {
        for &key in ks {
            index[key as usize].push(j as u32);
        }
    }
    for postings in &mut index {
        if postings.len() > common {
            *postings = Vec::new();
        }
    }
    index
}

/// Left sentences with the same terms find the same candidates with the same scores: each
/// class is scored once, by its first sentence, and its list is given to all. Returns the
/// first sentence of each class of the `left` sentences, and for each of them the place of
/// its class in that list; `class_of` numbers the classes of all left sentences.
fn classes(left: &[usize], class_of: &[u32]) -> (Vec<usize>, Vec<usize>) {
    let mut first_of_class: Vec<usize> = Vec::new();
    let mut slot = vec![usize::MAX; class_of.len()];
    let slots: Vec<usize> = left
        .iter()
        .map(|&i| {
            let class = class_of[i] as usize;
            if slot[class] == usize::MAX {
                slot[class] = first_of_class.len();
                first_of_class.push(i);
            }
            slot[class]
        })
        .collect();
    (first_of_class, slots)
}

/// The buffers one thread reuses from one left sentence to the next.
struct Probe {
    /// How many indexed keys each right sentence shares with the left sentence at hand...
    shared: Vec<u32>,
    /// ...and the right sentences that share any, in the order they were met.
    touched: Vec<usize>,
    /// The score of each class of right sentences, worked out once; `None` when it is no
    /// candidate.
    scored: FxHashMap<u32, Option<f64>>,
    similarity: Scratch,
}

impl Probe {
    fn new(right_sentences: usize) -> Probe {
        Probe {
            shared: vec![0u32; right_sentences],
            touched: Vec::new(),
            scored: FxHashMap::default(),
            similarity: Scratch::default(),
        }
    }

    /// The right sentences left sentence `i` is a candidate with, and their scores.
    fn candidates_of(
        &mut self,
        i: usize,
        terms: &Terms,
        keys: &Pair<Vec<Vec<u32>>>,
        index: &[Vec<u32>],
        threshold: f64,
    ) -> Vec<(u32, f64)> {
        let Probe {
            shared,
            touched,
            scored,
            similarity,
        } = self;
        let left_keys = &keys.left[i];
        for &key in left_keys {
            for &j in &index[key as usize] {
                let j = j as usize;
                if shared[j] == 0 {
                    touched.push(j);
                }
                shared[j] += 1;
            }
        }
        // The score of each class of right sentences, worked out once.
        scored.clear();
        let mut out = Vec::new();
        for &j in touched.iter() {
            let needed = MIN_SHARED_CONTENT
                .min(left_keys.len())
                .min(keys.right[j].len())
                .max(1);
            if shared[j] as usize >= needed {
                let kept = *scored.entry(terms.classes.right[j]).or_insert_with(|| {
                    let sim = sorted_similarity(
                        Pair::new(&terms.sentences.left[i], &terms.sentences.right[j])
                            .map(Vec::as_slice),
                        Pair::new(&terms.orders.left[i], &terms.orders.right[j]).map(Vec::as_slice),
                        &terms.keys,
                        similarity,
                    );
                    (sim.score >= threshold && sim.has_evidence()).then_some(sim.score)
                });
                if let Some(score) = kept {
                    out.push((j as u32, score));
                }
            }
            shared[j] = 0;
        }
        touched.clear();
        out
    }
}

/// The distinct content keys of a sentence, in the keys' alphabetical order.
fn content_keys(terms: &[Term]) -> Vec<u32> {
    let mut keys: Vec<u32> = terms.iter().filter(|t| t.content).map(|t| t.id).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The most sentences a key may occur in and still find candidates: all of them in a short
/// report, a small share of a longer one, and a fixed number in a very long one (beyond
/// 10,000 sentences), so that the candidates of a sentence stay few.
fn common_frequency(sentences: usize) -> usize {
    COMMON_KEY_MIN
        .max((sentences as f64 * COMMON_KEY_SHARE) as usize)
        .min(COMMON_KEY_MAX)
}
