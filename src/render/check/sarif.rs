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

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use serde_json::{json, Value};
use serde_sarif::sarif::{
    ArtifactLocation, Invocation, Location as SarifLocation, LogicalLocation, Message,
    MultiformatMessageString, Notification, PhysicalLocation, PropertyBag, Region,
    ReportingConfiguration, ReportingDescriptor, ReportingDescriptorReference,
    Result as SarifResult, ResultLevel, Run, Sarif, Tool, ToolComponent,
};

use crate::rules::{RuleKind, Severity};
use crate::text;
use crate::view::{CheckReport, FindingRef, FindingReport, InvalidModel, Location, RuleInfo};

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

/// The SARIF log as a JSON value (callers that add to it, such as the log of a rule-pack
/// failure, edit the value).
pub fn log(report: &CheckReport, cwd: Option<&Path>, opportunities: bool) -> Value {
    serde_json::to_value(sarif(report, cwd, opportunities)).unwrap_or(Value::Null)
}

/// The SARIF log in `serde-sarif`'s types.
pub fn sarif(report: &CheckReport, cwd: Option<&Path>, opportunities: bool) -> Sarif {
    let rules: Vec<ReportingDescriptor> = report.rules.iter().map(rule).collect();
    let results: Vec<SarifResult> = report
        .findings()
        .filter(|(_, f)| opportunities || f.is_barrier())
        .map(|(_, f)| result(report, f, cwd))
        .collect();
    let notifications: Vec<Notification> = report
        .invalid_models
        .iter()
        .flat_map(|m| invalid_model(m, cwd))
        .collect();
    let driver = ToolComponent::builder()
        .name("rammelab")
        .version(report.version.as_str())
        .semantic_version(report.version.as_str())
        .information_uri(INFORMATION_URI)
        .rules(rules)
        .build();
    let invocation = Invocation::builder()
        .execution_successful(report.invalid_models.is_empty())
        .tool_execution_notifications(notifications)
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .invocations(vec![invocation])
        .results(results)
        .column_kind(json!("unicodeCodePoints"))
        .properties(bag([
            ("at", json!(report.at)),
            ("lang", json!(report.lang)),
            ("packs", json!(report.packs)),
            ("opportunities", json!(opportunities)),
        ]))
        .build();
    Sarif::builder()
        .schema(SCHEMA_URI)
        .version(json!(VERSION))
        .runs(vec![run])
        .build()
}

/// A model that did not load: one notification with all its diagnostics, then one per error
/// at its place.
fn invalid_model(m: &InvalidModel, cwd: Option<&Path>) -> Vec<Notification> {
    let whole = PhysicalLocation {
        artifact_location: Some(artifact(&m.file, cwd)),
        ..Default::default()
    };
    let mut out = vec![notification(
        m.diagnostics.trim_end(),
        whole,
        "invalid-model",
    )];
    out.extend(m.errors.iter().map(|e| {
        let text = match &e.help {
            Some(h) => format!("{} ({h})", e.message),
            None => e.message.clone(),
        };
        notification(&text, physical(&e.location, cwd), &e.code)
    }));
    out
}

fn notification(text: &str, at: PhysicalLocation, id: &str) -> Notification {
    Notification::builder()
        .level(json!("error"))
        .message(message(text))
        .locations(vec![SarifLocation {
            physical_location: Some(at),
            ..Default::default()
        }])
        .descriptor(ReportingDescriptorReference {
            id: Some(id.to_string()),
            ..Default::default()
        })
        .build()
}

fn message(text: &str) -> Message {
    Message {
        text: Some(text.to_string()),
        ..Default::default()
    }
}

/// A property bag of named JSON values.
fn bag<const N: usize>(pairs: [(&str, Value); N]) -> PropertyBag {
    PropertyBag {
        tags: None,
        additional_properties: pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
    }
}

/// Any serializable value as JSON (the view's types serialize without fail).
fn value(v: impl Serialize) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

fn level(kind: RuleKind, severity: Severity) -> ResultLevel {
    match (kind, severity) {
        (RuleKind::Opportunity, _) | (_, Severity::Info) => ResultLevel::Note,
        (RuleKind::Barrier, Severity::Warning) => ResultLevel::Warning,
        (RuleKind::Barrier, Severity::Error) => ResultLevel::Error,
    }
}

fn rule(r: &RuleInfo) -> ReportingDescriptor {
    let kind = match r.kind {
        RuleKind::Barrier => "barrier",
        RuleKind::Opportunity => "opportunity",
    };
    let text = |t: String| MultiformatMessageString::builder().text(t).build();
    let mut d = ReportingDescriptor::builder()
        .id(r.id.as_str())
        .short_description(text(r.title.clone()))
        .full_description(text(full_description(r)))
        .default_configuration(ReportingConfiguration {
            level: Some(value(level(r.kind, r.severity))),
            ..Default::default()
        })
        .properties(bag([
            ("kind", json!(kind)),
            ("severity", value(r.severity)),
            ("pack", json!(r.pack)),
            ("tags", json!([kind, r.pack, r.source.short])),
        ]))
        .build();
    // helpUri must be a URI; a rule whose source names no URL simply has none.
    if r.source.url.contains("://") {
        d.help_uri = Some(r.source.url.clone());
    }
    d
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

fn result(report: &CheckReport, f: &FindingReport, cwd: Option<&Path>) -> SarifResult {
    let rule_index = report.rules.iter().position(|r| r.id == f.rule);
    let lang = report.lang;
    let mitigated = text!(lang, "check-mitigated-by");
    let mitigates = text!(lang, "check-mitigates");
    let refused = text!(lang, "check-cannot-be-mitigated-by");
    let related: Vec<SarifLocation> = f
        .mitigations
        .iter()
        .map(|r| (mitigated.as_str(), r))
        .chain(f.mitigates.iter().map(|r| (mitigates.as_str(), r)))
        .chain(f.refused.iter().map(|r| (refused.as_str(), r)))
        .enumerate()
        .map(|(i, (word, r))| related(i + 1, word, r, cwd))
        .collect();
    let location = SarifLocation {
        physical_location: Some(physical(&f.location, cwd)),
        logical_locations: Some(vec![LogicalLocation {
            name: Some(f.subject.clone()),
            kind: Some(f.subject_kind.clone()),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let fingerprint = format!("{}:{}:{}", f.location.file, f.subject, f.rule);
    let mut r = SarifResult::builder()
        .rule_id(f.rule.as_str())
        .level(level(f.kind, f.severity))
        .message(message(&f.message))
        .locations(vec![location])
        .partial_fingerprints(BTreeMap::from([(
            "rammelabFinding/v1".to_string(),
            fingerprint,
        )]))
        .properties(bag([
            ("kind", value(f.kind)),
            ("severity", value(f.severity)),
            ("subject", json!(f.subject)),
            ("title", json!(f.title)),
            ("remedy", json!(f.remedy)),
            ("source", value(&f.source)),
            ("mitigated_by", json!(f.mitigated_by)),
        ]))
        .build();
    r.rule_index = rule_index.and_then(|i| i64::try_from(i).ok());
    if !related.is_empty() {
        r.related_locations = Some(related);
    }
    r
}

fn related(id: usize, word: &str, r: &FindingRef, cwd: Option<&Path>) -> SarifLocation {
    SarifLocation {
        id: i64::try_from(id).ok(),
        physical_location: Some(physical(&r.location, cwd)),
        message: Some(message(&format!("{word}: {} ({})", r.rule, r.subject))),
        ..Default::default()
    }
}

fn artifact(file: &str, cwd: Option<&Path>) -> ArtifactLocation {
    ArtifactLocation {
        uri: Some(uri(file, cwd)),
        ..Default::default()
    }
}

fn physical(l: &Location, cwd: Option<&Path>) -> PhysicalLocation {
    let n = |x: usize| i64::try_from(x).ok();
    PhysicalLocation {
        artifact_location: Some(artifact(&l.file, cwd)),
        region: Some(Region {
            start_line: n(l.line),
            start_column: n(l.column),
            end_line: n(l.end_line),
            end_column: n(l.end_column),
            ..Default::default()
        }),
        ..Default::default()
    }
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
