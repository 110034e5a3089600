//! Hand-made models and findings for the graph's tests, built without the parser: items by id,
//! findings by rule id and subject id.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::civil::Date;

use crate::engine::{Evaluation, Finding, Subject};
use crate::model::{Ends, FieldValue, Item, ItemId, Model, SourceFile, Value};
use crate::rules::{RuleKind, RuleSet, Severity};
use crate::syntax::Span;
use crate::vocab::{ItemKind, Vocabulary};

#[derive(Debug, Clone)]
enum Spec {
    Actor,
    Service {
        provider: String,
        requires: Vec<String>,
        depends_on: Vec<String>,
        recipients: Vec<String>,
    },
    Flow(String, String),
    Agreement(String, String),
}

#[derive(Debug, Clone)]
struct FindingSpec {
    rule: String,
    subject: Option<String>,
    /// For opportunities: the (rule, subject) of the barriers they mitigate.
    mitigates: Vec<(String, String)>,
}

/// A model and findings under construction.
#[derive(Debug, Clone, Default)]
pub struct Fx {
    items: Vec<(String, Spec)>,
    rules: BTreeMap<String, (RuleKind, Severity, String)>,
    findings: Vec<FindingSpec>,
}

/// What [`Fx::build`] gives: the model, the rules, and the findings.
pub struct Built {
    pub model: Model,
    pub rules: RuleSet,
    pub findings: Vec<Finding>,
}

impl Built {
    pub fn eval(&self) -> Evaluation<'_> {
        Evaluation {
            model: &self.model,
            rules: &self.rules,
            at: at(),
            evaluated: Vec::new(),
            findings: self.findings.clone(),
            exempted: Vec::new(),
            params: crate::engine::params_at(&self.rules, at()),
        }
    }

    pub fn id(&self, id: &str) -> ItemId {
        self.model
            .item_by_id(id)
            .unwrap_or_else(|| panic!("no item `{id}`"))
    }

    /// The index of the finding of `rule` on `subject`.
    pub fn finding(&self, rule: &str, subject: &str) -> usize {
        let r = self
            .rules
            .rule_index(rule)
            .unwrap_or_else(|| panic!("no rule `{rule}`"));
        self.findings
            .iter()
            .position(|f| f.rule == r && f.subject.id(&self.model) == subject)
            .unwrap_or_else(|| panic!("no finding of `{rule}` on `{subject}`"))
    }
}

pub fn at() -> Date {
    jiff::civil::date(2026, 11, 28)
}

fn strings(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|s| s.to_string()).collect()
}

impl Fx {
    pub fn new() -> Fx {
        Fx::default()
    }

    pub fn actor(mut self, id: &str) -> Fx {
        self.items.push((id.into(), Spec::Actor));
        self
    }

    pub fn service(
        mut self,
        id: &str,
        provider: &str,
        requires: &[&str],
        depends_on: &[&str],
    ) -> Fx {
        self.items.push((
            id.into(),
            Spec::Service {
                provider: provider.into(),
                requires: strings(requires),
                depends_on: strings(depends_on),
                recipients: Vec::new(),
            },
        ));
        self
    }

    /// Sets the recipients of the last service added.
    pub fn recipients(mut self, ids: &[&str]) -> Fx {
        if let Some((_, Spec::Service { recipients, .. })) = self.items.last_mut() {
            *recipients = strings(ids);
        }
        self
    }

    pub fn flow(mut self, id: &str, from: &str, to: &str) -> Fx {
        self.items
            .push((id.into(), Spec::Flow(from.into(), to.into())));
        self
    }

    pub fn agreement(mut self, id: &str, a: &str, b: &str) -> Fx {
        self.items
            .push((id.into(), Spec::Agreement(a.into(), b.into())));
        self
    }

    fn finding(
        mut self,
        rule: &str,
        kind: RuleKind,
        sev: Severity,
        subject: Option<&str>,
        act: &str,
    ) -> Fx {
        self.rules
            .entry(rule.into())
            .or_insert((kind, sev, act.into()));
        self.findings.push(FindingSpec {
            rule: rule.into(),
            subject: subject.map(str::to_string),
            mitigates: Vec::new(),
        });
        self
    }

    /// An `error` barrier of `rule` on `subject`.
    pub fn error(self, rule: &str, subject: &str) -> Fx {
        self.finding(
            rule,
            RuleKind::Barrier,
            Severity::Error,
            Some(subject),
            "Testloven",
        )
    }

    /// An `error` barrier on the model block.
    pub fn model_error(self, rule: &str) -> Fx {
        self.finding(rule, RuleKind::Barrier, Severity::Error, None, "Testloven")
    }

    pub fn warning(self, rule: &str, subject: &str) -> Fx {
        self.finding(
            rule,
            RuleKind::Barrier,
            Severity::Warning,
            Some(subject),
            "Testloven",
        )
    }

    /// An opportunity of `rule` on `subject`, mitigating the barriers named by (rule, subject).
    pub fn opportunity(self, rule: &str, subject: &str, mitigates: &[(&str, &str)]) -> Fx {
        let mut fx = self.finding(
            rule,
            RuleKind::Opportunity,
            Severity::Info,
            Some(subject),
            "Mulighetsloven",
        );
        if let Some(last) = fx.findings.last_mut() {
            last.mitigates = mitigates
                .iter()
                .map(|(r, s)| (r.to_string(), s.to_string()))
                .collect();
        }
        fx
    }

    pub fn build(self) -> Built {
        let vocab = Vocabulary::builtin();
        let model = self.model(vocab);
        let rules = self.rule_set();
        let findings = self.findings(&model, &rules);
        Built {
            model,
            rules,
            findings,
        }
    }

    fn model(&self, vocab: &Vocabulary) -> Model {
        let index: BTreeMap<&str, ItemId> = self
            .items
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (id.as_str(), ItemId(i as u32)))
            .collect();
        let r = |id: &String| {
            *index
                .get(id.as_str())
                .unwrap_or_else(|| panic!("no item `{id}`"))
        };
        let rs = |ids: &[String]| ids.iter().map(r).collect::<Vec<_>>();
        let field = |name| {
            vocab
                .field_by_name(ItemKind::Service, name)
                .unwrap_or_else(|| panic!("no field `{name}`"))
        };
        let fv = |name, value| FieldValue {
            field: field(name),
            value,
            span: Span::default(),
        };
        let items = self
            .items
            .iter()
            .map(|(id, spec)| {
                let (kind, ends, fields) = match spec {
                    Spec::Actor => (ItemKind::Actor, Ends::None, Vec::new()),
                    Spec::Service {
                        provider,
                        requires,
                        depends_on,
                        recipients,
                    } => (
                        ItemKind::Service,
                        Ends::None,
                        vec![
                            fv("provider", Value::Ref(r(provider))),
                            fv("recipients", Value::Refs(rs(recipients))),
                            fv("requires", Value::Refs(rs(requires))),
                            fv("depends_on", Value::Refs(rs(depends_on))),
                        ],
                    ),
                    Spec::Flow(a, b) => (
                        ItemKind::Flow,
                        Ends::Flow {
                            from: r(a),
                            to: r(b),
                        },
                        Vec::new(),
                    ),
                    Spec::Agreement(a, b) => (
                        ItemKind::Agreement,
                        Ends::Agreement { a: r(a), b: r(b) },
                        Vec::new(),
                    ),
                };
                Item {
                    kind,
                    id: id.clone(),
                    name: None,
                    fields,
                    ends,
                    span: Span::default(),
                    id_span: Span::default(),
                }
            })
            .collect();
        let header = Item {
            kind: ItemKind::Model,
            id: String::new(),
            name: Some("Testmodell \"A&B\" <1>".into()),
            fields: Vec::new(),
            ends: Ends::None,
            span: Span::default(),
            id_span: Span::default(),
        };
        Model::new(SourceFile::new("test.lsm", ""), header, items)
    }

    fn rule_set(&self) -> RuleSet {
        let mut y = String::from(
            "pack: test\nversion: \"1\"\ntitle: {nb: Test, en: Test}\ntest_date: 2026-11-28\nrules:\n",
        );
        for (n, (id, (kind, sev, act))) in self.rules.iter().enumerate() {
            let _ = writeln!(
                y,
                "  - id: {id}\n    kind: {}",
                if *kind == RuleKind::Barrier {
                    "barrier"
                } else {
                    "opportunity"
                }
            );
            if *kind == RuleKind::Barrier {
                let _ = writeln!(y, "    severity: {}", sev.as_str());
            }
            let _ = writeln!(
                y,
                "    title: {{nb: \"Regel {id}\", en: \"Rule {id}\"}}\n    message: {{nb: m, en: m}}\n    remedy: {{nb: r, en: r}}\n    source: {{act: \"{act}\", short: {act}, section: \"§ {}\", url: \"https://lovdata.no\"}}\n    in_force: {{from: 2000-01-01}}\n    for_each: model\n    when: \"model.challenge == demography\"",
                n + 1
            );
        }
        match RuleSet::load(
            vec![SourceFile::new("test.yaml", y)],
            std::sync::Arc::new(Vocabulary::builtin().clone()),
        ) {
            Ok(r) => r,
            Err(e) => panic!("test rules do not load: {e:?}"),
        }
    }

    fn findings(&self, model: &Model, rules: &RuleSet) -> Vec<Finding> {
        let subject = |s: &Option<String>| match s {
            Some(id) => Subject::Item(
                model
                    .item_by_id(id)
                    .unwrap_or_else(|| panic!("no item `{id}`")),
            ),
            None => Subject::Model,
        };
        let mut out: Vec<Finding> = self
            .findings
            .iter()
            .map(|f| Finding {
                rule: rules
                    .rule_index(&f.rule)
                    .unwrap_or_else(|| panic!("no rule `{}`", f.rule)),
                subject: subject(&f.subject),
                mitigated_by: Vec::new(),
                refused: Vec::new(),
                mitigates: Vec::new(),
            })
            .collect();
        for (o, f) in self.findings.iter().enumerate() {
            for (rule, subj) in &f.mitigates {
                let b = self
                    .findings
                    .iter()
                    .position(|x| &x.rule == rule && x.subject.as_deref() == Some(subj))
                    .unwrap_or_else(|| panic!("no barrier `{rule}` on `{subj}`"));
                out[b].mitigated_by.push(o);
                out[o].mitigates.push(b);
            }
        }
        out
    }
}

/// A chain: `s3` depends on `s2`, which depends on `s1`, which requires a flow with an error.
pub(crate) fn chain() -> Built {
    Fx::new()
        .actor("k")
        .actor("p")
        .service("s1", "p", &["f1"], &[])
        .service("s2", "p", &[], &["s1"])
        .service("s3", "p", &[], &["s2"])
        .flow("f1", "k", "p")
        .error("gdpr-a", "f1")
        .build()
}

/// A hub service six services depend on (no findings yet).
pub(crate) fn fan_out() -> Fx {
    let mut fx = Fx::new()
        .actor("k")
        .actor("hubco")
        .actor("frivillige")
        .service("hub", "hubco", &[], &[])
        .flow("timer", "frivillige", "hub");
    for i in 1..=6 {
        fx = fx.service(&format!("s{i}"), "k", &[], &["hub"]);
    }
    fx
}

/// Three services blocked by two barriers each, a fourth by one: the unlock order's test.
pub(crate) fn greedy_case() -> Built {
    let mut fx = Fx::new().actor("k").actor("p");
    for s in ["s1", "s2", "s3"] {
        fx = fx.service(s, "p", &[], &[]);
    }
    fx = fx.service("s4", "p", &["f4"], &[]).flow("f4", "k", "p");
    for s in ["s1", "s2", "s3"] {
        fx = fx.error("b1", s).error("b2", s);
    }
    fx.error("b3", "f4").build()
}
