//! Numbers written in words: "three", "twenty-five", "two hundred and fifty", "a dozen",
//! vague plurals ("hundreds"), ordinals ("third") and shares ("two-thirds", "a quarter of").

use super::scan::{Value, letters_at, lookup, word_boundary_before};
use super::tables::{ORDINALS, SCALES, SHARES, SMALL, VAGUE};

/// The letters at `p` and where they end: "two" and 3 in "two-thirds" at 0.
fn word_at(lower: &str, p: usize) -> Option<(&str, usize)> {
    letters_at(&lower[p..]).map(|w| (w, p + w.len()))
}

/// A run of number words: "two hundred and fifty", "twenty-five", "a dozen", "hundreds".
pub(super) fn words_at(lower: &str, pos: usize) -> Option<(Value, usize)> {
    let (first, after_first) = word_at(lower, pos)?;
    if let Some(found) = article_share(lower, pos, first, after_first)
        .or_else(|| vague(first, after_first))
        .or_else(|| ordinal_word(first, after_first))
    {
        return Some(found);
    }
    let count = count_words(lower, pos, first, after_first);
    if let Some(share) = share_after(lower, &count) {
        return Some(share);
    }
    (count.words > 0).then(|| {
        let value = Value {
            word_one: count.words == 1 && first == "one",
            ..Value::new(count.total + count.current, 0.0)
        };
        (value, count.end)
    })
}

/// A share after the article: "a third of", "a quarter of" (the article is part of it).
fn article_share(lower: &str, pos: usize, first: &str, after: usize) -> Option<(Value, usize)> {
    let before = lower[..pos]
        .trim_end()
        .strip_suffix('a')
        .filter(|before| pos > before.len() + 1 && word_boundary_before(lower, before.len()))?;
    let d = share_of(first)?;
    of_after(lower, after).then(|| {
        let value = Value {
            from: Some(before.len()),
            ..Value::share(1.0, d)
        };
        (value, after)
    })
}

/// A vague plural and the range it stands for: "hundreds" is 200 to 999.
fn vague(word: &str, after: usize) -> Option<(Value, usize)> {
    let &(_, low, high) = VAGUE.iter().find(|(w, _, _)| *w == word)?;
    let value = Value {
        high: Some(high),
        ..Value::new(low, 0.0)
    };
    Some((value, after))
}

/// An ordinal in words: "third" is 3rd.
fn ordinal_word(word: &str, after: usize) -> Option<(Value, usize)> {
    let value = Value {
        ordinal: true,
        ..Value::new(lookup(ORDINALS, word)?, 0.0)
    };
    Some((value, after))
}

/// Number words added up as they are read.
struct Count {
    /// What the scales of a thousand and more have closed ("two thousand").
    total: f64,
    /// What is still open to a scale ("two hundred and fifty").
    current: f64,
    words: usize,
    /// Whether the last word was a scale ("hundred").
    last_scale: bool,
    /// Where the last word ends.
    end: usize,
}

impl Count {
    /// Adds one word, or says no when it is no number word or starts another number:
    /// "twenty" then "five" is 25, "two" then "hundred" 200, "two" then "three" no.
    fn add(&mut self, word: &str) -> bool {
        if let Some(v) = lookup(SMALL, word) {
            if self.words > 0 && !self.last_scale && self.current % 10.0 != 0.0 {
                return false; // "two three" is two numbers
            }
            self.current += v;
            self.last_scale = false;
        } else if let Some(scale) = lookup(SCALES, word) {
            if scale >= 1000.0 {
                self.total += self.current.max(1.0) * scale;
                self.current = 0.0;
            } else {
                self.current = self.current.max(1.0) * scale;
            }
            self.last_scale = true;
        } else {
            return false;
        }
        self.words += 1;
        true
    }
}

/// The number words from `pos` on, added up: "two hundred and fifty" is 250, "a dozen" 12
/// (the article counts as "one").
fn count_words(lower: &str, pos: usize, first: &str, after_first: usize) -> Count {
    let mut count = Count {
        total: 0.0,
        current: 0.0,
        words: 0,
        last_scale: false,
        end: pos,
    };
    let mut p = pos;
    if first == "a" {
        p = after_first + lower[after_first..].len() - lower[after_first..].trim_start().len();
        count.current = 1.0;
    }
    while let Some((word, after)) = word_at(lower, p)
        && count.add(word)
    {
        count.end = after;
        let Some(gap) = gap_after(lower, after, count.last_scale) else {
            break;
        };
        p = after + gap;
    }
    count
}

/// What joins two number words at `at`: a hyphen ("twenty-five"), spaces, or " and "
/// after a scale word ("hundred and fifty"); its length, or `None` where the run ends.
fn gap_after(lower: &str, at: usize, last_scale: bool) -> Option<usize> {
    let rest = &lower[at..];
    let gap = if rest.starts_with('-') {
        1
    } else if last_scale && rest.starts_with(" and ") {
        5
    } else {
        rest.len() - rest.trim_start_matches(' ').len()
    };
    (gap > 0).then_some(gap)
}

/// One small number over a share word: "two-thirds", "three quarters of"; not "the two
/// halves of the match".
fn share_after(lower: &str, count: &Count) -> Option<(Value, usize)> {
    if count.words != 1 || count.last_scale || !(1.0..10.0).contains(&count.current) {
        return None;
    }
    let rest = &lower[count.end..];
    let hyphen = rest.starts_with('-');
    if !hyphen && !rest.starts_with(' ') {
        return None;
    }
    let (word, after) = word_at(lower, count.end + 1)?;
    let d = share_of(word)?;
    (count.current < d && (hyphen || of_after(lower, after)))
        .then(|| (Value::share(count.current, d), after))
}

/// The denominator a share word stands for: "third" and "thirds" are 3.
pub(super) fn share_of(word: &str) -> Option<f64> {
    SHARES
        .iter()
        .find(|(one, many, _)| word == *one || word == *many)
        .map(|s| s.2)
}

/// Whether "of" follows `at`, and not "of a" or "of an" ("a quarter of a million" is no
/// share).
fn of_after(lower: &str, at: usize) -> bool {
    lower[at..]
        .trim_start()
        .strip_prefix("of ")
        .is_some_and(|rest| {
            let next = rest.trim_start().split(|c: char| !c.is_alphabetic()).next();
            !matches!(next, Some("a" | "an"))
        })
}
