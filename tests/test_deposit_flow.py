"""The Prefect flow pauses for a DepositDecision and resumes with the editor's input.

Runs against the session-wide temporary Prefect server (`prefect_server`, see
tests/prefect_harness.py), so it pays no server start of its own.
"""
from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest

from schemas import xmlcheck
from tests.crossref_fake_server import FakeCrossref

if xmlcheck.find_schema_dir() is None:  # a deposit is validated before it is sent: no schemas, no deposit
    pytest.skip("Crossref schemas not found (../shared/schemas or JOURNAL_INGEST_SCHEMAS)", allow_module_level=True)

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


def test_flow_pauses_for_correction_then_approval(prefect_server, tmp_path, monkeypatch):
    from prefect.flow_runs import resume_flow_run

    from flows.deposit_flow import deposit_issue

    issue = tmp_path / "out" / "1234-5678-2024-3"
    issue.mkdir(parents=True)
    shutil.copy(DATA / "crossref.xml", issue)
    shutil.copy(DATA / "issue.json", issue)
    with FakeCrossref(polls_to_process=1) as fake:
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
