# Errors in rammelab.toml (src/config.rs, src/messages/config.rs). $file is the file's name.

config-error-toml = `{ $file }` is not valid TOML: { $reason }
config-help-toml = write one key a line: `key = value`, text in quotes
config-error-unknown-key = unknown key `{ $key }` in `{ $file }`
config-label-unknown-key = unknown key
# $keys lists the keys the file takes.
config-help-unknown-key = the file takes { $keys }
config-help-unknown-key-suggest = did you mean `{ $suggestion }`? The file takes { $keys }
config-error-bad-value = `{ $key }` cannot be `{ $found }`
config-label-bad-value = not a valid value
# $expected is one of the config-expected-* texts.
config-help-bad-value = `{ $key }` takes { $expected }
config-expected-date = a date, such as `2027-01-01`
config-expected-bool = `true` or `false`
config-expected-paths = a path or a list of paths in quotes, relative to the file
config-error-unreadable = could not read `{ $file }`: { $reason }
