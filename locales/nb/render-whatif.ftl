# The words of the what-if tables (`rammelab diff`, `rammelab lab`) and what they share.

diff-better = bedre
diff-the-same = likt
diff-mixed-but-no-worse = blandet, men ikke verre
diff-worse-blocks-more = verre: blokkerer mer
diff-opportunity = mulighet
diff-on = på
diff-the-condition-no-longer-holds = vilkåret holder ikke lenger
diff-the-rule-is-not-in-force = regelen gjelder ikke
diff-no-longer-mitigated = ikke lenger avbøtet
diff-the-message-changed = meldingen er endret
diff-absent = (finnes ikke)
diff-overlays = rammeendringer:
diff-at = per
diff-base = fra:
diff-other = til:
diff-services = Tjenester
diff-no-service-changes-status = ingen tjeneste endrer status
diff-gone = Borte
diff-new = Nye
diff-changed = Endret
diff-barriers = Barrierer
diff-blocking = blokkerende
diff-services-blocked = blokkerte tjenester
diff-verdict = Vurdering
diff-what-changes = Hva endres
diff-base-md = Fra:
diff-other-md = Til:
diff-no-service-changes-status-md = Ingen tjeneste endrer status.
diff-service = Tjeneste
diff-before = Før
diff-after = Etter
diff-kind = Art
diff-rule = Regel
diff-subject = Gjelder
diff-source = Kilde
diff-title = Tittel
lab-baseline = utgangspunkt
lab-variant = variant
lab-overlay = rammeendring
lab-combination = kombinasjon
lab-proposed = foreslått
lab-passed-not-in-force = vedtatt, ikke i kraft
lab-granted = innvilget
lab-changes-nothing = endrer ingenting
lab-no-change-in-this-set-removes = ingen endring i dette settet fjerner den
lab-change = endring
lab-kind = art
lab-blocked = blokkert
lab-at-risk = i risiko
lab-barriers = barrierer
lab-blocking = blokkerende
lab-unblocks = låser opp
lab-no-change = (ingen endring)
lab-no-change-in-this-set-unblocks = Ingen endring i dette settet låser opp alle blokkerte tjenester.
lab-only-in-combination = {" "}(bare i kombinasjon)
lab-what-if-lab = Hva om-lab:
lab-at = per
lab-services = Tjenester
lab-each-barrier-of-the-baseline-and = Barrierene i utgangspunktet, og enkeltendringen som fjerner hver av dem
lab-no-barriers = ingen barrierer
lab-on = på
lab-hits = rammer
lab-removed-by = fjernes av
lab-variants-heading = Varianter
lab-overlays-heading = Rammeendringer
lab-model = Modell
lab-barriers-and-the-single-change-that = Barrierer og enkeltendringen som fjerner dem
lab-no-barriers-sentence = Ingen barrierer.
lab-barrier = Barriere
lab-subject = Gjelder
lab-source = Kilde
lab-hits-md = Rammer
lab-removed-by-md = Fjernes av
table-error = feil
table-warning = advarsel

# The line under the lab's table: how many variants, overlays and rows it has.
lab-counts = { $variants } { $variants ->
        [one] variant
       *[other] varianter
    }, { $overlays } { $overlays ->
        [one] rammeendring
       *[other] rammeendringer
    }: { $rows } { $rows ->
        [one] rad
       *[other] rader
    }

## Notes of the lab (`rammelab lab`). $date: the day an overlay holds from; $at: the date the
## law is read at; $list: rule ids; $count: how many; $overlay: an overlay's name.

lab-holds-from-idle = gjelder fra { $date }, men endrer ingenting for denne modellen
lab-holds-from = gjelder fra { $date }
lab-no-effect-yet = ingen virkning per { $at }: endringene gjelder fra { $date } (prøv --at { $date })
lab-no-effect-over = ingen virkning per { $at }: perioden er over
# $id: a rule; $added: the barriers the change brings.
lab-but-brings = { $id } (men gir { $added })
lab-no-single-change = ingen enkeltendring; kombinasjoner: { $list }
lab-unblocks-all = { $count ->
        [one] Låser opp den blokkerte tjenesten: { $list }
       *[other] Låser opp alle { $count } blokkerte tjenester: { $list }
    }
lab-folded = { $count } { $count ->
        [one] kombinasjon er
       *[other] kombinasjoner er
    } utelatt fordi rammeendringen ikke endrer noe for varianten

## Why a finding is gone or changed (`rammelab diff`). $subject: an item id.

diff-exempted = unntatt ved rammeendringen `{ $overlay }`
diff-repealed = regelen gjelder ikke lenger (opphevet ved `{ $overlay }`)
diff-subject-removed = `{ $subject }` finnes ikke i den andre modellen
diff-now-mitigated-by = nå avbøtet av { $list }
diff-mitigated-by = avbøtet av { $list }
