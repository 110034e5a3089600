//! The analyses on small hand-made graphs.

use super::fixture::{Built, Fx};
use super::*;
use crate::model::ItemId;
use crate::vocab::Lang;

/// Each service's status and the whole path to its first cause, spelled out from the
/// one-step `via`s.
fn statuses(b: &Built) -> Vec<(String, Status, Vec<String>)> {
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    let all = service_statuses(&g);
    all.iter()
        .enumerate()
        .map(|(i, s)| {
            let path = match s.blocked_by.first() {
                Some(&f) => spelled_out(&all, i, f),
                None => Vec::new(),
            };
            (
                b.model.item(s.service).id.clone(),
                s.status,
                names(b, &path),
            )
        })
        .collect()
}

/// Each service's one-step `via`, as ids.
fn steps(b: &Built) -> Vec<Vec<String>> {
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    service_statuses(&g)
        .iter()
        .map(|s| names(b, &s.via))
        .collect()
}

fn status_of(b: &Built, id: &str) -> ServiceStatus {
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    service_statuses(&g)
        .into_iter()
        .find(|s| s.service == b.id(id))
        .unwrap_or_else(|| panic!("no service `{id}`"))
}

fn names(b: &Built, ids: &[ItemId]) -> Vec<String> {
    ids.iter().map(|&i| b.model.item(i).id.clone()).collect()
}

/// s3 -> s2 -> s1 -> f1, a barrier on f1.
fn chain() -> Built {
    Fx::new()
        .actor("k")
        .actor("p")
        .service("s1", "p", &["f1"], &[])
        .service("s2", "p", &[], &["s1"])
        .service("s3", "p", &[], &["s2"])
        .flow("f1", "k", "p")
        .error("gdpr-a", "f1")
        .build()
}

#[test]
fn chain_blocks_every_service_with_the_path_down_the_chain() {
    let b = chain();
    assert_eq!(
        statuses(&b),
        vec![
            ("s1".into(), Status::Blocked, vec!["s1".into(), "f1".into()]),
            (
                "s2".into(),
                Status::Blocked,
                vec!["s2".into(), "s1".into(), "f1".into()]
            ),
            (
                "s3".into(),
                Status::Blocked,
                vec!["s3".into(), "s2".into(), "s1".into(), "f1".into()]
            ),
        ]
    );
    // Each `via` is one step: to the item the barrier sits on, or to the service it comes
    // through, which the same barrier blocks.
    assert_eq!(steps(&b), [["s1", "f1"], ["s2", "s1"], ["s3", "s2"]]);
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    let roots = root_barriers(&g);
    assert_eq!(roots.len(), 1);
    assert_eq!(names(&b, &roots[0].direct), ["s1"]);
    assert_eq!(names(&b, &roots[0].all), ["s1", "s2", "s3"]);
    let steps = unlock_order(&g);
    assert_eq!(steps.len(), 1);
    assert_eq!(names(&b, &steps[0].newly_unblocked), ["s1", "s2", "s3"]);
}

/// top depends on left and right, both depend on bottom, bottom requires f.
fn diamond(extra_on_right: bool) -> Built {
    let fx = Fx::new()
        .actor("k")
        .actor("p")
        .service("bottom", "p", &["f"], &[])
        .service("left", "p", &[], &["bottom"])
        .service("right", "p", &[], &["bottom"])
        .service("top", "p", &[], &["left", "right"])
        .flow("f", "k", "p")
        .error("bottom-barrier", "f");
    if extra_on_right {
        fx.error("right-barrier", "right").build()
    } else {
        fx.build()
    }
}

#[test]
fn diamond_reaches_the_top_once_by_the_first_path() {
    let b = diamond(false);
    let top = status_of(&b, "top");
    assert_eq!(top.status, Status::Blocked);
    assert_eq!(
        top.blocked_by.len(),
        1,
        "the barrier counts once, not once per path"
    );
    assert_eq!(names(&b, &top.via), ["top", "left"]);
    let all = statuses(&b);
    let top = all
        .iter()
        .find(|s| s.0 == "top")
        .unwrap_or_else(|| panic!("no service `top`"));
    assert_eq!(top.2, ["top", "left", "bottom", "f"]);
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    let roots = root_barriers(&g);
    assert_eq!(names(&b, &roots[0].all), ["bottom", "left", "right", "top"]);
}

#[test]
fn diamond_lists_the_nearest_barrier_first() {
    let b = diamond(true);
    let top = status_of(&b, "top");
    assert_eq!(
        top.blocked_by,
        vec![
            b.finding("right-barrier", "right"),
            b.finding("bottom-barrier", "f")
        ]
    );
    assert_eq!(names(&b, &top.via), ["top", "right"]);
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    let roots = root_barriers(&g);
    // bottom-barrier blocks all four; right-barrier blocks right and top.
    assert_eq!(roots[0].finding, b.finding("bottom-barrier", "f"));
    assert_eq!(names(&b, &roots[1].all), ["right", "top"]);
    assert_eq!(names(&b, &roots[1].direct), ["right"]);
    // Removing the bottom barrier unblocks bottom and left; right and top wait for the second.
    let steps = unlock_order(&g);
    assert_eq!(names(&b, &steps[0].newly_unblocked), ["bottom", "left"]);
    assert_eq!(names(&b, &steps[1].newly_unblocked), ["right", "top"]);
}

/// A hub with six services that depend on it; the hub's provider and a volunteer flow into it.
fn fan_out() -> Fx {
    let mut fx = Fx::new()
        .actor("k")
        .actor("hubco")
        .actor("frivillige")
        .service("hub", "hubco", &[], &[])
        .flow("timer", "frivillige", "hub");
    for i in 1..=6 {
        fx = fx.service(&format!("s{i}"), "k", &[], &["hub"]);
    }
    fx
}

#[test]
fn fan_out_barrier_on_the_provider_blocks_the_hub_and_all_its_dependents() {
    let b = fan_out().error("provider-barrier", "hubco").build();
    let st = statuses(&b);
    assert!(st.iter().all(|(_, s, _)| *s == Status::Blocked), "{st:?}");
    assert_eq!(st[3].2, ["s3", "hub", "hubco"]);
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    let roots = root_barriers(&g);
    assert_eq!(names(&b, &roots[0].direct), ["hub"]);
    assert_eq!(roots[0].all.len(), 7);
}

#[test]
fn fan_out_barrier_on_a_flow_into_the_hub_counts() {
    let b = fan_out().error("hours-barrier", "timer").build();
    let s6 = status_of(&b, "s6");
    assert_eq!(s6.status, Status::Blocked);
    assert_eq!(names(&b, &s6.via), ["s6", "hub"]);
    assert_eq!(statuses(&b)[6].2, ["s6", "hub", "timer"]);
}

#[test]
fn fan_out_barrier_on_a_recipient_or_a_senders_actor_does_not_count() {
    let b = Fx::new()
        .actor("k")
        .actor("eldre")
        .actor("frivillige")
        .service("hub", "k", &[], &[])
        .recipients(&["eldre"])
        .flow("timer", "frivillige", "hub")
        .error("recipient-barrier", "eldre")
        .error("sender-barrier", "frivillige")
        .build();
    assert_eq!(statuses(&b), vec![("hub".into(), Status::Ok, vec![])]);
}

#[test]
fn barrier_mitigated_by_two_opportunities_is_a_risk_not_a_block() {
    let b = Fx::new()
        .actor("k")
        .actor("p")
        .service("s", "p", &["f"], &[])
        .flow("f", "k", "p")
        .error("procurement", "f")
        .opportunity("public-public", "f", &[("procurement", "f")])
        .opportunity("in-house", "k", &[("procurement", "f")])
        .build();
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    let s = &service_statuses(&g)[0];
    assert_eq!(s.status, Status::AtRisk);
    assert_eq!(s.blocked_by, vec![b.finding("procurement", "f")]);
    assert_eq!(names(&b, &s.via), ["s", "f"]);
    assert!(unmitigated_barriers(&g).is_empty());
    assert!(root_barriers(&g).is_empty());
    assert!(unlock_order(&g).is_empty());
    let barrier = g.index(Node::Finding(b.finding("procurement", "f")));
    let barrier = barrier.unwrap_or_else(|| panic!("no barrier node"));
    assert_eq!(g.incoming(barrier, EdgeKind::Mitigates).len(), 2);
}

#[test]
fn warning_only_is_at_risk() {
    let b = Fx::new()
        .actor("k")
        .actor("p")
        .service("s1", "p", &["f"], &[])
        .service("s2", "p", &[], &["s1"])
        .flow("f", "k", "p")
        .warning("risky", "f")
        .build();
    assert_eq!(
        statuses(&b),
        vec![
            ("s1".into(), Status::AtRisk, vec!["s1".into(), "f".into()]),
            (
                "s2".into(),
                Status::AtRisk,
                vec!["s2".into(), "s1".into(), "f".into()]
            ),
        ]
    );
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    assert_eq!(unmitigated_barriers(&g), vec![b.finding("risky", "f")]);
    assert!(root_barriers(&g).is_empty(), "a warning blocks nothing");
}

#[test]
fn a_block_outranks_a_nearer_risk() {
    let b = Fx::new()
        .actor("k")
        .actor("p")
        .service("s1", "p", &["f"], &[])
        .service("s2", "p", &[], &["s1"])
        .flow("f", "k", "p")
        .warning("risky", "s2")
        .error("hard", "f")
        .build();
    let s2 = status_of(&b, "s2");
    assert_eq!(s2.status, Status::Blocked);
    assert_eq!(s2.blocked_by, vec![b.finding("hard", "f")]);
}

#[test]
fn barrier_on_a_required_agreement_blocks_but_not_on_an_unrequired_one() {
    let b = Fx::new()
        .actor("k")
        .actor("p")
        .service("s1", "p", &["dpa"], &[])
        .service("s2", "p", &[], &[])
        .agreement("dpa", "k", "p")
        .agreement("other", "k", "p")
        .error("agreement-barrier", "dpa")
        .error("other-barrier", "other")
        .build();
    assert_eq!(
        statuses(&b),
        vec![
            (
                "s1".into(),
                Status::Blocked,
                vec!["s1".into(), "dpa".into()]
            ),
            ("s2".into(), Status::Ok, vec![]),
        ]
    );
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    // The barrier on the unrequired agreement blocks no service and ranks last.
    let roots = root_barriers(&g);
    assert_eq!(roots.len(), 2);
    assert_eq!(roots[1].finding, b.finding("other-barrier", "other"));
    assert!(roots[1].all.is_empty());
}

#[test]
fn service_without_barriers_is_ok() {
    let b = Fx::new()
        .actor("k")
        .service("s", "k", &["f"], &[])
        .flow("f", "k", "s")
        .opportunity("public-health", "s", &[])
        .build();
    let s = status_of(&b, "s");
    assert_eq!(s.status, Status::Ok);
    assert!(s.blocked_by.is_empty() && s.via.is_empty());
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    let opp = g
        .index(Node::Finding(0))
        .unwrap_or_else(|| panic!("no node"));
    assert_eq!(
        g.outgoing(opp, EdgeKind::Supports).len(),
        1,
        "an opportunity that mitigates nothing points at its subject"
    );
}

#[test]
fn a_cycle_of_dependencies_terminates_and_blocks_both() {
    let b = Fx::new()
        .actor("p")
        .service("a", "p", &[], &["b"])
        .service("b", "p", &[], &["a"])
        .error("on-a", "a")
        .build();
    assert_eq!(
        statuses(&b),
        vec![
            ("a".into(), Status::Blocked, vec!["a".into()]),
            ("b".into(), Status::Blocked, vec!["b".into(), "a".into()]),
        ]
    );
}

#[test]
fn model_level_barrier_changes_no_status_but_is_unmitigated() {
    let b = Fx::new()
        .actor("p")
        .service("s", "p", &[], &[])
        .model_error("model-wide")
        .build();
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    assert_eq!(service_statuses(&g)[0].status, Status::Ok);
    assert_eq!(unmitigated_barriers(&g), vec![0]);
}

/// b1 and b2 both block s1..s3; b3 alone blocks s4. By count b1 and b2 come first, but removing
/// either alone unblocks nothing, while removing b3 unblocks s4 at once.
fn greedy_case() -> Built {
    let mut fx = Fx::new().actor("k").actor("p");
    for s in ["s1", "s2", "s3"] {
        fx = fx.service(s, "p", &[], &[]);
    }
    fx = fx.service("s4", "p", &["f4"], &[]).flow("f4", "k", "p");
    for s in ["s1", "s2", "s3"] {
        fx = fx.error("b1", s).error("b2", s);
    }
    fx.error("b3", "f4").build()
}

#[test]
fn unlock_order_takes_the_quick_win_first() {
    let b = greedy_case();
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    let roots = root_barriers(&g);
    let rule = |f: usize| eval.rule(&eval.findings[f]).id.clone();
    assert_eq!(
        rule(roots[0].finding),
        "b1",
        "b1 blocks three services: it ranks first"
    );
    let steps = unlock_order(&g);
    let order: Vec<(String, Vec<String>)> = steps
        .iter()
        .map(|s| {
            (
                format!(
                    "{}@{}",
                    rule(s.finding),
                    eval.findings[s.finding].subject.id(&b.model)
                ),
                names(&b, &s.newly_unblocked),
            )
        })
        .collect();
    // Then the barriers of s1..s3: each service needs both b1 and b2 gone. Greedy removes the
    // barrier reaching the most still-blocked services, ties by rule id and position.
    assert_eq!(order[0], ("b3@f4".to_string(), vec!["s4".to_string()]));
    let unblocked: Vec<String> = order.iter().flat_map(|(_, u)| u.clone()).collect();
    assert_eq!(unblocked, ["s4", "s1", "s2", "s3"]);
    assert_eq!(order.len(), 7, "every blocking barrier appears once");
}

#[test]
fn focus_keeps_what_leads_to_and_from_an_item() {
    let b = Fx::new()
        .actor("k")
        .actor("p")
        .actor("q")
        .service("s1", "p", &["f1"], &[])
        .service("s2", "p", &[], &["s1"])
        .service("lone", "q", &[], &[])
        .flow("f1", "k", "p")
        .error("gdpr-a", "f1")
        .opportunity("help", "f1", &[("gdpr-a", "f1")])
        .build();
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    let keep = g.focus("s1").unwrap_or_else(|e| panic!("{e}"));
    let keys: Vec<&str> = keep.iter().map(|&ix| g.key(ix)).collect();
    assert!(keys.contains(&"s2"), "what s1 leads to: {keys:?}");
    assert!(keys.contains(&"gdpr-a@f1") && keys.contains(&"help@f1") && keys.contains(&"f1"));
    assert!(
        keys.contains(&"Testloven § 1"),
        "the legal source: {keys:?}"
    );
    assert!(!keys.contains(&"lone") && !keys.contains(&"q"));
    // A rule id focuses on its findings.
    assert!(g.focus("gdpr-a").is_ok());
    match g.focus("s3") {
        Err(GraphError::UnknownFocus { help, .. }) => {
            assert!(help.unwrap_or_default().contains("`s1`"));
        }
        other => panic!("expected an error, got {other:?}"),
    }
}

#[test]
fn graph_has_typed_edges_and_one_node_per_legal_source() {
    let b = Fx::new()
        .actor("k")
        .actor("p")
        .actor("eldre")
        .service("s1", "p", &["f1", "avtale"], &[])
        .recipients(&["eldre"])
        .service("s2", "p", &[], &["s1"])
        .flow("f1", "k", "p")
        .agreement("avtale", "k", "p")
        .error("gdpr-a", "f1")
        .error("gdpr-a", "avtale")
        .build();
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    assert_eq!(
        g.sources().len(),
        1,
        "two findings of one rule rest on one source"
    );
    let mut kinds: Vec<EdgeKind> = g.edges().map(|(_, _, k)| k).collect();
    kinds.sort();
    kinds.dedup();
    assert_eq!(
        kinds,
        vec![
            EdgeKind::Sends,
            EdgeKind::FlowsTo,
            EdgeKind::PartyTo,
            EdgeKind::RequiredBy,
            EdgeKind::NeededBy,
            EdgeKind::Provides,
            EdgeKind::Serves,
            EdgeKind::Blocks,
            EdgeKind::Grounds,
        ]
    );
    let keys: Vec<&str> = g.nodes().map(|ix| g.key(ix)).collect();
    assert_eq!(
        keys,
        [
            "k",
            "p",
            "eldre",
            "s1",
            "s2",
            "f1",
            "avtale",
            "gdpr-a@f1",
            "gdpr-a@avtale",
            "Testloven § 1"
        ]
    );
}

#[test]
fn outputs_are_deterministic_and_escaped() {
    let b = greedy_case();
    let eval = b.eval();
    let g1 = BarrierGraph::build(&eval);
    let g2 = BarrierGraph::build(&eval);
    for lang in [Lang::Nb, Lang::En] {
        assert_eq!(to_dot(&g1, lang, None), to_dot(&g2, lang, None));
        assert_eq!(to_mermaid(&g1, lang, None), to_mermaid(&g2, lang, None));
        assert_eq!(to_svg(&g1, lang, None), to_svg(&g2, lang, None));
        assert_eq!(to_json(&g1, lang, None), to_json(&g2, lang, None));
    }
    let dot = to_dot(&g1, Lang::Nb, None);
    assert!(dot.contains(r#"digraph "Testmodell \"A&B\" <1>""#), "{dot}");
    let mermaid = to_mermaid(&g1, Lang::Nb, None);
    assert!(
        mermaid.contains(r#"title: "Testmodell \"A&B\" <1>"#),
        "{mermaid}"
    );
    let svg = to_svg(&g1, Lang::Nb, None);
    assert!(svg.contains("Testmodell &quot;A&amp;B&quot; &lt;1&gt;"));
    roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("invalid SVG: {e}"));
}

#[test]
fn services_json_follows_the_contract() {
    let b = chain();
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    let v = services_json(&g);
    assert_eq!(
        v[2],
        serde_json::json!({"id": "s3", "status": "blocked", "blocked_by": ["gdpr-a"], "via": ["s3", "s2"]})
    );
    let all = to_json(&g, Lang::En, Some("s2"));
    let ids: Vec<&str> = all["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|n| n["id"].as_str())
        .collect();
    assert!(ids.contains(&"s1") && ids.contains(&"s3") && !ids.is_empty());
    assert_eq!(all["unlock_order"][0]["rule"], "gdpr-a");
}

/// The graphs of the shipped models (the unit tests run in the crate's folder).
fn shipped_graphs(mut f: impl FnMut(&str, &BarrierGraph)) {
    let rules = crate::rules::RuleSet::builtin().unwrap_or_else(|e| panic!("{e:?}"));
    let mut paths: Vec<_> = std::fs::read_dir("models")
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "lsm"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{e}"));
        let source = crate::model::SourceFile::new(p.clone(), text);
        let model = crate::model::resolve_source(source, &rules.vocab)
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let eval = crate::engine::evaluate(&model, &rules, super::fixture::at());
        let g = BarrierGraph::build(&eval);
        f(&p.display().to_string(), &g);
    }
}

#[test]
fn svg_of_shipped_models_has_no_overlapping_nodes_and_no_text_outside_its_box() {
    shipped_graphs(|name, g| {
        for lang in [Lang::Nb, Lang::En] {
            let boxes = super::svg::placed_boxes(g, lang);
            for (i, (a, fits)) in boxes.iter().enumerate() {
                assert!(fits, "{name}: the text of node {i} is wider than its box");
                for (j, (b, _)) in boxes.iter().enumerate().skip(i + 1) {
                    assert!(
                        !a.overlaps(b),
                        "{name}: nodes {i} and {j} overlap: {a:?} {b:?}"
                    );
                }
            }
        }
    });
}

#[test]
fn an_unknown_focus_draws_an_empty_but_valid_picture() {
    let b = chain();
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    let svg = to_svg(&g, Lang::En, Some("nothing-here"));
    assert!(svg.contains("Nothing to draw."));
    roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("invalid SVG: {e}"));
    assert!(to_dot(&g, Lang::En, Some("nothing-here")).ends_with("}\n"));
}

/// The item ids in each drawing for paper, and its title.
fn paper_groups(b: &Built) -> Vec<(String, Vec<String>)> {
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    labels::Scene::barrier_path_groups(&g, Lang::En)
        .iter()
        .map(|s| {
            let items = s
                .nodes
                .iter()
                .filter_map(|&ix| match g.node(ix) {
                    Node::Item(id) => Some(b.model.item(id).id.clone()),
                    _ => None,
                })
                .collect();
            (s.title(), items)
        })
        .collect()
}

#[test]
fn paper_drawing_of_a_chain_is_one_drawing_ending_in_the_last_service() {
    let groups = paper_groups(&chain());
    assert_eq!(groups.len(), 1, "{groups:?}");
    assert!(groups[0].0.contains("«s3»"), "{groups:?}");
    // The barrier's flow and the chain; not the actors, which no barrier travels through.
    let mut items = groups[0].1.clone();
    items.sort();
    assert_eq!(items, ["f1", "s1", "s2", "s3"]);
}

#[test]
fn paper_drawings_split_a_fan_out_by_service_and_keep_barriers_that_reach_none() {
    let b = fan_out()
        .error("hours-barrier", "timer")
        .error("recipient-barrier", "frivillige")
        .build();
    let groups = paper_groups(&b);
    // One drawing for each of s1..s6 (none depends on another), each with the hub and the
    // flow into it, then the barrier on a sender's actor, which blocks no service.
    assert_eq!(groups.len(), 7, "{groups:?}");
    for (i, (title, items)) in groups.iter().take(6).enumerate() {
        assert!(title.contains(&format!("«s{}»", i + 1)), "{title}");
        let mut items = items.clone();
        items.sort();
        assert_eq!(items, ["hub", format!("s{}", i + 1).as_str(), "timer"]);
    }
    assert!(groups[6].0.contains("reach no service"), "{groups:?}");
    assert_eq!(groups[6].1, ["frivillige"]);
}

#[test]
fn paper_drawing_of_a_service_many_barriers_reach_is_split_into_parts() {
    // Six barriers on the flow s1 requires, with s2 and s3 down the chain: too many for one
    // landscape page, so two drawings of at most four barriers, each with the whole chain.
    let mut fx = Fx::new()
        .actor("k")
        .actor("p")
        .service("s1", "p", &["f1"], &[])
        .service("s2", "p", &[], &["s1"])
        .service("s3", "p", &[], &["s2"])
        .flow("f1", "k", "p");
    for i in 1..=6 {
        fx = fx.error(&format!("rule-{i}"), "f1");
    }
    let b = fx.build();
    let groups = paper_groups(&b);
    assert_eq!(groups.len(), 2, "{groups:?}");
    assert!(
        groups[0].0.contains("«s3»") && groups[0].0.contains("part 1 of 2"),
        "{groups:?}"
    );
    assert!(groups[1].0.contains("part 2 of 2"), "{groups:?}");
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    let barriers: Vec<usize> = labels::Scene::barrier_path_groups(&g, Lang::En)
        .iter()
        .map(|s| {
            s.nodes
                .iter()
                .filter(|&&ix| g.kind(ix) == NodeKind::Barrier)
                .count()
        })
        .collect();
    assert_eq!(barriers, [4, 2]);
    for (_, items) in &groups {
        let mut items = items.clone();
        items.sort();
        assert_eq!(items, ["f1", "s1", "s2", "s3"]);
    }
}

/// The statuses and the unlock order, computed once per service and with a priority queue,
/// agree with the plain definitions (a breadth-first walk from every service; the greedy loop
/// that rescans every barrier at each step) on pseudo-random graphs of services that depend on
/// each other, with errors and warnings on services, providers and flows.
#[test]
fn memoised_statuses_and_unlock_order_agree_with_the_plain_definitions() {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |m: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m as u64) as usize
    };
    let (mut reached_through, mut unlocked) = (0, 0);
    for _ in 0..40 {
        let n = 3 + next(12);
        let mut fx = Fx::new().actor("k").actor("p0").actor("p1");
        let mut findings: Vec<(bool, String)> = Vec::new();
        for i in 0..n {
            let deps: Vec<String> = (0..next(4))
                .filter(|_| i > 0)
                .map(|_| format!("s{}", next(i)))
                .collect();
            let deps: Vec<&str> = deps.iter().map(String::as_str).collect();
            let flow = format!("f{i}");
            let provider = format!("p{}", next(2));
            fx = fx
                .service(&format!("s{i}"), &provider, &[&flow], &deps)
                .flow(&flow, "k", &provider);
            for _ in 0..next(3) {
                let subject = match next(3) {
                    0 => format!("s{i}"),
                    1 => flow.clone(),
                    _ => provider.clone(),
                };
                findings.push((next(3) == 0, subject));
            }
        }
        for (k, (warning, subject)) in findings.iter().enumerate() {
            let rule = format!("r{}", k % 5);
            fx = if *warning {
                fx.warning(&rule, subject)
            } else {
                fx.error(&rule, subject)
            };
        }
        let b = fx.build();
        let eval = b.eval();
        let g = BarrierGraph::build(&eval);
        let statuses = service_statuses(&g);
        for (i, s) in statuses.iter().enumerate() {
            let plain = plain_causes(&g, s.service);
            let blocks: Vec<usize> = plain
                .iter()
                .copied()
                .filter(|&f| g.effect(f) == Effect::Blocks)
                .collect();
            let risks: Vec<usize> = plain
                .iter()
                .copied()
                .filter(|&f| g.effect(f) == Effect::Risk)
                .collect();
            let expected = if blocks.is_empty() { risks } else { blocks };
            assert_eq!(s.blocked_by, expected, "service {i}");
            // Every cause's steps lead, service by service, to an item it sits on.
            for &f in &s.blocked_by {
                let path = spelled_out(&statuses, i, f);
                let last = path.last().copied().unwrap_or(s.service);
                let sits = g
                    .index(Node::Item(last))
                    .map(|ix| g.incoming(ix, EdgeKind::Blocks))
                    .unwrap_or_default()
                    .into_iter()
                    .any(|b| g.node(b) == Node::Finding(f));
                assert!(sits, "{path:?} does not end where the barrier sits");
                reached_through += usize::from(path.len() > 2);
            }
        }
        let steps = unlock_order(&g);
        unlocked += steps
            .iter()
            .filter(|s| !s.newly_unblocked.is_empty())
            .count();
        assert_eq!(steps, plain_unlock_order(&g));
    }
    assert!(
        reached_through > 20 && unlocked > 20,
        "the graphs are too plain to test anything: {reached_through} paths through a \
         dependency, {unlocked} unlocking steps"
    );
}

/// Every barrier that reaches a service, nearest first, by a breadth-first walk along
/// `depends_on` (the definition the memoised computation must match).
fn plain_causes(g: &BarrierGraph, service: ItemId) -> Vec<usize> {
    let Some(start) = g.index(Node::Item(service)) else {
        return Vec::new();
    };
    let mut out: Vec<usize> = Vec::new();
    let mut seen = std::collections::HashSet::from([start]);
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(s) = queue.pop_front() {
        let mut items = vec![s];
        items.extend(g.incoming(s, EdgeKind::Provides));
        items.extend(g.incoming(s, EdgeKind::RequiredBy));
        items.extend(g.incoming(s, EdgeKind::FlowsTo));
        let mut once = std::collections::HashSet::new();
        items.retain(|i| once.insert(*i));
        for item in items {
            for b in g.incoming(item, EdgeKind::Blocks) {
                if let Node::Finding(f) = g.node(b) {
                    if g.effect(f) != Effect::None && !out.contains(&f) {
                        out.push(f);
                    }
                }
            }
        }
        for dep in g.incoming(s, EdgeKind::NeededBy) {
            if seen.insert(dep) {
                queue.push_back(dep);
            }
        }
    }
    out
}

/// The greedy unlock order by rescanning every remaining barrier at each step.
fn plain_unlock_order(g: &BarrierGraph) -> Vec<UnlockStep> {
    let eval = g.eval();
    let mut blocks: std::collections::BTreeMap<usize, Vec<ItemId>> = root_barriers(g)
        .into_iter()
        .map(|r| (r.finding, r.all))
        .collect();
    let mut left: std::collections::HashMap<ItemId, usize> = std::collections::HashMap::new();
    for services in blocks.values() {
        for &s in services {
            *left.entry(s).or_default() += 1;
        }
    }
    let rule = |f: usize| eval.rule(&eval.findings[f]).id.clone();
    let mut steps = Vec::new();
    while !blocks.is_empty() {
        let best = blocks
            .iter()
            .map(|(&f, services)| {
                let newly: Vec<ItemId> = services
                    .iter()
                    .copied()
                    .filter(|s| left.get(s) == Some(&1))
                    .collect();
                let involved = services.iter().filter(|s| left.get(s) > Some(&0)).count();
                (f, newly, involved)
            })
            .min_by(|a, b| {
                b.1.len()
                    .cmp(&a.1.len())
                    .then_with(|| b.2.cmp(&a.2))
                    .then_with(|| rule(a.0).cmp(&rule(b.0)))
                    .then_with(|| a.0.cmp(&b.0))
            });
        let Some((f, newly, _)) = best else {
            break;
        };
        for s in blocks.remove(&f).unwrap_or_default() {
            if let Some(l) = left.get_mut(&s) {
                *l -= 1;
            }
        }
        steps.push(UnlockStep {
            finding: f,
            newly_unblocked: newly,
        });
    }
    steps
}
