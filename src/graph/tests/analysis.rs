//! The analyses on small hand-made graphs.

use crate::graph::fixture::{chain, fan_out, greedy_case, Built, Fx};
use crate::graph::*;
use crate::model::ItemId;

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
