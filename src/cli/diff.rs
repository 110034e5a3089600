//! `rammelab diff BASE [OTHER]`: what changes between two models (a model and its variant,
//! say), with overlays applied to OTHER.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::args::{print_rule_errors, AtArgs, LangArgs, OverlayArgs, RulesArgs};
use super::check::print_errors;
use super::{EXIT_FINDINGS, EXIT_INPUT, EXIT_OK};
use crate::engine::evaluate;
use crate::render::diff as render;
use crate::rules::RuleSet;
use crate::vocab::Lang;
use crate::whatif::{diff, Scenario, SideFacts, Verdict};

#[derive(Debug, Clone, Copy, ValueEnum, Default, PartialEq, Eq)]
pub enum DiffFormat {
    #[default]
    Human,
    Json,
    Md,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The model to compare against.
    #[arg(value_name = "BASE")]
    pub base: PathBuf,
    /// The model to compare (a variant of BASE, say). Default: BASE itself, to see what the
    /// overlays alone change.
    #[arg(value_name = "OTHER")]
    pub other: Option<PathBuf>,
    #[command(flatten)]
    pub overlays: OverlayArgs,
    #[command(flatten)]
    pub rules: RulesArgs,
    #[command(flatten)]
    pub at: AtArgs,
    #[command(flatten)]
    pub lang: LangArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
}

/// Runs `diff`: exit 0 when OTHER is no worse than BASE, 1 when it blocks more, 2 when an
/// input is wrong.
pub fn run(args: &DiffArgs) -> super::Exit {
    let lang = args.lang.lang;
    let base_rules = match args.rules.load_or_exit(lang) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let other_rules = match overlaid(&base_rules, &args.overlays, lang) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let other_path = args.other.as_ref().unwrap_or(&args.base);
    let base = super::load(&args.base, &base_rules.vocab, lang);
    let other = super::load(other_path, &other_rules.vocab, lang);
    let (base, other) = match (base, other) {
        (Ok(b), Ok(o)) => (b, o),
        (b, o) => {
            for e in [b.err(), o.err()].into_iter().flatten() {
                print_errors(&e);
            }
            return EXIT_INPUT;
        }
    };
    let at = args.at.date();
    let b = Scenario::of(&evaluate(&base, &base_rules, at), lang);
    let o = Scenario::of(&evaluate(&other, &other_rules, at), lang);
    let facts = SideFacts {
        model: &other,
        rules: &other_rules,
        at,
    };
    let d = diff(&b, &o, &facts);
    let text = match args.format {
        DiffFormat::Human => render::human(&d, lang),
        DiffFormat::Md => render::markdown(&d, lang),
        DiffFormat::Json => render::json(&d),
    };
    out!("{text}");
    if !text.ends_with('\n') {
        outln!();
    }
    if d.verdict == Verdict::Worse {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// The rule set with the overlays applied; errors are printed and turned into the exit code.
pub(crate) fn overlaid(
    rules: &RuleSet,
    args: &OverlayArgs,
    lang: Lang,
) -> Result<RuleSet, super::Exit> {
    let files = args.files().map_err(|e| {
        print_rule_errors(&e, lang);
        EXIT_INPUT
    })?;
    if files.is_empty() {
        return Ok(rules.clone());
    }
    rules.with_overlays(&files).map_err(|e| {
        print_rule_errors(&e, lang);
        EXIT_INPUT
    })
}
