# The benchmark pack (20 rules) in Rego, rule for rule. Written by `rammelab-gen pack`.
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

