//! Separating the report from what is not the report: bylines, advertisements, prompts,
//! template tags, captions with their credits and sign-offs.
//!
//! Nothing disappears silently: every non-blank byte of the input ends up either in a kept
//! span (to be segmented into sentences) or in a [`Dropped`] item with its reason.
//! The rules describe kinds of web boilerplate, not particular sites.

use std::sync::LazyLock;

use regex::Regex;

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

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("built-in pattern is valid")
}

/// Whole-line rules, tried in order; the first that matches names the reason.
static LINE_RULES: LazyLock<Vec<(DropReason, Regex)>> = LazyLock::new(|| {
    vec![
        (
            DropReason::Advertisement,
            regex(
                r"(?i)^(?:advertisement|advertising|advert|ad|ads|sponsored(?: content)?|paid (?:content|post)|promoted(?: content)?|(?:story|article) continues (?:below|after)(?: (?:this|the))?(?: (?:advertisement|advert|ad))?|continue reading (?:below|the main story)|scroll (?:down )?to continue(?: with content)?|ad feedback)[\s.:–—-]*$",
            ),
        ),
        (
            DropReason::Timestamp,
            regex(
                r"(?i)^(?:published|updated|posted|last updated|first published|last modified)\b[^!?]*\d[^!?]*$",
            ),
        ),
        (
            DropReason::Copyright,
            regex(r"(?i)^(?:©|\(c\)\s|copyright\b|all rights reserved)"),
        ),
        (
            DropReason::RelatedLink,
            regex(
                r#"^(?:More (?:from|on|about)|MORE (?:FROM|ON)|Related(?: (?:stories|articles|coverage|content|topics|links))?\b|RELATED\b|See also|Also read|Read (?:next|also)|Recommended(?: for you)?|Most (?:read|popular|viewed)|Trending(?: now)?|Top stories|Watch:|WATCH\b|Listen:|LISTEN\b|Live updates|Explainer:)[^.!?"”]*$"#,
            ),
        ),
        (
            DropReason::ReadMore,
            regex(
                r"(?i)^(?:read more|continue reading|read the full (?:story|article)|full story|click here to read more|keep reading)\b[^.!?]*[.!?]?$",
            ),
        ),
        (
            DropReason::SharePrompt,
            regex(
                r"(?i)^(?:share(?: this| on| via| the)?\b.*|tweet(?: this)?|e-?mail(?: this)?(?: article| story)?|copy(?: the)? link(?: to clipboard)?|print(?: this)?(?: article| page| story)?|comments?|\d+ comments?|follow (?:us|me|@|the).*|sign up\b.*|subscribe\b.*|click here\b.*|download (?:the|our) app\b.*|join the conversation.*|save(?: article| story)?|bookmark|gift (?:this )?article|facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|messenger|telegram|flipboard)[\s.!:]*$",
            ),
        ),
        (DropReason::PhotoCredit, regex(&credit_pattern())),
        (
            DropReason::Caption,
            regex(
                r"(?i)^(?:image caption|photo caption|picture caption|caption|pictured|image|photo|picture|video)\s*[:|–—-]\s*\S",
            ),
        ),
        (DropReason::Separator, regex(r"^[^\p{L}\p{N}]+$")),
    ]
});

/// A line that is only a picture agency, a photographer and agency, or a credit label.
fn credit_pattern() -> String {
    let agency = r"(?:AAP|AP|AFP|EPA|EPA-EFE|PA|PA Wire|PA Media|Reuters|REUTERS|Getty(?: Images)?|GETTY(?: IMAGES)?|Shutterstock|Bloomberg|Xinhua|Yonhap|KCNA|ANI|UPI|dpa|DPA|Associated Press|Press Association|Alamy|Supplied|SUPPLIED|Pool|POOL|NurPhoto|SOPA Images|Sipa|Anadolu|Kyodo|NEWS1|Newspix|Rex|REX|AP Photo|Facebook|Twitter|Instagram|\p{Lu}[\p{L}&-]*(?:\s+\p{Lu}[\p{L}&-]*)?\s+(?:Images|Photos|Pictures|Photography))";
    let name = r"\p{Lu}[^/]+";
    // After "Photo:", a credit names someone; a caption describes the picture.
    let credited = r"\p{Lu}\S*(?:\s+(?:\p{Lu}|/|&|via\b|for\b)\S*){0,5}";
    format!(
        r"^\(?(?:{agency}(?:\s*(?:/|,|via|and|-|–)\s*{agency})*|{name}\s*/\s*{agency}(?:\s*(?:/|via)\s*{agency})*|(?i:(?:photo|picture|image|photograph|video)(?:s| credit| credits)?|credit|credits)\s*(?:by)?\s*:\s*{credited})\)?\.?$"
    )
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?:[Bb]y|BY|Written by|Words by|Reporting by|Report by)\s+\p{Lu}[^!?]*$|^(?:Reporting|Additional reporting|Editing|Writing) by\s+\p{Lu}",
    )
});

/// Template tags from a content system, such as `[contf]` or `{{byline}}`; `[sic]` is not one.
static TEMPLATE_TAG: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\[(?:[a-z][a-z0-9_-]{2,})\]|\{\{[^{}\n]+\}\}"));

/// Bracketed words that editors write into the text itself, not template tags.
const EDITORIAL_BRACKETS: &[&str] = &[
    "[sic]",
    "[inaudible]",
    "[laughter]",
    "[applause]",
    "[crosstalk]",
    "[unintelligible]",
];

fn template_tags(line: &str) -> impl Iterator<Item = regex::Match<'_>> {
    TEMPLATE_TAG
        .find_iter(line)
        .filter(|m| !EDITORIAL_BRACKETS.contains(&m.as_str()))
}

/// A "read more" prompt that ends a line, sometimes glued to a cut-off sentence.
static READ_MORE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:Read [Mm]ore|READ MORE|Continue [Rr]eading|CONTINUE READING)(?:\s*[-–—:|»>]+\s*[^\s.!?][^.!?]*)?[\s.…]*$",
    )
});

static SENTENCE_END: LazyLock<Regex> = LazyLock::new(|| regex(r#"[.!?…:;"”’)\]]$"#));

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

/// The non-blank lines of `text`, trimmed, as spans.
fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
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
    let words = line.split_whitespace().count();
    if near_top && words <= SHORT_LINE_WORDS && BYLINE.is_match(line) {
        return Some(DropReason::Byline);
    }
    if words > SHORT_LINE_WORDS && !line.starts_with(['©', '(']) {
        return None;
    }
    LINE_RULES
        .iter()
        .find(|(_, re)| re.is_match(line))
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
    let tagged: usize = template_tags(line).map(|m| m.len()).sum();
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
        && !SENTENCE_END.is_match(line)
}

/// Keeps a content line, cutting out template tags and a trailing "read more" prompt.
fn carve_inline(text: &str, line: Span, out: &mut Cleaned) {
    let body = line.of(text);
    let mut cuts: Vec<Dropped> = template_tags(body)
        .map(|m| dropped(Span::new(m.start(), m.end()), DropReason::TemplateTag))
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
    let prompt = READ_MORE_TAIL
        .find(&body[..tags_end])
        .filter(|m| m.as_str().split_whitespace().count() <= READ_MORE_MAX_WORDS);
    if let Some(m) = prompt {
        cuts.retain(|d| d.span.end <= m.start());
        cuts.push(dropped(
            Span::new(m.start(), body.len()),
            DropReason::ReadMore,
        ));
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
    fn byte_order_mark_is_dropped_not_lost() {
        let text = "\u{feff}Rain fell.\r\nWater rose.\r\n";
        let c = clean(text);
        assert_eq!(c.dropped[0].reason, DropReason::ByteOrderMark);
        assert_eq!(kept(text), ["Rain fell.", "Water rose."]);
    }
}
