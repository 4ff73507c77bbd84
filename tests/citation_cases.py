"""A generated test set of cited URLs: synthetic notes in the printing conventions a
journal uses (GB/T 7714-2015 [EB/OL] references, CNKI / CAJ-CD footnotes with 访问日期
and its variants, English "accessed" notes), each set as a text layer would give it:
on one line, broken over two lines at every place inside its URL (plainly, after a real
hyphen of the slug, with Founder's 鄄 or a soft hyphen), and letter-spaced
("https: / / www. csis. org /").

`cases()` yields (name, printed lines, urls, access date); `score()` runs them through
`split_notes` + `parse_citation` and counts the URL/date pairs that come out exactly.
Run as a script for the count (``python tests/citation_cases.py``).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

# (marker + note text with the URL written as {u}, url, access date or "")
BASES: list[tuple[str, str, str]] = [
    ("[1] 国务院. 关于促进平台经济规范健康发展的指导意见[EB/OL]. (2020-07-20)[2021-09-01]. {u}.",
     "http://www.gov.cn/zhengce/content/2020-07/20/content_5528.htm", "2021-09-01"),
    ("[2] 跨儿心理咨询手册[EB/OL]. (2022-05-30). {u}.",
     "https://docs.example.org.cn/kexl-counseling", ""),
    ("[3] OECD. Handbook on Constructing Composite Indicators[EB/OL]. [2022-03-05]. {u}.",
     "https://dx.doi.org/10.1787/533411815016", "2022-03-05"),
    ("① 《加拿大统计》，{u}，访问日期：2023年9月2日。",
     "https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid=1410006401", "2023-09-02"),
    ("① 《苏尔寿收购》，{u}，访问时间：2023年7月21日。",
     "https://www.example.ca/en/news/suncor-petro-canada-announce", "2023-07-21"),
    ("② 《报告》，{u}，引用日期：2023-3-1。", "https://www.example.cn/xinwen/2021-01/01/content_1.htm", "2023-03-01"),
    ("③ 见{u}，登录时间：2019年12月30日。", "http://www.example.net/shownews.asp?newsid=1069", "2019-12-30"),
    ("④ 见{u}，下载时间2004年7月17日。", "http://news.example.com/2004/03/17/51/news219465184.shtml", "2004-07-17"),
    ("⑤ 《对话》，{u}，最后访问日期：2022年8月9日。", "https://dialogue.example.earth/zh/1/37184/", "2022-08-09"),
    ("⑥ 《年度报告》，{u}，浏览日期：2023/03/01。", "https://www.example.org/wp-content/uploads/2020/01/PEIO13_paper_66.pdf", "2023-03-01"),
    ("➀ “Energy Outlook,” IEA, 2023, {u} [2024-06-08].", "https://www.iea.org/reports/world-energy-outlook-2023", "2024-06-08"),
    ("❶ CSIS, “China-Venezuela Ties,” {u}, [2024 - 06 - 08].", "https://www.csis.org/analysis/china-venezuela-ties", "2024-06-08"),
    ("1) Report, {u} (last visited Mar. 1, 2023).", "https://www.example.org/reports/annual-report-2022.pdf", "2023-03-01"),
    ("¹ Report, {u}, accessed 1 March 2023.", "https://www.example.org/energy-economics/data-and-analysis", "2023-03-01"),
    ("[5] Council of Europe. Intercultural Dialogue[EB/OL]. [2018-03-18]. {u}.", "http://www.coe.int/dialogue", "2018-03-18"),
    ("① Henning, “Hierarchy,” Working Paper, {u}.", "https://www.peio.me/wp-content/uploads/2020/01/PEIO13_paper_66.pdf", ""),
    ("[7] 王明. 数字政府建设报告［EB/OL］.（2021－03－02）［2022－01－15］. {u}.",
     "https://www.example.cn/zwgk/2021-03/02/report_2021.pdf", "2022-01-15"),
    ("⑦ 《统计公报》，{u}，检索日期：2023.3.1。", "http://www.stats.example.cn/tjsj/zxfb/202302/t20230228_1919011.html", "2023-03-01"),
    ("⑧ 《白皮书》，{u}，查阅日期：2023年3月1日。", "https://www.example.gov.cn/zhengce/2023-03/01/content_5744.htm", "2023-03-01"),
    ("⑨ 《条例》，{u}，2023年3月1日访问。", "http://www.npc.example.cn/npc/c30834/202303/t20230301_426.shtml", "2023-03-01"),
    ("2) Smith, J. Report. Retrieved March 1, 2023, from {u}", "https://www.example.org/publications/report_2022-final", "2023-03-01"),
    ("⑩ 《新闻》，{u}，访问日期：2023年3月1日。", "www.example.com.cn/news/2023-03/01/content_8821.htm", "2023-03-01"),
    ("[9] Bank. Data[DB/OL]. (2020-07-20)[2021-09-01]. {u}.", "https://data.example.org/indicator/NY.GDP.MKTP.CD?locations=CN", "2021-09-01"),
]


def _spaced(url: str) -> str:
    """The URL as a CAJ/Founder text layer letter-spaces it: "https: / / www. csis. org/ a"."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        scheme, rest = "", url
    spaced = re.sub(r"([/._])", r"\1 ", rest).strip()
    return f"{scheme}: / / {spaced}" if scheme else spaced


def _breaks(url: str) -> Iterator[tuple[str, str, str]]:
    """(kind, head, tail) for each place a line may break inside `url` (after the host)."""
    start = url.index("//") + 2 if "//" in url else 4
    for k in range(start + 1, len(url) - 1):
        head, tail = url[:k], url[k:]
        if head.endswith("-"):
            yield "hyphen", head, tail  # a real hyphen of the slug ends the line
            continue
        yield "plain", head, tail
        if head[-1].isalnum() and tail[0].isalnum():
            yield "founder", head + "\u9104", tail  # 鄄: the hyphen Founder adds at the break
            yield "soft", head + "\u00ad", tail
            yield "bullet", head + "\u2043", tail  # ⁃: a break hyphen in some exports


def cases() -> Iterator[tuple[str, list[str], list[str], str]]:
    for i, (note, url, accessed) in enumerate(BASES):
        yield f"{i}-line", [note.format(u=url)], [url], accessed
        yield f"{i}-spaced", [note.format(u=_spaced(url))], [url], accessed
        before, after = note.split("{u}")
        for kind, head, tail in _breaks(url):
            yield f"{i}-{kind}-{len(head)}", [before + head, tail + after], [url], accessed


def score() -> tuple[int, int, list[str]]:
    """(exact, all, names of the misses) over `cases()`."""
    from parsers.citations import marker_number, parse_citation, split_notes

    ok = n = 0
    misses = []
    for name, lines, urls, accessed in cases():
        notes = split_notes(lines)
        got = [parse_citation(marker_number(m) or 1, t) for m, t in notes]
        pairs = [(u, c.accessed or "") for c in got for u in c.urls]
        n += 1
        if pairs == [(u, accessed) for u in urls]:
            ok += 1
        else:
            misses.append(f"{name}: {lines!r} -> {pairs!r}")
    return ok, n, misses


if __name__ == "__main__":
    import sys

    ok, n, misses = score()
    if "-v" in sys.argv:
        print("\n".join(misses))
    print(f"generated citation cases: {ok}/{n} exact ({100 * ok / n:.1f}%)")
