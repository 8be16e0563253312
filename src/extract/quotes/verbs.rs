//! Speech verbs: the words that attribute a quotation to someone ("said", "told",
//! "according to"), found by hand in a sentence, and the verbs that take their speaker
//! after them or name only who was spoken to.

use std::sync::LazyLock;

/// Verbs (and phrases) that attribute speech.
pub(super) const SPEECH_VERBS: &str = r"said|says|say|saying|claiming|arguing|insisting|warning|telling|noting|explaining|suggesting|stating|declaring|writing|asking|told|tells|tell|added|adds|adding|asked|asks|replied|replies|responded|responds|explained|explains|noted|notes|stated|states|wrote|writes|declared|declares|announced|announces|insisted|insists|argued|argues|claimed|claims|warned|warns|continued|continues|recalled|recalls|acknowledged|acknowledges|admitted|admits|conceded|concedes|confirmed|confirms|denied|denies|suggested|suggests|urged|urges|tweeted|tweets|posted|reported|reports|called|calls|described|describes|joked|jokes|quipped|shouted|yelled|vowed|vows|promised|promises|predicted|predicts|stressed|stresses|emphasized|emphasised|observed|remarked|commented|testified|concluded|cautioned|countered|agreed|agrees|exclaimed|boasted|complained|complains|answered|answers|pointed out|went on|characterized|characterised|characterizes|dubbed|labeled|labelled|branded|slammed|criticized|criticised|praised|accused|blasted|condemned|denounced|mocked|ridiculed|lamented|questioned|wondered|pledged|demanded|touted|hailed|welcomed|recounted|referred|tweeting|calling|citing|cites|cited|quotes|quoting|read|reads|assured|assures|asserted|challenged|chanted|chanting|accuses|accusing|mocks|blamed|blames|remarking|charged|fumed|concludes|shot back|points out|went on to say|put it|puts it|according to";

/// A speech verb found in a sentence.
#[derive(Clone, Copy, Debug)]
pub(super) struct Verb<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

impl Verb<'_> {
    pub(super) fn start(&self) -> usize {
        self.start
    }

    pub(super) fn end(&self) -> usize {
        self.end
    }

    pub(super) fn as_str(&self) -> &str {
        self.text
    }
}

/// The speech verbs, one word each; the verbs of two words are their first word here and
/// their second in [`TWO_WORD_VERBS`].
pub(super) static VERBS: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    SPEECH_VERBS
        .split('|')
        .filter(|v| !v.contains(' '))
        .collect()
});

/// Speech verbs of two words ("pointed out", "according to").
pub(super) static TWO_WORD_VERBS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| {
        SPEECH_VERBS
            .split('|')
            .filter_map(|v| v.split_once(' '))
            .collect()
    });

/// Speech verbs in `body`, except inside compounds ("so-called") and names: a capitalised
/// word after a capitalised word is part of a name ("the United States", "Consumer
/// Reports").
pub(super) fn speech_verbs(body: &str) -> impl DoubleEndedIterator<Item = Verb<'_>> {
    verbs_in(body).into_iter().filter(|verb| {
        let head = &body[..verb.start];
        let capital = verb.text.starts_with(|c: char| c.is_ascii_uppercase());
        let after_word = head
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
        !(head.ends_with('-') || capital && after_word)
    })
}

/// Every speech verb in `body`, in order.
///
/// The verbs are ASCII words, so a verb is a run of ASCII letters (digits and `_` join a
/// run, as in a word) matching one, ignoring case.
pub(super) fn verbs_in(body: &str) -> Vec<Verb<'_>> {
    let bytes = body.as_bytes();
    let mut out = Vec::new();
    let mut lower = String::new();
    // Where the last verb found ends: a verb of two words takes the next word with it.
    let mut taken = 0;
    for (start, at) in super::super::ascii_words(body) {
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
                && !bytes
                    .get(after)
                    .is_some_and(|&b| super::super::is_ascii_word(b))
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

/// Verbs that may come before their speaker ("said Ms Lee"); after other verbs a noun is
/// what was said or called ("calls Horgos a mistake").
pub(super) const INVERTING: &[&str] = &[
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

/// Speech verbs whose next noun is who was spoken to or of, never the speaker: `"…," told
/// Lee` does not occur, `"…", called Lee a …` names Lee as what was called.
pub(super) const OBJECT_VERBS: &[&str] = &[
    "told",
    "tell",
    "tells",
    "called",
    "calls",
    "described",
    "describes",
    "accused",
    "accuses",
    "praised",
    "urged",
    "urges",
    "criticized",
    "criticised",
    "slammed",
    "blasted",
    "mocked",
    "mocks",
    "labeled",
    "labelled",
    "dubbed",
    "branded",
    "characterized",
    "characterised",
    "characterizes",
    "condemned",
    "denounced",
    "ridiculed",
    "hailed",
    "welcomed",
    "questioned",
    "referred",
    "quotes",
    "cites",
    "cited",
    "blamed",
    "blames",
    "challenged",
    "chanted",
    "assured",
    "assures",
];

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
}
