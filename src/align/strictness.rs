//! How strict linking is for a pair of reports: reports that share many names are
//! probably about one incident and link from a low score, reports that share few, perhaps
//! two incidents of one kind, only from a much higher one.

use rustc_hash::FxHashSet;

use crate::model::{Document, Key, Pair, TokenKind};

/// The least similarity at which two sentences report the same fact, when the names do not
/// say whether the reports are about one incident (too few names to tell).
pub const LINK_THRESHOLD: f64 = 0.3;
/// The threshold when the names say the reports are about one incident.
pub(super) const LENIENT_THRESHOLD: f64 = 0.12;
/// The threshold when they share few names: perhaps two incidents of the same kind.
const STRICT_THRESHOLD: f64 = 0.45;
/// Share of names (of the side with fewer) both reports must have to be one incident...
const SHARED_NAMES: f64 = 0.3;
/// ...and either a sentence pair this similar, anchoring them to one incident...
const ANCHOR_SCORE: f64 = 0.4;
/// ...or this share of their names in common.
const MOSTLY_SHARED_NAMES: f64 = 0.5;
/// Fewer distinct names than this on a side tell nothing about the incident.
const MIN_NAMES: usize = 3;

/// The names (people, places, organisations) of two reports, as far as they say how
/// strict linking must be ([`strictness()`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NameOverlap {
    /// Distinct names (people, places, organisations) of the side with fewer.
    pub fewer_names: usize,
    /// Names both reports have.
    pub shared_names: usize,
}

impl NameOverlap {
    pub fn of(docs: Pair<&Document>) -> NameOverlap {
        let names = docs.map(|d| {
            d.sentences
                .iter()
                .flat_map(|s| &s.tokens)
                .filter(|t| t.kind == TokenKind::Name)
                .map(|t| t.key)
                .collect::<FxHashSet<Key>>()
        });
        NameOverlap {
            fewer_names: names.left.len().min(names.right.len()),
            shared_names: names.left.intersection(&names.right).count(),
        }
    }

    fn shared_share(&self) -> f64 {
        self.shared_names as f64 / self.fewer_names.max(1) as f64
    }
}

/// How similar two sentences must be to be linked in this pair of reports, given the names
/// they share and the best score any sentence pair reaches.
///
/// Reports of one incident name the same people and places, and usually restate at least
/// one sentence closely; two incidents of one kind (two earthquakes) share vocabulary but
/// few names, and no sentence of one restates the other.
pub fn strictness(names: &NameOverlap, best_score: f64) -> f64 {
    if names.fewer_names < MIN_NAMES {
        return LINK_THRESHOLD;
    }
    let share = names.shared_share();
    let one_incident =
        share >= SHARED_NAMES && (best_score >= ANCHOR_SCORE || share >= MOSTLY_SHARED_NAMES);
    if one_incident {
        LENIENT_THRESHOLD
    } else {
        STRICT_THRESHOLD
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::tests::doc;

    #[test]
    fn reports_sharing_no_names_need_stronger_evidence() {
        let quake = |place: &str, agency: &str, chief: &str| {
            format!(
                "A strong earthquake struck {place} on Monday.\nThe {agency} said buildings collapsed.\n{chief} ordered rescue teams to the area.\n"
            )
        };
        let arlow = doc(&quake("Arlow", "Arlow Survey", "Governor Lind"));
        let benmore = doc(&quake("Benmore", "Benmore Office", "Mayor Tait"));
        let same = NameOverlap::of(Pair::new(&arlow, &arlow));
        let other = NameOverlap::of(Pair::new(&arlow, &benmore));
        assert!(strictness(&same, 1.0) < strictness(&other, 1.0));
    }

    #[test]
    fn shared_names_without_an_anchoring_sentence_are_not_enough() {
        let some_shared = NameOverlap {
            fewer_names: 10,
            shared_names: 4,
        };
        assert_eq!(strictness(&some_shared, 0.9), LENIENT_THRESHOLD);
        assert_eq!(strictness(&some_shared, 0.2), STRICT_THRESHOLD);
        let most_shared = NameOverlap {
            fewer_names: 10,
            shared_names: 6,
        };
        assert_eq!(strictness(&most_shared, 0.2), LENIENT_THRESHOLD);
    }

    #[test]
    fn too_few_names_tell_nothing() {
        let few = NameOverlap {
            fewer_names: 1,
            shared_names: 0,
        };
        assert_eq!(strictness(&few, 0.9), LINK_THRESHOLD);
    }
}
