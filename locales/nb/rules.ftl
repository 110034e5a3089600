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

# Feil i betingelsen til en regel (`when:`). `set` er id-en til en begrepsmengde. (Feilene
# med verdier som er beskrivelser på engelsk, «expected a number, found a term», står ikke her
# ennå: de vises på engelsk til også de beskrivelsene kommer fra denne katalogen.)
rules-condition-unknown-variable = `{ $name }` er ikke en variabel i denne betingelsen
rules-condition-unknown-term = `{ $term }` er ikke et begrep i { $set }
rules-condition-unknown-kind = `{ $kind }` er ikke en elementtype
rules-condition-unknown-unit = `{ $unit }` er ikke en enhet
rules-condition-unknown-period = `{ $period }` er ikke en periode
rules-condition-unknown-parameter = ingen regelpakke definerer parameteren `{ $name }`
rules-condition-unknown-set = ingen regelpakke definerer mengden `{ $name }`
rules-condition-bad-date = `{ $text }` er ikke en gyldig dato
rules-condition-bare-word = `{ $word }` er verken en variabel eller et begrep som den andre siden gir mening til
rules-condition-too-deep = betingelsen er nøstet { $depth } nivåer dypt her, dypere enn grensen på { $max }

# En nøkkel i en regelpakke eller et overlegg som skjemaet ikke kjenner.
rules-error-unknown-key = ukjent felt `{ $key }`
# Det samme under toppen av filen; `path` sier hvor (`rules[0]`).
rules-error-unknown-key-at = { $path }: ukjent felt `{ $key }`
# Nøklene som finnes, hver i backticks.
rules-help-unknown-key = forventet en av { $expected }

# En regelfil større enn grensen for YAML-filer; `size` og `max` er størrelser (`16 MiB`).
rules-error-too-large = filen er { $size }, større enn grensen på { $max } for YAML-filer
# En regelfil der aliasene (`*navn`) gjør den større enn grensen.
rules-error-expands = filen vokser til mer enn { $max } gjennom aliaser (`*navn`)
# Hjelpen til begge.
rules-help-limit = en regelfil kan være høyst { $max } og kan ikke vokse forbi det gjennom aliaser (en fast grense); del pakken i flere filer

# Feil i en vokabularfil (`vocabulary.yaml` i en `--rules`-mappe).
rules-vocab-yaml = vokabularet er ikke gyldig YAML: { $reason }
rules-vocab-duplicate = `{ $name }` er definert to ganger i vokabularet
rules-vocab-unknown-set = feltet `{ $field }` viser til begrepssettet `{ $set }`, som vokabularet ikke definerer
rules-vocab-unknown-unit-field = feltet `{ $field }` henter enheten fra `{ $from }`, som ikke er et begrepsfelt av samme type

# En betingelse som ikke kan leses; `expected` lister det som kunne stått der (tekstene under, med komma mellom).
rules-condition-syntax = forventet { $expected }
# Det en betingelses leser forventet, med ord en regelforfatter forstår.
rules-cond-expected-end = slutten av betingelsen
rules-cond-expected-expression = et uttrykk
rules-cond-expected-comparison = en sammenligning (`==`, `!=`, `<`, `>`, ...)
rules-cond-expected-in = `in`
rules-cond-expected-and = `and`
rules-cond-expected-or = `or`
rules-cond-expected-contains = `contains`
rules-cond-expected-intersects = `intersects`
rules-cond-expected-arithmetic = en regneoperator
rules-cond-expected-path = en sti som `flow.resource`
rules-cond-expected-a-path = en sti
rules-cond-expected-number = et tall
rules-cond-expected-string = en tekst
rules-cond-expected-date = en dato
rules-cond-expected-list = en liste `[...]`
rules-cond-expected-binding = en binding som `agreement a` eller `f in service.requires`
rules-cond-expected-unit = en enhet
rules-cond-expected-period = en periode (`year`, `month`)
rules-cond-expected-well-formed = en gyldig betingelse
rules-cond-expected-a-binding = en binding
rules-cond-expected-quantifier = en kvantor `any(kind v: condition)`
rules-cond-expected-count = `count(kind v: condition)` eller `count(path)`
# I en meldingsmal: en `}` uten `{` foran.
rules-cond-expected-open-brace = `{"{"}` foran `{"}"}` (skriv `{"}}"}` for en vanlig krøllparentes)
# I en meldingsmal: en `{` som aldri lukkes.
rules-cond-expected-close-brace = en avsluttende `{"}"}`

## Hjelp under feil i en betingelse (src/rules/condition).

# En ukjent variabel uten noen som ligner; `variables` er listen over dem som finnes her, i backticks.
rules-cond-help-variables = variablene her er { $variables }
# Et ukjent begrep eller felt uten noe som ligner: hva `what` (en begrepsmengde eller en elementtype) tar; `names` er en kommaseparert liste.
rules-cond-help-takes = { $what } tar: { $names }
# Et løst ord som ligner navnet på en variabel.
rules-cond-help-variable = mente du variabelen `{ $name }`?
# Et felt spurt om på en liste av elementer.
rules-cond-help-list = dette er en liste; se inni den med `any(x in ...: x.{ $name } ...)`
# En liste sammenlignet med et begrep.
rules-cond-help-contains = for å spørre om en liste har et begrep, skriv `LISTE contains BEGREP`
# Et tall sammenlignet med en mengde.
rules-cond-help-unit = gi tallet en enhet, for eksempel `1_300_000 NOK`
# `<` eller `>` på verdier som ikke har noen rekkefølge.
rules-cond-help-ordered = bare tall, mengder og datoer kan ordnes
# En betingelse nøstet for dypt; `max` er grensen.
rules-cond-help-too-deep = parenteser, `not` og kjedet regning (`a + b + c`) teller hver som et nivå; en betingelse kan nøstes høyst { $max } nivåer (en fast grense): gi en mengde et navn, eller del opp regelen
