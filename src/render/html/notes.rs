//! What a row's notes hold beyond its conflicts: why the two sides were paired
//! (`--explain`) and the fields a reviewer ticks and writes in.

use maud::{Markup, html};

use crate::model::{Alignment, Equivalence};
use crate::render::rows::Why;

/// Why two sides were paired: the learned model's probability and each measurement's
/// part in it, largest first.
pub(super) fn explanation(a: &Alignment, model: Equivalence) -> Markup {
    let why = Why::of(a, model);
    html! {
        details.explain {
            summary {
                "Why: p = " (format!("{:.3}", why.probability)) " that this is one fact with nothing added (from "
                (format!("{:.3}", why.threshold)) " it is)"
                @if let Some(overruled) = why.overruled { ", " (overruled) }
            }
            table {
                thead { tr { th scope="col" { "evidence" } th scope="col" { "value" } th scope="col" { "contribution" } } }
                tbody {
                    @for e in &why.evidence {
                        tr {
                            td { (e.name) }
                            td.num { (crate::render::rows::short(e.value)) }
                            td.num class=(if e.contribution >= 0.0 { "for" } else { "against" }) {
                                (format!("{:+.2}", e.contribution))
                            }
                        }
                    }
                }
            }
        }
    }
}

pub(super) fn review_fields(id: &str, title: &str) -> Markup {
    html! {
        div.review.js-only data-item=(id) data-title=(title) {
            label { input type="checkbox" data-review=(id); " checked" }
            label.note { "Note " textarea data-note=(id) rows="1" {} }
        }
    }
}
