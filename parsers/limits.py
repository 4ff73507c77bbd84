"""Resource limits for reading a PDF: what a hostile or broken file may cost us, at most.

A PDF is a program of sorts: a 10 kB file can inflate to gigabytes (a decompression bomb),
draw one form a billion times (forms that draw forms), or nest arrays 200,000 deep. The
limits sit where the work is done, and each one that trips is an `errors.LimitExceeded`
naming the file and the limit (and the environment variable that raises it):

* input size: the file's bytes, checked before anything is read, and its page count;
* decompressed bytes per stream and per document: every stream pypdf decodes (content
  streams, forms, fonts, ToUnicode CMaps, object and cross-reference streams) goes through
  `pypdf.filters.decode_stream_data`; pypdf's own `Configuration` bounds each stream, and a
  counter around that one function bounds their sum (pypdf keeps every decoded stream on its
  object, so the sum is memory);
* drawing operations (operators and glyphs) per page, the forms it draws included, and per
  document; forms drawn per page: counted by the text-layer walk (`parsers.textlayer`).

Defaults are far above what a journal issue needs (the 101 real PDFs in ../shared/real peak
at 210,000 operations on a page, 41 forms on a page, 780,000 operations and 8 MB decompressed
in a file) and far below what takes a minute or a gigabyte (tests/test_hostile.py). Each is
settable in the environment, so the inbox, `serve` and the Prefect flows see the same values
as `ingest`. Counts are per process: worker processes reading parts of a file each count
their own pages, which bounds the time just as well.
"""
from __future__ import annotations

import contextlib
import dataclasses
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import BadConfig, LimitExceeded

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The limits in force; `from_env()` reads the overrides."""

    max_input_bytes: int = 512 * MB
    max_pages: int = 2_000
    max_stream_bytes: int = 64 * MB
    max_document_bytes: int = 256 * MB
    max_page_ops: int = 2_000_000
    max_page_forms: int = 20_000
    max_document_ops: int = 20_000_000

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Limits":
        """Defaults overridden by JOURNAL_INGEST_MAX_* variables; a bad value is a BadConfig
        naming the variable (sizes take a unit: 600MB, 2GB; counts take plain integers)."""
        env = os.environ if environ is None else environ
        values: dict[str, int] = {}
        for f in dataclasses.fields(cls):
            var = ENV[f.name]
            raw = env.get(var, "").strip()
            if not raw:
                continue
            value = _parse(raw, sized=f.name.endswith("_bytes"))
            if value is None or value <= 0:
                raise BadConfig(var, f"{raw!r} is not a positive {'size (e.g. 600MB, 2GB)' if f.name.endswith('_bytes') else 'whole number'}")
            values[f.name] = value
        return cls(**values)


ENV = {
    "max_input_bytes": "JOURNAL_INGEST_MAX_PDF_SIZE",
    "max_pages": "JOURNAL_INGEST_MAX_PAGES",
    "max_stream_bytes": "JOURNAL_INGEST_MAX_STREAM_SIZE",
    "max_document_bytes": "JOURNAL_INGEST_MAX_DECOMPRESSED",
    "max_page_ops": "JOURNAL_INGEST_MAX_PAGE_OPS",
    "max_page_forms": "JOURNAL_INGEST_MAX_PAGE_FORMS",
    "max_document_ops": "JOURNAL_INGEST_MAX_DOCUMENT_OPS",
}
_UNITS = {"": 1, "B": 1, "KB": 1024, "K": 1024, "MB": MB, "M": MB, "GB": 1024 * MB, "G": 1024 * MB}


def _parse(raw: str, sized: bool) -> int | None:
    s = raw.replace("_", "").upper()
    unit = s.lstrip("0123456789")
    digits = s[: len(s) - len(unit)]
    if not digits or (unit and not sized) or unit.strip() not in _UNITS:
        return None
    return int(digits) * _UNITS[unit.strip()]


def size_text(n: int) -> str:
    """1073741824 -> '1 GB', 67108864 -> '64 MB' (the units the settings take)."""
    for unit, factor in (("GB", 1024 * MB), ("MB", MB), ("KB", 1024)):
        if n >= factor and n % factor == 0:
            return f"{n // factor} {unit}"
    return f"{n} bytes"


def check_input_size(path: Path, size: int, limits: Limits) -> None:
    if size > limits.max_input_bytes:
        raise LimitExceeded(path, f"file is {size_text(size) if size % MB == 0 else f'{size / MB:.0f} MB'}, over the "
                                  f"{size_text(limits.max_input_bytes)} input limit "
                                  f"({ENV['max_input_bytes']} raises it)")


def check_page_count(path: Path, pages: int, limits: Limits) -> None:
    """Every page costs the same steps downstream (an article PDF, JATS, a report page):
    a file of 10,000 one-line pages takes minutes however small it is."""
    if pages > limits.max_pages:
        raise LimitExceeded(path, f"the PDF has {pages:,} pages, over the {limits.max_pages:,}-page limit "
                                  f"({ENV['max_pages']} raises it)")


# ============================================================================================
# decompression budget


class Budget:
    """What one document may still cost in this process: decompressed bytes and drawing
    operations. The first limit that trips is kept (`tripped`): pypdf and the font code
    catch exceptions from damaged streams and carry on, so whoever walks the pages asks
    `check()` after each one instead of relying on the exception reaching it."""

    def __init__(self, path: Path, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.decoded = 0
        self.ops = 0
        self.tripped: LimitExceeded | None = None

    def trip(self, problem: str, var: str) -> LimitExceeded:
        if self.tripped is None:
            self.tripped = LimitExceeded(self.path, f"{problem} ({var} raises it)")
        return self.tripped

    def check(self) -> None:
        if self.tripped is not None:
            raise self.tripped

    def add_decoded(self, n: int) -> None:
        self.decoded += n
        if self.decoded > self.limits.max_document_bytes:
            raise self.trip(f"streams decompress to more than the {size_text(self.limits.max_document_bytes)} "
                            f"per-document limit", ENV["max_document_bytes"])

    def stream_over(self) -> LimitExceeded:
        return self.trip(f"a stream decompresses to more than the {size_text(self.limits.max_stream_bytes)} "
                         f"per-stream limit", ENV["max_stream_bytes"])

    def page_ops_over(self, page: int) -> LimitExceeded:
        return self.trip(f"page {page} draws more than {self.limits.max_page_ops:,} operations (operators and glyphs, forms included), "
                         f"the per-page limit", ENV["max_page_ops"])

    def page_forms_over(self, page: int) -> LimitExceeded:
        return self.trip(f"page {page} draws more than {self.limits.max_page_forms:,} forms (XObjects drawing "
                         f"XObjects), the per-page limit", ENV["max_page_forms"])

    def document_ops_over(self) -> LimitExceeded:
        return self.trip(f"the pages draw more than {self.limits.max_document_ops:,} operations in all, "
                         f"the per-document limit", ENV["max_document_ops"])


_local = threading.local()  # the budget of the document this thread reads (fork keeps it)
_install_lock = threading.Lock()


def current_budget() -> Budget | None:
    return getattr(_local, "budget", None)


def _install() -> None:
    """Wrap `pypdf.filters.decode_stream_data`, the one function every decoded stream goes
    through (pypdf imports it from the module at each call), with the budget's counter.
    Outside `reading()` the wrapper only passes through."""
    from pypdf import filters
    from pypdf.errors import LimitReachedError

    with _install_lock:
        if getattr(filters.decode_stream_data, "_journal_ingest_budget", False):
            return
        original = filters.decode_stream_data

        def decode_stream_data(stream: Any) -> bytes:
            budget = current_budget()
            if budget is None:
                return original(stream)
            budget.check()
            try:
                data = original(stream)
            except LimitReachedError as exc:
                if "decompress" in str(exc).lower() or "output" in str(exc).lower():
                    raise budget.stream_over() from None
                # pypdf's other decoding limits (filters per stream, columns, decoding work)
                raise budget.trip(f"a stream goes over a pypdf decoding limit: {' '.join(str(exc).split())[:160]}",
                                  ENV["max_stream_bytes"]) from None
            if len(data) > budget.limits.max_stream_bytes:
                raise budget.stream_over()
            budget.add_decoded(len(data))
            return data

        decode_stream_data._journal_ingest_budget = True  # type: ignore[attr-defined]
        filters.decode_stream_data = decode_stream_data


def _pypdf_overrides(limits: Limits) -> dict[str, int]:
    """pypdf's own per-stream limits, set to ours (only the fields this pypdf has)."""
    from pypdf import Configuration

    names = {f.name for f in dataclasses.fields(Configuration)}
    per_stream = limits.max_stream_bytes
    wanted = {
        "maximum_declared_stream_length": per_stream,
        "array_based_stream_maximum_output_length": per_stream,
        "jbig2_maximum_output_length": per_stream,
        "lzw_maximum_output_length": per_stream,
        "run_length_maximum_output_length": per_stream,
        "zlib_maximum_output_length": per_stream,
        "brotli_maximum_output_length": per_stream,
        "image_maximum_buffer_size": per_stream,
    }
    return {k: v for k, v in wanted.items() if k in names}


@contextlib.contextmanager
def reading(path: Path, limits: Limits | None = None) -> Iterator[Budget]:
    """Within this block, every stream pypdf decodes in this thread counts against one
    document's budget, and pypdf's per-stream limits are ours. Nested blocks share the
    outer budget (one document, one budget)."""
    outer = current_budget()
    if outer is not None:
        yield outer
        return
    from pypdf import apply_configuration

    limits = limits or Limits.from_env()
    _install()
    budget = Budget(Path(path), limits)
    _local.budget = budget
    try:
        with apply_configuration(**_pypdf_overrides(limits)):
            yield budget
    finally:
        _local.budget = None
