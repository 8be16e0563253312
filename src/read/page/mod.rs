//! Reading a saved web page: the article's headline and paragraphs become the report's
//! text, and everything else on the page (its head, scripts, menus, cookie banner, share
//! buttons, captions, related stories, footer) is kept aside with the reason.
//!
//! The page is tokenized by html5gum, a WHATWG tokenizer that tells where every tag and
//! text run stands; the nesting is repaired here ([`tree`]). Which element holds the
//! article is decided by where the page says it is (`<article>`, `articleBody`, `<main>`)
//! if that element holds most of the page's paragraph text, else by walking down to the
//! element that does. Every piece of the text keeps its place in the page, so positions
//! still point into the file as saved.

mod chrome;
mod meta;
mod reading;
mod tree;

use chrome::Landmark;
use reading::Reading;
use tree::{Event, Tree};

use crate::model::{DropReason, Page, Removed, Span};

/// Whether `text` is a web page: it opens (after a byte-order mark, white space and
/// comments) with a doctype or an `<html>`, `<head>` or `<body>` tag, or with an XML
/// declaration of an XHTML page.
pub fn is_page(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    if let Some(after) = strip_prefix_ignore_case(rest, "<?xml") {
        rest = after.split_once("?>").map_or("", |(_, r)| r).trim_start();
    }
    while let Some(comment) = rest.strip_prefix("<!--") {
        rest = comment
            .split_once("-->")
            .map_or("", |(_, r)| r)
            .trim_start();
    }
    ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|open| strip_prefix_ignore_case(rest, open).is_some())
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Reads the article out of `html`: its reading text and the page; `None` if the page
/// shows no article text at all.
pub fn read(html: String) -> Option<(String, Page)> {
    let tree = tree::parse(&html);
    let layout = Layout::new(&tree);
    let scopes = layout.scopes();
    let mut reading = Reading::default();
    for scope in &scopes {
        layout.emit(&html, scope.clone(), &mut reading);
        reading.block(0);
    }
    if reading.text.trim().is_empty() {
        return None;
    }
    let json = meta::structured_data(&tree);
    let article = layout
        .container
        .map(|c| c..=layout.last[c])
        .unwrap_or(0..=tree.nodes.len());
    let removed = layout.removed(&scopes);
    let byline = removed
        .iter()
        .find(|r| r.reason == DropReason::Byline)
        .cloned()
        .or_else(|| meta::author(&tree, &json));
    let page = Page {
        published: meta::published(&tree, &json, Some(article)),
        byline,
        removed,
        map: reading.map,
        html,
    };
    Some((reading.text, page))
}

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

/// How far up a run's block is looked for.
const BLOCK_REACH: usize = 16;

/// The share of the page's paragraph text an element the page calls its article must hold.
const LANDMARK_SHARE: f64 = 0.4;
/// The share an element must hold to be walked down into.
const DESCENT_SHARE: f64 = 0.75;
/// An element named furniture by its class loses that name if it holds more than this
/// share of the paragraph text: it is the article's wrapper.
const WRAPPER_SHARE: f64 = 0.5;

/// Where the article stands in a page, and what is furniture.
struct Layout<'a> {
    tree: &'a Tree,
    /// For each element, the outermost furniture around it (itself included), and why.
    chrome: Vec<Option<(usize, DropReason)>>,
    /// For each element, the last element inside it (itself if none).
    last: Vec<usize>,
    /// For each element, its `Open` and `Close` events.
    events: Vec<(usize, usize)>,
    /// The element holding the article; `None` for the whole page.
    container: Option<usize>,
    /// The headline, if the article's element does not hold it.
    headline: Option<usize>,
}

impl<'a> Layout<'a> {
    fn new(tree: &'a Tree) -> Layout<'a> {
        let n = tree.nodes.len();
        let mut last: Vec<usize> = (0..n).collect();
        for node in (0..n).rev() {
            if let Some(parent) = tree.nodes[node].parent {
                last[parent] = last[parent].max(last[node]);
            }
        }
        let mut events = vec![(0, 0); n];
        for (i, event) in tree.events.iter().enumerate() {
            match *event {
                Event::Open(node) => events[node].0 = i,
                Event::Close(node) => events[node].1 = i,
                Event::Text(_) => {}
            }
        }
        let by_tag = inherit(tree, |_, class| class.tag);
        let (first, total) = weights(tree, &by_tag);
        let chrome = inherit(tree, |node, class| {
            class.reason(first[node] as f64 > WRAPPER_SHARE * total as f64)
        });
        let mut layout = Layout {
            tree,
            chrome,
            last,
            events,
            container: None,
            headline: None,
        };
        let (held, total) = weights(tree, &layout.chrome);
        layout.container = layout.container(&held, total);
        layout.headline = layout.headline();
        layout
    }

    fn is_chrome(&self, node: Option<usize>) -> bool {
        node.is_some_and(|n| self.chrome[n].is_some())
    }

    /// The element holding the article: the one the page names, if it holds enough of
    /// the paragraph text; else the deepest one holding most of it.
    fn container(&self, weights: &[usize], total: usize) -> Option<usize> {
        let nodes = &self.tree.nodes;
        for kind in [Landmark::Article, Landmark::ArticleBody, Landmark::Main] {
            let best = (0..nodes.len())
                .filter(|&n| nodes[n].class.landmark == Some(kind) && self.chrome[n].is_none())
                .max_by_key(|&n| (weights[n], std::cmp::Reverse(n)));
            if let Some(best) = best
                && weights[best] > 0
                && weights[best] as f64 >= LANDMARK_SHARE * total as f64
            {
                return Some(best);
            }
        }
        let mut children: Vec<Vec<usize>> = Vec::new();
        children.resize_with(nodes.len() + 1, Vec::new);
        for (n, node) in nodes.iter().enumerate() {
            children[node.parent.unwrap_or(nodes.len())].push(n);
        }
        let mut current = None;
        loop {
            let here = current.unwrap_or(nodes.len());
            let Some(&best) = children[here].iter().max_by_key(|&&c| weights[c]) else {
                return current;
            };
            if total == 0 || (weights[best] as f64) < DESCENT_SHARE * total as f64 {
                return current;
            }
            current = Some(best);
        }
    }

    /// The first `<h1>` that is not furniture, if the article's element does not hold one.
    fn headline(&self) -> Option<usize> {
        let container = self.container?;
        let is_h1 = |n: usize| self.tree.nodes[n].name == "h1" && self.chrome[n].is_none();
        if (container..=self.last[container]).any(is_h1) {
            return None;
        }
        (0..self.tree.nodes.len()).find(|&n| is_h1(n))
    }

    /// The ranges of events the reading text is written from, in order: the headline,
    /// then the article.
    fn scopes(&self) -> Vec<std::ops::Range<usize>> {
        let range = |n: usize| self.events[n].0..self.events[n].1 + 1;
        let mut out: Vec<_> = self.headline.map(range).into_iter().collect();
        out.push(self.container.map_or(0..self.tree.events.len(), range));
        out
    }

    /// Writes the text of the events in `scope` that is not furniture.
    fn emit(&self, html: &str, scope: std::ops::Range<usize>, reading: &mut Reading) {
        let mut pre = 0usize;
        for event in &self.tree.events[scope] {
            match *event {
                Event::Open(n) | Event::Close(n) => {
                    let node = &self.tree.nodes[n];
                    let open = matches!(event, Event::Open(_));
                    let at = if open { node.span.start } else { node.span.end };
                    if node.name == "br" && self.chrome[n].is_none() {
                        reading.line(at);
                    } else if BLOCKS.contains(&node.name.as_str()) {
                        reading.block(at);
                    }
                    if node.name == "pre" && self.chrome[n].is_none() {
                        pre = if open { pre + 1 } else { pre.saturating_sub(1) };
                    }
                }
                Event::Text(r) => {
                    let run = &self.tree.runs[r];
                    if !self.is_chrome(run.node) {
                        reading.run(run.page.of(html), &run.text, run.page.start, pre > 0);
                    }
                }
            }
        }
    }

    /// What of the page is not in the reading text: each piece of furniture whole, and
    /// the text outside the article, a block at a time; in page order.
    fn removed(&self, scopes: &[std::ops::Range<usize>]) -> Vec<Removed> {
        let mut removed = self.furniture();
        removed.extend(self.outside(scopes));
        removed.sort_by_key(|r| (r.span.start, std::cmp::Reverse(r.span.end)));
        removed
    }

    /// Each outermost piece of furniture, with the text a reader would see in it.
    fn furniture(&self) -> Vec<Removed> {
        let tree = self.tree;
        let mut index: rustc_hash::FxHashMap<usize, usize> = Default::default();
        let mut found: Vec<(usize, DropReason, Vec<&str>)> = Vec::new();
        for (n, chrome) in self.chrome.iter().enumerate() {
            if let Some((owner, reason)) = *chrome
                && owner == n
            {
                index.insert(n, found.len());
                found.push((n, reason, Vec::new()));
            }
        }
        for run in &tree.runs {
            let Some(n) = run.node else { continue };
            if let Some((owner, _)) = self.chrome[n]
                && !tree.nodes[n].class.tag.is_some_and(invisible)
            {
                found[index[&owner]].2.push(&run.text);
            }
        }
        found
            .into_iter()
            .map(|(n, reason, texts)| Removed {
                span: tree.nodes[n].span,
                reason,
                text: if invisible(reason) {
                    String::new()
                } else {
                    reading::collapsed(texts.into_iter())
                },
            })
            .collect()
    }

    /// The text outside the article that is not furniture, a block at a time.
    fn outside(&self, scopes: &[std::ops::Range<usize>]) -> Vec<Removed> {
        let tree = self.tree;
        let mut out: Vec<(Span, Vec<&str>)> = Vec::new();
        // Whether something stood between the last text outside and the next.
        let mut apart = true;
        for (i, event) in tree.events.iter().enumerate() {
            let run = match *event {
                Event::Open(n) | Event::Close(n) => {
                    apart |= BLOCKS.contains(&tree.nodes[n].name.as_str());
                    continue;
                }
                Event::Text(r) => &tree.runs[r],
            };
            if self.is_chrome(run.node) || scopes.iter().any(|s| s.contains(&i)) {
                apart = true;
                continue;
            }
            if run.text.trim_matches(reading::is_space).is_empty() {
                continue;
            }
            match out.last_mut() {
                Some((span, texts)) if !apart => {
                    span.end = run.page.end;
                    texts.push(&run.text);
                }
                _ => out.push((run.page, vec![&run.text])),
            }
            apart = false;
        }
        out.into_iter()
            .map(|(span, texts)| Removed {
                span,
                reason: DropReason::OutsideArticle,
                text: reading::collapsed(texts.into_iter()),
            })
            .collect()
    }
}

/// Furniture whose text no reader sees.
fn invisible(reason: DropReason) -> bool {
    matches!(
        reason,
        DropReason::Script | DropReason::Style | DropReason::StructuredData
    )
}

/// For each element, the outermost element around it (itself included) that `own` calls
/// furniture, and why.
fn inherit(
    tree: &Tree,
    own: impl Fn(usize, &chrome::Class) -> Option<DropReason>,
) -> Vec<Option<(usize, DropReason)>> {
    let mut out: Vec<Option<(usize, DropReason)>> = Vec::with_capacity(tree.nodes.len());
    for (n, node) in tree.nodes.iter().enumerate() {
        // A parent comes before its children.
        let inherited = node.parent.and_then(|p| out[p]);
        out.push(inherited.or_else(|| own(n, &node.class).map(|reason| (n, reason))));
    }
    out
}

/// For each element, how much paragraph text it holds outside furniture, and the page's
/// total; a page without paragraphs counts all its text.
fn weights(tree: &Tree, chrome: &[Option<(usize, DropReason)>]) -> (Vec<usize>, usize) {
    let visible = |text: &str| text.bytes().filter(|b| !b.is_ascii_whitespace()).count();
    let mut paragraphs = vec![0; tree.nodes.len()];
    let mut all = vec![0; tree.nodes.len()];
    for run in &tree.runs {
        let Some(n) = run.node.filter(|&n| chrome[n].is_none()) else {
            continue;
        };
        let len = visible(&run.text);
        all[n] += len;
        let block = tree
            .ancestry(n)
            .take(BLOCK_REACH)
            .find(|&a| BLOCKS.contains(&tree.nodes[a].name.as_str()));
        if block.is_some_and(|b| PARAGRAPHS.contains(&tree.nodes[b].name.as_str())) {
            paragraphs[n] += len;
        }
    }
    for weights in [&mut paragraphs, &mut all] {
        for n in (0..tree.nodes.len()).rev() {
            if let Some(parent) = tree.nodes[n].parent {
                weights[parent] += weights[n];
            }
        }
    }
    let total = |weights: &[usize]| {
        (0..tree.nodes.len())
            .filter(|&n| tree.nodes[n].parent.is_none())
            .map(|n| weights[n])
            .sum::<usize>()
    };
    let paragraph_total = total(&paragraphs);
    if paragraph_total > 0 {
        (paragraphs, paragraph_total)
    } else {
        let all_total = total(&all);
        (all, all_total)
    }
}
