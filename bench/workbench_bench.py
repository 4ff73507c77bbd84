#!/usr/bin/env python3
"""The editor's workbench: how long a saved correction takes to show on the article's page,
on an issue of 20 articles (the size of a typical issue), beside the same page fetched
without a save in the same run (the reference: what serving the page alone costs).

    .venv/bin/python bench/workbench_bench.py [--runs 5]

Not a test: the workbench tests check that a save lands on the page; how fast it does is
measured here (issue 13 asked for under a second)."""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    from review.app import create_app, warm_up
    from review.report import write_review_report
    from tests.test_workbench import SETTINGS, Running, form_of, twenty_articles
    from tests.review_support import ingest_issue

    with tempfile.TemporaryDirectory() as tmp:
        warm_up(SETTINGS, None)
        issue = ingest_issue(Path(tmp) / "out")
        write_review_report(issue)
        twenty_articles(issue)
        saves, plain = [], []
        with Running(create_app(issue, settings=SETTINGS)) as app:
            page = app.get("/a/b07").text
            app.post("/a/b07/edit", {**form_of(page, "title.en"), "value": "warm"})  # first pages cached
            page = app.get("/a/b07").text
            for n in range(args.runs):
                start = time.perf_counter()
                app.get("/a/b07")
                plain.append(time.perf_counter() - start)
                start = time.perf_counter()
                r = app.post("/a/b07/edit", {**form_of(page, "title.en"), "value": f"Timed title {n}"})
                page = app.get(r.headers["location"]).text
                saves.append(time.perf_counter() - start)
                if f'value="Timed title {n}"' not in page:
                    print("the saved value is not on the page", file=sys.stderr)
                    return 1
    best, ref = min(saves), min(plain)
    print(f"20-article issue, best of {args.runs}: save + page {best:.3f} s, page alone {ref:.3f} s, "
          f"ratio {best / ref:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
