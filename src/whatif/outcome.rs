//! One side of a comparison: the view of an evaluated model ([`ModelReport`]) and what the
//! what-if lab adds to it: the date, the overlays applied and the findings their exemptions
//! set aside. A finding is known by its rule and the id of the item it is about, which a
//! variant keeps.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::engine::Evaluation;
use crate::view::{FindingReport, ModelReport, Options, ServiceReport};
use crate::vocab::Lang;

/// A finding's identity across models: the rule and the subject's id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Key {
    pub rule: String,
    pub subject: String,
}

impl Key {
    /// The key of a finding of the view.
    pub fn of(f: &FindingReport) -> Key {
        Key {
            rule: f.rule.clone(),
            subject: f.subject.clone(),
        }
    }
}

/// A finding set aside by an exemption of an overlay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exempted {
    pub rule: String,
    pub subject: String,
    pub overlay: String,
}

/// An evaluated model as the what-if lab compares it: the view's report and what the lab adds.
#[derive(Debug, Clone, Serialize)]
pub struct Scenario {
    /// What the evaluation found: findings, services and their status.
    pub report: ModelReport,
    pub at: jiff::civil::Date,
    /// Ids of the overlays applied to the rules, in order.
    pub overlays: Vec<String>,
    pub exempted: Vec<Exempted>,
}

impl Scenario {
    /// Takes what an evaluation found, with its texts in `lang`.
    pub fn of(eval: &Evaluation<'_>, lang: Lang) -> Scenario {
        let model = eval.model;
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
        let opts = Options {
            lang,
            explain: false,
        };
        Scenario {
            report: ModelReport::build(eval, opts),
            at: eval.at,
            overlays: eval.rules.overlays.iter().map(|o| o.id.clone()).collect(),
            exempted,
        }
    }

    /// The findings by key (a rule fires at most once on a subject).
    pub fn by_key(&self) -> BTreeMap<Key, &FindingReport> {
        self.report
            .findings
            .iter()
            .map(|f| (Key::of(f), f))
            .collect()
    }

    /// The barrier findings by key.
    pub fn barriers(&self) -> BTreeMap<Key, &FindingReport> {
        self.report.barriers().map(|f| (Key::of(f), f)).collect()
    }

    pub fn services(&self) -> &[ServiceReport] {
        &self.report.services
    }

    pub fn service(&self, id: &str) -> Option<&ServiceReport> {
        self.report.services.iter().find(|s| s.id == id)
    }
}

/// The barrier findings behind a service's status, by key, sorted.
pub fn barriers_behind(s: &ServiceReport) -> Vec<Key> {
    let mut keys: Vec<Key> = s
        .paths
        .iter()
        .map(|p| Key {
            rule: p.rule.clone(),
            subject: p.subject.clone(),
        })
        .collect();
    keys.sort();
    keys
}
