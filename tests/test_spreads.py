"""Reader spreads (parsers/spreads.py): an issue exported as spreads (two printed pages side by
side on each PDF page) reads as the same issue drawn one page per PDF page.

tests/fixtures/issue_spreads is the sample issue re-drawn as spreads by tests/make_fixtures.py
(as_spreads); its field-by-field golden test is tests/test_fixtures_golden.py. Here: the whole
record against the one-page drawing of the same issue, the page numbers mapped back to the
PDF's spreads, and the detection's limits.
"""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from parsers.extract import build_issue
from parsers.spreads import logical_pages
from parsers.textlayer import Line, PageText, read_document

HERE = Path(__file__).resolve().parent
SPREADS = HERE / "fixtures" / "issue_spreads" / "issue.pdf"


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:
    """(record of the spreads fixture, record of the same issue drawn one page a PDF page)."""
    sys.path.insert(0, str(HERE))
    import make_fixtures as mf

    pdf, _ = mf.build("seed", mf.seed_issue_specs(), mf.Layout(outline=False, labels=False))
    single = tmp_path_factory.mktemp("single") / "issue.pdf"
    single.write_bytes(pdf)
    return (build_issue(read_document(SPREADS)).to_dict(), build_issue(read_document(single)).to_dict())


def test_spreads_read_as_the_single_pages(both: tuple[dict, dict]) -> None:
    """Every field of every article (citations, warnings, confidence included) is what the
    one-page drawing gives; only the PDF page numbers and the provenance differ."""
    spread, single = both
    assert len(spread["articles"]) == len(single["articles"]) == 5
    assert sum(len(a["citations"]) for a in spread["articles"]) == 57
    for a, b in zip(spread["articles"], single["articles"]):
        for key in set(a) | set(b):
            if key not in ("pdf_pages", "provenance"):
                assert a[key] == b[key], f"{a['id']}.{key}"
    assert spread["warnings"] == single["warnings"]


def test_pdf_pages_are_the_spreads(both: tuple[dict, dict]) -> None:
    """Printed page p of the one-page drawing (PDF page p) is on spread p // 2 + 1."""
    spread, single = both
    assert spread["source"]["pages"] == 13 and single["source"]["pages"] == 24
    for a, b in zip(spread["articles"], single["articles"]):
        assert a["pdf_pages"] == [b["pdf_pages"][0] // 2 + 1, b["pdf_pages"][1] // 2 + 1]


def test_provenance_points_into_the_spread(both: tuple[dict, dict]) -> None:
    """A title's box, on its page of the article PDF (made of spreads), holds the title."""
    spread, _ = both
    pages = read_document(SPREADS).pages
    for art in spread["articles"]:
        where = art["provenance"]["title.zh"]
        page = pages[art["pdf_pages"][0] + where["page"] - 2]
        x0, top, x1, bottom = where["box"]
        inside = "".join(ln.text for ln in page.lines if x0 - 1 <= ln.x0 and ln.x1 <= x1 + 1 and top - 1 <= ln.y <= bottom + 1)
        assert art["title"]["zh"][:4] in inside.replace(" ", ""), art["id"]


def _page(width: float, texts: list[tuple[str, float, float, float]]) -> PageText:
    return PageText(1, width, 500.0, None, [Line(t, x0, x1, y, 10.0) for t, x0, x1, y in texts])


def test_a_landscape_page_without_facing_folios_stays_whole() -> None:
    """Two columns on a landscape page (a table, a slide) are no spread: no folios n, n+1."""
    page = _page(800.0, [("左栏正文", 50, 380, 100), ("右栏正文", 420, 750, 100), ("· 12 ·", 380, 420, 480)])
    assert logical_pages([page]) == ([], [])


def test_facing_folios_cut_the_page_in_two() -> None:
    page = _page(800.0, [("· 42 ·", 40, 70, 20), ("左页正文", 50, 380, 100),
                         ("· 43 ·", 730, 760, 20), ("右页正文", 420, 750, 100)])
    pages, halves = logical_pages([page])
    assert [p.number for p in pages] == [1, 2] and halves == [(1, 0.0), (1, 400.0)]
    assert [ln.text for ln in pages[1].lines] == ["· 43 ·", "右页正文"] and pages[1].lines[1].x0 == 20
    assert pages[0].width == pages[1].width == 400.0


def test_portrait_pages_are_no_spreads() -> None:
    page = _page(400.0, [("· 42 ·", 40, 70, 20), ("正文", 50, 380, 100)])
    assert logical_pages([page, replace(page, number=2)]) == ([], [])
