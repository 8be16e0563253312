//! What is not part of a report, and why.

use super::span::Span;

/// Why a range of the input is not part of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DropReason {
    ByteOrderMark,
    Byline,
    Timestamp,
    Url,
    Advertisement,
    RelatedLink,
    ReadMore,
    SharePrompt,
    TemplateTag,
    Caption,
    PhotoCredit,
    SignOff,
    Copyright,
    Separator,
    /// The parts of a web page that are not its article.
    Head,
    Script,
    Style,
    StructuredData,
    Navigation,
    Breadcrumbs,
    CookieBanner,
    Newsletter,
    Comments,
    Aside,
    Footer,
    Form,
    Embed,
    Hidden,
    Widget,
    OutsideArticle,
}

impl DropReason {
    /// The short machine-readable name used in JSON and in `inspect`.
    pub fn as_str(self) -> &'static str {
        match self {
            DropReason::ByteOrderMark => "byte-order-mark",
            DropReason::Byline => "byline",
            DropReason::Timestamp => "timestamp",
            DropReason::Url => "url",
            DropReason::Advertisement => "advertisement",
            DropReason::RelatedLink => "related-link",
            DropReason::ReadMore => "read-more",
            DropReason::SharePrompt => "share-prompt",
            DropReason::TemplateTag => "template-tag",
            DropReason::Caption => "caption",
            DropReason::PhotoCredit => "photo-credit",
            DropReason::SignOff => "sign-off",
            DropReason::Copyright => "copyright",
            DropReason::Separator => "separator",
            DropReason::Head => "head",
            DropReason::Script => "script",
            DropReason::Style => "style",
            DropReason::StructuredData => "structured-data",
            DropReason::Navigation => "navigation",
            DropReason::Breadcrumbs => "breadcrumbs",
            DropReason::CookieBanner => "cookie-banner",
            DropReason::Newsletter => "newsletter",
            DropReason::Comments => "comments",
            DropReason::Aside => "aside",
            DropReason::Footer => "footer",
            DropReason::Form => "form",
            DropReason::Embed => "embed",
            DropReason::Hidden => "hidden",
            DropReason::Widget => "widget",
            DropReason::OutsideArticle => "outside-article",
        }
    }
}

/// A range of the input that is not part of the report, kept with its reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dropped {
    pub span: Span,
    pub reason: DropReason,
}
