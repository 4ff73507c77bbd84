"""Look up the archived copy of a URL nearest a date on a Wayback-compatible service.

Two ways of asking, both understood by the Internet Archive and by pywb-style services:

- ``available`` (default): ``GET {endpoint}/wayback/available?url=…&timestamp=YYYYMMDD``
  answers JSON ``{"archived_snapshots": {"closest": {"url", "timestamp", "status", …}}}``
  (empty ``archived_snapshots`` when there is no capture).
- ``redirect``: ``GET {endpoint}/web/YYYYMMDD/{url}`` answers a redirect to the nearest
  capture ``…/web/<14-digit timestamp>/<url>`` (404 when none); the redirect is read, not
  followed.

The endpoint is a setting so an institution can point it at its own service. Only the
endpoint's host is ever asked.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Callable
from urllib.parse import urljoin

import requests

from .verdicts import Archive

_TS_IN_URL = re.compile(r"/web/(\d{4,14})[a-z_]*/")


class ArchiveUnavailable(Exception):
    """The archive service could not be asked (network error, 5xx, unreadable answer)."""

    def __init__(self, message: str, network: bool = False, kind: str = "") -> None:
        super().__init__(message)
        self.network = network
        self.kind = kind


def wayback_timestamp(accessed: str) -> str:
    """ISO date → YYYYMMDD; "" stays "" (the service then answers its newest capture)."""
    return accessed.replace("-", "")[:8] if accessed else ""


def distance_days(timestamp: str, accessed: str) -> int | None:
    if not accessed or len(timestamp) < 8:
        return None
    try:
        captured = datetime.strptime(timestamp[:8], "%Y%m%d").date()
        return abs((captured - date.fromisoformat(accessed[:10])).days)
    except ValueError:
        return None


def lookup(
    url: str,
    accessed: str,
    *,
    endpoint: str,
    send: Callable[..., requests.Response],
    mode: str = "available",
) -> Archive | None:
    """The capture of `url` nearest `accessed`, or None when the service has none.

    `send(method, url, **kwargs)` makes the request (the checker passes its polite,
    time-limited sender). Raises `ArchiveUnavailable` when the service cannot answer.
    """
    base = endpoint.rstrip("/")
    ts = wayback_timestamp(accessed)
    if mode == "redirect":
        return _lookup_redirect(base, url, accessed, ts, send)
    params = {"url": url}
    if ts:
        params["timestamp"] = ts
    resp = send("GET", base + "/wayback/available", params=params)
    try:
        if resp.status_code != 200:
            raise ArchiveUnavailable(f"archive answered HTTP {resp.status_code}", kind="http")
        try:
            data = resp.json()
        except ValueError as exc:
            raise ArchiveUnavailable(f"archive answer is not JSON: {exc}") from exc
    finally:
        resp.close()
    closest = ((data or {}).get("archived_snapshots") or {}).get("closest") or {}
    if not closest or not closest.get("url") or closest.get("available") is False:
        return None
    status = str(closest.get("status") or "200")
    if status[:1] in ("4", "5"):
        return None  # a capture of an error page is no copy of the work
    stamp = str(closest.get("timestamp") or "")
    return Archive(url=closest["url"], timestamp=stamp,
                   distance_days=distance_days(stamp, accessed))


def _lookup_redirect(base: str, url: str, accessed: str, ts: str, send) -> Archive | None:
    resp = send("GET", f"{base}/web/{ts or '2'}/{url}", allow_redirects=False)
    try:
        status = resp.status_code
        location = resp.headers.get("Location", "")
    finally:
        resp.close()
    if status == 404:
        return None
    if status >= 500:
        raise ArchiveUnavailable(f"archive answered HTTP {status}", kind="http")
    if status in (301, 302, 303, 307, 308) and location:
        target = urljoin(base + "/", location)
    elif status == 200:
        target = f"{base}/web/{ts}/{url}"
    else:
        return None
    m = _TS_IN_URL.search(target)
    stamp = m.group(1) if m else ""
    return Archive(url=target, timestamp=stamp, distance_days=distance_days(stamp, accessed))
