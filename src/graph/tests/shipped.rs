//! The dependency graph on the shipped models: the normative example is blocked and unblocked
//! as BRIEF.md says. Dates are pinned. (The drawings of every shipped model are tested in
//! `src/render/graph/tests/shipped.rs`, the `graph` command in `tests/cli/graph.rs`.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use jiff::civil::{date, Date};

use crate::base::diag::render_diagnostic;
use crate::engine::evaluate;
use crate::graph::{root_barriers, service_statuses, unlock_order, BarrierGraph, Status};
use crate::model::{resolve_source, ItemId, Model, SourceFile};
use crate::rules::RuleSet;

const AT: Date = date(2026, 11, 28);

fn builtin() -> RuleSet {
    RuleSet::builtin()
        .unwrap_or_else(|e| panic!("built-in packs: {:?}", e.0.first().map(|x| x.to_string())))
}

fn model(name: &str, text: &str, rules: &RuleSet) -> Model {
    resolve_source(SourceFile::new(name, text), &rules.vocab)
        .unwrap_or_else(|e| panic!("{name}: {}", render_diagnostic(&e, false, 100)))
}

/// (service, status, via) of every service.
fn statuses(text: &str) -> Vec<(String, Status, Vec<String>)> {
    let rules = builtin();
    let m = model("paa-doerterskelen.lsm", text, &rules);
    let e = evaluate(&m, &rules, AT);
    let g = BarrierGraph::build(&e);
    service_statuses(&g)
        .into_iter()
        .map(|s| {
            let via = s.via.iter().map(|&i| m.item(i).id.clone()).collect();
            (m.item(s.service).id.clone(), s.status, via)
        })
        .collect()
}

fn example() -> String {
    std::fs::read_to_string("models/paa-doerterskelen.lsm").unwrap()
}

#[test]
fn normative_example_blocks_beredskap_only_through_doerbesok() {
    let st = statuses(&example());
    assert_eq!(st.len(), 2);
    let (id, status, via) = &st[0];
    assert_eq!((id.as_str(), *status), ("doerbesok", Status::Blocked));
    assert_eq!(via[0], "doerbesok");
    let (id, status, via) = &st[1];
    assert_eq!((id.as_str(), *status), ("beredskap", Status::Blocked));
    assert_eq!(
        &via[..2],
        ["beredskap", "doerbesok"],
        "beredskap is blocked via doerbesok"
    );

    // Both barriers of the brief block both services; beredskap has no blocking barrier of its own.
    let rules = builtin();
    let m = model("paa-doerterskelen.lsm", &example(), &rules);
    let e = evaluate(&m, &rules, AT);
    let g = BarrierGraph::build(&e);
    let roots: Vec<(String, Vec<String>, Vec<String>)> = root_barriers(&g)
        .iter()
        .map(|r| {
            let f = &e.findings[r.finding];
            let ids = |xs: &[ItemId]| xs.iter().map(|&i| m.item(i).id.clone()).collect();
            (
                format!("{}@{}", e.rule(f).id, f.subject.id(&m)),
                ids(&r.direct),
                ids(&r.all),
            )
        })
        .collect();
    assert!(
        roots.iter().any(|(k, d, a)| k.starts_with("gdpr-art28")
            && k.ends_with("@mottakerliste")
            && d == &["doerbesok"]
            && a == &["doerbesok", "beredskap"]),
        "{roots:?}"
    );
    assert!(
        roots
            .iter()
            .any(|(k, _, a)| k.ends_with("@oppdrag") && a == &["doerbesok", "beredskap"]),
        "{roots:?}"
    );
    assert!(roots
        .iter()
        .all(|(_, d, _)| !d.contains(&"beredskap".to_string())));
    let last = unlock_order(&g).last().cloned().unwrap();
    let unblocked: Vec<&str> = last
        .newly_unblocked
        .iter()
        .map(|&i| m.item(i).id.as_str())
        .collect();
    assert_eq!(
        unblocked,
        ["doerbesok", "beredskap"],
        "both come free with the last barrier"
    );
}

#[test]
fn an_agreement_and_a_contract_basis_unblock_both_services() {
    let fixed = example().replace("basis: direct_award", "basis: contract")
        + "\nagreement dpa: kommune <-> posten { kind: data_processing }\n";
    assert_ne!(
        fixed,
        example() + "\nagreement dpa: kommune <-> posten { kind: data_processing }\n"
    );
    let st = statuses(&fixed);
    assert_eq!(st.len(), 2);
    for (id, status, _) in &st {
        assert!(
            matches!(status, Status::Ok | Status::AtRisk),
            "{id} is still {status:?}: {st:?}"
        );
    }
    // Only one of the two changes leaves the services blocked.
    let only_agreement =
        example() + "\nagreement dpa: kommune <-> posten { kind: data_processing }\n";
    assert!(statuses(&only_agreement)
        .iter()
        .all(|(_, s, _)| *s == Status::Blocked));
}
