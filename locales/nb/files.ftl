# Skriving av filer (src/fsutil.rs). $path er filens sti, $reason det systemet sa.

fsutil-write-failed = kunne ikke skrive `{ $path }`: { $reason }; filen som lå der er uendret
fsutil-read-only = `{ $path }` er skrivebeskyttet og ble latt være; gjør filen skrivbar, eller bruk `--force` for å erstatte den likevel
