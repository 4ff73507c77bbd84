"""Bounded HTTP for credentialed Crossref requests: no redirects, capped answers, a deadline.

A request that carries the Crossref password must not be steered by the server it talks
to, nor be held by it:

- redirects are never followed (`allow_redirects=False`): a 3xx is returned to the caller,
  which refuses it and says where it pointed (a 307 would resend the form, password
  included, to whatever host the `Location` names);
- the answer is streamed and read raw, at most `max_bytes` (compressed and decompressed
  alike): `Accept-Encoding: identity` is asked for, and a gzip/deflate answer sent anyway
  is decompressed here with the same cap, so a compression bomb stops at the cap;
- every request has an overall deadline, not only a timeout per socket read: a watchdog
  timer shuts the request's sockets down when it expires, so a server that answers one
  byte per second (in the headers or the body) cannot hold a deposit.

The sockets are found through urllib3 connection classes that register each socket they
open (and each reused one) with the deadline of the request running in that thread.
SOCKS proxies keep urllib3's own classes (per-read timeouts only).
"""
from __future__ import annotations

import os
import socket
import threading
import time
import zlib
from dataclasses import dataclass
from typing import Any, Mapping

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

CHUNK = 64 * 1024


class TransportLimit(Exception):
    """A bounded request stopped: deadline passed or answer too large (message says which)."""


class DeadlineExceeded(TransportLimit):
    pass


class AnswerTooLarge(TransportLimit):
    pass


_local = threading.local()


def _cut(sock: socket.socket) -> None:
    """Shut a socket down from another thread without touching its (TLS) object: a dup of
    its descriptor is shut down, which ends the connection for the reading thread too."""
    try:
        fd = os.dup(sock.fileno())
    except (OSError, ValueError):
        return
    dup = socket.socket(fileno=fd)
    try:
        dup.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    finally:
        dup.close()


class Deadline:
    """Overall time limit for one request; `with Deadline(s):` around the request."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self.started = time.monotonic()
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._socks.append(sock)
            expired = self.expired
        if expired:
            _cut(sock)

    def left(self) -> float:
        return self.seconds - (time.monotonic() - self.started)

    def _fire(self) -> None:
        with self._lock:
            self.expired = True
            socks = list(self._socks)
        for sock in socks:
            _cut(sock)

    def __enter__(self) -> "Deadline":
        _local.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        _local.deadline = None


def _register(sock: socket.socket | None) -> None:
    deadline = getattr(_local, "deadline", None)
    if deadline is not None and sock is not None:
        deadline.watch(sock)


class _Watched:
    def _new_conn(self) -> socket.socket:  # every new TCP connection, before any TLS
        sock = super()._new_conn()  # type: ignore[misc]
        _register(sock)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:  # a kept-alive connection, reused
        _register(getattr(self, "sock", None))
        return super().request(*args, **kwargs)  # type: ignore[misc]


class _WatchedHTTP(_Watched, HTTPConnection):
    pass


class _WatchedHTTPS(_Watched, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTP


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPS


_POOLS = {"http": _HTTPPool, "https": _HTTPSPool}


class WatchedAdapter(HTTPAdapter):
    """An HTTPAdapter whose connections report their sockets to the running Deadline."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_POOLS)

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **kwargs)
        if not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = dict(_POOLS)
        return manager


def bounded_session(user_agent: str) -> requests.Session:
    session = requests.Session()
    session.mount("http://", WatchedAdapter())
    session.mount("https://", WatchedAdapter())
    session.headers["User-Agent"] = user_agent
    session.headers["Accept-Encoding"] = "identity"
    return session


@dataclass
class Answer:
    status: int
    headers: Mapping[str, str]
    body: bytes

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")

    def text(self) -> str:
        charset = "utf-8"
        ctype = self.headers.get("Content-Type", "")
        for part in ctype.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip('"\' ')
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


def _decoder(encoding: str) -> Any:
    """A zlib decompressor for one Content-Encoding, or None for identity."""
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj(zlib.MAX_WBITS)  # zlib-wrapped; raw deflate is retried below
    raise AnswerTooLarge(f"answer uses Content-Encoding '{encoding[:40]}', which was not asked for")


def read_capped(resp: requests.Response, max_bytes: int) -> bytes:
    """The body of a streamed response, raw bytes decompressed here, at most `max_bytes`.

    Raises AnswerTooLarge when the body (sent or decompressed) is longer, or uses an
    encoding other than identity, gzip or deflate."""
    declared = resp.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise AnswerTooLarge(f"answer of {int(declared)} bytes is over the {max_bytes}-byte limit")
    encoding = resp.headers.get("Content-Encoding", "").strip().lower()
    decoder = _decoder(encoding)
    out = bytearray()
    received = 0
    first = True
    for chunk in resp.raw.stream(CHUNK, decode_content=False):
        received += len(chunk)
        if received > max_bytes:
            raise AnswerTooLarge(f"answer is over the {max_bytes}-byte limit")
        if decoder is None:
            out += chunk
            continue
        try:
            data = decoder.decompress(chunk, max_bytes + 1 - len(out))
        except zlib.error:
            if not (first and encoding == "deflate"):
                raise AnswerTooLarge(f"answer's {encoding} data is corrupt") from None
            decoder = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, as some servers send
            data = decoder.decompress(chunk, max_bytes + 1 - len(out))
        first = False
        out += data
        if len(out) > max_bytes or decoder.unconsumed_tail:
            raise AnswerTooLarge(f"decompressed answer is over the {max_bytes}-byte limit")
    return bytes(out)


def bounded_post(session: requests.Session, url: str, *, data: Mapping[str, str],
                 files: Mapping[str, Any] | None = None, timeout: tuple[float, float],
                 deadline: float, max_bytes: int) -> Answer:
    """POST without following redirects; the whole exchange within `deadline` seconds.

    Raises DeadlineExceeded, AnswerTooLarge, or requests' own exceptions (connection
    refused, per-read timeout)."""
    with Deadline(deadline) as watch:
        try:
            resp = session.post(url, data=data, files=files, timeout=timeout, allow_redirects=False, stream=True)
            try:
                body = read_capped(resp, max_bytes)
            finally:
                resp.close()
        except (requests.RequestException, OSError) as exc:
            if watch.expired:
                raise DeadlineExceeded(f"no complete answer within the {deadline:g} s deadline") from None
            raise exc
        if watch.expired:  # the watchdog may end a body without length as if it were complete
            raise DeadlineExceeded(f"no complete answer within the {deadline:g} s deadline")
    return Answer(resp.status_code, resp.headers, body)
