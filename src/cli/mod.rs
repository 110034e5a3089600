//! The command line: argument parsing and one file per command.

/// Standard output for every command. `print!` panics when its stream is gone, so
/// `rammelab lab … | head -1` ended in a panic message; here what can no longer be written is
/// dropped and the command ends with its usual exit code.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// [`out!`] with a line break.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// Standard error, as [`out!`]: a closed stream (`rammelab check … 2>&1 >/dev/null | head -1`)
/// is not a panic.
macro_rules! err {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr().lock(), $($arg)*);
    }};
}

/// [`err!`] with a line break.
macro_rules! errln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

pub mod check;
mod choices;
pub mod color;
mod diff;
mod docs_cmd;
mod fix_cmd;
mod fmt;
mod lab;
mod limits;
mod lsp;
mod output;
mod parse_error;
mod report_cmd;
mod studio;
mod vocab;

use clap::{Parser, Subcommand};

pub mod args;
mod graph_cmd;
pub mod help;
mod rule_failure;
mod rules_cmd;

pub use crate::base::collect::{collect_models, CollectError};
use crate::base::diag;
pub use crate::base::diag::render_diagnostic;
pub use check::{load, CheckArgs};

/// Whether diagnostics on standard error get colours.
pub fn use_color() -> bool {
    diag::stderr_color()
}

/// Renders a miette report at the terminal's width.
pub fn render_report(report: &miette::Report, color: bool) -> String {
    render_diagnostic(report.as_ref(), color, diag::width())
}

/// How a command ended. Every command returns one (and stops early with one, its problems
/// already printed); [`run`] turns it into the process's exit code, the one place that does.
/// Ordered by gravity, so two outcomes combine with `max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Nothing at or above `--fail-on` was found; the command did what it was asked.
    Ok,
    /// Findings at or above `--fail-on` were found (or `fmt --check` would change files).
    Findings,
    /// The input or the call is wrong.
    Input,
}

impl Exit {
    /// The process's exit code: 0, 1 or 2.
    pub fn code(self) -> i32 {
        match self {
            Exit::Ok => 0,
            Exit::Findings => 1,
            Exit::Input => 2,
        }
    }
}

/// The command ended well.
pub const EXIT_OK: Exit = Exit::Ok;
/// Findings at or above `--fail-on` were found (or `fmt --check` would change files).
pub const EXIT_FINDINGS: Exit = Exit::Findings;
/// The input or the call is wrong.
pub const EXIT_INPUT: Exit = Exit::Input;

/// rammelab: hold community models up against Norwegian framework conditions.
#[derive(Debug, Parser)]
#[command(name = "rammelab", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub color: color::ColorArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check models against the rule packs: barriers, opportunities, blocked services.
    ///
    /// Exit codes: 0 when no finding is at or above `--fail-on`, 1 when one is, 2 when a model
    /// or the call is wrong.
    Check(CheckArgs),
    /// The rule packs: list them, show one, run their tests.
    #[command(subcommand)]
    Rules(rules_cmd::RulesCommand),
    /// Explain a rule: what it looks at, when it fires, its source.
    Explain(rules_cmd::ShowArgs),
    /// Draw the barrier dependency graph of a model: DOT, Mermaid, JSON or SVG.
    ///
    /// Actors, services, flows, agreements, the barriers and opportunities found at `--at`, and
    /// the legal sources they rest on, left to right from law to people. A service is blocked
    /// when an unmitigated error barrier sits on it, its provider, a flow or agreement it
    /// requires, a flow into it, or (transitively) a service it depends on; at risk when only
    /// warnings or mitigated barriers do. See docs/graph.md.
    Graph(graph_cmd::GraphArgs),
    /// Rewrite model files in the canonical layout.
    ///
    /// Two spaces of indentation, one field per line, one blank line between items. Comments
    /// and the file's own words (English or Norwegian) are kept. A file with syntax errors is left as it is (exit 2). With
    /// `--check`, nothing is written: the files that would change are listed and the exit
    /// code is 1 if there are any.
    Fmt(fmt::FmtArgs),
    /// Print the vocabulary: fields, terms and units.
    ///
    /// The fields each item kind takes, the terms each field accepts, and the units, with
    /// Norwegian aliases and descriptions.
    Vocab(vocab::VocabArgs),
    /// What changes between two models (a model and a variant of it), with overlays applied
    /// to OTHER: findings that appear, disappear or change, and services whose status changes.
    /// Exits 0 when OTHER is no worse than BASE, 1 when it blocks more, 2 on bad input.
    Diff(diff::DiffArgs),
    /// The what-if lab: the model, each variant, each overlay and each variant under each
    /// overlay, ranked by how much each unlocks; and for each barrier, the single change in the
    /// set that removes it.
    Lab(lab::LabArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(docs_cmd::CompletionsArgs),
    /// Print the man page (or write every command's page to a folder).
    Man(docs_cmd::ManArgs),
    /// The barrier report for a lab session: Markdown or one self-contained HTML page, in
    /// bokmål or English, with the dependency graph drawn.
    Report(report_cmd::ReportArgs),
    /// The language server for editors, over standard input and output (see docs/editors.md).
    Lsp(lsp::LspArgs),
    /// Serve the lab session in a browser: the models in DIR, live as they are written.
    Studio(studio::StudioArgs),
}

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    crate::base::color::set(cli.color.color.into());
    let ended = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Rules(c) => rules_cmd::run(c),
        Command::Explain(a) => rules_cmd::explain(a),
        Command::Graph(a) => graph_cmd::run(a),
        Command::Fmt(args) => fmt::run(&args),
        Command::Vocab(args) => vocab::run(&args),
        Command::Diff(a) => diff::run(&a),
        Command::Lab(a) => lab::run(&a),
        Command::Completions(a) => docs_cmd::completions(&a),
        Command::Man(a) => docs_cmd::man(&a),
        Command::Report(a) => report_cmd::run(&a),
        Command::Lsp(a) => lsp::run(&a),
        Command::Studio(a) => studio::run(&a),
    };
    ended.code()
}

/// Prints a problem with the paths given and returns the exit code for bad input.
fn report_collect_error(e: &CollectError) -> Exit {
    err!(
        "{}",
        render_diagnostic(e, diag::stderr_color(), diag::width())
    );
    EXIT_INPUT
}
