//! `lab`: every combination of a model's variants and a set of overlays, evaluated at one date,
//! ranked by how much each unlocks; and for each barrier of the model, the single change in
//! the set that removes it.
//!
//! [`Lab`] is plain data (serialisable), so the JSON output, the Markdown and HTML tables and
//! the "what-if" section of the HTML report all read the same thing.

use std::collections::BTreeSet;
use std::sync::Arc;

use jiff::civil::Date;
use serde::Serialize;

use super::outcome::{barriers_behind, Key, Scenario};
use crate::engine::evaluate;
use crate::model::{Model, SourceFile};
use crate::rules::overlay::Status as OverlayStatus;
use crate::rules::{RuleErrors, RuleSet};
use crate::view::{Counts, FindingReport, SourceRef, Status};
use crate::vocab::{Lang, Text};

/// A variant of the lab's model: its id (the file's stem) and the resolved model.
#[derive(Debug, Clone)]
pub struct Variant {
    pub id: String,
    pub model: Model,
}

/// What the lab runs.
#[derive(Debug, Clone, Copy)]
pub struct LabInput<'a> {
    pub base: &'a Model,
    pub variants: &'a [Variant],
    pub overlays: &'a [Arc<SourceFile>],
    pub rules: &'a RuleSet,
    pub at: Date,
    /// The language of the findings' titles, messages and remedies.
    pub lang: Lang,
}

/// A variant, for reports.
#[derive(Debug, Clone, Serialize)]
pub struct VariantInfo {
    pub id: String,
    pub name: String,
    pub file: String,
    /// What the variant tries: the comment at the top of its file.
    pub about: Option<String>,
}

/// An overlay, for reports.
#[derive(Debug, Clone, Serialize)]
pub struct OverlayView {
    pub id: String,
    pub title: Text,
    pub description: Option<Text>,
    pub status: OverlayStatus,
    pub source: SourceRef,
    pub file: String,
    /// The first date any of its changes holds.
    pub from: Option<Date>,
    /// Whether any of its changes holds at the lab's date.
    pub in_force: bool,
}

/// What a row of the lab is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    Baseline,
    Variant,
    Overlay,
    Combination,
}

/// A service's status in a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowService {
    pub id: String,
    pub status: Status,
}

/// One combination and what it leaves.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// `baseline`, the variant's id, the overlay's id, or `variant + overlay`.
    pub id: String,
    pub kind: RowKind,
    pub variant: Option<String>,
    pub overlay: Option<String>,
    pub counts: Counts,
    pub services: Vec<RowService>,
    /// Services blocked in the baseline and not here.
    pub unblocked: Vec<String>,
    /// Services blocked here and not in the baseline.
    pub newly_blocked: Vec<String>,
    /// Barriers of the baseline that are gone here.
    pub removed: Vec<Key>,
    /// Barriers here that the baseline does not have.
    pub added: Vec<Key>,
    /// Barriers left.
    pub barriers: Vec<Key>,
}

impl Row {
    /// Whether the row changes nothing the lab measures.
    pub fn no_change(&self) -> bool {
        self.kind != RowKind::Baseline
            && self.unblocked.is_empty()
            && self.newly_blocked.is_empty()
            && self.removed.is_empty()
            && self.added.is_empty()
    }
}

/// A barrier of the baseline and the changes in the set that remove it.
#[derive(Debug, Clone, Serialize)]
pub struct BarrierFix {
    pub finding: FindingReport,
    /// Services of the baseline it blocks or puts at risk.
    pub services: Vec<String>,
    /// Single changes (a variant or an overlay) that remove it, best first.
    pub removed_by: Vec<String>,
    /// Combinations that remove it, when no single change does.
    pub removed_by_combination: Vec<String>,
    /// Changes that remove it but bring another barrier on the same subject: the row's id and
    /// the new barriers' rule ids.
    pub trade_offs: Vec<(String, Vec<String>)>,
}

/// The lab: every combination, ranked.
#[derive(Debug, Clone, Serialize)]
pub struct Lab {
    pub model: String,
    pub file: String,
    pub at: Date,
    pub services: Vec<ServiceInfo>,
    pub variants: Vec<VariantInfo>,
    pub overlays: Vec<OverlayView>,
    /// The baseline first, then every other row by how much it unlocks.
    pub rows: Vec<Row>,
    pub barriers: Vec<BarrierFix>,
    /// Rows that leave no service blocked, when the baseline blocks some.
    pub unblocks_all: Vec<String>,
    /// Combinations left out of `rows` because they end exactly as their variant does alone:
    /// the overlay changes nothing for that variant.
    pub folded: Vec<String>,
}

/// A service of the model.
#[derive(Debug, Clone, Serialize)]
pub struct ServiceInfo {
    pub id: String,
    pub name: String,
}

impl Lab {
    pub fn baseline(&self) -> Option<&Row> {
        self.rows.iter().find(|r| r.kind == RowKind::Baseline)
    }

    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.id == id)
    }
}

/// Runs every combination. Fails only when an overlay does not load.
pub fn run(input: LabInput<'_>) -> Result<Lab, RuleErrors> {
    let mut overlay_sets = Vec::new();
    let mut errors = Vec::new();
    for file in input.overlays {
        match input.rules.with_overlays(std::slice::from_ref(file)) {
            Ok(set) => overlay_sets.push(set),
            Err(e) => errors.extend(e.0),
        }
    }
    if !errors.is_empty() {
        return Err(RuleErrors(errors));
    }
    let outcome = |m: &Model, r: &RuleSet| Scenario::of(&evaluate(m, r, input.at), input.lang);
    let baseline = outcome(input.base, input.rules);
    let mut rows = vec![row(
        "baseline".into(),
        RowKind::Baseline,
        None,
        None,
        &baseline,
        &baseline,
    )];
    for v in input.variants {
        let o = outcome(&v.model, input.rules);
        rows.push(row(
            v.id.clone(),
            RowKind::Variant,
            Some(&v.id),
            None,
            &o,
            &baseline,
        ));
    }
    for set in &overlay_sets {
        let Some(info) = set.overlays.last() else {
            continue;
        };
        let o = outcome(input.base, set);
        rows.push(row(
            info.id.clone(),
            RowKind::Overlay,
            None,
            Some(&info.id),
            &o,
            &baseline,
        ));
        for v in input.variants {
            let o = outcome(&v.model, set);
            rows.push(row(
                format!("{} + {}", v.id, info.id),
                RowKind::Combination,
                Some(&v.id),
                Some(&info.id),
                &o,
                &baseline,
            ));
        }
    }
    let folded = fold(&mut rows);
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| rank(&rows[a]).cmp(&rank(&rows[b])));
    let rows: Vec<Row> = order.into_iter().map(|i| rows[i].clone()).collect();
    let barriers = fixes(&baseline, &rows);
    let unblocks_all = if rows.first().is_some_and(|b| b.counts.blocked > 0) {
        rows.iter()
            .filter(|r| r.counts.blocked == 0)
            .map(|r| r.id.clone())
            .collect()
    } else {
        Vec::new()
    };
    Ok(Lab {
        model: baseline.report.name.clone(),
        file: baseline.report.file.clone(),
        at: input.at,
        services: baseline
            .services()
            .iter()
            .map(|s| ServiceInfo {
                id: s.id.clone(),
                name: s.name.clone(),
            })
            .collect(),
        variants: input
            .variants
            .iter()
            .map(|v| VariantInfo {
                id: v.id.clone(),
                name: v.model.name().to_string(),
                file: v.model.file().display().to_string(),
                about: about(&v.model.source.text),
            })
            .collect(),
        overlays: overlay_sets
            .iter()
            .filter_map(|s| s.overlays.last())
            .map(|o| OverlayView {
                id: o.id.clone(),
                title: o.title.clone(),
                description: o.description.clone(),
                status: o.status,
                source: SourceRef {
                    act: o.source.act.clone(),
                    short: o.source.short.clone(),
                    section: o.source.section.clone(),
                    url: o.source.url.clone(),
                    // An overlay is a proposal, not a rule checked against the law.
                    verified: true,
                },
                file: o.file.path.display().to_string(),
                from: o.changes.first_date(),
                in_force: o.changes.any_in_force(input.at),
            })
            .collect(),
        rows,
        barriers,
        unblocks_all,
        folded,
    })
}

/// Leaves out the combinations that end exactly as their variant does alone, and returns their
/// ids.
fn fold(rows: &mut Vec<Row>) -> Vec<String> {
    let same = |a: &Row, b: &Row| {
        a.counts == b.counts && a.services == b.services && a.barriers == b.barriers
    };
    let folded: Vec<String> = rows
        .iter()
        .filter(|r| r.kind == RowKind::Combination)
        .filter(|r| {
            rows.iter()
                .any(|v| v.kind == RowKind::Variant && v.variant == r.variant && same(v, r))
        })
        .map(|r| r.id.clone())
        .collect();
    rows.retain(|r| !folded.contains(&r.id));
    folded
}

/// The baseline first; then fewest blocked, fewest at risk, fewest blocking barriers, fewest
/// barriers; single changes before combinations; then by id.
fn rank(r: &Row) -> (bool, usize, usize, usize, usize, RowKind, String) {
    (
        r.kind != RowKind::Baseline,
        r.counts.blocked,
        r.counts.at_risk,
        r.counts.blocking,
        r.counts.barriers,
        r.kind,
        r.id.clone(),
    )
}

fn row(
    id: String,
    kind: RowKind,
    variant: Option<&String>,
    overlay: Option<&String>,
    o: &Scenario,
    base: &Scenario,
) -> Row {
    let blocked = |x: &Scenario| -> BTreeSet<String> {
        x.services()
            .iter()
            .filter(|s| s.status == Status::Blocked)
            .map(|s| s.id.clone())
            .collect()
    };
    let (now, before) = (blocked(o), blocked(base));
    let (b, mine) = (base.barriers(), o.barriers());
    Row {
        id,
        kind,
        variant: variant.cloned(),
        overlay: overlay.cloned(),
        counts: o.report.counts(),
        services: o
            .services()
            .iter()
            .map(|s| RowService {
                id: s.id.clone(),
                status: s.status,
            })
            .collect(),
        unblocked: base
            .services()
            .iter()
            .filter(|s| {
                before.contains(&s.id) && !now.contains(&s.id) && o.service(&s.id).is_some()
            })
            .map(|s| s.id.clone())
            .collect(),
        newly_blocked: o
            .services()
            .iter()
            .filter(|s| now.contains(&s.id) && !before.contains(&s.id))
            .map(|s| s.id.clone())
            .collect(),
        removed: b
            .keys()
            .filter(|k| !mine.contains_key(k))
            .cloned()
            .collect(),
        added: mine
            .keys()
            .filter(|k| !b.contains_key(k))
            .cloned()
            .collect(),
        barriers: mine.keys().cloned().collect(),
    }
}

/// For each barrier of the baseline: the single changes that remove it, in the rows' order;
/// when none does, the combinations that do.
fn fixes(baseline: &Scenario, rows: &[Row]) -> Vec<BarrierFix> {
    let mut barriers: Vec<&FindingReport> = baseline.report.barriers().collect();
    // Blocking barriers first, then errors, then warnings; each in the model's order.
    barriers.sort_by_key(|f| (!f.is_blocking(), std::cmp::Reverse(f.severity)));
    // The barriers behind each service, gathered once rather than once a barrier.
    let behind: Vec<(&str, Vec<Key>)> = baseline
        .services()
        .iter()
        .map(|s| (s.id.as_str(), barriers_behind(s)))
        .collect();
    barriers
        .into_iter()
        .map(|f| {
            let key = Key::of(f);
            let removing = |kinds: &[RowKind]| -> Vec<String> {
                rows.iter()
                    .filter(|r| kinds.contains(&r.kind) && r.removed.contains(&key))
                    .map(|r| r.id.clone())
                    .collect()
            };
            let removed_by = removing(&[RowKind::Variant, RowKind::Overlay]);
            let removed_by_combination = if removed_by.is_empty() {
                removing(&[RowKind::Combination])
            } else {
                Vec::new()
            };
            let trade_offs = removed_by
                .iter()
                .chain(&removed_by_combination)
                .filter_map(|id| {
                    let row = rows.iter().find(|r| r.id == *id)?;
                    let added: Vec<String> = row
                        .added
                        .iter()
                        .filter(|k| k.subject == key.subject)
                        .map(|k| k.rule.clone())
                        .collect();
                    (!added.is_empty()).then(|| (id.clone(), added))
                })
                .collect();
            BarrierFix {
                trade_offs,
                finding: f.clone(),
                services: behind
                    .iter()
                    .filter(|(_, keys)| keys.contains(&key))
                    .map(|(id, _)| id.to_string())
                    .collect(),
                removed_by,
                removed_by_combination,
            }
        })
        .collect()
}

/// The comment block at the top of a model file, as one paragraph per blank comment line.
pub fn about(text: &str) -> Option<String> {
    let mut lines = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        if let Some(c) = t.strip_prefix('#') {
            lines.push(c.strip_prefix(' ').unwrap_or(c).trim_end().to_string());
        } else if t.is_empty() && lines.is_empty() {
            continue;
        } else {
            break;
        }
    }
    let mut out = String::new();
    for l in lines {
        if l.is_empty() {
            if !out.ends_with("\n\n") && !out.is_empty() {
                out.push_str("\n\n");
            }
        } else {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push(' ');
            }
            out.push_str(&l);
        }
    }
    let out = out.trim().to_string();
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::about;

    #[test]
    fn about_reads_the_leading_comment() {
        let text = "# First line\n# goes on.\n#\n# Second.\nmodel \"x\" {}\n# not this\n";
        assert_eq!(
            about(text).as_deref(),
            Some("First line goes on.\n\nSecond.")
        );
        assert_eq!(about("model \"x\" {}\n"), None);
    }
}
