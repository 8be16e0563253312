//! The side-by-side terminal printer: aligned sentences on one row, each side word-wrapped
//! to its column by display width, differences in colour or, without colour, in brackets.

use std::borrow::Cow;
use std::io::{self, Write};

use owo_colors::OwoColorize;
use rayon::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::layout::Layout;
use super::rows::{Row, rows};
use super::speaker;
use super::terminal::inert;
use crate::model::{Alignment, Counts, Document, Mark, Marked, Pair, Quote, Report, Side, Verdict};

/// Marker column, then the separator between the two columns.
const MARKER_WIDTH: usize = 2;
const SEPARATOR: &str = " │ ";
const SEPARATOR_WIDTH: usize = 3;

pub fn report(report: &Report, layout: Layout, out: &mut dyn Write) -> io::Result<()> {
    let usable = layout.width.max(super::layout::MIN_WIDTH) - MARKER_WIDTH - SEPARATOR_WIDTH;
    let widths = (usable / 2, usable - usable / 2);
    let docs = &report.documents;
    let labels = docs.as_ref().map(|d| inert(&d.label).into_owned());
    // Over each column, the report's label and the day it says it was published.
    let titles = docs.as_ref().map(|d| match d.published {
        Some(day) => format!("{} · {day}", inert(&d.label)),
        None => inert(&d.label).into_owned(),
    });
    let header = (
        vec![heading(&titles.left, widths.0, layout)],
        vec![heading(&titles.right, widths.1, layout)],
    );
    write_row(out, "  ", &header, widths)?;
    writeln!(
        out,
        "{}",
        "─".repeat(layout.width.max(super::layout::MIN_WIDTH))
    )?;
    if let Some(same) = &report.same_event {
        let width = layout.width.max(super::layout::MIN_WIDTH);
        // A warning may name people of the reports: their text is kept inert.
        if let Some(warning) = same.warning() {
            write_wrapped(out, &format!("warning: {}", inert(&warning)), width, 0)?;
        }
        if layout.explain {
            write_wrapped(out, &inert(&same.explanation()), width, 4)?;
        }
    }
    let rows = printed(rows(report, Side::Left));
    // Rows are laid out side by side on as many threads as there are, a block at a time,
    // and written in order.
    for (b, block) in rows.chunks(ROWS_AT_ONCE).enumerate() {
        let printed: Vec<Vec<u8>> = block
            .par_iter()
            .enumerate()
            .map(|(k, row)| {
                let mut buf = Vec::new();
                let first = b == 0 && k == 0;
                write_one_row(&mut buf, report, row, first, &labels, widths, layout)
                    .expect("a Vec never fails");
                buf
            })
            .collect();
        for buf in printed {
            out.write_all(&buf)?;
        }
    }
    let width = layout.width.max(super::layout::MIN_WIDTH);
    write_quotes(out, report, &labels, width)?;
    writeln!(out, "{}", "─".repeat(width))?;
    write_wrapped(out, &summary(report, &labels.left, &labels.right), width, 0)?;
    for line in legend(layout.color).lines() {
        write_wrapped(out, line, width, 0)?;
    }
    Ok(())
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

/// What starts each right sentence of a run of related rows.
const BULLET: &str = "• ";

/// One row: a blank line before it unless it is the first, the two columns, then the
/// conflicts and details of an alignment (and its explanation if asked).
fn write_one_row(
    out: &mut dyn Write,
    report: &Report,
    row: &Printed,
    first: bool,
    labels: &Pair<String>,
    widths: (usize, usize),
    layout: Layout,
) -> io::Result<()> {
    let docs = &report.documents;
    if !first {
        write_row(out, "  ", &(Vec::new(), Vec::new()), widths)?;
    }
    let row = match row {
        Printed::Row(row) => row,
        Printed::Related(run) if run.len() == 1 => &Row::Aligned(run[0]),
        Printed::Related(run) => return write_related(out, report, run, widths, layout),
    };
    let cells = (
        cell(
            docs.get(Side::Left),
            row,
            Side::Left,
            widths.0,
            layout.color,
        ),
        cell(
            docs.get(Side::Right),
            row,
            Side::Right,
            widths.1,
            layout.color,
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
    widths: (usize, usize),
    layout: Layout,
) -> io::Result<()> {
    let docs = &report.documents;
    let first = Row::Aligned(run[0]);
    let left = cell(
        docs.get(Side::Left),
        &first,
        Side::Left,
        widths.0,
        layout.color,
    );
    let indent = BULLET.width();
    let mut right = Vec::new();
    for &a in run {
        let lines = cell(
            docs.get(Side::Right),
            &Row::Aligned(a),
            Side::Right,
            widths.1 - indent,
            layout.color,
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
fn write_quotes(
    out: &mut dyn Write,
    report: &Report,
    labels: &Pair<String>,
    width: usize,
) -> io::Result<()> {
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
        return Ok(());
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
    Ok(())
}

/// A quotation's speaker as printed: the name, the name and "speaker guessed from context",
/// or "speaker unknown".
fn speaker_name(q: &Quote) -> String {
    speaker::phrase(q, |name| inert(name).into_owned())
}

/// Writes plain text word-wrapped to `width`, every line indented by `indent` spaces.
fn write_wrapped(out: &mut dyn Write, text: &str, width: usize, indent: usize) -> io::Result<()> {
    let chunks: Vec<Chunk> = text
        .split_whitespace()
        .map(|w| Chunk {
            text: Cow::Borrowed(w),
            width: visible_width(w),
        })
        .collect();
    for line in wrap(&chunks, width - indent) {
        writeln!(out, "{}{}", " ".repeat(indent), line.text)?;
    }
    Ok(())
}

/// Writes `lead`, then plain text word-wrapped to `width`: the first line after the lead,
/// the others indented by `hang` spaces.
pub(super) fn write_hanging(
    out: &mut dyn Write,
    lead: &str,
    text: &str,
    width: usize,
    hang: usize,
) -> io::Result<()> {
    let chunks: Vec<Chunk> = text
        .split_whitespace()
        .map(|w| Chunk {
            text: Cow::Borrowed(w),
            width: visible_width(w),
        })
        .collect();
    let first = width.saturating_sub(visible_width(lead)).max(1);
    let lines = wrap_hanging(&chunks, first, width.saturating_sub(hang).max(1));
    if lines.is_empty() {
        writeln!(out, "{lead}")?;
    }
    for (k, line) in lines.iter().enumerate() {
        if k == 0 {
            writeln!(out, "{lead}{}", line.text)?;
        } else {
            writeln!(out, "{}{}", " ".repeat(hang), line.text)?;
        }
    }
    Ok(())
}

fn marker(row: &Row, color: bool) -> String {
    let (symbol, paint): (&str, fn(&str) -> String) = match row {
        Row::Aligned(a) if a.verdict == Verdict::Diverge => ("!", |s| s.red().bold().to_string()),
        Row::Aligned(a) if a.is_equivalent() => ("=", |s| s.green().to_string()),
        Row::Aligned(a) if a.related => ("?", |s| s.cyan().to_string()),
        Row::Aligned(_) => ("~", |s| s.green().to_string()),
        Row::Only(Side::Left, _) => ("<", |s| s.yellow().to_string()),
        Row::Only(Side::Right, _) => (">", |s| s.yellow().to_string()),
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

/// A visual line of a column: the text to print (perhaps with colour) and its width.
#[derive(Debug)]
struct Line {
    text: String,
    width: usize,
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

/// The column of one side of a row, wrapped to `width`.
fn cell(doc: &Document, row: &Row, side: Side, width: usize, color: bool) -> Vec<Line> {
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
        pieces.clear();
        sentence_chunks(doc, i, words, side, color, &mut pieces, &mut chunks);
    }
    wrap(&chunks, width)
}

/// A word as printed: its final text (brackets or colour included) and its width.
struct Chunk<'a> {
    /// Borrowed from the report where the word is printed as written (most are).
    text: Cow<'a, str>,
    width: usize,
}

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
                text: paint(visible, mark, color),
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

fn paint(text: Cow<'_, str>, mark: Mark, color: bool) -> Cow<'_, str> {
    match mark {
        _ if !color => text,
        Mark::Shared => text,
        Mark::Own => Cow::Owned(text.yellow().bold().to_string()),
        Mark::Conflict => Cow::Owned(text.red().bold().underline().to_string()),
    }
}

/// Greedy word wrap by display width; a word wider than the column is broken.
fn wrap(chunks: &[Chunk], width: usize) -> Vec<Line> {
    wrap_hanging(chunks, width, width)
}

/// As [`wrap`], with the first line `first` columns wide and the others `rest`.
fn wrap_hanging(chunks: &[Chunk], first: usize, rest: usize) -> Vec<Line> {
    // Room for a full line of ASCII and a colour code or two, so a line is allocated once.
    let capacity = first.max(rest) + 24;
    let mut lines = Vec::new();
    let mut line = Line {
        text: String::with_capacity(capacity),
        width: 0,
    };
    let mut place = |text: &str, w: usize| {
        let width = if lines.is_empty() { first } else { rest };
        if line.width > 0 && line.width + 1 + w > width {
            lines.push(std::mem::replace(
                &mut line,
                Line {
                    text: String::with_capacity(capacity),
                    width: 0,
                },
            ));
        }
        if line.width > 0 {
            line.text.push(' ');
            line.width += 1;
        }
        line.text.push_str(text);
        line.width += w;
    };
    let narrowest = first.min(rest);
    for chunk in chunks {
        if chunk.width <= narrowest {
            place(&chunk.text, chunk.width);
            continue;
        }
        for (text, w) in fit(chunk, narrowest) {
            place(&text, w);
        }
    }
    if line.width > 0 {
        lines.push(line);
    }
    lines
}

/// A chunk as pieces no wider than `width`, broken between graphemes. Only a chunk without
/// colour codes is ever that wide in practice; a coloured one is broken on its visible
/// characters.
fn fit(chunk: &Chunk, width: usize) -> Vec<(String, usize)> {
    if chunk.width <= width {
        return vec![(chunk.text.to_string(), chunk.width)];
    }
    let visible = strip_ansi(&chunk.text);
    let mut pieces = Vec::new();
    let (mut piece, mut w) = (String::new(), 0);
    for g in visible.graphemes(true) {
        let gw = g.width();
        if w + gw > width && w > 0 {
            pieces.push((std::mem::take(&mut piece), w));
            w = 0;
        }
        piece.push_str(g);
        w += gw;
    }
    if w > 0 {
        pieces.push((piece, w));
    }
    pieces
}

/// The display width of text that may hold colour codes.
/// The display width of text without colour codes: its length when it is printable ASCII
/// (most words are), else what `unicode-width` says.
fn plain_width(text: &str) -> usize {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        text.len()
    } else {
        text.width()
    }
}

fn visible_width(text: &str) -> usize {
    if text.contains('\u{1b}') {
        strip_ansi(text).width()
    } else {
        text.width()
    }
}

fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
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

fn legend(color: bool) -> String {
    let rows = "rows: '=' same, '~' one side adds, '!' diverge, '?' related, '<' only left, '>' only right";
    if color {
        format!(
            "{rows}\nwords: {} only one side has, {} conflicting value",
            "bold".yellow().bold(),
            "underlined".red().bold().underline()
        )
    } else {
        format!("{rows}\nwords: [-only left-], {{+only right+}}, [!conflicting value!]")
    }
}

/// `inspect` for people: the sentences as factdiff reads them, then what it dropped.
pub fn document(doc: &Document, layout: Layout, out: &mut dyn Write) -> io::Result<()> {
    let indent = 6;
    let width = layout.width.max(super::layout::MIN_WIDTH) - indent;
    let counts = format!(
        "{} sentences, {} dropped",
        doc.sentences.len(),
        doc.dropped.len()
    );
    let label = super::terminal::fit_width(
        &inert(&doc.label),
        (width + indent).saturating_sub(counts.len() + 2),
    )
    .0
    .into_owned();
    writeln!(out, "{label}: {counts}")?;
    if let Some(byline) = doc.byline {
        write_hanging(
            out,
            "byline: ",
            &inert(byline.of(&doc.text)),
            width + indent,
            8,
        )?;
    }
    write_sentences(out, doc, width)?;
    write_found(out, doc, width + indent)?;
    write_dropped(out, doc, width + indent)
}

/// Each sentence, numbered, wrapped to `width` after the numbers.
fn write_sentences(out: &mut dyn Write, doc: &Document, width: usize) -> io::Result<()> {
    for (i, s) in doc.sentences.iter().enumerate() {
        let chunks: Vec<Chunk> = s
            .span
            .of(&doc.text)
            .split_whitespace()
            .map(|w| {
                let text = inert(w);
                Chunk {
                    width: text.width(),
                    text,
                }
            })
            .collect();
        for (k, line) in wrap(&chunks, width).iter().enumerate() {
            let number = if k == 0 {
                format!("{i:>4}")
            } else {
                String::new()
            };
            writeln!(out, "{number:>4}  {}", line.text)?;
        }
    }
    Ok(())
}

/// The quotations and facts of a document, each on its own lines.
fn write_found(out: &mut dyn Write, doc: &Document, width: usize) -> io::Result<()> {
    if !doc.quotes.is_empty() {
        writeln!(out, "quotes:")?;
    }
    for q in &doc.quotes {
        let speaker = speaker_name(q);
        let mention = q
            .speaker_mention
            .map(|m| format!(" (as \"{}\")", inert(m.of(&doc.text))))
            .unwrap_or_default();
        write_wrapped(
            out,
            &format!("{speaker}{mention}: {}", inert(q.span.of(&doc.text))),
            width,
            2,
        )?;
    }
    if !doc.facts.is_empty() {
        writeln!(out, "facts:")?;
    }
    for f in &doc.facts {
        let written = inert(f.span.of(&doc.text));
        let value = f.normalised();
        let value = if value == written {
            String::new()
        } else {
            format!(" = {}", inert(&value))
        };
        let line = format!(
            "{} in sentence {}: {written}{value}",
            f.kind().as_str(),
            f.sentence
        );
        write_wrapped(out, &line, width, 2)?;
    }
    Ok(())
}

/// What cleaning dropped, each with its reason.
fn write_dropped(out: &mut dyn Write, doc: &Document, width: usize) -> io::Result<()> {
    if !doc.dropped.is_empty() {
        writeln!(out, "dropped:")?;
    }
    for d in &doc.dropped {
        let lead = format!("  {:<15} ", d.reason.as_str());
        let text = inert(d.span.of(&doc.text));
        if lead.len() + visible_width(&text) <= width {
            // As written, spaces and all, when it fits.
            writeln!(out, "{lead}{text}")?;
        } else {
            write_hanging(out, &lead, &text, width, lead.len())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_width_counts_columns_not_bytes() {
        assert_eq!(plain_width("[-ferry-]"), 9);
        assert_eq!(plain_width("日本"), 4);
        assert_eq!(plain_width("café"), 4);
        assert_eq!(plain_width(""), 0);
    }

    fn chunk(text: &str) -> Chunk<'_> {
        Chunk {
            text: text.into(),
            width: text.width(),
        }
    }

    #[test]
    fn wraps_by_display_width() {
        let chunks: Vec<Chunk> = ["日本語", "ab", "cd"].into_iter().map(chunk).collect();
        let lines = wrap(&chunks, 9);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["日本語 ab", "cd"]);
        assert_eq!(lines[0].width, 9);
    }

    #[test]
    fn breaks_words_wider_than_the_column() {
        let lines = wrap(&[chunk("abcdefgh")], 3);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["abc", "def", "gh"]);
    }

    #[test]
    fn strips_colour_codes_when_breaking() {
        assert_eq!(strip_ansi("\u{1b}[1;33mabc\u{1b}[0m"), "abc");
    }
}
