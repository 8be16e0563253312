//! The written shapes of dates and times, matched by hand.
//!
//! Each shape is a short sequence of words, numbers and spaces, so a few lines of code
//! match it; a regular expression would say the same, but compiling one costs more than
//! reading a whole article. The shapes, in the notation of regular expressions, are at
//! each matcher, and a test checks the matchers against those expressions on generated
//! sentences. Word boundaries are ASCII ones: every word looked for is ASCII.

use crate::model::Span;

/// The time zones a clock time may name, as news writes them ("1018 GMT"); a word of them
/// names nobody.
pub const ZONES: [&str; 20] = [
    "GMT", "UTC", "BST", "CEST", "CET", "EEST", "EET", "EDT", "EST", "CDT", "CST", "MDT", "MST",
    "PDT", "PST", "IST", "JST", "AEDT", "AEST", "Z",
];

/// The shapes, most specific first; a later shape never overlaps an earlier match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    DayMonth,
    MonthDay,
    Iso,
    MonthYear,
    Month,
    Weekday,
    Relative,
    Time,
}

impl Kind {
    pub(super) const ALL: [Kind; 8] = [
        Kind::DayMonth,
        Kind::MonthDay,
        Kind::Iso,
        Kind::MonthYear,
        Kind::Month,
        Kind::Weekday,
        Kind::Relative,
        Kind::Time,
    ];
}

/// The named parts of one match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Part {
    /// Weekday.
    Wd,
    /// Day of the month.
    D,
    /// Month.
    M,
    /// Year.
    Y,
    /// A word before a month or weekday ("last", "on"), or "previous", "next",
    /// "following" before a day.
    Rel,
    /// A count of units ("three days ago").
    N,
    Unit,
    /// "ago", "earlier", "later", ...
    Dir,
    /// "before" or "after" in "the day before".
    Dir2,
    /// "last", "this", "next", ... before a period.
    Pshift,
    Period,
    /// Hour and minute on a twelve-hour clock.
    H,
    Min,
    Ampm,
    /// Hour and minute on a 24-hour clock.
    H24,
    Min24,
    /// Hour and minute written as four digits before a time zone: "1018 GMT".
    Hw,
    Minw,
    /// "noon", "midday", "midnight".
    Word,
}

const PARTS: usize = Part::Word as usize + 1;

/// A match: its span and the spans of its parts, within the sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Caps<'a> {
    text: &'a str,
    pub(super) whole: Span,
    parts: [Option<Span>; PARTS],
}

/// One part of a match.
#[derive(Clone, Copy, Debug)]
pub(super) struct Found<'a> {
    text: &'a str,
    span: Span,
}

impl<'a> Found<'a> {
    pub(super) fn as_str(&self) -> &'a str {
        self.span.of(self.text)
    }

    pub(super) fn end(&self) -> usize {
        self.span.end
    }
}

impl<'a> Caps<'a> {
    fn new(text: &'a str) -> Self {
        Caps {
            text,
            whole: Span::new(0, 0),
            parts: [None; PARTS],
        }
    }

    pub(super) fn name(&self, part: Part) -> Option<Found<'a>> {
        self.parts[part as usize].map(|span| Found {
            text: self.text,
            span,
        })
    }

    pub(super) fn text(&self, part: Part) -> Option<&'a str> {
        self.name(part).map(|f| f.as_str())
    }

    pub(super) fn as_str(&self) -> &'a str {
        self.whole.of(self.text)
    }

    /// The sentence before the match.
    pub(super) fn before(&self) -> &'a str {
        &self.text[..self.whole.start]
    }

    fn set(&mut self, part: Part, start: usize, end: usize) {
        self.parts[part as usize] = Some(Span::new(start, end));
    }
}

/// What a sentence holds that some shape needs: one pass over its words tells which shapes
/// cannot match, so most sentences are looked at for a few shapes only.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Clues {
    digit: bool,
    month: bool,
    weekday: bool,
    /// "noon", "midday", "midnight".
    clock_word: bool,
    /// A word every relative date has: "today", "night", "days", "week", ...
    relative_word: bool,
}

impl Clues {
    pub(super) fn of(text: &str) -> Clues {
        let mut clues = Clues::default();
        for (start, end) in super::super::ascii_words(text) {
            let word = &text[start..end];
            if word.as_bytes()[0].is_ascii_digit() {
                clues.digit = true;
                continue;
            }
            // Months and weekdays are written capitalised, as these lists hold them.
            if word.as_bytes()[0].is_ascii_uppercase() {
                clues.month |= MONTHS.contains(&word) || MONTH_ABBREVIATIONS.contains(&word);
                clues.weekday |= WEEKDAYS.contains(&word);
            }
            if word.len() <= 9 {
                let mut lower = [0u8; 9];
                lower[..word.len()].copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                match &lower[..word.len()] {
                    b"noon" | b"midday" | b"midnight" => clues.clock_word = true,
                    b"today" | b"tonight" | b"yesterday" | b"tomorrow" | b"night" | b"morning"
                    | b"afternoon" | b"evening" | b"day" | b"days" | b"week" | b"weeks"
                    | b"month" | b"months" | b"year" | b"years" => clues.relative_word = true,
                    _ => {}
                }
            }
        }
        clues
    }

    /// Whether `kind` may match a sentence with these clues: every match of it holds the
    /// clue as a whole word.
    pub(super) fn allow(&self, kind: Kind) -> bool {
        match kind {
            Kind::DayMonth | Kind::MonthDay | Kind::MonthYear | Kind::Month => self.month,
            Kind::Iso => self.digit,
            Kind::Weekday => self.weekday,
            Kind::Relative => self.relative_word,
            Kind::Time => self.digit || self.clock_word,
        }
    }
}

/// Every match of `kind` in `text`, left to right, not overlapping one another.
pub(super) fn find_all(kind: Kind, text: &str) -> Vec<Caps<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        // Every shape starts with a word character after a word boundary.
        if !is_word(bytes[at]) || (at > 0 && is_word(bytes[at - 1])) || !may_start(kind, bytes[at])
        {
            at += 1;
            continue;
        }
        let mut caps = Caps::new(text);
        match match_at(kind, text, at, &mut caps) {
            Some(end) => {
                caps.whole = Span::new(at, end);
                out.push(caps);
                at = end.max(at + 1);
            }
            None => at += 1,
        }
    }
    out
}

/// Whether a match of `kind` can start with `byte`: the first letters of the words each
/// shape can open with (as written, or in either case where the shape ignores case), so
/// that most word starts are passed over without trying the shape.
fn may_start(kind: Kind, byte: u8) -> bool {
    let digit = byte.is_ascii_digit();
    let lower = byte.to_ascii_lowercase();
    match kind {
        // A weekday or "the" before the day, or the day.
        Kind::DayMonth => digit || matches!(byte, b'M' | b'T' | b'W' | b'F' | b'S' | b't'),
        // A weekday or a month.
        Kind::MonthDay => matches!(
            byte,
            b'M' | b'T' | b'W' | b'F' | b'S' | b'J' | b'A' | b'O' | b'N' | b'D'
        ),
        Kind::Iso => digit,
        Kind::MonthYear => matches!(byte, b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D'),
        // last, next, this, early, late, mid, in, since, until, by, during, from, through,
        // of, end of.
        Kind::Month => matches!(
            lower,
            b'l' | b'n' | b't' | b'e' | b'm' | b'i' | b's' | b'u' | b'b' | b'd' | b'f' | b'o'
        ),
        // last, next, this, on, late, early, from, until, by, since; or the weekday.
        Kind::Weekday => {
            matches!(
                lower,
                b'l' | b'n' | b't' | b'o' | b'e' | b'f' | b'u' | b'b' | b's'
            ) || matches!(byte, b'M' | b'W')
        }
        // today, tonight, yesterday, tomorrow, last, this, earlier, later, next, the, a
        // number in words or digits.
        Kind::Relative => {
            digit
                || matches!(
                    lower,
                    b't' | b'y' | b'l' | b'e' | b'a' | b'o' | b'f' | b's' | b'n'
                )
        }
        // An hour, noon, midday, midnight.
        Kind::Time => digit || matches!(lower, b'n' | b'm'),
    }
}

fn match_at(kind: Kind, text: &str, at: usize, caps: &mut Caps) -> Option<usize> {
    match kind {
        Kind::DayMonth => day_month(text, at, caps),
        Kind::MonthDay => month_day(text, at, caps),
        Kind::Iso => iso(text, at, caps),
        Kind::MonthYear => month_year(text, at, caps),
        Kind::Month => month_after(text, at, caps),
        Kind::Weekday => weekday(text, at, caps),
        Kind::Relative => relative(text, at, caps),
        Kind::Time => time(text, at, caps),
    }
}

// ---------------------------------------------------------------------------------------
// Pieces.

use super::super::is_ascii_word as is_word;

/// An ASCII word boundary at `at`.
fn boundary(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    let before = at > 0 && is_word(b[at - 1]);
    let after = at < b.len() && is_word(b[at]);
    before != after
}

/// One or more whitespace characters (`\s+`).
fn spaces(text: &str, at: usize) -> Option<usize> {
    let end = spaces0(text, at);
    (end > at).then_some(end)
}

/// Any whitespace (`\s*`).
fn spaces0(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    at + rest.len() - rest.trim_start().len()
}

/// `literal` at `at`, exactly.
fn lit(text: &str, at: usize, literal: &str) -> Option<usize> {
    text[at..]
        .starts_with(literal)
        .then_some(at + literal.len())
}

/// `literal` at `at`, ignoring ASCII case.
fn lit_ci(text: &str, at: usize, literal: &str) -> Option<usize> {
    text.as_bytes()
        .get(at..at + literal.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(literal.as_bytes()))
        .then_some(at + literal.len())
}

/// The first of `words` at `at` (ignoring ASCII case when `ci`) that `then` accepts.
fn first_of<T>(
    text: &str,
    at: usize,
    words: &[&str],
    ci: bool,
    mut then: impl FnMut(usize, usize) -> Option<T>,
) -> Option<T> {
    words.iter().find_map(|w| {
        let end = if ci {
            lit_ci(text, at, w)
        } else {
            lit(text, at, w)
        }?;
        then(at, end)
    })
}

/// A run of ASCII digits at `at`: its end.
fn digits(text: &str, at: usize) -> usize {
    at + text.as_bytes()[at..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// An optional comma (`,?`).
fn comma(text: &str, at: usize) -> usize {
    lit(text, at, ",").unwrap_or(at)
}

/// `\s+` possibly spelt with other separators too: `[\s-]+`.
fn spaces_or_hyphens(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '-');
    (trimmed.len() < rest.len()).then_some(at + rest.len() - trimmed.len())
}

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTH_ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
];

/// `(?:Monday|...|Sunday)\b`
fn weekday_name(text: &str, at: usize) -> Option<usize> {
    first_of(text, at, WEEKDAYS, false, |_, end| {
        boundary(text, end).then_some(end)
    })
}

/// `(?:January|...|December)\b|(?:Jan|Feb|...|Sept|Sep|...|Dec)\b\.?`
fn month_name(text: &str, at: usize) -> Option<usize> {
    first_of(text, at, MONTHS, false, |_, end| {
        boundary(text, end).then_some(end)
    })
    .or_else(|| {
        first_of(text, at, MONTH_ABBREVIATIONS, false, |_, end| {
            boundary(text, end).then(|| lit(text, end, ".").unwrap_or(end))
        })
    })
}

/// `(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b`
fn day(text: &str, at: usize) -> Option<usize> {
    let end = digits(text, at);
    let value: u8 = text[at..end].parse().ok()?;
    let valid = match end - at {
        1 => (1..=9).contains(&value),
        2 => (1..=31).contains(&value),
        _ => false,
    };
    if !valid {
        return None;
    }
    let suffixed = first_of(text, end, &["st", "nd", "rd", "th"], false, |_, e| {
        boundary(text, e).then_some(e)
    });
    suffixed.or_else(|| boundary(text, end).then_some(end))
}

/// `(?:1[89]\d\d|20\d\d)\b`
fn year(text: &str, at: usize) -> Option<usize> {
    let end = digits(text, at);
    let b = &text.as_bytes()[at..end];
    let ok = b.len() == 4 && (b.starts_with(b"18") || b.starts_with(b"19") || b.starts_with(b"20"));
    (ok && boundary(text, end)).then_some(end)
}

/// `(?:,?\s+(?P<y>YEAR))?` after `at`: where it ends (or `at`).
fn optional_year(text: &str, at: usize, caps: &mut Caps) -> usize {
    let after = comma(text, at);
    if let Some(start) = spaces(text, after)
        && let Some(end) = year(text, start)
    {
        caps.set(Part::Y, start, end);
        return end;
    }
    at
}

/// `(?:(?P<wd>WEEKDAY),?\s+)?` at `at`: where what follows starts.
fn optional_weekday(text: &str, at: usize, caps: &mut Caps) -> Option<usize> {
    let end = weekday_name(text, at)?;
    let next = spaces(text, comma(text, end))?;
    caps.set(Part::Wd, at, end);
    Some(next)
}

// ---------------------------------------------------------------------------------------
// Shapes.

/// `\b(?:(?P<wd>WEEKDAY),?\s+)?(?:the\s+)?(?P<d>DAY)(?:\s+of)?\s+(?P<m>MONTH)(?:,?\s+(?P<y>YEAR))?`
fn day_month(text: &str, at: usize, caps: &mut Caps) -> Option<usize> {
    let rest = |caps: &mut Caps, at: usize| -> Option<usize> {
        let at = lit(text, at, "the")
            .and_then(|e| spaces(text, e))
            .unwrap_or(at);
        let d = day(text, at)?;
        let of = spaces(text, d)
            .and_then(|s| lit(text, s, "of"))
            .and_then(|e| spaces(text, e).map(|s| (e, s)));
        let m_start = match of {
            Some((_, s)) if month_name(text, s).is_some() => s,
            _ => spaces(text, d)?,
        };
        let m = month_name(text, m_start)?;
        caps.set(Part::D, at, d);
        caps.set(Part::M, m_start, m);
        Some(optional_year(text, m, caps))
    };
    let mut with = caps.clone();
    if let Some(next) = optional_weekday(text, at, &mut with)
        && let Some(end) = rest(&mut with, next)
    {
        *caps = with;
        return Some(end);
    }
    rest(caps, at)
}

/// `\b(?:(?P<wd>WEEKDAY),?\s+)?(?P<m>MONTH)\s+(?P<d>DAY)(?:,?\s+(?P<y>YEAR))?`
fn month_day(text: &str, at: usize, caps: &mut Caps) -> Option<usize> {
    let rest = |caps: &mut Caps, at: usize| -> Option<usize> {
        let m = month_name(text, at)?;
        let d_start = spaces(text, m)?;
        let d = day(text, d_start)?;
        caps.set(Part::M, at, m);
        caps.set(Part::D, d_start, d);
        Some(optional_year(text, d, caps))
    };
    let mut with = caps.clone();
    if let Some(next) = optional_weekday(text, at, &mut with)
        && let Some(end) = rest(&mut with, next)
    {
        *caps = with;
        return Some(end);
    }
    rest(caps, at)
}

/// `\b(?P<y>YEAR)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b`
fn iso(text: &str, at: usize, caps: &mut Caps) -> Option<usize> {
    let y = year(text, at)?;
    let m_start = lit(text, y, "-")?;
    let two = |start: usize, low: u8, high: u8| -> Option<usize> {
        let b = text.as_bytes().get(start..start + 2)?;
        let ok = b.iter().all(u8::is_ascii_digit)
            && (low..=high).contains(&((b[0] - b'0') * 10 + (b[1] - b'0')));
        ok.then_some(start + 2)
    };
    let m = two(m_start, 1, 12)?;
    let d_start = lit(text, m, "-")?;
    let d = two(d_start, 1, 31).filter(|&e| boundary(text, e))?;
    caps.set(Part::Y, at, y);
    caps.set(Part::M, m_start, m);
    caps.set(Part::D, d_start, d);
    Some(d)
}

/// `\b(?P<m>MONTH),?\s+(?P<y>YEAR)`
fn month_year(text: &str, at: usize, caps: &mut Caps) -> Option<usize> {
    let m = month_name(text, at)?;
    let y_start = spaces(text, comma(text, m))?;
    let y = year(text, y_start)?;
    caps.set(Part::M, at, m);
    caps.set(Part::Y, y_start, y);
    Some(y)
}

/// `\b(?P<rel>(?i:last|next|this|early|late|mid|in|since|until|by|during|from|through|of|end\s+of))[\s-]+(?P<m>MONTH)`
fn month_after(text: &str, at: usize, caps: &mut Caps) -> Option<usize> {
    const REL: &[&str] = &[
        "last", "next", "this", "early", "late", "mid", "in", "since", "until", "by", "during",
        "from", "through", "of",
    ];
    let end_of = lit_ci(text, at, "end")
        .and_then(|e| spaces(text, e))
        .and_then(|s| lit_ci(text, s, "of"));
    let rel_ends = REL.iter().filter_map(|w| lit_ci(text, at, w)).chain(end_of);
    for rel in rel_ends {
        let Some(m_start) = spaces_or_hyphens(text, rel) else {
            continue;
        };
        if let Some(m) = month_name(text, m_start) {
            caps.set(Part::Rel, at, rel);
            caps.set(Part::M, m_start, m);
            return Some(m);
        }
    }
    None
}

/// `\b(?:(?P<rel>(?i:last|next|this|on|late|early|from|until|by|since))\s+)?(?P<wd>WEEKDAY)(?:\s+(?i:morning|afternoon|evening|night))?`
fn weekday(text: &str, at: usize, caps: &mut Caps) -> Option<usize> {
    const REL: &[&str] = &[
        "last", "next", "this", "on", "late", "early", "from", "until", "by", "since",
    ];
    let rest = |caps: &mut Caps, at: usize| -> Option<usize> {
        let wd = weekday_name(text, at)?;
        caps.set(Part::Wd, at, wd);
        let part = spaces(text, wd).and_then(|s| {
            first_of(
                text,
                s,
                &["morning", "afternoon", "evening", "night"],
                true,
                |_, e| Some(e),
            )
        });
        Some(part.unwrap_or(wd))
    };
    for rel in REL.iter().filter_map(|w| lit_ci(text, at, w)) {
        let mut with = caps.clone();
        if let Some(next) = spaces(text, rel)
            && let Some(end) = rest(&mut with, next)
        {
            with.set(Part::Rel, at, rel);
            *caps = with;
            return Some(end);
        }
    }
    rest(caps, at)
}

/// ```text
/// (?i)\b(?:today|tonight|yesterday|tomorrow|(?:last|this)\s+(?:night|morning|afternoon|evening)
///   |earlier\s+today
///   |(?P<n>a|an|one|...|ten|\d{1,2})\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>ago|earlier|later|before|after|previously)
///   |the\s+(?:(?P<rel>previous|next|following)\s+(?:day|night|morning|evening)|(?:day|night)\s+(?P<dir2>before|after))
///   |(?P<pshift>last|this|next|earlier\s+this|later\s+this)\s+(?P<period>week|month|year))\b
/// ```
fn relative(text: &str, at: usize, caps: &mut Caps) -> Option<usize> {
    day_word(text, at)
        .or_else(|| count_of_units(text, at, caps))
        .or_else(|| the_day(text, at, caps))
        .or_else(|| period_shift(text, at, caps))
}

/// `today|tonight|yesterday|tomorrow|(?:last|this)\s+(?:night|...|evening)|earlier\s+today`.
fn day_word(text: &str, at: usize) -> Option<usize> {
    let ends = |end: usize| boundary(text, end).then_some(end);
    let words = |at: usize, first: &[&str], second: &[&str]| -> Option<usize> {
        first_of(text, at, first, true, |_, e| {
            let s = spaces(text, e)?;
            first_of(text, s, second, true, |_, e| ends(e))
        })
    };
    first_of(
        text,
        at,
        &["today", "tonight", "yesterday", "tomorrow"],
        true,
        |_, e| ends(e),
    )
    .or_else(|| {
        words(
            at,
            &["last", "this"],
            &["night", "morning", "afternoon", "evening"],
        )
    })
    .or_else(|| words(at, &["earlier"], &["today"]))
}

/// `the\s+(?:(?P<rel>previous|next|following)\s+(?:day|...|evening)|(?:day|night)\s+(?P<dir2>before|after))`:
/// "the next day", "the night before".
fn the_day(text: &str, at: usize, caps: &mut Caps) -> Option<usize> {
    let ends = |end: usize| boundary(text, end).then_some(end);
    let the = lit_ci(text, at, "the").and_then(|e| spaces(text, e))?;
    let relative_day = first_of(
        text,
        the,
        &["previous", "next", "following"],
        true,
        |s, e| {
            let d = spaces(text, e)?;
            let end = first_of(
                text,
                d,
                &["day", "night", "morning", "evening"],
                true,
                |_, e| ends(e),
            )?;
            Some((s, e, end))
        },
    );
    if let Some((s, e, end)) = relative_day {
        caps.set(Part::Rel, s, e);
        return Some(end);
    }
    let (s, end) = first_of(text, the, &["day", "night"], true, |_, e| {
        let d = spaces(text, e)?;
        first_of(text, d, &["before", "after"], true, |s, e| {
            ends(e).map(|end| (s, end))
        })
    })?;
    caps.set(Part::Dir2, s, end);
    Some(end)
}

/// `(?P<pshift>last|this|next|earlier\s+this|later\s+this)\s+(?P<period>week|month|year)`:
/// "last week", "later this month".
fn period_shift(text: &str, at: usize, caps: &mut Caps) -> Option<usize> {
    let earlier_this = |at: usize| -> Option<usize> {
        let first = lit_ci(text, at, "earlier").or_else(|| lit_ci(text, at, "later"))?;
        lit_ci(text, spaces(text, first)?, "this")
    };
    let shifts = ["last", "this", "next"]
        .iter()
        .filter_map(|w| lit_ci(text, at, w))
        .chain(earlier_this(at));
    for shift in shifts {
        let Some(p) = spaces(text, shift) else {
            continue;
        };
        let period = first_of(text, p, &["week", "month", "year"], true, |_, e| {
            boundary(text, e).then_some(e)
        });
        if let Some(end) = period {
            caps.set(Part::Pshift, at, shift);
            caps.set(Part::Period, p, end);
            return Some(end);
        }
    }
    None
}

/// `(?P<n>a|an|one|...|ten|\d{1,2})\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>ago|...|previously)\b`
fn count_of_units(text: &str, at: usize, caps: &mut Caps) -> Option<usize> {
    const NUMBERS: &[&str] = &[
        "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let digit_end = digits(text, at);
    let digit_ends = match digit_end - at {
        0 => vec![],
        1 => vec![digit_end],
        _ => vec![at + 2, at + 1],
    };
    let n_ends = NUMBERS
        .iter()
        .filter_map(|w| lit_ci(text, at, w))
        .chain(digit_ends);
    for n in n_ends {
        let Some(u) = spaces(text, n) else {
            continue;
        };
        let found = first_of(text, u, &["day", "week", "month", "year"], true, |_, e| {
            let unit_end = lit_ci(text, e, "s").unwrap_or(e);
            let d = spaces(text, unit_end)?;
            first_of(
                text,
                d,
                &["ago", "earlier", "later", "before", "after", "previously"],
                true,
                |s, e| boundary(text, e).then_some((unit_end, s, e)),
            )
        });
        if let Some((unit_end, d, end)) = found {
            caps.set(Part::N, at, n);
            caps.set(Part::Unit, u, unit_end);
            caps.set(Part::Dir, d, end);
            return Some(end);
        }
    }
    None
}

/// ```text
/// (?i)\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>a\.?m\b\.?|p\.?m\b\.?)
///   |\b(?P<h24>[01]?\d|2[0-3]):(?P<min24>[0-5]\d)\b
///   |\b(?P<hw>[01]\d|2[0-3])(?P<minw>[0-5]\d)\s*(?:ZONE|local\s+time)\b
///   |\b(?P<hw>0\d)(?P<minw>[0-5]\d)\s*(?:hours|hrs)\b
///   |\b(?P<word>noon|midday|midnight)\b
/// ```
///
/// `ZONE` is one of [`ZONES`]. Four digits count as a time only before a zone ("1018 GMT",
/// "1430 local time"), or before "hours" from a leading zero ("0600 hours"): "1200 hours
/// of footage" is a count.
fn time(text: &str, at: usize, caps: &mut Caps) -> Option<usize> {
    twelve_hour(text, at, caps)
        .or_else(|| twenty_four_hour(text, at, caps))
        .or_else(|| four_digits(text, at, caps))
        .or_else(|| time_word(text, at, caps))
}

/// The digit at `i`, if there is one: 3 at 0 in "3pm".
fn digit_at(text: &str, i: usize) -> Option<u8> {
    let b = text.as_bytes();
    b.get(i).filter(|c| c.is_ascii_digit()).map(|c| c - b'0')
}

/// `[0-5]\d` at `i`: minutes, and where they end ("15" in "3.15pm").
fn minute_at(text: &str, i: usize) -> Option<usize> {
    (digit_at(text, i).is_some_and(|d| d <= 5) && digit_at(text, i + 1).is_some()).then_some(i + 2)
}

/// `a\.?m\b\.?|p\.?m\b\.?` at `i`: "pm", "a.m.", and where it ends.
fn ampm_at(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let letter = |i: usize, c: u8| b.get(i).is_some_and(|x| x.eq_ignore_ascii_case(&c));
    if !(letter(i, b'a') || letter(i, b'p')) {
        return None;
    }
    let mut j = i + 1;
    if b.get(j) == Some(&b'.') {
        j += 1;
    }
    if !letter(j, b'm') || !boundary(text, j + 1) {
        return None;
    }
    j += 1;
    Some(if b.get(j) == Some(&b'.') { j + 1 } else { j })
}

/// `(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>...)`: "3pm", "10.30 a.m.".
fn twelve_hour(text: &str, at: usize, caps: &mut Caps) -> Option<usize> {
    let b = text.as_bytes();
    let digit = |i: usize| digit_at(text, i);
    // Twelve-hour hours that may start here, in the order the expression tries them.
    let mut hours = Vec::new();
    if digit(at) == Some(1) && digit(at + 1).is_some_and(|d| d <= 2) {
        hours.push(at + 2);
    }
    if digit(at) == Some(0) && digit(at + 1).is_some_and(|d| d >= 1) {
        hours.push(at + 2);
    }
    if digit(at).is_some_and(|d| d >= 1) {
        hours.push(at + 1);
    }
    for h in hours {
        let with_minutes = (matches!(b.get(h), Some(b':' | b'.')))
            .then(|| minute_at(text, h + 1))
            .flatten();
        let mut tries = Vec::new();
        if let Some(m) = with_minutes {
            tries.push((Some(m), m));
        }
        tries.push((None, h));
        for (min, after) in tries {
            let a = spaces0(text, after);
            if let Some(end) = ampm_at(text, a) {
                caps.set(Part::H, at, h);
                if let Some(m) = min {
                    caps.set(Part::Min, h + 1, m);
                }
                caps.set(Part::Ampm, a, end);
                return Some(end);
            }
        }
    }
    None
}

/// `(?P<h24>[01]?\d|2[0-3]):(?P<min24>[0-5]\d)\b`: "15:15", "9:05".
fn twenty_four_hour(text: &str, at: usize, caps: &mut Caps) -> Option<usize> {
    let digit = |i: usize| digit_at(text, i);
    let mut hours24 = Vec::new();
    if matches!(digit(at), Some(0 | 1)) && digit(at + 1).is_some() {
        hours24.push(at + 2);
    }
    if digit(at).is_some() {
        hours24.push(at + 1);
    }
    if digit(at) == Some(2) && digit(at + 1).is_some_and(|d| d <= 3) {
        hours24.push(at + 2);
    }
    for h in hours24 {
        if text.as_bytes().get(h) == Some(&b':')
            && let Some(m) = minute_at(text, h + 1).filter(|&m| boundary(text, m))
        {
            caps.set(Part::H24, at, h);
            caps.set(Part::Min24, h + 1, m);
            return Some(m);
        }
    }
    None
}

/// Four digits before a zone or "local time" ("1018 GMT", "1430 local time"), or from a
/// leading zero before "hours" ("0600 hours").
fn four_digits(text: &str, at: usize, caps: &mut Caps) -> Option<usize> {
    let [Some(h1), Some(h2), Some(m1), Some(_)] = [0, 1, 2, 3].map(|i| digit_at(text, at + i))
    else {
        return None;
    };
    if !(h1 <= 1 || (h1 == 2 && h2 <= 3)) || m1 > 5 {
        return None;
    }
    let a = spaces0(text, at + 4);
    let local = lit_ci(text, a, "local")
        .and_then(|e| spaces(text, e))
        .and_then(|e| lit_ci(text, e, "time"));
    let ends = |_, e| boundary(text, e).then_some(e);
    let end = first_of(text, a, &ZONES, true, ends)
        .or(local.filter(|&e| boundary(text, e)))
        .or_else(|| {
            (h1 == 0)
                .then(|| first_of(text, a, &["hours", "hrs"], true, ends))
                .flatten()
        })?;
    caps.set(Part::Hw, at, at + 2);
    caps.set(Part::Minw, at + 2, at + 4);
    Some(end)
}

/// `(?P<word>noon|midday|midnight)\b`.
fn time_word(text: &str, at: usize, caps: &mut Caps) -> Option<usize> {
    first_of(text, at, &["noon", "midday", "midnight"], true, |s, e| {
        boundary(text, e).then_some((s, e))
    })
    .map(|(s, e)| {
        caps.set(Part::Word, s, e);
        e
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::matcher_tests::{run, texts};
    use proptest::prelude::*;
    use regex::Regex;

    const MONTH: &str = r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)";
    const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b";
    const DAY: &str = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b";
    const YEAR: &str = r"(?:1[89]\d\d|20\d\d)\b";

    /// The shapes as regular expressions: what the matchers must agree with.
    fn expression(kind: Kind) -> Regex {
        let number = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})";
        let pattern = match kind {
            Kind::DayMonth => format!(
                r"\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?"
            ),
            Kind::MonthDay => format!(
                r"\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<m>{MONTH})\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?"
            ),
            Kind::Iso => {
                format!(r"\b(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")
            }
            Kind::MonthYear => format!(r"\b(?P<m>{MONTH}),?\s+(?P<y>{YEAR})"),
            Kind::Month => format!(
                r"\b(?P<rel>(?i:last|next|this|early|late|mid|in|since|until|by|during|from|through|of|end\s+of))[\s-]+(?P<m>{MONTH})"
            ),
            Kind::Weekday => format!(
                r"\b(?:(?P<rel>(?i:last|next|this|on|late|early|from|until|by|since))\s+)?(?P<wd>{WEEKDAY})(?:\s+(?i:morning|afternoon|evening|night))?"
            ),
            Kind::Relative => format!(
                r"(?i)\b(?:today|tonight|yesterday|tomorrow|(?:last|this)\s+(?:night|morning|afternoon|evening)|earlier\s+today|(?P<n>{number})\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>ago|earlier|later|before|after|previously)|the\s+(?:(?P<rel>previous|next|following)\s+(?:day|night|morning|evening)|(?:day|night)\s+(?P<dir2>before|after))|(?P<pshift>last|this|next|earlier\s+this|later\s+this)\s+(?P<period>week|month|year))\b"
            ),
            Kind::Time => r"(?i)\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>a\.?m\b\.?|p\.?m\b\.?)|\b(?P<h24>[01]?\d|2[0-3]):(?P<min24>[0-5]\d)\b|\b(?P<hw>[01]\d|2[0-3])(?P<minw>[0-5]\d)\s*(?:ZONE|local\s+time)\b|\b(?P<hw0>0\d)(?P<minw0>[0-5]\d)\s*(?:hours|hrs)\b|\b(?P<word>noon|midday|midnight)\b".replace("ZONE", &ZONES.join("|")),
        };
        Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).unwrap()
    }

    const NAMES: [(Part, &str); PARTS] = [
        (Part::Wd, "wd"),
        (Part::D, "d"),
        (Part::M, "m"),
        (Part::Y, "y"),
        (Part::Rel, "rel"),
        (Part::N, "n"),
        (Part::Unit, "unit"),
        (Part::Dir, "dir"),
        (Part::Dir2, "dir2"),
        (Part::Pshift, "pshift"),
        (Part::Period, "period"),
        (Part::H, "h"),
        (Part::Min, "min"),
        (Part::Ampm, "ampm"),
        (Part::H24, "h24"),
        (Part::Min24, "min24"),
        (Part::Hw, "hw"),
        (Part::Minw, "minw"),
        (Part::Word, "word"),
    ];

    /// Second names of parts, where an expression has two alternatives for one part.
    const ALIASES: [(Part, &str); 2] = [(Part::Hw, "hw0"), (Part::Minw, "minw0")];

    /// What the expression finds, in the matchers' terms.
    fn by_expression(kind: Kind, text: &str) -> Vec<(Span, Vec<(Part, Span)>)> {
        static EXPRESSIONS: std::sync::LazyLock<Vec<Regex>> =
            std::sync::LazyLock::new(|| Kind::ALL.map(expression).to_vec());
        EXPRESSIONS[kind as usize]
            .captures_iter(text)
            .map(|c| {
                let whole = c.get(0).unwrap();
                let parts = NAMES
                    .iter()
                    .filter_map(|&(part, name)| {
                        let alias = ALIASES.iter().find(|a| a.0 == part).map(|a| a.1);
                        c.name(name)
                            .or_else(|| alias.and_then(|a| c.name(a)))
                            .map(|m| (part, Span::new(m.start(), m.end())))
                    })
                    .collect();
                (Span::new(whole.start(), whole.end()), parts)
            })
            .collect()
    }

    fn by_hand(kind: Kind, text: &str) -> Vec<(Span, Vec<(Part, Span)>)> {
        find_all(kind, text)
            .into_iter()
            .map(|c| {
                let parts = NAMES
                    .iter()
                    .filter_map(|&(part, _)| c.parts[part as usize].map(|s| (part, s)))
                    .collect();
                (c.whole, parts)
            })
            .collect()
    }

    fn agree(text: &str) {
        let clues = Clues::of(text);
        for kind in Kind::ALL {
            if !clues.allow(kind) {
                assert!(
                    by_expression(kind, text).is_empty(),
                    "{kind:?} refused by its clues in {text:?}"
                );
            }
            assert_eq!(
                by_hand(kind, text),
                by_expression(kind, text),
                "{kind:?} in {text:?}"
            );
        }
    }

    #[test]
    fn agrees_with_the_expressions_on_written_dates() {
        for text in [
            "The inquiry opens on Monday, 30 June, at 3 p.m.",
            "On Tuesday the 3rd of March 2020 it rained; on Sept. 12, 2019 it did not.",
            "By 2021-04-05 the plant, open since mid-March and early in June, closed.",
            "Last Friday evening, two days ago, a week earlier, the day before, the next morning.",
            "It was 10:30pm, or 22:30, or 7.15 a.m. or noon; at midnight, 12 AM.",
            "Earlier this year, later this month, this week, next year, tonight, yesterday's vote.",
            "In June 2018, end of May, from April, through Dec. 2020, 31st December.",
            "May 5th, 1999; 05 May; 0 May; 32 May; 123 June; 1st-June; Jan.5; Jun 2018.",
            "He said 10.5 pm and 13pm and 23:59 and 24:00 and 9:3 and 09:30.",
            "the previous day, the following night, the night after, an hour ago, 3 years ago",
            "This weekend, yesterdays, Mondays, Monday\u{a0}night, 3\u{a0}p.m., June\u{a0}30",
            "At 1018 GMT, 0600 hours, 1430 local time, 0930Z, 2359 CEST; not 1200 hours, 2460 GMT, 10180 UTC.",
            "It gave between $1,001 and $5,000” to 101 “GMT” and 012”.",
        ] {
            agree(text);
        }
    }

    fn word() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Monday",
            "Friday",
            "Sunday",
            "the",
            "The",
            "of",
            "on",
            "On",
            "last",
            "Last",
            "next",
            "this",
            "This",
            "early",
            "mid",
            "end",
            "in",
            "by",
            "since",
            "until",
            "from",
            "through",
            "during",
            "January",
            "May",
            "June",
            "Sept",
            "Sep",
            "Dec",
            "Dec.",
            "Jan.",
            "1",
            "3",
            "05",
            "12",
            "21",
            "30",
            "31",
            "32",
            "1st",
            "2nd",
            "23rd",
            "4th",
            "2018",
            "1999",
            "2020-03-04",
            "2020-13-01",
            "10:30",
            "1018",
            "0600",
            "2300",
            "2460",
            "GMT",
            "gmt",
            "CEST",
            "Z",
            "012",
            "”",
            "local",
            "time",
            "hours",
            "hrs",
            "7.15",
            "23:59",
            "24:00",
            "12",
            "pm",
            "p.m.",
            "a.m",
            "AM",
            "noon",
            "midnight",
            "morning",
            "night",
            "evening",
            "afternoon",
            "today",
            "tonight",
            "yesterday",
            "tomorrow",
            "earlier",
            "later",
            "day",
            "days",
            "week",
            "weeks",
            "month",
            "years",
            "ago",
            "before",
            "after",
            "previously",
            "previous",
            "following",
            "a",
            "an",
            "two",
            "ten",
            "said",
            "x",
            "9",
        ])
    }

    fn glue() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            " ", " ", " ", ", ", "  ", "-", "\u{a0}", ".", "", "'s ", "\n",
        ])
    }

    #[test]
    fn agrees_with_the_expressions_on_generated_sentences() {
        let cases = proptest::test_runner::Config::default().cases;
        run(cases, &texts(word(), glue(), 1..12), |text| {
            agree(&text);
            Ok(())
        });
    }
}
