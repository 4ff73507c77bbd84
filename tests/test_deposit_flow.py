"""The Prefect flow pauses for a DepositDecision and resumes with the editor's input.

Uses prefect_test_harness (a temporary local Prefect server). It takes ~45 s (server start
and stop dominate), so it runs only with JOURNAL_INGEST_PREFECT_TESTS=1.
"""
from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import os

import pytest

from tests.crossref_fake_server import FakeCrossref

DATA = Path(__file__).parent / "deposit_data"


def _wait_paused(after=None, timeout: float = 60.0):
    """The paused flow run, in a pause other than `after` (a previous paused state id)."""
    from prefect.client.orchestration import get_client

    deadline = time.time() + timeout
    with get_client(sync_client=True) as client:
        while time.time() < deadline:
            for run in client.read_flow_runs():
                if run.state and run.state.is_paused() and run.state.id != after:
                    return run
            time.sleep(0.3)
    raise AssertionError("flow run never paused")


@pytest.mark.skipif(not os.environ.get("JOURNAL_INGEST_PREFECT_TESTS"),
                    reason="slow (~45 s): set JOURNAL_INGEST_PREFECT_TESTS=1 to run the Prefect pause test")
def test_flow_pauses_for_correction_then_approval(tmp_path, monkeypatch):
    prefect_testing = pytest.importorskip("prefect.testing.utilities")
    from prefect.flow_runs import resume_flow_run

    from flows.deposit import deposit_issue

    issue = tmp_path / "out" / "1234-5678-2024-3"
    issue.mkdir(parents=True)
    shutil.copy(DATA / "crossref.xml", issue)
    shutil.copy(DATA / "issue.json", issue)
    with FakeCrossref(polls_to_process=1) as fake, prefect_testing.prefect_test_harness():
        monkeypatch.setenv("CROSSREF_TEST_URL", fake.url)
        monkeypatch.setenv("CROSSREF_LOGIN_ID", "journal/role")
        monkeypatch.setenv("CROSSREF_LOGIN_PASSWD", "s3cret-Pa55")
        monkeypatch.setenv("CROSSREF_POLL_INTERVAL", "0")
        result: dict = {}
        worker = threading.Thread(
            target=lambda: result.update(out=deposit_issue(str(issue), approval_timeout=120,
                                                           approval_poll_interval=1)),
            daemon=True)
        worker.start()
        run = _wait_paused()
        resume_flow_run(run.id, run_input={
            "action": "correct", "approver": "editor-li",
            "corrections": [{"doi": "10.5555/jes.2024.03.001", "field": "title", "value": "Corrected title"}]})
        run = _wait_paused(after=run.state.id)
        resume_flow_run(run.id, run_input={"action": "approve", "approver": "editor-li"})
        worker.join(60)
    assert result["out"]["status"] == "registered"
    assert b"Corrected title" in next(iter(fake.uploads.values())).content
