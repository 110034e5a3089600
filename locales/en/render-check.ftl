# The words of `rammelab check`'s outputs: the terminal text, SARIF, JUnit, GitHub and GitLab.

# Labels in front of a finding's source, remedy and related rules.
check-source = Source
check-remedy = Remedy
check-mitigated-by = Mitigated by
check-mitigates = Mitigates
check-cannot-be-mitigated-by = Cannot be mitigated by
# What the machine formats say of a model file that did not load.
check-model-does-not-load = the model does not load

## GitHub's job summary (Markdown). $at is the date the law is read at.

check-summary-title = rammelab check (the law at { $at })
# $count: how many errors the model file has.
check-summary-invalid = The model could not be read ({ $count } { $count ->
        [one] error
       *[other] errors
    }); see the log.
# $barriers, $errors, $opportunities, $blocked, $services: counts of one model.
check-summary-counts = { $barriers } { $barriers ->
        [one] barrier
       *[other] barriers
    } ({ $errors } { $errors ->
        [one] error
       *[other] errors
    }), { $opportunities } { $opportunities ->
        [one] opportunity
       *[other] opportunities
    }, { $blocked } of { $services } { $services ->
        [one] service
       *[other] services
    } blocked.
check-summary-barriers-head = | | Barrier | Rule | Where |
check-summary-error = error
check-summary-warning = warning
check-summary-blocked-services = **Blocked services**
check-summary-blocked-by = blocked by

## The terminal text (`--format human` and `concise`).

check-heading-barriers = Barriers
check-heading-opportunities = Opportunities
check-heading-services = Services
check-why = Why
check-no-findings = no findings
check-not-verified = NOT VERIFIED: the rule has not been checked against the text of the law
# A barrier that sits on the service itself, not on something it depends on.
check-on-itself = on the service itself
# In front of the chain of items from a service to a barrier.
check-path = path
# A service blocked through one it depends on: «through s41, which it depends on …».
check-through = through
check-same-barrier = which it depends on and which has the same barrier
check-more-paths = --explain shows the path of each
# The word in front of a finding.
check-severity-opportunity = opportunity
check-severity-error = error
check-severity-warning = warning
check-severity-info = info
check-status-ok = ok
check-status-at-risk = at risk
check-status-blocked = blocked
# After «at risk» and «blocked»; $count: how many barriers reach the service.
check-status-at-risk-from = from { $count } { $count ->
        [one] barrier
       *[other] barriers
    }
check-status-blocked-by = by { $count } { $count ->
        [one] barrier
       *[other] barriers
    }
# The closing line. $at: the date the law is read at; the rest are counts.
check-summary-line = Checked { $models } { $models ->
        [one] model
       *[other] models
    } at { $at }: { $barriers } { $barriers ->
        [one] barrier
       *[other] barriers
    } ({ $errors } { $errors ->
        [one] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }, { $unmitigated } unmitigated), { $opportunities } { $opportunities ->
        [one] opportunity
       *[other] opportunities
    }, { $blocked } { $blocked ->
        [one] blocked service
       *[other] blocked services
    }.
check-summary-invalid-models = { $count } { $count ->
        [one] model
       *[other] models
    } could not be read (see the diagnostics above).
