#!/usr/bin/env bash
# The whole-process measurements of docs/performance.md: rammelab, regorus and (where its
# bindings are found) OPA on the same generated models and the same rules, each run as its own
# process under /usr/bin/time, one after another on an otherwise idle machine.
#
#   benches/side-by-side.sh [WORKDIR]          # N = 1 000 and 10 000
#   LARGE=1 benches/side-by-side.sh [WORKDIR]  # adds N = 100 000, and regorus with 200 rules
#   OPA_BINDINGS_DIR=/tmp/opa benches/side-by-side.sh   # adds OPA (see benches/opa.py)
#
# Prints one line per run: tool, rules, N, findings, wall seconds, user seconds, peak memory.
# The finding counts must agree across the tools; the script stops when they do not.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/rammelab-bench}"
mkdir -p "$work"
cd "$root"
cargo build --release --quiet --bin rammelab
cargo build --release --quiet -p rammelab-gen -p rammelab-bench --bin rammelab-gen --example regorus_check
bin="$root/target/release/rammelab"
gen="$root/target/release/rammelab-gen"
regorus="$root/target/release/examples/regorus_check"
at=2026-06-01

sizes=(1000 10000)
if [[ -n "${LARGE:-}" ]]; then sizes+=(100000); fi

for r in 20 200; do
  mkdir -p "$work/pack-$r"
  "$gen" pack --rules "$r" -o "$work/pack-$r/bench.yaml" --rego "$work/bench-$r.rego"
done

# Runs a command under /usr/bin/time; prints "wall user peak_MiB" and leaves its stdout in $out.
timed() {
  local out_file="$1"
  shift
  /usr/bin/time -f "%e %U %M" -o "$work/time.txt" "$@" >"$out_file" || true
  # GNU time puts "Command exited with non-zero status 1" (rammelab's exit code for findings)
  # before the numbers.
  tail -n 1 "$work/time.txt" | awk '{ printf "%s %s %.0f", $1, $2, $3 / 1024 }'
}

# Start-up: a shipped model checked with the shipped packs, from process start to exit, the
# median of 21 runs.
for i in $(seq 21); do
  t0=$(date +%s%N)
  "$bin" check --at "$at" --quiet models/paa-doerterskelen.lsm >/dev/null || true
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000)) >>"$work/startup.txt"
done
printf 'start-up: rammelab check models/paa-doerterskelen.lsm, median of 21 runs: %s µs\n' \
  "$(sort -n "$work/startup.txt" | sed -n 11p)"
rm -f "$work/startup.txt"

printf '%-9s %5s %7s %9s %8s %8s %9s\n' tool rules N findings wall_s user_s peak_MiB
for n in "${sizes[@]}"; do
  lsm="$work/gen-$n.lsm"
  json="$work/gen-$n.json"
  [[ -f "$lsm" && -f "$json" ]] || "$gen" model --actors "$n" -o "$lsm" --json "$json"
  for r in 20 200; do
    # The default limits refuse N = 100 000 (1.4 million items, 200 MB), so they are raised.
    t=$(timed "$work/out.json" "$bin" check --no-builtin-rules --rules "$work/pack-$r" \
      --at "$at" --format json --max-items 10000000 --max-file-size 1GiB "$lsm")
    ours=$(grep -c '^          "rule": ' "$work/out.json" || true)
    printf '%-9s %5s %7s %9s %8s %8s %9s\n' rammelab "$r" "$n" "$ours" $t

    # regorus with 200 rules: at N = 1 000 always, at 10 000 (about 40 s) with LARGE, at
    # 100 000 (about ten minutes) never.
    if [[ "$r" -eq 20 || "$n" -le 1000 || ( -n "${LARGE:-}" && "$n" -le 10000 ) ]]; then
      t=$(timed "$work/regorus.txt" "$regorus" "$work/bench-$r.rego" "$json")
      theirs=$(sed -n 's/^regorus: \([0-9]*\) findings.*/\1/p' "$work/regorus.txt")
      printf '%-9s %5s %7s %9s %8s %8s %9s\n' regorus "$r" "$n" "$theirs" $t
      if [[ "$theirs" != "$ours" ]]; then
        echo "side-by-side: rammelab found $ours, regorus $theirs" >&2
        exit 1
      fi
    fi

    if [[ -n "${OPA_BINDINGS_DIR:-}" && "$r" -eq 20 ]]; then
      t=$(timed "$work/opa.txt" python3 "$root/benches/opa.py" "$work/bench-$r.rego" "$json")
      theirs=$(sed -n 's/^opa: \([0-9]*\) findings.*/\1/p' "$work/opa.txt")
      printf '%-9s %5s %7s %9s %8s %8s %9s\n' opa "$r" "$n" "$theirs" $t
      if [[ "$theirs" != "$ours" ]]; then
        echo "side-by-side: rammelab found $ours, OPA $theirs" >&2
        exit 1
      fi
    fi
  done
done
