"""Reader spreads: two printed pages side by side on one PDF page, as InDesign's "export as
spreads" (and Acrobat's two-up printing) draws them.

A journal's facing pages are numbered on: the left (verso) page even, the right (recto) page
odd, each printing its folio at its outer corner. A spread is therefore a page about twice
as wide as a printed page, with no text line crossing the gutter at its middle, and two
folios that follow each other, the left one on its left half and the right one on its
right half. Such a page is cut into its two printed pages, as logical pages, before the
pages are classified, so everything downstream (folios, starts, articles, provenance) sees
ordinary pages; `to_physical` maps the article records back to the PDF's own pages at the
end (`pdf_pages`, provenance), since the PDF the editor holds and the article PDFs cut from
it are made of spreads.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from parsers.pages import EDGE, folio_reading

if TYPE_CHECKING:  # pragma: no cover
    from parsers.textlayer import Line, OutlineItem, PageText
    from schemas.model import Article

# a printed page is portrait (A4 0.71, B5 0.70, 16K 0.72, a US letter 0.77): two side by side
# are at least 1.15 times as wide as tall (a single landscape page in a journal is a table's)
SPREAD_ASPECT = 1.15
# how close to the middle a line may come (pt): a gutter is at least a few millimetres wide
_GUTTER = 2.0


def _crosses(line: "Line", middle: float) -> bool:
    return line.x0 < middle - _GUTTER and line.x1 > middle + _GUTTER


def _shape_of_spread(page: "PageText") -> bool:
    """Landscape, and (almost) no line across the middle (a half may be empty: a blank
    verso beside an article's first page)."""
    if page.height <= 0 or page.width / page.height < SPREAD_ASPECT:
        return False
    middle = page.width / 2
    return sum(_crosses(ln, middle) for ln in page.lines) <= max(1, len(page.lines) // 50)


def _margin_folios(lines: list["Line"], height: float) -> set[int]:
    """Page numbers printed in the top or bottom margin share of the page (pages.EDGE)."""
    found = set()
    for ln in lines:
        if ln.y < height * EDGE * 1.3 or ln.y > height * (1 - EDGE * 1.3):
            read = folio_reading(ln.text)
            if read is not None:
                found.add(read[0])
    return found


def _facing_folios(page: "PageText") -> bool:
    """Do the two halves print consecutive folios, the even one on the left (facing pages)?"""
    middle = page.width / 2
    left = _margin_folios([ln for ln in page.lines if ln.x1 <= middle + _GUTTER], page.height)
    right = _margin_folios([ln for ln in page.lines if ln.x0 >= middle - _GUTTER], page.height)
    return any(n + 1 in right for n in left if n % 2 == 0)


def _beside_single_pages(pages: list["PageText"], shaped: list["PageText"]) -> bool:
    """Is a spread-shaped page twice as wide as a page of the same height the PDF also holds?
    A spreads export draws the cover (or a page whose facing page is cut) alone, at the
    printed page's size: such a pair of sizes says spreads where no facing folios are
    printed to (article first pages print none in many journals)."""
    cut = {id(q) for q in shaped}
    singles = [p for p in pages if id(p) not in cut and p.width < p.height]
    return any(abs(q.height - p.height) < 1 and abs(q.width - 2 * p.width) < 0.02 * q.width
               for q in shaped for p in singles)


def _shifted(line: "Line", dx: float) -> "Line":
    return replace(line, x0=line.x0 - dx, x1=line.x1 - dx, spans=[replace(s, x0=s.x0 - dx, x1=s.x1 - dx) for s in line.spans])


def logical_pages(pages: list["PageText"]) -> tuple[list["PageText"], list[tuple[int, float]]]:
    """The printed pages of a PDF drawn as reader spreads, numbered 1… in reading order, and
    for each the PDF page it is on and its x offset there; ([], []) when the PDF is not
    drawn as spreads. The PDF is taken for spreads when its spread-shaped pages (landscape,
    a clear gutter) include one whose halves print facing folios (an even folio on the
    left, the next on the right): then every spread-shaped page is cut in two (a blank
    half too: it is a printed page, counted in the numbering), and the others (a first
    or last page exported alone) stay whole."""
    shaped = [p for p in pages if _shape_of_spread(p)]
    if not shaped or not (any(_facing_folios(p) for p in shaped) or _beside_single_pages(pages, shaped)):
        return [], []
    cut = {id(p) for p in shaped}
    out: list["PageText"] = []
    halves: list[tuple[int, float]] = []
    for p in pages:
        if id(p) not in cut:
            out.append(replace(p, number=len(out) + 1))
            halves.append((p.number, 0.0))
            continue
        middle = p.width / 2
        left = [ln for ln in p.lines if (ln.x0 + ln.x1) / 2 < middle]
        right = [_shifted(ln, middle) for ln in p.lines if (ln.x0 + ln.x1) / 2 >= middle]
        # (text set sideways, a landscape table on one half, is counted, not placed: it goes to the
        # half with less upright text, so that half is a page of content, not a blank one)
        sparse = 0 if sum(len(ln.text) for ln in left) <= sum(len(ln.text) for ln in right) else 1
        for k, (lines, dx) in enumerate(((left, 0.0), (right, middle))):
            out.append(replace(p, number=len(out) + 1, width=middle, label=None, lines=lines,
                               unreadable_lines=[], sideways=p.sideways if k == sparse else 0))
            halves.append((p.number, dx))
    return out, halves


def logical_outline(outline: list["OutlineItem"], pages: list["PageText"], halves: list[tuple[int, float]]
                    ) -> list["OutlineItem"]:
    """Bookmarks pointed at a spread, pointed at the half whose text starts with their title
    (else the left one)."""
    def squash(s: str) -> str:
        return re.sub(r"\s+", "", s)

    out = []
    for item in outline:
        there = [k for k, (phys, _) in enumerate(halves) if phys == item.page]
        if not there:
            continue
        head = squash(item.title)[:6]
        pick = next((k for k in there if head and head in squash("".join(ln.text for ln in pages[k].lines))), there[0])
        out.append(replace(item, page=pick + 1))
    return out


def to_physical(articles: list["Article"], halves: list[tuple[int, float]]) -> None:
    """Article records on logical pages mapped back to the PDF's pages: `pdf_pages` the
    spreads that hold the article, provenance on the page of its article PDF (made of those
    spreads) with the box moved by the half's offset."""
    for art in articles:
        first, last = art.pdf_pages
        phys_first = halves[first - 1][0]
        art.pdf_pages = [phys_first, halves[last - 1][0]]
        for prov in art.provenance.values():
            phys, dx = halves[first - 1 + prov["page"] - 1]
            prov["page"] = phys - phys_first + 1
            box = prov["box"]
            prov["box"] = [round(box[0] + dx, 1), box[1], round(box[2] + dx, 1), box[3]]
