//! Arguments shared by several commands: which rule packs, at which date, in which language;
//! and the reading of the command line with `rammelab.toml`'s values as the options' defaults.

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::Arc;

use clap::{Args, CommandFactory as _, FromArgMatches as _};
use jiff::civil::Date;

use crate::config::{self, Config};

use crate::model::SourceFile;
use crate::rules::{overlay, RuleErrors, RuleSet, RuleSources};
use crate::vocab::Lang;

/// Which rule packs to use.
#[derive(Debug, Clone, Args, Default)]
pub struct RulesArgs {
    /// A folder of rule packs (`*.yaml`, repeatable). Its packs replace built-in packs with the
    /// same `pack:` id and add the others; a `vocabulary.yaml` in it replaces the vocabulary.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Use only the packs given with `--rules`, not the built-in ones.
    #[arg(long)]
    pub no_builtin_rules: bool,
}

impl RulesArgs {
    pub fn load(&self) -> Result<RuleSet, RuleErrors> {
        RuleSources {
            dirs: self.rules.clone(),
            no_builtin: self.no_builtin_rules,
        }
        .load()
    }

    /// The rule sets, or, when they do not load, every error printed and the exit code for bad
    /// input: what every command that reads rules does first.
    pub fn load_or_exit(&self, lang: Lang) -> Result<RuleSet, super::Exit> {
        self.load().map_err(|e| {
            print_rule_errors(&e, lang);
            super::EXIT_INPUT
        })
    }
}

/// Proposed or granted changes of the framework, applied on top of the rule packs.
#[derive(Debug, Clone, Args, Default)]
pub struct OverlayArgs {
    /// An overlay (`*.yaml`, repeatable): a proposed, passed or granted change of the
    /// framework in the rule-pack format (new rules, repeals, amended parameters, exemptions),
    /// applied on top of the rule packs in the order given. See `rules/proposals/`; a proposal
    /// built into rammelab is named `builtin:NAME` (for example `builtin:ny-forvaltningslov`).
    #[arg(long = "overlay", value_name = "FILE")]
    pub overlays: Vec<PathBuf>,
}

impl OverlayArgs {
    /// Reads the overlay files.
    pub fn files(&self) -> Result<Vec<Arc<SourceFile>>, RuleErrors> {
        overlay::read_overlays(&self.overlays)
    }
}

/// The date the framework is read at.
#[derive(Debug, Clone, Args, Default)]
pub struct AtArgs {
    /// Evaluate the law as it stands on this date (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub at: Option<Date>,
}

impl AtArgs {
    pub fn date(&self) -> Date {
        self.at.unwrap_or_else(today)
    }
}

pub use crate::base::today::today;

pub fn parse_date(s: &str) -> Result<Date, super::parse_error::BadValue> {
    s.parse::<Date>()
        .map_err(|_| super::parse_error::BadValue::Date(s.to_string()))
}

/// The language of everything a user reads.
#[derive(Debug, Clone, Copy, Args, Default)]
pub struct LangArgs {
    /// Language of messages and reports: nb (bokmål, default) or en.
    #[arg(long, value_parser = super::choices::lang_parser(), default_value = "nb", env = "RAMMELAB_LANG")]
    pub lang: Lang,
}

/// Prints every rule-pack error to stderr, in `lang`.
pub fn print_rule_errors(errors: &RuleErrors, lang: Lang) {
    let color = super::use_color();
    let errors = errors.clone().in_lang(lang);
    for e in &errors.0 {
        errln!("{}", super::render_report(&e.report(), color));
    }
    errln!("{}", errors.summary());
}

/// Reads the command line. The options `rammelab.toml` sets (see [`crate::config`]) get its
/// values as their defaults, so an environment variable (`RAMMELAB_LANG`) and then an option
/// given on the command line override the file, as clap already ranks an option's value over
/// its environment variable over its default. `--config FILE` names the file instead of
/// looking for one, `--no-config` reads none. Returns the exit code when the file is wrong;
/// a wrong command line exits as clap does.
pub fn parse_command_line() -> Result<super::Cli, i32> {
    let args: Vec<OsString> = std::env::args_os().collect();
    let config = config_for(&args)?;
    let mut cmd = super::Cli::command()
        .arg(
            clap::Arg::new("config")
                .long("config")
                .value_name("FILE")
                .global(true)
                .help("Read the options' defaults from FILE instead of the nearest rammelab.toml"),
        )
        .arg(
            clap::Arg::new("no_config")
                .long("no-config")
                .action(clap::ArgAction::SetTrue)
                .global(true)
                .help("Read no rammelab.toml"),
        );
    if let Some(c) = &config {
        cmd = with_defaults(cmd, c);
    }
    let lang = super::help::lang_of(&args);
    let cmd = super::help::localize(cmd, lang);
    let matches = cmd
        .try_get_matches_from(args)
        .map_err(|e| refuse(&e, lang))?;
    super::Cli::from_arg_matches(&matches).map_err(|e| refuse(&e, lang))
}

/// A command line clap could not read: help and the version as clap renders them (with the
/// usage line's `[OPTIONS]` in the user's language), an error
/// in the user's language on standard error, with clap's exit code (2 for an error).
fn refuse(e: &clap::Error, lang: Lang) -> i32 {
    if super::parse_error::is_help(e) {
        use std::io::IsTerminal as _;
        let styled = e.render();
        let text = if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
            styled.ansi().to_string()
        } else {
            styled.to_string()
        };
        out!("{}", super::help::localize_usage(&text, lang));
        return e.exit_code();
    }
    err!("{}", super::parse_error::render(e, lang));
    e.exit_code()
}

/// The configuration for this command line: `--no-config`, `--config FILE`, or the nearest
/// `rammelab.toml` above the current folder. A file with errors is reported here.
fn config_for(args: &[OsString]) -> Result<Option<Config>, i32> {
    let mut named: Option<PathBuf> = None;
    let mut none = false;
    let mut lang = None;
    let mut it = args.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(a) = it.next() {
        match a {
            "--" => break,
            "--no-config" => none = true,
            "--config" => named = it.next().map(PathBuf::from),
            "--lang" => lang = it.next().map(str::to_string),
            _ => {
                if let Some(p) = a.strip_prefix("--config=") {
                    named = Some(PathBuf::from(p));
                } else if let Some(l) = a.strip_prefix("--lang=") {
                    lang = Some(l.to_string());
                }
            }
        }
    }
    if none {
        return Ok(None);
    }
    let Some(path) = named.or_else(|| {
        std::env::current_dir()
            .ok()
            .and_then(|dir| config::find(&dir))
    }) else {
        return Ok(None);
    };
    config::load(&path).map(Some).map_err(|errors| {
        let lang = lang
            .or_else(|| std::env::var("RAMMELAB_LANG").ok())
            .and_then(|l| super::choices::lang_named(&l))
            .unwrap_or_default();
        print_config_errors(&errors.in_lang(lang), lang);
        super::EXIT_INPUT.code()
    })
}

/// Gives every option (of every command) that the file sets the file's values as its default.
fn with_defaults(mut cmd: clap::Command, c: &Config) -> clap::Command {
    for (long, values) in &c.defaults {
        if values.is_empty() {
            continue; // a switch set to false: the option's own default
        }
        let ids: Vec<clap::Id> = cmd
            .get_arguments()
            .filter(|a| a.get_long() == Some(*long))
            .map(|a| a.get_id().clone())
            .collect();
        for id in ids {
            cmd = cmd.mut_arg(id, |a| a.default_values(values.clone()));
        }
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |s| with_defaults(s, c));
    }
    cmd
}

/// Prints every error of a configuration file to stderr.
fn print_config_errors(errors: &config::ConfigErrors, lang: Lang) {
    let color = super::use_color();
    for e in &errors.0 {
        errln!(
            "{}",
            super::render_diagnostic(e, color, super::diag::width())
        );
    }
    let n = errors.0.len();
    errln!(
        "{}",
        crate::text!(
            lang,
            "cli-config-errors",
            count = n,
            file = config::FILE_NAME
        )
    );
}
