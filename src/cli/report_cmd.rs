//! `rammelab report MODEL...`: the barrier report for a lab session, in Markdown or HTML.

use std::path::{Path, PathBuf};

use super::args::{AtArgs, LangArgs, RulesArgs};
use super::check::{load_with, print_errors};
use super::choices::ReportFormat;
use super::{report_collect_error, EXIT_INPUT};
use crate::engine::evaluate;
use crate::model::Model;
use crate::render::report::{self, LabReport, ReportFormat as Format};

/// Arguments of `report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Model files (`*.lsm`) or folders to search for them. Several models give one report with
    /// a section per model and a comparison table.
    #[arg(required = true, value_name = "MODEL")]
    pub models: Vec<PathBuf>,
    /// `md` (Markdown, the graph as a Mermaid block) or `html` (one self-contained page).
    /// Default: from the extension of `-o` (`.html`, `.htm`), else `md`.
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    #[command(flatten)]
    pub lang: LangArgs,
    #[command(flatten)]
    pub at: AtArgs,
    #[command(flatten)]
    pub rules: RulesArgs,
    /// Write the report to this file (atomically: a reader never sees half a report) instead
    /// of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the `-o` file even when it is read-only (it stays read-only).
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Add a "what if" section from the lab (see `rammelab lab`): the model's variants (by
    /// default `variants/<name>/` beside it) and any overlays given. Implied by `--variants`,
    /// `--overlays` and `--overlay`.
    #[arg(long)]
    pub what_if: bool,
    /// Leave out the table of every rule evaluated at the end of each model (its counts stay):
    /// for printing several models.
    #[arg(long)]
    pub no_appendix: bool,
    #[command(flatten)]
    pub lab: super::lab::LabSources,
    #[command(flatten)]
    pub limits: super::limits::LimitArgs,
}

impl ReportArgs {
    fn format(&self) -> Format {
        self.format.map(Format::from).unwrap_or_else(|| {
            let html = self
                .output
                .as_deref()
                .and_then(Path::extension)
                .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
            if html {
                Format::Html
            } else {
                Format::Md
            }
        })
    }
}

/// Runs `report`. Exits 0 when the report was written (whatever it found: a report is a
/// document, not a gate; use `check --fail-on` for that), 2 when a model, a rule pack or the
/// output file is wrong.
pub fn run(args: &ReportArgs) -> super::Exit {
    let rules = match args.rules.load_or_exit(args.lang.lang) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let files = match super::collect_models(&args.models) {
        Ok(f) => f,
        Err(e) => return report_collect_error(&e),
    };
    let lang = args.lang.lang;
    let mut models: Vec<Model> = Vec::new();
    let mut invalid = false;
    for file in &files {
        match load_with(file, &rules.vocab, lang, &args.limits.limits()) {
            Ok(m) => models.push(m),
            Err(errors) => {
                invalid = true;
                print_errors(&errors);
            }
        }
    }
    if invalid {
        return EXIT_INPUT;
    }
    if models.is_empty() {
        errln!("{}", crate::text!(lang, "cli-no-models-report"));
        return EXIT_INPUT;
    }
    let at = args.at.date();
    let evals: Vec<_> = models.iter().map(|m| evaluate(m, &rules, at)).collect();
    let mut whatifs = Vec::new();
    for m in &models {
        whatifs.push(if args.what_if || args.lab.given() {
            match super::lab::build(m.file(), m, &args.lab, &rules, at, lang) {
                Ok(l) => Some(crate::render::lab::table(&l, lang)),
                Err(code) => return code,
            }
        } else {
            None
        });
    }
    let with: Vec<_> = evals.iter().zip(whatifs).collect();
    let report = LabReport::build(&with, lang);
    let report = if args.no_appendix {
        report.without_appendix()
    } else {
        report
    };
    let text = match report::render(&report, args.format()) {
        Ok(t) => t,
        Err(e) => {
            errln!(
                "{}",
                crate::text!(lang, "cli-render-failed", error = e.to_string())
            );
            return EXIT_INPUT;
        }
    };
    super::output::emit(args.output.as_deref(), &text, args.force, lang)
}
