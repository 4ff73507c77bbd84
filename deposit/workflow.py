"""The deposit workflow as plain functions (the CLI and the Prefect flow both call these).

    reconcile → plan (validate, read, sync ledger, summarise) → decide (approve / reject /
    correct, repeated after corrections) → record (ledger, BEFORE sending) → send → poll →
    store outcomes

Safety rules: an invalid file is never sent; an identical file already recorded, sent or
completed on the same endpoint is not sent again unless forced; a batch timestamp not
newer than one Crossref may already have for these DOIs is refused (Crossref would reject
it); a forced re-send gets a new timestamp and batch id first (written into the file, the
old one kept as `.bak`), so Crossref takes it as an update; after an uncertain upload failure Crossref is asked about the file name before any
resend; open submissions from an earlier (crashed or interrupted) run are reconciled by
polling before anything new is sent.
"""
from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from deposit import ledger as L
from deposit.batch import Batch, apply_corrections, read_batch, restamp, validate_file
from deposit.client import CrossrefClient
from deposit.diagnostic import Diagnostic
from deposit.errors import CredentialsError, DepositError, DepositRefused, ServiceBusy, UploadRejected, UploadUncertain
from deposit.review import Summary, build_summary
from deposit.settings import DepositSettings
from parsers.errors import BadConfig

log = logging.getLogger(__name__)

APPROVE, REJECT, CORRECT = "approve", "reject", "correct"


@dataclass
class Decision:
    action: str  # approve | reject | correct
    approver: str
    reason: str = ""
    corrections: list[tuple[str, str, str]] = field(default_factory=list)  # (doi, field, value)


@dataclass
class DepositReport:
    issue_id: str
    endpoint: str
    status: str  # registered | partial | failed | pending | rejected | skipped
    file_name: str = ""
    outcomes: dict[str, str] = field(default_factory=dict)  # doi -> ledger state
    messages: list[str] = field(default_factory=list)

    def text(self) -> str:
        lines = [f"{self.issue_id} ({self.endpoint}): {self.status}" + (f" — {self.file_name}" if self.file_name else "")]
        lines += [f"  {doi}: {state}" for doi, state in self.outcomes.items()]
        lines += [f"  {m}" for m in self.messages]
        return "\n".join(lines)


@dataclass
class Plan:
    batch: Batch
    summary: Summary
    duplicate: L.Submission | None


Decider = Callable[[Summary], Decision]


def plan(issue_dir: Path, ledger: L.Ledger, *, endpoint: str, base_url: str, force: bool = False) -> Plan:
    """Validate and read `issue_dir/crossref.xml`, sync the ledger, build the review summary.

    With `force`, a file already sent (or one whose timestamp is not newer than one sent
    for these DOIs) is first given a new timestamp and batch id (`batch.restamp`).
    Raises MissingFile / SchemaInvalid for a missing or invalid file, and DepositRefused
    when the batch timestamp is not newer than one already sent for these DOIs (unless
    `force`).
    """
    path = issue_dir / "crossref.xml"
    validate_file(path)
    batch = read_batch(path)
    records = [(r.doi, r.record_hash) for r in batch.records]
    states = ledger.sync_batch(endpoint, issue_dir.name, records)
    notes = []
    dup = ledger.submissions(endpoint=endpoint, sha256=batch.sha256, states=L.BLOCKING_SUBMISSION_STATES)
    duplicate = dup[-1] if dup else None
    newest = ledger.newest_timestamp(endpoint, batch.dois)
    if force and (duplicate or (newest and batch.timestamp <= newest)):
        why = (f"this exact file was already {duplicate.state} as {duplicate.file_name}" if duplicate
               else f"batch timestamp {batch.timestamp} is not newer than {newest} already sent for these DOIs")
        was, now = restamp(path, newest)
        validate_file(path)
        batch = read_batch(path)
        notes.append(f"{why}; sending again because of --force with a new batch id and timestamp "
                     f"({now}; was {was}, kept as {path.name}.{was.rsplit(' ', 1)[-1]}.bak)")
        duplicate = None
    elif duplicate:
        notes.append(f"this exact file was already {duplicate.state} as {duplicate.file_name}")
    elif newest and batch.timestamp <= newest:
        raise DepositRefused(path, f"batch timestamp {batch.timestamp} is not newer than {newest} already sent "
                             "for these DOIs; Crossref would reject it — regenerate crossref.xml")
    summary = build_summary(batch, issue_id=issue_dir.name, endpoint=endpoint, base_url=base_url,
                            states=states, notes=notes)
    return Plan(batch, summary, duplicate)


def record(ledger: L.Ledger, batch: Batch, *, issue_id: str, endpoint: str, base_url: str, approver: str,
           force: bool = False) -> L.Submission:
    """Write the submission to the ledger before anything is sent; returns it (`recorded`).

    The upload file name is unique per submission (Crossref tracks logs by file name and
    returns only the first match). Raises DepositRefused for a duplicate file unless `force`.
    """
    file_name = f"{issue_id}-{batch.timestamp}-{uuid.uuid4().hex[:8]}.xml"
    try:
        return ledger.record_submission(
            file_name=file_name, issue_id=issue_id, endpoint=endpoint, base_url=base_url,
            doi_batch_id=batch.doi_batch_id, batch_timestamp=batch.timestamp, sha256=batch.sha256,
            approver=approver, records=[(r.doi, r.record_hash) for r in batch.records], force=force,
        )
    except L.DuplicateSubmission as exc:
        raise DepositRefused(batch.path, f"{exc}; use --force to send it again") from None


def _probe(client: CrossrefClient, file_name: str, settings: DepositSettings) -> Diagnostic | None:
    """Ask Crossref about `file_name` up to `unknown_polls` times; None if it never knew it."""
    for i in range(max(settings.unknown_polls, 1)):
        if i:
            settings.sleep(settings.poll_interval)
        diag = client.result(file_name)
        if not diag.unknown:
            return diag
    return None


def send(ledger: L.Ledger, client: CrossrefClient, sub: L.Submission, content: bytes,
         settings: DepositSettings) -> None:
    """Upload a `recorded` submission and mark it `sent`.

    Definitive refusals (credentials, 429/503 exhausted, explicit FAILURE) mark it `unsent`
    and re-raise. An uncertain failure is followed by a look-up of the file name: if Crossref
    has it, it is `sent` (no second upload); if not, it is uploaded again, up to
    `upload_attempts` times. If the look-up itself fails the submission stays `recorded`
    and UploadUncertain is raised: the next run reconciles it.
    """
    for attempt in range(max(settings.upload_attempts, 1)):
        try:
            receipt = client.upload(sub.file_name, content)
        except (ServiceBusy, UploadRejected, CredentialsError) as exc:
            ledger.mark_unsent(sub.id, exc.problem)
            raise
        except UploadUncertain as exc:
            log.warning("%s; asking Crossref whether it has %s before any resend", exc.problem, sub.file_name)
            try:
                known = _probe(client, sub.file_name, settings)
            except DepositError as probe_exc:
                raise UploadUncertain(sub.file_name, f"{exc.problem}; could not check with Crossref either "
                                      f"({probe_exc.problem}). Run again to reconcile.") from None
            if known is not None:
                ledger.mark_sent(sub.id, f"upload confirmed by submission log ({known.status}) after: {exc.problem}")
                return
            log.warning("Crossref does not have %s; uploading again (attempt %d)", sub.file_name, attempt + 2)
            continue
        ledger.mark_sent(sub.id, receipt.message)
        return
    raise UploadUncertain(sub.file_name, f"upload failed {settings.upload_attempts} times; "
                          "left as recorded, run again to reconcile")


def poll(ledger: L.Ledger, client: CrossrefClient, sub: L.Submission, settings: DepositSettings) -> Diagnostic | None:
    """Poll the submission log until it is complete, then store each DOI's outcome.

    Returns the diagnostic, or None when still pending after `max_polls` (state stays
    `sent`) or when a `recorded` file turns out unknown to Crossref (marked `lost`).
    """
    unknown = 0
    for _ in range(max(settings.max_polls, 1)):
        settings.sleep(settings.poll_interval)
        diag = client.result(sub.file_name)
        current = ledger.submission(sub.id)
        if diag.completed:
            if current.state == L.RECORDED:
                ledger.mark_sent(sub.id, "reconciled: Crossref has the file")
            ledger.store_outcomes(sub.id, diag)
            return diag
        if diag.unknown:
            unknown += 1
            if current.state == L.RECORDED and unknown >= settings.unknown_polls:
                ledger.mark_lost(sub.id, "Crossref has no submission with this file name")
                return None
            continue
        if current.state == L.RECORDED:
            ledger.mark_sent(sub.id, f"reconciled: Crossref has the file ({diag.status})")
    return None


def reconcile(ledger: L.Ledger, client: CrossrefClient, *, endpoint: str, settings: DepositSettings,
              issue_id: str | None = None) -> list[str]:
    """Resolve submissions left `recorded` or `sent` by earlier runs, by polling only."""
    messages = []
    for sub in ledger.submissions(endpoint=endpoint, states=L.OPEN_SUBMISSION_STATES, issue_id=issue_id):
        log.info("reconciling %s (%s)", sub.file_name, sub.state)
        diag = poll(ledger, client, sub, settings)
        after = ledger.submission(sub.id)
        if diag is not None:
            messages.append(f"earlier submission {sub.file_name}: completed ({diag.success_count} ok, "
                            f"{diag.warning_count} warning, {diag.failure_count} failed)")
        elif after.state == L.LOST:
            messages.append(f"earlier submission {sub.file_name} never reached Crossref (marked lost)")
        else:
            messages.append(f"earlier submission {sub.file_name} still pending at Crossref")
    return messages


def _report(ledger: L.Ledger, issue_id: str, endpoint: str, dois: list[str], status: str = "",
            file_name: str = "", messages: list[str] | None = None) -> DepositReport:
    outcomes = {}
    for doi in dois:
        st = ledger.doi(doi, endpoint)
        outcomes[doi] = st.state if st else L.UNREGISTERED
    if not status:
        values = set(outcomes.values())
        if values == {L.REGISTERED}:
            status = "registered"
        elif L.SUBMITTED in values:
            status = "pending"
        elif L.REGISTERED in values:
            status = "partial"
        else:
            status = "failed"
    return DepositReport(issue_id, endpoint, status, file_name, outcomes, list(messages or []))


def run_deposit(issue_dir: str | Path, *, ledger: L.Ledger, client: CrossrefClient, decide: Decider,
                settings: DepositSettings, production: bool = False, force: bool = False) -> DepositReport:
    """The whole workflow for one issue directory. `decide` is the approval step.

    Raises MissingFile/SchemaInvalid (bad file), DepositRefused (stale timestamp,
    duplicate after approval race), CredentialsError, ServiceBusy, UploadRejected,
    UploadUncertain and DepositError (network), all IngestErrors with credential-free
    messages. A rejection or an already-deposited file is a normal report, not an error.
    """
    issue_dir = Path(issue_dir)
    issue_id = issue_dir.name
    endpoint, base_url = settings.endpoint(production)
    messages = reconcile(ledger, client, endpoint=endpoint, settings=settings, issue_id=issue_id)
    while True:
        p = plan(issue_dir, ledger, endpoint=endpoint, base_url=base_url, force=force)
        if p.duplicate and not force:
            return _report(ledger, issue_id, endpoint, p.batch.dois, status="skipped", file_name=p.duplicate.file_name,
                           messages=messages + p.summary.notes + ["not sent again; use --force to override"])
        decision = decide(p.summary)
        if decision.action == APPROVE:
            if not decision.approver.strip():
                raise BadConfig("approval", "an approval must name the approver")
            break
        if decision.action == REJECT:
            reason = decision.reason.strip() or "no reason given"
            ledger.record_rejection(issue_id=issue_id, endpoint=endpoint, sha256=p.batch.sha256,
                                    approver=decision.approver, reason=reason, dois=p.batch.dois)
            return _report(ledger, issue_id, endpoint, p.batch.dois, status="rejected",
                           messages=messages + [f"rejected by {decision.approver or 'editor'}: {reason}"])
        if decision.action == CORRECT:
            notes = apply_corrections(p.batch.path, decision.corrections)
            for note in notes:
                doi = note.split(" ", 1)[0]
                ledger.note(doi, endpoint, f"corrected by {decision.approver or 'editor'}: {note}",
                            actor=decision.approver)
            messages += [f"corrected: {n}" for n in notes]
            continue  # re-validate, re-summarise, ask again
        raise BadConfig("approval", f"unknown decision '{decision.action}' (approve, reject or correct)")
    content = p.batch.content
    sub = record(ledger, p.batch, issue_id=issue_id, endpoint=endpoint, base_url=base_url,
                 approver=decision.approver, force=force)
    log.info("recorded %s (sha256 %s) approved by %s", sub.file_name, sub.sha256[:12], sub.approver)
    send(ledger, client, sub, content, settings)
    try:
        diag = poll(ledger, client, sub, settings)
    except CredentialsError as exc:  # the upload was accepted with these credentials; the ledger is right
        raise CredentialsError(exc.path, f"{sub.file_name} was uploaded and is queued at Crossref (the ledger "
                               f"records it as sent), but fetching its submission log failed: {exc.problem}. "
                               "Run `journal-ingest deposit` again (or `deposits --refresh`) once the login "
                               "works to collect the result; nothing will be sent twice") from None
    except DepositError as exc:  # queued at Crossref; only the log could not be fetched now
        messages.append(f"{sub.file_name} is queued at Crossref but its log could not be fetched "
                        f"({exc.problem}); run again later to collect the result")
        return _report(ledger, issue_id, endpoint, p.batch.dois, file_name=sub.file_name, messages=messages)
    if diag is None:
        messages.append(f"Crossref has not finished processing {sub.file_name}; run again later to collect the result")
    else:
        for rec in diag.records:
            if rec.status != "Success":
                messages.append(f"{rec.doi or '(batch)'}: {rec.status}: {rec.message}")
    return _report(ledger, issue_id, endpoint, p.batch.dois, file_name=sub.file_name, messages=messages)
