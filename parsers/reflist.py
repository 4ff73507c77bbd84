"""Entries of a reference list, from positioned lines.

Numbered lists ([1], 1.) split on their markers. Author–date lists (《社会》, APA) carry
no markers: there each entry begins at the column's left margin and its continuation
lines are indented (a hanging indent), or the reverse (a first-line indent). Positions
tell them apart where text alone cannot.

Also from positioned lines: figure/table source notes that cite a URL, and the page
furniture (a journal's address repeated in its running foot) that cites nothing.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from parsers.citations import REF_HEADING, despace_urls, find_urls, match_marker, split_notes
from parsers.identifiers import find_doi
from parsers.joining import join_lines

if TYPE_CHECKING:  # pragma: no cover
    from parsers.pages import PageInfo
    from parsers.textlayer import Line


def _runs(lines: list["Line"]) -> list[list[int]]:
    """Indexes of the lines of each column run: a new run begins where the text goes back
    up (the top of the next column or page), whose margin may sit a little elsewhere."""
    runs: list[list[int]] = []
    for k, ln in enumerate(lines):
        if not runs or ln.y < lines[k - 1].y - 2 * ln.size:
            runs.append([])
        runs[-1].append(k)
    return runs


def _margins(lines: list["Line"]) -> list[float]:
    """Each line's column margin: the smallest x0 among lines of the same column run (of
    the whole list when the run is too short to show its own margin)."""
    out = [0.0] * len(lines)
    for run in _runs(lines):
        pool = [lines[k] for k in run] if len(run) >= 4 else lines
        for k in run:
            ln = lines[k]
            out[k] = min(o.x0 for o in pool if abs(o.x0 - ln.x0) < 6 * ln.size)
    return out


def split_by_indent(lines: list["Line"]) -> list[str]:
    """Entries of an unnumbered list, told by indentation."""
    lines = [ln for ln in lines if ln.text.strip() and not REF_HEADING.match(ln.text)]
    if not lines:
        return []
    margins = _margins(lines)
    indented = [ln.x0 - m > 0.8 * ln.size for ln, m in zip(lines, margins)]
    if all(indented) or not any(indented):
        return [join_lines([ln.text for ln in lines])]  # no indentation to go by
    hanging = not indented[0]  # the first entry starts at the margin: continuations are indented
    entries: list[list[str]] = []
    for ln, ind in zip(lines, indented):
        starts = (not ind) if hanging else ind
        if starts or not entries:
            entries.append([ln.text])
        else:
            entries[-1].append(ln.text)
    return [join_lines(e) for e in entries]


_AUTHOR_START = re.compile(r"^\s*(?:[a-z]{1,3}\s)?[A-Z][^\W\d_]+(?:[\-' ][A-Z][^\W\d_]+)?,?\s+(?:[A-Z]\.|[A-Z]{1,3}\b)")


def split_by_gap(lines: list["Line"]) -> list[str]:
    """Entries of an unnumbered, unindented list set with space between entries: a new
    entry begins after a line gap clearly wider than the list's line spacing."""
    lines = [ln for ln in lines if ln.text.strip() and not REF_HEADING.match(ln.text)]
    gaps = [b.y - a.y for a, b in zip(lines, lines[1:]) if 0 < b.y - a.y < 3 * a.size]
    if len(gaps) < 2:
        return [join_lines([ln.text for ln in lines])] if lines else []
    leading = min(gaps)
    if max(gaps) < leading * 1.25:
        return [join_lines([ln.text for ln in lines])]  # even spacing: nothing to go by
    entries: list[list[str]] = []
    prev: "Line | None" = None
    for ln in lines:
        gap = ln.y - prev.y if prev is not None else 0.0
        # at the top of the next page or column, an entry begins when the last one closed
        # with a full stop and this line opens with an author ("Luo, L.," / "Sudhaus W.")
        turned = prev is not None and gap < -2 * ln.size and bool(
            re.search(r"[.)]\s*$", prev.text) and _AUTHOR_START.match(ln.text))
        if prev is None or gap > leading * 1.25 or turned:
            entries.append([ln.text])
        else:
            entries[-1].append(ln.text)
        prev = ln
    return [join_lines(e) for e in entries]


def reference_entries(lines: list["Line"]) -> list[str]:
    """The list's entries: by markers when it is numbered, else by indentation, else by
    the space between entries."""
    texts = [ln.text for ln in lines if not REF_HEADING.match(ln.text or "")]
    notes = split_notes(texts, kinds=("bracket", "circled", "dotted"))
    numbered = [t for _, t in notes]
    marked = sum(1 for m, _ in notes if m)  # entries that really open with a number
    by_indent = split_by_indent(lines)
    if len(by_indent) >= 2 and marked <= len(by_indent) // 5:
        return by_indent
    if len(numbered) <= 1 and len(by_indent) <= 1:
        by_gap = split_by_gap(lines)
        if len(by_gap) >= 3:
            return by_gap
    return numbered


#: a source line under a figure or table (资料来源：…, 数据来源, 图片来源, Source:): it
#: cites what it names as much as a footnote does (CAJ-CD B/T 1-2006 图表注)
SOURCE_NOTE = re.compile(r"^\s*[（(]?\s*(?:注\s*[:：]\s*)?(?:资\s*料|数\s*据|图\s*片|图\s*表|信\s*息)?\s*来\s*源\s*[:：]"
                          r"|^\s*(?i:sources?|data\s+source)\s*[:：]")


def source_notes(body: list["Line"], taken: list["Line"]) -> list[str]:
    """Figure and table source notes on a page that print a URL, with their wrapped lines
    (same type size, next line down, until a sentence closes), less lines already read as
    footnotes or list entries."""
    out: list[str] = []
    k = 0
    while k < len(body):
        ln = body[k]
        k += 1
        if not SOURCE_NOTE.match(ln.text) or any(ln is t for t in taken):
            continue
        parts, prev = [ln.text], ln
        while (k < len(body) and len(parts) < 6 and abs(body[k].size - ln.size) < 0.3
               and 0 < body[k].y - prev.y < 2 * ln.size and not prev.text.rstrip().endswith("。")
               and not SOURCE_NOTE.match(body[k].text) and not match_marker(body[k].text)
               and not re.match(r"^\s*(?:图|表|Fig|Table)\s*\d", body[k].text)):
            parts.append(body[k].text)
            prev = body[k]
            k += 1
        text = join_lines(parts)
        if find_urls(despace_urls(text)):
            out.append(text)
    return out


_DIGITS_SPACES = re.compile(r"[\d\s]+")


def plain_key(text: str) -> str:
    """A line's text without digits and spaces: a running head or foot with its page number."""
    return _DIGITS_SPACES.sub("", text)  # (compiled once: every body line of an article asks)


_URL_MARK = re.compile(r"(?i)https?:|www\.")
_URL_RUN = re.compile(r"(?i)(?:https?://|www\.)\S+")


def repeated_url_lines(pages: list["PageInfo"]) -> set[str]:
    """Keys of short lines with a URL printed at the same height on two or more of the
    article's pages: the journal's own address in a running head or foot, a database
    stamp (page furniture). A note repeating a source on a later page is no such line:
    it has more text than its URL, and sits elsewhere."""
    seen: dict[str, list[tuple[int, float]]] = {}
    for page in pages:
        for ln in page.body:
            # (every match holds a ":" or a "."; most Chinese lines have neither: no search)
            if (":" not in ln.text and "." not in ln.text) or not _URL_MARK.search(ln.text):
                continue
            rest = _URL_RUN.sub("", ln.text).strip()
            if len(rest) <= 30 and (key := plain_key(ln.text)):
                seen.setdefault(key, []).append((page.number, ln.y))
    return {key for key, where in seen.items()
            if any(p != q and abs(y - z) <= 6 for p, y in where for q, z in where)}


def own_doi(first: "PageInfo", header_used: set[int]) -> str:
    """The article's own DOI, lower-cased, from its labelled first-page header lines."""
    lines = [first.body[i].text for i in sorted(header_used) if i < len(first.body)] + [h.text for h in first.heads]
    for text in lines:
        if re.search(r"(?i)\bdoi\b", text):
            doi = find_doi(text)
            if doi:
                return doi.lower()
    return ""
