//! Lowering: pest's pairs to the owned syntax tree, one `lower_<rule>` function per grammar
//! rule. Errors that the grammar lets through on purpose (unterminated strings, bad escapes,
//! dates not in the calendar, unknown item keywords) are reported here.

use pest::iterators::Pair;

use crate::syntax::ast::{
    Arrow, Comment, Directive, DirectiveKind, Field, Ident, Item, ItemEnds, Number, QuantityNode,
    Str, ValueKind, ValueNode,
};
use crate::syntax::error::{SyntaxError, SyntaxErrorKind};
use crate::syntax::parser::{BrokenItem, Rule};
use crate::syntax::Span;
use crate::vocab::{closest, ItemKind, Words};

/// What one step of reading yields: an item or a variant line.
pub(crate) enum Lowered {
    Item(Item),
    Directive(Directive),
}

/// Lowering state for one call of the parser: where the parsed text starts in the file, and
/// where errors go.
pub(crate) struct Lower<'e> {
    base: usize,
    errors: &'e mut Vec<SyntaxError>,
    /// Lowering the values of a list, where a decimal comma cannot be told from the list's own.
    in_list: bool,
}

/// The children of a pair, without comments (those are collected once, in `lower_next`).
fn children(pair: Pair<'_, Rule>) -> impl Iterator<Item = Pair<'_, Rule>> {
    pair.into_inner().filter(|p| p.as_rule() != Rule::COMMENT)
}

impl<'e> Lower<'e> {
    pub(crate) fn new(base: usize, errors: &'e mut Vec<SyntaxError>) -> Lower<'e> {
        Lower {
            base,
            errors,
            in_list: false,
        }
    }

    fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.base + s.start(), self.base + s.end())
    }

    fn error(&mut self, kind: SyntaxErrorKind, span: Span) {
        self.errors.push(SyntaxError::new(kind, span));
    }

    /// `next`: the comments before the next item, and the item or variant line; `None` at the
    /// end of the file.
    pub(crate) fn lower_next(
        &mut self,
        pair: Pair<'_, Rule>,
        comments: &mut Vec<Comment>,
    ) -> Option<Result<Lowered, BrokenItem>> {
        // Most items hold no comment: look for one only when the text has a `#`.
        if pair.as_str().contains('#') {
            for c in pair.clone().into_inner().flatten() {
                if c.as_rule() == Rule::COMMENT {
                    comments.push(self.lower_comment(c));
                }
            }
        }
        children(pair).find_map(|p| match p.as_rule() {
            Rule::item => Some(self.lower_item(p).map(Lowered::Item)),
            Rule::directive => Some(Ok(Lowered::Directive(self.lower_directive(p)))),
            _ => None,
        })
    }

    /// `directive`: `extends "path"`, `remove id` or `change id { ... }`.
    fn lower_directive(&mut self, pair: Pair<'_, Rule>) -> Directive {
        let span = self.span(&pair);
        let inner = children(pair).next();
        let rule = inner.as_ref().map(|p| p.as_rule());
        let mut keyword = span;
        let mut words = Words::English;
        let mut id = None;
        let mut path = None;
        let mut block = None;
        for p in inner.into_iter().flat_map(children) {
            match p.as_rule() {
                Rule::extends_kw | Rule::remove_kw | Rule::change_kw => {
                    keyword = self.span(&p);
                    if matches!(p.as_str(), "utvider" | "fjern" | "endre") {
                        words = Words::Norwegian;
                    }
                }
                Rule::path => path = Some(self.lower_string(p)),
                Rule::id => id = Some(self.lower_word(p)),
                Rule::block => block = Some(self.lower_block(p)),
                _ => {}
            }
        }
        let missing = || Ident {
            name: String::new().into(),
            span,
        };
        let kind = match (rule, block) {
            (Some(Rule::extends), _) => DirectiveKind::Extends {
                path: path.unwrap_or(Str {
                    value: String::new().into(),
                    multiline: false,
                    span,
                }),
            },
            (Some(Rule::change), Some((open, fields, close))) => DirectiveKind::Change {
                id: id.unwrap_or_else(missing),
                fields,
                open,
                close,
            },
            _ => DirectiveKind::Remove {
                id: id.unwrap_or_else(missing),
            },
        };
        Directive {
            kind,
            words,
            keyword,
            span,
        }
    }

    fn lower_comment(&mut self, pair: Pair<'_, Rule>) -> Comment {
        Comment {
            text: pair.as_str().trim_end().to_string(),
            span: self.span(&pair),
        }
    }

    fn lower_item(&mut self, pair: Pair<'_, Rule>) -> Result<Item, BrokenItem> {
        let span = self.span(&pair);
        let mut keyword = None;
        let mut id = None;
        let mut name = None;
        let mut ends = None;
        let mut block = None;
        for p in children(pair) {
            match p.as_rule() {
                Rule::keyword => keyword = Some(self.lower_keyword(p)),
                Rule::id => id = Some(self.lower_id(p)),
                Rule::display_name => name = Some(self.lower_string(p)),
                Rule::ends => ends = Some(self.lower_ends(p)),
                Rule::block => block = Some(self.lower_block(p)),
                _ => {}
            }
        }
        let (Some(Some((kind, words, keyword))), Some((open, fields, close))) = (keyword, block)
        else {
            return Err(BrokenItem {
                kind: None,
                id: id.map(|i| i.name.into()),
                span,
            });
        };
        Ok(Item {
            kind,
            words,
            keyword,
            id,
            name,
            ends,
            fields,
            open,
            close,
            span,
        })
    }

    /// `keyword`: an item keyword in either language, or an error with the closest one.
    fn lower_keyword(
        &mut self,
        pair: Pair<'_, Rule>,
    ) -> Option<(ItemKind, crate::vocab::Words, Span)> {
        let span = self.span(&pair);
        let word = pair.as_str();
        match ItemKind::from_keyword(word) {
            Some((kind, words)) => Some((kind, words, span)),
            None => {
                let all = ItemKind::ALL
                    .iter()
                    .flat_map(|k| [k.keyword(), k.keyword_nb()]);
                let suggestion = closest(word, all);
                let word = word.to_string();
                self.error(SyntaxErrorKind::UnknownKeyword { word, suggestion }, span);
                None
            }
        }
    }

    fn lower_id(&mut self, pair: Pair<'_, Rule>) -> Ident {
        self.lower_word(pair)
    }

    /// `ends`: `: from -> to` or `: a <-> b`.
    fn lower_ends(&mut self, pair: Pair<'_, Rule>) -> ItemEnds {
        let span = self.span(&pair);
        let mut ids = Vec::new();
        let mut arrow = (Arrow::Flow, span);
        for p in children(pair) {
            match p.as_rule() {
                Rule::end_id => ids.push(self.lower_word(p)),
                Rule::arrow => arrow = self.lower_arrow(p),
                _ => {}
            }
        }
        let mut ids = ids.into_iter();
        let missing = || Ident {
            name: String::new().into(),
            span,
        };
        let from = ids.next().unwrap_or_else(missing);
        let to = ids.next().unwrap_or_else(missing);
        ItemEnds {
            from,
            arrow: arrow.0,
            arrow_span: arrow.1,
            to,
            span,
        }
    }

    fn lower_arrow(&mut self, pair: Pair<'_, Rule>) -> (Arrow, Span) {
        let arrow = if pair.as_str() == "<->" {
            Arrow::Agreement
        } else {
            Arrow::Flow
        };
        (arrow, self.span(&pair))
    }

    /// `block`: the `{`, the fields and the `}`.
    fn lower_block(&mut self, pair: Pair<'_, Rule>) -> (Span, Vec<Field>, Span) {
        let mut open = self.span(&pair);
        let mut close = open;
        let mut fields = Vec::new();
        for p in children(pair) {
            match p.as_rule() {
                Rule::lbrace => open = self.span(&p),
                Rule::rbrace => close = self.span(&p),
                Rule::field => fields.push(self.lower_field(p)),
                _ => {}
            }
        }
        (open, fields, close)
    }

    /// `field`: `name: value`.
    fn lower_field(&mut self, pair: Pair<'_, Rule>) -> Field {
        let span = self.span(&pair);
        let mut name = None;
        let mut value = None;
        for p in children(pair) {
            match p.as_rule() {
                Rule::field_name => name = Some(self.lower_word(p)),
                Rule::colon => {}
                _ => value = Some(self.lower_value(p)),
            }
        }
        let name = name.unwrap_or(Ident {
            name: String::new().into(),
            span,
        });
        let value = value.unwrap_or(ValueNode {
            kind: ValueKind::Invalid,
            span,
        });
        Field { name, value, span }
    }

    /// A value: a list or one of the forms of `single`.
    fn lower_value(&mut self, pair: Pair<'_, Rule>) -> ValueNode {
        let span = self.span(&pair);
        let kind = match pair.as_rule() {
            Rule::list => self.lower_list(pair),
            Rule::string | Rule::string_ml => {
                let before = self.errors.len();
                let s = self.lower_string(pair);
                if self.errors.len() > before {
                    // Already reported; the value says nothing more.
                    ValueKind::Invalid
                } else {
                    ValueKind::Str(s)
                }
            }
            Rule::date => self.lower_date(pair),
            Rule::numeric => self.lower_numeric(pair),
            Rule::word => ValueKind::Word(self.lower_word(pair)),
            _ => ValueKind::Invalid,
        };
        ValueNode { kind, span }
    }

    /// `list`: `[a, b]`.
    fn lower_list(&mut self, pair: Pair<'_, Rule>) -> ValueKind {
        self.in_list = true;
        let items = children(pair)
            .filter(|p| !matches!(p.as_rule(), Rule::lbracket | Rule::rbracket | Rule::comma))
            .map(|p| self.lower_value(p))
            .collect();
        self.in_list = false;
        ValueKind::List(items)
    }

    /// `string`, `display_name` and `string_ml`.
    fn lower_string(&mut self, pair: Pair<'_, Rule>) -> Str {
        let span = self.span(&pair);
        if pair.as_rule() == Rule::string_ml {
            let text = children(pair)
                .find(|p| p.as_rule() == Rule::ml_text)
                .map_or("", |p| p.as_str());
            return Str {
                value: dedent(text).into(),
                multiline: true,
                span,
            };
        }
        let mut value = String::new();
        for p in children(pair) {
            match p.as_rule() {
                Rule::str_text => value.push_str(p.as_str()),
                Rule::escape => self.lower_escape(p, &mut value),
                Rule::str_end => self.lower_str_end(p, span),
                _ => {}
            }
        }
        Str {
            value: value.into(),
            multiline: false,
            span,
        }
    }

    /// `escape`: `\"`, `\\`, `\n`, `\t`.
    fn lower_escape(&mut self, pair: Pair<'_, Rule>, out: &mut String) {
        match pair.as_str() {
            "\\\"" => out.push('"'),
            "\\\\" => out.push('\\'),
            "\\n" => out.push('\n'),
            "\\t" => out.push('\t'),
            other => {
                let span = self.span(&pair);
                self.error(SyntaxErrorKind::BadEscape(other.to_string()), span);
            }
        }
    }

    /// `str_end`: the closing quote, or an unterminated string.
    fn lower_str_end(&mut self, pair: Pair<'_, Rule>, string: Span) {
        if pair.as_str() != "\"" {
            self.error(SyntaxErrorKind::UnterminatedString, string);
        }
    }

    /// `date`: a date in the calendar.
    fn lower_date(&mut self, pair: Pair<'_, Rule>) -> ValueKind {
        match pair.as_str().parse::<jiff::civil::Date>() {
            Ok(date) => ValueKind::Date(date),
            Err(_) => {
                let span = self.span(&pair);
                self.error(SyntaxErrorKind::BadDate(pair.as_str().to_string()), span);
                ValueKind::Invalid
            }
        }
    }

    /// `numeric`: a number, a percentage or a quantity.
    fn lower_numeric(&mut self, pair: Pair<'_, Rule>) -> ValueKind {
        let mut amount = None;
        let mut percent = false;
        let mut unit = None;
        let mut per = None;
        let before = self.errors.len();
        for p in children(pair) {
            match p.as_rule() {
                Rule::number => amount = Some(self.lower_number(p)),
                Rule::percent => percent = true,
                Rule::unit => unit = Some(self.lower_word(p)),
                Rule::period => per = Some(self.lower_word(p)),
                _ => {}
            }
        }
        let Some(amount) = amount else {
            return ValueKind::Invalid;
        };
        if self.errors.len() > before && !self.in_list {
            // The number's spelling is already reported; the value says nothing more. (In a
            // list the number stays, so the field's type is still checked.)
            return ValueKind::Invalid;
        }
        match (percent, unit) {
            (true, _) => ValueKind::Percent(amount),
            (false, Some(unit)) => {
                ValueKind::Quantity(Box::new(QuantityNode { amount, unit, per }))
            }
            (false, None) => ValueKind::Number(amount),
        }
    }

    /// `number`: digit groups and an optional decimal part, kept in the canonical spelling
    /// (`1 200 000` as `1_200_000`, `12,5` as `12.5`), which is what `fmt` writes. A spelling
    /// that could mean something else is an error that shows the number written plainly.
    fn lower_number(&mut self, pair: Pair<'_, Rule>) -> Number {
        let written = pair.as_str();
        let span = self.span(&pair);
        let text = match canonical_number(written) {
            Ok(text) => text,
            Err(fixed) => {
                self.error(
                    SyntaxErrorKind::DigitGroups {
                        written: written.to_string(),
                        fixed,
                    },
                    span,
                );
                plain_digits(written)
            }
        };
        if self.in_list && written.contains(',') {
            self.error(
                SyntaxErrorKind::DecimalCommaInList {
                    written: written.to_string(),
                    decimal: text.clone(),
                },
                span,
            );
        }
        let digits: String = text.chars().filter(|c| *c != '_').collect();
        Number {
            value: digits.parse().unwrap_or(f64::NAN),
            whole: !text.contains('.'),
            text: text.into(),
            span,
        }
    }

    /// `word`, `id`, `end_id`, `field_name`, `unit`, `period`: a word as written.
    fn lower_word(&mut self, pair: Pair<'_, Rule>) -> Ident {
        Ident {
            name: pair.as_str().to_string().into(),
            span: self.span(&pair),
        }
    }
}

/// Whether `c` separates digit groups in a number as Norwegians write it.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}')
}

/// A number as the grammar reads it, in the canonical spelling: groups separated by single
/// spaces become `_`, a decimal comma a point. Spaced groups must be groups of three (the first
/// one to three digits) with nothing but one space between them, as in `1 200 000`; otherwise
/// the error is the number with its digits grouped by three (`1_200_000`).
fn canonical_number(written: &str) -> Result<String, String> {
    let (whole, fraction) = match written.find(['.', ',']) {
        Some(i) => (
            written.get(..i).unwrap_or(written),
            written.get(i + 1..).map(|f| format!(".{f}")),
        ),
        None => (written, None),
    };
    let fraction = fraction.unwrap_or_default();
    if !whole.contains(is_group_space) {
        return Ok(format!("{whole}{fraction}"));
    }
    let groups: Vec<&str> = whole.split(is_group_space).collect();
    let well_formed = groups.iter().enumerate().all(|(i, g)| {
        let n = g.len();
        g.bytes().all(|b| b.is_ascii_digit()) && if i == 0 { (1..=3).contains(&n) } else { n == 3 }
    });
    if well_formed {
        Ok(format!("{}{fraction}", groups.join("_")))
    } else {
        Err(plain_digits(written))
    }
}

/// The digits of a number grouped by three with `_` (`1_200_000`), its decimal part (after a
/// point) as written but without spaces.
fn plain_digits(written: &str) -> String {
    let (whole, fraction) = match written.find(['.', ',']) {
        Some(i) => (
            written.get(..i).unwrap_or(written),
            written.get(i + 1..).unwrap_or(""),
        ),
        None => (written, ""),
    };
    let digits: Vec<char> = whole.chars().filter(char::is_ascii_digit).collect();
    let mut out = String::new();
    for (i, d) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('_');
        }
        out.push(*d);
    }
    if !fraction.is_empty() {
        out.push('.');
        out.extend(fraction.chars().filter(|c| !is_group_space(*c)));
    }
    out
}

/// The text of a multi-line string: without the line break after the opening `"""`, without
/// a last line of only spaces before the closing `"""`, and without the indentation all its
/// lines share.
pub(crate) fn dedent(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let text = text.strip_prefix('\n').unwrap_or(&text);
    let text = match text.rfind('\n') {
        Some(i) if text.get(i + 1..).is_some_and(|l| l.trim().is_empty()) => {
            text.get(..i).unwrap_or(text)
        }
        _ => text,
    };
    let indent = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    text.lines()
        .map(|l| l.get(indent..).unwrap_or(l.trim_start_matches([' ', '\t'])))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::{canonical_number, dedent, plain_digits};

    #[test]
    fn norwegian_numbers_read_as_the_canonical_spelling() {
        assert_eq!(canonical_number("1 200 000").as_deref(), Ok("1_200_000"));
        assert_eq!(
            canonical_number("1\u{A0}200\u{202F}000").as_deref(),
            Ok("1_200_000")
        );
        assert_eq!(canonical_number("12,5").as_deref(), Ok("12.5"));
        assert_eq!(canonical_number("1 200,50").as_deref(), Ok("1_200.50"));
        assert_eq!(canonical_number("1_200.5").as_deref(), Ok("1_200.5"));
        assert_eq!(canonical_number("1 20 000"), Err("120_000".to_string()));
        assert_eq!(canonical_number("1200 000"), Err("1_200_000".to_string()));
        assert_eq!(canonical_number("1  200"), Err("1_200".to_string()));
        assert_eq!(canonical_number("1_200 000"), Err("1_200_000".to_string()));
        assert_eq!(plain_digits("12 3,5"), "123.5");
    }

    #[test]
    fn dedent_removes_shared_indentation_and_framing_lines() {
        assert_eq!(dedent("\n    a\n      b\n    "), "a\n  b");
        assert_eq!(dedent("one line"), "one line");
        assert_eq!(dedent(""), "");
    }
}
