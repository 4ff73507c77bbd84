"""`journal-ingest`: a thin command line over the library functions.

Each command lives in its own module under `cli/` exposing `register(subparsers)`; this
file only wires them and turns `IngestError`s into one-line messages. Heavy imports
(Prefect above all) happen inside the commands, so `--help` and start-up stay fast.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

from parsers import regex_compile
from parsers.errors import IngestError

# the command line's process is ours: each CJK character class is compiled once in it
# (parsers.regex_compile). A program that imports the library is left to decide for itself.
regex_compile.install()

COMMANDS = ["ingest", "xml", "validate", "schemas_cmd", "links", "deposit", "report", "inbox", "serve", "edit", "review", "corrections"]


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser. `command`: its first word; when that is the name of one of
    the COMMANDS modules, only that module is imported and registered (what the others import,
    lxml among them, cost an ingest about 15 ms before its page readers start); any other
    word (an option, "schemas", a typo) gets every command, for help and error messages."""
    parser = argparse.ArgumentParser(
        prog="journal-ingest",
        description="Turn a typeset journal issue PDF into per-article PDFs, metadata "
        "records (issue.json), JATS XML and a Crossref deposit.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in [command] if command in COMMANDS else COMMANDS:
        try:
            module = importlib.import_module(f"cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"cli.{name}":
                continue  # command not built yet
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    parser = build_parser(words[0] if words else None)
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except IngestError as exc:
        print(f"journal-ingest: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:  # a full disk or an unwritable folder: one line, not a traceback
        print(f"journal-ingest: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("journal-ingest: interrupted", file=sys.stderr)
        return 130


# set by the console script, which ends the process as soon as `main` returns (`entry`)
ENDS_PROCESS = False


def entry() -> None:
    """The console script: `main`, then a quick exit.

    Every output is written (atomically) and every worker joined by the time `main`
    returns; what is left is the interpreter freeing each object of a large issue one by
    one (about 0.15 s after 160 pages). A run that used Prefect exits normally, so its
    exit hooks can send what they hold to the API."""
    global ENDS_PROCESS
    ENDS_PROCESS = True
    code = main()
    if "prefect" in sys.modules:
        sys.exit(code)
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    entry()
