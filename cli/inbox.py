"""`journal-ingest inbox [DIR]`: ingest every new issue PDF dropped into a folder.

Each new PDF (by content: a renamed copy of a processed file is a duplicate and is left
where it is) is ingested into the output folder, then moved to DIR/processed/ or
DIR/failed/ (with a one-line DIR/failed/<name>.error). One bad PDF never stops the others.
The ledger of what was processed is OUT/inbox-ledger.jsonl.
"""
from __future__ import annotations

import argparse
import logging
import os
import time
from pathlib import Path

log = logging.getLogger("journal_ingest")

EXAMPLES = """examples:
  journal-ingest inbox --once                         # one pass over ./inbox into ./output
  journal-ingest inbox /srv/journal/inbox --journal journal.toml
  journal-ingest inbox --once --reprocess             # ingest duplicates too (replaces outputs; old kept aside)

Settings come from the [orchestration] table of the journal settings file (inbox, out,
links, settle_seconds, poll_seconds, ...). Runs in this process; set PREFECT_API_URL (or
pass --prefect) to run the Prefect flow `process_inbox` instead. For scheduled runs see
`journal-ingest serve`.
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("inbox", help="ingest every new issue PDF in an inbox folder",
                       description=__doc__, epilog=EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inbox", type=Path, nargs="?", default=None,
                   help="the inbox folder (default: [orchestration] inbox, else ./inbox)")
    p.add_argument("--journal", type=Path, default=None, help="journal settings TOML ([journal] and [orchestration])")
    p.add_argument("--out", type=Path, default=None, help="output folder (default: [orchestration] out, else ./output)")
    p.add_argument("--once", action="store_true", help="one pass, then exit (default: keep watching)")
    p.add_argument("--reprocess", action="store_true", help="ingest files already processed (by sha256) again")
    p.add_argument("--no-links", action="store_true", help="do not check cited URLs")
    p.add_argument("--prefect", action="store_true", help="run as the Prefect flow even without PREFECT_API_URL")
    p.set_defaults(func=run)


def _plain_ingest(journal: Path | None, out: Path, links: bool):
    from checks.links import LinkSettings
    from flows.extras import after_extract_hook, render_ahead_step
    from flows.steps import ingest

    def run_one(pdf: Path, force: bool) -> Path:
        hook = after_extract_hook(journal, links=links, schemas=False,
                                  link_settings=LinkSettings(cache_path=out / "links-cache.sqlite"))
        return ingest(pdf, out, journal, force=force, after_extract=hook, planned=render_ahead_step).out_dir
    return run_one


def one_pass(args: argparse.Namespace) -> tuple[int, "OrchestrationSettings"]:
    from schemas.orchestration import load_orchestration

    cfg = load_orchestration(args.journal)
    inbox = args.inbox or cfg.inbox
    out = args.out or cfg.out
    links = cfg.links and not args.no_links
    if args.prefect or os.environ.get("PREFECT_API_URL"):
        from flows.inbox import InboxProblems, process_inbox
        try:
            result = process_inbox(str(args.journal) if args.journal else None, str(inbox), str(out),
                                   reprocess=args.reprocess, links=False if args.no_links else None)
        except InboxProblems as exc:  # the run ended Failed; the outcomes per file are still worth printing
            result = exc.summary
        print("\n".join(f"{o['status']:<9} {o['file']}" for o in result["outcomes"]) or f"inbox {inbox}: nothing new")
        return (1 if result["counts"]["failed"] or any(o["error"] for o in result["outcomes"]
                                                       if o["status"] == "processed") else 0), cfg
    from flows.inbox_steps import process_inbox
    summary = process_inbox(inbox, out, _plain_ingest(args.journal, out, links),
                            reprocess=args.reprocess, settle_seconds=cfg.settle_seconds)
    print(summary.text())
    return (1 if summary.counts()["failed"] else 0), cfg


def run(args: argparse.Namespace) -> int:
    """Exit 0 when nothing failed, 1 when some PDF failed (see failed/*.error), 2 on bad setup."""
    code, cfg = one_pass(args)
    while not args.once:
        time.sleep(cfg.poll_seconds)
        code, _ = one_pass(args)
    return code
