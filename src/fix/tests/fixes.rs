use crate::base::limits::Limits;
use crate::fix::*;
use crate::model::{resolve_source, SourceFile};
use crate::vocab::Vocabulary;

fn errors_of(text: &str) -> ModelErrors {
    match resolve_source(SourceFile::new("t.lsm", text), Vocabulary::builtin()) {
        Ok(_) => panic!("the model is valid"),
        Err(e) => e,
    }
}

const TYPOS: &str = r#"model "M" {
  challenge: demography
}

actor kommune "Kommunen" {
  type: municipalty # a comment that stays
}

servce skole "Skole" {
  domain: education
}

service helse "Helse" {
  domain: health
  provider: komune
}
"#;

#[test]
fn a_typo_with_one_candidate_becomes_an_edit_of_exactly_that_word() {
    let errors = errors_of(TYPOS);
    let found = fixes(&errors);
    let words: Vec<(&str, &str)> = found
        .iter()
        .map(|f| (f.old.as_str(), f.new.as_str()))
        .collect();
    assert_eq!(
        words,
        [
            ("municipalty", "municipality"),
            ("servce", "service"),
            ("komune", "kommune")
        ]
    );
    for fix in &found {
        assert_eq!(&TYPOS[fix.edit.range.clone()], fix.old);
    }
    assert_eq!(
        found[0].title(Lang::Nb),
        "Endre `municipalty` til `municipality`"
    );
    assert_eq!(
        found[0].title(Lang::En),
        "Change `municipalty` to `municipality`"
    );
}

#[test]
fn applying_the_fixes_changes_only_the_words() {
    let errors = errors_of(TYPOS);
    let fixed = apply(TYPOS, &fixes(&errors));
    assert!(fixed.contains("type: municipality # a comment that stays"));
    assert!(fixed.contains("service skole"));
    assert!(fixed.contains("provider: kommune"));
    assert_eq!(fixed.lines().count(), TYPOS.lines().count());
}

#[test]
fn a_word_as_close_to_two_candidates_is_not_fixed() {
    let known = vec!["cat".to_string(), "bat".to_string()];
    assert_eq!(clear("hat", "bat", &known), None);
    assert_eq!(
        clear("bta", "bat", &known),
        Some(("bta".to_string(), "bat".to_string()))
    );
}

#[test]
fn a_span_that_does_not_cover_the_word_gives_no_fix() {
    let errors = errors_of(TYPOS);
    let Some(first) = errors.iter().find(|e| e.code() == "rammelab::unknown-term") else {
        panic!("no unknown term");
    };
    let shifted = format!(" {TYPOS}");
    assert_eq!(fix_for(first, &shifted), None);
}

#[test]
fn overlapping_or_outside_edits_are_left_out() {
    let fix = |start: usize, end: usize, new: &str| Fix {
        code: "x",
        old: String::new(),
        new: new.to_string(),
        edit: TextEdit {
            range: start..end,
            replacement: new.to_string(),
        },
    };
    let text = "abcdef";
    assert_eq!(apply(text, &[fix(0, 2, "X"), fix(1, 3, "Y")]), "Xcdef");
    assert_eq!(apply(text, &[fix(4, 9, "Z")]), "abcdef");
    assert_eq!(apply(text, &[fix(4, 6, "Z"), fix(0, 1, "A")]), "AbcdZ");
}

/// Correcting `sumary` to `summary` where the item already has a `summary` would set it twice: the
/// fix is computed (it is a clear typo) but not kept when checked.
#[test]
fn a_fix_that_brings_in_a_new_error_is_not_kept() {
    let text = r#"model "M" {
  challenge: demography
}

actor kommune "Kommunen" {
  type: municipality
  sumary: "Kommunen"
  summary: "Kommunen"
}

service helse "Helse" {
  domain: public_helth
}
"#;
    let offered = fixes(&errors_of(text));
    assert!(offered.iter().any(|f| f.new == "summary"), "{offered:?}");
    let source = SourceFile::new("t.lsm", text);
    let run = fix_source(&source, Vocabulary::builtin(), &Limits::default());
    let changed: Vec<&str> = run.applied.iter().map(|a| a.new.as_str()).collect();
    assert!(!changed.contains(&"summary"), "{:?}", run.applied);
    assert!(run.text.contains("sumary"));
    assert!(run.text.contains("domain: public_health"));
}

#[test]
fn fixing_twice_changes_nothing_the_second_time() {
    let source = SourceFile::new("t.lsm", TYPOS);
    let first = fix_source(&source, Vocabulary::builtin(), &Limits::default());
    assert!(!first.applied.is_empty());
    let again = fix_source(
        &SourceFile::new("t.lsm", first.text.clone()),
        Vocabulary::builtin(),
        &Limits::default(),
    );
    assert!(again.applied.is_empty());
    assert_eq!(again.text, first.text);
}

/// `aktor` is as close to `actor` as to `aktør`: a file in Norwegian words gets `aktør`, one in
/// English words `actor`.
#[test]
fn a_keyword_is_fixed_in_the_words_of_the_file() {
    let norsk = "modell \"M\" {}\n\naktor kommune \"K\" {\n  type: kommune\n}\n\naktør nav \"N\" {\n  type: statlig_etat\n}\n";
    let found = fixes(&errors_of(norsk));
    let words: Vec<&str> = found.iter().map(|f| f.new.as_str()).collect();
    assert_eq!(words, ["aktør"]);
    let english = "model \"M\" {}\n\naktor kommune \"K\" {\n  type: municipality\n}\n";
    let found = fixes(&errors_of(english));
    let words: Vec<&str> = found.iter().map(|f| f.new.as_str()).collect();
    assert_eq!(words, ["actor"]);
}

/// A misspelt item id that every reference spells right: the references are not "fixed" to
/// the misspelling.
#[test]
fn references_are_not_fixed_to_a_misspelt_item_id() {
    let text = "model \"M\" {}\nactor kmomune \"K\" { type: municipality }\n\
                service a \"A\" { domain: public_health\n provider: kommune\n recipients: [kommune] }\n";
    let errors = errors_of(text);
    assert_eq!(
        errors
            .iter()
            .filter(|e| e.code() == "rammelab::unknown-reference")
            .count(),
        2
    );
    assert_eq!(fixes(&errors), []);
    assert_eq!(uses(text, "kommune"), 2);
    assert_eq!(uses("a kommune # kommune\nkommuner", "kommune"), 1);
}
