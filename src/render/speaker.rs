//! How every printer words a quotation's speaker, in the same words in every format: a name
//! the attribution gives, a name only guessed from context, or no speaker at all.

use crate::model::{Pair, Quote, QuoteMatch};

/// What follows a speaker taken from context rather than from an attribution.
pub(crate) const GUESSED: &str = "speaker guessed from context";
/// What stands for the speaker of a quotation no speaker was found for.
pub(crate) const UNKNOWN: &str = "speaker unknown";

/// Who said a quotation, as far as the report tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Speaker<'a> {
    /// Named by the attribution: a name, a title, a description written with the name, "he"
    /// or "she".
    Named(&'a str),
    /// Only guessed from the sentences around the quotation: the last person named before
    /// words that name nobody ("the engineer", "they"), the subject of a sentence with no
    /// speech verb ("Lind pushed for \"a full inquiry\""), or the person the sentence before
    /// is about.
    Guessed(&'a str),
    /// No speaker found.
    Unknown,
}

impl<'a> Speaker<'a> {
    pub(crate) fn of(quote: &'a Quote) -> Speaker<'a> {
        match quote.speaker.as_deref() {
            Some(name) if quote.speaker_guessed => Speaker::Guessed(name),
            Some(name) => Speaker::Named(name),
            None => Speaker::Unknown,
        }
    }
}

/// The speaker in words: "Ruth Adeyemi", "Ruth Adeyemi, speaker guessed from context" or
/// "speaker unknown". The name passes through `shown`, the printer's own escaping.
pub(crate) fn phrase(quote: &Quote, shown: impl Fn(&str) -> String) -> String {
    match Speaker::of(quote) {
        Speaker::Named(name) => shown(name),
        Speaker::Guessed(name) => format!("{}, {GUESSED}", shown(name)),
        Speaker::Unknown => UNKNOWN.to_string(),
    }
}

/// What the report wrote in place of a name, when its words name nobody: "the text says only
/// “police”". `None` for a named speaker, or when no words of attribution were found.
pub(crate) fn written(quote: &Quote, text: &str, shown: impl Fn(&str) -> String) -> Option<String> {
    if let Speaker::Named(_) = Speaker::of(quote) {
        return None;
    }
    let mention = quote.speaker_mention?.of(text);
    let mention = mention.split_whitespace().collect::<Vec<_>>().join(" ");
    // A guess read from a sentence's subject names the person: nothing to add.
    let surname = quote
        .speaker
        .as_deref()
        .and_then(|s| s.split_whitespace().last())
        .map(str::to_lowercase);
    if surname.is_some_and(|s| mention.to_lowercase().contains(&s)) {
        return None;
    }
    Some(format!("the text says only “{}”", shown(&mention)))
}

/// Why a speaker is only a guess, for a reader who asks: which words the report wrote and
/// whom factdiff took them for. `None` unless the speaker is guessed.
pub(crate) fn why_guessed(
    quote: &Quote,
    text: &str,
    shown: impl Fn(&str) -> String + Copy,
) -> Option<String> {
    let Speaker::Guessed(name) = Speaker::of(quote) else {
        return None;
    };
    let name = shown(name);
    let written = written(quote, text, shown)
        .map(|w| format!(": {w}"))
        .unwrap_or_default();
    Some(format!(
        "No attribution names {name}{written}. {name} was taken from the sentences around \
         the quotation, and may not be the speaker."
    ))
}

/// How a quotation match words its two speakers: "same speaker", "different speakers",
/// "speaker guessed from context, not compared" or "speakers not both known".
pub(crate) fn of_match(m: &QuoteMatch, quotes: Pair<&Quote>) -> &'static str {
    let speakers = quotes.map(Speaker::of);
    let any = |f: fn(&Speaker<'_>) -> bool| f(&speakers.left) || f(&speakers.right);
    match m.same_speaker {
        Some(true) => "same speaker",
        Some(false) => "different speakers",
        None if !any(|s| *s == Speaker::Unknown) && any(|s| matches!(s, Speaker::Guessed(_))) => {
            "speaker guessed from context, not compared"
        }
        None => "speakers not both known",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{QuoteKind, Span};

    const TEXT: &str = "“The brake held,” police said.";

    fn quote(speaker: Option<&str>, guessed: bool) -> Quote {
        Quote {
            span: Span::new(0, 21),
            speaker: speaker.map(str::to_string),
            speaker_mention: Some(Span::new(22, 28)),
            speaker_guessed: guessed,
        }
    }

    fn plain(s: &str) -> String {
        s.to_string()
    }

    #[test]
    fn a_guessed_speaker_is_said_to_be_a_guess_and_a_named_one_is_not() {
        let guessed = quote(Some("Sunniva Heske"), true);
        let named = quote(Some("Sunniva Heske"), false);
        assert_eq!(
            phrase(&guessed, plain),
            "Sunniva Heske, speaker guessed from context"
        );
        assert_eq!(phrase(&named, plain), "Sunniva Heske");
        assert_eq!(
            written(&guessed, TEXT, plain).as_deref(),
            Some("the text says only “police”")
        );
        assert_eq!(written(&named, TEXT, plain), None);
        let why = why_guessed(&guessed, TEXT, plain).unwrap();
        assert!(
            why.contains("“police”") && why.contains("sentences around"),
            "{why}"
        );
        assert_eq!(why_guessed(&named, TEXT, plain), None);
    }

    #[test]
    fn a_quotation_without_a_speaker_says_so() {
        let mut nobody = quote(None, false);
        assert_eq!(phrase(&nobody, plain), "speaker unknown");
        assert_eq!(
            written(&nobody, TEXT, plain).as_deref(),
            Some("the text says only “police”")
        );
        nobody.speaker_mention = None;
        assert_eq!(written(&nobody, TEXT, plain), None);
    }

    #[test]
    fn a_match_with_a_guessed_speaker_says_it_was_not_compared() {
        let m = QuoteMatch {
            quotes: Pair::new(0, 0),
            kind: QuoteKind::Verbatim,
            same_speaker: None,
        };
        let (guessed, named, nobody) = (
            quote(Some("Sunniva Heske"), true),
            quote(Some("Sunniva Heske"), false),
            quote(None, false),
        );
        assert_eq!(
            of_match(&m, Pair::new(&guessed, &named)),
            "speaker guessed from context, not compared"
        );
        assert_eq!(
            of_match(&m, Pair::new(&guessed, &nobody)),
            "speakers not both known"
        );
    }
}
