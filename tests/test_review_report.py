"""Gathering the review page's data: images, link verdicts, deposit states, and bad inputs."""
from __future__ import annotations

import base64
import io
import json
import os
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from cli.main import main
from deposit.ledger import SqliteLedger
from review.render import first_page_image
from review.report import NO_DOI, NOT_CHECKED, NOT_DEPOSITED, PAGE_IMAGE, REPORT_NAME, gather, write_review_report
from schemas.record import read_record
from tests.review_support import SAMPLE as SOURCE_PDF, check_links_locally


pytestmark = pytest.mark.usefixtures("no_proxy_env", "no_ledger_env")


def _pdf(objects: list[bytes]) -> bytes:
    """A minimal PDF with a correct xref table around the given objects."""
    out, offsets = b"%PDF-1.4\n", []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


# A document that opens (one page counted) whose only page object is missing.
BROKEN_PAGE_PDF = _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [9 0 R] /Count 1 >>"])


def _png(data_uri: str) -> Image.Image:
    assert data_uri.startswith("data:image/png;base64,")
    return Image.open(io.BytesIO(base64.b64decode(data_uri.split(",", 1)[1])))


def test_every_article_gets_its_first_page_and_fields(review_issue: Path) -> None:
    data = gather(review_issue)
    issue = read_record(review_issue / "issue.json")
    assert [v.article.id for v in data.articles] == [a.id for a in issue.articles]
    for view in data.articles:
        img = _png(view.image.data_uri)
        assert img.size == (view.image.width, view.image.height) and img.width == 360
        assert img.height > img.width  # a portrait page, not a blank strip
        assert len(view.image.data_uri) < 80_000  # small enough to inline dozens
    assert data.issue_id == "2095-3453-2023-6"
    assert data.citation_count == sum(len(a.citations) for a in issue.articles) > 0


def test_page_image_shows_the_page_not_a_blank(review_issue: Path) -> None:
    img = _png(first_page_image(review_issue / "articles" / "a02" / "article.pdf").data_uri).convert("L")
    dark = sum(img.histogram()[:128])  # pixels darker than mid-grey
    assert dark > 0.005 * img.width * img.height  # there is print on it


def test_first_pages_from_the_issue_pdf_match_the_article_pdfs(review_issue: Path) -> None:
    """The ingest renders from the issue PDF (fonts parsed once); the page must be the same."""
    issue = read_record(review_issue / "issue.json")
    by_article = gather(review_issue)
    from_issue = gather(review_issue, issue=issue, source_pdf=SOURCE_PDF)
    assert len(from_issue.articles) == len(issue.articles) > 1
    for a, b in zip(by_article.articles, from_issue.articles):
        assert not b.image.problem
        pa, pb = _png(a.image.data_uri).convert("L"), _png(b.image.data_uri).convert("L")
        assert pa.size == pb.size
        same = sum(ImageChops.difference(pa, pb).histogram()[:18])  # pixels within one grey level
        assert same > 0.99 * pa.width * pa.height


def test_first_pages_from_a_missing_issue_pdf_are_flagged_not_fatal(review_issue: Path, tmp_path: Path) -> None:
    data = gather(review_issue, source_pdf=tmp_path / "gone.pdf")
    assert data.articles and all(not v.image.data_uri for v in data.articles)
    assert all(any(w.code == PAGE_IMAGE and "no such file" in w.message for w in v.warnings) for v in data.articles)


def test_without_links_json_every_url_is_not_checked(review_issue: Path) -> None:
    assert not (review_issue / "links.json").exists()
    data = gather(review_issue)
    assert not data.links.present and not data.links.problem
    links = [lv for v in data.articles for c in v.citations for lv in c.links]
    assert links and {lv.verdict for lv in links} == {NOT_CHECKED}


def test_link_verdicts_and_archive_copies_from_a_real_check(review_copy: Path, tmp_path: Path) -> None:
    expected = check_links_locally(review_copy, tmp_path / "cache.sqlite")
    data = gather(review_copy)
    assert data.links.present and data.links.summary["dead?"] > 0
    seen = {lv.url: lv for v in data.articles for c in v.citations for lv in c.links}
    assert {u: seen[u].verdict for u in expected} == expected
    dead = next(lv for lv in seen.values() if lv.verdict == "dead?")
    assert "404" in dead.detail and dead.archive_url.startswith("http://127.0.0.1/web/2023")
    assert dead.archive_note.endswith("days from the access date")
    moved = next(lv for lv in seen.values() if lv.verdict == "redirected")
    assert moved.detail.startswith("now at ") and moved.detail.endswith("/ok")


def test_unreadable_links_json_is_a_note_not_a_crash(review_copy: Path) -> None:
    (review_copy / "links.json").write_text("{not json", encoding="utf-8")
    data = gather(review_copy)
    assert not data.links.present
    assert any("links.json" in n and "unreadable" in n for n in data.notes)


def test_missing_article_pdf_gives_placeholder_and_warning(review_copy: Path) -> None:
    (review_copy / "articles" / "a03" / "article.pdf").unlink()
    data = gather(review_copy)
    view = next(v for v in data.articles if v.article.id == "a03")
    assert view.image.data_uri == "" and "no such file" in view.image.problem
    assert [w.code for w in view.warnings].count(PAGE_IMAGE) == 1
    assert all(v.image.data_uri for v in data.articles if v.article.id != "a03")


@pytest.mark.parametrize("content,why", [
    (BROKEN_PAGE_PDF, "cannot render the first page"),
    (b"%PDF-1.4\nnothing else", "cannot open the PDF"),
])
def test_corrupt_article_pdf_gives_placeholder_and_warning(review_copy: Path, content: bytes, why: str) -> None:
    (review_copy / "articles" / "a02" / "article.pdf").write_bytes(content)
    data = gather(review_copy)
    view = next(v for v in data.articles if v.article.id == "a02")
    assert not view.image.data_uri and why in view.image.problem
    assert any(w.code == PAGE_IMAGE and why in w.message for w in view.warnings)
    assert any(n.startswith("a02: first page not shown") for n in data.problems) and not data.notes


def test_record_warnings_are_kept_and_point_at_their_field(review_issue: Path) -> None:
    data = gather(review_issue)
    a05 = next(v for v in data.articles if v.article.id == "a05")
    assert [w.code for w in a05.warnings] == ["article-no-page-count"]
    # the confidence layer doubts the pages the 文章编号 contradicts: listed apart, same row marked
    assert [w.message.split(":")[0] for w in a05.uncertain] == ["lpage", "pdf_pages"]
    assert a05.flagged == {"article_no", "fpage"}
    assert data.warning_count == 1


def test_deposit_states_come_from_the_ledger(review_copy: Path, tmp_path: Path) -> None:
    issue = read_record(review_copy / "issue.json")
    with_doi = [a for a in issue.articles if a.doi]
    ledger_path = tmp_path / "ledger.sqlite3"
    ledger = SqliteLedger(ledger_path)
    ledger.sync_batch("test", issue.issue_id, [(a.doi, "h") for a in with_doi])
    sub = ledger.record_submission(file_name="crossref-1.xml", issue_id=issue.issue_id, endpoint="test",
                                   base_url="http://127.0.0.1", doi_batch_id="b1", batch_timestamp=1,
                                   sha256="0" * 64, approver="editor", records=[(with_doi[0].doi, "h")])
    ledger.mark_sent(sub.id)
    ledger.close()
    data = gather(review_copy, ledger=ledger_path)
    states = {v.article.id: v.deposit for v in data.articles}
    assert [(d.endpoint, d.state) for d in states[with_doi[0].id]] == [("test", "submitted")]
    assert [d.state for d in states[with_doi[1].id]] == ["unregistered"]
    assert all(states[a.id][0].state == NO_DOI for a in issue.articles if not a.doi)
    assert data.deposit.present and data.deposit.counts == {"test submitted": 1, "test unregistered": len(with_doi) - 1}
    assert "crossref-1.xml to test: sent" in data.deposit.last_submission


def test_no_ledger_means_not_deposited_and_none_is_created(review_copy: Path, tmp_path: Path, monkeypatch) -> None:
    ledger = tmp_path / "elsewhere" / "ledger.sqlite3"
    monkeypatch.setenv("JOURNAL_INGEST_LEDGER", str(ledger))
    data = gather(review_copy)
    assert data.deposit.ledger == str(ledger) and not data.deposit.present
    assert {d.state for v in data.articles for d in v.deposit} == {NOT_DEPOSITED, NO_DOI}
    assert not ledger.exists() and not ledger.parent.exists()


def test_corrupt_ledger_is_a_note(review_copy: Path, tmp_path: Path) -> None:
    bad = tmp_path / "ledger.sqlite3"
    bad.write_bytes(b"this is not sqlite" * 100)
    data = gather(review_copy, ledger=bad)
    assert any("deposit ledger unreadable" in n for n in data.notes)
    assert bad.read_bytes() == b"this is not sqlite" * 100


def test_write_review_report_is_atomic_and_returns_its_path(review_copy: Path) -> None:
    path = write_review_report(review_copy)
    assert path == review_copy / REPORT_NAME and path.read_bytes().startswith(b"<!DOCTYPE html>")
    assert not [p for p in review_copy.iterdir() if p.name.startswith(".")]  # no temporary left


def test_cli_report_writes_and_summarises(review_copy: Path, capsys) -> None:
    (review_copy / "articles" / "a01" / "article.pdf").unlink()
    out = review_copy / "elsewhere.html"
    assert main(["report", str(review_copy), "--out", str(out)]) == 0
    stdout, stderr = capsys.readouterr()
    assert out.exists() and not (review_copy / REPORT_NAME).exists()
    assert str(out) in stdout and "5 articles" in stdout
    assert stderr.startswith("journal-ingest: warning: a01: first page not shown")


@pytest.mark.parametrize("damage,problem", [
    (lambda d: (d / "issue.json").unlink(), "no issue.json here"),
    (lambda d: (d / "issue.json").write_text("[]", encoding="utf-8"), "not an issue record"),
    (lambda d: (d / "issue.json").write_text(json.dumps({"articles": 3}), encoding="utf-8"), "schema"),
])
def test_cli_bad_record_is_one_line_naming_the_file(review_copy: Path, capsys, damage, problem: str) -> None:
    damage(review_copy)
    assert main(["report", str(review_copy)]) == 2
    _, err = capsys.readouterr()
    assert err.count("\n") == 1 and str(review_copy / "issue.json") in err and problem in err
    assert not (review_copy / REPORT_NAME).exists()


def test_cli_help_explains_the_command(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    out = capsys.readouterr().out
    assert "report.html" in out and "--ledger" in out and "examples:" in out


def test_cli_not_a_folder(tmp_path: Path, capsys) -> None:
    assert main(["report", str(tmp_path / "nope")]) == 2
    assert "not an issue folder" in capsys.readouterr().err


def test_report_does_not_need_write_access_beyond_its_file(review_copy: Path) -> None:
    before = sorted(p.relative_to(review_copy) for p in review_copy.rglob("*"))
    write_review_report(review_copy)
    after = sorted(p.relative_to(review_copy) for p in review_copy.rglob("*"))
    assert set(after) - set(before) == {Path(REPORT_NAME)}
    assert os.access(review_copy / REPORT_NAME, os.R_OK)
