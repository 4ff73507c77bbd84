"""Decide where each article starts and ends, from several kinds of evidence.

Sources, cross-checked: the start-of-article layout (a title in large type), the 目录 page
(printed start pages, mapped to physical pages by the printed-page offset), outline
bookmarks, and, per article, the page count in 文章编号. Every decision keeps its evidence
so a warning can say why.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from parsers.labels import is_section_heading
from parsers.normalize import latin_share
from parsers.pages import ARTICLE_LABELS, PageInfo, label_ranges, printed_rows, prints_folio
from parsers.toc import LEADER, TocEntry, parse_toc, similar

if TYPE_CHECKING:  # pragma: no cover
    from parsers.textlayer import OutlineItem

# a numbered section heading as GB/T 7713.2 numbers them (1 / 2.1 / 一、/ （二）); an article
# title may open with a number too ("82例…"), but not with a number set off by a space or 、
_SECTION_NUMBERED = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?[\s\u3000]+\S|\d{1,2}(?:\.\d{1,2})+\S"
                               r"|[一二三四五六七八九十]{1,3}\s*[、．.]|[（(][一二三四五六七八九十]{1,3}[）)])")
NOT_ARTICLE = {"cover", "toc", "blank", "advert", "insert", "english", "online-first"}


@dataclass
class Span:
    first: int                 # physical, 1-based, inclusive
    last: int
    toc: TocEntry | None = None
    evidence: list[str] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)  # layout | toc | outline: what says it starts here
    warnings: list[tuple[str, str]] = field(default_factory=list)
    top: float | None = None   # y where it starts on its first page when it is a later start there (PageInfo.later_starts)


def start_top(span: Span, infos: list[PageInfo]) -> float | None:
    """Where on its first page the span's article starts: a later start's own y, else the
    page's mid-page start (None: the page's top)."""
    return span.top if span.top is not None else infos[span.first - 1].start_y


@dataclass
class Split:
    spans: list[Span]
    toc: list[TocEntry]
    english_pages: list[int]
    skipped: dict[int, str]    # physical page -> kind, for pages that belong to no article
    warnings: list[tuple[str, str]] = field(default_factory=list)


def _toc_entries(infos: list[PageInfo]) -> list[TocEntry]:
    entries: list[TocEntry] = []
    for info in infos:
        if info.kind == "toc":
            entries += parse_toc(printed_rows(info.body))
    return entries


def _physical_for(printed: int, infos: list[PageInfo]) -> int | None:
    for info in infos:
        if info.printed == printed:
            return info.number
    return None


def _mark_front_matter(infos: list[PageInfo]) -> None:
    """Pages before the 目录, or a sparse first page before the first article, are the cover."""
    toc_at = next((i for i, p in enumerate(infos) if p.kind == "toc"), None)
    if toc_at is not None:
        in_part = False  # a preface or labelled article before the 目录 stays a part
        for p in infos[:toc_at]:
            if p.kind == "start" and (p.part_type or p.labels & {"abstract_zh", "doi", "article_no", "clc"}):
                in_part = True
                continue
            if in_part and p.kind in ("content", "blank"):
                continue
            if p.kind in ("start", "content") and prints_folio(p):
                continue  # a page of the issue's text (an excerpt with the 目录 appended after it)
            in_part = False
            p.kind = "cover" if p.kind != "blank" else "blank"
            p.evidence.append("before the 目录 page")
        return
    first = infos[0] if infos else None
    if first and first.kind == "start" and not first.labels and not first.part_type and len(infos) > 1:
        chars = sum(len(ln.text) for ln in first.body)
        if chars < 250:
            first.kind = "cover"
            first.evidence.append("sparse first page with large type and no article labels")
    last = infos[-1] if len(infos) > 1 else None
    if last and last.kind == "start" and not last.labels & ARTICLE_LABELS and not last.part_type \
            and sum(len(ln.text) for ln in last.body) < 250:
        last.kind = "cover"
        last.evidence.append("sparse last page with large type and no article labels: the back cover")


def _unheaded_contents(page: PageInfo) -> bool:
    """A 目录 printed under the journal's name and date instead of a 目录 heading: most rows
    are entries, and they are set with leader dots (题名……作者 (页)), as a contents page is."""
    if sum(1 for ln in page.body if LEADER.search(ln.text)) < 5:
        return False  # (a page without five leader rows is no contents page: skip parsing it)
    rows = [r for r in printed_rows(page.body) if r.strip()]
    entries = parse_toc(rows)
    leaders = sum(1 for r in rows if LEADER.search(r))
    return len(entries) >= 5 and leaders >= 5 and len(entries) * 2 >= len(rows)


def _extend_toc(infos: list[PageInfo]) -> None:
    """A 目录 that runs over to the next page, printed there without its heading: a page
    right after a 目录 page whose rows are mostly entries (title … page) is 目录 too; so is
    a page of leader-dotted entries anywhere."""
    for page in infos:
        if page.kind in ("content", "start") and not page.labels & ARTICLE_LABELS and _unheaded_contents(page):
            page.kind = "toc"
            page.title_lines = []
            page.evidence.append("rows of 目录 entries with leader dots")
    for prev, page in zip(infos, infos[1:]):
        if prev.kind != "toc" or page.kind not in ("content", "start"):
            continue
        rows = [r for r in printed_rows(page.body) if r.strip()]
        entries = parse_toc(rows)
        if len(entries) >= 5 and len(entries) * 2 >= len(rows):
            page.kind = "toc"
            page.title_lines = []
            page.evidence.append(f"carries on the 目录 of the page before ({len(entries)} entries)")


def _extend_english_section(infos: list[PageInfo]) -> None:
    """Pages that carry on an issue-end English section (one long entry, or the end of one):
    English text with its Abstract or Key words labels right after a section page."""
    for prev, page in zip(infos, infos[1:]):
        if (prev.kind == "english" and page.kind in ("content", "start")
                and page.labels & {"abstract_en", "keywords_en"}
                and latin_share(" ".join(ln.text for ln in page.body)) > 0.8):
            page.kind = "english"
            page.title_lines = []
            page.evidence.append("carries on the English-abstracts section of the page before")


def article_level(outline: list["OutlineItem"]) -> list["OutlineItem"]:
    """The bookmarks that stand for articles: the shallowest level with two or more items
    on distinct pages spaced like articles (a median gap of 2+ pages), else none — an
    outline of one paper's sections (any item named like a section: Introduction,
    "2 Methods") must not split it."""
    for level in sorted({o.level for o in outline}):
        items = [o for o in outline if o.level == level]
        if any(is_section_heading(o.title) for o in items):
            return []
        if 2 * sum(1 for o in items if _SECTION_NUMBERED.match(o.title)) > len(items):
            return []  # "1 相关工作", "2.1 设计原则", "三、…": a paper's numbered sections
        pages = sorted({o.page for o in outline if o.level == level})
        if len(pages) < 2:
            continue
        gaps = sorted(b - a for a, b in zip(pages, pages[1:]))
        if gaps[len(gaps) // 2] >= 2:
            return [o for o in outline if o.level == level]
        return []
    return []


def _start_titled(entry: TocEntry, phys: int, starts: dict[int, Span], by_number: dict[int, PageInfo]) -> int | None:
    """A layout start near physical page `phys` (two pages either way) that prints `entry`'s
    title and that no other 目录 entry has claimed, when `phys` itself prints no title."""
    if by_number[phys].title_lines:
        return None
    near = [n for n in range(phys - 2, phys + 3) if n != phys and n in starts and starts[n].toc is None
            and similar(entry.title, "".join(ln.text for ln in by_number[n].title_lines)) >= 0.8]
    return near[0] if len(near) == 1 else None


def split_issue(infos: list[PageInfo], outline: list["OutlineItem"] | None = None) -> Split:
    """Article page ranges with evidence; pages that belong to no article are listed too."""
    outline = outline or []
    _extend_toc(infos)
    _mark_front_matter(infos)
    _extend_english_section(infos)
    by_number = {p.number: p for p in infos}
    toc = _toc_entries(infos)
    warnings: list[tuple[str, str]] = []

    starts: dict[int, Span] = {}
    later: dict[int, list[Span]] = {}  # page -> the spans of its later starts, in order
    for p in infos:
        if p.kind == "start":
            starts[p.number] = Span(p.number, p.number, evidence=[f"p.{p.number}: " + "; ".join(p.evidence)],
                                    sources={"layout"})
            later[p.number] = [Span(p.number, p.number, top=s.y, sources={"layout"}, evidence=[
                f"p.{p.number}: “{''.join(ln.text.strip() for ln in s.title_lines)}” starts at y {s.y:.0f}, "
                "below the end of the article above it"]) for s in p.later_starts]

    # the 目录: each entry's printed page, mapped to a physical page
    for entry in toc:
        phys = _physical_for(entry.page, infos)
        if phys is None:
            warnings.append(("toc-page-missing", f"目录 lists “{entry.title}” at p.{entry.page}, a page this PDF does not have"))
            continue
        page = by_number[phys]
        if page.kind in NOT_ARTICLE:
            warnings.append(("toc-page-not-article", f"目录 lists “{entry.title}” at p.{entry.page} but that page is {page.kind}"))
            continue
        span = starts.get(phys)
        if span is not None and later.get(phys):  # (several articles start there: the entry's is the title it names)
            titles = ["".join(ln.text for ln in page.title_lines)] + [
                "".join(ln.text for ln in s.title_lines) for s in page.later_starts]
            best = max(range(len(titles)), key=lambda i: (similar(entry.title, titles[i]) if titles[i] else 0.0, -i))
            if best:
                there = later[phys][best - 1]
                there.evidence.append(f"目录 agrees: “{entry.title}” at p.{entry.page}")
                there.toc = entry
                there.sources.add("toc")
                continue
        if span is None and (near := _start_titled(entry, phys, starts, by_number)) is not None:
            # (the page numbers put the entry on a page with no title, a neighbour prints it:
            # the numbering is off there (a plate bound in before any folio is read), not the 目录)
            span = starts[near]
            span.evidence.append(f"目录 lists “{entry.title}” at p.{entry.page}, which the page numbers put at "
                                 f"physical {phys}; its title is on p.{near}")
            span.warnings.append(("toc-page-offset", f"目录 lists “{entry.title}” at p.{entry.page}, but the page "
                                                     f"numbers read put p.{entry.page} at physical page {phys}, not {near}"))
        elif span is None:
            span = starts[phys] = Span(phys, phys)
            page.kind = "start"
            span.evidence.append(f"目录 lists “{entry.title}” at printed p.{entry.page} (physical {phys}); no large-type title seen")
        else:
            title = "".join(ln.text for ln in page.title_lines)
            if title and latin_share(entry.title) > 0.8 and latin_share(title) < 0.5:
                # a bilingual issue's English CONTENTS: the entry translates the title
                span.evidence.append(f"English contents list “{entry.title}” at p.{entry.page}")
                span.sources.add("toc")
                span.toc = span.toc or entry
                continue
            score = similar(entry.title, title) if title else 0.0
            span.evidence.append(f"目录 agrees: “{entry.title}” at p.{entry.page} (title match {score:.0%})")
            if title and score < 0.6:
                span.warnings.append(("toc-title-mismatch", f"目录 title “{entry.title}” differs from the page title “{title}”"))
        span.toc = entry
        span.sources.add("toc")

    # outline bookmarks: a start page the layout missed is still a start
    for item in article_level(outline):
        page = by_number.get(item.page)
        if page is None or page.kind in NOT_ARTICLE:
            continue
        if item.page not in starts:
            starts[item.page] = Span(item.page, item.page, evidence=[f"outline bookmark “{item.title}”"])
            page.kind = "start"
        else:
            starts[item.page].evidence.append(f"outline bookmark “{item.title}” agrees")
        starts[item.page].sources.add("outline")

    if toc:
        listed = {(_physical_for(e.page, infos)) for e in toc}
        for phys, span in starts.items():
            if phys not in listed and span.toc is None and by_number[phys].kind == "start" and not by_number[phys].labels:
                span.warnings.append(("toc-missing-entry", f"p.{phys} starts like an article but the 目录 does not list it"))

    # a document with no start at all is one article (minus front matter)
    if not starts:
        content = [p.number for p in infos if p.kind not in NOT_ARTICLE]
        if content:
            starts[content[0]] = Span(content[0], content[0], evidence=["no article start found: the whole document is one article"])
            warnings.append(("no-article-start", "no start-of-article layout found; treated the document as one article"))

    ordered = [s for first in sorted(starts) for s in [starts[first]] + later.get(first, [])]
    ranges = label_ranges(infos)
    spans: list[Span] = []
    for i, span in enumerate(ordered):
        first = span.first
        if i + 1 < len(ordered) and ordered[i + 1].first == first:
            spans.append(span)  # (another article starts lower on this page: this one ends there)
            continue
        limit = (ordered[i + 1].first - 1) if i + 1 < len(ordered) else len(infos)
        last = first
        for n in range(first + 1, limit + 1):
            if by_number[n].kind in NOT_ARTICLE:
                break
            last = n
        span.last = last
        _extend_to_label_range(span, limit, ranges)
        spans.append(span)

    in_article = {n for s in spans for n in range(s.first, s.last + 1)}
    skipped = {p.number: p.kind for p in infos if p.number not in in_article}
    english = [p.number for p in infos if p.kind == "english"]
    return Split(spans=spans, toc=toc, english_pages=english, skipped=skipped, warnings=warnings)


def share_mid_page_starts(split: Split, infos: list[PageInfo], counts: dict[int, int]) -> None:
    """An article that starts below the end of the one before it shares that page: the earlier
    article's last page is the later one's first (the printed ranges overlap: 43–54, 54–62).
    Unless the earlier article's 文章编号 (`counts`: first page -> page count) ends on the
    page before: then the text above the later title is not its end (an editor's note, a
    column's introduction)."""
    for prev, span in zip(split.spans, split.spans[1:]):
        if start_top(span, infos) is None or prev.last != span.first - 1:
            continue
        count = counts.get(prev.first, 0) if prev.top is None else 0  # (a later start's is not the page's first 文章编号)
        if count and prev.first + count - 1 == prev.last:
            prev.evidence.append(f"文章编号 page count {count} ends on p.{prev.last}: p.{span.first} is not shared")
            continue
        prev.last = span.first
        prev.evidence.append(f"ends on p.{span.first}, above the start of the next article")


def shared_first(spans: list[Span], k: int) -> bool:
    """Does span k start on the page where span k-1 ends?"""
    return k > 0 and spans[k - 1].last == spans[k].first


def _extend_to_label_range(span: Span, limit: int, ranges: list[tuple[int, int]]) -> None:
    """A part that opens a page-label range which closes before the next part owns the whole
    range (a preface numbered i–vi with its contents page and blank versos)."""
    for first, last in ranges:
        if first == span.first and span.last < last <= limit and last > first:
            span.evidence.append(f"page labels number p.{first}–{last} as one part")
            span.last = last
            return


def merge_by_page_count(split: Split, infos: list[PageInfo], counts: dict[int, int]) -> None:
    """Cross-check with 文章编号 before extraction: a start that only large type suggested
    (no labels, not in the 目录 or outline) inside the pages an article's 文章编号 claims
    (`counts`: first page -> page count) is that article's page (a display formula, a
    figure caption), not an article of its own."""
    by_number = {p.number: p for p in infos}
    spans = split.spans
    k = 0
    while k < len(spans):
        span, count = spans[k], (counts.get(spans[k].first, 0) if spans[k].top is None else 0)
        end = span.first + count - 1
        while count and k + 1 < len(spans) and spans[k + 1].first <= end:
            nxt = spans[k + 1]
            page = by_number[nxt.first]
            if nxt.sources != {"layout"} or page.labels & ARTICLE_LABELS or page.part_type:
                break
            if nxt.first == end and page.start_y is not None:
                break  # the count ends on the page it starts mid-way: that is an article, shared
            span.evidence.append(f"文章编号 page count {count} covers p.{nxt.first}; its large type is not a new article")
            span.last = max(span.last, min(nxt.last, end)) if nxt.last <= end else nxt.last
            page.kind = "content"
            del spans[k + 1]
        k += 1
    covered = {n for s in spans for n in range(s.first, s.last + 1)}
    split.skipped = {n: kind for n, kind in split.skipped.items() if n not in covered}


def trim_to_page_count(span: Span, page_count: int, infos: list[PageInfo]) -> None:
    """Cross-check with 文章编号's page count: drop trailing pages beyond it (adverts, fillers)."""
    have = span.last - span.first + 1
    if page_count == have or page_count <= 0:
        if page_count:
            span.evidence.append(f"文章编号 page count {page_count} agrees")
        return
    if page_count < have:
        extra = range(span.first + page_count, span.last + 1)
        span.evidence.append(f"文章编号 says {page_count} pages; p.{extra[0]}–{extra[-1]} left out")
        for n in extra:
            infos[n - 1].kind = "advert" if infos[n - 1].kind != "blank" else "blank"
        span.last = span.first + page_count - 1
    # a longer article is reported by the 文章编号 check (parsers.checks), not here
