//! Matching the two outlets' quotations of one utterance: verbatim, reworded or partial, and
//! whether both name the same speaker. A match that diverges (the same words from different
//! people, or one person's words changed) becomes a conflict of the alignment that holds it.

use std::collections::HashSet;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{
    Alignment, Conflict, ConflictKind, Document, Key, Pair, Quote, QuoteKind, QuoteMatch, Side,
    Span, Verdict,
};
use crate::text::tokens::Tokenizer;

use super::speakers::{Speakers, speaker_conflict};

/// Reworded quotations share more than this much of their content words (Dice): most of
/// them, so two short quotations alike only in "no one" are not one...
const REWORDED_SHARE: f64 = 0.5;
/// ...and at least this many of them.
const REWORDED_MIN_SHARED: usize = 2;
/// A fragment must be at least this many words to count as a partial quotation.
const PARTIAL_MIN_WORDS: usize = 2;
/// A fragment may leave words out of the middle of the quotation in this many places.
const PARTIAL_MAX_GAPS: usize = 1;

/// Each quotation keeps at most this many candidates of the other side, the strongest: a
/// quotation repeated or echoed many times is otherwise a candidate of every copy.
const CANDIDATES_KEPT: usize = 8;
/// A word or content key in more of one side's distinct quotations than this proposes no
/// candidates: it tells little about which quotation matches which, and would make the
/// cost grow with the square of the input (as in `align`).
const COMMON_QUOTES: usize = 64;

/// Pairs each quotation with at most one of the other outlet's, best match first.
///
/// Quotations with the same words and content keys match alike, so each distinct one is
/// compared once, and [`assign`] pairs their copies as matching every copy would.
pub fn match_quotes(docs: Pair<&Document>) -> Vec<QuoteMatch> {
    let (candidates, members) = candidates(docs);
    let speakers = Speakers::new(docs);
    let mut pairs = assign(&candidates, members.as_ref().map(Vec::as_slice));
    join_split(docs, &mut pairs);
    let mut out: Vec<QuoteMatch> = pairs
        .into_iter()
        .map(|(i, j, kind)| {
            let quotes = Pair::new(&docs.left.quotes[i], &docs.right.quotes[j]);
            QuoteMatch {
                quotes: Pair::new(i, j),
                kind,
                same_speaker: speakers.same(quotes),
            }
        })
        .collect();
    out.sort_by_key(|m| (m.quotes.left, m.quotes.right));
    out
}

/// A pair of distinct quotations that could match: its strength, the left and the right
/// class, and how they relate.
type Candidate = (f64, usize, usize, QuoteKind);

/// The candidate pairs of distinct quotations, at most [`CANDIDATES_KEPT`] for each left
/// one, and the quotations (ascending) of each distinct one on each side.
fn candidates(docs: Pair<&Document>) -> (Vec<Candidate>, Pair<Vec<Vec<usize>>>) {
    // The two sides' quotations are read side by side.
    let (left, right) = rayon::join(
        || read_quotes(docs.left).distinct(),
        || read_quotes(docs.right).distinct(),
    );
    let ((left, left_members), (right, right_members)) = (left, right);
    let words = Pair::new(left.words, right.words);
    let stems = Pair::new(left.stems, right.stems);
    let keys = Pair::new(left.keys, right.keys);
    let mut candidates = Vec::new();
    let mut mine = Vec::new();
    for (i, others) in related(&words, &stems, &keys).into_iter().enumerate() {
        for j in others {
            let pair = Pair::new(&words.left[i], &words.right[j]);
            let keys = Pair::new(&keys.left[i], &keys.right[j]);
            let stems = Pair::new(&stems.left[i], &stems.right[j]);
            if let Some((kind, strength)) = kind(pair, stems, keys) {
                mine.push((strength, i, j, kind));
            }
        }
        // Strongest first; of equal ones, the first in the other report.
        mine.sort_by(|a: &Candidate, b| b.0.total_cmp(&a.0));
        mine.truncate(CANDIDATES_KEPT);
        candidates.append(&mut mine);
    }
    (candidates, Pair::new(left_members, right_members))
}

/// Pairs quotations one to one, the strongest candidates first, exactly as going through
/// every pair of quotations would: by strength, then in the left report's order, then in
/// the right's. Of two equally strong candidates, the earlier left quotation takes the
/// earliest right one still free, so the k-th copy of a repeated quotation pairs with the
/// k-th copy on the other side.
///
/// The free copies of a distinct quotation are always its last ones (copies are taken
/// first to last), so each distinct quotation needs only the position of its next free
/// copy, and the cost grows with the candidates and the pairs made, not with their product.
fn assign(
    candidates: &[Candidate],
    members: Pair<&[Vec<usize>]>,
) -> Vec<(usize, usize, QuoteKind)> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;

    let mut sorted: Vec<&Candidate> = candidates.iter().collect();
    sorted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut next = members.map(|m| vec![0usize; m.len()]);
    let mut out = Vec::new();
    for level in sorted.chunk_by(|a, b| a.0.total_cmp(&b.0).is_eq()) {
        // The candidates of each left class at this strength.
        let groups: Vec<&[&Candidate]> = level.chunk_by(|a, b| a.1 == b.1).collect();
        let mut heap = BinaryHeap::new();
        for (g, group) in groups.iter().enumerate() {
            if let Some(&i) = members.left[group[0].1].get(next.left[group[0].1]) {
                heap.push(Reverse((i, g)));
            }
        }
        while let Some(Reverse((i, g))) = heap.pop() {
            let left = groups[g][0].1;
            let Some((j, right, kind)) = groups[g]
                .iter()
                .filter_map(|&&(_, _, r, kind)| {
                    members.right[r].get(next.right[r]).map(|&j| (j, r, kind))
                })
                .min_by_key(|&(j, _, _)| j)
            else {
                continue; // no candidate has a free copy left, nor will for its later copies
            };
            out.push((i, j, kind));
            next.left[left] += 1;
            next.right[right] += 1;
            if let Some(&i) = members.left[left].get(next.left[left]) {
                heap.push(Reverse((i, g)));
            }
        }
    }
    out
}

/// Quotations one outlet splits in two or more ("A," she said. "B.") and the other gives
/// whole ("A. B."): a part matched to the whole brings the parts next to it that go on
/// with it, each matched to the whole as partial. The parts are the whole's words in
/// order, as one quotation would be.
fn join_split(docs: Pair<&Document>, pairs: &mut Vec<(usize, usize, QuoteKind)>) {
    let words_of = |side: Side, q: usize| {
        let doc = docs.get(side);
        words(doc.quotes[q].span.of(&doc.text))
    };
    let mut taken = Pair::new(
        pairs.iter().map(|p| p.0).collect::<FxHashSet<usize>>(),
        pairs.iter().map(|p| p.1).collect::<FxHashSet<usize>>(),
    );
    let mut added = Vec::new();
    for pair in pairs.iter_mut() {
        let (i, j, kind) = *pair;
        if kind == QuoteKind::Verbatim {
            continue;
        }
        for (parts, q, whole) in [(Side::Left, i, j), (Side::Right, j, i)] {
            let whole_words = words_of(parts.other(), whole);
            let count = docs.get(parts).quotes.len();
            let (mut first, mut last) = (q, q);
            let mut joined = words_of(parts, q);
            if joined.len() >= whole_words.len() {
                continue;
            }
            // Outward from the part, a neighbour at a time, while the parts stay in the whole.
            loop {
                let before = first
                    .checked_sub(1)
                    .filter(|n| !taken.get(parts).contains(n));
                let after = Some(last + 1).filter(|&n| n < count && !taken.get(parts).contains(&n));
                let grown = [before, after].into_iter().flatten().find_map(|n| {
                    let mut words = words_of(parts, n);
                    let together = if n < first {
                        words.extend(joined.iter().cloned());
                        words
                    } else {
                        [joined.clone(), words].concat()
                    };
                    let fits = words_of(parts, n).len() >= PARTIAL_MIN_WORDS
                        && together.len() <= whole_words.len()
                        && elided_from(&together, &whole_words);
                    fits.then_some((n, together))
                });
                let Some((n, together)) = grown else {
                    break;
                };
                taken.get_mut(parts).insert(n);
                (first, last) = (first.min(n), last.max(n));
                joined = together;
                pair.2 = QuoteKind::Partial;
                added.push(match parts {
                    Side::Left => (n, whole, QuoteKind::Partial),
                    Side::Right => (whole, n, QuoteKind::Partial),
                });
            }
        }
    }
    pairs.extend(added);
}

/// The quotations of one report as matching reads them: each one's words, their stems and
/// its content keys.
struct Read {
    words: Vec<Vec<String>>,
    stems: Vec<Vec<String>>,
    keys: Vec<FxHashSet<Key>>,
}

impl Read {
    /// The distinct quotations (the same words and content keys), each once in order of
    /// first appearance, and the quotations (ascending) that are each.
    fn distinct(self) -> (Read, Vec<Vec<usize>>) {
        let mut class: FxHashMap<(Vec<String>, Vec<Key>), usize> = FxHashMap::default();
        let mut members: Vec<Vec<usize>> = Vec::new();
        let mut out = Read {
            words: Vec::new(),
            stems: Vec::new(),
            keys: Vec::new(),
        };
        for (q, ((words, stems), keys)) in self
            .words
            .into_iter()
            .zip(self.stems)
            .zip(self.keys)
            .enumerate()
        {
            let mut sorted: Vec<Key> = keys.iter().copied().collect();
            sorted.sort_unstable();
            let next = members.len();
            let k = *class.entry((words.clone(), sorted)).or_insert(next);
            if k == next {
                members.push(Vec::new());
                out.words.push(words);
                out.stems.push(stems);
                out.keys.push(keys);
            }
            members[k].push(q);
        }
        (out, members)
    }
}

/// Reads the quotations of `doc`, stemming and tokenising each distinct word once (the
/// stem of each word: "attacks" and "attack" are one word in a quotation).
fn read_quotes(doc: &Document) -> Read {
    let words: Vec<Vec<String>> = doc
        .quotes
        .iter()
        .map(|q| self::words(q.span.of(&doc.text)))
        .collect();
    let mut stemmed: FxHashMap<&str, String> = FxHashMap::default();
    let stems = words
        .iter()
        .map(|ws| {
            ws.iter()
                .map(|w| {
                    stemmed
                        .entry(w.as_str())
                        .or_insert_with(|| crate::text::tokens::stem(w))
                        .clone()
                })
                .collect()
        })
        .collect();
    let mut tokenizer = Tokenizer::default();
    let keys = doc
        .quotes
        .iter()
        .map(|q| content_keys(&mut tokenizer, doc, q))
        .collect();
    Read { words, stems, keys }
}

/// For each left quotation, the right ones (ascending) that [`kind`] could match at all:
/// the same words or stems once joined, a word in common (every word of a fragment is in
/// the whole), or two content keys in common. Never all pairs against all.
fn related(
    words: &Pair<Vec<Vec<String>>>,
    stems: &Pair<Vec<Vec<String>>>,
    keys: &Pair<Vec<FxHashSet<Key>>>,
) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); words.left.len()];
    // Verbatim: the same words, stems or joined words.
    let mut joined: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut same_stems: FxHashMap<&[String], Vec<usize>> = FxHashMap::default();
    for (j, (w, st)) in words.right.iter().zip(&stems.right).enumerate() {
        joined.entry(w.concat()).or_default().push(j);
        same_stems.entry(st).or_default().push(j);
    }
    for (i, (w, st)) in words.left.iter().zip(&stems.left).enumerate() {
        out[i].extend(joined.get(&w.concat()).into_iter().flatten());
        out[i].extend(same_stems.get(st.as_slice()).into_iter().flatten());
    }
    // Partial: the rarest word of the shorter quotation is in the longer one.
    let index = words
        .as_ref()
        .map(|qs| postings(qs.iter().map(|q| q.iter())));
    for (i, w) in words.left.iter().enumerate() {
        out[i].extend(rarest(w, &index.right));
    }
    for (j, w) in words.right.iter().enumerate() {
        for &i in rarest(w, &index.left) {
            out[i].push(j);
        }
    }
    // Reworded: two content keys in common. Keys in more than `COMMON_QUOTES` of the
    // right's quotations are left out of the index; a quotation with such a key needs only
    // one of the others in common (the common one may be the second), and `kind` weighs
    // all its keys.
    let mut index = postings(keys.right.iter().map(|k| k.iter()));
    let mut common: FxHashSet<&str> = FxHashSet::default();
    index.retain(|key, list| {
        let rare = list.len() <= COMMON_QUOTES;
        if !rare {
            common.insert(key);
        }
        rare
    });
    let mut shared = vec![0usize; keys.right.len()];
    for (i, ks) in keys.left.iter().enumerate() {
        let needed = if ks.iter().any(|k| common.contains(k.as_str())) {
            1
        } else {
            REWORDED_MIN_SHARED
        };
        for j in ks.iter().flat_map(|k| index.get(k.as_str())).flatten() {
            shared[*j] += 1;
            if shared[*j] == needed {
                out[i].push(*j);
            }
        }
        for j in ks.iter().flat_map(|k| index.get(k.as_str())).flatten() {
            shared[*j] = 0;
        }
    }
    for others in &mut out {
        others.sort_unstable();
        others.dedup();
    }
    out
}

/// For each word, the quotations (ascending) that have it.
fn postings<'a, W, S>(quotes: impl Iterator<Item = W>) -> FxHashMap<&'a str, Vec<usize>>
where
    W: Iterator<Item = &'a S>,
    S: AsRef<str> + 'a,
{
    let mut index: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (k, words) in quotes.enumerate() {
        for w in words {
            let list = index.entry(w.as_ref()).or_default();
            if list.last() != Some(&k) {
                list.push(k);
            }
        }
    }
    index
}

/// The quotations of `index` that have the word of `words` fewest of them have; none
/// when one of the words is in none, or when even that word is in more than
/// [`COMMON_QUOTES`].
fn rarest<'a>(words: &[String], index: &'a FxHashMap<&str, Vec<usize>>) -> &'a [usize] {
    let mut lists = words.iter().map(|w| index.get(w.as_str()));
    let Some(Some(mut fewest)) = lists.next() else {
        return &[];
    };
    for list in lists {
        match list {
            Some(list) if list.len() < fewest.len() => fewest = list,
            Some(_) => {}
            None => return &[],
        }
    }
    if fewest.len() > COMMON_QUOTES {
        return &[]; // every word is common: see `COMMON_QUOTES`
    }
    fewest
}

/// The sentence of `doc` that holds byte `at`, if any.
fn sentence_at(doc: &Document, at: usize) -> Option<usize> {
    let after = doc.sentences.partition_point(|s| s.span.start <= at);
    let s = after.checked_sub(1)?;
    (at < doc.sentences[s].span.end).then_some(s)
}

/// Lower-case words of a quotation, apostrophes folded: `“It’s over,”` -> `["it's", "over"]`.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| {
            let mut w = if w.is_ascii() {
                w.to_ascii_lowercase()
            } else {
                w.replace('’', "'").to_lowercase()
            };
            // "princess'" and "princess's" are one word.
            if w.ends_with("'s") {
                w.truncate(w.len() - 2);
            }
            w.truncate(w.trim_end_matches('\'').len());
            let lead = w.len() - w.trim_start_matches('\'').len();
            w.drain(..lead);
            w
        })
        .collect()
}

fn content_keys<'t>(
    tokenizer: &mut Tokenizer<'t>,
    doc: &'t Document,
    quote: &Quote,
) -> FxHashSet<Key> {
    tokenizer
        .tokenize(&doc.text, quote.span)
        .into_iter()
        .filter(|t| t.is_content())
        .map(|t| t.key)
        .collect()
}

/// How two quotations relate, and how strongly (for choosing the best match).
fn kind(
    words: Pair<&Vec<String>>,
    stems: Pair<&Vec<String>>,
    keys: Pair<&FxHashSet<Key>>,
) -> Option<(QuoteKind, f64)> {
    if words.left.is_empty() || words.right.is_empty() {
        return None;
    }
    // "warfighters" / "war-fighters", "attack" / "attacks": the same words.
    let joined = |w: &Vec<String>| w.concat();
    if words.left == words.right
        || stems.left == stems.right
        || joined(words.left) == joined(words.right)
    {
        return Some((QuoteKind::Verbatim, 3.0));
    }
    let (short, long) = if words.left.len() <= words.right.len() {
        (words.left, words.right)
    } else {
        (words.right, words.left)
    };
    if short.len() >= PARTIAL_MIN_WORDS && elided_from(short, long) {
        return Some((
            QuoteKind::Partial,
            2.0 + short.len() as f64 / long.len() as f64,
        ));
    }
    let shared = keys.left.intersection(keys.right).count();
    let dice = 2.0 * shared as f64 / (keys.left.len() + keys.right.len()).max(1) as f64;
    (shared >= REWORDED_MIN_SHARED && dice > REWORDED_SHARE)
        .then_some((QuoteKind::Reworded, 1.0 + dice))
}

/// Whether `short` is `long` with words left out in at most [`PARTIAL_MAX_GAPS`] places:
/// a fragment, or a quotation with an elision ("ridiculous and ... grotesque").
fn elided_from(short: &[String], long: &[String]) -> bool {
    let (mut k, mut gaps, mut in_gap) = (0, 0, false);
    for word in long {
        if k < short.len() && *word == short[k] {
            k += 1;
            in_gap = false;
        } else if k > 0 && k < short.len() && !in_gap {
            gaps += 1;
            in_gap = true;
        }
    }
    k == short.len() && gaps <= PARTIAL_MAX_GAPS
}

/// Records each diverging quotation match as a conflict of the alignment holding both
/// quotations, which then diverges.
pub fn add_conflicts(docs: Pair<&Document>, matches: &[QuoteMatch], alignments: &mut [Alignment]) {
    // The alignments (ascending) that hold each left sentence.
    let mut holding = vec![Vec::new(); docs.left.sentences.len()];
    for (k, a) in alignments.iter().enumerate() {
        for &s in &a.sentences.left {
            holding[s].push(k);
        }
    }
    for m in matches.iter().filter(|m| m.diverges()) {
        let quotes = Pair::new(
            &docs.left.quotes[m.quotes.left],
            &docs.right.quotes[m.quotes.right],
        );
        let Some(first) = sentence_at(docs.left, quotes.left.span.start) else {
            continue;
        };
        let right = sentence_at(docs.right, quotes.right.span.start);
        let Some(&k) = holding[first]
            .iter()
            .find(|&&k| right.is_some_and(|r| alignments[k].sentences.right.contains(&r)))
        else {
            continue;
        };
        let alignment = &mut alignments[k];
        if m.same_speaker == Some(false) {
            let mention = |q: &Quote| q.speaker_mention.unwrap_or(q.span);
            // The speakers' names are this conflict, not details or a conflict of their own.
            let overlaps = |a: Span, b: Span| a.start < b.end && b.start < a.end;
            let mentions = Pair::new(mention(quotes.left), mention(quotes.right));
            alignment.conflicts.retain(|c| {
                c.kind != ConflictKind::Name
                    || !(overlaps(c.spans.left, mentions.left)
                        && overlaps(c.spans.right, mentions.right))
            });
            for side in Side::BOTH {
                let doc = docs.get(side);
                let span = *mentions.get(side);
                alignment
                    .details
                    .get_mut(side)
                    .retain(|&k| !overlaps(doc.facts[k].span, span));
            }
            alignment
                .conflicts
                .push(speaker_conflict(quotes, texts_of(docs)));
        }
        if m.kind == QuoteKind::Reworded && !only_spelling_differs(quotes, texts_of(docs)) {
            alignment.conflicts.push(Conflict::sure(
                ConflictKind::Quote,
                Pair::new(quotes.left.span, quotes.right.span),
                "one speaker's utterance",
            ));
        }
        // A conflict not sure enough is only a possible one.
        let (sure, possible): (Vec<Conflict>, Vec<Conflict>) =
            std::mem::take(&mut alignment.conflicts)
                .into_iter()
                .partition(|c| c.confidence >= super::facts::CONFIDENT);
        alignment.conflicts = sure;
        alignment.possible.extend(possible);
        if !alignment.conflicts.is_empty() {
            alignment.verdict = Verdict::Diverge;
            // One utterance told two ways is one fact, whatever else the sentences tell.
            alignment.related = false;
        }
    }
}

fn texts_of(docs: Pair<&Document>) -> Pair<&str> {
    docs.map(|d| d.text.as_str())
}

/// Whether two quotations differ only in spelling ("neighbourhood" / "neighborhood") or in
/// how a number or time is written ("6 p.m." / "6:00 p.m."): the same words, not a changed
/// quotation.
fn only_spelling_differs(quotes: Pair<&Quote>, texts: Pair<&str>) -> bool {
    let words = |q: &Quote, text: &str| -> Vec<String> {
        q.span
            .of(text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !w.bytes().all(|b| b == b'0'))
            .map(str::to_lowercase)
            .collect()
    };
    let (mut left, mut right) = (
        words(quotes.left, texts.left),
        words(quotes.right, texts.right),
    );
    // Words both have, as many times as both have them, are the same.
    left.retain(|w| match right.iter().position(|x| x == w) {
        Some(at) => {
            right.remove(at);
            false
        }
        None => true,
    });
    left.len() == right.len()
        && left
            .iter()
            .zip(&right)
            .all(|(a, b)| strsim::normalized_levenshtein(a, b) >= SPELLING)
}

/// Two words this alike are one word spelled two ways.
const SPELLING: f64 = 0.8;

/// Quotations that no match names, on each side.
pub fn unmatched(docs: Pair<&Document>, matches: &[QuoteMatch]) -> Pair<Vec<usize>> {
    let matched = Pair::new(
        matches
            .iter()
            .map(|m| m.quotes.left)
            .collect::<HashSet<_>>(),
        matches
            .iter()
            .map(|m| m.quotes.right)
            .collect::<HashSet<_>>(),
    );
    Pair::new(
        (0..docs.left.quotes.len())
            .filter(|i| !matched.left.contains(i))
            .collect(),
        (0..docs.right.quotes.len())
            .filter(|j| !matched.right.contains(j))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    fn matches(left: &str, right: &str) -> Vec<(QuoteKind, Option<bool>)> {
        let docs = Pair::new(left, right).map(|t| crate::inspect(Source::new("t", t)));
        match_quotes(docs.as_ref())
            .into_iter()
            .map(|m| (m.kind, m.same_speaker))
            .collect()
    }

    #[test]
    fn same_words_are_verbatim_whatever_the_marks() {
        let m = matches(
            "“It’s a perfect landing,” said Ann Lee.",
            "\"It's a perfect landing,\" Lee said.",
        );
        assert_eq!(m, [(QuoteKind::Verbatim, Some(true))]);
    }

    #[test]
    fn a_fragment_is_a_partial_quotation() {
        let m = matches(
            "Ann Lee said it was a \"proud moment\" to be there.",
            "\"Opening the bridge again was a proud moment,\" Ann Lee said.",
        );
        assert_eq!(m, [(QuoteKind::Partial, Some(true))]);
    }

    #[test]
    fn hyphens_and_inflections_do_not_reword_a_quotation() {
        let m = matches(
            "\"Our war-fighters face attacks,\" Ann Lee said.",
            "\"Our warfighters face attacks,\" Lee said.",
        );
        assert_eq!(m, [(QuoteKind::Verbatim, Some(true))]);
        let m = matches(
            "\"Our soldiers face further attacks,\" Ann Lee said.",
            "\"Our soldiers face further attack,\" Lee said.",
        );
        assert_eq!(m, [(QuoteKind::Verbatim, Some(true))]);
    }

    #[test]
    fn a_quotation_with_an_elision_is_partial() {
        let m = matches(
            "\"The plan is reckless and it is dangerous,\" Ann Lee said.",
            "Lee said the \"plan is reckless and dangerous.\"",
        );
        assert_eq!(m, [(QuoteKind::Partial, Some(true))]);
    }

    #[test]
    fn changed_words_are_reworded() {
        let m = matches(
            "\"It was a dreadful night for our town,\" Mayor Tomas Brennan said.",
            "\"It was a terrible night for our whole town,\" Brennan said.",
        );
        assert_eq!(m, [(QuoteKind::Reworded, Some(true))]);
    }

    #[test]
    fn different_speakers_are_flagged() {
        let m = matches(
            "\"It is a perfect landing,\" said Paulo Kreutz, the agency head.",
            "\"It is a perfect landing,\" mission director Ilse Vandermeer said.",
        );
        assert_eq!(m, [(QuoteKind::Verbatim, Some(false))]);
    }

    #[test]
    fn a_name_spelled_two_ways_is_one_speaker() {
        let m = matches(
            "\"We had nothing to do with it,\" spokesman Ewan Ardwell said.",
            "\"We had nothing to do with it,\" Ardwall said.",
        );
        assert_eq!(m, [(QuoteKind::Verbatim, Some(true))]);
    }

    #[test]
    fn possessives_differ_in_form_only() {
        assert_eq!(
            words("The Princess' marriage"),
            words("the princess's marriage")
        );
    }

    /// The conflicts and the possible conflicts of the first alignment of a whole comparison.
    fn conflicts_of(left: &str, right: &str) -> (Vec<ConflictKind>, Vec<ConflictKind>) {
        let report = crate::compare(Source::new("a", left), Source::new("b", right));
        let kinds = |cs: &[Conflict]| cs.iter().map(|c| c.kind).collect::<Vec<_>>();
        let a = &report.alignments[0];
        (kinds(&a.conflicts), kinds(&a.possible))
    }

    #[test]
    fn a_quotation_spelled_another_way_is_not_changed() {
        let (sure, _) = conflicts_of(
            "\"Police cleared the neighbourhood before 6 p.m.,\" Inspector Ann Lee said.",
            "\"Police cleared the neighborhood before 6:00 p.m.,\" Inspector Ann Lee said.",
        );
        assert!(!sure.contains(&ConflictKind::Quote), "{sure:?}");
        let (sure, _) = conflicts_of(
            "\"Police cleared the whole street before dark,\" Inspector Ann Lee said.",
            "\"Police cleared the street well before dark fell,\" Inspector Ann Lee said.",
        );
        assert_eq!(sure, [ConflictKind::Quote]);
    }

    #[test]
    fn a_speaker_read_from_a_pronoun_is_only_a_possible_conflict() {
        let left = "Ann Lee runs the harbour. \"The quay will reopen on Monday,\" she said.";
        let right = "Tom Reyes runs the port. \"The quay will reopen on Monday,\" he said.";
        let (sure, possible) = conflicts_of(left, right);
        assert!(!sure.contains(&ConflictKind::Speaker), "{sure:?}");
        assert!(possible.contains(&ConflictKind::Speaker), "{possible:?}");
        let (sure, _) = conflicts_of(
            "\"The quay will reopen on Monday,\" Ann Lee said.",
            "\"The quay will reopen on Monday,\" Tom Reyes said.",
        );
        assert_eq!(sure, [ConflictKind::Speaker]);
    }

    #[test]
    fn a_speaker_named_in_the_same_words_is_no_sure_conflict() {
        let left = "Peyton Manning threw three passes. \"We played well tonight,\" Manning said.";
        let right =
            "Eli Manning watched from the stands. \"We played well tonight,\" Manning said.";
        let (sure, possible) = conflicts_of(left, right);
        assert!(!sure.contains(&ConflictKind::Speaker), "{sure:?}");
        assert!(possible.contains(&ConflictKind::Speaker), "{possible:?}");
    }

    #[test]
    fn a_body_against_a_person_is_no_sure_speaker_conflict() {
        let (sure, possible) = conflicts_of(
            "\"The patch closes the hole,\" Westmark said.",
            "\"The patch closes the hole,\" said Rena Ardley, a security manager.",
        );
        assert!(!sure.contains(&ConflictKind::Speaker), "{sure:?}");
        assert!(possible.contains(&ConflictKind::Speaker), "{possible:?}");
        let (sure, _) = conflicts_of(
            "\"The patch closes the hole,\" Harbour Department officials said.",
            "\"The patch closes the hole,\" said Rena Ardley, a security manager.",
        );
        assert!(!sure.contains(&ConflictKind::Speaker), "{sure:?}");
    }

    /// The speaker conflicts, sure and possible, of a whole comparison.
    fn speaker_conflicts(left: &str, right: &str) -> (usize, usize) {
        let report = crate::compare(Source::new("a", left), Source::new("b", right));
        let count = |of: fn(&Alignment) -> &Vec<Conflict>| {
            report
                .alignments
                .iter()
                .flat_map(of)
                .filter(|c| c.kind == ConflictKind::Speaker)
                .count()
        };
        (count(|a| &a.conflicts), count(|a| &a.possible))
    }

    const SAID: &str = "\"The harbour wall held through the whole night,\"";

    #[test]
    fn one_person_under_two_names_is_one_speaker() {
        let pairs = [
            (
                "Defence Secretary Jim Mattock, nicknamed “Mad Dog Mattock” in the army, came.",
                "Mattock said.",
                "James Mattock came.",
                "Mr. Mattock said.",
            ),
            (
                "",
                "said U.S. Attorney Adam Braverlin.",
                "Adam L. Braverlin came.",
                "Mr. Braverlin said.",
            ),
            (
                "James 'Jim' Ferrow came.",
                "Ferrow said.",
                "",
                "Jim Ferrow said.",
            ),
            (
                "House Speaker Nora Pellicott came.",
                "the House speaker said.",
                "Nora Pellicott came.",
                "Ms. Pellicott said.",
            ),
            (
                "Susan Rimmel came.",
                "Rimmel said.",
                "Susan E. Rimmel came.",
                "Ms. Rimmel said.",
            ),
            (
                "Sen. Dick Dunmore came.",
                "Dunmore said.",
                "Senator Richard J. Dunmore came.",
                "Mr. Dunmore said.",
            ),
            (
                "Bill Carrow and Hillary Carrow came.",
                "Carrow said.",
                "Hillary Rodham Carrow came.",
                "Mrs. Carrow said.",
            ),
            (
                "The writer Steven Morrow came.",
                "he said.",
                "",
                "Morrow said.",
            ),
        ];
        for (left_before, left_said, right_before, right_said) in pairs {
            let left = format!("{left_before}\n\n{SAID} {left_said}");
            let right = format!("{right_before}\n\n{SAID} {right_said}");
            assert_eq!(
                speaker_conflicts(&left, &right),
                (0, 0),
                "\n{left}\n{right}"
            );
            assert_eq!(matches(&left, &right), [(QuoteKind::Verbatim, Some(true))]);
        }
    }

    #[test]
    fn two_people_of_one_surname_are_two_speakers() {
        let (left, right) = (
            format!("{SAID} Bill Carrow said."),
            format!("{SAID} Hillary Carrow said."),
        );
        assert_eq!(speaker_conflicts(&left, &right), (1, 0));
        let (left, right) = (
            format!("{SAID} Dick Dunmore said."),
            format!("{SAID} Ann Dunmore said."),
        );
        assert_eq!(speaker_conflicts(&left, &right), (1, 0));
    }

    #[test]
    fn a_quotation_split_in_two_matches_the_whole_as_partial() {
        let left = "\"The bridge will reopen to walkers on Monday,\" Dana Whitcombe said. \
            \"We owe the town that much after the storm.\"";
        let right = "\"The bridge will reopen to walkers on Monday. We owe the town that much \
            after the storm,\" Ms. Whitcombe said.";
        assert_eq!(
            matches(left, right),
            [
                (QuoteKind::Partial, Some(true)),
                (QuoteKind::Partial, Some(true))
            ]
        );
        let (sure, possible) = conflicts_of(left, right);
        assert!(
            sure.is_empty() && possible.is_empty(),
            "{sure:?} {possible:?}"
        );
        // The other way round, and in three parts.
        let left = "\"We owe the town that much after the storm, and more; the bridge will \
            reopen to walkers on Monday,\" Dana Whitcombe said.";
        let right = "\"We owe the town that much after the storm,\" Ms. Whitcombe said. \
            \"And more,\" she added. \"The bridge will reopen to walkers on Monday.\"";
        let m = matches(left, right);
        assert_eq!(m.len(), 3, "{m:?}");
        assert!(
            m.iter()
                .all(|&(k, s)| k == QuoteKind::Partial && s == Some(true))
        );
    }

    #[test]
    fn a_guessed_speaker_is_never_a_conflict() {
        let m = matches(
            "Tom Reyes arrived first. \"The dam held all night long,\" the engineer said.",
            "\"The dam held all night long,\" Ann Lee said.",
        );
        assert_eq!(m, [(QuoteKind::Verbatim, None)]);
    }

    #[test]
    fn short_forms_and_spokespeople_are_the_same_speaker() {
        let m = matches(
            "\"Rates will hold,\" FTC Chairman Timothy Muris said.",
            "\"Rates will hold,\" FTC Chairman Tim Muris said.",
        );
        assert_eq!(m, [(QuoteKind::Verbatim, Some(true))]);
        let m = matches(
            "\"The park stays open,\" Westmark said.",
            "\"The park stays open,\" said Westmark spokeswoman Rena Ardley.",
        );
        assert_eq!(m, [(QuoteKind::Verbatim, Some(true))]);
    }

    #[test]
    fn unrelated_quotations_do_not_match() {
        assert!(
            matches(
                "\"The dam held all night long,\" Lee said.",
                "\"We will rebuild the school first,\" Cho said."
            )
            .is_empty()
        );
    }

    #[test]
    fn every_pair_that_can_match_is_proposed() {
        let left = "\"Our war-fighters face attacks,\" Ann Lee said.\n\
            \"The harbour will reopen on Monday after the storm,\" she said.\n\
            Lee called it a \"proud moment\" for the town.\n\
            \"Nobody was hurt,\" a spokesman said.\n";
        let right = "\"Our warfighters face attack,\" Lee said.\n\
            \"It was a proud moment for all of us,\" Lee said.\n\
            \"The harbour reopens Monday once the storm passes,\" said Tom Reyes.\n\
            \"Nobody was hurt,\" police said.\n\
            \"The dam held all night long,\" Cho said.\n";
        let docs = Pair::new(left, right).map(|t| crate::inspect(Source::new("t", t)));
        let docs = docs.as_ref();
        let (left, right) = (read_quotes(docs.left), read_quotes(docs.right));
        let words = Pair::new(left.words, right.words);
        let stems = Pair::new(left.stems, right.stems);
        let keys = Pair::new(left.keys, right.keys);
        let proposed = related(&words, &stems, &keys);
        let mut kinds = HashSet::new();
        for (i, proposed) in proposed.iter().enumerate() {
            for j in 0..words.right.len() {
                let pair = Pair::new(&words.left[i], &words.right[j]);
                let pair_stems = Pair::new(&stems.left[i], &stems.right[j]);
                let pair_keys = Pair::new(&keys.left[i], &keys.right[j]);
                if let Some((kind, _)) = kind(pair, pair_stems, pair_keys) {
                    kinds.insert(format!("{kind:?}"));
                    assert!(proposed.contains(&j), "{i} / {j} is {kind:?}");
                }
            }
        }
        assert_eq!(kinds.len(), 3, "{kinds:?}");
    }

    /// The matches of the first way of matching: every pair of quotations a candidate,
    /// strongest first, then in reading order.
    fn every_pair(docs: Pair<&Document>) -> Matched {
        let (left, right) = (read_quotes(docs.left), read_quotes(docs.right));
        let mut candidates = Vec::new();
        for i in 0..left.words.len() {
            for j in 0..right.words.len() {
                let found = kind(
                    Pair::new(&left.words[i], &right.words[j]),
                    Pair::new(&left.stems[i], &right.stems[j]),
                    Pair::new(&left.keys[i], &right.keys[j]),
                );
                if let Some((kind, strength)) = found {
                    candidates.push((strength, i, j, kind));
                }
            }
        }
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (mut left, mut right) = (HashSet::new(), HashSet::new());
        let mut out = Vec::new();
        for (_, i, j, kind) in candidates {
            if !left.contains(&i) && !right.contains(&j) {
                left.insert(i);
                right.insert(j);
                out.push((i, j, kind));
            }
        }
        out.sort_by_key(|&(i, j, _)| (i, j));
        out
    }

    type Matched = Vec<(usize, usize, QuoteKind)>;

    /// The matches found, and those matching every pair would find.
    fn pairs(left: &str, right: &str) -> (Matched, Matched) {
        let docs = Pair::new(left, right).map(|t| crate::inspect(Source::new("t", t)));
        let found = match_quotes(docs.as_ref())
            .into_iter()
            .map(|m| (m.quotes.left, m.quotes.right, m.kind))
            .collect();
        (found, every_pair(docs.as_ref()))
    }

    #[test]
    fn copies_and_ties_pair_as_matching_every_pair_would() {
        let pool = [
            "\"The dam held all night,\" Lee said.",
            "\"The dam held firm all night long,\" Cho said.",
            "\"We will rebuild the school,\" Lee said.",
            "\"We will rebuild the old school first,\" Reyes said.",
            "Lee called it a \"proud moment\" for the town.",
            "\"It was a proud moment for the whole town,\" Lee said.",
            "\"The dam held,\" police said.",
        ];
        // Reports drawn from the pool with repeats, by a fixed linear congruential sequence.
        let mut state = 7u64;
        let mut draw = |n: usize| {
            (0..n)
                .map(|_| {
                    state = state
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    pool[(state >> 33) as usize % pool.len()]
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        for _ in 0..20 {
            let (left, right) = (draw(12), draw(9));
            let (found, expected) = pairs(&left, &right);
            assert!(!expected.is_empty());
            assert_eq!(found, expected, "\n{left}\n--\n{right}");
        }
    }

    #[test]
    fn a_repeated_quotation_is_one_candidate_and_copies_pair_in_order() {
        let said =
            "\"The harbour bridge will reopen on Monday after the storm damage,\" Ann Lee said.\n";
        let reworded =
            "\"The harbour bridge reopens Monday once the storm damage is repaired,\" Lee said.\n";
        let docs = Pair::new(said.repeat(2000), reworded.repeat(1500))
            .map(|t| crate::inspect(Source::new("t", &t)));
        let docs = docs.as_ref();
        // Every copy was a candidate of every copy: three million pairs, held at once.
        let (candidates, members) = candidates(docs);
        assert_eq!(candidates.len(), 1);
        assert_eq!(
            (members.left[0].len(), members.right[0].len()),
            (2000, 1500)
        );
        let matches = match_quotes(docs);
        assert_eq!(matches.len(), 1500);
        assert!(
            matches
                .iter()
                .enumerate()
                .all(|(k, m)| m.quotes == Pair::new(k, k) && m.kind == QuoteKind::Reworded)
        );
    }

    #[test]
    fn quotations_sharing_most_words_keep_few_candidates_each() {
        // Hundreds of quotations alike but for a word or two, and quotations nested in
        // them, compared with themselves: each related to every other.
        let text: String = (0..400)
            .map(|k| {
                format!(
                    "Lee said \"the council will meet the harbour crew about the storm on day \
                     {k} and 'the crew will meet the council about the tide {k}' again.\"\n"
                )
            })
            .collect();
        let docs =
            Pair::new(text.as_str(), text.as_str()).map(|t| crate::inspect(Source::new("t", t)));
        let docs = docs.as_ref();
        let (candidates, members) = candidates(docs);
        let mut per_quotation = vec![0; members.left.len()];
        for &(_, i, _, _) in &candidates {
            per_quotation[i] += 1;
        }
        assert!(per_quotation.len() >= 400, "{}", per_quotation.len());
        assert!(per_quotation.iter().all(|&n| n <= CANDIDATES_KEPT));
        // Each is still found in the copy of itself.
        let matches = match_quotes(docs);
        assert_eq!(matches.len(), docs.left.quotes.len());
        assert!(
            matches
                .iter()
                .all(|m| m.quotes.left == m.quotes.right && m.kind == QuoteKind::Verbatim)
        );
    }

    #[test]
    fn reworded_quotations_alike_but_for_a_rare_word_still_pair() {
        // Every content key but the day's number is in hundreds of quotations, so only the
        // number proposes candidates; it was once needed twice, and nothing paired.
        let side = |verb: &str| -> String {
            (0..200)
                .map(|k| {
                    format!(
                        "Lee said \"the council {verb} the harbour crew about the storm \
                         damage on day {k} of the inquiry.\"\n"
                    )
                })
                .collect()
        };
        let (left, right) = (side("will question"), side("is grilling"));
        let docs =
            Pair::new(left.as_str(), right.as_str()).map(|t| crate::inspect(Source::new("t", t)));
        let matches = match_quotes(docs.as_ref());
        assert_eq!(matches.len(), 200);
        assert!(
            matches
                .iter()
                .all(|m| m.quotes.left == m.quotes.right && m.kind == QuoteKind::Reworded)
        );
    }

    #[test]
    fn a_few_words_from_two_people_are_only_a_possible_speaker_conflict() {
        // Two people of one story may both say "politically motivated".
        let (sure, possible) = speaker_conflicts(
            "Lawyer Ann Vega said the case was \"politically motivated\" from the start.",
            "Spokesman Tomas Harrow said the case was \"politically motivated\" from the start.",
        );
        assert_eq!((sure, possible), (0, 1));
        // Whole sentences from two people stay a sure conflict.
        let (sure, _) = speaker_conflicts(
            "\"The case was politically motivated from the very start,\" Ann Vega said.",
            "\"The case was politically motivated from the very start,\" Tomas Harrow said.",
        );
        assert_eq!(sure, 1);
    }

    #[test]
    fn a_statement_from_an_office_against_its_adviser_is_only_possible() {
        let (sure, possible) = speaker_conflicts(
            "\"Every resident has the right to be heard,\" reads a statement from the office of \
             Mayor Dana Whitcombe.",
            "\"Every resident has the right to be heard,\" said Jim Marley, a top adviser to the \
             mayor.",
        );
        assert_eq!((sure, possible), (0, 1));
    }

    #[test]
    fn quotations_alike_in_half_their_words_are_not_one() {
        // "no one" is all they share: not a reworded quotation.
        assert!(
            matches(
                "Lee said \"no one is above the law.\"",
                "Ode called it \"corrupt, answerable to no one.\""
            )
            .is_empty()
        );
    }
}
