//! What the side-by-side printers (text and HTML) share: the rows in reading order, why two
//! sides were paired (`--explain`), and what a judgement of two incidents means to a reader.

use crate::model::{Alignment, Equivalence, Evidence, Report, SameEvent, Side};

/// One row of a side-by-side view: an alignment, or a sentence only one side has.
pub(crate) enum Row<'a> {
    Aligned(&'a Alignment),
    Only(Side, usize),
}

/// The rows of a comparison in the reading order of `side`: alignments by their first
/// sentence on that side (only-related ones after the others), each sentence only that side has in its place, and a sentence
/// only the other side has right after the row holding the other side's sentence before
/// it, so each column reads in order wherever the outlets agree on order.
pub(crate) fn rows(report: &Report, side: Side) -> Vec<Row<'_>> {
    let other = side.other();
    let mut rows = Vec::new();
    let len = report.documents.get(side).sentences.len();
    let mut by_first: Vec<Vec<&Alignment>> = vec![Vec::new(); len];
    for a in &report.alignments {
        by_first[a.sentences.get(side)[0]].push(a);
    }
    for (i, mut starting) in by_first.into_iter().enumerate() {
        if report.only.get(side).binary_search(&i).is_ok() {
            rows.push(Row::Only(side, i));
        }
        // What a sentence says (the same, with detail, in conflict) before what it is only
        // related to.
        starting.sort_by_key(|a| a.is_only_related());
        rows.extend(starting.into_iter().map(Row::Aligned));
    }
    // Where each sentence of the other side first appears, to place its only-sentences in
    // one pass (inserting into the list one at a time would be quadratic on long reports).
    let mut first_row = vec![None; report.documents.get(other).sentences.len()];
    for (r, row) in rows.iter().enumerate() {
        if let Row::Aligned(a) = row {
            for &j in a.sentences.get(other) {
                first_row[j].get_or_insert(r);
            }
        }
    }
    #[derive(Clone, Copy)]
    enum Anchor {
        Start,
        After(usize),
        End,
    }
    let mut start = Vec::new();
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); rows.len()];
    let mut end = Vec::new();
    let mut last: Option<(usize, Anchor)> = None;
    for &j in report.only.get(other) {
        let anchor = match (j.checked_sub(1), last) {
            (None, _) => Anchor::Start,
            // Right after the sentence before it, itself only on the other side.
            (Some(prev), Some((k, anchor))) if k == prev => anchor,
            (Some(prev), _) => first_row[prev].map_or(Anchor::End, Anchor::After),
        };
        match anchor {
            Anchor::Start => start.push(j),
            Anchor::After(r) => after[r].push(j),
            Anchor::End => end.push(j),
        }
        last = Some((j, anchor));
    }
    let only = |j: usize| Row::Only(other, j);
    let mut ordered = Vec::with_capacity(rows.len() + report.only.get(other).len());
    ordered.extend(start.into_iter().map(only));
    for (row, following) in rows.into_iter().zip(after) {
        ordered.push(row);
        ordered.extend(following.into_iter().map(only));
    }
    ordered.extend(end.into_iter().map(only));
    ordered
}

/// Why two sides were paired, in parts every printer of `--explain` formats its own way.
pub(crate) struct Why {
    /// The model's probability that the sides are one fact with nothing added.
    pub probability: f64,
    /// From this probability the model calls them so ([`Equivalence::threshold`]).
    pub threshold: f64,
    /// The model's log-odds before any measurement.
    pub base: f64,
    /// The measurements, the largest contribution to the log-odds first.
    pub evidence: Vec<Evidence>,
    /// Why a pair the model calls one fact with nothing added is not shown as one: a
    /// conflict, or a fact only one side states.
    pub overruled: Option<&'static str>,
}

impl Why {
    pub(crate) fn of(a: &Alignment, model: Equivalence) -> Why {
        let mut evidence = a.evidence.clone();
        evidence.sort_by(|x, y| y.contribution.abs().total_cmp(&x.contribution.abs()));
        let overruled = if a.is_equivalent() || a.probability < model.threshold {
            None
        } else if a.is_only_related() {
            Some("but each side tells facts of its own")
        } else if !a.conflicts.is_empty() {
            Some("but a value conflicts")
        } else {
            Some("but a side states a fact the other does not")
        };
        Why {
            probability: a.probability,
            threshold: model.threshold,
            base: model.intercept,
            evidence,
            overruled,
        }
    }
}

/// One line on why two sides were paired: the probability, then each measurement that
/// moved it with its contribution to the log-odds, largest first, then the model's base.
pub(crate) fn explanation(a: &Alignment, model: Equivalence) -> String {
    let why = Why::of(a, model);
    let parts: Vec<String> = why
        .evidence
        .iter()
        .filter(|e| e.contribution.abs() >= 0.01)
        .map(|e| format!("{} {} {:+.2}", e.name, short(e.value), e.contribution))
        .collect();
    let overruled = why
        .overruled
        .map(|why| format!("; {why}"))
        .unwrap_or_default();
    format!(
        "why: p = {:.3} that this is one fact with nothing added (from {:.3} it is): {}; base {:+.2}{overruled}{}",
        why.probability,
        why.threshold,
        parts.join(", "),
        why.base,
        slots(a)
    )
}

/// What each conflict's two values share and how sure it is, then the possible conflicts
/// kept apart: "; number conflict: both count "people", confidence 0.85".
fn slots(a: &Alignment) -> String {
    let shown = a.conflicts.iter().map(|c| {
        format!(
            "; {} conflict: {}, confidence {:.2}",
            c.kind.as_str(),
            c.slot,
            c.confidence
        )
    });
    let possible = a.possible.iter().map(|c| {
        format!(
            "; possible {} conflict, not shown: {}, confidence {:.2} (shown from {:.2})",
            c.kind.as_str(),
            c.slot,
            c.confidence,
            crate::compare::facts::CONFIDENT
        )
    });
    shown.chain(possible).collect()
}

/// A measurement as printed: whole numbers bare, others to two places.
pub(crate) fn short(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.2}")
    }
}

// What a judgement means to a reader is the printers' to say: the text lives here, beside
// `inert`, as an inherent method so that every printer asks the judgement the same way.
impl SameEvent {
    /// What every printer says when the reports are perhaps or probably about different
    /// incidents.
    pub fn warning(&self) -> Option<String> {
        let apart = self.apart.as_ref().map(|names| {
            let (l, r) = (&names.left, &names.right);
            format!("the reports are mostly about {l} and {r}, and no sentence about {l} is linked to one about {r}")
        });
        if self.links_on_topic() {
            return apart.map(|apart| {
                let links = match self.kept_apart {
                    1 => "1 link is".to_string(),
                    n => format!("{n} links are"),
                };
                format!(
                    "perhaps two incidents: {apart} ({links} not shown; probability of one incident {:.2})",
                    self.probability
                )
            });
        }
        let how = if self.is_likely() {
            "perhaps"
        } else {
            "probably"
        };
        let refused = match self.refused {
            0 => String::new(),
            1 => "; 1 link resting on topic words alone is not shown".to_string(),
            n => format!("; {n} links resting on topic words alone are not shown"),
        };
        let apart = apart.map(|a| format!("; {a}")).unwrap_or_default();
        Some(format!(
            "{how} different events: the reports share too few specifics (names, places, \
             dates, figures) to be sure they are about one incident (probability {:.2}){refused}{apart}",
            self.probability
        ))
    }

    /// The measurements with their parts in the log-odds, for `--explain`.
    pub fn explanation(&self) -> String {
        let parts: Vec<String> = self
            .evidence
            .iter()
            .map(|e| format!("{} {:.2} ({:+.2})", e.name, e.value, e.contribution))
            .collect();
        format!(
            "one incident: probability {:.2}; {}",
            self.probability,
            parts.join(", ")
        )
    }
}
