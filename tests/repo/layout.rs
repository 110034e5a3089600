//! The tests laid out like the code: each test binary a folder of `tests/` with a `main.rs`
//! (what runs the built binary, what uses only the library's facade, what drives a browser,
//! what reads the repository itself), snapshots beside the tests that read them, and no test
//! that names a module the facade hides.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::architecture::{code, rank, test_files};

/// The test binaries, each a folder of `tests/` with a `main.rs` that declares its modules:
/// what runs the built binary, what uses only the library's facade, what drives a browser, and
/// what reads the repository itself.
const TEST_BINARIES: &[&str] = &["cli", "library", "browser", "repo"];

/// Folders of `tests/` with Rust code that binaries include (`#[path = "../common/mod.rs"]`).
const TEST_SHARED: &[&str] = &["common", "studio_support"];

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
fn no_test_reads_a_module_the_facade_hides() {
    let found = internal_reaches();
    assert!(
        found.is_empty(),
        "tests that reach past the facade (src/api.rs):\n{}",
        found.join("\n")
    );
}
