//! Comparing the two sides of each alignment word by word.
//!
//! A word diff (`similar`, on the tokens' keys) finds the words both sides share in order;
//! words that only moved, or are spelled a little differently, count as shared too, because
//! outlets reorder freely. What remains is each side's own. The facts of the two sides are
//! then compared ([`facts`]): a conflicting number, date or name turns the verdict from
//! agree to diverge, and a fact only one side states is listed as its detail. Whether the
//! two sides are one fact with nothing added is the learned model's call ([`equivalence`]);
//! when they are not, enough own content, or a loose pair with more of it on one side,
//! means that side adds a detail.

pub mod claims;
pub mod equivalence;
pub mod facts;
pub mod narrow;
pub mod polarity;
pub mod quotes;
pub mod speakers;
mod weights;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::align::{Idf, Link, near_spelling, tokens_of};
use crate::model::{Alignment, Document, Key, Mark, Marked, Pair, Side, Token, Verdict};

/// A side adds a detail when this share of its content weight has no partner.
pub const ADDS_SHARE: f64 = 0.6;
/// Below this similarity a pair the model finds not equivalent is loose: the side with
/// more unmatched content is taken to add a detail. The aligner owns the threshold.
pub use crate::align::EQUIVALENT_SCORE;

/// Links weaker than this relate two sentences about one event rather than one fact.
pub const RELATED_BELOW: f64 = crate::align::LINK_THRESHOLD;

/// Turns the aligner's links into compared alignments, each on its own (so in parallel).
pub fn compare(docs: Pair<&Document>, idf: &Idf, links: Vec<Link>) -> Vec<Alignment> {
    let (left, right) = rayon::join(
        || facts::mentioned(docs.left),
        || facts::mentioned(docs.right),
    );
    let mentioned = Pair::new(left, right);
    links
        .into_par_iter()
        .map(|link| compare_link(docs, mentioned.as_ref(), idf, link, Reading::Fact))
        .collect()
}

/// Turns links between sentences about one event, each telling facts of its own (such as
/// [`crate::align::lead_links`]), into related alignments. Their facts are not set against
/// each other: "300 people were on board" and "Five people were taken to hospital" fill
/// different slots of one story, so a value only one side states is its detail, never a
/// conflict.
pub fn relate(docs: Pair<&Document>, idf: &Idf, links: Vec<Link>) -> Vec<Alignment> {
    if links.is_empty() {
        return Vec::new();
    }
    let mentioned = docs.map(facts::mentioned);
    links
        .into_iter()
        .map(|link| compare_link(docs, mentioned.as_ref(), idf, link, Reading::Event))
        .collect()
}

/// How an alignment's two sides are read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// As one fact, perhaps told differently: values in one slot agree or conflict.
    Fact,
    /// As two facts about one event: related, their values never in conflict.
    Event,
}

/// Compares the two sides of one link: marks each word shared or own, compares the facts
/// (and, for one fact, looks for a statement against its negation), measures the pair for
/// the learned model, and says which sides add detail.
fn compare_link(
    docs: Pair<&Document>,
    mentioned: Pair<&facts::Mentioned>,
    idf: &Idf,
    link: Link,
    reading: Reading,
) -> Alignment {
    let tokens = Pair::new(
        tokens_of(docs.left, &link.sentences.left),
        tokens_of(docs.right, &link.sentences.right),
    );
    let mut marks = mark_words(&tokens);
    // A related row never holds a conflict: its values are each side's details.
    let related = reading == Reading::Event || (link.score < RELATED_BELOW && !link.claim);
    let slots = (!related).then_some(&link);
    let facts = facts::compare(docs, mentioned, &link.sentences, &tokens, &mut marks, slots);
    let mut conflicts = facts.conflicts;
    // A statement against its negation is looked for only between sentences that are
    // close to one wording of one fact: in two sentences that share less, the same word
    // may well describe two things ("the stars signed" / "Ross is not signed").
    if !related && link.score >= EQUIVALENT_SCORE {
        let texts = docs.map(|d| d.text.as_str());
        conflicts.extend(polarity::conflicts(texts, &tokens, &mut marks));
    }
    let own = Pair::new(
        own_share(&tokens.left, &marks.left, idf),
        own_share(&tokens.right, &marks.right, idf),
    );
    let details = facts.details.left.len() + facts.details.right.len();
    let features = equivalence::measure(&tokens, &marks, link.score, own, details);
    let (probability, evidence) = equivalence::explain(&features);
    let adds = adds_by_words(reading, own, link.score, probability, !conflicts.is_empty());
    // A fact only one side states is a detail that side adds, whatever the model says of
    // the rest of the words.
    let adds = Pair::new(
        adds.left || !facts.details.left.is_empty(),
        adds.right || !facts.details.right.is_empty(),
    );
    let verdict = if conflicts.is_empty() {
        Verdict::Agree
    } else {
        Verdict::Diverge
    };
    let words = Pair::new(
        zip_marks(&tokens.left, &marks.left),
        zip_marks(&tokens.right, &marks.right),
    );
    Alignment {
        related,
        sentences: link.sentences,
        score: link.score,
        verdict,
        adds,
        conflicts,
        possible: facts.possible,
        details: facts.details,
        words,
        probability,
        evidence,
    }
}

/// Which sides add detail by their words alone, given the share of each side's content
/// weight that is its own (`own`), the link's score, the learned model's probability that
/// the two sides are one fact, and whether they conflict.
///
/// One fact in other words, by the learned model: neither side adds anything. Otherwise a
/// side adds when much of its content has no partner, or, for a loose pair, when it has
/// more of it than the other side.
fn adds_by_words(
    reading: Reading,
    own: Pair<f64>,
    score: f64,
    probability: f64,
    conflicting: bool,
) -> Pair<bool> {
    if reading == Reading::Event {
        // Each side tells facts of its own: every side with words of its own adds.
        Pair::new(own.left > 0.0, own.right > 0.0)
    } else if !conflicting && equivalence::is_equivalent(probability) {
        Pair::new(false, false)
    } else {
        let loose = score < EQUIVALENT_SCORE;
        let mut adds = Pair::new(
            own.left >= ADDS_SHARE || (loose && own.left > 0.0 && own.left >= own.right),
            own.right >= ADDS_SHARE || (loose && own.right > 0.0 && own.right >= own.left),
        );
        if !adds.left && !adds.right && !conflicting {
            // Not the same fact, yet nothing stands out: the side with more of its own.
            *adds.get_mut(if own.left >= own.right {
                Side::Left
            } else {
                Side::Right
            }) = true;
        }
        adds
    }
}

/// Shared or own, for every token of each side.
pub(crate) fn mark_words(tokens: &Pair<Vec<Token>>) -> Pair<Vec<Mark>> {
    let keys = tokens
        .as_ref()
        .map(|ts| ts.iter().map(|t| t.key).collect::<Vec<_>>());
    let mut marks = tokens.as_ref().map(|ts| vec![Mark::Own; ts.len()]);
    for op in capture_diff_slices(Algorithm::Myers, &keys.left, &keys.right) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            marks.left[old_index..old_index + len].fill(Mark::Shared);
            marks.right[new_index..new_index + len].fill(Mark::Shared);
        }
    }
    share_moved_words(&keys, &mut marks);
    share_near_spellings(tokens, &mut marks);
    marks
}

/// A word that both sides have, but in another place, is shared, not own.
fn share_moved_words(keys: &Pair<Vec<Key>>, marks: &mut Pair<Vec<Mark>>) {
    let mut right_own: FxHashMap<Key, Vec<usize>> = FxHashMap::default();
    for (j, key) in keys.right.iter().enumerate().rev() {
        if marks.right[j] == Mark::Own {
            right_own.entry(*key).or_default().push(j);
        }
    }
    for (i, key) in keys.left.iter().enumerate() {
        if marks.left[i] != Mark::Own {
            continue;
        }
        if let Some(j) = right_own.get_mut(key).and_then(Vec::pop) {
            marks.left[i] = Mark::Shared;
            marks.right[j] = Mark::Shared;
        }
    }
}

fn share_near_spellings(tokens: &Pair<Vec<Token>>, marks: &mut Pair<Vec<Mark>>) {
    let mut used: Vec<bool> = marks.right.iter().map(|m| *m != Mark::Own).collect();
    for (i, token) in tokens.left.iter().enumerate() {
        if marks.left[i] != Mark::Own {
            continue;
        }
        if let Some((j, _)) = near_spelling(token, &tokens.right, &used) {
            used[j] = true;
            marks.left[i] = Mark::Shared;
            marks.right[j] = Mark::Shared;
        }
    }
}

/// The share of a side's content weight that has no partner on the other side.
fn own_share(tokens: &[Token], marks: &[Mark], idf: &Idf) -> f64 {
    let (mut own, mut total) = (0.0, 0.0);
    for (t, m) in tokens.iter().zip(marks).filter(|(t, _)| t.is_content()) {
        let w = idf.weight(t);
        total += w;
        if *m == Mark::Own {
            own += w;
        }
    }
    if total > 0.0 { own / total } else { 0.0 }
}

fn zip_marks(tokens: &[Token], marks: &[Mark]) -> Vec<Marked> {
    tokens
        .iter()
        .zip(marks)
        .map(|(t, &mark)| Marked { span: t.span, mark })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    fn compared(left: &str, right: &str) -> (Pair<Document>, Alignment) {
        let docs = Pair::new(left, right).map(|t| crate::inspect(Source::new("t", t)));
        let idf = Idf::new(docs.as_ref());
        let score =
            crate::align::group_similarity(docs.as_ref(), &idf, &Pair::new(vec![0], vec![0])).score;
        let link = Link {
            sentences: Pair::new(vec![0], vec![0]),
            score,
            claim: false,
        };
        let a = compare(docs.as_ref(), &idf, vec![link]).remove(0);
        (docs, a)
    }

    fn own_words(doc: &Document, words: &[Marked]) -> Vec<String> {
        words
            .iter()
            .filter(|w| w.mark != Mark::Shared)
            .map(|w| w.span.of(&doc.text).to_string())
            .collect()
    }

    #[test]
    fn reordered_words_are_shared() {
        let (docs, a) = compared("On Monday the dam broke.", "The dam broke on Monday.");
        assert!(own_words(&docs.left, &a.words.left).is_empty());
        assert!(a.is_equivalent());
    }

    #[test]
    fn own_words_are_marked_on_their_side() {
        let (docs, a) = compared(
            "The old dam broke after heavy rain lashed the Tarn valley overnight.",
            "The dam broke after rain.",
        );
        assert_eq!(
            own_words(&docs.left, &a.words.left),
            [
                "old",
                "heavy",
                "lashed",
                "the",
                "Tarn",
                "valley",
                "overnight"
            ]
        );
        assert!(own_words(&docs.right, &a.words.right).is_empty());
        assert!(a.adds.left && !a.adds.right);
    }

    #[test]
    fn weakly_similar_sentences_are_related_not_the_same_fact() {
        let (_, a) = compared(
            "The mayor of Arlow spoke about crime at a rally on Friday evening.",
            "Arlow council approved new funding for libraries, schools and parks on Friday.",
        );
        assert!(a.related && a.adds.left && a.adds.right, "{a:?}");
        let (_, b) = compared("The dam broke on Monday.", "On Monday the dam broke.");
        assert!(!b.related);
    }

    #[test]
    fn sentences_related_as_one_event_never_conflict() {
        let docs = Pair::new(
            "At least 300 people were on board when the ferry left Port Ardwin.",
            "Five people were taken to hospital in Port Ardwin.",
        )
        .map(|t| crate::inspect(Source::new("t", t)));
        let idf = Idf::new(docs.as_ref());
        let sentences = Pair::new(vec![0], vec![0]);
        let score = crate::align::group_similarity(docs.as_ref(), &idf, &sentences).score;
        let link = || Link {
            sentences: sentences.clone(),
            score,
            claim: false,
        };
        // Read as one fact, the two counts of people fill one slot and conflict...
        let fact = compare(docs.as_ref(), &idf, vec![link()]).remove(0);
        assert_eq!(fact.verdict, Verdict::Diverge, "{fact:?}");
        // ...read as two facts of one event, each is its side's detail.
        let event = relate(docs.as_ref(), &idf, vec![link()]).remove(0);
        assert!(event.related && event.conflicts.is_empty(), "{event:?}");
        assert_eq!(event.verdict, Verdict::Agree);
        assert!(event.adds.left && event.adds.right && !event.is_equivalent());
        let detail = |side: Side| -> Vec<&str> {
            let doc = docs.get(side);
            event
                .details
                .get(side)
                .iter()
                .map(|&k| doc.facts[k].span.of(&doc.text))
                .collect()
        };
        assert_eq!(detail(Side::Left), ["At least 300"]);
        assert_eq!(detail(Side::Right), ["Five"]);
        assert!(event.words.left.iter().all(|w| w.mark != Mark::Conflict));
    }

    #[test]
    fn different_numbers_conflict() {
        let (docs, a) = compared("Twelve people were hurt.", "14 people were hurt.");
        assert_eq!(a.verdict, Verdict::Diverge);
        let c = &a.conflicts[0];
        assert_eq!(
            (
                c.spans.left.of(&docs.left.text),
                c.spans.right.of(&docs.right.text)
            ),
            ("Twelve", "14")
        );
    }

    #[test]
    fn numbers_counting_different_things_do_not_conflict() {
        let (_, a) = compared(
            "Two trains collided near Arlow in 2002.",
            "Trains collided near Arlow, injuring 33 passengers.",
        );
        assert!(a.conflicts.is_empty(), "{:?}", a.conflicts);
    }

    #[test]
    fn a_number_counts_the_word_after_it_not_before() {
        let (_, a) = compared(
            "Keswick, a three-term councillor, won 57 percent.",
            "Keswick had 8,747 votes, or 57 percent.",
        );
        assert!(a.conflicts.is_empty(), "{:?}", a.conflicts);
    }

    #[test]
    fn different_years_conflict() {
        let (_, a) = compared(
            "The bridge was built in 1987.",
            "The bridge opened in 1978.",
        );
        assert_eq!(a.conflicts.len(), 1);
    }

    #[test]
    fn same_number_in_other_words_agrees() {
        let (_, a) = compared("Three people were hurt.", "3 people were hurt.");
        assert_eq!(a.verdict, Verdict::Agree);
    }

    #[test]
    fn a_clause_on_one_side_only_is_an_added_detail() {
        let (_, a) = compared(
            "People were hurt in the blast.",
            "Nine people were hurt in the blast at the Ardmore chemical plant near the docks.",
        );
        assert_eq!(a.verdict, Verdict::Agree);
        assert!(a.adds.right && !a.adds.left);
    }
}
