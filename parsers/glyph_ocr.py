"""Glyphs the text layer cannot name, read from the page image.

A trusted text layer may still hold characters its fonts do not name: a subset font that
numbers its glyphs in order of use and names them after those codes (Founder's export,
`parsers.fonts.names_in_order_of_use`), or a code its ToUnicode leaves out. They are kept as
U+FFFD, so "2005年3月" reads "����年�月". On such a page the image is read by OCR (the
engine and cache of `parsers.ocr`), and each run of U+FFFD in a line is filled from the OCR
text over that line where the characters on both sides of the run match the OCR's and the
OCR gives exactly as many characters between them. A run that cannot be placed so stays
U+FFFD: still counted as unmapped, and flagged downstream, never guessed. A line filled so
carries the engine's confidence (`Line.confidence`), and the fields read from it are scored
as OCR'd text is (`parsers.confidence`).
"""
from __future__ import annotations

import logging
import unicodedata
from dataclasses import replace
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from parsers.ocr import OcrBox
    from parsers.textlayer import Document, Line, PageText

log = logging.getLogger("journal_ingest")

UNNAMED = "\ufffd"
# an OCR box this sure of its reading or more fills a glyph (the engine's confidence, 0-1)
MIN_CONFIDENCE = 0.8
# fewer unnamed glyphs on a page are a stray symbol (a formula's, a damaged string's): not
# worth the engine (a second and a gigabyte for its first page)
MIN_UNNAMED = 5


def wanted(doc: "Document", mode: str) -> list[int]:
    """The trusted pages whose own text layer holds unnamed glyphs (MIN_UNNAMED or more),
    under --ocr `mode`. (A
    page distrusted for them, mostly such glyphs, or for another reason, or an OCR layer over
    a scan, is read whole by OCR: parsers.ocr.)"""
    if mode == "never":
        return []
    return [p.number for p in doc.pages if not p.distrust and p.ocr_confidence is None
            and sum(ln.text.count(UNNAMED) for ln in p.lines) >= MIN_UNNAMED]


def _key(ch: str) -> str:
    """A character as compared with the OCR's reading: compatibility forms folded (an engine
    reads a full-width （ as (), case kept."""
    return unicodedata.normalize("NFKC", ch)[:1] or ch


def fill(text: str, ocr: str) -> str:
    """`text` with each run of U+FFFD that `ocr` reads between the same neighbours, with as
    many characters, replaced by those characters (spaces are not compared: the text layer
    and the engine space Latin words differently)."""
    at = [i for i, ch in enumerate(text) if not ch.isspace()]
    mine = "".join(_key(text[i]) for i in at)
    theirs_raw = [ch for ch in ocr if not ch.isspace()]
    theirs = "".join(_key(ch) for ch in theirs_raw)
    out = list(text)
    ops = SequenceMatcher(None, mine, theirs, autojunk=False).get_opcodes()
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "replace" or i2 - i1 != j2 - j1 or set(mine[i1:i2]) != {UNNAMED}:
            continue
        # anchored on both sides: a matched neighbour, or the line's end on both readings
        before = (k > 0 and ops[k - 1][0] == "equal") or (i1 == 0 and j1 == 0)
        after = (k + 1 < len(ops) and ops[k + 1][0] == "equal") or (i2 == len(mine) and j2 == len(theirs))
        if not (before and after) or UNNAMED in theirs[j1:j2]:
            continue
        for d in range(i2 - i1):
            out[at[i1 + d]] = theirs_raw[j1 + d]
    return "".join(out)


def _over(line: "Line", boxes: list["OcrBox"]) -> tuple[str, float]:
    """The OCR text over a line (the boxes whose middle lies in the line's extent, left to
    right) and the engine's least confidence in it."""
    top, bottom = line.y - 1.2 * line.size, line.y + 0.4 * line.size
    inside = [b for b in boxes
              if top <= (b.y0 + b.y1) / 2 <= bottom and line.x0 - line.size <= (b.x0 + b.x1) / 2 <= line.x1 + line.size
              and b.confidence >= MIN_CONFIDENCE]
    return " ".join(b.text for b in sorted(inside, key=lambda b: b.x0)), min((b.confidence for b in inside), default=0.0)


def _patched(line: "Line", boxes: list["OcrBox"]) -> "Line | None":
    """The line with its unnamed glyphs filled from the OCR over it, or None where none could be."""
    ocr, sure = _over(line, boxes)
    text = fill(line.text, ocr) if ocr else line.text
    if text == line.text:
        return None
    chars = iter(text[i] for i, ch in enumerate(line.text) if ch == UNNAMED)
    spans = line.spans
    if sum(s.text.count(UNNAMED) for s in spans) == line.text.count(UNNAMED):
        spans = [replace(s, text="".join(next(chars) if ch == UNNAMED else ch for ch in s.text))
                 if UNNAMED in s.text else s for s in spans]
    # (the line now holds characters OCR read: fields made of it are scored as OCR'd ones)
    return replace(line, text=text, spans=spans, confidence=min(sure, line.confidence or 1.0))


def patch_page(page: "PageText", boxes: list["OcrBox"]) -> int:
    """Fill the page's unnamed glyphs from its OCR boxes (already in the page's frame);
    returns how many were filled. (Lines the text layer set aside as mostly such glyphs stay
    aside: a running head in such a font, whose folio margin OCR reads, parsers.margin_ocr.)"""
    before = sum(ln.text.count(UNNAMED) for ln in page.lines)
    page.lines = [_patched(ln, boxes) or ln if UNNAMED in ln.text else ln for ln in page.lines]
    filled = before - sum(ln.text.count(UNNAMED) for ln in page.lines)
    page.unmapped = max(0, page.unmapped - filled)
    return filled


def fill_unnamed_glyphs(doc: "Document", mode: str, *, workers: int | None = None) -> int:
    """Read the pages `wanted` by OCR (over `workers` processes, parsers.ocr.read_pages) and
    fill their unnamed glyphs (see the module docstring); returns how many were filled."""
    numbers = wanted(doc, mode)
    if not numbers:
        return 0
    from parsers.ocr import on_page, read_pages

    try:
        read = read_pages(doc, numbers, workers=workers)
    except Exception as exc:  # (a renderer or engine failure leaves the glyphs unnamed, not the ingest)
        log.warning("%s: pages not read by OCR for their unnamed glyphs: %s", doc.path.name, exc)
        return 0
    filled = sum(patch_page(doc.pages[n - 1], on_page(doc.pages[n - 1], read.get(n, []))) for n in numbers)
    if filled:
        log.info("%s: %d character(s) its fonts do not name read by OCR on %d page(s)",
                 doc.path.name, filled, len(numbers))
    return filled
