//! Golden outputs of every format on every fixture pair. After an intended change, review
//! the differences with `cargo insta review` (or accept all with `INSTA_UPDATE=always`).

use crate::util::{elide, factdiff, fixture_pairs, stdout_of};

fn run(args: &[&str]) -> String {
    let out = factdiff().args(args).output().expect("factdiff runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {out:?}"
    );
    stdout_of(&out)
}

#[test]
fn text_view_of_each_pair() {
    for (event, left, right) in fixture_pairs() {
        let text = run(&[&left, &right, "--color", "never", "--width", "100"]);
        insta::assert_snapshot!(format!("{event}-text"), text);
    }
}

#[test]
fn json_of_each_pair() {
    for (event, left, right) in fixture_pairs() {
        let json = run(&[&left, &right, "--format", "json"]);
        insta::assert_snapshot!(format!("{event}-json"), json);
    }
}

#[test]
fn review_of_each_pair() {
    for (event, left, right) in fixture_pairs() {
        let review = run(&[&left, &right, "--format", "review"]);
        insta::assert_snapshot!(format!("{event}-review"), review);
    }
}

#[test]
fn summary_of_each_pair() {
    for (event, left, right) in fixture_pairs() {
        let summary = run(&[&left, &right, "--format", "summary"]);
        insta::assert_snapshot!(format!("{event}-summary"), summary);
    }
}

#[test]
fn inspect_of_each_report() {
    for (event, left, right) in fixture_pairs() {
        for path in [left, right] {
            let name = std::path::Path::new(&path)
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let text = run(&["inspect", &path, "--width", "100"]);
            insta::assert_snapshot!(format!("{event}-{name}-inspect"), text);
        }
    }
}

/// The page's markup; its fixed style sheet and script are elided (the browser tests run
/// them), so a change of markup reads as one.
#[test]
fn html_of_each_pair() {
    for (event, left, right) in fixture_pairs() {
        let html = run(&[&left, &right, "--format", "html"]);
        let html = elide(
            &elide(&html, "<style>", "</style>"),
            "<script>",
            "</script>",
        );
        // One element a line, so that a change reads as the lines it touches.
        let html = html.replace("><", ">\n<");
        insta::assert_snapshot!(format!("{event}-html"), html);
    }
}
