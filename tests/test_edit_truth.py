"""Corrections become test cases: `journal-ingest corrections export` writes the corrected
record in the truth format, which the shared scorer (../shared/eval/score.py) reads."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from review.edit import apply_edit
from schemas.settings import load_settings
from tests.review_support import JOURNAL, copy_issue, ingest_issue

SCORER = Path(__file__).parents[2] / "shared" / "eval" / "score.py"
TRUTH_KEYS = {"kind", "title_zh", "title_en", "authors", "abstract_zh", "abstract_en", "keywords_zh", "keywords_en",
              "clc", "doc_code", "doi", "article_no", "fpage", "lpage", "pdf_pages", "urls"}


@pytest.fixture(scope="module")
def corrected(tmp_path_factory) -> tuple[Path, Path]:
    work = tmp_path_factory.mktemp("truth")
    original = ingest_issue(work / "out")
    issue = copy_issue(original, work / "copy")
    settings = load_settings(JOURNAL)
    apply_edit(issue, "a02", "title.en", "Japan and NATO after 2022", settings=settings, editor="t")
    apply_edit(issue, "a03", "keywords.zh", ["日本", "北约"], settings=settings, editor="t")
    apply_edit(issue, "a05", "contributors.2.name.en", "LI Xiao-dong", settings=settings, editor="t")
    return original, issue


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cli.main", "corrections", *args], capture_output=True, text=True,
                          timeout=120)


def test_export_writes_the_truth_format(corrected, tmp_path) -> None:
    _, issue = corrected
    out = tmp_path / "issue.truth.json"
    assert cli("export", str(issue), "--out", str(out)).returncode == 0
    truth = json.loads(out.read_text(encoding="utf-8"))
    assert set(truth) == {"source", "journal", "year", "issue", "articles"}
    assert truth["journal"] == {"title_zh": "东北亚学刊", "issn": "2095-3453"} and truth["year"] == 2023
    for art in truth["articles"]:
        assert set(art) <= TRUTH_KEYS and "pdf_pages" in art
        assert all(v not in ("", None) for k, v in art.items() if k != "urls")  # not printed: left out
    assert truth["articles"][1]["title_en"] == "Japan and NATO after 2022"
    assert truth["articles"][2]["keywords_zh"] == ["日本", "北约"]
    assert truth["articles"][4]["authors"][1]["name_en"] == "LI Xiao-dong"


def test_only_corrected_keeps_what_an_editor_checked(corrected) -> None:
    _, issue = corrected
    proc = cli("export", str(issue), "--only-corrected")
    arts = json.loads(proc.stdout)["articles"]
    assert [sorted(a) for a in arts] == [["pdf_pages"], ["pdf_pages", "title_en"], ["keywords_zh", "pdf_pages"],
                                         ["pdf_pages"], ["authors", "pdf_pages"]]


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/eval/score.py not here")
def test_the_shared_scorer_reads_it_and_the_uncorrected_extraction_misses_the_corrections(corrected, tmp_path) -> None:
    original, issue = corrected
    out = tmp_path / "t.json"
    cli("export", str(issue), "--out", str(out), "--only-corrected")

    def score(folder: Path) -> tuple[int, int]:
        text = subprocess.run([sys.executable, str(SCORER), str(out), str(folder)], capture_output=True, text=True,
                              timeout=120).stdout
        ok, total = re.search(r"FIELDS (\d+)/(\d+)", text).groups()
        return int(ok), int(total)

    assert score(issue) == (score(issue)[1], score(issue)[1])  # the corrected record meets its own truth
    ok, total = score(original)
    assert total - ok == 3  # the three corrected fields, as the extraction had them, miss


def test_list_prints_the_log(corrected) -> None:
    _, issue = corrected
    lines = cli("list", str(issue)).stdout.splitlines()
    assert len(lines) == 3 and re.match(r"\S+ t: a02 title.en: \".*\" -> \"Japan and NATO after 2022\"$", lines[0])
