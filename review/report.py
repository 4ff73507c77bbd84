"""Gather what the review page shows, from the files an ingest leaves in the issue folder.

Only `issue.json` is required (a bad one is an `IngestError`, as everywhere). Everything else
is optional and degrades to a visible note instead of an exception: no `links.json` means
"links not checked", no ledger means "not deposited", an unreadable article PDF gives a
placeholder image and a `page-image` warning on that article. An editor gets a page for
every issue that has a record.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from checks.verdicts import DEAD, DEAD_PENDING
from schemas.model import UNCERTAIN_FIELD as UNCERTAIN, Article, Citation, Issue, Warning
from schemas.record import read_record, write_atomic

from review.render import DEFAULT_WIDTH, PageImage, first_page_image, pages_of_issue

REPORT_NAME = "report.html"
NOT_CHECKED = "not checked"  # a cited URL that links.json does not list
NOT_DEPOSITED = "not deposited"
NO_DOI = "no DOI"
PAGE_IMAGE = "page-image"  # warning code for a first page that could not be rendered


@dataclass
class LinkView:
    """One cited URL with its verdict from links.json (or NOT_CHECKED)."""

    url: str
    verdict: str = NOT_CHECKED
    detail: str = ""  # the evidence in words: status, error, note, where it redirects
    archive_url: str = ""
    archive_note: str = ""  # e.g. "12 days from the access date"


@dataclass
class CitationView:
    citation: Citation
    links: list[LinkView] = field(default_factory=list)


@dataclass
class DepositView:
    """A DOI's state on one Crossref endpoint, or NOT_DEPOSITED / NO_DOI."""

    state: str
    endpoint: str = ""
    updated_at: str = ""
    message: str = ""


@dataclass
class ArticleView:
    article: Article
    pdf: Path
    image: PageImage
    citations: list[CitationView] = field(default_factory=list)
    deposit: list[DepositView] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)  # the record's plus the report's own
    flagged: set[str] = field(default_factory=set)  # field paths a warning points at ("doi", "title.en")
    uncertain: list[Warning] = field(default_factory=list)  # `uncertain-field`: what to check, and why


@dataclass
class LinksInfo:
    """links.json's summary; `present` False when the issue's links were not checked."""

    present: bool = False
    checked_at: str = ""
    offline: bool = False
    notice: str = ""
    summary: dict[str, int] = field(default_factory=dict)
    archived: int = 0
    problem: str = ""  # links.json exists but could not be read


@dataclass
class DepositInfo:
    ledger: str = ""  # the ledger path looked at
    present: bool = False
    counts: dict[str, int] = field(default_factory=dict)  # "endpoint state" -> DOIs
    last_submission: str = ""  # one line on the newest submission of this issue
    problem: str = ""


@dataclass
class ReviewData:
    issue: Issue
    issue_id: str
    articles: list[ArticleView]
    links: LinksInfo
    deposit: DepositInfo
    generated_at: str
    notes: list[str] = field(default_factory=list)  # unreadable links.json or ledger

    @property
    def problems(self) -> list[str]:
        """Everything the page could not show, one line each (the CLI prints these)."""
        return self.notes + [f"{v.article.id}: first page not shown: {v.image.problem}"
                             for v in self.articles if v.image.problem]

    @property
    def citation_count(self) -> int:
        return sum(len(a.article.citations) for a in self.articles)

    @property
    def url_count(self) -> int:
        return len({u for a in self.articles for c in a.article.citations for u in c.urls})

    @property
    def warning_count(self) -> int:
        return len(_problems(self.issue.warnings)) + sum(len(a.warnings) for a in self.articles)

    @property
    def uncertain_count(self) -> int:
        return len(_uncertain(self.issue.warnings)) + sum(len(a.uncertain) for a in self.articles)


# Which field a warning code is about, so the page can mark the value itself.
_CODE_FIELDS = {
    "doi-syntax": "doi", "doi-prefix": "doi", "clc-syntax": "clc", "doc-code": "doc_code",
    "english-title-mismatch": "title.en", "toc-title-mismatch": "title.zh",
    "toc-page-missing": "fpage", "toc-page-not-article": "fpage",
}


# the record's field paths -> the report row that shows them
_ROWS = {"lpage": "fpage", "pdf_pages": "fpage", "citations.urls": "citations"}


def _uncertain(warnings: list[Warning]) -> list[Warning]:
    return [w for w in warnings if w.code == UNCERTAIN]


def _problems(warnings: list[Warning]) -> list[Warning]:
    return [w for w in warnings if w.code != UNCERTAIN]


def flagged_fields(warnings: list[Warning]) -> set[str]:
    """Report rows the warnings point at; `missing-field` and `uncertain-field` messages start
    with the field path."""
    out = set()
    for w in warnings:
        if w.code == "missing-field" and w.message:
            out.add(w.message.split()[0])
        elif w.code == UNCERTAIN and w.message:
            path = w.message.split(":", 1)[0]
            out.add("contributors" if path.startswith("contributors.") else _ROWS.get(path, path))
        elif w.code.startswith("article-no-"):
            out.add("article_no")
        elif w.code in _CODE_FIELDS:
            out.add(_CODE_FIELDS[w.code])
    return out


# ---- links.json ---------------------------------------------------------------------------


def _read_links(path: Path) -> tuple[LinksInfo, list[dict[str, Any]]]:
    if not path.exists():
        return LinksInfo(), []
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(doc, dict) or not isinstance(doc.get("links", []), list):
            raise ValueError("not a links report (no 'links' list)")
    except (OSError, ValueError, RecursionError) as exc:  # RecursionError: an edited file nested too deep
        return LinksInfo(problem=f"{path}: unreadable, link verdicts not shown ({str(exc)[:200]})"), []
    info = LinksInfo(
        present=True,
        checked_at=str(doc.get("checked_at") or ""),
        offline=bool(doc.get("offline")),
        notice=str(doc.get("notice") or ""),
        summary={str(k): int(v) for k, v in (doc.get("summary") or {}).items() if isinstance(v, int)},
        archived=int(doc.get("archived") or 0),
    )
    return info, [r for r in doc.get("links", []) if isinstance(r, dict) and r.get("url")]


def _link_view(url: str, result: dict[str, Any] | None) -> LinkView:
    if result is None:
        return LinkView(url)
    detail = str(result.get("error") or result.get("note") or "")
    if not detail and result.get("http_status"):
        detail = f"HTTP {result['http_status']}"
    if result.get("final_url") and result.get("final_url") != url:
        detail = f"now at {result['final_url']}" + (" (another host)" if result.get("left_host") else "")
    if result.get("first_failed_at") and result.get("verdict") in (DEAD_PENDING, DEAD):
        detail += f" (failing since {result['first_failed_at']})"
    archive = result.get("archive") or {}
    note = ""
    if archive.get("url"):
        days = archive.get("distance_days")
        note = f"{days} days from the access date" if isinstance(days, int) else str(archive.get("timestamp") or "")
    return LinkView(url, str(result.get("verdict") or NOT_CHECKED), detail.strip(),
                    str(archive.get("url") or ""), note)


def _citation_views(article: Article, results: list[dict[str, Any]]) -> list[CitationView]:
    by_url = {r["url"]: r for r in results}
    views = []
    for cit in article.citations:
        views.append(CitationView(cit, [_link_view(u, by_url.get(u)) for u in cit.urls]))
    return views


# ---- deposit ledger -----------------------------------------------------------------------


def _ledger_path(issue_dir: Path, ledger: str | Path | None) -> Path:
    from deposit.settings import load_deposit_settings

    return load_deposit_settings().ledger_path(issue_dir, ledger)


def _read_deposits(path: Path, issue_id: str, articles: list[Article]) -> tuple[DepositInfo, dict[str, list[DepositView]]]:
    """DOI states per article id from the ledger at `path`; never creates a ledger."""
    info = DepositInfo(ledger=str(path))
    per_article: dict[str, list[DepositView]] = {}
    rows: dict[str, list[DepositView]] = {}
    if path.is_file():
        try:
            rows, info = _query_ledger(path, issue_id, articles, info)
        except sqlite3.Error as exc:
            info.problem = f"{path}: deposit ledger unreadable, deposit states not shown ({exc})"
    for art in articles:
        if not art.doi:
            per_article[art.id] = [DepositView(NO_DOI)]
        else:
            per_article[art.id] = rows.get(art.doi.lower()) or [DepositView(NOT_DEPOSITED)]
    return info, per_article


def _query_ledger(path: Path, issue_id: str, articles: list[Article],
                  info: DepositInfo) -> tuple[dict[str, list[DepositView]], DepositInfo]:
    # Read-only: a report must not create or migrate a ledger (so not `open_ledger`).
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        conn.row_factory = sqlite3.Row
        info.present = True
        dois = [a.doi.lower() for a in articles if a.doi]
        rows: dict[str, list[DepositView]] = {}
        if dois:
            marks = ", ".join("?" * len(dois))
            for r in conn.execute(
                    "SELECT doi, endpoint, state, updated_at, message FROM dois"
                    f" WHERE lower(doi) IN ({marks}) ORDER BY endpoint", dois):
                rows.setdefault(r["doi"].lower(), []).append(
                    DepositView(r["state"], r["endpoint"], r["updated_at"], r["message"]))
                key = f"{r['endpoint']} {r['state']}"
                info.counts[key] = info.counts.get(key, 0) + 1
        sub = conn.execute(
            "SELECT file_name, endpoint, state, approver, updated_at, note FROM submissions"
            " WHERE issue_id = ? ORDER BY id DESC LIMIT 1", (issue_id,)).fetchone()
        if sub:
            info.last_submission = (f"{sub['file_name']} to {sub['endpoint']}: {sub['state']}"
                                    f" ({sub['updated_at']}, approved by {sub['approver'] or '-'})"
                                    + (f"; {sub['note']}" if sub["note"] else ""))
    finally:
        conn.close()
    return rows, info


# ---- together -----------------------------------------------------------------------------


def gather(issue_dir: Path, *, ledger: str | Path | None = None, image_width: int = DEFAULT_WIDTH,
           render: Callable[[Path, int], PageImage] = first_page_image,
           issue: Issue | None = None, source_pdf: Path | None = None) -> ReviewData:
    """Everything the page shows. Raises IngestError only for a missing or invalid issue.json.

    issue: the record just written to issue_dir/issue.json (saves reading and validating it
    again); source_pdf: the issue PDF it came from, to render every first page from one
    open document instead of each article PDF."""
    issue_dir = Path(issue_dir)
    if issue is None:
        issue = read_record(issue_dir / "issue.json")
    issue_id = issue.issue_id
    links, results = _read_links(issue_dir / "links.json")
    deposit, states = _read_deposits(_ledger_path(issue_dir, ledger), issue_id, issue.articles)
    notes = [p for p in (links.problem, deposit.problem) if p]
    pdfs = [issue_dir / "articles" / art.id / "article.pdf" for art in issue.articles]
    if source_pdf is not None:
        images = pages_of_issue(source_pdf, [art.pdf_pages[0] - 1 for art in issue.articles], image_width)
    else:
        images = [render(pdf, image_width) for pdf in pdfs]
    views = []
    for art, pdf, image in zip(issue.articles, pdfs, images):
        warnings = list(art.warnings)
        if image.problem:
            warnings.append(Warning(PAGE_IMAGE, f"first page not shown: {image.problem}"))
        views.append(ArticleView(art, pdf, image, _citation_views(art, results), states[art.id],
                                 _problems(warnings), flagged_fields(warnings), _uncertain(warnings)))
    generated = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return ReviewData(issue, issue_id, views, links, deposit, generated, notes)


def save(data: ReviewData, target: Path) -> Path:
    """Build the page for `data` and write it to `target` atomically."""
    from review.html import build_page

    write_atomic(target, build_page(data))
    return target


def write_review_report(issue_dir: Path, *, ledger: str | Path | None = None, out: Path | None = None,
                        image_width: int = DEFAULT_WIDTH, issue: Issue | None = None,
                        source_pdf: Path | None = None) -> Path:
    """Write `issue_dir/report.html` (or `out`) atomically; its path.

    `ledger` overrides the deposit ledger location (default as for `journal-ingest deposit`:
    JOURNAL_INGEST_LEDGER, else `deposit-ledger.sqlite3` beside the issue folder). Problems
    with the optional inputs are shown in the page, not raised. `issue` and `source_pdf`:
    as for `gather`, when the caller has just written the record.
    """
    issue_dir = Path(issue_dir)
    data = gather(issue_dir, ledger=ledger, image_width=image_width, issue=issue, source_pdf=source_pdf)
    return save(data, Path(out) if out else issue_dir / REPORT_NAME)
