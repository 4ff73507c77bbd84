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
from collections.abc import Callable
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
_STAMP_ZONE = 0.25  # (share of the sheet's height at top and bottom where a stamp can matter)
_ROW_REACH = 40.0  # (points: no row of one page's furniture is taller)
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
    own = {id(p): lines for p in pages if len(lines := _own_lines(p)) >= _MIN_LINES}
    if not own:
        return None
    text_pages = [p for p in pages if id(p) in own]
    size = Counter(_size(p) for p in text_pages).most_common(1)[0][0]
    text_pages = [p for p in text_pages if _size(p) == size]
    width, height = text_pages[0].width, text_pages[0].height
    sides = [(p, _sides(p, own[id(p)])) for p in text_pages]
    found = _folio_rows(sides)
    if any(depth < EDGE * height for depth, _ in found):
        return None  # (folios in the margin share: the page box is the page)
    found += _head_rows(sides)
    if not found or any(depth < EDGE * height for depth, _ in found):
        return None  # (no furniture, or some in the margin share)
    depths = [(depth, gap()) for depth, gap in found]
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
    if dy < _MIN_INSET * height or any(not _within(ln, p, dx, dy) for p in text_pages for ln in own[id(p)]):
        return None  # (a page's own margin, or text outside the frame: a slug line or a note on the sheet)
    return round(dx, 2), round(dy, 2), [k for k, p in enumerate(pages) if _size(p) == size]


def _size(page: "PageText") -> tuple[int, int]:
    return round(page.width), round(page.height)


def _own_lines(page: "PageText") -> list["Line"]:
    """The page's printed lines, without a download platform's stamp on the sheet's margins
    (a stamp further in is never the outermost row, nor outside a frame)."""
    top, bottom = page.height * _STAMP_ZONE, page.height * (1 - _STAMP_ZONE)
    return [ln for ln in page.lines if ln.text.strip() and not ((ln.y < top or ln.y > bottom) and is_platform_stamp(ln.text))]


def _within(line: "Line", page: "PageText", dx: float, dy: float) -> bool:
    """Does the line lie on the page framed `dx`, `dy` in from the sheet's sides (a third of
    its size of slack: a glyph set to the edge overhangs it by its side bearing)?"""
    slack = line.size / 3
    return (dx - slack <= line.x0 and line.x1 <= page.width - dx + slack
            and dy <= line.y - line.size * 0.7 + slack and line.y <= page.height - dy + slack)


Depth = Callable[["Line"], float]
Side = tuple[list["Line"], Depth]
# a row of furniture: its distance from the sheet's edge, and the white between it and the
# text further in (worked out only for a document that gets that far)
Found = tuple[float, Callable[[], float]]


def _sides(page: "PageText", lines: list["Line"]) -> list[Side]:
    """The page's lines from the top edge in and from the bottom edge in, each with its
    distance from that edge."""
    lines = sorted(lines, key=lambda ln: ln.y)
    return [(lines, lambda ln: ln.y), (lines[::-1], lambda ln: page.height - ln.y)]


def _gap(side: list["Line"], at: "Line", depth: Depth) -> Callable[[], float]:
    """The white between a row and the next line further in (a head's text and its folio may
    stand a few points apart: they are one row)."""
    def gap() -> float:
        beside = _row(side, at)
        return min((depth(ln) - depth(at) for ln in side if depth(ln) > depth(at) and not any(ln is b for b in beside)),
                   default=float("inf"))
    return gap


def _folio_rows(sides: list[tuple["PageText", list[Side]]]) -> list[Found]:
    """Folios on the pages whose folios agree (the same offset from the page's place in the
    file, two pages or more: a table's last row or a reference's page numbers agree with
    nothing; of a file of a page or two, one folio printed alone). A folio is read from the
    outermost row (a running head may carry it), or alone on its line further in (a
    journal's URL or a licence line set below it)."""
    found: list[tuple[int, Found, bool]] = []  # (offset, row, printed alone)
    for page, both in sides:
        for side, depth in both:
            row = _row(side, side[0])
            reading = next((r for r in (folio_reading(ln.text) for ln in row) if r), None)
            at = side[0]
            if reading is None:
                inner = [ln for ln in side[len(row):] if depth(ln) < page.height * _FOLIO_ZONE]
                reading, at = next(((r, ln) for r, ln in ((folio_reading(ln.text), ln) for ln in inner) if r and r[1]),
                                   (None, at))
            if reading is not None:
                found.append((reading[0] - page.number, (depth(at), _gap(side, at, depth)), reading[1]))
    offsets = Counter(f[0] for f in found)
    if not offsets:
        return []
    offset, count = offsets.most_common(1)[0]
    # (a file of a page or two may print one folio, the other page's on a first page
    # without one: it must be printed alone, ·43· or — 43 —)
    if count >= 2 or (len(sides) <= 2 and len(found) == 1 and found[0][2]):
        return [f[1] for f in found if f[0] == offset]
    return []


def _head_rows(sides: list[tuple["PageText", list[Side]]]) -> list[Found]:
    """Running heads: an outermost row whose words (a folio at either end aside) recur at the
    same distance from the edge on two pages or more, a third of them at least (GB/T 3179:
    the 书眉 — the journal, year, volume and issue, or the article's short title — recurs on
    every page but the first; the even and odd pages may print different ones). Text does
    not recur word for word at one place; a head whose folio is drawn as curves still does."""
    rows: dict[tuple[str, int], list[Found]] = {}
    for _, both in sides:
        for k, (side, depth) in enumerate(both):
            row = _row(side, side[0])
            key = _FOLIO_ENDS.sub("", "".join(ln.text for ln in sorted(row, key=lambda ln: ln.x0)).replace(" ", ""))
            if len(key) >= 4:
                rows.setdefault((key, k), []).append((depth(side[0]), _gap(side, side[0], depth)))
    enough = max(2, -(-len(sides) // 3))
    return [found for seen in rows.values() if len(seen) >= enough
            and max(d for d, _ in seen) - min(d for d, _ in seen) <= 2.0 for found in seen]


def _row(lines: list["Line"], edge: "Line") -> list["Line"]:
    """The lines printed on the same row as `edge` (a head and its folio), of lines in order
    from the sheet's edge in."""
    out: list["Line"] = []
    for ln in lines:
        off = abs(ln.y - edge.y)
        if off <= max(ln.size, edge.size) * 0.6:
            out.append(ln)
        elif out and off > _ROW_REACH:
            break  # (past the row: the rest lie further in)
    return out
