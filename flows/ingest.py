"""Prefect flow `ingest_issue`: the same steps as `flows.steps`, as tasks.

Tasks are thin wrappers over plain functions in parsers/ and schemas/; only this module
knows about retries, caching and concurrency. The CLI runs the plain functions in-process
unless a Prefect API is configured (see README: "Prefect or in-process").

- Caching: the expensive pure steps (text layer, split, per-article extraction) are cached
  by the PDF's sha256 and the extraction code's version (`CODE_VERSION`), with results
  persisted under PREFECT_HOME/storage, so a re-run after a failure (or of the same PDF
  under another name) skips finished work, and a code change never reuses stale results.
  Nothing that writes outputs is cached, and the deposit never is (flows/deposit_flow.py).
- Retries: the step that checks cited URLs is retried with exponential backoff on
  unexpected errors (bad input is not retried). Each HTTP request already has its own
  connect/read timeouts and per-request retries in `checks.links.LinkSettings`
  (connect 5 s, read 15 s, body deadline 30 s, 2 retries with backoff).
- Concurrency: per-article extraction is mapped; the task runner (bounded thread pool or
  Dask) is chosen at call time, see `run_ingest` and `flows/runners.py`.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import re
import time
from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NONE as NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.tasks import exponential_backoff

from flows import steps
from flows.extras import after_extract_hook
from flows.problems import (IncompleteOutput, crossref_expected, incomplete_reason, missing_outputs,
                            publish_warnings, run_warnings)
from parsers.errors import IngestError
from parsers.extract import Plan, assemble_issue, extract_one, plan_issue
from parsers import ocr as ocr_pages
from parsers import regex_compile
from parsers.glyph_ocr import fill_unnamed_glyphs
from parsers.margin_ocr import add_margin_folios
from parsers.ocr import OcrBox
from parsers.textlayer import Document, check_readable
from schemas.model import Article, Issue
from schemas.settings import load_settings

regex_compile.install()  # (a flow's process, like the command line's, is ours: parsers.regex_compile)

ROOT = Path(__file__).resolve().parents[1]
CACHE_DAYS = 30


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the extraction code and its data: cached results are valid only for it."""
    h = hashlib.sha256()
    files = sorted((ROOT / "parsers").rglob("*.py")) + sorted((ROOT / "parsers").rglob("*.toml"))
    files += [ROOT / "schemas" / "model.py"]
    for f in files:
        h.update(str(f.relative_to(ROOT)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _key(step: str):
    """cache_key_fn: `<step>-<pdf sha256>-<code version>[-<first>-<last article index>]`."""
    def key(context: Any, parameters: dict[str, Any]) -> str:
        ks = parameters.get("ks")
        return f"{step}-{parameters['sha']}-{code_version()}" + (f"-{ks[0]}-{ks[-1]}" if ks else "")
    return key


def batches(n: int, parts: int) -> list[list[int]]:
    """0..n-1 in `parts` contiguous runs of near-equal size (no empty ones)."""
    parts = max(1, min(parts, n))
    bounds = [round(i * n / parts) for i in range(parts + 1)]
    return [list(range(bounds[i], bounds[i + 1])) for i in range(parts)]


class Held:
    """A big input (Document, Plan, Issue) handed to a task as an opaque box. Prefect walks
    every dataclass/list/dict parameter looking for futures, on every task call (seconds for
    a 500-page issue), and prefect-dask rebuilds `quote(...)` as a bare tuple; a plain object
    is neither walked nor rebuilt, and pickles to Dask workers as its contents."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


CACHED = dict(cache_key_fn=None, persist_result=True, cache_expiration=timedelta(days=CACHE_DAYS))


@task(**{**CACHED, "cache_key_fn": _key("read")})
def read_issue(pdf: str, sha: str) -> Document:
    # a Dask worker is a daemon process and may not fork: read the pages in-process there
    workers = 1 if multiprocessing.current_process().daemon else None
    return steps.read_pdf(Path(pdf), workers, ocr="defer")


@task(cache_policy=NO_CACHE)
def ocr_page(pdf: str, sha: str, number: int) -> list[OcrBox]:
    # one page per task, so a Dask cluster spreads them; parsers.ocr caches by sha256 and page
    return ocr_pages.ocr_page(pdf, sha, number)


@task(**{**CACHED, "cache_key_fn": _key("split")})
def split_issue(doc: Held, sha: str) -> Plan:
    return plan_issue(doc.value)


@task(**{**CACHED, "cache_key_fn": _key("articles")})
def extract_articles(plan: Held, ks: list[int], sha: str) -> list[Article]:
    # a batch, not one article per task: extracting an article takes ~5 ms, a task run's
    # bookkeeping (API calls, result persistence, shipping the plan to a worker) far more
    return [extract_one(plan.value, k) for k in ks]


@task(cache_policy=NO_CACHE)
def assemble(doc: Held, plan: Held, articles: Held, journal: str | None) -> Issue:
    return assemble_issue(doc.value, plan.value, articles.value, load_settings(journal))


def _transient(task: Any, task_run: Any, state: Any) -> bool:
    """Retry unexpected failures (network, locked cache), not bad input or an existing output."""
    try:
        state.result()
    except IngestError:
        return False
    except Exception:
        return True
    return False


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=exponential_backoff(backoff_factor=10),
      retry_jitter_factor=0.5, retry_condition_fn=_transient)
def write_outputs(issue: Held, pdf: str, out: str, journal: str | None, links: bool, force: bool,
                  schemas: str | None | bool, link_cache: str | None = None) -> str:
    """Stage, check links, write XML, publish: all or nothing, so a retry starts clean."""
    link_settings = None
    if links and link_cache:
        from checks.links import LinkSettings
        link_settings = LinkSettings(cache_path=Path(link_cache))
    hook = after_extract_hook(Path(journal) if journal else None, links=links,
                              schemas=Path(schemas) if isinstance(schemas, str) else schemas,
                              link_settings=link_settings)
    return str(steps.write_outputs(issue.value, Path(pdf), Path(out), force=force, after_extract=hook))


@flow(name="ingest_issue", log_prints=True, task_runner=ThreadPoolTaskRunner(max_workers=4))  # bounded by default
def ingest_issue(pdf: str, out: str = "output", journal: str | None = None, links: bool = True,
                 force: bool = False, schemas: str | bool | None = None,
                 link_cache: str | None = None, article_batches: int = 4, ocr: str = "auto") -> steps.IngestResult:
    """Split one issue PDF, extract the articles (mapped, in `article_batches` batches spread
    over the task runner's workers), write all outputs atomically. The steps' warnings go to
    the run's log and a `warnings-<issue-id>` artifact; a published folder that lacks one of
    its outputs (an XML record or report.html that could not be written) ends the run Failed
    with `IncompleteOutput` naming the files and why."""
    from flows.inbox_steps import sha256_file
    start = time.perf_counter()
    load_settings(journal)  # fail fast on a bad settings file
    if not Path(pdf).is_file():
        from parsers.errors import MissingFile
        raise MissingFile(pdf, "no such file")
    with run_warnings() as warned:  # the steps' logged warnings: into this run's log and an artifact
        sha = sha256_file(Path(pdf))
        doc = read_issue(pdf, sha)
        doc.path = Path(pdf)  # a cached Document may come from the same bytes under another name
        glyphs = fill_unnamed_glyphs(doc, ocr)  # (trusted pages' glyphs no font names, from the page images)
        numbers, undrawable = ocr_pages.ocr_plan(doc, ocr)
        pages = [ocr_page.submit(pdf, sha, n) for n in numbers]
        for n, boxes in zip(numbers, pages):
            ocr_pages.apply_ocr(doc.pages[n - 1], boxes.result())
        after = ("; OCR found no text either" if numbers else "") + (f" ({undrawable})" if undrawable else "")
        check_readable(doc, after=after)
        if numbers:  # the split and the articles depend on what OCR read: cached apart
            sha = f"{sha}-ocr-{ocr}"
        if glyphs:
            sha = f"{sha}-glyphs"
        if add_margin_folios(doc, ocr):  # (folios read from the page images: cached apart too)
            sha = f"{sha}-margins"
        plan = split_issue(Held(doc), sha)
        futures = [extract_articles.submit(Held(plan), ks, sha)
                   for ks in batches(len(plan.split.spans), article_batches)]
        articles = [a for f in futures for a in f.result()]
        issue = assemble(Held(doc), Held(plan), Held(articles), journal)
        writer = write_outputs if links else write_outputs.with_options(retries=0)
        target = Path(writer(Held(issue), pdf, out, journal, links, force, schemas, link_cache))
        publish_artifacts(issue, target)
        missing = missing_outputs(target, issue, links=links, report=True,
                                  crossref=crossref_expected(issue, journal))
    publish_warnings(artifact_key("warnings", issue.issue_id), f"Warnings of {issue.issue_id}", warned, missing)
    if missing:  # the folder is published (the rest is worth having), but the run must not look done
        raise IncompleteOutput(target, incomplete_reason(target, missing, warned))
    return steps.IngestResult(issue, target, time.perf_counter() - start)


def run_ingest(pdf: str, out: str = "output", *, dask_address: str = "", max_workers: int = 4,
               **params: Any) -> steps.IngestResult:
    """`ingest_issue` on Dask (address or $JOURNAL_INGEST_DASK_ADDRESS) or a local pool."""
    from flows.runners import task_runner
    return ingest_issue.with_options(task_runner=task_runner(dask_address, max_workers))(pdf, out, **params)


# ---- artifacts ------------------------------------------------------------------------------


def artifact_key(*parts: str) -> str:
    """Prefect artifact keys: lowercase letters, digits and dashes only."""
    return re.sub(r"[^a-z0-9-]+", "-", "-".join(parts).lower()).strip("-")


def article_rows(issue: Issue) -> list[dict[str, Any]]:
    rows = []
    for a in issue.articles:
        rows.append({
            "id": a.id, "pages": f"{a.pdf_pages[0]}-{a.pdf_pages[1]}" if a.pdf_pages else "",
            "printed": f"{a.fpage}-{a.lpage}", "title": a.title.zh or a.title.en,
            "authors": len(a.contributors), "doi": a.doi or "", "citations": len(a.citations),
            "warnings": ", ".join(w.code for w in a.warnings),
        })
    return rows


def links_markdown(issue_id: str, links_json: Path) -> str:
    """Verdict counts and the URLs that need attention, from links.json."""
    if not links_json.exists():
        return f"# Links of {issue_id}\n\nNot checked (links disabled).\n"
    data = json.loads(links_json.read_text(encoding="utf-8"))
    results = data.get("links") or []
    counts: dict[str, int] = {}
    for r in results:
        counts[r.get("verdict", "?")] = counts.get(r.get("verdict", "?"), 0) + 1
    lines = [f"# Links of {issue_id}", "", "| verdict | URLs |", "|---|---|"]
    lines += [f"| {v} | {n} |" for v, n in sorted(counts.items())] or ["| (no cited URLs) | 0 |"]
    bad = [r for r in results if r.get("verdict") not in ("ok", "redirected")]
    if bad:
        lines += ["", "## Needing attention", ""]
        lines += [f"- `{r.get('verdict')}` {r.get('url')} {r.get('error') or ''}".rstrip() for r in bad[:50]]
    return "\n".join(lines) + "\n"


def publish_artifacts(issue: Issue, target: Path) -> None:
    """Articles table, link verdicts, and links to the output files, on the flow run."""
    iid = issue.issue_id
    create_table_artifact(article_rows(issue), key=artifact_key("articles", iid),
                          description=f"{iid}: {len(issue.articles)} articles; issue warnings: "
                                      + (", ".join(w.code for w in issue.warnings) or "none"))
    create_markdown_artifact(links_markdown(iid, target / "links.json"), key=artifact_key("links", iid),
                             description=f"cited-URL verdicts of {iid}")
    files = ["issue.json", "crossref.xml", "links.json", "links.txt"]
    md = [f"# Outputs of {iid}", "", f"Folder: `{target.resolve()}`", ""]
    md += [f"- [{name}]({(target / name).resolve().as_uri()})" for name in files if (target / name).exists()]
    md += [f"- [{a.id}/article.pdf]({(target / 'articles' / a.id / 'article.pdf').resolve().as_uri()})"
           for a in issue.articles]
    create_markdown_artifact("\n".join(md) + "\n", key=artifact_key("outputs", iid),
                             description=f"output files of {iid}")
    create_link_artifact((target / "issue.json").resolve().as_uri(), link_text=f"{iid}/issue.json",
                         key=artifact_key("issue-json", iid))
