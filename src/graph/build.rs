//! Building the graph: one node per item, finding and legal source, typed edges between them.
//!
//! The petgraph graph is built once and never changed; [`BarrierGraph`] keeps its own map from
//! [`Node`] to `NodeIndex` so that nothing depends on petgraph's index bookkeeping. Nodes are
//! added in a fixed order (items in model order, then findings in evaluation order, then legal
//! sources in order of first citation) and edges in the order of the model's fields, so every
//! output built from the graph is deterministic.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;

use super::GraphError;
use crate::engine::{Evaluation, Subject};
use crate::model::{Ends, ItemId, Model};
use crate::rules::{RuleKind, Source};
use crate::vocab::{closest, ItemKind};

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Node {
    /// An actor, service, flow or agreement of the model.
    Item(ItemId),
    /// A finding, by its index in [`Evaluation::findings`].
    Finding(usize),
    /// A legal source, by its index in [`BarrierGraph::sources`].
    Source(usize),
}

/// The kind of a node, as outputs name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Actor,
    Service,
    Flow,
    Agreement,
    Barrier,
    Opportunity,
    Source,
}

/// The kind of an edge. Every edge points the way a barrier travels (see the module docs), so
/// some kinds read backwards from the model's field names: `requires: [liste]` on a service is
/// the edge `liste -> service` of kind [`EdgeKind::RequiredBy`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// Actor -> flow: the actor a flow runs from.
    Sends,
    /// Flow -> actor or service: where a flow runs to.
    FlowsTo,
    /// Actor -> agreement: a party to the agreement.
    PartyTo,
    /// Flow or agreement -> service: the service `requires` it.
    RequiredBy,
    /// Service -> service: the second `depends_on` the first.
    NeededBy,
    /// Actor -> service: the service's `provider`.
    Provides,
    /// Service -> actor: one of the service's `recipients`.
    Serves,
    /// Barrier -> item: the item the barrier sits on.
    Blocks,
    /// Opportunity -> barrier: the opportunity mitigates the barrier.
    Mitigates,
    /// Opportunity -> item: an opportunity that mitigates no barrier, on the item it opens a door
    /// for.
    Supports,
    /// Legal source -> finding: the finding rests on the source.
    Grounds,
}

/// A legal source: one node per distinct act and section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegalSource {
    pub act: String,
    pub short: String,
    pub section: String,
    pub url: String,
}

impl LegalSource {
    fn of(s: &Source) -> LegalSource {
        LegalSource {
            act: s.act.clone(),
            short: s.short.clone(),
            section: s.section.clone(),
            url: s.url.clone(),
        }
    }

    /// `GDPR art. 28`.
    pub fn label(&self) -> String {
        format!("{} {}", self.short, self.section)
            .trim()
            .to_string()
    }
}

/// The dependency graph of one evaluated model.
#[derive(Debug, Clone)]
pub struct BarrierGraph<'a> {
    eval: &'a Evaluation<'a>,
    graph: DiGraph<Node, EdgeKind>,
    index: NodeIndexes,
    /// Stable, unique ids of the nodes, by node index (item ids, `rule@subject`, `GDPR art. 28`).
    keys: Vec<String>,
    sources: Vec<LegalSource>,
}

impl<'a> BarrierGraph<'a> {
    /// Builds the graph of an evaluation.
    pub fn build(eval: &'a Evaluation<'a>) -> BarrierGraph<'a> {
        let (sources, cites) = collect_sources(eval);
        let mut b = Builder {
            eval,
            graph: DiGraph::new(),
            index: NodeIndexes::default(),
        };
        for i in 0..eval.model.items.len() {
            if eval.model.items[i].kind != ItemKind::Model {
                b.add_node(Node::Item(ItemId(i as u32)));
            }
        }
        for f in 0..eval.findings.len() {
            b.add_node(Node::Finding(f));
        }
        for s in 0..sources.len() {
            b.add_node(Node::Source(s));
        }
        b.item_edges();
        b.finding_edges(&cites);
        let keys = node_keys(eval, &b.graph, &sources);
        BarrierGraph {
            eval,
            graph: b.graph,
            index: b.index,
            keys,
            sources,
        }
    }

    /// The evaluation the graph was built from.
    pub fn eval(&self) -> &Evaluation<'a> {
        self.eval
    }

    /// The model the graph was built from.
    pub fn model(&self) -> &'a Model {
        self.eval.model
    }

    /// The petgraph graph, for readers that want its algorithms. Never changes.
    pub fn graph(&self) -> &DiGraph<Node, EdgeKind> {
        &self.graph
    }

    /// The legal sources cited by the findings, one node each.
    pub fn sources(&self) -> &[LegalSource] {
        &self.sources
    }

    /// The index of a node, if the graph has it.
    pub fn index(&self, node: Node) -> Option<NodeIndex> {
        self.index.get(node)
    }

    /// What a node stands for.
    pub fn node(&self, ix: NodeIndex) -> Node {
        self.graph[ix]
    }

    /// Every node, in the graph's fixed order.
    pub fn nodes(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        self.graph.node_indices()
    }

    /// Every edge as (from, to, kind), in the order they were added.
    pub fn edges(&self) -> impl Iterator<Item = (NodeIndex, NodeIndex, EdgeKind)> + '_ {
        self.graph
            .edge_references()
            .map(|e| (e.source(), e.target(), *e.weight()))
    }

    /// The stable id of a node: an item's id, `rule-id@subject` for a finding, `GDPR art. 28`
    /// for a legal source.
    pub fn key(&self, ix: NodeIndex) -> &str {
        self.keys.get(ix.index()).map_or("", String::as_str)
    }

    /// The kind of a node, without its data.
    pub fn kind(&self, ix: NodeIndex) -> NodeKind {
        match self.graph[ix] {
            Node::Item(id) => match self.model().item(id).kind {
                ItemKind::Service => NodeKind::Service,
                ItemKind::Flow => NodeKind::Flow,
                ItemKind::Agreement => NodeKind::Agreement,
                ItemKind::Actor | ItemKind::Model => NodeKind::Actor,
            },
            Node::Finding(f) => match self.eval.rule(&self.eval.findings[f]).kind {
                RuleKind::Barrier => NodeKind::Barrier,
                RuleKind::Opportunity => NodeKind::Opportunity,
            },
            Node::Source(_) => NodeKind::Source,
        }
    }

    /// Nodes with an edge of `kind` into `ix`, in node order.
    pub fn incoming(&self, ix: NodeIndex, kind: EdgeKind) -> Vec<NodeIndex> {
        self.neighbours(ix, kind, Direction::Incoming)
    }

    /// Nodes `ix` has an edge of `kind` to, in node order.
    pub fn outgoing(&self, ix: NodeIndex, kind: EdgeKind) -> Vec<NodeIndex> {
        self.neighbours(ix, kind, Direction::Outgoing)
    }

    fn neighbours(&self, ix: NodeIndex, kind: EdgeKind, dir: Direction) -> Vec<NodeIndex> {
        let mut out: Vec<NodeIndex> = self
            .graph
            .edges_directed(ix, dir)
            .filter(|e| *e.weight() == kind)
            .map(|e| match dir {
                Direction::Incoming => e.source(),
                Direction::Outgoing => e.target(),
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// The nodes an id names: an item id, a rule id (every finding of the rule), a finding's key
    /// (`rule@subject`) or a legal source (`GDPR art. 28`).
    pub fn find(&self, id: &str) -> Result<Vec<NodeIndex>, GraphError> {
        if let Some(item) = self.model().item_by_id(id) {
            if let Some(ix) = self.index(Node::Item(item)) {
                return Ok(vec![ix]);
            }
        }
        let of_rule: Vec<NodeIndex> = self
            .nodes()
            .filter(|&ix| match self.graph[ix] {
                Node::Finding(f) => self.eval.rule(&self.eval.findings[f]).id == id,
                _ => false,
            })
            .collect();
        if !of_rule.is_empty() {
            return Ok(of_rule);
        }
        if let Some(ix) = self.nodes().find(|&ix| self.key(ix) == id) {
            return Ok(vec![ix]);
        }
        Err(self.unknown(id))
    }

    fn unknown(&self, id: &str) -> GraphError {
        let candidates: Vec<&str> = self.keys.iter().map(String::as_str).collect();
        let rule_ids = self
            .eval
            .findings
            .iter()
            .map(|f| self.eval.rule(f).id.as_str());
        let all: Vec<&str> = candidates.into_iter().chain(rule_ids).collect();
        let suggestion = closest(id, all.iter().copied()).map(str::to_string);
        GraphError::unknown_focus(id, suggestion)
    }

    /// What leads to and from the nodes an id names: every node with a path to one of them, every
    /// node one of them has a path to, and the nodes themselves.
    pub fn focus(&self, id: &str) -> Result<BTreeSet<NodeIndex>, GraphError> {
        let start = self.find(id)?;
        let mut keep: BTreeSet<NodeIndex> = start.iter().copied().collect();
        keep.extend(self.reach(&start, Direction::Outgoing));
        keep.extend(self.reach(&start, Direction::Incoming));
        Ok(keep)
    }

    fn reach(&self, start: &[NodeIndex], dir: Direction) -> HashSet<NodeIndex> {
        let mut seen: HashSet<NodeIndex> = start.iter().copied().collect();
        let mut queue: VecDeque<NodeIndex> = start.iter().copied().collect();
        while let Some(n) = queue.pop_front() {
            for m in self.graph.neighbors_directed(n, dir) {
                if seen.insert(m) {
                    queue.push_back(m);
                }
            }
        }
        seen
    }
}

/// The distinct legal sources of the findings, in order of first citation, and the source each
/// finding cites.
fn collect_sources(eval: &Evaluation) -> (Vec<LegalSource>, Vec<usize>) {
    let mut sources: Vec<LegalSource> = Vec::new();
    let mut by_key: HashMap<(String, String), usize> = HashMap::new();
    let mut cites = Vec::with_capacity(eval.findings.len());
    for f in &eval.findings {
        let s = &eval.rule(f).source;
        let key = (s.act.clone(), s.section.clone());
        let i = *by_key.entry(key).or_insert_with(|| {
            sources.push(LegalSource::of(s));
            sources.len() - 1
        });
        cites.push(i);
    }
    (sources, cites)
}

struct Builder<'e, 'a> {
    eval: &'e Evaluation<'a>,
    graph: DiGraph<Node, EdgeKind>,
    index: NodeIndexes,
}

/// Where each node stands in the graph. Items, findings and sources are numbered densely
/// already, so three vectors do what a hash map from [`Node`] did, without hashing: at
/// 140 000 items and 300 000 findings the hashing was a fifth of building the graph.
#[derive(Debug, Clone, Default)]
struct NodeIndexes {
    items: Vec<Option<NodeIndex>>,
    findings: Vec<Option<NodeIndex>>,
    sources: Vec<Option<NodeIndex>>,
}

impl NodeIndexes {
    fn set(&mut self, node: Node, ix: NodeIndex) {
        let (table, i) = match node {
            Node::Item(id) => (&mut self.items, id.index()),
            Node::Finding(f) => (&mut self.findings, f),
            Node::Source(s) => (&mut self.sources, s),
        };
        if table.len() <= i {
            table.resize(i + 1, None);
        }
        if let Some(slot) = table.get_mut(i) {
            *slot = Some(ix);
        }
    }

    fn get(&self, node: Node) -> Option<NodeIndex> {
        let (table, i) = match node {
            Node::Item(id) => (&self.items, id.index()),
            Node::Finding(f) => (&self.findings, f),
            Node::Source(s) => (&self.sources, s),
        };
        table.get(i).copied().flatten()
    }
}

impl Builder<'_, '_> {
    fn add_node(&mut self, n: Node) {
        let ix = self.graph.add_node(n);
        self.index.set(n, ix);
    }

    fn edge(&mut self, from: Node, to: Node, kind: EdgeKind) {
        if let (Some(a), Some(b)) = (self.index.get(from), self.index.get(to)) {
            if a != b {
                self.graph.add_edge(a, b, kind);
            }
        }
    }

    fn item_edges(&mut self) {
        let model = self.eval.model;
        let vocab = &self.eval.rules.vocab;
        let field = |name| vocab.field_by_name(ItemKind::Service, name);
        let service_fields = [
            (field("provider"), EdgeKind::Provides),
            (field("recipients"), EdgeKind::Serves),
            (field("requires"), EdgeKind::RequiredBy),
            (field("depends_on"), EdgeKind::NeededBy),
        ];
        for (i, item) in model.items.iter().enumerate() {
            let me = Node::Item(ItemId(i as u32));
            match item.ends {
                Ends::Flow { from, to } => {
                    self.edge(Node::Item(from), me, EdgeKind::Sends);
                    self.edge(me, Node::Item(to), EdgeKind::FlowsTo);
                }
                Ends::Agreement { a, b } => {
                    self.edge(Node::Item(a), me, EdgeKind::PartyTo);
                    self.edge(Node::Item(b), me, EdgeKind::PartyTo);
                }
                Ends::None => {}
            }
            if item.kind != ItemKind::Service {
                continue;
            }
            for (field, kind) in service_fields {
                let Some(value) = field.and_then(|f| item.get(f)) else {
                    continue;
                };
                for &r in value.refs() {
                    match kind {
                        EdgeKind::Serves => self.edge(me, Node::Item(r), kind),
                        _ => self.edge(Node::Item(r), me, kind),
                    }
                }
            }
        }
    }

    fn finding_edges(&mut self, cites: &[usize]) {
        for (i, f) in self.eval.findings.iter().enumerate() {
            let me = Node::Finding(i);
            if let Some(&s) = cites.get(i) {
                self.edge(Node::Source(s), me, EdgeKind::Grounds);
            }
            let subject = match f.subject {
                Subject::Item(id) => Some(Node::Item(id)),
                Subject::Model => None,
            };
            match self.eval.rule(f).kind {
                RuleKind::Barrier => {
                    if let Some(s) = subject {
                        self.edge(me, s, EdgeKind::Blocks);
                    }
                }
                RuleKind::Opportunity => {
                    let mut targets = f.mitigates.clone();
                    targets.sort_unstable();
                    targets.dedup();
                    for &b in &targets {
                        self.edge(me, Node::Finding(b), EdgeKind::Mitigates);
                    }
                    if let (true, Some(s)) = (targets.is_empty(), subject) {
                        self.edge(me, s, EdgeKind::Supports);
                    }
                }
            }
        }
    }
}

/// Unique, stable ids of the nodes. An id that would repeat gets `#2`, `#3`, ... appended.
fn node_keys(
    eval: &Evaluation,
    graph: &DiGraph<Node, EdgeKind>,
    sources: &[LegalSource],
) -> Vec<String> {
    let model = eval.model;
    // Item ids are unique, and `rule@subject` is too (a rule fires once on a subject, and `@`
    // is in no id); only source labels can repeat, each other or an item id (a source with no
    // section is labelled by its short name alone). So only sources need counting.
    let mut seen: HashMap<String, usize> = HashMap::new();
    graph
        .node_indices()
        .map(|ix| match graph[ix] {
            Node::Item(id) => model.item(id).id.clone(),
            Node::Finding(f) => {
                let finding = &eval.findings[f];
                format!("{}@{}", eval.rule(finding).id, finding.subject.id(model))
            }
            Node::Source(s) => {
                let base = sources.get(s).map(LegalSource::label).unwrap_or_default();
                let taken = usize::from(model.item_by_id(&base).is_some());
                let n = seen.entry(base.clone()).or_insert(taken);
                *n += 1;
                if *n == 1 {
                    base
                } else {
                    format!("{base}#{n}")
                }
            }
        })
        .collect()
}
