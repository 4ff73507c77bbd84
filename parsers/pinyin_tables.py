"""pypinyin, imported with only the phrase readings that can change a name's romanisation.

pypinyin loads its whole phrase table at import (47,111 phrases, a 2.5 MB JSON) and trains its
segmenter on it: about 0.2 s of the 1.2 s a one-page ingest took (bench/README.md, "Session
20"). A phrase read as its characters' first readings changes nothing for a string of one or
two characters, and for a longer one only where it hides another phrase from the segmenter:
95 of 146,111 strings of three or four characters read differently without them (every
phrase of the table and 100,000 random ones), none of two. 8,757 phrases are read otherwise
than their characters. Those are written once to a cache file, built from the installed
pypinyin's own tables (its name carries their sizes and times, so an upgrade builds it anew),
and loaded in place of the whole table. Where the cache can be neither read nor written, or
pypinyin was imported before this module, the whole table serves, as before.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from importlib.util import find_spec
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CACHE_FORMAT = 1


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/journal-ingest/pinyin (~/.cache/…), beside the OCR cache."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "journal-ingest" / "pinyin"


def _tables() -> tuple[Path, Path] | None:
    """pypinyin's phrase and character tables, found without importing it."""
    spec = find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        return None
    where = Path(list(spec.submodule_search_locations)[0])
    phrases, chars = where / "phrases_dict.json", where / "pinyin_dict.json"
    return (phrases, chars) if phrases.is_file() and chars.is_file() else None


def cache_file(phrases: Path, chars: Path, folder: Path | None = None) -> Path:
    stamp = hashlib.sha256(repr([(p.stat().st_size, p.stat().st_mtime_ns) for p in (phrases, chars)]).encode()).hexdigest()
    return (folder or cache_dir()) / f"phrases-{CACHE_FORMAT}-{stamp[:16]}.json"


def read_otherwise(phrases: dict[str, list[list[str]]], chars: dict[str, str]) -> dict[str, list[list[str]]]:
    """The phrases not read as their characters' first readings (pypinyin's table format:
    a phrase's readings per character; a character's readings comma-separated, keyed by its
    code point)."""
    def first(ch: str) -> str | None:
        readings = chars.get(str(ord(ch)))
        return readings.split(",")[0] if readings else None

    return {p: v for p, v in phrases.items() if v != [[first(ch)] for ch in p]}


def load_or_build(phrases: Path, chars: Path, path: Path) -> dict[str, list[list[str]]] | None:
    """The cached phrases, built (and written atomically) when missing or unreadable; None
    when they can neither be read nor written."""
    try:
        with open(path, encoding="utf-8") as fh:
            cached = json.load(fh)
        if isinstance(cached, dict):
            return cached
    except (OSError, ValueError):
        pass
    try:
        with open(phrases, encoding="utf-8") as fh:
            table = json.load(fh)
        with open(chars, encoding="utf-8") as fh:
            readings = json.load(fh)
        kept = read_otherwise(table, readings)
        from schemas.record import write_atomic  # (only when the cache is built)

        write_atomic(path, json.dumps(kept, ensure_ascii=False).encode("utf-8"))
        return kept
    except (OSError, ValueError) as exc:
        log.debug("pinyin phrase cache not built (%s): the whole table serves", exc)
        return None


def _import() -> Any:
    if "pypinyin" in sys.modules:
        return sys.modules["pypinyin"]
    found = _tables()
    kept = load_or_build(*found, cache_file(*found)) if found else None
    if kept is None:
        import pypinyin
        return pypinyin
    before = os.environ.get("PYPINYIN_NO_PHRASES")
    os.environ["PYPINYIN_NO_PHRASES"] = "1"  # (read once, when pypinyin.constants loads)
    try:
        import pypinyin
    finally:
        if before is None:
            del os.environ["PYPINYIN_NO_PHRASES"]
        else:
            os.environ["PYPINYIN_NO_PHRASES"] = before
    pypinyin.load_phrases_dict(kept)
    return pypinyin


_pypinyin = _import()
Style = _pypinyin.Style
lazy_pinyin = _pypinyin.lazy_pinyin
pinyin = _pypinyin.pinyin

from pypinyin.pinyin_dict import pinyin_dict as CHAR_READINGS  # noqa: E402  (after the import above)

__all__ = ["Style", "lazy_pinyin", "pinyin", "CHAR_READINGS", "cache_dir", "cache_file", "read_otherwise", "load_or_build"]
