//! `--format junit`: JUnit XML, as CI servers (GitLab, Jenkins, Azure) read it.
//!
//! One `testsuite` a model file, one `testcase` a rule evaluated on it. A rule that found a
//! barrier fails, with the severity as the failure's `type` and each finding in the text; an
//! opportunity passes, with its findings in `system-out`; a rule that found nothing passes. A
//! model that does not load is a suite with one erroring `testcase` that carries its diagnostics.

use std::fmt::Write as _;

use crate::render::escape::xml;
use crate::text;
use crate::view::{CheckReport, FindingReport, InvalidModel, ModelReport};
use crate::vocab::Lang;

/// The report as a JUnit XML document.
pub fn render(report: &CheckReport) -> String {
    let tests: usize = report
        .models
        .iter()
        .map(|m| m.evaluated.len())
        .sum::<usize>()
        + report.invalid_models.len();
    let failures: usize = report.models.iter().map(failing_rules).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"rammelab check\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{}\">",
        report.invalid_models.len()
    );
    let mut models = report.models.iter().peekable();
    let mut invalid = report.invalid_models.iter().peekable();
    loop {
        let next_valid = match (models.peek(), invalid.peek()) {
            (Some(m), Some(i)) => m.file <= i.file,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        if next_valid {
            if let Some(m) = models.next() {
                suite(&mut out, report, m);
            }
        } else if let Some(i) = invalid.next() {
            invalid_suite(&mut out, report.lang, i);
        }
    }
    out.push_str("</testsuites>\n");
    out
}

fn failing_rules(m: &ModelReport) -> usize {
    m.evaluated
        .iter()
        .filter(|id| m.barriers().any(|f| &f.rule == *id))
        .count()
}

fn suite(out: &mut String, report: &CheckReport, m: &ModelReport) {
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
        xml::text(&m.file),
        m.evaluated.len(),
        failing_rules(m)
    );
    let _ = writeln!(
        out,
        "    <properties>\n      <property name=\"model\" value=\"{}\"/>\n      <property name=\"at\" value=\"{}\"/>\n    </properties>",
        xml::text(&m.name),
        xml::text(&report.at)
    );
    for id in &m.evaluated {
        let found: Vec<&FindingReport> = m.findings.iter().filter(|f| &f.rule == id).collect();
        let _ = write!(
            out,
            "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\"",
            xml::text(id),
            xml::text(&m.file),
            xml::text(&m.file)
        );
        let Some(first) = found.first() else {
            out.push_str("/>\n");
            continue;
        };
        out.push_str(">\n");
        let body: String = found.iter().map(|f| describe(f, report.lang)).collect();
        if first.is_barrier() {
            let _ = writeln!(
                out,
                "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                first.severity.as_str(),
                xml::text(&first.title),
                xml::text(&body)
            );
        } else {
            let _ = writeln!(out, "      <system-out>{}</system-out>", xml::text(&body));
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n");
}

fn invalid_suite(out: &mut String, lang: Lang, m: &InvalidModel) {
    let message = InvalidModel::headline(lang);
    let file = xml::text(&m.file);
    let _ = writeln!(
        out,
        "  <testsuite name=\"{file}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n    <testcase name=\"load\" classname=\"{file}\" file=\"{file}\">\n      <error type=\"invalid_model\" message=\"{message}\">{}</error>\n    </testcase>\n  </testsuite>",
        xml::text(&m.diagnostics)
    );
}

/// One finding as plain text: where, what, the source, the remedy.
fn describe(f: &FindingReport, lang: Lang) -> String {
    let source = text!(lang, "check-source");
    let remedy = text!(lang, "check-remedy");
    let mitigated = text!(lang, "check-mitigated-by");
    let mut s = format!("{} {}: {}\n", f.location, f.subject, f.message);
    let _ = writeln!(
        s,
        "{source}: {} {} ({})",
        f.source.short, f.source.section, f.source.url
    );
    if f.is_barrier() {
        let _ = writeln!(s, "{remedy}: {}", f.remedy);
    }
    if !f.mitigated_by.is_empty() {
        let _ = writeln!(s, "{mitigated}: {}", f.mitigated_by.join(", "));
    }
    s
}
