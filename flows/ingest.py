"""Prefect flow `ingest_issue`: the same steps as `flows.steps`, as tasks.

Tasks are thin wrappers over plain functions in parsers/ and schemas/; only this module
knows about retries, caching and concurrency. The CLI runs the plain functions in-process
unless a Prefect API is configured (see README: "Prefect or in-process").
"""
from __future__ import annotations

from pathlib import Path

from prefect import flow, task, unmapped
from prefect.cache_policies import NONE as NO_CACHE

from flows import steps
from flows.extras import after_extract_hook
from parsers.extract import Plan, assemble_issue, extract_one, plan_issue
from parsers.textlayer import Document
from schemas.model import Article, Issue
from schemas.settings import load_settings


@task(cache_policy=NO_CACHE)
def read_issue(pdf: str) -> Document:
    return steps.read_pdf(Path(pdf))


@task(cache_policy=NO_CACHE)
def split_issue(doc: Document) -> Plan:
    return plan_issue(doc)


@task(cache_policy=NO_CACHE)
def extract_article(plan: Plan, k: int) -> Article:
    return extract_one(plan, k)


@task(cache_policy=NO_CACHE)
def assemble(doc: Document, plan: Plan, articles: list[Article], journal: str | None) -> Issue:
    return assemble_issue(doc, plan, articles, load_settings(journal))


@task(cache_policy=NO_CACHE)
def write_outputs(issue: Issue, pdf: str, out: str, journal: str | None, links: bool, force: bool,
                  schemas: str | None | bool) -> str:
    hook = after_extract_hook(Path(journal) if journal else None, links=links,
                              schemas=Path(schemas) if isinstance(schemas, str) else schemas)
    return str(steps.write_outputs(issue, Path(pdf), Path(out), force=force, after_extract=hook))


@flow(name="ingest_issue", log_prints=True)
def ingest_issue(pdf: str, out: str = "output", journal: str | None = None, links: bool = True,
                 force: bool = False, schemas: str | bool | None = None) -> steps.IngestResult:
    """Split one issue PDF, extract every article (mapped), write all outputs atomically."""
    import time
    start = time.perf_counter()
    load_settings(journal)  # fail fast on a bad settings file
    doc = read_issue(pdf)
    plan = split_issue(doc)
    futures = extract_article.map(unmapped(plan), list(range(len(plan.split.spans))))
    articles = [f.result() for f in futures]
    issue = assemble(doc, plan, articles, journal)
    target = write_outputs(issue, pdf, out, journal, links, force, schemas)
    return steps.IngestResult(issue, Path(target), time.perf_counter() - start)
