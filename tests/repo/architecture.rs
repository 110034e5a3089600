//! The shape of the house (docs/architecture.md), read from `src/` and `tests/`: stages import
//! only stages below them, clap stays in the command line, nothing prints but the one writer,
//! the benchmark generator stays out of the product, files stay under 800 lines, and the tests
//! are laid out like the code.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The stages, lowest first. A file in a stage may use `crate::X` only for a stage X at or
/// below its own. `api.rs`, `lib.rs` and `main.rs` stand above them all.
const STAGES: &[&str] = &[
    "base", "vocab", "syntax", "model", "rules", "config", "messages", "engine", "graph", "view",
    "whatif", "render", "fix", "lsp", "studio", "cli",
];

/// Arrows that still run up, each with the change that removes it. When that change lands the
/// test fails until the line is deleted here, so the list only shrinks.
const KNOWN_UP: &[(&str, &str, &str)] = &[
    (
        "model",
        "messages",
        "error texts come from the Fluent catalogue in base/words (issue 15, item 4)",
    ),
    (
        "rules",
        "messages",
        "error texts come from the Fluent catalogue in base/words (issue 15, item 4)",
    ),
    (
        "config",
        "messages",
        "error texts come from the Fluent catalogue in base/words (issue 15, item 4)",
    ),
];

/// The longest a source file (of `src/` or `tests/`) may be.
const MAX_LINES: usize = 800;

/// The test binaries, each a folder of `tests/` with a `main.rs` that declares its modules:
/// what runs the built binary, what uses only the library's facade, what drives a browser, and
/// what reads the repository itself.
const TEST_BINARIES: &[&str] = &["cli", "library", "browser", "repo"];

/// Folders of `tests/` with Rust code that binaries include (`#[path = "../common/mod.rs"]`).
const TEST_SHARED: &[&str] = &["common", "studio_support"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
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

fn test_files() -> Vec<PathBuf> {
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
fn code(line: &str) -> &str {
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

fn rank(stage: &str) -> Option<usize> {
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
            rank(s).is_some() || ["api", "lib", "main"].contains(&s.as_str()),
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

/// Every file under `folder` (not following links), as paths that start with it.
fn all_files(folder: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|e| e.expect("a folder entry").path())
        .collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
        let skipped = ["target", ".git", "node_modules"].contains(&name.as_deref().unwrap_or(""));
        if p.is_symlink() || skipped {
            continue;
        }
        if p.is_dir() {
            all_files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Where a test file or a snapshot is out of place: Rust code under `tests/` outside the test
/// binaries' folders and the shared ones, a binary's folder without `main.rs`, a snapshot
/// outside `tests/<binary>/snapshots/` and `src/**/snapshots/`.
fn misplaced_test_files(files: &[PathBuf]) -> Vec<String> {
    let mut wrong = Vec::new();
    for bin in TEST_BINARIES {
        let main = Path::new("tests").join(bin).join("main.rs");
        if !files.contains(&main) {
            wrong.push(format!(
                "{}: missing (a test binary's folder)",
                main.display()
            ));
        }
    }
    for path in files {
        let parts: Vec<String> = path
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let under_tests = parts.first().is_some_and(|p| p == "tests");
        let folder = parts.get(1).map(String::as_str).unwrap_or("");
        let is_bin = TEST_BINARIES.contains(&folder);
        let shown = path.display();
        if ext == "rs" && under_tests && !is_bin && !TEST_SHARED.contains(&folder) {
            wrong.push(format!(
                "{shown}: a test belongs in one of tests/{{{}}}/",
                TEST_BINARIES.join(",")
            ));
        }
        if ext == "snap" {
            let in_bin = under_tests
                && is_bin
                && parts.len() == 4
                && parts[2] == "snapshots"
                && parts[3].starts_with(&format!("{folder}__"));
            let in_src = parts.first().is_some_and(|p| p == "src")
                && parts.iter().rev().nth(1).is_some_and(|p| p == "snapshots");
            if !in_bin && !in_src {
                wrong.push(format!(
                    "{shown}: a snapshot belongs beside its test, in tests/<binary>/snapshots/ \
                     or src/**/snapshots/"
                ));
            }
        }
    }
    wrong
}

#[test]
fn the_layout_check_sees_a_test_out_of_place() {
    let mut files: Vec<PathBuf> = TEST_BINARIES
        .iter()
        .map(|b| Path::new("tests").join(b).join("main.rs"))
        .collect();
    files.extend(
        [
            "tests/cli/check_formats.rs",
            "tests/common/mod.rs",
            "tests/cli/snapshots/cli__check_formats__json.snap",
            "src/view/snapshots/rammelab__view__tests__view.snap",
            "tests/models/ok/good.lsm",
        ]
        .map(PathBuf::from),
    );
    assert_eq!(misplaced_test_files(&files), Vec::<String>::new());
    files.remove(0);
    files.extend(
        [
            "tests/graph.rs",
            "tests/corpus/replay.rs",
            "tests/snapshots/graph__dot.snap",
            "tests/cli/check_formats/snapshots/x.snap",
            "tests/cli/snapshots/check_formats__json.snap",
            "crates/rammelab-gen/snapshots/x.snap",
        ]
        .map(PathBuf::from),
    );
    let wrong = misplaced_test_files(&files);
    assert_eq!(wrong.len(), 7, "{wrong:#?}");
}

#[test]
#[ignore = "enable when issue 15 test moves are merged"]
fn the_tests_are_laid_out_like_the_code() {
    let mut files = Vec::new();
    all_files(Path::new("."), &mut files);
    let files: Vec<PathBuf> = files
        .into_iter()
        .map(|p| p.strip_prefix(".").map(Path::to_path_buf).unwrap_or(p))
        .collect();
    let wrong = misplaced_test_files(&files);
    assert!(wrong.is_empty(), "out of place:\n{}", wrong.join("\n"));
}

/// A line without what its string literals hold (`"rammelab::rules::yaml"` is an error code,
/// not a path).
fn without_strings(line: &str) -> String {
    let (mut out, mut inside, mut escaped) = (String::new(), false, false);
    for c in line.chars() {
        if inside {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => inside = false,
                _ => {}
            }
        } else if c == '"' {
            inside = true;
        } else {
            out.push(c);
        }
    }
    out
}

/// The leading name of a path (`engine` of `engine::eval::x`).
fn ident(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// The leading name of a path and whether a path goes on after it (`engine::x`).
fn head(s: &str) -> (String, bool) {
    let name = ident(s);
    let more = s[name.len()..].starts_with("::");
    (name, more)
}

/// Each name a text's code reaches for after `rammelab::`, with its line and whether a path
/// goes on after it: `X` of `rammelab::X…`, and each first name in a list
/// `rammelab::{X, Y::Z, …}`, which may span lines.
fn library_paths(text: &str) -> Vec<(usize, String, bool)> {
    let code: Vec<String> = text.lines().map(|l| without_strings(code(l))).collect();
    let code = code.join("\n");
    let mut found = Vec::new();
    for (at, m) in code.match_indices("rammelab::") {
        let line = code[..at].matches('\n').count() + 1;
        let rest = &code[at + m.len()..];
        let Some(list) = rest.strip_prefix('{') else {
            let (name, more) = head(rest);
            found.push((line, name, more));
            continue;
        };
        let (mut depth, mut first) = (0, true);
        for (i, c) in list.char_indices() {
            match c {
                '}' if depth == 0 => break,
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => first = true,
                c if c.is_whitespace() => {}
                _ if first && depth == 0 => {
                    let (name, more) = head(&list[i..]);
                    found.push((line, name, more));
                    first = false;
                }
                _ => {}
            }
        }
    }
    found
}

/// The functions the facade exports (`pub fn` in `src/api.rs`): `render` is one, and a stage.
fn facade_functions() -> BTreeSet<String> {
    std::fs::read_to_string("src/api.rs")
        .expect("src/api.rs")
        .lines()
        .filter_map(|l| l.strip_prefix("pub fn "))
        .map(ident)
        .collect()
}

/// The modules of the library a text's code names, which the facade hides: a stage's name
/// after `rammelab::`, unless it is one of the facade's `functions` and no path goes on.
fn reaches_past_the_facade(text: &str, functions: &BTreeSet<String>) -> Vec<(usize, String)> {
    library_paths(text)
        .into_iter()
        .filter(|(_, name, more)| rank(name).is_some() && (*more || !functions.contains(name)))
        .map(|(line, name, _)| (line, name))
        .collect()
}

#[test]
fn the_checks_see_a_test_reach_past_the_facade() {
    let seen = |text: &str| -> Vec<String> {
        reaches_past_the_facade(text, &BTreeSet::from(["render".to_string()]))
            .into_iter()
            .map(|(line, name)| format!("{line}:{name}"))
            .collect()
    };
    assert_eq!(seen("use rammelab::syntax;"), ["1:syntax"]);
    assert_eq!(seen("\n  rammelab::model::Model::x(); // y"), ["2:model"]);
    assert_eq!(
        seen("use rammelab::{\n    engine::{self, x},\n    Lang,\n    vocab::V,\n};"),
        ["1:engine", "1:vocab"]
    );
    assert_eq!(seen("use rammelab::{Model, Span};"), Vec::<String>::new());
    assert_eq!(seen("use rammelab::{render, Lang};"), Vec::<String>::new());
    assert_eq!(seen("rammelab::render::check::X"), ["1:render"]);
    assert_eq!(
        seen("assert!(s.contains(\"rammelab::rules::yaml \\\"x\\\"\"), \"{s}\");"),
        Vec::<String>::new()
    );
    assert_eq!(
        seen("// rammelab::engine in a comment"),
        Vec::<String>::new()
    );
}

/// `path:line: module` for every place in the tests that names a module of the library
/// (`rammelab::engine::…`), which the facade hides: tests use what `rammelab::` exports, or
/// run the binary; a stage's own behaviour is pinned by the unit tests beside it in `src/`.
fn internal_reaches() -> Vec<String> {
    let functions = facade_functions();
    assert!(functions.contains("render"), "{functions:?}");
    let mut found = Vec::new();
    for path in test_files() {
        let text = std::fs::read_to_string(&path).expect("a readable file");
        for (line, name) in reaches_past_the_facade(&text, &functions) {
            found.push(format!("{}:{line}: rammelab::{name}", path.display()));
        }
    }
    found
}

#[test]
#[ignore = "enable when issue 15 test moves are merged"]
fn no_test_reads_a_module_the_facade_hides() {
    let found = internal_reaches();
    assert!(
        found.is_empty(),
        "tests that reach past the facade (src/api.rs):\n{}",
        found.join("\n")
    );
}
