"""The report's page images rendered while the fields are extracted (review.render.render_ahead,
started by `journal-ingest ingest` once the split is planned): the same images, drawn once."""
from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from cli.main import main
from review import render
from review.render import pages_of_issue, render_ahead

HERE = Path(__file__).resolve().parent
ISSUE = HERE / "fixtures" / "issue_seed_ucs2" / "issue.pdf"
OTHER = HERE / "fixtures" / "single_article" / "issue.pdf"
SPREADS = HERE / "fixtures" / "issue_spreads" / "issue.pdf"


def _counting(monkeypatch, threads: list[str] | None = None) -> list[list[int]]:
    calls: list[list[int]] = []
    real = render._render_pages

    def counted(pdf: Path, indexes: list[int], width: int):
        calls.append(list(indexes))
        if threads is not None:
            threads.append(threading.current_thread().name)
        return real(pdf, indexes, width)
    monkeypatch.setattr(render, "_render_pages", counted)
    return calls


def test_pages_rendered_ahead_are_the_pages_rendered_now(monkeypatch) -> None:
    now = pages_of_issue(ISSUE, [2, 5])
    calls = _counting(monkeypatch)
    ahead = render_ahead(ISSUE, [2, 5, 9])
    ahead.wait()
    assert sorted(ahead.images) == [2, 5, 9] and calls == []  # (drawn in the render-ahead process)
    got = pages_of_issue(ISSUE, [2, 5, 2])
    assert calls == []  # nothing drawn again
    assert [g.data_uri for g in got] == [now[0].data_uri, now[1].data_uri, now[0].data_uri]
    assert not render._AHEAD  # taken once: a later report renders afresh


def test_where_processes_cannot_fork_a_thread_renders_ahead(monkeypatch) -> None:
    threads: list[str] = []
    calls = _counting(monkeypatch, threads)
    monkeypatch.setattr(render, "_fork_context", lambda: None)
    ahead = render_ahead(ISSUE, [2, 5])
    ahead.wait()
    assert calls == [[2, 5]] and threads == ["render-ahead"]
    assert [g.data_uri for g in pages_of_issue(ISSUE, [2, 5])] == [ahead.images[2].data_uri, ahead.images[5].data_uri]
    assert calls == [[2, 5]]


def test_a_renderer_that_dies_costs_only_its_pages(monkeypatch) -> None:
    import os

    monkeypatch.setattr(render, "_render_and_send", lambda *a: os._exit(3))  # (a crash inside PDFium, say)
    render_ahead(ISSUE, [2])
    calls = _counting(monkeypatch)
    got = pages_of_issue(ISSUE, [2])
    assert calls == [[2]] and got[0].data_uri  # (drawn here instead)


def test_only_the_missing_pages_are_drawn_and_another_file_is_not_taken(monkeypatch) -> None:
    calls = _counting(monkeypatch)
    render_ahead(ISSUE, [2]).wait()
    pages_of_issue(ISSUE, [2, 4])
    assert calls == [[4]]
    render_ahead(ISSUE, [0]).wait()
    other = pages_of_issue(OTHER, [0])
    assert calls[-1] == [0] and len(calls) == 2 and other[0].data_uri
    render_ahead(ISSUE, [0]).wait()
    pages_of_issue(ISSUE, [0], width=200)  # (another width: drawn again)
    assert calls[-1] == [0] and len(calls) == 3


@pytest.mark.parametrize("issue", [ISSUE, SPREADS], ids=["pages", "spreads"])
def test_the_ingest_renders_the_first_pages_ahead_and_the_report_uses_them(tmp_path: Path, monkeypatch,
                                                                           issue: Path) -> None:
    """(a PDF of reader spreads is split as its printed pages: the pages drawn are the PDF's own)"""
    threads: list[str] = []
    calls = _counting(monkeypatch, threads)
    monkeypatch.setattr(render, "_fork_context", lambda: None)  # (a thread, so the drawing is counted here)
    assert main(["ingest", str(issue), "--out", str(tmp_path), "--no-links", "--quiet"]) == 0
    record = json.loads(next(tmp_path.glob("*/issue.json")).read_text(encoding="utf-8"))
    firsts = list(dict.fromkeys(a["pdf_pages"][0] - 1 for a in record["articles"]))
    assert calls == [firsts] and threads == ["render-ahead"]  # once, ahead, for every article's first page
    html = next(tmp_path.glob("*/report.html")).read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") >= len(record["articles"])


def test_the_ingest_draws_nothing_itself_when_a_process_renders_ahead(tmp_path: Path, monkeypatch) -> None:
    calls = _counting(monkeypatch)
    assert main(["ingest", str(ISSUE), "--out", str(tmp_path), "--no-links", "--quiet"]) == 0
    record = json.loads(next(tmp_path.glob("*/issue.json")).read_text(encoding="utf-8"))
    html = next(tmp_path.glob("*/report.html")).read_text(encoding="utf-8")
    assert calls == [] and html.count("data:image/png;base64,") >= len(record["articles"])


@pytest.mark.parametrize("flag", ["--no-report"])
def test_no_report_renders_nothing(tmp_path: Path, monkeypatch, flag: str) -> None:
    calls = _counting(monkeypatch)
    monkeypatch.setattr(render, "_fork_context", lambda: None)
    assert main(["ingest", str(ISSUE), "--out", str(tmp_path), "--no-links", "--quiet", flag]) == 0
    assert calls == []


def test_a_render_ahead_no_report_took_is_stopped_when_the_next_begins() -> None:
    first = render_ahead(ISSUE, [0, 2, 5])
    process = first._process
    second = render_ahead(ISSUE, [2])
    assert process is None or not process.is_alive()
    assert render._AHEAD == [second]
    assert pages_of_issue(ISSUE, [2])[0].data_uri
