"""Probe: cited URLs broken across two lines of a note at every character, joined back.

A note prints an address wherever the line is full: Chinese justification breaks a Latin
run at any character, and English notes break at any character of a long address too. This
takes real addresses (the development half's truth URLs, the development half's publisher
JATS links, the PMC sample's JATS links; never the check half's), breaks each one at every
position inside four note contexts (a Chinese note with 访问日期, a GB/T 7714 [EB/OL]
reference, an English note with "accessed", a bare Chinese note), joins the two lines as
the citation reader does (`parsers.citations.join_lines`) and counts the breaks whose
address does not come back whole. A break at a position the text alone cannot decide (an
English word after "…/d" + "ialogue, accessed" reads like prose after a URL) stays a miss:
the count says how many such remain.

    .venv/bin/python bench/url_breaks.py [-v]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from html import unescape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import split  # noqa: E402

from parsers.citations import despace_urls, find_urls, join_lines  # noqa: E402

CONTEXTS = {"zh-note": ("国家统计局：《中国统计年鉴》，", "，访问日期：2023年3月1日。"),
            "gbt7714": ("World Bank. Data [EB/OL]. (2022-07-28)[2023-03-01]. ", "."),
            "en-note": ("See ", ", accessed 1 March 2023."),
            "zh-bare": ("参见", "。")}
_HREF = re.compile(r'xlink:href="((?:https?|ftp)://[^"\s]+)"')


def addresses() -> list[str]:
    """The visible development sources' cited addresses (no spaces, longer than a scheme)."""
    found: set[str] = set()
    for t in split.zh_cases("dev"):
        for a in json.loads(t.read_text(encoding="utf-8"))["articles"]:
            found.update(u["url"] for u in a.get("urls") or [])
    xmls = [d / "article.xml" for d in split.en_cases("dev")]
    xmls += sorted((split.SHARED / "real" / "en_pmc_pygetpapers").rglob("*.xml"))
    for x in xmls:
        found.update(unescape(m.group(1)) for m in _HREF.finditer(x.read_text(encoding="utf-8", errors="ignore")))
    return sorted(u for u in found if " " not in u and len(u) > 12)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="print each address and context that misses")
    args = ap.parse_args(argv)
    urls = addresses()
    misses: Counter[str] = Counter()
    tried: Counter[str] = Counter()
    shown: list[str] = []
    for name, (before, after) in CONTEXTS.items():
        for url in urls:
            bad = []
            for k in range(1, len(url)):
                tried[name] += 1
                text = despace_urls(join_lines(before + url[:k], url[k:] + after))
                if [u for u, _, _ in find_urls(text)] != [url]:
                    bad.append(k)
            misses[name] += len(bad)
            if bad and args.verbose:
                shown.append(f"  {name}: {len(bad)}x {url[:bad[0]]}|{url[bad[0]:]}")
    print("\n".join(shown))
    total, wrong = sum(tried.values()), sum(misses.values())
    print(f"{len(urls)} addresses, {total} breaks: {total - wrong} rejoined whole ({100 * (total - wrong) / total:.2f}%), "
          f"{wrong} not")
    print("   per context: " + "; ".join(f"{n} {tried[n] - misses[n]}/{tried[n]}" for n in CONTEXTS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
