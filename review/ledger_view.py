"""What the deposit ledger says about some DOIs, read-only (a page or an edit must never
create or migrate a ledger): which are registered, on which Crossref endpoint."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

# a DOI in one of these states is (or is being) registered: Crossref keeps it for good
HELD = ("registered", "stale", "submitted")


@dataclass(frozen=True)
class LedgerState:
    doi: str
    endpoint: str
    state: str
    issue_id: str


def ledger_path(issue_dir: Path, ledger: str | Path | None = None) -> Path:
    """Where `journal-ingest deposit` keeps its ledger for this folder (--ledger,
    JOURNAL_INGEST_LEDGER, else beside the issue folder)."""
    from deposit.settings import load_deposit_settings

    return load_deposit_settings().ledger_path(Path(issue_dir), ledger)


def _query(issue_dir: Path, dois: list[str], ledger: str | Path | None, sql: str, extra: tuple | list,
           unreadable: str) -> list[tuple]:
    """Rows of `sql` for `dois` (lower-cased, bound first, then `extra`) from the ledger opened
    read-only; [] without a ledger or DOIs; BadConfig naming the ledger when it is unreadable."""
    from parsers.errors import BadConfig

    path = ledger_path(issue_dir, ledger)
    wanted = sorted({d.lower() for d in dois if d})
    if not wanted or not path.is_file():
        return []
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute(sql, [*wanted, *extra]).fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise BadConfig(path, f"{unreadable} ({exc})") from None


def registered_states(issue_dir: Path, dois: list[str], ledger: str | Path | None = None) -> dict[str, list[LedgerState]]:
    """{lower-cased DOI: its held states} for those of `dois` the ledger shows registered,
    submitted or stale on any endpoint; {} without a ledger. An unreadable ledger is an
    error (a DOI edit must not guess)."""
    marks = ", ".join("?" * len({d.lower() for d in dois if d}))
    rows = _query(issue_dir, dois, ledger,
                  f"SELECT doi, endpoint, state, issue_id FROM dois WHERE lower(doi) IN ({marks})"
                  f" AND state IN ({', '.join('?' * len(HELD))}) ORDER BY endpoint", HELD,
                  "deposit ledger unreadable, cannot tell which DOIs are registered")
    out: dict[str, list[LedgerState]] = {}
    for doi, endpoint, state, issue_id in rows:
        out.setdefault(doi.lower(), []).append(LedgerState(doi, endpoint, state, issue_id or ""))
    return out


@dataclass(frozen=True)
class Registered:
    """One DOI's ledger row on one endpoint, and when its last submission was answered."""

    doi: str
    endpoint: str
    state: str
    record_hash: str  # of the record Crossref last accepted ("" until registered)
    since: str  # when that submission was last updated (completed), "" when none


def ledger_rows(issue_dir: Path, dois: list[str], ledger: str | Path | None = None) -> dict[tuple[str, str], Registered]:
    """{(lower-cased DOI, endpoint): its row} for `dois` on every endpoint, read-only; {}
    without a ledger. BadConfig for an unreadable one."""
    marks = ", ".join("?" * len({d.lower() for d in dois if d}))
    rows = _query(issue_dir, dois, ledger,
                  "SELECT d.doi, d.endpoint, d.state, d.record_hash, COALESCE(s.updated_at, '') FROM dois d"
                  f" LEFT JOIN submissions s ON s.id = d.last_submission WHERE lower(d.doi) IN ({marks})", (),
                  "deposit ledger unreadable")
    return {(doi.lower(), endpoint): Registered(doi, endpoint, state, record_hash or "", since)
            for doi, endpoint, state, record_hash, since in rows}
