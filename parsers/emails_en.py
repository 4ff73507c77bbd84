"""Which author an e-mail address printed on an English article's first page belongs to.

Journals print addresses in a correspondence note ("*Correspondence: a@b.org"), after the
author's name ("* Mufti Mahmud  mufti.mahmud@ntu.ac.uk", "Ying Xu, E-mail: xyn@uga.edu") or
in a "CONTACT" line. The evidence, strongest first: the one author whose surname is inside
the address; the author's name printed just before it (a row of names beside a column of
addresses reads out of order, so this comes second); the only address on the page for
the only author marked as corresponding (*, §, ✉).
"""
from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from parsers.names import EMAIL_RE

if TYPE_CHECKING:  # pragma: no cover
    from schemas.model import Contributor

CORRESPONDING_MARKS = frozenset("*∗§✉†⁎")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _named_before(text: str, start: int, contributors: list["Contributor"]) -> int | None:
    """The author whose name is printed right before the address at `start`: only a label
    (E-mail:, Tel …) or punctuation between them, no sentence end."""
    window = text[max(0, start - 80):start]
    best: tuple[int, int] | None = None  # (position, author index)
    for k, c in enumerate(contributors):
        for name in {c.name.en, f"{c.given} {c.surname}".strip()}:
            if not name:
                continue
            at = window.rfind(name)
            gap = window[at + len(name):] if at >= 0 else ""
            if at < 0 or len(gap.strip()) > 30 or re.search(r"[.!?](?![A-Za-z0-9])", gap):
                continue
            if best is None or at > best[0]:
                best = (at, k)
    return best[1] if best else None


def _surname_in(address: str, contributors: list["Contributor"]) -> int | None:
    """The one author whose surname (3+ letters) is inside the address's local part."""
    local = re.sub(r"[^a-z]", "", _ascii(address.split("@")[0]))
    hits = [k for k, c in enumerate(contributors)
            if len(re.sub(r"[^a-z]", "", _ascii(c.surname))) >= 3 and re.sub(r"[^a-z]", "", _ascii(c.surname)) in local]
    return hits[0] if len(hits) == 1 else None


def assign_emails(contributors: list["Contributor"], text: str, marks: list[list[str]]) -> None:
    """Give authors the addresses printed in `text` (the first page), in place; an author
    keeps the first address found for them. `marks` are each author's byline marks."""
    found = [(m.start(), m.group(0).rstrip(".")) for m in EMAIL_RE.finditer(text)]
    for start, address in found:
        if any(c.email == address for c in contributors):
            continue
        k = _surname_in(address, contributors)
        if k is None:
            k = _named_before(text, start, contributors)
        if k is None and len({a for _, a in found}) == 1:
            starred = [i for i, ms in enumerate(marks) if any(ch in CORRESPONDING_MARKS for m in ms for ch in m)]
            k = starred[0] if len(starred) == 1 else None
        if k is not None and not contributors[k].email:
            contributors[k].email = address
