//! Analyses over the graph: service status with the path that explains it, root barriers, the
//! barriers nothing mitigates, and an order in which to remove barriers.
//!
//! Which barriers reach a service is defined once, in [`causes`]: a breadth-first walk from the
//! service along `depends_on` (the services it needs, and the services they need), collecting the
//! barriers that sit on each service reached, on its provider, on the flows and agreements it
//! requires, and on the flows into it. Each barrier is kept with the shortest path that reaches
//! it, so the explanation of a status is the nearest cause.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

use petgraph::graph::NodeIndex;
use serde::Serialize;

use super::build::{BarrierGraph, EdgeKind, Node};
use crate::base::limits::work;
use crate::model::ItemId;
use crate::rules::{RuleKind, Severity};
use crate::vocab::{ItemKind, Lang};

/// A service's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// No barrier on its path.
    Ok,
    /// Only mitigated barriers or warnings on its path.
    AtRisk,
    /// An unmitigated `error` barrier on its path.
    Blocked,
}

impl Status {
    /// `ok`, `at_risk`, `blocked`: the ids of the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::AtRisk => "at_risk",
            Status::Blocked => "blocked",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::Ok, _) => "ok",
            (Status::AtRisk, Lang::Nb) => "i risiko",
            (Status::AtRisk, Lang::En) => "at risk",
            (Status::Blocked, Lang::Nb) => "blokkert",
            (Status::Blocked, Lang::En) => "blocked",
        }
    }
}

/// What one finding does to the services it reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Effect {
    /// An opportunity: nothing by itself.
    None,
    /// A warning, or an error that an opportunity mitigates.
    Risk,
    /// An unmitigated error: it blocks.
    Blocks,
}

impl BarrierGraph<'_> {
    /// What a finding does to the services on its path.
    pub fn effect(&self, finding: usize) -> Effect {
        let eval = self.eval();
        let Some(f) = eval.findings.get(finding) else {
            return Effect::None;
        };
        let rule = eval.rule(f);
        match (rule.kind, rule.severity, f.mitigated_by.is_empty()) {
            (RuleKind::Opportunity, _, _) => Effect::None,
            (RuleKind::Barrier, Severity::Error, true) => Effect::Blocks,
            (RuleKind::Barrier, _, _) => Effect::Risk,
        }
    }
}

/// The status of one service and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceStatus {
    pub service: ItemId,
    pub status: Status,
    /// The barriers (finding indexes) that cause the status, nearest first: for `blocked` the
    /// unmitigated errors, for `at_risk` the warnings and mitigated errors, for `ok` none.
    pub blocked_by: Vec<usize>,
    /// The path from the service to the item the first of `blocked_by` sits on:
    /// `[beredskap, doerbesok, mottakerliste]`. Empty for `ok`.
    pub via: Vec<ItemId>,
    /// For each of `blocked_by`, in the same order, the path from the service to the item
    /// that barrier sits on (the first is `via`).
    pub paths: Vec<Vec<ItemId>>,
}

/// A barrier that reaches a service: the service the walk reached it from and the item it
/// sits on. The path to it is kept as parent links in [`Walk`] and spelled out only for the
/// cause a status names, so a long chain of `depends_on` costs its length once, not once per
/// cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Cause {
    pub finding: usize,
    /// The service (reached along `depends_on`) whose own items the barrier sits on.
    at: NodeIndex,
    /// The item the barrier sits on: `at` itself, its provider, a flow or an agreement.
    item: NodeIndex,
    /// Whether the barrier sits on the service's own items rather than on a service it depends on.
    pub direct: bool,
}

/// Which services can lead a walk to a barrier: a service whose own items carry a barrier that
/// counts for a status (a warning or an error), and every service that depends on one, directly
/// or further up. Computed once for the whole graph, backwards from the barriers, so each walk
/// in [`causes`] leaves out the parts of the graph where it could find nothing. Without it a
/// chain of `n` services walks `n` steps for each service: `n²` in all.
pub(super) struct Relevant(HashSet<NodeIndex>);

impl Relevant {
    pub(super) fn of(g: &BarrierGraph) -> Relevant {
        let mut set: HashSet<NodeIndex> = HashSet::new();
        let mut queue: VecDeque<NodeIndex> = VecDeque::new();
        for &service in g.model().of_kind(ItemKind::Service) {
            let Some(ix) = g.index(Node::Item(service)) else {
                continue;
            };
            let counts = own_items(g, ix).into_iter().any(|item| {
                g.incoming(item, EdgeKind::Blocks)
                    .into_iter()
                    .any(|b| matches!(g.node(b), Node::Finding(f) if g.effect(f) != Effect::None))
            });
            if counts && set.insert(ix) {
                queue.push_back(ix);
            }
        }
        // `dep -> service` edges of kind `NeededBy`: the services that need `s` are its
        // outgoing neighbours.
        while let Some(s) = queue.pop_front() {
            let up = g.outgoing(s, EdgeKind::NeededBy);
            work::add(up.len() + 1);
            for needer in up {
                if set.insert(needer) {
                    queue.push_back(needer);
                }
            }
        }
        Relevant(set)
    }
}

/// The result of one walk: the barriers found, nearest first, and the parent links that
/// spell out the path to any of them.
pub(super) struct Walk {
    start: NodeIndex,
    pub causes: Vec<Cause>,
    parent: HashMap<NodeIndex, NodeIndex>,
}

impl Walk {
    /// The path from the service to the item the cause sits on: `[service, ..., at, item]`
    /// (`item` left out when it is `at`).
    pub(super) fn via(&self, g: &BarrierGraph, cause: &Cause) -> Vec<ItemId> {
        let mut back = vec![cause.at];
        let mut here = cause.at;
        while here != self.start {
            let Some(&p) = self.parent.get(&here) else {
                break;
            };
            back.push(p);
            here = p;
        }
        work::add(back.len());
        let mut via: Vec<ItemId> = back
            .into_iter()
            .rev()
            .filter_map(|n| item_id(g, n))
            .collect();
        if cause.item != cause.at {
            via.extend(item_id(g, cause.item));
        }
        via
    }
}

/// Every barrier that reaches a service, nearest first (by path length, then by the order the
/// walk meets them: the service, its provider, what it requires, the flows into it). Only
/// barriers that count for a status (warnings and errors) are kept; the walk follows
/// `depends_on` only into services that [`Relevant`] says can lead to one.
pub(super) fn causes(g: &BarrierGraph, relevant: &Relevant, service: ItemId) -> Walk {
    let Some(start) = g.index(Node::Item(service)) else {
        return Walk {
            start: NodeIndex::end(),
            causes: Vec::new(),
            parent: HashMap::new(),
        };
    };
    let mut out: Vec<Cause> = Vec::new();
    let mut parent: HashMap<NodeIndex, NodeIndex> = HashMap::new();
    if !relevant.0.contains(&start) {
        work::add(1);
        return Walk {
            start,
            causes: out,
            parent,
        };
    }
    let mut seen_findings: HashSet<usize> = HashSet::new();
    let mut seen: HashSet<NodeIndex> = HashSet::from([start]);
    let mut queue: VecDeque<NodeIndex> = VecDeque::from([start]);
    while let Some(s) = queue.pop_front() {
        for item in own_items(g, s) {
            let found = g.incoming(item, EdgeKind::Blocks);
            work::add(found.len() + 1);
            for b in found {
                let Node::Finding(f) = g.node(b) else {
                    continue;
                };
                if g.effect(f) != Effect::None && seen_findings.insert(f) {
                    out.push(Cause {
                        finding: f,
                        at: s,
                        item,
                        direct: s == start,
                    });
                }
            }
        }
        let deps = g.incoming(s, EdgeKind::NeededBy);
        work::add(deps.len());
        for dep in deps {
            if relevant.0.contains(&dep) && seen.insert(dep) {
                parent.insert(dep, s);
                queue.push_back(dep);
            }
        }
    }
    Walk {
        start,
        causes: out,
        parent,
    }
}

/// The items whose barriers count for a service itself: the service, its provider, the flows and
/// agreements it requires, and the flows into it.
fn own_items(g: &BarrierGraph, service: NodeIndex) -> Vec<NodeIndex> {
    let mut items = vec![service];
    items.extend(g.incoming(service, EdgeKind::Provides));
    items.extend(g.incoming(service, EdgeKind::RequiredBy));
    items.extend(g.incoming(service, EdgeKind::FlowsTo));
    let mut seen = HashSet::new();
    items.retain(|i| seen.insert(*i));
    items
}

fn item_id(g: &BarrierGraph, ix: NodeIndex) -> Option<ItemId> {
    match g.node(ix) {
        Node::Item(id) => Some(id),
        _ => None,
    }
}

/// Every service's causes, in model order, computed once for the analyses that need them all,
/// and the other way round: the services each blocking barrier blocks.
struct Reach {
    services: Vec<ItemId>,
    walks: Vec<Walk>,
    /// For every unmitigated error (by finding index): the services it blocks (by index into
    /// `services`, in model order) and whether through the service's own items.
    blocks: BTreeMap<usize, Vec<(usize, bool)>>,
}

impl Reach {
    fn of(g: &BarrierGraph) -> Reach {
        let services = g.model().of_kind(ItemKind::Service).to_vec();
        let relevant = Relevant::of(g);
        let walks: Vec<Walk> = services.iter().map(|&s| causes(g, &relevant, s)).collect();
        let mut blocks: BTreeMap<usize, Vec<(usize, bool)>> = (0..g.eval().findings.len())
            .filter(|&f| g.effect(f) == Effect::Blocks)
            .map(|f| (f, Vec::new()))
            .collect();
        for (i, walk) in walks.iter().enumerate() {
            for c in &walk.causes {
                if let Some(b) = blocks.get_mut(&c.finding) {
                    b.push((i, c.direct));
                }
            }
        }
        Reach {
            services,
            walks,
            blocks,
        }
    }
}

/// The status of every service, in model order.
pub fn service_statuses(g: &BarrierGraph) -> Vec<ServiceStatus> {
    let reach = Reach::of(g);
    reach
        .services
        .iter()
        .zip(&reach.walks)
        .map(|(&service, walk)| status_of(g, service, walk))
        .collect()
}

fn status_of(g: &BarrierGraph, service: ItemId, walk: &Walk) -> ServiceStatus {
    let pick = |effect: Effect| -> Vec<&Cause> {
        walk.causes
            .iter()
            .filter(|c| g.effect(c.finding) == effect)
            .collect()
    };
    let (status, chosen) = match (pick(Effect::Blocks), pick(Effect::Risk)) {
        (b, _) if !b.is_empty() => (Status::Blocked, b),
        (_, r) if !r.is_empty() => (Status::AtRisk, r),
        _ => (Status::Ok, Vec::new()),
    };
    ServiceStatus {
        service,
        status,
        blocked_by: chosen.iter().map(|c| c.finding).collect(),
        via: chosen.first().map(|c| walk.via(g, c)).unwrap_or_default(),
        paths: chosen.iter().map(|c| walk.via(g, c)).collect(),
    }
}

/// A barrier that blocks services, with the services it blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RootBarrier {
    pub finding: usize,
    /// Services it blocks through their own items (the service, its provider, what it requires,
    /// the flows into it), in model order.
    pub direct: Vec<ItemId>,
    /// Every service it blocks, directly or through `depends_on`, in model order.
    pub all: Vec<ItemId>,
}

/// Every unmitigated error barrier, ranked by how many services it blocks (all, then direct),
/// ties by rule id and then by position in the model. Barriers that block no service come last.
pub fn root_barriers(g: &BarrierGraph) -> Vec<RootBarrier> {
    let reach = Reach::of(g);
    let mut out: Vec<RootBarrier> = reach
        .blocks
        .iter()
        .map(|(&f, services)| RootBarrier {
            finding: f,
            direct: services
                .iter()
                .filter(|(_, direct)| *direct)
                .map(|&(i, _)| reach.services[i])
                .collect(),
            all: services.iter().map(|&(i, _)| reach.services[i]).collect(),
        })
        .collect();
    let eval = g.eval();
    out.sort_by(|a, b| {
        b.all
            .len()
            .cmp(&a.all.len())
            .then_with(|| b.direct.len().cmp(&a.direct.len()))
            .then_with(|| {
                let ra = &eval.rule(&eval.findings[a.finding]).id;
                let rb = &eval.rule(&eval.findings[b.finding]).id;
                ra.cmp(rb)
            })
            .then_with(|| a.finding.cmp(&b.finding))
    });
    out
}

/// Barriers (errors and warnings) that no opportunity mitigates, in finding order.
pub fn unmitigated_barriers(g: &BarrierGraph) -> Vec<usize> {
    let eval = g.eval();
    eval.barriers()
        .filter(|(_, f)| eval.unmitigated(f))
        .map(|(i, _)| i)
        .collect()
}

/// One step of an unlock order: remove this barrier, and these services are no longer blocked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnlockStep {
    pub finding: usize,
    /// Services blocked before this step and not after it, in model order. They may still be
    /// at risk.
    pub newly_unblocked: Vec<ItemId>,
}

/// An order in which to remove the blocking barriers (unmitigated errors) so that services
/// become unblocked as early as possible.
///
/// Greedy: each step removes the barrier whose removal unblocks the most services at once (a
/// service is unblocked when no unmitigated error reaches it any more). Ties go to the barrier
/// that reaches the most services that are still blocked (it does the most of the work toward
/// later steps), then to the rule id, then to the position in the model. This maximises the
/// number of unblocked services after each single step; over several steps it is a good order
/// but not always the best (finding the best is a set-cover problem). Every blocking barrier
/// appears exactly once, barriers that unblock nothing last.
pub fn unlock_order(g: &BarrierGraph) -> Vec<UnlockStep> {
    let reach = Reach::of(g);
    let eval = g.eval();
    let rule_id = |f: usize| eval.rule(&eval.findings[f]).id.as_str();
    // How many blocking barriers still reach each service.
    let mut left = vec![0usize; reach.services.len()];
    for services in reach.blocks.values() {
        for &(i, _) in services {
            left[i] += 1;
        }
    }
    let mut remaining: Vec<usize> = reach.blocks.keys().copied().collect();
    let mut steps = Vec::new();
    while !remaining.is_empty() {
        // (finding, services it would unblock now, still-blocked services it reaches)
        let best = remaining
            .iter()
            .map(|&f| {
                let services = reach.blocks.get(&f).map_or(&[][..], Vec::as_slice);
                let newly: Vec<usize> = services
                    .iter()
                    .filter(|&&(i, _)| left[i] == 1)
                    .map(|&(i, _)| i)
                    .collect();
                let involved = services.iter().filter(|&&(i, _)| left[i] > 0).count();
                (f, newly, involved)
            })
            .min_by(|a, b| {
                b.1.len()
                    .cmp(&a.1.len())
                    .then_with(|| b.2.cmp(&a.2))
                    .then_with(|| rule_id(a.0).cmp(rule_id(b.0)))
                    .then_with(|| a.0.cmp(&b.0))
            });
        let Some((f, newly, _)) = best else {
            break;
        };
        for &(i, _) in reach.blocks.get(&f).map_or(&[][..], Vec::as_slice) {
            left[i] = left[i].saturating_sub(1);
        }
        remaining.retain(|&x| x != f);
        steps.push(UnlockStep {
            finding: f,
            newly_unblocked: newly.into_iter().map(|i| reach.services[i]).collect(),
        });
    }
    steps
}
