//! `rammelab completions SHELL` and `rammelab man`: generated from the clap definitions with
//! the descriptions of `--help` (from the catalogue, in the language of `--lang`), so they
//! never drift from it. The man pages' section names (NAME, SYNOPSIS, OPTIONS) are
//! clap_mangen's and stay English.

use std::io::Write as _;
use std::path::PathBuf;

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::args::LangArgs;
use super::{Cli, EXIT_INPUT, EXIT_OK};

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: Shell,
    #[command(flatten)]
    pub lang: LangArgs,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write a page for rammelab and one for each command (`rammelab-check.1`, ...) into this
    /// folder instead of printing the main page.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    #[command(flatten)]
    pub lang: LangArgs,
}

/// Prints the completion script for a shell.
pub fn completions(args: &CompletionsArgs) -> super::Exit {
    let mut cmd = super::help::localize(Cli::command(), args.lang.lang);
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "rammelab", &mut out);
    let _ = std::io::stdout().lock().write_all(&out);
    EXIT_OK
}

/// Prints the man page, or writes every page into a folder.
pub fn man(args: &ManArgs) -> super::Exit {
    let lang = args.lang.lang;
    let cmd = super::help::localize(Cli::command(), lang);
    if let Some(dir) = &args.dir {
        let written =
            std::fs::create_dir_all(dir).and_then(|()| clap_mangen::generate_to(cmd, dir));
        return match written {
            Ok(()) => EXIT_OK,
            Err(e) => {
                errln!(
                    "{}",
                    crate::text!(
                        lang,
                        "cli-man-write-failed",
                        dir = dir.display().to_string(),
                        error = e.to_string()
                    )
                );
                EXIT_INPUT
            }
        };
    }
    let mut out = Vec::new();
    match clap_mangen::Man::new(cmd).render(&mut out) {
        Ok(()) => {
            let _ = std::io::stdout().lock().write_all(&out);
            EXIT_OK
        }
        Err(e) => {
            errln!(
                "{}",
                crate::text!(lang, "cli-man-render-failed", error = e.to_string())
            );
            EXIT_INPUT
        }
    }
}
