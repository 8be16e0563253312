//! One benchmark per stage of the pipeline on each fixture pair, and the whole pipeline.
//!
//! `cargo bench --bench stages` (add `-- align` to run the benchmarks whose name holds
//! "align"). Times are per fixture pair, or per report for the stages that read one.

use std::path::Path;
use std::sync::LazyLock;

use divan::{Bencher, black_box};
use factdiff::model::{Document, Pair, Report, Source};
use factdiff::render::{self, Format, Layout};

fn main() {
    divan::main();
}

/// The fixture pairs, by event name.
const EVENTS: &[&str] = &["ferry", "footbridge", "rover"];

/// The two reports of an event, as read.
fn sources(event: &str) -> Pair<Source> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(event);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures are readable")
        .map(|e| e.expect("fixture entry").path())
        .collect();
    files.sort();
    let read = |path: &Path| {
        let text = std::fs::read_to_string(path).expect("fixtures are UTF-8");
        Source::new(path.file_stem().unwrap().to_string_lossy(), text)
    };
    Pair::new(read(&files[0]), read(&files[1]))
}

/// Each event's reports, read once, and what the stages before the one measured give.
struct Fixture {
    sources: Pair<Source>,
    documents: Pair<Document>,
    report: Report,
}

static FIXTURES: LazyLock<Vec<(&str, Fixture)>> = LazyLock::new(|| {
    EVENTS
        .iter()
        .map(|&event| {
            let sources = sources(event);
            let documents = sources.clone().map(factdiff::inspect);
            let report = factdiff::compare(sources.left.clone(), sources.right.clone());
            let fixture = Fixture {
                sources,
                documents,
                report,
            };
            (event, fixture)
        })
        .collect()
});

fn fixture(event: &str) -> &'static Fixture {
    &FIXTURES
        .iter()
        .find(|(e, _)| *e == event)
        .expect("a fixture")
        .1
}

/// Both reports' texts.
fn texts(event: &str) -> Pair<&'static str> {
    fixture(event).sources.as_ref().map(|s| s.text.as_str())
}

#[divan::bench(args = EVENTS)]
fn clean(bencher: Bencher, event: &str) {
    let texts = texts(event);
    bencher.bench(|| texts.map(|t| factdiff::clean::clean(black_box(t))));
}

#[divan::bench(args = EVENTS)]
fn segment(bencher: Bencher, event: &str) {
    let texts = texts(event);
    let kept = texts.map(|t| factdiff::clean::clean(t).kept);
    bencher.bench(|| {
        Pair::new(
            factdiff::segment::segment(texts.left, black_box(&kept.left)),
            factdiff::segment::segment(texts.right, black_box(&kept.right)),
        )
    });
}

/// The sentence spans of both reports.
fn spans(event: &str) -> Pair<Vec<factdiff::model::Span>> {
    fixture(event)
        .documents
        .as_ref()
        .map(|d| d.sentences.iter().map(|s| s.span).collect())
}

#[divan::bench(args = EVENTS)]
fn quotes(bencher: Bencher, event: &str) {
    let (texts, spans) = (texts(event), spans(event));
    bencher.bench(|| {
        Pair::new(
            factdiff::extract::quotes::quotes(texts.left, black_box(&spans.left)),
            factdiff::extract::quotes::quotes(texts.right, black_box(&spans.right)),
        )
    });
}

#[divan::bench(args = EVENTS)]
fn facts(bencher: Bencher, event: &str) {
    let (texts, spans) = (texts(event), spans(event));
    let dropped = fixture(event).documents.as_ref().map(|d| &d.dropped);
    bencher.bench(|| {
        Pair::new(
            factdiff::extract::facts::facts(texts.left, black_box(&spans.left), dropped.left),
            factdiff::extract::facts::facts(texts.right, black_box(&spans.right), dropped.right),
        )
    });
}

#[divan::bench(args = EVENTS)]
fn tokens(bencher: Bencher, event: &str) {
    let (texts, spans) = (texts(event), spans(event));
    bencher.bench(|| {
        for (text, spans) in [(texts.left, &spans.left), (texts.right, &spans.right)] {
            let mut tokenizer = factdiff::text::tokens::Tokenizer::default();
            for &span in spans {
                black_box(tokenizer.tokenize(text, span));
            }
        }
    });
}

/// Reading a report whole: cleaning, sentences, quotations, facts and words.
#[divan::bench(args = EVENTS)]
fn inspect(bencher: Bencher, event: &str) {
    let sources = &fixture(event).sources;
    bencher
        .with_inputs(|| sources.clone())
        .bench_values(|s| s.map(factdiff::inspect));
}

#[divan::bench(args = EVENTS)]
fn align(bencher: Bencher, event: &str) {
    let docs = fixture(event).documents.as_ref();
    bencher.bench(|| {
        let idf = factdiff::align::Idf::new(docs);
        factdiff::align::align(black_box(docs), &idf)
    });
}

/// Comparing the aligned sentences and pairing the quotations.
#[divan::bench(args = EVENTS)]
fn compare(bencher: Bencher, event: &str) {
    let docs = fixture(event).documents.as_ref();
    let idf = factdiff::align::Idf::new(docs);
    let links = factdiff::align::align(docs, &idf);
    bencher.with_inputs(|| links.clone()).bench_values(|links| {
        let alignments = factdiff::compare::compare(black_box(docs), &idf, links);
        (alignments, factdiff::compare::quotes::match_quotes(docs))
    });
}

const LAYOUT: Layout = Layout {
    width: 100,
    color: false,
    date: None,
    explain: false,
    command: &[],
    related: false,
    only: &[],
};

/// Prints an event's report in `format`.
fn render(bencher: Bencher, event: &str, format: Format) {
    let report = &fixture(event).report;
    let mut out = Vec::new();
    bencher.bench_local(|| {
        out.clear();
        render::report(black_box(report), format, LAYOUT, &mut out).expect("a Vec never fails");
    });
}

#[divan::bench(args = EVENTS)]
fn render_text(bencher: Bencher, event: &str) {
    render(bencher, event, Format::Text);
}

#[divan::bench(args = EVENTS)]
fn render_json(bencher: Bencher, event: &str) {
    render(bencher, event, Format::Json);
}

#[divan::bench(args = EVENTS)]
fn render_review(bencher: Bencher, event: &str) {
    render(bencher, event, Format::Review);
}

#[divan::bench(args = EVENTS)]
fn render_html(bencher: Bencher, event: &str) {
    render(bencher, event, Format::Html);
}

/// The whole comparison, reports in and JSON out, as the command runs it.
#[divan::bench(args = EVENTS)]
fn pipeline(bencher: Bencher, event: &str) {
    let sources = &fixture(event).sources;
    let mut out = Vec::new();
    bencher
        .with_inputs(|| sources.clone())
        .bench_local_values(|s| {
            out.clear();
            let report = factdiff::compare(s.left, s.right);
            render::report(&report, Format::Json, LAYOUT, &mut out).expect("a Vec never fails");
        });
}

/// How a 2 MB saved page is built from the Lowmoor Standard fixture page.
const PAGES: &[&str] = &["furniture", "paragraphs"];

/// The bytes a benchmark page grows to.
const PAGE_BYTES: usize = 2 * 1024 * 1024;

/// A 2 MB page: the fixture's article inside 2 MB of what modern pages are made of
/// (`furniture`: inline state scripts, icon graphics, menus and teaser lists), or the
/// fixture page with its article's own paragraphs repeated inside the article to 2 MB
/// (`paragraphs`).
fn big_page(kind: &str) -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/tram-depot/lowmoor-standard.html");
    let page = std::fs::read_to_string(path).expect("the fixture page is readable");
    let body = page.find("<body").expect("the page has a body");
    let (head, rest) = page.split_at(body);
    let mut out = String::with_capacity(PAGE_BYTES + page.len());
    match kind {
        "furniture" => {
            out.push_str(head);
            let state = r#"{"id":4471,"kind":"teaser","title":"Council to vote on harbour plan","url":"/news/4471","tags":["news","harbour"],"html":"<p>teaser</p>"},"#;
            out.push_str("<script>window.__STATE__=[");
            while out.len() < PAGE_BYTES / 2 {
                out.push_str(state);
            }
            out.push_str("{}];</script>\n");
            out.push_str(rest.split_once("</body>").expect("the body ends").0);
            let teaser = "<li class=\"teaser\"><a href=\"/news/4471\"><svg viewBox=\"0 0 24 24\"><path d=\"M12 2L2 7l10 5 10-5-10-5z\"/></svg><span>Council to vote on harbour plan</span></a></li>\n";
            out.push_str("<aside class=\"most-read\"><ul>");
            while out.len() < PAGE_BYTES {
                out.push_str(teaser);
            }
            out.push_str("</ul></aside></body></html>\n");
        }
        _ => {
            let block = article_paragraphs(rest);
            let end = rest.find("</article>").expect("the page has an article");
            out.push_str(head);
            out.push_str(&rest[..end]);
            while out.len() < PAGE_BYTES {
                out.push_str(&block);
            }
            out.push_str(&rest[end..]);
        }
    }
    out
}

/// The article's own paragraphs, each `<p ...>` to its `</p>`, joined: those inside a box
/// of the article (a newsletter form, an ad slot) are left out.
fn article_paragraphs(page: &str) -> String {
    let from = page.find("<article").expect("the page has an article");
    let region = &page[from..page.find("</article>").expect("the article ends")];
    let mut out = String::new();
    let mut at = 0;
    loop {
        let starts = [region[at..].find("<p>"), region[at..].find("<p ")];
        let Some(start) = starts.into_iter().flatten().min().map(|s| at + s) else {
            break;
        };
        let Some(end) = region[start..].find("</p>").map(|e| start + e + 4) else {
            break;
        };
        let chunk = &region[start..end];
        if !["<div", "<aside", "<form", "<figure"]
            .iter()
            .any(|tag| chunk.contains(tag))
        {
            out.push_str(chunk);
            out.push('\n');
        }
        at = end;
    }
    out
}

/// Reading the article out of a 2 MB saved page (the issue's target: under 50 ms).
#[divan::bench(args = PAGES)]
fn read_page(bencher: Bencher, kind: &str) {
    let page = big_page(kind);
    bencher
        .with_inputs(|| page.clone())
        .bench_values(|html| factdiff::read::page::read(black_box(html)));
}
