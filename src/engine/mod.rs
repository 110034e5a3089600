//! The engine: every rule in force at a date, evaluated against every item of the kind it looks
//! at, yields findings; opportunities are then linked to the barriers they mitigate.
//!
//! Evaluation is deterministic: findings are sorted by their subject's place in the model file,
//! then by rule id.

pub mod eval;
pub mod testing;

use jiff::civil::Date;

use crate::model::{ItemId, Model};
use crate::rules::condition::Const;
use crate::rules::template::{Piece, Template};
use crate::rules::{MitigationScope, Rule, RuleKind, RuleSet, Severity};
use crate::vocab::{ItemKind, Lang, Text};
use eval::{Ctx, V};
pub use eval::{Step, Subject};

/// One rule that fired on one item.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Index of the rule in [`RuleSet::rules`].
    pub rule: usize,
    pub subject: Subject,
    pub message: Text,
    pub remedy: Text,
    /// Opportunity findings (indexes into [`Evaluation::findings`]) that mitigate this barrier.
    pub mitigated_by: Vec<usize>,
    /// Opportunities that would mitigate this barrier but that the barrier refuses
    /// (`not_mitigated_by`: a trial under forsøksloven cannot set aside EU/EEA law).
    pub refused: Vec<usize>,
    /// For an opportunity: the barrier findings it mitigates.
    pub mitigates: Vec<usize>,
}

/// The findings of a rule set on a model at a date.
#[derive(Debug, Clone)]
pub struct Evaluation<'a> {
    pub model: &'a Model,
    pub rules: &'a RuleSet,
    pub at: Date,
    /// Indexes of the rules in force at `at` that were evaluated (applicable to the model).
    pub evaluated: Vec<usize>,
    pub findings: Vec<Finding>,
    /// Findings set aside by an exemption of an overlay: (rule index, subject, overlay id).
    pub exempted: Vec<(usize, Subject, String)>,
}

impl<'a> Evaluation<'a> {
    pub fn rule(&self, f: &Finding) -> &'a Rule {
        &self.rules.rules[f.rule]
    }

    /// Is a barrier finding left without any mitigating opportunity?
    pub fn unmitigated(&self, f: &Finding) -> bool {
        self.rule(f).kind == RuleKind::Barrier && f.mitigated_by.is_empty()
    }

    pub fn barriers(&self) -> impl Iterator<Item = (usize, &Finding)> {
        self.findings
            .iter()
            .enumerate()
            .filter(|(_, f)| self.rules.rules[f.rule].kind == RuleKind::Barrier)
    }

    pub fn opportunities(&self) -> impl Iterator<Item = (usize, &Finding)> {
        self.findings
            .iter()
            .enumerate()
            .filter(|(_, f)| self.rules.rules[f.rule].kind == RuleKind::Opportunity)
    }

    /// The worst severity among the barriers (None when there are none).
    pub fn worst(&self) -> Option<Severity> {
        self.barriers().map(|(_, f)| self.rule(f).severity).max()
    }
}

/// Parameter values at a date, indexed like [`RuleSet::params`].
pub fn params_at(rules: &RuleSet, at: Date) -> Vec<Option<Const>> {
    rules
        .params
        .iter()
        .map(|p| p.at(at).map(|(c, _)| c.clone()))
        .collect()
}

/// Evaluates every rule in force at `at` against the model.
pub fn evaluate<'a>(model: &'a Model, rules: &'a RuleSet, at: Date) -> Evaluation<'a> {
    let params = params_at(rules, at);
    let vocab = &rules.vocab;
    let mut ctx = Ctx::new(model, vocab, &params);
    let mut findings = Vec::new();
    let mut evaluated = Vec::new();
    for kind in ItemKind::ALL {
        let subjects: Vec<Subject> = match kind {
            ItemKind::Model => vec![Subject::Model],
            k => model.of_kind(k).iter().map(|&i| Subject::Item(i)).collect(),
        };
        for &ri in rules.rules_for(kind) {
            let rule = &rules.rules[ri];
            if !rule.in_force(at) {
                continue;
            }
            evaluated.push(ri);
            for &s in &subjects {
                ctx.bind(s, rule.slots);
                if ctx.holds(&rule.when) {
                    let message = render_texts(&mut ctx, rule, s, |r| &r.message);
                    let remedy = render_texts(&mut ctx, rule, s, |r| &r.remedy);
                    findings.push(Finding {
                        rule: ri,
                        subject: s,
                        message,
                        remedy,
                        mitigated_by: Vec::new(),
                        refused: Vec::new(),
                        mitigates: Vec::new(),
                    });
                }
            }
        }
    }
    evaluated.sort_by(|a, b| rules.rules[*a].id.cmp(&rules.rules[*b].id));
    let exempted = set_aside_exempted(model, rules, at, &mut findings);
    findings.sort_by(|a, b| {
        position(model, a.subject)
            .cmp(&position(model, b.subject))
            .then_with(|| rules.rules[a.rule].id.cmp(&rules.rules[b.rule].id))
    });
    link_mitigations(model, rules, &mut findings);
    Evaluation {
        model,
        rules,
        at,
        evaluated,
        findings,
        exempted,
    }
}

/// Removes the findings that an overlay's exemption sets aside for this model at this date.
fn set_aside_exempted(
    model: &Model,
    rules: &RuleSet,
    at: Date,
    findings: &mut Vec<Finding>,
) -> Vec<(usize, Subject, String)> {
    if rules.exemptions.is_empty() {
        return Vec::new();
    }
    let municipality = rules
        .vocab
        .field_by_name(ItemKind::Model, "municipality")
        .and_then(|f| model.header.get(f))
        .and_then(|v| match v {
            crate::model::Value::Str(s) => Some(s.as_str()),
            _ => None,
        });
    let mut out = Vec::new();
    findings.retain(|f| {
        let rule = &rules.rules[f.rule];
        if rule.kind != RuleKind::Barrier {
            return true;
        }
        let hit = rules.exemptions.iter().find(|x| {
            x.applies(model.name(), municipality, at) && x.targets.iter().any(|t| t.matches(rule))
        });
        match hit {
            Some(x) => {
                out.push((f.rule, f.subject, x.overlay.clone()));
                false
            }
            None => true,
        }
    });
    out
}

fn position(model: &Model, s: Subject) -> (u32, u32) {
    match s {
        Subject::Model => (0, 0),
        Subject::Item(id) => (1, model.item(id).id_span.start),
    }
}

fn render_texts<'m>(
    ctx: &mut Ctx<'m>,
    rule: &'m Rule,
    s: Subject,
    pick: impl Fn(&'m Rule) -> &'m crate::rules::Texts,
) -> Text {
    let texts = pick(rule);
    Text {
        nb: fill(ctx, rule, s, &texts.nb, Lang::Nb),
        en: fill(ctx, rule, s, &texts.en, Lang::En),
    }
}

/// Fills a template's holes with the values the subject gives them.
pub fn fill<'m>(ctx: &mut Ctx<'m>, rule: &Rule, s: Subject, t: &'m Template, lang: Lang) -> String {
    let mut out = String::new();
    for p in &t.pieces {
        match p {
            Piece::Text(s) => out.push_str(s),
            Piece::Hole(e, _) => {
                ctx.bind(s, rule.slots.max(4));
                let v: V = ctx.eval(e, 1);
                out.push_str(&eval::render(ctx.model, ctx.vocab, &v, lang));
            }
        }
    }
    out
}

/// Items directly linked to an item: a flow's ends, an agreement's parties, everything an item's
/// reference fields name.
fn neighbours(model: &Model, id: ItemId) -> impl Iterator<Item = ItemId> + '_ {
    let item = model.item(id);
    let ends: Vec<ItemId> = match item.ends {
        crate::model::Ends::Flow { from, to } => vec![from, to],
        crate::model::Ends::Agreement { a, b } => vec![a, b],
        crate::model::Ends::None => vec![],
    };
    ends.into_iter().chain(
        item.fields
            .iter()
            .flat_map(|f| f.value.refs().iter().copied()),
    )
}

fn in_scope(model: &Model, scope: MitigationScope, a: Subject, b: Subject) -> bool {
    match (scope, a, b) {
        (MitigationScope::Model, _, _) | (_, Subject::Model, _) | (_, _, Subject::Model) => {
            scope == MitigationScope::Model || a == b
        }
        (MitigationScope::Subject, x, y) => x == y,
        (MitigationScope::Related, Subject::Item(x), Subject::Item(y)) => {
            x == y || neighbours(model, x).any(|n| n == y) || neighbours(model, y).any(|n| n == x)
        }
    }
}

fn link_mitigations(model: &Model, rules: &RuleSet, findings: &mut [Finding]) {
    let n = findings.len();
    for b in 0..n {
        let barrier = &rules.rules[findings[b].rule];
        if barrier.kind != RuleKind::Barrier {
            continue;
        }
        for o in 0..n {
            let opp = &rules.rules[findings[o].rule];
            if opp.kind != RuleKind::Opportunity
                || !opp.mitigates.iter().any(|t| t.matches(barrier))
                || !in_scope(
                    model,
                    opp.mitigation_scope,
                    findings[o].subject,
                    findings[b].subject,
                )
            {
                continue;
            }
            if barrier.not_mitigated_by.iter().any(|t| t.matches(opp)) {
                findings[b].refused.push(o);
            } else {
                findings[b].mitigated_by.push(o);
                findings[o].mitigates.push(b);
            }
        }
    }
}

/// The steps of a finding's condition, with the values that made each part hold.
pub fn explain(model: &Model, rules: &RuleSet, at: Date, f: &Finding, lang: Lang) -> Vec<Step> {
    let params = params_at(rules, at);
    let rule = &rules.rules[f.rule];
    let mut ctx = Ctx::new(model, &rules.vocab, &params);
    ctx.lang = lang;
    ctx.trace = Some(Vec::new());
    ctx.bind(f.subject, rule.slots);
    let held = ctx.holds(&rule.when);
    let mut steps = ctx.trace.take().unwrap_or_default();
    if steps.is_empty() {
        steps.push(Step {
            span: rule.when.span,
            held,
            values: Vec::new(),
        });
    }
    steps
}
