//! The layout's unit tests: routes, overlaps, crossings and shared trunks.

use super::*;

fn boxes(n: usize) -> Vec<Size> {
    vec![Size { w: 80.0, h: 30.0 }; n]
}

#[test]
fn inversions_count_crossing_pairs() {
    let naive = |es: &[(usize, usize)]| {
        let mut n = 0;
        for i in 0..es.len() {
            for j in i + 1..es.len() {
                if es[i].0 < es[j].0 && es[i].1 > es[j].1 {
                    n += 1;
                }
            }
        }
        n
    };
    let cases: [&[(usize, usize)]; 4] = [
        &[(0, 1), (1, 0)],
        &[(0, 0), (0, 1), (1, 0), (1, 1)],
        &[(0, 3), (1, 2), (2, 1), (3, 0)],
        &[(0, 2), (0, 2), (1, 1), (2, 2), (2, 0)],
    ];
    for es in cases {
        let mut es = es.to_vec();
        es.sort_unstable();
        assert_eq!(inversions(&es), naive(&es), "{es:?}");
    }
}

#[test]
fn isotonic_pools_violators() {
    assert_eq!(isotonic(&[1.0, 3.0, 2.0, 4.0]), vec![1.0, 2.5, 2.5, 4.0]);
    assert_eq!(isotonic(&[3.0, 2.0, 1.0]), vec![2.0, 2.0, 2.0]);
}

#[test]
fn a_chain_runs_left_to_right() {
    let l = layout(&boxes(3), &[(0, 1), (1, 2)]);
    assert!(l.nodes[0].x < l.nodes[1].x && l.nodes[1].x < l.nodes[2].x);
    assert_eq!(l.edges[0].len(), 2);
}

#[test]
fn an_edge_from_a_narrow_node_runs_straight_to_the_end_of_its_column() {
    let mut sizes = boxes(3);
    sizes[1].w = 200.0;
    // 0 and 1 share a column; 0 is narrower.
    let l = layout(&sizes, &[(0, 2), (1, 2)]);
    let e = &l.edges[0];
    assert_eq!(e.len(), 3);
    assert_eq!(e[0].1, e[1].1);
    assert_eq!(e[1].0, l.nodes[1].x + 200.0);
}

#[test]
fn a_cycle_is_laid_out_without_overlap() {
    let l = layout(&boxes(3), &[(0, 1), (1, 2), (2, 0)]);
    for i in 0..3 {
        for j in i + 1..3 {
            assert!(!l.nodes[i].overlaps(&l.nodes[j]), "{i} and {j} overlap");
        }
    }
    // The back edge runs from node 2 to node 0 all the same.
    let e = &l.edges[2];
    assert_eq!(e.first().map(|p| p.0), Some(l.nodes[2].x));
}

#[test]
fn long_edges_pass_through_dummies_and_no_nodes_overlap() {
    let edges = [(0, 1), (1, 2), (2, 3), (0, 3), (4, 3), (5, 1)];
    let l = layout(&boxes(6), &edges);
    assert_eq!(l.edges[3].len(), 2 + 2 * 2);
    for i in 0..6 {
        for j in i + 1..6 {
            assert!(!l.nodes[i].overlaps(&l.nodes[j]), "{i} and {j} overlap");
        }
    }
}

#[test]
fn unconnected_parts_are_stacked_without_a_gap() {
    let l = layout(&boxes(4), &[(0, 1), (2, 3)]);
    let top = l.nodes.iter().map(|r| r.y).fold(f64::INFINITY, f64::min);
    assert_eq!(top, 0.0);
    let mut ys: Vec<(f64, f64)> = l.nodes.iter().map(|r| (r.y, r.y + r.h)).collect();
    ys.sort_by(|a, b| a.0.total_cmp(&b.0));
    for w in ys.windows(2) {
        assert!(w[1].0 - w[0].1 <= MAX_EMPTY_BAND + 0.01, "{ys:?}");
    }
}

#[test]
fn sources_sit_next_to_their_successor() {
    // 3 -> 2 only: 3 belongs in the layer before 2, not in layer 0.
    let l = layout(&boxes(4), &[(0, 1), (1, 2), (3, 2)]);
    assert_eq!(l.nodes[3].x, l.nodes[1].x);
}

/// A chain `0 -> 1 -> … -> n-1` and one more node with an edge to every node of it, as the
/// legal source of the opportunity on every service of a long `depends_on` chain.
fn chain_with_hub(n: usize) -> (Vec<Size>, Vec<(usize, usize)>) {
    let mut edges: Vec<(usize, usize)> = (1..n).map(|i| (i - 1, i)).collect();
    edges.extend((0..n).map(|i| (n, i)));
    (boxes(n + 1), edges)
}

#[test]
fn a_small_hub_keeps_a_dummy_per_edge_and_layer() {
    let (sizes, edges) = chain_with_hub(20);
    let l = layout(&sizes, &edges);
    // The hub sits before node 0; its edge to the last node passes 19 layers, two points
    // each, on its own.
    assert_eq!(l.edges[edges.len() - 1].len(), 2 + 2 * 19);
    assert!(l.on_nodes.iter().all(|&ends| ends == (true, true)));
}

#[test]
fn long_edges_out_of_one_node_share_a_trunk_drawn_once() {
    let n = 200;
    let (sizes, edges) = chain_with_hub(n);
    let (l, work) = work::measure(|| layout(&sizes, &edges));
    // The edge that reaches farthest runs the whole trunk from the hub; every other long
    // edge leaves the trunk in the layer before its target, two points.
    let hub = &l.edges[edges.len() - 1];
    assert_eq!(hub.len(), 2 + 2 * (n - 1));
    assert_eq!(l.on_nodes[edges.len() - 1], (true, true));
    for i in 1..n - 1 {
        let e = n - 1 + i;
        assert_eq!(l.edges[e].len(), 2, "edge to {i}");
        assert_eq!(l.on_nodes[e], (false, true), "edge to {i}");
        // It leaves the trunk where the farthest edge passes, at the end of the column.
        assert!(
            hub.contains(&l.edges[e][0]),
            "edge to {i}: {:?}",
            l.edges[e][0]
        );
    }
    let points: usize = l.edges.iter().map(Vec::len).sum();
    assert!(points < 8 * n, "{points} route points");
    for i in 0..=n {
        for j in i + 1..=n {
            assert!(!l.nodes[i].overlaps(&l.nodes[j]), "{i} and {j} overlap");
        }
    }
    // Some 200 steps a node: the sweeps and rounds over nodes, dummies and edges, each a
    // fixed number of times; one dummy per edge and layer (about n²/2) would be far more.
    assert!(work < 400 * n as u64, "{work} steps");
}

#[test]
fn long_edges_into_one_node_share_a_trunk_drawn_once() {
    // Every node of a chain with an edge to one sink, as every service of a long chain for
    // the same recipients.
    let n = 200;
    let mut edges: Vec<(usize, usize)> = (1..n).map(|i| (i - 1, i)).collect();
    edges.extend((0..n).map(|i| (i, n)));
    let (l, work) = work::measure(|| layout(&boxes(n + 1), &edges));
    // The edge from node 0 runs the whole trunk into the sink; the others join it.
    let whole = &l.edges[n - 1];
    assert_eq!(l.on_nodes[n - 1], (true, true));
    for i in 1..n - 1 {
        let e = n - 1 + i;
        assert_eq!(l.on_nodes[e], (true, false), "edge from {i}");
        assert!(
            whole.contains(&l.edges[e][l.edges[e].len() - 1]),
            "edge from {i}"
        );
    }
    let points: usize = l.edges.iter().map(Vec::len).sum();
    assert!(points < 8 * n, "{points} route points");
    assert!(work < 400 * n as u64, "{work} steps");
}

#[test]
fn barycentric_ordering_removes_a_needless_crossing() {
    // 0 -> 3, 1 -> 2: initial order would cross.
    let l = layout(&boxes(4), &[(0, 3), (1, 2)]);
    let crossing = (l.nodes[0].y < l.nodes[1].y) != (l.nodes[3].y < l.nodes[2].y);
    assert!(!crossing);
}
