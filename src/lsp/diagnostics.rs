//! Model errors and findings as LSP diagnostics.
//!
//! An error keeps its code, its message and help in the user's language, and its notes as
//! related locations. A barrier is an error, warning or information by its rule's severity,
//! an opportunity a hint; each has its rule id as code and its source (a Lovdata link) as
//! code description. What lies in another file (an error or finding in a variant's base) is
//! shown on the variant's `extends` line, with the place in the base as a related location.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr as _;

use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Uri,
};

use super::engine::{Checked, Finding};
use super::text::Text;
use super::words::{in_base, word, Word};
use crate::rules::Severity;
use crate::syntax::Span;
use crate::vocab::Lang;

/// Finds the LSP location of a span in any file a check touched.
pub struct Locator<'a> {
    path: &'a Path,
    text: &'a Text,
    others: HashMap<PathBuf, Text>,
}

impl<'a> Locator<'a> {
    /// For the document at `path` with `text`, and the files (a variant's bases) in `checked`.
    pub fn new(path: &'a Path, text: &'a Text, checked: &Checked) -> Locator<'a> {
        let mut others = HashMap::new();
        if let Some(model) = &checked.model {
            for base in model.bases() {
                others.insert(base.path.clone(), Text::new(base.text.clone()));
            }
        }
        for e in &checked.errors {
            let file = e.file();
            if file.path != path && !others.contains_key(&file.path) {
                others.insert(file.path.clone(), Text::new(file.text.clone()));
            }
        }
        Locator { path, text, others }
    }

    /// Whether a file is the document itself.
    pub fn is_here(&self, file: &Path) -> bool {
        file == self.path
    }

    pub fn location(&self, file: &Path, span: Span) -> Option<Location> {
        let text = if self.is_here(file) {
            self.text
        } else {
            self.others.get(file)?
        };
        let uri =
            super::uri::from_path(file).or_else(|| Uri::from_str(&file.to_string_lossy()).ok())?;
        Some(Location::new(uri, text.range(span)))
    }
}

/// Every diagnostic of a checked document. `anchor` is where what belongs to another file is
/// shown (the `extends` line).
pub fn diagnostics(loc: &Locator, checked: &Checked, anchor: Span, lang: Lang) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = checked
        .errors
        .iter()
        .map(|e| error(loc, e, anchor, lang))
        .collect();
    out.extend(
        checked
            .findings
            .iter()
            .map(|f| finding(loc, f, anchor, lang)),
    );
    out
}

fn error(loc: &Locator, e: &crate::model::ModelError, anchor: Span, lang: Lang) -> Diagnostic {
    let texts = crate::model::error::texts(&e.kind, lang);
    let file = &e.file().path;
    let mut message = texts.message;
    if let Some(help) = texts.help {
        message.push('\n');
        message.push_str(&help);
    }
    let mut related: Vec<DiagnosticRelatedInformation> = e
        .notes
        .iter()
        .filter_map(|(span, note)| {
            Some(DiagnosticRelatedInformation {
                location: loc.location(file, *span)?,
                message: note.text(lang),
            })
        })
        .collect();
    let span = if loc.is_here(file) {
        e.span
    } else {
        message = format!("{} ({})", message, in_base(lang, &file_name(file)));
        if let Some(location) = loc.location(file, e.span) {
            related.insert(
                0,
                DiagnosticRelatedInformation {
                    location,
                    message: texts.label,
                },
            );
        }
        anchor
    };
    Diagnostic {
        range: loc.text.range(span),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String(e.code().to_string())),
        source: Some("rammelab".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    }
}

fn finding(loc: &Locator, f: &Finding, anchor: Span, lang: Lang) -> Diagnostic {
    let severity = if !f.barrier {
        DiagnosticSeverity::HINT
    } else {
        match f.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }
    };
    let mut message = format!("{}: {}", f.title, f.message);
    let mut related = Vec::new();
    let (list, what) = if f.barrier {
        (&f.mitigated_by, Word::MitigatedBy)
    } else {
        (&f.mitigates, Word::Mitigates)
    };
    for r in list {
        if let Some(location) = loc.location(&r.file, r.span) {
            related.push(DiagnosticRelatedInformation {
                location,
                message: format!("{}: {} [{}]", word(what, lang), r.title, r.rule_id),
            });
        }
    }
    let span = if loc.is_here(&f.file) {
        f.span
    } else {
        if let Some(location) = loc.location(&f.file, f.span) {
            related.insert(
                0,
                DiagnosticRelatedInformation {
                    location,
                    message: f.title.clone(),
                },
            );
        }
        let subject = f.subject.as_ref().map_or("model", |(_, id)| id.as_str());
        message = format!(
            "{subject}: {message} ({})",
            in_base(lang, &file_name(&f.file))
        );
        anchor
    };
    Diagnostic {
        range: loc.text.range(span),
        severity: Some(severity),
        code: Some(NumberOrString::String(f.rule_id.clone())),
        code_description: Uri::from_str(&f.source.url)
            .ok()
            .filter(|_| !f.source.url.is_empty())
            .map(|href| CodeDescription { href }),
        source: Some("rammelab".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    }
}

/// A file's name, for messages (the full path is in the related location).
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
