//! The command line in the user's language: the parser of `--lang` (the language type itself
//! lives on the ground floor, free of clap) and `--help` built from the word catalogue
//! (`locales/<lang>/help.ftl`).
//!
//! The clap definitions keep their doc comments for developers; what a user reads comes from
//! the catalogue. [`localize`] walks the built command tree and sets, for each command, its
//! `about`/`long_about` from `help-<path>-about`/`help-<path>-long-about`, and for each
//! argument its help from `help-<path>-arg-<id>` or, when every command says the same,
//! `help-arg-<id>` (`-long` for the long help, `-value-<name>` for a value's). `<path>` is the
//! command's names below `rammelab` joined by `-` (`main` for `rammelab` itself). clap's
//! own headings ("Usage", "Options", "Arguments", "Commands") and the possible values,
//! defaults and environment variables it lists come from `help-heading-*` keys.
//!
//! The same localized tree gives the man pages and completion scripts (`rammelab man`,
//! `rammelab completions`) their descriptions; clap's parse errors are told from the
//! catalogue in `parse_error.rs`. clap writes `[OPTIONS]` into every usage line itself;
//! [`localize_usage`] puts the catalogue's word in its place. What stays English: the man pages' section names that clap_mangen writes (NAME, SYNOPSIS, DESCRIPTION).

use clap::builder::{PossibleValue, StyledStr};
use clap::{Arg, Command};

use crate::base::lang::Lang;
use crate::base::words;
use crate::text;

/// `--lang nb|en` and `RAMMELAB_LANG`: clap's parser for the ground floor's [`Lang`].
impl clap::ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        &Lang::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.code()))
    }
}

/// The language of `--help` for this command line: `--lang`, else `RAMMELAB_LANG`, else bokmål.
pub fn lang_of(args: &[std::ffi::OsString]) -> Lang {
    Lang::from_args(args, std::env::var("RAMMELAB_LANG").ok().as_deref())
}

/// The command tree with every text a user reads in `--help` taken from the catalogue.
pub fn localize(mut cmd: Command, lang: Lang) -> Command {
    cmd.build();
    localize_command(cmd, lang, "main")
}

/// The key of a command's texts: its names below `rammelab`, `main` for the top.
fn subpath(parent: &str, name: &str) -> String {
    if parent == "main" {
        name.to_string()
    } else {
        format!("{parent}-{name}")
    }
}

/// A text clap rendered (help, a usage line) with the usage's `[OPTIONS]` in `lang`: clap
/// writes that placeholder itself and offers no setting for it.
pub fn localize_usage(text: &str, lang: Lang) -> String {
    text.replace("[OPTIONS]", &text!(lang, "help-value-options"))
}

fn localize_command(cmd: Command, lang: Lang, path: &str) -> Command {
    let usage_style = cmd.get_styles().get_usage();
    let usage = format!(
        "{}{}{}",
        usage_style.render(),
        text!(lang, "help-heading-usage"),
        usage_style.render_reset()
    );
    let long_about = words::maybe(lang, &format!("help-{path}-long-about"), &[]);
    let cmd = match long_about {
        Some(text) => cmd.long_about(text),
        None => cmd.long_about(None::<&'static str>),
    };
    let mut cmd = cmd
        .about(words::text(lang, &about_key(path), &[]))
        .help_template(StyledStr::from(format!(
            "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
        )))
        .subcommand_help_heading(text!(lang, "help-heading-commands"))
        .subcommand_value_name(text!(lang, "help-value-command"));
    let ids: Vec<clap::Id> = cmd.get_arguments().map(|a| a.get_id().clone()).collect();
    for id in ids {
        cmd = cmd.mut_arg(id, |a| localize_arg(a, lang, path));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub = child_path(path, &name);
        cmd = cmd.mut_subcommand(name, |s| localize_command(s, lang, &sub));
    }
    cmd
}

/// The key of a command's one-line description; clap's `help` command has one text wherever
/// it stands (`rammelab help`, `rammelab rules help`).
fn about_key(path: &str) -> String {
    if path == "help" || path.ends_with("-help") {
        "help-help-about".to_string()
    } else {
        format!("help-{path}-about")
    }
}

/// The path of a command's child. Under clap's `help` command (`rammelab help check`) each
/// child stands for the real command and takes its texts: `help-check-about`.
fn child_path(path: &str, name: &str) -> String {
    match path.strip_suffix("help") {
        Some(parent) if parent.is_empty() || parent.ends_with('-') => {
            let parent = parent.trim_end_matches('-');
            subpath(if parent.is_empty() { "main" } else { parent }, name)
        }
        _ => subpath(path, name),
    }
}

/// The keys of an argument's help, most specific first.
pub fn arg_keys(path: &str, id: &str) -> [String; 2] {
    let id = id.replace('_', "-");
    [format!("help-{path}-arg-{id}"), format!("help-arg-{id}")]
}

/// The first of `keys` (with `suffix`) that the catalogue has.
fn first_key(lang: Lang, keys: &[String], suffix: &str) -> Option<String> {
    keys.iter()
        .map(|k| format!("{k}{suffix}"))
        .find(|k| words::has(lang, k))
}

/// An argument's value name (`<FILE>`, `<DATE>`) in `lang`, from `help-value-name-<name>`;
/// a name without a key stays as written.
fn value_name(lang: Lang, name: &str) -> String {
    let key = format!("help-value-name-{}", name.to_lowercase());
    words::maybe(lang, &key, &[]).unwrap_or_else(|| name.to_string())
}

fn localize_arg(arg: Arg, lang: Lang, path: &str) -> Arg {
    let keys = arg_keys(path, arg.get_id().as_str());
    let Some(key) = first_key(lang, &keys, "") else {
        // Stops a debug build (the tree walk test names every missing key); a release build
        // keeps clap's English.
        let _ = words::text(lang, &keys[0], &[]);
        return arg;
    };
    let short = words::text(lang, &key, &[]);
    let long = first_key(lang, &keys, "-long").map(|k| words::text(lang, &k, &[]));
    let mut tail_short = Vec::new();
    let mut tail_long = Vec::new();
    let values: Vec<PossibleValue> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    let takes_value = arg.get_action().takes_values();
    if takes_value && !values.is_empty() && !arg.is_hide_possible_values_set() {
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        tail_short.push(text!(
            lang,
            "help-heading-possible-values",
            values = names.join(", ")
        ));
        let lines: Vec<String> = values
            .iter()
            .map(|v| {
                let suffix = format!("-value-{}", v.get_name());
                let help = first_key(lang, &keys, &suffix).map(|k| words::text(lang, &k, &[]));
                match help {
                    Some(h) => format!("- {}: {h}", v.get_name()),
                    None => format!("- {}", v.get_name()),
                }
            })
            .collect();
        tail_long.push(format!(
            "{}\n{}",
            text!(lang, "help-heading-possible-values-list"),
            lines.join("\n")
        ));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_value && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        let t = text!(lang, "help-heading-default", value = defaults.join(", "));
        tail_short.push(t.clone());
        tail_long.push(t);
    }
    if let Some(env) = arg.get_env() {
        if !arg.is_hide_env_set() {
            let t = text!(
                lang,
                "help-heading-env",
                name = env.to_string_lossy().into_owned()
            );
            tail_short.push(t.clone());
            tail_long.push(t);
        }
    }
    let short_text = join_tail(&short, &tail_short, " ");
    let long_text = join_tail(long.as_deref().unwrap_or(&short), &tail_long, "\n\n");
    let heading = if arg.is_positional() {
        text!(lang, "help-heading-arguments")
    } else {
        text!(lang, "help-heading-options")
    };
    let heading = arg.get_help_heading().map_or(heading, str::to_string);
    let value_names: Vec<String> = arg
        .get_value_names()
        .unwrap_or_default()
        .iter()
        .map(|n| value_name(lang, n.as_str()))
        .collect();
    let arg = if value_names.is_empty() {
        arg
    } else {
        arg.value_names(value_names)
    };
    arg.help(short_text)
        .long_help(long_text)
        .help_heading(heading)
        .hide_possible_values(true)
        .hide_default_value(true)
        .hide_env(true)
}

fn join_tail(head: &str, tail: &[String], sep: &str) -> String {
    if tail.is_empty() {
        return head.to_string();
    }
    format!("{head}{sep}{}", tail.join(sep))
}

/// Every key `--help` reads for a command tree that has none missing, with the language's
/// text: the commands' and arguments' (not the headings). For the tree walk test and for
/// translators' tools.
#[cfg(test)]
pub fn needed_keys(cmd: &Command, path: &str) -> Vec<Vec<String>> {
    let mut out = vec![vec![about_key(path)]];
    for a in cmd.get_arguments() {
        out.push(arg_keys(path, a.get_id().as_str()).to_vec());
    }
    for s in cmd.get_subcommands() {
        out.extend(needed_keys(s, &child_path(path, s.get_name())));
    }
    out
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    fn tree() -> Command {
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        cmd
    }

    /// Every command and argument (clap's own `help`, `version` and `help` command included)
    /// has its help text in both languages.
    #[test]
    fn every_command_and_argument_has_words_in_both_languages() {
        let cmd = tree();
        let mut missing = Vec::new();
        for lang in Lang::ALL {
            for keys in needed_keys(&cmd, "main") {
                if !keys.iter().any(|k| words::has(lang, k)) {
                    missing.push(format!("{lang}: {}", keys.join(" or ")));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "missing help keys:\n{}",
            missing.join("\n")
        );
        assert!(needed_keys(&cmd, "main").len() > 50);
    }

    fn help_of(lang: Lang, args: &[&str]) -> String {
        let cmd = localize(crate::cli::Cli::command(), lang);
        match cmd.try_get_matches_from(args) {
            Ok(_) => String::new(),
            Err(e) => e.render().to_string(),
        }
    }

    #[test]
    fn help_reads_norwegian_or_english() {
        let nb = help_of(Lang::Nb, &["rammelab", "--help"]);
        assert!(nb.contains("Bruk:"), "{nb}");
        assert!(nb.contains("Kommandoer:"), "{nb}");
        assert!(!nb.contains("Options:"), "{nb}");
        let en = help_of(Lang::En, &["rammelab", "check", "--help"]);
        assert!(en.contains("Usage:"), "{en}");
        assert!(en.contains("--fail-on"), "{en}");
        let nb = help_of(Lang::Nb, &["rammelab", "check", "--help"]);
        assert!(nb.contains("Valg:"), "{nb}");
    }
}
