//! People's names: whether a name can be a person's, its parts (given names, initials,
//! nicknames, surname), and a report's people, each gathered from every form the report
//! names them by, so that two outlets' names of one person are known as one.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::text::fold::{Fold, fold_name};

/// Capitalised words that open a sentence or a clause and are no part of the name after
/// them: "But Akin said", "Yet Pelosi ...", "While Fox ...".
const NO_NAME_WORDS: &[&str] = &[
    "a",
    "according",
    "after",
    "also",
    "although",
    "an",
    "and",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "even",
    "for",
    "from",
    "her",
    "here",
    "his",
    "however",
    "if",
    "in",
    "indeed",
    "instead",
    "its",
    "like",
    "meanwhile",
    "my",
    "now",
    "of",
    "on",
    "one",
    "only",
    "or",
    "our",
    "says",
    "since",
    "so",
    "still",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "this",
    "those",
    "though",
    "to",
    "unless",
    "until",
    "when",
    "where",
    "whereas",
    "whether",
    "while",
    "with",
    "without",
    "yet",
    "your",
];

/// Whether a capitalised word, read in lower case, is no part of a name after it.
pub fn is_no_name_word(word: &str) -> bool {
    static SET: LazyLock<FxHashSet<&str>> =
        LazyLock::new(|| NO_NAME_WORDS.iter().copied().collect());
    SET.contains(fold_word(word).as_str())
}

/// Words that make a name a body's, a place's or a thing's, never a person's.
const THING_WORDS: &[&str] = &[
    "act",
    "arena",
    "award",
    "bridge",
    "building",
    "island",
    "prize",
    "river",
    "square",
    "stadium",
    "station",
    "tower",
    "ad",
    "address",
    "administration",
    "agency",
    "airport",
    "army",
    "association",
    "avenue",
    "bank",
    "board",
    "bureau",
    "campaign",
    "center",
    "centre",
    "channel",
    "church",
    "city",
    "club",
    "coalition",
    "college",
    "commission",
    "commissioning",
    "committee",
    "company",
    "congress",
    "corp",
    "corporation",
    "council",
    "county",
    "court",
    "department",
    "district",
    "drive",
    "federation",
    "foundation",
    "fund",
    "government",
    "group",
    "hall",
    "hospital",
    "house",
    "inc",
    "institute",
    "journal",
    "kingdom",
    "league",
    "ltd",
    "magazine",
    "media",
    "ministry",
    "museum",
    "navy",
    "network",
    "news",
    "office",
    "park",
    "parliament",
    "party",
    "police",
    "post",
    "press",
    "radio",
    "republic",
    "road",
    "school",
    "senate",
    "service",
    "states",
    "street",
    "team",
    "times",
    "tv",
    "union",
    "university",
];

/// Names of peoples, faiths and parties, which stand alone as capitalised words.
const GROUP_WORDS: &[&str] = &[
    "american",
    "americans",
    "catholic",
    "catholics",
    "christian",
    "christians",
    "conservative",
    "conservatives",
    "democrat",
    "democrats",
    "evangelical",
    "evangelicals",
    "gop",
    "jewish",
    "liberal",
    "liberals",
    "muslim",
    "muslims",
    "republican",
    "republicans",
];

/// Whether a name (titles off) can be a person's: no word of a body, place or thing
/// ("Clinton Family Foundation", "Perry TV Ad"), no acronym ("BBC Drama Commissioning"), no
/// party and state ("D-Mo"), not one word naming a people or a faith ("Americans",
/// "Russian", "Christian"), nor the title of a work ("Achieve Your Financial Dreams").
pub fn is_person_like(name: &str) -> bool {
    static THINGS: LazyLock<FxHashSet<&str>> =
        LazyLock::new(|| THING_WORDS.iter().copied().collect());
    static GROUPS: LazyLock<FxHashSet<&str>> =
        LazyLock::new(|| GROUP_WORDS.iter().copied().collect());
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() {
        return false;
    }
    let acronym = |w: &str| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2
            && !w.contains('.')
            && letters.iter().all(|c| c.is_uppercase())
            && !letters.iter().all(|c| matches!(c, 'I' | 'V' | 'X'))
    };
    let initials = |w: &str| w.chars().all(|c| c == '.' || c.is_uppercase());
    let thing = words
        .iter()
        .any(|w| THINGS.contains(fold_word(w).as_str()) || acronym(w) || is_party_and_state(w))
        || (words.len() == 1 && initials(words[0]));
    // "Achieve Your Financial Dreams": a title, not a name.
    let title = words.len() > 4 || words[1..].iter().any(|w| is_no_name_word(w) && *w != "of");
    let group = words.len() == 1 && {
        let w = fold_word(words[0]);
        GROUPS.contains(w.as_str()) || ["ian", "ians", "ese", "ish"].iter().any(|e| w.ends_with(e))
    };
    !(thing || group || title)
}

/// Whether a word is a party and a state, as news writes a lawmaker's: "D-Mo", "R-Ohio".
pub fn is_party_and_state(word: &str) -> bool {
    let mut parts = word.split('-');
    matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some("D" | "R" | "I"), Some(s), None) if s.starts_with(char::is_uppercase)
    )
}

/// A word of a name folded for comparing: lower case, accents off, no possessive and no
/// quotation marks or stops around it.
fn fold_word(word: &str) -> String {
    let word =
        word.trim_matches(|c: char| matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | ',' | '.'));
    fold_name(word, Fold::NAME).to_lowercase()
}

/// A person's name in parts: the surname, and the given names, nicknames and initials
/// before it, folded ("Raúl R. Labrador" -> `labrador`, `[raul, r]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonName {
    pub surname: String,
    pub given: Vec<String>,
}

/// Words after a surname that are no part of it.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

impl PersonName {
    /// The parts of a name without its titles; `None` when no word is left. Anything from
    /// "of" on goes ("Nancy Pelosi of California"), and so do "Jr." and the like.
    pub fn parse(name: &str) -> Option<PersonName> {
        let mut words: Vec<String> = name
            .split_whitespace()
            .map(fold_word)
            .filter(|w| !w.is_empty())
            .collect();
        if let Some(of) = words.iter().position(|w| w == "of").filter(|&k| k > 0) {
            words.truncate(of);
        }
        while words.len() > 1 && words.last().is_some_and(|w| SUFFIXES.contains(&w.as_str())) {
            words.pop();
        }
        let surname = words.pop()?;
        Some(PersonName {
            surname,
            given: words,
        })
    }
}

/// Short forms of given names, each with the names it is short for.
const NICKNAMES: &[(&str, &[&str])] = &[
    ("abby", &["abigail"]),
    ("al", &["albert", "alfred", "alan", "allan", "alexander"]),
    ("alex", &["alexander", "alexandra", "alexis"]),
    ("andy", &["andrew"]),
    ("barb", &["barbara"]),
    ("becky", &["rebecca"]),
    ("ben", &["benjamin"]),
    ("bernie", &["bernard"]),
    ("beth", &["elizabeth"]),
    ("betsy", &["elizabeth"]),
    ("bill", &["william"]),
    ("billy", &["william"]),
    ("bob", &["robert"]),
    ("bobby", &["robert"]),
    ("charlie", &["charles", "charlotte"]),
    ("chris", &["christopher", "christine", "christina"]),
    ("chuck", &["charles"]),
    ("cindy", &["cynthia"]),
    ("dan", &["daniel"]),
    ("danny", &["daniel"]),
    ("dave", &["david"]),
    ("debbie", &["deborah", "debra"]),
    ("dick", &["richard"]),
    ("don", &["donald"]),
    ("doug", &["douglas"]),
    ("drew", &["andrew"]),
    ("ed", &["edward", "edwin"]),
    ("eddie", &["edward"]),
    ("frank", &["francis", "franklin"]),
    ("fred", &["frederick", "alfred"]),
    ("gene", &["eugene"]),
    ("greg", &["gregory"]),
    ("hank", &["henry"]),
    ("harry", &["henry", "harold"]),
    ("jack", &["john"]),
    ("jake", &["jacob"]),
    ("jamie", &["james"]),
    ("jeff", &["jeffrey", "jeffery"]),
    ("jen", &["jennifer"]),
    ("jenny", &["jennifer"]),
    ("jerry", &["gerald", "jerome"]),
    ("jim", &["james"]),
    ("jimmy", &["james"]),
    ("joe", &["joseph"]),
    ("jon", &["jonathan", "john"]),
    ("josh", &["joshua"]),
    ("kate", &["katherine", "catherine", "kathleen"]),
    ("kathy", &["katherine", "kathleen"]),
    ("ken", &["kenneth"]),
    ("larry", &["lawrence", "laurence"]),
    ("liz", &["elizabeth"]),
    ("maggie", &["margaret"]),
    ("matt", &["matthew"]),
    ("meg", &["margaret"]),
    ("mike", &["michael"]),
    ("mitch", &["mitchell"]),
    ("nate", &["nathan", "nathaniel"]),
    ("ned", &["edward"]),
    ("nick", &["nicholas"]),
    ("pam", &["pamela"]),
    ("pat", &["patrick", "patricia"]),
    ("peggy", &["margaret"]),
    ("phil", &["philip", "phillip"]),
    ("ray", &["raymond"]),
    ("rick", &["richard", "frederick"]),
    ("rob", &["robert"]),
    ("ron", &["ronald"]),
    ("sam", &["samuel", "samantha"]),
    ("sandy", &["sandra", "alexander"]),
    ("steve", &["steven", "stephen"]),
    ("sue", &["susan"]),
    ("ted", &["edward", "theodore"]),
    ("teddy", &["theodore", "edward"]),
    ("terry", &["terence", "terrence"]),
    ("tim", &["timothy"]),
    ("tom", &["thomas"]),
    ("tommy", &["thomas"]),
    ("tony", &["anthony"]),
    ("vince", &["vincent"]),
    ("walt", &["walter"]),
    ("will", &["william"]),
    ("zach", &["zachary"]),
];

/// Two given names this alike (Jaro–Winkler) are one spelled two ways ("Vincente",
/// "Vicente").
const SAME_GIVEN: f64 = 0.9;

/// Whether two given names (folded) can name one person: the same, one the other's
/// initial, a short form of it ("Tim", "Timothy"; "Dick", "Richard"), or one spelled
/// two ways.
pub fn given_agree(a: &str, b: &str) -> bool {
    static SHORT: LazyLock<FxHashMap<&str, &[&str]>> =
        LazyLock::new(|| NICKNAMES.iter().copied().collect());
    let nickname = |s: &str, l: &str| SHORT.get(s).is_some_and(|full| full.contains(&l));
    let initial = |s: &str, l: &str| s.chars().count() == 1 && l.starts_with(s);
    a == b
        || initial(a, b)
        || initial(b, a)
        || (a.len() >= 3 && b.starts_with(a))
        || (b.len() >= 3 && a.starts_with(b))
        || nickname(a, b)
        || nickname(b, a)
        || (a.len() >= 3 && b.len() >= 3 && strsim::jaro_winkler(a, b) >= SAME_GIVEN)
}

/// Two surnames this alike (Jaro–Winkler) are one spelled two ways ("Ardwell",
/// "Ardwall").
const SAME_SURNAME: f64 = 0.9;

/// Whether two surnames (folded) are one.
pub fn surnames_agree(a: &str, b: &str) -> bool {
    a == b || (a.len() >= 4 && b.len() >= 4 && strsim::jaro_winkler(a, b) >= SAME_SURNAME)
}

/// One person of a report: the surname, and the given names of each full form the report
/// names them by ("Jim Mattis", "James N. Mattis").
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub surname: String,
    pub forms: Vec<Vec<String>>,
}

impl Person {
    /// Whether one of this person's forms and one of `given` (names of one form) share a
    /// given name; a person or a form without given names agrees with any.
    fn agrees_with(&self, given: &[String]) -> bool {
        given.is_empty()
            || self.forms.is_empty()
            || self.forms.iter().any(|form| {
                form.is_empty() || form.iter().any(|a| given.iter().any(|b| given_agree(a, b)))
            })
    }

    /// Whether two persons, perhaps of two reports, can be one.
    pub fn same_as(&self, other: &Person) -> bool {
        surnames_agree(&self.surname, &other.surname)
            && (self.forms.is_empty()
                || other.forms.is_empty()
                || other.forms.iter().any(|form| self.agrees_with(form)))
    }
}

/// The people a report names in full, each once with every form it names them by. Two
/// full names of one surname whose given names agree are one person ("Richard J. Durbin",
/// "Dick Durbin"); those that do not are two ("Bill Clinton", "Hillary Clinton").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct People(FxHashMap<String, Vec<Person>>);

impl People {
    /// The people of the names a report writes (titles off), in any order.
    pub fn of<'a>(names: impl IntoIterator<Item = &'a str>) -> People {
        let mut people: FxHashMap<String, Vec<Person>> = FxHashMap::default();
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        for name in names {
            // A report names the same few people again and again: each name once.
            if !seen.insert(name) || !is_person_like(name) {
                continue;
            }
            let Some(parsed) = PersonName::parse(name) else {
                continue;
            };
            if parsed.given.is_empty() {
                continue;
            }
            let of_surname = people.entry(parsed.surname.clone()).or_default();
            match of_surname.iter_mut().find(|p| p.agrees_with(&parsed.given)) {
                Some(p) => {
                    if !p.forms.contains(&parsed.given) {
                        p.forms.push(parsed.given);
                    }
                }
                None => of_surname.push(Person {
                    surname: parsed.surname,
                    forms: vec![parsed.given],
                }),
            }
        }
        People(people)
    }

    /// The persons of this report a name can stand for: with given names, the person it
    /// is a form of (or itself); a surname alone, every person of that surname, or the
    /// surname alone when the report names nobody so in full.
    pub fn of_name(&self, name: &str) -> Vec<Person> {
        let Some(parsed) = PersonName::parse(name) else {
            return Vec::new();
        };
        let found: Vec<Person> = self
            .0
            .get(&parsed.surname)
            .into_iter()
            .flatten()
            .filter(|p| p.agrees_with(&parsed.given))
            .cloned()
            .collect();
        if !found.is_empty() {
            return found;
        }
        let forms = if parsed.given.is_empty() {
            Vec::new()
        } else {
            vec![parsed.given]
        };
        vec![Person {
            surname: parsed.surname,
            forms,
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(people: &People, a: &str, other: &People, b: &str) -> bool {
        let (a, b) = (people.of_name(a), other.of_name(b));
        a.iter().any(|p| b.iter().any(|q| p.same_as(q)))
    }

    #[test]
    fn names_split_into_given_names_and_surname() {
        assert_eq!(
            PersonName::parse("Raúl R. Labrador"),
            Some(PersonName {
                surname: "labrador".into(),
                given: vec!["raul".into(), "r".into()],
            })
        );
        let pelosi = PersonName::parse("Nancy Pelosi of California").unwrap();
        assert_eq!((pelosi.surname.as_str(), pelosi.given.len()), ("pelosi", 1));
        assert_eq!(
            PersonName::parse("Lanford Oakes Jr.").unwrap().surname,
            "oakes"
        );
    }

    #[test]
    fn short_forms_initials_and_spellings_of_given_names_agree() {
        assert!(given_agree("dick", "richard"));
        assert!(given_agree("jim", "james"));
        assert!(given_agree("l", "lionel"));
        assert!(given_agree("tim", "timothy"));
        assert!(given_agree("vincente", "vicente"));
        assert!(!given_agree("bill", "hillary"));
        assert!(!given_agree("peyton", "eli"));
    }

    #[test]
    fn one_person_under_several_names_is_one_and_two_people_two() {
        let left = People::of([
            "Dick Dunmore",
            "Jim Mattock",
            "Bill Carrow",
            "Hillary Carrow",
        ]);
        let right = People::of([
            "Richard J. Dunmore",
            "James Mattock",
            "Hillary Rodham Carrow",
        ]);
        assert!(one(&left, "Dunmore", &right, "Richard J. Dunmore"));
        assert!(one(&left, "Jim Mattock", &right, "Mattock"));
        // "Carrow" alone on the left may be either Carrow.
        assert!(one(&left, "Carrow", &right, "Hillary Rodham Carrow"));
        assert!(!one(&left, "Bill Carrow", &right, "Hillary Rodham Carrow"));
        // Within one report, a nickname in quotes joins the given name.
        let ferrow = People::of(["James Jim Ferrow"]);
        assert!(one(&ferrow, "Ferrow", &People::default(), "Jim Ferrow"));
        assert!(!one(&left, "Dick Dunmore", &right, "Ann Dunmore"));
    }

    #[test]
    fn bodies_places_and_peoples_are_no_persons() {
        for name in [
            "Clinton Family Foundation",
            "Perry TV Ad",
            "BBC Drama Commissioning",
            "D-Mo",
            "Americans",
            "Russian",
            "Senate",
            "Achieve Your Financial Dreams",
            "Westland Harbour Bridge",
        ] {
            assert!(!is_person_like(name), "{name}");
        }
        for name in [
            "Dana Whitcombe",
            "Lanford Oakes III",
            "E.J. Woo",
            "Ilse Vandermeer",
        ] {
            assert!(is_person_like(name), "{name}");
        }
    }
}
