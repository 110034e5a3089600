# The command line's own messages (src/cli).

# The headline under the errors of a configuration file.
cli-config-errors = rammelab: { $count } { $count ->
        [one] error
       *[other] errors
    } in `{ $file }`

# `rammelab check` found no model file in the paths given; `paths` is the list, each in backticks.
cli-no-models = rammelab: found no model files (`*.lsm`) in { $paths }

# `rammelab report` found no model file under the paths given.
cli-no-models-report = rammelab: no model files (`*.lsm`) under the paths given

# The GitHub step summary (`$GITHUB_STEP_SUMMARY`) could not be written; `error` is the system's reason.
cli-step-summary-failed = rammelab: warning: could not write the summary to `{ $path }`: { $error }

# A file could not be written (`--fix`, `fmt`); `message` says why.
cli-write-failed = error: { $message }

# A file given with `-o` could not be written; `message` says why.
cli-output-failed = rammelab: { $message }

# `--fix` or `--diff` with a model on standard input.
cli-fix-stdin = rammelab: `--fix` and `--diff` fix files, not standard input (`-`)

# `rammelab fmt` refused to write a file because the formatted text would mean something else.
cli-fmt-changes-meaning = error: formatting `{ $path }` would change what it says; the file was left as it is (this is a bug in rammelab)

# `rammelab rules show ID` with an id no rule has.
cli-rule-unknown = rammelab: no rule has the id `{ $id }`.
# The same, with the closest id there is.
cli-rule-unknown-suggest = rammelab: no rule has the id `{ $id }`. Did you mean `{ $suggestion }`?

# `rammelab studio DIR` where DIR is not a folder.
cli-studio-not-folder = rammelab: `{ $dir }` is not a folder
# The studio is started; `url` is its address.
cli-studio-running = rammelab studio is running at { $url } (Ctrl+C stops it)
# The studio could not listen on the address.
cli-studio-start-failed = rammelab: could not start the studio on { $ip }:{ $port }: { $error }
# `--bind` on an address other machines reach, with changes allowed.
cli-studio-exposed = rammelab: warning: the studio listens on { $ip }. Every machine that reaches this address can read the models in the folder and, with the session token from the page, change them. Use --read-only to show them without changes.
# The same with `--read-only`.
cli-studio-exposed-read-only = rammelab: warning: the studio listens on { $ip }. Every machine that reaches this address can read the models in the folder.
# `--open` could not start the browser; `program` is the opener (xdg-open, open, explorer).
cli-studio-open-failed = rammelab: { $program } { $url }: failed

# An output (lab or report page) could not be rendered; `error` says why.
cli-render-failed = rammelab: { $error }
