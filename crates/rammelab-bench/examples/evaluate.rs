//! Times the phases of rammelab's engine on a generated model, once each, for quick runs at
//! sizes where criterion's repetitions take too long, and for profiling:
//!
//! ```text
//! cargo run --profile profiling -p rammelab-bench --example evaluate -- 10000 200  # N, rules
//! ```
//!
//! The arguments are N actors and the rules: 20, 200 or group-by.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../../examples/common/cpu.rs"]
mod cpu;

use std::sync::Arc;
use std::time::Instant;

use rammelab::engine::{evaluate, evaluate_indexed, Index};
use rammelab::model::SourceFile;
use rammelab::rules::RuleSet;
use rammelab::vocab::Vocabulary;
use rammelab_gen::{generate, pack, Spec};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.first().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let which = args.get(1).map_or("200", String::as_str);
    let repeat: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let vocab = Arc::new(Vocabulary::builtin().clone());
    let t = now();
    let g = generate(Spec::new(n, 1));
    let model = g.to_model(&vocab, "gen.lsm").expect("model");
    println!(
        "generate + build N = {n} ({} items): {:.1} ms",
        model.items.len(),
        ms(t)
    );
    let text = match which {
        "group-by" => group_by(&pack::pack_yaml(20)),
        r => pack::pack_yaml(r.parse().unwrap_or(200)),
    };
    let t = now();
    let rules = RuleSet::load(vec![SourceFile::new("bench.yaml", text)], vocab).expect("pack");
    println!("load {} rules: {:.1} ms", rules.rules.len(), ms(t));
    if std::env::var_os("PLAN").is_some() {
        for r in &rules.rules {
            println!("{}: {:#?}\n{:#?}", r.id, r.plan, r.when);
        }
    }
    let t = now();
    let index = Index::build(&model);
    println!("index: {:.1} ms", ms(t));
    let at = jiff::civil::date(2026, 6, 1);
    if std::env::var_os("PER_RULE").is_some() {
        let yaml = pack::pack_yaml(200);
        let (head, body) = yaml.split_once("rules:\n").expect("rules");
        let mut times = Vec::new();
        for rule in body.split("\n  - id: ") {
            let rule = rule.trim_start_matches("  - id: ");
            let text = format!(
                "{head}rules:\n  - id: {}\n",
                rule.split("mitigates:").next().unwrap_or(rule)
            );
            let one = RuleSet::load(
                vec![SourceFile::new("one.yaml", text)],
                Arc::new(Vocabulary::builtin().clone()),
            )
            .expect("rule");
            let t = now();
            let ev = evaluate_indexed(&model, &index, &one, at);
            times.push((ms(t), ev.findings.len(), one.rules[0].id.clone()));
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
        let ev = evaluate(&model, &rules, at);
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

fn group_by(yaml: &str) -> String {
    let (head, rules) = yaml.split_once("rules:\n").expect("rules");
    let rule = rules
        .split("\n  - id: ")
        .find(|r| r.contains("company-receiving-from-many-senders"))
        .expect("group-by rule");
    format!(
        "{head}rules:\n  - id: {}\n",
        rule.trim_start_matches("  - id: ")
    )
}
