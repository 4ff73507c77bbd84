"""schemas.record.flushed_together: a staging folder's files skip their own fsync and are
all flushed, files and folders, before the block ends (and so before publishing)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from schemas import record

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/fd")


@pytest.fixture
def flushed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths os.fsync was called on, in order."""
    seen: list[str] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        seen.append(os.readlink(f"/proc/self/fd/{fd}"))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return seen


def test_outside_a_block_each_file_is_flushed_as_written(tmp_path: Path, flushed: list[str]) -> None:
    record.write_atomic(tmp_path / "a.xml", b"<a/>")
    assert len(flushed) == 1 and Path(flushed[0]).parent == tmp_path


def test_inside_a_block_files_are_flushed_together_at_its_end(tmp_path: Path, flushed: list[str]) -> None:
    stage = tmp_path / "stage"
    stage.mkdir()
    with record.flushed_together(stage):
        record.write_atomic(stage / "issue.json", b"{}")
        record.write_atomic(stage / "articles" / "a01" / "article.xml", b"<a/>")
        assert flushed == []  # (not one by one)
        record.write_atomic(tmp_path / "elsewhere.txt", b"x")  # (outside the folder: as before)
        assert [Path(p).parent for p in flushed] == [tmp_path]  # (its temporary file, before the rename)
        assert Path(flushed[0]).name.startswith(".elsewhere.txt.")
    want = {stage / "issue.json", stage / "articles" / "a01" / "article.xml", stage / "articles" / "a01",
            stage / "articles", stage}
    assert {Path(p) for p in flushed[1:]} == want


def test_a_failed_block_flushes_nothing(tmp_path: Path, flushed: list[str]) -> None:
    with pytest.raises(RuntimeError), record.flushed_together(tmp_path):
        record.write_atomic(tmp_path / "issue.json", b"{}")
        raise RuntimeError("a writer failed")
    assert flushed == []
    assert not record._DEFERRED  # (the next write outside is flushed again)


def test_an_ingest_publishes_only_flushed_files(tmp_path: Path, flushed: list[str]) -> None:
    """Every file of the published folder (the forked article-PDF writer's too) was flushed
    before the folder was published, none of them one by one while being written."""
    from flows.extras import after_extract_hook
    from flows.steps import ingest

    pdf = Path(__file__).parent / "fixtures" / "issue_seed_gb1" / "issue.pdf"
    settings = Path(__file__).parent / "fixtures" / "journal.toml"
    result = ingest(pdf, tmp_path, settings, workers=2, ocr="never",
                    after_extract=after_extract_hook(settings, links=False, schemas=False, report=False))
    # (flushed in the staging folder, tmp_path/.<issue-id>…/: the same names below it)
    staging_names = {Path(*Path(p).relative_to(tmp_path).parts[1:]) for p in flushed if Path(p).is_relative_to(tmp_path)}
    published = {p.relative_to(result.out_dir) for p in result.out_dir.rglob("*") if p.is_file()}
    assert len(published) >= 12 and published <= staging_names
    assert len(flushed) == len(set(flushed))  # (each once: no file also flushed while written)
