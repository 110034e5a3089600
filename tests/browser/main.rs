//! Pages in a real browser: headless Chromium (`chromium`, the harness) opens the HTML report
//! and drives the studio. The tests are ignored by a plain `cargo test`; `.ci/run` installs
//! Chromium and runs them (`cargo test --test browser -- --include-ignored`).

mod chromium;
#[allow(dead_code)]
#[path = "../studio_support/mod.rs"]
mod studio_support;

mod report;
mod studio;
