//! The benchmark suite, phase by phase on generated models of N actors (14N items): parsing,
//! parsing and resolving, loading rule packs, evaluating them, building the barrier graph, the
//! report, and the whole check from text to JSON; a single group-by rule; and, beside them, the
//! same rules in Rego run by regorus on the JSON form of the same models.
//!
//! ```text
//! cargo bench -p rammelab-bench --bench engine -- --warm-up-time 1 --measurement-time 3
//! RAMMELAB_BENCH_LARGE=1 cargo bench -p rammelab-bench --bench engine     # adds N = 100 000 and regorus at 10 000
//! ```
//!
//! `benches/side-by-side.sh` measures the same work as whole processes (rammelab, regorus, OPA),
//! with peak memory; `docs/performance.md` has the results of both.
//!
//! ```text
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use rammelab::engine::evaluate;
use rammelab::graph::{service_statuses, BarrierGraph};
use rammelab::model::{resolve_source_with, Model, SourceFile};
use rammelab::render::check::json;
use rammelab::rules::RuleSet;
use rammelab::view::{CheckReport, ModelReport, Options, Outcome};
use rammelab::vocab::{Lang, Vocabulary};
use rammelab::Limits;
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

fn vocab() -> Arc<Vocabulary> {
    Arc::new(Vocabulary::builtin().clone())
}

fn model(n: usize) -> Model {
    generate(Spec::new(n, 1))
        .to_model(&vocab(), "gen.lsm")
        .expect("model")
}

fn bench_pack(rules: usize) -> RuleSet {
    let file = SourceFile::new("benches/packs/bench.yaml", pack::pack_yaml(rules));
    RuleSet::load(vec![file], vocab()).expect("bench pack")
}

fn at() -> jiff::civil::Date {
    jiff::civil::date(2026, 6, 1)
}

/// Limits wide enough for N = 100 000 (1.4 million items, 200 MB); the defaults refuse it.
fn limits() -> Limits {
    Limits {
        max_file_size: 1 << 30,
        max_items: 10_000_000,
        ..Limits::default()
    }
}

/// The `.lsm` text of the generated model of N actors.
fn text(n: usize) -> String {
    generate(Spec::new(n, 1)).to_lsm()
}

/// Parsing alone, and parsing with resolving against the vocabulary; throughput in bytes.
fn parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    let vocab = vocab();
    for n in sizes() {
        let text = text(n);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("syntax", n), &text, |b, t| {
            b.iter(|| {
                let file = rammelab::syntax::parse_with(t, &limits()).expect("parses");
                black_box(file.items.len())
            })
        });
        g.bench_with_input(BenchmarkId::new("resolve", n), &text, |b, t| {
            b.iter_batched(
                || SourceFile::new("gen.lsm", t.clone()),
                |src| {
                    let m = resolve_source_with(src, &vocab, &limits()).expect("resolves");
                    black_box(m.items.len())
                },
                BatchSize::LargeInput,
            )
        });
    }
    g.finish();
}

fn load_rules(c: &mut Criterion) {
    let mut g = c.benchmark_group("load_rules");
    g.bench_function("shipped", |b| {
        b.iter(|| RuleSet::builtin().expect("shipped packs"))
    });
    for n in [20, 200] {
        let text = pack::pack_yaml(n);
        g.bench_function(BenchmarkId::new("bench", n), |b| {
            b.iter(|| {
                let file = SourceFile::new("bench.yaml", text.clone());
                RuleSet::load(vec![file], vocab()).expect("bench pack")
            })
        });
    }
    g.finish();
}

fn evaluation(c: &mut Criterion) {
    let mut g = c.benchmark_group("evaluate");
    let packs = [(20, bench_pack(20)), (200, bench_pack(200))];
    let shipped = RuleSet::builtin().expect("shipped packs");
    for n in sizes() {
        let m = model(n);
        g.throughput(Throughput::Elements(m.items.len() as u64));
        for (r, rules) in &packs {
            g.bench_with_input(BenchmarkId::new(format!("bench-{r}"), n), &m, |b, m| {
                b.iter(|| black_box(evaluate(m, rules, at()).findings.len()))
            });
        }
        g.bench_with_input(BenchmarkId::new("shipped", n), &m, |b, m| {
            b.iter(|| black_box(evaluate(m, &shipped, at()).findings.len()))
        });
    }
    g.finish();
}

/// The barrier graph and every service's status, then the check report as JSON, for the
/// bench pack of 200 rules.
fn graph_and_report(c: &mut Criterion) {
    let mut g = c.benchmark_group("graph");
    let rules = bench_pack(200);
    for n in sizes() {
        let m = model(n);
        let eval = evaluate(&m, &rules, at());
        g.bench_with_input(BenchmarkId::new("bench-200", n), &eval, |b, e| {
            b.iter(|| black_box(service_statuses(&BarrierGraph::build(e)).len()))
        });
        g.bench_with_input(BenchmarkId::new("report-json", n), &eval, |b, e| {
            b.iter(|| black_box(report_json(&rules, e)))
        });
    }
    g.finish();
}

/// The report of one evaluated model written as JSON to a sink; returns the bytes written.
fn report_json(rules: &RuleSet, eval: &rammelab::engine::Evaluation<'_>) -> u64 {
    let opts = Options {
        lang: Lang::Nb,
        explain: false,
    };
    let model = ModelReport::build(eval, opts);
    let report = CheckReport::new(rules, at(), Lang::Nb, vec![Outcome::Checked(model)]);
    let mut out = Counter(0);
    json::write(&report, &mut out).expect("sink");
    out.0
}

/// A writer that only counts.
struct Counter(u64);

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What `rammelab check --format json` does in process, from the model's text to its JSON
/// report: parse, resolve, evaluate, report, write. The rules are loaded once, outside.
fn check(c: &mut Criterion) {
    let mut g = c.benchmark_group("check");
    let packs = [(20, bench_pack(20)), (200, bench_pack(200))];
    for n in sizes() {
        let text = text(n);
        g.throughput(Throughput::Bytes(text.len() as u64));
        for (r, rules) in &packs {
            g.bench_with_input(BenchmarkId::new(format!("bench-{r}"), n), &text, |b, t| {
                b.iter_batched(
                    || SourceFile::new("gen.lsm", t.clone()),
                    |src| {
                        let m = resolve_source_with(src, &rules.vocab, &limits()).expect("model");
                        black_box(report_json(rules, &evaluate(&m, rules, at())))
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
    let yaml = pack::pack_yaml(20);
    let only: String = group_by_pack(&yaml);
    let rules =
        RuleSet::load(vec![SourceFile::new("g.yaml", only)], vocab()).expect("group-by pack");
    let mut g = c.benchmark_group("group_by");
    for n in [1_250, 12_500] {
        let m = model(n);
        g.bench_with_input(BenchmarkId::new("flows", 8 * n), &m, |b, m| {
            b.iter(|| black_box(evaluate(m, &rules, at()).findings.len()))
        });
    }
    g.finish();
}

/// The bench pack cut down to its first group-by rule.
fn group_by_pack(yaml: &str) -> String {
    let (head, rules) = yaml.split_once("rules:\n").expect("rules");
    let rule = rules
        .split("\n  - id: ")
        .find(|r| r.contains("company-receiving-from-many-senders"))
        .expect("group-by rule");
    let rule = rule.trim_start_matches("  - id: ");
    format!("{head}rules:\n  - id: {rule}\n")
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
