"""A stand-in web for the link checker: hosts that behave as real cited sites do.

`sites()` builds the hosts an `InterceptingProxy` plays and `CASES` lists the cited URLs with
the verdict a careful reader would give each on a first run (no history, so a 404 is
`dead?`). The behaviours are the ones met when checking the references of Chinese and
English journals: redirect chains, raw UTF-8 in `Location`, soft 404s (error titles served
with 200, a template for every path, everything sent home), bot walls (Cloudflare, AWS
WAF, DataDome, Jiasule's 521, captcha and login redirects), 429/503 with `Retry-After`,
timeouts, resets, sites without TLS, bad certificates, names that no longer resolve as a
proxy reports them, GBK pages, cookie-check redirects, and web archives' CDX and TimeGate
APIs (`ARCHIVE_HOST`).

Names are under `.standin`, a top-level domain that does not exist, so a request that slipped
past the proxy could not reach anyone (not the reserved `.test`: lychee skips it as an example
domain, and the bench compares with lychee). Used by `tests/test_links_standin.py` and `bench/links_bench.py`.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import parse_qs, urlsplit

from .testserver import Reply, Site, html

#: verdict classes, for checkers that say less than ours (lychee, LinkChecker)
COARSE = {"ok": "live", "redirected": "live", "dead": "broken", "dead?": "broken",
          "soft-404": "broken", "blocked": "blocked", "error": "error", "unknown": "error"}

ARCHIVE_HOST = "web.archive.standin"


@dataclass(frozen=True)
class Case:
    url: str
    expected: str  # our verdict on a first run
    what: str
    live: bool  # the cited page is there (calling it dead or soft-404 is a false dead)


def _skeleton(title: str, text: str, charset: str = "utf-8") -> bytes:
    """A page in one site's template: the same ASCII markup around different text."""
    page = (
        f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='{charset}'>"
        f"<title>{title}</title><link rel='stylesheet' href='/static/css/main.css'>"
        "<script src='/static/js/jquery.min.js'></script></head><body>"
        "<div class='header'><a href='/'>首页</a> <a href='/news/'>新闻</a> "
        "<a href='/about/'>关于</a></div>"
        f"<div class='content'><h1>{title}</h1><div class='text'>{text}</div></div>"
        "<div class='footer'>Copyright 2023 All Rights Reserved ICP 12345678</div>"
        "</body></html>")
    return page.encode(charset)


ARTICLES_ZH = {
    "/2023/0301/c1002-32634.html": ("北约东扩的历史与现实",
                                    "北大西洋公约组织成立于一九四九年。冷战结束以后，北约多次东扩，"
                                    "吸收中东欧国家加入，引起俄罗斯强烈反应。" * 6),
    "/2023/0302/c1002-32635.html": ("日本防卫政策的新动向",
                                    "日本政府通过新的安全保障战略文件，提出大幅增加防卫预算，"
                                    "拥有反击能力，这是战后防卫政策的重大转变。" * 6),
    "/2023/0303/c1002-32636.html": ("亚太地区经济合作前景展望",
                                    "区域全面经济伙伴关系协定生效后，区域内贸易投资便利化水平提高，"
                                    "产业链供应链合作不断深化。" * 6),
}
NOT_THERE_ZH = ("抱歉，您访问的内容暂时无法显示",
                "您可以返回首页继续浏览其他内容，或者稍后再试。感谢您的关注与支持。" * 3)


def _soft_zh(path: str) -> Reply:
    """A Chinese news site: its articles, and the same template page for anything else."""
    if path in ARTICLES_ZH:
        return Reply(200, _skeleton(*ARTICLES_ZH[path]))
    return Reply(200, _skeleton(*NOT_THERE_ZH))


def _soft_en(path: str) -> Reply:
    if path.startswith("/article/"):
        slug = path.rsplit("/", 1)[-1]
        return Reply(200, html(f"{slug.replace('-', ' ').title()} | Policy Review",
                               f"Full text of {slug}. " * 5 + "Analysis of alliance politics. " * 30))
    return Reply(200, html("Policy Review", "Sorry, we could not find what you asked for. "
                           "Try the search box or browse the latest issue. " * 4))


def _redirect(to: str, status: int = 301, **headers: str) -> Reply:
    return Reply(status, b"", {"Location": to, **headers})


def _raw_utf8(path: str) -> str:
    """A Location header value holding raw UTF-8 bytes (sent as latin-1 text on the wire)."""
    return path.encode("utf-8").decode("latin-1")


def _cookie_check(path: str, headers: Any) -> Reply:
    """A site that sets a cookie with a redirect to the same URL, then answers (WAF style)."""
    if "visited=1" in (headers.get("Cookie") or ""):
        return Reply(200, _skeleton("关于推进高等教育高质量发展的意见", "教育部 " * 80))
    return Reply(302, b"", {"Location": path, "Set-Cookie": "visited=1; Path=/"})


def _jiasule(path: str) -> Reply:
    body = ("<html><body><script>document.cookie=('_')+('_')+('j')+('s')+('l')+('_')+('c')"
            "+('l')+('e')+('a')+('r')+('a')+('n')+('c')+('e')+('_')+('s')+('=')"
            "+(-~[]+'6')+'92.';location.href=location.pathname+location.search</script>"
            "</body></html>")
    return Reply(521, body, {"Set-Cookie": "__jsluid_s=3e5b0f; max-age=31536000; path=/",
                             "Server": "jsl"})


# ---- the archive: CDX and Memento TimeGate --------------------------------------------------

#: captures the stand-in archive holds, by original URL: 14-digit stamps and statuses
CAPTURES: dict[str, list[tuple[str, str]]] = {
    "https://www.gone-journal.standin/vol3/paper12.html": [
        ("20190611080000", "200"), ("20210302101500", "200"), ("20230105120000", "404")],
    "https://www.nato.standin/cps/en/natohq/topics_50336.htm": [
        ("20200110093000", "200"), ("20230302081500", "200")],
}


def _archive(path: str, headers: Any) -> Reply:
    parts = urlsplit(path)
    if parts.path == "/cdx/search/cdx":
        q = {k: v[0] for k, v in parse_qs(parts.query).items()}
        rows = [["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]]
        for stamp, status in CAPTURES.get(q.get("url", ""), []):
            rows.append(["x", stamp, q["url"], "text/html", status, "D", "100"])
        return Reply(200, json.dumps(rows if len(rows) > 1 else []),
                     {"Content-Type": "application/json"})
    if parts.path.startswith("/web/") and not parts.path[5:6].isdigit():
        original = path[len("/web/"):]
        caps = [c for c in CAPTURES.get(original, []) if c[1] == "200"]
        if not caps:
            return Reply(404, html("Not in archive"))
        from email.utils import parsedate_to_datetime
        want = parsedate_to_datetime(headers.get("Accept-Datetime") or
                                     "Mon, 01 Jan 2024 00:00:00 GMT").strftime("%Y%m%d%H%M%S")
        stamp = min(caps, key=lambda c: abs(int(c[0]) - int(want)))[0]
        memento = f"http://{ARCHIVE_HOST}/web/{stamp}/{original}"
        return Reply(302, b"", {"Location": memento, "Vary": "accept-datetime",
                                "Link": f'<{original}>; rel="original"'})
    return Reply(200, html("Archived page", "An archived copy. " * 20))


# ---- the sites ---------------------------------------------------------------------------------


def sites(latency: Callable[[], float] | float = 0.0) -> dict[str, Site]:
    """The hosts of the stand-in web; `latency` delays every answer (seconds or callable)."""
    nf = Reply(404, html("404 Not Found"))
    s: dict[str, Site] = {}

    def site(host: str, routes: dict[str, Any] | None = None, default: Any = None,
             **kw: Any) -> None:
        s[host] = Site(routes=routes or {}, default=default if default is not None else nf,
                       latency=kw.pop("latency", latency), **kw)

    # ordinary pages
    site("www.people-daily.standin", default=_soft_zh)
    site("www.policy-review.standin", default=_soft_en)
    site("www.journal-a.standin", {
        "/article/view/101": Reply(200, html("Reference rot in legal scholarship", "Text. " * 60)),
        "/article/download/101/pdf": Reply(200, b"%PDF-1.7\n" + b"0" * 4000,
                                           {"Content-Type": "application/pdf"}),
        "/index.php/ja/article/view/7?lang=en": Reply(200, html("Open access in Asia", "x " * 50)),
        "/empty": Reply(200, b""),
        "/nocontent": Reply(204, b""),
        "/spa": Reply(200, "<html><head><title>Loading…</title></head><body><div id=app></div>"
                           "<script src=/app.js></script></body></html>"),
        "/issue404": Reply(200, html("第404期 | 国际观察周刊", "本期目录 " * 40)),
        "/op404": Reply(200, html("Operation 404: the 1944 airlift revisited", "History. " * 50)),
        "/nf-title": Reply(200, html("Page Not Found | Journal A")),
        "/nf-zh": Reply(200, html("页面不存在")),
        "/nf-404": Reply(200, html("404")),
        "/head-ok-get-404": Reply(404, html("404 Not Found"), head_status=200),
        "/head-405": Reply(200, html("Head refused", "x " * 50), head_status=405),
        "/head-404": Reply(200, html("Head says 404", "x " * 50), head_status=404),
        "/head-403": Reply(200, html("Head forbidden", "x " * 50), head_status=403),
        "/head-500": Reply(200, html("Head errors", "x " * 50), head_status=500),
        "/gone": Reply(404, html("404 Not Found")),
        "/removed": Reply(410, html("410 Gone")),
        "/members": Reply(401, html("Login required"), {"WWW-Authenticate": 'Basic realm="x"'}),
        "/legal": Reply(451, html("Unavailable For Legal Reasons")),
        "/crash": Reply(500, html("Internal Server Error")),
        "/flaky": [Reply(503, html("Service Unavailable"), {"Retry-After": "1"}), Reply()],
        "/busy": [Reply(429, html("Too Many Requests"), {"Retry-After": "1"}), Reply()],
        "/busy-long": Reply(429, html("Too Many Requests"), {"Retry-After": "3600"}),
        "/down": Reply(503, html("Service Unavailable")),
        "/slow": Reply(delay=4.0),
        "/slow-once": [Reply(delay=4.0), Reply(200, html("Slow first time", "x " * 40))],
        "/reset": Reply(reset=True),
        "/loop-a": _redirect("/loop-b", 302), "/loop-b": _redirect("/loop-a", 302),
        "/r1": _redirect("/r2", 301), "/r2": _redirect("/r3", 302), "/r3": _redirect("/r4", 307),
        "/r4": _redirect("/r5", 308), "/r5": _redirect("/r6", 301),
        "/r6": Reply(200, html("End of a chain of five redirects")),
        "/perm": _redirect("/article/view/101", 308),
        "/rel/a/b": _redirect("../c/d", 302),
        "/rel/c/d": Reply(200, html("Relative redirect target", "x " * 40)),
        "/moved-to-gone": _redirect("https://www.journal-a.standin/gone", 301),
        "/spaces": _redirect("/file with spaces.html", 302),
        "/file with spaces.html": Reply(200, html("A file with spaces", "x " * 40)),
        "/ua-wall": Reply(403, html("Forbidden")),
        "/origin-502": Reply(502, "<html><head><title>502 Bad Gateway</title></head><body>"
                                  "<center><h1>502 Bad Gateway</h1></center><hr>"
                                  "<center>nginx</center></body></html>"),
    })
    # GBK pages (a government site)
    gbk = {"Content-Type": "text/html; charset=gbk"}
    site("www.gov-cn.standin", {
        "/zhengce/2023-03/01/content_5744.htm": Reply(
            200, _skeleton("国务院关于印发“十四五”规划的通知_政策_中国政府网", "国务院 " * 60, "gbk"),
            gbk),
        "/old/content_1.htm": Reply(200, _skeleton("页面不存在", "对不起，您访问的页面不存在。", "gbk"),
                                    gbk),
        "/": Reply(200, _skeleton("中国政府网_中央人民政府门户网站", "首页 " * 80, "gbk"), gbk),
    }, default=_redirect("http://www.gov-cn.standin/", 302), tls=False)
    # http → https; unknown paths sent home
    site("www.moe.standin", {
        "/": Reply(200, _skeleton("中华人民共和国教育部政府门户网站", "教育部 " * 80)),
        "/srcsite/A08/s7056/202303/t20230301_1.html": _cookie_check,
    }, default=lambda p: _redirect("https://www.moe.standin/", 302), tls=True)
    site("moe-http.standin", default=lambda p: _redirect("https://www.moe.standin" + p, 301), tls=False)
    # a host sending everything home, cited once for a real page and once for its home page
    site("www.sends-home.standin", {
        "/": Reply(200, html("Institute of Strategy", "Welcome to the institute. " * 40)),
        "/research/report-2021.html": Reply(200, html("Annual report 2021", "Report. " * 60)),
    }, default=_redirect("/", 302))
    # Wikipedia-like: raw UTF-8 in Location
    site("zh.wiki.standin", {
        "/wiki/NATO": _redirect(_raw_utf8("/wiki/北大西洋公约组织"), 301),
        "/wiki/北大西洋公约组织": Reply(200, html("北大西洋公约组织 - 维基百科，自由的百科全书",
                                           "北大西洋公约组织 " * 50)),
        "/wiki/北约": _redirect(_raw_utf8("/wiki/北大西洋公约组织"), 302),
    }, default=Reply(404, html("维基百科中没有找到该条目")))
    site("www.nato.standin", {
        "/cps/en/natohq/topics_50336.htm": Reply(200, html("NATO - Topic: Relations with Japan",
                                                           "Japan NATO " * 50)),
    })
    # domain moved to a new name, paths kept
    site("www.old-name.standin", default=lambda p: _redirect("https://www.new-name.standin" + p, 301))
    site("www.new-name.standin", {
        "/papers/2019/brief.pdf": Reply(200, b"%PDF-1.5\n" + b"1" * 5000,
                                        {"Content-Type": "application/pdf"}),
    })
    # a dropped domain, now parked: every path to the parking page on another host
    site("www.lapsed-institute.standin",
         default=lambda p: _redirect("https://parking.standin/?domain=lapsed-institute.standin", 302))
    site("parking.standin", {"/": Reply(200, html("lapsed-institute.standin is for sale",
                                               "Buy this domain. " * 20))})
    # login and captcha walls on other hosts
    site("www.think-tank.standin",
         default=lambda p: _redirect("https://sso.think-tank-login.standin/login?next=" + p, 302))
    site("sso.think-tank-login.standin", {"/login": Reply(200, html("Sign in", "Username Password"))})
    site("baike.search.standin",
         default=lambda p: _redirect("https://wappass.search.standin/static/captcha/tuxing.html"
                                     "?ak=1&backurl=x", 302))
    site("wappass.search.standin", {"/static/captcha/tuxing.html": Reply(200, html(
        "百度安全验证", "网络不给力，请稍后重试 返回首页 问题反馈"))})
    site("www.verify-200.standin", {"/p/123.html": Reply(200, html("百度安全验证",
                                                                 "请完成下方验证后继续操作"))})
    # bot walls
    site("www.cf-site.standin", {
        "/a": Reply(403, "<title>Just a moment...</title><div id=challenge-platform>",
                    {"cf-mitigated": "challenge", "Server": "cloudflare"}),
        "/b": Reply(503, "<html><head><title>Just a moment...</title></head><body>"
                         "<script>window._cf_chl_opt={}</script></body></html>",
                    {"Server": "cloudflare"}),
    })
    site("www.jsl-site.standin", default=_jiasule)
    site("www.aws-waf.standin", default=Reply(202, b"", {"x-amzn-waf-action": "challenge"}))
    site("www.datadome.standin", default=Reply(403, "<html><script src='https://ct.captcha-delivery"
                                                 ".com/c.js'></script></html>"))
    # no TLS at all, a bad certificate
    site("www.plain-http.standin", {"/paper.html": Reply(200, html("Only over HTTP", "x " * 40))},
         tls=False)
    site("www.bad-cert.standin", {"/paper.html": Reply(200, html("Bad certificate", "x " * 40))},
         bad_cert=True)
    # names that no longer resolve
    for host in ("www.gone-journal.standin", "www.defunct-ngo.standin", "www.vanished.standin"):
        site(host, dns=False)
    # a catalogue that answers every path with the same listing and no word of error: only a
    # probe would show it, and nothing in the answer asks for one (a known miss, kept visible)
    site("www.catalogue.standin", default=Reply(200, html(
        "Latest items | City Library Catalogue", "Browse the newest additions to the catalogue. "
        "New books, journals and maps arrive every week. " * 8)))
    # a gateway timeout from the origin (not from us)
    site("www.gateway.standin", default=Reply(504, html("504 Gateway Time-out")))
    # the archive
    site(ARCHIVE_HOST, default=_archive)
    return s


def _cases() -> list[Case]:
    c: list[Case] = []

    def add(url: str, expected: str, what: str, live: bool | None = None) -> None:
        c.append(Case(url, expected, what,
                      live if live is not None else expected in ("ok", "redirected")))

    ja = "https://www.journal-a.standin"
    # live, ordinary
    for path in ARTICLES_ZH:
        add("http://www.people-daily.standin" + path, "ok", "Chinese article on a soft-404 host")
    add("https://www.policy-review.standin/article/alliance-politics-after-2022", "ok",
        "English article on a soft-404 host")
    add("https://www.policy-review.standin/article/japan-and-nato", "ok",
        "second English article on a soft-404 host")
    add(ja + "/article/view/101", "ok", "article page")
    add(ja + "/article/download/101/pdf", "ok", "PDF")
    add(ja + "/index.php/ja/article/view/7?lang=en", "ok", "query string")
    add(ja + "/article/view/101#sec2", "ok", "fragment")
    add(ja + "/empty", "ok", "200 with an empty body")
    add(ja + "/nocontent", "ok", "204")
    add(ja + "/spa", "ok", "a JavaScript-only page")
    add(ja + "/issue404", "ok", "'404' in a real Chinese title")
    add(ja + "/op404", "ok", "'404' in a real English title")
    add(ja + "/head-405", "ok", "HEAD 405, GET 200")
    add(ja + "/head-404", "ok", "HEAD 404, GET 200")
    add(ja + "/head-403", "ok", "HEAD 403, GET 200")
    add(ja + "/head-500", "ok", "HEAD 500, GET 200")
    add(ja + "/flaky", "ok", "503 with Retry-After, then 200")
    add(ja + "/busy", "ok", "429 with Retry-After, then 200")
    add(ja + "/slow-once", "ok", "a timeout, then 200 on retry")
    add("http://www.gov-cn.standin/zhengce/2023-03/01/content_5744.htm", "ok", "GBK page over HTTP")
    add("http://www.gov-cn.standin/", "ok", "a cited home page on a host that sends all home")
    add("https://www.sends-home.standin/research/report-2021.html", "ok",
        "real page on a host that sends unknown paths home")
    add("https://www.sends-home.standin/", "ok", "the home page of that host")
    add("https://zh.wiki.standin/wiki/北大西洋公约组织", "ok", "Chinese path, cited unencoded")
    add("https://www.nato.standin/cps/en/natohq/topics_50336.htm", "ok", "plain English page")
    add("http://www.plain-http.standin/paper.html", "ok", "a site without TLS")
    add("https://www.verify-200.standin/p/123.html", "blocked", "a 200 captcha page", live=True)
    # live, redirected
    add("http://moe-http.standin/", "redirected", "http home → https home (not 'sent home')")
    add("https://www.moe.standin/srcsite/A08/s7056/202303/t20230301_1.html", "ok",
        "cookie-check redirect to itself")
    add("https://zh.wiki.standin/wiki/NATO", "redirected", "Location with raw UTF-8")
    add("https://zh.wiki.standin/wiki/北约", "redirected", "Chinese path → raw UTF-8 Location")
    add("https://www.old-name.standin/papers/2019/brief.pdf", "redirected", "domain moved, path kept")
    add(ja + "/r1", "redirected", "a chain of 5 redirects (301/302/307/308)")
    add(ja + "/perm", "redirected", "308 to the article")
    add(ja + "/rel/a/b", "redirected", "relative Location")
    add(ja + "/spaces", "redirected", "Location with spaces")
    add("www.nato.standin/cps/en/natohq/topics_50336.htm", "ok", "www. without a scheme")
    add("http://www.nato.standin/cps/en/natohq/topics_50336.htm", "ok", "http on a site with both")
    # soft 404s
    add(ja + "/nf-title", "soft-404", "200 'Page Not Found'")
    add(ja + "/nf-zh", "soft-404", "200 '页面不存在'")
    add(ja + "/nf-404", "soft-404", "200 titled '404'")
    add("http://www.gov-cn.standin/old/content_1.htm", "soft-404", "GBK '页面不存在' served 200")
    add("http://www.gov-cn.standin/old/removed.htm", "soft-404", "sent home like a random path")
    add("http://www.people-daily.standin/2021/0101/c1002-00001.html", "soft-404",
        "Chinese template page for a missing article")
    add("https://www.policy-review.standin/issue/12/old-piece", "soft-404",
        "English template page for a missing article")
    add("https://www.sends-home.standin/research/report-2019.html", "soft-404", "sent home")
    add("https://www.moe.standin/srcsite/A08/old.html", "soft-404", "sent home")
    add("https://www.lapsed-institute.standin/publications/wp-7.pdf", "soft-404",
        "domain parked: redirected to a for-sale page like every path")
    add("https://www.catalogue.standin/record/1234567", "soft-404",
        "the same listing for every path, no error words (not probed: a known miss)")
    # dead
    add(ja + "/gone", "dead?", "404")
    add(ja + "/removed", "dead?", "410")
    add(ja + "/head-ok-get-404", "dead?", "HEAD 200 but GET 404")
    add(ja + "/moved-to-gone", "dead?", "redirect to a 404")
    add("https://www.gone-journal.standin/vol3/paper12.html", "dead?", "name gone (CONNECT refused)")
    add("http://www.defunct-ngo.standin/report.pdf", "dead?", "name gone (proxy 502 DNS page)")
    add("www.vanished.standin/about.html", "dead?", "www. without scheme, name gone")
    add("https://zh.wiki.standin/wiki/不存在的条目", "dead?", "Chinese path, 404")
    # blocked
    add(ja + "/members", "blocked", "401")
    add(ja + "/legal", "blocked", "451")
    add(ja + "/busy-long", "blocked", "429 with Retry-After: 3600", live=True)
    add(ja + "/ua-wall", "blocked", "403 for a non-browser User-Agent", live=True)
    add("https://www.cf-site.standin/a", "blocked", "Cloudflare 403 challenge", live=True)
    add("https://www.cf-site.standin/b", "blocked", "Cloudflare 503 challenge", live=True)
    add("https://www.jsl-site.standin/info/1024/5678.htm", "blocked", "Jiasule 521 challenge",
        live=True)
    add("https://www.aws-waf.standin/doc/1", "blocked", "AWS WAF challenge (202)", live=True)
    add("https://www.datadome.standin/news/1", "blocked", "DataDome captcha", live=True)
    add("https://www.think-tank.standin/report/2022/asia.html", "blocked",
        "redirect to a login page on another host", live=True)
    add("https://baike.search.standin/item/北约/1234", "blocked",
        "redirect to a captcha page on another host", live=True)
    # errors (transient or unknowable)
    add(ja + "/crash", "error", "500")
    add(ja + "/down", "error", "503 without Retry-After, every time")
    add(ja + "/slow", "error", "read timeout")
    add(ja + "/reset", "error", "connection reset")
    add(ja + "/loop-a", "error", "redirect loop")
    add(ja + "/origin-502", "error", "the origin's own 502 (nginx)")
    add("https://www.gateway.standin/x", "error", "504 from the origin")
    add("https://www.bad-cert.standin/paper.html", "error", "certificate nobody trusts")
    add("https://www.plain-http.standin/paper.html", "error", "https on a site without TLS")
    return c


CASES: list[Case] = _cases()


def latency(lo: float = 0.05, hi: float = 0.15, seed: int = 7) -> Callable[[], float]:
    rng = random.Random(seed)
    return lambda: rng.uniform(lo, hi)


def score(verdicts: dict[str, str], coarse: bool = False) -> dict[str, Any]:
    """Right verdicts, false deads (a live page called dead, dead? or soft-404), misses."""
    right, false_dead, wrong = 0, [], []
    for case in CASES:
        got = verdicts.get(case.url, "missing")
        want = case.expected
        if coarse:
            got, want = COARSE.get(got, got), COARSE[want]
        if got == want:
            right += 1
        else:
            wrong.append((case.url, case.expected, verdicts.get(case.url, "missing"), case.what))
        if case.live and verdicts.get(case.url) in ("dead", "dead?", "soft-404", "broken"):
            false_dead.append(case.url)
    return {"right": right, "total": len(CASES), "false_dead": false_dead, "wrong": wrong}
