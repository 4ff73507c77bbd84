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


def _task_runs(flow_run_id) -> dict[str, list]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
    by_task: dict[str, list] = {}
    for r in runs:
        by_task.setdefault(r.name.rsplit("-", 1)[0], []).append(r)
    return by_task


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
    result = process_inbox(str(cfg))
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
