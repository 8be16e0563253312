//! Direct quotations and who said them.
//!
//! Quote marks are paired paragraph by paragraph: curly marks say which way they face,
//! straight ones are judged by their neighbours. A quotation that runs over several
//! paragraphs reopens each paragraph and closes only in the last; an unbalanced mark closes
//! at the end of its paragraph, so one stray mark never loses the rest of the report.
//! The speaker is the name or pronoun next to a speech verb before or after the quote, or
//! on the line above ("He said:"), or the speaker of the quotation it continues; mentions
//! resolve through [`super::names::resolve`].

mod phrases;
mod pronouns;
mod verbs;

use phrases::{
    DETERMINERS, DISCOURSE, SUBJECT_DETERMINERS, capitalised, clause_subject, opening, plain_word,
    pronoun, sentence_subject, subject_after, subject_before, words,
};
use pronouns::{Genders, Known, known_person, pronoun_speaker};
use verbs::{INVERTING, OBJECT_VERBS, Verb, speech_verbs};

use super::names;
use crate::model::{Quote, Span};

/// How far from a quotation its attribution is looked for, in bytes each way. Attributions
/// are local; the bound keeps a line of thousands of quotations linear.
const ATTRIBUTION_WINDOW: usize = 400;

/// A quote this short, with no attribution, is a scare quote or a title, not speech.
const MIN_UNATTRIBUTED_WORDS: usize = 4;

/// The quotations of a report whose sentences are `sentences`, in reading order.
pub fn quotes(text: &str, sentences: &[Span]) -> Vec<Quote> {
    quotes_with(text, sentences, names::names(text, sentences))
}

/// [`quotes`], given the report's names ([`names::names`] of the same sentences), for a
/// caller that needs them for other work too.
pub fn quotes_with(text: &str, sentences: &[Span], mut all_names: Vec<names::Named>) -> Vec<Quote> {
    all_names.retain(|n| !n.modifier);
    let index = names::NameIndex::new(&all_names);
    let genders = Genders::of_report(text, &all_names);
    let mut out: Vec<Quote> = Vec::new();
    let mut trail = Trail::default();
    let mut last_speaker: Option<String> = None;
    for paragraph in paragraphs(text, sentences) {
        let found = scan(text, paragraph.span, trail.carried.is_some());
        trail.last_in_paragraph = None;
        trail.carried = trail
            .carried
            .take()
            .filter(|_| found.first().is_some_and(|q| q.continues));
        for raw in found.iter().filter(|raw| !nickname(text, raw.span)) {
            // Names come in reading order: those before the quotation are a prefix.
            let before = all_names.partition_point(|n| n.span.end <= raw.span.start);
            let known = Known {
                text,
                sentences,
                seen: names::Seen::new(&all_names[..before], &index),
                named: &all_names[..before],
                last_speaker: last_speaker.as_deref(),
                genders: &genders,
            };
            let found = choose(raw, &paragraph, known, &trail);
            let words = raw.span.of(text).split_whitespace().count();
            // A short title ("The Long Night") is no speech, whoever the sentence is about.
            let unattributed =
                found.mention.is_none() || (found.by_subject && title_case(raw.span.of(text)));
            if unattributed && words < MIN_UNATTRIBUTED_WORDS {
                continue;
            }
            let inside = all_names.partition_point(|n| n.span.start < raw.span.start)
                ..all_names.partition_point(|n| n.span.start < raw.span.end);
            for n in &mut all_names[inside] {
                n.quoted = true;
            }
            if found.speaker.is_some() {
                last_speaker.clone_from(&found.speaker);
            }
            out.push(Quote {
                span: raw.span,
                speaker: found.speaker.clone(),
                speaker_mention: found.mention,
                speaker_guessed: found.guessed,
            });
            trail.last_in_paragraph = Some(found.clone());
            trail.carried = raw.open_at_end.then_some(found);
        }
        if found.is_empty() {
            trail.carried = None;
        }
        trail.previous = trail
            .last_in_paragraph
            .take()
            .filter(|a| a.mention.is_some());
        trail.previous_paragraph = Some(paragraph.span);
    }
    out
}

/// `James “Jim” Ferrow`: a name in quote marks between a given name and a surname is a
/// nickname, not words anyone said.
fn nickname(text: &str, quote: Span) -> bool {
    // Only the words next to the marks: a line of many quotations stays linear.
    let from = text.ceil_char_boundary(quote.start.saturating_sub(40));
    let to = text.floor_char_boundary(quote.end + 40);
    let inner = words(quote.of(text));
    let before = text[from..quote.start]
        .strip_suffix(' ')
        .and_then(|b| words(b).pop().filter(|(at, w)| at + w.len() == b.len()));
    let after = text[quote.end..to]
        .strip_prefix(' ')
        .and_then(|a| words(a).first().copied().filter(|(at, _)| *at == 0));
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    (1..=2).contains(&inner.len())
        && inner.iter().all(|w| capital(w.1))
        && before.is_some_and(|(_, w)| capital(w))
        && after.is_some_and(|(_, w)| capital(w))
}

/// What the quotations before leave for the next one to go on with.
#[derive(Default)]
struct Trail {
    /// The attribution of a quotation still open at the end of the paragraph before.
    carried: Option<Attribution>,
    previous_paragraph: Option<Span>,
    /// The attribution of the last quotation of the paragraph before, if it had one.
    previous: Option<Attribution>,
    /// The attribution of the quotation before in this paragraph.
    last_in_paragraph: Option<Attribution>,
}

/// The attribution of one quotation: its own, unless it continues a quotation, follows
/// another in its paragraph or a line ending in a colon, or has only a loose one.
fn choose(raw: &Raw, paragraph: &Paragraph, known: Known<'_>, trail: &Trail) -> Attribution {
    let own = attribution(paragraph, raw.span, known);
    let unled = Known {
        last_speaker: None,
        ..known
    };
    let inherited = match (&trail.carried, raw.continues, &trail.last_in_paragraph) {
        (Some(c), true, _) => Some(c.clone()),
        (_, _, Some(last)) => Some(last.clone()),
        _ => line_above(trail.previous_paragraph, unled).or_else(|| {
            // A paragraph that is only a quotation goes on with the speaker of the
            // quotation just before it.
            let opens = raw.span.start == paragraph.span.start;
            trail.previous.clone().filter(|_| opens)
        }),
    };
    match own {
        Some(own) if own.loose => trail
            .carried
            .clone()
            .filter(|_| raw.continues)
            .or_else(|| line_above(trail.previous_paragraph, unled))
            .unwrap_or(own),
        own => own
            .or(inherited)
            .or_else(|| previous_subject(raw.span, unled))
            .unwrap_or_default(),
    }
}

/// `Lee defended the plan. "It will pay for itself."`: a quotation that opens its sentence
/// with no attribution anywhere is, as a guess, the subject's of the sentence before, when
/// that subject is a person (a name or "he", "she").
fn previous_subject(quote: Span, known: Known<'_>) -> Option<Attribution> {
    let (text, sentences) = (known.text, known.sentences);
    let k = sentences.partition_point(|s| s.end <= quote.start);
    let opens = sentences.get(k).is_some_and(|s| {
        text[s.start..quote.start]
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric())
            .is_empty()
    });
    let previous = *sentences.get(k.checked_sub(1)?)?;
    if !opens || previous.of(text).contains(['"', '“', '”']) {
        return None;
    }
    let subject =
        sentence_subject(opening(text, previous.start, previous.end))?.shift(previous.start);
    let mention = subject.of(text);
    let personal = pronoun(mention).is_some_and(|p| matches!(p.as_str(), "he" | "she"));
    let possessive = mention.ends_with("'s") || mention.ends_with("’s");
    if possessive || !(personal || mention.split_whitespace().any(capitalised)) {
        return None;
    }
    let (speaker, _) = resolve(subject, known);
    if !known_person(speaker.as_deref(), known.named) {
        return None;
    }
    Some(Attribution {
        speaker,
        guessed: true,
        mention: Some(subject),
        loose: false,
        by_subject: false,
    })
}

/// Who a quotation is attributed to.
#[derive(Clone, Debug, Default)]
struct Attribution {
    /// The resolved name, if any.
    speaker: Option<String>,
    /// Whether the name is only a guess by recency.
    guessed: bool,
    /// The words the attribution rests on.
    mention: Option<Span>,
    /// It was read after a comma further on in the sentence: an attribution inherited from
    /// the line above or the quotation continued is the likelier reading.
    loose: bool,
    /// It is the subject of the quotation's sentence, read without a speech verb.
    by_subject: bool,
}

/// Every word capitalised: a title ("The Long Night"), not words someone said.
fn title_case(quote: &str) -> bool {
    let ws = words(quote);
    !ws.is_empty()
        && ws.iter().all(|w| {
            w.1.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
                || matches!(
                    w.1,
                    "of" | "the" | "a" | "an" | "and" | "in" | "on" | "to" | "for"
                )
        })
}

/// Consecutive sentences on one line, and the sentences themselves.
struct Paragraph {
    span: Span,
    sentences: Vec<Span>,
}

fn paragraphs(text: &str, sentences: &[Span]) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    for &s in sentences {
        match out.last_mut() {
            // A line end (LF, CRLF or a lone CR) ends a paragraph.
            Some(p) if !text[p.span.end..s.start].contains(['\n', '\r']) => {
                p.span.end = s.end;
                p.sentences.push(s);
            }
            _ => out.push(Paragraph {
                span: s,
                sentences: vec![s],
            }),
        }
    }
    out
}

/// A quotation found by pairing marks, before attribution.
struct Raw {
    span: Span,
    /// It reopens a quotation left open at the end of the paragraph before.
    continues: bool,
    /// It is still open at the end of its paragraph.
    open_at_end: bool,
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Facing {
    Open,
    Close,
    Either,
}

/// Pairs the double quote marks of one paragraph (single ones where it has no double).
fn scan(text: &str, paragraph: Span, continuing: bool) -> Vec<Raw> {
    let body = paragraph.of(text);
    let mut marks = marks(body, |c| matches!(c, '"' | '“' | '”' | '„'));
    if marks.is_empty() {
        marks = marks_single(body);
    }
    let mut out = Vec::new();
    let mut open: Option<(usize, bool)> = None;
    for (k, &(pos, len, facing)) in marks.iter().enumerate() {
        match (open, facing) {
            (None, Facing::Open | Facing::Either) => {
                open = Some((pos, k == 0 && continuing && pos == 0))
            }
            (None, Facing::Close) => {}
            (Some((start, continues)), Facing::Close | Facing::Either) => {
                out.push(raw(paragraph, start, pos + len, continues, false));
                open = None;
            }
            (Some((start, continues)), Facing::Open) => {
                // A new opening mark while one is open: the first was never closed.
                let end = body[..pos].trim_end().len();
                if end > start + 1 {
                    out.push(raw(paragraph, start, end, continues, false));
                }
                open = Some((pos, false));
            }
        }
    }
    if let Some((start, continues)) = open {
        out.push(raw(paragraph, start, body.len(), continues, true));
    }
    out.retain(|r| r.span.of(text).chars().any(char::is_alphanumeric));
    out
}

fn raw(paragraph: Span, start: usize, end: usize, continues: bool, open_at_end: bool) -> Raw {
    Raw {
        span: Span::new(start, end).shift(paragraph.start),
        continues,
        open_at_end,
    }
}

/// Positions, lengths and facing of the quote marks in `body` that `is_mark` accepts.
fn marks(body: &str, is_mark: impl Fn(char) -> bool) -> Vec<(usize, usize, Facing)> {
    body.char_indices()
        .filter(|&(_, c)| is_mark(c))
        .map(|(i, c)| (i, c.len_utf8(), facing(body, i, c)))
        .collect()
}

fn facing(body: &str, i: usize, c: char) -> Facing {
    if matches!(c, '„' | '‘') {
        return Facing::Open;
    }
    let before = body[..i].chars().next_back();
    let after = body[i + c.len_utf8()..].chars().next();
    let opens_after =
        |b: Option<char>| b.is_none_or(|b| b.is_whitespace() || "([{—–-/".contains(b));
    let closes_before =
        |a: Option<char>| a.is_none_or(|a| a.is_whitespace() || ",.;:!?)]}—–-…".contains(a));
    let by_context = match (opens_after(before), closes_before(after)) {
        (true, false) => Facing::Open,
        (false, true) => Facing::Close,
        _ => Facing::Either,
    };
    // A curly mark faces as drawn, unless where it stands says plainly it is the other one:
    // web copy often has a wrong-way closer (`unusual,“ said Ruiz`).
    match (c, by_context) {
        ('“', Facing::Close) | ('”', Facing::Open) => by_context,
        ('“', _) => Facing::Open,
        ('”', _) => Facing::Close,
        _ => by_context,
    }
}

/// Single quote marks used as quotation marks ('like this'), told apart from apostrophes:
/// an opening one follows a space and precedes a letter; a closing one follows a letter or
/// punctuation and precedes a space or punctuation, and is not the s' of a plural.
fn marks_single(body: &str) -> Vec<(usize, usize, Facing)> {
    let all = marks(body, |c| matches!(c, '\'' | '‘' | '’'));
    let mut out = Vec::new();
    let mut open = false;
    for (i, len, _) in all {
        let before = body[..i].chars().next_back();
        let after = body[i + len..].chars().next();
        let opening =
            before.is_none_or(char::is_whitespace) && after.is_some_and(char::is_alphanumeric);
        let closing = before.is_some_and(|b| !b.is_whitespace() && b != 's')
            && after.is_none_or(|a| a.is_whitespace() || ",.;:!?)".contains(a));
        if !open && opening {
            out.push((i, len, Facing::Open));
            open = true;
        } else if open && closing {
            out.push((i, len, Facing::Close));
            open = false;
        }
    }
    out
}

/// The speaker named in the quotation's own sentence: `"…," Kim said`, `said Kim`,
/// `He told reporters: "…"`, `according to Kim`.
fn attribution(paragraph: &Paragraph, quote: Span, known: Known<'_>) -> Option<Attribution> {
    let text = known.text;
    let first = paragraph.sentences.iter().find(|s| s.end > quote.start)?;
    let k = paragraph
        .sentences
        .iter()
        .rposition(|s| s.start < quote.end)?;
    let mut last = paragraph.sentences[k];
    // `"…." ― Ann Lee` or `"…?" Lee asked.`: the attribution was split off as a sentence.
    if let Some(next) = paragraph.sentences.get(k + 1)
        && last.end <= quote.end
        && (is_attribution(next.of(text))
            || unlisted_verb(text, quote.end, next.of(text)).is_some())
    {
        last = *next;
    }
    let after = Span::new(quote.end, last.end.max(quote.end));
    let before = Span::new(first.start.min(quote.start), quote.start);
    let after = Span::new(
        after.start,
        text.floor_char_boundary(after.end.min(after.start + ATTRIBUTION_WINDOW)),
    );
    let before = Span::new(
        text.ceil_char_boundary(
            before
                .start
                .max(before.end.saturating_sub(ATTRIBUTION_WINDOW)),
        ),
        before.end,
    );
    // An attribution after a comma further on yields to a speaker before the quotation; a
    // quotation inside a sentence with no speech verb is the subject's ("Lee called for
    // "boots on the ground"", "The board saw her as "the driver"").
    // The subject is read without a speech verb: the speaker is a guess.
    let whole_sentence = before.start <= first.start;
    let (mention, loose, by_subject) = match after_quote(text, after) {
        Some((m, false)) => (m, false, false),
        Some((m, true)) => {
            before_quote(text, before).map_or((m, true, false), |b| (b, false, false))
        }
        None => match before_quote(text, before) {
            Some(m) => (m, false, false),
            None if whole_sentence => (subject_of(text, before)?, true, true),
            None => return None,
        },
    };
    let named = antecedent(text, mention).unwrap_or(mention);
    let (speaker, guessed) = resolve(named, known);
    // A capitalised word opening a sentence may be a plain noun ("Boos rained down"): a
    // subject read without a speech verb must be a pronoun, a description or a name.
    let described = mention.of(text).starts_with(char::is_lowercase)
        || mention.of(text).split_whitespace().count() > 1
        || pronoun(mention.of(text)).is_some();
    if by_subject && !described && !known_person(speaker.as_deref(), known.named) {
        return None;
    }
    Some(Attribution {
        speaker,
        guessed: guessed || by_subject,
        mention: Some(mention),
        loose,
        by_subject,
    })
}

/// The subject of the sentence a quotation stands inside, when words stand between the
/// subject and the quotation.
fn subject_of(text: &str, before: Span) -> Option<Span> {
    let body = before.of(text);
    let subject = sentence_subject(body)?;
    (!words(&body[subject.end..]).is_empty()).then(|| subject.shift(before.start))
}

/// The name a relative "who" stands for: `Ann Lee, who`.
fn antecedent(text: &str, who: Span) -> Option<Span> {
    if !who.of(text).eq_ignore_ascii_case("who") {
        return None;
    }
    let from = text.ceil_char_boundary(who.start.saturating_sub(ATTRIBUTION_WINDOW));
    let body = &text[from..who.start];
    let comma = body.trim_end().strip_suffix(',')?.len();
    subject_before(body, comma).map(|s| s.shift(from))
}

/// Who a mention names: "he" or "she" the person it refers to (see [`pronoun_speaker`]),
/// other mentions through the names seen before.
fn resolve(mention: Span, known: Known<'_>) -> (Option<String>, bool) {
    if let Some(name) = pronoun_speaker(mention, known) {
        return (Some(name), false);
    }
    // "the statement said", "the report read": a document speaks for someone unnamed.
    let last = mention
        .of(known.text)
        .split_whitespace()
        .last()
        .unwrap_or("");
    if DOCUMENTS.contains(&last.to_lowercase().as_str()) {
        return (None, false);
    }
    // "Lee's comments", "Lee's campaign": something of Lee's, not Lee; nobody to name
    // unless a name ends the mention ("Lee's spokeswoman Ada Holm").
    let words = mention
        .of(known.text)
        .split_whitespace()
        .collect::<Vec<_>>();
    // The last name is the possessive one, with no name before it set off by a comma
    // ("Coan, Lee's attorney" is Coan).
    let last_name = words
        .iter()
        .rposition(|w| w.starts_with(char::is_uppercase));
    let possessed = last_name.is_some_and(|k| {
        let w = words[k];
        (w.ends_with("'s") || w.ends_with("’s")) && !words[..k].iter().any(|w| w.ends_with(','))
    });
    if possessed
        && words
            .last()
            .is_some_and(|w| w.starts_with(char::is_lowercase))
    {
        return (None, false);
    }
    names::resolve_in(mention.of(known.text), known.seen)
        .map_or((None, false), |r| (Some(r.name), r.guessed))
}

/// Documents that "say" or "read": their words are someone's the report may not name.
const DOCUMENTS: &[&str] = &[
    "statement",
    "report",
    "letter",
    "release",
    "memo",
    "email",
    "e-mail",
    "ad",
    "post",
    "tweet",
    "editorial",
    "article",
    "complaint",
    "lawsuit",
    "filing",
    "transcript",
    "book",
    "document",
    "documents",
    "indictment",
    "ruling",
    "order",
    "sign",
    "poster",
    "headline",
];

/// A short sentence that only says who spoke: "― Ann Lee", "asked Lee.", "Clinton said."
fn is_attribution(sentence: &str) -> bool {
    let short = sentence.split_whitespace().count() <= 10;
    let unquoted = !sentence.contains(['"', '“', '”']);
    let dash = sentence.starts_with(['―', '—', '–', '-']);
    short && unquoted && (dash || speech_verbs(sentence).next().is_some())
}

/// The speaker in the text right after a quotation, up to the next quotation, and whether
/// it stands only after a comma further on (`"…" in May, Lee said`), a looser reading than
/// one right after the quotation.
fn after_quote(text: &str, after: Span) -> Option<(Span, bool)> {
    let body = after.of(text);
    let stop = body.find(['"', '“', '”']).unwrap_or(body.len());
    let body = &body[..stop];
    let trimmed = body.trim_start_matches([',', ' ']);
    if trimmed.starts_with(['―', '—', '–', '-']) {
        // `"…" ― Jorge Falcon`: a credit line, no verb.
        let offset = body.len() - trimmed.len() + trimmed.chars().next().map_or(0, char::len_utf8);
        return subject_after(body, offset).map(|s| (s.shift(after.start), false));
    }
    let Some(verb) = speech_verbs(body).next() else {
        return unlisted_verb(text, after.start, body).map(|s| (s.shift(after.start), false));
    };
    let lead = &body[..verb.start()];
    let bare = |s: &str| {
        s.trim_matches(|c: char| c.is_whitespace() || ",;:—–-".contains(c))
            .is_empty()
    };
    if bare(lead) {
        // `said Kim`, `according to the police`; not `saying that …` or `told Kim` (the
        // listener).
        let lower = verb.as_str().to_lowercase();
        if lower.ends_with("ing") || OBJECT_VERBS.contains(&lower.as_str()) {
            return None;
        }
        return subject_after(body, verb.end()).map(|s| (s.shift(after.start), false));
    }
    // `"…" in the 2008 primary, said Ohio State professor Ann Beck`: the rest of the
    // sentence, then the inverted attribution after a comma.
    if lead.trim_end().ends_with(',')
        && INVERTING.contains(&verb.as_str().to_lowercase().as_str())
        && let Some(subject) = subject_after(body, verb.end())
    {
        return Some((subject.shift(after.start), true));
    }
    // `Kim said`, `President Trump later told reporters`: the lead is the subject, whole;
    // or `"…" and donations picked up, Gilbert said`: the subject after a comma.
    let subject = subject_before(body, verb.start())?;
    let head = &body[..subject.start];
    if bare(head) {
        return Some((subject.shift(after.start), false));
    }
    // `"…" former adviser Ann Lee asked`, `"…" Democratic pollster Bo Park said`: words
    // describing the name.
    let described = words(head);
    let describes = |w: &str| {
        let lower = w.to_lowercase();
        plain_word(w)
            && !DISCOURSE.contains(&lower.as_str())
            && !matches!(lower.as_str(), "until" | "unless" | "whether" | "including")
            && !lower.ends_with("ing")
    };
    // `"…" a narrator in the ad asks`: a determined phrase and a preposition.
    let determined = described
        .first()
        .is_some_and(|w| SUBJECT_DETERMINERS.contains(&w.1.to_lowercase().as_str()))
        && described.len() <= 5
        && described[1..]
            .iter()
            .all(|w| describes(w.1) || matches!(w.1, "of" | "in" | "at" | "for" | "from" | "the"));
    let plain = (1..=3).contains(&described.len()) && described.iter().all(|w| describes(w.1));
    if (determined || plain)
        && head
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
        && bare(&head[..described[0].0])
    {
        let whole = Span::new(described[0].0, subject.end);
        return Some((whole.shift(after.start), false));
    }
    head.trim_end()
        .ends_with(',')
        .then(|| (subject.shift(after.start), true))
}

/// `"Not negotiable," Hannity pressed.`: a quotation that ends in a comma, question or
/// exclamation mark, followed only by a name or pronoun and one verb to the end of the
/// sentence, is that name's even when the verb is not a speech verb.
fn unlisted_verb(text: &str, quote_end: usize, body: &str) -> Option<Span> {
    let closing = text[..quote_end].trim_end_matches(['"', '“', '”', '\'', '’']);
    if !closing.ends_with([',', '?', '!', '—']) {
        return None;
    }
    let ws = words(body);
    if !(2..=5).contains(&ws.len()) || !body[ws[ws.len() - 1].0..].ends_with(['.', '!']) {
        return None;
    }
    let verb = ws
        .iter()
        .position(|w| w.1.starts_with(char::is_lowercase))?;
    let (_, v) = ws[verb];
    let tail_plain = ws[verb + 1..]
        .iter()
        .all(|w| w.1.starts_with(char::is_lowercase) && w.1.ends_with("ly"));
    let verbish = v.len() > 3 && (v.ends_with("ed") || v.ends_with('s')) && plain_word(v);
    if verb == 0 || !verbish || !tail_plain {
        return None;
    }
    let subject = subject_before(body, ws[verb].0)?;
    bare_before(&body[..subject.start]).then_some(subject)
}

/// Nothing but spaces and punctuation.
fn bare_before(s: &str) -> bool {
    s.trim_matches(|c: char| c.is_whitespace() || ",;:—–-".contains(c))
        .is_empty()
}

/// The speaker in the text before a quotation: the subject of the last speech verb.
fn before_quote(text: &str, before: Span) -> Option<Span> {
    let body = before.of(text);
    // The nearest verb with a speaker wins; `what he called` defers to the clause around it.
    // A participle ("adding") defers to the speech verb before it, or the sentence subject.
    let mut deferred = None;
    for (k, verb) in speech_verbs(body).rev().enumerate() {
        if verb.as_str().to_lowercase().ends_with("ing") {
            // "Trump calling it", or the subject of the sentence: "He left, saying" (not "a
            // statement saying", "footage of Lee saying").
            let own = subject_before(body, verb.start()).filter(|s| {
                let gap = &body[s.end..verb.start()];
                let named = s.of(body).starts_with(char::is_uppercase)
                    && !DETERMINERS.contains(
                        &s.of(body)
                            .split(' ')
                            .next()
                            .unwrap_or("")
                            .to_lowercase()
                            .as_str(),
                    );
                let object = words(&body[..s.start]).last().is_some_and(|w| {
                    matches!(
                        w.1,
                        "of" | "to" | "upon" | "at" | "for" | "from" | "by" | "about"
                    )
                });
                named && !object && !gap.contains(',') && words(gap).is_empty()
            });
            if deferred.is_none() {
                deferred = own
                    .or_else(|| clause_subject(body, verb.start()))
                    .or_else(|| sentence_subject(body));
            }
            continue;
        }
        let Some(mut subject) = verb_subject(body, &verb) else {
            continue;
        };
        // `Lee, who says …, tweeted that "…"`: a relative clause before the last verb
        // speaks of the name before it, the subject of the verb that takes the quotation.
        if k > 0
            && let Some(named) = antecedent(body, subject)
        {
            subject = named;
        }
        let relative = body[..subject.start]
            .trim_end()
            .to_lowercase()
            .ends_with("what");
        if !relative {
            return Some(subject.shift(before.start));
        }
        deferred.get_or_insert(subject);
    }
    let verbless = speech_verbs(body).next().is_none();
    deferred
        .or_else(|| colon_speaker(body).filter(|_| verbless))
        .map(|s| s.shift(before.start))
}

/// `Rep. Ann Lee (R-Ohio): "…"`, `More from Lee: "…"`: a name just before a colon, as in a
/// transcript, introduces the quotation.
fn colon_speaker(body: &str) -> Option<Span> {
    let mut head = body.trim_end().strip_suffix(':')?.trim_end();
    if head.ends_with(')')
        && let Some(open) = head.rfind('(')
    {
        head = head[..open].trim_end();
    }
    let subject = subject_before(body, head.len())?;
    // Only a short lead-in: "More from Lee:", not "… delivered a message to Lee:".
    if words(&body[..subject.start]).len() > 3 {
        return None;
    }
    let named = subject.of(body).split_whitespace().any(capitalised);
    (named && !subject.of(body).contains(['"', '“', '”'])).then_some(subject)
}

/// The speaker of one speech verb in the text before a quotation.
fn verb_subject(body: &str, verb: &Verb<'_>) -> Option<Span> {
    let lower = verb.as_str().to_lowercase();
    if lower == "according to" {
        return subject_after(body, verb.end());
    }

    subject_before(body, verb.start()).or_else(|| inverted_subject(body, verb))
}

/// `said Ms Lee: "…"`: a speaker after the verb, when nothing but punctuation follows it.
fn inverted_subject(body: &str, verb: &Verb<'_>) -> Option<Span> {
    if !INVERTING.contains(&verb.as_str().to_lowercase().as_str()) {
        return None;
    }
    let span = subject_after(body, verb.end())?;
    let complement = span.of(body).to_lowercase().starts_with("that ");
    // `said Ms Lee: "…"`, `said Ms Lee, "…"`; not `said the plan could be a "…"`.
    let rest = body[span.end..].trim();
    let alone = rest.starts_with([',', ':', '—', '–']);
    (alone && !complement).then_some(span)
}

/// A speaker on the line above that ends with a colon: `He said:` then the quotation.
fn line_above(previous: Option<Span>, known: Known<'_>) -> Option<Attribution> {
    let (text, previous) = (known.text, previous?);
    let body = previous.of(text);
    if !body.trim_end().ends_with(':') {
        return None;
    }
    let mention = before_quote(text, previous)?;
    let (speaker, guessed) = resolve(mention, known);
    Some(Attribution {
        speaker,
        guessed,
        mention: Some(mention),
        loose: false,
        by_subject: false,
    })
}

#[cfg(test)]
mod tests {
    use crate::model::Source;

    fn found(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let doc = crate::inspect(Source::new("t", text));
        doc.quotes
            .iter()
            .map(|q| {
                (
                    q.span.of(text).to_string(),
                    q.speaker.clone(),
                    q.speaker_mention.map(|m| m.of(text).to_string()),
                )
            })
            .collect()
    }

    fn speakers(text: &str) -> Vec<Option<String>> {
        found(text).into_iter().map(|q| q.1).collect()
    }

    #[test]
    fn speaker_after_the_quote() {
        let q = found("\"We held the line,\" Mayor Ellen Okafor said.");
        assert_eq!(q[0].0, "\"We held the line,\"");
        assert_eq!(q[0].1.as_deref(), Some("Ellen Okafor"));
        assert_eq!(q[0].2.as_deref(), Some("Mayor Ellen Okafor"));
        assert_eq!(
            speakers("“We held the line,” said Ellen Okafor, the mayor."),
            [Some("Ellen Okafor".into())]
        );
    }

    #[test]
    fn a_wrong_way_closing_mark_still_closes() {
        let text = "The mayor spoke on Monday. “It is unusual,“ said Mayor Ana Ruiz. \
                    “We will rebuild the pier by June.”";
        let q = found(text);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].0, "“It is unusual,“");
        assert_eq!(q[0].1.as_deref(), Some("Ana Ruiz"));
        assert_eq!(q[1].1.as_deref(), Some("Ana Ruiz"));
        // And a closing mark drawn the wrong way round opens.
        let q = found("Ruiz said: ”We will rebuild.” She left.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "”We will rebuild.”");
    }

    #[test]
    fn speaker_before_the_quote_with_a_colon() {
        let q = found(
            "Ellen Okafor, the mayor, spoke first. Okafor told reporters: \"We held the line.\"",
        );
        assert_eq!(q[0].1.as_deref(), Some("Ellen Okafor"));
    }

    #[test]
    fn quote_split_by_its_attribution_is_one_speaker() {
        let q = found("\"I just want to say,\" Ann Lee said, \"that the dam held all night.\"");
        assert_eq!(q.len(), 2);
        assert!(q.iter().all(|x| x.1.as_deref() == Some("Ann Lee")), "{q:?}");
    }

    #[test]
    fn quotation_over_several_paragraphs_keeps_its_speaker() {
        let text = "Tom Reyes, the engineer, was blunt. He said: \"The deck was old.\n\"The cables were older.\n\"Nobody listened.\"\nThe council met later.\n";
        let q = found(text);
        assert_eq!(q.len(), 3, "{q:?}");
        assert!(
            q.iter().all(|x| x.1.as_deref() == Some("Tom Reyes")),
            "{q:?}"
        );
        assert!(q.iter().all(|x| x.2.as_deref() == Some("He")), "{q:?}");
    }

    #[test]
    fn a_lone_carriage_return_ends_a_paragraph() {
        // An unclosed quotation closes at the end of its paragraph, with LF, CRLF or CR.
        for end in ["\n", "\r\n", "\r"] {
            let text = format!(
                "Ann Lee said: \"The dam held all night.{end}The council met on Monday.{end}"
            );
            let q = found(&text);
            assert_eq!(q.len(), 1, "{end:?}: {q:?}");
            assert_eq!(q[0].0, "\"The dam held all night.", "{end:?}");
        }
    }

    #[test]
    fn partial_quote_inside_a_sentence() {
        let q =
            found("Ann Lee visited. The mayor told reporters it was a \"proud moment\" to attend.");
        assert_eq!(q[0].0, "\"proud moment\"");
        assert_eq!(q[0].1.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn scare_quotes_and_titles_are_not_speech() {
        assert!(found("The so-called \"peace dividend\" never came.").is_empty());
        assert!(found("She starred in \"The Long Night\" last year.").is_empty());
    }

    #[test]
    fn pronoun_resolves_to_the_last_person() {
        let q = found("Kim Jong Un met the press. \"I never expected this,\" he said.");
        assert_eq!(q[0].1.as_deref(), Some("Kim Jong Un"));
        assert_eq!(q[0].2.as_deref(), Some("he"));
    }

    #[test]
    fn description_resolves_to_the_person_described() {
        let text = "US President Donald Trump met North Korean leader Kim Jong Un. As they met, the North Korean leader said: \"I never expected this.\"";
        assert_eq!(speakers(text), [Some("Kim Jong Un".into())]);
    }

    #[test]
    fn listener_is_not_the_speaker() {
        let q = found("\"We are not looking for speed,\" Donald Trump told reporters.");
        assert_eq!(q[0].2.as_deref(), Some("Donald Trump"));
    }

    #[test]
    fn according_to_names_the_speaker() {
        let q = found("The bridge was \"rated for twice the load,\" according to Ruth Adeyemi.");
        assert_eq!(q[0].1.as_deref(), Some("Ruth Adeyemi"));
    }

    #[test]
    fn single_quotes_are_quotes_and_apostrophes_are_not() {
        let q = found("'It's the leaders' choice to talk,' Kim said.");
        assert_eq!(q[0].0, "'It's the leaders' choice to talk,'");
        assert_eq!(q[0].1.as_deref(), Some("Kim"));
    }

    #[test]
    fn unnamed_speakers_are_noun_phrases() {
        let q =
            found("At the forum, one questioner claimed that \"the old rules are gone for good.\"");
        assert_eq!(q[0].2.as_deref(), Some("one questioner"));
        let q = found("\"The plan has no goal at all,\" said one council source on the panel.");
        assert_eq!(q[0].2.as_deref(), Some("one council source on the panel"));
    }

    #[test]
    fn dash_credits_a_quotation() {
        let q = found("“We want the bridge rebuilt this year.” ― Jorge Falcon");
        assert_eq!(q[0].1.as_deref(), Some("Jorge Falcon"));
    }

    #[test]
    fn participle_takes_the_sentence_subject() {
        let q = found("He then defended the remark, saying, \"It was a fair question to ask.\"");
        assert_eq!(q[0].2.as_deref(), Some("He"));
    }

    #[test]
    fn content_after_the_verb_is_not_the_speaker() {
        let q = found("The clip says Kaine \"has a passion for the wrong people.\"");
        assert_eq!(q[0].2.as_deref(), Some("The clip"));
        let q = found("He's claiming that fraud is \"a big, big problem in this country.\"");
        assert_eq!(q[0].2.as_deref(), Some("He's"));
    }

    #[test]
    fn attribution_split_off_after_a_question_mark() {
        let q = found("“How many times must this happen?” Okafor said. “It cannot go on.”");
        assert_eq!(q[0].2.as_deref(), Some("Okafor"));
    }

    #[test]
    fn a_noun_that_looks_like_a_verb_is_not_one() {
        let q = found("She says Lee's late-night tweets were “lies and conspiracy theories.”");
        assert_eq!(q[0].2.as_deref(), Some("She"));
    }

    #[test]
    fn what_he_called_defers_to_the_main_speaker() {
        let q = found("Ann Lee-Marsh condemned what she called a \"reckless waste of money.\"");
        assert_eq!(q[0].2.as_deref(), Some("Ann Lee-Marsh"));
    }

    #[test]
    fn appositive_between_speaker_and_verb() {
        let q = found(
            "Stefan Lee, chairman of the Harbour Party, argued that councils \"must be able to bear\" the cost.",
        );
        assert_eq!(q[0].2.as_deref(), Some("Stefan Lee"));
        let q = found(
            "Yang Shu, director of the institute, calls Horgos \"a mistake from the very start.\"",
        );
        assert_eq!(q[0].2.as_deref(), Some("Yang Shu"));
    }

    #[test]
    fn quote_only_paragraph_goes_on_with_the_last_speaker() {
        let text = "\"The deck was old,\" Tom Reyes said.\n\"I hope the next one lasts longer than this.\"\nThe council met.\n";
        let q = found(text);
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].1.as_deref(), Some("Tom Reyes"));
    }

    #[test]
    fn a_later_clause_is_not_the_speaker() {
        let text = "Tom Reyes arrived. The engineer told reporters it was a \"fine result\" for the town and said he was \"relieved\" about it.";
        let q = found(text);
        assert_eq!(q[0].2.as_deref(), Some("The engineer"));
        assert_eq!(q[0].1.as_deref(), Some("Tom Reyes"));
    }

    #[test]
    fn he_added_goes_on_with_the_last_speaker() {
        let text = "\"We came to talk,\" Mayor Ann Lee said alongside Tom Reyes.\nHe added it was \"a great day for the whole town\".\n";
        assert_eq!(
            speakers(text),
            [Some("Ann Lee".into()), Some("Ann Lee".into())]
        );
    }

    #[test]
    fn names_inside_quotations_are_not_antecedents() {
        let text = "\"We will see Governor Marsh next week,\" Mr Reyes said. The engineer said it would be \"a useful meeting for everyone\".";
        assert_eq!(speakers(text)[1].as_deref(), Some("Reyes"));
    }

    #[test]
    fn participle_defers_to_the_verb_before_it() {
        let text =
            "\"We will hold,\" said Kim, adding that the talks could happen \"just overnight\".";
        let q = found(text);
        assert_eq!(q[1].2.as_deref(), Some("Kim"));
    }

    #[test]
    fn a_role_keeps_its_modifier() {
        let q = found("\"It is a perfect landing,\" mission director Ilse Vandermeer said.");
        assert_eq!(q[0].2.as_deref(), Some("mission director Ilse Vandermeer"));
        assert_eq!(q[0].1.as_deref(), Some("Ilse Vandermeer"));
    }

    #[test]
    fn a_line_of_many_quote_marks_finishes() {
        let text = "\"alpha ".repeat(20_000);
        let q = found(&text);
        assert!(q.len() < 20_000);
    }

    #[test]
    fn a_sentence_adverb_is_not_a_speaker() {
        let q = found("However, he said: \"The dam will hold for another year.\"");
        assert_eq!(q[0].2.as_deref(), Some("he"));
    }

    #[test]
    fn unbalanced_mark_closes_at_paragraph_end() {
        let text =
            "\"We held the line, Okafor said.\nThe water fell. \"It is over,\" Okafor said.\n";
        let q = found(text);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].0, "\"It is over,\"");
    }

    /// The speaker mention and the guessed flag of each quotation.
    fn mentions(text: &str) -> Vec<(Option<String>, bool)> {
        let doc = crate::inspect(Source::new("t", text));
        doc.quotes
            .iter()
            .map(|q| {
                (
                    q.speaker_mention.map(|m| m.of(text).to_string()),
                    q.speaker_guessed,
                )
            })
            .collect()
    }

    #[test]
    fn a_role_before_a_post_posed_name_is_part_of_the_speaker() {
        let q = found("\"The tide comes in twice a day,\" said harbour master Ilse Brandt.");
        assert_eq!(q[0].2.as_deref(), Some("harbour master Ilse Brandt"));
        assert_eq!(q[0].1.as_deref(), Some("Ilse Brandt"));
        let q = found("\"We were ready,\" former county adviser Tomas Reyes said.");
        assert_eq!(q[0].2.as_deref(), Some("former county adviser Tomas Reyes"));
        let q = found("In short, explained station manager Ada Holm: \"We cannot run at night.\"");
        assert_eq!(q[0].2.as_deref(), Some("station manager Ada Holm"));
    }

    #[test]
    fn an_attribution_after_the_rest_of_the_sentence_names_the_speaker() {
        let q = found(
            "Ferris \"drew well from rural voters\" in the spring vote, said county professor Ana Bell.",
        );
        assert_eq!(q[0].1.as_deref(), Some("Ana Bell"));
        let q = found("\"Bookings are strong\" and sales picked up again last week, Gilbert said.");
        assert_eq!(q[0].1.as_deref(), Some("Gilbert"));
        // A speaker before the quotation wins over a comma clause further on.
        let q =
            found("Moss said the drive brought \"a flood of new members\" to the club, Cole said.");
        assert_eq!(q[0].1.as_deref(), Some("Moss"));
    }

    #[test]
    fn a_capitalised_word_inside_a_name_is_no_speech_verb() {
        let q = found(
            "Holm said that the United States would not act until Berro \"admits the harm.\"",
        );
        assert_eq!(q[0].2.as_deref(), Some("Holm"));
    }

    #[test]
    fn a_quotation_inside_a_sentence_is_its_subjects_as_a_guess() {
        let q =
            mentions("Governor Ada Lind has again pushed for \"a full inquiry\" into the fire.");
        assert_eq!(q, vec![(Some("Governor Ada Lind".to_string()), true)]);
        let q = mentions(
            "On Tuesday, the city council voted to back \"an open and fair review of it.\"",
        );
        assert_eq!(q, vec![(Some("the city council".to_string()), true)]);
        // A plain noun opening the sentence is nobody.
        assert!(
            found("Boos rained down as the crowd heard \"the long-promised ferry plan.\"")
                .iter()
                .all(|q| q.2.is_none())
        );
        // Nor does a title become speech because the sentence has a subject.
        assert!(found("She starred in \"The Long Night\" last year.").is_empty());
    }

    #[test]
    fn a_participle_takes_the_name_right_before_it() {
        let q = found(
            "Ryan saying he was \"very encouraged\" and Moss calling it a \"great meeting.\"",
        );
        assert_eq!(q[0].1.as_deref(), Some("Ryan"));
        assert_eq!(q[1].1.as_deref(), Some("Moss"));
        // A statement is no speaker: the sentence's subject is.
        let q = found(
            "The town released a statement saying the remarks were \"unfair to every resident.\"",
        );
        assert_eq!(q[0].2.as_deref(), Some("The town"));
        // A conjunction and an adverb open the sentence, not the subject.
        let q = found("And then Ferro went on the attack, saying, \"He should resign at once!\"");
        assert_eq!(q[0].1.as_deref(), Some("Ferro"));
    }

    #[test]
    fn an_opening_phrase_is_not_the_subject() {
        let q = found(
            "Hours later, Nadia Brook returned the compliment, telling a radio host, \"I like him a lot.\"",
        );
        assert_eq!(q[0].1.as_deref(), Some("Nadia Brook"));
        let q = found(
            "Carly Fenwick backed the plan on Wednesday, saying it was time for \"a real change in the port.\"",
        );
        assert_eq!(q[0].1.as_deref(), Some("Carly Fenwick"));
        let q = found(
            "KELSO, May 3 (Wire) — Dana Whitcombe called the vote \"a day for the whole town.\"",
        );
        assert_eq!(q[0].1.as_deref(), Some("Dana Whitcombe"));
    }

    #[test]
    fn a_relative_who_stands_for_the_name_before_it() {
        let q = found(
            "Ana Bell, who has in the past described the plan as \"a costly mistake,\" stayed away.",
        );
        assert_eq!(q[0].2.as_deref(), Some("who"));
        assert_eq!(q[0].1.as_deref(), Some("Ana Bell"));
        // A relative clause before the verb that takes the quotation.
        let q = found(
            "Ana Bell, who says the port needs more staff, wrote that the plan \"will not last the winter.\"",
        );
        assert_eq!(q[0].1.as_deref(), Some("Ana Bell"));
    }

    #[test]
    fn a_short_sentence_after_a_quotation_attributes_it_with_any_verb() {
        let q = found("\"Is that negotiable?\" Hannon pressed. \"Not at all.\"");
        assert_eq!(q[0].1.as_deref(), Some("Hannon"));
        let q = found(
            "\"We will rebuild the bridge.\" Borough senior adviser Paul Manley conceded in an interview.",
        );
        assert_eq!(q[0].1.as_deref(), Some("Paul Manley"));
        // A longer sentence with a verb that is not a speech verb attributes nothing.
        let q =
            found("\"We will rebuild the bridge,\" Manley and the council hoped on Monday night.");
        assert!(q.iter().all(|q| q.1.is_none()));
    }

    #[test]
    fn a_name_before_a_colon_introduces_the_quotation() {
        let q = found("Rep. Tomas Grady (R-Ohio): \"How did the e-mails end up in the system?\"");
        assert_eq!(q[0].1.as_deref(), Some("Tomas Grady"));
        // Not the object of a longer sentence.
        let q =
            found("Lind delivered a blunt message to Moss: \"Come back to the table and talk.\"");
        assert_ne!(q[0].1.as_deref(), Some("Moss"));
    }

    #[test]
    fn a_party_in_brackets_and_a_body_of_the_name_keep_the_speaker() {
        let q =
            found("\"It is an insult to the whole valley,\" Rep. Gwen Marr (D-Ore.) said Friday.");
        assert_eq!(q[0].1.as_deref(), Some("Gwen Marr"));
        let q = found("\"The river will rise again,\" Mr. Morgan of the River Trust said.");
        assert_eq!(q[0].2.as_deref(), Some("Mr. Morgan of the River Trust"));
        let q = found("\"We will appeal,\" a spokesman for county officials said.");
        assert_eq!(q[0].2.as_deref(), Some("a spokesman for county officials"));
        // A name after a preposition is what was spoken of: "32% of Northern claims".
        let q = found("The survey rated 32% of Northern claims as \"mostly false\" last year.");
        assert_ne!(q.first().and_then(|q| q.2.as_deref()), Some("of Northern"));
    }

    #[test]
    fn a_quotation_opening_its_sentence_is_the_subjects_before_it_as_a_guess() {
        let q = mentions(
            "Mayor Dana Whitcombe defended the budget. \"It will pay for itself within five years.\"",
        );
        assert_eq!(q, vec![(Some("Mayor Dana Whitcombe".to_string()), true)]);
        // Not a plain noun or a possessive.
        let q = mentions("Voices rose in the hall. \"It will never pay for itself at all.\"");
        assert!(q.iter().all(|q| q.0.is_none()));
    }

    #[test]
    fn two_names_joined_by_and_are_one_attribution() {
        let q = found("\"There is a small chance of an upset,\" Ada Holm and Bo Park wrote.");
        assert_eq!(q[0].2.as_deref(), Some("Ada Holm and Bo Park"));
    }

    #[test]
    fn a_pronoun_is_the_subject_before_it_not_the_last_speaker() {
        let q = speakers(
            "\"We are proud of the crew,\" Mayor Dana Whitcombe said. Harbour master Ilse \
             Brandt walked to the quay. \"The tide was with us,\" she said.",
        );
        assert_eq!(q[1].as_deref(), Some("Ilse Brandt"));
        // Its own sentence's subject comes first.
        let q = speakers(
            "\"We are proud,\" Mayor Dana Whitcombe said. Ilse Brandt left the quay, and she \
             said: \"The tide was with us.\"",
        );
        assert_eq!(q[1].as_deref(), Some("Ilse Brandt"));
    }

    #[test]
    fn a_pronoun_agrees_in_gender_where_the_report_shows_it() {
        let q = speakers(
            "Dana Whitcombe runs the port. \"We are proud,\" Ms. Whitcombe said. Tomas Reyes \
             nodded at the crowd, as Mr. Reyes had promised. \"It was hard,\" she said.",
        );
        assert_eq!(q[1].as_deref(), Some("Dana Whitcombe"));
        let q = speakers(
            "\"We are ready,\" Captain Tomas Reyes said. Then spokeswoman Ada Holm stood by \
             the boats. \"We will sail at dawn,\" he said.",
        );
        assert_eq!(q[1].as_deref(), Some("Tomas Reyes"));
    }

    #[test]
    fn he_added_goes_on_with_the_speaker_and_a_thing_is_never_a_speaker() {
        let q = speakers(
            "\"The ferry is safe,\" Captain Tomas Reyes said. Inspector Bo Park checked the \
             hull. \"We sail at noon,\" he added.",
        );
        assert_eq!(q[1].as_deref(), Some("Tomas Reyes"));
        let q = speakers(
            "\"The ferry is safe,\" Captain Tomas Reyes said. The decision came on Feb. 3. \
             \"We sail at noon,\" he said.",
        );
        assert_eq!(q[1].as_deref(), Some("Tomas Reyes"));
    }

    #[test]
    fn a_participle_after_a_subordinate_clause_is_its_subjects() {
        let q = found(
            "Lind's remarks came as Oduya turned down an invitation to meet, saying such a \
             meeting \"could deepen the sense of division in the port.\"",
        );
        assert_eq!(q[0].1.as_deref(), Some("Oduya"));
        // "and" joins names, it opens no clause.
        let q = found(
            "Elin Marsh wrote a letter to Sara and Tove Lind on her page, saying they should \
             \"try showing a little patience.\"",
        );
        assert_eq!(q[0].1.as_deref(), Some("Elin Marsh"));
    }

    #[test]
    fn a_possessive_subject_names_what_is_theirs_not_them() {
        let q = mentions(
            "Mayor Dana Lind's right-hand woman rallied supporters, saying: \"We will keep \
             the ferry running every single day.\"",
        );
        assert_eq!(
            q[0].0.as_deref(),
            Some("Mayor Dana Lind's right-hand woman")
        );
        let q = found(
            "Mayor Dana Lind's right-hand woman rallied supporters, saying: \"We will keep \
             the ferry running every single day.\"",
        );
        assert_eq!(q[0].1, None);
    }

    #[test]
    fn police_and_officials_speak_as_a_body_not_as_the_last_person_named() {
        let text = "\"We never left the cabins,\" Corin Baptiste said. \"The cabins were never \
                    in danger,\" police said. \"We are checking the rope,\" state officials said.";
        let doc = crate::inspect(Source::new("t", text));
        let got: Vec<(Option<&str>, bool)> = doc
            .quotes
            .iter()
            .map(|q| (q.speaker.as_deref(), q.speaker_guessed))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("Corin Baptiste"), false),
                (Some("police"), false),
                (Some("state officials"), false)
            ]
        );
    }

    #[test]
    fn a_nickname_in_quote_marks_is_no_quotation() {
        let q = found(
            "Organiser James “Jim” Ferrow said the strike would go on “as long as it takes.”",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "“as long as it takes.”");
        // Quoted words elsewhere are still a quotation.
        assert_eq!(
            found("Ferrow called it “Unfair Rota Day” at the gate.").len(),
            1
        );
    }

    #[test]
    fn an_opening_phrase_before_a_comma_is_passed_over_for_the_pronoun() {
        // "Back on NBC," is no subject: "he" is Lind, not the speaker quoted before.
        let q = speakers(
            "\"I doubt he wants it,\" Tomas Reyes said. Back on the radio, Ove Lind said \
             the port would recover. \"This town is going to come back,\" he said.",
        );
        assert_eq!(q[1].as_deref(), Some("Ove Lind"));
        // "Lind on Saturday accused": a day between a subject and its verb.
        let q = found("Ove Lind on Saturday accused the board of \"closing the door on us.\"");
        assert_eq!(q[0].1.as_deref(), Some("Ove Lind"));
        // A name with "of" in it is a name.
        let q = speakers(
            "\"I doubt it,\" Tomas Reyes said. Secretary of State Ann Lee, back from Oslo, \
             spoke next. \"We will help,\" she said.",
        );
        assert_eq!(q[1].as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn a_document_speaks_for_nobody_the_report_names() {
        let q = found(
            "Congressman Ode Grimsby was charged on Monday. \"He will be vindicated,\" the \
             statement said.",
        );
        assert_eq!(q[0].2.as_deref(), Some("the statement"));
        assert_eq!(q[0].1, None);
    }

    #[test]
    fn a_handle_after_as_opens_no_clause() {
        let q = found(
            "Elin Marsh, who posts as @HarbourGirl and was an aide to a senator, wrote to \
             the two sisters on her page, saying they should \"try showing a little patience.\"",
        );
        assert_eq!(q[0].1.as_deref(), Some("Elin Marsh"));
    }

    #[test]
    fn a_role_the_report_says_someone_holds_names_them() {
        // "has become the first serving US president": a role by a verb of being.
        let q = speakers(
            "Ana Vidal has become the first serving Arlen president to visit the island. \
             Vidal shook hands with Tomas Reyes at the pier. The Arlen president told \
             reporters it was a \"great honour\" to be there.",
        );
        assert_eq!(q[0].as_deref(), Some("Ana Vidal"));
    }

    #[test]
    fn a_pronoun_never_stands_for_a_body_or_a_day() {
        let q = speakers(
            "\"We will win,\" Tomas Reyes said. Kelso Family Foundation backed the plan on \
             Monday. \"It is a good day,\" he said.",
        );
        assert_eq!(q[1].as_deref(), Some("Tomas Reyes"));
    }
}
