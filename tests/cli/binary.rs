//! The binary on bad input: no rule file or corpus file makes it panic (exit code 101) or die
//! by a signal, a write that fails between writing and renaming leaves the original file
//! intact, and the limits can be changed on the command line.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The environment variable that makes a debug build's atomic write fail between writing the
/// temporary file and renaming it: `FAIL_BEFORE_RENAME` in `src/base/fsutil.rs`, named here as
/// a literal since the tests see only the library's facade.
const FAIL_BEFORE_RENAME: &str = "RAMMELAB_TEST_FAIL_BEFORE_RENAME";

fn rammelab() -> Command {
    let mut cmd = Command::cargo_bin("rammelab").unwrap_or_else(|e| panic!("{e}"));
    cmd.env("NO_COLOR", "1").env_remove("RAMMELAB_LANG");
    cmd
}

fn files_under(dirs: &[&str], ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|d| walkdir::WalkDir::new(d).into_iter().filter_map(Result::ok))
        .map(walkdir::DirEntry::into_path)
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    out.sort();
    out
}

fn assert_no_crash(args: &[&str], out: &std::process::Output) {
    let code = out.status.code();
    assert!(
        matches!(code, Some(0..=2)),
        "`rammelab {}` exited with {code:?}\n{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn no_rule_file_makes_the_binary_panic() {
    let files = files_under(&["tests", "rules"], "yaml");
    assert!(files.len() > 20, "{files:?}");
    // The files of each folder together, in a folder of their own (one process per folder
    // keeps the test fast; the loader reads on past a broken file, so each is still checked).
    let mut folders: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| f.parent())
        .map(Path::to_path_buf)
        .collect();
    folders.dedup();
    for folder in folders {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for file in files
            .iter()
            .filter(|f| f.parent() == Some(folder.as_path()))
        {
            let name = file.file_name().unwrap_or_default();
            std::fs::copy(file, dir.path().join(name)).unwrap_or_else(|e| panic!("{e}"));
        }
        let d = dir.path().to_string_lossy().into_owned();
        let args = ["rules", "list", "--no-builtin-rules", "--rules", d.as_str()];
        let out = rammelab()
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_no_crash(&args, &out);
    }
}

#[test]
fn no_corpus_model_makes_graph_or_report_panic() {
    for file in files_under(&["tests/corpus"], "lsm") {
        let f = file.to_string_lossy().into_owned();
        for args in [["graph", f.as_str()], ["report", f.as_str()]] {
            let out = rammelab()
                .args(args)
                .output()
                .unwrap_or_else(|e| panic!("{e}"));
            assert_no_crash(&args, &out);
        }
    }
}

/// A model `fmt` will rewrite, in a folder of its own.
fn messy_model() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("m.lsm");
    let text = "model   \"M\" {challenge: demography}\nactor a \"A\" {type: municipality}\n";
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    (dir, path, text.to_string())
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "fault injection exists only in debug builds"
)]
fn fmt_killed_between_write_and_rename_leaves_the_file_intact() {
    let (dir, path, text) = messy_model();
    let out = rammelab()
        .env(FAIL_BEFORE_RENAME, "abort")
        .arg("fmt")
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    // Aborted: no exit code, killed by SIGABRT.
    assert_eq!(out.status.code(), None, "{out:?}");
    assert_eq!(std::fs::read_to_string(&path).ok(), Some(text.clone()));
    // The crash leaves the temporary file behind, beside the original, never in its place.
    let names = entries(dir.path());
    assert!(names.contains(&"m.lsm".to_string()), "{names:?}");
    // Run again without the failure: the file is formatted.
    rammelab().arg("fmt").arg(&path).assert().code(0);
    assert_ne!(std::fs::read_to_string(&path).ok(), Some(text));
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "fault injection exists only in debug builds"
)]
fn fmt_failing_between_write_and_rename_leaves_the_file_intact_and_no_litter() {
    let (dir, path, text) = messy_model();
    let out = rammelab()
        .env(FAIL_BEFORE_RENAME, "error")
        .args(["fmt", "--lang", "en"])
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("could not write"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).ok(), Some(text));
    assert_eq!(entries(dir.path()), vec!["m.lsm".to_string()]);
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "fault injection exists only in debug builds"
)]
fn report_failing_between_write_and_rename_leaves_the_old_report() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out_path = dir.path().join("rapport.md");
    std::fs::write(&out_path, "the old report").unwrap_or_else(|e| panic!("{e}"));
    let out = rammelab()
        .env(FAIL_BEFORE_RENAME, "error")
        .args([
            "report",
            "--at",
            "2026-11-28",
            "models/paa-doerterskelen.lsm",
            "-o",
        ])
        .arg(&out_path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(&out_path).ok().as_deref(),
        Some("the old report")
    );
    assert_eq!(entries(dir.path()), vec!["rapport.md".to_string()]);
}

#[test]
fn limits_can_be_changed_on_the_command_line() {
    let model = "models/paa-doerterskelen.lsm";
    for (flag, value) in [
        ("--max-file-size", "1KiB"),
        ("--max-items", "3"),
        ("--max-list-length", "1"),
        ("--max-depth", "1"),
    ] {
        let args = ["check", "--lang", "en", flag, value, model];
        let out = rammelab()
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(2), "`rammelab {}`", args.join(" "));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(flag),
            "`rammelab {}`:\n{stderr}",
            args.join(" ")
        );
        assert!(stderr.contains("rammelab::limit"), "{stderr}");
    }
    // Raised far enough, the same model passes the limits (and is checked as usual).
    let args = [
        "check",
        "--max-items",
        "1000",
        "--max-file-size",
        "10MiB",
        model,
    ];
    let out = rammelab()
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    let args = ["check", "--max-file-size", "lots", model];
    let out = rammelab()
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
}
