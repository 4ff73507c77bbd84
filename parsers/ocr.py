"""OCR for pages whose text layer is not trusted: render, read, and hand the extraction the
same line objects a text layer gives.

Pipeline per page: PDFium renders the page (pypdfium2, already the review report's renderer)
at `DPI` → RapidOCR (`rapidocr_openvino`: PP-OCRv4 Chinese/English detection and
recognition, the ONNX models inside the wheel, run by Intel's OpenVINO CPU runtime, which
reads a page with a quarter of the CPU onnxruntime needs for the same models; nothing is
downloaded at run time) finds text boxes and reads them with a confidence each → every box
becomes a positioned piece in PDF points (x from its left edge, a baseline and a type size
from its height) → `parsers.textlayer._build_lines`, the very code that lays out a text
layer, groups them into lines, finds columns and the reading order, and joins and
normalises the text. The lines are marked `invisible` (like an OCR layer over a scan: their
type sizes wander, and the layout rules already allow for that) and carry the engine's
confidence (`Line.confidence`, the lowest of its boxes).

Which pages: `auto` reads the pages `PageText.distrust` names (parsers.ocr_trust), `always`
every page, `never` none. Results are cached by the PDF's sha256, the page number, the
resolution and the engine version (`cache_dir()`): a re-run costs nothing.

The engine is made once per process and runs on one thread; pages are spread over
processes (`ocr_document(workers=…)`), or over Prefect tasks in the flow.
"""
from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .coversheet import is_platform_stamp
from .normalize import is_cjk
from .ocr_text import _URLISH, repair
from .ocr_text import _costs as word_costs
from .ocr_text import split_words
from .textlayer import Document, Line, PageText, _build_lines, check_readable

log = logging.getLogger(__name__)

__all__ = ["DPI", "MODES", "OcrBox", "pages_to_ocr", "ocr_plan", "ocr_page", "apply_ocr", "ocr_document", "cache_dir"]

MODES = ("auto", "always", "never")
DPI = 200          # render resolution; the detector works on at most MAX_SIDE pixels
MAX_SIDE = 2000
# a box's height is the detector's text region, grown by its unclip ratio: the printed
# type size is about this share of it (measured on the generated scanned fixture)
SIZE_OF_BOX = 0.85
ENGINE = "rapidocr_openvino"
CACHE_FORMAT = "v5"  # the OcrBox fields and what they mean: a change makes old cache entries unused
# (v5: a page drawn without its non-embedded Chinese fonts was read and cached as v4; it is
# no longer read at all where no CJK font stands in, parsers.render_fonts)


@dataclass(frozen=True)
class OcrBox:
    """One text box the engine read, in PDF points from the page's top-left corner."""
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    confidence: float


# ---------------------------------------------------------------------------------- choosing
def pages_to_ocr(doc: Document, mode: str) -> list[int]:
    """The 1-based pages to read by OCR under `mode` (auto | always | never)."""
    if mode not in MODES:
        raise ValueError(f"--ocr must be one of {', '.join(MODES)}, not {mode!r}")
    if mode == "never":
        return []
    if mode == "always":
        return [p.number for p in doc.pages]
    return [p.number for p in doc.pages if p.distrust]


# ---------------------------------------------------------------------------------- the engine
_ENGINES = threading.local()


def _engine() -> Any:
    """RapidOCR, once per thread, on one inference thread (pages are spread over processes,
    or over a flow's task threads, which scales better on few cores than a runtime's own
    thread pool). Once per thread because an OpenVINO infer request serves one call at a
    time ("Infer Request is busy"). The direction classifier is off: journal pages are upright."""
    engine = getattr(_ENGINES, "engine", None)
    if engine is None:
        from rapidocr_openvino import RapidOCR

        engine = _ENGINES.engine = RapidOCR(inference_num_threads=1, use_cls=False)
    return engine


def engine_version() -> str:
    from importlib.metadata import version

    try:
        return f"{ENGINE}-{version(ENGINE)}"
    except Exception:  # pragma: no cover - installed without metadata
        return ENGINE


def render_page(pdf: Path, number: int, dpi: int = DPI) -> Any:
    """The page as an RGB numpy array at `dpi` (longest side at most MAX_SIDE pixels)."""
    import numpy as np
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = doc[number - 1]
        w, h = page.get_size()
        scale = min(dpi / 72, MAX_SIDE / max(w, h, 1))
        image = page.render(scale=scale).to_pil().convert("RGB")
        page.close()
    finally:
        doc.close()
    return np.asarray(image), scale


# nominal advance widths in em, to tell a printed space from the spacing of the glyphs
# themselves (the text layer knows its glyphs' widths; OCR knows only where each one is)
_NARROW = frozenset("ijlI.,:;'!|`")
_SEMI = frozenset("ftr()[]-/\"")
_WIDE = frozenset("mwMW@%")


def _advance(ch: str) -> float | None:
    """A character's nominal width in em; None for full-width punctuation, whose ink sits
    anywhere in its cell, so its neighbours' distance tells nothing."""
    if is_cjk(ch):
        return 1.0 if ch.isalnum() else None
    if ch in _NARROW:
        return 0.28
    if ch in _SEMI:
        return 0.36
    if ch in _WIDE:
        return 0.85
    if ch.isupper():
        return 0.68
    return 0.5


# a gap this much wider than the two glyphs' own half widths (in em) is a printed space:
# between ideographs wider (their positions are the recogniser's, about 0.2 em apart at
# 200 dpi, and justification spreads CJK lines), next to Latin letters and digits less
SPACE_GAP_CJK = 0.36
SPACE_GAP_LATIN = 0.24


def spaced_text(text: str, centres: list[float], size: float) -> str:
    """The box's text with a space wherever the recogniser's character positions (`centres`,
    one per character, in points) leave a gap no glyph fills, as the text layer's line
    builder decides spaces from the gaps between glyphs (textlayer._join). The engine's own
    spaces stay; nothing is added next to one, or next to full-width punctuation."""
    if len(centres) != len(text) or len(text) < 2 or size <= 0:
        return text
    # inside a URL, DOI or e-mail address a space is never printed, and within a number
    # (tabular digits) a gap is the recogniser's rounding; nor does one come before closing
    # or after opening punctuation
    keep = [False] * len(text)
    for m in re.finditer(r"\S+", text):
        if _URLISH.search(m.group()):
            keep[m.start():m.end()] = [True] * (m.end() - m.start())
    out = [text[0]]
    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        wa, wb = _advance(a), _advance(b)
        if (not (a.isspace() or b.isspace()) and wa is not None and wb is not None and not keep[i]
                and not (a.isdigit() and b.isdigit()) and b not in ".,:;)]!?%'" and a not in "([/-"):
            excess = (centres[i] - centres[i - 1]) / size - (wa + wb) / 2
            limit = SPACE_GAP_CJK if (wa == 1.0 and wb == 1.0) else SPACE_GAP_LATIN
            if excess > limit and not _one_word(text, i):
                out.append(" ")
        out.append(b)
    return "".join(out)


def _one_word(text: str, i: int) -> bool:
    """Is the gap before position `i` inside one English word ("sensibi|lity",
    "reconstruct|ion")? The letters around it are segmented into the likeliest words as
    ocr_text does for run-together text (English word frequencies); a gap that is no word
    boundary there is the recogniser's rounding (narrow letters' positions are its least
    sure), not a space. Letters the word list cannot cover (names) go by the gap."""
    if not (text[i - 1].isascii() and text[i - 1].isalpha() and text[i].isascii() and text[i].isalpha()):
        return False
    j, k = i, i
    while j > 0 and text[j - 1].isascii() and text[j - 1].isalpha():
        j -= 1
    while k < len(text) and text[k].isascii() and text[k].isalpha():
        k += 1
    run = text[j:k].lower()
    words = split_words(run)
    if words == run and run not in word_costs():
        return False  # not covered by words: the gap decides
    bounds, at = set(), 0
    for w in words.split(" "):
        at += len(w)
        bounds.add(at)
    return (i - j) not in bounds


def read_image(image: Any, scale: float) -> list[OcrBox]:
    """The engine's boxes, scaled from pixels to PDF points, with the spaces its character
    positions show (`spaced_text`)."""
    result, _ = _engine()(image, return_word_box=True)
    boxes = []
    for quad, text, conf, *words in result or []:
        # the quadrilateral's corners (top-left, top-right, bottom-right, bottom-left): on a
        # sheet scanned a little askew the top and bottom are the means of the edges, so the
        # height is the line's, not the tilted box's bounding height
        (tlx, tly), (trx, try_), (brx, bry), (blx, bly) = [(float(p[0]), float(p[1])) for p in quad]
        text = str(text)
        box = OcrBox(text, min(tlx, blx) / scale, (tly + try_) / 2 / scale, max(trx, brx) / scale,
                     (bly + bry) / 2 / scale, round(float(conf), 4))
        if words and len(words[0]) == len(text):
            centres = [(min(p[0] for p in w) + max(p[0] for p in w)) / 2 / scale for w in words[0]]
            text = spaced_text(text, centres, type_size(box))
        text = text.strip()
        if text:
            boxes.append(replace(box, text=text))
    return boxes


# ---------------------------------------------------------------------------------- cache
def cache_dir() -> Path:
    """$JOURNAL_INGEST_OCR_CACHE, else $XDG_CACHE_HOME/journal-ingest/ocr (~/.cache/…)."""
    env = os.environ.get("JOURNAL_INGEST_OCR_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "journal-ingest" / "ocr"


def _cache_file(sha256: str, number: int, dpi: int) -> Path:
    return cache_dir() / sha256[:2] / sha256 / f"p{number:04d}-{dpi}dpi-{engine_version()}-{CACHE_FORMAT}.json"


def _load(path: Path) -> list[OcrBox] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [OcrBox(**b) for b in data["boxes"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _store(path: Path, boxes: list[OcrBox], seconds: float) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"seconds": round(seconds, 3), "boxes": [b.__dict__ for b in boxes]},
                                  ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:  # a read-only cache costs time, not the ingest
        log.warning("OCR cache not written (%s): %s", path, exc)


def ocr_page(pdf: str | os.PathLike, sha256: str, number: int, dpi: int = DPI, use_cache: bool = True) -> list[OcrBox]:
    """Page `number` (1-based) of the PDF read by OCR, from the cache when it was read before."""
    path = _cache_file(sha256, number, dpi)
    if use_cache and (hit := _load(path)) is not None:
        return hit
    start = time.perf_counter()
    image, scale = render_page(Path(pdf), number, dpi)
    boxes = read_image(image, scale)
    if use_cache:
        _store(path, boxes, time.perf_counter() - start)
    return boxes


# ---------------------------------------------------------------------------------- lines
@dataclass(frozen=True)
class _OcrFont:
    """What `_build_lines` asks of a font decoder: a name (which carries the box's confidence
    through the layout, one span per box), whether its widths are guessed, and the narrowest
    gap that is a word space."""
    name: str
    founder: bool = False
    word_gap: float = 0.15


def type_size(b: OcrBox) -> float:
    """The printed type size of a box's text. CJK characters are set one em apart, so a line
    of them measures its size by its pitch (width over characters, Latin and digits counted
    as half an em), far steadier than the detector's box height, which grows with the
    unclip ratio and with quotes and descenders; a Latin line by the smaller of its pitch
    (an average letter is about half an em) and its box height; a short box by its height."""
    h = max(b.y1 - b.y0, 1.0)
    text = b.text.replace(" ", "")
    if len(text) < 4:
        return SIZE_OF_BOX * h
    cjk = sum(is_cjk(ch) for ch in text)
    ems = cjk + 0.55 * (len(text) - cjk)
    pitch = (b.x1 - b.x0) / ems
    if cjk >= 0.6 * len(text):
        return min(pitch, 1.1 * h)
    return min(1.1 * pitch, 0.95 * h)




def _ems(text: str) -> float:
    """The nominal width of `text` in em (full-width punctuation one em, spaces none; at the
    end of the text half an em: a justified Chinese line sets its closing comma or stop
    half-width, the line-end punctuation squeeze of W3C clreq / JIS X 4051)."""
    text = text.rstrip()
    ems = sum(0.0 if ch.isspace() else (_advance(ch) or 1.0) for ch in text)
    return ems - 0.5 if text and _advance(text[-1]) is None else ems


def _mode_edge(values: list[float], bin_: float = 2.0) -> tuple[float, int]:
    """The most common edge (within `bin_` points) and how many boxes share it."""
    best, count = 0.0, 0
    for v in values:
        n = sum(1 for w in values if abs(w - v) <= bin_ / 2)
        if n > count:
            best, count = v, n
    return best, count


def split_at_gutter(boxes: list[OcrBox], width: float) -> list[OcrBox]:
    """Boxes the detector ran across the gutter of a two-column page, cut in two.

    Two-column journal pages (the CNKI-era Chinese layout; GB/T 7713.2 leaves the column
    count to the journal) set both columns on one baseline grid with a gutter of one to
    three ems; where a line fills its column and the line beside it starts at the gutter,
    PP-OCR's detector often joins them into one box ("…术后患者由于肛门未排气而出现腹胀是
    密克)组54例…"), and the line builder cannot cut a box. The page's own columns say where
    the gutter is: the right edge most left-column boxes end at and the left edge most
    right-column boxes start at. A box across it, set in the body's type (its height like
    theirs) and holding fewer characters than its width would (the gutter is empty), is cut
    where the left column ends: at a space the engine printed there, else after the
    characters that fill the left column at the body's pitch."""
    long_ = [b for b in boxes if len(b.text.replace(" ", "")) >= 6]
    left = [b for b in long_ if b.x1 <= 0.62 * width and b.x0 < 0.3 * width]
    right = [b for b in long_ if b.x0 >= 0.38 * width and b.x1 > 0.7 * width]
    if len(left) < 4 or len(right) < 4:
        return boxes
    r_edge, nr = _mode_edge([b.x1 for b in left])
    l_edge, nl = _mode_edge([b.x0 for b in right])
    pitches = sorted(type_size(b) for b in left + right)
    heights = sorted(b.y1 - b.y0 for b in left + right)
    pitch, height = pitches[len(pitches) // 2], heights[len(heights) // 2]
    gutter = l_edge - r_edge
    if nr < 3 or nl < 3 or pitch <= 0 or not (0.5 * pitch <= gutter <= 5 * pitch):
        return boxes
    def beside(b: OcrBox, column: list[OcrBox], edge: float, attr: str) -> bool:
        """Is a line of that column (one at its edge) within three lines above or below?"""
        return any(abs(getattr(o, attr) - edge) <= pitch and abs(o.y0 - b.y0) <= 3 * height for o in column)

    out = []
    for b in boxes:
        text = b.text
        ems = _ems(text)
        body = 0.75 * height <= b.y1 - b.y0 <= 1.35 * height  # set in the columns' type, not a heading's
        if (body and b.x0 < r_edge - 2 * pitch and r_edge + 0.3 * pitch < b.x1 <= l_edge + 3 * pitch
                and ems * pitch <= r_edge - b.x0 + pitch):
            # a left-column line whose box the detector grew over the gutter (its unclip
            # margin reaches the next column's first character): its text fills no more than
            # its column, so it ends there, and the line builder sees the gutter
            b = replace(b, x1=min(r_edge, b.x0 + ems * pitch))
        spare = (b.x1 - b.x0) - ems * pitch  # the room no character fills
        if (b.x0 > r_edge - 2 * pitch or b.x1 < l_edge + 2 * pitch or not body
                or spare < 0.6 * gutter or ems < 4 or not beside(b, left, r_edge, "x1")
                or not beside(b, right, l_edge, "x0")):
            out.append(b)
            continue
        room_left, room_right = r_edge - b.x0 + 0.45 * pitch, b.x1 - l_edge + 0.45 * pitch
        fits = [k for k in range(1, len(text)) if _ems(text[:k]) * pitch <= room_left
                and _ems(text[k:]) * pitch <= room_right]
        at_space = [k for k in fits if text[k - 1].isspace() or text[k].isspace()]
        if at_space:
            k = at_space[-1]
        elif fits:
            k = fits[-1]  # the left part fills its column (a short one ends a paragraph: rarer)
        else:
            out.append(b)
            continue
        a, c = text[:k].rstrip(), text[k:].lstrip()
        if not a or not c:
            out.append(b)
            continue
        x1 = min(r_edge, b.x0 + _ems(a) * pitch)
        x0 = max(l_edge, b.x1 - _ems(c) * pitch)
        out.append(replace(b, text=a, x1=r_edge if r_edge - x1 < pitch else x1))
        out.append(replace(b, text=c, x0=l_edge if x0 - l_edge < pitch else x0))
    return out


def restore_subtitle_dash(boxes: list[OcrBox]) -> list[OcrBox]:
    """A centred subtitle line whose opening dash the detector did not see gets it back.

    A Chinese subtitle goes on its own line under the title, opened by a two-em dash
    (GB/T 7713.2 副题名; "——以东北地区为例"), and the line, dash included, is centred under the
    title. The dash is a rule without strokes, which PP-OCR's detector does not box: the box
    starts after it, so its centre sits right of the title's by half the dash (one em of its
    own type). A line indented from the text block, in type under 1/1.3 of the line right above
    it, opening with an ideograph, and off-centre by that much (0.6–1.4 em) is such a
    subtitle; a line centred like the title, or set flush left with it, is not."""
    out = list(boxes)
    margin = min((o.x0 for o in boxes if len(o.text) >= 6), default=0.0)
    for i, b in enumerate(boxes):
        text = b.text.strip()
        if len(text) < 3 or not is_cjk(text[0]) or text[0] in "—－-一" or b.x0 < margin + 3 * type_size(b):
            continue
        size = type_size(b)
        above = [a for a in boxes if a.y1 <= b.y0 + 0.3 * size and b.y0 - a.y1 < 1.6 * size
                 and min(a.x1, b.x1) > max(a.x0, b.x0) and len(a.text.strip()) >= 3]
        if not above:
            continue
        a = max(above, key=lambda o: o.y1)
        if type_size(a) < 1.3 * size or abs(a.x0 - b.x0) < 0.5 * size:
            continue
        off = ((b.x0 + b.x1) - (a.x0 + a.x1)) / 2
        if 0.6 * size <= off <= 1.4 * size:
            out[i] = replace(b, text="——" + text, x0=b.x0 - 2 * size)
    return out


_TOC_PAGE = re.compile(r"(?:[(（]\s*\d{1,4}\s*[)）]|\b\d{1,4})$")


def join_toc_leaders(boxes: list[OcrBox]) -> list[OcrBox]:
    """A table of contents' entries joined to their page numbers again.

    A contents page sets each entry's title, then leader dots, then the author and page
    number flush right ("国际制度间竞争的时间维度……宋亦明（48）"). The recogniser reads the
    dots as nothing or a few "·", so the title and the right-hand part become two boxes with
    a wide empty gap, and the line builder takes the right-hand parts for a column of their
    own: the contents page no longer looks like one. Where four or more short boxes end
    flush right (within 3 pt) on a page number, each joins the box on its baseline to its
    left (a title of four ideographs or more, two ems away or more) with a leader, as printed,
    when the right-hand part names an author or the entry ends in the leader's remnants."""
    ends = [b for b in boxes if len(b.text.replace(" ", "")) <= 12 and _TOC_PAGE.search(b.text.strip())]
    if len(ends) < 4:
        return boxes
    right = sorted(b.x1 for b in ends)[len(ends) // 2]
    ends = [b for b in ends if abs(b.x1 - right) <= 3.0]
    if len(ends) < 4:
        return boxes
    out = list(boxes)
    for e in ends:
        h = e.y1 - e.y0
        mid = (e.y0 + e.y1) / 2
        left = [b for b in out if b.x1 < e.x0 - 2 * h and abs((b.y0 + b.y1) / 2 - mid) <= 0.35 * h]
        if not left:
            continue
        a = max(left, key=lambda b: b.x1)
        # an entry is a title (four ideographs or more), and what ends the line is an author
        # before the page number or the entry shows its leader's remnants: a table's row
        # label and figures, or an equation and its number, are neither
        named = re.search(r"[\u4e00-\u9fffA-Za-z]\s?[\u4e00-\u9fffA-Za-z]", e.text)
        if sum(is_cjk(ch) for ch in a.text) < 4 or not (named or re.search(r"[·.…]{2,}\s*$", a.text)):
            continue
        out.remove(e)
        title = re.sub(r"[·.…。\s]+$", "", a.text)
        # (the entry's own height: its size is the title's, the leader's room no pitch)
        out[out.index(a)] = OcrBox(f"{title}……{e.text.strip()}", a.x0, a.y0, e.x1, a.y1, min(a.confidence, e.confidence))
    return out


def lines_from_boxes(boxes: list[OcrBox], width: float, height: float) -> list[Line]:
    """The boxes as text-layer lines: a type size from each box's height, a baseline near its
    foot, then the text layer's own line grouping, columns and reading order."""
    boxes = restore_subtitle_dash(split_at_gutter(join_toc_leaders(boxes), width))
    raw = []
    heights = sorted(b.y1 - b.y0 for b in boxes)
    median = heights[len(heights) // 2] if heights else 0.0
    # the text block: where the lines of some length are; a character or three beyond it is
    # the facing page's edge or a margin stamp caught by the scanner, not this page's text
    long_ = [b for b in boxes if len(b.text) >= 6]
    left = min((b.x0 for b in long_), default=0.0) - median
    right = max((b.x1 for b in long_), default=width) + median
    for b in boxes:
        h = max(b.y1 - b.y0, 1.0)
        if len(b.text) >= 2 and h > 1.5 * (b.x1 - b.x0):
            continue  # vertical text (a decorative title, a margin stamp), as a text layer leaves out rotated text
        if len(b.text) <= 2 and h > 4 * median:
            continue  # a huge character or two: a piece of a decorative or vertical title, not a line
        if len(b.text) <= 3 and (b.x0 > right or b.x1 < left):
            continue
        if is_platform_stamp(b.text):
            # the stamp a database draws into every page image of a scan it delivers (CNKI's
            # "中国知网 https://www.cnki.net" at the foot: layouts/coversheets.toml): its text
            # layer leaves it out, OCR reads it, and under the footnotes it would be taken for
            # the page's last line of text
            continue
        size = type_size(b)
        baseline = b.y1 - max(h - size, 0.0) / 2 - 0.12 * size  # top-down
        raw.append([b.x0, b.x1, height - baseline, size, _OcrFont(f"OCR:{b.confidence:.4f}"), repair(b.text), True])
    lines = _build_lines(raw, width, height, 0.0, height)
    out = []
    for ln in lines:
        confs = [float(sp.font[4:]) for sp in ln.spans if sp.font.startswith("OCR:")]
        spans = [replace(sp, font="OCR") for sp in ln.spans]
        out.append(replace(ln, spans=spans, invisible=True, confidence=min(confs) if confs else None))
    return out


def on_page(page: PageText, boxes: list[OcrBox]) -> list[OcrBox]:
    """Boxes read from the rendered PDF page moved into the page's own frame: on a printer's
    sheet (`PageText.origin`) the finished page's, without the crop marks and slug line
    outside it."""
    dx, dy = page.origin
    if not (dx or dy):
        return boxes
    moved = [replace(b, x0=b.x0 - dx, y0=b.y0 - dy, x1=b.x1 - dx, y1=b.y1 - dy) for b in boxes]
    return [b for b in moved if 0 <= (b.x0 + b.x1) / 2 <= page.width and 0 <= (b.y0 + b.y1) / 2 <= page.height]


def apply_ocr(page: PageText, boxes: list[OcrBox], reason: str = "") -> None:
    """Replace the page's lines with the OCR'd ones (the layer's own are kept aside)."""
    boxes = on_page(page, boxes)
    page.unreadable_lines = page.unreadable_lines + page.lines
    page.lines = lines_from_boxes(boxes, page.width, page.height)
    if page.lines:
        page.unreadable = ""
    confs = [ln.confidence for ln in page.lines if ln.confidence is not None]
    page.ocr_confidence = sum(confs) / len(confs) if confs else 0.0
    if not page.distrust:
        page.distrust = reason or "OCR requested (--ocr always)"


def cached_boxes(sha256: str, pages: list[int], dpi: int = DPI) -> dict[int, list[OcrBox]]:
    """The cached OCR boxes of these pages (those in the cache), for the article PDFs' text layer."""
    out = {}
    for n in pages:
        boxes = _load(_cache_file(sha256, n, dpi))
        if boxes is None:
            log.warning("page %d: no cached OCR result; its article PDF gets no text layer", n)
        else:
            out[n] = boxes
    return out


def _worker(args: tuple[str, str, int, int]) -> tuple[int, list[OcrBox], float]:
    pdf, sha, number, dpi = args
    start = time.perf_counter()
    return number, ocr_page(pdf, sha, number, dpi), time.perf_counter() - start


# an OCR process's peak resident memory (OpenVINO's detector buffers on a 2000-pixel page,
# measured 1.3 GB on the scanned fixture; see README, OCR), with some room
OCR_PROCESS_BYTES = 1_500_000_000


def _workers_memory_allows() -> int:
    """How many OCR processes the machine's available memory holds (Linux's MemAvailable;
    elsewhere no bound): a small VM with the cores for four would otherwise swap or be killed."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return max(1, int(line.split()[1]) * 1024 // OCR_PROCESS_BYTES)
    except (OSError, ValueError, IndexError):
        pass
    return 1 << 16


def ocr_document(doc: Document, mode: str = "auto", *, workers: int | None = None, dpi: int = DPI,
                 progress: Callable[[int, int], None] | None = None) -> list[int]:
    """OCR the pages `mode` selects, in place, then raise the one-line input error if the
    document still has nothing readable. Returns the pages read. workers: processes (default:
    the cores, at most 4, and no more than the available memory holds; 1 = in this process)."""
    numbers, undrawable = ocr_plan(doc, mode)
    if not numbers:
        check_readable(doc, after=f"; OCR cannot read its pages here: {undrawable}" if undrawable else "")
        return []
    results = read_pages(doc, numbers, workers=workers, dpi=dpi, progress=progress)
    for n in numbers:
        apply_ocr(doc.pages[n - 1], results.get(n, []))
    check_readable(doc, after="; OCR found no text either" + (f" ({undrawable})" if undrawable else ""))
    return numbers


def read_pages(doc: Document, numbers: list[int], *, workers: int | None = None, dpi: int = DPI,
               progress: Callable[[int, int], None] | None = None) -> dict[int, list[OcrBox]]:
    """Pages `numbers` (1-based) read by OCR, from the cache where they were read before, the
    rest over `workers` processes (default: the cores, at most 4, and no more than the
    available memory holds; 1 = in this process)."""
    jobs = [(str(doc.path), doc.sha256, n, dpi) for n in numbers]
    cached = [j for j in jobs if _load(_cache_file(doc.sha256, j[2], dpi)) is not None]
    todo = [j for j in jobs if j not in cached]
    if workers is None:
        workers = min(4, os.cpu_count() or 1, _workers_memory_allows())
    workers = max(1, min(workers, len(todo)))
    done = 0
    results: dict[int, list[OcrBox]] = {}

    def got(number: int, boxes: list[OcrBox]) -> None:
        nonlocal done
        results[number] = boxes
        done += 1
        if progress:
            progress(done, len(jobs))

    for job in cached:
        got(job[2], _load(_cache_file(doc.sha256, job[2], dpi)) or [])
    if workers <= 1:
        for job in todo:
            number, boxes, _ = _worker(job)
            got(number, boxes)
    else:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            for number, boxes, _ in pool.map(_worker, todo):
                got(number, boxes)
    return results


def ocr_plan(doc: Document, mode: str) -> tuple[list[int], str]:
    """The pages to read by OCR under `mode` that OCR can read on this machine, and why the
    others are left out ("" when none is).

    A page whose Chinese fonts the PDF does not embed renders without its Chinese text where
    no CJK system font stands in (parsers.render_fonts): OCR would read its Latin words alone,
    so the text layer is kept as it is, the page's `distrust` says why, and one warning
    names the file and what to install."""
    from .render_fonts import INSTALL_HINT, can_draw_cjk, cjk_fonts_not_embedded

    numbers = pages_to_ocr(doc, mode)
    missing = cjk_fonts_not_embedded(doc.path, numbers) if numbers and not can_draw_cjk() else {}
    if not missing:  # (the probe first: where a CJK font stands in, the PDF is not opened again)
        return numbers, ""
    why = f"its Chinese fonts are not embedded and this machine has no CJK font to draw them: {INSTALL_HINT}"
    for n, names in missing.items():
        page = doc.pages[n - 1]
        if "not read by OCR" not in page.distrust:
            page.distrust = f"{page.distrust}; not read by OCR: {', '.join(names[:3])} not embedded and no CJK font here"
    log.warning("%s: %d page(s) not read by OCR (%s): %s", doc.path.name, len(missing),
                ", ".join(str(n) for n in sorted(missing)[:10]), why)
    return [n for n in numbers if n not in missing], why
