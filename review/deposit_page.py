"""Approve and deposit from the workbench: what the page shows before the button, and what
the button runs.

What is shown is built read-only (a page view must not create or change the ledger): the
deposit file `crossref.xml` read by `deposit.batch.read_batch`, summarised by
`deposit.review.build_summary` (the summary `journal-ingest deposit` prints), each DOI's
state on the test and production systems from the ledger, whether its record differs from
the one Crossref last accepted (the ledger keeps that record's hash, as `deposit` uses to
mark it stale), and the corrections made since that deposit (corrections.jsonl).

What the button runs is `deposit.workflow.run_deposit` itself, with a decider that approves
in the approver's name only the very file the editor saw (its sha256 travels with the form):
the same validation, duplicate and timestamp checks, ledger record before sending, upload,
polling and outcomes as the command. Credentials come from the environment or the private
file, as for the command, and are loaded only in the process, never shown or posted.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parsers.errors import IngestError

ENDPOINTS = ("test", "production")


class StaleApproval(IngestError):
    """crossref.xml changed between the page the editor approved and the deposit."""


@dataclass
class DoiRow:
    doi: str
    article: str  # the article id in issue.json ("" when crossref.xml names a DOI it does not)
    title: str
    authors: str
    pages: str
    resource: str
    states: dict[str, str]  # endpoint -> ledger state ("unregistered" when the ledger has none)
    change: str  # against what the chosen endpoint registered: new | unchanged | changed | ""
    corrections: list[str] = field(default_factory=list)  # "title.en: old → new" since that deposit
    warnings: list[str] = field(default_factory=list)


@dataclass
class DepositView:
    endpoint: str  # the system the rows' `change` is about (test unless production was asked)
    rows: list[DoiRow] = field(default_factory=list)
    sha256: str = ""
    timestamp: int = 0
    batch_id: str = ""
    base_url: str = ""
    problem: str = ""  # why nothing can be deposited now (no file, unreadable ledger)
    credentials: str = ""  # why the login is missing; "" when it is there
    login: str = ""


def deposit_view(issue_dir: Path, *, ledger: str | Path | None = None, production: bool = False) -> DepositView:
    """Everything the deposit page shows, read-only."""
    from deposit.batch import read_batch
    from deposit.credentials import load_credentials
    from deposit.errors import CredentialsError
    from deposit.review import build_summary
    from deposit.settings import load_deposit_settings
    from review.edit import read_corrections, read_issue_dict
    from review.ledger_view import ledger_rows

    issue_dir = Path(issue_dir)
    view = DepositView("production" if production else "test")
    try:
        settings = load_deposit_settings()
        _, view.base_url = settings.endpoint(production)
        creds = load_credentials()
        view.login = creds.login_id
    except CredentialsError as exc:
        view.credentials = str(exc)
    except IngestError as exc:
        view.problem = str(exc)
        return view
    try:
        batch = read_batch(issue_dir / "crossref.xml")
        rows = ledger_rows(issue_dir, batch.dois, ledger)
    except IngestError as exc:
        view.problem = str(exc)
        return view
    view.sha256, view.timestamp, view.batch_id = batch.sha256, batch.timestamp, batch.doi_batch_id
    summary = build_summary(batch, issue_id=issue_dir.name, endpoint=view.endpoint, base_url=view.base_url,
                            states={})
    data = read_issue_dict(issue_dir)
    by_doi = {a["doi"].lower(): a["id"] for a in data["articles"] if a["doi"]}
    log = read_corrections(issue_dir)
    for rec, art in zip(batch.records, summary.articles):
        key = rec.doi.lower()
        states = {e: rows[(key, e)].state if (key, e) in rows else "unregistered" for e in ENDPOINTS}
        mine = rows.get((key, view.endpoint))
        if mine is None or not mine.record_hash:
            change = "new"
        else:
            change = "unchanged" if mine.record_hash == rec.record_hash else "changed"
        aid = by_doi.get(key, "")
        since = mine.since if mine and mine.record_hash else ""
        fixes = [f"{c['field']}: {_short(c['old'])} → {_short(c['new'])} ({c['editor']}, {c['time']})"
                 for c in log if c["article"] == aid and c["time"] >= since] if aid else []
        view.rows.append(DoiRow(rec.doi, aid, art.title, ", ".join(art.authors), art.pages, art.resource,
                                states, change, fixes, art.warnings))
    return view


def _short(value: Any) -> str:
    import json

    if value in ("", None, []):
        return "(none)"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 120 else text[:117] + "…"


def approve_and_deposit(issue_dir: Path, *, approver: str, sha256: str, production: bool = False,
                        ledger: str | Path | None = None) -> Any:
    """Run `journal-ingest deposit`'s workflow for this folder, approved by `approver` for the
    file whose sha256 the editor saw. Returns the workflow's DepositReport.

    Raises BadConfig (no approver), StaleApproval (crossref.xml changed since the page was
    shown; nothing recorded or sent), and whatever `run_deposit` raises (CredentialsError,
    DepositRefused, SchemaInvalid, network errors), all with credential-free messages.
    """
    from deposit.client import CrossrefClient
    from deposit.credentials import load_credentials
    from deposit.ledger import open_ledger
    from deposit.settings import load_deposit_settings
    from deposit.workflow import APPROVE, Decision, run_deposit
    from parsers.errors import BadConfig

    issue_dir = Path(issue_dir)
    approver = " ".join(approver.split())
    if not approver:
        raise BadConfig("approver", "an approval must name the approver: enter your name")
    settings = load_deposit_settings()
    _, base_url = settings.endpoint(production)
    client = CrossrefClient(base_url, load_credentials(), retries=settings.retries, backoff=settings.backoff,
                            sleep=settings.sleep, deadline=settings.deadline)

    def decide(summary: Any) -> Decision:
        if summary.sha256 != sha256:  # raised before anything is recorded or sent
            raise StaleApproval(issue_dir / "crossref.xml", "changed since the deposit page was shown "
                                "(a save or another deposit): nothing sent; look at the page again and approve it")
        return Decision(APPROVE, approver)

    book = open_ledger(settings.ledger_path(issue_dir, ledger))
    try:
        return run_deposit(issue_dir, ledger=book, client=client, decide=decide, settings=settings,
                           production=production)
    finally:
        book.close()
