//! `rammelab check` on many models at once, end to end: a generated batch of 500 models (good,
//! with barriers, with warnings, broken) in nested folders, and the exit codes 0, 1 and 2.
//!
//! The models are written to a temporary folder by [`generate`]; none is committed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use serde_json::Value;

const AT: &str = "2026-11-28";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// No barrier at all.
    Good,
    /// A barrier of severity error (GDPR art. 28 on the flow `liste`).
    Barrier,
    /// A barrier of severity warning only (GDPR art. 26 on the agreement `avtale`).
    Warning,
    /// Does not load: a syntax error or an unknown term.
    Broken,
}

fn text(kind: Kind, i: usize) -> String {
    let head = format!("# generated model {i}\nmodel \"Modell {i}\" {{ challenge: demography  municipality: \"Kommune {i}\" }}\n");
    let body = match kind {
        Kind::Good => "actor kommune \"Kommunen\" { type: municipality }\n\
                       actor lag \"Laget\" { type: volunteer_organisation }\n"
            .to_string(),
        Kind::Barrier => "actor kommune \"Kommunen\" { type: municipality }\n\
                          actor posten \"Posten\" { type: state_owned_company }\n\
                          flow liste: kommune -> posten { resource: personal_data  data: [name, address]  legal_basis: public_task }\n"
            .to_string(),
        Kind::Warning => "actor kommune \"Kommunen\" { type: municipality }\n\
                          actor lag \"Ungdomslaget\" { type: volunteer_organisation }\n\
                          agreement avtale: kommune <-> lag { kind: partnership }\n\
                          flow deltakere: lag -> kommune { resource: personal_data  data: [name, age]  legal_basis: consent }\n"
            .to_string(),
        Kind::Broken if i % 2 == 0 => "actor kommune \"Kommunen\" { type: municipalty }\n".to_string(),
        Kind::Broken => "actor kommune \"Kommunen\" { type: municipality \n".to_string(),
    };
    head + &body
}

/// Writes `n` models under `dir`, spread over nested folders, and returns them with their
/// kinds in the order a check reports them (sorted by path).
fn generate(dir: &Path, n: usize) -> Vec<(String, Kind)> {
    let mut out = Vec::new();
    for i in 0..n {
        let kind = match i % 10 {
            0 => Kind::Broken,
            1..=3 => Kind::Barrier,
            4 => Kind::Warning,
            _ => Kind::Good,
        };
        let folder = dir
            .join(format!("fylke-{}", i % 3))
            .join(format!("kommune-{:02}", i % 17));
        std::fs::create_dir_all(&folder).unwrap();
        let path = folder.join(format!("modell-{i:03}.lsm"));
        std::fs::write(&path, text(kind, i)).unwrap();
        out.push((path.to_str().unwrap().to_string(), kind));
    }
    // Not a model: must be left alone.
    std::fs::write(dir.join("fylke-0").join("notes.txt"), "not a model").unwrap();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn rammelab(args: &[&str]) -> std::process::Output {
    assert_cmd::Command::new(env!("CARGO_BIN_EXE_rammelab"))
        .env("NO_COLOR", "1")
        .env_remove("RAMMELAB_LANG")
        .args(args)
        .output()
        .unwrap()
}

fn check(paths: &[&Path], extra: &[&str]) -> std::process::Output {
    let mut args: Vec<&str> = vec!["check", "--at", AT];
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    args.extend_from_slice(extra);
    rammelab(&args)
}

fn json(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

#[test]
fn a_batch_of_500_generated_models_is_checked_in_one_call() {
    let dir = tempfile::tempdir().unwrap();
    let models = generate(dir.path(), 500);
    let out = check(&[dir.path()], &["--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "broken models make the exit code 2"
    );
    let report = json(&out);

    let count = |k: Kind| models.iter().filter(|m| m.1 == k).count();
    let loaded: Vec<&(String, Kind)> = models.iter().filter(|m| m.1 != Kind::Broken).collect();
    let broken: Vec<&(String, Kind)> = models.iter().filter(|m| m.1 == Kind::Broken).collect();
    assert_eq!(
        (
            count(Kind::Broken),
            count(Kind::Barrier),
            count(Kind::Warning)
        ),
        (50, 150, 50)
    );

    // Every loaded model, in path order, with its own name and findings.
    let reported = report["models"].as_array().unwrap();
    let files: Vec<&str> = reported
        .iter()
        .map(|m| m["file"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = loaded.iter().map(|m| m.0.as_str()).collect();
    assert_eq!(files, expected);
    for (m, (path, kind)) in reported.iter().zip(&loaded) {
        let i: usize = path.rsplit("modell-").next().unwrap()[..3].parse().unwrap();
        assert_eq!(m["name"], format!("Modell {i}"));
        let barriers: Vec<(&str, &str)> = m["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["kind"] == "barrier")
            .map(|f| (f["rule"].as_str().unwrap(), f["subject"].as_str().unwrap()))
            .collect();
        let want: Vec<(&str, &str)> = match kind {
            Kind::Barrier => vec![("gdpr-art28-processor-without-agreement", "liste")],
            Kind::Warning => vec![("gdpr-art26-partnership-joint-controllers", "avtale")],
            _ => vec![],
        };
        assert_eq!(barriers, want, "{path}");
    }

    // Every broken model, in path order, its diagnostics in the report and on stderr.
    let invalid: Vec<&str> = report["invalid_models"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        invalid,
        broken.iter().map(|m| m.0.as_str()).collect::<Vec<_>>()
    );
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    for (path, _) in &broken {
        assert!(stderr.contains(path.as_str()), "no diagnostic for {path}");
    }
    let positions: Vec<usize> = broken
        .iter()
        .map(|m| stderr.find(m.0.as_str()).unwrap())
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "diagnostics in path order"
    );

    let s = &report["summary"];
    assert_eq!(s["models"], 450);
    assert_eq!(s["invalid_models"], 50);
    assert_eq!(s["barriers"], 200);
    assert_eq!(s["errors"], 150);
    assert_eq!(s["warnings"], 50);
}

#[test]
fn the_same_batch_gives_the_same_output_every_time() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), 60);
    let first = check(&[dir.path()], &["--format", "sarif"]);
    let second = check(&[dir.path()], &["--format", "sarif"]);
    assert_eq!(first.stdout, second.stdout);
    assert_eq!(first.stderr, second.stderr);
}

/// A folder with one model of each kind given, by name.
fn folder(kinds: &[Kind]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (i, k) in kinds.iter().enumerate() {
        std::fs::write(dir.path().join(format!("m{i}.lsm")), text(*k, i)).unwrap();
    }
    dir
}

#[test]
fn exit_0_when_nothing_fails() {
    let dir = folder(&[Kind::Good, Kind::Good]);
    let out = check(&[dir.path()], &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
    let out = check(&[dir.path()], &["--quiet"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty(), "--quiet prints nothing on success");
}

#[test]
fn exit_1_for_an_error_barrier_unless_fail_on_never() {
    let dir = folder(&[Kind::Good, Kind::Barrier]);
    assert_eq!(check(&[dir.path()], &[]).status.code(), Some(1));
    assert_eq!(
        check(&[dir.path()], &["--fail-on", "warning"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        check(&[dir.path()], &["--fail-on", "never"]).status.code(),
        Some(0)
    );
    let quiet = check(&[dir.path()], &["--quiet"]);
    let text = String::from_utf8(quiet.stdout).unwrap();
    assert!(
        text.contains("gdpr-art28-processor-without-agreement"),
        "{text}"
    );
    assert!(
        !text.contains("m0.lsm"),
        "--quiet leaves out models without problems:\n{text}"
    );
}

#[test]
fn warnings_fail_only_with_fail_on_warning() {
    let dir = folder(&[Kind::Warning]);
    assert_eq!(check(&[dir.path()], &[]).status.code(), Some(0));
    assert_eq!(
        check(&[dir.path()], &["--fail-on", "warning"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn exit_2_when_a_model_is_broken_among_good_and_failing_ones() {
    let dir = folder(&[Kind::Good, Kind::Barrier, Kind::Broken, Kind::Warning]);
    for format in ["human", "json", "sarif", "junit", "github"] {
        let out = check(&[dir.path()], &["--format", format, "--fail-on", "warning"]);
        assert_eq!(out.status.code(), Some(2), "{format}");
        let stderr = String::from_utf8(out.stderr.clone()).unwrap();
        assert!(stderr.contains("m2.lsm"), "{format}: {stderr}");
        let stdout = String::from_utf8(out.stdout.clone()).unwrap();
        assert!(
            stdout.contains("m1.lsm") && stdout.contains("m3.lsm"),
            "{format}: {stdout}"
        );
        if format == "json" || format == "sarif" {
            json(&out); // stdout stays clean JSON
        }
    }
    let report = json(&check(&[dir.path()], &["--format", "json"]));
    assert!(!strs(&report["models"][0]["evaluated"]).is_empty());
    assert_eq!(report["summary"]["models"], 3);
    assert_eq!(report["summary"]["invalid_models"], 1);
}

#[test]
fn exit_2_for_a_wrong_call() {
    let dir = folder(&[Kind::Good]);
    let missing = dir.path().join("missing.lsm");
    let empty = tempfile::tempdir().unwrap();
    for (what, out) in [
        ("a path that does not exist", check(&[&missing], &[])),
        ("a folder without models", check(&[empty.path()], &[])),
        (
            "an unknown format",
            check(&[dir.path()], &["--format", "xml"]),
        ),
        (
            "an unknown --fail-on",
            check(&[dir.path()], &["--fail-on", "sometimes"]),
        ),
        (
            "a date that is not one",
            rammelab(&["check", "--at", "2026-13-01", dir.path().to_str().unwrap()]),
        ),
        ("no path at all", rammelab(&["check"])),
    ] {
        assert_eq!(out.status.code(), Some(2), "{what}");
        assert!(out.stdout.is_empty(), "{what}: nothing on stdout");
        assert!(!out.stderr.is_empty(), "{what}: a diagnostic on stderr");
    }
}

/// Writes the 500-model batch to `$RAMMELAB_BATCH_DIR`, to time a check from the command line:
///
/// ```sh
/// RAMMELAB_BATCH_DIR=/tmp/batch cargo test --test cli -- --ignored write_the_batch
/// cargo build --release && time target/release/rammelab check /tmp/batch --format json > /dev/null
/// ```
#[test]
#[ignore = "writes the batch for timing by hand"]
fn write_the_batch() {
    let dir = std::env::var("RAMMELAB_BATCH_DIR").expect("set RAMMELAB_BATCH_DIR");
    std::fs::create_dir_all(&dir).unwrap();
    assert_eq!(generate(Path::new(&dir), 500).len(), 500);
}
