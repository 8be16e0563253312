//! Whether two reports are about one incident at all, judged from the reports as a whole.
//!
//! Two reports of one kind of event (two earthquakes, two arrests) share most of their
//! vocabulary, and the aligner finds sentence pairs between them that rest on topic words
//! alone. What tells one incident from two is the reports' specifics: the people and places
//! they name (above all the ones each names most), the days, months and years they give,
//! the figures they report, and whether their closest sentence pairs are close at all and come in runs
//! (neighbours aligned with neighbours). [`measure`] takes these measurements; a logistic
//! model weighs them into the probability of one incident ([`judge`]). Its weights are
//! learned from pairs of reports of one incident and of two incidents of one kind by
//! `examples/train_incident.rs` (with `learn::incident`) and written into `weights.rs`,
//! never set by hand.
//!
//! Unless one incident is clearly the likelier reading ([`TOPIC_LINKS_AT`]), [`refuse`]
//! keeps only the links of sentences that say the same thing in nearly the same words; the
//! rest would link two incidents on topic words alone. Every printer then says that the
//! reports are perhaps, or probably, about different events.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashMap;

mod weights;

use crate::align::{Idf, Link};
use crate::model::{
    Document, Evidence, FactValue, Key, Model, Pair, SameEvent, TokenKind, sigmoid,
};

/// The measurements, in the order of the model's weights.
pub const FEATURES: [&str; 13] = [
    "names in common (of the side with fewer)",
    "names in common (of all)",
    "most-named names the other report names",
    "shared vocabulary",
    "closest sentence pair",
    "close sentence pairs",
    "pairs whose neighbours pair too",
    "a year in common",
    "years, none in common",
    "figures in common",
    "a day in common",
    "a month in common",
    "each report's most-named name in the other",
];

/// Below this probability the reports are taken to be about different incidents: the
/// point where two incidents are the likelier reading.
pub const SAME_EVENT_AT: f64 = 0.5;

/// Below this probability, two incidents are not unlikely enough to link the reports on
/// topic words: one incident must be at least four times as likely as two. Linking two
/// incidents is the worst mistake a comparison can make, and a missed link only leaves a
/// sentence unaligned, so the odds asked of the judgement are 4:1, not even (on ECB+, when
/// the threshold was chosen, 3:1 linked 3.2% of the sentences of different-incident pairs,
/// 4:1 2.6%).
/// Below it, [`refuse`] drops the links below [`KEEP_SCORE`], and the openings are not
/// related ([`crate::align::lead_links`]).
pub const TOPIC_LINKS_AT: f64 = 0.8;

/// A link between reports of perhaps different incidents is kept only from this score:
/// the sentences say the same thing in nearly the same words, not merely on one topic
/// (the score from which a pair is not loose, [`crate::align::EQUIVALENT_SCORE`]).
pub const KEEP_SCORE: f64 = crate::align::EQUIVALENT_SCORE;

/// A sentence pair this similar is a close one.
const CLOSE_SCORE: f64 = 0.4;
/// How many of a report's most-named names are looked for in the other report.
const MAIN_NAMES: usize = 3;
/// Fewer sentences than this in the two reports together, and they are too short to
/// judge: two single sentences (a headline each) tell nothing about the incident.
const MIN_SENTENCES: usize = 4;

/// Measures how much the two reports look like reports of one incident, given the links
/// the aligner found between them.
pub fn measure(docs: Pair<&Document>, idf: &Idf, links: &[Link]) -> [f64; FEATURES.len()] {
    let names = docs.map(name_counts);
    let sets = names
        .as_ref()
        .map(|c| c.keys().copied().collect::<HashSet<Key>>());
    let shared = sets.left.intersection(&sets.right).count() as f64;
    let fewer = sets.left.len().min(sets.right.len());
    let all = sets.left.union(&sets.right).count();
    let main = |own: &HashMap<Key, usize>, other: &HashSet<Key>| {
        let top = most_named(own);
        if top.is_empty() {
            return 0.0;
        }
        top.iter().filter(|n| other.contains(*n)).count() as f64 / top.len() as f64
    };
    let main_named = main(&names.left, &sets.right).min(main(&names.right, &sets.left));
    let years = docs.map(years);
    let both_years = !years.left.is_empty() && !years.right.is_empty();
    let year_shared = years.left.intersection(&years.right).next().is_some();
    let figures = docs.map(figures);
    let fewer_figures = figures.left.len().min(figures.right.len());
    let figures_shared = if fewer_figures == 0 {
        0.0
    } else {
        figures.left.intersection(&figures.right).count() as f64 / fewer_figures as f64
    };
    let best = links.iter().map(|l| l.score).fold(0.0, f64::max);
    let close = links.iter().filter(|l| l.score >= CLOSE_SCORE).count();
    let days = docs.map(days);
    // Sorted, so each day is looked for by binary search: a report may give thousands.
    let day_shared = days.left.iter().any(|day| {
        let from = day.yesterday().unwrap_or(*day);
        let to = day.tomorrow().unwrap_or(*day);
        let at = days.right.partition_point(|d| *d < from);
        days.right.get(at).is_some_and(|d| *d <= to)
    });
    let months = days.map(|d| {
        d.iter()
            .map(|d| (d.year(), d.month()))
            .collect::<HashSet<_>>()
    });
    let month_shared = months.left.intersection(&months.right).next().is_some();
    let main = docs.map(main_name);
    let named = |name: &Option<String>, other: &Document| {
        name.as_deref().is_some_and(|n| names_it(other, n))
    };
    let main_shared = named(&main.left, docs.right) && named(&main.right, docs.left);
    [
        if fewer == 0 {
            0.0
        } else {
            shared / fewer as f64
        },
        if all == 0 { 0.0 } else { shared / all as f64 },
        main_named,
        vocabulary(docs, idf),
        best,
        (close as f64).ln_1p(),
        neighbours(links),
        f64::from(u8::from(both_years && year_shared)),
        f64::from(u8::from(both_years && !year_shared)),
        figures_shared,
        f64::from(u8::from(day_shared)),
        f64::from(u8::from(month_shared)),
        f64::from(u8::from(main_shared)),
    ]
}

/// Below this probability of one incident, two reports each mostly about someone else
/// ("Jackson" and "Williams", two arrests of one kind) are not linked from a sentence about
/// one to a sentence about the other ([`apart`]). Above it the reports are one incident
/// beyond doubt, and a report about the victim and one about the suspect still tell one
/// story (on ECB+ the rule at 0.95 costs 0.7 points of same-event sentence recall, and at
/// 0.99 twice that, for the same false links saved).
pub const APART_BELOW: f64 = 0.95;

/// Drops the alignments (or links; `sentences` reads an item's sentences) from a sentence
/// about one report's main name to a sentence about the other's, when the two reports are
/// each mostly about someone else and one incident is not beyond doubt ([`APART_BELOW`]):
/// "Chargers' Jackson arrested on suspicion of DUI" and "Charger Jamal Williams arrested on
/// suspicion of DUI" are two arrests, not one fact with a name in conflict. The main names
/// are set in `judgement.apart` and the drops counted in `judgement.kept_apart`.
pub fn apart<T>(
    docs: Pair<&Document>,
    items: Vec<T>,
    sentences: impl Fn(&T) -> &Pair<Vec<usize>>,
    judgement: Option<&mut SameEvent>,
) -> Vec<T> {
    let Some(judgement) = judgement else {
        return items;
    };
    if judgement.probability >= APART_BELOW {
        return items;
    }
    let Some(mains) = main_names(docs) else {
        return items;
    };
    let before = items.len();
    let kept: Vec<T> = items
        .into_iter()
        .filter(|item| !about_each_main(docs, &mains, sentences(item)))
        .collect();
    if kept.len() < before {
        judgement.kept_apart += before - kept.len();
        let written = |doc: &Document, folded: &str| {
            doc.facts
                .iter()
                .find_map(|f| match &f.value {
                    FactValue::Name(n) if n.to_lowercase() == folded => Some(n.clone()),
                    _ => None,
                })
                .unwrap_or_else(|| folded.to_string())
        };
        judgement.apart = Some(Pair::new(
            written(docs.left, &mains.left),
            written(docs.right, &mains.right),
        ));
    }
    kept
}

/// The name each report gives most ([`main_name`]), when the two are not one name.
fn main_names(docs: Pair<&Document>) -> Option<Pair<String>> {
    let (left, right) = (main_name(docs.left)?, main_name(docs.right)?);
    (!crate::extract::facts::same_name(&left, &right)).then(|| Pair::new(left, right))
}

/// Whether each side names its own report's main name and not the other's.
fn about_each_main(
    docs: Pair<&Document>,
    mains: &Pair<String>,
    sentences: &Pair<Vec<usize>>,
) -> bool {
    let names = |doc: &Document, sentences: &[usize], name: &str| {
        sentences.iter().any(|&s| {
            let from = doc.facts.partition_point(|f| f.sentence < s);
            doc.facts[from..]
                .iter()
                .take_while(|f| f.sentence == s)
                .any(|f| match &f.value {
                    FactValue::Name(n) => crate::extract::facts::same_name(n, name),
                    _ => false,
                })
        })
    };
    let (l, r) = (&sentences.left, &sentences.right);
    names(docs.left, l, &mains.left)
        && !names(docs.left, l, &mains.right)
        && names(docs.right, r, &mains.right)
        && !names(docs.right, r, &mains.left)
}

/// Whether the reports are long enough to judge.
pub fn can_judge(docs: Pair<&Document>) -> bool {
    let (left, right) = (docs.left.sentences.len(), docs.right.sentences.len());
    left > 0 && right > 0 && left + right >= MIN_SENTENCES
}

/// The shipped model.
pub fn model() -> Model {
    Model {
        intercept: weights::INTERCEPT,
        weights: weights::WEIGHTS.to_vec(),
    }
}

/// What the judgement of two reports decided: how likely one incident is, and the links it
/// keeps.
pub struct Judged {
    /// The aligner's links less those refused ([`refuse`]) and kept apart ([`apart`]).
    pub links: Vec<Link>,
    /// The judgement, or `None` when the reports are too short to tell.
    pub same_event: Option<SameEvent>,
}

/// Judges whether the two reports tell one incident, and keeps only the links that may
/// join them: the stage's entry point.
pub fn judge(docs: Pair<&Document>, idf: &Idf, links: &[Link]) -> Judged {
    let mut same_event = weigh(docs, idf, links);
    // Reports of different incidents of one kind share topic words: the links that rest on
    // topic words alone are refused.
    let kept = refuse(links.to_vec(), |l| l.score, same_event.as_mut());
    // Two reports each mostly about someone else: no sentence about one is the same fact
    // as a sentence about the other.
    let links = apart(docs, kept, |l| &l.sentences, same_event.as_mut());
    Judged { links, same_event }
}

/// The links that relate the openings of two reports of one incident (their headlines and
/// first paragraphs tell the event, [`crate::align::lead_links`]), kept apart as other links
/// are; none unless one incident is likely enough to link the reports on topic words.
pub fn openings(
    docs: Pair<&Document>,
    idf: &Idf,
    links: &[Link],
    same_event: &mut Option<SameEvent>,
) -> Vec<Link> {
    if !same_event.as_ref().is_some_and(SameEvent::links_on_topic) {
        return Vec::new();
    }
    let leads = crate::align::lead_links(docs, idf, links);
    apart(docs, leads, |l| &l.sentences, same_event.as_mut())
}

/// The probability of one incident with each measurement's part in it, or `None` when the
/// reports are too short to tell.
pub fn weigh(docs: Pair<&Document>, idf: &Idf, links: &[Link]) -> Option<SameEvent> {
    if !can_judge(docs) {
        return None;
    }
    let features = measure(docs, idf, links);
    let evidence: Vec<Evidence> = FEATURES
        .iter()
        .zip(features)
        .zip(weights::WEIGHTS)
        .map(|((&name, value), weight)| Evidence {
            name,
            value,
            contribution: value * weight,
        })
        .collect();
    let logit = weights::INTERCEPT + evidence.iter().map(|e| e.contribution).sum::<f64>();
    let mut same_event = SameEvent {
        probability: 0.0,
        likely: false,
        on_topic: false,
        evidence,
        refused: 0,
        apart: None,
        kept_apart: 0,
    };
    decide(&mut same_event, sigmoid(logit));
    Some(same_event)
}

/// Sets the probability of one incident and what it decides.
fn decide(same_event: &mut SameEvent, probability: f64) {
    same_event.probability = probability;
    same_event.likely = probability >= SAME_EVENT_AT;
    same_event.on_topic = probability >= TOPIC_LINKS_AT;
}

/// Drops the links (or the alignments made of them; `score` reads a link's score) that
/// would join two incidents on topic words alone: unless one incident is clearly the
/// likelier reading ([`TOPIC_LINKS_AT`]), every link below [`KEEP_SCORE`]. Counts them in
/// `judgement.refused`.
pub fn refuse<T>(
    links: Vec<T>,
    score: impl Fn(&T) -> f64,
    judgement: Option<&mut SameEvent>,
) -> Vec<T> {
    let Some(judgement) = judgement else {
        return links;
    };
    if judgement.links_on_topic() {
        return links;
    }
    let before = links.len();
    let kept: Vec<T> = links
        .into_iter()
        .filter(|l| score(l) >= KEEP_SCORE)
        .collect();
    judgement.refused = before - kept.len();
    kept
}

/// How often each name key occurs in a report.
fn name_counts(doc: &Document) -> HashMap<Key, usize> {
    let mut counts = HashMap::new();
    for t in doc.sentences.iter().flat_map(|s| &s.tokens) {
        if t.kind == TokenKind::Name {
            *counts.entry(t.key).or_insert(0) += 1;
        }
    }
    counts
}

/// The names a report mentions most, ties broken alphabetically.
fn most_named(counts: &HashMap<Key, usize>) -> Vec<Key> {
    let mut names: Vec<(Key, usize)> = counts.iter().map(|(&k, &n)| (k, n)).collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    names.into_iter().take(MAIN_NAMES).map(|(k, _)| k).collect()
}

/// The years a report's resolved dates fall in.
fn years(doc: &Document) -> HashSet<i16> {
    let mut out = HashSet::new();
    if let Some(day) = crate::extract::facts::published(&doc.text, &doc.dropped) {
        out.insert(day.year());
    }
    for f in &doc.facts {
        if let FactValue::Date(when) = &f.value
            && let Some((from, to)) = when.days
        {
            out.insert(from.year());
            out.insert(to.year());
        }
    }
    out
}

/// The days a report's dates name, of those that name a few days at most ("on Friday",
/// "May 5, 2010", not "last week"): reports of one incident usually give its day, or the
/// day of their publication, and those are seldom far apart.
fn days(doc: &Document) -> Vec<jiff::civil::Date> {
    /// A date naming more days than this says little about which incident it is.
    const MOST_DAYS: i32 = 3;
    let mut out: Vec<jiff::civil::Date> = doc
        .facts
        .iter()
        .filter_map(|f| match &f.value {
            FactValue::Date(when) => when.days,
            _ => None,
        })
        .filter(|(from, to)| to.since(*from).is_ok_and(|d| d.get_days() <= MOST_DAYS))
        .map(|(from, _)| from)
        // The day it was published, from its timestamp or its web address.
        .chain(crate::extract::facts::published(&doc.text, &doc.dropped))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The name a report mentions most often (as its aliases merge: "Lohan" counts for
/// "Lindsay Lohan"), ties broken alphabetically; folded to lower case.
fn main_name(doc: &Document) -> Option<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for f in &doc.facts {
        if let FactValue::Name(name) = &f.value {
            *counts.entry(name.to_lowercase()).or_insert(0) += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(name, _)| name)
}

/// Whether a report names `name` (folded): the same name, or one that is a word of it or
/// has it as a word ("Lohan" and "Lindsay Lohan").
fn names_it(doc: &Document, name: &str) -> bool {
    doc.facts.iter().any(|f| match &f.value {
        FactValue::Name(other) => {
            let other = other.to_lowercase();
            other == name
                || other.split_whitespace().any(|w| w == name)
                || name.split_whitespace().any(|w| w == other)
        }
        _ => false,
    })
}

/// The figures a report gives, as their normalised values (years excluded: they are
/// dates).
fn figures(doc: &Document) -> HashSet<String> {
    doc.facts
        .iter()
        .filter_map(|f| match &f.value {
            FactValue::Number(q) => Some(format!("{}-{}-{:?}", q.low, q.high, q.unit)),
            _ => None,
        })
        .collect()
}

/// Cosine similarity of the two reports' content words, each counted as often as it
/// occurs and weighed by how rare it is across the two reports' sentences. Summed in the
/// keys' order, so that the same reports give the same value to the last bit.
fn vocabulary(docs: Pair<&Document>, idf: &Idf) -> f64 {
    /// Each key's weight, in the keys' order.
    fn vector(d: &Document, idf: &Idf) -> Vec<(Key, f64)> {
        let mut v: FxHashMap<Key, f64> = FxHashMap::default();
        for t in d.sentences.iter().flat_map(|s| &s.tokens) {
            if t.is_content() {
                *v.entry(t.key).or_insert(0.0) += idf.weight(t);
            }
        }
        let mut v: Vec<(Key, f64)> = v.into_iter().collect();
        v.sort_unstable_by_key(|&(k, _)| k);
        v
    }
    let (left, right) = rayon::join(|| vector(docs.left, idf), || vector(docs.right, idf));
    let vectors = Pair::new(left, right);
    let norm = |v: &[(Key, f64)]| v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
    let right: FxHashMap<Key, f64> = vectors.right.iter().copied().collect();
    let dot: f64 = vectors
        .left
        .iter()
        .filter_map(|(k, x)| right.get(k).map(|y| x * y))
        .sum();
    let denominator = norm(&vectors.left) * norm(&vectors.right);
    if denominator > 0.0 {
        dot / denominator
    } else {
        0.0
    }
}

/// The share of links next to another link on the diagonal: sentence `i` with `j` and
/// `i ± 1` with `j ± 1`. Reports of one incident often tell a passage in the same order.
fn neighbours(links: &[Link]) -> f64 {
    if links.is_empty() {
        return 0.0;
    }
    let pairs: HashSet<(usize, usize)> = links.iter().flat_map(Link::pairs).collect();
    let beside = |l: &Link| {
        let first = Pair::new(l.sentences.left[0], l.sentences.right[0]);
        let last = Pair::new(
            *l.sentences.left.last().unwrap_or(&first.left),
            *l.sentences.right.last().unwrap_or(&first.right),
        );
        (first.left > 0 && first.right > 0 && pairs.contains(&(first.left - 1, first.right - 1)))
            || pairs.contains(&(last.left + 1, last.right + 1))
    };
    links.iter().filter(|l| beside(l)).count() as f64 / links.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    fn doc(text: &str) -> Document {
        crate::inspect(Source::new("t", text))
    }

    fn judged(left: &str, right: &str) -> SameEvent {
        let docs = Pair::new(doc(left), doc(right));
        let idf = Idf::new(docs.as_ref());
        let links = crate::align::align(docs.as_ref(), &idf);
        weigh(docs.as_ref(), &idf, &links).expect("long enough to judge")
    }

    const MILL_FIRE: &str = "A fire gutted the Brannock flour mill in Tessel on Tuesday.\n\n\
        Firefighters from Tessel and Overby fought the blaze for six hours.\n\n\
        The mill's owner, Ada Brannock, said nobody was inside.\n\n\
        Police in Tessel are investigating the cause of the fire.\n";
    const MILL_FIRE_AGAIN: &str = "Fire destroyed the Brannock flour mill in Tessel on Tuesday night.\n\n\
        Ada Brannock, who owns the mill, said the building was empty.\n\n\
        Crews from Tessel and Overby needed six hours to put the blaze out.\n\n\
        Tessel police said the cause of the fire was not yet known.\n";
    const WAREHOUSE_FIRE: &str = "A fire gutted a furniture warehouse in Dunmere on Sunday.\n\n\
        Firefighters from Dunmere fought the blaze for three hours.\n\n\
        The warehouse's manager, Piet Osgood, said two workers were treated for smoke.\n\n\
        Police in Dunmere are investigating the cause of the fire.\n";

    #[test]
    fn reports_naming_the_same_people_and_places_are_one_incident() {
        let j = judged(MILL_FIRE, MILL_FIRE_AGAIN);
        assert!(j.is_likely(), "{j:?}");
    }

    #[test]
    fn two_fires_in_different_places_are_different_incidents() {
        let j = judged(MILL_FIRE, WAREHOUSE_FIRE);
        assert!(!j.is_likely(), "{j:?}");
    }

    #[test]
    fn links_between_different_incidents_are_refused_unless_nearly_verbatim() {
        let links = vec![
            Link {
                sentences: Pair::new(vec![0], vec![0]),
                score: 0.3,
                claim: false,
            },
            Link {
                sentences: Pair::new(vec![3], vec![3]),
                score: 0.8,
                claim: false,
            },
        ];
        let mut judgement = judged(MILL_FIRE, WAREHOUSE_FIRE);
        let kept = refuse(links.clone(), |l| l.score, Some(&mut judgement));
        assert_eq!(kept, links[1..]);
        assert_eq!(judgement.refused, 1);
        let mut same = judged(MILL_FIRE, MILL_FIRE_AGAIN);
        assert_eq!(refuse(links.clone(), |l| l.score, Some(&mut same)), links);
        assert_eq!(refuse(links.clone(), |l| l.score, None), links);
    }

    #[test]
    fn an_uncertain_judgement_refuses_topic_links_and_says_perhaps() {
        let links = vec![Link {
            sentences: Pair::new(vec![0], vec![0]),
            score: 0.3,
            claim: false,
        }];
        let mut judgement = judged(MILL_FIRE, MILL_FIRE_AGAIN);
        decide(&mut judgement, 0.6);
        assert!(judgement.is_likely() && !judgement.links_on_topic());
        assert!(refuse(links.clone(), |l| l.score, Some(&mut judgement)).is_empty());
        let warning = judgement.warning().expect("a warning");
        assert!(warning.starts_with("perhaps different events"), "{warning}");
        assert!(
            warning.contains("1 link resting on topic words"),
            "{warning}"
        );
        decide(&mut judgement, 0.3);
        assert!(
            judgement
                .warning()
                .unwrap()
                .starts_with("probably different")
        );
        decide(&mut judgement, TOPIC_LINKS_AT);
        assert_eq!(judgement.warning(), None);
        assert_eq!(
            refuse(links.clone(), |l| l.score, Some(&mut judgement)),
            links
        );
    }

    const QUILL: &str = "Councillor Marta Quill was arrested on suspicion of drink-driving.\n\n\
        Police stopped Quill on the Harrow Road early on Saturday.\n\n\
        Quill was released on bail and will appear in court next month.\n\n\
        Quill said she would not resign.\n";
    const VANCE: &str = "Councillor Dorian Vance was arrested on suspicion of drink-driving.\n\n\
        Vance is the second councillor held this month: Marta Quill was stopped on the Harrow \
        Road three weeks ago.\n\n\
        Police stopped Vance near the town hall late on Friday.\n\n\
        Vance declined to comment.\n";

    #[test]
    fn sentences_about_each_report_s_main_name_are_kept_apart_unless_one_incident_is_sure() {
        let docs = Pair::new(doc(QUILL), doc(VANCE));
        let link = |l: usize, r: usize| Link {
            sentences: Pair::new(vec![l], vec![r]),
            score: 0.7,
            claim: false,
        };
        // The two arrests; Quill's stop and the sentence telling of it again; the two stops.
        let links = vec![link(0, 0), link(1, 1), link(1, 2)];
        let mut judgement = judged(QUILL, VANCE);
        judgement.probability = 0.9;
        assert!(judgement.links_on_topic());
        let kept = apart(
            docs.as_ref(),
            links.clone(),
            |l| &l.sentences,
            Some(&mut judgement),
        );
        // A sentence naming both is about Quill as well: it stays.
        assert_eq!(kept, [link(1, 1)]);
        assert_eq!((judgement.refused, judgement.kept_apart), (0, 2));
        assert_eq!(
            judgement.apart,
            Some(Pair::new(
                "Marta Quill".to_string(),
                "Dorian Vance".to_string()
            ))
        );
        let warning = judgement.warning().expect("a warning");
        assert!(
            warning.starts_with(
                "perhaps two incidents: the reports are mostly about Marta Quill and Dorian Vance"
            ),
            "{warning}"
        );
        assert!(warning.contains("2 links are not shown"), "{warning}");
        // Beyond doubt one incident, or one main name: nothing is dropped.
        judgement.probability = APART_BELOW;
        let all = apart(
            docs.as_ref(),
            links.clone(),
            |l| &l.sentences,
            Some(&mut judgement),
        );
        assert_eq!(all, links);
        let same = Pair::new(doc(QUILL), doc(QUILL));
        let mut sure = judged(QUILL, QUILL);
        sure.probability = 0.9;
        let all = apart(
            same.as_ref(),
            links.clone(),
            |l| &l.sentences,
            Some(&mut sure),
        );
        assert_eq!((all, sure.kept_apart, sure.apart), (links, 0, None));
    }

    #[test]
    fn only_reports_of_one_incident_have_their_openings_related() {
        let aligned = |left: &str, right: &str| {
            let report = crate::compare(Source::new("a", left), Source::new("b", right));
            let docs = report.documents.as_ref();
            let links = crate::align::align(docs, &Idf::new(docs));
            (report, links)
        };
        let (report, links) = aligned(MILL_FIRE, MILL_FIRE_AGAIN);
        let extra: Vec<_> = report
            .alignments
            .iter()
            .filter(|a| !links.iter().any(|l| l.sentences == a.sentences))
            .collect();
        // The headline is related to the other opening, or linked to it on a claim both
        // state (the mill's name): either way it is not left on its own.
        assert!(
            !extra.is_empty() || report.alignments.iter().any(|a| a.sentences.left == [0]),
            "{:?}",
            report.alignments
        );
        assert!(extra.iter().all(|a| a.related && a.conflicts.is_empty()));
        let (report, links) = aligned(MILL_FIRE, WAREHOUSE_FIRE);
        assert!(!report.same_event.as_ref().unwrap().links_on_topic());
        assert!(
            report
                .alignments
                .iter()
                .all(|a| links.iter().any(|l| l.sentences == a.sentences))
        );
    }

    /// The named measurements of two reports, with no links between them.
    fn measured(left: &str, right: &str) -> impl Fn(&str) -> f64 {
        let docs = Pair::new(doc(left), doc(right));
        let idf = Idf::new(docs.as_ref());
        let values = measure(docs.as_ref(), &idf, &[]);
        move |name| {
            let at = FEATURES.iter().position(|f| *f == name).expect("a feature");
            values[at]
        }
    }

    const DAY: &str = "a day in common";
    const MONTH: &str = "a month in common";
    const MAIN: &str = "each report's most-named name in the other";

    #[test]
    fn dates_a_day_apart_are_in_common_and_months_apart_are_not() {
        let first = "Mill fire in Tessel\n\nMay 5, 2010\n\n\
            A fire gutted the flour mill of Ada Brannock on Tuesday.\n\n\
            Ada Brannock said nobody was inside.\n";
        let next_day = "Tessel mill destroyed\n\nMay 6, 2010\n\n\
            Ada Brannock's mill burned down.\n";
        let same_month = "Tessel mill destroyed\n\nMay 20, 2010\n\n\
            Ada Brannock's mill burned down.\n";
        let next_year = "Tessel mill destroyed\n\nMay 5, 2011\n\n\
            Ada Brannock's mill burned down.\n";
        let undated = "Tessel mill destroyed\n\nAda Brannock's mill burned down.\n";
        let m = measured(first, next_day);
        assert_eq!((m(DAY), m(MONTH)), (1.0, 1.0));
        let m = measured(first, same_month);
        assert_eq!((m(DAY), m(MONTH)), (0.0, 1.0));
        let m = measured(first, next_year);
        assert_eq!((m(DAY), m(MONTH)), (0.0, 0.0));
        let m = measured(first, undated);
        assert_eq!((m(DAY), m(MONTH)), (0.0, 0.0));
    }

    #[test]
    fn a_month_or_a_year_is_not_a_day_in_common() {
        let m = measured(
            "The mill burned in May 2010.\n\nIt was built in 1901.\n",
            "The mill burned in May 2010.\n\nIt was built in 1901.\n",
        );
        assert_eq!((m(DAY), m(MONTH)), (0.0, 0.0));
    }

    #[test]
    fn the_most_named_name_counts_when_each_report_names_the_others() {
        let lohan = "Lindsay Lohan checked into a clinic in Malibu.\n\n\
            Lohan had been ordered to do so by a judge.\n\n\
            Lohan's lawyer confirmed it.\n";
        let short =
            "The actress Lohan entered rehab in Malibu.\n\nMalibu police were not involved.\n";
        let other = "Tara Reid checked into a clinic in Malibu.\n\n\
            Reid had been ordered to do so by a judge.\n\nReid's agent confirmed it.\n";
        assert_eq!(measured(lohan, short)(MAIN), 1.0);
        assert_eq!(measured(lohan, other)(MAIN), 0.0);
    }

    #[test]
    fn one_sentence_reports_are_not_judged() {
        let docs = Pair::new(
            doc("The mill burned. Nobody was hurt."),
            doc("The mill burned down."),
        );
        let idf = Idf::new(docs.as_ref());
        assert!(weigh(docs.as_ref(), &idf, &[]).is_none());
    }

    #[test]
    fn neighbours_count_links_on_a_diagonal_run() {
        let link = |i: usize, j: usize| Link {
            sentences: Pair::new(vec![i], vec![j]),
            score: 0.5,
            claim: false,
        };
        assert_eq!(neighbours(&[link(0, 2), link(1, 3), link(5, 0)]), 2.0 / 3.0);
        assert_eq!(neighbours(&[]), 0.0);
    }

    #[test]
    fn contributions_add_up_to_the_probability() {
        let j = judged(MILL_FIRE, WAREHOUSE_FIRE);
        let features: Vec<f64> = j.evidence.iter().map(|e| e.value).collect();
        assert!((model().probability(&features) - j.probability).abs() < 1e-12);
    }
}
