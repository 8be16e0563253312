//! Order-free matching of the two reports' sentences: which sentences of one report tell a
//! fact that sentences of the other tell.
//!
//! 0. Pair the sentences that are the same word for word, by hashing ([`align`] itself).
//! 1. Weigh every key by how rare it is in the two reports ([`Idf`]), and read each
//!    sentence once as terms: keys as numbers, weights worked out (`terms.rs`).
//! 2. Find candidate pairs through an index of content keys: never all pairs against all
//!    (`candidates.rs`).
//! 3. Score each candidate ([`similarity()`], `similarity.rs`): IDF-weighted overlap of
//!    keys, near-spellings counted through `strsim`.
//! 4. Choose a global one-to-one assignment that maximises the total score
//!    (Kuhn–Munkres per connected group of candidates; `assign.rs`).
//! 5. Let a sentence join a neighbour's alignment when one outlet split what the other
//!    said in one sentence, and the joined pair explains both better (`joins.rs`).
//! 6. Link a sentence that is still unaligned but clearly restates a fact already aligned
//!    on the other side to that sentence: a sentence may stand in more than one alignment
//!    (`joins.rs`).
//! 7. Link any two sentences that state a claim of one slot (the same name, a number of the
//!    same thing, a day or a time, attached to a word both share) and score at least
//!    `CLAIM_LINK_SCORE` as a pair, and mark a weak link that rests on such a claim
//!    (`claims.rs`): news sentences bundle facts, and a fact told in two otherwise different
//!    sentences is still one fact to compare.
//! 8. Apart, and only for reports judged to be about one incident: relate the sentences of
//!    the two openings that tell the event in different words ([`lead_links`], `leads.rs`).
//!
//! How similar a pair must be depends on whether the two reports are about one incident
//! at all ([`strictness()`], `strictness.rs`): reports that share few names (people,
//! places, organisations) need much stronger evidence, so two earthquakes or two arrests
//! are not mistaken for one. A sentence whose best pair scores below the threshold stays
//! unaligned: it is a detail only its outlet reports, not a bad match.
//!
//! The aligner owns its thresholds: each file holds those of its step, and the ones later
//! stages read too ([`LINK_THRESHOLD`], [`EQUIVALENT_SCORE`]) are public here.

mod assign;
mod candidates;
mod claims;
mod joins;
mod leads;
mod similarity;
mod strictness;
mod terms;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{Document, Key, Pair, Sentence};

pub use crate::model::Link;
use assign::assign;
use candidates::{Candidate, candidates};
pub use claims::counted;
pub use joins::aligned_sentences;
use joins::{join_neighbours, restatements};
pub use leads::{LEAD_PARTNERS, LEAD_SENTENCES, lead_links};
pub use similarity::{
    EQUIVALENT_SCORE, Idf, Similarity, group_similarity, near_spelling, similarity, tokens_of,
};
use strictness::LENIENT_THRESHOLD;
pub use strictness::{LINK_THRESHOLD, NameOverlap, strictness};
use terms::Terms;

/// Aligns the sentences of two documents; the links come ordered by left sentence.
pub fn align(docs: Pair<&Document>, idf: &Idf) -> Vec<Link> {
    let verbatim = verbatim(docs);
    let taken = aligned_sentences(docs, verbatim.iter().map(|l| &l.sentences));
    let lowest = LENIENT_THRESHOLD.min(LINK_THRESHOLD);
    let terms = Terms::new(docs, idf);
    let mut candidates = candidates(&terms, lowest, &taken);
    let best_verbatim = if verbatim.is_empty() { 0.0 } else { 1.0 };
    let best = candidates.iter().map(|c| c.2).fold(best_verbatim, f64::max);
    let threshold = strictness(&NameOverlap::of(docs), best);
    // Claims link pairs below the threshold too: keep those candidates apart.
    candidates.retain(|c| c.2 >= threshold.min(claims::CLAIM_LINK_SCORE));
    let (strong, weak): (Vec<Candidate>, Vec<Candidate>) =
        candidates.into_iter().partition(|c| c.2 >= threshold);
    let mut links = assign(&strong, docs);
    links.extend(verbatim);
    join_neighbours(&terms, &mut links);
    let claimed = claims::claim_links(docs, [&strong, &weak], &mut links, threshold);
    links.extend(restatements(&strong, &links, docs, threshold));
    // A restatement and a claim may link the same two sentences: one link, the
    // restatement's.
    let linked: FxHashSet<(Vec<usize>, Vec<usize>)> = links
        .iter()
        .map(|l| (l.sentences.left.clone(), l.sentences.right.clone()))
        .collect();
    links.extend(
        claimed
            .into_iter()
            .filter(|c| !linked.contains(&(c.sentences.left.clone(), c.sentences.right.clone()))),
    );
    links.sort_by_key(|l| (l.sentences.left[0], l.sentences.right[0]));
    links
}

/// Sentences that are the same word for word (after folding) on both sides, paired in
/// order: the k-th copy on the left with the k-th on the right. Hashing makes this linear,
/// so a report compared with itself, or wire copy reused verbatim, costs little.
fn verbatim(docs: Pair<&Document>) -> Vec<Link> {
    fn key(s: &Sentence) -> Vec<Key> {
        s.tokens.iter().map(|t| t.key).collect()
    }
    let mut right: FxHashMap<Vec<Key>, std::collections::VecDeque<usize>> = FxHashMap::default();
    for (j, s) in docs.right.sentences.iter().enumerate() {
        if !s.tokens.is_empty() {
            right.entry(key(s)).or_default().push_back(j);
        }
    }
    let mut out = Vec::new();
    for (i, s) in docs.left.sentences.iter().enumerate() {
        if let Some(j) = right.get_mut(&key(s)).and_then(|q| q.pop_front()) {
            out.push(Link {
                sentences: Pair::new(vec![i], vec![j]),
                score: 1.0,
                claim: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspect;
    use crate::model::Source;

    pub(super) fn doc(text: &str) -> Document {
        inspect(Source::new("t", text))
    }

    pub(super) fn links(left: &str, right: &str) -> Vec<(Vec<usize>, Vec<usize>)> {
        let docs = Pair::new(doc(left), doc(right));
        let idf = Idf::new(docs.as_ref());
        align(docs.as_ref(), &idf)
            .into_iter()
            .map(|l| (l.sentences.left, l.sentences.right))
            .collect()
    }

    #[test]
    fn matches_reordered_sentences() {
        let left = "The bridge over the Tarn river collapsed on Monday.\nNine workers were hurt.\nThe mayor blamed the contractor.\n";
        let right = "The mayor said the contractor was to blame.\nNine workers were injured.\nA bridge across the river Tarn fell down on Monday.\n";
        assert_eq!(
            links(left, right),
            [(vec![0], vec![2]), (vec![1], vec![1]), (vec![2], vec![0])]
        );
    }

    #[test]
    fn leaves_unrelated_sentences_unaligned() {
        let left = "The bridge over the Tarn river collapsed on Monday.\nOfficials will publish a report in May.\n";
        let right = "A bridge across the river Tarn fell down on Monday.\nLocal football fans celebrated a cup win.\n";
        assert_eq!(links(left, right), [(vec![0], vec![0])]);
    }

    #[test]
    fn verbatim_sentences_pair_in_order_even_when_common() {
        let text = "Rain.\nRain.\nWind.\nRain.\n";
        assert_eq!(
            links(text, text),
            [
                (vec![0], vec![0]),
                (vec![1], vec![1]),
                (vec![2], vec![2]),
                (vec![3], vec![3])
            ]
        );
    }
}
