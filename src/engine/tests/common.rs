//! Shared by the property tests (copied from `tests/common/mod.rs`, which unit tests cannot
//! reach): the budget of cases, and the check that a span is well placed.

use crate::base::span::Span;

/// Cases per property: the given budget, or `PROPTEST_CASES` for a long run.
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default)
}

/// A proptest configuration with `cases(default)` cases and no regression files: inputs that
/// broke something go to `tests/corpus/` by hand, where a test replays them.
pub fn config(default: u32) -> proptest::test_runner::Config {
    proptest::test_runner::Config {
        cases: cases(default),
        failure_persistence: None,
        max_shrink_iters: 4_000,
        ..proptest::test_runner::Config::default()
    }
}

/// A span lies within the text and on character boundaries.
pub fn span_ok(span: Span, text: &str) -> Result<(), String> {
    let (s, e) = (span.start as usize, span.end as usize);
    if s > e || e > text.len() {
        return Err(format!(
            "span {s}..{e} is outside a text of {} bytes",
            text.len()
        ));
    }
    if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
        return Err(format!("span {s}..{e} is not on character boundaries"));
    }
    Ok(())
}
