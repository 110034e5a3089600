//! What the generator writes is what rammelab reads: a generated model parses and resolves
//! through the library's facade with every item the generator made, and the benchmark pack
//! loads and finds something in it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rammelab::{Date, Lang, RuleSources, Workspace};
use rammelab_gen::{generate, pack, Kind, Spec};

fn at() -> Date {
    "2026-06-01".parse().expect("a date")
}

#[test]
fn a_generated_model_parses_with_every_item() {
    let workspace = Workspace::builtin().expect("the shipped packs load");
    for seed in [1, 2, 5] {
        let g = generate(Spec::new(30, seed));
        let model = workspace
            .parse_model("gen.lsm", g.to_lsm(), Lang::En)
            .unwrap_or_else(|e| panic!("seed {seed}: {}", rammelab::render_errors(&e, false, 100)));
        let [actors, services, flows, agreements] = model.counts();
        let count = |k: Kind| g.items.iter().filter(|i| i.kind == k).count();
        assert_eq!(actors, count(Kind::Actor));
        assert_eq!(services, count(Kind::Service));
        assert_eq!(flows, 240);
        assert_eq!(flows, count(Kind::Flow));
        assert_eq!(agreements, count(Kind::Agreement));
        assert_eq!(
            model.counts().iter().sum::<usize>(),
            g.items.len(),
            "seed {seed}"
        );
        // The shipped packs evaluate it, and their view reads it.
        let checked = workspace
            .check_source("gen.lsm", g.to_lsm(), at(), Lang::Nb)
            .expect("checks");
        assert_eq!(checked.view.file, "gen.lsm");
    }
}

#[test]
fn the_benchmark_pack_loads_and_finds_something() {
    let dir = std::env::temp_dir().join(format!("rammelab-gen-facade-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    std::fs::write(dir.join("bench.yaml"), pack::pack_yaml(20)).expect("written");
    let sources = RuleSources {
        dirs: vec![dir.clone()],
        no_builtin: true,
    };
    let loaded = Workspace::load(&sources, &[]);
    let _ = std::fs::remove_dir_all(&dir);
    let workspace = loaded.expect("the benchmark pack loads");
    let g = generate(Spec::new(120, 1));
    let checked = workspace
        .check_source("gen.lsm", g.to_lsm(), at(), Lang::En)
        .expect("the generated model checks");
    assert_eq!(checked.view.evaluated.len(), 20, "every rule applies");
    let rules: std::collections::BTreeSet<&str> = checked
        .view
        .findings
        .iter()
        .map(|f| f.rule.as_str())
        .collect();
    assert!(rules.len() >= 15, "most rules fire: {rules:?}");
}
