# Kommandolinjens egne meldinger (src/cli).

# Overskriften under feilene i en konfigurasjonsfil.
cli-config-errors = rammelab: { $count } feil i `{ $file }`

# `rammelab check` fant ingen modellfil; `paths` er listen, hver i backticks.
cli-no-models = rammelab: fant ingen modellfiler (`*.lsm`) i { $paths }

# `rammelab report` fant ingen modellfil under stiene.
cli-no-models-report = rammelab: fant ingen modellfiler (`*.lsm`) under stiene som ble gitt

# GitHub-sammendraget (`$GITHUB_STEP_SUMMARY`) kunne ikke skrives; `error` er systemets grunn.
cli-step-summary-failed = rammelab: advarsel: kunne ikke skrive sammendraget til `{ $path }`: { $error }

# En fil kunne ikke skrives (`--fix`, `fmt`); `message` sier hvorfor.
cli-write-failed = feil: { $message }

# En fil gitt med `-o` kunne ikke skrives; `message` sier hvorfor.
cli-output-failed = rammelab: { $message }

# `--fix` eller `--diff` med en modell på standard inn.
cli-fix-stdin = rammelab: `--fix` og `--diff` retter filer, ikke standard inn (`-`)

# `rammelab fmt` skrev ikke filen fordi den formaterte teksten ville bety noe annet.
cli-fmt-changes-meaning = feil: å formatere `{ $path }` ville endre hva filen sier; filen er latt være som den var (dette er en feil i rammelab)

# `rammelab rules show ID` med en id ingen regel har.
cli-rule-unknown = rammelab: ingen regel har id-en `{ $id }`.
# Det samme, med den nærmeste id-en som finnes.
cli-rule-unknown-suggest = rammelab: ingen regel har id-en `{ $id }`. Mente du `{ $suggestion }`?

# `rammelab studio MAPPE` der MAPPE ikke er en mappe.
cli-studio-not-folder = rammelab: `{ $dir }` er ikke en mappe
# Studioet har startet; `url` er adressen.
cli-studio-running = rammelab studio kjører på { $url } (Ctrl+C avslutter)
# Studioet kunne ikke lytte på adressen.
cli-studio-start-failed = rammelab: kunne ikke starte studioet på { $ip }:{ $port }: { $error }
# `--bind` på en adresse andre maskiner når, med endringer tillatt.
cli-studio-exposed = rammelab: advarsel: studioet lytter på { $ip }. Alle maskiner som når denne adressen kan lese modellene i mappen og, med sesjonsnøkkelen fra siden, endre dem. Bruk --read-only for å vise dem uten å kunne endre.
# Det samme med `--read-only`.
cli-studio-exposed-read-only = rammelab: advarsel: studioet lytter på { $ip }. Alle maskiner som når denne adressen kan lese modellene i mappen.
# `--open` kunne ikke starte nettleseren; `program` er åpneren (xdg-open, open, explorer).
cli-studio-open-failed = rammelab: { $program } { $url }: mislyktes

# En utdata (lab- eller rapportside) kunne ikke lages; `error` sier hvorfor.
cli-render-failed = rammelab: { $error }

## En kommandolinje som ikke kan leses (src/cli/parse_error.rs). `arg` er et valg slik
## bruksmåten skriver det (`--at <DATO>`); verdier og navn står i backticks.

# Første linje; `message` er en av tekstene under.
cli-parse-error = feil: { $message }
# Et argument ingen kommando tar.
cli-parse-unknown-argument = uventet argument `{ $arg }`
# Et valg gitt uten verdien sin.
cli-parse-missing-value = `{ $arg }` trenger en verdi, men ingen ble gitt
# En verdi valget ikke tar.
cli-parse-invalid-value = ugyldig verdi `{ $value }` for `{ $arg }`
# En verdi valgets egen leser avviste; `reason` sier hvorfor.
cli-parse-bad-value = ugyldig verdi for `{ $arg }`: { $reason }
# `--at` med noe som ikke er en dato.
cli-parse-bad-date = `{ $value }` er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, for eksempel 2027-01-01
# `--max-file-size` med noe som ikke er en størrelse.
cli-parse-bad-size = `{ $value }` er ikke en størrelse; skriv den for eksempel som `64MiB` eller `1000000`
# Verdiene et valg tar, på linjen under meldingen; `values` er en liste i backticks.
cli-parse-possible-values = mulige verdier: { $values }
# En kommando som ikke finnes.
cli-parse-unknown-command = ukjent kommando `{ $command }`
# En kommando som trenger en kommando etter seg; `commands` er en liste i backticks.
cli-parse-missing-command = `{ $command }` trenger en kommando: { $commands }
# Påkrevde argumenter som ikke ble gitt; `args` er en liste i backticks.
cli-parse-missing-arguments = { $count ->
        [one] dette argumentet er påkrevd: { $args }
       *[other] disse argumentene er påkrevd: { $args }
    }
# Et valg gitt to ganger som bare kan gis én gang.
cli-parse-given-twice = `{ $arg }` kan bare gis én gang
# To valg som ikke kan brukes sammen; `other` er en liste i backticks.
cli-parse-conflict = `{ $arg }` kan ikke brukes sammen med { $other }
# Et valg der verdien må stå etter et likhetstegn.
cli-parse-no-equals = `{ $arg }` trenger verdien sin etter et likhetstegn (`{ $arg }=…`)
# En verdi for mye.
cli-parse-too-many-values = uventet verdi `{ $value }` for `{ $arg }`; det tar ikke flere
# Et valg med feil antall verdier.
cli-parse-number-of-values = `{ $arg }` tar { $expected } { $expected ->
        [one] verdi
       *[other] verdier
    }, men { $given } ble gitt
# Et argument som ikke er gyldig UTF-8.
cli-parse-not-utf8 = et argument er ikke gyldig UTF-8
# Et annet problem; `reason` er clap sine egne ord.
cli-parse-unreadable = kommandolinjen kunne ikke leses: { $reason }
# Forslaget under meldingen; `suggestions` er en liste i backticks.
cli-parse-did-you-mean = tips: mente du { $suggestions }?
# Et argument som ser ut som et valg, men var ment som en verdi.
cli-parse-tip-as-value = tips: for å gi `{ $arg }` som en verdi, skriv `{ $write }`
# En kommando skrevet etter `--`.
cli-parse-tip-remove-dashes = tips: `{ $command }` er en kommando; fjern `--` foran den for å bruke den
# Et tips fra clap som rammelab ikke kjenner, med clap sine ord.
cli-parse-tip = tips: { $tip }
# Siste linje; `flag` er `--help`.
cli-parse-more = For mer informasjon, prøv `{ $flag }`.

## `rammelab rules test` (src/cli/rules_cmd.rs).

# En test som feilet; `fires` er `true` når testen sier at regelen skal slå til, `problem` en av tekstene under.
cli-rules-test-fail = FEIL { $rule } — { $test } (skal { $fires ->
        [true] slå til
       *[false] være stille
    }, per { $at }): { $problem }
# Regelen slo til, men ikke på det testen nevner; `fired_on` er en liste i backticks.
cli-rules-test-fired-elsewhere = ventet at den skulle slå til på `{ $subject }`, den slo til på { $fired_on }
# Regelen skulle ha slått til og gjorde det ikke.
cli-rules-test-stayed-silent = ventet at den skulle slå til, den var stille
# Regelen skulle ha vært stille og slo til.
cli-rules-test-fired = ventet at den skulle være stille, den slo til på { $fired_on }
# Testens dato er utenfor tiden regelen gjelder; `in_force` er et tidsrom.
cli-rules-test-not-in-force = regelen gjelder ikke per { $at } (gjelder { $in_force })
# Testens modell har feil; `diagnostic` er feilen, på linjene under.
cli-rules-test-bad-model = testens modell kan ikke løses opp:
    { $diagnostic }
# Regler uten en test som sier at de slår til; `ids` er en kommaseparert liste.
cli-rules-test-without-firing = { $count ->
        [one] regel uten en test der den slår til
       *[other] regler uten en test der de slår til
    } ({ $count }): { $ids }
# Regler uten en test som sier at de er stille.
cli-rules-test-without-silent = { $count ->
        [one] regel uten en test der den er stille
       *[other] regler uten en test der de er stille
    } ({ $count }): { $ids }
# Regler som ikke slår til på noen av modellene i `--models`; `models` er hvor mange de er.
cli-rules-test-never-fired = { $count ->
        [one] regel som ikke slår til
       *[other] regler som ikke slår til
    } på { $models ->
        [one] den ene modellen
       *[other] noen av de { $models } modellene
    } ({ $count }): { $ids }
# Siste linje.
cli-rules-test-summary = regler: { $rules } { $rules ->
        [one] regel
       *[other] regler
    }, { $tests } { $tests ->
        [one] test
       *[other] tester
    }: { $passed } bestått, { $failed } feilet

## `rammelab man` (src/cli/docs_cmd.rs); `error` er systemets grunn.

# Sidene kunne ikke skrives til mappen.
cli-man-write-failed = rammelab: kunne ikke skrive man-sidene til `{ $dir }`: { $error }
# Siden kunne ikke lages.
cli-man-render-failed = rammelab: kunne ikke lage man-siden: { $error }
