"""Re-join text that typesetting broke into lines."""
from __future__ import annotations

import re

from parsers.normalize import is_cjk

_NEUTRAL = set("“”‘’\"'—…·")
_URL_TAIL = re.compile(r"(?:https?://|www\.)\S*$")


def join_lines(lines: list[str]) -> str:
    """Join printed lines: no space where CJK meets CJK or a URL breaks, else one space.

    A hyphen at a line end between Latin letters is kept (it is usually a real compound
    such as "Asia-Pacific"; Chinese journals rarely hyphenate English words).
    """
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        a, b = out[-1], line[0]
        in_url = bool(_URL_TAIL.search(out)) and not out.endswith(">") and b not in "[(<（［"
        # quotes and dashes take the spacing of the text they touch
        a_eff = next((c for c in reversed(out) if c not in _NEUTRAL), a)
        b_eff = next((c for c in line if c not in _NEUTRAL), b)
        if is_cjk(a_eff) or is_cjk(b_eff) or a in "-/–_" or in_url:
            out += line
        else:
            out += " " + line
    return out
