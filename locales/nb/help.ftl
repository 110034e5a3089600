# `rammelab --help`, lest av src/cli/help.rs. Nøkler: help-<kommando>-about, help-<kommando>-long-about,
# help-<kommando>-arg-<argument> (eller help-arg-<argument> der alle kommandoene sier det samme),
# -long for den lange hjelpen (`--help` heller enn `-h`), -value-<verdi> for én verdi av et argument.
# <kommando> er kommandoens navn under rammelab skilt med -, main for rammelab selv.

help-arg-at = Vurder loven slik den står på denne datoen (ÅÅÅÅ-MM-DD); standard er i dag
help-arg-base = Modellen det sammenlignes med
help-arg-check = Endre ingenting; list filene som ville blitt endret, og avslutt med 1 hvis det er noen
help-arg-color = Når funn og diagnoser skal fargelegges: auto (i en terminal, med mindre NO_COLOR er satt), always (alltid) eller never (aldri)
help-arg-color-value-always = Alltid, også i et rør eller en fil
help-arg-color-value-auto = I en terminal, med mindre `NO_COLOR` er satt
help-arg-color-value-never = Aldri
help-arg-config = Les standardverdiene for valgene fra FILE i stedet for fra nærmeste rammelab.toml
help-arg-dir = Skriv en side for rammelab og én for hver kommando (`rammelab-check.1`, ...) i denne mappen i stedet for å skrive ut hovedsiden
help-arg-explain = Vis under hvert funn hvert steg i regelens vilkår og verdiene det så, og hver vei en barriere blokkerer en tjeneste på (format human)
help-arg-fail-on = Hvilke funn som får sjekken til å feile (avslutningskode 1): barrierer med alvorlighet error, alle barrierer (også advarsler) eller ingen
help-arg-fail-on-value-barrier = Barrierer med alvorlighet `error`
help-arg-fail-on-value-never = Ingenting: bare en modell som ikke lar seg lese, får sjekken til å feile
help-arg-fail-on-value-warning = Alle barrierer, også advarsler
help-arg-focus = Tegn bare det som leder til og fra ett element (eller funnene til én regel)
help-arg-format = Utdataformat
help-arg-help = Skriv ut hjelp (mer med «--help»)
help-arg-help-long = Skriv ut hjelp (et sammendrag med «-h»)
help-arg-id = Regelens id
help-arg-lang = Språk i meldinger og rapporter: nb (bokmål, standard) eller en (engelsk)
help-arg-max-depth = Avvis klammer som er nestet dypere enn dette
help-arg-max-file-size = Avvis modellfiler som er større enn dette (`64MiB`, `512KiB` eller byte)
help-arg-max-items = Avvis modellfiler med flere elementer enn dette
help-arg-max-list-length = Avvis lister med flere verdier enn dette
help-arg-no-appendix = Utelat tabellen over alle regler som ble vurdert, på slutten av hver modell (tallene blir stående): for utskrift av flere modeller
help-arg-no-builtin-rules = Bruk bare regelpakkene gitt med `--rules`, ikke de innebygde
help-arg-no-config = Les ingen rammelab.toml
help-arg-no-step-summary = Ikke legg Markdown-sammendraget til `$GITHUB_STEP_SUMMARY` (for en andre `check` i samme jobb)
help-arg-opportunities = Rapporter også muligheter i CI-formatene (sarif, github, gitlab), som ellers bare rapporterer barrierer, så barrierene ikke drukner blant dem
help-arg-other = Modellen som sammenlignes (for eksempel en variant av BASE). Standard: BASE selv, for å se hva overleggene alene endrer
help-arg-output = Skriv til denne filen i stedet for til standard ut
help-arg-overlay-dirs = En mappe med overlegg (`*.yaml`, kan gjentas), for eksempel `rules/proposals`; `builtin` betyr forslagene som er bygd inn i rammelab. `lab` tar de innebygde forslagene når verken `--overlays` eller `--overlay` er gitt
help-arg-overlay-files = Én overleggsfil (kan gjentas), i tillegg til dem i `--overlays`
help-arg-overlays = Et overlegg (`*.yaml`, kan gjentas): en foreslått, vedtatt eller innvilget endring av rammevilkårene i regelpakkeformatet (nye regler, opphevelser, endrede parametere, unntak), lagt oppå regelpakkene i den gitte rekkefølgen. Se `rules/proposals/`; et forslag som er bygd inn i rammelab, heter `builtin:NAVN` (for eksempel `builtin:ny-forvaltningslov`)
help-arg-quiet = Skriv ingenting når sjekken går gjennom, og ellers bare funnene som får den til å feile (format human)
help-arg-rules = En mappe med regelpakker (`*.yaml`, kan gjentas). Pakkene i den erstatter innebygde pakker med samme `pack:`-id og kommer i tillegg til de andre; en `vocabulary.yaml` i den erstatter vokabularet
help-arg-shell = Skallet det skal fullføres i
help-arg-stdin-filename = Filnavnet en modell lest fra standard inn (`-`) går under: i meldinger og rapporter, og for å finne grunnmodellen til en variant (`extends` er relativ til det)
help-arg-variants = En mappe med varianter av MODEL (`*.lsm`, kan gjentas). Standard: `variants/<navn>/` ved siden av MODEL (for `models/paa-doerterskelen.lsm`: `models/variants/paa-doerterskelen/`)
help-arg-version = Skriv ut versjonen
help-arg-what-if = Legg til en «hva om»-del fra laben (se `rammelab lab`): modellens varianter (som standard `variants/<navn>/` ved siden av den) og eventuelle overlegg som er gitt. Følger av `--variants`, `--overlays` og `--overlay`
help-check-about = Sjekk modeller mot regelpakkene: barrierer, muligheter, blokkerte tjenester
help-check-arg-format-value-concise = Én linje per funn: `fil:linje:kolonne: alvorlighet: tittel [regel]`
help-check-arg-format-value-github = Annoteringer for GitHub Actions (`::error file=...`)
help-check-arg-format-value-gitlab = En Code Quality-rapport for GitLab (JSON), vist i merge requests
help-check-arg-format-value-human = For en person ved en terminal
help-check-arg-format-value-json = Sjekkrapporten (`docs/check-report.schema.json`)
help-check-arg-format-value-junit = JUnit XML: en testsuite per modell, et testtilfelle per regel
help-check-arg-format-value-sarif = SARIF 2.1.0, for kodeskanning (GitHub, GitLab, Azure DevOps)
help-check-arg-paths = Modellfiler (`*.lsm`) eller mapper de skal letes etter i (rekursivt); `-` leser en modell fra standard inn
help-check-long-about =
    Sjekk modeller mot regelpakkene: barrierer, muligheter, blokkerte tjenester.

    Avslutningskoder: 0 når ingen funn er på eller over `--fail-on`, 1 når ett er det, 2 når en modell eller kallet er feil.
help-completions-about = Skriv ut et fullføringsskript for et skall (bash, zsh, fish, elvish, powershell)
help-diff-about = Hva som endres mellom to modeller (en modell og en variant av den), med overlegg lagt på OTHER: funn som kommer, forsvinner eller endres, og tjenester som endrer status. Avslutter med 0 når OTHER ikke er verre enn BASE, 1 når den blokkerer mer, 2 ved feil inndata
help-explain-about = Forklar en regel: hva den ser på, når den slår til, kilden dens
help-fmt-about = Skriv modellfiler om til det kanoniske oppsettet
help-fmt-arg-force = Erstatt også skrivebeskyttede filer (de forblir skrivebeskyttet). Uten dette blir en skrivebeskyttet fil stående som den er, med en feil
help-fmt-arg-lang = Språk i meldinger
help-fmt-arg-paths = Modellfiler (`*.lsm`) eller mapper de skal letes etter i
help-fmt-long-about =
    Skriv modellfiler om til det kanoniske oppsettet.

    To mellomrom innrykk, ett felt per linje, én tom linje mellom elementer. Kommentarer og filens egne ord (engelske eller norske) beholdes. En fil med syntaksfeil blir stående som den er (avslutningskode 2). Med `--check` skrives ingenting: filene som ville blitt endret, listes, og avslutningskoden er 1 hvis det er noen.
help-graph-about = Tegn barrierenes avhengighetsgraf for en modell: DOT, Mermaid, JSON eller SVG
help-graph-arg-format-value-dot = Graphviz DOT (`| dot -Tsvg > graph.svg`)
help-graph-arg-format-value-json = Noder, kanter og analysene (tjenestestatus, rotbarrierer, rekkefølge for å låse opp) som JSON
help-graph-arg-format-value-mermaid = Et Mermaid-flytdiagram, for Markdown på GitHub
help-graph-arg-format-value-svg = Et SVG-bilde tegnet av rammelab selv
help-graph-arg-model = Modellfilen (`*.lsm`)
help-graph-long-about =
    Tegn barrierenes avhengighetsgraf for en modell: DOT, Mermaid, JSON eller SVG.

    Aktører, tjenester, flyter, avtaler, barrierene og mulighetene som finnes på `--at`, og de rettslige kildene de hviler på, fra venstre mot høyre fra lov til mennesker. En tjeneste er blokkert når en barriere med alvorlighet error som ikke er avbøtt, ligger på den, på leverandøren, på en flyt eller avtale den krever, på en flyt inn i den eller (gjennom kjeden) på en tjeneste den avhenger av; i faresonen når bare advarsler eller avbøtte barrierer gjør det. Se docs/graph.md.
help-help-about = Skriv ut denne meldingen eller hjelpen til den gitte kommandoen
help-lab-about = Hva om-laben: modellen, hver variant, hvert overlegg og hver variant under hvert overlegg, rangert etter hvor mye hver låser opp; og for hver barriere den ene endringen i settet som fjerner den
help-lab-arg-model = Modellen det startes fra
help-main-about = Holder nye samfunnsmodeller opp mot norske rammevilkår og rapporterer barrierer og muligheter som en avhengighetsgraf.
help-man-about = Skriv ut man-siden (eller skriv sidene til alle kommandoene i en mappe)
help-report-about = Barriererapporten for en lab-økt: Markdown eller én selvstendig HTML-side, på bokmål eller engelsk, med avhengighetsgrafen tegnet
help-report-arg-force = Erstatt `-o`-filen også når den er skrivebeskyttet (den forblir skrivebeskyttet)
help-report-arg-format = `md` (Markdown, grafen som en Mermaid-blokk) eller `html` (én selvstendig side). Standard: fra filendelsen til `-o` (`.html`, `.htm`), ellers `md`
help-report-arg-format-value-html = Én selvstendig HTML-side (CSS og SVG innebygd)
help-report-arg-format-value-md = Markdown (GitHub/GitLab, Mermaid-graf)
help-report-arg-models = Modellfiler (`*.lsm`) eller mapper de skal letes etter i. Flere modeller gir én rapport med en del per modell og en sammenligningstabell
help-report-arg-output = Skriv rapporten til denne filen (atomisk: en leser ser aldri en halv rapport) i stedet for til standard ut
help-rules-about = Regelpakkene: list dem, vis én, kjør testene deres
help-rules-list-about = List alle regler: id, type, lov, paragraf, i kraft
help-rules-show-about = Vis én regel i sin helhet
help-rules-test-about = Kjør reglenes egne tester og skriv ut dekningen
help-rules-test-arg-models = Modeller dekningen skal måles på («regler som aldri slo til»); standard er `models/` hvis den finnes
help-vocab-about = Skriv ut vokabularet: felt, termer og enheter
help-vocab-arg-format-value-md = Markdown-tabeller, som i språkguiden
help-vocab-arg-format-value-yaml = Selve vokabularfilen
help-vocab-arg-lang = Språk i overskrifter, etiketter og beskrivelser
help-vocab-long-about =
    Skriv ut vokabularet: felt, termer og enheter.

    Feltene hver elementtype tar, termene hvert felt godtar, og enhetene, med norske alias og beskrivelser.

## clap sine egne ord rundt tekstene over

help-heading-usage = Bruk:
help-heading-commands = Kommandoer
help-heading-arguments = Argumenter
help-heading-options = Valg
help-value-options = [VALG]
help-value-command = KOMMANDO
help-heading-possible-values = [mulige verdier: { $values }]
help-heading-possible-values-list = Mulige verdier:
help-heading-default = [standard: { $value }]
help-heading-env = [miljøvariabel: { $name }]
help-check-arg-fix = Rett feilene som har ett klart forslag (et ukjent felt, begrep, enhet, id eller nøkkelord) i selve filen, og sjekk deretter; det som ble endret, listes på standard feil
help-check-arg-diff = Vis rettelsene `--fix` ville gjort som en samlet diff, uten å skrive noe (avslutningskode 1 når noe kan rettes)
help-check-arg-force = Med `--fix`: erstatt også skrivebeskyttede filer (de forblir skrivebeskyttet)
help-fmt-arg-diff = Vis endringene som en samlet diff, uten å skrive noe (avslutningskode 1 når noe ville endret seg)
help-lsp-about = Språktjeneren for redigeringsprogrammer, over standard inn og ut (se docs/editors.md)
help-lsp-arg-stdio = Snakk over standard inn og ut (den eneste transporten; godtas fordi redigeringsprogrammer sender den)
help-studio-about = Kjør lab-økten i en nettleser: modellene i DIR, levende mens de skrives
help-studio-arg-port = Porten studioet lytter på (0: en ledig port)
help-studio-arg-open = Åpne adressen i standard nettleser
help-studio-arg-bind = Adressen studioet lytter på (standard: bare denne maskinen, 127.0.0.1). En annen adresse gjør modellene synlige for andre på nettet
help-studio-arg-read-only = Bare visning (presentasjon): ingen endring eller lagring fra siden

# The names of arguments' values in usage lines and help (`<FILE>`).
help-value-name-address = ADRESSE
help-value-name-base = GRUNNLAG
help-value-name-date = DATO
help-value-name-dir = MAPPE
help-value-name-file = FIL
help-value-name-format = FORMAT
help-value-name-id = ID
help-value-name-lang = SPRÅK
help-value-name-level = NIVÅ
help-value-name-model = MODELL
help-value-name-n = N
help-value-name-name = NAVN
help-value-name-path = STI
help-value-name-port = PORT
help-value-name-shell = SKALL
help-value-name-size = STØRRELSE
help-value-name-when = NÅR
