//! Numbers as a checker reads them.
//!
//! Digits with separators and decimals ("2,500", "2.5", ".85"), signs ("-3", "minus 3",
//! but not a dash set loose: "won 3 -1"), fractions ("2½", "2 1/2", "two-thirds of"),
//! words ("three", "a dozen", "twenty-five", "two hundred and fifty"), ordinals
//! ("third", "3rd"), money and units ("$2.5bn", "12km", "40%", "40 per cent"), ranges
//! ("1950-53", "between 12 and 14", "three or four") and hedges ("at least 14", "nearly
//! 200", "more than"). Plain four-digit numbers that read as years come back as
//! [`Reading::Years`], for the dates stage.
//!
//! [`numbers`] finds where numbers may start, then reads each in named steps (`number_at`:
//! currency, sign, value, "minus", multiplier, hedge, range, ordinal, unit, years, a lone
//! "one"). The words and signs numbers are written with are in `tables`; numbers written
//! in words ("two hundred and fifty", "two-thirds") are read in `words`.

mod misreads;
mod scan;
mod tables;
mod words;

use crate::model::{Qualifier, Quantity, Span};
use scan::{Value, letters_at, lookup, word_boundary_before};
use tables::{MULTIPLIERS, QUALIFIERS, START_WORDS, UNITS, vulgar};
use words::words_at;

/// What a number in the text turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Reading {
    Amount(Quantity),
    /// A year or a range of years ("1987", "1950-53", "from 1998 to 2004", "the 1990s").
    Years {
        first: i16,
        last: i16,
    },
}

/// Whether a sign or a decimal point at `at` starts a number: "-3", "−3", ".85", after a
/// space, an opening bracket or nothing, and before a digit. A sign after a number or after
/// a name inside the sentence is a dash set loose: "won 3 -1", "Covid -19".
fn lead_at(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let lead = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '−' | '.'))?;
    let after = at + lead.len_utf8();
    let opens = text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || c == '(');
    let loose_dash = lead != '.' && {
        let before = text[..at].trim_end();
        let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        word.ends_with(|c: char| c.is_ascii_digit())
            || (word.len() < before.trim_start().len() && word.starts_with(char::is_uppercase))
    };
    (opens && !loose_dash && text[after..].starts_with(|c: char| c.is_ascii_digit()))
        .then_some(after)
}

/// Where numbers may start in `text`: a currency sign before a digit, with its country
/// ("US$5", "£4m", "€ 3"); a digit at the start of a word; a sign or a decimal point
/// before a digit, after a space ("-3", ".85"); a fraction sign that ends no word ("½");
/// "a dozen", "a hundred"...; a number word. Word boundaries are ASCII ones and case is
/// ignored.
fn starts(text: &str, lower: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    // Most sentences name no currency: then no position starts one.
    let signs = text.contains(['$', '£', '€', '¥']);
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if !text.is_char_boundary(at) {
            at += 1;
            continue;
        }
        if signs && let Some(end) = currency_start(text, at) {
            out.push(at);
            at = end;
            continue;
        }
        let starts_word = is_ascii_word(bytes[at]) && (at == 0 || !is_ascii_word(bytes[at - 1]));
        if !starts_word {
            if let Some(next) = lead_or_fraction(text, at) {
                out.push(at);
                at = next;
            } else {
                at += 1;
            }
            continue;
        }
        if bytes[at].is_ascii_digit() {
            out.push(at);
            at += 1;
            continue;
        }
        let end = word_end(bytes, at);
        let word = &lower[at..end];
        if let Some(next) = (word == "a")
            .then(|| article_scale(text, lower, end))
            .flatten()
        {
            out.push(at);
            at = next;
        } else if START_WORDS.contains(word) {
            out.push(at);
            at = end;
        } else {
            // A country before a currency sign may end a word ("US$" in "BUS$5").
            at += 1;
        }
    }
    out
}

/// Whether a byte is part of a word as an ASCII `\w` is: "a", "7", "_".
fn is_ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Where the ASCII word at `at` ends: 3 for "two-thirds" at 0.
fn word_end(bytes: &[u8], at: usize) -> usize {
    at + bytes[at..]
        .iter()
        .take_while(|&&b| is_ascii_word(b))
        .count()
}

/// A sign or a decimal point before a digit ("-3", ".85"), or a fraction sign that ends
/// no word ("½"), at `at`: where to look on.
fn lead_or_fraction(text: &str, at: usize) -> Option<usize> {
    if let Some(after) = lead_at(text, at) {
        // Past the digit after it, which starts no other number.
        return Some(after + 1);
    }
    let c = text[at..].chars().next().filter(|&c| vulgar(c).is_some())?;
    let ends_word = text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    (!ends_word).then(|| at + c.len_utf8())
}

/// "a dozen", "a hundred": the article counts as "one" before a scale word that follows
/// the "a" ending at `end`; where the scale word ends.
fn article_scale(text: &str, lower: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    let next = rest.trim_start();
    let next_at = end + rest.len() - next.len();
    let next_end = word_end(text.as_bytes(), next_at);
    let scale = matches!(
        &lower[next_at..next_end],
        "dozen" | "hundred" | "thousand" | "million" | "billion"
    );
    (next_at > end && scale).then_some(next_end)
}

/// A currency sign before a digit at `at`, perhaps after its country ("US$", "NZ$"): where
/// the match ends (after the first digit).
fn currency_start(text: &str, at: usize) -> Option<usize> {
    // Most positions start neither a country nor a sign: say so from one byte ('£' and
    // '¥' begin with 0xC2 in UTF-8, '€' with 0xE2).
    let first = text.as_bytes()[at].to_ascii_uppercase();
    if !matches!(first, b'U' | b'A' | b'C' | b'N' | b'H' | b'$' | 0xC2 | 0xE2) {
        return None;
    }
    let sign_at = ["US", "A", "C", "NZ", "HK"]
        .iter()
        .find_map(|country| {
            let end = at + country.len();
            let head = text.as_bytes().get(at..end)?;
            (head.eq_ignore_ascii_case(country.as_bytes())
                && text[end..].starts_with(['$', '£', '€', '¥']))
            .then_some(end)
        })
        .unwrap_or(at);
    let sign = text[sign_at..]
        .chars()
        .next()
        .filter(|c| matches!(c, '$' | '£' | '€' | '¥'))?;
    let mut digit_at = sign_at + sign.len_utf8();
    if let Some(space) = text[digit_at..]
        .chars()
        .next()
        .filter(|c| c.is_whitespace())
    {
        if !text[digit_at + space.len_utf8()..].starts_with(|c: char| c.is_ascii_digit()) {
            return text[digit_at..]
                .starts_with(|c: char| c.is_ascii_digit())
                .then_some(digit_at + 1);
        }
        digit_at += space.len_utf8();
    }
    text[digit_at..]
        .starts_with(|c: char| c.is_ascii_digit())
        .then_some(digit_at + 1)
}

/// Digits at the start of `text`, with thousands separators and decimals: "2,500", "2.5",
/// "1234": where they end.
fn digits_at(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let run = |at: usize| {
        b[at.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let first = run(0);
    if first == 0 {
        return None;
    }
    let mut end = first;
    if first <= 3 {
        while b.get(end) == Some(&b',') && run(end + 1) >= 3 {
            end += 4;
        }
    }
    if b.get(end) == Some(&b'.') && run(end + 1) > 0 {
        end += 1 + run(end + 1);
    }
    Some(end)
}

/// Every number in `text` (one sentence), with its span relative to `text`.
///
/// ```
/// use factdiff::extract::numbers::{numbers, Reading};
/// use factdiff::model::Qualifier;
/// let found = numbers("At least 14 people died and $2.5bn was lost.");
/// let Reading::Amount(q) = &found[0].1 else { panic!() };
/// assert_eq!((q.low, q.qualifier), (14.0, Qualifier::AtLeast));
/// let Reading::Amount(q) = &found[1].1 else { panic!() };
/// assert_eq!((q.low, q.unit), (2.5e9, Some("USD")));
/// ```
pub fn numbers(text: &str) -> Vec<(Span, Reading)> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut next = 0;
    for start in starts(text, &lower) {
        if start < next {
            continue;
        }
        if let Some((span, reading)) = number_at(text, &lower, start) {
            next = span.end;
            let amount = matches!(reading, Reading::Amount(_));
            if !misreads::misread(text, span.start, span.end, amount) {
                out.push((span, reading));
            }
        }
    }
    out
}

/// The number that starts at `start`, if it is one worth reporting: read as steps, each
/// below with its example (currency, sign, value, "minus", multiplier, hedge, range,
/// ordinal, unit, years, a lone "one").
fn number_at(text: &str, lower: &str, start: usize) -> Option<(Span, Reading)> {
    let mut pos = start;
    let currency = currency_at(text, &mut pos);
    if currency.is_none() && glued_to_a_word(text, start) {
        return None;
    }
    let signed = currency.is_none().then(|| sign_at(text, pos)).flatten();
    let (first, end, plain) = value_at(text, lower, signed.unwrap_or(pos))?;
    // "a third of": the article is part of the share.
    let start = first.from.unwrap_or(start);
    let minus = (signed.is_none() && currency.is_none())
        .then(|| minus_before(lower, start))
        .flatten();
    let negative = signed.is_some() || minus.is_some();
    let mut number = Draft::new(first, minus.unwrap_or(start), end, currency, negative);
    number.plain = plain && !negative;
    number.multiply(lower);
    let between = number.hedge(lower);
    number.range(text, lower, between);
    // "between" and "from" belong to the number only when a range follows.
    if number.hedge.is_none() && between && number.high == number.low {
        number.span_start = number.start;
    }
    if number.ordinal {
        return Some(number.ordinal());
    }
    number.unit(text, lower);
    if let Some(years) = number.years(lower) {
        return Some(years);
    }
    number.amount(lower)
}

/// A sign before the digits: "-3", "−3" (after no currency): where the digits start.
fn sign_at(text: &str, pos: usize) -> Option<usize> {
    let sign = text[pos..]
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '−'))?;
    Some(pos + sign.len_utf8())
}

/// The word "minus" before the value at `start`: "minus 3"; not "plus or minus 3 points",
/// a margin rather than a value below zero. Where the number starts with it.
fn minus_before(lower: &str, start: usize) -> Option<usize> {
    let before = lower[..start].trim_end().strip_suffix("minus")?;
    (word_boundary_before(lower, before.len()) && !before.trim_end().ends_with("plus or"))
        .then_some(before.len())
}

/// A number while it is read, step by step.
struct Draft {
    /// Where the value starts ("3" in "at least 3"), and the span with its hedge.
    start: usize,
    span_start: usize,
    end: usize,
    low: f64,
    high: f64,
    step: f64,
    currency: Option<&'static str>,
    unit: Option<&'static str>,
    qualifier: Qualifier,
    /// The hedge written before the number ("at least").
    hedge: Option<Qualifier>,
    /// The multiplier after the first value ("bn" in "2.5bn"), 1 without one.
    factor: f64,
    multiplied: bool,
    /// Written as plain digits, no sign: a year may be.
    plain: bool,
    ordinal: bool,
    share: bool,
    word_one: bool,
}

impl Draft {
    /// The number as its first value reads: "-3" is -3; "hundreds" is about 200 to 999.
    fn new(
        first: Value,
        start: usize,
        end: usize,
        currency: Option<&'static str>,
        negative: bool,
    ) -> Draft {
        let (mut low, mut high) = (first.value, first.high.unwrap_or(first.value));
        if negative {
            (low, high) = (-high, -low);
        }
        let qualifier = if first.high.is_some() {
            Qualifier::About
        } else {
            Qualifier::Exact
        };
        Draft {
            start,
            span_start: start,
            end,
            low,
            high,
            step: first.step,
            currency,
            unit: None,
            qualifier,
            hedge: None,
            factor: 1.0,
            multiplied: false,
            plain: false,
            ordinal: first.ordinal,
            share: first.share,
            word_one: first.word_one,
        }
    }

    /// A multiplier after the first value: "2.5bn" is 2.5e9, "£4m" 4e6.
    fn multiply(&mut self, lower: &str) {
        if let Some((factor, after)) = multiplier_at(lower, self.end, self.currency.is_some()) {
            self.low *= factor;
            self.high *= factor;
            self.step *= factor;
            self.end = after;
            self.multiplied = true;
            self.factor = factor;
        }
    }

    /// The hedge before the number: "at least 14" is 14 or more; whether "between" or
    /// "from" comes first instead ("between 12 and 14").
    fn hedge(&mut self, lower: &str) -> bool {
        let (hedge, span_start) = qualifier_before(lower, self.start);
        self.hedge = hedge;
        self.span_start = span_start;
        if let Some(h) = hedge {
            self.qualifier = h;
        }
        let lead = lower[span_start..self.start].trim_start();
        lead.starts_with("between") || lead.starts_with("from")
    }

    /// A second value makes a range: "1950-53", "12 to 14", "between 12 and 14", "2 to 3
    /// million"; not a score ("won 3-1").
    fn range(&mut self, text: &str, lower: &str, between: bool) {
        let money = self.currency.is_some();
        let Some(((second, plain_second), mut after)) =
            range_at(text, lower, self.end, between, money)
        else {
            return;
        };
        let mut value = second.value;
        if let Some((factor, past)) = multiplier_at(lower, after, money) {
            value *= factor;
            after = past;
            if !self.multiplied {
                // "2 to 3 million": the multiplier counts for both.
                self.low *= factor;
                self.high *= factor;
                self.multiplied = true;
            }
        } else {
            value *= self.factor;
        }
        // "1950-53", "1950-5": the second year keeps the first one's leading digits.
        if self.plain && plain_second && self.low >= 1000.0 && value < 1000.0 {
            let place = 10f64.powi(format!("{value}").len() as i32);
            value += (self.low / place).floor() * place;
        }
        if value > self.low {
            self.high = value;
            self.end = after;
            self.step = 0.0;
        }
    }

    /// An ordinal: "3rd", "third" is 3 with the unit "th".
    fn ordinal(self) -> (Span, Reading) {
        let quantity = Quantity {
            low: self.low,
            high: self.high,
            unit: Some("th"),
            qualifier: self.qualifier,
            step: 0.0,
        };
        (
            Span::new(self.span_start, self.end),
            Reading::Amount(quantity),
        )
    }

    /// The unit after the number: "40%", "12km", "5 dollars" (a currency); a share in
    /// words is in percent ("two-thirds").
    fn unit(&mut self, text: &str, lower: &str) {
        self.unit = self.share.then_some("%");
        if let Some((u, after)) = unit_at(text, lower, self.end, self.currency.is_some()) {
            match u {
                "USD" | "EUR" | "GBP" | "JPY" if self.currency.is_none() => {
                    self.currency = Some(u);
                }
                _ => self.unit = Some(u),
            }
            self.end = after;
        }
        if self.currency.is_some() {
            self.unit = self.currency;
        }
    }

    /// A plain four-digit number from 1800 to 2100 that counts nothing is a year: "in
    /// 1987", "1950-53", "the 1990s"; "2000 people" is not.
    fn years(&self, lower: &str) -> Option<(Span, Reading)> {
        let year_like = |v: f64| (1800.0..=2100.0).contains(&v) && v.fract() == 0.0;
        let (low, high, end) = (self.low, self.high, self.end);
        if !self.plain || self.unit.is_some() || self.multiplied {
            return None;
        }
        if !year_like(low) || !year_like(high) {
            return None;
        }
        if lower[end..].starts_with('s') && low % 10.0 == 0.0 && high == low {
            let decade = Reading::Years {
                first: low as i16,
                last: low as i16 + 9,
            };
            return Some((Span::new(self.start, end + 1), decade));
        }
        let years = Reading::Years {
            first: low as i16,
            last: high as i16,
        };
        (!counts_something(&lower[end..])).then_some((Span::new(self.span_start, end), years))
    }

    /// The number as an amount: "at least 14", "$2.5bn"; not a lone "one", a pronoun or an
    /// article far more often than a count, nor "could one day", an idiom.
    fn amount(self, lower: &str) -> Option<(Span, Reading)> {
        let vague_unit = self.unit.is_none()
            || (self.unit == Some("day") && lower[..self.end].ends_with("one day"));
        let lone_one = self.word_one && vague_unit && self.hedge.is_none() && self.high == self.low;
        if lone_one {
            return None;
        }
        let quantity = Quantity {
            low: self.low,
            high: self.high,
            unit: self.unit,
            qualifier: self.qualifier,
            step: self.step,
        };
        Some((
            Span::new(self.span_start, self.end),
            Reading::Amount(quantity),
        ))
    }
}

/// A currency sign (with a country prefix: "US$", "A$") at `*pos`, moving past it.
fn currency_at(text: &str, pos: &mut usize) -> Option<&'static str> {
    let rest = &text[*pos..];
    let (code, len) = [
        ("US$", "USD"),
        ("A$", "AUD"),
        ("C$", "CAD"),
        ("NZ$", "NZD"),
        ("HK$", "HKD"),
        ("$", "USD"),
        ("£", "GBP"),
        ("€", "EUR"),
        ("¥", "JPY"),
    ]
    .iter()
    .find(|(sign, _)| rest.starts_with(sign))
    .map(|(sign, code)| (*code, sign.len()))?;
    *pos += len;
    *pos += text[*pos..].len() - text[*pos..].trim_start().len();
    Some(code)
}

/// Digits glued to letters name a thing, not a number: "COVID-19", "G7", "A320", "F-16".
fn glued_to_a_word(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let mut chars = before.chars().rev();
    match chars.next() {
        Some(c)
            if c.is_alphanumeric()
                || c == '.' && chars.next().is_some_and(char::is_alphanumeric) =>
        {
            true
        }
        Some('-') => chars.next().is_some_and(char::is_alphabetic),
        _ => false,
    }
}

/// The value at `pos`, where it ends, and whether it was written as plain digits: a bare
/// decimal (".85"), a fraction sign ("½"), digits ("2,500", "7½", "3rd") or words ("three").
fn value_at(text: &str, lower: &str, pos: usize) -> Option<(Value, usize, bool)> {
    let rest = &text[pos..];
    if let Some(decimals) = rest.strip_prefix('.') {
        return bare_decimal(decimals, pos);
    }
    if let Some(found) = fraction_sign(rest, pos) {
        return Some(found);
    }
    if let Some(len) = digits_at(rest) {
        return digits_value(text, lower, pos, len);
    }
    words_at(lower, pos).map(|(v, end)| (v, end, false))
}

/// A decimal without its leading zero, after the point at `pos`: ".85" is 0.85.
fn bare_decimal(decimals: &str, pos: usize) -> Option<(Value, usize, bool)> {
    let len = decimals.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 {
        return None;
    }
    let value: f64 = format!("0.{}", &decimals[..len]).parse().ok()?;
    let value = Value::new(value, 10f64.powi(-(len as i32)));
    Some((value, pos + 1 + len, false))
}

/// A fraction sign alone: "½" is 0.5.
fn fraction_sign(rest: &str, pos: usize) -> Option<(Value, usize, bool)> {
    let c = rest.chars().next()?;
    let (n, d) = vulgar(c)?;
    let value = Value::new(f64::from(n) / f64::from(d), 1.0 / f64::from(d));
    Some((value, pos + c.len_utf8(), false))
}

/// The `len` digits at `pos` as a value, with a fraction after them ("7½", "2 1/2") or an
/// ordinal suffix ("3rd"): "2,500" is 2500, plain; "2.5" is 2.5 to a tenth.
fn digits_value(text: &str, lower: &str, pos: usize, len: usize) -> Option<(Value, usize, bool)> {
    let digits = &text[pos..pos + len];
    let value: f64 = digits.replace(',', "").parse().ok()?;
    let mut end = pos + len;
    let whole = !digits.contains([',', '.']);
    // "7½", "2 ½", "2 1/2"; not "in 2021 1/3 of homes", a year and a share.
    if whole
        && let Some((n, d, after)) = fraction_after(text, end)
        && (value < 1000.0 || after == end + text[end..after].trim_start().len())
    {
        let value = Value::new(value + n / d, 1.0 / d);
        return Some((value, after, false));
    }
    let suffix = letters_at(&lower[end..]).unwrap_or("");
    let ordinal = matches!(suffix, "st" | "nd" | "rd" | "th") && !digits.contains('.');
    if ordinal {
        end += 2;
    }
    let plain = whole && !ordinal;
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
    let value = Value {
        ordinal,
        ..Value::new(value, 10f64.powi(-(decimals as i32)))
    };
    Some((value, end, plain))
}

/// The fraction right after a whole number ending at `at`: a fraction sign, glued or after
/// a space ("7½", "2 ¾"), or digits over digits after a space ("2 1/2", up to eighths):
/// its numerator, denominator and end.
fn fraction_after(text: &str, at: usize) -> Option<(f64, f64, usize)> {
    let rest = &text[at..];
    let spaced = rest.strip_prefix([' ', '\u{a0}']);
    let after = spaced.unwrap_or(rest);
    let from = at + rest.len() - after.len();
    let ends_word = |end: usize| !text[end..].starts_with(|c: char| c.is_alphanumeric());
    if let Some(c) = after.chars().next()
        && let Some((n, d)) = vulgar(c)
    {
        let end = from + c.len_utf8();
        return ends_word(end).then_some((f64::from(n), f64::from(d), end));
    }
    let b = after.as_bytes();
    let digit = |i: usize| b.get(i).filter(|c| c.is_ascii_digit()).map(|c| c - b'0');
    let (n, d) = (digit(0)?, digit(2)?);
    let end = from + 3;
    (spaced.is_some()
        && b[1] == b'/'
        && 0 < n
        && n < d
        && d <= 8
        && ends_word(end)
        && !text[end..].starts_with('/'))
    .then_some((f64::from(n), f64::from(d), end))
}

/// What may stand between a number and its multiplier or unit: a space, or a no-break
/// space as web pages write it ("£1.8&nbsp;million").
const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

/// A multiplier right after a number: "bn", " million". A bare "m" multiplies only money
/// ("£4m"); otherwise it is metres.
fn multiplier_at(lower: &str, pos: usize, money: bool) -> Option<(f64, usize)> {
    let rest = &lower[pos..];
    // "$3-million", "38-million euros": a hyphen joins the word as a space does.
    let trimmed = rest
        .strip_prefix('-')
        .unwrap_or_else(|| rest.trim_start_matches(SPACES));
    let gap = rest.len() - trimmed.len();
    let word = letters_at(trimmed)?;
    let factor = lookup(MULTIPLIERS, word)?;
    let short = word.len() <= 2;
    if short && (gap > 0 || (!money && word != "bn" && word != "tn" && word != "k")) {
        return None;
    }
    Some((factor, pos + gap + word.len()))
}

/// The hedge just before `start`, and where the number's span begins with it.
fn qualifier_before(lower: &str, start: usize) -> (Option<Qualifier>, usize) {
    let before = lower[..start].trim_end();
    for (words, q) in QUALIFIERS {
        if before.ends_with(words) && word_boundary_before(before, before.len() - words.len()) {
            return (Some(*q), before.len() - words.len());
        }
    }
    for words in ["between", "from"] {
        if before.ends_with(words) && word_boundary_before(before, before.len() - words.len()) {
            return (None, before.len() - words.len());
        }
    }
    (None, start)
}

/// The second value of a range after `pos`, and whether it was plain digits.
fn range_at(
    text: &str,
    lower: &str,
    pos: usize,
    between: bool,
    money: bool,
) -> Option<((Value, bool), usize)> {
    let rest = &lower[pos..];
    let trimmed = rest.trim_start();
    let joiner = ["-", "–", "—", "to ", "or ", "and "]
        .into_iter()
        .find(|j| trimmed.starts_with(j))?;
    if joiner == "and " && !between {
        return None;
    }
    // "from 5 to 7" is a range only in years; in amounts it is a change, still one slot.
    let mut p = pos + (rest.len() - trimmed.len()) + joiner.len();
    p += lower[p..].len() - lower[p..].trim_start().len();
    let mut sign = p;
    let currency = currency_at(text, &mut sign);
    let (value, end, plain) = value_at(text, lower, sign)?;
    if value.ordinal || value.high.is_some() {
        return None;
    }
    // "up $1.63, or 8 percent": money and a share of it are two values, not a range.
    let other_unit = || {
        unit_at(text, lower, end, false)
            .is_some_and(|(unit, _)| !matches!(unit, "USD" | "EUR" | "GBP" | "JPY"))
    };
    if currency.is_some() != money && (currency.is_some() || other_unit()) {
        return None;
    }
    Some(((value, plain), end))
}

/// A unit right after a number: "12km", "40 per cent", "40%", "13 knots".
fn unit_at(text: &str, lower: &str, pos: usize, money: bool) -> Option<(&'static str, usize)> {
    let rest = &lower[pos..];
    let trimmed = rest.trim_start_matches(SPACES);
    let gap = rest.len() - trimmed.len();
    for (written, unit) in UNITS {
        if !trimmed.starts_with(written) {
            continue;
        }
        let end = pos + gap + written.len();
        let whole_word = !written.chars().all(char::is_alphabetic)
            || !text[end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        // "£4 m" is not "4 metres"; "5 m" alone is too ambiguous to call.
        if !whole_word || (*written == "m" && (gap > 0 || money)) {
            continue;
        }
        return Some((unit, end));
    }
    None
}

/// Whether a number followed by this text counts something ("2000 people"): a lower-case
/// word that is not a preposition or a verb of the clause.
fn counts_something(after: &str) -> bool {
    let word = after
        .trim_start_matches(SPACES)
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let irregular = [
        "people",
        "children",
        "men",
        "women",
        "police",
        "staff",
        "crew",
        "personnel",
        "cattle",
    ];
    irregular.contains(&word)
        || (word.len() > 3
            && word.ends_with('s')
            && !word.ends_with("ss")
            && !matches!(word, "this" | "thus" | "across" | "always" | "whereas"))
}

/// The interval of values a quantity allows, hedges taken into account.
impl Quantity {
    pub fn bounds(&self) -> (f64, f64) {
        let (low, high) = (self.low, self.high);
        match self.qualifier {
            Qualifier::Exact => (low, high),
            Qualifier::AtLeast | Qualifier::MoreThan => (low, f64::INFINITY),
            Qualifier::AtMost | Qualifier::LessThan => (f64::NEG_INFINITY, high),
            // A tenth either way, below zero too.
            Qualifier::About => (low - 0.1 * low.abs(), high + 0.1 * high.abs()),
            Qualifier::Nearly => (low - 0.1 * low.abs(), high),
        }
    }

    /// Whether two quantities of one thing can both be true: "at least 14" and "14",
    /// "between 12 and 14" and "13", "2,000" and "2 thousand".
    ///
    /// ```
    /// use factdiff::extract::numbers::{numbers, Reading};
    /// let q = |t: &str| match numbers(t).remove(0).1 { Reading::Amount(q) => q, _ => panic!() };
    /// assert!(q("at least 14").compatible(&q("14")));
    /// assert!(!q("at least 14").compatible(&q("12")));
    /// ```
    pub fn compatible(&self, other: &Quantity) -> bool {
        if self.rounds(other) || other.rounds(self) {
            return true;
        }
        let (a, b) = (self.bounds(), other.bounds());
        let scale = [a.0, a.1, b.0, b.1]
            .into_iter()
            .filter(|v| v.is_finite())
            .fold(1.0_f64, |m, v| m.max(v.abs()));
        let eps = 1e-9 * scale;
        a.0 <= b.1 + eps && b.0 <= a.1 + eps
    }

    /// Whether this value, written to fewer places, is `fine` rounded half up: "$114
    /// million" of "$114.3 million", "9%" of "8.76 per cent", "1.4%" of "1.36%". Never a
    /// cut ("247" of "247.7"), two whole numbers ("20" of "24"), a hedge or a range.
    fn rounds(&self, fine: &Quantity) -> bool {
        let exact = |q: &Quantity| q.qualifier == Qualifier::Exact && q.low == q.high;
        // "0%" for "0.35%" is no rounding a reporter writes.
        if !exact(self)
            || !exact(fine)
            || fine.step <= 0.0
            || self.step <= fine.step
            || self.low == 0.0
        {
            return false;
        }
        let half = self.step / 2.0;
        let eps = 1e-9 * self.low.abs().max(fine.low.abs()).max(1.0);
        self.low - half - eps <= fine.low && fine.low < self.low + half - eps
    }

    /// The value as a short normalised string: "14", ">=14", "12-14", "2500000000 USD".
    pub fn normalised(&self) -> String {
        let num = |v: f64| {
            if v.fract() == 0.0 && v.abs() < 1e15 {
                format!("{}", v as i64)
            } else {
                format!("{v}")
            }
        };
        let value = if self.high > self.low {
            format!("{}-{}", num(self.low), num(self.high))
        } else {
            num(self.low)
        };
        let hedge = match self.qualifier {
            Qualifier::Exact => "",
            Qualifier::AtLeast => ">=",
            Qualifier::MoreThan => ">",
            Qualifier::AtMost => "<=",
            Qualifier::LessThan => "<",
            Qualifier::About => "~",
            Qualifier::Nearly => "<~",
        };
        match self.unit {
            Some("th") => format!("{hedge}{value}th"),
            Some("%") => format!("{hedge}{value}%"),
            Some(unit) => format!("{hedge}{value} {unit}"),
            None => format!("{hedge}{value}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::tables::{ORDINALS, SCALES, SMALL, VAGUE, VULGAR};
    use super::*;
    use crate::text::matcher_tests::{CASES, glue, run, texts};
    use proptest::prelude::*;

    /// The expression `starts` stands for; the test checks the two agree.
    fn starts_by_expression(text: &str) -> Vec<usize> {
        let words: Vec<&str> = SMALL
            .iter()
            .chain(SCALES)
            .chain(ORDINALS)
            .map(|(w, _)| *w)
            .chain(VAGUE.iter().map(|(w, _, _)| *w))
            .chain(["quarter"])
            .collect();
        let fractions: String = VULGAR.iter().map(|v| v.0).collect();
        // A sign or a point, and a fraction sign, start where the group does.
        let pattern = format!(
            r"(?i)(?:US|A|C|NZ|HK)?[$£€¥]\s?[0-9]|(?:^|[\s(])(?P<lead>[-−.][0-9])|(?:^|[^\p{{Alphabetic}}\p{{N}}])(?P<fraction>[{fractions}])|(?-u:\b)(?:[0-9]|a\s+(?:dozen|hundred|thousand|million|billion)(?-u:\b)|(?:{})(?-u:\b))",
            words.join("|")
        );
        // A sign set loose after a number, or after a capitalised word that does not open
        // the text, is a dash.
        let loose = regex::Regex::new(r"(?:[0-9]|\S\s+\p{Uppercase}\S*)\s+$").unwrap();
        regex::Regex::new(&pattern)
            .unwrap()
            .captures_iter(text)
            .map(|c| {
                if let Some(lead) = c.name("lead")
                    && !lead.as_str().starts_with('.')
                    && loose.is_match(&text[..lead.start()])
                {
                    // The digits after the dash start a number of their own.
                    return lead.start() + lead.as_str().chars().next().unwrap().len_utf8();
                }
                let group = c.name("lead").or_else(|| c.name("fraction"));
                group.unwrap_or_else(|| c.get(0).unwrap()).start()
            })
            .collect()
    }

    #[test]
    fn starts_agree_with_their_expression() {
        let piece = prop::sample::select(vec![
            "US$5",
            "us$ 5",
            "BUS$5",
            "A$",
            "NZ$12",
            "HK$3",
            "c$ 9",
            "£4m",
            "€ 3",
            "¥",
            "$",
            "12",
            "1,200",
            "3.5",
            "a dozen",
            "a  hundred",
            "A million",
            "a",
            "dozens",
            "hundreds",
            "three",
            "Twenty",
            "tenth",
            "ten5",
            "x",
            "é",
            "“",
            "—",
            " ",
            ",",
            "-",
            "−",
            ".",
            "(",
            "½",
            "¾",
            "quarter",
        ]);
        run(CASES, &texts(piece, glue(), 1..10), |text| {
            prop_assert_eq!(
                starts(&text, &text.to_ascii_lowercase()),
                starts_by_expression(&text),
                "{:?}",
                text
            );
            Ok(())
        });
    }

    #[test]
    fn digits_agree_with_their_expression() {
        let expression =
            regex::Regex::new(r"^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?").unwrap();
        for text in [
            "1234,567",
            "1,234,56",
            "1,2345",
            "1,234.5",
            "12.",
            "12.5.6",
            "0",
            "x1",
            "1,000,000",
            "999,99",
            "1234",
            "12,345 people",
            ".5",
        ] {
            assert_eq!(
                digits_at(text),
                expression.find(text).map(|m| m.end()),
                "{text:?}"
            );
        }
    }

    fn amounts(text: &str) -> Vec<(String, String)> {
        numbers(text)
            .into_iter()
            .map(|(span, r)| {
                let value = match r {
                    Reading::Amount(q) => q.normalised(),
                    Reading::Years { first, last } => format!("years {first}-{last}"),
                };
                (span.of(text).to_string(), value)
            })
            .collect()
    }

    fn one(text: &str) -> String {
        let found = amounts(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found[0].1.clone()
    }

    #[test]
    fn digits_with_separators_and_decimals() {
        assert_eq!(one("2,500 homes"), "2500");
        assert_eq!(one("a 2.5 rise"), "2.5");
        assert_eq!(one("1,234,567.5 votes"), "1234567.5");
    }

    #[test]
    fn signs_points_and_fractions() {
        assert_eq!(one("fell .85 points"), "0.85");
        assert_eq!(one("(.5)"), "0.5");
        assert_eq!(one("at -3 degrees"), "-3 deg");
        assert_eq!(one("at −3 degrees"), "-3 deg");
        assert_eq!(one("minus 5 degrees"), "-5 deg");
        assert_eq!(one("jailed for 2½ years"), "2.5 year");
        assert_eq!(one("rose 2 ½ points"), "2.5");
        assert_eq!(one("jailed for 2 1/2 years"), "2.5 year");
        assert_eq!(one("up 7½%"), "7.5%");
        assert_eq!(one("1½ million people"), "1500000");
        assert_eq!(one("½ of them"), "0.5");
        // Neither a date-like pair nor a code is a fraction.
        assert_eq!(amounts("open 24/7").len(), 2);
        assert_eq!(amounts("after 2 9/11").len(), 3);
        // A dash between words or numbers is no sign.
        assert_eq!(
            amounts("won 5-4"),
            [("5".into(), "5".into()), ("4".into(), "4".into())]
        );
        assert_eq!(amounts("survivors - 3 of them"), [("3".into(), "3".into())]);
        // Nor a dash set loose after a number or a name.
        assert_eq!(
            amounts("they won 3 -1"),
            [("3".into(), "3".into()), ("1".into(), "1".into())]
        );
        assert_eq!(
            amounts("cases of Covid -19 rose"),
            [("19".into(), "19".into())]
        );
        assert_eq!(one("-4 at dawn"), "-4");
        assert_eq!(one("fell to -4 at dawn"), "-4");
        // A margin, a lone point, a year before a share.
        assert_eq!(one("plus or minus 3 percentage points"), "3 pp");
        assert_eq!(amounts("from -5 to ."), [("-5".into(), "-5".into())]);
        assert_eq!(amounts("in 2021 1/3 of homes").len(), 3);
        assert_eq!(one("in 2021½"), "2021.5");
    }

    #[test]
    fn shares_in_words_are_percentages() {
        assert_eq!(one("two-thirds of voters"), "66.67%");
        assert_eq!(one("three-quarters"), "75%");
        assert_eq!(one("three quarters of the crew"), "75%");
        assert_eq!(one("one-fifth"), "20%");
        assert_eq!(
            amounts("a third of the crew"),
            [("a third".into(), "33.33%".into())]
        );
        // No share: an ordinal, a quarter of a number, quarters of a year.
        assert_eq!(one("a third time"), "3th");
        assert_eq!(one("a quarter of a million"), "1000000");
        assert_eq!(one("three quarters running"), "3");
        assert_eq!(one("the two halves of the match"), "2");
    }

    #[test]
    fn number_words() {
        assert_eq!(one("three boats"), "3");
        assert_eq!(one("a dozen boats"), "12");
        assert_eq!(one("twenty-five boats"), "25");
        assert_eq!(one("two hundred and fifty boats"), "250");
        assert_eq!(one("2 thousand litres"), "2000 l");
        assert_eq!(one("2,000 litres"), "2000 l");
        assert_eq!(one("the third time"), "3th");
        assert_eq!(one("the 3rd time"), "3th");
        assert_eq!(one("hundreds of people"), "~200-999");
    }

    #[test]
    fn a_lone_one_is_not_a_count() {
        assert!(amounts("one of the crew said no one knew").is_empty());
        assert!(amounts("it could one day carry crews").is_empty());
        assert_eq!(one("one year"), "1 year");
    }

    #[test]
    fn money_and_units() {
        assert_eq!(one("cost $2.5bn"), "2500000000 USD");
        assert_eq!(one("a £4.2m programme"), "4200000 GBP");
        assert_eq!(one("US$30 million"), "30000000 USD");
        assert_eq!(one("£1.8\u{a0}million"), "1800000 GBP");
        assert_eq!(one("40\u{a0}per cent"), "40%");
        assert_eq!(one("about 3km south"), "~3 km");
        assert_eq!(one("an 850m span"), "850 m");
        assert_eq!(one("40% of voters"), "40%");
        assert_eq!(one("40 per cent of voters"), "40%");
        assert_eq!(one("making 13 knots"), "13 knot");
        assert_eq!(one("2.5 billion dollars"), "2500000000 USD");
    }

    #[test]
    fn ranges() {
        assert_eq!(one("between 12 and 14 knots"), "12-14 knot");
        assert_eq!(one("three or four boats"), "3-4");
        assert_eq!(one("12 to 14 boats"), "12-14");
        assert_eq!(one("the 1950-53 war"), "years 1950-1953");
        assert_eq!(one("the 1950-5 war"), "years 1950-1955");
        assert_eq!(one("in 2004-05"), "years 2004-2005");
        assert_eq!(one("in service from 1998 to 2004"), "years 1998-2004");
        assert_eq!(amounts("fell from 12 people"), [("12".into(), "12".into())]);
    }

    #[test]
    fn hedges() {
        assert_eq!(one("at least 14 people"), ">=14");
        assert_eq!(one("nearly 200 homes"), "<~200");
        assert_eq!(one("more than 300 people"), ">300");
        assert_eq!(one("up to 40 boats"), "<=40");
        assert_eq!(one("some 300 people"), "~300");
    }

    #[test]
    fn years_are_told_from_counts() {
        assert_eq!(one("built in 1987, it"), "years 1987-1987");
        assert_eq!(one("in the 1990s"), "years 1990-1999");
        assert_eq!(one("2000 people fled"), "2000");
    }

    #[test]
    fn digits_glued_to_words_are_names() {
        assert!(amounts("COVID-19 and the G7 and an A320").is_empty());
    }

    #[test]
    fn compatible_values_overlap() {
        let q = |t: &str| match numbers(t).remove(0).1 {
            Reading::Amount(q) => q,
            Reading::Years { .. } => panic!("{t} is years"),
        };
        assert!(q("at least 14").compatible(&q("14")));
        assert!(q("between 12 and 14 knots").compatible(&q("13 knots")));
        assert!(q("2,000 litres").compatible(&q("2 thousand litres")));
        assert!(q("nearly 200").compatible(&q("195")));
        assert!(!q("at least 14").compatible(&q("12")));
        assert!(!q("19 people").compatible(&q("at least 23 people")));
        assert!(!q("12").compatible(&q("14")));
        assert!(q(".85").compatible(&q("0.85")));
        assert!(q("2½").compatible(&q("2.5")));
        assert!(!q("2½").compatible(&q("2")));
        assert!(!q("-3").compatible(&q("3")));
        assert!(q("about -10").compatible(&q("-10.5")));
        assert!(!q("about -10").compatible(&q("-12")));
        // A share in words is a rounding to ten points.
        assert!(q("two-thirds of").compatible(&q("67%")));
        assert!(q("two-thirds of").compatible(&q("65 per cent")));
        assert!(!q("two-thirds of").compatible(&q("60%")));
    }

    #[test]
    fn a_rounding_is_compatible() {
        let q = |t: &str| match numbers(t).remove(0).1 {
            Reading::Amount(q) => q,
            other => panic!("{t}: {other:?}"),
        };
        assert!(q("$114 million").compatible(&q("$114.3 million")));
        assert!(q("$114.3 million").compatible(&q("$114 million")));
        assert!(q("9%").compatible(&q("8.76%")));
        assert!(q("1.4 percent").compatible(&q("1.36 percent")));
        assert!(q("$40 million").compatible(&q("$39.5 million")));
        // Half goes up; a cut is no rounding.
        assert!(!q("2").compatible(&q("2.5")));
        assert!(q("3").compatible(&q("2.5")));
        assert!(!q("$247 billion").compatible(&q("$247.7 billion")));
        // Two whole numbers, a hedge, a zero: never.
        assert!(!q("20 people").compatible(&q("24 people")));
        assert!(!q("300").compatible(&q("296")));
        assert!(!q("more than 2 billion").compatible(&q("1.8 billion")));
        assert!(!q("0%").compatible(&q("0.35%")));
        assert_eq!(q("2.5 million").step, 100_000.0);
        assert_eq!(q("14").step, 1.0);
        assert_eq!(q("two").step, 0.0);
        assert_eq!(q("between 12 and 14").step, 0.0);
    }

    #[test]
    fn money_and_its_share_are_no_range() {
        let found = |t: &str| -> Vec<String> {
            numbers(t)
                .into_iter()
                .map(|(span, _)| span.of(t).to_string())
                .collect()
        };
        assert_eq!(
            found("Shares rose $1.63, or 8 percent, to $21.03."),
            ["$1.63", "8 percent", "$21.03"]
        );
        assert_eq!(found("a fee of 5 or $10"), ["5", "$10"]);
        assert_eq!(found("prices rose 8 or 10 percent"), ["8 or 10 percent"]);
        assert_eq!(
            found("between $7.6 billion and $7.8 billion"),
            ["between $7.6 billion and $7.8 billion"]
        );
    }

    #[test]
    fn a_hyphen_joins_a_multiplier() {
        let value = |t: &str| match numbers(t).remove(0) {
            (span, Reading::Amount(q)) => (span.of(t).to_string(), q.low),
            other => panic!("{t}: {other:?}"),
        };
        assert_eq!(value("a $3-million grant"), ("$3-million".to_string(), 3e6));
        assert_eq!(
            value("some 38-million euros"),
            ("some 38-million euros".to_string(), 38e6)
        );
        // A score or a range is no multiplier.
        assert_eq!(value("won 3-1 at home").1, 3.0);
    }
}
