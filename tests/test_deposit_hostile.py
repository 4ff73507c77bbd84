"""A hostile Crossref stand-in: redirects, trickling and oversized answers, compression
bombs, garbage counts, and answers that echo the password in every encoding.

What must hold: the password never goes to another origin (nor anywhere by a redirect),
no request outlives its deadline, no answer is read past its cap, and the login and
password appear in nothing written or printed (ledger, report.html, stdout, stderr,
logs), in any encoding. Loopback servers only."""
from __future__ import annotations

import html
import json
import logging
import resource
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, quote_plus, unquote, unquote_plus

import pytest

from deposit import ledger as L
from deposit.client import CrossrefClient
from deposit.credentials import WITHHELD, Credentials
from deposit.errors import CredentialsError, DepositError, UploadRejected, UploadUncertain
from deposit.settings import DepositSettings
from deposit.workflow import APPROVE, Decision, run_deposit
from tests.crossref_fake_server import (FakeCrossref, WRONG_CREDENTIALS, garbage_log, gzip_bomb, oversized,
                                        redirect, secret_forms, trickle, trickle_body)

DATA = Path(__file__).parent / "deposit_data"
ISSUE_ID = "1234-5678-2024-3"
LOGIN = "editor@journal.example/jes"
# a marker that every encoding changes: markup, quote, space, plus, slash, percent, non-ASCII
MARKER = "Mk7<&>\"' %+/é密Zq"


def nosleep(_: float) -> None:
    pass


class Recorder:
    """Another origin: records every request it gets (it must get none)."""

    def __enter__(self) -> "Recorder":
        self.hits: list[bytes] = []
        rec = self

        class H(BaseHTTPRequestHandler):
            def log_message(self, *a: object) -> None:
                pass

            def do_POST(self) -> None:
                rec.hits.append(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *a: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def url(self) -> str:
        return "http://%s:%d" % self.httpd.server_address[:2]


@pytest.fixture
def fake():
    with FakeCrossref(users={LOGIN: MARKER}, prefixes={LOGIN: ["10.5555"]}, polls_to_process=1) as server:
        yield server


def client_for(fake: FakeCrossref, **kw) -> CrossrefClient:
    kw.setdefault("timeout", (2, 5))
    return CrossrefClient(fake.url, Credentials(LOGIN, MARKER), backoff=0, sleep=nosleep, retries=1, **kw)


# -- redirects ------------------------------------------------------------------------------

@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_upload_redirect_to_another_origin_is_not_followed(fake, status):
    with Recorder() as other:
        fake.deposit_faults = [redirect(other.url + "/servlet/deposit", status)]
        with pytest.raises(UploadRejected) as exc:
            client_for(fake).upload("f.xml", b"<x/>")
        assert other.hits == []  # the form (and the password) never went there
        msg = str(exc.value)
        assert f"HTTP {status}" in msg and other.url in msg and "not followed" in msg
        assert "same origin" not in msg


def test_same_origin_redirect_and_log_redirect_are_refused_too(fake):
    fake.deposit_faults = [redirect(fake.url + "/elsewhere", 307)]
    with pytest.raises(UploadRejected, match="same origin"):
        client_for(fake).upload("f.xml", b"<x/>")
    assert [p for _, p in fake.requests] == ["/servlet/deposit"]
    with Recorder() as other:
        fake.result_faults = [redirect(other.url + "/x?pwd=" + quote(MARKER), 302)]
        with pytest.raises(DepositError, match="submission log request was redirected") as exc:
            client_for(fake).result("f.xml")
        assert other.hits == [] and MARKER not in str(exc.value) and quote(MARKER) not in str(exc.value)


# -- slow, large and compressed answers --------------------------------------------------------

@pytest.mark.parametrize("fault", [trickle(0.2), trickle_body(0.2)], ids=["headers", "body"])
def test_one_byte_at_a_time_cannot_outlive_the_deadline(fake, fault):
    fake.deposit_faults = [fault]
    client = client_for(fake, deadline=1.5)
    start = time.monotonic()
    with pytest.raises(UploadUncertain, match="1.5 s deadline"):
        client.upload("f.xml", b"<x/>")
    assert time.monotonic() - start < 4
    fake.result_faults = [fault]
    start = time.monotonic()
    with pytest.raises(DepositError, match="deadline"):
        client.result("f.xml")
    assert time.monotonic() - start < 4


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_compression_bomb_stops_at_the_cap(fake, encoding):
    fake.result_faults = [gzip_bomb(128 << 20, encoding)]  # 128 MiB of zeros (8x the cap), ~130 kB sent
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.monotonic()
    with pytest.raises(DepositError, match="decompressed answer is over the 16777216-byte limit"):
        client_for(fake).result("f.xml")
    grew_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grew_mb < 200 and time.monotonic() - start < 10


def test_oversized_answer_is_not_read_past_the_cap(fake):
    fake.deposit_faults = [oversized(8 << 20)]
    with pytest.raises(UploadUncertain, match="over the 1048576-byte limit"):
        client_for(fake, max_answer_bytes=1 << 20).upload("f.xml", b"<x/>")


def test_garbage_counts_in_a_log_are_replaced_by_the_records(fake):
    fake.result_faults = [garbage_log()]
    diag = client_for(fake).result("f.xml")
    assert diag.completed
    assert (diag.record_count, diag.success_count, diag.warning_count, diag.failure_count) == (1, 1, 0, 0)


# -- the password in every encoding -------------------------------------------------------------

def views(text: str) -> list[str]:
    """Ways a reader could decode `text`: as is, HTML-unescaped, URL-decoded, both, and
    with CDATA markers and tags removed."""
    import re
    bare = re.sub(r"<!\[CDATA\[|\]\]>", "", text)
    out = []
    for t in (text, bare, re.sub(r"<[^>]*>", "", bare)):
        for d in (t, html.unescape(t), unquote(t), unquote_plus(t), html.unescape(unquote(t)),
                  unquote(html.unescape(t)), html.unescape(html.unescape(t))):
            out.append(d)
    return out


def leaks(text: str) -> list[str]:
    """The encodings of the marker (or the login) found in `text`."""
    found = []
    for secret in (MARKER, LOGIN):
        encodings = {"raw": secret, "html": html.escape(secret), "url": quote(secret, safe=""),
                     "form": quote_plus(secret), "decimal refs": "".join(f"&#{ord(c)};" for c in secret)}
        found += [f"{secret[:3]}…:{name}" for name, form in encodings.items() if form in text]
        if any(secret in v for v in views(text)):
            found.append(f"{secret[:3]}…:decoded")
    return found


def test_scrub_covers_every_encoding_the_stand_in_uses():
    creds = Credentials(LOGIN, MARKER)
    for xml in (False, True):
        echoed = f"before {secret_forms(MARKER, xml)} middle {secret_forms(LOGIN, xml)} after"
        clean = creds.scrub(echoed)
        forms = secret_forms(MARKER, xml).count(" | ") + 1
        assert clean != WITHHELD and clean.startswith("before ") and clean.count("***") == forms
        assert clean.count("(login)") == forms and clean.endswith(" after")
        assert leaks(clean) == []
    # an encoding the rewriter does not know (double escaping) is caught by the decoded views
    doubled = html.escape(html.escape(MARKER))
    assert creds.scrub(f"x {doubled} y") == WITHHELD
    assert creds.scrub("nothing secret here") == "nothing secret here"


@pytest.fixture
def issue(tmp_path):
    d = tmp_path / "out" / ISSUE_ID
    d.mkdir(parents=True)
    shutil.copy(DATA / "crossref.xml", d / "crossref.xml")
    record = json.loads((DATA / "issue.json").read_text(encoding="utf-8"))
    for art in record["articles"]:
        art["pdf_pages"] = [1, 1]  # the deposit fixture has no PDF; report.html wants valid pages
    (d / "issue.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return d


def test_echoed_password_appears_in_nothing_written_or_printed(fake, issue, monkeypatch, capsys, caplog):
    """Every answer echoes the login and password (CDATA, character references, escaped,
    URL-encoded, mixed); a good deposit, a refused login, a failed upload and a refused
    log request run through the CLI; then the ledger, report.html, stdout, stderr and the
    debug log are searched for the marker in every encoding."""
    from cli.main import main

    if __import__("schemas.xmlcheck", fromlist=["x"]).find_schema_dir() is None:
        pytest.skip("Crossref schemas not found")
    fake.echo_secret = True
    monkeypatch.setenv("CROSSREF_TEST_URL", fake.url)
    monkeypatch.setenv("CROSSREF_LOGIN_ID", LOGIN)
    monkeypatch.setenv("CROSSREF_LOGIN_PASSWD", MARKER)
    monkeypatch.setenv("CROSSREF_POLL_INTERVAL", "0")
    monkeypatch.delenv("JOURNAL_INGEST_LEDGER", raising=False)
    caplog.set_level(logging.DEBUG)
    codes = [main(["-v", "deposit", str(issue), "--yes"])]  # registered; every answer echoed
    fake.deposit_faults = [400]  # a refused upload, echoed
    codes.append(main(["-v", "deposit", str(issue), "--yes", "--force"]))
    fake.users[LOGIN] = "changed"  # a refused login on upload, echoed
    codes.append(main(["-v", "deposit", str(issue), "--yes", "--force"]))
    codes.append(main(["-v", "deposits", str(issue.parent), "--refresh"]))  # nothing open: no request
    codes.append(main(["deposits", str(issue.parent), "--history", "10.5555/jes.2024.03.001"]))
    codes.append(main(["deposits", str(issue.parent), "--submissions"]))
    codes.append(main(["report", str(issue)]))
    printed = capsys.readouterr()
    assert codes[0] == 0 and codes[-1] == 0 and codes[2] == 2
    assert WRONG_CREDENTIALS in printed.err and "set up by Crossref support" in printed.err
    assert "email@address.com/role" in printed.err
    ledger = issue.parent / "deposit-ledger.sqlite3"
    book = L.SqliteLedger(ledger)
    stored = " ".join(str(v) for s in book.submissions() for v in vars(s).values())
    stored += " ".join(h.message for d in ("10.5555/jes.2024.03.001", "10.5555/jes.2024.03.002")
                       for h in book.history(d, "test"))
    book.close()
    files = b"".join(p.read_bytes() for p in issue.parent.glob("deposit-ledger.sqlite3*"))
    report = (issue / "report.html").read_text(encoding="utf-8")
    places = {"stdout": printed.out, "stderr": printed.err, "log": caplog.text, "ledger rows": stored,
              "ledger file": files.decode("utf-8", "replace"), "report.html": report}
    assert "***" in stored and "(login)" in stored  # the echoes did reach what is stored, scrubbed
    assert {name: leaks(text) for name, text in places.items() if leaks(text)} == {}


def test_login_refused_in_a_200_page_keeps_crossrefs_text(fake):
    """Crossref may answer a bad login with an ordinary page saying FAILURE."""
    page = f"<html><body><h2>FAILURE</h2><p>{WRONG_CREDENTIALS}</p></body></html>"
    fake.deposit_faults = [lambda h: h.reply(200, page, "text/html")]
    with pytest.raises(CredentialsError) as exc:
        client_for(fake).upload("f.xml", b"<x/>")
    msg = str(exc.value)
    assert msg.startswith(fake.url) and WRONG_CREDENTIALS in msg and "set up by Crossref support" in msg
    assert "email@address.com/role" in msg and LOGIN not in msg


def test_login_refused_while_polling_after_a_good_upload_says_both(fake, issue, tmp_path):
    if __import__("schemas.xmlcheck", fromlist=["x"]).find_schema_dir() is None:
        pytest.skip("Crossref schemas not found")
    client = client_for(fake)
    settings = DepositSettings(test_url=fake.url, poll_interval=0, max_polls=3, backoff=0, sleep=nosleep)
    book = L.SqliteLedger(tmp_path / "ledger.sqlite3")
    fake.result_faults = [401]
    with pytest.raises(CredentialsError) as exc:
        run_deposit(issue, ledger=book, client=client, settings=settings,
                    decide=lambda s: Decision(APPROVE, "editor"))
    msg = str(exc.value)
    (sub,) = book.submissions()
    assert "refused the login" in msg and "queued at Crossref" in msg and sub.file_name in msg
    assert "\n" not in msg and MARKER not in msg
    assert sub.state == "sent" and book.doi("10.5555/jes.2024.03.001", "test").state == "submitted"
    assert fake.upload_attempts == 1
    report = run_deposit(issue, ledger=book, client=client, settings=settings,
                         decide=lambda s: Decision(APPROVE, "editor"))
    assert report.outcomes == {"10.5555/jes.2024.03.001": "registered", "10.5555/jes.2024.03.002": "registered"}
    assert fake.upload_attempts == 1  # collected, not re-sent
    book.close()


@pytest.mark.parametrize("content", ["[" * 100_000 + "]" * 100_000, '{"articles": {"a": 1}, "warnings": "x"}',
                                     '{"articles": [1, {"doi": 5}], "warnings": [2]}', "\xff"])
def test_deposit_summary_survives_a_broken_issue_json(tmp_path, content):
    """The deposit is of crossref.xml; a broken issue.json beside it only loses its warnings."""
    from deposit.review import _issue_warnings

    path = tmp_path / "issue.json"
    path.write_text(content, encoding="utf-8")
    assert _issue_warnings(path) == ([], {})


class ForwardProxy:
    """A minimal HTTP forward proxy (absolute-URI POSTs), to show proxies are honoured
    and the deadline holds through one."""

    def __enter__(self) -> "ForwardProxy":
        import select
        import socket
        self.seen: list[str] = []
        proxy = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *a: object) -> None:
                pass

            def do_POST(self) -> None:
                proxy.seen.append(self.path)
                _, _, netloc, path = self.path.split("/", 3)
                host, port = netloc.rsplit(":", 1)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                headers = "".join(f"{k}: {v}\r\n" for k, v in self.headers.items()
                                  if k.lower() not in ("proxy-connection", "connection"))
                with socket.create_connection((host, int(port))) as up:
                    up.sendall(f"POST /{path} HTTP/1.1\r\n{headers}Connection: close\r\n\r\n".encode() + body)
                    while select.select([up], [], [], 10)[0]:
                        data = up.recv(65536)
                        if not data:
                            break
                        try:
                            self.wfile.write(data)
                            self.wfile.flush()
                        except OSError:
                            break

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *a: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def test_deadline_holds_through_a_proxy(fake, monkeypatch):
    with ForwardProxy() as proxy:
        monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:%d" % proxy.httpd.server_address[1])
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        url = fake.url.replace("127.0.0.1", "localhost")
        client = CrossrefClient(url, Credentials(LOGIN, MARKER), retries=0, deadline=2, sleep=nosleep)
        assert client.upload("a.xml", b"<x/>").message.startswith("SUCCESS")
        assert proxy.seen == [url + "/servlet/deposit"]
        fake.deposit_faults = [trickle(0.3)]
        # a new client: the minimal proxy closes each connection after relaying one answer
        client = CrossrefClient(url, Credentials(LOGIN, MARKER), retries=0, deadline=2, sleep=nosleep)
        start = time.monotonic()
        with pytest.raises(UploadUncertain, match="2 s deadline"):
            client.upload("b.xml", b"<x/>")
        assert time.monotonic() - start < 4
