"""The cited-URL checker against real HTTP servers on loopback (127.0.0.x, OS-chosen ports).

No test sends anything off this machine: cited hosts are `LocalServer`s on loopback
addresses, the archive service is pytest-httpserver on localhost, and unresolvable names
are under the reserved `.invalid` TLD (resolution fails locally).
"""
from __future__ import annotations

import json
import threading
import time
from datetime import datetime, timedelta, timezone

import pytest

from checks.links import (
    BROWSER_USER_AGENT,
    LinkSettings,
    check_issue_links,
    check_urls,
    collect_items,
    run_checks,
)
from checks.testserver import LocalServer, Reply, html
from checks.verdicts import LinkItem

T0 = datetime(2026, 11, 27, 12, 0, tzinfo=timezone.utc)


pytestmark = pytest.mark.usefixtures("no_proxy_env")


@pytest.fixture
def settings(tmp_path):
    return LinkSettings(
        cache_path=tmp_path / "links-cache.sqlite",
        archive_endpoint=None,
        min_gap=0.0,
        backoff=0.05,
        connect_timeout=2,
        read_timeout=2,
        clock=lambda: T0,
    )


@pytest.fixture
def servers():
    started: list[LocalServer] = []

    def make(n: int, routes=None, default=None, tls=None) -> LocalServer:
        srv = LocalServer(f"127.0.0.{n}", routes, default, tls).start()
        started.append(srv)
        return srv

    yield make
    for srv in started:
        srv.stop()


def one(url, settings):
    [res] = check_urls([url], settings)
    return res


# ---- verdicts -----------------------------------------------------------------------------


def test_200_is_ok_with_one_get_and_honest_user_agent(servers, settings):
    a = servers(2, {"/page": Reply()})
    res = one(a.url("/page"), settings)
    assert (res.verdict, res.http_status, res.method) == ("ok", 200, "GET")
    assert res.final_url == a.url("/page") and res.redirects == []
    assert a.requests_for("/page") == ["GET"]  # status and title in one request
    assert len(a.log) == 1  # no probe of an ordinary page's host
    ua = a.log[0][2]["User-Agent"]
    assert ua.startswith("journal-ingest/0.1")
    assert "(+https://github.com/journal-ingest/journal-ingest; cited-link checker)" in ua


def test_browser_user_agent_is_a_setting(servers, settings):
    a = servers(2, {"/page": Reply()})
    settings.user_agent = BROWSER_USER_AGENT
    one(a.url("/page"), settings)
    assert a.log[0][2]["User-Agent"] == BROWSER_USER_AGENT


def test_301_to_200_is_redirected_within_host(servers, settings):
    a = servers(2, {"/old": Reply(301, b"", {"Location": "/new"}), "/new": Reply()})
    res = one(a.url("/old"), settings)
    assert res.verdict == "redirected" and res.left_host is False
    assert [(h.url, h.status) for h in res.redirects] == [(a.url("/old"), 301)]
    assert res.final_url == a.url("/new") and res.http_status == 200


def test_redirect_to_another_host_says_it_left(servers, settings):
    b = servers(3, {"/there": Reply()})
    a = servers(2, {"/old": Reply(302, b"", {"Location": b.url("/there")})})
    res = one(a.url("/old"), settings)
    assert res.verdict == "redirected" and res.left_host is True
    assert res.final_url == b.url("/there")


def test_redirect_loop_is_an_error(servers, settings):
    a = servers(2, {"/a": Reply(302, b"", {"Location": "/b"}),
                    "/b": Reply(302, b"", {"Location": "/a"})})
    res = one(a.url("/a"), settings)
    assert res.verdict == "error" and res.error_kind == "redirect-loop"
    assert len(a.log) == 2  # noticed on the first repeat, not after max_redirects


def test_too_many_redirects_is_bounded(servers, settings):
    a = servers(2, default=lambda p: Reply(302, b"", {"Location": p + "x"}))
    settings.max_redirects = 4
    res = one(a.url("/r"), settings)
    assert res.verdict == "error" and res.error_kind == "too-many-redirects"
    assert len(a.log) == 4


@pytest.mark.parametrize("status", [404, 410])
def test_404_and_410_are_dead_pending_on_first_run(servers, settings, status):
    a = servers(2, {"/gone": Reply(status, html("Gone"))})
    res = one(a.url("/gone"), settings)
    assert res.verdict == "dead?" and res.http_status == status
    assert a.requests_for("/gone") == ["GET"]


def test_head_first_falls_back_to_get_on_405(servers, settings):
    settings.head_first = True
    a = servers(2, {"/p": Reply(200, head_status=405),
                    "/doc.pdf": Reply(200, b"%PDF-", {"Content-Type": "application/pdf"})})
    res = one(a.url("/p"), settings)
    assert (res.verdict, res.method) == ("ok", "GET")
    assert a.requests_for("/p") == ["HEAD", "GET"]
    assert one(a.url("/doc.pdf"), settings).verdict == "ok"
    assert a.requests_for("/doc.pdf") == ["HEAD"]  # not HTML: no title to read


def test_head_first_still_reads_the_title_and_sees_get_404(servers, settings):
    settings.head_first = True
    a = servers(2, {"/nf": Reply(200, html("页面不存在")),
                    "/hg": Reply(404, html("Not Found"), head_status=200)})
    assert one(a.url("/nf"), settings).verdict == "soft-404"
    assert one(a.url("/hg"), settings).verdict == "dead?"
    assert a.requests_for("/hg") == ["HEAD", "GET"]


def test_403_with_bot_challenge_header_is_blocked(servers, settings):
    a = servers(2, {"/p": Reply(403, "<title>Just a moment...</title>",
                                {"cf-mitigated": "challenge", "Server": "cloudflare"})})
    res = one(a.url("/p"), settings)
    assert res.verdict == "blocked" and res.http_status == 403
    assert "cf-mitigated" in res.note


def test_plain_403_is_blocked_not_dead(servers, settings):
    a = servers(2, {"/p": Reply(403, html("Forbidden"))})
    assert one(a.url("/p"), settings).verdict == "blocked"


def test_429_then_200_after_retry_after(servers, settings):
    a = servers(2, {"/p": [Reply(429, b"", {"Retry-After": "1"}), Reply()]})
    t = time.monotonic()
    res = one(a.url("/p"), settings)
    assert res.verdict == "ok" and res.attempts == 2
    assert time.monotonic() - t >= 0.9  # waited as asked


def test_retry_after_beyond_the_cap_is_not_waited_for(servers, settings):
    a = servers(2, {"/p": Reply(429, b"", {"Retry-After": "3600"})})
    t = time.monotonic()
    res = one(a.url("/p"), settings)
    assert res.verdict == "blocked" and res.http_status == 429
    assert time.monotonic() - t < 2


def test_5xx_retried_then_error(servers, settings):
    a = servers(2, {"/flaky": [Reply(503), Reply()], "/down": Reply(502)})
    assert one(a.url("/flaky"), settings).verdict == "ok"
    res = one(a.url("/down"), settings)
    assert res.verdict == "error" and res.http_status == 502
    assert len(a.requests_for("/down")) == 1 + settings.retries


def test_slow_response_past_the_timeout_is_an_error(servers, settings):
    a = servers(2, {"/slow": Reply(delay=1.5)})
    settings.read_timeout = 0.3
    settings.retries = 1
    t = time.monotonic()
    res = one(a.url("/slow"), settings)
    assert res.verdict == "error" and res.error_kind == "timeout"
    assert time.monotonic() - t < 3


def test_reset_connection_is_an_error(servers, settings):
    a = servers(2, {"/reset": Reply(reset=True)})
    res = one(a.url("/reset"), settings)
    assert res.verdict == "error" and res.error_kind == "reset"
    assert len(a.requests_for("/reset")) == 1 + settings.retries


def test_soft_404_host(servers, settings):
    def template(path):
        return Reply(200, html("Example Press", f"Sorry, nothing at {path}. " * 20))

    a = servers(2, {
        "/real": Reply(200, html("On reference rot", "An article about link rot. " * 40)),
        "/nf-en": Reply(200, html("Page Not Found | Example Press")),
        "/nf-zh": Reply(200, html("页面不存在")),
        "/moved-home": Reply(302, b"", {"Location": "/"}),
    }, default=template)
    a.routes["/"] = Reply(200, html("Home", "Welcome home. " * 30))
    r = {u.rsplit("/", 1)[1]: x for u, x in zip(
        ["/real", "/nf-en", "/nf-zh", "/gone-article", "/moved-home"],
        check_urls([a.url(p) for p in ["/real", "/nf-en", "/nf-zh", "/gone-article",
                                       "/moved-home"]], settings))}
    assert r["real"].verdict == "ok"
    assert r["nf-en"].verdict == "soft-404" and "Not Found" in r["nf-en"].note
    assert r["nf-zh"].verdict == "soft-404" and "页面不存在" in r["nf-zh"].note
    assert r["gone-article"].verdict == "soft-404"  # same template as a random path
    probes = [p for _, p, _ in a.log if p.endswith("-not-there")]
    assert len(probes) == 1  # one random-path probe per host per run


def test_soft_404_redirect_to_home(servers, settings):
    a = servers(2, {"/": Reply(200, html("Home", "Welcome. " * 30))},
                default=Reply(302, b"", {"Location": "/"}))
    res = one(a.url("/old-article"), settings)
    assert res.verdict == "soft-404" and "random path" in res.note


def test_ordinary_pages_cost_one_request_each(servers, settings):
    a = servers(2, {f"/p{i}": Reply(200, html(f"Article {i}", "Text. " * 40)) for i in range(5)})
    res = check_urls([a.url(f"/p{i}") for i in range(5)], settings)
    assert {r.verdict for r in res} == {"ok"}
    assert len(a.log) == 5  # one GET each, no HEAD, no probe


def test_unresolvable_name_is_dead_pending(servers, settings):
    a = servers(2, {"/p": Reply()})
    b = servers(3, {"/p": Reply()})
    res = check_urls([a.url("/p"), b.url("/p"), "http://no-such-host.invalid/paper.pdf"],
                     settings)
    assert [r.verdict for r in res] == ["ok", "ok", "dead?"]
    assert res[2].error_kind == "dns"


def test_offline_when_nothing_resolves(settings, caplog):
    urls = [f"http://journal{i}.invalid/article/{j}" for i in range(4) for j in range(2)]
    settings.archive_endpoint = "http://archive.invalid"  # unreachable too
    run = run_checks(urls, settings)
    assert run.offline and "offline" in run.notice
    assert {r.verdict for r in run.results} == {"unknown"}
    assert sum("offline" in m for m in caplog.messages) == 1  # said once
    assert all(r.archive is None for r in run.results)
    # and nothing of it is remembered as evidence of death
    run2 = run_checks(urls, settings)
    assert {r.verdict for r in run2.results} == {"unknown"}


def test_offline_when_connections_are_refused(settings):
    # ports on loopback nobody listens on (bound then closed)
    import socket

    urls = []
    for n in range(2, 6):
        s = socket.socket()
        s.bind((f"127.0.0.{n}", 0))
        urls.append(f"http://127.0.0.{n}:{s.getsockname()[1]}/x")
        s.close()
    run = run_checks(urls, settings)
    assert run.offline and {r.verdict for r in run.results} == {"unknown"}


# ---- politeness ---------------------------------------------------------------------------


def test_per_host_limit_and_min_gap(servers, settings):
    inflight = {"now": 0, "max": 0}
    starts: list[float] = []
    lock = threading.Lock()

    def slow(path):
        with lock:
            inflight["now"] += 1
            inflight["max"] = max(inflight["max"], inflight["now"])
            starts.append(time.monotonic())
        time.sleep(0.2)
        with lock:
            inflight["now"] -= 1
        return Reply()

    a = servers(2, default=slow)
    b = servers(3, default=Reply(200))
    settings.per_host, settings.min_gap, settings.workers = 2, 0.1, 16
    settings.soft404 = False
    urls = [a.url(f"/p{i}") for i in range(8)] + [b.url(f"/q{i}") for i in range(8)]
    res = check_urls(urls, settings)
    assert {r.verdict for r in res} == {"ok"}
    assert inflight["max"] == 2
    starts.sort()
    # 0.1 s apart when sent; each arrival may lag its sending by scheduling jitter (on a
    # loaded machine one pair's gap shrank to 0.067 s), so the k-th request after the first
    # must arrive at least k gaps later, less one jitter allowance, never the k-th all at once
    assert all(t - starts[0] >= k * 0.1 - 0.05 for k, t in enumerate(starts))


def test_hosts_are_checked_concurrently(servers, settings):
    # counted on the servers' side: how many hosts were answering at the same moment
    inflight = {"now": 0, "max": 0}
    lock = threading.Lock()

    def slow(path):
        with lock:
            inflight["now"] += 1
            inflight["max"] = max(inflight["max"], inflight["now"])
        time.sleep(0.3)
        with lock:
            inflight["now"] -= 1
        return Reply()

    hosts = [servers(n, default=slow) for n in range(2, 8)]
    settings.soft404 = False
    res = check_urls([h.url("/x") for h in hosts], settings)
    assert {r.verdict for r in res} == {"ok"}
    assert inflight["max"] >= 3  # one after another would be 1 at a time


def test_proxy_environment_is_honoured(servers, settings, monkeypatch):
    proxy = servers(4, {"http://cited.invalid/article": Reply(200, html("Via the proxy"))})
    monkeypatch.setenv("HTTP_PROXY", proxy.url(""))
    res = one("http://cited.invalid/article", settings)
    assert res.verdict == "ok"
    assert proxy.log[0][1] == "http://cited.invalid/article"  # absolute-form: a proxy request


# ---- archive ------------------------------------------------------------------------------


def test_archive_capture_nearest_the_access_date(servers, settings, httpserver):
    a = servers(2, {"/p": Reply(404)})
    cited = a.url("/p")
    httpserver.expect_request(
        "/wayback/available", query_string={"url": cited, "timestamp": "20200115"}
    ).respond_with_json({"archived_snapshots": {"closest": {
        "available": True, "status": "200", "timestamp": "20200110093000",
        "url": f"http://web.archive.example/web/20200110093000/{cited}"}}})
    settings.archive_endpoint = httpserver.url_for("/").rstrip("/")
    [res] = check_urls([LinkItem(cited, accessed="2020-01-15")], settings)
    assert res.verdict == "dead?"
    assert res.archive.timestamp == "20200110093000"
    assert res.archive.distance_days == 5
    assert res.archive.url.endswith("/web/20200110093000/" + cited)


def test_archive_without_capture(servers, settings, httpserver):
    a = servers(2, {"/p": Reply()})
    httpserver.expect_request("/wayback/available").respond_with_json({"archived_snapshots": {}})
    settings.archive_endpoint = httpserver.url_for("/").rstrip("/")
    [res] = check_urls([LinkItem(a.url("/p"), accessed="2021-03-04")], settings)
    assert res.verdict == "ok" and res.archive is None
    assert len(httpserver.log) == 1


def test_archive_redirect_mode(servers, settings, httpserver):
    a = servers(2, {"/p": Reply()})
    cited = a.url("/p")
    httpserver.expect_request(f"/web/20190301/{cited}").respond_with_data(
        "", status=302, headers={"Location": f"/web/20190228120000/{cited}"})
    settings.archive_endpoint = httpserver.url_for("/").rstrip("/")
    settings.archive_api = "redirect"
    [res] = check_urls([LinkItem(cited, accessed="2019-03-01")], settings)
    assert res.archive.timestamp == "20190228120000" and res.archive.distance_days == 1


def test_archive_only_for_broken_links(servers, settings, httpserver):
    a = servers(2, {"/ok": Reply(), "/gone": Reply(404)})
    httpserver.expect_request("/wayback/available").respond_with_json({"archived_snapshots": {}})
    settings.archive_endpoint = httpserver.url_for("/").rstrip("/")
    settings.archive_for = "broken"
    check_urls([a.url("/ok"), a.url("/gone")], settings)
    asked = [req.args["url"] for req, _ in httpserver.log]
    assert asked == [a.url("/gone")]


# ---- confirmation across runs and the cache ---------------------------------------------


def test_dead_pending_becomes_dead_on_a_second_run_after_the_interval(servers, settings):
    a = servers(2, {"/gone": Reply(404)})
    url = a.url("/gone")
    now = [T0]
    settings.clock = lambda: now[0]
    settings.confirm_after = timedelta(days=3)
    assert one(url, settings).verdict == "dead?"
    now[0] = T0 + timedelta(days=1)
    res = one(url, settings)
    assert res.verdict == "dead?" and res.first_failed_at == "2026-11-27T12:00:00Z"
    now[0] = T0 + timedelta(days=3, hours=1)
    assert one(url, settings).verdict == "dead"
    # a confirmed death is final: reused from the cache within max age
    now[0] = T0 + timedelta(days=4)
    res = one(url, settings)
    assert res.verdict == "dead" and res.from_cache


def test_recovery_restarts_the_dead_streak(servers, settings):
    a = servers(2, {"/p": [Reply(404), Reply(200), Reply(404), Reply(404)]})
    url = a.url("/p")
    now = [T0]
    settings.clock = lambda: now[0]
    settings.max_age = timedelta(0)  # always recheck
    settings.head_first = False
    verdicts = []
    for day in (0, 4, 8, 12):
        now[0] = T0 + timedelta(days=day)
        verdicts.append(one(url, settings).verdict)
    # day 8 is 8 days after the first 404, but the page answered in between
    assert verdicts == ["dead?", "ok", "dead?", "dead"]


def test_cache_reuse_within_max_age(servers, settings):
    a = servers(2, {"/ok": Reply(), "/err": Reply(503)})
    now = [T0]
    settings.clock = lambda: now[0]
    check_urls([a.url("/ok"), a.url("/err")], settings)
    n_ok, n_err = len(a.requests_for("/ok")), len(a.requests_for("/err"))
    now[0] = T0 + timedelta(days=1)
    res = check_urls([a.url("/ok"), a.url("/err")], settings)
    assert res[0].verdict == "ok" and res[0].from_cache
    assert len(a.requests_for("/ok")) == n_ok  # not asked again
    assert res[1].verdict == "error" and not res[1].from_cache
    assert len(a.requests_for("/err")) > n_err  # errors are never final
    now[0] = T0 + timedelta(days=8)  # past max age
    res = check_urls([a.url("/ok")], settings)
    assert not res[0].from_cache and len(a.requests_for("/ok")) > n_ok


def test_429_is_not_reused_from_the_cache(servers, settings):
    a = servers(2, {"/p": Reply(429, b"", {"Retry-After": "3600"})})
    check_urls([a.url("/p")], settings)
    n = len(a.log)
    res = check_urls([a.url("/p")], settings)
    assert res[0].verdict == "blocked" and not res[0].from_cache and len(a.log) > n


def test_no_cache_means_never_dead(servers, settings):
    a = servers(2, {"/gone": Reply(410)})
    settings.cache_path = None
    settings.confirm_after = timedelta(0)
    assert one(a.url("/gone"), settings).verdict == "dead?"


# ---- issue folder, reports and CLI ---------------------------------------------------------


def _issue(tmp_path, urls_by_article):
    issue_dir = tmp_path / "1000-0000-2026-4"
    issue_dir.mkdir()
    articles = []
    for art_id, cits in urls_by_article.items():
        articles.append({"id": art_id, "citations": [
            {"n": n, "text": f"ref {n}", "urls": urls, "accessed": acc}
            for n, urls, acc in cits]})
    (issue_dir / "issue.json").write_text(json.dumps({
        "source": {"file": "x.pdf", "sha256": "", "pages": 1}, "articles": articles}))
    return issue_dir


def test_collect_items_merges_citations_and_keeps_earliest_access():
    issue = {"articles": [
        {"id": "a1", "citations": [{"n": 1, "urls": ["http://h/x"], "accessed": "2020-05-01"},
                                   {"n": 2, "urls": ["http://h/y"], "accessed": ""}]},
        {"id": "a2", "citations": [{"n": 7, "urls": ["http://h/x"], "accessed": "2019-01-02"}]},
    ]}
    items = collect_items(issue)
    assert [i.url for i in items] == ["http://h/x", "http://h/y"]
    assert items[0].accessed == "2019-01-02"
    assert [(c.article, c.citation) for c in items[0].cited_by] == [("a1", 1), ("a2", 7)]


def test_check_issue_links_writes_json_and_summary(servers, settings, tmp_path):
    a = servers(2, {"/ok": Reply(), "/gone": Reply(404)})
    issue_dir = _issue(tmp_path, {
        "art1": [(1, [a.url("/ok")], "2024-01-01"), (2, [a.url("/gone")], "2023-06-30")],
        "art2": [(5, [a.url("/gone")], "")],
    })
    path = check_issue_links(issue_dir, settings)
    assert path == issue_dir / "links.json"
    doc = json.loads(path.read_text())
    assert doc["issue"] == "1000-0000-2026-4" and doc["offline"] is False
    assert doc["summary"]["ok"] == 1 and doc["summary"]["dead?"] == 1
    gone = next(x for x in doc["links"] if x["url"].endswith("/gone"))
    assert [(c["article"], c["citation"]) for c in gone["cited_by"]] == [("art1", 2), ("art2", 5)]
    assert gone["accessed"] == "2023-06-30" and gone["http_status"] == 404
    for key in ("verdict", "redirects", "final_url", "checked_at", "error", "archive"):
        assert key in gone
    text = (issue_dir / "links.txt").read_text()
    assert "dead? (1)" in text and "art2 [5]" in text
    assert not list(issue_dir.glob(".*.tmp"))


def test_check_issue_links_without_issue_json(tmp_path, settings):
    from parsers.errors import MissingFile

    with pytest.raises(MissingFile):
        check_issue_links(tmp_path, settings)


def test_cli_links(servers, tmp_path, capsys):
    from cli.main import main

    a = servers(2, {"/ok": Reply()})
    issue_dir = _issue(tmp_path, {"art1": [(1, [a.url("/ok")], "2024-01-01")]})
    rc = main(["links", str(issue_dir), "--cache", str(tmp_path / "c.sqlite"), "--no-archive",
               "--min-gap", "0", "--per-host", "1", "--timeout", "2"])
    assert rc == 0
    out = capsys.readouterr().out
    assert "1 ok" in out and "links.json" in out
    assert json.loads((issue_dir / "links.json").read_text())["links"][0]["verdict"] == "ok"


def test_cli_links_help(capsys):
    from cli.main import main

    with pytest.raises(SystemExit):
        main(["links", "--help"])
    out = capsys.readouterr().out
    for opt in ("--cache", "--archive", "--timeout", "--per-host", "--min-gap", "--user-agent"):
        assert opt in out


def test_cli_missing_issue_is_one_line_error(tmp_path, capsys):
    from cli.main import main

    rc = main(["links", str(tmp_path), "--no-archive", "--cache", str(tmp_path / "c.sqlite")])
    assert rc == 2
    assert "issue.json" in capsys.readouterr().err


def test_single_unresolvable_host_with_unreachable_archive_is_offline(settings):
    # one cited host is too few to tell; the archive failing alike tips it to offline
    settings.archive_endpoint = "http://archive.invalid"
    [res] = check_urls(["http://only-host.invalid/x"], settings)
    assert res.verdict == "unknown"


def test_no_request_leaves_for_other_hosts(servers, settings, httpserver, monkeypatch):
    import requests
    from urllib.parse import urlsplit

    a = servers(2, {"/p": Reply(), "/gone": Reply(404)})
    httpserver.expect_request("/wayback/available").respond_with_json({"archived_snapshots": {}})
    settings.archive_endpoint = httpserver.url_for("/").rstrip("/")
    sent = []
    real = requests.Session.request

    def spy(self, method, url, *args, **kwargs):
        sent.append(url)
        return real(self, method, url, *args, **kwargs)

    monkeypatch.setattr(requests.Session, "request", spy)
    check_urls([a.url("/p"), a.url("/gone")], settings)

    archive_netloc = urlsplit(httpserver.url_for("/")).netloc
    assert {urlsplit(u).netloc for u in sent} == {a.netloc, archive_netloc}


@pytest.fixture
def self_signed(tmp_path):
    """A certificate for 127.0.0.5 signed by nobody anyone trusts."""
    crypto = pytest.importorskip("cryptography")  # noqa: F841
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.5")])
    now = datetime.now(timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.5"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    certfile, keyfile = tmp_path / "cert.pem", tmp_path / "key.pem"
    certfile.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    keyfile.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                          serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    return str(certfile), str(keyfile)


def test_untrusted_certificate_is_a_tls_error(servers, settings, self_signed, monkeypatch):
    monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
    a = servers(5, {"/p": Reply()}, tls=self_signed)
    res = one(a.url("/p"), settings)
    assert res.verdict == "error" and res.error_kind == "tls"


def test_requests_ca_bundle_is_honoured(servers, settings, self_signed, monkeypatch):
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", self_signed[0])
    a = servers(5, {"/p": Reply()}, tls=self_signed)
    res = one(a.url("/p"), settings)
    assert res.verdict == "ok", res.error


def test_default_user_agent_names_the_project_homepage_from_pyproject():
    import tomllib
    from pathlib import Path

    from checks.links import DEFAULT_USER_AGENT

    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    homepage = pyproject["project"]["urls"]["Homepage"]
    assert homepage.startswith("https://") and "example" not in homepage
    assert f"(+{homepage}; cited-link checker)" in DEFAULT_USER_AGENT
    assert DEFAULT_USER_AGENT.startswith("journal-ingest/" + pyproject["project"]["version"])
