"""`journal-ingest serve`: run the flows as Prefect deployments, with schedules.

`process_inbox` runs on `[orchestration] inbox_cron` and `recheck_links` on
`recheck_cron` (in `timezone`); `ingest_issue` and `deposit_issue` are served without a
schedule, to be started from the Prefect UI or `prefect deployment run`. This process
executes the runs itself (`prefect.serve`), so it must stay up: run it under systemd or
similar. Schedules live in a Prefect server, so one must be running and PREFECT_API_URL
must point at it:

    prefect server start                                   # UI and API on :4200
    export PREFECT_API_URL=http://127.0.0.1:4200/api
    journal-ingest serve --journal /srv/journal/journal.toml

Teams that run work pools and workers instead use `prefect deploy` with prefect.yaml.
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from parsers.errors import BadConfig

EXAMPLES = """examples:
  journal-ingest serve --journal journal.toml
  journal-ingest serve --journal journal.toml --dry-run      # print the deployments, start nothing
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the flows as Prefect deployments with cron schedules",
                       description=__doc__, epilog=EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--journal", type=Path, default=None,
                   help="journal settings TOML; its [orchestration] table has the schedules and folders")
    p.add_argument("--limit", type=int, default=None, help="flow runs executed at once by this process")
    p.add_argument("--dry-run", action="store_true", help="print the deployments and exit")
    p.set_defaults(func=run)


def build_deployments(settings_file: Path | None) -> list:
    """The four deployments; the settings file is passed by absolute path (a served run's
    working directory is not the shell's)."""
    from prefect.schedules import Cron

    from flows.deposit_flow import deposit_issue
    from flows.inbox import process_inbox
    from flows.ingest import ingest_issue
    from flows.recheck import recheck_links
    from schemas.orchestration import load_orchestration

    cfg = load_orchestration(settings_file)  # validates before anything is registered
    settings = str(settings_file.resolve()) if settings_file else None
    out = str(cfg.out.resolve())
    return [
        process_inbox.to_deployment(name="inbox", parameters={"settings": settings},
                                    schedules=[Cron(cfg.inbox_cron, timezone=cfg.timezone)],
                                    description=f"new PDFs in {cfg.inbox.resolve()} -> {out}"),
        recheck_links.to_deployment(name="recheck", parameters={"settings": settings},
                                    schedules=[Cron(cfg.recheck_cron, timezone=cfg.timezone)],
                                    description=f"re-check cited URLs of every issue in {out}"),
        ingest_issue.to_deployment(name="on-demand", parameters={"out": out, "journal": settings,
                                                                 "link_cache": str(cfg.link_cache.resolve())},
                                   description="one issue PDF (give `pdf`)"),
        deposit_issue.to_deployment(name="on-demand", parameters={"journal": settings}, description="deposit one issue folder (give `issue_dir`)"),
    ]


def run(args: argparse.Namespace) -> int:
    deployments = build_deployments(args.journal)
    if args.dry_run:
        for d in deployments:
            cron = ", ".join(s.schedule.cron for s in d.schedules) or "on demand"
            print(f"{d.flow_name}/{d.name}: {cron}  {d.parameters}")
        return 0
    if not os.environ.get("PREFECT_API_URL"):
        raise BadConfig("PREFECT_API_URL", "not set: schedules need a Prefect server; run `prefect server start` "
                                           "and export PREFECT_API_URL=http://127.0.0.1:4200/api")
    from prefect import serve
    serve(*deployments, limit=args.limit)
    return 0
