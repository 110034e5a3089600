# Writing files (src/fsutil.rs). $path is the file's path, $reason what the system said.

fsutil-write-failed = could not write `{ $path }`: { $reason }; the file that was there is unchanged
fsutil-read-only = `{ $path }` is read-only and was left as it is; make it writable, or give `--force` to replace it anyway
