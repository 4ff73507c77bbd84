"""The review page as one self-contained HTML file, built with lxml (which escapes every value).

Self-contained means the page loads nothing: images are data: URIs, the CSS is inline, there
is no script, and a Content-Security-Policy meta tag makes any stray request fail loudly in
the browser instead of leaking to the network. Record values carry `lang` attributes so CJK
text gets CJK fonts and line breaking.
"""
from __future__ import annotations

import re

from lxml import etree
from lxml.html import builder as E
from lxml.html import tostring

from checks.report import EXPLAIN, ORDER
from checks.verdicts import DEAD_PENDING, OK, REDIRECTED
from schemas.model import UNCERTAIN_FIELD, Contributor, Warning

from review.report import NO_DOI, NOT_CHECKED, NOT_DEPOSITED, ArticleView, CitationView, DepositView, ReviewData

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

CSS = """
:root { --warn-bg: #fff4d6; --warn-line: #d97706; --muted: #666; --line: #ddd; }
body { font: 15px/1.5 system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
       "Microsoft YaHei", sans-serif; margin: 0 auto; max-width: 1200px; padding: 1em 1.5em; color: #222; }
h1 { font-size: 1.5em; margin: .2em 0; } h2 { font-size: 1.25em; margin: 0 0 .5em; }
.muted, .missing { color: var(--muted); }
table { border-collapse: collapse; } td, th { border: 1px solid var(--line); padding: .15em .5em; text-align: left; }
.summary { display: flex; flex-wrap: wrap; gap: 1.5em; align-items: flex-start; }
.article { border-top: 3px solid #444; margin-top: 2em; padding-top: 1em; }
.cols { display: flex; gap: 1.5em; align-items: flex-start; }
.page { flex: 0 0 auto; margin: 0; } .page img { border: 1px solid #999; display: block; }
.page figcaption { font-size: .85em; color: var(--muted); }
.placeholder { width: 360px; height: 200px; border: 2px dashed var(--warn-line); display: flex;
               align-items: center; justify-content: center; text-align: center; padding: 1em;
               box-sizing: border-box; background: var(--warn-bg); }
.fields { flex: 1 1 auto; min-width: 0; }
dl.record { display: grid; grid-template-columns: 11em 1fr; gap: .3em 1em; margin: 0; }
dl.record dt { font-weight: 600; color: #444; } dl.record dd { margin: 0; overflow-wrap: anywhere; }
.warnings { list-style: none; padding: 0; margin: 0 0 1em; }
.warning { background: var(--warn-bg); border-left: 5px solid var(--warn-line); padding: .3em .6em; margin: .3em 0; }
.warning code { font-weight: 700; }
.uncertain-fields { list-style: none; padding: 0; margin: 0 0 1em; }
.uncertain { background: #eef4ff; border-left: 5px solid #2563eb; padding: .2em .6em; margin: .2em 0; }
dd.flagged { background: var(--warn-bg); outline: 2px solid var(--warn-line); }
.ok-line { color: #15803d; }
.authors { margin: 0; padding-left: 1.2em; }
.citations li { margin: .3em 0; } .links { list-style: none; padding-left: 0; margin: .1em 0; font-size: .9em; }
.verdict, .state { display: inline-block; border-radius: 3px; padding: 0 .4em; font-size: .85em;
                   font-weight: 600; background: #e5e7eb; }
.v-ok, .s-registered { background: #dcfce7; color: #166534; }
.v-redirected { background: #dbeafe; color: #1e40af; }
.v-dead, .v-soft-404, .s-failed { background: #fee2e2; color: #991b1b; }
.v-dead-pending, .s-stale, .s-submitted { background: #ffedd5; color: #9a3412; }
a { color: #1d4ed8; }
"""

_VERDICT_CLASS = {DEAD_PENDING: "v-dead-pending", NOT_CHECKED: "v-not-checked"}


def _text_lang(text: str) -> str:
    """BCP 47 tag for a record value: kana → ja, hangul → ko, other CJK → zh, else en."""
    # (one regex scan each instead of a Python loop over the characters: the report tags
    # every abstract and citation of the issue)
    if _KANA.search(text):
        return "ja"
    if _HANGUL.search(text):
        return "ko"
    if _HAN.search(text):
        return "zh"
    return "en"


_KANA = re.compile("[\u3040-\u30ff]")
_HANGUL = re.compile("[\uac00-\ud7af]")
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def _t(text: str, lang: str | None = None) -> etree._Element:
    """A span of record text with its language."""
    return E.SPAN(text, lang=lang or _text_lang(text))


def _link(url: str, label: str | None = None) -> etree._Element:
    """An http(s) URL as a link; anything else (javascript:, data:) as plain text only."""
    if url.lower().startswith(("http://", "https://")):
        return E.A(label or url, href=url, rel="noopener noreferrer")
    return E.SPAN(label or url)


def _warnings(items: list[Warning]) -> etree._Element:
    return E.UL(E.CLASS("warnings"),
                *[E.LI(E.CLASS("warning"), "⚠ ", E.CODE(w.code), " ", _t(w.message)) for w in items])


def _uncertain(items: list[Warning]) -> etree._Element:
    """The fields extraction is not sure of (confidence below 0.8), each with its reason."""
    rows = []
    for w in items:
        path, _, why = w.message.partition(":")
        rows.append(E.LI(E.CLASS("uncertain"), "? ", E.CODE(path), " ", _t(why.strip())))
    return E.DIV(E.P(E.STRONG("Check these fields"), " (extraction is not sure of them):"),
                 E.UL(E.CLASS("uncertain-fields"), *rows))


def _field(label: str, value: object, key: str, flagged: set[str]) -> list[etree._Element]:
    classes = ["flagged"] if key in flagged else []
    if value in ("", None, []):
        classes.append("missing")
        value = "—"
    dd = E.DD(value if isinstance(value, etree._Element) else str(value))
    if classes:
        dd.set("class", " ".join(classes))
    if key in flagged:
        dd.set("title", "see the warnings above")
    return [E.DT(label), dd]


def _list(items: list[str]) -> etree._Element | str:
    if not items:
        return ""
    span = E.SPAN()
    for i, item in enumerate(items):
        if i:
            span.append(_sep("; "))
        span.append(_t(item))
    return span


def _sep(text: str) -> etree._Element:
    return E.SPAN(text, E.CLASS("muted"))


def _author(c: Contributor) -> etree._Element:
    li = E.LI()
    if c.name.zh:
        li.append(_t(c.name.zh, "zh"))
    for extra in (c.name_pinyin, c.name.en):
        if extra and extra not in (c.name.zh,):
            li.append(_sep(" · "))
            li.append(_t(extra, "en"))
    if c.affiliation:
        li.append(E.BR())
        li.append(_t(c.affiliation))
    details = [d for d in (c.email, f"ORCID {c.orcid}" if c.orcid else "") if d]
    if details:
        li.append(E.BR())
        li.append(E.SPAN(" · ".join(details), E.CLASS("muted")))
    if c.bio:
        li.append(E.BR())
        li.append(E.SMALL(_t(c.bio)))
    return li


def _deposit(states: list[DepositView]) -> etree._Element:
    span = E.SPAN()
    for d in states:
        if d.state in (NOT_DEPOSITED, NO_DOI):
            span.append(E.SPAN(d.state, E.CLASS("state s-none")))
            continue
        span.append(E.SPAN(f"{d.endpoint}: {d.state}", E.CLASS(f"state s-{d.state}")))
        span.append(_sep(f" since {d.updated_at}" + (f": {d.message}" if d.message else "") + " "))
    return span


def _verdict(verdict: str) -> etree._Element:
    cls = _VERDICT_CLASS.get(verdict, f"v-{verdict}")
    return E.SPAN(verdict, E.CLASS(f"verdict {cls}"), title=EXPLAIN.get(verdict, "not in links.json"))


def _citation(cv: CitationView) -> etree._Element:
    cit = cv.citation
    li = E.LI(_t(cit.text), value=str(cit.n))
    if cv.links:
        ul = E.UL(E.CLASS("links"))
        for lv in cv.links:
            item = E.LI(_verdict(lv.verdict), " ", _link(lv.url))
            if lv.detail:
                item.append(_sep(f" — {lv.detail}"))
            if lv.archive_url:
                item.append(_sep(" · "))
                item.append(_link(lv.archive_url, "archived copy"))
                if lv.archive_note:
                    item.append(_sep(f" ({lv.archive_note})"))
            ul.append(item)
        li.append(ul)
    return li


def _pages(view: ArticleView) -> str:
    a = view.article
    printed = f"pp. {a.fpage}–{a.lpage}" if a.lpage and a.lpage != a.fpage else (f"p. {a.fpage}" if a.fpage else "")
    first, last = a.pdf_pages
    pdf = f"PDF p. {first}" + (f"–{last}" if last != first else "")
    return ", ".join(p for p in (printed, pdf) if p)


def _article(view: ArticleView) -> etree._Element:
    a, f = view.article, view.flagged
    if view.image.data_uri:
        page = E.FIGURE(E.CLASS("page"),
                        E.IMG(src=view.image.data_uri, width=str(view.image.width), height=str(view.image.height),
                              alt=f"first page of {a.id}"),
                        E.FIGCAPTION(f"{a.id}/article.pdf, first page"))
    else:
        page = E.DIV(E.CLASS("page placeholder"), E.DIV("No page image", E.BR(), E.SMALL(view.image.problem)))
    link_problems = sum(1 for c in view.citations for lv in c.links
                        if lv.verdict not in (OK, REDIRECTED, NOT_CHECKED))
    record = E.DL(E.CLASS("record"))
    rows = [
        ("Title (zh)", _t(a.title.zh, "zh") if a.title.zh else "", "title.zh"),
        ("Title (en)", _t(a.title.en, "en") if a.title.en else "", "title.en"),
        ("Type / language", f"{a.type} / {a.language}", "type"),
        ("Authors", E.OL(E.CLASS("authors"), *[_author(c) for c in a.contributors]) if a.contributors else "",
         "contributors"),
        ("Abstract (zh)", _t(a.abstract.zh, "zh") if a.abstract.zh else "", "abstract.zh"),
        ("Abstract (en)", _t(a.abstract.en, "en") if a.abstract.en else "", "abstract.en"),
        ("Keywords (zh)", _list(a.keywords.zh), "keywords.zh"),
        ("Keywords (en)", _list(a.keywords.en), "keywords.en"),
        ("CLC 中图分类号", "; ".join(a.clc), "clc"),
        ("Doc code 文献标识码", a.doc_code, "doc_code"),
        ("DOI", a.doi, "doi"),
        ("Article no. 文章编号", a.article_no, "article_no"),
        ("Pages", _pages(view), "fpage"),
        *([("Article number", a.elocation, "elocation")] if a.elocation else []),
        ("Funding 基金项目", _t(a.funding) if a.funding else "", "funding"),
        ("Received 收稿日期", a.received, "received"),
        ("Deposit", _deposit(view.deposit), "deposit"),
    ]
    for label, value, key in rows:
        record.extend(_field(label, value, key, f))
    heading = E.H2(E.SPAN(a.id, E.CLASS("muted")), " ", _t(a.title.zh or a.title.en or "(no title)"))
    fields = E.DIV(E.CLASS("fields"))
    fields.append(_warnings(view.warnings) if view.warnings else E.P("No warnings.", E.CLASS("ok-line")))
    if view.uncertain:
        fields.append(_uncertain(view.uncertain))
    fields.append(record)
    urls = sum(len(c.links) for c in view.citations)
    cites = E.DETAILS(E.SUMMARY(f"Citations: {len(view.citations)}, {urls} URLs"
                                + (f", {link_problems} not ok" if link_problems else "")),
                      E.OL(E.CLASS("citations"), *[_citation(c) for c in view.citations]))
    if link_problems or "citations" in f:  # (a cited URL extraction is unsure of is shown unfolded)
        cites.set("open", "open")
    return E.SECTION(E.CLASS("article"), heading, E.DIV(E.CLASS("cols"), page, fields), cites, id=a.id)


def _ocr_pages(pages: list) -> etree._Element:
    """The pages whose text layer was not trusted: read by OCR (with the engine's mean
    confidence) or used as they are, and why (issue.json source.pages_ocr)."""
    items = []
    for p in pages:
        how = (f"read by OCR, confidence {p.confidence:.2f}" if p.ocr and p.confidence is not None
               else "read by OCR" if p.ocr else "not OCR'd (--ocr never)")
        items.append(E.LI(f"p. {p.page}: {how}; ", E.SPAN(p.reason, E.CLASS("muted"))))
    return E.UL(E.CLASS("ocr-pages"), *items)


def _summary(data: ReviewData) -> list[etree._Element]:
    issue, j = data.issue, data.issue.journal
    facts = E.TABLE(
        E.TR(E.TH("Journal"), E.TD(_t(j.title.zh, "zh"), _sep(" / "), _t(j.title.en, "en"))),
        E.TR(E.TH("ISSN / CN"), E.TD(f"{j.issn or '—'} / {j.cn or '—'}")),
        E.TR(E.TH("Year, volume, issue"), E.TD(f"{issue.year or '—'}, vol. {issue.volume or '—'}, no. {issue.issue or '—'}")),
        E.TR(E.TH("Source"), E.TD(f"{issue.source.file}, {issue.source.pages} pages")),
        *([E.TR(E.TH("Text layer not trusted"), E.TD(_ocr_pages(issue.source.pages_ocr)))] if issue.source.pages_ocr else []),
        E.TR(E.TH("Articles"), E.TD(str(len(data.articles)))),
        E.TR(E.TH("Citations / URLs"), E.TD(f"{data.citation_count} / {data.url_count}")),
        E.TR(E.TH("Warnings"), E.TD(str(data.warning_count))),
        E.TR(E.TH("Fields to check"), E.TD(str(data.uncertain_count))),
    )
    links = E.DIV(E.H2("Cited links"))
    if data.links.present:
        rows = [E.TR(E.TD(_verdict(v)), E.TD(str(data.links.summary.get(v, 0))))
                for v in ORDER if data.links.summary.get(v)]
        links.append(E.TABLE(*rows) if rows else E.P("No URLs."))
        links.append(E.P(f"{data.links.archived} with an archived copy; checked {data.links.checked_at}",
                         E.CLASS("muted")))
        if data.links.notice:
            links.append(_warnings([Warning("links", data.links.notice)]))
    else:
        links.append(E.P("Not checked (no links.json): run ", E.CODE("journal-ingest links"), ".",
                         E.CLASS("muted")))
    deposit = E.DIV(E.H2("Deposit"))
    if data.deposit.present:
        counts = data.deposit.counts
        deposit.append(E.P("; ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or NOT_DEPOSITED))
        if data.deposit.last_submission:
            deposit.append(E.P("Last submission: " + data.deposit.last_submission, E.CLASS("muted")))
    else:
        deposit.append(E.P(NOT_DEPOSITED))
    deposit.append(E.P(E.SMALL(f"ledger: {data.deposit.ledger}"), E.CLASS("muted")))
    toc = E.OL(*[E.LI(E.A(v.article.id, href=f"#{v.article.id}"), " ",
                      _t(v.article.title.zh or v.article.title.en or "(no title)"),
                      *([" ", E.SPAN(f"⚠ {len(v.warnings)}", E.CLASS("warning"))] if v.warnings else []),
                      *([" ", E.SPAN(f"? {len(v.uncertain)}", E.CLASS("uncertain"))] if v.uncertain else []))
                 for v in data.articles])
    out = [E.DIV(E.CLASS("summary"), E.DIV(E.H2("Issue"), facts), links, deposit), E.H2("Articles"), toc]
    problems = [w for w in data.issue.warnings if w.code != UNCERTAIN_FIELD] + [Warning("report", n) for n in data.notes]
    unsure = [w for w in data.issue.warnings if w.code == UNCERTAIN_FIELD]
    if unsure:
        out.insert(1, E.DIV(E.H2("Issue fields to check"), _uncertain(unsure)))
    if problems:
        out.insert(1, E.DIV(E.H2("Issue warnings"), _warnings(problems)))
    return out


def build_page(data: ReviewData) -> bytes:
    """The whole page, UTF-8 encoded, with an HTML5 doctype."""
    title = f"Review: {data.issue_id}"
    page = E.HTML(
        E.HEAD(
            E.META(charset="utf-8"),
            E.META(**{"http-equiv": "Content-Security-Policy", "content": CSP}),
            E.META(name="viewport", content="width=device-width, initial-scale=1"),
            E.TITLE(title),
            E.LINK(rel="icon", href="data:,"),  # or the browser asks the server for /favicon.ico
            E.STYLE(CSS),
        ),
        E.BODY(
            E.HEADER(E.H1(title), E.P(f"Generated {data.generated_at} by journal-ingest report", E.CLASS("muted"))),
            *_summary(data),
            *[_article(v) for v in data.articles],
        ),
        lang="en",
    )
    return tostring(page, doctype="<!DOCTYPE html>", encoding="utf-8", method="html")
