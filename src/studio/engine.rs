//! The one door from the studio into rammelab's library. Everything the pages show is made
//! here from the entry points the command line uses (resolve a model held in memory, rule
//! packs with overlays, evaluate at a date, the check report, the graph's SVG, the what-if
//! lab, the lab report), so that the studio can be re-pointed at another facade in this one
//! file.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;
use serde::Serialize;

use crate::base::limits::Limits;
use crate::engine::{evaluate, Evaluation};
use crate::graph::{unlock_order, BarrierGraph};
use crate::model::{self, Model, ModelErrors, SourceFile};
use crate::render::graph::to_svg;
use crate::render::report;
use crate::rules::{overlay, RuleSet};
use crate::view::{CheckReport, ModelReport, Options, Outcome};
use crate::vocab::Lang;
use crate::whatif::lab::{self as whatif_lab, LabInput, Variant};

/// What the page asks to see: a model's text as it stands in the editor, read at a date,
/// under some overlays, in a language.
#[derive(Debug, Clone)]
pub struct Ask<'a> {
    /// The model file (confined to the workspace); variants find their base from it.
    pub file: &'a Path,
    /// The file's name as the page shows it (relative to the workspace).
    pub shown: &'a str,
    pub text: &'a str,
    pub at: Date,
    pub lang: Lang,
    /// Overlays by id: `builtin:NAME` or a path under the workspace.
    pub overlays: &'a [String],
    pub focus: Option<&'a str>,
}

/// One diagnostic of the model, placed for the editor (1-based lines and columns, byte
/// offsets into the text).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Diagnostic {
    pub code: String,
    pub message: String,
    pub label: Option<String>,
    pub help: Option<String>,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
    /// False when the error is in another file (the base of a variant).
    pub here: bool,
    /// The quick fix, when the did-you-mean has one clear candidate (`crate::fix`).
    pub fix: Option<QuickFix>,
}

/// A quick fix for the editor: replace the bytes `start..end` by `replacement`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuickFix {
    pub title: String,
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

/// A coloured span of the editor's text, from rammelab's own parser.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub class: &'static str,
}

/// One step of the unlock order: remove this barrier and these services go free.
#[derive(Debug, Clone, Serialize)]
pub struct Unlock {
    pub rule: String,
    pub subject: String,
    pub unblocks: Vec<String>,
}

/// Everything the page redraws after an edit or a change in the lab panel.
#[derive(Debug, Clone, Serialize)]
pub struct View {
    pub diagnostics: Vec<Diagnostic>,
    pub tokens: Vec<Token>,
    /// The check report (docs/check-report.schema.json), when the model resolves.
    pub check: Option<serde_json::Value>,
    pub svg: Option<String>,
    pub unlock: Vec<Unlock>,
    /// Overlays that did not load, each with its reason.
    pub overlay_errors: Vec<String>,
}

/// An overlay the lab panel can switch on.
#[derive(Debug, Clone, Serialize)]
pub struct OverlayChoice {
    pub id: String,
    pub title: String,
}

/// The lab table as the page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct LabPage {
    pub note: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The rule packs and limits the studio checks with, and the workspace folder (canonical).
#[derive(Debug)]
pub struct Engine {
    pub rules: RuleSet,
    pub limits: Limits,
    pub dir: PathBuf,
}

impl Engine {
    /// Diagnostics, colouring, findings and graph of the text in `ask`.
    pub fn view(&self, ask: &Ask<'_>) -> View {
        let tokens = tokens(ask.text, &self.limits);
        let (rules, overlay_errors) = self.rules_with(ask.overlays, ask.lang);
        let mut view = View {
            diagnostics: Vec::new(),
            tokens,
            check: None,
            svg: None,
            unlock: Vec::new(),
            overlay_errors,
        };
        match self.resolve(ask, &rules) {
            Ok(model) => {
                let eval = evaluate(&model, &rules, ask.at);
                view.check = Some(check_json(&eval, &rules, ask));
                let graph = BarrierGraph::build(&eval);
                let focus = ask.focus.filter(|id| graph.focus(id).is_ok());
                view.svg = Some(to_svg(&graph, ask.lang, focus));
                view.unlock = unlocks(&graph, &eval);
            }
            Err(errors) => view.diagnostics = diagnostics(&errors, ask),
        }
        view
    }

    /// The what-if lab of the model: itself, its variants (`variants/STEM/` beside it), each
    /// overlay and each combination, ranked by what each unblocks.
    pub fn lab(&self, ask: &Ask<'_>) -> Result<LabPage, String> {
        let model = self.resolve(ask, &self.rules).map_err(|e| e.to_string())?;
        let lab = self.run_lab(ask, &model)?;
        let t = crate::render::lab::table(&lab, ask.lang);
        Ok(LabPage {
            note: t.note,
            columns: t.columns,
            rows: t.rows,
        })
    }

    /// The lab report of what is on screen (the overlays switched on, the date, the lab
    /// table), as Markdown or one HTML page.
    pub fn report(&self, ask: &Ask<'_>, html: bool) -> Result<String, String> {
        let (rules, errors) = self.rules_with(ask.overlays, ask.lang);
        if let Some(e) = errors.first() {
            return Err(e.clone());
        }
        let model = self.resolve(ask, &rules).map_err(|e| e.to_string())?;
        let eval = evaluate(&model, &rules, ask.at);
        let lab = self.run_lab(ask, &model)?;
        let whatif = crate::render::lab::table(&lab, ask.lang);
        let built = report::LabReport::build(&[(&eval, Some(whatif))], ask.lang);
        let format = if html {
            report::ReportFormat::Html
        } else {
            report::ReportFormat::Md
        };
        report::render(&built, format).map_err(|e| e.to_string())
    }

    /// The overlays to offer: the proposals built in, then every `*.yaml` overlay in the
    /// workspace that loads on top of the packs.
    pub fn overlays(&self, lang: Lang, files: &[PathBuf]) -> Vec<OverlayChoice> {
        let mut out: Vec<OverlayChoice> = overlay::builtin_proposal_names()
            .into_iter()
            .map(|n| OverlayChoice {
                id: format!("{}:{n}", overlay::BUILTIN),
                title: n.to_string(),
            })
            .collect();
        for f in files {
            let Ok(rel) = f.strip_prefix(&self.dir) else {
                continue;
            };
            let id = rel.to_string_lossy().replace('\\', "/");
            if self.overlay_file(&id).is_ok() {
                out.push(OverlayChoice {
                    title: id.clone(),
                    id,
                });
            }
        }
        for choice in &mut out {
            if let Ok(file) = self.overlay_file(&choice.id) {
                if let Some(title) = overlay_title(&file.text, lang) {
                    choice.title = title;
                }
            }
        }
        out
    }

    fn resolve(&self, ask: &Ask<'_>, rules: &RuleSet) -> Result<Model, ModelErrors> {
        let source = SourceFile::new(ask.file, ask.text);
        model::resolve_source_with(source, &rules.vocab, &self.limits)
            .map_err(|e| e.in_lang(ask.lang))
    }

    /// The packs with the overlays on; an overlay that does not load is left off and named.
    fn rules_with(&self, ids: &[String], lang: Lang) -> (Cow<'_, RuleSet>, Vec<String>) {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for id in ids {
            match self.overlay_file(id) {
                Ok(f) => files.push(f),
                Err(e) => errors.push(e),
            }
        }
        if files.is_empty() {
            return (Cow::Borrowed(&self.rules), errors);
        }
        match self.rules.with_overlays(&files) {
            Ok(r) => (Cow::Owned(r), errors),
            Err(e) => {
                errors.push(e.in_lang(lang).to_string());
                (Cow::Borrowed(&self.rules), errors)
            }
        }
    }

    /// An overlay's text: built in, or a `*.yaml` file under the workspace.
    fn overlay_file(&self, id: &str) -> Result<Arc<SourceFile>, String> {
        if let Some(name) = id
            .strip_prefix(overlay::BUILTIN)
            .and_then(|r| r.strip_prefix(':'))
        {
            return overlay::builtin_proposal(name).ok_or_else(|| format!("`{id}`: unknown"));
        }
        let path = super::safety::confine_file(&self.dir, id, &["yaml", "yml"])
            .map_err(|e| format!("`{id}`: {e}"))?;
        let bytes = crate::base::fsutil::read_limited(&path, self.limits.max_file_size())
            .map_err(|e| format!("`{id}`: {e}"))?;
        let text = String::from_utf8(bytes).map_err(|_| format!("`{id}`: not UTF-8"))?;
        let file = SourceFile::new(path, text);
        self.rules
            .with_overlays(std::slice::from_ref(&file))
            .map_err(|e| format!("`{id}`: {e}"))?;
        Ok(file)
    }

    fn run_lab(&self, ask: &Ask<'_>, model: &Model) -> Result<whatif_lab::Lab, String> {
        let variants = self.variants_of(ask)?;
        let mut overlays = Vec::new();
        for name in overlay::builtin_proposal_names() {
            if let Some(f) = overlay::builtin_proposal(name) {
                overlays.push(f);
            }
        }
        for id in ask.overlays {
            if !id.starts_with(overlay::BUILTIN) {
                overlays.push(self.overlay_file(id)?);
            }
        }
        whatif_lab::run(LabInput {
            base: model,
            variants: &variants,
            overlays: &overlays,
            rules: &self.rules,
            at: ask.at,
            lang: ask.lang,
        })
        .map_err(|e| e.in_lang(ask.lang).to_string())
    }

    /// The variants in `variants/STEM/` beside the model, each as saved on disk.
    fn variants_of(&self, ask: &Ask<'_>) -> Result<Vec<Variant>, String> {
        let (Some(stem), Some(parent)) = (ask.file.file_stem(), ask.file.parent()) else {
            return Ok(Vec::new());
        };
        let dir = parent.join("variants").join(stem);
        let Ok(read) = std::fs::read_dir(&dir) else {
            return Ok(Vec::new());
        };
        let mut paths: Vec<PathBuf> = read
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "lsm"))
            .filter(|p| p.starts_with(&self.dir))
            .collect();
        paths.sort();
        let mut out = Vec::new();
        for p in paths {
            let m = model::load_file_with(&p, &self.rules.vocab, &self.limits)
                .map_err(|e| e.in_lang(ask.lang).to_string())?;
            let id = p
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            out.push(Variant { id, model: m });
        }
        Ok(out)
    }
}

/// An overlay's `title` in `lang` (the overlay format's `title: {nb, en}`).
fn overlay_title(text: &str, lang: Lang) -> Option<String> {
    let doc: serde_yaml::Value = serde_yaml::from_str(text).ok()?;
    let key = match lang {
        Lang::Nb => "nb",
        Lang::En => "en",
    };
    let title = doc.get("title")?;
    title
        .get(key)
        .or(Some(title))
        .and_then(serde_yaml::Value::as_str)
        .map(str::to_string)
}

/// The check report of one evaluated model, as JSON, with the explain steps.
fn check_json(eval: &Evaluation<'_>, rules: &RuleSet, ask: &Ask<'_>) -> serde_json::Value {
    let opts = Options {
        lang: ask.lang,
        explain: true,
    };
    let outcome = Outcome::Checked(ModelReport::build(eval, opts));
    let report = CheckReport::new(rules, ask.at, ask.lang, vec![outcome]);
    let mut bytes = Vec::new();
    if crate::render::check::json::write(&report, &mut bytes).is_err() {
        return serde_json::Value::Null;
    }
    let mut value: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
    if let Some(m) = value
        .get_mut("models")
        .and_then(|m| m.get_mut(0))
        .and_then(serde_json::Value::as_object_mut)
    {
        m.insert("file".into(), ask.shown.into());
    }
    value
}

fn unlocks(graph: &BarrierGraph<'_>, eval: &Evaluation<'_>) -> Vec<Unlock> {
    unlock_order(graph)
        .into_iter()
        .filter_map(|step| {
            let f = eval.findings.get(step.finding)?;
            Some(Unlock {
                rule: eval.rule(f).id.clone(),
                subject: f.subject.id(eval.model).to_string(),
                unblocks: step
                    .newly_unblocked
                    .iter()
                    .map(|id| eval.model.item(*id).id.clone())
                    .collect(),
            })
        })
        .collect()
}

/// Every error with its place; an error in another file (a variant's base) is placed at the
/// top of this one.
fn diagnostics(errors: &ModelErrors, ask: &Ask<'_>) -> Vec<Diagnostic> {
    use miette::Diagnostic as _;
    errors
        .iter()
        .map(|e| {
            let here = e.file().path == ask.file;
            let fix = here
                .then(|| crate::fix::fix_for(e, ask.text))
                .flatten()
                .map(|f| QuickFix {
                    title: f.title(ask.lang),
                    start: f.edit.range.start,
                    end: f.edit.range.end,
                    replacement: f.edit.replacement,
                });
            let (line, column) = if here { e.line_col() } else { (1, 1) };
            let label = e
                .labels()
                .and_then(|mut l| l.next())
                .and_then(|l| l.label().map(str::to_string));
            Diagnostic {
                code: e.code().to_string(),
                message: e.to_string(),
                label,
                help: e.help().map(|h| h.to_string()),
                line,
                column,
                start: if here { e.span.start as usize } else { 0 },
                end: if here { e.span.end as usize } else { 0 },
                here,
                fix,
            }
        })
        .collect()
}

/// The colouring of `text`: keywords, ids, field names, strings, numbers, terms and comments,
/// as rammelab's parser reads them (with recovery, so a typo colours only its item wrong).
pub fn tokens(text: &str, limits: &Limits) -> Vec<Token> {
    use crate::syntax::ast::{ValueKind, ValueNode};
    fn value(v: &ValueNode, out: &mut Vec<Token>) {
        let class = match &v.kind {
            ValueKind::Str(_) => "str",
            ValueKind::Number(_) | ValueKind::Percent(_) | ValueKind::Date(_) => "num",
            ValueKind::Quantity(q) => {
                push(out, q.amount.span, "num");
                push(out, q.unit.span, "unit");
                if let Some(p) = &q.per {
                    push(out, p.span, "unit");
                }
                return;
            }
            ValueKind::Word(_) => "term",
            ValueKind::List(items) => {
                for i in items {
                    value(i, out);
                }
                return;
            }
            ValueKind::Invalid => return,
        };
        push(out, v.span, class);
    }
    fn push(out: &mut Vec<Token>, span: crate::syntax::Span, class: &'static str) {
        if span.end > span.start {
            out.push(Token {
                start: span.start as usize,
                end: span.end as usize,
                class,
            });
        }
    }
    let parsed = crate::syntax::parse_recovering_with(text, limits);
    let mut out = Vec::new();
    for c in &parsed.file.comments {
        push(&mut out, c.span, "comment");
    }
    for d in &parsed.file.directives {
        push(&mut out, d.keyword, "kw");
    }
    for item in &parsed.file.items {
        push(&mut out, item.keyword, "kw");
        if let Some(id) = &item.id {
            push(&mut out, id.span, "id");
        }
        if let Some(n) = &item.name {
            push(&mut out, n.span, "str");
        }
        if let Some(ends) = &item.ends {
            push(&mut out, ends.from.span, "id");
            push(&mut out, ends.arrow_span, "arrow");
            push(&mut out, ends.to.span, "id");
        }
        for f in &item.fields {
            push(&mut out, f.name.span, "field");
            value(&f.value, &mut out);
        }
    }
    out.sort_by_key(|t| (t.start, t.end));
    out.dedup_by(|b, a| b.start < a.end);
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn classes(text: &str) -> Vec<(&str, &'static str)> {
        tokens(text, &Limits::default())
            .into_iter()
            .map(|t| (&text[t.start..t.end], t.class))
            .collect()
    }

    #[test]
    fn the_parser_colours_the_text() {
        let text = "# en modell\nactor kommune \"Haugesund kommune\" {\n  type: municipality\n}\n";
        assert_eq!(
            classes(text),
            vec![
                ("# en modell", "comment"),
                ("actor", "kw"),
                ("kommune", "id"),
                ("\"Haugesund kommune\"", "str"),
                ("type", "field"),
                ("municipality", "term"),
            ]
        );
    }

    #[test]
    fn broken_text_colours_what_parses_and_never_overlaps() {
        for text in [
            "",
            "}}}{{{",
            "actor æøå \"x {\n  type: 3 NOK per\n",
            "model \"x\" {\n  horizon: 4 years\n}\nactor a {\n  type: [a, b,\n",
            "\u{feff}actor a {}\r\n",
        ] {
            let t = tokens(text, &Limits::default());
            for pair in t.windows(2) {
                assert!(pair[0].end <= pair[1].start, "{text:?}: {t:?}");
            }
            assert!(
                t.iter().all(|x| text.get(x.start..x.end).is_some()),
                "{text:?}"
            );
        }
    }
}
