//! The JSON printer. Its serde types are its own, so internal refactors never change what
//! users' scripts read; `docs/json.md` describes every field, and the ones scorers rely on.

use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;

use crate::model::{
    Alignment, Conflict, Counts, Document, Fact, FactValue, Grain, Mark, Marked, Qualifier, Report,
    Span,
};

/// Bumped only when a field's meaning changes.
const VERSION: u32 = 1;

#[derive(Serialize)]
struct Comparison<'a> {
    version: u32,
    documents: [JsonDocument<'a>; 2],
    /// Whether the two reports are about one incident; `null` when too short to tell.
    same_event: Option<JsonSameEvent<'a>>,
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
    /// What the input was: "text", or "html" for a web page (then `text` fields hold the
    /// page's reading text, and offsets point into the page's source).
    input: &'static str,
    /// The day the report says it was published (ISO 8601), or `null`.
    published: Option<String>,
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
    /// `agree`, `diverge`, or `related` (about the same event, but not one fact).
    verdict: &'static str,
    score: f64,
    left_adds: bool,
    right_adds: bool,
    conflicts: Vec<JsonConflict<'a>>,
    /// Values that may fill one slot, but not surely enough to call a conflict: not shown
    /// as divergences, kept for other tools.
    possible_conflicts: Vec<JsonConflict<'a>>,
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
struct JsonSameEvent<'a> {
    /// The learned model's probability that both reports tell of one incident.
    probability: f64,
    /// Whether one incident is the likelier reading; when not, only links of sentences
    /// that say the same thing in nearly the same words are kept.
    likely: bool,
    /// Links dropped because the reports are perhaps about different incidents: resting on
    /// topic words alone, or from a sentence about one report's main name to one about the
    /// other's.
    refused_links: usize,
    /// The name each report gives most, when links from a sentence about one to a
    /// sentence about the other were dropped; `null` otherwise.
    apart: Option<[&'a str; 2]>,
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
    /// How sure the comparison is that the two values answer one question, in `[0, 1]`.
    confidence: f64,
    /// What the two values share: the thing counted, the word a date is attached to.
    slot: &'a str,
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

impl Summary {
    fn of(counts: Counts) -> Summary {
        Summary {
            agree: counts.same + counts.detail,
            diverge: counts.diverge,
            related: counts.related,
            only_left: counts.only.left,
            only_right: counts.only.right,
        }
    }
}

pub fn report(report: &Report, explain: bool, out: &mut dyn Write) -> io::Result<()> {
    comparison(report, explain).write(out)?;
    writeln!(out)
}

fn comparison(report: &Report, explain: bool) -> Comparison<'_> {
    let docs = &report.documents;
    Comparison {
        version: VERSION,
        documents: [json_document(&docs.left), json_document(&docs.right)],
        same_event: report.same_event.as_ref().map(|s| JsonSameEvent {
            probability: round(s.probability),
            likely: s.is_likely(),
            refused_links: s.refused + s.kept_apart,
            apart: s
                .apart
                .as_ref()
                .map(|a| [a.left.as_str(), a.right.as_str()]),
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
            .par_iter()
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
        summary: Summary::of(report.counts()),
    }
}

/// Alignments printed by one task: enough to outweigh the cost of a task.
const ALIGNMENTS_A_TASK: usize = 256;

/// Runs of alignments printed before they are written: enough to keep the cores busy,
/// few enough that a long comparison is not held in memory twice.
const RUNS_A_BATCH: usize = 8;

impl Comparison<'_> {
    /// Prints the comparison as `serde_json::to_writer_pretty` would, with the two
    /// documents, then batches of runs of alignments, printed in parallel: on a long pair,
    /// printing one after the other would keep a core idle for a sixth of the run.
    fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        self.write_in(out, ALIGNMENTS_A_TASK, RUNS_A_BATCH)
    }

    /// [`Comparison::write`] with `run` alignments a task, `batch` runs at a time.
    fn write_in(&self, out: &mut dyn Write, run: usize, batch: usize) -> io::Result<()> {
        let (left, right) = rayon::join(
            || print(&self.documents[0], 2),
            || print(&self.documents[1], 2),
        );
        write!(out, "{{\n  \"version\": {}", self.version)?;
        out.write_all(b",\n  \"documents\": [\n    ")?;
        out.write_all(&left?)?;
        out.write_all(b",\n    ")?;
        out.write_all(&right?)?;
        out.write_all(b"\n  ]")?;
        field(out, "same_event", &self.same_event)?;
        out.write_all(b",\n  \"alignments\": [")?;
        let mut first = true;
        for alignments in self.alignments.chunks(run * batch) {
            let runs: Vec<Vec<u8>> = alignments
                .par_chunks(run)
                .map(|run| {
                    let mut printed = Vec::new();
                    for a in run {
                        printed.extend_from_slice(b",\n    ");
                        a.serialize(&mut deep(&mut printed, 2))?;
                    }
                    Ok(printed)
                })
                .collect::<io::Result<_>>()?;
            for printed in &runs {
                // Each run starts with the comma that separates it from what came before.
                out.write_all(if first { &printed[1..] } else { printed })?;
                first = false;
            }
        }
        out.write_all(if first { b"]" } else { b"\n  ]" })?;
        field(out, "only_left", &self.only_left)?;
        field(out, "only_right", &self.only_right)?;
        field(out, "quote_matches", &self.quote_matches)?;
        field(out, "only_left_quotes", &self.only_left_quotes)?;
        field(out, "only_right_quotes", &self.only_right_quotes)?;
        field(out, "summary", &self.summary)?;
        out.write_all(b"\n}")
    }
}

/// One field of the comparison after the first, pretty-printed.
fn field(out: &mut dyn Write, name: &str, value: &impl Serialize) -> io::Result<()> {
    write!(out, ",\n  \"{name}\": ")?;
    out.write_all(&print(value, 1)?)
}

/// `value` pretty-printed to stand `depth` levels deep.
fn print(value: &impl Serialize, depth: usize) -> io::Result<Vec<u8>> {
    let mut printed = Vec::new();
    value.serialize(&mut deep(&mut printed, depth))?;
    Ok(printed)
}

/// A pretty printer for a value nested `depth` levels deep.
fn deep<W: Write>(out: W, depth: usize) -> serde_json::Serializer<W, Deep> {
    serde_json::Serializer::with_formatter(
        out,
        Deep {
            depth,
            has_value: false,
        },
    )
}

/// serde_json's pretty printer, two spaces an indent, starting `depth` levels in.
struct Deep {
    depth: usize,
    has_value: bool,
}

impl Deep {
    fn indent<W: ?Sized + Write>(&self, out: &mut W) -> io::Result<()> {
        for _ in 0..self.depth {
            out.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            out.write_all(b"\n")?;
            self.indent(out)?;
        }
        out.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(out)
    }
}

impl serde_json::ser::Formatter for Deep {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
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

/// `span` of the document's text, its offsets into the input as the user gave it.
fn text(span: Span, doc: &Document) -> Text<'_> {
    let at = doc.input_span(span);
    Text {
        start: at.start,
        end: at.end,
        text: span.of(&doc.text),
    }
}

fn offsets(span: Span, doc: &Document) -> Offsets {
    let at = doc.input_span(span);
    Offsets {
        start: at.start,
        end: at.end,
    }
}

fn json_document(doc: &Document) -> JsonDocument<'_> {
    let page = doc.page.as_ref();
    let mut dropped: Vec<JsonDropped> = doc
        .dropped
        .iter()
        .map(|d| {
            let at = doc.input_span(d.span);
            JsonDropped {
                start: at.start,
                end: at.end,
                text: d.span.of(&doc.text),
                reason: d.reason.as_str(),
            }
        })
        .collect();
    if let Some(page) = page {
        dropped.extend(page.removed.iter().map(|r| {
            let at = page.input_span(r.span);
            JsonDropped {
                start: at.start,
                end: at.end,
                text: &r.text,
                reason: r.reason.as_str(),
            }
        }));
        dropped.sort_by_key(|d| (d.start, std::cmp::Reverse(d.end)));
    }
    let page_byline = page.and_then(|p| {
        let byline = p.byline.as_ref()?;
        let at = p.input_span(byline.span);
        Some(Text {
            start: at.start,
            end: at.end,
            text: &byline.text,
        })
    });
    JsonDocument {
        label: &doc.label,
        path: doc.path.as_deref(),
        input: if page.is_some() { "html" } else { "text" },
        published: doc.published.map(|d| d.to_string()),
        byline: doc.byline.map(|s| text(s, doc)).or(page_byline),
        sentences: doc.sentences.iter().map(|s| text(s.span, doc)).collect(),
        dropped,
        quotes: doc
            .quotes
            .iter()
            .map(|q| {
                let at = doc.input_span(q.span);
                JsonQuote {
                    start: at.start,
                    end: at.end,
                    text: q.span.of(&doc.text),
                    speaker: q.speaker.as_deref(),
                    speaker_mention: q.speaker_mention.map(|m| offsets(m, doc)),
                    speaker_guessed: q.speaker_guessed,
                }
            })
            .collect(),
        facts: doc.facts.iter().map(|f| json_fact(f, doc)).collect(),
    }
}

fn json_fact<'a>(f: &Fact, doc: &'a Document) -> JsonFact<'a> {
    let at = doc.input_span(f.span);
    let mut fact = JsonFact {
        start: at.start,
        end: at.end,
        text: f.span.of(&doc.text),
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
    let docs = report.documents.as_ref();
    let conflict = |c: &'a Conflict| JsonConflict {
        kind: c.kind.as_str(),
        left: c.spans.left.of(&docs.left.text),
        right: c.spans.right.of(&docs.right.text),
        left_span: offsets(c.spans.left, docs.left),
        right_span: offsets(c.spans.right, docs.right),
        confidence: round(c.confidence),
        slot: &c.slot,
    };
    let own = |words: &[Marked], doc: &'a Document| -> Vec<Text<'a>> {
        words
            .iter()
            .filter(|w| w.mark != Mark::Shared)
            .map(|w| text(w.span, doc))
            .collect()
    };
    JsonAlignment {
        left: &a.sentences.left,
        right: &a.sentences.right,
        verdict: if a.related {
            "related"
        } else {
            a.verdict.as_str()
        },
        score: round(a.score),
        left_adds: a.adds.left,
        right_adds: a.adds.right,
        conflicts: a.conflicts.iter().map(conflict).collect(),
        possible_conflicts: a.possible.iter().map(conflict).collect(),
        left_own: own(&a.words.left, docs.left),
        right_own: own(&a.words.right, docs.right),
        left_details: &a.details.left,
        right_details: &a.details.right,
        probability: round(a.probability),
        explain: explain.then(|| JsonExplain {
            threshold: round(report.equivalence.threshold),
            intercept: round(report.equivalence.intercept),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    /// 700 sentences told by `sentence`, each of a ship with a name and a crew of its own.
    fn many(sentence: impl Fn(&str, usize) -> String) -> String {
        let letter = |k: usize| char::from(b'a' + (k % 26) as u8);
        (0..700)
            .map(|i| sentence(&format!("Ka{}{}ra", letter(i), letter(i / 26)), i))
            .collect()
    }

    /// The parallel printer prints what serde's pretty printer prints, field for field:
    /// a field added to `Comparison` and not to `to_vec` fails here.
    #[test]
    fn printed_in_parallel_as_serde_prints() {
        let pairs = [
            (
                "The ferry Islay Star ran aground at 6 a.m. on Friday, the coastguard said. \
                 \"We heard a bang,\" said Ana Ruiz, 34. Nobody was hurt.",
                "Nobody was hurt when the Islay Star ran aground on Friday morning. \
                 Ana Ruiz, 35, said: \"There was a loud bang.\" The owners said 40 \
                 passengers were aboard.",
            ),
            // Nothing in common: no alignments, no quotations.
            ("Rain fell.", "Markets rose in Tokyo."),
            // Long enough for several runs of alignments.
            (
                &many(|ship, crew| format!("The ship {ship} sailed from Oban with {crew} crew. ")),
                &many(|ship, crew| format!("With {crew} crew aboard, the {ship} left Oban. ")),
            ),
        ];
        let mut counts = Vec::new();
        for (left, right) in pairs {
            let report = crate::compare(Source::new("a", left), Source::new("b", right));
            counts.push(report.alignments.len());
            for explain in [false, true] {
                let c = comparison(&report, explain);
                let serde = serde_json::to_string_pretty(&c).unwrap();
                // As shipped, and in small runs and batches, so that runs and batches meet.
                for (run, batch) in [(ALIGNMENTS_A_TASK, RUNS_A_BATCH), (3, 2), (1, 1)] {
                    let mut ours = Vec::new();
                    c.write_in(&mut ours, run, batch).unwrap();
                    assert_eq!(String::from_utf8(ours).unwrap(), serde, "{run} {batch}");
                }
            }
        }
        assert!(counts[0] > 0 && counts[1] == 0, "{counts:?}");
        assert!(counts[2] > 2 * ALIGNMENTS_A_TASK, "{counts:?}");
    }

    #[test]
    fn the_summary_counts_related_rows_apart_from_agreement() {
        use crate::model::Source;
        let mut report = crate::compare(
            Source::new(
                "l",
                "The ferry left at noon. It docked at six. Crews cheered.",
            ),
            Source::new(
                "r",
                "The ferry left at noon. It docked at six. Crews cheered.",
            ),
        );
        report.alignments[0].related = true;
        let json = serde_json::to_value(comparison(&report, false)).unwrap();
        let verdicts: Vec<&str> = (json["alignments"].as_array().unwrap().iter())
            .map(|a| a["verdict"].as_str().unwrap())
            .collect();
        let count = |v: &str| verdicts.iter().filter(|&&w| w == v).count();
        assert_eq!(count("related"), 1);
        for verdict in ["agree", "diverge", "related"] {
            assert_eq!(json["summary"][verdict], count(verdict), "{verdict}");
        }
    }
}
