"""Write a run's results: `links.json` (the record) and `links.txt` (for an editor).

Both are written to a temporary file beside the target and moved into place, so a reader
never sees half a report.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from schemas.record import write_atomic

from .cache import iso
from .verdicts import (
    BLOCKED,
    DEAD,
    DEAD_PENDING,
    ERROR,
    OK,
    REDIRECTED,
    SOFT_404,
    UNKNOWN,
    VERDICTS,
    Archive,
    LinkResult,
)

if TYPE_CHECKING:
    from .links import CheckRun, LinkSettings

# What an editor should look at first.
ORDER = (DEAD, SOFT_404, DEAD_PENDING, ERROR, BLOCKED, UNKNOWN, REDIRECTED, OK)

EXPLAIN = {
    DEAD: "gone (404/410 or the name no longer exists), on two checks far enough apart",
    SOFT_404: "answers, but with an error page",
    DEAD_PENDING: "looks gone; will be confirmed (or not) by a later run",
    ERROR: "could not be checked (timeout, TLS, reset, server error, redirect loop)",
    BLOCKED: "the site refused the checker (403/429/bot challenge): not evidence of rot",
    UNKNOWN: "not checked: this machine looked offline",
    REDIRECTED: "answers after a redirect",
    OK: "answers",
}


def links_document(issue_id: str, run: "CheckRun", settings: "LinkSettings") -> dict[str, Any]:
    counts = Counter(r.verdict for r in run.results)
    return {
        "issue": issue_id,
        "checked_at": iso(settings.clock()),
        "offline": run.offline,
        "notice": run.notice,
        "summary": {v: counts.get(v, 0) for v in VERDICTS},
        "archived": sum(1 for r in run.results if r.archive),
        "settings": settings.public(),
        "links": [r.to_dict() for r in run.results],
    }


def summary_text(issue_id: str, run: "CheckRun", archive_for: str = "none") -> str:
    """The editor's summary: problems first, then the URLs that answer; every URL with its
    archived copy (capture date and distance in days from the access date), or, when an
    archive was asked about it (`archive_for`: "all", "broken" or "none"), that it has none."""
    res = run.results
    counts = Counter(r.verdict for r in res)
    lines = [f"Cited links of {issue_id}: {len(res)} distinct URLs"]
    if run.notice:
        lines.append(f"NOTE: {run.notice}")
    lines.append("  " + ", ".join(f"{counts[v]} {v}" for v in ORDER if counts.get(v)))
    archived = sum(1 for r in res if r.archive)
    lines.append(f"  {archived} with an archived copy")
    for verdict in ORDER:
        group = [r for r in res if r.verdict == verdict]
        if not group:
            continue
        lines.append("")
        lines.append(f"{verdict} ({len(group)}): {EXPLAIN[verdict]}")
        for r in group:
            asked = archive_for == "all" or (archive_for == "broken"
                                             and r.verdict not in (OK, REDIRECTED))
            lines.extend(_entry(r, asked))
    return "\n".join(lines) + "\n"


def archive_line(r: LinkResult, a: Archive | None = None, accessed: str = "") -> str:
    """'archived 2020-01-10 (5 days from the access date): <url>' for an editor."""
    a = a or r.archive
    if a is None:
        return ""
    stamp = a.timestamp or ""
    when = f" {stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}" if len(stamp) >= 8 else ""
    if a.distance_days is not None:
        days = "same day as" if a.distance_days == 0 else (
            f"{a.distance_days} day{'s' if a.distance_days != 1 else ''} from")
        dist = f" ({days} the access date{' ' + accessed if accessed else ''})"
    else:
        dist = " (no access date printed)"
    return f"archived{when}{dist}: {a.url}"


def _entry(r: LinkResult, archive_asked: bool = False) -> list[str]:
    where = ", ".join(f"{c.article} [{c.citation}]" for c in r.cited_by) or "-"
    why = r.error or r.note or (f"HTTP {r.http_status}" if r.http_status else "")
    head = f"  - {r.url}"
    out = [head, f"      cited by {where}" + (f"; accessed {r.accessed}" if r.accessed else "")]
    detail = why
    if r.verdict == REDIRECTED and r.final_url:
        detail = f"now at {r.final_url}" + (" (another host)" if r.left_host else "")
    if r.verdict == DEAD_PENDING and r.first_failed_at:
        detail += f" (first seen failing {r.first_failed_at})"
    if detail:
        out.append(f"      {detail}")
    if len(r.archives) > 1:  # cited with several access dates: the copy nearest each
        for accessed, a in sorted(r.archives.items()):
            out.append("      " + archive_line(r, a, accessed))
    elif r.archive:
        out.append("      " + archive_line(r))
    elif archive_asked and "archive lookup failed" not in r.note:
        out.append("      archived: no copy found")
    return out


def write_reports(issue_dir: Path, issue_id: str, run: "CheckRun",
                  settings: "LinkSettings") -> Path:
    """Write links.json and links.txt into `issue_dir`; the links.json path."""
    doc = links_document(issue_id, run, settings)
    json_path = issue_dir / "links.json"
    write_atomic(json_path, (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    archive_for = settings.archive_for if settings.archive_endpoint else "none"
    write_atomic(issue_dir / "links.txt", summary_text(issue_id, run, archive_for).encode("utf-8"))
    return json_path
