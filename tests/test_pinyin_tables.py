"""pypinyin with only the phrases read otherwise than their characters (parsers.pinyin_tables):
names romanise as with the whole table, and the cache is built, re-used and rebuilt."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from parsers import pinyin_tables
from parsers.pinyin_tables import Style, lazy_pinyin, load_or_build, read_otherwise

FOUND = pinyin_tables._tables()


def test_this_process_loaded_the_short_table() -> None:
    from pypinyin.constants import PHRASES_DICT

    assert FOUND is not None
    assert 1000 < len(PHRASES_DICT) < 20000  # (the whole table holds some 47,000)
    assert lazy_pinyin("重庆") == ["chong", "qing"]  # a phrase read otherwise: kept


def test_two_character_strings_read_as_with_the_whole_table() -> None:
    """Every third two-character phrase of pypinyin's table, and each with its characters
    swapped, romanised here and in a process that imported the whole table (all of them
    agree too: 8 s, measured when the module was written)."""
    table = json.loads(FOUND[0].read_text(encoding="utf-8"))
    words = [w for w in table if len(w) == 2][::3]
    words += [w[::-1] for w in words]
    script = ("import json, sys, pypinyin\n"
              "from pypinyin import lazy_pinyin, pinyin, Style\n"
              "words = json.load(sys.stdin)\n"
              "assert len(pypinyin.constants.PHRASES_DICT) > 40000\n"
              "print(json.dumps([[lazy_pinyin(w, style=Style.NORMAL), pinyin(w[:1], style=Style.NORMAL, heteronym=True)]"
              " for w in words]))\n")
    whole = json.loads(subprocess.run([sys.executable, "-c", script], input=json.dumps(words), capture_output=True,
                                      text=True, check=True).stdout)
    from parsers.pinyin_tables import pinyin
    here = [[lazy_pinyin(w, style=Style.NORMAL), pinyin(w[:1], style=Style.NORMAL, heteronym=True)] for w in words]
    differ = [w for w, a, b in zip(words, whole, here) if a != b]
    assert len(words) > 12000 and differ == []


def test_phrases_read_as_their_characters_are_left_out() -> None:
    chars = {str(ord("银")): "yín", str(ord("行")): "xíng,háng", str(ord("走")): "zǒu"}
    phrases = {"银行": [["yín"], ["háng"]], "行走": [["xíng"], ["zǒu"]]}
    assert read_otherwise(phrases, chars) == {"银行": [["yín"], ["háng"]]}


def test_the_cache_is_built_then_reused_and_rebuilt_when_damaged(tmp_path: Path) -> None:
    phrases, chars = tmp_path / "phrases_dict.json", tmp_path / "pinyin_dict.json"
    phrases.write_text(json.dumps({"银行": [["yín"], ["háng"]], "行走": [["xíng"], ["zǒu"]]}), encoding="utf-8")
    chars.write_text(json.dumps({str(ord("银")): "yín", str(ord("行")): "xíng,háng", str(ord("走")): "zǒu"}),
                     encoding="utf-8")
    cache = pinyin_tables.cache_file(phrases, chars, tmp_path / "cache")
    assert load_or_build(phrases, chars, cache) == {"银行": [["yín"], ["háng"]]}
    assert json.loads(cache.read_text(encoding="utf-8")) == {"银行": [["yín"], ["háng"]]}
    assert list(cache.parent.iterdir()) == [cache]  # (no temporary file left behind)
    cache.write_text(json.dumps({"行长": [["háng"], ["zhǎng"]]}), encoding="utf-8")
    assert load_or_build(phrases, chars, cache) == {"行长": [["háng"], ["zhǎng"]]}  # read, not rebuilt
    cache.write_text("{truncated", encoding="utf-8")
    assert load_or_build(phrases, chars, cache) == {"银行": [["yín"], ["háng"]]}
    # another pypinyin (its tables changed) has another cache file
    phrases.write_text(json.dumps({"银行": [["yín"], ["háng"]]}), encoding="utf-8")
    assert pinyin_tables.cache_file(phrases, chars, tmp_path / "cache") != cache


def test_no_cache_where_none_can_be_written(tmp_path: Path) -> None:
    phrases, chars = tmp_path / "p.json", tmp_path / "c.json"
    phrases.write_text("{}", encoding="utf-8")
    chars.write_text("{}", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert load_or_build(phrases, chars, blocker / "sub" / "phrases.json") is None
