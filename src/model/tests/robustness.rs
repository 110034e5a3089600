//! No text makes the parser, resolver or formatter panic: every prefix of every model file,
//! and a few pathological inputs.

use std::path::PathBuf;

use crate::model::{resolve_source, SourceFile};
use crate::syntax;
use crate::Vocabulary;

fn exercise(text: &str) {
    let vocab = Vocabulary::builtin();
    let _ = resolve_source(SourceFile::new("x.lsm", text), vocab);
    if let Ok(formatted) = syntax::format(text) {
        assert_eq!(
            syntax::format(&formatted).ok(),
            Some(formatted.clone()),
            "{text}"
        );
    }
}

#[test]
fn every_prefix_of_every_model_file() {
    let files = crate::collect_models(&[PathBuf::from("models"), PathBuf::from("tests")])
        .unwrap_or_default();
    // The corpus (inputs that once broke something, some of them large) has its own tests.
    let files = files.into_iter().filter(|f| !f.starts_with("tests/corpus"));
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let mut ends: Vec<usize> = (0..=text.len())
            .filter(|i| text.is_char_boundary(*i))
            .collect();
        // Every prefix of small files, every third of larger ones, and about 600 evenly
        // spread prefixes of very large ones (the corpus holds files of hundreds of
        // kilobytes: every third prefix of those would make this test quadratic).
        if ends.len() > 600 {
            let step = if ends.len() > 1_800 {
                ends.len() / 600
            } else {
                3
            };
            ends = ends.into_iter().step_by(step).collect();
        }
        for end in ends {
            exercise(text.get(..end).unwrap_or(""));
        }
    }
}

#[test]
fn pathological_inputs() {
    let cases = [
        "\u{feff}model \"x\" {}",
        "model \"x\" {}\r\nactor a \"A\" {\r\n  type: municipality\r\n}\r\n",
        &"[".repeat(10_000),
        &"{".repeat(10_000),
        &format!("model \"x\" {{ summary: \"{}\" }}", "a".repeat(100_000)),
        &"actor a {\n".repeat(2_000),
        "model \"\u{0}\" {}",
        "model \"x\" { horizon: 99999999999999999999999999999 }",
        "model \"x\" { horizon: 1_ }",
        "\"\"\"",
        "#",
        "model",
        "model \"x\" { a: [,] }",
        "flow f: -> {}",
        "agreement a: x <-> {}",
    ];
    for case in cases {
        exercise(case);
    }
}
