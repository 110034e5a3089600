//! `rammelab graph MODEL --format dot|mermaid|json|svg`: the barrier dependency graph.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::args::{AtArgs, LangArgs, RulesArgs};
use super::{render_diagnostic, use_color, EXIT_INPUT};
use crate::engine::evaluate;
use crate::graph::BarrierGraph;
use crate::model::load_file_with;
use crate::render::graph::{to_dot, to_json, to_mermaid, to_svg};

/// What to draw the graph as.
#[derive(Debug, Clone, Copy, ValueEnum, Default, PartialEq, Eq)]
pub enum GraphFormat {
    /// Graphviz DOT (`| dot -Tsvg > graph.svg`).
    #[default]
    Dot,
    /// A Mermaid flowchart, for Markdown on GitHub.
    Mermaid,
    /// Nodes, edges and the analyses (service status, root barriers, unlock order) as JSON.
    Json,
    /// An SVG picture drawn by rammelab itself.
    Svg,
}

#[derive(Debug, Args)]
pub struct GraphArgs {
    /// The model file (`*.lsm`).
    pub model: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    pub format: GraphFormat,
    /// Draw only what leads to and from one item (or the findings of one rule).
    #[arg(long, value_name = "ID")]
    pub focus: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub rules: RulesArgs,
    #[command(flatten)]
    pub at: AtArgs,
    #[command(flatten)]
    pub lang: LangArgs,
    #[command(flatten)]
    pub limits: super::limits::LimitArgs,
}

/// Runs `rammelab graph`.
pub fn run(args: GraphArgs) -> super::Exit {
    let rules = match args.rules.load_or_exit(args.lang.lang) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let model = match load_file_with(&args.model, &rules.vocab, &args.limits.limits()) {
        Ok(m) => m,
        Err(e) => {
            errln!("{}", render_diagnostic(&e, use_color(), 100));
            return EXIT_INPUT;
        }
    };
    let eval = evaluate(&model, &rules, args.at.date());
    let graph = BarrierGraph::build(&eval);
    let focus = args.focus.as_deref();
    if let Some(id) = focus {
        if let Err(e) = graph.focus(id) {
            let e = e.in_lang(args.lang.lang);
            errln!("{}", render_diagnostic(&e, use_color(), 100));
            return EXIT_INPUT;
        }
    }
    let lang = args.lang.lang;
    let text = match args.format {
        GraphFormat::Dot => to_dot(&graph, lang, focus),
        GraphFormat::Mermaid => to_mermaid(&graph, lang, focus),
        GraphFormat::Svg => to_svg(&graph, lang, focus),
        GraphFormat::Json => {
            let v = to_json(&graph, lang, focus);
            let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
            s.push('\n');
            s
        }
    };
    super::output::emit(args.output.as_deref(), &text, false, lang)
}
