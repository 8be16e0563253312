//! Splitting the kept report text into sentences, as byte spans into the input.
//!
//! A sentence ends at a run of terminators (`.`, `!`, `?`, `…`, a spaced `. . .`) and the
//! closing quotes and brackets after it, when white space and the start of a new sentence
//! follow. What keeps a full stop inside a sentence, in the English of news:
//!
//! - a title before a name ("Mr.", "Gen.", "Sen."), which never ends one;
//! - an abbreviation ("Jan.", "Inc.", "p.m.", "U.S.") or an initial ("J. R. Smith"), unless
//!   the next word is one that opens sentences ("The", "He", "But");
//! - a next word in lower case or a number ("No. 10", "at 3 p.m. on Friday");
//! - a quotation or a bracket still open: the sentences inside `"We came. We saw."` stay
//!   one, ended by the mark that closes the quotation;
//! - no white space after it (`2.5`, `U.S.-led`, `example.com`).
//!
//! The rules are one pass over the text with no table built at run time, so a short report
//! is split in microseconds and a long one in time that grows with its length. This module
//! also guarantees the invariant the rest relies on: every non-blank byte of a kept span
//! lies in a sentence.

use crate::model::Span;

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
        let part = span.of(text);
        let start = out.len();
        let mut from = 0;
        for end in ends(part).into_iter().chain([part.len()]) {
            let piece = Span::new(from, end).trim(part);
            // A "sentence" longer than any real one (a page pasted without full stops)
            // is cut near every [`LONGEST`] bytes, so that no later step, some of which
            // cost the square of a sentence's length, ever sees one that long.
            let mut at = piece.start;
            for cut in chunk_ends(piece.of(part)) {
                let chunk = Span::new(at, piece.start + cut).trim(part);
                if !chunk.is_empty() {
                    out.push(chunk.shift(span.start));
                }
                at = piece.start + cut;
            }
            from = end;
        }
        merge_fragments(text, &mut out, start);
    }
    out
}

/// Longest sentence, in bytes: no sentence of a report comes near it.
const LONGEST: usize = 16 * 1024;

/// Where to cut `part` into pieces of at most about [`LONGEST`] bytes: after a full stop and a
/// space past each limit if there is one soon, else after a space, else at a character.
fn chunk_ends(part: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut start = 0;
    while part.len() - start > LONGEST {
        let boundary = |mut i: usize| {
            while !part.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let (half, limit) = (boundary(start + LONGEST / 2), boundary(start + LONGEST));
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

/// Byte offsets in `part` just past each sentence but the last, in increasing order.
fn ends(part: &str) -> Vec<usize> {
    let bytes = part.as_bytes();
    let shields = shields(part);
    let mut shield = 0;
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if terminator_width(bytes, i).is_none() {
            i += 1;
            continue;
        }
        let (run_end, kind) = run(bytes, i);
        let end = closers_end(part, run_end);
        let spaced = end < bytes.len() && starts_with_space(part, end);
        if spaced {
            while shield < shields.len() && shields[shield].end <= i {
                shield += 1;
            }
            // A mark inside a quotation or a bracket ends a sentence only where it ends them.
            let inside = shields[shield..]
                .iter()
                .take_while(|s| s.start < i)
                .any(|s| end < s.end);
            let period_word = (kind == Run::Period).then(|| word_before(part, i));
            // `"Why not?" Lee asked.`: a question or an exclamation quoted, then who said it.
            let attributed = kind == Run::Exclaim
                && part[run_end..end].contains(['"', '”', '’', '\''])
                && attribution_follows(&part[end..]);
            if !inside && !attributed && opens_sentence(&part[end..], kind, period_word) {
                out.push(end);
            }
        }
        i = end;
    }
    out
}

/// The kind of a run of terminators, which decides what may follow it in one sentence.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Run {
    /// One full stop: it may end an abbreviation.
    Period,
    /// Any run with `!` or `?`.
    Exclaim,
    /// `...`, `…`, `. . .`.
    Ellipsis,
}

/// The length in bytes of the terminator at byte `i`, if one is there: `.`, `!`, `?`, `…`
/// and the full-width `。`, `！`, `？` of some wire copy.
fn terminator_width(bytes: &[u8], i: usize) -> Option<usize> {
    let tail = &bytes[i + 1..];
    match bytes[i] {
        b'.' | b'!' | b'?' => Some(1),
        0xE2 if tail.starts_with(&[0x80, 0xA6]) => Some(3),
        0xE3 if tail.starts_with(&[0x80, 0x82]) => Some(3),
        0xEF if tail.starts_with(&[0xBC, 0x81]) || tail.starts_with(&[0xBC, 0x9F]) => Some(3),
        _ => None,
    }
}

/// Where the run of terminators starting at `i` ends (`?!`, `...`, `!!!`, and a spaced
/// `. . .` of three dots or more), and its kind.
fn run(bytes: &[u8], i: usize) -> (usize, Run) {
    let mut end = i;
    while end < bytes.len() {
        match terminator_width(bytes, end) {
            Some(width) => end += width,
            None => break,
        }
    }
    let marks = &bytes[i..end];
    if marks.iter().any(|b| matches!(b, b'!' | b'?' | 0x81 | 0x9F)) {
        return (end, Run::Exclaim);
    }
    if marks.len() > 1 {
        return (end, Run::Ellipsis);
    }
    if bytes[i] == b'.' {
        let (mut spaced, mut dots) = (end, 1);
        while bytes.get(spaced) == Some(&b' ') && bytes.get(spaced + 1) == Some(&b'.') {
            spaced += 2;
            dots += 1;
        }
        if dots >= 3 {
            return (spaced, Run::Ellipsis);
        }
    }
    (end, Run::Period)
}

/// Past the closing quotes and brackets that follow a terminator run (`."`, `.)'`, `?”`).
fn closers_end(part: &str, from: usize) -> usize {
    let rest = &part[from..];
    let kept = rest
        .char_indices()
        .find(|&(_, c)| {
            !matches!(
                c,
                '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '*'
            )
        })
        .map_or(rest.len(), |(k, _)| k);
    from + kept
}

/// Any white space at `at`, the no-break and other wide spaces too.
fn starts_with_space(part: &str, at: usize) -> bool {
    let byte = part.as_bytes()[at];
    byte.is_ascii_whitespace() || byte >= 0x80 && part[at..].starts_with(char::is_whitespace)
}

/// The word just before the full stop at `i`: "Mr" in "Mr.", "U.S" in "the U.S.", "" after
/// a space or a bracket.
fn word_before(part: &str, i: usize) -> &str {
    let head = &part[..i];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| {
            c.is_whitespace() || matches!(c, '(' | '[' | '/' | '"' | '“' | '‘' | '—' | '–')
        })
        .map_or(0, |(k, c)| k + c.len_utf8());
    &head[start..]
}

/// Whether `rest`, the text after a run of `kind` and the white space after it, starts a new
/// sentence; `period_word` is the word before a single full stop.
fn opens_sentence(rest: &str, kind: Run, period_word: Option<&str>) -> bool {
    let rest = rest.trim_start();
    // Opening quotes, brackets and dashes do not decide: the first letter or digit does.
    let Some((k, first)) = rest
        .char_indices()
        .find(|&(_, c)| c.is_alphanumeric() || !is_opening(c) && !c.is_whitespace())
    else {
        return false;
    };
    if !first.is_alphanumeric() || first.is_lowercase() || first.is_numeric() {
        return false;
    }
    let next = &rest[k..];
    let next_word = &next[..next
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(next.len())];
    match (kind, period_word) {
        // "... I think": the one capital that a continuing sentence has.
        (Run::Ellipsis, _) => next_word != "I",
        // "KANSAS CITY, Mo. — Leaders met": a dateline, not a sentence.
        (Run::Period, Some(word)) if rest[..k].contains(is_dash) => {
            !word.starts_with(char::is_uppercase) || word.len() > 5 && !word.contains('.')
        }
        (Run::Period, Some(word)) => period_ends_sentence(word, next_word, next),
        _ => true,
    }
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―')
}

/// Whether `rest` attributes what came before it: a verb of speaking within its first
/// dozen words, before any word that ends a sentence, that ends its clause or is followed
/// by a preposition, a name or a day (`Lee asked.`, `Will Ames, the mayor, said of the
/// plan`, `she told Reuters`), not by an object (`The police said nothing.`).
fn attribution_follows(rest: &str) -> bool {
    let mut words = rest.split_whitespace().take(12).peekable();
    while let Some(word) = words.next() {
        let bare = word.trim_matches(|c: char| !c.is_alphabetic());
        let mut buffer = [0u8; 16];
        let lower = lower_ascii(bare, &mut buffer);
        if lower.is_some_and(|w| SPEECH.binary_search(&w).is_ok()) {
            if word.ends_with(['.', ',', ';', '!', '?']) {
                return true;
            }
            let Some(next) = words.peek() else {
                return true;
            };
            let mut buffer = [0u8; 16];
            let next_lower = lower_ascii(next.trim_end_matches([',', '.']), &mut buffer);
            return next.starts_with(char::is_uppercase)
                || next_lower.is_some_and(|w| AFTER_SPEECH.binary_search(&w).is_ok());
        }
        let title = lower.is_some_and(|w| TITLES.binary_search(&w).is_ok());
        if word.ends_with(['.', '!', '?']) && !title {
            return false;
        }
    }
    false
}

/// Words that follow a verb of speaking in an attribution: prepositions and adverbs of
/// time and manner. Sorted, lower case.
const AFTER_SPEECH: &[&str] = &[
    "after",
    "afterward",
    "afterwards",
    "angrily",
    "as",
    "at",
    "before",
    "by",
    "during",
    "earlier",
    "from",
    "in",
    "last",
    "later",
    "of",
    "on",
    "quietly",
    "recently",
    "then",
    "to",
    "today",
    "tonight",
    "when",
    "while",
    "with",
    "yesterday",
];

/// Verbs of speaking in the past or present tense. Sorted, lower case.
const SPEECH: &[&str] = &[
    "added",
    "adds",
    "argued",
    "asked",
    "asks",
    "continued",
    "cried",
    "declared",
    "exclaimed",
    "explained",
    "insisted",
    "noted",
    "quipped",
    "recalled",
    "replied",
    "responded",
    "said",
    "says",
    "shouted",
    "tells",
    "told",
    "tweeted",
    "wondered",
    "writes",
    "wrote",
];

/// Characters that may stand between a sentence end and the first word of the next.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '-'
            | '–'
            | '—'
            | '―'
            | '*'
            | '•'
            | '·'
    )
}

/// Whether a full stop after `word` ends the sentence, given that the next one starts with
/// a capital, its first word is `next` (its letters) and `following` is the text from there.
fn period_ends_sentence(word: &str, next: &str, following: &str) -> bool {
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() {
        return true;
    }
    let mut buffer = [0u8; 16];
    let lower = lower_ascii(word, &mut buffer);
    if lower.is_some_and(|w| TITLES.binary_search(&w).is_ok()) {
        return false;
    }
    // "No. VA089897", "Nos. 4A and 4B": a number of a permit, a case or a flight.
    let code = following
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| w.contains(|c: char| c.is_ascii_digit()));
    if matches!(word, "No" | "Nos") && code {
        return false;
    }
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    // "U.S", "p.m", "D.C", "J.R.R": letters between full stops.
    let dotted = word.contains('.')
        && word
            .split('.')
            .all(|piece| piece.chars().count() <= 2 && piece.chars().all(char::is_alphabetic));
    let abbreviation =
        initial || dotted || lower.is_some_and(|w| ABBREVIATIONS.binary_search(&w).is_ok());
    !abbreviation || STARTERS.binary_search(&next).is_ok()
}

/// `word` in lower case in `buffer`, if it is short ASCII (every listed word is).
fn lower_ascii<'b>(word: &str, buffer: &'b mut [u8; 16]) -> Option<&'b str> {
    if word.len() > buffer.len() || !word.is_ascii() {
        return None;
    }
    let lower = &mut buffer[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).ok()
}

/// Quotations and brackets closed within the part, as byte spans from the opening mark to
/// just past the closing one, in order of their start.
///
/// A straight quote mark opens where white space or an opening mark is before it and a
/// character after it, and closes where a character is before it; one that opens while
/// another is open means the first was never closed (a quotation that runs on into the
/// next paragraph), so the new one replaces it. A single quote mark opens only before a
/// letter or a digit and closes only where none follows, so that apostrophes ("don't",
/// "Lee's") are neither. A span longer than [`LONGEST_SHIELD`] is more likely stray marks
/// than a quotation and is left out.
fn shields(part: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let (mut double, mut single, mut bracket) = (None, None, None);
    let mut push = |start: usize, end: usize, longest: usize| {
        if end - start <= longest {
            out.push(Span::new(start, end));
        }
    };
    let bytes = part.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Only a quote mark or a bracket matters here; every other byte is passed over
        // without decoding (the curly marks start with 0xE2, « and » with 0xC2).
        if !matches!(
            bytes[i],
            b'"' | b'\'' | b'`' | b'(' | b')' | b'[' | b']' | 0xC2 | 0xE2
        ) {
            i += 1;
            continue;
        }
        let c = part[i..].chars().next().unwrap_or(' ');
        let before = part[..i].chars().next_back().unwrap_or(' ');
        let mut end = i + c.len_utf8();
        let mut after = part[end..].chars().next().unwrap_or(' ');
        // The typewriter pairs of some wire copy, `` and '', stand for one double mark.
        let pair = matches!((c, after), ('`', '`') | ('\'', '\''));
        if pair {
            end += 1;
            after = part[end..].chars().next().unwrap_or(' ');
        }
        i = end;
        let opens = before.is_whitespace() || is_opening(before);
        let closes = !before.is_whitespace() && !after.is_alphanumeric();
        // What the mark can do, open or close, as its neighbours say.
        let (open, close, slot, longest) = match c {
            '“' | '«' => (true, false, &mut double, LONGEST_SHIELD),
            '”' | '»' => (false, true, &mut double, LONGEST_SHIELD),
            '"' => (
                opens && !after.is_whitespace(),
                !opens || after.is_whitespace(),
                &mut double,
                LONGEST_SHIELD,
            ),
            '`' if pair => (true, false, &mut double, LONGEST_SHIELD),
            '\'' if pair => (
                opens && !after.is_whitespace(),
                true,
                &mut double,
                LONGEST_SHIELD,
            ),
            '‘' => (
                after.is_alphanumeric(),
                false,
                &mut single,
                LONGEST_SHIELD / 4,
            ),
            '\'' => (
                opens && after.is_alphanumeric(),
                closes,
                &mut single,
                LONGEST_SHIELD / 4,
            ),
            '’' => (false, closes, &mut single, LONGEST_SHIELD / 4),
            '(' | '[' => (true, false, &mut bracket, LONGEST_SHIELD),
            ')' | ']' => (false, true, &mut bracket, LONGEST_SHIELD),
            _ => (false, false, &mut bracket, 0),
        };
        if open {
            *slot = Some(i);
        } else if close && let Some(start) = slot.take() {
            push(start, end, longest);
        }
    }
    out.sort_unstable_by_key(|s| s.start);
    out
}

/// Longest quotation or bracket, in bytes, whose inner full stops are not sentence ends:
/// a long paragraph of quoted speech is well under it.
const LONGEST_SHIELD: usize = 2000;

/// Words that open sentences and, after an abbreviation or an initial, say that it ended
/// one: "at 9 a.m. The fire", "Smith & Co. But". Sorted; looked up as written.
const STARTERS: &[&str] = &[
    "About",
    "According",
    "After",
    "Also",
    "Although",
    "An",
    "And",
    "Another",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "During",
    "Each",
    "Even",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "If",
    "In",
    "Instead",
    "It",
    "Its",
    "Many",
    "Meanwhile",
    "Most",
    "My",
    "No",
    "Nor",
    "Not",
    "Now",
    "On",
    "One",
    "Only",
    "Or",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Under",
    "Unlike",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
    "Your",
];

/// Titles before a name, and "v." between two: a full stop after one never ends a
/// sentence. Sorted, lower case.
const TITLES: &[&str] = &[
    "adm", "atty", "capt", "cmdr", "col", "cpl", "del", "det", "dr", "drs", "fr", "gen", "gens",
    "gov", "govs", "hon", "insp", "lt", "maj", "messrs", "mmes", "mr", "mrs", "ms", "msgr", "pres",
    "prof", "profs", "rep", "reps", "rev", "sen", "sens", "sgt", "supt", "v", "vs",
];

/// Abbreviations that end a sentence only before one of the [`STARTERS`]. Sorted, lower
/// case. A dotted one ("U.S.", "a.m.") and a single capital are known without a list; one
/// always followed by a number ("No. 10", "Vol. 2") needs none; a word that is also an
/// everyday one ("ill", "mass", "wash") is left out, as a sentence may end with it.
const ABBREVIATIONS: &[&str] = &[
    "ala", "approx", "apr", "ariz", "assn", "aug", "ave", "bldg", "blvd", "bros", "calif", "cie",
    "co", "colo", "con", "conn", "corp", "ct", "dec", "dept", "dist", "etc", "feb", "fla", "ft",
    "ga", "govt", "hwy", "inc", "ind", "intl", "jan", "jr", "jul", "jun", "kan", "kans", "ky",
    "ln", "ltd", "md", "mfg", "mich", "minn", "mo", "mont", "mt", "natl", "neb", "nev", "nov",
    "oct", "okla", "pa", "plc", "rd", "res", "sept", "sq", "sr", "st", "ste", "tenn", "tex",
    "univ", "va", "vt", "wis", "wyo",
];

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
        let line = "He said \"it is fine\" and left. ".repeat(3 * LONGEST / 30);
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
        let dense = "“”".repeat(LONGEST);
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
    fn the_word_lists_are_sorted_for_binary_search() {
        for list in [STARTERS, TITLES, ABBREVIATIONS, SPEECH, AFTER_SPEECH] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn a_title_never_ends_a_sentence_and_an_abbreviation_ends_one_before_a_starter() {
        assert_eq!(
            sentences("Ms. Pelosi met Sens. Cory Booker and Reps. Jim Banks. They spoke."),
            [
                "Ms. Pelosi met Sens. Cory Booker and Reps. Jim Banks.",
                "They spoke."
            ]
        );
        assert_eq!(
            sentences(
                "Roe v. Wade stood. It began at 9 a.m. Friday and ended at 5 p.m. The court rose."
            ),
            [
                "Roe v. Wade stood.",
                "It began at 9 a.m. Friday and ended at 5 p.m.",
                "The court rose."
            ]
        );
        assert_eq!(
            sentences("She moved to Ft. Myers, Fla. Then she left Acme Corp. But not for long."),
            [
                "She moved to Ft. Myers, Fla.",
                "Then she left Acme Corp.",
                "But not for long."
            ]
        );
        // An everyday word is not taken for an abbreviation.
        assert_eq!(
            sentences("She fell ill. Doctors came."),
            ["She fell ill.", "Doctors came."]
        );
        // "No." before a number or a code is part of it; the answer "No." ends a sentence.
        assert_eq!(
            sentences("Permit No. VA0871 was issued. The answer was No. Then he left."),
            [
                "Permit No. VA0871 was issued.",
                "The answer was No.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn a_quotation_keeps_its_sentences_together_until_it_closes() {
        assert_eq!(
            sentences("He said \"We came. We saw.\" Then he left."),
            ["He said \"We came. We saw.\"", "Then he left."]
        );
        assert_eq!(
            sentences("\u{201c}We came. We saw,\u{201d} he said. Nobody cheered."),
            [
                "\u{201c}We came. We saw,\u{201d} he said.",
                "Nobody cheered."
            ]
        );
        assert_eq!(
            sentences("'We won. They lost,' she said. Lee's team agreed."),
            ["'We won. They lost,' she said.", "Lee's team agreed."]
        );
        // Never closed in the paragraph: the quotation runs on into the next one.
        assert_eq!(
            sentences("\"We came. We saw. We stayed."),
            ["\"We came.", "We saw.", "We stayed."]
        );
        // A mark that opens while another is open starts the quotation again.
        assert_eq!(
            sentences("\"It is over, he said. \"We go home.\" The crowd left."),
            [
                "\"It is over, he said.",
                "\"We go home.\"",
                "The crowd left."
            ]
        );
        assert_eq!(
            sentences("(Reporting by Ana Ruiz. Editing by Tom Lee.) The talks resume."),
            [
                "(Reporting by Ana Ruiz. Editing by Tom Lee.)",
                "The talks resume."
            ]
        );
    }

    #[test]
    fn a_quoted_question_goes_on_with_who_asked_it() {
        assert_eq!(
            sentences("\"Is it over?\" Lee asked. \"Why not?\" Mrs. Ames said on Friday. Go!"),
            [
                "\"Is it over?\" Lee asked.",
                "\"Why not?\" Mrs. Ames said on Friday.",
                "Go!"
            ]
        );
        assert_eq!(
            sentences("\"Why not?\" Will Ames, the mayor of Arden, said of the plan. It passed."),
            [
                "\"Why not?\" Will Ames, the mayor of Arden, said of the plan.",
                "It passed."
            ]
        );
        assert_eq!(
            sentences("They chanted \"No more!\" The police said nothing."),
            ["They chanted \"No more!\"", "The police said nothing."]
        );
        assert_eq!(
            sentences("They shouted \"Go!\" Crowds left the square at noon. Lee said so."),
            [
                "They shouted \"Go!\"",
                "Crowds left the square at noon.",
                "Lee said so."
            ]
        );
    }

    #[test]
    fn typewriter_quotes_and_datelines() {
        assert_eq!(
            sentences("`` It is done. We go home , '' he said . Then he left ."),
            ["`` It is done. We go home , '' he said .", "Then he left ."]
        );
        assert_eq!(
            sentences("He spoke. ''They came. We stayed,'' Lee said."),
            ["He spoke.", "''They came. We stayed,'' Lee said."]
        );
        assert_eq!(
            sentences("KANSAS CITY, Mo. \u{2014} The river rose. It fell. \u{2014} The end."),
            [
                "KANSAS CITY, Mo. \u{2014} The river rose.",
                "It fell.",
                "\u{2014} The end."
            ]
        );
    }

    #[test]
    fn exclamations_ellipses_and_what_follows_them() {
        assert_eq!(
            sentences("\"Help!\" he cried. Nobody came!! Then... nothing? Yes."),
            [
                "\"Help!\" he cried.",
                "Nobody came!!",
                "Then... nothing?",
                "Yes."
            ]
        );
        assert_eq!(
            sentences("It ended . . . Nobody knew. We waited \u{2026} I think. No."),
            [
                "It ended . . .",
                "Nobody knew.",
                "We waited \u{2026} I think.",
                "No."
            ]
        );
        // An attribution after a dash, a no-break space, a full-width stop.
        assert_eq!(
            sentences(
                "\u{201c}It is over.\u{201d} \u{2015} Ana Lee. It rained.\u{a0}It stopped\u{3002} Fine."
            ),
            [
                "\u{201c}It is over.\u{201d}",
                "\u{2015} Ana Lee.",
                "It rained.",
                "It stopped\u{3002}",
                "Fine."
            ]
        );
        // No break before a lower-case word or a number, or without a space.
        assert_eq!(
            sentences("It cost $2.5 billion. it grew. No. 10 said so. See example.com. Done."),
            [
                "It cost $2.5 billion. it grew.",
                "No. 10 said so.",
                "See example.com.",
                "Done."
            ]
        );
    }

    #[test]
    fn many_quote_marks_and_no_stops_take_one_pass() {
        let marks = "\"Go.\" He ran. ".repeat(20_000);
        assert_eq!(shields(&marks).len(), 20_000);
        assert_eq!(ends(marks.trim_end()).len(), 2 * 20_000 - 1);
        // Every mark after a letter closes, and only the first opens.
        let closers = "\"a. B".repeat(20_000);
        assert_eq!(shields(&closers).len(), 1);
        let line = "word ".repeat(200_000);
        assert!(ends(&line).is_empty());
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
