"""DOI assignment from a journal's doi_pattern: the formatter (property tests), ingest, the editor."""
from __future__ import annotations

import json
import string
from pathlib import Path

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from parsers import identifiers
from parsers.errors import BadConfig
from review.doi import assign_in_folder
from review.edit import read_corrections, read_issue_dict
from schemas.doi_pattern import PatternError, Slot, check_pattern, format_doi, plan
from schemas.settings import load_settings
from tests.review_support import JOURNAL, SAMPLE, copy_issue, ingest_issue
from tests.test_edit import _ledger_with, snapshot

PATTERN = "10.19498/j.cnki.dbyxk.{year}.{issue:02d}.{seq:03d}"
SETTINGS = load_settings(JOURNAL)

years = st.integers(1900, 2100)
issues = st.one_of(st.integers(1, 99), st.integers(1, 99).map(str))
seqs = st.integers(1, 999)
pages = st.one_of(st.integers(1, 9999).map(str), st.from_regex(r"[A-Za-z]?[0-9]{1,4}", fullmatch=True))
ids = st.from_regex(r"a[0-9]{2}", fullmatch=True)


@given(years, issues, seqs, ids, pages)
def test_the_example_pattern_always_gives_a_valid_doi_with_the_prefix(year, issue, seq, aid, fpage) -> None:
    doi = format_doi(PATTERN, year=year, volume="", issue=issue, seq=seq, fpage=fpage, id=aid)
    assert identifiers.valid_doi(doi) and identifiers.doi_prefix(doi) == "10.19498"
    assert doi == f"10.19498/j.cnki.dbyxk.{year}.{int(issue):02d}.{seq:03d}"


@given(years, issues, st.lists(seqs, min_size=2, max_size=30, unique=True))
def test_different_positions_give_different_dois(year, issue, seq_list) -> None:
    dois = [format_doi(PATTERN, year=year, volume="", issue=issue, seq=s, fpage="1", id="a01") for s in seq_list]
    assert len(set(dois)) == len(dois)


suffix_text = st.text(alphabet=string.ascii_letters + string.digits + "-._;()/:", min_size=1, max_size=12)
names = st.sampled_from(["year", "issue", "volume", "seq", "fpage", "id"])
specs = st.sampled_from(["", ":02d", ":03d", ":04d", ":d"])


@st.composite
def patterns(draw) -> str:
    pieces = [draw(suffix_text)]
    for _ in range(draw(st.integers(0, 3))):
        name = draw(names)
        pieces.append("{" + name + (draw(specs) if name not in ("id",) else "") + "}" + draw(suffix_text))
    pieces.append("{" + draw(st.sampled_from(["seq", "fpage", "id"])) + "}")
    return "10." + draw(st.from_regex(r"[0-9]{4,9}", fullmatch=True)) + "/" + "".join(pieces)


@hsettings(max_examples=200)
@given(patterns(), years, st.integers(1, 99), st.integers(1, 99), seqs, st.integers(1, 9999))
def test_any_accepted_pattern_gives_a_doi_crossref_accepts_or_says_why(pattern, year, volume, issue, seq, fpage) -> None:
    try:
        check_pattern(pattern)
    except PatternError as exc:
        assert pattern in str(exc)
        return
    try:
        doi = format_doi(pattern, year=year, volume=volume, issue=issue, seq=seq, fpage=fpage, id="a01")
    except PatternError as exc:  # e.g. {id:02d}: a value that does not fit its format
        assert "cannot be filled" in str(exc) or "not a DOI" in str(exc)
        return
    assert identifiers.valid_doi(doi)
    assert doi == pattern.format(year=year, volume=volume, issue=issue, seq=seq, fpage=fpage, id="a01")


@given(st.lists(st.tuples(seqs, st.booleans()), min_size=1, max_size=20, unique_by=lambda t: t[0]))
def test_plan_never_touches_a_doi_and_never_gives_one_twice(rows) -> None:
    slots = [Slot(f"a{k:02d}", seq, str(seq), f"10.19498/j.cnki.dbyxk.2023.06.{seq + 1:03d}" if has else "")
             for k, (seq, has) in enumerate(rows)]
    assigned, problems = plan(PATTERN, year=2023, volume="", issue="6", slots=slots)
    had = {s.id for s in slots if s.doi}
    assert not (set(assigned) & had) and not (set(problems) & had)
    assert set(assigned) | set(problems) == {s.id for s in slots if not s.doi}
    everything = [s.doi.lower() for s in slots if s.doi] + [d.lower() for d in assigned.values()]
    assert len(everything) == len(set(everything))


BAD_PATTERNS = [
    ("10.19498/x.{year}.{issue:02d}", "names nothing that differs"),
    ("10.19498/x.{seq.real}", "unknown name"),
    ("10.19498/x.{seq!r}", "no conversions"),
    ("10.19498/x.{page}", "unknown name {page}"),
    ("10.1/x.{seq}", "not a DOI"),
    ("10.19498/x y.{seq}", "not a DOI"),
    ("10.19498/期刊.{seq}", "not a DOI"),
    ("10.19498/x.{seq", "doi_pattern"),
    ("10.19498/x.{id:03d}", "cannot be filled"),
    ("10.5555/x.{seq}", "does not start with the journal's doi_prefix 10.19498/"),
]


@pytest.mark.parametrize("pattern,message", BAD_PATTERNS)
def test_bad_patterns_are_refused_when_the_settings_are_read(tmp_path, pattern, message) -> None:
    path = tmp_path / "journal.toml"
    prefix = 'doi_prefix = "10.19498"\n' if "prefix" in message else ""
    path.write_text(f'[journal]\n{prefix}doi_pattern = "{pattern}"\n', encoding="utf-8")
    with pytest.raises(BadConfig, match=message) as info:
        load_settings(path)
    assert str(path) in str(info.value)


def test_an_issue_that_is_not_a_number_is_said_plainly() -> None:
    with pytest.raises(PatternError, match="cannot be filled"):
        format_doi(PATTERN, year=2023, volume="", issue="增刊1", seq=1, fpage="1", id="a01")


# ---- on ingest and from the editor --------------------------------------------------------


def with_pattern(tmp_path: Path, pattern: str) -> Path:
    path = tmp_path / "journal.toml"
    path.write_text(JOURNAL.read_text(encoding="utf-8") + f'doi_pattern = "{pattern}"\n', encoding="utf-8")
    return path


def test_ingest_assigns_dois_where_none_is_printed_and_marks_them(tmp_path) -> None:
    from cli.main import main

    journal = with_pattern(tmp_path, "10.19498/j.cnki.dbyxk.{year}.{issue:02d}.{fpage:04d}")
    assert main(["ingest", str(SAMPLE), "--out", str(tmp_path / "out"), "--journal", str(journal),
                 "--no-links", "--no-report", "--quiet"]) == 0
    arts = {a["id"]: a for a in json.loads((tmp_path / "out" / "2095-3453-2023-6" / "issue.json").read_text())["articles"]}
    assert arts["a02"]["doi"] == "10.19498/j.cnki.dbyxk.2023.06.004" and arts["a02"]["doi_source"] == "printed"
    assert arts["a01"]["doi"] == "10.19498/j.cnki.dbyxk.2023.06.0041" and arts["a01"]["doi_source"] == "assigned"
    assert arts["a04"]["doi"] == "10.19498/j.cnki.dbyxk.2023.06.0056" and arts["a04"]["doi_source"] == "assigned"
    crossref = (tmp_path / "out" / "2095-3453-2023-6" / "crossref.xml").read_text(encoding="utf-8")
    assert "<doi>10.19498/j.cnki.dbyxk.2023.06.0056</doi>" in crossref


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> Path:
    return ingest_issue(tmp_path_factory.mktemp("doi") / "out")


def test_editor_assigns_only_missing_dois_and_reports_collisions(ingested, tmp_path) -> None:
    issue = copy_issue(ingested, tmp_path)
    settings = load_settings(with_pattern(tmp_path, PATTERN))
    printed = {a["id"]: a["doi"] for a in read_issue_dict(issue)["articles"] if a["doi"]}
    result = assign_in_folder(issue, settings, editor="Wang Fang")
    arts = {a["id"]: a for a in read_issue_dict(issue)["articles"]}
    # a01 is first: .001; a04 would get .004, which a02 prints: not given, said why
    assert arts["a01"]["doi"] == "10.19498/j.cnki.dbyxk.2023.06.001" and arts["a01"]["doi_source"] == "assigned"
    assert arts["a04"]["doi"] == ""
    assert any(n.startswith("a04: doi_pattern gives 10.19498/j.cnki.dbyxk.2023.06.004, which article a02 already has")
               for n in result.notes)
    assert {aid: arts[aid]["doi"] for aid in printed} == printed
    [log] = read_corrections(issue)
    assert log == {**log, "article": "a01", "field": "doi", "old": "", "new": "10.19498/j.cnki.dbyxk.2023.06.001",
                   "editor": "Wang Fang"}
    assert "10.19498/j.cnki.dbyxk.2023.06.001" in (issue / "articles" / "a01" / "article.xml").read_text(encoding="utf-8")
    assert "10.19498/j.cnki.dbyxk.2023.06.001" in (issue / "crossref.xml").read_text(encoding="utf-8")
    before = snapshot(issue)
    again = assign_in_folder(issue, settings)  # nothing left to give: nothing written
    assert again.changes == [] and snapshot(issue) == before


def test_editor_never_gives_a_doi_the_ledger_holds(ingested, tmp_path) -> None:
    issue = copy_issue(ingested, tmp_path)
    ledger = tmp_path / "ledger.sqlite3"
    _ledger_with(ledger, "10.19498/j.cnki.dbyxk.2023.06.0041", "registered")
    settings = load_settings(with_pattern(tmp_path, "10.19498/j.cnki.dbyxk.{year}.{issue:02d}.{fpage:04d}"))
    result = assign_in_folder(issue, settings, ledger=ledger)
    arts = {a["id"]: a for a in read_issue_dict(issue)["articles"]}
    assert arts["a01"]["doi"] == "" and arts["a04"]["doi"] == "10.19498/j.cnki.dbyxk.2023.06.0056"
    assert any("a01: " in n and "deposit ledger holds" in n for n in result.notes)


def test_no_pattern_is_an_error(ingested, tmp_path) -> None:
    with pytest.raises(BadConfig, match="no doi_pattern"):
        assign_in_folder(copy_issue(ingested, tmp_path), SETTINGS)


def test_cli_assigns(ingested, tmp_path) -> None:
    import subprocess
    import sys

    issue = copy_issue(ingested, tmp_path)
    journal = with_pattern(tmp_path, "10.19498/j.cnki.dbyxk.{year}.{issue:02d}.{fpage:04d}")
    proc = subprocess.run([sys.executable, "-m", "cli.main", "edit", str(issue), "--assign-dois", "--journal", str(journal)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["a01 doi: assigned 10.19498/j.cnki.dbyxk.2023.06.0041",
                                        "a04 doi: assigned 10.19498/j.cnki.dbyxk.2023.06.0056"]
