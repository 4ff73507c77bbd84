"""The limits' settings and the text layer's worst cases, in process (fast; the CLI runs
of the same files are in test_hostile.py)."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from parsers.errors import BadConfig, CorruptPdf, LimitExceeded, quote_path
from parsers.limits import Limits
from parsers.textlayer import read_document

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests import make_hostile as mh  # noqa: E402

HOSTILE = Path(__file__).parent / "hostile"


def test_limits_from_environment() -> None:
    lim = Limits.from_env({"JOURNAL_INGEST_MAX_PDF_SIZE": "2GB", "JOURNAL_INGEST_MAX_STREAM_SIZE": "600mb",
                           "JOURNAL_INGEST_MAX_PAGE_OPS": "3_000_000", "JOURNAL_INGEST_MAX_DECOMPRESSED": "1024"})
    assert lim.max_input_bytes == 2 * 1024 ** 3
    assert lim.max_stream_bytes == 600 * 1024 ** 2
    assert lim.max_page_ops == 3_000_000
    assert lim.max_document_bytes == 1024
    assert Limits.from_env({}) == Limits()


@pytest.mark.parametrize("var,value", [("JOURNAL_INGEST_MAX_PDF_SIZE", "big"), ("JOURNAL_INGEST_MAX_PDF_SIZE", "-1"),
                                       ("JOURNAL_INGEST_MAX_PAGE_OPS", "5MB"), ("JOURNAL_INGEST_MAX_PAGE_FORMS", "0"),
                                       ("JOURNAL_INGEST_MAX_STREAM_SIZE", "1.5GB")])
def test_a_bad_setting_names_the_variable(var: str, value: str) -> None:
    with pytest.raises(BadConfig) as err:
        Limits.from_env({var: value})
    assert str(err.value).startswith(f"{var}: ")


@pytest.mark.parametrize("name,seconds", [("deep_content.pdf", 10), ("unclosed_tj_digits.pdf", 5),
                                          ("unclosed_tj_numbers.pdf", 10), ("long_name.pdf", 5)])
def test_worst_case_content_is_linear(name: str, seconds: float) -> None:
    """Each of these hung the tokenizer (quadratic bracket matching, a regex trying every
    split of 2,000,000 digits, per-byte rescans); now each reads its page's text."""
    start = time.perf_counter()
    doc = read_document(HOSTILE / name, workers=1)
    assert time.perf_counter() - start < seconds
    assert "A Study of Hostile Input" in doc.pages[0].text


def test_a_line_of_twenty_thousand_glyphs_is_linear(tmp_path: Path) -> None:
    """The side-box split of a line was quadratic in its pieces (58 s for 20,000)."""
    pdf = tmp_path / "glyphs.pdf"
    pdf.write_bytes(mh.one_page(mh.TEXT + b"BT /F1 0.1 Tf 72 600 Td " + b"(x) Tj 0.03 0 Td " * 20_000 + b"ET"))
    start = time.perf_counter()
    doc = read_document(pdf, workers=1)
    assert time.perf_counter() - start < 10
    assert doc.pages[0].text.count("x") > 10_000


@pytest.mark.parametrize("name,limit", [("form_fanout.pdf", "JOURNAL_INGEST_MAX_PAGE_FORMS"),
                                        ("long_string.pdf", "JOURNAL_INGEST_MAX_PAGE_OPS"),
                                        ("bomb_tounicode.pdf", "JOURNAL_INGEST_MAX_STREAM_SIZE"),
                                        ("bomb_many_streams.pdf", "JOURNAL_INGEST_MAX_DECOMPRESSED")])
def test_each_limit_trips_with_its_name(name: str, limit: str) -> None:
    with pytest.raises(LimitExceeded) as err:
        read_document(HOSTILE / name, workers=1)
    assert str(err.value).startswith(f"{HOSTILE / name}: ") and f"({limit} raises it)" in str(err.value)


def test_a_limit_in_a_worker_process_is_the_same_error(tmp_path: Path) -> None:
    """40 pages are read by worker processes; a limit that trips there arrives as the same
    LimitExceeded, not as a 'worker died' CorruptPdf."""
    pdf = tmp_path / "pages.pdf"
    pdf.write_bytes(mh._pages(40))
    with pytest.raises(LimitExceeded, match="per-document limit"):
        read_document(pdf, workers=2, limits=Limits(max_document_ops=200))


def test_a_form_drawing_itself_is_refused() -> None:
    with pytest.raises(CorruptPdf, match="form XObject draws itself"):
        read_document(HOSTILE / "form_cycle.pdf", workers=1)


def test_file_names_are_quoted_only_when_ambiguous() -> None:
    assert quote_path("/srv/in/issue 6.pdf") == "/srv/in/issue 6.pdf"
    assert quote_path("期刊.pdf") == "期刊.pdf"
    assert quote_path("a\nb.pdf") == "'a\\nb.pdf'"
    assert quote_path("caf\udce9.pdf") == "'caf\\xe9.pdf'"
    assert quote_path("it's.pdf") == "'it\\'s.pdf'"
