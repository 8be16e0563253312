//! Article text on the page: sentences with their marked words, a report's whole text,
//! one-line excerpts, and text made visible before it is escaped.

use std::borrow::Cow;

use maud::{Markup, html};

use crate::model::{Document, DropReason, Mark, Marked, Page, Quote, Side, Span};
use crate::render::speaker;

pub(super) fn side_name(side: Side) -> &'static str {
    match side {
        Side::Left => "left",
        Side::Right => "right",
    }
}

pub(super) fn side_letter(side: Side) -> char {
    match side {
        Side::Left => 'l',
        Side::Right => 'r',
    }
}

pub(super) fn speaker_text(quote: &Quote) -> String {
    speaker::phrase(quote, shown)
}

/// Article text made visible, owned, for the wording of speakers.
pub(super) fn shown(text: &str) -> String {
    visible(text).into_owned()
}

/// A sentence with the words only this side has and the conflicting values marked.
/// Neighbouring marked words with only spaces between them share one mark.
pub(super) fn marked_sentence(doc: &Document, index: usize, words: &[Marked]) -> Markup {
    let span = doc.sentences[index].span;
    let mut runs: Vec<(Span, Mark)> = Vec::new();
    for w in words {
        if w.mark == Mark::Shared || w.span.start < span.start || w.span.end > span.end {
            continue;
        }
        if let Some((last, mark)) = runs.last_mut()
            && *mark == w.mark
            && last.end <= w.span.start
            && doc.text[last.end..w.span.start].trim().is_empty()
        {
            last.end = w.span.end;
            continue;
        }
        if runs.last().is_some_and(|(last, _)| last.end > w.span.start) {
            continue;
        }
        runs.push((w.span, w.mark));
    }
    let mut pieces: Vec<(&str, Mark)> = Vec::with_capacity(runs.len() * 2 + 1);
    let mut at = span.start;
    for (run, mark) in runs {
        pieces.push((&doc.text[at..run.start], Mark::Shared));
        pieces.push((run.of(&doc.text), mark));
        at = run.end;
    }
    pieces.push((&doc.text[at..span.end], Mark::Shared));
    html! {
        span.sentence {
            @for (text, mark) in pieces {
                @match mark {
                    Mark::Shared => (visible(text)),
                    Mark::Own => mark.own { (visible(text)) },
                    Mark::Conflict => mark.conflict { (visible(text)) },
                }
            }
        }
    }
}

/// The whole text of a report: sentences as anchors, dropped passages struck through with
/// their reason, everything between as it was.
pub(super) fn source_text(doc: &Document, side: Side) -> Markup {
    enum Piece {
        Sentence(usize),
        Dropped(DropReason),
    }
    let mut pieces: Vec<(Span, Piece)> = doc
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| (s.span, Piece::Sentence(i)))
        .chain(
            doc.dropped
                .iter()
                .map(|d| (d.span, Piece::Dropped(d.reason))),
        )
        .collect();
    pieces.sort_by_key(|(span, _)| (span.start, span.end));
    let text = doc.text.as_str();
    let mut at = 0;
    let mut parts: Vec<Markup> = Vec::with_capacity(pieces.len() * 2 + 1);
    for (span, piece) in pieces {
        // Pieces never overlap in a report factdiff read; if one did, its overlap is
        // shown once, in the earlier piece.
        let start = span.start.max(at);
        if start >= span.end {
            continue;
        }
        parts.push(html! { (visible(&text[at..start])) });
        let inner = visible(&text[start..span.end]);
        parts.push(match piece {
            Piece::Sentence(i) => html! {
                span.sentence id=(format!("{}-s{i}", side_name(side))) { (inner) }
            },
            Piece::Dropped(reason) => html! {
                del.dropped title=(format!("set aside: {}", reason.as_str())) { (inner) }
                " " span.reason { "[" (reason.as_str()) "]" }
            },
        });
        at = span.end;
    }
    parts.push(html! { (visible(&text[at..])) });
    html! { @for part in parts { (part) } }
}

/// What a saved web page had besides its article, a line each: the reason, then the text
/// it showed (or how much markup it was).
pub(super) fn page_furniture(page: &Page) -> Markup {
    html! {
        details.furniture {
            summary {
                (page.removed.len()) " parts of the page set aside (its head, scripts, menus, "
                "captions and the like)"
            }
            ul {
                @for removed in &page.removed {
                    li {
                        span.reason { "[" (removed.reason.as_str()) "]" }
                        " "
                        @if removed.text.is_empty() {
                            em { (removed.span.len()) " bytes of markup" }
                        } @else {
                            (one_line(&removed.text, FURNITURE_CHARS))
                        }
                    }
                }
            }
        }
    }
}

/// How much of a piece of page furniture the report shows.
const FURNITURE_CHARS: usize = 160;

/// Article text on one line, cut to `chars` characters.
pub(super) fn one_line(text: &str, chars: usize) -> String {
    let line: String = visible(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if line.chars().count() > chars {
        let cut: String = line.chars().take(chars).collect();
        format!("{}…", cut.trim_end())
    } else {
        line
    }
}

/// Article text with control, bidirectional and invisible characters shown as codes, as
/// the terminal printers show them; line ends and tabs stay, the page lays them out.
pub(super) fn visible(text: &str) -> Cow<'_, str> {
    crate::render::terminal::shown(text, |c| matches!(c, '\n' | '\r' | '\t'))
}
