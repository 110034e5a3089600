# The words of the drawings (`rammelab graph`: DOT, Mermaid, SVG, JSON) and their legend.

## What a node is.

graph-kind-actor = aktør
graph-kind-service = tjeneste
graph-kind-flow = flyt
graph-kind-agreement = avtale
graph-kind-barrier = barriere
graph-kind-opportunity = mulighet
graph-kind-source = rettskilde

## What a barrier does, under its kind.

graph-barrier-blocks = blokkerer
graph-barrier-mitigated = avhjulpet
graph-barrier-warning = advarsel

## The words on the lines.

graph-edge-party = part
graph-edge-required-by = kreves av
graph-edge-needed-by = trengs av
graph-edge-provides = leverer
graph-edge-for = for
graph-edge-threatens = truer
graph-edge-blocks = blokkerer
graph-edge-mitigates = avhjelper
graph-edge-supports = åpner for

## Titles. $model: the model's name; $at: the date the law is read at; $service: the service
## the drawing ends in; $part and $parts: which of how many drawings (for paper).

graph-title = { $model } (rammebetingelser per { $at })
graph-title-ends-in = Barrierenes vei til «{ $service }» ({ $model })
graph-title-ends-in-part = Barrierenes vei til «{ $service }» ({ $model }, del { $part } av { $parts })
graph-title-reaches-no-service = Barrierer som ikke når noen tjeneste ({ $model })
graph-nothing-to-draw = Ingenting å tegne.

## The legend. $kind: a node's kind (graph-kind-service).

graph-legend-service-ok = { $kind } ok
graph-legend-service-at-risk = { $kind } i risiko
graph-legend-service-blocked = { $kind } blokkert
graph-legend-blocking-barrier = barriere som blokkerer
graph-legend-mitigated-barrier = avhjulpet barriere eller advarsel
graph-legend-blocks = blokkerer
graph-legend-threatens = truer
graph-legend-mitigates = avhjelper
graph-legend-legal-basis = hjemmel
