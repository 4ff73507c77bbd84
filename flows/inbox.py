"""Prefect flow `process_inbox`: every new issue PDF in the inbox through `ingest_issue`.

A thin wrapper over `flows.inbox_steps.process_inbox` (the rules live there): each PDF is
an `ingest_issue` subflow run on the configured task runner (Dask or a local pool), a
failing PDF is filed under failed/ and the others go on, and the run ends with a summary
that is returned, logged and published as artifacts. A pass in which some PDF failed or
was published without some of its outputs ends Failed (`InboxProblems`, which carries the
summary), so a served run never shows green while work was lost.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact, create_table_artifact

from flows.inbox_steps import Summary, process_inbox as process_inbox_plain
from flows.problems import publish_warnings, run_warnings
from parsers.errors import IngestError
from schemas.orchestration import load_orchestration


def inbox_ingest(journal: str | None, out: Path, links: bool, dask_address: str, max_workers: int):
    """The ingest step the inbox calls: the `ingest_issue` flow, on the chosen task runner."""
    from flows.ingest import run_ingest

    def ingest(pdf: Path, force: bool) -> Path:
        result = run_ingest(str(pdf), str(out), dask_address=dask_address, max_workers=max_workers,
                            journal=journal, links=links, force=force, schemas=False,
                            link_cache=str(out / "links-cache.sqlite"))
        return result.out_dir
    return ingest


@flow(name="process_inbox", log_prints=True)
def process_inbox(settings: Optional[str] = None, inbox: Optional[str] = None, out: Optional[str] = None,
                  reprocess: bool = False, links: Optional[bool] = None) -> dict:
    """Ingest every new PDF in the inbox (`[orchestration] inbox`, or `inbox`); returns the summary.
    `links` overrides `[orchestration] links` when given. Raises `InboxProblems` (the run ends
    Failed) when some PDF failed or was published incomplete; the summary is on the exception."""
    logger = get_run_logger()
    cfg = load_orchestration(settings)
    inbox_dir = Path(inbox) if inbox else cfg.inbox
    out_dir = Path(out) if out else cfg.out
    with run_warnings() as warned:
        summary = process_inbox_plain(
            inbox_dir, out_dir,
            inbox_ingest(settings, out_dir, cfg.links if links is None else links, cfg.scheduler(), cfg.max_workers),
            reprocess=reprocess, settle_seconds=cfg.settle_seconds)
    logger.info(summary.text())
    summary_artifacts(summary)
    publish_warnings("inbox-warnings", f"Warnings of the inbox pass over {summary.inbox}", warned)
    problems = summary.problems()
    if problems:
        raise InboxProblems(summary)
    return summary.to_dict()


class InboxProblems(IngestError):
    """Some PDFs of an inbox pass failed or were published incomplete (details per file in
    the summary, the artifacts and `failed/*.error`); `summary` is the pass's summary dict."""

    def __init__(self, summary: Summary | dict) -> None:
        self.summary = summary.to_dict() if isinstance(summary, Summary) else summary
        bad = [o for o in self.summary["outcomes"] if o["status"] == "failed"
               or (o["status"] == "processed" and o["error"])]
        super().__init__(self.summary["inbox"], f"{len(bad)} of {len(self.summary['outcomes'])} file(s) need "
                         "attention: " + "; ".join(f"{o['file']}: {o['error']}" for o in bad[:5]))

    def __reduce__(self):  # Prefect may pickle a run's exception
        return (InboxProblems, (self.summary,))


def summary_artifacts(summary: Summary) -> None:
    c = summary.counts()
    if summary.outcomes:
        create_table_artifact([{"file": o.file, "status": o.status, "output": o.output,
                                "error": o.error, "seconds": o.seconds} for o in summary.outcomes],
                              key="inbox-outcomes", description=f"inbox {summary.inbox}")
    create_markdown_artifact("```\n" + summary.text() + "\n```\n", key="inbox-summary",
                             description=", ".join(f"{n} {k}" for k, n in c.items()))
