//! One name folding: the form a name, or a word of one, compares in.
//!
//! [`fold_name`] is the one folding of names every stage uses: `extract::names` to find a
//! word of a name again ([`Fold::WORD`]), `compare::facts` to compare two outlets' names
//! ([`Fold::NAME`]); [`possessive`] is where `extract::facts` splits a run of names. What
//! the two folds do differently is named in [`Fold`], each difference with the case that
//! needs it. (`extract::facts::canonical` is no folding: it maps a name's aliases, "U.S."
//! to "United States", and stays with the aliases.)

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// What [`fold_name`] folds besides the possessive. Callers differ for a reason: finding a
/// word of a name again ("Kim" alone, a headline's known words) looks up lower-case words
/// with their closing stop or comma off, and takes off one ending only ([`Ending::One`]);
/// comparing two outlets' names keeps the case, whose capitals tell initials ("GE" /
/// "General Electric"), takes accents off ("Nestlé" / "Nestle") and every dangling ending
/// ([`Ending::All`]).
#[derive(Clone, Copy, Debug)]
pub struct Fold {
    /// Lower case, and a closing full stop or comma off: "Kim," is "kim".
    pub lower: bool,
    /// Accents off: "Nestlé" is "Nestle".
    pub accents: bool,
    pub ending: Ending,
}

/// How much of a name's end comes off.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ending {
    /// One possessive or one apostrophe: "Kim's" is "Kim", "Jones'" is "Jones". A word to
    /// be found again keeps the rest: "Great''" (a quotation closed with two apostrophes)
    /// is "Great'", not the word "great" that would make "GREAT train robber" a name, and
    /// "Data- monitor", a word broken at a line end, keeps its hyphen.
    One,
    /// Every dangling apostrophe and hyphen, then every possessive: "Spanish-" is
    /// "Spanish", "Nestlé's" is "Nestlé".
    All,
}

impl Fold {
    /// A word of a name, to be found again: "Kim's" and "Kim," are "kim".
    pub const WORD: Fold = Fold {
        lower: true,
        accents: false,
        ending: Ending::One,
    };
    /// A name, to be compared with another outlet's: "Nestlé's" is "Nestle".
    pub const NAME: Fold = Fold {
        lower: false,
        accents: true,
        ending: Ending::All,
    };
}

/// The owner of a possessive word: "Agency's" and "Agency’s" are "Agency"; a word with
/// no `'s` is no possessive ("Midlands'" names the Midlands, it does not split a run).
pub fn possessive(word: &str) -> Option<&str> {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
}

/// A name without its possessive or a dangling apostrophe, as `ending` says: "Nestlé's"
/// is "Nestlé", "Midlands'" is "Midlands"; with [`Ending::All`] "Spanish-" is "Spanish".
pub fn without_possessive(name: &str, ending: Ending) -> &str {
    match ending {
        Ending::One => ["'s", "’s", "'", "’"]
            .iter()
            .find_map(|end| name.strip_suffix(end))
            .unwrap_or(name),
        Ending::All => name
            .trim_end_matches(['\'', '’', '-'])
            .trim_end_matches("'s")
            .trim_end_matches("’s"),
    }
}

/// A name folded as `how` says, its possessive always off: with [`Fold::WORD`] "Kim's" is
/// "kim"; with [`Fold::NAME`] "Nestlé's" is "Nestle".
pub fn fold_name(name: &str, how: Fold) -> String {
    // ASCII has no accents to take off.
    let plain: Cow<str> = if how.accents && !name.is_ascii() {
        name.nfkd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .collect()
    } else {
        Cow::Borrowed(name)
    };
    if !how.lower {
        return without_possessive(&plain, how.ending).to_string();
    }
    let lower = plain.to_lowercase();
    without_possessive(&lower, how.ending)
        .trim_end_matches(['.', ','])
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessives_come_off_alike() {
        assert_eq!(fold_name("Kim's", Fold::WORD), "kim");
        assert_eq!(fold_name("Kim,", Fold::WORD), "kim");
        // The possessive comes off before the comma, so here it stays.
        assert_eq!(fold_name("Kim's,", Fold::WORD), "kim's");
        assert_eq!(fold_name("Jones'", Fold::WORD), "jones");
        assert_eq!(fold_name("U.S.", Fold::WORD), "u.s");
        assert_eq!(fold_name("Nestlé's", Fold::NAME), "Nestle");
        assert_eq!(fold_name("Midlands’", Fold::NAME), "Midlands");
        assert_eq!(fold_name("Data-", Fold::WORD), "data-");
        assert_eq!(fold_name("Spanish-", Fold::NAME), "Spanish");
        assert_eq!(fold_name("Great''", Fold::WORD), "great'");
        assert_eq!(possessive("Agency’s"), Some("Agency"));
        assert_eq!(possessive("Midlands'"), None);
    }
}
