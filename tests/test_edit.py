"""The editor's core (review/edit.py): one field set, checked, logged, everything rebuilt.

Runs on a real ingest of the sample issue (tests/review_support.py), each test on its own
copy; the XML is checked against the official XSDs when ../shared/schemas has them.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

from parsers.errors import IngestError
from review.edit import (CORRECTIONS, RegisteredDoi, Regeneration, VersionConflict, apply_edit,
                         article_version, read_corrections, read_issue_dict)
from review.fields import FieldError
from schemas.settings import load_settings
from tests.review_support import JOURNAL, copy_issue, ingest_issue

SETTINGS = load_settings(JOURNAL)
JATS = {"j": "http://www.w3.org/1999/xlink"}
CR = "{http://www.crossref.org/schema/5.3.1}"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> Path:
    return ingest_issue(tmp_path_factory.mktemp("edit") / "out")


@pytest.fixture
def issue(ingested, tmp_path) -> Path:
    return copy_issue(ingested, tmp_path)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file's sha256 (the lock file aside): 'nothing changed' is checked on bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".edit.lock"}


def edit(issue: Path, article: str, field: str, value, **kw):
    kw.setdefault("settings", SETTINGS)
    kw.setdefault("editor", "tester")
    return apply_edit(issue, article, field, value, **kw)


def article(issue: Path, aid: str) -> dict:
    return next(a for a in read_issue_dict(issue)["articles"] if a["id"] == aid)


def jats_title(issue: Path, aid: str, lang: str) -> str:
    root = etree.parse(str(issue / "articles" / aid / "article.xml")).getroot()
    if lang == "zh":
        return "".join(root.find(".//title-group/article-title").itertext())
    return "".join(root.find(".//title-group/trans-title-group/trans-title").itertext())


def crossref_titles(issue: Path) -> list[str]:
    root = etree.parse(str(issue / "crossref.xml")).getroot()
    return ["".join(t.itertext()) for t in root.iter(f"{CR}title")]


def test_title_edit_rebuilds_every_dependent_file_and_logs(issue) -> None:
    before = snapshot(issue)
    old = article(issue, "a02")["title"]["en"]
    result = edit(issue, "a02", "title.en", "  The Corrected Title of Article Two ")
    assert result.changes[0].old == old and result.changes[0].new == "The Corrected Title of Article Two"
    assert article(issue, "a02")["title"]["en"] == "The Corrected Title of Article Two"
    assert jats_title(issue, "a02", "en") == "The Corrected Title of Article Two"
    assert "The Corrected Title of Article Two" in crossref_titles(issue)
    info = PdfReader(issue / "articles" / "a02" / "article.pdf").metadata
    assert info["/Title"].endswith("/ The Corrected Title of Article Two")
    assert "The Corrected Title of Article Two" in (issue / "report.html").read_text(encoding="utf-8")
    after = snapshot(issue)
    changed = {k for k in after if after[k] != before.get(k)}
    assert changed == {"issue.json", "crossref.xml", "report.html", CORRECTIONS,
                       "articles/a02/article.xml", "articles/a02/article.pdf"}
    [log] = read_corrections(issue)
    assert log["editor"] == "tester" and log["article"] == "a02" and log["field"] == "title.en"
    assert log["old"] == old and log["new"] == "The Corrected Title of Article Two"
    assert log["time"].endswith("+00:00")


# every kind of field the schema has, typed as on the command line
ROUND_TRIPS = [
    ("title.zh", "新标题", "新标题"),
    ("keywords.zh", '["日本", "北约"]', ["日本", "北约"]),
    ("keywords.en", "[]", []),
    ("contributors.1.name.en", "LI Ming", "LI Ming"),
    ("contributors.1.orcid", "0000-0002-1825-0097", "0000-0002-1825-0097"),
    ("received", "2023-02-28", "2023-02-28"),
    ("citations.2.accessed", "null", None),
    ("citations.2.accessed", "2023-04-30", "2023-04-30"),
    ("citations.1.urls", '["https://example.org/a"]', ["https://example.org/a"]),
    ("clc", '["D822.331.3", "D831.3"]', ["D822.331.3", "D831.3"]),
    ("type", "review-article", "review-article"),
    ("fpage", "044", "044"),
    ("doc_code", "B", "B"),
    ("article_no", "2095-3453(2023)06-0044-09", "2095-3453(2023)06-0044-09"),
    ("doi", "https://doi.org/10.19498/j.cnki.dbyxk.2023.06.104", "10.19498/j.cnki.dbyxk.2023.06.104"),
    ("title", '{"zh": "中文", "en": "English"}', {"zh": "中文", "en": "English"}),
    # (an optional field the record leaves out when empty: set where it was absent)
    ("elocation", "e0115884", "e0115884"),
]


@pytest.mark.parametrize("field,text,want", ROUND_TRIPS, ids=[f"{f}={t}" for f, t, _ in ROUND_TRIPS])
def test_every_field_kind_round_trips_from_text(issue, field, text, want) -> None:
    result = edit(issue, "a03", field, text, as_text=True)
    node = article(issue, "a03")
    for part in field.split("."):
        node = node[int(part) - 1] if part.isdigit() else node[part]
    assert node == want
    assert read_corrections(issue)[-1]["new"] == want
    assert result.versions["a03"] == article_version(article(issue, "a03"))


BAD = [
    ("titel.en", "x", "unknown field 'titel'"),
    ("title.de", "x", "unknown field 'de'"),
    ("contributors.9.name.en", "x", "no item 9"),
    ("contributors.0.name.en", "x", "no item 0"),
    ("keywords.zh", "日本, 北约", "expected JSON"),
    ("keywords.zh", '"日本"', "expected a list"),
    ("keywords.zh", '["日本", 3]', "list of text"),
    ("keywords.zh", '["日本", "日本"]', "twice"),
    ("received", "2023-02-30", "not a calendar date"),
    ("received", "2023/02/28", "not a calendar date"),
    ("doi", "10.19498 j.cnki", "not a DOI"),
    ("clc", '["XX1"]', "not a CLC code"),
    ("doc_code", "Z", "not a 文献标识码"),
    ("article_no", "2095-3453(2023)06-43", "not a 文章编号"),
    ("article_no", "2095-3454(2023)06-0043-12", "check digit"),
    ("type", "letter", "not one of"),
    ("fpage", "4 3", "not a page number"),
    ("contributors.1.orcid", "0000-0002-1825-0098", "not an ORCID"),
    ("contributors.1.email", "nobody", "not an e-mail"),
    ("citations.1.urls", '["ftp://x"]', "not an http(s) URL"),
    ("pdf_pages", "[1, 2]", "read-only"),
    ("id", "a9", "read-only"),
    ("title", '{"zh": "x"}', "does not match its schema"),
]


@pytest.mark.parametrize("field,text,message", BAD, ids=[f"{f}={t}" for f, t, _ in BAD])
def test_bad_path_type_or_value_changes_nothing(issue, field, text, message) -> None:
    before = snapshot(issue)
    with pytest.raises(IngestError) as info:
        edit(issue, "a03", field, text, as_text=True)
    assert message in str(info.value)
    assert "\n" not in str(info.value)
    assert snapshot(issue) == before


def test_field_error_names_the_field(issue) -> None:
    with pytest.raises(FieldError) as info:
        edit(issue, "a03", "received", "yesterday", as_text=True)
    assert info.value.field == "received"


def test_unknown_article(issue) -> None:
    with pytest.raises(FieldError, match="no article 'a99'.*a01, a02"):
        edit(issue, "a99", "title.en", "x")


def test_a_save_based_on_an_older_version_is_refused(issue) -> None:
    seen = article_version(article(issue, "a02"))  # two editors open a02
    edit(issue, "a02", "title.en", "First editor's title", version=seen)
    before = snapshot(issue)
    with pytest.raises(VersionConflict, match="changed since you opened it") as info:
        edit(issue, "a02", "title.zh", "第二位编辑的标题", version=seen)
    assert info.value.exit_code == 3
    assert snapshot(issue) == before
    assert article(issue, "a02")["title"]["en"] == "First editor's title"
    # another article's version is its own: editing a03 is not blocked by a02's change
    edit(issue, "a03", "title.en", "Fine", version=article_version(article(issue, "a03")))


def test_a_damaged_article_pdf_stops_the_save_and_leaves_every_file(issue) -> None:
    (issue / "articles" / "a02" / "article.pdf").write_bytes(b"%PDF-1.7\nnot really\n")
    before = snapshot(issue)
    with pytest.raises(Regeneration, match=r"a02/article.pdf: document info not rewritten, nothing saved"):
        edit(issue, "a02", "title.en", "Never saved")
    assert snapshot(issue) == before
    assert read_corrections(issue) == []


def test_crossref_xml_is_not_left_stale_without_journal_settings(issue) -> None:
    before = snapshot(issue)
    with pytest.raises(Regeneration, match="crossref.xml: would go stale.*--journal FILE"):
        apply_edit(issue, "a02", "title.en", "Never saved", settings=None)
    assert snapshot(issue) == before


def test_editor_value_clears_the_extraction_doubt(issue) -> None:
    art = article(issue, "a05")
    assert any(w["message"].startswith("lpage:") for w in art["warnings"])
    edit(issue, "a05", "lpage", art["lpage"])  # confirmed as it is
    art = article(issue, "a05")
    assert not any(w["message"].startswith("lpage:") for w in art["warnings"])
    assert any(w["message"].startswith("pdf_pages:") for w in art["warnings"])  # other fields keep theirs
    assert art["confidence"]["lpage"] == 1.0


def _ledger_with(path: Path, doi: str, state: str) -> None:
    from deposit.ledger import open_ledger

    open_ledger(path).close()  # the real schema
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO dois (doi, endpoint, state, issue_id, record_hash, last_submission, updated_at,"
                     " message) VALUES (?, 'production', ?, 'x', '', NULL, '2026-01-01T00:00:00Z', '')", (doi, state))


def test_a_registered_doi_is_changed_only_when_forced(issue, tmp_path) -> None:
    ledger = tmp_path / "ledger.sqlite3"
    old = article(issue, "a02")["doi"]
    _ledger_with(ledger, old.upper(), "registered")
    before = snapshot(issue)
    with pytest.raises(RegisteredDoi, match="Crossref keeps the old DOI.*--force"):
        edit(issue, "a02", "doi", "10.19498/new.1", ledger=ledger)
    assert snapshot(issue) == before
    result = edit(issue, "a02", "doi", "10.19498/new.1", ledger=ledger, force=True)
    assert any("Crossref keeps the old DOI" in n for n in result.notes)
    art = article(issue, "a02")
    assert art["doi"] == "10.19498/new.1" and art["doi_source"] == "editor"
    # other fields of a registered article stay editable
    edit(issue, "a02", "title.en", "Still editable", ledger=ledger)


def test_concurrent_saves_are_serialised(issue) -> None:
    """Two threads saving the same article from the same version: one wins, one conflicts."""
    from concurrent.futures import ThreadPoolExecutor

    seen = article_version(article(issue, "a02"))
    edit(issue, "a03", "title.en", "warm")  # compile the schemas before the race

    def save(title: str) -> str:
        try:
            edit(issue, "a02", "title.en", title, version=seen)
            return "saved"
        except VersionConflict:
            return "conflict"

    with ThreadPoolExecutor(2) as pool:
        outcomes = sorted(pool.map(save, ["One", "Two"]))
    assert outcomes == ["conflict", "saved"]
    assert len([c for c in read_corrections(issue) if c["article"] == "a02"]) == 1
    assert json.loads((issue / "issue.json").read_text(encoding="utf-8"))  # whole, valid JSON


def test_article_xml_does_not_lose_its_journal_metadata_without_the_settings(issue, tmp_path) -> None:
    (issue / "crossref.xml").unlink()  # so only the JATS can tell
    before = snapshot(issue)
    with pytest.raises(Regeneration, match=r"a02/article.xml: its journal metadata .* would change.*--journal FILE"):
        apply_edit(issue, "a02", "title.en", "Never saved", settings=None)
    assert snapshot(issue) == before
    edit(issue, "a02", "title.en", "Saved with the settings")  # the same settings: fine
