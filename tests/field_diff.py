"""Field-by-field comparison of two issue records (used by the golden tests and scorers)."""
from __future__ import annotations

from typing import Any, Iterator


def flatten(value: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(path, leaf) pairs; lists of records are indexed, lists of strings are leaves."""
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from flatten(sub, f"{prefix}.{key}" if prefix else key)
    elif isinstance(value, list) and value and isinstance(value[0], (dict, list)):
        yield f"{prefix}#len", len(value)
        for i, sub in enumerate(value):
            yield from flatten(sub, f"{prefix}[{i}]")
    else:
        yield prefix, value


def diff(expected: dict, actual: dict, skip: tuple[str, ...] = ("source.sha256", "source.file")) -> list[tuple[str, Any, Any]]:
    exp = dict(flatten(expected))
    act = dict(flatten(actual))
    out = []
    for path, want in exp.items():
        if path.startswith(skip):
            continue
        got = act.get(path, "<missing>")
        if got != want:
            out.append((path, want, got))
    return out
