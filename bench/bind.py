"""Does an article read the same bound into one file with another? (metamorphic check)

An issue file is sometimes assembled from single-article downloads. Each visible Chinese
file of one half is bound (page by page, pypdf) with the next one in name order, and every
article of the bound file is compared with its record read alone: title, contributors,
abstract, keywords, pages, DOI, CLC, 文章编号 and citations. The pairs mix journals, which
a real issue does not (one body size, one running head), so this bounds the splitter's and
the folio rules' robustness from below.

    python bench/bind.py [--half dev|check] [-v]

Of the check half only the totals are printed, as bench/accuracy.py does."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pypdf import PdfReader, PdfWriter

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from perturb import Tally, _record, files  # noqa: E402

OUT = Path(__file__).resolve().parent / "results" / "bind"
KEYS = ("title", "contributors", "abstract", "keywords", "fpage", "lpage", "doi", "clc", "article_no", "citations")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", default="dev", choices=["dev", "check"])
    ap.add_argument("-v", action="store_true", help="print each difference (development half only)")
    args = ap.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    zh = [p for p in files(args.half) if p.name != "article.pdf"]
    alone = {p: _record(p) for p in zh}
    tried = miscounted = 0
    tally = Tally(args.v and args.half == "dev")
    for a, b in zip(zh, zh[1:] + zh[:1]):
        if not alone[a] or not alone[b]:
            continue
        dest = OUT / f"{a.stem}+{b.stem}.pdf"
        writer = PdfWriter()
        for src in (a, b):
            for page in PdfReader(str(src)).pages:
                writer.add_page(page)
        writer.write(str(dest))
        bound = _record(dest)
        if bound is None:
            continue
        tried += 1
        want, got = alone[a]["articles"] + alone[b]["articles"], bound["articles"]
        if len(got) != len(want):
            miscounted += 1
            if args.v and args.half == "dev":
                print(f"  {dest.name}: {len(got)} articles, want {len(want)}")
            continue
        # (one difference a field of an article, however much of it differs)
        tally.count(dest.name, [f"a{k + 1}.{key}: {str(x.get(key))[:50]!r} -> {str(y.get(key))[:50]!r}"
                                for k, (x, y) in enumerate(zip(want, got)) for key in KEYS if x.get(key) != y.get(key)])
    print(f"bind ({args.half} half): {tried} pairs; {miscounted} with a wrong article count; "
          f"{tally.changed} with a changed article, {tally.fields} fields changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
