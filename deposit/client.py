"""Crossref deposit HTTP client (`requests`), as documented by Crossref:

- upload: HTTPS POST multipart/form-data to `{base}/servlet/deposit` with fields
  `operation=doMDUpload`, `login_id`, `login_passwd` and the file as part `fname`;
  the answer is an HTML page saying SUCCESS (queued) or FAILURE;
- result: `{base}/servlet/submissionDownload` with `usr`, `pwd`, `file_name`,
  `type=result` returns the `doi_batch_diagnostic` log. Sent as a POST form so the
  password never appears in a URL (URLs end up in proxy and urllib3 debug logs).

429 and 503 (Crossref's answer when the per-user pending-submission limit is reached) mean
"not accepted": retried with back-off, honouring Retry-After. A connection that breaks
once the upload has started is *uncertain* and is never retried here: the workflow first
asks Crossref whether it has the file.
"""
from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from typing import Callable

import requests

from deposit.credentials import Credentials
from deposit.diagnostic import Diagnostic, parse_diagnostic
from deposit.errors import CredentialsError, DepositError, ServiceBusy, UploadRejected, UploadUncertain

log = logging.getLogger(__name__)

TEST_URL = "https://test.crossref.org"
PRODUCTION_URL = "https://doi.crossref.org"
RETRY_STATUSES = (429, 503)
USER_AGENT = "journal-ingest/0.1 (Crossref deposit client)"


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
                 timeout: tuple[float, float] = (10.0, 300.0), retries: int = 4, backoff: float = 5.0,
                 max_wait: float = 300.0, sleep: Callable[[float], None] = time.sleep) -> None:
        self.base_url = base_url.rstrip("/")
        self._creds = credentials
        self.session = session or requests.Session()
        self.session.headers.setdefault("User-Agent", USER_AGENT)
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.sleep = sleep

    def __repr__(self) -> str:
        return f"CrossrefClient({self.base_url!r}, login_id={self._creds.login_id!r})"

    def _wait(self, attempt: int, response: requests.Response | None) -> float:
        retry_after = response.headers.get("Retry-After", "") if response is not None else ""
        if retry_after.isdigit():
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
                resp = self.session.post(url, data=data, files=files, timeout=self.timeout)
            except requests.ConnectionError as exc:
                raise UploadUncertain(file_name, f"connection to {self.base_url} failed during upload"
                                      f" ({type(exc).__name__})") from None
            except requests.Timeout:
                raise UploadUncertain(file_name, f"no answer from {self.base_url} within {self.timeout[1]:.0f}s") from None
            except requests.RequestException as exc:
                raise UploadUncertain(file_name, f"upload failed ({type(exc).__name__})") from None
            body = self._creds.scrub(resp.text or "")
            if resp.status_code in RETRY_STATUSES:
                last = f"HTTP {resp.status_code}: {_plain(body, 120)}"
                if attempt < self.retries:
                    wait = self._wait(attempt, resp)
                    log.warning("%s answered %s for %s; retrying in %.1fs", self.base_url, resp.status_code,
                                file_name, wait)
                    self.sleep(wait)
                    continue
                raise ServiceBusy(file_name, f"Crossref busy or pending-submission limit reached ({last}); "
                                  "nothing was queued, run again later")
            if resp.status_code in (401, 403):
                raise CredentialsError(self._creds.login_id, f"Crossref refused the login (HTTP {resp.status_code})")
            if resp.status_code >= 500:
                raise UploadUncertain(file_name, f"HTTP {resp.status_code} from {self.base_url} after upload")
            if resp.status_code >= 400:
                raise UploadRejected(file_name, f"HTTP {resp.status_code}: {_plain(body)}")
            text = _plain(body)
            if "SUCCESS" in body.upper() and "FAILURE" not in body.upper():
                log.info("queued %s: %s", file_name, text)
                return UploadReceipt(file_name, resp.status_code, text)
            if re.search(r"log\s*in|password|unauthori[sz]ed|authenticat", text, re.I):
                raise CredentialsError(self._creds.login_id, f"Crossref refused the login: {text}")
            raise UploadRejected(file_name, f"Crossref did not queue the file: {text or 'empty answer'}")
        raise ServiceBusy(file_name, last)  # pragma: no cover

    def result(self, file_name: str) -> Diagnostic:
        """Fetch and parse the submission log for `file_name` (one request, no waiting).

        429/503 are retried like uploads. Raises DepositError on network failure or an
        unexpected answer, CredentialsError on 401/403, DiagnosticError on a bad log.
        """
        url = f"{self.base_url}/servlet/submissionDownload"
        form = {"usr": self._creds.login_id, "pwd": self._creds.password, "file_name": file_name, "type": "result"}
        for attempt in range(self.retries + 1):
            try:
                resp = self.session.post(url, data=form, timeout=self.timeout)
            except requests.RequestException as exc:
                raise DepositError(file_name, f"could not fetch the submission log from {self.base_url}"
                                   f" ({type(exc).__name__})") from None
            if resp.status_code in RETRY_STATUSES and attempt < self.retries:
                self.sleep(self._wait(attempt, resp))
                continue
            if resp.status_code in (401, 403):
                raise CredentialsError(self._creds.login_id, f"Crossref refused the login (HTTP {resp.status_code})")
            if resp.status_code != 200:
                raise DepositError(file_name, f"submission log request answered HTTP {resp.status_code}")
            return parse_diagnostic(self._creds.scrub(resp.text), source=file_name)
        raise DepositError(file_name, "submission log request kept answering 429/503")  # pragma: no cover
