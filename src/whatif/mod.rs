//! The what-if lab: compare a model with its variants and with proposed changes of the
//! framework (overlays), and say what each change unlocks.
//!
//! ```text
//! model (+ variants) x rules (+ overlays) x date -> engine -> Scenario (the view's ModelReport
//!     + date, overlays, exemptions) -> diff (two scenarios) | lab (every combination, ranked)
//!     -> crate::render
//! ```
//!
//! Findings are compared by rule id and subject id, which a variant keeps; services by id.

pub mod diff;
pub mod input;
pub mod lab;
pub mod outcome;

pub use diff::{diff, Explain, Verdict};
pub use outcome::Scenario;

use jiff::civil::Date;

use crate::model::Model;
use crate::rules::RuleSet;

/// What a diff needs to know about the other side to say why a finding is gone.
pub struct SideFacts<'a> {
    pub model: &'a Model,
    pub rules: &'a RuleSet,
    pub at: Date,
}

impl Explain for SideFacts<'_> {
    fn not_in_force(&self, rule: &str) -> Option<Option<String>> {
        let r = self.rules.rule_by_id(rule)?;
        if r.in_force(self.at) {
            return None;
        }
        let by = self
            .rules
            .overlays
            .iter()
            .rev()
            .find(|o| o.changes.repealed.iter().any(|(id, _)| id == rule))
            .map(|o| o.id.clone());
        Some(by)
    }

    fn has_subject(&self, id: &str) -> bool {
        id == "model" || self.model.item_by_id(id).is_some()
    }
}

#[cfg(test)]
mod tests;
