"""Shared set-up for the review-report tests: a real ingest, and a real link check on loopback.

`ingest_issue` runs `journal-ingest ingest` on a fixture issue; `check_links_locally` points
the issue's cited URLs at a `LocalServer` (one answers, one is gone, one redirects) and runs
the real link checker with a loopback Wayback-style archive, so `links.json` is the real thing.
"""
from __future__ import annotations

import json
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

from checks.links import LinkSettings, check_issue_links
from checks.testserver import LocalServer, Reply
from cli.main import main

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = FIXTURES / "issue_seed_gb1" / "issue.pdf"
JOURNAL = FIXTURES / "journal.toml"
ISSUE_ID = "2095-3453-2023-6"
ROUTES = ("/ok", "/gone", "/moved")  # cited URLs are spread over these, in turn


def ingest_issue(out: Path) -> Path:
    """The sample issue ingested into `out` (no link check: this machine is offline; no report: the tests make it)."""
    code = main(["ingest", str(SAMPLE), "--out", str(out), "--journal", str(JOURNAL), "--no-links", "--no-report", "--quiet"])
    assert code == 0, "ingest of the sample issue failed"
    return out / ISSUE_ID


def copy_issue(issue_dir: Path, dest: Path) -> Path:
    """A private copy of an ingested issue folder (tests edit their copy, never the shared one)."""
    target = dest / issue_dir.name
    shutil.copytree(issue_dir, target)
    return target


def _archive_answer(path: str) -> Reply:
    # GET /wayback/available?url=…&timestamp=…: every URL has a capture from 2023-02-20.
    from urllib.parse import parse_qs, urlsplit

    url = parse_qs(urlsplit(path).query).get("url", [""])[0]
    snap = {"available": True, "status": "200", "timestamp": "20230220000000",
            "url": f"http://127.0.0.1/web/20230220000000/{url}"}
    return Reply(200, json.dumps({"archived_snapshots": {"closest": snap}}),
                 headers={"Content-Type": "application/json"})


def check_links_locally(issue_dir: Path, cache: Path) -> dict[str, str]:
    """Rewrite the cited URLs to loopback ones, run the link checker; {url: expected verdict}."""
    record = issue_dir / "issue.json"
    data = json.loads(record.read_text(encoding="utf-8"))
    site = LocalServer("127.0.0.1", {"/ok": Reply(), "/gone": Reply(404),
                                     "/moved": Reply(301, b"", headers={"Location": "/ok"})}).start()
    archive = LocalServer("127.0.0.1", {"/wayback/available": _archive_answer}).start()
    expected: dict[str, str] = {}
    try:
        i = 0
        for art in data["articles"]:
            for cit in art["citations"]:
                new = []
                for _ in cit["urls"]:
                    route = ROUTES[i % len(ROUTES)]
                    url = site.url(f"{route}?n={i}")
                    expected[url] = {"/ok": "ok", "/gone": "dead?", "/moved": "redirected"}[route]
                    cit["text"] = cit["text"] + f" {url}"
                    new.append(url)
                    i += 1
                cit["urls"] = new
        record.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        settings = LinkSettings(cache_path=cache, archive_endpoint=archive.url("/").rstrip("/"),
                                min_gap=0.0, backoff=0.05, connect_timeout=2, read_timeout=2,
                                per_host=8, clock=lambda: datetime(2023, 6, 1, tzinfo=timezone.utc))
        check_issue_links(issue_dir, settings, issue_id=ISSUE_ID)
    finally:
        site.stop()
        archive.stop()
    return expected


# fixtures shared by the review test modules (this module is a plugin: see conftest.py)
@pytest.fixture(scope="module")
def review_issue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ingest_issue(tmp_path_factory.mktemp("ingest"))


@pytest.fixture
def review_copy(review_issue: Path, tmp_path: Path) -> Path:
    """A private copy to damage."""
    return copy_issue(review_issue, tmp_path)


@pytest.fixture
def no_ledger_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JOURNAL_INGEST_LEDGER", raising=False)
