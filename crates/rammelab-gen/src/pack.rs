//! The benchmark rule pack: variants of 20 rule shapes of our kind (personal data to a company
//! without an agreement, money above a threshold without competition, group-by counts, ...), in
//! our YAML format and, rule for rule, in Rego, so that rammelab and a general policy engine are
//! measured on the same work. Variant 0 of each shape makes the 20-rule pack.
//!
//! The Rego is written the way a Rego author would write it: items keyed by id, joins through
//! id-indexed lookups (`input.actors[f.to]`) and helper sets (agreement party pairs, senders per
//! receiver), so the general engine is not handicapped by naive joins.

use std::fmt::Write as _;

/// One rule of the pack, in both languages.
struct Shape {
    /// Rule id.
    id: String,
    kind: &'static str,
    for_each: &'static str,
    when: String,
    message: (&'static str, &'static str),
    mitigates: Option<String>,
    /// `(name, value)` of a dated parameter the rule uses.
    param: Option<(String, String)>,
    /// The Rego rule body after `some id, x in input.KIND` (or the model rule's whole body).
    rego: String,
    /// Helper Rego rules this rule needs (deduplicated by the writer).
    helpers: Vec<String>,
}

const DATA: [&str; 10] = [
    "health",
    "national_id",
    "child_welfare",
    "income",
    "social_security",
    "health",
    "ethnicity",
    "education_record",
    "health",
    "national_id",
];
const AGREEMENTS: [&str; 10] = [
    "data_processing",
    "data_sharing",
    "contract",
    "partnership",
    "data_processing",
    "data_sharing",
    "consent",
    "data_processing",
    "contract",
    "inter_municipal",
];
const COMPANIES: [&str; 10] = [
    "private_company",
    "private_company",
    "private_company",
    "social_enterprise",
    "private_company",
    "ideal_organisation",
    "private_company",
    "private_company",
    "state_owned_company",
    "social_enterprise",
];
const THRESHOLDS: [u64; 10] = [
    1_300_000, 2_000_000, 500_000, 5_000_000, 100_000, 1_000_000, 3_000_000, 750_000, 10_000_000,
    250_000,
];
const DOMAINS: [&str; 10] = [
    "health_care",
    "public_health",
    "social_services",
    "education",
    "child_welfare",
    "employment",
    "culture",
    "housing",
    "early_childhood",
    "transport",
];
const SENDERS: [&str; 10] = [
    "municipality",
    "municipality",
    "county",
    "municipality",
    "health_trust",
    "state_agency",
    "municipality",
    "county",
    "municipality",
    "health_trust",
];
const COUNTS: [u32; 10] = [3, 2, 4, 3, 1, 5, 2, 3, 6, 2];
const VOLUNTARY: [&str; 10] = [
    "volunteer_organisation",
    "ideal_organisation",
    "social_enterprise",
    "volunteer_organisation",
    "ideal_organisation",
    "volunteer_organisation",
    "social_enterprise",
    "ideal_organisation",
    "volunteer_organisation",
    "inter_municipal_company",
];
const BASES: [&str; 10] = [
    "direct_award",
    "grant",
    "contract",
    "earmarked_grant",
    "direct_award",
    "honorarium",
    "grant",
    "reserved_contract",
    "contract",
    "donation",
];
const AUTHORISATIONS: [&str; 4] = [
    "health_personnel",
    "police_certificate",
    "teacher",
    "health_personnel",
];

fn q(s: &str) -> String {
    format!("\"{s}\"")
}

/// The rules of shape `s` (0..20), variant `v` (0..10).
fn shape(s: usize, v: usize) -> Shape {
    let d = DATA[v];
    let ag = AGREEMENTS[v];
    let co = COMPANIES[v];
    let dom = DOMAINS[v];
    let k = COUNTS[v];
    let mut sh = Shape {
        id: String::new(),
        kind: "barrier",
        for_each: "flow",
        when: String::new(),
        message: (
            "{flow.from} sender til {flow.to} i «{flow}».",
            "{flow.from} sends to {flow.to} in \"{flow}\".",
        ),
        mitigates: None,
        param: None,
        rego: String::new(),
        helpers: Vec::new(),
    };
    let pairs = "agreement_pairs contains [ag.kind, ag.parties[0], ag.parties[1]] if some ag in input.agreements\n\
                 agreement_pairs contains [ag.kind, ag.parties[1], ag.parties[0]] if some ag in input.agreements"
        .to_string();
    let name = match s {
        0 => {
            sh.when = format!(
                "flow.resource == personal_data\nand flow.from.type in set.bench_public_bodies\nand flow.to.type not in set.bench_public_bodies\nand not any(agreement a: a.kind == {ag} and a.parties contains flow.from and a.parties contains flow.to)"
            );
            sh.rego = format!(
                "f.resource == \"personal_data\"\nactor_type(f.from) in public_bodies\nt := actor_type(f.to)\nnot t in public_bodies\nnot agreement_pairs[[{}, f.from, f.to]]",
                q(ag)
            );
            sh.helpers.push(pairs);
            "personal-data-without-agreement"
        }
        1 => {
            sh.when = format!(
                "flow.data contains {d}\nand flow.to.type == {co}\nand none(agreement a: a.parties contains flow.to and a.kind == data_processing and a.parties contains flow.from)"
            );
            sh.rego = format!(
                "{} in f.data\nactor_type(f.to) == {}\nnot agreement_pairs[[\"data_processing\", f.from, f.to]]",
                q(d),
                q(co)
            );
            sh.helpers.push(pairs);
            "special-data-to-company-without-dpa"
        }
        2 => {
            let t = THRESHOLDS[v];
            sh.param = Some((format!("bench.threshold_{v}"), format!("{t} NOK")));
            sh.when = format!(
                "flow.resource == money\nand flow.basis == direct_award\nand flow.from.type in set.bench_contracting_authorities\nand flow.amount * flow.duration >= param.bench.threshold_{v}"
            );
            sh.rego = format!(
                "f.resource == \"money\"\nf.basis == \"direct_award\"\nactor_type(f.from) in contracting_authorities\ntotal(f) >= {t}"
            );
            sh.message = (
                "{flow.from} tildeler {flow.amount} i {flow.duration} direkte til {flow.to}.",
                "{flow.from} awards {flow.amount} for {flow.duration} directly to {flow.to}.",
            );
            "direct-award-above-threshold"
        }
        3 => {
            sh.when = format!(
                "flow.resource == money\nand flow.basis in [grant, earmarked_grant, {}]\nand flow.to.type in [{}, ideal_organisation]\nand not (flow.to.registered_in contains frivillighetsregisteret)",
                BASES[v],
                VOLUNTARY[v]
            );
            sh.rego = format!(
                "f.resource == \"money\"\nf.basis in {{\"grant\", \"earmarked_grant\", {}}}\nactor_type(f.to) in {{{}, \"ideal_organisation\"}}\nnot registered(f.to, \"frivillighetsregisteret\")",
                q(BASES[v]),
                q(VOLUNTARY[v])
            );
            sh.helpers
                .push("registered(id, r) if r in input.actors[id].registered_in".into());
            "grant-to-unregistered-organisation"
        }
        4 => {
            let snd = SENDERS[v];
            sh.for_each = "actor";
            sh.message = (
                "{actor} mottar {actor.type} fra mange.",
                "{actor} receives from many.",
            );
            sh.when = if v % 2 == 0 {
                format!("actor.type == {co}\nand count(actor m: m.type == {snd} and any(flow f: f.from == m and f.to == actor and f.data contains {d})) > {k}")
            } else {
                format!("actor.type == {co}\nand count(actor m: any(flow f: f.to == actor and f.data contains {d} and f.from == m) and m.type == {snd}) > {k}")
            };
            sh.helpers.push(format!(
                "senders_a{v}[f.to] contains f.from if {{\n  some f in input.flows\n  {} in f.data\n  actor_type(f.from) == {}\n}}",
                q(d),
                q(snd)
            ));
            sh.rego = format!("x.type == {}\ncount(senders_a{v}[id]) > {k}", q(co));
            "company-receiving-from-many-senders"
        }
        5 => {
            let snd = SENDERS[(v + 3) % 10];
            sh.for_each = "actor";
            sh.message = (
                "{actor} mottar personopplysninger fra mange.",
                "{actor} receives personal data from many.",
            );
            sh.when = format!(
                "count(actor m: m.type == {snd} and any(f in m.outflows: f.to == actor and f.resource == personal_data and f.data contains {d})) > {k}\nand actor.type in [{co}, social_enterprise]"
            );
            sh.helpers.push(format!(
                "senders_b{v}[f.to] contains f.from if {{\n  some f in input.flows\n  f.resource == \"personal_data\"\n  {} in f.data\n  actor_type(f.from) == {}\n}}",
                q(d),
                q(snd)
            ));
            sh.rego = format!(
                "x.type in {{{}, \"social_enterprise\"}}\ncount(senders_b{v}[id]) > {k}",
                q(co)
            );
            "receiver-of-personal-data-from-many"
        }
        6 => {
            sh.for_each = "service";
            sh.message = (
                "{service} krever opplysninger uten grunnlag.",
                "{service} requires data without a basis.",
            );
            sh.when = format!(
                "service.domain in [{dom}, {}]\nand any(f in service.requires: f.resource == personal_data and not has(f.legal_basis))",
                DOMAINS[(v + 1) % 10]
            );
            sh.rego = format!(
                "x.domain in {{{}, {}}}\nsome r in x.requires\nf := input.flows[r]\nf.resource == \"personal_data\"\nnot f.legal_basis",
                q(dom),
                q(DOMAINS[(v + 1) % 10])
            );
            "service-requires-data-without-legal-basis"
        }
        7 => {
            let a = AUTHORISATIONS[v % 4];
            sh.for_each = "service";
            sh.message = (
                "{service} avhenger av en tjeneste uten autorisasjon.",
                "{service} depends on a service without authorisation.",
            );
            sh.when = format!(
                "service.domain == {dom}\nand any(d in service.depends_on: not (d.provider.authorisations contains {a}))"
            );
            sh.rego = format!(
                "x.domain == {}\nsome d in x.depends_on\np := input.services[d].provider\nnot authorised(p, {})",
                q(dom),
                q(a)
            );
            sh.helpers
                .push("authorised(id, a) if a in input.actors[id].authorisations".into());
            "depends-on-unauthorised-provider"
        }
        8 => {
            sh.for_each = "service";
            sh.message = (
                "{service.provider} leverer {service} uten avtale.",
                "{service.provider} provides {service} without an agreement.",
            );
            sh.when = format!(
                "service.domain in [{dom}, {}, {}]\nand service.provider.type == {co}\nand none(agreement a: a.kind == {ag} and a.parties contains service.provider)",
                DOMAINS[(v + 2) % 10],
                DOMAINS[(v + 5) % 10]
            );
            sh.rego = format!(
                "x.domain in {{{}, {}, {}}}\nactor_type(x.provider) == {}\nnot party_kinds[[{}, x.provider]]",
                q(dom),
                q(DOMAINS[(v + 2) % 10]),
                q(DOMAINS[(v + 5) % 10]),
                q(co),
                q(ag)
            );
            sh.helpers.push(
                "party_kinds contains [ag.kind, p] if {\n  some ag in input.agreements\n  some p in ag.parties\n}"
                    .into(),
            );
            "provider-without-agreement"
        }
        9 => {
            sh.for_each = "actor";
            sh.message = (
                "{actor} mottar penger som {actor.type}.",
                "{actor} receives money as {actor.type}.",
            );
            sh.when = format!(
                "actor.type == {}\nand any(f in actor.inflows: f.resource == money and f.basis == {})",
                VOLUNTARY[v],
                BASES[v]
            );
            sh.rego = format!(
                "x.type == {}\nmoney_in_basis[[id, {}]]",
                q(VOLUNTARY[v]),
                q(BASES[v])
            );
            sh.helpers.push(
                "money_in_basis contains [f.to, basis] if {\n  some f in input.flows\n  f.resource == \"money\"\n  basis := f.basis\n}"
                    .into(),
            );
            "organisation-paid-by-basis"
        }
        10 => {
            sh.message = (
                "Frivillige timer til {flow.to}.",
                "Volunteer hours to {flow.to}.",
            );
            sh.when = format!(
                "flow.resource == volunteer_hours\nand flow.to.provider.type in [{co}, state_owned_company]"
            );
            sh.rego = format!(
                "f.resource == \"volunteer_hours\"\np := input.services[f.to].provider\nactor_type(p) in {{{}, \"state_owned_company\"}}",
                q(co)
            );
            "volunteer-hours-to-company-service"
        }
        11 => {
            sh.for_each = "agreement";
            sh.message = (
                "Avtalen {agreement} dekker ingen personopplysninger.",
                "The agreement {agreement} covers no personal data.",
            );
            sh.when = format!(
                "agreement.kind == {ag}\nand not any(f in agreement.covers: f.resource == personal_data)"
            );
            sh.rego = format!("x.kind == {}\nnot covers_personal_data(x)", q(ag));
            sh.helpers.push(
                "covers_personal_data(ag) if {\n  some c in ag.covers\n  input.flows[c].resource == \"personal_data\"\n}"
                    .into(),
            );
            "agreement-covering-no-personal-data"
        }
        12 => {
            sh.when = format!(
                "flow.resource == personal_data\nand flow.data intersects [{d}, {}]\nand flow.legal_basis in [none, consent]",
                DATA[(v + 4) % 10]
            );
            sh.rego = format!(
                "f.resource == \"personal_data\"\nsome c in f.data\nc in {{{}, {}}}\nf.legal_basis in {{\"none\", \"consent\"}}",
                q(d),
                q(DATA[(v + 4) % 10])
            );
            "sensitive-data-on-weak-basis"
        }
        13 => {
            sh.kind = "opportunity";
            sh.for_each = "service";
            sh.message = (
                "{service.provider} har et folkehelseansvar.",
                "{service.provider} has a public health duty.",
            );
            sh.when = format!(
                "service.domain == {}\nand service.provider.type == municipality",
                DOMAINS[(v + 1) % 10]
            );
            sh.rego = format!(
                "x.domain == {}\nactor_type(x.provider) == \"municipality\"",
                q(DOMAINS[(v + 1) % 10])
            );
            sh.mitigates = Some(format!(
                "bench-service-requires-data-without-legal-basis-{v}"
            ));
            "municipal-duty"
        }
        14 => {
            sh.kind = "opportunity";
            sh.for_each = "actor";
            sh.message = (
                "{actor} kan få momskompensasjon.",
                "{actor} can get VAT compensation.",
            );
            sh.when = format!(
                "actor.type in [{}, ideal_organisation]\nand actor.registered_in contains frivillighetsregisteret",
                VOLUNTARY[v]
            );
            sh.rego = format!(
                "x.type in {{{}, \"ideal_organisation\"}}\n\"frivillighetsregisteret\" in x.registered_in",
                q(VOLUNTARY[v])
            );
            sh.mitigates = Some(format!("bench-organisation-paid-by-basis-{v}"));
            "vat-compensation"
        }
        15 => {
            sh.for_each = "actor";
            sh.message = (
                "{actor} mottar mange pengestrømmer.",
                "{actor} receives many money flows.",
            );
            sh.when = format!(
                "actor.type == {co}\nand count(f in actor.inflows: f.resource == money) >= {}",
                k + 1
            );
            sh.rego = format!("x.type == {}\ncount(money_in[id]) >= {}", q(co), k + 1);
            sh.helpers.push(
                "money_in[f.to] contains id if {\n  some id, f in input.flows\n  f.resource == \"money\"\n}".into(),
            );
            "many-money-inflows"
        }
        16 => {
            let to = [
                "inter_municipal_company",
                "volunteer_organisation",
                "inter_municipal_company",
                "ideal_organisation",
                "inter_municipal_company",
            ][v % 5];
            sh.when = format!(
                "flow.resource == money\nand flow.from.type == municipality\nand flow.to.type == {to}\nand not (flow.to.owned_by contains flow.from)"
            );
            sh.rego = format!(
                "f.resource == \"money\"\nactor_type(f.from) == \"municipality\"\nactor_type(f.to) == {}\nnot owned_by(f.to, f.from)",
                q(to)
            );
            sh.helpers
                .push("owned_by(id, o) if o in input.actors[id].owned_by".into());
            "money-to-company-not-owned"
        }
        17 => {
            sh.when = format!(
                "flow.resource == personal_data\nand flow.from.type not in set.bench_public_bodies\nand any(flow g: g.to == flow.from and g.resource == personal_data and g.data contains {d})"
            );
            sh.rego = format!(
                "f.resource == \"personal_data\"\nt := actor_type(f.from)\nnot t in public_bodies\nreceived_{v}[f.from]"
            );
            sh.helpers.push(format!(
                "received_{v} contains g.to if {{\n  some g in input.flows\n  g.resource == \"personal_data\"\n  {} in g.data\n}}",
                q(d)
            ));
            "passing-on-received-data"
        }
        18 => {
            sh.for_each = "service";
            sh.message = (
                "{service} hviler på frivillige.",
                "{service} rests on volunteers.",
            );
            sh.when = "service.statutory == yes\nand any(f in service.inflows: f.resource == volunteer_hours)\nand none(flow f: f.to == service and f.resource == staff)".into();
            if v > 0 {
                sh.when = format!("{}\nand service.domain != {dom}", sh.when);
            }
            sh.rego = "x.statutory == true\ninflow_resources[[id, \"volunteer_hours\"]]\nnot inflow_resources[[id, \"staff\"]]".into();
            if v > 0 {
                sh.rego = format!("{}\nx.domain != {}", sh.rego, q(dom));
            }
            sh.helpers.push(
                "inflow_resources contains [f.to, f.resource] if some f in input.flows".into(),
            );
            "statutory-service-on-volunteers"
        }
        _ => {
            sh.for_each = "model";
            sh.message = (
                "Modellen {model} har mange flyter av {param.bench.threshold_0}.",
                "The model {model} has many flows.",
            );
            let n = [10, 100, 1000, 50, 500, 5, 20, 200, 2000, 1][v];
            sh.when =
                format!("count(flow f: f.resource == personal_data and f.data contains {d}) > {n}");
            sh.rego = format!(
                "count({{id | some id, f in input.flows; f.resource == \"personal_data\"; {} in f.data}}) > {n}",
                q(d)
            );
            "many-special-data-flows"
        }
    };
    sh.id = format!("bench-{name}-{v}");
    sh
}

/// The number of rule shapes.
pub const SHAPES: usize = 20;

fn shapes(rules: usize) -> Vec<Shape> {
    let variants = rules.div_ceil(SHAPES);
    let mut out = Vec::with_capacity(rules);
    for v in 0..variants {
        for s in 0..SHAPES {
            if out.len() < rules {
                out.push(shape(s, v % 10));
            }
        }
    }
    // Mitigation targets must exist in the pack.
    let ids: Vec<String> = out.iter().map(|s| s.id.clone()).collect();
    for s in &mut out {
        if s.mitigates.as_ref().is_some_and(|m| !ids.contains(m)) {
            s.mitigates = None;
        }
    }
    out
}

/// The benchmark pack with `rules` rules (at most 200), in our YAML format.
pub fn pack_yaml(rules: usize) -> String {
    let shapes = shapes(rules.min(200));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# A benchmark pack: {} rules, variants of {SHAPES} shapes. Written by `rammelab-gen pack`;\n\
         # the rules are synthetic and cite no real law.\n\
         pack: bench\nversion: \"1\"\ntitle: {{nb: Ytelsestest, en: Benchmark}}\ntest_date: 2026-06-01\n\
         sets:\n  bench_public_bodies:\n    of: actor_type\n    terms: [municipality, county, state_agency, health_trust]\n\
         \x20 bench_contracting_authorities:\n    of: actor_type\n    terms: [municipality, county, state_agency, health_trust, inter_municipal_company]\n\
         parameters:",
        shapes.len()
    );
    let mut params: Vec<(String, String)> = shapes.iter().filter_map(|s| s.param.clone()).collect();
    if params.is_empty() || !params.iter().any(|p| p.0 == "bench.threshold_0") {
        params.push(("bench.threshold_0".into(), "1300000 NOK".into()));
    }
    for (name, value) in &params {
        let _ = writeln!(
            out,
            "  {name}:\n    label: {{nb: Terskel, en: Threshold}}\n    values:\n      - {{from: 2018-01-01, value: {value}}}"
        );
    }
    out.push_str("rules:\n");
    for s in &shapes {
        let _ = writeln!(out, "  - id: {}\n    kind: {}", s.id, s.kind);
        if s.kind == "barrier" {
            out.push_str("    severity: error\n");
        }
        let _ = writeln!(
            out,
            "    title: {{nb: \"{id}\", en: \"{id}\"}}\n    message:\n      nb: \"{}\"\n      en: \"{}\"\n    remedy: {{nb: \"Rett opp {{{fe}}}.\", en: \"Fix {{{fe}}}.\"}}\n    source: {{act: \"Ytelsestest\", short: bench, section: \"§ {}\", url: \"https://lovdata.no\"}}\n    in_force: {{from: 2018-01-01}}\n    for_each: {fe}",
            s.message.0.replace('"', "\\\""),
            s.message.1.replace('"', "\\\""),
            s.id.len(),
            id = s.id,
            fe = s.for_each,
        );
        out.push_str("    when: |\n");
        for line in s.when.lines() {
            let _ = writeln!(out, "      {line}");
        }
        if let Some(m) = &s.mitigates {
            let _ = writeln!(out, "    mitigates: [{m}]");
        }
    }
    out
}

/// The same rules in Rego: a set `findings` of `{"rule", "subject"}`.
pub fn pack_rego(rules: usize) -> String {
    let shapes = shapes(rules.min(200));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# The benchmark pack ({} rules) in Rego, rule for rule. Written by `rammelab-gen pack`.\n\
         # Input: the JSON form of a model (`rammelab-gen model --json`): items keyed by id.\n\
         package rammelab.bench\n\nimport rego.v1\n\n\
         public_bodies := {{\"municipality\", \"county\", \"state_agency\", \"health_trust\"}}\n\n\
         contracting_authorities := {{\"municipality\", \"county\", \"state_agency\", \"health_trust\", \"inter_municipal_company\"}}\n\n\
         actor_type(id) := input.actors[id].type\n\n\
         yearly(q) := q.value if q.per == \"year\"\n\n\
         yearly(q) := q.value * 12 if q.per == \"month\"\n\n\
         years(d) := d.value if d.unit == \"years\"\n\n\
         years(d) := d.value / 12 if d.unit == \"months\"\n\n\
         total(f) := yearly(f.amount) * years(f.duration)\n",
        shapes.len()
    );
    // Helper sets are partial rules, each materialised once by a complete rule (`x_index := x`)
    // that the findings look up: OPA evaluates a partial rule afresh for every lookup with a
    // ground key (a scan per lookup, so joins turn quadratic), while a complete rule is
    // evaluated once per query and cached, in OPA as in regorus.
    let mut seen: Vec<&str> = Vec::new();
    let mut indexed: Vec<String> = Vec::new();
    for s in &shapes {
        for h in &s.helpers {
            if !seen.contains(&h.as_str()) {
                seen.push(h);
                let _ = writeln!(out, "{h}\n");
                let name: String = h
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if h.contains(" contains ")
                    && !h.starts_with(&format!("{name}("))
                    && !indexed.contains(&name)
                {
                    let _ = writeln!(out, "{name}_index := {name}\n");
                    indexed.push(name);
                }
            }
        }
    }
    let index = |body: &str| {
        indexed.iter().fold(body.to_string(), |b, name| {
            b.replace(&format!("{name}["), &format!("{name}_index["))
        })
    };
    for s in &shapes {
        let (coll, var) = match s.for_each {
            "flow" => ("flows", "f"),
            "actor" => ("actors", "x"),
            "service" => ("services", "x"),
            "agreement" => ("agreements", "x"),
            _ => ("", ""),
        };
        if coll.is_empty() {
            let _ = writeln!(
                out,
                "findings contains {{\"rule\": \"{}\", \"subject\": \"model\"}} if {{\n  {}\n}}\n",
                s.id,
                index(&s.rego)
            );
            continue;
        }
        let _ = writeln!(
            out,
            "findings contains {{\"rule\": \"{}\", \"subject\": id}} if {{\n  some id, {var} in input.{coll}",
            s.id
        );
        for line in index(&s.rego).lines() {
            let _ = writeln!(out, "  {line}");
        }
        out.push_str("}\n\n");
    }
    out
}
