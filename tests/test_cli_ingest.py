"""The `ingest` command end to end: outputs, one-line errors, atomic and non-destructive writes."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import main
from pypdf import PdfReader

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = FIXTURES / "single_article" / "issue.pdf"


def run(*args: str, capsys=None) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr() if capsys else ("", "")
    return code, out, err


def test_ingest_writes_record_and_article_pdfs(tmp_path: Path, capsys) -> None:
    code, out, _ = run("ingest", str(SAMPLE), "--out", str(tmp_path), "--no-links", "--quiet", capsys=capsys)
    assert code == 0
    issue_dir = tmp_path / "2095-3453-2023-6"
    record = json.loads((issue_dir / "issue.json").read_text(encoding="utf-8"))
    assert record["articles"][0]["title"]["zh"] == "乌克兰危机下日本与北约的战略合作"
    pdf = PdfReader(str(issue_dir / "articles" / "a01" / "article.pdf"))
    first, last = record["articles"][0]["pdf_pages"]
    assert len(pdf.pages) == last - first + 1
    assert "乌克兰危机下日本与北约的战略合作" in pdf.metadata.title
    assert "陈静静" in pdf.metadata.author
    assert "1 articles" in out and str(issue_dir) in out
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "staging folder left behind"
    # the editors' review page comes with every ingest, and outputs are readable like any file
    assert "乌克兰危机下日本与北约的战略合作" in (issue_dir / "report.html").read_text(encoding="utf-8")
    from schemas.record import current_umask
    for path in (issue_dir, issue_dir / "issue.json", issue_dir / "report.html"):
        expected = (0o777 if path.is_dir() else 0o666) & ~current_umask()
        assert path.stat().st_mode & 0o777 == expected, path


def test_no_report_flag_leaves_the_report_out(tmp_path: Path, capsys) -> None:
    code, _, _ = run("ingest", str(SAMPLE), "--out", str(tmp_path), "--no-links", "--no-report", "--quiet", capsys=capsys)
    assert code == 0
    assert (tmp_path / "2095-3453-2023-6" / "issue.json").exists()
    assert not (tmp_path / "2095-3453-2023-6" / "report.html").exists()


MULTI = FIXTURES / "issue_seed_gb1" / "issue.pdf"


def _outputs(issue_dir: Path) -> dict[str, object]:
    """What an ingest published: the record, each article PDF's pages and info, the XML and report."""
    got: dict[str, object] = {"issue.json": (issue_dir / "issue.json").read_text(encoding="utf-8")}
    for pdf in sorted(issue_dir.glob("articles/*/article.pdf")):
        reader = PdfReader(str(pdf))
        got[str(pdf.relative_to(issue_dir))] = ([p.extract_text() for p in reader.pages], reader.metadata.title,
                                                reader.metadata.author)
    for xml in sorted(issue_dir.glob("articles/*/article.xml")):
        got[str(xml.relative_to(issue_dir))] = xml.read_bytes()
    got["files"] = sorted(str(p.relative_to(issue_dir)) for p in issue_dir.rglob("*"))
    return got


def test_article_pdfs_written_beside_the_other_steps_give_the_same_outputs(tmp_path: Path, monkeypatch, capsys) -> None:
    """With two cores the article PDFs are written by a forked process while this one writes
    the XML and the report: the published folder must not depend on it."""
    import flows.steps

    monkeypatch.setattr(flows.steps, "PARALLEL_MIN_ARTICLES", 2)
    args = ["ingest", str(MULTI), "--no-links", "--quiet", "--journal", str(FIXTURES / "journal.toml")]
    assert run(*args, "--out", str(tmp_path / "one"), "--workers", "1", capsys=capsys)[0] == 0
    assert run(*args, "--out", str(tmp_path / "two"), "--workers", "2", capsys=capsys)[0] == 0
    one, two = (_outputs(tmp_path / d / "2095-3453-2023-6") for d in ("one", "two"))
    assert len([k for k in one if k.endswith(".pdf")]) >= 2
    assert one == two


def test_a_failing_article_pdf_process_publishes_nothing(tmp_path: Path, monkeypatch, capsys) -> None:
    import flows.steps

    def broken(reader, art):
        raise OSError(f"disk full while writing {art.id}")

    monkeypatch.setattr(flows.steps, "PARALLEL_MIN_ARTICLES", 2)
    monkeypatch.setattr(flows.steps, "article_pdf_bytes", broken)  # inherited by the forked child
    code, _, err = run("ingest", str(MULTI), "--out", str(tmp_path), "--no-links", "--quiet", "--workers", "2",
                       capsys=capsys)
    assert code != 0 and "disk full while writing a01" in err
    assert list(tmp_path.iterdir()) == []  # neither a published folder nor a staging folder


def test_existing_output_is_never_overwritten_silently(tmp_path: Path, capsys) -> None:
    assert run("ingest", str(SAMPLE), "--out", str(tmp_path), "--no-links", "--quiet", capsys=capsys)[0] == 0
    record = tmp_path / "2095-3453-2023-6" / "issue.json"
    record.write_text(record.read_text(encoding="utf-8").replace("陈静静", "陈静静(edited)"), encoding="utf-8")
    code, _, err = run("ingest", str(SAMPLE), "--out", str(tmp_path), "--no-links", "--quiet", capsys=capsys)
    assert code == 2 and "already exists" in err and err.count("\n") == 1
    assert "(edited)" in record.read_text(encoding="utf-8")
    code, _, _ = run("ingest", str(SAMPLE), "--out", str(tmp_path), "--no-links", "--quiet", "--force", capsys=capsys)
    assert code == 0
    kept = [p for p in tmp_path.iterdir() if ".replaced-" in p.name]
    assert len(kept) == 1 and "(edited)" in (kept[0] / "issue.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("make,problem", [
    (lambda p: None, "no such file"),
    (lambda p: p.write_bytes(b"not a pdf at all"), ""),
    (lambda p: p.write_bytes(SAMPLE.read_bytes()[: len(SAMPLE.read_bytes()) // 2]), ""),
    (lambda p: shutil.copy(FIXTURES / "textlayer" / "encrypted_user.pdf", p), "encrypt"),
])
def test_bad_pdf_gives_one_line_and_no_output(tmp_path: Path, capsys, make, problem: str) -> None:
    pdf = tmp_path / "bad.pdf"
    make(pdf)
    out = tmp_path / "out"
    code, _, err = run("ingest", str(pdf), "--out", str(out), "--no-links", "--quiet", capsys=capsys)
    assert code == 2
    assert err.count("\n") == 1 and "bad.pdf" in err and problem in err.lower()
    assert not out.exists() or not any(out.iterdir())


def test_scanned_pdf_is_reported_as_image_only(tmp_path: Path, capsys) -> None:
    scanned = Path(__file__).resolve().parents[2] / "shared" / "real" / "zh_c2group_nudt" / "SCANNED_growth_mindset_gdjyyjxb2020-1.pdf"
    if not scanned.exists():
        pytest.skip("../shared/real not present")
    # (with OCR, the default, it is read: tests/test_ocr.py; here OCR is off)
    code, _, err = run("ingest", str(scanned), "--out", str(tmp_path / "o"), "--no-links", "--quiet", "--ocr", "never",
                       capsys=capsys)
    assert code == 2 and "text layer" in err and scanned.name in err and "--ocr never" in err


def test_bad_journal_file_is_named(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "journal.toml"
    bad.write_text("[journal]\ntitle_zh = 3\n", encoding="utf-8")
    code, _, err = run("ingest", str(SAMPLE), "--out", str(tmp_path / "o"), "--journal", str(bad), "--no-links", "--quiet", capsys=capsys)
    assert code == 2 and "journal.toml" in err and "title_zh" in err
    bad.write_text("[journal\n", encoding="utf-8")
    code, _, err = run("ingest", str(SAMPLE), "--out", str(tmp_path / "o"), "--journal", str(bad), "--no-links", "--quiet", capsys=capsys)
    assert code == 2 and "TOML" in err


def test_every_command_has_help() -> None:
    for cmd in ("ingest", "xml", "validate", "links", "deposit", "deposits"):
        proc = subprocess.run([sys.executable, "-m", "cli.main", cmd, "--help"], capture_output=True, text=True)
        assert proc.returncode == 0 and "usage:" in proc.stdout, cmd


def test_help_commands_appear_in_readme() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    for cmd in ("ingest", "xml", "validate", "schemas fetch", "links", "deposit", "deposits"):
        assert f"journal-ingest {cmd}" in readme


def test_the_command_exits_quickly_with_its_output_flushed_and_its_code(tmp_path: Path) -> None:
    """The console script skips the interpreter's teardown (os._exit): what it printed must
    still arrive through a pipe, the outputs must be complete and the exit code right."""
    ok = subprocess.run([sys.executable, "-m", "cli.main", "ingest", str(SAMPLE), "--out", str(tmp_path / "out"),
                         "--no-links", "--no-report", "--quiet"], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.strip().endswith(str(tmp_path / "out" / "2095-3453-2023-6"))
    assert json.loads((tmp_path / "out" / "2095-3453-2023-6" / "issue.json").read_text(encoding="utf-8"))["articles"]
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n% not really\n")
    fail = subprocess.run([sys.executable, "-m", "cli.main", "ingest", str(bad), "--out", str(tmp_path / "out2"),
                           "--quiet"], capture_output=True, text=True)
    assert fail.returncode == 2 and fail.stderr.count("\n") == 1 and "bad.pdf" in fail.stderr


def test_a_printers_pdf_reads_as_the_issue_it_holds(tmp_path: Path, capsys) -> None:
    """tests/fixtures/issue_printer_marks: issue_seed_gb1's pages on sheets 72 pt larger all
    round, with crop marks and a slug line outside the TrimBox. Nothing outside it is read,
    and the page is measured from its own edges (its head and folio lie below the sheet's
    top 8.5%): the record is the plain issue's, its boxes 72 pt further in (provenance gives
    the sheet's positions, which article.pdf keeps and a viewer shows)."""
    out = {}
    for name in ("issue_printer_marks", "issue_seed_gb1"):
        assert run("ingest", str(FIXTURES / name / "issue.pdf"), "--out", str(tmp_path / name), "--no-links",
                   "--quiet", "--no-report", capsys=capsys)[0] == 0
        out[name] = json.loads(next((tmp_path / name).glob("*/issue.json")).read_text(encoding="utf-8"))
    got, want = out["issue_printer_marks"], out["issue_seed_gb1"]
    strip = lambda a: {k: v for k, v in a.items() if k != "provenance"}  # noqa: E731
    assert [strip(a) for a in got["articles"]] == [strip(a) for a in want["articles"]]
    moved = [b + 72 for a in want["articles"] for where in a["provenance"].values() for b in where["box"]]
    boxes = [b for a in got["articles"] for where in a["provenance"].values() for b in where["box"]]
    assert moved and boxes == pytest.approx(moved, abs=0.11)
