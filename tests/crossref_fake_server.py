"""A local Crossref deposit server for tests (loopback only), speaking the documented protocol.

- `POST /servlet/deposit`: multipart/form-data with `operation=doMDUpload`, `login_id`,
  `login_passwd`, file part `fname`. Checks credentials (401, "Wrong credentials"), the
  per-user pending limit (429, as Crossref documents), scripted faults (429/503, connection
  dropped before or after the file is received, or any hostile behaviour below); otherwise
  queues the file and answers an HTML SUCCESS page.
- `GET|POST /servlet/submissionDownload` with `usr`, `pwd`, `file_name`, `type=result`:
  `unknown_submission` for a file it does not have, `queued` until the file has been polled
  `polls_to_process` times, then the `doi_batch_diagnostic` log. Processing checks, per
  DOI, the prefix against the user's prefixes and the batch timestamp against the last one
  accepted for that DOI ("less or equal to previously submitted version").

Hostile behaviours (for `deposit_faults` / `result_faults`, each a callable that answers
the request itself): `redirect(url, status)`, `trickle(delay)` (headers one byte at a time),
`trickle_body(delay)`, `gzip_bomb(size)`, `oversized(size)`, `garbage_log(...)`; and
`echo_secret=True` makes every answer repeat the password (and login) in every encoding
a careless server might use (`secret_forms`).

Use as a context manager: `with FakeCrossref() as fake: fake.url ...`.
"""
from __future__ import annotations

import html
import threading
import time
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from urllib.parse import parse_qs, quote, quote_plus, urlparse
from xml.sax.saxutils import escape

from lxml import etree

SUCCESS_PAGE = ("<html><head><title>SUCCESS</title></head><body><h2>SUCCESS</h2>"
                "<p>Your batch submission was successfully received.</p></body></html>")
# The stand-in's refusal of a login; what the client must keep in its message
WRONG_CREDENTIALS = "Wrong credentials. Check the username and password."


def secret_forms(secret: str, xml: bool = False) -> str:
    """`secret` as a careless server might echo it: raw (in CDATA when `xml`), HTML-escaped,
    decimal and hex character references (zero-padded, mixed), split over CDATA sections,
    percent-encoded and form-encoded, and a mixture per character."""
    dec = "".join(f"&#{ord(c)};" for c in secret)
    hexa = "".join(f"&#x{ord(c):04X};" if i % 2 else f"&#{ord(c):05d};" for i, c in enumerate(secret))
    cdata = "".join(f"<![CDATA[{c}]]>" for c in secret)
    mixed = "".join((quote(c, safe="") if i % 3 == 0 else f"&#x{ord(c):x};" if i % 3 == 1 else html.escape(c))
                    for i, c in enumerate(secret))
    forms = [f"<![CDATA[{secret}]]>" if xml else secret, html.escape(secret, quote=True), dec, hexa, cdata,
             quote(secret, safe=""), quote_plus(secret), "".join(f"%{b:02x}" for b in secret.encode()), mixed]
    if not xml:
        forms.append(f"<b>{secret[:2]}</b>{html.escape(secret[2:])}")
    return " | ".join(forms)


Fault = Callable[["_Handler"], None]


def redirect(url: str, status: int = 307) -> Fault:
    """Answer with a redirect to `url` (a 307/308 would make a naive client resend the form)."""
    def answer(h: "_Handler") -> None:
        h.send_response(status)
        h.send_header("Location", url)
        h.send_header("Content-Length", "0")
        h.end_headers()
    return answer


def _drip(head: bytes, filler: bytes, delay: float, count: int) -> Fault:
    """`head` at once, then `filler` one byte every `delay` seconds (`count` times)."""
    def answer(h: "_Handler") -> None:
        try:
            h.wfile.write(head)
            for _ in range(count):
                h.wfile.write(filler)
                h.wfile.flush()
                time.sleep(delay)
        except OSError:
            pass
        h.close_connection = True
    return answer


def trickle(delay: float = 1.0, count: int = 10_000) -> Fault:
    """Headers one byte every `delay` seconds, for ever (or `count` bytes)."""
    return _drip(b"HTTP/1.1 200 OK\r\n", b"X", delay, count)


def trickle_body(delay: float = 1.0, count: int = 10_000) -> Fault:
    """Quick headers (no length), then the body one byte every `delay` seconds."""
    return _drip(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html>", b"S", delay, count)


def gzip_bomb(size: int = 1 << 30, encoding: str = "gzip") -> Fault:
    """`size` zero bytes, gzip-compressed (about size/1000 on the wire), sent though the
    client asked for identity."""
    import zlib
    comp = zlib.compressobj(9, zlib.DEFLATED, 31 if encoding == "gzip" else 15)
    block = bytes(1 << 20)
    data = b"".join(comp.compress(block) for _ in range(size >> 20)) + comp.flush()

    def answer(h: "_Handler") -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/xml")
        h.send_header("Content-Encoding", encoding)
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        try:
            h.wfile.write(data)
        except OSError:
            pass
    return answer


def oversized(size: int) -> Fault:
    """A plain answer of `size` bytes with no Content-Length (read until the end)."""
    def answer(h: "_Handler") -> None:
        try:
            h.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")
            chunk = b"A" * 65536
            for _ in range(size // len(chunk)):
                h.wfile.write(chunk)
        except OSError:
            pass
        h.close_connection = True
    return answer


def garbage_log(record_count: str = "99999999999999999999999", success_count: str = "-3",
                failure_count: str = "NaN", status: str = "completed") -> Fault:
    """A completed submission log whose counts are garbage (one Success record)."""
    def answer(h: "_Handler") -> None:
        h.reply(200, f'<doi_batch_diagnostic status="{status}"><submission_id>1</submission_id>'
                     '<record_diagnostic status="Success"><doi>10.5555/jes.2024.03.001</doi><msg>Successfully added'
                     f'</msg></record_diagnostic><batch_data><record_count>{record_count}</record_count>'
                     f'<success_count>{success_count}</success_count><warning_count></warning_count>'
                     f'<failure_count>{failure_count}</failure_count></batch_data></doi_batch_diagnostic>',
                "text/xml")
    return answer


@dataclass
class Upload:
    file_name: str
    login_id: str
    content: bytes
    submission_id: int
    polls: int = 0
    log: str = ""  # the diagnostic once processed


@dataclass
class FakeCrossref:
    users: dict[str, str] = field(default_factory=lambda: {"journal/role": "s3cret-Pa55"})
    prefixes: dict[str, list[str]] = field(default_factory=lambda: {"journal/role": ["10.5555"]})
    polls_to_process: int = 2
    pending_limit: int = 10_000
    # Scripted faults for the next deposit requests, consumed in order:
    # an HTTP status (429, 503, 500...), "drop_before" (close before reading the file) or
    # "drop_after" (queue the file, then close without answering).
    deposit_faults: list[object] = field(default_factory=list)
    result_faults: list[object] = field(default_factory=list)
    # repeat the password and login in every answer, in every encoding (see secret_forms)
    echo_secret: bool = False

    def __post_init__(self) -> None:
        self.uploads: dict[str, Upload] = {}
        self.upload_attempts = 0
        self.registered: dict[str, int] = {}  # doi -> timestamp accepted
        self.registrations: list[tuple[str, str]] = []  # (doi, file_name), one per successful record
        self.requests: list[tuple[str, str]] = []
        self.received: list[bytes] = []  # raw upload bodies, as they arrived
        self._next_id = 1_400_000_000
        self._lock = threading.Lock()

    # -- lifecycle -----------------------------------------------------------------
    def __enter__(self) -> "FakeCrossref":
        fake = self

        class Handler(_Handler):
            server_state = fake

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._httpd.handle_error = lambda request, address: None  # hostile faults end connections abruptly
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    # -- state helpers -------------------------------------------------------------
    def pending(self, login_id: str | None = None) -> list[Upload]:
        return [u for u in self.uploads.values() if not u.log and (login_id is None or u.login_id == login_id)]

    def add_pending(self, file_name: str, login_id: str = "journal/role") -> None:
        """Put someone else's unprocessed file in the queue (for the pending limit)."""
        with self._lock:
            self.uploads[file_name] = Upload(file_name, login_id, b"", self._new_id(), polls=-10**9)

    def process_all(self) -> None:
        with self._lock:
            for up in self.pending():
                self._process(up)

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def _process(self, up: Upload) -> None:
        records, ok, warn, fail = [], 0, 0, 0
        try:
            root = etree.fromstring(up.content, etree.XMLParser(resolve_entities=False, no_network=True))
            stamp = int(root.findtext("{*}head/{*}timestamp"))
            batch_id = root.findtext("{*}head/{*}doi_batch_id") or ""
            dois = [d.text.strip() for d in root.iter("{*}doi") if d.getparent().tag.endswith("doi_data")]
        except Exception:  # noqa: BLE001 - anything unparseable is a batch failure
            batch_id, dois, stamp = "", [], 0
            records.append('<record_diagnostic status="Failure"><doi /><msg>Error parsing the submitted XML'
                           '</msg></record_diagnostic>')
            fail = 1
        allowed = self.prefixes.get(up.login_id, [])
        for doi in dois:
            prefix = doi.split("/", 1)[0]
            if prefix not in allowed:
                status, msg = "Failure", f"User not allowed to add records for prefix: {prefix}"
            elif doi in self.registered and stamp <= self.registered[doi]:
                status, msg = "Failure", (f"Record not processed because submitted version: {stamp} is less or "
                                          f"equal to previously submitted version (DOI match)")
            else:
                status = "Success"
                msg = "Successfully updated" if doi in self.registered else "Successfully added"
                self.registered[doi] = stamp
                self.registrations.append((doi, up.file_name))
            ok += status == "Success"
            fail += status == "Failure"
            records.append(f'<record_diagnostic status="{status}"><doi>{escape(doi)}</doi>'
                           f'<msg>{escape(msg)}</msg></record_diagnostic>')
        up.log = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<doi_batch_diagnostic status="completed" sp="fake.crossref.local">'
            f"<submission_id>{up.submission_id}</submission_id><batch_id>{escape(batch_id)}</batch_id>"
            + "".join(records)
            + f"<batch_data><record_count>{max(len(dois), fail)}</record_count><success_count>{ok}</success_count>"
            f"<warning_count>{warn}</warning_count><failure_count>{fail}</failure_count></batch_data>"
            "</doi_batch_diagnostic>"
        )

    # -- request handling (called from the handler thread) ------------------------------
    def handle_deposit(self, h: "_Handler") -> None:
        with self._lock:
            self.upload_attempts += 1
            fault = self.deposit_faults.pop(0) if self.deposit_faults else None
        if fault == "drop_before":
            h.close_connection = True
            h.connection.shutdown(2)
            return
        length = int(h.headers.get("Content-Length", 0))
        body = h.rfile.read(length)
        with self._lock:
            self.received.append(body)
        if callable(fault):
            fault(h)
            return
        if isinstance(fault, int):
            h.reply(fault, f"<html><body>HTTP {fault}: try again later</body></html>", "text/html")
            return
        parts = _multipart(h.headers.get("Content-Type", ""), body)
        login, passwd = parts.get("login_id", (None, b""))[1].decode(), parts.get("login_passwd", (None, b""))[1].decode()
        if parts.get("operation", (None, b"doMDUpload"))[1].decode() != "doMDUpload":
            h.reply(400, "<html><body>FAILURE: unsupported operation</body></html>", "text/html")
            return
        h.secrets = (login, passwd)
        if self.users.get(login) != passwd or not login:
            h.reply(401, f"<html><body><h2>FAILURE</h2><p>{WRONG_CREDENTIALS}</p></body></html>", "text/html")
            return
        if "fname" not in parts or not parts["fname"][0]:
            h.reply(400, "<html><body>FAILURE: no file part 'fname'</body></html>", "text/html")
            return
        file_name, content = parts["fname"]
        with self._lock:
            if len(self.pending(login)) >= self.pending_limit:
                h.reply(429, "<html><body>Too many pending submissions</body></html>", "text/html")
                return
            if file_name in self.uploads:
                # Crossref would queue it again; a second upload of one file name is a client bug.
                self.uploads[file_name + f"#dup{self.upload_attempts}"] = Upload(file_name, login, content, self._new_id())
            else:
                self.uploads[file_name] = Upload(file_name, login, content, self._new_id())
        if fault == "drop_after":
            h.close_connection = True
            h.connection.shutdown(2)
            return
        h.reply(200, SUCCESS_PAGE, "text/html")

    def handle_result(self, h: "_Handler", params: dict[str, str]) -> None:
        fault = self.result_faults.pop(0) if self.result_faults else None
        h.secrets = (params.get("usr", ""), params.get("pwd", ""))
        if callable(fault):
            fault(h)
            return
        if isinstance(fault, int):
            h.reply(fault, "busy", "text/plain")
            return
        if self.users.get(params.get("usr", "")) != params.get("pwd") or not params.get("usr"):
            h.reply(401, WRONG_CREDENTIALS, "text/plain")
            return
        if params.get("type") != "result":
            h.reply(400, "type must be result or contents", "text/plain")
            return
        name = params.get("file_name", "")
        with self._lock:
            up = self.uploads.get(name)
            if up is None:
                xml = '<?xml version="1.0" encoding="UTF-8"?><doi_batch_diagnostic status="unknown_submission" />'
            else:
                up.polls += 1
                if not up.log and up.polls >= self.polls_to_process:
                    self._process(up)
                xml = up.log or (f'<?xml version="1.0" encoding="UTF-8"?><doi_batch_diagnostic status="queued">'
                                 f"<submission_id>{up.submission_id}</submission_id></doi_batch_diagnostic>")
        h.reply(200, xml, "text/xml")


def _multipart(content_type: str, body: bytes) -> dict[str, tuple[str | None, bytes]]:
    """{field name: (file name or None, bytes)} from a multipart/form-data body."""
    msg = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
    out = {}
    if not msg.is_multipart():
        return out
    for part in msg.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if name:
            out[name] = (part.get_filename(), part.get_payload(decode=True) or b"")
    return out


def _echo(text: str, ctype: str, secrets: tuple[str, str]) -> str:
    """`text` with the request's login and password repeated in every encoding: in each
    message, id and status of a submission log, or in the body of an HTML page."""
    login, passwd = secrets
    if ctype == "text/xml" and "<doi_batch_diagnostic" in text:
        forms = secret_forms(passwd, xml=True) + " / " + secret_forms(login, xml=True)
        text = text.replace("<msg>", f"<msg>password {forms}: ")
        text = text.replace("</batch_id>", f" {forms}</batch_id>").replace("</submission_id>", f" {forms}</submission_id>")
        if "<record_diagnostic" not in text:
            text = text.replace("/>", f"><record_diagnostic status=\"Failure\"><doi/><msg>{forms}</msg>"
                                      "</record_diagnostic></doi_batch_diagnostic>", 1)
        return text
    forms = secret_forms(passwd) + " / " + secret_forms(login)
    return text.replace("</body>", f"<p>Echo: {forms}</p></body>") if "</body>" in text else f"{text} {forms}"


class _Handler(BaseHTTPRequestHandler):
    server_state: FakeCrossref
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt: str, *args: object) -> None:  # keep test output quiet
        pass

    secrets: tuple[str, str] = ("", "")

    def reply(self, status: int, text: str, ctype: str) -> None:
        if self.server_state.echo_secret:
            text = _echo(text, ctype, self.secrets)
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{ctype}; charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        if status in (429, 503):
            self.send_header("Retry-After", "0")
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:
        path = urlparse(self.path).path
        self.server_state.requests.append(("POST", path))
        if path == "/servlet/deposit":
            self.server_state.handle_deposit(self)
        elif path == "/servlet/submissionDownload":
            length = int(self.headers.get("Content-Length", 0))
            params = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            self.server_state.handle_result(self, params)
        else:
            self.reply(404, "not found", "text/plain")

    def do_GET(self) -> None:
        parsed = urlparse(self.path)
        self.server_state.requests.append(("GET", parsed.path))
        if parsed.path == "/servlet/submissionDownload":
            self.server_state.handle_result(self, {k: v[0] for k, v in parse_qs(parsed.query).items()})
        else:
            self.reply(404, "not found", "text/plain")
