//! The server's one door into the library: load the rule packs, check a model held in
//! memory at a date, and hand back owned results (errors, findings) that the features read.
//!
//! Every other file of the server reads these types, never the engine's or the report's, so
//! that moving the library behind a new facade means changing this file only.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;

use crate::engine::{evaluate, Subject};
use crate::model::{self, Model, ModelError, SourceFile};
use crate::rules::{RuleKind, RuleSet, RuleSources, Severity, Source};
use crate::syntax::Span;
use crate::vocab::{ItemKind, Lang, Vocabulary};

use super::settings::Settings;

/// The rule packs (with overlays) the server checks against.
#[derive(Debug, Clone)]
pub struct Engine {
    /// None only when not even the built-in packs load (a broken build).
    rules: Option<Arc<RuleSet>>,
    vocab: Arc<Vocabulary>,
    /// What went wrong loading the packs or overlays asked for (the built-in packs are used
    /// instead), one message a problem.
    pub problems: Vec<String>,
}

impl Engine {
    /// Loads the packs and overlays the settings name. When they do not load, the built-in
    /// packs are used and the problems are kept for the user.
    pub fn load(settings: &Settings, lang: Lang) -> Engine {
        let sources = RuleSources {
            dirs: settings.rules.clone(),
            no_builtin: settings.no_builtin_rules,
        };
        let mut problems = Vec::new();
        let loaded = sources.load().and_then(|rules| {
            if settings.overlays.is_empty() {
                return Ok(rules);
            }
            let files = crate::rules::overlay::read_overlays(&settings.overlays)?;
            rules.with_overlays(&files)
        });
        let rules = match loaded {
            Ok(rules) => rules,
            Err(e) => {
                let e = e.in_lang(lang);
                problems.extend(e.0.iter().map(|e| e.to_string()));
                match RuleSources::default().load() {
                    Ok(rules) => rules,
                    Err(e) => {
                        problems.extend(e.0.iter().map(|e| e.to_string()));
                        return Engine {
                            rules: None,
                            vocab: Arc::new(Vocabulary::builtin().clone()),
                            problems,
                        };
                    }
                }
            }
        };
        Engine {
            vocab: rules.vocab.clone(),
            rules: Some(Arc::new(rules)),
            problems,
        }
    }

    pub fn vocab(&self) -> &Vocabulary {
        &self.vocab
    }

    /// The rule packs, when any loaded.
    pub fn rules(&self) -> Option<&RuleSet> {
        self.rules.as_deref()
    }

    /// Parses, resolves and (when it resolves and `findings` is on) evaluates the text of the
    /// model file at `path` at `at`. A variant's base is read from disk next to `path`.
    pub fn check(&self, path: &Path, text: &str, at: Date, lang: Lang, findings: bool) -> Checked {
        let source = SourceFile::new(path, text);
        match model::resolve_source(source, self.vocab()) {
            Err(errors) => Checked {
                model: None,
                errors: errors.in_lang(lang).into_iter().collect(),
                findings: Vec::new(),
            },
            Ok(model) => {
                let findings = if findings {
                    self.findings(&model, at, lang)
                } else {
                    Vec::new()
                };
                Checked {
                    model: Some(model),
                    errors: Vec::new(),
                    findings,
                }
            }
        }
    }

    /// The findings of a resolved model, with their texts in `lang`.
    fn findings(&self, model: &Model, at: Date, lang: Lang) -> Vec<Finding> {
        let Some(rules) = self.rules() else {
            return Vec::new();
        };
        let eval = evaluate(model, rules, at);
        let place = |s: Subject| -> (PathBuf, Span, Option<(ItemKind, String)>) {
            match s {
                Subject::Model => (
                    model.header_source().path.clone(),
                    model.header.id_span,
                    None,
                ),
                Subject::Item(id) => {
                    let item = model.item(id);
                    (
                        model.source_of(id).path.clone(),
                        item.id_span,
                        Some((item.kind, item.id.clone())),
                    )
                }
            }
        };
        eval.findings
            .iter()
            .map(|f| {
                let rule = eval.rule(f);
                let (file, span, subject) = place(f.subject);
                let others = |list: &[usize]| -> Vec<Related> {
                    list.iter()
                        .filter_map(|&i| eval.findings.get(i))
                        .map(|o| {
                            let (file, span, _) = place(o.subject);
                            Related {
                                title: eval.rule(o).title.get(lang).to_string(),
                                rule_id: eval.rule(o).id.clone(),
                                file,
                                span,
                            }
                        })
                        .collect()
                };
                Finding {
                    rule: f.rule,
                    rule_id: rule.id.clone(),
                    barrier: rule.kind == RuleKind::Barrier,
                    severity: rule.severity,
                    title: rule.title.get(lang).to_string(),
                    message: eval.message(f, lang),
                    remedy: eval.remedy(f, lang),
                    source: rule.source.clone(),
                    file,
                    span,
                    subject,
                    mitigated_by: others(&f.mitigated_by),
                    mitigates: others(&f.mitigates),
                }
            })
            .collect()
    }
}

/// What checking one document gave.
#[derive(Debug)]
pub struct Checked {
    /// The resolved model, when the file has no error.
    pub model: Option<Model>,
    /// Every error of the file (and of its base, for a variant), in the user's language.
    pub errors: Vec<ModelError>,
    pub findings: Vec<Finding>,
}

/// One finding, its texts filled.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The rule's index in [`Engine::rules`].
    pub rule: usize,
    pub rule_id: String,
    pub barrier: bool,
    pub severity: Severity,
    pub title: String,
    pub message: String,
    pub remedy: String,
    pub source: Source,
    /// The file and span of its subject's id (the `model` keyword for the model block).
    pub file: PathBuf,
    pub span: Span,
    /// The subject's kind and id (none for the model block).
    pub subject: Option<(ItemKind, String)>,
    /// For a barrier: the opportunities that mitigate it.
    pub mitigated_by: Vec<Related>,
    /// For an opportunity: the barriers it mitigates.
    pub mitigates: Vec<Related>,
}

/// Another finding a finding points at.
#[derive(Debug, Clone)]
pub struct Related {
    pub title: String,
    pub rule_id: String,
    pub file: PathBuf,
    pub span: Span,
}
