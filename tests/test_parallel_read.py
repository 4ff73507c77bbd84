"""The text layer read by forked workers (which start from the parent's open reader) is the
text layer read in one process, field for field."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from textlayer_equivalence import plain  # noqa: E402

from parsers import textlayer  # noqa: E402
from parsers.textlayer import read_document  # noqa: E402


@pytest.mark.parametrize("pdf", ["tests/fixtures/issue_seed_gb1/issue.pdf", "tests/fixtures/issue_seed_ucs2/issue.pdf"])
def test_workers_read_what_one_process_reads(pdf: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textlayer, "PARALLEL_MIN_PAGES", 1)
    one = plain(read_document(ROOT / pdf, workers=1))
    assert plain(read_document(ROOT / pdf, workers=3)) == one


def test_a_forked_worker_is_handed_the_open_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """(it need not open and walk the file again) — and reads the same pages with it."""
    seen: list[bool] = []
    real = textlayer._chunk_worker

    def worker(path, chunks, counter, out, reader=None, inset=None):  # type: ignore[no-untyped-def]
        if reader is None:  # (told through the queue: the assertion runs in the parent)
            out.put((-1, ("CorruptPdf", "no reader handed over")))
            out.put(None)
            return
        real(path, chunks, counter, out, reader, inset)

    monkeypatch.setattr(textlayer, "PARALLEL_MIN_PAGES", 1)
    monkeypatch.setattr(textlayer, "_chunk_worker", worker)
    pdf = ROOT / "tests/fixtures/issue_seed_gb1/issue.pdf"
    got = read_document(pdf, workers=2, meanwhile=lambda: seen.append(True))
    assert seen and [p.text for p in got.pages] == [p.text for p in read_document(pdf, workers=1).pages]
