//! `rammelab rules test`: every rule's own tests (models it must fire on, models it must stay
//! silent on), and coverage: rules without a firing test, without a silent test, and rules that
//! fire on none of the shipped models.

use std::path::PathBuf;

use super::{evaluate, Subject};
use crate::model::{resolve_source, Model, SourceFile};
use crate::rules::{Rule, RuleSet, RuleTest};

/// How one test ended.
#[derive(Debug, Clone, PartialEq)]
pub enum TestOutcome {
    Pass,
    /// The rule fired where it must stay silent, or the reverse.
    Wrong {
        fired_on: Vec<String>,
    },
    /// The rule was not in force at the test's date.
    NotInForce,
    /// The test's model does not resolve; the rendered diagnostics.
    BadModel(String),
}

#[derive(Debug, Clone)]
pub struct TestResult {
    pub rule: usize,
    pub test: usize,
    pub outcome: TestOutcome,
}

/// Coverage of the rule set by its own tests and by a set of models.
#[derive(Debug, Clone, Default)]
pub struct Coverage {
    pub without_firing_test: Vec<String>,
    pub without_silent_test: Vec<String>,
    /// Rules that fire on none of the models given (only when models were given).
    pub never_fired: Vec<String>,
}

/// Runs every test of every rule.
pub fn run_tests(rules: &RuleSet) -> Vec<TestResult> {
    let mut out = Vec::new();
    for (ri, rule) in rules.rules.iter().enumerate() {
        for (ti, test) in rule.tests.iter().enumerate() {
            let outcome = run_test(rules, ri, rule, ti, test);
            out.push(TestResult {
                rule: ri,
                test: ti,
                outcome,
            });
        }
    }
    out
}

fn run_test(rules: &RuleSet, ri: usize, rule: &Rule, ti: usize, test: &RuleTest) -> TestOutcome {
    let pack = &rules.packs[rule.pack];
    let name = PathBuf::from(format!(
        "{}#{}/{}",
        pack.file.path.display(),
        rule.id,
        ti + 1
    ));
    let model = match resolve_source(SourceFile::new(name, test.model.clone()), &rules.vocab) {
        Ok(m) => m,
        Err(e) => {
            return TestOutcome::BadModel(crate::base::diag::render_diagnostic(&e, false, 100));
        }
    };
    if !rule.in_force(test.at) {
        // A rule that is not in force stays silent, which is what a silent test asks.
        return if test.fires {
            TestOutcome::NotInForce
        } else {
            TestOutcome::Pass
        };
    }
    let fired_on = fired_on(rules, ri, &model, test);
    let fired = match &test.subject {
        Some(s) => fired_on.iter().any(|x| x == s),
        None => !fired_on.is_empty(),
    };
    if fired == test.fires {
        TestOutcome::Pass
    } else {
        TestOutcome::Wrong { fired_on }
    }
}

/// The subjects a rule fires on in a model at the test's date.
fn fired_on(rules: &RuleSet, ri: usize, model: &Model, test: &RuleTest) -> Vec<String> {
    let eval = evaluate(model, rules, test.at);
    eval.findings
        .iter()
        .filter(|f| f.rule == ri)
        .map(|f| subject_id(model, f.subject))
        .collect()
}

fn subject_id(model: &Model, s: Subject) -> String {
    s.id(model).to_string()
}

/// Which rules lack tests, and which fire on none of `models` (at their packs' test dates).
pub fn coverage(rules: &RuleSet, models: &[Model]) -> Coverage {
    let mut c = Coverage::default();
    let mut fired = vec![false; rules.rules.len()];
    for m in models {
        for pack_date in rules
            .packs
            .iter()
            .map(|p| p.test_date)
            .collect::<std::collections::BTreeSet<_>>()
        {
            for f in evaluate(m, rules, pack_date).findings {
                fired[f.rule] = true;
            }
        }
    }
    for (i, r) in rules.rules.iter().enumerate() {
        if !r.tests.iter().any(|t| t.fires) {
            c.without_firing_test.push(r.id.clone());
        }
        if !r.tests.iter().any(|t| !t.fires) {
            c.without_silent_test.push(r.id.clone());
        }
        if !models.is_empty() && !fired[i] {
            c.never_fired.push(r.id.clone());
        }
    }
    c
}
