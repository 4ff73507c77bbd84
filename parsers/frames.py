"""Where the finished page lies on a PDF page larger than it that does not say so.

An export onto paper larger than the journal's trim (a B5 or 16开 page centred on A4, a PDF
"printed" at actual size) writes no TrimBox: the page box is the sheet. Every rule that
looks for the running head, the folio or the title in the top or bottom share of the page
(`pages.EDGE`) would look at the sheet's blank margin. The page's furniture (GB/T 3179: the
书眉 and the folio, which recur on every page but the first) then lies further in than that
share, and says where the trim lies: the document is read in that frame, as a TrimBox would
have set it (`textlayer._read_page`), `PageText.origin` saying where it lies on the sheet.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from parsers.coversheet import is_platform_stamp
from parsers.pages import EDGE, folio_reading

if TYPE_CHECKING:  # pragma: no cover
    from parsers.textlayer import Line, PageText

_MIN_LINES = 5  # (a page of text, not a cover or a figure page)
_FOLIO_ZONE = 0.2  # (a folio alone is looked for this far in from the sheet's edge)
# a smaller inset is a page's own wide margin, whose recurring heads `pages.head_band` reads
# already (re-measuring columns and gutters on an estimated width would only add error);
# exports onto larger paper leave more: 16开 on A4 52 pt a side, B5 on A4 66 pt (6-8%)
_MIN_INSET = 0.03
_INSIDE = 3.0  # (points: a row just inside the margin share is inside it, whatever the rounding)
# a folio at a running head's either end (·37· / — 37 — / 37), which changes from page to page
_FOLIO_ENDS = re.compile(r"^[\d·•・∙—–―－\-\s\u3000]+|[\d·•・∙—–―－\-\s\u3000]+$")


def inset_by_furniture(pages: list["PageText"]) -> tuple[float, float, list[int]] | None:
    """(x inset, y inset, the indices of the pages to read in it) when the pages print their
    furniture — folios, recurring running heads — further in than the margin share
    (`pages.EDGE`), and no text outside the frame it implies: the sheet scaled about its
    centre (a journal's trim and the paper it is exported onto share the ISO 216 / 开本
    proportion, about 1:√2) until the furniture nearest the edge sits inside the margin
    share and the text next to it outside. None when a TrimBox framed the pages or nothing
    says where the trim lies. The caller reads those pages again in the frame (`textlayer`):
    lines are built from the page's proportions (columns, gutters), so moving built lines
    would not do."""
    if any(p.origin != (0.0, 0.0) for p in pages):
        return None
    text_pages = [p for p in pages if len(_own_lines(p)) >= _MIN_LINES]
    if not text_pages:
        return None
    size = Counter(_size(p) for p in text_pages).most_common(1)[0][0]
    text_pages = [p for p in text_pages if _size(p) == size]
    width, height = text_pages[0].width, text_pages[0].height
    depths = _furniture_depths(text_pages)
    if not depths or any(depth < EDGE * height for depth, _ in depths):
        return None  # (no furniture, or some in the margin share: the page box is the page)
    # (a frame of height H' = H - 2·dy holds a row `depth` in from the sheet's edge in its
    # margin share when depth - dy <= EDGE·H', and the text `gap` further in outside it when
    # depth + gap - dy >= EDGE·H': every row's bounds met, the middle of what they leave; the
    # furniture no nearer the trim than half the share, however wide the white under it)
    low = max((depth - EDGE * height) / (1 - 2 * EDGE) for depth, _ in depths)
    high = min((depth + min(gap, EDGE * height / 2) - EDGE * height) / (1 - 2 * EDGE) for depth, gap in depths)
    # (rows set close together — a head over its folio, a journal's URL over its date — leave
    # no such middle: then the innermost row just inside the share, as on the finished page)
    dy = (low + high) / 2 if low <= high else low + _INSIDE
    dx = dy * width / height
    if dy < _MIN_INSET * height or any(not _within(ln, p, dx, dy) for p in text_pages for ln in _own_lines(p)):
        return None  # (a page's own margin, or text outside the frame: a slug line or a note on the sheet)
    return round(dx, 2), round(dy, 2), [k for k, p in enumerate(pages) if _size(p) == size]


def _size(page: "PageText") -> tuple[int, int]:
    return round(page.width), round(page.height)


def _own_lines(page: "PageText") -> list["Line"]:
    """The page's printed lines, without a download platform's stamp on the sheet."""
    return [ln for ln in page.lines if ln.text.strip() and not is_platform_stamp(ln.text)]


def _within(line: "Line", page: "PageText", dx: float, dy: float) -> bool:
    """Does the line lie on the page framed `dx`, `dy` in from the sheet's sides (a third of
    its size of slack: a glyph set to the edge overhangs it by its side bearing)?"""
    slack = line.size / 3
    return (dx - slack <= line.x0 and line.x1 <= page.width - dx + slack
            and dy <= line.y - line.size * 0.7 + slack and line.y <= page.height - dy + slack)


def _furniture_depths(pages: list["PageText"]) -> list[tuple[float, float]]:
    """(distance from the sheet's edge, gap to the next line in) of the page furniture nearest
    the edge: folios (`_folio_depths`) and running heads that recur (`_head_depths`)."""
    return _folio_depths(pages) + _head_depths(pages)


def _sides(page: "PageText") -> Iterator[tuple[list["Line"], Callable[["Line"], float]]]:
    """The page's lines from the top edge in and from the bottom edge in, each with its
    distance from that edge."""
    lines = sorted(_own_lines(page), key=lambda ln: ln.y)
    yield lines, lambda ln: ln.y
    yield lines[::-1], lambda ln: page.height - ln.y


def _gap(side: list["Line"], at: "Line", depth: Callable[["Line"], float]) -> float:
    """The white between a row and the next line further in (a head's text and its folio may
    stand a few points apart: they are one row)."""
    beside = _row(side, at)
    return min((depth(ln) - depth(at) for ln in side if depth(ln) > depth(at) and not any(ln is b for b in beside)),
               default=float("inf"))


def _folio_depths(pages: list["PageText"]) -> list[tuple[float, float]]:
    """Folios on the pages whose folios agree (the same offset from the page's place in the
    file, two pages or more: a table's last row or a reference's page numbers agree with
    nothing; of a file of a page or two, one folio printed alone). A folio is read from the
    outermost row (a running head may carry it), or alone on its line further in (a
    journal's URL or a licence line set below it)."""
    found: list[tuple[int, float, float, bool]] = []  # (offset, depth, gap, printed alone)
    for page in pages:
        for side, depth in _sides(page):
            row = _row(side, side[0])
            reading = next((r for r in (folio_reading(ln.text) for ln in row) if r), None)
            at = side[0]
            if reading is None:
                inner = [ln for ln in side[len(row):] if depth(ln) < page.height * _FOLIO_ZONE]
                reading, at = next(((r, ln) for r, ln in ((folio_reading(ln.text), ln) for ln in inner) if r and r[1]),
                                   (None, at))
            if reading is not None:
                found.append((reading[0] - page.number, depth(at), _gap(side, at, depth), reading[1]))
    offsets = Counter(f[0] for f in found)
    if not offsets:
        return []
    offset, count = offsets.most_common(1)[0]
    # (a file of a page or two may print one folio, the other page's on a first page
    # without one: it must be printed alone, ·43· or — 43 —)
    if count >= 2 or (len(pages) <= 2 and len(found) == 1 and found[0][3]):
        return [(f[1], f[2]) for f in found if f[0] == offset]
    return []


def _head_depths(pages: list["PageText"]) -> list[tuple[float, float]]:
    """Running heads: an outermost row whose words (a folio at either end aside) recur at the same
    distance from the edge on two pages or more, a third of them at least (GB/T 3179: the
    书眉 — the journal, year, volume and issue, or the article's short title — recurs on every
    page but the first; the even and odd pages may print different ones). Text does not
    recur word for word at one place; a head whose folio is drawn as curves still does."""
    rows: dict[tuple[str, int], list[tuple[float, float]]] = {}
    for page in pages:
        for k, (side, depth) in enumerate(_sides(page)):
            row = _row(side, side[0])
            key = _FOLIO_ENDS.sub("", "".join(ln.text for ln in sorted(row, key=lambda ln: ln.x0)).replace(" ", ""))
            if len(key) >= 4:
                rows.setdefault((key, k), []).append((depth(side[0]), _gap(side, side[0], depth)))
    enough = max(2, -(-len(pages) // 3))
    return [found for seen in rows.values() if len(seen) >= enough
            and max(d for d, _ in seen) - min(d for d, _ in seen) <= 2.0 for found in seen]


def _row(lines: list["Line"], edge: "Line") -> list["Line"]:
    """The lines printed on the same row as the outermost one (a head and its folio)."""
    return [ln for ln in lines if abs(ln.y - edge.y) <= max(ln.size, edge.size) * 0.6]
