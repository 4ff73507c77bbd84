"""Hostile and broken input that is not a PDF: edited issue.json files, settings files,
ids that would become paths, awkward file names, and staging folders of killed runs.

Each must end in one line naming the file and the problem, exit code 2, and no write
outside the output folder. Files are generated here, in tmp_path."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cli.main import main
from parsers.errors import quote_path
from schemas.model import Issue, Source
from schemas.outdir import OWNER, Staging, check_folder_name, clean_stale_staging, output_folder
from schemas.record import MAX_TEXT, read_record, write_record

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = FIXTURES / "single_article" / "issue.pdf"
ISSUE_ID = "2095-3453-2023-6"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ingested")
    assert main(["ingest", str(SAMPLE), "--out", str(out), "--no-links", "--quiet", "--no-report"]) == 0
    return out / ISSUE_ID


def tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def edited(ingested: Path, tmp_path: Path, change) -> Path:
    """A copy of the ingested issue folder (inside tmp_path/work/out) with issue.json edited."""
    d = tmp_path / "work" / "out" / ISSUE_ID
    shutil.copytree(ingested, d)
    text = (d / "issue.json").read_text(encoding="utf-8")
    new = change(text) if callable(change) else change
    (d / "issue.json").write_text(new, encoding="utf-8", errors="surrogatepass")
    return d


def set_field(path: list, value) -> callable:
    def change(text: str) -> str:
        data = json.loads(text)
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        return json.dumps(data, ensure_ascii=True)
    return change


CASES = {
    "year as string": (set_field(["year"], "2023"), "year"),
    "year NaN": (lambda t: t.replace('"year": 2023', '"year": NaN'), "NaN"),
    "year huge": (set_field(["year"], 10 ** 30), "year"),
    "articles as object": (set_field(["articles"], {"a01": {}}), "articles"),
    "duplicate keys": (lambda t: t.replace('"year": 2023', '"year": 2023, "year": 1999'), "'year' appears twice"),
    "10 MB title": (set_field(["articles", 0, "title", "zh"], "题" * (10 * 1024 * 1024 // 3)), "articles/0/title/zh"),
    "NUL": (set_field(["articles", 0, "title", "zh"], "a\x00b"), "U+0000"),
    "control char": (set_field(["articles", 0, "abstract", "en"], "bell\x07"), "articles/0/abstract/en: character U+0007"),
    "lone surrogate": (set_field(["articles", 0, "title", "en"], "x\ud800y"), "U+D800"),
    "id ../": (set_field(["articles", 0, "id"], "../robust-escape"), "articles/0/id"),
    "id absolute": (set_field(["articles", 0, "id"], "/tmp/journal-ingest-escape"), "articles/0/id"),
    "id too long": (set_field(["articles", 0, "id"], "a" * 300), "articles/0/id"),
    "deep JSON": ("[" * 200_000 + "]" * 200_000, "nested too deeply"),
    "not JSON": ("{'year': 2023}", "not valid JSON"),
}


@pytest.mark.parametrize("command", ["xml", "report"])
@pytest.mark.parametrize("case", list(CASES))
def test_broken_issue_json_is_one_clean_line(ingested, tmp_path, capsys, case, command):
    change, expected = CASES[case]
    d = edited(ingested, tmp_path, change)
    before = tree(tmp_path)
    args = [command, str(d)] + (["--journal", str(FIXTURES / "journal.toml"), "--schemas", str(tmp_path / "none")]
                                if command == "xml" else ["-q"])
    code = main(args)
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("journal-ingest: error: ") and len(err) < 600
    assert str(d / "issue.json") in err and expected in err
    assert tree(tmp_path) == before  # nothing written, inside or out
    assert not Path("/tmp/journal-ingest-escape").exists()


def test_symlinked_article_folder_is_not_written_through(ingested, tmp_path, capsys):
    d = edited(ingested, tmp_path, lambda t: t)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.rmtree(d / "articles" / "a01")
    (d / "articles" / "a01").symlink_to(outside)
    code = main(["xml", str(d), "--journal", str(FIXTURES / "journal.toml")])
    err = capsys.readouterr().err
    assert code == 2 and "outside" in err and err.count("\n") == 1
    assert list(outside.iterdir()) == []


def test_duplicate_article_ids_are_refused(ingested, tmp_path, capsys):
    def twice(text: str) -> str:
        data = json.loads(text)
        data["articles"].append(dict(data["articles"][0]))
        return json.dumps(data)
    d = edited(ingested, tmp_path, twice)
    assert main(["report", str(d), "-q"]) == 2
    assert "articles/1/id: 'a01' is the id of articles/0 too" in capsys.readouterr().err


def test_written_record_drops_what_xml_cannot_carry_and_reads_back(tmp_path):
    issue = Issue(Source("x.pdf", "0" * 64, 1))
    issue.volume = "4\x07"
    issue.journal.title.zh = "国际\x00安全\ud800研究"
    write_record(issue, tmp_path / "issue.json")
    back = read_record(tmp_path / "issue.json")
    assert back.journal.title.zh == "国际安全研究" and back.volume == "4"
    assert issue.journal.title.zh == "国际安全研究"  # the in-memory record matches what was written
    issue.journal.title.en = "x" * (MAX_TEXT + 1)
    with pytest.raises(Exception, match="journal/title/en: 100001 characters"):
        write_record(issue, tmp_path / "other.json")
    assert not (tmp_path / "other.json").exists()


# -- ids that become folders ----------------------------------------------------------------

def test_issue_id_comes_only_from_checked_parts(tmp_path):
    issue = Issue(Source("/data/in/issue.pdf", "0" * 64, 1), year=2023, issue="5/6")
    issue.journal.issn = "2095-3453"
    assert issue.issue_id == "2095-3453-2023-5-6"  # a combined issue stays one folder
    issue.journal.issn = "../.."
    assert issue.issue_id == "issue"  # not an ISSN: the PDF's name
    for bad in ("..", ".", ".hidden", "a/b", "a\\b", "a\nb", "", " x", "x" * 300, "-rf"):
        with pytest.raises(Exception, match="cannot name the output folder"):
            output_folder(tmp_path, bad, "issue.pdf")
    assert check_folder_name("2023年第6期 国际安全研究", "x") == "2023年第6期 国际安全研究"


def test_settings_issn_that_would_escape_is_refused(tmp_path, capsys):
    bad = tmp_path / "journal.toml"
    for value in ("../..", "/tmp/x", "1234-567"):
        bad.write_text(f'[journal]\nissn = "{value}"\n', encoding="utf-8")
        code = main(["ingest", str(SAMPLE), "--out", str(tmp_path / "o"), "--journal", str(bad), "--no-links",
                     "--quiet"])
        err = capsys.readouterr().err
        assert code == 2 and "'issn' must be an ISSN" in err and str(bad) in err
    assert not (tmp_path / "o").exists() and not (tmp_path / "x").exists()


def test_record_named_after_a_dot_dot_pdf_is_refused_and_nothing_escapes(tmp_path):
    """No ISSN printed: the folder is named after the PDF; `..pdf` would make it `out/..`."""
    from flows.steps import write_outputs
    from parsers.errors import BadConfig

    out = tmp_path / "deep" / "out"
    for name in ("..pdf", ".pdf", "-rf.pdf"):
        issue = Issue(Source(name, "0" * 64, 1))
        with pytest.raises(BadConfig, match="cannot name the output folder"):
            write_outputs(issue, SAMPLE, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep"] and list(out.iterdir()) == []


# -- settings files -----------------------------------------------------------------------

@pytest.mark.parametrize("content,expected", [
    ("a = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
    ("x = " + "{ y = " * 3000 + "1" + " }" * 3000 + "\n", "nested too deeply"),
    ("[journal]\nurl_pattern = \"" + "x" * (2 << 20) + "\"\n", "over the 1048576-byte limit"),
    (b"[journal]\ntitle_zh = \"\xff\"\n", "not valid TOML"),
])
def test_broken_settings_file_is_exit_2(tmp_path, capsys, content, expected):
    bad = tmp_path / "journal.toml"
    bad.write_bytes(content if isinstance(content, bytes) else content.encode())
    code = main(["xml", str(tmp_path), "--journal", str(bad)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and str(bad) in err and expected in err


def test_unreadable_settings_file_is_exit_2(tmp_path, capsys, monkeypatch):
    bad = tmp_path / "journal.toml"
    bad.write_text("[journal]\n", encoding="utf-8")
    bad.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make this one file fail as it would for a user
        real = Path.read_text

        def denied(self, *a, **k):
            if self == bad:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self, *a, **k)
        monkeypatch.setattr(Path, "read_text", denied)
    code = main(["xml", str(tmp_path), "--journal", str(bad)])
    err = capsys.readouterr().err
    assert code == 2 and "cannot read the journal settings file (Permission denied)" in err


def test_file_name_with_newline_or_bad_bytes_stays_on_one_line(tmp_path, capsys):
    for name in ("bad\nname.pdf", os.fsdecode(b"bad\xffname.pdf")):
        pdf = tmp_path / name
        pdf.write_bytes(b"not a pdf")
        code = main(["ingest", str(pdf), "--out", str(tmp_path / "o"), "--no-links", "--quiet"])
        err = capsys.readouterr().err
        assert code == 2 and err.count("\n") == 1 and quote_path(str(pdf)) in err
    # (a name that is not UTF-8 is refused above: issue.json could not hold it; a newline is kept)
    good = tmp_path / "issue\nsix.pdf"
    shutil.copy(SAMPLE, good)
    code = main(["ingest", str(good), "--out", str(tmp_path / "o"), "--no-links", "--quiet", "--no-report"])
    out = capsys.readouterr().out
    assert code == 0 and out.count("\n") == 1 and "'issue\\nsix.pdf': 1 articles" in out


# -- staging folders of killed runs ---------------------------------------------------------

HOLD = """
import sys, time
sys.path.insert(0, sys.argv[2])
from schemas.outdir import Staging
s = Staging(__import__("pathlib").Path(sys.argv[1]), "2095-3453-2023-6")
(s.path / "issue.json").write_text("{}")
print(s.path, flush=True)
time.sleep(600)
"""


def holder(out: Path) -> tuple[subprocess.Popen, Path]:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(out), str(Path(__file__).parents[1])],
                            stdout=subprocess.PIPE, text=True)
    return proc, Path(proc.stdout.readline().strip())


def test_killed_runs_staging_is_cleaned_but_a_live_runs_is_not(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    live, live_dir = holder(out)
    dead, dead_dir = holder(out)
    try:
        os.kill(dead.pid, signal.SIGKILL)
        dead.wait(10)
        (out / ".other.partial-old").mkdir()  # no owner file, young: left alone
        removed = clean_stale_staging(out)
        assert removed == [dead_dir] and not dead_dir.exists()
        assert (live_dir / "issue.json").exists() and (out / ".other.partial-old").exists()
        assert clean_stale_staging(out, now=time.time() + 2 * 86400) == [out / ".other.partial-old"]
        assert live_dir.exists()
    finally:
        live.kill()
        live.wait(10)
    assert clean_stale_staging(out) == [live_dir]


def test_ingest_cleans_a_killed_runs_staging_and_publishes_without_owner_file(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    dead, dead_dir = holder(out)
    os.kill(dead.pid, signal.SIGKILL)
    dead.wait(10)
    assert main(["ingest", str(SAMPLE), "--out", str(out), "--no-links", "--quiet", "--no-report"]) == 0
    capsys.readouterr()
    assert not dead_dir.exists()
    assert sorted(p.name for p in out.iterdir()) == [ISSUE_ID]
    assert not (out / ISSUE_ID / OWNER).exists()


def test_staging_owner_lock_is_exclusive(tmp_path):
    import fcntl

    stage = Staging(tmp_path, "x")
    with open(stage.path / OWNER) as fh, pytest.raises(OSError):
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    stage.discard()
    assert not stage.path.exists()


def test_links_json_nested_too_deep_is_a_note_not_a_crash(ingested, tmp_path, capsys):
    d = edited(ingested, tmp_path, lambda t: t)
    (d / "links.json").write_text('{"links": ' + "[" * 200_000 + "]" * 200_000 + "}", encoding="utf-8")
    assert main(["report", str(d), "-q"]) == 0
    assert "links.json: unreadable" in capsys.readouterr().err
    from schemas.jats_links import load_notes

    assert load_notes(d) == {}  # what `xml` and `links` read: unreadable, so no notes


def test_an_article_number_is_written_only_where_there_is_one_and_reads_back(tmp_path):
    """`elocation` (the article number a continuous-publication journal cites by) is left out
    of an article that has none, so earlier records and their readers are unchanged."""
    from schemas.model import Article
    issue = Issue(Source("x.pdf", "0" * 64, 1), articles=[Article(id="a01", pdf_pages=[1, 1]),
                                                       Article(id="a02", pdf_pages=[1, 1], elocation="e0115884")])
    write_record(issue, tmp_path / "issue.json")
    data = json.loads((tmp_path / "issue.json").read_text(encoding="utf-8"))
    assert "elocation" not in data["articles"][0] and data["articles"][1]["elocation"] == "e0115884"
    back = read_record(tmp_path / "issue.json")
    assert [a.elocation for a in back.articles] == ["", "e0115884"]
    data["articles"][1]["elocation"] = "x" * 33  # (Crossref's item_number holds 32 characters)
    (tmp_path / "long.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(Exception, match="elocation"):
        read_record(tmp_path / "long.json")
