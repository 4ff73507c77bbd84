"""Small real HTTP servers on loopback, for the link checker's tests and benchmark.

Each `LocalServer` listens on a loopback address (127.0.0.x, port chosen by the OS) and
answers each path as its `routes` say: a fixed `Reply`, a list of replies given in turn
(the last one repeating), or a callable. Replies can be slow, or reset the connection.
Every request is logged (method, path, headers) so tests can see what was sent.

Not used in production code; lives in the package so tests and `bench/` share it.
"""
from __future__ import annotations

import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b"<html><head><title>A page</title></head><body>Hello</body></html>"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float | Callable[[], float] = 0.0  # seconds before answering
    reset: bool = False  # close the connection with a TCP RST instead of answering
    head_status: int | None = None  # answer HEAD differently (e.g. 405)


def html(title: str, text: str = "") -> bytes:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><h1>{title}</h1><p>{text}</p></body></html>").encode()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)  # a client hanging up is normal


class _Serving:
    """Start/stop (and `with`) for a server run on a daemon thread (self.httpd, self._thread)."""

    httpd: "_Server"
    _thread: threading.Thread

    def start(self):
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()


class LocalServer(_Serving):
    def __init__(self, host: str = "127.0.0.1", routes: dict[str, Any] | None = None,
                 default: Any = None, tls: tuple[str, str] | None = None) -> None:
        """`tls`: (certificate file, key file) to serve HTTPS instead of HTTP."""
        self.routes: dict[str, Any] = dict(routes or {})
        self.default = default if default is not None else Reply(404, html("Not Found"))
        self.log: list[tuple[str, str, dict[str, str]]] = []
        self._turns: dict[str, int] = {}
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                owner._answer(self, "GET")

            def do_HEAD(self) -> None:
                owner._answer(self, "HEAD")

        self.httpd = _Server((host, 0), Handler)
        self.scheme = "http"
        if tls:
            import ssl

            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(*tls)
            self.httpd.socket = ctx.wrap_socket(self.httpd.socket, server_side=True)
            self.scheme = "https"
        self.host = host
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True,
                                        kwargs={"poll_interval": 0.05})

    def url(self, path: str = "/") -> str:
        return f"{self.scheme}://{self.host}:{self.port}{path}"

    @property
    def netloc(self) -> str:
        return f"{self.host}:{self.port}"

    def requests_for(self, path: str) -> list[str]:
        with self._lock:
            return [m for m, p, _ in self.log if p == path]

    def _pick(self, path: str) -> Reply:
        spec = self.routes.get(path.split("?", 1)[0], self.default)
        if callable(spec) and not isinstance(spec, Reply):
            return spec(path)
        if isinstance(spec, list):
            with self._lock:
                i = self._turns.get(path, 0)
                self._turns[path] = i + 1
            return spec[min(i, len(spec) - 1)]
        return spec

    def _answer(self, h: BaseHTTPRequestHandler, method: str) -> None:
        with self._lock:
            self.log.append((method, h.path, dict(h.headers.items())))
        send_reply(h, method, self._pick(h.path))


def send_reply(h: Any, method: str, reply: Reply) -> None:
    """Answer one request as `reply` says: after its delay, by a reset, or with its status,
    headers (a list value sends the header once per item) and body."""
    delay = reply.delay() if callable(reply.delay) else reply.delay
    if delay:
        time.sleep(delay)
    if reply.reset:
        sock = h.connection
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
        sock.close()
        h.close_connection = True
        return
    body = reply.body.encode() if isinstance(reply.body, str) else reply.body
    status = reply.head_status if (method == "HEAD" and reply.head_status) else reply.status
    try:
        h.send_response(status)
        headers = {"Content-Type": "text/html; charset=utf-8", **reply.headers}
        for k, v in headers.items():
            if isinstance(v, (list, tuple)):
                for one in v:
                    h.send_header(k, one)
            else:
                h.send_header(k, v)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if method != "HEAD":
            h.wfile.write(body)
        h.wfile.flush()
    except (BrokenPipeError, ConnectionResetError, OSError):
        h.close_connection = True


# ---- an intercepting proxy: a stand-in for the whole web ---------------------------------


@dataclass
class Site:
    """How one host behaves behind the proxy.

    `routes` maps a path (with its query, percent-decoded) to a reply spec as `LocalServer`
    takes it; `default` answers every other path (a spec or a callable of the path).
    `dns=False` makes the name not resolve (the proxy answers as real proxies do), `tls`
    says whether the host serves HTTPS, and `bad_cert` that it serves a certificate nobody
    trusts. `latency` delays every answer (seconds, or a callable).
    """

    routes: dict[str, Any] = field(default_factory=dict)
    default: Any = None
    dns: bool = True
    tls: bool = True
    bad_cert: bool = False
    latency: float | Callable[[], float] = 0.0


#: what a proxy says when the cited name does not resolve (squid, tinyproxy, mitmproxy, privoxy
#: and Go's httputil all put the resolver's words or their own ERR_DNS_FAIL in the page)
PROXY_DNS_BODY = (b"<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>"
                  b"<p>Cannot connect to %s: [Errno -2] Name or service not known</p></body></html>")


class CertAuthority:
    """A throwaway CA and per-host leaf certificates (EC P-256), written under `folder`."""

    def __init__(self, folder: str) -> None:
        from datetime import datetime, timedelta, timezone

        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID

        self._x509, self._hashes, self._ser, self._ec, self._oid = (
            x509, hashes, serialization, ec, NameOID)
        self.folder = folder
        self._now = datetime.now(timezone.utc)
        self._td = timedelta
        self.key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "journal-ingest test CA")])
        self.name = name
        self.cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                     .public_key(self.key.public_key()).serial_number(x509.random_serial_number())
                     .not_valid_before(self._now - timedelta(days=1))
                     .not_valid_after(self._now + timedelta(days=30))
                     .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                     .add_extension(x509.KeyUsage(True, False, False, False, False, True, True,
                                                  False, False), critical=True)
                     .sign(self.key, hashes.SHA256()))
        self.ca_file = f"{folder}/ca.pem"
        with open(self.ca_file, "wb") as fh:
            fh.write(self.cert.public_bytes(serialization.Encoding.PEM))
        self._contexts: dict[tuple[str, bool], Any] = {}
        self._lock = threading.Lock()

    def context(self, host: str, trusted: bool = True) -> Any:
        """A server-side SSLContext presenting a certificate for `host`."""
        import ssl

        with self._lock:
            ctx = self._contexts.get((host, trusted))
            if ctx is not None:
                return ctx
            x509, ser = self._x509, self._ser
            key = self._ec.generate_private_key(self._ec.SECP256R1())
            subject = x509.Name([x509.NameAttribute(self._oid.COMMON_NAME, host)])
            issuer, signer = (self.name, self.key) if trusted else (subject, key)
            cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
                    .public_key(key.public_key()).serial_number(x509.random_serial_number())
                    .not_valid_before(self._now - self._td(days=1))
                    .not_valid_after(self._now + self._td(days=30))
                    .add_extension(x509.SubjectAlternativeName([x509.DNSName(host)]),
                                   critical=False)
                    .sign(signer, self._hashes.SHA256()))
            stem = f"{self.folder}/{host}-{int(trusted)}"
            with open(stem + ".crt", "wb") as fh:
                fh.write(cert.public_bytes(ser.Encoding.PEM))
            with open(stem + ".key", "wb") as fh:
                fh.write(key.private_bytes(ser.Encoding.PEM, ser.PrivateFormat.PKCS8,
                                           ser.NoEncryption()))
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(stem + ".crt", stem + ".key")
            self._contexts[(host, trusted)] = ctx
            return ctx


class InterceptingProxy(_Serving):
    """An HTTP proxy on loopback that plays every host it is asked for from `sites`.

    Clients reach it as real proxies are reached (`HTTP_PROXY`/`HTTPS_PROXY`): plain HTTP in
    absolute form, HTTPS through CONNECT, which the proxy answers itself with a certificate
    from its own CA (`ca_file`, to put in `REQUESTS_CA_BUNDLE` or `SSL_CERT_FILE`). A name
    that is not in `sites`, or whose site has `dns=False`, does not resolve: plain HTTP gets
    a 502 page with the resolver's words, CONNECT a 502 refusal, as squid, mitmproxy and
    tinyproxy answer. `offline=True` makes every name fail that way (a machine whose proxy
    has no way out). Every request is logged as (method, url, headers).
    """

    def __init__(self, sites: dict[str, Site], folder: str, offline: bool = False) -> None:
        self.sites = sites
        self.offline = offline
        self.ca = CertAuthority(folder)
        self.ca_file = self.ca.ca_file
        self.log: list[tuple[str, str, dict[str, str]]] = []
        self.connects: list[str] = []
        self._turns: dict[str, int] = {}
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            tunnel_host: str | None = None

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                owner._request(self, "GET")

            def do_HEAD(self) -> None:
                owner._request(self, "HEAD")

            def do_CONNECT(self) -> None:
                owner._connect(self, Handler)

        self._handler = Handler
        self.httpd = _Server(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True,
                                        kwargs={"poll_interval": 0.05})

    def env(self) -> dict[str, str]:
        """Environment variables that send a client through this proxy, trusting its CA."""
        return {"HTTP_PROXY": self.url, "HTTPS_PROXY": self.url, "http_proxy": self.url,
                "https_proxy": self.url, "REQUESTS_CA_BUNDLE": self.ca_file,
                "SSL_CERT_FILE": self.ca_file, "NO_PROXY": "", "no_proxy": ""}

    def requests_for(self, url: str) -> list[str]:
        with self._lock:
            return [m for m, u, _ in self.log if u == url]

    # -- plumbing --

    def _site(self, host: str) -> Site | None:
        site = self.sites.get(host.lower())
        if self.offline or site is None or not site.dns:
            return None
        return site

    def _connect(self, h: BaseHTTPRequestHandler, handler_cls: Any) -> None:
        host, _, port = h.path.rpartition(":")
        host = host.strip("[]").lower()
        with self._lock:
            self.connects.append(h.path)
        site = self._site(host)
        if site is None or not site.tls:
            why = ("Name or service not known" if site is None
                   else "Connection refused")
            h.send_response(502, f"Bad Gateway ({why})")
            h.send_header("Content-Length", "0")
            h.end_headers()
            h.close_connection = True
            return
        h.send_response(200, "Connection established")
        h.end_headers()
        h.wfile.flush()
        ctx = self.ca.context(host, trusted=not site.bad_cert)
        try:
            tls = ctx.wrap_socket(h.connection, server_side=True)
        except (OSError, ValueError):
            h.close_connection = True
            return
        h.close_connection = True

        class Tunnel(handler_cls):
            tunnel_host = host if port in ("443", "") else f"{host}:{port}"

        try:
            Tunnel(tls, h.client_address, self.httpd)
        except (OSError, ValueError):
            pass
        finally:
            try:
                tls.close()
            except OSError:
                pass

    def _request(self, h: Any, method: str) -> None:
        from urllib.parse import unquote, urlsplit

        if h.tunnel_host:
            url = f"https://{h.tunnel_host}{h.path}"
        else:
            url = h.path
        parts = urlsplit(url)
        with self._lock:
            self.log.append((method, url, dict(h.headers.items())))
        if not parts.scheme or not parts.hostname:
            return self._send(h, method, Reply(400, html("Bad Request", "not a proxy request")))
        site = self._site(parts.hostname)
        if site is None:
            return self._send(h, method, Reply(502, PROXY_DNS_BODY % parts.hostname.encode()))
        if parts.scheme == "http" and parts.port not in (None, 80):
            return self._send(h, method, Reply(502, html("Bad Gateway", "Connection refused")))
        key = unquote(parts.path or "/") + (f"?{unquote(parts.query)}" if parts.query else "")
        spec = site.routes.get(key)
        if spec is None:
            spec = site.routes.get(unquote(parts.path or "/"))
        if spec is None:
            spec = site.default if site.default is not None else Reply(404, html("404 Not Found"))
        reply = self._pick(url, spec, key, h)
        latency = site.latency() if callable(site.latency) else site.latency
        if latency:
            time.sleep(latency)
        self._send(h, method, reply)

    def _pick(self, url: str, spec: Any, key: str, h: Any) -> Reply:
        if callable(spec) and not isinstance(spec, Reply):
            import inspect

            takes_headers = len(inspect.signature(spec).parameters) >= 2
            return spec(key, h.headers) if takes_headers else spec(key)
        if isinstance(spec, list):
            with self._lock:
                i = self._turns.get(url, 0)
                self._turns[url] = i + 1
            return spec[min(i, len(spec) - 1)]
        return spec

    def _send(self, h: Any, method: str, reply: Reply) -> None:
        send_reply(h, method, reply)
