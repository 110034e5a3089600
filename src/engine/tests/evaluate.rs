//! The engine end to end: the normative example shows what BRIEF.md says it should, `--at`
//! moves results across date boundaries, and `--explain` shows why a rule fired.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::sync::Arc;

use jiff::civil::{date, Date};

use crate::base::diag::render_diagnostic;
use crate::engine::{evaluate, explain, Evaluation};
use crate::model::{resolve_source, Model, SourceFile};
use crate::rules::{RuleKind, RuleSet, RuleSources, Severity};
use crate::vocab::{Lang, Vocabulary};

const AT: Date = date(2026, 11, 28);

fn builtin() -> RuleSet {
    RuleSet::builtin()
        .unwrap_or_else(|e| panic!("built-in packs: {:?}", e.0.first().map(|x| x.to_string())))
}

fn model(name: &str, text: &str, rules: &RuleSet) -> Model {
    resolve_source(SourceFile::new(name, text), &rules.vocab)
        .unwrap_or_else(|e| panic!("{name}: {}", render_diagnostic(&e, false, 100)))
}

/// (rule id, subject id, severity) of every barrier.
fn barriers(e: &Evaluation) -> Vec<(String, String, Severity)> {
    e.barriers()
        .map(|(_, f)| {
            let r = e.rule(f);
            (r.id.clone(), f.subject.id(e.model).to_string(), r.severity)
        })
        .collect()
}

fn opportunities(e: &Evaluation) -> Vec<(String, String)> {
    e.opportunities()
        .map(|(_, f)| (e.rule(f).id.clone(), f.subject.id(e.model).to_string()))
        .collect()
}

fn example() -> String {
    std::fs::read_to_string("models/paa-doerterskelen.lsm").unwrap()
}

#[test]
fn the_normative_example_shows_the_barriers_and_opportunities_of_the_brief() {
    let rules = builtin();
    let m = model("paa-doerterskelen.lsm", &example(), &rules);
    let e = evaluate(&m, &rules, AT);
    let errors: Vec<_> = barriers(&e)
        .into_iter()
        .filter(|(_, _, s)| *s == Severity::Error)
        .collect();
    let on = |subject: &str, prefix: &str| {
        errors
            .iter()
            .any(|(r, s, _)| s == subject && r.starts_with(prefix))
    };
    assert!(on("mottakerliste", "gdpr-art28"), "{errors:?}");
    assert!(
        errors
            .iter()
            .any(|(r, s, _)| s == "oppdrag" && r.contains("threshold")),
        "{errors:?}"
    );
    // beredskap is blocked only through doerbesok: nothing blocks it directly.
    assert!(
        !errors
            .iter()
            .any(|(_, s, _)| s == "beredskap" || s == "doerbesok"),
        "{errors:?}"
    );
    let opps = opportunities(&e);
    let cites = |subject: &str, act: &str| {
        e.opportunities().any(|(_, f)| {
            f.subject.id(&m) == subject && e.rule(f).source.short.to_lowercase().contains(act)
        })
    };
    assert!(cites("doerbesok", "folkehelseloven"), "{opps:?}");
    assert!(cites("frivilligsentral", "momskompensasjon"), "{opps:?}");
}

#[test]
fn an_agreement_and_a_contract_basis_remove_both_barriers() {
    let rules = builtin();
    let fixed = example().replace("basis: direct_award", "basis: contract")
        + "\nagreement dpa: kommune <-> posten {\n  kind: data_processing\n}\n";
    let m = model("fixed.lsm", &fixed, &rules);
    let e = evaluate(&m, &rules, AT);
    let errors: Vec<_> = barriers(&e)
        .into_iter()
        .filter(|(_, _, s)| *s == Severity::Error)
        .collect();
    assert!(
        !errors
            .iter()
            .any(|(_, s, _)| s == "mottakerliste" || s == "oppdrag"),
        "{errors:?}"
    );
}

fn dated() -> (RuleSet, Model) {
    let rules = RuleSources {
        dirs: vec!["tests/rules/dated".into()],
        no_builtin: true,
    }
    .load()
    .unwrap_or_else(|e| panic!("{}", e.0[0]));
    let text = std::fs::read_to_string("tests/rules/dated/model.lsm").unwrap();
    let m = model("model.lsm", &text, &rules);
    (rules, m)
}

fn fired(rules: &RuleSet, m: &Model, at: Date) -> Vec<String> {
    let e = evaluate(m, rules, at);
    e.findings.iter().map(|f| e.rule(f).id.clone()).collect()
}

#[test]
fn a_parameter_that_changes_value_changes_the_result() {
    let (rules, m) = dated();
    // 300 000 NOK in all: above LOA's old lower limit (100 000), below the new (500 000).
    assert!(fired(&rules, &m, date(2026, 6, 30)).contains(&"dated-above-lower-limit".to_string()));
    assert!(!fired(&rules, &m, date(2026, 7, 1)).contains(&"dated-above-lower-limit".to_string()));
}

#[test]
fn a_rule_applies_only_while_it_is_in_force() {
    let (rules, m) = dated();
    let future = "dated-future-rule".to_string();
    assert!(!fired(&rules, &m, date(2027, 12, 31)).contains(&future));
    assert!(fired(&rules, &m, date(2028, 1, 1)).contains(&future));
    assert!(fired(&rules, &m, date(2029, 12, 31)).contains(&future));
    assert!(!fired(&rules, &m, date(2030, 1, 1)).contains(&future));
}

#[test]
fn messages_are_filled_in_with_the_value_in_force() {
    let (rules, m) = dated();
    let e = evaluate(&m, &rules, date(2026, 6, 30));
    let f = &e.findings[0];
    assert_eq!(e.message(f, Lang::Nb), "kjop er over 100 000 NOK");
    assert_eq!(e.message(f, Lang::En), "kjop is above 100 000 NOK");
}

#[test]
fn explain_shows_each_part_of_the_condition_with_its_values() {
    let (rules, m) = dated();
    let e = evaluate(&m, &rules, date(2026, 6, 30));
    let f = &e.findings[0];
    let rule = e.rule(f);
    let steps = explain(&m, &rules, e.at, f, Lang::En);
    let shown: Vec<(String, bool, Vec<String>)> = steps
        .iter()
        .map(|s| {
            (
                s.span.text(&rule.when_text).to_string(),
                s.held,
                s.values.clone(),
            )
        })
        .collect();
    insta::assert_debug_snapshot!(shown);
}

#[test]
fn opportunities_link_to_the_barriers_they_mitigate_unless_refused() {
    let vocab = Arc::new(Vocabulary::builtin().clone());
    let pack = std::fs::read_to_string("tests/rules/ok/mitigation.yaml").unwrap();
    let rules = RuleSet::load(vec![SourceFile::new("mitigation.yaml", pack)], vocab)
        .unwrap_or_else(|e| panic!("{}", e.0[0]));
    let text = std::fs::read_to_string("tests/rules/ok/mitigation.lsm").unwrap();
    let m = model("mitigation.lsm", &text, &rules);
    let e = evaluate(&m, &rules, AT);
    let by_id = |id: &str| e.findings.iter().find(|f| e.rule(f).id == id).unwrap();
    let procurement = by_id("test-procurement-barrier");
    let gdpr = by_id("test-gdpr-barrier");
    let trial = e
        .findings
        .iter()
        .position(|f| e.rule(f).id == "test-trial")
        .unwrap();
    assert_eq!(procurement.mitigated_by, vec![trial]);
    assert!(gdpr.mitigated_by.is_empty());
    assert_eq!(gdpr.refused, vec![trial]);
    assert_eq!(e.rule(&e.findings[trial]).kind, RuleKind::Opportunity);
    let _ = Path::new(".");
}
