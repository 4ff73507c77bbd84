"""Schema location, validation (XSD + extra checks), writing issue XML, the CLI commands,
and `schemas fetch` against a local HTTP server (never the internet)."""
from __future__ import annotations

import hashlib
import io
import json
import logging
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from cli import schemas_cmd
from cli.main import build_parser, main
from parsers.errors import BadConfig, MissingFile, SchemaInvalid
from schemas import crossref, xmlcheck
from schemas.settings import JournalSettings, load_settings
from schemas.write_xml import generate_issue_xml, write_issue_xml

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
FIXTURES = Path(__file__).parent / "fixtures"
SHARED_SCHEMAS = ROOT.parent / "shared" / "schemas"
TIMESTAMP = 20240601120000000


@pytest.fixture(scope="session")
def schema_dir() -> Path:
    """../shared/schemas, every schema compiled once for the session."""
    if not (SHARED_SCHEMAS / xmlcheck.SCHEMA_FILES["crossref-5.3.1"]).is_file():
        pytest.skip("official schemas not available at ../shared/schemas")
    for kind in ("jats-1.3", "crossref-5.3.1"):
        xmlcheck.load_schema(kind, SHARED_SCHEMAS)
    return SHARED_SCHEMAS


@pytest.fixture
def issue_dir(tmp_path: Path) -> Path:
    d = tmp_path / "2095-3453-2023-6"
    d.mkdir()
    shutil.copy(GOLDEN / "seed" / "issue.json", d / "issue.json")
    return d


@pytest.fixture
def seed_settings() -> JournalSettings:
    return load_settings(GOLDEN / "seed" / "journal.toml")


# --------------------------------------------------------------- schema location


def test_explicit_schema_dir_must_hold_schemas(tmp_path: Path) -> None:
    with pytest.raises(BadConfig, match="no schemas here"):
        xmlcheck.find_schema_dir(tmp_path)


def test_env_var_is_used_and_checked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, schema_dir: Path) -> None:
    monkeypatch.setenv(xmlcheck.ENV_VAR, str(schema_dir))
    assert xmlcheck.find_schema_dir() == schema_dir.resolve()
    monkeypatch.setenv(xmlcheck.ENV_VAR, str(tmp_path))
    with pytest.raises(BadConfig):
        xmlcheck.find_schema_dir()


def test_default_finds_shared_schemas(monkeypatch: pytest.MonkeyPatch, schema_dir: Path) -> None:
    monkeypatch.delenv(xmlcheck.ENV_VAR, raising=False)
    monkeypatch.chdir(ROOT)
    assert xmlcheck.find_schema_dir() == schema_dir.resolve()


def test_no_schemas_is_a_logged_warning_never_silent(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, issue_dir: Path,
    seed_settings: JournalSettings, tmp_path: Path,
) -> None:
    monkeypatch.delenv(xmlcheck.ENV_VAR, raising=False)
    monkeypatch.setattr(xmlcheck, "schema_dir_candidates", lambda: [tmp_path / "nowhere"])
    with caplog.at_level(logging.WARNING):
        result = generate_issue_xml(issue_dir, seed_settings, timestamp=TIMESTAMP)
    assert not result.validated and len(result.written) == 2
    assert "XSD validation SKIPPED" in caplog.text
    report = xmlcheck.validate_file(issue_dir / "crossref.xml")
    assert not report.schema_checked and report.ok


def test_schema_is_compiled_once(schema_dir: Path) -> None:
    assert xmlcheck.load_schema("jats-1.3", schema_dir) is xmlcheck.load_schema("jats-1.3", schema_dir)


# --------------------------------------------------------------------- detection


def test_detect_kind() -> None:
    assert xmlcheck.detect_kind(etree.fromstring(b'<article dtd-version="1.3"/>')) == "jats-1.3"
    assert xmlcheck.detect_kind(etree.fromstring(b'<article dtd-version="1.4"/>')) == "jats-1.4"
    cr = b'<doi_batch xmlns="http://www.crossref.org/schema/5.3.1"/>'
    assert xmlcheck.detect_kind(etree.fromstring(cr)) == "crossref-5.3.1"
    with pytest.raises(SchemaInvalid, match="unsupported Crossref"):
        xmlcheck.detect_kind(etree.fromstring(b'<doi_batch xmlns="http://www.crossref.org/schema/4.4.2"/>'))
    with pytest.raises(SchemaInvalid):
        xmlcheck.detect_kind(etree.fromstring(b"<html/>"))


# ------------------------------------------------------------------ extra checks

JATS_BAD = b"""<?xml version="1.0" encoding="UTF-8"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" dtd-version="1.3">
<front><article-meta>
<title-group><article-title>T</article-title>
<trans-title-group><trans-title>Titel</trans-title></trans-title-group></title-group>
<trans-abstract><p>x</p></trans-abstract>
<kwd-group xml:lang="zh"><kwd>\xe6\x97\xa5\xe6\x9c\xac</kwd><kwd>LOD</kwd><kwd>Asia Pacific</kwd></kwd-group>
<date-in-citation content-type="access-date" iso-8601-date="2023-01-01">2023</date-in-citation>
</article-meta></front>
<back><ref-list><ref id="r1"><mixed-citation>no type</mixed-citation></ref></ref-list></back>
</article>
"""


def test_jats_extra_checks() -> None:
    root = etree.fromstring(JATS_BAD)
    messages = [(p.line, p.message) for p in xmlcheck.check_jats(root)]
    text = "\n".join(m for _, m in messages)
    assert "<article> has no xml:lang" in text
    assert "<trans-title-group> has no xml:lang" in text
    assert "<trans-abstract> has no xml:lang" in text
    assert "keyword 'Asia Pacific' is not zh" in text and "'LOD'" not in text
    assert "without publication-type" in text
    assert "access date outside a citation" in text
    assert all(line for line, _ in messages[1:])  # line numbers where an element exists


def test_crossref_extra_checks(schema_dir: Path) -> None:
    data = (GOLDEN / "multi" / "expected" / "crossref.xml").read_bytes()
    data = data.replace(b"10.12345/jes.2024.03.003", b"10.54321/jes.2024.03.003")
    data = data.replace(b"<first_page>1</first_page>", b"<first_page>A1</first_page>")
    data = data.replace(b"<title>River Basin", b"<title>" + b"Long " * 80 + b"River Basin")
    report = xmlcheck.validate(etree.ElementTree(etree.fromstring(data)), schema_dir=schema_dir)
    text = "\n".join(map(str, report.problems))
    assert "more than one DOI prefix" in text
    assert "first_page 'A1' is not a page number" in text
    assert "limit 300" in text
    assert report.schema_checked and all(p.rule == "crossref" for p in report.problems)


# --------------------------------------------------------------- writing the XML


def test_write_issue_xml(issue_dir: Path, seed_settings: JournalSettings, schema_dir: Path) -> None:
    paths = write_issue_xml(issue_dir, seed_settings, timestamp=TIMESTAMP, schemas_dir=schema_dir)
    assert paths == [issue_dir / "articles" / "a004" / "article.xml", issue_dir / "crossref.xml"]
    assert not list(issue_dir.rglob("*.tmp"))
    for path in paths:
        assert xmlcheck.validate_file(path, schema_dir=schema_dir).ok
    golden = GOLDEN / "seed" / "expected" / "crossref.xml"
    canon = [etree.canonicalize(etree.parse(str(p))) for p in (paths[1], golden)]
    # the golden file was made with another timestamp: compare with it fixed
    assert canon[0].replace(str(TIMESTAMP), "T") == canon[1].replace(str(TIMESTAMP), "T")


def test_timestamp_increases_on_every_regeneration(issue_dir: Path, seed_settings: JournalSettings,
                                                   schema_dir: Path) -> None:
    write_issue_xml(issue_dir, seed_settings, schemas_dir=schema_dir)
    first = crossref.read_timestamp(issue_dir / "crossref.xml")
    write_issue_xml(issue_dir, seed_settings, schemas_dir=schema_dir)
    second = crossref.read_timestamp(issue_dir / "crossref.xml")
    assert second > first
    batch = etree.parse(str(issue_dir / "crossref.xml")).findtext(
        "{http://www.crossref.org/schema/5.3.1}head/{http://www.crossref.org/schema/5.3.1}doi_batch_id")
    assert batch.endswith(str(second))


def test_invalid_record_never_replaces_a_good_deposit(issue_dir: Path, seed_settings: JournalSettings,
                                                      schema_dir: Path) -> None:
    write_issue_xml(issue_dir, seed_settings, timestamp=TIMESTAMP, schemas_dir=schema_dir)
    good = (issue_dir / "crossref.xml").read_bytes()
    data = json.loads((issue_dir / "issue.json").read_text(encoding="utf-8"))
    data["articles"][0]["doi"] = "j.cnki.dbyxk.2023.06.004"
    (issue_dir / "issue.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(SchemaInvalid, match="has no prefix") as info:
        write_issue_xml(issue_dir, seed_settings, schemas_dir=schema_dir)
    assert "left unchanged" in str(info.value)
    assert (issue_dir / "crossref.xml").read_bytes() == good
    assert (issue_dir / "articles" / "a004" / "article.xml").is_file()  # JATS needs no DOI


def test_missing_issue_json(tmp_path: Path, seed_settings: JournalSettings) -> None:
    with pytest.raises(MissingFile):
        write_issue_xml(tmp_path, seed_settings, schemas_dir=False)


# ---------------------------------------------------------------------------- CLI


def test_commands_are_registered() -> None:
    help_text = build_parser().format_help()
    for command in ("xml", "validate", "schemas"):
        assert command in help_text


def test_cli_xml_and_validate(issue_dir: Path, schema_dir: Path, capsys: pytest.CaptureFixture) -> None:
    rc = main(["xml", str(issue_dir), "--journal", str(GOLDEN / "seed" / "journal.toml"),
               "--schemas", str(schema_dir)])
    assert rc == 0
    assert "crossref.xml" in capsys.readouterr().out
    assert main(["validate", str(issue_dir), "--schemas", str(schema_dir)]) == 0
    out = capsys.readouterr().out
    assert "article.xml: valid (jats-1.3)" in out and "crossref.xml: valid (crossref-5.3.1)" in out


def test_cli_xml_without_deposit_settings_writes_jats_and_warns(issue_dir: Path, schema_dir: Path,
                                                                capsys: pytest.CaptureFixture) -> None:
    assert main(["xml", str(issue_dir), "--schemas", str(schema_dir)]) == 0
    assert "crossref.xml not written" in capsys.readouterr().err
    assert (issue_dir / "articles" / "a004" / "article.xml").is_file()
    assert not (issue_dir / "crossref.xml").exists()


def test_cli_xml_with_incomplete_settings_fails_clearly(issue_dir: Path, schema_dir: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture) -> None:
    journal = tmp_path / "journal.toml"
    journal.write_text('[journal]\nurl_pattern = "https://x.example/{doi}"\n', encoding="utf-8")
    assert main(["xml", str(issue_dir), "--journal", str(journal), "--schemas", str(schema_dir)]) == 2
    err = capsys.readouterr().err
    assert "depositor_name is not set" in err and "Traceback" not in err


def test_cli_validate_reports_line_numbers(tmp_path: Path, schema_dir: Path, capsys: pytest.CaptureFixture) -> None:
    src = (GOLDEN / "seed" / "expected" / "articles" / "a004" / "article.xml").read_text(encoding="utf-8")
    bad = tmp_path / "article.xml"
    bad.write_text(src.replace("<issue>6</issue>", "<issue>6</issue>\n      <bogus/>"), encoding="utf-8")
    line = bad.read_text(encoding="utf-8").splitlines().index("      <bogus/>") + 1
    assert main(["validate", str(bad), "--schemas", str(schema_dir)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:{line}: [xsd]" in out and "bogus" in out
    broken = tmp_path / "broken.xml"
    broken.write_text("<article>\n<front>\n</article>", encoding="utf-8")
    assert main(["validate", str(broken), "--schemas", str(schema_dir)]) == 1
    assert "not well-formed" in capsys.readouterr().out


# --------------------------------------------------------------- schemas fetch


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _release_archives(schema_dir: Path, tamper: str = "") -> dict[str, bytes]:
    """Archives shaped like the official releases, rebuilt from the vendored files."""
    archives = {}
    for release in schemas_cmd.RELEASES:
        files = {}
        for installed, inner in schemas_cmd.files_for(release).items():
            data = (schema_dir / installed).read_bytes()
            if installed in schemas_cmd.ORIGINAL_SHA256:  # undo the documented rewrite
                data = data.replace(schemas_cmd.REWRITE[1], schemas_cmd.REWRITE[0])
            if installed == tamper:
                data += b"<!-- tampered -->"
            files[f"{release.archive_name[:-4]}/schemas/{inner}"] = data
        files[f"{release.archive_name[:-4]}/README.md"] = b"not a schema"
        archives[release.archive_name] = _zip(files)
    return archives


def _serve(httpserver, archives: dict[str, bytes]) -> str:
    for name, data in archives.items():
        httpserver.expect_request(f"/mirror/{name}").respond_with_data(data, content_type="application/zip")
    return httpserver.url_for("/mirror")


def test_schemas_fetch_from_local_server(httpserver, tmp_path: Path, schema_dir: Path,
                                         capsys: pytest.CaptureFixture) -> None:
    base = _serve(httpserver, _release_archives(schema_dir))
    dest = tmp_path / "schemas"
    assert main(["schemas", "fetch", "--dest", str(dest), "--base-url", base]) == 0
    assert "36 schema files" in capsys.readouterr().out
    for rel, digest in schemas_cmd.EXPECTED_SHA256.items():
        assert hashlib.sha256((dest / rel).read_bytes()).hexdigest() == digest
    assert (dest / rel).read_bytes() == (schema_dir / rel).read_bytes()
    assert xmlcheck.find_schema_dir(dest) == dest.resolve()


def test_schemas_fetch_rejects_a_checksum_mismatch(httpserver, tmp_path: Path, schema_dir: Path,
                                                   capsys: pytest.CaptureFixture) -> None:
    base = _serve(httpserver, _release_archives(schema_dir, tamper="jats/1.3/standard-modules/xlink.xsd"))
    dest = tmp_path / "schemas"
    assert main(["schemas", "fetch", "--dest", str(dest), "--base-url", base]) == 2
    err = capsys.readouterr().err
    assert "standard-modules/xlink.xsd: SHA-256 mismatch" in err
    assert not dest.exists()  # nothing installed unless everything checks out


def test_schemas_fetch_reports_http_errors(httpserver, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    httpserver.expect_request("/mirror/schema-0.3.1.zip").respond_with_data("gone", status=404)
    rc = main(["schemas", "fetch", "--dest", str(tmp_path / "s"), "--only", "crossref-5.3.1",
               "--base-url", httpserver.url_for("/mirror")])
    assert rc == 2 and "HTTP 404" in capsys.readouterr().err


# ----------------------------------------------- fixtures from the PDF generator

FIXTURE_CASES = sorted(FIXTURES.glob("issue_*/expected.json")) if FIXTURES.is_dir() else []


@pytest.mark.skipif(not FIXTURE_CASES, reason="no tests/fixtures/issue_*/expected.json yet")
@pytest.mark.parametrize("expected", FIXTURE_CASES, ids=lambda p: p.parent.name)
def test_fixture_records_give_valid_xml(expected: Path, tmp_path: Path, schema_dir: Path) -> None:
    d = tmp_path / expected.parent.name
    d.mkdir()
    shutil.copy(expected, d / "issue.json")
    journal = expected.parent.parent / "journal.toml"
    settings = load_settings(journal) if journal.is_file() else JournalSettings()
    settings.depositor_name = settings.depositor_name or "Test Depositor"
    settings.depositor_email = settings.depositor_email or "test@example.org"
    settings.registrant = settings.registrant or "Test Registrant"
    settings.url_pattern = settings.url_pattern or "https://journal.example.org/article/{id}"
    result = generate_issue_xml(d, settings, timestamp=TIMESTAMP, schemas_dir=schema_dir)
    assert not result.errors, "\n".join(result.errors)
    for path in result.written:
        report = xmlcheck.validate_file(path, schema_dir=schema_dir)
        assert report.ok, "\n".join(map(str, report.problems))
