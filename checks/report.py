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


def summary_text(issue_id: str, run: "CheckRun") -> str:
    res = run.results
    counts = Counter(r.verdict for r in res)
    lines = [f"Cited links of {issue_id}: {len(res)} distinct URLs"]
    if run.notice:
        lines.append(f"NOTE: {run.notice}")
    lines.append("  " + ", ".join(f"{counts[v]} {v}" for v in ORDER if counts.get(v)))
    archived = sum(1 for r in res if r.archive)
    lines.append(f"  {archived} with an archived copy")
    for verdict in ORDER:
        if verdict == OK:
            continue
        group = [r for r in res if r.verdict == verdict]
        if not group:
            continue
        lines.append("")
        lines.append(f"{verdict} ({len(group)}): {EXPLAIN[verdict]}")
        for r in group:
            lines.extend(_entry(r))
    return "\n".join(lines) + "\n"


def _entry(r: LinkResult) -> list[str]:
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
    if r.archive:
        dist = (f", {r.archive.distance_days} days from the access date"
                if r.archive.distance_days is not None else "")
        out.append(f"      archived: {r.archive.url}{dist}")
    return out


def write_reports(issue_dir: Path, issue_id: str, run: "CheckRun",
                  settings: "LinkSettings") -> Path:
    """Write links.json and links.txt into `issue_dir`; the links.json path."""
    doc = links_document(issue_id, run, settings)
    json_path = issue_dir / "links.json"
    write_atomic(json_path, (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    write_atomic(issue_dir / "links.txt", summary_text(issue_id, run).encode("utf-8"))
    return json_path
