//! Whether two outlets' quotations of one utterance name one speaker: the same name, an
//! organisation and its voice, or one person under two names ("Jim Mattis", "Mr.
//! Mattis"); and how sure a conflict of two speakers is.

use std::cell::OnceCell;

use crate::extract::names;
use crate::extract::persons::{People, Person};
use crate::model::{Conflict, ConflictKind, Document, Pair, Quote, Side, Span};

/// Two spellings of a name this alike (Jaro–Winkler) are one name.
const SAME_NAME: f64 = 0.9;

/// The two reports' speakers, with each report's people, gathered when first needed
/// (most matched quotations name their speaker alike, and never need them).
pub struct Speakers<'a> {
    docs: Pair<&'a Document>,
    people: Pair<OnceCell<People>>,
}

impl<'a> Speakers<'a> {
    pub fn new(docs: Pair<&'a Document>) -> Speakers<'a> {
        Speakers {
            docs,
            people: Pair::new(OnceCell::new(), OnceCell::new()),
        }
    }

    /// Whether the two quotations name one speaker; see [`same_speaker`].
    pub fn same(&self, quotes: Pair<&Quote>) -> Option<bool> {
        same_speaker(quotes, self)
    }

    /// The people of one side's report.
    fn people(&self, side: Side) -> &People {
        self.people
            .get(side)
            .get_or_init(|| people_of(self.docs.get(side)))
    }

    /// The persons of its report a quotation's speaker can be: a surname alone where the
    /// outlet quotes ("Mattis said", "Mr. Mattis said") stands for every person of that
    /// surname the report names; otherwise the resolved name stands for the person it
    /// names, with every form the report gives them.
    fn persons(&self, side: Side, quote: &Quote) -> Vec<Person> {
        let doc = self.docs.get(side);
        let surname = quote.speaker_mention.and_then(|m| {
            let words: Vec<&str> = m.of(&doc.text).split_whitespace().collect();
            names::mention_name(&words).filter(|n| !n.contains(char::is_whitespace))
        });
        match surname.as_deref().or(quote.speaker.as_deref()) {
            Some(name) => self.people(side).of_name(name),
            None => Vec::new(),
        }
    }
}

/// The people a report names, from its names outside quotations (a speaker's words name
/// people as the speaker pleases: "Jim", "the Dog").
fn people_of(doc: &Document) -> People {
    let spans: Vec<Span> = doc.sentences.iter().map(|s| s.span).collect();
    let found = names::names(&doc.text, &spans);
    let quoted = |span: Span| {
        let after = doc.quotes.partition_point(|q| q.span.start <= span.start);
        after
            .checked_sub(1)
            .is_some_and(|q| span.start < doc.quotes[q].span.end)
    };
    People::of(
        found
            .iter()
            .filter(|n| !n.modifier && !n.quoted && !quoted(n.span))
            .map(|n| n.name.as_str()),
    )
}

/// Whether two outlets name one speaker: the same name, or one name within the other
/// ("Trump" and "Donald Trump"), or one person under two names (see [`Speakers`]). `None`
/// when either names nobody, or only by a guess.
fn same_speaker(quotes: Pair<&Quote>, speakers: &Speakers<'_>) -> Option<bool> {
    let texts = speakers.docs.map(|d| d.text.as_str());
    if quotes.left.speaker_guessed || quotes.right.speaker_guessed {
        return None;
    }
    let (a, b) = (
        quotes.left.speaker.as_deref()?,
        quotes.right.speaker.as_deref()?,
    );
    let (a, b) = (name_words(a), name_words(b));
    if names_agree(&a, &b) {
        return Some(true);
    }
    // "Westmark" and "Westmark spokeswoman Rena Ardley": an organisation and its voice.
    let mention = |q: &Quote, text: &str| {
        q.speaker_mention
            .map(|m| name_words(m.of(text)))
            .unwrap_or_default()
    };
    let within =
        |name: &[String], m: &[String]| !name.is_empty() && name.iter().all(|w| m.contains(w));
    if within(&a, &mention(quotes.right, texts.right))
        || within(&b, &mention(quotes.left, texts.left))
    {
        return Some(true);
    }
    let left = speakers.persons(Side::Left, quotes.left);
    let right = speakers.persons(Side::Right, quotes.right);
    Some(left.iter().any(|p| right.iter().any(|q| p.same_as(q))))
}

/// Lower-case words of a name, punctuation trimmed: "E.J. Woo's" -> ["e.j", "woo's"].
fn name_words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether every word of the shorter name matches one of the longer: the same word, a
/// spelling variant ("Ardwell", "Ardwall") or a short form ("Tim", "Timothy").
fn names_agree(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let alike = |w: &String| {
        long.iter().any(|l| {
            l == w
                || strsim::jaro_winkler(l, w) >= SAME_NAME
                || (w.len() >= 3 && l.starts_with(w.as_str()))
                || (l.len() >= 3 && w.starts_with(l.as_str()))
        })
    };
    short.iter().all(alike)
}

/// The conflict of one quotation given to two people. Sure when both outlets name the
/// speaker where they quote; when either attributes it through a pronoun or a description
/// ("she said", "the spokesman said"), the speaker is a reading of the text around it, and
/// the conflict is only possible.
pub fn speaker_conflict(quotes: Pair<&Quote>, texts: Pair<&str>) -> Conflict {
    let mention = |q: &Quote| q.speaker_mention.unwrap_or(q.span);
    // A name in the mention: a capitalised word that is not a pronoun ("He said").
    let named = |q: &Quote, text: &str| {
        q.speaker_mention.is_some_and(|m| {
            m.of(text).split_whitespace().any(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !PRONOUNS.contains(&w.to_lowercase().as_str())
            })
        })
    };
    let mut conflict = Conflict::sure(
        ConflictKind::Speaker,
        Pair::new(mention(quotes.left), mention(quotes.right)),
        "one quotation",
    );
    let written = |q: &Quote, text: &str| mention(q).of(text).to_lowercase();
    if written(quotes.left, texts.left) == written(quotes.right, texts.right) {
        // Both outlets name the speaker in the same words: one speaker, however each
        // report's other sentences led the reading of the name.
        conflict.confidence = 0.0;
        conflict.slot = "one quotation, the speaker named alike".into();
    } else if !(named(quotes.left, texts.left) && named(quotes.right, texts.right)) {
        conflict.confidence = 0.5;
        conflict.slot = "one quotation, a speaker read from a pronoun or a description".into();
    } else if !(a_person(quotes.left, texts.left) && a_person(quotes.right, texts.right)) {
        conflict.confidence = 0.5;
        conflict.slot = "one quotation, a speaker that may be a body or one of its people".into();
    } else if few_words(quotes.left, texts.left) || few_words(quotes.right, texts.right) {
        conflict.confidence = 0.5;
        conflict.slot = "a few words, which two people may both say".into();
    }
    conflict
}

/// A quotation of fewer than four words ("politically motivated"): two people of one
/// story may well say it, so the same words from two speakers are not surely one
/// quotation.
fn few_words(q: &Quote, text: &str) -> bool {
    q.span
        .of(text)
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
        < 4
}

/// Words that make a speaker's name a body's: an outlet may give the words to the body
/// ("Microsoft said", "Interior Department officials said") and the other to the person
/// who spoke for it, and both are right.
const BODY_WORDS: [&str; 20] = [
    "department",
    "ministry",
    "agency",
    "office",
    "police",
    "group",
    "company",
    "corporation",
    "corp",
    "inc",
    "council",
    "committee",
    "board",
    "service",
    "association",
    "university",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// Whether a quotation's speaker reads as one person named in full: at least two words,
/// none of them a body's (see [`BODY_WORDS`]), and not given as a document ("reads a
/// statement from Ann Lee's office"). "Microsoft", "DeGeneres" or "Trend Micro's research
/// group" may be a body, a short form, or the person's employer.
fn a_person(q: &Quote, text: &str) -> bool {
    let lower_words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect()
    };
    let document = q.speaker_mention.is_some_and(|m| {
        lower_words(m.of(text))
            .iter()
            .any(|w| DOCUMENT_WORDS.contains(&w.as_str()) || BODY_WORDS.contains(&w.as_str()))
    });
    !document
        && q.speaker.as_deref().is_some_and(|name| {
            let words = lower_words(name);
            words.len() >= 2 && !words.iter().any(|w| BODY_WORDS.contains(&w.as_str()))
        })
}

/// Words that make a speaker a document someone put out: its words are the office's.
const DOCUMENT_WORDS: [&str; 6] = ["statement", "letter", "release", "memo", "email", "report"];

/// Pronouns a speaker may be mentioned by.
const PRONOUNS: [&str; 11] = [
    "he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its",
];
