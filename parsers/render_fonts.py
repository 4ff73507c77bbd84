"""Can this machine draw a page's Chinese text? OCR reads what PDFium draws, and PDFium draws
a font the PDF does not embed with a font of the system.

PDF 32000-1 §9.8 lets a file leave a font out (no /FontFile, /FontFile2 or /FontFile3 in its
descriptor) and name it instead; for the CJK character collections (Adobe-GB1, CNS1, Japan1,
Korea1: STSong-Light, SimSun, the CAJ and 方正 exports' non-embedded 宋体) the reader must
supply a font that covers them. PDFium has Latin stand-ins built in but none for CJK: on a
machine without a CJK system font (a fresh Debian has none) such text is simply not drawn,
and OCR of the page returns its Latin words only — a "title" of digits and an empty byline,
written as if the page had been read. So before a page is OCR'd, its fonts are checked, and
the machine is asked once (a one-glyph probe rendered with a non-embedded Adobe-GB1 font)
whether it can draw them.
"""
from __future__ import annotations

from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any

# the character collections (CIDSystemInfo /Ordering, §9.7.3) that need CJK glyphs
CJK_ORDERINGS = ("GB1", "CNS1", "Japan1", "Korea1")
# predefined CMaps (§9.7.5.2, Table 118) that name those collections; a simple font with no
# descriptor of its own is Latin (the standard 14), which PDFium always has
_CJK_CMAP_PARTS = ("GB", "UniGB", "CNS", "B5", "ETen", "HKscs", "UniCNS", "RKSJ", "EUC", "UniJIS", "90m", "83pv",
                   "KSC", "UniKS", "Hangul")
INSTALL_HINT = "install a CJK font (Debian: fonts-wqy-microhei or fonts-noto-cjk; `make fonts`)"


def _get(obj: Any) -> Any:
    return obj.get_object() if hasattr(obj, "get_object") else obj


def _embedded(descriptor: Any) -> bool:
    return descriptor is not None and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def _cjk_not_embedded(font: Any) -> str | None:
    """The font's name when it is a CJK font the file does not embed, else None."""
    font = _get(font)
    if not hasattr(font, "get") or font.get("/Subtype") != "/Type0":
        return None  # (a simple font's 256 codes are Latin, symbol or Dingbats: PDFium has those)
    kids = _get(font.get("/DescendantFonts"))
    cid = _get(kids[0]) if kids else None
    if cid is None or _embedded(_get(cid.get("/FontDescriptor"))):
        return None
    info = _get(cid.get("/CIDSystemInfo")) or {}
    ordering = str(_get(info.get("/Ordering", "")))
    encoding = str(_get(font.get("/Encoding", "")))
    if ordering in CJK_ORDERINGS or any(part in encoding for part in _CJK_CMAP_PARTS):
        return str(font.get("/BaseFont", "?")).lstrip("/")
    return None


def page_cjk_fonts_not_embedded(page: Any) -> list[str]:
    """Names of the CJK fonts page (a pypdf PageObject) uses but the file does not embed,
    its form XObjects' fonts included."""
    names: list[str] = []
    seen: set[int] = set()

    def walk(resources: Any, depth: int) -> None:
        resources = _get(resources)
        if not hasattr(resources, "get") or depth > 8 or id(resources) in seen:
            return
        seen.add(id(resources))
        for font in (_get(resources.get("/Font")) or {}).values():
            name = _cjk_not_embedded(font)
            if name and name not in names:
                names.append(name)
        for xobj in (_get(resources.get("/XObject")) or {}).values():
            xobj = _get(xobj)
            if hasattr(xobj, "get") and xobj.get("/Subtype") == "/Form":
                walk(xobj.get("/Resources"), depth + 1)

    walk(page.get("/Resources"), 0)
    return names


def cjk_fonts_not_embedded(pdf: Path, numbers: list[int]) -> dict[int, list[str]]:
    """{page: the CJK fonts it does not embed} for the pages `numbers` (1-based) that have any;
    {} when the file cannot be opened again (the text layer read it already: a font check
    must not fail the run)."""
    import logging

    from parsers.article_pdf import open_reader
    from parsers.limits import reading

    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # (the text layer has reported this file's syntax slips once)
    try:
        reader = open_reader(pdf)
        with reading(pdf):
            found = {n: page_cjk_fonts_not_embedded(reader.pages[n - 1]) for n in numbers if 0 < n <= len(reader.pages)}
    except Exception:
        return {}
    finally:
        quiet.setLevel(level)
    return {n: names for n, names in found.items() if names}


def probe_pdf() -> bytes:
    """One page drawing 中 (U+4E2D) at 48 pt in STSong-Light, UniGB-UCS2-H, not embedded."""
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject

    from parsers.ocr_pdf import _stream

    writer = PdfWriter()
    page = writer.add_blank_page(width=72, height=72)
    descriptor = DictionaryObject({NameObject("/Type"): NameObject("/FontDescriptor"),
                                   NameObject("/FontName"): NameObject("/STSong-Light"),
                                   NameObject("/Flags"): NumberObject(6),
                                   NameObject("/FontBBox"): ArrayObject([NumberObject(v) for v in (-25, -254, 1000, 880)]),
                                   NameObject("/ItalicAngle"): NumberObject(0), NameObject("/Ascent"): NumberObject(880),
                                   NameObject("/Descent"): NumberObject(-120), NameObject("/CapHeight"): NumberObject(880),
                                   NameObject("/StemV"): NumberObject(93)})
    cid = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/CIDFontType0"),
                            NameObject("/BaseFont"): NameObject("/STSong-Light"),
                            NameObject("/CIDSystemInfo"): DictionaryObject({
                                NameObject("/Registry"): TextStringObject("Adobe"),
                                NameObject("/Ordering"): TextStringObject("GB1"),
                                NameObject("/Supplement"): NumberObject(4)}),
                            NameObject("/FontDescriptor"): writer._add_object(descriptor)})
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type0"),
                             NameObject("/BaseFont"): NameObject("/STSong-Light"),
                             NameObject("/Encoding"): NameObject("/UniGB-UCS2-H"),
                             NameObject("/DescendantFonts"): ArrayObject([writer._add_object(cid)])})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject(
        {NameObject("/F1"): writer._add_object(font)})})
    page[NameObject("/Contents")] = _stream(writer, b"BT /F1 48 Tf 12 16 Td <4E2D> Tj ET")
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


@lru_cache(maxsize=1)
def can_draw_cjk() -> bool:
    """Does PDFium on this machine draw a non-embedded Chinese font? (the probe page has ink)"""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(probe_pdf())
    try:
        page = doc[0]
        image = page.render(scale=1, grayscale=True).to_pil()
        page.close()
    finally:
        doc.close()
    darkest, _ = image.getextrema()
    return darkest < 128
