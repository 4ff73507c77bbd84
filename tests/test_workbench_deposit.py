"""Approve and deposit from the review app (review/deposit_page.py) under a real uvicorn,
driven with requests, against the local fake Crossref (tests/crossref_fake_server.py): the
page shows each DOI's ledger state and what changed, the approve button runs `journal-ingest
deposit`'s workflow, and every refusal sends nothing."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from review.app import create_app
from schemas import xmlcheck
from tests.crossref_fake_server import FakeCrossref
from tests.review_support import copy_issue
from tests.test_workbench import SETTINGS, Running, form_of, ingested  # noqa: F401  (the module's fixture)

if xmlcheck.find_schema_dir() is None:  # a deposit is validated before it is sent
    pytest.skip("Crossref schemas not found (../shared/schemas or JOURNAL_INGEST_SCHEMAS)", allow_module_level=True)

DOIS = ["10.19498/j.cnki.dbyxk.2023.06.004", "10.19498/j.cnki.dbyxk.2023.06.005", "10.19498/j.cnki.dbyxk.2023.06.006"]


@pytest.fixture
def fake(monkeypatch):
    with FakeCrossref(polls_to_process=1, prefixes={"journal/role": ["10.19498"]}) as crossref:
        monkeypatch.setenv("CROSSREF_TEST_URL", crossref.url)
        monkeypatch.setenv("CROSSREF_PRODUCTION_URL", "http://127.0.0.1:9/never")
        monkeypatch.setenv("CROSSREF_LOGIN_ID", "journal/role")
        monkeypatch.setenv("CROSSREF_LOGIN_PASSWD", "s3cret-Pa55")
        monkeypatch.setenv("CROSSREF_POLL_INTERVAL", "0")
        monkeypatch.delenv("JOURNAL_INGEST_LEDGER", raising=False)
        yield crossref


@pytest.fixture
def app(ingested, tmp_path, fake):  # noqa: F811
    issue = copy_issue(ingested, tmp_path)
    with Running(create_app(issue, settings=SETTINGS)) as running:
        running.issue = issue
        yield running


def approve_form(html: str) -> dict[str, str]:
    block = re.search(r'<form[^>]*id="approve-form".*?</form>', html, re.S)
    assert block, "no approve form on the page"
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', block.group(0)))


def notes_after(app, r) -> list[str]:
    assert r.status_code == 303, r.text
    return parse_qs(urlsplit(r.headers["location"]).query).get("note", [])


def row(html: str, doi: str) -> str:
    return re.search(rf'<tr id="dep-{re.escape(doi)}">.*?</tr>', html, re.S).group(0)


def test_the_page_shows_each_doi_and_approving_deposits_the_corrected_record(app, fake) -> None:
    page = app.get("/deposit").text
    for doi in DOIS:
        cells = row(page, doi)
        assert cells.count(">unregistered<") == 2 and "change-new" in cells
    assert 'id="no-credentials"' not in page and "s3cret" not in page
    # an editor corrects a title first: the deposit carries it
    art = app.get("/a/a02").text
    assert app.post("/a/a02/edit", {**form_of(art, "title.en"), "value": "Corrected before deposit",
                                    "editor": "Li"}).status_code == 303
    page = app.get("/deposit").text
    assert "Corrected before deposit" in row(page, DOIS[0])
    notes = notes_after(app, app.post("/deposit", {**approve_form(page), "approver": "Li Ming"}))
    assert notes[0].startswith(app.issue.name + " (test): registered — ")
    [upload] = fake.uploads.values()
    assert b"Corrected before deposit" in upload.content
    assert sorted(doi for doi, _ in fake.registrations) == DOIS
    page = app.get("/deposit").text
    assert all(">registered<" in row(page, doi) and "change-unchanged" in row(page, doi) for doi in DOIS)
    # a later correction shows as a change against what is registered, with the field's old and new value
    art = app.get("/a/a02").text
    assert app.post("/a/a02/edit", {**form_of(art, "title.en"), "value": "Corrected after deposit"}).status_code == 303
    cells = row(app.get("/deposit").text, DOIS[0])
    assert "change-changed" in cells and "title.en: Corrected before deposit → Corrected after deposit" in cells
    assert "change-unchanged" in row(app.get("/deposit").text, DOIS[1])


def test_refusals_send_nothing(app, fake) -> None:
    r = app.get("/deposit")
    assert "default-src 'none'" in r.headers["content-security-policy"] and "<script" not in r.text
    page = r.text
    form = approve_form(page)
    r = app.post("/deposit", {**form, "approver": "  "})
    assert r.status_code == 422 and "must name the approver" in r.text
    r = app.post("/deposit", {**form, "approver": "Li", "endpoint": "production"})
    assert r.status_code == 422 and "not confirmed" in r.text and 'id="confirm-production"' in r.text
    assert app.post("/deposit", {**form, "approver": "Li", "csrf": "guess"}).status_code == 403
    # the file changed since the page was shown (a save rebuilt crossref.xml): not sent
    art = app.get("/a/a03").text
    assert app.post("/a/a03/edit", {**form_of(art, "title.en"), "value": "Changed meanwhile"}).status_code == 303
    [note] = notes_after(app, app.post("/deposit", {**form, "approver": "Li"}))
    assert note.startswith("not deposited:") and "changed since the deposit page was shown" in note
    assert fake.upload_attempts == 0
    assert not (app.issue.parent / "deposit-ledger.sqlite3").exists() or \
        ">submitted<" not in app.get("/deposit").text


def test_without_credentials_the_page_says_so(app, fake, monkeypatch) -> None:
    monkeypatch.delenv("CROSSREF_LOGIN_PASSWD")
    page = app.get("/deposit").text
    assert 'id="no-credentials"' in page and "CROSSREF_LOGIN_PASSWD" in page and 'id="approve-form"' not in page
    assert ">unregistered<" in row(page, DOIS[0])  # the states are still shown
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    [note] = notes_after(app, app.post("/deposit", {"csrf": csrf, "approver": "Li", "sha256": "x"}))
    assert note.startswith("not deposited:") and "CROSSREF_LOGIN_PASSWD" in note
    assert fake.upload_attempts == 0


def test_production_only_when_chosen_and_confirmed(app, fake, monkeypatch) -> None:
    with FakeCrossref(polls_to_process=1, prefixes={"journal/role": ["10.19498"]}) as production:
        monkeypatch.setenv("CROSSREF_PRODUCTION_URL", production.url)
        page = app.get("/deposit?endpoint=production").text
        assert "PRODUCTION" in page and 'id="confirm-production"' in page
        form = {**approve_form(page), "approver": "Li"}
        assert form["endpoint"] == "production"
        assert app.post("/deposit", form).status_code == 422  # not confirmed
        notes = notes_after(app, app.post("/deposit", {**form, "confirm_production": "yes"}))
        assert notes[0].startswith(app.issue.name + " (production): registered")
        assert len(production.uploads) == 1 and fake.upload_attempts == 0
        page = app.get("/deposit").text  # the test system's view: production registered, test not
        assert re.search(r'state-unregistered">unregistered</td>\s*<td class="state state-registered">registered',
                         row(page, DOIS[0]))
