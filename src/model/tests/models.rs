//! The model files under `tests/models/`: bad ones with their diagnostics pinned, good ones
//! with their resolved model pinned, and `fmt` checked on every file that parses.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use crate::model::{load_file, resolve_source, Model, ModelErrors, SourceFile};
use crate::render_diagnostic;
use crate::syntax;
use crate::vocab::{Lang, Vocabulary};

/// The path relative to the crate, so that snapshots do not name the machine's folders.
fn relative(path: &Path) -> PathBuf {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .to_path_buf()
}

/// Every diagnostic of a bad file, colour off, 100 columns: first each error's code,
/// position and the text its span covers, then the rendered diagnostics.
fn render_errors(errors: &ModelErrors) -> String {
    let mut out = String::new();
    for e in errors.iter() {
        let (line, col) = e.line_col();
        let covered = e.span.text(&e.file().text);
        out.push_str(&format!(
            "{} at {line}:{col} covering `{covered}`\n",
            e.code()
        ));
    }
    out.push('\n');
    for e in errors.iter() {
        out.push_str(&render_diagnostic(e, false, 100));
        out.push('\n');
    }
    out.push_str(&format!("{errors}\n"));
    out
}

fn load_err(path: &Path, lang: Lang) -> String {
    match load_file(&relative(path), Vocabulary::builtin()) {
        Ok(_) => panic!("{} should not resolve", path.display()),
        Err(errors) => render_errors(&errors.in_lang(lang)),
    }
}

#[test]
fn bad_models_have_their_diagnostics() {
    insta::glob!("../../../tests", "models/err/*.lsm", |path| {
        insta::assert_snapshot!(load_err(path, Lang::En));
    });
}

#[test]
fn bad_models_in_bokmaal() {
    for name in [
        "several-errors",
        "norsk-flere-feil",
        "depends-on-cycle",
        "missing-brace",
    ] {
        let path = Path::new("tests/models/err").join(format!("{name}.lsm"));
        insta::assert_snapshot!(format!("nb-{name}"), load_err(&path, Lang::Nb));
    }
}

#[test]
fn good_models_resolve() {
    insta::glob!("../../../tests", "models/ok/*.lsm", |path| {
        let vocab = Vocabulary::builtin();
        let model = load_file(&relative(path), vocab).unwrap_or_else(|e| {
            panic!(
                "{}:\n{}",
                path.display(),
                render_errors(&e.in_lang(Lang::En))
            )
        });
        insta::assert_snapshot!(model.outline(vocab));
    });
}

#[test]
fn the_shipped_models_resolve() {
    let vocab = Vocabulary::builtin();
    for path in crate::collect_models(&[PathBuf::from("models")]).unwrap() {
        if let Err(e) = load_file(&path, vocab) {
            panic!(
                "{}:\n{}",
                path.display(),
                render_errors(&e.in_lang(Lang::En))
            );
        }
    }
}

/// Every model file in the repository: shipped models and test inputs.
fn all_model_files() -> Vec<PathBuf> {
    crate::collect_models(&[PathBuf::from("models"), PathBuf::from("tests")]).unwrap()
}

fn resolve_text(path: &Path, text: &str) -> Result<Model, Vec<&'static str>> {
    let source = SourceFile::new(path, text);
    resolve_source(source, Vocabulary::builtin()).map_err(|e| e.iter().map(|e| e.code()).collect())
}

#[test]
fn fmt_is_idempotent_and_keeps_the_model() {
    let mut formatted = 0;
    for path in all_model_files() {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // not UTF-8: does not parse
        };
        let Ok(once) = syntax::format(&text) else {
            continue;
        };
        formatted += 1;
        let twice = syntax::format(&once).unwrap();
        assert_eq!(once, twice, "fmt is not idempotent on {}", path.display());
        let before = resolve_text(&path, &text);
        let after = resolve_text(&path, &once);
        assert_eq!(before, after, "fmt changed the model of {}", path.display());
        let comments = |t: &str| syntax::parse(t).unwrap().comments.len();
        assert_eq!(
            comments(&text),
            comments(&once),
            "fmt lost comments in {}",
            path.display()
        );
    }
    assert!(formatted >= 20, "only {formatted} files parsed");
}

#[test]
fn fmt_leaves_canonical_files_alone() {
    for path in crate::collect_models(&[PathBuf::from("models")]).unwrap() {
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            syntax::format(&text).unwrap(),
            text,
            "{} is not in canonical layout",
            path.display()
        );
    }
}

#[test]
fn fmt_layout() {
    insta::glob!("../../../tests", "models/ok/loose-layout.lsm", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        insta::assert_snapshot!(syntax::format(&text).unwrap());
    });
}

/// `1 200 000` and `12,5` read as `1_200_000` and `12.5`, which is how `fmt` writes them.
#[test]
fn fmt_writes_norwegian_numbers_canonically() {
    insta::glob!("../../../tests", "models/ok/norske-tall.lsm", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let once = syntax::format(&text).unwrap();
        assert!(!once.contains("1 200") && !once.contains("12,5"), "{once}");
        insta::assert_snapshot!(once);
    });
}

/// Where a comma or a space could belong to a number or to the text around it, the reading
/// that was there before Norwegian numbers stays: a comma and a space separate a list's values,
/// a space before a word starts a unit.
#[test]
fn norwegian_numbers_leave_lists_and_units_as_they_were() {
    let item = |field: &str| format!("flow f: a -> b {{\n  {field}\n}}\n");
    let values = |field: &str| {
        let file = syntax::parse(&item(field)).unwrap();
        let value = &file.items[0].fields[0].value;
        format!("{:?}", value.kind)
    };
    assert!(values("data: [12, 5]").starts_with("List(["));
    assert_eq!(values("data: [12, 5]").matches("Number(").count(), 2);
    assert!(values("amount: 12 500 NOK").contains("text: \"12_500\""));
    assert!(values("amount: 4 years").contains("text: \"4\""));
    assert!(values("share: 40 %").starts_with("Percent("));
    let codes = |field: &str| -> Vec<&'static str> {
        match syntax::parse(&item(field)) {
            Ok(_) => Vec::new(),
            Err(e) => e.errors.iter().map(|e| e.code()).collect(),
        }
    };
    assert_eq!(codes("data: [12,5]"), ["rammelab::number"]);
    assert_eq!(codes("amount: 12, 5 NOK"), ["rammelab::number"]);
    assert_eq!(codes("amount: 1 20 000 NOK"), ["rammelab::number"]);
    assert_eq!(
        codes("amount: 1\u{202F}200\u{A0}000 NOK"),
        Vec::<&str>::new()
    );
}

#[test]
fn files_with_syntax_errors_are_not_formatted() {
    for name in [
        "missing-brace",
        "unterminated-string",
        "bad-date",
        "several-errors",
    ] {
        let text = std::fs::read_to_string(format!("tests/models/err/{name}.lsm")).unwrap();
        assert!(syntax::format(&text).is_err(), "{name} should not format");
    }
}
