"""Crossref deposit HTTP client (`requests`), as documented by Crossref:

- upload: HTTPS POST multipart/form-data to `{base}/servlet/deposit` with fields
  `operation=doMDUpload`, `login_id`, `login_passwd` and the file as part `fname`;
  the answer is an HTML page saying SUCCESS (queued) or FAILURE;
- result: `{base}/servlet/submissionDownload` with `usr`, `pwd`, `file_name`,
  `type=result` returns the `doi_batch_diagnostic` log. Sent as a POST form so the
  password never appears in a URL (URLs end up in proxy and urllib3 debug logs).

429 (Crossref's answer when the per-user pending-submission limit is reached, and its
rate limit) and 503 (busy) mean "not accepted": retried with back-off, honouring
Retry-After. A connection that breaks once the upload has started is *uncertain* and is
never retried here: the workflow first asks Crossref whether it has the file.

Every request carries the password, so it goes through `deposit.http`: redirects are
never followed (a 3xx is refused, naming where it pointed), answers are read with a byte
cap (decompressed here, with the same cap), and each request has an overall deadline.
Everything taken from an answer passes `Credentials.scrub` before it is logged, raised
or stored.
"""
from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

import requests

from deposit.credentials import Credentials
from deposit.endpoints import DEADLINE, PRODUCTION_URL, TEST_URL  # noqa: F401  (re-exported)
from deposit.diagnostic import Diagnostic, DiagnosticError, parse_diagnostic
from deposit.errors import CredentialsError, DepositError, ServiceBusy, UploadRejected, UploadUncertain
from deposit.http import Answer, TransportLimit, bounded_post, bounded_session

log = logging.getLogger(__name__)

RETRY_STATUSES = (429, 503)
USER_AGENT = "journal-ingest/0.1 (Crossref deposit client)"
MAX_ANSWER_BYTES = 16 * 1024 * 1024  # a submission log of ~50,000 records; an upload answer is a page
ANSWER_TEXT = 65536  # characters of an HTML answer looked at (its verdict and message are at the top)
TEST_ACCOUNTS_HINT = ("check CROSSREF_LOGIN_ID (email@address.com/role, or the role alone) and the password; "
                      "accounts on the test system are separate and set up by Crossref support")


@dataclass
class UploadReceipt:
    file_name: str
    http_status: int
    message: str


def _plain(html: str, limit: int = 300) -> str:
    text = re.sub(r"<[^>]+>", " ", html)
    return " ".join(text.split())[:limit]


class CrossrefClient:
    """Talks to one Crossref endpoint with one set of credentials.

    `sleep`, `retries`, `backoff` and `timeout` are injectable so tests run fast.
    """

    def __init__(self, base_url: str, credentials: Credentials, *, session: requests.Session | None = None,
                 timeout: tuple[float, float] = (10.0, 120.0), retries: int = 4, backoff: float = 5.0,
                 max_wait: float = 300.0, sleep: Callable[[float], None] = time.sleep,
                 deadline: float = DEADLINE, max_answer_bytes: int = MAX_ANSWER_BYTES) -> None:
        self.base_url = base_url.rstrip("/")
        self._creds = credentials
        self.session = session or bounded_session(USER_AGENT)
        self.session.headers.setdefault("User-Agent", USER_AGENT)
        self.deadline = deadline
        self.max_answer_bytes = max_answer_bytes
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.sleep = sleep

    def __repr__(self) -> str:
        return f"CrossrefClient({self.base_url!r}, login_id={self._creds.login_id!r})"

    def _wait(self, attempt: int, response: Answer | None) -> float:
        retry_after = response.headers.get("Retry-After", "") if response is not None else ""
        if retry_after.isdigit() and len(retry_after) < 9:
            return min(float(retry_after), self.max_wait)
        return min(self.backoff * (2 ** attempt), self.max_wait)

    def upload(self, file_name: str, content: bytes) -> UploadReceipt:
        """POST the deposit. Returns on SUCCESS (queued at Crossref).

        Raises CredentialsError (401/403), ServiceBusy (429/503 on every try: nothing
        queued), UploadRejected (explicit FAILURE or other 4xx: nothing queued) and
        UploadUncertain (connection broke or 5xx after sending: Crossref may have it).
        """
        url = f"{self.base_url}/servlet/deposit"
        data = {"operation": "doMDUpload", "login_id": self._creds.login_id, "login_passwd": self._creds.password}
        last = ""
        for attempt in range(self.retries + 1):
            files = {"fname": (file_name, content, "application/xml")}
            log.info("uploading %s to %s (attempt %d)", file_name, url, attempt + 1)
            try:
                resp = self._post(url, data, files)
            except TransportLimit as exc:
                raise UploadUncertain(file_name, f"upload to {self.base_url}: {exc}") from None
            except requests.ConnectionError as exc:
                raise UploadUncertain(file_name, f"connection to {self.base_url} failed during upload"
                                      f" ({type(exc).__name__})") from None
            except requests.Timeout:
                raise UploadUncertain(file_name, f"no answer from {self.base_url} within {self.timeout[1]:.0f}s") from None
            except requests.RequestException as exc:
                raise UploadUncertain(file_name, f"upload failed ({type(exc).__name__})") from None
            body = self._creds.scrub(resp.text()[:ANSWER_TEXT])
            text = self._creds.scrub(_plain(body))
            if 300 <= resp.status < 400:
                raise UploadRejected(file_name, self._redirect_problem(resp, "upload"))
            if resp.status in RETRY_STATUSES:
                last = f"HTTP {resp.status}: {_plain(text, 120)}"
                if attempt < self.retries:
                    wait = self._wait(attempt, resp)
                    log.warning("%s answered %s for %s; retrying in %.1fs", self.base_url, resp.status,
                                file_name, wait)
                    self.sleep(wait)
                    continue
                raise ServiceBusy(file_name, f"Crossref busy or pending-submission limit reached ({last}); "
                                  "nothing was queued, run again later")
            if resp.status in (401, 403):
                raise CredentialsError(self.base_url, self._login_refused(resp.status, text))
            if resp.status >= 500:
                raise UploadUncertain(file_name, f"HTTP {resp.status} from {self.base_url} after upload")
            if resp.status >= 400:
                raise UploadRejected(file_name, f"HTTP {resp.status}: {text}")
            if "SUCCESS" in body.upper() and "FAILURE" not in body.upper():
                log.info("queued %s: %s", file_name, text)
                return UploadReceipt(file_name, resp.status, text)
            if re.search(r"log\s*in|password|credential|unauthori[sz]ed|authenticat", text, re.I):
                raise CredentialsError(self.base_url, self._login_refused(resp.status, text))
            raise UploadRejected(file_name, f"Crossref did not queue the file: {text or 'empty answer'}")
        raise ServiceBusy(file_name, last)  # pragma: no cover

    def _post(self, url: str, data: dict[str, str], files: dict | None = None) -> Answer:
        return bounded_post(self.session, url, data=data, files=files, timeout=self.timeout,
                            deadline=self.deadline, max_bytes=self.max_answer_bytes)

    def _redirect_problem(self, resp: Answer, what: str) -> str:
        """Why a redirect was not followed, naming only the origin it pointed to."""
        try:
            target = urlsplit(resp.location)
            where = f"{target.scheme}://{target.netloc.rpartition('@')[2]}" if target.netloc else "a path on the same server"
            same = (target.scheme, target.netloc) == urlsplit(self.base_url)[:2]
        except ValueError:
            where, same = "an unreadable address", False
        return (f"the {what} request was redirected (HTTP {resp.status}) to {self._creds.scrub(where)[:120]}"
                f"{' (the same origin)' if same else ''} and not followed: requests carrying the Crossref password "
                "are never redirected; if Crossref moved, set CROSSREF_TEST_URL / CROSSREF_PRODUCTION_URL")

    def _login_refused(self, status: int, text: str) -> str:
        said = f": Crossref said \"{text[:200]}\"" if text else ""
        return f"Crossref refused the login (HTTP {status}){said}; {TEST_ACCOUNTS_HINT}"

    def result(self, file_name: str) -> Diagnostic:
        """Fetch and parse the submission log for `file_name` (one request, no waiting).

        429/503 are retried like uploads. Raises DepositError on network failure or an
        unexpected answer, CredentialsError on 401/403, DiagnosticError on a bad log.
        """
        url = f"{self.base_url}/servlet/submissionDownload"
        form = {"usr": self._creds.login_id, "pwd": self._creds.password, "file_name": file_name, "type": "result"}
        for attempt in range(self.retries + 1):
            try:
                resp = self._post(url, form)
            except TransportLimit as exc:
                raise DepositError(file_name, f"submission log from {self.base_url}: {exc}") from None
            except requests.RequestException as exc:
                raise DepositError(file_name, f"could not fetch the submission log from {self.base_url}"
                                   f" ({type(exc).__name__})") from None
            if 300 <= resp.status < 400:
                raise DepositError(file_name, self._redirect_problem(resp, "submission log"))
            if resp.status in RETRY_STATUSES and attempt < self.retries:
                self.sleep(self._wait(attempt, resp))
                continue
            if resp.status in (401, 403):
                text = self._creds.scrub(_plain(self._creds.scrub(resp.text()[:ANSWER_TEXT])))
                raise CredentialsError(self.base_url, self._login_refused(resp.status, text))
            if resp.status != 200:
                raise DepositError(file_name, f"submission log request answered HTTP {resp.status}")
            try:
                return self._scrubbed(parse_diagnostic(resp.body, source=file_name))
            except DiagnosticError as exc:
                raise DiagnosticError(file_name, self._creds.scrub(exc.problem)) from None
        raise DepositError(file_name, "submission log request kept answering 429/503")  # pragma: no cover

    def _scrubbed(self, diag: Diagnostic) -> Diagnostic:
        """The log with every text taken from it scrubbed (a CDATA-split or entity-encoded
        password is only whole once parsed, so this is done after parsing)."""
        s = self._creds.scrub
        diag.status, diag.submission_id, diag.batch_id = s(diag.status), s(diag.submission_id), s(diag.batch_id)
        for rec in diag.records:
            rec.doi, rec.status, rec.message, rec.msg_id = s(rec.doi), s(rec.status), s(rec.message), s(rec.msg_id)
        return diag
