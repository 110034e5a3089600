#!/usr/bin/env bash
# The pathological shapes of issue 20 as whole `check` runs of the release binary, with peak
# memory: a chain of `depends_on` services whose bottom service is blocked (GDPR art. 28: a
# personal-data flow to a company with no data processing agreement), at 2 500, 5 000 and
# 20 000 services, the same chain drawn (`graph --format svg` and `report -o x.html`) at 400,
# 1 000, 5 000 and 20 000 services, and 20 000 broken items (the lines of tests/corpus/many-broken-items.lsm,
# repeated) and 20 000 items with an unknown term. The figures are in docs/performance.md.
#
#   benches/pathological.sh [WORKDIR]
#
# Prints one line per run: input, format, exit code, wall seconds, user seconds, peak memory (KB).
# A drawing that does not finish in 120 s is stopped and shown as rc=124.
# `src/tests/linear.rs` asserts the same shapes stay linear by counting work, not time.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/rammelab-pathological}"
mkdir -p "$work"
cd "$root"
cargo build --release --quiet --bin rammelab
bin="$root/target/release/rammelab"
at=2026-11-28

chain() {
  local n="$1" out="$2"
  {
    printf 'model "m" { challenge: demography }\n'
    printf 'actor kommune "K" { type: municipality }\n'
    printf 'actor firma "F" { type: private_company }\n'
    printf 'actor eldre "E" { type: residents }\n'
    printf 'flow liste: kommune -> firma { resource: personal_data data: [name] legal_basis: public_task purpose: "p" }\n'
    printf 'service s0 { domain: public_health provider: firma recipients: eldre requires: [liste] }\n'
    for ((i = 1; i < n; i++)); do
      printf 'service s%d { domain: public_health provider: kommune depends_on: s%d }\n' "$i" "$((i - 1))"
    done
  } > "$out"
}

broken() {
  local n="$1" out="$2"
  head -n 2 tests/corpus/many-broken-items.lsm > "$out"
  tail -n +3 tests/corpus/many-broken-items.lsm | awk -v n="$n" '{ l[NR] = $0 } END { for (i = 0; i < n; i++) print l[i % NR + 1] }' >> "$out"
}

unknown() {
  local n="$1" out="$2"
  {
    printf 'model "m" { challenge: demography }\n'
    for ((i = 0; i < n; i++)); do
      printf 'actor x%d { type: municipalty }\n' "$i"
    done
  } > "$out"
}

run() {
  local name="$1" file="$2" format="$3"
  local t rc
  t="$(mktemp)"
  rc=0
  /usr/bin/time -f '%e %U %M' -o "$t" "$bin" check "$file" --at "$at" --format "$format" > /dev/null 2>&1 || rc=$?
  read -r wall user mem < <(tail -n 1 "$t")
  rm -f "$t"
  printf '%-24s %-8s rc=%d  %6.2f s wall  %6.2f s user  %8d KB\n' "$name" "$format" "$rc" "$wall" "$user" "$mem"
}

# `rammelab graph` or `rammelab report` on a file: "svg" draws the graph, "html" writes the report.
draw() {
  local name="$1" file="$2" what="$3"
  local t rc
  t="$(mktemp)"
  rc=0
  case "$what" in
    svg) /usr/bin/time -f '%e %U %M' -o "$t" timeout 120 "$bin" graph "$file" --at "$at" --format svg > /dev/null 2>&1 || rc=$? ;;
    html) /usr/bin/time -f '%e %U %M' -o "$t" timeout 120 "$bin" report "$file" --at "$at" -o "$work/report.html" > /dev/null 2>&1 || rc=$? ;;
  esac
  read -r wall user mem < <(tail -n 1 "$t")
  rm -f "$t"
  printf '%-24s %-8s rc=%d  %6.2f s wall  %6.2f s user  %8d KB\n' "$name" "$what" "$rc" "$wall" "$user" "$mem"
}

for n in 400 1000 5000 20000; do
  chain "$n" "$work/chain$n.lsm"
  draw "drawn chain $n" "$work/chain$n.lsm" svg
  draw "drawn chain $n" "$work/chain$n.lsm" html
done

for n in 2500 5000 20000; do
  chain "$n" "$work/chain$n.lsm"
  for f in concise human json sarif junit github; do
    run "blocked chain $n" "$work/chain$n.lsm" "$f"
  done
done
broken 20000 "$work/broken20000.lsm"
unknown 20000 "$work/unknown20000.lsm"
for f in concise human json; do
  run "broken items 20000" "$work/broken20000.lsm" "$f"
  run "unknown terms 20000" "$work/unknown20000.lsm" "$f"
done
