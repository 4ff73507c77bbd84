"""Cited URLs as printed (GB/T 7714) and the checker's URL and evidence rules, offline."""
from __future__ import annotations

import pytest
import requests
from requests.structures import CaseInsensitiveDict

from checks.archive import Archive
from checks.links import (
    _https_archive,
    _same_place,
    _same_resource,
    classify_exception,
    host_key,
    redirect_target,
    request_url,
)
from checks.verdicts import challenge_title, error_title, is_bot_challenge, similar_bodies
from parsers.citations import find_urls, parse_citation


@pytest.mark.parametrize("text, url", [
    # GB/T 7714-2015 prints the URL as a browser shows it, CJK included
    ("[5] 北大西洋公约组织[EB/OL]. (2023-03-01)[2023-05-01]. "
     "https://zh.wikipedia.org/wiki/北大西洋公约组织.", "https://zh.wikipedia.org/wiki/北大西洋公约组织"),
    ("百度百科. 北约[EB/OL]. https://baike.baidu.com/item/北约/1234?fr=aladdin，2023-03-01.",
     "https://baike.baidu.com/item/北约/1234?fr=aladdin"),
    ("检索 https://search.test/s?wd=北约东扩&ie=utf-8。", "https://search.test/s?wd=北约东扩&ie=utf-8"),
    ("www.nato.int/北约/条目/2 ok", "www.nato.int/北约/条目/2"),
    # a file name with spaces, up to its extension
    ("NATO. Strategic Concept[EB/OL]. https://www.x.org/files/NATO 2022 Strategic Concept.pdf "
     "[2023-03-01].", "https://www.x.org/files/NATO 2022 Strategic Concept.pdf"),
    # what follows a complete URL is not part of it
    ("http://www.gov.cn/zhengce/content_5744.htm访问日期：2023-03-01",
     "http://www.gov.cn/zhengce/content_5744.htm"),
    ("https://www.nato.int/cps/en/natohq/topics_50336.htm. Accessed March 1, 2023.",
     "https://www.nato.int/cps/en/natohq/topics_50336.htm"),
    ("see https://www.x.org/news and read report.html now", "https://www.x.org/news"),
    ("官网 https://www.nato.int/ 北约官网", "https://www.nato.int/"),
])
def test_urls_are_whole_as_printed(text, url):
    assert [u for u, _s, _e in find_urls(text)] == [url]


def test_a_cjk_character_in_the_host_ends_nothing_it_never_started():
    assert find_urls("https://中国.cn/x") == []


def test_citation_keeps_the_whole_wiki_url():
    cit = parse_citation(1, "北大西洋公约组织[EB/OL]. https://zh.wikipedia.org/wiki/北大西洋公约组织, "
                            "2023-03-01.")
    assert cit.urls == ["https://zh.wikipedia.org/wiki/北大西洋公约组织"]


def test_www_urls_without_scheme_are_asked_over_http():
    assert request_url("www.nato.int/cps/en/x.htm") == "http://www.nato.int/cps/en/x.htm"
    assert request_url("https://www.nato.int/") == "https://www.nato.int/"
    assert host_key("www.nato.int/x") == "www.nato.int:80"


def test_raw_utf8_location_is_read_as_requests_does():
    raw = "/wiki/北大西洋公约组织".encode().decode("latin-1")  # what http.client hands over
    assert redirect_target("https://zh.wiki.test/wiki/NATO", raw) == (
        "https://zh.wiki.test/wiki/%E5%8C%97%E5%A4%A7%E8%A5%BF%E6%B4%8B%E5%85%AC%E7%BA%A6%E7%BB%84%E7%BB%87")
    assert redirect_target("https://a.test/x/y", "../z%20w") == "https://a.test/z%20w"
    assert redirect_target("https://a.test/x", "/file with spaces.html") == (
        "https://a.test/file%20with%20spaces.html")


@pytest.mark.parametrize("title, hit", [
    ("404", True), ("404 - 页面 | 人民网", True), ("Error 404 - Example", True),
    ("404页面", True), ("页面不存在", True),
    ("第404期 | 国际观察周刊", False), ("Operation 404: the 1944 airlift revisited", False),
    ("Boeing 404 and the market", False), ("国务院关于印发“十四五”规划的通知_政策_中国政府网", False),
])
def test_404_only_as_a_whole_title_part(title, hit):
    assert bool(error_title(title)) is hit


def test_verification_titles_are_walls_but_articles_about_them_are_not():
    assert challenge_title("百度安全验证")
    assert challenge_title("Security Check | Example")
    assert not challenge_title("网络安全验证技术研究")


def test_chinese_pages_in_one_template_are_told_apart():
    def page(title: str, text: str) -> bytes:
        return (f"<html><head><title>{title}</title><script>var a=1;</script></head><body>"
                f"<div class=nav><a href=/>Home</a> <a href=/news>News</a></div><h1>{title}</h1>"
                f"<p>{text}</p><div class=footer>Copyright 2023 ICP 123</div></body></html>"
                ).encode("utf-8")

    a = page("北约东扩的历史与现实", "北大西洋公约组织成立于一九四九年。冷战结束以后，北约多次东扩。" * 5)
    b = page("日本防卫政策的新动向", "日本政府通过新的安全保障战略文件，提出大幅增加防卫预算。" * 5)
    assert not similar_bodies(a, b)  # the ASCII markup is the same; what they say is not
    assert similar_bodies(a, a.replace(b"/news", b"/news2"))
    gbk = page("页面", "对不起，您访问的页面不存在").decode().encode("gbk")
    assert similar_bodies(gbk, page("页面", "对不起，您访问的页面不存在").decode().encode("gbk"))


def test_jiasule_521_is_a_bot_wall():
    headers = CaseInsensitiveDict({"Set-Cookie": "__jsluid_s=3e; path=/"})
    assert "Jiasule" in is_bot_challenge(521, headers, b"<script>document.cookie=1</script>")
    body = b"<script>document.cookie=('_')+('_')+('j')+('s')+('l')+('_')+('c')</script>"
    assert is_bot_challenge(521, CaseInsensitiveDict(), body)
    assert not is_bot_challenge(521, CaseInsensitiveDict(), b"origin down")


@pytest.mark.parametrize("message, kind", [
    ("Tunnel connection failed: 502 Bad Gateway", "dns"),
    ("Tunnel connection failed: 503 Service Unavailable", "dns"),
    ("Tunnel connection failed: 502 Bad Gateway (Connection refused)", "connect"),
    ("Tunnel connection failed: 504 Gateway Timeout", "timeout"),
    ("Tunnel connection failed: 403 Forbidden", "other"),
])
def test_a_refused_connect_says_what_the_proxy_found(message, kind):
    exc = requests.exceptions.ProxyError(f"Unable to connect to proxy', OSError('{message}')")
    assert classify_exception(exc)[0] == kind


def test_same_resource_and_same_place():
    assert _same_resource("https://www.moe.test/", "http://moe.test")
    assert _same_resource("https://a.test/x/index.html", "http://a.test/x/")
    assert not _same_resource("https://a.test/?id=1", "https://a.test/?id=2")
    # a login redirect echoes the requested path: taken out before comparing
    assert _same_place("https://sso.test/login?next=/report/a.html",
                       "https://sso.test/login?next=/0f3-not-there",
                       "https://tt.test/report/a.html", "https://tt.test/0f3-not-there")
    assert not _same_place("https://a.test/view?id=5", "https://a.test/view?id=",
                           "https://a.test/old?id=5", "https://a.test/zz-not-there")


def test_archive_links_are_https():
    ia = Archive("http://web.archive.org/web/2020/http://x.test/", "2020", None)
    assert _https_archive(ia, "https://archive.org").url.startswith("https://web.archive.org/")
    own = Archive("http://arch.test/web/2020/x", "2020", None)
    assert _https_archive(own, "https://arch.test").url.startswith("https://")
    other = Archive("http://arch.test/web/2020/x", "2020", None)
    assert _https_archive(other, "http://arch.test").url.startswith("http://")
