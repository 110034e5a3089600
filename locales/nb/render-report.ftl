# The words of the lab report (`rammelab report`) that do not come from a model or a rule
# file. The templates read them as `t.<name>`, the name being the key after `report-` with
# `_` for `-`.

report-report-title = Barrierrapport
report-lang-code = nb
report-intro = Modellen holdt opp mot rammebetingelsene (lover, forskrifter, tilskuddsregler) slik de står på datoen nedenfor: hva som stenger, hva som åpner, og hvordan barrierene forplanter seg gjennom modellen.
report-intro-several = Modellene holdt opp mot rammebetingelsene (lover, forskrifter, tilskuddsregler) slik de står på datoen nedenfor: hva som stenger, hva som åpner, og hvordan barrierene forplanter seg gjennom hver modell.
report-generated-by = Laget med rammelab
report-contents = Innhold

## The model

report-model = Modell
report-file = Fil
report-municipality = Kommune
report-challenge = Utfordring
report-horizon = Horisont
report-law-at = Regelverket lest per
report-rule-packs = Regelpakker
report-version = versjon
report-not-given = ikke oppgitt

## Summary

report-summary = Sammendrag
report-services = Tjenester
report-services-lc = tjenester
report-blocked-n = blokkert
report-at-risk-n = i risiko
report-ok-n = ok
report-h-blocked = Blokkert
report-h-at-risk = I risiko
report-h-ok = Ok
report-h-unmitigated = Uten avbøting
report-of = av
report-top-barriers = De viktigste barrierene
report-no-blocking = Ingen barriere blokkerer en tjeneste.
report-blocks-n-services = blokkerer
report-service-one = tjeneste
report-service-many = tjenester
report-barriers = Barrierer
report-opportunities = Muligheter
report-unmitigated-short = uten avbøtende mulighet

## Graph

report-graph = Avhengighetsgraf
report-graph-note = Pilene går den veien en barriere forplanter seg: fra hjemmel til funn, fra funn til flyt eller aktør, videre til tjenestene som trenger dem.
report-graph-print-note = På papir vises bare veiene barrierene går, fra barrieren til tjenestene den når; hele grafen, med hjemler og muligheter, er i nettleserversjonen av rapporten og i `rammelab graph`.

## Services

report-service = Tjeneste
report-status = Status
report-why = Forklaring
report-status-blocked = blokkert
report-status-at-risk = i risiko
report-status-ok = ok
report-no-services = Modellen har ingen tjenester.
report-path-clear = ingen barriere på veien
report-show = Vis
report-all = alle

## Relations on a path

report-rel-depends-on = avhenger av
report-rel-requires = krever
report-rel-provider = leveres av
report-rel-receives = mottar
report-rel-via = via
report-on-itself = på selve tjenesten
report-also = også

## Barriers

report-on = Gjelder
report-blocks = Blokkerer
report-puts-at-risk = Setter i risiko
report-no-service-reached = ingen tjeneste
report-source = Hjemmel
report-not-verified = ikke verifisert
report-not-verified-long = regelen er ikke kontrollert mot lovteksten
report-severity = Alvorlighet
report-severity-error = feil
report-severity-warning = advarsel
report-severity-info = info
report-effect-blocks = blokkerer
report-effect-risk = risiko
report-effect-mitigated = avbøtet
report-message = Funn
report-remedy = Tiltak
report-mitigated-by = Avbøtes av
report-refused-by = Kan ikke avbøtes av
report-none = ingen
report-no-barriers = Ingen barrierer.

## Opportunities

report-opens = Åpner
report-mitigates = avbøter
report-supports = støtter
report-no-opportunities = Ingen muligheter.

## Unmitigated, unlock

report-unmitigated = Barrierer ingen mulighet avbøter
report-all-mitigated = Alle barrierer har minst én avbøtende mulighet.
report-unlock = Rekkefølge for å løse opp
report-unlock-note = Fjern barrierene i denne rekkefølgen, så blir flest mulig tjenester frigjort så tidlig som mulig.
report-remove = Fjern
report-unblocks = frigjør
report-unblocks-nothing-yet = frigjør ingen tjeneste alene ennå
report-nothing-to-unlock = Ingen tjeneste er blokkert.

## What-if

report-whatif = Hva om

## Appendix

report-appendix = Vedlegg: regler som ble vurdert
report-appendix-note = Alle regler i kraft på datoen, også de som ikke slo til: det som ble sjekket og funnet i orden.
report-rule = Regel
report-kind = Type
report-result = Resultat
report-kind-barrier = barriere
report-kind-opportunity = mulighet
report-fired-on = slo til på
report-clear = klar
report-evaluated-n = regler vurdert
report-fired-n = slo til
report-exempted = Satt til side av unntak

## Several models

report-comparison = Sammenligning
report-models = modeller

## Keys of findings in the report (B1, B2, …; M1, M2, …)

# The letter in front of an opportunity's number (a barrier's is B in both languages).
report-opportunity-letter = M
