"""DOIs made from a journal's `doi_pattern` for articles that print none.

Many journals that register through CNKI or their own Crossref membership mint DOIs by a
fixed rule, e.g. `10.19498/j.cnki.dbyxk.{year}.{issue:02d}.{seq:03d}`. The pattern is
Python's format syntax over a closed set of names:

- `year`, `volume`, `issue` — the issue's (numbers when they are digits, so `{issue:02d}`
  pads `6` to `06`);
- `seq` — the article's position in the issue, from 1;
- `fpage` — its printed first page (a number when digits);
- `id` — its id in the record (`a03`).

A pattern must name something that differs between articles (`seq`, `fpage` or `id`),
start with the journal's `doi_prefix` when one is set, and give a DOI whose suffix keeps to
the characters Crossref recommends (`a-z A-Z 0-9 - . _ ; ( ) / :`). A printed DOI is never
replaced, and an assigned DOI that another article of the issue already has (or that the
deposit ledger holds) is not given: the article keeps none and says why.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import Any

NAMES = ("year", "volume", "issue", "seq", "fpage", "id")
PER_ARTICLE = ("seq", "fpage", "id")
_CROSSREF_DOI = re.compile(r"10\.\d{4,9}/[-._;()/:A-Za-z0-9]+")
# values used to try a pattern out when the settings are read
_SAMPLE = {"year": 2023, "volume": 12, "issue": 6, "seq": 3, "fpage": 43, "id": "a03"}


class PatternError(ValueError):
    """A doi_pattern that cannot make DOIs, or cannot make one for these values."""


@dataclass(frozen=True)
class Slot:
    """What one article contributes to its DOI."""

    id: str
    seq: int
    fpage: str
    doi: str  # the DOI it has ("" for none)


def check_pattern(pattern: str, doi_prefix: str = "") -> None:
    """PatternError saying what is wrong with `pattern`; nothing when it is usable."""
    used = set()
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        raise PatternError(f"doi_pattern {pattern!r}: {exc}") from None
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in NAMES:
            raise PatternError(f"doi_pattern {pattern!r}: unknown name {{{name}}} (known: {', '.join(NAMES)})")
        if conversion:
            raise PatternError(f"doi_pattern {pattern!r}: no conversions (!{conversion}) in a DOI pattern")
        if spec and "{" in spec:
            raise PatternError(f"doi_pattern {pattern!r}: no nested fields in a format spec")
        used.add(name)
    if not used & set(PER_ARTICLE):
        raise PatternError(f"doi_pattern {pattern!r}: names nothing that differs between articles "
                           f"({', '.join('{' + n + '}' for n in PER_ARTICLE)}): every article would get the same DOI")
    if doi_prefix and not pattern.startswith(doi_prefix.rstrip("/") + "/"):
        raise PatternError(f"doi_pattern {pattern!r} does not start with the journal's doi_prefix {doi_prefix}/")
    format_doi(pattern, **_SAMPLE)


def _number(value: Any) -> Any:
    """Digits as an int (so `:02d` pads them), anything else as it is."""
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return value


def format_doi(pattern: str, *, year: Any, volume: Any, issue: Any, seq: int, fpage: Any, id: str) -> str:
    """The DOI `pattern` gives for these values; PatternError when a value does not fit
    (`{issue:02d}` for issue `增刊1`) or the result is not a DOI Crossref accepts."""
    values = {"year": _number(year), "volume": _number(volume), "issue": _number(issue), "seq": seq,
              "fpage": _number(fpage), "id": id}
    for name in NAMES:
        if values[name] in (None, "") and "{" + name in pattern:
            raise PatternError(f"doi_pattern {pattern!r}: no {name} to put in it")
    try:
        doi = pattern.format(**values)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        shown = {k: v for k, v in values.items() if "{" + k in pattern}
        raise PatternError(f"doi_pattern {pattern!r} cannot be filled with {shown}: {exc}") from None
    if not _CROSSREF_DOI.fullmatch(doi):
        raise PatternError(f"doi_pattern {pattern!r} gives {doi!r}, not a DOI of 10.NNNN/ and the characters "
                           "Crossref recommends (a-z A-Z 0-9 - . _ ; ( ) / :)")
    return doi


def plan(pattern: str, *, year: Any, volume: Any, issue: Any, slots: list[Slot],
         taken: set[str] = frozenset()) -> tuple[dict[str, str], dict[str, str]]:
    """({article id: DOI to assign}, {article id: why none was assigned}) for the articles
    of `slots` that have no DOI. Never touches an article that has one; a DOI that another
    article has, or that is in `taken` (e.g. held in the deposit ledger), is not assigned.
    """
    used = {s.doi.lower() for s in slots if s.doi} | {t.lower() for t in taken}
    assigned: dict[str, str] = {}
    problems: dict[str, str] = {}
    for slot in slots:
        if slot.doi:
            continue
        try:
            doi = format_doi(pattern, year=year, volume=volume, issue=issue, seq=slot.seq,
                             fpage=slot.fpage, id=slot.id)
        except PatternError as exc:
            problems[slot.id] = str(exc)
            continue
        if doi.lower() in used:
            owner = next((s.id for s in slots if s.doi.lower() == doi.lower()), None) or next(
                (k for k, v in assigned.items() if v.lower() == doi.lower()), None)
            problems[slot.id] = (f"doi_pattern gives {doi}, which " +
                                 (f"article {owner} already has" if owner else "the deposit ledger already holds")
                                 + ": no DOI assigned (use {fpage} or set it by hand)")
            continue
        used.add(doi.lower())
        assigned[slot.id] = doi
    return assigned, problems


def assign_on_ingest(issue: Any, pattern: str) -> None:
    """After extraction: mark the DOIs read from the pages as printed, then give the others
    one from `pattern` (marked assigned), or a `doi-not-assigned` warning saying why not."""
    from schemas.model import Issue

    assert isinstance(issue, Issue)
    for art in issue.articles:
        if art.doi and not art.doi_source:
            art.doi_source = "printed"
    if not pattern:
        return
    slots = [Slot(a.id, k, a.fpage, a.doi) for k, a in enumerate(issue.articles, start=1)]
    assigned, problems = plan(pattern, year=issue.year, volume=issue.volume, issue=issue.issue, slots=slots)
    for art in issue.articles:
        if art.id in assigned:
            art.doi, art.doi_source = assigned[art.id], "assigned"
        elif art.id in problems:
            art.warn("doi-not-assigned", problems[art.id])
