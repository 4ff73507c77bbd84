"""Archive lookups through each API against local servers that speak the documented protocols.

- CDX: the Internet Archive's wayback-cdx-server (JSON array, first row the field names)
  and pywb's CDX server (one JSON object per line), `closest`/`sort=closest`/`limit`.
- Memento TimeGate (RFC 7089): `Accept-Datetime` in, 302 with `Location`, `Vary` and a
  `Link` header out; 404 when there is no memento.

Cited pages are `LocalServer`s on 127.0.0.2; archives are pytest-httpserver on localhost.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from werkzeug import Response

from checks import archive
from checks.links import LinkSettings, check_urls
from checks.testserver import LocalServer, Reply
from checks.verdicts import LinkItem

T0 = datetime(2026, 11, 27, 12, 0, tzinfo=timezone.utc)


pytestmark = pytest.mark.usefixtures("no_proxy_env")


@pytest.fixture
def cited():
    with LocalServer("127.0.0.2", {"/p": Reply(404)}) as srv:
        yield srv


@pytest.fixture
def settings(tmp_path, httpserver):
    return LinkSettings(cache_path=tmp_path / "c.sqlite", min_gap=0.0, backoff=0.05,
                        connect_timeout=2, read_timeout=2, clock=lambda: T0,
                        archive_endpoint=httpserver.url_for("/").rstrip("/"))


def check(url: str, accessed: str, settings: LinkSettings):
    [res] = check_urls([LinkItem(url, accessed=accessed)], settings)
    return res


# ---- CDX ------------------------------------------------------------------------------------

IA_FIELDS = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]


def ia_rows(url: str, *rows: tuple[str, str]) -> list[list[str]]:
    return [IA_FIELDS] + [["key", ts, url, "text/html", status, "D", "1"] for ts, status in rows]


def test_cdx_nearest_usable_capture_ia_format(cited, settings, httpserver):
    url = cited.url("/p")
    httpserver.expect_request("/cdx/search/cdx", query_string={
        "url": url, "output": "json", "closest": "20200115120000", "sort": "closest",
        "limit": str(archive.CDX_LIMIT)}).respond_with_json(
        # the nearest is an error page; a redirect is nearer than the 200: the 200 wins
        ia_rows(url, ("20200115000000", "404"), ("20200116000000", "301"),
                ("20200110093000", "200"), ("20190101000000", "200")))
    settings.archive_api = "cdx"
    res = check(url, "2020-01-15", settings)
    assert res.archive.timestamp == "20200110093000"
    assert res.archive.distance_days == 5
    assert res.archive.url == f"{settings.archive_endpoint}/web/20200110093000/{url}"


def test_cdx_rows_unsorted_by_server_are_sorted_here(cited, settings, httpserver):
    url = cited.url("/p")
    httpserver.expect_request("/cdx/search/cdx").respond_with_json(
        ia_rows(url, ("20100101000000", "200"), ("20200301000000", "200"),
                ("20200120000000", "200")))
    settings.archive_api = "cdx"
    assert check(url, "2020-01-15", settings).archive.timestamp == "20200120000000"


def test_cdx_pywb_ndjson_with_path_and_replay_settings(cited, settings, httpserver):
    url = cited.url("/p")
    lines = [{"urlkey": "k", "timestamp": "20200114000000", "url": url, "status": "200",
              "mime": "text/html"},
             {"urlkey": "k", "timestamp": "20200115000000", "url": url, "status": "500"}]
    httpserver.expect_request("/coll/cdx", query_string={
        "url": url, "output": "json", "closest": "20200115120000", "sort": "closest",
        "limit": str(archive.CDX_LIMIT)}).respond_with_data(
        "\n".join(json.dumps(x) for x in lines) + "\n", content_type="text/x-ndjson")
    settings.archive_api = "cdx"
    settings.archive_path = "/coll/cdx"
    settings.archive_replay = settings.archive_endpoint + "/coll"
    res = check(url, "2020-01-15", settings)
    assert res.archive.url == f"{settings.archive_endpoint}/coll/20200114000000/{url}"
    assert res.archive.distance_days == 1


@pytest.mark.parametrize("answer", [
    Response("[]", content_type="application/json"),  # IA: no captures
    Response("", content_type="text/plain"),  # IA without output=json honoured: empty
    Response("", status=404),  # pywb: URL never seen
    Response(json.dumps(ia_rows("x", ("20200101000000", "404"))), content_type="application/json"),
])
def test_cdx_without_capture(cited, settings, httpserver, answer):
    httpserver.expect_request("/cdx/search/cdx").respond_with_response(answer)
    settings.archive_api = "cdx"
    res = check(cited.url("/p"), "2020-01-15", settings)
    assert res.archive is None and "archive lookup failed" not in res.note
    assert len(httpserver.log) == 1


def test_cdx_without_access_date_asks_near_now(cited, settings, httpserver):
    url = cited.url("/p")
    httpserver.expect_request("/cdx/search/cdx", query_string={
        "url": url, "output": "json", "closest": "20261127120000", "sort": "closest",
        "limit": str(archive.CDX_LIMIT)}).respond_with_json(ia_rows(url, ("20261001000000", "200")))
    settings.archive_api = "cdx"
    res = check(url, "", settings)
    assert res.archive.timestamp == "20261001000000" and res.archive.distance_days is None


def test_cdx_server_error_is_a_failed_lookup_not_a_missing_copy(cited, settings, httpserver):
    httpserver.expect_request("/cdx/search/cdx").respond_with_data("busy", status=503)
    settings.archive_api = "cdx"
    settings.retries = 0
    res = check(cited.url("/p"), "2020-01-15", settings)
    assert res.archive is None and "archive lookup failed" in res.note


def test_an_archive_failing_every_time_is_asked_three_times_not_once_per_url(cited, settings,
                                                                             httpserver):
    httpserver.expect_request("/cdx/search/cdx").respond_with_data("busy", status=503)
    settings.archive_api = "cdx"
    settings.retries = 0
    settings.workers = 1
    items = [LinkItem(cited.url(f"/p{i}"), accessed="2020-01-15") for i in range(8)]
    results = check_urls(items, settings)
    assert len(httpserver.log) == 3
    assert sum("archive unreachable" in r.note for r in results) == 5


# ---- Memento TimeGate -------------------------------------------------------------------------


def timegate(memento_for, *, link_datetime=True, memento_header=False):
    """A TimeGate handler: 302 to the memento nearest Accept-Datetime (RFC 7089 pattern 2.2)."""
    seen: list[str] = []

    def handle(request):
        seen.append(request.headers.get("Accept-Datetime", ""))
        original = request.full_path.split("/web/", 1)[1].rstrip("?")
        found = memento_for(original)
        if not found:
            return Response("no memento", status=404, headers={"Vary": "accept-datetime"})
        _, http_date = found
        uri = f"{request.host_url}mementos/{len(seen)}"  # opaque: the datetime is in Link only
        link = [f'<{original}>; rel="original"',
                (f'<{request.host_url}timemap/link/{original}>; rel="timemap"; '
                 'type="application/link-format"')]
        if link_datetime:
            link.append(f'<{uri}>; rel="memento"; datetime="{http_date}"')
        headers = {"Location": uri, "Vary": "accept-datetime", "Link": ", ".join(link)}
        if memento_header:
            headers["Memento-Datetime"] = http_date
        return Response("", status=302, headers=headers)

    return handle, seen


def test_timegate_302_with_link_datetime(cited, settings, httpserver):
    url = cited.url("/p")
    handler, seen = timegate(lambda u: ("20200110093000", "Fri, 10 Jan 2020 09:30:00 GMT"))
    httpserver.expect_request(f"/web/{url}").respond_with_handler(handler)
    settings.archive_api = "timegate"
    res = check(url, "2020-01-15", settings)
    assert seen == ["Wed, 15 Jan 2020 12:00:00 GMT"]  # RFC 1123 date, as RFC 7089 asks
    assert res.archive.url == f"{settings.archive_endpoint}/mementos/1"
    assert res.archive.timestamp == "20200110093000" and res.archive.distance_days == 5
    assert [r.method for r, _ in httpserver.log] == ["GET"]  # no HEAD needed


def test_timegate_stamp_in_a_wayback_style_memento_uri(cited, settings, httpserver):
    url = cited.url("/p")
    httpserver.expect_request(f"/web/{url}").respond_with_response(Response("", status=302, headers={
        "Location": f"/web/20191231235959/{url}", "Vary": "accept-datetime"}))
    settings.archive_api = "timegate"
    res = check(url, "2020-01-15", settings)
    assert res.archive.url == f"{settings.archive_endpoint}/web/20191231235959/{url}"
    assert res.archive.timestamp == "20191231235959" and res.archive.distance_days == 15


def test_timegate_memento_datetime_header_and_opaque_uri(cited, settings, httpserver):
    url = cited.url("/p")

    def handle(request):
        return Response("", status=302, headers={
            "Location": "/mementos/abc123", "Vary": "accept-datetime",
            "Memento-Datetime": "Sat, 01 Feb 2020 00:00:00 GMT",
            "Link": f'<{url}>; rel="original"'})
    httpserver.expect_request(f"/web/{url}").respond_with_handler(handle)
    settings.archive_api = "timegate"
    res = check(url, "2020-01-15", settings)
    assert res.archive.url == settings.archive_endpoint + "/mementos/abc123"
    assert res.archive.timestamp == "20200201000000" and res.archive.distance_days == 17


def test_timegate_datetime_from_a_head_of_the_memento(cited, settings, httpserver):
    url = cited.url("/p")
    httpserver.expect_request(f"/web/{url}").respond_with_response(Response("", status=302, headers={
        "Location": "/m/1", "Vary": "accept-datetime"}))
    httpserver.expect_request("/m/1", method="HEAD").respond_with_response(Response("", headers={
        "Memento-Datetime": "Mon, 13 Jan 2020 08:00:00 GMT"}))
    settings.archive_api = "timegate"
    res = check(url, "2020-01-15", settings)
    assert res.archive.timestamp == "20200113080000" and res.archive.distance_days == 2


def test_timegate_without_memento(cited, settings, httpserver):
    handler, seen = timegate(lambda u: None)
    url = cited.url("/p")
    httpserver.expect_request(f"/web/{url}").respond_with_handler(handler)
    settings.archive_api = "timegate"
    res = check(url, "2020-01-15", settings)
    assert res.archive is None and "archive lookup failed" not in res.note
    assert len(seen) == 1


def test_link_header_parsing_keeps_commas_inside_dates():
    links = archive.parse_link_header(
        '<http://a.example.org/>; rel="original", <http://arxiv.example.net/web/20010911203610/'
        'http://a.example.org/>; rel="first memento"; datetime="Tue, 11 Sep 2001 20:36:10 GMT"')
    assert links[1] == ("http://arxiv.example.net/web/20010911203610/http://a.example.org/",
                        {"rel": "first memento", "datetime": "Tue, 11 Sep 2001 20:36:10 GMT"})


def test_default_endpoint_uses_the_internet_archive_hosts_per_api():
    asked = []

    def send(method, url, **kw):
        asked.append(url)
        raise archive.ArchiveUnavailable("offline")

    for mode in ("available", "cdx", "timegate"):
        with pytest.raises(archive.ArchiveUnavailable):
            archive.lookup("http://x.example/", "2020-01-01", endpoint="https://archive.org",
                           send=send, mode=mode)
    assert asked == ["https://archive.org/wayback/available",
                     "https://web.archive.org/cdx/search/cdx",
                     "https://web.archive.org/web/http://x.example/"]
