"""links.txt: every URL listed with its archived copy, capture date and distance in days."""
from __future__ import annotations

from checks.links import CheckRun
from checks.report import archive_line, summary_text
from checks.verdicts import Archive, Citing, LinkResult


def result(url: str, verdict: str, archive: Archive | None = None, accessed: str = "2020-01-15",
           note: str = "") -> LinkResult:
    return LinkResult(url=url, verdict=verdict, http_status=404 if "dead" in verdict else 200,
                      accessed=accessed, archive=archive, note=note,
                      cited_by=[Citing(article="a01", citation=3)])


def run(*results: LinkResult) -> CheckRun:
    return CheckRun(results=list(results))


def test_every_url_shows_its_archive_link_and_distance():
    text = summary_text("i1", run(
        result("http://h/ok", "ok", Archive("http://ar/web/20200110093000/http://h/ok",
                                           "20200110093000", 5)),
        result("http://h/gone", "dead", Archive("http://ar/web/20200115000000/http://h/gone",
                                               "20200115000000", 0)),
        result("http://h/one", "dead?", Archive("http://ar/x", "20200116", 1)),
    ), archive_for="all")
    assert "ok (1): answers" in text  # URLs that answer are listed too, for their copies
    assert ("archived 2020-01-10 (5 days from the access date): "
            "http://ar/web/20200110093000/http://h/ok") in text
    assert "archived 2020-01-15 (same day as the access date)" in text
    assert "archived 2020-01-16 (1 day from the access date): http://ar/x" in text
    assert text.index("dead (1)") < text.index("dead? (1)") < text.index("ok (1)")


def test_no_access_date_and_no_copy():
    no_date = result("http://h/a", "ok", Archive("http://ar/y", "20241231", None), accessed="")
    assert archive_line(no_date) == "archived 2024-12-31 (no access date printed): http://ar/y"
    text = summary_text("i1", run(result("http://h/gone", "dead"), result("http://h/ok", "ok")),
                        archive_for="broken")
    gone, ok = text.split("ok (1)")
    assert "archived: no copy found" in gone  # asked, nothing there
    assert "no copy found" not in ok  # working URLs were not asked about in "broken" mode
    failed = result("http://h/x", "dead", note="archive lookup failed: HTTP 503")
    assert "no copy found" not in summary_text("i1", run(failed), archive_for="all")
    assert "no copy found" not in summary_text("i1", run(result("http://h/g", "dead")))
