"""parsers.regex_compile: the memoised class optimiser must give the compiler the same code."""
from __future__ import annotations

import re

import pytest

from parsers import regex_compile

regex_compile.install()  # (what the command line and the flow's workers do at start)

try:
    from re import _compiler as compiler, _parser as sre_parser
except ImportError:  # pragma: no cover (3.10)
    import sre_compile as compiler  # type: ignore[no-redef]
    import sre_parse as sre_parser  # type: ignore[no-redef]

PATTERNS = [
    (r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,4}", 0),
    (r"[\u4e00-\u9fff]+(?:[·•・][\u4e00-\u9fff]+)*", 0),
    (r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff](?:\s*[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])+", 0),
    (r"(?i)[a-z\u4e00-\u9fff]+\s*(?:https?://|www\.)[^\s<>]+", 0),
    (r"[A-Za-z0-9\-_()\u4e00-\u9fff]+\.(?:pdf|html?)", re.IGNORECASE),
    (r"[^\W\d_]{2}\s+[a-df-xz]", 0),
    (r"[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]", 0),
    (r"[ſsK\u212a]+", re.IGNORECASE),  # classes whose case folding adds characters
    (r"[\U00020000-\U0002A6DF\u3400-\u4dbf]", 0),  # beyond the BMP
    (r"[a-z]", re.IGNORECASE | re.ASCII),
    (rb"[\x00-\x1f\x7f-\xff]+", 0),
]


def _code(pattern: str | bytes, flags: int) -> list[int]:
    parsed = sre_parser.parse(pattern, flags)
    return compiler._code(parsed, parsed.state.flags)


def test_installed() -> None:
    """install() memoises the optimiser (on the compiler it was written for)."""
    assert hasattr(compiler._optimize_charset, "__wrapped__")


def test_the_library_alone_leaves_the_compiler_alone() -> None:
    """Importing the parsers patches nothing: only the command line and the flow install it."""
    import subprocess
    import sys

    code = ("import parsers.extract, re; from re import _compiler as c; "
            "print(hasattr(c._optimize_charset, '__wrapped__'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.mark.parametrize("pattern,flags", PATTERNS)
def test_same_code_as_unmemoised(pattern: str | bytes, flags: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Twice through the memo (a miss, then a hit) and once without it: identical code."""
    memoised = compiler._optimize_charset
    first, again = _code(pattern, flags), _code(pattern, flags)
    monkeypatch.setattr(compiler, "_optimize_charset", memoised.__wrapped__)
    plain = _code(pattern, flags)
    assert first == plain and again == plain


def test_matches_unchanged() -> None:
    """Patterns compiled through the memo match what they matched before."""
    han = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
    assert han.findall("王小明 Wang 㐀〇") == ["王小明", "㐀"]
    folded = re.compile(r"[a-z]+", re.I)
    assert folded.fullmatch("K\u212aſ")  # Kelvin sign and long s fold to k and s


def test_install_is_idempotent() -> None:
    before = compiler._optimize_charset
    regex_compile.install()
    assert compiler._optimize_charset is before
