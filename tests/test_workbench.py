"""The review web app (review/app.py) under a real uvicorn on a free loopback port, driven
with requests: pages, saves through the edit core, refusals, and its safety rules."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
import uvicorn

from cli.review import bind
from review.app import create_app, warm_up
from review.edit import read_corrections, read_issue_dict
from schemas.settings import load_settings
from tests.review_support import JOURNAL, copy_issue, ingest_issue
from tests.test_edit import snapshot

SETTINGS = load_settings(JOURNAL)


class Running:
    """The app served by uvicorn in a thread, on a port the system picked."""

    def __init__(self, app) -> None:
        self.sock = bind("127.0.0.1", 0)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)
        self.http = requests.Session()
        self.http.trust_env = False  # loopback: never through a proxy

    def __enter__(self) -> "Running":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.http.close()

    def get(self, path: str, **kw) -> requests.Response:
        return self.http.get(self.url + path, timeout=60, **kw)

    def post(self, path: str, data: dict, **kw) -> requests.Response:
        kw.setdefault("allow_redirects", False)
        return self.http.post(self.url + path, data=data, timeout=120, **kw)


def form_of(html: str, field: str) -> dict[str, str]:
    """The hidden inputs of one field's form on the article page."""
    block = re.search(rf'<form[^>]*id="f-{re.escape(field)}".*?</form>', html, re.S)
    assert block, f"no form for {field}"
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', block.group(0)))


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> Path:
    warm_up(SETTINGS, None)  # compile the XSDs once, as `journal-ingest review` does at start
    from review.report import write_review_report

    issue = ingest_issue(tmp_path_factory.mktemp("workbench") / "out")
    write_review_report(issue)
    return issue


@pytest.fixture
def issue(ingested, tmp_path) -> Path:
    return copy_issue(ingested, tmp_path)


@pytest.fixture
def app(issue):
    with Running(create_app(issue, settings=SETTINGS)) as running:
        yield running


def test_issue_page_lists_articles_with_their_flag_and_warning_counts(app) -> None:
    r = app.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    rows = dict(re.findall(r'<tr id="row-(a\d+)" class="([^"]*)"', r.text))
    assert list(rows) == ["a01", "a02", "a03", "a04", "a05"]
    a05 = re.search(r'id="row-a05".*?flagged-count">(\d+)<.*?warning-count">(\d+)<', r.text, re.S)
    assert int(a05.group(1)) >= 2 and int(a05.group(2)) == 1 and rows["a05"] == "needs-check"
    a02 = re.search(r'id="row-a02".*?flagged-count">(\d+)<.*?warning-count">(\d+)<', r.text, re.S)
    assert a02.groups() == ("0", "0") and rows["a02"] == ""


def test_article_page_puts_flagged_fields_first_and_shows_the_page(app, issue) -> None:
    r = app.get("/a/a05")
    assert r.status_code == 200
    order = re.findall(r'<form method="post"[^>]*class="field( flagged)?[^"]*" id="f-([^"]+)"', r.text)
    flagged = [path for flag, path in order if flag]
    assert flagged and [p for _, p in order[:len(flagged)]] == flagged  # flagged ones lead
    assert "lpage" in flagged and "article_no" in flagged
    assert "the 文章编号 page count disagrees" in r.text  # why, beside the field
    # every editable field has a form, each with its kind
    assert 'id="f-keywords.zh"' in r.text and 'id="f-contributors.2.name.en"' in r.text
    assert 'type="date" name="value" id="v-received"' in r.text
    assert 'id="f-pdf_pages"' not in r.text
    img = re.search(r'<img src="(/a/a05/page/1.png\?zoom=1.0)" width="700"', r.text)
    png = app.get(img.group(1).replace("&amp;", "&"))
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
    from PIL import Image
    import io
    assert Image.open(io.BytesIO(png.content)).width == 700
    big = app.get("/a/a05/page/1.png?zoom=2.0")
    assert Image.open(io.BytesIO(big.content)).width == 1400


def test_page_navigation_walks_the_article_pages(app, issue) -> None:
    art = next(a for a in read_issue_dict(issue)["articles"] if a["pdf_pages"][1] > a["pdf_pages"][0])
    pages = art["pdf_pages"][1] - art["pdf_pages"][0] + 1
    r = app.get(f"/a/{art['id']}?page=2&zoom=1.5")
    assert f"page 2 of {pages}" in r.text
    assert f'href="/a/{art["id"]}?page=1&amp;zoom=1.5" id="page-prev"' in r.text
    assert f'/a/{art["id"]}/page/2.png?zoom=1.5' in r.text
    assert app.get(f"/a/{art['id']}/page/{pages + 1}.png").status_code == 404


def test_a_save_rebuilds_the_files_and_shows_the_new_value(app, issue) -> None:
    page = app.get("/a/a02").text
    r = app.post("/a/a02/edit", {**form_of(page, "title.en"), "value": "A Title the Editor Fixed",
                                  "editor": "Wang Fang"})
    assert r.status_code == 303 and r.headers["location"].startswith("/a/a02?saved=title.en")
    shown = app.get(r.headers["location"]).text
    assert 'value="A Title the Editor Fixed"' in shown and 'id="saved"' in shown
    assert "A Title the Editor Fixed" in (issue / "articles" / "a02" / "article.xml").read_text(encoding="utf-8")
    assert "A Title the Editor Fixed" in (issue / "crossref.xml").read_text(encoding="utf-8")
    assert "A Title the Editor Fixed" in app.get("/files/report.html").text
    assert "A Title the Editor Fixed" in app.get("/a/a02/article.xml").text
    [log] = read_corrections(issue)
    assert log["editor"] == "Wang Fang" and log["field"] == "title.en" and log["new"] == "A Title the Editor Fixed"


def test_a_list_is_one_item_per_line(app, issue) -> None:
    page = app.get("/a/a03").text
    r = app.post("/a/a03/edit", {**form_of(page, "keywords.zh"), "value": "日本\r\n 北约 \r\n\r\n"})
    assert r.status_code == 303
    assert read_issue_dict(issue)["articles"][2]["keywords"]["zh"] == ["日本", "北约"]


def test_a_bad_value_is_shown_beside_the_field_and_changes_nothing(app, issue) -> None:
    page = app.get("/a/a03").text
    before = snapshot(issue)
    r = app.post("/a/a03/edit", {**form_of(page, "received"), "value": "2023-02-30"})
    assert r.status_code == 422
    block = re.search(r'<form[^>]*id="f-received".*?</form>', r.text, re.S).group(0)
    assert 'value="2023-02-30"' in block  # what the editor typed stays in the field
    assert "is not a calendar date as YYYY-MM-DD" in block and 'role="alert"' in block
    r = app.post("/a/a03/edit", {**form_of(page, "doi"), "value": "10.1/nope"})
    assert r.status_code == 422 and "is not a DOI" in re.search(r'id="f-doi".*?</form>', r.text, re.S).group(0)
    assert snapshot(issue) == before


def test_a_save_on_an_older_version_is_refused_with_the_other_change_shown(app, issue) -> None:
    first = app.get("/a/a02").text  # two editors open the same article
    second = app.get("/a/a02").text
    assert app.post("/a/a02/edit", {**form_of(first, "title.en"), "value": "First editor"}).status_code == 303
    before = snapshot(issue)
    r = app.post("/a/a02/edit", {**form_of(second, "title.zh"), "value": "第二位编辑"})
    assert r.status_code == 409
    assert "changed since you opened it" in re.search(r'id="conflict">([^<]*)<', r.text).group(1)
    assert 'value="First editor"' in r.text  # the saved record, now shown
    assert "第二位编辑" in re.search(r'id="f-title.zh".*?</form>', r.text, re.S).group(0)  # theirs kept to retry
    assert snapshot(issue) == before
    assert form_of(r.text, "title.zh")["version"] != form_of(second, "title.zh")["version"]


def test_posts_without_this_runs_csrf_token_or_from_another_origin_are_refused(app, issue) -> None:
    page = app.get("/a/a02").text
    fields = {**form_of(page, "title.en"), "value": "forged"}
    before = snapshot(issue)
    assert app.post("/a/a02/edit", {**fields, "csrf": "guess"}).status_code == 403
    assert app.post("/a/a02/edit", {k: v for k, v in fields.items() if k != "csrf"}).status_code == 403
    r = app.post("/a/a02/edit", fields, headers={"Origin": "http://evil.example"})
    assert r.status_code == 403 and "evil.example" in r.text
    assert app.post("/assign-dois", {"csrf": "guess"}).status_code == 403
    assert app.http.post(app.url + "/a/a02/edit", json=fields, timeout=30).status_code == 415
    assert snapshot(issue) == before


def test_every_response_has_the_security_headers_and_no_script(app) -> None:
    for path in ("/", "/a/a01", "/review.css", "/a/a01/page/1.png", "/nowhere"):
        r = app.get(path)
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp, path
        assert r.headers["x-content-type-options"] == "nosniff"
    assert "<script" not in app.get("/a/a01").text and "<script" not in app.get("/").text
    report = app.get("/files/report.html")
    assert report.headers["content-security-policy"].startswith("default-src 'none'; img-src data:")


@pytest.mark.parametrize("path", ["/files/../issue.json", "/files/%2e%2e%2fissue.json", "/files/links.txt",
                                  "/files/.edit.lock", "/a/..%2F..%2Fetc/page/1.png", "/a/a99", "/a/a01/page/0.png",
                                  "/a/a01/page/x.png", "/files/%2Fetc%2Fpasswd"])
def test_nothing_outside_the_named_files_is_served(app, path) -> None:
    r = app.get(path)
    assert r.status_code == 404, (path, r.status_code)
    assert "root:" not in r.text


def test_beyond_loopback_a_token_is_needed(issue) -> None:
    with Running(create_app(issue, settings=SETTINGS, token="s3cret-token")) as app:
        assert app.get("/").status_code == 403
        assert app.get("/?token=wrong").status_code == 403
        r = app.get("/?token=s3cret-token")
        assert r.status_code == 200 and "review_token" in r.headers["set-cookie"]
        assert 'href="/a/a01?token=s3cret-token"' in r.text
        assert app.get("/a/a01").status_code == 200  # the cookie now carries it


def test_assign_dois_button(issue, tmp_path) -> None:
    journal = tmp_path / "journal.toml"
    journal.write_text(JOURNAL.read_text(encoding="utf-8") + 'doi_pattern = "10.19498/j.cnki.dbyxk.{year}.{issue:02d}.{fpage:04d}"\n',
                       encoding="utf-8")
    with Running(create_app(issue, settings=load_settings(journal))) as app:
        page = app.get("/").text
        assert 'id="assign-dois"' in page and "2 article(s) without a DOI" in page
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        r = app.post("/assign-dois", {"csrf": csrf, "editor": "Li Hua"})
        assert r.status_code == 303
        shown = app.get(r.headers["location"]).text
        assert "a01: assigned 10.19498/j.cnki.dbyxk.2023.06.0041" in shown
        assert re.search(r'10.19498/j.cnki.dbyxk.2023.06.0056 <span class="tag tag-assigned">assigned</span>', shown)
        assert re.search(r'10.19498/j.cnki.dbyxk.2023.06.004 <span class="tag tag-printed">printed</span>', shown) or \
            "10.19498/j.cnki.dbyxk.2023.06.004" in shown
    assert [c["editor"] for c in read_corrections(issue)] == ["Li Hua", "Li Hua"]


def twenty_articles(issue: Path) -> Path:
    """The sample issue grown to 20 articles (copies of its own, with their PDFs): the size of
    a typical issue, for the timing below."""
    data = json.loads((issue / "issue.json").read_text(encoding="utf-8"))
    source = data["articles"]
    arts = []
    for k in range(20):
        art = json.loads(json.dumps(source[1 + k % 4]))
        old = art["id"]
        art["id"] = f"b{k + 1:02d}"
        if art["doi"]:
            art["doi"] = f"{art['doi']}.{k + 1}"
        shutil.copytree(issue / "articles" / old, issue / "articles" / art["id"])
        arts.append(art)
    data["articles"] = arts
    (issue / "issue.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return issue


def test_each_edit_on_a_20_article_issue_is_on_the_page_after_the_save(issue) -> None:
    # how fast is measured in bench/workbench_bench.py (0.13 s a save here), not asserted
    twenty_articles(issue)
    with Running(create_app(issue, settings=SETTINGS)) as app:
        page = app.get("/a/b07").text
        for n in range(3):
            r = app.post("/a/b07/edit", {**form_of(page, "title.en"), "value": f"Saved title {n}"})
            page = app.get(r.headers["location"]).text
            assert f'value="Saved title {n}"' in page
        # the other articles are untouched
        assert 'value="Saved title' not in app.get("/a/b08").text


def test_the_command_prints_its_url_and_serves(issue) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", "review", str(issue), "--journal", str(JOURNAL)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        url = re.search(r"at (http://127\.0\.0\.1:\d+/)$", line.strip()).group(1)
        http = requests.Session()
        http.trust_env = False
        r = http.get(url, timeout=30)
        assert r.status_code == 200 and "a05" in r.text
    finally:
        proc.terminate()
        proc.wait(30)


def test_a_taken_port_is_one_line(issue) -> None:
    sock = bind("127.0.0.1", 0)
    try:
        port = sock.getsockname()[1]
        proc = subprocess.run([sys.executable, "-m", "cli.main", "review", str(issue), "--port", str(port)],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 2 and f"127.0.0.1:{port}: cannot listen there" in proc.stderr
    finally:
        sock.close()


def test_fields_are_outlined_where_they_were_read(app, issue) -> None:
    r = app.get("/a/a05")
    svg = re.search(r'<svg class="boxes" viewBox="0 0 ([\d.]+) ([\d.]+)".*?</svg>', r.text, re.S)
    assert svg and float(svg.group(1)) > 300 and float(svg.group(2)) > 400  # the page in points
    rects = dict(re.findall(r'<rect id="box-([^"]+)" class="([^"]+)"', svg.group(0)))
    assert rects["title.zh"] == "box" and rects["article_no"] == "box flagged"
    assert {"doi", "keywords.zh", "contributors.1.name.zh"} <= set(rects)
    assert 'href="/a/a05?page=1&amp;zoom=1.0#box-doi"' in r.text  # the field's link to its outline
    # the boxes come from issue.json, as stored there
    prov = next(a for a in read_issue_dict(issue)["articles"] if a["id"] == "a05")["provenance"]
    x, y = re.search(r'id="box-doi" class="[^"]*" x="([\d.]+)" y="([\d.]+)"', r.text).groups()
    assert [float(x), float(y)] == prov["doi"]["box"][:2]


def test_the_editor_name_is_remembered_and_logged(app, issue) -> None:
    page = app.get("/a/a03").text
    csrf = form_of(page, "title.en")["csrf"]
    r = app.post("/name", {"csrf": csrf, "editor": "  Zhao   Lei ", "back": "/a/a03"})
    assert r.status_code == 303 and r.headers["location"] == "/a/a03"
    assert app.post("/name", {"csrf": csrf, "editor": "x", "back": "//evil.example/"}).headers["location"] == "/"
    page = app.get("/a/a03").text
    assert 'id="editor-name" value="x"' in page
    app.post("/name", {"csrf": csrf, "editor": "Zhao Lei", "back": "/"})
    app.post("/a/a03/edit", {**form_of(app.get("/a/a03").text, "title.en"), "value": "Named"})
    assert read_corrections(issue)[-1]["editor"] == "Zhao Lei"


def test_the_doi_field_says_where_the_doi_came_from_and_what_crossref_holds(issue, tmp_path) -> None:
    from tests.test_edit import _ledger_with

    ledger = tmp_path / "ledger.sqlite3"
    doi = read_issue_dict(issue)["articles"][1]["doi"]
    _ledger_with(ledger, doi, "registered")
    with Running(create_app(issue, settings=SETTINGS, ledger=str(ledger))) as app:
        page = app.get("/a/a02").text
        state = re.search(r'class="why doi-state">([^<]*)<', page).group(1)
        assert state == "printed; Crossref: registered on production"
        r = app.post("/a/a02/edit", {**form_of(page, "doi"), "value": "10.19498/changed.1"})
        assert r.status_code == 422 and "Crossref keeps the old DOI" in r.text
        r = app.post("/a/a02/edit", {**form_of(page, "doi"), "value": "10.19498/changed.1", "force": "1"})
        assert r.status_code == 303 and "Crossref+keeps+the+old+DOI" in r.headers["location"]
        assert "Crossref keeps the old DOI" in app.get(r.headers["location"]).text


def test_beyond_loopback_the_command_prints_a_token_url(issue) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", "review", str(issue), "--journal", str(JOURNAL),
                             "--host", "0.0.0.0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline().strip()
        m = re.search(r"at http://0\.0\.0\.0:(\d+)/\?token=([\w-]{20,})$", line)
        assert m, line
        http = requests.Session()
        http.trust_env = False
        base = f"http://127.0.0.1:{m.group(1)}/"
        assert http.get(base, timeout=30).status_code == 403
        assert http.get(base + f"?token={m.group(2)}", timeout=30).status_code == 200
    finally:
        proc.terminate()
        proc.wait(30)
    assert "access token" in proc.stderr.read()


def test_confirming_a_flagged_value_clears_its_flag(app, issue) -> None:
    page = app.get("/a/a05").text
    assert 'Save / confirm' in re.search(r'id="f-lpage".*?</form>', page, re.S).group(0)
    lpage = read_issue_dict(issue)["articles"][4]["lpage"]
    r = app.post("/a/a05/edit", {**form_of(page, "lpage"), "value": lpage})
    page = app.get(r.headers["location"]).text
    assert 'class="field flagged" id="f-lpage"' not in page and 'id="f-lpage"' in page


def test_the_list_can_put_the_articles_with_most_to_check_first(app) -> None:
    rows = re.findall(r'<tr id="row-(a\d+)"', app.get("/?order=check").text)
    assert rows[0] == "a05" and sorted(rows) == ["a01", "a02", "a03", "a04", "a05"]


def test_a_file_system_error_is_a_message_not_a_crash(app, issue) -> None:
    page = app.get("/a/a02").text
    (issue / ".edit.lock").mkdir()  # the lock cannot be opened: an OSError, as on a read-only folder
    before = snapshot(issue)
    r = app.post("/a/a02/edit", {**form_of(page, "title.en"), "value": "x"})
    assert r.status_code == 422 and "not saved:" in r.text and ".edit.lock" in r.text
    assert snapshot(issue) == before


def test_authors_can_be_added_and_removed(app, issue) -> None:
    page = app.get("/a/a05").text
    csrf, version = form_of(page, "title.en")["csrf"], form_of(page, "title.en")["version"]
    r = app.post("/a/a05/authors", {"csrf": csrf, "version": version, "action": "add"})
    assert r.status_code == 303 and "saved=contributors" in r.headers["location"]
    page = app.get("/a/a05").text
    assert 'id="f-contributors.3.name.zh"' in page
    people = read_issue_dict(issue)["articles"][4]["contributors"]
    assert len(people) == 3 and people[2]["name"] == {"zh": "", "en": ""}
    r = app.post("/a/a05/authors", {"csrf": csrf, "version": version, "action": "remove:1"})  # stale version
    assert "authors+not+changed" in r.headers["location"]
    version = form_of(page, "title.en")["version"]
    app.post("/a/a05/authors", {"csrf": csrf, "version": version, "action": "remove:1"})
    names = [p["name"]["zh"] for p in read_issue_dict(issue)["articles"][4]["contributors"]]
    assert names == ["李晓东", ""]
    assert [c["field"] for c in read_corrections(issue)] == ["contributors", "contributors"]
    assert app.post("/a/a05/authors", {"csrf": csrf, "version": version, "action": "remove:9"}).status_code == 400


def test_removing_an_author_moves_the_other_authors_boxes_with_them(app, issue) -> None:
    before = read_issue_dict(issue)["articles"][4]["provenance"]
    assert "contributors.2.name.zh" in before
    page = app.get("/a/a05").text
    app.post("/a/a05/authors", {"csrf": form_of(page, "title.en")["csrf"], "version": form_of(page, "title.en")["version"],
                                "action": "remove:1"})
    after = read_issue_dict(issue)["articles"][4]["provenance"]
    assert after["contributors.1.name.zh"] == before["contributors.2.name.zh"]
    assert "contributors.2.name.zh" not in after and after["title.zh"] == before["title.zh"]
