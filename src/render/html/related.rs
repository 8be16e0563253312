//! Related rows on the page: the alignments that are only related (about the same event,
//! each side with facts of its own) gathered under the sentence they start from, so the
//! comparison shows what the outlets say and the related pairs wait folded beneath.

use std::collections::{BTreeMap, HashMap};

use crate::model::{Alignment, Pair, Side};
use crate::render::rows::Row;

/// The comparison table's rows with the related ones folded away.
pub(super) struct Entries<'a> {
    /// The rows that are not only related, in order, each with the related alignments of
    /// the sentence of the reading side it starts at, when it is the last row starting
    /// there.
    pub rows: Vec<(Row<'a>, Vec<&'a Alignment>)>,
    /// The related alignments of each sentence that starts no other row, by sentence.
    pub loose: Vec<(usize, Vec<&'a Alignment>)>,
}

/// The rows of `side`'s reading order with every related row moved under the first
/// sentence it has on that side.
pub(super) fn entries(all: Vec<Row<'_>>, side: Side) -> Entries<'_> {
    let first = |row: &Row| match row {
        Row::Aligned(a) => Some(a.sentences.get(side)[0]),
        Row::Only(s, i) => (*s == side).then_some(*i),
    };
    let mut related: BTreeMap<usize, Vec<&Alignment>> = BTreeMap::new();
    let mut last: HashMap<usize, usize> = HashMap::new();
    let mut rows = Vec::with_capacity(all.len());
    for row in all {
        match row {
            Row::Aligned(a) if a.is_only_related() => {
                related.entry(a.sentences.get(side)[0]).or_default().push(a);
            }
            row => {
                if let Some(anchor) = first(&row) {
                    last.insert(anchor, rows.len());
                }
                rows.push((row, Vec::new()));
            }
        }
    }
    let mut loose = Vec::new();
    for (anchor, members) in related {
        match last.get(&anchor) {
            Some(&at) => rows[at].1 = members,
            None => loose.push((anchor, members)),
        }
    }
    Entries { rows, loose }
}

/// Which sentences the page has printed in full so far, in page order: a sentence met
/// again in a related group is shown as an excerpt with a link to its full text.
pub(super) struct Printed(Pair<Vec<bool>>);

impl Printed {
    pub(super) fn new(lengths: Pair<usize>) -> Printed {
        Printed(lengths.map(|n| vec![false; n]))
    }

    /// Marks a sentence printed; whether it had been printed before.
    pub(super) fn print(&mut self, side: Side, sentence: usize) -> bool {
        std::mem::replace(&mut self.0.get_mut(side)[sentence], true)
    }
}
