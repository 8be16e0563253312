//! Splitting the kept report text into sentences, as byte spans into the input.
//!
//! Boundaries come from `sentencex`, which knows abbreviations ("Mr", "U.S.", "p.m."),
//! decimals, initials and quotes that end a sentence. This module only guarantees the
//! invariant the rest relies on: every non-blank byte of a kept span lies in a sentence.

use crate::model::Span;

/// Makes `sentencex` build what it builds on first use (its regular expressions, about a
/// millisecond), so that a caller can have it done on another thread while it reads its
/// input. Calling it is never needed; it changes no result.
pub fn prepare() {
    let text = "Mr. Lee said \"It rained (a lot) on Jan. 5.\" Then it stopped! Did it?";
    sentencex::get_sentence_boundaries("en", text);
}

/// Sentences of the kept spans, in input order, each trimmed of white space.
///
/// ```
/// use factdiff::model::Span;
/// let text = "Mr Lee left at 3 p.m. on Friday. He did not return.";
/// let spans = factdiff::segment::segment(text, &[Span::new(0, text.len())]);
/// assert_eq!(spans.len(), 2);
/// assert_eq!(spans[1].of(text), "He did not return.");
/// ```
pub fn segment(text: &str, kept: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for &span in kept {
        let pieces = split(span.of(text));
        let start = out.len();
        for piece in pieces {
            out.push(piece.shift(span.start));
        }
        merge_fragments(text, &mut out, start);
    }
    out
}

/// Longest text handed to sentencex at once. Its quote pairing takes time that grows with
/// the square of the quote marks in one call; no real paragraph comes near this length, and
/// a longer one (a page pasted as one line) is first cut at sentence ends near each limit.
const CHUNK: usize = 16 * 1024;

/// Cuts one kept span at sentencex's boundaries; the pieces cover it without gaps.
fn split(part: &str) -> Vec<Span> {
    let mut cuts: Vec<usize> = Vec::new();
    let mut from = 0;
    for end in chunk_ends(part) {
        let chunk = &part[from..end];
        cuts.extend(
            sentencex::get_sentence_boundaries("en", chunk)
                .iter()
                .map(|b| from + b.end_byte),
        );
        cuts.push(end);
        from = end;
    }
    cuts.retain(|&end| end > 0 && end < part.len() && part.is_char_boundary(end));
    for cut in &mut cuts {
        *cut = before_opening_quote(part, *cut);
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.push(part.len());
    let mut start = 0;
    let mut out = Vec::with_capacity(cuts.len());
    for end in cuts {
        let piece = Span::new(start, end).trim(part);
        if !piece.is_empty() {
            out.push(piece);
        }
        start = end;
    }
    out
}

/// Where to cut `part` into pieces of at most about [`CHUNK`] bytes: after a full stop and a
/// space past each limit if there is one soon, else after a space, else at a character.
fn chunk_ends(part: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut start = 0;
    while part.len() - start > CHUNK {
        let boundary = |mut i: usize| {
            while !part.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let (half, limit) = (boundary(start + CHUNK / 2), boundary(start + CHUNK));
        let window = &part[half..limit];
        let cut = window
            .rfind(". ")
            .map(|i| i + 2)
            .or_else(|| window.rfind(' ').map(|i| i + 1))
            .map_or(limit, |i| half + i);
        ends.push(cut);
        start = cut;
    }
    ends.push(part.len());
    ends
}

/// Moves a cut that falls just after an opening quote mark to just before it, so the mark
/// opens the next sentence: `said Kim. "I came` is cut before the `"`, not after it.
fn before_opening_quote(part: &str, cut: usize) -> usize {
    let head = &part[..cut];
    let trimmed = head.trim_end();
    let Some(mark) = trimmed
        .chars()
        .last()
        .filter(|c| matches!(c, '"' | '“' | '‘' | '\''))
    else {
        return cut;
    };
    let before = &trimmed[..trimmed.len() - mark.len_utf8()];
    let opens = mark == '“' || mark == '‘' || before.ends_with(char::is_whitespace);
    let next_is_word =
        part[cut..].trim_start().starts_with(char::is_alphanumeric) || trimmed.len() < head.len();
    if opens && next_is_word && !before.trim_end().is_empty() {
        before.trim_end().len()
    } else {
        cut
    }
}

/// Joins pieces with no letter or digit (a stray closing quote, a lone dash) to a neighbour,
/// so that a sentence is always something a reader would call one.
fn merge_fragments(text: &str, spans: &mut Vec<Span>, from: usize) {
    let mut i = from;
    while i < spans.len() {
        let wordless = !spans[i].of(text).chars().any(char::is_alphanumeric);
        if wordless && spans.len() - from > 1 {
            let removed = spans.remove(i);
            if i > from {
                spans[i - 1].end = removed.end;
            } else {
                spans[i].start = removed.start;
            }
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        segment(text, &[Span::new(0, text.len())])
            .iter()
            .map(|s| s.of(text))
            .collect()
    }

    #[test]
    fn a_page_on_one_line_is_cut_in_chunks_at_sentence_ends() {
        let line = "He said \"it is fine\" and left. ".repeat(3 * CHUNK / 30);
        let ends = chunk_ends(&line);
        assert!(ends.len() >= 3);
        for &end in &ends[..ends.len() - 1] {
            assert!(line[..end].ends_with(". "), "{}", &line[end - 10..end]);
        }
        let found = sentences(&line);
        assert_eq!(found.len(), line.matches(". ").count());
        assert!(
            found
                .iter()
                .all(|s| *s == "He said \"it is fine\" and left.")
        );
        // No spaces, and three-byte characters across every limit.
        let dense = "“”".repeat(CHUNK);
        let ends = chunk_ends(&dense);
        assert!(ends.iter().all(|&e| dense.is_char_boundary(e)) && ends.len() > 2);
        assert!(!sentences(&dense).is_empty());
    }

    #[test]
    fn keeps_abbreviations_inside_sentences() {
        assert_eq!(
            sentences("Mr Lee and Dr. Ames met Mrs Cole at St. Paul's. They spoke."),
            [
                "Mr Lee and Dr. Ames met Mrs Cole at St. Paul's.",
                "They spoke."
            ]
        );
        assert_eq!(
            sentences("The U.S. envoy left at 3 p.m. on Jan. 4. No. 10 said nothing."),
            [
                "The U.S. envoy left at 3 p.m. on Jan. 4.",
                "No. 10 said nothing."
            ]
        );
    }

    #[test]
    fn keeps_decimals_and_initials() {
        assert_eq!(
            sentences("Prices rose 2.5 per cent, J. R. Smith said. Then they fell."),
            [
                "Prices rose 2.5 per cent, J. R. Smith said.",
                "Then they fell."
            ]
        );
    }

    #[test]
    fn splits_after_closing_quote() {
        assert_eq!(
            sentences("He said: \"It always works out.\" The crowd cheered."),
            ["He said: \"It always works out.\"", "The crowd cheered."]
        );
    }

    #[test]
    fn opening_quote_starts_the_next_sentence() {
        assert_eq!(
            sentences("\"It is an honour,\" Lee said. \"I came over to meet him.\""),
            [
                "\"It is an honour,\" Lee said.",
                "\"I came over to meet him.\""
            ]
        );
    }

    #[test]
    fn keeps_cut_off_last_sentence() {
        assert_eq!(
            sentences("The talks ended. He met the crews st"),
            ["The talks ended.", "He met the crews st"]
        );
    }

    #[test]
    fn wordless_piece_joins_its_neighbour() {
        let text = "It rained. --";
        assert_eq!(sentences(text), ["It rained. --"]);
    }

    #[test]
    fn pieces_cover_every_non_blank_byte() {
        let text = "A b. C d! E f? \u{201c}G h.\u{201d} I";
        let spans = segment(text, &[Span::new(0, text.len())]);
        let covered: usize = spans.iter().map(|s| s.len()).sum();
        let gaps: String = text
            .char_indices()
            .filter(|(i, _)| !spans.iter().any(|s| s.start <= *i && *i < s.end))
            .map(|(_, c)| c)
            .collect();
        assert!(gaps.trim().is_empty(), "uncovered: {gaps:?}");
        assert!(covered <= text.len());
    }
}
