//! `diff`: what changes between two scenarios. Findings are matched by rule and subject id;
//! services by id.

use serde::Serialize;

use super::outcome::{Key, Scenario};
use crate::view::{Counts, FindingReport, Status};

/// Why a finding is gone from the other side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "why", rename_all = "snake_case")]
pub enum Gone {
    /// The condition no longer holds (the model changed, or a parameter did).
    Resolved,
    /// An exemption of an overlay sets it aside.
    Exempted { overlay: String },
    /// The rule is not in force on the other side (repealed by an overlay).
    NotInForce { overlay: Option<String> },
    /// Its subject is not in the other model.
    SubjectRemoved,
}

/// A finding of the base that the other side does not have, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disappeared {
    pub finding: FindingReport,
    pub gone: Gone,
}

/// A finding on both sides that is not the same.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Changed {
    pub before: FindingReport,
    pub after: FindingReport,
    /// What changed, as stable words: `mitigated`, `no_longer_mitigated`, `mitigation`,
    /// `message`.
    pub what: Vec<&'static str>,
}

/// A service whose status differs (absent on one side: `None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceChange {
    pub id: String,
    pub name: String,
    pub before: Option<Status>,
    pub after: Option<Status>,
}

impl ServiceChange {
    /// Blocked now and not before.
    pub fn newly_blocked(&self) -> bool {
        self.after == Some(Status::Blocked) && self.before != Some(Status::Blocked)
    }
}

/// How the other side compares with the base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Blocks less or has fewer barriers, and blocks nothing new.
    Better,
    /// No service changes status and the barriers are the same.
    Same,
    /// Better in some ways, worse in none that block: a mixed result, no worse.
    Mixed,
    /// Blocks a service the base does not, or has more blocking barriers.
    Worse,
}

/// One side of a diff.
#[derive(Debug, Clone, Serialize)]
pub struct Side {
    pub file: String,
    pub model: String,
    pub overlays: Vec<String>,
    pub counts: Counts,
}

impl Side {
    fn of(o: &Scenario) -> Side {
        Side {
            file: o.report.file.clone(),
            model: o.report.name.clone(),
            overlays: o.overlays.clone(),
            counts: o.report.counts(),
        }
    }
}

/// The differences between a base outcome and another.
#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    pub at: jiff::civil::Date,
    pub base: Side,
    pub other: Side,
    pub verdict: Verdict,
    pub appeared: Vec<FindingReport>,
    pub disappeared: Vec<Disappeared>,
    pub changed: Vec<Changed>,
    pub services: Vec<ServiceChange>,
}

/// Facts about the other side that explain why a finding is gone.
pub trait Explain {
    /// The overlay that repealed a rule, when the rule is loaded but not in force.
    fn not_in_force(&self, rule: &str) -> Option<Option<String>>;
    /// Whether the other model has an item with this id (`model` is the model block).
    fn has_subject(&self, id: &str) -> bool;
}

/// Compares two scenarios.
pub fn diff(base: &Scenario, other: &Scenario, explain: &dyn Explain) -> Diff {
    let (b, o) = (base.by_key(), other.by_key());
    let exempt = |k: &Key| {
        other
            .exempted
            .iter()
            .find(|x| x.rule == k.rule && x.subject == k.subject)
            .map(|x| x.overlay.clone())
    };
    let appeared = o
        .iter()
        .filter(|(k, _)| !b.contains_key(*k))
        .map(|(_, f)| (*f).clone())
        .collect();
    let disappeared = b
        .iter()
        .filter(|(k, _)| !o.contains_key(*k))
        .map(|(k, f)| {
            let why = if let Some(overlay) = exempt(k) {
                Gone::Exempted { overlay }
            } else if !explain.has_subject(&k.subject) {
                Gone::SubjectRemoved
            } else if let Some(overlay) = explain.not_in_force(&k.rule) {
                Gone::NotInForce { overlay }
            } else {
                Gone::Resolved
            };
            Disappeared {
                finding: (*f).clone(),
                gone: why,
            }
        })
        .collect();
    let changed = b
        .iter()
        .filter_map(|(k, before)| {
            let after = o.get(k)?;
            let what = changes(before, after);
            (!what.is_empty()).then(|| Changed {
                before: (*before).clone(),
                after: (*after).clone(),
                what,
            })
        })
        .collect();
    let services = service_changes(base, other);
    let mut d = Diff {
        at: other.at,
        base: Side::of(base),
        other: Side::of(other),
        appeared,
        disappeared,
        changed,
        services,
        verdict: Verdict::Same,
    };
    d.verdict = verdict(&d, base, other);
    d
}

fn changes(before: &FindingReport, after: &FindingReport) -> Vec<&'static str> {
    let mut what = Vec::new();
    match (
        before.mitigated_by.is_empty(),
        after.mitigated_by.is_empty(),
    ) {
        (true, false) => what.push("mitigated"),
        (false, true) => what.push("no_longer_mitigated"),
        (false, false) if before.mitigating_rules() != after.mitigating_rules() => {
            what.push("mitigation")
        }
        _ => {}
    }
    if before.message != after.message {
        what.push("message");
    }
    what
}

fn service_changes(base: &Scenario, other: &Scenario) -> Vec<ServiceChange> {
    let mut out: Vec<ServiceChange> = base
        .services()
        .iter()
        .map(|s| ServiceChange {
            id: s.id.clone(),
            name: s.name.clone(),
            before: Some(s.status),
            after: other.service(&s.id).map(|x| x.status),
        })
        .collect();
    out.extend(
        other
            .services()
            .iter()
            .filter(|s| base.service(&s.id).is_none())
            .map(|s| ServiceChange {
                id: s.id.clone(),
                name: s.name.clone(),
                before: None,
                after: Some(s.status),
            }),
    );
    out.retain(|c| c.before != c.after);
    out
}

fn verdict(d: &Diff, base: &Scenario, other: &Scenario) -> Verdict {
    let (b, o) = (base.report.counts(), other.report.counts());
    if d.services.iter().any(ServiceChange::newly_blocked) || o.blocking > b.blocking {
        return Verdict::Worse;
    }
    // A service on one side only is compared as if it were ok on the other: a new service
    // that is at risk is worse, a removed one counts for nothing.
    let status = |s: Option<Status>| s.unwrap_or(Status::Ok);
    let better = d
        .services
        .iter()
        .any(|c| c.before.is_some() && c.after.is_some() && c.after < c.before)
        || o.blocking < b.blocking
        || o.barriers < b.barriers;
    let worse = d
        .services
        .iter()
        .any(|c| c.after.is_some() && status(c.after) > status(c.before))
        || o.barriers > b.barriers;
    match (better, worse) {
        (false, false) => Verdict::Same,
        (true, false) => Verdict::Better,
        _ => Verdict::Mixed,
    }
}
