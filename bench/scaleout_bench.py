"""Scale-out of `ingest_issue`: local thread pool and a Dask LocalCluster against the plain
single-process run, same 500-page issue, same run. Not a test: the speed-up ratio is what
we compare, not seconds.

    python bench/scaleout_bench.py [--pages 500] [--runs 2] [--workers 2]

Variants (all without link checks; outputs into temporary folders):
- `single`: `flows.steps.ingest(workers=1)` with the XML step, the reference: everything
  in one process;
- `plain`:  the same with the text layer read by several processes (the CLI's in-process run);
- `pool`:   the Prefect flow with `ThreadPoolTaskRunner(max_workers=N)`;
- `dask`:   the Prefect flow with `DaskTaskRunner` on a `LocalCluster` of N worker processes.
The flows run against one temporary Prefect server; task caching is bypassed
(PREFECT_TASKS_REFRESH_CACHE), so every run does the work.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2, help="pool threads / Dask worker processes")
    args = ap.parse_args()

    from distributed import LocalCluster
    from prefect.settings import PREFECT_TASKS_REFRESH_CACHE, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    from flows.extras import after_extract_hook
    from flows.ingest import run_ingest
    from flows.steps import ingest
    from ingest_bench import build_issue

    pdf = build_issue(args.pages)
    best: dict[str, float] = {}

    def measure(name: str, run) -> None:
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as out:
                t = timed(lambda: run(Path(out)))
            best[name] = min(best.get(name, t), t)
        print(f"  {name:<7} {best[name]:7.2f} s", flush=True)

    print(f"{args.pages}-page issue, {os.cpu_count()} CPUs, {args.workers} workers, best of {args.runs}:")
    xml = after_extract_hook(None, links=False, schemas=False)  # what the flow's last task does too
    measure("single", lambda out: ingest(pdf, out, workers=1, after_extract=xml))
    measure("plain", lambda out: ingest(pdf, out, after_extract=xml))
    with prefect_test_harness(server_startup_timeout=180), \
            temporary_settings(updates={PREFECT_TASKS_REFRESH_CACHE: True}):
        flow_args = dict(links=False, schemas=False)
        measure("pool", lambda out: run_ingest(str(pdf), str(out), max_workers=args.workers, **flow_args))
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster:
            run_ingest(str(pdf), tempfile.mkdtemp(), dask_address=cluster.scheduler_address, **flow_args)  # warm-up
            measure("dask", lambda out: run_ingest(str(pdf), str(out), dask_address=cluster.scheduler_address,
                                                   **flow_args))
    ref = best["single"]
    print("speed-up against single (higher is faster): "
          + ", ".join(f"{k} {ref / v:.2f}x" for k, v in best.items() if k != "single"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
