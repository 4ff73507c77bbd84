"""SQLite store of link-check results: a cache for re-runs and the history behind `dead`.

Every check is appended to `checks` (url, checked_at, verdict, result JSON), so the history
of a URL is there to confirm a death across runs. A lookup returns the newest result; the
checker reuses it only when its verdict is final and it is younger than the max age.
Archive lookups are kept in `archive` keyed by (url, access date).

One connection per thread (SQLite objects are not shared across threads); writes are short
transactions, so several threads and even several processes may share one file.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

from .verdicts import LinkResult

SCHEMA = """
CREATE TABLE IF NOT EXISTS checks (
    url TEXT NOT NULL,
    checked_at TEXT NOT NULL,
    verdict TEXT NOT NULL,
    result TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS checks_url ON checks (url, checked_at);
CREATE TABLE IF NOT EXISTS archive (
    url TEXT NOT NULL,
    accessed TEXT NOT NULL,
    looked_up_at TEXT NOT NULL,
    result TEXT,
    PRIMARY KEY (url, accessed)
);
"""


class ResultCache:
    """Results and history by URL. Timestamps are ISO-8601 UTC strings (sortable)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._conn().executescript(SCHEMA)

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                try:
                    conn.close()
                except sqlite3.ProgrammingError:  # closed from another thread's object
                    pass
            self._all.clear()
        self._local = threading.local()

    # ---- results -------------------------------------------------------------------

    def latest(self, url: str) -> LinkResult | None:
        row = self._conn().execute(
            "SELECT result FROM checks WHERE url = ? ORDER BY checked_at DESC LIMIT 1", (url,)
        ).fetchone()
        return LinkResult.from_dict(json.loads(row[0])) if row else None

    def history(self, url: str) -> list[tuple[str, str]]:
        """(checked_at, verdict) pairs, oldest first."""
        return list(
            self._conn().execute(
                "SELECT checked_at, verdict FROM checks WHERE url = ? ORDER BY checked_at", (url,)
            )
        )

    def record_many(self, results: list[LinkResult]) -> None:
        """`record` for a run's results in one transaction (one commit, not one per URL)."""
        conn = self._conn()
        conn.execute("BEGIN")
        try:
            for r in results:
                self.record(r)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def record(self, result: LinkResult) -> None:
        data = result.to_dict()
        data.pop("cited_by", None)  # belongs to the issue, not the URL
        data.pop("accessed", None)
        data.pop("archive", None)  # kept in its own table, keyed by access date
        data.pop("archives", None)
        data["from_cache"] = False
        self._conn().execute(
            "INSERT INTO checks (url, checked_at, verdict, result) VALUES (?, ?, ?, ?)",
            (result.url, result.checked_at, result.verdict, json.dumps(data, ensure_ascii=False)),
        )

    # ---- archive lookups -------------------------------------------------------------

    def archive_get(self, url: str, accessed: str) -> tuple[str, dict[str, Any] | None] | None:
        """(looked_up_at, result or None when no capture) or None when never looked up."""
        row = self._conn().execute(
            "SELECT looked_up_at, result FROM archive WHERE url = ? AND accessed = ?",
            (url, accessed),
        ).fetchone()
        if not row:
            return None
        return row[0], (json.loads(row[1]) if row[1] else None)

    def archive_put(self, url: str, accessed: str, when: datetime, result: dict | None) -> None:
        self._conn().execute(
            "INSERT OR REPLACE INTO archive (url, accessed, looked_up_at, result) "
            "VALUES (?, ?, ?, ?)",
            (url, accessed, iso(when), json.dumps(result) if result else None),
        )


def iso(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text: str) -> datetime:
    from datetime import timezone

    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
