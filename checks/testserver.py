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


class LocalServer:
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

    def start(self) -> "LocalServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> "LocalServer":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

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
        reply = self._pick(h.path)
        delay = reply.delay() if callable(reply.delay) else reply.delay
        if delay:
            time.sleep(delay)
        if reply.reset:
            sock = h.connection
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.close()
            h.close_connection = True
            return
        body = reply.body.encode() if isinstance(reply.body, str) else reply.body
        status = reply.head_status if (method == "HEAD" and reply.head_status) else reply.status
        try:
            h.send_response(status)
            headers = {"Content-Type": "text/html; charset=utf-8", **reply.headers}
            for k, v in headers.items():
                h.send_header(k, v)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            if method != "HEAD":
                h.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            h.close_connection = True
