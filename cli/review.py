"""`journal-ingest review DIR/<issue-id>`: the editor's workbench, a local web page.

Starts a web app on 127.0.0.1 (a free port unless --port says) and prints its URL. The
page lists the articles with how many fields are flagged (extraction unsure, or named by a
warning) and how many warnings each has; per article it shows the pages of article.pdf
(page by page, zoom 50–300%) beside every field of the record, flagged ones first, each
with its type (lists one item per line, dates as YYYY-MM-DD, choices as a menu). A save
goes through the same checks and rebuilds the same files as `journal-ingest edit`
(issue.json, article.xml, crossref.xml, the PDF's document info, report.html), logs to
corrections.jsonl, and is refused with the error beside the field, or, when someone else
saved the article meanwhile, with the other change shown (no lost update). With a
doi_pattern in the journal settings, a button assigns DOIs to the articles without one.
The deposit page shows each DOI's state in the deposit ledger and what changed since it was
registered, and its approve button runs `journal-ingest deposit` (the test system unless
production is chosen and confirmed; credentials from the environment as for `deposit`).

Pass the journal settings the issue was ingested with (--journal): crossref.xml is rebuilt
from them. Listening beyond loopback (--host 0.0.0.0) needs the access token printed in
the URL. Stop with Ctrl-C.

examples:
  journal-ingest review output/2095-3453-2023-6 --journal journal.toml
  journal-ingest review output/2095-3453-2023-6 --journal journal.toml --port 8765
  journal-ingest review output/2095-3453-2023-6 --journal journal.toml --host 0.0.0.0   # prints a URL with a token
"""
from __future__ import annotations

import argparse
import ipaddress
import secrets
import socket
import sys
import threading
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("review", help="the editor's workbench: see and correct an issue in a local web page",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("issue_dir", type=Path, metavar="DIR/<issue-id>", help="an issue folder holding issue.json")
    p.add_argument("--journal", type=Path, metavar="FILE", help="journal settings (TOML) the issue was ingested with")
    p.add_argument("--schemas", type=Path, metavar="DIR", help="directory holding the official XSDs")
    p.add_argument("--ledger", metavar="FILE", help="deposit ledger (default as for `journal-ingest deposit`)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s, this machine only)")
    p.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    p.set_defaults(func=run)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening socket (port 0: the system picks a free one); BadConfig when taken."""
    from parsers.errors import BadConfig

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise BadConfig(f"{host}:{port}", f"cannot listen there ({exc.strerror})") from None
    sock.listen(64)
    sock.set_inheritable(True)
    return sock


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from parsers.errors import BadConfig, MissingFile
    from review.app import create_app, warm_up
    from schemas.settings import load_settings

    if not args.issue_dir.is_dir():
        raise MissingFile(args.issue_dir, "not an issue folder")
    if not 0 <= args.port <= 65535:
        raise BadConfig("--port", f"{args.port} is not a port")
    settings = load_settings(args.journal) if args.journal else None
    token = "" if is_loopback(args.host) else secrets.token_urlsafe(18)
    app = create_app(args.issue_dir, settings=settings, schemas_dir=args.schemas, ledger=args.ledger, token=token)
    sock = bind(args.host, args.port)
    port = sock.getsockname()[1]
    shown = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    threading.Thread(target=warm_up, args=(settings, args.schemas), daemon=True).start()
    print(f"review app for {args.issue_dir} at {url}", flush=True)
    if token:
        print("listening beyond this machine: the URL carries the access token; anyone with it can edit",
              file=sys.stderr, flush=True)
    if settings is None:
        print("journal-ingest: note: no --journal: saves are refused where crossref.xml exists (it would go stale)",
              file=sys.stderr, flush=True)
    from parsers.render_fonts import INSTALL_HINT, can_draw_cjk
    if not can_draw_cjk():  # (page images would lack the Chinese text of fonts a PDF does not embed)
        print(f"journal-ingest: note: this machine has no CJK font: Chinese text in fonts a PDF does not embed is "
              f"missing from the page images; {INSTALL_HINT}", file=sys.stderr, flush=True)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])
    return 0
