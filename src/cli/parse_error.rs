//! A command line clap cannot read (an unknown argument, a missing or invalid value, an
//! unknown command), told in the user's language from the catalogue (`cli-parse-*` in
//! `locales/<lang>/cli.ftl`), with clap's did-you-mean and usage line. The exit code stays
//! clap's: 2.
//!
//! The words are built from the facts clap keeps with each error (its context), not from its
//! English text. What stays as clap writes it: a tip or reason of a kind this file does not
//! know (clap adds few; each known one is translated).

use std::fmt;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::base::lang::Lang;
use crate::base::words::{join, ticked};
use crate::text;

/// A value an option's own parser refused, kept as a fact so its words follow the language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadValue {
    /// `--at` with something that is not a date.
    Date(String),
    /// `--max-file-size` with something that is not a size.
    Size(String),
}

impl BadValue {
    /// The reason in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            BadValue::Date(value) => text!(lang, "cli-parse-bad-date", value = value),
            BadValue::Size(value) => text!(lang, "cli-parse-bad-size", value = value),
        }
    }
}

impl fmt::Display for BadValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::default()))
    }
}

impl std::error::Error for BadValue {}

/// Whether clap asks to show help or the version rather than an error; those keep clap's
/// own printing (the help is already in the user's language).
pub fn is_help(e: &clap::Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    )
}

/// The whole text of a command-line error in `lang`: the message, tips, usage and the hint
/// to `--help`, ending with a line break.
pub fn render(e: &clap::Error, lang: Lang) -> String {
    let mut out = text!(lang, "cli-parse-error", message = message(e, lang));
    let tips = tips(e, lang);
    if !tips.is_empty() {
        out.push('\n');
        for tip in tips {
            out.push_str("\n  ");
            out.push_str(&tip);
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let line = usage
            .trim_start()
            .strip_prefix("Usage:")
            .unwrap_or(&usage)
            .trim();
        out.push_str("\n\n");
        out.push_str(&text!(lang, "help-heading-usage"));
        out.push(' ');
        out.push_str(&super::help::localize_usage(line, lang));
    }
    out.push_str("\n\n");
    out.push_str(&text!(lang, "cli-parse-more", flag = "--help"));
    out.push('\n');
    out
}

fn string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) if v.len() == 1 => Some(v[0].clone()),
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

fn number(e: &clap::Error, kind: ContextKind) -> Option<isize> {
    match e.get(kind) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    }
}

/// `` `a`, `b` or `c` ``.
fn any_of(lang: Lang, items: &[String]) -> String {
    join(&ticked(items), &text!(lang, "diag-or"))
}

/// `` `a`, `b` and `c` ``.
fn all_of(lang: Lang, items: &[String]) -> String {
    join(&ticked(items), &text!(lang, "diag-and"))
}

fn message(e: &clap::Error, lang: Lang) -> String {
    let arg = string(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = string(e, ContextKind::InvalidValue).unwrap_or_default();
    let possible = strings(e, ContextKind::ValidValue);
    let mut m = match e.kind() {
        ErrorKind::UnknownArgument => text!(lang, "cli-parse-unknown-argument", arg = arg),
        ErrorKind::InvalidValue if value.is_empty() => {
            text!(lang, "cli-parse-missing-value", arg = arg)
        }
        ErrorKind::InvalidValue => text!(lang, "cli-parse-invalid-value", value = value, arg = arg),
        ErrorKind::ValueValidation => {
            let source = std::error::Error::source(e);
            match source.and_then(|s| s.downcast_ref::<BadValue>()) {
                Some(bad) => text!(
                    lang,
                    "cli-parse-bad-value",
                    arg = arg,
                    reason = bad.text(lang)
                ),
                None => match source {
                    Some(reason) => text!(
                        lang,
                        "cli-parse-bad-value",
                        arg = arg,
                        reason = reason.to_string()
                    ),
                    None => text!(lang, "cli-parse-invalid-value", value = value, arg = arg),
                },
            }
        }
        ErrorKind::InvalidSubcommand => {
            let command = string(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            text!(lang, "cli-parse-unknown-command", command = command)
        }
        ErrorKind::MissingSubcommand => {
            let command = string(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            let commands = strings(e, ContextKind::ValidSubcommand);
            text!(
                lang,
                "cli-parse-missing-command",
                command = command,
                commands = any_of(lang, &commands)
            )
        }
        ErrorKind::MissingRequiredArgument => {
            let args = strings(e, ContextKind::InvalidArg);
            text!(
                lang,
                "cli-parse-missing-arguments",
                count = args.len(),
                args = all_of(lang, &args)
            )
        }
        ErrorKind::ArgumentConflict => {
            let prior = strings(e, ContextKind::PriorArg);
            if prior.len() == 1 && prior[0] == arg {
                text!(lang, "cli-parse-given-twice", arg = arg)
            } else {
                text!(
                    lang,
                    "cli-parse-conflict",
                    arg = arg,
                    other = all_of(lang, &prior)
                )
            }
        }
        ErrorKind::NoEquals => text!(lang, "cli-parse-no-equals", arg = arg),
        ErrorKind::TooManyValues => {
            text!(lang, "cli-parse-too-many-values", value = value, arg = arg)
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let expected = number(e, ContextKind::ExpectedNumValues)
                .or_else(|| number(e, ContextKind::MinValues))
                .unwrap_or_default();
            let given = number(e, ContextKind::ActualNumValues).unwrap_or_default();
            text!(
                lang,
                "cli-parse-number-of-values",
                arg = arg,
                expected = expected,
                given = given
            )
        }
        ErrorKind::InvalidUtf8 => text!(lang, "cli-parse-not-utf8"),
        _ => text!(lang, "cli-parse-unreadable", reason = e.kind().to_string()),
    };
    if !possible.is_empty() {
        m.push_str("\n  ");
        m.push_str(&text!(
            lang,
            "cli-parse-possible-values",
            values = any_of(lang, &possible)
        ));
    }
    m
}

/// The did-you-mean and clap's other tips, each a line.
fn tips(e: &clap::Error, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        let similar = strings(e, kind);
        if !similar.is_empty() {
            out.push(text!(
                lang,
                "cli-parse-did-you-mean",
                suggestions = any_of(lang, &similar)
            ));
        }
    }
    if let Some(ContextValue::StyledStrs(tips)) = e.get(ContextKind::Suggested) {
        for tip in tips {
            out.push(clap_tip(&tip.to_string(), lang));
        }
    }
    out
}

/// One of clap's tips in `lang`: the kinds clap writes are recognised by their shape; an
/// unknown one keeps clap's words.
fn clap_tip(tip: &str, lang: Lang) -> String {
    let unquote = |s: &str| s.trim().trim_matches('\'').to_string();
    if let Some(rest) = tip.strip_prefix("to pass ") {
        if let Some((arg, write)) = rest.split_once(" as a value, use ") {
            return text!(
                lang,
                "cli-parse-tip-as-value",
                arg = unquote(arg),
                write = unquote(write)
            );
        }
    }
    if let Some(rest) = tip.strip_prefix("subcommand ") {
        if let Some((command, _)) = rest.split_once(" exists; to use it, remove the") {
            return text!(
                lang,
                "cli-parse-tip-remove-dashes",
                command = unquote(command)
            );
        }
    }
    if let Some(write) = tip.strip_suffix(" exists") {
        return text!(
            lang,
            "cli-parse-did-you-mean",
            suggestions = format!("`{}`", unquote(write))
        );
    }
    text!(lang, "cli-parse-tip", tip = tip)
}
