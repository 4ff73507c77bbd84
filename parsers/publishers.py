"""What a publisher's own XML does with an English article's text that its page cannot show
(`layouts/publishers.toml`): the hyphen and apostrophe characters it registers, whether it
keeps the colon after a structured abstract's run-in sub-heads. The habits are data; this module only looks
an article's DOI up in them."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass(frozen=True)
class Habits:
    name: str = ""
    word_hyphen: str = "-"       # the character a word hyphen is registered as
    subhead_colon: bool = True   # a run-in sub-head keeps its printed colon
    apostrophe: str = ""         # the character an in-word apostrophe is registered as ("": as printed)


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[tuple[str, ...], Habits], ...]:
    data = tomllib.loads(resources.files("parsers").joinpath("layouts/publishers.toml").read_text(encoding="utf-8"))
    return tuple((tuple(p["prefixes"]), Habits(p["name"], p.get("word_hyphen", "-"), p.get("subhead_colon", True),
                                               p.get("apostrophe", "")))
                 for p in data["publisher"])


def habits(doi: str) -> Habits:
    """The habits of the publisher whose prefix the DOI has (the defaults when none is listed)."""
    doi = (doi or "").lower()
    for prefixes, found in _table():
        if doi.startswith(prefixes):
            return found
    return Habits()
