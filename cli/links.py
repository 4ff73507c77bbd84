"""`journal-ingest links DIR/<issue-id>`: check the issue's cited URLs, find archived copies.

Writes `links.json` (one record per distinct URL: verdict, status, redirects, error,
archived copy nearest the access date) and `links.txt` (a summary for editors) into the
issue folder. Then the issue's JATS files (articles/<id>/article.xml) are brought up to
date: each checked URL's verdict and archived copy in its citation replace the ones of the
previous check (only those notes change; validated, then replaced atomically). Pass
--no-xml to leave the XML alone. The issue's report.html, if any, is rewritten last with
the new verdicts.

Examples:

    journal-ingest links output/1000-0000-2024-3
    journal-ingest links output/1000-0000-2024-3 --per-host 1 --min-gap 2 --browser-ua
    journal-ingest links output/1000-0000-2024-3 --archive http://pywb.example.edu:8080/coll \
        --archive-api cdx --archive-path /cdx --archive-replay http://pywb.example.edu:8080/coll
    journal-ingest links output/1000-0000-2024-3 --archive-api timegate
"""
from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path

from checks import defaults


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "links",
        help="check cited URLs and look up archived copies",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("issue_dir", type=Path, metavar="DIR/ISSUE-ID",
                   help="an issue folder holding issue.json")
    p.add_argument("--cache", type=Path, default=Path("output/links-cache.sqlite"),
                   metavar="FILE", help="SQLite result cache (default: %(default)s)")
    p.add_argument("--no-cache", action="store_true",
                   help="use no cache (then nothing is ever confirmed dead)")
    p.add_argument("--max-age", type=float, default=7, metavar="DAYS",
                   help="reuse cached final verdicts younger than this (default: %(default)s)")
    p.add_argument("--confirm-after", type=float, default=3, metavar="DAYS",
                   help="a URL is dead only after failing on runs this far apart "
                        "(default: %(default)s)")
    p.add_argument("--archive", default="https://archive.org", metavar="URL",
                   help="web archive to ask for archived copies (default: %(default)s, the "
                        "Internet Archive, whose CDX and TimeGate live on web.archive.org)")
    p.add_argument("--archive-api", "--archive-mode", dest="archive_api",
                   choices=["available", "cdx", "timegate", "redirect"], default="available",
                   help="how to ask: the Wayback availability API (default), the CDX index "
                        "(nearest capture that is not an error page), a Memento TimeGate "
                        "(RFC 7089), or the web/<date>/<url> redirect")
    p.add_argument("--archive-path", metavar="PATH",
                   help="the API's path below --archive (default: /wayback/available, "
                        "/cdx/search/cdx, /web, /web)")
    p.add_argument("--archive-replay", metavar="URL",
                   help="prefix of capture links built from CDX rows (default: ARCHIVE/web)")
    p.add_argument("--archive-for", choices=["all", "broken"], default="all",
                   help="look up copies for all URLs (default) or only broken ones")
    p.add_argument("--no-archive", action="store_true", help="do not ask an archive")
    p.add_argument("--timeout", type=float, default=defaults.READ_TIMEOUT, metavar="S",
                   help="read timeout per request in seconds (default: %(default)s)")
    p.add_argument("--connect-timeout", type=float, default=defaults.CONNECT_TIMEOUT, metavar="S",
                   help="connect timeout in seconds (default: %(default)s)")
    p.add_argument("--per-host", type=int, default=defaults.PER_HOST, metavar="N",
                   help="requests in flight per host (default: %(default)s)")
    p.add_argument("--min-gap", type=float, default=defaults.MIN_GAP, metavar="S",
                   help="seconds between request starts on one host (default: %(default)s)")
    p.add_argument("--workers", type=int, default=defaults.WORKERS, metavar="N",
                   help="hosts checked at once (default: %(default)s)")
    p.add_argument("--retries", type=int, default=defaults.RETRIES, metavar="N",
                   help="retries for timeouts, resets, 5xx and 429 (default: %(default)s)")
    p.add_argument("--max-redirects", type=int, default=defaults.MAX_REDIRECTS, metavar="N",
                   help="redirects followed (default: %(default)s)")
    ua = p.add_mutually_exclusive_group()
    ua.add_argument("--user-agent", metavar="UA",
                    help="User-Agent to send (default: one naming journal-ingest)")
    ua.add_argument("--browser-ua", action="store_true",
                    help="send a common browser User-Agent instead of the tool's own")
    p.add_argument("--no-soft404", action="store_true", help="skip soft-404 detection")
    p.add_argument("--no-xml", action="store_true",
                   help="do not update the link notes in the issue's JATS files")
    p.add_argument("--schemas", type=Path, metavar="DIR",
                   help="directory holding the official XSDs, to validate the updated JATS")
    p.add_argument("-q", "--quiet", action="store_true", help="print no progress")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from checks.links import (
        BROWSER_USER_AGENT,
        DEFAULT_USER_AGENT,
        LinkSettings,
        check_issue_links,
    )

    settings = LinkSettings(
        user_agent=args.user_agent or (BROWSER_USER_AGENT if args.browser_ua
                                       else DEFAULT_USER_AGENT),
        connect_timeout=args.connect_timeout,
        read_timeout=args.timeout,
        per_host=args.per_host,
        min_gap=args.min_gap,
        workers=args.workers,
        retries=args.retries,
        max_redirects=args.max_redirects,
        cache_path=None if args.no_cache else args.cache,
        max_age=timedelta(days=args.max_age),
        confirm_after=timedelta(days=args.confirm_after),
        archive_endpoint=None if args.no_archive else args.archive,
        archive_api=args.archive_api,
        archive_path=args.archive_path,
        archive_replay=args.archive_replay,
        archive_for=args.archive_for,
        soft404=not args.no_soft404,
    )

    def progress(done: int, total: int, result) -> None:
        if not args.quiet and sys.stderr.isatty():
            print(f"\r{done}/{total} checked", end="" if done < total else "\n",
                  file=sys.stderr, flush=True)

    path = check_issue_links(args.issue_dir, settings, progress)
    print((path.parent / "links.txt").read_text(encoding="utf-8"), end="")
    print(f"wrote {path}")
    try:
        if not args.no_xml:
            return _refresh_xml(args.issue_dir, args.schemas)
        return 0
    finally:  # the review page shows the verdicts just found, not "not checked"
        _refresh_report(args.issue_dir)


def _refresh_report(issue_dir: Path) -> None:
    """Rewrite the issue's report.html, when it has one, with the verdicts just found."""
    from flows.extras import report_step

    target = Path(issue_dir) / "report.html"
    if target.is_file() and report_step(Path(issue_dir)) is None:  # a failure is logged by report_step
        print(f"wrote {target}")


def _refresh_xml(issue_dir: Path, schemas: Path | None) -> int:
    """Bring the JATS files' link notes up to date with the links.json just written."""
    from parsers.errors import SchemaInvalid
    from schemas.write_xml import refresh_link_notes

    if not list(Path(issue_dir).glob("articles/*/article.xml")):
        print("no JATS files to update (run `journal-ingest xml` to write them)")
        return 0
    result = refresh_link_notes(issue_dir, schemas_dir=schemas)
    for target in result.written:
        print(f"updated {target}")
    if not result.written and not result.errors:
        print("JATS link notes already up to date")
    if not result.validated:
        print("warning: XSD validation skipped (no schemas found)", file=sys.stderr)
    if result.errors:
        raise SchemaInvalid(issue_dir, f"{len(result.errors)} JATS file(s) not updated:\n"
                            + "\n".join(result.errors))
    return 0
