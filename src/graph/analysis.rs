//! Analyses over the graph: service status with the step that explains it, root barriers, the
//! barriers nothing mitigates, and an order in which to remove barriers.
//!
//! Which barriers reach a service is defined once, in [`all_causes`]: the barriers that sit on
//! the service, on its provider, on the flows and agreements it requires and on the flows into
//! it, and, one `depends_on` step further each time, those that reach the services it depends
//! on, nearest first, as a breadth-first walk from the service would meet them. Each service is
//! computed once, dependencies first, from its dependencies' lists, and the explanation of a
//! status is its first step (the next service on the way is blocked by the same barrier and
//! explains the rest), so a long chain costs its length, not its length squared.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap, HashSet, VecDeque};

use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use serde::{Deserialize, Serialize};

use super::build::{BarrierGraph, EdgeKind, Node};
use crate::base::limits::work;
use crate::model::ItemId;
use crate::rules::{RuleKind, Severity};
use crate::vocab::{ItemKind, Lang};

/// A service's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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

    /// The status in words, from the catalogue (`locales/<lang>/graph.ftl`), looked up once
    /// per language: tables and graphs write it for every service.
    pub fn label(self, lang: Lang) -> &'static str {
        static NB: std::sync::OnceLock<[String; 3]> = std::sync::OnceLock::new();
        static EN: std::sync::OnceLock<[String; 3]> = std::sync::OnceLock::new();
        let cell = match lang {
            Lang::Nb => &NB,
            Lang::En => &EN,
        };
        let labels = cell.get_or_init(|| {
            [
                crate::text!(lang, "graph-status-ok"),
                crate::text!(lang, "graph-status-at-risk"),
                crate::text!(lang, "graph-status-blocked"),
            ]
        });
        match self {
            Status::Ok => &labels[0],
            Status::AtRisk => &labels[1],
            Status::Blocked => &labels[2],
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
    /// The first step from the service toward the first of `blocked_by`: `[service]` when the
    /// barrier sits on the service itself, `[service, item]` when it sits on one of the
    /// service's own items (its provider, a flow or agreement it requires, a flow into it), and
    /// `[service, dependency]` when it reaches the service through a service it depends on,
    /// which the same barrier then reaches too (follow that service's own `via` to go on).
    /// Empty for `ok`. One step, not the whole path, so that a chain of `n` services explains
    /// its statuses in `n` steps, not `n²/2`.
    pub via: Vec<ItemId>,
    /// For each of `blocked_by`, in the same order, the first step toward it, as `via` (the
    /// first is `via`).
    pub paths: Vec<Vec<ItemId>>,
}

/// A barrier that reaches a service, and the first step toward it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cause {
    pub finding: usize,
    /// How many `depends_on` steps lie between the service and the service whose own items
    /// the barrier sits on (0: its own items).
    depth: u32,
    /// The first step: the item the barrier sits on when it is one of the service's own
    /// (possibly the service itself), else the service it depends on that the barrier reaches
    /// it through.
    step: NodeIndex,
    /// Whether the barrier sits on the service's own items rather than on a service it depends on.
    pub direct: bool,
}

/// Every service's causes, in model order, each computed once from its own items and its
/// dependencies' causes, and the other way round: the services each blocking barrier blocks.
struct Reach {
    services: Vec<ItemId>,
    /// The graph node of each service (`None` only for a graph built without it).
    nodes: Vec<Option<NodeIndex>>,
    /// Each service's causes, nearest first (see [`all_causes`]).
    causes: Vec<Vec<Cause>>,
    /// For every unmitigated error (by finding index): the services it blocks (by index into
    /// `services`, in model order) and whether through the service's own items.
    blocks: BTreeMap<usize, Vec<(usize, bool)>>,
}

impl Reach {
    fn of(g: &BarrierGraph) -> Reach {
        let services = g.model().of_kind(ItemKind::Service).to_vec();
        let nodes: Vec<Option<NodeIndex>> =
            services.iter().map(|&s| g.index(Node::Item(s))).collect();
        let causes = all_causes(g, &nodes);
        let mut blocks: BTreeMap<usize, Vec<(usize, bool)>> = (0..g.eval().findings.len())
            .filter(|&f| g.effect(f) == Effect::Blocks)
            .map(|f| (f, Vec::new()))
            .collect();
        for (i, list) in causes.iter().enumerate() {
            for c in list {
                if let Some(b) = blocks.get_mut(&c.finding) {
                    b.push((i, c.direct));
                }
            }
        }
        Reach {
            services,
            nodes,
            causes,
            blocks,
        }
    }
}

/// Every service's causes (by position in `nodes`), computed in topological order over
/// `depends_on`: a service's causes are the barriers on its own items (depth 0) and each of its
/// dependencies' causes one step further, the nearest kept for each barrier. Each service is
/// computed once and reads only its direct dependencies' lists, so the work is the number of
/// `depends_on` links times the causes they carry, not the length of every path: a chain of
/// `n` services over one blocked service costs `n` steps, where a walk from each service to
/// the barrier costs `n²/2`.
///
/// The order is the order of a breadth-first walk from the service (nearest first, ties in the
/// order the walk meets them: the service, its provider, what it requires, the flows into it,
/// then its dependencies in graph order), so the cause a status names is the nearest. The
/// resolver refuses `depends_on` cycles; a graph built with one anyway is condensed into its
/// strongly connected components, and the services of a cycle walk each other (see
/// [`in_cycle`]).
fn all_causes(g: &BarrierGraph, nodes: &[Option<NodeIndex>]) -> Vec<Vec<Cause>> {
    let mut position: HashMap<NodeIndex, usize> = HashMap::with_capacity(nodes.len());
    for (i, n) in nodes.iter().enumerate() {
        if let Some(n) = n {
            position.insert(*n, i);
        }
    }
    // Each service's dependencies (graph node, position), and the same as a graph of
    // positions, `i -> p` when `i` depends on `p`.
    let deps: Vec<Vec<(NodeIndex, usize)>> = nodes
        .iter()
        .map(|n| {
            let Some(n) = *n else {
                return Vec::new();
            };
            let d: Vec<(NodeIndex, usize)> = g
                .incoming(n, EdgeKind::NeededBy)
                .into_iter()
                .filter_map(|d| position.get(&d).map(|&p| (d, p)))
                .collect();
            work::add(d.len() + 1);
            d
        })
        .collect();
    let mut needs: DiGraph<(), ()> = DiGraph::with_capacity(nodes.len(), 0);
    for _ in nodes {
        needs.add_node(());
    }
    for (i, d) in deps.iter().enumerate() {
        for &(_, p) in d {
            needs.add_edge(NodeIndex::new(i), NodeIndex::new(p), ());
        }
    }
    let mut causes: Vec<Option<Vec<Cause>>> = vec![None; nodes.len()];
    // Components come dependencies first (Kosaraju's order is the reverse of a topological
    // order of `needs`).
    for component in kosaraju_scc(&needs) {
        work::add(component.len());
        if let [one] = component.as_slice() {
            let i = one.index();
            if let Some(node) = nodes[i] {
                let done: Vec<(NodeIndex, &[Cause])> = deps[i]
                    .iter()
                    .filter_map(|&(d, p)| causes[p].as_deref().map(|c| (d, c)))
                    .collect();
                let list = merge(g, node, &done);
                causes[i] = Some(list);
            }
        } else {
            let members: Vec<usize> = component.iter().map(|c| c.index()).collect();
            for (i, list) in in_cycle(g, nodes, &deps, &causes, &members) {
                causes[i] = Some(list);
            }
        }
    }
    causes.into_iter().map(Option::unwrap_or_default).collect()
}

/// The causes of the services of one `depends_on` cycle, which the resolver refuses but a
/// graph may still hold: for each member a breadth-first walk through the cycle, taking each
/// member's own barriers at its distance and, one step further, the causes of the services
/// outside the cycle that it depends on (computed before). Quadratic in the size of the
/// cycle, which no resolved model has.
fn in_cycle(
    g: &BarrierGraph,
    nodes: &[Option<NodeIndex>],
    deps: &[Vec<(NodeIndex, usize)>],
    causes: &[Option<Vec<Cause>>],
    members: &[usize],
) -> Vec<(usize, Vec<Cause>)> {
    let inside: HashSet<usize> = members.iter().copied().collect();
    let mut out = Vec::with_capacity(members.len());
    for &start in members {
        if nodes[start].is_none() {
            continue;
        }
        let mut all: Vec<Cause> = Vec::new();
        // (member, distance, the first step from `start` toward it)
        let mut queue: VecDeque<(usize, u32, Option<NodeIndex>)> =
            VecDeque::from([(start, 0, None)]);
        let mut seen: HashSet<usize> = HashSet::from([start]);
        while let Some((m, depth, first)) = queue.pop_front() {
            let Some(node) = nodes[m] else {
                continue;
            };
            for mut c in merge(g, node, &[]) {
                c.depth = depth;
                c.direct = m == start;
                c.step = first.unwrap_or(c.step);
                all.push(c);
            }
            for &(d, p) in &deps[m] {
                let step = first.unwrap_or(d);
                if inside.contains(&p) {
                    if seen.insert(p) {
                        queue.push_back((p, depth.saturating_add(1), Some(step)));
                    }
                } else if let Some(list) = causes[p].as_deref() {
                    work::add(list.len());
                    all.extend(list.iter().map(|c| Cause {
                        finding: c.finding,
                        depth: depth.saturating_add(c.depth).saturating_add(1),
                        step,
                        direct: false,
                    }));
                }
            }
        }
        out.push((start, dedup_nearest(all)));
    }
    out
}

/// One service's causes from its own items and its dependencies' causes (see [`all_causes`]).
fn merge(g: &BarrierGraph, service: NodeIndex, deps: &[(NodeIndex, &[Cause])]) -> Vec<Cause> {
    let mut all: Vec<Cause> = Vec::new();
    for item in own_items(g, service) {
        let found = g.incoming(item, EdgeKind::Blocks);
        work::add(found.len() + 1);
        for b in found {
            if let Node::Finding(f) = g.node(b) {
                if g.effect(f) != Effect::None {
                    all.push(Cause {
                        finding: f,
                        depth: 0,
                        step: item,
                        direct: true,
                    });
                }
            }
        }
    }
    for &(dep, list) in deps {
        work::add(list.len());
        all.extend(list.iter().map(|c| Cause {
            finding: c.finding,
            depth: c.depth.saturating_add(1),
            step: dep,
            direct: false,
        }));
    }
    dedup_nearest(all)
}

/// Each barrier once, at its nearest: sorted by depth, stably, so that within a depth the
/// order the causes were gathered in (own items, then dependencies in order) stays.
fn dedup_nearest(mut all: Vec<Cause>) -> Vec<Cause> {
    all.sort_by_key(|c| c.depth);
    let mut seen: HashSet<usize> = HashSet::with_capacity(all.len());
    all.retain(|c| seen.insert(c.finding));
    all
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

/// The status of every service, in model order.
pub fn service_statuses(g: &BarrierGraph) -> Vec<ServiceStatus> {
    let reach = Reach::of(g);
    reach
        .services
        .iter()
        .zip(&reach.nodes)
        .zip(&reach.causes)
        .map(|((&service, &node), causes)| status_of(g, service, node, causes))
        .collect()
}

fn status_of(
    g: &BarrierGraph,
    service: ItemId,
    node: Option<NodeIndex>,
    causes: &[Cause],
) -> ServiceStatus {
    let pick = |effect: Effect| -> Vec<&Cause> {
        causes
            .iter()
            .filter(|c| g.effect(c.finding) == effect)
            .collect()
    };
    let (status, chosen) = match (pick(Effect::Blocks), pick(Effect::Risk)) {
        (b, _) if !b.is_empty() => (Status::Blocked, b),
        (_, r) if !r.is_empty() => (Status::AtRisk, r),
        _ => (Status::Ok, Vec::new()),
    };
    let step = |c: &Cause| -> Vec<ItemId> {
        work::add(2);
        let mut via = vec![service];
        if Some(c.step) != node {
            via.extend(item_id(g, c.step));
        }
        via
    };
    let paths: Vec<Vec<ItemId>> = chosen.iter().map(|c| step(c)).collect();
    ServiceStatus {
        service,
        status,
        blocked_by: chosen.iter().map(|c| c.finding).collect(),
        via: paths.first().cloned().unwrap_or_default(),
        paths,
    }
}

/// The whole path from `statuses[at]` to the item its barrier `finding` sits on, spelled out
/// by following each service's one-step `paths`: `[beredskap, doerbesok, mottakerliste]`.
/// Costs the length of the path, so it is for explaining one service, not for listing all of
/// them (a chain of `n` services has paths of `n²/2` steps in all). Empty when the barrier is
/// not among the causes of `statuses[at]`.
#[cfg(test)]
pub fn spelled_out(statuses: &[ServiceStatus], at: usize, finding: usize) -> Vec<ItemId> {
    let by_service: HashMap<ItemId, usize> = statuses
        .iter()
        .enumerate()
        .map(|(i, s)| (s.service, i))
        .collect();
    let mut path: Vec<ItemId> = Vec::new();
    let mut here = at;
    let mut seen: HashSet<usize> = HashSet::new();
    while seen.insert(here) {
        let Some(s) = statuses.get(here) else {
            break;
        };
        let Some(k) = s.blocked_by.iter().position(|&f| f == finding) else {
            break;
        };
        let step = s.paths.get(k).map_or(&[][..], Vec::as_slice);
        path.push(s.service);
        match step.get(1) {
            Some(next) => match by_service.get(next) {
                Some(&i) => here = i,
                None => {
                    path.push(*next);
                    break;
                }
            },
            None => break,
        }
    }
    path
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
    // The rank of each blocking barrier's rule id, so the heap compares numbers.
    let mut by_rule: Vec<usize> = reach.blocks.keys().copied().collect();
    by_rule.sort_by(|&a, &b| {
        let ra = &eval.rule(&eval.findings[a]).id;
        let rb = &eval.rule(&eval.findings[b]).id;
        ra.cmp(rb)
    });
    let rule_rank: HashMap<usize, usize> =
        by_rule.iter().enumerate().map(|(r, &f)| (f, r)).collect();
    let services_of = |f: usize| reach.blocks.get(&f).map_or(&[][..], Vec::as_slice);
    // The blocking barriers that reach each service, and how many of them are not removed yet.
    let mut reached_by: Vec<Vec<usize>> = vec![Vec::new(); reach.services.len()];
    for (&f, services) in &reach.blocks {
        for &(i, _) in services {
            reached_by[i].push(f);
        }
    }
    let mut left: Vec<usize> = reached_by.iter().map(Vec::len).collect();
    // How many services each barrier would unblock now: those it alone still reaches.
    let mut newly: HashMap<usize, usize> = reach
        .blocks
        .iter()
        .map(|(&f, services)| (f, services.iter().filter(|&&(i, _)| left[i] == 1).count()))
        .collect();
    // Every service a remaining barrier reaches is still blocked (by that barrier), so the
    // tie-break "reaches the most still-blocked services" is simply its number of services,
    // and only `newly` changes: it grows when a service's last but one barrier goes. The heap
    // holds an entry per change; an entry whose count is not the barrier's current one is stale.
    let key = |f: usize, n: usize| {
        (
            n,
            services_of(f).len(),
            Reverse(rule_rank.get(&f).copied().unwrap_or(usize::MAX)),
            Reverse(f),
        )
    };
    let mut heap: BinaryHeap<_> = newly.iter().map(|(&f, &n)| key(f, n)).collect();
    let mut removed: HashSet<usize> = HashSet::new();
    let mut steps = Vec::new();
    while let Some((n, _, _, Reverse(f))) = heap.pop() {
        work::add(1);
        if removed.contains(&f) || newly.get(&f) != Some(&n) {
            continue;
        }
        removed.insert(f);
        let mut unblocked = Vec::new();
        for &(i, _) in services_of(f) {
            left[i] = left[i].saturating_sub(1);
            match left[i] {
                0 => unblocked.push(reach.services[i]),
                1 => {
                    // The one barrier still reaching `i` would now unblock it.
                    work::add(reached_by[i].len());
                    if let Some(&last) = reached_by[i].iter().find(|b| !removed.contains(b)) {
                        if let Some(count) = newly.get_mut(&last) {
                            *count += 1;
                            heap.push(key(last, *count));
                        }
                    }
                }
                _ => {}
            }
        }
        work::add(services_of(f).len());
        steps.push(UnlockStep {
            finding: f,
            newly_unblocked: unblocked,
        });
    }
    steps
}
