"""Deposit workflow against a local fake Crossref (loopback only; no internet)."""
from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest
from lxml import etree

from deposit import ledger as L
from deposit.batch import read_batch
from deposit.client import CrossrefClient
from deposit.credentials import Credentials
from deposit.errors import CredentialsError, DepositRefused, ServiceBusy
from deposit.settings import DepositSettings
from deposit.workflow import APPROVE, CORRECT, REJECT, Decision, run_deposit
from parsers.errors import SchemaInvalid
from tests.crossref_fake_server import FakeCrossref


from schemas import xmlcheck as _xmlcheck

if _xmlcheck.find_schema_dir() is None:  # deposits are validated first: no schemas, nothing to test
    pytest.skip("Crossref schemas not found (../shared/schemas or JOURNAL_INGEST_SCHEMAS)", allow_module_level=True)


DATA = Path(__file__).parent / "deposit_data"
ISSUE_ID = "1234-5678-2024-3"
LOGIN, PASSWORD = "journal/role", "s3cret-Pa55"
DOI1, DOI2 = "10.5555/jes.2024.03.001", "10.5555/jes.2024.03.002"


def nosleep(_: float) -> None:
    pass


@pytest.fixture
def fake():
    with FakeCrossref(polls_to_process=2) as server:
        yield server


@pytest.fixture
def issue_dir(tmp_path: Path) -> Path:
    d = tmp_path / "output" / ISSUE_ID
    d.mkdir(parents=True)
    shutil.copy(DATA / "crossref.xml", d / "crossref.xml")
    shutil.copy(DATA / "issue.json", d / "issue.json")
    return d


@pytest.fixture
def settings(fake) -> DepositSettings:
    return DepositSettings(test_url=fake.url, production_url="http://127.0.0.1:9/never", poll_interval=0,
                           max_polls=10, unknown_polls=2, backoff=0, sleep=nosleep)


@pytest.fixture
def client(fake) -> CrossrefClient:
    return CrossrefClient(fake.url, Credentials(LOGIN, PASSWORD), timeout=(2, 5), backoff=0, sleep=nosleep)


@pytest.fixture
def ledger(tmp_path: Path):
    book = L.SqliteLedger(tmp_path / "output" / "deposit-ledger.sqlite3")
    yield book
    book.close()


class Editor:
    """Scripted decisions; keeps every summary it was shown."""

    def __init__(self, *decisions: Decision) -> None:
        self.decisions = list(decisions)
        self.seen = []

    def __call__(self, summary):
        self.seen.append(summary)
        return self.decisions.pop(0)


def approve(name: str = "editor-li") -> Editor:
    return Editor(Decision(APPROVE, name))


def bump(path: Path, title: str | None = None, delta: int = 1000) -> None:
    """Regenerate-like edit: newer timestamp and optionally a changed first title."""
    root = etree.parse(str(path))
    ns = {"c": "http://www.crossref.org/schema/5.3.1"}
    ts = root.find("c:head/c:timestamp", ns)
    ts.text = str(int(ts.text) + delta)
    if title is not None:
        root.find(".//c:journal_article/c:titles/c:title", ns).text = title
    root.write(str(path), xml_declaration=True, encoding="UTF-8")


def deposit(issue_dir, ledger, client, settings, editor, **kw):
    return run_deposit(issue_dir, ledger=ledger, client=client, decide=editor, settings=settings, **kw)


# -- the happy path ----------------------------------------------------------------------

def test_approval_records_before_sending_then_registers(issue_dir, ledger, client, settings, fake):
    seen_at_upload = {}
    original = fake.handle_deposit

    def spy(h):  # what the ledger says at the moment the server receives the upload
        seen_at_upload["subs"] = [(s.state, s.approver) for s in L.SqliteLedger(ledger.path).submissions()]
        original(h)

    fake.handle_deposit = spy
    editor = approve()
    report = deposit(issue_dir, ledger, client, settings, editor)

    assert report.status == "registered"
    assert report.outcomes == {DOI1: "registered", DOI2: "registered"}
    assert seen_at_upload["subs"] == [("recorded", "editor-li")]
    summary = editor.seen[0]
    assert [a.doi for a in summary.articles] == [DOI1, DOI2]
    assert summary.articles[0].authors == ["Wei Zhang", "Fang Li"]
    assert summary.articles[0].pages == "1-12"
    assert any("orcid-missing" in w for w in summary.articles[0].warnings)
    assert any("toc-mismatch" in w for w in summary.issue_warnings)
    (sub,) = ledger.submissions()
    batch = read_batch(issue_dir / "crossref.xml")
    assert (sub.state, sub.sha256, sub.doi_batch_id, sub.approver) == ("completed", batch.sha256,
                                                                       batch.doi_batch_id, "editor-li")
    assert sub.file_name in fake.uploads and sub.success_count == 2
    states = [h.state for h in ledger.history(DOI1, "test")]
    assert states == ["unregistered", "submitted", "registered"]


def test_identical_file_is_not_sent_again_unless_forced(issue_dir, ledger, client, settings, fake):
    deposit(issue_dir, ledger, client, settings, approve())
    editor = approve()
    report = deposit(issue_dir, ledger, client, settings, editor)
    assert report.status == "skipped" and editor.seen == []
    assert fake.upload_attempts == 1

    before = read_batch(issue_dir / "crossref.xml")
    editor = approve()
    forced = deposit(issue_dir, ledger, client, settings, editor, force=True)
    assert fake.upload_attempts == 2
    # A forced re-send goes with a new timestamp and batch id, so Crossref takes it as an update
    after = read_batch(issue_dir / "crossref.xml")
    assert after.timestamp > before.timestamp and after.doi_batch_id != before.doi_batch_id
    assert after.doi_batch_id.endswith(f"-{after.timestamp}") and after.records[0].record_hash == before.records[0].record_hash
    assert (issue_dir / f"crossref.xml.{before.timestamp}.bak").read_bytes() == before.content
    assert any("new batch id and timestamp" in n for n in editor.seen[0].notes)
    assert editor.seen[0].timestamp == after.timestamp  # the editor approves what is sent
    first, second = ledger.submissions()
    assert (second.batch_timestamp, second.doi_batch_id) == (after.timestamp, after.doi_batch_id)
    assert fake.uploads[second.file_name].content == after.content
    assert forced.outcomes == {DOI1: "registered", DOI2: "registered"} and not forced.messages


def test_refusal_of_an_identical_record_does_not_mark_it_stale(issue_dir, ledger, client, settings, fake):
    """Crossref's "less or equal to previously submitted version" for the record it already
    holds (here: a re-send with the old timestamp, the ledger rebuilt) leaves it registered;
    for a changed record it is stale (Crossref keeps the older version)."""
    deposit(issue_dir, ledger, client, settings, approve())
    path = issue_dir / "crossref.xml"
    # a second identical upload with the same timestamp, as an older client would have sent it
    sub = deposit_module_record(ledger, path)
    client.upload(sub.file_name, path.read_bytes())
    ledger.mark_sent(sub.id)
    from deposit.workflow import poll
    diag = poll(ledger, client, ledger.submission(sub.id), settings)
    assert all("less or equal" in r.message for r in diag.records)
    assert ledger.doi(DOI1, "test").state == "registered"
    assert "already has this version" in ledger.doi(DOI1, "test").message

    bump(path, title="A changed title", delta=0)  # changed record, same (old) timestamp
    ledger.sync_batch("test", ISSUE_ID, [(r.doi, r.record_hash) for r in read_batch(path).records])
    sub = deposit_module_record(ledger, path)
    client.upload(sub.file_name, path.read_bytes())
    ledger.mark_sent(sub.id)
    poll(ledger, client, ledger.submission(sub.id), settings)
    assert ledger.doi(DOI1, "test").state == "stale"  # Crossref keeps the older title
    assert ledger.doi(DOI2, "test").state == "registered"  # unchanged record, refused as identical


def deposit_module_record(ledger, path):
    from deposit.workflow import record

    return record(ledger, read_batch(path), issue_id=ISSUE_ID, endpoint="test", base_url="http://x",
                  approver="a", force=True)


def test_production_flag_uses_production_endpoint(issue_dir, ledger, client, settings, fake):
    settings.production_url, settings.test_url = fake.url, "http://127.0.0.1:9/unused"
    report = deposit(issue_dir, ledger, client, settings, approve(), production=True)
    assert report.endpoint == "production" and report.status == "registered"
    assert ledger.list_dois(endpoint="test") == []


def test_invalid_file_is_refused_and_nothing_sent(issue_dir, ledger, client, settings, fake):
    xml = (issue_dir / "crossref.xml").read_text().replace("<first_page>1</first_page>", "<first_page>1</first_page><bogus/>")
    (issue_dir / "crossref.xml").write_text(xml)
    with pytest.raises(SchemaInvalid, match="not valid Crossref 5.3.1"):
        deposit(issue_dir, ledger, client, settings, approve())
    assert fake.upload_attempts == 0 and ledger.submissions() == []


# -- rejection and correction ----------------------------------------------------------------

def test_rejection_sends_nothing_and_keeps_reason(issue_dir, ledger, client, settings, fake):
    report = deposit(issue_dir, ledger, client, settings,
                     Editor(Decision(REJECT, "editor-wang", "author names not checked")))
    assert report.status == "rejected"
    assert fake.upload_attempts == 0 and ledger.submissions() == []
    assert ledger.doi(DOI1, "test").state == "unregistered"
    assert "author names not checked" in ledger.history(DOI1, "test")[-1].message


def test_correction_then_approval(issue_dir, ledger, client, settings, fake):
    editor = Editor(Decision(CORRECT, "editor-li", corrections=[(DOI1, "title", "Water governance, revised"),
                                                                (DOI2, "last_page", "25")]),
                    Decision(APPROVE, "editor-li"))
    old_ts = read_batch(issue_dir / "crossref.xml").timestamp
    report = deposit(issue_dir, ledger, client, settings, editor)
    assert report.status == "registered"
    assert editor.seen[1].articles[0].title == "Water governance, revised"
    assert editor.seen[1].articles[1].pages == "13-25"
    batch = read_batch(issue_dir / "crossref.xml")
    assert batch.timestamp > old_ts
    assert list(issue_dir.glob("crossref.xml.*.bak"))
    (sub,) = ledger.submissions()
    assert b"Water governance, revised" in fake.uploads[sub.file_name].content
    assert any("corrected by editor-li" in h.message for h in ledger.history(DOI1, "test"))


# -- failures -------------------------------------------------------------------------------

def test_connection_dropped_after_upload_is_not_resent(issue_dir, ledger, client, settings, fake):
    fake.deposit_faults = ["drop_after"]
    report = deposit(issue_dir, ledger, client, settings, approve())
    assert report.status == "registered"
    assert fake.upload_attempts == 1
    assert sorted(d for d, _ in fake.registrations) == [DOI1, DOI2]  # once each


def test_connection_dropped_before_upload_is_resent_once(issue_dir, ledger, client, settings, fake):
    fake.deposit_faults = ["drop_before"]
    report = deposit(issue_dir, ledger, client, settings, approve())
    assert report.status == "registered"
    assert fake.upload_attempts == 2 and len(fake.uploads) == 1
    assert sorted(d for d, _ in fake.registrations) == [DOI1, DOI2]


def test_429_and_503_are_retried(issue_dir, ledger, client, settings, fake):
    fake.deposit_faults = [429, 503]
    fake.result_faults = [503]
    assert deposit(issue_dir, ledger, client, settings, approve()).status == "registered"
    assert fake.upload_attempts == 3 and len(fake.uploads) == 1


def test_pending_submission_limit(issue_dir, ledger, client, settings, fake):
    fake.pending_limit = 1
    fake.add_pending("someone-elses-file.xml")
    with pytest.raises(ServiceBusy, match=r"pending-submission limit reached \(HTTP 429"):
        deposit(issue_dir, ledger, client, settings, approve())
    (sub,) = ledger.submissions()
    assert sub.state == "unsent" and not fake.pending(LOGIN)[1:]
    assert ledger.doi(DOI1, "test").state == "unregistered"

    fake.process_all()  # the queue drains
    report = deposit(issue_dir, ledger, client, settings, approve())
    assert report.status == "registered"
    assert [s.state for s in ledger.submissions()] == ["unsent", "completed"]


def test_crash_between_send_and_record_reconciles_by_polling(issue_dir, ledger, client, settings, fake, monkeypatch):
    def crash(*a, **k):
        raise KeyboardInterrupt("power cut")

    monkeypatch.setattr(ledger, "mark_sent", crash)
    with pytest.raises(KeyboardInterrupt):
        deposit(issue_dir, ledger, client, settings, approve())
    monkeypatch.undo()
    (sub,) = ledger.submissions()
    assert sub.state == "recorded"  # the ledger shows the unresolved upload
    assert ledger.doi(DOI1, "test").state == "submitted"

    editor = approve()
    report = deposit(issue_dir, ledger, client, settings, editor)
    assert fake.upload_attempts == 1  # reconciled, not re-sent
    assert report.status == "skipped" and editor.seen == []
    assert report.outcomes == {DOI1: "registered", DOI2: "registered"}
    assert any("completed" in m for m in report.messages)


def test_recorded_but_never_arrived_is_marked_lost_and_sent_again(issue_dir, ledger, client, settings, fake,
                                                                   monkeypatch):
    monkeypatch.setattr(client, "upload", lambda *a: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        deposit(issue_dir, ledger, client, settings, approve())
    monkeypatch.undo()
    report = deposit(issue_dir, ledger, client, settings, approve())
    assert report.status == "registered"
    assert [s.state for s in ledger.submissions()] == ["lost", "completed"]
    assert fake.upload_attempts == 1


def test_stale_timestamp_refused_then_redeposit_after_regeneration(issue_dir, ledger, client, settings, fake):
    deposit(issue_dir, ledger, client, settings, approve())
    bump(issue_dir / "crossref.xml", title="A changed title", delta=0)  # metadata changed, same timestamp
    with pytest.raises(DepositRefused, match="not newer"):
        deposit(issue_dir, ledger, client, settings, approve())
    assert ledger.doi(DOI1, "test").state == "stale"
    assert ledger.doi(DOI2, "test").state == "registered"

    bump(issue_dir / "crossref.xml")
    report = deposit(issue_dir, ledger, client, settings, approve())
    assert report.outcomes == {DOI1: "registered", DOI2: "registered"}
    assert fake.upload_attempts == 2


def test_wrong_prefix_fails_and_can_be_redeposited(issue_dir, ledger, client, settings, fake):
    path = issue_dir / "crossref.xml"
    path.write_text(path.read_text().replace("10.5555/", "10.9999/"))
    report = deposit(issue_dir, ledger, client, settings, approve())
    assert report.status == "failed"
    assert report.outcomes["10.9999/jes.2024.03.002"] == "failed"
    assert any("prefix: 10.9999" in m for m in report.messages)
    fake.prefixes[LOGIN].append("10.9999")
    bump(path)
    report = deposit(issue_dir, ledger, client, settings, approve())
    assert report.status == "registered"


def test_wrong_password_is_refused_without_leaking(issue_dir, ledger, settings, fake):
    bad = CrossrefClient(fake.url, Credentials(LOGIN, "wrong-Secret-42"), backoff=0, sleep=nosleep)
    with pytest.raises(CredentialsError) as exc:
        deposit(issue_dir, ledger, bad, settings, approve())
    assert "wrong-Secret-42" not in str(exc.value)
    assert ledger.submissions()[0].state == "unsent"


def test_password_never_in_logs_ledger_reports_or_errors(issue_dir, ledger, client, settings, fake, caplog,
                                                        tmp_path):
    caplog.set_level(logging.DEBUG)  # includes urllib3's request lines
    texts = []
    fake.deposit_faults = ["drop_after", 503]
    texts.append(deposit(issue_dir, ledger, client, settings, approve()).text())
    bump(issue_dir / "crossref.xml")
    fake.deposit_faults = [503] * 10
    with pytest.raises(ServiceBusy) as exc:
        deposit(issue_dir, ledger, client, settings, approve())
    texts += [str(exc.value), repr(exc.value), repr(client), repr(client._creds)]
    bad = CrossrefClient(fake.url, Credentials(LOGIN, PASSWORD + "x"), backoff=0, sleep=nosleep)
    fake.deposit_faults = []
    with pytest.raises(CredentialsError) as exc2:
        deposit(issue_dir, ledger, bad, settings, approve())
    texts.append(str(exc2.value))
    ledger.close()
    blobs = b"".join(p.read_bytes() for p in ledger.path.parent.glob("deposit-ledger.sqlite3*"))
    assert blobs and PASSWORD.encode() not in blobs
    assert caplog.records and PASSWORD not in caplog.text
    assert all(PASSWORD not in t for t in texts)


# -- diagnostics, credentials ------------------------------------------------------------------

def test_diagnostic_parsing_and_no_entity_expansion(tmp_path):
    from deposit.diagnostic import parse_diagnostic

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    evil = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
            '<doi_batch_diagnostic status="completed"><record_diagnostic status="Failure">'
            '<doi>10.5555/a</doi><msg>&x;</msg></record_diagnostic></doi_batch_diagnostic>')
    diag = parse_diagnostic(evil)
    assert diag.completed and "TOP-SECRET" not in diag.records[0].message
    documented = ('<?xml version="1.0" encoding="UTF-8"?><doi_batch_diagnostic><submission_id>9349810'
                  '</submission_id><batch_id>FINAL_001</batch_id><record_diagnostic status="Success"><doi>10.5555/x'
                  '</doi><msg>Successfully added</msg></record_diagnostic><batch_data><record_count>1</record_count>'
                  '<success_count>1</success_count><warning_count>0</warning_count><failure_count>0</failure_count>'
                  '</batch_data></doi_batch_diagnostic>')
    d = parse_diagnostic(documented)
    assert d.completed and d.success_count == 1 and d.records[0].doi == "10.5555/x"
    assert parse_diagnostic('<doi_batch_diagnostic status="queued"/>').waiting
    assert parse_diagnostic('<doi_batch_diagnostic status="unknown_submission"/>').unknown


def test_credentials_from_env_or_private_file_only(tmp_path):
    from deposit.credentials import load_credentials

    creds = load_credentials({"CROSSREF_LOGIN_ID": LOGIN, "CROSSREF_LOGIN_PASSWD": PASSWORD})
    assert creds.password == PASSWORD and PASSWORD not in repr(creds) and PASSWORD not in str(creds)
    f = tmp_path / "creds"
    f.write_text(f'login_id = "{LOGIN}"\nlogin_passwd = "{PASSWORD}"\n')
    os.chmod(f, 0o644)
    with pytest.raises(CredentialsError, match="group/others") as exc:
        load_credentials({}, file=f)
    assert PASSWORD not in str(exc.value)
    os.chmod(f, 0o600)
    assert load_credentials({}, file=f) == Credentials(LOGIN, PASSWORD)
    with pytest.raises(CredentialsError, match="no Crossref credentials"):
        load_credentials({}, file=tmp_path / "missing")


def test_log_unreachable_after_upload_reports_pending_then_collects(issue_dir, ledger, client, settings, fake):
    fake.result_faults = [500]
    report = deposit(issue_dir, ledger, client, settings, approve())
    assert report.status == "pending" and any("run again later" in m for m in report.messages)
    assert ledger.submissions()[0].state == "sent"
    report = deposit(issue_dir, ledger, client, settings, approve())
    assert report.outcomes == {DOI1: "registered", DOI2: "registered"} and fake.upload_attempts == 1


def test_same_file_recorded_twice_concurrently_is_refused(issue_dir, ledger, tmp_path):
    from deposit.workflow import record

    other = L.SqliteLedger(ledger.path)  # a second process on the same ledger
    batch = read_batch(issue_dir / "crossref.xml")
    kw = dict(issue_id=ISSUE_ID, endpoint="test", base_url="http://x", approver="a")
    record(ledger, batch, **kw)
    with pytest.raises(DepositRefused, match="already recorded"):
        record(other, batch, **kw)
    other.close()
