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
