//! Dates and times as a checker reads them, resolved against the report's own dates.
//!
//! Found: full and partial dates ("30 June 2018", "June 30", "March 13", "June 2018"),
//! months ("in June", "last March"), weekdays ("on Saturday", "Friday evening"), relative
//! days and periods ("yesterday", "three days ago", "a day earlier", "last month") and clock
//! times ("3 p.m.", "15:30", "1018 GMT", "noon"). Years come from the numbers stage.
//!
//! Resolution reads the report in order. The anchor is its publication date (a timestamp
//! line) or else its first full date; "yesterday" and weekdays count from the anchor
//! (a weekday in a sentence about the future is the next one, otherwise the last one);
//! "a day earlier" and "the next day" count from the last day the report named.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use crate::model::{Grain, Span, When};

mod patterns;

pub use patterns::ZONES;
use patterns::{Caps, Clues, Kind, Part};

/// A date or time as written, before resolution.
#[derive(Clone, Debug, PartialEq)]
pub enum Written {
    /// A calendar date; the year or day may be missing ("June 30", "June 2018").
    Calendar {
        year: Option<i16>,
        month: i8,
        day: Option<i8>,
        weekday: Option<Weekday>,
    },
    /// A month in relation to the anchor's year: "last March" is `shift: -1`.
    Month { month: i8, shift: i8 },
    /// A weekday alone; `future` when the sentence speaks of what is to come.
    Weekday { weekday: Weekday, future: bool },
    /// Days from the anchor: "yesterday" is -1, "three days ago" -3.
    FromAnchor { days: i32 },
    /// Days from the last day named: "a day earlier" is -1, "the next day" +1.
    FromLast { days: i32 },
    /// The anchor's week, month or year, shifted: "last month" is `Month, -1`.
    Period { grain: Grain, shift: i32 },
    /// A clock time, minutes after midnight.
    Time { minute: u16 },
    /// A year or a range of years, from the numbers stage.
    Years { first: i16, last: i16 },
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

/// Words that put a sentence in the future: a weekday there is the next one.
///
/// ```text
/// (?i)\b(?:will|won't|would|shall|(?:is|are|was) due|(?:is|are) (?:expected|scheduled|set to)
///   |plans? to|planned|going to|next|upcoming|\w+'ll)\b
/// ```
fn speaks_of_the_future(text: &str) -> bool {
    // ASCII words, lower case, with where each starts and ends.
    let words: Vec<(usize, usize, String)> = super::ascii_words(text)
        .map(|(start, end)| (start, end, text[start..end].to_ascii_lowercase()))
        .collect();
    let between = |a: usize, b: usize| &text[words[a].1..words[b].0];
    let spaced = |a: usize| {
        let gap = between(a, a + 1);
        !gap.is_empty() && gap.chars().all(char::is_whitespace)
    };
    let apostrophe = |a: usize| matches!(between(a, a + 1), "'" | "’");
    (0..words.len()).any(|i| {
        let w = words[i].2.as_str();
        let next = words.get(i + 1).map(|n| n.2.as_str());
        if matches!(
            w,
            "will" | "would" | "shall" | "planned" | "next" | "upcoming"
        ) {
            return true;
        }
        let Some(next) = next else {
            return false;
        };
        let pair = matches!(
            (w, next),
            ("is" | "are" | "was", "due")
                | ("is" | "are", "expected" | "scheduled")
                | ("plan" | "plans" | "going", "to")
        );
        let set_to = matches!(w, "is" | "are")
            && next == "set"
            && words.get(i + 2).is_some_and(|t| t.2 == "to")
            && spaced(i + 1);
        let contraction = apostrophe(i)
            && (next == "ll" || (w == "won" && next == "t"))
            && text[..words[i].1]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
        ((pair || set_to) && spaced(i)) || contraction
    })
}

/// Every date and time in `text` (one sentence), with spans relative to `text`.
///
/// ```
/// use factdiff::extract::dates::{dates, Written};
/// let found = dates("The inquiry opens on Monday, 30 June, at 3 p.m.");
/// assert_eq!(found.len(), 2);
/// assert!(matches!(found[0].1, Written::Calendar { month: 6, day: Some(30), .. }));
/// assert_eq!(found[1].1, Written::Time { minute: 15 * 60 });
/// ```
pub fn dates(text: &str) -> Vec<(Span, Written)> {
    // Read only when a weekday needs it.
    let future = std::cell::OnceCell::new();
    let future = || *future.get_or_init(|| speaks_of_the_future(text));
    let mut found: Vec<(Span, Written)> = Vec::new();
    // Bytes an earlier, more specific pattern has taken.
    let mut taken = vec![false; text.len()];
    let clues = Clues::of(text);
    for kind in Kind::ALL.into_iter().filter(|&kind| clues.allow(kind)) {
        for caps in patterns::find_all(kind, text) {
            let whole = caps.whole;
            let mut span = whole;
            if taken[span.start..span.end].iter().any(|&t| t) {
                continue;
            }
            let Some(written) = read(kind, &caps, &future) else {
                continue;
            };
            // "on Saturday" is the day; the preposition is not part of it.
            if let Some(rel) = caps.name(Part::Rel)
                && matches!(
                    rel.as_str().to_lowercase().as_str(),
                    "on" | "in" | "since" | "until" | "by" | "during" | "from" | "through" | "of"
                )
            {
                let rest = &text[rel.end()..span.end];
                span.start = rel.end() + (rest.len() - rest.trim_start().len());
            }
            taken[whole.start..whole.end].fill(true);
            found.push((span, written));
        }
    }
    found.sort_by_key(|(s, _)| s.start);
    found
}

fn month_number(word: &str) -> Option<i8> {
    let lower = word.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .position(|m| lower.starts_with(m))
        .map(|i| i as i8 + 1)
}

fn weekday(word: &str) -> Option<Weekday> {
    let lower = word.to_lowercase();
    WEEKDAYS.iter().find(|(w, _)| *w == lower).map(|(_, d)| *d)
}

fn small_number(word: &str) -> Option<i32> {
    let lower = word.to_lowercase();
    let words = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    match lower.as_str() {
        "a" | "an" => Some(1),
        _ => words
            .iter()
            .position(|w| *w == lower)
            .map(|i| i as i32 + 1)
            .or_else(|| lower.parse().ok()),
    }
}

/// The date or time a pattern of `kind` matched, as written.
fn read(kind: Kind, caps: &Caps, future: &dyn Fn() -> bool) -> Option<Written> {
    match kind {
        Kind::DayMonth | Kind::MonthDay | Kind::Iso | Kind::MonthYear => read_calendar(kind, caps),
        Kind::Month => read_month(caps),
        Kind::Weekday => read_weekday(caps, future),
        Kind::Relative => relative(caps),
        Kind::Time => read_time(caps),
    }
}

/// A calendar date: "3 March 2024", "March 3", "2024-03-03", "March 2024", "Monday, 3
/// March".
fn read_calendar(kind: Kind, caps: &Caps) -> Option<Written> {
    let text = |part| caps.text(part);
    let month = match kind {
        Kind::Iso => text(Part::M)?.parse().ok()?,
        _ => month_number(text(Part::M)?)?,
    };
    let day = text(Part::D).and_then(|d| {
        d.trim_end_matches(|c: char| c.is_alphabetic())
            .parse::<i8>()
            .ok()
    });
    // "May" alone with a day is a month only when it is capitalised, as matched.
    Some(Written::Calendar {
        year: text(Part::Y).and_then(|y| y.parse::<i16>().ok()),
        month,
        day,
        weekday: text(Part::Wd).and_then(weekday),
    })
}

/// A month in relation to the anchor's year: "last March" is `shift: -1`.
fn read_month(caps: &Caps) -> Option<Written> {
    let month = month_number(caps.text(Part::M)?)?;
    let rel = caps.text(Part::Rel)?.to_lowercase();
    // "May" after "in" or "by" is too often the verb ("by May" is fine, "in May" too,
    // but "it may"): the pattern only takes a capitalised May, so keep it.
    let shift = match rel.as_str() {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    Some(Written::Month { month, shift })
}

/// A weekday: "next Monday" is to come, "last Monday" past; "on Monday" as the sentence
/// speaks (`future`).
fn read_weekday(caps: &Caps, future: &dyn Fn() -> bool) -> Option<Written> {
    let weekday = weekday(caps.text(Part::Wd)?)?;
    let rel = caps.text(Part::Rel).map(str::to_lowercase);
    let future = match rel.as_deref() {
        Some("next") => true,
        Some("last") => false,
        _ => future(),
    };
    Some(Written::Weekday { weekday, future })
}

/// A time of day in minutes: "noon" is 720, "3.15pm" 915, "15:15" 915, "2015 local time"
/// 1215 (not after a word that introduces a year).
fn read_time(caps: &Caps) -> Option<Written> {
    let text = |part| caps.text(part);
    if let Some(word) = text(Part::Word) {
        let minute = if word.eq_ignore_ascii_case("midnight") {
            0
        } else {
            12 * 60
        };
        return Some(Written::Time { minute });
    }
    let (h, m, pm) = match text(Part::H) {
        Some(h) => (
            h.parse::<u16>().ok()?,
            text(Part::Min).map_or(Some(0), |m| m.parse().ok())?,
            text(Part::Ampm)?.to_lowercase().starts_with('p'),
        ),
        None if text(Part::Hw).is_some() && year_before_zone(caps) => return None,
        None => (
            text(Part::H24).or(text(Part::Hw))?.parse().ok()?,
            text(Part::Min24).or(text(Part::Minw))?.parse().ok()?,
            false,
        ),
    };
    let hour = match (h, pm) {
        (12, false) if text(Part::Ampm).is_some() => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    Some(Written::Time {
        minute: hour * 60 + m,
    })
}

/// Whether four digits before a zone are a year after a word that introduces one: "in 2015
/// local time zones ..." tells of a year, where "at 2015 local time" is a quarter past eight.
fn year_before_zone(caps: &Caps) -> bool {
    const YEAR_WORDS: [&str; 7] = ["in", "since", "during", "until", "till", "through", "of"];
    let digits = caps.as_str().get(..2);
    let word = caps.before().split_whitespace().next_back().unwrap_or("");
    matches!(digits, Some("19" | "20")) && YEAR_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
}

fn relative(caps: &Caps) -> Option<Written> {
    let whole = caps.as_str().to_lowercase();
    let whole = whole.split_whitespace().collect::<Vec<_>>().join(" ");
    if let (Some(n), Some(unit)) = (caps.name(Part::N), caps.name(Part::Unit)) {
        let n = small_number(n.as_str())?;
        let dir = caps.name(Part::Dir)?.as_str().to_lowercase();
        let sign = if matches!(dir.as_str(), "later" | "after") {
            1
        } else {
            -1
        };
        let unit = unit.as_str().to_lowercase();
        let days = match unit.trim_end_matches('s') {
            "day" => n,
            "week" => 7 * n,
            _ => {
                let grain = if unit.starts_with("month") {
                    Grain::Month
                } else {
                    Grain::Year
                };
                return (dir == "ago").then_some(Written::Period { grain, shift: -n });
            }
        };
        return Some(if dir == "ago" {
            Written::FromAnchor { days: -days }
        } else {
            Written::FromLast { days: sign * days }
        });
    }
    if let Some(rel) = caps.name(Part::Rel) {
        let days = if rel.as_str().eq_ignore_ascii_case("previous") {
            -1
        } else {
            1
        };
        return Some(Written::FromLast { days });
    }
    if let Some(dir) = caps.name(Part::Dir2) {
        let days = if dir.as_str().eq_ignore_ascii_case("before") {
            -1
        } else {
            1
        };
        return Some(Written::FromLast { days });
    }
    if let (Some(shift), Some(period)) = (caps.name(Part::Pshift), caps.name(Part::Period)) {
        let shift = match shift.as_str().to_lowercase().as_str() {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        let grain = match period.as_str().to_lowercase().as_str() {
            "week" => Grain::Week,
            "month" => Grain::Month,
            _ => Grain::Year,
        };
        return Some(Written::Period { grain, shift });
    }
    let days = match whole.as_str() {
        "yesterday" | "last night" => -1,
        "tomorrow" => 1,
        _ => 0, // today, tonight, this morning, earlier today
    };
    Some(Written::FromAnchor { days })
}

/// The report's anchor: the first full date (day, month and year) among `texts`.
pub fn anchor<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<Date> {
    texts.into_iter().find_map(|t| {
        dates(t).into_iter().find_map(|(_, w)| match w {
            Written::Calendar {
                year: Some(y),
                month,
                day: Some(d),
                ..
            } => Date::new(y, month, d).ok(),
            _ => None,
        })
    })
}

/// Resolves dates in reading order: see the module documentation.
pub struct Resolver {
    anchor: Option<Date>,
    /// The anchor is the report's first full date, not its stated publication date.
    guessing: bool,
    last: Option<Date>,
    /// `last` was itself resolved against a guessed anchor.
    last_guessed: bool,
}

impl Resolver {
    /// Resolves against `anchor`, the date the report says it was published.
    pub fn new(anchor: Option<Date>) -> Resolver {
        Resolver {
            anchor,
            guessing: false,
            last: anchor,
            last_guessed: false,
        }
    }

    /// Resolves against `anchor`, a date taken for the report's own without its saying so
    /// (its first full date): what resolves against it is marked `guessed`.
    pub fn guessing(anchor: Option<Date>) -> Resolver {
        let guessing = anchor.is_some();
        Resolver {
            guessing,
            last_guessed: guessing,
            ..Resolver::new(anchor)
        }
    }

    /// The value of one date, as read at this point of the report.
    pub fn resolve(&mut self, written: &Written, text: &str) -> When {
        let mut when = When {
            grain: Grain::Day,
            days: None,
            weekday: None,
            minute: None,
            written: text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase(),
            guessed: false,
        };
        let basis = self.fill(&mut when, written);
        when.guessed = when.days.is_some()
            && match basis {
                Basis::Anchor => self.guessing,
                Basis::Last => self.last_guessed,
                Basis::Own => false,
            };
        self.remember(&mut when);
        when
    }

    /// Fills in `when` from what was written ("3 March", "on Monday", "two days later"),
    /// and says what the value rests on.
    fn fill(&self, when: &mut When, written: &Written) -> Basis {
        let anchor = self.anchor;
        match *written {
            Written::Calendar {
                year,
                month,
                day,
                weekday,
            } => return calendar(when, anchor, year, month, day, weekday),
            Written::Month { month, shift } => {
                when.grain = Grain::Month;
                when.days = anchor.and_then(|a| month_range(a.year() + shift as i16, month));
            }
            Written::Weekday { weekday, future } => {
                when.weekday = Some(weekday);
                when.days = anchor.map(|a| {
                    let d = nearest_weekday(a, weekday, future);
                    (d, d)
                });
            }
            Written::FromAnchor { days } => {
                when.days = anchor
                    .and_then(|a| a.checked_add((days as i64).days()).ok())
                    .map(|d| (d, d));
            }
            Written::FromLast { days } => {
                when.days = self
                    .last
                    .and_then(|a| a.checked_add((days as i64).days()).ok())
                    .map(|d| (d, d));
                return Basis::Last;
            }
            Written::Period { grain, shift } => {
                when.grain = grain;
                when.days = anchor.and_then(|a| period(a, grain, shift));
            }
            Written::Time { minute } => {
                when.grain = Grain::Time;
                when.minute = Some(minute);
                return Basis::Own;
            }
            Written::Years { first, last } => {
                when.grain = Grain::Year;
                when.days = Date::new(first, 1, 1)
                    .ok()
                    .zip(Date::new(last, 12, 31).ok());
                return Basis::Own;
            }
        }
        Basis::Anchor
    }

    /// A day resolved is the last day named, for "the next day" after it; and it gives its
    /// weekday when none was written.
    fn remember(&mut self, when: &mut When) {
        if when.grain == Grain::Day
            && let Some((d, _)) = when.days
        {
            self.last = Some(d);
            self.last_guessed = when.guessed;
            if when.weekday.is_none() {
                when.weekday = Some(d.weekday());
            }
        }
    }
}

/// What a resolved value rests on: the anchor, the last day named, or nothing but itself.
enum Basis {
    Anchor,
    Last,
    Own,
}

/// A calendar date: "3 March 2024" as written; "3 March" in the anchor's year, "March" a
/// month. A weekday that does not fit the date is the writer's slip; the date is trusted.
fn calendar(
    when: &mut When,
    anchor: Option<Date>,
    year: Option<i16>,
    month: i8,
    day: Option<i8>,
    weekday: Option<Weekday>,
) -> Basis {
    when.weekday = weekday;
    let basis = if year.is_none() {
        Basis::Anchor
    } else {
        Basis::Own
    };
    let year = year.or_else(|| anchor.map(|a| a.year()));
    match (year, day) {
        (Some(y), Some(d)) => {
            when.days = Date::new(y, month, d).ok().map(|d| (d, d));
        }
        (Some(y), None) => {
            when.grain = Grain::Month;
            when.days = month_range(y, month);
        }
        (None, _) => {
            when.grain = if day.is_some() {
                Grain::Day
            } else {
                Grain::Month
            };
        }
    }
    basis
}

/// The weekday nearest `anchor`: "on Monday" the last one up to the anchor itself, "next
/// Monday" (`future`) the first one after it.
fn nearest_weekday(anchor: Date, weekday: Weekday, future: bool) -> Date {
    let ahead = (weekday.to_monday_zero_offset() - anchor.weekday().to_monday_zero_offset())
        .rem_euclid(7) as i64;
    let day = if future {
        anchor.checked_add(if ahead == 0 { 7 } else { ahead }.days())
    } else {
        anchor.checked_sub(((7 - ahead) % 7).days())
    };
    day.unwrap_or(anchor)
}

fn month_range(year: i16, month: i8) -> Option<(Date, Date)> {
    let first = Date::new(year, month, 1).ok()?;
    Some((first, first.last_of_month()))
}

fn period(anchor: Date, grain: Grain, shift: i32) -> Option<(Date, Date)> {
    match grain {
        Grain::Week => {
            let monday = anchor
                .checked_sub((anchor.weekday().to_monday_zero_offset() as i64).days())
                .ok()?
                .checked_add((7 * shift as i64).days())
                .ok()?;
            Some((monday, monday.checked_add(6.days()).ok()?))
        }
        Grain::Month => {
            let first = anchor
                .first_of_month()
                .checked_add((shift as i64).months())
                .ok()?;
            Some((first, first.last_of_month()))
        }
        _ => {
            let year = anchor.year().checked_add(shift as i16)?;
            Some((Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?))
        }
    }
}

impl When {
    /// Whether two dates or times of one event can both be true: they overlap once resolved,
    /// or, unresolved, name the same weekday or read the same. Values of different grains
    /// ("Saturday" and "June") are never called incompatible here.
    ///
    /// ```
    /// use factdiff::extract::dates::{dates, Resolver};
    /// use jiff::civil::date;
    /// let mut r = Resolver::new(Some(date(2026, 3, 14))); // a Saturday
    /// let mut when = |t: &str| { let (_, w) = dates(t).remove(0); r.resolve(&w, t) };
    /// assert!(when("on Friday").compatible(&when("on 13 March")));
    /// assert!(!when("on Friday").compatible(&when("on 12 March")));
    /// ```
    pub fn compatible(&self, other: &When) -> bool {
        // "this afternoon" / "this afternoon": the same words, read against dates taken
        // for each report's own, differ only in that reading.
        if (self.guessed || other.guessed) && self.written == other.written {
            return true;
        }
        if self.grain == Grain::Time || other.grain == Grain::Time {
            return match (self.minute, other.minute) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
        }
        match (self.days, other.days) {
            (Some(a), Some(b)) => a.0 <= b.1 && b.0 <= a.1,
            _ if self.grain != other.grain => true,
            _ => match (self.weekday, other.weekday) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            },
        }
    }

    /// Whether two values are comparable at all: a time with a time, a day with a day,
    /// a year with a year.
    pub fn same_grain(&self, other: &When) -> bool {
        let coarse = |g: Grain| matches!(g, Grain::Month | Grain::Year);
        self.grain == other.grain || (coarse(self.grain) && coarse(other.grain))
    }

    /// The value as a short normalised string: "2026-03-13", "2026-03", "1950/1953",
    /// "15:00", or the folded words when it cannot be resolved ("friday").
    pub fn normalised(&self) -> String {
        if let Some(minute) = self.minute {
            return format!("{:02}:{:02}", minute / 60, minute % 60);
        }
        match (self.grain, self.days) {
            (Grain::Day, Some((d, _))) => d.to_string(),
            (Grain::Month, Some((d, _))) => format!("{:04}-{:02}", d.year(), d.month()),
            (Grain::Year, Some((a, b))) if a.year() == b.year() => a.year().to_string(),
            (Grain::Year, Some((a, b))) => format!("{}/{}", a.year(), b.year()),
            (_, Some((a, b))) => format!("{a}/{b}"),
            (_, None) => self.written.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    /// The normalised value of each date in `text`, published on Saturday 14 March 2026.
    fn resolved(text: &str) -> Vec<(String, String)> {
        let mut r = Resolver::new(Some(date(2026, 3, 14)));
        dates(text)
            .into_iter()
            .map(|(span, w)| {
                let t = span.of(text);
                (t.to_string(), r.resolve(&w, t).normalised())
            })
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn calendar_dates_in_every_order() {
        assert_eq!(
            resolved("on 30 June 2018, June 30, 2018 and the 1st of July"),
            pairs(&[
                ("30 June 2018", "2018-06-30"),
                ("June 30, 2018", "2018-06-30"),
                ("the 1st of July", "2026-07-01"),
            ])
        );
        assert_eq!(
            resolved("in June 2018 and on Saturday, March 14"),
            pairs(&[
                ("June 2018", "2018-06"),
                ("Saturday, March 14", "2026-03-14")
            ])
        );
    }

    #[test]
    fn weekdays_are_the_last_one_or_the_next_one() {
        assert_eq!(
            resolved("The ferry ran aground on Friday evening."),
            pairs(&[("Friday evening", "2026-03-13")])
        );
        assert_eq!(
            resolved("The inquiry will open on Monday."),
            pairs(&[("Monday", "2026-03-16")])
        );
        assert_eq!(
            resolved("It happened on Saturday."),
            pairs(&[("Saturday", "2026-03-14")])
        );
    }

    #[test]
    fn relative_days_count_from_the_anchor_or_the_last_day() {
        assert_eq!(
            resolved("Yesterday the ship sank; two days ago it sailed."),
            pairs(&[("Yesterday", "2026-03-13"), ("two days ago", "2026-03-12")])
        );
        assert_eq!(
            resolved("It left on 10 March and sank a day later."),
            pairs(&[("10 March", "2026-03-10"), ("a day later", "2026-03-11")])
        );
        assert_eq!(
            resolved("last month and this year"),
            pairs(&[("last month", "2026-02"), ("this year", "2026")])
        );
    }

    #[test]
    fn months_alone_take_the_anchor_year() {
        assert_eq!(
            resolved("It passed its inspection in March."),
            pairs(&[("March", "2026-03")])
        );
        assert!(resolved("It may rain.").is_empty());
    }

    #[test]
    fn clock_times() {
        assert_eq!(
            resolved("at 3 p.m., 9.30am, 15:30 and noon"),
            pairs(&[
                ("3 p.m.", "15:00"),
                ("9.30am", "09:30"),
                ("15:30", "15:30"),
                ("noon", "12:00")
            ])
        );
        // Wire copy writes four digits before a zone.
        assert_eq!(
            resolved("at 1018 GMT, 0600 hours and 1430 local time"),
            pairs(&[
                ("1018 GMT", "10:18"),
                ("0600 hours", "06:00"),
                ("1430 local time", "14:30")
            ])
        );
        // A year after a word that introduces one is no clock time.
        assert!(dates("In 2015 local time rules changed").is_empty());
        assert!(dates("since 1930 GMT has been").is_empty());
        assert_eq!(
            resolved("at 2015 local time"),
            pairs(&[("2015 local time", "20:15")])
        );
        // Four digits before "hours" count hours, unless a zero leads.
        assert!(dates("1200 hours of footage and 2300 hours").is_empty());
    }

    #[test]
    fn unresolved_dates_keep_their_words() {
        let mut r = Resolver::new(None);
        let (_, w) = dates("on Friday").remove(0);
        let friday = r.resolve(&w, "Friday");
        assert_eq!(friday.normalised(), "friday");
        let (_, w) = dates("on Thursday").remove(0);
        assert!(!friday.compatible(&r.resolve(&w, "Thursday")));
    }

    /// The first date of `text`, as `resolver` reads it.
    fn read(resolver: &mut Resolver, text: &str) -> When {
        let (span, w) = dates(text).remove(0);
        resolver.resolve(&w, span.of(text))
    }

    #[test]
    fn the_same_words_against_guessed_anchors_agree() {
        // Two reports without a timestamp, whose first full dates differ.
        let mut a = Resolver::guessing(Some(date(2026, 3, 14)));
        let mut b = Resolver::guessing(Some(date(2025, 7, 2)));
        for text in [
            "this afternoon",
            "on Friday",
            "yesterday",
            "last year",
            "on May 8",
        ] {
            let (x, y) = (read(&mut a, text), read(&mut b, text));
            assert!(x.guessed && y.guessed, "{text}");
            assert_ne!(x.days, y.days, "{text}");
            assert!(x.compatible(&y), "{text}");
        }
        // Different words still differ, and a date in full is no guess.
        assert!(!read(&mut a, "on Friday").compatible(&read(&mut b, "on Thursday")));
        assert!(!read(&mut a, "on 12 March 2026").guessed);
        // "a day earlier" counts from the last day named: a guess only if that one was.
        assert!(!read(&mut a, "a day earlier").guessed);
        read(&mut a, "on Friday");
        assert!(read(&mut a, "a day earlier").guessed);
    }

    #[test]
    fn the_same_words_against_stated_anchors_can_conflict() {
        // Published on different days, both say "yesterday": two different days.
        let mut a = Resolver::new(Some(date(2026, 3, 14)));
        let mut b = Resolver::new(Some(date(2026, 3, 16)));
        let (x, y) = (read(&mut a, "yesterday"), read(&mut b, "yesterday"));
        assert!(!x.guessed && !y.guessed);
        assert!(!x.compatible(&y));
    }

    #[test]
    fn compatible_dates_overlap() {
        let mut r = Resolver::new(Some(date(2026, 3, 14)));
        let mut when = |t: &str| {
            let (_, w) = dates(t).remove(0);
            r.resolve(&w, t)
        };
        let friday = when("on Friday");
        assert!(friday.compatible(&when("late on March 13")));
        assert!(friday.compatible(&when("yesterday")));
        assert!(!friday.compatible(&when("on Thursday")));
        let year = |first, last| When {
            grain: Grain::Year,
            days: Some((date(first, 1, 1), date(last, 12, 31))),
            weekday: None,
            minute: None,
            written: String::new(),
            guessed: false,
        };
        assert!(year(1953, 1953).compatible(&year(1950, 1953)));
        assert!(!year(1987, 1987).compatible(&year(1978, 1978)));
        assert!(when("3 p.m.").compatible(&when("15:00")));
        assert!(!when("3 p.m.").compatible(&when("4 p.m.")));
    }
}
