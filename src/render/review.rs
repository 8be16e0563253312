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
use crate::compare::claims;
use crate::model::{
    Alignment, Claim, ConflictKind, Document, FactKind, Pair, Quote, Report, Side, Span, Verdict,
};

/// How many corroborated facts the summary names, one line each.
const CORROBORATED_SHOWN: usize = 10;
/// Longest excerpt of a sentence quoted in an item, in characters.
const EXCERPT_CHARS: usize = 240;
/// Longest excerpt of a quotation's words named beside its sentence, in characters.
const QUOTE_WORDS_CHARS: usize = 60;

pub fn report(report: &Report, layout: Layout, out: &mut dyn Write) -> io::Result<()> {
    let review = Review::new(report);
    let conflicts = conflicts(report);
    let corroborated = corroborated(report);
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
            lines: docs.map(|d| Lines::new(d.input())),
            labels: docs.map(|d| escape(&d.label)),
        }
    }

    /// Where an offset of one side stands: `` `file:line:column` ``.
    fn at(&self, side: Side, span: Span) -> String {
        let doc = self.docs.get(side);
        let (line, column) = self
            .lines
            .get(side)
            .position(doc.input(), doc.input_offset(span.start));
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
        let claims = self.report.single_source.as_ref().map(Vec::len);
        writeln!(
            out,
            "**{}** conflicts to resolve, **{}** single-source claims to verify ({} only in {}, {} only in {}), **{}** facts corroborated.",
            conflicts,
            claims.left + claims.right,
            claims.left,
            self.labels.left,
            claims.right,
            self.labels.right,
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
                    quoted(unmarked(written)),
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
                writeln!(
                    out,
                    "- [ ] {}{}, {}",
                    quoted(claim.span.of(&doc.text)),
                    what(doc, claim),
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
        let related = self.report.counts().related;
        if related > 0 {
            writeln!(
                out,
                "{} (about the event, each telling facts of its own) {} not listed.",
                related_pairs(related),
                if related == 1 { "is" } else { "are" }
            )?;
        }
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

/// What makes a claim checkable, in parentheses: " (quotation of Ruth Adeyemi, number
/// “14”)" for a sentence only one outlet tells; " (only here: quotation “proud” of Ruth
/// Adeyemi)" for what one outlet alone adds to a sentence both tell. A quotation's words
/// are given unless they are all the sentence says.
fn what(doc: &Document, claim: &Claim) -> String {
    let quotations = claim.quotes.iter().map(|&q| {
        let quote = &doc.quotes[q];
        let outside = |s: &str| s.chars().any(char::is_alphanumeric);
        let words = !claim.whole
            && (outside(&doc.text[claim.span.start..quote.span.start])
                || outside(&doc.text[quote.span.end..claim.span.end]));
        quotation(doc, quote, words)
    });
    let values = claims::values(doc, &claim.facts).into_iter();
    let values = values.map(|(kind, span)| describe(kind, span.of(&doc.text)));
    let list: Vec<String> = quotations.chain(values).collect();
    match (list.is_empty(), claim.whole) {
        (true, _) => String::new(),
        (false, true) => format!(" ({})", list.join(", ")),
        (false, false) => format!(" (only here: {})", list.join(", ")),
    }
}

/// A quotation by its speaker: "quotation of Ruth Adeyemi"; a guess said to be one and
/// the words it rests on ("quotation of Ruth Adeyemi, speaker guessed from context; the
/// text says only “the engineer”"); "quotation, speaker unknown" when there is none.
fn quotation(doc: &Document, quote: &Quote, words: bool) -> String {
    let shown = |s: &str| escape(s);
    let kind = if words {
        let text = unmarked(quote.span.of(&doc.text));
        format!("quotation {}", quoted_within(text, QUOTE_WORDS_CHARS))
    } else {
        "quotation".to_string()
    };
    let who = match Speaker::of(quote) {
        Speaker::Unknown => format!("{kind}, {}", speaker::UNKNOWN),
        _ => format!("{kind} of {}", speaker::phrase(quote, shown)),
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
    let lines = docs.map(|d| Lines::new(d.input()));
    let labels = docs.map(|d| inert(&d.label).into_owned());
    let conflicts = conflicts(report);
    let claims = report.single_source.as_ref().map(Vec::len);
    let line = format!(
        "{} vs {}: {} conflicts, {} single-source claims ({} only in {}, {} only in {})",
        labels.left,
        labels.right,
        conflicts.len(),
        claims.left + claims.right,
        claims.left,
        labels.left,
        claims.right,
        labels.right,
    );
    write_hanging(out, "", &line, width, 0)?;
    if let Some(warning) = report.same_event.as_ref().and_then(|s| s.warning()) {
        write_hanging(out, "", &format!("warning: {}", inert(&warning)), width, 0)?;
    }
    write_hanging(out, "", &agreement(report), width, 0)?;
    for (kind, spans, _) in conflicts.iter().take(SUMMARY_CONFLICTS) {
        let value = |side: Side| {
            let doc = docs.get(side);
            let (line, column) = lines
                .get(side)
                .position(doc.input(), doc.input_offset(spans.get(side).start));
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

/// The facts both outlets tell, counted as the review lists them, and the related pairs
/// it leaves out: "6 facts corroborated (2 the same, 4 with added detail); 23 related
/// pairs of sentences not listed".
fn agreement(report: &Report) -> String {
    let corroborated = corroborated(report);
    let same = corroborated.iter().filter(|a| a.is_equivalent()).count();
    let mut line = format!(
        "{} facts corroborated ({same} the same, {} with added detail)",
        corroborated.len(),
        corroborated.len() - same
    );
    let related = report.counts().related;
    if related > 0 {
        line.push_str(&format!("; {} not listed", related_pairs(related)));
    }
    line
}

/// "1 related pair of sentences", "23 related pairs of sentences".
fn related_pairs(n: usize) -> String {
    let pairs = if n == 1 { "pair" } else { "pairs" };
    format!("{n} related {pairs} of sentences")
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

fn describe(kind: FactKind, written: &str) -> String {
    format!("{} {}", kind.as_str(), quoted(written))
}

/// The facts both outlets tell consistently, each once: the agreeing alignments that are
/// not only related, but for one whose left sentences an earlier one already shows (the
/// right outlet telling that fact twice).
fn corroborated(report: &Report) -> Vec<&Alignment> {
    let mut shown = vec![false; report.documents.left.sentences.len()];
    let mut list = Vec::new();
    for a in &report.alignments {
        if a.verdict != Verdict::Agree || a.related {
            continue;
        }
        if a.sentences.left.iter().all(|&i| shown[i]) {
            continue;
        }
        for &i in &a.sentences.left {
            shown[i] = true;
        }
        list.push(a);
    }
    list
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

/// Quotation marks, straight or curly, double or single, and guillemets.
const QUOTE_MARKS: [char; 10] = ['"', '“', '”', '„', '‘', '’', '‚', '\'', '«', '»'];

/// A quotation's words without its own marks.
fn unmarked(text: &str) -> &str {
    text.trim().trim_matches(QUOTE_MARKS).trim()
}

/// Article text as a Markdown quotation: on one line, shortened, escaped, in quote marks;
/// but text that opens or closes with its own quotation mark is shown as it is, never
/// wrapped in a second pair.
fn quoted(text: &str) -> String {
    quoted_within(text, EXCERPT_CHARS)
}

/// [`quoted`], shortened to `chars` characters.
fn quoted_within(text: &str, chars: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let marked = one_line.starts_with(QUOTE_MARKS) || one_line.ends_with(QUOTE_MARKS);
    let short: String = if one_line.chars().count() > chars {
        let cut: String = one_line.chars().take(chars).collect();
        format!("{}…", cut.trim_end())
    } else {
        one_line
    };
    if marked {
        escape(&short)
    } else {
        format!("“{}”", escape(&short))
    }
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
        let said: Vec<String> = (doc.quotes.iter())
            .map(|q| quotation(&doc, q, false))
            .collect();
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

    fn layout() -> Layout<'static> {
        Layout {
            width: 100,
            color: false,
            date: None,
            explain: false,
            command: &[],
            related: false,
            only: &[],
        }
    }

    fn review_of(left: &str, right: &str) -> (crate::model::Report, String) {
        use crate::model::Source;
        let report = crate::compare(Source::new("l", left), Source::new("r", right));
        let mut out = Vec::new();
        super::report(&report, layout(), &mut out).unwrap();
        (report, String::from_utf8(out).unwrap())
    }

    #[test]
    fn a_quotation_with_its_own_marks_gets_no_second_pair() {
        assert_eq!(quoted("\"proud\""), "\"proud\"");
        assert_eq!(quoted("“We held,” she said."), "“We held,” she said.");
        assert_eq!(quoted("She said: \"We held.\""), "She said: \"We held.\"");
        assert_eq!(quoted("The gates held."), "“The gates held.”");
        assert_eq!(unmarked(" \"proud\" "), "proud");
        let (_, review) = review_of(
            "The mayor opened the weir. Crews cleared the silt.",
            "The mayor opened the weir and said she was \"proud\" of it. Crews cleared the silt.",
        );
        assert!(review.contains("quotation “proud”"), "{review}");
        for doubled in ["“\"", "\"”", "““", "””"] {
            assert!(!review.contains(doubled), "{doubled} in {review}");
        }
    }

    #[test]
    fn the_counts_are_the_items_listed() {
        let (report, review) = review_of(
            "The ferry left Portmore at noon with 300 people. It docked at six. \
             Ann Lee, the captain, praised the crew.",
            "The ferry left Portmore at noon with 300 people, 12 of them crew. \
             It docked at six, an hour late. The harbour master, Tom Reyes, met it.",
        );
        let claims = report.single_source.as_ref().map(Vec::len);
        let head = format!(
            "**{}** single-source claims to verify ({} only in l, {} only in r)",
            claims.left + claims.right,
            claims.left,
            claims.right
        );
        assert!(review.contains(&head), "{review}");
        let items = |from: &str, to: &str| {
            let part = &review[review.find(from).unwrap()..review.find(to).unwrap()];
            part.lines().filter(|l| l.starts_with("- [ ]")).count()
        };
        assert_eq!(items("### Only in l", "### Only in r"), claims.left);
        assert_eq!(items("### Only in r", "## Corroborated"), claims.right);
        assert!(claims.left > 0 && claims.right > 0, "{review}");
        let mut out = Vec::new();
        super::summary(&report, layout(), &mut out).unwrap();
        let summary = String::from_utf8(out).unwrap();
        let counted = format!(
            "{} single-source claims ({} only in l, {} only in r)",
            claims.left + claims.right,
            claims.left,
            claims.right
        );
        assert!(summary.contains(&counted), "{summary}");
    }

    #[test]
    fn corroborated_facts_are_each_listed_once_and_related_pairs_not_at_all() {
        let (mut report, _) = review_of(
            "The ferry left Portmore at noon with 300 people. It docked at six.",
            "The ferry left Portmore at noon with 300 people. It docked at six.",
        );
        let first = report.alignments[0].clone();
        let shown = corroborated(&report).len();
        // The right outlet tells the first fact twice: still one fact corroborated.
        let mut twice = first.clone();
        twice.sentences.right = vec![1];
        report.alignments.insert(1, twice);
        assert_eq!(corroborated(&report).len(), shown);
        // A related pair is no corroborated fact.
        report.alignments[0].related = true;
        report.alignments[1].related = true;
        assert_eq!(corroborated(&report).len(), shown - 1);
        assert!(agreement(&report).ends_with("; 2 related pairs of sentences not listed"));
    }
}
