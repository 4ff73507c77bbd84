"""Compiling the parsers' regular expressions once per character class, not once per use.

Most of our patterns carry the same few Han classes (``[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]``,
``[\\u4e00-\\u9fff]``: the CJK blocks). Python's regex compiler turns each occurrence into
its matching code with a Python loop over every code point of every range (about 35,000
for the three blocks: 2-7 ms a class), and no cache covers the class, only whole patterns.
A 160-page ingest compiles some 6,900 classes, 600 of them distinct: with each worked out
once, the run's regex compiles take about 0.18 s of CPU instead of 0.26 s (bench/README.md,
"ingest").

`install()` memoises the compiler's class optimiser (`_optimize_charset`, a pure function
of its arguments: the parsed class and the case-folding functions) so each distinct class
is worked out once per process. Every pattern compiles to the same code as before, only
sooner. Nothing is installed where the compiler is not the one this
was written against (its signature differs, or it is missing): patterns then compile as
before.
"""
from __future__ import annotations

from typing import Any, Callable

# distinct classes kept (a long-running inbox compiles a name's pattern per author: bounded)
_MAX = 4096
_installed = False


def _memoised(optimize: Callable[..., Any]) -> Callable[..., Any]:
    memo: dict[tuple[Any, ...], Any] = {}

    def _optimize_charset(charset: Any, iscased: Any = None, fixup: Any = None, fixes: Any = None) -> Any:
        try:
            # (fixes is None or the compiler's own module-level table: its identity names it)
            key = (tuple(charset), iscased, fixup, id(fixes) if fixes is not None else None)
            hit = memo.get(key)
        except TypeError:  # an unhashable class item: as before
            return optimize(charset, iscased, fixup, fixes)
        if hit is None:
            hit = optimize(charset, iscased, fixup, fixes)
            if len(memo) < _MAX:
                memo[key] = hit
        # (the compiler only reads the result: the same list may serve several patterns)
        return hit

    _optimize_charset.__wrapped__ = optimize  # type: ignore[attr-defined]
    return _optimize_charset


def install() -> None:
    """Memoise the regex compiler's class optimiser for this process (idempotent)."""
    global _installed
    if _installed:
        return
    _installed = True
    try:
        from re import _compiler as compiler  # Python 3.11+
    except ImportError:  # pragma: no cover (3.10)
        import sre_compile as compiler  # type: ignore[no-redef]
    optimize = getattr(compiler, "_optimize_charset", None)
    if optimize is None or hasattr(optimize, "__wrapped__"):
        return
    code = getattr(optimize, "__code__", None)  # (not inspect: the CLI has not imported it yet)
    if code is None or code.co_varnames[:code.co_argcount] != ("charset", "iscased", "fixup", "fixes"):
        return
    compiler._optimize_charset = _memoised(optimize)
