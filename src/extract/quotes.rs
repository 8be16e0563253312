//! Direct quotations and who said them.
//!
//! Quote marks are paired paragraph by paragraph: curly marks say which way they face,
//! straight ones are judged by their neighbours. A quotation that runs over several
//! paragraphs reopens each paragraph and closes only in the last; an unbalanced mark closes
//! at the end of its paragraph, so one stray mark never loses the rest of the report.
//! The speaker is the name or pronoun next to a speech verb before or after the quote, or
//! on the line above ("He said:"), or the speaker of the quotation it continues; mentions
//! resolve through [`super::names::resolve`].

use std::sync::LazyLock;

use super::names::{self, PRONOUNS, Seen};
use crate::model::{Quote, Span};

/// Verbs (and phrases) that attribute speech.
const SPEECH_VERBS: &str = r"said|says|say|saying|claiming|arguing|insisting|warning|telling|noting|explaining|suggesting|stating|declaring|writing|asking|told|tells|tell|added|adds|adding|asked|asks|replied|replies|responded|responds|explained|explains|noted|notes|stated|states|wrote|writes|declared|declares|announced|announces|insisted|insists|argued|argues|claimed|claims|warned|warns|continued|continues|recalled|recalls|acknowledged|acknowledges|admitted|admits|conceded|concedes|confirmed|confirms|denied|denies|suggested|suggests|urged|urges|tweeted|tweets|posted|reported|reports|called|calls|described|describes|joked|jokes|quipped|shouted|yelled|vowed|vows|promised|promises|predicted|predicts|stressed|stresses|emphasized|emphasised|observed|remarked|commented|testified|concluded|cautioned|countered|agreed|agrees|exclaimed|boasted|complained|complains|answered|answers|pointed out|went on|characterized|characterised|characterizes|dubbed|labeled|labelled|branded|slammed|criticized|criticised|praised|accused|blasted|condemned|denounced|mocked|ridiculed|lamented|questioned|wondered|pledged|demanded|touted|hailed|welcomed|recounted|referred|tweeting|according to";

/// Words that may stand between a speaker and the verb ("he later said").
const ADVERBS: &[&str] = &[
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
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "two", "three", "this", "that", "these", "those", "his", "her",
    "their", "its", "our", "some", "many", "several", "another", "other", "each", "both",
];

/// Words that never end a noun phrase.
const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "that", "which", "who", "as",
    "than", "then", "so", "it", "was", "is", "were", "are", "be", "by", "from", "into",
];

/// Participles whose subject is the subject of the whole sentence ("He left, saying …").
const PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "telling",
    "tweeting",
    "noting",
    "arguing",
    "calling",
    "insisting",
    "writing",
    "explaining",
    "warning",
    "asking",
];

/// The pronoun in a contraction: "He's" -> "he".
fn pronoun(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    let bare = lower.split(['\'', '’']).next().unwrap_or("");
    PRONOUNS.contains(&bare).then(|| bare.to_string())
}

/// How far from a quotation its attribution is looked for, in bytes each way. Attributions
/// are local; the bound keeps a line of thousands of quotations linear.
const ATTRIBUTION_WINDOW: usize = 400;

/// A quote this short, with no attribution, is a scare quote or a title, not speech.
const MIN_UNATTRIBUTED_WORDS: usize = 4;

/// A speech verb found in a sentence.
#[derive(Clone, Copy, Debug)]
struct Verb<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

impl Verb<'_> {
    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }

    fn as_str(&self) -> &str {
        self.text
    }
}

/// The speech verbs, one word each; the verbs of two words are their first word here and
/// their second in [`TWO_WORD_VERBS`].
static VERBS: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    SPEECH_VERBS
        .split('|')
        .filter(|v| !v.contains(' '))
        .collect()
});

/// Speech verbs of two words ("pointed out", "according to").
static TWO_WORD_VERBS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    SPEECH_VERBS
        .split('|')
        .filter_map(|v| v.split_once(' '))
        .collect()
});

/// Speech verbs in `body`, except inside compounds ("so-called").
fn speech_verbs(body: &str) -> impl DoubleEndedIterator<Item = Verb<'_>> {
    verbs_in(body)
        .into_iter()
        .filter(|verb| !body[..verb.start].ends_with('-'))
}

/// Every speech verb in `body`, in order.
///
/// The verbs are ASCII words, so a verb is a run of ASCII letters (digits and `_` join a
/// run, as in a word) matching one, ignoring case.
fn verbs_in(body: &str) -> Vec<Verb<'_>> {
    let bytes = body.as_bytes();
    let mut out = Vec::new();
    let mut lower = String::new();
    // Where the last verb found ends: a verb of two words takes the next word with it.
    let mut taken = 0;
    for (start, at) in super::ascii_words(body) {
        if start < taken {
            continue;
        }
        lower.clear();
        lower.push_str(&body[start..at]);
        lower.make_ascii_lowercase();
        let mut end = VERBS.contains(lower.as_str()).then_some(at);
        for &(first, second) in TWO_WORD_VERBS.iter() {
            if lower != first {
                continue;
            }
            let Some(tail) = body[at..].strip_prefix(' ') else {
                continue;
            };
            let after = at + 1 + second.len();
            if tail
                .get(..second.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(second))
                && !bytes.get(after).is_some_and(|&b| super::is_ascii_word(b))
            {
                end = Some(after);
                break;
            }
        }
        if let Some(end) = end {
            out.push(Verb {
                start,
                end,
                text: &body[start..end],
            });
            taken = end;
        }
    }
    out
}

/// The quotations of a report whose sentences are `sentences`, in reading order.
pub fn quotes(text: &str, sentences: &[Span]) -> Vec<Quote> {
    quotes_with(text, sentences, names::names(text, sentences))
}

/// [`quotes`], given the report's names ([`names::names`] of the same sentences), for a
/// caller that needs them for other work too.
pub fn quotes_with(text: &str, sentences: &[Span], mut all_names: Vec<names::Named>) -> Vec<Quote> {
    all_names.retain(|n| !n.modifier);
    let index = names::NameIndex::new(&all_names);
    let mut out: Vec<Quote> = Vec::new();
    // The attribution of a quotation still open at the end of the paragraph before.
    let mut carried: Option<Attribution> = None;
    let mut previous_paragraph: Option<Span> = None;
    // The attribution of the last quotation of the paragraph before, if it had one.
    let mut previous: Option<Attribution> = None;
    let mut last_speaker: Option<String> = None;
    for paragraph in paragraphs(text, sentences) {
        let found = scan(text, paragraph.span, carried.is_some());
        let mut last_in_paragraph: Option<Attribution> = None;
        carried = carried.filter(|_| found.first().is_some_and(|q| q.continues));
        for raw in found.iter() {
            // Names come in reading order: those before the quotation are a prefix.
            let before = all_names.partition_point(|n| n.span.end <= raw.span.start);
            let seen = names::Seen::new(&all_names[..before], &index);
            let own = attribution(text, &paragraph, raw.span, seen, last_speaker.clone());
            let inherited = match (&carried, raw.continues, &last_in_paragraph) {
                (Some(c), true, _) => Some(c.clone()),
                (_, _, Some(last)) => Some(last.clone()),
                _ => line_above(text, previous_paragraph, seen).or_else(|| {
                    // A paragraph that is only a quotation goes on with the speaker of the
                    // quotation just before it.
                    let opens = raw.span.start == paragraph.span.start;
                    previous.clone().filter(|_| opens)
                }),
            };
            let found = own.or(inherited).unwrap_or_default();
            let words = raw.span.of(text).split_whitespace().count();
            if found.mention.is_none() && words < MIN_UNATTRIBUTED_WORDS {
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
            last_in_paragraph = Some(found.clone());
            carried = raw.open_at_end.then_some(found);
        }
        if found.is_empty() {
            carried = None;
        }
        previous = last_in_paragraph.filter(|a| a.mention.is_some());
        previous_paragraph = Some(paragraph.span);
    }
    out
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
fn attribution(
    text: &str,
    paragraph: &Paragraph,
    quote: Span,
    seen: Seen<'_>,
    last_speaker: Option<String>,
) -> Option<Attribution> {
    let first = paragraph.sentences.iter().find(|s| s.end > quote.start)?;
    let k = paragraph
        .sentences
        .iter()
        .rposition(|s| s.start < quote.end)?;
    let mut last = paragraph.sentences[k];
    // `"…." ― Ann Lee` or `"…?" Lee asked.`: the attribution was split off as a sentence.
    if let Some(next) = paragraph.sentences.get(k + 1)
        && last.end <= quote.end
        && is_attribution(next.of(text))
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
    let mention = after_quote(text, after).or_else(|| before_quote(text, before))?;
    let (speaker, guessed) = resolve(mention.of(text), seen, last_speaker);
    Some(Attribution {
        speaker,
        guessed,
        mention: Some(mention),
    })
}

/// Who a mention names. A pronoun in an attribution most often goes on with the speaker
/// quoted last ("He added"); other mentions resolve through the names seen before.
fn resolve(mention: &str, seen: Seen<'_>, last_speaker: Option<String>) -> (Option<String>, bool) {
    let speaker_pronoun = pronoun(mention).is_some_and(|p| matches!(p.as_str(), "he" | "she"));
    if speaker_pronoun && last_speaker.is_some() {
        return (last_speaker, false);
    }
    names::resolve_in(mention, seen).map_or((None, false), |r| (Some(r.name), r.guessed))
}

/// A short sentence that only says who spoke: "― Ann Lee", "asked Lee.", "Clinton said."
fn is_attribution(sentence: &str) -> bool {
    let short = sentence.split_whitespace().count() <= 6;
    let unquoted = !sentence.contains(['"', '“', '”']);
    let dash = sentence.starts_with(['―', '—', '–', '-']);
    short && unquoted && (dash || speech_verbs(sentence).next().is_some())
}

/// The speaker in the text right after a quotation, up to the next quotation.
fn after_quote(text: &str, after: Span) -> Option<Span> {
    let body = after.of(text);
    let stop = body.find(['"', '“', '”']).unwrap_or(body.len());
    let body = &body[..stop];
    let trimmed = body.trim_start_matches([',', ' ']);
    if trimmed.starts_with(['―', '—', '–', '-']) {
        // `"…" ― Jorge Falcon`: a credit line, no verb.
        let offset = body.len() - trimmed.len() + trimmed.chars().next().map_or(0, char::len_utf8);
        return subject_after(body, offset).map(|s| s.shift(after.start));
    }
    let verb = speech_verbs(body).next()?;
    let lead = &body[..verb.start()];
    if lead
        .trim_matches(|c: char| c.is_whitespace() || ",;:—–-".contains(c))
        .is_empty()
    {
        // `said Kim`, `according to the police`
        return subject_after(body, verb.end()).map(|s| s.shift(after.start));
    }
    // `Kim said`, `President Trump later told reporters`: the lead is the subject, whole.
    let subject = subject_before(body, verb.start())?;
    let whole = body[..subject.start]
        .trim_matches(|c: char| c.is_whitespace() || ",;:—–-".contains(c))
        .is_empty();
    whole.then(|| subject.shift(after.start))
}

/// The speaker in the text before a quotation: the subject of the last speech verb.
fn before_quote(text: &str, before: Span) -> Option<Span> {
    let body = before.of(text);
    // The nearest verb with a speaker wins; `what he called` defers to the clause around it.
    // A participle ("adding") defers to the speech verb before it, or the sentence subject.
    let mut deferred = None;
    for verb in speech_verbs(body).rev() {
        if PARTICIPLES.contains(&verb.as_str().to_lowercase().as_str()) {
            if deferred.is_none() {
                deferred = sentence_subject(body).or_else(|| subject_before(body, verb.start()));
            }
            continue;
        }
        let Some(subject) = verb_subject(body, &verb) else {
            continue;
        };
        let relative = body[..subject.start]
            .trim_end()
            .to_lowercase()
            .ends_with("what");
        if !relative {
            return Some(subject.shift(before.start));
        }
        deferred.get_or_insert(subject);
    }
    deferred.map(|s| s.shift(before.start))
}

/// The speaker of one speech verb in the text before a quotation.
fn verb_subject(body: &str, verb: &Verb<'_>) -> Option<Span> {
    let lower = verb.as_str().to_lowercase();
    if lower == "according to" {
        return subject_after(body, verb.end());
    }

    subject_before(body, verb.start()).or_else(|| inverted_subject(body, verb))
}

/// Verbs that may come before their speaker ("said Ms Lee"); after other verbs a noun is
/// what was said or called ("calls Horgos a mistake").
const INVERTING: &[&str] = &[
    "said",
    "says",
    "added",
    "asked",
    "wrote",
    "writes",
    "explained",
    "continued",
    "replied",
    "responded",
];

/// `said Ms Lee: "…"`: a speaker after the verb, when nothing but punctuation follows it.
fn inverted_subject(body: &str, verb: &Verb<'_>) -> Option<Span> {
    if !INVERTING.contains(&verb.as_str().to_lowercase().as_str()) {
        return None;
    }
    let span = subject_after(body, verb.end())?;
    let complement = span.of(body).to_lowercase().starts_with("that ");
    let rest = body[span.end..].trim();
    let alone = rest.trim_matches([',', ':']).is_empty() || rest.starts_with(',');
    (alone && !complement).then_some(span)
}

/// The subject that opens a sentence: a pronoun or a name ("He then defended it, saying").
fn sentence_subject(body: &str) -> Option<Span> {
    if body.trim_start().starts_with(['"', '“', '‘', '\'']) {
        return None;
    }
    let ws = words(body);
    let (pos, first) = *ws.first()?;
    if pronoun(first).is_some() {
        return Some(Span::new(pos, pos + first.len()));
    }
    let end = ws.iter().take_while(|w| capitalised(w.1)).last()?;
    Some(Span::new(pos, end.0 + end.1.len()))
}

/// A speaker on the line above that ends with a colon: `He said:` then the quotation.
fn line_above(text: &str, previous: Option<Span>, seen: Seen<'_>) -> Option<Attribution> {
    let previous = previous?;
    let body = previous.of(text);
    if !body.trim_end().ends_with(':') {
        return None;
    }
    let mention = before_quote(text, previous)?;
    let (speaker, guessed) = resolve(mention.of(text), seen, None);
    Some(Attribution {
        speaker,
        guessed,
        mention: Some(mention),
    })
}

/// Words of `body` with their byte offsets.
fn words(body: &str) -> Vec<(usize, &str)> {
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
fn capitalised(word: &str) -> bool {
    let lower = word.trim_end_matches([',', '.']).to_lowercase();
    word.starts_with(char::is_uppercase)
        && !DISCOURSE.contains(&lower.as_str())
        && !names::is_calendar(word)
}

/// Sentence adverbs and conjunctions: capitalised when they open a sentence, never a speaker.
const DISCOURSE: &[&str] = &[
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

fn is_role(word: &str) -> bool {
    names::is_role_word(
        word.to_lowercase()
            .trim_end_matches("'s")
            .trim_end_matches("’s"),
    )
}

/// The noun phrase that ends just before `verb_start`: a pronoun, a name, or a description.
fn subject_before(body: &str, verb_start: usize) -> Option<Span> {
    let ws: Vec<(usize, &str)> = words(&body[..verb_start]);
    let mut k = ws.len();
    while k > 0 && ADVERBS.contains(&ws[k - 1].1.to_lowercase().as_str()) {
        k -= 1;
    }
    let end_word = k.checked_sub(1)?;
    let (pos, word) = ws[end_word];
    let gap = &body[pos + word.len()..ws.get(end_word + 1).map_or(verb_start, |w| w.0)];
    if gap.contains([';', ':', '"', '“', '”']) {
        return None;
    }
    if gap.contains(',') {
        return appositive_subject(body, pos + word.len());
    }
    if pronoun(word).is_some() {
        return Some(Span::new(pos, pos + word.len()));
    }
    if let Some(phrase) = determined_phrase(&ws, end_word) {
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
        if !joins
            || !(capitalised(prev)
                || is_role(prev)
                || matches!(prev, "of" | "de" | "van" | "von" | "al"))
        {
            break;
        }
        start -= 1;
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

/// `Stefan Lee, chairman of the party, argued`: the subject before an appositive that ends
/// at `comma_at`.
fn appositive_subject(body: &str, comma_at: usize) -> Option<Span> {
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
fn determined_phrase(ws: &[(usize, &str)], end_word: usize) -> Option<Span> {
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

/// The noun phrase that starts just after `verb_end`: `said Rep. Ann Lee of Ohio`.
fn subject_after(body: &str, verb_end: usize) -> Option<Span> {
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
    while k < ws.len() {
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
        if !(capitalised(w) || is_role(w) || particle || free) {
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

#[cfg(test)]
mod tests {
    use crate::text::matcher_tests::{CASES, glue, run, spans, texts};

    #[test]
    fn speech_verbs_agree_with_their_expression() {
        let expression =
            regex::Regex::new(&format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", super::SPEECH_VERBS))
                .unwrap();
        let piece = proptest::sample::select(vec![
            "said",
            "SAID",
            "says",
            "saying",
            "sayings",
            "pointed",
            "out",
            "pointed out",
            "went",
            "on",
            "according",
            "to",
            "according to",
            "told",
            "so-called",
            "said2",
            "_said",
            "é",
            "“",
            " ",
            "  ",
            "-",
            ",",
            "x",
            "asked",
        ]);
        run(CASES, &texts(piece, glue(), 1..10), |text| {
            let by_hand: Vec<(usize, usize)> = super::verbs_in(&text)
                .iter()
                .map(|v| (v.start(), v.end()))
                .collect();
            proptest::prop_assert_eq!(by_hand, spans(&expression, &text), "{:?}", text);
            Ok(())
        });
    }

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
}
