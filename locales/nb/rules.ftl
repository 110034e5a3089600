# Feil i regelpakker, overlegg og vokabularfilen (src/rules, src/messages/rules.rs).

rules-error-yaml = filen er ikke gyldig YAML: { $reason }
rules-error-duplicate-id = regel-id-en `{ $id }` er brukt mer enn én gang
# $what er pack, set eller parameter.
rules-error-duplicate = { $what ->
        [pack] pakken
        [set] settet
        [parameter] parameteren
       *[other] { $what }
    } `{ $name }` er definert mer enn én gang
rules-error-unknown-rule = `{ $name }` i `{ $key }` er verken en regel-id eller `act:...`/`tag:...` i noen lastet pakke
rules-error-io = regelfilene kunne ikke leses: { $reason }
# `--overlay builtin:NAVN` med et NAVN som ikke er innebygd; $names lister dem som er det.
rules-error-no-builtin-proposal = regelfilene kunne ikke leses: `{ $given }`: det finnes ikke noe innebygd forslag `{ $name }`; de innebygde forslagene er: { $names }
rules-error-unknown-parameter = ingen regelpakke definerer parameteren `{ $parameter }`
rules-error-amend-type = den nye verdien `{ $value }` for `{ $parameter }` er { $found }, men parameteren er { $expected }
rules-error-trial-cannot-exempt = et forsøk etter forsøksloven kan ikke sette til side { $rules }
rules-error-trial-too-long = et forsøk etter forsøksloven varer høyst 4 år pluss 2 års forlengelse; dette varer fra { $from } til { $to }
rules-error-trial-without-participants = forsøket nevner ingen kommune eller modell det er godkjent for
rules-error-bad-period = unntaket slutter ({ $to }) før det begynner ({ $from })
rules-error-exempt-opportunity = `{ $id }` er en mulighet; et unntak setter til side barrierer
rules-error-duplicate-overlay = overlegget `{ $id }` er gitt mer enn én gang
rules-error-not-utf8 = filen er ikke UTF-8: byte { $byte } (regnet fra 0) begynner ikke et UTF-8-tegn
rules-help-not-utf8 = lagre filen som UTF-8 (de fleste redigeringsprogrammer har det under «Lagre som» eller «Tegnkoding»)
rules-label-not-utf8 = ikke UTF-8
# Linjen under feilene.
rules-errors-summary = rammelab: { $count } feil i regelpakkene
