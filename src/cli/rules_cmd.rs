//! `rammelab rules list|show|test` and `rammelab explain RULE_ID`.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::args::{print_rule_errors, LangArgs, RulesArgs};
use super::{EXIT_FINDINGS, EXIT_INPUT, EXIT_OK};
use crate::engine::testing::{coverage, run_tests, Outcome};
use crate::model::Model;
use crate::rules::{Rule, RuleKind, RuleSet};
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
        // `rules test` has no `--lang`: its language is the one `--help` reads.
        RulesCommand::Test(a) => {
            let lang = super::help::lang_of(&std::env::args_os().collect::<Vec<_>>());
            with_rules(&a.rules, lang, |rs| test(rs, &a.models))
        }
    }
}

/// `rammelab explain RULE_ID`: the rule in full, with its source.
pub fn explain(args: ShowArgs) -> super::Exit {
    with_rules(&args.rules, |rs| {
        show_or_explain(rs, &args.id, args.lang.lang)
    })
}

fn with_rules(args: &RulesArgs, f: impl FnOnce(&RuleSet) -> super::Exit) -> super::Exit {
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
            let help = crate::vocab::closest(id, rs.rule_ids())
                .map(|c| format!(" Did you mean `{c}`?"))
                .unwrap_or_default();
            match lang {
                Lang::Nb => errln!("rammelab: ingen regel har id-en `{id}`.{help}"),
                Lang::En => errln!("rammelab: no rule has the id `{id}`.{help}"),
            }
            EXIT_INPUT
        }
    }
}

fn kind_word(k: RuleKind, lang: Lang) -> &'static str {
    match (k, lang) {
        (RuleKind::Barrier, Lang::Nb) => "barriere",
        (RuleKind::Barrier, Lang::En) => "barrier",
        (RuleKind::Opportunity, Lang::Nb) => "mulighet",
        (RuleKind::Opportunity, Lang::En) => "opportunity",
    }
}

/// The mark an unverified rule carries in the lists.
fn not_verified(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "ikke verifisert",
        Lang::En => "not verified",
    }
}

/// The line `explain` and `rules show` print under the source of an unverified rule.
fn not_verified_long(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "IKKE VERIFISERT: regelen er ikke kontrollert mot lovteksten; se merknadene",
        Lang::En => {
            "NOT VERIFIED: the rule has not been checked against the text of the law; see the notes"
        }
    }
}

/// A rule's section, with the mark when the rule is not verified.
fn section_marked(r: &Rule, lang: Lang) -> String {
    if r.verified {
        r.source.section.clone()
    } else {
        format!("{} ({})", r.source.section, not_verified(lang))
    }
}

fn in_force(r: &Rule) -> String {
    match r.in_force_to {
        Some(to) => format!("{} – {}", r.in_force_from, to),
        None => format!("{} –", r.in_force_from),
    }
}

/// The full text of a rule, for `explain` and `rules show`.
pub fn describe(rs: &RuleSet, r: &Rule, lang: Lang) -> String {
    let nb = lang == Lang::Nb;
    let l = |nb_s: &'static str, en_s: &'static str| if nb { nb_s } else { en_s };
    let mut s = String::new();
    let _ = writeln!(s, "{}  ({})", r.title.get(lang), r.id);
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "  {}: {}{}",
        l("Type", "Kind"),
        kind_word(r.kind, lang),
        if r.kind == RuleKind::Barrier {
            format!(" ({})", r.severity.as_str())
        } else {
            String::new()
        }
    );
    let _ = writeln!(s, "  {}: {}", l("Kilde", "Source"), r.source.act);
    let _ = writeln!(
        s,
        "          {} {} — {}",
        r.source.short, r.source.section, r.source.url
    );
    if !r.verified {
        let _ = writeln!(s, "  ⚠ {}", not_verified_long(lang));
    }
    let _ = writeln!(s, "  {}: {}", l("I kraft", "In force"), in_force(r));
    let pack = &rs.packs[r.pack];
    let _ = writeln!(
        s,
        "  {}: {} {} ({}:{})",
        l("Regelpakke", "Rule pack"),
        pack.id,
        pack.version,
        pack.file.path.display(),
        r.line
    );
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{} `{}` {}",
        l("Regelen ser på hver", "The rule looks at every"),
        r.for_each.keyword(),
        l("og slår til når:", "and fires when:")
    );
    for line in r.when_text.trim_end().lines() {
        let _ = writeln!(s, "    {line}");
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "{}:", l("Melding", "Message"));
    let _ = writeln!(s, "    {}", r.message_text.get(lang));
    let _ = writeln!(s, "{}:", l("Tiltak", "Remedy"));
    let _ = writeln!(s, "    {}", r.remedy_text.get(lang));
    let targets = |ts: &[crate::rules::Target]| {
        ts.iter()
            .map(|t| match t {
                crate::rules::Target::Rule(x) => x.clone(),
                crate::rules::Target::Act(x) => format!("act:{x}"),
                crate::rules::Target::Tag(x) => format!("tag:{x}"),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !r.mitigates.is_empty() {
        let _ = writeln!(
            s,
            "{}: {}",
            l("Avhjelper", "Mitigates"),
            targets(&r.mitigates)
        );
    }
    if !r.not_mitigated_by.is_empty() {
        let _ = writeln!(
            s,
            "{}: {}",
            l("Kan ikke avhjelpes av", "Cannot be mitigated by"),
            targets(&r.not_mitigated_by)
        );
    }
    let mitigators: Vec<&str> = rs
        .rules
        .iter()
        .filter(|o| o.mitigates.iter().any(|t| t.matches(r)))
        .map(|o| o.id.as_str())
        .collect();
    if !mitigators.is_empty() {
        let _ = writeln!(
            s,
            "{}: {}",
            l("Avhjelpes av", "Mitigated by"),
            mitigators.join(", ")
        );
    }
    if !r.tags.is_empty() {
        let _ = writeln!(s, "{}: {}", l("Stikkord", "Tags"), r.tags.join(", "));
    }
    if !r.notes.trim().is_empty() {
        let _ = writeln!(s, "{}:", l("Merknader", "Notes"));
        for line in r.notes.trim_end().lines() {
            let _ = writeln!(s, "    {line}");
        }
    }
    let fires = r.tests.iter().filter(|t| t.fires).count();
    let _ = writeln!(
        s,
        "{}: {} ({} {}, {} {})",
        l("Tester", "Tests"),
        r.tests.len(),
        fires,
        l("slår til", "fire"),
        r.tests.len() - fires,
        l("stille", "silent")
    );
    s
}

/// The list of rules in a format.
pub fn list(rs: &RuleSet, format: ListFormat, lang: Lang) -> String {
    let mut rules: Vec<&Rule> = rs.rules.iter().collect();
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    match format {
        ListFormat::Json => {
            let items: Vec<serde_json::Value> = rules
                .iter()
                .map(|r| {
                    let mut item = serde_json::json!({
                        "id": r.id,
                        "kind": kind_word(r.kind, Lang::En),
                        "severity": r.severity.as_str(),
                        "title": {"nb": r.title.nb, "en": r.title.en},
                        "pack": rs.packs[r.pack].id,
                        "source": {
                            "act": r.source.act,
                            "short": r.source.short,
                            "section": r.source.section,
                            "url": r.source.url,
                        },
                        "in_force": {
                            "from": r.in_force_from.to_string(),
                            "to": r.in_force_to.map(|d| d.to_string()),
                        },
                        "for_each": r.for_each.keyword(),
                        "tags": r.tags,
                    });
                    // As in `check --format json`: present only when false.
                    if let (false, Some(map)) = (r.verified, item.as_object_mut()) {
                        map.insert("verified".into(), serde_json::Value::Bool(false));
                    }
                    item
                })
                .collect();
            let mut out = serde_json::to_string_pretty(&items).unwrap_or_default();
            out.push('\n');
            out
        }
        ListFormat::Md => list_md(rs, &rules, lang),
        ListFormat::Table => list_table(&rules, lang),
    }
}

fn list_table(rules: &[&Rule], lang: Lang) -> String {
    let rows: Vec<[String; 5]> = rules
        .iter()
        .map(|r| {
            [
                r.id.clone(),
                match r.kind {
                    RuleKind::Barrier => {
                        format!("{} ({})", kind_word(r.kind, lang), r.severity.as_str())
                    }
                    RuleKind::Opportunity => kind_word(r.kind, lang).to_string(),
                },
                r.source.short.clone(),
                section_marked(r, lang),
                in_force(r),
            ]
        })
        .collect();
    let head = match lang {
        Lang::Nb => ["id", "type", "lov", "paragraf", "i kraft"],
        Lang::En => ["id", "kind", "act", "section", "in force"],
    };
    let mut widths = head.map(|h| h.chars().count());
    for row in &rows {
        for (w, c) in widths.iter_mut().zip(row.iter()) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut out = String::new();
    let line = |cells: &[&str]| {
        let mut l = String::new();
        for (i, c) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(c.chars().count());
            l.push_str(c);
            if i + 1 < cells.len() {
                l.push_str(&" ".repeat(pad + 2));
            }
        }
        l.trim_end().to_string()
    };
    let _ = writeln!(out, "{}", line(&head));
    for row in &rows {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        let _ = writeln!(out, "{}", line(&cells));
    }
    let barriers = rules.iter().filter(|r| r.kind == RuleKind::Barrier).count();
    let mut acts: Vec<&str> = rules.iter().map(|r| r.source.short.as_str()).collect();
    acts.sort_unstable();
    acts.dedup();
    let _ = match lang {
        Lang::Nb => writeln!(
            out,
            "\n{} regler ({} barrierer, {} muligheter) fra {} kilder",
            rules.len(),
            barriers,
            rules.len() - barriers,
            acts.len()
        ),
        Lang::En => writeln!(
            out,
            "\n{} rules ({} barriers, {} opportunities) from {} sources",
            rules.len(),
            barriers,
            rules.len() - barriers,
            acts.len()
        ),
    };
    out
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn list_md(rs: &RuleSet, rules: &[&Rule], lang: Lang) -> String {
    let mut out = String::new();
    let (title, intro, head) = match lang {
        Lang::Nb => (
            "# Regler",
            "Generert av `rammelab rules list --format md --lang nb`; ikke rediger for hånd.",
            "| id | type | tittel | kilde | i kraft |",
        ),
        Lang::En => (
            "# Rules",
            "Generated by `rammelab rules list --format md`; do not edit by hand.",
            "| id | kind | title | source | in force |",
        ),
    };
    let _ = writeln!(out, "{title}\n\n{intro}\n");
    let mut packs: Vec<usize> = rules.iter().map(|r| r.pack).collect();
    packs.sort_by(|a, b| rs.packs[*a].id.cmp(&rs.packs[*b].id));
    packs.dedup();
    for p in packs {
        let pack = &rs.packs[p];
        let _ = writeln!(
            out,
            "## {} (`{}`, {})\n",
            pack.title.get(lang),
            pack.id,
            pack.version
        );
        let _ = writeln!(out, "{head}\n|---|---|---|---|---|");
        for r in rules.iter().filter(|r| r.pack == p) {
            let kind = match r.kind {
                RuleKind::Barrier => {
                    format!("{} ({})", kind_word(r.kind, lang), r.severity.as_str())
                }
                RuleKind::Opportunity => kind_word(r.kind, lang).to_string(),
            };
            // The mark sits in the title cell, outside the source's link, where a reader looks.
            let mark = if r.verified {
                String::new()
            } else {
                format!(" **({})**", not_verified(lang))
            };
            let _ = writeln!(
                out,
                "| `{}` | {} | {}{} | [{} {}]({}) | {} |",
                r.id,
                kind,
                md_cell(r.title.get(lang)),
                mark,
                md_cell(&r.source.short),
                md_cell(&r.source.section),
                r.source.url,
                in_force(r)
            );
        }
        let _ = writeln!(out);
    }
    out
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

fn test(rs: &RuleSet, models: &[PathBuf]) -> super::Exit {
    let results = run_tests(rs);
    let mut failed = 0;
    for r in &results {
        let rule = &rs.rules[r.rule];
        let test = &rule.tests[r.test];
        let what = if test.fires { "fire" } else { "stay silent" };
        let problem = match &r.outcome {
            Outcome::Pass => continue,
            Outcome::Wrong { fired_on } if test.fires => match &test.subject {
                Some(s) if !fired_on.is_empty() => format!(
                    "expected it to fire on `{s}`, it fired on {}",
                    fired_on
                        .iter()
                        .map(|x| format!("`{x}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                _ => "expected it to fire, it stayed silent".to_string(),
            },
            Outcome::Wrong { fired_on } => format!(
                "expected it to stay silent, it fired on {}",
                fired_on
                    .iter()
                    .map(|x| format!("`{x}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Outcome::NotInForce => format!(
                "the rule is not in force on {} (in force {})",
                test.at,
                in_force(rule)
            ),
            Outcome::BadModel(d) => format!("the test's model does not resolve:\n{d}"),
        };
        failed += 1;
        outln!(
            "FAIL {} — {} (must {what}, at {}): {problem}",
            rule.id,
            test.name,
            test.at
        );
    }
    let models = load_models(models, rs);
    let cov = coverage(rs, &models);
    let show = |title: &str, ids: &[String]| {
        if !ids.is_empty() {
            outln!("{title} ({}): {}", ids.len(), ids.join(", "));
        }
    };
    show("rules without a firing test", &cov.without_firing_test);
    show("rules without a silent test", &cov.without_silent_test);
    if !models.is_empty() {
        show(
            &format!("rules that fire on none of the {} models", models.len()),
            &cov.never_fired,
        );
    }
    outln!(
        "rules: {} rules, {} tests: {} passed, {} failed",
        rs.rules.len(),
        results.len(),
        results.len() - failed,
        failed
    );
    let uncovered = !cov.without_firing_test.is_empty() || !cov.without_silent_test.is_empty();
    if failed > 0 || uncovered {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
