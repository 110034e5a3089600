//! An evaluation as owned data, keyed so that two evaluations can be compared: a finding is
//! known by its rule and the id of the item it is about, which a variant keeps.

use std::collections::BTreeMap;

use serde::Serialize;

use super::status::{service_statuses, Status};
use crate::engine::Evaluation;
use crate::rules::{RuleKind, Severity};
use crate::vocab::Text;

/// A finding's identity across models: the rule and the subject's id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Key {
    pub rule: String,
    pub subject: String,
}

/// The legal source of a finding and where it points are the view's, so the what-if lab and
/// `check` name a source and a place alike.
pub use crate::view::{Location, SourceRef};

/// One finding, owned.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingView {
    pub rule: String,
    pub kind: RuleKind,
    pub severity: Severity,
    pub subject: String,
    /// The subject's display name.
    pub subject_name: String,
    pub title: Text,
    pub message: Text,
    pub remedy: Text,
    pub source: SourceRef,
    pub location: Location,
    /// Rule ids of the opportunities that mitigate it.
    pub mitigated_by: Vec<String>,
}

impl FindingView {
    pub fn key(&self) -> Key {
        Key {
            rule: self.rule.clone(),
            subject: self.subject.clone(),
        }
    }

    pub fn is_barrier(&self) -> bool {
        self.kind == RuleKind::Barrier
    }

    /// An `error` barrier that nothing mitigates: it blocks what depends on its subject.
    pub fn is_blocking(&self) -> bool {
        self.is_barrier() && self.severity == Severity::Error && self.mitigated_by.is_empty()
    }
}

/// A finding set aside by an exemption of an overlay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exempted {
    pub rule: String,
    pub subject: String,
    pub overlay: String,
}

/// One service and how it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceView {
    pub id: String,
    pub name: String,
    pub status: Status,
    /// Rule ids of the barriers behind the status.
    pub blocked_by: Vec<String>,
    /// The first step toward the first barrier behind the status (see
    /// [`crate::graph::ServiceStatus::via`]).
    pub via: Vec<String>,
    /// The barrier findings behind the status.
    pub barriers: Vec<Key>,
}

/// What an evaluation found, owned.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub model: String,
    pub file: String,
    pub at: jiff::civil::Date,
    /// Ids of the overlays applied to the rules, in order.
    pub overlays: Vec<String>,
    pub findings: Vec<FindingView>,
    pub exempted: Vec<Exempted>,
    pub services: Vec<ServiceView>,
}

/// Counts for a lab row or a summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub blocked: usize,
    pub at_risk: usize,
    pub ok: usize,
    /// Barrier findings, mitigated or not.
    pub barriers: usize,
    /// Unmitigated `error` barriers.
    pub blocking: usize,
    pub opportunities: usize,
}

impl Outcome {
    /// Takes what an evaluation found.
    pub fn of(eval: &Evaluation<'_>) -> Outcome {
        let model = eval.model;
        let file = crate::view::display_path(model.file());
        let view = |i: usize| -> FindingView {
            let f = &eval.findings[i];
            let rule = eval.rule(f);
            let item = f.subject.item(model);
            let mut mitigated_by: Vec<String> = f
                .mitigated_by
                .iter()
                .map(|&o| eval.rule(&eval.findings[o]).id.clone())
                .collect();
            mitigated_by.sort();
            mitigated_by.dedup();
            FindingView {
                rule: rule.id.clone(),
                kind: rule.kind,
                severity: rule.severity,
                subject: f.subject.id(model).to_string(),
                subject_name: item.label().to_string(),
                title: rule.title.clone(),
                message: crate::vocab::Text {
                    nb: eval.message(f, crate::vocab::Lang::Nb),
                    en: eval.message(f, crate::vocab::Lang::En),
                },
                remedy: crate::vocab::Text {
                    nb: eval.remedy(f, crate::vocab::Lang::Nb),
                    en: eval.remedy(f, crate::vocab::Lang::En),
                },
                source: crate::view::source_ref(rule),
                location: crate::view::location(eval, &file, f.subject),
                mitigated_by,
            }
        };
        let findings = (0..eval.findings.len()).map(view).collect();
        let mut exempted: Vec<Exempted> = eval
            .exempted
            .iter()
            .map(|(r, s, o)| Exempted {
                rule: eval.rules.rules[*r].id.clone(),
                subject: s.id(model).to_string(),
                overlay: o.clone(),
            })
            .collect();
        exempted.sort_by(|a, b| (&a.subject, &a.rule).cmp(&(&b.subject, &b.rule)));
        let services = service_statuses(eval)
            .into_iter()
            .map(|s| {
                let mut blocked_by: Vec<String> = s
                    .blocked_by
                    .iter()
                    .map(|&i| eval.rule(&eval.findings[i]).id.clone())
                    .collect();
                let mut barriers: Vec<Key> = s
                    .blocked_by
                    .iter()
                    .map(|&i| Key {
                        rule: eval.rule(&eval.findings[i]).id.clone(),
                        subject: eval.findings[i].subject.id(model).to_string(),
                    })
                    .collect();
                barriers.sort();
                blocked_by.sort();
                blocked_by.dedup();
                let item = model.item(s.service);
                ServiceView {
                    id: item.id.clone(),
                    name: item.label().to_string(),
                    status: s.status,
                    blocked_by,
                    via: s.via.iter().map(|&v| model.item(v).id.clone()).collect(),
                    barriers,
                }
            })
            .collect();
        Outcome {
            model: model.name().to_string(),
            file: model.file().display().to_string(),
            at: eval.at,
            overlays: eval.rules.overlays.iter().map(|o| o.id.clone()).collect(),
            findings,
            exempted,
            services,
        }
    }

    pub fn counts(&self) -> Counts {
        let status = |s: Status| self.services.iter().filter(|x| x.status == s).count();
        Counts {
            blocked: status(Status::Blocked),
            at_risk: status(Status::AtRisk),
            ok: status(Status::Ok),
            barriers: self.findings.iter().filter(|f| f.is_barrier()).count(),
            blocking: self.findings.iter().filter(|f| f.is_blocking()).count(),
            opportunities: self.findings.iter().filter(|f| !f.is_barrier()).count(),
        }
    }

    /// The findings by key (a rule fires at most once on a subject).
    pub fn by_key(&self) -> BTreeMap<Key, &FindingView> {
        self.findings.iter().map(|f| (f.key(), f)).collect()
    }

    /// The barrier findings by key.
    pub fn barriers(&self) -> BTreeMap<Key, &FindingView> {
        self.findings
            .iter()
            .filter(|f| f.is_barrier())
            .map(|f| (f.key(), f))
            .collect()
    }

    pub fn service(&self, id: &str) -> Option<&ServiceView> {
        self.services.iter().find(|s| s.id == id)
    }
}
