"""`journal-ingest deposit` / `deposits` end to end against the local fake Crossref."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cli.main import main
from tests.crossref_fake_server import FakeCrossref


from schemas import xmlcheck as _xmlcheck

if _xmlcheck.find_schema_dir() is None:  # deposits are validated first: no schemas, nothing to test
    pytest.skip("Crossref schemas not found (../shared/schemas or JOURNAL_INGEST_SCHEMAS)", allow_module_level=True)


DATA = Path(__file__).parent / "deposit_data"
ISSUE_ID = "1234-5678-2024-3"
PASSWORD = "s3cret-Pa55"


@pytest.fixture
def env(monkeypatch, tmp_path):
    with FakeCrossref(polls_to_process=1) as fake:
        monkeypatch.setenv("CROSSREF_TEST_URL", fake.url)
        monkeypatch.setenv("CROSSREF_PRODUCTION_URL", "http://127.0.0.1:9/never")
        monkeypatch.setenv("CROSSREF_LOGIN_ID", "journal/role")
        monkeypatch.setenv("CROSSREF_LOGIN_PASSWD", PASSWORD)
        monkeypatch.setenv("CROSSREF_POLL_INTERVAL", "0")
        monkeypatch.delenv("JOURNAL_INGEST_LEDGER", raising=False)
        issue = tmp_path / "out" / ISSUE_ID
        issue.mkdir(parents=True)
        shutil.copy(DATA / "crossref.xml", issue)
        shutil.copy(DATA / "issue.json", issue)
        yield fake, issue


def test_cli_deposit_yes_then_list(env, capsys):
    fake, issue = env
    assert main(["deposit", str(issue), "--yes", "--approver", "editor-li"]) == 0
    out = capsys.readouterr().out
    assert "Crossref TEST" in out and "registered" in out
    ledger = issue.parent / "deposit-ledger.sqlite3"
    assert ledger.is_file()
    assert main(["deposits", str(issue.parent)]) == 0
    listing = capsys.readouterr().out
    assert listing.count("registered") >= 2 and "10.5555/jes.2024.03.001" in listing
    assert main(["deposits", "--ledger", str(ledger), "--submissions"]) == 0
    assert "completed" in capsys.readouterr().out
    assert main(["deposits", str(issue.parent), "--history", "10.5555/jes.2024.03.001"]) == 0
    hist = capsys.readouterr().out
    assert "submitted" in hist and "editor-li" in hist
    # second run: identical file, nothing sent
    assert main(["deposit", str(issue), "--yes"]) == 0
    assert "skipped" in capsys.readouterr().out and fake.upload_attempts == 1
    assert PASSWORD.encode() not in ledger.read_bytes()


def test_cli_terminal_rejection(env, capsys, monkeypatch):
    fake, issue = env
    answers = iter(["n", "pages look wrong"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    assert main(["deposit", str(issue), "--ledger", str(issue.parent / "l.sqlite3")]) == 1
    assert "rejected" in capsys.readouterr().out and fake.upload_attempts == 0
    main(["deposits", "--ledger", str(issue.parent / "l.sqlite3"), "--history", "10.5555/jes.2024.03.002"])
    assert "pages look wrong" in capsys.readouterr().out


def test_cli_missing_credentials_is_one_line_error(env, capsys, monkeypatch):
    _, issue = env
    monkeypatch.delenv("CROSSREF_LOGIN_PASSWD")
    assert main(["deposit", str(issue), "--yes"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("journal-ingest: error:") and "CROSSREF_LOGIN_PASSWD" in err


def test_cli_refresh_reconciles_an_interrupted_deposit(env, capsys, monkeypatch):
    fake, issue = env
    import deposit.ledger as L

    def crash(*a, **k):
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(L.Ledger, "mark_sent", crash)
        assert main(["deposit", str(issue), "--yes"]) == 130
    capsys.readouterr()
    assert main(["deposits", str(issue.parent)]) == 0
    out = capsys.readouterr().out
    assert "submitted" in out and "outcome is unknown" in out
    assert main(["deposits", str(issue.parent), "--refresh"]) == 0
    out = capsys.readouterr().out
    assert "completed" in out and out.count("registered") == 2 and fake.upload_attempts == 1
