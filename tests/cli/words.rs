//! The word catalogue (`locales/<lang>/*.ftl`) read as data, without the library: both languages
//! have the same files, keys, attributes and variables, no key is defined twice, every file
//! parses, and every key that code in `src/` names (`text!(lang, "key", …)`,
//! `words::text(lang, "key", …)`) exists, with every variable its text uses given.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

const LANGS: [&str; 2] = ["nb", "en"];

/// One message or term: where it is and what it uses.
#[derive(Debug, Default, Clone)]
struct Entry {
    file: String,
    /// Variables of the value (`{ $name }`).
    vars: BTreeSet<String>,
    /// Each attribute (`.label = …`) with its variables.
    attrs: BTreeMap<String, BTreeSet<String>>,
    /// Messages and terms it refers to (`{ other-key }`, `{ -term }`).
    refs: BTreeSet<String>,
}

/// Every key of a language; problems found while reading go to `problems`.
fn catalogue(lang: &str, problems: &mut Vec<String>) -> BTreeMap<String, Entry> {
    let mut out: BTreeMap<String, Entry> = BTreeMap::new();
    for (file, text) in ftl_files(lang) {
        let resource = match fluent_syntax::parser::parse(text.as_str()) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    problems.push(format!("locales/{lang}/{file}: syntax error {e:?}"));
                }
                r
            }
        };
        for entry in &resource.body {
            let (key, value, attributes) = match entry {
                ast::Entry::Message(m) => (m.id.name.to_string(), m.value.as_ref(), &m.attributes),
                ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
                ast::Entry::Junk { content } => {
                    problems.push(format!(
                        "locales/{lang}/{file}: does not parse: {content:?}"
                    ));
                    continue;
                }
                _ => continue,
            };
            let mut e = Entry {
                file: file.clone(),
                ..Entry::default()
            };
            if let Some(p) = value {
                pattern(p, &mut e.vars, &mut e.refs);
            }
            for a in attributes {
                let mut vars = BTreeSet::new();
                pattern(&a.value, &mut vars, &mut e.refs);
                e.attrs.insert(a.id.name.to_string(), vars);
            }
            if let Some(first) = out.get(&key) {
                problems.push(format!(
                    "locales/{lang}: `{key}` is defined twice ({} and {file})",
                    first.file
                ));
                continue;
            }
            out.insert(key, e);
        }
    }
    out
}

/// The `.ftl` files of a language folder, sorted by name.
fn ftl_files(lang: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang);
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .map(|p| {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, text)
        })
        .collect();
    files.sort();
    files
}

fn pattern(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>, refs: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_uses(expression, vars, refs);
        }
    }
}

fn expression_uses(
    e: &ast::Expression<&str>,
    vars: &mut BTreeSet<String>,
    refs: &mut BTreeSet<String>,
) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_uses(selector, vars, refs);
            for v in variants {
                pattern(&v.value, vars, refs);
            }
        }
        ast::Expression::Inline(i) => inline_uses(i, vars, refs),
    }
}

fn inline_uses(
    i: &ast::InlineExpression<&str>,
    vars: &mut BTreeSet<String>,
    refs: &mut BTreeSet<String>,
) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            refs.insert(id.name.to_string());
        }
        ast::InlineExpression::TermReference { id, .. } => {
            refs.insert(format!("-{}", id.name));
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_uses(a, vars, refs);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_uses(expression, vars, refs),
        _ => {}
    }
}

/// The problems of the catalogue as a whole, and each language's keys.
fn audit() -> (Vec<String>, BTreeMap<&'static str, BTreeMap<String, Entry>>) {
    let mut problems = Vec::new();
    let mut all = BTreeMap::new();
    for lang in LANGS {
        all.insert(lang, catalogue(lang, &mut problems));
    }
    let names =
        |lang: &str| -> BTreeSet<String> { ftl_files(lang).into_iter().map(|f| f.0).collect() };
    for (a, b) in [("nb", "en"), ("en", "nb")] {
        for f in names(a).difference(&names(b)) {
            problems.push(format!("locales/{a}/{f} has no locales/{b}/{f}"));
        }
        let (ka, kb) = (&all[a], &all[b]);
        for (key, ea) in ka {
            let Some(eb) = kb.get(key) else {
                problems.push(format!(
                    "`{key}` is in locales/{a}/{} but not in locales/{b}",
                    ea.file
                ));
                continue;
            };
            if a == "en" {
                continue; // the rest is symmetric: compared once
            }
            if ea.file != eb.file {
                problems.push(format!(
                    "`{key}` is in locales/{a}/{} but in locales/{b}/{}",
                    ea.file, eb.file
                ));
            }
            if ea.vars != eb.vars {
                problems.push(format!(
                    "`{key}` uses {:?} in {a} but {:?} in {b}",
                    ea.vars, eb.vars
                ));
            }
            let attrs_a: BTreeSet<_> = ea.attrs.keys().collect();
            let attrs_b: BTreeSet<_> = eb.attrs.keys().collect();
            if attrs_a != attrs_b {
                problems.push(format!(
                    "`{key}` has attributes {attrs_a:?} in {a} but {attrs_b:?} in {b}"
                ));
            }
            for (attr, va) in &ea.attrs {
                if let Some(vb) = eb.attrs.get(attr) {
                    if va != vb {
                        problems.push(format!(
                            "`{key}.{attr}` uses {va:?} in {a} but {vb:?} in {b}"
                        ));
                    }
                }
            }
        }
        for (key, e) in &all[a] {
            for r in &e.refs {
                if !all[a].contains_key(r) {
                    problems.push(format!(
                        "`{key}` in locales/{a} refers to `{r}`, which is not there"
                    ));
                }
            }
        }
    }
    (problems, all)
}

#[test]
fn both_languages_have_the_same_keys_and_variables() {
    let (problems, all) = audit();
    assert!(
        problems.is_empty(),
        "the word catalogue:\n{}",
        problems.join("\n")
    );
    assert!(!all["nb"].is_empty());
}

/// A call of the catalogue found in the source: the key and the names of the values given
/// (`None` when the values are not written as `name = value` and so cannot be read here).
#[derive(Debug)]
struct Call {
    place: String,
    key: String,
    names: Option<BTreeSet<String>>,
}

/// Every `text!(…)` and `words::text(…)` / `words::maybe(…)` / `words::has(…)` in `src/` whose
/// key is a string literal.
fn calls() -> Vec<Call> {
    let mut out = Vec::new();
    for path in rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src")) {
        let src = std::fs::read_to_string(&path).unwrap_or_default();
        let rel = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&path)
            .display()
            .to_string();
        for (opener, is_macro) in [
            ("text!(", true),
            ("words::text(", false),
            ("words::maybe(", false),
            ("words::has(", false),
        ] {
            let mut from = 0;
            while let Some(at) = src[from..].find(opener) {
                let start = from + at + opener.len();
                from = start;
                let before = src[..start - opener.len()].chars().last();
                if is_macro && before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue; // another macro whose name ends in `text`
                }
                let args = top_level_args(&src[start..]);
                let Some(key) = args.get(1).and_then(|k| string_literal(k)) else {
                    continue;
                };
                let line = src[..start].lines().count();
                let names = if is_macro {
                    let mut names = BTreeSet::new();
                    let mut readable = true;
                    for a in args.iter().skip(2) {
                        match a.split_once('=') {
                            Some((n, _))
                                if n.trim().chars().all(|c| c.is_alphanumeric() || c == '_') =>
                            {
                                names.insert(n.trim().to_string());
                            }
                            _ => readable = false,
                        }
                    }
                    readable.then_some(names)
                } else {
                    None
                };
                out.push(Call {
                    place: format!("{rel}:{line}"),
                    key,
                    names,
                });
            }
        }
    }
    out
}

/// The areas of the catalogue: a string literal in `src/` that starts with one of these and a
/// hyphen, in lowercase and hyphens only, names a key (`plain(lang, "syntax-too-complex", …)`).
const AREAS: [&str; 9] = [
    "cli", "config", "diag", "fsutil", "limits", "rules", "syntax", "variant", "model",
];

/// Every string literal in `src/` that looks like a catalogue key, with where it stands.
fn key_literals() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for path in rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src")) {
        let in_src = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&path);
        let is_test = path.file_name().is_some_and(|n| n == "tests.rs")
            || in_src.components().any(|c| c.as_os_str() == "tests");
        if is_test {
            continue; // test data, such as an item id `model-wide`, in unit tests beside a stage
        }
        let src = std::fs::read_to_string(&path).unwrap_or_default();
        let rel = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&path)
            .display()
            .to_string();
        for (n, line) in src.lines().enumerate() {
            for (i, piece) in line.split('"').enumerate() {
                let looks_like_key = i % 2 == 1
                    && AREAS.iter().any(|a| {
                        piece
                            .strip_prefix(a)
                            .is_some_and(|rest| rest.starts_with('-'))
                    })
                    && piece.len() > 4
                    && piece
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && !piece.ends_with('-');
                if looks_like_key {
                    out.push((format!("{rel}:{}", n + 1), piece.to_string()));
                }
            }
        }
    }
    out
}

#[test]
fn every_key_like_literal_in_the_source_exists() {
    let (_, all) = audit();
    let found = key_literals();
    assert!(
        found.iter().any(|(_, k)| k == "syntax-too-complex-help"),
        "{found:?}"
    );
    let mut problems = Vec::new();
    for (place, key) in &found {
        for lang in LANGS {
            if !all[lang].contains_key(key) {
                problems.push(format!("{place}: `{key}` is not in locales/{lang}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(rust_files(&p));
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// The arguments of a call up to its closing parenthesis, split at top-level commas (string
/// literals and nested brackets are skipped over).
fn top_level_args(s: &str) -> Vec<String> {
    let mut args = Vec::new();
    let mut depth = 0usize;
    let mut cur = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                cur.push(c);
                while let Some(d) = chars.next() {
                    cur.push(d);
                    if d == '\\' {
                        if let Some(e) = chars.next() {
                            cur.push(e);
                        }
                    } else if d == '"' {
                        break;
                    }
                }
            }
            '(' | '[' | '{' => {
                depth += 1;
                cur.push(c);
            }
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => {
                depth -= 1;
                cur.push(c);
            }
            ',' if depth == 0 => args.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    if !cur.trim().is_empty() {
        args.push(cur);
    }
    args
}

/// The text of a plain string literal (`"key"`), if the argument is one.
fn string_literal(arg: &str) -> Option<String> {
    let t = arg.trim();
    let inner = t.strip_prefix('"')?.strip_suffix('"')?;
    (!inner.contains(['"', '\\', '{'])).then(|| inner.to_string())
}

#[test]
fn every_key_named_in_the_source_exists_with_its_values() {
    let (_, all) = audit();
    let calls = calls();
    assert!(
        calls.iter().any(|c| c.key == "cli-config-errors"),
        "the scan found none of the known calls: {calls:?}"
    );
    let mut problems = Vec::new();
    for c in &calls {
        for lang in LANGS {
            let Some(entry) = all[lang].get(&c.key) else {
                problems.push(format!("{}: `{}` is not in locales/{lang}", c.place, c.key));
                continue;
            };
            if let Some(names) = &c.names {
                for v in entry.vars.difference(names) {
                    problems.push(format!(
                        "{}: `{}` in locales/{lang} uses `${v}`, which the call does not give",
                        c.place, c.key
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The checks above can fail: a catalogue with a key in one language only, a variable the
/// other language lacks, and a key defined twice are each found.
#[test]
fn the_parity_check_finds_what_it_is_for() {
    let mut problems = Vec::new();
    let parse = |text: &str, problems: &mut Vec<String>| {
        let r = fluent_syntax::parser::parse(text).unwrap_or_else(|(r, _)| r);
        let mut keys = BTreeMap::new();
        for e in &r.body {
            if let ast::Entry::Message(m) = e {
                let mut entry = Entry::default();
                if let Some(p) = &m.value {
                    pattern(p, &mut entry.vars, &mut entry.refs);
                }
                if keys.insert(m.id.name.to_string(), entry).is_some() {
                    problems.push(format!("`{}` twice", m.id.name));
                }
            }
        }
        keys
    };
    let nb = parse(
        "a = { $n } feil\nb = bare her\nc = x\nc = y\n",
        &mut problems,
    );
    let en = parse("a = { $count } errors\n", &mut problems);
    for (k, e) in &nb {
        match en.get(k) {
            None => problems.push(format!("`{k}` only in nb")),
            Some(o) if o.vars != e.vars => problems.push(format!("`{k}` variables differ")),
            Some(_) => {}
        }
    }
    assert_eq!(
        problems,
        [
            "`c` twice",
            "`a` variables differ",
            "`b` only in nb",
            "`c` only in nb"
        ]
    );
    let args = top_level_args(r#"lang, "key-a", n = f(1, 2), file = "a,b")"#);
    assert_eq!(args.len(), 4);
    assert_eq!(string_literal(&args[1]).as_deref(), Some("key-a"));
}

/// `rammelab --help` and `rammelab check --help` in bokmål by default, in English with
/// `--lang en` or `RAMMELAB_LANG=en` (read before the command line is parsed).
#[test]
fn help_follows_the_language() {
    let help = |args: &[&str], env: Option<&str>| {
        let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_rammelab"));
        cmd.args(args)
            .arg("--no-config")
            .env_remove("RAMMELAB_LANG");
        if let Some(l) = env {
            cmd.env("RAMMELAB_LANG", l);
        }
        let out = cmd.output().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let nb = help(&["--help"], None);
    assert!(nb.contains("Bruk:") && nb.contains("Kommandoer:"), "{nb}");
    assert!(
        nb.contains("rammelab [VALG]") && !nb.contains("[OPTIONS]"),
        "{nb}"
    );
    assert!(nb.contains("Sjekk modeller mot regelpakkene"), "{nb}");
    let nb = help(&["check", "--help"], None);
    assert!(
        nb.contains("Valg:") && nb.contains("Avslutningskoder"),
        "{nb}"
    );
    let en = help(&["check", "--help", "--lang", "en"], None);
    assert!(en.contains("Usage:") && en.contains("Options:"), "{en}");
    assert!(en.contains("rammelab check [OPTIONS]"), "{en}");
    assert!(en.contains("Exit codes"), "{en}");
    let en = help(&["--help"], Some("en"));
    assert!(en.contains("Commands:"), "{en}");
    let nb = help(&["--help", "--lang=nb"], Some("en"));
    assert!(nb.contains("Kommandoer:"), "{nb}");
}

/// The standard error and exit code of `rammelab ARGS --no-config`, with the language given by
/// `RAMMELAB_LANG` only.
fn run_in(lang: &str, args: &[&str]) -> String {
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_rammelab"))
        .args(args)
        .arg("--no-config")
        .env("RAMMELAB_LANG", lang)
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    format!(
        "$ rammelab {}\n{}exit code: {:?}\n",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr),
        out.status.code()
    )
}

/// clap's own errors (an unknown argument or command with its did-you-mean, a missing value, a
/// value the option does not take, a date or size its reader refuses) read in each language,
/// with the usage line and exit code 2.
#[test]
fn command_line_errors_in_both_languages() {
    let cases: &[&[&str]] = &[
        &["check", "--formt", "json", "models"],
        &["chek", "models"],
        &["check", "models", "--at"],
        &["check", "--at", "2027-13-01", "models"],
        &["check", "--fail-on", "sometimes", "models"],
        &["check", "--max-file-size", "lots", "models"],
        &["rules", "show"],
    ];
    for lang in LANGS {
        let text: String = cases.iter().map(|args| run_in(lang, args) + "\n").collect();
        assert_eq!(
            text.matches("exit code: Some(2)").count(),
            cases.len(),
            "{text}"
        );
        insta::assert_snapshot!(format!("command_line_errors_{lang}"), text);
    }
}

/// `rammelab rules test` on a pack whose tests fail: its lines, with plurals, in each language.
#[test]
fn rules_test_reads_in_both_languages() {
    for lang in LANGS {
        let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_rammelab"))
            .args(["rules", "test", "--no-config", "--no-builtin-rules"])
            .args(["--rules", "tests/words", "--models", "tests/words/none"])
            .args(["--lang", lang])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        insta::assert_snapshot!(format!("rules_test_{lang}"), text);
    }
}
