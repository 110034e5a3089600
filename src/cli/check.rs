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
use super::choices::FailOnArg;
use super::{diag, report_collect_error, EXIT_FINDINGS, EXIT_INPUT, EXIT_OK};
use crate::engine::evaluate;
use crate::model::{self, Model, ModelErrors};
use crate::render::check as formats;
use crate::rules::RuleSet;
use crate::view::{CheckReport, FailOn, InvalidModel, ModelReport, Options, Outcome};
use crate::vocab::{Lang, Vocabulary};

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// For a person at a terminal.
    #[default]
    Human,
    /// One line a finding: `file:line:col: severity: title [rule]`.
    Concise,
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
    /// Model files (`*.lsm`), or folders to search for them (recursively); `-` reads a model
    /// from standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The file name a model read from standard input (`-`) goes by: in messages and reports,
    /// and for finding the base model of a variant (`extends` is relative to it).
    #[arg(long, value_name = "NAME", default_value = "<stdin>")]
    pub stdin_filename: PathBuf,
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
    #[arg(long, value_enum, default_value_t = FailOnArg::Barrier, value_name = "LEVEL")]
    pub fail_on: FailOnArg,
    /// Print nothing when the check passes, and only the findings that fail it otherwise
    /// (human format).
    #[arg(long, short)]
    pub quiet: bool,
    /// Show, under each finding, each step of the rule's condition and the values it saw, and
    /// every path by which a barrier blocks a service (human format).
    #[arg(long)]
    pub explain: bool,
    /// Report opportunities too in the CI formats (sarif, github, gitlab), which report only
    /// barriers by default so that the barriers are not lost among them.
    #[arg(long)]
    pub opportunities: bool,
    /// Do not append the Markdown summary to `$GITHUB_STEP_SUMMARY` (for a second `check` in
    /// the same job).
    #[arg(long)]
    pub no_step_summary: bool,
    #[command(flatten)]
    pub limits: super::limits::LimitArgs,
    /// Fix the errors that have one clear did-you-mean (an unknown field, term, unit, id or
    /// keyword), in place, then check; what changed is listed on standard error.
    #[arg(long)]
    pub fix: bool,
    /// Show the fixes `--fix` would make as a unified diff, and write nothing (exit 1 when
    /// there is something to fix).
    #[arg(long)]
    pub diff: bool,
    /// With `--fix`, replace read-only files too (they stay read-only).
    #[arg(long, requires = "fix")]
    pub force: bool,
}

/// Width the diagnostics kept in reports are rendered at (terminal output uses the terminal's).
const REPORT_WIDTH: usize = 100;

/// Loads and resolves one model file, with its diagnostics in `lang`.
pub fn load(path: &Path, vocab: &Vocabulary, lang: Lang) -> Result<Model, ModelErrors> {
    load_with(path, vocab, lang, &crate::base::limits::Limits::default())
}

/// [`load`] within `limits`.
pub fn load_with(
    path: &Path,
    vocab: &Vocabulary,
    lang: Lang,
    limits: &crate::base::limits::Limits,
) -> Result<Model, ModelErrors> {
    model::load_file_with(path, vocab, limits).map_err(|e| e.in_lang(lang))
}

/// Runs `check` and returns the exit code.
pub fn run(args: &CheckArgs) -> super::Exit {
    let rules = match args.rules.load() {
        Ok(r) => r,
        Err(e) => {
            let e = e.in_lang(args.lang.lang);
            print_rule_errors(&e, args.lang.lang);
            print_rule_failure(&e, args);
            return EXIT_INPUT;
        }
    };
    // Overlays (proposals, trials) on top of the packs, as in `diff` and `lab`.
    let rules = if args.overlays.overlays.is_empty() {
        rules
    } else {
        match super::diff::overlaid(&rules, &args.overlays, args.lang.lang) {
            Ok(r) => r,
            Err(code) => return code,
        }
    };
    let stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    let paths: Vec<PathBuf> = args
        .paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    let files = match super::collect_models(&paths) {
        Ok(files) => files,
        Err(e) => return report_collect_error(&e),
    };
    let lang = args.lang.lang;
    if files.is_empty() && !stdin {
        errln!("{}", no_models(&args.paths, lang));
        return EXIT_INPUT;
    }
    let mut fix_failed = false;
    if args.fix || args.diff {
        match fix_first(args, &files, stdin, &rules) {
            Ok(failed) => fix_failed = failed,
            Err(code) => return code,
        }
    }
    let opts = Options {
        lang,
        explain: args.explain,
    };
    let at = args.at.date();
    let color = diag::stderr_color();
    let limits = args.limits.limits();
    let mut checked: Vec<(Outcome, Option<String>)> = files
        .par_iter()
        .map(|f| {
            let loaded = load_with(f, &rules.vocab, lang, &limits);
            check_loaded(f, loaded, &rules, at, opts, color)
        })
        .collect();
    if stdin {
        let name = &args.stdin_filename;
        let loaded = read_stdin(name, &limits)
            .and_then(|source| model::resolve_source_with(source, &rules.vocab, &limits))
            .map_err(|e| e.in_lang(lang));
        checked.push(check_loaded(name, loaded, &rules, at, opts, color));
    }
    let mut outcomes = Vec::with_capacity(checked.len());
    for (outcome, diagnostics) in checked {
        if let Some(d) = diagnostics {
            errln!("{d}");
        }
        outcomes.push(outcome);
    }
    let report = CheckReport::new(&rules, at, lang, outcomes);
    let layout = formats::human::Layout {
        width: diag::width(),
        quiet: args.quiet,
        fail_on: args.fail_on.into(),
        color: crate::base::color::stdout(),
        all_paths: args.explain,
    };
    let stdout = std::io::stdout().lock();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
    let opportunities = args.opportunities;
    let text = match args.format {
        Format::Human => formats::human::render(&report, layout),
        Format::Concise => formats::human::render_concise(&report, layout),
        Format::Json => {
            // Streamed: the JSON of a large model is the largest thing the check makes.
            let _ = formats::json::write(&report, &mut out).and_then(|()| out.flush());
            String::new()
        }
        Format::Sarif => formats::sarif::render(
            &report,
            std::env::current_dir().ok().as_deref(),
            opportunities,
        ),
        Format::Junit => formats::junit::render(&report),
        Format::Github => formats::github::render(&report, opportunities),
        Format::Gitlab => formats::gitlab::render(&report, opportunities),
    };
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
    if !args.no_step_summary {
        write_step_summary(&report);
    }
    exit_code(&report, args.fail_on.into()).max(if fix_failed { EXIT_INPUT } else { EXIT_OK })
}

/// `--fix` and `--diff` (`fix_cmd.rs`): `Ok` with whether a file failed to be fixed, to go on
/// with the check; `Err` with the exit code when the command ends here (`--diff`, or a model
/// on standard input).
fn fix_first(
    args: &CheckArgs,
    files: &[PathBuf],
    stdin: bool,
    rules: &RuleSet,
) -> Result<bool, super::Exit> {
    let lang = args.lang.lang;
    if stdin {
        errln!("{}", super::fix_cmd::stdin_refused(lang));
        return Err(EXIT_INPUT);
    }
    let opts = super::fix_cmd::FixOptions {
        diff: args.diff,
        force: args.force,
        lang,
    };
    let summary = super::fix_cmd::fix_files(files, &rules.vocab, &args.limits.limits(), opts);
    if args.diff {
        return Err(summary.diff_exit_code());
    }
    Ok(summary.failed > 0)
}

/// Under GitHub Actions (`GITHUB_STEP_SUMMARY` names a file), appends the Markdown summary of
/// the check to that file, which GitHub shows on the run's page. A file that cannot be written
/// is a warning: the check itself has run.
fn write_step_summary(report: &CheckReport) {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return;
    };
    let path = PathBuf::from(path);
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut f| f.write_all(formats::github::step_summary(report).as_bytes()));
    if let Err(e) = written {
        errln!(
            "{}",
            crate::text!(
                report.lang,
                "cli-step-summary-failed",
                path = path.display().to_string(),
                error = e.to_string()
            )
        );
    }
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
pub fn exit_code(report: &CheckReport, fail_on: FailOn) -> super::Exit {
    if !report.invalid_models.is_empty() {
        EXIT_INPUT
    } else if report.findings().any(|(_, f)| fail_on.fails(f)) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// The model text on standard input, as a file named `name`; over the size limit or not
/// UTF-8, an error like a file's.
fn read_stdin(
    name: &Path,
    limits: &crate::base::limits::Limits,
) -> Result<std::sync::Arc<model::SourceFile>, ModelErrors> {
    use std::io::Read as _;
    let max = limits.max_file_size();
    let mut bytes = Vec::new();
    let read = std::io::stdin()
        .lock()
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes);
    let fail = |text: String, kind: model::error::ErrorKind, span: crate::syntax::Span| {
        let source = model::SourceFile::new(name, text);
        let error = model::ModelError::new(source.clone(), kind, span);
        ModelErrors::new(source, vec![error])
    };
    let empty = crate::syntax::Span::new(0, 0);
    if let Err(e) = read {
        let reason = e.kind().to_string();
        return Err(fail(
            String::new(),
            model::error::ErrorKind::Unreadable { reason },
            empty,
        ));
    }
    if bytes.len() as u64 > max {
        let mut over = crate::base::limits::LimitExceeded::new(
            crate::base::limits::Limit::FileSize,
            max,
            bytes.len() as u64,
        );
        over.at_least = true;
        let kind = model::error::ErrorKind::Syntax(crate::syntax::SyntaxErrorKind::Limit(over));
        return Err(fail(String::new(), kind, empty));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(model::SourceFile::new(name, text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let span = crate::syntax::Span::new(at, at + 3);
            Err(fail(text, model::error::ErrorKind::NotUtf8, span))
        }
    }
}

/// Evaluates one loaded model. An invalid model comes back with its diagnostics rendered for
/// standard error.
fn check_loaded(
    path: &Path,
    loaded: Result<Model, ModelErrors>,
    rules: &RuleSet,
    at: jiff::civil::Date,
    opts: Options,
    color: bool,
) -> (Outcome, Option<String>) {
    match loaded {
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
    err!(
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
    crate::text!(lang, "cli-no-models", paths = list.join(", "))
}
