//! The sentences of both reports as terms, numbered and weighed once for the whole
//! alignment, so that scoring a pair of sentences or of groups hashes no string.

use rustc_hash::FxHashMap;

use super::similarity::{Idf, KeyInfo, Scratch, Similarity, Term, sort_terms, term_similarity};
use crate::model::{Document, Key, Pair, Side, TokenKind};

/// The sentences of both reports as terms, weighed once for the whole alignment.
pub(super) struct Terms<'a> {
    pub(super) sentences: Pair<Vec<Vec<Term>>>,
    /// Each sentence's terms in [`sort_terms`] order.
    pub(super) orders: Pair<Vec<Vec<(u32, u32)>>>,
    /// Sentences of one side with the same terms (keys and kinds, so weights) share a
    /// number: they score alike against anything.
    pub(super) classes: Pair<Vec<u32>>,
    /// Every distinct key of the two reports; ids index it, in alphabetical order.
    pub(super) keys: Vec<KeyInfo<'a>>,
}

impl<'a> Terms<'a> {
    pub(super) fn new(docs: Pair<&'a Document>, idf: &Idf) -> Terms<'a> {
        let mut ids: FxHashMap<Key, u32> = FxHashMap::default();
        for t in docs
            .left
            .sentences
            .iter()
            .chain(&docs.right.sentences)
            .flat_map(|s| &s.tokens)
        {
            ids.entry(t.key).or_insert(0);
        }
        let mut distinct: Vec<Key> = ids.keys().copied().collect();
        distinct.sort_unstable();
        let mut frequency = Vec::with_capacity(distinct.len());
        for (id, &key) in distinct.iter().enumerate() {
            ids.insert(key, id as u32);
            frequency.push(idf.frequency(key));
        }
        // Each side's terms, their orders and its classes, the two sides side by side.
        let side = |d: &Document| {
            let terms: Vec<Vec<Term>> = d
                .sentences
                .iter()
                .map(|s| {
                    s.tokens
                        .iter()
                        .map(|t| {
                            let id = ids[&t.key];
                            Term::new(t, id, idf.weight_of(frequency[id as usize], t.kind))
                        })
                        .collect()
                })
                .collect();
            let orders: Vec<Vec<(u32, u32)>> = terms
                .iter()
                .map(|terms| {
                    let mut order = Vec::new();
                    sort_terms(terms, &mut order);
                    order
                })
                .collect();
            let mut numbers: FxHashMap<Vec<(Key, TokenKind)>, u32> = FxHashMap::default();
            let classes: Vec<u32> = d
                .sentences
                .iter()
                .map(|s| {
                    let words = s.tokens.iter().map(|t| (t.key, t.kind)).collect();
                    let next = numbers.len() as u32;
                    *numbers.entry(words).or_insert(next)
                })
                .collect();
            (terms, orders, classes)
        };
        let (left, right) = rayon::join(|| side(docs.left), || side(docs.right));
        let sentences = Pair::new(left.0, right.0);
        let orders = Pair::new(left.1, right.1);
        let classes = Pair::new(left.2, right.2);
        Terms {
            sentences,
            orders,
            classes,
            keys: distinct
                .into_iter()
                .map(|k| KeyInfo::new(k.as_str()))
                .collect(),
        }
    }

    /// The terms of several sentences of one side, in order.
    pub(super) fn of(&self, side: Side, sentences: &[usize], out: &mut Vec<Term>) {
        out.clear();
        for &s in sentences {
            out.extend_from_slice(&self.sentences.get(side)[s]);
        }
    }

    /// The similarity of two groups of sentences.
    pub(super) fn group_similarity(
        &self,
        sentences: &Pair<Vec<usize>>,
        scratch: &mut GroupScratch,
    ) -> Similarity {
        self.of(Side::Left, &sentences.left, &mut scratch.left);
        self.of(Side::Right, &sentences.right, &mut scratch.right);
        term_similarity(
            &scratch.left,
            &scratch.right,
            &self.keys,
            &mut scratch.similarity,
        )
    }
}

/// Buffers for the similarity of groups: the terms of a group on each side, and the
/// similarity's own.
#[derive(Default)]
pub(super) struct GroupScratch {
    pub(super) left: Vec<Term>,
    pub(super) right: Vec<Term>,
    pub(super) similarity: Scratch,
}
