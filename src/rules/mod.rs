//! Rule packs: YAML files of framework conditions, loaded into typed rules whose conditions and
//! message templates are type-checked against the vocabulary when they load.
//!
//! Loading runs in phases and collects every error of every file: the YAML of each file, then
//! the named sets and dated parameters of all packs (conditions may use those of any pack), then
//! each rule, then the links between rules (`mitigates`, `not_mitigated_by`).

// Input reaches this code: no indexing that could panic (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

mod compile;
pub mod condition;
mod error;
pub mod overlay;
mod pack;
mod sources;
pub mod template;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;

use compile::RuleLoader;
pub use error::{RuleError, RuleErrorKind, RuleErrors};
pub use pack::{MitigationScope, RuleKind, Severity, Source};
pub use sources::RuleSources;

use crate::base::source::SourceFile;
use crate::base::yaml;
use crate::syntax::Span;
use crate::vocab::{closest, ItemKind, TermId, TermSetId, Text, Vocabulary};
use condition::{parse_condition, Checker, Const, Expr, Ty};
use pack::{RawPack, RawRule};
use template::Template;

/// The rule packs shipped in `rules/`, embedded at build time: (file name, text).
pub const BUILTIN_PACKS: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/builtin_packs.rs"));

/// The shipped packs as JSON, converted from their YAML at build time: (file name, JSON, or
/// empty when the YAML did not convert).
const BUILTIN_PACKS_JSON: &[(&str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/builtin_packs_json.rs"));

/// A shipped pack read from its JSON (several times faster than its YAML) when `text` is the
/// pack as shipped; `None` otherwise, and the text is read as YAML.
fn builtin_json(text: &str) -> Option<Result<RawPack, yaml::YamlError>> {
    let (name, _) = BUILTIN_PACKS
        .iter()
        .find(|(_, t)| t.len() == text.len() && *t == text)?;
    let (_, json) = BUILTIN_PACKS_JSON.iter().find(|(n, _)| n == name)?;
    serde_json::from_str::<RawPack>(json).ok().map(Ok)
}

/// A loaded pack.
#[derive(Debug, Clone)]
pub struct PackInfo {
    pub id: String,
    pub version: String,
    pub title: Text,
    pub description: Option<Text>,
    pub file: Arc<SourceFile>,
    pub test_date: Date,
}

/// A dated parameter: the value that holds from each date until the next.
#[derive(Debug, Clone)]
pub struct Parameter {
    pub name: String,
    pub label: Text,
    pub source: Option<Source>,
    pub notes: Option<String>,
    /// (from, value, value as written), sorted by date.
    pub values: Vec<(Date, Const, String)>,
    pub ty: Ty,
    pub pack: usize,
}

impl Parameter {
    /// The value in force on a date, if any.
    pub fn at(&self, date: Date) -> Option<(&Const, &str)> {
        self.values
            .iter()
            .rev()
            .find(|(from, _, _)| *from <= date)
            .map(|(_, c, s)| (c, s.as_str()))
    }
}

/// What a `mitigates` or `not_mitigated_by` entry names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Rule(String),
    /// Every rule whose source has this short name.
    Act(String),
    /// Every rule with this tag.
    Tag(String),
}

impl Target {
    fn parse(s: &str) -> Target {
        if let Some(a) = s.strip_prefix("act:") {
            Target::Act(a.trim().to_string())
        } else if let Some(t) = s.strip_prefix("tag:") {
            Target::Tag(t.trim().to_string())
        } else {
            Target::Rule(s.trim().to_string())
        }
    }

    /// Does this target name the rule?
    pub fn matches(&self, rule: &Rule) -> bool {
        match self {
            Target::Rule(id) => *id == rule.id,
            Target::Act(a) => a.eq_ignore_ascii_case(&rule.source.short),
            Target::Tag(t) => rule.tags.iter().any(|x| x == t),
        }
    }
}

/// One of a rule's own tests.
#[derive(Debug, Clone)]
pub struct RuleTest {
    pub name: String,
    pub fires: bool,
    pub at: Date,
    pub subject: Option<String>,
    pub model: String,
    /// Where the test's model text starts in the rule file, to place its diagnostics.
    pub span: Option<Span>,
}

/// A message template in both languages.
#[derive(Debug, Clone, Default)]
pub struct Texts {
    pub nb: Template,
    pub en: Template,
}

impl Texts {
    pub fn get(&self, lang: crate::vocab::Lang) -> &Template {
        match lang {
            crate::vocab::Lang::Nb => &self.nb,
            crate::vocab::Lang::En => &self.en,
        }
    }
}

/// A loaded, type-checked rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub kind: RuleKind,
    pub severity: Severity,
    pub title: Text,
    pub message: Texts,
    pub remedy: Texts,
    /// Message and remedy as written, for `explain` and `rules show`.
    pub message_text: Text,
    pub remedy_text: Text,
    pub source: Source,
    pub in_force_from: Date,
    pub in_force_to: Option<Date>,
    pub for_each: ItemKind,
    pub when: Expr,
    pub when_text: String,
    /// How many variable slots evaluating `when` needs.
    pub slots: usize,
    /// How the engine finds the subjects that can satisfy `when` (see [`condition::plan`]).
    pub plan: condition::Plan,
    pub mitigates: Vec<Target>,
    pub mitigation_scope: MitigationScope,
    pub not_mitigated_by: Vec<Target>,
    pub tags: Vec<String>,
    pub notes: String,
    /// Whether the rule has been checked against the consolidated text. An unverified rule
    /// still runs, and every output that shows it says "not verified" (`ikke verifisert`), so
    /// that no one mistakes a draft for a reviewed reading of the law.
    pub verified: bool,
    pub tests: Vec<RuleTest>,
    pub pack: usize,
    /// 1-based line of the rule's id in its file.
    pub line: usize,
}

impl Rule {
    pub fn in_force(&self, date: Date) -> bool {
        self.in_force_from <= date && self.in_force_to.is_none_or(|to| date <= to)
    }
}

/// All loaded packs, their rules, sets and parameters.
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// The packs loaded, in load order.
    pub packs: Vec<PackInfo>,
    /// Every rule of every pack, in load order; a finding names its rule by index here.
    pub rules: Vec<Rule>,
    /// The dated parameters (thresholds, rates) the rules read.
    pub params: Vec<Parameter>,
    /// The vocabulary the rules were type-checked against.
    pub vocab: Arc<Vocabulary>,
    /// Overlays applied on top of the packs (see [`RuleSet::with_overlays`]).
    pub overlays: Vec<overlay::OverlayInfo>,
    /// Exemptions granted by overlays.
    pub exemptions: Vec<overlay::Exemption>,
    by_kind: [Vec<usize>; 5],
    by_id: HashMap<String, usize>,
}

impl RuleSet {
    #[expect(
        clippy::indexing_slicing,
        reason = "rule, pack and kind indexes are made by the loader for this rule set's own vectors"
    )]
    /// The rule with this id, if any.
    pub fn rule_by_id(&self, id: &str) -> Option<&Rule> {
        self.by_id.get(id).map(|&i| &self.rules[i])
    }

    /// The index in `rules` of the rule with this id, if any.
    pub fn rule_index(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Rules that look at items of a kind, in load order.
    #[expect(
        clippy::indexing_slicing,
        reason = "rule, pack and kind indexes are made by the loader for this rule set's own vectors"
    )]
    pub fn rules_for(&self, kind: ItemKind) -> &[usize] {
        &self.by_kind[kind.index()]
    }

    /// Every rule's id, in load order.
    pub fn rule_ids(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|r| r.id.as_str())
    }

    /// Loads the packs shipped with rammelab.
    pub fn builtin() -> Result<RuleSet, RuleErrors> {
        let files = BUILTIN_PACKS
            .iter()
            .map(|(name, text)| SourceFile::new(Path::new("rules").join(name), *text))
            .collect();
        RuleSet::load(files, Arc::new(Vocabulary::builtin().clone()))
    }

    /// Loads rule files. Every error of every file is collected.
    pub fn load(
        files: Vec<Arc<SourceFile>>,
        vocab: Arc<Vocabulary>,
    ) -> Result<RuleSet, RuleErrors> {
        Loader::new(vocab).load(files)
    }
}

struct Loader {
    vocab: Arc<Vocabulary>,
    errors: Vec<RuleError>,
    sets: HashMap<String, (TermSetId, Vec<TermId>)>,
    param_types: HashMap<String, (u32, Ty)>,
    params: Vec<Parameter>,
}

impl Loader {
    fn new(vocab: Arc<Vocabulary>) -> Loader {
        Loader {
            vocab,
            errors: Vec::new(),
            sets: HashMap::new(),
            param_types: HashMap::new(),
            params: Vec::new(),
        }
    }

    fn load(self, files: Vec<Arc<SourceFile>>) -> Result<RuleSet, RuleErrors> {
        self.load_with(files, builtin_json)
    }

    /// Loads files; `read` may read a file in another format (an overlay) as a pack, and
    /// returns `None` to let the file be read as a plain pack.
    #[expect(
        clippy::indexing_slicing,
        reason = "rule, pack and kind indexes are made by the loader for this rule set's own vectors"
    )]
    fn load_with(
        mut self,
        files: Vec<Arc<SourceFile>>,
        read: impl Fn(&str) -> Option<Result<RawPack, yaml::YamlError>> + Sync,
    ) -> Result<RuleSet, RuleErrors> {
        // The files are read in parallel (YAML is most of the loading time), in order.
        use rayon::prelude::*;
        let parsed: Vec<_> = files
            .par_iter()
            .map(|file| read(&file.text).unwrap_or_else(|| yaml::from_str::<RawPack>(&file.text)))
            .collect();
        let mut raws = Vec::new();
        for (file, parsed) in files.into_iter().zip(parsed) {
            match parsed {
                Ok(raw) => raws.push((file, raw)),
                Err(e) => self.errors.push(yaml_error(e, &file)),
            }
        }
        let mut packs = Vec::new();
        for (file, raw) in &raws {
            let pack = packs.len();
            if packs.iter().any(|p: &PackInfo| p.id == raw.pack) {
                let span = yaml::locate_entry(&file.text, &raw.pack);
                self.errors.push(RuleError::new(
                    RuleErrorKind::Duplicate {
                        what: "pack",
                        name: raw.pack.clone(),
                    },
                    file,
                    span,
                ));
            }
            packs.push(PackInfo {
                id: raw.pack.clone(),
                version: raw.version.clone(),
                title: raw.title.clone(),
                description: raw.description.clone(),
                file: file.clone(),
                test_date: raw.test_date.0,
            });
            self.load_sets(file, raw);
            self.load_params(file, raw, pack);
        }
        // Each rule compiles on its own (conditions, templates, plans), in parallel; the
        // results are then taken in file order, so duplicates and errors come out as they
        // would one by one.
        let entries: Vec<HashMap<String, Span>> = raws
            .iter()
            .map(|(file, _)| yaml::entry_index(&file.text))
            .collect();
        let jobs: Vec<(usize, &Arc<SourceFile>, &RawRule, Date, bool)> = raws
            .iter()
            .enumerate()
            .flat_map(|(pack, (file, raw))| {
                raw.rules.iter().map(move |rr| {
                    (
                        pack,
                        file,
                        rr,
                        raw.test_date.0,
                        raw.verified.unwrap_or(true),
                    )
                })
            })
            .collect();
        let compiled: Vec<(Option<Rule>, Vec<RuleError>)> = {
            let ctx = &self;
            jobs.par_iter()
                .map(|&(pack, file, rr, test_date, pack_verified)| {
                    let mut one = RuleLoader {
                        ctx,
                        entries: &entries[pack],
                        errors: Vec::new(),
                    };
                    let rule = one.load_rule(file, rr, pack, test_date).map(|r| Rule {
                        verified: rr.verified.unwrap_or(pack_verified),
                        ..r
                    });
                    (rule, one.errors)
                })
                .collect()
        };
        let mut rules: Vec<Rule> = Vec::new();
        let mut by_id: HashMap<String, usize> = HashMap::new();
        for ((_, file, rr, _, _), (rule, errors)) in jobs.iter().zip(compiled) {
            if by_id.contains_key(&rr.id) {
                let span = yaml::locate_entry(&file.text, &rr.id);
                self.errors.push(
                    RuleError::new(RuleErrorKind::DuplicateId(rr.id.clone()), file, span).help(
                        Some("rule ids must be unique across all loaded packs".into()),
                    ),
                );
                continue;
            }
            self.errors.extend(errors);
            if let Some(rule) = rule {
                by_id.insert(rule.id.clone(), rules.len());
                rules.push(rule);
            }
        }
        self.check_links(&rules, &raws);
        if !self.errors.is_empty() {
            return Err(RuleErrors(self.errors));
        }
        let mut by_kind: [Vec<usize>; 5] = Default::default();
        for (i, r) in rules.iter().enumerate() {
            by_kind[r.for_each.index()].push(i);
        }
        Ok(RuleSet {
            packs,
            rules,
            params: self.params,
            vocab: self.vocab,
            overlays: Vec::new(),
            exemptions: Vec::new(),
            by_kind,
            by_id,
        })
    }

    fn checker(&self) -> Checker<'_> {
        Checker {
            vocab: &self.vocab,
            sets: &self.sets,
            params: &self.param_types,
        }
    }

    fn load_sets(&mut self, file: &Arc<SourceFile>, raw: &RawPack) {
        for (name, set) in &raw.sets {
            let span = locate_key(&file.text, name);
            if self.sets.contains_key(name) {
                self.errors.push(RuleError::new(
                    RuleErrorKind::Duplicate {
                        what: "set",
                        name: name.clone(),
                    },
                    file,
                    span,
                ));
                continue;
            }
            let Some(ts) = self.vocab.term_set_by_name(&set.of) else {
                let names = self.vocab.term_sets.iter().map(|s| s.id.as_str());
                let help = closest(&set.of, names).map(|c| format!("did you mean `{c}`?"));
                self.errors.push(
                    RuleError::new(
                        RuleErrorKind::Invalid(format!(
                            "the set `{name}` is `of: {}`, which is not a term set of the vocabulary",
                            set.of
                        )),
                        file,
                        span,
                    )
                    .help(help),
                );
                continue;
            };
            let mut terms = Vec::new();
            for t in &set.terms {
                match self.vocab.term_by_name(ts, t) {
                    Some(id) => terms.push(id),
                    None => {
                        let help = closest(t, self.vocab.term_names(ts))
                            .map(|c| format!("did you mean `{c}`?"));
                        self.errors.push(
                            RuleError::new(
                                RuleErrorKind::Condition(condition::CondError::new(
                                    condition::CondErrorKind::UnknownTerm {
                                        term: t.clone(),
                                        set: set.of.clone(),
                                    },
                                    Span::default(),
                                )),
                                file,
                                span,
                            )
                            .help(help),
                        );
                    }
                }
            }
            self.sets.insert(name.clone(), (ts, terms));
        }
    }

    fn load_params(&mut self, file: &Arc<SourceFile>, raw: &RawPack, pack: usize) {
        for (name, p) in &raw.parameters {
            let span = locate_key(&file.text, name);
            if self.param_types.contains_key(name) {
                self.errors.push(RuleError::new(
                    RuleErrorKind::Duplicate {
                        what: "parameter",
                        name: name.clone(),
                    },
                    file,
                    span,
                ));
                continue;
            }
            let mut values = Vec::new();
            let mut ty: Option<Ty> = None;
            for v in &p.values {
                let checked = parse_condition(&v.value.0)
                    .and_then(|node| self.checker().check_literal(&node));
                match checked {
                    Ok((c, t)) => {
                        if ty.as_ref().is_some_and(|prev| *prev != t) {
                            self.errors.push(RuleError::new(
                                RuleErrorKind::Invalid(format!(
                                    "the values of `{name}` do not all have the same unit"
                                )),
                                file,
                                span,
                            ));
                        }
                        ty.get_or_insert(t);
                        values.push((v.from.0, c, v.value.0.clone()));
                    }
                    Err(e) => {
                        let help = e.help.clone();
                        self.errors.push(
                            RuleError::new(RuleErrorKind::Condition(e), file, span)
                                .label(format!("in the value `{}`", v.value.0))
                                .help(help),
                        );
                    }
                }
            }
            values.sort_by_key(|(d, _, _)| *d);
            let Some(ty) = ty else {
                if p.values.is_empty() {
                    self.errors.push(RuleError::new(
                        RuleErrorKind::Invalid(format!("the parameter `{name}` has no values")),
                        file,
                        span,
                    ));
                }
                continue;
            };
            self.param_types
                .insert(name.clone(), (self.params.len() as u32, ty.clone()));
            self.params.push(Parameter {
                name: name.clone(),
                label: p.label.clone(),
                source: p.source.clone(),
                notes: p.notes.clone(),
                values,
                ty,
                pack,
            });
        }
    }

    #[expect(
        clippy::indexing_slicing,
        reason = "rule, pack and kind indexes are made by the loader for this rule set's own vectors"
    )]
    fn check_links(&mut self, rules: &[Rule], raws: &[(Arc<SourceFile>, RawPack)]) {
        for r in rules {
            let file = &raws[r.pack].0;
            for (key, targets) in [
                ("mitigates", &r.mitigates),
                ("not_mitigated_by", &r.not_mitigated_by),
            ] {
                for t in targets {
                    let known = rules.iter().any(|o| t.matches(o));
                    let wrong_kind = matches!(t, Target::Rule(_))
                        && key == "mitigates"
                        && rules
                            .iter()
                            .any(|o| t.matches(o) && o.kind != RuleKind::Barrier);
                    if known && !wrong_kind {
                        continue;
                    }
                    let name = match t {
                        Target::Rule(s) => s.clone(),
                        Target::Act(s) => format!("act:{s}"),
                        Target::Tag(s) => format!("tag:{s}"),
                    };
                    let help = if wrong_kind {
                        Some(format!(
                            "`{name}` is an opportunity; `mitigates` names barriers"
                        ))
                    } else {
                        closest(&name, rules.iter().map(|o| o.id.as_str()))
                            .map(|c| format!("did you mean `{c}`?"))
                    };
                    let span = yaml::locate_value(&file.text, &r.id, key, "").map(|l| l.key);
                    let key: &'static str = if key == "mitigates" {
                        "mitigates"
                    } else {
                        "not_mitigated_by"
                    };
                    self.errors.push(
                        RuleError::new(RuleErrorKind::UnknownRule { key, name }, file, span)
                            .help(help),
                    );
                }
            }
        }
    }
}

/// The span of a top-level-ish mapping key (`  name:`) in a file.
fn locate_key(text: &str, key: &str) -> Option<Span> {
    let pat = format!("{key}:");
    let mut off = 0;
    for line in text.split('\n') {
        let t = line.trim_start();
        if t.starts_with(&pat) || t.starts_with(&format!("\"{key}\":")) {
            let start = off + line.len() - t.len();
            return Some(Span::new(start, start + key.len()));
        }
        off += line.len() + 1;
    }
    None
}

/// The facts of serde's "[path: ]unknown field `x`, expected one of `a`, `b`" (or "expected
/// `a`", or "there are no fields"): where, the key, and the keys there are as serde lists them.
fn unknown_field(msg: &str) -> Option<(String, String, String)> {
    let (path, rest) = msg.split_once("unknown field `")?;
    let (key, tail) = rest.split_once('`')?;
    let expected = tail
        .split_once("expected ")
        .map(|(_, list)| {
            list.strip_prefix("one of ")
                .unwrap_or(list)
                .trim()
                .to_string()
        })
        .unwrap_or_default();
    let path = path.trim_end().trim_end_matches(':').to_string();
    Some((path, key.to_string(), expected))
}

pub(crate) fn yaml_error(e: yaml::YamlError, file: &Arc<SourceFile>) -> RuleError {
    let span = e.offset.map(|o| {
        // Point at the word at the error position rather than at an empty span.
        let rest = file.text.get(o..).unwrap_or("");
        let len = rest.find([':', '\n']).unwrap_or(rest.len()).max(1);
        Span::new(o, (o + len).min(file.text.len()))
    });
    let msg = e.message;
    let (kind, help) = if let Some(limit) = e.limit {
        let help = error::texts::limit_help(crate::vocab::Lang::En);
        (RuleErrorKind::Limit(limit), Some(help))
    } else if let Some((path, key, expected)) = unknown_field(&msg) {
        let help = error::texts::unknown_key_help(&expected, crate::vocab::Lang::En);
        (
            RuleErrorKind::UnknownKey {
                path,
                key,
                expected,
            },
            help,
        )
    } else if msg.contains("missing field")
        || msg.contains("unknown variant")
        || msg.contains("invalid type")
        || msg.contains("not a valid date")
    {
        (RuleErrorKind::Schema(msg), None)
    } else {
        (RuleErrorKind::Yaml(msg), None)
    };
    RuleError::new(kind, file, span).help(help)
}

#[cfg(test)]
mod builtin_json_tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::{builtin_json, yaml, RawPack, BUILTIN_PACKS, BUILTIN_PACKS_JSON};

    #[test]
    fn every_shipped_pack_reads_the_same_from_its_json_as_from_its_yaml() {
        assert_eq!(BUILTIN_PACKS.len(), BUILTIN_PACKS_JSON.len());
        for (name, text) in BUILTIN_PACKS {
            let from_yaml = yaml::from_str::<RawPack>(text).expect("the shipped YAML reads");
            let from_json = builtin_json(text)
                .unwrap_or_else(|| panic!("`{name}` has no JSON"))
                .expect("the JSON reads");
            assert_eq!(format!("{from_json:?}"), format!("{from_yaml:?}"), "{name}");
        }
        assert!(builtin_json("pack: other\n").is_none());
    }
}
