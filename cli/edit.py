"""`journal-ingest edit DIR/<issue-id> ARTICLE FIELD VALUE`: correct one field of one article.

The scriptable twin of a save in `journal-ingest review`: the same checks, the same files
rebuilt, the same log. FIELD is a path in the article record (list items count from 1:
`contributors.1` is the first author); VALUE is taken as it is for text fields and is
JSON for lists, objects and numbers; dates are YYYY-MM-DD, and `null` clears a citation's
access date. The value is checked against issue.json's schema and the identifier rules
(DOI, CLC, 文献标识码, 文章编号, ORCID); then article.xml, crossref.xml, the article PDF's
document info and report.html are rebuilt and validated, and only if all are good is
anything written, with the change appended to corrections.jsonl. A bad path, type or value
prints one line and exits 2, leaving every file as it was; a save against an older version
(--if-version) exits 3.

Pass the journal settings the issue was ingested with (--journal): crossref.xml is rebuilt
from them, and without them a folder that has a crossref.xml is not edited (it would go
stale). With `doi_pattern` in the settings, --assign-dois gives every article that has no
DOI one made from the pattern (never replacing a printed or registered DOI).

examples:
  journal-ingest edit output/2095-3453-2023-6 a02 title.en "Japan's Security Strategy" --journal journal.toml
  journal-ingest edit output/2095-3453-2023-6 a02 keywords.zh '["日本", "北约"]' --journal journal.toml --by "Wang Fang"
  journal-ingest edit output/2095-3453-2023-6 a03 contributors.1.name.en "LI Ming" --journal journal.toml
  journal-ingest edit output/2095-3453-2023-6 a03 received 2023-03-15 --journal journal.toml
  journal-ingest edit output/2095-3453-2023-6 a03 citations.2.accessed null --journal journal.toml
  journal-ingest edit output/2095-3453-2023-6 a05 fpage 59 --journal journal.toml
  journal-ingest edit output/2095-3453-2023-6 a02 doi 10.19498/j.cnki.dbyxk.2023.06.014 --journal journal.toml --force
  journal-ingest edit output/2095-3453-2023-6 --assign-dois --journal journal.toml
  journal-ingest edit output/2095-3453-2023-6 a02 --show          # every field path of a02 with its value
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("edit", help="correct one field of an article (issue.json, XML, PDF info, report)",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("issue_dir", type=Path, metavar="DIR/<issue-id>", help="an issue folder holding issue.json")
    p.add_argument("article", nargs="?", metavar="ARTICLE", help="article id (a01, a02, …)")
    p.add_argument("field", nargs="?", metavar="FIELD", help="field path: title.en, keywords.zh, contributors.1.name.en, doi, fpage…")
    p.add_argument("value", nargs="?", metavar="VALUE", help="the new value (JSON for lists, objects and numbers)")
    p.add_argument("--by", metavar="NAME", default="", help="who made the correction (default: the login name)")
    p.add_argument("--journal", type=Path, metavar="FILE", help="journal settings (TOML) the issue was ingested with")
    p.add_argument("--schemas", type=Path, metavar="DIR", help="directory holding the official XSDs")
    p.add_argument("--ledger", metavar="FILE", help="deposit ledger (default as for `journal-ingest deposit`)")
    p.add_argument("--if-version", metavar="V", help="refuse (exit 3) unless the article is still at this version")
    p.add_argument("--force", action="store_true", help="change a DOI the ledger shows registered (Crossref keeps the old one)")
    p.add_argument("--assign-dois", action="store_true", help="give every article without a DOI one from doi_pattern")
    p.add_argument("--show", action="store_true", help="print the article's editable fields and its version; change nothing")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from parsers.errors import BadConfig, MissingFile
    from schemas.settings import load_settings

    if not args.issue_dir.is_dir():
        raise MissingFile(args.issue_dir, "not an issue folder")
    settings = load_settings(args.journal) if args.journal else None
    if args.assign_dois:
        if args.article or args.field or args.value is not None:
            raise BadConfig("--assign-dois", "takes no ARTICLE, FIELD or VALUE")
        return _assign(args, settings)
    if args.show:
        return _show(args)
    if not (args.article and args.field and args.value is not None):
        raise BadConfig("edit", "needs ARTICLE FIELD VALUE (or --assign-dois, or ARTICLE --show); see --help")
    from review.edit import apply_edit

    result = apply_edit(args.issue_dir, args.article, args.field, args.value, editor=args.by,
                        version=args.if_version, settings=settings, schemas_dir=args.schemas,
                        ledger=args.ledger, force=args.force, as_text=True)
    for note in result.notes:
        print(f"journal-ingest: {note if note.startswith('warning:') else 'note: ' + note}", file=sys.stderr)
    change = result.changes[0]
    print(f"{change.article} {change.field}: {_short(change.old)} -> {_short(change.new)} "
          f"(version {result.versions[change.article]}; {len(result.written)} files rebuilt in {result.seconds:.1f}s)")
    return 0


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "…"


def _show(args: argparse.Namespace) -> int:
    from review.edit import article_version, find_article, read_issue_dict
    from review.fields import FieldPath, editable_paths, get_value

    data = read_issue_dict(args.issue_dir)
    art = find_article(data, args.article or "", args.issue_dir / "issue.json")
    print(f"{art['id']} version {article_version(art)}")
    for path, kind in editable_paths(art):
        parts = tuple(int(p) - 1 if p.isdigit() else p for p in path.split("."))
        print(f"{path} ({kind}): {_short(get_value(art, FieldPath(path, parts)))}")
    return 0


def _assign(args: argparse.Namespace, settings: object) -> int:
    from review.doi import assign_in_folder

    result = assign_in_folder(args.issue_dir, settings, editor=args.by, schemas_dir=args.schemas,
                              ledger=args.ledger)
    for note in result.notes:
        print(f"journal-ingest: note: {note}", file=sys.stderr)
    for change in result.changes:
        print(f"{change.article} doi: assigned {change.new}")
    if not result.changes:
        print("no article needed a DOI")
    return 0
