//! `inspect` for people: one report as factdiff reads it, its sentences numbered, the
//! quotations and facts found in them, and what cleaning dropped.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::layout::Layout;
use super::terminal::inert;
use super::text::speaker_name;
use super::wrap::{Chunk, visible_width, wrap, write_hanging, write_wrapped};
use crate::model::Document;

/// `inspect` for people: the sentences as factdiff reads them, then what it dropped.
pub fn document(doc: &Document, layout: Layout, out: &mut dyn Write) -> io::Result<()> {
    let indent = 6;
    let width = layout.width.max(super::layout::MIN_WIDTH) - indent;
    let removed = doc.page.as_ref().map_or(0, |p| p.removed.len());
    let counts = format!(
        "{} sentences, {} dropped",
        doc.sentences.len(),
        doc.dropped.len() + removed
    );
    let label = super::terminal::fit_width(
        &inert(&doc.label),
        (width + indent).saturating_sub(counts.len() + 2),
    )
    .0
    .into_owned();
    writeln!(out, "{label}: {counts}")?;
    let byline = doc.byline.map(|b| b.of(&doc.text)).or_else(|| {
        let page = doc.page.as_ref()?;
        page.byline.as_ref().map(|b| b.text.as_str())
    });
    if let Some(byline) = byline {
        write_hanging(out, "byline: ", &inert(byline), width + indent, 8)?;
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
    let mut items: Vec<(usize, &str, String)> = doc
        .dropped
        .iter()
        .map(|d| {
            let at = doc.input_offset(d.span.start);
            (
                at,
                d.reason.as_str(),
                inert(d.span.of(&doc.text)).into_owned(),
            )
        })
        .collect();
    if let Some(page) = &doc.page {
        // The page's furniture can be long (a footer, a menu): its first lines are enough.
        let room = (width * PAGE_LINES).saturating_sub(width / 2);
        items.extend(page.removed.iter().map(|r| {
            let text = if r.text.is_empty() {
                format!("({} bytes of markup)", r.span.len())
            } else {
                super::terminal::fit_width(&inert(&r.text), room)
                    .0
                    .into_owned()
            };
            (r.span.start, r.reason.as_str(), text)
        }));
        items.sort_by_key(|(at, ..)| *at);
    }
    if !items.is_empty() {
        writeln!(out, "dropped:")?;
    }
    for (_, reason, text) in items {
        let lead = format!("  {reason:<15} ");
        if lead.len() + visible_width(&text) <= width {
            // As written, spaces and all, when it fits.
            writeln!(out, "{lead}{text}")?;
        } else {
            write_hanging(out, &lead, &text, width, lead.len())?;
        }
    }
    Ok(())
}

/// How many lines a piece of a page's furniture gets in the list of what was dropped.
const PAGE_LINES: usize = 2;
