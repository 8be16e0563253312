//! The side-by-side terminal printer: aligned sentences on one row, each side word-wrapped
//! to its column by display width, differences in colour or, without colour, in brackets.

use std::borrow::Cow;
use std::io::{self, Write};

use owo_colors::OwoColorize;
use rayon::prelude::*;
use unicode_width::UnicodeWidthStr;

use super::layout::Layout;
use super::rows::{Row, rows};
use super::speaker;
use super::terminal::inert;
use super::wrap::{Chunk, Line, plain_width, wrap, write_wrapped};
// The review wraps its summary as the text view does.
pub(super) use super::wrap::write_hanging;
use rustc_hash::FxHashMap;

use crate::model::{
    Alignment, Counts, Document, Mark, Marked, Only, Pair, Quote, Report, Side, Verdict,
};

/// Marker column, then the separator between the two columns.
const MARKER_WIDTH: usize = 2;
const SEPARATOR: &str = " │ ";
const SEPARATOR_WIDTH: usize = 3;

pub fn report(report: &Report, layout: Layout, out: &mut dyn Write) -> io::Result<()> {
    let usable = layout.width.max(super::layout::MIN_WIDTH) - MARKER_WIDTH - SEPARATOR_WIDTH;
    let widths = (usable / 2, usable - usable / 2);
    let width = layout.width.max(super::layout::MIN_WIDTH);
    let labels = report
        .documents
        .as_ref()
        .map(|d| inert(&d.label).into_owned());
    write_header(out, report, widths, layout)?;
    // Rows only related to each other are folded unless asked for: each side tells facts
    // of its own, and one sentence is often related to many.
    let rows: Vec<Row> = rows(report, Side::Left)
        .into_iter()
        .filter(|row| layout.related || !matches!(row, Row::Aligned(a) if a.is_only_related()))
        .collect();
    let rows = printed(rows);
    let short = shortened(&rows);
    // Rows are laid out side by side on as many threads as there are, a block at a time,
    // and written in order.
    for (b, block) in rows.chunks(ROWS_AT_ONCE).enumerate() {
        let printed: Vec<Vec<u8>> = block
            .par_iter()
            .enumerate()
            .map(|(k, row)| {
                let mut buf = Vec::new();
                let n = b * ROWS_AT_ONCE + k;
                let place = Place {
                    first: n == 0,
                    short: &short[n],
                };
                write_one_row(&mut buf, report, row, place, &labels, widths, layout)
                    .expect("a Vec never fails");
                buf
            })
            .collect();
        for buf in printed {
            out.write_all(&buf)?;
        }
    }
    let quoted = write_quotes(out, report, &labels, width)?;
    if rows.is_empty() && !quoted {
        write_wrapped(out, &nothing(report, layout, &labels), width, 0)?;
    }
    writeln!(out, "{}", "─".repeat(width))?;
    write_wrapped(out, &summary(report, &labels.left, &labels.right), width, 0)?;
    if !layout.related && report.counts().related > 0 {
        write_wrapped(out, &folded(report, &labels), width, 0)?;
    }
    for line in legend(layout.color, layout.related).lines() {
        write_wrapped(out, line, width, 0)?;
    }
    Ok(())
}

/// What the view leaves out when it folds the related rows: how many, and how many
/// sentences of each side only they hold.
fn folded(report: &Report, labels: &Pair<String>) -> String {
    let related = report.counts().related;
    let pairs = if related == 1 { "pair" } else { "pairs" };
    let hidden = Side::BOTH.map(|side| {
        let mut shown = vec![false; report.documents.get(side).sentences.len()];
        let mut related = shown.clone();
        for a in &report.alignments {
            let marks = if a.is_only_related() {
                &mut related
            } else {
                &mut shown
            };
            for &i in a.sentences.get(side) {
                marks[i] = true;
            }
        }
        (0..shown.len())
            .filter(|&i| related[i] && !shown[i])
            .count()
    });
    let sentences = |n: usize| if n == 1 { "sentence" } else { "sentences" };
    let holding = match hidden {
        [0, 0] => String::new(),
        [n, 0] | [0, n] => {
            let side = if hidden[0] > 0 {
                Side::Left
            } else {
                Side::Right
            };
            format!(
                ", with {n} {} of {} shown nowhere else",
                sentences(n),
                labels.get(side)
            )
        }
        [left, right] => format!(
            ", with {left} {} of {} and {right} of {} shown nowhere else",
            sentences(left),
            labels.left,
            labels.right
        ),
    };
    format!("{related} related {pairs} folded; --related shows them{holding}")
}

/// The labels over the columns, a rule, and the warning that the reports may tell two
/// incidents (with its evidence if asked).
fn write_header(
    out: &mut dyn Write,
    report: &Report,
    widths: (usize, usize),
    layout: Layout,
) -> io::Result<()> {
    let width = layout.width.max(super::layout::MIN_WIDTH);
    // Over each column, the report's label and the day it says it was published.
    let titles = report.documents.as_ref().map(|d| match d.published {
        Some(day) => format!("{} · {day}", inert(&d.label)),
        None => inert(&d.label).into_owned(),
    });
    let header = (
        vec![heading(&titles.left, widths.0, layout)],
        vec![heading(&titles.right, widths.1, layout)],
    );
    write_row(out, "  ", &header, widths)?;
    writeln!(out, "{}", "─".repeat(width))?;
    if let Some(same) = &report.same_event {
        // A warning may name people of the reports: their text is kept inert.
        if let Some(warning) = same.warning() {
            write_wrapped(out, &format!("warning: {}", inert(&warning)), width, 0)?;
        }
        if layout.explain {
            write_wrapped(out, &inert(&same.explanation()), width, 4)?;
        }
    }
    Ok(())
}

/// What an empty view says instead of an empty frame: what there is none of.
fn nothing(report: &Report, layout: Layout, labels: &Pair<String>) -> String {
    let kinds: Vec<String> = layout
        .only
        .iter()
        .map(|kind| match kind {
            Only::Diverge => "diverging facts or quotations".to_string(),
            Only::OnlyLeft => format!("sentences or quotations only in {}", labels.left),
            Only::OnlyRight => format!("sentences or quotations only in {}", labels.right),
            Only::Quotes => "quotations".to_string(),
        })
        .collect();
    let none = if kinds.is_empty() {
        "No fact told by both reports or by only one".to_string()
    } else {
        format!("No {}", kinds.join(", and no "))
    };
    let folded = if layout.related || report.counts().related == 0 {
        ""
    } else {
        " besides related pairs (folded)"
    };
    format!("{none}{folded}.")
}

/// How many rows are laid out before they are written.
const ROWS_AT_ONCE: usize = 4096;

/// A row as the terminal prints it: a row of the comparison, or a run of only-related
/// rows with the same left sentences, printed once beside each right sentence in turn (a
/// headline is often related to several sentences of the other opening).
enum Printed<'a> {
    Row(Row<'a>),
    Related(Vec<&'a Alignment>),
}

fn printed(rows: Vec<Row<'_>>) -> Vec<Printed<'_>> {
    let mut out: Vec<Printed> = Vec::with_capacity(rows.len());
    for row in rows {
        match row {
            Row::Aligned(a) if a.is_only_related() => {
                if let Some(Printed::Related(run)) = out.last_mut()
                    && run[0].sentences.left == a.sentences.left
                {
                    run.push(a);
                } else {
                    out.push(Printed::Related(vec![a]));
                }
            }
            row => out.push(Printed::Row(row)),
        }
    }
    out
}

/// How many times a sentence is printed in full; after that a row names it by its opening
/// words (one right sentence can be related to, or restate, many left ones).
const IN_FULL: usize = 2;

/// For each row, the sentences of each side printed in full [`IN_FULL`] times in the rows
/// before it (or earlier in the row), to be named by their opening words only; never in a
/// row that diverges.
fn shortened(rows: &[Printed]) -> Vec<Pair<Vec<usize>>> {
    let mut printed: Pair<FxHashMap<usize, usize>> = Pair::default();
    let mut count = |side: Side, sentences: &[usize], short: &mut Pair<Vec<usize>>| {
        for &i in sentences {
            let n = printed.get_mut(side).entry(i).or_default();
            *n += 1;
            if *n > IN_FULL {
                short.get_mut(side).push(i);
            }
        }
    };
    rows.iter()
        .map(|row| {
            let mut short = Pair::default();
            match row {
                // A conflict is shown in full, its values marked, however often its
                // sentences were shown before.
                Printed::Row(Row::Aligned(a)) if a.verdict == Verdict::Diverge => {
                    for side in Side::BOTH {
                        count(side, a.sentences.get(side), &mut Pair::default());
                    }
                }
                Printed::Row(Row::Aligned(a)) => {
                    for side in Side::BOTH {
                        count(side, a.sentences.get(side), &mut short);
                    }
                }
                Printed::Row(Row::Only(side, i)) => count(*side, &[*i], &mut short),
                Printed::Related(run) => {
                    count(Side::Left, &run[0].sentences.left, &mut short);
                    for a in run {
                        count(Side::Right, &a.sentences.right, &mut short);
                    }
                }
            }
            short
        })
        .collect()
}

/// What starts each right sentence of a run of related rows.
const BULLET: &str = "• ";

/// Where a row stands in the view: whether it is the first, and which of its sentences
/// were printed in full twice before it (see [`shortened`]).
#[derive(Clone, Copy)]
struct Place<'a> {
    first: bool,
    short: &'a Pair<Vec<usize>>,
}

/// One row: a blank line before it unless it is the first, the two columns, then the
/// conflicts and details of an alignment (and its explanation if asked).
fn write_one_row(
    out: &mut dyn Write,
    report: &Report,
    row: &Printed,
    place: Place,
    labels: &Pair<String>,
    widths: (usize, usize),
    layout: Layout,
) -> io::Result<()> {
    let docs = &report.documents;
    if !place.first {
        write_row(out, "  ", &(Vec::new(), Vec::new()), widths)?;
    }
    let row = match row {
        Printed::Row(row) => row,
        Printed::Related(run) if run.len() == 1 => &Row::Aligned(run[0]),
        Printed::Related(run) => {
            return write_related(out, report, run, place.short, widths, layout);
        }
    };
    let look = |side: Side| Look {
        color: layout.color,
        short: place.short.get(side),
    };
    let cells = (
        cell(
            docs.get(Side::Left),
            row,
            Side::Left,
            widths.0,
            look(Side::Left),
        ),
        cell(
            docs.get(Side::Right),
            row,
            Side::Right,
            widths.1,
            look(Side::Right),
        ),
    );
    write_row(out, &marker(row, layout.color), &cells, widths)?;
    if let Row::Aligned(a) = row {
        let width = layout.width.max(super::layout::MIN_WIDTH);
        write_conflicts(out, report, a, labels, width)?;
        if layout.explain {
            write_wrapped(
                out,
                &super::rows::explanation(a, report.equivalence),
                width,
                4,
            )?;
        }
    }
    Ok(())
}

/// A run of only-related rows with one left side: the left sentences once, and each right
/// side after a bullet.
fn write_related(
    out: &mut dyn Write,
    report: &Report,
    run: &[&Alignment],
    short: &Pair<Vec<usize>>,
    widths: (usize, usize),
    layout: Layout,
) -> io::Result<()> {
    let docs = &report.documents;
    let first = Row::Aligned(run[0]);
    let look = |side: Side| Look {
        color: layout.color,
        short: short.get(side),
    };
    let left = cell(
        docs.get(Side::Left),
        &first,
        Side::Left,
        widths.0,
        look(Side::Left),
    );
    let indent = BULLET.width();
    let mut right = Vec::new();
    for &a in run {
        let lines = cell(
            docs.get(Side::Right),
            &Row::Aligned(a),
            Side::Right,
            widths.1 - indent,
            look(Side::Right),
        );
        for (k, line) in lines.into_iter().enumerate() {
            let lead = if k == 0 { BULLET } else { "  " };
            right.push(Line {
                text: format!("{lead}{}", line.text),
                width: indent + line.width,
            });
        }
    }
    write_row(out, &marker(&first, layout.color), &(left, right), widths)?;
    if layout.explain {
        let width = layout.width.max(super::layout::MIN_WIDTH);
        for &a in run {
            write_wrapped(
                out,
                &super::rows::explanation(a, report.equivalence),
                width,
                4,
            )?;
        }
    }
    Ok(())
}

/// The quotations: those both outlets carry, how they compare, then those only one has.
/// Whether there were any.
fn write_quotes(
    out: &mut dyn Write,
    report: &Report,
    labels: &Pair<String>,
    width: usize,
) -> io::Result<bool> {
    let docs = &report.documents;
    let quoted = |side: Side, i: usize| {
        let doc = docs.get(side);
        let q = &doc.quotes[i];
        let written = speaker::written(q, &doc.text, |s| inert(s).into_owned())
            .map(|w| format!("; {w}"))
            .unwrap_or_default();
        format!(
            "{} ({}{written})",
            inert(q.span.of(&doc.text)),
            speaker_name(q)
        )
    };
    if report.quote_matches.is_empty()
        && report.only_quotes.left.is_empty()
        && report.only_quotes.right.is_empty()
    {
        return Ok(false);
    }
    writeln!(out, "{}", "─".repeat(width))?;
    writeln!(out, "quotes")?;
    for m in &report.quote_matches {
        let quotes = Pair::new(
            &docs.left.quotes[m.quotes.left],
            &docs.right.quotes[m.quotes.right],
        );
        let speaker = match m.same_speaker {
            Some(false) => "DIFFERENT SPEAKERS",
            _ => speaker::of_match(m, quotes),
        };
        let marker = if m.diverges() { "!" } else { "=" };
        write_wrapped(
            out,
            &format!("{marker} {}, {speaker}", m.kind.as_str()),
            width,
            0,
        )?;
        write_wrapped(
            out,
            &format!("{}: {}", labels.left, quoted(Side::Left, m.quotes.left)),
            width,
            4,
        )?;
        write_wrapped(
            out,
            &format!("{}: {}", labels.right, quoted(Side::Right, m.quotes.right)),
            width,
            4,
        )?;
    }
    for side in Side::BOTH {
        for &i in report.only_quotes.get(side) {
            let marker = if side == Side::Left { "<" } else { ">" };
            write_wrapped(
                out,
                &format!("{marker} only in {}: {}", labels.get(side), quoted(side, i)),
                width,
                0,
            )?;
        }
    }
    Ok(true)
}

/// A quotation's speaker as printed: the name, the name and "speaker guessed from context",
/// or "speaker unknown".
pub(super) fn speaker_name(q: &Quote) -> String {
    speaker::phrase(q, |name| inert(name).into_owned())
}

fn marker(row: &Row, color: bool) -> String {
    let (symbol, paint): (&str, fn(&str) -> String) = match row {
        Row::Aligned(a) if a.verdict == Verdict::Diverge => ("!", |s| s.red().bold().to_string()),
        Row::Aligned(a) if a.is_equivalent() => ("=", |s| s.bold().to_string()),
        Row::Aligned(a) if a.related => ("?", |s| s.dimmed().to_string()),
        Row::Aligned(_) => ("~", |s| s.bold().to_string()),
        Row::Only(Side::Left, _) => ("<", |s| s.magenta().to_string()),
        Row::Only(Side::Right, _) => (">", |s| s.green().to_string()),
    };
    let symbol = if color {
        paint(symbol)
    } else {
        symbol.to_string()
    };
    format!("{symbol} ")
}

/// A label cut to its column.
fn heading(label: &str, column: usize, layout: Layout) -> Line {
    let (text, width) = super::terminal::fit_width(label, column);
    let text = text.into_owned();
    let text = if layout.color {
        text.bold().to_string()
    } else {
        text
    };
    Line { text, width }
}

fn write_row(
    out: &mut dyn Write,
    marker: &str,
    cells: &(Vec<Line>, Vec<Line>),
    widths: (usize, usize),
) -> io::Result<()> {
    let height = cells.0.len().max(cells.1.len()).max(1);
    // One buffer for the row's lines.
    let mut line = String::new();
    for k in 0..height {
        let lead = if k == 0 { marker } else { "  " };
        let left = cells.0.get(k);
        let pad = widths.0.saturating_sub(left.map_or(0, |l| l.width));
        let right = cells.1.get(k).map_or("", |l| l.text.as_str());
        line.clear();
        line.push_str(lead);
        line.push_str(left.map_or("", |l| l.text.as_str()));
        line.extend(std::iter::repeat_n(' ', pad));
        line.push_str(SEPARATOR);
        line.push_str(right);
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

fn write_conflicts(
    out: &mut dyn Write,
    report: &Report,
    a: &Alignment,
    labels: &Pair<String>,
    width: usize,
) -> io::Result<()> {
    if a.is_only_related() {
        // Each side tells facts of its own: listing them all as details says nothing more.
        return Ok(());
    }
    let texts = report.documents.as_ref().map(|d| d.text.as_str());
    for c in &a.conflicts {
        let line = format!(
            "{}: {} ({}) vs {} ({})",
            c.kind.as_str(),
            inert(c.spans.left.of(texts.left)),
            labels.left,
            inert(c.spans.right.of(texts.right)),
            labels.right,
        );
        write_wrapped(out, &line, width, 4)?;
    }
    for side in Side::BOTH {
        let doc = report.documents.get(side);
        let details: Vec<String> = a
            .details
            .get(side)
            .iter()
            .map(|&k| {
                let f = &doc.facts[k];
                format!("{} ({})", inert(f.span.of(&doc.text)), f.kind().as_str())
            })
            .collect();
        if !details.is_empty() {
            let line = format!("only {}: {}", labels.get(side), details.join(", "));
            write_wrapped(out, &line, width, 4)?;
        }
    }
    Ok(())
}

/// How a column is drawn: in colour or not, and which sentences only by their opening words.
#[derive(Clone, Copy)]
struct Look<'a> {
    color: bool,
    short: &'a [usize],
}

/// The column of one side of a row, wrapped to `width`.
fn cell(doc: &Document, row: &Row, side: Side, width: usize, look: Look) -> Vec<Line> {
    let (sentences, words): (&[usize], &[Marked]) = match row {
        Row::Aligned(a) if a.is_only_related() => (a.sentences.get(side), &[]),
        Row::Aligned(a) => (a.sentences.get(side), a.words.get(side)),
        Row::Only(s, i) if *s == side => (std::slice::from_ref(i), &[]),
        Row::Only(..) => return Vec::new(),
    };
    // News averages about six bytes a word with its space: room for most cells at once.
    let bytes: usize = sentences.iter().map(|&i| doc.sentences[i].span.len()).sum();
    let mut chunks = Vec::with_capacity(bytes / 5 + 1);
    let mut pieces = Vec::with_capacity(bytes / 5 + 1);
    for &i in sentences {
        if look.short.contains(&i) {
            opening_chunks(doc, i, look.color, &mut chunks);
            continue;
        }
        pieces.clear();
        sentence_chunks(doc, i, words, side, look.color, &mut pieces, &mut chunks);
    }
    wrap(&chunks, width)
}

/// How many words of a sentence name it where it is not printed in full again.
const OPENING_WORDS: usize = 6;

/// A sentence printed in full twice already: its opening words, an ellipsis if it goes on,
/// and "(as above)", dimmed in colour.
fn opening_chunks<'a>(doc: &'a Document, index: usize, color: bool, chunks: &mut Vec<Chunk<'a>>) {
    let text = doc.sentences[index].span.of(&doc.text);
    let mut words = text.split_whitespace().peekable();
    let mut taken = 0;
    while let Some(word) = words.next() {
        taken += 1;
        let cut = taken == OPENING_WORDS && words.peek().is_some();
        let word = if cut {
            Cow::Owned(format!("{}…", inert(word)))
        } else {
            inert(word)
        };
        let width = plain_width(&word);
        let text = if color {
            Cow::Owned(word.dimmed().to_string())
        } else {
            word
        };
        chunks.push(Chunk { text, width });
        if taken == OPENING_WORDS {
            break;
        }
    }
    let text = if color {
        Cow::Owned(AS_ABOVE.dimmed().to_string())
    } else {
        Cow::Borrowed(AS_ABOVE)
    };
    chunks.push(Chunk {
        text,
        width: AS_ABOVE.len(),
    });
}

/// What follows the opening words of a sentence printed in full above.
const AS_ABOVE: &str = "(as above)";

/// The words of a sentence, each marked by the strongest mark of the tokens inside it,
/// added to `chunks`.
fn sentence_chunks<'a>(
    doc: &'a Document,
    index: usize,
    words: &[Marked],
    side: Side,
    color: bool,
    pieces: &mut Vec<(&'a str, Mark)>,
    chunks: &mut Vec<Chunk<'a>>,
) {
    let span = doc.sentences[index].span;
    let text = span.of(&doc.text);
    // Words in order of their spans (as an alignment lists them) are found by binary
    // search; in any other order, by looking at each.
    let ordered = words
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start && w[0].span.end <= w[1].span.end);
    for word in text.split_whitespace() {
        // `word` is a piece of `text`: its offset is where it lies in it.
        let start = span.start + (word.as_ptr() as usize - text.as_ptr() as usize);
        let end = start + word.len();
        let overlapping = if ordered {
            let from = words.partition_point(|w| w.span.end <= start);
            let to = words.partition_point(|w| w.span.start < end);
            &words[from..to.max(from)]
        } else {
            words
        };
        let mark = overlapping
            .iter()
            .filter(|w| w.span.start < end && start < w.span.end)
            .map(|w| w.mark)
            .fold(Mark::Shared, strongest);
        pieces.push((word, mark));
    }
    chunks.reserve(pieces.len());
    for (k, &(word, mark)) in pieces.iter().enumerate() {
        let visible = inert(word);
        if color || mark == Mark::Shared {
            chunks.push(Chunk {
                width: plain_width(&visible),
                text: paint(visible, mark, side, color),
            });
            continue;
        }
        let (open, close) = brackets(mark, side);
        let opens = k == 0 || pieces[k - 1].1 != mark;
        let closes = k + 1 == pieces.len() || pieces[k + 1].1 != mark;
        let (open, close) = (
            if opens { open } else { "" },
            if closes { close } else { "" },
        );
        let mut text = String::with_capacity(open.len() + visible.len() + close.len());
        text.push_str(open);
        text.push_str(&visible);
        text.push_str(close);
        chunks.push(Chunk {
            width: plain_width(&text),
            text: Cow::Owned(text),
        });
    }
}

fn strongest(a: Mark, b: Mark) -> Mark {
    match (a, b) {
        (Mark::Conflict, _) | (_, Mark::Conflict) => Mark::Conflict,
        (Mark::Own, _) | (_, Mark::Own) => Mark::Own,
        _ => Mark::Shared,
    }
}

fn brackets(mark: Mark, side: Side) -> (&'static str, &'static str) {
    match (mark, side) {
        (Mark::Conflict, _) => ("[!", "!]"),
        (_, Side::Left) => ("[-", "-]"),
        (_, Side::Right) => ("{+", "+}"),
    }
}

/// A word in colour: what only the left has in magenta, what only the right has in green
/// (both readable on dark and light backgrounds, and told apart by those who confuse red
/// and green), a conflicting value in bold underlined red, the strongest mark.
fn paint(text: Cow<'_, str>, mark: Mark, side: Side, color: bool) -> Cow<'_, str> {
    match (mark, side) {
        _ if !color => text,
        (Mark::Shared, _) => text,
        (Mark::Own, Side::Left) => Cow::Owned(text.magenta().to_string()),
        (Mark::Own, Side::Right) => Cow::Owned(text.green().to_string()),
        (Mark::Conflict, _) => Cow::Owned(text.red().bold().underline().to_string()),
    }
}

/// The counts of the rows, in one line.
pub(super) fn summary(report: &Report, left: &str, right: &str) -> String {
    let Counts {
        same,
        detail,
        diverge,
        related,
        only,
        ..
    } = report.counts();
    format!(
        "{same} same, {detail} agree with added detail, {diverge} diverge, {related} related, {} only in {left}, {} only in {right}",
        only.left, only.right,
    )
}

/// What the marks mean; the related rows' only when they are shown.
fn legend(color: bool, related: bool) -> String {
    let related = if related { ", '?' related" } else { "" };
    let rows = format!(
        "rows: '=' same, '~' one side adds, '!' diverge{related}, '<' only left, '>' only right"
    );
    if color {
        format!(
            "{rows}\nwords: {}, {}, {}",
            "only left".magenta(),
            "only right".green(),
            "conflicting value".red().bold().underline()
        )
    } else {
        format!("{rows}\nwords: [-only left-], {{+only right+}}, [!conflicting value!]")
    }
}

#[cfg(test)]
mod tests {
    use super::super::wrap::strip_ansi;
    use super::*;

    #[test]
    fn the_two_sides_own_words_have_two_colours_and_a_conflict_the_strongest_mark() {
        let painted = |mark, side| paint(Cow::Borrowed("word"), mark, side, true).into_owned();
        let (left, right) = (
            painted(Mark::Own, Side::Left),
            painted(Mark::Own, Side::Right),
        );
        assert_ne!(left, right);
        assert_eq!(strip_ansi(&left), "word");
        for side in Side::BOTH {
            let conflict = painted(Mark::Conflict, side);
            // Bold (1), underlined (4), red (31): more than either side's colour alone.
            for code in ["\u{1b}[1m", "\u{1b}[4m", "\u{1b}[31m"] {
                assert!(conflict.contains(code), "{conflict:?}");
            }
            assert_eq!(painted(Mark::Shared, side), "word");
            assert_eq!(paint(Cow::Borrowed("w"), Mark::Own, side, false), "w");
        }
        // The legend shows each side in its own colour.
        let shown = legend(true, false);
        assert!(shown.contains(
            &paint(Cow::Borrowed("only left"), Mark::Own, Side::Left, true).into_owned()
        ));
        assert!(shown.contains(
            &paint(Cow::Borrowed("only right"), Mark::Own, Side::Right, true).into_owned()
        ));
        assert!(!shown.contains("'?'") && legend(false, true).contains("'?' related"));
    }
}
