"""The deposit ledger: what was sent to Crossref, by whom, and what Crossref said.

Per DOI and endpoint (`test` / `production`) it keeps a state and a history:

- `unregistered`: seen in a deposit file, never successfully registered;
- `submitted`: in a submission that is recorded/sent and not yet answered;
- `registered`: Crossref reported Success (or Warning) for it;
- `failed`: Crossref reported Failure (re-depositable);
- `stale`: registered, but the metadata in the current deposit file differs (re-depositable).

Per submission it keeps file name, `doi_batch_id`, sha256 of the file, batch timestamp,
approver and times, with a state: `recorded` (written before sending: the outcome of the
upload is unknown until reconciled), `sent` (Crossref acknowledged), `completed` (log
received), `unsent` (refused before queueing; safe to send again), `lost` (reconciliation
found Crossref never got it), `rejected` (an editor declined; never sent).

Credentials never reach this module. SQL is kept to a portable subset behind `Ledger`, with
the dialect-specific parts (connection, DDL, locking, placeholders) in `SqliteLedger`, so a
PostgreSQL implementation is a second subclass.
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from deposit.diagnostic import Diagnostic

UNREGISTERED, SUBMITTED, REGISTERED, FAILED, STALE = "unregistered", "submitted", "registered", "failed", "stale"
DOI_STATES = (UNREGISTERED, SUBMITTED, REGISTERED, FAILED, STALE)
RECORDED, SENT, COMPLETED, UNSENT, LOST, REJECTED = "recorded", "sent", "completed", "unsent", "lost", "rejected"
OPEN_SUBMISSION_STATES = (RECORDED, SENT)
# A file in one of these states must not be sent again (unless forced).
BLOCKING_SUBMISSION_STATES = (RECORDED, SENT, COMPLETED)


def utcnow() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Submission:
    id: int
    file_name: str
    issue_id: str
    endpoint: str
    base_url: str
    doi_batch_id: str
    batch_timestamp: int
    sha256: str
    approver: str
    state: str
    created_at: str
    updated_at: str
    submission_id: str = ""
    record_count: int = 0
    success_count: int = 0
    warning_count: int = 0
    failure_count: int = 0
    note: str = ""


@dataclass
class DoiState:
    doi: str
    endpoint: str
    state: str
    issue_id: str
    record_hash: str  # hash of the registered record ("" until registered)
    last_submission: int | None
    updated_at: str
    message: str = ""


@dataclass
class HistoryEntry:
    doi: str
    endpoint: str
    at: str
    state: str
    submission: int | None
    actor: str
    message: str


class Ledger:
    """Portable ledger logic. Subclasses provide `_conn`, `_ddl`, `_begin` and `_ph`."""

    clock: Callable[[], str] = staticmethod(utcnow)
    _ph = "?"  # placeholder; "%s" for psycopg

    # -- dialect hooks -------------------------------------------------------------
    def _begin(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _insert_id(self, cur: Any) -> int:  # pragma: no cover - overridden
        raise NotImplementedError

    # -- plumbing ------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql if self._ph == "?" else sql.replace("?", self._ph)

    def _exec(self, sql: str, params: Iterable[Any] = ()) -> Any:
        cur = self._conn.cursor()
        cur.execute(self._sql(sql), tuple(params))
        return cur

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        cur = self._exec(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit (SQLite: BEGIN IMMEDIATE, so concurrent writers serialise)."""
        self._begin()
        try:
            yield
        except BaseException:
            self._conn.rollback()
            raise
        else:
            self._conn.commit()

    def close(self) -> None:
        self._conn.close()

    # -- DOIs ----------------------------------------------------------------------
    def doi(self, doi: str, endpoint: str) -> DoiState | None:
        rows = self._rows("SELECT * FROM dois WHERE doi = ? AND endpoint = ?", (doi, endpoint))
        return DoiState(**rows[0]) if rows else None

    def _set_doi(self, doi: str, endpoint: str, state: str, *, issue_id: str, submission: int | None,
                 actor: str, message: str, record_hash: str | None = None) -> None:
        now = self.clock()
        current = self.doi(doi, endpoint)
        if current is None:
            self._exec(
                "INSERT INTO dois (doi, endpoint, state, issue_id, record_hash, last_submission, updated_at, message)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (doi, endpoint, state, issue_id, record_hash or "", submission, now, message),
            )
        else:
            self._exec(
                "UPDATE dois SET state = ?, issue_id = ?, record_hash = ?, last_submission = ?, updated_at = ?,"
                " message = ? WHERE doi = ? AND endpoint = ?",
                (state, issue_id or current.issue_id,
                 current.record_hash if record_hash is None else record_hash,
                 submission if submission is not None else current.last_submission,
                 now, message, doi, endpoint),
            )
        self._exec(
            "INSERT INTO history (doi, endpoint, at, state, submission, actor, message) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (doi, endpoint, now, state, submission, actor, message),
        )

    def note(self, doi: str, endpoint: str, message: str, *, actor: str = "", submission: int | None = None) -> None:
        """A history line that does not change the DOI's state (rejections, corrections)."""
        current = self.doi(doi, endpoint)
        with self.transaction():
            self._exec(
                "INSERT INTO history (doi, endpoint, at, state, submission, actor, message) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (doi, endpoint, self.clock(), current.state if current else UNREGISTERED, submission, actor, message),
            )

    def sync_batch(self, endpoint: str, issue_id: str, records: Iterable[tuple[str, str]]) -> dict[str, DoiState]:
        """Make every (doi, record_hash) known; flag `stale` where registered metadata changed."""
        records = list(records)
        with self.transaction():
            for doi, record_hash in records:
                current = self.doi(doi, endpoint)
                if current is None:
                    self._set_doi(doi, endpoint, UNREGISTERED, issue_id=issue_id, submission=None,
                                  actor="", message="first seen in deposit file")
                elif current.state == REGISTERED and current.record_hash and current.record_hash != record_hash:
                    self._set_doi(doi, endpoint, STALE, issue_id=issue_id, submission=None, actor="",
                                  message="metadata changed since registration")
        return {doi: self.doi(doi, endpoint) for doi, _ in records}  # type: ignore[misc]

    def list_dois(self, endpoint: str | None = None, issue_id: str | None = None) -> list[DoiState]:
        where, params = _where(endpoint=endpoint, issue_id=issue_id)
        return [DoiState(**r) for r in self._rows(f"SELECT * FROM dois{where} ORDER BY endpoint, issue_id, doi", params)]

    def history(self, doi: str, endpoint: str | None = None) -> list[HistoryEntry]:
        where, params = _where(doi=doi, endpoint=endpoint)
        return [HistoryEntry(**r) for r in self._rows(
            f"SELECT doi, endpoint, at, state, submission, actor, message FROM history{where} ORDER BY id", params)]

    # -- submissions ---------------------------------------------------------------
    def submission(self, sub_id: int) -> Submission:
        return Submission(**self._rows("SELECT * FROM submissions WHERE id = ?", (sub_id,))[0])

    def submissions(self, endpoint: str | None = None, states: Iterable[str] | None = None,
                    sha256: str | None = None, issue_id: str | None = None) -> list[Submission]:
        where, params = _where(endpoint=endpoint, sha256=sha256, issue_id=issue_id, state=list(states or []))
        return [Submission(**r) for r in self._rows(f"SELECT * FROM submissions{where} ORDER BY id", params)]

    def submission_dois(self, sub_id: int) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM submission_dois WHERE submission = ? ORDER BY doi", (sub_id,))

    def newest_timestamp(self, endpoint: str, dois: Iterable[str]) -> int:
        """Largest batch timestamp Crossref has (or may have) seen for any of `dois`."""
        dois = list(dois)
        if not dois:
            return 0
        rows = self._rows(
            "SELECT MAX(s.batch_timestamp) AS ts FROM submissions s JOIN submission_dois d ON d.submission = s.id"
            f" WHERE s.endpoint = ? AND s.state IN (?, ?, ?) AND d.doi IN ({', '.join('?' * len(dois))})",
            [endpoint, RECORDED, SENT, COMPLETED, *dois],
        )
        return int(rows[0]["ts"] or 0)

    def record_submission(self, *, file_name: str, issue_id: str, endpoint: str, base_url: str,
                          doi_batch_id: str, batch_timestamp: int, sha256: str, approver: str,
                          records: list[tuple[str, str]], force: bool = False) -> Submission:
        """Write the submission and mark its DOIs `submitted`: call BEFORE sending.

        Atomic with the duplicate check: if the same file (sha256) is already recorded, sent
        or completed on this endpoint, raises DuplicateSubmission unless `force`.
        """
        now = self.clock()
        with self.transaction():
            dup = self._rows(
                "SELECT id, file_name, state FROM submissions WHERE endpoint = ? AND sha256 = ?"
                " AND state IN (?, ?, ?) ORDER BY id",
                (endpoint, sha256, *BLOCKING_SUBMISSION_STATES),
            )
            if dup and not force:
                raise DuplicateSubmission(Submission(**self._rows("SELECT * FROM submissions WHERE id = ?", (dup[-1]["id"],))[0]))
            cur = self._exec(
                "INSERT INTO submissions (file_name, issue_id, endpoint, base_url, doi_batch_id, batch_timestamp,"
                " sha256, approver, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (file_name, issue_id, endpoint, base_url, doi_batch_id, batch_timestamp, sha256, approver,
                 RECORDED, now, now),
            )
            sub_id = self._insert_id(cur)
            for doi, record_hash in records:
                current = self.doi(doi, endpoint)
                self._exec(
                    "INSERT INTO submission_dois (submission, doi, record_hash, prev_state, status, message)"
                    " VALUES (?, ?, ?, ?, '', '')",
                    (sub_id, doi, record_hash, current.state if current else UNREGISTERED),
                )
                self._set_doi(doi, endpoint, SUBMITTED, issue_id=issue_id, submission=sub_id, actor=approver,
                              message=f"recorded for sending as {file_name}" + (" (forced)" if force else ""))
        return self.submission(sub_id)

    def record_rejection(self, *, issue_id: str, endpoint: str, sha256: str, approver: str, reason: str,
                         dois: Iterable[str]) -> None:
        """An editor declined the deposit: history only, nothing sent, states unchanged."""
        for doi in dois:
            self.note(doi, endpoint, f"deposit rejected by {approver or 'editor'}: {reason}"
                      f" (file sha256 {sha256[:12]})", actor=approver)

    def _update_submission(self, sub_id: int, state: str, note: str = "", **counts: Any) -> None:
        sets = ["state = ?", "updated_at = ?", "note = ?"]
        params: list[Any] = [state, self.clock(), note]
        for key, value in counts.items():
            sets.append(f"{key} = ?")
            params.append(value)
        self._exec(f"UPDATE submissions SET {', '.join(sets)} WHERE id = ?", [*params, sub_id])

    def mark_sent(self, sub_id: int, note: str = "") -> None:
        with self.transaction():
            self._update_submission(sub_id, SENT, note)

    def _revert(self, sub_id: int, state: str, note: str) -> None:
        sub = self.submission(sub_id)
        with self.transaction():
            self._update_submission(sub_id, state, note)
            for row in self.submission_dois(sub_id):
                current = self.doi(row["doi"], sub.endpoint)
                if current and current.last_submission == sub_id and current.state == SUBMITTED:
                    self._set_doi(row["doi"], sub.endpoint, row["prev_state"], issue_id=sub.issue_id,
                                  submission=sub_id, actor="", message=f"{sub.file_name} {state}: {note}")

    def mark_unsent(self, sub_id: int, reason: str) -> None:
        """Crossref refused the upload before queueing it: DOIs go back to their old state."""
        self._revert(sub_id, UNSENT, reason)

    def mark_lost(self, sub_id: int, reason: str) -> None:
        """Reconciliation found Crossref never received the file."""
        self._revert(sub_id, LOST, reason)

    def store_outcomes(self, sub_id: int, diag: Diagnostic) -> None:
        """Store a completed submission log: per-DOI registered / failed, counts, state."""
        sub = self.submission(sub_id)
        by_doi = {r.doi.lower(): r for r in diag.records if r.doi}
        batch_msgs = "; ".join(r.message for r in diag.records if not r.doi and r.message)
        with self.transaction():
            self._update_submission(
                sub_id, COMPLETED, f"submission {diag.submission_id}",
                submission_id=diag.submission_id, record_count=diag.record_count,
                success_count=diag.success_count, warning_count=diag.warning_count,
                failure_count=diag.failure_count,
            )
            for row in self.submission_dois(sub_id):
                outcome = by_doi.get(row["doi"].lower())
                if outcome is None:
                    status, message = "Failure", batch_msgs or "not mentioned in the submission log"
                else:
                    status, message = outcome.status or "Failure", outcome.message
                self._exec("UPDATE submission_dois SET status = ?, message = ? WHERE submission = ? AND doi = ?",
                           (status, message, sub_id, row["doi"]))
                current = self.doi(row["doi"], sub.endpoint)
                if current and current.last_submission not in (None, sub_id):
                    continue  # a newer submission owns this DOI's state now
                if status in ("Success", "Warning"):
                    self._set_doi(row["doi"], sub.endpoint, REGISTERED, issue_id=sub.issue_id, submission=sub_id,
                                  actor="crossref", message=f"{status}: {message}", record_hash=row["record_hash"])
                elif (row["prev_state"] in (REGISTERED, STALE) and _already_has(message)
                      and current is not None and current.record_hash == row["record_hash"]):
                    # Crossref refused only because it holds this very record already (a re-send
                    # with an old timestamp): what is registered is what the file says.
                    self._set_doi(row["doi"], sub.endpoint, REGISTERED, issue_id=sub.issue_id, submission=sub_id,
                                  actor="crossref", message=f"Crossref already has this version: {message}",
                                  record_hash=row["record_hash"])
                elif row["prev_state"] in (REGISTERED, STALE):
                    # The update failed; Crossref keeps the older registered version.
                    self._set_doi(row["doi"], sub.endpoint, STALE, issue_id=sub.issue_id, submission=sub_id,
                                  actor="crossref", message=f"update failed, older version stays registered: {message}")
                else:
                    self._set_doi(row["doi"], sub.endpoint, FAILED, issue_id=sub.issue_id, submission=sub_id,
                                  actor="crossref", message=f"Failure: {message}")


def _already_has(message: str) -> bool:
    """Crossref's refusal of a record whose timestamp is not newer than the one it holds."""
    return "less or equal to previously submitted" in message.lower()


class DuplicateSubmission(Exception):
    """The identical file is already recorded/sent/completed on this endpoint."""

    def __init__(self, existing: Submission) -> None:
        self.existing = existing
        super().__init__(f"identical file already {existing.state} as {existing.file_name}")


_SQLITE_DDL = """
CREATE TABLE IF NOT EXISTS submissions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    file_name TEXT NOT NULL UNIQUE,
    issue_id TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    base_url TEXT NOT NULL,
    doi_batch_id TEXT NOT NULL,
    batch_timestamp INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    approver TEXT NOT NULL,
    state TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    submission_id TEXT NOT NULL DEFAULT '',
    record_count INTEGER NOT NULL DEFAULT 0,
    success_count INTEGER NOT NULL DEFAULT 0,
    warning_count INTEGER NOT NULL DEFAULT 0,
    failure_count INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS submissions_sha ON submissions (endpoint, sha256);
CREATE TABLE IF NOT EXISTS submission_dois (
    submission INTEGER NOT NULL REFERENCES submissions (id),
    doi TEXT NOT NULL,
    record_hash TEXT NOT NULL,
    prev_state TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (submission, doi)
);
CREATE TABLE IF NOT EXISTS dois (
    doi TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    state TEXT NOT NULL,
    issue_id TEXT NOT NULL,
    record_hash TEXT NOT NULL DEFAULT '',
    last_submission INTEGER,
    updated_at TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (doi, endpoint)
);
CREATE TABLE IF NOT EXISTS history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doi TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    at TEXT NOT NULL,
    state TEXT NOT NULL,
    submission INTEGER,
    actor TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS history_doi ON history (doi, endpoint);
"""


class SqliteLedger(Ledger):
    """The default ledger: one SQLite file (WAL, BEGIN IMMEDIATE for writers)."""

    def __init__(self, path: str | Path, clock: Callable[[], str] | None = None) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=30)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.executescript(_SQLITE_DDL)
        if clock:
            self.clock = clock  # type: ignore[assignment]
        self._depth = 0

    def _begin(self) -> None:
        self._conn.execute("BEGIN IMMEDIATE")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        # Nested calls (a public method used inside another) join the outer transaction.
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._begin()
        self._depth = 1
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")
        finally:
            self._depth = 0

    def _insert_id(self, cur: Any) -> int:
        return int(cur.lastrowid)


def open_ledger(path: str | Path) -> Ledger:
    """Open the ledger at `path` (SQLite; a `postgresql://` URL is reserved for a future backend)."""
    if str(path).startswith(("postgres://", "postgresql://")):
        from deposit.errors import DepositError
        raise DepositError(path, "PostgreSQL ledger not implemented yet; use a SQLite file")
    return SqliteLedger(path)


def _where(**filters: Any) -> tuple[str, list[Any]]:
    """A WHERE clause for the given column filters: a value means equal, a list means IN;
    empty ones are left out. Column names come from this module, never from input."""
    clauses: list[str] = []
    params: list[Any] = []
    for column, value in filters.items():
        if isinstance(value, list):
            if value:
                clauses.append(f"{column} IN ({', '.join('?' * len(value))})")
                params.extend(value)
        elif value:
            clauses.append(f"{column} = ?")
            params.append(value)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params
