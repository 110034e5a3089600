//! `rammelab report` through the binary: its formats, output file, exit codes and
//! `--no-appendix`. (The report itself, pinned for every shipped model, is the unit tests in
//! `src/render/report/tests/`.)

#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;

fn rammelab() -> Command {
    let mut cmd = Command::cargo_bin("rammelab").unwrap();
    cmd.env("NO_COLOR", "1").env_remove("RAMMELAB_LANG");
    cmd
}

#[test]
fn the_report_command_writes_markdown_to_stdout_by_default() {
    let out = rammelab()
        .args([
            "report",
            "models/paa-doerterskelen.lsm",
            "--at",
            "2026-11-28",
        ])
        .assert()
        .code(0);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        stdout.starts_with("# Barrierrapport: På dørterskelen\n"),
        "{stdout}"
    );
    assert!(stdout.contains("```mermaid\n"));
}

#[test]
fn the_report_command_writes_html_to_a_file_named_html() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rapport.html");
    rammelab()
        .args([
            "report",
            "models/paa-doerterskelen.lsm",
            "--lang",
            "en",
            "-o",
        ])
        .arg(&file)
        .assert()
        .code(0)
        .stdout("");
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(
        html.starts_with("<!doctype html>\n<html lang=\"en\">"),
        "{html}"
    );
    // Only the report is left in the folder: the temporary file was renamed.
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(
            mode & 0o777,
            0o644,
            "a new report is readable by others, like any file"
        );
    }
}

#[test]
fn the_report_command_exits_2_on_a_bad_model_or_path_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("r.md");
    rammelab()
        .args(["report", "tests/models/err/unknown-term.lsm", "-o"])
        .arg(&file)
        .assert()
        .code(2);
    assert!(!file.exists());
    rammelab().args(["report", "no/such.lsm"]).assert().code(2);
    rammelab().args(["report"]).assert().code(2);
}

/// `--no-appendix` drops the table of every rule evaluated, and nothing else: the heading and
/// its counts stay, and the report up to there is the same.
#[test]
fn no_appendix_leaves_out_the_rule_table_and_only_it() {
    let run = |extra: &[&str], format: &str| -> String {
        let mut args = vec![
            "report",
            "models/paa-doerterskelen.lsm",
            "--at",
            "2026-11-28",
            "--lang",
            "en",
            "--format",
            format,
        ];
        args.extend_from_slice(extra);
        let out = rammelab().args(&args).assert().code(0);
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    for format in ["md", "html"] {
        let full = run(&[], format);
        let short = run(&["--no-appendix"], format);
        let heading = "Appendix: rules evaluated";
        let (full_head, full_appendix) = full.split_once(heading).expect("appendix heading");
        let (short_head, short_appendix) = short.split_once(heading).expect("heading stays");
        assert_eq!(full_head, short_head, "{format}: only the appendix changes");
        assert!(
            short_appendix.contains("rules evaluated"),
            "{format}: the counts stay"
        );
        // Every rule in force has a row in the full table, none in the short one.
        let row = "momskomp-registered-voluntary-organisation";
        assert!(full_appendix.contains(row), "{format}");
        assert!(!short_appendix.contains(row), "{format}");
        assert!(short.len() < full.len());
    }
}
