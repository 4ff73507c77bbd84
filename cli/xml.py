"""`journal-ingest xml DIR/<issue-id>`: rewrite the JATS and Crossref files from issue.json.

Run it after editing `issue.json`. Writes `articles/<id>/article.xml` (JATS 1.3) for every
article, with each cited URL's verdict and archived copy from `links.json` when the folder
has one, and `crossref.xml` (Crossref 5.3.1) for the articles that have a DOI; each file is
validated against the official schemas first and replaced atomically. The deposit's
timestamp increases on every run.

Schemas are found through --schemas, the JOURNAL_INGEST_SCHEMAS environment variable, or
../shared/schemas; without them validation is skipped with a warning.

Examples:

    journal-ingest xml output/2095-3453-2023-6 --journal journal.toml
    journal-ingest xml output/2095-3453-2023-6 --journal journal.toml --schemas ~/schemas
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "xml",
        help="write JATS per article and a Crossref deposit from issue.json",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("issue_dir", type=Path, metavar="DIR/ISSUE-ID", help="an issue folder holding issue.json")
    p.add_argument("--journal", type=Path, metavar="FILE", help="journal settings (TOML)")
    p.add_argument("--schemas", type=Path, metavar="DIR", help="directory holding the official XSDs")
    p.add_argument("--timestamp", type=int, metavar="N", help=argparse.SUPPRESS)  # reproducible output
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from parsers.errors import SchemaInvalid
    from schemas.settings import load_settings
    from schemas.write_xml import generate_issue_xml

    settings = load_settings(args.journal)
    result = generate_issue_xml(args.issue_dir, settings, timestamp=args.timestamp, schemas_dir=args.schemas)
    for path in result.written:
        print(f"wrote {path}")
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if not result.validated:
        print("warning: XSD validation skipped (no schemas found)", file=sys.stderr)
    if result.errors:
        raise SchemaInvalid(args.issue_dir, f"{len(result.errors)} file(s) not written:\n" + "\n".join(result.errors))
    return 0
