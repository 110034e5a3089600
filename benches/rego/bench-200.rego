# The benchmark pack (200 rules) in Rego, rule for rule. Written by `rammelab-gen pack`.
# Input: the JSON form of a model (`rammelab-gen model --json`): items keyed by id.
package rammelab.bench

import rego.v1

public_bodies := {"municipality", "county", "state_agency", "health_trust"}

contracting_authorities := {"municipality", "county", "state_agency", "health_trust", "inter_municipal_company"}

actor_type(id) := input.actors[id].type

yearly(q) := q.value if q.per == "year"

yearly(q) := q.value * 12 if q.per == "month"

years(d) := d.value if d.unit == "years"

years(d) := d.value / 12 if d.unit == "months"

total(f) := yearly(f.amount) * years(f.duration)

agreement_pairs contains [ag.kind, ag.parties[0], ag.parties[1]] if some ag in input.agreements
agreement_pairs contains [ag.kind, ag.parties[1], ag.parties[0]] if some ag in input.agreements

agreement_pairs_index := agreement_pairs

registered(id, r) if r in input.actors[id].registered_in

senders_a0[f.to] contains f.from if {
  some f in input.flows
  "health" in f.data
  actor_type(f.from) == "municipality"
}

senders_a0_index := senders_a0

senders_b0[f.to] contains f.from if {
  some f in input.flows
  f.resource == "personal_data"
  "health" in f.data
  actor_type(f.from) == "municipality"
}

senders_b0_index := senders_b0

authorised(id, a) if a in input.actors[id].authorisations

party_kinds contains [ag.kind, p] if {
  some ag in input.agreements
  some p in ag.parties
}

party_kinds_index := party_kinds

money_in_basis contains [f.to, basis] if {
  some f in input.flows
  f.resource == "money"
  basis := f.basis
}

money_in_basis_index := money_in_basis

covers_personal_data(ag) if {
  some c in ag.covers
  input.flows[c].resource == "personal_data"
}

money_in[f.to] contains id if {
  some id, f in input.flows
  f.resource == "money"
}

money_in_index := money_in

owned_by(id, o) if o in input.actors[id].owned_by

received_0 contains g.to if {
  some g in input.flows
  g.resource == "personal_data"
  "health" in g.data
}

received_0_index := received_0

inflow_resources contains [f.to, f.resource] if some f in input.flows

inflow_resources_index := inflow_resources

senders_a1[f.to] contains f.from if {
  some f in input.flows
  "national_id" in f.data
  actor_type(f.from) == "municipality"
}

senders_a1_index := senders_a1

senders_b1[f.to] contains f.from if {
  some f in input.flows
  f.resource == "personal_data"
  "national_id" in f.data
  actor_type(f.from) == "health_trust"
}

senders_b1_index := senders_b1

received_1 contains g.to if {
  some g in input.flows
  g.resource == "personal_data"
  "national_id" in g.data
}

received_1_index := received_1

senders_a2[f.to] contains f.from if {
  some f in input.flows
  "child_welfare" in f.data
  actor_type(f.from) == "county"
}

senders_a2_index := senders_a2

senders_b2[f.to] contains f.from if {
  some f in input.flows
  f.resource == "personal_data"
  "child_welfare" in f.data
  actor_type(f.from) == "state_agency"
}

senders_b2_index := senders_b2

received_2 contains g.to if {
  some g in input.flows
  g.resource == "personal_data"
  "child_welfare" in g.data
}

received_2_index := received_2

senders_a3[f.to] contains f.from if {
  some f in input.flows
  "income" in f.data
  actor_type(f.from) == "municipality"
}

senders_a3_index := senders_a3

senders_b3[f.to] contains f.from if {
  some f in input.flows
  f.resource == "personal_data"
  "income" in f.data
  actor_type(f.from) == "municipality"
}

senders_b3_index := senders_b3

received_3 contains g.to if {
  some g in input.flows
  g.resource == "personal_data"
  "income" in g.data
}

received_3_index := received_3

senders_a4[f.to] contains f.from if {
  some f in input.flows
  "social_security" in f.data
  actor_type(f.from) == "health_trust"
}

senders_a4_index := senders_a4

senders_b4[f.to] contains f.from if {
  some f in input.flows
  f.resource == "personal_data"
  "social_security" in f.data
  actor_type(f.from) == "county"
}

senders_b4_index := senders_b4

received_4 contains g.to if {
  some g in input.flows
  g.resource == "personal_data"
  "social_security" in g.data
}

received_4_index := received_4

senders_a5[f.to] contains f.from if {
  some f in input.flows
  "health" in f.data
  actor_type(f.from) == "state_agency"
}

senders_a5_index := senders_a5

senders_b5[f.to] contains f.from if {
  some f in input.flows
  f.resource == "personal_data"
  "health" in f.data
  actor_type(f.from) == "municipality"
}

senders_b5_index := senders_b5

received_5 contains g.to if {
  some g in input.flows
  g.resource == "personal_data"
  "health" in g.data
}

received_5_index := received_5

senders_a6[f.to] contains f.from if {
  some f in input.flows
  "ethnicity" in f.data
  actor_type(f.from) == "municipality"
}

senders_a6_index := senders_a6

senders_b6[f.to] contains f.from if {
  some f in input.flows
  f.resource == "personal_data"
  "ethnicity" in f.data
  actor_type(f.from) == "health_trust"
}

senders_b6_index := senders_b6

received_6 contains g.to if {
  some g in input.flows
  g.resource == "personal_data"
  "ethnicity" in g.data
}

received_6_index := received_6

senders_a7[f.to] contains f.from if {
  some f in input.flows
  "education_record" in f.data
  actor_type(f.from) == "county"
}

senders_a7_index := senders_a7

senders_b7[f.to] contains f.from if {
  some f in input.flows
  f.resource == "personal_data"
  "education_record" in f.data
  actor_type(f.from) == "municipality"
}

senders_b7_index := senders_b7

received_7 contains g.to if {
  some g in input.flows
  g.resource == "personal_data"
  "education_record" in g.data
}

received_7_index := received_7

senders_a8[f.to] contains f.from if {
  some f in input.flows
  "health" in f.data
  actor_type(f.from) == "municipality"
}

senders_a8_index := senders_a8

senders_b8[f.to] contains f.from if {
  some f in input.flows
  f.resource == "personal_data"
  "health" in f.data
  actor_type(f.from) == "municipality"
}

senders_b8_index := senders_b8

received_8 contains g.to if {
  some g in input.flows
  g.resource == "personal_data"
  "health" in g.data
}

received_8_index := received_8

senders_a9[f.to] contains f.from if {
  some f in input.flows
  "national_id" in f.data
  actor_type(f.from) == "health_trust"
}

senders_a9_index := senders_a9

senders_b9[f.to] contains f.from if {
  some f in input.flows
  f.resource == "personal_data"
  "national_id" in f.data
  actor_type(f.from) == "county"
}

senders_b9_index := senders_b9

received_9 contains g.to if {
  some g in input.flows
  g.resource == "personal_data"
  "national_id" in g.data
}

received_9_index := received_9

findings contains {"rule": "bench-personal-data-without-agreement-0", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  actor_type(f.from) in public_bodies
  t := actor_type(f.to)
  not t in public_bodies
  not agreement_pairs_index[["data_processing", f.from, f.to]]
}

findings contains {"rule": "bench-special-data-to-company-without-dpa-0", "subject": id} if {
  some id, f in input.flows
  "health" in f.data
  actor_type(f.to) == "private_company"
  not agreement_pairs_index[["data_processing", f.from, f.to]]
}

findings contains {"rule": "bench-direct-award-above-threshold-0", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  f.basis == "direct_award"
  actor_type(f.from) in contracting_authorities
  total(f) >= 1300000
}

findings contains {"rule": "bench-grant-to-unregistered-organisation-0", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  f.basis in {"grant", "earmarked_grant", "direct_award"}
  actor_type(f.to) in {"volunteer_organisation", "ideal_organisation"}
  not registered(f.to, "frivillighetsregisteret")
}

findings contains {"rule": "bench-company-receiving-from-many-senders-0", "subject": id} if {
  some id, x in input.actors
  x.type == "private_company"
  count(senders_a0_index[id]) > 3
}

findings contains {"rule": "bench-receiver-of-personal-data-from-many-0", "subject": id} if {
  some id, x in input.actors
  x.type in {"private_company", "social_enterprise"}
  count(senders_b0_index[id]) > 3
}

findings contains {"rule": "bench-service-requires-data-without-legal-basis-0", "subject": id} if {
  some id, x in input.services
  x.domain in {"health_care", "public_health"}
  some r in x.requires
  f := input.flows[r]
  f.resource == "personal_data"
  not f.legal_basis
}

findings contains {"rule": "bench-depends-on-unauthorised-provider-0", "subject": id} if {
  some id, x in input.services
  x.domain == "health_care"
  some d in x.depends_on
  p := input.services[d].provider
  not authorised(p, "health_personnel")
}

findings contains {"rule": "bench-provider-without-agreement-0", "subject": id} if {
  some id, x in input.services
  x.domain in {"health_care", "social_services", "employment"}
  actor_type(x.provider) == "private_company"
  not party_kinds_index[["data_processing", x.provider]]
}

findings contains {"rule": "bench-organisation-paid-by-basis-0", "subject": id} if {
  some id, x in input.actors
  x.type == "volunteer_organisation"
  money_in_basis_index[[id, "direct_award"]]
}

findings contains {"rule": "bench-volunteer-hours-to-company-service-0", "subject": id} if {
  some id, f in input.flows
  f.resource == "volunteer_hours"
  p := input.services[f.to].provider
  actor_type(p) in {"private_company", "state_owned_company"}
}

findings contains {"rule": "bench-agreement-covering-no-personal-data-0", "subject": id} if {
  some id, x in input.agreements
  x.kind == "data_processing"
  not covers_personal_data(x)
}

findings contains {"rule": "bench-sensitive-data-on-weak-basis-0", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  some c in f.data
  c in {"health", "social_security"}
  f.legal_basis in {"none", "consent"}
}

findings contains {"rule": "bench-municipal-duty-0", "subject": id} if {
  some id, x in input.services
  x.domain == "public_health"
  actor_type(x.provider) == "municipality"
}

findings contains {"rule": "bench-vat-compensation-0", "subject": id} if {
  some id, x in input.actors
  x.type in {"volunteer_organisation", "ideal_organisation"}
  "frivillighetsregisteret" in x.registered_in
}

findings contains {"rule": "bench-many-money-inflows-0", "subject": id} if {
  some id, x in input.actors
  x.type == "private_company"
  count(money_in_index[id]) >= 4
}

findings contains {"rule": "bench-money-to-company-not-owned-0", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  actor_type(f.from) == "municipality"
  actor_type(f.to) == "inter_municipal_company"
  not owned_by(f.to, f.from)
}

findings contains {"rule": "bench-passing-on-received-data-0", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  t := actor_type(f.from)
  not t in public_bodies
  received_0_index[f.from]
}

findings contains {"rule": "bench-statutory-service-on-volunteers-0", "subject": id} if {
  some id, x in input.services
  x.statutory == true
  inflow_resources_index[[id, "volunteer_hours"]]
  not inflow_resources_index[[id, "staff"]]
}

findings contains {"rule": "bench-many-special-data-flows-0", "subject": "model"} if {
  count({id | some id, f in input.flows; f.resource == "personal_data"; "health" in f.data}) > 10
}

findings contains {"rule": "bench-personal-data-without-agreement-1", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  actor_type(f.from) in public_bodies
  t := actor_type(f.to)
  not t in public_bodies
  not agreement_pairs_index[["data_sharing", f.from, f.to]]
}

findings contains {"rule": "bench-special-data-to-company-without-dpa-1", "subject": id} if {
  some id, f in input.flows
  "national_id" in f.data
  actor_type(f.to) == "private_company"
  not agreement_pairs_index[["data_processing", f.from, f.to]]
}

findings contains {"rule": "bench-direct-award-above-threshold-1", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  f.basis == "direct_award"
  actor_type(f.from) in contracting_authorities
  total(f) >= 2000000
}

findings contains {"rule": "bench-grant-to-unregistered-organisation-1", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  f.basis in {"grant", "earmarked_grant", "grant"}
  actor_type(f.to) in {"ideal_organisation", "ideal_organisation"}
  not registered(f.to, "frivillighetsregisteret")
}

findings contains {"rule": "bench-company-receiving-from-many-senders-1", "subject": id} if {
  some id, x in input.actors
  x.type == "private_company"
  count(senders_a1_index[id]) > 2
}

findings contains {"rule": "bench-receiver-of-personal-data-from-many-1", "subject": id} if {
  some id, x in input.actors
  x.type in {"private_company", "social_enterprise"}
  count(senders_b1_index[id]) > 2
}

findings contains {"rule": "bench-service-requires-data-without-legal-basis-1", "subject": id} if {
  some id, x in input.services
  x.domain in {"public_health", "social_services"}
  some r in x.requires
  f := input.flows[r]
  f.resource == "personal_data"
  not f.legal_basis
}

findings contains {"rule": "bench-depends-on-unauthorised-provider-1", "subject": id} if {
  some id, x in input.services
  x.domain == "public_health"
  some d in x.depends_on
  p := input.services[d].provider
  not authorised(p, "police_certificate")
}

findings contains {"rule": "bench-provider-without-agreement-1", "subject": id} if {
  some id, x in input.services
  x.domain in {"public_health", "education", "culture"}
  actor_type(x.provider) == "private_company"
  not party_kinds_index[["data_sharing", x.provider]]
}

findings contains {"rule": "bench-organisation-paid-by-basis-1", "subject": id} if {
  some id, x in input.actors
  x.type == "ideal_organisation"
  money_in_basis_index[[id, "grant"]]
}

findings contains {"rule": "bench-volunteer-hours-to-company-service-1", "subject": id} if {
  some id, f in input.flows
  f.resource == "volunteer_hours"
  p := input.services[f.to].provider
  actor_type(p) in {"private_company", "state_owned_company"}
}

findings contains {"rule": "bench-agreement-covering-no-personal-data-1", "subject": id} if {
  some id, x in input.agreements
  x.kind == "data_sharing"
  not covers_personal_data(x)
}

findings contains {"rule": "bench-sensitive-data-on-weak-basis-1", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  some c in f.data
  c in {"national_id", "health"}
  f.legal_basis in {"none", "consent"}
}

findings contains {"rule": "bench-municipal-duty-1", "subject": id} if {
  some id, x in input.services
  x.domain == "social_services"
  actor_type(x.provider) == "municipality"
}

findings contains {"rule": "bench-vat-compensation-1", "subject": id} if {
  some id, x in input.actors
  x.type in {"ideal_organisation", "ideal_organisation"}
  "frivillighetsregisteret" in x.registered_in
}

findings contains {"rule": "bench-many-money-inflows-1", "subject": id} if {
  some id, x in input.actors
  x.type == "private_company"
  count(money_in_index[id]) >= 3
}

findings contains {"rule": "bench-money-to-company-not-owned-1", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  actor_type(f.from) == "municipality"
  actor_type(f.to) == "volunteer_organisation"
  not owned_by(f.to, f.from)
}

findings contains {"rule": "bench-passing-on-received-data-1", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  t := actor_type(f.from)
  not t in public_bodies
  received_1_index[f.from]
}

findings contains {"rule": "bench-statutory-service-on-volunteers-1", "subject": id} if {
  some id, x in input.services
  x.statutory == true
  inflow_resources_index[[id, "volunteer_hours"]]
  not inflow_resources_index[[id, "staff"]]
  x.domain != "public_health"
}

findings contains {"rule": "bench-many-special-data-flows-1", "subject": "model"} if {
  count({id | some id, f in input.flows; f.resource == "personal_data"; "national_id" in f.data}) > 100
}

findings contains {"rule": "bench-personal-data-without-agreement-2", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  actor_type(f.from) in public_bodies
  t := actor_type(f.to)
  not t in public_bodies
  not agreement_pairs_index[["contract", f.from, f.to]]
}

findings contains {"rule": "bench-special-data-to-company-without-dpa-2", "subject": id} if {
  some id, f in input.flows
  "child_welfare" in f.data
  actor_type(f.to) == "private_company"
  not agreement_pairs_index[["data_processing", f.from, f.to]]
}

findings contains {"rule": "bench-direct-award-above-threshold-2", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  f.basis == "direct_award"
  actor_type(f.from) in contracting_authorities
  total(f) >= 500000
}

findings contains {"rule": "bench-grant-to-unregistered-organisation-2", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  f.basis in {"grant", "earmarked_grant", "contract"}
  actor_type(f.to) in {"social_enterprise", "ideal_organisation"}
  not registered(f.to, "frivillighetsregisteret")
}

findings contains {"rule": "bench-company-receiving-from-many-senders-2", "subject": id} if {
  some id, x in input.actors
  x.type == "private_company"
  count(senders_a2_index[id]) > 4
}

findings contains {"rule": "bench-receiver-of-personal-data-from-many-2", "subject": id} if {
  some id, x in input.actors
  x.type in {"private_company", "social_enterprise"}
  count(senders_b2_index[id]) > 4
}

findings contains {"rule": "bench-service-requires-data-without-legal-basis-2", "subject": id} if {
  some id, x in input.services
  x.domain in {"social_services", "education"}
  some r in x.requires
  f := input.flows[r]
  f.resource == "personal_data"
  not f.legal_basis
}

findings contains {"rule": "bench-depends-on-unauthorised-provider-2", "subject": id} if {
  some id, x in input.services
  x.domain == "social_services"
  some d in x.depends_on
  p := input.services[d].provider
  not authorised(p, "teacher")
}

findings contains {"rule": "bench-provider-without-agreement-2", "subject": id} if {
  some id, x in input.services
  x.domain in {"social_services", "child_welfare", "housing"}
  actor_type(x.provider) == "private_company"
  not party_kinds_index[["contract", x.provider]]
}

findings contains {"rule": "bench-organisation-paid-by-basis-2", "subject": id} if {
  some id, x in input.actors
  x.type == "social_enterprise"
  money_in_basis_index[[id, "contract"]]
}

findings contains {"rule": "bench-volunteer-hours-to-company-service-2", "subject": id} if {
  some id, f in input.flows
  f.resource == "volunteer_hours"
  p := input.services[f.to].provider
  actor_type(p) in {"private_company", "state_owned_company"}
}

findings contains {"rule": "bench-agreement-covering-no-personal-data-2", "subject": id} if {
  some id, x in input.agreements
  x.kind == "contract"
  not covers_personal_data(x)
}

findings contains {"rule": "bench-sensitive-data-on-weak-basis-2", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  some c in f.data
  c in {"child_welfare", "ethnicity"}
  f.legal_basis in {"none", "consent"}
}

findings contains {"rule": "bench-municipal-duty-2", "subject": id} if {
  some id, x in input.services
  x.domain == "education"
  actor_type(x.provider) == "municipality"
}

findings contains {"rule": "bench-vat-compensation-2", "subject": id} if {
  some id, x in input.actors
  x.type in {"social_enterprise", "ideal_organisation"}
  "frivillighetsregisteret" in x.registered_in
}

findings contains {"rule": "bench-many-money-inflows-2", "subject": id} if {
  some id, x in input.actors
  x.type == "private_company"
  count(money_in_index[id]) >= 5
}

findings contains {"rule": "bench-money-to-company-not-owned-2", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  actor_type(f.from) == "municipality"
  actor_type(f.to) == "inter_municipal_company"
  not owned_by(f.to, f.from)
}

findings contains {"rule": "bench-passing-on-received-data-2", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  t := actor_type(f.from)
  not t in public_bodies
  received_2_index[f.from]
}

findings contains {"rule": "bench-statutory-service-on-volunteers-2", "subject": id} if {
  some id, x in input.services
  x.statutory == true
  inflow_resources_index[[id, "volunteer_hours"]]
  not inflow_resources_index[[id, "staff"]]
  x.domain != "social_services"
}

findings contains {"rule": "bench-many-special-data-flows-2", "subject": "model"} if {
  count({id | some id, f in input.flows; f.resource == "personal_data"; "child_welfare" in f.data}) > 1000
}

findings contains {"rule": "bench-personal-data-without-agreement-3", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  actor_type(f.from) in public_bodies
  t := actor_type(f.to)
  not t in public_bodies
  not agreement_pairs_index[["partnership", f.from, f.to]]
}

findings contains {"rule": "bench-special-data-to-company-without-dpa-3", "subject": id} if {
  some id, f in input.flows
  "income" in f.data
  actor_type(f.to) == "social_enterprise"
  not agreement_pairs_index[["data_processing", f.from, f.to]]
}

findings contains {"rule": "bench-direct-award-above-threshold-3", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  f.basis == "direct_award"
  actor_type(f.from) in contracting_authorities
  total(f) >= 5000000
}

findings contains {"rule": "bench-grant-to-unregistered-organisation-3", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  f.basis in {"grant", "earmarked_grant", "earmarked_grant"}
  actor_type(f.to) in {"volunteer_organisation", "ideal_organisation"}
  not registered(f.to, "frivillighetsregisteret")
}

findings contains {"rule": "bench-company-receiving-from-many-senders-3", "subject": id} if {
  some id, x in input.actors
  x.type == "social_enterprise"
  count(senders_a3_index[id]) > 3
}

findings contains {"rule": "bench-receiver-of-personal-data-from-many-3", "subject": id} if {
  some id, x in input.actors
  x.type in {"social_enterprise", "social_enterprise"}
  count(senders_b3_index[id]) > 3
}

findings contains {"rule": "bench-service-requires-data-without-legal-basis-3", "subject": id} if {
  some id, x in input.services
  x.domain in {"education", "child_welfare"}
  some r in x.requires
  f := input.flows[r]
  f.resource == "personal_data"
  not f.legal_basis
}

findings contains {"rule": "bench-depends-on-unauthorised-provider-3", "subject": id} if {
  some id, x in input.services
  x.domain == "education"
  some d in x.depends_on
  p := input.services[d].provider
  not authorised(p, "health_personnel")
}

findings contains {"rule": "bench-provider-without-agreement-3", "subject": id} if {
  some id, x in input.services
  x.domain in {"education", "employment", "early_childhood"}
  actor_type(x.provider) == "social_enterprise"
  not party_kinds_index[["partnership", x.provider]]
}

findings contains {"rule": "bench-organisation-paid-by-basis-3", "subject": id} if {
  some id, x in input.actors
  x.type == "volunteer_organisation"
  money_in_basis_index[[id, "earmarked_grant"]]
}

findings contains {"rule": "bench-volunteer-hours-to-company-service-3", "subject": id} if {
  some id, f in input.flows
  f.resource == "volunteer_hours"
  p := input.services[f.to].provider
  actor_type(p) in {"social_enterprise", "state_owned_company"}
}

findings contains {"rule": "bench-agreement-covering-no-personal-data-3", "subject": id} if {
  some id, x in input.agreements
  x.kind == "partnership"
  not covers_personal_data(x)
}

findings contains {"rule": "bench-sensitive-data-on-weak-basis-3", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  some c in f.data
  c in {"income", "education_record"}
  f.legal_basis in {"none", "consent"}
}

findings contains {"rule": "bench-municipal-duty-3", "subject": id} if {
  some id, x in input.services
  x.domain == "child_welfare"
  actor_type(x.provider) == "municipality"
}

findings contains {"rule": "bench-vat-compensation-3", "subject": id} if {
  some id, x in input.actors
  x.type in {"volunteer_organisation", "ideal_organisation"}
  "frivillighetsregisteret" in x.registered_in
}

findings contains {"rule": "bench-many-money-inflows-3", "subject": id} if {
  some id, x in input.actors
  x.type == "social_enterprise"
  count(money_in_index[id]) >= 4
}

findings contains {"rule": "bench-money-to-company-not-owned-3", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  actor_type(f.from) == "municipality"
  actor_type(f.to) == "ideal_organisation"
  not owned_by(f.to, f.from)
}

findings contains {"rule": "bench-passing-on-received-data-3", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  t := actor_type(f.from)
  not t in public_bodies
  received_3_index[f.from]
}

findings contains {"rule": "bench-statutory-service-on-volunteers-3", "subject": id} if {
  some id, x in input.services
  x.statutory == true
  inflow_resources_index[[id, "volunteer_hours"]]
  not inflow_resources_index[[id, "staff"]]
  x.domain != "education"
}

findings contains {"rule": "bench-many-special-data-flows-3", "subject": "model"} if {
  count({id | some id, f in input.flows; f.resource == "personal_data"; "income" in f.data}) > 50
}

findings contains {"rule": "bench-personal-data-without-agreement-4", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  actor_type(f.from) in public_bodies
  t := actor_type(f.to)
  not t in public_bodies
  not agreement_pairs_index[["data_processing", f.from, f.to]]
}

findings contains {"rule": "bench-special-data-to-company-without-dpa-4", "subject": id} if {
  some id, f in input.flows
  "social_security" in f.data
  actor_type(f.to) == "private_company"
  not agreement_pairs_index[["data_processing", f.from, f.to]]
}

findings contains {"rule": "bench-direct-award-above-threshold-4", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  f.basis == "direct_award"
  actor_type(f.from) in contracting_authorities
  total(f) >= 100000
}

findings contains {"rule": "bench-grant-to-unregistered-organisation-4", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  f.basis in {"grant", "earmarked_grant", "direct_award"}
  actor_type(f.to) in {"ideal_organisation", "ideal_organisation"}
  not registered(f.to, "frivillighetsregisteret")
}

findings contains {"rule": "bench-company-receiving-from-many-senders-4", "subject": id} if {
  some id, x in input.actors
  x.type == "private_company"
  count(senders_a4_index[id]) > 1
}

findings contains {"rule": "bench-receiver-of-personal-data-from-many-4", "subject": id} if {
  some id, x in input.actors
  x.type in {"private_company", "social_enterprise"}
  count(senders_b4_index[id]) > 1
}

findings contains {"rule": "bench-service-requires-data-without-legal-basis-4", "subject": id} if {
  some id, x in input.services
  x.domain in {"child_welfare", "employment"}
  some r in x.requires
  f := input.flows[r]
  f.resource == "personal_data"
  not f.legal_basis
}

findings contains {"rule": "bench-depends-on-unauthorised-provider-4", "subject": id} if {
  some id, x in input.services
  x.domain == "child_welfare"
  some d in x.depends_on
  p := input.services[d].provider
  not authorised(p, "health_personnel")
}

findings contains {"rule": "bench-provider-without-agreement-4", "subject": id} if {
  some id, x in input.services
  x.domain in {"child_welfare", "culture", "transport"}
  actor_type(x.provider) == "private_company"
  not party_kinds_index[["data_processing", x.provider]]
}

findings contains {"rule": "bench-organisation-paid-by-basis-4", "subject": id} if {
  some id, x in input.actors
  x.type == "ideal_organisation"
  money_in_basis_index[[id, "direct_award"]]
}

findings contains {"rule": "bench-volunteer-hours-to-company-service-4", "subject": id} if {
  some id, f in input.flows
  f.resource == "volunteer_hours"
  p := input.services[f.to].provider
  actor_type(p) in {"private_company", "state_owned_company"}
}

findings contains {"rule": "bench-agreement-covering-no-personal-data-4", "subject": id} if {
  some id, x in input.agreements
  x.kind == "data_processing"
  not covers_personal_data(x)
}

findings contains {"rule": "bench-sensitive-data-on-weak-basis-4", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  some c in f.data
  c in {"social_security", "health"}
  f.legal_basis in {"none", "consent"}
}

findings contains {"rule": "bench-municipal-duty-4", "subject": id} if {
  some id, x in input.services
  x.domain == "employment"
  actor_type(x.provider) == "municipality"
}

findings contains {"rule": "bench-vat-compensation-4", "subject": id} if {
  some id, x in input.actors
  x.type in {"ideal_organisation", "ideal_organisation"}
  "frivillighetsregisteret" in x.registered_in
}

findings contains {"rule": "bench-many-money-inflows-4", "subject": id} if {
  some id, x in input.actors
  x.type == "private_company"
  count(money_in_index[id]) >= 2
}

findings contains {"rule": "bench-money-to-company-not-owned-4", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  actor_type(f.from) == "municipality"
  actor_type(f.to) == "inter_municipal_company"
  not owned_by(f.to, f.from)
}

findings contains {"rule": "bench-passing-on-received-data-4", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  t := actor_type(f.from)
  not t in public_bodies
  received_4_index[f.from]
}

findings contains {"rule": "bench-statutory-service-on-volunteers-4", "subject": id} if {
  some id, x in input.services
  x.statutory == true
  inflow_resources_index[[id, "volunteer_hours"]]
  not inflow_resources_index[[id, "staff"]]
  x.domain != "child_welfare"
}

findings contains {"rule": "bench-many-special-data-flows-4", "subject": "model"} if {
  count({id | some id, f in input.flows; f.resource == "personal_data"; "social_security" in f.data}) > 500
}

findings contains {"rule": "bench-personal-data-without-agreement-5", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  actor_type(f.from) in public_bodies
  t := actor_type(f.to)
  not t in public_bodies
  not agreement_pairs_index[["data_sharing", f.from, f.to]]
}

findings contains {"rule": "bench-special-data-to-company-without-dpa-5", "subject": id} if {
  some id, f in input.flows
  "health" in f.data
  actor_type(f.to) == "ideal_organisation"
  not agreement_pairs_index[["data_processing", f.from, f.to]]
}

findings contains {"rule": "bench-direct-award-above-threshold-5", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  f.basis == "direct_award"
  actor_type(f.from) in contracting_authorities
  total(f) >= 1000000
}

findings contains {"rule": "bench-grant-to-unregistered-organisation-5", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  f.basis in {"grant", "earmarked_grant", "honorarium"}
  actor_type(f.to) in {"volunteer_organisation", "ideal_organisation"}
  not registered(f.to, "frivillighetsregisteret")
}

findings contains {"rule": "bench-company-receiving-from-many-senders-5", "subject": id} if {
  some id, x in input.actors
  x.type == "ideal_organisation"
  count(senders_a5_index[id]) > 5
}

findings contains {"rule": "bench-receiver-of-personal-data-from-many-5", "subject": id} if {
  some id, x in input.actors
  x.type in {"ideal_organisation", "social_enterprise"}
  count(senders_b5_index[id]) > 5
}

findings contains {"rule": "bench-service-requires-data-without-legal-basis-5", "subject": id} if {
  some id, x in input.services
  x.domain in {"employment", "culture"}
  some r in x.requires
  f := input.flows[r]
  f.resource == "personal_data"
  not f.legal_basis
}

findings contains {"rule": "bench-depends-on-unauthorised-provider-5", "subject": id} if {
  some id, x in input.services
  x.domain == "employment"
  some d in x.depends_on
  p := input.services[d].provider
  not authorised(p, "police_certificate")
}

findings contains {"rule": "bench-provider-without-agreement-5", "subject": id} if {
  some id, x in input.services
  x.domain in {"employment", "housing", "health_care"}
  actor_type(x.provider) == "ideal_organisation"
  not party_kinds_index[["data_sharing", x.provider]]
}

findings contains {"rule": "bench-organisation-paid-by-basis-5", "subject": id} if {
  some id, x in input.actors
  x.type == "volunteer_organisation"
  money_in_basis_index[[id, "honorarium"]]
}

findings contains {"rule": "bench-volunteer-hours-to-company-service-5", "subject": id} if {
  some id, f in input.flows
  f.resource == "volunteer_hours"
  p := input.services[f.to].provider
  actor_type(p) in {"ideal_organisation", "state_owned_company"}
}

findings contains {"rule": "bench-agreement-covering-no-personal-data-5", "subject": id} if {
  some id, x in input.agreements
  x.kind == "data_sharing"
  not covers_personal_data(x)
}

findings contains {"rule": "bench-sensitive-data-on-weak-basis-5", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  some c in f.data
  c in {"health", "national_id"}
  f.legal_basis in {"none", "consent"}
}

findings contains {"rule": "bench-municipal-duty-5", "subject": id} if {
  some id, x in input.services
  x.domain == "culture"
  actor_type(x.provider) == "municipality"
}

findings contains {"rule": "bench-vat-compensation-5", "subject": id} if {
  some id, x in input.actors
  x.type in {"volunteer_organisation", "ideal_organisation"}
  "frivillighetsregisteret" in x.registered_in
}

findings contains {"rule": "bench-many-money-inflows-5", "subject": id} if {
  some id, x in input.actors
  x.type == "ideal_organisation"
  count(money_in_index[id]) >= 6
}

findings contains {"rule": "bench-money-to-company-not-owned-5", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  actor_type(f.from) == "municipality"
  actor_type(f.to) == "inter_municipal_company"
  not owned_by(f.to, f.from)
}

findings contains {"rule": "bench-passing-on-received-data-5", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  t := actor_type(f.from)
  not t in public_bodies
  received_5_index[f.from]
}

findings contains {"rule": "bench-statutory-service-on-volunteers-5", "subject": id} if {
  some id, x in input.services
  x.statutory == true
  inflow_resources_index[[id, "volunteer_hours"]]
  not inflow_resources_index[[id, "staff"]]
  x.domain != "employment"
}

findings contains {"rule": "bench-many-special-data-flows-5", "subject": "model"} if {
  count({id | some id, f in input.flows; f.resource == "personal_data"; "health" in f.data}) > 5
}

findings contains {"rule": "bench-personal-data-without-agreement-6", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  actor_type(f.from) in public_bodies
  t := actor_type(f.to)
  not t in public_bodies
  not agreement_pairs_index[["consent", f.from, f.to]]
}

findings contains {"rule": "bench-special-data-to-company-without-dpa-6", "subject": id} if {
  some id, f in input.flows
  "ethnicity" in f.data
  actor_type(f.to) == "private_company"
  not agreement_pairs_index[["data_processing", f.from, f.to]]
}

findings contains {"rule": "bench-direct-award-above-threshold-6", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  f.basis == "direct_award"
  actor_type(f.from) in contracting_authorities
  total(f) >= 3000000
}

findings contains {"rule": "bench-grant-to-unregistered-organisation-6", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  f.basis in {"grant", "earmarked_grant", "grant"}
  actor_type(f.to) in {"social_enterprise", "ideal_organisation"}
  not registered(f.to, "frivillighetsregisteret")
}

findings contains {"rule": "bench-company-receiving-from-many-senders-6", "subject": id} if {
  some id, x in input.actors
  x.type == "private_company"
  count(senders_a6_index[id]) > 2
}

findings contains {"rule": "bench-receiver-of-personal-data-from-many-6", "subject": id} if {
  some id, x in input.actors
  x.type in {"private_company", "social_enterprise"}
  count(senders_b6_index[id]) > 2
}

findings contains {"rule": "bench-service-requires-data-without-legal-basis-6", "subject": id} if {
  some id, x in input.services
  x.domain in {"culture", "housing"}
  some r in x.requires
  f := input.flows[r]
  f.resource == "personal_data"
  not f.legal_basis
}

findings contains {"rule": "bench-depends-on-unauthorised-provider-6", "subject": id} if {
  some id, x in input.services
  x.domain == "culture"
  some d in x.depends_on
  p := input.services[d].provider
  not authorised(p, "teacher")
}

findings contains {"rule": "bench-provider-without-agreement-6", "subject": id} if {
  some id, x in input.services
  x.domain in {"culture", "early_childhood", "public_health"}
  actor_type(x.provider) == "private_company"
  not party_kinds_index[["consent", x.provider]]
}

findings contains {"rule": "bench-organisation-paid-by-basis-6", "subject": id} if {
  some id, x in input.actors
  x.type == "social_enterprise"
  money_in_basis_index[[id, "grant"]]
}

findings contains {"rule": "bench-volunteer-hours-to-company-service-6", "subject": id} if {
  some id, f in input.flows
  f.resource == "volunteer_hours"
  p := input.services[f.to].provider
  actor_type(p) in {"private_company", "state_owned_company"}
}

findings contains {"rule": "bench-agreement-covering-no-personal-data-6", "subject": id} if {
  some id, x in input.agreements
  x.kind == "consent"
  not covers_personal_data(x)
}

findings contains {"rule": "bench-sensitive-data-on-weak-basis-6", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  some c in f.data
  c in {"ethnicity", "health"}
  f.legal_basis in {"none", "consent"}
}

findings contains {"rule": "bench-municipal-duty-6", "subject": id} if {
  some id, x in input.services
  x.domain == "housing"
  actor_type(x.provider) == "municipality"
}

findings contains {"rule": "bench-vat-compensation-6", "subject": id} if {
  some id, x in input.actors
  x.type in {"social_enterprise", "ideal_organisation"}
  "frivillighetsregisteret" in x.registered_in
}

findings contains {"rule": "bench-many-money-inflows-6", "subject": id} if {
  some id, x in input.actors
  x.type == "private_company"
  count(money_in_index[id]) >= 3
}

findings contains {"rule": "bench-money-to-company-not-owned-6", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  actor_type(f.from) == "municipality"
  actor_type(f.to) == "volunteer_organisation"
  not owned_by(f.to, f.from)
}

findings contains {"rule": "bench-passing-on-received-data-6", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  t := actor_type(f.from)
  not t in public_bodies
  received_6_index[f.from]
}

findings contains {"rule": "bench-statutory-service-on-volunteers-6", "subject": id} if {
  some id, x in input.services
  x.statutory == true
  inflow_resources_index[[id, "volunteer_hours"]]
  not inflow_resources_index[[id, "staff"]]
  x.domain != "culture"
}

findings contains {"rule": "bench-many-special-data-flows-6", "subject": "model"} if {
  count({id | some id, f in input.flows; f.resource == "personal_data"; "ethnicity" in f.data}) > 20
}

findings contains {"rule": "bench-personal-data-without-agreement-7", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  actor_type(f.from) in public_bodies
  t := actor_type(f.to)
  not t in public_bodies
  not agreement_pairs_index[["data_processing", f.from, f.to]]
}

findings contains {"rule": "bench-special-data-to-company-without-dpa-7", "subject": id} if {
  some id, f in input.flows
  "education_record" in f.data
  actor_type(f.to) == "private_company"
  not agreement_pairs_index[["data_processing", f.from, f.to]]
}

findings contains {"rule": "bench-direct-award-above-threshold-7", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  f.basis == "direct_award"
  actor_type(f.from) in contracting_authorities
  total(f) >= 750000
}

findings contains {"rule": "bench-grant-to-unregistered-organisation-7", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  f.basis in {"grant", "earmarked_grant", "reserved_contract"}
  actor_type(f.to) in {"ideal_organisation", "ideal_organisation"}
  not registered(f.to, "frivillighetsregisteret")
}

findings contains {"rule": "bench-company-receiving-from-many-senders-7", "subject": id} if {
  some id, x in input.actors
  x.type == "private_company"
  count(senders_a7_index[id]) > 3
}

findings contains {"rule": "bench-receiver-of-personal-data-from-many-7", "subject": id} if {
  some id, x in input.actors
  x.type in {"private_company", "social_enterprise"}
  count(senders_b7_index[id]) > 3
}

findings contains {"rule": "bench-service-requires-data-without-legal-basis-7", "subject": id} if {
  some id, x in input.services
  x.domain in {"housing", "early_childhood"}
  some r in x.requires
  f := input.flows[r]
  f.resource == "personal_data"
  not f.legal_basis
}

findings contains {"rule": "bench-depends-on-unauthorised-provider-7", "subject": id} if {
  some id, x in input.services
  x.domain == "housing"
  some d in x.depends_on
  p := input.services[d].provider
  not authorised(p, "health_personnel")
}

findings contains {"rule": "bench-provider-without-agreement-7", "subject": id} if {
  some id, x in input.services
  x.domain in {"housing", "transport", "social_services"}
  actor_type(x.provider) == "private_company"
  not party_kinds_index[["data_processing", x.provider]]
}

findings contains {"rule": "bench-organisation-paid-by-basis-7", "subject": id} if {
  some id, x in input.actors
  x.type == "ideal_organisation"
  money_in_basis_index[[id, "reserved_contract"]]
}

findings contains {"rule": "bench-volunteer-hours-to-company-service-7", "subject": id} if {
  some id, f in input.flows
  f.resource == "volunteer_hours"
  p := input.services[f.to].provider
  actor_type(p) in {"private_company", "state_owned_company"}
}

findings contains {"rule": "bench-agreement-covering-no-personal-data-7", "subject": id} if {
  some id, x in input.agreements
  x.kind == "data_processing"
  not covers_personal_data(x)
}

findings contains {"rule": "bench-sensitive-data-on-weak-basis-7", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  some c in f.data
  c in {"education_record", "national_id"}
  f.legal_basis in {"none", "consent"}
}

findings contains {"rule": "bench-municipal-duty-7", "subject": id} if {
  some id, x in input.services
  x.domain == "early_childhood"
  actor_type(x.provider) == "municipality"
}

findings contains {"rule": "bench-vat-compensation-7", "subject": id} if {
  some id, x in input.actors
  x.type in {"ideal_organisation", "ideal_organisation"}
  "frivillighetsregisteret" in x.registered_in
}

findings contains {"rule": "bench-many-money-inflows-7", "subject": id} if {
  some id, x in input.actors
  x.type == "private_company"
  count(money_in_index[id]) >= 4
}

findings contains {"rule": "bench-money-to-company-not-owned-7", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  actor_type(f.from) == "municipality"
  actor_type(f.to) == "inter_municipal_company"
  not owned_by(f.to, f.from)
}

findings contains {"rule": "bench-passing-on-received-data-7", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  t := actor_type(f.from)
  not t in public_bodies
  received_7_index[f.from]
}

findings contains {"rule": "bench-statutory-service-on-volunteers-7", "subject": id} if {
  some id, x in input.services
  x.statutory == true
  inflow_resources_index[[id, "volunteer_hours"]]
  not inflow_resources_index[[id, "staff"]]
  x.domain != "housing"
}

findings contains {"rule": "bench-many-special-data-flows-7", "subject": "model"} if {
  count({id | some id, f in input.flows; f.resource == "personal_data"; "education_record" in f.data}) > 200
}

findings contains {"rule": "bench-personal-data-without-agreement-8", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  actor_type(f.from) in public_bodies
  t := actor_type(f.to)
  not t in public_bodies
  not agreement_pairs_index[["contract", f.from, f.to]]
}

findings contains {"rule": "bench-special-data-to-company-without-dpa-8", "subject": id} if {
  some id, f in input.flows
  "health" in f.data
  actor_type(f.to) == "state_owned_company"
  not agreement_pairs_index[["data_processing", f.from, f.to]]
}

findings contains {"rule": "bench-direct-award-above-threshold-8", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  f.basis == "direct_award"
  actor_type(f.from) in contracting_authorities
  total(f) >= 10000000
}

findings contains {"rule": "bench-grant-to-unregistered-organisation-8", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  f.basis in {"grant", "earmarked_grant", "contract"}
  actor_type(f.to) in {"volunteer_organisation", "ideal_organisation"}
  not registered(f.to, "frivillighetsregisteret")
}

findings contains {"rule": "bench-company-receiving-from-many-senders-8", "subject": id} if {
  some id, x in input.actors
  x.type == "state_owned_company"
  count(senders_a8_index[id]) > 6
}

findings contains {"rule": "bench-receiver-of-personal-data-from-many-8", "subject": id} if {
  some id, x in input.actors
  x.type in {"state_owned_company", "social_enterprise"}
  count(senders_b8_index[id]) > 6
}

findings contains {"rule": "bench-service-requires-data-without-legal-basis-8", "subject": id} if {
  some id, x in input.services
  x.domain in {"early_childhood", "transport"}
  some r in x.requires
  f := input.flows[r]
  f.resource == "personal_data"
  not f.legal_basis
}

findings contains {"rule": "bench-depends-on-unauthorised-provider-8", "subject": id} if {
  some id, x in input.services
  x.domain == "early_childhood"
  some d in x.depends_on
  p := input.services[d].provider
  not authorised(p, "health_personnel")
}

findings contains {"rule": "bench-provider-without-agreement-8", "subject": id} if {
  some id, x in input.services
  x.domain in {"early_childhood", "health_care", "education"}
  actor_type(x.provider) == "state_owned_company"
  not party_kinds_index[["contract", x.provider]]
}

findings contains {"rule": "bench-organisation-paid-by-basis-8", "subject": id} if {
  some id, x in input.actors
  x.type == "volunteer_organisation"
  money_in_basis_index[[id, "contract"]]
}

findings contains {"rule": "bench-volunteer-hours-to-company-service-8", "subject": id} if {
  some id, f in input.flows
  f.resource == "volunteer_hours"
  p := input.services[f.to].provider
  actor_type(p) in {"state_owned_company", "state_owned_company"}
}

findings contains {"rule": "bench-agreement-covering-no-personal-data-8", "subject": id} if {
  some id, x in input.agreements
  x.kind == "contract"
  not covers_personal_data(x)
}

findings contains {"rule": "bench-sensitive-data-on-weak-basis-8", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  some c in f.data
  c in {"health", "child_welfare"}
  f.legal_basis in {"none", "consent"}
}

findings contains {"rule": "bench-municipal-duty-8", "subject": id} if {
  some id, x in input.services
  x.domain == "transport"
  actor_type(x.provider) == "municipality"
}

findings contains {"rule": "bench-vat-compensation-8", "subject": id} if {
  some id, x in input.actors
  x.type in {"volunteer_organisation", "ideal_organisation"}
  "frivillighetsregisteret" in x.registered_in
}

findings contains {"rule": "bench-many-money-inflows-8", "subject": id} if {
  some id, x in input.actors
  x.type == "state_owned_company"
  count(money_in_index[id]) >= 7
}

findings contains {"rule": "bench-money-to-company-not-owned-8", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  actor_type(f.from) == "municipality"
  actor_type(f.to) == "ideal_organisation"
  not owned_by(f.to, f.from)
}

findings contains {"rule": "bench-passing-on-received-data-8", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  t := actor_type(f.from)
  not t in public_bodies
  received_8_index[f.from]
}

findings contains {"rule": "bench-statutory-service-on-volunteers-8", "subject": id} if {
  some id, x in input.services
  x.statutory == true
  inflow_resources_index[[id, "volunteer_hours"]]
  not inflow_resources_index[[id, "staff"]]
  x.domain != "early_childhood"
}

findings contains {"rule": "bench-many-special-data-flows-8", "subject": "model"} if {
  count({id | some id, f in input.flows; f.resource == "personal_data"; "health" in f.data}) > 2000
}

findings contains {"rule": "bench-personal-data-without-agreement-9", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  actor_type(f.from) in public_bodies
  t := actor_type(f.to)
  not t in public_bodies
  not agreement_pairs_index[["inter_municipal", f.from, f.to]]
}

findings contains {"rule": "bench-special-data-to-company-without-dpa-9", "subject": id} if {
  some id, f in input.flows
  "national_id" in f.data
  actor_type(f.to) == "social_enterprise"
  not agreement_pairs_index[["data_processing", f.from, f.to]]
}

findings contains {"rule": "bench-direct-award-above-threshold-9", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  f.basis == "direct_award"
  actor_type(f.from) in contracting_authorities
  total(f) >= 250000
}

findings contains {"rule": "bench-grant-to-unregistered-organisation-9", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  f.basis in {"grant", "earmarked_grant", "donation"}
  actor_type(f.to) in {"inter_municipal_company", "ideal_organisation"}
  not registered(f.to, "frivillighetsregisteret")
}

findings contains {"rule": "bench-company-receiving-from-many-senders-9", "subject": id} if {
  some id, x in input.actors
  x.type == "social_enterprise"
  count(senders_a9_index[id]) > 2
}

findings contains {"rule": "bench-receiver-of-personal-data-from-many-9", "subject": id} if {
  some id, x in input.actors
  x.type in {"social_enterprise", "social_enterprise"}
  count(senders_b9_index[id]) > 2
}

findings contains {"rule": "bench-service-requires-data-without-legal-basis-9", "subject": id} if {
  some id, x in input.services
  x.domain in {"transport", "health_care"}
  some r in x.requires
  f := input.flows[r]
  f.resource == "personal_data"
  not f.legal_basis
}

findings contains {"rule": "bench-depends-on-unauthorised-provider-9", "subject": id} if {
  some id, x in input.services
  x.domain == "transport"
  some d in x.depends_on
  p := input.services[d].provider
  not authorised(p, "police_certificate")
}

findings contains {"rule": "bench-provider-without-agreement-9", "subject": id} if {
  some id, x in input.services
  x.domain in {"transport", "public_health", "child_welfare"}
  actor_type(x.provider) == "social_enterprise"
  not party_kinds_index[["inter_municipal", x.provider]]
}

findings contains {"rule": "bench-organisation-paid-by-basis-9", "subject": id} if {
  some id, x in input.actors
  x.type == "inter_municipal_company"
  money_in_basis_index[[id, "donation"]]
}

findings contains {"rule": "bench-volunteer-hours-to-company-service-9", "subject": id} if {
  some id, f in input.flows
  f.resource == "volunteer_hours"
  p := input.services[f.to].provider
  actor_type(p) in {"social_enterprise", "state_owned_company"}
}

findings contains {"rule": "bench-agreement-covering-no-personal-data-9", "subject": id} if {
  some id, x in input.agreements
  x.kind == "inter_municipal"
  not covers_personal_data(x)
}

findings contains {"rule": "bench-sensitive-data-on-weak-basis-9", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  some c in f.data
  c in {"national_id", "income"}
  f.legal_basis in {"none", "consent"}
}

findings contains {"rule": "bench-municipal-duty-9", "subject": id} if {
  some id, x in input.services
  x.domain == "health_care"
  actor_type(x.provider) == "municipality"
}

findings contains {"rule": "bench-vat-compensation-9", "subject": id} if {
  some id, x in input.actors
  x.type in {"inter_municipal_company", "ideal_organisation"}
  "frivillighetsregisteret" in x.registered_in
}

findings contains {"rule": "bench-many-money-inflows-9", "subject": id} if {
  some id, x in input.actors
  x.type == "social_enterprise"
  count(money_in_index[id]) >= 3
}

findings contains {"rule": "bench-money-to-company-not-owned-9", "subject": id} if {
  some id, f in input.flows
  f.resource == "money"
  actor_type(f.from) == "municipality"
  actor_type(f.to) == "inter_municipal_company"
  not owned_by(f.to, f.from)
}

findings contains {"rule": "bench-passing-on-received-data-9", "subject": id} if {
  some id, f in input.flows
  f.resource == "personal_data"
  t := actor_type(f.from)
  not t in public_bodies
  received_9_index[f.from]
}

findings contains {"rule": "bench-statutory-service-on-volunteers-9", "subject": id} if {
  some id, x in input.services
  x.statutory == true
  inflow_resources_index[[id, "volunteer_hours"]]
  not inflow_resources_index[[id, "staff"]]
  x.domain != "transport"
}

findings contains {"rule": "bench-many-special-data-flows-9", "subject": "model"} if {
  count({id | some id, f in input.flows; f.resource == "personal_data"; "national_id" in f.data}) > 1
}

