//! Rule packs: YAML files of framework conditions, loaded into typed rules whose conditions and
//! message templates are type-checked against the vocabulary when they load.
//!
//! Loading runs in phases and collects every error of every file: the YAML of each file, then
//! the named sets and dated parameters of all packs (conditions may use those of any pack), then
//! each rule, then the links between rules (`mitigates`, `not_mitigated_by`).

// Input reaches this code: no indexing that could panic (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

pub mod condition;
mod error;
pub mod overlay;
mod pack;
pub mod template;
pub(crate) mod yaml;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;

pub use error::{RuleError, RuleErrorKind, RuleErrors};
pub use pack::{MitigationScope, RuleKind, Severity, Source};

use crate::model::SourceFile;
use crate::syntax::Span;
use crate::vocab::{closest, ItemKind, TermId, TermSetId, Text, Vocabulary};
use condition::{parse_condition, Checker, Const, Expr, Scope, Ty};
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
    pub packs: Vec<PackInfo>,
    pub rules: Vec<Rule>,
    pub params: Vec<Parameter>,
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
    pub fn rule_by_id(&self, id: &str) -> Option<&Rule> {
        self.by_id.get(id).map(|&i| &self.rules[i])
    }

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

/// Where packs come from on the command line.
#[derive(Debug, Clone, Default)]
pub struct RuleSources {
    /// Folders given with `--rules`; their packs replace built-in packs of the same id and add
    /// the others. A `vocabulary.yaml` in such a folder replaces the built-in vocabulary.
    pub dirs: Vec<PathBuf>,
    /// Leave the built-in packs out.
    pub no_builtin: bool,
}

impl RuleSources {
    /// Reads the packs and the vocabulary these sources name.
    pub fn load(&self) -> Result<RuleSet, RuleErrors> {
        let mut files: Vec<Arc<SourceFile>> = Vec::new();
        let mut vocab: Option<Vocabulary> = None;
        let mut errors = Vec::new();
        for dir in &self.dirs {
            match read_dir(dir) {
                Ok((packs, v)) => {
                    files.extend(packs);
                    if let Some(v) = v {
                        match crate::vocab::load_vocabulary(&v.text) {
                            Ok(parsed) => vocab = Some(parsed),
                            Err(e) => errors.push(RuleError::new(
                                RuleErrorKind::Vocabulary {
                                    code: e.code(),
                                    message: e.to_string(),
                                    nb: e.message(crate::vocab::Lang::Nb),
                                },
                                &v,
                                e.span(&v.text),
                            )),
                        }
                    }
                }
                Err(e) => errors.push(*e),
            }
        }
        if !errors.is_empty() {
            return Err(RuleErrors(errors));
        }
        if !self.no_builtin {
            let given: Vec<String> = files.iter().filter_map(|f| pack_id(&f.text)).collect();
            for (name, text) in BUILTIN_PACKS {
                let replaced = pack_id(text).is_some_and(|id| given.contains(&id));
                if !replaced {
                    files.push(SourceFile::new(Path::new("rules").join(name), *text));
                }
            }
        }
        let vocab = vocab.unwrap_or_else(|| Vocabulary::builtin().clone());
        RuleSet::load(files, Arc::new(vocab))
    }
}

/// The `pack:` id of a pack file, read without parsing the whole file.
fn pack_id(text: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.strip_prefix("pack:"))
        .map(|s| s.trim().trim_matches(['"', '\'']).to_string())
}

/// The `*.yaml` pack files of a folder (recursively, sorted) and its vocabulary, if any.
/// The pack files of a folder and its vocabulary file, if any.
type DirFiles = (Vec<Arc<SourceFile>>, Option<Arc<SourceFile>>);

fn read_dir(dir: &Path) -> Result<DirFiles, Box<RuleError>> {
    let io = |e: String| {
        Box::new(RuleError::new(
            RuleErrorKind::Io(e),
            &SourceFile::new(dir.to_path_buf(), ""),
            None,
        ))
    };
    if !dir.is_dir() {
        return Err(io(format!("`{}` is not a folder", dir.display())));
    }
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    paths.sort();
    let mut packs = Vec::new();
    let mut vocab = None;
    for p in paths {
        let file = read_rule_file(&p)?;
        if p.file_name().is_some_and(|n| n == "vocabulary.yaml") {
            vocab = Some(file);
        } else if p.components().any(|c| c.as_os_str() == "proposals") {
            // Proposed changes of the framework are overlays, not packs in force.
            continue;
        } else {
            packs.push(file);
        }
    }
    Ok((packs, vocab))
}

/// Reads one rule or vocabulary file: at most [`yaml::MAX_YAML_BYTES`], and UTF-8 (a file
/// that is not gets an error located at the first byte that is not).
pub fn read_rule_file(path: &Path) -> Result<Arc<SourceFile>, Box<RuleError>> {
    let bytes = crate::fsutil::read_limited(path, yaml::MAX_YAML_BYTES as u64).map_err(|e| {
        Box::new(RuleError::new(
            RuleErrorKind::Io(format!("`{}`: {e}", path.display())),
            &SourceFile::new(path.to_path_buf(), ""),
            None,
        ))
    })?;
    let text = String::from_utf8(bytes).map_err(|e| not_utf8(path, e))?;
    Ok(SourceFile::new(path.to_path_buf(), text))
}

/// A file that is not UTF-8, pointed at the first byte that is not: the snippet shows the
/// text with that byte (and any other) replaced by `�`.
fn not_utf8(path: &Path, e: std::string::FromUtf8Error) -> Box<RuleError> {
    let byte = e.utf8_error().valid_up_to();
    let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
    // The text up to `byte` is the same in the lossy copy; the replacement is 3 bytes long.
    let end = (byte + char::REPLACEMENT_CHARACTER.len_utf8()).min(text.len());
    let file = SourceFile::new(path.to_path_buf(), text);
    Box::new(
        RuleError::new(
            RuleErrorKind::NotUtf8 { byte },
            &file,
            Some(Span::new(byte, end)),
        )
        .label("not UTF-8")
        .in_lang(crate::vocab::Lang::En),
    )
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

/// Compiles one rule against a loader's vocabulary, sets and parameters, collecting its own
/// errors, so that rules can compile in parallel.
struct RuleLoader<'a> {
    ctx: &'a Loader,
    /// Where each rule id of the rule's file stands.
    entries: &'a HashMap<String, Span>,
    errors: Vec<RuleError>,
}

impl RuleLoader<'_> {
    fn load_rule(
        &mut self,
        file: &Arc<SourceFile>,
        rr: &RawRule,
        pack: usize,
        test_date: Date,
    ) -> Option<Rule> {
        let before = self.errors.len();
        let id_span = self.entries.get(&rr.id).copied();
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

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
        && !id.ends_with('-')
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

pub(crate) fn yaml_error(e: yaml::YamlError, file: &Arc<SourceFile>) -> RuleError {
    let span = e.offset.map(|o| {
        // Point at the word at the error position rather than at an empty span.
        let rest = file.text.get(o..).unwrap_or("");
        let len = rest.find([':', '\n']).unwrap_or(rest.len()).max(1);
        Span::new(o, (o + len).min(file.text.len()))
    });
    let msg = e.message;
    let (kind, help) = if e.limit {
        let help = format!(
            "a rule file may be at most {} and may not expand past that through aliases (a fixed limit); split the pack into several files",
            crate::limits::bytes(yaml::MAX_YAML_BYTES as u64)
        );
        (RuleErrorKind::Limit(msg), Some(help))
    } else if msg.contains("unknown field") {
        let help = msg.find("expected").map(|i| msg[i..].to_string());
        let short = msg.split(", expected").next().unwrap_or(&msg).to_string();
        (RuleErrorKind::UnknownKey(short), help)
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
