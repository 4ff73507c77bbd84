"""Read a 目录 (table of contents) page into (title, authors, printed page) entries."""
from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.joining import join_lines

_ENTRY = re.compile(
    r"^(?P<text>.*?)(?P<lead>[\s.·…．_—\-]{2,}|\s+|(?<=[\u4e00-\u9fff）)]))"
    r"[（(]?(?P<page>\d{1,4})[）)]?\s*$"
)
_LEADER = re.compile(r"[.·…．_]{3,}|[—\-]{3,}")
_SECTION = re.compile(r"^[【\[〔]?[\u4e00-\u9fff]{2,8}[】\]〕]?$")
TOC_HEAD = re.compile(r"^\s*(目\s*录|目\s*次|(?:table\s+of\s+)?contents)\s*$", re.I)
# a byline printed under its entry: initials ("J. Montgomery, M.D. Reid & B. Drake; …")
# or a series citation after a semicolon; a title line never looks like this
_BYLINE_UNDER = re.compile(r"^(?:[A-Z]\.\s?)+[A-Z]?[\w'’\-]*|^[^;；]{1,80}[;；]\s*\S")


@dataclass
class TocEntry:
    title: str
    authors: str
    page: int  # printed start page


def parse_toc(lines: list[str]) -> list[TocEntry]:
    """Entries in printed order; a title broken over lines is re-joined.

    Section headings (short lines without a page number, e.g. 【国际政治】) are skipped.
    """
    entries: list[TocEntry] = []
    pending: list[str] = []
    after_entry = False
    for raw in lines:
        line = raw.strip()
        if not line or TOC_HEAD.match(line):
            continue
        m = _ENTRY.match(line)
        if not m or m.group("page") == line:
            if after_entry and not entries[-1].authors and _BYLINE_UNDER.match(line):
                entries[-1].authors = line
                after_entry = False
                continue
            after_entry = False
            if _SECTION.match(line) and not pending:
                continue
            pending.append(line)
            continue
        text = m.group("text").strip()
        parts = [p.strip() for p in _LEADER.split(text) if p.strip()]
        if len(parts) >= 2:
            title, authors = parts[0], " ".join(parts[1:])
        elif parts:
            title, authors = parts[0], ""
        else:
            title, authors = "", ""
        if pending:
            title = join_lines(pending + [title])
            pending = []
        if not title:
            continue
        entries.append(TocEntry(title=title, authors=authors, page=int(m.group("page"))))
        after_entry = True
    return entries


def similar(a: str, b: str) -> float:
    """Share of the shorter string's characters found in order-insensitive overlap."""
    strip = re.compile(r"[\s\W_]+")
    a2, b2 = strip.sub("", a).lower(), strip.sub("", b).lower()
    if not a2 or not b2:
        return 0.0
    short, long_ = sorted((a2, b2), key=len)
    pool = list(long_)
    hit = 0
    for ch in short:
        if ch in pool:
            pool.remove(ch)
            hit += 1
    return hit / len(short)
