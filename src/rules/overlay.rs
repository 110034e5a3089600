//! Framework overlays: a proposed, passed or granted change of the framework, in the rule-pack
//! format, applied on top of the loaded packs for a what-if (`--overlay FILE`).
//!
//! An overlay may add rules (and the sets and parameters they use), repeal a rule from a date,
//! amend a parameter from a date, and grant an exemption from named rules to named models or
//! municipalities for a period. A trial under forsøksloven lasts at most 4 + 2 years (§ 3) and
//! cannot set aside what § 4 protects, nor EU/EEA law: rules that say so in `not_mitigated_by`
//! (`act:forsøksloven`) cannot be exempted by a trial, and the loader says so.
//!
//! ```yaml
//! overlay: forsok-haugesund            # stable id
//! version: "2026.11"
//! title: {nb: "...", en: "..."}
//! status: proposed                     # proposed | passed | granted
//! source: {act: "...", short: forsøksloven, section: "§ 3", url: "https://lovdata.no/lov/1992-06-26-87"}
//! test_date: 2026-11-28
//! rules: [...]                         # new rules, as in a pack (with sets and parameters)
//! repeal: [{rule: RULE_ID, from: 2027-01-01}]
//! amend: [{parameter: NAME, from: 2027-01-01, value: 2_000_000 NOK}]
//! exemptions:
//!   - {rules: [RULE_ID or act:... or tag:...], municipalities: [Haugesund], models: [],
//!      from: 2026-07-01, to: 2030-06-30, basis: trial}   # basis: trial (default) | other
//! ```

use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::Date;
use jiff::ToSpan;
use serde::Deserialize;

use super::pack::{RawPack, Scalar, Source, YDate};
use super::{yaml, RuleError, RuleErrorKind, RuleErrors, RuleKind, RuleSet, Target};
use crate::base::source::SourceFile;
use crate::syntax::Span;
use crate::vocab::{closest, Text};

/// The most a trial may last under forsøksloven § 3: four years, extended by at most two.
pub const MAX_TRIAL_YEARS: i16 = 6;

/// The prefix of the pack id under which an overlay's own rules, sets and parameters load.
const PACK_PREFIX: &str = "overlay:";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverlay {
    overlay: String,
    version: String,
    title: Text,
    #[serde(default)]
    description: Option<Text>,
    status: Status,
    source: Source,
    test_date: YDate,
    #[serde(default)]
    sets: indexmap::IndexMap<String, super::pack::RawSet>,
    #[serde(default)]
    parameters: indexmap::IndexMap<String, super::pack::RawParam>,
    #[serde(default)]
    rules: Vec<super::pack::RawRule>,
    #[serde(default)]
    repeal: Vec<RawRepeal>,
    #[serde(default)]
    amend: Vec<RawAmend>,
    #[serde(default)]
    exemptions: Vec<RawExemption>,
}

/// Whether the change is only proposed, passed but not in force, or decided (a granted trial).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Proposed,
    Passed,
    Granted,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Proposed => "proposed",
            Status::Passed => "passed",
            Status::Granted => "granted",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRepeal {
    rule: String,
    from: YDate,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAmend {
    parameter: String,
    from: YDate,
    value: Scalar,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExemption {
    /// Rule ids, `act:...` or `tag:...`.
    rules: Vec<String>,
    /// Model names the exemption is granted to (empty: any).
    #[serde(default)]
    models: Vec<String>,
    /// Municipalities (named in the model's `municipality` field) it is granted to (empty: any).
    #[serde(default)]
    municipalities: Vec<String>,
    from: YDate,
    to: YDate,
    /// `trial` for a trial under forsøksloven (limits apply); `other` for any other legal basis.
    #[serde(default)]
    basis: ExemptionBasis,
}

/// The legal basis of an exemption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ExemptionBasis {
    /// A trial under forsøksloven: at most 4 + 2 years, never from protected rules.
    #[default]
    Trial,
    /// Another legal basis (a dispensation in a sector act, say).
    Other,
}

/// An exemption in force: findings of the named rules are set aside for the named models.
#[derive(Debug, Clone)]
pub struct Exemption {
    pub overlay: String,
    pub targets: Vec<Target>,
    pub models: Vec<String>,
    pub municipalities: Vec<String>,
    pub from: Date,
    pub to: Date,
    pub basis: ExemptionBasis,
}

impl Exemption {
    /// Does the exemption cover this model at this date? A municipality matches when the
    /// model's `municipality` names it as a word ("Grong" matches "Grong, Lierne og Røyrvik").
    pub fn applies(&self, model_name: &str, municipality: Option<&str>, at: Date) -> bool {
        let model_ok = self.models.is_empty() || self.models.iter().any(|m| m == model_name);
        let muni_ok = self.municipalities.is_empty()
            || municipality.is_some_and(|m| self.municipalities.iter().any(|x| names(m, x)));
        model_ok && muni_ok && self.from <= at && at <= self.to
    }
}

/// Whether `text` names `name`: equal, or `name` stands in it as whole words.
fn names(text: &str, name: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (hay, needle) = (words(text), words(name));
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// What an overlay changes, for reports.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    /// Ids of the rules it adds, with the date each comes into force.
    pub added: Vec<(String, Date)>,
    /// Rules it repeals, from a date.
    pub repealed: Vec<(String, Date)>,
    /// Parameters it amends: name, from, new value as written.
    pub amended: Vec<(String, Date, String)>,
    /// Its exemptions: targets as written, from, to.
    pub exempted: Vec<(Vec<String>, Date, Date)>,
}

impl Changes {
    /// The first date any of the changes holds.
    pub fn first_date(&self) -> Option<Date> {
        let added = self.added.iter().map(|(_, d)| *d);
        let repealed = self.repealed.iter().map(|(_, d)| *d);
        let amended = self.amended.iter().map(|(_, d, _)| *d);
        let exempted = self.exempted.iter().map(|(_, d, _)| *d);
        added.chain(repealed).chain(amended).chain(exempted).min()
    }

    /// Whether some change holds at a date (an exemption only within its period).
    pub fn any_in_force(&self, at: Date) -> bool {
        self.added.iter().any(|(_, d)| *d <= at)
            || self.repealed.iter().any(|(_, d)| *d <= at)
            || self.amended.iter().any(|(_, d, _)| *d <= at)
            || self.exempted.iter().any(|(_, f, t)| *f <= at && at <= *t)
    }
}

/// The proposals shipped in `rules/proposals/`, embedded at build time: (file name, text).
pub const BUILTIN_PROPOSALS: &[(&str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/builtin_proposals.rs"));

/// What names the built-in proposals on the command line: `--overlays builtin` (all of them) and
/// `--overlay builtin:NAME` (one, by its file name without `.yaml`).
pub const BUILTIN: &str = "builtin";

/// The built-in proposal NAME (file name with or without `.yaml`), if there is one. It is placed
/// at `rules/proposals/NAME.yaml`, where it lives in the source tree, so that messages and
/// outputs read as with the folder.
pub fn builtin_proposal(name: &str) -> Option<Arc<SourceFile>> {
    let file = format!("{}.yaml", name.strip_suffix(".yaml").unwrap_or(name));
    BUILTIN_PROPOSALS
        .iter()
        .find(|(n, _)| *n == file)
        .map(|(n, text)| SourceFile::new(std::path::Path::new("rules/proposals").join(n), *text))
}

/// The names `--overlay builtin:NAME` takes, in order.
pub fn builtin_proposal_names() -> Vec<&'static str> {
    BUILTIN_PROPOSALS
        .iter()
        .map(|(n, _)| n.strip_suffix(".yaml").unwrap_or(n))
        .collect()
}

/// A loaded overlay, for reports.
#[derive(Debug, Clone)]
pub struct OverlayInfo {
    pub id: String,
    pub version: String,
    pub title: Text,
    pub description: Option<Text>,
    pub status: Status,
    pub source: Source,
    pub file: Arc<SourceFile>,
    pub changes: Changes,
}

impl RuleSet {
    /// The rule set with overlays applied, in order, on top of the packs (and of any overlays
    /// applied before). Every error of every overlay is collected.
    pub fn with_overlays(&self, overlays: &[Arc<SourceFile>]) -> Result<RuleSet, RuleErrors> {
        let mut all: Vec<Arc<SourceFile>> = self.overlays.iter().map(|o| o.file.clone()).collect();
        all.extend(overlays.iter().cloned());
        let mut errors = Vec::new();
        let mut parsed: Vec<(Arc<SourceFile>, RawOverlay)> = Vec::new();
        for file in all {
            match yaml::from_str::<RawOverlay>(&file.text) {
                Ok(raw) => {
                    if parsed.iter().any(|(_, p)| p.overlay == raw.overlay) {
                        let span = first_line_value(&file.text, "overlay");
                        errors.push(RuleError::new(
                            RuleErrorKind::DuplicateOverlay(raw.overlay.clone()),
                            &file,
                            span,
                        ));
                    } else {
                        parsed.push((file, raw));
                    }
                }
                Err(e) => errors.push(super::yaml_error(e, &file)),
            }
        }
        if !errors.is_empty() {
            return Err(RuleErrors(errors));
        }
        // The overlays' own rules, sets and parameters load as packs beside the base packs.
        let mut files: Vec<Arc<SourceFile>> = self
            .packs
            .iter()
            .filter(|p| !p.id.starts_with(PACK_PREFIX))
            .map(|p| p.file.clone())
            .collect();
        files.extend(parsed.iter().map(|(f, _)| f.clone()));
        let mut set = super::Loader::new(self.vocab.clone()).load_with(files, overlay_as_pack)?;
        for (file, raw) in &parsed {
            let changes = apply(&mut set, file, raw, &mut errors);
            set.overlays.push(OverlayInfo {
                id: raw.overlay.clone(),
                version: raw.version.clone(),
                title: raw.title.clone(),
                description: raw.description.clone(),
                status: raw.status,
                source: raw.source.clone(),
                file: file.clone(),
                changes,
            });
        }
        if errors.is_empty() {
            Ok(set)
        } else {
            Err(RuleErrors(errors))
        }
    }
}

/// The span of the value of a top-level `key:` line.
fn first_line_value(text: &str, key: &str) -> Option<Span> {
    let mut off = 0;
    for line in text.split('\n') {
        if let Some(rest) = line.strip_prefix(&format!("{key}:")) {
            let v = rest.trim();
            let start = off + key.len() + 1 + (rest.len() - rest.trim_start().len());
            return Some(Span::new(start, start + v.len()));
        }
        off += line.len() + 1;
    }
    None
}

/// Reads an overlay file as a pack (its rules, sets and parameters), ignoring overlay-only keys.
fn overlay_as_pack(text: &str) -> Option<Result<RawPack, yaml::YamlError>> {
    let raw: RawOverlay = yaml::from_str(text).ok()?;
    Some(Ok(RawPack {
        pack: format!("{PACK_PREFIX}{}", raw.overlay),
        version: raw.version,
        title: raw.title,
        description: raw.description,
        test_date: raw.test_date,
        verified: None,
        sets: raw.sets,
        parameters: raw.parameters,
        rules: raw.rules,
    }))
}

/// Where an overlay's error goes: a file and the span found for it.
struct Place<'a> {
    file: &'a Arc<SourceFile>,
}

impl Place<'_> {
    fn key(&self, section: &str, index: usize, key: &str) -> Option<Span> {
        yaml::locate_list_key(&self.file.text, section, index, key)
    }

    fn word(&self, section: &str, index: usize, key: &str, word: &str) -> Option<Span> {
        self.key(section, index, key)
            .map(|s| yaml::locate_word(&self.file.text, s, word))
    }

    fn error(&self, kind: RuleErrorKind, span: Option<Span>, help: Option<String>) -> RuleError {
        RuleError::new(kind, self.file, span).help(help)
    }
}

fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    closest(word, candidates).map(|c| format!("did you mean `{c}`?"))
}

fn apply(
    set: &mut RuleSet,
    file: &Arc<SourceFile>,
    raw: &RawOverlay,
    errors: &mut Vec<RuleError>,
) -> Changes {
    let place = Place { file };
    let mut changes = Changes {
        added: raw
            .rules
            .iter()
            .filter_map(|r| {
                set.rule_by_id(&r.id)
                    .map(|x| (x.id.clone(), x.in_force_from))
            })
            .collect(),
        ..Changes::default()
    };
    for (i, r) in raw.repeal.iter().enumerate() {
        repeal(set, &place, i, r, errors, &mut changes);
    }
    for (i, a) in raw.amend.iter().enumerate() {
        amend(set, &place, i, a, errors, &mut changes);
    }
    for (i, x) in raw.exemptions.iter().enumerate() {
        if let Some(e) = exemption(set, &place, i, x, &raw.overlay, errors) {
            changes.exempted.push((x.rules.clone(), e.from, e.to));
            set.exemptions.push(e);
        }
    }
    changes
}

/// A repeal ends the rule the day before `from`.
#[expect(
    clippy::indexing_slicing,
    reason = "rule and parameter indexes come from this rule set's own lookups"
)]
fn repeal(
    set: &mut RuleSet,
    place: &Place<'_>,
    i: usize,
    r: &RawRepeal,
    errors: &mut Vec<RuleError>,
    changes: &mut Changes,
) {
    let Some(index) = set.rule_index(&r.rule) else {
        errors.push(place.error(
            RuleErrorKind::UnknownRule {
                key: "repeal",
                name: r.rule.clone(),
            },
            place.key("repeal", i, "rule"),
            did_you_mean(&r.rule, set.rule_ids()),
        ));
        return;
    };
    let rule = &mut set.rules[index];
    let end = r.from.0.yesterday().unwrap_or(r.from.0);
    rule.in_force_to = Some(rule.in_force_to.map_or(end, |to| to.min(end)));
    changes.repealed.push((r.rule.clone(), r.from.0));
}

/// An amendment gives a parameter a new value from a date on, replacing every value the packs
/// give it from that date.
#[expect(
    clippy::indexing_slicing,
    reason = "rule and parameter indexes come from this rule set's own lookups"
)]
fn amend(
    set: &mut RuleSet,
    place: &Place<'_>,
    i: usize,
    a: &RawAmend,
    errors: &mut Vec<RuleError>,
    changes: &mut Changes,
) {
    let Some(p) = set.params.iter().position(|p| p.name == a.parameter) else {
        errors.push(place.error(
            RuleErrorKind::UnknownParameter(a.parameter.clone()),
            place.key("amend", i, "parameter"),
            did_you_mean(&a.parameter, set.params.iter().map(|p| p.name.as_str())),
        ));
        return;
    };
    let (sets, params) = (Default::default(), Default::default());
    let checker = super::condition::Checker {
        vocab: &set.vocab,
        sets: &sets,
        params: &params,
    };
    let parsed =
        super::condition::parse_condition(&a.value.0).and_then(|n| checker.check_literal(&n));
    let value_span = place.key("amend", i, "value");
    match parsed {
        Ok((c, ty)) if ty == set.params[p].ty => {
            let values = &mut set.params[p].values;
            values.retain(|(d, _, _)| *d < a.from.0);
            values.push((a.from.0, c, a.value.0.clone()));
            changes
                .amended
                .push((a.parameter.clone(), a.from.0, a.value.0.clone()));
        }
        Ok((_, ty)) => {
            errors.push(place.error(
                RuleErrorKind::AmendType {
                    parameter: a.parameter.clone(),
                    value: a.value.0.clone(),
                    found: ty.describe(&set.vocab),
                    expected: set.params[p].ty.describe(&set.vocab),
                },
                value_span,
                set.params[p].values.last().map(|(_, _, s)| {
                    format!("write the value like the pack does, for example `{s}`")
                }),
            ))
        }
        Err(e) => {
            let help = e.help.clone();
            errors.push(place.error(RuleErrorKind::Condition(e), value_span, help));
        }
    }
}

/// Checks an exemption: its targets exist and are barriers, a trial stays within forsøksloven
/// (no protected rules, at most 4 + 2 years, named participants), and the period is a period.
fn exemption(
    set: &RuleSet,
    place: &Place<'_>,
    i: usize,
    x: &RawExemption,
    overlay: &str,
    errors: &mut Vec<RuleError>,
) -> Option<Exemption> {
    let before = errors.len();
    let trial = x.basis == ExemptionBasis::Trial;
    let mut targets = Vec::new();
    for name in &x.rules {
        let t = Target::parse(name);
        let span = place.word("exemptions", i, "rules", name);
        let hit: Vec<&super::Rule> = set.rules.iter().filter(|r| t.matches(r)).collect();
        if hit.is_empty() {
            errors.push(place.error(
                RuleErrorKind::UnknownRule {
                    key: "exemptions",
                    name: name.clone(),
                },
                span,
                did_you_mean(name, set.rule_ids()),
            ));
            continue;
        }
        if let (Target::Rule(id), [rule]) = (&t, hit.as_slice()) {
            if rule.kind == RuleKind::Opportunity {
                errors.push(place.error(RuleErrorKind::ExemptOpportunity(id.clone()), span, None));
                continue;
            }
        }
        if trial {
            let protected: Vec<String> = hit
                .iter()
                .filter(|r| r.kind == RuleKind::Barrier && protected_from_trials(r))
                .map(|r| format!("`{}` ({} {})", r.id, r.source.short, r.source.section))
                .collect();
            if !protected.is_empty() {
                errors.push(place.error(
                    RuleErrorKind::TrialCannotExempt {
                        rules: protected.join(", "),
                    },
                    span,
                    Some(
                        "forsøksloven § 4 protects case-processing rules, legal safeguards and \
                         individual rights, and no trial can set aside EU/EEA law (such as GDPR or \
                         the procurement thresholds); these rules say so with \
                         `not_mitigated_by: [\"act:forsøksloven\"]`. Change the model instead, or \
                         use `basis: other` if another act allows the exemption"
                            .into(),
                    ),
                ));
                continue;
            }
        }
        targets.push(t);
    }
    let (from, to) = (x.from.0, x.to.0);
    if to < from {
        errors.push(place.error(
            RuleErrorKind::BadPeriod {
                from: from.to_string(),
                to: to.to_string(),
            },
            place.key("exemptions", i, "to"),
            None,
        ));
    } else if trial
        && from
            .checked_add(i64::from(MAX_TRIAL_YEARS).years())
            .is_ok_and(|limit| to >= limit)
    {
        let longest = from
            .checked_add(i64::from(MAX_TRIAL_YEARS).years())
            .ok()
            .and_then(|d| d.yesterday().ok());
        errors.push(place.error(
            RuleErrorKind::TrialTooLong {
                from: from.to_string(),
                to: to.to_string(),
            },
            place.key("exemptions", i, "to"),
            Some(format!(
                "forsøksloven § 3 third paragraph: at most four years, extended by at most two, or \
                 until an adopted reform enters into force; end the trial by {}",
                longest.map_or_else(|| "six years after it starts".into(), |d| d.to_string())
            )),
        ));
    }
    if trial && x.models.is_empty() && x.municipalities.is_empty() {
        errors.push(place.error(
            RuleErrorKind::TrialWithoutParticipants,
            place.key("exemptions", i, "rules"),
            Some("the King approves a trial for named municipalities or counties (forsøksloven § 3); add `municipalities: [...]` or `models: [...]`".into()),
        ));
    }
    (errors.len() == before).then(|| Exemption {
        overlay: overlay.to_string(),
        targets,
        models: x.models.clone(),
        municipalities: x.municipalities.clone(),
        from,
        to,
        basis: x.basis,
    })
}

/// Whether a rule says a trial under forsøksloven cannot set it aside.
fn protected_from_trials(rule: &super::Rule) -> bool {
    rule.not_mitigated_by.iter().any(|n| match n {
        Target::Act(a) => a.eq_ignore_ascii_case("forsøksloven"),
        Target::Tag(t) => t == "trial",
        Target::Rule(_) => false,
    })
}

/// Reads overlay files; a file that cannot be read is an error placed on its path.
/// `builtin:NAME` names a proposal built into rammelab (`rules/proposals/NAME.yaml`).
pub fn read_overlays(paths: &[PathBuf]) -> Result<Vec<Arc<SourceFile>>, RuleErrors> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if let Some(name) = builtin_name(p) {
            match builtin_proposal(name) {
                Some(file) => files.push(file),
                None => errors.push(RuleError::new(
                    RuleErrorKind::NoBuiltinProposal {
                        given: p.display().to_string(),
                        name: name.to_string(),
                        names: builtin_proposal_names().join(", "),
                    },
                    &SourceFile::new(p.clone(), ""),
                    None,
                )),
            }
            continue;
        }
        match std::fs::read_to_string(p) {
            Ok(text) => files.push(SourceFile::new(p.clone(), text)),
            Err(e) => errors.push(RuleError::new(
                RuleErrorKind::Io(format!("`{}`: {e}", p.display())),
                &SourceFile::new(p.clone(), ""),
                None,
            )),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(RuleErrors(errors))
    }
}

/// NAME when an overlay path is `builtin:NAME`.
fn builtin_name(p: &std::path::Path) -> Option<&str> {
    p.to_str()?.strip_prefix(BUILTIN)?.strip_prefix(':')
}

#[cfg(test)]
mod tests {
    use super::names;

    #[test]
    fn municipalities_match_as_words() {
        assert!(names("Haugesund", "Haugesund"));
        assert!(names("Grong, Lierne og Røyrvik (Indre Namdal)", "Røyrvik"));
        assert!(names(
            "Grong, Lierne og Røyrvik (Indre Namdal)",
            "indre namdal"
        ));
        assert!(!names("Grong, Lierne og Røyrvik", "Lier"));
        assert!(!names("Haugesund", ""));
    }
}
