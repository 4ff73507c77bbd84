"""The Prefect flows against a real temporary Prefect server (shared, see prefect_harness.py).

Links are off here (the fixture issue cites real hosts and tests never touch the internet);
the link re-check flow is tested against local HTTP servers in test_recheck.py.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

FIX = Path(__file__).parent / "fixtures"
GOOD = FIX / "issue_seed_gb1" / "issue.pdf"
JOURNAL = FIX / "journal.toml"


def _settings(tmp_path: Path) -> Path:
    cfg = tmp_path / "journal.toml"
    cfg.write_text(JOURNAL.read_text(encoding="utf-8") + '\n[orchestration]\ninbox = "inbox"\nout = "out"\n'
                   "settle_seconds = 0\nlinks = false\nmax_workers = 2\n", encoding="utf-8")
    return cfg


def _artifacts(key: str):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        return client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])))


def _task_runs(flow_run_id, expect: str = "write_outputs", timeout: float = 20.0) -> dict[str, list]:
    """The flow run's task runs by task name; task runs reach the server as events, a moment
    after the flow returns: wait (up to `timeout`) until `expect` has a final one."""
    import time

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    deadline = time.time() + timeout
    while True:
        with get_client(sync_client=True) as client:
            runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
        by_task: dict[str, list] = {}
        for r in runs:
            by_task.setdefault(r.name.rsplit("-", 1)[0], []).append(r)
        done = [r for r in by_task.get(expect, []) if r.state and r.state.is_final()]
        if done or time.time() > deadline:
            return by_task
        time.sleep(0.3)


def _task_states(flow_run_id) -> dict[str, list[str]]:
    return {name: [r.state.name for r in runs] for name, runs in _task_runs(flow_run_id).items()}


def test_process_inbox_flow(prefect_server, tmp_path):
    from flows.inbox import process_inbox

    cfg = _settings(tmp_path)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(GOOD, inbox / "issue.pdf")
    shutil.copy(GOOD, inbox / "same-again.pdf")
    (inbox / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100 + b"\n%%EOF\n")
    from flows.inbox import InboxProblems

    state = process_inbox(str(cfg), return_state=True)
    assert state.is_failed() and "corrupt.pdf" in state.message  # one bad PDF: the pass is not green
    with pytest.raises(InboxProblems) as failed:
        state.result()
    result = failed.value.summary  # ... but every file was handled, and the summary says how
    assert result["counts"] == {"processed": 1, "failed": 1, "duplicate": 1, "waiting": 0}
    status = {o["file"]: o["status"] for o in result["outcomes"]}
    assert status == {"corrupt.pdf": "failed", "issue.pdf": "processed", "same-again.pdf": "duplicate"}
    issue_dir = tmp_path / "out" / "2095-3453-2023-6"
    record = json.loads((issue_dir / "issue.json").read_text(encoding="utf-8"))
    assert record["source"]["file"] == "issue.pdf" and len(record["articles"]) >= 3
    assert (issue_dir / "crossref.xml").exists()
    assert (inbox / "processed" / "issue.pdf").exists()
    assert "corrupt.pdf" in (inbox / "failed" / "corrupt.pdf.error").read_text(encoding="utf-8")
    # artifacts of the ingest subflow and the inbox summary
    table = _artifacts("articles-2095-3453-2023-6")
    assert table and "a01" in str(table[0].data)
    assert "Not checked" in str(_artifacts("links-2095-3453-2023-6")[0].data)
    assert "1 processed, 1 failed, 1 duplicate" in str(_artifacts("inbox-summary")[0].data)
    assert "inbox: corrupt.pdf failed" in _run_artifact("inbox-warnings", state.state_details.flow_run_id)


def test_an_output_not_written_fails_the_run_and_says_why(prefect_server, tmp_path, monkeypatch):
    """A published folder without report.html (here the page renderer breaks) is not a green
    run: Failed, naming the file and the reason, in the log and the warnings artifact."""
    import review

    from flows.ingest import ingest_issue
    from flows.problems import IncompleteOutput

    def broken(*args, **kwargs):
        raise RuntimeError("PDFium could not open the page")

    monkeypatch.setattr(review, "write_review_report", broken)
    state = ingest_issue(str(GOOD), str(tmp_path / "out"), str(JOURNAL), links=False, schemas=False,
                         return_state=True)
    assert state.is_failed() and "report.html" in state.message and "PDFium" in state.message
    with pytest.raises(IncompleteOutput):
        state.result()
    issue_dir = tmp_path / "out" / "2095-3453-2023-6"
    assert (issue_dir / "issue.json").is_file() and not (issue_dir / "report.html").exists()  # the rest is kept
    md = _run_artifact("warnings-2095-3453-2023-6", state.state_details.flow_run_id)  # (other runs share the key)
    assert "`report.html`" in md and "PDFium could not open the page" in md
    assert "no DOI, left out of crossref.xml" in md  # the ordinary warnings are there too
    assert "report.html not written" in _run_logs(state.state_details.flow_run_id)


def _run_artifact(key: str, flow_run_id) -> str:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        [found] = client.read_artifacts(artifact_filter=ArtifactFilter(
            key=ArtifactFilterKey(any_=[key]), flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])))
    return str(found.data)


def _run_logs(flow_run_id) -> str:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=10)  # logs reach the server in batches: send what is queued

    with get_client(sync_client=True) as client:
        logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run_id])))
    return "\n".join(log.message for log in logs)


def test_inbox_files_an_incomplete_ingest_as_processed_and_fails_the_pass(tmp_path):
    """No Prefect needed: the inbox rule for a folder published without some output."""
    from flows.inbox_steps import process_inbox as plain
    from flows.problems import IncompleteOutput

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(GOOD, inbox / "issue.pdf")

    def ingest(pdf: Path, force: bool) -> Path:
        raise IncompleteOutput(tmp_path / "out" / "x", "published without report.html: boom")

    summary = plain(inbox, tmp_path / "out", ingest)
    [o] = summary.outcomes
    assert o.status == "processed" and "report.html" in o.error and summary.problems() == [o]
    assert (inbox / "processed" / "issue.pdf").exists()  # its record exists: not filed as failed
    assert "(incomplete: " in summary.text()


def test_deposit_form_defaults_are_valid_and_the_approver_is_required():
    """The approval form (issue 13): every default it shows passes its own schema, and the
    approver, which the workflow needs, is required in the schema rather than defaulting to
    an empty name that failed later with a traceback."""
    from prefect.utilities.schema_tools import ValidationError, validate

    from flows.deposit_flow import DepositDecision

    form = DepositDecision.with_initial_data(description="summary", action="approve")
    schema = form.model_json_schema()
    assert schema["required"] == ["approver"] and "required" in schema["properties"]["approver"]["description"]
    defaults = {k: v["default"] for k, v in schema["properties"].items() if "default" in v}
    assert defaults["action"] == "approve"
    validate({**defaults, "approver": "editor-li"}, schema, raise_on_error=True)
    for blank in ({}, {"approver": ""}, {"approver": "   "}):
        with pytest.raises(ValidationError):
            validate({**defaults, **blank}, schema, raise_on_error=True)


def test_ingest_rerun_reuses_cached_steps_and_gives_the_same_record(prefect_server, tmp_path):
    from flows.ingest import ingest_issue

    pdf = tmp_path / "renamed.pdf"
    shutil.copy(GOOD, pdf)
    first = ingest_issue(str(pdf), str(tmp_path / "a"), str(JOURNAL), links=False, schemas=False,
                         return_state=True)
    second = ingest_issue(str(pdf), str(tmp_path / "b"), str(JOURNAL), links=False, schemas=False,
                          return_state=True)
    states = _task_states(second.state_details.flow_run_id)
    assert set(states["read_issue"]) == {"Cached"} and set(states["split_issue"]) == {"Cached"}
    assert set(states["extract_articles"]) == {"Cached"}
    assert set(states["write_outputs"]) == {"Completed"}  # outputs are never cached
    a = (first.result().out_dir / "issue.json").read_bytes()
    b = (second.result().out_dir / "issue.json").read_bytes()
    assert a == b and b'"renamed.pdf"' in b


def test_ingest_flow_does_not_retry_bad_input(prefect_server, tmp_path):
    from flows.ingest import ingest_issue
    from parsers.errors import OutputExists

    out = tmp_path / "out"
    ingest_issue(str(GOOD), str(out), str(JOURNAL), links=False, schemas=False)
    state = ingest_issue(str(GOOD), str(out), str(JOURNAL), links=True, schemas=False, return_state=True)
    assert state.is_failed()
    with pytest.raises(OutputExists):
        state.result()
    [run] = _task_runs(state.state_details.flow_run_id)["write_outputs"]
    assert run.state.name == "Failed" and run.run_count == 1  # bad input is not retried


def test_only_unexpected_failures_are_retried():
    from prefect.states import Failed

    from flows.ingest import _transient
    from parsers.errors import OutputExists

    assert _transient(None, None, Failed(data=ConnectionError("archive reset the connection")))
    assert not _transient(None, None, Failed(data=OutputExists("out/x", "output already exists")))


def test_inbox_cli_runs_the_flow_with_prefect(prefect_server, tmp_path, capsys):
    from cli.main import main

    cfg = tmp_path / "journal.toml"
    cfg.write_text(JOURNAL.read_text(encoding="utf-8") + "\n[orchestration]\nsettle_seconds = 0\nlinks = true\n",
                   encoding="utf-8")
    inbox = tmp_path / "drop"
    inbox.mkdir()
    shutil.copy(GOOD, inbox / "issue.pdf")
    # --no-links wins over links = true: nothing may reach the cited (real) hosts
    assert main(["inbox", str(inbox), "--out", str(tmp_path / "out"), "--journal", str(cfg),
                 "--once", "--prefect", "--no-links"]) == 0
    assert "processed issue.pdf" in " ".join(capsys.readouterr().out.split())
    issue_dir = tmp_path / "out" / "2095-3453-2023-6"
    assert (issue_dir / "issue.json").exists() and not (issue_dir / "links.json").exists()


def test_pre_filled_approval_form_is_refused_by_the_server_not_a_traceback(prefect_server, tmp_path, monkeypatch):
    """Submitting the pause form as pre-filled (no approver) is refused by Prefect's input
    validation with the field named; the run stays paused and goes on with a name."""
    import threading
    import time

    from prefect.client.orchestration import get_client
    from prefect.flow_runs import resume_flow_run

    from flows.deposit_flow import deposit_issue
    from schemas import xmlcheck
    from tests.crossref_fake_server import FakeCrossref

    if xmlcheck.find_schema_dir() is None:
        pytest.skip("Crossref schemas not found: a deposit is validated before the pause")
    data = Path(__file__).parent / "deposit_data"
    issue = tmp_path / "out" / "1234-5678-2024-3"
    issue.mkdir(parents=True)
    shutil.copy(data / "crossref.xml", issue)
    shutil.copy(data / "issue.json", issue)
    with FakeCrossref(polls_to_process=1) as fake:
        for k, v in {"CROSSREF_TEST_URL": fake.url, "CROSSREF_LOGIN_ID": "editor@example.org/role",
                     "CROSSREF_LOGIN_PASSWD": "s3cret-Pa55", "CROSSREF_POLL_INTERVAL": "0"}.items():
            monkeypatch.setenv(k, v)
        result: dict = {}
        worker = threading.Thread(target=lambda: result.update(out=deposit_issue(
            str(issue), approval_timeout=120, approval_poll_interval=1)), daemon=True)
        worker.start()
        paused = None
        with get_client(sync_client=True) as client:
            for _ in range(200):
                paused = next((r for r in client.read_flow_runs() if r.state and r.state.is_paused()
                               and r.parameters.get("issue_dir") == str(issue)), None)
                if paused:
                    break
                time.sleep(0.3)
        assert paused, "the deposit never paused for approval"
        with pytest.raises(RuntimeError, match="'approver' is a required property"):
            resume_flow_run(paused.id, run_input={"action": "approve", "reason": "", "corrections": []})
        resume_flow_run(paused.id, run_input={"action": "reject", "approver": "editor-li", "reason": "test"})
        worker.join(60)
    assert result["out"]["status"] == "rejected" and not fake.uploads
