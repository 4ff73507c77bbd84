"""Orchestration settings: the `[orchestration]` table of the journal settings TOML.

Where the inbox and the outputs are, how often the served flows run, when cited URLs are
re-checked and where tasks run (a Dask scheduler, or a local thread pool). One file per
journal holds both `[journal]` and `[orchestration]`, so a deployment needs one path.
Relative paths written in the file are taken from the file's folder (not the working
directory, which differs between a shell, a worker and a served process); the defaults,
`inbox` and `output`, are relative to the working directory. Bad values are a `BadConfig`
naming the file, like the journal table.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, fields
from pathlib import Path

from parsers.errors import BadConfig
from schemas.settings import read_toml

DASK_ENV = "JOURNAL_INGEST_DASK_ADDRESS"
_CRON_FIELD = re.compile(r"^[0-9A-Za-z*/,\-?LW#]+$")


@dataclass
class OrchestrationSettings:
    inbox: Path = Path("inbox")  # new issue PDFs are dropped here
    out: Path = Path("output")  # DIR/<issue-id>/, the inbox ledger and the link cache
    links: bool = True  # check cited URLs while ingesting
    settle_seconds: float = 10.0  # a PDF modified more recently may still be copying in
    poll_seconds: float = 60.0  # `journal-ingest inbox` without --once: time between passes
    inbox_cron: str = "*/15 * * * *"
    recheck_cron: str = "0 3 * * *"
    timezone: str = "UTC"
    recheck_after_days: float = 3.0  # re-check cached URL results older than this
    max_workers: int = 4  # local thread pool for per-article tasks and link checks
    dask_address: str = ""  # tcp://scheduler:8786; empty: local pool (env overrides)

    @property
    def link_cache(self) -> Path:
        return self.out / "links-cache.sqlite"

    @property
    def ledger(self) -> Path:
        return self.out / "inbox-ledger.jsonl"

    def scheduler(self) -> str:
        """The Dask scheduler address in force: $JOURNAL_INGEST_DASK_ADDRESS, else the setting."""
        return os.environ.get(DASK_ENV, "").strip() or self.dask_address


def check_cron(value: str) -> str | None:
    """Why `value` is not a 5-field cron expression, or None. (Prefect re-checks it.)"""
    parts = value.split()
    if len(parts) != 5:
        return f"expected 5 fields (minute hour day month weekday), got {len(parts)}"
    bad = [p for p in parts if not _CRON_FIELD.match(p)]
    return f"bad field(s): {' '.join(bad)}" if bad else None


def load_orchestration(path: str | Path | None) -> OrchestrationSettings:
    """The `[orchestration]` table of a settings file (defaults when absent or no file)."""
    if path is None:
        return OrchestrationSettings()
    path = Path(path)
    data = read_toml(path)
    table = data.get("orchestration", {})
    if not isinstance(table, dict):
        raise BadConfig(path, "[orchestration] must be a table")
    types = {f.name: f.type for f in fields(OrchestrationSettings)}
    unknown = sorted(set(table) - set(types))
    if unknown:
        raise BadConfig(path, f"unknown [orchestration] setting(s): {', '.join(unknown)} "
                              f"(known: {', '.join(sorted(types))})")
    values: dict = {}
    for key, value in table.items():
        default = getattr(OrchestrationSettings, key, None)
        values[key] = _convert(path, key, value, default)
    settings = OrchestrationSettings(**values)
    for key in ("inbox", "out"):  # written in the file: from the file's folder; defaults: from the CWD
        p = getattr(settings, key)
        if key in table and not p.is_absolute():
            setattr(settings, key, path.parent / p)
    _check(path, settings)
    return settings


def _convert(path: Path, key: str, value: object, default: object) -> object:
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise BadConfig(path, f"[orchestration] {key} must be true or false")
        return value
    if isinstance(default, Path) or isinstance(default, str):
        if not isinstance(value, str):
            raise BadConfig(path, f"[orchestration] {key} must be a string, got {type(value).__name__}")
        return Path(value) if isinstance(default, Path) else value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BadConfig(path, f"[orchestration] {key} must be a number, got {type(value).__name__}")
    if isinstance(default, int) and not isinstance(value, int):
        raise BadConfig(path, f"[orchestration] {key} must be a whole number")
    return value


def _check(path: Path, s: OrchestrationSettings) -> None:
    for key in ("inbox_cron", "recheck_cron"):
        why = check_cron(getattr(s, key))
        if why:
            raise BadConfig(path, f"[orchestration] {key} = {getattr(s, key)!r}: {why}")
    for key in ("settle_seconds", "poll_seconds", "recheck_after_days"):
        if getattr(s, key) < 0:
            raise BadConfig(path, f"[orchestration] {key} must not be negative")
    if s.max_workers < 1:
        raise BadConfig(path, "[orchestration] max_workers must be at least 1")
    if s.dask_address and "://" not in s.dask_address:
        raise BadConfig(path, f"[orchestration] dask_address {s.dask_address!r}: expected tcp://HOST:PORT")
    try:
        from zoneinfo import ZoneInfo
        ZoneInfo(s.timezone)
    except Exception:
        raise BadConfig(path, f"[orchestration] timezone {s.timezone!r} is not an IANA time zone") from None
