"""Glyphs no font names: Founder's order-of-use subset fonts read as unnamed, not as the
ASCII their /Differences claims (parsers.fonts.names_in_order_of_use), and filled from the
page's OCR where the reading around them anchors it (parsers.glyph_ocr)."""
from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject, NumberObject

from parsers.fonts import names_in_order_of_use
from parsers.glyph_ocr import UNNAMED, fill, patch_page, wanted
from parsers.ocr import OcrBox
from parsers.textlayer import Line, PageText, Span, read_document

ASCII_NAMES = ["exclam", "quotedbl", "numbersign", "dollar", "percent", "ampersand", "quoteright", "parenleft"]


def _font(names: list[str], widths: list[float], first: int = 33) -> DictionaryObject:
    diffs = ArrayObject([NumberObject(first)] + [NameObject("/" + n) for n in names])
    return DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
        NameObject("/Encoding"): DictionaryObject({NameObject("/Type"): NameObject("/Encoding"),
                                                   NameObject("/Differences"): diffs}),
        NameObject("/FirstChar"): NumberObject(first), NameObject("/LastChar"): NumberObject(first + len(widths) - 1),
        NameObject("/Widths"): ArrayObject([FloatObject(w) for w in widths]),
    })


def _widths(font: DictionaryObject) -> dict[int, float]:
    first = int(font["/FirstChar"])
    return {first + i: float(w) for i, w in enumerate(font["/Widths"])}


@pytest.mark.parametrize("widths", [
    [500, 500, 500, 500, 500, 611],          # digits first: a postal code set as '!"##$%'
    [999, 999, 999, 999],                     # ideographs named after ASCII codes
    [500, 667, 444, 500],                     # a Latin subset whose first glyph is a digit
])
def test_order_of_use_names_are_no_text(widths):
    font = _font(ASCII_NAMES[:len(widths)], widths)
    assert names_in_order_of_use(font, _widths(font)) == frozenset(range(33, 33 + len(widths)))


@pytest.mark.parametrize("names, widths, first", [
    (ASCII_NAMES[:4], [278, 355, 556, 556], 33),        # Helvetica's own widths: real ! " # $
    (ASCII_NAMES[:6], [600] * 6, 33),                   # Courier: every glyph 600 wide
    (["numbersign", "dollar", "percent", "ampersand"], [556, 556, 889, 667], 35),  # real # $ % &
    (["exclam", "at"], [500, 500], 40),                 # names that are not the codes' standard ones
])
def test_fonts_whose_names_fit_their_widths_are_text(names, widths, first):
    font = _font(names, widths, first)
    assert names_in_order_of_use(font, _widths(font)) == frozenset()


def test_wide_percent_and_ampersand_give_a_later_run_away():
    """A page's font lists only the codes it uses: a run from 043 has no ! to judge by, but a
    "%" and an "&" half an em wide are other glyphs than their names."""
    font = _font(["numbersign", "dollar", "percent", "ampersand"], [500, 500, 500, 500], 35)
    assert names_in_order_of_use(font, _widths(font)) == frozenset({35, 36, 37, 38})


def _pdf_with(font: DictionaryObject, path: Path) -> Path:
    writer = PdfWriter()
    page = writer.add_blank_page(300, 200)
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 12 Tf 20 150 Td (!\"#$) Tj ET BT /F2 12 Tf 20 120 Td (Vol) Tj ET")
    page[NameObject("/Contents")] = writer._add_object(stream)
    plain = _font([], [])
    del plain["/Encoding"], plain["/Widths"], plain["/FirstChar"], plain["/LastChar"]
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({
        NameObject("/F1"): writer._add_object(font), NameObject("/F2"): writer._add_object(plain)})})
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def test_the_text_layer_reads_order_of_use_glyphs_as_unnamed(tmp_path):
    doc = read_document(_pdf_with(_font(ASCII_NAMES[:4], [500, 500, 500, 500]), tmp_path / "founder.pdf"),
                        workers=1, strict=False)
    page = doc.pages[0]
    assert [ln.text for ln in page.lines] == ["Vol"]
    # (a line of nothing but unnamed glyphs is set aside, as garbage is: no field is made of it)
    assert [ln.text for ln in page.unreadable_lines] == [UNNAMED * 4]


def test_the_same_codes_with_fitting_widths_stay_text(tmp_path):
    doc = read_document(_pdf_with(_font(ASCII_NAMES[:4], [278, 355, 556, 556]), tmp_path / "plain.pdf"),
                        workers=1, strict=False)
    assert '!"#$' in [ln.text for ln in doc.pages[0].lines]


def test_fill_takes_runs_anchored_on_both_sides():
    text = f"整形再造外科杂志 {UNNAMED * 4} 年 {UNNAMED} 月第 {UNNAMED} 卷"
    # (21 is two characters where one glyph stands: not placed)
    assert fill(text, "整形再造外科杂志2005年6月第21卷") == f"整形再造外科杂志 2005 年 6 月第 {UNNAMED} 卷"


def test_fill_keeps_what_the_ocr_cannot_place():
    assert fill(f"功能{UNNAMED} 以阴茎", "功能。方法 以阴茎") == f"功能{UNNAMED} 以阴茎"  # 1 glyph, 3 read
    assert fill(f"{UNNAMED * 3}x", "12345x") == f"{UNNAMED * 3}x"
    assert fill(f"a{UNNAMED}b", f"a{UNNAMED}b") == f"a{UNNAMED}b"  # (the engine's own unknown is no reading)
    assert fill(UNNAMED * 3, "1:4") == "1:4"  # a whole line: both ends anchor it
    assert fill(f"表 {UNNAMED}所示", "表1所示") == "表 1所示"


def _line(text: str, y: float, x0: float = 50, x1: float = 250) -> Line:
    return Line(text, x0, x1, y, 10.0, spans=[Span(text, x0, x1, y, 10.0, "F", False)])


def test_patch_page_fills_from_the_box_over_each_line():
    page = PageText(1, 300, 400, None, lines=[_line(f"作者单位：{UNNAMED * 6} 西安", 100),
                                               _line(f"第 {UNNAMED} 期", 200)], unmapped=7)
    boxes = [OcrBox("作者单位：710032西安", 50, 91, 250, 102, 0.97),
             OcrBox("第36期", 50, 300, 250, 311, 0.99)]  # (a box far under the second line)
    assert patch_page(page, boxes) == 6
    first, second = page.lines
    assert first.text == "作者单位：710032 西安" and first.spans[0].text == first.text
    assert first.confidence == pytest.approx(0.97)
    assert second.text == f"第 {UNNAMED} 期" and second.confidence is None
    assert page.unmapped == 1


def test_an_unsure_box_fills_nothing():
    page = PageText(1, 300, 400, None, lines=[_line(f"第 {UNNAMED} 期", 100)])
    assert patch_page(page, [OcrBox("第6期", 50, 91, 250, 102, 0.5)]) == 0


def test_only_trusted_pages_with_unnamed_glyphs_are_wanted():
    from parsers.textlayer import Document

    clean = PageText(1, 300, 400, None, lines=[_line("正文", 100)])
    marked = PageText(2, 300, 400, None, lines=[_line(f"{UNNAMED * 4} 年 {UNNAMED} 月", 100)])
    distrusted = PageText(3, 300, 400, None, lines=[_line(f"{UNNAMED * 4} 年 {UNNAMED} 月", 100)], distrust="a scan")
    stray = PageText(4, 300, 400, None, lines=[_line(f"∆{UNNAMED},{UNNAMED} = ∆{UNNAMED}", 100)])  # (a formula's)
    doc = Document(Path("x.pdf"), "0" * 64, 4, [clean, marked, distrusted, stray], [], {})
    assert wanted(doc, "auto") == [2] and wanted(doc, "never") == []
