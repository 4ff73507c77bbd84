"""One Crossref 5.3.1 `doi_batch` per issue, built region by region with lxml.

`build_deposit(issue, settings, timestamp=...)` returns a `Deposit` (the tree, the ids of
the articles included, and warnings such as "a012: no DOI, left out"). Problems that
would make Crossref reject the batch or register wrong metadata (no depositor, a DOI
without its 10.NNNN/ prefix or with another journal's prefix, a bad ISSN, an empty title,
no URL pattern) raise `SchemaInvalid` listing every problem at once: an invalid deposit is
never produced.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from lxml import etree

from parsers.errors import BadConfig, SchemaInvalid
from schemas.funding import parse_funding
from schemas.jats import (
    XML_LANG,
    article_language,
    cites_something,
    clean,
    find_dois,
    has_bad_chars,
    issn_problem,
    name_forms,
    norm_issn,
    other_lang,
    pick,
    split_affiliation,
    split_affiliations,
)
from schemas.model import Article, Citation, Contributor, Issue
from schemas.settings import JournalSettings


CROSSREF = "http://www.crossref.org/schema/5.3.1"
JATS = "http://www.ncbi.nlm.nih.gov/JATS1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
FUNDREF = "http://www.crossref.org/fundref.xsd"  # funding data (fundref.xsd)
ACCESS = "http://www.crossref.org/AccessIndicators.xsd"  # licences (AccessIndicators.xsd)
NSMAP = {None: CROSSREF, "jats": JATS, "xsi": XSI, "fr": FUNDREF, "ai": ACCESS}
SCHEMA_LOCATION = f"{CROSSREF} https://www.crossref.org/schemas/crossref5.3.1.xsd"
VERSION = "5.3.1"

_DOI_RE = re.compile(r"^10\.\d{4,9}/\S{1,200}$")
_ORCID_RE = re.compile(r"^https?://orcid\.org/\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def q(tag: str) -> str:
    """Qualified name in the Crossref namespace."""
    return f"{{{CROSSREF}}}{tag}"


def jq(tag: str) -> str:
    """Qualified name in Crossref's JATS namespace (for jats:abstract)."""
    return f"{{{JATS}}}{tag}"


def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, tag if tag.startswith("{") else q(tag))
    for key, value in attrs.items():
        if value:
            el.set(key, value)
    if text:
        el.text = text
    return el


@dataclass
class Deposit:
    tree: etree._ElementTree
    timestamp: int
    batch_id: str
    included: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# ------------------------------------------------------------------------ timestamps


def make_timestamp(now: datetime | None = None) -> int:
    """yyyymmddHHMMSSfff (UTC, milliseconds) as an integer."""
    now = now or datetime.now(timezone.utc)
    return int(now.strftime("%Y%m%d%H%M%S") + f"{now.microsecond // 1000:03d}")


def read_timestamp(path: Path) -> int | None:
    """The head/timestamp of an existing deposit, None when absent or unreadable."""
    try:
        tree = etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False))
    except (OSError, etree.XMLSyntaxError):
        return None
    value = tree.findtext(f"{q('head')}/{q('timestamp')}")
    return int(value) if value and value.strip().isdigit() else None


def next_timestamp(previous: Path | None = None, now: datetime | None = None) -> int:
    """Now, or one more than the previous deposit's timestamp if that is later (clock skew)."""
    ts = make_timestamp(now)
    prev = read_timestamp(previous) if previous and previous.is_file() else None
    return max(ts, prev + 1) if prev is not None else ts


# ---------------------------------------------------------------------------- checks


def resource_url(settings: JournalSettings, issue: Issue, article: Article) -> str:
    """The landing page from settings.url_pattern; raises BadConfig for an unknown field."""
    try:
        return settings.url_pattern.format(
            doi=clean(article.doi), id=article.id, year=issue.year or "", issue=issue.issue,
            volume=issue.volume, fpage=article.fpage,
        )
    except (KeyError, IndexError, ValueError) as exc:
        raise BadConfig("url_pattern", f"cannot fill {settings.url_pattern!r}: {exc} "
                        "(fields: {doi} {id} {year} {issue} {volume} {fpage})") from None


def deposit_articles(issue: Issue) -> tuple[list[Article], list[str]]:
    """Articles that have a DOI, and a warning for each one left out."""
    included, warnings = [], []
    for article in issue.articles:
        if clean(article.doi):
            included.append(article)
        else:
            title = pick(article.title, "zh") or pick(article.title, "en") or "(untitled)"
            warnings.append(f"article {article.id} ({title}): no DOI, left out of crossref.xml")
    return included, warnings


def check_deposit(issue: Issue, settings: JournalSettings) -> list[str]:
    """Every problem that would make the deposit invalid or wrong; [] when it can be built."""
    problems = []
    if not clean(settings.depositor_name):
        problems.append("depositor_name is not set in the journal settings")
    if not _EMAIL_RE.match(clean(settings.depositor_email)):
        problems.append(f"depositor_email {settings.depositor_email!r} is not an e-mail address")
    if not clean(settings.registrant or settings.publisher or issue.journal.publisher):
        problems.append("registrant (or publisher) is not set in the journal settings")
    if not clean(issue.journal.title.zh or issue.journal.title.en or settings.title_zh or settings.title_en):
        problems.append("the journal has no title")
    for issn in (issue.journal.issn or settings.issn, settings.eissn):
        if issn and (why := issn_problem(issn)):
            problems.append(why)
    if not issue.year:
        problems.append("the issue has no year")
    if not settings.url_pattern:
        problems.append("url_pattern is not set in the journal settings (needed for doi_data/resource)")
    elif not re.match(r"^(https?|ftp)://", settings.url_pattern, re.I):
        problems.append(f"url_pattern {settings.url_pattern!r} does not start with http(s)://")
    if settings.license_url and not re.fullmatch(r"(https?|ftp)://\S{3,}", clean(settings.license_url), re.I):
        problems.append(f"license_url {settings.license_url!r} is not an http(s):// URL")
    prefix = clean(settings.doi_prefix).rstrip("/")
    if prefix and not re.fullmatch(r"10\.\d{4,9}", prefix):
        problems.append(f"doi_prefix {settings.doi_prefix!r} is not of the form 10.NNNN")
    articles, _ = deposit_articles(issue)
    seen: dict[str, str] = {}
    for article in articles:
        doi = clean(article.doi)
        where = f"article {article.id}"
        if not _DOI_RE.match(doi):
            problems.append(f"{where}: DOI {doi!r} has no prefix (expected 10.NNNN/suffix"
                            + (f", e.g. {prefix}/{doi})" if prefix else ")"))
        elif prefix and not doi.startswith(prefix + "/"):
            problems.append(f"{where}: DOI {doi} does not start with the journal's prefix {prefix}/")
        if doi in seen:
            problems.append(f"{where}: DOI {doi} is also used by article {seen[doi]}")
        seen.setdefault(doi, article.id)
        if not pick(article.title, "zh") and not pick(article.title, "en"):
            problems.append(f"{where}: empty title")
        if settings.url_pattern:
            try:
                url = resource_url(settings, issue, article)
            except BadConfig as exc:
                problems.append(exc.problem)
            else:
                if " " in url:
                    problems.append(f"{where}: resource URL {url!r} contains a space")
    return problems


def text_warnings(issue: Issue) -> list[str]:
    """A warning for each text field that holds characters XML cannot carry (they are dropped)."""
    out = []
    for article in issue.articles:
        fields = {
            "title.zh": article.title.zh, "title.en": article.title.en,
            "abstract.zh": article.abstract.zh, "abstract.en": article.abstract.en,
            **{f"citation {c.n}": c.text for c in article.citations},
            **{f"contributor {i + 1}": p.name.zh + p.name.en + p.affiliation + p.bio
               for i, p in enumerate(article.contributors)},
        }
        for name, value in fields.items():
            if has_bad_chars(value):
                out.append(f"article {article.id}: control characters removed from {name}")
    return out


# -------------------------------------------------------------------------- builders


def build_deposit(
    issue: Issue,
    settings: JournalSettings,
    *,
    timestamp: int,
    batch_id: str | None = None,
) -> Deposit:
    """The doi_batch for `issue`. Raises SchemaInvalid listing all problems found."""
    problems = check_deposit(issue, settings)
    articles, warnings = deposit_articles(issue)
    if not articles:
        problems.append("no article has a DOI: nothing to deposit")
    if problems:
        raise SchemaInvalid(f"crossref deposit for {issue.issue_id}", "\n  " + "\n  ".join(problems))
    batch_id = (batch_id or f"{issue.issue_id}-{timestamp}")[:100]
    root = etree.Element(q("doi_batch"), nsmap=NSMAP)
    root.set("version", VERSION)
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATION)
    add_head(root, settings, issue, batch_id, timestamp)
    body = sub(root, "body")
    journal = sub(body, "journal")
    add_journal_metadata(journal, issue, settings)
    add_journal_issue(journal, issue)
    for article in articles:
        add_journal_article(journal, issue, article, settings)
    deposit = Deposit(etree.ElementTree(root), timestamp, batch_id,
                      [a.id for a in articles], warnings + text_warnings(issue))
    return deposit  # the caller reports deposit.warnings (write_xml logs them once)


def add_head(root: etree._Element, settings: JournalSettings, issue: Issue, batch_id: str, timestamp: int) -> None:
    head = sub(root, "head")
    sub(head, "doi_batch_id", batch_id)
    sub(head, "timestamp", str(timestamp))
    depositor = sub(head, "depositor")
    sub(depositor, "depositor_name", clean(settings.depositor_name))
    sub(depositor, "email_address", clean(settings.depositor_email))
    sub(head, "registrant", clean(settings.registrant or settings.publisher or issue.journal.publisher))


def add_journal_metadata(journal: etree._Element, issue: Issue, settings: JournalSettings) -> None:
    lang = "en" if settings.language.startswith("en") else "zh"
    meta = sub(journal, "journal_metadata", language=lang)
    titles = {"zh": clean(issue.journal.title.zh or settings.title_zh),
              "en": clean(issue.journal.title.en or settings.title_en)}
    for code in (lang, other_lang(lang)):
        if titles[code]:
            sub(meta, "full_title", titles[code])
    abbrev = clean(issue.journal.abbrev or settings.abbrev)
    if abbrev:
        sub(meta, "abbrev_title", abbrev)
    issn = clean(issue.journal.issn or settings.issn)
    if issn:
        sub(meta, "issn", norm_issn(issn), media_type="print")
    if clean(settings.eissn):
        sub(meta, "issn", norm_issn(settings.eissn), media_type="electronic")


def add_publication_date(parent: etree._Element, issue: Issue) -> None:
    date = sub(parent, "publication_date", media_type="print")
    sub(date, "year", str(issue.year))


def add_journal_issue(journal: etree._Element, issue: Issue) -> None:
    element = sub(journal, "journal_issue")
    add_publication_date(element, issue)
    if clean(issue.volume):
        vol = sub(element, "journal_volume")
        sub(vol, "volume", clean(issue.volume))
    if clean(issue.issue):
        sub(element, "issue", clean(issue.issue))


def add_journal_article(journal: etree._Element, issue: Issue, article: Article, settings: JournalSettings) -> None:
    lang = article_language(article)
    element = sub(journal, "journal_article", publication_type="full_text", language=lang)
    add_titles(element, article, lang)
    add_contributors(element, article, lang)
    add_abstracts(element, article, lang)
    add_publication_date(element, issue)
    add_pages(element, article)
    add_article_number(element, article)
    add_funding(element, article)
    add_license(element, settings)
    add_doi_data(element, issue, article, settings)
    add_citation_list(element, article)


def add_titles(element: etree._Element, article: Article, lang: str) -> None:
    """One <titles> per language, the article's language first (Crossref's advice)."""
    for code in (lang, other_lang(lang)):
        title = pick(article.title, code)
        if title:
            titles = sub(element, "titles")
            sub(titles, "title", title)


def add_contributors(element: etree._Element, article: Article, lang: str) -> None:
    people = [p for p in article.contributors if name_forms(p, lang)]
    if not people:
        return
    group = sub(element, "contributors")
    for i, person in enumerate(people):
        add_person_name(group, person, lang, first=(i == 0))


def add_person_name(group: etree._Element, person: Contributor, lang: str, *, first: bool) -> None:
    forms = name_forms(person, lang)
    main, alts = forms[0], forms[1:]
    person_el = sub(group, "person_name", sequence="first" if first else "additional",
                    contributor_role="author")
    person_el.set("name-style", main.style)
    person_el.set("language", main.lang.split("-")[0])
    if main.given:
        sub(person_el, "given_name", main.given)
    sub(person_el, "surname", main.surname)
    add_affiliations(person_el, person)
    orcid = clean(person.orcid)
    if orcid and not orcid.startswith("http"):
        orcid = f"https://orcid.org/{orcid}"
    if orcid and _ORCID_RE.match(orcid):
        sub(person_el, "ORCID", orcid)
    for alt in alts:
        alt_el = sub(person_el, "alt-name")
        name = sub(alt_el, "name")
        name.set("name-style", alt.style)
        sub(name, "surname", alt.surname)
        if alt.given:
            sub(name, "given_name", alt.given)


def add_affiliations(person_el: etree._Element, person: Contributor) -> None:
    texts = split_affiliations(person.affiliation)
    if not texts:
        return
    affs = sub(person_el, "affiliations")
    for text in texts:
        inst, city, _postal = split_affiliation(text)
        institution = sub(affs, "institution")
        sub(institution, "institution_name", inst[:1024])
        if len(city) >= 2:
            sub(institution, "institution_place", city)


def add_abstracts(element: etree._Element, article: Article, lang: str) -> None:
    for code in (lang, other_lang(lang)):
        text = pick(article.abstract, code)
        if not text:
            continue
        abstract = etree.SubElement(element, jq("abstract"))
        abstract.set(XML_LANG, code)
        for para in [p.strip() for p in text.split("\n") if p.strip()]:
            etree.SubElement(abstract, jq("p")).text = para


def add_pages(element: etree._Element, article: Article) -> None:
    fpage, lpage = clean(article.fpage), clean(article.lpage)
    if not fpage:
        return
    pages = sub(element, "pages")
    sub(pages, "first_page", fpage)
    if lpage:
        sub(pages, "last_page", lpage)


def add_article_number(element: etree._Element, article: Article) -> None:
    """The number a continuous-publication journal cites the article by, where the record
    has one: Crossref's `publisher_item/item_number` of type article_number (after pages,
    before the fundref program, in crossref5.3.1.xsd's order)."""
    number = clean(article.elocation)
    if number:
        item = sub(element, "publisher_item")
        sub(item, "item_number", number[:32], item_number_type="article_number")


def add_funding(element: etree._Element, article: Article) -> None:
    """Crossref funding data: one `fundgroup` per funder named in the note, with its
    `funder_name` and each `award_number` (fundref.xsd; a fundgroup is required when there
    are several award numbers, so every funder gets one). No funder, no program."""
    awards = parse_funding(article.funding)
    if not awards:
        return
    program = etree.SubElement(element, f"{{{FUNDREF}}}program")
    program.set("name", "fundref")
    for award in awards:
        group = _assertion(program, "fundgroup")
        _assertion(group, "funder_name", award.funder)
        for number in award.numbers:
            _assertion(group, "award_number", number)


def _assertion(parent: etree._Element, name: str, text: str = "") -> etree._Element:
    el = etree.SubElement(parent, f"{{{FUNDREF}}}assertion")
    el.set("name", name)
    if text:
        el.text = text
    return el


def add_license(element: etree._Element, settings: JournalSettings) -> None:
    """The journal's licence as an AccessIndicators `license_ref` for the version of record."""
    url = clean(settings.license_url)
    if not url:
        return
    program = etree.SubElement(element, f"{{{ACCESS}}}program")
    program.set("name", "AccessIndicators")
    ref = etree.SubElement(program, f"{{{ACCESS}}}license_ref")
    ref.set("applies_to", "vor")
    ref.text = url


def add_doi_data(element: etree._Element, issue: Issue, article: Article, settings: JournalSettings) -> None:
    data = sub(element, "doi_data")
    sub(data, "doi", clean(article.doi))
    sub(data, "resource", resource_url(settings, issue, article))


def add_citation_list(element: etree._Element, article: Article) -> None:
    """The references: notes that cite something (`jats.cites_something`); an explanatory
    footnote is not a reference and would only be a failed match at Crossref."""
    citations = [c for c in article.citations if clean(c.text) and cites_something(c.text)]
    if not citations:
        return
    cl = sub(element, "citation_list")
    for citation in citations:
        add_citation(cl, citation)


def add_citation(cl: etree._Element, citation: Citation) -> None:
    el = sub(cl, "citation", key=f"ref{citation.n}")
    text = clean(citation.text)
    dois = [d for _, _, d in find_dois(text) if _DOI_RE.match(d)]
    if dois:
        sub(el, "doi", dois[0])
    sub(el, "unstructured_citation", text)
