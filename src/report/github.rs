//! `--format github`: GitHub Actions workflow commands, one annotation a finding
//! (`::error file=...,line=...,col=...,title=...::message`).
//!
//! Barriers of severity `error` are errors, warnings are warnings, opportunities are notices;
//! a model that does not load is an error on its file. Values are escaped as the runner needs:
//! `%`, `\r` and `\n` everywhere, and `:` and `,` too in properties.

use std::fmt::Write as _;

use super::{CheckReport, FindingReport, InvalidModel, Location};
use crate::rules::Severity;
use crate::vocab::Lang;

/// The annotations, one a line.
pub fn render(report: &CheckReport) -> String {
    let mut out = String::new();
    for (_, f) in report.findings() {
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
            escape_data(&message(f, report.lang))
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
                escape_data(&message)
            );
        }
        if m.errors.is_empty() {
            let title = InvalidModel::headline(report.lang);
            let _ = writeln!(
                out,
                "::error {}::{}",
                properties(None, &m.file, title),
                escape_data(m.diagnostics.trim_end())
            );
        }
    }
    out
}

fn properties(at: Option<&Location>, file: &str, title: &str) -> String {
    let mut p = format!("file={}", escape_property(file));
    if let Some(l) = at {
        let _ = write!(
            p,
            ",line={},endLine={},col={},endColumn={}",
            l.line, l.end_line, l.column, l.end_column
        );
    }
    let _ = write!(p, ",title={}", escape_property(title));
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

/// Escapes a command's message.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_needs() {
        assert_eq!(escape_data("50 %\r\nok: a,b"), "50 %25%0D%0Aok: a,b");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
