//! Words of a sentence and the keys they are matched on.
//!
//! A key folds what should not count as a difference between outlets: case, curly and
//! straight apostrophes, British and American spelling, number words and digit grouping,
//! inflection (by stemming, plus a table of irregular forms). `"Demilitarised"` and
//! `"demilitarized"` share a key; so do `"2,500"` and `"2500"`, `"three"` and `"3"`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use crate::model::{Key, Span, Token, TokenKind};

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Function words and reporting verbs: they hold a sentence together but carry no fact.
///
/// Negations ("not", "never"), quantities ("all", "more", "only") and order words
/// ("before", "after") are deliberately absent: a change in them changes the fact.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "being",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "for",
    "from",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "my",
    "myself",
    "of",
    "on",
    "or",
    "our",
    "ours",
    "ourselves",
    "said",
    "say",
    "says",
    "saying",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "told",
    "us",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "'s",
    "s",
    "mr",
    "mrs",
    "ms",
    "dr",
    "according",
    "added",
    "stated",
];

/// Irregular forms the stemmer cannot join to their base word.
const IRREGULAR: &[(&str, &str)] = &[
    ("met", "meet"),
    ("held", "hold"),
    ("went", "go"),
    ("gone", "go"),
    ("took", "take"),
    ("taken", "take"),
    ("gave", "give"),
    ("given", "give"),
    ("made", "make"),
    ("won", "win"),
    ("lost", "lose"),
    ("fled", "flee"),
    ("died", "die"),
    ("dead", "die"),
    ("death", "die"),
    ("deaths", "die"),
    ("ran", "run"),
    ("began", "begin"),
    ("begun", "begin"),
    ("came", "come"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("fought", "fight"),
    ("brought", "bring"),
    ("bought", "buy"),
    ("caught", "catch"),
    ("thought", "think"),
    ("found", "find"),
    ("sought", "seek"),
    ("sold", "sell"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("wrote", "write"),
    ("written", "write"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("struck", "strike"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("knew", "know"),
    ("known", "know"),
    ("shot", "shoot"),
    ("led", "lead"),
    ("sent", "send"),
    ("spent", "spend"),
    ("built", "build"),
    ("paid", "pay"),
    ("laid", "lay"),
    ("stood", "stand"),
    ("kept", "keep"),
    ("felt", "feel"),
    ("meant", "mean"),
    ("heard", "hear"),
    ("fed", "feed"),
    ("left", "leave"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("broke", "break"),
    ("broken", "break"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("wore", "wear"),
    ("worn", "wear"),
    ("bore", "bear"),
    ("born", "bear"),
    ("children", "child"),
    ("men", "man"),
    ("women", "woman"),
    ("people", "person"),
    ("mice", "mouse"),
    ("feet", "foot"),
    ("teeth", "tooth"),
    ("better", "good"),
    ("best", "good"),
    ("worse", "bad"),
    ("worst", "bad"),
];

/// British spellings folded to the American form, where no suffix rule covers them.
const SPELLING: &[(&str, &str)] = &[
    ("programme", "program"),
    ("programmes", "programs"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("pretence", "pretense"),
    ("grey", "gray"),
    ("aluminium", "aluminum"),
    ("tyre", "tire"),
    ("tyres", "tires"),
    ("cheque", "check"),
    ("plough", "plow"),
    ("sceptic", "skeptic"),
    ("sceptical", "skeptical"),
    ("mould", "mold"),
    ("judgement", "judgment"),
    ("ageing", "aging"),
    ("manoeuvre", "maneuver"),
    ("jewellery", "jewelry"),
    ("kerb", "curb"),
    ("storey", "story"),
    ("draught", "draft"),
    ("enrol", "enroll"),
    ("fulfil", "fulfill"),
    ("pyjamas", "pajamas"),
    ("whilst", "while"),
    ("amongst", "among"),
    ("towards", "toward"),
    ("afterwards", "afterward"),
];

/// Abbreviations news copy uses for titles, company forms and dates, read as their words.
/// Ambiguous ones ("sun", "sat", "may", "st", "ft") are left alone.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("gen", "general"),
    ("maj", "major"),
    ("lt", "lieutenant"),
    ("col", "colonel"),
    ("capt", "captain"),
    ("sgt", "sergeant"),
    ("cmdr", "commander"),
    ("adm", "admiral"),
    ("sen", "senator"),
    ("rep", "representative"),
    ("gov", "governor"),
    ("pres", "president"),
    ("supt", "superintendent"),
    ("insp", "inspector"),
    ("det", "detective"),
    ("prof", "professor"),
    ("corp", "corporation"),
    ("inc", "incorporated"),
    ("ltd", "limited"),
    ("dept", "department"),
    ("govt", "government"),
    ("intl", "international"),
    ("assn", "association"),
    ("univ", "university"),
    ("mt", "mount"),
    ("pct", "percent"),
    ("jan", "january"),
    ("feb", "february"),
    ("apr", "april"),
    ("jun", "june"),
    ("jul", "july"),
    ("aug", "august"),
    ("sep", "september"),
    ("sept", "september"),
    ("oct", "october"),
    ("nov", "november"),
    ("dec", "december"),
    ("tues", "tuesday"),
    ("wed", "wednesday"),
    ("thurs", "thursday"),
    ("fri", "friday"),
];

/// Words whose double "l" is British ("travelled", "cancelling").
const DOUBLE_L_STEMS: &[&str] = &[
    "travel", "cancel", "label", "model", "fuel", "signal", "total", "level", "channel", "counsel",
    "dial", "duel", "equal", "jewel", "marshal", "pedal", "quarrel", "rival", "shovel", "tunnel",
    "libel", "panel", "marvel", "parcel", "spiral", "initial", "funnel",
];

/// Words ending in "our" that are not British spellings of "-or".
const OUR_WORDS: &[&str] = &[
    "our",
    "your",
    "four",
    "hour",
    "pour",
    "tour",
    "flour",
    "sour",
    "devour",
    "contour",
    "detour",
    "amour",
    "velour",
    "paramour",
    "troubadour",
];

const NUMBER_WORDS: &[(&str, &str)] = &[
    ("zero", "0"),
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("thirteen", "13"),
    ("fourteen", "14"),
    ("fifteen", "15"),
    ("sixteen", "16"),
    ("seventeen", "17"),
    ("eighteen", "18"),
    ("nineteen", "19"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("forty", "40"),
    ("fifty", "50"),
    ("sixty", "60"),
    ("seventy", "70"),
    ("eighty", "80"),
    ("ninety", "90"),
    ("hundred", "100"),
    ("thousand", "1000"),
    ("million", "1000000"),
    ("billion", "1000000000"),
    ("dozen", "12"),
    ("first", "1st"),
    ("second", "2nd"),
    ("third", "3rd"),
    ("fourth", "4th"),
    ("fifth", "5th"),
    ("sixth", "6th"),
    ("seventh", "7th"),
    ("eighth", "8th"),
    ("ninth", "9th"),
    ("tenth", "10th"),
];

static STOP: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| STOP_WORDS.iter().copied().collect());
static TABLES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    IRREGULAR
        .iter()
        .chain(SPELLING)
        .chain(ABBREVIATIONS)
        .copied()
        .collect::<HashMap<_, _>>()
});
static NUMBERS: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| NUMBER_WORDS.iter().copied().collect());
/// The keys of "percent" and "cent", worked out once.
static PERCENT: LazyLock<Key> = LazyLock::new(|| Key::new(&stem("percent")));
static CENT: LazyLock<Key> = LazyLock::new(|| Key::new(&stem("cent")));

/// The words of `span` in `text`, with their keys.
///
/// ```
/// use factdiff::model::{Span, TokenKind};
/// let text = "Mr Kim honoured the U.S. deal.";
/// let tokens = factdiff::text::tokens::tokenize(text, Span::new(0, text.len()));
/// let keys: Vec<&str> = tokens.iter().map(|t| t.key.as_str()).collect();
/// assert_eq!(keys, ["mr", "kim", "honor", "the", "US", "deal"]);
/// assert_eq!(tokens[1].kind, TokenKind::Name);
/// ```
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    Tokenizer::default().tokenize(text, span)
}

/// Tokenises the sentences of one text, working out each distinct word's key once: a
/// report repeats its words, and folding and stemming are most of the cost.
#[derive(Debug, Default)]
pub struct Tokenizer<'t> {
    /// The key and kind of a word, and whether it opened its sentence.
    known: FxHashMap<(&'t str, bool), Option<(Key, TokenKind)>>,
}

impl<'t> Tokenizer<'t> {
    /// The tokens of the sentence at `span` of `text`, as [`tokenize`] gives them.
    pub fn tokenize(&mut self, text: &'t str, span: Span) -> Vec<Token> {
        let body = span.of(text);
        let mut first = true;
        // About a token for every six bytes of news.
        let mut out = Vec::with_capacity(body.len() / 5 + 1);
        for (offset, word) in body.unicode_word_indices() {
            for (part_offset, part) in split_unit(word) {
                let known = self
                    .known
                    .entry((part, first))
                    .or_insert_with(|| token(part, first));
                if let Some((key, kind)) = known {
                    let start = span.start + offset + part_offset;
                    out.push(Token {
                        span: Span::new(start, start + part.len()),
                        key: *key,
                        kind: *kind,
                    });
                }
                first = false;
            }
            if body[offset + word.len()..].starts_with('%') {
                let start = span.start + offset + word.len();
                out.push(Token {
                    span: Span::new(start, start + 1),
                    key: *PERCENT,
                    kind: TokenKind::Word,
                });
            }
        }
        join_per_cent(&mut out);
        out
    }
}

/// "per cent" is one word, as "percent" and "%" are.
fn join_per_cent(tokens: &mut Vec<Token>) {
    let cent = *CENT;
    let mut k = 0;
    while k + 1 < tokens.len() {
        if tokens[k].key == "per" && tokens[k + 1].key == cent {
            tokens[k].span.end = tokens[k + 1].span.end;
            tokens[k].key = *PERCENT;
            tokens.remove(k + 1);
        }
        k += 1;
    }
}

/// Units written against their number ("1.5km", "850m", "12kg") that count as words.
const UNITS: &[&str] = &[
    "km", "m", "cm", "mm", "kg", "g", "mg", "t", "mph", "kph", "kmh", "ft", "lb", "lbs", "bn",
    "tn", "k", "mn", "ml", "l", "kw", "mw", "gw", "kwh", "sq", "pc", "pct", "am", "pm", "s",
];

/// A number with a unit glued to it, as two parts: `"1.5km"` -> `[(0, "1.5"), (3, "km")]`.
/// Ordinals ("3rd") and anything else stay whole.
fn split_unit(word: &str) -> impl Iterator<Item = (usize, &str)> {
    let digits = word
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(word.len());
    let unit = &word[digits..];
    if digits > 0 && !unit.is_empty() && UNITS.contains(&unit.to_ascii_lowercase().as_str()) {
        [(0, &word[..digits]), (digits, unit)].into_iter().take(2)
    } else {
        [(0, word), (0, "")].into_iter().take(1)
    }
}

/// The key and kind of one word; `sentence_start` says whether it opens the sentence.
fn token(word: &str, sentence_start: bool) -> Option<(Key, TokenKind)> {
    // Dots go from acronyms ("U.S."), never from numbers ("1.5" is not "15").
    let numeric = word.starts_with(|c: char| c.is_ascii_digit());
    // ASCII is its own normal form, and has no curly apostrophes or invisible hyphens.
    let folded: Cow<str> = if word.is_ascii() && (numeric || !word.contains('.')) {
        Cow::Borrowed(word)
    } else {
        word.nfkc()
            .filter(|&c| !matches!(c, '\u{200b}' | '\u{ad}') && (numeric || c != '.'))
            .map(|c| {
                if matches!(c, '’' | '‘' | 'ʼ') {
                    '\''
                } else {
                    c
                }
            })
            .collect()
    };
    let folded = folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix('\''))
        .unwrap_or(&folded);
    if !folded.chars().any(char::is_alphanumeric) {
        return None;
    }
    if folded.starts_with(|c: char| c.is_ascii_digit()) {
        return Some((Key::new(&folded.replace(',', "")), TokenKind::Number));
    }
    let lower = folded.to_lowercase();
    if let Some(digits) = NUMBERS.get(lower.as_str()) {
        return Some((Key::new(digits), TokenKind::Number));
    }
    let letters = folded.chars().filter(|c| c.is_alphabetic()).count();
    let acronym = letters >= 2 && folded.chars().all(|c| !c.is_lowercase());
    if acronym {
        // "US" the country must not match "us" the pronoun.
        let key = if STOP.contains(lower.as_str()) {
            folded
        } else {
            &lower
        };
        return Some((Key::new(key), TokenKind::Name));
    }
    if STOP.contains(lower.as_str()) {
        return Some((Key::new(&lower), TokenKind::Stop));
    }
    let capitalised = folded.starts_with(char::is_uppercase);
    let kind = if capitalised && !sentence_start {
        TokenKind::Name
    } else {
        TokenKind::Word
    };
    Some((stem_key(&lower), kind))
}

/// The stem of a lower-case word after folding irregular forms and British spelling.
///
/// `"travelled"` -> `"travel"`, `"organisation"` -> `"organ"`, `"honours"` -> `"honor"`.
pub fn stem(lower: &str) -> String {
    stem_key(lower).as_str().to_string()
}

/// [`stem`] as a key.
fn stem_key(lower: &str) -> Key {
    thread_local! {
        /// Stems this thread has worked out: reports repeat their words, and stemming is
        /// the dearest part of a key.
        static STEMS: std::cell::RefCell<FxHashMap<String, Key>> = Default::default();
    }
    STEMS.with_borrow_mut(|stems| {
        if let Some(&known) = stems.get(lower) {
            return known;
        }
        if stems.len() >= STEMS_REMEMBERED {
            stems.clear();
        }
        let stem = Key::new(&stem_afresh(lower));
        stems.insert(lower.to_string(), stem);
        stem
    })
}

/// The most stems a thread remembers.
const STEMS_REMEMBERED: usize = 1 << 16;

fn stem_afresh(lower: &str) -> String {
    if let Some(base) = TABLES.get(lower) {
        return STEMMER.stem(base).into_owned();
    }
    STEMMER.stem(&american(lower)).into_owned()
}

/// Folds the regular British spelling patterns: -ise/-isation, -our, -tre, -ogue, -lled.
fn american(word: &str) -> String {
    let n = word.len();
    if n < 5 || !word.is_ascii() {
        return word.to_string();
    }
    for (british, american) in [
        ("isation", "ization"),
        ("isations", "izations"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
    ] {
        if let Some(root) = word.strip_suffix(british)
            && root.len() >= 4
        {
            return format!("{root}{american}");
        }
    }
    for suffix in ["", "s", "ed", "ing", "able", "ite", "ites", "ful"] {
        if let Some(root) = word
            .strip_suffix(suffix)
            .and_then(|w| w.strip_suffix("our"))
            && root.len() >= 2
            && !OUR_WORDS.contains(&&word[..root.len() + 3])
        {
            return format!("{root}or{suffix}");
        }
    }
    for suffix in ["ed", "ing", "er", "ers"] {
        if let Some(root) = word.strip_suffix(suffix).and_then(|w| w.strip_suffix('l'))
            && DOUBLE_L_STEMS.contains(&root)
        {
            return format!("{root}{suffix}");
        }
    }
    if let Some(root) = word
        .strip_suffix("tre")
        .or_else(|| word.strip_suffix("tres"))
    {
        let plural = if word.ends_with('s') { "s" } else { "" };
        return format!("{root}ter{plural}");
    }
    if let Some(root) = word.strip_suffix("ogue") {
        return format!("{root}og");
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<Key> {
        tokenize(text, Span::new(0, text.len()))
            .into_iter()
            .map(|t| t.key)
            .collect()
    }

    #[test]
    fn british_and_american_spellings_share_keys() {
        assert_eq!(
            keys("demilitarised honour centre travelled"),
            keys("demilitarized honor center traveled")
        );
        assert_eq!(
            keys("organisation catalogue colours"),
            keys("organization catalog colors")
        );
    }

    #[test]
    fn our_words_are_not_folded() {
        assert_eq!(american("hours"), "hours");
        assert_eq!(american("devour"), "devour");
    }

    #[test]
    fn curly_and_straight_apostrophes_share_keys() {
        assert_eq!(keys("It\u{2019}s Kim\u{2019}s"), keys("It's Kim's"));
    }

    #[test]
    fn numbers_fold_grouping_and_words() {
        assert_eq!(keys("2,500 three"), ["2500", "3"]);
        assert_ne!(keys("1.5"), keys("15"));
        assert_eq!(keys("the third"), ["the", "3rd"]);
    }

    #[test]
    fn units_glued_to_numbers_are_words_of_their_own() {
        assert_eq!(keys("1.5km $850m 3rd"), ["1.5", "km", "850", "m", "3rd"]);
        let t = tokenize("ran 12kg", Span::new(0, 8));
        assert_eq!(t[2].span, Span::new(6, 8));
    }

    #[test]
    fn percent_is_one_word_however_written() {
        let percent = stem("percent");
        let expected: Vec<&str> = ["40", &percent].repeat(4);
        assert_eq!(keys("40% 40 percent 40 per cent 40 pct"), expected);
        let text = "up 3 per cent";
        let t = tokenize(text, Span::new(0, text.len()));
        assert_eq!(t[2].span.of(text), "per cent");
    }

    #[test]
    fn abbreviations_read_as_their_words() {
        assert_eq!(
            keys("Maj. Gen. Cole of Acme Corp. on Jan. 4"),
            keys("Major General Cole of Acme Corporation on January 4")
        );
    }

    #[test]
    fn irregular_forms_join_their_base() {
        assert_eq!(keys("met held"), keys("meets holding"));
    }

    #[test]
    fn us_the_country_is_not_us_the_pronoun() {
        let t = tokenize("the US and U.S. told us", Span::new(0, 23));
        assert_eq!(t[1].key, "US");
        assert_eq!(t[3].key, "US");
        assert_eq!(t[5].key, "us");
        assert_eq!(t[5].kind, TokenKind::Stop);
    }

    #[test]
    fn capitalised_words_inside_a_sentence_are_names() {
        let t = tokenize("Rain hit Seoul", Span::new(0, 14));
        assert_eq!(t[0].kind, TokenKind::Word);
        assert_eq!(t[2].kind, TokenKind::Name);
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "xx \u{201c}Caf\u{e9} 12\u{201d}";
        let t = tokenize(text, Span::new(3, text.len()));
        assert_eq!(t[0].span.of(text), "Caf\u{e9}");
        assert_eq!(t[1].span.of(text), "12");
    }

    #[test]
    fn a_tokenizer_remembers_words_apart_from_where_they_stand() {
        let text = "Rain fell on Rain Street. Rain stopped.";
        let (first, second) = (Span::new(0, 25), Span::new(26, 39));
        let mut tokenizer = Tokenizer::default();
        let kinds = |tokens: Vec<Token>| tokens.into_iter().map(|t| t.kind).collect::<Vec<_>>();
        let once = tokenizer.tokenize(text, first);
        assert_eq!(
            kinds(once.clone())[..4],
            [
                TokenKind::Word,
                TokenKind::Word,
                TokenKind::Stop,
                TokenKind::Name
            ]
        );
        assert_eq!(kinds(tokenizer.tokenize(text, second))[0], TokenKind::Word);
        assert_eq!(tokenizer.tokenize(text, first), once);
    }
}
