//! What every drawing shows: the nodes and edges kept (all, or those around a focus), their
//! labels in the user's language, and the style class of each. DOT, Mermaid, JSON and SVG all
//! read a [`Scene`], so they agree on what is drawn and how it is named.

use std::collections::{BTreeSet, HashMap};

use petgraph::graph::NodeIndex;

use super::layout::LAYER_GAP;
use crate::graph::{service_statuses, Effect, Status};
use crate::graph::{BarrierGraph, EdgeKind, Node, NodeKind};
use crate::model::ItemId;
use crate::text;
use crate::vocab::{ItemKind, Lang};

/// How a node is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Look {
    Actor,
    Service(Status),
    Flow,
    Agreement,
    /// A barrier and what it does: [`Effect::Blocks`] or [`Effect::Risk`].
    Barrier(Effect),
    Opportunity,
    Source,
}

/// How an edge is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stroke {
    Plain,
    Blocks,
    Risk,
    Mitigates,
    Supports,
    Grounds,
}

pub(super) struct Scene<'g, 'a> {
    pub g: &'g BarrierGraph<'a>,
    pub lang: Lang,
    /// The nodes drawn, in graph order.
    pub nodes: Vec<NodeIndex>,
    /// The edges drawn (both ends kept), in graph order.
    pub edges: Vec<(NodeIndex, NodeIndex, EdgeKind)>,
    status: HashMap<ItemId, Status>,
    /// What the drawing is: the whole graph (or a focus), or the barrier paths that end in a
    /// service, or those that reach none.
    part: Part,
    /// Labels are wrapped at this many characters.
    pub wrap: usize,
    /// The space between the columns of the drawing.
    pub layer_gap: f64,
    /// The white space around the drawing.
    pub margin: f64,
    /// Whether the drawing has its legend (those for paper do not: the report prints it once).
    pub legend: bool,
}

/// Which part of the graph a scene draws, for its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Whole,
    /// The paths into a service; `(i, n)`: drawing `i` of `n` when its barriers are split.
    EndsIn(NodeIndex, (usize, usize)),
    ReachesNoService,
}

/// The most barriers one drawing for paper holds: a service that many barriers reach is
/// drawn in parts, as one drawing of them all grew taller than a landscape A4 page and its
/// text was shrunk below 7 pt.
const PAPER_MAX_BARRIERS: usize = 4;

/// Where the drawing's labels wrap, and where those of a drawing for paper do (narrower
/// columns, so that a chain of five fits an A4 page at full size).
const WRAP: usize = 26;
const PAPER_WRAP: usize = 18;
/// The space between columns of a drawing for paper (the screen's is [`LAYER_GAP`]).
const PAPER_GAP: f64 = 44.0;
/// The white space around a drawing, and around one for paper (where the page has its own).
const MARGIN: f64 = 24.0;
const PAPER_MARGIN: f64 = 8.0;

impl<'g, 'a> Scene<'g, 'a> {
    /// The whole graph, or what leads to and from `focus`. A focus that names nothing gives an
    /// empty scene; callers check it first with [`BarrierGraph::focus`].
    pub fn new(g: &'g BarrierGraph<'a>, lang: Lang, focus: Option<&str>) -> Scene<'g, 'a> {
        let keep: BTreeSet<NodeIndex> = match focus {
            None => g.nodes().collect(),
            Some(id) => g.focus(id).unwrap_or_default(),
        };
        let edges = g
            .edges()
            .filter(|(a, b, _)| keep.contains(a) && keep.contains(b))
            .collect();
        let status = service_statuses(g)
            .into_iter()
            .map(|s| (s.service, s.status))
            .collect();
        Scene {
            g,
            lang,
            nodes: keep.into_iter().collect(),
            edges,
            status,
            part: Part::Whole,
            wrap: WRAP,
            layer_gap: LAYER_GAP,
            margin: MARGIN,
            legend: true,
        }
    }

    /// Only the ways barriers travel: every barrier that blocks or puts at risk, the item it
    /// sits on, and from there the edges by which a barrier reaches a service (as the service
    /// statuses count them: a service's provider, what it requires, a flow into it, and
    /// `depends_on`). Legal sources, opportunities, the rest of the model and the recipients
    /// are left out: the drawing for paper, where the whole graph is too wide to read.
    pub fn barrier_paths(g: &'g BarrierGraph<'a>, lang: Lang) -> Scene<'g, 'a> {
        let mut next: HashMap<NodeIndex, Vec<NodeIndex>> = HashMap::new();
        for (a, b, kind) in g.edges() {
            if travels(g, b, kind) {
                next.entry(a).or_default().push(b);
            }
        }
        let mut keep: BTreeSet<NodeIndex> = g
            .nodes()
            .filter(|&ix| matches!(g.node(ix), Node::Finding(f) if g.effect(f) != Effect::None))
            .collect();
        let mut queue: Vec<NodeIndex> = keep.iter().copied().collect();
        while let Some(n) = queue.pop() {
            for &m in next.get(&n).into_iter().flatten() {
                if keep.insert(m) {
                    queue.push(m);
                }
            }
        }
        let mut scene = Scene::new(g, lang, None);
        scene.nodes.retain(|ix| keep.contains(ix));
        scene
            .edges
            .retain(|&(a, b, kind)| keep.contains(&a) && keep.contains(&b) && travels(g, b, kind));
        scene
    }

    /// [`Scene::barrier_paths`] split by the services the barriers end in: one scene for each
    /// affected service that no other affected service depends on, with everything that leads
    /// to it (so a chain of `depends_on` is drawn once, whole), in model order; then, if any
    /// barrier reaches no service, one scene of those. Each is small enough to print at full
    /// size where the whole is not.
    pub fn barrier_path_groups(g: &'g BarrierGraph<'a>, lang: Lang) -> Vec<Scene<'g, 'a>> {
        let all = Scene::barrier_paths(g, lang);
        let mut before: HashMap<NodeIndex, Vec<NodeIndex>> = HashMap::new();
        let mut feeds_service: BTreeSet<NodeIndex> = BTreeSet::new();
        for &(a, b, kind) in &all.edges {
            before.entry(b).or_default().push(a);
            if kind == EdgeKind::NeededBy {
                feeds_service.insert(a);
            }
        }
        let ends: Vec<NodeIndex> = all
            .nodes
            .iter()
            .copied()
            .filter(|&ix| g.kind(ix) == NodeKind::Service && !feeds_service.contains(&ix))
            .collect();
        let mut covered: BTreeSet<NodeIndex> = BTreeSet::new();
        let mut groups: Vec<(Part, BTreeSet<NodeIndex>)> = Vec::new();
        for end in ends {
            let mut keep = BTreeSet::from([end]);
            let mut queue = vec![end];
            while let Some(n) = queue.pop() {
                for &m in before.get(&n).into_iter().flatten() {
                    if keep.insert(m) {
                        queue.push(m);
                    }
                }
            }
            covered.extend(keep.iter().copied());
            let parts = split_by_barriers(g, &all.edges, &keep);
            let n = parts.len();
            for (i, part) in parts.into_iter().enumerate() {
                groups.push((Part::EndsIn(end, (i + 1, n)), part));
            }
        }
        let rest: BTreeSet<NodeIndex> = all
            .nodes
            .iter()
            .copied()
            .filter(|ix| !covered.contains(ix))
            .collect();
        if !rest.is_empty() {
            groups.push((Part::ReachesNoService, rest));
        }
        groups
            .into_iter()
            .map(|(part, keep)| Scene {
                g,
                lang,
                nodes: all
                    .nodes
                    .iter()
                    .copied()
                    .filter(|ix| keep.contains(ix))
                    .collect(),
                edges: all
                    .edges
                    .iter()
                    .copied()
                    .filter(|(a, b, _)| keep.contains(a) && keep.contains(b))
                    .collect(),
                status: all.status.clone(),
                part,
                wrap: PAPER_WRAP,
                layer_gap: PAPER_GAP,
                margin: PAPER_MARGIN,
                legend: false,
            })
            .collect()
    }

    pub fn status(&self, id: ItemId) -> Status {
        self.status.get(&id).copied().unwrap_or(Status::Ok)
    }

    pub fn look(&self, ix: NodeIndex) -> Look {
        match (self.g.kind(ix), self.g.node(ix)) {
            (NodeKind::Service, Node::Item(id)) => Look::Service(self.status(id)),
            (NodeKind::Barrier, Node::Finding(f)) => Look::Barrier(self.g.effect(f)),
            (NodeKind::Actor, _) => Look::Actor,
            (NodeKind::Flow, _) => Look::Flow,
            (NodeKind::Agreement, _) => Look::Agreement,
            (NodeKind::Opportunity, _) => Look::Opportunity,
            _ => Look::Source,
        }
    }

    pub fn stroke(&self, from: NodeIndex, kind: EdgeKind) -> Stroke {
        match kind {
            EdgeKind::Blocks => match self.look(from) {
                Look::Barrier(Effect::Blocks) => Stroke::Blocks,
                _ => Stroke::Risk,
            },
            EdgeKind::Mitigates => Stroke::Mitigates,
            EdgeKind::Supports => Stroke::Supports,
            EdgeKind::Grounds => Stroke::Grounds,
            _ => Stroke::Plain,
        }
    }

    /// The main text of a node: an item's display name, a rule's title, a source's short name
    /// and section.
    pub fn label(&self, ix: NodeIndex) -> String {
        let eval = self.g.eval();
        match self.g.node(ix) {
            Node::Item(id) => self.g.model().item(id).label().to_string(),
            Node::Finding(f) => eval
                .findings
                .get(f)
                .map(|x| eval.rule(x).title.get(self.lang).to_string())
                .unwrap_or_default(),
            Node::Source(s) => self
                .g
                .sources()
                .get(s)
                .map(|x| x.label())
                .unwrap_or_default(),
        }
    }

    /// The small text above the label: the kind and what matters about it (`tjeneste · blokkert`,
    /// `flyt · personopplysninger`, `barriere · avhjulpet`).
    pub fn tag(&self, ix: NodeIndex) -> String {
        let kind = kind_label(self.g.kind(ix), self.lang);
        let detail = match (self.look(ix), self.g.node(ix)) {
            (Look::Service(s), _) => Some(s.label(self.lang).to_string()),
            (Look::Barrier(e), Node::Finding(f)) => Some(self.barrier_detail(e, f).to_string()),
            (Look::Actor, Node::Item(id)) => self.term(id, ItemKind::Actor, "type"),
            (Look::Flow, Node::Item(id)) => self.term(id, ItemKind::Flow, "resource"),
            (Look::Agreement, Node::Item(id)) => self.term(id, ItemKind::Agreement, "kind"),
            _ => None,
        };
        match detail {
            Some(d) => format!("{kind} · {d}"),
            None => kind.to_string(),
        }
    }

    fn barrier_detail(&self, e: Effect, f: usize) -> String {
        let mitigated = self
            .g
            .eval()
            .findings
            .get(f)
            .is_some_and(|x| !x.mitigated_by.is_empty());
        let key = match (e, mitigated) {
            (Effect::Blocks, _) => "graph-barrier-blocks",
            (_, true) => "graph-barrier-mitigated",
            (_, false) => "graph-barrier-warning",
        };
        text!(self.lang, key)
    }

    /// The label of a term field of an item (`personopplysninger`), if it is set.
    fn term(&self, id: ItemId, kind: ItemKind, field: &str) -> Option<String> {
        let vocab = &self.g.eval().rules.vocab;
        let f = vocab.field_by_name(kind, field)?;
        let t = *self.g.model().item(id).get(f)?.terms().first()?;
        Some(vocab.term(t).label.get(self.lang).to_lowercase())
    }

    /// The word on a line; empty for lines that need none.
    pub fn edge_label(&self, from: NodeIndex, kind: EdgeKind) -> String {
        let risk = self.stroke(from, kind) == Stroke::Risk;
        let key = match kind {
            EdgeKind::Sends | EdgeKind::FlowsTo | EdgeKind::Grounds => return String::new(),
            EdgeKind::PartyTo => "graph-edge-party",
            EdgeKind::RequiredBy => "graph-edge-required-by",
            EdgeKind::NeededBy => "graph-edge-needed-by",
            EdgeKind::Provides => "graph-edge-provides",
            EdgeKind::Serves => "graph-edge-for",
            EdgeKind::Blocks if risk => "graph-edge-threatens",
            EdgeKind::Blocks => "graph-edge-blocks",
            EdgeKind::Mitigates => "graph-edge-mitigates",
            EdgeKind::Supports => "graph-edge-supports",
        };
        text!(self.lang, key)
    }

    /// The title of the drawing: the model's name and the date the law was read at.
    pub fn title(&self) -> String {
        let eval = self.g.eval();
        let model = eval.model.name();
        match self.part {
            Part::EndsIn(end, (i, n)) if n > 1 => text!(
                self.lang,
                "graph-title-ends-in-part",
                service = self.label(end),
                model = model,
                part = i,
                parts = n,
            ),
            Part::EndsIn(end, _) => text!(
                self.lang,
                "graph-title-ends-in",
                service = self.label(end),
                model = model,
            ),
            Part::ReachesNoService => {
                text!(self.lang, "graph-title-reaches-no-service", model = model)
            }
            Part::Whole => text!(
                self.lang,
                "graph-title",
                model = model,
                at = eval.at.to_string()
            ),
        }
    }
}

/// The nodes of one drawing for paper (`keep`), split so that each part holds at most
/// [`PAPER_MAX_BARRIERS`] barriers: a part is its barriers, their sources, and everything the
/// barriers reach within `keep`. One part when there are few enough.
fn split_by_barriers(
    g: &BarrierGraph,
    edges: &[(NodeIndex, NodeIndex, EdgeKind)],
    keep: &BTreeSet<NodeIndex>,
) -> Vec<BTreeSet<NodeIndex>> {
    let barriers: Vec<NodeIndex> = keep
        .iter()
        .copied()
        .filter(|&ix| g.kind(ix) == NodeKind::Barrier)
        .collect();
    if barriers.len() <= PAPER_MAX_BARRIERS {
        return vec![keep.clone()];
    }
    let mut after: HashMap<NodeIndex, Vec<NodeIndex>> = HashMap::new();
    let mut sources: HashMap<NodeIndex, Vec<NodeIndex>> = HashMap::new();
    for &(a, b, _) in edges {
        if keep.contains(&a) && keep.contains(&b) {
            after.entry(a).or_default().push(b);
            if g.kind(a) == NodeKind::Source {
                sources.entry(b).or_default().push(a);
            }
        }
    }
    barriers
        .chunks(PAPER_MAX_BARRIERS)
        .map(|chunk| {
            let mut part: BTreeSet<NodeIndex> = chunk.iter().copied().collect();
            let mut queue: Vec<NodeIndex> = chunk.to_vec();
            while let Some(n) = queue.pop() {
                for &m in after.get(&n).into_iter().flatten() {
                    if part.insert(m) {
                        queue.push(m);
                    }
                }
            }
            for b in chunk {
                part.extend(sources.get(b).into_iter().flatten().copied());
            }
            part
        })
        .collect()
}

/// Whether a barrier travels along an edge of `kind` into `to`, as the service statuses count
/// it: onto the item it sits on, and from there into a service as its provider, something it
/// requires, a flow into it, or a service it depends on.
fn travels(g: &BarrierGraph, to: NodeIndex, kind: EdgeKind) -> bool {
    match kind {
        EdgeKind::Blocks | EdgeKind::Provides | EdgeKind::RequiredBy | EdgeKind::NeededBy => true,
        EdgeKind::FlowsTo => g.kind(to) == NodeKind::Service,
        _ => false,
    }
}

pub(super) fn kind_label(kind: NodeKind, lang: Lang) -> String {
    let key = match kind {
        NodeKind::Actor => "graph-kind-actor",
        NodeKind::Service => "graph-kind-service",
        NodeKind::Flow => "graph-kind-flow",
        NodeKind::Agreement => "graph-kind-agreement",
        NodeKind::Barrier => "graph-kind-barrier",
        NodeKind::Opportunity => "graph-kind-opportunity",
        NodeKind::Source => "graph-kind-source",
    };
    text!(lang, key)
}

/// Colours shared by the DOT, Mermaid and SVG drawings: (fill, stroke).
pub(super) fn colours(look: Look) -> (&'static str, &'static str) {
    match look {
        Look::Actor => ("#fff6d5", "#9a7b00"),
        Look::Service(Status::Blocked) => ("#e3eefc", "#c62828"),
        Look::Service(Status::AtRisk) => ("#e3eefc", "#e07b00"),
        Look::Service(Status::Ok) => ("#e3eefc", "#1f5fae"),
        Look::Flow => ("#f1f1f1", "#6b6b6b"),
        Look::Agreement => ("#efe7fb", "#6a3fb5"),
        Look::Barrier(Effect::Blocks) => ("#f8c9c9", "#b71c1c"),
        Look::Barrier(_) => ("#fde8e8", "#d9534f"),
        Look::Opportunity => ("#d6f0d6", "#2e7d32"),
        Look::Source => ("#ffffff", "#8a8a8a"),
    }
}

/// The colour of an edge.
pub(super) fn stroke_colour(s: Stroke) -> &'static str {
    match s {
        Stroke::Plain => "#555555",
        Stroke::Blocks => "#b71c1c",
        Stroke::Risk => "#e07b00",
        Stroke::Mitigates | Stroke::Supports => "#2e7d32",
        Stroke::Grounds => "#9a9a9a",
    }
}

/// Breaks text into lines of at most `width` characters, at spaces. A longer word gets a line
/// of its own, and is cut only when it is longer than half as much again
/// (`momskompensasjonsforskriften` stays whole).
pub(super) fn wrap_lines(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let cut = width + width / 2;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // A section sign stays with its number: `§ 13` is one word.
    let text = text.replace("§ ", "§\u{a0}");
    for word in text.split([' ', '\n', '\t']) {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > cut {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..cut).collect());
        }
        let word: String = word.into_iter().collect();
        if word.is_empty() {
            continue;
        }
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap_lines;

    #[test]
    fn wraps_at_spaces_and_keeps_long_words_whole() {
        assert_eq!(wrap_lines("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(
            wrap_lines("momskompensasjonsforskriften § 7", 26),
            ["momskompensasjonsforskriften", "§\u{a0}7"]
        );
        assert_eq!(wrap_lines("abcdefghij", 4), ["abcdef", "ghij"]);
        assert_eq!(wrap_lines("", 4), [""]);
        assert_eq!(
            wrap_lines("sivilbeskyttelsesloven § 14 og § 15", 26),
            ["sivilbeskyttelsesloven", "§\u{a0}14 og §\u{a0}15"]
        );
    }
}
