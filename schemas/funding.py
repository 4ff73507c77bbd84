"""A printed funding note (基金项目) as funders and award numbers, for Crossref and JATS.

The record keeps the note as printed (`Article.funding`); a deposit needs it structured:
Crossref's funding data (`fr:program`: a `fundgroup` per funder, each with `funder_name`
and `award_number` assertions, see fundref.xsd and crossref.org/documentation/
funder-registry/funding-data-deposits) and JATS `funding-group/award-group` with
`funding-source` and `award-id`. Chinese notes follow one shape, CAJ-CD B/T 1-2006 and the
journals' own instructions: items separated by ；/; (or 、/和 between items that each end in
their number), each `<fund><programme type>项目“<project title>”（<number>）`, e.g.
`国家社会科学基金一般项目“乌克兰危机下日本安全战略”（23BGJ041）`. English notes read
`Supported by the National Natural Science Foundation of China (No. 12345)`.

The funder is the fund or agency named before the programme type (一般项目, 青年项目, 重大
项目, 资助项目…) and the project title; numbers are the ASCII codes in the brackets. An item
with no recognisable funder is kept only in the statement (`funding-statement`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from schemas.jats import clean


@dataclass
class Award:
    funder: str
    numbers: list[str] = field(default_factory=list)
    title: str = ""  # the project's title, as printed between quotes


# framing around the note: "本文系…的阶段性成果", "This work was supported by …"
_LEAD = re.compile(r"^(?:基金项目[：:]\s*|本(?:文|研究|论文|成果)(?:系|为|是|受到?)\s*|受\s*|"
                   r"(?:this\s+(?:work|study|research|paper)\s+(?:was|is)\s+)?(?:financially\s+)?"
                   r"(?:supported|funded|sponsored)\s+by\s+(?:the\s+)?|(?:foundation|funding)\s+items?[：:]\s*)",
                   re.I)
_TRAIL = re.compile(r"(?:的)?(?:(?:阶段性|部分|中期|最终)?(?:研究)?成果|资助|支持)?[。.；;\s]*$")
# the number brackets: （23BGJ041）, (No. 12345), (批准号：71874001), [Grant No. 2020YFA0001]
_NUMBERS = re.compile(r"[（(\[【]\s*((?:(?:批准号|编号|项目编号|项目号|合同号|grant\s+nos?\.?|nos?\.|grant)\s*[：:]?\s*)?"
                      r"[A-Za-z0-9][A-Za-z0-9&\-/.]*(?:\s*[,，、;；]\s*[A-Za-z0-9][A-Za-z0-9&\-/.]*)*)\s*[）)\]】]", re.I)
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9&\-/.]*[A-Za-z0-9]|\d")
_TITLE = re.compile(r"[“\"「『《]([^”\"」』》]{2,})[”\"」』》]")
# programme types printed after the fund's name
_PROGRAMME = re.compile(r"(?:(?:重大|重点|一般|青年|面上|西部|后期资助|特别委托|年度|专项|联合基金|"
                        r"青年基金|规划基金|自筹经费|培育|委托|招标|资助)+)?(?:资助)?(?:项目|课题|计划)$")


def split_items(note: str) -> list[str]:
    """The note's items: ；/; always separate; 、, ，, 和 and 及 only after a closing bracket
    (an item ends with its number), so a title holding 、 stays whole."""
    text = clean(note)
    parts = [p.strip() for p in re.split(r"[；;]", text) if p.strip()]
    out = []
    for part in parts:
        out += [p.strip() for p in re.split(r"(?<=[）)\]】])\s*(?:[、，,]|和|及|与|and)\s*", part) if p.strip()]
    return out


def _funder(head: str) -> str:
    """'国家社会科学基金一般项目' -> '国家社会科学基金'; an English agency name as printed."""
    head = _LEAD.sub("", head.strip(" ，,：:")).strip(" ，,：:")
    if re.search(r"[\u4e00-\u9fff]", head):
        # the whole programme type, else only 项目: whichever leaves a fund or an agency;
        # neither: keep the words as printed (中国电科院科技人才专项项目)
        for stripped in (_PROGRAMME.sub("", head), re.sub(r"(?:资助)?(?:项目|课题|计划)$", "", head)):
            if re.search(r"(基金|基金会|委员会|科学院|部|厅|局|办公室|中心|学会|大学|学院)$", stripped):
                head = stripped
                break
    else:
        head = re.sub(r"\s+(?:project|program(?:me)?|grant)s?$", "", head, flags=re.I)
        head = re.sub(r"^(?:the\s+)", "", head, flags=re.I)
    return head.strip(" ，,：:")


def parse_funding(note: str) -> list[Award]:
    """The funders and award numbers of a printed funding note, in printed order; items
    that name no funder are left out (they stay in the statement)."""
    awards: list[Award] = []
    for item in split_items(note):
        item = _TRAIL.sub("", _LEAD.sub("", item))
        numbers: list[str] = []
        m = None
        for m in _NUMBERS.finditer(item):
            inner = re.sub(r"^(?:批准号|编号|项目编号|项目号|合同号|grant\s+nos?\.?|nos?\.|grant)\s*[：:]?\s*", "",
                           m.group(1), flags=re.I)
            numbers += [c for c in _CODE.findall(inner) if re.search(r"\d", c)]
        title = ""
        head = item[: m.start()] if m and numbers else item
        t = _TITLE.search(head)
        if t:
            title, head = t.group(1).strip(), head[: t.start()]
        funder = _funder(head)
        if len(funder) < 2 or not re.search(r"[A-Za-z\u4e00-\u9fff]", funder):
            continue
        awards.append(Award(funder, list(dict.fromkeys(numbers)), title))
    return awards
