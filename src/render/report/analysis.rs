//! The analyses the report reads from the barrier graph ([`crate::graph`]) besides what the
//! view holds (the services' statuses and causes): root barriers, barriers nothing mitigates, the unlock
//! order, and the drawings.

use std::collections::{BTreeSet, VecDeque};

use crate::engine::Evaluation;
use crate::graph::{
    root_barriers, unlock_order, unmitigated_barriers, BarrierGraph, EdgeKind, Node, NodeKind,
    RootBarrier, UnlockStep,
};
use crate::model::{Ends, ItemId, Model};
use crate::render::graph::{barrier_path_svgs, legend_svg, to_mermaid, to_svg};
use crate::vocab::Lang;

pub use crate::graph::Effect;

/// Everything the report reads about one evaluation besides the findings themselves.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub roots: Vec<RootBarrier>,
    /// For each finding (by index): the services it reaches, in model order.
    pub reach: Vec<Vec<ItemId>>,
    pub effects: Vec<Effect>,
    pub unmitigated: Vec<usize>,
    pub unlock: Vec<UnlockStep>,
    pub mermaid: String,
    pub svg: String,
    /// The graph for paper: only the paths barriers travel by, one drawing for each service
    /// they end in.
    pub print_svgs: Vec<String>,
    /// The legend of the drawings for paper.
    pub print_legend: String,
}

impl Analysis {
    pub fn of(eval: &Evaluation<'_>, lang: Lang) -> Analysis {
        let g = BarrierGraph::build(eval);
        let n = eval.findings.len();
        Analysis {
            roots: root_barriers(&g),
            reach: (0..n).map(|f| reach(&g, f)).collect(),
            effects: (0..n).map(|f| g.effect(f)).collect(),
            unmitigated: unmitigated_barriers(&g),
            unlock: unlock_order(&g),
            mermaid: to_mermaid(&g, lang, None),
            svg: to_svg(&g, lang, None),
            print_svgs: barrier_path_svgs(&g, lang),
            print_legend: legend_svg(lang),
        }
    }
}

/// The services a barrier reaches, in model order: walking the way barriers travel, from the
/// item the barrier sits on to the services that item is part of (the service itself, its
/// provider, what it requires, a flow into it) and on along `depends_on`. This is the graph
/// module's definition of what reaches a service, read from the other end; a test checks it
/// against [`root_barriers`].
fn reach(g: &BarrierGraph<'_>, finding: usize) -> Vec<ItemId> {
    let Some(f) = g.index(Node::Finding(finding)) else {
        return Vec::new();
    };
    let mut services = BTreeSet::new();
    let mut queue: VecDeque<_> = VecDeque::new();
    for item in g.outgoing(f, EdgeKind::Blocks) {
        if g.kind(item) == NodeKind::Service {
            queue.push_back(item);
        }
        for kind in [EdgeKind::Provides, EdgeKind::RequiredBy, EdgeKind::FlowsTo] {
            queue.extend(
                g.outgoing(item, kind)
                    .into_iter()
                    .filter(|&s| g.kind(s) == NodeKind::Service),
            );
        }
    }
    while let Some(s) = queue.pop_front() {
        if let Node::Item(id) = g.node(s) {
            if services.insert(id) {
                queue.extend(g.outgoing(s, EdgeKind::NeededBy));
            }
        }
    }
    services.into_iter().collect()
}

/// Is the flow `item` running into `service`?
pub fn flows_into(model: &Model, item: ItemId, service: ItemId) -> bool {
    matches!(model.item(item).ends, Ends::Flow { to, .. } if to == service)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::engine::evaluate;
    use crate::rules::RuleSet;

    /// What a blocking barrier reaches is exactly what the graph says it blocks.
    #[test]
    fn reach_agrees_with_the_root_barriers_on_every_shipped_model() {
        let rules = RuleSet::builtin().unwrap();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/models");
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "lsm") {
                continue;
            }
            let model = crate::model::load_file(&path, &rules.vocab).unwrap();
            let eval = evaluate(&model, &rules, jiff::civil::date(2026, 11, 28));
            let a = Analysis::of(&eval, Lang::Nb);
            for r in &a.roots {
                assert_eq!(a.reach[r.finding], r.all, "{}", path.display());
                checked += 1;
            }
        }
        assert!(checked > 0);
    }
}
