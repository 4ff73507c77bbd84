"""Scale-out: `ingest_issue` with its per-article tasks on a Dask cluster (a real
`distributed.LocalCluster`, in-process workers) writes the same issue.json as the plain
in-process run."""
from __future__ import annotations

from pathlib import Path

import pytest

FIX = Path(__file__).parent / "fixtures"
GOOD = FIX / "issue_seed_gb1" / "issue.pdf"
JOURNAL = FIX / "journal.toml"


def test_ingest_on_dask_matches_in_process(prefect_server, tmp_path):
    distributed = pytest.importorskip("distributed")
    from prefect.settings import PREFECT_TASKS_REFRESH_CACHE, temporary_settings

    from flows.ingest import run_ingest
    from flows.steps import ingest

    plain = ingest(GOOD, tmp_path / "plain", JOURNAL)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        # recompute rather than reuse results cached by other tests: the work must run on Dask
        with temporary_settings(updates={PREFECT_TASKS_REFRESH_CACHE: True}):
            result = run_ingest(str(GOOD), str(tmp_path / "dask"), dask_address=cluster.scheduler_address,
                                journal=str(JOURNAL), links=False, schemas=False)
        ran_on_dask = [p for p in cluster.scheduler.task_prefixes if "extract_articles" in p]
    assert ran_on_dask, f"no extract_articles task reached the scheduler: {list(cluster.scheduler.task_prefixes)}"
    assert (result.out_dir / "issue.json").read_bytes() == (plain.out_dir / "issue.json").read_bytes()


def test_task_runner_choice(monkeypatch):
    from prefect.task_runners import ThreadPoolTaskRunner

    from flows.runners import task_runner

    monkeypatch.delenv("JOURNAL_INGEST_DASK_ADDRESS", raising=False)
    local = task_runner("", max_workers=3)
    assert isinstance(local, ThreadPoolTaskRunner) and local._max_workers == 3
    monkeypatch.setenv("JOURNAL_INGEST_DASK_ADDRESS", "tcp://127.0.0.1:8786")
    from prefect_dask import DaskTaskRunner
    remote = task_runner("", max_workers=3)
    assert isinstance(remote, DaskTaskRunner) and remote.address == "tcp://127.0.0.1:8786"
