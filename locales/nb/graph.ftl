# Ordene i analysen av avhengighetsgrafen (src/graph).

# Statusen til en tjeneste, i tabeller, grafer og rapporter.
graph-status-ok = ok
graph-status-at-risk = i risiko
graph-status-blocked = blokkert

# `graph --focus ID` med en id som ingenting i grafen har.
graph-unknown-focus = `{ $id }` er ikke et element, en regel eller en rettskilde i modellen
# Hjelpen under når ingen id ligner.
graph-unknown-focus-help = oppgi id-en til et element i modellen, eller til en regel som slo til
