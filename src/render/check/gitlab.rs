//! `--format gitlab`: a GitLab Code Quality report, the JSON array GitLab shows in merge
//! requests when a job declares it as `artifacts: reports: codequality`.
//!
//! Each finding is one entry, and so is each error of a model that does not load. Barriers of
//! severity `error` are `critical`, warnings `major`, informational barriers `minor`,
//! opportunities (only when asked for) `info`; a model that does not load is a `blocker`. The fingerprint, which
//! GitLab uses to tell new issues from old ones, is a hash of the model file, the rule and the
//! subject, so it stays the same while the finding does, wherever its line moves.

use serde::Serialize;

use crate::rules::Severity;
use crate::text;
use crate::view::{CheckReport, FindingReport, InvalidModel, Location};
use crate::vocab::Lang;

/// One entry of the report, as GitLab reads it.
#[derive(Debug, Serialize)]
struct Issue {
    description: String,
    check_name: String,
    fingerprint: String,
    severity: &'static str,
    location: IssueLocation,
}

#[derive(Debug, Serialize)]
struct IssueLocation {
    path: String,
    lines: Lines,
}

#[derive(Debug, Serialize)]
struct Lines {
    begin: usize,
}

/// The report as pretty-printed JSON, ending in a newline; opportunities only with
/// `opportunities`.
pub fn render(report: &CheckReport, opportunities: bool) -> String {
    let mut issues: Vec<Issue> = report
        .findings()
        .filter(|(_, f)| opportunities || f.is_barrier())
        .map(|(m, f)| Issue {
            description: description(f, report.lang),
            check_name: f.rule.clone(),
            fingerprint: fingerprint(&[&m.file, &f.rule, &f.subject]),
            severity: severity(f),
            location: location(&f.location),
        })
        .collect();
    for m in &report.invalid_models {
        for e in &m.errors {
            issues.push(Issue {
                description: e.message.clone(),
                check_name: e.code.clone(),
                fingerprint: fingerprint(&[&m.file, &e.code, &e.location.to_string()]),
                severity: "blocker",
                location: location(&e.location),
            });
        }
        if m.errors.is_empty() {
            let message = InvalidModel::headline(report.lang);
            issues.push(Issue {
                description: format!("{message}: {}", m.diagnostics.trim_end()),
                check_name: "rammelab::invalid-model".to_string(),
                fingerprint: fingerprint(&[&m.file, "invalid-model"]),
                severity: "blocker",
                location: IssueLocation {
                    path: m.file.clone(),
                    lines: Lines { begin: 1 },
                },
            });
        }
    }
    match serde_json::to_string_pretty(&issues) {
        Ok(mut s) => {
            s.push('\n');
            s
        }
        // Owned strings and numbers always serialise; keep the output a valid (empty) report.
        Err(_) => "[]\n".to_string(),
    }
}

/// `Title: message Source: act section`, on one line, as GitLab lists it.
fn description(f: &FindingReport, lang: Lang) -> String {
    let source = text!(lang, "check-source");
    let message = f.message.split_whitespace().collect::<Vec<_>>().join(" ");
    format!(
        "{}: {message} {source}: {} {}",
        f.title, f.source.short, f.source.section
    )
}

fn severity(f: &FindingReport) -> &'static str {
    match (f.is_barrier(), f.severity) {
        (true, Severity::Error) => "critical",
        (true, Severity::Warning) => "major",
        (true, Severity::Info) => "minor",
        (false, _) => "info",
    }
}

fn location(l: &Location) -> IssueLocation {
    IssueLocation {
        path: l.file.clone(),
        lines: Lines { begin: l.line },
    }
}

/// 64-bit FNV-1a over the parts (each followed by a 0 byte), as 16 hex digits: stable across
/// runs, platforms and versions of Rust, unlike the standard library's hasher.
fn fingerprint(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn fingerprints_are_stable_and_tell_parts_apart() {
        // Pinned: GitLab compares fingerprints across pipelines, so they must never change.
        assert_eq!(fingerprint(&[]), "cbf29ce484222325");
        assert_eq!(fingerprint(&["a"]), fingerprint(&["a"]));
        assert_ne!(fingerprint(&["ab", "c"]), fingerprint(&["a", "bc"]));
    }
}
