//! A statement against its negation: "12 people were injured" / "12 people were not injured".
//!
//! A negation that only one side has ("not", "never", "no", "didn't") denies the word it
//! stands before. When that word is one both sides share, and the other side states it
//! without denying it, the two outlets say opposite things of one fact: a conflict of its
//! own kind, [`ConflictKind::Negation`]. A denial in other words on the other side ("did not
//! comment" / "declined to comment") is no conflict, and neither is a negation of a word the
//! other side does not have ("was not identified" / "was named as ...").

use crate::model::{Conflict, ConflictKind, Key, Mark, Pair, Side, Span, Token, TokenKind};

/// How many words after a negation may stand before the word it denies ("was not yet
/// injured", "no immediate reports of").
const REACH: usize = 3;

/// Words that deny what follows them, as written (lower case, straight apostrophe), besides
/// every contraction in "n't". With the contractions that copy-edited text writes without
/// an apostrophe ("isnt"), and the first halves of those that a stray space split ("hadn ’
/// t").
const NEGATIONS: &[&str] = &[
    "not", "never", "no", "none", "nobody", "nothing", "nowhere", "cannot", "aint", "arent",
    "cant", "couldnt", "didnt", "doesnt", "dont", "hadnt", "hasnt", "havent", "isnt", "shouldnt",
    "wasnt", "werent", "wont", "wouldnt", "aren", "couldn", "didn", "doesn", "hadn", "hasn",
    "haven", "isn", "shouldn", "wasn", "weren", "wouldn",
];

/// Other ways of denying or doubting a statement. A side with any of them is not read as
/// stating the plain opposite of the other side's negation: "nor was Dean asked", "without
/// the death penalty", "unless the subsidies are repealed", "rarely keep lists".
const OTHER_DENIALS: &[&str] = &[
    "neither", "nor", "without", "unless", "rarely", "seldom", "hardly", "barely", "scarcely",
];

/// Beginnings of verbs that deny what follows them in other words: "declined to comment",
/// "refused to say", "failed to stop", "removed from the bill", "lacks a licence".
const DENYING_VERBS: &[&str] = &[
    "declin", "refus", "denie", "deny", "fail", "unable", "remov", "lack", "reject", "exclud",
    "absen", "withh",
];

/// Words between a negation and what it denies that are not what it denies: "not yet
/// revised", "not even close".
const PASSED_OVER: &[&str] = &[
    "yet",
    "even",
    "also",
    "ever",
    "always",
    "still",
    "just",
    "only",
    "really",
    "necessarily",
    "quite",
    "very",
    "too",
    "so",
    "much",
    "exactly",
];

/// The conflicts between a statement on one side and its negation on the other, with the
/// words of each marked as conflicting.
///
/// `texts` are the two documents' texts, which the tokens' spans point into. The opposite
/// is taken to be stated only when the other side denies nothing at all, in any words; when
/// the denied word and the words around it are shared on both sides ("were not injured in
/// the blast" / "were injured in the blast", but not "never checked into Elmwood" / "checked
/// into rehab at Oakfield", where the negation may well be of another fact); and when the
/// negation is no "not ... until" of time ("it wasn't until May that ...").
pub fn conflicts(
    texts: Pair<&str>,
    tokens: &Pair<Vec<Token>>,
    marks: &mut Pair<Vec<Mark>>,
) -> Vec<Conflict> {
    let mut found = Vec::new();
    for side in [Side::Left, Side::Right] {
        let other = side.other();
        let words = |s: Side| -> Vec<String> {
            tokens
                .get(s)
                .iter()
                .map(|t| written(texts.get(s), t))
                .collect()
        };
        let (ours, theirs) = (words(side), words(other));
        if theirs.iter().any(|w| denies(w)) || ours.iter().any(|w| w == "until" || w == "till") {
            continue;
        }
        let (tokens_ours, tokens_theirs) = (tokens.get(side), tokens.get(other));
        for i in 0..ours.len() {
            if marks.get(side)[i] != Mark::Own || !negates(texts.get(side), tokens_ours, &ours, i) {
                continue;
            }
            let Some(denied) = denied_word(tokens_ours, &ours, marks.get(side), i) else {
                continue;
            };
            let Some(j) = stated(tokens_theirs, marks.get(other), tokens_ours[denied].key) else {
                continue;
            };
            let spans = Pair::new(
                Span::new(tokens_ours[i].span.start, tokens_ours[denied].span.end),
                tokens_theirs[j].span,
            );
            for k in i..=denied {
                marks.get_mut(side)[k] = Mark::Conflict;
            }
            marks.get_mut(other)[j] = Mark::Conflict;
            found.push(Conflict::sure(
                ConflictKind::Negation,
                if side == Side::Left {
                    spans
                } else {
                    Pair::new(spans.right, spans.left)
                },
                "one statement, one side denying it",
            ));
        }
    }
    found
}

/// A token as written, in lower case and with a straight apostrophe.
fn written(text: &str, token: &Token) -> String {
    token
        .span
        .of(text)
        .chars()
        .map(|c| match c {
            '’' | '‘' | 'ʼ' => '\'',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

fn is_negation(word: &str) -> bool {
    NEGATIONS.contains(&word) || word.ends_with("n't")
}

/// Whether a word denies or doubts what follows it, in any form.
fn denies(word: &str) -> bool {
    is_negation(word)
        || OTHER_DENIALS.contains(&word)
        || DENYING_VERBS.iter().any(|verb| word.starts_with(verb))
}

/// Whether the word at `i` denies what follows it: a negation, but not "No." before a
/// number ("No. 10"), not part of a hyphenated word ("do-not-call"), nor "or not" ("whether
/// or not"), nor "not only". Nor when the words before it are this side's own ("Spengler
/// replied, 'Didn't your mother ...'"): then it may deny something else.
fn negates(text: &str, tokens: &[Token], words: &[String], i: usize) -> bool {
    if !is_negation(&words[i]) {
        return false;
    }
    let span = tokens[i].span;
    let (before, after) = (&text[..span.start], &text[span.end..]);
    if before.ends_with('-')
        || after.starts_with('-')
        || (words[i] == "no" && after.starts_with('.'))
    {
        return false;
    }
    let previous = i.checked_sub(1).map(|p| words[p].as_str());
    let next = words.get(i + 1).map(String::as_str);
    words[i] != "not" || !(previous == Some("or") || matches!(next, Some("only" | "just")))
}

/// The word the negation at `i` denies: the first content word within reach after it that
/// is an ordinary word (not a name or a number), when the other side has that word too and
/// neither the content word before the negation nor the one after the denied word is this
/// side's own.
fn denied_word(tokens: &[Token], words: &[String], marks: &[Mark], i: usize) -> Option<usize> {
    let end = (i + 1 + REACH).min(tokens.len());
    let k = (i + 1..end)
        .find(|&k| tokens[k].is_content() && !PASSED_OVER.contains(&words[k].as_str()))?;
    let shared = tokens[k].kind == TokenKind::Word && marks[k] == Mark::Shared;
    (shared && context_shared(tokens, marks, i, Some(k))).then_some(k)
}

/// Where the other side states the word `key`, with the content word before it shared too
/// (what it says it of: "people were injured", not "loose talk"; it may add a detail after
/// it: "had been inspected in March"). A word after "to" is not stated but aimed at
/// ("trying to determine the cause"), so it answers nothing.
fn stated(tokens: &[Token], marks: &[Mark], key: Key) -> Option<usize> {
    (0..tokens.len()).find(|&j| {
        tokens[j].key == key
            && (j == 0 || tokens[j - 1].key.as_str() != "to")
            && context_shared(tokens, marks, j, None)
    })
}

/// Whether the nearest content word before `first` and, with `last`, the nearest after
/// `last`, where there are any, are shared with the other side.
fn context_shared(tokens: &[Token], marks: &[Mark], first: usize, last: Option<usize>) -> bool {
    let content =
        |k: &usize| tokens[*k].is_content() && !matches!(tokens[*k].kind, TokenKind::Number);
    let before = (0..first).rev().find(content);
    let after = last.and_then(|last| (last + 1..tokens.len()).find(content));
    [before, after]
        .into_iter()
        .flatten()
        .all(|k| marks[k] != Mark::Own)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Source};

    /// The negation conflicts of two one-sentence reports, as the words of each side.
    fn negations(left: &str, right: &str) -> Vec<(String, String)> {
        let docs: Pair<Document> =
            Pair::new(left, right).map(|t| crate::inspect(Source::new("t", t)));
        let tokens = docs.as_ref().map(|d| d.sentences[0].tokens.clone());
        let mut marks = crate::compare::mark_words(&tokens);
        let texts = docs.as_ref().map(|d| d.text.as_str());
        conflicts(texts, &tokens, &mut marks)
            .into_iter()
            .map(|c| {
                (
                    c.spans.left.of(texts.left).to_string(),
                    c.spans.right.of(texts.right).to_string(),
                )
            })
            .collect()
    }

    fn pair(a: &str, b: &str) -> Vec<(String, String)> {
        vec![(a.to_string(), b.to_string())]
    }

    #[test]
    fn a_statement_and_its_negation_conflict() {
        assert_eq!(
            negations(
                "12 people were injured in the blast.",
                "12 people were not injured in the blast."
            ),
            pair("injured", "not injured")
        );
        assert_eq!(
            negations(
                "The bridge had never been inspected.",
                "The bridge had been inspected in March."
            ),
            pair("never been inspected", "inspected")
        );
        assert_eq!(
            negations("The driver wasn't hurt.", "The driver was hurt."),
            pair("wasn't hurt", "hurt")
        );
        assert_eq!(
            negations("The driver isnt hurt.", "The driver is hurt."),
            pair("isnt hurt", "hurt")
        );
        assert_eq!(
            negations(
                "The men were not yet seen at the airport.",
                "The men were seen at the airport."
            ),
            pair("not yet seen", "seen")
        );
    }

    #[test]
    fn a_denial_in_other_words_is_no_conflict() {
        assert!(
            negations(
                "The mayor did not comment.",
                "The mayor declined to comment."
            )
            .is_empty()
        );
        assert!(negations("Police did not say why.", "Police refused to say why.").is_empty());
        assert!(negations("No one was hurt.", "Nobody was hurt.").is_empty());
    }

    #[test]
    fn a_side_that_denies_in_any_words_states_no_opposite() {
        for (left, right) in [
            (
                "Arlow does not have a curfew.",
                "Arlow is a town without a curfew.",
            ),
            ("Tom was not asked.", "Nor was Tom asked."),
            (
                "Ferry operators do not keep passenger lists.",
                "Ferry operators rarely keep passenger lists.",
            ),
            (
                "The clause was not in the final bill.",
                "The clause was removed from the final bill.",
            ),
            ("I feel we weren't ready.", "I didn't feel we were ready."),
            (
                "He cannot expect a warm welcome.",
                "A warm welcome is not expected.",
            ),
            ("Nobody wants to go to war.", "We don't want to go to war."),
        ] {
            assert!(negations(left, right).is_empty(), "{left} / {right}");
        }
    }

    #[test]
    fn a_negation_of_another_fact_is_no_conflict() {
        // What follows the denied word differs: perhaps another clinic, another fact.
        assert!(
            negations(
                "Lee never checked into Elmwood.",
                "Lee checked into rehab at Oakfield."
            )
            .is_empty()
        );
        // A name or a number after a negation is no statement denied.
        assert!(negations("It wasn't Sam Hale.", "It was Sam Hale.").is_empty());
        assert!(negations("The do-not-call list grew.", "The call list grew.").is_empty());
    }

    #[test]
    fn not_until_tells_a_time_not_a_denial() {
        assert!(
            negations(
                "It wasn't until May 30 that the family spoke.",
                "The family kept silent until May 30 when the family spoke."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_contraction_split_by_a_space_is_still_a_negation() {
        assert!(
            negations(
                "The case hadn ’ t been filed.",
                "The case hadn't been filed."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_word_aimed_at_is_not_stated() {
        assert!(
            negations(
                "The cause of the fire has not been determined.",
                "Investigators are trying to determine the cause of the fire."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_negation_of_a_word_the_other_side_lacks_is_no_conflict() {
        assert!(
            negations(
                "The man has not been identified.",
                "The man was named as Tom Hale."
            )
            .is_empty()
        );
    }

    #[test]
    fn words_that_look_like_negations_are_none() {
        assert!(
            negations(
                "He lives at No. 10 Harbour Row.",
                "He lives at 10 Harbour Row."
            )
            .is_empty()
        );
        assert!(
            negations(
                "It is unclear whether or not the ferry sank.",
                "It is unclear whether the ferry sank."
            )
            .is_empty()
        );
        assert!(
            negations(
                "The storm hit not only Arlow but Kelso.",
                "The storm hit Arlow and Kelso."
            )
            .is_empty()
        );
    }
}
