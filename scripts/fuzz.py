#!/usr/bin/env python3
"""A standing fuzz run: mutated models and rule packs through the rammelab binary.

Mutates the shipped models (`models/`), the corpus (`tests/corpus/`) and the rule packs
(`rules/`), runs the binary on each mutant with a time limit and counts what must never
happen:

- panic      the process panicked (exit code 101, "panicked at") or died of a signal
- timeout    the run took longer than the time limit
- unlocated  a diagnostic without `file:line:column`
- json       `--format json` (or sarif) printed something that is not one JSON document
- leak       the text of a file outside the project appeared in the output

Model mutants are written into a fresh project folder (it has a `.git` folder, so it is the
project root) next to a folder outside it that holds a secret; `extends` mutants point at that
secret in every way the issue lists (absolute path, `..`, a symbolic link to it, a symbolic
link to a file that is not `.lsm`, a FIFO, a folder, a very long path).

Usage (from the repository root):

    python3 scripts/fuzz.py --binary target/release/rammelab --models 20000 --rules 5000 \
        --seed 1 --jobs 2 --out fuzz-out

The summary (JSON, one object) is printed on standard output and written to
`OUT/summary.json`; each finding's input is kept under `OUT/<class>/` (at most `--keep` per
class). Exit code 0 when nothing was found, 1 otherwise. Only the Python 3 standard library is
used. See docs/robustness.md.
"""

import argparse
import concurrent.futures
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

AT = "2026-06-01"
SECRET = "TOPPHEMMELIG-passord-3f9c1e"
UNICODE = [
    "\ufeff", "\u200b", "\u202e", "\u0301", "\u00e6\u00f8\u00e5", "\U0001f600", "\x00",
    "\u2028", "\r", "\t", "\ud7ff", "\uffff", "\u0085", "e\u0301", "\U0010ffff",
]
# `file:line:column`, as miette's snippet header (`╭─[file:3:5]`) or a plain location.
# Set by --quick: smaller huge ids and duplications, for a debug binary.
QUICK = [False]
LOCATED = re.compile(r"[^\s\[\]:]+:\d+:\d+")
HEADER = re.compile(r"^(rammelab::[\w:-]+|Error:|error:)")


def seeds(root):
    """The texts mutated: shipped models and variants, the corpus's models, rule packs."""
    models, packs = [], []
    for folder in ("models", "tests/corpus", "tests/models"):
        for dirpath, _, names in os.walk(os.path.join(root, folder)):
            for n in sorted(names):
                p = os.path.join(dirpath, n)
                if n.endswith(".lsm") and os.path.getsize(p) < 300_000:
                    with open(p, "rb") as f:
                        models.append((p, f.read()))
    rules = os.path.join(root, "rules")
    for n in sorted(os.listdir(rules)):
        if n.endswith(".yaml"):
            with open(os.path.join(rules, n), "rb") as f:
                packs.append((os.path.join(rules, n), f.read()))
    for n in ("billion-laughs.yaml", "deep-condition.yaml"):
        p = os.path.join(root, "tests/corpus", n)
        if os.path.exists(p):
            with open(p, "rb") as f:
                packs.append((p, f.read()))
    models.sort()
    packs.sort()
    return models, packs


# --- mutation operators (bytes in, bytes out) ---------------------------------------------


def span(rng, data, most=200):
    if not data:
        return 0, 0
    a = rng.randrange(len(data))
    return a, min(len(data), a + rng.randint(1, most))


def flip(rng, data, _):
    if not data:
        return data
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(b))
        b[i] ^= 1 << rng.randrange(8)
    return bytes(b)


def delete(rng, data, _):
    a, b = span(rng, data)
    return data[:a] + data[b:]


def duplicate(rng, data, _):
    a, b = span(rng, data, 2000)
    times = rng.choice([2, 3, 10] if QUICK[0] else [2, 3, 10, 100])
    return data[:b] + data[a:b] * times + data[b:]


def splice(rng, data, others):
    _, other = rng.choice(others)
    a, b = span(rng, other, 400)
    at = rng.randint(0, len(data))
    return data[:at] + other[a:b] + data[at:]


def unicode(rng, data, _):
    at = rng.randint(0, len(data))
    s = "".join(rng.choice(UNICODE) for _ in range(rng.randint(1, 5)))
    return data[:at] + s.encode("utf-8", "surrogatepass") + data[at:]


def not_utf8(rng, data, _):
    at = rng.randint(0, len(data))
    return data[:at] + rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf8\x88\x80"]) + data[at:]


def huge_number(rng, data, _):
    digits = list(re.finditer(rb"\d+", data))
    big = rng.choice([b"9" * 40, b"1" + b"0" * 400, b"-9" * 20, b"1e999", b"0." + b"0" * 300 + b"1"])
    if not digits:
        return data + big
    m = rng.choice(digits)
    return data[: m.start()] + big + data[m.end() :]


def huge_id(rng, data, _):
    words = list(re.finditer(rb"[a-z_][a-z0-9_-]{2,}", data))
    sizes = [1_000, 10_000] if QUICK[0] else [10_000, 200_000]
    long = rng.choice([b"a" * sizes[0], b"x" * sizes[1], ("\u00f8" * 5000).encode()])
    if not words:
        return data + long
    m = rng.choice(words)
    return data[: m.start()] + long + data[m.end() :]


def nesting(rng, data, _):
    at = rng.randint(0, len(data))
    depth = rng.choice([63, 64, 65, 200, 5000])
    open_, close = rng.choice([(b"[", b"]"), (b"{", b"}"), (b"(", b")"), (b"not (", b")")])
    return data[:at] + open_ * depth + b"x" + close * rng.choice([0, depth]) + data[at:]


def lines_shuffle(rng, data, _):
    lines = data.split(b"\n")
    if len(lines) < 2:
        return data
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def truncate(rng, data, _):
    return data[: rng.randint(0, len(data))]


def crlf_bom(rng, data, _):
    out = data.replace(b"\n", b"\r\n") if rng.random() < 0.5 else data
    return b"\xef\xbb\xbf" + out if rng.random() < 0.7 else out


MODEL_OPS = [flip, delete, duplicate, splice, unicode, not_utf8, huge_number, huge_id, nesting,
             lines_shuffle, truncate, crlf_bom]


def yaml_anchor(rng, data, _):
    bomb = b"a: &a [x, x, x, x, x, x, x, x, x]\n"
    for k in "bcdefghij":
        prev = chr(ord(k) - 1)
        bomb += f"{k}: &{k} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n".encode()
    return data + b"\n" + bomb


def yaml_documents(rng, data, _):
    at = rng.choice([m.start() for m in re.finditer(rb"\n", data)] or [0])
    return data[:at] + b"\n---\n" + data[at:]


def yaml_indent(rng, data, _):
    lines = data.split(b"\n")
    i = rng.randrange(len(lines))
    lines[i] = rng.choice([b" ", b"  ", b"\t", b"    "]) + lines[i]
    return b"\n".join(lines)


PACK_OPS = MODEL_OPS + [yaml_anchor, yaml_documents, yaml_indent]

# --- `extends` to odd targets --------------------------------------------------------------

ODD_TARGETS = ["absolute", "dotdot", "link-out", "link-non-lsm", "fifo", "folder", "long",
               "missing", "self", "link-dir-out"]


def odd_extends(rng, project, outside):
    """Prepares an odd `extends` target in `project` and returns the text written."""
    kind = rng.choice(ODD_TARGETS)
    secret_lsm = os.path.join(outside, "hemmelig.lsm")
    secret_txt = os.path.join(outside, "credentials")
    if kind == "absolute":
        return rng.choice([secret_lsm, secret_txt, "/etc/passwd", "/dev/zero"])
    if kind == "dotdot":
        rel = os.path.relpath(secret_lsm, project)
        return rng.choice([rel, "../" * 12 + secret_lsm.lstrip("/"), "a/../../x.lsm"])
    if kind == "link-out":
        os.symlink(secret_lsm, os.path.join(project, "lenke.lsm"))
        return "lenke.lsm"
    if kind == "link-non-lsm":
        os.symlink(secret_txt, os.path.join(project, "lenke2.lsm"))
        return "lenke2.lsm"
    if kind == "link-dir-out":
        os.symlink(outside, os.path.join(project, "ute"))
        return "ute/hemmelig.lsm"
    if kind == "fifo":
        os.mkfifo(os.path.join(project, "kø.lsm"))
        return "kø.lsm"
    if kind == "folder":
        os.mkdir(os.path.join(project, "mappe.lsm"))
        return "mappe.lsm"
    if kind == "long":
        return "a" * rng.choice([300, 5000, 1_000_000]) + ".lsm"
    if kind == "self":
        return "m.lsm"
    return "finnes-ikke.lsm"


def with_extends(rng, data, target):
    line = f'extends "{target}"\n'.encode()
    text = re.sub(rb'^\s*(extends|utvider)\s+"[^"\n]*"\s*\n', b"", data, count=1, flags=re.M)
    return line + text


# --- running and judging -------------------------------------------------------------------


def blocks(text):
    """The diagnostics in human output: each starts at a `rammelab::code` or `error:` line."""
    out, cur = [], None
    for line in text.splitlines():
        if HEADER.match(line):
            if cur is not None:
                out.append(cur)
            cur = [line]
        elif cur is not None:
            cur.append(line)
    if cur is not None:
        out.append(cur)
    return ["\n".join(b) for b in out]


def unlocated(text):
    return [b for b in blocks(text) if not LOCATED.search(b)]


def judge(args, cmd, cwd, fmt):
    """Runs one command; returns (classes found, detail)."""
    env = dict(os.environ, NO_COLOR="1", RAMMELAB_LANG=args.lang)
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return ["timeout"], f"over {args.timeout} s", args.timeout
    took = time.monotonic() - start
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    found, detail = [], ""
    if p.returncode == 101 or p.returncode < 0 or "panicked at" in err:
        found.append("panic")
        detail = err[-2000:]
    if SECRET in out or SECRET in err:
        found.append("leak")
    if fmt in ("json", "sarif"):
        try:
            doc = json.loads(out)
        except ValueError as e:
            found.append("json")
            detail = detail or f"{e}: {out[:300]!r}"
            doc = None
        texts = [err]
        if isinstance(doc, dict):
            texts += [m.get("diagnostics", "") for m in doc.get("invalid_models", [])
                      if isinstance(m, dict)]
        bad = [b for t in texts for b in unlocated(t)]
    else:
        bad = unlocated(err)
    if bad:
        found.append("unlocated")
        detail = detail or bad[0][:1500]
    return found, detail, took


def model_case(args, i, models, rng):
    path, data = rng.choice(models)
    work = tempfile.mkdtemp(prefix="rammelab-fuzz-")
    try:
        project = os.path.join(work, "prosjekt")
        outside = os.path.join(work, "utenfor")
        os.makedirs(os.path.join(project, ".git"))
        os.makedirs(outside)
        with open(os.path.join(outside, "hemmelig.lsm"), "w") as f:
            f.write(f'model "{SECRET}" {{}}\nactor {SECRET} "{SECRET}" {{ type: municipality }}\n')
        with open(os.path.join(outside, "credentials"), "w") as f:
            f.write(f"https://user:{SECRET}@example.org\n")
        ops = []
        if rng.random() < 0.15:
            target = odd_extends(rng, project, outside)
            data = with_extends(rng, data, target)
            ops.append("extends")
        for _ in range(rng.choice([1, 1, 2, 3])):
            op = rng.choice(MODEL_OPS)
            data = op(rng, data, models)
            ops.append(op.__name__)
        # A variant finds a base of the same name next to it more often than not.
        for name in ("base.lsm", "paa-doerterskelen.lsm"):
            with open(os.path.join(project, name), "wb") as f:
                f.write(models[0][1])
        with open(os.path.join(project, "m.lsm"), "wb") as f:
            f.write(data)
        fmt = rng.choice(["human", "human", "json", "json", "sarif"])
        cmd = [args.binary, "check", "m.lsm", "--at", AT, "--format", fmt, "--lang", args.lang]
        if args.quick:
            cmd.append("--no-builtin-rules")
        found, detail, took = judge(args, cmd, project, fmt)
        return {"kind": "model", "i": i, "seed": path, "ops": ops, "format": fmt,
                "found": found, "detail": detail, "input": data, "took": took}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def pack_case(args, i, packs, rng, root):
    path, data = rng.choice(packs)
    work = tempfile.mkdtemp(prefix="rammelab-fuzz-")
    try:
        rules = os.path.join(work, "rules")
        if args.quick:
            # The mutant and the vocabulary only: loading every pack is most of a debug run.
            os.makedirs(rules)
            shutil.copy(os.path.join(root, "rules", "vocabulary.yaml"), rules)
        else:
            shutil.copytree(os.path.join(root, "rules"), rules,
                            ignore=shutil.ignore_patterns("*.md", "proposals"))
        ops = []
        for _ in range(rng.choice([1, 1, 2, 3])):
            op = rng.choice(PACK_OPS)
            data = op(rng, data, packs)
            ops.append(op.__name__)
        name = os.path.basename(path)
        with open(os.path.join(rules, name), "wb") as f:
            f.write(data)
        fmt = rng.choice(["human", "human", "json", "sarif"])
        model = os.path.join(root, "models", "paa-doerterskelen.lsm")
        cmd = [args.binary, "check", model, "--rules", rules, "--no-builtin-rules", "--at", AT,
               "--format", fmt, "--lang", args.lang]
        found, detail, took = judge(args, cmd, work, fmt)
        return {"kind": "pack", "i": i, "seed": path, "ops": ops, "format": fmt,
                "found": found, "detail": detail, "input": data, "took": took}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", default="target/release/rammelab")
    ap.add_argument("--root", default=".", help="the repository (models/, rules/, tests/corpus/)")
    ap.add_argument("--models", type=int, default=1000, help="model mutants")
    ap.add_argument("--rules", type=int, default=250, help="rule-pack mutants")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per run")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--lang", default="en", choices=["en", "nb"])
    ap.add_argument("--out", default=None, help="folder for the summary and the findings")
    ap.add_argument("--max-seconds", type=float, default=0,
                    help="stop starting new runs after this many seconds (0: no limit)")
    ap.add_argument("--quick", action="store_true",
                    help="models without the built-in rules, packs with the vocabulary only "
                         "(for a debug binary in the test suite)")
    ap.add_argument("--keep", type=int, default=20, help="inputs kept per class")
    args = ap.parse_args()
    args.binary = os.path.abspath(args.binary)
    root = os.path.abspath(args.root)
    models, packs = seeds(root)
    if args.quick:
        # The large pathological inputs of the corpus have tests of their own.
        models = [m for m in models if len(m[1]) <= 20_000]
        QUICK[0] = True
    if not models or not packs:
        sys.exit("no seeds: run from the repository root or give --root")

    started = time.monotonic()
    counts = {"model": 0, "pack": 0}
    found = {k: {"model": 0, "pack": 0} for k in ("panic", "timeout", "unlocated", "json", "leak")}
    examples = {}
    slowest = 0.0
    harness_errors = 0
    # Each case has its own generator, seeded from the run's seed and its number, so a case
    # can be replayed alone and the results do not depend on --jobs.
    # Models and packs interleaved, so a run stopped by --max-seconds has some of each.
    jobs = sorted([("model", i, i / max(args.models, 1)) for i in range(args.models)]
                  + [("pack", i, i / max(args.rules, 1)) for i in range(args.rules)],
                  key=lambda j: (j[2], j[0]))
    deadline = started + args.max_seconds if args.max_seconds else None
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        def run(job):
            kind, i, _ = job
            if deadline and time.monotonic() > deadline:
                return None
            rng = random.Random(f"{args.seed}/{kind}/{i}")
            try:
                if kind == "model":
                    return model_case(args, i, models, rng)
                return pack_case(args, i, packs, rng, root)
            except OSError as e:
                # The harness could not set the case up (a full disk): not a finding.
                return {"kind": kind, "i": i, "harness_error": str(e)}

        for r in pool.map(run, jobs):
            if r is None:
                continue
            if "harness_error" in r:
                harness_errors += 1
                continue
            counts[r["kind"]] += 1
            slowest = max(slowest, r.get("took", args.timeout))
            for cls in r["found"]:
                found[cls][r["kind"]] += 1
                kept = examples.setdefault(cls, [])
                if len(kept) < args.keep:
                    kept.append(r)

    summary = {
        "seed": args.seed,
        "binary": args.binary,
        "timeout_seconds": args.timeout,
        "model_mutants": counts["model"],
        "rule_pack_mutants": counts["pack"],
        "found": found,
        "slowest_run_seconds": round(slowest, 2),
        "harness_errors": harness_errors,
        "wall_seconds": round(time.monotonic() - started, 1),
        "examples": {
            cls: [{k: r[k] for k in ("kind", "i", "seed", "ops", "format", "detail")}
                  for r in rs[:3]]
            for cls, rs in examples.items()
        },
    }
    if args.out:
        os.makedirs(args.out, exist_ok=True)
        for cls, rs in examples.items():
            d = os.path.join(args.out, cls)
            os.makedirs(d, exist_ok=True)
            for r in rs:
                ext = "lsm" if r["kind"] == "model" else "yaml"
                with open(os.path.join(d, f"{r['kind']}-{r['i']}.{ext}"), "wb") as f:
                    f.write(r["input"])
                with open(os.path.join(d, f"{r['kind']}-{r['i']}.txt"), "w") as f:
                    f.write(json.dumps({k: r[k] for k in ("seed", "ops", "format")}) + "\n")
                    f.write(r["detail"])
        with open(os.path.join(args.out, "summary.json"), "w") as f:
            json.dump(summary, f, indent=2, ensure_ascii=False)
    json.dump(summary, sys.stdout, indent=2, ensure_ascii=False)
    print()
    bad = sum(v for c in found.values() for v in c.values())
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
