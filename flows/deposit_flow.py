"""Prefect flow `deposit_issue`: the deposit workflow with approval in the Prefect UI.

A thin wrapper over `deposit.workflow.run_deposit`: the only Prefect-specific part is the
decider, which pauses the run with `pause_flow_run(wait_for_input=DepositDecision...)`;
the resume form shows the review summary (markdown) and lets the editor approve, reject
with a reason, or correct fields. A correction goes through the workbench's edit path
(`review.edit.apply_by_doi` -> `apply_edit`) into issue.json, which rebuilds crossref.xml,
article.xml, the PDF's document info and report.html and logs it in corrections.jsonl, so
it survives the next `journal-ingest xml`; then the summary is rebuilt from the new
crossref.xml and the run pauses again. A correction that is refused (bad field or value)
changes nothing and the run pauses again with the reason at the top of the form.
Credentials are loaded inside the flow (environment / private file), never passed as
parameters, so they never appear in the Prefect database or UI. The steps are not split
into tasks: the pause must happen in the flow itself, and retries/idempotency live in the
workflow and ledger (a retried task could double-send).
"""
from __future__ import annotations

from pathlib import Path
from typing import Literal, Optional

from prefect import flow, get_run_logger, pause_flow_run
from prefect.input import RunInput
from pydantic import BaseModel, Field

from flows.problems import publish_warnings, run_warnings


class FieldCorrection(BaseModel):
    doi: str = Field(description="DOI of the article to correct")
    field: str = Field(min_length=1, description="field of the article's record in issue.json, as for "
                       "`journal-ingest edit`: title.zh, title.en, fpage, lpage, keywords.en, "
                       "contributors.1.name.en, … (title: the title in the article's language)")
    value: str = Field(description="new value; JSON where the field is not text, e.g. [\"日本\", \"北约\"]")


class DepositDecision(RunInput):
    action: Literal["approve", "reject", "correct"] = Field(
        "approve", description="approve: send to Crossref; reject: do not send; correct: apply corrections and review again")
    # required, with no default: an empty name used to pass the form and then fail in the
    # workflow with a traceback. Prefect's server validates the input against this schema
    # when the run is resumed, so a form submitted without a name is refused, saying why.
    approver: str = Field(min_length=1, pattern=r"\S", title="Approver (required)",
                          description="your name, required: recorded in the deposit ledger")
    reason: str = Field("", description="why the deposit is rejected (optional)")
    corrections: list[FieldCorrection] = Field(default_factory=list, description="only with action=correct")


def prefect_decider(timeout: int = 24 * 3600, poll_interval: int = 10, issue_dir: str | Path | None = None,
                    settings=None, ledger: Optional[str] = None):
    """A `workflow.Decider` that pauses the current flow run for a DepositDecision.

    Corrections are applied here, to issue.json through `review.edit.apply_by_doi` (with
    the journal `settings` crossref.xml is rebuilt from); the decision returned is then
    `correct` with nothing left for the workflow to patch, so it re-reads the rebuilt
    crossref.xml and asks again."""
    from deposit.review import render_markdown
    from deposit.workflow import CORRECT, Decision
    from parsers.errors import IngestError
    from review.edit import apply_by_doi

    carried: list[str] = []  # what the last correction did or why it was refused

    def decide(summary):
        while True:
            head = "".join(f"> **{line}**\n\n" for line in carried)
            carried.clear()
            form = DepositDecision.with_initial_data(description=head + render_markdown(summary), action="approve")
            got = pause_flow_run(wait_for_input=form, timeout=timeout, poll_interval=poll_interval)
            if got.action != CORRECT:
                return Decision(got.action, got.approver, got.reason)
            if not got.corrections:
                carried.append("correct was chosen without any correction: nothing changed")
                continue
            done: list[str] = []
            try:
                done = apply_by_doi(Path(issue_dir or Path(summary.file).parent),
                                    [(c.doi, c.field, c.value) for c in got.corrections],
                                    editor=got.approver, settings=settings, ledger=ledger)
            except IngestError as exc:
                carried.append(f"correction not applied: {exc}")
            carried.extend(f"corrected: {n}" for n in done)
            if done:  # crossref.xml was rebuilt: the workflow re-reads it and asks again
                return Decision(CORRECT, got.approver, corrections=[])

    return decide


@flow(name="deposit_issue")
def deposit_issue(issue_dir: str, production: bool = False, ledger: Optional[str] = None, force: bool = False,
                  approval_timeout: int = 24 * 3600, approval_poll_interval: int = 10,
                  journal: Optional[str] = None) -> dict:
    """Deposit `issue_dir/crossref.xml` to Crossref after approval in the Prefect UI.
    `journal`: the journal settings (TOML) the issue was ingested with, which a correction
    needs to rebuild crossref.xml."""
    from deposit.client import CrossrefClient
    from deposit.credentials import load_credentials
    from deposit.ledger import open_ledger
    from deposit.settings import load_deposit_settings
    from deposit.workflow import run_deposit
    from schemas.settings import load_settings

    logger = get_run_logger()
    journal_settings = load_settings(journal) if journal else None
    settings = load_deposit_settings()
    _, base_url = settings.endpoint(production)
    client = CrossrefClient(base_url, load_credentials(), retries=settings.retries, backoff=settings.backoff,
                            sleep=settings.sleep, deadline=settings.deadline)
    book = open_ledger(settings.ledger_path(Path(issue_dir), ledger))
    try:
        with run_warnings() as warned:  # retries, refusals, reconciliations: into the run's log
            report = run_deposit(issue_dir, ledger=book, client=client, settings=settings,
                                 decide=prefect_decider(approval_timeout, approval_poll_interval, issue_dir,
                                                        journal_settings, ledger),
                                 production=production, force=force)
    finally:
        book.close()
    logger.info(report.text())
    publish_warnings("deposit-warnings", f"Warnings of the deposit of {issue_dir}", warned)
    return {"issue_id": report.issue_id, "endpoint": report.endpoint, "status": report.status,
            "file_name": report.file_name, "outcomes": report.outcomes, "messages": report.messages}
