//! The checkable facts of each sentence: numbers, dates and times, and names.
//!
//! Numbers and dates come from [`super::numbers`] and [`super::dates`]; where the two
//! overlap ("June 30, 2018"), the date wins. Names are the capitalised runs of
//! [`super::names`], merged per report into one value for each person, place or body:
//! "Mr Kim" and "Kim" become the fullest name written ("Kim Jong Un"), and a few
//! unambiguous country forms become one ("US", "U.S.", "United States", "American").

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

use super::dates::{self, Resolver, Written};
use super::names;
use super::numbers::{self, Reading};
use crate::model::{DropReason, Dropped, Fact, FactValue, Span};
use crate::text::fold::{Fold, fold_name, possessive};
use jiff::civil::Date;

/// Forms of one country or body that mean the same wherever they appear.
const ALIASES: &[(&str, &str)] = &[
    ("US", "United States"),
    ("USA", "United States"),
    ("America", "United States"),
    ("American", "United States"),
    ("Americans", "United States"),
    ("United States of America", "United States"),
    ("UK", "United Kingdom"),
    ("Britain", "United Kingdom"),
    ("Great Britain", "United Kingdom"),
    ("British", "United Kingdom"),
    ("EU", "European Union"),
    ("UN", "United Nations"),
    ("DPRK", "North Korea"),
    ("ROK", "South Korea"),
];

/// Capitalised words that name nothing by themselves.
const NOT_NAMES: &[&str] = &[
    "I", "The", "A", "An", "It", "He", "She", "They", "We", "This",
];

/// The facts of a report, in reading order.
///
/// `sentences` are the report's sentence spans; `dropped` supplies the publication date
/// (a timestamp line) that weekdays and "yesterday" resolve against.
pub fn facts(text: &str, sentences: &[Span], dropped: &[Dropped]) -> Vec<Fact> {
    let names: Vec<Span> = names::names(text, sentences)
        .iter()
        .map(|n| n.span)
        .collect();
    facts_with(text, sentences, dropped, &names)
}

/// The date a report says it was published: the first full date of its timestamp lines
/// or its byline (all dropped), read with each word capitalised, since a date line may be
/// written in capitals ("10:55 P.M. FEB. 2, 2009"); failing those, the date in the path of
/// its web address ("…/2009/02/02/story", "…/2013/aug/02/…").
pub fn published(text: &str, dropped: &[Dropped]) -> Option<Date> {
    let stamps: Vec<String> = dropped
        .iter()
        .filter(|d| matches!(d.reason, DropReason::Timestamp | DropReason::Byline))
        .map(|d| capitalised(d.span.of(text)))
        .collect();
    dates::anchor(stamps.iter().map(String::as_str)).or_else(|| {
        dropped
            .iter()
            .filter(|d| d.reason == DropReason::Url)
            .find_map(|d| url_date(d.span.of(text)))
    })
}

/// The date in a web address's path: three segments in a row that read as a year (1990 to
/// 2099), a month (a number, or a month's name or its first three letters) and a day.
///
/// ```text
/// /(19[9]\d|20\d\d)/(0?[1-9]|1[0-2]|jan[a-z]*|feb[a-z]*|…|dec[a-z]*)/(0?[1-9]|[12]\d|3[01])(/|$)
/// ```
fn url_date(url: &str) -> Option<Date> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let number = |s: &str, most: usize| {
        (!s.is_empty() && s.len() <= most && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i16>().ok())
            .flatten()
    };
    let month = |s: &str| {
        number(s, 2).or_else(|| {
            let lower = s.to_ascii_lowercase();
            let at = MONTHS.iter().position(|m| lower.starts_with(m))?;
            let rest = &lower[3..];
            (rest.bytes().all(|b| b.is_ascii_lowercase()) && rest.len() <= 6)
                .then_some(at as i16 + 1)
        })
    };
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let segments: Vec<&str> = path
        .trim_end_matches([' ', '/'])
        .split('/')
        .skip(1)
        .collect();
    segments.windows(3).find_map(|w| {
        let year = number(w[0], 4).filter(|y| (1990..2100).contains(y))?;
        let month = month(w[1]).filter(|m| (1..=12).contains(m))?;
        let day = number(w[2], 2).filter(|d| (1..=31).contains(d))?;
        Date::new(year, month as i8, day as i8).ok()
    })
}

/// [`facts`], given the spans of the report's names ([`names::names`] of the same
/// sentences, in reading order), for a caller that needs the names for other work too.
pub fn facts_with(
    text: &str,
    sentences: &[Span],
    dropped: &[Dropped],
    names: &[Span],
) -> Vec<Fact> {
    let mut resolver = match published(text, dropped) {
        Some(published) => Resolver::new(Some(published)),
        None => Resolver::guessing(dates::anchor(sentences.iter().map(|s| s.of(text)))),
    };
    let mut out = Vec::new();
    for (index, &sentence) in sentences.iter().enumerate() {
        let body = sentence.of(text);
        let mut found: Vec<(Span, FactValue)> = Vec::new();
        let mut written: Vec<(Span, Written)> = dates::dates(body);
        let mut dated = vec![false; body.len()];
        for (span, _) in &written {
            dated[span.start..span.end].fill(true);
        }
        for (span, reading) in numbers::numbers(body) {
            if dated[span.start..span.end].iter().any(|&d| d) {
                continue;
            }
            match reading {
                Reading::Amount(q) => found.push((span, FactValue::Number(q))),
                Reading::Years { first, last } => {
                    written.push((span, Written::Years { first, last }));
                }
            }
        }
        written.sort_by_key(|(s, _)| s.start);
        for (span, w) in written {
            let when = resolver.resolve(&w, span.of(body));
            found.push((span, FactValue::Date(when)));
        }
        found.retain(|(span, _)| !span.is_empty());
        found.sort_by_key(|(s, _)| s.start);
        out.extend(found.into_iter().map(|(span, value)| Fact {
            span: span.shift(sentence.start),
            sentence: index,
            value,
        }));
    }
    out.extend(name_facts(text, sentences, names, &out));
    out.sort_by_key(|f| (f.sentence, f.span.start));
    out
}

/// `text` with each ASCII word capitalised: "FEB. 2" and "feb. 2" as "Feb. 2".
fn capitalised(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_word = false;
    for c in text.chars() {
        out.push(match (c.is_ascii_alphabetic(), in_word) {
            (true, false) => c.to_ascii_uppercase(),
            (true, true) => c.to_ascii_lowercase(),
            _ => c,
        });
        in_word = c.is_ascii_alphabetic();
    }
    out
}

/// Names, each valued as the fullest form the report writes it in.
fn name_facts(text: &str, sentences: &[Span], names: &[Span], taken: &[Fact]) -> Vec<Fact> {
    let mut found: Vec<(Span, usize, String)> = Vec::new();
    let mut sentence_of = 0;
    for &run in names {
        while sentence_of + 1 < sentences.len() && sentences[sentence_of].end <= run.start {
            sentence_of += 1;
        }
        for part in possessive_parts(run.of(text)) {
            let Some(span) = name_span(text, run, &part) else {
                continue;
            };
            // `taken` is in reading order and its spans do not overlap.
            let next = taken.partition_point(|f| f.span.end <= span.start);
            let overlaps = taken.get(next).is_some_and(|f| f.span.start < span.end);
            let letters = part.chars().filter(|c| c.is_alphabetic()).count();
            // "Spanish-language", "US-built": a word made from a name, not a name.
            let compound = part.split_whitespace().any(|w| {
                w.ends_with('-')
                    || w.split_once('-')
                        .is_some_and(|(_, tail)| tail.starts_with(char::is_lowercase))
            });
            // "We're", "I'll", "Don't": a capitalised contraction, not a name.
            let contraction = ["'re", "'ll", "'ve", "'d", "'m", "n't"]
                .iter()
                .any(|end| ends_with_folded(&part, end));
            if overlaps
                || letters < 2
                || compound
                || contraction
                || NOT_NAMES.contains(&part.as_str())
            {
                continue;
            }
            found.push((span, sentence_of, part));
        }
    }
    let fullest = Fullest::new(found.iter().map(|(_, _, part)| part.as_str()).collect());
    found
        .iter()
        .map(|(span, sentence, part)| Fact {
            span: *span,
            sentence: *sentence,
            value: FactValue::Name(canonical(fullest.of(part)).into_owned()),
        })
        .collect()
}

/// Whether `text` ends with `end` (ASCII, lower case), whatever its case and whichever
/// apostrophe it writes.
fn ends_with_folded(text: &str, end: &str) -> bool {
    let mut chars = text.chars().rev();
    end.bytes().rev().all(|want| {
        chars.next().is_some_and(|c| {
            let c = if c == '’' { '\'' } else { c };
            c.is_ascii() && c.to_ascii_lowercase() as u8 == want
        })
    })
}

/// A run of names split at possessives: "Aster Space Agency's Kestrel" -> "Aster Space
/// Agency", "Kestrel".
fn possessive_parts(run: &str) -> Vec<String> {
    // "US President Donald Trump": up to the last title is description, then name.
    let name = |words: &[&str]| {
        let split = words
            .iter()
            .rposition(|w| names::is_title(w))
            .map_or(0, |t| t + 1);
        names::strip_titles(&words[split..])
    };
    let mut parts = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for word in run.split_whitespace() {
        match possessive(word) {
            Some(owner) => {
                current.push(owner);
                parts.push(name(&current));
                current.clear();
            }
            None => current.push(word),
        }
    }
    if !current.is_empty() {
        parts.push(name(&current));
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// The part of a name run that is the name itself, without titles before it or a
/// possessive after it: "President Donald Trump's" -> "Donald Trump".
fn name_span(text: &str, run: Span, name: &str) -> Option<Span> {
    let first = name.split_whitespace().next()?;
    let last = name.split_whitespace().last()?;
    let body = run.of(text);
    let start = body.find(first)?;
    let mut end = body.rfind(last)? + last.len();
    // "U.S." keeps its last dot.
    if last.contains('.') && body[end..].starts_with('.') {
        end += 1;
    }
    (start < end).then(|| Span::new(run.start + start, run.start + end))
}

impl Fact {
    /// The value as a short normalised string: "14", ">=14", "2026-03-13", "Kim Jong Un".
    pub fn normalised(&self) -> String {
        match &self.value {
            FactValue::Number(q) => q.normalised(),
            FactValue::Date(w) => w.normalised(),
            FactValue::Name(n) => n.clone(),
        }
    }
}

/// One name for the forms in `ALIASES`; dots go ("U.S." is "US").
///
/// Borrowed where nothing changes, as for most names.
pub fn canonical(name: &str) -> Cow<'_, str> {
    let plain: Cow<str> = if name.contains('.') {
        Cow::Owned(name.chars().filter(|&c| c != '.').collect())
    } else {
        Cow::Borrowed(name)
    };
    let article = if plain.starts_with("the ") || plain.starts_with("The ") {
        4
    } else {
        0
    };
    if let Some((_, full)) = ALIASES.iter().find(|(form, _)| *form == &plain[article..]) {
        return Cow::Borrowed(full);
    }
    match plain {
        Cow::Borrowed(name) => Cow::Borrowed(&name[article..]),
        Cow::Owned(name) if article == 0 => Cow::Owned(name),
        Cow::Owned(name) => Cow::Owned(name[article..].to_string()),
    }
}

/// Finds the fullest form of a name among all forms a report writes, by word index, so a
/// long report costs no more than its names.
struct Fullest<'a> {
    forms: Vec<&'a str>,
    /// The words of each form of more than [`SCANNED_WORDS`] words, shared by equal forms,
    /// so that a long run of capitalised words is searched, not scanned once per word.
    words: Vec<Option<std::rc::Rc<FxHashSet<&'a str>>>>,
    by_word: FxHashMap<&'a str, Vec<usize>>,
}

/// Forms up to this many words are scanned word by word; longer ones looked up in a set.
const SCANNED_WORDS: usize = 8;

impl<'a> Fullest<'a> {
    fn new(forms: Vec<&'a str>) -> Fullest<'a> {
        let mut by_word: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (i, form) in forms.iter().enumerate() {
            for word in form.split_whitespace() {
                let list = by_word.entry(word).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        // Each form's length in words, and one number for each distinct form, worked out
        // once: a run of thousands of capitalised words is in thousands of lists.
        let lengths: Vec<usize> = forms.iter().map(|f| f.split_whitespace().count()).collect();
        let mut distinct: FxHashMap<&str, usize> = FxHashMap::default();
        let ids: Vec<usize> = forms
            .iter()
            .map(|&f| {
                let next = distinct.len();
                *distinct.entry(f).or_insert(next)
            })
            .collect();
        // Keep each word's list short: the longest forms are the only candidates.
        for list in by_word.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(lengths[i]));
            list.dedup_by_key(|i| ids[*i]);
            list.truncate(16);
        }
        let mut sets: Vec<Option<std::rc::Rc<FxHashSet<&str>>>> = vec![None; distinct.len()];
        let words = forms
            .iter()
            .zip(&ids)
            .zip(&lengths)
            .map(|((form, &id), &length)| {
                (length > SCANNED_WORDS).then(|| {
                    sets[id]
                        .get_or_insert_with(|| {
                            form.split_whitespace().collect::<FxHashSet<_>>().into()
                        })
                        .clone()
                })
            })
            .collect();
        Fullest {
            forms,
            words,
            by_word,
        }
    }

    /// The longest form that contains every word of `name`: "Kim" -> "Kim Jong Un".
    fn of<'n>(&'n self, name: &'n str) -> &'n str {
        let Some(candidates) = name
            .split_whitespace()
            .next()
            .and_then(|w| self.by_word.get(w))
        else {
            return name;
        };
        candidates
            .iter()
            .find(|&&i| {
                let form = self.forms[i];
                match &self.words[i] {
                    Some(words) => name.split_whitespace().all(|w| words.contains(w)),
                    None => name
                        .split_whitespace()
                        .all(|w| form.split_whitespace().any(|part| part == w)),
                }
            })
            .map_or(name, |&i| self.forms[i])
    }
}

/// Whether two outlets' names can be one person, place or body: one is a short form of the
/// other ("Kim" / "Kim Jong Un", "Port Ardwin" / "Ardwin"), its initials ("GE" / "General
/// Electric", "H-P" / "Hewlett-Packard"), or a spelling of it ("Nestle" / "Nestlé",
/// "al-Qaeda" / "al-Qaida", "Fiji" / "Fijian", "Midlands'" / "Midlands").
pub fn same_name(a: &str, b: &str) -> bool {
    NameForm::new(a).same(&NameForm::new(b))
}

/// A name made ready for comparing with many others: everything `same_name` looks at,
/// worked out once.
pub(crate) struct NameForm {
    /// Accents, a possessive and a dangling hyphen or apostrophe removed.
    folded: String,
    /// The words it is known by (`name_words`).
    words: Vec<String>,
    /// Its letters and digits, lower case: "al-Qaeda" -> "alqaeda".
    letters: String,
    /// Its capital letters, when the name is written as initials ("GE", "H-P").
    initials: Option<String>,
    /// The first letters of its words: of the capitalised ones, and of all of them.
    capitals: String,
    firsts: String,
}

impl NameForm {
    pub(crate) fn new(name: &str) -> NameForm {
        let folded = fold_name(name, Fold::NAME);
        let letters = folded
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        let upper: String = folded.chars().filter(|c| c.is_alphabetic()).collect();
        let initials =
            (upper.chars().count() >= 2 && upper.chars().all(char::is_uppercase)).then_some(upper);
        let words = || folded.split(|c: char| c.is_whitespace() || c == '-');
        let capitals = words()
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_uppercase())
            .collect();
        let firsts = words()
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect();
        NameForm {
            words: name_words(&folded),
            folded,
            letters,
            initials,
            capitals,
            firsts,
        }
    }

    /// `same_name` of the two names.
    pub(crate) fn same(&self, other: &NameForm) -> bool {
        if self.folded == other.folded
            || self.words.iter().any(|w| other.words.contains(w))
            || self.initials_of(other)
            || other.initials_of(self)
        {
            return true;
        }
        let (la, lb) = (self.letters.as_str(), other.letters.as_str());
        let within = |x: &str, y: &str| x.len() >= 4 && y.contains(x);
        within(la, lb)
            || within(lb, la)
            || strsim::jaro_winkler(la, lb) >= 0.9
            || strsim::normalized_levenshtein(la, lb) >= 0.8
    }

    /// Whether this name is the initials of `long`: "GE" / "General Electric Co", "HP" /
    /// "Hewlett-Packard".
    fn initials_of(&self, long: &NameForm) -> bool {
        let Some(letters) = &self.initials else {
            return false;
        };
        // "CHOGM" / "Commonwealth Heads of Government Meeting": small words may count.
        let fits = |initials: &str| {
            initials.len() >= 2
                && (initials.starts_with(letters.as_str())
                    || letters.len() >= 3 && letters.starts_with(initials))
        };
        fits(&long.capitals) || fits(&long.firsts)
    }
}

/// The words a name is known by, lower case, country forms spelled out and a plural `s`
/// dropped: "the Schindlers" -> ["schindler"], "US" -> ["united", "states"].
pub(crate) fn name_words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in name.split_whitespace() {
        let full = canonical(w);
        for w in full.split_whitespace() {
            if w.chars().count() <= 2 && !w.chars().all(char::is_uppercase) {
                continue;
            }
            let mut lower = w.to_lowercase();
            // "Sunnis" / "Sunni", "the Schindlers" / "Mary Schindler".
            if let Some(stem) = lower.strip_suffix('s')
                && stem.len() > 2
                && !stem.ends_with('s')
            {
                lower.truncate(stem.len());
            }
            out.push(lower);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::same_name;
    use crate::model::FactKind;

    #[test]
    fn names_in_other_forms_are_one_name() {
        for (a, b) in [
            ("Muller Foods", "Müller Foods"),
            ("Mohamed", "Mohammed"),
            ("Velsay Ferries'", "Velsay Ferries"),
            ("WF", "Westmark Ferries Co"),
            ("M-K", "Marrow-Keswick"),
            ("Velsay", "Velsayan"),
            ("Top US", "United States"),
            ("Kim", "Kim Jong Un"),
            ("MAB", "Marine Accident Board"),
            ("Kestrel", "AtKestrel"),
            ("Tulloch Crofters", "Crofter"),
            ("Morag Tulloch", "Tullochs"),
        ] {
            assert!(same_name(a, b), "{a} / {b}");
        }
        for (a, b) in [
            ("Brodie Keswick", "Anselm Rourke"),
            ("Velsayans", "Orcadians"),
            ("Port Ardwin", "Cray Sound"),
        ] {
            assert!(!same_name(a, b), "{a} / {b}");
        }
    }

    fn found(text: &str) -> Vec<(String, &'static str, String)> {
        let doc = crate::inspect(crate::model::Source::new("t", text));
        doc.facts
            .iter()
            .map(|f| {
                (
                    f.span.of(text).to_string(),
                    f.kind().as_str(),
                    f.normalised(),
                )
            })
            .collect()
    }

    fn has(list: &[(String, &str, String)], text: &str, kind: FactKind, value: &str) -> bool {
        list.iter()
            .any(|(t, k, v)| t == text && *k == kind.as_str() && v == value)
    }

    #[test]
    fn numbers_dates_and_names_of_a_sentence() {
        let f = found(
            "Published 14 March 2026\nThe ferry ran aground off Velsay on Friday evening with at least 300 people on board, Captain Ilse Marrow said.",
        );
        assert!(
            has(&f, "Friday evening", FactKind::Date, "2026-03-13"),
            "{f:?}"
        );
        assert!(has(&f, "at least 300", FactKind::Number, ">=300"), "{f:?}");
        assert!(has(&f, "Velsay", FactKind::Name, "Velsay"), "{f:?}");
        assert!(
            has(&f, "Ilse Marrow", FactKind::Name, "Ilse Marrow"),
            "{f:?}"
        );
    }

    #[test]
    fn a_timestamp_line_in_capitals_is_the_publication_date() {
        // 2031-03-04 is a Tuesday; "Sunday" is the one before it.
        for stamp in [
            "Published March 4, 2031",
            "Published 11:40 P.M. MAR. 4, 2031",
            "Updated: Tue MAR 4, 2031 09:12 AM EST",
        ] {
            let text = format!(
                "http://gazette.example/news/story?id=4417\n{stamp}\nThe dam broke on Sunday, officials said.\n"
            );
            let f = found(&text);
            assert!(
                has(&f, "Sunday", FactKind::Date, "2031-03-02"),
                "{stamp}: {f:?}"
            );
            let doc = crate::inspect(crate::model::Source::new("t", text.as_str()));
            assert_eq!(doc.sentences.len(), 1, "{stamp}");
            assert!(!f.iter().any(|(_, _, v)| v.contains("4417")), "{f:?}");
        }
    }

    #[test]
    fn a_line_of_only_a_date_is_the_publication_date() {
        // 2031-03-04 is a Tuesday; "Sunday" is the one before it.
        for stamp in [
            "March 4, 2031",
            "11:40 P.M. MAR. 4, 2031",
            "on Mar 4 2031, 6:15p",
            "4 March 2031-22:05",
            "Tue Mar 4, 2031 09:12 AM EST",
            "2031-03-04",
        ] {
            let text = format!("{stamp}\nThe dam broke on Sunday, officials said.\n");
            let f = found(&text);
            assert!(
                has(&f, "Sunday", FactKind::Date, "2031-03-02"),
                "{stamp}: {f:?}"
            );
            let doc = crate::inspect(crate::model::Source::new("t", text.as_str()));
            assert_eq!(doc.sentences.len(), 1, "{stamp}");
        }
    }

    #[test]
    fn a_date_is_not_also_a_number() {
        let f = found("It opened on June 30, 2018, at 3 p.m. for 2,000 people.");
        let kinds: Vec<&str> = f.iter().map(|(_, k, _)| *k).collect();
        assert_eq!(kinds, ["date", "date", "number"], "{f:?}");
    }

    #[test]
    fn aliases_merge_into_one_name() {
        let f = found(
            "North Korean leader Kim Jong Un met US officials. Mr Kim smiled. The U.S. team and the American envoy left.",
        );
        assert!(has(&f, "Kim", FactKind::Name, "Kim Jong Un"), "{f:?}");
        assert!(has(&f, "U.S.", FactKind::Name, "United States"), "{f:?}");
        assert!(has(&f, "US", FactKind::Name, "United States"), "{f:?}");
        assert!(
            has(&f, "American", FactKind::Name, "United States"),
            "{f:?}"
        );
    }

    #[test]
    fn possessives_separate_names() {
        let f = found("The rover joins the Aster Space Agency’s Kestrel lander.");
        assert!(
            has(
                &f,
                "Aster Space Agency",
                FactKind::Name,
                "Aster Space Agency"
            ),
            "{f:?}"
        );
        assert!(has(&f, "Kestrel", FactKind::Name, "Kestrel"), "{f:?}");
    }

    #[test]
    fn descriptions_before_a_title_are_not_the_name() {
        let f = found("The talks included US President Donald Trump and US envoys.");
        assert!(
            has(&f, "Donald Trump", FactKind::Name, "Donald Trump"),
            "{f:?}"
        );
        assert!(has(&f, "US", FactKind::Name, "United States"), "{f:?}");
    }

    #[test]
    fn capitalised_contractions_are_not_names() {
        let f = found("Ann Lee said \"We’re ready\" and Tom Reyes said \"Don't wait\".");
        let names: Vec<&str> = f
            .iter()
            .filter(|(_, k, _)| *k == "name")
            .map(|(t, _, _)| t.as_str())
            .collect();
        assert_eq!(names, ["Ann Lee", "Tom Reyes"], "{f:?}");
    }

    #[test]
    fn years_are_dates() {
        let f = found("The bridge, built in 1987, served the 1950-53 route.");
        assert!(has(&f, "1987", FactKind::Date, "1987"), "{f:?}");
        assert!(has(&f, "1950-53", FactKind::Date, "1950/1953"), "{f:?}");
    }

    #[test]
    fn a_long_run_of_capitalised_words_is_looked_up_once_per_form() {
        use super::Fullest;
        let long: String = (0..400)
            .map(|k| format!("Ka{k}"))
            .collect::<Vec<_>>()
            .join(" ");
        let fullest = Fullest::new(vec![&long, "Ka7 Ka9", &long, "Kim", "Kim Jong Un"]);
        // A form of thousands of words was scanned for every word of every name looked up
        // in it, and its length counted at every comparison of every list it is in.
        let (first, again) = (fullest.words[0].as_ref(), fullest.words[2].as_ref());
        assert!(std::rc::Rc::ptr_eq(first.unwrap(), again.unwrap()));
        assert!(fullest.words[1].is_none());
        assert_eq!(fullest.of("Ka7 Ka9"), long);
        assert_eq!(fullest.of("Ka9 Ka7"), long);
        assert_eq!(fullest.of("Ka9 Kim"), "Ka9 Kim");
        assert_eq!(fullest.of("Kim"), "Kim Jong Un");
    }

    #[test]
    fn the_date_in_a_web_address_is_the_publication_date() {
        use super::url_date;
        use jiff::civil::date;
        for (url, day) in [
            (
                "http://www.example.com/news/2031/Mar/04/quay-fire-no-headline /",
                date(2031, 3, 4),
            ),
            (
                "https://example.org/2030/7/9/123456/ferry-report",
                date(2030, 7, 9),
            ),
            (
                "http://example.net/film/2029/aug/02/harbour-festival",
                date(2029, 8, 2),
            ),
            ("www.example.com/2028/12/31/", date(2028, 12, 31)),
        ] {
            assert_eq!(url_date(url), Some(day), "{url}");
        }
        for url in [
            // A year and a month, or an identifier, are no day.
            "http://example.com/2031/03/quay-fire",
            "http://example.com/news/story?id=2061565",
            "http://example.com/2031/13/40/",
            "http://example.com/1874/03/04/",
            "http://example.com/a/20310304/b",
        ] {
            assert_eq!(url_date(url), None, "{url}");
        }
    }

    #[test]
    fn a_dropped_web_address_dates_a_report_without_a_timestamp() {
        let doc = crate::inspect(crate::model::Source::new(
            "t",
            "http://www.example.com/news/2031/03/04/quay-fire\nThe quay at Port Ardwin burned on Sunday.\n",
        ));
        let when = doc
            .facts
            .iter()
            .find_map(|f| match &f.value {
                super::FactValue::Date(w) => Some(w.clone()),
                _ => None,
            })
            .expect("a date");
        // 4 March 2031 is a Tuesday: "Sunday" is 2 March, and not a guess.
        assert_eq!(when.days.map(|d| d.0), Some(jiff::civil::date(2031, 3, 2)));
        assert!(!when.guessed);
    }
}
