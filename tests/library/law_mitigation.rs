//! Issue 16, classes 2 and 4: an opportunity may wave a barrier away only where the law it rests on
//! lifts that barrier in that situation. Each case is a small model checked against the shipped
//! packs: the barrier must fire on the subject, and be mitigated (or stay unmitigated) as the case
//! says. The rule packs' own tests pin when each rule fires; these pin the links between them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use jiff::civil::{date, Date};
use rammelab::{evaluate, parse_model, RuleSet};

const AT: Date = date(2026, 11, 28);

/// One case: a model, the barrier and its subject, and whether (and by what) it is mitigated.
struct Case {
    name: &'static str,
    model: &'static str,
    barrier: &'static str,
    subject: &'static str,
    /// `None`: the barrier must stay unmitigated; `Some(id)`: `id` must mitigate it.
    mitigated_by: Option<&'static str>,
}

const HEAD: &str = "model \"t\" { challenge: youth_exclusion }\n";

fn cases() -> Vec<Case> {
    vec![
        // ---- class 2: confidentiality towards public bodies, each gateway only for its own barrier
        Case {
            name: "child welfare shares for its own task: bvl § 13-1 third paragraph",
            model: r#"actor kommune "K" { type: municipality }
actor nav "NAV" { type: state_agency }
flow deling: kommune -> nav { resource: personal_data  data: [name, child_welfare]  legal_basis: public_task  sharing_purpose: senders_task }"#,
            barrier: "bvl-13-1-child-welfare-data-to-public-body",
            subject: "deling",
            mitigated_by: Some("bvl-13-1-sharing-for-child-welfare-tasks"),
        },
        Case {
            name: "child welfare shares so that NAV can do its own job: no gateway",
            model: r#"actor kommune "K" { type: municipality }
actor nav "NAV" { type: state_agency }
flow deling: kommune -> nav { resource: personal_data  data: [name, child_welfare]  legal_basis: public_task  sharing_purpose: recipients_task }"#,
            barrier: "bvl-13-1-child-welfare-data-to-public-body",
            subject: "deling",
            mitigated_by: None,
        },
        Case {
            name: "a partnership (fvl § 13 g) does not by itself lift child welfare confidentiality",
            model: r#"actor kommune "K" { type: municipality }
actor nav "NAV" { type: state_agency }
flow deling: kommune -> nav { resource: personal_data  data: [name, child_welfare]  legal_basis: public_task }
agreement team: kommune <-> nav { kind: partnership }"#,
            barrier: "bvl-13-1-child-welfare-data-to-public-body",
            subject: "deling",
            mitigated_by: None,
        },
        Case {
            name: "fvl § 13 b does not lift the child welfare barrier (bvl § 13-1: nr. 6 does not apply)",
            model: r#"actor kommune "K" { type: municipality }
actor nav "NAV" { type: state_agency }
flow deling: kommune -> nav { resource: personal_data  data: [name, education_record, child_welfare]  legal_basis: public_task  sharing_purpose: senders_task }"#,
            barrier: "fvl-13-personal-matters-to-public-body",
            subject: "deling",
            mitigated_by: None,
        },
        Case {
            name: "the school shares for its own task: fvl § 13 b",
            model: r#"actor kommune "K" { type: municipality }
actor nav "NAV" { type: state_agency }
flow elev: kommune -> nav { resource: personal_data  data: [name, education_record]  legal_basis: public_task  sharing_purpose: senders_task }"#,
            barrier: "fvl-13-personal-matters-to-public-body",
            subject: "elev",
            mitigated_by: Some("fvl-13b-senders-own-task"),
        },
        Case {
            name: "NAV shares for its own task: Nav-loven § 7 third paragraph",
            model: r#"actor nav "NAV" { type: state_agency }
actor kommune "K" { type: municipality }
flow ytelser: nav -> kommune { resource: personal_data  data: [name, social_security]  legal_basis: legal_obligation  sharing_purpose: senders_task }"#,
            barrier: "nav-7-sharing-outside-nav",
            subject: "ytelser",
            mitigated_by: Some("nav-7-3-sharing-for-navs-tasks"),
        },
        Case {
            name: "NAV's own task does not open sharing with a private mentor organisation",
            model: r#"actor nav "NAV" { type: state_agency }
actor lag "Mentorlaget" { type: volunteer_organisation }
flow ytelser: nav -> lag { resource: personal_data  data: [name, social_security]  legal_basis: legal_obligation  sharing_purpose: senders_task }"#,
            barrier: "nav-7-sharing-outside-nav",
            subject: "ytelser",
            mitigated_by: None,
        },
        Case {
            name: "the social services share for their own task: sotjl § 44 third paragraph",
            model: r#"actor kommune "K" { type: municipality }
actor fylke "F" { type: county }
service sosial "Sosialhjelp" { domain: social_services  provider: kommune }
flow okonomi: kommune -> fylke { resource: personal_data  data: [name, income]  legal_basis: public_task  sharing_purpose: senders_task }"#,
            barrier: "sotjl-44-social-data-to-public-body",
            subject: "okonomi",
            mitigated_by: Some("sotjl-44-3-sharing-for-own-tasks"),
        },
        Case {
            name: "the county collects school records for its follow-up service: opplæringslova § 25-1",
            model: r#"actor kommune "K" { type: municipality }
actor fylke "F" { type: county }
service ot "OT" { domain: education  provider: fylke }
flow fravaer: kommune -> ot { resource: personal_data  data: [name, education_record]  legal_basis: legal_obligation  sharing_purpose: recipients_task }"#,
            barrier: "fvl-13-personal-matters-to-public-body",
            subject: "fravaer",
            mitigated_by: Some("oppl-25-1-county-collects-from-primary-schools"),
        },
        Case {
            name: "a report of concern to a service that is not child welfare lifts nothing",
            model: r#"actor kommune "K" { type: municipality }
actor nav "NAV" { type: state_agency }
flow melding: kommune -> nav { resource: personal_data  data: [name, health]  legal_basis: legal_obligation  sharing_purpose: concern_report }"#,
            barrier: "fvl-13-personal-matters-to-public-body",
            subject: "melding",
            mitigated_by: None,
        },
        Case {
            name: "a report of concern to child welfare lifts health personnel's confidentiality",
            model: r#"actor kommune "K" { type: municipality  authorisations: [health_personnel] }
service bv "Barnevern" { domain: child_welfare  provider: kommune }
flow melding: kommune -> bv { resource: personal_data  data: [name, health]  legal_basis: legal_obligation  sharing_purpose: concern_report }"#,
            barrier: "hpl-21-health-data-outside-care",
            subject: "melding",
            mitigated_by: Some("bvl-13-2-report-of-concern"),
        },
        // ---- class 4: opportunities that waved barriers away
        Case {
            name: "a purchase from another municipality is not a FOA § 3-3 cooperation",
            model: r#"actor a "A" { type: municipality }
actor b "B" { type: municipality }
flow kjop: a -> b { resource: money  amount: 1_000_000 NOK per year  duration: 4 years  basis: direct_award }"#,
            barrier: "foa-direct-award-above-eea-threshold",
            subject: "kjop",
            mitigated_by: None,
        },
        Case {
            name: "payment inside an inter-municipal cooperation: FOA § 3-3",
            model: r#"actor a "A" { type: municipality }
actor b "B" { type: municipality }
flow kjop: a -> b { resource: money  amount: 1_000_000 NOK per year  duration: 4 years  basis: direct_award }
agreement samarbeid: a <-> b { kind: inter_municipal }"#,
            barrier: "foa-direct-award-above-eea-threshold",
            subject: "kjop",
            mitigated_by: Some("foa-3-3-public-cooperation-available"),
        },
        Case {
            name: "FOA § 30-2a reserves a competition; it does not allow a direct award",
            model: r#"actor kommune "K" { type: municipality }
actor ideell "Bymisjonen" { type: ideal_organisation }
service dag "Dagaktivitet" { domain: health_care  provider: ideell  requires: [drift] }
flow drift: kommune -> ideell { resource: money  amount: 3_000_000 NOK per year  duration: 4 years  basis: direct_award }"#,
            barrier: "foa-health-social-direct-award-above-eea-threshold",
            subject: "drift",
            mitigated_by: None,
        },
        Case {
            name: "de minimis above the ceiling does not wave state aid away",
            model: r#"actor kommune "K" { type: municipality }
actor butikk "Butikken AS" { type: private_company }
flow stotte: kommune -> butikk { resource: money  amount: 1_500_000 NOK per year  basis: grant }"#,
            barrier: "eos-61-support-to-undertaking",
            subject: "stotte",
            mitigated_by: None,
        },
        Case {
            name: "de minimis within the ceiling",
            model: r#"actor kommune "K" { type: municipality }
actor butikk "Butikken AS" { type: private_company }
flow stotte: kommune -> butikk { resource: money  amount: 150_000 NOK per year  basis: grant }"#,
            barrier: "eos-61-support-to-undertaking",
            subject: "stotte",
            mitigated_by: Some("de-minimis-aid"),
        },
        Case {
            name: "SGEI compensation without an act of entrustment",
            model: r#"actor kommune "K" { type: municipality }
actor butikk "Butikken AS" { type: private_company }
service punkt "Sørvispunkt" { domain: citizen_services  provider: butikk }
flow stotte: kommune -> butikk { resource: money  amount: 2_400_000 NOK per year  basis: grant }"#,
            barrier: "eos-61-support-to-undertaking",
            subject: "stotte",
            mitigated_by: None,
        },
        Case {
            name: "SGEI compensation with an act of entrustment",
            model: r#"actor kommune "K" { type: municipality }
actor butikk "Butikken AS" { type: private_company }
service punkt "Sørvispunkt" { domain: citizen_services  provider: butikk }
flow stotte: kommune -> butikk { resource: money  amount: 2_400_000 NOK per year  basis: grant }
agreement palegg: kommune <-> butikk { kind: entrustment  covers: [punkt] }"#,
            barrier: "eos-61-support-to-undertaking",
            subject: "stotte",
            mitigated_by: Some("sgei-compensation"),
        },
        Case {
            name: "a KO that makes decisions is not cured by the host-municipality route",
            model: r#"actor ko "KO" { type: inter_municipal_body  cooperation_form: municipal_task_community }
service legevakt "Legevakt" { domain: health_care  provider: ko  activities: [case_decisions] }"#,
            barrier: "koml-19-1-ko-individual-decisions",
            subject: "legevakt",
            mitigated_by: None,
        },
    ]
}

#[test]
fn each_gateway_and_exemption_mitigates_only_where_the_law_lifts_the_barrier() {
    let rules = RuleSet::builtin().expect("the built-in packs load");
    let mut failures = Vec::new();
    for c in cases() {
        let text = format!("{HEAD}{}\n", c.model);
        let m = parse_model("case.lsm", text, &rules.vocab)
            .unwrap_or_else(|e| panic!("{}: {}", c.name, e));
        let e = evaluate(&m, &rules, AT);
        let Some(f) = e
            .findings
            .iter()
            .find(|f| e.rule(f).id == c.barrier && f.subject.id(e.model) == c.subject)
        else {
            failures.push(format!(
                "{}: {} did not fire on {}",
                c.name, c.barrier, c.subject
            ));
            continue;
        };
        let by: Vec<&str> = f
            .mitigated_by
            .iter()
            .map(|&i| e.rule(&e.findings[i]).id.as_str())
            .collect();
        let ok = match c.mitigated_by {
            None => by.is_empty(),
            Some(id) => by.contains(&id),
        };
        if !ok {
            failures.push(format!(
                "{}: {} mitigated by {:?}, expected {:?}",
                c.name, c.barrier, by, c.mitigated_by
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
