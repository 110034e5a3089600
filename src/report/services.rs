//! Which services a model's barriers block.
//!
//! INTERIM: this stands in for `graph::service_statuses(&graph::BarrierGraph::build(eval))`
//! until the graph module lands. The types mirror the graph module's, so switching is the one
//! call in [`service_statuses`] (and the `pub use` of the types).
//!
//! A service is hit directly by a barrier on the service itself, on an item it `requires`, on a
//! flow into it, or on its provider; through `depends_on`, by whatever hits the services it
//! depends on (those services are its `via`). An unmitigated `error` barrier blocks; any other
//! barrier (a warning, or an error that an opportunity mitigates) puts the service at risk.

use serde::{Deserialize, Serialize};

use crate::engine::{Evaluation, Subject};
use crate::model::ItemId;
use crate::rules::{RuleKind, Severity};
use crate::vocab::ItemKind;

/// How a service stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    AtRisk,
    Blocked,
}

/// One service's status, the barrier findings (indexes into [`Evaluation::findings`]) behind
/// it, and the services a blockage reaches it through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceStatus {
    pub service: ItemId,
    pub status: Status,
    pub blocked_by: Vec<usize>,
    pub via: Vec<ItemId>,
}

/// The status of every service of the evaluated model, in source order.
pub fn service_statuses(eval: &Evaluation<'_>) -> Vec<ServiceStatus> {
    let model = eval.model;
    let services = model.of_kind(ItemKind::Service);
    let direct: Vec<(Status, Vec<usize>)> = services.iter().map(|&s| direct(eval, s)).collect();
    let index_of = |id: ItemId| services.iter().position(|&s| s == id);
    services
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            let (mut status, mut blocked_by) = direct[i].clone();
            let mut via = Vec::new();
            let mut seen = vec![false; services.len()];
            seen[i] = true;
            let mut path = Vec::new();
            walk(
                eval,
                s,
                &index_of,
                &direct,
                &mut seen,
                &mut path,
                &mut |p, j| {
                    status = status.max(direct[j].0);
                    for &b in &direct[j].1 {
                        if !blocked_by.contains(&b) {
                            blocked_by.push(b);
                        }
                    }
                    for &v in p {
                        if !via.contains(&v) {
                            via.push(v);
                        }
                    }
                },
            );
            blocked_by.sort_unstable();
            ServiceStatus {
                service: s,
                status,
                blocked_by,
                via,
            }
        })
        .collect()
}

/// Depth-first along `depends_on`; calls `hit(path, j)` for every service reached that a
/// barrier hits directly, with the path of services that leads to it.
fn walk(
    eval: &Evaluation<'_>,
    from: ItemId,
    index_of: &dyn Fn(ItemId) -> Option<usize>,
    direct: &[(Status, Vec<usize>)],
    seen: &mut [bool],
    path: &mut Vec<ItemId>,
    hit: &mut dyn FnMut(&[ItemId], usize),
) {
    for dep in refs(eval, from, "depends_on") {
        let Some(j) = index_of(dep) else { continue };
        if seen[j] {
            continue;
        }
        seen[j] = true;
        path.push(dep);
        if direct[j].0 != Status::Ok {
            hit(path, j);
        }
        walk(eval, dep, index_of, direct, seen, path, hit);
        path.pop();
    }
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

/// The barriers that hit a service directly.
fn direct(eval: &Evaluation<'_>, service: ItemId) -> (Status, Vec<usize>) {
    let model = eval.model;
    let mut subjects = vec![service];
    subjects.extend(refs(eval, service, "requires"));
    subjects.extend(refs(eval, service, "provider"));
    if let Some(inflows) = model.relations.inflows.get(service.index()) {
        subjects.extend(inflows.iter().copied());
    }
    let mut status = Status::Ok;
    let mut by = Vec::new();
    for (i, f) in eval.findings.iter().enumerate() {
        let rule = eval.rule(f);
        let Subject::Item(s) = f.subject else {
            continue;
        };
        if rule.kind != RuleKind::Barrier || !subjects.contains(&s) {
            continue;
        }
        let s = if rule.severity == Severity::Error && f.mitigated_by.is_empty() {
            Status::Blocked
        } else {
            Status::AtRisk
        };
        status = status.max(s);
        by.push(i);
    }
    (status, by)
}
