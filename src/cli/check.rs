//! `rammelab check PATH...`: load every model under the paths, evaluate the rule packs on each
//! (in parallel), and report the findings in the format asked for.
//!
//! Results go to standard output and diagnostics to standard error, so `--format json >
//! out.json` stays valid JSON when a model is broken. One broken model does not stop the
//! others. The exit code is the worst of all: 2 when a model (or the call) is wrong, else 1
//! when a finding is at or above `--fail-on`, else 0.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use rayon::prelude::*;

use super::args::{print_rule_errors, AtArgs, LangArgs, OverlayArgs, RulesArgs};
use super::{diag, report_collect_error, EXIT_FINDINGS, EXIT_INPUT, EXIT_OK};
use crate::engine::evaluate;
use crate::model::{self, Model, ModelErrors};
use crate::report::{self, CheckReport, FailOn, InvalidModel, ModelReport, Options, Outcome};
use crate::rules::RuleSet;
use crate::vocab::{Lang, Vocabulary};

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// For a person at a terminal.
    #[default]
    Human,
    /// The check report (`docs/check-report.schema.json`).
    Json,
    /// SARIF 2.1.0, for code scanning (GitHub, GitLab, Azure DevOps).
    Sarif,
    /// JUnit XML: a test suite per model, a test case per rule.
    Junit,
    /// GitHub Actions annotations (`::error file=...`).
    Github,
    /// A GitLab Code Quality report (JSON), shown in merge requests.
    Gitlab,
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Model files (`*.lsm`), or folders to search for them (recursively).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: RulesArgs,
    #[command(flatten)]
    pub overlays: OverlayArgs,
    #[command(flatten)]
    pub at: AtArgs,
    #[command(flatten)]
    pub lang: LangArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Which findings fail the check (exit code 1): barriers of severity error, every barrier
    /// (warnings too), or none.
    #[arg(long, value_enum, default_value_t = FailOn::Barrier, value_name = "LEVEL")]
    pub fail_on: FailOn,
    /// Print nothing when the check passes, and only the findings that fail it otherwise
    /// (human format).
    #[arg(long, short)]
    pub quiet: bool,
    /// Show, under each finding, each step of the rule's condition and the values it saw.
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    pub limits: crate::limits::LimitArgs,
}

/// Width the diagnostics kept in reports are rendered at (terminal output uses the terminal's).
const REPORT_WIDTH: usize = 100;

/// Loads and resolves one model file, with its diagnostics in `lang`.
pub fn load(path: &Path, vocab: &Vocabulary, lang: Lang) -> Result<Model, ModelErrors> {
    load_with(path, vocab, lang, &crate::limits::Limits::default())
}

/// [`load`] within `limits`.
pub fn load_with(
    path: &Path,
    vocab: &Vocabulary,
    lang: Lang,
    limits: &crate::limits::Limits,
) -> Result<Model, ModelErrors> {
    model::load_file_with(path, vocab, limits).map_err(|e| e.in_lang(lang))
}

/// Runs `check` and returns the exit code.
pub fn run(args: &CheckArgs) -> i32 {
    let rules = match args.rules.load() {
        Ok(r) => r,
        Err(e) => {
            let e = e.in_lang(args.lang.lang);
            print_rule_errors(&e);
            print_rule_failure(&e, args);
            return EXIT_INPUT;
        }
    };
    // Overlays (proposals, trials) on top of the packs, as in `diff` and `lab`.
    let rules = if args.overlays.overlays.is_empty() {
        rules
    } else {
        match super::diff::overlaid(&rules, &args.overlays) {
            Ok(r) => r,
            Err(code) => return code,
        }
    };
    let files = match super::collect_models(&args.paths) {
        Ok(files) => files,
        Err(e) => return report_collect_error(&e),
    };
    let lang = args.lang.lang;
    if files.is_empty() {
        eprintln!("{}", no_models(&args.paths, lang));
        return EXIT_INPUT;
    }
    let opts = Options {
        lang,
        explain: args.explain,
    };
    let at = args.at.date();
    let color = diag::stderr_color();
    let checked: Vec<(Outcome, Option<String>)> = files
        .par_iter()
        .map(|f| check_file(f, &rules, at, opts, color, &args.limits.limits()))
        .collect();
    let mut outcomes = Vec::with_capacity(checked.len());
    for (outcome, diagnostics) in checked {
        if let Some(d) = diagnostics {
            eprintln!("{d}");
        }
        outcomes.push(outcome);
    }
    let report = CheckReport::new(&rules, at, lang, outcomes);
    let layout = report::human::Layout {
        width: diag::width(),
        quiet: args.quiet,
        fail_on: args.fail_on,
    };
    let stdout = std::io::stdout().lock();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
    let text = match args.format {
        Format::Human => report::human::render(&report, layout),
        Format::Json => {
            // Streamed: the JSON of a large model is the largest thing the check makes.
            let _ = report::json::write(&report, &mut out).and_then(|()| out.flush());
            return exit_code(&report, args.fail_on);
        }
        Format::Sarif => report::sarif::render(&report, std::env::current_dir().ok().as_deref()),
        Format::Junit => report::junit::render(&report),
        Format::Github => report::github::render(&report),
        Format::Gitlab => report::gitlab::render(&report),
    };
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
    exit_code(&report, args.fail_on)
}

/// For `--format json` and `--format sarif`: the document of a run whose rule packs did not
/// load, on standard output, so that a CI tool always gets one to parse.
fn print_rule_failure(errors: &crate::rules::RuleErrors, args: &CheckArgs) {
    let (at, lang) = (args.at.date(), args.lang.lang);
    let doc = match args.format {
        Format::Json => super::rule_failure::json_document(errors, at, lang),
        Format::Sarif => {
            let cwd = std::env::current_dir().ok();
            super::rule_failure::sarif_document(errors, at, lang, cwd.as_deref())
        }
        _ => None,
    };
    if let Some(doc) = doc {
        let text = serde_json::to_string_pretty(&doc).unwrap_or_default();
        let _ = writeln!(std::io::stdout().lock(), "{text}");
    }
}

/// The exit code a report calls for.
pub fn exit_code(report: &CheckReport, fail_on: FailOn) -> i32 {
    if !report.invalid_models.is_empty() {
        EXIT_INPUT
    } else if report.findings().any(|(_, f)| fail_on.fails(f)) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// Loads, resolves and evaluates one model. An invalid model comes back with its
/// diagnostics rendered for standard error.
fn check_file(
    path: &Path,
    rules: &RuleSet,
    at: jiff::civil::Date,
    opts: Options,
    color: bool,
    limits: &crate::limits::Limits,
) -> (Outcome, Option<String>) {
    match load_with(path, &rules.vocab, opts.lang, limits) {
        Ok(model) => {
            let eval = evaluate(&model, rules, at);
            (Outcome::Checked(ModelReport::build(&eval, opts)), None)
        }
        Err(errors) => {
            let invalid = InvalidModel {
                diagnostics: render_errors(&errors, false, REPORT_WIDTH),
                ..InvalidModel::new(path, &errors)
            };
            let shown = render_errors(&errors, color, diag::width());
            (Outcome::Invalid(invalid), Some(shown))
        }
    }
}

/// Prints every error of a file to standard error.
pub fn print_errors(errors: &ModelErrors) {
    eprint!(
        "{}",
        render_errors(errors, diag::stderr_color(), diag::width())
    );
}

/// Every error of a file, then a line saying how many there were.
pub fn render_errors(errors: &ModelErrors, color: bool, width: usize) -> String {
    let mut out = String::new();
    for e in errors.iter() {
        out.push_str(&diag::render_diagnostic(e, color, width));
        out.push('\n');
    }
    out.push_str(&format!("{errors}\n"));
    out
}

fn no_models(paths: &[PathBuf], lang: Lang) -> String {
    let list: Vec<String> = paths.iter().map(|p| format!("`{}`", p.display())).collect();
    match lang {
        Lang::Nb => format!(
            "rammelab: fant ingen modellfiler (`*.lsm`) i {}",
            list.join(", ")
        ),
        Lang::En => format!(
            "rammelab: found no model files (`*.lsm`) in {}",
            list.join(", ")
        ),
    }
}
