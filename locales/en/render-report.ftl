# The words of the lab report (`rammelab report`) that do not come from a model or a rule
# file. The templates read them as `t.<name>`, the name being the key after `report-` with
# `_` for `-`.

report-report-title = Barrier report
report-lang-code = en
report-intro = The model held up against the framework conditions (acts, regulations, funding rules) as they stand on the date below: what blocks it, what opens doors, and how the barriers travel through the model.
report-intro-several = The models held up against the framework conditions (acts, regulations, funding rules) as they stand on the date below: what blocks them, what opens doors, and how the barriers travel through each model.
report-generated-by = Made with rammelab
report-contents = Contents

## The model

report-model = Model
report-file = File
report-municipality = Municipality
report-challenge = Challenge
report-horizon = Horizon
report-law-at = Law read as of
report-rule-packs = Rule packs
report-version = version
report-not-given = not given

## Summary

report-summary = Summary
report-services = Services
report-services-lc = services
report-blocked-n = blocked
report-at-risk-n = at risk
report-ok-n = ok
report-h-blocked = Blocked
report-h-at-risk = At risk
report-h-ok = Ok
report-h-unmitigated = Not mitigated
report-of = of
report-top-barriers = The main barriers
report-no-blocking = No barrier blocks a service.
report-blocks-n-services = blocks
report-service-one = service
report-service-many = services
report-barriers = Barriers
report-opportunities = Opportunities
report-unmitigated-short = not mitigated

## Graph

report-graph = Dependency graph
report-graph-note = Arrows point the way a barrier travels: from the legal source to the finding, from the finding to the flow or actor, on to the services that need them.
report-graph-print-note = On paper only the paths the barriers travel are drawn, from each barrier to the services it reaches; the whole graph, with legal sources and opportunities, is in the browser version of the report and in `rammelab graph`.

## Services

report-service = Service
report-status = Status
report-why = Why
report-status-blocked = blocked
report-status-at-risk = at risk
report-status-ok = ok
report-no-services = The model has no services.
report-path-clear = no barrier on its path
report-show = Show
report-all = all

## Relations on a path

report-rel-depends-on = depends on
report-rel-requires = requires
report-rel-provider = is provided by
report-rel-receives = receives
report-rel-via = via
report-on-itself = on the service itself
report-also = also

## Barriers

report-on = On
report-blocks = Blocks
report-puts-at-risk = Puts at risk
report-no-service-reached = no service
report-source = Source
report-not-verified = not verified
report-not-verified-long = the rule has not been checked against the text of the law
report-severity = Severity
report-severity-error = error
report-severity-warning = warning
report-severity-info = info
report-effect-blocks = blocks
report-effect-risk = risk
report-effect-mitigated = mitigated
report-message = Finding
report-remedy = Remedy
report-mitigated-by = Mitigated by
report-refused-by = Cannot be mitigated by
report-none = none
report-no-barriers = No barriers.

## Opportunities

report-opens = Opens
report-mitigates = mitigates
report-supports = supports
report-no-opportunities = No opportunities.

## Unmitigated, unlock

report-unmitigated = Barriers no opportunity mitigates
report-all-mitigated = Every barrier has at least one mitigating opportunity.
report-unlock = Unlock order
report-unlock-note = Remove the barriers in this order to unblock as many services as early as possible.
report-remove = Remove
report-unblocks = unblocks
report-unblocks-nothing-yet = unblocks no service on its own yet
report-nothing-to-unlock = No service is blocked.

## What-if

report-whatif = What if

## Appendix

report-appendix = Appendix: rules evaluated
report-appendix-note = Every rule in force on the date, including those that did not fire: what was checked and found clear.
report-rule = Rule
report-kind = Kind
report-result = Result
report-kind-barrier = barrier
report-kind-opportunity = opportunity
report-fired-on = fired on
report-clear = clear
report-evaluated-n = rules evaluated
report-fired-n = fired
report-exempted = Set aside by an exemption

## Several models

report-comparison = Comparison
report-models = models

## Keys of findings in the report (B1, B2, …; O1, O2, …)

# The letter in front of an opportunity's number (a barrier's is B in both languages).
report-opportunity-letter = O
