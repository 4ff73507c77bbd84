"""The record does not depend on how a page is drawn, only on what it shows: fixtures
rewritten by bench/perturb.py's transforms (one show per glyph; text objects drawn in
another order) give the same record field for field."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import perturb  # noqa: E402

from parsers.extract import extract_issue  # noqa: E402

FIX = Path(__file__).parent
CASES = [("per-glyph", FIX / "fixtures" / "issue_seed_gb1" / "issue.pdf"),   # Identity-H CJK, Type1 Latin
         ("per-glyph", FIX / "coversheets" / "plain.pdf"),                  # Type1 only
         ("reorder", FIX / "coversheets" / "plain.pdf")]                    # one text object per line


def _shown(pdf: Path) -> list[list[str]]:
    """Per page, what each show operator (Tj / TJ) draws, in drawing order."""
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    reader = PdfReader(str(pdf))
    return [[repr(operands) for operands, op in ContentStream(p.get_contents(), reader).operations if op in (b"Tj", b"TJ")]
            for p in reader.pages]


@pytest.mark.parametrize("transform,sample", CASES, ids=lambda v: v if isinstance(v, str) else v.parent.name)
def test_the_same_page_drawn_another_way_reads_the_same(transform: str, sample: Path, tmp_path: Path) -> None:
    dest = tmp_path / f"{transform}.pdf"
    perturb.rewrite(sample, dest, transform)
    before, after = _shown(sample), _shown(dest)
    if transform == "reorder":  # the same shows, in another order
        assert [sorted(p) for p in after] == [sorted(p) for p in before] and after != before
    else:  # more shows, fewer glyphs each
        assert sum(map(len, after)) > sum(map(len, before))
    original = extract_issue(sample, workers=1).to_dict()
    assert perturb.differences(original, extract_issue(dest, workers=1).to_dict()) == []


def test_per_glyph_splits_every_string() -> None:
    """Two-byte codes (Identity-H) split two bytes at a time; a font whose code length is
    not known (another CMap) is left as it is."""
    from pypdf.generic import ByteStringObject, DictionaryObject, NameObject

    def font(encoding: str) -> DictionaryObject:
        return DictionaryObject({NameObject("/Subtype"): NameObject("/Type0"), NameObject("/Encoding"): NameObject(encoding)})

    fonts = {"/F1": font("/Identity-H"), "/F2": font("/GBK-EUC-H")}
    ops = [(["/F1", 12], b"Tf"), ([ByteStringObject(b"\x00\x01\x00\x02\x00\x03")], b"Tj"),
           (["/F2", 12], b"Tf"), ([ByteStringObject(b"\xb0\xa1A")], b"Tj")]
    out = perturb.per_glyph(ops, fonts, None)
    assert [bytes(a[0]) for a, o in out if o == b"Tj"] == [b"\x00\x01", b"\x00\x02", b"\x00\x03", b"\xb0\xa1A"]


def test_a_text_object_drawn_again_starts_from_the_state_it_first_began_with() -> None:
    """A copy (overprint) or a moved object (reorder) must start from the text state its
    first drawing began with (PDF 32000-1 §9.3): the defaults where the page had set none
    (not what the first drawing set inside itself), TD's leading, and no state set inside a
    q … Q that Q has undone."""
    from pypdf.generic import FloatObject, NumberObject

    ops = [([FloatObject(0), FloatObject(-1.2)], b"TD"),     # sets the leading to 1.2
           ([], b"q"), ([NumberObject(3)], b"Tw"), ([], b"Q"),  # undone by Q
           ([], b"BT"), ([NumberObject(1)], b"Tc"), ([], b"T*"), ([], b"ET")]
    obj = next(item[1] for item in perturb._text_objects(ops) if item[0] is None)
    state = {op: [float(v) for v in operands] for operands, op in obj[1:] if op in perturb._TEXT_STATE}
    assert state[b"TL"] == [1.2]
    assert state[b"Tw"] == [0.0]   # (the 3 set inside q … Q is gone)
    assert state[b"Tc"] == [1.0]   # (the object's own Tc, after the carried default 0)
    assert [op for _, op in obj][:2] == [b"BT", b"Tc"] and obj[1][0] == [0]
