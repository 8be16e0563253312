//! The HTML report in a real browser: headless Chromium, driven over the DevTools
//! protocol. Each test writes a report with the real binary, opens it from disk and uses it
//! as a reviewer would: filters, reading order, review boxes and notes, a reload.
//!
//! Chromium is found as `$FACTDIFF_CHROMIUM`, or as `chromium`, `chromium-browser`,
//! `google-chrome` on the `PATH`. Without one, each of these tests says so and passes, and
//! `chromium_is_found_unless_the_browser_tests_are_skipped_on_purpose` fails, so that a run
//! without a browser never passes unnoticed; `FACTDIFF_BROWSER=skip` skips them all on
//! purpose, and `FACTDIFF_BROWSER=require` (as `.ci/run` sets, after installing Debian's
//! `chromium`) fails each of them when the browser is missing. Screenshots are saved under
//! `target/tmp/browser/` for a person to look at.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::{Emulation, Log, Page, Runtime};
use headless_chrome::{Browser, LaunchOptions, Tab};
use serde_json::Value;

use crate::util::{factdiff, footbridge};

/// A browser on one report, with every console error and uncaught exception collected.
struct Session {
    // Dropped in this order: the tab, then the browser, then its profile directory.
    tab: Arc<Tab>,
    _browser: Browser,
    errors: Arc<Mutex<Vec<String>>>,
    _profile: tempfile::TempDir,
}

fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("FACTDIFF_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
    .find(|candidate| candidate.is_file())
}

/// Whether the browser tests were asked to be skipped (`FACTDIFF_BROWSER=skip`).
fn skipped_on_purpose() -> bool {
    std::env::var("FACTDIFF_BROWSER").as_deref() == Ok("skip")
}

/// Without Chromium every browser test passes without running: this one fails instead,
/// unless the skip was asked for.
#[test]
fn chromium_is_found_unless_the_browser_tests_are_skipped_on_purpose() {
    if skipped_on_purpose() {
        eprintln!("the browser tests of the HTML report are skipped: FACTDIFF_BROWSER=skip");
        return;
    }
    assert!(
        chromium().is_some(),
        "no Chromium found, so the browser tests of the HTML report cannot run: install it \
         (apt-get install chromium), or set FACTDIFF_CHROMIUM to its path, or set \
         FACTDIFF_BROWSER=skip to skip them on purpose"
    );
}

/// Starts the browser, or explains why this test cannot run here.
fn start(test: &str) -> Option<Session> {
    if skipped_on_purpose() {
        eprintln!("{test}: skipped, FACTDIFF_BROWSER=skip");
        return None;
    }
    let Some(path) = chromium() else {
        assert!(
            std::env::var("FACTDIFF_BROWSER").as_deref() != Ok("require"),
            "{test}: FACTDIFF_BROWSER=require, but no Chromium was found (set FACTDIFF_CHROMIUM)"
        );
        eprintln!("{test}: skipped, no Chromium found (set FACTDIFF_CHROMIUM to run it)");
        return None;
    };
    let profile = tempfile::tempdir().expect("temporary profile");
    let args: Vec<&OsStr> = [
        "--disable-gpu",
        "--disable-quic",
        "--disable-component-update",
        "--no-default-browser-check",
        "--hide-scrollbars",
    ]
    .iter()
    .map(OsStr::new)
    .collect();
    let options = LaunchOptions::default_builder()
        .path(Some(path))
        .headless(true)
        // The sandbox needs user namespaces, which containers (and root) often lack.
        .sandbox(false)
        .window_size(Some((1280, 1000)))
        .user_data_dir(Some(profile.path().to_path_buf()))
        .args(args)
        .idle_browser_timeout(Duration::from_secs(120))
        .build()
        .expect("launch options");
    let browser = Browser::new(options).expect("Chromium starts");
    let tab = browser.new_tab().expect("a tab");
    tab.set_default_timeout(Duration::from_secs(30));
    tab.enable_log().expect("log domain");
    tab.enable_runtime().expect("runtime domain");
    let errors = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&errors);
    tab.add_event_listener(Arc::new(move |event: &Event| {
        let message = match event {
            Event::LogEntryAdded(e) if e.params.entry.level == Log::LogEntryLevel::Error => {
                Some(format!("log: {}", e.params.entry.text))
            }
            Event::RuntimeExceptionThrown(e) => {
                Some(format!("exception: {}", e.params.exception_details.text))
            }
            Event::RuntimeConsoleAPICalled(e)
                if e.params.Type == Runtime::ConsoleAPICalledEventTypeOption::Error =>
            {
                Some(format!("console.error: {:?}", e.params.args))
            }
            _ => None,
        };
        if let Some(message) = message {
            sink.lock().expect("error list").push(message);
        }
    }))
    .expect("event listener");
    Some(Session {
        tab,
        _browser: browser,
        errors,
        _profile: profile,
    })
}

impl Session {
    fn open(&self, page: &Path) {
        let url = format!("file://{}", page.display());
        self.tab
            .navigate_to(&url)
            .and_then(|t| t.wait_until_navigated())
            .expect("the report loads");
    }

    /// Evaluates an expression in the page and returns its value as JSON. An exception in
    /// the page fails the test with its message.
    fn eval(&self, expression: &str) -> Value {
        let wrapped = format!(
            "(() => {{ try {{ return JSON.stringify({{ ok: (() => {{ return {expression}; }})() }}); }} \
             catch (e) {{ return JSON.stringify({{ error: String(e) }}); }} }})()"
        );
        let result = self
            .tab
            .evaluate(&wrapped, false)
            .unwrap_or_else(|e| panic!("{expression}: {e}"));
        let text = result
            .value
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_else(|| panic!("{expression}: no value ({:?})", result.description));
        let mut answer: Value = serde_json::from_str(&text).expect("JSON from the page");
        if let Some(error) = answer.get("error") {
            panic!("{expression}: {error}");
        }
        answer.get_mut("ok").map(Value::take).unwrap_or(Value::Null)
    }

    /// Reloads the page and waits until its script has run.
    fn reload(&self) {
        // A mark on the old page tells it from the new one.
        self.eval("window.oldPage = true");
        self.tab.reload(false, None).expect("reload");
        self.wait_until(
            "window.oldPage === undefined && document.readyState === 'complete' \
             && !document.documentElement.classList.contains('nojs')",
        );
    }

    /// Waits until an expression is true in the page: what a click sets off may take a
    /// moment (a hash change, a scroll).
    fn wait_until(&self, expression: &str) {
        let guarded = format!(
            "(() => {{ try {{ return Boolean({expression}); }} catch (e) {{ return false; }} }})()"
        );
        for _ in 0..100 {
            if self.eval(&guarded) == Value::Bool(true) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("still not true after 5 s: {expression}");
    }

    fn click(&self, selector: &str) {
        self.tab
            .wait_for_element(selector)
            .and_then(|e| e.click().map(|_| ()))
            .unwrap_or_else(|e| panic!("click {selector}: {e}"));
    }

    fn errors(&self) -> Vec<String> {
        self.errors.lock().expect("error list").clone()
    }

    /// Emulates a medium (`print`) or, with `None`, the screen again.
    fn media(&self, media: Option<&str>) {
        self.tab
            .call_method(Emulation::SetEmulatedMedia {
                media: Some(media.unwrap_or("").to_string()),
                features: None,
            })
            .expect("emulated media");
    }

    /// Saves a screenshot of the whole page for a person to look at.
    fn screenshot(&self, name: &str) -> PathBuf {
        self.screenshot_at(name, 1280)
    }

    /// Sets the size of the window, in CSS pixels.
    fn window(&self, width: u32, height: u32) {
        self.tab
            .call_method(Emulation::SetDeviceMetricsOverride {
                width,
                height,
                device_scale_factor: 1.0,
                mobile: false,
                scale: None,
                screen_width: None,
                screen_height: None,
                position_x: None,
                position_y: None,
                dont_set_visible_size: None,
                screen_orientation: None,
                viewport: None,
                display_feature: None,
                device_posture: None,
            })
            .expect("window size");
    }

    /// Saves a screenshot of the whole page, `width` pixels wide.
    fn screenshot_at(&self, name: &str, width: u32) -> PathBuf {
        self.window(width, 1000);
        let height = self
            .eval("Math.ceil(document.documentElement.scrollHeight)")
            .as_u64()
            .unwrap_or(1000)
            .clamp(600, 12_000);
        self.tab
            .call_method(Emulation::SetDeviceMetricsOverride {
                width,
                height: height as u32,
                device_scale_factor: 1.0,
                mobile: false,
                scale: None,
                screen_width: None,
                screen_height: None,
                position_x: None,
                position_y: None,
                dont_set_visible_size: None,
                screen_orientation: None,
                viewport: None,
                display_feature: None,
                device_posture: None,
            })
            .expect("page size");
        let png = self
            .tab
            .capture_screenshot(Page::CaptureScreenshotFormatOption::Png, None, None, true)
            .expect("screenshot");
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
        std::fs::create_dir_all(&dir).expect("artifact folder");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("screenshot written");
        eprintln!("screenshot: {}", path.display());
        path
    }
}

/// Writes the HTML report of two files with the real binary; returns its path.
fn write_report(dir: &Path, left: &str, right: &str, extra: &[&str]) -> PathBuf {
    let page = dir.join("report.html");
    let out = factdiff()
        .args([left, right, "--format", "html", "-o"])
        .arg(&page)
        .args(extra)
        .output()
        .expect("factdiff runs");
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    page
}

/// The ids of the comparison's rows a reader can see, in the order shown.
const VISIBLE_ROWS: &str = "Array.from(document.querySelectorAll('#comparison tbody.item')).filter(r => r.checkVisibility()).map(r => r.id)";

#[test]
fn a_reviewer_filters_reorders_and_keeps_the_review_across_a_reload() {
    let Some(session) = start("browser review") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temporary folder");
    let (left, right) = footbridge();
    let page = write_report(dir.path(), &left, &right, &[]);
    session.open(&page);
    assert_eq!(session.eval("document.documentElement.className"), "");

    // Filters: the diverging rows only, then everything again.
    let all = session.eval(VISIBLE_ROWS);
    let all = all.as_array().expect("row ids");
    let diverging = session.eval("document.querySelectorAll('#comparison tbody.diverge').length");
    assert!(diverging.as_u64().unwrap() > 0, "the fixture diverges");
    session.click("#filter-diverge");
    let shown = session.eval(VISIBLE_ROWS);
    let shown = shown.as_array().expect("row ids");
    assert_eq!(shown.len() as u64, diverging.as_u64().unwrap());
    assert!(shown.len() < all.len());
    for id in shown {
        let class = session.eval(&format!("document.getElementById({id}).className"));
        assert!(class.as_str().unwrap().contains("diverge"), "{id}: {class}");
    }
    assert!(
        session
            .eval("document.getElementById('filter-status').textContent")
            .as_str()
            .unwrap()
            .starts_with("Showing"),
    );
    session.click("#filter-only-left");
    let only_left = session.eval(VISIBLE_ROWS);
    for id in only_left.as_array().unwrap() {
        assert!(id.as_str().unwrap().starts_with('l'), "{id}");
    }
    session.click("#filter-all");
    assert_eq!(
        session.eval(VISIBLE_ROWS).as_array().unwrap().len(),
        all.len()
    );

    // Reading order: the right outlet's order puts its sentences in ascending order, and
    // the related sentences folded under a row stay right under it.
    session.click("#order-right");
    let ranks = session.eval(
        "Array.from(document.querySelectorAll('#comparison tbody.item:not(.related)')).map(r => Number(r.dataset.right))",
    );
    let ranks: Vec<u64> = ranks
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_u64().unwrap())
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
    let folds = session.eval(
        "Array.from(document.querySelectorAll('#comparison tbody.fold')).map(f => [f.id, f.previousElementSibling.id])",
    );
    assert!(
        !folds.as_array().unwrap().is_empty(),
        "the fixture has related rows"
    );
    for pair in folds.as_array().unwrap() {
        assert_eq!(
            pair[0],
            format!("{}-related", pair[1].as_str().unwrap()),
            "{folds}"
        );
    }
    assert_ne!(session.eval(VISIBLE_ROWS).as_array().unwrap(), all);
    session.click("#order-left");
    assert_eq!(session.eval(VISIBLE_ROWS).as_array().unwrap(), all);

    // Review: tick the first divergence, write a note, reload, find both kept.
    let item = session.eval("document.querySelector('#comparison .review').dataset.item");
    let item = item.as_str().expect("a review item").to_string();
    session.click(&format!("input[data-review=\"{item}\"]"));
    session.click(&format!("textarea[data-note=\"{item}\"]"));
    session
        .tab
        .type_str("Call the harbour police")
        .expect("typing");
    let progress = session.eval("document.getElementById('review-progress').textContent");
    assert!(
        progress.as_str().unwrap().starts_with("1 of "),
        "{progress}"
    );
    session.reload();
    assert_eq!(
        session.eval(&format!(
            "document.querySelector('input[data-review=\"{item}\"]').checked"
        )),
        true
    );
    assert_eq!(
        session.eval(&format!(
            "document.querySelector('textarea[data-note=\"{item}\"]').value"
        )),
        "Call the harbour police"
    );

    // Export: a Markdown checklist and JSON with the tick and the note.
    let markdown = session.eval("window.factdiffReview.export('markdown')");
    let markdown = markdown.as_str().unwrap();
    assert!(markdown.starts_with("# Review: factdiff: harbour-gazette vs coastal-wire\n"));
    assert!(markdown.contains("- [x] "), "{markdown}");
    assert!(
        markdown.contains("  > Call the harbour police"),
        "{markdown}"
    );
    let exported = session.eval("JSON.parse(window.factdiffReview.export('json'))");
    let ticked: Vec<&Value> = exported["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["checked"] == true)
        .collect();
    assert_eq!(ticked.len(), 1);
    assert_eq!(ticked[0]["id"], item.as_str());
    assert_eq!(ticked[0]["note"], "Call the harbour police");

    // The export buttons save files (the page's policy lets a download through).
    let downloads = tempfile::tempdir().expect("download folder");
    session
        .tab
        .call_method(headless_chrome::protocol::cdp::Browser::SetDownloadBehavior {
            behavior: headless_chrome::protocol::cdp::Browser::SetDownloadBehaviorBehaviorOption::Allow,
            browser_context_id: None,
            download_path: Some(downloads.path().display().to_string()),
            events_enabled: None,
        })
        .expect("downloads allowed");
    session.click("#export-markdown");
    let key = session.eval("document.body.dataset.report");
    let saved = downloads
        .path()
        .join(format!("factdiff-review-{}.md", key.as_str().unwrap()));
    for _ in 0..100 {
        if saved.is_file() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let file = std::fs::read_to_string(&saved).expect("the Markdown export is saved");
    assert_eq!(file, markdown);

    // A link from a row opens the full text at its sentence.
    session.click("#comparison a.loc");
    session.wait_until("document.getElementById('source-left').open");
    session.wait_until("location.hash.startsWith('#left-s')");

    // Printing shows everything: rows a filter hides, the collapsed full texts.
    session.click("#filter-diverge");
    session.media(Some("print"));
    assert_eq!(session.eval(VISIBLE_ROWS).as_array().unwrap(), all);
    assert_eq!(
        session.eval("document.getElementById('right-s1').checkVisibility()"),
        true,
        "the right report's full text, never opened, prints"
    );
    assert_eq!(
        session.eval("getComputedStyle(document.getElementById('controls')).display"),
        "none"
    );
    session.media(None);
    session.click("#filter-all");

    let errors = session.errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
    session.eval("window.scrollTo(0, 0)");
    let shot = session.screenshot("footbridge");
    assert!(std::fs::metadata(shot).unwrap().len() > 10_000);
}

#[test]
fn the_dark_scheme_and_a_page_without_script_still_read() {
    let Some(session) = start("browser dark and no script") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temporary folder");
    let (left, right) = footbridge();
    let page = write_report(dir.path(), &left, &right, &[]);
    session
        .tab
        .call_method(Emulation::SetEmulatedMedia {
            media: None,
            features: Some(vec![Emulation::MediaFeature {
                name: "prefers-color-scheme".to_string(),
                value: "dark".to_string(),
            }]),
        })
        .expect("dark scheme");
    session.open(&page);
    let background = session.eval("getComputedStyle(document.documentElement).backgroundColor");
    assert_eq!(background, "rgb(22, 22, 23)");
    session.screenshot("footbridge-dark");

    session
        .tab
        .call_method(Emulation::SetScriptExecutionDisabled { value: true })
        .expect("scripts off");
    session.open(&page);
    assert_eq!(session.eval("document.documentElement.className"), "nojs");
    assert_eq!(
        session.eval("getComputedStyle(document.getElementById('controls')).display"),
        "none"
    );
    let reviews = session.eval(
        "Array.from(document.querySelectorAll('.review')).filter(r => r.checkVisibility()).length",
    );
    assert_eq!(reviews, 0);
    let rows = session.eval(VISIBLE_ROWS);
    let total = session.eval("document.querySelectorAll('#comparison tbody.item').length");
    assert_eq!(
        rows.as_array().unwrap().len() as u64,
        total.as_u64().unwrap()
    );
    let errors = session.errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

#[test]
fn markup_in_article_text_is_shown_and_never_run() {
    let Some(session) = start("browser hostile text") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temporary folder");
    let hostile = "The council said the bridge would reopen on Monday. \
        <script>window.pwned = 'script';</script> \
        A spokesman said <img src=x onerror=\"window.pwned = 'img'\"> it was safe. \
        </style><style>body { display: none }</style> \
        Read the <a href=\"javascript:window.pwned = 'link'\">full statement</a> online. \
        \"><svg onload=\"window.pwned = 'svg'\"> The mayor said 12 people were hurt.\n";
    let calm = "The bridge will reopen on Monday, the council said. \
        The mayor said 14 people were hurt.\n";
    let left = dir.path().join("left.txt");
    let right = dir.path().join("right.txt");
    std::fs::write(&left, hostile).unwrap();
    std::fs::write(&right, calm).unwrap();
    let page = write_report(
        dir.path(),
        left.to_str().unwrap(),
        right.to_str().unwrap(),
        &["--left-label", "<script>window.pwned='label'</script>"],
    );
    session.open(&page);
    session.click("#source-left > summary");
    assert_eq!(session.eval("typeof window.pwned"), "undefined");
    assert_eq!(
        session.eval("document.querySelectorAll('img, svg, iframe, a[href^=\"javascript\"], main script, main style').length"),
        0
    );
    let shown = session.eval("document.body.innerText");
    let shown = shown.as_str().unwrap();
    for visible in [
        "<script>window.pwned = 'script';</script>",
        "<img src=x onerror=\"window.pwned = 'img'\">",
        "</style><style>body { display: none }</style>",
        "javascript:window.pwned = 'link'",
        "<script>window.pwned='label'</script>",
    ] {
        assert!(shown.contains(visible), "{visible} should show as text");
    }
    assert_eq!(
        session.eval("getComputedStyle(document.body).display"),
        "block"
    );
    // A blocked inline script would leave a policy violation here.
    let errors = session.errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

/// The report is one file: nothing it loads lives anywhere else.
#[test]
fn the_page_asks_for_nothing_from_the_network() {
    let (left, right) = footbridge();
    let dir = tempfile::tempdir().expect("temporary folder");
    let page = write_report(dir.path(), &left, &right, &[]);
    let html = std::fs::read_to_string(page).unwrap();
    for needle in ["http://", "https://", "src=", "<link", "@import", "url("] {
        assert!(!html.contains(needle), "the report refers to {needle}");
    }
}

/// Every piece of the comparison and quote tables wider than its cell, and the page wider
/// than the window: "what (its width > the room it has)", empty when all fits.
const OVERFLOWS: &str = r#"(() => {
  const found = [];
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth + 1) {
    const wide = Array.from(document.body.querySelectorAll("*"))
      .filter((e) => e.getBoundingClientRect().right > page.clientWidth + 1)
      .slice(0, 5)
      .map((e) => e.tagName.toLowerCase() + "." + e.className);
    found.push(`page (${page.scrollWidth} > ${page.clientWidth}: ${wide.join(", ")})`);
  }
  for (const cell of document.querySelectorAll("table.rows td, table.rows th")) {
    if (cell.getClientRects().length === 0) continue;
    const box = cell.getBoundingClientRect();
    const name = (cell.closest("tbody, thead").id || "head") + " " + cell.className;
    if (cell.scrollWidth > cell.clientWidth + 1) {
      found.push(`${name} (${cell.scrollWidth} > ${cell.clientWidth})`);
    }
    for (const inner of cell.querySelectorAll("*")) {
      for (const r of inner.getClientRects()) {
        if (r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1)) {
          found.push(`${name} ${inner.tagName.toLowerCase()}.${inner.className} (${Math.round(r.left)}..${Math.round(r.right)} outside ${Math.round(box.left)}..${Math.round(box.right)})`);
        }
      }
    }
  }
  return found;
})()"#;

/// A row's text stays inside its column at a narrow and a wide window, long unbroken
/// words and web addresses included, with every folded group open.
#[test]
fn the_text_of_a_row_stays_inside_its_column_at_800_and_1400_pixels() {
    let Some(session) = start("browser layout") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temporary folder");
    let token =
        "https://example.invalid/harbour/".to_string() + &"reopening-of-the-footbridge-".repeat(8);
    let left_text = format!(
        "The Kelvin footbridge reopened on Monday after repairs costing 40,000 pounds. \
         The council published its inspection at {token} for anyone to read. \
         Engineers replaced twelve cables over six weeks. \
         The harbour master said boats could pass under it again. \
         Local traders said the closure had cost them customers.\n"
    );
    let right_text = format!(
        "Repairs to the Kelvin footbridge cost 45,000 pounds, and it reopened on Monday. \
         Engineers replaced twelve cables over six weeks, working at night. \
         The inspection is online at {token} and runs to forty pages. \
         Traders near the harbour welcomed the news. \
         Supercalifragilisticexpialidociouslylongunbrokenwordthatnobodywouldeverwriteinnewscopy{}.\n",
        "x".repeat(120)
    );
    let left = dir.path().join("left.txt");
    let right = dir.path().join("right.txt");
    std::fs::write(&left, left_text).unwrap();
    std::fs::write(&right, right_text).unwrap();
    let long_label = "the-harbour-gazette-weekend-edition-online-".repeat(3);
    let page = write_report(
        dir.path(),
        left.to_str().unwrap(),
        right.to_str().unwrap(),
        &["--left-label", &long_label, "--right-label", "coastal-wire"],
    );
    // The fixture's related sentences, folded under their rows and at the end, measured open.
    let folds = dir.path().join("folds");
    std::fs::create_dir(&folds).unwrap();
    let (fixture_left, fixture_right) = footbridge();
    let related = write_report(&folds, &fixture_left, &fixture_right, &[]);
    for width in [800, 1400] {
        for (name, page) in [("layout", &page), ("layout-related", &related)] {
            session.window(width, 1000);
            session.open(page);
            session.eval("document.querySelectorAll('details').forEach(d => d.open = true)");
            let overflows = session.eval(OVERFLOWS);
            assert_eq!(
                overflows.as_array().expect("a list").len(),
                0,
                "{name} at {width} px, text overflows its column: {overflows:#}"
            );
            session.eval("window.scrollTo(0, 0)");
            session.screenshot_at(&format!("{name}-{width}"), width);
        }
    }
    let errors = session.errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

/// Related sentences wait folded under their sentence, with or without the script; a
/// reader opens a fold from the keyboard.
#[test]
fn related_sentences_are_folded_until_a_reader_opens_them() {
    let Some(session) = start("browser related folds") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temporary folder");
    let (left, right) = footbridge();
    let page = write_report(dir.path(), &left, &right, &[]);
    const SHOWN: &str = "Array.from(document.querySelectorAll('ul.related li, div.pairs > div.left')).filter(e => e.checkVisibility()).length";
    for script in [true, false] {
        session
            .tab
            .call_method(Emulation::SetScriptExecutionDisabled { value: !script })
            .expect("scripts on or off");
        session.open(&page);
        let folds = session.eval("document.querySelectorAll('details.related').length");
        assert!(folds.as_u64().unwrap() > 0, "the fixture has related rows");
        assert_eq!(
            session.eval(SHOWN),
            0,
            "script {script}: nothing related shows"
        );
        assert_eq!(
            session.eval("document.querySelectorAll('details.related[open]').length"),
            0
        );
    }
    session
        .tab
        .call_method(Emulation::SetScriptExecutionDisabled { value: false })
        .expect("scripts on");
    session.open(&page);
    session.eval("document.querySelector('details.related > summary').focus()");
    session.tab.press_key("Enter").expect("Enter");
    session.wait_until("document.querySelector('details.related').open");
    assert!(session.eval(SHOWN).as_u64().unwrap() > 0);
    let errors = session.errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}
