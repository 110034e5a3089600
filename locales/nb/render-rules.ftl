# The words of `rammelab rules list`, `rules show` and `explain`: the rule lists and one rule's
# full text.

rules-list-kind-barrier = barriere
rules-list-kind-opportunity = mulighet
# The mark of a rule not yet checked against the text of the law.
rules-list-not-verified = ikke verifisert
rules-list-not-verified-long = IKKE VERIFISERT: regelen er ikke kontrollert mot lovteksten; se merknadene

## The terminal list. The five column heads, then the closing line.

rules-list-head-id = id
rules-list-head-kind = type
rules-list-head-act = lov
rules-list-head-section = paragraf
rules-list-head-in-force = i kraft
# $rules, $barriers, $opportunities, $sources: counts.
rules-list-total = { $rules } { $rules ->
        [one] regel
       *[other] regler
    } ({ $barriers } { $barriers ->
        [one] barriere
       *[other] barrierer
    }, { $opportunities } { $opportunities ->
        [one] mulighet
       *[other] muligheter
    }) fra { $sources } { $sources ->
        [one] kilde
       *[other] kilder
    }

## The Markdown list (`--format md`, docs/rules*.md).

rules-list-md-title = # Regler
rules-list-md-intro = Generert av `rammelab rules list --format md --lang nb`; ikke rediger for hånd.
rules-list-md-head = | id | type | tittel | kilde | i kraft |

## One rule's full text. $keyword: the item kind the rule looks at.

rules-show-kind = Type
rules-show-source = Kilde
rules-show-in-force = I kraft
rules-show-pack = Regelpakke
rules-show-looks-at = Regelen ser på hver `{ $keyword }` og slår til når:
rules-show-message = Melding
rules-show-remedy = Tiltak
rules-show-mitigates = Avhjelper
rules-show-cannot-be-mitigated-by = Kan ikke avhjelpes av
rules-show-mitigated-by = Avhjelpes av
rules-show-tags = Stikkord
rules-show-notes = Merknader
# $count: the rule's tests; $fire and $silent: how many expect it to fire and to stay silent.
rules-show-tests = Tester: { $count } ({ $fire } slår til, { $silent } stille)
