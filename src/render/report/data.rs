//! What the templates read: the view of one or more evaluated models ([`crate::view`]: findings
//! with their texts, sources, services and their status, counts) laid out as the report's
//! sections, with links between them and every word already in the report's language, plus the
//! graph's analyses (root barriers, reach, the unlock order, the drawings). The templates only
//! lay it out.

use std::collections::BTreeMap;

use serde::Serialize;

use super::analysis::{flows_into, Analysis, Effect};
use super::labels::{label, labels};
use crate::engine::{Evaluation, Finding, Subject};
use crate::model::{Ends, ItemId, Model, Value};
use crate::rules::{RuleKind, Severity};
use crate::view::{FindingReport, ModelReport, Options, ServiceReport, SourceRef, Status};
use crate::vocab::{ItemKind, Lang, Vocabulary};

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct LabReport {
    pub lang: String,
    /// Every label, by key (see `labels.rs`).
    pub t: BTreeMap<&'static str, String>,
    pub title: String,
    pub at: String,
    pub packs: Vec<PackView>,
    pub models: Vec<ModelView>,
    /// More than one model: the report opens with a comparison table.
    pub several: bool,
    /// Whether each model ends with the table of every rule evaluated. `report --no-appendix`
    /// leaves it out and keeps only the counts: with a hundred rules in force the table is the
    /// longest part of a model's report, and a third of a printed report of many models.
    pub appendix: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct PackView {
    pub id: String,
    pub version: String,
    pub title: String,
}

/// An item of the model (or the model block), as readers see it.
#[derive(Debug, Clone, Serialize)]
pub struct ItemRef {
    pub id: String,
    pub name: String,
    /// `tjeneste`, `flow`, ...
    pub kind: &'static str,
    /// Whether the item has a display name of its own (flows usually have only an id).
    pub named: bool,
    /// Whether the id adds anything to the name.
    pub show_id: bool,
    /// A flow's or an agreement's ends: `Haugesund kommune → Posten Norge AS`.
    pub ends: Option<String>,
}

/// A link to a finding's entry in the report, as other sections point at it.
#[derive(Debug, Clone, Serialize)]
pub struct FindingLink {
    /// `B1`, `M2` (`O2` in English).
    pub key: String,
    /// HTML anchor, unique in the report: `m1-b1`.
    pub anchor: String,
    pub rule: String,
    pub title: String,
    pub subject: ItemRef,
}

/// A finding's legal source as the report prints it, with a link only when it is safe.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub act: String,
    /// `GDPR art. 28`.
    pub label: String,
    /// Only `http(s)` links; anything else is shown as text, never linked.
    pub url: Option<String>,
    pub url_text: String,
    /// The rule says `verified: false`: the templates print `t.not_verified` beside the source.
    pub unverified: bool,
}

/// The view's counts and what the report adds to them.
#[derive(Debug, Clone, Serialize)]
pub struct ReportCounts {
    pub services: usize,
    pub blocked: usize,
    pub at_risk: usize,
    pub ok: usize,
    pub barriers: usize,
    pub blocking: usize,
    pub opportunities: usize,
    pub unmitigated: usize,
    pub rules_evaluated: usize,
    pub rules_fired: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct RootView {
    pub barrier: FindingLink,
    pub source: String,
    pub blocks: Vec<ItemRef>,
    pub n: usize,
    /// `tjeneste` or `tjenester`, agreeing with `n`.
    pub noun: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PathStep {
    /// How this step relates to the one before (`krever`).
    pub rel: String,
    pub item: ItemRef,
}

#[derive(Debug, Clone, Serialize)]
pub struct ServiceView {
    pub item: ItemRef,
    pub status: &'static str,
    pub status_label: String,
    /// From the service to the item its nearest cause sits on, the service itself left out;
    /// empty when the cause sits on the service.
    pub path: Vec<PathStep>,
    /// The nearest cause, and the others.
    pub cause: Option<FindingLink>,
    pub others: Vec<FindingLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BarrierView {
    pub r: FindingLink,
    pub severity: &'static str,
    pub severity_label: String,
    /// `blocks`, `risk` or `mitigated` (CSS class and label).
    pub effect: &'static str,
    pub effect_label: String,
    pub blocks: bool,
    pub reaches: Vec<ItemRef>,
    pub source: SourceView,
    pub message: String,
    pub remedy: String,
    pub mitigated_by: Vec<FindingLink>,
    pub refused: Vec<FindingLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OpportunityView {
    pub r: FindingLink,
    pub source: SourceView,
    pub message: String,
    pub remedy: String,
    pub mitigates: Vec<FindingLink>,
    /// The item it opens a door for, when it mitigates no barrier.
    pub supports: Option<ItemRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnlockView {
    pub step: usize,
    pub barrier: FindingLink,
    pub unblocks: Vec<ItemRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleRow {
    pub id: String,
    pub title: String,
    pub kind: &'static str,
    pub kind_label: String,
    pub source: String,
    pub pack: String,
    /// The subjects it fired on; empty when the rule found nothing.
    pub fired_on: Vec<ItemRef>,
}

/// A what-if table from the lab (variants and overlays): rendered only when given, by the
/// same template as `rammelab lab --format html`.
pub type WhatIf = crate::render::lab::LabTable;

#[derive(Debug, Clone, Serialize)]
pub struct ModelView {
    pub n: usize,
    pub anchor: String,
    pub file: String,
    /// The file's name without its folder, to tell models of the same name apart.
    pub file_name: String,
    pub name: String,
    pub municipality: Option<String>,
    pub challenge: Option<String>,
    pub horizon: Option<String>,
    pub description: Option<String>,
    pub counts: ReportCounts,
    pub top: Vec<RootView>,
    /// The graph as Mermaid (for the Markdown) and as inline SVG (for the HTML).
    pub mermaid: String,
    /// A code fence longer than any run of backticks in the Mermaid text.
    pub fence: String,
    pub svg: String,
    /// The drawing for paper: only the paths barriers travel by (the whole graph is too wide
    /// for its text to be read on A4).
    pub print_svgs: Vec<String>,
    pub print_legend: String,
    pub services: Vec<ServiceView>,
    pub barriers: Vec<BarrierView>,
    pub opportunities: Vec<OpportunityView>,
    pub unmitigated: Vec<FindingLink>,
    pub unlock: Vec<UnlockView>,
    pub appendix: Vec<RuleRow>,
    pub exempted: Vec<String>,
    pub whatif: Option<WhatIf>,
}

impl LabReport {
    /// The report of evaluations made with one rule set at one date, in one language.
    pub fn build(evals: &[(&Evaluation<'_>, Option<WhatIf>)], lang: Lang) -> LabReport {
        let models: Vec<ModelView> = evals
            .iter()
            .enumerate()
            .map(|(i, (e, w))| ModelView::build(e, i + 1, lang, w.clone()))
            .collect();
        let first = evals.first().map(|(e, _)| *e);
        let title = match models.as_slice() {
            [one] => format!("{}: {}", label(lang, "report_title"), one.name),
            many => format!(
                "{}: {} {}",
                label(lang, "report_title"),
                many.len(),
                label(lang, "models")
            ),
        };
        LabReport {
            lang: label(lang, "lang_code"),
            t: labels(lang),
            title,
            at: first.map(|e| e.at.to_string()).unwrap_or_default(),
            packs: first
                .map(|e| {
                    e.rules
                        .packs
                        .iter()
                        .map(|p| PackView {
                            id: p.id.clone(),
                            version: p.version.clone(),
                            title: p.title.get(lang).to_string(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            several: models.len() > 1,
            models,
            appendix: true,
        }
    }

    /// The report without the table of every rule evaluated at the end of each model.
    pub fn without_appendix(mut self) -> LabReport {
        self.appendix = false;
        for m in &mut self.models {
            m.appendix.clear();
        }
        self
    }
}

/// Builds one model's section.
struct Ctx<'e, 'a> {
    eval: &'e Evaluation<'a>,
    /// The view of the evaluation: its findings are the engine's, in the same order.
    view: &'e ModelReport,
    lang: Lang,
    n: usize,
    /// Per finding: `B1`, `M1`, ...
    keys: Vec<String>,
}

impl Ctx<'_, '_> {
    fn item(&self, id: ItemId) -> ItemRef {
        item_ref(self.eval.model, Subject::Item(id), self.lang)
    }

    fn finding(&self, i: usize) -> FindingLink {
        let f = &self.eval.findings[i];
        let v = &self.view.findings[i];
        let key = self.keys[i].clone();
        FindingLink {
            anchor: format!("m{}-{}", self.n, key.to_lowercase()),
            key,
            rule: v.rule.clone(),
            title: v.title.clone(),
            subject: item_ref(self.eval.model, f.subject, self.lang),
        }
    }

    /// The index of the finding of `rule` on `subject`.
    fn index(&self, rule: &str, subject: &str) -> Option<usize> {
        self.view
            .findings
            .iter()
            .position(|f| f.rule == rule && f.subject == subject)
    }

    fn findings(&self, list: &[usize]) -> Vec<FindingLink> {
        list.iter().map(|&i| self.finding(i)).collect()
    }

    fn items(&self, list: &[ItemId]) -> Vec<ItemRef> {
        list.iter().map(|&i| self.item(i)).collect()
    }
}

impl ModelView {
    fn build(eval: &Evaluation<'_>, n: usize, lang: Lang, whatif: Option<WhatIf>) -> ModelView {
        let a = Analysis::of(eval, lang);
        let model = eval.model;
        let order = barrier_order(eval, &a);
        let keys = finding_keys(eval, &order, lang);
        let view = ModelReport::build(
            eval,
            Options {
                lang,
                explain: false,
            },
        );
        let cx = Ctx {
            eval,
            view: &view,
            lang,
            n,
            keys,
        };
        let services: Vec<ServiceView> = view.services.iter().map(|s| service(&cx, s)).collect();
        let counted = view.counts();
        let barriers: Vec<BarrierView> = order
            .iter()
            .map(|&i| barrier(&cx, &a, i, &eval.findings[i]))
            .collect();
        let opportunities: Vec<OpportunityView> = eval
            .opportunities()
            .map(|(i, f)| opportunity(&cx, i, f))
            .collect();
        let appendix = appendix(eval, lang);
        let counts = ReportCounts {
            services: services.len(),
            blocked: counted.blocked,
            at_risk: counted.at_risk,
            ok: counted.ok,
            barriers: counted.barriers,
            blocking: a.effects.iter().filter(|e| **e == Effect::Blocks).count(),
            opportunities: counted.opportunities,
            unmitigated: a.unmitigated.len(),
            rules_evaluated: appendix.len(),
            rules_fired: appendix.iter().filter(|r| !r.fired_on.is_empty()).count(),
        };
        let top = a
            .roots
            .iter()
            .filter(|r| !r.all.is_empty())
            .take(3)
            .map(|r| RootView {
                barrier: cx.finding(r.finding),
                source: source_label(&view.findings[r.finding].source, lang),
                blocks: cx.items(&r.all),
                n: r.all.len(),
                noun: label(
                    lang,
                    if r.all.len() == 1 {
                        "service_one"
                    } else {
                        "service_many"
                    },
                ),
            })
            .collect();
        let unlock = a
            .unlock
            .iter()
            .enumerate()
            .map(|(i, u)| UnlockView {
                step: i + 1,
                barrier: cx.finding(u.finding),
                unblocks: cx.items(&u.newly_unblocked),
            })
            .collect();
        let vocab = &eval.rules.vocab;
        let field = |name: &str| header_field(model, vocab, name, lang);
        ModelView {
            n,
            anchor: format!("m{n}"),
            file: view.file.clone(),
            file_name: model
                .file()
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            name: view.name.clone(),
            municipality: field("municipality"),
            challenge: field("challenge"),
            horizon: field("horizon"),
            description: field("summary"),
            counts,
            top,
            svg: inline_svg(&a.svg, &format!("m{n}-"), n > 1),
            print_svgs: a
                .print_svgs
                .iter()
                .enumerate()
                .map(|(i, svg)| inline_svg(svg, &format!("m{n}p{i}-"), true))
                .collect(),
            print_legend: inline_svg(&a.print_legend, &format!("m{n}l-"), true),
            fence: fence(&a.mermaid),
            mermaid: a.mermaid,
            services,
            barriers,
            opportunities,
            unmitigated: cx.findings(
                &order
                    .iter()
                    .copied()
                    .filter(|i| a.unmitigated.contains(i))
                    .collect::<Vec<_>>(),
            ),
            unlock,
            appendix,
            exempted: eval
                .exempted
                .iter()
                .map(|(r, s, overlay)| {
                    format!("{} ({}): {overlay}", eval.rules.rules[*r].id, s.id(model))
                })
                .collect(),
            whatif,
        }
    }
}

/// The barriers in the order the report lists them: those that block first, ranked as the
/// graph ranks root barriers (most services blocked first), so that the summary's main
/// barriers are B1, B2, B3; then the risks nothing mitigates, then the mitigated ones, each in
/// the model's order.
fn barrier_order(eval: &Evaluation<'_>, a: &Analysis) -> Vec<usize> {
    let mut order: Vec<usize> = a.roots.iter().map(|r| r.finding).collect();
    let mut rest: Vec<usize> = eval
        .barriers()
        .map(|(i, _)| i)
        .filter(|i| !order.contains(i))
        .collect();
    rest.sort_by_key(|&i| (!eval.findings[i].mitigated_by.is_empty(), i));
    order.extend(rest);
    order
}

/// `B1`, `B2`, ... in the barriers' order; `M1`, `M2`, ... (`O1` in English) for the
/// opportunities, in the model's order.
fn finding_keys(eval: &Evaluation<'_>, barriers: &[usize], lang: Lang) -> Vec<String> {
    let mut keys = vec![String::new(); eval.findings.len()];
    for (n, &i) in barriers.iter().enumerate() {
        keys[i] = format!("B{}", n + 1);
    }
    let prefix = crate::text!(lang, "report-opportunity-letter");
    for (n, (i, _)) in eval.opportunities().enumerate() {
        keys[i] = format!("{prefix}{}", n + 1);
    }
    keys
}

fn service(cx: &Ctx<'_, '_>, s: &ServiceReport) -> ServiceView {
    let model = cx.eval.model;
    let via: Vec<ItemId> = s.via.iter().filter_map(|id| model.item_by_id(id)).collect();
    let path = via
        .windows(2)
        .map(|w| PathStep {
            rel: relation(model, w[0], w[1], cx.lang),
            item: cx.item(w[1]),
        })
        .collect();
    let (status, key) = match s.status {
        Status::Blocked => ("blocked", "status_blocked"),
        Status::AtRisk => ("at_risk", "status_at_risk"),
        Status::Ok => ("ok", "status_ok"),
    };
    let causes: Vec<usize> = s
        .paths
        .iter()
        .filter_map(|p| cx.index(&p.rule, &p.subject))
        .collect();
    ServiceView {
        item: item_ref(model, subject_of(model, &s.id), cx.lang),
        status,
        status_label: label(cx.lang, key),
        path,
        cause: causes.first().map(|&f| cx.finding(f)),
        others: cx.findings(causes.get(1..).unwrap_or(&[])),
    }
}

/// The subject an id names: an item, or the model block.
fn subject_of(model: &Model, id: &str) -> Subject {
    model.item_by_id(id).map_or(Subject::Model, Subject::Item)
}

/// The word for the step from `prev` to `next` on a service's path.
fn relation(model: &Model, prev: ItemId, next: ItemId, lang: Lang) -> String {
    let key = match model.item(next).kind {
        ItemKind::Service => "rel_depends_on",
        ItemKind::Flow if flows_into(model, next, prev) => "rel_receives",
        ItemKind::Flow | ItemKind::Agreement => "rel_requires",
        ItemKind::Actor => "rel_provider",
        ItemKind::Model => "rel_via",
    };
    label(lang, key)
}

fn barrier(cx: &Ctx<'_, '_>, a: &Analysis, i: usize, f: &Finding) -> BarrierView {
    let v: &FindingReport = &cx.view.findings[i];
    let lang = cx.lang;
    let (effect, effect_key) = match a.effects[i] {
        Effect::Blocks => ("blocks", "effect_blocks"),
        _ if !f.mitigated_by.is_empty() => ("mitigated", "effect_mitigated"),
        _ => ("risk", "effect_risk"),
    };
    let (severity, severity_key) = match v.severity {
        Severity::Error => ("error", "severity_error"),
        Severity::Warning => ("warning", "severity_warning"),
        Severity::Info => ("info", "severity_info"),
    };
    BarrierView {
        r: cx.finding(i),
        severity,
        severity_label: label(lang, severity_key),
        effect,
        effect_label: label(lang, effect_key),
        blocks: a.effects[i] == Effect::Blocks,
        reaches: cx.items(&a.reach[i]),
        source: source_view(&v.source),
        message: v.message.trim().to_string(),
        remedy: v.remedy.trim().to_string(),
        mitigated_by: cx.findings(&f.mitigated_by),
        refused: cx.findings(&f.refused),
    }
}

fn opportunity(cx: &Ctx<'_, '_>, i: usize, f: &Finding) -> OpportunityView {
    let v: &FindingReport = &cx.view.findings[i];
    OpportunityView {
        r: cx.finding(i),
        source: source_view(&v.source),
        message: v.message.trim().to_string(),
        remedy: v.remedy.trim().to_string(),
        mitigates: cx.findings(&f.mitigates),
        supports: f
            .mitigates
            .is_empty()
            .then(|| item_ref(cx.eval.model, f.subject, cx.lang)),
    }
}

fn appendix(eval: &Evaluation<'_>, lang: Lang) -> Vec<RuleRow> {
    eval.evaluated
        .iter()
        .map(|&ri| {
            let rule = &eval.rules.rules[ri];
            let (kind, kind_key) = match rule.kind {
                RuleKind::Barrier => ("barrier", "kind_barrier"),
                RuleKind::Opportunity => ("opportunity", "kind_opportunity"),
            };
            RuleRow {
                id: rule.id.clone(),
                title: rule.title.get(lang).to_string(),
                kind,
                kind_label: label(lang, kind_key),
                source: source_label(&crate::view::source_ref(rule), lang),
                pack: eval
                    .rules
                    .packs
                    .get(rule.pack)
                    .map(|p| p.id.clone())
                    .unwrap_or_default(),
                fired_on: eval
                    .findings
                    .iter()
                    .filter(|f| f.rule == ri)
                    .map(|f| item_ref(eval.model, f.subject, lang))
                    .collect(),
            }
        })
        .collect()
}

fn item_ref(model: &Model, s: Subject, lang: Lang) -> ItemRef {
    let item = s.item(model);
    let ends = match item.ends {
        Ends::Flow { from, to } => Some((from, to)),
        Ends::Agreement { a, b } => Some((a, b)),
        Ends::None => None,
    }
    .map(|(x, y)| {
        let arrow = if matches!(item.ends, Ends::Agreement { .. }) {
            "↔"
        } else {
            "→"
        };
        format!(
            "{} {arrow} {}",
            model.item(x).label(),
            model.item(y).label()
        )
    });
    let id = s.id(model).to_string();
    let name = match s {
        Subject::Model => model.name().to_string(),
        Subject::Item(_) => item.label().to_string(),
    };
    let named = s == Subject::Model || item.name.is_some();
    ItemRef {
        named,
        show_id: named && s != Subject::Model && name != id,
        id,
        name,
        kind: item.kind.noun(lang),
        ends,
    }
}

/// The graph's standalone SVG made fit to sit inline in a page with other graphs: no XML
/// prolog, and (when `rename`) its ids (arrow markers) prefixed with `prefix` (the model's
/// number, and which drawing) so that two graphs in one report do not share an id.
fn inline_svg(svg: &str, prefix: &str, rename: bool) -> String {
    let start = svg.find("<svg").unwrap_or(0);
    let svg = &svg[start..];
    if !rename {
        return svg.to_string();
    }
    svg.replace(" id=\"", &format!(" id=\"{prefix}"))
        .replace("url(#", &format!("url(#{prefix}"))
        .replace("href=\"#", &format!("href=\"#{prefix}"))
}

fn fence(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    "`".repeat(longest.max(2) + 1)
}

fn plain_label(s: &SourceRef) -> String {
    format!("{} {}", s.short, s.section).trim().to_string()
}

/// `GDPR art. 28`, and `(ikke verifisert)` after it when the rule is not verified: the short
/// form the summary and the appendix print.
fn source_label(source: &SourceRef, lang: Lang) -> String {
    let plain = plain_label(source);
    if source.verified {
        plain
    } else {
        format!("{plain} ({})", label(lang, "not_verified"))
    }
}

fn source_view(s: &SourceRef) -> SourceView {
    let url = s.url.trim();
    let linkable = (url.starts_with("https://") || url.starts_with("http://"))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    SourceView {
        act: s.act.clone(),
        label: plain_label(s),
        url: linkable.then(|| url.to_string()),
        url_text: url.to_string(),
        unverified: !s.verified,
    }
}

/// A field of the model block as text, when the model sets it.
fn header_field(model: &Model, vocab: &Vocabulary, name: &str, lang: Lang) -> Option<String> {
    let field = vocab.field_by_name(ItemKind::Model, name)?;
    let text = match model.header.get(field)? {
        Value::Str(s) => s.trim().to_string(),
        Value::Term(t) => vocab.term(*t).label.get(lang).to_lowercase(),
        Value::Terms(ts) => ts
            .iter()
            .map(|t| vocab.term(*t).label.get(lang).to_lowercase())
            .collect::<Vec<_>>()
            .join(", "),
        Value::Integer(i) => i.to_string(),
        Value::Number(x) | Value::Percent(x) => x.to_string(),
        Value::Date(d) => d.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Ref(r) => model.item(*r).label().to_string(),
        Value::Refs(rs) => rs
            .iter()
            .map(|r| model.item(*r).label())
            .collect::<Vec<_>>()
            .join(", "),
        Value::Quantity(q) => {
            format!("{} {}", q.value, vocab.unit(q.unit).label.get(lang))
        }
    };
    Some(text)
}
