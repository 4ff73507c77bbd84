"""Parse Crossref's submission log (`doi_batch_diagnostic`) safely.

The log is fetched from the network, so it is parsed with entity expansion, DTD loading
and network access off. Shapes handled: `status="unknown_submission"` (file not known
yet), `queued`/`in_process` (waiting), `completed` (or no status but a `batch_data`
block, as in Crossref's documented example) with one `record_diagnostic` per record.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from deposit.errors import DiagnosticError

WAITING = {"queued", "in_process", "in-process", "processing"}
UNKNOWN = "unknown_submission"
COMPLETED = "completed"


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
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def _int(el: etree._Element | None) -> int:
    try:
        return int(_text(el) or 0)
    except ValueError:
        return 0


def parse_diagnostic(data: bytes | str, source: str = "submission log") -> Diagnostic:
    """Parse one `doi_batch_diagnostic` document.

    Raises DiagnosticError naming `source` when the text is not XML or has another root.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        root = etree.fromstring(data.strip(), _parser())
    except etree.XMLSyntaxError as exc:
        raise DiagnosticError(source, f"submission log is not XML ({exc.msg})") from None
    if etree.QName(root).localname != "doi_batch_diagnostic":
        raise DiagnosticError(source, f"expected doi_batch_diagnostic, got {etree.QName(root).localname}")
    status = (root.get("status") or "").strip().lower()
    batch_data = root.find("{*}batch_data")
    if not status:
        status = COMPLETED if batch_data is not None else UNKNOWN
    diag = Diagnostic(status=status, submission_id=_text(root.find("{*}submission_id")),
                      batch_id=_text(root.find("{*}batch_id")))
    for rec in root.iterfind("{*}record_diagnostic"):
        diag.records.append(RecordOutcome(
            doi=_text(rec.find("{*}doi")),
            status=(rec.get("status") or "").strip().capitalize(),
            message=_text(rec.find("{*}msg")),
            msg_id=rec.get("msg_id") or "",
        ))
    if batch_data is not None:
        diag.record_count = _int(batch_data.find("{*}record_count"))
        diag.success_count = _int(batch_data.find("{*}success_count"))
        diag.warning_count = _int(batch_data.find("{*}warning_count"))
        diag.failure_count = _int(batch_data.find("{*}failure_count"))
    return diag
