//! Condition text to [`Node`]s. pest stays inside this file.

use pest::iterators::Pair;
use pest::Parser as _;

use super::ast::{ArithOp, Ast, Binding, CmpOp, Domain, Node, Quant};
use super::{CondError, CondErrorKind};
use crate::base::limits;
use crate::syntax::Span;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/condition.pest"]
struct ConditionParser;

/// Parses a condition. Errors carry spans into `text`.
///
/// Deep nesting is refused before pest sees the text (see [`limits::condition_depth_over`]),
/// so neither the parser, the lowering, the type checker nor the evaluator can exhaust the
/// stack; the call limit bounds the parser's work.
pub fn parse_condition(text: &str) -> Result<Node, CondError> {
    if let Some((at, depth)) = limits::condition_depth_over(text, limits::MAX_CONDITION_DEPTH) {
        let max = limits::MAX_CONDITION_DEPTH;
        return Err(
            CondError::new(CondErrorKind::TooDeep { depth, max }, Span::new(at, at + 1)).with_hint(
                Some(super::Hint::new("rules-cond-help-too-deep").arg("max", max.to_string())),
            ),
        );
    }
    limits::set_pest_call_limit();
    let mut pairs = ConditionParser::parse(Rule::condition, text).map_err(syntax_error)?;
    let cond = pairs.next().ok_or_else(|| {
        CondError::syntax(Span::new(0, 0), vec!["rules-cond-expected-expression"])
    })?;
    let expr = cond
        .into_inner()
        .find(|p| p.as_rule() == Rule::expr)
        .ok_or_else(|| {
            CondError::syntax(
                Span::new(0, text.len()),
                vec!["rules-cond-expected-expression"],
            )
        })?;
    lower_expr(expr)
}

fn syntax_error(e: pest::error::Error<Rule>) -> CondError {
    let (start, end) = match e.location {
        pest::error::InputLocation::Pos(p) => (p, p),
        pest::error::InputLocation::Span((s, e)) => (s, e),
    };
    let mut expected: Vec<&'static str> = match &e.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => {
            positives.iter().filter_map(|r| describe(*r)).collect()
        }
        pest::error::ErrorVariant::CustomError { .. } => Vec::new(),
    };
    // In the order of their English words, as they have always been listed.
    expected.sort_by_key(|k| crate::text!(crate::vocab::Lang::En, k));
    expected.dedup();
    if expected.is_empty() {
        expected.push("rules-cond-expected-well-formed");
    }
    CondError::syntax(Span::new(start, end), expected)
}

/// Grammar rules in words a rule author understands: the catalogue key of each
/// (`rules-cond-expected-*` in `locales/<lang>/rules.ftl`).
fn describe(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::EOI => "rules-cond-expected-end",
        Rule::expr | Rule::and_expr | Rule::not_expr | Rule::comparison | Rule::sum => {
            "rules-cond-expected-expression"
        }
        Rule::cmp_op => "rules-cond-expected-comparison",
        Rule::in_op | Rule::not_in_op => "rules-cond-expected-in",
        Rule::kw_and => "rules-cond-expected-and",
        Rule::kw_or => "rules-cond-expected-or",
        Rule::contains_op => "rules-cond-expected-contains",
        Rule::intersects_op => "rules-cond-expected-intersects",
        Rule::add_op | Rule::mul_op => "rules-cond-expected-arithmetic",
        Rule::path | Rule::ident => "rules-cond-expected-path",
        Rule::number | Rule::quantity => "rules-cond-expected-number",
        Rule::string => "rules-cond-expected-string",
        Rule::date => "rules-cond-expected-date",
        Rule::list => "rules-cond-expected-list",
        Rule::binding => "rules-cond-expected-binding",
        Rule::unit => "rules-cond-expected-unit",
        Rule::period => "rules-cond-expected-period",
        _ => return None,
    })
}

/// The span of a pair, without the whitespace pest lets trail inside it.
fn span(p: &Pair<Rule>) -> Span {
    let s = p.as_span();
    let text = p.as_str();
    let trailing = text.len() - text.trim_end().len();
    Span::new(s.start(), s.end() - trailing)
}

fn node(ast: Ast, span: Span) -> Node {
    Node { ast, span }
}

fn children(p: Pair<'_, Rule>) -> Vec<Pair<'_, Rule>> {
    p.into_inner().collect()
}

/// Folds `a op b op c` where operators are the odd children (or absent for `and`/`or`).
fn lower_expr(p: Pair<Rule>) -> Result<Node, CondError> {
    let sp = span(&p);
    match p.as_rule() {
        Rule::expr | Rule::and_expr => {
            let is_or = p.as_rule() == Rule::expr;
            let parts: Vec<Node> = children(p)
                .into_iter()
                .filter(|c| !matches!(c.as_rule(), Rule::kw_or | Rule::kw_and))
                .map(lower_expr)
                .collect::<Result<_, _>>()?;
            Ok(match parts.len() {
                1 => parts
                    .into_iter()
                    .next()
                    .unwrap_or_else(|| node(Ast::Bool(true), sp)),
                _ if is_or => node(Ast::Or(parts), sp),
                _ => node(Ast::And(parts), sp),
            })
        }
        Rule::not_expr => {
            let mut cs = children(p);
            if cs.len() == 2 {
                let inner = lower_expr(cs.remove(1))?;
                Ok(node(Ast::Not(Box::new(inner)), sp))
            } else {
                let only = cs
                    .pop()
                    .ok_or_else(|| CondError::syntax(sp, vec!["rules-cond-expected-expression"]))?;
                lower_expr(only)
            }
        }
        Rule::comparison => lower_comparison(p),
        Rule::sum | Rule::product => lower_arith(p),
        _ => lower_atom(p),
    }
}

fn lower_comparison(p: Pair<Rule>) -> Result<Node, CondError> {
    let sp = span(&p);
    let mut cs = children(p).into_iter();
    let lhs = match cs.next() {
        Some(c) => lower_expr(c)?,
        None => {
            return Err(CondError::syntax(
                sp,
                vec!["rules-cond-expected-expression"],
            ))
        }
    };
    let Some(op) = cs.next() else {
        return Ok(lhs);
    };
    let rhs = match cs.next() {
        Some(c) => lower_expr(c)?,
        None => {
            return Err(CondError::syntax(
                sp,
                vec!["rules-cond-expected-expression"],
            ))
        }
    };
    let (l, r) = (Box::new(lhs), Box::new(rhs));
    let ast = match op.as_rule() {
        Rule::cmp_op => {
            let op = match op.as_str() {
                "==" => CmpOp::Eq,
                "!=" => CmpOp::Ne,
                "<" => CmpOp::Lt,
                "<=" => CmpOp::Le,
                ">" => CmpOp::Gt,
                _ => CmpOp::Ge,
            };
            Ast::Cmp(op, l, r)
        }
        Rule::in_op => Ast::In {
            negated: false,
            value: l,
            set: r,
        },
        Rule::not_in_op => Ast::In {
            negated: true,
            value: l,
            set: r,
        },
        Rule::contains_op => Ast::Contains(l, r),
        _ => Ast::Intersects(l, r),
    };
    Ok(node(ast, sp))
}

fn lower_arith(p: Pair<Rule>) -> Result<Node, CondError> {
    let mut cs = children(p).into_iter();
    let mut acc = match cs.next() {
        Some(c) => lower_expr(c)?,
        None => {
            return Err(CondError::syntax(
                Span::default(),
                vec!["rules-cond-expected-expression"],
            ))
        }
    };
    while let (Some(op), Some(rhs)) = (cs.next(), cs.next()) {
        let op = match op.as_str() {
            "+" => ArithOp::Add,
            "-" => ArithOp::Sub,
            "*" => ArithOp::Mul,
            _ => ArithOp::Div,
        };
        let rhs = lower_expr(rhs)?;
        let sp = acc.span.join(rhs.span);
        acc = node(Ast::Arith(op, Box::new(acc), Box::new(rhs)), sp);
    }
    Ok(acc)
}

fn lower_atom(p: Pair<Rule>) -> Result<Node, CondError> {
    let sp = span(&p);
    match p.as_rule() {
        Rule::quantifier => lower_quantifier(p),
        Rule::count => lower_count(p),
        Rule::has => {
            let path = children(p)
                .into_iter()
                .find(|c| c.as_rule() == Rule::path)
                .ok_or_else(|| CondError::syntax(sp, vec!["rules-cond-expected-a-path"]))?;
            Ok(node(Ast::Has(Box::new(lower_path(path))), sp))
        }
        Rule::list => {
            let items = children(p)
                .into_iter()
                .map(lower_atom)
                .collect::<Result<_, _>>()?;
            Ok(node(Ast::List(items), sp))
        }
        Rule::path => Ok(lower_path(p)),
        Rule::number => Ok(node(Ast::Number(number(p.as_str(), sp)?), sp)),
        Rule::quantity => lower_quantity(p),
        Rule::string => {
            let raw = p.as_str();
            let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or("");
            Ok(node(Ast::Str(unescape(inner)), sp))
        }
        Rule::boolean => Ok(node(Ast::Bool(matches!(p.as_str(), "yes" | "true")), sp)),
        Rule::date => Ok(node(Ast::Date(p.as_str().to_string()), sp)),
        _ => lower_expr(p),
    }
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(o) => out.push(o),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn number(text: &str, sp: Span) -> Result<f64, CondError> {
    text.replace('_', "")
        .parse::<f64>()
        .map_err(|_| CondError::syntax(sp, vec!["rules-cond-expected-number"]))
}

fn lower_quantity(p: Pair<Rule>) -> Result<Node, CondError> {
    let sp = span(&p);
    let mut value = 0.0;
    let mut unit = None;
    let mut per = None;
    let mut percent = false;
    for c in p.into_inner() {
        match c.as_rule() {
            Rule::number => value = number(c.as_str(), span(&c))?,
            Rule::percent => percent = true,
            Rule::unit => unit = Some((c.as_str().to_string(), span(&c))),
            Rule::period => per = Some((c.as_str().to_string(), span(&c))),
            _ => {}
        }
    }
    match (percent, unit) {
        (true, _) => Ok(node(Ast::Percent(value), sp)),
        (false, Some(unit)) => Ok(node(Ast::Quantity { value, unit, per }, sp)),
        (false, None) => Ok(node(Ast::Number(value), sp)),
    }
}

fn lower_path(p: Pair<Rule>) -> Node {
    let sp = span(&p);
    let segs = p
        .into_inner()
        .filter(|c| c.as_rule() == Rule::ident)
        .map(|c| (c.as_str().to_string(), span(&c)))
        .collect();
    node(Ast::Path(segs), sp)
}

fn lower_binding(p: Pair<Rule>) -> Result<Binding, CondError> {
    let sp = span(&p);
    let cs = children(p);
    let idents: Vec<&Pair<Rule>> = cs.iter().filter(|c| c.as_rule() == Rule::ident).collect();
    let path = cs.iter().find(|c| c.as_rule() == Rule::path);
    match (idents.as_slice(), path) {
        ([var], Some(path)) => Ok(Binding {
            var: var.as_str().to_string(),
            var_span: span(var),
            domain: Domain::Path(Box::new(lower_path(path.clone()))),
        }),
        ([kind, var], None) => Ok(Binding {
            var: var.as_str().to_string(),
            var_span: span(var),
            domain: Domain::Kind {
                kind: kind.as_str().to_string(),
                kind_span: span(kind),
            },
        }),
        _ => Err(CondError::syntax(sp, vec!["rules-cond-expected-a-binding"])),
    }
}

fn lower_quantifier(p: Pair<Rule>) -> Result<Node, CondError> {
    let sp = span(&p);
    let mut q = Quant::Any;
    let mut binding = None;
    let mut body = None;
    for c in p.into_inner() {
        match c.as_rule() {
            Rule::quant_kw => {
                q = match c.as_str() {
                    "all" => Quant::All,
                    "none" => Quant::None,
                    _ => Quant::Any,
                }
            }
            Rule::binding => binding = Some(lower_binding(c)?),
            Rule::expr => body = Some(lower_expr(c)?),
            _ => {}
        }
    }
    match (binding, body) {
        (Some(b), Some(body)) => Ok(node(Ast::Quantifier(q, b, Box::new(body)), sp)),
        _ => Err(CondError::syntax(
            sp,
            vec!["rules-cond-expected-quantifier"],
        )),
    }
}

fn lower_count(p: Pair<Rule>) -> Result<Node, CondError> {
    let sp = span(&p);
    let mut binding = None;
    let mut body = None;
    let mut path = None;
    for c in p.into_inner() {
        match c.as_rule() {
            Rule::binding => binding = Some(lower_binding(c)?),
            Rule::expr => body = Some(lower_expr(c)?),
            Rule::path => path = Some(lower_path(c)),
            _ => {}
        }
    }
    match (binding, body, path) {
        (Some(b), Some(body), _) => Ok(node(Ast::CountWhere(b, Box::new(body)), sp)),
        (_, _, Some(path)) => Ok(node(Ast::CountOf(Box::new(path)), sp)),
        _ => Err(CondError::syntax(sp, vec!["rules-cond-expected-count"])),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn parses(s: &str) -> Node {
        match parse_condition(s) {
            Ok(n) => n,
            Err(e) => panic!("{s}: {e:?}"),
        }
    }

    #[test]
    fn precedence_and_forms() {
        let n = parses("a.b == c and not d.e in [x, y] or count(flow f: f.x > 3 NOK) >= 2");
        assert!(matches!(n.ast, Ast::Or(ref v) if v.len() == 2));
        parses("flow.amount * flow.duration > param.procurement.national_threshold");
        parses("any(agreement a: a.kind == data_processing and a.parties contains flow.to)");
        parses("all(f in service.requires: has(f.legal_basis))");
        parses("flow.legal_basis == none");
        parses("flow.data intersects set.special and x not in set.public_bodies");
        parses("x > 40 % and y == 2026-07-01 and z == \"text\" and w == yes");
        parses("flow.amount >= 400 hours per year");
    }

    #[test]
    fn syntax_errors_point_at_the_problem() {
        let e = parse_condition("flow.resource == ").unwrap_err();
        assert!(format!("{e}").contains("expected"));
        assert!(parse_condition("any(agreement: x)").is_err());
        assert!(parse_condition("a == b )").is_err());
    }
}
