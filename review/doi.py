"""DOI assignment from the editor (`journal-ingest edit --assign-dois`, the review page's
button): every article of an issue folder that has no DOI gets one from the journal's
`doi_pattern` (schemas/doi_pattern.py), marked `assigned`, through the same save as any
correction (checked, every dependent file rebuilt, one corrections.jsonl line per DOI).
A DOI the deposit ledger holds is never given again."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from parsers.errors import BadConfig
from schemas.doi_pattern import Slot, plan
from schemas.settings import JournalSettings

from review.edit import Change, EditResult, commit, locked, read_issue_dict


def assign_in_folder(issue_dir: Path, settings: JournalSettings | None, *, editor: str = "",
                     schemas_dir: str | Path | None | bool = None, ledger: str | Path | None = None,
                     render: Callable[[Path, int], Any] | None = None) -> EditResult:
    """Assign and save; EditResult with one Change per DOI given (none: nothing written) and
    a note for each article that could not get one. BadConfig without a doi_pattern."""
    from review.ledger_view import registered_states

    issue_dir = Path(issue_dir)
    if settings is None or not settings.doi_pattern:
        raise BadConfig("--journal", "no doi_pattern in the journal settings: nothing to assign DOIs from")
    with locked(issue_dir):
        data = read_issue_dict(issue_dir)
        slots = [Slot(a["id"], k, a["fpage"], a["doi"]) for k, a in enumerate(data["articles"], start=1)]
        assigned, problems = plan(settings.doi_pattern, year=data["year"], volume=data["volume"],
                                  issue=data["issue"], slots=slots)
        held = registered_states(issue_dir, list(assigned.values()), ledger)
        for aid, doi in list(assigned.items()):
            if doi.lower() in held:
                del assigned[aid]
                owner = held[doi.lower()][0]
                problems[aid] = (f"doi_pattern gives {doi}, which the deposit ledger holds ({owner.endpoint} "
                                 f"{owner.state}, issue {owner.issue_id or '?'}): no DOI assigned")
        notes = [f"{aid}: {why}" for aid, why in problems.items()]
        if not assigned:
            return EditResult([], {}, [], notes)
        changes = []
        for art in data["articles"]:
            if art["id"] in assigned:
                changes.append(Change(art["id"], "doi", art["doi"], assigned[art["id"]]))
                art["doi"], art["doi_source"] = assigned[art["id"]], "assigned"
                art["warnings"] = [w for w in art["warnings"] if not _about_missing_doi(w)]
        result = commit(issue_dir, data, changes, editor=editor, settings=settings, schemas_dir=schemas_dir,
                        render=render)
        result.notes = notes + result.notes
        return result


def _about_missing_doi(w: dict[str, Any]) -> bool:
    return w["code"] == "doi-not-assigned" or (w["code"] == "missing-field" and w["message"].split()[:1] == ["doi"])
