//! A layered (Sugiyama-style) layout, left to right, for the SVG drawing.
//!
//! 1. Cycles are broken by reversing the back edges of a depth-first search in node order.
//! 2. Layers by longest path from the sources; then, from the sinks back, every node that has
//!    successors is pulled right next to the nearest of them, so a finding sits beside the item it
//!    is about, its legal source beside it, and an actor beside its flows.
//! 3. Edges that span several layers get a dummy node in each layer they cross. When that would
//!    make the drawing far larger than the graph (one legal source or actor with edges to every
//!    service of a long `depends_on` chain: `n²/2` dummies), the long edges out of one node
//!    (or into one node) share one trunk of dummies instead and branch off it where they reach
//!    their other end, so the dummies are at most one per layer per such node, and every step after this one stays
//!    linear in the nodes, dummies and edges. No shipped model comes near that size.
//! 4. Order within layers by barycentric sweeps, keeping the order with the fewest crossings.
//! 5. Vertical positions: each node is pulled toward the mean of its neighbours, and the order
//!    and the gaps are kept by isotonic regression (pool adjacent violators), sweep after sweep.
//! 6. Edges leave a node on its right side and arrive on the left, spread out by the position
//!    of the other end, and run through their dummies; they curve only in the gaps between
//!    columns, never across a column, so they pass no node.
//!
//! Everything is deterministic: ties are broken by node index.

use crate::base::limits::work;

/// A point of the drawing.
pub(super) type Point = (f64, f64);

/// The size of a node to place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Size {
    pub w: f64,
    pub h: f64,
}

/// A placed node: top-left corner and size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn cy(&self) -> f64 {
        self.y + self.h / 2.0
    }

    #[cfg(test)]
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Layout {
    pub nodes: Vec<Rect>,
    /// For each input edge, the points of its route from its source to its target.
    pub edges: Vec<Vec<Point>>,
    /// For each input edge, whether the first and the last point of its route lie on a node;
    /// not where the route leaves or joins a shared trunk (see step 3 above).
    pub on_nodes: Vec<(bool, bool)>,
    pub width: f64,
    pub height: f64,
}

pub(super) const LAYER_GAP: f64 = 64.0;
pub(super) const NODE_GAP: f64 = 14.0;
const DUMMY_H: f64 = 6.0;
/// The tallest empty horizontal band left in a drawing.
const MAX_EMPTY_BAND: f64 = 3.0 * NODE_GAP;
const SWEEPS: usize = 24;
const ALIGN_ROUNDS: usize = 12;

/// Dummies per node and edge of the graph above which long edges out of one node share a trunk.
const DUMMIES_PER_ITEM: usize = 4;
/// Dummies below which edges are never bundled, however small the graph.
const DUMMIES_ALWAYS_SEPARATE: usize = 1_000;

/// Whether one dummy per edge and layer crossed would make the drawing much larger than the
/// graph: `n²/2` of them on a chain of `n` services that all hang off one node.
fn needs_trunks(n: usize, layer: &[usize], dag: &[Option<DagEdge>]) -> bool {
    let dummies: usize = dag
        .iter()
        .flatten()
        .map(|&(a, b, _)| layer[b].saturating_sub(layer[a] + 1))
        .sum();
    dummies > DUMMIES_ALWAYS_SEPARATE.max(DUMMIES_PER_ITEM * (n + dag.len()))
}

/// Lays out `sizes.len()` nodes and the edges between them (by node index).
#[cfg(test)]
pub(super) fn layout(sizes: &[Size], edges: &[(usize, usize)]) -> Layout {
    layout_with_gap(sizes, edges, LAYER_GAP)
}

/// [`layout`] with `gap` between the columns (a drawing for paper has narrower ones).
pub(super) fn layout_with_gap(sizes: &[Size], edges: &[(usize, usize)], gap: f64) -> Layout {
    let n = sizes.len();
    let dag = acyclic(n, edges);
    let layer = layers(n, &dag);
    let mut lg = LayeredGraph::new(sizes, &layer, &dag);
    lg.order();
    let xs = lg.columns(gap);
    let ys = lg.rows();
    let nodes: Vec<Rect> = (0..n)
        .map(|v| Rect {
            x: xs[layer[v]],
            y: ys[v] - sizes[v].h / 2.0,
            w: sizes[v].w,
            h: sizes[v].h,
        })
        .collect();
    let (routes, on_nodes) = lg.routes(&nodes, &xs, &ys, &dag);
    let width = nodes.iter().map(|r| r.x + r.w).fold(0.0, f64::max);
    let height = nodes.iter().map(|r| r.y + r.h).fold(0.0, f64::max);
    Layout {
        nodes,
        edges: routes,
        on_nodes,
        width,
        height,
    }
}

/// An edge of the acyclic graph: (from, to, reversed). Self-loops are dropped.
type DagEdge = (usize, usize, bool);

/// The edges with those that close a cycle reversed.
fn acyclic(n: usize, edges: &[(usize, usize)]) -> Vec<Option<DagEdge>> {
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in edges {
        if a < n && b < n && a != b {
            adj[a].push(b);
        }
    }
    for list in &mut adj {
        list.sort_unstable();
        list.dedup();
    }
    // 0 = unseen, 1 = on the stack, 2 = done.
    let mut state = vec![0u8; n];
    let mut back: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = 1;
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            if let Some(&w) = adj[v].get(*next) {
                *next += 1;
                match state[w] {
                    0 => {
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    1 => {
                        back.insert((v, w));
                    }
                    _ => {}
                }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    }
    edges
        .iter()
        .map(|&(a, b)| {
            if a >= n || b >= n || a == b {
                None
            } else if back.contains(&(a, b)) {
                Some((b, a, true))
            } else {
                Some((a, b, false))
            }
        })
        .collect()
}

/// Longest-path layers; then every node with successors pulled right next to the nearest one.
fn layers(n: usize, dag: &[Option<DagEdge>]) -> Vec<usize> {
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indeg = vec![0usize; n];
    for &(a, b, _) in dag.iter().flatten() {
        succ[a].push(b);
        indeg[b] += 1;
    }
    let mut layer = vec![0usize; n];
    let mut ready: std::collections::BTreeSet<usize> = (0..n).filter(|&v| indeg[v] == 0).collect();
    let mut topo = Vec::with_capacity(n);
    while let Some(v) = ready.pop_first() {
        topo.push(v);
        for &w in &succ[v] {
            layer[w] = layer[w].max(layer[v] + 1);
            indeg[w] -= 1;
            if indeg[w] == 0 {
                ready.insert(w);
            }
        }
    }
    for &v in topo.iter().rev() {
        if let Some(m) = succ[v].iter().map(|&w| layer[w]).min() {
            layer[v] = m.saturating_sub(1);
        }
    }
    layer
}

/// The graph with dummy nodes on long edges, and an order within each layer.
struct LayeredGraph {
    /// Layer of every node, real nodes first, then dummies.
    layer: Vec<usize>,
    height: Vec<f64>,
    width: Vec<f64>,
    real: usize,
    /// Edges between adjacent layers.
    up: Vec<Vec<usize>>,
    down: Vec<Vec<usize>>,
    /// For each input edge, its nodes from the dag source to the dag target.
    chains: Vec<Vec<usize>>,
    /// Nodes of each layer, in order.
    order: Vec<Vec<usize>>,
}

impl LayeredGraph {
    fn new(sizes: &[Size], layer: &[usize], dag: &[Option<DagEdge>]) -> LayeredGraph {
        let real = sizes.len();
        let mut lg = LayeredGraph {
            layer: layer.to_vec(),
            height: sizes.iter().map(|s| s.h).collect(),
            width: sizes.iter().map(|s| s.w).collect(),
            real,
            up: vec![Vec::new(); real],
            down: vec![Vec::new(); real],
            chains: Vec::with_capacity(dag.len()),
            order: Vec::new(),
        };
        if needs_trunks(real, layer, dag) {
            lg.trunk_chains(dag);
        } else {
            for e in dag {
                let chain = match *e {
                    Some((a, b, _)) => lg.chain(a, b),
                    None => Vec::new(),
                };
                lg.chains.push(chain);
            }
        }
        let layers = lg.layer.iter().copied().max().map_or(0, |m| m + 1);
        lg.order = vec![Vec::new(); layers];
        for v in 0..lg.layer.len() {
            lg.order[lg.layer[v]].push(v);
        }
        lg
    }

    fn chain(&mut self, a: usize, b: usize) -> Vec<usize> {
        let mut chain = vec![a];
        let mut prev = a;
        for l in self.layer[a] + 1..self.layer[b] {
            let d = self.dummy(l);
            self.link(prev, d);
            chain.push(d);
            prev = d;
        }
        self.link(prev, b);
        chain.push(b);
        chain
    }

    /// A new dummy node in layer `l`.
    fn dummy(&mut self, l: usize) -> usize {
        work::add(1);
        let d = self.layer.len();
        self.layer.push(l);
        self.height.push(DUMMY_H);
        self.width.push(0.0);
        self.up.push(Vec::new());
        self.down.push(Vec::new());
        d
    }

    /// The chains of all edges, the long edges out of one node, or into one node, sharing one
    /// trunk of dummies (whichever end has more long edges): the edge that reaches farthest
    /// runs the whole trunk; every other edge joins or leaves it in the layer next to its own
    /// end (or meets the node itself when it is next to it), so no edge repeats the trunk and
    /// the routes stay as long as the trunks.
    fn trunk_chains(&mut self, dag: &[Option<DagEdge>]) {
        let span = |lg: &Self, a: usize, b: usize| lg.layer[b].saturating_sub(lg.layer[a] + 1);
        let (mut out_long, mut in_long) = (vec![0usize; self.real], vec![0usize; self.real]);
        for &(a, b, _) in dag.iter().flatten() {
            if span(self, a, b) > 0 {
                out_long[a] += 1;
                in_long[b] += 1;
            }
        }
        // Each edge's trunk: out of its source (true) or into its target (false); and the edge
        // that reaches farthest along each trunk (the first of equals).
        let side = |a: usize, b: usize| out_long[a] >= in_long[b];
        let mut farthest: std::collections::HashMap<(usize, bool), (usize, usize)> =
            Default::default();
        for (e, &(a, b, _)) in dag
            .iter()
            .enumerate()
            .filter_map(|(e, d)| Some((e, d.as_ref()?)))
        {
            let key = if side(a, b) { (a, true) } else { (b, false) };
            let reach = span(self, a, b);
            let best = farthest.entry(key).or_insert((reach, e));
            if reach > best.0 {
                *best = (reach, e);
            }
        }
        let mut trunks: std::collections::HashMap<(usize, bool), Vec<usize>> = Default::default();
        for (e, d) in dag.iter().enumerate() {
            let Some(&(a, b, _)) = d.as_ref() else {
                self.chains.push(Vec::new());
                continue;
            };
            let out = side(a, b);
            let key = if out { (a, true) } else { (b, false) };
            let k = span(self, a, b);
            let mut grown = trunks.remove(&key).unwrap_or_default();
            while grown.len() < k {
                let d = if out {
                    let d = self.dummy(self.layer[a] + 1 + grown.len());
                    self.link(grown.last().copied().unwrap_or(a), d);
                    d
                } else {
                    let d = self.dummy(self.layer[b] - 1 - grown.len());
                    self.link(d, grown.last().copied().unwrap_or(b));
                    d
                };
                grown.push(d);
            }
            let whole = farthest.get(&key).map(|f| f.1) == Some(e);
            let chain = match (k, out) {
                (0, _) => {
                    self.link(a, b);
                    vec![a, b]
                }
                (_, true) => {
                    self.link(grown[k - 1], b);
                    if whole {
                        std::iter::once(a)
                            .chain(grown[..k].iter().copied())
                            .chain(std::iter::once(b))
                            .collect()
                    } else {
                        vec![grown[k - 1], b]
                    }
                }
                (_, false) => {
                    self.link(a, grown[k - 1]);
                    if whole {
                        std::iter::once(a)
                            .chain(grown[..k].iter().rev().copied())
                            .chain(std::iter::once(b))
                            .collect()
                    } else {
                        vec![a, grown[k - 1]]
                    }
                }
            };
            trunks.insert(key, grown);
            self.chains.push(chain);
        }
    }

    fn link(&mut self, a: usize, b: usize) {
        self.down[a].push(b);
        self.up[b].push(a);
    }

    /// Barycentric sweeps; keeps the order with the fewest crossings.
    fn order(&mut self) {
        let mut best = self.order.clone();
        let mut best_cross = self.crossings();
        for sweep in 0..SWEEPS {
            let downward = sweep % 2 == 0;
            let layers: Vec<usize> = if downward {
                (1..self.order.len()).collect()
            } else {
                (0..self.order.len().saturating_sub(1)).rev().collect()
            };
            // Positions once a sweep, kept up to date layer by layer: recomputing them for
            // every layer made a sweep (layers × nodes), cubic on a long chain with dummies.
            let mut pos = self.positions();
            for l in layers {
                self.reorder(l, downward, &mut pos);
            }
            let c = self.crossings();
            if c < best_cross {
                best_cross = c;
                best = self.order.clone();
            }
            if best_cross == 0 {
                break;
            }
        }
        self.order = best;
    }

    fn positions(&self) -> Vec<usize> {
        let mut pos = vec![0usize; self.layer.len()];
        for layer in &self.order {
            for (i, &v) in layer.iter().enumerate() {
                pos[v] = i;
            }
        }
        pos
    }

    /// Sorts layer `l` by the barycentre of its neighbours in the layer before it (after it
    /// when not `downward`), and updates `pos` (every node's place in its layer) to match.
    fn reorder(&mut self, l: usize, downward: bool, pos: &mut [usize]) {
        work::add(self.order[l].len());
        let mut keyed: Vec<(f64, usize, usize)> = self.order[l]
            .iter()
            .map(|&v| {
                let nbrs = if downward { &self.up[v] } else { &self.down[v] };
                work::add(nbrs.len());
                let bary = if nbrs.is_empty() {
                    pos[v] as f64
                } else {
                    nbrs.iter().map(|&w| pos[w] as f64).sum::<f64>() / nbrs.len() as f64
                };
                (bary, pos[v], v)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        self.order[l] = keyed.into_iter().map(|(_, _, v)| v).collect();
        for (i, &v) in self.order[l].iter().enumerate() {
            pos[v] = i;
        }
    }

    fn crossings(&self) -> usize {
        let pos = self.positions();
        let mut total = 0;
        for layer in &self.order {
            let mut es: Vec<(usize, usize)> = layer
                .iter()
                .flat_map(|&v| self.down[v].iter().map(move |&w| (v, w)))
                .map(|(v, w)| (pos[v], pos[w]))
                .collect();
            work::add(layer.len() + es.len());
            es.sort_unstable();
            total += inversions(&es);
        }
        total
    }

    /// The left x of each layer, `gap` apart.
    fn columns(&self, gap: f64) -> Vec<f64> {
        let mut xs = Vec::with_capacity(self.order.len());
        let mut x = 0.0;
        for layer in &self.order {
            xs.push(x);
            let w = layer.iter().map(|&v| self.width[v]).fold(0.0, f64::max);
            x += w + gap;
        }
        xs
    }

    fn layer_width(&self, l: usize) -> f64 {
        self.order.get(l).map_or(0.0, |layer| {
            layer.iter().map(|&v| self.width[v]).fold(0.0, f64::max)
        })
    }

    /// Vertical centres of every node (real and dummy), top at 0.
    fn rows(&self) -> Vec<f64> {
        let mut y = vec![0.0; self.layer.len()];
        for layer in &self.order {
            let mut top = 0.0;
            for &v in layer {
                y[v] = top + self.height[v] / 2.0;
                top += self.height[v] + self.gap(v);
            }
        }
        for round in 0..ALIGN_ROUNDS {
            let layers: Vec<usize> = if round % 2 == 0 {
                (0..self.order.len()).collect()
            } else {
                (0..self.order.len()).rev().collect()
            };
            for l in layers {
                self.align(l, &mut y, round % 2 == 0, round + 1 == ALIGN_ROUNDS);
            }
        }
        self.close_gaps(&mut y);
        y
    }

    /// Moves everything up over empty horizontal bands (left when parts of the graph are not
    /// connected, or alignment pulled them apart), so that no band is taller than
    /// [`MAX_EMPTY_BAND`]; the top ends at 0.
    fn close_gaps(&self, y: &mut [f64]) {
        let mut spans: Vec<(f64, f64, usize)> = (0..self.layer.len())
            .map(|v| (y[v] - self.height[v] / 2.0, y[v] + self.height[v] / 2.0, v))
            .collect();
        spans.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)));
        let mut shift = match spans.first() {
            Some(first) => first.0,
            None => return,
        };
        let mut bottom = f64::NEG_INFINITY;
        for (top, end, v) in spans {
            if bottom.is_finite() && top - bottom > MAX_EMPTY_BAND {
                shift += top - bottom - MAX_EMPTY_BAND;
            }
            bottom = bottom.max(end);
            y[v] -= shift;
        }
    }

    fn gap(&self, v: usize) -> f64 {
        if v >= self.real {
            NODE_GAP / 2.0
        } else {
            NODE_GAP
        }
    }

    /// Pulls the nodes of a layer toward their neighbours, keeping their order and gaps.
    fn align(&self, l: usize, y: &mut [f64], downward: bool, both: bool) {
        let layer = &self.order[l];
        work::add(layer.len());
        if layer.is_empty() {
            return;
        }
        let desired: Vec<f64> = layer
            .iter()
            .map(|&v| {
                let nbrs: Vec<usize> = match (both, downward) {
                    (true, _) => self.up[v].iter().chain(&self.down[v]).copied().collect(),
                    (false, true) => self.up[v].clone(),
                    (false, false) => self.down[v].clone(),
                };
                work::add(nbrs.len());
                if nbrs.is_empty() {
                    y[v]
                } else {
                    nbrs.iter().map(|&w| y[w]).sum::<f64>() / nbrs.len() as f64
                }
            })
            .collect();
        let mut offsets = Vec::with_capacity(layer.len());
        let mut off = 0.0;
        for (i, &v) in layer.iter().enumerate() {
            if i > 0 {
                let p = layer[i - 1];
                off += self.height[p] / 2.0 + self.gap(p).max(self.gap(v)) + self.height[v] / 2.0;
            }
            offsets.push(off);
        }
        let targets: Vec<f64> = desired.iter().zip(&offsets).map(|(d, o)| d - o).collect();
        let fitted = isotonic(&targets);
        for ((&v, z), o) in layer.iter().zip(fitted).zip(offsets) {
            y[v] = z + o;
        }
    }

    /// Edge routes: out of the right side of the source, through the dummies, into the left
    /// side of the target; reversed edges are turned back to run from their real source.
    fn routes(
        &self,
        nodes: &[Rect],
        xs: &[f64],
        ys: &[f64],
        dag: &[Option<DagEdge>],
    ) -> (Vec<Vec<Point>>, Vec<(bool, bool)>) {
        let ports = self.ports(nodes, ys);
        self.chains
            .iter()
            .zip(dag)
            .enumerate()
            .map(|(e, (chain, d))| {
                let (Some(&a), Some(&b), Some((_, _, reversed))) = (chain.first(), chain.last(), d)
                else {
                    return (Vec::new(), (true, true));
                };
                work::add(chain.len());
                let column_end =
                    xs.get(self.layer[a]).copied().unwrap_or(0.0) + self.layer_width(self.layer[a]);
                let mut pts = Vec::with_capacity(2 * chain.len());
                match nodes.get(a) {
                    Some(ra) => {
                        let start_y = ports.get(&(e, a)).copied().unwrap_or(ys[a]);
                        pts.push((ra.x + ra.w, start_y));
                        // Out of the node's column straight, so the curve clears wider nodes
                        // beside it.
                        if column_end > ra.x + ra.w + 0.5 {
                            pts.push((column_end, start_y));
                        }
                    }
                    // Branching off a shared trunk: from the trunk's dummy, at the column's end.
                    None => pts.push((column_end, ys[a])),
                }
                let ends = (a < self.real, b < self.real);
                for &d in &chain[1..chain.len() - 1] {
                    let l = self.layer[d];
                    let x = xs.get(l).copied().unwrap_or(0.0);
                    pts.push((x, ys[d]));
                    pts.push((x + self.layer_width(l), ys[d]));
                }
                match nodes.get(b) {
                    Some(rb) => pts.push((rb.x, ports.get(&(e, b)).copied().unwrap_or(ys[b]))),
                    // Joining a shared trunk: at its dummy, where the column begins.
                    None => pts.push((xs.get(self.layer[b]).copied().unwrap_or(0.0), ys[b])),
                }
                if *reversed {
                    pts.reverse();
                    return (pts, (ends.1, ends.0));
                }
                (pts, ends)
            })
            .unzip()
    }

    /// Where each edge meets each of its two real ends: spread over the side of the node, in
    /// the order of the neighbouring point of the route.
    fn ports(&self, nodes: &[Rect], ys: &[f64]) -> std::collections::HashMap<(usize, usize), f64> {
        // (node, side) -> [(y of the neighbouring route point, edge)]
        let mut sides: std::collections::BTreeMap<(usize, bool), Vec<(f64, usize)>> =
            Default::default();
        for (e, chain) in self.chains.iter().enumerate() {
            if chain.len() < 2 {
                continue;
            }
            let (a, b) = (chain[0], chain[chain.len() - 1]);
            if a < self.real {
                sides.entry((a, true)).or_default().push((ys[chain[1]], e));
            }
            if b < self.real {
                sides
                    .entry((b, false))
                    .or_default()
                    .push((ys[chain[chain.len() - 2]], e));
            }
        }
        let mut out = std::collections::HashMap::new();
        for ((v, _), mut list) in sides {
            list.sort_by(|p, q| p.0.total_cmp(&q.0).then(p.1.cmp(&q.1)));
            let r = nodes[v];
            let m = list.len() as f64;
            let step = if m > 1.0 {
                (r.h * 0.8 / (m - 1.0)).min(12.0)
            } else {
                0.0
            };
            for (k, (_, e)) in list.into_iter().enumerate() {
                out.insert((e, v), r.cy() + (k as f64 - (m - 1.0) / 2.0) * step);
            }
        }
        out
    }
}

/// Crossings between two layers: pairs of edges, sorted by (upper, lower) position, whose lower
/// ends come in the other order. A Fenwick tree over the lower positions counts them in
/// O(E log E).
fn inversions(sorted: &[(usize, usize)]) -> usize {
    let size = sorted.iter().map(|e| e.1 + 1).max().unwrap_or(0);
    let mut tree = vec![0usize; size + 1];
    let mut count = 0;
    for (seen, &(_, lower)) in sorted.iter().enumerate() {
        // Edges seen so far whose lower end is at or left of this one.
        let mut at_or_left = 0;
        let mut i = lower + 1;
        while i > 0 {
            at_or_left += tree[i];
            i &= i - 1;
        }
        count += seen - at_or_left;
        let mut i = lower + 1;
        while i <= size {
            tree[i] += 1;
            i += i & i.wrapping_neg();
        }
    }
    count
}

/// The non-decreasing sequence closest (least squares) to `t`: pool adjacent violators.
fn isotonic(t: &[f64]) -> Vec<f64> {
    // Blocks of (mean, count).
    let mut blocks: Vec<(f64, usize)> = Vec::with_capacity(t.len());
    for &x in t {
        blocks.push((x, 1));
        while blocks.len() > 1 {
            let (m2, c2) = blocks[blocks.len() - 1];
            let (m1, c1) = blocks[blocks.len() - 2];
            if m1 <= m2 {
                break;
            }
            blocks.pop();
            let c = c1 + c2;
            let last = blocks.len() - 1;
            blocks[last] = ((m1 * c1 as f64 + m2 * c2 as f64) / c as f64, c);
        }
    }
    blocks
        .into_iter()
        .flat_map(|(m, c)| std::iter::repeat_n(m, c))
        .collect()
}

#[cfg(test)]
mod tests;
