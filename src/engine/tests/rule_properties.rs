//! Property tests of the rule side: the condition language (parser and type checker) on
//! generated and mutated conditions, and the rule loader on mutated rule packs, whose rules,
//! when they still load, are evaluated on the example models and run their own tests. Every
//! input must give a result or diagnostics with well-placed spans, and never a panic.
//!
//! A long run: `PROPTEST_CASES=200000 cargo test --release --lib engine::tests::rule_properties`.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use proptest::prelude::*;
use proptest::test_runner::TestRunner;

use crate::base::diag::render_diagnostic;
use crate::model::tests::{config, span_ok};
use crate::model::{load_file, Model, SourceFile};
use crate::rules::condition::{parse_condition, Checker, Scope};
use crate::rules::{RuleErrors, RuleSet};
use crate::vocab::{ItemKind, Lang, Vocabulary};

fn vocab() -> Arc<Vocabulary> {
    static V: OnceLock<Arc<Vocabulary>> = OnceLock::new();
    V.get_or_init(|| Arc::new(Vocabulary::builtin().clone()))
        .clone()
}

/// The conditions of the shipped packs, to mutate.
fn shipped_conditions() -> &'static [String] {
    static C: OnceLock<Vec<String>> = OnceLock::new();
    C.get_or_init(|| match RuleSet::builtin() {
        Ok(rs) => rs.rules.iter().map(|r| r.when_text.clone()).collect(),
        Err(e) => panic!("the shipped packs do not load: {e}"),
    })
}

fn example_models() -> &'static [Model] {
    static M: OnceLock<Vec<Model>> = OnceLock::new();
    M.get_or_init(|| {
        [
            "models/paa-doerterskelen.lsm",
            "models/sammen-mot-ensomhet.lsm",
        ]
        .iter()
        .filter_map(|p| load_file(Path::new(p), Vocabulary::builtin()).ok())
        .collect()
    })
}

/// Pieces of conditions: paths, operators, literals, keywords and trouble.
const PIECES: &[&str] = &[
    "flow.resource",
    "flow.to.type",
    "flow.from",
    "flow.amount",
    "flow.data",
    "service.provider",
    "service.requires",
    "a.parties",
    "model.challenge",
    "param.procurement.national_threshold",
    "set.public_bodies",
    "personal_data",
    "money",
    "municipality",
    "health",
    "x",
    "f",
    "a",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "in",
    "not in",
    "contains",
    "intersects",
    "and",
    "or",
    "not",
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    "any(",
    "all(",
    "none(",
    "count(",
    "has(",
    "agreement a:",
    "flow f:",
    "f in service.requires:",
    "+",
    "-",
    "*",
    "/",
    "1_300_000 NOK",
    "400 hours per year",
    "4 years",
    "40 %",
    "2026-07-01",
    "2026-02-30",
    "\"text\"",
    "\"",
    "yes",
    "no",
    "0",
    "0.5",
    "99999999999999999999999999999",
    "1e400",
    "#",
    "\n",
    "\t",
    "æøå",
    "🦀",
    "\u{0}",
    ".",
    "..",
];

fn pieces() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            8 => (0..PIECES.len()).prop_map(|i| PIECES[i].to_string()),
            1 => any::<String>(),
        ],
        0..24,
    )
    .prop_map(|v| v.join(" "))
}

/// A shipped condition with some of its tokens deleted, duplicated, swapped or replaced.
fn mutated_condition() -> impl Strategy<Value = String> {
    (
        any::<usize>(),
        proptest::collection::vec((0u8..4, any::<usize>(), any::<usize>()), 1..5),
    )
        .prop_map(|(pick, edits)| {
            let all = shipped_conditions();
            let text = all
                .get(pick % all.len().max(1))
                .cloned()
                .unwrap_or_default();
            let mut toks: Vec<String> = text.split(' ').map(str::to_string).collect();
            for (op, a, b) in edits {
                let n = toks.len().max(1);
                match op {
                    0 if !toks.is_empty() => {
                        toks.remove(a % n);
                    }
                    1 if !toks.is_empty() => {
                        let t = toks[a % n].clone();
                        toks.insert(a % n, t);
                    }
                    2 if !toks.is_empty() => toks.swap(a % n, b % n),
                    _ => toks.insert(a % (toks.len() + 1), PIECES[b % PIECES.len()].to_string()),
                }
            }
            toks.join(" ")
        })
}

/// Parses and type-checks a condition for every kind of subject.
fn check_condition(text: &str) -> Result<(), TestCaseError> {
    let sets = HashMap::new();
    let params = HashMap::new();
    let v = vocab();
    let checker = Checker {
        vocab: &v,
        sets: &sets,
        params: &params,
    };
    let node = match parse_condition(text) {
        Ok(node) => node,
        Err(e) => {
            return span_ok(e.span, text)
                .map_err(|m| TestCaseError::fail(format!("{m}: {e} in {text:?}")));
        }
    };
    for kind in ItemKind::ALL {
        if let Err(e) = checker.check_condition(&node, &mut Scope::for_subject(kind)) {
            span_ok(e.span, text)
                .map_err(|m| TestCaseError::fail(format!("{m}: {e} in {text:?}")))?;
        }
    }
    Ok(())
}

#[test]
fn generated_conditions_give_diagnostics_not_panics() {
    let mut runner = TestRunner::new(config(3_000));
    let result = runner.run(&pieces(), |text| check_condition(&text));
    if let Err(e) = result {
        panic!("{e}");
    }
}

#[test]
fn mutated_conditions_give_diagnostics_not_panics() {
    let mut runner = TestRunner::new(config(3_000));
    let result = runner.run(&mutated_condition(), |text| check_condition(&text));
    if let Err(e) = result {
        panic!("{e}");
    }
}

fn errors_ok(errors: &RuleErrors) -> Result<(), String> {
    if errors.0.is_empty() {
        return Err("an empty list of errors".into());
    }
    for e in &errors.0 {
        if let Some(span) = e.span {
            span_ok(span, &e.file.text).map_err(|m| format!("{}: {m}", e))?;
        }
        render_diagnostic(e, false, 100);
    }
    Ok(())
}

/// Loads a pack; if it loads, evaluates it on the example models and runs its own tests.
fn exercise_pack(text: &str) -> Result<(), TestCaseError> {
    let file = SourceFile::new("rules/mutated.yaml", text);
    match RuleSet::load(vec![file], vocab()) {
        Err(e) => errors_ok(&e).map_err(|m| TestCaseError::fail(format!("{m}\n{text}"))),
        Ok(rules) => {
            let at = jiff::civil::date(2026, 11, 28);
            for model in example_models() {
                let eval = crate::engine::evaluate(model, &rules, at);
                for f in &eval.findings {
                    crate::engine::explain(model, &rules, at, f, Lang::En);
                }
            }
            crate::engine::testing::run_tests(&rules);
            Ok(())
        }
    }
}

/// Shipped and test packs, small ones first, to mutate.
fn packs() -> &'static [String] {
    static P: OnceLock<Vec<String>> = OnceLock::new();
    P.get_or_init(|| {
        let mut files: Vec<std::path::PathBuf> = ["rules", "tests/rules/ok", "tests/rules/err"]
            .iter()
            .filter_map(|d| std::fs::read_dir(d).ok())
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.extension().is_some_and(|x| x == "yaml")
                    && p.file_name().is_some_and(|n| n != "vocabulary.yaml")
            })
            .collect();
        files.sort();
        files
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect()
    })
}

#[derive(Debug, Clone)]
enum Edit {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    Indent(usize, bool),
    Insert(usize, String),
    Bytes(usize, String),
}

fn edit() -> impl Strategy<Value = Edit> {
    let nasty = prop_oneof![
        Just("- ".to_string()),
        Just(": ".to_string()),
        Just("&a ".to_string()),
        Just("*a".to_string()),
        Just("{".to_string()),
        Just("[".to_string()),
        Just("\"".to_string()),
        Just("|".to_string()),
        Just("!!binary ".to_string()),
        Just("~".to_string()),
        Just("\t".to_string()),
        Just("---\n".to_string()),
        Just("{flow.to}".to_string()),
        Just("{param.x}".to_string()),
        Just("{".to_string()),
        any::<String>(),
    ];
    prop_oneof![
        any::<usize>().prop_map(Edit::DeleteLine),
        any::<usize>().prop_map(Edit::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        (any::<usize>(), any::<bool>()).prop_map(|(a, b)| Edit::Indent(a, b)),
        (any::<usize>(), nasty.clone()).prop_map(|(a, s)| Edit::Insert(a, s)),
        (any::<usize>(), nasty).prop_map(|(a, s)| Edit::Bytes(a, s)),
    ]
}

fn edit_pack(text: &str, edits: &[Edit]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for e in edits {
        let n = lines.len().max(1);
        match e {
            Edit::DeleteLine(i) if !lines.is_empty() => {
                lines.remove(i % n);
            }
            Edit::DuplicateLine(i) if !lines.is_empty() => {
                let l = lines[i % n].clone();
                lines.insert(i % n, l);
            }
            Edit::SwapLines(a, b) if !lines.is_empty() => lines.swap(a % n, b % n),
            Edit::Indent(i, more) if !lines.is_empty() => {
                let l = &mut lines[i % n];
                if *more {
                    l.insert_str(0, "  ");
                } else if let Some(rest) = l.strip_prefix("  ") {
                    *l = rest.to_string();
                }
            }
            Edit::Insert(i, s) => lines.insert(i % (lines.len() + 1), s.clone()),
            Edit::Bytes(i, s) if !lines.is_empty() => {
                let l = &mut lines[i % n];
                let at = (i / n) % (l.len() + 1);
                let at = (0..=at).rev().find(|a| l.is_char_boundary(*a)).unwrap_or(0);
                l.insert_str(at, s);
            }
            _ => {}
        }
    }
    lines.join("\n") + "\n"
}

#[test]
fn mutated_rule_packs_give_diagnostics_not_panics() {
    let mut runner = TestRunner::new(config(300));
    let strategy = (any::<usize>(), proptest::collection::vec(edit(), 1..4));
    let result = runner.run(&strategy, |(pick, edits)| {
        let all = packs();
        // Small packs nine times in ten, to keep the budget.
        let small: Vec<&String> = all.iter().filter(|p| p.len() < 16_000).collect();
        let text = if pick % 10 == 0 || small.is_empty() {
            all.get(pick % all.len().max(1))
                .cloned()
                .unwrap_or_default()
        } else {
            small[pick % small.len()].clone()
        };
        exercise_pack(&edit_pack(&text, &edits))
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
