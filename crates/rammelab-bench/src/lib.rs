//! rammelab's benchmarks (`benches/engine.rs`), the timing examples (`examples/`) and the
//! equivalence test against regorus (`tests/rego_equivalence.rs`). The library is empty: the
//! crate exists so that criterion and regorus are compiled only by `cargo bench` and by the
//! tests of this member (`cargo test -p rammelab-bench`, run by `.ci/run`).
