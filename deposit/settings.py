"""Deposit settings: endpoints, ledger location and polling, from the environment.

The journal TOML (`schemas/settings.py`) describes the journal; these describe where and
how to deposit, and are per machine: `CROSSREF_TEST_URL` (default
https://test.crossref.org), `CROSSREF_PRODUCTION_URL` (default https://doi.crossref.org),
`JOURNAL_INGEST_LEDGER` (default `<output dir>/deposit-ledger.sqlite3`, i.e. beside the
issue folders), `CROSSREF_POLL_INTERVAL` seconds, `CROSSREF_MAX_POLLS` and
`CROSSREF_DEADLINE` (seconds one request to Crossref may take in all, upload included).
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

from deposit.endpoints import DEADLINE, PRODUCTION_URL, TEST_URL
from parsers.errors import BadConfig

LEDGER_NAME = "deposit-ledger.sqlite3"


@dataclass
class DepositSettings:
    test_url: str = TEST_URL
    production_url: str = PRODUCTION_URL
    ledger: str = ""
    poll_interval: float = 30.0  # seconds between submission-log polls
    max_polls: int = 20  # then leave the submission `sent`; a later run picks it up
    unknown_polls: int = 3  # "unknown_submission" answers before a recorded file counts as lost
    upload_attempts: int = 3  # uploads after an uncertain failure that Crossref did not have
    retries: int = 4  # 429/503 retries per request
    backoff: float = 5.0
    deadline: float = DEADLINE  # seconds for one whole request to Crossref, not per read
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)

    def endpoint(self, production: bool) -> tuple[str, str]:
        """(label, base URL) for the chosen Crossref system; test unless `production`."""
        return ("production", self.production_url) if production else ("test", self.test_url)

    def ledger_path(self, issue_dir: Path, override: str | Path | None = None) -> Path:
        if override:
            return Path(override)
        if self.ledger:
            return Path(self.ledger)
        return issue_dir.resolve().parent / LEDGER_NAME


def load_deposit_settings(env: Mapping[str, str] | None = None) -> DepositSettings:
    """Settings from `env` (default os.environ). Raises BadConfig for a non-numeric value."""
    env = os.environ if env is None else env
    s = DepositSettings()
    s.test_url = env.get("CROSSREF_TEST_URL", s.test_url)
    s.production_url = env.get("CROSSREF_PRODUCTION_URL", s.production_url)
    s.ledger = env.get("JOURNAL_INGEST_LEDGER", "")
    try:
        s.poll_interval = float(env.get("CROSSREF_POLL_INTERVAL", s.poll_interval))
        s.max_polls = int(env.get("CROSSREF_MAX_POLLS", s.max_polls))
        s.deadline = float(env.get("CROSSREF_DEADLINE", s.deadline))
    except ValueError as exc:
        raise BadConfig("environment", f"CROSSREF_POLL_INTERVAL / CROSSREF_MAX_POLLS / CROSSREF_DEADLINE: {exc}") from None
    if not (0 < s.deadline <= 86400) or s.poll_interval < 0 or s.poll_interval != s.poll_interval:
        raise BadConfig("environment", "CROSSREF_DEADLINE must be 1 s to 1 day, CROSSREF_POLL_INTERVAL not negative")
    return s
