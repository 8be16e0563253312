//! Names of people and organisations in a report, and how a mention of one ("Mr Kim",
//! "he", "the North Korean leader") resolves to the fullest name the report gives.

use rustc_hash::{FxHashMap, FxHashSet};

use super::persons;
use super::words::{
    BODY_ROLES, OFFICES, PARTICLES, PERSONAL_ROLES, QUALIFIERS, apposition_after,
    apposition_before, description_before, in_lower_case, office_of, predicate_after,
};
pub use super::words::{PRONOUNS, ROLE_WORDS, is_calendar, is_role_word, is_title};
use crate::model::Span;
use crate::text::fold::{Fold, fold_name};
use crate::text::is_word_char;

/// A name as the report writes it, with the words that describe it just before.
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    pub span: Span,
    /// Introduced as a person: with a title ("Mr Kim") or a role ("leader Kim Jong Un").
    pub person: bool,
    /// Written inside a quotation: a speaker's words, not the report's own naming, so never
    /// the antecedent of a mention.
    pub quoted: bool,
    /// The name without titles: "President Donald Trump" -> "Donald Trump".
    pub name: String,
    /// Lower-case words just before the name that describe it: "north korean leader".
    pub described_as: Vec<String>,
    /// Used as a modifier of a role ("North Korean leader", "US officials"): a name of the
    /// sentence, but nobody's name to speak under.
    pub modifier: bool,
}

/// A word of a name: a capital letter, then letters, apostrophes, full stops and hyphens.
/// Returns where it ends, if `text` starts with one.
fn name_word(text: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    chars.next().filter(|&(_, c)| c.is_uppercase())?;
    Some(
        chars
            .find(|&(_, c)| !(c.is_alphabetic() || matches!(c, '\'' | '’' | '.' | '-')))
            .map_or(text.len(), |(i, _)| i),
    )
}

/// Runs of capitalised words, with at most one particle between two of them, that may be
/// names ("Ana de Souza", "US President Donald Trump"); each starts where a word does.
fn name_runs(body: &str) -> impl Iterator<Item = Span> + '_ {
    let mut at = 0;
    let mut prev: Option<char> = None;
    std::iter::from_fn(move || {
        while let Some(c) = body[at..].chars().next() {
            let start = at;
            if prev.is_some_and(is_word_char) {
                prev = Some(c);
                at += c.len_utf8();
                continue;
            }
            let Some(first) = name_word(&body[start..]) else {
                prev = Some(c);
                at += c.len_utf8();
                continue;
            };
            let mut end = start + first;
            loop {
                let rest = &body[end..];
                let next = rest.trim_start();
                if next.len() == rest.len() {
                    break;
                }
                let after_particle = PARTICLES.iter().find_map(|p| {
                    let tail = next.strip_prefix(p)?;
                    let word = tail.trim_start();
                    (word.len() < tail.len()).then_some(word)
                });
                let word = after_particle
                    .and_then(|w| name_word(w).map(|len| (w, len)))
                    .or_else(|| name_word(next).map(|len| (next, len)));
                match word {
                    Some((w, len)) => end = body.len() - w.len() + len,
                    None => break,
                }
            }
            at = end;
            prev = body[..end].chars().next_back();
            return Some(Span::new(start, end));
        }
        None
    })
}

/// Every name in `text` within the given sentences, in reading order.
///
/// A headline written in title case or capitals ("Lohan Checks Into Betty Ford") has every
/// word capitalised, so its runs are not names: there only the parts that the report's
/// other sentences name ("Lohan", "Betty Ford") count, and nothing else of it. A report
/// whose every sentence is written so is read as it is.
pub fn names(text: &str, sentences: &[Span]) -> Vec<Named> {
    let headline: Vec<bool> = sentences
        .iter()
        .map(|s| is_headline_case(s.of(text)))
        .collect();
    if headline.iter().all(|&h| h) {
        return sentences
            .iter()
            .flat_map(|&s| names_in(text, s, None, None))
            .collect();
    }
    let mut found: Vec<Vec<Named>> = sentences
        .iter()
        .zip(&headline)
        .map(|(&s, &h)| {
            if h {
                Vec::new()
            } else {
                names_in(text, s, None, None)
            }
        })
        .collect();
    let known = KnownWords::of(found.iter().flatten());
    let alone = Alone::of(found.iter().flatten());
    for ((&s, &h), out) in sentences.iter().zip(&headline).zip(&mut found) {
        if h {
            *out = names_in(text, s, Some(&known), None);
        } else if alone.opens(s.of(text)) {
            *out = names_in(text, s, None, Some(&alone));
        }
    }
    found.into_iter().flatten().collect()
}

/// The words a report uses alone as a name, folded: the one-word names it writes inside a
/// sentence ("police stopped Quill"). Such a word opening a sentence is that name ("Quill
/// said ..."), where another capitalised word opening a sentence is usually not a name
/// ("Little is known ...", even in a report about Sam Little).
struct Alone(FxHashSet<String>);

impl Alone {
    fn of<'a>(names: impl Iterator<Item = &'a Named>) -> Alone {
        let one_word = names.filter(|n| !n.quoted && !n.name.contains(char::is_whitespace));
        Alone(one_word.map(|n| fold_word(&n.name)).collect())
    }

    /// Whether the first word of `body` is one of the words.
    fn opens(&self, body: &str) -> bool {
        let first = body
            .trim_start_matches(['"', '“'])
            .split_whitespace()
            .next();
        first.is_some_and(|w| self.contains(w))
    }

    fn contains(&self, word: &str) -> bool {
        !self.0.is_empty() && self.0.contains(&fold_word(word))
    }
}

/// Whether a sentence is written as a headline in title case or in capitals: three
/// capitalised words or more, and no word of four letters or more in lower case (a
/// sentence of running text always has one: "said", "were", "after").
fn is_headline_case(body: &str) -> bool {
    let mut capitalised = 0;
    for word in body.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = word.chars().next() else {
            continue;
        };
        if first.is_uppercase() {
            capitalised += 1;
        } else if first.is_lowercase() && word.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            return false;
        }
    }
    capitalised >= 3
}

/// The runs of words that the names of a report's running text are made of, folded
/// ("Betty Ford Center" gives "betty", "betty ford", "ford center", ...): what a headline
/// in title case may name.
struct KnownWords(FxHashSet<String>);

impl KnownWords {
    /// Names this long, in words, are looked for in a headline at most.
    const LONGEST: usize = 6;

    fn of<'a>(names: impl Iterator<Item = &'a Named>) -> KnownWords {
        let mut set = FxHashSet::default();
        // A report names the same few people again and again: each name once.
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        let mut run = String::new();
        for n in names {
            if !seen.insert(n.name.as_str()) {
                continue;
            }
            let words: Vec<String> = n.name.split_whitespace().map(fold_word).collect();
            for i in 0..words.len() {
                run.clear();
                for (k, word) in words[i..].iter().take(Self::LONGEST).enumerate() {
                    if k > 0 {
                        run.push(' ');
                    }
                    run.push_str(word);
                    if !set.contains(run.as_str()) {
                        set.insert(run.clone());
                    }
                }
            }
        }
        KnownWords(set)
    }

    /// The parts of a run (byte spans of it) that are known: at each word, the longest run
    /// of words from it that is.
    fn parts(&self, run: &str) -> Vec<Span> {
        let words: Vec<Span> = run
            .split_whitespace()
            .map(|w| {
                let start = w.as_ptr() as usize - run.as_ptr() as usize;
                Span::new(start, start + w.len())
            })
            .collect();
        let folded: Vec<String> = words.iter().map(|w| fold_word(w.of(run))).collect();
        let mut out = Vec::new();
        let mut joined = String::new();
        let mut i = 0;
        while i < words.len() {
            let longest = (i + 1..=words.len().min(i + Self::LONGEST))
                .rev()
                .find(|&j| {
                    joined.clear();
                    for (k, w) in folded[i..j].iter().enumerate() {
                        if k > 0 {
                            joined.push(' ');
                        }
                        joined.push_str(w);
                    }
                    self.0.contains(joined.as_str())
                });
            match longest {
                Some(j) => {
                    out.push(Span::new(words[i].start, words[j - 1].end));
                    i = j;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// A word of a name folded for finding it again: lower case, without a possessive or a
/// full stop ("Kim's" is "kim").
fn fold_word(word: &str) -> String {
    fold_name(word, Fold::WORD)
}

/// The names of one sentence; of a headline in title case, only its known parts.
fn names_in(
    text: &str,
    sentence: Span,
    known: Option<&KnownWords>,
    alone: Option<&Alone>,
) -> Vec<Named> {
    let mut out = Vec::new();
    let body = sentence.of(text);
    let runs: Vec<Span> = match known {
        None => name_runs(body).collect(),
        Some(known) => name_runs(body)
            .flat_map(|run| {
                known
                    .parts(run.of(body))
                    .into_iter()
                    .map(move |p| p.shift(run.start))
            })
            .collect(),
    };
    for run in with_nicknames(body, &runs) {
        let run = without_opening_words(body, run);
        let words: Vec<&str> = run.of(body).split_whitespace().collect();
        // "US President Donald Trump": up to the last title is description, then name.
        let split = words.iter().rposition(|w| is_title(w)).map_or(0, |t| t + 1);
        // "Secretary of State Ann Lee": the office's place is description too.
        let (split, office_place) = after_office(&words, split);
        // "Ann Lee of Kelso": a person, and a place.
        let (run, place) = person_of_place(body, run, split);
        let words: Vec<&str> = run.of(body).split_whitespace().collect();
        let span = run.shift(sentence.start);
        let name = strip_titles(&words[split..]);
        let at_start = run.start == 0 || body[..run.start].trim_end().ends_with(['"', '“']);
        // A lone capitalised word opening a sentence is usually not a name.
        let calendar = words.iter().all(|w| is_calendar(w));
        // A known part of a headline is a name wherever it stands, and so is a word the
        // report uses alone as a name.
        let lone_opening = at_start
            && words.len() == 1
            && known.is_none()
            && !alone.is_some_and(|a| a.contains(words[0]));
        if name.is_empty() || calendar || lone_opening {
            continue;
        }
        let (described_as, modifier) = description(body, run, &words[..split], known.is_some());
        let modifier = modifier || office_place;
        let described_as = if office_place {
            Vec::new()
        } else {
            described_as
        };
        let person = split > 0 || described_as.iter().any(|w| is_role_word(w));
        out.push(Named {
            span,
            person,
            // A name in quotation marks of its own is a nickname or a title ("nicknamed
            // “Mad Dog Mattis”"), nobody's name to resolve to.
            quoted: in_marks(body, run),
            name,
            described_as,
            modifier,
        });
        out.extend(place.map(|p| Named {
            span: p.shift(sentence.start),
            person: false,
            quoted: false,
            name: strip_titles(&p.of(body).split_whitespace().collect::<Vec<_>>()),
            described_as: Vec::new(),
            modifier: true,
        }));
    }
    out
}

/// The words that describe a name whose run is `run`, of which `titles` are the titles
/// before the name ("US President"): the words before it, or the office before its place
/// and a comma ("The mayor of Kelso, Dana Whitcombe"), and an apposition after it.
/// Also whether the name modifies a role ("North Korean leader") or is the place of an
/// office ("the mayor of Kelso"): not a person, and no description of one.
fn description(body: &str, run: Span, titles: &[&str], headline: bool) -> (Vec<String>, bool) {
    let before = &body[..run.start];
    // In a headline in title case the words before a name are capitalised verbs and
    // names as much as a description ("Aide Calls Lee ...").
    let mut described_as = if headline {
        Vec::new()
    } else {
        description_before(before)
    };
    if described_as.is_empty() && !headline {
        described_as = apposition_before(before);
    }
    described_as.extend(
        titles
            .iter()
            .map(|w| w.trim_end_matches('.').to_lowercase()),
    );
    described_as.extend(apposition_after(&body[run.end..]));
    if !headline {
        described_as.extend(predicate_after(&body[run.end..]));
    }
    let next = body[run.end..].split_whitespace().next().unwrap_or("");
    let modifier = is_role_word(next.trim_matches(|c: char| !c.is_alphanumeric()));
    if office_of(before) {
        return (Vec::new(), true);
    }
    (described_as, modifier)
}

/// Opening quotation marks, and closing ones.
const OPENING: [char; 4] = ['"', '“', '‘', '\''];
const CLOSING: [char; 4] = ['"', '”', '’', '\''];

/// The runs of a sentence, with a nickname in quotation marks joined to the names around
/// it: `James "Jim" Ferrow`, `Jim “Mad Dog” Mattis`; with apostrophes (`James 'Jim'
/// Ferrow`) the closing mark ends the first word of the run after.
fn with_nicknames(body: &str, runs: &[Span]) -> Vec<Span> {
    // Only a mark, with space on the outer side: ` "` before the nickname, `" ` after.
    let mark = |gap: &str, marks: &[char], space_first: bool| {
        let t = gap.trim();
        let mut chars = t.chars();
        let one = chars.next().is_some_and(|c| marks.contains(&c)) && chars.next().is_none();
        let spaced = if space_first {
            gap.starts_with(char::is_whitespace) && gap.ends_with(t)
        } else {
            gap.starts_with(t) && gap.ends_with(char::is_whitespace)
        };
        one && spaced
    };
    let mut out = Vec::with_capacity(runs.len());
    let mut k = 0;
    while k < runs.len() {
        let first = runs[k];
        let gap = |a: Span, b: Span| &body[a.end..b.start];
        if let (Some(&nick), Some(&last)) = (runs.get(k + 1), runs.get(k + 2))
            && mark(gap(first, nick), &OPENING, true)
            && mark(gap(nick, last), &CLOSING, false)
            && nick.of(body).split_whitespace().count() <= 2
        {
            out.push(Span::new(first.start, last.end));
            k += 3;
            continue;
        }
        if let Some(&next) = runs.get(k + 1)
            && mark(gap(first, next), &['\'', '‘'], true)
        {
            let mut words = next.of(body).split_whitespace();
            let nick = words.next().unwrap_or("");
            if nick.ends_with(['\'', '’']) && words.next().is_some() {
                out.push(Span::new(first.start, next.end));
                k += 2;
                continue;
            }
        }
        out.push(first);
        k += 1;
    }
    out
}

/// A run without the capitalised words opening it that are no part of a name ("But
/// Akin", "Yet Pelosi"); a run of one word stays as it is.
fn without_opening_words(body: &str, mut run: Span) -> Span {
    loop {
        let text = run.of(body);
        let Some(first) = text.split_whitespace().next() else {
            return run;
        };
        let rest = text[first.len()..].trim_start();
        if rest.is_empty() || !persons::is_no_name_word(first) {
            return run;
        }
        run.start = run.end - rest.len();
    }
}

/// Where the name starts in a run whose last title is before `split`, when "of" follows
/// the title: "Secretary of State Ann Lee" -> "Ann Lee", "Governor of Westland Tom Reyes"
/// -> "Tom Reyes". Also whether the rest is only the office's place ("Mayor of Kelso").
fn after_office(words: &[&str], split: usize) -> (usize, bool) {
    if split == 0 || words.get(split) != Some(&"of") {
        return (split, false);
    }
    let rest = &words[split + 1..];
    let office = rest
        .first()
        .is_some_and(|w| in_lower_case(w, |l| OFFICES.contains(&l)));
    match rest.len() {
        0 | 1 => (split + 1, true),
        2 if office => (split + 2, false),
        2 => (split + 1, true),
        // The last two words are the name, "de Blasio" and the like three.
        n => {
            let particle = PARTICLES.contains(&rest[n - 2]);
            (split + 1 + n - if particle { 3 } else { 2 }, false)
        }
    }
}

/// A run that ends in "of" and a place after a person's name ("Ann Lee of Kelso", the
/// name starting at word `split`): the person's run, and the place's. Bodies keep their
/// "of" ("Bank of Westland").
fn person_of_place(body: &str, run: Span, split: usize) -> (Span, Option<Span>) {
    let text = run.of(body);
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let Some(of) = words.iter().rposition(|&(_, w)| w == "of") else {
        return (run, None);
    };
    let before: Vec<&str> = words[split.min(of)..of].iter().map(|&(_, w)| w).collect();
    if before.len() < 2 || of + 1 >= words.len() || !persons::is_person_like(&before.join(" ")) {
        return (run, None);
    }
    let (at, last) = words[of - 1];
    let person = Span::new(run.start, run.start + at + last.len());
    let place = Span::new(run.start + words[of + 1].0, run.end);
    (person, Some(place))
}

/// Whether a run is written between quotation marks of its own.
fn in_marks(body: &str, run: Span) -> bool {
    body[..run.start].ends_with(OPENING) && body[run.end..].starts_with(CLOSING)
}

/// The name without the titles before it and a possessive after it.
///
/// `["President", "Donald", "Trump's"]` -> `"Donald Trump"`.
pub fn strip_titles<'a>(words: &[&'a str]) -> String {
    let start = words
        .iter()
        .position(|w| !is_title(w))
        .unwrap_or(words.len());
    // "Westmark President": a title after the name goes too.
    let end = words[start..]
        .iter()
        .rposition(|w| !is_title(w))
        .map_or(start, |k| start + k + 1);
    let kept = words[start..end]
        .iter()
        .map(|w| {
            // As `trim_end_matches("'s")`, without setting up a substring search.
            let trim = |mut w: &'a str, suffix: &str| {
                while let Some(rest) = w.strip_suffix(suffix) {
                    w = rest;
                }
                w
            };
            // A nickname's quotation marks go: `"Jim"` is `Jim`.
            let w = w.trim_matches(['"', '“', '”', '‘']);
            let w = w.strip_prefix('\'').unwrap_or(w);
            trim(trim(w, "'s"), "’s").trim_end_matches(['.', ',', '\'', '’', '"', '”'])
        })
        .filter(|w| !matches!(*w, "The" | "A" | "An"));
    let mut name = String::with_capacity(words[start..end].iter().map(|w| w.len() + 1).sum());
    for w in kept {
        if !name.is_empty() {
            name.push(' ');
        }
        name.push_str(w);
    }
    name
}

/// How a mention of a speaker resolves, given the names seen before it.
///
/// - a pronoun: the person named most recently;
/// - a description ("the North Korean leader"): the most recent name so described, or else,
///   as a guess, the person named most recently;
/// - a name: the fullest name seen that contains it ("Mr Kim" -> "Kim Jong Un").
pub fn resolve(mention: &str, seen: &[Named]) -> Option<Resolved> {
    resolve_in(mention, Seen::new(seen, &NameIndex::new(seen)))
}

/// [`resolve`] through an index of the report's names, built once: the cost of a mention
/// does not grow with the number of names before it.
pub fn resolve_in(mention: &str, seen: Seen<'_>) -> Option<Resolved> {
    let guess = |name: Option<String>| {
        name.map(|name| Resolved {
            name,
            guessed: true,
        })
    };
    let sure = |name: Option<String>| {
        name.map(|name| Resolved {
            name,
            guessed: false,
        })
    };
    let words: Vec<&str> = mention.split_whitespace().collect();
    let lower: Vec<String> = words
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    if lower.len() == 1 && PRONOUNS.contains(&lower[0].as_str()) {
        // Only the last person named stands for "he"; with "it" or "they" that is a guess.
        let personal = matches!(lower[0].as_str(), "he" | "she");
        let person = last_person(seen);
        return if personal {
            sure(person)
        } else {
            guess(person)
        };
    }
    // A mention that ends in a name names someone ("mission director Ilse Vandermeer");
    // one that ends in a role describes them ("the North Korean leader", "Lee's lawyer").
    let ends_in_role = words.last().is_some_and(|w| {
        w.starts_with(char::is_lowercase)
            || PERSONAL_ROLES.contains(&lower[lower.len() - 1].as_str())
    }) && is_role_word(&lower[lower.len() - 1]);
    if !ends_in_role && let Some(name) = mention_name(&words) {
        return sure(Some(fullest(&name, seen)));
    }
    let is_description = ends_in_role
        || words
            .first()
            .is_some_and(|w| w.starts_with(char::is_lowercase))
        || matches!(lower.first().map(String::as_str), Some("the" | "a" | "an"));
    if is_description {
        return described(&lower, seen);
    }
    let name = strip_titles(&words);
    sure((!name.is_empty() && !names_nobody(&name)).then(|| fullest(&name, seen)))
}

/// The name a mention ends in, titles and the office's place off: "U.S. Attorney Adam
/// Braverman" -> "Adam Braverman", "Secretary of State Ann Lee" -> "Ann Lee", "But Akin"
/// -> "Akin". `None` when it ends in no name.
pub fn mention_name(words: &[&str]) -> Option<String> {
    let last = words.last()?;
    let pronoun = words.len() == 1 && PRONOUNS.contains(&last.to_lowercase().as_str());
    if !last.starts_with(char::is_uppercase) || is_title(last) || is_calendar(last) || pronoun {
        return None;
    }
    // Capitalised words back from the end, with "of" between two of them.
    let mut run = 0;
    while run < words.len() {
        let w = words[words.len() - 1 - run];
        let joins = w == "of" && run > 0 && run + 1 < words.len();
        if !(w.starts_with(char::is_uppercase) || joins) {
            break;
        }
        run += 1;
    }
    let mut words = &words[words.len() - run..];
    while words.len() > 1 && persons::is_no_name_word(words[0]) {
        words = &words[1..];
    }
    let split = words.iter().rposition(|w| is_title(w)).map_or(0, |t| t + 1);
    let (split, _) = after_office(words, split);
    let mut words = &words[split.min(words.len())..];
    // "Sen. Ann Lee of Westland": the person, not the place.
    if let Some(of) = words.iter().rposition(|&w| w == "of")
        && of >= 2
        && persons::is_person_like(&words[..of].join(" "))
    {
        words = &words[..of];
    }
    let name = strip_titles(words);
    (!name.is_empty() && !names_nobody(&name)).then_some(name)
}

/// Whether a name names nobody who could speak: a party and state ("D-Mo", "R-Ohio"), or a
/// country's initials alone ("U.S.").
fn names_nobody(name: &str) -> bool {
    let initials = name.contains('.')
        && !name.contains(char::is_whitespace)
        && name.chars().all(|c| c == '.' || c.is_uppercase());
    initials || persons::is_party_and_state(name)
}

/// Who a description names ("the North Korean leader", "the mayor"): the most recent
/// name so described; else the most recent one introduced in its role ("The US president"
/// after "President Ann Lee"); else, as a guess, the person named most recently.
fn described(lower: &[String], seen: Seen<'_>) -> Option<Resolved> {
    let key: Vec<&String> = lower
        .iter()
        .filter(|w| {
            !matches!(
                w.as_str(),
                "the" | "a" | "an" | "its" | "his" | "her" | "their"
            )
        })
        .collect();
    // The head of the description: "The US president", not "the committee's letter".
    let head = key.last().filter(|w| is_role_word(w));
    // A body's role may be a body's name ("the agency"); any other names a person, never
    // a body, a place or a people ("the indictment" is not "Russian").
    let body = head.is_some_and(|h| BODY_ROLES.contains(&h.as_str()));
    let keep = |n: &Named, key: &[&String]| {
        // "Vice President Ann Lee" is not "the president".
        let other_office = n
            .described_as
            .iter()
            .any(|w| QUALIFIERS.contains(&w.as_str()) && !key.contains(&w));
        !other_office && (body || persons::is_person_like(&n.name))
    };
    let found = seen
        .last_described(&key, |n| keep(n, &key))
        .or_else(|| head.and_then(|&h| seen.last_described(&[h], |n| keep(n, &[h]))));
    if let Some(n) = found {
        return Some(Resolved {
            name: fullest(&n.name, seen),
            guessed: false,
        });
    }
    // "police", "state officials": a body speaks, not one of the people named before.
    if head.is_none_or(|h| COLLECTIVES.contains(&h.as_str()))
        && key
            .last()
            .is_some_and(|w| COLLECTIVES.contains(&w.as_str()))
    {
        let words: Vec<&str> = key.iter().map(|w| w.as_str()).collect();
        return Some(Resolved {
            name: words.join(" "),
            guessed: false,
        });
    }
    // No name was written after these words: the last person named is only a guess.
    let names_a_person = key.iter().any(|w| is_role_word(w));
    names_a_person
        .then(|| last_person(seen))
        .flatten()
        .map(|name| Resolved {
            name,
            guessed: true,
        })
}

/// Plural and collective speakers: a description ending in one names a body of people, so
/// it is the speaker as written, never one person named before ("police said").
const COLLECTIVES: &[&str] = &[
    "police",
    "officials",
    "authorities",
    "prosecutors",
    "investigators",
    "officers",
    "sources",
    "witnesses",
    "residents",
    "firefighters",
    "organizers",
    "organisers",
    "experts",
    "analysts",
    "lawmakers",
    "critics",
    "aides",
    "doctors",
    "scientists",
    "researchers",
    "neighbors",
    "neighbours",
    "relatives",
    "villagers",
    "protesters",
];

/// A resolved speaker, and whether the resolution is only a guess by recency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub name: String,
    pub guessed: bool,
}

/// The person named most recently: one introduced with a title or a role, or a name of two
/// words or more, that may be a person's (not "Senate", "Americans", "Feb").
fn last_person(seen: Seen<'_>) -> Option<String> {
    let person = |n: &Named| persons::is_person_like(&n.name);
    let introduced = seen.last_of(&seen.index.persons, person);
    let named = seen.last_of(&seen.index.two_words, person);
    [introduced, named]
        .into_iter()
        .flatten()
        .max_by_key(|n| n.span.start)
        .map(|n| fullest(&n.name, seen))
}

/// The longest name seen that contains every word of `name`: "Trump" -> "Donald Trump".
/// Of names equally long, the one named last.
fn fullest(name: &str, seen: Seen<'_>) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() {
        // Every name contains no words at all.
        return seen
            .names
            .iter()
            .filter(|n| !n.quoted)
            .map(|n| n.name.as_str())
            .max_by_key(|full| full.split_whitespace().count())
            .unwrap_or(name)
            .to_string();
    }
    // Only the names that hold the rarest of the words can hold them all.
    let Some(rarest) = fewest(words.iter().map(|w| seen.index.by_word.get(*w))) else {
        return name.to_string();
    };
    rarest
        .iter()
        .map(|&d| &seen.index.distinct[d])
        .filter(|d| words.iter().all(|w| d.words.iter().any(|x| x == w)))
        .filter_map(|d| {
            let k = seen.last_at(&d.occurrences)?;
            let person = d.person_from.is_some_and(|p| p < seen.names.len());
            fits(&words, &seen.names[k].name, person).then_some((d.words.len(), k))
        })
        .max()
        .map_or_else(|| name.to_string(), |(_, k)| seen.names[k].name.clone())
}

/// Whether a fuller name fits a mention as a person's name fits a short form of it: a
/// name that may be a person's, of which a mention of one word is the surname ("Perry" is
/// Rick Perry's, not the "Perry TV Ad"'s), unless the report introduced it as a person
/// (`person`: "Kim" of "leader Kim Jong Un"). A mention is never made a body's name
/// ("Clinton Family Foundation"): with no name that fits, it stays as written.
fn fits(mention: &[&str], full: &str, person: bool) -> bool {
    if !persons::is_person_like(full) || full.split_whitespace().any(is_calendar) {
        return false;
    }
    match mention {
        [w] => {
            person
                || persons::PersonName::parse(full)
                    .zip(persons::PersonName::parse(w))
                    .is_some_and(|(full, w)| full.surname == w.surname)
        }
        _ => true,
    }
}

/// The shortest of some lists, or `None` when one is missing.
fn fewest<'a>(mut lists: impl Iterator<Item = Option<&'a Vec<usize>>>) -> Option<&'a Vec<usize>> {
    let mut fewest = lists.next()??;
    for list in lists {
        let list = list?;
        if list.len() < fewest.len() {
            fewest = list;
        }
    }
    Some(fewest)
}

/// The names seen before a mention, with the index of all the report's names.
#[derive(Clone, Copy)]
pub struct Seen<'a> {
    /// A prefix of the names the index was built from.
    names: &'a [Named],
    index: &'a NameIndex,
}

impl<'a> Seen<'a> {
    /// `names` must be a prefix of the names `index` was built from.
    pub fn new(names: &'a [Named], index: &'a NameIndex) -> Seen<'a> {
        Seen { names, index }
    }

    /// The position of the last name seen, not inside a quotation, among `positions`
    /// (ascending).
    fn last_at(&self, positions: &[usize]) -> Option<usize> {
        let end = positions.partition_point(|&k| k < self.names.len());
        positions[..end]
            .iter()
            .rev()
            .copied()
            .find(|&k| !self.names[k].quoted)
    }

    /// The last name seen, not inside a quotation, among `positions` (ascending), that
    /// `keep` keeps.
    fn last_of(&self, positions: &[usize], keep: impl Fn(&Named) -> bool) -> Option<&'a Named> {
        let end = positions.partition_point(|&k| k < self.names.len());
        positions[..end]
            .iter()
            .rev()
            .map(|&k| &self.names[k])
            .find(|n| !n.quoted && keep(n))
    }

    /// The last name seen, not inside a quotation, described by every word of `key`, that
    /// `keep` keeps.
    fn last_described(&self, key: &[&String], keep: impl Fn(&Named) -> bool) -> Option<&'a Named> {
        // Only the names described by the rarest of the words can be described by all.
        let rarest = fewest(
            key.iter()
                .map(|k| self.index.by_description.get(k.as_str())),
        )?;
        let end = rarest.partition_point(|&k| k < self.names.len());
        rarest[..end]
            .iter()
            .rev()
            .map(|&k| &self.names[k])
            .find(|n| !n.quoted && key.iter().all(|k| n.described_as.contains(k)) && keep(n))
    }
}

/// The names of a report indexed by word, by description and by kind, so that resolving a
/// mention looks only at the names that can match, not at every name before it.
#[derive(Debug, Default)]
pub struct NameIndex {
    /// Each distinct name once.
    distinct: Vec<Distinct>,
    /// The distinct names (ascending) that hold a word.
    by_word: FxHashMap<String, Vec<usize>>,
    /// The names (positions in the list, ascending) a word describes.
    by_description: FxHashMap<String, Vec<usize>>,
    /// The names introduced as a person, and the names of two words or more.
    persons: Vec<usize>,
    two_words: Vec<usize>,
}

/// One distinct name: its words, and its positions in the list (ascending).
#[derive(Debug)]
struct Distinct {
    words: Vec<String>,
    occurrences: Vec<usize>,
    /// The first occurrence introduced as a person, if any.
    person_from: Option<usize>,
}

impl NameIndex {
    pub fn new(names: &[Named]) -> NameIndex {
        let mut index = NameIndex::default();
        let mut ids: FxHashMap<&str, usize> = FxHashMap::default();
        for (k, n) in names.iter().enumerate() {
            let id = *ids.entry(n.name.as_str()).or_insert_with(|| {
                let id = index.distinct.len();
                let words: Vec<String> = n.name.split_whitespace().map(String::from).collect();
                for w in &words {
                    push_once(index.by_word.entry(w.clone()).or_default(), id);
                }
                index.distinct.push(Distinct {
                    words,
                    occurrences: Vec::new(),
                    person_from: None,
                });
                id
            });
            let distinct = &mut index.distinct[id];
            distinct.occurrences.push(k);
            if n.person && distinct.person_from.is_none() {
                distinct.person_from = Some(k);
            }
            for w in &n.described_as {
                match index.by_description.get_mut(w) {
                    Some(list) => push_once(list, k),
                    None => {
                        index.by_description.insert(w.clone(), vec![k]);
                    }
                }
            }
            if n.person {
                index.persons.push(k);
            }
            if n.name.split_whitespace().count() >= 2 {
                index.two_words.push(k);
            }
        }
        index
    }
}

/// Appends `k` to an ascending list unless it is already its last.
fn push_once(list: &mut Vec<usize>, k: usize) {
    if list.last() != Some(&k) {
        list.push(k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::matcher_tests::{CASES, glue, run, spans, texts};

    #[test]
    fn name_runs_agree_with_their_expression() {
        let expression = regex::Regex::new(
            r"\b\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|van|von|der|bin|al|da|del|la|le|of)\s+)?\p{Lu}[\p{L}'’.-]*)*",
        )
        .unwrap();
        let piece = proptest::sample::select(vec![
            "Ana", "de", "del", "la", "Souza", "of", "Ohio", "O’Neil", "U.S.", "Jean-Luc", "ÉMILE",
            "x", "2", "_", "said", "“", ",", ".", " ", "  ", "\u{a0}", "-", "\n",
        ]);
        run(CASES, &texts(piece, glue(), 1..12), |text| {
            let by_hand: Vec<(usize, usize)> = name_runs(&text).map(|s| (s.start, s.end)).collect();
            proptest::prop_assert_eq!(by_hand, spans(&expression, &text), "{:?}", text);
            Ok(())
        });
    }

    fn seen(text: &str) -> Vec<Named> {
        names(text, &[Span::new(0, text.len())])
    }

    /// The names of a report of one paragraph per sentence, as written.
    fn names_of(text: &str) -> Vec<String> {
        let mut sentences = Vec::new();
        let mut at = 0;
        for part in text.split("\n\n") {
            sentences.push(Span::new(at, at + part.len()));
            at += part.len() + 2;
        }
        names(text, &sentences)
            .into_iter()
            .map(|n| n.span.of(text).to_string())
            .collect()
    }

    #[test]
    fn a_word_the_report_uses_alone_as_a_name_is_one_opening_a_sentence() {
        let text = "Councillor Marta Quill was stopped on the Harrow Road.\n\n\
            Officers said they stopped Quill after a call.\n\n\
            Quill said she would not resign.\n\n\
            Road works had closed one lane.\n\n\
            Little is known about Councillor Sam Little.\n\n\
            Officers said Elsby police would report.\n\n\
            Elsby is a market town.";
        assert_eq!(
            names_of(text),
            [
                "Councillor Marta Quill",
                "Harrow Road.",
                "Quill",
                "Quill",
                "Councillor Sam Little.",
                "Elsby",
                "Elsby"
            ]
        );
    }

    #[test]
    fn a_headline_in_title_case_names_only_what_the_report_names() {
        let text = "Lohan Checks Into Betty Ford, Rehires Attorney\n\n\
            Lindsay Lohan has checked into the Betty Ford Center, her attorney Mark Heller said.";
        assert_eq!(
            names_of(text),
            [
                "Lohan",
                "Betty Ford",
                "Lindsay Lohan",
                "Betty Ford Center",
                "Mark Heller"
            ]
        );
        let found = names(text, &[Span::new(0, 46), Span::new(48, text.len())]);
        assert_eq!(
            resolve("Lohan", &found).map(|r| r.name).as_deref(),
            Some("Lindsay Lohan")
        );
    }

    #[test]
    fn a_headline_in_capitals_names_only_what_the_report_names() {
        let text = "CHARGERS' WILLIAMS ARRESTED ON SUSPICION OF DUI\n\n\
            Police arrested Jamal Williams of the San Diego Chargers early on Sunday.";
        assert_eq!(
            names_of(text),
            [
                "CHARGERS'",
                "WILLIAMS",
                "Jamal Williams",
                "San Diego Chargers"
            ]
        );
    }

    #[test]
    fn running_text_and_reports_of_headlines_alone_keep_their_names() {
        assert!(!is_headline_case(
            "Lindsay Lohan checked into Betty Ford on Friday."
        ));
        assert!(is_headline_case("Lohan Checks Into Betty Ford"));
        assert!(is_headline_case("LOHAN CHECKS INTO BETTY FORD"));
        // Two capitalised words are too few to tell a headline.
        assert!(!is_headline_case("Police Said"));
        // Nothing else to learn the names from: the headline is read as written.
        assert_eq!(
            names_of("Lohan Checks Into Betty Ford"),
            ["Lohan Checks Into Betty Ford"]
        );
    }

    #[test]
    fn titles_are_not_part_of_a_name() {
        assert_eq!(
            strip_titles(&["President", "Donald", "Trump's"]),
            "Donald Trump"
        );
        assert_eq!(strip_titles(&["Mr", "Kim"]), "Kim");
    }

    #[test]
    fn short_names_resolve_to_the_fullest() {
        let s = seen("Talks between Donald Trump and North Korean leader Kim Jong Un ended.");
        assert_eq!(
            resolve("Mr Trump", &s).map(|r| r.name).as_deref(),
            Some("Donald Trump")
        );
        assert_eq!(
            resolve("Kim", &s).map(|r| r.name).as_deref(),
            Some("Kim Jong Un")
        );
    }

    #[test]
    fn descriptions_resolve_to_the_name_so_described() {
        let s = seen(
            "Talks between US President Donald Trump and North Korean leader Kim Jong Un ended.",
        );
        assert_eq!(
            resolve("the North Korean leader", &s)
                .map(|r| r.name)
                .as_deref(),
            Some("Kim Jong Un")
        );
        assert_eq!(
            resolve("The US president", &s).map(|r| r.name).as_deref(),
            Some("Donald Trump")
        );
    }

    #[test]
    fn party_words_and_trailing_titles_are_not_names() {
        let s = seen("Senator Joe Lieberman spoke.");
        assert!(resolve("the Connecticut Democrat", &s).is_none_or(|r| r.guessed));
        assert_eq!(strip_titles(&["Westmark", "President"]), "Westmark");
    }

    #[test]
    fn days_months_and_time_zones_name_nobody() {
        assert!(seen("The court met on Tuesday in March.").is_empty());
        assert!(seen("The ship sank at 10:18 GMT and was found by 0900 EST.").is_empty());
        assert!(resolve("a statement read out to the court on Friday", &[]).is_none());
    }

    #[test]
    fn it_and_they_resolve_only_as_a_guess() {
        let s = seen("Mayor Ellen Okafor met the board.");
        assert_eq!(resolve("it", &s).map(|r| r.guessed), Some(true));
        assert_eq!(resolve("she", &s).map(|r| r.guessed), Some(false));
    }

    #[test]
    fn pronouns_resolve_to_the_last_person_named() {
        let s = seen("Mayor Ellen Okafor met Tomas Brennan at the dam.");
        assert_eq!(
            resolve("he", &s).map(|r| r.name).as_deref(),
            Some("Tomas Brennan")
        );
        assert_eq!(resolve("she", &[]).map(|r| r.name), None);
    }

    fn resolved(mention: &str, text: &str) -> Option<String> {
        resolve(mention, &seen(text)).map(|r| r.name)
    }

    #[test]
    fn a_role_resolves_to_the_person_introduced_in_it_not_the_place() {
        let text = "The mayor of Kelso, Dana Whitcombe, opened the bridge.";
        assert_eq!(
            resolved("The mayor", text).as_deref(),
            Some("Dana Whitcombe")
        );
        let text = "Dana Whitcombe, the mayor of Kelso, opened the bridge.";
        assert_eq!(
            resolved("the mayor", text).as_deref(),
            Some("Dana Whitcombe")
        );
        let text = "Reyes's lawyer, Ann Lee, spoke. Charges against Tom Reyes, lawyer says.";
        assert_eq!(resolved("the lawyer", text).as_deref(), Some("Ann Lee"));
        let text = "President Tom Reyes spoke of his opponent for president, Ann Lee.";
        assert_eq!(
            resolved("the president", text).as_deref(),
            Some("Tom Reyes")
        );
        let s = seen("President Ann Lee met Tom Reyes at the harbour.");
        let r = resolve("The US president", &s).unwrap();
        assert_eq!((r.name.as_str(), r.guessed), ("Ann Lee", false));
        // A vice president is not the president.
        let s = seen("President Ann Lee met Vice President Tom Reyes.");
        assert_eq!(resolve("the president", &s).unwrap().name, "Ann Lee");
    }

    #[test]
    fn mentions_never_resolve_to_what_is_no_person() {
        assert_eq!(
            resolved("he", "Tom Reyes said the dam would hold until Feb. 28.").as_deref(),
            Some("Tom Reyes")
        );
        let text = "The writer Steven Morrow met BBC Drama Commissioning.";
        assert_eq!(resolved("he", text).as_deref(), Some("Steven Morrow"));
        assert_eq!(resolved("The decision", "Tom Reyes lost the vote."), None);
        let text = "The indictment names Russian officers and Tom Reyes.";
        assert!(resolve("the indictment", &seen(text)).is_none_or(|r| r.guessed));
        assert_eq!(resolved("D-Mo", "Sen. Ann Lee spoke."), None);
        // A surname is a person's, never a body's that opens with it.
        let text = "Lee Family Foundation gave money. Ann Lee spoke.";
        assert_eq!(resolved("Mrs. Lee", text).as_deref(), Some("Ann Lee"));
        let text = "Perry TV Ad Attacks Rival\n\nRick Perry ran an advertisement.";
        let found = names(text, &[Span::new(0, 25), Span::new(27, text.len())]);
        assert_eq!(resolve("Perry", &found).unwrap().name, "Rick Perry");
    }

    #[test]
    fn titles_offices_places_and_opening_words_are_not_part_of_a_name() {
        let found =
            |text: &str| -> Vec<String> { seen(text).into_iter().map(|n| n.name).collect() };
        assert_eq!(found("But Akin said no."), ["Akin"]);
        assert_eq!(
            found("Rep. Nora Pell of Westland said no."),
            ["Nora Pell", "Westland"]
        );
        assert_eq!(found("Secretary of State Ann Lee said no."), ["Ann Lee"]);
        assert_eq!(found("Bank of Westland said no."), ["Bank of Westland"]);
        assert_eq!(
            resolved("U.S. Attorney Adam Braverlin", "").as_deref(),
            Some("Adam Braverlin")
        );
        assert_eq!(
            resolved("Sen. Ann Lee of Westland", "").as_deref(),
            Some("Ann Lee")
        );
    }

    #[test]
    fn a_nickname_in_quotation_marks_joins_the_name() {
        let found =
            |text: &str| -> Vec<String> { seen(text).into_iter().map(|n| n.name).collect() };
        assert_eq!(found("James \"Jim\" Ferrow spoke."), ["James Jim Ferrow"]);
        assert_eq!(found("James 'Jim' Ferrow spoke."), ["James Jim Ferrow"]);
        // A name in quotation marks of its own is nobody to resolve to.
        let text = "Jim Mattock, nicknamed “Mad Dog Mattock” in the army, spoke.";
        assert_eq!(resolved("Mattock", text).as_deref(), Some("Jim Mattock"));
    }

    /// Every name seen, scanned: what the index must agree with.
    fn fullest_by_scan(name: &str, seen: &[Named]) -> String {
        let words: Vec<&str> = name.split_whitespace().collect();
        let person = |full: &str| seen.iter().any(|n| n.person && n.name == full);
        seen.iter()
            .filter(|n| !n.quoted)
            .map(|n| n.name.as_str())
            .filter(|full| {
                let parts: Vec<&str> = full.split_whitespace().collect();
                words.iter().all(|w| parts.contains(w))
                    && (words.is_empty() || fits(&words, full, person(full)))
            })
            .max_by_key(|full| full.split_whitespace().count())
            .unwrap_or(name)
            .to_string()
    }

    #[test]
    fn the_name_index_finds_what_a_scan_finds() {
        let mut all = seen(
            "Ann Lee met Tom Reyes. Mr Lee spoke to Ann Marie Lee and Reyes. Port chief \
             Tom Reyes Okafor waved. Lee Okafor left. Mayor Ellen Okafor stayed.",
        );
        all[3].quoted = true;
        let index = NameIndex::new(&all);
        for end in 0..=all.len() {
            let seen = Seen::new(&all[..end], &index);
            for mention in [
                "Lee", "Reyes", "Tom", "Okafor", "Ann Lee", "Marie", "Cho", " ",
            ] {
                assert_eq!(
                    fullest(mention, seen),
                    fullest_by_scan(mention, &all[..end]),
                    "{mention:?} after {end} names"
                );
            }
        }
    }
}
