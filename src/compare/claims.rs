//! Single-source claims: what only one outlet says, for a fact-checker to verify.
//!
//! A claim is a sentence the other outlet lacks, a fact of an aligned sentence that no
//! alignment of it finds on the other side, or a quotation only one outlet carries (in a
//! sentence both tell). Most checkable first: quotations, then numbers and dates, then
//! names, then the rest; in reading order within each. Worked out once, for the
//! [`Report`](crate::model::Report); the review and the summary print them.

use crate::model::{Alignment, Checkable, Claim, ClaimKind, Document, FactKind, Pair, Side, Span};

/// The claims only each side makes, most checkable first.
pub fn single_source(
    docs: Pair<&Document>,
    alignments: &[Alignment],
    only: &Pair<Vec<usize>>,
    only_quotes: &Pair<Vec<usize>>,
) -> Pair<Vec<Claim>> {
    let of = |side: Side| {
        claims(
            docs.get(side),
            side,
            alignments,
            only.get(side),
            only_quotes.get(side),
        )
    };
    Pair::new(of(Side::Left), of(Side::Right))
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
) -> Vec<Claim> {
    let mut claims: Vec<Claim> = sentences(doc, only).collect();
    claims.extend(facts(doc, side, alignments));
    claims.extend(quotes(doc, only, only_quotes));
    claims.sort_by_key(|c| (c.checkable, c.span.start));
    claims.dedup_by_key(|c| c.span);
    claims
}

/// The sentences only this side has, with what makes each checkable.
fn sentences<'a>(doc: &'a Document, only: &'a [usize]) -> impl Iterator<Item = Claim> + 'a {
    let quote_starts: Vec<usize> = {
        let mut starts: Vec<usize> = doc.quotes.iter().map(|q| q.span.start).collect();
        starts.sort_unstable();
        starts
    };
    let quoted_in = move |span: Span| {
        let first = quote_starts.partition_point(|&s| s < span.start);
        quote_starts.get(first).is_some_and(|&s| s < span.end)
    };
    only.iter().map(move |&i| {
        let span = doc.sentences[i].span;
        let quoted = quoted_in(span);
        let facts = facts_of(doc, i);
        Claim {
            span,
            checkable: checkable(quoted, facts.clone().map(|k| doc.facts[k].kind())),
            kind: ClaimKind::Sentence {
                sentence: i,
                quoted,
                facts,
            },
        }
    })
}

/// The facts of aligned sentences that only this side states. A fact is single-source when
/// every alignment of its sentence finds it only on this side: a sentence may stand in
/// several, and one that pairs the fact corroborates it.
fn facts(doc: &Document, side: Side, alignments: &[Alignment]) -> Vec<Claim> {
    // The alignments that hold each sentence of this side.
    let mut holding: Vec<Vec<&Alignment>> = vec![Vec::new(); doc.sentences.len()];
    for a in alignments {
        for &s in a.sentences.get(side) {
            holding[s].push(a);
        }
    }
    let corroborated = |k: usize| {
        holding[doc.facts[k].sentence]
            .iter()
            .any(|a| !a.details.get(side).contains(&k))
    };
    let mut claims = Vec::new();
    for a in alignments {
        for &k in a.details.get(side).iter().filter(|&&k| !corroborated(k)) {
            let fact = &doc.facts[k];
            claims.push(Claim {
                span: fact.span,
                kind: ClaimKind::Fact(k),
                checkable: checkable(false, [fact.kind()].into_iter()),
            });
        }
    }
    claims
}

/// The quotations only this side carries, but for those in a sentence only it has (already
/// claims with their sentence).
fn quotes(doc: &Document, only: &[usize], only_quotes: &[usize]) -> Vec<Claim> {
    // Which sentences only this side has (sentences are in reading order, apart).
    let mut only_here = vec![false; doc.sentences.len()];
    for &i in only {
        only_here[i] = true;
    }
    let mut claims = Vec::new();
    for &q in only_quotes {
        let quote = &doc.quotes[q];
        let i = doc
            .sentences
            .partition_point(|s| s.span.end <= quote.span.start);
        let sentence_only = doc
            .sentences
            .get(i)
            .is_some_and(|s| s.span.start <= quote.span.start && only_here[i]);
        if !sentence_only {
            claims.push(Claim {
                span: quote.span,
                kind: ClaimKind::Quote(q),
                checkable: Checkable::Quotation,
            });
        }
    }
    claims
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
fn facts_of(doc: &Document, sentence: usize) -> std::ops::Range<usize> {
    let start = doc.facts.partition_point(|f| f.sentence < sentence);
    let end = doc.facts.partition_point(|f| f.sentence <= sentence);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Report;

    /// The claims as first worked out: every quotation, alignment and sentence looked at
    /// for each sentence, fact and quotation.
    fn every_pair_claims(report: &Report, side: Side) -> Vec<Claim> {
        let doc = report.documents.get(side);
        let mut claims = Vec::new();
        let quoted_in = |span: Span| {
            doc.quotes
                .iter()
                .any(|q| span.start <= q.span.start && q.span.start < span.end)
        };
        for &i in report.only.get(side) {
            let span = doc.sentences[i].span;
            let facts: Vec<usize> = (0..doc.facts.len())
                .filter(|&k| doc.facts[k].sentence == i)
                .collect();
            let before = doc.facts.iter().filter(|f| f.sentence < i).count();
            let kinds = facts.iter().map(|&k| doc.facts[k].kind());
            claims.push(Claim {
                span,
                checkable: checkable(quoted_in(span), kinds),
                kind: ClaimKind::Sentence {
                    sentence: i,
                    quoted: quoted_in(span),
                    facts: before..before + facts.len(),
                },
            });
        }
        let corroborated = |k: usize| {
            let sentence = doc.facts[k].sentence;
            report.alignments.iter().any(|a| {
                a.sentences.get(side).contains(&sentence) && !a.details.get(side).contains(&k)
            })
        };
        for a in &report.alignments {
            for &k in a.details.get(side).iter().filter(|&&k| !corroborated(k)) {
                let fact = &doc.facts[k];
                claims.push(Claim {
                    span: fact.span,
                    kind: ClaimKind::Fact(k),
                    checkable: checkable(false, [fact.kind()].into_iter()),
                });
            }
        }
        for &q in report.only_quotes.get(side) {
            let quote = &doc.quotes[q];
            let sentence_only = report.only.get(side).iter().any(|&i| {
                doc.sentences[i].span.start <= quote.span.start
                    && quote.span.start < doc.sentences[i].span.end
            });
            if !sentence_only {
                claims.push(Claim {
                    span: quote.span,
                    kind: ClaimKind::Quote(q),
                    checkable: Checkable::Quotation,
                });
            }
        }
        claims.sort_by_key(|c| (c.checkable, c.span.start));
        claims.dedup_by_key(|c| c.span);
        claims
    }

    #[test]
    fn single_source_claims_are_found_by_look_up_as_by_scanning() {
        use crate::model::Source;
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
            (
                "The ferry carried 300 people, Ann Lee said. \"Nobody was hurt,\" she said. \
                 Lee said 40 crew were aboard on Friday.",
                "The ferry carried 300 people on Friday. \"We are safe,\" Tom Reyes said. \
                 Lee said 42 crew were aboard.",
            ),
        ];
        let mut claims = 0;
        for (left, right) in pairs {
            let report = crate::compare(Source::new("l", left), Source::new("r", right));
            for side in Side::BOTH {
                let found = report.single_source.get(side);
                assert_eq!(*found, every_pair_claims(&report, side));
                claims += found.len();
            }
        }
        assert!(claims > 10, "{claims}");
    }

    #[test]
    fn narrowing_works_the_claims_out_again() {
        use crate::model::{Only, Source};
        let mut report = crate::compare(
            Source::new("l", include_str!("../../fixtures/ferry/island-courier.txt")),
            Source::new(
                "r",
                include_str!("../../fixtures/ferry/national-ledger.txt"),
            ),
        );
        report.narrow(&[Only::Diverge]);
        for side in Side::BOTH {
            assert_eq!(
                *report.single_source.get(side),
                every_pair_claims(&report, side)
            );
        }
    }
}
