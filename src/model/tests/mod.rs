//! The model stage's tests: the model files under `tests/models/` and `tests/corpus/`, the
//! property tests, and no panic on any prefix of a model file. The helpers below are shared by
//! them, and the budget and the span check by the engine's property tests of the rule side:
//! budgets, and checks that diagnostics are well placed.

mod corpus;
mod models;
mod properties;
mod robustness;

use crate::model::{Model, ModelErrors};
use crate::Span;

/// Cases per property: the given budget, or `PROPTEST_CASES` for a long run.
pub(crate) fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default)
}

/// A proptest configuration with `cases(default)` cases and no regression files: inputs that
/// broke something go to `tests/corpus/` by hand, where a test replays them.
pub(crate) fn config(default: u32) -> proptest::test_runner::Config {
    proptest::test_runner::Config {
        cases: cases(default),
        failure_persistence: None,
        max_shrink_iters: 4_000,
        ..proptest::test_runner::Config::default()
    }
}

/// A span lies within the text and on character boundaries.
pub(crate) fn span_ok(span: Span, text: &str) -> Result<(), String> {
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

/// Every error of a model has well-placed spans and renders without panicking.
pub(super) fn errors_ok(errors: &ModelErrors) -> Result<(), String> {
    if errors.is_empty() {
        return Err("an empty list of errors".into());
    }
    let text = &errors.file().text;
    for e in errors.iter() {
        span_ok(e.span, text).map_err(|m| format!("{}: {m}", e.code()))?;
        for (span, _) in &e.notes {
            span_ok(*span, text).map_err(|m| format!("note of {}: {m}", e.code()))?;
        }
        let out = crate::render_diagnostic(e, false, 100);
        if out.is_empty() {
            return Err(format!("{} renders as nothing", e.code()));
        }
    }
    Ok(())
}

/// Every span of a resolved model is well placed.
pub(super) fn model_ok(model: &Model) -> Result<(), String> {
    let text = &model.source.text;
    for item in std::iter::once(&model.header).chain(&model.items) {
        span_ok(item.span, text)?;
        span_ok(item.id_span, text)?;
        for f in &item.fields {
            span_ok(f.span, text)?;
        }
    }
    Ok(())
}

/// The error codes of a result, sorted: what a file says is wrong, whatever its layout.
pub(super) fn codes(result: &Result<Model, ModelErrors>) -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = match result {
        Ok(_) => Vec::new(),
        Err(e) => e.iter().map(|e| e.code()).collect(),
    };
    codes.sort_unstable();
    codes
}
