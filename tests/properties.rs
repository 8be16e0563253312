//! Invariants that must hold for any input, checked on generated text.

use factdiff::model::{Document, Source};
use proptest::prelude::*;

fn source(text: String) -> Source {
    Source::new("t", text)
}

/// Every non-white-space character lies in exactly one sentence or dropped item, and every
/// span sits on character boundaries inside the input.
fn check_coverage(doc: &Document) -> Result<(), TestCaseError> {
    let text = &doc.text;
    let mut spans: Vec<(usize, usize)> = doc
        .sentences
        .iter()
        .map(|s| (s.span.start, s.span.end))
        .chain(doc.dropped.iter().map(|d| (d.span.start, d.span.end)))
        .collect();
    spans.sort_unstable();
    for &(start, end) in &spans {
        prop_assert!(start < end && end <= text.len(), "span {start}..{end}");
        prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
    }
    for pair in spans.windows(2) {
        prop_assert!(pair[0].1 <= pair[1].0, "overlapping spans {pair:?}");
    }
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() {
            let covered = spans.iter().any(|&(s, e)| s <= i && i < e);
            prop_assert!(
                covered,
                "{c:?} at byte {i} is neither kept nor dropped in {text:?}"
            );
        }
    }
    for s in &doc.sentences {
        for t in &s.tokens {
            prop_assert!(s.span.start <= t.span.start && t.span.end <= s.span.end);
        }
    }
    for f in &doc.facts {
        let s = doc.sentences[f.sentence].span;
        prop_assert!(s.start <= f.span.start && f.span.start < f.span.end && f.span.end <= s.end);
        prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
    }
    Ok(())
}

/// Text shaped like web copy: words, punctuation, quotes, boilerplate lines, odd characters.
fn web_copy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-z]{1,9}",
        "[0-9][0-9,.]{0,6}",
        Just("Mr".to_string()),
        Just("U.S.".to_string()),
        Just("p.m.".to_string()),
        Just(". ".to_string()),
        Just("? ".to_string()),
        Just("\"".to_string()),
        Just("\u{201c}".to_string()),
        Just("\u{201d}".to_string()),
        Just("\u{2019}".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\rAdvertisement\r".to_string()),
        Just("\n\n".to_string()),
        Just("\nAdvertisement\n".to_string()),
        Just("\nAAP\n".to_string()),
        Just("[contf]".to_string()),
        Just("Read More – Source".to_string()),
        Just("\u{feff}".to_string()),
        Just("$2.5bn".to_string()),
        Just("£4m".to_string()),
        Just("at least ".to_string()),
        Just("between 12 and ".to_string()),
        Just("1950-53".to_string()),
        Just("twenty-five".to_string()),
        Just(" per cent".to_string()),
        Just("%".to_string()),
        Just("March 13, 2026".to_string()),
        Just("Published 14 March 2026".to_string()),
        Just("on Friday".to_string()),
        Just("a day earlier".to_string()),
        Just("3 p.m.".to_string()),
        Just("15:30".to_string()),
        Just("Captain Ann Lee".to_string()),
        Just("\t".to_string()),
        Just(" ".to_string()),
        Just(" ".to_string()),
        "\\PC",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// Sentences of ordinary words, one paragraph each.
fn report() -> impl Strategy<Value = String> {
    let sentence = prop::collection::vec("[a-z]{2,10}", 3..12).prop_map(|w| {
        let mut s = w.join(" ");
        s[..1].make_ascii_uppercase();
        s + "."
    });
    prop::collection::vec(sentence, 1..12).prop_map(|s| s.join("\n"))
}

// The number of cases is proptest's default (256), or PROPTEST_CASES when set.
proptest! {

    #[test]
    fn web_copy_is_covered_without_panic(text in web_copy()) {
        check_coverage(&factdiff::inspect(source(text)))?;
    }

    #[test]
    fn any_unicode_is_covered_without_panic(text in "\\PC{0,200}") {
        check_coverage(&factdiff::inspect(source(text)))?;
    }

    #[test]
    fn any_bytes_are_read_or_refused_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(text) = factdiff::read::decode(bytes) {
            let report = factdiff::compare(source(text.clone()), source(text));
            check_coverage(&report.documents.left)?;
        }
    }

    #[test]
    fn a_report_compared_with_itself_only_agrees(text in report()) {
        let report = factdiff::compare(source(text.clone()), source(text));
        prop_assert!(report.only.left.is_empty() && report.only.right.is_empty());
        prop_assert!(report.alignments.iter().all(|a| a.is_equivalent()));
        prop_assert!(!report.has_differences());
    }

    #[test]
    fn scores_stay_in_unit_interval(left in web_copy(), right in web_copy()) {
        let report = factdiff::compare(source(left), source(right));
        for a in &report.alignments {
            prop_assert!((0.0..=1.0).contains(&a.score), "score {}", a.score);
        }
    }

    #[test]
    fn json_is_valid_and_keeps_the_contract(left in web_copy(), right in web_copy()) {
        let report = factdiff::compare(source(left), source(right));
        check_contract(&report)?;
    }

    #[test]
    fn html_holds_only_the_tags_the_page_writes(
        left in hostile_copy(),
        right in hostile_copy(),
        label in hostile_copy(),
    ) {
        let report = factdiff::compare(
            Source::new(label, left),
            source(right),
        );
        check_html(&report)?;
    }
}

/// Web copy with markup in it, as a page's article text may hold.
fn hostile_copy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        web_copy(),
        Just("<script>alert(1)</script>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("</style>".to_string()),
        Just("</textarea>".to_string()),
        Just("<!--".to_string()),
        Just("]]>".to_string()),
        Just("\"><svg onload=alert(1)>".to_string()),
        Just("' onmouseover='alert(1)".to_string()),
        Just("<a href=\"javascript:alert(1)\">x</a>".to_string()),
        Just("&amp;&lt;".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just("\u{202e}".to_string()),
        "[<>&\"'=/ a-z]{1,12}",
    ];
    prop::collection::vec(piece, 0..6).prop_map(|v| v.concat())
}

/// The tags the HTML report writes. Article text can add none: every `<` of it is escaped.
const PAGE_TAGS: &[&str] = &[
    "!DOCTYPE",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "a",
    "header",
    "h1",
    "h2",
    "h3",
    "dl",
    "dt",
    "dd",
    "strong",
    "code",
    "time",
    "section",
    "div",
    "ul",
    "li",
    "nav",
    "fieldset",
    "legend",
    "label",
    "input",
    "span",
    "button",
    "p",
    "main",
    "table",
    "caption",
    "colgroup",
    "col",
    "thead",
    "tr",
    "th",
    "tbody",
    "td",
    "br",
    "mark",
    "blockquote",
    "em",
    "details",
    "summary",
    "del",
    "textarea",
    "footer",
    "script",
];

fn check_html(report: &factdiff::model::Report) -> Result<(), TestCaseError> {
    let out = rendered(report, factdiff::render::Format::Html);
    let html = String::from_utf8(out).map_err(|e| TestCaseError::fail(e.to_string()))?;
    // The page's own style sheet and script are fixed text; only the markup around them
    // comes from the report.
    let markup = crate::util::elide(
        &crate::util::elide(&html, "<style>", "</style>"),
        "<script>",
        "</script>",
    );
    prop_assert_eq!(markup.matches("<script").count(), 1);
    prop_assert_eq!(markup.matches("<style").count(), 1);
    prop_assert!(!markup.contains("href=\"javascript"));
    for (at, _) in markup.match_indices('<') {
        let rest = &markup[at + 1..];
        let rest = rest.strip_prefix('/').unwrap_or(rest);
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect();
        prop_assert!(
            PAGE_TAGS.contains(&name.as_str()),
            "a tag the page does not write: <{}",
            markup[at + 1..].chars().take(40).collect::<String>()
        );
    }
    // No control character reaches the page raw: they are shown as codes.
    prop_assert!(
        !markup
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    );
    prop_assert!(!markup.contains('\u{202e}'), "a raw bidirectional override");
    Ok(())
}

proptest! {
    // Each case starts the binary twice, so fewer cases: a tenth of the others.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse::<u32>().ok()).unwrap_or(256) / 10
    ))]

    #[test]
    fn the_binary_exits_zero_one_or_two_on_any_bytes(
        left in prop::collection::vec(any::<u8>(), 0..200),
        right in web_copy(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let (l, r) = (dir.path().join("l.txt"), dir.path().join("r.txt"));
        std::fs::write(&l, &left).unwrap();
        std::fs::write(&r, &right).unwrap();
        for lossy in [false, true] {
            let mut cmd = crate::util::factdiff();
            cmd.arg(&l).arg(&r).args(["--format", "json"]);
            if lossy {
                cmd.arg("--lossy");
            }
            let out = cmd.output().unwrap();
            let code = out.status.code();
            prop_assert!(matches!(code, Some(0..=2)), "status {code:?}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            if code == Some(2) {
                prop_assert!(out.stdout.is_empty());
                // One error line, after any note of bytes --lossy replaced on the other side.
                let errors = stderr.lines().filter(|l| !l.contains("invalid UTF-8 sequence")).count();
                prop_assert_eq!(errors, 1, "{}", stderr);
            } else {
                let json: Result<serde_json::Value, _> = serde_json::from_slice(&out.stdout);
                prop_assert!(json.is_ok(), "invalid JSON");
            }
        }
    }
}

/// The JSON of a comparison parses and holds the fields `docs/json.md` promises, with every
/// index and offset in range.
fn check_contract(report: &factdiff::model::Report) -> Result<(), TestCaseError> {
    let out = rendered(report, factdiff::render::Format::Json);
    let json: serde_json::Value =
        serde_json::from_slice(&out).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&json["version"], 1);
    let docs = json["documents"].as_array().expect("documents");
    prop_assert_eq!(docs.len(), 2);
    let mut sentences = Vec::new();
    for (doc, text) in docs
        .iter()
        .zip([&report.documents.left.text, &report.documents.right.text])
    {
        for key in ["sentences", "dropped", "quotes", "facts"] {
            for item in doc[key].as_array().expect("a list") {
                let (start, end) = (
                    item["start"].as_u64().unwrap() as usize,
                    item["end"].as_u64().unwrap() as usize,
                );
                prop_assert!(start <= end && end <= text.len(), "{key} {start}..{end}");
                prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            }
        }
        sentences.push(doc["sentences"].as_array().unwrap().len() as u64);
    }
    for a in json["alignments"].as_array().expect("alignments") {
        for (side, n) in ["left", "right"].iter().zip(&sentences) {
            let list = a[*side].as_array().expect("sentence indexes");
            prop_assert!(!list.is_empty() && list.iter().all(|i| i.as_u64().unwrap() < *n));
        }
        prop_assert!(["agree", "diverge", "related"].contains(&a["verdict"].as_str().unwrap()));
        // A related row never holds a conflict; a diverging row always does.
        let conflicts = a["conflicts"].as_array().expect("conflicts").len();
        prop_assert!(a["verdict"] != "related" || conflicts == 0);
        prop_assert!(a["verdict"] != "diverge" || conflicts > 0);
        for c in a["conflicts"].as_array().unwrap().iter().chain(
            a["possible_conflicts"]
                .as_array()
                .expect("possible_conflicts"),
        ) {
            let confidence = c["confidence"].as_f64().expect("confidence");
            prop_assert!((0.0..=1.0).contains(&confidence));
        }
        let score = a["score"].as_f64().expect("score");
        prop_assert!((0.0..=1.0).contains(&score));
        prop_assert!(a["left_adds"].is_boolean() && a["right_adds"].is_boolean());
    }
    Ok(())
}

/// A report printed in memory, with every option that adds output (`--explain`, `--related`) on.
fn rendered(report: &factdiff::model::Report, format: factdiff::render::Format) -> Vec<u8> {
    let layout = factdiff::render::Layout {
        width: 80,
        color: false,
        date: None,
        explain: true,
        command: &[],
        related: true,
        only: &[],
    };
    let mut out = Vec::new();
    factdiff::render::report(report, format, layout, &mut out).expect("writing to memory");
    out
}

/// Two fixture pairs compared once: one with conflicts, details and quotations, one of
/// different incidents (a warning line). Labels are set on copies, case by case.
fn compared_pairs() -> &'static [factdiff::model::Report] {
    static REPORTS: std::sync::OnceLock<Vec<factdiff::model::Report>> = std::sync::OnceLock::new();
    REPORTS.get_or_init(|| {
        ["footbridge", "warehouse-fires"]
            .iter()
            .map(|event| {
                let (_, left, right) = crate::util::fixture_pairs()
                    .into_iter()
                    .find(|(e, _, _)| e == event)
                    .expect("a fixture pair");
                let read = |path: &str| {
                    std::fs::read_to_string(crate::util::root().join(path)).expect("a fixture")
                };
                factdiff::compare(source(read(&left)), source(read(&right)))
            })
            .collect()
    })
}

/// Labels as outlets, users and file names give them: long, wide, combining, emoji,
/// invisible, control characters, empty.
fn odd_label() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-z-]{0,60}",
        "[\u{4e00}-\u{9fa5}]{1,40}",
        "(e\u{301}\u{302}){1,20}",
        prop::sample::select(vec![
            "\u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467}",
            "\u{1f1ec}\u{1f1e7}",
            "\u{2764}\u{fe0f}",
            "\u{1f44d}\u{1f3fd}",
            "\u{200b}",
            "\u{feff}",
            "\u{e0041}",
            "\u{202e}",
            "\t",
            "\u{1b}[31m",
            "\u{7f}",
            "\u{85}",
            "\r",
            "\n",
            "",
        ])
        .prop_map(str::to_string),
        "\\PC{0,20}",
    ];
    prop::collection::vec(piece, 0..8).prop_map(|v| v.concat())
}

/// Text as a terminal shows it: colour codes take no room.
fn without_colour(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

proptest! {
    #[test]
    fn no_line_is_wider_than_the_width_asked_for(
        left in odd_label(),
        right in odd_label(),
        width in 40usize..=300,
        color in any::<bool>(),
        explain in any::<bool>(),
        related in any::<bool>(),
    ) {
        use unicode_width::UnicodeWidthStr;
        let layout = factdiff::render::Layout { width, color, date: None, explain, command: &[], related, only: &[] };
        for pair in compared_pairs() {
            let mut report = pair.clone();
            report.documents.left.label = left.clone();
            report.documents.right.label = right.clone();
            let mut outputs = Vec::new();
            for format in [factdiff::render::Format::Text, factdiff::render::Format::Summary] {
                let mut out = Vec::new();
                factdiff::render::report(&report, format, layout, &mut out).expect("in memory");
                outputs.push(out);
            }
            let mut out = Vec::new();
            factdiff::render::document(
                &report.documents.left,
                factdiff::render::Format::Text,
                layout,
                &mut out,
            )
            .expect("in memory");
            outputs.push(out);
            for out in outputs {
                let text = String::from_utf8(out).expect("UTF-8");
                for line in text.lines() {
                    let shown = without_colour(line);
                    prop_assert!(
                        shown.width() <= width,
                        "{} > {width}: {shown:?}",
                        shown.width()
                    );
                }
            }
        }
    }
}

/// Pages of tags, entities and text in any order and nesting, broken or not.
fn page_markup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-z]{1,9}",
        "[0-9][0-9,.]{0,5}",
        Just(" ".to_string()),
        Just(". ".to_string()),
        Just("\n  ".to_string()),
        Just("\r\n".to_string()),
        Just("\u{201c}".to_string()),
        Just("\u{201d}".to_string()),
        Just("é".to_string()),
        Just("日本".to_string()),
        Just("\u{feff}".to_string()),
        Just("&amp;".to_string()),
        Just("&nbsp;".to_string()),
        Just("&rsquo;".to_string()),
        Just("&#8212;".to_string()),
        Just("&#x1F600;".to_string()),
        Just("&copy2026".to_string()),
        Just("&bogus;".to_string()),
        Just("& ".to_string()),
        Just("&".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"story\">".to_string()),
        Just("<div class=\"share-tools\">".to_string()),
        Just("</div>".to_string()),
        Just("<article>".to_string()),
        Just("</article>".to_string()),
        Just("<main>".to_string()),
        Just("<h1>".to_string()),
        Just("</h1>".to_string()),
        Just("<br>".to_string()),
        Just("<li>".to_string()),
        Just("<ul>".to_string()),
        Just("</ul>".to_string()),
        Just("<pre>".to_string()),
        Just("</pre>".to_string()),
        Just("<b>".to_string()),
        Just("</b>".to_string()),
        Just("<a href=\"/x?a=1&b=2\">".to_string()),
        Just("</a>".to_string()),
        Just("<nav>".to_string()),
        Just("</nav>".to_string()),
        Just("<figure><figcaption>".to_string()),
        Just("<script>if (a < b) { x = \"</p>\"; }</script>".to_string()),
        Just("<style>p { color: red }</style>".to_string()),
        Just("<!-- a comment -->".to_string()),
        Just("<!--".to_string()),
        Just("<span aria-hidden=\"true\">".to_string()),
        Just("<time datetime=\"2026-03-14T08:00\">".to_string()),
        Just("<meta property=\"article:published_time\" content=\"2026-02-30\">".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        Just("\"".to_string()),
    ];
    (
        prop_oneof![
            Just(""),
            Just("<!DOCTYPE html>"),
            Just("<html><body>"),
            Just("\u{feff}<!doctype html>\n")
        ],
        prop::collection::vec(piece, 0..80),
    )
        .prop_map(|(head, pieces)| format!("{head}{}", pieces.concat()))
}

/// The text runs of a page as the tokenizer sees them.
fn page_runs(html: &str) -> Vec<(usize, usize)> {
    let mut emitter = html5gum::DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    html5gum::Tokenizer::new_with_emitter(html, emitter)
        .flatten()
        .filter_map(|token| match token {
            html5gum::Token::String(s) => Some((s.span.start, s.span.end)),
            _ => None,
        })
        .collect()
}

/// A page read as a report: every position maps into the page on character boundaries,
/// and every character the page shows is in a sentence or a dropped item.
fn check_page(html: &str) -> Result<(), TestCaseError> {
    let Some((text, page)) = factdiff::read::page::read(html.to_string()) else {
        return Ok(());
    };
    let doc = factdiff::inspect(Source {
        label: "page".into(),
        path: None,
        text,
        page: Some(page),
    });
    check_coverage(&doc)?;
    let page = doc.page.as_ref().unwrap();
    let mut covered = vec![false; html.len()];
    let text_spans = doc
        .sentences
        .iter()
        .map(|s| s.span)
        .chain(doc.dropped.iter().map(|d| d.span))
        .chain(doc.quotes.iter().map(|q| q.span))
        .chain(doc.facts.iter().map(|f| f.span));
    for (k, span) in text_spans.enumerate() {
        let at = doc.input_span(span);
        prop_assert!(at.start <= at.end && at.end <= html.len(), "{span} -> {at}");
        prop_assert!(html.is_char_boundary(at.start) && html.is_char_boundary(at.end));
        // Sentences and dropped items come first: they are what covers the page.
        if k < doc.sentences.len() + doc.dropped.len() {
            covered[at.start..at.end].fill(true);
        }
    }
    for removed in &page.removed {
        let at = removed.span;
        prop_assert!(at.start <= at.end && at.end <= html.len());
        prop_assert!(html.is_char_boundary(at.start) && html.is_char_boundary(at.end));
        covered[at.start..at.end].fill(true);
    }
    // An entity standing for white space (`&nbsp;`) is white space too.
    let mut blank = vec![false; html.len()];
    for (at, entity) in html.match_indices("&nbsp;") {
        blank[at..at + entity.len()].fill(true);
    }
    for (start, end) in page_runs(html) {
        for (i, c) in html[start..end].char_indices() {
            let at = start + i;
            // A byte-order mark shows nothing, as white space does.
            if !c.is_whitespace() && c != '\u{feff}' && !blank[at] {
                prop_assert!(
                    covered[at],
                    "{c:?} at {at} is neither read nor dropped in {html:?}"
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn any_page_maps_into_itself_and_covers_what_it_shows(html in page_markup()) {
        check_page(&html)?;
    }
}
