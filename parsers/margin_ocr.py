"""Folios the text layer does not carry, read from the page image.

Prepress often converts the running head and its folio to outlines (转曲, "create outlines"
on the master page), places it as an image, or sets it in a font whose codes map to no
Unicode; the text layer then holds the article but no page numbers, and the printed range
can only be inferred from weaker evidence (the 目录, the 文章编号) or not at all. When no page
of a document shows a folio in its margins' text, the head and foot bands of its pages are
rendered; ink there that no text line accounts for is read by OCR, and readings shaped like
a folio (27, ·27·, — 27 —, 第27页) join the page's lines as invisible OCR lines. The folio
rules (parsers.pages) then treat them like any other: one physical-to-printed offset must be
agreed by several pages before any number is used.
"""
from __future__ import annotations

import logging
import re
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parsers.pages import EDGE, alone_line, folio_reading

if TYPE_CHECKING:  # pragma: no cover
    from parsers.ocr import OcrBox
    from parsers.textlayer import Document, Line, PageText

log = logging.getLogger("journal_ingest")

# a folio sequence needs pages to agree (pages.infer_printed wants two votes): fewer pages
# than this are not worth the rendering
MIN_PAGES = 3
DPI = 200
# a row of ink wider than this share of the band is a rule (the line under a running head)
RULE_SHARE = 0.25
# pixels darker than this are ink
INK = 140
# fewer ink pixels than this, once the text and rules are masked, is specks, not a number
MIN_INK = 20
CACHE_FORMAT = "m1"
# a stop, comma or quote the engine reads for a middle dot at a folio's either end
_OCR_DOT = re.compile(r"(?<=\d)[.,'`’]$|^[.,'`‘](?=\d)")


def _in_band(line: "Line", page: "PageText") -> bool:
    return line.y < page.height * EDGE + line.size or line.y > page.height * (1 - EDGE)


def text_layer_has_folios(doc: "Document") -> bool:
    """Does any page print a page number in its margins' text (its own, not an OCR'd page's)?"""
    for page in doc.pages:
        if page.ocr_confidence is not None:
            return True  # a page read whole by OCR has its folio among its lines
        for ln in page.lines:
            if _in_band(ln, page) and folio_reading(ln.text) is not None:
                return True
    return False


def folio_text(text: str) -> str | None:
    """An OCR reading that is a folio alone, its marks as printed: the engine reads a small
    middle dot beside digits as a full stop or a quote (·37. / '37·), which a folio's marks
    never are; None for anything else (a word, a code, a date)."""
    text = _OCR_DOT.sub("·", text.strip())
    return text if alone_line(text) else None


def wanted(doc: "Document", mode: str) -> bool:
    return mode != "never" and doc.page_count >= MIN_PAGES and not text_layer_has_folios(doc)


def _cache_file(sha256: str, page: "PageText") -> Path:
    """The bands are the finished page's, in its frame: a frame read another way (a TrimBox,
    frames.inset_by_furniture) is another reading."""
    from parsers.ocr import cache_dir, engine_version

    frame = "-".join(f"{v:g}" for v in (*page.origin, page.width, page.height))
    return (cache_dir() / sha256[:2] / sha256
            / f"margins{page.number:04d}-{DPI}dpi-{engine_version()}-{CACHE_FORMAT}-{frame}.json")


def _masked_band(page: Any, text_page: "PageText", top: bool, scale: float) -> tuple[Any, float]:
    """One margin band rendered in grey, the text layer's own lines and any rule whited out,
    and the band's top in points."""
    import numpy as np

    width, height = text_page.width, text_page.height
    band = height * EDGE
    # (what to cut off the rendered PDF page, left, bottom, right, top: all but the band of
    # the finished page, which on a printer's sheet lies at `origin` inside it)
    sheet_w, sheet_h = page.get_size()
    ox, oy = text_page.origin
    left, right, above, below = ox, sheet_w - ox - width, oy, sheet_h - oy - height
    crop = (left, below + height - band, right, above) if top else (left, below, right, above + height - band)
    crop = tuple(max(v, 0.0) for v in crop)
    image = np.array(page.render(scale=scale, crop=crop, grayscale=True).to_numpy())
    if image.ndim == 3:
        image = image[..., 0]
    y0 = 0.0 if top else height - band
    for ln in text_page.lines:
        a, b = (ln.y - ln.size * 1.1 - y0) * scale, (ln.y + ln.size * 0.35 - y0) * scale
        if b < 0 or a > image.shape[0]:
            continue
        image[max(int(a), 0):max(int(b) + 1, 0), max(int((ln.x0 - 1) * scale), 0):int((ln.x1 + 1) * scale) + 1] = 255
    rules = (image < INK).sum(axis=1) > RULE_SHARE * image.shape[1]
    for r in np.flatnonzero(rules):
        image[max(r - 2, 0):r + 3, :] = 255
    return image, y0


def ink_blobs(image: Any, scale: float) -> list[tuple[int, int, int, int]]:
    """Clusters of ink (x0, y0, x1, y1 in pixels) the size of a folio: columns of ink less than
    half an em of 9-point type apart form one cluster; a cluster between 4 and 24 points high
    and at most 90 points wide is kept (a picture or a line of text is neither)."""
    import numpy as np

    ink = image < INK
    if int(ink.sum()) < MIN_INK:
        return []
    cols = np.flatnonzero(ink.any(axis=0))
    gap = 4.5 * scale
    out, first, last = [], int(cols[0]), int(cols[0])
    for c in map(int, cols[1:]):
        if c - last > gap:
            out.append((first, last))
            first = c
        last = c
    out.append((first, last))
    blobs = []
    for a, b in out:
        rows = np.flatnonzero(ink[:, a:b + 1].any(axis=1))
        y0, y1 = int(rows[0]), int(rows[-1])
        if 4 * scale <= y1 - y0 + 1 <= 24 * scale and b - a + 1 <= 90 * scale and int(ink[y0:y1 + 1, a:b + 1].sum()) >= MIN_INK:
            blobs.append((a, y0, b, y1))
    return blobs


def read_margins(pdf: Path, sha256: str, pages: list["PageText"]) -> dict[int, list["OcrBox"]]:
    """Folio-shaped OCR readings of the untexted ink in each page's head and foot bands: each
    cluster of ink is read on its own by the recognizer (no text detection: a band is far too
    flat for the detector, which would scale it up to its minimum side first)."""
    import numpy as np
    import pypdfium2 as pdfium

    from parsers.ocr import OcrBox, _engine, _load, _store

    out: dict[int, list[OcrBox]] = {}
    doc = None
    scale = DPI / 72
    try:
        for text_page in pages:
            path = _cache_file(sha256, text_page)
            cached = _load(path)
            if cached is not None:
                out[text_page.number] = cached
                continue
            start = time.perf_counter()
            if doc is None:
                doc = pdfium.PdfDocument(str(pdf))
            page = doc[text_page.number - 1]
            boxes: list[OcrBox] = []
            for top in (True, False):
                image, y0 = _masked_band(page, text_page, top, scale)
                for x0, by0, x1, by1 in ink_blobs(image, scale):
                    pad = int(3 * scale)
                    crop = image[max(by0 - pad, 0):by1 + pad + 1, max(x0 - pad, 0):x1 + pad + 1]
                    result, _ = _engine()(np.repeat(crop[..., None], 3, axis=2), use_det=False, use_cls=False)
                    for text, conf in result or []:
                        if (folio := folio_text(str(text))) is not None:
                            boxes.append(OcrBox(folio, x0 / scale, by0 / scale + y0, x1 / scale, by1 / scale + y0,
                                                round(float(conf), 4)))
            page.close()
            _store(path, boxes, time.perf_counter() - start)
            out[text_page.number] = boxes
    finally:
        if doc is not None:
            doc.close()
    return out


def in_sequence(found: dict[int, list["OcrBox"]]) -> dict[int, list["OcrBox"]]:
    """Only the readings that continue one another: printed minus physical page the same on
    at least two pages (a folio grows by one per page). A number read on one page alone may
    be a logo's, a figure's tick label or a misreading, and the folio rules would let a lone
    number set the sequence of a file that prints only one."""
    votes = Counter(folio_reading(b.text)[0] - n for n, boxes in found.items() for b in boxes)
    agreed = {o for o, v in votes.items() if v >= 2}
    return {n: [b for b in boxes if folio_reading(b.text)[0] - n in agreed] for n, boxes in found.items()}


def add_margin_folios(doc: "Document", mode: str) -> int:
    """Read the folios the text layer lacks (see the module docstring) into the pages' lines;
    returns how many pages got one."""
    if not wanted(doc, mode):
        return 0
    from parsers.ocr import lines_from_boxes

    # (a scan's page under an invisible OCR layer is ink everywhere: its layer is what there is)
    pages = [p for p in doc.pages if not p.unreadable and p.lines and not any(ln.invisible for ln in p.lines)]
    try:
        found = read_margins(doc.path, doc.sha256, pages)
    except Exception as exc:  # (a renderer or engine failure costs the folios, not the ingest)
        log.warning("%s: margins not read by OCR: %s", doc.path.name, exc)
        return 0
    found = in_sequence(found)
    n = 0
    for page in pages:
        boxes = found.get(page.number) or []
        if not boxes:
            continue
        lines = lines_from_boxes(boxes, page.width, page.height)
        head = [ln for ln in lines if ln.y < page.height / 2]
        page.lines = head + page.lines + [ln for ln in lines if ln.y >= page.height / 2]
        page.margin_ocr = tuple(ln.text for ln in lines)
        n += 1
    if n:
        log.info("%s: page numbers read by OCR on %d page(s) whose text layer has none", doc.path.name, n)
    return n
