//! Property tests of the model side: generated valid models (from the vocabulary, English and
//! Norwegian words, varied layout and comments) must resolve, survive `fmt` unchanged in
//! meaning and be formatted stably; mutated models and random bytes must give a model or
//! diagnostics with well-placed spans, and never a panic.
//!
//! Budget: a few thousand cases in all, a few seconds in a debug build. A long run:
//! `PROPTEST_CASES=200000 cargo test --release --lib model::tests::properties`.

use crate::model::{load_file, resolve_source, Model, ModelErrors, SourceFile};
use crate::syntax;
use crate::vocab::{ItemKind, Period, ValueType, Vocabulary, Words};
use proptest::prelude::*;
use proptest::strategy::ValueTree as _;
use proptest::test_runner::TestRunner;

use super::{codes, config, errors_ok, model_ok};

// ---------------------------------------------------------------------------------------------
// Generating valid models

/// One field: which field (an index into the kind's optional fields) and the choices its value
/// is made from; every choice is taken modulo what the vocabulary offers, so any numbers make
/// a valid field and shrinking moves toward the first choices.
#[derive(Debug, Clone)]
struct FieldPlan {
    pick: usize,
    choices: [usize; 4],
    text: String,
    layout: usize,
}

#[derive(Debug, Clone)]
struct ItemPlan {
    norwegian: bool,
    name: Option<String>,
    ends: (usize, usize),
    fields: Vec<FieldPlan>,
    order: u8,
}

#[derive(Debug, Clone)]
struct ModelPlan {
    header: ItemPlan,
    actors: Vec<ItemPlan>,
    services: Vec<ItemPlan>,
    flows: Vec<ItemPlan>,
    agreements: Vec<ItemPlan>,
    /// Comments and blank lines between items.
    gaps: Vec<usize>,
}

/// Text for strings and names: letters in both languages, quotes and backslashes (escaped when
/// printed), tabs and other characters that need care.
fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-zA-Z0-9æøåÆØÅ \"\\\\\t!?.,:;{}\\[\\]#<>→€\u{0}-\u{8}]{0,16}")
        .unwrap_or_else(|e| panic!("{e}"))
}

fn field_plan() -> impl Strategy<Value = FieldPlan> {
    (any::<usize>(), any::<[usize; 4]>(), text(), 0usize..8).prop_map(
        |(pick, choices, text, layout)| FieldPlan {
            pick,
            choices,
            text,
            layout,
        },
    )
}

fn item_plan() -> impl Strategy<Value = ItemPlan> {
    (
        any::<bool>(),
        proptest::option::of(text()),
        (any::<usize>(), any::<usize>()),
        proptest::collection::vec(field_plan(), 0..5),
        any::<u8>(),
    )
        .prop_map(|(norwegian, name, ends, fields, order)| ItemPlan {
            norwegian,
            name,
            ends,
            fields,
            order,
        })
}

fn model_plan() -> impl Strategy<Value = ModelPlan> {
    (
        item_plan(),
        proptest::collection::vec(item_plan(), 1..5),
        proptest::collection::vec(item_plan(), 0..4),
        proptest::collection::vec(item_plan(), 0..4),
        proptest::collection::vec(item_plan(), 0..3),
        proptest::collection::vec(0usize..6, 16),
    )
        .prop_map(
            |(header, actors, services, flows, agreements, gaps)| ModelPlan {
                header,
                actors,
                services,
                flows,
                agreements,
                gaps,
            },
        )
}

/// A string literal for a text: escaped, on one line.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct Render<'v> {
    vocab: &'v Vocabulary,
    /// Ids of the items of each kind, by kind index.
    ids: [Vec<String>; 5],
}

const PREFIXES: [&str; 5] = ["m", "aktør", "tjeneste_", "flyt", "avtale"];

fn id_of(kind: ItemKind, i: usize) -> String {
    format!("{}{i}", PREFIXES.get(kind.index()).copied().unwrap_or("x"))
}

impl Render<'_> {
    fn words(plan: &ItemPlan) -> Words {
        if plan.norwegian {
            Words::Norwegian
        } else {
            Words::English
        }
    }

    fn name<'a>(words: Words, id: &'a str, nb: &'a str) -> &'a str {
        match words {
            Words::English => id,
            Words::Norwegian => nb,
        }
    }

    /// The fields an item gets: every required field, then the planned optional ones.
    fn fields(
        &self,
        kind: ItemKind,
        index: usize,
        plan: &ItemPlan,
    ) -> Vec<(crate::vocab::FieldId, FieldPlan)> {
        let all: Vec<_> = self.vocab.fields_of(kind).collect();
        let mut out: Vec<(crate::vocab::FieldId, FieldPlan)> = Vec::new();
        let default = FieldPlan {
            pick: 0,
            choices: [index, 0, 0, 0],
            text: "x".into(),
            layout: 0,
        };
        for (fid, f) in &all {
            if f.required {
                out.push((*fid, default.clone()));
            }
        }
        let optional: Vec<_> = all.iter().filter(|(_, f)| !f.required).collect();
        for fp in &plan.fields {
            if optional.is_empty() {
                break;
            }
            let Some((fid, _)) = optional.get(fp.pick % optional.len()) else {
                continue;
            };
            if out.iter().any(|(o, _)| o == fid) {
                continue;
            }
            out.push((*fid, fp.clone()));
        }
        out
    }

    /// The term a term field's plan picks.
    fn term(&self, set: crate::vocab::TermSetId, c: usize) -> &crate::vocab::Term {
        let terms = &self.vocab.term_set(set).terms;
        &terms[c % terms.len()]
    }

    /// Items of `kinds` that `self_id` may refer to: never itself, and only earlier services
    /// through `depends_on`, so that dependencies never go in a circle.
    fn targets(&self, kinds: &[ItemKind], me: (ItemKind, usize), field: &str) -> Vec<String> {
        let mut out = Vec::new();
        for k in kinds {
            for (i, id) in self.ids[k.index()].iter().enumerate() {
                let is_me = *k == me.0 && i == me.1;
                let later = field == "depends_on" && *k == me.0 && i >= me.1;
                if !is_me && !later {
                    out.push(id.clone());
                }
            }
        }
        out
    }

    /// A value of a field, or `None` when the model offers nothing to refer to.
    fn value(
        &self,
        words: Words,
        me: (ItemKind, usize),
        fid: crate::vocab::FieldId,
        fp: &FieldPlan,
        planned: &[(crate::vocab::FieldId, FieldPlan)],
    ) -> Option<String> {
        let f = self.vocab.field(fid);
        let [c0, c1, c2, c3] = fp.choices;
        Some(match &f.value {
            ValueType::Term(set) => {
                let t = self.term(*set, c0);
                Self::name(words, &t.id, &t.nb).to_string()
            }
            ValueType::Terms(set) => {
                let n = self.vocab.term_set(*set).terms.len();
                let count = 1 + c1 % 3.min(n);
                let names: Vec<String> = (0..count)
                    .map(|j| {
                        let t = self.term(*set, c0.wrapping_add(j));
                        Self::name(words, &t.id, &t.nb).to_string()
                    })
                    .collect();
                if names.len() == 1 && c2 % 2 == 0 {
                    names.join("")
                } else {
                    list(&names, c3)
                }
            }
            ValueType::Ref(kinds) => {
                let targets = self.targets(kinds, me, &f.id);
                targets.get(c0 % targets.len().max(1))?.clone()
            }
            ValueType::Refs(kinds) => {
                let targets = self.targets(kinds, me, &f.id);
                if targets.is_empty() {
                    return None;
                }
                let count = 1 + c1 % 3.min(targets.len());
                let mut names: Vec<String> = (0..count)
                    .filter_map(|j| targets.get(c0.wrapping_add(j) % targets.len()).cloned())
                    .collect();
                names.dedup();
                if names.len() == 1 && c2 % 2 == 0 {
                    names.join("")
                } else {
                    list(&names, c3)
                }
            }
            ValueType::String => match c1 % 4 {
                0 => format!("\"\"\"\n    {}\n  \"\"\"", fp.text.replace('"', "'")),
                _ => quoted(&fp.text),
            },
            ValueType::Number => match c1 % 3 {
                0 => format!("{}", c0 % 100_000),
                1 => format!("{}.{}", c0 % 1000, c2 % 100),
                _ => format!("1_{:03}", c0 % 1000),
            },
            ValueType::Integer => format!("{}", 1900 + c0 % 200),
            ValueType::Percent => format!("{} %", c0 % 101),
            ValueType::Date => format!(
                "{:04}-{:02}-{:02}",
                1990 + c0 % 100,
                1 + c1 % 12,
                1 + c2 % 28
            ),
            ValueType::Bool => {
                let yes = c0 % 2 == 0;
                match (words, yes) {
                    (Words::English, true) => "yes",
                    (Words::English, false) => "no",
                    (Words::Norwegian, true) => "ja",
                    (Words::Norwegian, false) => "nei",
                }
                .to_string()
            }
            ValueType::Quantity {
                dimensions,
                unit_from,
            } => {
                // A unit another field fixes (a flow's resource), else any allowed one.
                let fixed = unit_from.and_then(|from| {
                    let (_, p) = planned.iter().find(|(id, _)| *id == from)?;
                    match &self.vocab.field(from).value {
                        ValueType::Term(set) => self.term(*set, p.choices[0]).dimension,
                        _ => None,
                    }
                });
                let units: Vec<_> = self
                    .vocab
                    .units
                    .iter()
                    .filter(|u| match fixed {
                        Some(d) => u.dimension == d,
                        None => dimensions.contains(&u.dimension),
                    })
                    .filter(|u| dimensions.contains(&u.dimension))
                    .collect();
                let u = units.get(c1 % units.len().max(1))?;
                let unit = Self::name(words, &u.id, &u.nb);
                let amount = c0 % 10_000_000;
                match c2 % 3 {
                    0 => format!("{amount} {unit}"),
                    _ => {
                        let period = if c3 % 2 == 0 {
                            Period::Year
                        } else {
                            Period::Month
                        };
                        format!("{amount} {unit} per {}", period.word(words))
                    }
                }
            }
        })
    }

    fn item(&self, kind: ItemKind, index: usize, plan: &ItemPlan, out: &mut String) {
        let words = Self::words(plan);
        out.push_str(kind.keyword_in(words));
        if kind != ItemKind::Model {
            out.push(' ');
            out.push_str(&id_of(kind, index));
        }
        match (&plan.name, kind) {
            (Some(n), _) => {
                out.push(' ');
                out.push_str(&quoted(n));
            }
            (None, ItemKind::Model) => out.push_str(" \"Modell\""),
            (None, _) => {}
        }
        let actors = &self.ids[ItemKind::Actor.index()];
        let to_pool: Vec<&String> = actors
            .iter()
            .chain(&self.ids[ItemKind::Service.index()])
            .collect();
        match kind {
            ItemKind::Flow => {
                let from = &actors[plan.ends.0 % actors.len()];
                let to = to_pool[plan.ends.1 % to_pool.len()];
                out.push_str(&format!(": {from} -> {to}"));
            }
            ItemKind::Agreement => {
                let a = plan.ends.0 % actors.len();
                let b = (a + 1 + plan.ends.1 % actors.len().max(2)) % actors.len();
                out.push_str(&format!(": {} <-> {}", actors[a], actors[b]));
            }
            _ => {}
        }
        out.push_str(" {");
        let planned = self.fields(kind, index, plan);
        let mut any = false;
        for (fid, fp) in &planned {
            let Some(value) = self.value(words, (kind, index), *fid, fp, &planned) else {
                continue;
            };
            let f = self.vocab.field(*fid);
            let name = Self::name(words, &f.id, &f.nb);
            out.push_str(match fp.layout % 8 {
                0..=2 => "\n  ",
                3 => " ",
                4 => "\n\n    ",
                5 => "\n  # en kommentar æøå {}\n  ",
                6 => "\t",
                _ => "\r\n  ",
            });
            out.push_str(&format!("{name}: {value}"));
            if fp.layout == 7 {
                out.push_str(" # etter feltet\n");
            }
            any = true;
        }
        out.push_str(if any { "\n}" } else { " }" });
    }

    fn model(vocab: &Vocabulary, plan: &ModelPlan) -> String {
        let kinds = [
            (ItemKind::Actor, &plan.actors),
            (ItemKind::Service, &plan.services),
            (ItemKind::Flow, &plan.flows),
            (ItemKind::Agreement, &plan.agreements),
        ];
        let mut ids: [Vec<String>; 5] = Default::default();
        for (kind, items) in kinds {
            ids[kind.index()] = (0..items.len()).map(|i| id_of(kind, i)).collect();
        }
        let r = Render { vocab, ids };
        let mut items: Vec<(u8, ItemKind, usize, &ItemPlan)> =
            vec![(0, ItemKind::Model, 0, &plan.header)];
        for (kind, list) in kinds {
            for (i, p) in list.iter().enumerate() {
                items.push((p.order, kind, i, p));
            }
        }
        items.sort_by_key(|(order, kind, i, _)| (*order, kind.index(), *i));
        let mut out = String::new();
        for (n, (_, kind, i, p)) in items.into_iter().enumerate() {
            out.push_str(
                match plan
                    .gaps
                    .get(n % plan.gaps.len().max(1))
                    .copied()
                    .unwrap_or(0)
                {
                    0 | 1 => "\n\n",
                    2 => "\n",
                    3 => "\n# mellom elementene\n\n",
                    4 => "\n\n\n\n",
                    _ => "\n   ",
                },
            );
            r.item(kind, i, p, &mut out);
        }
        out.push('\n');
        out
    }
}

fn list(names: &[String], style: usize) -> String {
    match style % 3 {
        0 => format!("[{}]", names.join(", ")),
        1 => format!("[{},]", names.join(",")),
        _ => format!("[\n    {}\n  ]", names.join(",\n    ")),
    }
}

fn vocab() -> &'static Vocabulary {
    Vocabulary::builtin()
}

fn resolve(text: &str) -> Result<Model, ModelErrors> {
    resolve_source(SourceFile::new("p.lsm", text), vocab())
}

/// Generated models are valid, and `fmt` keeps what they say and is stable.
#[test]
fn generated_models_resolve_and_survive_fmt() {
    let mut runner = TestRunner::new(config(1_000));
    let result = runner.run(&model_plan(), |plan| {
        let text = Render::model(vocab(), &plan);
        let model = match resolve(&text) {
            Ok(m) => m,
            Err(e) => {
                let errs: Vec<String> = e.iter().map(|e| format!("{}: {e}", e.code())).collect();
                return Err(TestCaseError::fail(format!("{text}\n{errs:#?}")));
            }
        };
        model_ok(&model).map_err(TestCaseError::fail)?;
        let formatted =
            syntax::format(&text).map_err(|e| TestCaseError::fail(format!("{text}\nfmt: {e}")))?;
        let again = resolve(&formatted)
            .map_err(|e| TestCaseError::fail(format!("{formatted}\nformatted: {e}")))?;
        prop_assert!(
            again == model,
            "fmt changed the model:\n{text}\n---\n{formatted}"
        );
        let twice = syntax::format(&formatted)
            .map_err(|e| TestCaseError::fail(format!("{formatted}\nsecond fmt: {e}")))?;
        prop_assert_eq!(&twice, &formatted, "fmt is not stable for\n{}", text);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

// ---------------------------------------------------------------------------------------------
// Mutating them

/// Splits a text into tokens: runs of word characters, runs of spaces, single other characters.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let class = |c: char| {
        if c.is_alphanumeric() || c == '_' {
            0
        } else if c == ' ' || c == '\t' {
            1
        } else {
            2
        }
    };
    let mut prev: Option<u8> = None;
    for (i, c) in text.char_indices() {
        let k = class(c);
        if prev.is_some_and(|p| p != k || k == 2) {
            out.push(&text[start..i]);
            start = i;
        }
        prev = Some(k);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Tokens that mean something to the grammar, and some that mean trouble.
const NASTY: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"",
    "\"\"\"",
    "->",
    "<->",
    "#",
    "\\",
    "\n",
    "\r",
    "%",
    "per",
    "model",
    "actor",
    "aktør",
    "flow",
    "flyt",
    "agreement",
    "service",
    "tjeneste",
    "modell",
    "1_",
    "99999999999999999999999999",
    "2026-02-30",
    "0.",
    "yes",
    "\u{feff}",
    "\u{0}",
    "æ",
    "\u{10ffff}",
    "🦀",
    "\u{301}",
    " ",
    "\t",
    "\r\n",
    "depends_on",
    "provider",
];

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize),
    Duplicate(usize),
    Swap(usize, usize),
    Insert(usize, usize),
    InsertText(usize, String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Duplicate),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Swap(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Insert(a, b)),
        (any::<usize>(), any::<String>()).prop_map(|(a, s)| Mutation::InsertText(a, s)),
    ]
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut toks: Vec<String> = tokens(text).into_iter().map(str::to_string).collect();
    for m in mutations {
        let n = toks.len().max(1);
        match m {
            Mutation::Delete(i) if !toks.is_empty() => {
                toks.remove(i % n);
            }
            Mutation::Duplicate(i) if !toks.is_empty() => {
                let t = toks[i % n].clone();
                toks.insert(i % n, t);
            }
            Mutation::Swap(a, b) if !toks.is_empty() => toks.swap(a % n, b % n),
            Mutation::Insert(at, what) => {
                toks.insert(at % (toks.len() + 1), NASTY[what % NASTY.len()].to_string())
            }
            Mutation::InsertText(at, s) => toks.insert(at % (toks.len() + 1), s.clone()),
            _ => {}
        }
    }
    toks.concat()
}

/// Checks one text through every entry point that takes model text.
fn exercise(text: &str) -> Result<(), TestCaseError> {
    let resolved = resolve(text);
    match &resolved {
        Ok(m) => model_ok(m),
        Err(e) => errors_ok(e),
    }
    .map_err(|m| TestCaseError::fail(format!("{m}\n{text:?}")))?;
    if let Ok(formatted) = syntax::format(text) {
        let twice = syntax::format(&formatted);
        prop_assert_eq!(
            twice.as_ref().ok(),
            Some(&formatted),
            "fmt is not stable for {:?}",
            text
        );
        let after = resolve(&formatted);
        prop_assert_eq!(
            codes(&resolved),
            codes(&after),
            "fmt changed the diagnostics of {:?}\nto {:?}",
            text,
            formatted
        );
        if let (Ok(a), Ok(b)) = (&resolved, &after) {
            prop_assert!(a == b, "fmt changed the model {:?}", text);
        }
    }
    Ok(())
}

#[test]
fn mutated_models_give_diagnostics_not_panics() {
    let mut runner = TestRunner::new(config(2_000));
    let strategy = (model_plan(), proptest::collection::vec(mutation(), 1..5));
    let result = runner.run(&strategy, |(plan, mutations)| {
        let text = mutate(&Render::model(vocab(), &plan), &mutations);
        exercise(&text)
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// Random text, biased toward the grammar's characters.
#[test]
fn random_text_gives_diagnostics_not_panics() {
    let mut runner = TestRunner::new(config(2_000));
    let strategy = proptest::collection::vec(
        prop_oneof![
            3 => (0..NASTY.len()).prop_map(|i| NASTY[i].to_string()),
            1 => any::<String>(),
            1 => "[a-zæøå_]{1,8}",
        ],
        0..40,
    );
    let result = runner.run(&strategy, |parts| exercise(&parts.concat()));
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// Random bytes, invalid UTF-8 included, through the file path: the entry point that reads.
#[test]
fn random_bytes_through_the_file_path_give_diagnostics_not_panics() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("bytes.lsm");
    let mut runner = TestRunner::new(config(1_000));
    let strategy = (
        model_plan(),
        proptest::collection::vec((any::<usize>(), any::<Vec<u8>>()), 0..4),
    );
    let result = runner.run(&strategy, |(plan, inserts)| {
        let mut bytes = Render::model(vocab(), &plan).into_bytes();
        for (at, b) in inserts {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, b);
        }
        std::fs::write(&path, &bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        match load_file(&path, vocab()) {
            Ok(m) => model_ok(&m),
            Err(e) => errors_ok(&e),
        }
        .map_err(|m| TestCaseError::fail(format!("{m}\n{bytes:?}")))?;
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// The generator's own sanity: it makes models of every kind of item, in both languages.
#[test]
fn the_generator_makes_varied_models() {
    let mut runner = TestRunner::new(config(50));
    let mut seen_nb = false;
    let mut seen_flow = false;
    for _ in 0..50 {
        let plan = model_plan()
            .new_tree(&mut runner)
            .unwrap_or_else(|e| panic!("{e}"))
            .current();
        let text = Render::model(vocab(), &plan);
        seen_nb |= text.contains("aktør ");
        seen_flow |= text.contains("->");
    }
    assert!(seen_nb && seen_flow);
}
