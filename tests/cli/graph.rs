//! `graph`: the command draws every format and refuses an unknown focus. (The graph and its
//! drawings on the shipped models are unit tests: `src/graph/tests/shipped.rs`,
//! `src/render/graph/tests/shipped.rs`.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command as Cli;

#[test]
fn the_command_draws_every_format_and_refuses_an_unknown_focus() {
    for format in ["dot", "mermaid", "json", "svg"] {
        Cli::cargo_bin("rammelab")
            .unwrap()
            .args([
                "graph",
                "models/paa-doerterskelen.lsm",
                "--at",
                "2026-11-28",
            ])
            .args(["--format", format, "--focus", "doerbesok", "--lang", "en"])
            .assert()
            .success();
    }
    let out = Cli::cargo_bin("rammelab")
        .unwrap()
        .env("NO_COLOR", "1")
        .args([
            "graph",
            "models/paa-doerterskelen.lsm",
            "--at",
            "2026-11-28",
        ])
        .args(["--focus", "doerbesk"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("`doerbesk`") && stderr.contains("`doerbesok`"),
        "{stderr}"
    );
}
