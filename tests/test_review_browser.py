"""The review page in a real headless Chromium (Debian's, installed by `make browser`).

Served from a loopback server that logs every request, so "self-contained" is checked by
what the browser actually asked for. If Chromium is missing this test fails (CI must not
pass without it); set JOURNAL_INGEST_SKIP_BROWSER=1 to skip it on a machine without it
(ignored when CI is set).
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from checks.testserver import LocalServer, Reply
from review.report import write_review_report
from tests.conftest import clear_proxies
from tests.review_support import check_links_locally, copy_issue, ingest_issue

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Flags that keep Chromium off the network and quiet on a closed machine.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,1000")


def _need_browser() -> None:
    if CHROMIUM.exists() and CHROMEDRIVER.exists():
        return
    if os.environ.get("JOURNAL_INGEST_SKIP_BROWSER") == "1" and not os.environ.get("CI"):
        pytest.skip("no Chromium and JOURNAL_INGEST_SKIP_BROWSER=1")
    pytest.fail(f"{CHROMIUM} or {CHROMEDRIVER} missing: run `make browser` "
                "(or set JOURNAL_INGEST_SKIP_BROWSER=1 to skip locally)", pytrace=False)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    _need_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[Path, bytes]:
    """A report with real link verdicts and one missing article PDF (a placeholder)."""
    work = tmp_path_factory.mktemp("browser")
    issue = copy_issue(ingest_issue(work / "out"), work / "copy")
    with pytest.MonkeyPatch.context() as mp:  # loopback checks must not go through a proxy
        clear_proxies(mp)
        check_links_locally(issue, work / "cache.sqlite")
    (issue / "articles" / "a04" / "article.pdf").unlink()
    path = write_review_report(issue, ledger=work / "no-ledger.sqlite3")
    return path, path.read_bytes()


def test_report_renders_in_chromium_without_requests_or_errors(browser, report) -> None:
    path, body = report
    with LocalServer("127.0.0.1", {"/report.html": Reply(200, body)}) as server:
        browser.get(server.url("/report.html"))
        state = browser.execute_script("""
            const imgs = [...document.images];
            const warn = document.querySelector('section#a05 li.warning');
            const style = warn ? getComputedStyle(warn) : null;
            return {
              ready: document.readyState,
              charset: document.characterSet,
              sections: [...document.querySelectorAll('section.article')].map(s => s.id),
              images: imgs.map(i => [i.complete, i.naturalWidth, i.naturalHeight]),
              placeholders: document.querySelectorAll('section#a04 .placeholder').length,
              warnVisible: warn ? warn.getBoundingClientRect().height > 0 && style.visibility === 'visible'
                                  && style.display !== 'none' : false,
              warnBackground: style ? style.backgroundColor : '',
              bodyBackground: getComputedStyle(document.body).backgroundColor,
              text: document.body.innerText,
              resources: performance.getEntriesByType('resource').map(e => e.name),
            };
        """)
        requests = list(server.log)
    logs = browser.get_log("browser")

    assert state["ready"] == "complete" and state["charset"] == "UTF-8"
    assert state["sections"] == ["a01", "a02", "a03", "a04", "a05"]
    assert len(state["images"]) == 4 and all(c and w > 0 and h > w for c, w, h in state["images"])
    assert state["placeholders"] == 1
    assert state["warnVisible"]
    assert state["warnBackground"] not in ("rgba(0, 0, 0, 0)", "transparent", state["bodyBackground"])
    assert "乌克兰危机下日本与北约的战略合作" in state["text"] and "陈静静" in state["text"]
    assert "article-no-page-count" in state["text"]
    # Nothing but the page itself was fetched: no fonts, images, favicon or scripts.
    assert [(m, p) for m, p, _ in requests] == [("GET", "/report.html")]
    assert state["resources"] == []
    assert [e for e in logs if e["level"] in ("SEVERE", "WARNING")] == []


def test_report_opens_from_a_file_url(browser, report, tmp_path: Path) -> None:
    path, _ = report
    local = tmp_path / "report.html"
    shutil.copy(path, local)  # as an editor would open a mailed copy
    browser.get(local.as_uri())
    state = browser.execute_script("""
        return {
          title: document.title,
          images: [...document.images].every(i => i.complete && i.naturalWidth > 0),
          zh: document.querySelector('section#a02 h2 [lang=zh]').innerText,
          resources: performance.getEntriesByType('resource').length,
        };
    """)
    assert state["title"] == "Review: 2095-3453-2023-6"
    assert state["images"] and state["resources"] == 0
    assert state["zh"] == "乌克兰危机下日本与北约的战略合作"
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
