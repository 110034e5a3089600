//! The shipped rule packs: they load, every rule's own tests pass, and every rule has a test
//! it must fire on and one it must stay silent on. This is `rammelab rules test` inside
//! `cargo test`.

use crate::base::diag::render_diagnostic;
use crate::engine::testing::{coverage, run_tests, TestOutcome};
use crate::rules::RuleSet;

fn builtin() -> RuleSet {
    match RuleSet::builtin() {
        Ok(r) => r,
        Err(e) => panic!(
            "the built-in rule packs do not load:\n{}",
            e.0.iter()
                .map(|x| render_diagnostic(x, false, 100))
                .collect::<String>()
        ),
    }
}

#[test]
fn every_rule_passes_its_own_tests() {
    let rules = builtin();
    let failures: Vec<String> = run_tests(&rules)
        .into_iter()
        .filter(|r| r.outcome != TestOutcome::Pass)
        .map(|r| {
            let rule = &rules.rules[r.rule];
            format!("{} / {}: {:?}", rule.id, rule.tests[r.test].name, r.outcome)
        })
        .collect();
    assert!(
        failures.is_empty(),
        "failing rule tests:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_a_firing_and_a_silent_test() {
    let rules = builtin();
    let c = coverage(&rules, &[]);
    assert!(
        c.without_firing_test.is_empty(),
        "no firing test: {:?}",
        c.without_firing_test
    );
    assert!(
        c.without_silent_test.is_empty(),
        "no silent test: {:?}",
        c.without_silent_test
    );
}

#[test]
fn every_rule_cites_its_source_with_a_url_and_has_texts_in_both_languages() {
    let rules = builtin();
    for r in &rules.rules {
        assert!(
            r.source.url.starts_with("https://"),
            "{}: url {}",
            r.id,
            r.source.url
        );
        assert!(
            !r.source.act.trim().is_empty() && !r.source.section.trim().is_empty(),
            "{}",
            r.id
        );
        for t in [&r.title, &r.message_text, &r.remedy_text] {
            assert!(
                !t.nb.trim().is_empty() && !t.en.trim().is_empty(),
                "{}: empty text",
                r.id
            );
        }
    }
}
