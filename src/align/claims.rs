//! Links that the one-to-one assignment cannot make: two sentences that share a claim.
//!
//! News sentences bundle several facts, and two outlets bundle them differently: "Police
//! arrested the driver who killed a 66-year-old woman at the store" states the age of the
//! victim that another outlet gives in "Ruth Adeyemi, 66, was struck as she walked in",
//! while its own counterpart is that outlet's sentence about the arrest. The assignment
//! pairs each sentence once; this step adds a link between any two sentences that score
//! well enough as a pair and state a checkable value of one slot: the same name, a number
//! of the same thing, a day or a time. A sentence may so stand in several links, one per
//! fact it shares, and a changed value still finds its counterpart (its slot is the same
//! even when its value is not), so it is compared rather than left as two sentences each
//! outlet reports alone.

use std::collections::HashSet;

use super::candidates::Candidate;
use crate::extract::facts::same_name;
use crate::model::{Document, FactValue, Grain, Key, Link, Pair, Span, Token, TokenKind};

/// Two sentences that share a claim are linked when they score at least this as a pair.
pub(super) const CLAIM_LINK_SCORE: f64 = 0.15;

/// Links between sentences that share a claim and are not already linked to each other;
/// a link too weak to tell one fact on its words (below `LINK_THRESHOLD`) between two
/// single sentences that share a claim is marked as resting on it (`claim`).
pub(super) fn claim_links(
    docs: Pair<&Document>,
    candidates: [&[Candidate]; 2],
    links: &mut [Link],
    threshold: f64,
) -> Vec<Link> {
    // A pair too loose to be one fact on its words alone is one on a claim both state.
    for link in links
        .iter_mut()
        .filter(|l| l.score < super::strictness::LINK_THRESHOLD)
    {
        if let ([i], [j]) = (&link.sentences.left[..], &link.sentences.right[..]) {
            link.claim = share_a_slot(docs, *i, *j);
        }
    }
    // Reports that share few names need the evidence any link needs.
    let min = if threshold > super::strictness::LINK_THRESHOLD {
        threshold
    } else {
        CLAIM_LINK_SCORE
    };
    let linked: HashSet<(usize, usize)> = links
        .iter()
        .flat_map(|l| {
            l.sentences
                .left
                .iter()
                .flat_map(|&i| l.sentences.right.iter().map(move |&j| (i, j)))
        })
        .collect();
    let mut out: Vec<Link> = candidates
        .into_iter()
        .flatten()
        .filter(|c| c.2 >= min && !linked.contains(&(c.0, c.1)))
        .filter(|c| share_a_slot(docs, c.0, c.1))
        .map(|&(i, j, score)| Link {
            sentences: Pair::new(vec![i], vec![j]),
            score,
            claim: true,
        })
        .collect();
    out.sort_by_key(|l| (l.sentences.left[0], l.sentences.right[0]));
    out
}

/// How many words on each side of a value are read for the words it is attached to.
const ATTACHED_WORDS: usize = 8;

/// Whether sentence `i` of the left report and `j` of the right state a value of one slot:
/// a value of one kind (the same name; a number of the same thing in the same unit; a day
/// or a clock time) attached to a word both share near it ("arrested Anthony LaSalle" /
/// "LaSalle was arrested"). A value alone is not enough: the name of the town, or of the
/// ship, stands in half the sentences of a report, each telling a fact of its own.
fn share_a_slot(docs: Pair<&Document>, i: usize, j: usize) -> bool {
    let facts = |doc: &Document, s: usize| {
        let start = doc.facts.partition_point(|f| f.sentence < s);
        let end = doc.facts.partition_point(|f| f.sentence <= s);
        start..end
    };
    let (left, right) = (facts(docs.left, i), facts(docs.right, j));
    left.clone().any(|a| {
        right.clone().any(|b| {
            let (fa, fb) = (&docs.left.facts[a], &docs.right.facts[b]);
            let counted = |doc: &Document, span: Span, s: usize| counted_after(doc, span.end, s);
            let besides = match (&fa.value, &fb.value) {
                (FactValue::Name(x), FactValue::Name(y)) if x == y || same_name(x, y) => None,
                (FactValue::Number(x), FactValue::Number(y)) if x.unit == y.unit => {
                    let what = counted(docs.left, fa.span, i);
                    if what.is_none() || what != counted(docs.right, fb.span, j) {
                        return false;
                    }
                    what
                }
                (FactValue::Date(x), FactValue::Date(y))
                    if x.grain == y.grain && matches!(x.grain, Grain::Day | Grain::Time) =>
                {
                    None
                }
                _ => return false,
            };
            let theirs = near(docs.right, j, fb.span);
            near(docs.left, i, fa.span)
                .iter()
                .any(|k| Some(*k) != besides && theirs.contains(k))
        })
    })
}

/// The ordinary content words (not names, not numbers) within `ATTACHED_WORDS` of `span`
/// in sentence `s`.
fn near(doc: &Document, s: usize, span: Span) -> Vec<Key> {
    let tokens = &doc.sentences[s].tokens;
    let first = tokens.partition_point(|t| t.span.end <= span.start);
    let last = tokens.partition_point(|t| t.span.start < span.end);
    let from = first.saturating_sub(ATTACHED_WORDS);
    let to = (last + ATTACHED_WORDS).min(tokens.len());
    tokens[from..first]
        .iter()
        .chain(&tokens[last.max(first)..to])
        .filter(|t| t.is_content() && t.kind == TokenKind::Word)
        .map(|t| t.key)
        .collect()
}

/// What a number ending at `end` in sentence `s` counts (see [`counted`]).
fn counted_after(doc: &Document, end: usize, s: usize) -> Option<Key> {
    let tokens = &doc.sentences[s].tokens;
    counted(&tokens[tokens.partition_point(|t| t.span.start < end)..])
}

/// How many words after a number are read for what it counts.
const COUNTED_WORDS: usize = 3;

/// What a number counts, given the words after it: the first ordinary content word among
/// the first few ("12 people", "23 Somali pirates", "$5 million in aid"), passing over
/// names, numbers and function words; none for "23 of them".
pub fn counted(after: &[Token]) -> Option<Key> {
    after
        .iter()
        .take(COUNTED_WORDS)
        .find(|t| t.is_content() && t.kind == TokenKind::Word)
        .map(|t| t.key)
}
