//! Separating the report from what is not the report: bylines, advertisements, prompts,
//! template tags, captions with their credits, sign-offs, and lines of only a date or a
//! web address.
//!
//! Nothing disappears silently: every non-blank byte of the input ends up either in a kept
//! span (to be segmented into sentences) or in a [`Dropped`] item with its reason.
//! The rules describe kinds of web boilerplate, not particular sites.

use crate::model::{DropReason, Dropped, Span};

/// The input split into what belongs to the report and what does not.
#[derive(Debug, Default, PartialEq)]
pub struct Cleaned {
    /// Ranges of report text, in input order; each lies within one line.
    pub kept: Vec<Span>,
    /// Ranges that are not report text, in input order.
    pub dropped: Vec<Dropped>,
    /// The byline, if the report opens with one (also in `dropped`).
    pub byline: Option<Span>,
}

/// How many words a line may have and still be a prompt, a credit or a sign-off.
const SHORT_LINE_WORDS: usize = 14;
/// How many words a caption may have.
const CAPTION_MAX_WORDS: usize = 45;
/// The most words a trailing "Read More – Source" prompt may have.
const READ_MORE_MAX_WORDS: usize = 8;
/// Bylines are looked for among this many non-blank lines at the top.
const BYLINE_SEARCH_LINES: usize = 3;

mod rules;

/// Whether a whole line is boilerplate of one kind.
type LineRule = fn(&str) -> bool;

/// Whole-line rules, tried in order; the first that matches names the reason.
const LINE_RULES: &[(DropReason, LineRule)] = &[
    (DropReason::Advertisement, rules::is_advertisement),
    (DropReason::Timestamp, rules::is_timestamp),
    (DropReason::Timestamp, rules::is_date_line),
    (DropReason::Url, rules::is_url),
    (DropReason::Copyright, rules::is_copyright),
    (DropReason::RelatedLink, rules::is_related_link),
    (DropReason::ReadMore, rules::is_read_more),
    (DropReason::SharePrompt, rules::is_share_prompt),
    // Before the caption: "Photo: Harbour Council" is a credit, "Photo: crews at work" a
    // caption.
    (DropReason::PhotoCredit, is_photo_credit),
    (DropReason::Caption, rules::is_caption_label),
    (DropReason::Separator, is_separator),
];

/// A line of nothing but punctuation and symbols ("***", "—").
fn is_separator(line: &str) -> bool {
    !line.is_empty() && !line.chars().any(char::is_alphanumeric)
}

/// Picture agencies and wires, as credited under photographs.
const AGENCIES: &[&str] = &[
    "AAP",
    "AP Photo",
    "AP",
    "AFP",
    "EPA-EFE",
    "EPA",
    "PA Wire",
    "PA Media",
    "PA",
    "Reuters",
    "REUTERS",
    "Getty Images",
    "Getty",
    "GETTY IMAGES",
    "GETTY",
    "Shutterstock",
    "Bloomberg",
    "Xinhua",
    "Yonhap",
    "KCNA",
    "ANI",
    "UPI",
    "dpa",
    "DPA",
    "Associated Press",
    "Press Association",
    "Alamy",
    "Supplied",
    "SUPPLIED",
    "Pool",
    "POOL",
    "NurPhoto",
    "SOPA Images",
    "Sipa",
    "Anadolu",
    "Kyodo",
    "NEWS1",
    "Newspix",
    "Rex",
    "REX",
    "Facebook",
    "Twitter",
    "Instagram",
];

/// The last word of an agency named by its kind ("Northlight Images").
const AGENCY_KINDS: &[&str] = &["Images", "Photos", "Pictures", "Photography"];

/// What a credit label says before its colon ("Photo:", "Pictures credit:", "Credit:").
const CREDIT_LABELS: &[&str] = &["photograph", "photo", "picture", "image", "video"];

/// A line that is only a credit for a picture: its agencies ("AP", "Reuters/Getty Images",
/// "Northlight Images"), a photographer and agency ("Jane Roe/AFP"), or a label and a
/// name ("Photo: Harbour Council"), optionally in brackets and with a full stop.
///
/// After "Photo:", a credit names someone in a few capitalised words; a caption describes
/// the picture, and is not a credit.
fn is_photo_credit(line: &str) -> bool {
    let line = line.strip_prefix('(').unwrap_or(line);
    let mut ends = vec![line];
    for tail in [".", ")", ")."] {
        if let Some(shorter) = line.strip_suffix(tail) {
            ends.push(shorter);
        }
    }
    ends.into_iter().any(|body| {
        agency_list(body, &["/", ",", "via", "and", "-", "–"])
            || photographer_and_agency(body)
            || labelled_credit(body)
    })
}

/// `text` is one or more agencies, joined by any of `joins` with optional space around.
fn agency_list(text: &str, joins: &[&str]) -> bool {
    // Positions where an agency may start; each is tried once, so this stays linear.
    let mut starts = vec![false; text.len() + 1];
    starts[0] = true;
    for at in 0..text.len() {
        if !starts[at] {
            continue;
        }
        for end in agencies_at(&text[at..]).into_iter().map(|len| at + len) {
            if end == text.len() {
                return true;
            }
            let after = text[end..].trim_start();
            for join in joins {
                if let Some(rest) = after.strip_prefix(join) {
                    let next = text.len() - rest.trim_start().len();
                    if next > at {
                        starts[next] = true;
                    }
                }
            }
        }
    }
    false
}

/// The lengths of every agency name `text` can start with.
fn agencies_at(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = AGENCIES
        .iter()
        .filter(|a| text.starts_with(*a))
        .map(|a| a.len())
        .collect();
    // An agency by its kind: one or two capitalised words, then "Images" or the like.
    let word = |s: &str| -> Option<usize> {
        let mut chars = s.char_indices();
        let (_, first) = chars.next()?;
        if !first.is_uppercase() {
            return None;
        }
        Some(
            chars
                .find(|&(_, c)| !(c.is_alphabetic() || c == '&' || c == '-'))
                .map_or(s.len(), |(i, _)| i),
        )
    };
    let kind_after_space = |at: usize| -> Vec<usize> {
        let rest = &text[at..];
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() {
            return Vec::new();
        }
        let skip = at + rest.len() - trimmed.len();
        AGENCY_KINDS
            .iter()
            .filter(|k| trimmed.starts_with(*k))
            .map(|k| skip + k.len())
            .collect()
    };
    if let Some(first) = word(text) {
        out.extend(kind_after_space(first));
        let rest = &text[first..];
        let trimmed = rest.trim_start();
        if trimmed.len() < rest.len() {
            let skip = first + rest.len() - trimmed.len();
            if let Some(second) = word(trimmed) {
                out.extend(kind_after_space(skip + second));
            }
        }
    }
    out
}

/// "Jane Roe/AFP", "Jane Roe / AFP via Getty Images".
fn photographer_and_agency(text: &str) -> bool {
    let Some(first) = text.chars().next().filter(|c| c.is_uppercase()) else {
        return false;
    };
    let Some(slash) = text.find('/') else {
        return false;
    };
    slash > first.len_utf8() && agency_list(text[slash + 1..].trim_start(), &["/", "via"])
}

/// "Photo: Harbour Council", "Pictures credit: Jane Roe for the Gazette", "Credit: AP".
fn labelled_credit(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let mut labels: Vec<usize> = Vec::new();
    for label in CREDIT_LABELS {
        if let Some(rest) = lower.strip_prefix(label) {
            for suffix in ["", "s", " credit", " credits"] {
                if rest.starts_with(suffix) {
                    labels.push(label.len() + suffix.len());
                }
            }
        }
    }
    for label in ["credit", "credits"] {
        if lower.starts_with(label) {
            labels.push(label.len());
        }
    }
    labels.into_iter().any(|len| {
        let rest = text[len..].trim_start();
        let rest = rest.strip_prefix("by").unwrap_or(rest).trim_start();
        rest.strip_prefix(':')
            .is_some_and(|name| credited_name(name.trim_start()))
    })
}

/// A name after a credit label: a capitalised word, then at most five more words, each
/// capitalised, a slash or ampersand, "via" or "for".
fn credited_name(text: &str) -> bool {
    if text.is_empty() || text.ends_with(char::is_whitespace) {
        return false;
    }
    let mut words = text.split_whitespace();
    let first_ok = words
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    let linking = |w: &str, link: &str| {
        w.strip_prefix(link)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
    };
    let rest: Vec<&str> = words.collect();
    first_ok
        && rest.len() <= 5
        && rest.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c == '/' || c == '&')
                || linking(w, "via")
                || linking(w, "for")
        })
}

/// What a byline may credit instead of a name: "By a staff reporter", "By our
/// correspondent".
const STAFF: [&str; 7] = [
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "writer",
    "editor",
    "staff",
];

/// What may follow the credit of a byline that names no one: the end of the line, or a
/// separator before a date or a place ("| Published ...", ", in Elsby").
const BYLINE_SEPARATORS: [char; 8] = ['|', ',', '•', '·', '/', '-', '–', '—'];

/// "By a staff reporter", "By our political correspondent | Published ...": "By", then
/// "a", "an" or "our", up to two lower-case words, and a word of [`STAFF`] that ends the
/// line or comes before a separator. "By the end of the day ..." and "By a staff vote of
/// 12 to 3, ..." are sentences.
fn is_staff_byline(line: &str) -> bool {
    let Some(rest) = ["By", "by", "BY"]
        .iter()
        .find_map(|by| line.strip_prefix(by))
    else {
        return false;
    };
    if !rest.starts_with(char::is_whitespace) || line.contains(['!', '?']) {
        return false;
    }
    let mut at = rest.trim_start();
    let Some(article) = ["a ", "an ", "our "].iter().find(|a| at.starts_with(**a)) else {
        return false;
    };
    at = at[article.len()..].trim_start();
    for _ in 0..3 {
        let letters = at.len()
            - at.trim_start_matches(|c: char| c.is_ascii_lowercase())
                .len();
        if letters == 0 {
            return false;
        }
        let (word, after) = at.split_at(letters);
        let next = after.trim_start();
        let credit_ends = next.is_empty() || next.starts_with(BYLINE_SEPARATORS);
        if STAFF.contains(&word) && credit_ends {
            return true;
        }
        if next.len() == after.len() {
            // No space after the word: no other word follows it.
            return false;
        }
        at = next;
    }
    false
}

/// A byline: "By Ann Lee", "Written by ...", "Reporting by ...; Editing by ...", "By a
/// staff reporter".
fn is_byline(line: &str) -> bool {
    // After the lead-in, space and a capital letter.
    let names_after = |lead: &str| {
        line.strip_prefix(lead).is_some_and(|rest| {
            let name = rest.trim_start();
            name.len() < rest.len() && name.starts_with(char::is_uppercase)
        })
    };
    let by = [
        "By",
        "by",
        "BY",
        "Written by",
        "Words by",
        "Reporting by",
        "Report by",
    ];
    let credits = [
        "Reporting by",
        "Additional reporting by",
        "Editing by",
        "Writing by",
    ];
    (by.iter().any(|lead| names_after(lead)) && !line.contains(['!', '?']))
        || credits.iter().any(|lead| names_after(lead))
        || is_staff_byline(line)
}

/// Template tags from a content system, such as `[contf]` or `{{byline}}`; `[sic]` is not one.
fn template_tags(line: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = line.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            // Most of a line holds no bracket: skip to the next one.
            match bytes[at..].iter().position(|&b| b == b'[' || b == b'{') {
                Some(skip) => at += skip,
                None => break,
            }
            let start = at;
            let end = match bytes[at] {
                b'[' => bracket_tag_end(bytes, at),
                b'{' => brace_tag_end(bytes, at),
                _ => None,
            };
            match end {
                Some(end) => {
                    at = end;
                    return Some(Span::new(start, end));
                }
                None => at += 1,
            }
        }
        None
    })
    .filter(move |tag| !EDITORIAL_BRACKETS.contains(&tag.of(line)))
}

/// `[contf]`: a lower-case letter, then two or more letters, digits, `_` or `-`.
fn bracket_tag_end(bytes: &[u8], open: usize) -> Option<usize> {
    let inner = &bytes[open + 1..];
    let len = inner
        .iter()
        .position(|&b| !(b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-'))
        .unwrap_or(inner.len());
    (len >= 3 && inner[0].is_ascii_lowercase() && inner.get(len) == Some(&b']'))
        .then_some(open + 1 + len + 1)
}

/// `{{byline}}`: anything but braces and line ends between double braces.
fn brace_tag_end(bytes: &[u8], open: usize) -> Option<usize> {
    if bytes.get(open + 1) != Some(&b'{') {
        return None;
    }
    let inner = &bytes[open + 2..];
    let len = inner
        .iter()
        .position(|&b| matches!(b, b'{' | b'}' | b'\n' | b'\r'))
        .unwrap_or(inner.len());
    (len >= 1 && inner[len..].starts_with(b"}}")).then_some(open + 2 + len + 2)
}

/// Bracketed words that editors write into the text itself, not template tags.
const EDITORIAL_BRACKETS: &[&str] = &[
    "[sic]",
    "[inaudible]",
    "[laughter]",
    "[applause]",
    "[crosstalk]",
    "[unintelligible]",
];

/// Whether a line ends as a sentence or a quotation does.
fn ends_like_a_sentence(line: &str) -> bool {
    line.ends_with(['.', '!', '?', '…', ':', ';', '"', '”', '’', ')', ']'])
}

/// Separates report text from boilerplate.
///
/// ```
/// let c = factdiff::clean::clean("By Ann Lee, reporter\nRain fell.\nAdvertisement\n");
/// assert_eq!(c.kept.len(), 1);
/// assert_eq!(c.dropped.len(), 2);
/// ```
pub fn clean(text: &str) -> Cleaned {
    let mut out = Cleaned::default();
    let mut lines = lines(text);
    if text.starts_with('\u{feff}') {
        let bom = '\u{feff}'.len_utf8();
        out.dropped
            .push(dropped(Span::new(0, bom), DropReason::ByteOrderMark));
        if let Some(first) = lines.first_mut().filter(|l| l.start < bom) {
            *first = Span::new(bom, first.end).trim(text);
            if first.is_empty() {
                lines.remove(0);
            }
        }
    }
    let reasons = classify(text, &lines);
    for (line, reason) in lines.iter().zip(reasons) {
        match reason {
            Some(reason) => {
                if reason == DropReason::Byline && out.byline.is_none() {
                    out.byline = Some(*line);
                }
                out.dropped.push(dropped(*line, reason));
            }
            None => carve_inline(text, *line, &mut out),
        }
    }
    out
}

fn dropped(span: Span, reason: DropReason) -> Dropped {
    Dropped { span, reason }
}

/// The lines of `text`, each with its line end: LF, CRLF, or a lone CR (old Mac files), each
/// one break. Together they are the whole text.
///
/// ```
/// let lines: Vec<&str> = factdiff::clean::split_lines("a\rb\r\nc\nd").collect();
/// assert_eq!(lines, ["a\r", "b\r\n", "c\n", "d"]);
/// ```
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let mut end = bytes[start..]
            .iter()
            .position(|&b| matches!(b, b'\n' | b'\r'))
            .map_or(bytes.len(), |i| start + i + 1);
        if bytes[end - 1] == b'\r' && bytes.get(end) == Some(&b'\n') {
            end += 1;
        }
        let line = &text[start..end];
        start = end;
        Some(line)
    })
}

/// The non-blank lines of `text`, trimmed, as spans.
fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in split_lines(text) {
        let span = Span::new(start, start + line.len()).trim(text);
        if !span.is_empty() {
            out.push(span);
        }
        start += line.len();
    }
    out
}

/// Decides, line by line, whether a line is boilerplate and why.
fn classify(text: &str, lines: &[Span]) -> Vec<Option<DropReason>> {
    let mut reasons: Vec<Option<DropReason>> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| line_reason(line.of(text), i < BYLINE_SEARCH_LINES))
        .collect();
    mark_captions(text, lines, &mut reasons);
    mark_sign_off(text, lines, &mut reasons);
    reasons
}

fn line_reason(line: &str, near_top: bool) -> Option<DropReason> {
    // Only whether the line is short matters: a long line is not counted to its end.
    let words = line.split_whitespace().take(SHORT_LINE_WORDS + 1).count();
    if near_top && words <= SHORT_LINE_WORDS && is_byline(line) {
        return Some(DropReason::Byline);
    }
    if words > SHORT_LINE_WORDS && !line.starts_with(['©', '(']) {
        return None;
    }
    LINE_RULES
        .iter()
        .find(|(_, rule)| rule(line))
        .map(|(reason, _)| *reason)
}

/// A photo credit line names the picture above it: that line is its caption.
///
/// A credit that ends the report is an agency sign-off instead, with no caption.
fn mark_captions(text: &str, lines: &[Span], reasons: &mut [Option<DropReason>]) {
    let last = lines.len().saturating_sub(1);
    for i in 1..lines.len() {
        if reasons[i] != Some(DropReason::PhotoCredit) || reasons[i - 1].is_some() {
            continue;
        }
        if i == last {
            reasons[i] = Some(DropReason::SignOff);
            continue;
        }
        let above = lines[i - 1].of(text);
        if looks_like_caption(above) {
            reasons[i - 1] = Some(DropReason::Caption);
        }
    }
}

/// A caption is one short descriptive sentence: no quotation, no lead-in colon.
fn looks_like_caption(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let quoted = line.contains(['"', '“', '”']);
    let several_sentences = line.trim_end_matches(['.', ' ']).contains(". ");
    words <= CAPTION_MAX_WORDS && !quoted && !line.ends_with(':') && !several_sentences
}

/// A report often ends with the outlet's name on a line of its own ("Sky News").
fn mark_sign_off(text: &str, lines: &[Span], reasons: &mut [Option<DropReason>]) {
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| reasons[i].is_none() && !only_template_tags(lines[i].of(text)))
        .collect();
    let Some((&last, before)) = content.split_last() else {
        return;
    };
    if before.len() >= 2 && looks_like_sign_off(lines[last].of(text)) {
        reasons[last] = Some(DropReason::SignOff);
    }
}

fn only_template_tags(line: &str) -> bool {
    let tagged: usize = template_tags(line).map(|tag| tag.len()).sum();
    let words: usize = line.split_whitespace().map(str::len).sum();
    tagged > 0 && tagged == words
}

/// A few capitalised words with no sentence punctuation: a name, not a sentence.
fn looks_like_sign_off(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let capitalised = |w: &&str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '&')
            || matches!(*w, "and" | "of" | "the" | "for")
    };
    !words.is_empty()
        && words.len() <= 5
        && words.iter().all(capitalised)
        && !ends_like_a_sentence(line)
}

/// Keeps a content line, cutting out template tags and a trailing "read more" prompt.
fn carve_inline(text: &str, line: Span, out: &mut Cleaned) {
    let body = line.of(text);
    let mut cuts: Vec<Dropped> = template_tags(body)
        .map(|tag| dropped(tag, DropReason::TemplateTag))
        .collect();
    let tags_end = cuts
        .iter()
        .rev()
        .take_while({
            let mut end = body.len();
            move |d| {
                let trailing = body[d.span.end..end].trim().is_empty();
                end = d.span.start;
                trailing
            }
        })
        .last()
        .map_or(body.len(), |d| d.span.start);
    let head = &body[..tags_end];
    let prompt = rules::read_more_tail(head)
        .filter(|&start| head[start..].split_whitespace().count() <= READ_MORE_MAX_WORDS);
    if let Some(start) = prompt {
        cuts.retain(|d| d.span.end <= start);
        cuts.push(dropped(Span::new(start, body.len()), DropReason::ReadMore));
    }
    let mut start = 0;
    for cut in &cuts {
        keep(
            text,
            Span::new(start, cut.span.start).shift(line.start),
            out,
        );
        out.dropped
            .push(dropped(cut.span.shift(line.start).trim(text), cut.reason));
        start = cut.span.end;
    }
    keep(text, Span::new(start, body.len()).shift(line.start), out);
}

fn keep(text: &str, span: Span, out: &mut Cleaned) {
    let span = span.trim(text);
    if !span.is_empty() {
        out.kept.push(span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::matcher_tests::{CASES, glue, run, spans, texts};
    use regex::Regex;

    fn regex(pattern: &str) -> Regex {
        Regex::new(pattern).unwrap()
    }

    /// The expressions the hand-written credit, byline and template-tag rules stand for.
    fn credit_expression() -> Regex {
        let agency = r"(?:AAP|AP|AFP|EPA|EPA-EFE|PA|PA Wire|PA Media|Reuters|REUTERS|Getty(?: Images)?|GETTY(?: IMAGES)?|Shutterstock|Bloomberg|Xinhua|Yonhap|KCNA|ANI|UPI|dpa|DPA|Associated Press|Press Association|Alamy|Supplied|SUPPLIED|Pool|POOL|NurPhoto|SOPA Images|Sipa|Anadolu|Kyodo|NEWS1|Newspix|Rex|REX|AP Photo|Facebook|Twitter|Instagram|\p{Lu}[\p{L}&-]*(?:\s+\p{Lu}[\p{L}&-]*)?\s+(?:Images|Photos|Pictures|Photography))";
        let name = r"\p{Lu}[^/]+";
        let credited = r"\p{Lu}\S*(?:\s+(?:\p{Lu}|/|&|via\b|for\b)\S*){0,5}";
        regex(&format!(
            r"^\(?(?:{agency}(?:\s*(?:/|,|via|and|-|–)\s*{agency})*|{name}\s*/\s*{agency}(?:\s*(?:/|via)\s*{agency})*|(?i:(?:photo|picture|image|photograph|video)(?:s| credit| credits)?|credit|credits)\s*(?:by)?\s*:\s*{credited})\)?\.?$"
        ))
    }

    #[test]
    fn credit_shapes_agree_with_their_expression() {
        use proptest::prelude::*;
        let credit = credit_expression();
        let agency = prop::sample::select(vec![
            "AP",
            "AP Photo",
            "Getty Images",
            "Reuters",
            "Sea Air Photos",
            "Northlight Images",
            "Ann",
            "dpa",
            "EPA-EFE",
        ]);
        let join = prop::sample::select(vec!["/", " / ", ", ", " via ", " and ", "-", " – ", " "]);
        let token = prop::sample::select(vec![
            "Ann",
            "Roe",
            "/",
            "&",
            "via",
            "viaduct",
            "for",
            "the",
            "Times",
            "AFP/Getty",
            "x.",
        ]);
        let label = prop::sample::select(vec![
            "Photo",
            "Photos",
            "photo credit",
            "Picture credits",
            "Image",
            "Credit",
            "Credits",
            "Video",
            "Photograph",
        ]);
        let shape = prop_oneof![
            prop::collection::vec((agency.clone(), join.clone()), 1..4).prop_map(|v| {
                let mut line: String = v.iter().map(|(a, j)| format!("{a}{j}")).collect();
                line.truncate(line.len() - v.last().unwrap().1.len());
                line
            }),
            (agency.clone(), prop::collection::vec(agency, 1..3))
                .prop_map(|(name, v)| { format!("Jane {name} / {}", v.join(" via ")) }),
            (
                label,
                prop::sample::select(vec![":", " by:", " : ", ":"]),
                prop::collection::vec(token, 1..8)
            )
                .prop_map(|(l, c, t)| format!("{l}{c} {}", t.join(" "))),
        ];
        let line = (
            prop::sample::select(vec!["", "("]),
            shape,
            prop::sample::select(vec!["", ")", ".", ").", " "]),
        );
        run(CASES, &line, |(open, body, close)| {
            let line = format!("{open}{body}{close}");
            prop_assert_eq!(is_photo_credit(&line), credit.is_match(&line), "{:?}", line);
            Ok(())
        });
    }

    #[test]
    fn hand_written_rules_agree_with_their_expressions() {
        let credit = credit_expression();
        let byline = regex(
            r"^(?:[Bb]y|BY|Written by|Words by|Reporting by|Report by)\s+\p{Lu}[^!?]*$|^(?:Reporting|Additional reporting|Editing|Writing) by\s+\p{Lu}|^(?:[Bb]y|BY)\s+(?:a|an|our) \s*(?:[a-z]+\s+){0,2}(?:reporters?|correspondents?|writer|editor|staff)\s*(?:[|,•·/\-–—][^!?]*)?$",
        );
        let tag = regex(r"\[(?:[a-z][a-z0-9_-]{2,})\]|\{\{[^{}\n]+\}\}");
        let piece = proptest::sample::select(vec![
            "(",
            ")",
            ".",
            "/",
            " / ",
            ",",
            " via ",
            "via",
            " and ",
            "-",
            " – ",
            ":",
            " : ",
            "AP",
            "AP Photo",
            "AFP",
            "EPA-EFE",
            "Getty Images",
            "Getty",
            "Reuters",
            "PA Wire",
            "Northlight Images",
            "Sea Air Photos",
            "Ann",
            "Jane Roe",
            "Photo",
            "photos",
            "Picture credit",
            "Credit",
            "by",
            "By",
            "BY",
            " ",
            "  ",
            "a",
            "our",
            "staff",
            "political",
            "reporter",
            "correspondent,",
            "editors",
            "vote",
            "|",
            "reporter's",
            "Written by",
            "for",
            "the",
            "The Times",
            "&",
            "crews",
            "!",
            "?",
            "[contf]",
            "[ab]",
            "{{byline}}",
            "{{",
            "}}",
            "[sic]",
            "É",
            "x",
        ]);
        run(CASES, &texts(piece, glue(), 1..9), |line| {
            proptest::prop_assert_eq!(
                is_photo_credit(&line),
                credit.is_match(&line),
                "credit {:?}",
                line
            );
            proptest::prop_assert_eq!(
                is_byline(&line),
                byline.is_match(&line),
                "byline {:?}",
                line
            );
            let by_hand: Vec<(usize, usize)> =
                template_tags(&line).map(|t| (t.start, t.end)).collect();
            let mut by_expression = spans(&tag, &line);
            by_expression.retain(|&(s, e)| !EDITORIAL_BRACKETS.contains(&&line[s..e]));
            proptest::prop_assert_eq!(by_hand, by_expression, "tags {:?}", line);
            Ok(())
        });
    }

    fn reasons(text: &str) -> Vec<(&str, &'static str)> {
        clean(text)
            .dropped
            .iter()
            .map(|d| (d.span.of(text), d.reason.as_str()))
            .collect()
    }

    fn kept(text: &str) -> Vec<&str> {
        clean(text).kept.iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn byline_at_top_becomes_metadata() {
        let text = "By Ann Lee, science editor\nThe dam held.\n";
        let c = clean(text);
        assert_eq!(
            c.byline.map(|s| s.of(text)),
            Some("By Ann Lee, science editor")
        );
        assert_eq!(kept(text), ["The dam held."]);
    }

    #[test]
    fn a_byline_may_credit_staff_instead_of_a_name() {
        for byline in [
            "By a staff reporter | Published 12 May 2026",
            "By our political correspondent",
            "By our staff",
        ] {
            let text = format!("{byline}\nThe dam held.\n");
            assert_eq!(kept(&text), ["The dam held."], "{byline}");
        }
        // A sentence that opens with "By" stays.
        let text = "By the end of the day the dam held.\nBy a margin of two votes it passed.\n\
            By a staff vote of 12 to 3, workers agreed.\nBy a reporter's count, 40 were hurt.\n";
        assert_eq!(kept(text).len(), 4);
    }

    #[test]
    fn byline_lower_down_is_a_sentence() {
        let text = "One.\nTwo.\nThree.\nBy Monday the water had gone\n";
        assert_eq!(kept(text).len(), 4);
    }

    #[test]
    fn drops_advertisement_and_related_links() {
        let text = "The dam held.\nADVERTISEMENT\nMore from Harbour Council\nWater rose.\n";
        assert_eq!(
            reasons(text),
            [
                ("ADVERTISEMENT", "advertisement"),
                ("More from Harbour Council", "related-link")
            ]
        );
    }

    #[test]
    fn drops_a_line_that_is_only_a_web_address() {
        let text = "http://www.harbour-gazette.example/news/dam-holds-after-storm /\nThe dam held.\nhttps://coastal.example/story?id=4417\nWater rose.\n";
        assert_eq!(
            reasons(text),
            [
                (
                    "http://www.harbour-gazette.example/news/dam-holds-after-storm /",
                    "url"
                ),
                ("https://coastal.example/story?id=4417", "url")
            ]
        );
    }

    #[test]
    fn a_web_address_inside_a_sentence_is_kept() {
        let text = "Details are at www.harbour.example/dam for residents.\n";
        assert_eq!(kept(text).len(), 1);
        assert_eq!(kept("http://a.example/b says the dam held.\n").len(), 1);
    }

    #[test]
    fn drops_a_line_that_is_only_a_date_or_time() {
        let lines = [
            "March 3, 2031",
            "11:40 P.M. MAR. 2, 2031",
            "on Aug 9 2031, 6:15p",
            "19 October 2031-22:05",
            "Tue Nov 4, 2031 09:12 AM EST",
            "Friday, 14th February 2031 | 08:30 GMT",
            "2031-03-02",
            "Posted on 03/02/2031",
            "March 3",
        ];
        for line in lines {
            let text = format!("{line}\nThe dam held.\n");
            assert_eq!(reasons(&text), [(line, "timestamp")], "{line}");
        }
    }

    #[test]
    fn a_line_with_a_date_and_other_words_is_a_sentence() {
        for line in [
            "Dam holds after storm, March 3, 2031",
            "On March 3 the dam held.",
            "May 2031 be kinder",
            "Sunday",
            "2031",
            "12 to 3",
            "Mayor Lee, 10:30",
        ] {
            let text = format!("{line}\nThe dam held.\n");
            assert_eq!(kept(&text).len(), 2, "{line}");
        }
    }

    #[test]
    fn related_prefix_in_a_sentence_is_kept() {
        let text = "More from the council is expected on Friday.\n";
        assert_eq!(kept(text), ["More from the council is expected on Friday."]);
    }

    #[test]
    fn drops_share_prompts() {
        let text = "Share this article\nRain fell.\nFollow us on Twitter\nRain stopped.\n";
        assert_eq!(
            reasons(text),
            [
                ("Share this article", "share-prompt"),
                ("Follow us on Twitter", "share-prompt")
            ]
        );
    }

    #[test]
    fn credit_line_takes_caption_above_it() {
        let text = "Rain fell on the town.\nThe mayor inspects the dam.\nReuters\nWater rose by a metre.\n";
        assert_eq!(
            reasons(text),
            [
                ("The mayor inspects the dam.", "caption"),
                ("Reuters", "photo-credit")
            ]
        );
    }

    #[test]
    fn a_picture_agency_by_its_kind_is_a_credit() {
        let text = "The ferry lies on its side.\nRescue boats circle the ferry.\nNorthlight Images\nIt sank.";
        assert_eq!(
            reasons(text),
            [
                ("Rescue boats circle the ferry.", "caption"),
                ("Northlight Images", "photo-credit")
            ]
        );
    }

    #[test]
    fn photographer_slash_agency_is_a_credit() {
        let text = "A.\nThe dam at dawn.\nJane Roe/AFP\nB.\n";
        assert_eq!(reasons(text)[1], ("Jane Roe/AFP", "photo-credit"));
    }

    #[test]
    fn photo_label_with_a_name_is_a_credit_with_a_description_a_caption() {
        let text = "A.\nThe dam at dawn.\nPhoto: Harbour Council\nB.\nPhoto: crews inspect the dam wall\nC.\n";
        assert_eq!(
            reasons(text),
            [
                ("The dam at dawn.", "caption"),
                ("Photo: Harbour Council", "photo-credit"),
                ("Photo: crews inspect the dam wall", "caption")
            ]
        );
    }

    #[test]
    fn quoted_line_above_credit_is_not_a_caption() {
        let text = "A.\n\"We held,\" she said.\nAAP\nB.\n";
        assert_eq!(reasons(text), [("AAP", "photo-credit")]);
    }

    #[test]
    fn outlet_name_at_end_is_sign_off() {
        let text = "Rain fell.\nWater rose.\nThe dam held.\nHarbour Daily News\n";
        assert_eq!(reasons(text), [("Harbour Daily News", "sign-off")]);
    }

    #[test]
    fn short_report_keeps_its_last_line() {
        assert_eq!(kept("Rain Fell\n"), ["Rain Fell"]);
    }

    #[test]
    fn cuts_template_tags_anywhere() {
        let text = "Rain fell [embed] hard.\n[contf] [contfnew]\n";
        assert_eq!(kept(text), ["Rain fell", "hard."]);
        assert_eq!(
            reasons(text),
            [
                ("[embed]", "template-tag"),
                ("[contf]", "template-tag"),
                ("[contfnew]", "template-tag")
            ]
        );
    }

    #[test]
    fn keeps_editorial_sic() {
        assert_eq!(
            kept("He said it was [sic] fine.\n"),
            ["He said it was [sic] fine."]
        );
    }

    #[test]
    fn cuts_read_more_glued_to_a_cut_off_sentence() {
        let text = "He met the crews stRead More – Source\n";
        assert_eq!(kept(text), ["He met the crews st"]);
        assert_eq!(reasons(text), [("Read More – Source", "read-more")]);
    }

    #[test]
    fn long_text_after_read_more_is_a_sentence() {
        let text = "Officials told readers: Read More – the notice lists every closure planned across the district this winter\n";
        assert_eq!(kept(text).len(), 1);
    }

    #[test]
    fn read_more_inside_a_sentence_is_kept() {
        let text = "Parents should read more to children.\n";
        assert_eq!(kept(text), ["Parents should read more to children."]);
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        // Old Mac line ends: every rule sees the lines, not one long line.
        let text = "By Ann Lee\rRain fell.\rAdvertisement\rWater rose.\r";
        let c = clean(text);
        assert_eq!(kept(text), ["Rain fell.", "Water rose."]);
        let reasons: Vec<(&str, DropReason)> = c
            .dropped
            .iter()
            .map(|d| (d.span.of(text), d.reason))
            .collect();
        assert_eq!(
            reasons,
            [
                ("By Ann Lee", DropReason::Byline),
                ("Advertisement", DropReason::Advertisement)
            ]
        );
        // A CRLF is one line end, and the lines are the same as with LF alone.
        let crlf = "By Ann Lee\r\nRain fell.\r\nAdvertisement\r\nWater rose.\r\n";
        assert_eq!(lines(crlf).len(), 4);
        assert_eq!(kept(crlf), ["Rain fell.", "Water rose."]);
        // A template tag does not run on past a line end.
        assert_eq!(brace_tag_end(b"{{by\rline}}", 0), None);
    }

    #[test]
    fn byte_order_mark_is_dropped_not_lost() {
        let text = "\u{feff}Rain fell.\r\nWater rose.\r\n";
        let c = clean(text);
        assert_eq!(c.dropped[0].reason, DropReason::ByteOrderMark);
        assert_eq!(kept(text), ["Rain fell.", "Water rose."]);
    }
}
