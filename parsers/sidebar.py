"""Boxes set beside the text on the same baselines, which a text layer joins into one line.

Front matter set in two columns side by side: an "ARTICLE INFO" sidebar (article type,
history, keywords) beside the abstract, the box Elsevier's journals and many that copy their
template print under the byline. A text layer that joins spans on one baseline merges the
two columns line by line ("Article type: Chronic neuropathic pain is …"); this module puts
each column back on lines of its own, the sidebar first, as it is read. And a margin box in
smaller type (address for correspondence, dates) beside a column of text: split_side_box
parts the box's words from the column's."""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from parsers.textlayer import Line, Span

# the box's heading, letter-spaced or not: "A R T I C L E I N F O  A B S T R A C T"
_INFO_HEAD = re.compile(r"^\s*A\s?R\s?T\s?I\s?C\s?L\s?E\s*I\s?N\s?F\s?O\b", re.I)
_ABSTRACT_WORD = re.compile(r"A\s?B\s?S\s?T\s?R\s?A\s?C\s?T\s*$", re.I)
_MIN_GUTTER = 40.0
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")  # points between the sidebar's left edge and the abstract column's


def unmerge_info_column(lines: list["Line"], window: int = 60) -> list["Line"]:
    """`lines` with the ARTICLE INFO box's merged lines split into its two columns."""
    from parsers.textlayer import Line
    head = next((k for k, ln in enumerate(lines[:window]) if _INFO_HEAD.match(ln.text)), None)
    if head is None:
        return lines
    box = lines[head + 1:head + 1 + window]
    left_x = lines[head].x0
    starts = Counter(round(sp.x0) for ln in box for sp in ln.spans[1:] if sp.x0 - left_x > _MIN_GUTTER)
    starts += Counter(round(ln.x0) for ln in box if ln.x0 - left_x > _MIN_GUTTER)
    if not starts:
        return lines
    col = starts.most_common(1)[0][0] - 3
    last = max((k for k, ln in enumerate(box) if ln.x1 > col and any(sp.x0 >= col for sp in ln.spans or [ln])), default=-1)
    if last < 0:
        return lines
    # the sidebar may run on below the abstract's end: narrow lines, closely set
    while last + 1 < len(box) and box[last + 1].x1 < col and box[last + 1].y - box[last].y < 2 * box[last].size:
        last += 1
    left: list[Line] = []
    right: list[Line] = []
    for ln in box[:last + 1]:
        spans = ln.spans or []
        lparts = [sp for sp in spans if sp.x0 < col]
        rparts = [sp for sp in spans if sp.x0 >= col]
        if not spans:
            (right if ln.x0 >= col else left).append(ln)
            continue
        if lparts:
            left.append(_line_of(lparts, ln))
        if rparts:
            right.append(_line_of(rparts, ln))
    heading = lines[head]
    info = Line(text="ARTICLE INFO", x0=heading.x0, x1=heading.x1, y=heading.y, size=heading.size)
    out = lines[:head] + [info] + left
    if _ABSTRACT_WORD.search(heading.text):
        out.append(Line(text="Abstract", x0=col, x1=col + 40, y=heading.y, size=heading.size))
    return out + right + lines[head + 1 + last + 1:]


def _line_of(spans: list["Span"], like: "Line") -> "Line":
    from parsers.textlayer import Line
    return Line(text=joined_spans(spans), x0=spans[0].x0, x1=spans[-1].x1, y=like.y, size=like.size, spans=list(spans),
                invisible=like.invisible)


def joined_spans(spans: list["Span"]) -> str:
    """Spans' text joined by their gaps (a font change inside a word or before a comma: no space)."""
    text = spans[0].text.strip()
    for prev, sp in zip(spans, spans[1:]):
        text += ("" if sp.x0 - prev.x1 < 0.15 * sp.size else " ") + sp.text.strip()
    return text


def split_side_box(lines: list["Line"]) -> list["Line"]:
    """Lines in which a margin box's words (one type size) end with a visible gap before a
    column's words in another size start (\"Department of Pharmacology | liquid
    chromatography in …\") become two lines on the same baseline, the box's first. A size
    change with no gap (a symbol, an italic name, a raised mark) is one line's own."""
    from parsers.textlayer import Line
    out: list[Line] = []
    for ln in lines:
        cut = _box_cut(ln.spans) if len(ln.spans) > 1 else None
        if cut is None:
            out.append(ln)
            continue
        box, column = ln.spans[:cut], ln.spans[cut:]
        box_text = joined_spans(box)
        # (the column's words keep the line's own spacing where the text layer gave it)
        column_text = ln.text[len(box_text):].strip() if ln.text.startswith(box_text) else joined_spans(column)
        for part, text in ((box, box_text), (column, column_text)):
            out.append(Line(text=text, x0=part[0].x0, x1=max(sp.x1 for sp in part), y=ln.y,
                            size=max(sp.size for sp in part), spans=list(part), invisible=ln.invisible))
    return out


def _box_cut(spans: list["Span"]) -> int | None:
    """Where a line's spans change from one type size to another, once: the only place a
    box (all one size) can end and a column (all another size) begin."""
    sizes = [round(sp.size, 1) for sp in spans]
    i = next((k for k in range(1, len(sizes)) if sizes[k] != sizes[k - 1]), None)
    if i is None or any(s != sizes[i] for s in sizes[i + 1:]) or spans[i - 1].sup or spans[i].sup:
        return None
    gap = spans[i].x0 - spans[i - 1].x1
    # the box is in smaller type than the column (a label set larger before a wide gap,
    # "Abstract:  In the …" or 【关键词】  …, is the line's own)
    if sizes[i] - sizes[0] >= 1.0 and gap > 0.8 * spans[i].size and not _CJK.search("".join(sp.text for sp in spans[:i])):
        return i
    return None
