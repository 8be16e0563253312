//! The JSON printer. Its serde types are its own, so internal refactors never change what
//! users' scripts read; `CONTRACT.md` fixes the fields scorers rely on.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::{
    Alignment, Document, Fact, FactValue, Grain, Mark, Marked, Qualifier, Report, Span, Verdict,
};

/// Bumped only when a field's meaning changes.
const VERSION: u32 = 1;

#[derive(Serialize)]
struct Comparison<'a> {
    version: u32,
    documents: [JsonDocument<'a>; 2],
    /// Whether the two reports are about one incident; `null` when too short to tell.
    same_event: Option<JsonSameEvent>,
    alignments: Vec<JsonAlignment<'a>>,
    only_left: &'a [usize],
    only_right: &'a [usize],
    quote_matches: Vec<JsonQuoteMatch>,
    /// Quotations only that outlet carries (indexes into its `quotes`).
    only_left_quotes: &'a [usize],
    only_right_quotes: &'a [usize],
    summary: Summary,
}

#[derive(Serialize)]
struct Inspection<'a> {
    version: u32,
    document: JsonDocument<'a>,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    label: &'a str,
    path: Option<&'a str>,
    byline: Option<Text<'a>>,
    sentences: Vec<Text<'a>>,
    dropped: Vec<JsonDropped<'a>>,
    quotes: Vec<JsonQuote<'a>>,
    facts: Vec<JsonFact<'a>>,
}

/// A number, date or name, with its value normalised so that two outlets' forms compare.
#[derive(Serialize)]
struct JsonFact<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: &'static str,
    /// The index of the sentence it stands in.
    sentence: usize,
    /// "14", ">=14", "12-14 knot", "2500000000 USD", "2026-03-13", "1950/1953", "15:00",
    /// "Kim Jong Un".
    value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    low: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    high: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    qualifier: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    grain: Option<&'static str>,
    /// The first and last day a date can mean, once resolved (ISO 8601).
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<String>,
}

/// A span with the text it covers, for people; scorers read the offsets.
#[derive(Serialize)]
struct Text<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonDropped<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    reason: &'static str,
}

#[derive(Serialize)]
struct JsonQuote<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    speaker: Option<&'a str>,
    speaker_mention: Option<Offsets>,
    /// The speaker is only a guess: the last person named before an unnamed description.
    speaker_guessed: bool,
}

#[derive(Serialize)]
struct Offsets {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JsonAlignment<'a> {
    left: &'a [usize],
    right: &'a [usize],
    verdict: &'static str,
    score: f64,
    left_adds: bool,
    right_adds: bool,
    /// About the same event, but not one fact.
    related: bool,
    conflicts: Vec<JsonConflict<'a>>,
    /// Words only the left side has (conflicting values included).
    left_own: Vec<Text<'a>>,
    right_own: Vec<Text<'a>>,
    /// Facts only the left side of this alignment states (indexes into its `facts`).
    left_details: &'a [usize],
    right_details: &'a [usize],
    /// The learned model's probability that the sides tell one fact with nothing added.
    probability: f64,
    /// With `--explain`: the measurements behind `probability`.
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<JsonExplain>,
}

#[derive(Serialize)]
struct JsonExplain {
    /// From this probability, the sides count as one fact with nothing added.
    threshold: f64,
    intercept: f64,
    evidence: Vec<JsonEvidence>,
}

#[derive(Serialize)]
struct JsonEvidence {
    name: &'static str,
    value: f64,
    /// Its part in the log-odds: value times learned weight.
    contribution: f64,
}

#[derive(Serialize)]
struct JsonSameEvent {
    /// The learned model's probability that both reports tell of one incident.
    probability: f64,
    /// Whether one incident is the likelier reading; when not, only links of sentences
    /// that say the same thing in nearly the same words are kept.
    likely: bool,
    /// Links dropped because the reports are probably about different incidents.
    refused_links: usize,
    /// The measurements behind `probability`.
    evidence: Vec<JsonEvidence>,
}

#[derive(Serialize)]
struct JsonConflict<'a> {
    kind: &'static str,
    left: &'a str,
    right: &'a str,
    left_span: Offsets,
    right_span: Offsets,
}

#[derive(Serialize)]
struct JsonQuoteMatch {
    left: usize,
    right: usize,
    kind: &'static str,
    /// `null` when either outlet names no speaker.
    same_speaker: Option<bool>,
    /// The same words from different people, or one person's words changed.
    diverges: bool,
}

#[derive(Serialize)]
struct Summary {
    agree: usize,
    diverge: usize,
    related: usize,
    only_left: usize,
    only_right: usize,
}

pub fn report(report: &Report, explain: bool, out: &mut dyn Write) -> io::Result<()> {
    let docs = &report.documents;
    let comparison = Comparison {
        version: VERSION,
        documents: [json_document(&docs.left), json_document(&docs.right)],
        same_event: report.same_event.as_ref().map(|s| JsonSameEvent {
            probability: round(s.probability),
            likely: s.is_likely(),
            refused_links: s.refused,
            evidence: s
                .evidence
                .iter()
                .map(|e| JsonEvidence {
                    name: e.name,
                    value: round(e.value),
                    contribution: round(e.contribution),
                })
                .collect(),
        }),
        alignments: report
            .alignments
            .iter()
            .map(|a| json_alignment(report, a, explain))
            .collect(),
        only_left: &report.only.left,
        only_right: &report.only.right,
        quote_matches: report
            .quote_matches
            .iter()
            .map(|m| JsonQuoteMatch {
                left: m.quotes.left,
                right: m.quotes.right,
                kind: m.kind.as_str(),
                same_speaker: m.same_speaker,
                diverges: m.diverges(),
            })
            .collect(),
        only_left_quotes: &report.only_quotes.left,
        only_right_quotes: &report.only_quotes.right,
        summary: Summary {
            agree: report
                .alignments
                .iter()
                .filter(|a| a.verdict == Verdict::Agree)
                .count(),
            diverge: report
                .alignments
                .iter()
                .filter(|a| a.verdict == Verdict::Diverge)
                .count(),
            related: report.alignments.iter().filter(|a| a.related).count(),
            only_left: report.only.left.len(),
            only_right: report.only.right.len(),
        },
    };
    write(&comparison, out)
}

pub fn document(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    write(
        &Inspection {
            version: VERSION,
            document: json_document(doc),
        },
        out,
    )
}

fn write(value: &impl Serialize, out: &mut dyn Write) -> io::Result<()> {
    // Serialised into memory first: through `dyn Write`, each of serde's many small writes
    // would be a call that cannot be inlined.
    let mut buffer = serde_json::to_vec_pretty(value)?;
    buffer.push(b'\n');
    out.write_all(&buffer)
}

fn text(span: Span, source: &str) -> Text<'_> {
    Text {
        start: span.start,
        end: span.end,
        text: span.of(source),
    }
}

fn offsets(span: Span) -> Offsets {
    Offsets {
        start: span.start,
        end: span.end,
    }
}

fn json_document(doc: &Document) -> JsonDocument<'_> {
    let t = doc.text.as_str();
    JsonDocument {
        label: &doc.label,
        path: doc.path.as_deref(),
        byline: doc.byline.map(|s| text(s, t)),
        sentences: doc.sentences.iter().map(|s| text(s.span, t)).collect(),
        dropped: doc
            .dropped
            .iter()
            .map(|d| JsonDropped {
                start: d.span.start,
                end: d.span.end,
                text: d.span.of(t),
                reason: d.reason.as_str(),
            })
            .collect(),
        quotes: doc
            .quotes
            .iter()
            .map(|q| JsonQuote {
                start: q.span.start,
                end: q.span.end,
                text: q.span.of(t),
                speaker: q.speaker.as_deref(),
                speaker_mention: q.speaker_mention.map(offsets),
                speaker_guessed: q.speaker_guessed,
            })
            .collect(),
        facts: doc.facts.iter().map(|f| json_fact(f, t)).collect(),
    }
}

fn json_fact<'a>(f: &Fact, source: &'a str) -> JsonFact<'a> {
    let mut fact = JsonFact {
        start: f.span.start,
        end: f.span.end,
        text: f.span.of(source),
        kind: f.kind().as_str(),
        sentence: f.sentence,
        value: f.normalised(),
        low: None,
        high: None,
        unit: None,
        qualifier: None,
        grain: None,
        from: None,
        to: None,
    };
    match &f.value {
        FactValue::Number(q) => {
            fact.low = Some(q.low);
            fact.high = Some(q.high);
            fact.unit = q.unit;
            fact.qualifier = Some(match q.qualifier {
                Qualifier::Exact => "exact",
                Qualifier::AtLeast => "at-least",
                Qualifier::MoreThan => "more-than",
                Qualifier::AtMost => "at-most",
                Qualifier::LessThan => "less-than",
                Qualifier::About => "about",
                Qualifier::Nearly => "nearly",
            });
        }
        FactValue::Date(w) => {
            fact.grain = Some(match w.grain {
                Grain::Time => "time",
                Grain::Day => "day",
                Grain::Week => "week",
                Grain::Month => "month",
                Grain::Year => "year",
            });
            if let Some((a, b)) = w.days {
                fact.from = Some(a.to_string());
                fact.to = Some(b.to_string());
            }
        }
        FactValue::Name(_) => {}
    }
    fact
}

fn json_alignment<'a>(report: &'a Report, a: &'a Alignment, explain: bool) -> JsonAlignment<'a> {
    let texts = report.documents.as_ref().map(|d| d.text.as_str());
    let own = |words: &[Marked], source: &'a str| -> Vec<Text<'a>> {
        words
            .iter()
            .filter(|w| w.mark != Mark::Shared)
            .map(|w| text(w.span, source))
            .collect()
    };
    JsonAlignment {
        left: &a.sentences.left,
        right: &a.sentences.right,
        verdict: a.verdict.as_str(),
        score: round(a.score),
        left_adds: a.adds.left,
        right_adds: a.adds.right,
        related: a.related,
        conflicts: a
            .conflicts
            .iter()
            .map(|c| JsonConflict {
                kind: c.kind.as_str(),
                left: c.spans.left.of(texts.left),
                right: c.spans.right.of(texts.right),
                left_span: offsets(c.spans.left),
                right_span: offsets(c.spans.right),
            })
            .collect(),
        left_own: own(&a.words.left, texts.left),
        right_own: own(&a.words.right, texts.right),
        left_details: &a.details.left,
        right_details: &a.details.right,
        probability: round(a.probability),
        explain: explain.then(|| JsonExplain {
            threshold: round(crate::compare::evidence::threshold()),
            intercept: round(crate::compare::evidence::model().intercept),
            evidence: a
                .evidence
                .iter()
                .map(|e| JsonEvidence {
                    name: e.name,
                    value: round(e.value),
                    contribution: round(e.contribution),
                })
                .collect(),
        }),
    }
}

/// Four decimal places: enough to read, stable across platforms' last digits.
fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
