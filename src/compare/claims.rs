//! Single-source claims: what only one outlet says, for a fact-checker to verify.
//!
//! One claim per sentence, not per value: a sentence the other outlet lacks, or a sentence
//! both tell in which this outlet alone gives a quotation or a value (a fact that no
//! alignment of the sentence finds on the other side). A quotation that runs on into the
//! next sentences takes them into its claim, so the same words are never two items, and a
//! value inside a quotation the claim lists is checked with it. A day the other report
//! names in other words ("Saturday" against "a day earlier" in a report of Sunday) is no
//! claim of one outlet. Most checkable first: quotations, then numbers and dates, then
//! names, then the rest; in reading order within each. Worked out once, for the
//! [`Report`](crate::model::Report); the review and the summary print them.

use std::ops::Range;

use jiff::civil::{Date, Weekday};

use crate::extract::dates::{Written, dates};
use crate::model::{
    Alignment, Checkable, Claim, Document, FactKind, FactValue, Grain, Pair, Side, Span,
};

/// The claims only each side makes, most checkable first.
pub fn single_source(
    docs: Pair<&Document>,
    alignments: &[Alignment],
    only: &Pair<Vec<usize>>,
    only_quotes: &Pair<Vec<usize>>,
) -> Pair<Vec<Claim>> {
    let days = docs.map(days_named);
    let of = |side: Side| {
        let other = &days.get(side.other());
        let named_there = |k: usize| {
            days.get(side)[k].is_some_and(|day| other.iter().flatten().any(|o| day.same(o)))
        };
        claims(
            docs.get(side),
            side,
            alignments,
            only.get(side),
            only_quotes.get(side),
            &named_there,
        )
    };
    Pair::new(of(Side::Left), of(Side::Right))
}

/// What one sentence holds that only this side gives.
struct Part {
    quotes: Vec<usize>,
    facts: Vec<usize>,
}

/// The claims only `side` makes. Each test is a look-up (the quotations are in reading
/// order, and each sentence knows the alignments that hold it), so a long report against a
/// short one costs no more than its sentences.
fn claims(
    doc: &Document,
    side: Side,
    alignments: &[Alignment],
    only: &[usize],
    only_quotes: &[usize],
    named_there: &dyn Fn(usize) -> bool,
) -> Vec<Claim> {
    let n = doc.sentences.len();
    let mut only_here = vec![false; n];
    for &i in only {
        only_here[i] = true;
    }
    // The alignments that hold each sentence of this side.
    let mut holding: Vec<Vec<&Alignment>> = vec![Vec::new(); n];
    for a in alignments {
        for &s in a.sentences.get(side) {
            holding[s].push(a);
        }
    }
    // The quotations starting in each sentence, and the sentence each one ends in.
    let sentence_at = |offset: usize| doc.sentences.partition_point(|s| s.span.end <= offset);
    let mut starting: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (q, quote) in doc.quotes.iter().enumerate() {
        let i = sentence_at(quote.span.start);
        if i < n && doc.sentences[i].span.start <= quote.span.start {
            starting[i].push(q);
        }
    }
    let mut single_quote = vec![false; doc.quotes.len()];
    for &q in only_quotes {
        single_quote[q] = true;
    }
    let part = |i: usize| {
        let whole = only_here[i];
        let quotes: Vec<usize> = (starting[i].iter().copied())
            .filter(|&q| whole || single_quote[q])
            .collect();
        let facts: Vec<usize> = facts_of(doc, i)
            .filter(|&k| {
                let alone = || {
                    !holding[i].is_empty()
                        && holding[i].iter().all(|a| a.details.get(side).contains(&k))
                };
                (whole || alone()) && !named_there(k)
            })
            .collect();
        (whole || !quotes.is_empty() || !facts.is_empty()).then_some(Part { quotes, facts })
    };
    let end_of = |q: usize| sentence_at(doc.quotes[q].span.end.saturating_sub(1)) + 1;
    let mut runs: Vec<(Range<usize>, Part)> = Vec::new();
    for i in 0..n {
        let Some(part) = part(i) else { continue };
        let end = part
            .quotes
            .iter()
            .map(|&q| end_of(q))
            .fold(i + 1, usize::max);
        match runs.last_mut() {
            // Inside a quotation an earlier claim lists: the same claim.
            Some((range, run)) if i < range.end => {
                range.end = range.end.max(end);
                run.quotes.extend(part.quotes);
                run.facts.extend(part.facts);
            }
            _ => runs.push((i..end.min(n), part)),
        }
    }
    let mut claims: Vec<Claim> = runs
        .into_iter()
        .map(|(range, part)| claim(doc, range, part, &only_here))
        .collect();
    claims.sort_by_key(|c| (c.checkable, c.span.start));
    claims
}

/// One claim of a run of sentences: a value inside a quotation it lists is that
/// quotation's.
fn claim(doc: &Document, sentences: Range<usize>, part: Part, only_here: &[bool]) -> Claim {
    let Part { quotes, facts } = part;
    let inside = |k: usize| {
        let span = doc.facts[k].span;
        quotes.iter().any(|&q| {
            let quote = doc.quotes[q].span;
            quote.start <= span.start && span.end <= quote.end
        })
    };
    let facts: Vec<usize> = facts.into_iter().filter(|&k| !inside(k)).collect();
    let span = Span::new(
        doc.sentences[sentences.start].span.start,
        doc.sentences[sentences.end - 1].span.end,
    );
    Claim {
        span,
        whole: sentences.clone().all(|i| only_here[i]),
        checkable: checkable(
            !quotes.is_empty(),
            facts.iter().map(|&k| doc.facts[k].kind()),
        ),
        sentences,
        quotes,
        facts,
    }
}

/// Quotations first, then numbers and dates, then names, then the rest.
fn checkable(quoted: bool, kinds: impl Iterator<Item = FactKind>) -> Checkable {
    if quoted {
        return Checkable::Quotation;
    }
    kinds
        .map(|k| match k {
            FactKind::Number | FactKind::Date => Checkable::Value,
            FactKind::Name => Checkable::Name,
        })
        .min()
        .unwrap_or(Checkable::Other)
}

/// The facts a sentence states, as indexes into the document's `facts`.
fn facts_of(doc: &Document, sentence: usize) -> Range<usize> {
    let start = doc.facts.partition_point(|f| f.sentence < sentence);
    let end = doc.facts.partition_point(|f| f.sentence <= sentence);
    start..end
}

/// A day a report names: its date once resolved, and its weekday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Day {
    date: Option<Date>,
    weekday: Option<Weekday>,
}

impl Day {
    /// Whether two days can be one: the same date when both are resolved, else the same
    /// weekday.
    fn same(&self, other: &Day) -> bool {
        match (self.date, other.date) {
            (Some(a), Some(b)) => a == b,
            _ => self.weekday.is_some() && self.weekday == other.weekday,
        }
    }
}

/// The day each fact of a report names (`None` for any other fact). A day counted from the
/// last one named ("a day earlier", "the next day") takes its weekday from that one even
/// when the report gives no date to resolve either: "on Sunday ... a day earlier" names a
/// Saturday.
fn days_named(doc: &Document) -> Vec<Option<Day>> {
    let mut last: Option<Weekday> = None;
    doc.facts
        .iter()
        .map(|f| {
            let FactValue::Date(when) = &f.value else {
                return None;
            };
            if when.grain != Grain::Day {
                return None;
            }
            let date = when.days.filter(|(a, b)| a == b).map(|(a, _)| a);
            let counted = || match dates(f.span.of(&doc.text)).first() {
                Some((_, Written::FromLast { days })) => {
                    last.map(|w| w.wrapping_add(i64::from(*days)))
                }
                _ => None,
            };
            let weekday = when
                .weekday
                .or_else(|| date.map(|d| d.weekday()))
                .or_else(counted);
            last = weekday.or(last);
            Some(Day { date, weekday })
        })
        .collect()
}

/// The values a claim lists, as a reader counts them: a number read in parts ("hundreds"
/// and "thousands" of "hundreds of thousands") is one value. Each with its kind and the
/// span of its words.
pub fn values(doc: &Document, facts: &[usize]) -> Vec<(FactKind, Span)> {
    let mut values: Vec<(FactKind, Span)> = Vec::new();
    for &k in facts {
        let fact = &doc.facts[k];
        let kind = fact.kind();
        if let Some((FactKind::Number, span)) = values.last_mut()
            && kind == FactKind::Number
            && span.end <= fact.span.start
            && doc.text[span.end..fact.span.start]
                .trim()
                .eq_ignore_ascii_case("of")
        {
            span.end = fact.span.end;
            continue;
        }
        values.push((kind, fact.span));
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Report, Source};

    fn compare(left: &str, right: &str) -> Report {
        crate::compare(Source::new("l", left), Source::new("r", right))
    }

    /// Each claim of a side as its text and the values it lists.
    fn listed(report: &Report, side: Side) -> Vec<(String, Vec<String>)> {
        let doc = report.documents.get(side);
        (report.single_source.get(side).iter())
            .map(|c| {
                let values = values(doc, &c.facts).into_iter();
                let values = values.map(|(_, span)| span.of(&doc.text).to_string());
                (c.span.of(&doc.text).to_string(), values.collect())
            })
            .collect()
    }

    #[test]
    fn a_number_read_in_parts_is_one_value() {
        let doc = crate::inspect(Source::new(
            "x",
            "Hundreds of thousands of people marched, and 40 of 60 buses ran.",
        ));
        let facts: Vec<usize> = (0..doc.facts.len()).collect();
        let words: Vec<&str> = (values(&doc, &facts).into_iter())
            .map(|(_, span)| span.of(&doc.text))
            .collect();
        assert_eq!(words[0], "Hundreds of thousands");
        assert!(!words.contains(&"thousands"), "{words:?}");
    }

    #[test]
    fn a_sentence_with_several_values_only_one_side_gives_is_one_claim() {
        let report = compare(
            "The ferry left Portmore with 300 people aboard. The crossing took four hours.",
            "The ferry left Portmore with 300 people aboard, 12 of them crew, on its 40th run. \
             The crossing took four hours.",
        );
        let right = listed(&report, Side::Right);
        assert_eq!(right.len(), 1, "{right:?}");
        assert_eq!(right[0].1, ["12", "40th"]);
        assert!(listed(&report, Side::Left).is_empty());
    }

    #[test]
    fn a_quotation_over_two_sentences_is_one_claim() {
        // A quotation a paragraph leaves open runs on into the next sentence: on the left
        // from a sentence of its own, on the right from a sentence both tell.
        let report = compare(
            "The mayor opened the new weir on Tuesday.\n\
             She said: \"The gates held on the first night. Nobody in the valley lost a home.\n\
             The crews worked through the storm.\n",
            "The mayor opened the new weir on Tuesday, saying: \"We built it to last. \
             It will stand for a century.\n\
             The crews worked through the storm.\n",
        );
        for side in Side::BOTH {
            let claims = report.single_source.get(side);
            assert_eq!(claims.len(), 1, "{side:?}: {:?}", listed(&report, side));
            assert_eq!(claims[0].quotes.len(), 1);
            assert_eq!(claims[0].sentences.len(), 2, "{:?}", listed(&report, side));
        }
        assert!(report.single_source.left[0].whole);
        assert!(!report.single_source.right[0].whole);
    }

    #[test]
    fn a_value_inside_a_quotation_only_one_side_gives_is_checked_with_it() {
        let report = compare(
            "Ann Lee thanked the crews at the harbour. The ferry was late.",
            "\"We owe the crews of Portmore a great deal,\" Ann Lee said at the harbour. \
             The ferry was late.",
        );
        let claims = report.single_source.right.clone();
        assert_eq!(claims.len(), 1, "{:?}", listed(&report, Side::Right));
        let doc = &report.documents.right;
        let named: Vec<&str> = claims[0]
            .facts
            .iter()
            .map(|&k| doc.facts[k].span.of(&doc.text))
            .collect();
        assert!(!named.contains(&"Portmore"), "{named:?}");
    }

    #[test]
    fn a_day_the_other_report_names_in_other_words_is_no_claim() {
        // "a day earlier" in a report of Sunday is the other's Saturday; Sunday itself is
        // the right report's alone.
        let left = "The minister shook hands with the strikers at the dock gates, a swift \
                    turn after she proposed the visit on social media on Saturday.\n\
                    The talks lasted an hour and ended without a deal.\n";
        let right = "The minister on Sunday walked into the occupied dock, the first time a \
                     minister has set foot there.\n\
                     The unexpected visit, only proposed a day earlier by the minister on \
                     social media, comes with the talks stalled since March.\n\
                     The talks lasted an hour and ended without a deal.\n";
        let values = |report: &Report, side| -> Vec<String> {
            listed(report, side)
                .into_iter()
                .flat_map(|(_, v)| v)
                .collect()
        };
        let report = compare(left, right);
        assert!(values(&report, Side::Left).is_empty());
        assert_eq!(values(&report, Side::Right), ["Sunday", "March"]);
        // Another day is still one outlet's.
        let report = compare(left, &right.replace("a day earlier", "two days earlier"));
        assert_eq!(values(&report, Side::Left), ["Saturday"]);
    }

    #[test]
    fn claims_are_whole_sentences_apart_in_reading_order() {
        let pairs = [
            (
                include_str!("../../fixtures/ferry/island-courier.txt"),
                include_str!("../../fixtures/ferry/national-ledger.txt"),
            ),
            (
                include_str!("../../fixtures/footbridge/harbour-gazette.txt"),
                include_str!("../../fixtures/footbridge/coastal-wire.txt"),
            ),
            (
                include_str!("../../fixtures/warehouse-fires/kelderby-post.txt"),
                include_str!("../../fixtures/rover/metro-tribune.txt"),
            ),
        ];
        let mut claims = 0;
        for (left, right) in pairs {
            let report = compare(left, right);
            for side in Side::BOTH {
                let doc = report.documents.get(side);
                let mut found = report.single_source.get(side).clone();
                claims += found.len();
                // Every sentence only this side has is in exactly one claim, whole.
                for &i in report.only.get(side) {
                    let holding: Vec<&Claim> =
                        found.iter().filter(|c| c.sentences.contains(&i)).collect();
                    assert_eq!(holding.len(), 1, "sentence {i}");
                }
                for c in &found {
                    let span = Span::new(
                        doc.sentences[c.sentences.start].span.start,
                        doc.sentences[c.sentences.end - 1].span.end,
                    );
                    assert_eq!(c.span, span);
                    assert!(c.whole || !c.quotes.is_empty() || !c.facts.is_empty());
                    for &k in &c.facts {
                        assert!(c.sentences.contains(&doc.facts[k].sentence));
                    }
                }
                found.sort_by_key(|c| c.sentences.start);
                for w in found.windows(2) {
                    assert!(w[0].sentences.end <= w[1].sentences.start);
                }
            }
        }
        assert!(claims > 10, "{claims}");
    }

    #[test]
    fn narrowing_works_the_claims_out_again() {
        use crate::model::Only;
        let mut report = compare(
            include_str!("../../fixtures/ferry/island-courier.txt"),
            include_str!("../../fixtures/ferry/national-ledger.txt"),
        );
        report.narrow(&[Only::Diverge]);
        let again = single_source(
            report.documents.as_ref(),
            &report.alignments,
            &report.only,
            &report.only_quotes,
        );
        assert_eq!(report.single_source, again);
    }
}
