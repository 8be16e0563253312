//! Saved web pages as input: a page reads as its plain-text copy does, none of the page's
//! furniture reaches a sentence, every offset points into the page as saved, and a bad
//! page gets one line and status 2.

use serde_json::Value;

use crate::util::{factdiff, root, stdout_of};

/// The fixture pages, each with its plain-text copy.
const PAGES: [(&str, &str); 2] = [
    (
        "fixtures/tram-depot/lowmoor-standard.html",
        "fixtures/tram-depot/lowmoor-standard.txt",
    ),
    (
        "fixtures/tram-depot/riverside-live.html",
        "fixtures/tram-depot/riverside-live.txt",
    ),
];

fn json(args: &[&str]) -> Value {
    let out = factdiff()
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&stdout_of(&out)).unwrap()
}

fn inspect(path: &str) -> Value {
    json(&["inspect", path])["document"].clone()
}

fn page(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

/// A text as a plain-text copy of a page has it: a no-break space becomes a space.
fn plain(value: &Value) -> String {
    value.as_str().unwrap().replace('\u{a0}', " ")
}

fn texts(list: &Value, fields: &[&str]) -> Vec<Vec<String>> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|item| {
            fields
                .iter()
                .map(|f| match &item[f] {
                    Value::String(_) => plain(&item[f]),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn a_page_reads_as_its_plain_text_copy() {
    for (page, copy) in PAGES {
        let (page, copy) = (inspect(page), inspect(copy));
        assert_eq!(page["input"], "html");
        assert_eq!(copy["input"], "text");
        assert_eq!(page["published"], "2026-03-14");
        assert!(page["sentences"].as_array().unwrap().len() > 15);
        for (list, fields) in [
            ("sentences", &["text"][..]),
            ("quotes", &["text", "speaker", "speaker_guessed"]),
            ("facts", &["kind", "text", "value", "sentence"]),
        ] {
            assert_eq!(
                texts(&page[list], fields),
                texts(&copy[list], fields),
                "{list} of {}",
                page["path"]
            );
        }
    }
}

#[test]
fn two_pages_compare_as_their_copies_do() {
    let pages = json(&[PAGES[0].0, PAGES[1].0]);
    let copies = json(&[PAGES[0].1, PAGES[1].1]);
    assert_eq!(
        texts(&pages["alignments"], &["left", "right", "verdict"]),
        texts(&copies["alignments"], &["left", "right", "verdict"])
    );
    let conflicts = |report: &Value| -> Vec<Vec<Vec<String>>> {
        let alignments = report["alignments"].as_array().unwrap();
        alignments
            .iter()
            .map(|a| texts(&a["conflicts"], &["kind", "left", "right"]))
            .collect()
    };
    assert_eq!(conflicts(&pages), conflicts(&copies));
    assert!(conflicts(&pages).iter().any(|c| !c.is_empty()));
    for field in [
        "only_left",
        "only_right",
        "quote_matches",
        "only_left_quotes",
        "only_right_quotes",
    ] {
        assert_eq!(pages[field], copies[field], "{field}");
    }
}

/// What the fixture pages show around their articles.
const FURNITURE: &[&str] = &[
    "cookies",
    "Accept",
    "Skip to content",
    "Subscribe",
    "Share on",
    "Share this update",
    "Copy link",
    "Photo:",
    "Advertisement",
    "Sign up",
    "Related stories",
    "comments",
    "Most read",
    "Load more",
    "reading now",
    "©",
    "window.",
    "@context",
];

#[test]
fn no_page_furniture_reaches_a_sentence() {
    for (path, _) in PAGES {
        let doc = inspect(path);
        for sentence in doc["sentences"].as_array().unwrap() {
            let text = sentence["text"].as_str().unwrap();
            for furniture in FURNITURE {
                assert!(!text.contains(furniture), "{path}: {text:?}");
            }
        }
    }
    let doc = inspect(PAGES[0].0);
    let reasons: Vec<&str> = doc["dropped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["reason"].as_str().unwrap())
        .collect();
    for reason in [
        "head",
        "script",
        "cookie-banner",
        "navigation",
        "breadcrumbs",
        "byline",
        "timestamp",
        "share-prompt",
        "caption",
        "advertisement",
        "newsletter",
        "related-link",
        "comments",
        "outside-article",
        "footer",
    ] {
        assert!(reasons.contains(&reason), "no {reason} in {reasons:?}");
    }
    assert_eq!(doc["byline"]["text"], "By Rosalind Kettering");
}

/// The text runs of a page, as an HTML tokenizer sees them: where each stands, and its
/// text with entities decoded.
fn runs(html: &str) -> Vec<(usize, usize, String)> {
    let mut emitter = html5gum::DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    html5gum::Tokenizer::new_with_emitter(html, emitter)
        .flatten()
        .filter_map(|token| match token {
            html5gum::Token::String(s) => Some((
                s.span.start,
                s.span.end,
                String::from_utf8_lossy(&s.value).into_owned(),
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn every_character_a_page_shows_is_in_a_sentence_or_dropped() {
    for (path, _) in PAGES {
        let html = page(path);
        let doc = inspect(path);
        let mut covered = vec![false; html.len()];
        for list in ["sentences", "dropped"] {
            for item in doc[list].as_array().unwrap() {
                let (start, end) = (
                    item["start"].as_u64().unwrap(),
                    item["end"].as_u64().unwrap(),
                );
                covered[start as usize..end as usize].fill(true);
            }
        }
        for (start, end, _) in runs(&html) {
            // What lies outside both may only be white space (`&nbsp;` included).
            let mut at = start;
            while at < end {
                if covered[at] {
                    at += 1;
                    continue;
                }
                let gap = (at..end).find(|&i| covered[i]).unwrap_or(end);
                let text = html[at..gap].replace("&nbsp;", " ");
                assert!(text.trim().is_empty(), "{path}: {text:?} at {at}");
                at = gap;
            }
        }
    }
}

#[test]
fn offsets_point_into_the_page_as_saved() {
    for (path, _) in PAGES {
        let html = page(path);
        let doc = inspect(path);
        let slice = |item: &Value| {
            &html[item["start"].as_u64().unwrap() as usize..item["end"].as_u64().unwrap() as usize]
        };
        for list in ["sentences", "quotes", "facts"] {
            for item in doc[list].as_array().unwrap() {
                let text = item["text"].as_str().unwrap();
                let source = slice(item);
                let first = text.chars().next().unwrap();
                let last = text.chars().last().unwrap();
                // Where the text opens or closes on an entity, the page has the entity.
                assert!(
                    source.starts_with(first) || source.starts_with('&'),
                    "{path} {list}: {source:?} for {text:?}"
                );
                assert!(
                    source.ends_with(last) || source.ends_with(';'),
                    "{path} {list}: {source:?} for {text:?}"
                );
                assert!(source.len() >= text.trim().len() / 2);
            }
        }
        for quote in doc["quotes"].as_array().unwrap() {
            if quote["speaker_mention"].is_object() {
                let mention = slice(&quote["speaker_mention"]);
                assert!(
                    mention.chars().next().unwrap().is_alphabetic() && !mention.contains('<'),
                    "{path}: mention {mention:?}"
                );
            }
        }
    }
}

#[test]
fn the_review_points_at_lines_of_the_page() {
    let out = factdiff()
        .args([PAGES[0].0, PAGES[1].0, "--format", "review"])
        .output()
        .unwrap();
    let review = stdout_of(&out);
    let html = page(PAGES[0].0);
    let lines: Vec<&str> = html.lines().collect();
    let marker = "lowmoor-standard.html:";
    let mut checked = 0;
    for at in review.match_indices(marker).map(|(i, _)| i + marker.len()) {
        let place: String = review[at..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ':')
            .collect();
        let mut parts = place.split(':').map(|p| p.parse::<usize>().unwrap());
        let (line, column) = (parts.next().unwrap(), parts.next().unwrap());
        let text: String = lines[line - 1].chars().skip(column - 1).collect();
        assert!(
            text.starts_with(|c: char| c.is_alphanumeric() || "“\"‘'&".contains(c)),
            "line {line} column {column}: {text:?}"
        );
        checked += 1;
    }
    assert!(checked > 10, "{checked} places");
}

#[test]
fn the_html_report_shows_the_clean_text() {
    let out = factdiff()
        .args([PAGES[0].0, PAGES[1].0, "--format", "html"])
        .output()
        .unwrap();
    let report = stdout_of(&out);
    // The reading text, escaped once: never the page's entities or tags.
    assert!(report.contains("Lowmoor &amp; Dale Fire and Rescue Service"));
    for markup in [
        "&amp;ldquo;",
        "&amp;rsquo;",
        "&amp;nbsp;",
        "&lt;p",
        "&lt;a href",
        "&lt;span",
    ] {
        assert!(!report.contains(markup), "{markup}");
    }
}

#[test]
fn the_cleaning_rules_still_work_on_a_page() {
    let html = "<!DOCTYPE html><html><body><article><h1>Dam breaks</h1>\
        <p>By Ann Lee, reporter</p><p>The dam broke on Monday, officials said.</p>\
        <p>Advertisement</p><p>Nine people were hurt, police said.</p>\
        <p>Read more: Storm warnings for the coast</p></article></body></html>";
    let out = factdiff()
        .args(["inspect", "-", "--format", "json"])
        .write_stdin(html)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc = &serde_json::from_str::<Value>(&stdout_of(&out)).unwrap()["document"];
    assert_eq!(doc["input"], "html");
    let reasons: Vec<(&str, &str)> = doc["dropped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["reason"].as_str().unwrap(), d["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        reasons,
        [
            ("byline", "By Ann Lee, reporter"),
            ("advertisement", "Advertisement"),
            ("read-more", "Read more: Storm warnings for the coast"),
        ]
    );
    assert_eq!(doc["sentences"].as_array().unwrap().len(), 3);
}

#[test]
fn bad_pages_get_one_line_and_status_two() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    };
    let no_article = write(
        "home.html",
        b"<!DOCTYPE html><html><head><title>Home</title><script>go()</script></head>\
          <body><nav><a href=/>Home</a> <a href=/news>News</a></nav><footer>(c) Gazette</footer></body></html>",
    );
    let binary = write("binary.html", b"<!DOCTYPE html>\n<html>\0\0\x01\x02");
    let archive = write(
        "saved.mhtml",
        b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/\r\n\
          MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\r\n",
    );
    // 16 MB of elements, each inside the one before, with nothing in them.
    let nested = write("nested.html", "<div>".repeat(3_200_000).as_bytes());
    for (path, message) in [
        (
            &no_article,
            "is a web page with no article text: nothing but scripts, menus and page furniture",
        ),
        (&binary, "looks like a binary file (NUL byte at offset 22)"),
        (
            &archive,
            "is a web archive (MHTML); save the page as \"Web page, HTML only\" and try again",
        ),
        (
            &nested,
            "is a web page with no article text: nothing but scripts, menus and page furniture",
        ),
    ] {
        let out = factdiff().args(["inspect", path]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{path}");
        assert_eq!(
            String::from_utf8(out.stderr).unwrap(),
            format!("factdiff: cannot read '{path}': {message}\n")
        );
    }
}

#[test]
fn broken_markup_is_read_as_browsers_read_it() {
    let html = "<html><body><div class=story><p>The ferry sank at <b>dawn<p>All forty \
        passengers &amp; crew were saved.</i></p></p><p>Divers reached it by noon<br>\
        on Tuesday</div><!-- unterminated comment <p>never";
    let out = factdiff()
        .args(["inspect", "-", "--format", "json"])
        .write_stdin(html)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc = &serde_json::from_str::<Value>(&stdout_of(&out)).unwrap()["document"];
    assert_eq!(
        texts(&doc["sentences"], &["text"]),
        [
            ["The ferry sank at dawn"],
            ["All forty passengers & crew were saved."],
            // As in a plain-text copy, a line break ends a line without a full stop.
            ["Divers reached it by noon"],
            ["on Tuesday"],
        ]
    );
}

#[test]
fn a_page_is_known_by_its_content_or_by_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let markup = "<font face=arial><b>Storm hits port</b><br><br>The storm hit the port on \
        Monday, officials said.</font>";
    let sentences = |name: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, markup).unwrap();
        let doc = inspect(path.to_str().unwrap());
        (
            doc["input"].clone(),
            doc["sentences"].as_array().unwrap().len(),
        )
    };
    // Named as a page and opening with a tag: a page, whatever the tag.
    assert_eq!(sentences("old.HTM"), (Value::from("html"), 2));
    // Named as text, and not opening as a page does: text, tags and all.
    assert_eq!(sentences("old.txt"), (Value::from("text"), 1));
    // Opening as a page does: a page whatever its name.
    let path = dir.path().join("saved");
    std::fs::write(&path, format!("<!DOCTYPE html>{markup}")).unwrap();
    assert_eq!(inspect(path.to_str().unwrap())["input"], "html");
}

#[test]
fn a_page_in_a_single_byte_character_set_is_read_and_points_at_its_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin.html");
    let page: &[u8] = b"<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" \
        content=\"text/html; charset=iso-8859-1\"><title>Quay</title></head><body><article>\
        <h1>Caf\xe9 reopens on the quay</h1><p>The caf\xe9 reopened on Monday after a \xa35,000 \
        refit, its owner, Ren\xe9e Marchal, said.</p><p>\x93We are glad to be back,\x94 she said.</p>\
        </article></body></html>";
    std::fs::write(&path, page).unwrap();
    let out = factdiff()
        .args(["inspect", path.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stderr.clone()).unwrap(),
        format!(
            "factdiff: '{}': read as windows-1252, the character set the page declares; \
             positions count its bytes\n",
            path.display()
        )
    );
    let doc = &serde_json::from_str::<Value>(&stdout_of(&out)).unwrap()["document"];
    let sentences = doc["sentences"].as_array().unwrap();
    assert_eq!(sentences[0]["text"], "Café reopens on the quay");
    assert_eq!(sentences[2]["text"], "“We are glad to be back,” she said.");
    for item in sentences.iter().chain(doc["quotes"].as_array().unwrap()) {
        let (start, end) = (
            item["start"].as_u64().unwrap(),
            item["end"].as_u64().unwrap(),
        );
        let bytes = &page[start as usize..end as usize];
        let (read, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
        assert_eq!(read, item["text"].as_str().unwrap());
    }
    // A set of several bytes a character is named, and refused.
    let path = dir.path().join("sjis.html");
    std::fs::write(
        &path,
        b"<!DOCTYPE html><meta charset=\"shift_jis\"><p>\x82\xa0</p>",
    )
    .unwrap();
    let out = factdiff()
        .args(["inspect", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .ends_with("is a web page in shift_jis, which factdiff does not read (convert it: iconv -f shift_jis -t UTF-8; --lossy replaces bad bytes)\n")
    );
}
