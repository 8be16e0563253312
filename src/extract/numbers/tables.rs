//! The words and signs numbers are written with: number words, scales, ordinals, vague
//! plurals, fraction signs, share words, hedges, units and multipliers.

use std::sync::LazyLock;

use crate::model::Qualifier;

pub(super) const SMALL: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

pub(super) const SCALES: &[(&str, f64)] = &[
    ("dozen", 12.0),
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// "first" and "second" are left out: far more often "at first" or "a second time".
pub(super) const ORDINALS: &[(&str, f64)] = &[
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
];

/// Vague plurals ("hundreds of people") and the range each stands for.
pub(super) const VAGUE: &[(&str, f64, f64)] = &[
    ("dozens", 24.0, 99.0),
    ("scores", 40.0, 99.0),
    ("hundreds", 200.0, 999.0),
    ("thousands", 2e3, 9_999.0),
    ("millions", 2e6, 999e6),
];

/// The single characters that write a fraction ("7½", "2 ¾"), and their values as
/// numerator and denominator.
pub(super) const VULGAR: &[(char, u8, u8)] = &[
    ('½', 1, 2),
    ('⅓', 1, 3),
    ('⅔', 2, 3),
    ('¼', 1, 4),
    ('¾', 3, 4),
    ('⅕', 1, 5),
    ('⅖', 2, 5),
    ('⅗', 3, 5),
    ('⅘', 4, 5),
    ('⅙', 1, 6),
    ('⅚', 5, 6),
    ('⅛', 1, 8),
    ('⅜', 3, 8),
    ('⅝', 5, 8),
    ('⅞', 7, 8),
];

pub(super) fn vulgar(c: char) -> Option<(u8, u8)> {
    VULGAR.iter().find(|v| v.0 == c).map(|&(_, n, d)| (n, d))
}

/// The words of a share ("two-thirds", "a quarter of"), singular and plural, and their
/// denominators. "half" alone is left out: far more often "half an hour" or "the second
/// half" than a share.
pub(super) const SHARES: &[(&str, &str, f64)] = &[
    ("half", "halves", 2.0),
    ("third", "thirds", 3.0),
    ("quarter", "quarters", 4.0),
    ("fifth", "fifths", 5.0),
    ("tenth", "tenths", 10.0),
];

/// A share in words reads as a percentage, rounded to the nearest ten points: "two-thirds"
/// agrees with "67%" and "65 per cent", not with "60%".
pub(super) const SHARE_STEP: f64 = 10.0;

/// Hedges written before a number, longest first.
pub(super) const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("at least", Qualifier::AtLeast),
    ("as many as", Qualifier::AtLeast),
    ("as much as", Qualifier::AtLeast),
    ("no fewer than", Qualifier::AtLeast),
    ("more than", Qualifier::MoreThan),
    ("well over", Qualifier::MoreThan),
    ("just over", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("at most", Qualifier::AtMost),
    ("up to", Qualifier::AtMost),
    ("no more than", Qualifier::AtMost),
    ("less than", Qualifier::LessThan),
    ("fewer than", Qualifier::LessThan),
    ("just under", Qualifier::LessThan),
    ("under", Qualifier::LessThan),
    ("about", Qualifier::About),
    ("around", Qualifier::About),
    ("roughly", Qualifier::About),
    ("approximately", Qualifier::About),
    ("an estimated", Qualifier::About),
    ("some", Qualifier::About),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("close to", Qualifier::Nearly),
];

/// Units after a number, as written (lower case) and canonical.
pub(super) const UNITS: &[(&str, &str)] = &[
    ("%", "%"),
    ("per cent", "%"),
    ("percent", "%"),
    ("pct", "%"),
    ("percentage points", "pp"),
    ("km/h", "km/h"),
    ("kph", "km/h"),
    ("kmh", "km/h"),
    ("mph", "mph"),
    ("km", "km"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("miles", "mi"),
    ("mile", "mi"),
    ("metres", "m"),
    ("meters", "m"),
    ("metre", "m"),
    ("meter", "m"),
    ("cm", "cm"),
    ("mm", "mm"),
    ("feet", "ft"),
    ("foot", "ft"),
    ("ft", "ft"),
    ("kg", "kg"),
    ("kilograms", "kg"),
    ("kilos", "kg"),
    ("tonnes", "t"),
    ("tonne", "t"),
    ("tons", "t"),
    ("litres", "l"),
    ("liters", "l"),
    ("gallons", "gal"),
    ("knots", "knot"),
    ("knot", "knot"),
    ("degrees", "deg"),
    ("°c", "°C"),
    ("°f", "°F"),
    ("hours", "hour"),
    ("hour", "hour"),
    ("minutes", "minute"),
    ("minute", "minute"),
    ("seconds", "second"),
    ("days", "day"),
    ("day", "day"),
    ("weeks", "week"),
    ("week", "week"),
    ("months", "month"),
    ("month", "month"),
    ("years", "year"),
    ("year", "year"),
    ("dollars", "USD"),
    ("euros", "EUR"),
    ("pounds", "GBP"),
    ("yen", "JPY"),
    ("m", "m"),
];

/// Multipliers after a number ("2.5bn", "$4m", "3 million").
pub(super) const MULTIPLIERS: &[(&str, f64)] = &[
    ("trillion", 1e12),
    ("billion", 1e9),
    ("million", 1e6),
    ("thousand", 1e3),
    ("bn", 1e9),
    ("tn", 1e12),
    ("mn", 1e6),
    ("m", 1e6),
    ("k", 1e3),
];

/// The number words that may start a number, lower case.
pub(super) static START_WORDS: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| {
        SMALL
            .iter()
            .chain(SCALES)
            .chain(ORDINALS)
            .map(|(w, _)| *w)
            .chain(VAGUE.iter().map(|(w, _, _)| *w))
            .chain(["quarter"])
            .collect()
    });
