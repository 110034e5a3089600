//! The shape of the house (docs/architecture.md), read from `src/`: stages import only stages
//! below them, clap stays in the command line, nothing prints but the one writer, the
//! benchmark generator stays out of the product, and files (of `tests/` too) stay under 800
//! lines. How the tests are laid out is `layout.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The stages, lowest first. A file in a stage may use `crate::X` only for a stage X at or
/// below its own. `api.rs`, `lib.rs`, `main.rs` and the cross-stage unit tests (`src/tests/`) stand above them all.
const STAGES: &[&str] = &[
    "base", "vocab", "syntax", "model", "rules", "config", "engine", "graph", "view", "whatif",
    "render", "fix", "lsp", "studio", "cli",
];

/// Arrows that still run up, each with the change that removes it. When that change lands the
/// test fails until the line is deleted here, so the list only shrinks.
const KNOWN_UP: &[(&str, &str, &str)] = &[];

/// The longest a source file (of `src/` or `tests/`) may be.
const MAX_LINES: usize = 800;

pub(crate) fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a folder entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

pub(crate) fn test_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(Path::new("tests"), &mut files);
    assert!(
        files.len() > 20,
        "found only {} files in tests/",
        files.len()
    );
    files
}

fn src_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    assert!(files.len() > 50, "found only {} files in src/", files.len());
    files
}

/// The stage a file belongs to: its first folder under `src/`, or its name for a file there.
fn stage_of(path: &Path) -> String {
    let rel = path.strip_prefix("src").expect("a path under src/");
    let first = rel.components().next().expect("a file name");
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_string()
}

/// A line without its comment (`//`, `///`, `//!`), so that a doc link is not an import.
pub(crate) fn code(line: &str) -> &str {
    line.find("//").map_or(line, |i| &line[..i])
}

/// Each stage named as `crate::X` in a text's code.
fn used_stages(text: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for line in text.lines().map(code) {
        let mut rest = line;
        while let Some(i) = rest.find("crate::") {
            let after = &rest[i + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                used.insert(name);
            }
            rest = after;
        }
    }
    used
}

pub(crate) fn rank(stage: &str) -> Option<usize> {
    STAGES.iter().position(|s| *s == stage)
}

/// Every `(from, to)` pair of stages where a file of `from` uses `to` above it.
fn arrows_up() -> BTreeSet<(String, String, String)> {
    let mut up = BTreeSet::new();
    for path in src_files() {
        let from = stage_of(&path);
        let Some(r_from) = rank(&from) else { continue };
        let text = std::fs::read_to_string(&path).expect("a readable file");
        for to in used_stages(&text) {
            if rank(&to).is_some_and(|r_to| r_to > r_from) {
                up.insert((from.clone(), to, path.display().to_string()));
            }
        }
    }
    up
}

#[test]
fn every_folder_of_src_is_a_known_stage() {
    let stages: BTreeSet<String> = src_files().iter().map(|p| stage_of(p)).collect();
    for s in &stages {
        assert!(
            rank(s).is_some() || ["api", "lib", "main", "tests"].contains(&s.as_str()),
            "src/{s} is not in STAGES: place it in the order (and in docs/architecture.md)"
        );
    }
}

#[test]
fn no_stage_uses_a_stage_above_it() {
    let up = arrows_up();
    let unknown: Vec<String> = up
        .iter()
        .filter(|(from, to, _)| !KNOWN_UP.iter().any(|(f, t, _)| f == from && t == to))
        .map(|(from, to, file)| format!("{file}: {from} uses crate::{to}, a stage above it"))
        .collect();
    assert!(unknown.is_empty(), "arrows up:\n{}", unknown.join("\n"));
    let stale: Vec<String> = KNOWN_UP
        .iter()
        .filter(|(f, t, _)| !up.iter().any(|(from, to, _)| from == f && to == t))
        .map(|(f, t, why)| format!("{f} -> {t} ({why}) is gone: delete it from KNOWN_UP"))
        .collect();
    assert!(stale.is_empty(), "{}", stale.join("\n"));
}

#[test]
fn the_checks_see_an_arrow_up() {
    let text = "use crate::cli::render_diagnostic; // crate::report in a comment\n";
    let used = used_stages(text);
    assert_eq!(used, BTreeSet::from(["cli".to_string()]));
    assert!(rank("engine") < rank("cli"));
}

/// `file:line: text` of every code line that `hit` flags, in the files of stages `skip` lets
/// through.
fn lines_where(skip: impl Fn(&str) -> bool, hit: impl Fn(&str) -> bool) -> Vec<String> {
    let mut found = Vec::new();
    for path in src_files() {
        if skip(&stage_of(&path)) {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a readable file");
        for (i, line) in text.lines().enumerate() {
            if hit(code(line)) {
                found.push(format!("{}:{}: {}", path.display(), i + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn clap_only_in_the_command_line() {
    let found = lines_where(|s| s == "cli" || s == "main", |code| code.contains("clap"));
    assert!(
        found.is_empty(),
        "clap below the CLI:\n{}",
        found.join("\n")
    );
}

/// Whether a line calls one of the print macros (`print!(` is also the tail of `eprint!(`, so
/// the name must stand on its own).
fn prints(code: &str) -> bool {
    ["print!(", "println!(", "eprint!(", "eprintln!(", "dbg!("]
        .iter()
        .any(|m| {
            code.match_indices(m).any(|(at, _)| {
                !code[..at].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
            })
        })
}

#[test]
fn nothing_prints_but_the_one_writer() {
    assert!(prints("    eprintln!(\"x\");") && prints("print!(\"{x}\")"));
    assert!(!prints("out!(\"{text}\");") && !prints("errln!(\"x\")"));
    let found = lines_where(|_| false, prints);
    assert!(
        found.is_empty(),
        "print macros panic on a closed pipe; use out!/err! (src/cli/mod.rs) or cli/output.rs:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_generator_is_not_in_the_product() {
    assert!(!Path::new("src/gen").exists(), "src/gen is back");
    assert!(Path::new("crates/rammelab-gen/Cargo.toml").exists());
}

#[test]
fn files_stay_under_800_lines() {
    let long: Vec<String> = src_files()
        .iter()
        .chain(&test_files())
        .filter_map(|p| {
            let n = std::fs::read_to_string(p)
                .expect("a readable file")
                .lines()
                .count();
            (n > MAX_LINES).then(|| format!("{}: {n} lines", p.display()))
        })
        .collect();
    assert!(long.is_empty(), "split along a seam:\n{}", long.join("\n"));
}
