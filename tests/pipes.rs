//! The command line: a reader that goes away (`rammelab lab … | head -1`) ends a command
//! quietly, with its usual exit code, never with a panic message. The pipe is closed before
//! the command writes, so every write meets a closed pipe, whatever the output's size.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Command, Stdio};

/// Runs the binary with its standard output a pipe whose reading end is already closed:
/// the exit code and what it wrote to standard error.
fn run_with_closed_stdout(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("rammelab"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("the binary ends");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_writing_command_ends_quietly_on_a_closed_pipe() {
    let model = "models/paa-doerterskelen.lsm";
    let other = "models/paa-doerterskelen.nb.lsm";
    let at = "--at=2027-01-01";
    let cases: &[(&[&str], i32)] = &[
        (&["lab", model, at, "--lang", "en"], 0),
        (&["lab", model, at, "--format", "md"], 0),
        (&["diff", model, other, at], 0),
        (&["check", model, at, "--fail-on", "never"], 0),
        (
            &["check", model, at, "--format", "json", "--fail-on", "never"],
            0,
        ),
        (&["graph", model, at], 0),
        (&["report", model, at], 0),
        (&["rules", "list"], 0),
        (&["vocab"], 0),
        (&["explain", "gdpr-art6-no-legal-basis"], 0),
    ];
    for (args, code) in cases {
        let (got, stderr) = run_with_closed_stdout(args);
        assert!(
            !stderr.contains("panicked"),
            "rammelab {}: {stderr}",
            args.join(" ")
        );
        assert_eq!(got, Some(*code), "rammelab {}: {stderr}", args.join(" "));
    }
}
