//! The language guides carry the vocabulary tables as `rammelab vocab --format md` prints
//! them. Run `UPDATE_DOCS=1 cargo test --lib tests::docs` after changing `rules/vocabulary.yaml`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::render::vocab as describe;
use crate::vocab::{Lang, Vocabulary};

const END: &str = "<!-- vocab:end -->";

fn check(path: &str, lang: Lang) {
    let text = std::fs::read_to_string(path).unwrap();
    let begin = text.find("<!-- vocab:begin").expect("the begin marker");
    let inner_start = begin + text[begin..].find('\n').unwrap() + 1;
    let inner_end = text.find(END).expect("the end marker");
    let generated = format!(
        "\n{}\n",
        describe::markdown(Vocabulary::builtin(), lang).trim_end()
    );
    if text[inner_start..inner_end] == generated {
        return;
    }
    if std::env::var_os("UPDATE_DOCS").is_some() {
        let updated = format!("{}{generated}{}", &text[..inner_start], &text[inner_end..]);
        std::fs::write(path, updated).unwrap();
        return;
    }
    panic!(
        "{path} is out of date with rules/vocabulary.yaml: run `UPDATE_DOCS=1 cargo test --lib tests::docs` \
         (it puts the output of `rammelab vocab --format md --lang {}` between the markers)",
        if lang == Lang::En { "en" } else { "nb" }
    );
}

#[test]
fn the_english_guide_has_the_current_vocabulary() {
    check("docs/language.md", Lang::En);
}

#[test]
fn the_bokmaal_guide_has_the_current_vocabulary() {
    check("docs/language.nb.md", Lang::Nb);
}
