"""A publisher PDF's own metadata (parsers/pdfmeta.py) as evidence for the fields read from
its page: confirmed, disputed, a DOI filled in, look-alike characters taken from it, and
ignored for an issue of several articles. Cases: tests/make_pdfmeta_cases.py."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from parsers.extract import build_issue
from parsers.pdfmeta import file_metadata, looks_alike, same_words, xmp_properties
from parsers.textlayer import read_document

CASES = Path(__file__).parent / "pdfmeta"
TRUTH = json.loads((CASES / "truth.json").read_text(encoding="utf-8"))
FIXTURES = Path(__file__).parent / "fixtures"


def _issue(case: str):
    return build_issue(read_document(CASES / f"{case}.pdf", workers=1))


def _article(case: str):
    issue = _issue(case)
    assert len(issue.articles) == 1
    return issue.articles[0]


def _flagged(art, key: str) -> bool:
    return any(w.code == "uncertain-field" and w.message.startswith(key + ":") for w in art.warnings)


def test_the_metadatas_characters_where_the_page_prints_them_alike():
    art = _article("alike")
    page = TRUTH["article"]
    # (the page draws a hyphen-minus; the publisher's record says U+2010, the same glyph)
    assert art.title.en == TRUTH["xmp_title"] != page["title"]
    assert art.doi == page["doi"] and art.doi_source == "printed"
    assert list(art.keywords.en) == page["keywords"]
    assert not any(_flagged(art, k) for k in ("title.en", "doi", "keywords.en"))


def test_a_doi_the_page_does_not_print_comes_from_the_metadata_flagged():
    art = _article("undotted")
    assert art.doi == TRUTH["article"]["doi"] and art.doi_source == "metadata"
    assert any(w.code == "doi-from-metadata" for w in art.warnings)
    assert _flagged(art, "doi") and art.confidence["doi"] < 0.8
    assert art.title.en == TRUTH["article"]["title"]  # (same characters: nothing to take)


def test_metadata_that_disagrees_flags_the_field_and_changes_nothing():
    art = _article("disputed")
    page = TRUTH["article"]
    assert art.doi == page["doi"] and list(art.keywords.en) == page["keywords"]
    assert _flagged(art, "doi") and TRUTH["other_doi"] in next(
        w.message for w in art.warnings if w.code == "uncertain-field" and w.message.startswith("doi:"))
    assert _flagged(art, "keywords.en")
    assert art.title.en == page["title"] and not _flagged(art, "title.en")


def test_another_articles_metadata_left_by_a_template_is_ignored():
    art = _article("foreign")
    page = TRUTH["article"]
    assert art.doi == page["doi"] and art.title.en == page["title"] and list(art.keywords.en) == page["keywords"]
    assert not any("metadata" in w.message for w in art.warnings)


def test_an_issues_metadata_is_not_any_one_articles():
    doc = read_document(FIXTURES / "issue_seed_ucs2" / "issue.pdf", workers=1)
    doc.xmp = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
               '<rdf:Description xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/" '
               'prism:doi="10.5555/issue.2023.6"/></rdf:RDF></x:xmpmeta>')
    issue = build_issue(doc)
    assert len(issue.articles) > 1
    assert not any(a.doi == "10.5555/issue.2023.6" or a.doi_source == "metadata" for a in issue.articles)


def test_xmp_properties_in_either_serialisation():
    packet = """<?xpacket begin="" id="x"?><x:xmpmeta xmlns:x="adobe:ns:meta/">
    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
     <rdf:Description xmlns:prism="http://prismstandard.org/namespaces/basic/3.0/" prism:doi="10.1/abc"/>
     <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">
      <dc:title><rdf:Alt><rdf:li xml:lang="de">Titel</rdf:li><rdf:li xml:lang="x-default">Title  here</rdf:li></rdf:Alt></dc:title>
      <dc:subject><rdf:Bag><rdf:li>one</rdf:li><rdf:li>two</rdf:li></rdf:Bag></dc:subject>
     </rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"""
    props = xmp_properties(packet)
    assert props["prism:doi"] == ["10.1/abc"]
    assert props["dc:title"][0] == "Title here"
    assert props["dc:subject"] == ["one", "two"]
    assert xmp_properties("<x:xmpmeta <<< not xml") == {}
    assert xmp_properties("") == {}


@pytest.mark.parametrize("title", ["5482578.dvi", "08_JIE_55-1460363682_OA.indd", "OP-DNAR180013 409..420",
                                   "Microsoft Word - 2022-4 paper final", "untitled", "1-改", "无命题1", "CNKI"])
def test_a_tools_name_in_the_title_slot_is_no_title(title):
    assert file_metadata({"Title": title}).title == ""


def test_the_fields_a_publisher_puts_in_the_information_dictionary():
    meta = file_metadata({"Title": "Herbal genomics as tools for dissecting new metabolic pathways",
                          "Subject": "Biochimie Open, 6 (2018) 9-16. doi:10.1016/j.biopen.2017.12.003",
                          "Keywords": "plant cell factories; plant secondary metabolism; elicitors, jasmonates"})
    assert meta.doi == "10.1016/j.biopen.2017.12.003" and meta.where["doi"] == "/Subject"
    assert meta.title.startswith("Herbal genomics")
    # (a list separated by ';' keeps the commas inside its keywords)
    assert meta.keywords == ("plant cell factories", "plant secondary metabolism", "elicitors, jasmonates")
    assert meta.abstract == ""  # (a citation line in /Subject is no abstract)
    assert file_metadata({"doi": "10.1038/s41598-017-15724-8"}).doi == "10.1038/s41598-017-15724-8"
    assert file_metadata({"Title": "Including people&#x02010;centered wildlife conservation"}).title == \
        "Including people\u2010centered wildlife conservation"


_ALIKE_PAIRS = [("-", "\u2010"), ("-", "\u2013"), ("'", "\u2019"), (" ", "  "), (" ", "\u00a0")]


@given(st.lists(st.sampled_from(["soil", "long", "-", "term", "'", " ", "s", "drift"]), min_size=1, max_size=12),
       st.data())
def test_same_words_ignores_what_prints_alike_and_nothing_else(parts, data):
    text = "".join(parts)
    swapped = text
    for plain, other in _ALIKE_PAIRS:
        if data.draw(st.booleans()):
            swapped = swapped.replace(plain, other)
    assert same_words(text, swapped)
    if looks_alike(text).strip():
        assert not same_words(text, text + "x")


def test_a_start_without_its_own_doi_in_a_one_article_file_is_part_of_it():
    issue = _issue("supplement")
    assert [list(a.pdf_pages) for a in issue.articles] == [[1, 3]]
    assert issue.articles[0].title.en == TRUTH["article"]["title"]
    assert any(w.code == "merged-by-file-doi" for w in issue.warnings)
    # (a page that prints a DOI of its own is another item: the file holds two)
    issue = _issue("supplement_other")
    assert [list(a.pdf_pages) for a in issue.articles] == [[1, 2], [3, 3]]
    assert issue.articles[1].doi == TRUTH["other_doi"]


def test_a_hostile_packet_is_read_as_nothing_quickly():
    import time

    laughs = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
              + "".join(f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(9))
              + ']><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
              '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>&j;</dc:title>'
              '</rdf:Description></rdf:RDF></x:xmpmeta>')
    start = time.perf_counter()
    props = xmp_properties(laughs)
    assert time.perf_counter() - start < 2
    assert all(len(v) < 1000 for vals in props.values() for v in vals)  # (no entity expanded)
    assert xmp_properties("<x>" * 600_000) == {}  # (over the size a packet ever has)
