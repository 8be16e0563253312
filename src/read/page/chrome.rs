//! Telling a page's furniture from its article, element by element: by tag (`<nav>`,
//! `<script>`, `<figcaption>`), by ARIA role, by being hidden, and by the words of its
//! class and id (`share-tools`, `cookieBanner`, `c-ad__slot`).
//!
//! The rules name kinds of furniture that news sites share, not particular sites.

use crate::model::DropReason;

/// What an element is, as far as reading the article goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Class {
    /// Not article text by what the element is: its tag or its role.
    pub tag: Option<DropReason>,
    /// Not article text by the words of its class or id; trusted unless the element
    /// turns out to hold the article itself (a wrapper called `page ad-enabled`).
    pub words: Option<DropReason>,
    /// Hidden from readers (`hidden`, `aria-hidden`, `display: none`).
    pub hidden: bool,
    /// Where a page says its article is.
    pub landmark: Option<Landmark>,
}

impl Class {
    /// Why the element is not article text, if it is not; `wrapper` says it holds the
    /// article, so that its class words do not count.
    pub fn reason(&self, wrapper: bool) -> Option<DropReason> {
        self.tag
            .or(self.words.filter(|_| !wrapper))
            .or(self.hidden.then_some(DropReason::Hidden))
    }
}

/// The elements a page marks its article with, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Landmark {
    /// `<article>`.
    Article,
    /// `itemprop="articleBody"`.
    ArticleBody,
    /// `<main>` or `role="main"`.
    Main,
}

/// The attributes whose words name what an element is: its class and id, and the names
/// front-end frameworks give their components.
const NAMING: &[&str] = &[
    "class",
    "id",
    "data-component",
    "data-testid",
    "data-test-id",
    "data-qa",
    "data-module",
    "data-gu-name",
];

/// Classifies an element by its tag `name` and its attributes (`attr("class")`).
pub(super) fn classify(name: &str, attr: &dyn Fn(&str) -> Option<String>) -> Class {
    let named: Vec<String> = NAMING.iter().filter_map(|key| attr(key)).collect();
    let words = class_words(named.iter().map(String::as_str));
    let role = attr("role").map(|r| r.to_ascii_lowercase());
    let landmark = match (name, role.as_deref()) {
        ("article", _) => Some(Landmark::Article),
        (_, Some("main")) | ("main", _) => Some(Landmark::Main),
        _ if attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("articlebody")) => {
            Some(Landmark::ArticleBody)
        }
        _ => None,
    };
    let hidden = attr("hidden").is_some()
        || attr("aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || attr("style").is_some_and(|s| hides(&s));
    let tag = by_tag(name, attr("type").as_deref()).or_else(|| role.as_deref().and_then(by_role));
    // A page's own frame is never furniture by its class: `<body class="ad-free">`.
    let framing = matches!(name, "html" | "body" | "main" | "article") || landmark.is_some();
    Class {
        tag: match tag {
            // An aside, a dialog: better named by its class if it has one.
            Some(DropReason::Aside) => by_words(&words).or(tag),
            _ => tag,
        },
        words: if framing { None } else { by_words(&words) },
        hidden,
        landmark,
    }
}

/// `display: none` or `visibility: hidden` in a style attribute.
fn hides(style: &str) -> bool {
    let style: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    style.contains("display:none") || style.contains("visibility:hidden")
}

fn by_tag(name: &str, kind: Option<&str>) -> Option<DropReason> {
    Some(match name {
        "head" | "title" => DropReason::Head,
        "script" if kind.is_some_and(|k| k.to_ascii_lowercase().contains("ld+json")) => {
            DropReason::StructuredData
        }
        "script" | "noscript" | "template" => DropReason::Script,
        "style" => DropReason::Style,
        "nav" => DropReason::Navigation,
        "footer" => DropReason::Footer,
        "aside" => DropReason::Aside,
        "figure" | "figcaption" => DropReason::Caption,
        "form" | "button" | "select" | "textarea" | "input" | "label" => DropReason::Form,
        "iframe" | "video" | "audio" | "canvas" | "svg" | "math" | "object" | "embed" => {
            DropReason::Embed
        }
        _ => return None,
    })
}

fn by_role(role: &str) -> Option<DropReason> {
    Some(match role {
        "navigation" | "banner" | "menu" | "menubar" => DropReason::Navigation,
        "contentinfo" => DropReason::Footer,
        "complementary" => DropReason::Aside,
        "search" | "form" => DropReason::Form,
        _ => return None,
    })
}

/// The words of an element's class and id (and component names), lower case:
/// `"c-share__tools shareBar"` gives `c`, `share`, `tools`, `share`, `bar`.
fn class_words<'a>(values: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut words = Vec::new();
    for value in values {
        let mut word = String::new();
        let mut previous_lower = false;
        for c in value.chars() {
            let boundary = !c.is_alphanumeric() || (c.is_uppercase() && previous_lower);
            if boundary && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            }
            previous_lower = c.is_lowercase() || c.is_ascii_digit();
        }
        if !word.is_empty() {
            words.push(word);
        }
    }
    words
}

/// Class words that name furniture, whole words only: "ad" is an advertisement, "head"
/// and "shadow" are not.
const WORDS: &[(DropReason, &[&str])] = &[
    (
        DropReason::CookieBanner,
        &[
            "cookie",
            "cookies",
            "consent",
            "gdpr",
            "cmp",
            "cmp2",
            "onetrust",
            "didomi",
            "truste",
            "usercentrics",
            "sourcepoint",
            "quantcast",
        ],
    ),
    (
        DropReason::Advertisement,
        &[
            "ad",
            "ads",
            "adslot",
            "adunit",
            "advert",
            "adverts",
            "advertisement",
            "advertising",
            "dfp",
            "gpt",
            "sponsor",
            "sponsored",
            "promo",
            "promoted",
            "outbrain",
            "taboola",
            "anzeige",
            "werbung",
            "publicite",
            "publicidad",
        ],
    ),
    // Before share prompts: an author box with share buttons is the byline.
    (DropReason::Byline, &["byline", "author", "authors"]),
    // Not "social" alone: an embedded social-media post is part of the report.
    (
        DropReason::SharePrompt,
        &[
            "share",
            "sharing",
            "sharebar",
            "sociallinks",
            "socialshare",
            "likes",
        ],
    ),
    (
        DropReason::Newsletter,
        &[
            "newsletter",
            "newsletters",
            "subscribe",
            "subscription",
            "signup",
            "paywall",
            "gateway",
            "contributions",
        ],
    ),
    (
        DropReason::RelatedLink,
        &[
            "related",
            "recommended",
            "recommendations",
            "trending",
            "popular",
            "mostread",
            "readmore",
            "morestories",
            "tags",
            "taglist",
            "submeta",
            "interstitial",
            "weiterlesen",
            "lireaussi",
        ],
    ),
    (
        DropReason::Comments,
        &["comment", "comments", "disqus", "discussion"],
    ),
    (DropReason::Breadcrumbs, &["breadcrumb", "breadcrumbs"]),
    (
        DropReason::Navigation,
        &[
            "nav",
            "navbar",
            "navigation",
            "menu",
            "masthead",
            "skip",
            "skiplink",
            "topbar",
            "kicker",
            "eyebrow",
        ],
    ),
    (DropReason::Footer, &["footer"]),
    // Not "rail": a page's layout is often a main column "with rail".
    (DropReason::Aside, &["sidebar"]),
    (DropReason::PhotoCredit, &["credit", "credits"]),
    (DropReason::Caption, &["caption", "figcaption", "cutline"]),
    (DropReason::SignOff, &["signoff"]),
    (
        DropReason::Embed,
        &[
            "video",
            "audio",
            "player",
            "graphic",
            "chart",
            "infographic",
        ],
    ),
    (DropReason::Form, &["feedback", "button", "btn"]),
    (
        DropReason::Widget,
        &[
            "badge", "counter", "viewers", "readers", "ticker", "weather",
        ],
    ),
    (
        DropReason::Hidden,
        &["hidden", "sronly", "visuallyhidden", "screenreader"],
    ),
];

/// Pairs of neighbouring words that name furniture together ("most read", "sign up").
const PAIRS: &[(DropReason, &str, &str)] = &[
    (DropReason::RelatedLink, "most", "read"),
    (DropReason::RelatedLink, "more", "stories"),
    (DropReason::RelatedLink, "read", "more"),
    (DropReason::Newsletter, "sign", "up"),
    (DropReason::Hidden, "sr", "only"),
    (DropReason::Hidden, "visually", "hidden"),
    (DropReason::Hidden, "screen", "reader"),
    (DropReason::Navigation, "site", "header"),
    (DropReason::SignOff, "sign", "off"),
    (DropReason::RelatedLink, "tag", "list"),
    (DropReason::RelatedLink, "lire", "aussi"),
    (DropReason::RelatedLink, "leggi", "anche"),
    (DropReason::RelatedLink, "mehr", "zum"),
    (DropReason::RelatedLink, "topic", "list"),
    (DropReason::RelatedLink, "top", "stories"),
    (DropReason::RelatedLink, "more", "on"),
    (DropReason::RelatedLink, "read", "next"),
    (DropReason::RelatedLink, "rich", "link"),
    (DropReason::RelatedLink, "cat", "links"),
    (DropReason::Newsletter, "inline", "message"),
    (DropReason::SharePrompt, "social", "links"),
    (DropReason::SharePrompt, "social", "icons"),
    (DropReason::SharePrompt, "social", "buttons"),
    (DropReason::SharePrompt, "follow", "us"),
    (DropReason::Footer, "site", "footer"),
];

/// Stems distinctive enough to name furniture inside a longer word ("bbccookies",
/// "jp-relatedposts").
const STEMS: &[(DropReason, &str)] = &[
    (DropReason::CookieBanner, "cookie"),
    (DropReason::CookieBanner, "consent"),
    (DropReason::Newsletter, "newsletter"),
    (DropReason::Breadcrumbs, "breadcrumb"),
    (DropReason::Advertisement, "advert"),
    (DropReason::RelatedLink, "relatedpost"),
    (DropReason::RelatedLink, "relatedstor"),
    (DropReason::RelatedLink, "relatedarticle"),
    (DropReason::RelatedLink, "relatedcontent"),
    (DropReason::RelatedLink, "relatedlink"),
    (DropReason::RelatedLink, "mostpopular"),
    (DropReason::RelatedLink, "mostviewed"),
    (DropReason::SharePrompt, "sharebutton"),
    (DropReason::SharePrompt, "sharetool"),
    (DropReason::SharePrompt, "socialshare"),
];

fn by_words(words: &[String]) -> Option<DropReason> {
    for (reason, names) in WORDS {
        if words.iter().any(|w| names.contains(&w.as_str())) {
            return Some(*reason);
        }
    }
    for (reason, stem) in STEMS {
        if words.iter().any(|w| w.contains(stem)) {
            return Some(*reason);
        }
    }
    PAIRS.iter().find_map(|(reason, a, b)| {
        words
            .windows(2)
            .any(|w| w[0] == *a && w[1] == *b)
            .then_some(*reason)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(name: &str, attrs: &[(&str, &str)]) -> Class {
        let attr = |key: &str| {
            attrs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
        };
        classify(name, &attr)
    }

    #[test]
    fn class_words_split_at_any_punctuation_and_case_change() {
        assert_eq!(
            class_words(["c-share__tools shareBar", "ad_slot2"].into_iter()),
            ["c", "share", "tools", "share", "bar", "ad", "slot2"]
        );
    }

    #[test]
    fn furniture_is_known_by_tag_role_and_class() {
        assert_eq!(class("nav", &[]).tag, Some(DropReason::Navigation));
        assert_eq!(
            class("script", &[("type", "application/ld+json")]).tag,
            Some(DropReason::StructuredData)
        );
        assert_eq!(
            class("div", &[("role", "contentinfo")]).tag,
            Some(DropReason::Footer)
        );
        assert_eq!(
            class("div", &[("class", "cookie-consent")]).words,
            Some(DropReason::CookieBanner)
        );
        assert_eq!(
            class("div", &[("class", "article-body__ad-slot")]).words,
            Some(DropReason::Advertisement)
        );
        assert_eq!(
            class("div", &[("data-component", "most-popular")]).words,
            Some(DropReason::RelatedLink)
        );
        assert_eq!(
            class("div", &[("id", "bbccookies")]).words,
            Some(DropReason::CookieBanner)
        );
        assert_eq!(
            class("p", &[("data-testid", "SignOffLine")]).words,
            Some(DropReason::SignOff)
        );
        assert_eq!(
            class("div", &[("data-qa", "kicker")]).words,
            Some(DropReason::Navigation)
        );
        assert_eq!(
            class("section", &[("class", "catcher lire-aussi")]).words,
            Some(DropReason::RelatedLink)
        );
        assert_eq!(
            class("div", &[("class", "author-share")]).words,
            Some(DropReason::Byline)
        );
        assert_eq!(
            class("aside", &[("class", "related-stories")]).tag,
            Some(DropReason::RelatedLink)
        );
        assert_eq!(
            class("div", &[("style", "display: none")]).reason(false),
            Some(DropReason::Hidden)
        );
        // Hidden and named: the name says more.
        assert_eq!(
            class("div", &[("class", "ad-slot"), ("aria-hidden", "true")]).reason(false),
            Some(DropReason::Advertisement)
        );
    }

    #[test]
    fn words_inside_other_words_are_not_furniture() {
        for c in [
            "header",
            "shadow",
            "load",
            "thread",
            "commentary",
            "shared-layout",
        ] {
            assert_eq!(class("div", &[("class", c)]).words, None, "{c}");
        }
    }

    #[test]
    fn the_page_frame_is_never_furniture_by_its_class() {
        let article = class("article", &[("class", "story has-ads")]);
        assert_eq!(article.words, None);
        assert_eq!(article.landmark, Some(Landmark::Article));
        assert_eq!(
            class("div", &[("itemprop", "articleBody"), ("class", "ad-wrap")]).words,
            None
        );
    }
}
