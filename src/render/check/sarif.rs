//! `--format sarif`: SARIF 2.1.0, the format code-scanning services read (GitHub's
//! `upload-sarif`, GitLab, Azure DevOps).
//!
//! One run; the rules evaluated are `tool.driver.rules` (short and full description, `helpUri`
//! to the legal source, default level from the severity: error → `error`, warning → `warning`,
//! opportunity → `note`); each finding is a `result` pointing at the subject's id in the model
//! file (opportunities only when asked for, so the barriers are not lost among notes; the
//! run's `properties.opportunities` says which), with the opportunities that mitigate a barrier (or the barriers an opportunity
//! mitigates) as related locations. Models that do not load are error notifications of the
//! run's invocation. Paths are made relative to the working folder when they lie under it.

use std::path::Path;

use serde_json::{json, Value};

use crate::rules::{RuleKind, Severity};
use crate::text;
use crate::view::{CheckReport, FindingRef, FindingReport, Location, RuleInfo};

/// The SARIF version written.
pub const VERSION: &str = "2.1.0";
const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// `tool.driver.informationUri`: the `repository` of Cargo.toml when it names one, else the
/// crate's documentation on docs.rs (the project has no public home of its own yet). This is
/// the one place the address is set.
pub const INFORMATION_URI: &str = if env!("CARGO_PKG_REPOSITORY").is_empty() {
    "https://docs.rs/rammelab"
} else {
    env!("CARGO_PKG_REPOSITORY")
};

/// The report as a SARIF log. `cwd` is the folder paths are made relative to; opportunities
/// are results only with `opportunities`.
pub fn render(report: &CheckReport, cwd: Option<&Path>, opportunities: bool) -> String {
    let log = log(report, cwd, opportunities);
    match serde_json::to_string_pretty(&log) {
        Ok(mut s) => {
            s.push('\n');
            s
        }
        Err(_) => format!("{log}\n"),
    }
}

/// The SARIF log as a JSON value.
pub fn log(report: &CheckReport, cwd: Option<&Path>, opportunities: bool) -> Value {
    let rules: Vec<Value> = report.rules.iter().map(rule).collect();
    let results: Vec<Value> = report
        .findings()
        .filter(|(_, f)| opportunities || f.is_barrier())
        .map(|(_, f)| result(report, f, cwd))
        .collect();
    let notifications: Vec<Value> = report
        .invalid_models
        .iter()
        .flat_map(|m| {
            let whole = json!({
                "level": "error",
                "message": { "text": m.diagnostics.trim_end() },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(&m.file, cwd) } } }],
                "descriptor": { "id": "invalid-model" },
            });
            let each = m.errors.iter().map(move |e| {
                let text = match &e.help {
                    Some(h) => format!("{} ({h})", e.message),
                    None => e.message.clone(),
                };
                json!({
                    "level": "error",
                    "message": { "text": text },
                    "locations": [{ "physicalLocation": physical(&e.location, cwd) }],
                    "descriptor": { "id": e.code },
                })
            });
            std::iter::once(whole).chain(each)
        })
        .collect();
    json!({
        "$schema": SCHEMA_URI,
        "version": VERSION,
        "runs": [{
            "tool": {
                "driver": {
                    "name": "rammelab",
                    "version": report.version,
                    "semanticVersion": report.version,
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }
            },
            "invocations": [{
                "executionSuccessful": report.invalid_models.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
            "columnKind": "unicodeCodePoints",
            "properties": {
                "at": report.at,
                "lang": report.lang,
                "packs": report.packs,
                "opportunities": opportunities,
            },
        }],
    })
}

fn level(kind: RuleKind, severity: Severity) -> &'static str {
    match (kind, severity) {
        (RuleKind::Opportunity, _) | (_, Severity::Info) => "note",
        (RuleKind::Barrier, Severity::Warning) => "warning",
        (RuleKind::Barrier, Severity::Error) => "error",
    }
}

fn rule(r: &RuleInfo) -> Value {
    let kind = match r.kind {
        RuleKind::Barrier => "barrier",
        RuleKind::Opportunity => "opportunity",
    };
    let mut v = json!({
        "id": r.id,
        "shortDescription": { "text": r.title },
        "fullDescription": { "text": full_description(r) },
        "defaultConfiguration": { "level": level(r.kind, r.severity) },
        "properties": {
            "kind": kind,
            "severity": r.severity,
            "pack": r.pack,
            "tags": [kind, r.pack, r.source.short],
        },
    });
    // helpUri must be a URI; a rule whose source names no URL simply has none.
    if r.source.url.contains("://") {
        v["helpUri"] = json!(r.source.url);
    }
    v
}

/// The title, then the source: `Title. Act (short) § 4.`, the short name left out when the act's
/// name already holds it.
fn full_description(r: &RuleInfo) -> String {
    let act = &r.source.act;
    let short = &r.source.short;
    let title = r.title.trim_end_matches('.');
    if short.is_empty() || act.to_lowercase().contains(&short.to_lowercase()) {
        format!("{title}. {act} {}.", r.source.section)
    } else {
        format!("{title}. {act} ({short}) {}.", r.source.section)
    }
}

fn result(report: &CheckReport, f: &FindingReport, cwd: Option<&Path>) -> Value {
    let rule_index = report.rules.iter().position(|r| r.id == f.rule);
    let lang = report.lang;
    let mitigated = text!(lang, "check-mitigated-by");
    let mitigates = text!(lang, "check-mitigates");
    let refused = text!(lang, "check-cannot-be-mitigated-by");
    let related: Vec<Value> = f
        .mitigations
        .iter()
        .map(|r| (mitigated.as_str(), r))
        .chain(f.mitigates.iter().map(|r| (mitigates.as_str(), r)))
        .chain(f.refused.iter().map(|r| (refused.as_str(), r)))
        .enumerate()
        .map(|(i, (word, r))| related(i + 1, word, r, cwd))
        .collect();
    let mut v = json!({
        "ruleId": f.rule,
        "level": level(f.kind, f.severity),
        "message": { "text": f.message },
        "locations": [{
            "physicalLocation": physical(&f.location, cwd),
            "logicalLocations": [{ "name": f.subject, "kind": f.subject_kind }],
        }],
        "partialFingerprints": {
            "rammelabFinding/v1": format!("{}:{}:{}", f.location.file, f.subject, f.rule),
        },
        "properties": {
            "kind": f.kind,
            "severity": f.severity,
            "subject": f.subject,
            "title": f.title,
            "remedy": f.remedy,
            "source": f.source,
            "mitigated_by": f.mitigated_by,
        },
    });
    if let Some(i) = rule_index {
        v["ruleIndex"] = json!(i);
    }
    if !related.is_empty() {
        v["relatedLocations"] = json!(related);
    }
    v
}

fn related(id: usize, word: &str, r: &FindingRef, cwd: Option<&Path>) -> Value {
    json!({
        "id": id,
        "physicalLocation": physical(&r.location, cwd),
        "message": { "text": format!("{word}: {} ({})", r.rule, r.subject) },
    })
}

fn physical(l: &Location, cwd: Option<&Path>) -> Value {
    json!({
        "artifactLocation": { "uri": uri(&l.file, cwd) },
        "region": {
            "startLine": l.line,
            "startColumn": l.column,
            "endLine": l.end_line,
            "endColumn": l.end_column,
        },
    })
}

/// A file as a URI reference: relative to `cwd` when it lies under it, else a `file:` URI
/// for an absolute path; percent-encoded.
pub fn uri(file: &str, cwd: Option<&Path>) -> String {
    let p = Path::new(file);
    if p.is_absolute() {
        if let Some(rel) = cwd.and_then(|c| p.strip_prefix(c).ok()) {
            return encode(&crate::view::display_path(rel));
        }
        return format!("file://{}", encode(&crate::view::display_path(p)));
    }
    let s = crate::view::display_path(p);
    encode(s.strip_prefix("./").unwrap_or(&s))
}

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_and_encoded() {
        let cwd = Path::new("/work/repo");
        assert_eq!(
            uri("models/på dør.lsm", Some(cwd)),
            "models/p%C3%A5%20d%C3%B8r.lsm"
        );
        assert_eq!(uri("./models/a.lsm", Some(cwd)), "models/a.lsm");
        assert_eq!(uri("/work/repo/models/a.lsm", Some(cwd)), "models/a.lsm");
        assert_eq!(
            uri("/elsewhere/a.lsm", Some(cwd)),
            "file:///elsewhere/a.lsm"
        );
    }
}
