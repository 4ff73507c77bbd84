"""The fixed development/check split of the visible real PDFs, by journal.

Rule (written down once, session 4, before any tuning on these sets): a file's journal is
the leading letters of its name (``amykfyx2011-7_…`` → ``amykfyx``; ``ISSUE_`` is skipped)
for ../shared/real/zh_more, and the slug up to its year (``hindawi-crc-2016-…`` →
``hindawi-crc``) for ../shared/real/en_more. A journal is in the development half when the
first byte of the SHA-256 of its name is even, else in the check half. Rules are developed
against the development half; of the check half only the totals are read.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
ZH_TRUTH = SHARED / "real" / "zh_more" / "truth"
EN_CORPUS = SHARED / "real" / "en_more"


def journal_of_zh(stem: str) -> str:
    return re.match(r"[a-z]+", stem.removeprefix("ISSUE_")).group(0)


def journal_of_en(slug: str) -> str:
    m = re.match(r"(.+?)-(?:19|20)\d\d-", slug)
    return m.group(1) if m else slug


def half_of(journal: str) -> str:
    return "dev" if hashlib.sha256(journal.encode()).digest()[0] % 2 == 0 else "check"


def zh_cases(half: str = "both") -> list[Path]:
    """Truth files of one half (or both), sorted."""
    return [t for t in sorted(ZH_TRUTH.glob("*.truth.json"))
            if half == "both" or half_of(journal_of_zh(t.name.removesuffix(".truth.json"))) == half]


def en_cases(half: str = "both") -> list[Path]:
    """Pair folders (<slug>/article.pdf + article.xml) of one half (or both), sorted."""
    return [d for d in sorted(EN_CORPUS.iterdir()) if (d / "article.pdf").is_file()
            and (half == "both" or half_of(journal_of_en(d.name)) == half)]


if __name__ == "__main__":
    for name, cases, key in (("zh_more", zh_cases, journal_of_zh), ("en_more", en_cases, journal_of_en)):
        for half in ("dev", "check"):
            found = cases(half)
            print(f"{name} {half}: {len(found)} files: " + ", ".join(sorted({key(p.name.removesuffix('.truth.json')) for p in found})))
