"""The ingest steps as plain functions: what the Prefect flow's tasks call, and what the
CLI runs in-process when no Prefect API is configured (same code, same outputs)."""
from __future__ import annotations

import gc
import logging
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from parsers.article_pdf import article_pdf_bytes, open_reader
from parsers.errors import MissingFile, OutputExists
from parsers.textlayer import Document, read_document
from schemas.model import Issue
from schemas.outdir import Staging, clean_stale_staging, output_folder
from schemas.record import current_umask, flushed_together, write_atomic, write_record
from schemas.settings import JournalSettings, load_settings

log = logging.getLogger("journal_ingest")


@dataclass
class IngestResult:
    issue: Issue
    out_dir: Path
    seconds: float


def read_pdf(pdf: Path, workers: int | None = None, progress: Callable[[int, int], None] | None = None,
             meanwhile: Callable[[], None] | None = None, ocr: str = "never",
             ocr_progress: Callable[[int, int], None] | None = None) -> Document:
    """The text layer; with ocr=auto|always, the pages it cannot be trusted on (or all) read
    by OCR (parsers.ocr), before the no-text / unreadable errors are decided; ocr=defer: the
    caller OCRs (the Prefect flow, one task per page) and then calls check_readable."""
    doc = read_document(pdf, workers=workers, progress=progress, meanwhile=meanwhile, strict=ocr == "never")
    if ocr in ("auto", "always"):
        from parsers.glyph_ocr import fill_unnamed_glyphs
        from parsers.ocr import ocr_document

        fill_unnamed_glyphs(doc, ocr, workers=workers)  # (trusted pages' glyphs no font names)
        ocr_document(doc, ocr, workers=workers, progress=ocr_progress)
        from parsers.margin_ocr import add_margin_folios

        add_margin_folios(doc, ocr)
    return doc


def warm_up() -> None:
    """Import the extraction modules (pypinyin's tables, every field parser) and compile the
    label groups a Chinese header needs: the fixed cost of extraction (about 0.3 s), paid
    while the text layer's workers read pages instead of before, when the other core would
    sit idle. Nothing here imports them at module level for that reason."""
    from parsers import labels
    from parsers import ocr  # noqa: F401  (read_pdf asks it which pages to OCR, right after the read)
    from parsers.extract import build_issue  # noqa: F401  (pypinyin, every field parser)

    # the label groups almost every article needs (the rest compile when a page has them)
    labels.find_labels(["摘要：", "内容提要：", "关键词：", "中图分类号：", "文献标识码：", "文章编号：", "DOI：",
                        "收稿日期：", "基金项目：", "作者简介：", "【摘要】", "[摘要]", "Abstract:", "Key words:",
                        "Keywords:", "Received:", "引用本文：",
                        # (the English block of a Chinese article repeats the codes and the
                        # funding: CAJ-CD B/T 1-2006's "CLC number:", "Foundation item:")
                        "CLC number:", "Foundation item:"])


def extract(doc: Document, settings: JournalSettings, planned: Callable[[list[int]], None] | None = None) -> Issue:
    from parsers.extract import build_issue

    return build_issue(doc, settings, planned=planned)


# below this many articles a second process for the article PDFs costs more than it saves
PARALLEL_MIN_ARTICLES = 8


def stage_outputs(issue: Issue, pdf: Path, staging: Path) -> None:
    """issue.json and articles/<id>/article.pdf into a staging folder."""
    write_article_pdfs(issue, pdf, staging)
    write_record(issue, staging / "issue.json")


def write_article_pdfs(issue: Issue, pdf: Path, staging: Path) -> None:
    reader = open_reader(pdf)
    ocr_boxes = None
    if any(p.ocr for p in issue.source.pages_ocr):  # OCR'd pages get an invisible text layer
        from parsers.ocr import cached_boxes
        ocr_boxes = cached_boxes(issue.source.sha256, [p.page for p in issue.source.pages_ocr if p.ocr])
    for art in issue.articles:
        data = article_pdf_bytes(reader, art, ocr_boxes) if ocr_boxes else article_pdf_bytes(reader, art)
        write_atomic(staging / "articles" / art.id / "article.pdf", data)


def _stage_with(issue: Issue, pdf: Path, staging: Path, after_extract: Callable[..., None] | None,
                workers: int | None) -> None:
    """stage_outputs, then the after-extract steps; with a second core, the article PDFs
    (pure-Python pypdf work) are written by a forked process while this one runs the
    after-extract steps, which read only issue.json and the issue PDF."""
    cores = min(4, os.cpu_count() or 1) if workers is None else workers
    if cores < 2 or len(issue.articles) < PARALLEL_MIN_ARTICLES or not after_extract:
        stage_outputs(issue, pdf, staging)
        if after_extract:
            after_extract(staging, issue, pdf)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    write_record(issue, staging / "issue.json")
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as ex:  # exits only when the child is done
        pdfs = ex.submit(write_article_pdfs, issue, pdf, staging)
        after_extract(staging, issue, pdf)
        pdfs.result()  # re-raises the child's error: no output is published without every PDF


def publish(staging: Path, target: Path, force: bool) -> Path | None:
    """Move the finished staging folder into place; an existing record is kept aside, never lost."""
    kept: Path | None = None
    if target.exists():
        if not force:
            raise OutputExists(target, "output already exists; pass --force to replace it (the old one is kept beside it)")
        kept = target.with_name(f"{target.name}.replaced-{time.strftime('%Y%m%dT%H%M%S')}")
        os.replace(target, kept)
    os.replace(staging, target)
    return kept


def write_outputs(issue: Issue, pdf: Path, out: Path, *, force: bool = False,
                  after_extract: Callable[..., None] | None = None, workers: int | None = 1) -> Path:
    """All outputs into a staging folder, then renamed into `out/<issue-id>`: all or nothing."""
    out.mkdir(parents=True, exist_ok=True)
    target = output_folder(out, issue.issue_id, pdf)  # a checked name, inside `out`
    if target.exists() and not force:
        raise OutputExists(target, "output already exists; pass --force to replace it (the old one is kept beside it)")
    clean_stale_staging(out)  # what killed runs left; never a live run's (schemas/outdir.py)
    stage = Staging(out, issue.issue_id)
    staging = stage.path
    staging.chmod(0o777 & ~current_umask())  # mkdtemp makes 0700; the published folder is shared like any other
    try:
        with flushed_together(staging):  # (each file's own fsync, one after another, waited longer)
            _stage_with(issue, pdf, staging, after_extract, workers)
        kept = publish(staging, target, force)
    except BaseException:
        stage.discard()
        raise
    stage.done(target)
    if kept:
        log.warning("kept the previous output as %s", kept)
    return target


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for one ingest, on again after it.

    An ingest allocates a million small objects (glyphs, lines, records) that all live
    until it ends, so every full collection walks them again and frees nothing: 10% of a
    160-page ingest's CPU. What it leaves behind is freed by reference counting or by the
    next collection after it (a long-running inbox or Prefect worker gets its collector
    back); peak memory moves by under 1 MB (bench/ingest_bench.py)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def ingest(pdf: Path, out: Path, settings_file: Path | None = None, *, force: bool = False,
           workers: int | None = None, progress: Callable[[str, int, int], None] | None = None,
           after_extract: Callable[..., None] | None = None,
           prepare: Callable[[], None] | None = None, ocr: str = "auto",
           planned: Callable[[Path, list[int]], None] | None = None) -> IngestResult:
    """PDF -> DIR/<issue-id>/ with issue.json and one PDF per article, all or nothing.

    prepare: more set-up (the after-extract steps' imports) to do while the pages are read.
    planned: called with the PDF and its articles' first pages once the split is known.
    ocr: auto (the pages whose text layer is not trusted), always, never (parsers.ocr)."""
    start = time.perf_counter()
    settings = load_settings(settings_file)
    pdf = Path(pdf)
    if not pdf.is_file():
        raise MissingFile(pdf, "no such file")
    def meanwhile() -> None:
        warm_up()
        if prepare:
            prepare()

    with collector_paused():
        doc = read_pdf(pdf, workers, (lambda d, t: progress("pages", d, t)) if progress else None, meanwhile,
                       ocr=ocr, ocr_progress=(lambda d, t: progress("ocr", d, t)) if progress else None)
        issue = extract(doc, settings, (lambda firsts: planned(pdf, firsts)) if planned else None)
        target = write_outputs(issue, pdf, Path(out), force=force, after_extract=after_extract, workers=workers)
    return IngestResult(issue, target, time.perf_counter() - start)
