//! Compiling one rule of a pack: its id, texts, condition, parameters and tests, checked against
//! the loader's vocabulary, sets and parameters. Split from `mod.rs`, which loads whole packs.

use std::collections::HashMap;
use std::sync::Arc;

use jiff::civil::Date;

use super::condition::{self, parse_condition, Scope};
use super::pack::RawRule;
use super::{
    template, yaml, Loader, Rule, RuleError, RuleErrorKind, RuleKind, RuleTest, Severity, Target,
    Texts,
};
use crate::base::source::SourceFile;
use crate::syntax::Span;
use crate::vocab::Text;

/// Compiles one rule against a loader's vocabulary, sets and parameters, collecting its own
/// errors, so that rules can compile in parallel.
pub(super) struct RuleLoader<'a> {
    pub(super) ctx: &'a Loader,
    /// Where each rule id of the rule's file stands.
    pub(super) entries: &'a HashMap<String, Span>,
    pub(super) errors: Vec<RuleError>,
}

impl RuleLoader<'_> {
    pub(super) fn load_rule(
        &mut self,
        file: &Arc<SourceFile>,
        rr: &RawRule,
        pack: usize,
        test_date: Date,
    ) -> Option<Rule> {
        let before = self.errors.len();
        let id_span = self.id_span(&rr.id);
        if !is_kebab(&rr.id) {
            self.errors.push(RuleError::new(
                RuleErrorKind::Invalid(format!("the rule id `{}` is not kebab-case", rr.id)),
                file,
                id_span,
            )
            .help(Some("use lower-case letters, digits and `-`, for example `gdpr-art28-processor-without-agreement`".into())));
        }
        let severity = match (rr.kind, rr.severity) {
            (RuleKind::Barrier, Some(Severity::Info)) => {
                self.invalid(
                    file,
                    &rr.id,
                    "severity",
                    "a barrier's severity is `error` or `warning`",
                );
                Severity::Error
            }
            (RuleKind::Barrier, s) => s.unwrap_or(Severity::Error),
            (RuleKind::Opportunity, Some(s)) if s != Severity::Info => {
                self.invalid(
                    file,
                    &rr.id,
                    "severity",
                    "an opportunity has no severity; remove `severity`",
                );
                Severity::Info
            }
            (RuleKind::Opportunity, _) => Severity::Info,
        };
        if rr.kind == RuleKind::Barrier && !rr.mitigates.is_empty() {
            self.invalid(
                file,
                &rr.id,
                "mitigates",
                "only opportunities mitigate barriers",
            );
        }
        if rr.in_force.to.is_some_and(|to| to < rr.in_force.from) {
            self.invalid(file, &rr.id, "in_force", "`to` is before `from`");
        }
        let mut scope = Scope::for_subject(rr.for_each);
        let when = match parse_condition(&rr.when)
            .and_then(|n| self.ctx.checker().check_condition(&n, &mut scope))
        {
            Ok(e) => Some(e),
            Err(e) => {
                self.cond_error(file, &rr.id, "when", &rr.when, e);
                None
            }
        };
        let message = self.texts(file, rr, "message", &rr.message, &scope);
        let remedy = self.texts(file, rr, "remedy", &rr.remedy, &scope);
        let tests = rr
            .tests
            .iter()
            .enumerate()
            .map(|(i, t)| RuleTest {
                name: t.name.clone().unwrap_or_else(|| {
                    format!(
                        "test {} ({})",
                        i + 1,
                        if t.fires { "fires" } else { "silent" }
                    )
                }),
                fires: t.fires,
                at: t.at.map_or(test_date, |d| d.0),
                subject: t.subject.clone(),
                model: t.model.clone(),
                span: None,
            })
            .collect();
        if self.errors.len() > before {
            return None;
        }
        let line = id_span.map_or(1, |s| file.line_col(s.start).0);
        let mut when = when?;
        let plan = condition::plan::plan_rule(&mut when, rr.for_each, &self.ctx.vocab);
        Some(Rule {
            id: rr.id.clone(),
            kind: rr.kind,
            severity,
            title: rr.title.clone(),
            message: message?,
            remedy: remedy?,
            message_text: rr.message.clone(),
            remedy_text: rr.remedy.clone(),
            source: rr.source.clone(),
            in_force_from: rr.in_force.from.0,
            in_force_to: rr.in_force.to.map(|d| d.0),
            for_each: rr.for_each,
            when,
            when_text: rr.when.clone(),
            slots: scope.max_slots,
            plan,
            mitigates: rr.mitigates.iter().map(|s| Target::parse(s)).collect(),
            mitigation_scope: rr.mitigation_scope,
            not_mitigated_by: rr
                .not_mitigated_by
                .iter()
                .map(|s| Target::parse(s))
                .collect(),
            tags: rr.tags.clone(),
            notes: rr.notes.clone(),
            verified: rr.verified.unwrap_or(true),
            tests,
            pack,
            line,
        })
    }

    fn texts(
        &mut self,
        file: &Arc<SourceFile>,
        rr: &RawRule,
        key: &str,
        text: &Text,
        scope: &Scope,
    ) -> Option<Texts> {
        let nb = template::compile(&text.nb, &self.ctx.checker(), scope);
        let en = template::compile(&text.en, &self.ctx.checker(), scope);
        match (nb, en) {
            (Ok(nb), Ok(en)) => Some(Texts { nb, en }),
            (nb, en) => {
                for (result, text) in [(nb, &text.nb), (en, &text.en)] {
                    if let Err(e) = result {
                        self.template_error(file, &rr.id, key, text, e);
                    }
                }
                None
            }
        }
    }

    fn invalid(&mut self, file: &Arc<SourceFile>, id: &str, key: &str, msg: &str) {
        let span = yaml::locate_value(&file.text, id, key, "").map(|l| l.key);
        self.errors.push(RuleError::new(
            RuleErrorKind::Invalid(format!("rule `{id}`: {msg}")),
            file,
            span.or_else(|| yaml::locate_entry(&file.text, id)),
        ));
    }

    fn cond_error(
        &mut self,
        file: &Arc<SourceFile>,
        id: &str,
        key: &str,
        text: &str,
        e: condition::CondError,
    ) {
        let span = yaml::locate_value(&file.text, id, key, text)
            .map(|loc| loc.map(e.span))
            .or_else(|| yaml::locate_entry(&file.text, id));
        let label = match &e.kind {
            condition::CondErrorKind::Syntax { .. } => "here".to_string(),
            _ => format!("in rule `{id}`"),
        };
        let help = e.help.clone();
        self.errors.push(
            RuleError::new(RuleErrorKind::Condition(e), file, span)
                .label(label)
                .help(help),
        );
    }

    /// Places a template error: inside the template text when it can be found verbatim in the
    /// file, else on the rule's id.
    fn template_error(
        &mut self,
        file: &Arc<SourceFile>,
        id: &str,
        key: &str,
        text: &str,
        e: condition::CondError,
    ) {
        let span = yaml::locate_text(&file.text, id, text)
            .map(|at| Span::new(at + e.span.start as usize, at + e.span.end as usize))
            .or_else(|| yaml::locate_entry(&file.text, id));
        let help = e.help.clone();
        self.errors.push(
            RuleError::new(RuleErrorKind::Condition(e), file, span)
                .label(format!("in the {key} of rule `{id}`"))
                .help(help),
        );
    }
}

impl RuleLoader<'_> {
    /// The span of the rule's `id:` line. An id that YAML folded over several lines (a plain
    /// scalar continued on the next line: `id: a-b` then `  more words`) is known by its first
    /// line, which is the id up to one of its spaces; each is tried, so the work stays linear
    /// in the id's length and the error is still placed.
    fn id_span(&self, id: &str) -> Option<Span> {
        self.entries.get(id).copied().or_else(|| {
            id.match_indices(' ')
                .find_map(|(i, _)| self.entries.get(id[..i].trim_end()).copied())
        })
    }
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}
