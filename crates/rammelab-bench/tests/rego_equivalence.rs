//! The benchmark pack and its Rego translation say the same thing: on generated models, rammelab
//! and regorus find the same (rule, subject) pairs. This keeps the side-by-side benchmark honest.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use rammelab::Lang;
use rammelab_bench::{at, workspace_of};
use rammelab_gen::{generate, pack, Spec};

type Pairs = BTreeSet<(String, String)>;

fn rammelab_findings(n: usize, seed: u64, rules: usize) -> Pairs {
    let g = generate(Spec::new(n, seed));
    let workspace = workspace_of(&pack::pack_yaml(rules)).expect("bench pack loads");
    let checked = workspace
        .check_source("gen.lsm", g.to_lsm(), at(), Lang::En)
        .expect("the generated model resolves");
    checked
        .view
        .findings
        .into_iter()
        .map(|f| (f.rule, f.subject))
        .collect()
}

fn regorus_findings(n: usize, seed: u64, rules: usize) -> Pairs {
    let g = generate(Spec::new(n, seed));
    let mut engine = regorus::Engine::new();
    engine
        .add_policy("bench.rego".into(), pack::pack_rego(rules))
        .expect("policy parses");
    engine.set_input_json(&g.to_json()).expect("input");
    let v = engine
        .eval_rule("data.rammelab.bench.findings".into())
        .expect("evaluates");
    let json: serde_json::Value =
        serde_json::from_str(&v.to_json_str().expect("json")).expect("json");
    json.as_array()
        .expect("a set")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default().to_string(),
                f["subject"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_twenty_rule_pack_finds_the_same_in_rammelab_and_regorus() {
    for seed in [1, 2] {
        let ours = rammelab_findings(120, seed, 20);
        let theirs = regorus_findings(120, seed, 20);
        let only_ours: Vec<_> = ours.difference(&theirs).take(10).collect();
        let only_theirs: Vec<_> = theirs.difference(&ours).take(10).collect();
        assert!(
            only_ours.is_empty() && only_theirs.is_empty(),
            "seed {seed}: only rammelab: {only_ours:?}\nonly regorus: {only_theirs:?}"
        );
        let rules: BTreeSet<&str> = ours.iter().map(|(r, _)| r.as_str()).collect();
        assert!(rules.len() >= 15, "most rules fire somewhere: {rules:?}");
    }
}

#[test]
#[ignore = "slow in debug builds; run with --release --ignored"]
fn the_two_hundred_rule_pack_finds_the_same_in_rammelab_and_regorus() {
    let ours = rammelab_findings(300, 3, 200);
    let theirs = regorus_findings(300, 3, 200);
    assert_eq!(ours, theirs);
}
