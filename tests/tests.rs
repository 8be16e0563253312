//! Integration tests. New tests go in the module that matches what they check:
//! - `browser`: the HTML report in headless Chromium (filters, order, review, reload);
//! - `cli`: the real binary's behaviour (exit codes, errors, stdin, labels, width, colour);
//! - `snapshots`: every output format on every fixture pair, reviewed with `cargo insta review`;
//! - `pages`: saved web pages as input (reading, furniture, offsets, bad pages);
//! - `properties`: invariants over arbitrary input, through the library's public API;
//! - `structure`: the layout of `src/` (imports down the pipeline, no circles, sizes).

mod browser;
mod cli;
mod pages;
mod properties;
mod snapshots;
mod structure;
mod util;
