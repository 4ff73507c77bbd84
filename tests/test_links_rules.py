"""The link checker's evidence rules, without a network."""
from __future__ import annotations

import socket
from datetime import datetime, timezone

import pytest
import requests
from requests.structures import CaseInsensitiveDict

from checks.archive import distance_days, wayback_timestamp
from checks.links import _interleave, classify_exception, host_key, retry_after_seconds
from checks.verdicts import LinkItem, error_title, is_bot_challenge, page_title, similar_bodies

NOW = datetime(2026, 11, 27, 12, 0, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("value, expected", [
    ("5", 5.0),
    ("0", 0.0),
    ("Fri, 27 Nov 2026 12:00:30 GMT", 30.0),
    ("Fri, 27 Nov 2026 11:00:00 GMT", 0.0),  # in the past: go now
    ("soon", None),
    (None, None),
])
def test_retry_after(value, expected):
    assert retry_after_seconds(value, NOW) == expected


@pytest.mark.parametrize("title, hit", [
    ("Page Not Found | Example", True),
    ("404 - File or directory not found.", True),
    ("页面不存在", True),
    ("抱歉，您访问的页面不存在", True),
    ("Error 404", True),
    ("On the 4040 series of reports", False),
    ("Reference rot in scholarly statements", False),
    ("中国知网", False),
])
def test_error_titles(title, hit):
    assert bool(error_title(title)) is hit


def test_page_title_decodes_gbk_and_collapses_space():
    body = "<html><head><title>\n 页面\n 不存在 </title>".encode("gb18030")
    assert page_title(body) == "页面 不存在"
    assert page_title(b"<p>no title</p>") == ""


def test_bot_challenges():
    h = CaseInsensitiveDict
    assert is_bot_challenge(403, h({"cf-mitigated": "challenge"}))
    assert is_bot_challenge(200, h({"cf-mitigated": "challenge"}))
    assert is_bot_challenge(403, h({"Server": "cloudflare"}))
    assert is_bot_challenge(503, h({}), b"<html><title>Just a moment...</title>")
    assert not is_bot_challenge(403, h({"Server": "nginx"}), b"<title>Forbidden</title>")
    assert not is_bot_challenge(200, h({}), b"<title>Paper</title>")


def test_similar_bodies_ignores_the_echoed_path():
    a = b"<title>Oops</title> nothing at /one/path here, sorry, try the search " * 3
    b = b"<title>Oops</title> nothing at /zz9-random here, sorry, try the search " * 3
    assert similar_bodies(a, b, ("/one/path", "/zz9-random"))
    assert not similar_bodies(a, b"<title>Article</title> " + b"distinct words " * 40)


@pytest.mark.parametrize("errno_, kind", [
    (socket.EAI_NONAME, "dns"),
    (socket.EAI_AGAIN, "dns-temporary"),
])
def test_name_resolution_kinds(errno_, kind):
    err = requests.exceptions.ConnectionError("boom")
    err.__cause__ = socket.gaierror(errno_, "x")
    assert classify_exception(err)[0] == kind


def test_other_exception_kinds():
    assert classify_exception(requests.exceptions.ReadTimeout("t"))[0] == "timeout"
    assert classify_exception(requests.exceptions.ConnectTimeout("t"))[0] == "timeout"
    assert classify_exception(requests.exceptions.SSLError("bad cert"))[0] == "tls"
    e = requests.exceptions.ConnectionError(ConnectionResetError(104, "reset"))
    assert classify_exception(e)[0] == "reset"
    e = requests.exceptions.ConnectionError(ConnectionRefusedError(111, "refused"))
    assert classify_exception(e)[0] == "connect"


def test_archive_helpers():
    assert wayback_timestamp("2020-01-15") == "20200115"
    assert wayback_timestamp("") == ""
    assert distance_days("20200110093000", "2020-01-15") == 5
    assert distance_days("20200110093000", "") is None


def test_hosts_interleave_round_robin():
    items = [LinkItem(u) for u in ["http://a/1", "http://a/2", "http://a/3", "http://b/1",
                                   "https://c/1", "http://b/2"]]
    order = [items[i].url for i in _interleave(items)]
    assert order == ["http://a/1", "http://b/1", "https://c/1", "http://a/2", "http://b/2",
                     "http://a/3"]
    assert host_key("https://C.example/x") == "c.example:443"
