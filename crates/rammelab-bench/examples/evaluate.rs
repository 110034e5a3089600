//! Times the phases of rammelab's engine on a generated model, once each, through the facade,
//! for quick runs at sizes where criterion's repetitions take too long, and for profiling:
//!
//! ```text
//! cargo run --profile profiling -p rammelab-bench --example evaluate -- 10000 200  # N, rules
//! PER_RULE=20 cargo run --release -p rammelab-bench --example evaluate -- 10000    # the 20 slowest rules
//! ```
//!
//! The arguments are N actors, the rules (20, 200 or group-by) and how often to evaluate.
//! `PER_RULE=K` also times each rule of the 200-rule pack alone (each time includes building
//! the model's index, which the facade's `evaluate` does) and prints the K slowest.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../../examples/common/cpu.rs"]
mod cpu;

use std::time::Instant;

use rammelab::{evaluate, Lang};
use rammelab_bench::{at, group_by_pack, shipped, workspace_of};
use rammelab_gen::{generate, pack, Spec};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.first().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let which = args.get(1).map_or("200", String::as_str);
    let repeat: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let t = now();
    let text = generate(Spec::new(n, 1)).to_lsm();
    println!("generate N = {n}: {:.1} ms", ms(t));
    let t = now();
    let model = shipped()
        .expect("shipped packs")
        .parse_model("gen.lsm", text, Lang::En)
        .expect("model");
    println!(
        "parse + resolve {} items: {:.1} ms",
        model.counts().iter().sum::<usize>(),
        ms(t)
    );
    let yaml = match which {
        "group-by" => group_by_pack(&pack::pack_yaml(20)).expect("group-by rule"),
        r => pack::pack_yaml(r.parse().unwrap_or(200)),
    };
    let t = now();
    let rules = workspace_of(&yaml).expect("pack");
    println!("load the pack: {:.1} ms", ms(t));
    if std::env::var_os("PER_RULE").is_some() {
        let yaml = pack::pack_yaml(200);
        let (head, body) = yaml.split_once("rules:\n").expect("rules");
        let mut times = Vec::new();
        for rule in body.split("\n  - id: ") {
            let rule = rule.trim_start_matches("  - id: ");
            let id = rule.lines().next().unwrap_or_default().to_string();
            let text = format!(
                "{head}rules:\n  - id: {}\n",
                rule.split("mitigates:").next().unwrap_or(rule)
            );
            let one = workspace_of(&text).expect("rule");
            let t = now();
            let ev = evaluate(&model, one.rules(), at());
            times.push((ms(t), ev.findings.len(), id));
        }
        times.sort_by(|a, b| b.0.total_cmp(&a.0));
        let top: usize = std::env::var("PER_RULE")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(40);
        for (t, n, id) in times.iter().take(top) {
            println!("{t:8.1} ms {n:7} {id}");
        }
        println!("sum {:.1} ms", times.iter().map(|t| t.0).sum::<f64>());
    }
    for _ in 0..repeat {
        let t = now();
        let ev = rules.evaluate(&model, at());
        println!(
            "evaluate: {} findings in {:.1} ms",
            ev.findings.len(),
            ms(t)
        );
    }
}

/// Milliseconds since `t`: CPU time of this thread where Linux tells it (the machine may be
/// shared), else wall time.
fn ms(t: Instant) -> f64 {
    let wall = t.elapsed().as_secs_f64() * 1e3;
    CPU_START.with(|c| match (c.get(), cpu::cpu_ns()) {
        (Some(start), Some(now)) => {
            c.set(None);
            (now - start) as f64 / 1e6
        }
        _ => wall,
    })
}

thread_local! {
    static CPU_START: std::cell::Cell<Option<u64>> = const { std::cell::Cell::new(None) };
}

/// Starts a timer: wall clock, and CPU time of this thread.
fn now() -> Instant {
    CPU_START.with(|c| c.set(cpu::cpu_ns()));
    Instant::now()
}
