//! Every limit is hit by a test, and the diagnostic that says so is pinned as a snapshot: it
//! must name the limit and say how to change it (or that it is fixed).

use std::path::Path;
use std::sync::Arc;

use crate::RuleSet;
use crate::SourceFile;
use crate::Vocabulary;

fn render(d: &dyn miette::Diagnostic) -> String {
    crate::render_diagnostic(d, false, 100)
}

/// Loads one rule file and renders its errors; the file text is cut to its first lines in
/// the snapshot so that megabytes of input do not land in it.
fn load_rules(name: &str, text: String) -> String {
    let file = SourceFile::new(Path::new("tests/limits").join(name), text);
    match RuleSet::load(vec![file], Arc::new(Vocabulary::builtin().clone())) {
        Ok(_) => "loaded without errors".to_string(),
        Err(errors) => errors
            .0
            .iter()
            .map(|e| render(e))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

const PACK_HEAD: &str = r#"pack: limits
version: "1"
title: {nb: Grenser, en: Limits}
test_date: 2026-11-28
rules:
  - id: deep
    kind: barrier
    severity: error
    title: {nb: "Tittel", en: "Title"}
    message: {nb: "Melding om {flow}", en: "Message about {flow}"}
    remedy: {nb: "Gjør noe", en: "Do something"}
    source: {act: "Lov", short: lov, section: "§ 1", url: "https://lovdata.no/"}
    in_force: {from: 2017-01-01}
    for_each: flow
"#;

/// A pack whose one rule has the condition `when`, each of whose lines is indented into the
/// block scalar.
fn pack_with_condition(when: &str) -> String {
    let when: String = when.lines().map(|l| format!("      {l}\n")).collect();
    format!("{PACK_HEAD}    when: |\n{when}")
}

/// Loads a pack with the condition, asserts it is refused over the depth limit, and returns the
/// diagnostic. Each opening token stands on its own line, so the snapshot stays small.
fn too_deep(name: &str, when: &str) -> String {
    let out = load_rules(name, pack_with_condition(when));
    assert!(out.contains("rammelab::limit"), "{out}");
    out
}

#[test]
fn deeply_nested_parentheses_in_a_condition_are_refused() {
    let when = format!(
        "{}flow.resource == money{}",
        "(\n".repeat(100),
        ")".repeat(100)
    );
    insta::assert_snapshot!(too_deep("parens.yaml", &when));
    // Ten thousand levels: refused the same way, without exhausting the stack.
    let when = format!("{}x{}", "(".repeat(10_000), ")".repeat(10_000));
    too_deep("parens.yaml", &when);
    too_deep("parens.yaml", &"any(flow f: ".repeat(10_000));
    too_deep(
        "brackets.yaml",
        &format!("flow.resource in {}", "[".repeat(10_000)),
    );
}

#[test]
fn a_long_run_of_not_in_a_condition_is_refused() {
    let when = format!("{}flow.resource == money", "not\n".repeat(100));
    insta::assert_snapshot!(too_deep("not.yaml", &when));
    too_deep("not.yaml", &"not ".repeat(1_000_000));
}

#[test]
fn a_long_chain_of_arithmetic_in_a_condition_is_refused() {
    let when = format!("flow.amount > 1 NOK\n{}", "+ 1 NOK\n".repeat(100));
    insta::assert_snapshot!(too_deep("chain.yaml", &when));
    too_deep(
        "chain.yaml",
        &format!("flow.amount > {}1 NOK", "1 NOK * ".repeat(100_000)),
    );
}

#[test]
fn a_condition_at_the_limit_still_loads() {
    let depth = crate::base::limits::MAX_CONDITION_DEPTH;
    let when = format!(
        "{}flow.resource == money{}",
        "(".repeat(depth),
        ")".repeat(depth)
    );
    assert_eq!(
        load_rules("ok.yaml", pack_with_condition(&when)),
        "loaded without errors"
    );
}

/// Anchors `lol0` to `lol{levels-1}`, each a list of `width` aliases of the one before (the
/// first of `width` copies of `leaf`), and `tags` in the rule naming the last.
fn alias_bomb(levels: usize, width: usize, leaf: &str) -> String {
    let mut text = format!("{PACK_HEAD}    when: flow.resource == money\n");
    text.push_str(&format!(
        "    notes: &lol0 [{}]\n",
        vec![format!("\"{leaf}\""); width].join(", ")
    ));
    for i in 1..levels {
        let prev = format!("*lol{}", i - 1);
        let list = vec![prev; width].join(", ");
        text.push_str(&format!("    title{i}: &lol{i} [{list}]\n"));
    }
    text.push_str(&format!("    tags: *lol{}\n", levels - 1));
    text
}

#[test]
fn the_billion_laughs_are_refused() {
    // Ten levels of ten: 10^9 strings once expanded, from a file of 1.5 KiB.
    let out = load_rules("billion-laughs.yaml", alias_bomb(10, 10, "lol"));
    assert!(out.contains("rammelab::limit"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn aliases_that_copy_large_strings_are_refused() {
    // Three levels of 40 aliases of 64 KiB strings: 4 GiB once expanded, from a file of 2.5
    // MiB, in few enough alias jumps that serde_yaml's own limit lets it through.
    let out = load_rules("alias-bomb.yaml", alias_bomb(3, 40, &"x".repeat(64 << 10)));
    assert!(out.contains("rammelab::limit"), "{out}");
    assert!(out.contains("expands to more than 16 MiB"), "{out}");
}

#[test]
fn a_rule_file_over_the_size_limit_is_refused() {
    let filler = format!("# {}\n", "x".repeat(1022)).repeat(17 * 1024);
    let text = format!("{filler}{PACK_HEAD}    when: flow.resource == money\n");
    let out = load_rules("huge.yaml", text);
    assert!(out.contains("rammelab::limit"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn a_rule_folder_with_a_huge_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("huge.yaml");
    let file = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{e}"));
    // A sparse file: 1 GiB on paper, nothing on disk.
    file.set_len(1 << 30).unwrap_or_else(|e| panic!("{e}"));
    let sources = crate::RuleSources {
        dirs: vec![dir.path().to_path_buf()],
        no_builtin: true,
    };
    let Err(errors) = sources.load() else {
        panic!("a 1 GiB rule file loaded");
    };
    let text = errors.0.iter().map(|e| e.to_string()).collect::<String>();
    assert!(text.contains("larger than the limit of 16 MiB"), "{text}");
}

// ---------------------------------------------------------------------------------------------
// Model files

use crate::model::{load_file_with, resolve_source_with, ModelErrors};
use crate::Lang;
use crate::Limits;

fn render_model(errors: ModelErrors, lang: Lang) -> String {
    errors
        .in_lang(lang)
        .iter()
        .map(|e| render(e))
        .collect::<Vec<_>>()
        .join("\n")
}

fn model_over(name: &str, text: &str, limits: Limits, lang: Lang) -> String {
    let source = SourceFile::new(Path::new("tests/limits").join(name), text);
    match resolve_source_with(source, Vocabulary::builtin(), &limits) {
        Ok(_) => panic!("{name} is within the limits"),
        Err(e) => {
            let out = render_model(e, lang);
            assert!(out.contains("rammelab::limit"), "{out}");
            out
        }
    }
}

const MODEL: &str = "model \"Grenser\" { challenge: demography }\n\
actor kommune \"Kommunen\" { type: municipality }\n\
actor nav \"NAV\" { type: state_agency }\n\
service tilbud \"Tilbud\" {\n  domain: public_health\n  provider: kommune\n  recipients: [kommune, nav]\n}\n";

#[test]
fn a_model_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("big.lsm");
    std::fs::write(&path, MODEL.repeat(10)).unwrap_or_else(|e| panic!("{e}"));
    let limits = Limits {
        max_file_size: 1024,
        ..Limits::default()
    };
    let Err(errors) = load_file_with(&path, Vocabulary::builtin(), &limits) else {
        panic!("a file over the limit was read");
    };
    let out = render_model(errors, Lang::En).replace(&dir.path().display().to_string(), "[tmp]");
    assert!(out.contains("--max-file-size"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn a_100_mib_model_is_refused_with_the_default_limit() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("huge.lsm");
    let file = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{e}"));
    // Sparse: 100 MiB on paper, nothing on disk; refused from its size, never read.
    file.set_len(100 << 20).unwrap_or_else(|e| panic!("{e}"));
    let Err(errors) = crate::load_model(&path, Vocabulary::builtin()) else {
        panic!("a 100 MiB file was read");
    };
    let out = render_model(errors, Lang::En);
    assert!(
        out.contains("100 MiB, larger than the limit of 64 MiB"),
        "{out}"
    );
}

#[test]
fn a_model_with_too_many_items_is_refused() {
    let limits = Limits {
        max_items: 3,
        ..Limits::default()
    };
    insta::assert_snapshot!(model_over("items.lsm", MODEL, limits, Lang::En));
    insta::assert_snapshot!(
        "a_model_with_too_many_items_is_refused_nb",
        model_over("items.lsm", MODEL, limits, Lang::Nb)
    );
}

#[test]
fn a_list_over_the_length_limit_is_refused() {
    let limits = Limits {
        max_list_length: 1,
        ..Limits::default()
    };
    insta::assert_snapshot!(model_over("list.lsm", MODEL, limits, Lang::En));
}

#[test]
fn brackets_nested_too_deep_are_refused_before_parsing() {
    let text = format!("{MODEL}actor x {{ type: {}\n", "[".repeat(100));
    insta::assert_snapshot!(model_over("deep.lsm", &text, Limits::default(), Lang::En));
    // Ten thousand levels: refused the same way.
    model_over(
        "deep.lsm",
        &"{[".repeat(10_000),
        Limits::default(),
        Lang::En,
    );
}

#[test]
fn the_default_limits_leave_every_shipped_model_alone() {
    for entry in std::fs::read_dir("models").into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "lsm") {
            let r = crate::load_model(&path, Vocabulary::builtin());
            assert!(r.is_ok(), "{}", path.display());
        }
    }
}

/// A chain of variants, each extending the one in the folder above: resolving it recurses once
/// per link, so a chain deeper than the depth limit is refused instead of exhausting the stack.
#[test]
fn a_chain_of_variants_deeper_than_the_limit_is_refused() {
    let root = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut dir = root.path().to_path_buf();
    // The project the bases are read from (`fsutil::project_root`).
    std::fs::write(dir.join("rammelab.toml"), "").unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("v0.lsm"), MODEL).unwrap_or_else(|e| panic!("{e}"));
    let depth = crate::base::limits::DEFAULT_MAX_DEPTH + 6;
    for i in 1..=depth {
        dir = dir.join("d");
        std::fs::create_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
        let text = format!(
            "extends \"../v{}.lsm\"\n\nchange kommune {{\n  summary: \"v{i}\"\n}}\n",
            i - 1
        );
        std::fs::write(dir.join(format!("v{i}.lsm")), text).unwrap_or_else(|e| panic!("{e}"));
    }
    let deepest = dir.join(format!("v{depth}.lsm"));
    let result = crate::load_model(&deepest, Vocabulary::builtin());
    let Err(errors) = result else {
        panic!("a chain of {depth} variants resolved");
    };
    assert!(format!("{errors:?}").contains("Depth"), "{errors:?}");
    // A short chain resolves.
    let shallow = root.path().join("d/d/v2.lsm");
    let result = crate::load_model(&shallow, Vocabulary::builtin());
    assert!(result.is_ok(), "{result:?}");
}
