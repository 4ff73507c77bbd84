"""Look up the archived copy of a URL nearest a date on a web archive.

Four ways of asking (`mode`, the `archive_api` setting), all understood by the Internet
Archive; pywb-style services answer the CDX and Memento ones too:

- ``available`` (default): ``GET {endpoint}/wayback/available?url=…&timestamp=YYYYMMDD``
  answers JSON ``{"archived_snapshots": {"closest": {"url", "timestamp", "status", …}}}``
  (empty ``archived_snapshots`` when there is no capture).
- ``redirect``: ``GET {endpoint}/web/YYYYMMDD/{url}`` answers a redirect to the nearest
  capture ``…/web/<14-digit timestamp>/<url>`` (404 when none); the redirect is read, not
  followed.
- ``cdx``: the CDX index, ``GET {endpoint}/cdx/search/cdx?url=…&output=json&closest=<ts>
  &sort=closest&limit=N`` (Internet Archive wayback-cdx-server and pywb CDX server APIs).
  Both answer shapes are read: the Internet Archive's JSON array whose first row names the
  fields, and pywb's one JSON object per line. Rows are re-sorted by distance here, so a
  server that ignores ``sort=closest`` still yields the nearest capture; captures of error
  pages (4xx/5xx) are skipped, 2xx preferred over redirects and revisits.
- ``timegate``: Memento datetime negotiation (RFC 7089), ``GET {endpoint}/web/{url}`` with
  ``Accept-Datetime``; a 302 answer's ``Location`` is the memento. Its datetime is read from
  the ``Link`` header (the ``rel="memento"`` entry for that URI, ``datetime=``), else a
  ``Memento-Datetime`` header, else the 14-digit stamp in the memento's URI, else a HEAD of
  the memento when it is on the TimeGate's own host. 404 means no memento.

The endpoint is a setting so an institution can point it at its own service. Only the
endpoint's host is ever asked.
"""
from __future__ import annotations

import json
import re
from datetime import date, datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any, Callable
from urllib.parse import urljoin, urlsplit

import requests

from .verdicts import Archive

_TS_IN_URL = re.compile(r"/web/(\d{4,14})[a-z_]*/")
_TS_ANYWHERE = re.compile(r"/(\d{14})(?:[a-z]{2}_)?/")

MODES = ("available", "redirect", "cdx", "timegate")

#: where each API lives on the Internet Archive, used when the endpoint is left at its default
IA_ENDPOINT = "https://archive.org"
IA_HOSTS = {"available": "https://archive.org", "redirect": "https://web.archive.org",
            "cdx": "https://web.archive.org", "timegate": "https://web.archive.org"}
#: path of each API below the endpoint (Internet Archive layout)
DEFAULT_PATHS = {"available": "/wayback/available", "redirect": "/web",
                 "cdx": "/cdx/search/cdx", "timegate": "/web"}
CDX_LIMIT = 10  # captures asked for around the date; the nearest usable one is taken


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
    path: str | None = None,
    replay: str | None = None,
    now: datetime | None = None,
) -> Archive | None:
    """The capture of `url` nearest `accessed`, or None when the service has none.

    `send(method, url, **kwargs)` makes the request (the checker passes its polite,
    time-limited sender). `path` overrides the API's path below the endpoint, `replay`
    the replay prefix CDX captures are turned into links with (default
    ``{endpoint}/web``). Without an access date the capture nearest `now` is asked for
    (cdx, timegate). Raises `ArchiveUnavailable` when the service cannot answer.
    """
    if mode not in MODES:
        raise ValueError(f"unknown archive API {mode!r} (one of {', '.join(MODES)})")
    if endpoint.rstrip("/") == IA_ENDPOINT:
        endpoint = IA_HOSTS[mode]
    base = endpoint.rstrip("/")
    api = base + (path if path is not None else DEFAULT_PATHS[mode]).rstrip("/")
    ts = wayback_timestamp(accessed)
    when = _target_time(accessed, now)
    if mode == "redirect":
        return _lookup_redirect(base, api, url, accessed, ts, send)
    if mode == "cdx":
        return _lookup_cdx(api, (replay or base + "/web").rstrip("/"), url, accessed, when, send)
    if mode == "timegate":
        return _lookup_timegate(base, api, url, accessed, when, send)
    params = {"url": url}
    if ts:
        params["timestamp"] = ts
    resp = send("GET", api, params=params)
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


def _lookup_redirect(base: str, api: str, url: str, accessed: str, ts: str, send) -> Archive | None:
    resp = send("GET", f"{api}/{ts or '2'}/{url}", allow_redirects=False)
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
        target = f"{api}/{ts}/{url}"
    else:
        return None
    m = _TS_IN_URL.search(target)
    stamp = m.group(1) if m else ""
    return Archive(url=target, timestamp=stamp, distance_days=distance_days(stamp, accessed))


# ---- CDX ----------------------------------------------------------------------------------


def _target_time(accessed: str, now: datetime | None) -> datetime:
    """The moment to look near: noon UTC of the access date, else now."""
    if accessed:
        try:
            d = date.fromisoformat(accessed[:10])
            return datetime(d.year, d.month, d.day, 12, tzinfo=timezone.utc)
        except ValueError:
            pass
    return now or datetime.now(timezone.utc)


def _stamp_time(stamp: str) -> datetime | None:
    digits = (stamp + "0101000000"[len(stamp) - 4:])[:14] if 4 <= len(stamp) <= 14 else ""
    try:
        return datetime.strptime(digits, "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def cdx_rows(text: str) -> list[dict[str, str]]:
    """CDX JSON answers as dicts: the IA array-of-arrays (header row first) or pywb NDJSON."""
    text = text.strip()
    if not text:
        return []
    try:
        data: Any = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, list):
        rows = [r for r in data if isinstance(r, list) and r]
        if not rows:
            return []
        head = [str(h) for h in rows[0]]
        return [dict(zip(head, map(str, r))) for r in rows[1:] if len(r) == len(head)]
    if isinstance(data, dict):
        return [{k: str(v) for k, v in data.items()}]
    out = []
    for line in text.splitlines():
        try:
            item = json.loads(line)
        except ValueError as exc:
            raise ArchiveUnavailable(f"CDX answer is not JSON: {exc}") from exc
        if isinstance(item, dict):
            out.append({k: str(v) for k, v in item.items()})
    return out


def _usable_rank(status: str) -> int | None:
    """0 for a 2xx capture, 1 for redirects/revisits/unknown, None for error pages."""
    status = status.strip()
    if status[:1] == "2":
        return 0
    if status[:1] in ("4", "5"):
        return None
    return 1


def _lookup_cdx(api: str, replay: str, url: str, accessed: str, when: datetime,
                send) -> Archive | None:
    closest = when.strftime("%Y%m%d%H%M%S")
    params = {"url": url, "output": "json", "closest": closest, "sort": "closest",
              "limit": str(CDX_LIMIT)}
    resp = send("GET", api, params=params)
    try:
        if resp.status_code == 404:
            return None  # pywb answers 404 for a URL it has never seen
        if resp.status_code != 200:
            raise ArchiveUnavailable(f"CDX server answered HTTP {resp.status_code}", kind="http")
        rows = cdx_rows(resp.text)
    finally:
        resp.close()
    best: tuple[int, float, dict[str, str]] | None = None
    for row in rows:
        stamp = row.get("timestamp", "")
        at = _stamp_time(stamp)
        rank = _usable_rank(row.get("statuscode") or row.get("status") or "")
        if at is None or rank is None:
            continue
        key = (rank, abs((at - when).total_seconds()), row)
        if best is None or key[:2] < best[:2]:
            best = key
    if best is None:
        return None
    row = best[2]
    stamp = row["timestamp"]
    original = row.get("original") or row.get("url") or url
    return Archive(url=f"{replay}/{stamp}/{original}", timestamp=stamp,
                   distance_days=distance_days(stamp, accessed))


# ---- Memento TimeGate (RFC 7089) ----------------------------------------------------------

_LINK_ENTRY = re.compile(r"^\s*<([^>]*)>(.*)$", re.S)
_LINK_PARAM = re.compile(r';\s*([^=;\s]+)\s*(?:=\s*(?:"([^"]*)"|([^;,\s]*)))?')


def parse_link_header(value: str) -> list[tuple[str, dict[str, str]]]:
    """RFC 8288 Link header → [(uri, {param: value})]; `rel` values lower-cased."""
    out = []
    for part in re.split(r",\s*(?=<)", value or ""):
        m = _LINK_ENTRY.match(part)
        if not m:
            continue
        params = {}
        for p in _LINK_PARAM.finditer(m.group(2) or ""):
            params[p.group(1).lower()] = p.group(2) if p.group(2) is not None else (p.group(3) or "")
        if "rel" in params:
            params["rel"] = params["rel"].lower()
        out.append((m.group(1).strip(), params))
    return out


def _http_date_stamp(value: str | None) -> str:
    """An HTTP-date ('Tue, 20 Mar 2001 20:35:00 GMT') as a 14-digit stamp; '' if unreadable."""
    if not value:
        return ""
    try:
        when = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError):
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).strftime("%Y%m%d%H%M%S")


def _lookup_timegate(base: str, api: str, url: str, accessed: str, when: datetime,
                     send) -> Archive | None:
    headers = {"Accept-Datetime": format_datetime(when, usegmt=True)}
    resp = send("GET", f"{api}/{url}", headers=headers, allow_redirects=False)
    try:
        status = resp.status_code
        location = resp.headers.get("Location", "") or resp.headers.get("Content-Location", "")
        link = resp.headers.get("Link", "")
        memento_dt = resp.headers.get("Memento-Datetime")
    finally:
        resp.close()
    if status == 404:
        return None
    if status >= 500 or status in (400, 403, 429):
        raise ArchiveUnavailable(f"TimeGate answered HTTP {status}", kind="http")
    if not (status in (301, 302, 303, 307, 308) or (status == 200 and memento_dt)) or not location:
        return None  # not a datetime negotiation answer: no memento to point to
    target = urljoin(f"{api}/", location)
    stamp = ""
    for uri, params in parse_link_header(link):
        if "memento" in params.get("rel", "").split() and urljoin(f"{api}/", uri) == target:
            stamp = _http_date_stamp(params.get("datetime"))
            if stamp:
                break
    stamp = stamp or _http_date_stamp(memento_dt)
    if not stamp:
        m = _TS_ANYWHERE.search(urlsplit(target).path + "/")
        stamp = m.group(1) if m else ""
    if not stamp and urlsplit(target).netloc == urlsplit(base).netloc:
        head = send("HEAD", target, allow_redirects=False)
        try:
            stamp = _http_date_stamp(head.headers.get("Memento-Datetime"))
        finally:
            head.close()
    return Archive(url=target, timestamp=stamp, distance_days=distance_days(stamp, accessed))
