"""The checker on a stand-in web: an intercepting proxy plays 80 cited URLs' real behaviour.

Every request goes through `checks.testserver.InterceptingProxy` (HTTP in absolute form,
HTTPS through CONNECT with the proxy's own CA), which plays the hosts of
`checks.standin_web`. Done when no live page is called dead or soft-404 and at least 95%
of the verdicts are right (issue 14).
"""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from checks.links import LinkSettings, run_checks
from checks.standin_web import CASES, score, sites
from checks.testserver import InterceptingProxy

T0 = datetime(2026, 11, 27, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    with InterceptingProxy(sites(), str(tmp_path_factory.mktemp("ca"))) as px:
        yield px


@pytest.fixture
def via_proxy(proxy, monkeypatch):
    from tests.conftest import clear_proxies

    clear_proxies(monkeypatch)
    for k, v in proxy.env().items():
        monkeypatch.setenv(k, v)
    return proxy


def standin_settings(tmp_path, **kw) -> LinkSettings:
    base = dict(cache_path=tmp_path / "links-cache.sqlite", archive_endpoint=None, min_gap=0.05,
                backoff=0.1, connect_timeout=2, read_timeout=1.5, max_retry_after=5,
                clock=lambda: T0)
    base.update(kw)
    return LinkSettings(**base)


def test_standin_web_verdicts(via_proxy, tmp_path):
    run = run_checks([c.url for c in CASES], standin_settings(tmp_path))
    got = {r.url: r.verdict for r in run.results}
    s = score(got)
    report = "\n".join(f"{u}: want {w}, got {g} ({what})" for u, w, g, what in s["wrong"])
    print(f"\nright {s['right']}/{s['total']}; false dead {s['false_dead']}; requests {run.requests}\n{report}")
    assert s["false_dead"] == [], report
    assert s["right"] >= 0.95 * s["total"], report
