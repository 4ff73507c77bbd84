"""PDF -> `Issue`: text layer, page facts, split, per-article fields, issue-level checks.

The flow (flows/ingest.py) calls these same steps as tasks; the CLI calls them directly.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from parsers import identifiers
from parsers.article import extract_article
from parsers.checks import check_issue
from parsers.masthead import front_text, journal_title_en, journal_title_zh, masthead_volume
from parsers.normalize import fullwidth_to_ascii
from parsers.english import EnglishEntry, parse_english_section
from parsers.pages import PageInfo, body_size, classify, infer_printed, page_part
from parsers.split import Split, merge_by_page_count, share_mid_page_starts, shared_first, split_issue, trim_to_page_count
from parsers.textlayer import Document, read_document
from parsers.toc import similar
from schemas.model import Article, Issue, Journal, LangText, Source
from schemas.settings import JournalSettings

_YEAR_ISSUE = re.compile(r"(20\d\d|19\d\d)\s*年\s*第\s*(\d{1,2})\s*期")
_YEAR_DOT_ISSUE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[·•・]\s*(\d{1,2})(?!\d)")  # masthead "2017·2"
_VOLUME = re.compile(r"第\s*(\d{1,3})\s*卷")
_ISSUE_ALONE = re.compile(r"(?<!总)(?<!总\s)第\s*(\d{1,2})\s*期|\bNo\.\s*(\d{1,2})\b")
_YEAR_MONTH = re.compile(r"((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s*((?:19|20)\d\d)\b")
_CN = re.compile(r"CN\s*(\d{2}\s*[-－]\s*\d{4}\s*/\s*[A-Z0-9]{1,3})")
_PUBLISHER = re.compile(r"(?:编辑出版|出版单位|出\s*版)\s*[:：]\s*([^\s，,；;]{2,40})")
_ISSN = re.compile(r"ISSN\s*[:：]?\s*(\d{4}\s*[-－]\s*\d{3}[\dXx])")


def analyse_pages(doc: Document) -> tuple[list[PageInfo], float]:
    size = body_size(doc.pages)
    infos = [classify(p, size) for p in doc.pages]
    infer_printed(infos)
    return infos, size


def plan_split(doc: Document, infos: list[PageInfo]) -> Split:
    split = split_issue(infos, doc.outline)
    counts = _claimed_page_counts(split, infos)
    merge_by_page_count(split, infos, counts)
    share_mid_page_starts(split, infos, counts)
    return split


def _claimed_page_counts(split: Split, infos: list[PageInfo]) -> dict[int, int]:
    """First page -> the page count its 文章编号 claims, for spans that print one."""
    counts = {}
    for span in split.spans:
        page = infos[span.first - 1]
        if "article_no" in page.labels:
            ano = identifiers.parse_article_no("\n".join(ln.text for ln in page.body))
            if ano is not None and ano.page_count.isdigit():
                counts[span.first] = int(ano.page_count)
    return counts


def _journal(infos: list[PageInfo], size: float, articles: list[Article], settings: JournalSettings) -> tuple[Journal, int | None, str, str]:
    """Journal title/ISSN/CN and year/volume/issue from cover, running heads and 文章编号."""
    text = front_text(infos, size)
    journal = Journal(
        title=LangText(zh=settings.title_zh, en=settings.title_en),
        issn=(identifiers.normalize_issn(settings.issn) or settings.issn) if settings.issn else "",
        cn=settings.cn, abbrev=settings.abbrev, publisher=settings.publisher,
    )
    anos = [identifiers.parse_article_no(a.article_no) for a in articles if a.article_no]
    anos = [a for a in anos if a is not None]
    year: int | None = None
    issue = volume = ""
    if anos:
        issn, _ = Counter(a.issn for a in anos).most_common(1)[0]
        journal.issn = journal.issn or issn
        y, _ = Counter(a.year for a in anos).most_common(1)[0]
        year = int(y)
        i, _ = Counter(a.issue for a in anos).most_common(1)[0]
        issue = str(int(i))
        vols = [a.volume for a in anos if getattr(a, "volume", "")]
        volume = vols[0] if vols else ""
    m = _YEAR_ISSUE.search(text) or _YEAR_DOT_ISSUE.search(text)
    if m:
        year = year or int(m.group(1))
        issue = issue or str(int(m.group(2)))
    m = _VOLUME.search(text)
    if m and not volume:
        volume = m.group(1)
    if not issue:  # a masthead that prints the issue apart from the year: 第45卷 第2期 / Vol.45 No.2
        found = Counter(str(int(a or b)) for a, b in _ISSUE_ALONE.findall(text))
        issue = found.most_common(1)[0][0] if found else ""
    if year is None:  # … and the year with its month: 2023年3月 / Mar., 2023
        found = Counter(int(a or b) for a, b in _YEAR_MONTH.findall(text))
        year = found.most_common(1)[0][0] if found else None
    if year is None:  # an English masthead: "Korean J Radiol 2021;22(3):442-453"
        cited = masthead_volume(infos)
        if cited:
            year, volume, issue = cited[0], volume or cited[1], issue or cited[2]
    m = _ISSN.search(text)
    if m and not journal.issn:
        journal.issn = identifiers.normalize_issn(m.group(1), check=False) or ""
    if not journal.issn:  # a CNKI-style DOI names the ISSN: 10.3969/j.issn.1005-3220.2022.z1.001
        named = Counter(filter(None, (identifiers.issn_from_doi(a.doi) for a in articles if a.doi)))
        journal.issn = named.most_common(1)[0][0] if named else ""
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
    return journal, year, volume, issue


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
        if len(entry.names) == len(art.contributors):
            for c, name in zip(art.contributors, entry.names):
                c.name.en = c.name.en or name


def _romanised(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def _article_for(entry: EnglishEntry, articles: list[Article]) -> Article | None:
    """The one article whose authors' pinyin are the entry's names (in any order and case:
    CHEN Jingjing, Chen Jing-jing), else the one whose English title matches."""
    names = sorted(_romanised(n) for n in entry.names)
    if names:
        found = [a for a in articles if a.contributors and sorted(
            _romanised(c.name_pinyin) for c in a.contributors) == names]
        if len(found) == 1:
            return found[0]
    found = [a for a in articles if a.title.en and entry.title and similar(a.title.en, entry.title) >= 0.9]
    return found[0] if len(found) == 1 else None


@dataclass
class Plan:
    """Page facts and the article split: the input of per-article extraction."""
    infos: list[PageInfo]
    size: float
    split: Split


def plan_issue(doc: Document) -> Plan:
    infos, size = analyse_pages(doc)
    return Plan(infos, size, plan_split(doc, infos))


def _own_pages(plan: Plan, k: int) -> list[PageInfo]:
    """Article k's pages; of a page it shares with a neighbour, only its own part."""
    spans = plan.split.spans
    span = spans[k]
    pages = list(plan.infos[span.first - 1: span.last])
    if shared_first(spans, k) and pages[0].start_y is not None:
        pages[0] = page_part(pages[0], below=pages[0].start_y)
    if k + 1 < len(spans) and shared_first(spans, k + 1):
        nxt = plan.infos[spans[k + 1].first - 1]
        if nxt.start_y is not None:
            pages[-1] = page_part(pages[-1], above=nxt.start_y)
    return pages


def extract_one(plan: Plan, k: int) -> Article:
    """Article k (0-based) of the plan, cross-checked against its 文章编号 page count."""
    span = plan.split.spans[k]
    aid = f"a{k + 1:02d}"
    toc_title = span.toc.title if span.toc else ""
    art = extract_article(aid, _own_pages(plan, k), plan.size, toc_title)
    ano = identifiers.parse_article_no(art.article_no) if art.article_no else None
    if ano is not None and ano.page_count and int(ano.page_count) != span.last - span.first + 1:
        before = span.last
        trim_to_page_count(span, int(ano.page_count), plan.infos)
        if span.last != before:
            art = extract_article(aid, _own_pages(plan, k), plan.size, toc_title)
    for code, message in span.warnings:
        art.warn(code, message)
    return art


def assemble_issue(doc: Document, plan: Plan, articles: list[Article], settings: JournalSettings | None = None) -> Issue:
    """Issue-level facts, the English section and the cross-checks."""
    settings = settings or JournalSettings()
    journal, year, volume, number = _journal(plan.infos, plan.size, articles, settings)
    issue = Issue(source=Source(file=doc.path.name, sha256=doc.sha256, pages=doc.page_count),
                  journal=journal, year=year, volume=volume, issue=number, articles=articles)
    for code, message in plan.split.warnings:
        issue.warn(code, message)
    english_lines = [ln for n in plan.split.english_pages for ln in plan.infos[n - 1].body]
    if english_lines:
        attach_english(issue, parse_english_section(english_lines))
    check_issue(issue)
    return issue


def build_issue(doc: Document, settings: JournalSettings | None = None,
                progress: Callable[[int, int], None] | None = None) -> Issue:
    plan = plan_issue(doc)
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
