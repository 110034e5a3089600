# Feil i rammelab.toml (src/config.rs, src/messages/config.rs). $file er filens navn.

config-error-toml = `{ $file }` er ikke gyldig TOML: { $reason }
config-help-toml = skriv én nøkkel per linje: `nøkkel = verdi`, tekst i anførselstegn
config-error-unknown-key = ukjent nøkkel `{ $key }` i `{ $file }`
config-label-unknown-key = ukjent nøkkel
# $keys lister nøklene filen tar.
config-help-unknown-key = filen tar { $keys }
config-help-unknown-key-suggest = mente du `{ $suggestion }`? Filen tar { $keys }
config-error-bad-value = `{ $key }` kan ikke være `{ $found }`
config-label-bad-value = ugyldig verdi
# $expected er en av config-expected-*-tekstene.
config-help-bad-value = `{ $key }` tar { $expected }
config-expected-date = en dato, for eksempel `2027-01-01`
config-expected-bool = `true` eller `false`
config-expected-paths = en sti eller en liste av stier i anførselstegn, relativt til filen
config-error-unreadable = kunne ikke lese `{ $file }`: { $reason }
