# Ord som deles av diagnosene for alle inndata (modeller, regelpakker, rammelab.toml).

# Etiketten på stedet for en feil som ikke har noen bedre.
diag-label-here = her
# Binder sammen de to siste i en liste: `a`, `b` eller `c`.
diag-or = eller
diag-and = og
