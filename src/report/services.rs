//! Which services a model's barriers block.
//!
//! INTERIM: this stands in for the graph module's `service_statuses` until it lands; the types
//! and their meaning mirror it, so switching is the one call in `super::statuses`.
//!
//! A barrier reaches a service when it sits on the service itself, on an item the service
//! `requires`, on a flow into it or on its provider, or reaches a service it depends on
//! (`depends_on`, followed transitively). An unmitigated `error` barrier blocks; a warning, or an
//! error an opportunity mitigates, puts the service at risk.

use std::collections::VecDeque;

use crate::engine::{Evaluation, Subject};
use crate::model::ItemId;
use crate::rules::{RuleKind, Severity};
use crate::vocab::ItemKind;

/// How a service stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Ok,
    AtRisk,
    Blocked,
}

/// The status of one service and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceStatus {
    pub service: ItemId,
    pub status: Status,
    /// The barriers (finding indexes) that cause the status, nearest first: for `Blocked` the
    /// unmitigated errors, for `AtRisk` the warnings and mitigated errors, for `Ok` none.
    pub blocked_by: Vec<usize>,
    /// The path from the service to the item the first of `blocked_by` sits on
    /// (`[beredskap, doerbesok, mottakerliste]`). Empty for `Ok`.
    pub via: Vec<ItemId>,
}

/// The status of every service of the evaluated model, in source order.
pub fn service_statuses(eval: &Evaluation<'_>) -> Vec<ServiceStatus> {
    eval.model
        .of_kind(ItemKind::Service)
        .iter()
        .map(|&s| status_of(eval, s))
        .collect()
}

fn status_of(eval: &Evaluation<'_>, service: ItemId) -> ServiceStatus {
    let causes = causes(eval, service);
    let pick = |blocks: bool| -> Vec<&(usize, Vec<ItemId>)> {
        causes
            .iter()
            .filter(|(f, _)| blocks_service(eval, *f) == blocks)
            .collect()
    };
    let (status, chosen) = match (pick(true), pick(false)) {
        (b, _) if !b.is_empty() => (Status::Blocked, b),
        (_, r) if !r.is_empty() => (Status::AtRisk, r),
        _ => (Status::Ok, Vec::new()),
    };
    ServiceStatus {
        service,
        status,
        blocked_by: chosen.iter().map(|c| c.0).collect(),
        via: chosen.first().map(|c| c.1.clone()).unwrap_or_default(),
    }
}

/// Is the barrier finding an unmitigated error?
fn blocks_service(eval: &Evaluation<'_>, finding: usize) -> bool {
    let f = &eval.findings[finding];
    eval.rule(f).severity == Severity::Error && f.mitigated_by.is_empty()
}

/// Every barrier finding that reaches the service, with the shortest path from the service to
/// the item it sits on; nearest first.
fn causes(eval: &Evaluation<'_>, service: ItemId) -> Vec<(usize, Vec<ItemId>)> {
    let mut out: Vec<(usize, Vec<ItemId>)> = Vec::new();
    let mut queue = VecDeque::from([vec![service]]);
    let mut seen = vec![service];
    while let Some(path) = queue.pop_front() {
        let Some(&at) = path.last() else { continue };
        for (i, f) in eval.findings.iter().enumerate() {
            let Subject::Item(on) = f.subject else {
                continue;
            };
            if eval.rule(f).kind != RuleKind::Barrier
                || out.iter().any(|c| c.0 == i)
                || !(on == at || own_items(eval, at).contains(&on))
            {
                continue;
            }
            let mut via = path.clone();
            if on != at {
                via.push(on);
            }
            out.push((i, via));
        }
        for dep in refs(eval, at, "depends_on") {
            if !seen.contains(&dep) && eval.model.item(dep).kind == ItemKind::Service {
                seen.push(dep);
                let mut next = path.clone();
                next.push(dep);
                queue.push_back(next);
            }
        }
    }
    out.sort_by_key(|c| c.1.len());
    out
}

/// The items a service stands on: what it requires, its provider, the flows into it.
fn own_items(eval: &Evaluation<'_>, service: ItemId) -> Vec<ItemId> {
    let mut items = refs(eval, service, "requires");
    items.extend(refs(eval, service, "provider"));
    if let Some(inflows) = eval.model.relations.inflows.get(service.index()) {
        items.extend(inflows.iter().copied());
    }
    items
}

/// The items a reference field of an item names.
fn refs(eval: &Evaluation<'_>, item: ItemId, field: &str) -> Vec<ItemId> {
    let it = eval.model.item(item);
    eval.rules
        .vocab
        .field_by_name(it.kind, field)
        .and_then(|f| it.get(f))
        .map(|v| v.refs().to_vec())
        .unwrap_or_default()
}
