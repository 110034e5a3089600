//! `depends_on` must not go in a circle: a service that needs itself, even through others,
//! can never run. Each circle is one error that shows the whole circle.

use std::collections::{HashMap, HashSet, VecDeque};

use petgraph::graph::{DiGraph, NodeIndex};

use crate::base::limits::work;
use crate::base::note::Note;
use crate::model::error::ErrorKind;
use crate::model::resolve::Resolver;
use crate::model::{Item, ItemId};
use crate::syntax::Span;
use crate::vocab::ItemKind;

/// The most links of one circle labelled in its diagnostic; the message names every service.
const MAX_CYCLE_NOTES: usize = 16;

/// Reports every circle of `depends_on` links among the services.
pub(crate) fn check(r: &mut Resolver<'_>, items: &[Item]) {
    let Some(depends_on) = r.vocab.field_by_name(ItemKind::Service, "depends_on") else {
        return;
    };
    let edges: Vec<(ItemId, ItemId, Span)> = r
        .edges
        .iter()
        .filter(|(_, f, _, _)| *f == depends_on)
        .map(|&(from, _, to, span)| (from, to, span))
        .collect();
    if edges.is_empty() {
        return;
    }
    let mut graph: DiGraph<ItemId, Span> = DiGraph::new();
    let mut nodes: HashMap<ItemId, NodeIndex> = HashMap::new();
    let mut node = |g: &mut DiGraph<ItemId, Span>, id: ItemId| {
        *nodes.entry(id).or_insert_with(|| g.add_node(id))
    };
    for &(from, to, span) in &edges {
        let (a, b) = (node(&mut graph, from), node(&mut graph, to));
        graph.add_edge(a, b, span);
    }
    // Links out of each service, and the services that depend on themselves: built once, so
    // that finding every circle stays linear in the number of links.
    let mut out: HashMap<ItemId, Vec<(ItemId, Span)>> = HashMap::new();
    let mut self_loops: HashSet<ItemId> = HashSet::new();
    for &(from, to, span) in &edges {
        out.entry(from).or_default().push((to, span));
        if from == to {
            self_loops.insert(from);
        }
    }
    work::add(edges.len() + graph.node_count());
    let mut circles: Vec<Vec<(ItemId, ItemId, Span)>> = Vec::new();
    for component in petgraph::algo::kosaraju_scc(&graph) {
        let ids: Vec<ItemId> = component.iter().map(|n| graph[*n]).collect();
        let self_loop = ids.len() == 1 && ids.first().is_some_and(|id| self_loops.contains(id));
        if ids.len() > 1 || self_loop {
            circles.push(circle(&out, &ids));
        }
    }
    circles.sort_by_key(|c| c.first().map(|e| e.2.start));
    for c in circles {
        let name = |id: ItemId| {
            items
                .get(id.index())
                .map_or(String::new(), |i| i.id.clone())
        };
        let mut path: Vec<String> = c.iter().map(|e| name(e.0)).collect();
        if let Some(first) = path.first().cloned() {
            path.push(first);
        }
        let Some(&(_, _, span)) = c.first() else {
            continue;
        };
        let notes = c
            .iter()
            .skip(1)
            .take(MAX_CYCLE_NOTES)
            .map(|&(f, t, s)| {
                (
                    s,
                    Note::DependsOn {
                        from: name(f),
                        to: name(t),
                    },
                )
            })
            .collect();
        r.error_with(ErrorKind::DependsOnCycle { cycle: path }, span, notes);
    }
}

/// One circle through the first (in source order) service of a strongly connected set: the
/// shortest way from it back to itself, as links. Visits each link of the set at most once.
fn circle(
    out: &HashMap<ItemId, Vec<(ItemId, Span)>>,
    members: &[ItemId],
) -> Vec<(ItemId, ItemId, Span)> {
    let Some(&start) = members.iter().min() else {
        return Vec::new();
    };
    let inside: HashSet<ItemId> = members.iter().copied().collect();
    // Breadth-first search from `start`, remembering by which link each service was reached.
    let mut reached: HashMap<ItemId, (ItemId, ItemId, Span)> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(at) = queue.pop_front() {
        let links = out.get(&at).map_or(&[][..], Vec::as_slice);
        work::add(links.len() + 1);
        for &(to, span) in links.iter().filter(|(to, _)| inside.contains(to)) {
            if to == start {
                let mut path = vec![(at, to, span)];
                let mut cur = at;
                while cur != start {
                    let Some(&link) = reached.get(&cur) else {
                        break;
                    };
                    path.push(link);
                    cur = link.0;
                }
                path.reverse();
                return path;
            }
            if let std::collections::hash_map::Entry::Vacant(e) = reached.entry(to) {
                e.insert((at, to, span));
                queue.push_back(to);
            }
        }
    }
    Vec::new()
}
