//! Learns the weights of the same-incident judgement from pairs of reports of one incident
//! and of two incidents of one kind.
//!
//! ```sh
//! cargo run --release --example train_incident -- DOCS PAIRS TOPICS           # print the weights
//! cargo run --release --example train_incident -- --write DOCS PAIRS TOPICS   # replace src/judge/weights.rs
//! cargo run --release --example train_incident -- --check DOCS PAIRS TOPICS   # fail if they differ
//! cargo run --release --example train_incident -- --folds 5 DOCS PAIRS TOPICS # cross-validate by topic
//! ```
//!
//! `DOCS` and `PAIRS` are the JSON-lines files of the ECB+ corpus as converted for the
//! evaluation scorer (`ecbplus_docs.jsonl`: `doc_id`, `topic`, `half`, `sentences`,
//! `annotated_sentences`; `ecbplus_doc_pairs.jsonl`: `doc_a`, `doc_b`, `subtopic`). Each
//! topic holds two incidents of one kind: every pair of the pairs file is one incident; every
//! pair of an `ecb` and an `ecbplus` document of one topic is two. `TOPICS` is a list such as
//! `1-35` or `2,5,12`. Each document is read as the tool reads a file: its sentences in
//! order, one paragraph each. BENCHMARKS.md records the run that made the shipped weights.

use std::collections::{BTreeMap, BTreeSet};
use std::process::ExitCode;

use factdiff::judge;
use factdiff::learn::incident;
use factdiff::model::{Pair, Source};
use rayon::prelude::*;
use serde_json::Value;

const WEIGHTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/judge/weights.rs");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mode, rest) = match args.first().map(String::as_str) {
        Some("--write" | "--check" | "--folds") => (args[0].as_str(), &args[1..]),
        _ => ("print", &args[..]),
    };
    let (folds, rest) = if mode == "--folds" {
        match rest.first().and_then(|n| n.parse::<usize>().ok()) {
            Some(n) if n >= 2 => (n, &rest[1..]),
            _ => return usage(),
        }
    } else {
        (0, rest)
    };
    let [docs_path, pairs_path, topics] = rest else {
        return usage();
    };
    let Some(topics) = parse_topics(topics) else {
        return usage();
    };
    let (docs, pairs) = match (read_lines(docs_path), read_lines(pairs_path)) {
        (Ok(d), Ok(p)) => (d, p),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("train_incident: {e}");
            return ExitCode::from(2);
        }
    };
    let samples = samples(&docs, &pairs, &topics);
    let positives = samples.iter().filter(|s| s.2).count();
    eprintln!(
        "train_incident: {} pairs of reports ({positives} one incident, {} two)",
        samples.len(),
        samples.len() - positives
    );
    if folds > 0 {
        cross_validate(&samples, folds);
        return ExitCode::SUCCESS;
    }
    let fit: Vec<(Vec<f64>, bool)> = samples.into_iter().map(|(_, x, y)| (x, y)).collect();
    let trained = incident::train(&fit);
    eprintln!(
        "train_incident: accuracy {:.4} at {}",
        trained.accuracy,
        judge::SAME_EVENT_AT
    );
    let name = std::path::Path::new(docs_path)
        .file_name()
        .map_or_else(|| docs_path.clone(), |n| n.to_string_lossy().into_owned());
    let source = trained.source(&format!("{name}, topics {}", rest[2]));
    match mode {
        "--write" => {
            if let Err(e) = std::fs::write(WEIGHTS, &source) {
                eprintln!("train_incident: cannot write '{WEIGHTS}': {e}");
                return ExitCode::from(2);
            }
        }
        "--check" => {
            let shipped = std::fs::read_to_string(WEIGHTS).unwrap_or_default();
            if shipped != source {
                eprintln!("train_incident: the shipped weights differ from what this data gives");
                return ExitCode::from(1);
            }
            eprintln!("train_incident: the shipped weights are what this data gives");
        }
        _ => print!("{source}"),
    }
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!("usage: train_incident [--write|--check|--folds N] DOCS PAIRS TOPICS");
    ExitCode::from(2)
}

fn read_lines(path: &str) -> Result<Vec<Value>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read '{path}': {e}"))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).map_err(|e| format!("{path}: {e}")))
        .collect()
}

/// "1-35" or "2,5,12" (or both, comma-separated).
fn parse_topics(text: &str) -> Option<BTreeSet<u64>> {
    let mut out = BTreeSet::new();
    for part in text.split(',') {
        match part.split_once('-') {
            Some((a, b)) => out.extend(a.trim().parse::<u64>().ok()?..=b.trim().parse().ok()?),
            None => {
                out.insert(part.trim().parse().ok()?);
            }
        }
    }
    Some(out)
}

/// `(topic, measurements, one incident)` for every pair of reports of the topics.
fn samples(docs: &[Value], pairs: &[Value], topics: &BTreeSet<u64>) -> Vec<(u64, Vec<f64>, bool)> {
    let by_id: BTreeMap<&str, &Value> = docs
        .iter()
        .filter_map(|d| Some((d["doc_id"].as_str()?, d)))
        .collect();
    let topic = |d: &Value| d["topic"].as_u64().unwrap_or(0);
    let mut jobs: Vec<(&str, &str, bool)> = Vec::new();
    for p in pairs {
        if let (Some(a), Some(b)) = (p["doc_a"].as_str(), p["doc_b"].as_str())
            && by_id.get(a).is_some_and(|d| topics.contains(&topic(d)))
            && by_id.contains_key(b)
        {
            jobs.push((a, b, true));
        }
    }
    let annotated = |d: &Value| {
        d["annotated_sentences"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
    };
    for &t in topics {
        let half = |h: &str| -> Vec<&str> {
            by_id
                .iter()
                .filter(|(_, d)| topic(d) == t && d["half"] == h && annotated(d))
                .map(|(&id, _)| id)
                .collect()
        };
        let (ecb, plus) = (half("ecb"), half("ecbplus"));
        for &a in &ecb {
            for &b in &plus {
                jobs.push((a, b, false));
            }
        }
    }
    let needed: BTreeSet<&str> = jobs.iter().flat_map(|j| [j.0, j.1]).collect();
    let read: BTreeMap<&str, factdiff::model::Document> = needed
        .par_iter()
        .map(|&id| (id, factdiff::inspect(Source::new(id, text_of(by_id[id])))))
        .collect();
    jobs.par_iter()
        .filter_map(|&(a, b, label)| {
            let x = incident::sample(Pair::new(&read[a], &read[b]))?;
            Some((topic(by_id[a]), x, label))
        })
        .collect()
}

/// A document as a report: its sentences in order, one paragraph each.
fn text_of(doc: &Value) -> String {
    let mut sentences: Vec<(u64, &str)> = doc["sentences"]
        .as_object()
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| Some((k.parse().ok()?, v.as_str()?)))
                .collect()
        })
        .unwrap_or_default();
    sentences.sort_unstable();
    let mut text = sentences
        .into_iter()
        .map(|(_, s)| s)
        .collect::<Vec<_>>()
        .join("\n\n");
    text.push('\n');
    text
}

/// Trains on all topics but one fold's and measures on that fold, fold by fold (topic
/// `t` is in fold `t mod folds`), so that no topic is judged by weights that saw it.
fn cross_validate(samples: &[(u64, Vec<f64>, bool)], folds: usize) {
    let (mut right, mut total) = (0, 0);
    for fold in 0..folds as u64 {
        let train: Vec<(Vec<f64>, bool)> = samples
            .iter()
            .filter(|s| s.0 % folds as u64 != fold)
            .map(|s| (s.1.clone(), s.2))
            .collect();
        let model = incident::train(&train).model;
        for s in samples.iter().filter(|s| s.0 % folds as u64 == fold) {
            total += 1;
            right += usize::from((model.probability(&s.1) >= judge::SAME_EVENT_AT) == s.2);
        }
    }
    eprintln!(
        "train_incident: {folds}-fold cross-validated accuracy by topic {:.4} ({right} of {total})",
        right as f64 / total.max(1) as f64
    );
}
