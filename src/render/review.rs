//! The fact-check review: a Markdown checklist of what a person must verify before
//! publishing, most important first, each item pointing back into both sources by line
//! and column.
//!
//! Order: conflicts (numbers, dates, names, then quotations' wording and speakers), then
//! claims only one outlet makes (grouped by outlet; those with quotations, numbers or dates,
//! and names first), then what both outlets corroborate, summarised. Article text is
//! escaped so that it renders as the words it is, never as Markdown or HTML.

use std::io::{self, Write};

use unicode_segmentation::UnicodeSegmentation;

use super::text::write_hanging;
use super::{Layout, inert};
use crate::model::{
    Alignment, ConflictKind, Document, FactKind, Pair, Report, Side, Span, Verdict,
};

/// How many corroborated facts the summary names, one line each.
const CORROBORATED_SHOWN: usize = 10;
/// Longest excerpt of a sentence quoted in an item, in characters.
const EXCERPT_CHARS: usize = 240;

pub fn report(report: &Report, layout: Layout, out: &mut dyn Write) -> io::Result<()> {
    let docs = report.documents.as_ref();
    let lines = docs.map(|d| Lines::new(&d.text));
    let labels = docs.map(|d| escape(&d.label));
    let at = |side: Side, span: Span| {
        let doc = docs.get(side);
        let (line, column) = lines.get(side).position(&doc.text, span.start);
        let file = doc.path.as_deref().unwrap_or("standard input");
        format!("`{}:{line}:{column}`", code(file))
    };
    let conflicts = conflicts(report);
    let claims = Side::BOTH.map(|side| single_source(report, side));
    let corroborated: Vec<&Alignment> = report
        .alignments
        .iter()
        .filter(|a| a.verdict == Verdict::Agree && !a.related)
        .collect();

    writeln!(
        out,
        "# Fact-check review: {} and {}",
        labels.left, labels.right
    )?;
    writeln!(out)?;
    for side in Side::BOTH {
        let doc = docs.get(side);
        let path = doc.path.as_deref().unwrap_or("standard input");
        writeln!(out, "- {}: `{}`", labels.get(side), code(path))?;
    }
    if let Some(date) = layout.date {
        writeln!(out, "- compared on {date}")?;
    }
    writeln!(out)?;
    if let Some(warning) = report.same_event.as_ref().and_then(|s| s.warning()) {
        writeln!(out, "> **Warning:** {}", escape(&warning))?;
        writeln!(out)?;
    }
    writeln!(
        out,
        "**{}** conflicts to resolve, **{}** single-source claims to verify, **{}** facts corroborated.",
        conflicts.len(),
        claims[0].len() + claims[1].len(),
        corroborated.len()
    )?;

    writeln!(out)?;
    writeln!(out, "## Conflicts to resolve")?;
    writeln!(out)?;
    if conflicts.is_empty() {
        writeln!(
            out,
            "None: the outlets agree on every value they both state."
        )?;
    }
    for (kind, spans, alignment) in &conflicts {
        let value = |side: Side| {
            let doc = docs.get(side);
            let written = spans.get(side).of(&doc.text);
            format!(
                "{} ({}, {})",
                quoted(written.trim_matches(['"', '“', '”', '‘', '’', '\''])),
                labels.get(side),
                at(side, *spans.get(side))
            )
        };
        writeln!(
            out,
            "- [ ] **{}**: {} vs {}",
            kind.as_str(),
            value(Side::Left),
            value(Side::Right)
        )?;
        for side in Side::BOTH {
            let doc = docs.get(side);
            let text = sentences_text(doc, alignment.sentences.get(side));
            writeln!(out, "  - {}: {}", labels.get(side), quoted(&text))?;
        }
    }

    writeln!(out)?;
    writeln!(out, "## Single-source claims to verify")?;
    for side in Side::BOTH {
        let doc = docs.get(side);
        writeln!(out)?;
        writeln!(out, "### Only in {}", labels.get(side))?;
        writeln!(out)?;
        let list = &claims[if side == Side::Left { 0 } else { 1 }];
        if list.is_empty() {
            writeln!(out, "None.")?;
        }
        for claim in list {
            let what = if claim.what.is_empty() {
                String::new()
            } else {
                format!(" ({})", claim.what.join(", "))
            };
            writeln!(
                out,
                "- [ ] {}{what}, {}",
                quoted(claim.span.of(&doc.text)),
                at(side, claim.span)
            )?;
        }
    }

    writeln!(out)?;
    writeln!(out, "## Corroborated")?;
    writeln!(out)?;
    writeln!(
        out,
        "{} facts are told consistently by both outlets.",
        corroborated.len()
    )?;
    let mut key: Vec<&&Alignment> = corroborated
        .iter()
        .filter(|a| facts_in(docs.left, &a.sentences.left) > 0)
        .collect();
    key.sort_by_key(|a| std::cmp::Reverse(facts_in(docs.left, &a.sentences.left)));
    key.truncate(CORROBORATED_SHOWN);
    key.sort_by_key(|a| a.sentences.left[0]);
    if !key.is_empty() {
        writeln!(out, "Those with the most checkable values:")?;
        writeln!(out)?;
    }
    for a in key {
        let text = sentences_text(docs.left, &a.sentences.left);
        writeln!(
            out,
            "- {}, {}",
            quoted(&text),
            at(Side::Left, span_of(docs.left, &a.sentences.left))
        )?;
    }
    writeln!(out)?;
    writeln!(out, "---")?;
    writeln!(out)?;
    let paths = docs.map(|d| d.path.clone().unwrap_or_else(|| "-".to_string()));
    let default = [paths.left, paths.right, "--format".into(), "review".into()];
    let words = if layout.command.is_empty() {
        &default[..]
    } else {
        layout.command
    };
    let command = std::iter::once("factdiff".to_string())
        .chain(words.iter().map(|w| shell_quote(w)))
        .collect::<Vec<_>>()
        .join(" ");
    writeln!(out, "Regenerate with {}.", code_span(&command))?;
    Ok(())
}

/// A word as a POSIX shell reads it back unchanged: bare when it holds only characters no
/// shell treats specially, else in single quotes (a quote inside as `'\''`). A word with a
/// control character is written `$'...'` with escapes instead (bash, zsh, ksh, dash since
/// 0.5.12, POSIX.1-2024), so that nothing in it acts on a terminal or breaks the line.
fn shell_quote(word: &str) -> String {
    let bare = |c: char| c.is_ascii_alphanumeric() || "-_./,:=+@%".contains(c);
    if !word.is_empty() && word.chars().all(bare) {
        return word.to_string();
    }
    if !word.chars().any(super::needs_escape) {
        return format!("'{}'", word.replace('\'', "'\\''"));
    }
    let mut quoted = String::from("$'");
    for c in word.chars() {
        match c {
            '\\' | '\'' => {
                quoted.push('\\');
                quoted.push(c);
            }
            c if (c as u32) < 0x80 && super::needs_escape(c) => {
                quoted.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if super::needs_escape(c) => quoted.push_str(&format!("\\u{:04x}", c as u32)),
            c => quoted.push(c),
        }
    }
    quoted.push('\'');
    quoted
}

/// Text as a Markdown code span, whatever backticks it holds: fenced by one more backtick
/// than its longest run of them (CommonMark), and made inert.
fn code_span(text: &str) -> String {
    let text = inert(text);
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    if longest == 0 {
        return format!("`{text}`");
    }
    let fence = "`".repeat(longest + 1);
    format!("{fence} {text} {fence}")
}

/// How many conflicts the terminal summary spells out.
const SUMMARY_CONFLICTS: usize = 5;

/// A few lines for a terminal: the counts, then the most important conflicts.
pub fn summary(report: &Report, layout: Layout, out: &mut dyn Write) -> io::Result<()> {
    let width = layout.width.max(super::MIN_WIDTH);
    let docs = report.documents.as_ref();
    let lines = docs.map(|d| Lines::new(&d.text));
    let labels = docs.map(|d| inert(&d.label).into_owned());
    let conflicts = conflicts(report);
    let claims: usize = Side::BOTH
        .iter()
        .map(|&side| single_source(report, side).len())
        .sum();
    let line = format!(
        "{} vs {}: {} conflicts, {} single-source claims",
        labels.left,
        labels.right,
        conflicts.len(),
        claims
    );
    write_hanging(out, "", &line, width, 0)?;
    if let Some(warning) = report.same_event.as_ref().and_then(|s| s.warning()) {
        write_hanging(out, "", &format!("warning: {}", inert(&warning)), width, 0)?;
    }
    let counts = super::text::summary(report, &labels.left, &labels.right);
    write_hanging(out, "", &counts, width, 0)?;
    for (kind, spans, _) in conflicts.iter().take(SUMMARY_CONFLICTS) {
        let value = |side: Side| {
            let doc = docs.get(side);
            let (line, column) = lines.get(side).position(&doc.text, spans.get(side).start);
            let written = spans.get(side).of(&doc.text);
            let short: String = written.split_whitespace().collect::<Vec<_>>().join(" ");
            let short = if short.graphemes(true).count() > 60 {
                let cut: String = short.graphemes(true).take(60).collect();
                format!("{}…", cut.trim_end())
            } else {
                short
            };
            format!("{} ({}:{line}:{column})", inert(&short), labels.get(side))
        };
        let line = format!(
            "{}: {} vs {}",
            kind.as_str(),
            value(Side::Left),
            value(Side::Right)
        );
        write_hanging(out, "! ", &line, width, 2)?;
    }
    if conflicts.len() > SUMMARY_CONFLICTS {
        let more = format!(
            "… and {} more (--format review lists them all)",
            conflicts.len() - SUMMARY_CONFLICTS
        );
        write_hanging(out, "", &more, width, 0)?;
    }
    Ok(())
}

/// Every conflict of every alignment, most important kind first, then in reading order.
fn conflicts(report: &Report) -> Vec<(ConflictKind, Pair<Span>, &Alignment)> {
    let rank = |k: ConflictKind| match k {
        ConflictKind::Number => 0,
        ConflictKind::Date => 1,
        ConflictKind::Name => 2,
        ConflictKind::Negation => 3,
        ConflictKind::Speaker => 4,
        ConflictKind::Quote => 5,
    };
    let mut list: Vec<_> = report
        .alignments
        .iter()
        .flat_map(|a| a.conflicts.iter().map(move |c| (c.kind, c.spans, a)))
        .collect();
    list.sort_by_key(|(kind, spans, _)| (rank(*kind), spans.left.start));
    list
}

/// A claim only one outlet makes: a sentence the other lacks, or a fact or quotation of an
/// aligned sentence that the other side does not state.
struct Claim {
    span: Span,
    /// What makes it checkable: "quotation", "number 14", "name Ann Lee".
    what: Vec<String>,
    /// Lower is more checkable.
    rank: u8,
}

/// The claims only `side` makes, most checkable first. Each test is a look-up (the
/// quotations are in reading order, and each sentence knows the alignments that hold it),
/// so a long report against a short one costs no more than its sentences.
fn single_source(report: &Report, side: Side) -> Vec<Claim> {
    let doc = report.documents.get(side);
    let mut claims = Vec::new();
    let quote_starts: Vec<usize> = {
        let mut starts: Vec<usize> = doc.quotes.iter().map(|q| q.span.start).collect();
        starts.sort_unstable();
        starts
    };
    let quoted_in = |span: Span| {
        let first = quote_starts.partition_point(|&s| s < span.start);
        quote_starts.get(first).is_some_and(|&s| s < span.end)
    };
    for &i in report.only.get(side) {
        let span = doc.sentences[i].span;
        let mut what = Vec::new();
        if quoted_in(span) {
            what.push("quotation".to_string());
        }
        let facts = facts_of(doc, i);
        what.extend(facts.iter().map(|&k| describe(doc, k)));
        claims.push(Claim {
            span,
            rank: rank(quoted_in(span), facts.iter().map(|&k| doc.facts[k].kind())),
            what,
        });
    }
    // The alignments that hold each sentence of this side.
    let mut holding: Vec<Vec<&Alignment>> = vec![Vec::new(); doc.sentences.len()];
    for a in &report.alignments {
        for &s in a.sentences.get(side) {
            holding[s].push(a);
        }
    }
    // A fact is single-source when every alignment of its sentence finds it only on this
    // side: a sentence may stand in several, and one that pairs the fact corroborates it.
    let corroborated = |k: usize| {
        holding[doc.facts[k].sentence]
            .iter()
            .any(|a| !a.details.get(side).contains(&k))
    };
    for a in &report.alignments {
        for &k in a.details.get(side).iter().filter(|&&k| !corroborated(k)) {
            let fact = &doc.facts[k];
            claims.push(Claim {
                span: fact.span,
                what: vec![format!(
                    "{} in {}",
                    fact.kind().as_str(),
                    quoted(doc.sentence_text(fact.sentence))
                )],
                rank: rank(false, [fact.kind()].into_iter()),
            });
        }
    }
    // Which sentences only this side has (sentences are in reading order, apart).
    let mut only = vec![false; doc.sentences.len()];
    for &i in report.only.get(side) {
        only[i] = true;
    }
    for &q in report.only_quotes.get(side) {
        let quote = &doc.quotes[q];
        let i = doc
            .sentences
            .partition_point(|s| s.span.end <= quote.span.start);
        let sentence_only = doc
            .sentences
            .get(i)
            .is_some_and(|s| s.span.start <= quote.span.start && only[i]);
        if sentence_only {
            continue; // already listed with its sentence
        }
        let speaker = quote.speaker.as_deref().unwrap_or("an unnamed speaker");
        claims.push(Claim {
            span: quote.span,
            what: vec![format!("quotation of {}", escape(speaker))],
            rank: 0,
        });
    }
    claims.sort_by_key(|c| (c.rank, c.span.start));
    claims.dedup_by_key(|c| c.span);
    claims
}

/// Quotations first, then numbers and dates, then names, then the rest.
fn rank(quoted: bool, kinds: impl Iterator<Item = FactKind>) -> u8 {
    if quoted {
        return 0;
    }
    kinds
        .map(|k| match k {
            FactKind::Number | FactKind::Date => 1,
            FactKind::Name => 2,
        })
        .min()
        .unwrap_or(3)
}

fn facts_of(doc: &Document, sentence: usize) -> Vec<usize> {
    let start = doc.facts.partition_point(|f| f.sentence < sentence);
    let end = doc.facts.partition_point(|f| f.sentence <= sentence);
    (start..end).collect()
}

fn facts_in(doc: &Document, sentences: &[usize]) -> usize {
    sentences.iter().map(|&i| facts_of(doc, i).len()).sum()
}

fn describe(doc: &Document, k: usize) -> String {
    let f = &doc.facts[k];
    format!("{} {}", f.kind().as_str(), quoted(f.span.of(&doc.text)))
}

fn span_of(doc: &Document, sentences: &[usize]) -> Span {
    let first = doc.sentences[sentences[0]].span;
    let last = doc.sentences[sentences[sentences.len() - 1]].span;
    Span::new(first.start, last.end)
}

fn sentences_text(doc: &Document, sentences: &[usize]) -> String {
    sentences
        .iter()
        .map(|&i| doc.sentence_text(i))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Article text as a Markdown quotation: on one line, shortened, escaped, in quote marks.
fn quoted(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let short: String = if one_line.chars().count() > EXCERPT_CHARS {
        let cut: String = one_line.chars().take(EXCERPT_CHARS).collect();
        format!("{cut}…")
    } else {
        one_line
    };
    format!("“{}”", escape(&short))
}

/// Escapes text so Markdown shows it as written: every character that could open inline
/// Markdown or HTML gets a backslash (CommonMark allows one before any ASCII punctuation),
/// and control characters are made visible. Article text never starts a line, so block
/// syntax ("#", "-", "1.") cannot arise from it.
pub fn escape(text: &str) -> String {
    let visible = inert(text);
    let mut out = String::with_capacity(visible.len());
    for c in visible.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text inside a code span: only a backtick needs care, and paths rarely have one.
fn code(text: &str) -> String {
    inert(text).replace('`', "'")
}

/// Where each line of a text starts, for line and column numbers.
pub(super) struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub(super) fn new(text: &str) -> Lines {
        // A line ends at LF, CRLF or a lone CR, as in cleaning.
        let mut starts = vec![0];
        let mut end = 0;
        for line in crate::clean::split_lines(text) {
            end += line.len();
            if line.ends_with(['\n', '\r']) {
                starts.push(end);
            }
        }
        Lines { starts }
    }

    /// The line and column (both from 1) of a byte offset. Columns count characters, as
    /// editors do: a tab or a character of several bytes is one column; a byte-order mark
    /// is none.
    pub(super) fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let column = text[start..offset]
            .chars()
            .filter(|&c| c != '\u{feff}')
            .count();
        (line, column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let text = "\u{feff}Héllo\r\n\tthe «bridge»\r\nend";
        let lines = Lines::new(text);
        let at = |needle: &str| lines.position(text, text.find(needle).unwrap());
        assert_eq!(at("H"), (1, 1));
        assert_eq!(at("llo"), (1, 3));
        assert_eq!(at("the"), (2, 2));
        assert_eq!(at("bridge"), (2, 7));
        assert_eq!(at("end"), (3, 1));
    }

    #[test]
    fn shell_words_are_quoted_to_read_back_unchanged() {
        assert_eq!(shell_quote("reports/sky-news.txt"), "reports/sky-news.txt");
        assert_eq!(shell_quote("$(touch x).txt"), "'$(touch x).txt'");
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
        assert_eq!(shell_quote(""), "''");
        assert_eq!(shell_quote("a\nb\u{202e}'\\"), "$'a\\x0ab\\u202e\\'\\\\'");
        assert_eq!(code_span("a `b` c"), "`` a `b` c ``");
        assert_eq!(code_span("plain"), "`plain`");
    }

    #[test]
    fn a_lone_carriage_return_starts_a_line_and_crlf_is_one_break() {
        let text = "One.\rTwo.\r\nThree.\n\rFour\r\rFive";
        let lines = Lines::new(text);
        let at = |needle: &str| lines.position(text, text.find(needle).unwrap());
        assert_eq!(at("One"), (1, 1));
        assert_eq!(at("Two"), (2, 1));
        assert_eq!(at("Three"), (3, 1));
        assert_eq!(at("Four"), (5, 1));
        assert_eq!(at("Five"), (7, 1));
        assert_eq!(lines.position(text, text.find("wo").unwrap()), (2, 2));
    }

    #[test]
    fn markdown_syntax_in_article_text_is_escaped() {
        assert_eq!(escape("*a* [b](c) <i>"), "\\*a\\* \\[b\\](c) \\<i\\>");
        assert_eq!(escape("x\u{1b}[2J"), "x\\\\x1b\\[2J");
    }

    /// The claims as first worked out: every quotation, alignment and sentence looked at
    /// for each sentence, fact and quotation.
    fn every_pair_claims(report: &Report, side: Side) -> Vec<(Span, u8, Vec<String>)> {
        let doc = report.documents.get(side);
        let mut claims = Vec::new();
        let quoted_in = |span: Span| {
            doc.quotes
                .iter()
                .any(|q| span.start <= q.span.start && q.span.start < span.end)
        };
        for &i in report.only.get(side) {
            let span = doc.sentences[i].span;
            let facts = facts_of(doc, i);
            let mut what = Vec::new();
            if quoted_in(span) {
                what.push("quotation".to_string());
            }
            what.extend(facts.iter().map(|&k| describe(doc, k)));
            let kinds = facts.iter().map(|&k| doc.facts[k].kind());
            claims.push((span, rank(quoted_in(span), kinds), what));
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
                let what = format!(
                    "{} in {}",
                    fact.kind().as_str(),
                    quoted(doc.sentence_text(fact.sentence))
                );
                claims.push((
                    fact.span,
                    rank(false, [fact.kind()].into_iter()),
                    vec![what],
                ));
            }
        }
        for &q in report.only_quotes.get(side) {
            let quote = &doc.quotes[q];
            let sentence_only = report.only.get(side).iter().any(|&i| {
                doc.sentences[i].span.start <= quote.span.start
                    && quote.span.start < doc.sentences[i].span.end
            });
            if !sentence_only {
                let speaker = quote.speaker.as_deref().unwrap_or("an unnamed speaker");
                claims.push((
                    quote.span,
                    0,
                    vec![format!("quotation of {}", escape(speaker))],
                ));
            }
        }
        claims.sort_by_key(|c| (c.1, c.0.start));
        claims.dedup_by_key(|c| c.0);
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
                let found: Vec<_> = single_source(&report, side)
                    .into_iter()
                    .map(|c| (c.span, c.rank, c.what))
                    .collect();
                assert_eq!(found, every_pair_claims(&report, side));
                claims += found.len();
            }
        }
        assert!(claims > 10, "{claims}");
    }
}
