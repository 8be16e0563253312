//! The HTML report: one self-contained page an editor can read, filter and review in,
//! offline, in any modern browser.
//!
//! The markup is written with [`maud`]: templates are Rust, checked when the crate
//! compiles, and every interpolated string is escaped unless wrapped in `PreEscaped`,
//! which this module uses only for its own style sheet and script. Article text is also
//! made visible before escaping ([`visible`]): control characters and bidirectional
//! overrides are shown as codes, as in the terminal.
//!
//! The page works without its script: filters, reading order and review fields are then
//! absent (`.js-only`), everything else reads as a document. A Content-Security-Policy
//! allows exactly the inline style sheet and script (by their SHA-256 hashes) and nothing
//! else: no network, no other script, no forms.

mod notes;
mod related;
mod sentences;
mod sha256;

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};

use maud::{DOCTYPE, Markup, PreEscaped, html};

use self::notes::{explanation, review_fields};
use self::related::Printed;
use self::sentences::{
    marked_sentence, one_line, page_furniture, shown, side_letter, side_name, source_text,
    speaker_text, visible,
};
use self::sha256::Sha256;
use super::layout::Layout;
use super::review::Lines;
use super::rows::{Row, rows};
use super::speaker::{self, Speaker};
use crate::model::{
    Alignment, Document, Marked, Pair, Quote, QuoteKind, QuoteMatch, Report, Side, Verdict,
};

const STYLE: &str = include_str!("style.css");
const SCRIPT: &str = include_str!("script.js");

/// Longest excerpt of article text in a review item's title, in characters.
const TITLE_CHARS: usize = 160;
/// Longest excerpt of a sentence shown in full elsewhere on the page, in characters.
const EXCERPT_CHARS: usize = 80;

pub fn report(report: &Report, layout: Layout, out: &mut dyn Write) -> io::Result<()> {
    let mut page = Page::new(report);
    page.explain = layout.explain;
    let markup = page.render(layout);
    out.write_all(markup.into_string().as_bytes())?;
    out.write_all(b"\n")
}

/// The CSP hash source of [`STYLE`]: `sha256-` and the base64 of its SHA-256 digest. A
/// test checks it: change it with the style sheet.
macro_rules! style_hash {
    () => {
        "sha256-u6IAxOl97BXpR445K1akSVjln+Ccx88BKFfCkXFWPCs="
    };
}

/// The CSP hash source of [`SCRIPT`], as [`style_hash`]'s of the style sheet.
macro_rules! script_hash {
    () => {
        "sha256-GJPTEayq3jIzv2ZK6OH4EIpit1KMgGt6bSB0VDtFf7U="
    };
}

/// The Content-Security-Policy of every report: the page's own style sheet and script,
/// nothing else.
const CONTENT_SECURITY_POLICY: &str = concat!(
    "default-src 'none'; style-src '",
    style_hash!(),
    "'; script-src '",
    script_hash!(),
    "'; img-src 'none'; base-uri 'none'; form-action 'none'"
);

/// What the page needs beyond the report: labels, line positions, row ids.
struct Page<'a> {
    report: &'a Report,
    lines: Pair<Lines>,
    /// For each sentence of each side, whether a quotation starts in it.
    quoted: Pair<Vec<bool>>,
    /// Whether each alignment shows the evidence behind it (`--explain`).
    explain: bool,
}

impl<'a> Page<'a> {
    fn new(report: &'a Report) -> Page<'a> {
        Page {
            report,
            lines: report.documents.as_ref().map(|d| Lines::new(d.input())),
            quoted: report.documents.as_ref().map(Document::quoted_sentences),
            explain: false,
        }
    }

    fn doc(&self, side: Side) -> &'a Document {
        self.report.documents.get(side)
    }

    /// The two quotations of a match.
    fn quotations(&self, m: &QuoteMatch) -> Pair<&'a Quote> {
        Pair::new(
            &self.doc(Side::Left).quotes[m.quotes.left],
            &self.doc(Side::Right).quotes[m.quotes.right],
        )
    }

    fn label(&self, side: Side) -> Cow<'a, str> {
        visible(&self.doc(side).label)
    }

    /// A file name for locations: the path, or "standard input".
    fn file(&self, side: Side) -> Cow<'a, str> {
        visible(self.doc(side).path.as_deref().unwrap_or("standard input"))
    }

    /// Line and column (from 1) of a byte offset of one side.
    fn position(&self, side: Side, offset: usize) -> (usize, usize) {
        let doc = self.doc(side);
        self.lines
            .get(side)
            .position(doc.input(), doc.input_offset(offset))
    }

    /// `file:line:column` of an offset, as the Markdown review writes it.
    fn location(&self, side: Side, offset: usize) -> String {
        let (line, column) = self.position(side, offset);
        format!("{}:{line}:{column}", self.file(side))
    }

    /// The review key of the page: the same two texts give the same key, so a review
    /// survives regenerating the report.
    fn key(&self) -> String {
        let mut hasher = Sha256::new();
        for side in Side::BOTH {
            let text = &self.doc(side).text;
            hasher.update((text.len() as u64).to_le_bytes());
            hasher.update(text.as_bytes());
        }
        hasher
            .finalize()
            .iter()
            .take(12)
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    fn render(&self, layout: Layout) -> Markup {
        let title = format!(
            "factdiff: {} vs {}",
            self.label(Side::Left),
            self.label(Side::Right)
        );
        html! {
            (DOCTYPE)
            html lang="en" class="nojs" {
                head {
                    meta charset="utf-8";
                    meta http-equiv="Content-Security-Policy" content=(CONTENT_SECURITY_POLICY);
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    meta name="color-scheme" content="light dark";
                    meta name="generator" content=(concat!("factdiff ", env!("CARGO_PKG_VERSION")));
                    title { (title) }
                    style { (PreEscaped(STYLE)) }
                }
                body data-report=(self.key()) {
                    a.skip href="#comparison" { "Skip to the comparison" }
                    header { (self.header(layout)) }
                    (self.controls())
                    main {
                        (self.comparison())
                        (self.quotes())
                        (self.sources())
                    }
                    footer {
                        p { "Made by factdiff " (env!("CARGO_PKG_VERSION")) ". "
                            "Every piece of article text on this page is shown as written, never run." }
                    }
                    script { (PreEscaped(SCRIPT)) }
                }
            }
        }
    }

    fn header(&self, layout: Layout) -> Markup {
        let report = self.report;
        let quotes = QuoteCounts::of(report);
        html! {
            h1 { "factdiff: " (self.label(Side::Left)) " vs " (self.label(Side::Right)) }
            dl.outlets {
                @for side in Side::BOTH {
                    dt { (side_name(side)) }
                    dd { strong { (self.label(side)) } " " code { (self.file(side)) } }
                }
                @if let Some(date) = layout.date {
                    dt { "compared on" }
                    dd { time datetime=(date.to_string()) { (date.to_string()) } }
                }
            }
            @if let Some(warning) = report.same_event.as_ref().and_then(|s| s.warning()) {
                p.notice.different-events role="note" { strong { "Warning: " } (visible(&warning)) }
            }
            section.summary aria-labelledby="summary-heading" {
                h2 #summary-heading { "Summary" }
                div.counts {
                    (self.facts())
                    div.count {
                        h3 { "Quotes" }
                        ul {
                            li { strong { (quotes.matching) } " match" }
                            li.diverge { strong { (quotes.reworded) } " differ in wording" }
                            li.diverge { strong { (quotes.speaker) } " differ in speaker" }
                            @for side in Side::BOTH {
                                li { strong { (report.only_quotes.get(side).len()) } " only in " (self.label(side)) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The summary's count of facts: what the outlets say alike, with detail, in conflict
    /// or alone; the related pairs after them, apart.
    fn facts(&self) -> Markup {
        let counts = self.report.counts();
        html! {
        div.count {
            h3 { "Facts" }
            ul {
                li { strong { (counts.same) } " the same" }
                li { strong { (counts.detail) } " with added detail" }
                li.diverge { strong { (counts.diverge) } " diverge" }
                @for side in Side::BOTH {
                    li { strong { (counts.only.get(side)) } " only in " (self.label(side)) }
                }
            }
            @if counts.related > 0 {
                p.related-count {
                    "Besides: " strong { (counts.related) } " related "
                    (if counts.related == 1 { "pair" } else { "pairs" })
                    " (about the same event, each side with facts of its own), folded under their sentence."
                }
            }
        }
            }
    }

    /// Filters, reading order and review tools: all need the script, so all are hidden
    /// without it.
    fn controls(&self) -> Markup {
        let filters = [
            ("all", "All"),
            ("diverge", "Diverge"),
            ("only-left", "Only left"),
            ("only-right", "Only right"),
            ("quotes", "Quotes"),
        ];
        html! {
            nav #controls.js-only aria-label="Filters and review" {
                fieldset {
                    legend { "Show" }
                    @for (value, name) in filters {
                        label {
                            input type="radio" name="filter" value=(value) id=(format!("filter-{value}")) checked[value == "all"];
                            " " (name)
                            @if value == "only-left" { " (" (self.label(Side::Left)) ")" }
                            @if value == "only-right" { " (" (self.label(Side::Right)) ")" }
                        }
                    }
                }
                fieldset {
                    legend { "Order" }
                    @for side in Side::BOTH {
                        label {
                            input type="radio" name="order" value=(side_name(side)) id=(format!("order-{}", side_name(side))) checked[side == Side::Left];
                            " as " (self.label(side)) " tells it"
                        }
                    }
                }
                fieldset.review-tools {
                    legend { "Review" }
                    label { input type="checkbox" #review-mode checked; " review mode" }
                    span #review-progress aria-live="polite" {}
                    button type="button" #export-markdown { "Export Markdown" }
                    button type="button" #export-json { "Export JSON" }
                    button type="button" #review-clear { "Clear review" }
                }
                p #filter-status aria-live="polite" {}
            }
        }
    }

    fn comparison(&self) -> Markup {
        let empty =
            self.doc(Side::Left).sentences.is_empty() && self.doc(Side::Right).sentences.is_empty();
        html! {
            section #comparison aria-labelledby="comparison-heading" {
                h2 #comparison-heading { "Side by side" }
                p.legend {
                    "Rows: " span.verdict-diverge { "! diverge" } ", " span.verdict-same { "= the same" } ", "
                    span.verdict-adds { "~ one side adds detail" } ", "
                    span.verdict-only { "< only left" } ", " span.verdict-only { "> only right" } "; "
                    span.verdict-related { "? related" } " sentences (about the same event, each with facts of its own) "
                    "are folded under the sentence they relate to. "
                    "Words: " mark.own { "only this outlet" } ", " mark.conflict { "conflicting value" } "."
                }
                @if empty {
                    p.empty { "Neither report has a sentence to compare." }
                } @else {
                    table.rows {
                        caption.visually-hidden { "Aligned sentences of the two reports" }
                        (self.table_head())
                        (self.table_body())
                    }
                    p.empty-filter hidden { "Nothing of this kind in the comparison." }
                }
            }
        }
    }

    /// The rows in the left outlet's order, each group of related rows folded under its
    /// sentence; each row carries its rank in both outlets' orders for the script.
    fn table_body(&self) -> Markup {
        let report = self.report;
        let index: HashMap<*const Alignment, usize> = report
            .alignments
            .iter()
            .enumerate()
            .map(|(i, a)| (a as *const Alignment, i))
            .collect();
        let aligned = |a: &Alignment| format!("a{}", index[&(a as *const Alignment)]);
        let id = |row: &Row| match row {
            Row::Aligned(a) => aligned(a),
            Row::Only(side, i) => format!("{}{i}", side_letter(*side)),
        };
        let right_rank: HashMap<String, usize> = rows(report, Side::Right)
            .iter()
            .enumerate()
            .map(|(rank, row)| (id(row), rank))
            .collect();
        let mut printed = Printed::new(report.documents.as_ref().map(|d| d.sentences.len()));
        let entries = related::entries(rows(report, Side::Left), Side::Left);
        let mut body = Vec::new();
        for (rank, (row, fold)) in entries.rows.iter().enumerate() {
            let row_id = id(row);
            for side in Side::BOTH {
                for &i in row_sentences(row, side) {
                    printed.print(side, i);
                }
            }
            let ranks = (rank, right_rank.get(&row_id).copied().unwrap_or(rank));
            body.push(self.row(row, &row_id, ranks.0, ranks.1));
            if !fold.is_empty() {
                let items = self.related_items(fold, &aligned, &mut printed);
                body.push(self.fold(&row_id, fold.len(), items, ranks));
            }
        }
        if !entries.loose.is_empty() {
            let rank = entries.rows.len();
            let groups: Vec<(Markup, Vec<Markup>)> = entries
                .loose
                .iter()
                .map(|(anchor, members)| {
                    let sentence = self.sentence_once(Side::Left, *anchor, &mut printed);
                    (
                        sentence,
                        self.related_items(members, &aligned, &mut printed),
                    )
                })
                .collect();
            body.push(self.loose(groups, rank));
        }
        html! { @for part in body { (part) } }
    }

    /// The related sentences of the right outlet a sentence of the left is only related
    /// to, folded under the row that shows it; the summary line names how many.
    fn fold(&self, row_id: &str, n: usize, items: Vec<Markup>, ranks: (usize, usize)) -> Markup {
        html! {
            tbody.item.related.fold id=(format!("{row_id}-related")) data-tags="all related" data-left=(ranks.0) data-right=(ranks.1) {
                tr {
                    th scope="row" class="verdict verdict-related" { span.symbol aria-hidden="true" { "?" } " related" }
                    td.left {}
                    td.right {
                        details.related {
                            summary { (n) " related sentence" @if n > 1 { "s" } " of " (self.label(Side::Right)) }
                            ul.related { @for item in items { (item) } }
                        }
                    }
                }
            }
        }
    }

    /// The sentences of the left outlet that are only related to some of the right's, all
    /// in one folded group at the end of the table: each sentence beside its related ones.
    fn loose(&self, groups: Vec<(Markup, Vec<Markup>)>, rank: usize) -> Markup {
        let n = groups.len();
        html! {
            tbody.item.related.loose #related-only data-tags="all related" data-left=(rank) data-right=(rank) {
                tr {
                    th scope="row" class="verdict verdict-related" { span.symbol aria-hidden="true" { "?" } " related" }
                    td colspan="2" {
                        details.related {
                            summary {
                                (n) " sentence" @if n > 1 { "s" } " of " (self.label(Side::Left))
                                " only related to sentences of " (self.label(Side::Right))
                            }
                            div.pairs {
                                @for (sentence, items) in groups {
                                    div.left { (sentence) }
                                    ul.related.right { @for item in items { (item) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Each related alignment as one list item: the right outlet's sentences (excerpts when
    /// shown in full already), and any further sentence of the left it takes in.
    fn related_items(
        &self,
        members: &[&Alignment],
        id: &dyn Fn(&Alignment) -> String,
        printed: &mut Printed,
    ) -> Vec<Markup> {
        members
            .iter()
            .map(|a| {
                let right: Vec<Markup> = a
                    .sentences
                    .right
                    .iter()
                    .map(|&i| self.sentence_once(Side::Right, i, printed))
                    .collect();
                let with = &a.sentences.left[1..];
                html! {
                    li id=(id(a)) {
                        @for r in right { (r) " " }
                        @if self.explain { (explanation(a, self.report.equivalence)) }
                        @if !with.is_empty() {
                            span.with { "(with the next sentence of " (self.label(Side::Left)) ": "
                                @for &i in with { (self.source_link(Side::Left, i)) } ")" }
                        }
                    }
                }
            })
            .collect()
    }

    /// A sentence in full the first time the page prints it, later a one-line excerpt; with
    /// its link into the full text either way.
    fn sentence_once(&self, side: Side, i: usize, printed: &mut Printed) -> Markup {
        let doc = self.doc(side);
        html! {
            @if printed.print(side, i) {
                span.excerpt { "“" (one_line(doc.sentences[i].span.of(&doc.text), EXCERPT_CHARS)) "”" }
            } @else {
                (marked_sentence(doc, i, &[]))
            }
            " " (self.source_link(side, i))
        }
    }

    /// The columns of a side-by-side table: the verdict, then each outlet.
    fn table_head(&self) -> Markup {
        html! {
            colgroup { col.verdict-col; col; col; }
            thead {
                tr {
                    th scope="col" { "" }
                    th scope="col" { (self.label(Side::Left)) }
                    th scope="col" { (self.label(Side::Right)) }
                }
            }
        }
    }

    fn row(&self, row: &Row, id: &str, left_rank: usize, right_rank: usize) -> Markup {
        let (class, symbol, verdict, tags) = match row {
            Row::Aligned(a) => {
                let quoted = Side::BOTH
                    .iter()
                    .all(|&s| self.quoted(s, a.sentences.get(s)));
                let mut tags = String::from("all");
                let (class, symbol, word) = if a.verdict == Verdict::Diverge {
                    tags.push_str(" diverge");
                    ("diverge", "!", "diverge".to_string())
                } else if a.is_equivalent() {
                    ("same", "=", "the same".to_string())
                } else if a.related {
                    ("related", "?", "related".to_string())
                } else {
                    let who = match (a.adds.left, a.adds.right) {
                        (true, true) => "both add detail".to_string(),
                        (true, false) => format!("{} adds detail", self.label(Side::Left)),
                        _ => format!("{} adds detail", self.label(Side::Right)),
                    };
                    ("adds", "~", who)
                };
                if quoted {
                    tags.push_str(" quotes");
                }
                (class, symbol, word, tags)
            }
            Row::Only(side, i) => {
                let mut tags = format!("all only-{}", side_name(*side));
                if self.quoted(*side, &[*i]) {
                    tags.push_str(" quotes");
                }
                let symbol = if *side == Side::Left { "<" } else { ">" };
                (
                    "only",
                    symbol,
                    format!("only in {}", self.label(*side)),
                    tags,
                )
            }
        };
        let review = match row {
            Row::Aligned(a) if a.verdict == Verdict::Diverge => Some(self.conflict_title(a)),
            Row::Only(side, i) => Some(self.claim_title(*side, *i)),
            Row::Aligned(_) => None,
        };
        html! {
            tbody.item.(class) id=(id) data-tags=(tags) data-left=(left_rank) data-right=(right_rank) {
                tr {
                    th scope="row" class=(format!("verdict verdict-{class}")) {
                        span.symbol aria-hidden="true" { (symbol) } " " (verdict)
                        @if let Row::Aligned(a) = row {
                            br; span.score title="similarity of the two sides, from 0 to 1" { "score " (format!("{:.2}", a.score)) }
                        }
                    }
                    @for side in Side::BOTH {
                        td class=(side_name(side)) { (self.cell(row, side)) }
                    }
                }
                @if let Row::Aligned(a) = row {
                    @if !a.conflicts.is_empty() || (!a.is_only_related() && (!a.details.left.is_empty() || !a.details.right.is_empty())) || review.is_some() || self.explain {
                        tr.notes {
                            td {}
                            td colspan="2" {
                                (self.conflicts(a))
                                @if self.explain { (explanation(a, self.report.equivalence)) }
                                @if let Some(title) = &review { (review_fields(id, title)) }
                            }
                        }
                    }
                } @else if let Some(title) = &review {
                    tr.notes {
                        td {}
                        td colspan="2" { (review_fields(id, title)) }
                    }
                }
            }
        }
    }

    /// Whether any of these sentences of one side holds a quotation.
    fn quoted(&self, side: Side, sentences: &[usize]) -> bool {
        sentences.iter().any(|&i| self.quoted.get(side)[i])
    }

    fn cell(&self, row: &Row, side: Side) -> Markup {
        let (sentences, words): (&[usize], &[Marked]) = match row {
            Row::Aligned(a) if a.is_only_related() => (a.sentences.get(side), &[]),
            Row::Aligned(a) => (a.sentences.get(side), a.words.get(side)),
            Row::Only(s, i) if *s == side => (std::slice::from_ref(i), &[]),
            Row::Only(..) => return html! {},
        };
        let doc = self.doc(side);
        html! {
            @for &i in sentences {
                (marked_sentence(doc, i, words)) " "
            }
            (self.source_link(side, sentences[0]))
        }
    }

    /// A link from a row to its sentence in the full text of one report.
    fn source_link(&self, side: Side, sentence: usize) -> Markup {
        let span = self.doc(side).sentences[sentence].span;
        let (line, column) = self.position(side, span.start);
        html! {
            a.loc href=(format!("#{}-s{sentence}", side_name(side)))
                aria-label=(format!("{}, line {line}, in the full text", self.label(side)))
                title=(self.location(side, span.start)) {
                "line " (line) ":" (column)
            }
        }
    }

    /// Each conflict spelled out, then the details only one side states.
    fn conflicts(&self, a: &Alignment) -> Markup {
        let texts = self.report.documents.as_ref().map(|d| d.text.as_str());
        html! {
            @if !a.conflicts.is_empty() {
                ul.conflicts {
                    @for c in &a.conflicts {
                        li {
                            strong { (c.kind.as_str()) } ": "
                            mark.conflict { (visible(c.spans.left.of(texts.left))) } " (" (self.label(Side::Left)) ")"
                            " vs "
                            mark.conflict { (visible(c.spans.right.of(texts.right))) } " (" (self.label(Side::Right)) ")"
                        }
                    }
                }
            }
            // An only-related row's sides each tell facts of their own: no list of them.
            @for side in Side::BOTH {
                @if !a.is_only_related() && !a.details.get(side).is_empty() {
                    p.details {
                        "Only " (self.label(side)) ": "
                        @for (n, &k) in a.details.get(side).iter().enumerate() {
                            @let f = &self.doc(side).facts[k];
                            @if n > 0 { ", " }
                            mark.own { (visible(f.span.of(texts.get(side)))) } " (" (f.kind().as_str()) ")"
                        }
                    }
                }
            }
        }
    }

    /// The title of a divergence's review item: its conflicts, with their places.
    fn conflict_title(&self, a: &Alignment) -> String {
        let texts = self.report.documents.as_ref().map(|d| d.text.as_str());
        let mut parts: Vec<String> = a
            .conflicts
            .iter()
            .map(|c| {
                let value = |side: Side| {
                    format!(
                        "“{}” ({}, {})",
                        one_line(c.spans.get(side).of(texts.get(side)), TITLE_CHARS),
                        self.label(side),
                        self.location(side, c.spans.get(side).start)
                    )
                };
                format!(
                    "{}: {} vs {}",
                    c.kind.as_str(),
                    value(Side::Left),
                    value(Side::Right)
                )
            })
            .collect();
        if parts.is_empty() {
            parts.push(format!(
                "diverge: {} vs {}",
                self.location(
                    Side::Left,
                    self.doc(Side::Left).sentences[a.sentences.left[0]]
                        .span
                        .start
                ),
                self.location(
                    Side::Right,
                    self.doc(Side::Right).sentences[a.sentences.right[0]]
                        .span
                        .start
                )
            ));
        }
        parts.join("; ")
    }

    /// The title of a single-source claim's review item: the sentence and its place.
    fn claim_title(&self, side: Side, sentence: usize) -> String {
        let doc = self.doc(side);
        let span = doc.sentences[sentence].span;
        format!(
            "only in {}: “{}” ({})",
            self.label(side),
            one_line(span.of(&doc.text), TITLE_CHARS),
            self.location(side, span.start)
        )
    }

    fn quotes(&self) -> Markup {
        let report = self.report;
        let any = !report.quote_matches.is_empty()
            || Side::BOTH
                .iter()
                .any(|&s| !report.only_quotes.get(s).is_empty());
        html! {
            section #quotes aria-labelledby="quotes-heading" {
                h2 #quotes-heading { "Quotes" }
                @if !any {
                    p.empty { "Neither report quotes anyone." }
                } @else {
                    table.rows.quotes {
                        caption.visually-hidden { "Quotations of the two reports and how they compare" }
                        (self.table_head())
                        @for (n, m) in report.quote_matches.iter().enumerate() {
                            (self.quote_match(n, m))
                        }
                        @for side in Side::BOTH {
                            @for &q in report.only_quotes.get(side) {
                                (self.only_quote(side, q))
                            }
                        }
                    }
                    p.empty-filter hidden { "No quotation of this kind." }
                }
            }
        }
    }

    fn quote_match(&self, n: usize, m: &QuoteMatch) -> Markup {
        let id = format!("q{n}");
        let diverges = m.diverges();
        let speaker = speaker::of_match(m, self.quotations(m));
        let tags = if diverges {
            "all quotes diverge"
        } else {
            "all quotes"
        };
        let class = if diverges { "diverge" } else { "same" };
        let symbol = if diverges { "!" } else { "=" };
        let title = {
            let q = |side: Side| {
                let doc = self.doc(side);
                let quote = &doc.quotes[*m.quotes.get(side)];
                format!(
                    "“{}” ({}, {}, {})",
                    one_line(quote.span.of(&doc.text), TITLE_CHARS),
                    speaker_text(quote),
                    self.label(side),
                    self.location(side, quote.span.start)
                )
            };
            format!(
                "quote {}, {speaker}: {} vs {}",
                m.kind.as_str(),
                q(Side::Left),
                q(Side::Right)
            )
        };
        html! {
            tbody.item.(class) id=(id) data-tags=(tags) {
                tr {
                    th scope="row" class=(format!("verdict verdict-{class}")) {
                        span.symbol aria-hidden="true" { (symbol) } " " (m.kind.as_str()) br; (speaker)
                    }
                    @for side in Side::BOTH {
                        td class=(side_name(side)) { (self.quote_cell(side, *m.quotes.get(side), m.kind)) }
                    }
                }
                @if diverges {
                    tr.notes { td {} td colspan="2" { (review_fields(&id, &title)) } }
                }
            }
        }
    }

    fn only_quote(&self, side: Side, q: usize) -> Markup {
        let id = format!("q{}{q}", side_letter(side));
        let doc = self.doc(side);
        let quote = &doc.quotes[q];
        let title = format!(
            "quote only in {}: “{}” ({}, {})",
            self.label(side),
            one_line(quote.span.of(&doc.text), TITLE_CHARS),
            speaker_text(quote),
            self.location(side, quote.span.start)
        );
        let symbol = if side == Side::Left { "<" } else { ">" };
        html! {
            tbody.item.only id=(id) data-tags=(format!("all quotes only-{}", side_name(side))) {
                tr {
                    th scope="row" class="verdict verdict-only" {
                        span.symbol aria-hidden="true" { (symbol) } " only in " (self.label(side))
                    }
                    @for s in Side::BOTH {
                        td class=(side_name(s)) {
                            @if s == side { (self.quote_cell(side, q, QuoteKind::Verbatim)) }
                        }
                    }
                }
                tr.notes { td {} td colspan="2" { (review_fields(&id, &title)) } }
            }
        }
    }

    fn quote_cell(&self, side: Side, q: usize, kind: QuoteKind) -> Markup {
        let doc = self.doc(side);
        let quote = &doc.quotes[q];
        let sentence = doc
            .sentences
            .partition_point(|s| s.span.end <= quote.span.start)
            .min(doc.sentences.len().saturating_sub(1));
        html! {
            blockquote class=(format!("quote {}", kind.as_str())) { (visible(quote.span.of(&doc.text))) }
            p.speaker {
                @match Speaker::of(quote) {
                    Speaker::Named(name) => { "Speaker: " strong { (visible(name)) } }
                    Speaker::Guessed(name) => {
                        "Speaker: " strong { (visible(name)) } " "
                        span.guessed title=[speaker::why_guessed(quote, &doc.text, shown)] {
                            "(" (speaker::GUESSED)
                            @if let Some(written) = speaker::written(quote, &doc.text, shown) { ": " (written) }
                            ")"
                        }
                    }
                    Speaker::Unknown => {
                        em { "Speaker unknown" }
                        @if let Some(written) = speaker::written(quote, &doc.text, shown) { " (" (written) ")" }
                    }
                }
                @if !doc.sentences.is_empty() { " · " (self.source_link(side, sentence)) }
            }
        }
    }

    /// The full text of each report, sentence by sentence, with what factdiff dropped
    /// struck through and labelled, so nothing is hidden.
    fn sources(&self) -> Markup {
        html! {
            section #sources aria-labelledby="sources-heading" {
                h2 #sources-heading { "Full text" }
                p { "Each report as factdiff read it. Struck-through passages are the boilerplate it set aside "
                    "(bylines, advertisements, captions and the like), each labelled with the reason. "
                    "A saved web page shows its article's text, and under it what else the page held." }
                @for side in Side::BOTH {
                    details #(format!("source-{}", side_name(side))) {
                        summary { (self.label(side)) " " code { (self.file(side)) } }
                        div.source { (source_text(self.doc(side), side)) }
                        @if let Some(page) = &self.doc(side).page {
                            (page_furniture(page))
                        }
                    }
                }
            }
        }
    }
}

/// The sentences of one side a row shows.
fn row_sentences<'r>(row: &'r Row, side: Side) -> &'r [usize] {
    match row {
        Row::Aligned(a) => a.sentences.get(side),
        Row::Only(s, i) if *s == side => std::slice::from_ref(i),
        Row::Only(..) => &[],
    }
}

/// The counts of quotations for the summary.
struct QuoteCounts {
    matching: usize,
    reworded: usize,
    speaker: usize,
}

impl QuoteCounts {
    fn of(report: &Report) -> QuoteCounts {
        let mut counts = QuoteCounts {
            matching: 0,
            reworded: 0,
            speaker: 0,
        };
        for m in &report.quote_matches {
            if m.same_speaker == Some(false) {
                counts.speaker += 1;
            } else if m.kind == QuoteKind::Reworded {
                counts.reworded += 1;
            } else {
                counts.matching += 1;
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_keeps_line_ends_and_shows_controls() {
        assert_eq!(visible("a\nb\tc"), "a\nb\tc");
        assert_eq!(visible("a\u{1b}[2Jb"), "a\\x1b[2Jb");
        assert_eq!(visible("x\u{202e}y"), "x<U+202E>y");
    }

    /// A CSP hash source: `sha256-` and the base64 digest of the exact text.
    fn sha256_source(text: &str) -> String {
        use base64::Engine;
        use sha2::Digest;
        let digest = sha2::Sha256::digest(text.as_bytes());
        format!(
            "sha256-{}",
            base64::engine::general_purpose::STANDARD.encode(digest)
        )
    }

    #[test]
    fn policy_hashes_the_exact_style_and_script() {
        // When one fails, the file changed: its new hash is the right side.
        assert_eq!(style_hash!(), sha256_source(STYLE), "style.css");
        assert_eq!(script_hash!(), sha256_source(SCRIPT), "script.js");
        let policy = CONTENT_SECURITY_POLICY;
        assert!(policy.starts_with("default-src 'none';"), "{policy}");
        assert!(policy.contains(&format!("style-src '{}'", sha256_source(STYLE))));
        assert!(policy.contains(&format!("script-src '{}'", sha256_source(SCRIPT))));
        // The well-known digest of the empty string, so the encoding is the standard one.
        assert_eq!(
            sha256_source(""),
            "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
    }

    #[test]
    fn a_guessed_speaker_is_marked_and_explained_and_a_named_one_is_not() {
        use crate::model::Source;
        let report = crate::compare(
            Source::new(
                "a",
                "Mayor Ellen Okafor opened the weir.\n\"The gates held,\" the engineer said.\n",
            ),
            Source::new(
                "b",
                "Mayor Ellen Okafor opened the weir.\n\"The gates held,\" said Ellen Okafor.\n",
            ),
        );
        let page = Page::new(&report);
        let cell = |side: Side| page.quote_cell(side, 0, QuoteKind::Verbatim).into_string();
        let guessed = cell(Side::Left);
        assert!(
            guessed.contains(
                "<strong>Ellen Okafor</strong> <span class=\"guessed\" title=\"No attribution \
                 names Ellen Okafor: the text says only “the engineer”. Ellen Okafor was taken \
                 from the sentences around the quotation, and may not be the speaker.\">\
                 (speaker guessed from context: the text says only “the engineer”)</span>"
            ),
            "{guessed}"
        );
        let named = cell(Side::Right);
        assert!(named.contains("<strong>Ellen Okafor</strong>"), "{named}");
        assert!(!named.contains("guess"), "{named}");
    }

    #[test]
    fn one_line_joins_and_cuts() {
        assert_eq!(one_line("a\n  b", 10), "a b");
        assert_eq!(one_line("abcdef", 3), "abc…");
    }

    /// The count of facts and the comparison of the ferry fixture, whose reports relate
    /// many sentences.
    fn ferry() -> (Report, String) {
        use crate::model::Source;
        let report = crate::compare(
            Source::new(
                "island-courier",
                include_str!("../../../fixtures/ferry/island-courier.txt"),
            ),
            Source::new(
                "national-ledger",
                include_str!("../../../fixtures/ferry/national-ledger.txt"),
            ),
        );
        let page = Page::new(&report);
        let markup = format!(
            "{}{}",
            page.facts().into_string(),
            page.comparison().into_string()
        );
        (report, markup)
    }

    #[test]
    fn the_headline_counts_facts_and_gives_related_pairs_apart() {
        let (report, page) = ferry();
        let counts = report.counts();
        assert!(counts.related > 0, "the fixture relates sentences");
        let facts = &page[page.find("<h3>Facts</h3>").unwrap()..];
        let facts = &facts[..facts.find("</div>").unwrap()];
        assert!(page.starts_with("<div class=\"count\">"), "{page}");
        let list = &facts[..facts.find("</ul>").unwrap()];
        for item in [
            format!("<li><strong>{}</strong> the same</li>", counts.same),
            format!(
                "<li><strong>{}</strong> with added detail</li>",
                counts.detail
            ),
            format!(
                "<li class=\"diverge\"><strong>{}</strong> diverge</li>",
                counts.diverge
            ),
            format!(
                "<strong>{}</strong> only in island-courier",
                counts.only.left
            ),
            format!(
                "<strong>{}</strong> only in national-ledger",
                counts.only.right
            ),
        ] {
            assert!(list.contains(&item), "{item} in {list}");
        }
        assert!(
            !list.contains("related") && !facts.contains("agree"),
            "{facts}"
        );
        let related = &facts[list.len()..];
        assert!(
            related.contains(&format!(
                "<strong>{}</strong> related pairs",
                counts.related
            )),
            "{related}"
        );
    }

    #[test]
    fn related_rows_are_folded_under_their_sentence_and_no_sentence_repeats_in_full() {
        let (report, page) = ferry();
        let table = &page[page.find("<table class=\"rows\">").unwrap()..];
        let table = &table[..table.find("</table>").unwrap()];
        // Every related alignment is one item of a fold, and none is a row of its own.
        let folded = table.matches("<li id=\"a").count();
        assert_eq!(folded, report.counts().related);
        let groups = table.matches("<tbody class=\"item related").count();
        assert_eq!(groups, table.matches("<details class=\"related\">").count());
        assert!(groups < folded, "{groups} groups for {folded} related rows");
        // A sentence is printed in full at most twice in the table.
        for side in Side::BOTH {
            let doc = report.documents.get(side);
            for s in &doc.sentences {
                let shown = visible(s.span.of(&doc.text));
                let escaped = maud::html! { (shown) }.into_string();
                let times = table.matches(escaped.as_str()).count();
                assert!(times <= 2, "printed {times} times: {escaped}");
            }
        }
    }
}
