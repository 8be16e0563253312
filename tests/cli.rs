//! The binary as a user meets it.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

use predicates::prelude::*;
use unicode_width::UnicodeWidthStr;

use crate::util::{factdiff, fixture_pairs, footbridge, root, stdout_of};

#[test]
fn differing_reports_exit_with_one() {
    let (left, right) = footbridge();
    factdiff().args([&left, &right]).assert().code(1);
}

#[test]
fn report_compared_with_itself_exits_with_zero() {
    let (left, _) = footbridge();
    factdiff()
        .args([&left, &left])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 only in"));
}

#[test]
fn missing_file_is_one_line_error_with_status_two() {
    let (left, _) = footbridge();
    factdiff()
        .args([left.as_str(), "no-such-report.txt"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("factdiff: cannot read 'no-such-report.txt': no such file\n");
}

#[test]
fn directory_empty_binary_and_invalid_utf8_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    };
    let empty = write("empty.txt", b"");
    let blank = write("blank.txt", b"  \n\t\r\n");
    let binary = write("binary.txt", b"GIF89a\0\0\x01");
    let latin1 = write("latin1.txt", b"Caf\xe9 opened.");
    let folder = dir.path().display().to_string();
    for (path, message) in [
        (&empty, "is empty"),
        (&blank, "holds only white space"),
        (&binary, "looks like a binary file (NUL byte at offset 6)"),
        (
            &latin1,
            "is not valid UTF-8 (invalid byte at offset 3; --lossy replaces bad bytes)",
        ),
        (&folder, "is a directory"),
    ] {
        let out = factdiff().args([path.as_str(), &empty]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{path}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(
            stderr,
            format!("factdiff: cannot read '{path}': {message}\n")
        );
    }
}

#[test]
fn reads_one_side_from_stdin() {
    let (left, right) = footbridge();
    let text = std::fs::read_to_string(crate::util::root().join(&right)).unwrap();
    let out = factdiff()
        .args([left.as_str(), "-", "--format", "json"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(json["documents"][1]["label"], "stdin");
    assert_eq!(json["documents"][1]["path"], serde_json::Value::Null);
}

#[test]
fn stdin_cannot_be_both_sides() {
    factdiff()
        .args(["-", "-"])
        .write_stdin("One.")
        .assert()
        .code(2)
        .stderr("factdiff: only one side can be read from standard input\n");
}

#[test]
fn labels_name_the_columns() {
    let (left, right) = footbridge();
    factdiff()
        .args([
            &left,
            &right,
            "--left-label",
            "Gazette",
            "--right-label",
            "Wire",
        ])
        .assert()
        .stdout(
            predicate::str::starts_with("  Gazette").and(predicate::str::contains("only in Wire")),
        );
}

#[test]
fn lines_fit_the_requested_width() {
    let (left, right) = footbridge();
    for width in [40, 72, 100, 160] {
        let out = factdiff()
            .args([&left, &right, "--width", &width.to_string()])
            .output()
            .unwrap();
        let text = stdout_of(&out);
        for line in text.lines() {
            assert!(
                line.width() <= width,
                "{} > {width}: {line:?}",
                line.width()
            );
        }
    }
}

#[test]
fn width_below_minimum_is_a_usage_error() {
    let (left, right) = footbridge();
    factdiff()
        .args([&left, &right, "--width", "10"])
        .assert()
        .code(2);
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let (left, right) = footbridge();
    let has_escape = |out: std::process::Output| stdout_of(&out).contains('\u{1b}');
    let run = |args: &[&str], env: Option<(&str, &str)>| {
        let mut cmd = factdiff();
        cmd.args([left.as_str(), right.as_str()]).args(args);
        if let Some((k, v)) = env {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    };
    assert!(has_escape(run(&["--color", "always"], None)));
    assert!(!has_escape(run(&["--color", "never"], None)));
    assert!(
        !has_escape(run(&[], None)),
        "a pipe gets no colour by default"
    );
    assert!(!has_escape(run(&[], Some(("NO_COLOR", "1")))));
    assert!(has_escape(run(&[], Some(("CLICOLOR_FORCE", "1")))));
}

#[test]
fn without_colour_differences_are_bracketed() {
    let (left, right) = footbridge();
    let out = factdiff()
        .args([&left, &right, "--color", "never"])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(text.contains("[!12!]"), "{text}");
    assert!(text.contains("{+"), "{text}");
    assert!(text.contains("[-"), "{text}");
}

#[test]
fn help_shows_an_example() {
    factdiff()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Examples:").and(predicate::str::contains("--format")));
}

#[test]
fn terminal_escapes_from_articles_are_shown_not_obeyed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.txt");
    std::fs::write(
        &path,
        "The mayor \u{1b}]0;owned\u{7} resigned \u{202e}today.\n",
    )
    .unwrap();
    let path = path.display().to_string();
    for args in [
        vec![path.as_str(), path.as_str()],
        vec!["inspect", path.as_str()],
    ] {
        let out = factdiff()
            .args(&args)
            .args(["--color", "never"])
            .output()
            .unwrap();
        let text = stdout_of(&out);
        assert!(!text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'));
        assert!(
            text.contains("\\x1b]0;owned\\x07") && text.contains("<U+202E>"),
            "{text}"
        );
    }
}

#[test]
fn output_file_is_written_whole() {
    let (left, right) = footbridge();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.json");
    factdiff()
        .args([left.as_str(), right.as_str(), "--format", "json", "-o"])
        .arg(&target)
        .assert()
        .code(1)
        .stdout("");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(json["version"], 1);
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file is left behind");
}

#[test]
fn inspect_prints_one_document() {
    let (left, _) = footbridge();
    let out = factdiff()
        .args(["inspect", &left, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    let doc = &json["document"];
    assert!(doc["sentences"].as_array().unwrap().len() > 5);
    assert_eq!(
        doc["byline"]["text"],
        "By Maren Holt, local affairs correspondent"
    );
    let quotes = doc["quotes"].as_array().unwrap();
    let speakers: Vec<&str> = quotes
        .iter()
        .filter_map(|q| q["speaker"].as_str())
        .collect();
    assert!(speakers.contains(&"Ruth Adeyemi"), "{speakers:?}");
    assert!(speakers.contains(&"Tomas Brennan"), "{speakers:?}");
}

#[test]
fn closed_pipe_is_not_an_error() {
    // Enough output to fill any pipe buffer, so the writer meets the closed end.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let mut file = std::fs::File::create(&path).unwrap();
    for i in 0..4000 {
        writeln!(
            file,
            "Inspectors counted {i} cracks in span number {} of the viaduct.",
            i * 7
        )
        .unwrap();
    }
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("factdiff"))
        .args(["inspect"])
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn quote_matches_flag_rewording_and_misattribution() {
    let kinds = |left: &str, right: &str| {
        let out = factdiff()
            .args([left, right, "--format", "json"])
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
        json["quote_matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["kind"].as_str().unwrap().to_string(),
                    m["same_speaker"].as_bool(),
                )
            })
            .collect::<Vec<_>>()
    };
    let (left, right) = footbridge();
    assert!(kinds(&left, &right).contains(&("reworded".into(), Some(true))));
    let rover = kinds(
        "fixtures/rover/metro-tribune.txt",
        "fixtures/rover/science-daily-post.txt",
    );
    assert!(
        rover.contains(&("verbatim".into(), Some(false))),
        "{rover:?}"
    );
}

#[test]
fn conflicting_facts_are_told_from_compatible_ones() {
    let out = factdiff()
        .args([
            "fixtures/ferry/island-courier.txt",
            "fixtures/ferry/national-ledger.txt",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    let mut conflicts: Vec<(String, String, String)> = json["alignments"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["conflicts"].as_array().unwrap().iter())
        .filter(|c| c["kind"] != "quote")
        .map(|c| {
            let s = |k: &str| {
                c[k].as_str()
                    .unwrap()
                    .trim_end_matches([',', '.'])
                    .to_string()
            };
            (s("kind"), s("left"), s("right"))
        })
        .collect();
    conflicts.sort();
    let expected = [
        ("date", "Monday", "Wednesday"),
        ("name", "Brodie Keswick", "Anselm Rourke"),
        ("number", "19", "At least 23"),
    ]
    .map(|(k, l, r)| (k.to_string(), l.to_string(), r.to_string()));
    // "at least 5" / "Five", "between 12 and 14 knots" / "13 knots", "2,000" / "2 thousand"
    // litres and "on Friday evening" / "on March 13" all agree.
    assert_eq!(conflicts, expected);
}

/// The output of a comparison of two texts written to temporary files (`left.txt`,
/// `right.txt`), with `args`.
fn compare_as(left: &str, right: &str, args: &[&str]) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let (l, r) = (dir.path().join("left.txt"), dir.path().join("right.txt"));
    std::fs::write(&l, left).unwrap();
    std::fs::write(&r, right).unwrap();
    factdiff().arg(&l).arg(&r).args(args).output().unwrap()
}

/// The exit status and JSON of a comparison of two texts written to temporary files.
fn compare_json(left: &str, right: &str) -> (Option<i32>, serde_json::Value) {
    let out = compare_as(left, right, &["--format", "json"]);
    let json = serde_json::from_str(&stdout_of(&out)).unwrap();
    (out.status.code(), json)
}

#[test]
fn a_statement_and_its_negation_diverge() {
    let (status, json) = compare_json(
        "Twelve people were injured when the Arlow footbridge fell on Monday.\n",
        "Twelve people were not injured when the Arlow footbridge fell on Monday.\n",
    );
    assert_eq!(status, Some(1));
    let row = &json["alignments"][0];
    assert_eq!(row["verdict"], "diverge", "{row}");
    assert_eq!(row["conflicts"][0]["kind"], "negation", "{row}");
    assert_eq!(row["conflicts"][0]["left"], "injured");
    assert_eq!(row["conflicts"][0]["right"], "not injured");
}

#[test]
fn a_fact_only_one_side_states_is_an_added_detail_not_the_same() {
    let (status, json) = compare_json(
        "Twelve people were injured when the Arlow footbridge fell on Monday.\n",
        "Twelve people were injured when the Arlow footbridge fell on Monday, and 3 died.\n",
    );
    assert_eq!(status, Some(1));
    let row = &json["alignments"][0];
    assert_eq!(row["verdict"], "agree", "{row}");
    assert_eq!(row["right_details"].as_array().unwrap().len(), 1, "{row}");
    assert_eq!(row["right_adds"], true, "{row}");
    // The explanation says why the model's "one fact" does not stand.
    let text = compare_texts(
        "Twelve people were injured when the Arlow footbridge fell on Monday.\n",
        "Twelve people were injured when the Arlow footbridge fell on Monday, and 3 died.\n",
        &["--explain", "--width", "300"],
    );
    assert!(
        text.contains("but a side states a fact the other does not"),
        "{text}"
    );
    // The same holds in every row of every fixture: a row with a detail is never the same.
    for (_, left, right) in fixture_pairs() {
        let out = factdiff()
            .args([&left, &right, "--format", "json"])
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
        for row in json["alignments"].as_array().unwrap() {
            for side in ["left", "right"] {
                let details = row[format!("{side}_details")].as_array().unwrap();
                if !details.is_empty() {
                    assert_eq!(row[format!("{side}_adds")], true, "{left} {right}: {row}");
                }
            }
        }
    }
}

#[test]
fn clock_times_fractions_shares_and_signs_are_read_as_a_checker_reads_them() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let left = write(
        "left.txt",
        "The Valmora dam gave way at 0440 GMT on Tuesday, the water board said.\n\n\
         Its reservoir had stood at two-thirds of capacity before the storm.\n\n\
         The regional index of river heights fell .85 points overnight.\n\n\
         Overnight the temperature in the valley dropped to -4 degrees.\n\n\
         Engineers expect the repairs to the spillway to take 2½ weeks.\n\n\
         At the fair the home side won the tug of war final 3 -1.\n",
    );
    let right = write(
        "right.txt",
        "The water board said the Valmora dam gave way at 04:40 GMT on Tuesday.\n\n\
         Before the storm its reservoir had stood at 60 per cent of capacity.\n\n\
         The regional index of river heights fell 0.85 points overnight.\n\n\
         The temperature in the valley dropped overnight to 4 degrees.\n\n\
         Engineers expect the repairs to the spillway to take 2.5 weeks.\n\n\
         At the fair the home side won the tug of war final 3-1.\n",
    );
    let out = factdiff()
        .arg(&left)
        .arg(&right)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    let alignments = json["alignments"].as_array().unwrap();
    let conflicts: Vec<(String, String)> = alignments
        .iter()
        .flat_map(|a| a["conflicts"].as_array().unwrap().iter())
        .map(|c| (c["left"].to_string(), c["right"].to_string()))
        .collect();
    // The time, the decimal, the fraction and a dash set loose ("3 -1") agree; the
    // share and the sign do not.
    assert_eq!(
        conflicts,
        [
            (
                r#""two-thirds""#.to_string(),
                r#""60 per cent""#.to_string()
            ),
            (r#""-4 degrees""#.to_string(), r#""4 degrees""#.to_string()),
        ]
    );
    let paired = |left: usize, right: usize| {
        alignments.iter().any(|a| {
            a["left"] == serde_json::json!([left]) && a["right"] == serde_json::json!([right])
        })
    };
    assert!((0..6).all(|k| paired(k, k)), "{alignments:?}");
}

#[test]
fn inspect_lists_facts_with_normalised_values() {
    let out = factdiff()
        .args([
            "inspect",
            "fixtures/ferry/national-ledger.txt",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    let facts = json["document"]["facts"].as_array().unwrap();
    let find = |written: &str| {
        facts
            .iter()
            .find(|f| f["text"] == written)
            .unwrap_or_else(|| panic!("no fact {written:?}"))
    };
    let march = find("March 13");
    assert_eq!(
        (&march["kind"], &march["value"], &march["from"]),
        (&"date".into(), &"2026-03-13".into(), &"2026-03-13".into())
    );
    let fuel = find("2 thousand litres");
    assert_eq!(
        (&fuel["value"], &fuel["unit"]),
        (&"2000 l".into(), &"l".into())
    );
    let hurt = find("At least 23");
    assert_eq!(hurt["qualifier"], "at-least");
    assert_eq!(find("U.S.")["value"], "United States");
    let sentences = json["document"]["sentences"].as_array().unwrap();
    for f in facts {
        let sentence = &sentences[f["sentence"].as_u64().unwrap() as usize];
        let (start, end) = (f["start"].as_u64().unwrap(), f["end"].as_u64().unwrap());
        assert!(sentence["start"].as_u64().unwrap() <= start, "{f}");
        assert!(
            start < end && end <= sentence["end"].as_u64().unwrap(),
            "{f}"
        );
    }
}

/// Runs a comparison of two texts written to temporary files, with extra arguments.
fn compare_texts(left: &str, right: &str, args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let (l, r) = (dir.path().join("left.txt"), dir.path().join("right.txt"));
    std::fs::write(&l, left).unwrap();
    std::fs::write(&r, right).unwrap();
    let out = factdiff().arg(&l).arg(&r).args(args).output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    stdout_of(&out)
}

#[test]
fn review_points_to_line_and_column_in_each_source() {
    // CRLF line ends, a tab and a two-byte "é" before the value on the left.
    let review = compare_texts(
        "Intro line here.\r\n\tThe café fire hurt 12 people on Monday night.\r\n",
        "The café fire hurt 14 people on Monday night.\n",
        &["--format", "review"],
    );
    let item = review
        .lines()
        .find(|l| l.starts_with("- [ ] **number**"))
        .unwrap_or_else(|| panic!("no number conflict in\n{review}"));
    assert!(item.contains("left.txt:2:21`"), "{item}");
    assert!(item.contains("right.txt:1:20`"), "{item}");
}

#[test]
fn review_is_markdown_whose_article_text_stays_text() {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let hostile = "<script>alert(1)</script> *bold* [link](javascript:alert(1)) | a | b | `tick` ~~gone~~ &amp;";
    let review = compare_texts(
        &format!("The council said 12 homes flooded in Arlow. {hostile}\n"),
        "The council said 14 homes flooded in Arlow.\n",
        &["--format", "review"],
    );
    let options =
        Options::ENABLE_TASKLISTS | Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let (mut depth, mut tasks, mut text) = (0, 0, String::new());
    for event in Parser::new_ext(&review, options) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("HTML {h:?} in\n{review}"),
            Event::Start(Tag::Emphasis | Tag::Strikethrough | Tag::Link { .. } | Tag::Table(_)) => {
                panic!("markup from article text in\n{review}")
            }
            Event::Start(Tag::Item) => depth += 1,
            Event::End(TagEnd::Item) => depth -= 1,
            Event::TaskListMarker(_) => {
                assert!(depth > 0, "a checkbox outside a list item");
                tasks += 1;
            }
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            _ => {}
        }
    }
    let checkboxes = review.lines().filter(|l| l.starts_with("- [ ] ")).count();
    assert!(checkboxes >= 2, "{review}");
    assert_eq!(tasks, checkboxes, "every checkbox line is a task list item");
    // "[link]" reads as a template tag and is dropped as such; the rest is shown as written.
    for written in [
        "<script>alert(1)</script> *bold*",
        "(javascript:alert(1)) | a | b | `tick` ~~gone~~ &amp;",
    ] {
        assert!(text.contains(written), "{written:?} not in {text}");
    }
}

#[test]
fn only_narrows_every_format_alike() {
    let pair = [
        "fixtures/ferry/island-courier.txt",
        "fixtures/ferry/national-ledger.txt",
    ];
    let run = |only: &str, format: &str| {
        let out = factdiff()
            .args(pair)
            .args(["--only", only, "--format", format, "--width", "100"])
            .output()
            .unwrap();
        // The exit status speaks of the reports, whatever is shown.
        assert_eq!(out.status.code(), Some(1), "{only} {format}");
        stdout_of(&out)
    };
    for only in [
        "diverge",
        "only-left",
        "only-right",
        "quotes",
        "diverge,quotes",
    ] {
        let json: serde_json::Value = serde_json::from_str(&run(only, "json")).unwrap();
        let alignments = json["alignments"].as_array().unwrap();
        let count = |key: &str| json[key].as_array().unwrap().len();
        let (left_only, right_only) = (count("only_left"), count("only_right"));
        if !only.contains("diverge") && !only.contains("quotes") {
            assert!(alignments.is_empty(), "{only}");
        }
        if only == "diverge" {
            assert!(alignments.iter().all(|a| a["verdict"] == "diverge"));
            assert_eq!((left_only, right_only), (0, 0));
        }
        if only == "only-left" {
            assert!(left_only > 0 && right_only == 0);
        }
        // The text view shows the same rows: one marker line per alignment or sentence.
        let text = run(only, "text");
        let rows: Vec<&str> = text
            .split("quotes\n")
            .next()
            .unwrap()
            .lines()
            .filter(|l| {
                let mut chars = l.chars();
                matches!(chars.next(), Some('=' | '~' | '!' | '?' | '<' | '>'))
                    && chars.next() == Some(' ')
            })
            .collect();
        assert_eq!(
            rows.len(),
            alignments.len() + left_only + right_only,
            "{only}:\n{text}"
        );
        // The review lists the same conflicts.
        let conflicts: usize = alignments
            .iter()
            .map(|a| a["conflicts"].as_array().unwrap().len())
            .sum();
        let review = run(only, "review");
        assert!(
            review.contains(&format!("**{conflicts}** conflicts to resolve")),
            "{only}: {conflicts}\n{review}"
        );
    }
}

#[test]
fn every_kind_of_control_sequence_is_shown_in_every_format() {
    // CSI colour and screen clear, OSC 8 hyperlink and OSC 0 title (BEL and ST ends), a C1
    // CSI, other C0 controls, and bidirectional overrides and isolates.
    let evil = "The mayor \u{1b}[31m\u{1b}[2J resigned \u{1b}]8;;http://x.example\u{1b}\\link\u{1b}]8;;\u{1b}\\ \u{1b}]0;title\u{7} \u{9b}1m \u{8}\u{b}\u{c} \u{202e}today\u{202c} \u{2067}x\u{2069} on Monday.\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.txt");
    std::fs::write(&path, evil).unwrap();
    let path = path.display().to_string();
    for format in ["text", "review", "summary"] {
        let text = compare_texts(
            evil,
            "The mayor resigned on Monday.\n",
            &["--format", format, "--color", "never"],
        );
        let raw = text.chars().find(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        });
        assert_eq!(raw, None, "{format} printed a raw control:\n{text:?}");
    }
    let out = factdiff().args(["inspect", &path]).output().unwrap();
    let text = stdout_of(&out);
    for shown in [
        "\\x1b[31m",
        "\\x1b]8;;http",
        "\\x07",
        "<U+009B>",
        "<U+202E>",
        "<U+2067>",
    ] {
        assert!(text.contains(shown), "{shown} not shown in {text}");
    }
}

#[test]
fn output_onto_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let left = dir.path().join("left.txt");
    std::fs::write(&left, "The dam broke on Monday.\n").unwrap();
    let (l, _) = footbridge();
    for args in [
        vec![
            left.to_str().unwrap(),
            l.as_str(),
            "-o",
            left.to_str().unwrap(),
        ],
        vec![
            "inspect",
            left.to_str().unwrap(),
            "-o",
            left.to_str().unwrap(),
        ],
    ] {
        let out = factdiff().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("refusing to write the output over the input"),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1);
    }
    assert_eq!(
        std::fs::read_to_string(&left).unwrap(),
        "The dam broke on Monday.\n"
    );
}

#[test]
fn lossy_replaces_invalid_utf8_and_says_how_many() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(
        &bad,
        b"The caf\xe9 closed on Monday. Twelve \xff\xfe staff left.\n",
    )
    .unwrap();
    let refused = factdiff()
        .args(["inspect", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("offset 7"));
    let out = factdiff()
        .args(["inspect", bad.to_str().unwrap(), "--lossy"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("replaced 3 invalid UTF-8 sequences"), "{err}");
    assert!(stdout_of(&out).contains("caf\u{fffd} closed"));
}

#[test]
fn inputs_over_the_size_limit_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "The dam broke. ".repeat(100)).unwrap();
    let run = |args: &[&str]| factdiff().args(args).output().unwrap();
    let path = big.to_str().unwrap();
    let out = run(&["inspect", path, "--max-size", "1K"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("larger than 1024 bytes"), "{err}");
    assert_eq!(
        run(&["inspect", path, "--max-size", "2K"]).status.code(),
        Some(0)
    );
    // Standard input has no size to check first; it is cut off at the limit.
    let piped = factdiff()
        .args(["inspect", "-", "--max-size", "100"])
        .write_stdin("x".repeat(101))
        .output()
        .unwrap();
    assert_eq!(piped.status.code(), Some(2));
    assert_eq!(
        run(&["inspect", path, "--max-size", "lots"]).status.code(),
        Some(2)
    );
}

#[test]
fn huge_numbers_are_read_in_bounded_time() {
    let digits = "9".repeat(500);
    let text = format!(
        "The debt reached {digits} dollars, or 10^400, or 1e999 in all.\nIt rose by {digits}% on Monday.\n"
    );
    let out = compare_texts(
        &text,
        &text.replace("Monday", "Tuesday"),
        &["--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert!(json["documents"][0]["facts"].as_array().unwrap().len() >= 2);
}

#[test]
fn a_long_line_of_nested_and_unbalanced_quotes_finishes() {
    // Half a megabyte on one line: nested and unclosed quote marks, numbers and dates.
    let piece = "He said \"she said 'they said “at least 14 on 3 March” and' then\" left \u{201c}";
    let line = piece.repeat(500_000 / piece.len());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    std::fs::write(&path, &line).unwrap();
    let out = factdiff()
        .args(["inspect", path.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!json["document"]["sentences"].as_array().unwrap().is_empty());
}

#[test]
fn html_report_is_one_page_that_escapes_article_text() {
    let html = compare_texts(
        "The council said 12 homes flooded in Arlow. <script>alert(1)</script> <img src=x onerror=alert(2)> \u{1b}[2J\n",
        "The council said 14 homes flooded in Arlow.\n",
        &["--format", "html", "--left-label", "Gazette <b>"],
    );
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\" class=\"nojs\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-"), "{}", &html[..300]);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
    assert!(html.contains("Gazette &lt;b&gt;"));
    assert!(!html.contains("<img") && !html.contains("<b>"));
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the page's own script"
    );
    assert!(html.contains("\\x1b[2J") && !html.contains('\u{1b}'));
    // The conflict is spelled out and marked.
    assert!(html.contains("<strong>number</strong>: <mark class=\"conflict\">12</mark>"));
    assert!(html.trim_end().ends_with("</html>"));
}

#[test]
fn html_report_goes_to_a_file_with_output() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let (left, right) = footbridge();
    factdiff()
        .args([&left, &right, "--format", "html", "-o"])
        .arg(&page)
        .assert()
        .code(1)
        .stdout("");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("<title>factdiff: harbour-gazette vs coastal-wire</title>"));
    // Row links point at sentences that exist in the full text.
    for link in html.split("href=\"#").skip(1) {
        let id = &link[..link.find('"').unwrap()];
        assert!(
            html.contains(&format!(" id=\"{id}\"")),
            "a link to a missing #{id}"
        );
    }
}

#[test]
fn inspect_refuses_html() {
    factdiff()
        .args([
            "inspect",
            "fixtures/footbridge/coastal-wire.txt",
            "--format",
            "html",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "--format html compares two reports",
        ));
}

#[test]
fn explain_shows_the_evidence_behind_each_pair() {
    let (left, right) = footbridge();
    let out = factdiff()
        .args([&left, &right, "--explain", "--related", "--width", "120"])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    // The rows, before the quotations and the legend.
    let table = text.split("\nquotes\n").next().unwrap();
    let whys = table
        .lines()
        .filter(|l| l.trim_start().starts_with("why: p = "))
        .count();
    assert!(text.contains("similarity 0."), "{text}");

    let out = factdiff()
        .args([&left, &right, "--format", "json", "--explain"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let alignments = json["alignments"].as_array().unwrap();
    // One explanation per alignment, a row of several related ones included.
    assert!(!alignments.is_empty());
    assert_eq!(whys, alignments.len(), "{table}");
    for a in alignments {
        let explain = &a["explain"];
        let evidence = explain["evidence"].as_array().unwrap();
        assert_eq!(evidence.len(), 13);
        // The contributions and the base make the log-odds of the probability.
        let logit: f64 = explain["intercept"].as_f64().unwrap()
            + evidence
                .iter()
                .map(|e| e["contribution"].as_f64().unwrap())
                .sum::<f64>();
        let p = 1.0 / (1.0 + (-logit).exp());
        assert!((p - a["probability"].as_f64().unwrap()).abs() < 0.01, "{a}");
    }
    // Without --explain the JSON has the probability but not the evidence.
    let out = factdiff()
        .args([&left, &right, "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &json["alignments"][0];
    assert!(first["probability"].is_f64() && first.get("explain").is_none());

    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    factdiff()
        .args([&left, &right, "--format", "html", "--explain", "-o"])
        .arg(&page)
        .assert()
        .code(1);
    let html = std::fs::read_to_string(page).unwrap();
    assert_eq!(
        html.matches("<details class=\"explain\">").count(),
        json["alignments"].as_array().unwrap().len()
    );
}

#[test]
fn reports_of_different_incidents_carry_a_warning_in_every_format() {
    let left = "fixtures/warehouse-fires/kelderby-post.txt";
    let right = "fixtures/warehouse-fires/thornwick-echo.txt";
    for format in ["text", "review", "summary", "html"] {
        let out = factdiff()
            .args([left, right, "--format", format])
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(stdout.contains("probably different events"), "{format}");
    }
    let out = factdiff()
        .args([left, right, "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["same_event"]["likely"], false);
}

#[test]
fn related_rows_are_plain_and_a_sentence_related_several_times_is_printed_once() {
    let out = factdiff()
        .args([
            "fixtures/ferry/island-courier.txt",
            "fixtures/ferry/national-ledger.txt",
        ])
        .args(["--color", "never", "--width", "100", "--related"])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    // The rows: after the heading and its rule, before the quotations.
    let body = text.split_once("─\n").unwrap().1;
    let body = body.split("\nquotes\n").next().unwrap();
    // Rows are separated by a line holding only the column separator.
    let rows: Vec<Vec<&str>> = body
        .split('\n')
        .collect::<Vec<_>>()
        .split(|line| line.trim() == "│")
        .map(|row| row.to_vec())
        .collect();
    let related: Vec<&Vec<&str>> = rows.iter().filter(|r| r[0].starts_with("? ")).collect();
    assert!(related.len() >= 3, "{text}");
    for row in &related {
        let row = row.join("\n");
        // Two sentences of different facts are not marked word by word, nor their facts
        // listed as details.
        for mark in [
            "[-",
            "{+",
            "[!",
            "only island-courier:",
            "only national-ledger:",
        ] {
            assert!(!row.contains(mark), "{mark} in\n{row}");
        }
    }
    // A sentence related to several sentences of the other opening is printed once: one
    // row, a bullet for each (the first paragraph, related to two).
    let opening: Vec<&&Vec<&str>> = related
        .iter()
        .filter(|r| r[0].contains("A passenger ferry ran aground"))
        .collect();
    assert_eq!(opening.len(), 1, "{text}");
    assert_eq!(
        opening[0].iter().filter(|l| l.contains("│ • ")).count(),
        2,
        "{text}"
    );
    // A sentence's own alignment comes before what it is only related to.
    let first = |marker: &str, words: &str| {
        rows.iter()
            .position(|r| r[0].starts_with(marker) && r.join(" ").contains(words))
            .unwrap_or_else(|| panic!("no {marker} row with {words} in\n{text}"))
    };
    // (A sentence printed in full twice is named by its opening words after that.)
    assert!(first("~ ", "300 people were on") < first("? ", "300 people were on"));
}

/// The factdiff binary run through `sh -c` in `dir`, for what needs a shell (a umask).
#[cfg(unix)]
fn in_shell(dir: &std::path::Path, script: &str) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("factdiff");
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("FACTDIFF", bin)
        .env("SOURCE_DATE_EPOCH", crate::util::RUN_DATE)
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn output_keeps_modes_and_links_and_writes_through_to_special_files() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let (left, right) = footbridge();
    let root = crate::util::root();
    let (left, right) = (root.join(left), root.join(right));
    let dir = tempfile::tempdir().unwrap();
    let run = |output: &str| {
        let script = format!(
            "umask 022; exec \"$FACTDIFF\" '{}' '{}' --format json -o '{output}'",
            left.display(),
            right.display()
        );
        in_shell(dir.path(), &script)
    };
    let is_report = |bytes: &[u8]| {
        let json: serde_json::Value = serde_json::from_slice(bytes).unwrap();
        json["version"] == 1
    };
    let mode = |name: &str| {
        std::fs::metadata(dir.path().join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };

    // A new file gets the mode the umask allows, as `>` gives it.
    assert_eq!(run("new.json").status.code(), Some(1));
    assert_eq!(mode("new.json"), 0o644);
    // An existing file keeps its mode.
    let kept = dir.path().join("kept.json");
    std::fs::write(&kept, "old").unwrap();
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).unwrap();
    assert_eq!(run("kept.json").status.code(), Some(1));
    assert_eq!(mode("kept.json"), 0o640);
    assert!(is_report(&std::fs::read(&kept).unwrap()));

    // A symbolic link stays one; its target gets the report, existing or not.
    for (link, target) in [("link.json", "kept.json"), ("dangling.json", "later.json")] {
        std::os::unix::fs::symlink(target, dir.path().join(link)).unwrap();
        assert_eq!(run(link).status.code(), Some(1), "{link}");
        let meta = std::fs::symlink_metadata(dir.path().join(link)).unwrap();
        assert!(meta.file_type().is_symlink(), "{link} was replaced");
        assert!(is_report(&std::fs::read(dir.path().join(target)).unwrap()));
    }
    assert_eq!(mode("later.json"), 0o644);

    // A FIFO's reader gets the report, and the FIFO stays one.
    let fifo = dir.path().join("pipe");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let (send, receive) = std::sync::mpsc::channel();
    let reader = fifo.clone();
    std::thread::spawn(move || {
        let _ = send.send(std::fs::read(reader));
    });
    assert_eq!(run("pipe").status.code(), Some(1));
    let read = receive
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("the FIFO's reader got the report");
    assert!(is_report(&read.unwrap()));
    let meta = std::fs::symlink_metadata(&fifo).unwrap();
    assert!(meta.file_type().is_fifo(), "the FIFO was replaced");

    // Standard output, by name and as `-`.
    for output in ["/dev/stdout", "-"] {
        let out = run(output);
        assert_eq!(out.status.code(), Some(1), "{output}");
        assert!(is_report(&out.stdout), "{output}");
    }
    // Nothing but the files named above is left behind.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "dangling.json",
            "kept.json",
            "later.json",
            "link.json",
            "new.json",
            "pipe"
        ]
    );
}

#[cfg(unix)]
#[test]
fn output_over_the_input_read_from_stdin_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "The dam broke on Monday.\n").unwrap();
    let (_, right) = footbridge();
    let right = crate::util::root().join(right);
    let out = in_shell(
        dir.path(),
        &format!(
            "exec \"$FACTDIFF\" - '{}' -o a.txt < a.txt",
            right.display()
        ),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "factdiff: refusing to write the output over the input 'standard input'\n"
    );
    assert_eq!(
        std::fs::read_to_string(&article).unwrap(),
        "The dam broke on Monday.\n"
    );
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_no_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    // Long enough that the comparison is still running when the signal comes.
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, shift: usize| {
        let path = dir.path().join(name);
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        for i in 0..30_000 {
            writeln!(
                file,
                "Inspectors counted {} cracks in span {i} of the Harwick viaduct on Monday.",
                i + shift
            )
            .unwrap();
        }
        path
    };
    let (left, right) = (write("left.txt", 0), write("right.txt", 1));
    for signal in ["INT", "TERM", "HUP"] {
        let out_dir = tempfile::tempdir().unwrap();
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("factdiff"))
            .arg(&left)
            .arg(&right)
            .args(["--max-size", "64M", "--format", "json", "-o"])
            .arg(out_dir.path().join("report.json"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        while std::fs::read_dir(out_dir.path()).unwrap().count() == 0 {
            assert!(
                started.elapsed().as_secs() < 60,
                "no temporary file appeared"
            );
            assert!(child.try_wait().unwrap().is_none(), "finished too soon");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let killed = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert!(
            status.signal().is_some() || status.code() == Some(130),
            "{status:?}"
        );
        let left_behind: Vec<_> = std::fs::read_dir(out_dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(left_behind.is_empty(), "{signal}: {left_behind:?}");
    }
}

#[test]
fn a_closed_pipe_keeps_the_status_the_comparison_earned() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, shift: usize| {
        let path = dir.path().join(name);
        let mut file = std::fs::File::create(&path).unwrap();
        for i in 0..2000 {
            writeln!(
                file,
                "Inspectors counted {} cracks in span {i} of the viaduct.",
                i + shift
            )
            .unwrap();
        }
        path
    };
    let (left, right) = (write("left.txt", 0), write("right.txt", 1));
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("factdiff"))
        .arg(&left)
        .arg(&right)
        .args(["--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1), "the reports differ");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[cfg(unix)]
#[test]
fn the_reviews_regenerate_line_is_quoted_for_the_shell_and_complete() {
    let dir = tempfile::tempdir().unwrap();
    let (left, right) = footbridge();
    let root = crate::util::root();
    let hostile = "$(touch PWNED).txt";
    std::fs::copy(root.join(&left), dir.path().join(hostile)).unwrap();
    std::fs::copy(root.join(&right), dir.path().join("it's `here`.txt")).unwrap();
    let first = Command::new(assert_cmd::cargo::cargo_bin("factdiff"))
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", crate::util::RUN_DATE)
        .args([hostile, "it's `here`.txt", "--format", "review"])
        .args([
            "--left-label",
            "Gazette \"Daily\"",
            "--right-label",
            "Wire's",
        ])
        .args(["--only", "diverge,quotes", "--lossy", "--max-size", "1M"])
        .output()
        .unwrap();
    assert_eq!(first.status.code(), Some(1));
    let review = stdout_of(&first);
    let line = review
        .lines()
        .find(|l| l.starts_with("Regenerate with "))
        .unwrap_or_else(|| panic!("no regenerate line in\n{review}"));
    // The command is the text of the line's code span.
    let command = line
        .trim_start_matches("Regenerate with ")
        .trim_end_matches('.');
    let fence = command.len() - command.trim_start_matches('`').len();
    let command = command[fence..command.len() - fence].trim();
    for flag in [
        "--left-label",
        "--right-label",
        "--only",
        "--lossy",
        "--max-size",
    ] {
        assert!(command.contains(flag), "{flag} missing from {command}");
    }
    let bin = assert_cmd::cargo::cargo_bin("factdiff");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let again = Command::new("sh")
        .arg("-c")
        .arg(command)
        .current_dir(dir.path())
        .env("PATH", path)
        .env("SOURCE_DATE_EPOCH", crate::util::RUN_DATE)
        .output()
        .unwrap();
    assert!(
        !dir.path().join("PWNED").exists(),
        "pasting {command} ran it"
    );
    assert_eq!(again.status.code(), Some(1), "{command}: {again:?}");
    assert_eq!(stdout_of(&again), review, "{command}");
}

#[test]
fn errors_show_file_names_inert_and_each_os_error_once() {
    let dir = tempfile::tempdir().unwrap();
    let (left, right) = footbridge();
    let missing = dir.path().join("gone\u{1b}[31m\u{202e}.txt");
    let long = dir.path().join("x".repeat(300));
    let dir_name = dir.path().display().to_string();
    let cases: Vec<Vec<std::ffi::OsString>> = vec![
        vec![left.clone().into(), missing.clone().into()],
        vec![left.clone().into(), long.clone().into()],
        vec!["inspect".into(), long.clone().into()],
        vec![
            left.clone().into(),
            right.clone().into(),
            "-o".into(),
            dir_name.clone().into(),
        ],
        vec![
            left.clone().into(),
            right.clone().into(),
            "-o".into(),
            dir.path().join("no-such-dir").join("out.json").into(),
        ],
        vec![
            left.clone().into(),
            right.clone().into(),
            "-o".into(),
            dir.path().join("bad\u{7}dir").join("out.json").into(),
        ],
    ];
    // Permission denied, reading and writing: only where permissions hold (not as root).
    let mut cases = cases;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        let secret = locked.join("secret.txt");
        std::fs::write(&secret, "The dam broke.\n").unwrap();
        std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o500)).unwrap();
        if std::fs::read(&secret).is_err() {
            cases.push(vec![left.clone().into(), secret.clone().into()]);
            cases.push(vec![
                left.clone().into(),
                right.clone().into(),
                "-o".into(),
                locked.join("out.json").into(),
            ]);
        }
    }
    for args in cases {
        let out = factdiff().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("factdiff: "), "{err}");
        assert!(!err.trim_end().ends_with('.'), "a trailing period: {err}");
        let raw = err.trim_end().chars().find(|&c| {
            c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        });
        assert_eq!(raw, None, "a raw control character in {err:?}");
        assert!(
            !err.contains("at path") && !err.contains(".factdiff-"),
            "a temporary file's name in {err}"
        );
        if let Some(at) = err.find("(os error") {
            assert!(!err[at + 1..].contains("(os error"), "twice: {err}");
        }
        let lowercase = err["factdiff: ".len()..].chars().next().unwrap();
        assert!(!lowercase.is_uppercase(), "{err}");
    }
    // What the user typed, as clap's usage errors quote it.
    let out = factdiff()
        .args([&left, &right, "--max-size", "\u{1b}[2J\u{202e}"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        !err.chars()
            .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'),
        "{err:?}"
    );
    let out = factdiff().arg(&left).arg(&missing).output().unwrap();
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("gone\\x1b[31m<U+202E>.txt"),
        "{out:?}"
    );
    // So that the temporary directory can be removed.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let unlocked = std::fs::Permissions::from_mode(0o700);
        std::fs::set_permissions(dir.path().join("locked"), unlocked).unwrap();
    }
}

#[test]
fn inspect_refuses_review_and_summary() {
    for format in ["review", "summary"] {
        factdiff()
            .args([
                "inspect",
                "fixtures/footbridge/coastal-wire.txt",
                "--format",
                format,
            ])
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!(
                "factdiff: inspect prints text or json; --format {format} compares two reports\n"
            ));
    }
}

#[test]
fn three_reports_are_refused_with_a_plain_message() {
    let (left, right) = footbridge();
    factdiff()
        .args([&left, &right, "fixtures/ferry/island-courier.txt"])
        .assert()
        .code(2)
        .stderr(
            "factdiff: three reports given: factdiff compares two reports (inspect reads one)\n",
        );
}

#[test]
fn help_points_to_the_json_documentation_and_it_names_every_field() {
    factdiff().arg("--help").assert().stdout(
        predicate::str::contains("docs/json.md").and(predicate::str::contains("CONTRACT").not()),
    );
    let doc = std::fs::read_to_string(crate::util::root().join("docs/json.md"))
        .expect("docs/json.md exists");
    // Every key the comparison and `inspect` print is documented.
    fn keys(value: &serde_json::Value, into: &mut std::collections::BTreeSet<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    into.insert(k.clone());
                    keys(v, into);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, into)),
            _ => {}
        }
    }
    let mut found = std::collections::BTreeSet::new();
    for (_, left, right) in crate::util::fixture_pairs() {
        for args in [
            vec![
                left.as_str(),
                right.as_str(),
                "--format",
                "json",
                "--explain",
            ],
            vec!["inspect", left.as_str(), "--format", "json"],
        ] {
            let out = factdiff().args(&args).output().unwrap();
            keys(&serde_json::from_slice(&out.stdout).unwrap(), &mut found);
        }
    }
    let missing: Vec<&String> = found
        .iter()
        .filter(|k| !doc.contains(&format!("`{k}`")))
        .collect();
    assert!(missing.is_empty(), "not in docs/json.md: {missing:?}");
}

/// Every line of `text` fits `width` columns.
fn assert_fits(text: &str, width: usize, what: &str) {
    for line in text.lines() {
        assert!(
            line.width() <= width,
            "{what}: {} > {width}: {line:?}",
            line.width()
        );
    }
}

#[test]
fn a_label_wider_than_its_column_is_cut_with_an_ellipsis() {
    // Regression: a left label wider than its column made the padding underflow ("capacity
    // overflow", exit 101), and a long right label ran past the width.
    let dir = tempfile::tempdir().unwrap();
    let (left, right) = footbridge();
    let long_left = dir
        .path()
        .join("the-harbour-gazette-evening-edition-archive-copy.txt");
    let long_right = dir
        .path()
        .join("coastal-wire-service-overnight-desk-rewrite-of-the-agency-copy.txt");
    std::fs::copy(root().join(&left), &long_left).unwrap();
    std::fs::copy(root().join(&right), &long_right).unwrap();
    let (l, r) = (long_left.to_str().unwrap(), long_right.to_str().unwrap());
    // The default width, off a terminal, is 100.
    let out = factdiff().args([l, r]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let text = stdout_of(&out);
    assert!(
        text.starts_with("  the-harbour-gazette-evening-edition-archive-co… │ coastal-wire-service-overnight-desk-rewrite-of-…\n"),
        "{text}"
    );
    assert_fits(&text, 100, "default width");
    for width in 40..=44 {
        for format in ["text", "summary"] {
            let out = factdiff()
                .args([l, r, "--format", format, "--width", &width.to_string()])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1), "{format} {width}: {out:?}");
            assert_fits(&stdout_of(&out), width, format);
        }
        let out = factdiff()
            .args(["inspect", r, "--width", &width.to_string()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "inspect {width}: {out:?}");
        assert_fits(&stdout_of(&out), width, "inspect");
    }
}

#[test]
fn the_fixtures_fit_every_narrow_width() {
    // Regression: the rover pair crashed at --width 40, its left label one column too wide.
    for (event, left, right) in crate::util::fixture_pairs() {
        for (l, r) in [(&left, &right), (&right, &left)] {
            for width in 40..=44 {
                let out = factdiff()
                    .args([l, r, "--width", &width.to_string(), "--explain"])
                    .output()
                    .unwrap();
                assert!(
                    matches!(out.status.code(), Some(0 | 1)),
                    "{event} {width}: {out:?}"
                );
                assert_fits(&stdout_of(&out), width, &event);
            }
        }
    }
}

/// Characters a terminal draws as nothing: format characters and other default-ignorable
/// ones, outside the emoji sequences and scripts that need them.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{180e}'
        | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}'
        | '\u{3164}' | '\u{feff}' | '\u{ffa0}' | '\u{fff9}'..='\u{fffb}'
        | '\u{e0000}'..='\u{e007f}')
}

#[test]
fn invisible_characters_are_shown_in_every_terminal_format() {
    // Regression: zero-width spaces, word joiners, a byte-order mark inside the text, tag
    // characters (hidden ASCII) and the like reached the terminal as they were, invisible.
    let hidden = "The mayor of Port\u{200b}Elvin resigned\u{2060} on Monday\u{feff} after \
                  14\u{200c}0 votes.\u{e0049}\u{e0067}\u{e006e} Ann\u{ad}Lee\u{2062} said \
                  it was\u{180e} over.\n";
    let plain = "The mayor of Port Elvin resigned on Monday after 12 votes.\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hidden.txt");
    std::fs::write(&path, hidden).unwrap();
    let path = path.display().to_string();
    let shown = [
        "<U+200B>",
        "<U+2060>",
        "<U+FEFF>",
        "<U+200C>",
        "<U+E0049>",
        "<U+00AD>",
        "<U+2062>",
        "<U+180E>",
    ];
    for format in ["text", "review", "summary"] {
        let text = compare_texts(hidden, plain, &["--format", format, "--color", "never"]);
        let raw = text.chars().find(|&c| invisible(c));
        assert_eq!(raw, None, "{format} printed a raw {raw:?}:\n{text}");
        if format != "summary" {
            for code in shown {
                // Markdown escapes the angle brackets of the code.
                let code = match format {
                    "review" => code.replace('<', "\\<").replace('>', "\\>"),
                    _ => code.to_string(),
                };
                assert!(text.contains(&code), "{format}: {code} not shown in {text}");
            }
        }
    }
    let text = stdout_of(&factdiff().args(["inspect", &path]).output().unwrap());
    assert_eq!(text.chars().find(|&c| invisible(c)), None, "{text}");
    for code in shown {
        assert!(text.contains(code), "inspect: {code} not shown in {text}");
    }
    // A label is shown the same way.
    let text = stdout_of(
        &factdiff()
            .args([
                &path,
                &path,
                "--left-label",
                "Gazette\u{200b}",
                "--color",
                "never",
            ])
            .output()
            .unwrap(),
    );
    assert!(text.starts_with("  Gazette<U+200B> "), "{text}");
}

#[test]
fn emoji_sequences_and_joining_scripts_print_as_written() {
    let text = "Crowds cheered \u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467} and \
                \u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f} at the \
                \u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645} festival.\n";
    let out = compare_texts(
        text,
        "Crowds cheered at the festival.\n",
        &["--color", "never"],
    );
    for kept in [
        "\u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467}",
        "\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}",
        "\u{645}\u{6cc}\u{200c}\u{62e}",
    ] {
        assert!(out.contains(kept), "{kept:?} not kept in {out}");
    }
}

#[test]
fn a_lone_carriage_return_is_a_line_break() {
    // Regression: with old Mac line ends the whole report was one line: "Advertisement\r..."
    // was kept as a name, the byline was not found, and every position was on line 1.
    let left = "By Ann Lee\rThe dam broke on Monday.\rAdvertisement\rNine people were hurt.\r";
    let right = "The dam broke on Monday.\r\nEleven people were hurt.\r\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mac.txt");
    std::fs::write(&path, left).unwrap();
    let inspect = stdout_of(&factdiff().arg("inspect").arg(&path).output().unwrap());
    assert!(inspect.contains("byline: By Ann Lee\n"), "{inspect}");
    assert!(
        inspect.contains("advertisement   Advertisement\n"),
        "{inspect}"
    );
    assert!(inspect.contains(": 2 sentences, 2 dropped\n"), "{inspect}");
    let review = compare_texts(left, right, &["--format", "review"]);
    assert!(review.contains("left.txt:4:1`"), "{review}");
    assert!(review.contains("right.txt:2:1`"), "{review}");
    // Positions stay byte offsets into the input as read.
    let json = compare_texts(left, right, &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let sentence = &json["documents"][0]["sentences"][1];
    let start = sentence["start"].as_u64().unwrap() as usize;
    assert_eq!(start, left.find("Nine").unwrap());
}

#[test]
fn a_utf16_file_is_named_so_with_how_to_convert_it() {
    // Regression: UTF-16 was called "binary", its NUL bytes taken for binary data.
    let text = "The dam broke on Monday.\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.txt");
    std::fs::write(&plain, text).unwrap();
    for (name, bytes, order) in [
        ("le-bom.txt", [&[0xff, 0xfe][..], &le].concat(), "LE"),
        ("be-bom.txt", [&[0xfe, 0xff][..], &be].concat(), "BE"),
        ("le.txt", le.clone(), "LE"),
        ("be.txt", be.clone(), "BE"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        for lossy in [false, true] {
            let mut cmd = factdiff();
            cmd.arg(&path).arg(&plain);
            if lossy {
                cmd.arg("--lossy");
            }
            let out = cmd.output().unwrap();
            assert_eq!(out.status.code(), Some(2), "{name}");
            let stderr = String::from_utf8(out.stderr).unwrap();
            assert_eq!(
                stderr,
                format!(
                    "factdiff: cannot read '{}': is UTF-16{order}, not UTF-8 (convert it: iconv -f UTF-16{order} -t UTF-8)\n",
                    path.display()
                ),
                "{name}"
            );
        }
    }
}

#[test]
fn metadata_lines_date_the_report_and_are_never_compared() {
    // Left: a web address with a date in its path; right: a date line. Neither is a
    // sentence, both date their report, and "Sunday" resolves against each.
    let left = "http://www.island-courier.example/news/2031/03/04/quay-fire /\n\
        The quay at Port Ardwin burned on Sunday, the harbour board said.\n";
    let right = "March 5, 2031\n\
        The quay at Port Ardwin burned on Sunday, the harbour board said.\n";
    let (status, json) = compare_json(left, right);
    assert_eq!(status, Some(0), "{json}");
    let docs = &json["documents"];
    assert_eq!(docs[0]["published"], "2031-03-04");
    assert_eq!(docs[1]["published"], "2031-03-05");
    let reasons = |d: &serde_json::Value| -> Vec<String> {
        d["dropped"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["reason"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(reasons(&docs[0]), ["url"]);
    assert_eq!(reasons(&docs[1]), ["timestamp"]);
    assert_eq!(docs[0]["sentences"].as_array().unwrap().len(), 1);
    assert_eq!(docs[1]["sentences"].as_array().unwrap().len(), 1);
    // The two dates are not compared: the one row agrees.
    assert_eq!(json["alignments"][0]["verdict"], "agree", "{json}");
    // The text view names the days over the columns.
    let text = stdout_of(&compare_as(left, right, &["--color", "never"]));
    assert!(
        text.lines().next().unwrap().contains("left · 2031-03-04"),
        "{text}"
    );
}

/// The speaker conflicts, sure and possible, of the binary's comparison of two texts, as
/// (left, right) as each outlet writes the speaker.
fn speaker_conflicts(left: &str, right: &str) -> (Vec<(String, String)>, usize) {
    let (_, json) = compare_json(left, right);
    let of = |field: &str| -> Vec<(String, String)> {
        json["alignments"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|a| a[field].as_array().unwrap().iter())
            .filter(|c| c["kind"] == "speaker")
            .map(|c| {
                let s = |k: &str| c[k].as_str().unwrap().to_string();
                (s("left"), s("right"))
            })
            .collect()
    };
    (of("conflicts"), of("possible_conflicts").len())
}

#[test]
fn one_person_under_two_names_is_one_speaker_and_two_people_are_two() {
    let left = "Kelso bridge reopens after storm\n\n\
        The mayor of Kelso, Dana Whitcombe, opened the footbridge on Monday.\n\n\
        \"The bridge will reopen to walkers and cyclists on Monday morning,\" she said. \
        \"We owe the town that much after the storm.\"\n\n\
        Defence Secretary Jim Mattock, nicknamed \"Mad Dog Mattock\" in the army, came too.\n\n\
        \"The engineers did remarkable work in terrible weather,\" Mattock said.\n";
    let right = "Kelso footbridge open again\n\n\
        Kelso's mayor, Dana Whitcombe, reopened the footbridge on Monday.\n\n\
        \"The bridge will reopen to walkers and cyclists on Monday morning. We owe the town \
        that much after the storm,\" Ms. Whitcombe told reporters.\n\n\
        James Mattock, the defence secretary, also came.\n\n\
        \"The engineers did remarkable work in terrible weather,\" Mr. Mattock said.\n";
    assert_eq!(speaker_conflicts(left, right), (Vec::new(), 0));
    // The quotation split in two on the left matches the right's whole quotation twice.
    let (_, json) = compare_json(left, right);
    let matches: Vec<(u64, u64, String)> = json["quote_matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let i = |k: &str| m[k].as_u64().unwrap();
            (i("left"), i("right"), m["kind"].as_str().unwrap().into())
        })
        .collect();
    assert_eq!(
        matches,
        [
            (0, 0, "partial".into()),
            (1, 0, "partial".into()),
            (2, 1, "verbatim".into())
        ]
    );
    // Another person of the same surname is another speaker.
    let other = right.replace("Mr. Mattock said", "Ann Mattock said");
    let other = other.replace(
        "James Mattock, the defence secretary, also came.",
        "Ann Mattock, his sister, also came.",
    );
    let (sure, _) = speaker_conflicts(left, &other);
    assert_eq!(sure, [("Mattock".to_string(), "Ann Mattock".to_string())]);
}

/// The dock-strike pair tells each speaker problem once: a role noun ("the mayor") for the
/// person introduced with it, "she" after another person's quotation, a role before a
/// post-posed name, one person under several names (James “Jim” Ferrow, Jim Ferrow, Mr.
/// Ferrow), a quotation split in one report and whole in the other, and words read from a
/// sentence with no speech verb.
#[test]
fn each_speaker_of_the_dock_strike_is_read_right_and_none_conflicts() {
    let out = factdiff()
        .args([
            "fixtures/dock-strike/kelso-evening-post.txt",
            "fixtures/dock-strike/coastline-wire.txt",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    let speakers = |doc: usize| -> Vec<(String, bool)> {
        json["documents"][doc]["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| {
                let name = q["speaker"].as_str().unwrap_or("").to_string();
                (name, q["speaker_guessed"].as_bool().unwrap())
            })
            .collect()
    };
    let ferrow = "James Jim Ferrow".to_string();
    assert_eq!(
        speakers(0),
        [
            ("Dana Whitcombe".to_string(), false),
            (ferrow.clone(), false),
            (ferrow.clone(), false),
            ("Ruth Okonjo".to_string(), false),
            ("Ilse Brandt".to_string(), false),
            (ferrow, true),
        ]
    );
    let speaker_conflicts: Vec<String> = json["alignments"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| ["conflicts", "possible_conflicts"].map(|k| a[k].clone()))
        .flat_map(|cs| cs.as_array().unwrap().clone())
        .filter(|c| c["kind"] == "speaker")
        .map(|c| c.to_string())
        .collect();
    assert!(speaker_conflicts.is_empty(), "{speaker_conflicts:?}");
    // The right report splits "We asked for talks … a timetable instead" in two: each part
    // matches the left's whole quotation, as the same speaker's.
    let split: Vec<(u64, u64, &str, bool)> = json["quote_matches"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["left"] == 2)
        .map(|m| {
            let i = |k: &str| m[k].as_u64().unwrap();
            (
                i("left"),
                i("right"),
                m["kind"].as_str().unwrap(),
                m["same_speaker"] == true,
            )
        })
        .collect();
    assert_eq!(split, [(2, 0, "partial", true), (2, 1, "partial", true)]);
    // The text view keeps the guess a guess.
    let text = factdiff()
        .args([
            "fixtures/dock-strike/kelso-evening-post.txt",
            "fixtures/dock-strike/coastline-wire.txt",
        ])
        .output()
        .unwrap();
    let words = stdout_of(&text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        words.contains("(James Jim Ferrow, speaker guessed from context)"),
        "{words}"
    );
}

// What a reader sees first in the text view: the facts, folded relations, two colours, a
// pager, and words for an empty result.

/// The text view of the ferry pair, which has related rows, with `args`.
fn ferry_text(args: &[&str]) -> String {
    let out = factdiff()
        .args([
            "fixtures/ferry/island-courier.txt",
            "fixtures/ferry/national-ledger.txt",
            "--width",
            "100",
        ])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    stdout_of(&out)
}

/// The lines of a text view that open a row, by their marker.
fn row_markers(text: &str) -> Vec<char> {
    text.split("\nquotes\n")
        .next()
        .unwrap()
        .lines()
        .filter_map(|l| {
            let mut chars = l.chars();
            let marker = chars.next()?;
            ("=~!?<>".contains(marker) && chars.next() == Some(' ')).then_some(marker)
        })
        .collect()
}

#[test]
fn related_rows_are_folded_unless_asked_for() {
    let json = factdiff()
        .args([
            "fixtures/ferry/island-courier.txt",
            "fixtures/ferry/national-ledger.txt",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let verdicts: Vec<&str> = json["alignments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["verdict"].as_str().unwrap())
        .collect();
    let related = verdicts.iter().filter(|v| **v == "related").count();
    assert!(related >= 3, "{verdicts:?}");
    let only = |key: &str| json[key].as_array().unwrap().len();

    let folded = ferry_text(&["--color", "never"]);
    let markers = row_markers(&folded);
    assert!(!markers.contains(&'?'), "{folded}");
    // Every fact both tell, and every sentence only one tells, is still shown.
    assert_eq!(
        markers.len(),
        verdicts.len() - related + only("only_left") + only("only_right"),
        "{folded}"
    );
    let words = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains(&format!(
            "{related} related pairs folded; --related shows them"
        )),
        "{folded}"
    );
    assert!(!folded.contains("'?' related"), "{folded}");

    let shown = ferry_text(&["--color", "never", "--related"]);
    assert!(row_markers(&shown).contains(&'?'), "{shown}");
    assert!(!shown.contains("folded"), "{shown}");
    assert!(shown.contains("'?' related"), "{shown}");
    assert!(shown.lines().count() > folded.lines().count());
    // The review says how to make it again, --related included.
    let review = ferry_text(&["--format", "review", "--related"]);
    let regenerate = review
        .lines()
        .find(|l| l.contains("factdiff") && l.contains("--format review"))
        .unwrap_or_else(|| panic!("no regenerate line in {review}"));
    assert!(regenerate.contains("--related"), "{regenerate}");
}

/// The words of each column of a text view's rows, brackets and bullets taken off, each
/// column read top to bottom as one line of words.
fn columns(text: &str) -> [String; 2] {
    let mut cols = [Vec::new(), Vec::new()];
    for line in text.split("\nquotes\n").next().unwrap().lines() {
        let Some((left, right)) = line.split_once(" │") else {
            continue;
        };
        for (k, part) in [left.get(2..).unwrap_or(""), right].into_iter().enumerate() {
            for word in part.split_whitespace().filter(|w| *w != "•") {
                let word = ["[-", "-]", "{+", "+}", "[!", "!]"]
                    .iter()
                    .fold(word.to_string(), |w, mark| w.replace(mark, ""));
                cols[k].push(word);
            }
        }
    }
    cols.map(|words| format!(" {} ", words.join(" ")))
}

#[test]
fn no_sentence_is_printed_in_full_more_than_twice() {
    let mut checked = 0;
    for (_, left, right) in fixture_pairs() {
        let json = factdiff()
            .args([&left, &right, "--format", "json"])
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        for related in [false, true] {
            let mut args = vec![left.as_str(), right.as_str(), "--color", "never"];
            args.extend(["--width", "100"]);
            if related {
                args.push("--related");
            }
            let text = stdout_of(&factdiff().args(&args).output().unwrap());
            let cols = columns(&text);
            for (k, doc) in json["documents"].as_array().unwrap().iter().enumerate() {
                for s in doc["sentences"].as_array().unwrap() {
                    let words: Vec<&str> = s["text"].as_str().unwrap().split_whitespace().collect();
                    if words.len() < 5 {
                        continue;
                    }
                    let times = cols[k].matches(&format!(" {} ", words.join(" "))).count();
                    assert!(times <= 2, "{times} times: {words:?} in\n{text}");
                    checked += usize::from(times > 0);
                }
            }
        }
    }
    assert!(checked > 50, "the columns were not read: {checked}");
    // After twice, a sentence is named by its opening words (here, with --related, the
    // ferry's headline and its first paragraph).
    let shown = ferry_text(&["--color", "never", "--related"]);
    assert!(shown.contains("(as above)"), "{shown}");
}

#[test]
fn the_two_sides_words_have_their_own_colours() {
    let (left, right) = footbridge();
    let out = factdiff()
        .args([&left, &right, "--color", "always", "--width", "100"])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    let (magenta, green, yellow) = ("\u{1b}[35m", "\u{1b}[32m", "\u{1b}[33m");
    let rows: Vec<(&str, &str)> = text.lines().filter_map(|l| l.split_once('│')).collect();
    // What only the left has is magenta, in the left column; only the right's, green.
    assert!(rows.iter().any(|(l, _)| l.contains(magenta)), "{text}");
    assert!(rows.iter().any(|(_, r)| r.contains(green)), "{text}");
    assert!(!rows.iter().any(|(l, _)| l.contains(green)), "{text}");
    assert!(!rows.iter().any(|(_, r)| r.contains(magenta)), "{text}");
    assert!(!text.contains(yellow), "{text}");
    // A conflicting value is still bold, underlined and red.
    assert!(text.contains("\u{1b}[4m\u{1b}[1m\u{1b}[31m12"), "{text}");
    // The legend names both colours.
    assert!(text.contains(&format!("{magenta}only left")), "{text}");
    assert!(text.contains(&format!("{green}only right")), "{text}");
}

#[test]
fn an_empty_result_says_so_in_words() {
    let report = "The council opened the new library on Monday. It holds 40,000 books.\n\
                  The mayor cut the ribbon at noon. Children read in the garden all afternoon.\n";
    for (only, said) in [
        ("diverge", "No diverging facts or quotations."),
        (
            "diverge,only-left",
            "No diverging facts or quotations, and no sentences or quotations only in left.",
        ),
    ] {
        let text = compare_texts(report, report, &["--only", only, "--color", "never"]);
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words.contains(said), "{only}: {text}");
        assert!(row_markers(&text).is_empty(), "{text}");
    }
    // With something to show, no such sentence.
    let text = compare_texts(report, report, &["--color", "never"]);
    assert!(!text.contains("No "), "{text}");
}

/// The factdiff binary run on the ferry pair inside a pseudo-terminal of `rows` rows made
/// by `script`, with `FACTDIFF_PAGER` set to `pager`; what the terminal showed. `None`
/// where `script` is not installed.
#[cfg(unix)]
fn in_terminal(rows: u16, pager: &str, args: &str) -> Option<String> {
    let bin = assert_cmd::cargo::cargo_bin("factdiff");
    let script = format!(
        "stty rows {rows} cols 100; '{}' fixtures/ferry/island-courier.txt \
         fixtures/ferry/national-ledger.txt {args}; echo status=$?",
        bin.display()
    );
    let out = Command::new("script")
        .args(["-qec", &script, "/dev/null"])
        .current_dir(root())
        .env("FACTDIFF_PAGER", pager)
        .env_remove("PAGER")
        .stdin(Stdio::null())
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n"))
}

#[cfg(unix)]
#[test]
fn output_taller_than_the_terminal_goes_through_the_pager() {
    let dir = tempfile::tempdir().unwrap();
    let paged = dir.path().join("paged.txt");
    let pager = format!("cat > '{}'", paged.display());
    let Some(shown) = in_terminal(10, &pager, "") else {
        eprintln!("no `script` to make a terminal with: skipped");
        return;
    };
    let through = std::fs::read_to_string(&paged).unwrap_or_default();
    assert!(
        through.contains("related pairs folded"),
        "{through}\n{shown}"
    );
    assert!(shown.contains("status=1"), "{shown}");
    std::fs::remove_file(&paged).unwrap();
    // Output that fits, --no-pager, and a pipe are never paged.
    let fits = in_terminal(500, &pager, "").unwrap();
    assert!(fits.contains("related pairs folded"), "{fits}");
    let unpaged = in_terminal(10, &pager, "--no-pager").unwrap();
    assert!(unpaged.contains("related pairs folded"), "{unpaged}");
    let piped = in_terminal(10, &pager, "| cat").unwrap();
    assert!(piped.contains("related pairs folded"), "{piped}");
    let to_stdout = in_terminal(10, &pager, "-o -").unwrap();
    assert!(to_stdout.contains("related pairs folded"), "{to_stdout}");
    let written = dir.path().join("out.txt");
    in_terminal(10, &pager, &format!("-o '{}'", written.display())).unwrap();
    assert!(!paged.exists(), "paged when it should not have been");
    // A pager that cannot be found: printed directly. One that quits without reading: no
    // error, the status still the comparison's.
    for missing in [
        "/nonexistent/pager",
        "no-such-pager-anywhere -R",
        "no-such-pager | x",
    ] {
        let shown = in_terminal(10, missing, "").unwrap();
        assert!(shown.contains("related pairs folded"), "{missing}: {shown}");
        assert!(shown.contains("status=1"), "{missing}: {shown}");
    }
    let quit = in_terminal(10, "true", "").unwrap();
    assert_eq!(quit.trim(), "status=1", "{quit}");
}

#[test]
fn piped_output_is_never_paged() {
    let dir = tempfile::tempdir().unwrap();
    let paged = dir.path().join("paged.txt");
    let out = factdiff()
        .args([
            "fixtures/ferry/island-courier.txt",
            "fixtures/ferry/national-ledger.txt",
        ])
        .env("FACTDIFF_PAGER", format!("cat > '{}'", paged.display()))
        .env("PAGER", format!("cat > '{}'", paged.display()))
        .output()
        .unwrap();
    assert!(stdout_of(&out).contains("related pairs folded"));
    assert!(!paged.exists());
}
