//! Links that the one-to-one assignment cannot make: two sentences that share a claim.
//!
//! News sentences bundle several facts, and two outlets bundle them differently: "Police
//! arrested the driver who killed a 66-year-old woman at the store" states the age of the
//! victim that another outlet gives in "Ruth Adeyemi, 66, was struck as she walked in",
//! while its own counterpart is that outlet's sentence about the arrest. The assignment
//! pairs each sentence once; this step also links each sentence to the closest sentence of
//! the other report that scores well enough with it and states a checkable value of one
//! slot: the same name, a number of the same thing, a day or a time, attached to a word
//! both share. A changed value still finds its counterpart (its slot is the same even when
//! its value is not), so it is compared rather than left as two sentences each outlet
//! reports alone. One such link per sentence: more gave rows an editor wades through for
//! little gain (BENCHMARKS.md).

use rustc_hash::{FxHashMap, FxHashSet};

use super::candidates::Candidate;
use crate::extract::facts::NameForm;
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
    let slots = docs.map(Slots::new);
    let mut same = SameNames::default();
    // A pair too loose to be one fact on its words alone is one on a claim both state.
    for link in links
        .iter_mut()
        .filter(|l| l.score < super::strictness::LINK_THRESHOLD)
    {
        if let ([i], [j]) = (&link.sentences.left[..], &link.sentences.right[..]) {
            link.claim = share_a_slot(&slots, &mut same, *i, *j);
        }
    }
    // Reports that share few names need the evidence any link needs.
    let min = if threshold > super::strictness::LINK_THRESHOLD {
        threshold
    } else {
        CLAIM_LINK_SCORE
    };
    let linked: FxHashSet<(usize, usize)> = links.iter().flat_map(Link::pairs).collect();
    let mut found: Vec<Candidate> = candidates
        .into_iter()
        .flatten()
        .filter(|c| c.2 >= min && !linked.contains(&(c.0, c.1)))
        .copied()
        .collect();
    // The closest few of each sentence, on both sides: a sentence that shares a name with
    // half the other report is not one fact with each of those sentences. The closest
    // pairs are asked first, so a sentence that has its few is not asked again.
    found.sort_by(|a, b| b.2.total_cmp(&a.2).then((a.0, a.1).cmp(&(b.0, b.1))));
    let mut taken = docs.map(|d| vec![0usize; d.sentences.len()]);
    let mut out: Vec<Link> = Vec::new();
    for (i, j, score) in found {
        if taken.left[i] < CLAIM_PARTNERS
            && taken.right[j] < CLAIM_PARTNERS
            && share_a_slot(&slots, &mut same, i, j)
        {
            taken.left[i] += 1;
            taken.right[j] += 1;
            out.push(Link {
                sentences: Pair::new(vec![i], vec![j]),
                score,
                claim: true,
            });
        }
    }
    out.sort_by_key(|l| (l.sentences.left[0], l.sentences.right[0]));
    out
}

/// The most claim links one sentence may have, the closest first.
const CLAIM_PARTNERS: usize = 1;

/// How many words on each side of a value are read for the words it is attached to.
const ATTACHED_WORDS: usize = 8;

/// What the claim test reads of each fact of a report, worked out once: the words near
/// it, what a number counts, and a name made ready for comparing.
struct Slots<'d> {
    doc: &'d Document,
    /// The words near each fact, and a bit for each of them (by its hash): two facts with
    /// no bit in common share no word. Worked out when first asked.
    near: Vec<std::cell::OnceCell<(u64, Vec<Key>)>>,
    counted: Vec<Option<Key>>,
    /// For a name, the index of its value among the report's distinct names.
    name_ids: Vec<u32>,
    /// The report's distinct names, made ready when first compared (most never are).
    names: Vec<(&'d str, std::cell::OnceCell<NameForm>)>,
}

impl<'d> Slots<'d> {
    fn new(doc: &'d Document) -> Slots<'d> {
        let facts = &doc.facts;
        let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut names = Vec::new();
        let name_ids = facts
            .iter()
            .map(|f| match &f.value {
                FactValue::Name(n) => *ids.entry(n.as_str()).or_insert_with(|| {
                    names.push((n.as_str(), std::cell::OnceCell::new()));
                    names.len() as u32 - 1
                }),
                _ => u32::MAX,
            })
            .collect();
        Slots {
            doc,
            near: facts.iter().map(|_| std::cell::OnceCell::new()).collect(),
            counted: facts
                .iter()
                .map(|f| match f.value {
                    FactValue::Number(_) => counted_after(doc, f.span.end, f.sentence),
                    _ => None,
                })
                .collect(),
            name_ids,
            names,
        }
    }

    /// The words near fact `k`, with their bits.
    fn near(&self, k: usize) -> &(u64, Vec<Key>) {
        self.near[k].get_or_init(|| {
            let f = &self.doc.facts[k];
            let keys = near(self.doc, f.sentence, f.span);
            (signature(&keys), keys)
        })
    }

    /// The facts of sentence `s`, as a range of indexes.
    fn of(&self, s: usize) -> std::ops::Range<usize> {
        let facts = &self.doc.facts;
        facts.partition_point(|f| f.sentence < s)..facts.partition_point(|f| f.sentence <= s)
    }
}

/// Whether sentence `i` of the left report and `j` of the right state a value of one slot:
/// a value of one kind (the same name; a number of the same thing in the same unit; a day
/// or a clock time) attached to a word both share near it ("arrested Anthony LaSalle" /
/// "LaSalle was arrested"). A value alone is not enough: the name of the town, or of the
/// ship, stands in half the sentences of a report, each telling a fact of its own.
fn share_a_slot(slots: &Pair<Slots>, same: &mut SameNames, i: usize, j: usize) -> bool {
    let (left, right) = (&slots.left, &slots.right);
    left.of(i).any(|a| {
        right.of(j).any(|b| {
            let (fa, fb) = (&left.doc.facts[a], &right.doc.facts[b]);
            let besides = match (&fa.value, &fb.value) {
                (FactValue::Name(x), FactValue::Name(y)) => {
                    if x != y && !same.of(slots, a, b) {
                        return false;
                    }
                    // The word right before both is their label ("the ferry Corran"), not
                    // something told of them.
                    let label = |s: &Slots, k: usize| {
                        let tokens = &s.doc.sentences[s.doc.facts[k].sentence].tokens;
                        let at =
                            tokens.partition_point(|t| t.span.end <= s.doc.facts[k].span.start);
                        at.checked_sub(1).map(|p| tokens[p].key)
                    };
                    let (p, q) = (label(left, a), label(right, b));
                    if p == q { p } else { None }
                }
                (FactValue::Number(x), FactValue::Number(y)) if x.unit == y.unit => {
                    let what = left.counted[a];
                    if what.is_none() || what != right.counted[b] {
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
            let (ours, theirs) = (left.near(a), right.near(b));
            ours.0 & theirs.0 != 0
                && ours
                    .1
                    .iter()
                    .any(|k| Some(*k) != besides && theirs.1.contains(k))
        })
    })
}

/// Whether two names of the two reports are one, asked once for each two distinct names.
#[derive(Default)]
struct SameNames(FxHashMap<(u32, u32), bool>);

impl SameNames {
    /// Whether the names of left fact `a` and right fact `b` are one.
    fn of(&mut self, slots: &Pair<Slots>, a: usize, b: usize) -> bool {
        let (x, y) = (slots.left.name_ids[a], slots.right.name_ids[b]);
        *self.0.entry((x, y)).or_insert_with(|| {
            let (p, q) = (
                &slots.left.names[x as usize],
                &slots.right.names[y as usize],
            );
            p.1.get_or_init(|| NameForm::new(p.0))
                .same(q.1.get_or_init(|| NameForm::new(q.0)))
        })
    }
}

/// One bit for each key, chosen by its hash.
fn signature(keys: &[Key]) -> u64 {
    use std::hash::BuildHasher;
    keys.iter().fold(0, |bits, k| {
        bits | 1 << (rustc_hash::FxBuildHasher.hash_one(k) >> 58)
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

#[cfg(test)]
mod tests {
    use super::claim_links;
    use crate::align::tests::doc;
    use crate::align::{Idf, group_similarity};
    use crate::model::{Link, Pair};

    /// The claim links `claim_links` adds between two reports whose own links are given,
    /// each other pair of sentences being a candidate at its score.
    fn claimed(left: &str, right: &str, own: &[(usize, usize)]) -> Vec<(usize, usize)> {
        let docs = Pair::new(doc(left), doc(right));
        let idf = Idf::new(docs.as_ref());
        let pair = |i: usize, j: usize| Pair::new(vec![i], vec![j]);
        let mut links: Vec<Link> = own
            .iter()
            .map(|&(i, j)| Link {
                sentences: pair(i, j),
                score: 0.5,
                claim: false,
            })
            .collect();
        let mut candidates = Vec::new();
        for i in 0..docs.left.sentences.len() {
            for j in 0..docs.right.sentences.len() {
                let score = group_similarity(docs.as_ref(), &idf, &pair(i, j)).score;
                candidates.push((i, j, score));
            }
        }
        claim_links(docs.as_ref(), [&candidates, &[]], &mut links, 0.3)
            .into_iter()
            .map(|l| (l.sentences.left[0], l.sentences.right[0]))
            .collect()
    }

    const LEFT: &str = "Divers pulled 14 passengers from the river on Monday after the ferry Corran sank.\n\n\
        The ferry Corran sank in the Tarn estuary on Monday.\n";

    #[test]
    fn sentences_that_tell_one_claim_are_linked_beside_their_counterparts() {
        let right = "The ferry Corran sank in the Tarn estuary on Monday, and divers pulled 14 passengers from the water.\n\n\
            Divers worked from the river bank.\n";
        // Each left sentence has its counterpart; the rescue of 14 is also told on the right.
        assert_eq!(claimed(LEFT, right, &[(0, 1), (1, 0)]), [(0, 0)]);
        // A changed value still fills the slot: the two are compared, not left apart.
        let changed = right.replace("14 passengers", "19 passengers");
        assert_eq!(claimed(LEFT, &changed, &[(0, 1), (1, 0)]), [(0, 0)]);
    }

    #[test]
    fn a_shared_name_alone_is_no_claim() {
        // The ship is named on both sides, but nothing is told of it alike.
        let left = "The owners of the ferry Corran will hold a regatta next summer.\n\n\
            The ferry Corran sank in the Tarn estuary on Monday.\n";
        let right = "The ferry Corran sank in the Tarn estuary on Monday, and divers pulled 14 passengers from the water.\n\n\
            Divers worked from the river bank.\n";
        assert_eq!(claimed(left, right, &[(0, 1), (1, 0)]), []);
    }

    #[test]
    fn a_changed_value_conflicts_in_the_whole_comparison() {
        use crate::model::{ConflictKind, Source};
        let left = "Divers pulled 14 passengers from the river near Port Elvin on Monday after the ferry Corran sank.\n\n\
            The harbour master praised the crews.\n\n\
            The ferry Corran sank in the Tarn estuary on Monday.\n";
        let right = "The ferry Corran sank in the Tarn estuary on Monday, and divers pulled 19 passengers from the water.\n";
        let report = crate::compare(Source::new("a", left), Source::new("b", right));
        let rescue = report
            .alignments
            .iter()
            .find(|a| a.sentences.left == [0])
            .expect("the rescue is compared");
        let kinds: Vec<ConflictKind> = rescue.conflicts.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, [ConflictKind::Number], "{rescue:?}");
        assert!(!rescue.related);
    }
}
