"""Alternating runs of `journal-ingest ingest --no-links` from several code trees, and
pdftotext, on one issue: the steadier comparison on a shared machine (each round runs every
command once, so a busy spell slows all of them alike). Medians of wall and CPU seconds
(user + system, children included) and each median's ratio to pdftotext's.

    python bench/alternate.py --runs 8 now=.venv/bin/journal-ingest \\
        base=/tmp/base:.venv/bin/journal-ingest old=/work/wt/old/.venv/bin/journal-ingest

A tree given as DIR:SCRIPT runs SCRIPT with DIR first on PYTHONPATH (a plain copy of another
commit, no venv of its own). Every tree is byte-compiled first, as a regular install is.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("parsers", "schemas", "flows", "cli", "review", "checks", "deposit")


def _cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    cpu, start = _cpu(), time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start, _cpu() - cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("trees", nargs="+", help="NAME=SCRIPT or NAME=DIR:SCRIPT")
    ap.add_argument("--pdf", type=Path, default=ROOT / "bench" / "results" / "issue_160p.pdf")
    ap.add_argument("--runs", type=int, default=8)
    ap.add_argument("--extra", default="", help="more ingest options, e.g. --no-report")
    args = ap.parse_args()
    trees: list[tuple[str, list[str], dict[str, str]]] = []
    for spec in args.trees:
        name, _, rest = spec.partition("=")
        env = dict(os.environ)
        if ":" in rest:
            tree, script = rest.split(":", 1)
            env["PYTHONPATH"] = tree
            root = Path(tree)
        else:
            script = rest
            root = Path(script).resolve().parents[2]  # (DIR/.venv/bin/journal-ingest)
        python = str(Path(script).with_name("python"))
        subprocess.run([python, "-m", "compileall", "-q", *(str(root / p) for p in PACKAGES if (root / p).is_dir())],
                       check=True, stdout=subprocess.DEVNULL, env=env)
        trees.append((name, [script, "ingest", str(args.pdf), "--no-links", "--quiet", *args.extra.split()], env))
    walls: dict[str, list[float]] = {n: [] for n, _, _ in trees}
    cpus: dict[str, list[float]] = {n: [] for n, _, _ in trees}
    walls["pdftotext"], cpus["pdftotext"] = [], []
    for r in range(args.runs):
        w, c = timed(["pdftotext", "-enc", "UTF-8", str(args.pdf), "-"])
        walls["pdftotext"].append(w)
        cpus["pdftotext"].append(c)
        order = trees if r % 2 == 0 else trees[::-1]
        for name, cmd, env in order:
            with tempfile.TemporaryDirectory() as out:
                w, c = timed(cmd + ["--out", out], env)
            walls[name].append(w)
            cpus[name].append(c)
    ref = statistics.median(walls["pdftotext"])
    ref_cpu = statistics.median(cpus["pdftotext"])
    print(f"{args.runs} rounds, {args.pdf.name} {args.extra}")
    print(f"{'':10} {'wall med':>9} {'min':>7} {'ratio':>6} {'CPU med':>8} {'CPU ratio':>9}")
    for name in walls:
        wm, cm = statistics.median(walls[name]), statistics.median(cpus[name])
        print(f"{name:10} {wm:9.3f} {min(walls[name]):7.3f} {wm / ref:6.1f} {cm:8.3f} {cm / max(ref_cpu, 1e-3):9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
