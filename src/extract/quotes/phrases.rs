//! Noun phrases around a speech verb: the speaker before it ("mission director Ilse
//! Vandermeer said"), after it ("said harbour master Ilse Brandt"), or opening the sentence
//! ("On Tuesday, the city council voted"). Read from the words alone, with lists of the
//! words that never name anyone.

use super::super::names::{self, PRONOUNS};
use super::verbs::verbs_in;
use crate::model::Span;

/// Words that may stand between a speaker and the verb ("he later said").
pub(super) const ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "earlier",
    "previously",
    "once",
    "repeatedly",
    "reportedly",
    "has",
    "had",
    "have",
    "would",
    "will",
    "again",
    "further",
    "recently",
    "publicly",
    "privately",
    "quickly",
    "simply",
    "flatly",
    "angrily",
    "famously",
    "often",
    "never",
    "subsequently",
    "separately",
    "ultimately",
    "initially",
    "finally",
    "yesterday",
    "today",
    "still",
    "even",
    "now",
    "just",
    "only",
    "first",
    "immediately",
    "directly",
    "openly",
    "bluntly",
    "recently",
    "had",
    "was",
    "is",
    "has",
    "been",
];

/// Words that open a noun phrase naming someone who is not named ("one questioner").
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "two", "three", "this", "that", "these", "those", "his", "her",
    "their", "its", "our", "some", "many", "several", "another", "other", "each", "both",
];

/// Words that never end a noun phrase.
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "that", "which", "who", "as",
    "than", "then", "so", "it", "was", "is", "were", "are", "be", "by", "from", "into",
];

/// The pronoun in a contraction: "He's" -> "he".
pub(super) fn pronoun(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    let bare = lower.split(['\'', '’']).next().unwrap_or("");
    PRONOUNS.contains(&bare).then(|| bare.to_string())
}

/// Words of `body` with their byte offsets.
pub(super) fn words(body: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut chars = body.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            if !(c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '&' | '-')) {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        let w = &body[start..end];
        // "panel." ends a sentence; "Rep.", "Jr." and "U.S." keep their dots.
        let bare = w.trim_end_matches('.');
        let abbreviation = bare.len() <= 3 || bare.contains('.');
        out.push((start, if abbreviation { w } else { bare }));
    }
    out
}

/// Capitalised, and not a word that is capitalised only for opening a sentence or for
/// naming a day ("However", "Tuesday").
pub(super) fn capitalised(word: &str) -> bool {
    let lower = word.trim_end_matches([',', '.']).to_lowercase();
    word.starts_with(char::is_uppercase)
        && !DISCOURSE.contains(&lower.as_str())
        && !names::is_calendar(word)
}

/// Sentence adverbs and conjunctions: capitalised when they open a sentence, never a speaker.
pub(super) const DISCOURSE: &[&str] = &[
    "however",
    "meanwhile",
    "but",
    "and",
    "still",
    "yet",
    "also",
    "instead",
    "moreover",
    "furthermore",
    "nevertheless",
    "separately",
    "later",
    "earlier",
    "today",
    "yesterday",
    "now",
    "then",
    "so",
    "thus",
    "indeed",
    "asked",
    "speaking",
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "while",
    "as",
    "if",
    "although",
    "though",
    "because",
];

pub(super) fn is_role(word: &str) -> bool {
    names::is_role_word(
        word.to_lowercase()
            .trim_end_matches("'s")
            .trim_end_matches("’s"),
    )
}

/// The noun phrase that ends just before `verb_start`: a pronoun, a name, or a description.
pub(super) fn subject_before(body: &str, verb_start: usize) -> Option<Span> {
    // `Sen. Ann Lee (D-Mo.) said`: a party and state, or an age, in brackets.
    let head = body[..verb_start].trim_end();
    let verb_start = match head.strip_suffix(')').and_then(|h| h.rfind('(')) {
        Some(open) if head.len() - open <= 30 => open,
        _ => verb_start,
    };
    let ws: Vec<(usize, &str)> = words(&body[..verb_start]);
    let mut k = ws.len();
    // "he later said", "Lee Thursday told".
    let adverb = |w: &str| ADVERBS.contains(&w.to_lowercase().as_str()) || names::is_calendar(w);
    while k > 0 && adverb(ws[k - 1].1) {
        k -= 1;
        // "Trump on Saturday accused": a day with its preposition.
        if k > 0
            && names::is_calendar(ws[k].1)
            && matches!(ws[k - 1].1, "on" | "last" | "late" | "early" | "this")
        {
            k -= 1;
        }
    }
    let end_word = k.checked_sub(1)?;
    let (pos, word) = ws[end_word];
    let gap = &body[pos + word.len()..ws.get(end_word + 1).map_or(verb_start, |w| w.0)];
    if gap.contains([';', ':', '"', '“', '”']) {
        return None;
    }
    // `Ann Lee, who has called it`: the relative pronoun stands for the name before it.
    if word.eq_ignore_ascii_case("who") && body[..pos].trim_end().ends_with(',') {
        return Some(Span::new(pos, pos + word.len()));
    }
    if gap.contains(',') {
        return appositive_subject(body, pos + word.len());
    }
    if pronoun(word).is_some() {
        return Some(Span::new(pos, pos + word.len()));
    }
    if let Some(phrase) = determined_phrase(&ws, end_word) {
        // `who has in the past described`: a phrase after a preposition is no subject; the
        // subject stands before the preposition.
        let k = ws.partition_point(|w| w.0 < phrase.start);
        if k > 0 && PREPOSITIONS.contains(&ws[k - 1].1) {
            return subject_before(body, ws[k - 1].0);
        }
        return Some(phrase);
    }
    // A name or a role ends the phrase: "Trump's early-morning tweets" has no speaker.
    if !(capitalised(word) || is_role(word)) {
        return None;
    }
    let mut start = end_word;
    while start > 0 {
        let (prev_pos, prev) = ws[start - 1];
        let gap = &body[prev_pos + prev.len()..ws[start].0];
        let joins = gap.trim().is_empty() || gap.trim() == "-";
        // `Mr. Lee of the Sierra Club said`.
        let of_the = prev == "the"
            && start >= 3
            && ws[start - 2].1 == "of"
            && capitalised(ws[start - 3].1)
            && capitalised(ws[start].1);
        // `Ann Lee and Bo Park wrote`: two names joined by "and".
        let and = prev == "and"
            && capitalised(ws[start].1)
            && start >= 2
            && capitalised(ws[start - 2].1)
            && body[ws[start - 2].0 + ws[start - 2].1.len()..prev_pos]
                .trim()
                .is_empty();
        if !joins
            || !(capitalised(prev)
                || is_role(prev)
                || and
                || of_the
                || matches!(prev, "of" | "de" | "van" | "von" | "al"))
        {
            break;
        }
        start -= 1;
    }
    // A particle opens no name: "32% of Republican claims" has no subject "of Republican",
    // and a name after a preposition is its object, not a speaker.
    while start < end_word && matches!(ws[start].1, "of" | "de" | "van" | "von" | "al") {
        start += 1;
    }
    if start > 0
        && PREPOSITIONS.contains(&ws[start - 1].1)
        && body[ws[start - 1].0 + ws[start - 1].1.len()..ws[start].0]
            .trim()
            .is_empty()
    {
        // "a spokesman for committee Democrats": the preposition belongs to a role.
        if start < 2 || !is_role(ws[start - 2].1) {
            return None;
        }
        start -= 2;
    }
    // "mission director Ilse Vandermeer": a role word takes one modifier before it.
    if start > 0 && is_role(ws[start].1) {
        let (prev_pos, prev) = ws[start - 1];
        let lower = prev.to_lowercase();
        let modifier =
            !FUNCTION_WORDS.contains(&lower.as_str()) && !DETERMINERS.contains(&lower.as_str());
        if modifier && body[prev_pos + prev.len()..ws[start].0].trim().is_empty() {
            start -= 1;
        }
    }
    if start > 0 && matches!(ws[start - 1].1.to_lowercase().as_str(), "the" | "a" | "an") {
        start -= 1;
    }
    let phrase: Vec<&str> = ws[start..=end_word].iter().map(|w| w.1).collect();
    let named = phrase
        .iter()
        .any(|w| capitalised(w) && !matches!(*w, "The" | "A" | "An"));
    let described = phrase.iter().any(|w| is_role(w));
    (named || described).then(|| Span::new(ws[start].0, pos + word.len()))
}

/// Prepositions: a noun phrase after one is its object, never a speaker.
pub(super) const PREPOSITIONS: &[&str] = &[
    "of", "in", "at", "for", "from", "about", "to", "on", "by", "into", "during", "after",
    "before", "since", "upon",
];

/// `Stefan Lee, chairman of the party, argued`: the subject before an appositive that ends
/// at `comma_at`.
pub(super) fn appositive_subject(body: &str, comma_at: usize) -> Option<Span> {
    let head = &body[..comma_at];
    let open = head.rfind(',')?;
    let appositive = &head[open + 1..];
    if appositive.split_whitespace().count() > 12 || appositive.contains(['"', '“', '”']) {
        return None;
    }
    let ws = words(&body[..open]);
    let (pos, word) = *ws.last()?;
    let named = capitalised(word) || is_role(word) || pronoun(word).is_some();
    if !named || !body[pos + word.len()..open].trim().is_empty() {
        return None;
    }
    subject_before(body, open).or(Some(Span::new(pos, pos + word.len())))
}

/// A lower-case noun phrase opened by a determiner within four words: "one questioner",
/// "the ruling", "the North Korean leader".
pub(super) fn determined_phrase(ws: &[(usize, &str)], end_word: usize) -> Option<Span> {
    let (pos, word) = ws[end_word];
    let lower = word.to_lowercase();
    let function =
        DETERMINERS.contains(&lower.as_str()) || FUNCTION_WORDS.contains(&lower.as_str());
    if capitalised(word) || function {
        return None;
    }
    let from = end_word.saturating_sub(4);
    let start = (from..end_word)
        .rev()
        .find(|&k| DETERMINERS.contains(&ws[k].1.to_lowercase().as_str()))?;
    Some(Span::new(ws[start].0, pos + word.len()))
}

/// How many lower-case words open `ws` to describe the name right after them ("former
/// adviser", "harbour master"): up to four words, none a function word or a verb, joined
/// by spaces and followed by a capitalised word. Zero when they are not so followed.
pub(super) fn describing_words(rest: &str, ws: &[(usize, &str)]) -> usize {
    let lower = |w: &str| w.starts_with(|c: char| c.is_lowercase());
    let n = ws.iter().take(4).take_while(|w| lower(w.1)).count();
    if n == 0 || ws.len() <= n || !capitalised(ws[n].1) {
        return 0;
    }
    let plain = ws[..n].iter().all(|&(_, w)| {
        let l = w.to_lowercase();
        !FUNCTION_WORDS.contains(&l.as_str())
            && !DETERMINERS.contains(&l.as_str())
            && pronoun(w).is_none()
            && verbs_in(w).is_empty()
            && !ADVERBS.contains(&l.as_str())
    });
    let joined = ws[..=n]
        .windows(2)
        .all(|p| rest[p[0].0 + p[0].1.len()..p[1].0].trim().is_empty());
    if plain && joined { n } else { 0 }
}

/// The noun phrase that starts just after `verb_end`: `said Rep. Ann Lee of Ohio`.
pub(super) fn subject_after(body: &str, verb_end: usize) -> Option<Span> {
    let rest = &body[verb_end..];
    let ws = words(rest);
    let mut k = 0;
    // `said he`: an inverted pronoun.
    if let Some((_, w)) = ws.first()
        && pronoun(w).is_some()
    {
        let (p, w) = ws[0];
        return Some(Span::new(p, p + w.len()).shift(verb_end));
    }
    let determined = ws
        .first()
        .is_some_and(|w| DETERMINERS.contains(&w.1.to_lowercase().as_str()));
    if determined {
        k = 1;
    }
    let start = k;
    // `said former adviser Ann Lee`, `said harbour master Ilse Brandt`: lower-case words
    // describing the speaker before the name.
    let mut describing = if determined {
        0
    } else {
        describing_words(rest, &ws)
    };
    while k < ws.len() {
        // `CBS moderator Nancy Cordes`: lower-case words inside the name's description.
        if k > start && k >= describing && !determined {
            let inner = describing_words(rest, &ws[k..]);
            if (1..=2).contains(&inner) {
                describing = k + inner;
            }
        }
        let (pos, w) = ws[k];
        if k > start {
            let (prev_pos, prev) = ws[k - 1];
            if !rest[prev_pos + prev.len()..pos].trim().is_empty() {
                break;
            }
        }
        let particle =
            k > start && matches!(w, "of" | "de" | "van" | "von" | "al" | "on" | "for" | "at");
        // After a determiner any word may be part of the phrase ("one Democratic source").
        let free = determined && k - start < 6 && verbs_in(w).is_empty();
        if !(capitalised(w) || is_role(w) || particle || free || k < describing) {
            break;
        }
        k += 1;
    }
    if k == start {
        return None;
    }
    let first = if start == 1 { ws[0].0 } else { ws[start].0 };
    let (last_pos, last) = ws[k - 1];
    Some(Span::new(first, last_pos + last.len()).shift(verb_end))
}

/// How far into a sentence its subject is looked for, in bytes: a subject opens its
/// sentence, and the bound keeps a sentence of thousands of quotations linear.
const SUBJECT_REACH: usize = 400;

/// The opening of the text from `start` up to `end`, at most [`SUBJECT_REACH`] bytes: where
/// a sentence's subject is read.
pub(super) fn opening(text: &str, start: usize, end: usize) -> &str {
    &text[start..text.floor_char_boundary(end.min(start + SUBJECT_REACH))]
}

/// The subject that opens a sentence: a pronoun, a name or a description ("He then
/// defended it, saying", "The city council voted"), after an opening phrase set off by a
/// comma ("On Tuesday, Sanders went further") or a conjunction ("But Lee").
pub(super) fn sentence_subject(body: &str) -> Option<Span> {
    if body.trim_start().starts_with(['"', '“', '‘', '\'']) {
        return None;
    }
    let ws = words(body);
    let k = after_opening(body, &ws);
    let (pos, first) = *ws.get(k)?;
    if pronoun(first).is_some() {
        return Some(Span::new(pos, pos + first.len()));
    }
    let lower = first.to_lowercase();
    let bare = lower.split(['\'', '’']).next().unwrap_or("");
    if NOT_SUBJECTS.contains(&bare) {
        return None;
    }
    let determined = SUBJECT_DETERMINERS.contains(&lower.as_str());
    let head = k + usize::from(determined);
    // A name, with any role words and particles in it: "Ohio Gov. Ann Lee of Dayton".
    // Lower-case words describing the name go with it: "Harbour master Ilse Brandt",
    // "spokeswoman Ada Holm".
    let mut end = head;
    loop {
        if end < ws.len() && (capitalised(ws[end].1) || is_role(ws[end].1)) {
            end += 1;
            if end + 1 < ws.len() && matches!(ws[end].1, "of" | "de" | "van" | "von" | "al") {
                end += 1;
            }
            continue;
        }
        // Only before the name: after it a lower-case word is the verb ("Lee echoed Ann"),
        // unless the sentence opens with a capitalised noun ("Harbour master Ilse Brandt").
        let describing = describing_words(body, &ws[end.min(ws.len())..]);
        let opening_noun = end == head + 1
            && ws[end..end + describing]
                .iter()
                .all(|w| !w.1.ends_with("ed") && !w.1.ends_with('s'));
        if (end == head || opening_noun) && (1..=3).contains(&describing) {
            end += describing;
            continue;
        }
        break;
    }
    while end > head && !(capitalised(ws[end - 1].1) || is_role(ws[end - 1].1)) {
        end -= 1;
    }
    if end == head && determined {
        // "The ad", "the former secretary": up to the last role word within five words,
        // or the one word after the determiner.
        let within = (head..ws.len().min(head + 5)).take_while(|&i| plain_word(ws[i].1));
        end = within
            .clone()
            .filter(|&i| is_role(ws[i].1))
            .last()
            .map_or(head, |i| i + 1);
        if end == head && within.count() > 0 {
            end = head + 1;
        }
    }
    if end == head {
        return None;
    }
    // "Lee's comments came", "Lee's right-hand woman rallied": the subject is what is
    // Lee's, up to a role word within three words, or else one word.
    let (_, last) = ws[end - 1];
    if (last.ends_with("'s") || last.ends_with("’s")) && end < ws.len() {
        let within = (end..ws.len().min(end + 3)).take_while(|&i| plain_word(ws[i].1));
        end = within
            .clone()
            .filter(|&i| is_role(ws[i].1))
            .last()
            .or(within.clone().next())
            .map_or(end, |i| i + 1);
    }
    let (last_pos, last) = ws[end - 1];
    Some(Span::new(pos, last_pos + last.len()))
}

/// The subject of the last clause opened by a subordinator before `at`: "… came as Lee
/// turned it down, saying" -> "Lee". A name or pronoun right after the subordinator.
pub(super) fn clause_subject(body: &str, at: usize) -> Option<Span> {
    let ws = words(&body[..at]);
    let k = ws.iter().rposition(|w| {
        matches!(
            w.1,
            "as" | "when" | "while" | "after" | "because" | "since" | "before"
        )
    })?;
    let from = ws.get(k + 1)?.0;
    let subject = sentence_subject(&body[from..at])?;
    let text = subject.of(&body[from..at]);
    let named = text.split_whitespace().any(capitalised) || pronoun(text).is_some();
    // A clause: the subject and a verb in the past ("as Lee turned"), not "as @handle and".
    let verb = words(&body[from + subject.end..at])
        .first()
        .is_some_and(|w| w.1.ends_with("ed") && w.1.starts_with(char::is_lowercase));
    (named && verb).then(|| subject.shift(from))
}

/// Determiners that open a subject noun phrase ("The board", "Her lawyer").
pub(super) const SUBJECT_DETERMINERS: &[&str] =
    &["the", "a", "an", "his", "her", "their", "its", "our"];

/// Capitalised words that open a sentence without naming anyone.
pub(super) const NOT_SUBJECTS: &[&str] = &[
    "that", "this", "these", "those", "there", "here", "where", "what", "why", "how", "who",
    "which", "whether", "it", "its", "such", "all", "no", "not",
];

/// A lower-case word that may stand in a noun phrase: not a function word, a determiner, a
/// pronoun, an adverb of speech or a speech verb.
pub(super) fn plain_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    !FUNCTION_WORDS.contains(&lower.as_str())
        && !DETERMINERS.contains(&lower.as_str())
        && !ADVERBS.contains(&lower.as_str())
        && pronoun(word).is_none()
        && verbs_in(word).is_empty()
}

/// Words that open a phrase before the subject of a sentence ("In May,", "Hours later,").
pub(super) const OPENERS: &[&str] = &[
    "during",
    "since",
    "despite",
    "with",
    "for",
    "from",
    "by",
    "under",
    "over",
    "hours",
    "days",
    "minutes",
    "moments",
    "weeks",
    "months",
    "years",
    "last",
    "this",
    "until",
    "amid",
    "following",
    "like",
    "unlike",
    "once",
    "asked",
];

/// The index of the first word after a sentence's opening phrase: conjunctions and adverbs
/// ("But then"), then a phrase that runs to the first comma within 25 words when it
/// opens with a preposition, a subordinator, a time word, an "-ing" or "-ly" word ("On
/// Tuesday,", "Speaking to reporters,").
pub(super) fn after_opening(body: &str, ws: &[(usize, &str)]) -> usize {
    let joining = |w: &str| {
        let lower = w.to_lowercase();
        matches!(
            lower.as_str(),
            "but" | "and" | "so" | "yet" | "still" | "also" | "or"
        ) || ADVERBS.contains(&lower.as_str())
    };
    // A dateline: `LONDON, May 3 (Reuters) — Lee said`.
    let dateline = ws.first().is_some_and(|w| {
        w.1.len() > 2 && w.1.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
    });
    let dash = body.find(['—', '–']).or_else(|| body.find("--"));
    if dateline && let Some(dash) = dash {
        let after = ws.partition_point(|w| w.0 < dash);
        if (1..=12).contains(&after) {
            return after + after_opening(body, &ws[after..]);
        }
    }
    let skip = ws.iter().take_while(|w| joining(w.1)).count();
    let Some(&(_, first)) = ws.get(skip) else {
        return skip;
    };
    let lower = first.to_lowercase();
    // "But back home, he", "A few days later, Lee".
    let adverbial = skip > 0
        && first.starts_with(char::is_lowercase)
        && !DETERMINERS.contains(&lower.as_str())
        && pronoun(first).is_none();
    let timed = (skip..ws.len().min(skip + 6)).find(|&i| {
        let comma = ws
            .get(i + 1)
            .is_some_and(|next| body[ws[i].0 + ws[i].1.len()..next.0].contains(','));
        comma
            && matches!(
                ws[i].1,
                "later" | "ago" | "earlier" | "afterward" | "afterwards"
            )
    });
    if let Some(i) = timed {
        return i + 1;
    }
    let listed = adverbial
        || DISCOURSE.contains(&lower.as_str())
        || OPENERS.contains(&lower.as_str())
        || names::is_calendar(first);
    // "Speaking to reporters," but not "Carly Fiorina threw" or "Kelly, the moderator,".
    let ending = lower.len() > 4
        && (lower.ends_with("ing") || lower.ends_with("ly"))
        && ws
            .get(skip + 1)
            .is_some_and(|w| w.1.starts_with(char::is_lowercase));
    let comma_within = |n: usize| {
        (skip..ws.len().min(skip + n).saturating_sub(1)).find(|&i| {
            let gap = &body[ws[i].0 + ws[i].1.len()..ws[i + 1].0];
            gap.contains(',')
        })
    };
    if listed || ending {
        return comma_within(25).map_or(skip, |i| i + 1);
    }
    // "Back on NBC, Trump said": a word and a preposition open a phrase up to a comma; a
    // name does not go on so ("Secretary of State Ann Lee,", "Kelly, the moderator,"), nor a
    // clause ("He then defended the remark,").
    let prepositional = pronoun(first).is_none()
        && ws
            .get(skip + 1)
            .is_some_and(|w| w.1 != "of" && PREPOSITIONS.contains(&w.1));
    match comma_within(8) {
        Some(i) if prepositional && i > skip => i + 1,
        _ => skip,
    }
}
