//! What the one-to-one assignment cannot say: a sentence joins the link of the sentence
//! beside it when one outlet split what the other said in one ([`join_neighbours`]), and a
//! sentence that restates a fact already aligned gets a link of its own to it
//! ([`restatements`]).

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use super::candidates::Candidate;
use super::similarity::term_similarity;
use super::terms::{GroupScratch, Terms};
use crate::model::{Document, Link, Pair, Side};

/// A sentence restates an aligned fact when it scores at least this with its sentence.
const RESTATE_THRESHOLD: f64 = 0.15;
/// A joined alignment must beat the single one by this much.
const JOIN_GAIN: f64 = 0.02;
/// And the joining sentence must share this much with the other side on its own.
const JOIN_MIN_SCORE: f64 = 0.12;
/// The largest number of sentences one side of an alignment may hold.
const MAX_GROUP: usize = 3;

/// Lets an unaligned sentence join the alignment of the sentence next to it, when one
/// outlet says in two sentences what the other says in one.
///
/// Turn about, each side lets its first sentence that can join do so, until none can. What
/// a sentence could join is worked out once and again only when a link beside it changes,
/// so the cost grows with the number of sentences and joins, not their product.
pub(super) fn join_neighbours(terms: &Terms, links: &mut [Link]) {
    let mut scratch = GroupScratch::default();
    let mut joins = Pair::new(Side::Left, Side::Right)
        .map(|side| Joins::new(side, terms.sentences.get(side).len(), links));
    loop {
        let mut changed = false;
        for side in Side::BOTH {
            let Some((s, k)) = joins.get_mut(side).first(terms, links, &mut scratch) else {
                continue;
            };
            let before = links[k].sentences.clone();
            let own = links[k].sentences.get_mut(side);
            own.push(s);
            own.sort_unstable();
            links[k].score = terms
                .group_similarity(&links[k].sentences, &mut scratch)
                .score;
            joins
                .get_mut(side)
                .joined(s, k, before.get(side), links[k].sentences.get(side));
            // The link's score and its sentences on this side changed: the sentences next
            // to its other side weigh joining it anew.
            joins.get_mut(side.other()).beside(before.get(side.other()));
            changed = true;
        }
        if !changed {
            return;
        }
    }
}

/// Which unaligned sentences of one side can join the link next to them, worked out lazily.
struct Joins {
    side: Side,
    aligned: Vec<bool>,
    /// The links whose sentences on this side start, or end, at a sentence.
    starts: Vec<Vec<usize>>,
    ends: Vec<Vec<usize>>,
    /// Unaligned sentences known to join a link (and which), and those to work out again;
    /// any other unaligned sentence is known to join none.
    joinable: BTreeMap<usize, usize>,
    stale: BTreeSet<usize>,
}

impl Joins {
    fn new(side: Side, sentences: usize, links: &[Link]) -> Joins {
        let mut joins = Joins {
            side,
            aligned: vec![false; sentences],
            starts: vec![Vec::new(); sentences],
            ends: vec![Vec::new(); sentences],
            joinable: BTreeMap::new(),
            stale: BTreeSet::new(),
        };
        for (k, l) in links.iter().enumerate() {
            let g = l.sentences.get(side);
            for &s in g {
                joins.aligned[s] = true;
            }
            joins.starts[g[0]].push(k);
            joins.ends[g[g.len() - 1]].push(k);
        }
        joins.stale = (0..sentences).filter(|&s| !joins.aligned[s]).collect();
        joins
    }

    /// The first unaligned sentence that can join a link, and the link.
    fn first(
        &mut self,
        terms: &Terms,
        links: &[Link],
        scratch: &mut GroupScratch,
    ) -> Option<(usize, usize)> {
        while let Some(&s) = self.stale.first() {
            if self.joinable.first_key_value().is_some_and(|(&j, _)| j < s) {
                break;
            }
            self.stale.remove(&s);
            let mut beside: Vec<usize> = self
                .starts
                .get(s + 1)
                .into_iter()
                .flatten()
                .copied()
                .collect();
            if s > 0 {
                beside.extend(&self.ends[s - 1]);
            }
            beside.sort_unstable();
            if let Some(k) = best_join(terms, links, self.side, s, &beside, scratch) {
                self.joinable.insert(s, k);
            }
        }
        self.joinable.first_key_value().map(|(&s, &k)| (s, k))
    }

    /// Sentence `s` joined link `k`, whose sentences on this side were `before`, now `after`.
    fn joined(&mut self, s: usize, k: usize, before: &[usize], after: &[usize]) {
        self.aligned[s] = true;
        self.joinable.remove(&s);
        self.stale.remove(&s);
        self.starts[before[0]].retain(|&x| x != k);
        self.ends[before[before.len() - 1]].retain(|&x| x != k);
        self.starts[after[0]].push(k);
        self.ends[after[after.len() - 1]].push(k);
        self.beside(before);
        self.beside(after);
    }

    /// A link whose sentences on this side are `group` changed: its neighbours are stale.
    fn beside(&mut self, group: &[usize]) {
        let (first, last) = (group[0], group[group.len() - 1]);
        for s in [first.checked_sub(1), Some(last + 1)].into_iter().flatten() {
            if s < self.aligned.len() && !self.aligned[s] {
                self.joinable.remove(&s);
                self.stale.insert(s);
            }
        }
    }
}

/// Of the links `beside` sentence `s` of `side` (ascending), the one it should join, if
/// joining makes it clearly better.
fn best_join(
    terms: &Terms,
    links: &[Link],
    side: Side,
    s: usize,
    beside: &[usize],
    scratch: &mut GroupScratch,
) -> Option<usize> {
    let own = &terms.sentences.get(side)[s];
    let mut best: Option<(usize, f64)> = None;
    for &k in beside {
        let l = &links[k];
        let g = l.sentences.get(side);
        if g.len() >= MAX_GROUP || !(g[0] == s + 1 || g[g.len() - 1] + 1 == s) {
            continue;
        }
        terms.of(
            side.other(),
            l.sentences.get(side.other()),
            &mut scratch.right,
        );
        let alone = term_similarity(own, &scratch.right, &terms.keys, &mut scratch.similarity);
        if alone.score < JOIN_MIN_SCORE {
            continue;
        }
        let mut joined = l.sentences.clone();
        joined.get_mut(side).push(s);
        joined.get_mut(side).sort_unstable();
        let gain = terms.group_similarity(&joined, scratch).score - l.score;
        // Ties go to the later link, as `Iterator::max_by` would choose.
        if gain >= JOIN_GAIN && best.is_none_or(|(_, b)| gain >= b) {
            best = Some((k, gain));
        }
    }
    best.map(|(k, _)| k)
}

/// Links for sentences left unaligned that restate a fact already aligned: each to its
/// best candidate on the other side, when that is close enough.
pub(super) fn restatements(
    candidates: &[Candidate],
    links: &[Link],
    docs: Pair<&Document>,
    threshold: f64,
) -> Vec<Link> {
    let min_score = threshold.max(RESTATE_THRESHOLD);
    let aligned = aligned_sentences(docs, links.iter().map(|l| &l.sentences));
    let mut best: FxHashMap<(Side, usize), Candidate> = FxHashMap::default();
    for &(i, j, score) in candidates.iter().filter(|c| c.2 >= min_score) {
        for (side, own, other) in [(Side::Left, i, j), (Side::Right, j, i)] {
            let restates = !aligned.get(side)[own] && aligned.get(side.other())[other];
            let entry = best.entry((side, own)).or_insert((i, j, 0.0));
            if restates && score > entry.2 {
                *entry = (i, j, score);
            }
        }
    }
    best.retain(|_, c| c.2 > 0.0);
    let mut out: Vec<Link> = best
        .into_values()
        .map(|(i, j, score)| Link {
            sentences: Pair::new(vec![i], vec![j]),
            score,
            claim: false,
        })
        .collect();
    out.sort_by_key(|l| (l.sentences.left[0], l.sentences.right[0]));
    out.dedup_by(|a, b| a.sentences == b.sentences);
    out
}

/// For each sentence of each side, whether any of `groups` names it.
pub fn aligned_sentences<'a>(
    docs: Pair<&Document>,
    groups: impl Iterator<Item = &'a Pair<Vec<usize>>>,
) -> Pair<Vec<bool>> {
    let mut flags = docs.map(|d| vec![false; d.sentences.len()]);
    for group in groups {
        for side in Side::BOTH {
            for &i in group.get(side) {
                flags.get_mut(side)[i] = true;
            }
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use crate::align::tests::links;

    #[test]
    fn one_sentence_may_align_with_two_neighbours() {
        let left =
            "The bridge collapsed on Monday, injuring nine workers who were repairing its deck.\n";
        let right = "The bridge collapsed on Monday.\nNine workers who were repairing its deck were injured.\n";
        assert_eq!(links(left, right), [(vec![0], vec![0, 1])]);
    }

    #[test]
    fn a_sentence_restating_an_aligned_fact_links_to_it() {
        let left = "Rescuers pulled nine workers from the Tarn river on Monday.\nThe council thanked the volunteers.\nNine workers were pulled from the Tarn river by rescuers on Monday.\n";
        let right = "On Monday rescuers pulled nine workers from the Tarn river.\n";
        assert_eq!(links(left, right), [(vec![0], vec![0]), (vec![2], vec![0])]);
    }
}
