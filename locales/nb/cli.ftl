# Kommandolinjens egne meldinger (src/cli).

# Overskriften under feilene i en konfigurasjonsfil.
cli-config-errors = rammelab: { $count } feil i `{ $file }`
