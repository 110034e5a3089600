//! The binary: exit codes, and no panic on any input.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use assert_cmd::Command;

fn rammelab() -> Command {
    let mut cmd = Command::cargo_bin("rammelab").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

#[test]
fn check_exits_1_on_models_with_barriers_and_0_when_told_not_to_fail() {
    let out = rammelab()
        .args(["check", "--at", "2026-11-28", "models/"])
        .assert()
        .code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout.contains("På dørterskelen"), "{stdout}");
    rammelab()
        .args([
            "check",
            "--at",
            "2026-11-28",
            "--fail-on",
            "never",
            "models/",
        ])
        .assert()
        .code(0);
}

#[test]
fn check_exits_2_on_an_invalid_model() {
    let out = rammelab()
        .args(["check", "--lang", "en", "tests/models/err/unknown-term.lsm"])
        .assert()
        .code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("rammelab::unknown-term"), "{stderr}");
    assert!(stderr.contains("did you mean `municipality`?"), "{stderr}");
}

#[test]
fn check_exits_2_on_a_path_that_does_not_exist() {
    rammelab().args(["check", "no/such/dir"]).assert().code(2);
}

#[test]
fn a_wrong_call_exits_2() {
    rammelab().args(["check"]).assert().code(2);
    rammelab().args(["frobnicate"]).assert().code(2);
}

#[test]
fn fmt_check_exits_0_on_canonical_files_and_1_on_others() {
    rammelab()
        .args(["fmt", "--check", "models/"])
        .assert()
        .code(0);
    let out = rammelab()
        .args(["fmt", "--check", "tests/models/ok/loose-layout.lsm"])
        .assert()
        .code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout.contains("loose-layout.lsm"), "{stdout}");
}

#[test]
fn fmt_check_exits_2_on_a_file_that_does_not_parse() {
    rammelab()
        .args(["fmt", "--check", "tests/models/err/missing-brace.lsm"])
        .assert()
        .code(2);
}

#[test]
fn fmt_rewrites_a_file_in_place_and_leaves_broken_files_alone() {
    let dir = tempfile::tempdir().unwrap();
    let loose = dir.path().join("loose.lsm");
    std::fs::copy("tests/models/ok/loose-layout.lsm", &loose).unwrap();
    let broken = dir.path().join("broken.lsm");
    std::fs::copy("tests/models/err/missing-brace.lsm", &broken).unwrap();
    let broken_before = std::fs::read(&broken).unwrap();

    rammelab().args(["fmt"]).arg(dir.path()).assert().code(2);
    let after = std::fs::read_to_string(&loose).unwrap();
    let expected = rammelab::syntax::format(
        &std::fs::read_to_string("tests/models/ok/loose-layout.lsm").unwrap(),
    )
    .unwrap();
    assert_eq!(after, expected);
    assert_eq!(std::fs::read(&broken).unwrap(), broken_before);
    rammelab()
        .args(["fmt", "--check"])
        .arg(&loose)
        .assert()
        .code(0);
    // Only the two model files are left in the folder: no temporary file stays behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn vocab_prints_the_vocabulary() {
    let out = rammelab()
        .args(["vocab", "--format", "md", "--lang", "en"])
        .assert()
        .code(0);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        stdout.contains("`state_owned_company` | `statlig_selskap`"),
        "{stdout}"
    );
    rammelab()
        .args(["vocab", "--format", "yaml"])
        .assert()
        .code(0);
}

#[test]
fn no_input_under_tests_makes_the_binary_panic() {
    let files =
        rammelab::cli::collect_models(&[PathBuf::from("tests"), PathBuf::from("models")]).unwrap();
    assert!(files.len() > 30);
    for file in &files {
        for args in [vec!["check"], vec!["fmt", "--check"]] {
            let out = rammelab().args(&args).arg(file).output().unwrap();
            let code = out.status.code();
            assert!(
                matches!(code, Some(0..=2)),
                "`rammelab {} {}` exited with {code:?}",
                args.join(" "),
                file.display()
            );
        }
    }
}
