"""The console script leaves the garbage collector off after an ingest (the process ends
right after: a collection would only walk the issue's objects); `main` called in a longer
process (tests, a caller) gets it back."""
from __future__ import annotations

import gc
from pathlib import Path

import pytest

from cli import main as console

PDF = Path(__file__).parent / "fixtures" / "issue_seed_gb1" / "issue.pdf"


def _ingest(out: Path) -> None:
    assert console.main(["ingest", str(PDF), "--out", str(out), "--no-links", "--no-report", "--quiet", "--ocr", "never"]) == 0


def test_main_in_a_longer_process_gets_the_collector_back(tmp_path: Path) -> None:
    assert gc.isenabled()
    _ingest(tmp_path)
    assert gc.isenabled()


def test_the_console_script_leaves_it_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(console, "ENDS_PROCESS", True)
    try:
        _ingest(tmp_path)
        assert not gc.isenabled()
    finally:
        gc.enable()
