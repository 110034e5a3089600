//! The proposals of `rules/proposals/` are built into the binary (build.rs): `lab` weighs them
//! when no overlays are named and with `--overlays builtin`, from any folder; `check`, `diff` and
//! `lab` take one by name with `--overlay builtin:NAME`. Each gives what the files give. (That
//! every shipped proposal is built in as it is on disk is the unit test in
//! `src/rules/tests/proposals.rs`.)

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use crate::common::run_in;

const PAA: &str = "models/paa-doerterskelen.lsm";
const PILOT: &str = "models/variants/paa-doerterskelen/toaarig-pilot.lsm";
const NOU: &str = "anskaffelser-nou-2023-26";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> String {
    run_in(root(), args)
}

/// The names of the proposals in `rules/proposals/`: the built-in ones (the unit test
/// `rules::tests::proposals` holds them equal).
fn proposal_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("rules/proposals"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix(".yaml").map(str::to_string))
        .collect();
    names.sort();
    assert!(!names.is_empty());
    names
}

/// `lab PAA` at 2026-11-28 in English, with more arguments, run in `dir`.
fn lab_in(dir: &Path, model: &str, extra: &[&str]) -> String {
    let mut args = vec!["lab", model, "--at", "2026-11-28", "--lang", "en"];
    args.extend_from_slice(extra);
    run_in(dir, &args)
}

#[test]
fn lab_weighs_the_built_in_proposals_by_default_and_with_overlays_builtin() {
    let from_files = lab_in(root(), PAA, &["--overlays", "rules/proposals"]);
    assert!(from_files.starts_with("exit 0\n"), "{from_files}");
    assert!(from_files.contains("4 overlays"), "{from_files}");
    assert_eq!(lab_in(root(), PAA, &["--overlays", "builtin"]), from_files);
    assert_eq!(lab_in(root(), PAA, &[]), from_files);
    // A named overlay replaces the default.
    let one = lab_in(root(), PAA, &["--overlay", "builtin:ny-forvaltningslov"]);
    assert!(one.starts_with("exit 0\n"), "{one}");
    assert!(one.contains("ny-forvaltningslov"), "{one}");
    assert!(!one.contains(NOU), "{one}");
}

#[test]
fn lab_finds_the_built_in_proposals_from_any_folder() {
    let dir = tempfile::tempdir().unwrap();
    let model = root().join(PAA);
    let model = model.to_str().unwrap();
    let default = lab_in(dir.path(), model, &["--format", "json"]);
    assert!(default.starts_with("exit 0\n"), "{default}");
    let json: serde_json::Value = serde_json::from_str(&default["exit 0\n".len()..]).unwrap();
    let text = json.to_string();
    for name in proposal_names() {
        assert!(text.contains(&name), "{name} missing in {text}");
    }
    let builtin = lab_in(
        dir.path(),
        model,
        &["--format", "json", "--overlays", "builtin"],
    );
    assert_eq!(builtin, default);
}

#[test]
fn check_and_diff_take_a_built_in_proposal_by_name() {
    let by_path = format!("rules/proposals/{NOU}.yaml");
    let by_name = format!("builtin:{NOU}");
    for cmd in [
        vec!["check", PILOT, "--at", "2028-01-01", "--format", "json"],
        vec!["diff", PAA, PILOT, "--at", "2028-01-01", "--lang", "en"],
    ] {
        let with = |overlay: &str| {
            let mut args = cmd.clone();
            args.extend_from_slice(&["--overlay", overlay]);
            run(&args)
        };
        let from_file = with(&by_path);
        let built_in = with(&by_name);
        let without = run(&cmd);
        assert_eq!(built_in, from_file, "{cmd:?}");
        assert_ne!(
            built_in, without,
            "{cmd:?}: the proposal changes the outcome"
        );
    }
}

#[test]
fn an_unknown_built_in_proposal_is_refused_with_the_names_there_are() {
    let out = run(&[
        "check",
        PAA,
        "--at",
        "2026-11-28",
        "--overlay",
        "builtin:ny-forvaltningslov-2",
    ]);
    assert!(out.starts_with("exit 2\n"), "{out}");
    insta::assert_snapshot!(out);
}
