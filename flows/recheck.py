"""Flow `recheck_links`: check again the cited URLs of every issue in the output folder.

Why: a URL that fails once is only `dead?`; it becomes `dead` when it still fails on a run
`confirm_after` (3 days) or more after its first failure (`checks.links._confirm_dead`,
from the history in the SQLite cache). So something has to run again later: this flow,
on a schedule (`[orchestration] recheck_cron`). Final cached results younger than
`recheck_after_days` are reused, older ones and every non-final one (`dead?`, `error`,
`unknown`) are checked again; each issue's links.json/links.txt are rewritten atomically
by `checks.links.check_issue_links`, and its article.xml link notes refreshed
(`schemas.write_xml.refresh_link_notes`) and its report.html rewritten so the page shows
the new verdicts. One broken issue folder never stops the others, but a run in which some
folder failed, or the machine looked offline (every URL `unknown`: nothing was confirmed),
ends Failed (`RecheckProblems`) after its artifacts are published.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Optional

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NONE as NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.tasks import exponential_backoff

from checks.links import LinkSettings, check_issue_links
from flows.inbox_steps import one_line
from flows.problems import publish_warnings, run_warnings
from parsers.errors import IngestError
from schemas.orchestration import load_orchestration


@dataclass
class Recheck:
    issue: str
    verdicts: dict[str, int] = field(default_factory=dict)
    confirmed_dead: list[str] = field(default_factory=list)  # dead? (or not checked) -> dead
    recovered: list[str] = field(default_factory=list)  # dead?/dead -> ok/redirected
    xml_updated: int = 0  # article.xml files whose link notes changed
    report: bool = False  # report.html rewritten (when the folder has one)
    offline: str = ""  # the link checker's notice when this machine looked offline
    error: str = ""


def issue_folders(out: Path) -> list[Path]:
    """Published issue folders: not staging (.x.partial-*), not kept-aside (*.replaced-*)."""
    if not out.is_dir():
        raise IngestError(out, "output folder not found")
    return sorted(p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")
                  and ".replaced-" not in p.name and (p / "issue.json").is_file())


def _verdicts(links_json: Path) -> dict[str, str]:
    if not links_json.exists():
        return {}
    try:
        return {r["url"]: r["verdict"] for r in json.loads(links_json.read_text(encoding="utf-8")).get("links", [])}
    except (ValueError, KeyError, TypeError, AttributeError):
        return {}  # unreadable old report: it is being replaced anyway


def recheck_issue_dir(issue_dir: Path, settings: LinkSettings) -> Recheck:
    """Re-check one issue's URLs, then bring its JATS link notes up to date; what changed.
    Raises on a broken issue folder."""
    from flows.extras import report_step
    from schemas.write_xml import refresh_link_notes

    before = _verdicts(issue_dir / "links.json")
    links_json = check_issue_links(issue_dir, settings)
    after = _verdicts(links_json)
    xml = refresh_link_notes(issue_dir)  # each file validated, replaced atomically, only if changed
    # the review page shows the verdicts just found (a folder written with --no-report keeps none)
    report_error = report_step(issue_dir) if (issue_dir / "report.html").is_file() else None
    counts: dict[str, int] = {}
    for v in after.values():
        counts[v] = counts.get(v, 0) + 1
    return Recheck(issue_dir.name, counts,
                   confirmed_dead=[u for u, v in after.items() if v == "dead" and before.get(u) != "dead"],
                   recovered=[u for u, v in after.items() if v in ("ok", "redirected")
                              and before.get(u) in ("dead", "dead?")],
                   xml_updated=len(xml.written),
                   report=(issue_dir / "report.html").is_file() and not report_error,
                   offline=_offline(links_json),
                   error="; ".join(xml.errors + ([f"report.html not written: {report_error}"] if report_error else [])))


def _offline(links_json: Path) -> str:
    """links.json's offline notice ('' when the run reached the hosts)."""
    try:
        data = json.loads(links_json.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    return (data.get("notice") or "offline") if isinstance(data, dict) and data.get("offline") else ""


def link_settings(out: Path, recheck_after_days: float, archive: str | None = None,
                  **overrides) -> LinkSettings:
    """Link settings for a re-check: the output folder's cache, results older than N days redone."""
    return LinkSettings(cache_path=out / "links-cache.sqlite", max_age=timedelta(days=recheck_after_days),
                        archive_endpoint=archive or None, **overrides)


def recheck_output(out: Path, settings: LinkSettings) -> list[Recheck]:
    """Every issue folder of `out`, one after another; a failing folder is reported, not fatal."""
    results = []
    for issue_dir in issue_folders(out):
        try:
            results.append(recheck_issue_dir(issue_dir, settings))
        except Exception as exc:  # one broken folder must not stop the others
            results.append(Recheck(issue_dir.name, error=one_line(exc)))
    return results


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=exponential_backoff(backoff_factor=30),
      retry_jitter_factor=0.5)
def recheck_issue(issue_dir: str, out: str, recheck_after_days: float, archive: str | None) -> dict:
    # each HTTP request has its own connect/read timeouts and retries (checks.links.LinkSettings)
    return asdict(recheck_issue_dir(Path(issue_dir), link_settings(Path(out), recheck_after_days, archive)))


# one issue at a time: the per-host politeness limits hold within one check run, not across runs
@flow(name="recheck_links", log_prints=True, task_runner=ThreadPoolTaskRunner(max_workers=1))
def recheck_links(settings: Optional[str] = None, out: Optional[str] = None,
                  recheck_after_days: Optional[float] = None,
                  archive: Optional[str] = "https://archive.org") -> list[dict]:
    """Re-check stale and unconfirmed link results of every issue in the output folder."""
    logger = get_run_logger()
    cfg = load_orchestration(settings)
    out_dir = Path(out) if out else cfg.out
    days = cfg.recheck_after_days if recheck_after_days is None else recheck_after_days
    folders = issue_folders(out_dir)
    with run_warnings() as warned:
        futures = [recheck_issue.submit(str(d), str(out_dir), days, archive) for d in folders]
        results = []
        for d, fut in zip(folders, futures):
            fut.wait()
            if fut.state.is_completed():
                results.append(fut.result())
            else:
                results.append(asdict(Recheck(d.name, error=one_line(_exception(fut)))))
    text = summary_text(results)
    logger.info(text)
    create_table_artifact([{"issue": r["issue"], "verdicts": ", ".join(f"{k} {n}" for k, n in sorted(r["verdicts"].items())),
                            "confirmed dead": len(r["confirmed_dead"]), "recovered": len(r["recovered"]),
                            "xml updated": r["xml_updated"], "error": r["error"]} for r in results] or [{"issue": "(none)"}],
                          key="recheck-links", description=text.splitlines()[0])
    create_markdown_artifact("```\n" + text + "\n```\n", key="recheck-links-summary")
    publish_warnings("recheck-links-warnings", f"Warnings of the link re-check of {out_dir}", warned)
    if any(r["error"] or r["offline"] for r in results):
        raise RecheckProblems(out_dir, text.splitlines()[0] + ": " + "; ".join(
            f"{r['issue']}: {r['error'] or r['offline']}" for r in results if r["error"] or r["offline"]))
    return results


class RecheckProblems(IngestError):
    """A re-check that could not do its work for some issue (an error, or offline)."""

    def __reduce__(self):  # Prefect may pickle a run's exception
        return (RecheckProblems, (self.path, self.problem))


def _exception(fut) -> BaseException:
    try:
        fut.result()
    except BaseException as exc:  # the task's own failure, reported per issue
        return exc
    return RuntimeError("not completed")


def summary_text(results: list[dict]) -> str:
    dead = sum(len(r["confirmed_dead"]) for r in results)
    back = sum(len(r["recovered"]) for r in results)
    failed = [r for r in results if r["error"]]
    offline = [r for r in results if r.get("offline") and not r["error"]]
    lines = [f"re-checked {len(results) - len(failed)} issue(s): {dead} URL(s) confirmed dead, "
             f"{back} recovered, {len(failed)} issue(s) with errors"
             + (f", {len(offline)} checked while offline (nothing confirmed)" if offline else "")]
    for r in results:
        lines.append(f"  {r['issue']}: " + (r["error"] or ", ".join(f"{k} {n}" for k, n in sorted(r["verdicts"].items()))
                                            or "no cited URLs") + (f" [offline: {r['offline']}]" if r.get("offline") else ""))
    return "\n".join(lines)
