"""`journal-ingest edit` as a user runs it: a subprocess, its exit code, its one-line errors."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from review.edit import read_corrections
from tests.review_support import JOURNAL
from tests.test_edit import ingested, issue, snapshot  # noqa: F401  (the sample issue and a private copy: fixtures)


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cli.main", "edit", *args], capture_output=True, text=True,
                          timeout=300)


def test_edit_a_list_field_from_the_command_line(issue) -> None:
    proc = cli(str(issue), "a02", "keywords.zh", '["日本", "北约"]', "--journal", str(JOURNAL), "--by", "Wang Fang")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith('a02 keywords.zh: ["')
    assert '-> ["日本", "北约"] (version ' in proc.stdout
    record = json.loads((issue / "issue.json").read_text(encoding="utf-8"))
    assert record["articles"][1]["keywords"]["zh"] == ["日本", "北约"]
    assert "<kwd>北约</kwd>" in (issue / "articles" / "a02" / "article.xml").read_text(encoding="utf-8")
    [log] = read_corrections(issue)
    assert log["editor"] == "Wang Fang" and log["new"] == ["日本", "北约"]


BAD = [
    (["a02", "titel.en", "x"], "titel.en: unknown field 'titel'"),
    (["a02", "keywords.zh", "日本, 北约"], "keywords.zh: expected JSON for a list"),
    (["a02", "received", "2023-13-01"], "received: '2023-13-01' is not a calendar date"),
    (["a02", "doi", "10.1/x"], "doi: '10.1/x' is not a DOI"),
    (["a99", "title.en", "x"], "a99: no article 'a99'"),
    (["a02", "title.en"], "needs ARTICLE FIELD VALUE"),
]


@pytest.mark.parametrize("args,message", BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_path_type_or_value_is_one_line_and_exit_2(issue, args, message) -> None:
    before = snapshot(issue)
    proc = cli(str(issue), *args, "--journal", str(JOURNAL))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and message in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    assert snapshot(issue) == before


def test_stale_version_exits_3(issue) -> None:
    proc = cli(str(issue), "a02", "title.en", "x", "--if-version", "0123456789abcdef", "--journal", str(JOURNAL))
    assert proc.returncode == 3 and "changed since you opened it" in proc.stderr


def test_show_lists_paths_and_version(issue) -> None:
    proc = cli(str(issue), "a03", "--show")
    assert proc.returncode == 0
    assert proc.stdout.startswith("a03 version ")
    assert "\ncontributors.1.name.en (text): " in proc.stdout
    assert "\nkeywords.zh (list): [" in proc.stdout
    assert "\nreceived (date): \"2023-03-15\"" in proc.stdout
    assert "pdf_pages" not in proc.stdout


def test_help_has_examples() -> None:
    proc = subprocess.run([sys.executable, "-m", "cli.main", "edit", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0
    assert "journal-ingest edit output/2095-3453-2023-6 a02 keywords.zh '[\"日本\", \"北约\"]'" in proc.stdout
    assert "contributors.1.name.en" in proc.stdout


def test_readme_documents_the_commands_and_shows_the_screenshots() -> None:
    root = Path(__file__).parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    for text in ("journal-ingest edit", "journal-ingest review", "corrections.jsonl", "doi_pattern", "doi_source",
                 "provenance"):
        assert text in readme, text
    for shot in re.findall(r"\]\((docs/[^)]+\.png)\)", readme):
        assert (root / shot).is_file(), shot
    assert re.findall(r"\]\((docs/[^)]+\.png)\)", readme)
