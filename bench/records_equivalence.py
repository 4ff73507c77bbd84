"""Does a speed change keep every record exactly? (issue.json, JATS, Crossref, byte for byte)

    # once, with the code before the change (a copy of the base commit on PYTHONPATH):
    git archive BASE | tar -x -C /tmp/base
    PYTHONPATH=/tmp/base .venv/bin/python bench/records_equivalence.py --save /tmp/base.pickle
    # after each change, with the working tree:
    .venv/bin/python bench/records_equivalence.py --compare /tmp/base.pickle

Ingests every PDF of the test suites (every `*.pdf` under tests/) and of ../shared/real (all
subfolders) in this process, one after the other, the way the CLI does with --no-links
--no-report (text layer in this process: workers=1; OCR as auto, its results cached by
$JOURNAL_INGEST_OCR_CACHE, so a page is read by the engine once for both runs), with the
fixtures' journal settings (tests/fixtures/journal.toml) so that crossref.xml is written too.
It keeps issue.json, each articles/<id>/article.xml and crossref.xml as bytes, or the error a
file raises (its type and message). Run-dependent values are blanked first: Crossref's
doi_batch_id and timestamp (the clock). `--save` writes them; `--compare` ingests again with
the code on the path, prints how many files were compared and every difference (the first
differing output per file, with the first differing line), exit status 1 when any differs.
It compares the tool with itself only: no truth is read.
"""
from __future__ import annotations

import argparse
import os
import pickle
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ["tests", "../shared/real"]
SETTINGS = ROOT / "tests" / "fixtures" / "journal.toml"
# the clock's marks in a Crossref deposit (schemas/crossref.py): blanked before comparing
_CLOCK = [(re.compile(rb"<doi_batch_id>[^<]*</doi_batch_id>"), b"<doi_batch_id/>"),
          (re.compile(rb"<timestamp>[^<]*</timestamp>"), b"<timestamp/>")]


def pdfs() -> list[Path]:
    """Every PDF of the sets, in a fixed order (paths as seen from the worktree)."""
    out: list[Path] = []
    for s in SETS:
        base = ROOT / s
        if base.is_dir():
            out.extend(sorted(q for q in base.rglob("*") if q.suffix.lower() == ".pdf" and q.is_file()))
    return out


def outputs(pdf: Path) -> dict[str, bytes]:
    """What one ingest writes that the comparison covers, or {"error": type and message}."""
    from flows.extras import after_extract_hook
    from flows.steps import ingest

    with tempfile.TemporaryDirectory(prefix="receq-") as tmp:
        hook = after_extract_hook(SETTINGS, links=False, schemas=False, report=False)
        try:
            result = ingest(pdf, Path(tmp), SETTINGS, force=True, workers=1, after_extract=hook, ocr="auto")
        except Exception as exc:  # an error is part of the output too
            return {"error": f"{type(exc).__name__}: {exc}".replace(tmp, "<out>").encode()}
        folder = result.out_dir
        got: dict[str, bytes] = {}
        for f in sorted(folder.rglob("*")):
            rel = f.relative_to(folder).as_posix()
            if f.is_file() and (rel in ("issue.json", "crossref.xml") or rel.endswith("/article.xml")):
                data = f.read_bytes()
                if rel == "crossref.xml":
                    for pat, repl in _CLOCK:
                        data = pat.sub(repl, data)
                got[rel] = data
        got["<folder>"] = folder.name.encode()
        return got


def run_all(paths: list[Path], verbose: bool) -> dict[str, dict[str, bytes]]:
    import logging

    logging.disable(logging.WARNING)  # the tool's warnings are in the records already
    res: dict[str, dict[str, bytes]] = {}
    for k, p in enumerate(paths, 1):
        t = time.perf_counter()
        res[os.path.relpath(p, ROOT)] = outputs(p)
        if verbose:
            print(f"{k}/{len(paths)} {time.perf_counter() - t:6.2f}s {os.path.relpath(p, ROOT)}", file=sys.stderr)
    return res


def first_diff(a: bytes, b: bytes) -> str:
    la, lb = a.splitlines(), b.splitlines()
    for i, (x, y) in enumerate(zip(la, lb), 1):
        if x != y:
            return f"line {i}: {x[:160]!r} -> {y[:160]!r}"
    return f"{len(la)} lines -> {len(lb)} lines"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--save", type=Path, help="ingest every PDF and keep the outputs here")
    g.add_argument("--compare", type=Path, help="ingest again and compare with the outputs kept here")
    ap.add_argument("--only", default="", help="only PDFs whose path contains this")
    ap.add_argument("-v", action="store_true", help="one line per PDF with its time")
    args = ap.parse_args()
    import parsers

    print(f"code: {Path(parsers.__file__).parent.parent}", file=sys.stderr)
    paths = [p for p in pdfs() if args.only in str(p)]
    if args.save:
        res = run_all(paths, args.v)
        args.save.write_bytes(pickle.dumps(res))
        files = sum(len(v) - ("<folder>" in v) for v in res.values())
        print(f"saved {len(res)} PDFs ({files} outputs, {sum('error' in v for v in res.values())} errors) to {args.save}")
        return 0
    base: dict[str, dict[str, bytes]] = pickle.loads(args.compare.read_bytes())
    paths = [p for p in paths if os.path.relpath(p, ROOT) in base]
    res = run_all(paths, args.v)
    differ = 0
    outs = 0
    for key, got in res.items():
        want = base[key]
        outs += len(want) - ("<folder>" in want)
        if got == want:
            continue
        differ += 1
        names = sorted(set(got) | set(want))
        name = next(n for n in names if got.get(n) != want.get(n))
        if name not in got or name not in want:
            print(f"DIFF {key}: {name} {'missing now' if name not in got else 'new'}")
        else:
            print(f"DIFF {key}: {name} {first_diff(want[name], got[name])}")
    print(f"compared {len(res)} PDFs ({outs} outputs): {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
