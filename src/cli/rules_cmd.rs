//! `rammelab rules list|show|test` and `rammelab explain RULE_ID`.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::args::{print_rule_errors, LangArgs, RulesArgs};
use super::{EXIT_FINDINGS, EXIT_INPUT, EXIT_OK};
use crate::engine::testing::{coverage, run_tests, TestOutcome};
use crate::model::Model;
use crate::render::rules::{self, describe, in_force};
use crate::rules::RuleSet;
use crate::vocab::Lang;

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// List every rule: id, kind, act, section, in force.
    List(ListArgs),
    /// Show one rule in full.
    Show(ShowArgs),
    /// Run every rule's own tests and print coverage.
    Test(TestArgs),
}

#[derive(Debug, Clone, Copy, ValueEnum, Default, PartialEq, Eq)]
pub enum ListFormat {
    #[default]
    Table,
    Json,
    Md,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub rules: RulesArgs,
    #[command(flatten)]
    pub lang: LangArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The rule's id.
    pub id: String,
    #[command(flatten)]
    pub rules: RulesArgs,
    #[command(flatten)]
    pub lang: LangArgs,
}

#[derive(Debug, Args)]
pub struct TestArgs {
    #[command(flatten)]
    pub rules: RulesArgs,
    #[command(flatten)]
    pub lang: LangArgs,
    /// Models to measure coverage on ("rules that never fired"); default `models/` if it exists.
    #[arg(long, value_name = "DIR")]
    pub models: Vec<PathBuf>,
}

pub fn run(cmd: RulesCommand) -> super::Exit {
    match cmd {
        RulesCommand::List(a) => with_rules(&a.rules, a.lang.lang, |rs| {
            out!("{}", list(rs, a.format, a.lang.lang));
            EXIT_OK
        }),
        RulesCommand::Show(a) => with_rules(&a.rules, a.lang.lang, |rs| {
            show_or_explain(rs, &a.id, a.lang.lang)
        }),
        RulesCommand::Test(a) => {
            with_rules(&a.rules, a.lang.lang, |rs| test(rs, &a.models, a.lang.lang))
        }
    }
}

/// `rammelab explain RULE_ID`: the rule in full, with its source.
pub fn explain(args: ShowArgs) -> super::Exit {
    with_rules(&args.rules, args.lang.lang, |rs| {
        show_or_explain(rs, &args.id, args.lang.lang)
    })
}

fn with_rules(
    args: &RulesArgs,
    lang: Lang,
    f: impl FnOnce(&RuleSet) -> super::Exit,
) -> super::Exit {
    match args.load() {
        Ok(rs) => f(&rs),
        Err(e) => {
            print_rule_errors(&e, lang);
            EXIT_INPUT
        }
    }
}

fn show_or_explain(rs: &RuleSet, id: &str, lang: Lang) -> super::Exit {
    match rs.rule_by_id(id) {
        Some(r) => {
            out!("{}", describe(rs, r, lang));
            EXIT_OK
        }
        None => {
            let line = match crate::vocab::closest(id, rs.rule_ids()) {
                Some(c) => crate::text!(lang, "cli-rule-unknown-suggest", id = id, suggestion = c),
                None => crate::text!(lang, "cli-rule-unknown", id = id),
            };
            errln!("{line}");
            EXIT_INPUT
        }
    }
}

/// The list of rules in a format.
pub fn list(rs: &RuleSet, format: ListFormat, lang: Lang) -> String {
    let rules = rules::sorted(rs);
    match format {
        ListFormat::Json => rules::json(rs, &rules),
        ListFormat::Md => rules::markdown(rs, &rules, lang),
        ListFormat::Table => rules::table(&rules, lang),
    }
}

fn load_models(dirs: &[PathBuf], rs: &RuleSet) -> Vec<Model> {
    let mut dirs = dirs.to_vec();
    if dirs.is_empty() && std::path::Path::new("models").is_dir() {
        dirs.push(PathBuf::from("models"));
    }
    let files = super::collect_models(&dirs).unwrap_or_default();
    files
        .iter()
        .filter_map(|p| crate::model::load_file(p, &rs.vocab).ok())
        .collect()
}

/// `` `a`, `b` `` for the ids a rule fired on.
fn ticked_list(ids: &[String]) -> String {
    crate::base::words::ticked(ids).join(", ")
}

fn test(rs: &RuleSet, models: &[PathBuf], lang: Lang) -> super::Exit {
    use crate::text;
    let results = run_tests(rs);
    let mut failed = 0;
    for r in &results {
        let rule = &rs.rules[r.rule];
        let test = &rule.tests[r.test];
        let problem = match &r.outcome {
            TestOutcome::Pass => continue,
            TestOutcome::Wrong { fired_on } if test.fires => match &test.subject {
                Some(s) if !fired_on.is_empty() => text!(
                    lang,
                    "cli-rules-test-fired-elsewhere",
                    subject = s.as_str(),
                    fired_on = ticked_list(fired_on)
                ),
                _ => text!(lang, "cli-rules-test-stayed-silent"),
            },
            TestOutcome::Wrong { fired_on } => text!(
                lang,
                "cli-rules-test-fired",
                fired_on = ticked_list(fired_on)
            ),
            TestOutcome::NotInForce => text!(
                lang,
                "cli-rules-test-not-in-force",
                at = test.at.to_string(),
                in_force = in_force(rule)
            ),
            TestOutcome::BadModel(d) => {
                text!(lang, "cli-rules-test-bad-model", diagnostic = d.as_str())
            }
        };
        failed += 1;
        outln!(
            "{}",
            text!(
                lang,
                "cli-rules-test-fail",
                rule = rule.id.as_str(),
                test = test.name.as_str(),
                fires = if test.fires { "true" } else { "false" },
                at = test.at.to_string(),
                problem = problem
            )
        );
    }
    let models = load_models(models, rs);
    let cov = coverage(rs, &models);
    let show = |key: &str, ids: &[String]| {
        if !ids.is_empty() {
            let line = crate::base::words::text(
                lang,
                key,
                &[
                    ("count", ids.len().into()),
                    ("models", models.len().into()),
                    ("ids", ids.join(", ").into()),
                ],
            );
            outln!("{line}");
        }
    };
    show("cli-rules-test-without-firing", &cov.without_firing_test);
    show("cli-rules-test-without-silent", &cov.without_silent_test);
    if !models.is_empty() {
        show("cli-rules-test-never-fired", &cov.never_fired);
    }
    outln!(
        "{}",
        text!(
            lang,
            "cli-rules-test-summary",
            rules = rs.rules.len(),
            tests = results.len(),
            passed = results.len() - failed,
            failed = failed
        )
    );
    let uncovered = !cov.without_firing_test.is_empty() || !cov.without_silent_test.is_empty();
    if failed > 0 || uncovered {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
