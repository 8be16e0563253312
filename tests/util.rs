//! Shared helpers: the binary under test and the fixture corpus.

use std::fs;
use std::path::{Path, PathBuf};

/// The date every test run reports, as `SOURCE_DATE_EPOCH` (2026-03-14).
pub const RUN_DATE: &str = "1773446400";

/// The factdiff binary, run from the project root so fixture paths stay relative, on a
/// fixed date so outputs that record it are reproducible.
pub fn factdiff() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("factdiff").expect("binary is built");
    cmd.current_dir(root())
        .env("SOURCE_DATE_EPOCH", RUN_DATE)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Each fixture folder holds one event told by two outlets: `(event, left, right)`,
/// paths relative to the project root, in name order. A folder of saved web pages
/// (`.html`, each beside its plain-text copy) gives its pages.
pub fn fixture_pairs() -> Vec<(String, String, String)> {
    let mut events: Vec<PathBuf> = fs::read_dir(root().join("fixtures"))
        .expect("fixtures/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.is_dir())
        .collect();
    events.sort();
    events
        .into_iter()
        .map(|dir| {
            let pages = fs::read_dir(&dir)
                .expect("readable fixture folder")
                .any(|e| e.expect("readable entry").path().extension() == Some("html".as_ref()));
            let kind = if pages { "html" } else { "txt" };
            let mut files: Vec<String> = fs::read_dir(&dir)
                .expect("readable fixture folder")
                .map(|e| e.expect("readable entry").path())
                .filter(|p| p.extension().is_some_and(|x| x == kind))
                .map(|p| {
                    p.strip_prefix(root())
                        .expect("under root")
                        .display()
                        .to_string()
                })
                .collect();
            files.sort();
            assert_eq!(files.len(), 2, "{} should hold two reports", dir.display());
            let event = dir
                .file_name()
                .expect("named")
                .to_string_lossy()
                .into_owned();
            (event, files[0].clone(), files[1].clone())
        })
        .collect()
}

/// The footbridge pair: a changed casualty figure, reordered and reworded sentences.
/// The gazette (left) has a byline; the wire copy (right) does not.
pub fn footbridge() -> (String, String) {
    (
        "fixtures/footbridge/harbour-gazette.txt".to_string(),
        "fixtures/footbridge/coastal-wire.txt".to_string(),
    )
}

pub fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// The HTML with the text between `open` and the next `close` replaced by a note of its
/// length: the page's fixed style sheet and script, which the browser tests exercise.
pub fn elide(html: &str, open: &str, close: &str) -> String {
    let start = html.find(open).expect("opening tag") + open.len();
    let end = start + html[start..].find(close).expect("closing tag");
    format!(
        "{}/* {} bytes elided */{}",
        &html[..start],
        end - start,
        &html[end..]
    )
}
