"""Recognise a download platform's cover sheet (ResearchGate, Taylor & Francis Online,
JSTOR, …): a page the platform puts before the article it serves, printing its own record
of the article (title, authors, DOI, citation), which a splitter would otherwise take for
the article's first page. The platforms and their fixed wording are data
(`layouts/coversheets.toml`); this module only matches them. The same platforms stamp
a line on every page they serve ("Downloaded from … on <date>"): `is_platform_stamp`."""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass(frozen=True)
class Platform:
    name: str
    markers: tuple[str, ...]  # squeezed: lower case, no spaces
    min: int


@lru_cache(maxsize=1)
def _data() -> dict:
    return tomllib.loads(resources.files("parsers").joinpath("layouts/coversheets.toml").read_text(encoding="utf-8"))


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


@lru_cache(maxsize=1)
def platforms() -> tuple[Platform, ...]:
    """`layouts/coversheets.toml`, read once per process."""
    return tuple(Platform(p["name"], tuple(_squeeze(m) for m in p["markers"]), int(p["min"])) for p in _data()["platform"])


def cover_sheet_of(texts: list[str]) -> str | None:
    """The platform whose cover sheet these lines (one page's) are, or None."""
    page = _squeeze(" ".join(texts))
    for platform in platforms():
        if sum(marker in page for marker in platform.markers) >= platform.min:
            return platform.name
    return None


@lru_cache(maxsize=1)
def _stamp() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{s['pattern']})" for s in _data()["stamp"]), re.I)


def is_platform_stamp(text: str) -> bool:
    """Is this line a download platform's page stamp (layouts/coversheets.toml `stamp`)?"""
    return bool(_stamp().match(text.strip()))
