"""Re-join text that typesetting broke into lines: one rule for every field."""
from __future__ import annotations

from functools import reduce

from parsers.citations import join_lines as join_pair


def join_lines(lines: list[str]) -> str:
    """Join printed lines with `citations.join_lines` (no space where CJK meets CJK or a
    URL breaks, else one space), skipping blank lines."""
    return reduce(join_pair, (ln for ln in lines if ln.strip()), "")
