#!/usr/bin/env python3
"""Runs the benchmark Rego policy with OPA's own engine (Go), for the side-by-side numbers in
docs/performance.md. Optional and not in CI.

OPA comes from the PyPI wheel `opa-golib-python-bindings`, which ships OPA as a shared library
(`libopabridge.so`); this script calls it through ctypes and hands it the model's JSON text as
is, so the time includes OPA decoding the JSON, as `opa eval` would. Either install the wheel,
or, where pip refuses it (it asks for Python >= 3.14), unpack it and point at the folder:

    pip download opa-golib-python-bindings --python-version 3.14 --only-binary=:all: --no-deps -d wheels
    unzip wheels/opa_golib_python_bindings-*.whl -d /tmp/opa
    OPA_BINDINGS_DIR=/tmp/opa python3 benches/opa.py benches/rego/bench-20.rego model.json

Prints the number of findings, per rule with VERBOSE=1, and the time of each phase.
"""

import ctypes
import json
import os
import sys
import time


def load_library():
    folder = os.environ.get("OPA_BINDINGS_DIR")
    if folder:
        sys.path.insert(0, folder)
    try:
        from opa_bindings import _native  # type: ignore
    except ImportError as e:
        sys.exit(f"opa.py: cannot load the OPA bindings ({e}); see the header of this script")
    return _native.load()


def call(lib, fn, *args):
    """Calls a bridge function that returns a JSON envelope; returns the decoded envelope."""
    ptr = fn(*args)
    if not ptr:
        sys.exit("opa.py: the native call returned NULL")
    try:
        raw = ctypes.string_at(ptr)
    finally:
        lib.OpaFreeString(ptr)
    envelope = json.loads(raw)
    if envelope.get("error"):
        sys.exit(f"opa.py: {envelope['error']}")
    return envelope


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: opa.py POLICY.rego INPUT.json")
    policy_path, input_path = sys.argv[1], sys.argv[2]
    lib = load_library()
    t0 = time.perf_counter()
    handle = lib.OpaNew()
    with open(policy_path, "rb") as f:
        call(lib, lib.OpaAddPolicy, handle, policy_path.encode(), f.read())
    t1 = time.perf_counter()
    with open(input_path, "rb") as f:
        input_json = f.read()
    t2 = time.perf_counter()
    # The input goes in as JSON text: OPA decodes it as part of the evaluation.
    envelope = call(
        lib, lib.OpaEvalDocument, handle, b"rammelab.bench.findings", input_json, 0, 0
    )
    t3 = time.perf_counter()
    result = envelope.get("result") or []
    findings = result[0]["expressions"][0]["value"] if result else []
    per_rule = {}
    for f in findings:
        per_rule[f["rule"]] = per_rule.get(f["rule"], 0) + 1
    if os.environ.get("VERBOSE"):
        for rule, n in sorted(per_rule.items()):
            print(f"{n:8}  {rule}")
    print(
        f"opa: {len(findings)} findings of {len(per_rule)} rules; "
        f"policy {1e3 * (t1 - t0):.1f} ms, read input {1e3 * (t2 - t1):.1f} ms, "
        f"eval incl. JSON decode {1e3 * (t3 - t2):.1f} ms"
    )
    lib.OpaDestroy(handle)


if __name__ == "__main__":
    main()
