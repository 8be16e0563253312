//! Comparing the facts of an alignment's two sides: which agree, which conflict, and which
//! only one side gives.
//!
//! Two facts are compared only when they fill the same slot of the fact both sides tell:
//! numbers that count the same thing ("12 people" / "Fourteen people") or share a unit and
//! a place in the sentence ("injuring 12" / "injuring 14"); dates or times of one grain;
//! names in the same place of the shared wording ("Captain X said" / "Captain Y said").
//! Pairs are taken in three passes: values equal once normalised (format only), then values
//! compatible ("at least 14" / "14", "Friday" / "13 March"), then the rest of each slot,
//! which conflict. A fact left over is a detail only that side gives.

use std::cell::OnceCell;
use std::collections::HashSet;

use crate::align::{EQUIVALENT_SCORE, Link};
use crate::extract::facts::{NameForm, name_words};
use crate::model::{
    Conflict, ConflictKind, Document, Fact, FactKind, FactValue, Grain, Mark, Pair, Qualifier,
    Quantity, Span, Token, TokenKind, When,
};

/// What comparing the facts of one alignment found.
#[derive(Debug, Default)]
pub struct Outcome {
    pub conflicts: Vec<Conflict>,
    /// Values that may fill one slot, but not surely enough to call a conflict.
    pub possible: Vec<Conflict>,
    /// Indexes into each document's `facts`: stated by one side only.
    pub details: Pair<Vec<usize>>,
}

/// The sentences of one side of an alignment, as the fact comparison sees them (a group,
/// not a `model::Side`).
struct Group<'a> {
    doc: &'a Document,
    tokens: &'a [Token],
    facts: Vec<usize>,
}

impl<'a> Group<'a> {
    /// The group of `sentences` in `doc`, with their words.
    fn new(doc: &'a Document, tokens: &'a [Token], sentences: &[usize]) -> Group<'a> {
        Group {
            doc,
            tokens,
            facts: facts_of(doc, sentences),
        }
    }

    fn fact(&self, k: usize) -> &Fact {
        &self.doc.facts[self.facts[k]]
    }

    /// The tokens inside `span`, as a range of indexes.
    fn token_range(&self, span: Span) -> std::ops::Range<usize> {
        let start = self.tokens.partition_point(|t| t.span.end <= span.start);
        let end = self.tokens.partition_point(|t| t.span.start < span.end);
        start..end.max(start)
    }

    /// What a number counts: the first ordinary word among the few after it ("23 Somali
    /// pirates" counts pirates; a name, another number or a function word is passed over).
    fn counted(&self, span: Span) -> Option<&str> {
        let after = self.token_range(span).end;
        crate::align::counted(&self.tokens[after..]).map(|k| k.as_str())
    }

    /// The tokens right before and right after `span`.
    fn neighbours(&self, span: Span) -> (Option<&Token>, Option<&Token>) {
        let range = self.token_range(span);
        let before = range.start.checked_sub(1).map(|i| &self.tokens[i]);
        (before, self.tokens.get(range.end))
    }
}

/// The facts of `sentences` in `doc`: those whose sentence is one of them.
fn facts_of(doc: &Document, sentences: &[usize]) -> Vec<usize> {
    let (Some(&first), Some(&last)) = (sentences.first(), sentences.last()) else {
        return Vec::new();
    };
    let start = doc.facts.partition_point(|f| f.sentence < first);
    let end = doc.facts.partition_point(|f| f.sentence <= last);
    (start..end).collect()
}

/// Compares the facts of two aligned sentence groups and marks conflicting words.
///
/// `tokens` are the words of each group in order and `marks` how each relates to the other
/// side; words of values that agree in another form ("2,000" / "2 thousand") become shared,
/// words of conflicting values become conflicts. `slots` is the link when the two groups
/// are read as one fact; with `None` (sentences that tell different facts of one event),
/// two values of one kind that differ are not taken to fill one slot: neither conflicts,
/// each is its side's detail. Sentences linked only on a claim they share (`Link::claim`)
/// need firmer evidence of a slot than a pair the aligner chose as counterparts. Each conflict gets a confidence ([`confidence`]);
/// those below [`CONFIDENT`] are only possible conflicts.
pub fn compare(
    docs: Pair<&Document>,
    mentioned: Pair<&Mentioned>,
    sentences: &Pair<Vec<usize>>,
    tokens: &Pair<Vec<Token>>,
    marks: &mut Pair<Vec<Mark>>,
    slots: Option<&Link>,
) -> Outcome {
    let left = Group::new(docs.left, &tokens.left, &sentences.left);
    let right = Group::new(docs.right, &tokens.right, &sentences.right);
    let loose = slots.is_some_and(|link| link.claim);
    let mut pairing = Pairing::new(&left, &right, loose);
    let format_only = pairing.equal_values();
    pairing.compatible_values();
    let conflicting = match slots {
        Some(_) => pairing.rest_of_slots(),
        None => Vec::new(),
    };
    mark(&left, &right, &format_only, Mark::Shared, marks);
    let (mut conflicts, mut possible) = (Vec::new(), Vec::new());
    let mut sure = Vec::new();
    for &(i, j) in &conflicting {
        let (a, b) = (left.fact(i), right.fact(j));
        let Some(slot) = slot(&left, a, &right, b, loose) else {
            continue;
        };
        let known = Pair::new(known_to(mentioned.right, a), known_to(mentioned.left, b));
        let how_sure = confidence(slots.map_or(0.0, |l| l.score), &slot, known) * how_alike(a, b);
        let c = conflict(a, b, &slot, how_sure);
        if c.confidence >= CONFIDENT {
            sure.push((i, j));
            conflicts.push(c);
        } else {
            possible.push(c);
        }
    }
    mark(&left, &right, &sure, Mark::Conflict, marks);
    let paired = pairing.paired;
    Outcome {
        conflicts,
        possible,
        details: Pair::new(
            details(&left, &paired.left, &marks.left, &mentioned.right.names),
            details(&right, &paired.right, &marks.right, &mentioned.left.names),
        ),
    }
}

/// A conflict is shown as one from this confidence up; below, it is a possible conflict.
pub const CONFIDENT: f64 = 0.7;

/// How sure a conflict is, from the link's score, how much the two values' slot shares,
/// and whether the other outlet gives each value somewhere (`known`).
///
/// A value the other outlet also gives, anywhere, is most often another quantity, day or
/// person of the same story rather than the other outlet's answer to the same question:
/// both outlets know both values, so there is nothing to reconcile. A value only one
/// outlet ever gives, in the slot where the other outlet gives another, is what an editor
/// has to check. Hand-set, measured on the development pairs (see `BENCHMARKS.md`).
fn confidence(score: f64, slot: &Slot, known: Pair<bool>) -> f64 {
    let mut c: f64 = 0.45;
    if score >= EQUIVALENT_SCORE {
        c += 0.3;
    } else if score >= crate::align::LINK_THRESHOLD {
        c += 0.15;
    }
    if slot.strong {
        c += 0.15;
    }
    match (known.left, known.right) {
        (true, true) => c -= 0.5,
        (true, false) | (false, true) if slot.kind != FactKind::Date => c -= 0.1,
        (false, false) => c += 0.05,
        _ => {}
    }
    c.clamp(0.0, 1.0)
}

/// How far two values that differ are from being two readings of one thing, as a factor
/// of a conflict's confidence: for names, [`one_word_names`]; 1 for numbers; for dates and
/// times:
/// - the same words ("Friday" / "Friday", "this morning" / "this morning") are one moment
///   told alike, whatever day each report's own date makes of them: 0;
/// - clock times ten minutes apart or less are a rounding ("3:33" / "3:30"): 0;
/// - clock times a whole number of hours apart may be one moment in two time zones, and a
///   date relative to a report's own day ("today", "yesterday", "a week ago") or to another
///   event ("a day after", "five days before") that the report does not pin down (left
///   unresolved, or resolved against a guessed date) may be read against the wrong day:
///   half.
fn how_alike(a: &Fact, b: &Fact) -> f64 {
    if let (FactValue::Name(x), FactValue::Name(y)) = (&a.value, &b.value) {
        return one_word_names(x, y);
    }
    let (FactValue::Date(x), FactValue::Date(y)) = (&a.value, &b.value) else {
        return 1.0;
    };
    if x.written == y.written {
        return 0.0;
    }
    if let (Some(p), Some(q)) = (x.minute, y.minute) {
        let apart = p.abs_diff(q);
        if apart <= 10 {
            return 0.0;
        }
        if apart % 60 == 0 {
            return 0.5;
        }
    }
    let relative = |w: &When| {
        [
            "today",
            "tonight",
            "yesterday",
            "this ",
            "ago",
            "last ",
            "next ",
            "tomorrow",
            " after",
            " before",
            "earlier",
            "later",
        ]
        .iter()
        .any(|r| w.written.contains(r))
            && (w.days.is_none() || w.guessed)
    };
    if relative(x) || relative(y) { 0.5 } else { 1.0 }
}

/// Two names of which one is a single word are half as sure a conflict: a lone capitalised
/// word is as often a piece of a longer name ("Committee" of "Committee to Re-elect the
/// President", "Street"), a title ("Const."), a nationality ("Australian") or a place
/// around another ("Paris" / "Champs-Elysees") as it is a second person.
fn one_word_names(x: &str, y: &str) -> f64 {
    let single = |n: &str| n.split_whitespace().count() < 2;
    if single(x) || single(y) { 0.5 } else { 1.0 }
}

/// Whether the value of `fact` stands anywhere in the report `mentioned` describes, in
/// the same form once normalised: for a name, whether any word of it does.
fn known_to(mentioned: &Mentioned, fact: &Fact) -> bool {
    match &fact.value {
        FactValue::Name(n) => name_words(n).iter().any(|w| mentioned.names.contains(w)),
        FactValue::Number(q) => mentioned.numbers.contains(&number_key(q)),
        FactValue::Date(w) => mentioned.dates.contains(&(w.grain, w.normalised())),
    }
}

/// The facts of both groups, and which of them a pass has paired.
struct Pairing<'g, 'a> {
    left: &'g Group<'a>,
    right: &'g Group<'a>,
    paired: Pair<Vec<bool>>,
    /// Whether the groups are only loosely alike, so that a slot needs firmer evidence.
    loose: bool,
}

impl Pairing<'_, '_> {
    fn new<'g, 'a>(left: &'g Group<'a>, right: &'g Group<'a>, loose: bool) -> Pairing<'g, 'a> {
        let paired = Pair::new(
            vec![false; left.facts.len()],
            vec![false; right.facts.len()],
        );
        Pairing {
            left,
            right,
            paired,
            loose,
        }
    }

    /// One pass: each unpaired left fact with the first unpaired right fact that passes
    /// `test` (given the facts' indexes in their groups); the pairs, in order.
    fn pass(&mut self, test: impl Fn(usize, usize) -> bool) -> Vec<(usize, usize)> {
        let mut pairs = Vec::new();
        for i in 0..self.left.facts.len() {
            if self.paired.left[i] {
                continue;
            }
            let found = (0..self.right.facts.len()).find(|&j| !self.paired.right[j] && test(i, j));
            if let Some(j) = found {
                self.paired.left[i] = true;
                self.paired.right[j] = true;
                pairs.push((i, j));
            }
        }
        pairs
    }

    /// The first pass: values equal once normalised ("2,000" / "2 thousand") and names of
    /// one bearer ("Kim" / "Kim Jong Un"). The pairs that differ in form only, whose words
    /// count as shared.
    fn equal_values(&mut self) -> Vec<(usize, usize)> {
        let (left, right) = (self.left, self.right);
        // A name is made ready for comparing when first compared, and only once.
        let cells =
            |n: usize| -> Vec<OnceCell<NameForm>> { (0..n).map(|_| OnceCell::new()).collect() };
        let forms = Pair::new(cells(left.facts.len()), cells(right.facts.len()));
        let names_alike = |i: usize, j: usize| {
            let (FactValue::Name(x), FactValue::Name(y)) =
                (&left.fact(i).value, &right.fact(j).value)
            else {
                return false;
            };
            x == y || {
                let a = forms.left[i].get_or_init(|| NameForm::new(x));
                let b = forms.right[j].get_or_init(|| NameForm::new(y));
                a.same(b)
            }
        };
        let pairs = self.pass(|i, j| same_value(left.fact(i), right.fact(j)) || names_alike(i, j));
        pairs
            .into_iter()
            .filter(|&(i, j)| written_alike(left, left.fact(i), right, right.fact(j)))
            .collect()
    }

    /// The second pass: values of one slot that are compatible ("at least 14" / "14",
    /// "Friday" / "13 March"). Names are compatible only when they are the same name, and
    /// the first pass paired every pair of those it could: no two names left unpaired are
    /// the same, so they are not asked again.
    fn compatible_values(&mut self) {
        let (left, right) = (self.left, self.right);
        let both_names = |a: &Fact, b: &Fact| {
            matches!(
                (&a.value, &b.value),
                (FactValue::Name(_), FactValue::Name(_))
            )
        };
        self.pass(|i, j| {
            let (a, b) = (left.fact(i), right.fact(j));
            !both_names(a, b) && slot(left, a, right, b, false).is_some() && compatible(a, b)
        });
    }

    /// The last pass: the rest of each slot ("12 people" / "14 people"), which conflict.
    fn rest_of_slots(&mut self) -> Vec<(usize, usize)> {
        let (left, right, loose) = (self.left, self.right, self.loose);
        self.pass(|i, j| slot(left, left.fact(i), right, right.fact(j), loose).is_some())
    }
}

/// Marks the words of each pair's two facts as `mark`.
fn mark(
    left: &Group,
    right: &Group,
    pairs: &[(usize, usize)],
    mark: Mark,
    marks: &mut Pair<Vec<Mark>>,
) {
    for &(i, j) in pairs {
        for k in left.token_range(left.fact(i).span) {
            marks.left[k] = mark;
        }
        for k in right.token_range(right.fact(j).span) {
            marks.right[k] = mark;
        }
    }
}

/// The conflict of two facts of one slot: "12" / "14" is a conflict of numbers.
fn conflict(a: &Fact, b: &Fact, slot: &Slot, confidence: f64) -> Conflict {
    let kind = match a.value {
        FactValue::Number(_) => ConflictKind::Number,
        FactValue::Date(_) => ConflictKind::Date,
        FactValue::Name(_) => ConflictKind::Name,
    };
    Conflict {
        kind,
        spans: Pair::new(a.span, b.span),
        confidence,
        slot: slot.what.clone(),
    }
}

/// Facts no pass paired whose words the other side does not have (names: that the other
/// report never mentions).
fn details(side: &Group, paired: &[bool], marks: &[Mark], other: &HashSet<String>) -> Vec<usize> {
    (0..side.facts.len())
        .filter(|&k| !paired[k])
        .filter(|&k| {
            let range = side.token_range(side.fact(k).span);
            let own = range
                .clone()
                .filter(|&t| side.tokens[t].is_content() && marks[t] == Mark::Own)
                .count();
            let content = range.filter(|&t| side.tokens[t].is_content()).count();
            content > 0 && own == content
        })
        // Last, as the dearest test.
        .filter(|&k| match &side.fact(k).value {
            FactValue::Name(n) => !name_words(n).iter().any(|w| other.contains(w)),
            _ => true,
        })
        .map(|k| side.facts[k])
        .collect()
}

/// The same value in any form: "2,000" / "2 thousand", "US" / "U.S.", "Friday" / "13 March".
/// Names are compared apart (`NameForm::same`).
fn same_value(a: &Fact, b: &Fact) -> bool {
    match (&a.value, &b.value) {
        (FactValue::Number(x), FactValue::Number(y)) => {
            x.unit == y.unit && x.qualifier == y.qualifier && x.low == y.low && x.high == y.high
        }
        (FactValue::Date(x), FactValue::Date(y)) => {
            x.grain == y.grain && x.normalised() == y.normalised()
        }
        _ => false,
    }
}

/// Whether two equal values differ in form only, so that their words count as shared:
/// "2,000" / "2 thousand", "U.S." / "United States", but not "Ruth Adeyemi" / "Adeyemi".
fn written_alike(left: &Group, a: &Fact, right: &Group, b: &Fact) -> bool {
    use crate::extract::facts::canonical;
    match (&a.value, &b.value) {
        (FactValue::Name(_), FactValue::Name(_)) => {
            canonical(a.span.of(&left.doc.text)) == canonical(b.span.of(&right.doc.text))
        }
        _ => true,
    }
}

/// What a report mentions anywhere: a value the other report gives too is known to both
/// outlets, and a name it mentions is no detail only one outlet gives, even where one row
/// lacks it. Worked out once per report, so each question is a look-up.
#[derive(Debug, Default)]
pub struct Mentioned {
    /// Every word of every name.
    names: HashSet<String>,
    /// Every number: its unit, hedge and range (the bits of its bounds).
    numbers: HashSet<(Option<&'static str>, Qualifier, u64, u64)>,
    /// Every date or time: its grain and its normalised value.
    dates: HashSet<(Grain, String)>,
}

/// What `doc` mentions anywhere (see [`Mentioned`]).
pub fn mentioned(doc: &Document) -> Mentioned {
    let mut out = Mentioned::default();
    // A report names the same few people and places again and again: each name once.
    let mut names: HashSet<&str> = HashSet::new();
    for f in &doc.facts {
        match &f.value {
            FactValue::Name(n) => {
                names.insert(n.as_str());
            }
            FactValue::Number(q) => {
                out.numbers.insert(number_key(q));
            }
            FactValue::Date(w) => {
                out.dates.insert((w.grain, w.normalised()));
            }
        }
    }
    out.names = names.into_iter().flat_map(name_words).collect();
    out
}

fn number_key(q: &Quantity) -> (Option<&'static str>, Qualifier, u64, u64) {
    (q.unit, q.qualifier, q.low.to_bits(), q.high.to_bits())
}

fn compatible(a: &Fact, b: &Fact) -> bool {
    match (&a.value, &b.value) {
        (FactValue::Number(x), FactValue::Number(y)) => x.compatible(y),
        (FactValue::Date(x), FactValue::Date(y)) => x.compatible(y),
        // Not asked: the first pass paired every two names that are one.
        (FactValue::Name(_), FactValue::Name(_)) => false,
        _ => false,
    }
}

/// What two facts of one slot share: said in `--explain`, and whether it is firm evidence
/// (the thing counted, the word a date is attached to, both neighbours of a name).
#[derive(Debug)]
struct Slot {
    what: String,
    strong: bool,
    kind: FactKind,
}

/// Whether two facts fill one slot of the fact both sides tell (see the module notes), and
/// what they share. For `loose` groups (alike only in part), a number must count the same
/// thing and a day must be attached to the same word: two values that share only a unit or
/// a grain are more likely two facts of one story.
fn slot(left: &Group, a: &Fact, right: &Group, b: &Fact, loose: bool) -> Option<Slot> {
    let context = || same_context(left, a.span, right, b.span);
    let kind = a.kind();
    let by_context = |strong| Slot {
        what: "the same place in the wording".to_string(),
        strong,
        kind,
    };
    match (&a.value, &b.value) {
        (FactValue::Number(x), FactValue::Number(y)) => {
            if x.unit != y.unit {
                return None;
            }
            match (left.counted(a.span), right.counted(b.span)) {
                // Loosely alike sentences count people, or cars, for more than one reason:
                // the count must also be attached to one word ("300 people were on board"
                // / "Five people were taken to hospital" are two facts).
                (Some(p), Some(q))
                    if p == q
                        && loose
                        && attached(left, a.span, right, b.span, Some(p)).is_none() =>
                {
                    None
                }
                (Some(p), Some(q)) if p == q => Some(Slot {
                    what: format!("both count \"{}\"", p),
                    strong: true,
                    kind,
                }),
                (Some(_), Some(_)) => context().then(|| by_context(false)),
                _ if x.unit.is_some() && !loose => Some(Slot {
                    what: format!("the unit {}", x.unit.unwrap_or_default()),
                    strong: false,
                    kind,
                }),
                _ => context().then(|| by_context(false)),
            }
        }
        (FactValue::Date(x), FactValue::Date(y)) => {
            if !x.same_grain(y) {
                return None;
            }
            match attached(left, a.span, right, b.span, None) {
                Some(word) => Some(Slot {
                    what: format!("both date \"{word}\""),
                    strong: true,
                    kind,
                }),
                None if !loose => Some(Slot {
                    what: "one grain of date in one fact".to_string(),
                    strong: false,
                    kind,
                }),
                None => None,
            }
        }
        (FactValue::Name(_), FactValue::Name(_)) => context().then(|| by_context(true)),
        _ => None,
    }
}

/// How many words before a date or time are read for the word it dates.
const DATED_WORDS: usize = 8;

/// The word a value is attached to on both sides, if one is: a content word among the few
/// before each value (or right after it) that both share ("arrested early Sunday" / "was
/// arrested on Friday"), other than `besides` (the thing a number counts).
fn attached(
    left: &Group,
    a: Span,
    right: &Group,
    b: Span,
    besides: Option<&str>,
) -> Option<&'static str> {
    fn near(g: &Group, span: Span) -> Vec<crate::model::Key> {
        let range = g.token_range(span);
        let from = range.start.saturating_sub(DATED_WORDS);
        let to = (range.end + DATED_WORDS / 2).min(g.tokens.len());
        g.tokens[from..range.start]
            .iter()
            .chain(&g.tokens[range.end..to])
            .filter(|t| t.is_content() && t.kind == TokenKind::Word)
            .map(|t| t.key)
            .collect()
    }
    let theirs = near(right, b);
    near(left, a)
        .into_iter()
        .find(|k| theirs.contains(k) && Some(k.as_str()) != besides)
        .map(|k| k.as_str())
}

/// Whether two values stand between the same words: the word before, the word after, or
/// both, shared by the two sides ("Captain X said" / "Captain Y told"). A content word
/// counts fully, a function word ("the", "said") half.
fn same_context(left: &Group, a: Span, right: &Group, b: Span) -> bool {
    let (before_a, after_a) = left.neighbours(a);
    let (before_b, after_b) = right.neighbours(b);
    let weight = |x: Option<&Token>, y: Option<&Token>| match (x, y) {
        (Some(x), Some(y)) if x.key == y.key && x.kind != TokenKind::Name => {
            if x.is_content() {
                1.0
            } else {
                0.5
            }
        }
        _ => 0.0,
    };
    weight(before_a, before_b) + weight(after_a, after_b) >= 1.0
}

#[cfg(test)]
mod tests {
    use crate::align::{Idf, Link};
    use crate::model::{Alignment, ConflictKind, Document, FactValue, Pair, Source, Verdict};

    fn compared(left: &str, right: &str) -> (Pair<Document>, Alignment) {
        let docs = Pair::new(left, right).map(|t| crate::inspect(Source::new("t", t)));
        let idf = Idf::new(docs.as_ref());
        let sentences = Pair::new(
            vec![docs.left.sentences.len() - 1],
            vec![docs.right.sentences.len() - 1],
        );
        let score = crate::align::group_similarity(docs.as_ref(), &idf, &sentences).score;
        let link = Link {
            sentences,
            score,
            claim: false,
        };
        let a = crate::compare::compare(docs.as_ref(), &idf, vec![link]).remove(0);
        (docs, a)
    }

    fn conflicts(left: &str, right: &str) -> Vec<(ConflictKind, String, String)> {
        let (docs, a) = compared(left, right);
        a.conflicts
            .iter()
            .map(|c| {
                (
                    c.kind,
                    c.spans.left.of(&docs.left.text).to_string(),
                    c.spans.right.of(&docs.right.text).to_string(),
                )
            })
            .collect()
    }

    fn conflict(
        kind: ConflictKind,
        left: &str,
        right: &str,
    ) -> Vec<(ConflictKind, String, String)> {
        vec![(kind, left.to_string(), right.to_string())]
    }

    #[test]
    fn different_counts_of_one_thing_conflict() {
        assert_eq!(
            conflicts(
                "Officials said 19 passengers were injured.",
                "At least 23 passengers were hurt, officials said."
            ),
            conflict(ConflictKind::Number, "19", "At least 23")
        );
    }

    #[test]
    fn compatible_numbers_agree() {
        for (l, r) in [
            (
                "At least 14 people died in the fire.",
                "Fourteen people died in the fire.",
            ),
            (
                "The ferry made between 12 and 14 knots.",
                "The ferry made 13 knots.",
            ),
            (
                "Crews pumped 2,000 litres of fuel.",
                "Crews pumped 2 thousand litres of fuel.",
            ),
            (
                "Nearly 200 homes were flooded.",
                "In all 195 homes were flooded.",
            ),
            (
                "The port authority spent $14.3 million on the quay.",
                "The port authority spent $14 million on the quay.",
            ),
            (
                "Ticket sales rose 4.4 percent in the spring.",
                "Ticket sales rose 4 percent in the spring.",
            ),
            (
                "The council set aside $3-million for repairs.",
                "The council set aside $3 million for repairs.",
            ),
        ] {
            let (_, a) = compared(l, r);
            assert_eq!(a.verdict, Verdict::Agree, "{l} / {r}: {:?}", a.conflicts);
        }
    }

    #[test]
    fn a_cut_or_a_different_whole_number_conflicts() {
        for (l, r) in [
            (
                "The port authority spent $14.7 million on the quay.",
                "The port authority spent $14 million on the quay.",
            ),
            (
                "Twenty people were hurt in the crash.",
                "In all 24 people were hurt in the crash.",
            ),
            (
                "Ticket sales rose 2.5 percent in the spring.",
                "Ticket sales rose 2 percent in the spring.",
            ),
        ] {
            let (_, a) = compared(l, r);
            assert_eq!(a.verdict, Verdict::Diverge, "{l} / {r}");
        }
    }

    #[test]
    fn format_only_differences_are_shared_words() {
        let (docs, a) = compared(
            "Crews pumped 2,000 litres of fuel.",
            "Crews pumped 2 thousand litres of fuel.",
        );
        assert!(a.is_equivalent(), "{a:?}");
        assert!(a.details.left.is_empty() && a.details.right.is_empty());
        assert!(docs.left.facts.len() == 1);
    }

    #[test]
    fn different_days_conflict_and_resolved_days_agree() {
        let stamp = "Published 14 March 2026\n";
        assert_eq!(
            conflicts(
                &format!("{stamp}The board said its inquiry would open on Monday."),
                &format!("{stamp}The board is due to open its inquiry on Wednesday."),
            ),
            conflict(ConflictKind::Date, "Monday", "Wednesday")
        );
        assert!(
            conflicts(
                &format!("{stamp}The ferry ran aground off Velsay on Friday evening."),
                &format!("{stamp}The ferry ran aground off Velsay late on March 13."),
            )
            .is_empty()
        );
    }

    #[test]
    fn a_relative_day_agrees_with_the_weekday_it_resolves_to() {
        // Sunday is the 15th, so a day earlier is Saturday the 14th.
        let stamp = "Published Monday 16 March 2026\n";
        let left =
            format!("{stamp}Divers searched on Sunday. The ferry sank a day earlier off Velsay.");
        assert!(
            conflicts(
                &left,
                &format!("{stamp}The ferry sank off Velsay on Saturday.")
            )
            .is_empty()
        );
        assert_eq!(
            conflicts(
                &left,
                &format!("{stamp}The ferry sank off Velsay on Thursday.")
            ),
            conflict(ConflictKind::Date, "a day earlier", "Thursday")
        );
    }

    #[test]
    fn years_in_a_range_agree() {
        assert!(
            conflicts(
                "The truce ended the war of 1950-53 in Korea.",
                "The truce ended the war in Korea in 1953."
            )
            .is_empty()
        );
        assert_eq!(
            conflicts(
                "The bridge was built in 1987.",
                "The bridge was built in 1978."
            ),
            conflict(ConflictKind::Date, "1987", "1978")
        );
    }

    #[test]
    fn a_different_person_in_one_role_conflicts() {
        assert_eq!(
            conflicts(
                "Captain Brodie Keswick said the ferry lost steering before it struck the reef.",
                "Captain Anselm Rourke said the ferry lost its steering before the grounding."
            ),
            conflict(ConflictKind::Name, "Brodie Keswick", "Anselm Rourke")
        );
    }

    #[test]
    fn short_forms_of_one_name_agree() {
        let (_, a) = compared(
            "North Korean leader Kim Jong Un crossed the line. Mr Kim shook hands with US envoys.",
            "Kim shook hands with U.S. envoys.",
        );
        assert!(a.conflicts.is_empty(), "{:?}", a.conflicts);
    }

    #[test]
    fn the_same_relative_words_do_not_conflict_when_the_dates_are_guesses() {
        // No timestamps: each report is read against its first full date, and those differ.
        // The last sentences are compared.
        let left = "The quay opened on 2 May 2025. The ferry docked this afternoon, on Friday.";
        let right = "Work began on 9 June 2024. The ferry docked this afternoon, on Friday.";
        assert!(
            conflicts(left, right).is_empty(),
            "{:?}",
            conflicts(left, right)
        );
        // Told in other words, the guessed days still decide.
        let right = "Work began on 9 June 2024. The ferry docked this afternoon, on Monday.";
        assert_eq!(
            conflicts(left, right).len(),
            1,
            "{:?}",
            conflicts(left, right)
        );
    }

    #[test]
    fn a_fact_only_one_side_gives_is_a_detail() {
        let (docs, a) = compared(
            "Westmark Ferries spent £1.4m refitting the engine room last spring.",
            "Westmark Ferries refitted the engine room.",
        );
        assert!(a.conflicts.is_empty());
        let detail: Vec<&str> = a
            .details
            .left
            .iter()
            .map(|&k| docs.left.facts[k].span.of(&docs.left.text))
            .collect();
        assert_eq!(detail, ["£1.4m"]);
        assert!(matches!(
            docs.left.facts[a.details.left[0]].value,
            FactValue::Number(_)
        ));
    }

    #[test]
    fn one_moment_told_two_ways_is_no_conflict() {
        let stamp = "Published 14 March 2026\n";
        for (l, r) in [
            // Rounding.
            (
                "The alarm was raised at 3:33 p.m., the fire service said.",
                "The alarm was raised at 3:30 p.m., the fire service said.",
            ),
            // The same words, read against each report's own day.
            (
                "Crews will return to the quay on Friday.",
                "Crews will return to the quay on Friday.",
            ),
        ] {
            let left = format!("{stamp}{l}");
            let right = format!("Published 19 March 2026\n{r}");
            assert!(
                conflicts(&left, &right).is_empty(),
                "{l} / {r}: {:?}",
                conflicts(&left, &right)
            );
        }
        // An hour apart may be two time zones: only a possible conflict.
        let (_, a) = compared(
            "The ferry left Port Ardwin at 4:30 p.m., the operator said.",
            "The ferry left Port Ardwin at 3:30 p.m., the operator said.",
        );
        assert!(a.conflicts.is_empty(), "{:?}", a.conflicts);
        assert_eq!(a.possible.len(), 1, "{a:?}");
        // Forty minutes apart is two times.
        assert_eq!(
            conflicts(
                "The ferry left Port Ardwin at 4:30 p.m., the operator said.",
                "The ferry left Port Ardwin at 3:50 p.m., the operator said.",
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_lone_capitalised_word_is_no_sure_name_conflict() {
        let (_, a) = compared(
            "Funds went to the Committee for the harbour, officials said.",
            "Funds went to the Campaign for the harbour, officials said.",
        );
        assert!(a.conflicts.is_empty(), "{:?}", a.conflicts);
        assert_eq!(a.possible.len(), 1, "{a:?}");
    }
}
