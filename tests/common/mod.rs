//! Shared by the test binaries that include it (`#[path = "../common/mod.rs"] mod common;`,
//! with `#[allow(dead_code)]` there, as no binary uses all of it): the property tests' budgets,
//! checks that diagnostics are well placed, and the command-line runner of the snapshots.

use rammelab::{Model, ModelErrors, Span};

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

/// Every error of a model has well-placed spans and renders without panicking.
pub fn errors_ok(errors: &ModelErrors) -> Result<(), String> {
    if errors.is_empty() {
        return Err("an empty list of errors".into());
    }
    let text = &errors.file().text;
    for e in errors.iter() {
        span_ok(e.span, text).map_err(|m| format!("{}: {m}", e.code()))?;
        for (span, _) in &e.notes {
            span_ok(*span, text).map_err(|m| format!("note of {}: {m}", e.code()))?;
        }
        let out = rammelab::render_diagnostic(e, false, 100);
        if out.is_empty() {
            return Err(format!("{} renders as nothing", e.code()));
        }
    }
    Ok(())
}

/// Every span of a resolved model is well placed.
pub fn model_ok(model: &Model) -> Result<(), String> {
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
pub fn codes(result: &Result<Model, ModelErrors>) -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = match result {
        Ok(_) => Vec::new(),
        Err(e) => e.iter().map(|e| e.code()).collect(),
    };
    codes.sort_unstable();
    codes
}

/// Runs the binary in `dir` with colours off, the default language and a fixed width: the exit
/// code, then standard output, then standard error, as the command-line snapshots show them.
pub fn run_in(dir: &std::path::Path, args: &[&str]) -> String {
    let out = assert_cmd::Command::cargo_bin("rammelab")
        .unwrap_or_else(|e| panic!("{e}"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("RAMMELAB_LANG")
        .env("COLUMNS", "100")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut text = format!("exit {}\n", out.status.code().unwrap_or(-1));
    text.push_str(&String::from_utf8_lossy(&out.stdout));
    if !out.stderr.is_empty() {
        text.push_str("--- stderr\n");
        text.push_str(&String::from_utf8_lossy(&out.stderr));
    }
    text
}
