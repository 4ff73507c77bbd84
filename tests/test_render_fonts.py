"""Pages whose Chinese fonts are not embedded: OCR reads them only where a CJK font can draw
them (parsers/render_fonts.py, parsers/ocr.py ocr_plan), else the text layer stays, flagged."""
from __future__ import annotations

import io
import logging
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from parsers import ocr, render_fonts
from parsers.extract import build_issue
from parsers.render_fonts import cjk_fonts_not_embedded, page_cjk_fonts_not_embedded, probe_pdf
from parsers.textlayer import read_document

HERE = Path(__file__).resolve().parent
GB1 = HERE / "fixtures" / "issue_seed_gb1" / "issue.pdf"           # reportlab's STSong-Light: not embedded
TTF = HERE / "fixtures" / "issue_cnki_ttf" / "issue.pdf"            # an embedded TrueType subset
SCANNED = HERE / "fixtures_scanned_150" / "issue.pdf"               # page images only


def test_the_probe_page_names_its_one_font_not_embedded() -> None:
    page = PdfReader(io.BytesIO(probe_pdf())).pages[0]
    assert page_cjk_fonts_not_embedded(page) == ["STSong-Light"]


def test_fonts_are_found_per_page_and_embedded_ones_are_not_named() -> None:
    gb1 = cjk_fonts_not_embedded(GB1, [1, 2, 3])
    assert set(gb1) == {1, 2, 3} and all(names == ["STSong-Light"] for names in gb1.values())
    assert cjk_fonts_not_embedded(TTF, [1, 2, 3]) == {}
    assert cjk_fonts_not_embedded(SCANNED, [1, 2]) == {}
    assert cjk_fonts_not_embedded(HERE / "no-such.pdf", [1]) == {}  # (never fails the run)


def _machine_has_cjk_font() -> bool:
    """Any font fontconfig knows that covers 中 (U+4E2D): what PDFium can stand in with."""
    if not shutil.which("fc-list"):
        return False
    out = subprocess.run(["fc-list", ":charset=4e2d", "file"], capture_output=True, text=True).stdout
    return bool(out.strip())


def test_the_probe_says_what_the_machine_can_draw() -> None:
    render_fonts.can_draw_cjk.cache_clear()
    assert render_fonts.can_draw_cjk() == _machine_has_cjk_font()


def test_make_test_installs_a_cjk_font() -> None:
    """`make test` (and CI) runs `make fonts` first: without it the real scans below would be read blind."""
    assert render_fonts.can_draw_cjk(), render_fonts.INSTALL_HINT


def _distrusted(pdf: Path, reason: str = "letter-substitution text layer (test)"):
    doc = read_document(pdf, workers=1)
    for page in doc.pages:
        page.distrust = reason
    return doc


def test_without_a_cjk_font_such_pages_keep_their_text_layer_and_are_flagged(monkeypatch, caplog) -> None:
    monkeypatch.setattr(render_fonts, "can_draw_cjk", lambda: False)
    doc = _distrusted(GB1)
    with caplog.at_level(logging.WARNING):
        numbers, why = ocr.ocr_plan(doc, "auto")
    assert numbers == [] and "fonts-wqy-microhei" in why
    assert all("not read by OCR" in p.distrust and "STSong-Light" in p.distrust for p in doc.pages)
    assert any(GB1.name in r.getMessage() and "not read by OCR" in r.getMessage() for r in caplog.records)
    assert ocr.ocr_document(doc, "auto") == []  # (no engine run, no error: the text layer is readable)
    issue = build_issue(doc)
    assert issue.articles and all(not p.ocr and "no CJK font" in p.reason for p in issue.source.pages_ocr)
    art = next(a for a in issue.articles if a.abstract.zh)
    assert art.title.zh == "乌克兰危机下日本与北约的战略合作"  # the text layer as it is
    flagged = {w.message.split(":", 1)[0] for w in art.warnings if w.code == "uncertain-field"}
    assert "title.zh" in flagged and "abstract.zh" in flagged


def test_with_a_cjk_font_the_same_pages_go_to_ocr(monkeypatch) -> None:
    monkeypatch.setattr(render_fonts, "can_draw_cjk", lambda: True)
    doc = _distrusted(GB1)
    numbers, why = ocr.ocr_plan(doc, "auto")
    assert numbers == [p.number for p in doc.pages] and why == ""
    assert not any("not read by OCR" in p.distrust for p in doc.pages)


def test_an_image_only_page_needs_no_font(monkeypatch) -> None:
    monkeypatch.setattr(render_fonts, "can_draw_cjk", lambda: False)
    doc = read_document(SCANNED, workers=1, strict=False)
    numbers, why = ocr.ocr_plan(doc, "auto")
    assert numbers == [p.number for p in doc.pages if p.distrust] and numbers and why == ""


def test_a_trusted_page_is_not_flagged_for_its_text_layer() -> None:
    issue = build_issue(read_document(GB1, workers=1))
    assert not any("not trusted and was not OCR'd" in w.message for a in issue.articles for w in a.warnings)


@pytest.mark.parametrize("mode", ["never"])
def test_ocr_never_flags_a_distrusted_page_read_as_it_is(mode: str) -> None:
    doc = _distrusted(GB1)
    assert ocr.ocr_plan(doc, mode) == ([], "")
    issue = build_issue(doc)
    art = next(a for a in issue.articles if a.abstract.zh)
    flagged = {w.message.split(":", 1)[0] for w in art.warnings if w.code == "uncertain-field"}
    assert {"title.zh", "abstract.zh", "keywords.zh", "contributors.name.zh"} <= flagged


def test_the_report_shows_no_page_image_drawn_without_its_chinese_text(monkeypatch) -> None:
    from review.render import pages_of_issue

    monkeypatch.setattr(render_fonts, "can_draw_cjk", lambda: False)
    blind = pages_of_issue(GB1, [0, 2])
    assert all(not im.data_uri and "no CJK font" in im.problem and "STSong-Light" in im.problem for im in blind)
    shown = pages_of_issue(TTF, [0])  # (its fonts are embedded: drawn as ever)
    assert shown[0].data_uri.startswith("data:image/png") and not shown[0].problem
    monkeypatch.setattr(render_fonts, "can_draw_cjk", lambda: True)
    assert pages_of_issue(GB1, [0])[0].data_uri
