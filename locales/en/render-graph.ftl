# The words of the drawings (`rammelab graph`: DOT, Mermaid, SVG, JSON) and their legend.

## What a node is.

graph-kind-actor = actor
graph-kind-service = service
graph-kind-flow = flow
graph-kind-agreement = agreement
graph-kind-barrier = barrier
graph-kind-opportunity = opportunity
graph-kind-source = legal source

## What a barrier does, under its kind.

graph-barrier-blocks = blocks
graph-barrier-mitigated = mitigated
graph-barrier-warning = warning

## The words on the lines.

graph-edge-party = party
graph-edge-required-by = required by
graph-edge-needed-by = needed by
graph-edge-provides = provides
graph-edge-for = for
graph-edge-threatens = threatens
graph-edge-blocks = blocks
graph-edge-mitigates = mitigates
graph-edge-supports = supports

## Titles. $model: the model's name; $at: the date the law is read at; $service: the service
## the drawing ends in; $part and $parts: which of how many drawings (for paper).

graph-title = { $model } (framework as of { $at })
graph-title-ends-in = How the barriers reach «{ $service }» ({ $model })
graph-title-ends-in-part = How the barriers reach «{ $service }» ({ $model }, part { $part } of { $parts })
graph-title-reaches-no-service = Barriers that reach no service ({ $model })
graph-nothing-to-draw = Nothing to draw.

## The legend. $kind: a node's kind (graph-kind-service).

graph-legend-service-ok = { $kind } ok
graph-legend-service-at-risk = { $kind } at risk
graph-legend-service-blocked = { $kind } blocked
graph-legend-blocking-barrier = blocking barrier
graph-legend-mitigated-barrier = mitigated barrier or warning
graph-legend-blocks = blocks
graph-legend-threatens = threatens
graph-legend-mitigates = mitigates
graph-legend-legal-basis = legal basis
