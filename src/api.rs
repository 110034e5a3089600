//! The library's facade: the few calls a program that embeds rammelab needs, in the order the
//! data flows. Load the rule packs once into a [`Workspace`]; check a model held in memory
//! ([`Workspace::check_source`]) or on disk ([`Workspace::check_file`]); read the errors (each
//! with its span) or the [`View`] of the findings; build the dependency graph and render.
//!
//! ```no_run
//! use rammelab::{Date, Lang, Workspace};
//!
//! let workspace = Workspace::builtin().expect("the shipped packs load");
//! let at: Date = "2027-01-01".parse().expect("a date");
//! let text = "model \"Skyss\" {}\n";
//! match workspace.check_source("skyss.lsm", text, at, Lang::Nb) {
//!     Ok(checked) => println!("{} findings", checked.view.findings.len()),
//!     Err(errors) => eprintln!("{}", rammelab::render_errors(&errors, false, 100)),
//! }
//! ```
//!
//! The stages behind it (syntax, model, rules, engine, graph, view, render, ...) are
//! `pub(crate)`; see `docs/architecture.md`.

use std::path::{Path, PathBuf};

pub use crate::base::collect::{collect_models, CollectError};
pub use crate::base::limits::Limits;
pub use crate::base::source::SourceFile;
pub use crate::engine::Evaluation;
pub use crate::graph::BarrierGraph;
pub use crate::model::{Model, ModelError, ModelErrors};
pub use crate::rules::{RuleErrors, RuleSet, RuleSources};
pub use crate::syntax::Span;
pub use crate::view::{CheckReport, FailOn, Outcome};
pub use crate::vocab::{Lang, Vocabulary};
pub use jiff::civil::Date;

/// One view of the evaluation of one model: its findings with their texts in one language,
/// the legal sources, the locations in the model file, the services and their status, and the
/// counts. What every output reads.
pub type View = crate::view::ModelReport;

/// Rule packs (with any overlays applied) and their vocabulary: what models are checked
/// against. Load it once and check many models with it.
#[derive(Debug, Clone)]
pub struct Workspace {
    rules: RuleSet,
    limits: Limits,
}

/// A model that loaded, and the view of its evaluation.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The resolved model.
    pub model: Model,
    /// Findings, sources, locations, services and counts, in the language asked for.
    pub view: View,
}

impl Workspace {
    /// The packs and the vocabulary shipped with rammelab.
    pub fn builtin() -> Result<Workspace, RuleErrors> {
        Workspace::load(&RuleSources::default(), &[])
    }

    /// The packs `sources` names, with the overlays (proposals, trials) applied on top, in
    /// order. Every error of every file is collected.
    pub fn load(sources: &RuleSources, overlays: &[PathBuf]) -> Result<Workspace, RuleErrors> {
        let rules = sources.load()?;
        let rules = if overlays.is_empty() {
            rules
        } else {
            let files = crate::rules::overlay::read_overlays(overlays)?;
            rules.with_overlays(&files)?
        };
        Ok(Workspace::from_rules(rules))
    }

    /// A workspace of rules loaded some other way.
    pub fn from_rules(rules: RuleSet) -> Workspace {
        Workspace {
            rules,
            limits: Limits::default(),
        }
    }

    /// The same workspace, reading models within other limits.
    pub fn with_limits(mut self, limits: Limits) -> Workspace {
        self.limits = limits;
        self
    }

    /// The loaded rules.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// The vocabulary models are resolved against.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.rules.vocab
    }

    /// Parses and resolves a model text held in memory; `path` is the name its diagnostics
    /// and locations use (nothing is read from it). The errors are in `lang`.
    pub fn parse_model(
        &self,
        path: impl Into<PathBuf>,
        text: impl Into<String>,
        lang: Lang,
    ) -> Result<Model, ModelErrors> {
        let source = SourceFile::new(path, text);
        crate::model::resolve_source_with(source, &self.rules.vocab, &self.limits)
            .map_err(|e| e.in_lang(lang))
    }

    /// Reads, parses and resolves a model file. The errors are in `lang`.
    pub fn load_model(&self, path: &Path, lang: Lang) -> Result<Model, ModelErrors> {
        crate::model::load_file_with(path, &self.rules.vocab, &self.limits)
            .map_err(|e| e.in_lang(lang))
    }

    /// Evaluates a model at a date.
    pub fn evaluate<'a>(&'a self, model: &'a Model, at: Date) -> Evaluation<'a> {
        crate::engine::evaluate(model, &self.rules, at)
    }

    /// Checks a model text held in memory at a date: the errors of the text (every one, each
    /// with its span), or the model and the view of its evaluation in `lang`.
    pub fn check_source(
        &self,
        path: impl Into<PathBuf>,
        text: impl Into<String>,
        at: Date,
        lang: Lang,
    ) -> Result<Checked, ModelErrors> {
        let model = self.parse_model(path, text, lang)?;
        Ok(self.checked(model, at, lang))
    }

    /// [`Workspace::check_source`] for a model file.
    pub fn check_file(&self, path: &Path, at: Date, lang: Lang) -> Result<Checked, ModelErrors> {
        let model = self.load_model(path, lang)?;
        Ok(self.checked(model, at, lang))
    }

    fn checked(&self, model: Model, at: Date, lang: Lang) -> Checked {
        let view = build_view(&self.evaluate(&model, at), lang);
        Checked { model, view }
    }

    /// The report of a check of several models (what `rammelab check` prints), from the
    /// outcome of each: a [`View`] or the errors of a model that did not load.
    pub fn report(&self, at: Date, lang: Lang, outcomes: Vec<Outcome>) -> CheckReport {
        CheckReport::new(&self.rules, at, lang, outcomes)
    }
}

impl Checked {
    /// The evaluation again, for the graph or `--explain`-style reading. It borrows the model
    /// and the rules, so it is not kept in [`Checked`]; evaluating is cheap next to parsing.
    pub fn evaluation<'a>(&'a self, workspace: &'a Workspace, at: Date) -> Evaluation<'a> {
        workspace.evaluate(&self.model, at)
    }
}

/// Reads, parses and resolves a model file against a vocabulary (the errors in the default
/// language; [`ModelErrors::in_lang`] gives another).
pub fn load_model(path: &Path, vocab: &Vocabulary) -> Result<Model, ModelErrors> {
    crate::model::load_file(path, vocab)
}

/// Parses and resolves a model text held in memory; `path` names it in diagnostics.
pub fn parse_model(
    path: impl Into<PathBuf>,
    text: impl Into<String>,
    vocab: &Vocabulary,
) -> Result<Model, ModelErrors> {
    crate::model::resolve_source(SourceFile::new(path, text), vocab)
}

/// Evaluates a model against rules at a date: the findings, mitigations and what each rule
/// saw.
pub fn evaluate<'a>(model: &'a Model, rules: &'a RuleSet, at: Date) -> Evaluation<'a> {
    crate::engine::evaluate(model, rules, at)
}

/// The view of an evaluation in one language.
pub fn build_view(eval: &Evaluation<'_>, lang: Lang) -> View {
    View::build(
        eval,
        crate::view::Options {
            lang,
            explain: false,
        },
    )
}

/// The dependency graph of an evaluation: items, findings and legal sources, and which
/// services are blocked or at risk.
pub fn build_graph<'a>(eval: &'a Evaluation<'a>) -> BarrierGraph<'a> {
    BarrierGraph::build(eval)
}

/// The machine-readable formats of a check report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// The JSON of `docs/check-report.schema.json`.
    Json,
    /// SARIF 2.1.0.
    Sarif,
    /// JUnit XML.
    Junit,
    /// One line a finding: `file:line:col: severity: title [rule]`.
    Concise,
}

/// Renders a check report. Paths in SARIF are relative to the current folder.
pub fn render(report: &CheckReport, format: Format) -> String {
    use crate::render::check as report;
    match format {
        Format::Json => {
            let mut out = Vec::new();
            // Writing into memory cannot fail.
            let _ = report::json::write(report, &mut out);
            String::from_utf8(out).unwrap_or_default()
        }
        Format::Sarif => {
            report::sarif::render(report, std::env::current_dir().ok().as_deref(), false)
        }
        Format::Junit => report::junit::render(report),
        Format::Concise => report::human::render_concise(
            report,
            report::human::Layout {
                width: 100,
                quiet: false,
                fail_on: FailOn::Barrier,
                color: false,
                all_paths: false,
            },
        ),
    }
}

/// Renders a diagnostic for people, `width` columns wide, with colours or without: the source
/// snippet, the labels, the help.
pub fn render_diagnostic(diag: &dyn miette::Diagnostic, color: bool, width: usize) -> String {
    crate::base::diag::render_diagnostic(diag, color, width)
}

/// Every error of a model file, then a line saying how many there were.
pub fn render_errors(errors: &ModelErrors, color: bool, width: usize) -> String {
    crate::cli::check::render_errors(errors, color, width)
}

/// Runs the command line (`rammelab …`) with the process's arguments and returns its exit
/// code: what the binary does.
pub fn run_cli() -> i32 {
    match crate::cli::args::parse_command_line() {
        Ok(cli) => crate::cli::run(cli),
        Err(code) => code,
    }
}
