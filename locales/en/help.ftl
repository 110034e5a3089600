# `rammelab --help`, read by src/cli/help.rs. Keys: help-<command>-about, help-<command>-long-about,
# help-<command>-arg-<argument> (or help-arg-<argument> where every command says the same),
# -long for the long help (`--help` rather than `-h`), -value-<value> for one value of an argument.
# <command> is the command's names below rammelab joined by -, main for rammelab itself.

help-arg-at = Evaluate the law as it stands on this date (YYYY-MM-DD); default today
help-arg-base = The model to compare against
help-arg-check = Change nothing; list the files that would change and exit 1 if there are any
help-arg-color = When to colour findings and diagnostics: auto (on a terminal, unless NO_COLOR is set), always or never
help-arg-color-value-always = Always, even in a pipe or a file
help-arg-color-value-auto = On a terminal, unless `NO_COLOR` is set
help-arg-color-value-never = Never
help-arg-config = Read the options' defaults from FILE instead of the nearest rammelab.toml
help-arg-dir = Write a page for rammelab and one for each command (`rammelab-check.1`, ...) into this folder instead of printing the main page
help-arg-explain = Show, under each finding, each step of the rule's condition and the values it saw, and every path by which a barrier blocks a service (human format)
help-arg-fail-on = Which findings fail the check (exit code 1): barriers of severity error, every barrier (warnings too), or none
help-arg-fail-on-value-barrier = Barriers of severity `error`
help-arg-fail-on-value-never = Nothing: only a model that does not load fails the check
help-arg-fail-on-value-warning = Every barrier, warnings too
help-arg-focus = Draw only what leads to and from one item (or the findings of one rule)
help-arg-format = Output format
help-arg-help = Print help (see more with '--help')
help-arg-help-long = Print help (see a summary with '-h')
help-arg-id = The rule's id
help-arg-lang = Language of messages and reports: nb (bokmål, default) or en
help-arg-max-depth = Refuse brackets nested deeper than this
help-arg-max-file-size = Refuse model files larger than this (`64MiB`, `512KiB`, or bytes)
help-arg-max-items = Refuse model files with more items than this
help-arg-max-list-length = Refuse lists with more values than this
help-arg-no-appendix = Leave out the table of every rule evaluated at the end of each model (its counts stay): for printing several models
help-arg-no-builtin-rules = Use only the packs given with `--rules`, not the built-in ones
help-arg-no-config = Read no rammelab.toml
help-arg-no-step-summary = Do not append the Markdown summary to `$GITHUB_STEP_SUMMARY` (for a second `check` in the same job)
help-arg-opportunities = Report opportunities too in the CI formats (sarif, github, gitlab), which report only barriers by default so that the barriers are not lost among them
help-arg-other = The model to compare (a variant of BASE, say). Default: BASE itself, to see what the overlays alone change
help-arg-output = Write to this file instead of standard output
help-arg-overlay-dirs = A folder of overlays (`*.yaml`, repeatable), for example `rules/proposals`; `builtin` names the proposals built into rammelab. `lab` takes the built-in proposals when neither `--overlays` nor `--overlay` is given
help-arg-overlay-files = One overlay file (repeatable), besides those in `--overlays`
help-arg-overlays = An overlay (`*.yaml`, repeatable): a proposed, passed or granted change of the framework in the rule-pack format (new rules, repeals, amended parameters, exemptions), applied on top of the rule packs in the order given. See `rules/proposals/`; a proposal built into rammelab is named `builtin:NAME` (for example `builtin:ny-forvaltningslov`)
help-arg-quiet = Print nothing when the check passes, and only the findings that fail it otherwise (human format)
help-arg-rules = A folder of rule packs (`*.yaml`, repeatable). Its packs replace built-in packs with the same `pack:` id and add the others; a `vocabulary.yaml` in it replaces the vocabulary
help-arg-shell = The shell to complete in
help-arg-stdin-filename = The file name a model read from standard input (`-`) goes by: in messages and reports, and for finding the base model of a variant (`extends` is relative to it)
help-arg-variants = A folder of variants of MODEL (`*.lsm`, repeatable). Default: `variants/<name>/` beside MODEL (for `models/paa-doerterskelen.lsm`: `models/variants/paa-doerterskelen/`)
help-arg-version = Print version
help-arg-what-if = Add a "what if" section from the lab (see `rammelab lab`): the model's variants (by default `variants/<name>/` beside it) and any overlays given. Implied by `--variants`, `--overlays` and `--overlay`
help-check-about = Check models against the rule packs: barriers, opportunities, blocked services
help-check-arg-format-value-concise = One line a finding: `file:line:col: severity: title [rule]`
help-check-arg-format-value-github = GitHub Actions annotations (`::error file=...`)
help-check-arg-format-value-gitlab = A GitLab Code Quality report (JSON), shown in merge requests
help-check-arg-format-value-human = For a person at a terminal
help-check-arg-format-value-json = The check report (`docs/check-report.schema.json`)
help-check-arg-format-value-junit = JUnit XML: a test suite per model, a test case per rule
help-check-arg-format-value-sarif = SARIF 2.1.0, for code scanning (GitHub, GitLab, Azure DevOps)
help-check-arg-paths = Model files (`*.lsm`), or folders to search for them (recursively); `-` reads a model from standard input
help-check-long-about =
    Check models against the rule packs: barriers, opportunities, blocked services.

    Exit codes: 0 when no finding is at or above `--fail-on`, 1 when one is, 2 when a model or the call is wrong.
help-completions-about = Print a shell completion script (bash, zsh, fish, elvish, powershell)
help-diff-about = What changes between two models (a model and a variant of it), with overlays applied to OTHER: findings that appear, disappear or change, and services whose status changes. Exits 0 when OTHER is no worse than BASE, 1 when it blocks more, 2 on bad input
help-explain-about = Explain a rule: what it looks at, when it fires, its source
help-fmt-about = Rewrite model files in the canonical layout
help-fmt-arg-force = Replace read-only files too (they stay read-only). Without it a read-only file is left as it is, with an error
help-fmt-arg-lang = Language of messages
help-fmt-arg-paths = Model files (`*.lsm`) or folders to search for them
help-fmt-long-about =
    Rewrite model files in the canonical layout.

    Two spaces of indentation, one field per line, one blank line between items. Comments and the file's own words (English or Norwegian) are kept. A file with syntax errors is left as it is (exit 2). With `--check`, nothing is written: the files that would change are listed and the exit code is 1 if there are any.
help-graph-about = Draw the barrier dependency graph of a model: DOT, Mermaid, JSON or SVG
help-graph-arg-format-value-dot = Graphviz DOT (`| dot -Tsvg > graph.svg`)
help-graph-arg-format-value-json = Nodes, edges and the analyses (service status, root barriers, unlock order) as JSON
help-graph-arg-format-value-mermaid = A Mermaid flowchart, for Markdown on GitHub
help-graph-arg-format-value-svg = An SVG picture drawn by rammelab itself
help-graph-arg-model = The model file (`*.lsm`)
help-graph-long-about =
    Draw the barrier dependency graph of a model: DOT, Mermaid, JSON or SVG.

    Actors, services, flows, agreements, the barriers and opportunities found at `--at`, and the legal sources they rest on, left to right from law to people. A service is blocked when an unmitigated error barrier sits on it, its provider, a flow or agreement it requires, a flow into it, or (transitively) a service it depends on; at risk when only warnings or mitigated barriers do. See docs/graph.md.
help-help-about = Print this message or the help of the given command
help-lab-about = The what-if lab: the model, each variant, each overlay and each variant under each overlay, ranked by how much each unlocks; and for each barrier, the single change in the set that removes it
help-lab-arg-model = The model to start from
help-main-about = Holds new community models up against Norwegian framework conditions and reports barriers and opportunities as a dependency graph.
help-man-about = Print the man page (or write every command's page to a folder)
help-report-about = The barrier report for a lab session: Markdown or one self-contained HTML page, in bokmål or English, with the dependency graph drawn
help-report-arg-force = Replace the `-o` file even when it is read-only (it stays read-only)
help-report-arg-format = `md` (Markdown, the graph as a Mermaid block) or `html` (one self-contained page). Default: from the extension of `-o` (`.html`, `.htm`), else `md`
help-report-arg-format-value-html = One self-contained HTML page (inline CSS and SVG)
help-report-arg-format-value-md = Markdown (GitHub/GitLab, Mermaid graph)
help-report-arg-models = Model files (`*.lsm`) or folders to search for them. Several models give one report with a section per model and a comparison table
help-report-arg-output = Write the report to this file (atomically: a reader never sees half a report) instead of standard output
help-rules-about = The rule packs: list them, show one, run their tests
help-rules-list-about = List every rule: id, kind, act, section, in force
help-rules-show-about = Show one rule in full
help-rules-test-about = Run every rule's own tests and print coverage
help-rules-test-arg-models = Models to measure coverage on ("rules that never fired"); default `models/` if it exists
help-vocab-about = Print the vocabulary: fields, terms and units
help-vocab-arg-format-value-md = Markdown tables, as in the language guide
help-vocab-arg-format-value-yaml = The vocabulary file itself
help-vocab-arg-lang = Language of headings, labels and descriptions
help-vocab-long-about =
    Print the vocabulary: fields, terms and units.

    The fields each item kind takes, the terms each field accepts, and the units, with Norwegian aliases and descriptions.

## clap's own words around the texts above

help-heading-usage = Usage:
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-value-options = [OPTIONS]
help-value-command = COMMAND
help-heading-possible-values = [possible values: { $values }]
help-heading-possible-values-list = Possible values:
help-heading-default = [default: { $value }]
help-heading-env = [environment variable: { $name }]
help-check-arg-fix = Fix the errors that have one clear did-you-mean (an unknown field, term, unit, id or keyword) in place, then check; what changed is listed on standard error
help-check-arg-diff = Show the fixes `--fix` would make as a unified diff, and write nothing (exit 1 when there is something to fix)
help-check-arg-force = With `--fix`, replace read-only files too (they stay read-only)
help-fmt-arg-diff = Show the changes as a unified diff, and write nothing (exit 1 when something would change)
help-lsp-about = The language server for editors, over standard input and output (see docs/editors.md)
help-lsp-arg-stdio = Talk over standard input and output (the only transport; accepted because editors pass it)
help-studio-about = Serve the lab session in a browser: the models in DIR, live as they are written
help-studio-arg-port = The port the studio listens on (0: a free port)
help-studio-arg-open = Open the address in the default browser
help-studio-arg-bind = The address the studio listens on (default: this machine only, 127.0.0.1). Another address shows the models to others on the network
help-studio-arg-read-only = View only (presentation): no edit or save from the page

# The names of arguments' values in usage lines and help (`<FILE>`).
help-value-name-address = ADDRESS
help-value-name-base = BASE
help-value-name-date = DATE
help-value-name-dir = DIR
help-value-name-file = FILE
help-value-name-format = FORMAT
help-value-name-id = ID
help-value-name-lang = LANG
help-value-name-level = LEVEL
help-value-name-model = MODEL
help-value-name-n = N
help-value-name-name = NAME
help-value-name-path = PATH
help-value-name-port = PORT
help-value-name-shell = SHELL
help-value-name-size = SIZE
help-value-name-when = WHEN
