"""The editor's workbench: a local web app over one issue folder (`journal-ingest review`).

Starlette (what FastAPI is built on; both come with Prefect) serves pages rendered with
Jinja2 and runs under uvicorn. There is no JavaScript: page navigation and zoom are links,
every field is a small form, and a save is a POST that goes through `review.edit.apply_edit`
— the same checks, rebuilt files, corrections log and version check as `journal-ingest
edit`. A refused save shows the page again with the error beside the field (422), or the
other editor's change and a conflict message (409).

Safety: the app serves only files it names itself (issue.json's articles, their article.pdf
pages as PNG, the XML files and report.html of this folder): no path ever comes from a
request. Every POST carries a CSRF token (random per run, in each form) and must come from
the app's own origin; every response has a Content-Security-Policy that allows nothing but
this origin's images and style sheet (no scripts at all). Listening on anything other than
loopback needs an access token, which the command prints in the URL.
"""
from __future__ import annotations

import hmac
import io
import json
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from parsers.errors import IngestError
from schemas.model import UNCERTAIN_FIELD
from schemas.settings import JournalSettings

from review import edit as E
from review import fields as F

CSP = ("default-src 'none'; img-src 'self'; style-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
# the browser's own XML viewer styles its tree inline; an XML file can load nothing
XML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
ZOOMS = (0.5, 0.75, 1.0, 1.5, 2.0, 3.0)
PAGE_WIDTH = 700  # px at zoom 1: a CJK page is readable beside the fields
FILES = {"crossref.xml": "application/xml", "report.html": "text/html", "issue.json": "application/json",
         "corrections.jsonl": "text/plain"}
LONG_TEXT = ("abstract.zh", "abstract.en", "funding", "citations.text", "contributors.bio",
             "contributors.affiliation")
MAX_FORM = 1_000_000  # bytes: an abstract is a few kB
EDITOR_COOKIE = "review_editor"


@dataclass
class Workbench:
    """What one running app works on."""

    issue_dir: Path
    settings: JournalSettings | None = None
    schemas_dir: Path | None = None
    ledger: str | None = None
    token: str = ""  # required on every request when set (listening beyond loopback)
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    images: "OrderedDict[tuple, bytes]" = field(default_factory=OrderedDict)
    first_pages: dict[tuple, Any] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def render_first_page(self, pdf: Path, width: int) -> Any:
        """report.html's first-page images, kept between saves: an edit changes the document
        info, never the pages, so the report is rebuilt without rendering them again."""
        from review.render import first_page_image

        key = (str(pdf), width)
        if key not in self.first_pages:
            self.first_pages[key] = first_page_image(pdf, width)
        return self.first_pages[key]


def _templates() -> Environment:
    folder = resources.files("review").joinpath("templates")
    env = Environment(loader=FileSystemLoader(str(folder)), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    return env


ENV = _templates()


def _page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    bench: Workbench = request.app.state.bench
    body = ENV.get_template(template).render(csrf=bench.csrf, token=bench.token,
                                             editor=request.cookies.get(EDITOR_COOKIE, ""),
                                             here=str(request.url.path) + (f"?{request.url.query}" if request.url.query else ""),
                                             **context)
    return HTMLResponse(body, status_code=status)


# ---- views of the record ------------------------------------------------------------------


def flagged_paths(article: dict[str, Any]) -> dict[str, str]:
    """{generic field path: why} for the fields the extraction doubts or a warning names."""
    from review.report import flagged_fields
    from schemas.model import Warning

    out: dict[str, str] = {}
    for w in article["warnings"]:
        if w["code"] == UNCERTAIN_FIELD:
            path, _, why = w["message"].partition(":")
            out.setdefault(path, why.strip())
        else:
            for path in flagged_fields([Warning(w["code"], w["message"])]):
                out.setdefault(path, w["message"])
    return out


def _flag_for(path: str, flags: dict[str, str]) -> str:
    generic = ".".join(p for p in path.split(".") if not p.isdigit())
    if generic in flags:
        return flags[generic]
    return flags.get(generic.split(".")[0], "")


@dataclass
class FieldView:
    path: str
    kind: str
    value: Any
    text: str  # the value as the form shows it
    choices: list[str]
    long: bool
    flag: str  # why it is flagged, "" when it is not
    error: str = ""
    where: int = 0  # the article.pdf page it was printed on (provenance), 0 when unknown


def field_views(article: dict[str, Any], errors: dict[str, tuple[str, str]] | None = None) -> list[FieldView]:
    """Every editable field, flagged ones first (then record order). `errors`: {path:
    (message, the text the editor sent)} from a refused save, shown instead of the value."""
    errors = errors or {}
    flags = flagged_paths(article)
    views = []
    for path, kind in F.editable_paths(article):
        parts = tuple(int(p) - 1 if p.isdigit() else p for p in path.split("."))
        value = F.get_value(article, F.FieldPath(path, parts))
        _, schema = F.parse_path(path, article)
        generic = ".".join(p for p in path.split(".") if not p.isdigit())
        text = to_form_text(value, kind)
        error = ""
        if path in errors:
            error, text = errors[path]
        where = (article.get("provenance") or {}).get(path, {}).get("page", 0)
        views.append(FieldView(path, kind, value, text, list(schema.get("enum", [])),
                               generic in LONG_TEXT or (kind == "text" and len(text) > 80),
                               _flag_for(path, flags), error, where))
    return sorted(views, key=lambda v: (not (v.flag or v.error),))


def to_form_text(value: Any, kind: str) -> str:
    if kind == "list":
        return "\n".join(str(v) for v in value or [])
    if value is None:
        return ""
    return str(value)


def from_form_text(text: str, kind: str) -> Any:
    """What a form field sends, as the record's type: a list is one item per line."""
    text = text.replace("\r\n", "\n")
    if kind == "list":
        return [line.strip() for line in text.split("\n") if line.strip()]
    if kind == "date-or-null":
        return text.strip() or None
    if kind == "integer":
        return int(text) if text.strip().lstrip("-").isdigit() else text
    return text


def article_summary(article: dict[str, Any]) -> dict[str, Any]:
    warnings = [w for w in article["warnings"] if w["code"] != UNCERTAIN_FIELD]
    return {"id": article["id"], "title": article["title"]["zh"] or article["title"]["en"],
            "title_en": article["title"]["en"] if article["title"]["zh"] else "",
            "fpage": article["fpage"], "lpage": article["lpage"], "doi": article["doi"],
            "doi_source": article.get("doi_source", ""), "flagged": len(flagged_paths(article)),
            "warnings": len(warnings), "type": article["type"]}


# ---- requests -----------------------------------------------------------------------------


async def _form(request: Request) -> dict[str, str]:
    """An urlencoded form body as {name: value} (the last one wins); no multipart needed."""
    body = await request.body()
    if len(body) > MAX_FORM:
        raise _Refused(413, "form too large")
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
        raise _Refused(415, "forms are sent urlencoded")
    return {k: v[-1] for k, v in parse_qs(body.decode("utf-8"), keep_blank_values=True).items()}


class _Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        self.status, self.message = status, message


def _check_post(request: Request, form: dict[str, str]) -> None:
    """CSRF: the form's token must be this run's, and the request must come from this origin."""
    bench: Workbench = request.app.state.bench
    if not hmac.compare_digest(form.get("csrf", ""), bench.csrf):
        raise _Refused(403, "the form is from another session of the review app: reload the page")
    origin = request.headers.get("origin") or request.headers.get("referer")
    if origin and origin != "null":
        host = urlsplit(origin).netloc
        if host != request.headers.get("host"):
            raise _Refused(403, f"a form posted from {host} is not accepted")


def _article_or_404(request: Request) -> tuple[dict[str, Any], dict[str, Any]]:
    bench: Workbench = request.app.state.bench
    data = E.read_issue_dict(bench.issue_dir)
    aid = request.path_params["aid"]
    for art in data["articles"]:
        if art["id"] == aid:
            return data, art
    raise _Refused(404, f"no article {aid!r} in this issue")


def _url(path: str, bench: Workbench, **query: Any) -> str:
    query = {k: v for k, v in query.items() if v not in (None, "")}
    if bench.token:
        query["token"] = bench.token
    return path + ("?" + urlencode(query) if query else "")


async def issue_page(request: Request) -> Response:
    bench: Workbench = request.app.state.bench
    data = E.read_issue_dict(bench.issue_dir)
    notes = request.query_params.getlist("note")
    articles = [article_summary(a) for a in data["articles"]]
    order = "check" if request.query_params.get("order") == "check" else ""
    if order:  # the articles with most to check first (stable: issue order among equals)
        articles.sort(key=lambda a: (-(a["flagged"] + a["warnings"]),))
    return _page(request, "issue.html", data=data, articles=articles, order=order,
                 issue_warnings=data["warnings"], notes=notes, url=lambda p, **q: _url(p, bench, **q),
                 can_assign=bool(bench.settings and bench.settings.doi_pattern),
                 missing_dois=sum(1 for a in data["articles"] if not a["doi"]),
                 files=[name for name in FILES if (bench.issue_dir / name).exists()])


def _article_context(request: Request, data: dict[str, Any], art: dict[str, Any], **extra: Any) -> dict[str, Any]:
    bench: Workbench = request.app.state.bench
    pages = art["pdf_pages"][1] - art["pdf_pages"][0] + 1
    page = _int(request.query_params.get("page"), 1, 1, pages)
    zoom = _zoom(request.query_params.get("zoom"))
    ids = [a["id"] for a in data["articles"]]
    k = ids.index(art["id"])
    size = _page_size(bench, art["id"], page)
    flags = flagged_paths(art)
    boxes = [{"path": path, "x": b["box"][0], "y": b["box"][1], "w": b["box"][2] - b["box"][0],
              "h": b["box"][3] - b["box"][1], "flagged": bool(_flag_for(path, flags))}
             for path, b in sorted((art.get("provenance") or {}).items()) if b["page"] == page] if size else []
    return dict(data=data, article=art, summary=article_summary(art), version=E.article_version(art),
                boxes=boxes, page_size=size, doi_states=_doi_states(bench, art["doi"]),
                page=page, pages=pages, zoom=zoom, zooms=ZOOMS, width=int(PAGE_WIDTH * zoom),
                prev_id=ids[k - 1] if k else "", next_id=ids[k + 1] if k + 1 < len(ids) else "",
                warnings=[w for w in art["warnings"] if w["code"] != UNCERTAIN_FIELD],
                flags=flagged_paths(art), url=lambda p, **q: _url(p, bench, **q),
                has_xml=(bench.issue_dir / "articles" / art["id"] / "article.xml").exists(), **extra)


async def article_page(request: Request) -> Response:
    data, art = _article_or_404(request)
    saved = request.query_params.get("saved", "")
    notes = request.query_params.getlist("note")
    return _page(request, "article.html", **_article_context(request, data, art, fields=field_views(art),
                                                             saved=saved, notes=notes, conflict=""))


async def save_field(request: Request) -> Response:
    bench: Workbench = request.app.state.bench
    form = await _form(request)
    _check_post(request, form)
    data, art = _article_or_404(request)
    path = form.get("field", "")
    kinds = dict(F.editable_paths(art))
    if path not in kinds:
        raise _Refused(400, f"{path!r} is not an editable field of {art['id']}")
    sent = form.get("value", "")
    value = from_form_text(sent, kinds[path])
    editor = editor_name(request, form)
    try:
        result = await _in_thread(E.apply_edit, bench.issue_dir, art["id"], path, value, editor=editor or "review",
                                  version=form.get("version", ""), settings=bench.settings,
                                  schemas_dir=bench.schemas_dir, ledger=bench.ledger, force=form.get("force") == "1",
                                  render=bench.render_first_page)
    except E.VersionConflict as exc:
        data, art = _article_or_404(request)  # what the other editor saved
        return _page(request, "article.html", 409, **_article_context(
            request, data, art, saved="", notes=[],
            fields=field_views(art, {path: ("not saved: the article changed since you opened it; "
                                            "save again to apply your value", sent)}),
            conflict=(f"Not saved: {art['id']} changed since you opened it (someone else saved). The page now "
                      "shows the saved record; your value is kept in its field: save again to apply it.")))
    except (IngestError, OSError) as exc:  # OSError: a read-only folder or a full disk
        message = exc.problem if isinstance(exc, F.FieldError) else f"not saved: {exc}"
        return _page(request, "article.html", 422, **_article_context(
            request, data, art, fields=field_views(art, {path: (message, sent)}), saved="", notes=[], conflict=""))
    target = _url(f"/a/{art['id']}", bench, saved=path, page=request.query_params.get("page"),
                  zoom=request.query_params.get("zoom"))
    for note in (n for n in result.notes if n.startswith(("warning:", "XML not checked"))):
        target += "&" + urlencode({"note": note}) if "?" in target else "?" + urlencode({"note": note})
    return RedirectResponse(target + "#saved", status_code=303)


EMPTY_PERSON = {"name": {"zh": "", "en": ""}, "name_pinyin": "", "surname": "", "given": "", "affiliation": "",
                "bio": "", "email": "", "orcid": ""}


async def edit_authors(request: Request) -> Response:
    """Add an empty author at the end, or remove author N: an edit of `contributors` as a
    whole, through the same save as any field."""
    bench: Workbench = request.app.state.bench
    form = await _form(request)
    _check_post(request, form)
    data, art = _article_or_404(request)
    people = json.loads(json.dumps(art["contributors"]))
    action = form.get("action", "")
    if action == "add":
        people.append(dict(EMPTY_PERSON, name={"zh": "", "en": ""}))
    elif action.startswith("remove:") and action[7:].isdigit() and 1 <= int(action[7:]) <= len(people):
        del people[int(action[7:]) - 1]
    else:
        raise _Refused(400, f"unknown author action {action!r}")
    try:
        await _in_thread(E.apply_edit, bench.issue_dir, art["id"], "contributors", people,
                         editor=editor_name(request, form) or "review", version=form.get("version", ""),
                         settings=bench.settings, schemas_dir=bench.schemas_dir, ledger=bench.ledger,
                         render=bench.render_first_page)
    except (IngestError, OSError) as exc:
        note = exc.problem if isinstance(exc, IngestError) else str(exc)
        return RedirectResponse(_url(f"/a/{art['id']}", bench, note=f"authors not changed: {note}"), status_code=303)
    return RedirectResponse(_url(f"/a/{art['id']}", bench, saved="contributors"), status_code=303)


def editor_name(request: Request, form: dict[str, str]) -> str:
    """Who saves: the form's `editor`, else the name this browser gave (a cookie)."""
    return (form.get("editor") or request.cookies.get(EDITOR_COOKIE, "")).strip()[:100]


async def set_name(request: Request) -> Response:
    """Remember the editor's name in this browser, for corrections.jsonl."""
    bench: Workbench = request.app.state.bench
    form = await _form(request)
    _check_post(request, form)
    name = " ".join(form.get("editor", "").split())[:100]
    back = form.get("back", "/")
    if not back.startswith("/") or back.startswith("//"):
        back = "/"  # only a path of this app: never an open redirect
    response = RedirectResponse(back, status_code=303)
    response.set_cookie(EDITOR_COOKIE, name, httponly=True, samesite="strict", max_age=30 * 86400)
    return response


async def assign_dois(request: Request) -> Response:
    from review.doi import assign_in_folder

    bench: Workbench = request.app.state.bench
    form = await _form(request)
    _check_post(request, form)
    try:
        result = await _in_thread(assign_in_folder, bench.issue_dir, bench.settings,
                                  editor=editor_name(request, form) or "review",
                                  schemas_dir=bench.schemas_dir, ledger=bench.ledger, render=bench.render_first_page)
        notes = [f"{c.article}: assigned {c.new}" for c in result.changes] + result.notes
        if not result.changes:
            notes.insert(0, "no DOI assigned")
    except (IngestError, OSError) as exc:
        notes = [f"DOIs not assigned: {exc}"]
    return RedirectResponse(_url("/", bench) + ("&" if bench.token else "?") + urlencode([("note", n) for n in notes]),
                            status_code=303)


async def deposit_page(request: Request) -> Response:
    """Per DOI: its ledger state on both Crossref systems, how its record differs from the
    registered one, the corrections since; and the approve form (review.deposit_page)."""
    return await _deposit_page(request, request.query_params.get("endpoint") == "production")


async def _deposit_page(request: Request, production: bool, status: int = 200, error: str = "",
                        approver: str = "") -> Response:
    from review.deposit_page import deposit_view

    bench: Workbench = request.app.state.bench
    data = E.read_issue_dict(bench.issue_dir)
    view = await _in_thread(deposit_view, bench.issue_dir, ledger=bench.ledger, production=production)
    notes = request.query_params.getlist("note") if request.method == "GET" else []
    return _page(request, "deposit.html", status, data=data, view=view, notes=notes, production=production,
                 error=error, approver=approver or request.cookies.get(EDITOR_COOKIE, ""),
                 url=lambda p, **q: _url(p, bench, **q))


async def approve_deposit(request: Request) -> Response:
    """The approve button: `journal-ingest deposit`'s workflow for the file the editor saw,
    on the test system unless production is chosen and confirmed separately."""
    from review.deposit_page import approve_and_deposit

    bench: Workbench = request.app.state.bench
    form = await _form(request)
    _check_post(request, form)
    approver = " ".join(form.get("approver", "").split())[:100]
    production = form.get("endpoint") == "production"
    if production and form.get("confirm_production") != "yes":
        return await _deposit_page(request, True, 422, "Not sent: production was chosen but not confirmed. Tick the "
                                  "confirmation to register these DOIs for real.", approver)
    if not approver:
        return await _deposit_page(request, production, 422, "Not sent: an approval must name the approver; enter your name.")
    try:
        report = await _in_thread(approve_and_deposit, bench.issue_dir, approver=approver,
                                  sha256=form.get("sha256", ""), production=production, ledger=bench.ledger)
        notes = report.text().splitlines()
    except (IngestError, OSError) as exc:  # every deposit error's message is credential-free
        notes = [f"not deposited: {exc}"]
    query = [("note", n.strip()) for n in notes] + ([("endpoint", "production")] if production else [])
    target = _url("/deposit", bench)
    return RedirectResponse(target + ("&" if "?" in target else "?") + urlencode(query), status_code=303)


async def page_image(request: Request) -> Response:
    """One page of the article's PDF as a PNG at the zoom asked for (cached)."""
    bench: Workbench = request.app.state.bench
    _, art = _article_or_404(request)
    pages = art["pdf_pages"][1] - art["pdf_pages"][0] + 1
    page = _int(request.path_params["page"], 0, 1, pages)
    if not page:
        raise _Refused(404, f"{art['id']} has pages 1–{pages}")
    width = int(PAGE_WIDTH * _zoom(request.query_params.get("zoom")))
    pdf = bench.issue_dir / "articles" / art["id"] / "article.pdf"
    if not pdf.is_file():
        raise _Refused(404, f"{art['id']}: no article.pdf")
    key = (art["id"], page, width, pdf.stat().st_mtime_ns)
    with bench.lock:
        png = bench.images.get(key)
    if png is None:
        png = await _in_thread(render_png, pdf, page - 1, width)
        with bench.lock:
            bench.images[key] = png
            while len(bench.images) > 64:
                bench.images.popitem(last=False)
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=60"})


def _doi_states(bench: Workbench, doi: str) -> str:
    """What the deposit ledger says of this DOI, in words ("" when nothing)."""
    from review.ledger_view import registered_states

    try:
        states = registered_states(bench.issue_dir, [doi], bench.ledger).get(doi.lower(), [])
    except IngestError as exc:
        return f"deposit ledger unreadable: {exc.problem}"
    return ", ".join(f"{s.state} on {s.endpoint}" for s in states)


def _page_size(bench: Workbench, aid: str, page: int) -> tuple[float, float] | None:
    """The page's size in points (the boxes' coordinate space), None without a readable PDF."""
    import pypdfium2 as pdfium

    from review.render import _PDFIUM

    pdf = bench.issue_dir / "articles" / aid / "article.pdf"
    if not pdf.is_file():
        return None
    key = ("size", aid, page, pdf.stat().st_mtime_ns)
    with bench.lock:
        if key in bench.first_pages:
            return bench.first_pages[key]
    try:
        with _PDFIUM:
            doc = pdfium.PdfDocument(str(pdf))
            try:
                size = tuple(round(v, 2) for v in doc[page - 1].get_size()) if page <= len(doc) else None
            finally:
                doc.close()
    except pdfium.PdfiumError:
        size = None
    with bench.lock:
        bench.first_pages[key] = size
    return size


def render_png(pdf: Path, index: int, width: int) -> bytes:
    import pypdfium2 as pdfium

    from review.render import _PDFIUM

    with _PDFIUM:
        doc = pdfium.PdfDocument(str(pdf))
        try:
            page = doc[index]
            image = page.render(scale=width / page.get_width()).to_pil()
            page.close()
        finally:
            doc.close()
    buf = io.BytesIO()
    image.convert("RGB").save(buf, format="PNG", optimize=False, compress_level=3)
    return buf.getvalue()


async def issue_file(request: Request) -> Response:
    """crossref.xml, report.html, issue.json or corrections.jsonl of this folder (a fixed list)."""
    bench: Workbench = request.app.state.bench
    name = request.path_params["name"]
    if name not in FILES or not (bench.issue_dir / name).is_file():
        raise _Refused(404, f"no {name} here")
    headers = {}
    if name == "report.html":  # the report's own policy: inline images and style, nothing else
        headers["Content-Security-Policy"] = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
                                              "base-uri 'none'; form-action 'none'")
    elif name.endswith(".xml"):
        headers["Content-Security-Policy"] = XML_CSP
    return Response((bench.issue_dir / name).read_bytes(), media_type=FILES[name], headers=headers)


async def article_xml(request: Request) -> Response:
    bench: Workbench = request.app.state.bench
    _, art = _article_or_404(request)
    path = bench.issue_dir / "articles" / art["id"] / "article.xml"
    if not path.is_file():
        raise _Refused(404, f"{art['id']}: no article.xml")
    return Response(path.read_bytes(), media_type="application/xml", headers={"Content-Security-Policy": XML_CSP})


async def stylesheet(request: Request) -> Response:
    css = resources.files("review").joinpath("templates", "review.css").read_bytes()
    return Response(css, media_type="text/css", headers={"Cache-Control": "private, max-age=300"})


def _int(text: str | None, default: int, low: int, high: int) -> int:
    try:
        n = int(text or "")
    except ValueError:
        return default
    return n if low <= n <= high else default


def _zoom(text: str | None) -> float:
    try:
        z = float(text or 1)
    except ValueError:
        return 1.0
    return z if z in ZOOMS else 1.0


async def _in_thread(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Saves and rendering block (files, PDFium, lxml): off the event loop."""
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(fn, *args, **kwargs)


# ---- the app ------------------------------------------------------------------------------


class _Guard:
    """ASGI middleware: the access token (when set), the security headers, and refusals as
    one-line plain-text answers."""

    def __init__(self, app: Any, bench: Workbench) -> None:
        self.app, self.bench = app, bench

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if self.bench.token and not self._token_ok(request):
            await _plain(403, "this review app needs the access token printed when it started")(scope, receive, send)
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}  # a view may set a narrower policy of its own
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", CSP.encode()))
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin"),
                            (b"x-frame-options", b"DENY")]
                if self.bench.token and request.query_params.get("token"):
                    headers.append((b"set-cookie", f"review_token={self.bench.token}; HttpOnly; SameSite=Strict; Path=/".encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _token_ok(self, request: Request) -> bool:
        given = request.query_params.get("token") or request.cookies.get("review_token") or ""
        return hmac.compare_digest(given, self.bench.token)


def _plain(status: int, message: str) -> Response:
    return PlainTextResponse(message + "\n", status_code=status)


def create_app(issue_dir: Path, *, settings: JournalSettings | None = None, schemas_dir: Path | None = None,
               ledger: str | None = None, token: str = "") -> Any:
    """The ASGI app for one issue folder. Raises MissingFile/SchemaInvalid when the folder
    has no valid issue.json."""
    bench = Workbench(Path(issue_dir), settings, schemas_dir, ledger, token)
    E.read_issue_dict(bench.issue_dir)  # fail now, not on the first request
    async def refused(request: Request, exc: Exception) -> Response:
        if isinstance(exc, _Refused):
            return _plain(exc.status, exc.message)
        return _plain(500, str(exc))  # a missing or broken issue.json under a running app

    app = Starlette(exception_handlers={_Refused: refused, IngestError: refused}, routes=[
        Route("/", issue_page),
        Route("/review.css", stylesheet),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Route("/a/{aid}", article_page),
        Route("/a/{aid}/edit", save_field, methods=["POST"]),
        Route("/a/{aid}/authors", edit_authors, methods=["POST"]),
        Route("/a/{aid}/page/{page}.png", page_image),
        Route("/a/{aid}/article.xml", article_xml),
        Route("/assign-dois", assign_dois, methods=["POST"]),
        Route("/deposit", deposit_page),
        Route("/deposit", approve_deposit, methods=["POST"]),
        Route("/name", set_name, methods=["POST"]),
        Route("/files/{name}", issue_file),
    ])
    app.state.bench = bench
    guarded = _Guard(app, bench)
    guarded.state = app.state  # type: ignore[attr-defined]
    return guarded


def warm_up(bench_settings: JournalSettings | None, schemas_dir: Path | None) -> None:
    """Compile the XSDs (seconds) before the first save needs them."""
    from schemas import xmlcheck

    found = xmlcheck.find_schema_dir(schemas_dir)
    if found:
        for kind in ("jats-1.3", "crossref-5.3.1"):
            try:
                xmlcheck.load_schema(kind, found)
            except IngestError:
                pass
