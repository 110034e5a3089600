# The words of `rammelab check`'s outputs: the terminal text, SARIF, JUnit, GitHub and GitLab.

# Labels in front of a finding's source, remedy and related rules.
check-source = Kilde
check-remedy = Tiltak
check-mitigated-by = Avbøtes av
check-mitigates = Avbøter
check-cannot-be-mitigated-by = Kan ikke avbøtes av
# What the machine formats say of a model file that did not load.
check-model-does-not-load = modellen kan ikke leses

## GitHub's job summary (Markdown). $at is the date the law is read at.

check-summary-title = rammelab check (lovverket per { $at })
# $count: how many errors the model file has.
check-summary-invalid = Modellen kunne ikke leses ({ $count } feil); se loggen.
# $barriers, $errors, $opportunities, $blocked, $services: counts of one model.
check-summary-counts = { $barriers } { $barriers ->
        [one] barriere
       *[other] barrierer
    } ({ $errors } feil), { $opportunities } { $opportunities ->
        [one] mulighet
       *[other] muligheter
    }, { $blocked } av { $services } { $services ->
        [one] tjeneste
       *[other] tjenester
    } blokkert.
check-summary-barriers-head = | | Barriere | Regel | Hvor |
check-summary-error = feil
check-summary-warning = advarsel
check-summary-blocked-services = **Blokkerte tjenester**
check-summary-blocked-by = blokkert av
