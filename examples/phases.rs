//! Times each phase of `rammelab check` on one model file, once, in this process: read, parse,
//! resolve, load the shipped rule packs, evaluate, build the barrier graph, build the report and
//! render it as JSON. Times are CPU time of this thread where Linux tells it (the machine may
//! be shared), else wall time.
//!
//! ```text
//! cargo run --release --example phases -- model.lsm [RULES_DIR]
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/cpu.rs"]
mod cpu;

use std::path::Path;
use std::time::Instant;

use rammelab::engine::evaluate;
use rammelab::model::{resolve_source_with, SourceFile};
use rammelab::render::check::json;
use rammelab::rules::{RuleSet, RuleSources};
use rammelab::view::{CheckReport, ModelReport, Options, Outcome};
use rammelab::Lang;
use rammelab::Limits;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().expect("usage: phases MODEL.lsm [RULES_DIR]");
    let mut clock = Clock::start();
    let text = std::fs::read_to_string(path).expect("read");
    let mb = text.len() as f64 / 1e6;
    clock.lap(&format!("read {mb:.1} MB"));
    // The default limits refuse N = 100 000 (1.4 million items, 200 MB).
    let limits = Limits {
        max_file_size: 1 << 30,
        max_items: 10_000_000,
        ..Limits::default()
    };
    let parsed = rammelab::syntax::parse_with(&text, &limits).expect("parses");
    let t = clock.lap("parse");
    println!("{:>28}  {:.1} MB/s", "", mb / (t / 1e3));
    drop(parsed);
    clock.lap("drop syntax tree");
    if std::env::var_os("ONLY_PARSE").is_some() {
        return;
    }
    let rules = match args.get(1) {
        Some(dir) => RuleSources {
            dirs: vec![dir.into()],
            no_builtin: false,
        }
        .load()
        .expect("rules"),
        None => RuleSet::builtin().expect("shipped packs"),
    };
    clock.lap(&format!("load {} rules", rules.rules.len()));
    let source = SourceFile::new(Path::new(path), text);
    let model = resolve_source_with(source, &rules.vocab, &limits).expect("resolves");
    clock.lap(&format!("parse + resolve {} items", model.items.len()));
    let at = jiff::civil::date(2026, 6, 1);
    let eval = evaluate(&model, &rules, at);
    clock.lap(&format!("evaluate: {} findings", eval.findings.len()));
    if let Some(n) = std::env::var("SLOWEST")
        .ok()
        .and_then(|s| s.parse::<usize>().ok())
    {
        for (ri, t, found) in rammelab::engine::rule_timings(&model, &rules, at)
            .iter()
            .take(n)
        {
            let ms = t.as_secs_f64() * 1e3;
            println!("{ms:10.2} ms {found:7}  {}", rules.rules[*ri].id);
        }
        clock.lap("rule timings");
    }
    if std::env::var_os("NO_REPORT").is_some() {
        return;
    }
    let graph = rammelab::BarrierGraph::build(&eval);
    clock.lap("graph");
    let statuses = rammelab::graph::service_statuses(&graph);
    clock.lap(&format!("service statuses ({})", statuses.len()));
    drop(graph);
    let opts = Options {
        lang: Lang::Nb,
        explain: false,
    };
    let report = ModelReport::build(&eval, opts);
    clock.lap("report");
    let report = CheckReport::new(&rules, at, Lang::Nb, vec![Outcome::Checked(report)]);
    let mut out = Vec::new();
    json::write(&report, &mut out).expect("written to memory");
    clock.lap(&format!("render JSON ({:.1} MB)", out.len() as f64 / 1e6));
    println!("{:>28}  {:.1} ms", "total", clock.total);
}

struct Clock {
    wall: Instant,
    cpu: Option<u64>,
    total: f64,
}

impl Clock {
    fn start() -> Clock {
        Clock {
            wall: Instant::now(),
            cpu: cpu::cpu_ns(),
            total: 0.0,
        }
    }

    /// Prints and returns the milliseconds since the last lap.
    fn lap(&mut self, what: &str) -> f64 {
        let now = cpu::cpu_ns();
        let ms = match (self.cpu, now) {
            (Some(a), Some(b)) => (b - a) as f64 / 1e6,
            _ => self.wall.elapsed().as_secs_f64() * 1e3,
        };
        println!("{what:>28}  {ms:.1} ms");
        self.wall = Instant::now();
        self.cpu = now;
        self.total += ms;
        ms
    }
}
