"""`journal-ingest corrections`: what editors corrected in an issue, and the corrected record
as a truth file for the regression set.

`list` prints corrections.jsonl, one line per change. `export` writes the corrected issue
record in the truth format of ../shared/real/zh_more/truth/ (keys the page does not print
left out); with --only-corrected, per article only the fields an editor corrected, plus
pdf_pages to match the article by. Put the file beside the issue PDF's copy under
../shared/real and name it `<pdf stem>.truth.json`.

examples:
  journal-ingest corrections list output/2095-3453-2023-6
  journal-ingest corrections export output/2095-3453-2023-6 --out issue.truth.json
  journal-ingest corrections export output/2095-3453-2023-6 --only-corrected --out issue.truth.json
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("corrections", help="list an issue's corrections, or export the corrected record as truth",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("action", choices=["list", "export"])
    p.add_argument("issue_dir", type=Path, metavar="DIR/<issue-id>", help="an issue folder holding issue.json")
    p.add_argument("--out", type=Path, metavar="FILE", help="export: write here (default: standard output)")
    p.add_argument("--only-corrected", action="store_true", help="export: only the fields an editor corrected")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from parsers.errors import MissingFile
    from review.edit import read_corrections
    from review.truth import truth_record
    from schemas.record import write_atomic

    if not args.issue_dir.is_dir():
        raise MissingFile(args.issue_dir, "not an issue folder")
    if args.action == "list":
        for c in read_corrections(args.issue_dir):
            old, new = (json.dumps(c[k], ensure_ascii=False) for k in ("old", "new"))
            print(f"{c['time']} {c['editor']}: {c['article']} {c['field']}: {old} -> {new}")
        return 0
    text = json.dumps(truth_record(args.issue_dir, only_corrected=args.only_corrected), ensure_ascii=False, indent=1) + "\n"
    if args.out:
        write_atomic(args.out, text.encode("utf-8"))
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
