"""Where on its pages each field of an article was printed: page and box, for the editor.

After extraction, each field's value is looked up in the text lines of the article's own
pages (the lines the text layer built, with their positions): the lines the value runs
over give its box. A value is found when its first characters appear, spaces removed and
full-width forms made ASCII, in the page's running text; a value that is not printed as
read (a DOI from doi_pattern, a pinyin name, a date made ISO) gets no box rather than a
wrong one. Boxes are in PDF points from the top-left corner of the page's crop box (the
text layer's own coordinates, moved by the page's `origin` on a printer's sheet), `page`
is the page of `articles/<id>/article.pdf`, from 1.
"""
from __future__ import annotations

import re
from typing import Iterable

from parsers.identifiers import to_halfwidth
from parsers.textlayer import Line, PageText
from schemas.model import Article

_SPACE = re.compile(r"\s+")
MATCH_CHARS = 24  # enough of a value's start to place it; a whole abstract is not needed
MIN_CHARS = 3  # shorter values ("A", "6") would be found anywhere; two Hanzi (a name) are enough


def _norm(text: str) -> str:
    return _SPACE.sub("", to_halfwidth(text)).lower()


def _fields(art: Article) -> Iterable[tuple[str, list[str]]]:
    """(path, printed value as its parts) for the fields worth outlining; a list is looked
    up as its items in order, so a keyword list is not placed on a title that uses its first word."""
    yield "title.zh", [art.title.zh]
    yield "title.en", [art.title.en]
    yield "abstract.zh", [art.abstract.zh]
    yield "abstract.en", [art.abstract.en]
    yield "keywords.zh", art.keywords.zh[:3]
    yield "keywords.en", art.keywords.en[:3]
    yield "clc", art.clc[:2]
    yield "doi", [art.doi if art.doi_source != "assigned" else ""]
    yield "article_no", [art.article_no]
    yield "funding", [art.funding]
    for i, person in enumerate(art.contributors, start=1):
        yield f"contributors.{i}.name.zh", [person.name.zh]
        yield f"contributors.{i}.name.en", [person.name.en]
        yield f"contributors.{i}.affiliation", [person.affiliation]
        yield f"contributors.{i}.email", [person.email]


def _pattern(parts: list[str], limit: int | None) -> re.Pattern[str] | None:
    """The parts (normalised) in order with up to three separator characters between them;
    None when there is too little to place."""
    parts = [p for p in (_norm(x) for x in parts) if p]
    if not parts:
        return None
    if len(parts) == 1:
        text = parts[0][:limit] if limit else parts[0]
        enough = MIN_CHARS - 1 if re.search(r"[\u3400-\u9fff]", text) else MIN_CHARS
        return re.compile(re.escape(text)) if len(text) >= enough else None
    return re.compile(r"[^\w]{0,3}".join(re.escape(p) for p in parts))


def _width(ch: str) -> float:
    """A character's advance in ems, near enough: Hanzi and full-width forms 1, others about half."""
    return 1.0 if ord(ch) >= 0x2E80 else 0.55


def _xs(line: Line) -> list[tuple[float, float]]:
    """Left and right x of each character of the line's normalised text: spread over the
    spans that drew them when those spell the same text, else over the whole line."""
    text = _norm(line.text)
    pieces = [(_norm(sp.text), sp.x0, sp.x1) for sp in line.spans]
    if not pieces or "".join(t for t, _, _ in pieces) != text:
        pieces = [(text, line.x0, line.x1)]
    out: list[tuple[float, float]] = []
    for chunk, x0, x1 in pieces:
        total = sum(_width(c) for c in chunk) or 1.0
        at = 0.0
        for c in chunk:
            left = x0 + (x1 - x0) * at / total
            at += _width(c)
            out.append((left, x0 + (x1 - x0) * at / total))
    return out


def _box(page: PageText, owner: list[int], offset: list[int], start: int, end: int) -> list[float]:
    """The box of characters start..end of the page's running text: the lines they are on,
    narrowed to those characters when they are all on one line."""
    rows = sorted(set(owner[start:end]))
    lines = [page.lines[k] for k in rows]
    x0, x1 = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    if len(lines) == 1:
        xs = _xs(lines[0])
        x0, x1 = xs[offset[start]][0], xs[offset[end - 1]][1]
    top = min(ln.y - ln.size * 0.9 for ln in lines)
    bottom = max(ln.y + ln.size * 0.25 for ln in lines)
    dx, dy = page.origin  # (on a printer's sheet: from the sheet's corner, where a viewer draws it)
    return [round(x0 + dx, 1), round(top + dy, 1), round(x1 + dx, 1), round(bottom + dy, 1)]


def _index(page: PageText) -> tuple[str, list[int], list[int]]:
    """The page's running text (normalised) and, per character, its line and its place in it."""
    chars: list[str] = []
    owner: list[int] = []
    offset: list[int] = []
    for k, line in enumerate(page.lines):
        text = _norm(line.text)
        chars.append(text)
        owner.extend([k] * len(text))
        offset.extend(range(len(text)))
    return "".join(chars), owner, offset


def locate(art: Article, pages: list[PageText]) -> dict[str, dict]:
    """{field path: {"page": n, "box": [x0, top, x1, bottom]}} for the fields found: the
    whole value where it is printed on one page, else where its first characters are."""
    indexes: dict[int, tuple[str, list[int], list[int]]] = {}  # (built when a search first reaches the page)
    out: dict[str, dict] = {}
    for path, parts in _fields(art):
        for limit in (None, MATCH_CHARS):
            pattern = _pattern(parts, limit)
            if pattern is None:
                break
            for n, page in enumerate(pages, start=1):
                if n not in indexes:
                    indexes[n] = _index(page)
                text, owner, offset = indexes[n]
                m = pattern.search(text)
                if m and m.end() > m.start():
                    out[path] = {"page": n, "box": _box(page, owner, offset, m.start(), m.end())}
                    break
            if path in out or len(parts) > 1:
                break
    return out


def add_provenance(articles: list[Article], pages: list[PageText]) -> None:
    """Fill each article's `provenance` from the issue's pages (`pages[i]` is page i + 1)."""
    for art in articles:
        first, last = art.pdf_pages
        own = pages[first - 1:last]
        if own:
            art.provenance = locate(art, own)
