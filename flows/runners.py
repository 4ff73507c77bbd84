"""Where a flow's tasks run: a Dask cluster when a scheduler address is set, else a bounded
local thread pool. Chosen at call time (`flow.with_options(task_runner=...)`), so the same
flow code runs on a laptop, one server, or a cluster."""
from __future__ import annotations

import os

from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from schemas.orchestration import DASK_ENV


def task_runner(dask_address: str = "", max_workers: int = 4) -> TaskRunner:
    """DaskTaskRunner(address) when `dask_address` or $JOURNAL_INGEST_DASK_ADDRESS is set;
    else ThreadPoolTaskRunner(max_workers) (bounded: never one thread per article)."""
    address = os.environ.get(DASK_ENV, "").strip() or dask_address
    if address:
        from prefect_dask import DaskTaskRunner  # only needed when a cluster is used
        return DaskTaskRunner(address=address)
    return ThreadPoolTaskRunner(max_workers=max(1, max_workers))
