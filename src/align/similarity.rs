//! How alike two groups of tokens are: keys weighed by how rare they are ([`Idf`]), shared
//! weight as a Dice coefficient with near-spellings counted ([`similarity`]), over terms
//! whose keys are numbers and whose weights are worked out once.

use rustc_hash::FxHashMap;

use crate::model::{Document, Key, Pair, Side, Token, TokenKind};

/// From this similarity two linked sentences are close to one wording of one fact; below it
/// they are a loose pair. Two opening sentences that each have such a link in the other
/// report are not related again ([`super::lead_links`]); compare reads a loose pair's side with
/// more words of its own as adding a detail.
pub const EQUIVALENT_SCORE: f64 = 0.55;

/// Content words two sentences must share to tell one fact (see [`Similarity::has_evidence`]).
pub(super) const MIN_SHARED_CONTENT: usize = 2;
/// How much a stop word counts against a content word.
const STOP_WEIGHT: f64 = 0.3;
/// Names and numbers identify a fact more than other words do.
const NAME_BOOST: f64 = 1.0;
const NUMBER_BOOST: f64 = 1.3;
/// Near-spellings ("Oullette" / "Ouellette") count when Jaro–Winkler reaches this.
const NEAR_SPELLING: f64 = 0.92;
const NEAR_SPELLING_MIN_CHARS: usize = 5;

/// How informative each key is in this pair of reports: rare keys weigh more.
#[derive(Debug)]
pub struct Idf {
    /// In how many sentences of each side a key occurs.
    counts: FxHashMap<Key, Pair<u32>>,
    sentences: usize,
}

impl Idf {
    pub fn new(docs: Pair<&Document>) -> Idf {
        let mut counts: FxHashMap<Key, Pair<u32>> = FxHashMap::default();
        let mut keys: Vec<Key> = Vec::new();
        for side in Side::BOTH {
            for sentence in &docs.get(side).sentences {
                keys.clear();
                keys.extend(sentence.tokens.iter().map(|t| t.key));
                keys.sort_unstable_by_key(|k| k.id());
                keys.dedup();
                for &key in &keys {
                    *counts.entry(key).or_default().get_mut(side) += 1;
                }
            }
        }
        let sentences = docs.left.sentences.len().max(docs.right.sentences.len());
        Idf { counts, sentences }
    }

    /// In how many sentences of the more frequent side `key` occurs.
    pub fn frequency(&self, key: Key) -> u32 {
        self.counts.get(&key).map_or(0, |c| c.left.max(c.right))
    }

    /// The weight of a token: inverse sentence frequency, boosted for names and numbers.
    pub fn weight(&self, token: &Token) -> f64 {
        self.weight_of(self.frequency(token.key), token.kind)
    }

    /// The weight of a token of `kind` whose key has this [`Idf::frequency`].
    pub(super) fn weight_of(&self, frequency: u32, kind: TokenKind) -> f64 {
        let df = f64::from(frequency.max(1));
        let idf = ((self.sentences as f64 + 1.0) / df).ln() + 1.0;
        idf * match kind {
            TokenKind::Stop => STOP_WEIGHT,
            TokenKind::Name => NAME_BOOST,
            TokenKind::Number => NUMBER_BOOST,
            TokenKind::Word => 1.0,
        }
    }
}

/// How two groups of tokens overlap.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Similarity {
    /// Weighted Dice coefficient: twice the matched weight over the total, in `[0, 1]`.
    pub score: f64,
    /// How many content tokens found a partner.
    pub shared_content: usize,
    /// How many content tokens each side has.
    pub content: Pair<usize>,
}

impl Similarity {
    /// Whether the overlap rests on enough words to be a shared fact, not a shared word:
    /// two content words, or every content word of a sentence that has only one.
    pub fn has_evidence(&self) -> bool {
        let needed = MIN_SHARED_CONTENT
            .min(self.content.left)
            .min(self.content.right)
            .max(1);
        self.shared_content >= needed
    }
}

/// Weighted overlap of two token lists, matching equal keys first, then near-spellings.
///
/// ```
/// use factdiff::{align::{similarity, Idf}, model::Pair, inspect, model::Source};
/// let doc = |t: &str| inspect(Source::new("x", t));
/// let (a, b) = (doc("The dam held firm."), doc("The dam held."));
/// let idf = Idf::new(Pair::new(&a, &b));
/// let s = similarity(&a.sentences[0].tokens, &b.sentences[0].tokens, &idf);
/// assert!(s.score > 0.7 && s.score < 1.0);
/// ```
pub fn similarity(left: &[Token], right: &[Token], idf: &Idf) -> Similarity {
    let mut ids: FxHashMap<Key, u32> = FxHashMap::default();
    let mut keys = Vec::new();
    let terms = Pair::new(left, right).map(|ts| {
        ts.iter()
            .map(|t| {
                let id = *ids.entry(t.key).or_insert_with(|| {
                    keys.push(KeyInfo::new(t.key.as_str()));
                    keys.len() as u32 - 1
                });
                Term::new(t, id, idf.weight(t))
            })
            .collect::<Vec<_>>()
    });
    term_similarity(&terms.left, &terms.right, &keys, &mut Scratch::default())
}

/// The tokens of several sentences of a document, in order.
pub fn tokens_of(doc: &Document, sentences: &[usize]) -> Vec<Token> {
    sentences
        .iter()
        .flat_map(|&i| doc.sentences[i].tokens.iter().cloned())
        .collect()
}

/// The similarity of two groups of sentences.
pub fn group_similarity(
    docs: Pair<&Document>,
    idf: &Idf,
    sentences: &Pair<Vec<usize>>,
) -> Similarity {
    let tokens = Pair::new(
        tokens_of(docs.left, &sentences.left),
        tokens_of(docs.right, &sentences.right),
    );
    similarity(&tokens.left, &tokens.right, idf)
}

/// The unused content token of `others` spelled most like `token`, if near enough.
///
/// Spelling variants keep their first letter ("Oullette" / "Ouellette"); words that
/// differ there are different words, however alike ("never" / "ever").
pub fn near_spelling(token: &Token, others: &[Token], used: &[bool]) -> Option<(usize, f64)> {
    let spellable = |t: &Token| t.is_content() && t.kind != TokenKind::Number;
    let chars = token.key.chars().count();
    if !spellable(token) || chars < NEAR_SPELLING_MIN_CHARS {
        return None;
    }
    let first = token.key.chars().next();
    others
        .iter()
        .enumerate()
        .filter(|(j, o)| !used[*j] && spellable(o) && o.key.chars().next() == first)
        .filter(|(_, o)| may_be_near(chars, o.key.chars().count()))
        .map(|(j, o)| (j, strsim::jaro_winkler(&token.key, &o.key)))
        .filter(|&(_, sim)| sim >= NEAR_SPELLING)
        .max_by(|a, b| a.1.total_cmp(&b.1))
}

/// Whether words of these lengths (in characters) can reach [`NEAR_SPELLING`] at all.
///
/// Jaro–Winkler is at most `0.6 * jaro + 0.4`, and Jaro at most `(2 + short / long) / 3`,
/// so a Jaro–Winkler of 0.92 needs `short / long >= 0.6`. The test asks only half that,
/// well clear of rounding, and saves computing most hopeless pairs.
fn may_be_near(a: usize, b: usize) -> bool {
    const _: () = assert!(NEAR_SPELLING >= 0.92);
    2 * a.min(b) >= a.max(b)
}

/// A token as the aligner reads it: its key as a number, its weight computed once.
#[derive(Clone, Copy, Debug)]
pub(super) struct Term {
    pub(super) weight: f64,
    /// Equal keys have equal ids; what else is known of the key is in a [`KeyInfo`].
    pub(super) id: u32,
    pub(super) content: bool,
    /// Whether a near-spelling may stand for it: a content word, not a number.
    pub(super) spellable: bool,
}

impl Term {
    pub(super) fn new(token: &Token, id: u32, weight: f64) -> Term {
        Term {
            weight,
            id,
            content: token.is_content(),
            spellable: token.is_content() && token.kind != TokenKind::Number,
        }
    }
}

/// A distinct key, as near-spellings need it.
#[derive(Clone, Copy, Debug)]
pub(super) struct KeyInfo<'a> {
    key: &'a str,
    /// Its length in characters, and its first character.
    chars: usize,
    first: Option<char>,
    /// How many of its characters fall in each of 32 buckets (by the character's code
    /// modulo 32); all zero when it is too long to count in a byte.
    buckets: [u8; 32],
}

/// Keys longer than this many characters have no [`KeyInfo::buckets`].
const BUCKETED_CHARS: usize = u8::MAX as usize;

impl<'a> KeyInfo<'a> {
    pub(super) fn new(key: &'a str) -> KeyInfo<'a> {
        let chars = key.chars().count();
        let mut buckets = [0u8; 32];
        if chars <= BUCKETED_CHARS {
            for c in key.chars() {
                buckets[c as usize % 32] += 1;
            }
        }
        KeyInfo {
            key,
            chars,
            first: key.chars().next(),
            buckets,
        }
    }

    /// Whether Jaro–Winkler of the two keys can reach [`NEAR_SPELLING`], by the characters
    /// they have in common (a cheap bound; `true` when unsure).
    ///
    /// Jaro counts at most `c` matching characters, `c` the characters the two keys have
    /// in common (counted per bucket, which can only overcount), so Jaro is at most
    /// `(c / a + c / b + 1) / 3` for lengths `a` and `b`, and Jaro–Winkler at most
    /// `0.6 * jaro + 0.4`. Reaching 0.92 needs `c / a + c / b >= 1.6`; the test asks only
    /// 1.5, in whole numbers, well clear of rounding.
    fn may_reach(&self, other: &KeyInfo) -> bool {
        const _: () = assert!(NEAR_SPELLING >= 0.92);
        let (a, b) = (self.chars, other.chars);
        if a > BUCKETED_CHARS || b > BUCKETED_CHARS {
            return true;
        }
        let common: usize = self
            .buckets
            .iter()
            .zip(&other.buckets)
            .map(|(x, y)| usize::from(*x.min(y)))
            .sum();
        2 * common * (a + b) >= 3 * a * b
    }
}

/// Buffers [`term_similarity`] reuses from one call to the next, and the near-spelling
/// scores it has already worked out.
#[derive(Default)]
pub(super) struct Scratch {
    /// `(key id, position)` of each side's terms, sorted.
    order: Pair<Vec<(u32, u32)>>,
    /// The right term each left term pairs with by equal key.
    partner: Vec<Option<u32>>,
    used: Vec<bool>,
    /// The right terms a near-spelling may stand for, in order.
    spellable: Vec<u32>,
    near: FxHashMap<(u32, u32), f64>,
}

/// The most near-spelling scores a [`Scratch`] remembers.
const NEAR_MEMORY: usize = 1 << 20;

/// [`similarity`] over terms: equal keys pair in order (the k-th left token of a key with
/// the k-th right one, as each left token taking the first unused right one would), then
/// near-spellings.
pub(super) fn term_similarity(
    left: &[Term],
    right: &[Term],
    keys: &[KeyInfo],
    scratch: &mut Scratch,
) -> Similarity {
    let mut order = std::mem::take(&mut scratch.order);
    sort_terms(left, &mut order.left);
    sort_terms(right, &mut order.right);
    let sim = sorted_similarity(
        Pair::new(left, right),
        order.as_ref().map(Vec::as_slice),
        keys,
        scratch,
    );
    scratch.order = order;
    sim
}

/// `(key id, position)` of each term, sorted: the order in which equal keys pair.
pub(super) fn sort_terms(terms: &[Term], order: &mut Vec<(u32, u32)>) {
    order.clear();
    order.extend(terms.iter().enumerate().map(|(k, t)| (t.id, k as u32)));
    order.sort_unstable();
}

/// [`term_similarity`] of terms whose [`sort_terms`] orders are known.
pub(super) fn sorted_similarity(
    terms: Pair<&[Term]>,
    order: Pair<&[(u32, u32)]>,
    keys: &[KeyInfo],
    scratch: &mut Scratch,
) -> Similarity {
    let (left, right) = (terms.left, terms.right);
    let total = terms.map(|ts| ts.iter().map(|t| t.weight).sum::<f64>());
    pair_equal_keys(order, left.len(), scratch);
    let Scratch {
        partner,
        used,
        spellable,
        near,
        ..
    } = scratch;
    used.clear();
    used.resize(right.len(), false);
    let mut matched = 0.0;
    let mut shared_content = 0;
    for (i, t) in left.iter().enumerate() {
        if let Some(j) = partner[i] {
            let j = j as usize;
            used[j] = true;
            matched += (t.weight + right[j].weight) / 2.0;
            shared_content += usize::from(t.content);
        }
    }
    if near.len() > NEAR_MEMORY {
        near.clear();
    }
    spellable.clear();
    let mut spellable_known = false;
    for i in (0..left.len()).filter(|&i| partner[i].is_none()) {
        if !left[i].spellable || keys[left[i].id as usize].chars < NEAR_SPELLING_MIN_CHARS {
            continue;
        }
        if !spellable_known {
            // Terms paired by equal key stay used, so they need not be looked at again.
            spellable.extend((0..right.len() as u32).filter(|&j| {
                let j = j as usize;
                right[j].spellable && !used[j]
            }));
            spellable_known = true;
        }
        if let Some((j, sim)) = near_term(&left[i], right, spellable, used, keys, near) {
            used[j] = true;
            matched += sim * (left[i].weight + right[j].weight) / 2.0;
            shared_content += 1;
        }
    }
    let sum = total.left + total.right;
    let score = if sum > 0.0 {
        (2.0 * matched / sum).min(1.0)
    } else {
        0.0
    };
    let content = Pair::new(left, right).map(|ts| ts.iter().filter(|t| t.content).count());
    Similarity {
        score,
        shared_content,
        content,
    }
}

/// Fills `scratch.partner`: for each of the `left_len` left terms, the right term of the
/// same key it pairs with, by merging the two sides sorted by key.
fn pair_equal_keys(order: Pair<&[(u32, u32)]>, left_len: usize, scratch: &mut Scratch) {
    scratch.partner.clear();
    scratch.partner.resize(left_len, None);
    let (l, r) = (order.left, order.right);
    let (mut a, mut b) = (0, 0);
    while a < l.len() && b < r.len() {
        match l[a].0.cmp(&r[b].0) {
            std::cmp::Ordering::Less => a += 1,
            std::cmp::Ordering::Greater => b += 1,
            std::cmp::Ordering::Equal => {
                scratch.partner[l[a].1 as usize] = Some(r[b].1);
                a += 1;
                b += 1;
            }
        }
    }
}

/// [`near_spelling`] over terms, remembering each pair of keys' score in `near`.
/// `spellable` lists, in order, the terms of `others` a near-spelling may stand for.
fn near_term(
    term: &Term,
    others: &[Term],
    spellable: &[u32],
    used: &[bool],
    keys: &[KeyInfo],
    near: &mut FxHashMap<(u32, u32), f64>,
) -> Option<(usize, f64)> {
    let own = &keys[term.id as usize];
    if !term.spellable || own.chars < NEAR_SPELLING_MIN_CHARS {
        return None;
    }
    spellable
        .iter()
        .map(|&j| (j as usize, &others[j as usize]))
        .filter(|&(j, o)| {
            let other = &keys[o.id as usize];
            !used[j]
                && other.first == own.first
                && may_be_near(own.chars, other.chars)
                && own.may_reach(other)
        })
        .map(|(j, o)| {
            let sim = *near
                .entry((term.id, o.id))
                .or_insert_with(|| strsim::jaro_winkler(own.key, keys[o.id as usize].key));
            (j, sim)
        })
        .filter(|&(_, sim)| sim >= NEAR_SPELLING)
        .max_by(|a, b| a.1.total_cmp(&b.1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::tests::doc;

    #[test]
    fn near_spellings_count_as_shared() {
        let docs = Pair::new(
            doc("They toured Observation Post Oullette."),
            doc("They toured Observation Post Ouellette."),
        );
        let idf = Idf::new(docs.as_ref());
        let s = similarity(
            &docs.left.sentences[0].tokens,
            &docs.right.sentences[0].tokens,
            &idf,
        );
        assert!(s.score > 0.95, "{s:?}");
    }

    #[test]
    fn never_is_not_a_spelling_of_ever() {
        let docs = Pair::new(doc("The war never ended."), doc("The war ever ended."));
        let right = &docs.right.sentences[0].tokens;
        let never = &docs.left.sentences[0].tokens[2];
        assert_eq!(near_spelling(never, right, &vec![false; right.len()]), None);
    }

    #[test]
    fn rare_words_weigh_more_than_common_ones() {
        let d = doc("The dam held.\nThe dam broke.\nThe levee held.\n");
        let idf = Idf::new(Pair::new(&d, &d));
        let dam = &d.sentences[0].tokens[1];
        let levee = &d.sentences[2].tokens[1];
        assert!(idf.weight(levee) > idf.weight(dam));
    }
}
