//! The analyses the report needs, in the shape the graph module gives them.
//!
//! Interim: until `crate::graph` lands on main this file computes them itself, with the graph
//! module's definitions (a service is blocked by an unmitigated `error` barrier on the service,
//! its provider, the flows and agreements it requires, the flows into it, or on any service it
//! depends on). When the graph lands, [`Analysis::of`] reads `service_statuses`,
//! `root_barriers`, `unmitigated_barriers`, `unlock_order`, `to_mermaid` and `to_svg` instead.

use std::collections::{BTreeSet, HashSet, VecDeque};

use crate::engine::{Evaluation, Subject};
use crate::model::{Ends, ItemId, Model};
use crate::rules::{RuleKind, Severity};
use crate::vocab::{ItemKind, Lang};

/// A service's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Ok,
    AtRisk,
    Blocked,
}

impl Status {
    /// `ok`, `at_risk`, `blocked`: the ids of the JSON contract, used as CSS classes too.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::AtRisk => "at_risk",
            Status::Blocked => "blocked",
        }
    }
}

/// What a finding does to the services it reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    None,
    Risk,
    Blocks,
}

/// One service's status and the path that explains it.
#[derive(Debug, Clone)]
pub struct ServiceState {
    pub service: ItemId,
    pub status: Status,
    /// Findings that cause the status, nearest first.
    pub blocked_by: Vec<usize>,
    /// From the service to the item the first cause sits on.
    pub via: Vec<ItemId>,
}

/// Everything the report reads about one evaluation besides the findings themselves.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub statuses: Vec<ServiceState>,
    /// Blocking barriers, most services blocked first: (finding, every service it blocks).
    pub roots: Vec<(usize, Vec<ItemId>)>,
    /// For each finding (by index): the services it reaches, in model order.
    pub reach: Vec<Vec<ItemId>>,
    pub effects: Vec<Effect>,
    pub unmitigated: Vec<usize>,
    /// (finding, services no longer blocked after removing it).
    pub unlock: Vec<(usize, Vec<ItemId>)>,
    pub mermaid: Option<String>,
    pub svg: Option<String>,
}

impl Analysis {
    pub fn of(eval: &Evaluation<'_>, _lang: Lang) -> Analysis {
        let effects: Vec<Effect> = eval.findings.iter().map(|f| effect(eval, f)).collect();
        let services = eval.model.of_kind(ItemKind::Service).to_vec();
        let causes: Vec<Vec<(usize, Vec<ItemId>)>> =
            services.iter().map(|&s| causes(eval, s)).collect();
        let mut reach = vec![Vec::new(); eval.findings.len()];
        for (s, cs) in services.iter().zip(&causes) {
            for (f, _) in cs {
                reach[*f].push(*s);
            }
        }
        let statuses = services
            .iter()
            .zip(&causes)
            .map(|(&service, cs)| {
                let pick = |e: Effect| -> Vec<&(usize, Vec<ItemId>)> {
                    cs.iter().filter(|(f, _)| effects[*f] == e).collect()
                };
                let (status, chosen) = match (pick(Effect::Blocks), pick(Effect::Risk)) {
                    (b, _) if !b.is_empty() => (Status::Blocked, b),
                    (_, r) if !r.is_empty() => (Status::AtRisk, r),
                    _ => (Status::Ok, Vec::new()),
                };
                ServiceState {
                    service,
                    status,
                    blocked_by: chosen.iter().map(|(f, _)| *f).collect(),
                    via: chosen.first().map(|(_, v)| v.clone()).unwrap_or_default(),
                }
            })
            .collect();
        let blocking: Vec<usize> = (0..effects.len())
            .filter(|&f| effects[f] == Effect::Blocks)
            .collect();
        let mut roots: Vec<(usize, Vec<ItemId>)> =
            blocking.iter().map(|&f| (f, reach[f].clone())).collect();
        roots.sort_by(|a, b| {
            b.1.len()
                .cmp(&a.1.len())
                .then_with(|| rule_id(eval, a.0).cmp(rule_id(eval, b.0)))
                .then_with(|| a.0.cmp(&b.0))
        });
        let unmitigated = eval
            .barriers()
            .filter(|(_, f)| eval.unmitigated(f))
            .map(|(i, _)| i)
            .collect();
        let unlock = unlock_order(eval, &services, &causes, &effects, blocking);
        Analysis {
            statuses,
            roots,
            reach,
            effects,
            unmitigated,
            unlock,
            mermaid: None,
            svg: None,
        }
    }
}

fn rule_id<'a>(eval: &Evaluation<'a>, f: usize) -> &'a str {
    &eval.rule(&eval.findings[f]).id
}

fn effect(eval: &Evaluation<'_>, f: &crate::engine::Finding) -> Effect {
    let rule = eval.rule(f);
    match (rule.kind, rule.severity, f.mitigated_by.is_empty()) {
        (RuleKind::Opportunity, _, _) => Effect::None,
        (RuleKind::Barrier, Severity::Error, true) => Effect::Blocks,
        (RuleKind::Barrier, _, _) => Effect::Risk,
    }
}

fn refs(eval: &Evaluation<'_>, item: ItemId, field: &str) -> Vec<ItemId> {
    let model = eval.model;
    let kind = model.item(item).kind;
    eval.rules
        .vocab
        .field_by_name(kind, field)
        .and_then(|f| model.item(item).get(f))
        .map(|v| v.refs().to_vec())
        .unwrap_or_default()
}

/// The barriers (errors and warnings) reaching a service, nearest first, each with its path.
fn causes(eval: &Evaluation<'_>, service: ItemId) -> Vec<(usize, Vec<ItemId>)> {
    let model = eval.model;
    let mut out: Vec<(usize, Vec<ItemId>)> = Vec::new();
    let mut seen_f = HashSet::new();
    let mut seen = HashSet::from([service]);
    let mut queue = VecDeque::from([(service, vec![service])]);
    while let Some((s, path)) = queue.pop_front() {
        let mut own = vec![s];
        own.extend(refs(eval, s, "provider"));
        own.extend(refs(eval, s, "requires"));
        own.extend(model.relations.inflows[s.index()].iter().copied());
        for item in own {
            for (fi, f) in eval.barriers() {
                if f.subject == Subject::Item(item) && seen_f.insert(fi) {
                    let mut via = path.clone();
                    if item != s {
                        via.push(item);
                    }
                    out.push((fi, via));
                }
            }
        }
        for dep in refs(eval, s, "depends_on") {
            if seen.insert(dep) {
                let mut next = path.clone();
                next.push(dep);
                queue.push_back((dep, next));
            }
        }
    }
    out
}

fn unlock_order(
    eval: &Evaluation<'_>,
    services: &[ItemId],
    causes: &[Vec<(usize, Vec<ItemId>)>],
    effects: &[Effect],
    mut remaining: Vec<usize>,
) -> Vec<(usize, Vec<ItemId>)> {
    let blocked = |removed: &HashSet<usize>| -> BTreeSet<usize> {
        (0..services.len())
            .filter(|&i| {
                causes[i]
                    .iter()
                    .any(|(f, _)| effects[*f] == Effect::Blocks && !removed.contains(f))
            })
            .collect()
    };
    let mut removed = HashSet::new();
    let mut steps = Vec::new();
    while !remaining.is_empty() {
        let before = blocked(&removed);
        let best = remaining
            .iter()
            .map(|&f| {
                let mut trial = removed.clone();
                trial.insert(f);
                let newly: Vec<usize> = before.difference(&blocked(&trial)).copied().collect();
                let involved = before
                    .iter()
                    .filter(|&&s| causes[s].iter().any(|(c, _)| *c == f))
                    .count();
                (f, newly, involved)
            })
            .min_by(|a, b| {
                b.1.len()
                    .cmp(&a.1.len())
                    .then_with(|| b.2.cmp(&a.2))
                    .then_with(|| rule_id(eval, a.0).cmp(rule_id(eval, b.0)))
                    .then_with(|| a.0.cmp(&b.0))
            });
        let Some((f, newly, _)) = best else { break };
        removed.insert(f);
        remaining.retain(|&x| x != f);
        steps.push((f, newly.into_iter().map(|i| services[i]).collect()));
    }
    steps
}

/// Is the flow `item` running into `service`?
pub fn flows_into(model: &Model, item: ItemId, service: ItemId) -> bool {
    matches!(model.item(item).ends, Ends::Flow { to, .. } if to == service)
}
