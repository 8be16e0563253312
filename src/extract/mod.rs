//! What a checker cares about in each report: direct quotations and who said them, and the
//! facts of each sentence: numbers, dates and times, and names.

pub mod dates;
pub mod facts;
pub mod names;
pub mod numbers;
pub mod quotes;
