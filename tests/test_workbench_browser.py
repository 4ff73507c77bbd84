"""The review app in a real headless Chromium (Debian's, `make browser`): an editor corrects
a title and a keyword list, sees the XML and the report change, assigns DOIs from the
journal's pattern, approves the deposit and finds it, corrected, in the fake Crossref's log;
and a second editor's stale save is refused.

With JOURNAL_INGEST_SCREENSHOTS=DIR the test also saves the screenshots shown in the
README (docs/review-*.png: `make screenshots`).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from review.app import create_app
from review.edit import read_corrections, read_issue_dict
from schemas import xmlcheck
from schemas.settings import load_settings
from tests.crossref_fake_server import FakeCrossref
from tests.review_support import JOURNAL, copy_issue
from tests.test_review_browser import FLAGS, _need_browser
from tests.test_workbench import Running, ingested  # noqa: F401  (the module's fixture)

PATTERN = 'doi_pattern = "10.19498/j.cnki.dbyxk.{year}.{issue:02d}.{fpage:04d}"\n'


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    _need_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in FLAGS + ("--no-proxy-server", "--window-size=1400,1000"):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path="/usr/bin/chromedriver"))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def shot(driver, name: str) -> None:
    folder = os.environ.get("JOURNAL_INGEST_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / f"review-{name}.png"))


def replaced(element):
    """A wait condition: the page that held `element` has been replaced by the next one.
    Selenium's staleness_of asks the element and counts only its StaleElementReference error;
    chromedriver, asked while the old document is being torn down, may answer "Node with
    given id does not belong to the document" instead, which says the same."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

    def gone(_driver) -> bool:
        try:
            element.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as exc:
            if "does not belong to the document" in str(exc):
                return True
            raise
        return False
    return gone


def save_field(driver, field: str, text: str) -> None:
    from selenium.webdriver.common.by import By

    form = driver.find_element(By.ID, f"f-{field}")
    box = form.find_element(By.NAME, "value")
    box.clear()
    box.send_keys(text)
    form.find_element(By.TAG_NAME, "button").click()
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 60).until(replaced(form))  # the answer page replaced this one
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.readyState") == "complete")


@pytest.fixture
def crossref(monkeypatch):
    """The fake Crossref, and the environment `journal-ingest deposit` would be given."""
    with FakeCrossref(polls_to_process=1, prefixes={"journal/role": ["10.19498"]}) as fake:
        for name, value in {"CROSSREF_TEST_URL": fake.url, "CROSSREF_PRODUCTION_URL": "http://127.0.0.1:9/never",
                            "CROSSREF_LOGIN_ID": "journal/role", "CROSSREF_LOGIN_PASSWD": "s3cret-Pa55",
                            "CROSSREF_POLL_INTERVAL": "0"}.items():
            monkeypatch.setenv(name, value)
        monkeypatch.delenv("JOURNAL_INGEST_LEDGER", raising=False)
        yield fake


@pytest.mark.skipif(xmlcheck.find_schema_dir() is None,  # a deposit is validated before it is sent
                    reason="Crossref schemas not found (../shared/schemas or JOURNAL_INGEST_SCHEMAS)")
def test_an_editor_corrects_sees_the_files_change_assigns_dois_and_deposits(chromium, ingested, tmp_path,  # noqa: F811
                                                                            crossref) -> None:
    from selenium.webdriver.common.by import By

    issue = copy_issue(ingested, tmp_path)
    journal = tmp_path / "journal.toml"
    journal.write_text(JOURNAL.read_text(encoding="utf-8") + PATTERN, encoding="utf-8")
    with Running(create_app(issue, settings=load_settings(journal))) as app:
        chromium.get(app.url + "/")
        assert chromium.find_element(By.CSS_SELECTOR, "#row-a05 .flagged-count").text != "0"
        shot(chromium, "issue")
        chromium.get(app.url + "/a/a05")
        shot(chromium, "article")

        chromium.get(app.url + "/a/a02")
        save_field(chromium, "title.en", "Japan and NATO: Strategic Coordination after 2022")
        assert "Saved title.en" in chromium.find_element(By.ID, "saved").text
        assert chromium.find_element(By.ID, "v-title.en").get_attribute("value") == \
            "Japan and NATO: Strategic Coordination after 2022"
        save_field(chromium, "keywords.zh", "日本\n北约\n印太战略")
        assert "Saved keywords.zh" in chromium.find_element(By.ID, "saved").text

        chromium.get(app.url + "/a/a02/article.xml")
        xml = chromium.page_source
        assert "Japan and NATO: Strategic Coordination after 2022" in xml and "印太战略" in xml
        chromium.get(app.url + "/files/report.html")
        assert "Japan and NATO: Strategic Coordination after 2022" in chromium.find_element(By.TAG_NAME, "body").text

        chromium.get(app.url + "/")
        button = chromium.find_element(By.ID, "assign-dois")
        button.click()
        from selenium.webdriver.support import expected_conditions as EC
        from selenium.webdriver.support.ui import WebDriverWait

        WebDriverWait(chromium, 60).until(replaced(button))
        notes = [p.text for p in chromium.find_elements(By.CSS_SELECTOR, "p.note")]
        assert "a01: assigned 10.19498/j.cnki.dbyxk.2023.06.0041" in notes
        assert chromium.find_element(By.CSS_SELECTOR, "#row-a04 .tag-assigned").text == "assigned"

        chromium.find_element(By.ID, "deposit-link").click()
        WebDriverWait(chromium, 60).until(EC.presence_of_element_located((By.ID, "approve-form")))
        rows = chromium.find_elements(By.CSS_SELECTOR, "table.deposit tbody tr")
        assert len(rows) == 5 and all("unregistered" in r.text for r in rows)
        assert "Japan and NATO: Strategic Coordination after 2022" in chromium.find_element(
            By.ID, "dep-10.19498/j.cnki.dbyxk.2023.06.004").text
        shot(chromium, "deposit")
        box = chromium.find_element(By.ID, "approver")
        box.clear()
        box.send_keys("Wang Fang")
        button = chromium.find_element(By.ID, "approve")
        button.click()
        WebDriverWait(chromium, 120).until(replaced(button))
        notes = [p.text for p in chromium.find_elements(By.CSS_SELECTOR, "p.note")]
        assert notes[0].startswith(f"{issue.name} (test): registered"), notes
        rows = chromium.find_elements(By.CSS_SELECTOR, "table.deposit tbody tr")
        assert all("registered" in r.text and "unchanged" in r.text for r in rows)
        logs = [e for e in chromium.get_log("browser") if e["level"] == "SEVERE"]
    assert logs == []  # nothing blocked by the CSP, no missing resource
    arts = {a["id"]: a for a in read_issue_dict(issue)["articles"]}
    assert arts["a02"]["keywords"]["zh"] == ["日本", "北约", "印太战略"]
    assert arts["a04"]["doi_source"] == "assigned"
    assert "Japan and NATO: Strategic Coordination after 2022" in (issue / "crossref.xml").read_text(encoding="utf-8")
    assert [c["field"] for c in read_corrections(issue)] == ["title.en", "keywords.zh", "doi", "doi"]
    # the deposit, in the fake Crossref's log, carries the corrected title and the assigned DOIs
    [upload] = crossref.uploads.values()
    assert "Japan and NATO: Strategic Coordination after 2022" in upload.content.decode("utf-8")
    assert sorted(doi for doi, _ in crossref.registrations) == sorted(a["doi"] for a in arts.values())
    assert "completed" in upload.log and 'status="Failure"' not in upload.log


def test_a_stale_save_is_refused_in_the_page(chromium, ingested, tmp_path) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By

    issue = copy_issue(ingested, tmp_path)
    with Running(create_app(issue, settings=load_settings(JOURNAL))) as app:
        chromium.get(app.url + "/a/a03")  # editor one opens a03 …
        first = chromium.current_window_handle
        chromium.switch_to.new_window("tab")  # … so does editor two, who saves first
        chromium.get(app.url + "/a/a03")
        save_field(chromium, "title.en", "Editor two's title")
        chromium.close()
        chromium.switch_to.window(first)
        save_field(chromium, "title.zh", "编辑一的标题")  # from the page opened before that save
        conflict = chromium.find_element(By.ID, "conflict").text
        assert "changed since you opened it" in conflict
        assert chromium.find_element(By.ID, "v-title.en").get_attribute("value") == "Editor two's title"
        assert chromium.find_element(By.ID, "v-title.zh").get_attribute("value") == "编辑一的标题"
        shot(chromium, "conflict")
    assert read_issue_dict(issue)["articles"][2]["title"]["en"] == "Editor two's title"
    assert len(read_corrections(issue)) == 1
