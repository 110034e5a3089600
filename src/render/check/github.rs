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
use crate::view::{CheckReport, FindingReport, InvalidModel, Location, ModelReport, ServiceState};
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
                properties(None, &m.file, title),
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
    let (source, remedy, mitigated, mitigates) = match lang {
        Lang::Nb => ("Kilde", "Tiltak", "Avbøtes av", "Avbøter"),
        Lang::En => ("Source", "Remedy", "Mitigated by", "Mitigates"),
    };
    let mut s = f.message.clone();
    let _ = write!(
        s,
        "\n{source}: {} {} {}",
        f.source.short, f.source.section, f.source.url
    );
    if f.is_barrier() {
        let _ = write!(s, "\n{remedy}: {}", f.remedy);
    }
    if !f.mitigated_by.is_empty() {
        let _ = write!(s, "\n{mitigated}: {}", f.mitigated_by.join(", "));
    }
    if !f.mitigates.is_empty() {
        let ids: Vec<&str> = f.mitigates.iter().map(|m| m.rule.as_str()).collect();
        let _ = write!(s, "\n{mitigates}: {}", ids.join(", "));
    }
    s
}

/// The Markdown summary of a check for GitHub's job summary: a section per model with the
/// counts, a table of its barriers and its blocked services, and a line per model that could
/// not be read. Opportunities are counted, not listed.
pub fn step_summary(report: &CheckReport) -> String {
    let nb = report.lang == Lang::Nb;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## rammelab check ({} {})\n",
        if nb { "lovverket per" } else { "the law at" },
        report.at
    );
    for m in &report.models {
        model_summary(&mut out, m, nb);
    }
    for m in &report.invalid_models {
        let _ = writeln!(
            out,
            "### `{}`\n\n{}\n",
            markdown::code_cell(&m.file),
            if nb {
                format!(
                    "Modellen kunne ikke leses ({} feil); se loggen.",
                    m.errors.len().max(1)
                )
            } else {
                format!(
                    "The model could not be read ({}); see the log.",
                    count(m.errors.len().max(1), "error", "errors")
                )
            }
        );
    }
    out
}

fn model_summary(out: &mut String, m: &ModelReport, nb: bool) {
    let barriers: Vec<&FindingReport> = m.barriers().collect();
    let errors = barriers
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let blocked: Vec<_> = m
        .services
        .iter()
        .filter(|s| s.status == ServiceState::Blocked)
        .collect();
    let _ = writeln!(
        out,
        "### {} (`{}`)\n",
        markdown::code_cell(&m.name),
        markdown::code_cell(&m.file)
    );
    let counts = if nb {
        format!(
            "{} ({errors} feil), {}, {} av {} blokkert.",
            count(barriers.len(), "barriere", "barrierer"),
            count(m.opportunities().count(), "mulighet", "muligheter"),
            blocked.len(),
            count(m.services.len(), "tjeneste", "tjenester"),
        )
    } else {
        format!(
            "{} ({}), {}, {} of {} blocked.",
            count(barriers.len(), "barrier", "barriers"),
            count(errors, "error", "errors"),
            count(m.opportunities().count(), "opportunity", "opportunities"),
            blocked.len(),
            count(m.services.len(), "service", "services"),
        )
    };
    let _ = writeln!(out, "{counts}\n");
    if !barriers.is_empty() {
        let (head, error, warning) = if nb {
            ("| | Barriere | Regel | Hvor |", "feil", "advarsel")
        } else {
            ("| | Barrier | Rule | Where |", "error", "warning")
        };
        let _ = writeln!(out, "{head}\n|---|---|---|---|");
        for f in barriers {
            let level = match f.severity {
                Severity::Error => format!("✗ {error}"),
                _ => format!("⚠ {warning}"),
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
        let _ = writeln!(
            out,
            "{}\n",
            if nb {
                "**Blokkerte tjenester**"
            } else {
                "**Blocked services**"
            }
        );
        for s in blocked {
            let by: Vec<String> = s.blocked_by.iter().map(|r| format!("`{r}`")).collect();
            let _ = writeln!(
                out,
                "- {} (`{}`): {} {}",
                markdown::code_cell(&s.name),
                markdown::code_cell(&s.id),
                if nb { "blokkert av" } else { "blocked by" },
                by.join(", ")
            );
        }
        out.push('\n');
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
