//! factdiff compares how two news outlets report the same event.
//!
//! The pipeline, one module each: `read → clean → segment → extract → align → judge →
//! compare → render`, over the words of `text` and the types of `model`. [`inspect`] runs it up to one [`Document`]; [`compare()`] runs it for two
//! reports and returns one [`Report`], which every printer in [`render`] only formats.
//!
//! ```
//! use factdiff::model::Source;
//! let source = Source::new;
//! let report = factdiff::compare(
//!     source("a", "The dam broke on Monday. Nine people were hurt."),
//!     source("b", "Eleven people were hurt. The dam broke on Monday."),
//! );
//! assert_eq!(report.alignments.len(), 2);
//! assert!(report.has_differences());
//! ```

pub mod align;
pub mod clean;
pub mod compare;
pub mod extract;
pub mod judge;
pub mod learn;
pub mod model;
pub mod read;
pub mod render;
pub mod segment;
pub mod text;

use model::{Alignment, Document, Pair, Report, Sentence, Source};
use rayon::prelude::*;

/// Reads one report: separates boilerplate, splits sentences, finds their words.
///
/// Quotations, facts and words are found side by side, on as many threads as there are.
pub fn inspect(source: Source) -> Document {
    let text = source.text.as_str();
    let cleaned = clean::clean(text);
    let spans = segment::segment(text, &cleaned.kept);
    let ((quotes, facts), sentences) = rayon::join(
        || {
            // Names serve both quotations (speakers) and facts: found once.
            let names = extract::names::names(text, &spans);
            let name_spans: Vec<model::Span> = names.iter().map(|n| n.span).collect();
            rayon::join(
                || extract::quotes::quotes_with(text, &spans, names),
                || extract::facts::facts_with(text, &spans, &cleaned.dropped, &name_spans),
            )
        },
        || words(text, &spans),
    );
    let mut dropped = cleaned.dropped;
    dropped.sort_by_key(|d| d.span);
    let page = source.page;
    let published = page
        .as_ref()
        .and_then(|p| p.published)
        .or_else(|| extract::facts::published(text, &dropped));
    Document {
        label: source.label,
        path: source.path,
        published,
        text: source.text,
        byline: cleaned.byline,
        sentences,
        dropped,
        quotes,
        facts,
        page,
    }
}

/// Fewer sentences than this are not worth a thread of their own.
const MIN_CHUNK: usize = 256;

/// The sentences at `spans` with their words, tokenised in parallel chunks.
fn words(text: &str, spans: &[model::Span]) -> Vec<Sentence> {
    // One chunk a thread: each tokenizer learns the words of a large part of the report.
    let chunk = spans
        .len()
        .div_ceil(rayon::current_num_threads())
        .max(MIN_CHUNK);
    spans
        .par_chunks(chunk)
        .flat_map_iter(|chunk| {
            let mut tokenizer = text::tokens::Tokenizer::default();
            chunk
                .iter()
                .map(|&span| Sentence {
                    span,
                    tokens: tokenizer.tokenize(text, span),
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Compares two reports of the same event: the pipeline after reading, step by step.
///
/// Each step is parallel inside where it pays; the quotations pair beside the sentences.
pub fn compare(left: Source, right: Source) -> Report {
    let (left, right) = rayon::join(|| inspect(left), || inspect(right));
    let documents = Pair::new(left, right);
    let docs = documents.as_ref();
    let idf = align::Idf::new(docs);
    let (links, quote_matches) = rayon::join(
        || align::align(docs, &idf),
        || compare::quotes::match_quotes(docs),
    );
    let judge::Judged {
        links: kept,
        mut same_event,
    } = judge::judge(docs, &idf, &links);
    let openings = judge::openings(docs, &idf, &links, &mut same_event);
    let mut alignments = compare::compare(docs, &idf, kept);
    relate(docs, &idf, openings, &mut alignments);
    compare::quotes::add_conflicts(docs, &quote_matches, &mut alignments);
    let only_quotes = compare::quotes::unmatched(docs, &quote_matches);
    let aligned = align::aligned_sentences(docs, alignments.iter().map(|a| &a.sentences));
    let only = aligned.map(|flags| (0..flags.len()).filter(|&i| !flags[i]).collect());
    let single_source = compare::claims::single_source(docs, &alignments, &only, &only_quotes);
    Report {
        documents,
        same_event,
        alignments,
        only,
        quote_matches,
        only_quotes,
        single_source,
        equivalence: model::Equivalence {
            threshold: compare::equivalence::threshold(),
            intercept: compare::equivalence::model().intercept,
        },
    }
}

/// Adds the related openings to the alignments, in the alignments' order.
fn relate(
    docs: Pair<&Document>,
    idf: &align::Idf,
    openings: Vec<align::Link>,
    alignments: &mut Vec<Alignment>,
) {
    if !openings.is_empty() {
        alignments.extend(compare::relate(docs, idf, openings));
        alignments.sort_by_key(|a| (a.sentences.left[0], a.sentences.right[0]));
    }
}
