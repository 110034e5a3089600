//! `depends_on` must not go in a circle: a service that needs itself, even through others,
//! can never run. Each circle is one error that shows the whole circle.

use std::collections::{HashMap, HashSet, VecDeque};

use petgraph::graph::{DiGraph, NodeIndex};

use crate::messages::Note;
use crate::model::error::ErrorKind;
use crate::model::resolve::Resolver;
use crate::model::{Item, ItemId};
use crate::syntax::Span;
use crate::vocab::ItemKind;

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
    let mut circles: Vec<Vec<(ItemId, ItemId, Span)>> = Vec::new();
    for component in petgraph::algo::tarjan_scc(&graph) {
        let ids: Vec<ItemId> = component.iter().map(|n| graph[*n]).collect();
        let self_loop =
            component.len() == 1 && edges.iter().any(|(f, t, _)| *f == ids[0] && *t == ids[0]);
        if component.len() > 1 || self_loop {
            circles.push(circle(&edges, &ids));
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
/// shortest way from it back to itself, as links.
fn circle(edges: &[(ItemId, ItemId, Span)], members: &[ItemId]) -> Vec<(ItemId, ItemId, Span)> {
    let Some(&start) = members.iter().min() else {
        return Vec::new();
    };
    let members: HashSet<ItemId> = members.iter().copied().collect();
    let mut links: HashMap<ItemId, Vec<(ItemId, ItemId, Span)>> = HashMap::new();
    for &e in edges
        .iter()
        .filter(|e| members.contains(&e.0) && members.contains(&e.1))
    {
        links.entry(e.0).or_default().push(e);
    }
    // Breadth-first search from `start`, remembering by which link each service was reached.
    let mut reached: HashMap<ItemId, (ItemId, ItemId, Span)> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(at) = queue.pop_front() {
        for &(from, to, span) in links.get(&at).into_iter().flatten() {
            if to == start {
                let mut path = vec![(from, to, span)];
                let mut cur = from;
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
            if to != start && !reached.contains_key(&to) {
                reached.insert(to, (from, to, span));
                queue.push_back(to);
            }
        }
    }
    Vec::new()
}
