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


def test_a_correction_that_cannot_be_saved_patches_nothing_and_asks_again(prefect_server, tmp_path, monkeypatch):
    """A correction is saved in issue.json or not at all: crossref.xml is never patched on its
    own (the next `journal-ingest xml` would undo it). This folder's issue.json is only the
    deposit's companion, not a full record, so the save is refused, the run pauses again, and
    the approved deposit is the file as it was."""
    from prefect.flow_runs import resume_flow_run

    from flows.deposit_flow import deposit_issue

    issue = tmp_path / "out" / "1234-5678-2024-3"
    issue.mkdir(parents=True)
    shutil.copy(DATA / "crossref.xml", issue)
    shutil.copy(DATA / "issue.json", issue)
    before = {p.name: p.read_bytes() for p in issue.iterdir()}
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
        assert {p.name: p.read_bytes() for p in issue.iterdir()} == before
        resume_flow_run(run.id, run_input={"action": "approve", "approver": "editor-li"})
        worker.join(60)
    assert result["out"]["status"] == "registered"
    assert b"Corrected title" not in next(iter(fake.uploads.values())).content


def test_a_correction_in_the_approval_form_lands_in_issue_json(prefect_server, tmp_path, monkeypatch):
    """Issue 13: a correction typed into the pause form goes through the workbench's edit
    path: issue.json, crossref.xml, article.xml and corrections.jsonl change together (so
    the next `journal-ingest xml` keeps it); a refused one changes nothing and the run asks
    again; the deposit then carries the corrected title."""
    from prefect.flow_runs import resume_flow_run

    from flows.deposit_flow import deposit_issue
    from review.edit import read_corrections, read_issue_dict
    from tests.review_support import JOURNAL, ingest_issue

    issue = ingest_issue(tmp_path / "out")
    doi = read_issue_dict(issue)["articles"][1]["doi"]
    before = (issue / "issue.json").read_bytes()
    with FakeCrossref(polls_to_process=1, prefixes={"journal/role": ["10.19498"]}) as fake:
        monkeypatch.setenv("CROSSREF_TEST_URL", fake.url)
        monkeypatch.setenv("CROSSREF_LOGIN_ID", "journal/role")
        monkeypatch.setenv("CROSSREF_LOGIN_PASSWD", "s3cret-Pa55")
        monkeypatch.setenv("CROSSREF_POLL_INTERVAL", "0")
        monkeypatch.delenv("JOURNAL_INGEST_LEDGER", raising=False)
        result: dict = {}
        worker = threading.Thread(
            target=lambda: result.update(out=deposit_issue(str(issue), approval_timeout=120, approval_poll_interval=1,
                                                           journal=str(JOURNAL))),
            daemon=True)
        worker.start()
        run = _wait_paused()
        resume_flow_run(run.id, run_input={"action": "correct", "approver": "editor-li", "corrections": [
            {"doi": doi, "field": "received", "value": "2023-02-30"}]})
        run = _wait_paused(after=run.state.id)  # refused: asked again, nothing changed
        assert (issue / "issue.json").read_bytes() == before
        resume_flow_run(run.id, run_input={"action": "correct", "approver": "editor-li", "corrections": [
            {"doi": doi, "field": "title.en", "value": "Corrected in the approval form"},
            {"doi": doi, "field": "keywords.zh", "value": '["日本", "北约"]'}]})
        run = _wait_paused(after=run.state.id)
        art = read_issue_dict(issue)["articles"][1]
        assert art["title"]["en"] == "Corrected in the approval form" and art["keywords"]["zh"] == ["日本", "北约"]
        assert "Corrected in the approval form" in (issue / "crossref.xml").read_text(encoding="utf-8")
        assert "Corrected in the approval form" in (issue / "articles" / art["id"] / "article.xml").read_text(
            encoding="utf-8")
        assert [(c["editor"], c["field"]) for c in read_corrections(issue)] == [
            ("editor-li", "title.en"), ("editor-li", "keywords.zh")]
        assert not list(issue.glob("crossref.xml.*.bak"))  # crossref.xml was rebuilt, not patched
        resume_flow_run(run.id, run_input={"action": "approve", "approver": "editor-li"})
        worker.join(60)
    assert result["out"]["status"] == "registered"
    assert b"Corrected in the approval form" in next(iter(fake.uploads.values())).content
