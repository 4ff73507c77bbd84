"""The cited-URL checker: verdicts an editor can trust, and archived copies near the access date.

Public API (what `ingest` and `journal-ingest links` call):

- `check_issue_links(issue_dir, settings=None, progress=None) -> Path` reads
  `issue_dir/issue.json`, checks every distinct cited URL and writes `links.json` and
  `links.txt` beside it (atomically); returns the `links.json` path.
- `check_urls(items, settings) -> list[LinkResult]` checks URLs (strings or `LinkItem`s),
  in input order.

How a URL is checked (see `verdicts` for what each verdict means):

1. The SQLite cache (`settings.cache_path`) is asked first; a final verdict younger than
   `max_age` is reused without any request.
2. One GET (the body of HTML pages read up to `max_body`): status, redirects and title in one
   request. `head_first` sends HEAD first, then GET when HEAD is refused or unreliable
   (400/403/404/405/406/410/500/501) or the page is HTML. Redirects are followed by hand up
   to `max_redirects`, with loop detection (a cookie-check redirect to itself is followed
   once); each hop is kept; a raw UTF-8 `Location` is read as UTF-8. Timeouts, resets, 5xx
   and 429 are retried with exponential backoff, honouring `Retry-After` up to
   `max_retry_after`. `www.…` without a scheme is asked over http.
3. Every request passes the host gate: at most `per_host` requests in flight and
   `min_gap` seconds between request starts, per host (host:port). Hosts are checked
   concurrently by `workers` threads, their URLs interleaved, one session per host. A host
   whose name did not resolve (or that refused) is not asked again in the run.
4. A 2xx answer is tested for a soft 404: the page's title ("Page not found", 页面不存在, a
   title part that is only "404"), bot walls (challenge markers, verification titles); and,
   when the answer gives reason to doubt it (a redirect that changed the page, error words
   in its text), a random path on the *cited* host is asked once per run: ending where it
   ends is `soft-404` (`blocked` for a login or captcha page), and so is the same text.
5. After all URLs: if most hosts failed the same way before any HTTP exchange (name
   resolution or connection, also as a proxy reports them), the machine is taken to be
   offline; such URLs are `unknown`.
6. 404/410/vanished names are `dead?` until the cache shows the same evidence at least
   `confirm_after` earlier (with nothing healthy in between): then `dead`.
7. The archive service (`archive_endpoint`) is asked for the capture nearest each access
   date the URL is cited with, on its own pacing (`archive_per_host`, `archive_min_gap`),
   until it is found unreachable.

No request goes anywhere but the cited URL's host (and the hosts its redirects name) and the
archive service. Proxies (`HTTP(S)_PROXY`, `NO_PROXY`) and `REQUESTS_CA_BUNDLE` /
`CURL_CA_BUNDLE` are honoured as requests honours them, read once per host.
"""
from __future__ import annotations

import errno
import logging
import os
import re
import socket
import ssl
import threading
import time
import uuid
from collections import Counter, OrderedDict
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

import requests

from checks import defaults
from parsers.errors import SchemaInvalid

from . import archive as archive_mod
from .cache import ResultCache, iso, parse_iso
from .verdicts import (
    BLOCKED,
    DEAD,
    DEAD_PENDING,
    E_BAD_URL,
    E_CONNECT,
    E_DNS,
    E_DNS_TEMP,
    E_HTTP,
    E_OTHER,
    E_REDIRECT_LOOP,
    E_RESET,
    E_TIMEOUT,
    E_TLS,
    E_TOO_MANY_REDIRECTS,
    ERROR,
    FINAL_VERDICTS,
    NETWORK_KINDS,
    OK,
    REDIRECTED,
    SOFT_404,
    UNKNOWN,
    Citing,
    Hop,
    LinkItem,
    LinkResult,
    challenge_title,
    error_title,
    error_words,
    is_bot_challenge,
    page_title,
    similar_bodies,
)

log = logging.getLogger(__name__)

HOMEPAGE = "https://github.com/journal-ingest/journal-ingest"  # pyproject [project.urls]


def _project_identity() -> tuple[str, str]:
    """(version, homepage) from the installed package metadata, which pyproject fills."""
    try:
        from importlib.metadata import PackageNotFoundError, metadata

        meta = metadata("journal-ingest")
    except (ImportError, PackageNotFoundError):  # pragma: no cover - running from a checkout
        return "0.1.0", HOMEPAGE
    urls = dict((part.strip() for part in u.split(",", 1))
                for u in (meta.get_all("Project-URL") or []) if "," in u)
    return meta.get("Version") or "0.1.0", urls.get("Homepage") or HOMEPAGE


VERSION, TOOL_URL = _project_identity()
DEFAULT_USER_AGENT = f"journal-ingest/{VERSION} (+{TOOL_URL}; cited-link checker)"
BROWSER_USER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36"
)

REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
HEAD_FALLBACK = frozenset({400, 403, 404, 405, 406, 410, 500, 501})
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
DEAD_STATUS = frozenset({404, 410})
BLOCKED_STATUS = frozenset({401, 403, 407, 429, 451})
HTML_TYPES = ("text/html", "application/xhtml", "text/plain", "")


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class LinkSettings:
    """Everything the checker can be told. Defaults suit a polite run over one issue."""

    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = defaults.CONNECT_TIMEOUT
    read_timeout: float = defaults.READ_TIMEOUT
    body_deadline: float = 30.0  # wall time to read the (capped) body of one GET
    max_body: int = 256 * 1024  # bytes of a page read for titles and challenge markers
    max_redirects: int = defaults.MAX_REDIRECTS
    head_first: bool = False  # GET reads status and title in one request (see check)
    per_host: int = defaults.PER_HOST
    min_gap: float = defaults.MIN_GAP
    workers: int = defaults.WORKERS
    retries: int = defaults.RETRIES
    backoff: float = 0.5  # first retry delay; doubles each time
    max_retry_after: float = 30.0  # a longer Retry-After is not waited for
    cache_path: Path | None = Path("output/links-cache.sqlite")
    max_age: timedelta = timedelta(days=7)  # reuse a final cached verdict younger than this
    confirm_after: timedelta = timedelta(days=3)  # dead? → dead when failing this far apart
    archive_endpoint: str | None = "https://archive.org"  # None: no archive lookups
    archive_api: str = "available"  # "available", "cdx", "timegate" or "redirect" (see archive)
    archive_path: str | None = None  # the API's path below the endpoint (default: IA layout)
    archive_replay: str | None = None  # CDX captures are linked as {this}/{stamp}/{url}
    archive_for: str = "all"  # "all" cited URLs, or only "broken" ones
    archive_per_host: int = 2  # archive requests in flight (its own pacing, not the sites')
    archive_min_gap: float = 0.2  # seconds between archive request starts
    soft404: bool = True
    offline_fraction: float = 0.5  # more than this share of hosts failing alike = offline
    offline_min_hosts: int = 2
    clock: Callable[[], datetime] = _utcnow
    sleep: Callable[[float], None] = time.sleep

    def public(self) -> dict[str, Any]:
        """The settings as recorded in links.json (no callables)."""
        return {
            "user_agent": self.user_agent,
            "timeouts": [self.connect_timeout, self.read_timeout],
            "max_redirects": self.max_redirects,
            "per_host": self.per_host,
            "min_gap": self.min_gap,
            "retries": self.retries,
            "max_age_days": self.max_age.total_seconds() / 86400,
            "confirm_after_days": self.confirm_after.total_seconds() / 86400,
            "archive_endpoint": self.archive_endpoint,
            "archive_api": self.archive_api if self.archive_endpoint else "none",
            "archive_for": self.archive_for if self.archive_endpoint else "none",
            "archive_pacing": [self.archive_per_host, self.archive_min_gap],
            "head_first": self.head_first,
        }


@dataclass
class CheckRun:
    """What one run found: results in input order, and the offline notice if any."""

    results: list[LinkResult]
    offline: bool = False
    notice: str = ""
    requests: int = 0
    stats: dict[str, Any] = field(default_factory=dict)


# ---- politeness ---------------------------------------------------------------------------


def host_key(url: str) -> str:
    parts = urlsplit(request_url(url))
    host = (parts.hostname or "").lower()
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{host}:{port}"


class HostGate:
    """At most `per_host` requests in flight and `min_gap` between starts, per host."""

    def __init__(self, per_host: int, min_gap: float, sleep: Callable[[float], None]) -> None:
        self.per_host = max(1, per_host)
        self.min_gap = max(0.0, min_gap)
        self._sleep = sleep
        self._lock = threading.Lock()
        self._sems: dict[str, threading.Semaphore] = {}
        self._next: dict[str, float] = {}

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self._lock:
            sem = self._sems.setdefault(host, threading.BoundedSemaphore(self.per_host))
        sem.acquire()
        try:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next.get(host, 0.0))
                self._next[host] = start + self.min_gap
            if start > now:
                self._sleep(start - now)
            yield
        finally:
            sem.release()

    def hold_off(self, host: str, seconds: float) -> None:
        """No request starts on `host` for `seconds` (a Retry-After)."""
        with self._lock:
            self._next[host] = max(self._next.get(host, 0.0), time.monotonic() + seconds)


# ---- one HTTP exchange ------------------------------------------------------------------


@dataclass
class Answer:
    status: int
    headers: Any
    body: bytes
    url: str


def classify_exception(exc: BaseException) -> tuple[str, str]:
    """(error kind, one-line message) for a failed request."""
    chain: list[BaseException] = []
    todo: list[Any] = [exc]
    while todo and len(chain) < 20:
        e = todo.pop(0)
        if not isinstance(e, BaseException) or e in chain:
            continue
        chain.append(e)
        todo.extend([getattr(e, "reason", None), e.__cause__, e.__context__])
        todo.extend(a for a in e.args if isinstance(a, BaseException))
    for e in chain:
        if isinstance(e, socket.gaierror):
            if e.errno in (socket.EAI_AGAIN,) or e.errno == getattr(socket, "EAI_SYSTEM", None):
                return E_DNS_TEMP, f"name resolution failed temporarily: {e.strerror or e}"
            return E_DNS, f"name does not resolve: {e.strerror or e}"
    names = " ".join(type(e).__name__ for e in chain)
    text = str(exc)
    tunnel = _TUNNEL_RE.search(text)
    if tunnel:  # the proxy refused CONNECT: it could not reach the cited host
        code, reason = tunnel.group(1), tunnel.group(2).strip().lower()
        if any(w in reason for w in ("refused", "unreachable", "reset")):
            return E_CONNECT, f"the proxy could not connect to the host (CONNECT {code} {reason})"
        if code == "504" or "timeout" in reason or "timed out" in reason:
            return E_TIMEOUT, f"the proxy timed out reaching the host (CONNECT {code})"
        if code in ("502", "503"):
            return E_DNS, (f"the proxy could not reach the host (CONNECT answered {code}"
                           f"{' ' + reason if reason else ''}): name gone or host down")
        if code in ("403", "407"):
            return E_OTHER, f"the proxy refused the tunnel (CONNECT {code})"
    if "NameResolutionError" in names or "Name or service not known" in text:
        return E_DNS, "name does not resolve"
    if "Temporary failure in name resolution" in text:
        return E_DNS_TEMP, "name resolution failed temporarily"
    for e in chain:
        if isinstance(e, (requests.exceptions.SSLError, ssl.SSLError)):
            return E_TLS, f"TLS: {_short(e)}"
    for e in chain:
        if isinstance(e, (requests.exceptions.Timeout, socket.timeout, TimeoutError)):
            which = "connect" if isinstance(e, requests.exceptions.ConnectTimeout) else "read"
            return E_TIMEOUT, f"{which} timeout"
    if "ConnectTimeoutError" in names:
        return E_TIMEOUT, "connect timeout"
    if "ReadTimeoutError" in names:
        return E_TIMEOUT, "read timeout"
    for e in chain:
        if isinstance(e, ConnectionRefusedError):
            return E_CONNECT, "connection refused"
        if isinstance(e, OSError) and e.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            return E_CONNECT, f"unreachable: {e.strerror}"
    if "NewConnectionError" in names:
        return E_CONNECT, f"cannot connect: {_short(exc)}"
    for e in chain:
        if isinstance(e, (ConnectionResetError, ConnectionAbortedError, BrokenPipeError)):
            return E_RESET, "connection reset"
    if any(n in names for n in ("RemoteDisconnected", "ProtocolError", "IncompleteRead",
                                "ChunkedEncodingError")):
        return E_RESET, "connection closed unexpectedly"
    if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                        requests.exceptions.InvalidSchema)):
        return E_BAD_URL, _short(exc)
    return E_OTHER, _short(exc)


_TUNNEL_RE = re.compile(r"Tunnel connection failed: (\d{3})([^'\")]*)")

#: what proxies put in their error page when the cited name does not resolve (squid's
#: ERR_DNS_FAIL, mitmproxy/Go/Python resolvers' words, privoxy, tinyproxy)
PROXY_DNS_MARKERS = (b"name or service not known", b"nodename nor servname", b"err_dns_fail",
                     b"unable to determine ip address", b"no such host", b"could not resolve",
                     b"dns lookup failed", b"dns resolution", b"getaddrinfo", b"nxdomain",
                     b"no address associated", b"non-existent domain", b"no such domain",
                     b"name resolution")


def _small(length: str | None) -> bool:
    return bool(length) and length.strip().isdigit() and int(length) <= 65536


def _short(e: BaseException) -> str:
    text = str(e).strip() or type(e).__name__
    return text if len(text) <= 200 else text[:197] + "..."


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - now).total_seconds())


class _Failed(Exception):
    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class Checker:
    """Holds the sessions, gate, cache and per-host probes of one run."""

    def __init__(self, settings: LinkSettings) -> None:
        self.s = settings
        self.gate = HostGate(settings.per_host, settings.min_gap, settings.sleep)
        # the archive is one service asked once per cited URL and access date: paced on its
        # own terms, not as one more cited site
        self.archive_gate = HostGate(settings.archive_per_host, settings.archive_min_gap,
                                     settings.sleep)
        self.archive_down = ""  # why the archive is unreachable, once it is known to be
        self._archive_streak = 0  # lookups failed in a row
        self.cache = ResultCache(settings.cache_path) if settings.cache_path else None
        self._by_host: dict[str, requests.Session] = {}
        self._sessions: list[requests.Session] = []
        self._lock = threading.Lock()
        self._probes: dict[str, Any] = {}
        self._probe_events: dict[str, threading.Event] = {}
        self._hosts_down: dict[str, _Failed] = {}  # host → its name-resolution/connect failure
        self.request_count = 0
        self.archive_failures: list[str] = []

    # -- plumbing --

    def session(self, url: str) -> requests.Session:
        """The session of the URL's host, shared by the threads that ask it: its kept-alive
        connections (and TLS sessions) serve every URL of the host, and its cookies are the
        host's own (cookie-check redirects). requests' pools are thread-safe; at most
        `per_host` requests use one at a time."""
        host = host_key(url)
        with self._lock:
            sess = self._by_host.get(host)
            if sess is None:
                sess = requests.Session()
                # the environment read once per host, as requests would read it on every
                # request (HTTP(S)_PROXY with NO_PROXY, REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE):
                # scanning os.environ twice per request was a third of the CPU per URL
                sess.proxies = requests.utils.get_environ_proxies(url)
                bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
                sess.verify = bundle or True
                sess.trust_env = False
                sess.max_redirects = self.s.max_redirects
                sess.headers.update(
                    {
                        "User-Agent": self.s.user_agent,
                        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                        "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8",
                    }
                )
                self._by_host[host] = sess
                self._sessions.append(sess)
        return sess

    def close(self) -> None:
        with self._lock:
            for sess in self._sessions:
                sess.close()
            self._sessions.clear()
        if self.cache:
            self.cache.close()

    def _count(self) -> None:
        with self._lock:
            self.request_count += 1

    def send_raw(self, method: str, url: str, gate: HostGate | None = None,
                 **kwargs: Any) -> requests.Response:
        """One request through the host gate (or `gate`), with timeouts."""
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", (self.s.connect_timeout, self.s.read_timeout))
        with (gate or self.gate).slot(host_key(url)):
            self._count()
            return self.session(url).request(method, url, **kwargs)

    def fetch(self, method: str, url: str, want_body: bool) -> Answer:
        """One exchange; the body (capped) is read for GETs of HTML-ish pages."""
        try:
            resp = self.send_raw(method, url, stream=True)
        except requests.RequestException as exc:
            raise _Failed(*classify_exception(exc)) from exc
        except (OSError, ValueError) as exc:
            raise _Failed(*classify_exception(exc)) from exc
        try:
            body = b""
            ctype = (resp.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if method == "GET" and (want_body or resp.status_code >= 400) and (
                ctype.startswith(HTML_TYPES[:3]) or not ctype
            ):
                body = self._read_capped(resp)
            elif method == "GET" and _small(resp.headers.get("Content-Length")):
                body = self._read_capped(resp)  # small: read it so the connection is reused
            return Answer(resp.status_code, resp.headers, body, url)
        except requests.RequestException as exc:
            raise _Failed(*classify_exception(exc)) from exc
        except OSError as exc:
            raise _Failed(*classify_exception(exc)) from exc
        finally:
            resp.close()

    def _read_capped(self, resp: requests.Response) -> bytes:
        deadline = time.monotonic() + self.s.body_deadline
        chunks: list[bytes] = []
        total = 0
        for chunk in resp.iter_content(16384):
            chunks.append(chunk)
            total += len(chunk)
            if total >= self.s.max_body:
                break
            if time.monotonic() > deadline:
                raise _Failed(E_TIMEOUT, "body read timeout")
        return b"".join(chunks)[: self.s.max_body]

    def fetch_retrying(self, method: str, url: str, want_body: bool, tally: list[int]) -> Answer:
        """`fetch` with retries for timeouts, resets, 5xx and 429 (exponential backoff)."""
        host = host_key(url)
        down = self._hosts_down.get(host)
        if down:  # this run already found the name gone or the host refusing: no new request
            raise _Failed(down.kind, down.message)
        attempt = 0
        while True:
            tally[0] += 1
            try:
                ans = self.fetch(method, url, want_body)
            except _Failed as exc:
                if exc.kind in NETWORK_KINDS:
                    with self._lock:
                        self._hosts_down.setdefault(host, exc)
                    raise
                if exc.kind in (E_TIMEOUT, E_RESET) and attempt < self.s.retries:
                    self.s.sleep(self.s.backoff * (2**attempt))
                    attempt += 1
                    continue
                raise
            if ans.status in (502, 503, 504) and self._proxy_says_no_name(url, ans):
                exc = _Failed(E_DNS, f"name does not resolve (the proxy answered {ans.status})")
                with self._lock:
                    self._hosts_down.setdefault(host, exc)
                raise exc
            if ans.status not in RETRY_STATUS or attempt >= self.s.retries:
                return ans
            if method == "HEAD" and ans.status in HEAD_FALLBACK:
                return ans  # GET is tried next anyway
            if is_bot_challenge(ans.status, ans.headers, ans.body):
                return ans  # waiting does not pass a challenge
            wait = retry_after_seconds(ans.headers.get("Retry-After"), self.s.clock())
            if wait is not None and wait > self.s.max_retry_after:
                return ans  # the host asks for more patience than we have
            if wait is None:
                wait = self.s.backoff * (2**attempt)
            self.gate.hold_off(host, wait)
            attempt += 1

    def _proxy_says_no_name(self, url: str, ans: Answer) -> bool:
        """A plain-HTTP answer that came from a proxy saying the name does not resolve."""
        if urlsplit(url).scheme != "http":
            return False  # HTTPS answers come through a tunnel, from the host itself
        if not requests.utils.select_proxy(url, self.session(url).proxies):
            return False
        low = (ans.body or b"")[:16384].lower()
        return any(m in low for m in PROXY_DNS_MARKERS)

    # -- one URL --

    def check(self, item: LinkItem) -> LinkResult:
        """The verdict on one cited URL.

        One GET per URL on an ordinary page: its status and, for HTML, the first
        `max_body` bytes (title, challenge markers), so a 200 "页面不存在" page and a URL
        whose HEAD says 200 but whose GET says 404 are both seen without a second request.
        The random-path probe of the cited host (one per host per run) is asked only when
        the answer gives a reason to doubt it (a redirect that changed the path, error
        words in the page): ordinary URLs cost what they cost lychee or LinkChecker.
        """
        now = self.s.clock()
        res = LinkResult(url=item.url, accessed=item.accessed, cited_by=list(item.cited_by),
                         checked_at=iso(now))
        target = request_url(item.url)
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            res.verdict, res.error_kind = ERROR, E_BAD_URL
            res.error = "not an http(s) URL with a host"
            return res
        if target != item.url and not item.url.lower().startswith(("http:", "https:")):
            res.note = f"checked as {target}"
        tally = [0]
        try:
            self._walk(res, target, tally)
        except _Failed as exc:
            res.error_kind, res.error = exc.kind, exc.message
            res.verdict = DEAD if exc.kind == E_DNS else ERROR  # DEAD is a candidate here
        res.attempts = tally[0]
        return res

    def _walk(self, res: LinkResult, target: str, tally: list[int]) -> None:
        current = target
        seen: Counter[str] = Counter({current: 1})
        method = "HEAD" if self.s.head_first else "GET"
        while True:
            ans = self.fetch_retrying(method, current, want_body=method == "GET", tally=tally)
            status = ans.status
            loc = ans.headers.get("Location")
            if status in REDIRECT_CODES and loc:
                nxt = redirect_target(current, loc)
                res.redirects.append(Hop(current, status))
                if urlsplit(nxt).scheme not in ("http", "https"):
                    raise _Failed(E_OTHER, f"redirect to a non-http URL: {nxt[:200]}")
                # a URL may come round once more after it set a cookie (cookie-check redirects
                # of WAFs and CMSs: 302 to itself with Set-Cookie); a second time is a loop
                again = seen[nxt] >= (2 if ans.headers.get("Set-Cookie") else 1)
                if again:
                    res.final_url = nxt
                    raise _Failed(E_REDIRECT_LOOP, f"redirect loop back to {nxt}")
                if len(res.redirects) >= self.s.max_redirects:
                    raise _Failed(E_TOO_MANY_REDIRECTS,
                                  f"more than {self.s.max_redirects} redirects")
                seen[nxt] += 1
                current = nxt
                continue
            if method == "HEAD" and (status in HEAD_FALLBACK or (
                    200 <= status < 300 and _htmlish(ans.headers))):
                method = "GET"  # refused HEAD, or an HTML page whose title is to be read
                continue
            break
        res.http_status = status
        res.final_url = current
        res.method = method
        res.left_host = bool(res.redirects) and _site(current) != _site(target)
        challenge = is_bot_challenge(status, ans.headers, ans.body)
        if challenge:
            res.verdict, res.note = BLOCKED, _join(res.note, challenge)
        elif 200 <= status < 300:
            same = _same_resource(current, target)
            res.verdict = REDIRECTED if res.redirects and not same else OK
            if self.s.soft404:
                self._soft404(res, target, ans, tally)
        elif status in DEAD_STATUS:
            res.verdict, res.note = DEAD, _join(res.note, f"HTTP {status}")
        elif status in BLOCKED_STATUS:
            res.verdict = BLOCKED
            res.note = _join(res.note, f"HTTP {status}" + (" after retries" if status == 429 else ""))
        elif status >= 500:
            res.verdict, res.error_kind, res.error = ERROR, E_HTTP, f"HTTP {status} after retries"
        elif 300 <= status < 400:
            res.verdict, res.error_kind = ERROR, E_HTTP
            res.error = f"HTTP {status} without Location"
        else:
            res.verdict, res.error_kind, res.error = ERROR, E_HTTP, f"HTTP {status}"

    # -- soft 404 --

    def _soft404(self, res: LinkResult, target: str, ans: Answer, tally: list[int]) -> None:
        title = page_title(ans.body) if ans.body else ""
        if title and error_title(title):
            res.verdict, res.note = SOFT_404, _join(res.note, f"title {title!r}")
            return
        moved = bool(res.redirects) and not _same_resource(res.final_url, target)
        doubt = moved or (ans.body and error_words(ans.body))
        probe = self._probe(target, ask=bool(doubt))
        if probe is None or not (200 <= probe["status"] < 300):
            return  # the host answers errors honestly (or was not, or could not be, probed)
        if moved and _same_place(res.final_url, probe["final_url"], target, probe["asked"]):
            if _is_home(target):
                return  # a cited home page that redirects (http → https, to /index) is home
            wall = _login_or_captcha(probe["final_url"], probe["title"])
            if wall:
                res.verdict = BLOCKED
                res.note = _join(res.note, f"sent to {wall} {res.final_url}, as a random path "
                                 "on the host is")
            else:
                res.verdict = SOFT_404
                res.note = _join(res.note, f"redirects to {res.final_url}, as a random path "
                                 "on the host does")
            return
        body = ans.body
        if not body or _is_home(res.final_url):
            return
        strip = (urlsplit(res.final_url).path, urlsplit(probe["final_url"]).path,
                 urlsplit(target).path, urlsplit(probe["asked"]).path)
        if similar_bodies(body, probe["body"], strip):
            res.verdict = SOFT_404
            res.note = _join(res.note, "same page as a random path on the host answers")

    def _probe(self, url: str, ask: bool = True) -> dict[str, Any] | None:
        """What a random path on the URL's host answers; asked once per host per run, and
        only when `ask` (a later URL of the host reuses an earlier probe for free)."""
        origin = _origin(url)
        with self._lock:
            if origin in self._probes:
                return self._probes[origin]
            if not ask:
                return None
            event = self._probe_events.get(origin)
            owner = event is None
            if owner:
                event = self._probe_events[origin] = threading.Event()
        if not owner:
            event.wait()
            return self._probes.get(origin)
        result = None
        try:
            asked = current = f"{origin}/{uuid.uuid4().hex}-not-there"
            seen = {current}
            for _ in range(self.s.max_redirects + 1):
                ans = self.fetch_retrying("GET", current, want_body=True, tally=[0])
                loc = ans.headers.get("Location")
                if ans.status in REDIRECT_CODES and loc:
                    nxt = redirect_target(current, loc)
                    if nxt in seen:
                        break
                    seen.add(nxt)
                    current = nxt
                    continue
                result = {"status": ans.status, "final_url": current, "body": ans.body,
                          "title": page_title(ans.body), "asked": asked}
                break
        except _Failed:
            result = None
        finally:
            with self._lock:
                self._probes[origin] = result
            event.set()
        return result

    # -- archive --

    def archive(self, res: LinkResult) -> None:
        """The capture nearest each access date the URL is cited with (one lookup per date;
        `res.archive` is the one for the earliest date, `res.archives` all of them)."""
        if not self.s.archive_endpoint:
            return
        if self.s.archive_for == "broken" and res.verdict in (OK, REDIRECTED):
            return
        dates = sorted({c.accessed for c in res.cited_by if c.accessed} | {res.accessed})
        if len(dates) > 1 and "" in dates and res.accessed:
            dates.remove("")
        found: dict[str, archive_mod.Archive | None] = {}
        for accessed in dates:
            got = self._archive_one(res, accessed)
            if got is False:
                break  # unreachable: the note says so
            found[accessed] = got
        res.archive = found.get(res.accessed) or (found.get(dates[0]) if dates else None)
        if len(dates) > 1:
            res.archives = {d: a for d, a in found.items() if a}

    def _archive_one(self, res: LinkResult, accessed: str) -> Any:
        """The capture for one access date; None when there is none, False when the archive
        could not be asked (noted on `res`)."""
        if self.archive_down:
            if "archive unreachable" not in res.note:
                res.note = _join(res.note, "archive unreachable")
            return False
        if self.cache:
            got = self.cache.archive_get(res.url, accessed)
            if got and self.s.clock() - parse_iso(got[0]) <= self.s.max_age:
                return _https_archive(archive_mod.Archive(**got[1]), self.s.archive_endpoint) \
                    if got[1] else None
        try:
            found = archive_mod.lookup(request_url(res.url), accessed,
                                       endpoint=self.s.archive_endpoint,
                                       send=self._archive_send, mode=self.s.archive_api,
                                       path=self.s.archive_path, replay=self.s.archive_replay,
                                       now=self.s.clock())
        except archive_mod.ArchiveUnavailable as exc:
            with self._lock:
                self.archive_failures.append(exc.kind or "other")
                self._archive_streak += 1
                if (exc.network or self._archive_streak >= 3) and not self.archive_down:
                    # unreachable, or failing every time: asking on would only cost time
                    self.archive_down = str(exc)
                    log.warning("archive %s unreachable (%s): no more lookups this run",
                                self.s.archive_endpoint, exc)
            log.debug("archive lookup for %s failed: %s", res.url, exc)
            res.note = _join(res.note, f"archive lookup failed: {exc}")
            return False
        found = _https_archive(found, self.s.archive_endpoint)
        with self._lock:
            self._archive_streak = 0
        if self.cache:
            self.cache.archive_put(res.url, accessed, self.s.clock(),
                                   found.__dict__ if found else None)
        return found

    def _archive_send(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        for attempt in range(self.s.retries + 1):
            if self.archive_down:
                raise archive_mod.ArchiveUnavailable(self.archive_down, network=True,
                                                     kind=E_CONNECT)
            try:
                resp = self.send_raw(method, url, gate=self.archive_gate, **kwargs)
            except (requests.RequestException, OSError) as exc:
                kind, msg = classify_exception(exc)
                if kind in (E_TIMEOUT, E_RESET) and attempt < self.s.retries:
                    self.s.sleep(self.s.backoff * (2**attempt))
                    continue
                raise archive_mod.ArchiveUnavailable(msg, network=kind in NETWORK_KINDS,
                                                     kind=kind) from exc
            if resp.status_code in (502, 503, 504) and self._proxy_says_no_name(
                    url, Answer(resp.status_code, resp.headers, resp.content[:16384], url)):
                resp.close()
                raise archive_mod.ArchiveUnavailable("archive name does not resolve (proxy)",
                                                     network=True, kind=E_DNS)
            if resp.status_code in RETRY_STATUS and attempt < self.s.retries:
                wait = retry_after_seconds(resp.headers.get("Retry-After"), self.s.clock())
                resp.close()
                if wait is not None and wait > self.s.max_retry_after:
                    raise archive_mod.ArchiveUnavailable("archive asks to retry much later")
                self.archive_gate.hold_off(host_key(url), wait if wait is not None
                                           else self.s.backoff * (2**attempt))
                continue
            return resp
        raise archive_mod.ArchiveUnavailable("archive kept failing")  # pragma: no cover


def _https_archive(found: Any, endpoint: str | None) -> Any:
    """Archive links as https: the Internet Archive's APIs still answer http:// capture URLs,
    which its replay redirects to https; so does any archive whose endpoint is https."""
    if not found or not found.url.startswith("http://"):
        return found
    host = (urlsplit(found.url).hostname or "").lower()
    ep = urlsplit(endpoint or "")
    if host == "archive.org" or host.endswith(".archive.org") or (
            ep.scheme == "https" and host == (ep.hostname or "").lower()):
        found.url = "https://" + found.url[len("http://"):]
    return found


def _origin(url: str) -> str:
    p = urlsplit(url)
    return f"{p.scheme}://{p.netloc}"


def request_url(cited: str) -> str:
    """The URL to request for a cited one: ``www.…`` printed without a scheme is asked for
    over http (a site with TLS redirects to https itself, as a browser's address bar does)."""
    url = cited.strip()
    if re.match(r"(?i)www\.[^/\s]+\.[^/\s]", url) and "://" not in url.split("/", 1)[0]:
        return "http://" + url
    return url


def redirect_target(current: str, location: str) -> str:
    """The absolute URL a Location header names, decoded as requests does: raw UTF-8 bytes
    (common on Chinese sites) arrive as latin-1 text and are read back as UTF-8, then
    anything unsafe is percent-encoded once."""
    loc = location.strip()
    try:
        loc = loc.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    return requests.utils.requote_uri(urljoin(current, loc))


def _site(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def _norm(url: str) -> tuple[str, str, str]:
    """(host without www., path without trailing / or index page, query) of a URL."""
    p = urlsplit(requests.utils.requote_uri(url))
    path = re.sub(r"/(index|default)\.(s?html?|php|aspx?|jsp)$", "/", p.path or "/")
    return _site(url), path.rstrip("/") or "/", p.query


def _same_resource(a: str, b: str) -> bool:
    """The same page but for the scheme, ``www.``, a trailing slash or an index page name."""
    return _norm(a) == _norm(b)


def _is_home(url: str) -> bool:
    return _norm(url)[1] == "/" and not _norm(url)[2]


def _same_place(final: str, probe_final: str, cited: str, probe_asked: str) -> bool:
    """Did the cited URL end where a random path ends? Paths a login or captcha redirect
    echoes in its query (``?next=/report/…``) are taken out before comparing."""
    def clean(url: str, *paths: str) -> tuple[str, str, str]:
        site, path, query = _norm(url)
        query = requests.utils.unquote(query)
        for p in paths:
            for form in {p, requests.utils.unquote(p), quote(p, safe=""), quote(p)}:
                if form and form != "/":
                    query = query.replace(form, "")
        return site, path, query

    paths = (urlsplit(cited).path, urlsplit(probe_asked).path, cited, probe_asked)
    return clean(final, *paths) == clean(probe_final, *paths)


_LOGIN_RE = re.compile(r"(?i)(^|[/._?=-])(login|signin|sign-in|sso|passport|cas|auth|"
                       r"account|captcha|verify|wappass|sec)([/._?=-]|$)")


def _login_or_captcha(url: str, title: str) -> str:
    """'a login page' / 'a captcha page' when the URL or title says so, else ""."""
    if challenge_title(title) or re.search(r"(?i)captcha|verify|验证", url + title):
        return "a captcha page"
    p = urlsplit(url)
    if _LOGIN_RE.search(p.hostname or "") or _LOGIN_RE.search(p.path) or re.search(
            r"(?i)^(sign in|log in|login|登录|用户登录|统一身份认证)", title.strip()):
        return "a login page"
    return ""


def _htmlish(headers: Any) -> bool:
    ctype = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
    return ctype.startswith(HTML_TYPES[:2]) or not ctype


def _join(note: str, more: str) -> str:
    return f"{note}; {more}" if note else more


# ---- the run ---------------------------------------------------------------------------


def _as_item(x: Any) -> LinkItem:
    if isinstance(x, LinkItem):
        return x
    if isinstance(x, str):
        return LinkItem(url=x)
    if isinstance(x, dict):
        return LinkItem(url=x["url"], accessed=x.get("accessed") or "",
                        cited_by=[c if isinstance(c, Citing) else Citing(**c)
                                  for c in x.get("cited_by", [])])
    url, accessed = x
    return LinkItem(url=url, accessed=accessed or "")


def _interleave(items: list[LinkItem]) -> list[int]:
    """Indices ordered round-robin across hosts, so workers spread over hosts."""
    by_host: OrderedDict[str, list[int]] = OrderedDict()
    for i, it in enumerate(items):
        by_host.setdefault(host_key(it.url), []).append(i)
    queues = [list(reversed(v)) for v in by_host.values()]
    order: list[int] = []
    while queues:
        nxt = []
        for q in queues:
            order.append(q.pop())
            if q:
                nxt.append(q)
        queues = nxt
    return order


def run_checks(items: Iterable[Any], settings: LinkSettings | None = None,
               progress: Callable[[int, int, LinkResult], None] | None = None) -> CheckRun:
    """Check URLs; the full outcome of the run (results in input order, offline notice)."""
    s = settings or LinkSettings()
    todo = [_as_item(x) for x in items]
    checker = Checker(s)
    results: list[LinkResult | None] = [None] * len(todo)
    fresh: list[bool] = [False] * len(todo)
    done = [0]
    plock = threading.Lock()

    def work(i: int) -> None:
        item = todo[i]
        res = None
        if checker.cache:
            cached = checker.cache.latest(item.url)
            if cached and _reusable(cached, s):
                res = cached
                res.from_cache = True
                res.accessed, res.cited_by = item.accessed, list(item.cited_by)
        if res is None:
            try:
                res = checker.check(item)
            except Exception as exc:  # a bug or an odd answer must not sink the whole run
                log.exception("checking %s failed", item.url)
                res = LinkResult(url=item.url, verdict=ERROR, error_kind=E_OTHER,
                                 error=f"internal error: {_short(exc)}", accessed=item.accessed,
                                 cited_by=list(item.cited_by), checked_at=iso(s.clock()))
            fresh[i] = True
        checker.archive(res)
        results[i] = res
        if progress:
            with plock:
                done[0] += 1
                progress(done[0], len(todo), res)

    try:
        if todo:
            workers = max(1, min(s.workers, len(todo)))
            with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="links") as pool:
                for fut in [pool.submit(work, i) for i in _interleave(todo)]:
                    fut.result()
        run = CheckRun(results=[r for r in results if r is not None])
        _judge_offline(run, fresh, checker)
        _confirm_dead(run, fresh, checker, s)
        if checker.cache:
            checker.cache.record_many([r for r, f in zip(run.results, fresh) if f])
        run.requests = checker.request_count
        run.stats = dict(Counter(r.verdict for r in run.results))
        return run
    finally:
        checker.close()


def _reusable(cached: LinkResult, s: LinkSettings) -> bool:
    """A cached result stands in for a check: final, young enough, not a passing 429."""
    if cached.verdict not in FINAL_VERDICTS or cached.http_status == 429:
        return False
    return s.clock() - parse_iso(cached.checked_at) <= s.max_age


def _judge_offline(run: CheckRun, fresh: list[bool], checker: Checker) -> None:
    """Most hosts failing alike before any HTTP exchange means this machine is offline."""
    s = checker.s
    per_host: dict[str, set[str]] = {}
    for r, f in zip(run.results, fresh):
        if not f:
            continue
        kind = r.error_kind if r.error_kind in NETWORK_KINDS else "answered"
        if kind in (E_DNS, E_DNS_TEMP):
            kind = "name resolution"
        elif kind == E_CONNECT:
            kind = "connection"
        per_host.setdefault(host_key(r.url), set()).add(kind)
    outcomes = [next(iter(k)) if len(k) == 1 else "mixed" for k in per_host.values()]
    for kind in checker.archive_failures[:1]:  # the archive service is one more host
        outcomes.append({E_DNS: "name resolution", E_DNS_TEMP: "name resolution",
                         E_CONNECT: "connection"}.get(kind, "answered"))
    if len(outcomes) < s.offline_min_hosts:
        return
    counts = Counter(o for o in outcomes if o in ("name resolution", "connection"))
    if not counts:
        return
    kind, n = counts.most_common(1)[0]
    if n / len(outcomes) <= s.offline_fraction:
        return
    run.offline = True
    run.notice = (f"this machine looks offline: {n} of {len(outcomes)} hosts failed {kind}; "
                  "their URLs are marked unknown, not dead")
    log.warning("%s", run.notice)
    for r, f in zip(run.results, fresh):
        if f and r.error_kind in NETWORK_KINDS:
            r.verdict = UNKNOWN
            r.note = "offline: " + r.error


def _confirm_dead(run: CheckRun, fresh: list[bool], checker: Checker, s: LinkSettings) -> None:
    """A fresh `dead` stands only when the cache shows dead evidence `confirm_after` ago."""
    now = s.clock()
    for r, f in zip(run.results, fresh):
        if not f or r.verdict != DEAD:
            continue
        start = now
        if checker.cache:
            for at, verdict in reversed(checker.cache.history(r.url)):
                if verdict in (DEAD, DEAD_PENDING):
                    start = parse_iso(at)
                elif verdict in (OK, REDIRECTED):
                    break  # healthy since: the streak starts after this
        r.first_failed_at = iso(start)
        if not checker.cache or now - start < s.confirm_after:
            r.verdict = DEAD_PENDING


def check_urls(items: Iterable[Any], settings: LinkSettings | None = None,
               progress: Callable[[int, int, LinkResult], None] | None = None
               ) -> list[LinkResult]:
    """Check URLs (strings, `(url, accessed)` pairs or `LinkItem`s); results in input order."""
    return run_checks(items, settings, progress).results


# ---- an issue ---------------------------------------------------------------------------


def collect_items(issue: dict[str, Any]) -> list[LinkItem]:
    """Distinct URLs of an issue's citations, with who cites them; first-seen order.

    The access date kept per URL is the earliest one printed among its citations.
    """
    items: OrderedDict[str, LinkItem] = OrderedDict()
    for article in issue.get("articles") or []:
        for cit in article.get("citations") or []:
            for url in cit.get("urls") or []:
                url = (url or "").strip()
                if not url:
                    continue
                item = items.setdefault(url, LinkItem(url=url))
                accessed = cit.get("accessed") or ""
                item.cited_by.append(Citing(article=str(article.get("id", "")),
                                            citation=int(cit.get("n") or 0), accessed=accessed))
                if accessed and (not item.accessed or accessed < item.accessed):
                    item.accessed = accessed
    return list(items.values())


def check_issue_links(issue_dir: Path, settings: LinkSettings | None = None,
                      progress: Callable[[int, int, LinkResult], None] | None = None,
                      issue_id: str | None = None) -> Path:
    """Check every cited URL of `issue_dir/issue.json`; write links.json and links.txt.

    `issue_id` names the issue in the reports (default: the folder's name; ingest passes
    it because it writes into a staging folder first).

    Returns the path of links.json. Raises `MissingFile` when issue.json is absent and
    `SchemaInvalid` when it is not an issue record.
    """
    from schemas.record import read_json  # (jsonschema: imported only when an issue is read)

    from .report import write_reports

    issue_dir = Path(issue_dir)
    path = issue_dir / "issue.json"
    issue = read_json(path)
    if not isinstance(issue.get("articles", []), list):
        raise SchemaInvalid(path, "not an issue record (no articles list)")
    s = settings or LinkSettings()
    run = run_checks(collect_items(issue), s, progress)
    issue_id = issue_id or issue_dir.name
    return write_reports(issue_dir, issue_id, run, s)
