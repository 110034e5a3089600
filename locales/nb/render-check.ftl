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

## The terminal text (`--format human` and `concise`).

check-heading-barriers = Barrierer
check-heading-opportunities = Muligheter
check-heading-services = Tjenester
check-why = Hvorfor
check-no-findings = ingen funn
check-not-verified = IKKE VERIFISERT: regelen er ikke kontrollert mot lovteksten
# A barrier that sits on the service itself, not on something it depends on.
check-on-itself = på tjenesten selv
# In front of the chain of items from a service to a barrier.
check-path = vei
# A service blocked through one it depends on: «through s41, which it depends on …».
check-through = gjennom
check-same-barrier = som den avhenger av og som har samme barriere
check-more-paths = --explain viser veien for hver
# The word in front of a finding.
check-severity-opportunity = mulighet
check-severity-error = feil
check-severity-warning = advarsel
check-severity-info = info
check-status-ok = ok
check-status-at-risk = i risiko
check-status-blocked = blokkert
# After «i risiko» and «blokkert»; $count: how many barriers reach the service.
check-status-at-risk-from = på grunn av { $count } { $count ->
        [one] barriere
       *[other] barrierer
    }
check-status-blocked-by = av { $count } { $count ->
        [one] barriere
       *[other] barrierer
    }
# The closing line. $at: the date the law is read at; the rest are counts.
check-summary-line = Sjekket { $models } { $models ->
        [one] modell
       *[other] modeller
    } per { $at }: { $barriers } { $barriers ->
        [one] barriere
       *[other] barrierer
    } ({ $errors } feil, { $warnings } { $warnings ->
        [one] advarsel
       *[other] advarsler
    }, { $unmitigated } uten avbøtende mulighet), { $opportunities } { $opportunities ->
        [one] mulighet
       *[other] muligheter
    }, { $blocked } { $blocked ->
        [one] blokkert tjeneste
       *[other] blokkerte tjenester
    }.
check-summary-invalid-models = { $count } { $count ->
        [one] modell
       *[other] modeller
    } kunne ikke leses (se feilmeldingene over).
