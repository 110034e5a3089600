//! The view of an evaluation: what rammelab found in each model, as owned, serialisable data.
//!
//! The view is built once from the evaluations ([`ModelReport::build`], [`CheckReport::new`])
//! and every output renders it ([`crate::render`]). No renderer looks at a model or a rule set
//! again, so all of them say the same thing.
//!
//! The JSON form is a contract (`docs/check-report.schema.json`): the fields of the structs
//! below serialise in the order they are declared, and models, findings and services come in a
//! stable order (models by path; findings by position in the file, then rule id).

mod counts;

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::engine::{explain, Evaluation, Finding, Subject};
use crate::graph::ServiceStatus;
/// How a service stands: the graph's status, which the view carries as it is.
pub use crate::graph::Status;
use crate::rules::{Rule, RuleKind, RuleSet, Severity};
use crate::syntax::Span;
use crate::text;
use crate::vocab::Lang;

pub use counts::Counts;

/// The value of the report's `schema` field; it changes when the report's shape does.
pub const SCHEMA: &str = "rammelab/check-report/v2";

/// Everything one `rammelab check` found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckReport {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The version of rammelab that wrote the report.
    pub version: String,
    /// The date the framework was read at (`YYYY-MM-DD`).
    pub at: String,
    /// The models that loaded, sorted by path.
    pub models: Vec<ModelReport>,
    /// How many models, findings and errors, for the summary line and the exit code.
    pub summary: Summary,
    /// The language of titles, messages and remedies.
    pub lang: Lang,
    /// The rule packs used, by id.
    pub packs: Vec<PackRef>,
    /// The models that did not load, sorted by path, with their diagnostics.
    pub invalid_models: Vec<InvalidModel>,
    /// Every rule evaluated on at least one model, sorted by id.
    pub rules: Vec<RuleInfo>,
}

/// A rule pack and its version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackRef {
    pub id: String,
    pub version: String,
}

/// What one model's check found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelReport {
    /// The model file, as given on the command line (or found under a folder given there).
    pub file: String,
    /// The model's display name.
    pub name: String,
    /// Barriers and opportunities, by position in the file, then rule id.
    pub findings: Vec<FindingReport>,
    /// Every service of the model and whether a barrier blocks it, in source order.
    pub services: Vec<ServiceReport>,
    /// Ids of the rules in force that were evaluated on this model, sorted.
    pub evaluated: Vec<String>,
}

/// A model file that could not be read or resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvalidModel {
    pub file: String,
    /// The diagnostics, rendered as plain text.
    pub diagnostics: String,
    /// Each error on its own, with where it is.
    pub errors: Vec<ModelProblem>,
}

/// One error that keeps a model from loading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelProblem {
    /// The diagnostic's stable code (`rammelab::unknown-term`).
    pub code: String,
    pub message: String,
    pub location: Location,
    /// How to fix it, when the diagnostic says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

/// A barrier or opportunity: one rule that fired on one item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingReport {
    /// The rule's id.
    pub rule: String,
    pub kind: RuleKind,
    pub severity: Severity,
    /// The id of the item the rule fired on (`model` for the model block).
    pub subject: String,
    pub message: String,
    pub source: SourceRef,
    pub location: Location,
    /// Ids of the opportunity rules that mitigate this barrier.
    pub mitigated_by: Vec<String>,
    /// What kind of item the subject is (`flow`, `service`, ...).
    pub subject_kind: String,
    /// The rule's title.
    pub title: String,
    /// What to do about it.
    pub remedy: String,
    /// The opportunity findings that mitigate this barrier, with where they point.
    pub mitigations: Vec<FindingRef>,
    /// For an opportunity: the barrier findings it mitigates.
    pub mitigates: Vec<FindingRef>,
    /// Opportunities that would mitigate this barrier but that the barrier refuses (EU/EEA law
    /// is not set aside by a trial under forsøksloven).
    pub refused: Vec<FindingRef>,
    /// With `--explain`: each step of the rule's condition, whether it held, and its values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<Vec<ExplainStep>>,
}

impl FindingReport {
    pub fn is_barrier(&self) -> bool {
        self.kind == RuleKind::Barrier
    }
}

/// Where a rule comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// The act's full Norwegian name.
    pub act: String,
    /// The section or article (`§ 13`, `art. 28`).
    pub section: String,
    /// A Lovdata URL or the funder's page.
    pub url: String,
    /// The act's short name (`GDPR`, `forvaltningsloven`).
    pub short: String,
    /// `false` when the rule has not been checked against the consolidated text; left out of
    /// the JSON when true, so reports of reviewed rules read as before.
    #[serde(default = "verified_default", skip_serializing_if = "is_verified")]
    pub verified: bool,
}

fn verified_default() -> bool {
    true
}

fn is_verified(v: &bool) -> bool {
    *v
}

/// A place in a model file: 1-based lines and columns (columns count characters).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// Another finding of the same model, named by rule and subject.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingRef {
    pub rule: String,
    pub subject: String,
    pub location: Location,
}

/// One step of a finding's condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExplainStep {
    /// The part of the rule's `when` this step is about, as written.
    pub text: String,
    pub held: bool,
    /// The values the step saw.
    pub values: Vec<String>,
}

/// Whether a service can run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceReport {
    pub id: String,
    pub status: Status,
    /// Ids of the barrier rules that cause the status, nearest first: for `blocked` the
    /// unmitigated errors, for `at_risk` the warnings and mitigated errors.
    pub blocked_by: Vec<String>,
    /// The first step from the service toward the first of `blocked_by` (see
    /// [`crate::graph::ServiceStatus::via`]): `[beredskap]`, `[beredskap, mottakerliste]`, or
    /// `[beredskap, doerbesok]` when the barrier comes through `doerbesok`, which it depends on.
    pub via: Vec<String>,
    /// The service's display name.
    pub name: String,
    /// Every blocking path: for each barrier that causes the status (a rule may sit on several
    /// items), its rule id and the path from the service to the item it sits on. For the human
    /// output; not part of the JSON contract (v1), whose `blocked_by` and `via` say the same
    /// for the first path.
    #[serde(skip)]
    pub paths: Vec<BlockingPath>,
}

/// One way a barrier reaches a service.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BlockingPath {
    /// The barrier's rule id.
    pub rule: String,
    /// The id of the item the barrier sits on.
    pub subject: String,
    /// The first step from the service toward the barrier, as item ids (see `via` above).
    pub via: Vec<String>,
    /// The service it depends on that the barrier reaches it through (the last of `via`), when
    /// the barrier does not sit on the service's own items.
    pub through: Option<String>,
}

/// A rule as the report's readers need it (SARIF's `tool.driver.rules`, for one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleInfo {
    pub id: String,
    pub kind: RuleKind,
    pub severity: Severity,
    pub title: String,
    pub source: SourceRef,
    pub pack: String,
}

/// Counts over all models.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    pub barriers: usize,
    pub opportunities: usize,
    pub blocked_services: usize,
    /// Models checked (that loaded).
    pub models: usize,
    /// Models that did not load.
    pub invalid_models: usize,
    /// Barriers of severity `error`.
    pub errors: usize,
    /// Barriers of severity `warning`.
    pub warnings: usize,
    /// Barriers no opportunity mitigates.
    pub unmitigated: usize,
    pub at_risk_services: usize,
}

/// What the report is built with.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub lang: Lang,
    /// Record the steps of each finding's condition.
    pub explain: bool,
}

/// A path as the report shows it: as given, with `/` between folders on every platform.
pub fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy();
    if cfg!(windows) {
        s.replace('\\', "/")
    } else {
        s.into_owned()
    }
}

impl InvalidModel {
    /// What the machine formats say of a model that did not load, in `lang`.
    pub fn headline(lang: Lang) -> String {
        text!(lang, "check-model-does-not-load")
    }

    /// A model file that did not load, with its errors.
    pub fn new(path: &Path, errors: &crate::model::ModelErrors) -> InvalidModel {
        let file = display_path(path);
        let problems = errors
            .iter()
            .map(|e| {
                let source = e.file();
                let (line, column) = source.line_col(e.span.start);
                let (end_line, end_column) = source.line_col(e.span.end);
                ModelProblem {
                    code: e.code().to_string(),
                    message: e.to_string(),
                    location: Location {
                        file: file.clone(),
                        line,
                        column,
                        end_line,
                        end_column,
                    },
                    help: miette::Diagnostic::help(e).map(|h| h.to_string()),
                }
            })
            .collect();
        InvalidModel {
            file,
            diagnostics: String::new(),
            errors: problems,
        }
    }
}

impl ModelReport {
    /// The report on one evaluated model.
    pub fn build(eval: &Evaluation<'_>, opts: Options) -> ModelReport {
        let model = eval.model;
        let file = display_path(model.file());
        let lang = opts.lang;
        let reference = |i: usize| {
            let f = &eval.findings[i];
            FindingRef {
                rule: eval.rule(f).id.clone(),
                subject: f.subject.id(model).to_string(),
                location: location(eval, &file, f.subject),
            }
        };
        let findings = eval
            .findings
            .iter()
            .map(|f| {
                let rule = eval.rule(f);
                FindingReport {
                    rule: rule.id.clone(),
                    kind: rule.kind,
                    severity: rule.severity,
                    subject: f.subject.id(model).to_string(),
                    message: eval.message(f, lang),
                    source: source_ref(rule),
                    location: location(eval, &file, f.subject),
                    mitigated_by: f
                        .mitigated_by
                        .iter()
                        .map(|&i| eval.rules.rules[eval.findings[i].rule].id.clone())
                        .collect(),
                    subject_kind: f.subject.item(model).kind.keyword().to_string(),
                    title: rule.title.get(lang).to_string(),
                    remedy: eval.remedy(f, lang),
                    mitigations: f.mitigated_by.iter().map(|&i| reference(i)).collect(),
                    mitigates: f.mitigates.iter().map(|&i| reference(i)).collect(),
                    refused: f.refused.iter().map(|&i| reference(i)).collect(),
                    explain: opts.explain.then(|| explain_steps(eval, f, lang)),
                }
            })
            .collect();
        let services = statuses(eval)
            .into_iter()
            .map(|s| service_report(eval, s))
            .collect();
        ModelReport {
            file,
            name: model.name().to_string(),
            findings,
            services,
            evaluated: eval
                .evaluated
                .iter()
                .map(|&i| eval.rules.rules[i].id.clone())
                .collect(),
        }
    }

    pub fn barriers(&self) -> impl Iterator<Item = &FindingReport> {
        self.findings.iter().filter(|f| f.is_barrier())
    }

    pub fn opportunities(&self) -> impl Iterator<Item = &FindingReport> {
        self.findings.iter().filter(|f| !f.is_barrier())
    }
}

/// Where a rule comes from, as every output shows it.
pub(crate) fn source_ref(rule: &Rule) -> SourceRef {
    SourceRef {
        act: rule.source.act.clone(),
        section: rule.source.section.clone(),
        url: rule.source.url.clone(),
        short: rule.source.short.clone(),
        verified: rule.verified,
    }
}

/// Where a finding points: the subject's id (the keyword, for the model block). `file` is the
/// model file as the view shows it; an item a variant takes from its base points into the
/// base's file.
pub(crate) fn location(eval: &Evaluation<'_>, file: &str, subject: Subject) -> Location {
    let model = eval.model;
    let span: Span = subject.item(model).id_span;
    // An item a variant takes from its base points into the base's file.
    let source = match subject {
        Subject::Item(id) => model.source_of(id),
        Subject::Model => model.header_source(),
    };
    let file = if std::sync::Arc::ptr_eq(source, &model.source) {
        file.to_string()
    } else {
        source.path.display().to_string()
    };
    let (line, column) = source.line_col(span.start);
    let (end_line, end_column) = source.line_col(span.end);
    Location {
        file,
        line,
        column,
        end_line,
        end_column,
    }
}

fn explain_steps(eval: &Evaluation<'_>, f: &Finding, lang: Lang) -> Vec<ExplainStep> {
    let rule = eval.rule(f);
    explain(eval.model, eval.rules, eval.at, f, lang)
        .into_iter()
        .map(|s| ExplainStep {
            text: one_line(s.span.text(&rule.when_text)),
            held: s.held,
            values: s.values,
        })
        .collect()
}

/// The status of every service, from the barrier graph so the report and `graph` never
/// disagree.
fn statuses(eval: &Evaluation<'_>) -> Vec<ServiceStatus> {
    crate::graph::service_statuses(&crate::graph::BarrierGraph::build(eval))
}

fn service_report(eval: &Evaluation<'_>, s: ServiceStatus) -> ServiceReport {
    let model = eval.model;
    let paths = s
        .blocked_by
        .iter()
        .zip(&s.paths)
        .map(|(&i, via)| BlockingPath {
            rule: eval.rules.rules[eval.findings[i].rule].id.clone(),
            subject: eval.findings[i].subject.id(model).to_string(),
            via: via.iter().map(|&v| model.item(v).id.clone()).collect(),
            through: via
                .get(1)
                .filter(|&&v| model.item(v).kind == crate::vocab::ItemKind::Service)
                .map(|&v| model.item(v).id.clone()),
        })
        .collect();
    let mut blocked_by: Vec<String> = Vec::new();
    for &i in &s.blocked_by {
        let id = &eval.rules.rules[eval.findings[i].rule].id;
        if !blocked_by.contains(id) {
            blocked_by.push(id.clone());
        }
    }
    ServiceReport {
        id: model.item(s.service).id.clone(),
        status: s.status,
        blocked_by,
        via: s.via.iter().map(|&v| model.item(v).id.clone()).collect(),
        name: model.item(s.service).label().to_string(),
        paths,
    }
}

/// One model's outcome: its report, or why it could not be checked.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// The model loaded and was evaluated.
    Checked(ModelReport),
    /// The model did not load: its errors.
    Invalid(InvalidModel),
}

impl CheckReport {
    /// The report over every model's outcome; models and invalid models are sorted by path.
    pub fn new(rules: &RuleSet, at: jiff::civil::Date, lang: Lang, outcomes: Vec<Outcome>) -> Self {
        let mut models = Vec::new();
        let mut invalid_models = Vec::new();
        for o in outcomes {
            match o {
                Outcome::Checked(m) => models.push(m),
                Outcome::Invalid(i) => invalid_models.push(i),
            }
        }
        models.sort_by(|a: &ModelReport, b| a.file.cmp(&b.file));
        invalid_models.sort_by(|a: &InvalidModel, b| a.file.cmp(&b.file));
        let rules_used = rule_infos(rules, &models, lang);
        let summary = summarise(&models, invalid_models.len());
        CheckReport {
            schema: SCHEMA.to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            at: at.to_string(),
            models,
            summary,
            lang,
            packs: rules
                .packs
                .iter()
                .map(|p| PackRef {
                    id: p.id.clone(),
                    version: p.version.clone(),
                })
                .collect(),
            invalid_models,
            rules: rules_used,
        }
    }

    /// Every finding of every model, in report order.
    pub fn findings(&self) -> impl Iterator<Item = (&ModelReport, &FindingReport)> {
        self.models
            .iter()
            .flat_map(|m| m.findings.iter().map(move |f| (m, f)))
    }

    /// What the report says about the rule with this id, if it fired anywhere.
    pub fn rule(&self, id: &str) -> Option<&RuleInfo> {
        self.rules
            .binary_search_by(|r| r.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.rules[i])
    }
}

fn rule_infos(rules: &RuleSet, models: &[ModelReport], lang: Lang) -> Vec<RuleInfo> {
    let mut used: BTreeMap<&str, RuleInfo> = BTreeMap::new();
    for id in models.iter().flat_map(|m| m.evaluated.iter()) {
        if used.contains_key(id.as_str()) {
            continue;
        }
        if let Some(r) = rules.rule_by_id(id) {
            used.insert(
                id,
                RuleInfo {
                    id: r.id.clone(),
                    kind: r.kind,
                    severity: r.severity,
                    title: r.title.get(lang).to_string(),
                    source: source_ref(r),
                    pack: rules
                        .packs
                        .get(r.pack)
                        .map(|p| p.id.clone())
                        .unwrap_or_default(),
                },
            );
        }
    }
    used.into_values().collect()
}

fn summarise(models: &[ModelReport], invalid: usize) -> Summary {
    let mut s = Summary {
        models: models.len(),
        invalid_models: invalid,
        ..Summary::default()
    };
    for f in models.iter().flat_map(|m| m.findings.iter()) {
        if !f.is_barrier() {
            s.opportunities += 1;
            continue;
        }
        s.barriers += 1;
        match f.severity {
            Severity::Error => s.errors += 1,
            Severity::Warning => s.warnings += 1,
            Severity::Info => {}
        }
        if f.mitigated_by.is_empty() {
            s.unmitigated += 1;
        }
    }
    for sv in models.iter().flat_map(|m| m.services.iter()) {
        match sv.status {
            Status::Blocked => s.blocked_services += 1,
            Status::AtRisk => s.at_risk_services += 1,
            Status::Ok => {}
        }
    }
    s
}

/// Which findings make `check` fail (`--fail-on`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FailOn {
    /// Barriers of severity `error`.
    #[default]
    Barrier,
    /// Every barrier, warnings too.
    Warning,
    /// Nothing: only a model that does not load fails the check.
    Never,
}

impl FailOn {
    /// Does this finding make the check fail?
    pub fn fails(self, f: &FindingReport) -> bool {
        f.is_barrier()
            && match self {
                FailOn::Barrier => f.severity == Severity::Error,
                FailOn::Warning => true,
                FailOn::Never => false,
            }
    }
}

/// The text on one line, every run of whitespace made one space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
