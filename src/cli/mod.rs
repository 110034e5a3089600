//! The command line: argument parsing and one file per command.

use clap::{Parser, Subcommand};

pub mod args;
pub mod check;
mod docs_cmd;
mod render;
mod rules_cmd;

pub use render::{render_diagnostic, render_report, use_color};

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
    /// Placeholder until the first command lands.
    #[command(hide = true)]
    Version,
    /// The rule packs: list them, show one, run their tests.
    #[command(subcommand)]
    Rules(rules_cmd::RulesCommand),
    /// Check models against the rule packs: barriers, opportunities, blocked services.
    ///
    /// Exit codes: 0 when no finding is at or above `--fail-on`, 1 when one is, 2 when a model
    /// or the call is wrong.
    Check(check::CheckArgs),
    /// Explain a rule: what it looks at, when it fires, its source.
    Explain(rules_cmd::ShowArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(docs_cmd::CompletionsArgs),
    /// Print the man page (or write every command's page to a folder).
    Man(docs_cmd::ManArgs),
}

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Version => {
            println!("rammelab {}", env!("CARGO_PKG_VERSION"));
            EXIT_OK
        }
        Command::Rules(c) => rules_cmd::run(c),
        Command::Check(a) => check::run(&a),
        Command::Explain(a) => rules_cmd::explain(a),
        Command::Completions(a) => docs_cmd::completions(&a),
        Command::Man(a) => docs_cmd::man(&a),
    }
}

/// TEMPORARY until model collection lands.
pub fn collect_models(paths: &[std::path::PathBuf]) -> Result<Vec<std::path::PathBuf>, String> {
    let _ = paths;
    Ok(Vec::new())
}
