# Språktjenerens egne ord (src/lsp): rammene rundt hover-tekster og titler på kodehandlinger.

lsp-field = Felt
lsp-term = Begrep
lsp-unit = Enhet
lsp-required = påkrevd
lsp-optional = valgfritt
lsp-accepts = Tar
lsp-source = Kilde
lsp-remedy = Slik løser du det
lsp-mitigates = Demper
lsp-mitigated-by = Dempes av
lsp-barrier = Barriere
lsp-opportunity = Mulighet
# Hvor et element er definert, når musen holdes over id-en.
lsp-defined-at = definert i { $file }, linje { $line }
# Legges til en diagnostikk som hører til grunnmodellen til en variant.
lsp-in-base = i grunnmodellen { $file }
lsp-add-field = Legg til det manglende feltet `{ $field }`
lsp-add-agreement = Legg til en avtale (`{ $kind }`) mellom `{ $a }` og `{ $b }`
lsp-rules-not-loaded = rammelab: regelpakkene i innstillingene kunne ikke leses; de innebygde brukes
lsp-settings-unused = rammelab: innstillinger som ikke ble brukt

# En innstilling fra editoren som språktjeneren ikke har.
lsp-setting-unknown = ukjent innstilling `{ $key }`
# En innstilling med en verdi den ikke kan bruke; `value` er verdien som JSON.
lsp-setting-bad-value = innstillingen `{ $key }`: kan ikke bruke { $value }

# Et ord språktjeneren fyller inn der den ikke har noe bedre (verdien til et nytt felt); det må kunne leses som en id.
lsp-placeholder = FYLL_INN
