"""`journal-ingest ingest`: one issue PDF -> DIR/<issue-id>/ (records, article PDFs, XML, links)."""
from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path

from cli.progress import Progress

log = logging.getLogger("journal_ingest")

EXAMPLES = """examples:
  journal-ingest ingest issue.pdf
  journal-ingest ingest issue.pdf --out /srv/journal/output --journal journal.toml
  journal-ingest ingest issue.pdf --no-links --force
  journal-ingest ingest scanned.pdf --ocr always      # read every page from its image

Pages whose text layer cannot be trusted (a scan with no text, glyph names, a letter-
substitution or garbled OCR layer) are read by OCR (RapidOCR, models inside the wheel);
issue.json source.pages_ocr lists them with the reason. OCR results are cached by the
PDF's sha256 and page ($JOURNAL_INGEST_OCR_CACHE, else ~/.cache/journal-ingest/ocr).

Writes DIR/<issue-id>/issue.json, articles/<id>/article.pdf (+ article.xml), crossref.xml,
links.json and report.html (the editors' review page). <issue-id> is ISSN-year-issue when known (2095-3453-2023-6), else the PDF's stem.
The steps run in this process; set PREFECT_API_URL (or pass --prefect) to run them as the
Prefect flow `ingest_issue` instead, with identical outputs.
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="split an issue PDF and extract every article's metadata",
                       description=__doc__, epilog=EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("pdf", type=Path, help="the issue PDF (a single-article PDF is an issue of one article)")
    p.add_argument("--out", type=Path, default=Path("output"), help="output folder (default: output)")
    p.add_argument("--journal", type=Path, default=None, help="journal settings TOML (publisher, DOI prefix, URL pattern, depositor)")
    p.add_argument("--no-links", action="store_true", help="do not check cited URLs")
    p.add_argument("--no-report", action="store_true", help="do not write report.html (make it later with `journal-ingest report`)")
    p.add_argument("--force", action="store_true", help="replace an existing output folder (the old one is kept aside)")
    p.add_argument("--workers", type=int, default=None, help="processes for the text layer (default: all cores)")
    p.add_argument("--schemas", type=Path, default=None, help="folder with the Crossref/JATS XSDs (default: $JOURNAL_INGEST_SCHEMAS or ../shared/schemas)")
    p.add_argument("--validate", action="store_true",
                   help="validate the XML against the Crossref/JATS XSDs now (compiling them takes ~6 s; "
                        "`journal-ingest validate` and `deposit` always do)")
    p.add_argument("--prefect", action="store_true", help="run as the Prefect flow even without PREFECT_API_URL")
    p.add_argument("--ocr", choices=("auto", "always", "never"), default="auto",
                   help="OCR the pages whose text layer is not trusted (auto, default), every page (always), "
                        "or none: an image-only or unreadable PDF is then an error (never)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def summary(issue, out_dir: Path, seconds: float) -> str:
    warnings = sum(len(a.warnings) for a in issue.articles) + len(issue.warnings)
    cites = sum(len(a.citations) for a in issue.articles)
    from parsers.errors import quote_name  # a name with a newline or undecodable bytes stays on one line

    return (f"{quote_name(issue.source.file)}: {len(issue.articles)} articles, {cites} citations, "
            f"{warnings} warnings, {issue.source.pages} pages in {seconds:.1f}s -> {quote_name(out_dir)}")


def run(args: argparse.Namespace) -> int:
    if args.prefect or os.environ.get("PREFECT_API_URL"):
        from flows.ingest import ingest_issue
        result = ingest_issue(str(args.pdf), str(args.out), str(args.journal) if args.journal else None,
                              links=not args.no_links, force=args.force, ocr=args.ocr,
                              schemas=(str(args.schemas) if args.schemas else None) if args.validate else False)
    else:
        from cli import main as console
        from flows.steps import ingest
        from flows.extras import after_extract_hook, render_ahead_step, warm_up
        if console.ENDS_PROCESS:
            # the collector paused for the ingest (flows.steps.collector_paused) stays off: its
            # first pass after it would walk every object of the issue (60 ms on 160 pages)
            # just before the process ends
            import gc
            gc.disable()
        progress = Progress(False if args.quiet else None)
        result = ingest(args.pdf, args.out, args.journal, force=args.force, workers=args.workers, progress=progress,
                        after_extract=after_extract_hook(args.journal, links=not args.no_links,
                                                         schemas=(args.schemas or None) if args.validate else False,
                                                         progress=progress, report=not args.no_report),
                        prepare=lambda: warm_up(links=not args.no_links, report=not args.no_report), ocr=args.ocr,
                        planned=None if args.no_report else render_ahead_step)
    print(summary(result.issue, result.out_dir, result.seconds))
    if not args.validate:
        log.info("XML written without XSD validation (pass --validate, or run `journal-ingest validate`)")
    return 0
