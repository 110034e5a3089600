//! Arguments shared by several commands: which rule packs, at which date, in which language.

use std::path::PathBuf;

use clap::Args;
use jiff::civil::Date;

use crate::rules::{RuleErrors, RuleSet, RuleSources};
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

/// Today's date in Norway's time zone (falling back to the system's).
pub fn today() -> Date {
    jiff::Zoned::now()
        .with_time_zone(jiff::tz::TimeZone::get("Europe/Oslo").unwrap_or(jiff::tz::TimeZone::UTC))
        .date()
}

pub fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|_| format!("`{s}` is not a date; write it as YYYY-MM-DD, for example 2027-01-01"))
}

/// The language of everything a user reads.
#[derive(Debug, Clone, Copy, Args, Default)]
pub struct LangArgs {
    /// Language of messages and reports: nb (bokmål, default) or en.
    #[arg(long, value_enum, default_value_t = Lang::Nb, env = "RAMMELAB_LANG")]
    pub lang: Lang,
}

/// Prints every rule-pack error to stderr.
pub fn print_rule_errors(errors: &RuleErrors) {
    let color = super::use_color();
    for e in &errors.0 {
        eprintln!("{}", super::render_report(&e.report(), color));
    }
    eprintln!(
        "{}",
        match errors.0.len() {
            1 => "rammelab: 1 error in the rule packs".to_string(),
            n => format!("rammelab: {n} errors in the rule packs"),
        }
    );
}
