//! Framework overlays: a proposed or granted change of the framework, in the rule-pack format,
//! applied on top of the loaded packs for a what-if (`--overlay FILE`).
//!
//! An overlay may add rules (and the sets and parameters they use), repeal a rule from a date,
//! amend a parameter from a date, and grant an exemption from named rules to named models or
//! municipalities for a period. A trial under forsøksloven lasts at most 4 + 2 years (§ 3) and
//! cannot set aside what § 4 protects, nor EU/EEA law: rules that say so in `not_mitigated_by`
//! (`act:forsøksloven`) cannot be exempted by a trial, and the loader says so.

use std::sync::Arc;

use jiff::civil::Date;
use serde::Deserialize;

use super::pack::{RawPack, Scalar, Source, YDate};
use super::{yaml, RuleError, RuleErrorKind, RuleErrors, RuleSet, Target};
use crate::model::SourceFile;
use crate::vocab::Text;

/// The most a trial may last under forsøksloven § 3: four years, extended by at most two.
pub const MAX_TRIAL_YEARS: i16 = 6;

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

/// Whether the change is only proposed or already decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Proposed,
    Passed,
    Granted,
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
    /// Municipalities (the model's `municipality` field) it is granted to (empty: any).
    #[serde(default)]
    municipalities: Vec<String>,
    from: YDate,
    to: YDate,
    /// `trial` for a trial under forsøksloven (limits apply); `other` for any other legal basis.
    #[serde(default)]
    basis: ExemptionBasis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExemptionBasis {
    #[default]
    Trial,
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
    pub fn applies(&self, model_name: &str, municipality: Option<&str>, at: Date) -> bool {
        let model_ok = self.models.is_empty() || self.models.iter().any(|m| m == model_name);
        let muni_ok = self.municipalities.is_empty()
            || municipality.is_some_and(|m| self.municipalities.iter().any(|x| x == m));
        model_ok && muni_ok && self.from <= at && at <= self.to
    }
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
}

impl RuleSet {
    /// The rule set with overlays applied, in order. Every error of every overlay is collected.
    pub fn with_overlays(&self, overlays: &[Arc<SourceFile>]) -> Result<RuleSet, RuleErrors> {
        let mut errors = Vec::new();
        let mut parsed = Vec::new();
        for file in overlays {
            match yaml::from_str::<RawOverlay>(&file.text) {
                Ok(raw) => parsed.push((file.clone(), raw)),
                Err(e) => errors.push(super::yaml_error(e, file)),
            }
        }
        if !errors.is_empty() {
            return Err(RuleErrors(errors));
        }
        // New rules, sets and parameters load as a pack beside the existing ones.
        let mut files: Vec<Arc<SourceFile>> = self.packs.iter().map(|p| p.file.clone()).collect();
        files.extend(parsed.iter().map(|(f, _)| f.clone()));
        // An overlay file loads as a pack (its rules, sets, parameters); its own keys are
        // applied below.
        let mut set = super::Loader::new(self.vocab.clone()).load_with(files, overlay_as_pack)?;
        set.overlays = self.overlays.clone();
        set.exemptions = self.exemptions.clone();
        for (file, raw) in &parsed {
            apply(&mut set, file, raw, &mut errors);
            set.overlays.push(OverlayInfo {
                id: raw.overlay.clone(),
                version: raw.version.clone(),
                title: raw.title.clone(),
                description: raw.description.clone(),
                status: raw.status,
                source: raw.source.clone(),
                file: file.clone(),
            });
        }
        if errors.is_empty() {
            Ok(set)
        } else {
            Err(RuleErrors(errors))
        }
    }
}

/// Reads an overlay file as a pack (its rules, sets and parameters), ignoring overlay-only keys.
fn overlay_as_pack(text: &str) -> Option<Result<RawPack, yaml::YamlError>> {
    let raw: RawOverlay = match yaml::from_str(text) {
        Ok(r) => r,
        Err(_) => return None,
    };
    Some(Ok(RawPack {
        pack: format!("overlay:{}", raw.overlay),
        version: raw.version,
        title: raw.title,
        description: raw.description,
        test_date: raw.test_date,
        sets: raw.sets,
        parameters: raw.parameters,
        rules: raw.rules,
    }))
}

#[expect(
    clippy::indexing_slicing,
    reason = "rule and parameter indexes come from this rule set's own lookups"
)]
fn apply(set: &mut RuleSet, file: &Arc<SourceFile>, raw: &RawOverlay, errors: &mut Vec<RuleError>) {
    let err = |kind: RuleErrorKind, needle: &str, help: Option<String>| {
        let span = yaml::locate_entry(&file.text, needle).or_else(|| {
            file.text
                .find(needle)
                .map(|i| crate::syntax::Span::new(i, i + needle.len()))
        });
        RuleError::new(kind, file, span).help(help)
    };
    for r in &raw.repeal {
        match set.rule_index(&r.rule) {
            Some(i) => {
                let rule = &mut set.rules[i];
                let end = r.from.0.yesterday().unwrap_or(r.from.0);
                rule.in_force_to = Some(rule.in_force_to.map_or(end, |to| to.min(end)));
            }
            None => errors.push(err(
                RuleErrorKind::UnknownRule {
                    key: "repeal",
                    name: r.rule.clone(),
                },
                &r.rule,
                crate::vocab::closest(&r.rule, set.rule_ids())
                    .map(|c| format!("did you mean `{c}`?")),
            )),
        }
    }
    for a in &raw.amend {
        let Some(p) = set.params.iter().position(|p| p.name == a.parameter) else {
            errors.push(err(
                RuleErrorKind::Invalid(format!(
                    "no rule pack defines the parameter `{}`",
                    a.parameter
                )),
                &a.parameter,
                crate::vocab::closest(&a.parameter, set.params.iter().map(|p| p.name.as_str()))
                    .map(|c| format!("did you mean `{c}`?")),
            ));
            continue;
        };
        let checker_sets = Default::default();
        let checker_params = Default::default();
        let checker = super::condition::Checker {
            vocab: &set.vocab,
            sets: &checker_sets,
            params: &checker_params,
        };
        let parsed =
            super::condition::parse_condition(&a.value.0).and_then(|n| checker.check_literal(&n));
        match parsed {
            Ok((c, ty)) if ty == set.params[p].ty => {
                let values = &mut set.params[p].values;
                values.retain(|(d, _, _)| *d != a.from.0);
                values.push((a.from.0, c, a.value.0.clone()));
                values.sort_by_key(|(d, _, _)| *d);
            }
            Ok(_) => errors.push(err(
                RuleErrorKind::Invalid(format!(
                    "the new value `{}` of `{}` has another unit than the parameter",
                    a.value.0, a.parameter
                )),
                &a.parameter,
                None,
            )),
            Err(e) => {
                let help = e.help.clone();
                errors.push(err(RuleErrorKind::Condition(e), &a.parameter, help));
            }
        }
    }
    for x in &raw.exemptions {
        let targets: Vec<Target> = x.rules.iter().map(|s| Target::parse(s)).collect();
        let mut ok = true;
        for t in &targets {
            let hit: Vec<&super::Rule> = set.rules.iter().filter(|r| t.matches(r)).collect();
            let name = x
                .rules
                .iter()
                .find(|s| Target::parse(s) == *t)
                .cloned()
                .unwrap_or_default();
            if hit.is_empty() {
                ok = false;
                errors.push(err(
                    RuleErrorKind::UnknownRule {
                        key: "exemptions",
                        name: name.clone(),
                    },
                    &name,
                    crate::vocab::closest(&name, set.rule_ids())
                        .map(|c| format!("did you mean `{c}`?")),
                ));
                continue;
            }
            if x.basis == ExemptionBasis::Trial {
                let protected: Vec<&str> = hit
                    .iter()
                    .filter(|r| {
                        r.not_mitigated_by.iter().any(|n| {
                            matches!(n, Target::Act(a) if a.eq_ignore_ascii_case("forsøksloven"))
                                || matches!(n, Target::Tag(t) if t == "trial")
                        })
                    })
                    .map(|r| r.id.as_str())
                    .collect();
                if !protected.is_empty() {
                    ok = false;
                    errors.push(err(
                        RuleErrorKind::Invalid(format!(
                            "a trial under forsøksloven cannot set aside {}",
                            protected.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", ")
                        )),
                        &name,
                        Some("forsøksloven § 4 protects case-processing rules, legal safeguards and individual rights, and no trial can set aside EU/EEA law (such as GDPR); these rules say so with `not_mitigated_by: [\"act:forsøksloven\"]`".into()),
                    ));
                }
            }
        }
        let years = x
            .from
            .0
            .until(x.to.0)
            .ok()
            .and_then(|span| span.total((jiff::Unit::Year, x.from.0)).ok());
        if x.to.0 < x.from.0 {
            ok = false;
            errors.push(err(
                RuleErrorKind::Invalid("the exemption ends before it starts".into()),
                "to:",
                None,
            ));
        } else if x.basis == ExemptionBasis::Trial
            && years.is_some_and(|y| y > f64::from(MAX_TRIAL_YEARS) + 1e-9)
        {
            ok = false;
            errors.push(err(
                RuleErrorKind::Invalid(format!(
                    "a trial under forsøksloven lasts at most 4 years plus 2 years of extension; this one runs from {} to {}",
                    x.from.0, x.to.0
                )),
                "to:",
                Some("forsøksloven § 3 (3): at most four years, extended by at most two, or until a reform enters into force".into()),
            ));
        }
        if ok {
            set.exemptions.push(Exemption {
                overlay: raw.overlay.clone(),
                targets,
                models: x.models.clone(),
                municipalities: x.municipalities.clone(),
                from: x.from.0,
                to: x.to.0,
                basis: x.basis,
            });
        }
    }
}
