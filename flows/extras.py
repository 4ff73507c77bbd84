"""Steps after extraction (link checks, then XML, then the review report), run inside the
staging folder so the published output is complete or absent. Links come first so the JATS
and the report can carry each cited URL's verdict and archived copy (read from links.json).
An XML record or a report that cannot be written is logged, not fatal: the rest of the
issue is still worth having."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from checks.links import LinkSettings

from schemas.model import Issue
from schemas.settings import load_settings

log = logging.getLogger("journal_ingest")


def write_xml_step(staging: Path, settings_file: Path | None, schemas: Path | None | bool,
                   issue: Issue | None = None) -> None:
    from schemas.write_xml import generate_issue_xml
    result = generate_issue_xml(staging, load_settings(settings_file), schemas_dir=schemas, issue=issue)
    for error in result.errors:  # one bad record must not stop the issue: report it, write the rest
        log.warning("XML not written: %s", error)


def links_step(staging: Path, issue_id: str, progress: Callable[[str, int, int], None] | None = None,
               link_settings: "LinkSettings | None" = None) -> None:
    from checks.links import check_issue_links
    check_issue_links(staging, link_settings, issue_id=issue_id,
                      progress=(lambda d, t, *_: progress("links", d, t)) if progress else None)


def report_step(staging: Path, issue: Issue | None = None, source: Path | None = None) -> str | None:
    """Write (or rewrite, after a link check) report.html; the reason when it could not be."""
    from review import write_review_report
    try:
        write_review_report(staging, issue=issue, source_pdf=source)
    except Exception as exc:  # the records are written; a report can be made later with `report`
        log.warning("report.html not written: %s", exc)
        return " ".join(str(exc).split()) or type(exc).__name__
    return None


def warm_up(*, links: bool, report: bool) -> None:
    """Import what the steps below need (lxml and the XML writers, PDFium for the report):
    called while the text layer is read, so the cost overlaps with it."""
    import schemas.write_xml  # noqa: F401
    from schemas import record

    record.warm_up()

    if links:
        import checks.links  # noqa: F401
    if report:
        import review.html  # noqa: F401
        import review.report  # noqa: F401
        from parsers.render_fonts import can_draw_cjk

        can_draw_cjk()  # (PDFium's one-glyph probe, about 0.05 s: answered once per process)


def render_ahead_step(pdf: Path, first_pages: list[int]) -> None:
    """Start rendering the report's page images (the articles' first pages) in a thread while
    the fields are extracted; report_step takes them (review.render.render_ahead)."""
    from review.render import render_ahead

    render_ahead(pdf, [n - 1 for n in first_pages])


def after_extract_hook(settings_file: Path | None, *, links: bool, schemas: Path | None | bool = None,
                       progress: Callable[[str, int, int], None] | None = None,
                       link_settings: "LinkSettings | None" = None,
                       report: bool = True) -> Callable[..., None]:
    def hook(staging: Path, issue: Issue, source: Path | None = None) -> None:
        """source: the issue PDF the record came from (the report renders first pages from it)."""
        if links:
            links_step(staging, issue.issue_id, progress, link_settings)
        write_xml_step(staging, settings_file, schemas, issue)  # reads staging/links.json if written
        if report:
            report_step(staging, issue, source)
    return hook
