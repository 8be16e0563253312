//! Learns the weights of the aligner's evidence from labelled sentence pairs.
//!
//! ```sh
//! cargo run --release --example train -- PAIRS.tsv            # print weights.rs
//! cargo run --release --example train -- --write PAIRS.tsv    # replace src/compare/weights.rs
//! cargo run --release --example train -- --check PAIRS.tsv    # fail if they differ
//! ```
//!
//! `PAIRS.tsv` is in the format of the Microsoft Research Paraphrase Corpus: a header line,
//! then `label<TAB>id<TAB>id<TAB>sentence<TAB>sentence`, label 1 when the two sentences
//! say the same thing. BENCHMARKS.md records the run that made the shipped weights.

use std::process::ExitCode;

use factdiff::learn::equivalence;

const WEIGHTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/compare/weights.rs");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mode, path) = match args.as_slice() {
        [path] => ("print", path),
        [flag, path] if flag == "--write" || flag == "--check" => (flag.as_str(), path),
        _ => {
            eprintln!("usage: train [--write|--check] PAIRS.tsv");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("train: cannot read '{path}': {e}");
            return ExitCode::from(2);
        }
    };
    let pairs = equivalence::parse_pairs(&text);
    let name = std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned());
    let trained = equivalence::train(&pairs);
    eprintln!(
        "train: {} pairs, {} decided by the model, accuracy {:.4} at {:.4}",
        trained.pairs, trained.decided, trained.accuracy, trained.equivalent_at
    );
    let source = trained.source(&name);
    match mode {
        "--write" => {
            if let Err(e) = std::fs::write(WEIGHTS, &source) {
                eprintln!("train: cannot write '{WEIGHTS}': {e}");
                return ExitCode::from(2);
            }
        }
        "--check" => {
            let shipped = std::fs::read_to_string(WEIGHTS).unwrap_or_default();
            if shipped != source {
                eprintln!("train: the shipped weights differ from what this data gives");
                return ExitCode::from(1);
            }
            eprintln!("train: the shipped weights are what this data gives");
        }
        _ => print!("{source}"),
    }
    ExitCode::SUCCESS
}
