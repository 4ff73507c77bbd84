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
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


# ---- evidence rules ---------------------------------------------------------------------

_TITLE_RE = re.compile(rb"<title[^>]*>(.*?)</title\s*>", re.I | re.S)

# Titles (and H1s) of error pages served with status 200. Lower-cased substring match.
ERROR_TITLE_PATTERNS = (
    "page not found",
    "not found",
    "404",
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
    "頁面不存在",
    "找不到網頁",
    "ページが見つかりません",
)

# Bodies of bot-challenge interstitials (Cloudflare, Akamai, DDoS-Guard, Sucuri, …).
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
)


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


def error_title(title: str) -> str:
    """The error pattern a page title matches, or "" when it looks like a real page."""
    low = title.lower()
    for pat in ERROR_TITLE_PATTERNS:
        if pat.isdigit():
            if re.search(rf"(?<!\d){pat}(?!\d)", low):
                return pat
        elif pat in low:
            return pat
    return ""


def is_bot_challenge(status: int, headers: Any, body: bytes = b"") -> str:
    """Why this answer is a bot challenge, or "" when it is not one.

    `headers` is a case-insensitive mapping (requests' `CaseInsensitiveDict`).
    """
    mitigated = (headers.get("cf-mitigated") or "").lower()
    if mitigated:
        return f"cf-mitigated: {mitigated}"
    if headers.get("x-amzn-waf-action"):
        return "x-amzn-waf-action: " + headers["x-amzn-waf-action"]
    low = (body or b"")[:65536].lower()
    for marker in CHALLENGE_BODY_MARKERS:
        if marker in low:
            return "challenge page (" + marker.decode() + ")"
    if status in (403, 503) and "cloudflare" in (headers.get("server") or "").lower():
        return "403/503 from cloudflare"
    return ""


def similar_bodies(a: bytes, b: bytes, strip: tuple[str, ...] = ()) -> bool:
    """True when two pages are near-identical (an error template with a varying path in it).

    The strings in `strip` (the requested paths, which error pages often echo) are removed
    from both first. Compares sizes and the sets of words; cheap and good enough for
    templates.
    """
    if not a or not b:
        return False
    for text in strip:
        if text and text != "/":
            raw = text.encode("utf-8", "replace")
            a, b = a.replace(raw, b""), b.replace(raw, b"")
    la, lb = len(a), len(b)
    if abs(la - lb) > 0.1 * max(la, lb) + 64:
        return False
    wa = set(re.findall(rb"\w+", a[:65536]))
    wb = set(re.findall(rb"\w+", b[:65536]))
    if not wa or not wb:
        return a == b
    return len(wa & wb) / len(wa | wb) >= 0.9
