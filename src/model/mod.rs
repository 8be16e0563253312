//! The types that flow between the pipeline's stages: read this file first.
//!
//! Each [`Document`] owns the text of one report exactly as read; everything else
//! (sentences, dropped boilerplate, tokens, alignments) is a [`Span`] or an index into it.

mod dropped;
mod key;
mod page;
mod span;

pub use dropped::{DropReason, Dropped};
pub use key::Key;
pub use page::{OffsetMap, Page, Recoded, Removed};
pub use span::Span;

/// One of the two reports being compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub const BOTH: [Side; 2] = [Side::Left, Side::Right];

    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// The same kind of thing for the left and the right report.
///
/// Two outlets have no direction in time, so the code says left and right, never old and new.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pair<T> {
    pub left: T,
    pub right: T,
}

impl<T> Pair<T> {
    pub fn new(left: T, right: T) -> Pair<T> {
        Pair { left, right }
    }

    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> Pair<U> {
        Pair::new(f(self.left), f(self.right))
    }

    pub fn as_ref(&self) -> Pair<&T> {
        Pair::new(&self.left, &self.right)
    }

    pub fn get(&self, side: Side) -> &T {
        match side {
            Side::Left => &self.left,
            Side::Right => &self.right,
        }
    }

    pub fn get_mut(&mut self, side: Side) -> &mut T {
        match side {
            Side::Left => &mut self.left,
            Side::Right => &mut self.right,
        }
    }
}

/// A report as it came in, before any analysis: the output of `read`.
#[derive(Clone, Debug)]
pub struct Source {
    /// What to call the outlet in the output ("Sky News", or the file stem).
    pub label: String,
    /// Where it came from, as the user wrote it; `None` for standard input.
    pub path: Option<String>,
    /// The text to read: the whole input, valid UTF-8, exactly as read (a byte-order mark
    /// included); for a web page, the page's reading text.
    pub text: String,
    /// The web page `text` was read out of, if the input was one.
    pub page: Option<Page>,
}

impl Source {
    /// A report that did not come from a file: `Source::new("Sky", "Rain fell.")`.
    pub fn new(label: impl Into<String>, text: impl Into<String>) -> Source {
        Source {
            label: label.into(),
            path: None,
            text: text.into(),
            page: None,
        }
    }
}

/// What a token is, as far as matching cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// An ordinary word.
    Word,
    /// A word that carries little meaning on its own ("the", "of", "said").
    Stop,
    /// A capitalised word inside a sentence, or an acronym: most likely part of a name.
    Name,
    /// Digits, or a number word folded to digits ("three" -> "3").
    Number,
}

/// One word of a sentence, with the key it is matched on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    /// The matching key: folded case, spelling and punctuation, then stemmed
    /// (`"Demilitarised"` and `"demilitarized"` share one key). Interned: copying,
    /// comparing or hashing one costs no more than a number.
    pub key: Key,
    pub kind: TokenKind,
}

impl Token {
    /// Whether the token carries content worth matching on.
    pub fn is_content(&self) -> bool {
        self.kind != TokenKind::Stop
    }
}

/// A unit of alignment: one sentence of a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Vec<Token>,
}

/// A direct quotation and who said it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub span: Span,
    /// The resolved name of the speaker ("Kim Jong Un"), if any.
    pub speaker: Option<String>,
    /// The words the attribution rests on ("he", "Mr Kim"), if any.
    pub speaker_mention: Option<Span>,
    /// Whether `speaker` is only a guess: the last person named before a description that no
    /// name was written after ("the engineer").
    pub speaker_guessed: bool,
}

/// How a number is hedged: "at least 14", "nearly 200", "about 40".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Exact,
    /// "at least", "as many as"
    AtLeast,
    /// "more than", "over"
    MoreThan,
    /// "at most", "up to"
    AtMost,
    /// "less than", "fewer than", "under"
    LessThan,
    /// "about", "around", "some", "roughly", "an estimated"
    About,
    /// "nearly", "almost", "close to"
    Nearly,
}

/// A number as a checker reads it: a value or a range, its unit, and how it is hedged.
///
/// "at least 14 people" is `14..=14`, no unit, [`Qualifier::AtLeast`]; "$2.5bn" is
/// `2.5e9..=2.5e9` in `USD`; "between 12 and 14 knots" is `12..=14` in `knot`.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    pub low: f64,
    pub high: f64,
    /// A canonical unit ("%", "USD", "km", "knot", "year", "th" for ordinals), if any.
    pub unit: Option<&'static str>,
    pub qualifier: Qualifier,
    /// The place of the last digit written, in the value's units: 1 for "14", 0.1 for
    /// "2.5", 100,000 for "2.5 million"; 0 for words, ranges and ordinals. A value written
    /// to fewer places may be a rounding of one written to more.
    pub step: f64,
}

/// How precise a date or time is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Grain {
    /// A clock time: "3 p.m.", "15:30", "noon".
    Time,
    /// A day: "on Saturday", "30 June 2018", "a day earlier", "yesterday".
    Day,
    /// A week: "last week".
    Week,
    /// A month: "June 2018", "last month".
    Month,
    /// A year, a range of years or a decade: "in 1987", "1950-53", "the 1990s".
    Year,
}

/// A date or time as written, resolved to the days it can mean where the report allows.
#[derive(Clone, Debug, PartialEq)]
pub struct When {
    pub grain: Grain,
    /// The first and last day meant, once resolved: against the report's own dates (its
    /// publication date, or a full date it gives) for "Saturday" or "a day earlier".
    pub days: Option<(jiff::civil::Date, jiff::civil::Date)>,
    /// The weekday as written, if any.
    pub weekday: Option<jiff::civil::Weekday>,
    /// Minutes after midnight, for a clock time.
    pub minute: Option<u16>,
    /// How the text says it, folded ("friday", "a day earlier"), for values never resolved.
    pub written: String,
    /// Resolved against a date the report does not give as its own (its first full date,
    /// when no timestamp says when it was published): `days` is a reading, not a fact.
    pub guessed: bool,
}

/// What kind of checkable value a fact is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FactKind {
    Number,
    Date,
    Name,
}

impl FactKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Number => "number",
            FactKind::Date => "date",
            FactKind::Name => "name",
        }
    }
}

/// The value of a fact, normalised so that two outlets' ways of writing it compare.
#[derive(Clone, Debug, PartialEq)]
pub enum FactValue {
    Number(Quantity),
    Date(When),
    /// The name the report's aliases merge into: "Mr Kim" and "Kim" -> "Kim Jong Un";
    /// "U.S." and "United States" -> "United States".
    Name(String),
}

/// A checkable value one sentence states: a number, a date or time, or a name.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub span: Span,
    /// The index of the sentence it stands in.
    pub sentence: usize,
    pub value: FactValue,
}

impl Fact {
    pub fn kind(&self) -> FactKind {
        match self.value {
            FactValue::Number(_) => FactKind::Number,
            FactValue::Date(_) => FactKind::Date,
            FactValue::Name(_) => FactKind::Name,
        }
    }
}

/// One report as factdiff reads it: the output of clean, segment and tokenise.
#[derive(Clone, Debug)]
pub struct Document {
    pub label: String,
    pub path: Option<String>,
    pub text: String,
    /// Where the byline stands, if the report has one (also listed in `dropped`).
    pub byline: Option<Span>,
    /// The day the report says it was published: from a timestamp or date line, or the
    /// date in its web address (all dropped as metadata, never compared as event facts).
    pub published: Option<jiff::civil::Date>,
    /// The report's sentences in reading order.
    pub sentences: Vec<Sentence>,
    /// Everything of the input that is not in a sentence, in input order.
    pub dropped: Vec<Dropped>,
    pub quotes: Vec<Quote>,
    /// Numbers, dates and names, in reading order.
    pub facts: Vec<Fact>,
    /// The web page `text` was read out of, if the report was one.
    pub page: Option<Page>,
}

impl Document {
    /// The input as the user gave it: the page for a web page, else `text`.
    pub fn input(&self) -> &str {
        self.page.as_ref().map_or(&self.text, |p| &p.html)
    }

    /// Where offset `at` of `text` stands in [`Document::input`]: for finding its line
    /// and column.
    pub fn input_offset(&self, at: usize) -> usize {
        match &self.page {
            Some(page) => page.map.page_span(Span::new(at, at)).start,
            None => at,
        }
    }

    /// Where `span` of `text` stands in the input as read, in bytes (for a web page, in
    /// its source; for a page in a single-byte character set, in its bytes).
    pub fn input_span(&self, span: Span) -> Span {
        match &self.page {
            Some(page) => page.input_span(page.map.page_span(span)),
            None => span,
        }
    }

    pub fn sentence_text(&self, index: usize) -> &str {
        self.sentences[index].span.of(&self.text)
    }

    /// For each sentence, whether a quotation starts inside it.
    pub fn quoted_sentences(&self) -> Vec<bool> {
        let mut quoted = vec![false; self.sentences.len()];
        for q in &self.quotes {
            let i = self
                .sentences
                .partition_point(|s| s.span.end <= q.span.start);
            if let Some(s) = self.sentences.get(i)
                && s.span.start <= q.span.start
            {
                quoted[i] = true;
            }
        }
        quoted
    }
}

/// Whether two aligned groups of sentences report a fact consistently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The same fact, told consistently (either side may add detail).
    Agree,
    /// The same fact, but a value conflicts.
    Diverge,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Diverge => "diverge",
        }
    }
}

/// What kind of value two aligned sentences disagree on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictKind {
    Number,
    /// Two dates or times of one event that cannot be the same.
    Date,
    /// Different people or places in the same role.
    Name,
    /// The same speaker's quotation, worded differently.
    Quote,
    /// The same words, attributed to different people.
    Speaker,
    /// A statement and its negation ("were injured" / "were not injured").
    Negation,
}

impl ConflictKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ConflictKind::Number => "number",
            ConflictKind::Date => "date",
            ConflictKind::Name => "name",
            ConflictKind::Quote => "quote",
            ConflictKind::Speaker => "speaker",
            ConflictKind::Negation => "negation",
        }
    }
}

/// A value that differs between two aligned sentence groups.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub kind: ConflictKind,
    /// Where each side states its value.
    pub spans: Pair<Span>,
    /// How sure the comparison is that the two values answer one question, in `[0, 1]`
    /// (see `compare::facts::confidence`): conflicts below `CONFIDENT` are kept apart as
    /// possible conflicts, not shown as divergences.
    pub confidence: f64,
    /// What the two values share, for `--explain`: "both count 'people'", "both date
    /// 'arrested'", "the same place in the wording".
    pub slot: String,
}

impl Conflict {
    /// A conflict the comparison is sure of: quotations, speakers and negations, which
    /// rest on the words themselves.
    pub fn sure(kind: ConflictKind, spans: Pair<Span>, slot: &str) -> Conflict {
        Conflict {
            kind,
            spans,
            confidence: 1.0,
            slot: slot.to_string(),
        }
    }
}

/// How a word of an aligned sentence relates to the other side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Both sides have this word (perhaps in another place).
    Shared,
    /// Only this side has it.
    Own,
    /// A value that conflicts with one on the other side.
    Conflict,
}

/// A token of an aligned sentence and how it relates to the other side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marked {
    pub span: Span,
    pub mark: Mark,
}

/// One measurement behind an alignment's probability, and its part in it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Evidence {
    pub name: &'static str,
    pub value: f64,
    /// What it adds to the log-odds of "one fact in other words": its value times its
    /// learned weight.
    pub contribution: f64,
}

/// Sentences of the two reports that tell the same fact, and how they compare.
#[derive(Clone, Debug)]
pub struct Alignment {
    /// Sentence indexes on each side, ascending and consecutive. A sentence may stand in
    /// more than one alignment when the other outlet states its fact twice.
    pub sentences: Pair<Vec<usize>>,
    /// How similar the two groups are, in `[0, 1]`.
    pub score: f64,
    pub verdict: Verdict,
    /// Whether each side states something of substance that the other lacks.
    pub adds: Pair<bool>,
    /// Whether the sentences are only related: about the same event, each with facts of its
    /// own, rather than telling one fact. A related alignment never holds a conflict (its
    /// `verdict` is `Agree`); the JSON calls its verdict `related`.
    pub related: bool,
    pub conflicts: Vec<Conflict>,
    /// Values that differ in what may be one slot, but not surely enough to call a conflict
    /// (another quantity or person of the same story, or a value the other outlet gives
    /// elsewhere): kept for the JSON and `--explain`, never shown as a divergence.
    pub possible: Vec<Conflict>,
    /// Facts (indexes into each document's `facts`) that only this side of the alignment
    /// states: details only that outlet gives, not conflicts.
    pub details: Pair<Vec<usize>>,
    /// The words of each side, in order, marked against the other side.
    pub words: Pair<Vec<Marked>>,
    /// The probability, by the learned model, that the two sides tell one fact with
    /// nothing added (see `compare::equivalence`).
    pub probability: f64,
    /// The measurements behind `probability`, for `--explain`.
    pub evidence: Vec<Evidence>,
}

impl Alignment {
    /// Whether the two sides say the same thing with nothing added or conflicting.
    pub fn is_equivalent(&self) -> bool {
        !self.related && self.verdict == Verdict::Agree && !self.adds.left && !self.adds.right
    }

    /// Whether the two sides are only related (the `?` rows): about one event, each with
    /// facts of its own, neither the same fact nor in conflict. Their words are not marked
    /// against each other in the outputs, since two different facts share few words worth
    /// a diff.
    pub fn is_only_related(&self) -> bool {
        self.related
    }
}

/// How two outlets' quotations of one utterance compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    /// The same words (case and punctuation aside).
    Verbatim,
    /// The same utterance in changed words.
    Reworded,
    /// One outlet quotes a fragment of the other's quotation.
    Partial,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Verbatim => "verbatim",
            QuoteKind::Reworded => "reworded",
            QuoteKind::Partial => "partial",
        }
    }
}

/// Quotations of the two reports that are one utterance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteMatch {
    /// Indexes into each document's `quotes`.
    pub quotes: Pair<usize>,
    pub kind: QuoteKind,
    /// Whether both outlets name the same speaker; `None` when either names nobody.
    pub same_speaker: Option<bool>,
}

impl QuoteMatch {
    /// The same words from different people, or the same person's words changed.
    pub fn diverges(&self) -> bool {
        self.same_speaker == Some(false)
            || (self.kind == QuoteKind::Reworded && self.same_speaker == Some(true))
    }
}

/// Sentences of the two reports matched as telling the same fact (what `align` finds,
/// `judge` keeps and `compare` compares).
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub sentences: Pair<Vec<usize>>,
    pub score: f64,
    /// Whether the link rests on a claim both sentences state (a value of one slot: the
    /// same name, a number of the same thing, a day), not on their likeness alone: it
    /// joins two facts told in sentences that otherwise differ, so it is never only
    /// related.
    pub claim: bool,
}

impl Link {
    /// Every pair of a left and a right sentence the link joins.
    pub fn pairs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let right = &self.sentences.right;
        self.sentences
            .left
            .iter()
            .flat_map(move |&i| right.iter().map(move |&j| (i, j)))
    }
}

/// Whether two reports are about one incident at all (see `judge`).
#[derive(Clone, Debug, PartialEq)]
pub struct SameEvent {
    /// The probability, by the learned model, that both report one incident.
    pub probability: f64,
    /// Whether one incident is the likelier reading (`judge::SAME_EVENT_AT`).
    pub likely: bool,
    /// Whether one incident is likely enough to link the reports on topic words, and to
    /// relate their openings (`judge::TOPIC_LINKS_AT`).
    pub on_topic: bool,
    /// The measurements behind `probability`, each with its part in the log-odds.
    pub evidence: Vec<Evidence>,
    /// Links dropped because the reports may be about different incidents.
    pub refused: usize,
    /// The name each report gives most, when links were dropped from a sentence about one
    /// to a sentence about the other (`judge::apart`).
    pub apart: Option<Pair<String>>,
    /// How many links were dropped so (not counted in `refused`).
    pub kept_apart: usize,
}

impl SameEvent {
    /// Whether one incident is the likelier reading.
    pub fn is_likely(&self) -> bool {
        self.likely
    }

    /// Whether one incident is likely enough to link the reports on topic words, and to
    /// relate their openings.
    pub fn links_on_topic(&self) -> bool {
        self.on_topic
    }
}

/// The whole comparison of two reports: computed once, then handed to a printer.
#[derive(Clone, Debug)]
pub struct Report {
    pub documents: Pair<Document>,
    /// Whether the reports are about one incident; `None` when they are too short to tell.
    pub same_event: Option<SameEvent>,
    /// Ordered by the first left sentence of each alignment.
    pub alignments: Vec<Alignment>,
    /// Sentences no alignment names: details only that outlet reports.
    pub only: Pair<Vec<usize>>,
    pub quote_matches: Vec<QuoteMatch>,
    /// Quotations no match names: only that outlet carries them.
    pub only_quotes: Pair<Vec<usize>>,
    /// The claims only one outlet makes, most checkable first (see `compare::claims`).
    pub single_source: Pair<Vec<Claim>>,
    /// Where the learned model of one fact stands, for explaining an alignment's probability.
    pub equivalence: Equivalence,
}

/// A kind of item a reader may narrow a comparison to (`--only`, `Report::narrow` in
/// `compare::narrow`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Only {
    /// Alignments that diverge, and quotations that do.
    Diverge,
    /// Sentences and quotations only the left report has.
    OnlyLeft,
    /// Sentences and quotations only the right report has.
    OnlyRight,
    /// Quotations: their matches, those only one outlet has, and the rows that hold them.
    Quotes,
}

impl Report {
    /// Whether the reports differ at all: a conflict, an added detail, or a sentence only
    /// one side has. Decides the exit status, as `diff` does.
    pub fn has_differences(&self) -> bool {
        !self.only.left.is_empty()
            || !self.only.right.is_empty()
            || self.alignments.iter().any(|a| !a.is_equivalent())
            || self.quote_matches.iter().any(QuoteMatch::diverges)
    }
}

/// A learned logistic model (fitted by `learn`): `P(yes) = 1 / (1 + e^-(intercept + Σ weight·feature))`.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub intercept: f64,
    pub weights: Vec<f64>,
}

impl Model {
    /// The log-odds of a sample.
    pub fn logit(&self, features: &[f64]) -> f64 {
        self.intercept
            + self
                .weights
                .iter()
                .zip(features)
                .map(|(w, x)| w * x)
                .sum::<f64>()
    }

    pub fn probability(&self, features: &[f64]) -> f64 {
        sigmoid(self.logit(features))
    }
}

/// The logistic function: log-odds to a probability.
pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

// What the printers print beyond the alignments: single-source claims, the counts of the
// rows, and where the model of one fact stands. Computed once, for every printer.

/// How checkable a claim is: the order a fact-checker takes them in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Checkable {
    /// It holds a quotation.
    Quotation,
    /// It states a number or a date.
    Value,
    /// It names someone or somewhere.
    Name,
    /// None of these.
    Other,
}

/// A claim only one outlet makes, for a fact-checker to verify: one item of the review.
///
/// A claim is a sentence, or a run of sentences one quotation spans, with what in it only
/// this outlet gives: the whole of it when the other outlet tells none of it, else the
/// quotations and values the other outlet lacks. A value inside a quotation the claim
/// lists is not listed apart: checking the quotation checks it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// The sentences, in the text of its outlet.
    pub span: Span,
    /// The sentences (indexes into the document's `sentences`), consecutive.
    pub sentences: std::ops::Range<usize>,
    /// Whether no alignment holds these sentences: the other outlet tells none of it.
    pub whole: bool,
    /// The quotations only this outlet carries that start in these sentences (indexes
    /// into the document's `quotes`); every quotation of them when `whole`.
    pub quotes: Vec<usize>,
    /// The values only this outlet states, outside the quotations listed (indexes into
    /// the document's `facts`); every such value of the sentences when `whole`.
    pub facts: Vec<usize>,
    pub checkable: Checkable,
}

/// Where the learned model of "one fact in other words" stands: what `--explain` prints
/// beside an alignment's probability.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Equivalence {
    /// From this probability, two sides count as one fact with nothing added.
    pub threshold: f64,
    /// The model's log-odds before any measurement.
    pub intercept: f64,
}

/// How many rows of each kind a comparison has: the counts every printer's summary gives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Alignments that say the same with nothing added.
    pub same: usize,
    /// Alignments that agree, a side adding detail.
    pub detail: usize,
    pub diverge: usize,
    /// Alignments only related (the `?` rows).
    pub related: usize,
    /// Sentences only each side has.
    pub only: Pair<usize>,
}

impl Counts {
    /// Alignments that agree: the same, with detail, or only related.
    pub fn agree(&self) -> usize {
        self.same + self.detail + self.related
    }
}

impl Report {
    /// The counts of the rows, by kind.
    pub fn counts(&self) -> Counts {
        let count =
            |f: &dyn Fn(&Alignment) -> bool| self.alignments.iter().filter(|a| f(a)).count();
        let same = count(&Alignment::is_equivalent);
        let diverge = count(&|a| a.verdict == Verdict::Diverge);
        let related = count(&Alignment::is_only_related);
        Counts {
            same,
            detail: self.alignments.len() - same - diverge - related,
            diverge,
            related,
            only: self.only.as_ref().map(Vec::len),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_skips_white_space_on_both_ends() {
        assert_eq!(Span::new(0, 5).trim("  ab "), Span::new(2, 4));
        assert!(Span::new(0, 3).trim("   ").is_empty());
    }

    #[test]
    fn quoted_sentences_are_those_a_quotation_starts_in() {
        let doc = crate::inspect(Source::new(
            "x",
            "The ferry left at noon. \"We were lucky,\" a passenger said. It docked late.",
        ));
        assert_eq!(doc.quoted_sentences(), [false, true, false]);
    }

    #[test]
    fn pair_map_keeps_sides() {
        let p = Pair::new(1, 2).map(|x| x * 10);
        assert_eq!((p.left, p.right), (10, 20));
        assert_eq!(*p.get(Side::Right), 20);
        assert_eq!(Side::Left.other(), Side::Right);
    }
}
