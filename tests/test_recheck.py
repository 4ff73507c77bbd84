"""Re-checking cited URLs over an output folder: `dead?` becomes `dead` on a later run.

Real HTTP servers on loopback (checks.testserver); the clock is a settings value, so
"four days later" needs no waiting. The flow test runs on the shared Prefect server.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from checks.testserver import LocalServer, Reply, html
from flows.recheck import link_settings, recheck_output

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


def _issue(out: Path, name: str, urls: list[str]) -> Path:
    d = out / name
    d.mkdir(parents=True)
    record = {"articles": [{"id": "a01", "citations": [{"n": i + 1, "text": u, "urls": [u], "accessed": ""}
                                                       for i, u in enumerate(urls)]}]}
    (d / "issue.json").write_text(json.dumps(record), encoding="utf-8")
    return d


def _verdicts(issue_dir: Path) -> dict[str, str]:
    return {r["url"]: r["verdict"] for r in json.loads((issue_dir / "links.json").read_text())["links"]}


@pytest.fixture
def server():
    with LocalServer(routes={"/live": Reply(200, html("Live page")), "/gone": Reply(404, html("Not Found"))}) as srv:
        yield srv


def _settings(out: Path, when: datetime, days: float = 3):
    return link_settings(out, days, None, clock=lambda: when, min_gap=0, retries=0, sleep=lambda s: None)


def test_dead_is_confirmed_on_a_later_run_and_fresh_results_are_reused(tmp_path, server):
    out = tmp_path / "out"
    a = _issue(out, "1111-2222-2026-1", [server.url("/live"), server.url("/gone")])
    b = _issue(out, "1111-2222-2026-2", [server.url("/gone")])
    (out / ".1111-2222-2026-3.partial-x").mkdir()  # staging and kept-aside folders are not issues
    (out / "1111-2222-2026-1.replaced-20260101T000000").mkdir()
    first = recheck_output(out, _settings(out, T0))
    assert [r.issue for r in first] == [a.name, b.name]
    assert _verdicts(a) == {server.url("/live"): "ok", server.url("/gone"): "dead?"}
    assert not any(r.confirmed_dead for r in first)
    live_hits = len(server.requests_for("/live"))

    later = recheck_output(out, _settings(out, T0 + timedelta(days=4)))
    assert _verdicts(a)[server.url("/gone")] == "dead" and _verdicts(b)[server.url("/gone")] == "dead"
    assert later[0].confirmed_dead == [server.url("/gone")] and later[0].verdicts == {"ok": 1, "dead": 1}
    # the live page's result is 4 days old, older than recheck_after (3 days): fetched again
    assert len(server.requests_for("/live")) > live_hits
    hits = len(server.requests_for("/live"))
    recheck_output(out, _settings(out, T0 + timedelta(days=5)))  # 1 d old now: reused, not fetched
    assert len(server.requests_for("/live")) == hits


def test_a_broken_issue_folder_does_not_stop_the_others(tmp_path, server):
    out = tmp_path / "out"
    bad = out / "0000-0000-2026-1"
    bad.mkdir(parents=True)
    (bad / "issue.json").write_text("{not json", encoding="utf-8")
    good = _issue(out, "0000-0000-2026-2", [server.url("/live")])
    results = recheck_output(out, _settings(out, T0))
    assert results[0].error and "issue.json" in results[0].error
    assert results[1].verdicts == {"ok": 1} and (good / "links.txt").exists()


def test_recheck_links_flow(prefect_server, tmp_path, server):
    from flows.recheck import recheck_links

    out = tmp_path / "out"
    issue = _issue(out, "3333-4444-2026-5", [server.url("/gone"), server.url("/live")])
    # a failure recorded four days ago (as a run then would have), so today's failure confirms it
    recheck_output(out, _settings(out, datetime.now(timezone.utc) - timedelta(days=4)))
    assert _verdicts(issue)[server.url("/gone")] == "dead?"
    results = recheck_links(out=str(out), recheck_after_days=3, archive=None)
    assert results[0]["confirmed_dead"] == [server.url("/gone")]
    assert _verdicts(issue) == {server.url("/gone"): "dead", server.url("/live"): "ok"}
