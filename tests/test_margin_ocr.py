"""Folios the text layer lacks, read from the page image (parsers.margin_ocr), on the folio
suite's cases whose folios are drawn as outlines (转曲) and on cases whose folios are text."""
from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, strategies as st

from parsers import margin_ocr
from parsers.margin_ocr import add_margin_folios, folio_text, ink_blobs, wanted
from parsers.textlayer import read_document

CASES = Path(__file__).resolve().parent / "folio_cases"


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("JOURNAL_INGEST_OCR_CACHE", str(tmp_path / "ocr"))
    return tmp_path / "ocr"


def doc(case: str):
    return read_document(CASES / case / "issue.pdf")


@pytest.mark.parametrize("text, want", [
    ("37", "37"), ("·37·", "·37·"), ("·37.", "·37·"), ("'37·", "·37·"), ("— 37 —", "— 37 —"), ("第37页", "第37页"),
    ("37.5", None), ("abc", None), ("2011年", None), ("No.2", None), ("图3", None), ("", None),
])
def test_only_a_folio_alone_is_kept(text: str, want: str | None) -> None:
    assert folio_text(text) == want


# (1900–2100 read as a year in some forms: parsers.pages.folio_reading's own rule)
@given(st.integers(min_value=1, max_value=1899) | st.integers(min_value=2101, max_value=4999), st.sampled_from(["{}", "·{}·", "·{}.", "— {} —", "第{}页"]))
def test_every_printed_folio_form_reads_back_its_number(n: int, form: str) -> None:
    from parsers.pages import folio_reading

    text = folio_text(form.format(n))
    assert text is not None and folio_reading(text) == (n, True)


def test_the_text_layer_decides_whether_margins_are_read() -> None:
    assert wanted(doc("issue_outlined_folios"), "auto")
    assert not wanted(doc("issue_outlined_folios"), "never")
    assert not wanted(doc("issue_corner_head"), "auto")   # its folios are text
    assert not wanted(doc("issue_head_cn_en"), "auto")


def test_ink_blobs_keep_a_number_and_drop_a_line_of_text() -> None:
    scale = margin_ocr.DPI / 72
    image = np.full((int(50 * scale), int(500 * scale)), 255, dtype=np.uint8)
    image[int(20 * scale):int(29 * scale), int(450 * scale):int(462 * scale)] = 0          # a folio-sized mark
    image[int(20 * scale):int(29 * scale), int(50 * scale):int(300 * scale)] = 0           # a 250-pt run: text
    blobs = ink_blobs(image, scale)
    assert len(blobs) == 1 and abs(blobs[0][0] / scale - 450) < 1
    assert ink_blobs(np.full((40, 400), 255, dtype=np.uint8), scale) == []


@pytest.mark.parametrize("case, first", [("issue_outlined_folios", 36), ("issue_outlined_head", 118),
                                         ("issue_outlined_sheet", 201), ("issue_outlined_on_a4", 118)])
def test_outlined_folios_are_read_where_they_are_drawn(case: str, first: int, _cache: Path) -> None:
    d = doc(case)
    assert add_margin_folios(d, "auto") >= 2
    from parsers.pages import folio_reading

    for page in d.pages:
        read = [folio_reading(t) for t in page.margin_ocr]
        # (a first page prints none in the first case; its number is inferred from the others)
        assert all(r == (first + page.number - 1, True) for r in read), (page.number, page.margin_ocr)
    assert sum(bool(p.margin_ocr) for p in d.pages) >= len(d.pages) // 2
    # the running head's own text is never read again: only the folios join the lines
    assert all(len(p.margin_ocr) <= 1 for p in d.pages)
    assert list(_cache.rglob("margins*.json")), "the readings are cached"


def test_readings_are_kept_per_frame(_cache: Path) -> None:
    """The bands are the finished page's: the same file read in another frame (its pages on
    A4 paper found by their running heads, or not) is read again, not from the other frame's
    cache."""
    d = doc("issue_outlined_on_a4")
    assert d.pages[0].origin != (0.0, 0.0)
    assert add_margin_folios(d, "auto") >= 2
    before = set(_cache.rglob("margins*.json"))
    again = doc("issue_outlined_on_a4")
    for page in again.pages:  # (the sheet's frame, as a reader without frames.py had it)
        page.origin, (page.width, page.height) = (0.0, 0.0), page.sheet
    assert add_margin_folios(again, "auto") == 0  # (the sheet's margin share holds no folio)
    assert len(set(_cache.rglob("margins*.json")) - before) == len(d.pages)


def test_a_case_that_prints_no_folio_gets_none() -> None:
    d = doc("issue_nothing_printed")
    assert wanted(d, "auto")
    assert add_margin_folios(d, "auto") == 0
    assert not any(p.margin_ocr for p in d.pages)


def test_a_renderer_failure_costs_the_folios_not_the_ingest(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    d = doc("issue_outlined_folios")
    broken = tmp_path / "gone.pdf"
    broken.write_bytes(b"%PDF-1.4 nothing here")
    d.path = broken
    with caplog.at_level(logging.WARNING, logger="journal_ingest"):
        assert add_margin_folios(d, "auto") == 0
    assert "margins not read by OCR" in caplog.text and "gone.pdf" in caplog.text
    assert not any(p.margin_ocr for p in d.pages)


def test_page_numbers_read_by_ocr_are_right_and_flagged() -> None:
    """The record gets the drawn numbers, each flagged for the editor: digits read from an
    image are a reading to confirm, however well the pages agree."""
    from tests.test_convention_cases import load_case

    truth, issue = load_case(CASES, "issue_outlined_folios", "auto")
    got = [(a["fpage"], a["lpage"]) for a in issue["articles"]]
    assert got == [(str(t["fpage"]), str(t["lpage"])) for t in truth["articles"]]
    for a in issue["articles"]:
        why = [w["message"] for w in a["warnings"] if w["code"] == "uncertain-field" and w["message"].startswith("fpage")]
        assert why and "read by OCR" in why[0]


def test_a_number_read_on_one_page_alone_is_dropped() -> None:
    """A lone reading (a logo's digit, a tick label) continues no sequence: not a folio."""
    from parsers.margin_ocr import in_sequence
    from parsers.ocr import OcrBox

    def box(text: str) -> OcrBox:
        return OcrBox(text, 500, 20, 510, 29, 0.99)

    kept = in_sequence({1: [box("3")], 2: [box("38")], 3: [box("39")], 4: [], 5: [box("9")]})
    assert kept == {1: [], 2: [box("38")], 3: [box("39")], 4: [], 5: []}
    assert in_sequence({2: [box("3")]}) == {2: []}


def test_ocr_boxes_move_into_the_finished_page_of_a_printers_sheet() -> None:
    """A page rendered whole is the sheet; its lines are measured from the finished page
    (`origin`): boxes move by it, and what lies outside (crop marks, the slug line) goes."""
    from parsers.ocr import OcrBox, on_page
    from parsers.textlayer import PageText

    page = PageText(number=1, width=500.0, height=700.0, label=None, origin=(60.0, 60.0))
    inside, slug = OcrBox("正文", 100, 100, 200, 110, 0.9), OcrBox("issue.indd 7", 60, 800, 160, 808, 0.9)
    assert on_page(page, [inside, slug]) == [OcrBox("正文", 40, 40, 140, 50, 0.9)]
    plain = PageText(number=1, width=500.0, height=700.0, label=None)
    assert on_page(plain, [inside, slug]) == [inside, slug]
