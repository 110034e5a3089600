//! Times each phase of `rammelab check` on one model file, once, in this process, through the
//! library's facade: read, load the rule packs (the shipped ones, or a folder of packs), parse
//! and resolve, evaluate, build the barrier graph, build the view (findings with their texts,
//! services and their statuses), build the check report and render it as JSON. Times are CPU
//! time of this thread where Linux tells it (the machine may be shared), else wall time.
//!
//! ```text
//! cargo run --release --example phases -- model.lsm [RULES_DIR]
//! ```
//!
//! `ONLY_PARSE=1` stops after parsing and resolving, `NO_REPORT=1` after evaluating. Parsing
//! alone, without resolving, and each rule's own time are not calls of the facade: the
//! benchmarks' `evaluate` example (`crates/rammelab-bench`) times rule by rule.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/cpu.rs"]
mod cpu;

use std::path::PathBuf;
use std::time::Instant;

use rammelab::{
    build_graph, build_view, render, Date, Format, Lang, Limits, Outcome, RuleSources, Workspace,
};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().expect("usage: phases MODEL.lsm [RULES_DIR]");
    let mut clock = Clock::start();
    let text = std::fs::read_to_string(path).expect("read");
    let mb = text.len() as f64 / 1e6;
    clock.lap(&format!("read {mb:.1} MB"));
    let workspace = match args.get(1) {
        Some(dir) => Workspace::load(
            &RuleSources {
                dirs: vec![PathBuf::from(dir)],
                no_builtin: false,
            },
            &[],
        ),
        None => Workspace::builtin(),
    }
    .expect("rules");
    clock.lap("load rules");
    // The default limits refuse N = 100 000 (1.4 million items, 200 MB).
    let workspace = workspace.with_limits(Limits {
        max_file_size: 1 << 30,
        max_items: 10_000_000,
        ..Limits::default()
    });
    let model = workspace
        .parse_model(path.as_str(), text, Lang::Nb)
        .expect("resolves");
    let t = clock.lap(&format!(
        "parse + resolve {} items",
        model.counts().iter().sum::<usize>()
    ));
    println!("{:>28}  {:.1} MB/s", "", mb / (t / 1e3));
    if std::env::var_os("ONLY_PARSE").is_some() {
        return;
    }
    let at = Date::constant(2026, 6, 1);
    let eval = workspace.evaluate(&model, at);
    clock.lap(&format!("evaluate: {} findings", eval.findings.len()));
    if std::env::var_os("NO_REPORT").is_some() {
        return;
    }
    let graph = build_graph(&eval);
    clock.lap("graph");
    drop(graph);
    let view = build_view(&eval, Lang::Nb);
    clock.lap(&format!("view ({} services)", view.services.len()));
    let report = workspace.report(at, Lang::Nb, vec![Outcome::Checked(view)]);
    clock.lap("report");
    let json = render(&report, Format::Json);
    clock.lap(&format!("render JSON ({:.1} MB)", json.len() as f64 / 1e6));
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
