# Feil i varianter (`utvider`, `fjern`, `endre`; src/messages/variant.rs).

variant-project = prosjektet er den nærmeste mappen over modellen med `rammelab.toml` eller `.git` (uten en slik: mappen som er oppgitt på kommandolinjen)
variant-absolute = `{ $path }` er en absolutt sti: en modell kan bare utvide modellfiler i sitt eget prosjekt, oppgitt fra mappen den ligger i
variant-absolute-label = absolutt sti
variant-absolute-help = skriv stien fra mappen denne filen ligger i, for eksempel `"../../paa-doerterskelen.lsm"`; { variant-project }
variant-outside-project = `{ $path }` fører ut av prosjektet: en modell kan bare utvide modellfiler i sitt eget prosjekt
variant-outside-project-label = utenfor prosjektet
variant-outside-project-help = kopier grunnmodellen inn i prosjektet; { variant-project }; symbolske lenker følges før dette sjekkes
variant-not-a-file = `{ $path }` er { $what }: en modell kan bare utvide vanlige modellfiler (`*.lsm`)
variant-not-a-file-label = ikke en vanlig fil
variant-not-a-file-help = oppgi selve filen til grunnmodellen
variant-link-not-model = `{ $path }` fører gjennom en symbolsk lenke til en fil som ikke er en modellfil: en modell kan bare utvide filer som slutter på `.lsm`
variant-not-lsm-label = ikke en `*.lsm`-fil
variant-link-not-model-help = oppgi selve filen til grunnmodellen, ikke en lenke til en annen slags fil
variant-base-missing = grunnmodellen `{ $path }` kan ikke leses
variant-unknown-base-label = ukjent grunnmodell
variant-extends-not-first = `utvider` må stå først i en variant
variant-extends-not-first-label = ikke første linje
variant-extends-not-first-help = flytt `utvider "..."` øverst i filen, over alle elementer, `fjern` og `endre`
variant-extends-twice = en variant utvider én modell, men denne filen har en `utvider` til
variant-extends-twice-label = andre `utvider`
variant-extends-twice-help = for å kombinere to endringer, la den ene varianten utvide den andre
variant-without-extends = `{ $keyword }` hører hjemme i en variant, men denne filen utvider ingen modell
variant-without-extends-label = ingen `utvider` over
variant-without-extends-help = start filen med `utvider "grunnmodell.lsm"` for å gjøre den til en variant av den modellen
variant-unknown-base = grunnmodellen `{ $path }` kan ikke leses: { $reason }
variant-unknown-base-help = stien regnes fra mappen denne filen ligger i, for eksempel `"../../paa-doerterskelen.lsm"`
variant-base-not-model = `{ $path }` er ikke en modellfil
variant-base-not-model-help = en variant utvider en modellfil som slutter på `.lsm`
variant-outside-tree = `{ $path }` ligger utenfor mappetreet til denne varianten: en variant må ligge i grunnmodellens mappe eller under den
variant-outside-tree-label = utenfor treet
variant-outside-tree-help = legg varianten i en mappe under grunnmodellen, for eksempel `variants/<modell>/`
variant-extends-cycle = modeller utvider hverandre i ring: { $cycle }
variant-extends-cycle-label = fører tilbake hit
variant-extends-cycle-help = en variant kan ikke utvide seg selv, heller ikke gjennom andre: fjern en av disse `utvider`
variant-invalid-base = grunnmodellen `{ $path }` har { $count } feil
variant-invalid-base-label = grunnmodellen kan ikke leses
variant-invalid-base-help = rett opp grunnmodellen først; feilene der står etter denne
variant-remove-missing = grunnmodellen har ikke noe element `{ $id }` å fjerne
variant-not-in-base-label = finnes ikke i grunnmodellen
variant-change-missing = grunnmodellen har ikke noe element `{ $id }` å endre
variant-change-missing-help = skriv et nytt element helt ut i stedet for `endre`
# $count er antallet i $by; verbet bøyes ikke i tall på bokmål, men engelsk trenger det.
variant-still-referenced = `{ $id }` kan ikke fjernes: { $by } { $count ->
       *[other] viser
    } fortsatt til det
variant-still-referenced-label = fortsatt i bruk
variant-still-referenced-help = fjern dem også, eller `endre` dem så de ikke lenger viser til det
variant-already-in-base = grunnmodellen har allerede et element `{ $id }`
variant-already-in-base-label = finnes i grunnmodellen
variant-already-in-base-help = for å endre det, skriv `endre { $id } {"{"} ... {"}"}` med feltene som skal byttes; for å bytte det helt, `fjern { $id }` først
variant-twice = `{ $id }` fjernes eller endres mer enn én gang
variant-twice-label = igjen
variant-twice-help = samle alle endringer av et element i én `endre`-blokk, og ikke endre et element du fjerner
