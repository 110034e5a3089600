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

## A command line that cannot be read (src/cli/parse_error.rs). `arg` is an option as the
## usage writes it (`--at <DATE>`); values and names are in backticks.

# The first line; `message` is one of the texts below.
cli-parse-error = error: { $message }
# An argument no command takes.
cli-parse-unknown-argument = unexpected argument `{ $arg }`
# An option given without its value.
cli-parse-missing-value = `{ $arg }` needs a value, but none was given
# A value the option does not take.
cli-parse-invalid-value = invalid value `{ $value }` for `{ $arg }`
# A value the option's own reader refused; `reason` says why.
cli-parse-bad-value = invalid value for `{ $arg }`: { $reason }
# `--at` with something that is not a date.
cli-parse-bad-date = `{ $value }` is not a date; write it as YYYY-MM-DD, for example 2027-01-01
# `--max-file-size` with something that is not a size.
cli-parse-bad-size = `{ $value }` is not a size; write it as, for example, `64MiB` or `1000000`
# The values an option takes, on the line under the message; `values` is a list in backticks.
cli-parse-possible-values = possible values: { $values }
# A command that does not exist.
cli-parse-unknown-command = unknown command `{ $command }`
# A command that needs a command after it; `commands` is a list in backticks.
cli-parse-missing-command = `{ $command }` needs a command: { $commands }
# Required arguments that were not given; `args` is a list in backticks.
cli-parse-missing-arguments = { $count ->
        [one] this argument is required: { $args }
       *[other] these arguments are required: { $args }
    }
# An option given twice that can be given once.
cli-parse-given-twice = `{ $arg }` can be given only once
# Two options that cannot be used together; `other` is a list in backticks.
cli-parse-conflict = `{ $arg }` cannot be used with { $other }
# An option whose value must follow an equals sign.
cli-parse-no-equals = `{ $arg }` needs its value after an equals sign (`{ $arg }=…`)
# A value too many.
cli-parse-too-many-values = unexpected value `{ $value }` for `{ $arg }`; it takes no more
# An option with the wrong number of values.
cli-parse-number-of-values = `{ $arg }` takes { $expected } { $expected ->
        [one] value
       *[other] values
    }, but { $given } { $given ->
        [one] was
       *[other] were
    } given
# An argument that is not valid UTF-8.
cli-parse-not-utf8 = an argument is not valid UTF-8
# Any other problem; `reason` is clap's own words.
cli-parse-unreadable = the command line could not be read: { $reason }
# The did-you-mean under the message; `suggestions` is a list in backticks.
cli-parse-did-you-mean = tip: did you mean { $suggestions }?
# An argument that looks like an option but was meant as a value.
cli-parse-tip-as-value = tip: to give `{ $arg }` as a value, write `{ $write }`
# A command written after `--`.
cli-parse-tip-remove-dashes = tip: `{ $command }` is a command; to use it, remove the `--` before it
# A tip of clap's that rammelab does not know, in clap's words.
cli-parse-tip = tip: { $tip }
# The last line; `flag` is `--help`.
cli-parse-more = For more information, try `{ $flag }`.

## `rammelab rules test` (src/cli/rules_cmd.rs).

# A test that failed; `fires` is `true` when the test says the rule must fire, `problem` one of the texts below.
cli-rules-test-fail = FAIL { $rule } — { $test } (must { $fires ->
        [true] fire
       *[false] stay silent
    }, at { $at }): { $problem }
# The rule fired, but not on the subject the test names; `fired_on` is a list in backticks.
cli-rules-test-fired-elsewhere = expected it to fire on `{ $subject }`, it fired on { $fired_on }
# The rule should have fired and did not.
cli-rules-test-stayed-silent = expected it to fire, it stayed silent
# The rule should have stayed silent and fired.
cli-rules-test-fired = expected it to stay silent, it fired on { $fired_on }
# The test's date is outside the rule's time in force; `in_force` is a range of dates.
cli-rules-test-not-in-force = the rule is not in force on { $at } (in force { $in_force })
# The test's model has errors; `diagnostic` is the rendered error, on the lines below.
cli-rules-test-bad-model = the test's model does not resolve:
    { $diagnostic }
# Rules without a test that says they fire; `ids` is a comma-separated list.
cli-rules-test-without-firing = { $count ->
        [one] a rule without a firing test
       *[other] rules without a firing test
    } ({ $count }): { $ids }
# Rules without a test that says they stay silent.
cli-rules-test-without-silent = { $count ->
        [one] a rule without a silent test
       *[other] rules without a silent test
    } ({ $count }): { $ids }
# Rules that fire on none of the models in `--models`; `models` is how many there are.
cli-rules-test-never-fired = { $models ->
        [one] { $count ->
            [one] a rule that does not fire
           *[other] rules that do not fire
        } on the one model
       *[other] { $count ->
            [one] a rule that fires
           *[other] rules that fire
        } on none of the { $models } models
    } ({ $count }): { $ids }
# The last line.
cli-rules-test-summary = rules: { $rules } { $rules ->
        [one] rule
       *[other] rules
    }, { $tests } { $tests ->
        [one] test
       *[other] tests
    }: { $passed } passed, { $failed } failed

## `rammelab man` (src/cli/docs_cmd.rs); `error` is the system's reason.

# The pages could not be written into the folder.
cli-man-write-failed = rammelab: could not write the man pages to `{ $dir }`: { $error }
# The page could not be rendered.
cli-man-render-failed = rammelab: could not render the man page: { $error }
