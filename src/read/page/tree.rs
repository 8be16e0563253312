//! A page's elements and text in page order, from the tokens of an HTML5 tokenizer, with
//! the nesting repaired as browsers repair it: unclosed paragraphs and list items close
//! when the next one starts, stray end tags are ignored, and whatever is open at the end
//! of the page closes there.
//!
//! Nothing here recurses, so a page of a million nested elements costs no stack.

use html5gum::{DefaultEmitter, Token, Tokenizer};
use rustc_hash::FxHashMap;

use super::chrome::{self, Class};
use crate::model::Span;

/// One element of the page.
#[derive(Debug)]
pub(super) struct Node {
    /// The tag name, lower case: an index into [`Tree::names`].
    pub name: u32,
    pub parent: Option<usize>,
    /// From the start of its start tag to the end of its end tag, or to where the element
    /// was closed without one.
    pub span: Span,
    /// What the element is, by its tag and attributes.
    pub class: Class,
}

/// What the page holds, in page order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Event {
    /// An element starts (a void element such as `<br>` starts and ends at once).
    Open(usize),
    Close(usize),
    /// A run of text: an index into [`Tree::runs`].
    Text(usize),
}

/// A run of text between two tags.
#[derive(Debug)]
pub(super) struct Run {
    /// The innermost element open around it, if any.
    pub node: Option<usize>,
    /// Where the run stands in the page, entities and all.
    pub page: Span,
    /// The run as a reader sees it: entities decoded, line ends made `\n`.
    pub text: String,
}

/// A `<meta>` element's name (`name`, `property` or `itemprop`, lower case) and content.
#[derive(Debug)]
pub(super) struct MetaTag {
    pub key: String,
    pub content: String,
    pub span: Span,
}

/// The tag names of a page, each kept once, with what kind of element each is.
#[derive(Debug, Default)]
pub(super) struct Names {
    names: Vec<(String, Kind)>,
    index: FxHashMap<String, u32>,
}

/// What kind of element a tag name makes, as reading and repairing the nesting care.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Kind {
    /// Stands on lines of its own.
    pub block: bool,
    /// Its text is the paragraph text an article is found by.
    pub paragraph: bool,
    /// `<br>`: a line break.
    pub line_break: bool,
    /// `<pre>`: white space kept.
    pub preformatted: bool,
    void: bool,
    closes_p: bool,
    head_content: bool,
    heading: bool,
    /// Its start closes other elements by itself (`<li>`, `<td>`, `<body>` …).
    implies: bool,
    /// Which searches for an open element it stops ([`scope`]).
    scope: u8,
}

/// The kinds of search for an open element that an element stops, as bits.
mod scope {
    /// For an open `<p>`: a button, a table, a cell, a template.
    pub const BUTTON: u8 = 1;
    /// For an open `<li>`: a list.
    pub const LIST: u8 = 2;
    /// For an open `<dd>` or `<dt>`: a definition list.
    pub const DEFINITIONS: u8 = 4;
    /// For an open cell: a row or a table.
    pub const ROW: u8 = 8;
    /// For an open row: a table.
    pub const TABLE: u8 = 16;
    /// For an open `<option>`: a list of options.
    pub const SELECT: u8 = 32;
}

impl Kind {
    fn of(name: &str) -> Kind {
        let any = |names: &[&str]| names.contains(&name);
        let scope = [
            (
                scope::BUTTON,
                &["button", "table", "td", "th", "template"][..],
            ),
            (scope::LIST, &["ul", "ol", "menu"]),
            (scope::DEFINITIONS, &["dl"]),
            (scope::ROW, &["tr", "table"]),
            (scope::TABLE, &["table"]),
            (scope::SELECT, &["select", "datalist"]),
        ]
        .iter()
        .filter(|(_, names)| any(names))
        .fold(0, |bits, (bit, _)| bits | bit);
        Kind {
            block: any(BLOCKS),
            paragraph: any(PARAGRAPHS),
            line_break: name == "br",
            preformatted: name == "pre",
            void: any(VOID),
            closes_p: any(CLOSES_P),
            head_content: any(HEAD_CONTENT),
            heading: any(HEADINGS),
            implies: any(&["li", "dd", "dt", "td", "th", "tr", "option", "body"]) || any(HEADINGS),
            scope,
        }
    }
}

impl Names {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.index.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push((name.to_string(), Kind::of(name)));
        self.index.insert(name.to_string(), id);
        id
    }

    fn get(&self, id: u32) -> &str {
        &self.names[id as usize].0
    }
}

#[derive(Debug, Default)]
pub(super) struct Tree {
    pub names: Names,
    pub nodes: Vec<Node>,
    pub events: Vec<Event>,
    pub runs: Vec<Run>,
    pub meta: Vec<MetaTag>,
    /// `<time datetime="…">` elements: the element and its `datetime`.
    pub times: Vec<(usize, String)>,
}

/// Elements that never hold anything: their start tag is the whole element.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements whose start closes an open paragraph (HTML's "closes a p element").
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "dialog",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// What may stand in a page's head; anything else starting ends the head.
const HEAD_CONTENT: &[&str] = &[
    "base", "link", "meta", "noscript", "script", "style", "template", "title",
];

const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// Elements that stand on lines of their own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Blocks whose text is the paragraph text an article is found by.
const PARAGRAPHS: &[&str] = &["p", "blockquote", "pre"];

/// How far down the open elements an implied end tag is looked for: far enough for any
/// real page, and a page of a million unclosed elements stays linear.
const SCOPE_REACH: usize = 256;

/// Reads `html` into elements, text runs and metadata.
pub(super) fn parse(html: &str) -> Tree {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Script, style and title text is read as text, not as tags.
    emitter.naively_switch_states(true);
    let mut builder = Builder {
        html,
        tree: Tree::default(),
        open: Vec::new(),
        counts: Vec::new(),
    };
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => builder.start(tag),
            Token::EndTag(tag) => {
                let name = lower(&tag.name);
                builder.end(&name, Span::new(tag.span.start, tag.span.end));
            }
            Token::String(text) => {
                let span = Span::new(text.span.start, text.span.end);
                builder.text(String::from_utf8_lossy(&text.value).into_owned(), span);
            }
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    builder.close_all(html.len());
    builder.tree
}

fn lower(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).to_ascii_lowercase()
}

struct Builder<'a> {
    html: &'a str,
    tree: Tree,
    /// The open elements, outermost first.
    open: Vec<usize>,
    /// How many elements of each name are open, by name.
    counts: Vec<usize>,
}

impl Builder<'_> {
    fn start(&mut self, tag: html5gum::StartTag<usize>) {
        let name = lower(&tag.name);
        let span = Span::new(tag.span.start, tag.span.end);
        let attr = |key: &str| -> Option<String> {
            tag.attributes
                .get(key.as_bytes())
                .map(|v| String::from_utf8_lossy(&v.value).into_owned())
        };
        let id = self.tree.names.id(&name);
        let kind = self.tree.names.names[id as usize].1;
        if !kind.head_content && name != "head" && self.is_open("head") {
            self.close_named("head", span.start);
        }
        if kind.closes_p {
            self.close_within("p", scope::BUTTON, span.start);
        }
        if kind.implies {
            self.close_implied(&name, span.start);
        }
        let class = chrome::classify(&name, &attr);
        let node = self.tree.nodes.len();
        if name == "meta"
            && let Some(content) = attr("content")
        {
            for key in ["property", "name", "itemprop"] {
                if let Some(k) = attr(key) {
                    self.tree.meta.push(MetaTag {
                        key: k.to_ascii_lowercase(),
                        content: content.clone(),
                        span,
                    });
                }
            }
        }
        if name == "time"
            && let Some(datetime) = attr("datetime")
        {
            self.tree.times.push((node, datetime));
        }
        let in_foreign = tag.self_closing && (self.is_open("svg") || self.is_open("math"));
        let void = kind.void || in_foreign;
        self.tree.nodes.push(Node {
            name: id,
            parent: self.open.last().copied(),
            span,
            class,
        });
        self.tree.events.push(Event::Open(node));
        if void {
            self.tree.events.push(Event::Close(node));
        } else {
            let id = id as usize;
            if self.counts.len() <= id {
                self.counts.resize(id + 1, 0);
            }
            self.counts[id] += 1;
            self.open.push(node);
        }
    }

    fn end(&mut self, name: &str, span: Span) {
        if name == "br" {
            // Browsers read a stray `</br>` as `<br>`.
            let node = self.tree.nodes.len();
            let id = self.tree.names.id("br");
            self.tree.nodes.push(Node {
                name: id,
                parent: self.open.last().copied(),
                span,
                class: Class::default(),
            });
            self.tree.events.push(Event::Open(node));
            self.tree.events.push(Event::Close(node));
            return;
        }
        if let Some(node) = self.close_named(name, span.start) {
            // The element ends after its end tag.
            self.tree.nodes[node].span.end = span.end;
        }
    }

    fn text(&mut self, text: String, span: Span) {
        if self.is_open("head") && !self.open_top_is_head_content() && !text.trim().is_empty() {
            self.close_named("head", span.start);
        }
        let run = self.tree.runs.len();
        self.tree.runs.push(Run {
            node: self.open.last().copied(),
            page: span,
            text,
        });
        self.tree.events.push(Event::Text(run));
    }

    fn open_top_is_head_content(&self) -> bool {
        self.open
            .last()
            .is_some_and(|&n| self.tree.kind(n).head_content)
    }

    fn is_open(&self, name: &str) -> bool {
        self.tree
            .names
            .index
            .get(name)
            .and_then(|&id| self.counts.get(id as usize))
            .is_some_and(|&n| n > 0)
    }

    /// Closes what the start of `name` closes by itself.
    fn close_implied(&mut self, name: &str, at: usize) {
        match name {
            "li" => self.close_within("li", scope::LIST, at),
            "dd" | "dt" => {
                self.close_within("dd", scope::DEFINITIONS, at);
                self.close_within("dt", scope::DEFINITIONS, at);
            }
            "td" | "th" => {
                self.close_within("td", scope::ROW, at);
                self.close_within("th", scope::ROW, at);
            }
            "tr" => {
                self.close_within("td", scope::TABLE, at);
                self.close_within("th", scope::TABLE, at);
                self.close_within("tr", scope::TABLE, at);
            }
            "option" => self.close_within("option", scope::SELECT, at),
            "body" => {
                self.close_named("head", at);
            }
            _ => {
                if let Some(&top) = self.open.last()
                    && self.tree.kind(top).heading
                {
                    self.pop(at);
                }
            }
        }
    }

    /// Closes the nearest open `name` if no element that stops a search of `boundary`
    /// stands between it and the innermost open element.
    fn close_within(&mut self, name: &str, boundary: u8, at: usize) {
        let Some(&id) = self.tree.names.index.get(name) else {
            return;
        };
        if self.counts.get(id as usize).is_none_or(|&n| n == 0) {
            return;
        }
        for &node in self.open.iter().rev().take(SCOPE_REACH) {
            if self.tree.nodes[node].name == id {
                self.close_named(name, at);
                return;
            }
            if self.tree.kind(node).scope & boundary != 0 {
                return;
            }
        }
    }

    /// Closes the innermost open `name` and everything inside it, at `at`; returns it.
    fn close_named(&mut self, name: &str, at: usize) -> Option<usize> {
        if !self.is_open(name) {
            return None;
        }
        while let Some(node) = self.pop(at) {
            if self.tree.name(node) == name {
                return Some(node);
            }
        }
        None
    }

    fn pop(&mut self, at: usize) -> Option<usize> {
        let node = self.open.pop()?;
        let n = &mut self.tree.nodes[node];
        n.span.end = at.max(n.span.end);
        if let Some(count) = self.counts.get_mut(n.name as usize) {
            *count -= 1;
        }
        self.tree.events.push(Event::Close(node));
        Some(node)
    }

    fn close_all(&mut self, at: usize) {
        while self.pop(at).is_some() {}
        debug_assert!(at == self.html.len());
    }
}

impl Tree {
    /// The tag name of element `node`.
    pub fn name(&self, node: usize) -> &str {
        self.names.get(self.nodes[node].name)
    }

    /// What kind of element `node` is.
    pub fn kind(&self, node: usize) -> Kind {
        self.names.names[self.nodes[node].name as usize].1
    }

    /// The elements around `node`, innermost first, `node` included.
    pub fn ancestry(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(node), |&n| self.nodes[n].parent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page as element names and texts, `[p` opening, `]` closing.
    fn outline(html: &str) -> String {
        let tree = parse(html);
        let mut out = String::new();
        for event in &tree.events {
            match *event {
                Event::Open(n) => out.push_str(&format!("[{}", tree.name(n))),
                Event::Close(_) => out.push(']'),
                Event::Text(r) => out.push_str(&format!("'{}'", tree.runs[r].text)),
            }
        }
        out
    }

    #[test]
    fn unclosed_paragraphs_close_at_the_next_block() {
        assert_eq!(
            outline("<div><p>One<p>Two<div>Three</div></div>"),
            "[div[p'One'][p'Two'][div'Three']]"
        );
    }

    #[test]
    fn stray_end_tags_are_ignored_and_list_items_close_each_other() {
        assert_eq!(
            outline("<ul><li>a<li>b</ul></p>c</span>"),
            "[ul[li'a'][li'b']]'c'"
        );
    }

    #[test]
    fn void_elements_and_br_end_at_once() {
        assert_eq!(
            outline("<p>a<br>b<img src=x>c</br>d</p>"),
            "[p'a'[br]'b'[img]'c'[br]'d']"
        );
    }

    #[test]
    fn script_text_is_text_not_tags() {
        assert_eq!(
            outline("<script>var a = \"<p>no</p>\";</script><p>yes</p>"),
            "[script'var a = \"<p>no</p>\";'][p'yes']"
        );
    }

    #[test]
    fn the_head_ends_where_the_page_begins() {
        assert_eq!(
            outline("<html><head><title>T</title><div>Body</div>"),
            "[html[head[title'T']][div'Body']]"
        );
    }

    #[test]
    fn spans_run_from_start_tag_to_end_tag() {
        let html = "<div><p>One<p>Two</p></div>";
        let tree = parse(html);
        let spans: Vec<&str> = tree.nodes.iter().map(|n| n.span.of(html)).collect();
        assert_eq!(tree.name(1), "p");
        assert_eq!(spans, [html, "<p>One", "<p>Two</p>"]);
        assert_eq!(tree.runs[0].page.of(html), "One");
    }

    #[test]
    fn metadata_and_times_are_collected() {
        let tree = parse(
            r#"<meta property="article:published_time" content="2026-03-14T08:05:00Z"><time datetime="2026-03-14">x</time>"#,
        );
        assert_eq!(tree.meta[0].key, "article:published_time");
        assert_eq!(tree.meta[0].content, "2026-03-14T08:05:00Z");
        assert_eq!(tree.times, [(1, "2026-03-14".to_string())]);
    }

    #[test]
    fn a_million_nested_elements_cost_no_stack() {
        let html = "<div>".repeat(1_000_000) + "deep";
        let tree = parse(&html);
        assert_eq!(tree.nodes.len(), 1_000_000);
        assert_eq!(tree.runs[0].text, "deep");
    }
}
