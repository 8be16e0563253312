//! A page's metadata: when it was published and who wrote it, from its `<meta>` tags, its
//! JSON-LD and its `<time>` elements.

use jiff::civil::Date;
use serde_json::Value;

use super::tree::Tree;
use crate::model::{DropReason, Removed, Span};

/// Meta names that hold the publication time, best first.
const PUBLISHED: &[&str] = &[
    "article:published_time",
    "datepublished",
    "og:published_time",
    "publication_date",
    "pubdate",
    "date",
    "dc.date",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
];

/// Meta names that hold the author's name.
const AUTHOR: &[&str] = &[
    "author",
    "article:author",
    "byl",
    "parsely-author",
    "dc.creator",
];

/// How deep a JSON-LD object is searched.
const JSON_DEPTH: usize = 8;

/// The day the page was published: from its metadata, else from its structured data,
/// else from the first `<time datetime>` inside `article` (a node range), if any.
pub(super) fn published(
    tree: &Tree,
    json: &[(Span, Value)],
    article: Option<std::ops::RangeInclusive<usize>>,
) -> Option<Date> {
    let meta = PUBLISHED.iter().find_map(|key| {
        tree.meta
            .iter()
            .filter(|m| m.key == *key)
            .find_map(|m| day(&m.content))
    });
    meta.or_else(|| {
        json.iter()
            .find_map(|(_, v)| find(v, "datePublished", JSON_DEPTH))
            .and_then(|v| v.as_str().and_then(day))
    })
    .or_else(|| {
        let article = article?;
        tree.times
            .iter()
            .filter(|(node, _)| article.contains(node))
            .find_map(|(_, datetime)| day(datetime))
    })
}

/// Who wrote the page, by its metadata or structured data, as a removed item at the tag.
pub(super) fn author(tree: &Tree, json: &[(Span, Value)]) -> Option<Removed> {
    let meta = AUTHOR.iter().find_map(|key| {
        tree.meta
            .iter()
            .find(|m| m.key == *key && is_name(&m.content))
            .map(|m| (m.span, m.content.trim().to_string()))
    });
    let (span, text) = meta.or_else(|| {
        json.iter().find_map(|(span, v)| {
            let name = names(find(v, "author", JSON_DEPTH)?).join(", ");
            (!name.is_empty()).then_some((*span, name))
        })
    })?;
    Some(Removed {
        span,
        reason: DropReason::Byline,
        text,
    })
}

/// An author meta may hold a web address instead of a name.
fn is_name(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty() && !text.contains("://") && !text.starts_with('/')
}

/// The names of a JSON-LD author: a string, a person or a list of them.
fn names(author: &Value) -> Vec<String> {
    match author {
        Value::String(name) if is_name(name) => vec![name.trim().to_string()],
        Value::Object(person) => person
            .get("name")
            .and_then(Value::as_str)
            .filter(|n| is_name(n))
            .map(|n| vec![n.trim().to_string()])
            .unwrap_or_default(),
        Value::Array(list) => list.iter().flat_map(names).collect(),
        _ => Vec::new(),
    }
}

/// The first value under `key` in `value`, looked for breadth first.
fn find<'a>(value: &'a Value, key: &str, depth: usize) -> Option<&'a Value> {
    if depth == 0 {
        return None;
    }
    match value {
        Value::Object(map) => map
            .get(key)
            .or_else(|| map.values().find_map(|v| find(v, key, depth - 1))),
        Value::Array(list) => list.iter().find_map(|v| find(v, key, depth - 1)),
        _ => None,
    }
}

/// The date an ISO time opens with: "2026-03-14T08:05:00Z" is 2026-03-14.
fn day(text: &str) -> Option<Date> {
    let text = text.trim();
    let head = text.get(..10)?;
    let mut parts = head.split('-');
    let year: i16 = parts.next()?.parse().ok()?;
    let month: i8 = parts.next()?.parse().ok()?;
    let day: i8 = parts.next()?.parse().ok()?;
    if head.len() != 10 {
        return None;
    }
    Date::new(year, month, day).ok()
}

/// The JSON-LD blocks of a page, parsed, with where each stands; those that do not parse
/// are skipped.
pub(super) fn structured_data(tree: &Tree) -> Vec<(Span, Value)> {
    let mut out = Vec::new();
    for (node, n) in tree.nodes.iter().enumerate() {
        if n.class.tag != Some(DropReason::StructuredData) {
            continue;
        }
        let text: String = tree
            .runs
            .iter()
            .filter(|r| r.node == Some(node))
            .map(|r| r.text.as_str())
            .collect();
        if let Ok(value) = serde_json::from_str(&text) {
            out.push((n.span, value));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tree::parse;
    use super::*;

    #[test]
    fn the_publication_day_comes_from_meta_then_json_then_time() {
        let page = r#"<meta name="date" content="2026-03-15"><meta property="article:published_time" content="2026-03-14T08:05:00Z">"#;
        let tree = parse(page);
        assert_eq!(published(&tree, &[], None), Date::new(2026, 3, 14).ok());
        let page = r#"<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2026-02-01T10:00:00+01:00"}]}</script>"#;
        let tree = parse(page);
        let json = structured_data(&tree);
        assert_eq!(published(&tree, &json, None), Date::new(2026, 2, 1).ok());
        let tree = parse(r#"<article><time datetime="2026-01-09T07:00">7am</time></article>"#);
        assert_eq!(
            published(&tree, &[], Some(0..=1)),
            Date::new(2026, 1, 9).ok()
        );
        assert_eq!(published(&tree, &[], None), None);
    }

    #[test]
    fn the_author_is_a_name_not_an_address() {
        let tree = parse(
            r#"<meta name="author" content="https://example.org/ann"><script type="application/ld+json">{"author":[{"@type":"Person","name":"Ann Example"},{"name":"Bo Park"}]}</script>"#,
        );
        let json = structured_data(&tree);
        assert_eq!(author(&tree, &json).unwrap().text, "Ann Example, Bo Park");
        let page = r#"<meta name="author" content=" Ann Example ">"#;
        let found = author(&parse(page), &[]).unwrap();
        assert_eq!(found.text, "Ann Example");
        assert_eq!(found.span, Span::new(0, page.len()));
    }

    #[test]
    fn days_are_read_from_iso_times_only() {
        assert_eq!(day("2026-03-14T08:05:00Z"), Date::new(2026, 3, 14).ok());
        assert_eq!(day("14 March 2026"), None);
        assert_eq!(day("2026-02-30"), None);
    }
}
