//! Who "he" or "she" in an attribution stands for, and who counts as a person.
//!
//! A pronoun refers to the subject it follows: the person the sentence opens with, or the
//! sentence before, as a reader takes it; only "he added" and the like go on with the
//! person quoted last. A candidate must be a person the report has named, and agree with
//! the pronoun where the report shows a gender ("Mr. Lee", "spokeswoman Ada Holm").

use rustc_hash::FxHashMap;

use super::super::names::{self, Named, Seen};
use super::super::persons;
use super::phrases::{opening, pronoun, sentence_subject, words};
use crate::model::Span;

/// A gender the report shows for someone.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Gender {
    Male,
    Female,
}

/// The gender a report shows for each surname it gives one (lower case): by a title ("Mr.
/// Lee", "Ms. Park") or a gendered role word before the name ("spokeswoman Ada Holm").
/// A surname shown both ways (two people of one family) has none.
#[derive(Debug, Default)]
pub(super) struct Genders(FxHashMap<String, Option<Gender>>);

impl Genders {
    pub(super) fn of_report(text: &str, names: &[Named]) -> Genders {
        let mut genders = Genders::default();
        for pair in words(text).windows(2) {
            let gender = match pair[0].1.trim_end_matches('.') {
                "Mr" => Gender::Male,
                "Ms" | "Mrs" | "Miss" => Gender::Female,
                _ => continue,
            };
            if pair[1].1.starts_with(char::is_uppercase) {
                genders.show(pair[1].1, gender);
            }
        }
        for n in names {
            let gender = n.described_as.iter().find_map(|w| gender_of_word(w));
            if let (Some(gender), Some(last)) = (gender, n.name.split_whitespace().last()) {
                genders.show(last, gender);
            }
        }
        genders
    }

    fn show(&mut self, surname: &str, gender: Gender) {
        let key = surname.trim_end_matches(['.', ',']).to_lowercase();
        let entry = self.0.entry(key).or_insert(Some(gender));
        if *entry != Some(gender) {
            *entry = None;
        }
    }

    /// Whether `name` may be referred to by a pronoun of `gender`: yes unless the report
    /// shows the other gender for its surname.
    fn agrees(&self, name: &str, gender: Gender) -> bool {
        let surname = name.split_whitespace().last().unwrap_or("").to_lowercase();
        self.0
            .get(&surname)
            .is_none_or(|shown| shown.is_none_or(|g| g == gender))
    }
}

/// The gender a role word carries: "spokeswoman", "congressman", "mother".
fn gender_of_word(word: &str) -> Option<Gender> {
    const FEMALE: &[&str] = &[
        "mother",
        "wife",
        "daughter",
        "sister",
        "widow",
        "grandmother",
    ];
    const MALE: &[&str] = &[
        "father",
        "husband",
        "son",
        "brother",
        "widower",
        "grandfather",
    ];
    if word.ends_with("woman") || FEMALE.contains(&word) {
        Some(Gender::Female)
    } else if word.ends_with("man") || MALE.contains(&word) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// What a mention before a quotation is read against.
#[derive(Clone, Copy)]
pub(super) struct Known<'a> {
    pub text: &'a str,
    pub sentences: &'a [Span],
    /// The names before the quotation, and their index.
    pub seen: Seen<'a>,
    pub named: &'a [Named],
    /// The speaker of the quotation before, if it had one.
    pub last_speaker: Option<&'a str>,
    pub genders: &'a Genders,
}

/// Whether `name` is a person the report has named before: introduced with a title or a
/// role, or by a name of two words or more.
pub(super) fn known_person(name: Option<&str>, named: &[Named]) -> bool {
    name.is_some_and(|name| {
        person_like(name)
            && named.iter().any(|n| {
                !n.quoted && n.name == name && (n.person || name.split_whitespace().count() > 1)
            })
    })
}

/// Whether a name can be a person's: not a body's, a thing's or a title's (see
/// [`persons::is_person_like`]), and no day in it ("Tuesday Washington").
fn person_like(name: &str) -> bool {
    persons::is_person_like(name) && !name.split_whitespace().any(names::is_calendar)
}

/// Verbs after "he" or "she" that go on with the speaker quoted last: "he added".
const GOING_ON: &[&str] = &["added", "adds", "continued", "continues", "went"];

/// The person "he" or "she" at `mention` stands for; `None` for another mention. In
/// order: the subject its own sentence opens with, the subject of the sentence before,
/// the speaker quoted last, the person named last, each only when a person the report
/// named and of the pronoun's gender where the report shows one. "He added" prefers the
/// speaker quoted last.
pub(super) fn pronoun_speaker(mention: Span, known: Known<'_>) -> Option<String> {
    let text = known.text;
    let gender = match pronoun(mention.of(text))?.as_str() {
        "he" => Gender::Male,
        "she" => Gender::Female,
        _ => return None,
    };
    let agrees = |name: &str| known.genders.agrees(name, gender);
    let last = known
        .last_speaker
        .filter(|s| agrees(s) && person_like(s))
        .map(str::to_string);
    let next = words(&text[mention.end..text.floor_char_boundary(mention.end + 40)]);
    if next.first().is_some_and(|w| GOING_ON.contains(&w.1)) && last.is_some() {
        return last;
    }
    let k = known.sentences.partition_point(|s| s.end <= mention.start);
    let own = known
        .sentences
        .get(k)
        .filter(|s| s.start <= mention.start)
        .and_then(|s| {
            sentence_subject(opening(text, s.start, mention.start)).map(|m| m.shift(s.start))
        });
    let before = k
        .checked_sub(1)
        .and_then(|j| known.sentences.get(j))
        .and_then(|s| sentence_subject(opening(text, s.start, s.end)).map(|m| m.shift(s.start)));
    let person = |span: Span| {
        let words = span.of(text);
        if pronoun(words).is_some() {
            return None;
        }
        let name = names::resolve_in(words, known.seen)?.name;
        (known_person(Some(&name), known.named) && agrees(&name)).then_some(name)
    };
    own.into_iter()
        .chain(before)
        .find_map(person)
        .or(last)
        .or_else(|| {
            names::resolve_in(mention.of(text), known.seen)
                .map(|r| r.name)
                .filter(|n| agrees(n))
        })
}
