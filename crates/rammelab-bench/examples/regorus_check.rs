//! Runs a Rego policy over a JSON model with regorus, as a whole process, for the side-by-side
//! measurements in `docs/performance.md`:
//!
//! ```text
//! cargo run --release -p rammelab-bench --example regorus_check -- benches/rego/bench-20.rego model.json
//! ```
//!
//! Prints the number of findings per rule and the time of each phase.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [policy, input] = &args[..] else {
        eprintln!("usage: regorus_check POLICY.rego INPUT.json");
        std::process::exit(2);
    };
    let t0 = Instant::now();
    let mut engine = regorus::Engine::new();
    engine
        .add_policy(
            policy.clone(),
            std::fs::read_to_string(policy).expect("policy"),
        )
        .expect("policy parses");
    let t1 = Instant::now();
    let json = std::fs::read_to_string(input).expect("input");
    engine.set_input(regorus::Value::from_json_str(&json).expect("input is JSON"));
    let t2 = Instant::now();
    let v = engine
        .eval_rule("data.rammelab.bench.findings".into())
        .expect("evaluates");
    let t3 = Instant::now();
    let mut per_rule: BTreeMap<String, usize> = BTreeMap::new();
    for f in v.as_set().expect("a set") {
        let rule = f["rule"]
            .as_string()
            .map(|s| s.to_string())
            .unwrap_or_default();
        *per_rule.entry(rule).or_default() += 1;
    }
    let total: usize = per_rule.values().sum();
    if std::env::var_os("VERBOSE").is_some() {
        for (r, n) in &per_rule {
            println!("{n:8}  {r}");
        }
    }
    println!(
        "regorus: {total} findings of {} rules; policy {:.1} ms, input {:.1} ms, eval {:.1} ms",
        per_rule.len(),
        (t1 - t0).as_secs_f64() * 1e3,
        (t2 - t1).as_secs_f64() * 1e3,
        (t3 - t2).as_secs_f64() * 1e3,
    );
}
