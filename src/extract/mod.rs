//! What a checker cares about in each report: direct quotations and who said them, and the
//! names they rest on. Numbers and dates come with the facts stage.

pub mod names;
pub mod quotes;
