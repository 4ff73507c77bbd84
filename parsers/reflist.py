"""Entries of a reference list, from positioned lines.

Numbered lists ([1], 1.) split on their markers. Author–date lists (《社会》, APA) carry
no markers: there each entry begins at the column's left margin and its continuation
lines are indented (a hanging indent), or the reverse (a first-line indent). Positions
tell them apart where text alone cannot.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from parsers.citations import REF_HEADING, split_notes
from parsers.joining import join_lines

if TYPE_CHECKING:  # pragma: no cover
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
