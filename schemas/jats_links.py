"""Cited-link check results inside JATS citations: the verdict and the archived copy.

Why a separate pass: the checker's results (`links.json`) arrive after extraction and
change on every re-check, while the rest of the article record does not. One pass that
can be applied to a freshly built tree *or* to an existing `article.xml` lets
`journal-ingest links` refresh the files of an issue without the journal settings they
were built with, and gives the same bytes as building them anew.

The convention (README, "Cited links in JATS"): right after the `<ext-link>` of each
checked URL in a `<mixed-citation>` comes one

    <comment content-type="link-check" xml:lang="en"> [checked <named-content
      content-type="check-date">2026-11-27</named-content>: <named-content
      content-type="link-verdict">dead?</named-content> (HTTP 404); archived copy
      2020-01-10: <ext-link ext-link-type="uri" specific-use="archived-copy"
      xlink:href="https://web.archive.org/web/20200110093000/http://…">…</ext-link>]</comment>

Everything the tool adds lives inside that `<comment>`, so the citation as printed is the
text of `<mixed-citation>` without `comment[@content-type="link-check"]`, and removing
those elements gives back exactly the tree built without link results.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from lxml import etree

XLINK = "http://www.w3.org/1999/xlink"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CONTENT_TYPE = "link-check"
ARCHIVED = "archived-copy"
LINKS_FILE = "links.json"

#: verdicts that say nothing about the link (the machine was offline): not written
SILENT_VERDICTS = frozenset({"unknown"})


@dataclass(frozen=True)
class LinkNote:
    """What a citation shows about one checked URL."""

    verdict: str
    checked: str  # ISO date of the check
    detail: str = ""  # "HTTP 404", "now at …", the error in words
    archive_url: str = ""
    archive_date: str = ""  # ISO date of the capture, "" when unknown
    # a URL cited with several access dates: (access date, capture URL, capture date) each
    by_date: tuple[tuple[str, str, str], ...] = ()

    def for_access(self, accessed: str) -> "LinkNote":
        """The note with the capture nearest this citation's own access date."""
        for day, url, when in self.by_date:
            if day == accessed:
                return replace(self, archive_url=url, archive_date=when)
        return self


def _iso_day(stamp: str) -> str:
    """'20200110093000' or '2026-11-27T12:00:00Z' → '2020-01-10' / '2026-11-27'."""
    stamp = (stamp or "").strip()
    if len(stamp) >= 10 and stamp[4] == "-":
        return stamp[:10]
    if len(stamp) >= 8 and stamp[:8].isdigit():
        return f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}"
    return ""


def _detail(link: dict[str, Any]) -> str:
    verdict = link.get("verdict", "")
    if verdict == "redirected" and link.get("final_url"):
        return "now at " + str(link["final_url"])
    if verdict == "soft-404":
        return "answers with an error page"
    if link.get("http_status") and verdict != "ok":
        return f"HTTP {link['http_status']}"
    return str(link.get("error_kind") or "") if verdict not in ("ok",) else ""


def notes_from_links(doc: dict[str, Any]) -> dict[str, LinkNote]:
    """URL → LinkNote from a links.json document.

    Verdicts that say nothing (`unknown`) are kept as such: they add no note, and on an
    existing file they leave the previous note in place (see `add_notes`).
    """
    notes: dict[str, LinkNote] = {}
    for link in doc.get("links") or []:
        url = str(link.get("url") or "").strip()
        verdict = str(link.get("verdict") or "")
        if not url or not verdict:
            continue
        arch = link.get("archive") or {}
        by_date = tuple((str(day), str(a.get("url") or ""), _iso_day(str(a.get("timestamp") or "")))
                        for day, a in sorted((link.get("archives") or {}).items())
                        if isinstance(a, dict) and a.get("url"))
        notes[url] = LinkNote(verdict=verdict, checked=_iso_day(str(link.get("checked_at") or "")),
                              detail=_detail(link), archive_url=str(arch.get("url") or ""),
                              archive_date=_iso_day(str(arch.get("timestamp") or "")),
                              by_date=by_date)
    return notes


def load_notes(issue_dir: Path) -> dict[str, LinkNote]:
    """The notes of `issue_dir/links.json`; {} when there is none or it is unreadable."""
    path = Path(issue_dir) / LINKS_FILE
    if not path.is_file():
        return {}
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # an edited file nested too deep: as unreadable
        return {}
    return notes_from_links(doc) if isinstance(doc, dict) else {}


def _noted_url(comment: etree._Element) -> str:
    prev = comment.getprevious()
    return (prev.get(f"{{{XLINK}}}href") or "").strip() if prev is not None and prev.tag == "ext-link" else ""


def strip_notes(root: etree._Element, keep: frozenset[str] | set[str] = frozenset()) -> int:
    """Remove the link-check comments (except those after a URL in `keep`), joining the
    text around them; how many were removed."""
    found = [c for c in root.iter("comment")
             if c.get("content-type") == CONTENT_TYPE and _noted_url(c) not in keep]
    for comment in found:
        parent = comment.getparent()
        tail = comment.tail or ""
        prev = comment.getprevious()
        if prev is not None:
            prev.tail = ((prev.tail or "") + tail) or None
        else:
            parent.text = ((parent.text or "") + tail) or None
        parent.remove(comment)
    return len(found)


def add_notes(root: etree._Element, notes: dict[str, LinkNote]) -> int:
    """After each citation ext-link whose URL has a note, add the note; how many were added.

    Existing notes are removed first, so applying new results to an annotated tree leaves
    only the new ones; except after a URL whose new verdict says nothing (`unknown`: the
    machine was offline), where the previous note, if any, stays.
    """
    silent = {url for url, note in notes.items() if note.verdict in SILENT_VERDICTS}
    strip_notes(root, keep=silent)
    added = 0
    for cit in root.iter("mixed-citation", "element-citation"):
        accessed = next((d.get("iso-8601-date") or "" for d in cit.iter("date-in-citation")
                         if d.get("content-type") == "access-date"), "")
        for link in [el for el in cit if el.tag == "ext-link" and not el.get("specific-use")]:
            note = notes.get((link.get(f"{{{XLINK}}}href") or "").strip())
            if note is None or note.verdict in SILENT_VERDICTS:
                continue
            note = note.for_access(accessed)
            comment = _note_element(note)
            comment.tail, link.tail = link.tail, None
            link.addnext(comment)
            added += 1
    return added


def _note_element(note: LinkNote) -> etree._Element:
    comment = etree.Element("comment")
    comment.set("content-type", CONTENT_TYPE)
    comment.set(XML_LANG, "en")
    comment.text = " [checked "
    last = _named(comment, "check-date", note.checked or "?")
    last.tail = ": "
    last = _named(comment, "link-verdict", note.verdict)
    last.tail = f" ({note.detail})" if note.detail else ""
    if note.archive_url:
        when = f" {note.archive_date}" if note.archive_date else ""
        last.tail += f"; archived copy{when}: "
        last = etree.SubElement(comment, "ext-link")
        last.set("ext-link-type", "uri")
        last.set("specific-use", ARCHIVED)
        last.set(f"{{{XLINK}}}href", note.archive_url)
        last.text = note.archive_url
        last.tail = ""
    last.tail += "]"
    return comment


def _named(parent: etree._Element, kind: str, text: str) -> etree._Element:
    el = etree.SubElement(parent, "named-content")
    el.set("content-type", kind)
    el.text = text
    return el
