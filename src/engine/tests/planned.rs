//! The planned evaluation (indexes, query plans, indexed mitigation links) finds exactly what the
//! reference evaluation finds (every quantifier over every item, mitigations pair by pair): the
//! same findings, messages, and mitigation links, in the same order, on generated models of
//! many seeds, with the benchmark pack, the shipped packs and a pack of rules written to reach
//! every corner of the planner. The models and the benchmark pack are text from the generator
//! (`crates/rammelab-gen`, which does not depend on this crate), read by the crate's own parser
//! and loader.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use rammelab_gen::{generate, pack, GVal, Generated, Spec};

use crate::base::source::SourceFile;
use crate::engine::{evaluate, evaluate_reference};
use crate::model::{resolve_source, Model};
use crate::rules::RuleSet;
use crate::vocab::{ItemKind, Vocabulary};

const CORNERS: &str = r#"
pack: corners
version: "1"
title: {nb: Hjørner, en: Corners}
test_date: 2026-06-01
rules:
  - id: is-probe
    kind: barrier
    title: {nb: t, en: t}
    message: {nb: "{flow}", en: "{flow}"}
    remedy: {nb: r, en: r}
    source: {act: A, short: a, section: "1", url: "u"}
    in_force: {from: 2018-01-01}
    for_each: flow
    when: |
      any(actor a: a == flow.from and a.type == municipality)
      and any(actor b: flow.to == b and b.type in [private_company, social_enterprise])
  - id: in-parties
    kind: barrier
    title: {nb: t, en: t}
    message: {nb: "{actor}", en: "{actor}"}
    remedy: {nb: r, en: r}
    source: {act: A, short: a, section: "1", url: "u"}
    in_force: {from: 2018-01-01}
    for_each: actor
    when: |
      count(agreement a: actor in a.parties and a.kind == data_processing) >= 2
  - id: inverse-requires
    kind: barrier
    title: {nb: t, en: t}
    message: {nb: "{flow}", en: "{flow}"}
    remedy: {nb: r, en: r}
    source: {act: A, short: a, section: "1", url: "u"}
    in_force: {from: 2018-01-01}
    for_each: flow
    when: |
      flow.resource == money
      and count(service s: s.requires contains flow and s.domain != culture) >= 1
      and none(service s: s.requires contains flow and s.domain == culture)
  - id: provides-through
    kind: opportunity
    title: {nb: t, en: t}
    message: {nb: "{actor}", en: "{actor}"}
    remedy: {nb: r, en: r}
    source: {act: A, short: a, section: "1", url: "u"}
    in_force: {from: 2018-01-01}
    for_each: actor
    mitigates: [inverse-requires, in-parties, "act:b"]
    when: |
      any(s in actor.provides: s.domain == health_care)
      or any(f in actor.outflows: f.resource == staff)
  - id: requires-path-inverse
    kind: barrier
    title: {nb: t, en: t}
    message: {nb: "{service}", en: "{service}"}
    remedy: {nb: r, en: r}
    source: {act: B, short: b, section: "1", url: "u"}
    in_force: {from: 2018-01-01}
    for_each: service
    when: |
      any(f in service.requires: f.resource == personal_data and f.data contains health)
      and all(d in service.depends_on: d.domain != service.domain)
  - id: model-counts
    kind: barrier
    title: {nb: t, en: t}
    message: {nb: "{model}", en: "{model}"}
    remedy: {nb: r, en: r}
    source: {act: A, short: a, section: "1", url: "u"}
    in_force: {from: 2018-01-01}
    for_each: model
    when: |
      count(flow f: f.data intersects [health, income]) > 3
      and count(flow f: f.resource == money and any(agreement a: a.parties contains f.from and a.parties contains f.to)) > 1
      and count(service s: any(flow f: s.requires contains f and f.resource == money)) > 0
  - id: same-and-dependents
    kind: opportunity
    title: {nb: t, en: t}
    message: {nb: "{service}", en: "{service}"}
    remedy: {nb: r, en: r}
    source: {act: A, short: a, section: "1", url: "u"}
    in_force: {from: 2018-01-01}
    for_each: service
    mitigation_scope: model
    mitigates: [requires-path-inverse]
    when: |
      count(d in service.dependents: true) >= 1
      and any(service w: w == service and w.statutory == yes)
      and count(service t: any(u in t.depends_on: u == service)) >= 1
  - id: nested-keys
    kind: barrier
    title: {nb: t, en: t}
    message: {nb: "{actor}", en: "{actor}"}
    remedy: {nb: r, en: r}
    source: {act: A, short: a, section: "1", url: "u"}
    in_force: {from: 2018-01-01}
    for_each: actor
    not_mitigated_by: [provides-through]
    when: |
      actor.type == municipality
      and any(flow f: f.from == actor and f.resource == personal_data
                      and not any(agreement a: a.parties contains f.from and a.parties contains f.to)
                      and any(flow g: g.from == f.to and g.data contains health))
  - id: among-parties
    kind: barrier
    title: {nb: t, en: t}
    message: {nb: "{agreement}", en: "{agreement}"}
    remedy: {nb: r, en: r}
    source: {act: A, short: a, section: "1", url: "u"}
    in_force: {from: 2018-01-01}
    for_each: agreement
    when: |
      any(actor p: agreement.parties contains p and p.type == municipality)
      and count(flow f: agreement.parties contains f.from and f.to in agreement.parties) >= 1
  - id: all-parties
    kind: barrier
    title: {nb: t, en: t}
    message: {nb: "{agreement}", en: "{agreement}"}
    remedy: {nb: r, en: r}
    source: {act: A, short: a, section: "1", url: "u"}
    in_force: {from: 2018-01-01}
    for_each: agreement
    when: |
      none(agreement b: b.kind in [data_processing, data_sharing]
                        and all(p in agreement.parties: b.parties contains p))
      and any(agreement c: c != agreement and all(p in agreement.parties: p in c.parties))
  - id: either-side
    kind: barrier
    title: {nb: t, en: t}
    message: {nb: "{flow}", en: "{flow}"}
    remedy: {nb: r, en: r}
    source: {act: A, short: a, section: "1", url: "u"}
    in_force: {from: 2018-01-01}
    for_each: flow
    when: |
      any(service b: b.domain in [health_care, public_health, social_services]
                     and (b.requires contains flow or any(d in b.depends_on: d.requires contains flow)))
      or any(service b: (b.requires contains flow or b.statutory == yes) and b.domain == culture)
  - id: dependents-counted
    kind: barrier
    title: {nb: t, en: t}
    message: {nb: "{service}", en: "{service}"}
    remedy: {nb: r, en: r}
    source: {act: A, short: a, section: "1", url: "u"}
    in_force: {from: 2018-01-01}
    for_each: service
    when: |
      count(service s: s.depends_on contains service) >= 1
      and count(flow f: f.to == service or f.to == service.provider) >= 2
"#;

fn vocab() -> Arc<Vocabulary> {
    Arc::new(Vocabulary::builtin().clone())
}

fn load(texts: &[(&str, String)]) -> RuleSet {
    let files = texts
        .iter()
        .map(|(name, text)| SourceFile::new(*name, text.clone()))
        .collect();
    RuleSet::load(files, vocab()).expect("packs load")
}

/// Repeats some references, so that counts over indexes must not count an item twice.
fn with_repeats(mut g: Generated) -> Generated {
    for (i, it) in g.items.iter_mut().enumerate() {
        if i % 7 != 0 {
            continue;
        }
        for (_, v) in it.fields.iter_mut() {
            if let GVal::Refs(rs) = v {
                if let Some(&first) = rs.first() {
                    rs.push(first);
                }
            }
        }
    }
    g
}

fn same(model: &Model, rules: &RuleSet, what: &str) {
    let at = jiff::civil::date(2026, 6, 1);
    let planned = evaluate(model, rules, at);
    let reference = evaluate_reference(model, rules, at);
    assert_eq!(
        planned.evaluated, reference.evaluated,
        "{what}: rules evaluated"
    );
    assert_eq!(
        planned.findings.len(),
        reference.findings.len(),
        "{what}: number of findings"
    );
    for (p, r) in planned.findings.iter().zip(&reference.findings) {
        assert_eq!(p, r, "{what}: finding of `{}`", rules.rules[r.rule].id);
    }
}

#[test]
fn planned_evaluation_equals_the_reference_on_generated_models() {
    let bench = load(&[("bench.yaml", pack::pack_yaml(200))]);
    let corners = load(&[("corners.yaml", CORNERS.to_string())]);
    let shipped = RuleSet::builtin().expect("shipped packs");
    let mut fired = std::collections::BTreeSet::new();
    for seed in 0..12u64 {
        let n = 30 + 11 * seed as usize;
        let mut g = generate(Spec::new(n, seed));
        if seed % 2 == 1 {
            g = with_repeats(g);
        }
        let model = resolve_source(SourceFile::new("gen.lsm", g.to_lsm()), &vocab())
            .unwrap_or_else(|e| panic!("seed {seed}: the generated model resolves: {e:?}"));
        same(&model, &bench, &format!("bench, seed {seed}"));
        same(&model, &corners, &format!("corners, seed {seed}"));
        same(&model, &shipped, &format!("shipped, seed {seed}"));
        let at = jiff::civil::date(2026, 6, 1);
        for f in evaluate(&model, &corners, at).findings {
            fired.insert(corners.rules[f.rule].id.clone());
        }
    }
    // The corner rules are only worth their name if they fire.
    assert_eq!(
        fired.len(),
        corners.rules.len(),
        "corner rules that fired: {fired:?}"
    );
}

#[test]
fn the_planner_plans_the_join_and_group_by_shapes() {
    let bench = load(&[("bench.yaml", pack::pack_yaml(20))]);
    for r in &bench.rules {
        if r.for_each != ItemKind::Model {
            assert!(
                !r.plan.is_scan(),
                "`{}` visits every {:?}",
                r.id,
                r.for_each
            );
        }
    }
}
