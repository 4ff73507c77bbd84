"""`journal-ingest report DIR/<issue-id>`: the review page for an editor, one HTML file.

Writes DIR/<issue-id>/report.html: an issue summary (counts, warnings, link verdicts,
deposit states), then per article the first page as an image beside the extracted fields,
warnings highlighted, the citations with their link verdicts and archived copies, and the
DOI's deposit state. The file is self-contained (images inline, no scripts, no requests),
so it can be mailed or opened from a shared folder.

Reads issue.json (required), links.json (if `journal-ingest links` ran), the article PDFs
and the deposit ledger (if a deposit was made). `ingest` writes the same page.

examples:
  journal-ingest report output/2095-3453-2023-6
  journal-ingest report output/2095-3453-2023-6 --ledger deposits.sqlite3 --out /tmp/review.html
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("report", help="write the issue's review page (report.html)",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("issue_dir", type=Path, metavar="DIR/<issue-id>", help="an issue folder holding issue.json")
    p.add_argument("--out", type=Path, metavar="FILE", help="write here instead of DIR/<issue-id>/report.html")
    p.add_argument("--ledger", metavar="FILE",
                   help="deposit ledger to read states from (default: $JOURNAL_INGEST_LEDGER, "
                        "else deposit-ledger.sqlite3 beside the issue folder)")
    p.add_argument("--width", type=int, default=360, metavar="PX",
                   help="width of the first-page images in pixels (default: %(default)s)")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from parsers.errors import BadConfig, MissingFile
    from review.report import REPORT_NAME, gather, save

    if not args.issue_dir.is_dir():
        raise MissingFile(args.issue_dir, "not an issue folder")
    if not 50 <= args.width <= 2000:
        raise BadConfig("--width", f"{args.width} px is outside 50–2000")
    start = time.perf_counter()
    data = gather(args.issue_dir, ledger=args.ledger, image_width=args.width)
    path = save(data, args.out or args.issue_dir / REPORT_NAME)
    for note in data.problems:
        print(f"journal-ingest: warning: {note}", file=sys.stderr)
    if not args.quiet:
        size = path.stat().st_size
        print(f"{path}: {len(data.articles)} articles, {data.warning_count} warnings, "
              f"{size / 1024:.0f} kB in {time.perf_counter() - start:.1f}s")
    return 0
