"""The finished page found on paper larger than it that writes no TrimBox (parsers/frames.py):
the folios say where the trim lies, and the pages are read in that frame."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings, strategies as st

from parsers.frames import inset_by_furniture
from parsers.pages import EDGE
from parsers.textlayer import Line, PageText, read_document

HERE = Path(__file__).resolve().parent
W, H = 516.0, 737.0  # (a 16开 page, 182 × 260 mm)
A4 = (595.28, 841.89)


def _page(number: int, lines: list[tuple[str, float]], mx: float = 0.0, my: float = 0.0, size: float = 10.5) -> PageText:
    """A 16开 page's lines (text, baseline from the page's top) as read from a sheet `mx`, `my`
    larger on each side."""
    return PageText(number=number, width=W + 2 * mx, height=H + 2 * my, label=None,
                    lines=[Line(text=t, x0=60 + mx, x1=60 + mx + size * min(len(t), 40), y=y + my, size=size)
                           for t, y in lines])


def _article(mx: float, my: float, folio_depth: float = 40.0, gap: float = 24.0, first: int = 37,
             pages: int = 3) -> list[PageText]:
    """Pages with a running head carrying the folio `folio_depth` below the top and the text
    starting `gap` below it."""
    out = []
    for k in range(pages):
        body = [(f"正文{k + 1}之{i + 1}，文字排满一行。", folio_depth + gap + 18 * i) for i in range(30)]
        out.append(_page(k + 1, [(f"·{first + k}·　中国X学　2011年2月　第20卷　第2期", folio_depth)] + body, mx, my))
    return out


def test_folios_further_in_than_the_margin_share_set_the_frame() -> None:
    pages = _article(48, 66, folio_depth=40)
    got = inset_by_furniture(pages)
    assert got is not None
    dx, dy, which = got
    assert which == [0, 1, 2]
    assert 20 < dy < 110 and abs(dx / dy - pages[0].width / pages[0].height) < 0.01


def test_a_page_box_that_is_the_page_is_left_alone() -> None:
    """Folios in the margin share already: the page box is the page."""
    assert inset_by_furniture(_article(0, 0, folio_depth=40)) is None


def test_something_printed_in_the_margin_share_keeps_the_page_box() -> None:
    pages = _article(48, 66)
    pages[1].lines.append(Line(text="印刷厂 校样 2023-06-12", x0=40, x1=160, y=pages[1].height - 12, size=6))
    assert inset_by_furniture(pages) is None


def test_a_page_framed_by_its_trim_box_is_left_alone() -> None:
    pages = _article(48, 66)
    pages[0].origin = (48.0, 66.0)
    assert inset_by_furniture(pages) is None


def test_numbers_that_do_not_continue_each_other_are_no_folios() -> None:
    """A table's last row or a reference's page number agrees with no other page's."""
    pages = _article(48, 66)
    for page, n in zip(pages, (12, 7, 240)):
        page.lines[0] = Line(text=str(n), x0=300, x1=312, y=page.lines[0].y, size=10.5)
    assert inset_by_furniture(pages) is None


def test_one_page_needs_a_folio_printed_alone() -> None:
    alone = [_page(1, [("· 43 ·", 40.0)] + [(f"正文第{i}行，文字排满一行。", 64 + 18 * i) for i in range(30)], 48, 66)]
    run_in = [_page(1, [("43 中国X学 2011年2月", 40.0)] + [(f"正文第{i}行，文字排满一行。", 64 + 18 * i) for i in range(30)], 48, 66)]
    assert inset_by_furniture(alone) is not None
    assert inset_by_furniture(run_in) is None


@settings(max_examples=60, deadline=None)
@given(mx=st.floats(20, 120), my=st.floats(30, 140), depth=st.floats(22, 55), gap=st.floats(14, 40))
def test_the_frame_puts_the_folio_in_the_margin_share_and_the_text_outside(mx: float, my: float, depth: float,
                                                                           gap: float) -> None:
    pages = _article(mx, my, folio_depth=depth, gap=gap)
    sheet_h = pages[0].height
    got = inset_by_furniture(pages)
    if depth + my < EDGE * sheet_h:
        assert got is None  # (the margin share of the sheet holds the folio already)
        return
    if my >= 60 and depth >= 30:  # (B5 on A4 leaves 66 pt: an export's surround is framed)
        assert got is not None
    if got is None:
        return
    _, dy, _ = got
    height = sheet_h - 2 * dy
    folio_y, text_y = depth + my - dy, depth + gap + my - dy
    assert 0 < folio_y < EDGE * height <= text_y
    assert all(0 < ln.y - dy < height for p in pages for ln in p.lines)  # (no text falls outside the frame)


def test_a_page_s_own_wide_margin_is_no_frame() -> None:
    """Folios a little further in than the margin share, on the page box itself (a journal
    with wide margins): re-measuring the page on an estimated width would only add error."""
    assert inset_by_furniture(_article(0, 0, folio_depth=66, gap=20)) is None


def test_a_16kai_article_on_a4_paper_reads_as_on_its_own_page() -> None:
    """The convention case printed on A4 paper (no TrimBox) is read in a frame that holds its
    folios in the margin share, and its lines where the 16开 page has them, within the
    estimate's few points."""
    doc = read_document(HERE / "conventions" / "print_on_a4_paper" / "issue.pdf", workers=1)
    for page in doc.pages:
        dx, dy = page.origin
        assert abs(dx - (A4[0] - W) / 2) < 12 and abs(dy - (A4[1] - H) / 2) < 12, page.origin
        assert (page.width, page.height) == (round(A4[0] - 2 * dx, 2), round(A4[1] - 2 * dy, 2))
        assert page.sheet == A4


def test_the_text_layer_reads_without_the_layout_rules() -> None:
    """The reading processes import the text layer only: the layout rules frames needs
    (parsers.pages and what it imports, a third of a second) load in the main process while
    they read, not before they start nor in each of them."""
    import subprocess
    import sys

    code = "import sys, parsers.textlayer; print('parsers.pages' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=HERE.parent).stdout.strip()
    assert out == "False"


def test_pages_read_again_in_the_frame_by_the_reading_processes(monkeypatch) -> None:
    """A long issue is read again in its frame as it was read the first time, by the
    reading processes: the same pages as one process reads them."""
    import parsers.textlayer as tl

    monkeypatch.setattr(tl, "PARALLEL_MIN_PAGES", 1)
    pdf = HERE / "folio_cases" / "issue_outlined_on_a4" / "issue.pdf"
    many, one = read_document(pdf, workers=2), read_document(pdf, workers=1)
    assert many.pages[0].origin != (0.0, 0.0)
    assert [(p.origin, p.width, p.text) for p in many.pages] == [(p.origin, p.width, p.text) for p in one.pages]
