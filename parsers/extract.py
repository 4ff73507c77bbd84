"""PDF -> `Issue`: text layer, page facts, split, per-article fields, issue-level checks.

The flow (flows/ingest.py) calls these same steps as tasks; the CLI calls them directly.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from parsers import identifiers
from parsers.article import extract_article
from parsers.checks import check_issue
from parsers.confidence import PageEvidence, assess_issue, url_lines
from parsers.masthead import dated_year, self_cited_year, front_text, head_text, journal_title_en, journal_title_zh, masthead_volume
from parsers.normalize import fullwidth_to_ascii
from parsers.english import EnglishEntry, parse_english_section
from parsers.pdfmeta import FileMeta, file_metadata, weigh
from parsers.provenance import add_provenance
from parsers.pages import (ARTICLE_LABELS, CLOSING, COLUMN_LABEL, REFERENCES_HEAD, PageInfo, copy_runs, shows_end, body_size, text_size, classify,
                           ended_above, head_band, heads_over_the_page, infer_printed, main_run_last, number_past_plates, page_doubts, page_part,
                           printed_from_article_numbers, printed_from_contents, printed_rows, recurring_heads, self_citations,
                           text_runs_on, with_own_notes)
from parsers.split import (Span, Split, merge_by_page_count, share_mid_page_starts, shared_first, split_issue, start_top,
                           trim_to_page_count)
from parsers.spreads import logical_outline, logical_pages, to_physical
from parsers.textlayer import Document, PageText, read_document
from parsers.toc import similar
from schemas.doi_pattern import assign_on_ingest
from schemas.model import Article, Issue, Journal, LangText, PageOcr, Source
from schemas.settings import JournalSettings

_YEAR_ISSUE = re.compile(r"(20\d\d|19\d\d)\s*年\s*第\s*(\d{1,2})\s*期")
# a running head or masthead "2017·2", "2010. 5", "2018.12": year and issue (not a date's
# year.month.day, not the year.issue inside a DOI "…/c.2018.02.002")
_YEAR_DOT_ISSUE = re.compile(r"(?<![\d./])((?:19|20)\d\d)\s*[·•・]\s*(\d{1,2})(?![\d.．])")
_YEAR_POINT_ISSUE = re.compile(r"(?<![\d./])((?:19|20)\d\d)[ \u3000]*[.．][ \u3000]*(\d{1,2})(?![\d.．])")  # in a running head only
_VOLUME = re.compile(r"第\s*(\d{1,3})\s*卷")
_ISSUE_ALONE = re.compile(r"(?<!总)(?<!总\s)第\s*(\d{1,2})\s*期|\b(?:[Nn][Oo]\.|Issue)\s*(\d{1,2})\b")
# 第37卷第6 at the end of a head whose 期 the page edge or an OCR layer lost
_ISSUE_AFTER_VOLUME = re.compile(r"卷\s*第\s*(\d{1,2})\s*$", re.M)
_YEAR_MONTH = re.compile(r"((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s*((?:19|20)\d\d)\b")
_YEAR_VOLUME = re.compile(r"((?:19|20)\d\d)\s*年\s*(?:第\s*\d{1,3}\s*卷|第\s*[\d一二三四五六七八九十]{1,3}\s*辑|增\s*刊)"
                          r"|((?:19|20)\d\d)\s*[,，]\s*Vol\.?\s*\d|Vol\.?\s*\d{1,4}\s*[,，]?\s*No\.?\s*\d{1,2}\s*[,，]\s*((?:19|20)\d\d)\b", re.I)
# a book series (辑刊) numbers its volumes 第七辑 / 第41辑 (总第二十辑 is the running count)
_SERIES = re.compile(r"(?<!总)(?<!总\s)第\s*([\d〇一二三四五六七八九十百]{1,4})\s*辑")
# a supplement prints 增刊 (增刊1, 增刊2) where the issue number would be
_SUPPLEMENT = re.compile(r"增\s*刊\s*(\d?)")
# a DOI that carries the journal's ISSN: 10.11959/j.issn.1000-436x.2022084, 10.7544/issn1000-1239.…
_DOI_LIKE = re.compile(r"10\.\d{4,9}/\S+")  # (a DOI printed on a start page, its ISSN read by identifiers.issn_from_doi)
_CN = re.compile(r"CN\s*(\d{2}\s*[-－]\s*\d{4}\s*/\s*[A-Z0-9]{1,3})")
_PUBLISHER = re.compile(r"(?:编辑出版|出版单位|出\s*版)\s*[:：]\s*([^\s，,；;]{2,40})")
_ISSN = re.compile(r"ISSN\s*[:：]?\s*(\d{4}\s*[-－]\s*\d{3}[\dXx])")


def analyse_pages(doc: Document) -> tuple[list[PageInfo], float]:
    size = body_size(doc.pages)
    band = head_band(doc.pages, size)
    recurring = recurring_heads(doc.pages, size)  # (running heads set larger than the text)
    infos = [classify(p, size, band, recurring) for p in doc.pages]
    heads_over_the_page(infos, size)
    infer_printed(infos)
    number_past_plates(infos)
    printed_from_article_numbers(infos)  # (no folio read: the 文章编号's first pages outrank page labels)
    printed_from_contents(infos)  # (no folio read at all: the 目录's start pages)
    return infos, size


def plan_split(doc: Document, infos: list[PageInfo], meta: FileMeta | None = None) -> Split:
    split = split_issue(infos, doc.outline)
    counts = _claimed_page_counts(split, infos)
    merge_by_page_count(split, infos, counts)
    share_mid_page_starts(split, infos, counts)
    merge_by_file_doi(split, infos, (meta or file_metadata(doc.info, doc.xmp)).doi)
    assign_repeated_copies(split, infos)
    return split


def assign_repeated_copies(split: Split, infos: list[PageInfo]) -> None:
    """A file bound from single-article downloads holds a page that run-on articles share
    once per download (`copy_runs`): m copies in a row of one printed page, where the article
    running on from the page before (if text stands above the page's first start) and each
    article starting on the page are, in reading order, m owners. Each download's copy is
    its own article's: copy j is the j-th owner's, so the earlier owners end on their copy
    and the last goes on from its copy. Where copies and owners do not pair up, the starts
    are left as read."""
    spans = split.spans
    for run in copy_runs(infos):
        if len(run) < 2:
            continue
        a, m = run[0].number, len(run)
        on_copy = {p.number: [s for s in spans if s.first == p.number] for p in run}
        starts = on_copy[a]
        if not starts or any(len(found) != len(starts) for found in on_copy.values()):
            continue
        before = [s for s in spans if s.first < a and s.last >= a - 1]
        running_on = bool(before) and start_top(starts[0], infos) is not None
        if len(starts) + running_on != m:
            continue
        chosen = []
        for i in range(len(starts)):
            j = i + running_on
            span = on_copy[a + j][i]
            if j < m - 1:
                span.last = a + j  # (another article starts lower on the printed page)
            chosen.append(span)
        if running_on:
            before[-1].last = a
        for span in chosen:
            if span.first > a:  # (the first copy repeats no page)
                p = span.first
                span.evidence.append(f"p.{p} repeats p.{p - 1} (single-article downloads bound into one file): "
                                     "each download's copy is its own article's")
                split.warnings.append(("repeated-page", f"p.{p} repeats p.{p - 1}: the file binds single-article "
                                       "downloads, and each article is read from its own"))
        drop = {id(s) for found in on_copy.values() for s in found} - {id(s) for s in chosen}
        spans[:] = [s for s in spans if id(s) not in drop]


def merge_by_file_doi(split: Split, infos: list[PageInfo], doi: str) -> None:
    """A file whose metadata names one DOI (Crossmark, PRISM or the information dictionary:
    publishers write the version of record of one article) that the first article prints is
    that one article: a later start that prints no DOI of its own (a supplement's title page,
    a boxed heading over names) is part of it. A later start printing another DOI is an
    article of its own, and the file an issue after all."""
    if not doi or len(split.spans) < 2:
        return
    key = doi.casefold()

    def dois_on(span: Span) -> set[str]:
        text = "\n".join(ln.text for p in infos[span.first - 1: min(span.first + 1, span.last)] for ln in p.body + p.heads)
        return {d.casefold() for d in re.findall(r"10\.\d{4,9}/\S+", text) for d in [identifiers.find_doi(d) or ""] if d}

    first = split.spans[0]
    if key not in dois_on(first):
        return
    kept = [first]
    for span in split.spans[1:]:
        own = dois_on(span) - {key}
        if own:
            kept.append(span)
            continue
        prev = kept[-1]
        prev.last = max(prev.last, span.last)
        prev.evidence.append(f"p.{span.first}'s start prints no DOI of its own, and the file's metadata names {doi}: "
                             "part of the same article")
    if len(kept) < len(split.spans):
        split.warnings.append(("merged-by-file-doi", f"{len(split.spans) - len(kept)} start(s) without a DOI of their own "
                               f"joined to the article whose DOI the file's metadata names ({doi})"))
        split.spans[:] = kept


def _claimed_page_counts(split: Split, infos: list[PageInfo]) -> dict[int, int]:
    """First page -> the page count its 文章编号 claims, for spans that print one."""
    counts = {}
    for span in split.spans:
        page = infos[span.first - 1]
        if "article_no" in page.labels and span.top is None:
            # (of a page where more articles start lower, the 文章编号 above the next one's)
            # (and of a page where it starts mid-page, not the one above it: the end of the
            # header of an article run on from the page before)
            end = page.later_starts[0].y if page.later_starts else float("inf")
            top = page.start_y if page.start_y is not None else float("-inf")
            ano = identifiers.parse_article_no("\n".join(ln.text for ln in page.body if top - 0.5 <= ln.y < end - 0.5))
            if ano is not None and ano.page_count.isdigit():
                counts[span.first] = int(ano.page_count)
    return counts


def cjk_number(text: str) -> int | None:
    """An arabic or Chinese numeral (七, 二十, 四十一, 一〇二) as an int."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    digits = {c: k for k, c in enumerate("〇一二三四五六七八九")}
    digits["零"] = 0
    if not text or any(c not in digits and c not in "十百" for c in text):
        return None
    if "十" not in text and "百" not in text:
        return int("".join(str(digits[c]) for c in text))
    total, current = 0, 0
    for c in text:
        if c in digits:
            current = digits[c]
        else:
            total += (current or 1) * (10 if c == "十" else 100)
            current = 0
    return total + current


def _start_page_text(infos: list[PageInfo]) -> str:
    """The first pages' text with spaces squeezed out (a DOI printed "10. 3969 /j. issn. …")."""
    return "\n".join(re.sub(r"[ \u3000]+", "", ln.text) for p in infos if p.kind == "start" for ln in p.body)


def _article_numbers(articles: list[Article], infos: list[PageInfo]) -> list[identifiers.ArticleNo]:
    """The 文章编号 of the articles, else those printed on their first pages."""
    anos = [identifiers.parse_article_no(a.article_no) for a in articles if a.article_no]
    anos = [a for a in anos if a is not None]
    if not anos:
        for p in infos:
            if p.kind == "start":
                ano = identifiers.parse_article_no("\n".join(ln.text for ln in p.body))
                if ano is not None:
                    anos.append(ano)
    return anos


def _ano_issue(issue: str) -> str:
    """An issue as a 文章编号 codes it: 02 -> 2; S0, S1, Z1 (a supplement) -> 增刊."""
    if issue.isdigit():
        return str(int(issue))
    return "增刊" if re.fullmatch(r"[SZ]\d?", issue, re.I) else issue


def _issue_in_text(text: str) -> str:
    """The issue number a masthead or running head prints: 第2期 / No.2, 第37卷第6, a series'
    第七辑, a supplement's 增刊."""
    found = Counter(str(int(a or b)) for a, b in _ISSUE_ALONE.findall(text) if int(a or b))
    found += Counter(str(int(a)) for a in _ISSUE_AFTER_VOLUME.findall(text) if int(a))
    if not found:
        found = Counter(str(n) for n in (cjk_number(a) for a in _SERIES.findall(text)) if n)
    if not found:
        found = Counter("增刊" + n for n in _SUPPLEMENT.findall(text))
    return found.most_common(1)[0][0] if found else ""


# a line that dates an event in the article's life (收稿日期 / Received / Revised / Accepted /
# 网络出版): its year is not the issue's, which a masthead dates with its month or volume
_EVENT_DATE = re.compile(r"收稿|修回|录用|接受日期|网络(?:首发|出版)|\b(?:received|revised|accepted|published|available\s+online)\b", re.I)


def _year_in_text(text: str) -> int | None:
    """The year printed with the month, volume, series number or 增刊: 2023年3月 / Mar., 2023 /
    2022年第32卷 / 2023年第四辑."""
    text = "\n".join(ln for ln in text.splitlines() if not _EVENT_DATE.search(ln))
    found = Counter(int(a or b) for a, b in _YEAR_MONTH.findall(text))
    found += Counter(int(a or b or c) for a, b, c in _YEAR_VOLUME.findall(text))
    return found.most_common(1)[0][0] if found else None


def _journal(infos: list[PageInfo], size: float, articles: list[Article], settings: JournalSettings
             ) -> tuple[Journal, int | None, str, str, str]:
    """Journal title/ISSN/CN and year/volume/issue from cover, running heads and 文章编号, and
    how the year was inferred ("copyright"/"published") when no masthead prints it."""
    text = front_text(infos, size)
    journal = Journal(
        title=LangText(zh=settings.title_zh, en=settings.title_en),
        issn=(identifiers.normalize_issn(settings.issn) or settings.issn) if settings.issn else "",
        cn=settings.cn, abbrev=settings.abbrev, publisher=settings.publisher,
    )
    anos = _article_numbers(articles, infos)
    year: int | None = None
    issue = volume = ""
    if anos:
        issn, _ = Counter(a.issn for a in anos).most_common(1)[0]
        journal.issn = journal.issn or identifiers.normalize_issn(issn, check=False) or issn
        y, _ = Counter(a.year for a in anos).most_common(1)[0]
        year = int(y)
        i, _ = Counter(a.issue for a in anos).most_common(1)[0]
        issue = _ano_issue(i)
        vols = [a.volume for a in anos if getattr(a, "volume", "")]
        volume = vols[0] if vols else ""
    m = _YEAR_ISSUE.search(text) or _YEAR_DOT_ISSUE.search(text) or _YEAR_POINT_ISSUE.search(head_text(infos, size))
    if m:
        year = year or int(m.group(1))
        issue = issue or str(int(m.group(2)))
    m = _VOLUME.search(text)
    if m and not volume:
        volume = m.group(1)
    if not issue:  # a masthead that prints the issue apart from the year: 第45卷 第2期 / Vol.45 No.2
        issue = _issue_in_text(text)
    if year is None:  # … and the year with its month, volume or series number
        year = _year_in_text(text)
    if year is None:  # an English masthead: "Korean J Radiol 2021;22(3):442-453"
        cited = masthead_volume(infos)
        if cited:
            year, volume, issue = cited[0], volume or cited[1], issue or cited[2]
    year_note = ""
    if year is None:  # … or the article's own citation line ("Cite this article: …")
        year = self_cited_year(infos)
    if year is None:  # no masthead dates the issue: the articles' copyright or publication year
        dated = dated_year(infos)
        if dated:
            year, year_note = dated
    m = _ISSN.search(text)
    if m and not journal.issn:
        journal.issn = identifiers.normalize_issn(m.group(1), check=False) or ""
    if not journal.issn:  # a DOI that carries the ISSN (10.11959/j.issn.1000-436x.2022084)
        dois = [a.doi for a in articles if a.doi] + _DOI_LIKE.findall(_start_page_text(infos))
        journal.issn = next(filter(None, map(identifiers.issn_from_doi, dois)), "")
    m = _PUBLISHER.search(text)
    if m and not journal.publisher:
        journal.publisher = m.group(1).strip()
    m = _CN.search(text)
    if m and not journal.cn:
        journal.cn = re.sub(r"\s", "", fullwidth_to_ascii(m.group(1)))
    if not journal.title.zh:
        journal.title.zh = journal_title_zh(infos)
    if not journal.title.en:
        journal.title.en = journal_title_en(infos)
    return journal, year, volume, issue, year_note


def attach_english(issue: Issue, entries: list[EnglishEntry]) -> None:
    """Match issue-end English entries to articles by printed first page; an entry that
    prints no page, by its authors' names (pinyin) or, failing that, its title."""
    by_fpage = {a.fpage: a for a in issue.articles if a.fpage}
    taken: set[str] = set()
    for entry in entries:
        if entry.page is not None:
            art = by_fpage.get(str(entry.page))
            if art is None:
                issue.warn("english-page-unmatched",
                           f"English abstract “{entry.title}” ({' '.join(entry.names)} / {entry.page}) points at p.{entry.page}, where no article starts")
                continue
        else:
            art = _article_for(entry, [a for a in issue.articles if a.id not in taken])
            if art is None:
                issue.warn("english-entry-unmatched",
                           f"English abstract “{entry.title}” ({', '.join(entry.names) or 'no names'}) matches no article by its authors or title")
                continue
        taken.add(art.id)
        if art.title.en and similar(art.title.en, entry.title) < 0.8:
            art.warn("english-title-mismatch", f"issue-end English title “{entry.title}” differs from “{art.title.en}”")
        art.title.en = art.title.en or entry.title
        art.abstract.en = art.abstract.en or entry.abstract
        art.keywords.en = art.keywords.en or entry.keywords
        if len(entry.names) == len(art.contributors):  # (the English byline mirrors the Chinese one, in order)
            for c, name in zip(art.contributors, entry.names):
                c.name.en = c.name.en or name
        else:  # ("ZHANG San, et al", a name left out): each author the entry name that is their pinyin
            for c in art.contributors:
                c.name.en = c.name.en or next((n for n in entry.names if _romanised(n) in _pinyin_keys(c.name_pinyin)), "")


def _romanised(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def _pinyin_keys(pinyin: str) -> set[str]:
    """A pinyin name romanised in both name orders: GB/T 28039 prints the surname first
    (ZHANG San), some English blocks the given name first (San ZHANG)."""
    sur, _, given = pinyin.strip().partition(" ")
    return {_romanised(sur + given), _romanised(given + sur)}


def _article_for(entry: EnglishEntry, articles: list[Article]) -> Article | None:
    """The one article whose authors' pinyin are the entry's names (in any order and case,
    either name order: CHEN Jingjing, Chen Jing-jing, Jingjing CHEN; failing that, a byline
    shortened with "et al" by its first authors), else the one whose English title matches."""
    names = [_romanised(n) for n in entry.names]
    for shortened in (False, True):  # (a full byline first, then one shortened to its first authors)
        found = [a for a in articles if names and a.contributors and _names_match(names, [c.name_pinyin for c in a.contributors], shortened)]
        if len(found) == 1:
            return found[0]
    found = [a for a in articles if a.title.en and entry.title and similar(a.title.en, entry.title) >= 0.9]
    return found[0] if len(found) == 1 else None


def _names_match(names: list[str], pinyins: list[str], shortened: bool) -> bool:
    """Are the romanised entry names the authors' pinyin (in any order; of a byline
    shortened with "et al", its first authors)?"""
    keys = [_pinyin_keys(p) for p in pinyins]
    if shortened:
        return len(names) < len(keys) and all(n in k for n, k in zip(names, keys))
    if len(names) != len(keys):
        return False
    left = list(keys)
    for n in names:
        hit = next((k for k in left if n in k), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


@dataclass
class Plan:
    """Page facts and the article split: the input of per-article extraction."""
    infos: list[PageInfo]
    size: float
    split: Split
    # a PDF drawn as reader spreads (parsers/spreads.py): its printed pages, which `infos`
    # describe, and for each the PDF page it is on and its x offset there; empty otherwise
    pages: list[PageText] = field(default_factory=list)
    halves: list[tuple[int, float]] = field(default_factory=list)
    # what the file's own metadata says (parsers.pdfmeta), read once for the split and the checks
    meta: FileMeta = field(default_factory=FileMeta)
    # the page numbers rest on folios read by OCR from margins the text layer left empty
    folios_by_ocr: bool = False


def plan_issue(doc: Document) -> Plan:
    pages, halves = logical_pages(doc.pages)
    if halves:  # (two printed pages on each PDF page: classified and split as printed pages)
        doc = replace(doc, pages=pages, outline=logical_outline(doc.outline, pages, halves))
    infos, size = analyse_pages(doc)
    meta = file_metadata(doc.info, doc.xmp)
    return Plan(infos, size, plan_split(doc, infos, meta), pages, halves, meta,
                folios_by_ocr=any(p.margin_ocr for p in doc.pages))


def _own_pages(plan: Plan, k: int) -> list[PageInfo]:
    """Article k's pages; of a page it shares with a neighbour, only its own part."""
    spans = plan.split.spans
    span = spans[k]
    pages = list(plan.infos[span.first - 1: span.last])
    # (the first article's page 1 may open with the tail of one this file does not hold)
    top = start_top(span, plan.infos)
    if top is not None and (shared_first(spans, k) or span.top is not None or (k == 0 and ended_above(pages[0]))):
        pages[0] = page_part(pages[0], below=top)
    if k + 1 < len(spans) and shared_first(spans, k + 1):
        nxt = start_top(spans[k + 1], plan.infos)
        if nxt is not None:
            pages[-1] = page_part(pages[-1], above=nxt)
    # (where several articles start on a page, each keeps its own first-page notes at its foot)
    for i in {0, len(pages) - 1}:
        page = plan.infos[span.first - 1 + i]
        if page.later_starts:
            ys = [s.y for s in page.later_starts]
            start = None if i else (0 if span.top is None else 1 + ys.index(span.top))
            pages[i] = with_own_notes(pages[i], page, start, plan.size)
    return pages


def _article_size(pages: list[PageInfo], file_size: float) -> float:
    """The article's own text size where it is set in other type than the file: an issue may
    set a section so (case reports and short communications in 小五 among 五号 articles), and
    an article read against another's size takes its text for notes. Only then: a short
    article's pages are mostly front matter and references, whose own vote is no measure, so
    the file's size stands wherever it carries a tenth of the article's characters."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.body:
            sizes[round(line.size * 2) / 2] += len(line.text)
    total = sum(sizes.values())
    if not total or sizes[file_size] * 10 >= total:
        return file_size
    return text_size([p.body for p in pages])


def extract_one(plan: Plan, k: int) -> Article:
    """Article k (0-based) of the plan, cross-checked against its 文章编号 page count."""
    span = plan.split.spans[k]
    aid = f"a{k + 1:02d}"
    # the type words of the 目录 entry and of a ·column· label over the title (·书评·, ·卷首语·)
    toc_title = " ".join([span.toc.title if span.toc else ""] + _column_labels(_own_pages(plan, k)[0])).strip()
    size = _article_size(_own_pages(plan, k), plan.size)
    art = extract_article(aid, _own_pages(plan, k), size, toc_title)
    ano = identifiers.parse_article_no(art.article_no) if art.article_no else None
    if ano is not None and ano.page_count and int(ano.page_count) != span.last - span.first + 1:
        before = span.last
        trim_to_page_count(span, int(ano.page_count), plan.infos)
        if span.last != before:
            art = extract_article(aid, _own_pages(plan, k), size, toc_title)
    run_last = main_run_last(_own_pages(plan, k))
    if run_last.number != span.last and run_last.printed is not None:
        art.lpage = str(run_last.printed)  # (a jump page after the run: no part of fpage–lpage)
    if ano is not None and (not art.fpage or all(p.from_article_no for p in _own_pages(plan, k))):
        _pages_from_article_no(art, ano, span.last - span.first + 1)
    if art.fpage == "1" and (number := _numbered_by_article(plan, k)) is not None:
        art.warn("article-pagination", f"pages numbered 1–{art.lpage or '?'} within the article, which the journal "
                 f"cites by an article number{' (' + number + ')' if number else ''}: no volume page range")
        art.fpage = art.lpage = ""
        art.elocation = number
    if _cut_off(plan, k, art):
        art.lpage = ""
        art.warn("cut-off", f"starts mid-page on p.{span.first}, the file's last article page, and shows no end "
                 "(no references, 收稿日期 or 编辑 line): its last printed page is unknown")
    for code, message in span.warnings:
        art.warn(code, message)
    return art


def _pages_from_article_no(art: Article, ano: identifiers.ArticleNo, span_pages: int) -> None:
    """An article whose pages print no folio the tool could read (a scan, a first page
    alone): its 文章编号 (CAJ-CD B/T 1-2006: ISSN(year)issue-first page-page count) names the
    printed first page, and with the page count the last."""
    if not ano.first_page.isdigit() or int(ano.first_page) <= 0:
        return
    first = int(ano.first_page)
    count = int(ano.page_count) if ano.page_count.isdigit() and int(ano.page_count) > 0 else span_pages
    art.fpage = str(first)
    art.lpage = art.lpage or str(first + count - 1)
    art.warn("pages-from-article-no", f"no folio read on its pages: p.{first}–{first + count - 1} from the 文章编号 "
             f"{art.article_no}")


# how a continuous-publication journal cites an article by its number, not its pages:
# "Article ID 5417249", "Page 3 of 12", "Scientific Reports | 7: 15867", "(2021) 11:6102",
# "Molecules 2016, 21, 182" (a page range after the colon or comma is no article number)
# (the number itself in the group of its form, `n1` to `n4`; "Page 3 of 12" names none)
_ARTICLE_NUMBER_CITED = re.compile(
    r"\bArticle\s+(?:ID|No\.?|number)?\s*[:#]?\s*(?P<n1>[A-Za-z]?\d{3,})\b|\bPage\s+\d{1,4}\s+of\s+\d{1,4}\b"
    r"|(?<![\d.(])\d{1,4}\s*:\s*(?P<n2>[A-Za-z]?\d{3,})\b(?!\s*[-–−:]|\.\d)"
    r"|\b(?:19|20)\d\d\s*,\s*\d{1,4}\s*,\s*(?P<n3>[A-Za-z]?\d{2,})\b(?!\s*[-–−])"
    # an e-number after the issue or the year in brackets: "PLoS ONE 9(12): e0115884",
    # "Heliyon 8 (2022) e08932" (a letter before it: a page range has none)
    r"|\d\s*\(\s*\d{1,4}\s*\)\s*[:,]?\s*(?P<n4>e\d{3,})\b(?!\s*[-–−])", re.I)


def _numbered_by_article(plan: Plan, k: int) -> str | None:
    """Does article k's journal number each article's pages from 1 and cite it by an article
    number (continuous publication)? Then its folios 1…N are no volume pages (JATS gives
    such an article an elocation-id, no fpage): the number it is cited by (the first form
    printed that names one; "" when only "Page 3 of 12" is), else None."""
    span = plan.split.spans[k]
    pages = plan.infos[span.first - 1: span.last]
    rows = [row for p in pages for row in printed_rows(p.heads)]
    first = pages[0].body
    rows += [ln.text for ln in first[:6] + first[-6:]]
    # (and the article's own citation, wherever the page sets it: "Cite this article: … Phil.
    # Trans. R. Soc. A 379: 20200097" in a side column)
    rows += [seg.replace("\n", " ") for seg in self_citations("\n".join(ln.text for ln in first))]
    return cited_article_number(rows)


def cited_article_number(rows: list[str]) -> str | None:
    """The article number the rows cite the article by (the first form that names one), ""
    when they only count its pages ("Page 3 of 12"), None when no row cites it by number."""
    found = [m for r in rows for m in _ARTICLE_NUMBER_CITED.finditer(r)]
    if not found:
        return None
    return next((n for m in found if (n := m["n1"] or m["n2"] or m["n3"] or m["n4"])), "")


def _column_labels(page: PageInfo) -> list[str]:
    """The column names printed between middle dots above an article's title (·书评·)."""
    top = page.title_lines[0].y if page.title_lines else float("inf")
    return [ln.text.strip() for ln in page.body if ln.y < top and COLUMN_LABEL.match(ln.text)]


_EDITOR_LINE = re.compile(r"(?:本文|责任)?编\s*辑\s*[:：]")  # (本文编辑/责任编辑: only ever closes an article)


def _cut_off(plan: Plan, k: int, art: Article) -> bool:
    """Is article k the run-on start at the foot of the file's last article page whose end
    this file does not hold (an excerpt cut at the page)? A run-on article that ends on
    that page closes with its references, 收稿日期 or an editor's line."""
    spans = plan.split.spans
    span = spans[k]
    if k + 1 != len(spans) or not shared_first(spans, k) or span.first != span.last:
        return False
    own = _own_pages(plan, k)
    if text_runs_on(own[-1], plan.size) and not any(REFERENCES_HEAD.match(ln.text.strip()) or _EDITOR_LINE.search(ln.text)
                                                    for ln in own[-1].body):
        return True  # (a 收稿日期 below text that runs on is a first-page note, not its end; an editor line is)
    if art.citations or art.received:
        return False
    return not any(CLOSING.match(ln.text) or REFERENCES_HEAD.match(ln.text.strip()) for p in _own_pages(plan, k) for ln in p.body)


def assemble_issue(doc: Document, plan: Plan, articles: list[Article], settings: JournalSettings | None = None) -> Issue:
    """Issue-level facts, the English section and the cross-checks."""
    settings = settings or JournalSettings()
    journal, year, volume, number, year_note = _journal(plan.infos, plan.size, articles, settings)
    issue = Issue(source=Source(file=doc.path.name, sha256=doc.sha256, pages=doc.page_count, pages_ocr=pages_ocr(doc)),
                  journal=journal, year=year, volume=volume, issue=number, articles=articles)
    if year_note:
        issue.warn("year-inferred", f"no masthead prints the year: {year} is the articles' "
                   + {"copyright": "copyright year", "published": "publication date's year"}.get(year_note, "acceptance date's year"))
    for code, message in plan.split.warnings:
        issue.warn(code, message)
    english_lines = [ln for n in plan.split.english_pages for ln in plan.infos[n - 1].body]
    if english_lines:
        attach_english(issue, parse_english_section(english_lines))
    check_issue(issue)
    taken = {n for span in plan.split.spans for n in range(span.first, span.last + 1)}
    untrusted = {p.number: p.distrust for p in plan.pages or doc.pages if p.distrust and p.ocr_confidence is None}
    evidence = [page_evidence(plan, a, taken, k, untrusted) for k, a in enumerate(articles)]
    meta = plan.meta
    if len(articles) == 1 and (meta.doi or meta.title or meta.keywords or meta.abstract):
        # (a one-article file's metadata describes that article; an issue's describes the issue)
        evidence[0].metadata = weigh(articles[0], meta, evidence[0].text)
    assess_issue(issue, evidence)
    assign_on_ingest(issue, settings.doi_pattern)  # printed DOIs marked; the others from doi_pattern
    add_provenance(articles, plan.pages or doc.pages)  # the page and box each field was printed in
    if plan.halves:
        to_physical(articles, plan.halves)  # (pdf_pages and provenance on the PDF's own spreads)
    return issue


def pages_ocr(doc: Document) -> list[PageOcr]:
    """The trust decision per page (parsers.textlayer `distrust`), as issue.json records it."""
    return [PageOcr(page=p.number, reason=p.distrust, ocr=p.ocr_confidence is not None,
                    confidence=None if p.ocr_confidence is None else round(p.ocr_confidence, 3))
            for p in doc.pages if p.distrust]


def weak_split(plan: Plan, k: int) -> str:
    """Why the cut between spans k-1 and k rests on type size alone, or "": no label of the
    front matter (GB/T 7713.2: 摘要, 关键词, codes, DOI, first-page notes) on the start page,
    neither the 目录 nor the bookmarks name it, it starts at the top of its page, and the page
    before shows no article's end (a reference list, a 收稿日期/责任编辑 closing). Large type
    alone is also what a heading, a pull quote or a table's title sets."""
    spans = plan.split.spans
    if not 0 < k < len(spans) or spans[k].sources - {"layout"} or spans[k - 1].last != spans[k].first - 1:
        return ""
    first = spans[k].first
    page, prev = plan.infos[first - 1], plan.infos[first - 2]
    if (page.kind != "start" or page.labels & ARTICLE_LABELS or page.part_type or page.start_y is not None
            or spans[k].top is not None or prev.kind not in ("content", "start")):
        return ""
    if any(shows_end(ln.text) for ln in prev.body) or prev.notice_y is not None:
        return ""
    title = "".join(ln.text.strip() for ln in page.title_lines)[:40]
    return (f"the article starting on p.{first} (“{title}”) is told from the one before only by its type size: "
            f"no front-matter label there and no end of an article on p.{first - 1}")


def page_evidence(plan: Plan, art: Article, taken: set[int], k: int | None = None,
                  untrusted: dict[int, str] | None = None) -> PageEvidence:
    """What the article's own pages showed: the labels on its first two pages and on its
    last (unless the next article starts there), and whether its folios were printed.
    `taken`: the PDF pages some article owns; `k`: the article's span, whose part of a page
    where several articles start is all it showed there (not the others' labels or notes);
    `untrusted`: page -> why its text layer is not trusted, for the pages OCR did not read."""
    first, last = art.pdf_pages
    own = plan.infos[first - 1: last]
    spans = plan.split.spans
    if (k is not None and k < len(spans) and (spans[k].first, spans[k].last) == (first, last)
            and (plan.infos[first - 1].later_starts or plan.infos[last - 1].later_starts)):
        own = _own_pages(plan, k)  # (a page where several articles start: only its part)
    if not own:
        return PageEvidence()
    shared_last = any(s.first == last and s.first != first for s in plan.split.spans)
    pages = own[:2] + ([own[-1]] if len(own) > 2 and not shared_last else [])
    labels = set().union(*(p.labels for p in pages))
    text = "\n".join(re.sub(r"\s+", "", ln.text) for p in pages for ln in p.body)
    lines = own[0].body
    # lines read by OCR here carry the engine's confidence: scored per field instead
    ocr_lines = [(re.sub(r"\s+", "", ln.text), ln.confidence) for p in pages for ln in p.body
                 if ln.confidence is not None]
    ocr = not ocr_lines and bool(lines) and sum(ln.invisible for ln in lines) * 2 > len(lines)
    after = 0
    for info in plan.infos[last:]:
        if info.number in taken or info.kind not in ("content", "start") or not info.body:
            break
        after += 1
    splits = (weak_split(plan, k), weak_split(plan, k + 1)) if k is not None else ("", "")
    # (the authors the 目录 entry matched to this article prints)
    toc = spans[k].toc if k is not None and k < len(spans) and spans[k].first == first else None
    return PageEvidence(labels=labels, fpage_seen=own[0].printed_seen, lpage_seen=own[-1].printed_seen, weak_split=splits,
                        toc_authors=toc.authors if toc else "",
                        text=text, ocr=ocr, pages_after=after, ocr_lines=ocr_lines, url_lines=url_lines(own),
                        folios_seen=sum(p.printed_seen for p in own),
                        folios_by_ocr=plan.folios_by_ocr,
                        page_doubts=page_doubts(own, art.fpage, art.lpage), untrusted=(untrusted or {}).get(first, ""))


def build_issue(doc: Document, settings: JournalSettings | None = None,
                progress: Callable[[int, int], None] | None = None,
                planned: Callable[[list[int]], None] | None = None) -> Issue:
    """planned: called with the articles' first PDF pages (1-based) as soon as the split is
    known, before their fields are read (the CLI starts rendering the report's page images)."""
    plan = plan_issue(doc)
    if planned:  # (in the PDF's own pages: a spread holds two printed pages)
        planned([plan.halves[span.first - 1][0] if plan.halves else span.first for span in plan.split.spans])
    articles = []
    for k in range(len(plan.split.spans)):
        articles.append(extract_one(plan, k))
        if progress:
            progress(k + 1, len(plan.split.spans))
    return assemble_issue(doc, plan, articles, settings)


def extract_issue(pdf_path: Path | str, settings: JournalSettings | None = None, *,
                  workers: int | None = None, progress: Callable[[int, int], None] | None = None) -> Issue:
    """The whole extraction for one issue PDF. Raises IngestError subclasses on bad input."""
    doc = read_document(Path(pdf_path), workers=workers, progress=progress)
    return build_issue(doc, settings)
