//! The benchmark packs committed in `benches/` (read by the side-by-side script and the Rego
//! equivalence test) are what the generator writes today.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rammelab_gen::pack;

#[test]
fn the_committed_packs_are_what_the_generator_writes() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    for n in [20, 200] {
        let yaml =
            std::fs::read_to_string(format!("{root}/benches/packs/bench-{n}.yaml")).expect("pack");
        let rego =
            std::fs::read_to_string(format!("{root}/benches/rego/bench-{n}.rego")).expect("rego");
        let rerun = format!(
            "rerun `cargo run -p rammelab-gen -- pack --rules {n} -o benches/packs/bench-{n}.yaml \
             --rego benches/rego/bench-{n}.rego`"
        );
        assert!(yaml == pack::pack_yaml(n), "{rerun}");
        assert!(rego == pack::pack_rego(n), "{rerun}");
    }
}
