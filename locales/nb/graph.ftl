# Ordene i analysen av avhengighetsgrafen (src/graph).

# Statusen til en tjeneste, i tabeller, grafer og rapporter.
graph-status-ok = ok
graph-status-at-risk = i risiko
graph-status-blocked = blokkert
