"""Verdicts on a cited URL and the evidence rules behind them.

A verdict is one of the strings below. Each `LinkResult` keeps the evidence (status, redirect
chain, error kind, note) beside the verdict, so an editor can see *why* a link was judged so.

- ``ok``          the URL answered 2xx itself
- ``redirected``  it answered 2xx after redirects (``left_host`` says whether it left the host)
- ``dead``        404/410 or a name that no longer exists, seen on two runs at least
                  ``LinkSettings.confirm_after`` apart
- ``dead?``       the same evidence seen once only (or runs too close together): pending
- ``blocked``     403/401/429/451 or a bot challenge: the host refused *us*, not evidence of rot
- ``error``       timeouts, TLS failures, resets, 5xx after retries, redirect loops
- ``unknown``     this machine looked offline, so the failure says nothing about the link
- ``soft-404``    a 2xx page that is really an error page
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

OK = "ok"
REDIRECTED = "redirected"
DEAD = "dead"
DEAD_PENDING = "dead?"
BLOCKED = "blocked"
ERROR = "error"
UNKNOWN = "unknown"
SOFT_404 = "soft-404"

VERDICTS = (OK, REDIRECTED, DEAD, DEAD_PENDING, BLOCKED, ERROR, UNKNOWN, SOFT_404)

# Verdicts a cache may hand back as final within its max age. `dead?`, `error` and
# `unknown` are always checked again: they are not conclusions.
FINAL_VERDICTS = frozenset({OK, REDIRECTED, DEAD, BLOCKED, SOFT_404})

# Kinds of failure kept in `LinkResult.error_kind`.
E_DNS = "dns"  # the name does not exist (NXDOMAIN / EAI_NONAME)
E_DNS_TEMP = "dns-temporary"  # the resolver could not answer (EAI_AGAIN): says nothing
E_CONNECT = "connect"  # refused / unreachable
E_TIMEOUT = "timeout"
E_TLS = "tls"
E_RESET = "reset"
E_REDIRECT_LOOP = "redirect-loop"
E_TOO_MANY_REDIRECTS = "too-many-redirects"
E_HTTP = "http"  # an HTTP status that is an error after retries (5xx)
E_BAD_URL = "bad-url"
E_OTHER = "other"

# Failures that happen before any HTTP exchange: the ones an offline machine produces.
NETWORK_KINDS = frozenset({E_DNS, E_DNS_TEMP, E_CONNECT})


@dataclass
class Citing:
    """One citation of a URL: the article id and the citation number within it."""

    article: str
    citation: int
    accessed: str = ""


@dataclass
class LinkItem:
    """A URL to check, with the citations that name it and the access date to archive near."""

    url: str
    accessed: str = ""  # ISO date, "" when none was printed
    cited_by: list[Citing] = field(default_factory=list)


@dataclass
class Hop:
    url: str
    status: int


@dataclass
class Archive:
    url: str
    timestamp: str  # YYYYMMDDhhmmss as the archive gives it
    distance_days: int | None  # from the access date; None when no access date is known


@dataclass
class LinkResult:
    url: str
    verdict: str = UNKNOWN
    http_status: int | None = None
    redirects: list[Hop] = field(default_factory=list)
    final_url: str = ""
    left_host: bool = False
    checked_at: str = ""
    error: str = ""
    error_kind: str = ""
    note: str = ""  # the evidence in words, e.g. "title 'Page not found'"
    method: str = ""  # the method whose answer decided: HEAD or GET
    attempts: int = 0  # requests made for this URL (including retries and GET fallback)
    accessed: str = ""
    cited_by: list[Citing] = field(default_factory=list)
    archive: Archive | None = None
    # the capture nearest each access date, when the URL is cited with more than one
    archives: dict[str, Archive] = field(default_factory=dict)
    from_cache: bool = False
    first_failed_at: str = ""  # start of the current run of dead evidence (for dead?/dead)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "LinkResult":
        data = dict(data)
        data["redirects"] = [Hop(**h) for h in data.get("redirects") or []]
        data["cited_by"] = [Citing(**c) for c in data.get("cited_by") or []]
        arch = data.get("archive")
        data["archive"] = Archive(**arch) if arch else None
        data["archives"] = {k: Archive(**v) for k, v in (data.get("archives") or {}).items()}
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


# ---- evidence rules ---------------------------------------------------------------------

_TITLE_RE = re.compile(rb"<title[^>]*>(.*?)</title\s*>", re.I | re.S)

# Titles (and H1s) of error pages served with status 200. Lower-cased substring match.
# A bare status code is not in this list: "404" is an error title only as a whole title part
# ("404", "Error 404", "404 - 页面") and never inside a real one ("第404期", "Operation 404").
ERROR_TITLE_PATTERNS = (
    "page not found",
    "not found",
    "410 gone",
    "page does not exist",
    "page doesn't exist",
    "no longer available",
    "could not be found",
    "cannot be found",
    "seite nicht gefunden",
    "page introuvable",
    "página no encontrada",
    "页面不存在",
    "页面未找到",
    "找不到页面",
    "页面找不到",
    "网页不存在",
    "您访问的页面不存在",
    "页面已删除",
    "文章不存在",
    "内容不存在",
    "頁面不存在",
    "找不到網頁",
    "ページが見つかりません",
)

# one part of a title (between | - – — _ : ·) that is nothing but an error code
_CODE_PART_RE = re.compile(
    r"^(?:http\s*)?(?:error\s*|错误\s*)?(?:404|410)(?:\s*(?:error|page|错误|页面|错误页面))?[!.！]?$")
_TITLE_SPLIT_RE = re.compile(r"\s+[|\-–—_:·•]\s+|[|｜_·•]|\s[–—-]\s?|：|:\s")

# Words of an error page in a page's text: a 2xx page that has them is compared with a
# random path of its host (the probe costs a request, so only suspicious pages pay it).
ERROR_TEXT_MARKERS = ERROR_TITLE_PATTERNS + (
    "sorry", "could not find", "couldn't find", "does not exist", "doesn't exist",
    "has been removed", "has been deleted", "no results", "抱歉", "对不起", "不存在", "找不到",
    "无法显示", "无法访问", "已删除", "已被删除", "已下线", "出错了", "未找到",
)

# Bodies of bot-challenge interstitials (Cloudflare, Akamai, DDoS-Guard, Sucuri, DataDome,
# Jiasule 加速乐, …).
CHALLENGE_BODY_MARKERS = (
    b"challenge-platform",
    b"cf-browser-verification",
    b"cf_chl_opt",
    b"<title>just a moment...</title>",
    b"<title>attention required! | cloudflare</title>",
    b"ddos-guard",
    b"sucuri website firewall",
    b"please enable js and disable any ad blocker",
    b"captcha-delivery.com",
    b"__jsl_clearance",
    b"('_')+('_')+('j')+('s')+('l')",
)

# Whole titles of captcha and verification pages (a 200 page that is a wall, not the work).
CHALLENGE_TITLES = frozenset({
    "百度安全验证", "安全验证", "人机验证", "访问验证", "验证码", "安全检查", "滑动验证",
    "security check", "security verification", "captcha", "human verification",
    "are you a robot?", "are you a robot", "just a moment...", "attention required!",
    "access denied", "请输入验证码", "访问受限", "访问被拒绝",
})


def page_title(body: bytes, encoding: str | None = None) -> str:
    """The text of the first <title>, whitespace-collapsed; "" when there is none."""
    m = _TITLE_RE.search(body or b"")
    if not m:
        return ""
    raw = m.group(1)
    for enc in (encoding, "utf-8", "gb18030", "latin-1"):
        if not enc:
            continue
        try:
            text = raw.decode(enc)
            break
        except (LookupError, UnicodeDecodeError):
            continue
    else:  # pragma: no cover - latin-1 always decodes
        text = ""
    return " ".join(text.split())


def title_parts(title: str) -> list[str]:
    """A title's parts, lower-cased: "404 - 页面不存在 | 人民网" → ["404", "页面不存在", "人民网"]."""
    return [p.strip() for p in _TITLE_SPLIT_RE.split(title.lower()) if p.strip()]


def error_title(title: str) -> str:
    """The error pattern a page title matches, or "" when it looks like a real page."""
    low = " ".join(title.lower().split())
    for pat in ERROR_TITLE_PATTERNS:
        if pat in low:
            return pat
    for part in title_parts(low) or [low]:
        if _CODE_PART_RE.match(part):
            return part
    return ""


def challenge_title(title: str) -> str:
    """The verification-page title `title` is (whole, or one part of it), or ""."""
    for part in [" ".join(title.lower().split())] + title_parts(title):
        if part in CHALLENGE_TITLES:
            return part
    return ""


def page_text(body: bytes) -> str:
    """The visible text of an HTML page (scripts, styles and tags removed), decoded."""
    text = decode_body(body)
    text = re.sub(r"(?is)<(script|style|noscript)\b.*?</\1\s*>", " ", text)
    text = re.sub(r"(?s)<!--.*?-->", " ", text)
    text = re.sub(r"(?s)<[^>]*>", " ", text)
    return " ".join(text.split())


def decode_body(body: bytes) -> str:
    """UTF-8 when it is, else GB18030 (a superset of GBK/GB2312, the other charset of the
    Chinese web), never failing."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("gb18030", errors="replace")


def error_words(body: bytes) -> str:
    """The first error-page word in the page's visible text, or "" (decides on a probe)."""
    low = page_text(body[:65536]).lower()
    for word in ERROR_TEXT_MARKERS:
        if word in low:
            return word
    m = _CODE_IN_TEXT_RE.search(low)
    return m.group(0) if m else ""


# "404" said as a status ("Error 404", "404 - page"), not inside a path, a number or a date
_CODE_IN_TEXT_RE = re.compile(r"(?<![\w/.\-])404(?![\w/.\-])")


_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
_WORD = re.compile(r"[^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")


def text_tokens(text: str) -> set[str]:
    """Words of `text`: Latin-script words, and overlapping pairs of CJK characters (CJK has
    no spaces, so its bigrams stand for words, as search engines index it)."""
    tokens = set(_WORD.findall(text.lower()))
    for run in _CJK_RUN.findall(text):
        if len(run) == 1:
            tokens.add(run)
        tokens.update(run[i:i + 2] for i in range(len(run) - 1))
    return tokens


def is_bot_challenge(status: int, headers: Any, body: bytes = b"") -> str:
    """Why this answer is a bot challenge, or "" when it is not one.

    `headers` is a case-insensitive mapping (requests' `CaseInsensitiveDict`).
    """
    mitigated = (headers.get("cf-mitigated") or "").lower()
    if mitigated:
        return f"cf-mitigated: {mitigated}"
    if headers.get("x-amzn-waf-action"):
        return "x-amzn-waf-action: " + headers["x-amzn-waf-action"]
    if status == 521 and ("__jsluid" in (headers.get("set-cookie") or "")
                          or (headers.get("server") or "").lower() == "jsl"):
        return "Jiasule (加速乐) 521 challenge"
    low = (body or b"")[:65536].lower()
    for marker in CHALLENGE_BODY_MARKERS:
        if marker in low:
            return "challenge page (" + marker.decode() + ")"
    if status in (403, 503) and "cloudflare" in (headers.get("server") or "").lower():
        return "403/503 from cloudflare"
    title = challenge_title(page_title(body)) if body else ""
    if title:
        return f"verification page (title {title!r})"
    return ""


def similar_bodies(a: bytes, b: bytes, strip: tuple[str, ...] = ()) -> bool:
    """True when two pages are near-identical (an error template with a varying path in it).

    The strings in `strip` (the requested paths, which error pages often echo) are removed
    from both first. Compares the visible texts' lengths and their sets of words, CJK text
    counted by character pairs, so two Chinese pages in one template are told apart by
    what they say, not alike by their shared ASCII markup.
    """
    if not a or not b:
        return False
    ta, tb = page_text(a[:262144]), page_text(b[:262144])
    for text in strip:
        if text and text != "/":
            ta, tb = ta.replace(text, ""), tb.replace(text, "")
    la, lb = len(ta), len(tb)
    if abs(la - lb) > 0.1 * max(la, lb) + 32:
        return False
    wa, wb = text_tokens(ta), text_tokens(tb)
    if not wa or not wb:
        return ta == tb
    return len(wa & wb) / len(wa | wb) >= 0.9
