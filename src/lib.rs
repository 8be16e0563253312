//! factdiff compares how two news outlets report the same event.
//!
//! The pipeline, one module each: `read → clean → segment → (tokens) → align → compare →
//! render`. [`inspect`] runs it up to one [`Document`]; [`compare`] runs it for two
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
pub mod learn;
pub mod model;
pub mod read;
pub mod render;
pub mod segment;
pub mod tokens;

use model::{Document, Pair, Report, Sentence, Source};

/// Reads one report: separates boilerplate, splits sentences, finds their words.
pub fn inspect(source: Source) -> Document {
    let cleaned = clean::clean(&source.text);
    let spans = segment::segment(&source.text, &cleaned.kept);
    let quotes = extract::quotes::quotes(&source.text, &spans);
    let facts = extract::facts::facts(&source.text, &spans, &cleaned.dropped);
    let sentences = spans
        .into_iter()
        .map(|span| Sentence {
            span,
            tokens: tokens::tokenize(&source.text, span),
        })
        .collect();
    let mut dropped = cleaned.dropped;
    dropped.sort_by_key(|d| d.span);
    Document {
        label: source.label,
        path: source.path,
        text: source.text,
        byline: cleaned.byline,
        sentences,
        dropped,
        quotes,
        facts,
    }
}

/// Compares two reports of the same event.
pub fn compare(left: Source, right: Source) -> Report {
    let documents = Pair::new(left, right).map(inspect);
    let docs = documents.as_ref();
    let idf = align::Idf::new(docs);
    let links = align::align(docs, &idf);
    let mut alignments = compare::compare(docs, &idf, links);
    let quote_matches = compare::quotes::match_quotes(docs);
    compare::quotes::add_conflicts(docs, &quote_matches, &mut alignments);
    let only_quotes = compare::quotes::unmatched(docs, &quote_matches);
    let aligned = align::aligned_sentences(docs, alignments.iter().map(|a| &a.sentences));
    let only = aligned.map(|flags| (0..flags.len()).filter(|&i| !flags[i]).collect());
    Report {
        documents,
        alignments,
        only,
        quote_matches,
        only_quotes,
    }
}
