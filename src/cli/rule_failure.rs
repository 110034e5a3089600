//! The document `check --format json` and `--format sarif` print when the rule packs fail to
//! load: a CI tool that reads standard output always gets a parseable answer, valid against
//! the same schema as a report, with no models checked and the rule-pack errors in it (for
//! people they are also rendered on standard error, as before).

use std::path::Path;
use std::sync::Arc;

use serde_json::{json, Value};

use crate::render::check as formats;
use crate::rules::{RuleError, RuleErrors, RuleSet};
use crate::view::{self, CheckReport};
use crate::vocab::{Lang, Vocabulary};

/// The check report of a run whose rule packs did not load, as JSON: no models, no packs, no
/// rules, and `rule_errors` (see `docs/check-report.schema.json`).
pub fn json_document(errors: &RuleErrors, at: jiff::civil::Date, lang: Lang) -> Option<Value> {
    let report = empty_report(at, lang)?;
    let mut out = Vec::new();
    formats::json::write(&report, &mut out).ok()?;
    let mut doc: Value = serde_json::from_slice(&out).ok()?;
    let list: Vec<Value> = errors.0.iter().map(json_error).collect();
    doc.as_object_mut()?
        .insert("rule_errors".to_string(), Value::Array(list));
    Some(doc)
}

/// The SARIF log of a run whose rule packs did not load: no results, an unsuccessful
/// invocation, and one notification per rule-pack error, placed in its file.
pub fn sarif_document(
    errors: &RuleErrors,
    at: jiff::civil::Date,
    lang: Lang,
    cwd: Option<&Path>,
) -> Option<Value> {
    let report = empty_report(at, lang)?;
    let mut log = formats::sarif::log(&report, cwd, false);
    let invocation = log.pointer_mut("/runs/0/invocations/0")?.as_object_mut()?;
    invocation.insert("executionSuccessful".to_string(), json!(false));
    let notes: Vec<Value> = errors.0.iter().map(|e| sarif_note(e, cwd)).collect();
    invocation.insert(
        "toolExecutionNotifications".to_string(),
        Value::Array(notes),
    );
    Some(log)
}

/// A report with nothing checked. The rule set is empty: none of the packs loaded.
fn empty_report(at: jiff::civil::Date, lang: Lang) -> Option<CheckReport> {
    let rules = RuleSet::load(Vec::new(), Arc::new(Vocabulary::builtin().clone())).ok()?;
    Some(CheckReport::new(&rules, at, lang, Vec::new()))
}

/// 1-based line and column of the start and the end of the error, when it has a place.
fn place(e: &RuleError) -> Option<(usize, usize, usize, usize)> {
    let span = e.span?;
    let (line, column) = e.file.line_col(span.start);
    let (end_line, end_column) = e.file.line_col(span.end);
    Some((line, column, end_line, end_column))
}

fn json_error(e: &RuleError) -> Value {
    let mut entry = json!({
        "code": e.kind.code(),
        "message": e.to_string(),
        "file": view::display_path(&e.file.path),
    });
    if let (Some((line, column, end_line, end_column)), Some(map)) =
        (place(e), entry.as_object_mut())
    {
        map.insert(
            "location".to_string(),
            json!({
                "file": view::display_path(&e.file.path),
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
            }),
        );
    }
    if let (Some(help), Some(map)) = (&e.help, entry.as_object_mut()) {
        map.insert("help".to_string(), json!(help));
    }
    entry
}

fn sarif_note(e: &RuleError, cwd: Option<&Path>) -> Value {
    let text = match &e.help {
        Some(h) => format!("{e} ({h})"),
        None => e.to_string(),
    };
    let uri = formats::sarif::uri(&view::display_path(&e.file.path), cwd);
    let mut physical = json!({ "artifactLocation": { "uri": uri } });
    if let (Some((line, column, end_line, end_column)), Some(map)) =
        (place(e), physical.as_object_mut())
    {
        map.insert(
            "region".to_string(),
            json!({
                "startLine": line,
                "startColumn": column,
                "endLine": end_line,
                "endColumn": end_column,
            }),
        );
    }
    json!({
        "level": "error",
        "message": { "text": text },
        "locations": [{ "physicalLocation": physical }],
        "descriptor": { "id": e.kind.code() },
    })
}
