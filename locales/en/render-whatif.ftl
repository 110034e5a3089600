# The words of the what-if tables (`rammelab diff`, `rammelab lab`) and what they share.

diff-better = better
diff-the-same = the same
diff-mixed-but-no-worse = mixed, but no worse
diff-worse-blocks-more = worse: blocks more
diff-opportunity = opportunity
diff-on = on
diff-the-condition-no-longer-holds = the condition no longer holds
diff-the-rule-is-not-in-force = the rule is not in force
diff-no-longer-mitigated = no longer mitigated
diff-the-message-changed = the message changed
diff-absent = (absent)
diff-overlays = overlays:
diff-at = at
diff-base = base:{" "}
diff-other = other:
diff-services = Services
diff-no-service-changes-status = no service changes status
diff-gone = Gone
diff-new = New
diff-changed = Changed
diff-barriers = Barriers
diff-blocking = blocking
diff-services-blocked = services blocked
diff-verdict = Verdict
diff-what-changes = What changes
diff-base-md = Base:
diff-other-md = Other:
diff-no-service-changes-status-md = No service changes status.
diff-service = Service
diff-before = Before
diff-after = After
diff-kind = Kind
diff-rule = Rule
diff-subject = Subject
diff-source = Source
diff-title = Title
lab-baseline = baseline
lab-variant = variant
lab-overlay = overlay
lab-combination = combination
lab-proposed = proposed
lab-passed-not-in-force = passed, not in force
lab-granted = granted
lab-changes-nothing = changes nothing
lab-no-change-in-this-set-removes = no change in this set removes it
lab-change = change
lab-kind = kind
lab-blocked = blocked
lab-at-risk = at risk
lab-barriers = barriers
lab-blocking = blocking
lab-unblocks = unblocks
lab-no-change = (no change)
lab-no-change-in-this-set-unblocks = No change in this set unblocks every blocked service.
lab-only-in-combination = {" "}(only in combination)
lab-what-if-lab = What-if lab:
lab-at = at
lab-services = Services
lab-each-barrier-of-the-baseline-and = Each barrier of the baseline, and the single change that removes it
lab-no-barriers = no barriers
lab-on = on
lab-hits = hits
lab-removed-by = removed by
lab-variants-heading = Variants
lab-overlays-heading = Overlays
lab-model = Model
lab-barriers-and-the-single-change-that = Barriers and the single change that removes each
lab-no-barriers-sentence = No barriers.
lab-barrier = Barrier
lab-subject = Subject
lab-source = Source
lab-hits-md = Hits
lab-removed-by-md = Removed by
table-error = error
table-warning = warning

# The line under the lab's table: how many variants, overlays and rows it has.
lab-counts = { $variants } { $variants ->
        [one] variant
       *[other] variants
    }, { $overlays } { $overlays ->
        [one] overlay
       *[other] overlays
    }: { $rows } { $rows ->
        [one] row
       *[other] rows
    }

## Notes of the lab (`rammelab lab`). $date: the day an overlay holds from; $at: the date the
## law is read at; $list: rule ids; $count: how many; $overlay: an overlay's name.

lab-holds-from-idle = holds from { $date }, but changes nothing for this model
lab-holds-from = holds from { $date }
lab-no-effect-yet = no effect at { $at }: its changes hold from { $date } (try --at { $date })
lab-no-effect-over = no effect at { $at }: its period is over
# $id: a rule; $added: the barriers the change brings.
lab-but-brings = { $id } (but brings { $added })
lab-no-single-change = no single change; combinations: { $list }
lab-unblocks-all = { $count ->
        [one] Unblocks the blocked service: { $list }
       *[other] Unblocks all { $count } blocked services: { $list }
    }
lab-folded = { $count } { $count ->
        [one] combination is
       *[other] combinations are
    } left out because the overlay changes nothing for the variant

## Why a finding is gone or changed (`rammelab diff`). $subject: an item id.

diff-exempted = set aside by an exemption in `{ $overlay }`
diff-repealed = the rule is not in force (repealed by `{ $overlay }`)
diff-subject-removed = `{ $subject }` is not in the other model
diff-now-mitigated-by = now mitigated by { $list }
diff-mitigated-by = mitigated by { $list }
