//! `--format github`: GitHub Actions workflow commands, one annotation a finding
//! (`::error file=...,line=...,col=...,title=...::message`).
//!
//! Barriers of severity `error` are errors, warnings are warnings, opportunities (only when
//! asked for: GitHub shows ten annotations of a kind per step, and opportunities would push
//! the barriers out) are notices; a model that does not load is an error on its file. Values
//! are escaped as the runner needs: `%`, `\r` and `\n` everywhere, and `:` and `,` too in
//! properties.
//!
//! [`step_summary`] is the Markdown `check` appends to `$GITHUB_STEP_SUMMARY` under GitHub
//! Actions, whatever the format: per model its barriers, its blocked services and the counts.

use std::fmt::Write as _;

use crate::render::escape::{github, markdown};
use crate::rules::Severity;
use crate::text;
use crate::view::{CheckReport, FindingReport, InvalidModel, Location, ModelReport, Status};
use crate::vocab::Lang;

/// The annotations, one a line; opportunities only with `opportunities`.
pub fn render(report: &CheckReport, opportunities: bool) -> String {
    let mut out = String::new();
    for (_, f) in report
        .findings()
        .filter(|(_, f)| opportunities || f.is_barrier())
    {
        let level = match (f.is_barrier(), f.severity) {
            (true, Severity::Error) => "error",
            (true, _) => "warning",
            (false, _) => "notice",
        };
        let title = format!("{} ({})", f.title, f.rule);
        let _ = writeln!(
            out,
            "::{level} {}::{}",
            properties(Some(&f.location), &f.location.file, &title),
            github::data(&message(f, report.lang))
        );
    }
    for m in &report.invalid_models {
        for e in &m.errors {
            let mut message = e.message.clone();
            if let Some(h) = &e.help {
                message.push('\n');
                message.push_str(h);
            }
            let _ = writeln!(
                out,
                "::error {}::{}",
                properties(Some(&e.location), &m.file, &e.code),
                github::data(&message)
            );
        }
        if m.errors.is_empty() {
            let title = InvalidModel::headline(report.lang);
            let _ = writeln!(
                out,
                "::error {}::{}",
                properties(None, &m.file, &title),
                github::data(m.diagnostics.trim_end())
            );
        }
    }
    out
}

fn properties(at: Option<&Location>, file: &str, title: &str) -> String {
    let mut p = format!("file={}", github::property(file));
    if let Some(l) = at {
        let _ = write!(
            p,
            ",line={},endLine={},col={},endColumn={}",
            l.line, l.end_line, l.column, l.end_column
        );
    }
    let _ = write!(p, ",title={}", github::property(title));
    p
}

fn message(f: &FindingReport, lang: Lang) -> String {
    let mut s = f.message.clone();
    let _ = write!(
        s,
        "\n{}: {} {} {}",
        text!(lang, "check-source"),
        f.source.short,
        f.source.section,
        f.source.url
    );
    if f.is_barrier() {
        let _ = write!(s, "\n{}: {}", text!(lang, "check-remedy"), f.remedy);
    }
    if !f.mitigated_by.is_empty() {
        let by = f.mitigated_by.join(", ");
        let _ = write!(s, "\n{}: {by}", text!(lang, "check-mitigated-by"));
    }
    if !f.mitigates.is_empty() {
        let ids: Vec<&str> = f.mitigates.iter().map(|m| m.rule.as_str()).collect();
        let _ = write!(
            s,
            "\n{}: {}",
            text!(lang, "check-mitigates"),
            ids.join(", ")
        );
    }
    s
}

/// The Markdown summary of a check for GitHub's job summary: a section per model with the
/// counts, a table of its barriers and its blocked services, and a line per model that could
/// not be read. Opportunities are counted, not listed.
pub fn step_summary(report: &CheckReport) -> String {
    let lang = report.lang;
    let mut out = String::new();
    let title = text!(lang, "check-summary-title", at = &report.at);
    let _ = writeln!(out, "## {title}\n");
    for m in &report.models {
        model_summary(&mut out, m, lang);
    }
    for m in &report.invalid_models {
        let _ = writeln!(
            out,
            "### `{}`\n\n{}\n",
            markdown::code_cell(&m.file),
            text!(lang, "check-summary-invalid", count = m.errors.len().max(1))
        );
    }
    out
}

fn model_summary(out: &mut String, m: &ModelReport, lang: Lang) {
    let barriers: Vec<&FindingReport> = m.barriers().collect();
    let errors = barriers
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let blocked: Vec<_> = m
        .services
        .iter()
        .filter(|s| s.status == Status::Blocked)
        .collect();
    let _ = writeln!(
        out,
        "### {} (`{}`)\n",
        markdown::code_cell(&m.name),
        markdown::code_cell(&m.file)
    );
    let counts = text!(
        lang,
        "check-summary-counts",
        barriers = barriers.len(),
        errors = errors,
        opportunities = m.opportunities().count(),
        blocked = blocked.len(),
        services = m.services.len(),
    );
    let _ = writeln!(out, "{counts}\n");
    if !barriers.is_empty() {
        let head = text!(lang, "check-summary-barriers-head");
        let _ = writeln!(out, "{head}\n|---|---|---|---|");
        for f in barriers {
            let level = match f.severity {
                Severity::Error => format!("✗ {}", text!(lang, "check-summary-error")),
                _ => format!("⚠ {}", text!(lang, "check-summary-warning")),
            };
            let _ = writeln!(
                out,
                "| {level} | {} | `{}` | `{}:{}` |",
                markdown::code_cell(&f.title),
                markdown::code_cell(&f.rule),
                markdown::code_cell(&f.location.file),
                f.location.line
            );
        }
        out.push('\n');
    }
    if !blocked.is_empty() {
        let head = text!(lang, "check-summary-blocked-services");
        let _ = writeln!(out, "{head}\n");
        let blocked_by = text!(lang, "check-summary-blocked-by");
        for s in blocked {
            let by: Vec<String> = s.blocked_by.iter().map(|r| format!("`{r}`")).collect();
            let _ = writeln!(
                out,
                "- {} (`{}`): {blocked_by} {}",
                markdown::code_cell(&s.name),
                markdown::code_cell(&s.id),
                by.join(", ")
            );
        }
        out.push('\n');
    }
}
