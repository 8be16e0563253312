//! Links that relate the openings of two reports of one incident, which tell the event in
//! different words and with different facts, beside the one-to-one alignment.

use rustc_hash::{FxHashMap, FxHashSet};

use super::candidates::Candidate;
use super::similarity::{EQUIVALENT_SCORE, Idf, group_similarity};
use crate::model::Link;
use crate::model::{Document, Pair, Side};

/// A report's opening: its headline and first paragraphs, where news tells the event itself
/// (what happened, to whom, where and when) before the details ([`lead_links`]).
pub const LEAD_SENTENCES: usize = 10;
/// Two opening sentences of reports of one incident are related from this similarity.
const LEAD_LINK_SCORE: f64 = 0.1;
/// How many opening sentences of the other report one opening sentence is related to: a
/// headline tells the event that the first paragraph tells again at more length, so one
/// sentence of the other report often restates both.
pub const LEAD_PARTNERS: usize = 2;

/// Links between the openings of two reports of one incident, beside the alignment: each
/// of the first [`LEAD_SENTENCES`] sentences of a report to the [`LEAD_PARTNERS`] opening
/// sentences of the other it is closest to, when it is not already aligned with them and
/// the two are not each restated by the other report already.
///
/// Both openings tell the event, usually in different words and with different facts
/// ("Ferry runs aground off Velsay" / "The Corran Star struck rocks off Velsay late on
/// Friday"), so the one-to-one alignment pairs each with one partner at most, and the
/// others stay apart though they tell the same event. These links relate the sentences;
/// they are not one fact told twice (see `compare::relate`). Call this only for reports
/// judged to be about one incident: between two incidents of one kind, the openings share
/// topic words and nothing else.
pub fn lead_links(docs: Pair<&Document>, idf: &Idf, links: &[Link]) -> Vec<Link> {
    let linked: FxHashSet<(usize, usize)> = links.iter().flat_map(Link::pairs).collect();
    let lead = docs.map(|d| d.sentences.len().min(LEAD_SENTENCES));
    // Two sentences that each have their restatement in the other report: relating them
    // would say only that one report's two sentences tell one event.
    let mut restated: Pair<FxHashSet<usize>> = Pair::default();
    for l in links.iter().filter(|l| l.score >= EQUIVALENT_SCORE) {
        restated.left.extend(l.sentences.left.iter().copied());
        restated.right.extend(l.sentences.right.iter().copied());
    }
    let mut best: FxHashMap<(Side, usize), Vec<Candidate>> = FxHashMap::default();
    for i in 0..lead.left {
        for j in 0..lead.right {
            if linked.contains(&(i, j))
                || (restated.left.contains(&i) && restated.right.contains(&j))
            {
                continue;
            }
            let similarity = group_similarity(docs, idf, &Pair::new(vec![i], vec![j]));
            if !similarity.has_evidence() || similarity.score < LEAD_LINK_SCORE {
                continue;
            }
            for key in [(Side::Left, i), (Side::Right, j)] {
                best.entry(key).or_default().push((i, j, similarity.score));
            }
        }
    }
    let mut out: Vec<Link> = best
        .into_values()
        .flat_map(|mut partners| {
            partners.sort_by(|a, b| b.2.total_cmp(&a.2));
            partners.truncate(LEAD_PARTNERS);
            partners
        })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::align;
    use crate::align::tests::doc;

    #[test]
    fn the_openings_of_one_incident_are_related_beside_the_alignment() {
        let left = "Ferry runs aground off Velsay\n\n\
            A passenger ferry ran aground on rocks off Velsay on Friday evening.\n\n\
            The Corran Star was carrying 300 people.\n\n\
            Coastguards from Port Ardwin took the passengers off by lifeboat.\n\n\
            The ferry's owner, Westmark, apologised.\n\n\
            Divers will inspect the hull.\n\n\
            The harbour at Port Ardwin reopened on Saturday.\n\n\
            Ferries to the mainland ran late all weekend.\n\n\
            The crew were praised by the islanders.\n\n\
            A new timetable starts next month.\n\n\
            Tickets bought for Friday will be refunded.\n\n\
            The ferry ran aground near Velsay once before, in 2009.\n";
        let right = "Velsay ferry grounding leaves dozens hurt\n\n\
            The Corran Star struck rocks off Velsay late on Friday, and dozens were hurt.\n\n\
            Lifeboats from Port Ardwin took the passengers off.\n\n\
            Westmark said it was sorry.\n";
        let docs = Pair::new(doc(left), doc(right));
        let idf = Idf::new(docs.as_ref());
        let links = align(docs.as_ref(), &idf);
        let leads = lead_links(docs.as_ref(), &idf, &links);
        let pairs: Vec<(usize, usize)> = leads
            .iter()
            .map(|l| (l.sentences.left[0], l.sentences.right[0]))
            .collect();
        // Each headline with the other report's first paragraph, which tells the same event:
        // related here, unless the aligner linked them already on a claim both state (the
        // name of the place).
        let linked = |i: usize, j: usize| {
            pairs.contains(&(i, j))
                || links
                    .iter()
                    .any(|l| l.claim && l.sentences == Pair::new(vec![i], vec![j]))
        };
        assert!(linked(0, 1) && linked(1, 0), "{pairs:?} {links:?}");
        for l in &leads {
            assert!(l.score >= LEAD_LINK_SCORE, "{l:?}");
            assert!(l.sentences.left[0] < LEAD_SENTENCES && l.sentences.right[0] < LEAD_SENTENCES);
            assert!(
                !links.iter().any(|a| a.sentences == l.sentences),
                "{l:?} is aligned"
            );
        }
        // The last sentence tells of the grounding too, but after the opening.
        let last = docs.left.sentences.len() - 1;
        assert!(last >= LEAD_SENTENCES);
        let late = group_similarity(docs.as_ref(), &idf, &Pair::new(vec![last], vec![0]));
        assert!(
            late.has_evidence() && late.score >= LEAD_LINK_SCORE,
            "{late:?}"
        );
        assert!(!pairs.iter().any(|&(i, _)| i == last), "{pairs:?}");
        // The first paragraph, aligned with the other's, is related to (or linked on a claim
        // with) the next closest: the headline, and the rescue it also tells of.
        for j in [0, 2] {
            assert!(linked(1, j), "{pairs:?} {links:?}");
        }
        assert!(pairs.iter().filter(|p| p.0 == 1).count() <= LEAD_PARTNERS);
    }

    #[test]
    fn sentences_restated_on_both_sides_are_not_related_again() {
        let text = "Footbridge falls in Port Elvin\n\n\
            A footbridge over the Cray collapsed in Port Elvin on Saturday.\n\n\
            Twelve people were hurt when the footbridge collapsed.\n\n\
            The mayor called the collapse a dark night for the town.\n";
        let docs = Pair::new(doc(text), doc(text));
        let idf = Idf::new(docs.as_ref());
        let links = align(docs.as_ref(), &idf);
        assert_eq!(links.len(), 4);
        // Each opening sentence shares words with the others: within one report they would
        // be related, but each has its own restatement in the other report.
        let a = group_similarity(docs.as_ref(), &idf, &Pair::new(vec![1], vec![2]));
        assert!(a.has_evidence() && a.score >= LEAD_LINK_SCORE, "{a:?}");
        assert_eq!(lead_links(docs.as_ref(), &idf, &links), []);
    }
}
