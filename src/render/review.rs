//! The fact-check review: a Markdown checklist of what a person must verify before
//! publishing, most important first, each item pointing back into both sources by line
//! and column.
//!
//! Order: conflicts (numbers, dates, names, then quotations' wording and speakers), then
//! claims only one outlet makes (grouped by outlet; those with quotations, numbers or dates,
//! and names first), then what both outlets corroborate, summarised. Article text is
//! escaped so that it renders as the words it is, never as Markdown or HTML.
//!
//! The claims come worked out with the report ([`Report::single_source`]); the review and
//! the terminal summary only word them.

use std::io::{self, Write};

use unicode_segmentation::UnicodeSegmentation;

use super::layout::Layout;
use super::speaker::{self, Speaker};
use super::terminal::inert;
use super::text::write_hanging;
use crate::model::{
    Alignment, ClaimKind, ConflictKind, Document, Pair, Quote, Report, Side, Span, Verdict,
};

/// How many corroborated facts the summary names, one line each.
const CORROBORATED_SHOWN: usize = 10;
/// Longest excerpt of a sentence quoted in an item, in characters.
const EXCERPT_CHARS: usize = 240;

pub fn report(report: &Report, layout: Layout, out: &mut dyn Write) -> io::Result<()> {
    let review = Review::new(report);
    let conflicts = conflicts(report);
    let corroborated: Vec<&Alignment> = report
        .alignments
        .iter()
        .filter(|a| a.verdict == Verdict::Agree && !a.related)
        .collect();
    review.write_head(out, layout, conflicts.len(), corroborated.len())?;
    review.write_conflicts(out, &conflicts)?;
    review.write_claims(out)?;
    review.write_corroborated(out, &corroborated)?;
    write_regenerate(out, report, layout)
}

/// What every part of the review needs: the report, its labels, and where its lines start.
struct Review<'a> {
    report: &'a Report,
    docs: Pair<&'a Document>,
    lines: Pair<Lines>,
    labels: Pair<String>,
}

impl<'a> Review<'a> {
    fn new(report: &'a Report) -> Review<'a> {
        let docs = report.documents.as_ref();
        Review {
            report,
            docs,
            lines: docs.map(|d| Lines::new(&d.text)),
            labels: docs.map(|d| escape(&d.label)),
        }
    }

    /// Where an offset of one side stands: `` `file:line:column` ``.
    fn at(&self, side: Side, span: Span) -> String {
        let doc = self.docs.get(side);
        let (line, column) = self.lines.get(side).position(&doc.text, span.start);
        let file = doc.path.as_deref().unwrap_or("standard input");
        format!("`{}:{line}:{column}`", code(file))
    }

    /// The title, the sources, the date, any warning, and the counts.
    fn write_head(
        &self,
        out: &mut dyn Write,
        layout: Layout,
        conflicts: usize,
        corroborated: usize,
    ) -> io::Result<()> {
        let labels = &self.labels;
        writeln!(
            out,
            "# Fact-check review: {} and {}",
            labels.left, labels.right
        )?;
        writeln!(out)?;
        for side in Side::BOTH {
            let doc = self.docs.get(side);
            let path = doc.path.as_deref().unwrap_or("standard input");
            writeln!(out, "- {}: `{}`", labels.get(side), code(path))?;
        }
        if let Some(date) = layout.date {
            writeln!(out, "- compared on {date}")?;
        }
        writeln!(out)?;
        if let Some(warning) = self.report.same_event.as_ref().and_then(|s| s.warning()) {
            writeln!(out, "> **Warning:** {}", escape(&warning))?;
            writeln!(out)?;
        }
        let claims = &self.report.single_source;
        writeln!(
            out,
            "**{}** conflicts to resolve, **{}** single-source claims to verify, **{}** facts corroborated.",
            conflicts,
            claims.left.len() + claims.right.len(),
            corroborated
        )
    }

    fn write_conflicts(
        &self,
        out: &mut dyn Write,
        conflicts: &[(ConflictKind, Pair<Span>, &Alignment)],
    ) -> io::Result<()> {
        writeln!(out)?;
        writeln!(out, "## Conflicts to resolve")?;
        writeln!(out)?;
        if conflicts.is_empty() {
            writeln!(
                out,
                "None: the outlets agree on every value they both state."
            )?;
        }
        for (kind, spans, alignment) in conflicts {
            let value = |side: Side| {
                let doc = self.docs.get(side);
                let written = spans.get(side).of(&doc.text);
                format!(
                    "{} ({}, {})",
                    quoted(written.trim_matches(['"', '“', '”', '‘', '’', '\''])),
                    self.labels.get(side),
                    self.at(side, *spans.get(side))
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
                let doc = self.docs.get(side);
                let text = sentences_text(doc, alignment.sentences.get(side));
                writeln!(out, "  - {}: {}", self.labels.get(side), quoted(&text))?;
            }
        }
        Ok(())
    }

    fn write_claims(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out)?;
        writeln!(out, "## Single-source claims to verify")?;
        for side in Side::BOTH {
            let doc = self.docs.get(side);
            writeln!(out)?;
            writeln!(out, "### Only in {}", self.labels.get(side))?;
            writeln!(out)?;
            let list = self.report.single_source.get(side);
            if list.is_empty() {
                writeln!(out, "None.")?;
            }
            for claim in list {
                let what = what(doc, &claim.kind);
                let what = if what.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", what.join(", "))
                };
                writeln!(
                    out,
                    "- [ ] {}{what}, {}",
                    quoted(claim.span.of(&doc.text)),
                    self.at(side, claim.span)
                )?;
            }
        }
        Ok(())
    }

    fn write_corroborated(
        &self,
        out: &mut dyn Write,
        corroborated: &[&Alignment],
    ) -> io::Result<()> {
        let left = self.docs.left;
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
            .filter(|a| facts_in(left, &a.sentences.left) > 0)
            .collect();
        key.sort_by_key(|a| std::cmp::Reverse(facts_in(left, &a.sentences.left)));
        key.truncate(CORROBORATED_SHOWN);
        key.sort_by_key(|a| a.sentences.left[0]);
        if !key.is_empty() {
            writeln!(out, "Those with the most checkable values:")?;
            writeln!(out)?;
        }
        for a in key {
            let text = sentences_text(left, &a.sentences.left);
            writeln!(
                out,
                "- {}, {}",
                quoted(&text),
                self.at(Side::Left, span_of(left, &a.sentences.left))
            )?;
        }
        Ok(())
    }
}

/// What makes a claim checkable: "quotation", "number “14”", "name in “...”".
fn what(doc: &Document, kind: &ClaimKind) -> Vec<String> {
    match kind {
        ClaimKind::Sentence {
            sentence,
            quoted,
            facts,
        } => {
            let span = doc.sentences[*sentence].span;
            let quotations = quoted
                .then(|| {
                    doc.quotes
                        .iter()
                        .filter(|q| span.start <= q.span.start && q.span.start < span.end)
                        .map(|q| quotation(doc, q))
                })
                .into_iter()
                .flatten();
            quotations
                .chain(facts.clone().map(|k| describe(doc, k)))
                .collect()
        }
        &ClaimKind::Fact(k) => {
            let fact = &doc.facts[k];
            vec![format!(
                "{} in {}",
                fact.kind().as_str(),
                quoted(doc.sentence_text(fact.sentence))
            )]
        }
        &ClaimKind::Quote(q) => vec![quotation(doc, &doc.quotes[q])],
    }
}

/// A quotation by its speaker: "quotation of Ruth Adeyemi"; a guess said to be one and
/// the words it rests on ("quotation of Ruth Adeyemi, speaker guessed from context; the
/// text says only “the engineer”"); "quotation, speaker unknown" when there is none.
fn quotation(doc: &Document, quote: &Quote) -> String {
    let shown = |s: &str| escape(s);
    let who = match Speaker::of(quote) {
        Speaker::Unknown => format!("quotation, {}", speaker::UNKNOWN),
        _ => format!("quotation of {}", speaker::phrase(quote, shown)),
    };
    match speaker::written(quote, &doc.text, shown) {
        Some(written) => format!("{who}; {written}"),
        None => who,
    }
}

/// The last line: the command that makes this review again.
fn write_regenerate(out: &mut dyn Write, report: &Report, layout: Layout) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "---")?;
    writeln!(out)?;
    let docs = report.documents.as_ref();
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
    if !word.chars().any(super::terminal::needs_escape) {
        return format!("'{}'", word.replace('\'', "'\\''"));
    }
    let mut quoted = String::from("$'");
    for c in word.chars() {
        match c {
            '\\' | '\'' => {
                quoted.push('\\');
                quoted.push(c);
            }
            c if (c as u32) < 0x80 && super::terminal::needs_escape(c) => {
                quoted.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if super::terminal::needs_escape(c) => {
                quoted.push_str(&format!("\\u{:04x}", c as u32))
            }
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
    let width = layout.width.max(super::layout::MIN_WIDTH);
    let docs = report.documents.as_ref();
    let lines = docs.map(|d| Lines::new(&d.text));
    let labels = docs.map(|d| inert(&d.label).into_owned());
    let conflicts = conflicts(report);
    let claims = report.single_source.left.len() + report.single_source.right.len();
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
    fn a_quotation_names_its_speaker_and_says_when_it_is_a_guess() {
        let doc = crate::inspect(crate::model::Source::new(
            "a",
            "Mayor Ellen Okafor opened the weir.\n\
             \"The gates held,\" the engineer said.\n\
             \"It cost less than we feared,\" said Ms Okafor.\n\
             Crews cleared the silt.\n\
             \"Every one of the crews stayed at their post.\"\n",
        ));
        let said: Vec<String> = doc.quotes.iter().map(|q| quotation(&doc, q)).collect();
        assert_eq!(
            said,
            [
                "quotation of Ellen Okafor, speaker guessed from context; \
                 the text says only “the engineer”",
                "quotation of Ellen Okafor",
                "quotation, speaker unknown",
            ]
        );
    }

    #[test]
    fn markdown_syntax_in_article_text_is_escaped() {
        assert_eq!(escape("*a* [b](c) <i>"), "\\*a\\* \\[b\\](c) \\<i\\>");
        assert_eq!(escape("x\u{1b}[2J"), "x\\\\x1b\\[2J");
    }
}
