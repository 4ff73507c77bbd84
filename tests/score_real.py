"""Print per-file accuracy of the extractor on the real PDFs (fields right / fields checked).

    .venv/bin/python tests/score_real.py            # one line per file + total
    .venv/bin/python tests/score_real.py -v         # also every wrong field
    .venv/bin/python tests/score_real.py -v hong    # only files whose short name/stem contains 'hong'
    .venv/bin/python tests/score_real.py --pmc      # English PMC articles against their JATS

Uses the same expected values and comparison rules as tests/test_real_pdfs.py.
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.test_real_pdfs import load_cases, real_dir, score_case  # noqa: E402


def main_pmc(verbose: bool, wanted: list[str]) -> int:
    """Per-article score on the PMC set, then per field kind (doi, contributors, ...)."""
    from collections import Counter

    from tests.test_pmc_truth import CASES, score_pmc_case

    cases = CASES
    if not cases:
        print("PMC articles not found under the real-PDF directory")
        return 1
    kinds_ok: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    total_ok = total = 0
    for case in cases:
        if wanted and not any(w in case.short for w in wanted):
            continue
        results = score_pmc_case(case)
        ok = sum(1 for _, good, _ in results if good)
        total_ok += ok
        total += len(results)
        print(f"{case.short:12s} {ok:4d}/{len(results):<4d} {100.0 * ok / len(results):6.1f}%")
        for field, good, message in results:
            bare = re.sub(r"^[a-z]+\d+\.", "", field)  # "gawalt15.title" → "title"
            kind = bare.split("[")[0].split(".")[0] + ("." + bare.rsplit(".", 1)[1] if "[" in bare else "")
            kinds[kind] += 1
            kinds_ok[kind] += good
            if verbose and not good:
                print(f"    FAIL {field}: {message}")
    for kind in sorted(kinds):
        print(f"  {kind:24s} {kinds_ok[kind]:4d}/{kinds[kind]}")
    if total:
        print(f"{'TOTAL':12s} {total_ok:4d}/{total:<4d} {100.0 * total_ok / total:6.1f}%")
    return 0


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    if "--pmc" in argv:
        return main_pmc(verbose, [a for a in argv if not a.startswith("-")])
    wanted = [a for a in argv if not a.startswith("-")]
    if not real_dir().is_dir():
        print(f"real PDFs not found at {real_dir()} (set JOURNAL_INGEST_REAL)")
        return 1
    try:
        from parsers.extract import extract_issue  # noqa: F401
    except ImportError as exc:
        print(f"cannot import parsers.extract.extract_issue: {exc}")
        return 2
    total_ok = total = 0
    for case in load_cases():
        if wanted and not any(w in case.short or w in case.name for w in wanted):
            continue
        if not case.pdf.is_file():
            print(f"{case.short:10s}  missing {case.pdf}")
            continue
        t0 = time.perf_counter()
        results = score_case(case)
        dt = time.perf_counter() - t0
        ok = sum(1 for _, good, _ in results if good)
        total_ok += ok
        total += len(results)
        pct = 100.0 * ok / len(results) if results else 0.0
        print(f"{case.short:10s} {ok:4d}/{len(results):<4d} {pct:6.1f}%  {dt:6.2f}s  {case.expected['file']}")
        if verbose:
            for field, good, message in results:
                if not good:
                    print(f"    FAIL {field}: {message}")
    if total:
        print(f"{'TOTAL':10s} {total_ok:4d}/{total:<4d} {100.0 * total_ok / total:6.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
