"""Parse Crossref's submission log (`doi_batch_diagnostic`) safely.

The log is fetched from the network, so it is parsed with entity expansion, DTD loading
and network access off. Shapes handled: `status="unknown_submission"` (file not known
yet), `queued`/`in_process` (waiting), `completed` (or no status but a `batch_data`
block, as in Crossref's documented example) with one `record_diagnostic` per record.
Texts are cut to `MAX_TEXT` characters; a count that is not a whole number between 0 and
`MAX_COUNT` (garbage, negative, too large for the ledger) is replaced by the count of
the records the log lists.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from deposit.errors import DiagnosticError

WAITING = {"queued", "in_process", "in-process", "processing"}
UNKNOWN = "unknown_submission"
COMPLETED = "completed"
MAX_TEXT = 2000
MAX_COUNT = 10_000_000


@dataclass
class RecordOutcome:
    doi: str
    status: str  # "Success" | "Warning" | "Failure"
    message: str = ""
    msg_id: str = ""


@dataclass
class Diagnostic:
    status: str
    submission_id: str = ""
    batch_id: str = ""
    records: list[RecordOutcome] = field(default_factory=list)
    record_count: int = 0
    success_count: int = 0
    warning_count: int = 0
    failure_count: int = 0

    @property
    def completed(self) -> bool:
        return self.status == COMPLETED

    @property
    def unknown(self) -> bool:
        return self.status == UNKNOWN

    @property
    def waiting(self) -> bool:
        return self.status in WAITING


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )


def _text(el: etree._Element | None) -> str:
    return " ".join("".join(el.itertext()).split())[:MAX_TEXT] if el is not None else ""


def _int(el: etree._Element | None, fallback: int) -> int:
    """A count from the log; `fallback` (counted from the records) when it is garbage."""
    text = _text(el)
    if el is None or not (text.isascii() and text.isdigit()) or len(text) > 9 or int(text) > MAX_COUNT:
        return fallback
    return int(text)


def parse_diagnostic(data: bytes | str, source: str = "submission log") -> Diagnostic:
    """Parse one `doi_batch_diagnostic` document.

    Raises DiagnosticError naming `source` when the text is not XML or has another root.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        root = etree.fromstring(data.strip(), _parser())
    except etree.XMLSyntaxError as exc:
        raise DiagnosticError(source, f"submission log is not XML ({str(exc.msg)[:200]})") from None
    if etree.QName(root).localname != "doi_batch_diagnostic":
        raise DiagnosticError(source, f"expected doi_batch_diagnostic, got {etree.QName(root).localname[:60]}")
    status = (root.get("status") or "").strip().lower()[:40]
    batch_data = root.find("{*}batch_data")
    if not status:
        status = COMPLETED if batch_data is not None else UNKNOWN
    diag = Diagnostic(status=status, submission_id=_text(root.find("{*}submission_id")),
                      batch_id=_text(root.find("{*}batch_id")))
    for rec in root.iterfind("{*}record_diagnostic"):
        diag.records.append(RecordOutcome(
            doi=_text(rec.find("{*}doi")),
            status=(rec.get("status") or "").strip().capitalize()[:40],
            message=_text(rec.find("{*}msg")),
            msg_id=(rec.get("msg_id") or "")[:40],
        ))
    if batch_data is not None:
        counted = [r.status for r in diag.records]
        diag.record_count = _int(batch_data.find("{*}record_count"), len(counted))
        diag.success_count = _int(batch_data.find("{*}success_count"), counted.count("Success"))
        diag.warning_count = _int(batch_data.find("{*}warning_count"), counted.count("Warning"))
        diag.failure_count = _int(batch_data.find("{*}failure_count"), counted.count("Failure"))
    return diag
