# Ord som deles av diagnosene for alle inndata (modeller, regelpakker, rammelab.toml).

# Etiketten på stedet for en feil som ikke har noen bedre.
diag-label-here = her
# Binder sammen de to siste i en liste: `a`, `b` eller `c`.
diag-or = eller
diag-and = og
# Hjelpen når et nært ord finnes.
diag-did-you-mean = mente du `{ $suggestion }`?
# Overskriften over alle feilene i én fil.
diag-summary = `{ $path }` har { $count } feil

## Etiketter på et annet sted i filen

diag-note-next-item = neste element starter her
diag-note-first-defined = først definert her
diag-note-first-model = den første `modell`-blokken
diag-note-first-set = først satt her
diag-note-depends-on = `{ $from }` avhenger av `{ $to }`
diag-note-resource-is = ressursen er `{ $term }`
