//! `--format junit`: JUnit XML, as CI servers (GitLab, Jenkins, Azure) read it.
//!
//! One `testsuite` a model file, one `testcase` a rule evaluated on it. A rule that found a
//! barrier fails, with the severity as the failure's `type` and each finding in the text; an
//! opportunity passes, with its findings in `system-out`; a rule that found nothing passes. A
//! model that does not load is a suite with one erroring `testcase` that carries its diagnostics.

use std::fmt::Write as _;

use quick_junit::{NonSuccessKind, Property, Report, TestCase, TestCaseStatus, TestSuite};

use crate::text;
use crate::view::{CheckReport, FindingReport, InvalidModel, ModelReport};
use crate::vocab::Lang;

/// The report as a JUnit XML document, written by `quick-junit` (it counts the tests,
/// failures and errors of each suite and of the whole, and escapes the text).
pub fn render(report: &CheckReport) -> String {
    let mut junit = Report::new("rammelab check");
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
                junit.add_test_suite(suite(report, m));
            }
        } else if let Some(i) = invalid.next() {
            junit.add_test_suite(invalid_suite(report.lang, i));
        }
    }
    // Writing to a String fails only on an I/O error, which a String does not have; an empty
    // document would still be refused by every reader, so it is not hidden either.
    let mut out = junit.to_string().unwrap_or_default();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// A test case of `file`, with the file as the `file` attribute CI servers link to.
fn case(name: &str, file: &str, status: TestCaseStatus) -> TestCase {
    let mut case = TestCase::new(name, status);
    case.set_classname(file);
    case.extra.insert("file".into(), file.into());
    case
}

fn suite(report: &CheckReport, m: &ModelReport) -> TestSuite {
    let mut suite = TestSuite::new(m.file.as_str());
    suite.add_properties([
        Property::new("model", m.name.as_str()),
        Property::new("at", report.at.as_str()),
    ]);
    for id in &m.evaluated {
        let found: Vec<&FindingReport> = m.findings.iter().filter(|f| &f.rule == id).collect();
        let body: String = found.iter().map(|f| describe(f, report.lang)).collect();
        let test = match found.first() {
            None => case(id, &m.file, TestCaseStatus::success()),
            Some(first) if first.is_barrier() => {
                let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
                status
                    .set_type(first.severity.as_str())
                    .set_message(first.title.as_str())
                    .set_description(body);
                case(id, &m.file, status)
            }
            Some(_) => {
                let mut test = case(id, &m.file, TestCaseStatus::success());
                test.set_system_out(body);
                test
            }
        };
        suite.add_test_case(test);
    }
    suite
}

fn invalid_suite(lang: Lang, m: &InvalidModel) -> TestSuite {
    let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
    status
        .set_type("invalid_model")
        .set_message(InvalidModel::headline(lang))
        .set_description(m.diagnostics.as_str());
    let mut suite = TestSuite::new(m.file.as_str());
    suite.add_test_case(case("load", &m.file, status));
    suite
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
