"""The project's warnings inside a Prefect run: in its logs, in an artifact, in its end state.

The plain functions (parsers/, schemas/, checks/, review/) report through `logging` and go
on: an offline link check, an XML record that failed validation, a report that could not
be drawn. Run by the CLI, those lines reach the terminal; run by Prefect they would reach
only the served process's stderr, and the run would show green. `run_warnings` collects
them for the duration of a flow run (forwarding each to the run's logger as it comes), and
`publish_warnings` puts them in a markdown artifact. `missing_outputs` says which files of
the output contract a published issue folder lacks; a flow that published an incomplete
folder raises `IncompleteOutput`, so the run ends Failed with the reason.
"""
from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from uuid import UUID

from parsers.errors import IngestError
from schemas.model import Issue

# the loggers of the project's own packages (module loggers are named after the module)
PROJECT_LOGGERS = ("journal_ingest", "parsers", "schemas", "checks", "review", "deposit", "flows")


class IncompleteOutput(IngestError):
    """The issue folder was published, but some of its outputs could not be written."""

    def __reduce__(self):  # Prefect may pickle a run's exception
        return (IncompleteOutput, (self.path, self.problem))


def _current_run() -> UUID | None:
    """The flow run this thread works for (a task's thread knows its flow run)."""
    from prefect.context import FlowRunContext, TaskRunContext

    task = TaskRunContext.get()
    if task is not None:
        return task.task_run.flow_run_id
    flow = FlowRunContext.get()
    return flow.flow_run.id if flow is not None and flow.flow_run is not None else None


class _Collector(logging.Handler):
    """Keeps the WARNING+ records of one flow run and forwards them to its Prefect logger.
    Records from threads with no Prefect context (a plain thread pool inside a step) are
    taken too: a served run has its own process, so they can only be this run's."""

    def __init__(self, run_id: UUID | None) -> None:
        super().__init__(logging.WARNING)
        self.run_id = run_id
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        run = _current_run()
        if run is not None and run != self.run_id:
            return  # another flow run in this process (a sibling or a subflow) reports its own
        text = " ".join(record.getMessage().split())
        self.messages.append(f"{record.levelname} {record.name}: {text}")
        try:
            from prefect import get_run_logger

            get_run_logger().log(record.levelno, "%s: %s", record.name, text)
        except Exception:  # no run logger here (a thread without context): the artifact still has it
            pass


@contextmanager
def run_warnings() -> Iterator[list[str]]:
    """Collect (and forward to the run's log) the project's warnings while the block runs;
    yields the list, filled as they come."""
    handler = _Collector(_current_run())
    loggers = [logging.getLogger(name) for name in PROJECT_LOGGERS]
    for lg in loggers:
        lg.addHandler(handler)
    try:
        yield handler.messages
    finally:
        for lg in loggers:
            lg.removeHandler(handler)


def missing_outputs(issue_dir: Path, issue: Issue, *, links: bool, report: bool, crossref: bool) -> list[str]:
    """The files of the output contract (README "Outputs") that `issue_dir` lacks.
    crossref: whether the journal settings ask for crossref.xml (and some article has a DOI)."""
    expected = ["issue.json"]
    for a in issue.articles:
        expected += [f"articles/{a.id}/article.pdf", f"articles/{a.id}/article.xml"]
    if crossref:
        expected.append("crossref.xml")
    if links:
        expected += ["links.json", "links.txt"]
    if report:
        expected.append("report.html")
    return [name for name in expected if not (issue_dir / name).is_file()]


def crossref_expected(issue: Issue, journal: str | Path | None) -> bool:
    """Does this issue get a crossref.xml: deposit settings given and some article with a DOI
    (the same rule as `schemas.write_xml.generate_issue_xml`)."""
    from schemas import crossref
    from schemas.settings import load_settings

    s = load_settings(Path(journal) if journal else None)
    if not any((s.depositor_name, s.depositor_email, s.registrant, s.url_pattern)):
        return False
    return bool(crossref.deposit_articles(issue)[0])


def warnings_markdown(title: str, warnings: list[str], missing: list[str] = ()) -> str:
    lines = [f"# {title}", ""]
    if missing:
        lines += ["## Outputs not written", ""] + [f"- `{m}`" for m in missing] + [""]
    lines += ["## Warnings", ""]
    lines += [f"- {w}" for w in warnings] or ["None."]
    return "\n".join(lines) + "\n"


def publish_warnings(key: str, title: str, warnings: list[str], missing: list[str] = ()) -> None:
    """The warnings (and missing outputs) as a markdown artifact on the current run."""
    from prefect.artifacts import create_markdown_artifact

    what = f"{len(warnings)} warning(s)" + (f", {len(missing)} output(s) not written" if missing else "")
    create_markdown_artifact(warnings_markdown(title, warnings, missing), key=key, description=what)


def incomplete_reason(issue_dir: Path, missing: list[str], warnings: list[str]) -> str:
    """One line: what is missing and the warnings that say why."""
    why = [w for w in warnings if "not written" in w or "ERROR" in w] or warnings
    return (f"published without {', '.join(missing)}"
            + (f": {'; '.join(why[:5])}" if why else "") + f" (see {issue_dir})")
