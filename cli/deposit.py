"""`journal-ingest deposit` and `journal-ingest deposits`: Crossref deposit and its ledger.

Thin layer over `deposit.workflow`; credentials come only from CROSSREF_LOGIN_ID /
CROSSREF_LOGIN_PASSWD or a chmod-600 credentials file (see `deposit.credentials`).
"""
from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

DEPOSIT_HELP = """\
Validate DIR/<issue-id>/crossref.xml, show what will be registered, ask for approval,
record the submission in the deposit ledger, send it to Crossref (the TEST system unless
--production), poll for the submission log and store each DOI's outcome.

An identical file already submitted or registered is not sent again (--force overrides,
with a new timestamp and batch id written into crossref.xml, the old file kept as .bak).
Earlier submissions left open (e.g. after a crash) are reconciled first, by polling.

The login is Crossref's: email@address.com/role for a personal account, or the role alone
for a shared one. Test-system (test.crossref.org) accounts are separate and set up by
Crossref support. Requests to Crossref never follow redirects; each has an overall
deadline (CROSSREF_DEADLINE, default 300 s).

examples:
  CROSSREF_LOGIN_ID=email@address.com/role CROSSREF_LOGIN_PASSWD=... journal-ingest deposit output/1234-5678-2024-3
  journal-ingest deposit output/1234-5678-2024-3 --yes --production
"""

DEPOSITS_HELP = """\
List DOI states from the deposit ledger (unregistered, submitted, registered, failed,
stale), the submissions, or one DOI's history.

examples:
  journal-ingest deposits output
  journal-ingest deposits --ledger deposits.sqlite3 --history 10.5555/jes.2024.03.001
  journal-ingest deposits output --refresh     # poll Crossref for open submissions
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("deposit", help="deposit an issue's crossref.xml to Crossref (with approval)",
                              description=DEPOSIT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("issue_dir", metavar="DIR/<issue-id>", help="issue folder holding crossref.xml and issue.json")
    p.add_argument("--yes", action="store_true", help="approve without asking (for scripts)")
    p.add_argument("--production", action="store_true", help="deposit to doi.crossref.org instead of the test system")
    p.add_argument("--ledger", metavar="FILE", help="deposit ledger (default: DIR/deposit-ledger.sqlite3)")
    p.add_argument("--force", action="store_true", help="send even an identical file that was already sent")
    p.add_argument("--approver", default=None, help="name recorded as approver (default: login name)")
    p.set_defaults(func=cmd_deposit)

    q = subparsers.add_parser("deposits", help="list deposit states from the ledger",
                              description=DEPOSITS_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    q.add_argument("dir", nargs="?", default=".", metavar="DIR", help="output folder holding the ledger (default .)")
    q.add_argument("--ledger", metavar="FILE", help="deposit ledger file (overrides DIR)")
    q.add_argument("--production", action="store_true", help="production states (default: test)")
    q.add_argument("--issue", help="only this issue id")
    q.add_argument("--submissions", action="store_true", help="list submissions instead of DOIs")
    q.add_argument("--history", metavar="DOI", help="show one DOI's history")
    q.add_argument("--refresh", action="store_true", help="poll Crossref for open submissions first")
    q.set_defaults(func=cmd_deposits)


def _terminal_decider(yes: bool, approver: str):
    from deposit.workflow import APPROVE, REJECT, Decision

    def decide(summary):
        from deposit.review import render_text

        print(render_text(summary))
        print()
        if yes:
            return Decision(APPROVE, approver)
        target = "PRODUCTION" if summary.endpoint == "production" else "TEST"
        try:
            answer = input(f"Deposit {summary.doi_count} DOI(s) to Crossref {target}? [y/N] ").strip().lower()
            if answer in ("y", "yes"):
                return Decision(APPROVE, approver)
            reason = input("Reason for rejecting (recorded in the ledger): ").strip()
        except EOFError:
            return Decision(REJECT, approver, "no answer at the terminal (use --yes in scripts)")
        return Decision(REJECT, approver, reason or "declined at the terminal")

    return decide


def _client(settings, production: bool):
    from deposit.client import CrossrefClient
    from deposit.credentials import load_credentials

    _, base_url = settings.endpoint(production)
    return CrossrefClient(base_url, load_credentials(), retries=settings.retries, backoff=settings.backoff,
                          sleep=settings.sleep, deadline=settings.deadline)


def cmd_deposit(args: argparse.Namespace) -> int:
    from deposit.ledger import open_ledger
    from deposit.settings import load_deposit_settings
    from deposit.workflow import run_deposit
    from parsers.errors import MissingFile

    issue_dir = Path(args.issue_dir)
    if not issue_dir.is_dir():
        raise MissingFile(issue_dir, "not an issue folder")
    settings = load_deposit_settings()
    client = _client(settings, args.production)  # fail on missing credentials before asking anyone
    ledger = open_ledger(settings.ledger_path(issue_dir, args.ledger))
    try:
        report = run_deposit(issue_dir, ledger=ledger, client=client, settings=settings,
                             decide=_terminal_decider(args.yes, args.approver or getpass.getuser()),
                             production=args.production, force=args.force)
    finally:
        ledger.close()
    print(report.text())
    return 0 if report.status in ("registered", "skipped", "pending") else 1


def cmd_deposits(args: argparse.Namespace) -> int:
    from deposit.ledger import open_ledger
    from deposit.settings import LEDGER_NAME, load_deposit_settings
    from deposit.workflow import reconcile
    from parsers.errors import MissingFile

    settings = load_deposit_settings()
    path = Path(args.ledger or settings.ledger or Path(args.dir) / LEDGER_NAME)
    if not path.is_file():
        raise MissingFile(path, "no deposit ledger here (nothing deposited yet?)")
    endpoint = "production" if args.production else "test"
    ledger = open_ledger(path)
    out = sys.stdout
    try:
        if args.refresh:
            for msg in reconcile(ledger, _client(settings, args.production), endpoint=endpoint,
                                 settings=settings, issue_id=args.issue):
                print(msg, file=out)
        if args.history:
            for h in ledger.history(args.history, endpoint):
                sub = f" #{h.submission}" if h.submission is not None else ""
                print(f"{h.at}  {h.state:<12} {h.actor or '-':<12}{sub}  {h.message}", file=out)
            return 0
        if args.submissions:
            for s in ledger.submissions(endpoint=endpoint, issue_id=args.issue):
                counts = f"{s.success_count}/{s.record_count} ok" if s.state == "completed" else ""
                print(f"{s.created_at}  {s.state:<10} {s.file_name}  batch {s.doi_batch_id}  sha256 {s.sha256[:12]}"
                      f"  by {s.approver}  {counts}  {s.note}".rstrip(), file=out)
            return 0
        rows = ledger.list_dois(endpoint=endpoint, issue_id=args.issue)
        if not rows:
            print(f"no DOIs in {path} for the {endpoint} system", file=out)
        for d in rows:
            print(f"{d.state:<12} {d.doi:<40} {d.issue_id:<20} {d.updated_at}  {d.message}".rstrip(), file=out)
        open_subs = ledger.submissions(endpoint=endpoint, states=("recorded",), issue_id=args.issue)
        for s in open_subs:
            print(f"warning: {s.file_name} was recorded but its upload outcome is unknown; "
                  "run `deposit` again or `deposits --refresh` to reconcile", file=out)
    finally:
        ledger.close()
    return 0
