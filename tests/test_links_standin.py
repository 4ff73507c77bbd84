"""The checker on a stand-in web: an intercepting proxy plays 79 cited URLs.

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


def test_each_access_date_gets_its_own_capture_as_https(via_proxy, tmp_path):
    from checks.verdicts import Citing, LinkItem

    url = "https://www.gone-journal.standin/vol3/paper12.html"
    item = LinkItem(url, accessed="2019-07-01", cited_by=[
        Citing("a01", 3, "2019-07-01"), Citing("a04", 12, "2021-04-01")])
    settings = standin_settings(tmp_path, archive_endpoint="https://web.archive.standin",
                                archive_api="cdx")
    [res] = run_checks([item], settings).results
    assert res.verdict == "dead?" and res.error_kind == "dns"
    assert res.archive.url == f"https://web.archive.standin/web/20190611080000/{url}"
    assert {d: a.timestamp for d, a in res.archives.items()} == {
        "2019-07-01": "20190611080000", "2021-04-01": "20210302101500"}
    cdx = [u for m, u, _ in via_proxy.log if "/cdx/search/cdx" in u and "gone-journal" in u]
    assert len(cdx) >= 2


def test_timegate_memento_link_is_stored_as_https(via_proxy, tmp_path):
    url = "https://www.nato.standin/cps/en/natohq/topics_50336.htm"
    settings = standin_settings(tmp_path, archive_endpoint="https://web.archive.standin",
                                archive_api="timegate")
    [res] = run_checks([(url, "2023-03-01")], settings).results
    assert res.verdict == "ok"
    assert res.archive.url == f"https://web.archive.standin/web/20230302081500/{url}"
    assert res.archive.distance_days == 1


def test_offline_behind_a_proxy_is_unknown_and_fast(tmp_path, monkeypatch):
    from tests.conftest import clear_proxies

    with InterceptingProxy(sites(), str(tmp_path), offline=True) as px:
        clear_proxies(monkeypatch)
        for k, v in px.env().items():
            monkeypatch.setenv(k, v)
        urls = [c.url for c in CASES[:30]]
        settings = standin_settings(tmp_path, archive_endpoint="https://web.archive.standin",
                                    archive_api="cdx", min_gap=0.5, backoff=0.5)
        import time

        t = time.monotonic()
        run = run_checks([(u, "2023-03-01") for u in urls], settings)
        took = time.monotonic() - t
    assert run.offline and {r.verdict for r in run.results} == {"unknown"}
    archive_asks = [c for c in px.connects if c.startswith("web.archive.standin")]
    assert len(archive_asks) <= settings.workers  # stops once it is known unreachable
    # (the run took 17 s when the archive was retried and every URL of a dead host paced; how
    # long it takes now is measured in bench/links_bench.py, not asserted here)
    print(f"offline run of {len(urls)} URLs: {took:.1f} s")


def test_links_txt_lists_the_copy_for_each_access_date(via_proxy, tmp_path):
    from checks.report import summary_text
    from checks.verdicts import Citing, LinkItem

    url = "https://www.gone-journal.standin/vol3/paper12.html"
    item = LinkItem(url, accessed="2019-07-01", cited_by=[
        Citing("a01", 3, "2019-07-01"), Citing("a04", 12, "2021-04-01")])
    run = run_checks([item], standin_settings(tmp_path, archive_endpoint="https://web.archive.standin",
                                              archive_api="cdx"))
    text = summary_text("x", run, "all")
    assert "archived 2019-06-11 (20 days from the access date 2019-07-01)" in text
    assert "archived 2021-03-02 (30 days from the access date 2021-04-01)" in text
