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
    // What was written is the formatter's text: the original with the changes `fmt --diff`
    // shows for it applied.
    let original = std::fs::read_to_string("tests/models/ok/loose-layout.lsm").unwrap();
    let out = rammelab()
        .args(["fmt", "--diff", "tests/models/ok/loose-layout.lsm"])
        .assert()
        .code(1);
    let diff = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(after, patched(&original, &diff));
    assert_eq!(std::fs::read(&broken).unwrap(), broken_before);
    rammelab()
        .args(["fmt", "--check"])
        .arg(&loose)
        .assert()
        .code(0);
    // Only the two model files are left in the folder: no temporary file stays behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

/// `old` with a unified diff of it applied: each hunk's context and added lines in place of its
/// context and removed lines. Texts end with a newline (no `\ No newline` marks).
fn patched(old: &str, diff: &str) -> String {
    assert!(old.ends_with('\n') && !diff.contains("\n\\ "), "{diff}");
    let old: Vec<&str> = old.lines().collect();
    let (mut new, mut next) = (String::new(), 0);
    for line in diff.lines().skip_while(|l| !l.starts_with("@@")) {
        if let Some(head) = line.strip_prefix("@@ -") {
            // `-START,COUNT`: the hunk's first old line, or the line it follows when it
            // removes none.
            let range = head.split(' ').next().unwrap_or_default();
            let (start, count) = range.split_once(',').unwrap_or((range, "1"));
            let (start, count): (usize, usize) = (start.parse().unwrap(), count.parse().unwrap());
            let first = if count == 0 { start } else { start - 1 };
            for l in &old[next..first] {
                new.push_str(l);
                new.push('\n');
            }
            next = first;
        } else if let Some(l) = line.strip_prefix('+') {
            new.push_str(l);
            new.push('\n');
        } else if let Some(l) = line.strip_prefix(' ') {
            assert_eq!(old[next], l, "context line {}", next + 1);
            new.push_str(l);
            new.push('\n');
            next += 1;
        } else if let Some(l) = line.strip_prefix('-') {
            assert_eq!(old[next], l, "removed line {}", next + 1);
            next += 1;
        } else {
            panic!("not a line of a unified diff: {line}");
        }
    }
    for l in &old[next..] {
        new.push_str(l);
        new.push('\n');
    }
    new
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
        rammelab::collect_models(&[PathBuf::from("tests"), PathBuf::from("models")]).unwrap();
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

/// Runs the binary with standard output (or, with `close_stderr`, standard error) a pipe that is
/// closed before the command writes, as `rammelab lab … | head -1` closes it after one line,
/// and returns the exit code and what came out on the other stream.
fn run_into_closed_pipe(args: &[&str], close_stderr: bool) -> (Option<i32>, String) {
    use std::io::Read as _;
    use std::process::{Command as Std, Stdio};
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("rammelab"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (closed, mut other) = if close_stderr {
        (
            child.stderr.take().map(drop),
            child.stdout.take().unwrap().boxed(),
        )
    } else {
        (
            child.stdout.take().map(drop),
            child.stderr.take().unwrap().boxed(),
        )
    };
    assert!(closed.is_some());
    let mut text = String::new();
    other.read_to_string(&mut text).unwrap();
    (child.wait().unwrap().code(), text)
}

trait Boxed {
    fn boxed(self) -> Box<dyn std::io::Read>;
}
impl<R: std::io::Read + 'static> Boxed for R {
    fn boxed(self) -> Box<dyn std::io::Read> {
        Box::new(self)
    }
}

#[test]
fn a_closed_pipe_ends_the_command_quietly_with_its_usual_code() {
    let at = ["--at", "2026-11-28"];
    for (args, code) in [
        (vec!["lab", "models/paa-doerterskelen.lsm"], 0),
        (
            vec![
                "diff",
                "models/paa-doerterskelen.lsm",
                "models/variants/paa-doerterskelen/kommunen-behandlingsansvarlig.lsm",
            ],
            0,
        ),
        (vec!["check", "models/paa-doerterskelen.lsm"], 1),
    ] {
        let args: Vec<&str> = args.iter().chain(&at).copied().collect();
        let (status, stderr) = run_into_closed_pipe(&args, false);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(status, Some(code), "{args:?}: {stderr}");
    }
    // Diagnostics into a closed standard error: the model's error still gives exit code 2.
    let (status, stdout) = run_into_closed_pipe(
        &[
            "check",
            "tests/models/err/unknown-field.lsm",
            "--at",
            "2026-11-28",
        ],
        true,
    );
    assert_eq!(status, Some(2), "{stdout}");
}
