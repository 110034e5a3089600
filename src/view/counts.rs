//! How many services are blocked, at risk and ok, and how many barriers a model has: the
//! numbers the lab's rows and the diff's sides are compared by.

use serde::Serialize;

use super::{FindingReport, ModelReport, Status};

/// Counts for one evaluated model.
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

impl ModelReport {
    /// The model's counts.
    pub fn counts(&self) -> Counts {
        let status = |s: Status| self.services.iter().filter(|x| x.status == s).count();
        Counts {
            blocked: status(Status::Blocked),
            at_risk: status(Status::AtRisk),
            ok: status(Status::Ok),
            barriers: self.barriers().count(),
            blocking: self.barriers().filter(|f| f.is_blocking()).count(),
            opportunities: self.opportunities().count(),
        }
    }
}

impl FindingReport {
    /// An `error` barrier that nothing mitigates: it blocks what depends on its subject.
    pub fn is_blocking(&self) -> bool {
        self.is_barrier()
            && self.severity == crate::rules::Severity::Error
            && self.mitigated_by.is_empty()
    }

    /// The rule ids of the opportunities that mitigate it, sorted, each once.
    pub fn mitigating_rules(&self) -> Vec<String> {
        let mut ids = self.mitigated_by.clone();
        ids.sort();
        ids.dedup();
        ids
    }
}
