"""`journal-ingest validate PATH…`: check JATS or Crossref files against the official schemas.

The kind of each file is detected from its root element (JATS `<article>`, 1.3 or 1.4 by
`dtd-version`; Crossref 5.3.1 `<doi_batch>`). Besides the XSD, the checks PMC, JATS4R and
Crossref make are run (xml:lang on translated elements, one language per keyword group,
publication-type on citations, access dates inside citations; one DOI prefix per batch,
numeric pages, title lengths). Each problem is printed as `FILE:LINE: [rule] message`.
A directory is searched for article.xml and crossref.xml files.

Exit status: 0 when every file is valid, 1 when any is not.

Examples:

    journal-ingest validate output/2095-3453-2023-6/crossref.xml
    journal-ingest validate output/2095-3453-2023-6 --schemas ~/schemas
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "validate",
        help="validate JATS or Crossref XML files",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="XML files or folders")
    p.add_argument("--schemas", type=Path, metavar="DIR", help="directory holding the official XSDs")
    p.set_defaults(func=run)


def expand(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*.xml") if p.name in ("article.xml", "crossref.xml")))
        else:
            out.append(path)
    return out


def run(args: argparse.Namespace) -> int:
    from schemas import xmlcheck

    schema_dir = xmlcheck.find_schema_dir(args.schemas)
    if schema_dir is None:
        xmlcheck.warn_no_schemas()
        print("warning: XSD validation skipped (no schemas found); only the extra checks ran", file=sys.stderr)
    files = expand(args.paths)
    if not files:
        print("journal-ingest: nothing to validate", file=sys.stderr)
        return 1
    bad = 0
    for path in files:
        report = xmlcheck.validate_file(path, schema_dir=schema_dir or False)
        if report.ok:
            print(f"{path}: valid ({report.kind}{'' if report.schema_checked else ', XSD skipped'})")
            continue
        bad += 1
        for problem in report.problems:
            line = problem.line if problem.line else "?"
            print(f"{path}:{line}: [{problem.rule}] {problem.message}")
    if bad:
        print(f"{bad} of {len(files)} file(s) invalid", file=sys.stderr)
    return 1 if bad else 0
