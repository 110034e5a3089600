//! The command line's one output writer: a reader that goes away (`rammelab lab … | head -1`)
//! ends a command quietly, with its usual exit code, never with a panic message (the pipe is
//! closed before the command writes, so every write meets it, whatever the output's size);
//! an `-o FILE` that cannot be written is bad input.

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

/// `-o FILE` goes through the atomic writer in every command that takes it: a folder that
/// does not exist is bad input (exit 2) with a message, no panic and no file.
#[test]
fn an_output_file_that_cannot_be_written_is_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("missing").join("out.txt");
    let target = target.to_str().unwrap();
    let model = "models/paa-doerterskelen.lsm";
    for args in [
        vec!["graph", model, "--at=2027-01-01", "-o", target],
        vec!["lab", model, "--at=2027-01-01", "-o", target],
        vec!["report", model, "--at=2027-01-01", "-o", target],
    ] {
        let out = Command::new(assert_cmd::cargo::cargo_bin("rammelab"))
            .args(&args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(2),
            "rammelab {}: {stderr}",
            args.join(" ")
        );
        assert!(stderr.contains("rammelab: "), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(!std::path::Path::new(target).exists());
    }
}
