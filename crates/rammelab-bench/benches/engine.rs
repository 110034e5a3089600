//! The benchmark suite, phase by phase on generated models of N actors (14N items), through
//! rammelab's facade: parsing and resolving, loading rule packs, evaluating them, building the
//! barrier graph, the view and the JSON report, and the whole check from text to JSON; a single
//! group-by rule; and, beside them, the same rules in Rego run by regorus on the JSON form of the
//! same models.
//!
//! ```text
//! cargo bench -p rammelab-bench --bench engine -- --warm-up-time 1 --measurement-time 3
//! RAMMELAB_BENCH_LARGE=1 cargo bench -p rammelab-bench --bench engine     # adds N = 100 000 and regorus at 10 000
//! ```
//!
//! `benches/side-by-side.sh` measures the same work as whole processes (rammelab, regorus, OPA),
//! with peak memory; `docs/performance.md` has the results of both.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use rammelab::{build_graph, build_view, evaluate, Lang, Model, Workspace};
use rammelab_bench::{at, group_by_pack, report_json, shipped, workspace_of, PackDir};
use rammelab_gen::{generate, pack, Spec};

fn large() -> bool {
    std::env::var_os("RAMMELAB_BENCH_LARGE").is_some()
}

fn sizes() -> Vec<usize> {
    let mut s = vec![1_000, 10_000];
    if large() {
        s.push(100_000);
    }
    s
}

/// The `.lsm` text of the generated model of N actors.
fn text(n: usize) -> String {
    generate(Spec::new(n, 1)).to_lsm()
}

/// The generated model of N actors, parsed and resolved (every workspace here has the shipped
/// vocabulary, so the model serves them all).
fn model(workspace: &Workspace, n: usize) -> Model {
    workspace
        .parse_model("gen.lsm", text(n), Lang::En)
        .expect("the generated model resolves")
}

fn bench_pack(rules: usize) -> Workspace {
    workspace_of(&pack::pack_yaml(rules)).expect("bench pack")
}

/// Parsing with resolving against the vocabulary; throughput in bytes. (Parsing alone is not
/// a call of the facade.)
fn parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    let workspace = shipped().expect("shipped packs");
    for n in sizes() {
        let text = text(n);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("resolve", n), &text, |b, t| {
            b.iter_batched(
                || t.clone(),
                |t| {
                    let m = workspace
                        .parse_model("gen.lsm", t, Lang::En)
                        .expect("resolves");
                    black_box(m.counts())
                },
                BatchSize::LargeInput,
            )
        });
    }
    g.finish();
}

/// The shipped packs (embedded), and the bench packs read from a folder as `--rules` reads them.
fn load_rules(c: &mut Criterion) {
    let mut g = c.benchmark_group("load_rules");
    g.bench_function("shipped", |b| {
        b.iter(|| Workspace::builtin().expect("shipped packs"))
    });
    for n in [20, 200] {
        let dir = PackDir::new(&pack::pack_yaml(n)).expect("pack folder");
        let sources = dir.sources();
        g.bench_function(BenchmarkId::new("bench", n), |b| {
            b.iter(|| Workspace::load(&sources, &[]).expect("bench pack"))
        });
    }
    g.finish();
}

fn evaluation(c: &mut Criterion) {
    let mut g = c.benchmark_group("evaluate");
    let packs = [(20, bench_pack(20)), (200, bench_pack(200))];
    let shipped = shipped().expect("shipped packs");
    for n in sizes() {
        let m = model(&shipped, n);
        g.throughput(Throughput::Elements(m.counts().iter().sum::<usize>() as u64));
        for (r, w) in &packs {
            g.bench_with_input(BenchmarkId::new(format!("bench-{r}"), n), &m, |b, m| {
                b.iter(|| black_box(evaluate(m, w.rules(), at()).findings.len()))
            });
        }
        g.bench_with_input(BenchmarkId::new("shipped", n), &m, |b, m| {
            b.iter(|| black_box(shipped.evaluate(m, at()).findings.len()))
        });
    }
    g.finish();
}

/// The barrier graph; the view (findings with their texts, locations, services and their
/// statuses); then the view, the check report and its JSON; for the bench pack of 200 rules.
fn graph_and_report(c: &mut Criterion) {
    let mut g = c.benchmark_group("graph");
    let w = bench_pack(200);
    for n in sizes() {
        let m = model(&w, n);
        let eval = w.evaluate(&m, at());
        g.bench_with_input(BenchmarkId::new("bench-200", n), &eval, |b, e| {
            b.iter(|| black_box(build_graph(e)))
        });
        g.bench_with_input(BenchmarkId::new("view", n), &eval, |b, e| {
            b.iter(|| black_box(build_view(e, Lang::Nb).services.len()))
        });
        g.bench_with_input(BenchmarkId::new("report-json", n), &eval, |b, e| {
            b.iter(|| black_box(report_json(&w, e).len()))
        });
    }
    g.finish();
}

/// What `rammelab check --format json` does in process, from the model's text to its JSON
/// report: parse, resolve, evaluate, view, report, render. The rules are loaded once, outside.
fn check(c: &mut Criterion) {
    let mut g = c.benchmark_group("check");
    let packs = [(20, bench_pack(20)), (200, bench_pack(200))];
    for n in sizes() {
        let text = text(n);
        g.throughput(Throughput::Bytes(text.len() as u64));
        for (r, w) in &packs {
            g.bench_with_input(BenchmarkId::new(format!("bench-{r}"), n), &text, |b, t| {
                b.iter_batched(
                    || t.clone(),
                    |t| {
                        let m = w.parse_model("gen.lsm", t, Lang::En).expect("model");
                        black_box(report_json(w, &w.evaluate(&m, at())).len())
                    },
                    BatchSize::LargeInput,
                )
            });
        }
    }
    g.finish();
}

/// "A company receiving health data from more than 3 distinct municipalities", alone, over
/// 100 000 flows (N = 12 500).
fn group_by(c: &mut Criterion) {
    let only = group_by_pack(&pack::pack_yaml(20)).expect("group-by rule");
    let w = workspace_of(&only).expect("group-by pack");
    let mut g = c.benchmark_group("group_by");
    for n in [1_250, 12_500] {
        let m = model(&w, n);
        g.bench_with_input(BenchmarkId::new("flows", 8 * n), &m, |b, m| {
            b.iter(|| black_box(w.evaluate(m, at()).findings.len()))
        });
    }
    g.finish();
}

fn regorus(c: &mut Criterion) {
    let mut g = c.benchmark_group("regorus");
    g.sample_size(10);
    let mut sizes = vec![1_000];
    if large() {
        sizes.push(10_000);
    }
    for n in sizes {
        let json = generate(Spec::new(n, 1)).to_json();
        let input = regorus::Value::from_json_str(&json).expect("json");
        for r in [20, 200] {
            // 200 rules at N = 10 000 take regorus about 40 s a run, ten runs for criterion;
            // benches/side-by-side.sh measures that case once, as a whole process.
            if r == 200 && n > 1_000 {
                continue;
            }
            let mut engine = regorus::Engine::new();
            engine
                .add_policy("bench.rego".into(), pack::pack_rego(r))
                .expect("policy");
            engine.set_input(input.clone());
            g.bench_function(BenchmarkId::new(format!("bench-{r}"), n), |b| {
                b.iter_batched(
                    || engine.clone(),
                    |mut e| {
                        let v = e
                            .eval_rule("data.rammelab.bench.findings".into())
                            .expect("eval");
                        black_box(v.as_set().map(|s| s.len()).unwrap_or(0))
                    },
                    BatchSize::LargeInput,
                )
            });
        }
    }
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(10)
}

criterion_group! {
    name = benches;
    config = config();
    targets = parse, load_rules, evaluation, graph_and_report, check, group_by, regorus
}
criterion_main!(benches);
