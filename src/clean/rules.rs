//! Whole-line rules for web boilerplate: prompts, advertisements, timestamps and date lines,
//! web addresses, related links.
//!
//! Each rule is a few phrases and what may follow them. They are matched by hand: the
//! phrases are literal, and compiling them as regular expressions cost more than cleaning
//! a whole article. The expression each rule stands for is written above it, and a test
//! checks the two agree on generated lines. Case is ignored where the expression says
//! `(?i)`, for ASCII letters (the phrases are English).

use crate::text::is_word_char;

/// Every way `line` can start with one choice from each step in turn: what is left after
/// each way. `ci` ignores ASCII case.
fn rests<'a>(line: &'a str, steps: &[&[&str]], ci: bool) -> Vec<&'a str> {
    let mut current = vec![line];
    for step in steps {
        current = current
            .iter()
            .flat_map(|rest| step.iter().filter_map(move |w| strip(rest, w, ci)))
            .collect();
    }
    current
}

fn strip<'a>(text: &'a str, prefix: &str, ci: bool) -> Option<&'a str> {
    let head = text.as_bytes().get(..prefix.len())?;
    let same = if ci {
        head.eq_ignore_ascii_case(prefix.as_bytes())
    } else {
        head == prefix.as_bytes()
    };
    // A match of ASCII bytes ends on a character boundary.
    same.then(|| &text[prefix.len()..])
}

/// A word boundary at the start of `rest`, after a word (`\b`).
fn ends_word(rest: &str) -> bool {
    !rest.starts_with(is_word_char)
}

/// `(?i)^(?:advertisement|advertising|advert|ad|ads|sponsored(?: content)?|paid (?:content|post)
/// |promoted(?: content)?|(?:story|article) continues (?:below|after)(?: (?:this|the))?
/// (?: (?:advertisement|advert|ad))?|continue reading (?:below|the main story)
/// |scroll (?:down )?to continue(?: with content)?|ad feedback)[\s.:–—-]*$`
pub(super) fn is_advertisement(line: &str) -> bool {
    let shapes: &[&[&[&str]]] = &[
        &[&[
            "advertisement",
            "advertising",
            "advert",
            "ad",
            "ads",
            "ad feedback",
        ]],
        &[&["sponsored", "promoted"], &["", " content"]],
        &[&["paid "], &["content", "post"]],
        &[
            &["story", "article"],
            &[" continues "],
            &["below", "after"],
            &["", " this", " the"],
            &["", " advertisement", " advert", " ad"],
        ],
        &[&["continue reading "], &["below", "the main story"]],
        &[
            &["scroll "],
            &["", "down "],
            &["to continue"],
            &["", " with content"],
        ],
    ];
    let tail = |rest: &str| {
        rest.chars()
            .all(|c| c.is_whitespace() || matches!(c, '.' | ':' | '–' | '—' | '-'))
    };
    shapes
        .iter()
        .any(|steps| rests(line, steps, true).into_iter().any(tail))
}

/// `(?i)^(?:published|updated|posted|last updated|first published|last modified)\b[^!?]*\d[^!?]*$`
pub(super) fn is_timestamp(line: &str) -> bool {
    let words = [
        "published",
        "updated",
        "posted",
        "last updated",
        "first published",
        "last modified",
    ];
    rests(line, &[&words], true).into_iter().any(|rest| {
        ends_word(rest) && !rest.contains(['!', '?']) && rest.contains(|c: char| c.is_numeric())
    })
}

/// A line that is only a web address: `(?i)^(?:https?://|www\.)\S+(?:\s+/)?$`
/// ("http://example.com/news/story?id=12", and the same followed by " /").
pub(super) fn is_url(line: &str) -> bool {
    let Some(rest) = ["http://", "https://", "www."]
        .iter()
        .find_map(|start| strip(line, start, true))
    else {
        return false;
    };
    let address = rest.split(char::is_whitespace).next().unwrap_or("");
    let after = &rest[address.len()..];
    !address.is_empty() && (after.is_empty() || after.trim_start() == "/")
}

/// The words a line of only a date or time may hold: months, weekdays, lead-ins, "a.m."
/// and "p.m." in pieces, ordinal endings and time zones.
const DATE_LINE_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "on",
    "at",
    "posted",
    "published",
    "updated",
    "last",
    "first",
    "modified",
    "am",
    "pm",
    "a",
    "p",
    "m",
    "st",
    "nd",
    "rd",
    "th",
    "est",
    "edt",
    "cst",
    "cdt",
    "mst",
    "mdt",
    "pst",
    "pdt",
    "et",
    "ct",
    "mt",
    "pt",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "eet",
    "eest",
    "ist",
    "jst",
    "kst",
    "hkt",
    "sgt",
    "aest",
    "aedt",
    "awst",
    "nzst",
    "nzdt",
];

/// How many of [`DATE_LINE_WORDS`] are months: the first twenty-four.
const DATE_LINE_MONTHS: usize = 24;

/// What may stand between the words and numbers of a date line.
fn date_line_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            ',' | '|' | '/' | '-' | '–' | '—' | '.' | ':' | '+' | '(' | ')'
        )
}

/// A line of nothing but a date, a time or both ("February 5, 2009", "10:55 P.M. FEB. 2,
/// 2009", "on Jul 7 2012, 5:55p", "17 September 2013-21:29", "Mon Dec 7, 2026 12:49 PM
/// EST"): the line matches
///
/// ```text
/// ^N*(?:W(?:N+W)*)?N*$   with N = [\s0-9,|/\-–—.:+()] and W = (?i:<DATE_LINE_WORDS>)
/// ```
///
/// and names a month or a clock time or a date in figures, that is it also matches
///
/// ```text
/// (?i)(?:^|[^a-z])(?:<the months>)(?:[^a-z]|$)|(?:^|[^0-9])[0-9]{1,2}:[0-9]{2}(?:[^0-9]|$)
///   |(?:^|[^0-9])[0-9]{1,4}[/.-][0-9]{1,2}[/.-][0-9]{1,4}(?:[^0-9]|$)
/// ```
///
/// A line with any other word ("Storm hits coast February 5, 2009") is a sentence.
pub(super) fn is_date_line(line: &str) -> bool {
    let mut month = false;
    let mut at = 0;
    while at < line.len() {
        let rest = &line[at..];
        let letters = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .len();
        if letters > 0 {
            let word = &rest[..letters];
            let Some(i) = DATE_LINE_WORDS
                .iter()
                .position(|w| w.eq_ignore_ascii_case(word))
            else {
                return false;
            };
            month |= i < DATE_LINE_MONTHS;
            at += letters;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        if !(c.is_ascii_digit() || date_line_separator(c)) {
            return false;
        }
        at += c.len_utf8();
    }
    month || clock_or_figures(line.as_bytes())
}

/// A clock time ("5:55", "21:29") or a date in figures ("2012-12-23", "23/12/2012") among
/// the runs of digits of `line`.
fn clock_or_figures(line: &[u8]) -> bool {
    // Each run of digits as (start, end).
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (at, b) in line.iter().enumerate() {
        if !b.is_ascii_digit() {
            continue;
        }
        match runs.last_mut() {
            Some(run) if run.1 == at => run.1 = at + 1,
            _ => runs.push((at, at + 1)),
        }
    }
    let len = |i: usize| runs.get(i).map_or(0, |r| r.1 - r.0);
    // The byte after run `i`, if exactly that byte separates it from run `i + 1`.
    let joined = |i: usize| {
        runs.get(i + 1)
            .filter(|next| next.0 == runs[i].1 + 1)
            .map(|_| line[runs[i].1])
    };
    (0..runs.len()).any(|i| {
        let clock = (1..=2).contains(&len(i)) && joined(i) == Some(b':') && len(i + 1) == 2;
        let figure = |j: usize| matches!(joined(j), Some(b'/' | b'.' | b'-'));
        let figures = (1..=4).contains(&len(i))
            && figure(i)
            && (1..=2).contains(&len(i + 1))
            && figure(i + 1)
            && (1..=4).contains(&len(i + 2));
        clock || figures
    })
}

/// `(?i)^(?:©|\(c\)\s|copyright\b|all rights reserved)`
pub(super) fn is_copyright(line: &str) -> bool {
    strip(line, "©", true).is_some()
        || strip(line, "(c)", true).is_some_and(|rest| rest.starts_with(char::is_whitespace))
        || strip(line, "copyright", true).is_some_and(ends_word)
        || strip(line, "all rights reserved", true).is_some()
}

/// ```text
/// ^(?:More (?:from|on|about)|MORE (?:FROM|ON)|Related(?: (?:stories|articles|coverage|content
///   |topics|links))?\b|RELATED\b|See also|Also read|Read (?:next|also)|Recommended(?: for you)?
///   |Most (?:read|popular|viewed)|Trending(?: now)?|Top stories|Watch:|WATCH\b|Listen:
///   |LISTEN\b|Live updates|Explainer:)[^.!?"”]*$
/// ```
pub(super) fn is_related_link(line: &str) -> bool {
    let open: &[&[&[&str]]] = &[
        &[&["More "], &["from", "on", "about"]],
        &[&["MORE "], &["FROM", "ON"]],
        &[&["See also", "Also read", "Top stories", "Watch:", "Listen:"]],
        &[&["Live updates", "Explainer:"]],
        &[&["Read "], &["next", "also"]],
        &[&["Recommended"], &["", " for you"]],
        &[&["Most "], &["read", "popular", "viewed"]],
        &[&["Trending"], &["", " now"]],
    ];
    let bounded: &[&[&[&str]]] = &[
        &[
            &["Related"],
            &[
                "",
                " stories",
                " articles",
                " coverage",
                " content",
                " topics",
                " links",
            ],
        ],
        &[&["RELATED", "WATCH", "LISTEN"]],
    ];
    let tail = |rest: &str| !rest.contains(['.', '!', '?', '"', '”']);
    open.iter()
        .any(|steps| rests(line, steps, false).into_iter().any(tail))
        || bounded.iter().any(|steps| {
            rests(line, steps, false)
                .into_iter()
                .any(|rest| ends_word(rest) && tail(rest))
        })
}

/// `(?i)^(?:read more|continue reading|read the full (?:story|article)|full story
/// |click here to read more|keep reading)\b[^.!?]*[.!?]?$`
pub(super) fn is_read_more(line: &str) -> bool {
    let words = [
        "read more",
        "continue reading",
        "read the full story",
        "read the full article",
        "full story",
        "click here to read more",
        "keep reading",
    ];
    rests(line, &[&words], true).into_iter().any(|rest| {
        let body = rest.strip_suffix(['.', '!', '?']).unwrap_or(rest);
        ends_word(rest) && !body.contains(['.', '!', '?'])
    })
}

/// ```text
/// (?i)^(?:share(?: this| on| via| the)?\b.*|tweet(?: this)?|e-?mail(?: this)?(?: article| story)?
///   |copy(?: the)? link(?: to clipboard)?|print(?: this)?(?: article| page| story)?|comments?
///   |\d+ comments?|follow (?:us|me|@|the).*|sign up\b.*|subscribe\b.*|click here\b.*
///   |download (?:the|our) app\b.*|join the conversation.*|save(?: article| story)?|bookmark
///   |gift (?:this )?article|facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|messenger
///   |telegram|flipboard)[\s.!:]*$
/// ```
pub(super) fn is_share_prompt(line: &str) -> bool {
    // A prompt, then anything.
    let open: &[&[&[&str]]] = &[
        &[&["follow "], &["us", "me", "@", "the"]],
        &[&["join the conversation"]],
    ];
    let bounded_open: &[&[&[&str]]] = &[
        &[&["share"], &["", " this", " on", " via", " the"]],
        &[&["sign up", "subscribe", "click here"]],
        &[&["download "], &["the", "our"], &[" app"]],
    ];
    // A prompt, then only spaces and punctuation.
    let closed: &[&[&[&str]]] = &[
        &[&["tweet"], &["", " this"]],
        &[
            &["email", "e-mail"],
            &["", " this"],
            &["", " article", " story"],
        ],
        &[&["copy"], &["", " the"], &[" link"], &["", " to clipboard"]],
        &[
            &["print"],
            &["", " this"],
            &["", " article", " page", " story"],
        ],
        &[&["comment", "comments", "bookmark"]],
        &[&["save"], &["", " article", " story"]],
        &[&["gift "], &["", "this "], &["article"]],
        &[&[
            "facebook",
            "twitter",
            "x",
            "whatsapp",
            "linkedin",
            "reddit",
            "pinterest",
            "messenger",
            "telegram",
            "flipboard",
        ]],
    ];
    let tail = |rest: &str| {
        rest.chars()
            .all(|c| c.is_whitespace() || matches!(c, '.' | '!' | ':'))
    };
    let counted = {
        let digits = line.trim_start_matches(|c: char| c.is_numeric());
        digits.len() < line.len()
            && rests(digits, &[&[" comment"], &["", "s"]], true)
                .into_iter()
                .any(tail)
    };
    counted
        || open
            .iter()
            .any(|steps| !rests(line, steps, true).is_empty())
        || bounded_open
            .iter()
            .any(|steps| rests(line, steps, true).into_iter().any(ends_word))
        || closed
            .iter()
            .any(|steps| rests(line, steps, true).into_iter().any(tail))
}

/// `(?i)^(?:image caption|photo caption|picture caption|caption|pictured|image|photo|picture
/// |video)\s*[:|–—-]\s*\S`
pub(super) fn is_caption_label(line: &str) -> bool {
    let words = [
        "image caption",
        "photo caption",
        "picture caption",
        "caption",
        "pictured",
        "image",
        "photo",
        "picture",
        "video",
    ];
    rests(line, &[&words], true).into_iter().any(|rest| {
        rest.trim_start()
            .strip_prefix([':', '|', '–', '—', '-'])
            .is_some_and(|after| !after.trim_start().is_empty())
    })
}

/// Where a "read more" prompt that ends `line` starts, if one does ("… stRead More – Source").
///
/// `(?:Read [Mm]ore|READ MORE|Continue [Rr]eading|CONTINUE READING)(?:\s*[-–—:|»>]+\s*[^\s.!?][^.!?]*)?[\s.…]*$`
pub(super) fn read_more_tail(line: &str) -> Option<usize> {
    const PROMPTS: &[&str] = &[
        "Read more",
        "Read More",
        "READ MORE",
        "Continue reading",
        "Continue Reading",
        "CONTINUE READING",
    ];
    let is_separator = |c: char| matches!(c, '-' | '–' | '—' | ':' | '|' | '»' | '>');
    let ends_quietly = |rest: &str| {
        rest.chars()
            .all(|c| c.is_whitespace() || c == '.' || c == '…')
    };
    // `[^.!?]*[\s.…]*$`
    let source_then_end = |rest: &str| {
        !rest
            .trim_end_matches(|c: char| c.is_whitespace() || c == '.' || c == '…')
            .contains(['.', '!', '?'])
    };
    let named_source = |rest: &str| {
        let after_space = rest.trim_start();
        let seps = after_space.len() - after_space.trim_start_matches(is_separator).len();
        // Fewer separators may do, when a separator is the first character of the source.
        let mut used = 0;
        for c in after_space[..seps].chars() {
            used += c.len_utf8();
            let source = after_space[used..].trim_start();
            if let Some(first) = source.chars().next()
                && !(first.is_whitespace() || matches!(first, '.' | '!' | '?'))
                && source_then_end(&source[first.len_utf8()..])
            {
                return true;
            }
        }
        false
    };
    if !PROMPTS.iter().any(|p| line.contains(p)) {
        return None;
    }
    line.char_indices().map(|(at, _)| at).find(|&at| {
        PROMPTS.iter().any(|p| {
            line[at..]
                .strip_prefix(p)
                .is_some_and(|rest| named_source(rest) || ends_quietly(rest))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::matcher_tests::{CASES, run, texts};
    use proptest::prelude::*;
    use regex::Regex;

    fn expression(pattern: &str) -> Regex {
        Regex::new(pattern).unwrap()
    }

    type Rule = (&'static str, fn(&str) -> bool, Regex);

    /// The rules with the expressions they stand for.
    fn rules() -> &'static [Rule] {
        static RULES: std::sync::LazyLock<Vec<Rule>> = std::sync::LazyLock::new(all_rules);
        &RULES
    }

    fn all_rules() -> Vec<Rule> {
        vec![
            (
                "advertisement",
                is_advertisement,
                expression(
                    r"(?i)^(?:advertisement|advertising|advert|ad|ads|sponsored(?: content)?|paid (?:content|post)|promoted(?: content)?|(?:story|article) continues (?:below|after)(?: (?:this|the))?(?: (?:advertisement|advert|ad))?|continue reading (?:below|the main story)|scroll (?:down )?to continue(?: with content)?|ad feedback)[\s.:–—-]*$",
                ),
            ),
            (
                "timestamp",
                is_timestamp,
                expression(
                    r"(?i)^(?:published|updated|posted|last updated|first published|last modified)\b[^!?]*\d[^!?]*$",
                ),
            ),
            (
                "url",
                is_url,
                expression(r"(?i)^(?:https?://|www\.)\S+(?:\s+/)?$"),
            ),
            (
                "copyright",
                is_copyright,
                expression(r"(?i)^(?:©|\(c\)\s|copyright\b|all rights reserved)"),
            ),
            (
                "related link",
                is_related_link,
                expression(
                    r#"^(?:More (?:from|on|about)|MORE (?:FROM|ON)|Related(?: (?:stories|articles|coverage|content|topics|links))?\b|RELATED\b|See also|Also read|Read (?:next|also)|Recommended(?: for you)?|Most (?:read|popular|viewed)|Trending(?: now)?|Top stories|Watch:|WATCH\b|Listen:|LISTEN\b|Live updates|Explainer:)[^.!?"”]*$"#,
                ),
            ),
            (
                "read more",
                is_read_more,
                expression(
                    r"(?i)^(?:read more|continue reading|read the full (?:story|article)|full story|click here to read more|keep reading)\b[^.!?]*[.!?]?$",
                ),
            ),
            (
                "share prompt",
                is_share_prompt,
                expression(
                    r"(?i)^(?:share(?: this| on| via| the)?\b.*|tweet(?: this)?|e-?mail(?: this)?(?: article| story)?|copy(?: the)? link(?: to clipboard)?|print(?: this)?(?: article| page| story)?|comments?|\d+ comments?|follow (?:us|me|@|the).*|sign up\b.*|subscribe\b.*|click here\b.*|download (?:the|our) app\b.*|join the conversation.*|save(?: article| story)?|bookmark|gift (?:this )?article|facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|messenger|telegram|flipboard)[\s.!:]*$",
                ),
            ),
            (
                "caption label",
                is_caption_label,
                expression(
                    r"(?i)^(?:image caption|photo caption|picture caption|caption|pictured|image|photo|picture|video)\s*[:|–—-]\s*\S",
                ),
            ),
        ]
    }

    /// Every phrase of several words the rules know, and some near misses.
    const PHRASES: &[&str] = &[
        "sponsored content",
        "paid content",
        "paid post",
        "promoted content",
        "story continues below",
        "article continues after",
        "story continues below this",
        "article continues after the advertisement",
        "story continues below the ad",
        "story continues after this advert",
        "story continued below",
        "continue reading below",
        "continue reading the main story",
        "scroll to continue",
        "scroll down to continue",
        "scroll to continue with content",
        "scroll down to continue with content",
        "ad feedback",
        "last updated",
        "first published",
        "last modified",
        "last seen",
        "all rights reserved",
        "More from",
        "More on",
        "More about",
        "MORE FROM",
        "MORE ON",
        "More than",
        "Related stories",
        "Related articles",
        "Related coverage",
        "Related content",
        "Related topics",
        "Related links",
        "Related to",
        "Relatedly",
        "See also",
        "Also read",
        "Read next",
        "Read also",
        "Recommended for you",
        "Most read",
        "Most popular",
        "Most viewed",
        "Most people",
        "Trending now",
        "Top stories",
        "Live updates",
        "read the full story",
        "read the full article",
        "full story",
        "click here to read more",
        "keep reading",
        "share this",
        "share on",
        "share via",
        "share the",
        "shared",
        "tweet this",
        "email this",
        "e-mail this article",
        "email story",
        "copy link",
        "copy the link",
        "copy the link to clipboard",
        "print this",
        "print this page",
        "print article",
        "5 comments",
        "12 comment",
        "follow us",
        "follow me",
        "follow @",
        "follow the",
        "follow them",
        "sign up",
        "signup",
        "subscribe",
        "subscriber",
        "click here",
        "download the app",
        "download our app",
        "download our apps",
        "join the conversation",
        "save article",
        "save story",
        "gift this article",
        "gift article",
        "image caption",
        "photo caption",
        "picture caption",
        "(c) 2024",
        "(C)\u{a0}2024",
        "Copyright",
    ];

    fn word() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "http://a.example/b?id=12",
            "https://",
            "www.example.com",
            "WWW.",
            "/",
            "advertisement",
            "Advertisement",
            "ADVERTISING",
            "ad",
            "ads",
            "Ad",
            "adverts",
            "sponsored",
            "content",
            "paid",
            "post",
            "promoted",
            "story",
            "article",
            "Story",
            "continues",
            "below",
            "after",
            "this",
            "the",
            "continue",
            "reading",
            "main",
            "scroll",
            "down",
            "to",
            "with",
            "feedback",
            "published",
            "Updated",
            "posted",
            "last",
            "first",
            "modified",
            "©",
            "(c)",
            "(C)",
            "copyright",
            "Copyright",
            "all",
            "rights",
            "reserved",
            "More",
            "MORE",
            "from",
            "FROM",
            "on",
            "about",
            "Related",
            "RELATED",
            "stories",
            "See",
            "also",
            "Also",
            "read",
            "Read",
            "next",
            "Recommended",
            "for",
            "you",
            "Most",
            "popular",
            "Trending",
            "now",
            "Top",
            "Watch:",
            "WATCH",
            "Listen:",
            "Live",
            "updates",
            "Explainer:",
            "more",
            "full",
            "click",
            "here",
            "keep",
            "share",
            "Share",
            "via",
            "tweet",
            "email",
            "e-mail",
            "copy",
            "link",
            "clipboard",
            "print",
            "page",
            "comment",
            "comments",
            "12",
            "follow",
            "us",
            "@",
            "sign",
            "up",
            "subscribe",
            "download",
            "our",
            "app",
            "join",
            "conversation",
            "save",
            "bookmark",
            "gift",
            "facebook",
            "X",
            "x",
            "telegram",
            "image",
            "caption",
            "photo",
            "picture",
            "pictured",
            "video",
            "Image",
            "3",
            "2024",
            "ends",
            "shares",
            "shareholders",
            "é",
        ])
    }

    fn glue() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            " ", " ", " ", " ", "", ".", ":", " – ", "-", "!", "?", "\"", "”", "|", "  ", "\t",
        ])
    }

    #[test]
    fn rules_agree_with_their_expressions() {
        run(CASES, &texts(word(), glue(), 1..7), |line| {
            let line = line.trim();
            for (name, rule, expression) in rules() {
                prop_assert_eq!(rule(line), expression.is_match(line), "{} {:?}", name, line);
            }
            Ok(())
        });
    }

    #[test]
    fn rules_agree_with_their_expressions_after_whole_phrases() {
        let phrase = prop::sample::select(PHRASES.to_vec());
        let generated = (phrase, glue(), texts(word(), glue(), 0..3));
        run(CASES, &generated, |(phrase, glue0, rest)| {
            let line = format!("{phrase}{glue0}{rest}");
            let line = line.trim();
            for (name, rule, expression) in rules() {
                prop_assert_eq!(rule(line), expression.is_match(line), "{} {:?}", name, line);
            }
            Ok(())
        });
    }

    #[test]
    fn read_more_tail_agrees_with_its_expression() {
        let expression = expression(
            r"(?:Read [Mm]ore|READ MORE|Continue [Rr]eading|CONTINUE READING)(?:\s*[-–—:|»>]+\s*[^\s.!?][^.!?]*)?[\s.…]*$",
        );
        let generated = (
            prop::sample::select(vec!["", "He met the crews st", "Read more ", "x. "]),
            prop::sample::select(vec![
                "Read More",
                "Read more",
                "READ MORE",
                "Continue reading",
                "read more",
            ]),
            prop::collection::vec(
                prop::sample::select(vec![
                    " ",
                    "–",
                    "->",
                    ">",
                    "»",
                    ":",
                    "|",
                    "Source",
                    "the notice",
                    ".",
                    "…",
                    "!",
                    "?",
                    "-",
                ]),
                0..5,
            ),
        );
        run(CASES, &generated, |(before, prompt, after)| {
            let line = format!("{before}{prompt}{}", after.concat());
            prop_assert_eq!(
                read_more_tail(&line),
                expression.find(&line).map(|m| m.start()),
                "{:?}",
                line
            );
            Ok(())
        });
    }

    #[test]
    fn date_line_agrees_with_its_expressions() {
        let words = DATE_LINE_WORDS.join("|");
        let months = DATE_LINE_WORDS[..DATE_LINE_MONTHS].join("|");
        let only = expression(&format!(
            r"^[\s0-9,|/\-–—.:+()]*(?:(?i:{words})(?:[\s0-9,|/\-–—.:+()]+(?i:{words}))*)?[\s0-9,|/\-–—.:+()]*$"
        ));
        let names = expression(&format!(
            r"(?i)(?:^|[^a-z])(?:{months})(?:[^a-z]|$)|(?:^|[^0-9])[0-9]{{1,2}}:[0-9]{{2}}(?:[^0-9]|$)|(?:^|[^0-9])[0-9]{{1,4}}[/.-][0-9]{{1,2}}[/.-][0-9]{{1,4}}(?:[^0-9]|$)"
        ));
        let piece = prop::sample::select(vec![
            "February",
            "FEB",
            "feb",
            "Dec",
            "May",
            "Mayor",
            "Sun",
            "Sunday",
            "on",
            "Posted",
            "P",
            "M",
            "am",
            "pm",
            "th",
            "EST",
            "GMT",
            "storm",
            "é",
            "5",
            "12",
            "2009",
            "123",
            "10:55",
            "21:29",
            "5:55p",
            "123:45",
            "12/23/2012",
            "2012-12-23",
            "1.2",
            "07",
        ]);
        let glue = prop::sample::select(vec![
            " ", " ", "", ",", ", ", ".", ". ", "-", " - ", " | ", ":", "/", "–", "+", "(", ")",
            "!", "?", "\u{a0}",
        ]);
        run(CASES, &texts(piece, glue, 1..7), |line| {
            let line = line.trim();
            let expected = only.is_match(line) && names.is_match(line);
            prop_assert_eq!(is_date_line(line), expected, "{:?}", line);
            Ok(())
        });
    }
}
