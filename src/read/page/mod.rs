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
/// declaration of an XHTML page; or it opens with an element a page's body is made of
/// (`<div>`, `<p>`, `<article>` …) and is markup from there on, as a page's fragment is.
pub fn is_page(text: &str) -> bool {
    is_whole_page(text) || is_fragment(text)
}

/// Elements a page fragment may open with.
const FRAGMENT_OPENERS: &[&str] = &[
    "div", "p", "article", "section", "main", "header", "nav", "span", "table", "ul", "h1", "h2",
    "meta", "link", "script", "style", "title",
];
/// How much of a text is looked at to tell a fragment of markup.
const FRAGMENT_SAMPLE: usize = 4096;
/// How many tags that sample must hold.
const FRAGMENT_TAGS: usize = 3;

/// A text that opens with one of [`FRAGMENT_OPENERS`] and holds some tags near its start.
fn is_fragment(text: &str) -> bool {
    let rest = text.trim_start_matches('\u{feff}').trim_start();
    let Some(after) = rest.strip_prefix('<') else {
        return false;
    };
    let name_len = after
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(after.len());
    let name = after[..name_len].to_ascii_lowercase();
    if !FRAGMENT_OPENERS.contains(&name.as_str())
        || !after[name_len..].starts_with(['>', ' ', '\n', '\t', '/'])
    {
        return false;
    }
    let sample = &rest[..rest.floor_char_boundary(FRAGMENT_SAMPLE.min(rest.len()))];
    sample
        .match_indices('<')
        .filter(|(i, _)| sample[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/'))
        .count()
        >= FRAGMENT_TAGS
}

fn is_whole_page(text: &str) -> bool {
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
    for (i, scope) in scopes.iter().enumerate() {
        // The headline, read apart, is only left out for what it is, not its class.
        let furniture = if i == 0 && layout.headline.is_some() {
            &layout.by_tag
        } else {
            &layout.chrome
        };
        layout.emit(&html, scope.clone(), furniture, &mut reading);
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
    let mut removed = layout.removed(&scopes);
    if html.starts_with('\u{feff}') {
        let bom = Span::new(0, '\u{feff}'.len_utf8());
        removed.insert(
            0,
            Removed {
                span: bom,
                reason: DropReason::ByteOrderMark,
                text: String::new(),
            },
        );
    }
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
        recoded: None,
    };
    Some((reading.text, page))
}

/// How far up a run's block is looked for.
const BLOCK_REACH: usize = 16;

/// The share of the page's paragraph text an element the page calls its article must hold.
const LANDMARK_SHARE: f64 = 0.4;
/// Named elements holding at least this share of the heaviest one's text are parts of one
/// article (a live blog's updates); lighter ones are teasers.
const COMPARABLE_SHARE: f64 = 0.25;
/// How many named elements are looked at.
const MAX_NAMED: usize = 10_000;
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
    /// The same, by tag and role only: what is furniture whatever its class says.
    by_tag: Vec<Option<(usize, DropReason)>>,
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
        let links = link_lists(tree, &by_tag);
        let chrome = inherit(tree, |node, class| {
            class
                .reason(first[node] as f64 > WRAPPER_SHARE * total as f64)
                .or(links[node].then_some(DropReason::RelatedLink))
        });
        let mut layout = Layout {
            tree,
            chrome,
            by_tag,
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
    ///
    /// A page may name several: a live blog's updates, each an `<article>`. Those of
    /// comparable weight are one article, held by the element around them all, or by
    /// the page's main content around that.
    fn container(&self, weights: &[usize], total: usize) -> Option<usize> {
        let nodes = &self.tree.nodes;
        'kinds: for kind in [Landmark::Article, Landmark::ArticleBody, Landmark::Main] {
            let named: Vec<usize> = (0..nodes.len())
                .filter(|&n| nodes[n].class.landmark == Some(kind) && self.chrome[n].is_none())
                .collect();
            let Some(&best) = named
                .iter()
                .max_by_key(|&&n| (weights[n], std::cmp::Reverse(n)))
            else {
                continue;
            };
            let mut around = best;
            for &n in named.iter().take(MAX_NAMED) {
                if (weights[n] as f64) < COMPARABLE_SHARE * weights[best] as f64 {
                    continue;
                }
                while !(around..=self.last[around]).contains(&n) {
                    match nodes[around].parent {
                        Some(parent) => around = parent,
                        // In two trees (markup after `</html>`): nothing holds them both.
                        None => continue 'kinds,
                    }
                }
            }
            if around != best {
                // A series (a live blog's updates): what the page puts before it (a
                // summary, key points) belongs with it, up to the page's main content.
                let main = self
                    .tree
                    .ancestry(around)
                    .find(|&a| nodes[a].class.landmark == Some(Landmark::Main))
                    .filter(|&m| self.chrome[m].is_none());
                around = main.unwrap_or(around);
            }
            if weights[around] > 0 && weights[around] as f64 >= LANDMARK_SHARE * total as f64 {
                return Some(around);
            }
        }
        // Each element's children, as a first child and the next sibling.
        let none = usize::MAX;
        let (mut first, mut next) = (vec![none; nodes.len() + 1], vec![none; nodes.len()]);
        for (n, node) in nodes.iter().enumerate().rev() {
            let parent = node.parent.unwrap_or(nodes.len());
            next[n] = first[parent];
            first[parent] = n;
        }
        let mut current = None;
        loop {
            let here = current.unwrap_or(nodes.len());
            let children = std::iter::successors(Some(first[here]).filter(|&c| c != none), |&c| {
                Some(next[c]).filter(|&n| n != none)
            });
            let Some(best) = children.max_by_key(|&c| weights[c]) else {
                return current;
            };
            if total == 0 || (weights[best] as f64) < DESCENT_SHARE * total as f64 {
                return current;
            }
            current = Some(best);
        }
    }

    /// The first `<h1>` that is not furniture, if the article's element does not hold one;
    /// a headline in a box named like furniture (a "top rail") is still the headline.
    /// A page without one may set its headline as an `<h2>`: the one the page's title
    /// (`og:title`, `<title>`) begins with.
    fn headline(&self) -> Option<usize> {
        let container = self.container?;
        let named = |n: usize, name: &str| self.tree.name(n) == name;
        if (container..=self.last[container]).any(|n| named(n, "h1") && self.chrome[n].is_none()) {
            return None;
        }
        let outside = |n: usize| !(container..=self.last[container]).contains(&n);
        let nodes = 0..self.tree.nodes.len();
        nodes
            .clone()
            .find(|&n| named(n, "h1") && self.by_tag[n].is_none())
            .or_else(|| {
                let title = self.title()?;
                nodes.clone().find(|&n| {
                    named(n, "h2")
                        && self.by_tag[n].is_none()
                        && outside(n)
                        && same_title(&self.text_of(n), &title)
                })
            })
    }

    /// The page's title: `og:title`, else the `<title>` element's text.
    fn title(&self) -> Option<String> {
        let meta = self
            .tree
            .meta
            .iter()
            .find(|m| m.key == "og:title" || m.key == "twitter:title")
            .map(|m| m.content.clone());
        meta.or_else(|| {
            let title = (0..self.tree.nodes.len()).find(|&n| self.tree.name(n) == "title")?;
            Some(self.text_of(title))
        })
    }

    /// The text an element shows, white space collapsed.
    fn text_of(&self, node: usize) -> String {
        let (open, close) = self.events[node];
        let runs = self.tree.events[open..=close]
            .iter()
            .filter_map(|e| match *e {
                Event::Text(r) => Some(self.tree.runs[r].text.as_str()),
                _ => None,
            });
        reading::collapsed(runs)
    }

    /// The ranges of events the reading text is written from, in order: the headline,
    /// then the article.
    fn scopes(&self) -> Vec<std::ops::Range<usize>> {
        let range = |n: usize| self.events[n].0..self.events[n].1 + 1;
        let mut out: Vec<_> = self.headline.map(range).into_iter().collect();
        out.push(self.container.map_or(0..self.tree.events.len(), range));
        out
    }

    /// Writes the text of the events in `scope` that is not `furniture`.
    fn emit(
        &self,
        html: &str,
        scope: std::ops::Range<usize>,
        furniture: &[Option<(usize, DropReason)>],
        reading: &mut Reading,
    ) {
        let mut pre = 0usize;
        for event in &self.tree.events[scope] {
            match *event {
                Event::Open(n) | Event::Close(n) => {
                    let node = &self.tree.nodes[n];
                    let kind = self.tree.kind(n);
                    let open = matches!(event, Event::Open(_));
                    let at = if open { node.span.start } else { node.span.end };
                    if kind.line_break && furniture[n].is_none() {
                        reading.line(at);
                    } else if kind.block {
                        reading.block(at);
                    }
                    if kind.preformatted && furniture[n].is_none() {
                        pre = if open { pre + 1 } else { pre.saturating_sub(1) };
                    }
                }
                Event::Text(r) => {
                    let run = &self.tree.runs[r];
                    if run.node.is_none_or(|n| furniture[n].is_none()) {
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
            if let Some((owner, reason)) = self.chrome[n]
                && !tree.nodes[n].class.tag.is_some_and(invisible)
                // A byline's date is not its byline.
                && !(reason == DropReason::Byline && tree.name(n) == "time")
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
                    apart |= tree.kind(n).block;
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

/// The fewest letters a heading and a title must share to be one headline.
const TITLE_MATCH: usize = 20;

/// Whether a heading is the page's title, or the title begins with it ("Headline |
/// Outlet"), letters and digits compared without case.
fn same_title(heading: &str, title: &str) -> bool {
    let key = |text: &str| -> String {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (heading, title) = (key(heading), key(title));
    heading.len() >= TITLE_MATCH && (title.starts_with(&heading) || heading.starts_with(&title))
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

/// The least share of a list's text that must be link text for it to be a list of links.
const LINK_LIST_SHARE: f64 = 0.9;

/// For each element, whether it is a list of links (stories, topics, tags): a `<ul>` or
/// `<ol>` of at least two items whose text is nearly all in links.
fn link_lists(tree: &Tree, furniture: &[Option<(usize, DropReason)>]) -> Vec<bool> {
    let n = tree.nodes.len();
    let (mut linked, mut all) = (vec![0usize; n], vec![0usize; n]);
    for run in &tree.runs {
        let Some(node) = run.node.filter(|&node| furniture[node].is_none()) else {
            continue;
        };
        let len = run
            .text
            .bytes()
            .filter(|b| !b.is_ascii_whitespace())
            .count();
        all[node] += len;
        if tree
            .ancestry(node)
            .take(BLOCK_REACH)
            .any(|a| tree.name(a) == "a")
        {
            linked[node] += len;
        }
    }
    let mut items = vec![0usize; n];
    for node in (0..n).rev() {
        if let Some(parent) = tree.nodes[node].parent {
            linked[parent] += linked[node];
            all[parent] += all[node];
            items[parent] += usize::from(tree.name(node) == "li");
        }
    }
    (0..n)
        .map(|node| {
            matches!(tree.name(node), "ul" | "ol")
                && items[node] >= 2
                && all[node] > 0
                && linked[node] as f64 >= LINK_LIST_SHARE * all[node] as f64
        })
        .collect()
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
            .find(|&a| tree.kind(a).block);
        if block.is_some_and(|b| tree.kind(b).paragraph) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(html: &str) -> String {
        read(html.to_string())
            .map(|(text, _)| text)
            .unwrap_or_default()
    }

    fn reasons(html: &str) -> Vec<(&'static str, String)> {
        let (_, page) = read(html.to_string()).expect("an article");
        page.removed
            .iter()
            .map(|r| (r.reason.as_str(), r.text.clone()))
            .collect()
    }

    #[test]
    fn pages_are_known_by_how_they_open() {
        for page in [
            "<!DOCTYPE html><p>x",
            "\u{feff}  <!doctype HTML>",
            "<html lang=en>",
            "<!-- saved from url=(0014)about:internet -->\n<html>",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\">",
            "<body><p>x</p></body>",
        ] {
            assert!(is_page(page), "{page:?}");
        }
        assert!(is_page("<div class=a><p>One</p></div>"));
        assert!(is_page(&"<div>".repeat(10)));
        for text in [
            "The <b> tag is bold.",
            "<p> is a paragraph",
            "<b>Rain</b> fell.",
            "<div> and <p> are tags",
            "Rain fell.",
            "",
        ] {
            assert!(!is_page(text), "{text:?}");
        }
    }

    #[test]
    fn the_article_is_the_element_the_page_names() {
        let html = "<html><body><nav><a>Home</a></nav>\
            <div class=teasers><p>A teaser about something else entirely here.</p></div>\
            <article><h1>Dam breaks</h1><p>The dam broke on Monday, officials said.</p>\
            <p>Nine people were hurt.</p></article>\
            <footer>© Gazette</footer></body></html>";
        assert_eq!(
            reading(html),
            "Dam breaks\n\nThe dam broke on Monday, officials said.\n\nNine people were hurt."
        );
        let removed = reasons(html);
        assert!(removed.contains(&("navigation", "Home".into())));
        assert!(removed.contains(&(
            "outside-article",
            "A teaser about something else entirely here.".into()
        )));
        assert!(removed.contains(&("footer", "© Gazette".into())));
    }

    #[test]
    fn without_a_named_article_the_paragraphs_show_where_it_is() {
        let html = "<body><div id=top><a>Menu</a></div><div class=x>\
            <div class=y><p>First paragraph of the story, long enough to count.</p>\
            <p>Second paragraph of the story, also long enough.</p></div>\
            <div class=z><p>Short.</p></div></div></body>";
        assert_eq!(
            reading(html),
            "First paragraph of the story, long enough to count.\n\n\
             Second paragraph of the story, also long enough."
        );
    }

    #[test]
    fn a_headline_outside_the_article_comes_first() {
        let html = "<header><h1>Storm closes port</h1></header>\
            <div itemprop=articleBody><p>The port closed at noon.</p></div>";
        assert_eq!(
            reading(html),
            "Storm closes port\n\nThe port closed at noon."
        );
    }

    #[test]
    fn a_headline_set_as_h2_is_found_by_the_page_title() {
        let html = "<head><title>Cottage sinks into old lead mine | Courier</title></head>\
            <body><div id=top><h2>Cottage sinks into old lead mine</h2><h2>More news</h2></div>\
            <div itemprop=articleBody><p>The cottage began to sink in May.</p></div></body>";
        assert_eq!(
            reading(html),
            "Cottage sinks into old lead mine\n\nThe cottage began to sink in May."
        );
        assert!(same_title(
            "Cottage sinks: old mine swallows garden",
            "cottage sinks old mine swallows garden - Courier"
        ));
        assert!(!same_title("More news", "More news today | Courier"));
    }

    #[test]
    fn furniture_inside_the_article_is_set_aside_with_its_reason() {
        let html = r#"<article><h1>Fire</h1>
            <div class="share-tools"><button>Share</button></div>
            <figure><img src=a.jpg><figcaption>Smoke at dawn <span class=credit>Photo: Ann Lee/AP</span></figcaption></figure>
            <p>The fire started at 6am.<span class="sr-only">(opens in new tab)</span></p>
            <div class="ad-slot">Advertisement</div>
            <aside class="newsletter-signup"><form>Sign up</form></aside>
            <p>Crews were there by 7am.</p></article>"#;
        assert_eq!(
            reading(html),
            "Fire\n\nThe fire started at 6am.\n\nCrews were there by 7am."
        );
        let removed: Vec<&str> = reasons(html).iter().map(|(r, _)| *r).collect();
        assert_eq!(
            removed,
            [
                "share-prompt",
                "caption",
                "hidden",
                "advertisement",
                "newsletter"
            ]
        );
    }

    #[test]
    fn a_wrapper_named_like_furniture_still_holds_the_article() {
        let html = "<div class='page ad-enabled'><p>The only story on the page, and a long one.</p>\
            <p>Its second paragraph.</p></div>";
        assert_eq!(
            reading(html),
            "The only story on the page, and a long one.\n\nIts second paragraph."
        );
    }

    #[test]
    fn a_live_blog_keeps_every_update_in_order() {
        let html = "<main><h1>Storm live</h1><div class=feed>\
            <article><time datetime='2026-01-02T09:00'>09:00</time><p>Winds reach 90mph.</p></article>\
            <article><time>08:00</time><p>Schools close across the region.</p></article>\
            </div><aside><h2>Most read</h2></aside></main>";
        assert_eq!(
            reading(html),
            "Storm live\n\n09:00\n\nWinds reach 90mph.\n\n08:00\n\nSchools close across the region."
        );
        let (_, page) = read(html.to_string()).unwrap();
        assert_eq!(page.published, jiff::civil::Date::new(2026, 1, 2).ok());
    }

    #[test]
    fn a_byte_order_mark_is_set_aside() {
        let (text, page) = read("\u{feff}<!DOCTYPE html><p>Rain fell.</p>".into()).unwrap();
        assert_eq!(text, "Rain fell.");
        assert_eq!(page.removed[0].reason, DropReason::ByteOrderMark);
        assert_eq!(page.removed.len(), 1);
    }

    #[test]
    fn a_page_without_article_text_has_none() {
        assert!(
            read("<html><head><title>T</title><script>x()</script></head><body><nav>Home</nav></body>".into())
                .is_none()
        );
        assert!(read("<!DOCTYPE html>".into()).is_none());
    }

    #[test]
    fn every_visible_character_is_read_or_set_aside() {
        let html = "<html><head><title>T</title></head><body><nav>Home</nav><p>One &amp; two.</p>\
            <div>Loose text</div><footer>Foot</footer></body></html>";
        let (text, page) = read(html.to_string()).unwrap();
        let tree = tree::parse(html);
        for run in tree.runs.iter().filter(|r| !r.text.trim().is_empty()) {
            let read = (0..text.len()).any(|i| {
                let at = page.map.page_span(Span::new(i, i + 1));
                at.start <= run.page.start && run.page.start < at.end.max(at.start + 1)
            });
            let removed = page
                .removed
                .iter()
                .any(|r| r.span.start <= run.page.start && run.page.end <= r.span.end);
            assert!(read || removed, "{:?}", run.text);
        }
    }
}
