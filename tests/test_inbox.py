"""The inbox rules as plain functions (no Prefect): real ingests of the fixture issue."""
from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest

from cli.main import main
from flows.inbox_steps import Ledger, inbox_lock, process_inbox, sha256_file
from flows.steps import ingest
from parsers.errors import BadConfig, IngestError
from schemas.orchestration import load_orchestration

FIX = Path(__file__).parent / "fixtures"
GOOD = FIX / "issue_seed_gb1" / "issue.pdf"
JOURNAL = FIX / "journal.toml"


def plain_ingest(out: Path):
    def run(pdf: Path, force: bool) -> Path:
        return ingest(pdf, out, JOURNAL, force=force).out_dir
    return run


def drop(inbox: Path, name: str, data: bytes | None = None) -> Path:
    inbox.mkdir(parents=True, exist_ok=True)
    dest = inbox / name
    if data is None:
        shutil.copy(GOOD, dest)
    else:
        dest.write_bytes(data)
    return dest


def test_good_corrupt_and_duplicate(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    drop(inbox, "a.pdf")
    drop(inbox, "b-copy.pdf")  # same bytes: a duplicate of a.pdf
    drop(inbox, "broken.pdf", GOOD.read_bytes()[:4000])
    summary = process_inbox(inbox, out, plain_ingest(out))
    by_file = {o.file: o for o in summary.outcomes}
    assert summary.counts() == {"processed": 1, "failed": 1, "duplicate": 1, "waiting": 0}
    assert by_file["a.pdf"].status == "processed"
    issue_dir = Path(by_file["a.pdf"].output)
    assert json.loads((issue_dir / "issue.json").read_text())["source"]["sha256"] == sha256_file(GOOD)
    assert (inbox / "processed" / "a.pdf").read_bytes() == GOOD.read_bytes()
    assert by_file["b-copy.pdf"].status == "duplicate" and "a.pdf" in by_file["b-copy.pdf"].error
    assert (inbox / "b-copy.pdf").exists()  # left where it is, untouched
    error = (inbox / "failed" / "broken.pdf.error").read_text()
    assert error.count("\n") == 1 and "broken.pdf" in error and "truncated" in error
    assert (inbox / "failed" / "broken.pdf").exists() and not (inbox / "broken.pdf").exists()
    ledger = [json.loads(line) for line in (out / "inbox-ledger.jsonl").read_text().splitlines()]
    assert [(e["file"], e["status"]) for e in ledger] == [("a.pdf", "processed"), ("broken.pdf", "failed")]
    assert "1 processed, 1 failed, 1 duplicate" in summary.text()


def test_second_pass_skips_and_reprocess_replaces_keeping_the_old(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    drop(inbox, "a.pdf")
    first = process_inbox(inbox, out, plain_ingest(out))
    drop(inbox, "a.pdf")  # the same issue sent again
    again = process_inbox(inbox, out, plain_ingest(out))
    assert [o.status for o in again.outcomes] == ["duplicate"]
    redo = process_inbox(inbox, out, plain_ingest(out), reprocess=True)
    assert [o.status for o in redo.outcomes] == ["processed"]
    target = Path(first.outcomes[0].output)
    assert (target / "issue.json").exists()
    assert len(list(out.glob(target.name + ".replaced-*"))) == 1  # the old output kept aside
    # the second copy must not overwrite the first in processed/
    assert len(list((inbox / "processed").glob("a*.pdf"))) == 2


def test_a_crash_in_one_file_does_not_stop_the_rest(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    drop(inbox, "1.pdf", b"%PDF-1.4 first\n")
    drop(inbox, "2.pdf", b"%PDF-1.4 second\n")
    seen = []

    def flaky(pdf: Path, force: bool) -> Path:
        seen.append(pdf.name)
        if pdf.name == "1.pdf":
            raise RuntimeError("worker lost\nwith a second line")
        return out / "done"

    summary = process_inbox(inbox, out, flaky)
    assert seen == ["1.pdf", "2.pdf"]
    assert [o.status for o in summary.outcomes] == ["failed", "processed"]
    assert (inbox / "failed" / "1.pdf.error").read_text() == "RuntimeError: worker lost with a second line\n"


def test_files_still_arriving_are_left_for_later(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    drop(inbox, "new.pdf", b"%PDF-1.4 partial")
    called = []
    summary = process_inbox(inbox, out, lambda p, f: called.append(p) or out, settle_seconds=3600)
    assert [o.status for o in summary.outcomes] == ["waiting"] and not called
    assert (inbox / "new.pdf").exists() and not (out / "inbox-ledger.jsonl").exists()


def test_missing_inbox_broken_ledger_and_concurrent_pass_are_clear_errors(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(IngestError, match="inbox folder not found"):
        process_inbox(tmp_path / "nope", out, plain_ingest(out))
    (out / "inbox-ledger.jsonl").write_text('{"sha256": "x"}\nnot json\n')
    with pytest.raises(IngestError, match="line 2 is not JSON"):
        Ledger(out / "inbox-ledger.jsonl")
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with inbox_lock(out):
            held.set()
            release.wait(10)

    t = threading.Thread(target=hold)
    t.start()
    held.wait(10)
    try:
        # flock locks are per open file description: a second open in this process conflicts too
        with pytest.raises(IngestError, match="another inbox pass"):
            with inbox_lock(out):
                pass
    finally:
        release.set()
        t.join()


def test_orchestration_settings(tmp_path):
    cfg = tmp_path / "journal.toml"
    cfg.write_text(JOURNAL.read_text() + '\n[orchestration]\ninbox = "drop"\nsettle_seconds = 0\n'
                   'inbox_cron = "*/5 * * * *"\nmax_workers = 2\n')
    s = load_orchestration(cfg)
    assert s.inbox == tmp_path / "drop" and s.out == Path("output") and s.max_workers == 2
    assert s.link_cache == Path("output") / "links-cache.sqlite"
    for bad, message in [('inbox_cron = "every day"', "inbox_cron"), ("max_workers = 0", "max_workers"),
                         ('colour = "red"', "unknown"), ('links = "yes"', "true or false"),
                         ('timezone = "Mars/Olympus"', "time zone"), ("max_workers = 1.5", "whole number"),
                         ('dask_address = "scheduler"', "tcp://")]:
        cfg.write_text(f"[orchestration]\n{bad}\n")
        with pytest.raises(BadConfig, match=message) as exc:
            load_orchestration(cfg)
        assert str(cfg) in str(exc.value)


def test_dask_address_from_environment(monkeypatch):
    from schemas.orchestration import OrchestrationSettings
    monkeypatch.setenv("JOURNAL_INGEST_DASK_ADDRESS", "tcp://10.0.0.5:8786")
    assert OrchestrationSettings(dask_address="tcp://other:1").scheduler() == "tcp://10.0.0.5:8786"
    monkeypatch.delenv("JOURNAL_INGEST_DASK_ADDRESS")
    assert OrchestrationSettings(dask_address="tcp://other:1").scheduler() == "tcp://other:1"


def test_cli_once(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    cfg = tmp_path / "journal.toml"
    cfg.write_text(JOURNAL.read_text() + "\n[orchestration]\nsettle_seconds = 0\nlinks = false\n")
    drop(inbox, "bad.pdf", b"not a pdf at all")
    assert main(["inbox", str(inbox), "--out", str(out), "--journal", str(cfg), "--once"]) == 1
    printed = capsys.readouterr().out
    assert "0 processed, 1 failed" in printed and "bad.pdf" in printed
    assert (inbox / "failed" / "bad.pdf.error").exists()
    cfg.write_text("[orchestration]\nsettle_seconds = -1\n")
    assert main(["inbox", str(inbox), "--journal", str(cfg), "--once"]) == 2
    assert "settle_seconds must not be negative" in capsys.readouterr().err


def test_a_pass_stopped_after_publishing_is_finished_by_the_next(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    published = ingest(GOOD, out, JOURNAL).out_dir  # published, but the source never filed away
    drop(inbox, "issue.pdf")
    summary = process_inbox(inbox, out, plain_ingest(out))
    assert [(o.status, o.output) for o in summary.outcomes] == [("processed", str(published))]
    assert (inbox / "processed" / "issue.pdf").exists() and not (inbox / "failed").exists()
    # a different PDF whose issue is already published is still refused, clearly
    from pypdf import PdfReader, PdfWriter
    writer = PdfWriter(clone_from=PdfReader(GOOD))
    writer.add_metadata({"/Subject": "another printing"})  # other bytes, same issue
    writer.write(inbox / "other.pdf")
    summary = process_inbox(inbox, out, plain_ingest(out))
    assert summary.outcomes[0].status == "failed" and "already exists" in summary.outcomes[0].error


def test_an_ingest_gives_the_garbage_collector_back(tmp_path):
    """flows.steps.collector_paused: an inbox worker runs many ingests in one process; each
    turns Python's cyclic collector off while it runs, and must turn it on again, after a
    good issue and after a bad one alike."""
    import gc

    assert gc.isenabled()
    seen: list[bool] = []
    ingest(GOOD, tmp_path / "out", JOURNAL, after_extract=lambda *a: seen.append(gc.isenabled()))
    assert seen == [False] and gc.isenabled()
    bad = drop(tmp_path / "in", "broken.pdf", b"%PDF-1.7\n" + b"\x00" * 64)
    with pytest.raises(IngestError):
        ingest(bad, tmp_path / "out", JOURNAL)
    assert gc.isenabled()
