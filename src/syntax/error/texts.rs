//! The words of syntax errors, from the word catalogue (`locales/<lang>/syntax.ftl`).

use crate::base::words::{self, join, Texts};
use crate::syntax::{Expected, Found, SyntaxErrorKind};
use crate::text;
use crate::vocab::Lang;

/// The catalogue key of what the reader expected.
fn expected_key(e: Expected) -> &'static str {
    match e {
        Expected::Item => "syntax-expected-item",
        Expected::EndOfFile => "syntax-expected-end-of-file",
        Expected::Id => "syntax-expected-id",
        Expected::DisplayName => "syntax-expected-display-name",
        Expected::Ends => "syntax-expected-ends",
        Expected::ItemRef => "syntax-expected-item-ref",
        Expected::Colon => "syntax-expected-colon",
        Expected::Arrow => "syntax-expected-arrow",
        Expected::OpenBrace => "syntax-expected-open-brace",
        Expected::CloseBrace => "syntax-expected-close-brace",
        Expected::Field => "syntax-expected-field",
        Expected::Value => "syntax-expected-value",
        Expected::Comma => "syntax-expected-comma",
        Expected::CloseBracket => "syntax-expected-close-bracket",
        Expected::Unit => "syntax-expected-unit",
        Expected::Period => "syntax-expected-period",
        Expected::Path => "syntax-expected-path",
    }
}

fn expected(e: Expected, lang: Lang) -> String {
    words::text(lang, expected_key(e), &[])
}

fn found(f: &Found, lang: Lang) -> String {
    match f {
        Found::Text(t) => format!("`{t}`"),
        Found::LineBreak => text!(lang, "syntax-found-line-break"),
        Found::EndOfFile => text!(lang, "syntax-found-end-of-file"),
    }
}

/// Message, label and help from `syntax-<name>`, `-label` and `-help` without values.
fn plain(lang: Lang, message: &str, label: &str, help: &str) -> Texts {
    Texts::new(
        words::text(lang, message, &[]),
        words::text(lang, label, &[]),
    )
    .help(words::text(lang, help, &[]))
}

pub fn texts(kind: &SyntaxErrorKind, lang: Lang) -> Texts {
    let or = text!(lang, "diag-or");
    match kind {
        SyntaxErrorKind::Unexpected {
            expected: e,
            found: f,
        } => {
            let names: Vec<String> = e.iter().map(|x| expected(*x, lang)).collect();
            let what = if names.is_empty() {
                text!(lang, "syntax-expected-something-else")
            } else {
                join(&names, &or)
            };
            let help = if e.contains(&Expected::Colon) && e.len() == 1 {
                Some(text!(lang, "syntax-help-field"))
            } else if e.contains(&Expected::Value) {
                Some(text!(lang, "syntax-help-value"))
            } else if e.contains(&Expected::Item) {
                Some(text!(lang, "syntax-help-item"))
            } else {
                None
            };
            let short: Vec<String> = e
                .iter()
                .map(|x| match x {
                    Expected::Item => text!(lang, "syntax-expected-item-short"),
                    x => expected(*x, lang),
                })
                .collect();
            Texts::new(
                text!(
                    lang,
                    "syntax-unexpected",
                    what = what,
                    found = found(f, lang)
                ),
                text!(lang, "syntax-unexpected-label", what = join(&short, &or)),
            )
            .maybe_help(help)
        }
        SyntaxErrorKind::UnknownKeyword { word, suggestion } => Texts::new(
            text!(lang, "syntax-unknown-keyword", word = word),
            text!(lang, "syntax-unknown-keyword-label"),
        )
        .help(match suggestion {
            Some(s) => text!(lang, "diag-did-you-mean", suggestion = s),
            None => text!(lang, "syntax-unknown-keyword-help"),
        }),
        SyntaxErrorKind::MissingBrace => plain(
            lang,
            "syntax-missing-brace",
            "syntax-missing-brace-label",
            "syntax-missing-brace-help",
        ),
        SyntaxErrorKind::UnterminatedString => plain(
            lang,
            "syntax-unterminated-string",
            "syntax-unterminated-string-label",
            "syntax-unterminated-string-help",
        ),
        SyntaxErrorKind::UnterminatedMultiline => plain(
            lang,
            "syntax-unterminated-multiline",
            "syntax-unterminated-multiline-label",
            "syntax-unterminated-multiline-help",
        ),
        SyntaxErrorKind::BadEscape(e) => Texts::new(
            text!(lang, "syntax-bad-escape", escape = e),
            text!(lang, "syntax-bad-escape-label"),
        )
        .help(text!(lang, "syntax-bad-escape-help")),
        SyntaxErrorKind::BadDate(d) => Texts::new(
            text!(lang, "syntax-bad-date", date = d),
            text!(lang, "syntax-bad-date-label"),
        )
        .help(text!(lang, "syntax-bad-date-help")),
        SyntaxErrorKind::DigitGroups { written, fixed } => Texts::new(
            text!(lang, "syntax-digit-groups", written = written),
            text!(lang, "syntax-digit-groups-label"),
        )
        .help(text!(
            lang,
            "syntax-digit-groups-help",
            fixed = fixed,
            spaced = fixed.replace('_', " ")
        )),
        SyntaxErrorKind::DecimalCommaInList { written, decimal } => Texts::new(
            text!(lang, "syntax-decimal-comma-in-list", written = written),
            text!(lang, "syntax-decimal-comma-in-list-label"),
        )
        .help(text!(
            lang,
            "syntax-decimal-comma-in-list-help",
            decimal = decimal,
            split = written.replacen(',', ", ", 1)
        )),
        SyntaxErrorKind::SpacedDecimalComma { written, decimal } => Texts::new(
            text!(lang, "syntax-spaced-decimal-comma", written = written),
            text!(lang, "syntax-spaced-decimal-comma-label"),
        )
        .help(text!(
            lang,
            "syntax-spaced-decimal-comma-help",
            decimal = decimal,
            comma = decimal.replacen('.', ",", 1)
        )),
        SyntaxErrorKind::TooComplex => plain(
            lang,
            "syntax-too-complex",
            "syntax-too-complex-label",
            "syntax-too-complex-help",
        ),
        SyntaxErrorKind::Limit(l) => words::limit(l, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every expected token has its words in both languages (the keys are picked by a match,
    /// which the scan in tests/cli/words.rs reads, but this checks they format).
    #[test]
    fn every_expected_token_has_words() {
        use Expected::*;
        for e in [
            Item,
            EndOfFile,
            Id,
            DisplayName,
            Ends,
            ItemRef,
            Colon,
            Arrow,
            OpenBrace,
            CloseBrace,
            Field,
            Value,
            Comma,
            CloseBracket,
            Unit,
            Period,
            Path,
        ] {
            for lang in Lang::ALL {
                assert!(!expected(e, lang).is_empty());
            }
        }
        assert_eq!(expected(OpenBrace, Lang::En), "`{`");
    }
}
