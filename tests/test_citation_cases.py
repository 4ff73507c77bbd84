"""The generated citation set (tests/citation_cases.py): every synthetic note, on one line,
broken at each place inside its URL (plain, real hyphen, Founder 鄄, soft hyphen) and
letter-spaced, gives its URL and access date exactly."""
from __future__ import annotations

from tests.citation_cases import cases, score

from parsers.citations import join_lines


def test_every_generated_case_gives_its_url_and_date() -> None:
    ok, n, misses = score()
    assert n > 1000
    assert misses == []


def test_the_generator_covers_every_break_kind() -> None:
    kinds = {name.split("-")[1] for name, *_ in cases()}
    assert kinds == {"line", "spaced", "plain", "hyphen", "founder", "soft", "bullet"}


def test_prose_after_a_url_is_not_glued_to_it() -> None:
    assert join_lines("见 https://www.example.org/annual-report", "accessed 1 March 2023") == \
        "见 https://www.example.org/annual-report accessed 1 March 2023"
    assert join_lines("https://www.example.org/cps/en/natohq/topics_50336.htm", "NATO, July 28") == \
        "https://www.example.org/cps/en/natohq/topics_50336.htm NATO, July 28"
    assert join_lines("https://www.example.org/report", "and, in 2020, more") == \
        "https://www.example.org/report and, in 2020, more"
