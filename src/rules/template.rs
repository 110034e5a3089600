//! Message templates: text with `{path}` holes (`Kommunen sender opplysninger til {flow.to}`),
//! compiled once when rules load, filled in for each finding.

use super::condition::{parse_condition, Checker, CondError, Expr, Scope, Ty};
use crate::syntax::Span;

/// A piece of a template.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    Hole(Expr, Ty),
}

/// A compiled template.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Template {
    pub pieces: Vec<Piece>,
}

/// Compiles a template; `{{` and `}}` stand for literal braces. Errors carry spans into `text`.
pub fn compile(text: &str, checker: &Checker, scope: &Scope) -> Result<Template, CondError> {
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(i) = rest.find(['{', '}']) {
        let (before, after) = rest.split_at(i);
        literal.push_str(before);
        let brace = after.chars().next().unwrap_or('{');
        if after[1..].starts_with(brace) {
            literal.push(brace);
            rest = &after[2..];
            offset += i + 2;
            continue;
        }
        if brace == '}' {
            return Err(CondError::syntax(
                Span::new(offset + i, offset + i + 1),
                vec!["rules-cond-expected-open-brace"],
            ));
        }
        let Some(close) = after.find('}') else {
            return Err(CondError::syntax(
                Span::new(offset + i, offset + text.len().min(offset + i + 1)),
                vec!["rules-cond-expected-close-brace"],
            ));
        };
        let inner = &after[1..close];
        let inner_start = offset + i + 1;
        let node = parse_condition(inner).map_err(|e| shift(e, inner_start))?;
        let (expr, ty) = checker
            .check_value(&node, &mut scope.clone())
            .map_err(|e| shift(e, inner_start))?;
        if !literal.is_empty() {
            pieces.push(Piece::Text(std::mem::take(&mut literal)));
        }
        pieces.push(Piece::Hole(expr, ty));
        rest = &after[close + 1..];
        offset += i + close + 1;
    }
    literal.push_str(rest);
    if !literal.is_empty() {
        pieces.push(Piece::Text(literal));
    }
    Ok(Template { pieces })
}

fn shift(mut e: CondError, by: usize) -> CondError {
    e.span = Span::new(e.span.start as usize + by, e.span.end as usize + by);
    e
}
