"""What an editor sees before approving a deposit: the same summary at the terminal
(`render_text`) and in the Prefect resume form (`render_markdown`).

Built from the deposit file itself (what will actually be registered), the extraction
warnings in `issue.json` beside it, and the ledger (new, re-deposit, stale, already
registered).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from deposit.batch import Batch
from deposit.ledger import DoiState
from parsers.errors import IngestError
from schemas.record import read_json


@dataclass
class ArticleSummary:
    doi: str
    title: str
    authors: list[str]
    pages: str
    resource: str
    state: str  # ledger state before this deposit
    warnings: list[str] = field(default_factory=list)


@dataclass
class Summary:
    issue_id: str
    endpoint: str
    base_url: str
    file: str
    sha256: str
    doi_batch_id: str
    timestamp: int
    journal: str
    volume: str
    issue: str
    articles: list[ArticleSummary] = field(default_factory=list)
    issue_warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # duplicate / timestamp notices from planning

    @property
    def doi_count(self) -> int:
        return len(self.articles)


def _warnings(items: object) -> list[str]:
    if not isinstance(items, list):
        return []
    return [f"{w.get('code', '')}: {w.get('message', '')}"[:500] for w in items if isinstance(w, dict)]


def _issue_warnings(issue_json: Path) -> tuple[list[str], dict[str, list[str]]]:
    """(issue-level warnings, {doi: article warnings}) from issue.json; empty if absent or
    unreadable (the deposit is of crossref.xml, which is validated on its own)."""
    try:
        data = read_json(issue_json)
    except IngestError:
        return [], {}
    per_doi: dict[str, list[str]] = {}
    articles = data.get("articles")
    for art in articles if isinstance(articles, list) else []:
        doi = art.get("doi") if isinstance(art, dict) else None
        if isinstance(doi, str) and doi:
            per_doi[doi.lower()] = _warnings(art.get("warnings"))
    return _warnings(data.get("warnings")), per_doi


def build_summary(batch: Batch, *, issue_id: str, endpoint: str, base_url: str,
                  states: dict[str, DoiState], notes: list[str] | None = None) -> Summary:
    issue_w, per_doi = _issue_warnings(batch.path.parent / "issue.json")
    summary = Summary(
        issue_id=issue_id, endpoint=endpoint, base_url=base_url, file=str(batch.path), sha256=batch.sha256,
        doi_batch_id=batch.doi_batch_id, timestamp=batch.timestamp,
        journal=f"{batch.journal_title} (ISSN {batch.issn})" if batch.issn else batch.journal_title,
        volume=batch.volume, issue=batch.issue, issue_warnings=issue_w, notes=list(notes or []),
    )
    for rec in batch.records:
        pages = f"{rec.first_page}-{rec.last_page}" if rec.last_page else rec.first_page
        state = states.get(rec.doi)
        summary.articles.append(ArticleSummary(
            doi=rec.doi, title=rec.title, authors=rec.authors, pages=pages, resource=rec.resource,
            state=state.state if state else "unregistered", warnings=per_doi.get(rec.doi.lower(), []),
        ))
    return summary


def render_text(s: Summary) -> str:
    target = "PRODUCTION" if s.endpoint == "production" else "TEST"
    lines = [
        f"Deposit {s.issue_id} to Crossref {target} ({s.base_url})",
        f"  file {s.file}  sha256 {s.sha256[:16]}…",
        f"  batch {s.doi_batch_id}  timestamp {s.timestamp}",
        f"  {s.journal}  vol. {s.volume or '-'}  no. {s.issue or '-'}  — {s.doi_count} DOI(s)",
        "",
    ]
    for i, a in enumerate(s.articles, 1):
        lines.append(f"{i:>3}. {a.doi}  [{a.state}]")
        lines.append(f"     {a.title}")
        lines.append(f"     {', '.join(a.authors) or '(no authors)'}  pp. {a.pages or '?'}")
        lines.append(f"     {a.resource}")
        lines.extend(f"     ! {w}" for w in a.warnings)
    if s.issue_warnings:
        lines.append("")
        lines.append("Issue warnings:")
        lines.extend(f"  ! {w}" for w in s.issue_warnings)
    if s.notes:
        lines.append("")
        lines.extend(f"Note: {n}" for n in s.notes)
    return "\n".join(lines)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(s: Summary) -> str:
    target = "**PRODUCTION**" if s.endpoint == "production" else "test"
    out = [
        f"### Deposit {s.issue_id} to Crossref {target}",
        f"{s.journal}, vol. {s.volume or '-'}, no. {s.issue or '-'} — {s.doi_count} DOI(s); "
        f"batch `{s.doi_batch_id}`, timestamp `{s.timestamp}`, sha256 `{s.sha256[:16]}`",
        "",
        "| # | DOI | state | title | authors | pages | warnings |",
        "|---|-----|-------|-------|---------|-------|----------|",
    ]
    for i, a in enumerate(s.articles, 1):
        out.append(f"| {i} | {_md(a.doi)} | {a.state} | {_md(a.title)} | {_md(', '.join(a.authors))} | "
                   f"{_md(a.pages)} | {_md('; '.join(a.warnings))} |")
    if s.issue_warnings:
        out += ["", "**Issue warnings:**"] + [f"- {_md(w)}" for w in s.issue_warnings]
    if s.notes:
        out += [""] + [f"> {_md(n)}" for n in s.notes]
    out += ["", "Choose *approve*, *reject* (give a reason) or *correct* (list corrections: DOI, a field of "
            "the article's record as for `journal-ingest edit` such as title.en or fpage, new value; they "
            "are saved in issue.json and every file is rebuilt)."]
    return "\n".join(out)
