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
