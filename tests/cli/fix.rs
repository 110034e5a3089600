//! `check --fix`, `check --diff` and `fmt --diff` through the binary: what they show, what they
//! write and what they leave. (The fixes themselves on the whole corpus are the unit tests in
//! `src/fix/tests/corpus.rs`.)

use std::path::Path;

use crate::common;

/// A folder with copies of some models of the corpus, each with errors that have a clear
/// did-you-mean, one with none.
fn scratch(names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for name in names {
        let from = Path::new("tests/models/err").join(name);
        std::fs::copy(&from, dir.path().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    dir
}

const FIXABLE: [&str; 4] = [
    "several-errors.lsm",
    "norsk-flere-feil.lsm",
    "unknown-keyword.lsm",
    "unknown-field.lsm",
];

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn check_diff_shows_the_fixes_and_writes_nothing() {
    let dir = scratch(&FIXABLE);
    let before: Vec<String> = FIXABLE.iter().map(|n| read(dir.path(), n)).collect();
    let en = common::run_in(dir.path(), &["check", "--diff", "--lang", "en", "."]);
    insta::assert_snapshot!("check_diff_en", en);
    let nb = common::run_in(dir.path(), &["check", "--diff", "unknown-keyword.lsm"]);
    insta::assert_snapshot!("check_diff_nb", nb);
    let after: Vec<String> = FIXABLE.iter().map(|n| read(dir.path(), n)).collect();
    assert_eq!(before, after);
}

#[test]
fn check_fix_writes_the_fixes_says_what_changed_and_then_checks() {
    let dir = scratch(&FIXABLE);
    let args = [
        "check",
        "--fix",
        "--lang",
        "en",
        "--at",
        "2026-06-01",
        "--format",
        "concise",
        "--no-step-summary",
        ".",
    ];
    let out = common::run_in(dir.path(), &args);
    // The messages of the changes, and the check of what is left (diagnostics in full are
    // snapshotted by tests/models.rs; here only their headlines).
    let shown: Vec<&str> = out
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.contains('│') && !l.is_empty())
        .collect();
    insta::assert_snapshot!("check_fix_en", shown.join("\n"));
    assert!(read(dir.path(), "several-errors.lsm").contains("provider: posten"));
    assert!(read(dir.path(), "unknown-keyword.lsm").contains("\nactor "));
    // Nothing left to fix: a second run changes nothing and says so.
    let copies: Vec<String> = FIXABLE.iter().map(|n| read(dir.path(), n)).collect();
    let again = common::run_in(dir.path(), &["check", "--diff", "--lang", "en", "."]);
    assert!(again.starts_with("exit 0\n"), "{again}");
    assert!(again.contains("nothing to fix automatically"), "{again}");
    let again_nb = common::run_in(dir.path(), &["check", "--fix", "--no-step-summary", "."]);
    assert!(
        again_nb.contains("ingenting å rette automatisk"),
        "{again_nb}"
    );
    let after: Vec<String> = FIXABLE.iter().map(|n| read(dir.path(), n)).collect();
    assert_eq!(copies, after);
}

/// A Windows file (byte-order mark, CRLF line ends) stays one after the fix; only the word
/// changes.
#[test]
fn check_fix_keeps_the_byte_order_mark_and_crlf() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text = read(Path::new("tests/models/err"), "unknown-term.lsm").replace('\n', "\r\n");
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    let path = dir.path().join("windows.lsm");
    std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
    let out = common::run_in(
        dir.path(),
        &["check", "--fix", "--no-step-summary", "windows.lsm"],
    );
    assert!(
        out.contains("rettet `municipalty` → `municipality`"),
        "{out}"
    );
    let written = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
    let want = [
        &b"\xef\xbb\xbf"[..],
        text.replace("municipalty", "municipality").as_bytes(),
    ]
    .concat();
    assert_eq!(
        String::from_utf8_lossy(&written),
        String::from_utf8_lossy(&want)
    );
}

#[cfg(unix)]
#[test]
fn check_fix_leaves_a_read_only_file_unless_forced() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = scratch(&["unknown-term.lsm"]);
    let path = dir.path().join("unknown-term.lsm");
    let before = read(dir.path(), "unknown-term.lsm");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444))
        .unwrap_or_else(|e| panic!("{e}"));
    let out = common::run_in(
        dir.path(),
        &["check", "--fix", "--lang", "en", "--no-step-summary", "."],
    );
    assert!(out.starts_with("exit 2\n"), "{out}");
    assert_eq!(read(dir.path(), "unknown-term.lsm"), before);
    let forced = [
        "check",
        "--fix",
        "--force",
        "--lang",
        "en",
        "--no-step-summary",
        "--at",
        "2026-06-01",
        ".",
    ];
    let out = common::run_in(dir.path(), &forced);
    assert!(
        out.contains("fixed `municipalty` → `municipality`"),
        "{out}"
    );
    assert!(read(dir.path(), "unknown-term.lsm").contains("type: municipality"));
    let mode = std::fs::metadata(&path).map(|m| m.permissions().mode() & 0o777);
    assert_eq!(mode.ok(), Some(0o444));
}

#[test]
fn fix_and_diff_refuse_standard_input() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = common::run_in(dir.path(), &["check", "--diff", "--lang", "en", "-"]);
    assert_eq!(
        out,
        "exit 2\n--- stderr\nrammelab: `--fix` and `--diff` fix files, not standard input (`-`)\n"
    );
}

#[test]
fn fmt_diff_shows_the_layout_change_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let name = "loose-layout.lsm";
    std::fs::copy(
        Path::new("tests/models/ok").join(name),
        dir.path().join(name),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let before = read(dir.path(), name);
    let out = common::run_in(dir.path(), &["fmt", "--diff", name]);
    insta::assert_snapshot!("fmt_diff", out);
    assert_eq!(read(dir.path(), name), before);
    let formatted = common::run_in(dir.path(), &["fmt", name]);
    assert!(formatted.starts_with("exit 0\n"), "{formatted}");
    let again = common::run_in(dir.path(), &["fmt", "--diff", name]);
    assert_eq!(again, "exit 0\n");
}

/// With `--format json`, standard output is the report alone: the list of changes is on
/// standard error.
#[test]
fn check_fix_keeps_standard_output_for_the_report() {
    let dir = scratch(&["unknown-term.lsm"]);
    let out = assert_cmd::Command::cargo_bin("rammelab")
        .unwrap_or_else(|e| panic!("{e}"))
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .args(["check", "--fix", "--format", "json", "--at", "2026-06-01"])
        .args(["--no-step-summary", "--lang", "en", "unknown-term.lsm"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert!(report.is_object());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("fixed `municipalty` → `municipality`"),
        "{stderr}"
    );
}

/// A file that cannot be read as text is not touched; the check after the fixes reports it.
#[test]
fn check_fix_leaves_a_file_that_is_not_utf8() {
    let dir = scratch(&["not-utf8.lsm"]);
    let before = std::fs::read(dir.path().join("not-utf8.lsm")).unwrap_or_else(|e| panic!("{e}"));
    let out = common::run_in(
        dir.path(),
        &["check", "--fix", "--lang", "en", "--no-step-summary", "."],
    );
    assert!(out.starts_with("exit 2\n"), "{out}");
    assert!(out.contains("rammelab::not-utf8"), "{out}");
    assert!(out.contains("nothing to fix automatically"), "{out}");
    let after = std::fs::read(dir.path().join("not-utf8.lsm")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(before, after);
    let diff = common::run_in(dir.path(), &["check", "--diff", "--lang", "en", "."]);
    assert!(diff.starts_with("exit 2\n"), "{diff}");
}

/// The shipped models are valid: nothing to fix, exit 0, no diff.
#[test]
fn the_shipped_models_have_nothing_to_fix() {
    let out = common::run_in(
        Path::new("."),
        &["check", "--diff", "--lang", "en", "models"],
    );
    assert_eq!(out, "exit 0\n--- stderr\nnothing to fix automatically\n");
}
