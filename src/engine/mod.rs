//! The engine: every rule in force at a date, evaluated against every item of the kind it looks
//! at, yields findings; opportunities are then linked to the barriers they mitigate.
//!
//! Evaluation is deterministic: findings are sorted by their subject's place in the model file,
//! then by rule id.

pub mod eval;
pub mod index;
pub mod testing;
#[cfg(test)]
mod tests;
mod value;

use std::collections::HashMap;

use jiff::civil::Date;

use crate::model::{ItemId, Model};
use crate::rules::condition::Const;
use crate::rules::template::{Piece, Template};
use crate::rules::{MitigationScope, Rule, RuleKind, RuleSet, Severity};
use crate::vocab::{ItemKind, Lang};
use eval::{Ctx, V};
pub use eval::{Step, Subject};
pub use index::Index;

/// One rule that fired on one item.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Index of the rule in [`RuleSet::rules`].
    pub rule: usize,
    pub subject: Subject,
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
    /// The model evaluated.
    pub model: &'a Model,
    /// The rules evaluated.
    pub rules: &'a RuleSet,
    /// The date the rules were evaluated at.
    pub at: Date,
    /// Indexes of the rules in force at `at` that were evaluated (applicable to the model).
    pub evaluated: Vec<usize>,
    /// What fired, barriers and opportunities, in the order of the rules and the model's items.
    pub findings: Vec<Finding>,
    /// Findings set aside by an exemption of an overlay: (rule index, subject, overlay id).
    pub exempted: Vec<(usize, Subject, String)>,
    /// The parameters' values at `at`, indexed like [`RuleSet::params`], for the texts.
    pub params: Vec<Option<Const>>,
}

impl<'a> Evaluation<'a> {
    /// The rule a finding came from.
    pub fn rule(&self, f: &Finding) -> &'a Rule {
        &self.rules.rules[f.rule]
    }

    /// Is a barrier finding left without any mitigating opportunity?
    pub fn unmitigated(&self, f: &Finding) -> bool {
        self.rule(f).kind == RuleKind::Barrier && f.mitigated_by.is_empty()
    }

    /// The barriers, with their index in `findings`.
    pub fn barriers(&self) -> impl Iterator<Item = (usize, &Finding)> {
        self.findings
            .iter()
            .enumerate()
            .filter(|(_, f)| self.rules.rules[f.rule].kind == RuleKind::Barrier)
    }

    /// The opportunities, with their index in `findings`.
    pub fn opportunities(&self) -> impl Iterator<Item = (usize, &Finding)> {
        self.findings
            .iter()
            .enumerate()
            .filter(|(_, f)| self.rules.rules[f.rule].kind == RuleKind::Opportunity)
    }

    /// The finding's message in `lang`, its rule's template filled for its subject.
    ///
    /// Texts are filled when asked for, not when the rule fires: a large model has hundreds
    /// of thousands of findings, and filling four texts for each (two per language) was
    /// nearly half of evaluating, for texts of which a report shows one language.
    pub fn message(&self, f: &Finding, lang: Lang) -> String {
        let rule = self.rule(f);
        self.fill(rule, f.subject, rule.message.get(lang), lang)
    }

    /// The finding's remedy in `lang` (see [`Evaluation::message`]).
    pub fn remedy(&self, f: &Finding, lang: Lang) -> String {
        let rule = self.rule(f);
        self.fill(rule, f.subject, rule.remedy.get(lang), lang)
    }

    fn fill(&self, rule: &'a Rule, s: Subject, t: &'a Template, lang: Lang) -> String {
        let mut ctx = Ctx::new(self.model, &self.rules.vocab, &self.params);
        fill(&mut ctx, rule, s, t, lang)
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
///
/// The model is indexed once ([`Index`]); each rule then visits only the subjects its plan
/// lists, and quantifiers and counts follow their plans (see [`crate::rules::condition::plan`]).
pub fn evaluate<'a>(model: &'a Model, rules: &'a RuleSet, at: Date) -> Evaluation<'a> {
    let index = Index::build(model);
    evaluate_with(model, rules, at, Some(&index))
}

/// Evaluates without indexes or plans: every quantifier tries every item of its kind and
/// mitigations are linked pair by pair. Slow on large models; it is the reference that tests
/// hold the planned evaluation to.
#[cfg(test)]
pub fn evaluate_reference<'a>(model: &'a Model, rules: &'a RuleSet, at: Date) -> Evaluation<'a> {
    evaluate_with(model, rules, at, None)
}

fn evaluate_with<'a>(
    model: &'a Model,
    rules: &'a RuleSet,
    at: Date,
    index: Option<&Index>,
) -> Evaluation<'a> {
    let params = params_at(rules, at);
    let vocab = &rules.vocab;
    let mut ctx = Ctx::new(model, vocab, &params);
    ctx.index = index;
    let mut findings = Vec::new();
    let mut evaluated = Vec::new();
    for kind in ItemKind::ALL {
        for &ri in rules.rules_for(kind) {
            if rules.rules[ri].in_force(at) {
                evaluated.push(ri);
                run_rule(&mut ctx, rules, ri, &mut findings);
            }
        }
    }
    // Findings in file order, then by rule id: sort by each rule's rank among the ids.
    let mut order: Vec<usize> = (0..rules.rules.len()).collect();
    order.sort_by(|a, b| rules.rules[*a].id.cmp(&rules.rules[*b].id));
    let mut rank = vec![0usize; rules.rules.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    evaluated.sort_by_key(|&ri| rank[ri]);
    let exempted = set_aside_exempted(model, rules, at, &mut findings);
    // Sort small keys, then move each finding once.
    let mut keys: Vec<((u32, u32), usize, Subject, usize)> = findings
        .iter()
        .enumerate()
        .map(|(i, f)| (position(model, f.subject), rank[f.rule], f.subject, i))
        .collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<Finding>> = findings.into_iter().map(Some).collect();
    let mut findings: Vec<Finding> = keys.iter().filter_map(|k| slots[k.3].take()).collect();
    match index {
        Some(_) => link_mitigations(model, rules, &mut findings),
        None => link_mitigations_reference(model, rules, &mut findings),
    }
    Evaluation {
        model,
        rules,
        at,
        evaluated,
        findings,
        exempted,
        params,
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

/// Evaluates one rule on every subject its plan lists (every item of its kind without an
/// index).
fn run_rule<'m>(ctx: &mut Ctx<'m>, rules: &'m RuleSet, ri: usize, findings: &mut Vec<Finding>) {
    let rule = &rules.rules[ri];
    let kind = rule.for_each;
    if kind == ItemKind::Model {
        check(ctx, rule, ri, Subject::Model, findings);
        return;
    }
    // Probe keys use only the model block, bound in slot 1.
    ctx.bind(Subject::Model, rule.slots);
    let planned = match ctx.index {
        Some(_) if !rule.plan.is_scan() => ctx.candidates(kind, &rule.plan, 0),
        _ => None,
    };
    let all = ctx.model.of_kind(kind);
    let subjects = planned.as_ref().map_or(all, |p| p.items());
    for &id in subjects {
        if planned.as_ref().is_none_or(|p| p.admits(id)) {
            check(ctx, rule, ri, Subject::Item(id), findings);
        }
    }
    ctx.recycle(planned);
}

/// Evaluates one rule on one subject and records a finding when it holds.
fn check<'m>(
    ctx: &mut Ctx<'m>,
    rule: &'m Rule,
    ri: usize,
    s: Subject,
    findings: &mut Vec<Finding>,
) {
    ctx.bind(s, rule.slots);
    if ctx.holds(&rule.when) {
        findings.push(Finding {
            rule: ri,
            subject: s,
            mitigated_by: Vec::new(),
            refused: Vec::new(),
            mitigates: Vec::new(),
        });
    }
}

fn position(model: &Model, s: Subject) -> (u32, u32) {
    match s {
        Subject::Model => (0, 0),
        Subject::Item(id) => (1, model.item(id).id_span.start),
    }
}

/// Fills a template's holes with the values the subject gives them.
pub fn fill<'m>(ctx: &mut Ctx<'m>, rule: &Rule, s: Subject, t: &'m Template, lang: Lang) -> String {
    let mut out = String::with_capacity(128);
    for p in &t.pieces {
        match p {
            Piece::Text(s) => out.push_str(s),
            Piece::Hole(e, _) => {
                ctx.bind(s, rule.slots.max(4));
                let v: V = ctx.eval(e, 1);
                eval::render_into(&mut out, ctx.model, ctx.vocab, &v, lang);
            }
        }
    }
    // A report keeps this text for each of its findings, hundreds of thousands in a large model.
    out.shrink_to_fit();
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

/// Links barrier findings to the opportunity findings that mitigate them. Only opportunities
/// that can be in scope are looked at: those with model scope, those on the barrier's subject,
/// and those on items directly linked to it, either way.
fn link_mitigations(model: &Model, rules: &RuleSet, findings: &mut [Finding]) {
    let mut model_wide: Vec<usize> = Vec::new();
    let mut by_subject: HashMap<Subject, Vec<usize>> = HashMap::new();
    for (o, f) in findings.iter().enumerate() {
        let opp = &rules.rules[f.rule];
        if opp.kind != RuleKind::Opportunity || opp.mitigates.is_empty() {
            continue;
        }
        if opp.mitigation_scope == MitigationScope::Model {
            model_wide.push(o);
        } else {
            by_subject.entry(f.subject).or_default().push(o);
        }
    }
    if model_wide.is_empty() && by_subject.is_empty() {
        return;
    }
    // Whether an opportunity rule names a barrier rule, and whether the barrier refuses it.
    let mut names: HashMap<(usize, usize), (bool, bool)> = HashMap::new();
    let mut near: Vec<usize> = Vec::new();
    for b in 0..findings.len() {
        let barrier = &rules.rules[findings[b].rule];
        if barrier.kind != RuleKind::Barrier {
            continue;
        }
        let subject = findings[b].subject;
        near.clear();
        near.extend_from_slice(&model_wide);
        let mut add = |s: Subject| {
            if let Some(os) = by_subject.get(&s) {
                near.extend_from_slice(os);
            }
        };
        add(subject);
        if let Subject::Item(x) = subject {
            neighbours(model, x).for_each(|n| add(Subject::Item(n)));
            linked_to(model, x).for_each(|n| add(Subject::Item(n)));
        }
        near.sort_unstable();
        near.dedup();
        for &o in &near {
            let opp_rule = findings[o].rule;
            let opp = &rules.rules[opp_rule];
            let (mitigates, refused) =
                *names
                    .entry((opp_rule, findings[b].rule))
                    .or_insert_with(|| {
                        (
                            opp.mitigates.iter().any(|t| t.matches(barrier)),
                            barrier.not_mitigated_by.iter().any(|t| t.matches(opp)),
                        )
                    });
            if !mitigates || !in_scope(model, opp.mitigation_scope, findings[o].subject, subject) {
                continue;
            }
            if refused {
                findings[b].refused.push(o);
            } else {
                findings[b].mitigated_by.push(o);
                findings[o].mitigates.push(b);
            }
        }
    }
}

/// Items that have `id` among their neighbours: flows from or to it, agreements it is party
/// to, items whose reference fields name it.
fn linked_to(model: &Model, id: ItemId) -> impl Iterator<Item = ItemId> + '_ {
    let rel = &model.relations;
    let list = |l: &'_ [Vec<ItemId>]| l.get(id.index()).map_or(Vec::new(), |v| v.clone());
    let mut out = list(&rel.outflows);
    out.extend(list(&rel.inflows));
    out.extend(list(&rel.agreements));
    if let Some(rs) = rel.referenced_by.get(id.index()) {
        out.extend(rs.iter().map(|(i, _)| *i));
    }
    out.into_iter()
}

/// Links every barrier finding to every opportunity finding, pair by pair.
fn link_mitigations_reference(model: &Model, rules: &RuleSet, findings: &mut [Finding]) {
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
