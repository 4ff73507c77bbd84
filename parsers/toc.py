"""Read a 目录 (table of contents) page into (title, authors, printed page) entries."""
from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.joining import join_lines
from parsers.names import COMMON_SURNAMES, COMPOUND_SURNAMES

_ENTRY = re.compile(
    r"^(?P<text>.*?)(?P<lead>[\s.·…．_—\-]{2,}|\s+|(?<=[\u4e00-\u9fff）)]))"
    r"[（(]?(?P<page>\d{1,4})[）)]?\s*$"
)
LEADER = re.compile(r"[.·…．_]{3,}|…{2}|[—\-]{3,}")  # (two ellipses are six dots)
_SECTION = re.compile(r"^[【\[〔]?[\u4e00-\u9fff]{2,8}[】\]〕]?$|^[·•・]\s*[\u4e00-\u9fff]{2,8}\s*[·•・]$")
# the 目次 page's own heading lines (GB/T 3179-2009: the 目次 repeats the journal, year, volume and
# issue: 中国X学 2011年第2期 / 第20卷 第2期 / Vol.20 No.2): no entry's title
_ISSUE_LINE = re.compile(r"(?:19|20)\d\d\s*年\s*(?:\d{1,2}\s*月)?\s*(?:第\s*\d{1,3}\s*卷\s*)?第?\s*\d{1,2}\s*期\s*$"
                         r"|^第\s*\d{1,3}\s*卷\s*第\s*\d{1,2}\s*期|\bVol\.?\s*\d+\s*,?\s*No\.?\s*\d+", re.I)
# an entry printed with its start page first (27　题名　作者), as some 目次 set it
_PAGE_FIRST = re.compile(r"^[（(]?(?P<page>\d{1,4})[）)]?[\s.·…]+(?P<text>[^\d\s].*)$")
TOC_HEAD = re.compile(
    r"^\s*(?:(?:本期|(?:19|20)\d\d\s*年\s*第\s*\d{1,2}\s*期)\s*)?(?:目\s*录|目\s*次)(?:\s+(?:table\s+of\s+)?contents)?\s*$"
    r"|^\s*(?:table\s+of\s+)?contents\s*$", re.I)
# a byline printed under its entry: initials ("J. Montgomery, M.D. Reid & B. Drake; …")
# or a series citation after a semicolon; a title line never looks like this
_BYLINE_UNDER = re.compile(r"^(?:[A-Z]\.\s?)+[A-Z]?[\w'’\-]*|^[^;；]{1,80}[;；]\s*\S")


# names as a 目录 prints them after a title: 陈静静 / 张  三  李  四 / 王五，赵六 / 欧阳明远 等
_NAME_SEP = re.compile(r"\s*[，、,;；]\s*|\s{2,}|\u3000+")


def _names_only(text: str) -> bool:
    """Is `text` a list of Chinese personal names (each 2–4 characters, or 2 padded to 3,
    opening with a known surname) and nothing else?"""
    text = re.sub(r"\s*等\s*$", "", text.strip())
    if not text or len(text) > 40 or not re.fullmatch(r"[\u4e00-\u9fff·•\s，、,;；]+", text):
        return False
    # a name padded to the width of three ("张  三"): rejoin single characters
    parts = [t for t in _NAME_SEP.split(text) if t]
    names: list[str] = []
    for t in parts:
        for word in t.split():
            if names and len(word) == 1 and len(names[-1]) == 1:
                names[-1] += word
            else:
                names.append(word)
    return bool(names) and all(
        2 <= len(n) <= 4 and (n[:2] in COMPOUND_SURNAMES or n[0] in COMMON_SURNAMES) for n in names)


def _title_and_names(text: str) -> tuple[str, str]:
    """Split 'title / authors', 'title   authors' or 'title》 authors' where the tail is a
    list of names."""
    text = re.sub(r"\s*[/／]\s*$", "", text)  # "孙七 / 90": the slash before the page
    for m in reversed(list(re.finditer(r"\s*[/／]\s*|\s{2,}|\u3000+|(?<=[\u4e00-\u9fff》”）)])\s(?=[\u4e00-\u9fff])", text))):
        head, tail = text[:m.start()].strip(), text[m.end():].strip()
        if head and _names_only(tail):
            return head, tail
    return text, ""


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
        if not line or TOC_HEAD.match(line) or (not pending and _ISSUE_LINE.search(line) and not _ENTRY.match(line)):
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
        parts = [p.strip() for p in LEADER.split(text) if p.strip()]
        if len(parts) >= 2:
            title, authors = parts[0], " ".join(parts[1:])
        elif parts and pending and _names_only(parts[0]):
            title, authors = "", parts[0]  # a title broken over lines, its authors on the last with the page
        elif parts:
            title, authors = _title_and_names(parts[0])
        else:
            title, authors = "", ""
        if pending:
            title = join_lines(pending + ([title] if title else []))
            pending = []
        if not title:
            continue
        entries.append(TocEntry(title=title, authors=authors, page=int(m.group("page"))))
        after_entry = True
    return entries or _page_first(lines)


def _page_first(lines: list[str]) -> list[TocEntry]:
    """Entries of a 目次 that prints each start page before its title (27　题名　作者): read
    only when no line carries its page at the end (a 目次 keeps one form), each names its
    authors (a journal's 目次 does; the numbered sections of one work's contents, 1 引言 /
    2 方法, do not), and two at least, their pages in order."""
    entries = []
    for raw in lines:
        m = _PAGE_FIRST.match(raw.strip())
        if not m or not re.search(r"[\u4e00-\u9fff]{2}", m.group("text")) or _ISSUE_LINE.search(raw):
            continue
        title, authors = _title_and_names(m.group("text").strip())
        if not authors:
            return []
        entries.append(TocEntry(title=title, authors=authors, page=int(m.group("page"))))
    pages = [e.page for e in entries]
    return entries if len(entries) >= 2 and pages == sorted(pages) else []


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
