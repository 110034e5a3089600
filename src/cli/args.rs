//! Arguments shared by several commands: which rule packs, at which date, in which language.

use std::path::PathBuf;
use std::sync::Arc;

use clap::Args;
use jiff::civil::Date;

use crate::model::SourceFile;
use crate::rules::{overlay, RuleError, RuleErrorKind, RuleErrors, RuleSet, RuleSources};
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
        read_overlays(&self.overlays)
    }
}

/// Reads overlay files; a file that cannot be read is an error placed on its path.
/// `builtin:NAME` names a proposal built into rammelab (`rules/proposals/NAME.yaml`).
pub fn read_overlays(paths: &[PathBuf]) -> Result<Vec<Arc<SourceFile>>, RuleErrors> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if let Some(name) = builtin_name(p) {
            match overlay::builtin_proposal(name) {
                Some(file) => files.push(file),
                None => errors.push(RuleError::new(
                    RuleErrorKind::Io(format!(
                        "`{}`: no built-in proposal `{name}`; the built-in proposals are: {}",
                        p.display(),
                        overlay::builtin_proposal_names().join(", ")
                    )),
                    &SourceFile::new(p.clone(), ""),
                    None,
                )),
            }
            continue;
        }
        match std::fs::read_to_string(p) {
            Ok(text) => files.push(SourceFile::new(p.clone(), text)),
            Err(e) => errors.push(RuleError::new(
                RuleErrorKind::Io(format!("`{}`: {e}", p.display())),
                &SourceFile::new(p.clone(), ""),
                None,
            )),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(RuleErrors(errors))
    }
}

/// NAME when an overlay path is `builtin:NAME`.
fn builtin_name(p: &std::path::Path) -> Option<&str> {
    p.to_str()?
        .strip_prefix(overlay::BUILTIN)?
        .strip_prefix(':')
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

/// Today's date in Norway's time zone (falling back to UTC).
pub fn today() -> Date {
    jiff::Timestamp::now().to_zoned(oslo()).date()
}

/// The Europe/Oslo time zone. Read straight from the system's zoneinfo file where it is (a
/// lookup by name first walks the whole zoneinfo folder, which costs more than the rest of a
/// small `check`), else looked up by name.
fn oslo() -> jiff::tz::TimeZone {
    const NAME: &str = "Europe/Oslo";
    std::env::var_os("TZDIR")
        .map(std::path::PathBuf::from)
        .into_iter()
        .chain([std::path::PathBuf::from("/usr/share/zoneinfo")])
        .find_map(|dir| {
            let bytes = std::fs::read(dir.join(NAME)).ok()?;
            jiff::tz::TimeZone::tzif(NAME, &bytes).ok()
        })
        .or_else(|| jiff::tz::TimeZone::get(NAME).ok())
        .unwrap_or(jiff::tz::TimeZone::UTC)
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
