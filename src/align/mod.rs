//! Order-free matching of the two reports' sentences.
//!
//! 1. Weigh every key by how rare it is in the two reports ([`Idf`]).
//! 2. Find candidate pairs through an index of content keys: never all pairs against all.
//! 3. Score each candidate ([`similarity`]): IDF-weighted overlap of keys, near-spellings
//!    counted through `strsim`.
//! 4. Choose a global one-to-one assignment that maximises the total score
//!    (Kuhn–Munkres per connected group of candidates).
//! 5. Let a sentence join a neighbour's alignment when one outlet split what the other
//!    said in one sentence, and the joined pair explains both better.
//! 6. Link a sentence that is still unaligned but clearly restates a fact already aligned
//!    on the other side to that sentence: a sentence may stand in more than one alignment.
//! 7. Apart, and only for reports judged to be about one incident: relate the sentences of
//!    the two openings that tell the event in different words ([`lead_links`]).
//!
//! How similar a pair must be depends on whether the two reports are about one incident
//! at all ([`link_threshold`]): reports that share few names (people, places,
//! organisations) need much stronger evidence, so two earthquakes or two arrests are not
//! mistaken for one. A sentence whose best pair scores below the threshold stays
//! unaligned: it is a detail only its outlet reports, not a bad match.

use std::collections::{BTreeMap, BTreeSet};

use pathfinding::kuhn_munkres::kuhn_munkres;
use pathfinding::matrix::Matrix;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{Document, Key, Pair, Sentence, Side, Token, TokenKind};

/// The least similarity at which two sentences report the same fact, when nothing says
/// whether the reports are about one incident (too few names to tell).
pub const LINK_THRESHOLD: f64 = 0.3;
/// From this similarity two linked sentences are close to one wording of one fact; below it
/// they are a loose pair. Two opening sentences that each have such a link in the other
/// report are not related again ([`lead_links`]); compare reads a loose pair's side with
/// more words of its own as adding a detail.
pub const EQUIVALENT_SCORE: f64 = 0.55;
/// The threshold when the reports are about one incident.
const SAME_INCIDENT_THRESHOLD: f64 = 0.12;
/// The threshold when they share few: perhaps two incidents of the same kind.
const OTHER_INCIDENT_THRESHOLD: f64 = 0.45;
/// Share of names (of the side with fewer) both reports must have to be one incident...
const SHARED_NAMES: f64 = 0.3;
/// ...and either a sentence pair this similar, anchoring them to one incident...
const ANCHOR_SCORE: f64 = 0.4;
/// ...or this share of their names in common.
const MOSTLY_SHARED_NAMES: f64 = 0.5;
/// Fewer distinct names than this on a side tell nothing about the incident.
const MIN_NAMES: usize = 3;
/// A key in more than this share of a long report's sentences finds no candidates...
const COMMON_KEY_SHARE: f64 = 0.02;
/// ...unless it is in at most this many sentences...
const COMMON_KEY_MIN: usize = 40;
/// ...and in more than this many it finds none, however long the report: a key that
/// common tells little about which sentence matches which, and letting the limit grow
/// with the report made candidates grow with its square.
const COMMON_KEY_MAX: usize = 200;
/// Content words two sentences must share to tell one fact (see [`Similarity::has_evidence`]).
const MIN_SHARED_CONTENT: usize = 2;
/// A sentence restates an aligned fact when it scores at least this with its sentence.
const RESTATE_THRESHOLD: f64 = 0.15;
/// How much a stop word counts against a content word.
const STOP_WEIGHT: f64 = 0.3;
/// Names and numbers identify a fact more than other words do.
const NAME_BOOST: f64 = 1.0;
const NUMBER_BOOST: f64 = 1.3;
/// Near-spellings ("Oullette" / "Ouellette") count when Jaro–Winkler reaches this.
const NEAR_SPELLING: f64 = 0.92;
const NEAR_SPELLING_MIN_CHARS: usize = 5;
/// A joined alignment must beat the single one by this much.
const JOIN_GAIN: f64 = 0.02;
/// And the joining sentence must share this much with the other side on its own.
const JOIN_MIN_SCORE: f64 = 0.12;
/// The largest number of sentences one side of an alignment may hold.
const MAX_GROUP: usize = 3;
/// Above this many sentences a side, a connected group is assigned greedily by score.
const EXACT_ASSIGNMENT_LIMIT: usize = 300;
/// A report's opening: its headline and first paragraphs, where news tells the event itself
/// (what happened, to whom, where and when) before the details ([`lead_links`]).
pub const LEAD_SENTENCES: usize = 10;
/// Two opening sentences of reports of one incident are related from this similarity.
const LEAD_LINK_SCORE: f64 = 0.1;
/// How many opening sentences of the other report one opening sentence is related to: a
/// headline tells the event that the first paragraph tells again at more length, so one
/// sentence of the other report often restates both.
pub const LEAD_PARTNERS: usize = 2;

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
    fn weight_of(&self, frequency: u32, kind: TokenKind) -> f64 {
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

/// A token as the aligner reads it: its key as a number, its weight computed once.
#[derive(Clone, Copy, Debug)]
struct Term {
    weight: f64,
    /// Equal keys have equal ids; what else is known of the key is in a [`KeyInfo`].
    id: u32,
    content: bool,
    /// Whether a near-spelling may stand for it: a content word, not a number.
    spellable: bool,
}

impl Term {
    fn new(token: &Token, id: u32, weight: f64) -> Term {
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
struct KeyInfo<'a> {
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
    fn new(key: &'a str) -> KeyInfo<'a> {
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
struct Scratch {
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
fn term_similarity(
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
fn sort_terms(terms: &[Term], order: &mut Vec<(u32, u32)>) {
    order.clear();
    order.extend(terms.iter().enumerate().map(|(k, t)| (t.id, k as u32)));
    order.sort_unstable();
}

/// [`term_similarity`] of terms whose [`sort_terms`] orders are known.
fn sorted_similarity(
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

/// Whether words of these lengths (in characters) can reach [`NEAR_SPELLING`] at all.
///
/// Jaro–Winkler is at most `0.6 * jaro + 0.4`, and Jaro at most `(2 + short / long) / 3`,
/// so a Jaro–Winkler of 0.92 needs `short / long >= 0.6`. The test asks only half that,
/// well clear of rounding, and saves computing most hopeless pairs.
fn may_be_near(a: usize, b: usize) -> bool {
    const _: () = assert!(NEAR_SPELLING >= 0.92);
    2 * a.min(b) >= a.max(b)
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

/// The sentences of both reports as terms, weighed once for the whole alignment.
struct Terms<'a> {
    sentences: Pair<Vec<Vec<Term>>>,
    /// Each sentence's terms in [`sort_terms`] order.
    orders: Pair<Vec<Vec<(u32, u32)>>>,
    /// Sentences of one side with the same terms (keys and kinds, so weights) share a
    /// number: they score alike against anything.
    classes: Pair<Vec<u32>>,
    /// Every distinct key of the two reports; ids index it, in alphabetical order.
    keys: Vec<KeyInfo<'a>>,
}

impl<'a> Terms<'a> {
    fn new(docs: Pair<&'a Document>, idf: &Idf) -> Terms<'a> {
        let mut ids: FxHashMap<Key, u32> = FxHashMap::default();
        for t in docs
            .left
            .sentences
            .iter()
            .chain(&docs.right.sentences)
            .flat_map(|s| &s.tokens)
        {
            ids.entry(t.key).or_insert(0);
        }
        let mut distinct: Vec<Key> = ids.keys().copied().collect();
        distinct.sort_unstable();
        let mut frequency = Vec::with_capacity(distinct.len());
        for (id, &key) in distinct.iter().enumerate() {
            ids.insert(key, id as u32);
            frequency.push(idf.frequency(key));
        }
        // Each side's terms, their orders and its classes, the two sides side by side.
        let side = |d: &Document| {
            let terms: Vec<Vec<Term>> = d
                .sentences
                .iter()
                .map(|s| {
                    s.tokens
                        .iter()
                        .map(|t| {
                            let id = ids[&t.key];
                            Term::new(t, id, idf.weight_of(frequency[id as usize], t.kind))
                        })
                        .collect()
                })
                .collect();
            let orders: Vec<Vec<(u32, u32)>> = terms
                .iter()
                .map(|terms| {
                    let mut order = Vec::new();
                    sort_terms(terms, &mut order);
                    order
                })
                .collect();
            let mut numbers: FxHashMap<Vec<(Key, TokenKind)>, u32> = FxHashMap::default();
            let classes: Vec<u32> = d
                .sentences
                .iter()
                .map(|s| {
                    let words = s.tokens.iter().map(|t| (t.key, t.kind)).collect();
                    let next = numbers.len() as u32;
                    *numbers.entry(words).or_insert(next)
                })
                .collect();
            (terms, orders, classes)
        };
        let (left, right) = rayon::join(|| side(docs.left), || side(docs.right));
        let sentences = Pair::new(left.0, right.0);
        let orders = Pair::new(left.1, right.1);
        let classes = Pair::new(left.2, right.2);
        Terms {
            sentences,
            orders,
            classes,
            keys: distinct
                .into_iter()
                .map(|k| KeyInfo::new(k.as_str()))
                .collect(),
        }
    }

    /// The terms of several sentences of one side, in order.
    fn of(&self, side: Side, sentences: &[usize], out: &mut Vec<Term>) {
        out.clear();
        for &s in sentences {
            out.extend_from_slice(&self.sentences.get(side)[s]);
        }
    }

    /// The similarity of two groups of sentences.
    fn group_similarity(
        &self,
        sentences: &Pair<Vec<usize>>,
        scratch: &mut JoinScratch,
    ) -> Similarity {
        self.of(Side::Left, &sentences.left, &mut scratch.left);
        self.of(Side::Right, &sentences.right, &mut scratch.right);
        term_similarity(
            &scratch.left,
            &scratch.right,
            &self.keys,
            &mut scratch.similarity,
        )
    }
}

/// Sentences of the two reports matched as telling the same fact.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub sentences: Pair<Vec<usize>>,
    pub score: f64,
}

/// Aligns the sentences of two documents; the links come ordered by left sentence.
pub fn align(docs: Pair<&Document>, idf: &Idf) -> Vec<Link> {
    let verbatim = verbatim(docs);
    let taken = aligned_sentences(docs, verbatim.iter().map(|l| &l.sentences));
    let lowest = SAME_INCIDENT_THRESHOLD.min(LINK_THRESHOLD);
    let terms = Terms::new(docs, idf);
    let mut candidates = candidates(&terms, lowest, &taken);
    let best_verbatim = if verbatim.is_empty() { 0.0 } else { 1.0 };
    let best = candidates.iter().map(|c| c.2).fold(best_verbatim, f64::max);
    let threshold = link_threshold(&Incident::of(docs), best);
    candidates.retain(|c| c.2 >= threshold);
    let mut links = assign(&candidates, docs);
    links.extend(verbatim);
    join_neighbours(&terms, &mut links);
    links.extend(restatements(&candidates, &links, docs, threshold));
    links.sort_by_key(|l| (l.sentences.left[0], l.sentences.right[0]));
    links
}

/// Sentences that are the same word for word (after folding) on both sides, paired in
/// order: the k-th copy on the left with the k-th on the right. Hashing makes this linear,
/// so a report compared with itself, or wire copy reused verbatim, costs little.
fn verbatim(docs: Pair<&Document>) -> Vec<Link> {
    fn key(s: &Sentence) -> Vec<Key> {
        s.tokens.iter().map(|t| t.key).collect()
    }
    let mut right: FxHashMap<Vec<Key>, std::collections::VecDeque<usize>> = FxHashMap::default();
    for (j, s) in docs.right.sentences.iter().enumerate() {
        if !s.tokens.is_empty() {
            right.entry(key(s)).or_default().push_back(j);
        }
    }
    let mut out = Vec::new();
    for (i, s) in docs.left.sentences.iter().enumerate() {
        if let Some(j) = right.get_mut(&key(s)).and_then(|q| q.pop_front()) {
            out.push(Link {
                sentences: Pair::new(vec![i], vec![j]),
                score: 1.0,
            });
        }
    }
    out
}

/// Links between the openings of two reports of one incident, beside the alignment: each
/// of the first [`LEAD_SENTENCES`] sentences of a report to the [`LEAD_PARTNERS`] opening
/// sentences of the other it is closest to, when it is not already aligned with them and
/// the two are not each restated by the other report already.
///
/// Both openings tell the event, usually in different words and with different facts
/// ("Ferry runs aground off Velsay" / "The Corran Star struck rocks off Velsay late on
/// Friday"), so the one-to-one alignment pairs each with one partner at most, and the
/// others stay apart though they tell the same event. These links relate the sentences;
/// they are not one fact told twice (see `compare::relate`). Call this only for reports
/// judged to be about one incident: between two incidents of one kind, the openings share
/// topic words and nothing else.
pub fn lead_links(docs: Pair<&Document>, idf: &Idf, links: &[Link]) -> Vec<Link> {
    let linked: FxHashSet<(usize, usize)> = links
        .iter()
        .flat_map(|l| {
            let right = &l.sentences.right;
            l.sentences
                .left
                .iter()
                .flat_map(move |&i| right.iter().map(move |&j| (i, j)))
        })
        .collect();
    let lead = docs.map(|d| d.sentences.len().min(LEAD_SENTENCES));
    // Two sentences that each have their restatement in the other report: relating them
    // would say only that one report's two sentences tell one event.
    let mut restated: Pair<FxHashSet<usize>> = Pair::default();
    for l in links.iter().filter(|l| l.score >= EQUIVALENT_SCORE) {
        restated.left.extend(l.sentences.left.iter().copied());
        restated.right.extend(l.sentences.right.iter().copied());
    }
    let mut best: FxHashMap<(Side, usize), Vec<Candidate>> = FxHashMap::default();
    for i in 0..lead.left {
        for j in 0..lead.right {
            if linked.contains(&(i, j))
                || (restated.left.contains(&i) && restated.right.contains(&j))
            {
                continue;
            }
            let similarity = group_similarity(docs, idf, &Pair::new(vec![i], vec![j]));
            if !similarity.has_evidence() || similarity.score < LEAD_LINK_SCORE {
                continue;
            }
            for key in [(Side::Left, i), (Side::Right, j)] {
                best.entry(key).or_default().push((i, j, similarity.score));
            }
        }
    }
    let mut out: Vec<Link> = best
        .into_values()
        .flat_map(|mut partners| {
            partners.sort_by(|a, b| b.2.total_cmp(&a.2));
            partners.truncate(LEAD_PARTNERS);
            partners
        })
        .map(|(i, j, score)| Link {
            sentences: Pair::new(vec![i], vec![j]),
            score,
        })
        .collect();
    out.sort_by_key(|l| (l.sentences.left[0], l.sentences.right[0]));
    out.dedup_by(|a, b| a.sentences == b.sentences);
    out
}

/// What the two reports as a whole say about being reports of one incident.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Incident {
    /// Distinct names (people, places, organisations) of the side with fewer.
    pub fewer_names: usize,
    /// Names both reports have.
    pub shared_names: usize,
}

impl Incident {
    pub fn of(docs: Pair<&Document>) -> Incident {
        let names = docs.map(|d| {
            d.sentences
                .iter()
                .flat_map(|s| &s.tokens)
                .filter(|t| t.kind == TokenKind::Name)
                .map(|t| t.key)
                .collect::<FxHashSet<Key>>()
        });
        Incident {
            fewer_names: names.left.len().min(names.right.len()),
            shared_names: names.left.intersection(&names.right).count(),
        }
    }

    fn shared_share(&self) -> f64 {
        self.shared_names as f64 / self.fewer_names.max(1) as f64
    }
}

/// How similar two sentences must be to be linked, given the incident evidence and the
/// best score any sentence pair reaches.
///
/// Reports of one incident name the same people and places, and usually restate at least
/// one sentence closely; two incidents of one kind (two earthquakes) share vocabulary but
/// few names, and no sentence of one restates the other.
pub fn link_threshold(incident: &Incident, best_score: f64) -> f64 {
    if incident.fewer_names < MIN_NAMES {
        return LINK_THRESHOLD;
    }
    let share = incident.shared_share();
    let one_incident =
        share >= SHARED_NAMES && (best_score >= ANCHOR_SCORE || share >= MOSTLY_SHARED_NAMES);
    if one_incident {
        SAME_INCIDENT_THRESHOLD
    } else {
        OTHER_INCIDENT_THRESHOLD
    }
}

/// Links for sentences left unaligned that restate a fact already aligned: each to its
/// best candidate on the other side, when that is close enough.
fn restatements(
    candidates: &[Candidate],
    links: &[Link],
    docs: Pair<&Document>,
    threshold: f64,
) -> Vec<Link> {
    let min_score = threshold.max(RESTATE_THRESHOLD);
    let aligned = aligned_sentences(docs, links.iter().map(|l| &l.sentences));
    let mut best: FxHashMap<(Side, usize), Candidate> = FxHashMap::default();
    for &(i, j, score) in candidates.iter().filter(|c| c.2 >= min_score) {
        for (side, own, other) in [(Side::Left, i, j), (Side::Right, j, i)] {
            let restates = !aligned.get(side)[own] && aligned.get(side.other())[other];
            let entry = best.entry((side, own)).or_insert((i, j, 0.0));
            if restates && score > entry.2 {
                *entry = (i, j, score);
            }
        }
    }
    best.retain(|_, c| c.2 > 0.0);
    let mut out: Vec<Link> = best
        .into_values()
        .map(|(i, j, score)| Link {
            sentences: Pair::new(vec![i], vec![j]),
            score,
        })
        .collect();
    out.sort_by_key(|l| (l.sentences.left[0], l.sentences.right[0]));
    out.dedup_by(|a, b| a.sentences == b.sentences);
    out
}

/// A scored pair of sentences worth considering: `(left, right, score)`.
type Candidate = (usize, usize, f64);

/// Pairs that share enough informative keys and score at least `threshold`.
///
/// Candidates come from an inverted index of the right side's content keys. Keys that
/// occur in more than a small share of sentences are left out of the index: they say
/// little about which sentence matches which, and would make the cost grow with the
/// square of the input. A pair is scored only when it shares the content keys a link needs
/// (see [`Similarity::has_evidence`]), so most pairs are never scored at all.
fn candidates(terms: &Terms, threshold: f64, taken: &Pair<Vec<bool>>) -> Vec<Candidate> {
    let keys = terms
        .sentences
        .as_ref()
        .map(|side| side.iter().map(|s| content_keys(s)).collect::<Vec<_>>());
    let sentences = terms.sentences.as_ref().map(Vec::len);
    let common = common_frequency(sentences.left.max(sentences.right));
    let mut index: Vec<Vec<u32>> = vec![Vec::new(); terms.keys.len()];
    for (j, ks) in keys
        .right
        .iter()
        .enumerate()
        .filter(|(j, _)| !taken.right[*j])
    {
        for &key in ks {
            index[key as usize].push(j as u32);
        }
    }
    for postings in &mut index {
        if postings.len() > common {
            *postings = Vec::new();
        }
    }
    let left: Vec<usize> = (0..sentences.left).filter(|&i| !taken.left[i]).collect();
    // Left sentences with the same terms find the same candidates with the same scores:
    // each class is scored once, by its first sentence, and its list is given to all.
    let mut first_of_class: Vec<usize> = Vec::new();
    let mut slot = vec![usize::MAX; sentences.left];
    let slots: Vec<usize> = left
        .iter()
        .map(|&i| {
            let class = terms.classes.left[i] as usize;
            if slot[class] == usize::MAX {
                slot[class] = first_of_class.len();
                first_of_class.push(i);
            }
            slot[class]
        })
        .collect();
    // Each class is scored on its own, so they spread over threads; the results come back
    // in order, exactly as a sequential loop would give them.
    let per_class: Vec<Vec<(u32, f64)>> = first_of_class
        .par_iter()
        .map_init(
            || {
                let shared = vec![0u32; sentences.right];
                (shared, Vec::new(), FxHashMap::default(), Scratch::default())
            },
            |(shared, touched, scored, scratch), &i| {
                let left_keys = &keys.left[i];
                for &key in left_keys {
                    for &j in &index[key as usize] {
                        let j = j as usize;
                        if shared[j] == 0 {
                            touched.push(j);
                        }
                        shared[j] += 1;
                    }
                }
                // The score of each class of right sentences, worked out once.
                scored.clear();
                let mut out = Vec::new();
                for &j in touched.iter() {
                    let needed = MIN_SHARED_CONTENT
                        .min(left_keys.len())
                        .min(keys.right[j].len())
                        .max(1);
                    if shared[j] as usize >= needed {
                        let kept = *scored.entry(terms.classes.right[j]).or_insert_with(|| {
                            let sim = sorted_similarity(
                                Pair::new(&terms.sentences.left[i], &terms.sentences.right[j])
                                    .map(Vec::as_slice),
                                Pair::new(&terms.orders.left[i], &terms.orders.right[j])
                                    .map(Vec::as_slice),
                                &terms.keys,
                                scratch,
                            );
                            (sim.score >= threshold && sim.has_evidence()).then_some(sim.score)
                        });
                        if let Some(score) = kept {
                            out.push((j as u32, score));
                        }
                    }
                    shared[j] = 0;
                }
                touched.clear();
                out
            },
        )
        .collect();
    left.iter()
        .zip(slots)
        .flat_map(|(&i, k)| {
            per_class[k]
                .iter()
                .map(move |&(j, score)| (i, j as usize, score))
        })
        .collect()
}

/// The distinct content keys of a sentence, in the keys' alphabetical order.
fn content_keys(terms: &[Term]) -> Vec<u32> {
    let mut keys: Vec<u32> = terms.iter().filter(|t| t.content).map(|t| t.id).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The most sentences a key may occur in and still find candidates: all of them in a short
/// report, a small share of a longer one, and a fixed number in a very long one (beyond
/// 10,000 sentences), so that the candidates of a sentence stay few.
fn common_frequency(sentences: usize) -> usize {
    COMMON_KEY_MIN
        .max((sentences as f64 * COMMON_KEY_SHARE) as usize)
        .min(COMMON_KEY_MAX)
}

/// A one-to-one assignment of maximum total score over the candidates.
fn assign(candidates: &[Candidate], docs: Pair<&Document>) -> Vec<Link> {
    let mut links = Vec::new();
    let lens = docs.map(|d| d.sentences.len());
    for group in connected_groups(candidates, lens.left, lens.right) {
        let pairs = if group.left.len().min(group.right.len()) > EXACT_ASSIGNMENT_LIMIT {
            greedy(&group.candidates)
        } else {
            optimal(&group)
        };
        links.extend(pairs.into_iter().map(|(i, j, score)| Link {
            sentences: Pair::new(vec![i], vec![j]),
            score,
        }));
    }
    links
}

/// Candidates that compete for the same sentences, and the sentences they name.
struct Group {
    left: Vec<usize>,
    right: Vec<usize>,
    candidates: Vec<Candidate>,
}

/// Splits the candidate graph into its connected components.
fn connected_groups(candidates: &[Candidate], left_len: usize, right_len: usize) -> Vec<Group> {
    // Union–find over left sentences, then right sentences shifted by `left_len`.
    let mut parent: Vec<usize> = (0..left_len + right_len).collect();
    fn root(parent: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while parent[r] != r {
            r = parent[r];
        }
        let mut y = x;
        while parent[y] != r {
            let next = parent[y];
            parent[y] = r;
            y = next;
        }
        r
    }
    for &(i, j, _) in candidates {
        let (a, b) = (root(&mut parent, i), root(&mut parent, left_len + j));
        if a != b {
            parent[a] = b;
        }
    }
    // Each root's group, numbered in the order groups are first met.
    let mut group_of: Vec<usize> = vec![usize::MAX; left_len + right_len];
    let mut out: Vec<Group> = Vec::new();
    for &c in candidates {
        let r = root(&mut parent, c.0);
        if group_of[r] == usize::MAX {
            group_of[r] = out.len();
            out.push(Group {
                left: Vec::new(),
                right: Vec::new(),
                candidates: Vec::new(),
            });
        }
        out[group_of[r]].candidates.push(c);
    }
    for g in &mut out {
        g.left = g.candidates.iter().map(|c| c.0).collect();
        g.right = g.candidates.iter().map(|c| c.1).collect();
        for side in [&mut g.left, &mut g.right] {
            side.sort_unstable();
            side.dedup();
        }
    }
    out.sort_by_key(|g| g.left[0]);
    out
}

/// Kuhn–Munkres on one group; scores are scaled to integers (floats can make it loop).
fn optimal(group: &Group) -> Vec<Candidate> {
    let transpose = group.left.len() > group.right.len();
    let (rows, cols) = if transpose {
        (&group.right, &group.left)
    } else {
        (&group.left, &group.right)
    };
    let row_at: FxHashMap<usize, usize> = rows.iter().enumerate().map(|(k, &x)| (x, k)).collect();
    let col_at: FxHashMap<usize, usize> = cols.iter().enumerate().map(|(k, &x)| (x, k)).collect();
    let mut weights = Matrix::new(rows.len(), cols.len(), 0i64);
    for &(i, j, score) in &group.candidates {
        let (r, c) = if transpose { (j, i) } else { (i, j) };
        weights[(row_at[&r], col_at[&c])] = (score * 1_000_000.0).round() as i64;
    }
    let (_, assignment) = kuhn_munkres(&weights);
    let score_of: FxHashMap<(usize, usize), f64> = group
        .candidates
        .iter()
        .map(|&(i, j, s)| ((i, j), s))
        .collect();
    assignment
        .into_iter()
        .enumerate()
        .filter_map(|(r, c)| {
            let (i, j) = if transpose {
                (cols[c], rows[r])
            } else {
                (rows[r], cols[c])
            };
            score_of.get(&(i, j)).map(|&s| (i, j, s))
        })
        .collect()
}

/// Best-first one-to-one matching, for groups too large for the exact assignment.
fn greedy(candidates: &[Candidate]) -> Vec<Candidate> {
    let mut sorted = candidates.to_vec();
    sorted.sort_by(|a, b| b.2.total_cmp(&a.2));
    let (mut left, mut right) = (FxHashSet::default(), FxHashSet::default());
    sorted
        .into_iter()
        .filter(|&(i, j, _)| {
            let free = !left.contains(&i) && !right.contains(&j);
            if free {
                left.insert(i);
                right.insert(j);
            }
            free
        })
        .collect()
}

/// Lets an unaligned sentence join the alignment of the sentence next to it, when one
/// outlet says in two sentences what the other says in one.
///
/// Turn about, each side lets its first sentence that can join do so, until none can. What
/// a sentence could join is worked out once and again only when a link beside it changes,
/// so the cost grows with the number of sentences and joins, not their product.
fn join_neighbours(terms: &Terms, links: &mut [Link]) {
    let mut scratch = JoinScratch::default();
    let mut joins = Pair::new(Side::Left, Side::Right)
        .map(|side| Joins::new(side, terms.sentences.get(side).len(), links));
    loop {
        let mut changed = false;
        for side in Side::BOTH {
            let Some((s, k)) = joins.get_mut(side).first(terms, links, &mut scratch) else {
                continue;
            };
            let before = links[k].sentences.clone();
            let own = links[k].sentences.get_mut(side);
            own.push(s);
            own.sort_unstable();
            links[k].score = terms
                .group_similarity(&links[k].sentences, &mut scratch)
                .score;
            joins
                .get_mut(side)
                .joined(s, k, before.get(side), links[k].sentences.get(side));
            // The link's score and its sentences on this side changed: the sentences next
            // to its other side weigh joining it anew.
            joins.get_mut(side.other()).beside(before.get(side.other()));
            changed = true;
        }
        if !changed {
            return;
        }
    }
}

/// Which unaligned sentences of one side can join the link next to them, worked out lazily.
struct Joins {
    side: Side,
    aligned: Vec<bool>,
    /// The links whose sentences on this side start, or end, at a sentence.
    starts: Vec<Vec<usize>>,
    ends: Vec<Vec<usize>>,
    /// Unaligned sentences known to join a link (and which), and those to work out again;
    /// any other unaligned sentence is known to join none.
    joinable: BTreeMap<usize, usize>,
    stale: BTreeSet<usize>,
}

impl Joins {
    fn new(side: Side, sentences: usize, links: &[Link]) -> Joins {
        let mut joins = Joins {
            side,
            aligned: vec![false; sentences],
            starts: vec![Vec::new(); sentences],
            ends: vec![Vec::new(); sentences],
            joinable: BTreeMap::new(),
            stale: BTreeSet::new(),
        };
        for (k, l) in links.iter().enumerate() {
            let g = l.sentences.get(side);
            for &s in g {
                joins.aligned[s] = true;
            }
            joins.starts[g[0]].push(k);
            joins.ends[g[g.len() - 1]].push(k);
        }
        joins.stale = (0..sentences).filter(|&s| !joins.aligned[s]).collect();
        joins
    }

    /// The first unaligned sentence that can join a link, and the link.
    fn first(
        &mut self,
        terms: &Terms,
        links: &[Link],
        scratch: &mut JoinScratch,
    ) -> Option<(usize, usize)> {
        while let Some(&s) = self.stale.first() {
            if self.joinable.first_key_value().is_some_and(|(&j, _)| j < s) {
                break;
            }
            self.stale.remove(&s);
            let mut beside: Vec<usize> = self
                .starts
                .get(s + 1)
                .into_iter()
                .flatten()
                .copied()
                .collect();
            if s > 0 {
                beside.extend(&self.ends[s - 1]);
            }
            beside.sort_unstable();
            if let Some(k) = best_join(terms, links, self.side, s, &beside, scratch) {
                self.joinable.insert(s, k);
            }
        }
        self.joinable.first_key_value().map(|(&s, &k)| (s, k))
    }

    /// Sentence `s` joined link `k`, whose sentences on this side were `before`, now `after`.
    fn joined(&mut self, s: usize, k: usize, before: &[usize], after: &[usize]) {
        self.aligned[s] = true;
        self.joinable.remove(&s);
        self.stale.remove(&s);
        self.starts[before[0]].retain(|&x| x != k);
        self.ends[before[before.len() - 1]].retain(|&x| x != k);
        self.starts[after[0]].push(k);
        self.ends[after[after.len() - 1]].push(k);
        self.beside(before);
        self.beside(after);
    }

    /// A link whose sentences on this side are `group` changed: its neighbours are stale.
    fn beside(&mut self, group: &[usize]) {
        let (first, last) = (group[0], group[group.len() - 1]);
        for s in [first.checked_sub(1), Some(last + 1)].into_iter().flatten() {
            if s < self.aligned.len() && !self.aligned[s] {
                self.joinable.remove(&s);
                self.stale.insert(s);
            }
        }
    }
}

/// Buffers for joining: the terms of a group on each side, and the similarity's own.
#[derive(Default)]
struct JoinScratch {
    left: Vec<Term>,
    right: Vec<Term>,
    similarity: Scratch,
}

/// Of the links `beside` sentence `s` of `side` (ascending), the one it should join, if
/// joining makes it clearly better.
fn best_join(
    terms: &Terms,
    links: &[Link],
    side: Side,
    s: usize,
    beside: &[usize],
    scratch: &mut JoinScratch,
) -> Option<usize> {
    let own = &terms.sentences.get(side)[s];
    let mut best: Option<(usize, f64)> = None;
    for &k in beside {
        let l = &links[k];
        let g = l.sentences.get(side);
        if g.len() >= MAX_GROUP || !(g[0] == s + 1 || g[g.len() - 1] + 1 == s) {
            continue;
        }
        terms.of(
            side.other(),
            l.sentences.get(side.other()),
            &mut scratch.right,
        );
        let alone = term_similarity(own, &scratch.right, &terms.keys, &mut scratch.similarity);
        if alone.score < JOIN_MIN_SCORE {
            continue;
        }
        let mut joined = l.sentences.clone();
        joined.get_mut(side).push(s);
        joined.get_mut(side).sort_unstable();
        let gain = terms.group_similarity(&joined, scratch).score - l.score;
        // Ties go to the later link, as `Iterator::max_by` would choose.
        if gain >= JOIN_GAIN && best.is_none_or(|(_, b)| gain >= b) {
            best = Some((k, gain));
        }
    }
    best.map(|(k, _)| k)
}

/// For each sentence of each side, whether any of `groups` names it.
pub fn aligned_sentences<'a>(
    docs: Pair<&Document>,
    groups: impl Iterator<Item = &'a Pair<Vec<usize>>>,
) -> Pair<Vec<bool>> {
    let mut flags = docs.map(|d| vec![false; d.sentences.len()]);
    for group in groups {
        for side in Side::BOTH {
            for &i in group.get(side) {
                flags.get_mut(side)[i] = true;
            }
        }
    }
    flags
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspect;
    use crate::model::Source;

    fn doc(text: &str) -> Document {
        inspect(Source::new("t", text))
    }

    fn links(left: &str, right: &str) -> Vec<(Vec<usize>, Vec<usize>)> {
        let docs = Pair::new(doc(left), doc(right));
        let idf = Idf::new(docs.as_ref());
        align(docs.as_ref(), &idf)
            .into_iter()
            .map(|l| (l.sentences.left, l.sentences.right))
            .collect()
    }

    #[test]
    fn the_openings_of_one_incident_are_related_beside_the_alignment() {
        let left = "Ferry runs aground off Velsay\n\n\
            A passenger ferry ran aground on rocks off Velsay on Friday evening.\n\n\
            The Corran Star was carrying 300 people.\n\n\
            Coastguards from Port Ardwin took the passengers off by lifeboat.\n\n\
            The ferry's owner, Westmark, apologised.\n\n\
            Divers will inspect the hull.\n\n\
            The harbour at Port Ardwin reopened on Saturday.\n\n\
            Ferries to the mainland ran late all weekend.\n\n\
            The crew were praised by the islanders.\n\n\
            A new timetable starts next month.\n\n\
            Tickets bought for Friday will be refunded.\n\n\
            The ferry ran aground near Velsay once before, in 2009.\n";
        let right = "Velsay ferry grounding leaves dozens hurt\n\n\
            The Corran Star struck rocks off Velsay late on Friday, and dozens were hurt.\n\n\
            Lifeboats from Port Ardwin took the passengers off.\n\n\
            Westmark said it was sorry.\n";
        let docs = Pair::new(doc(left), doc(right));
        let idf = Idf::new(docs.as_ref());
        let links = align(docs.as_ref(), &idf);
        let leads = lead_links(docs.as_ref(), &idf, &links);
        let pairs: Vec<(usize, usize)> = leads
            .iter()
            .map(|l| (l.sentences.left[0], l.sentences.right[0]))
            .collect();
        // Each headline with the other report's first paragraph, which tells the same event.
        assert!(
            pairs.contains(&(0, 1)) && pairs.contains(&(1, 0)),
            "{pairs:?}"
        );
        for l in &leads {
            assert!(l.score >= LEAD_LINK_SCORE, "{l:?}");
            assert!(l.sentences.left[0] < LEAD_SENTENCES && l.sentences.right[0] < LEAD_SENTENCES);
            assert!(
                !links.iter().any(|a| a.sentences == l.sentences),
                "{l:?} is aligned"
            );
        }
        // The last sentence tells of the grounding too, but after the opening.
        let last = docs.left.sentences.len() - 1;
        assert!(last >= LEAD_SENTENCES);
        let late = group_similarity(docs.as_ref(), &idf, &Pair::new(vec![last], vec![0]));
        assert!(
            late.has_evidence() && late.score >= LEAD_LINK_SCORE,
            "{late:?}"
        );
        assert!(!pairs.iter().any(|&(i, _)| i == last), "{pairs:?}");
        // The first paragraph, aligned with the other's, is related to the next two closest:
        // the headline, and the rescue it also tells of.
        let first: Vec<usize> = pairs.iter().filter(|p| p.0 == 1).map(|p| p.1).collect();
        assert_eq!(first, [0, 2]);
        assert_eq!(first.len(), LEAD_PARTNERS);
    }

    #[test]
    fn sentences_restated_on_both_sides_are_not_related_again() {
        let text = "Footbridge falls in Port Elvin\n\n\
            A footbridge over the Cray collapsed in Port Elvin on Saturday.\n\n\
            Twelve people were hurt when the footbridge collapsed.\n\n\
            The mayor called the collapse a dark night for the town.\n";
        let docs = Pair::new(doc(text), doc(text));
        let idf = Idf::new(docs.as_ref());
        let links = align(docs.as_ref(), &idf);
        assert_eq!(links.len(), 4);
        // Each opening sentence shares words with the others: within one report they would
        // be related, but each has its own restatement in the other report.
        let a = group_similarity(docs.as_ref(), &idf, &Pair::new(vec![1], vec![2]));
        assert!(a.has_evidence() && a.score >= LEAD_LINK_SCORE, "{a:?}");
        assert_eq!(lead_links(docs.as_ref(), &idf, &links), []);
    }

    #[test]
    fn matches_reordered_sentences() {
        let left = "The bridge over the Tarn river collapsed on Monday.\nNine workers were hurt.\nThe mayor blamed the contractor.\n";
        let right = "The mayor said the contractor was to blame.\nNine workers were injured.\nA bridge across the river Tarn fell down on Monday.\n";
        assert_eq!(
            links(left, right),
            [(vec![0], vec![2]), (vec![1], vec![1]), (vec![2], vec![0])]
        );
    }

    #[test]
    fn leaves_unrelated_sentences_unaligned() {
        let left = "The bridge over the Tarn river collapsed on Monday.\nOfficials will publish a report in May.\n";
        let right = "A bridge across the river Tarn fell down on Monday.\nLocal football fans celebrated a cup win.\n";
        assert_eq!(links(left, right), [(vec![0], vec![0])]);
    }

    #[test]
    fn assignment_is_global_not_first_come() {
        // Greedy by position would give right 0 to left 0; left 1 fits right 0 far better,
        // and left 0 still has right 1.
        let left = "Rescuers pulled workers from the river.\nRescuers pulled nine workers from the Tarn river on Monday.\n";
        let right = "On Monday rescuers pulled nine workers from the Tarn river.\nWorkers were pulled from the river by rescuers.\n";
        assert_eq!(links(left, right), [(vec![0], vec![1]), (vec![1], vec![0])]);
    }

    #[test]
    fn one_sentence_may_align_with_two_neighbours() {
        let left =
            "The bridge collapsed on Monday, injuring nine workers who were repairing its deck.\n";
        let right = "The bridge collapsed on Monday.\nNine workers who were repairing its deck were injured.\n";
        assert_eq!(links(left, right), [(vec![0], vec![0, 1])]);
    }

    #[test]
    fn a_sentence_restating_an_aligned_fact_links_to_it() {
        let left = "Rescuers pulled nine workers from the Tarn river on Monday.\nThe council thanked the volunteers.\nNine workers were pulled from the Tarn river by rescuers on Monday.\n";
        let right = "On Monday rescuers pulled nine workers from the Tarn river.\n";
        assert_eq!(links(left, right), [(vec![0], vec![0]), (vec![2], vec![0])]);
    }

    #[test]
    fn reports_sharing_no_names_need_stronger_evidence() {
        let quake = |place: &str, agency: &str, chief: &str| {
            format!(
                "A strong earthquake struck {place} on Monday.\nThe {agency} said buildings collapsed.\n{chief} ordered rescue teams to the area.\n"
            )
        };
        let arlow = doc(&quake("Arlow", "Arlow Survey", "Governor Lind"));
        let benmore = doc(&quake("Benmore", "Benmore Office", "Mayor Tait"));
        let same = Incident::of(Pair::new(&arlow, &arlow));
        let other = Incident::of(Pair::new(&arlow, &benmore));
        assert!(link_threshold(&same, 1.0) < link_threshold(&other, 1.0));
    }

    #[test]
    fn shared_names_without_an_anchoring_sentence_are_not_enough() {
        let some_shared = Incident {
            fewer_names: 10,
            shared_names: 4,
        };
        assert_eq!(link_threshold(&some_shared, 0.9), SAME_INCIDENT_THRESHOLD);
        assert_eq!(link_threshold(&some_shared, 0.2), OTHER_INCIDENT_THRESHOLD);
        let most_shared = Incident {
            fewer_names: 10,
            shared_names: 6,
        };
        assert_eq!(link_threshold(&most_shared, 0.2), SAME_INCIDENT_THRESHOLD);
    }

    #[test]
    fn too_few_names_tell_nothing() {
        let few = Incident {
            fewer_names: 1,
            shared_names: 0,
        };
        assert_eq!(link_threshold(&few, 0.9), LINK_THRESHOLD);
    }

    #[test]
    fn verbatim_sentences_pair_in_order_even_when_common() {
        let text = "Rain.\nRain.\nWind.\nRain.\n";
        assert_eq!(
            links(text, text),
            [
                (vec![0], vec![0]),
                (vec![1], vec![1]),
                (vec![2], vec![2]),
                (vec![3], vec![3])
            ]
        );
    }

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
