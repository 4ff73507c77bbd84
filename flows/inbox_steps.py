"""The inbox as plain functions: find new issue PDFs, ingest each, file the source away.

No Prefect here: `flows/inbox.py` wraps `process_inbox` as a flow and `cli/inbox.py` runs
it in-process; both pass the ingest step in as a function. The rules:

- A PDF is new when its sha256 is not in the ledger as `processed` (so a renamed copy is a
  duplicate and stays where it is, reported; `reprocess=True` ingests it anyway).
- A PDF still being copied in (modified less than `settle_seconds` ago) is left for later.
- The source moves to `processed/` or `failed/` (beside it, with `<name>.error`, one line)
  only after its ingest has published or failed: outputs are complete before the move. A
  pass stopped between publishing and moving is finished by the next one (the published
  record carries the same sha256), not reported as a failure.
- One PDF failing never stops the others; the pass ends with a `Summary`.
- The ledger is JSON lines in the output folder, rewritten atomically; a lock file keeps
  two passes (a served run and a shell) from taking the same file.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

from flows.problems import IncompleteOutput
from parsers.errors import IngestError, OutputExists
from schemas.record import write_atomic

log = logging.getLogger("journal_ingest")

PROCESSED, FAILED, DUPLICATE, WAITING = "processed", "failed", "duplicate", "waiting"

# ingest(pdf, force) -> the published output folder; raises on failure
IngestFn = Callable[[Path, bool], Path]


@dataclass
class Outcome:
    file: str
    sha256: str
    status: str  # processed | failed | duplicate | waiting
    output: str = ""  # the published issue folder
    moved_to: str = ""  # where the source PDF is now
    error: str = ""
    seconds: float = 0.0


@dataclass
class Summary:
    inbox: str
    outcomes: list[Outcome] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        c = {PROCESSED: 0, FAILED: 0, DUPLICATE: 0, WAITING: 0}
        for o in self.outcomes:
            c[o.status] += 1
        return c

    def text(self) -> str:
        c = self.counts()
        lines = [f"inbox {self.inbox}: {c[PROCESSED]} processed, {c[FAILED]} failed, "
                 f"{c[DUPLICATE]} duplicate, {c[WAITING]} still arriving"]
        for o in self.outcomes:
            detail = o.output or o.error or o.moved_to
            if o.output and o.error:  # published, but incomplete
                detail += f" (incomplete: {o.error})"
            lines.append(f"  {o.status:<9} {o.file}" + (f" -> {detail}" if detail else ""))
        return "\n".join(lines)

    def problems(self) -> list[Outcome]:
        """Files that failed, or were published without some of their outputs."""
        return [o for o in self.outcomes if o.status == FAILED or (o.status == PROCESSED and o.error)]

    def to_dict(self) -> dict:
        return {"inbox": self.inbox, "counts": self.counts(), "outcomes": [asdict(o) for o in self.outcomes]}


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class Ledger:
    """Which source files (by sha256) were processed or failed, when, and into what."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.entries: list[dict] = []
        if self.path.exists():
            for n, line in enumerate(self.path.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    self.entries.append(json.loads(line))
                except json.JSONDecodeError:
                    raise IngestError(self.path, f"line {n} is not JSON; fix or move the ledger aside") from None

    def processed(self, sha: str) -> dict | None:
        """The latest `processed` entry for this content, if any."""
        for entry in reversed(self.entries):
            if entry.get("sha256") == sha and entry.get("status") == PROCESSED:
                return entry
        return None

    def add(self, outcome: Outcome) -> None:
        entry = {"at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), **asdict(outcome)}
        self.entries.append(entry)
        body = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in self.entries)
        write_atomic(self.path, body.encode("utf-8"))


@contextmanager
def inbox_lock(out: Path) -> Iterator[None]:
    """One pass at a time per output folder; a second one fails at once, clearly."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / "inbox.lock"
    with open(path, "a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IngestError(path, "another inbox pass is running on this output folder") from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def candidates(inbox: Path) -> list[Path]:
    """PDFs directly in the inbox (not in processed/ or failed/; no hidden partial copies)."""
    if not inbox.is_dir():
        raise IngestError(inbox, "inbox folder not found")
    return sorted(p for p in inbox.iterdir()
                  if p.is_file() and p.suffix.lower() == ".pdf" and not p.name.startswith("."))


def move_into(src: Path, folder: Path, sha: str) -> Path:
    """Rename `src` into `folder` (same filesystem: atomic), never over another file."""
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / src.name
    if dest.exists():
        dest = folder / f"{src.stem}.{sha[:12]}{src.suffix}"
    if dest.exists():
        dest = folder / f"{src.stem}.{sha[:12]}.{int(time.time())}{src.suffix}"
    os.replace(src, dest)
    return dest


def one_line(exc: BaseException) -> str:
    text = str(exc) if isinstance(exc, IngestError) else f"{type(exc).__name__}: {exc}"
    return " ".join(text.split()) or type(exc).__name__


def _published_from(issue_dir: Path, sha: str) -> bool:
    """Is `issue_dir` the complete output of this very PDF (same sha256 in its record)?"""
    try:
        record = json.loads((issue_dir / "issue.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(record, dict) and (record.get("source") or {}).get("sha256") == sha


def process_file(pdf: Path, ingest: IngestFn, ledger: Ledger, *, reprocess: bool = False,
                 settle_seconds: float = 0.0, now: Callable[[], float] = time.time) -> Outcome:
    """Ingest one inbox PDF and file it under processed/ or failed/; never raises for the PDF."""
    if now() - pdf.stat().st_mtime < settle_seconds:
        return Outcome(pdf.name, "", WAITING)
    sha = sha256_file(pdf)
    seen = ledger.processed(sha)
    if seen and not reprocess:
        return Outcome(pdf.name, sha, DUPLICATE,
                       error=f"same content as {seen['file']} processed {seen['at']} into {seen['output']}")
    start = time.perf_counter()
    incomplete = ""
    try:
        try:
            target = ingest(pdf, reprocess)
        except OutputExists as exc:
            # published by an earlier pass that stopped before filing the source away
            if not _published_from(Path(exc.path), sha):
                raise
            log.info("inbox: %s was already published as %s", pdf.name, exc.path)
            target = Path(exc.path)
        except IncompleteOutput as exc:
            # published, but some output (an XML record, report.html) could not be written:
            # the source is filed as processed (its record exists) and the reason kept
            log.warning("inbox: %s published incomplete: %s", pdf.name, one_line(exc))
            target, incomplete = Path(exc.path), one_line(exc)
    except Exception as exc:  # one bad PDF must not stop the rest: report it, file it, go on
        reason = one_line(exc)
        log.warning("inbox: %s failed: %s", pdf.name, reason)
        failed = pdf.parent / "failed"
        # the reason lands first, so a PDF in failed/ always has its .error beside it
        write_atomic(failed / f"{pdf.name}.error", (reason + "\n").encode("utf-8"))
        dest = move_into(pdf, failed, sha)
        if dest.name != pdf.name:
            os.replace(failed / f"{pdf.name}.error", failed / f"{dest.name}.error")
        outcome = Outcome(pdf.name, sha, FAILED, moved_to=str(dest), error=reason,
                          seconds=round(time.perf_counter() - start, 3))
    else:
        dest = move_into(pdf, pdf.parent / "processed", sha)
        outcome = Outcome(pdf.name, sha, PROCESSED, output=str(target), moved_to=str(dest), error=incomplete,
                          seconds=round(time.perf_counter() - start, 3))
    ledger.add(outcome)
    return outcome


def process_inbox(inbox: Path, out: Path, ingest: IngestFn, *, reprocess: bool = False,
                  settle_seconds: float = 0.0) -> Summary:
    """One pass over the inbox: every new PDF ingested and filed; a `Summary` of what happened."""
    inbox, out = Path(inbox).absolute(), Path(out).absolute()
    summary = Summary(str(inbox))
    with inbox_lock(out):
        ledger = Ledger(out / "inbox-ledger.jsonl")
        for pdf in candidates(inbox):
            summary.outcomes.append(process_file(pdf, ingest, ledger, reprocess=reprocess,
                                                 settle_seconds=settle_seconds))
    log.info("%s", summary.text())
    return summary
