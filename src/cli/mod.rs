//! The command line: argument parsing and one file per command.

mod check;
mod collect;
mod diag;
mod fmt;
mod vocab;

use clap::{Parser, Subcommand};

pub mod args;
mod graph_cmd;
mod rules_cmd;

pub use check::{load, CheckArgs};
pub use collect::{collect_models, CollectError};
pub use diag::render_diagnostic;

/// Whether diagnostics on standard error get colours.
pub fn use_color() -> bool {
    diag::stderr_color()
}

/// Renders a miette report at the terminal's width.
pub fn render_report(report: &miette::Report, color: bool) -> String {
    render_diagnostic(report.as_ref(), color, diag::width())
}

/// Exit code when nothing at or above `--fail-on` was found.
pub const EXIT_OK: i32 = 0;
/// Exit code when findings at or above `--fail-on` were found (or `fmt --check` would change files).
pub const EXIT_FINDINGS: i32 = 1;
/// Exit code when the input or the call is wrong.
pub const EXIT_INPUT: i32 = 2;

/// rammelab: hold community models up against Norwegian framework conditions.
#[derive(Debug, Parser)]
#[command(name = "rammelab", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check model files and print a summary of each valid model.
    ///
    /// Reads every model file given (or every `*.lsm` under a folder), resolves every name
    /// against the vocabulary and reports all errors of each file, with the line and a fix.
    /// Exits 0 when all models are valid, 2 when any is not.
    Check(CheckArgs),
    /// The rule packs: list them, show one, run their tests.
    #[command(subcommand)]
    Rules(rules_cmd::RulesCommand),
    /// Explain a rule: what it looks at, when it fires, its source.
    Explain(rules_cmd::ShowArgs),
    /// Draw the barrier dependency graph of a model: DOT, Mermaid, JSON or SVG.
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
}

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Rules(c) => rules_cmd::run(c),
        Command::Explain(a) => rules_cmd::explain(a),
        Command::Graph(a) => graph_cmd::run(a),
        Command::Fmt(args) => fmt::run(&args),
        Command::Vocab(args) => vocab::run(&args),
    }
}

/// Prints a problem with the paths given and returns the exit code for bad input.
fn report_collect_error(e: &CollectError) -> i32 {
    eprint!(
        "{}",
        render_diagnostic(e, diag::stderr_color(), diag::width())
    );
    EXIT_INPUT
}
