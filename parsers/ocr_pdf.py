"""An invisible text layer over an OCR'd page, so the article PDF is searchable.

The way OCRmyPDF (and Tesseract's PDF renderer) do it: each OCR'd line is drawn in text
render mode 3 (neither filled nor stroked: invisible, but selectable and found by search
and text extraction) at the line's place, horizontally scaled (Tz) to the line's width, in
a "glyphless" font: a Type0/CIDFontType2 font with Identity-H encoding whose CIDs are the
characters' Unicode code points, a ToUnicode CMap saying so, and an embedded TrueType font
with one empty glyph one em wide (built here with fontTools), so no viewer has to find a
CJK font for text it never draws.
"""
from __future__ import annotations

import io
from functools import lru_cache
from typing import Any, Sequence

from pypdf import PageObject
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, NumberObject, TextStringObject

FONT_NAME = "/JIOcrText"


@lru_cache(maxsize=1)
def glyphless_ttf() -> bytes:
    """A TrueType font with .notdef only: empty, 1000 units wide (fontTools FontBuilder)."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder([".notdef"])
    fb.setupCharacterMap({})
    fb.setupGlyf({".notdef": TTGlyphPen(None).glyph()})
    fb.setupHorizontalMetrics({".notdef": (1000, 0)})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": "GlyphLessFont", "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
    fb.setupPost()
    buf = io.BytesIO()
    fb.save(buf)
    return buf.getvalue()


_TO_UNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
1 beginbfrange
<0000> <FFFF> <0000>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def _stream(writer: Any, data: bytes, extra: dict[str, Any] | None = None) -> Any:
    s = DecodedStreamObject()
    s.set_data(data)
    for k, v in (extra or {}).items():
        s[NameObject(k)] = v
    return writer._add_object(s)


def font_ref(writer: Any) -> Any:
    """The glyphless Type0 font, added to the writer once (kept on the writer)."""
    ref = getattr(writer, "_ji_ocr_font", None)
    if ref is not None:
        return ref
    ttf = glyphless_ttf()
    file_ref = _stream(writer, ttf, {"/Length1": NumberObject(len(ttf))})
    descriptor = DictionaryObject({
        NameObject("/Type"): NameObject("/FontDescriptor"), NameObject("/FontName"): NameObject("/GlyphLessFont"),
        NameObject("/Flags"): NumberObject(5), NameObject("/FontBBox"): ArrayObject([NumberObject(v) for v in (0, -120, 1000, 880)]),
        NameObject("/ItalicAngle"): NumberObject(0), NameObject("/Ascent"): NumberObject(880),
        NameObject("/Descent"): NumberObject(-120), NameObject("/CapHeight"): NumberObject(880),
        NameObject("/StemV"): NumberObject(80), NameObject("/FontFile2"): file_ref})
    cid = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/CIDFontType2"),
        NameObject("/BaseFont"): NameObject("/GlyphLessFont"),
        NameObject("/CIDSystemInfo"): DictionaryObject({NameObject("/Registry"): TextStringObject("Adobe"),
                                                        NameObject("/Ordering"): TextStringObject("Identity"),
                                                        NameObject("/Supplement"): NumberObject(0)}),
        NameObject("/FontDescriptor"): writer._add_object(descriptor), NameObject("/DW"): NumberObject(1000),
        NameObject("/CIDToGIDMap"): _stream(writer, b"\x00\x00" * 0x10000)})
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type0"),
        NameObject("/BaseFont"): NameObject("/GlyphLessFont"), NameObject("/Encoding"): NameObject("/Identity-H"),
        NameObject("/DescendantFonts"): ArrayObject([writer._add_object(cid)]),
        NameObject("/ToUnicode"): _stream(writer, _TO_UNICODE)})
    ref = writer._add_object(font)
    writer._ji_ocr_font = ref
    return ref


def _hex(text: str) -> bytes:
    """UTF-16BE code units as 2-byte CIDs (characters beyond the BMP become U+FFFD)."""
    return "".join(ch if ord(ch) <= 0xFFFF else "\ufffd" for ch in text).encode("utf-16-be").hex().upper().encode()


def text_layer_stream(lines: Sequence[Any], page_height: float, llx: float = 0.0, lly: float = 0.0) -> bytes:
    """Content operators drawing each line invisibly (Tr 3) at its place and width. Lines are
    parsers.textlayer.Line objects: x0, x1, baseline y from the top, size."""
    ops = [b"BT", b"3 Tr"]
    for ln in lines:
        text = ln.text.strip()
        if not text or ln.size <= 0:
            continue
        width = max(ln.x1 - ln.x0, 1.0)
        scale = 100.0 * width / (len(text) * ln.size)
        x, y = llx + ln.x0, lly + page_height - ln.y
        ops.append(b"%s %.2f Tf %.2f Tz 1 0 0 1 %.2f %.2f Tm <%s> Tj"
                   % (FONT_NAME.encode(), ln.size, scale, x, y, _hex(text)))
    ops.append(b"ET")
    return b"\n".join(ops)


def add_text_layer(writer: Any, page: PageObject, lines: Sequence[Any]) -> None:
    """Append the invisible text to a page already added to `writer` (its drawing untouched)."""
    if not lines:
        return
    box = page.cropbox
    content = text_layer_stream(lines, float(box.height), float(box.left), float(box.bottom))
    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else DictionaryObject()
    resources = DictionaryObject(resources)  # a copy: the resources may be shared with other pages
    fonts = resources.get("/Font")
    fonts = DictionaryObject(fonts.get_object()) if fonts is not None else DictionaryObject()
    fonts[NameObject(FONT_NAME)] = font_ref(writer)
    resources[NameObject("/Font")] = fonts
    page[NameObject("/Resources")] = resources
    existing = page.get("/Contents")
    parts = ArrayObject()
    if existing is not None:
        obj = existing.get_object()
        if isinstance(obj, ArrayObject):
            parts.extend(obj)
        else:
            parts.append(existing if hasattr(existing, "idnum") else writer._add_object(obj))
    # the page's own drawing inside q/Q, so its graphics state cannot move the text
    parts.insert(0, _stream(writer, b"q"))
    parts.append(_stream(writer, b"Q"))
    parts.append(_stream(writer, content))
    page[NameObject("/Contents")] = parts
