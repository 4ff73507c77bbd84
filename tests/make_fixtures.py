#!/usr/bin/env python
"""Generate the synthetic journal-issue fixtures and their ground truth.

Run `python tests/make_fixtures.py` (or `make fixtures`); it rewrites, for each case,
`tests/fixtures/<case>/issue.pdf` and `tests/fixtures/<case>/expected.json`, plus
`tests/fixtures/journal.toml`. Output is byte-for-byte deterministic (reportlab
`invariant=1`, fixed /ID, no timestamps), so regenerating must give no git diff.
`python tests/make_fixtures.py --out DIR` writes the same tree under DIR instead.

The truth (`expected.json`, the `Issue.to_dict()` shape of schemas/model.py) is built
from the generator's own input data below, never from reading the PDFs back.

Cases
-----
issue_seed_ucs2   cover, 目录, 卷首语 (editorial), blank page, 3 research articles, a book
                  review, an advert page (征稿启事), issue-end English abstracts. Chinese in
                  reportlab's built-in CID font STSong-Light (/Encoding /UniGB-UCS2-H, not
                  embedded, no ToUnicode: pypdf decodes it through its UCS2 cmap), Latin in
                  Times. Outline bookmark per article and page labels (i, ii, 41, 42, ...).
issue_seed_gb1    the same pages and truth, but the Chinese font is rewritten to a Type0
                  font with /Encoding /Identity-H, CIDSystemInfo (Adobe, GB1, 5), no
                  ToUnicode, and every string re-encoded as Adobe-GB1 CIDs (what xelatex
                  with a non-embedded GB1 font looks like). No outline, no page labels:
                  splitting must use the 目录 page and the layout. This is `make demo`.
issue_cnki_ttf    CNKI-style layout (one `文章编号：… 中图分类号：… 文献标志码：… DOI：…` line,
                  摘　要, numbered affiliations with superscript digits, English block right
                  after the Chinese one, unmarked first-page footnote block with 收稿日期 /
                  基金项目 / 作者简介, 参考文献 list [1] [2] …). Chinese font: an embedded
                  TrueType subset (AR PL UMing CN) as CIDFontType2, Identity-H, codes = glyph
                  ids of the subset, NO ToUnicode (text only recoverable via the font's cmap).
issue_cnki_continuous
                  the CNKI layout and font of issue_cnki_ttf, but articles run on: each one after
                  the first starts MID-PAGE, two body lines below the end of the previous one
                  (common in 学报). 目录 page, then 3 articles (C02, the Tumen River article C03,
                  C01) on printed pages 16-21: a02 starts in the top half of p.17, a03 (with its
                  five-line footnote block) in the lower half of p.19; pages 17 and 19 are shared
                  by two articles. Each article's unmarked footnote block sits at the foot of the
                  page where it starts; a shared page's running head is that of the article at
                  its top (p.17 `陈静静：…`, p.19 `刘振华：…`), never the new article's. a03's
                  English block begins on the next page. a02's reference [4] is in the compact
                  GB/T 7714 form `…[EB/OL].(2021-10-24)[2023-03-01].https://…` (no spaces).
                  No cover, no English section.
single_article    the seed article alone (its 12-ish pages), seed layout, UCS2 font, no cover,
                  no 目录, no English section.
single_article_turned
                  single_article's pages and truth, turned: pages 1, 5, 9 drawn turned by 90
                  degrees, 2 and 6 by 180, 3 and 7 by 270, each with the /Rotate that shows it
                  upright; page 4 turned by /Rotate alone (shown sideways, upright as drawn).
single_article_layers
                  single_article's pages and truth, with a typesetter's proof note on every page
                  in a layer (optional content group) the document shows OFF: drawn directly,
                  through a membership dictionary and in a form XObject of that layer; plus a
                  layer shown ON. Nothing of the hidden layer is the article's.
issue_printer_marks
                  issue_seed_gb1's pages and truth as a typesetter sends them to print: each page
                  set on a sheet 72 pt larger all round (MediaBox = CropBox; a press sheet's
                  margins are the press's: a 16开 page on an A4 sheet has about 52 pt above and
                  below, so the running head lies outside the sheet's top 8.5%) with crop marks and
                  the layout program's slug line below the TrimBox (file name `…-inner.indd 7`,
                  date and time, a Chinese proofing note `第7页 排版：… 校`); the TrimBox is
                  the finished page (PDF 32000-1 §14.11.2). Nothing outside it is the issue's.

Truth conventions (what the extractor must reproduce)
-----------------------------------------------------
* Values exactly as printed, with line breaks re-joined: a break next to a CJK character
  or inside a URL adds nothing; a break between two Latin words stands for one space (the
  space itself is not printed at the line end). Lines are justified with character
  spacing (Tc), so extra gaps between glyphs are never spaces. Full-width ASCII letters and
  digits become ASCII; Chinese punctuation (，。：；（）“”《》、) is kept as printed.
* article_no is ASCII: `2095-3453(2023)06-0043-12` (printed with full-width parentheses
  in the seed layout, ASCII ones in the CNKI layout).
* clc: list split on `；`; doc_code: the letter printed after 文献标识码 / 文献标志码.
* doi: as printed after `DOI：`; "" for the editorial and the book review (none printed);
  doi_source "printed" where one is printed.
* received / accessed: ISO `YYYY-MM-DD`; received only where 收稿日期 is printed.
* funding: the printed 基金项目 text without the label.
* contributors: name.zh as printed; name.en only where the PDF prints an English name,
  exactly as printed (`CHEN Jingjing`, `OUYANG Mingyuan`); name_pinyin derived
  (`Chen Jingjing`, compound surnames joined: `Ouyang Mingyuan`, `Sima Qing`; 单 as a
  surname is `Shan`); surname/given in Chinese. bio = that author's full 作者简介 segment
  (segments separated by `；`, a final `。` dropped). affiliation = the institution named
  in the bio, or, when affiliations are printed separately under the names (CNKI
  layout), the printed affiliation text without its number and parentheses. email only
  where printed. The editorial has no contributors (unsigned).
* citations: footnotes (seed layout; ① restarts on every page) or 参考文献 entries (CNKI),
  numbered n = 1..N in order across the article; text = full citation text without the
  marker (①, [1]); urls = every URL, angle brackets and a final `.` stripped; accessed =
  the first `[YYYY-MM-DD]` date (CNKI `(2022-07-28)[2023-03-01]`: the bracketed one).
* pdf_pages: 1-based physical pages [first, last] of the article (cover, 目录, blank,
  advert and English-abstract pages belong to no article); fpage/lpage: printed page
  numbers as strings. Article ids a01, a02, ... in page order. A page shared by two
  run-on articles belongs to both: the earlier one's last page is the later one's first
  (pdf_pages [2, 3] then [3, 5]; lpage of one = fpage of the next), and the page count in
  文章编号 counts it for both.
* type: research-article / book-review / editorial. title.en/abstract.en/keywords.en come
  from the issue-end English section (seed layout) or the English block (CNKI layout).
* A space glyph printed between two CJK characters is kept (`（北京 邮编：100007）`,
  `吉林 长春 130012`). Characters are chosen so that every CID / glyph id decodes back to
  the same code point (e.g. `·` U+00B7, never the katakana middle dot U+30FB).
* Journal: values printed in the PDF: the cover prints 东北亚学刊, `Journal of Northeast
  Asia Studies`, 2023年第6期, `ISSN 2095-3453`, `CN 22-1402/C`, `编辑出版：东北亚学刊编辑部`
  (publisher). Without a cover (issue_cnki_*, single_article) only title.zh (running
  head / 目录) and the ISSN (文章编号) are printed; the rest is "". issue is "6" (printed
  第6期), volume "" (not printed). source.file is "issue.pdf".

Planted problems (Article.warnings; tests should compare codes, messages are free text)
---------------------------------------------------------------------------------------
article-no-page-count   文章编号 gives a page count that differs from the article's real
                        length (issue_seed_*: a05's printed count is 3 more than its pages).
doc-code                文献标志码 is not one of A-E (issue_cnki_ttf: a02 prints `Z`;
                        issue_cnki_continuous: a01, the same article).
Every other article and the issues themselves have warnings [].
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import logging
import re
import sys
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402

from schemas.model import (  # noqa: E402
    Article,
    Citation,
    Contributor,
    Issue,
    Journal,
    Keywords,
    LangText,
    Source,
    Warning,
)

def _versions() -> str:
    import fontTools
    import pypdf
    import reportlab

    return f"reportlab {reportlab.Version}, pypdf {pypdf.__version__}, fontTools {fontTools.version}"


# The PDFs are byte-identical only for the same library versions; the test compares bytes
# with the committed fixtures only when this stamp (stored as /Creator) matches.
CREATOR = f"journal-ingest tests/make_fixtures.py ({_versions()})"
CJK = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(CJK))
TTF_PATH = "/usr/share/fonts/truetype/arphic/uming.ttc"
TTF_NAME = "AR PL UMing CN"

# ---------------------------------------------------------------------------------------
# Seed text (东北亚学刊 2023 No.6, pp.43-54): body paragraphs with note keys {n}, and the
# 33 footnotes in order. Half-width punctuation inside Chinese text normalised to
# full-width, as a typeset journal prints it.
# ---------------------------------------------------------------------------------------
SEED_BODY = [
    ('p', '冷战时期，日本与北约各自关注自身所在地区，接触有限。冷战的结束促使双方走出各自区域，双方战略接触也提上议事日程。冷战结束30多年以来，日本与北约的战略合作逐步发展，双方通过加强政治对话和推进务实合作不断深化全球伙伴关系，从最初关注非传统安全问题逐步转向关注传统安全问题。特别是在乌克兰危机影响下，双方关系快速推进到战略层面，对其自身以及各自所在地区产生重要影响。'),
    ('h1', '一、乌克兰危机下日本与北约战略合作现状'),
    ('p', '日本并非北约成员国，其与北约的关系比较特殊，发展较晚，而且受全球时局影响较大。冷战结束、“9·11”事件、日本前首相安倍晋三第二次执政以及乌克兰危机是双方合作过程中较为关键的几个节点。20世纪90年代以来，北约和日本一直进行政治对话与务实合作，日本已经成为北约的“全球伙伴”。{1}“9·11”事件是日本与北约加强战略合作的契机，随着北约介入阿富汗事务，日本和北约在阿富汗问题上展开积极合作，这在很大程度上推动了双方关系的发展。安倍在第二次执政期间进一步推动日本与北约的战略合作，比较重要的成果包括：2013年双方发表的第一份政治文件“共同政治宣言”{2}以及2014年签署的《个别伙伴合作计划》（IPCP）{3}，前者为进一步发展双方关系提供了框架，后者是日本与北约合作的主要方针文件。'),
    ('p', '乌克兰危机成为日本与北约相互借重的重要抓手。乌克兰危机的爆发为日本发挥国际作用创造了更大空间，日本视之为国际战略博弈的契机。冲突爆发后，日本跟进北约严厉制裁俄罗斯，双边关系迅速走近。双方频繁通过双边和多边场合开展高层会晤，高调表达在乌克兰危机和“印太”安全问题上的一致立场，并大幅推动实质性合作。2022年3月，日本首相岸田文雄赶赴比利时出席七国集团首脑会议之机，与北约秘书长斯托尔滕贝格举行会谈。4月，日本外相林芳正首次出席北约外长会议，表示加强与北约合作，并公开承诺向乌克兰提供总额2亿美元的防卫装备等物资。{4}6月，北约军事委员会主席罗伯·鲍尔对日本进行正式访问，双方讨论北约与日本的长期伙伴关系以及欧洲的安全局势。{5}同月，北约在马德里召开峰会，首次邀请“北约亚太伙伴国”日本、韩国、澳大利亚、新西兰首脑与会。在峰会上，岸田表示欧洲和“印太”安全保障不可分割，呼吁北约把注意力转向亚洲，强调北约是日本的重要合作伙伴，日本和北约应大幅升级合作文件《个别伙伴合作计划》。{6}'),
    ('p', '与此同时，日本与北约的合作不断推进。随着太空、网络空间等新作战领域出现，特别是乌克兰危机爆发之后，日本乘势渲染自身网络防卫处于不利地位，强调网络扩军的必要性。2022年4月，日本参加了由北约合作网络防御卓越中心（CCDCOE）组织的网络防御演习“锁定盾牌2022”。{7}6月，日本海上自卫队与北约舰艇在地中海进行联合演习。{8}11月，日本正式加入北约合作网络防御卓越中心，成为继韩国之后第二个加入该组织的亚洲国家。11—12月，日本参加了北约在爱沙尼亚举行的年度最大的网络防御演习“2022年网络联盟”。{9}当前，日本防卫省与北约之间已建立“网络防御相关职员会谈”机制，围绕网络安全议题进行情报共享和意见交换。在网络对策方面，自卫队逐步参与北约主办的演习。此外，日本正探讨制定相关法律和具体措施，为引进“主动网络防御”做准备。岸田政府极力宣扬与北约合作取得的“成绩”，认为北约马德里峰会非常重要，并将2022年称为日本与北约合作飞跃性发展的历史之年。{10}'),
    ('p', '2023年，日本与北约高层会晤不断，防务合作也保持着高涨的势头，与北约其他三个亚太伙伴国相比，日本与北约的战略互动更为突出。1月底，北约秘书长访问日本，双方同意采取一系列行动加强战略协调，并决定在《个别伙伴合作计划》的基础之上制定反映时代特征的新框架合作文件《个别针对性伙伴关系计划》（ITPP）。此外，双方还探讨了日本定期参加北约理事会会议和北约军事委员会参谋长级会议的设想。{11}3月，日本向乌克兰一揽子综合援助信托基金提供3000万美元的援助。{12}同月，日本接受北约邀请，派遣自卫队加油机和运输机参与海外灾害救援，这是日本首次与北约合作开展国际紧急救援行动。{13}4月，林芳正再次出席北约外长会议，并与北约秘书长举行会谈，欢迎北约加强参与“印太”地区事务。林芳正还表示希望进一步加强与北约的合作，并首次加入北约领导的救灾物资空运行动。{14}6月，日本以观察员身份参加为期两周、在欧洲空域进行的北约“空中卫士”联合军事演习。7月，包括日本在内的亚太四国再次参加北约峰会，日本和北约宣布通过《个别针对性伙伴关系计划》，该文件是一项为期四年的新安全合作计划，将《个别伙伴合作计划》的9个合作领域扩大为16个，为日本与北约伙伴关系的务实合作提供了总体框架，涵盖新兴安全问题、长期安全问题、拓展合作领域，以及价值观等领域。{15}该计划被定位为推动双方合作升级的“时间表”。此外，2023年以来，日本与北约多次商谈在日本建立北约联络处问题。{16}尽管由于法国反对未果，但后续如果该联络处设立，日本为其提供场所和资金，将意味着北约与日本的合作更加稳定，双方防务合作将迈入更高阶段。'),
    ('h1', '二、日本与北约战略接近的动因'),
    ('p', '日本与北约不断推进战略接近有多重原因。日本方面最为重要的考量是借助与北约合作实现“军事大国”目标，北约方面最为关注的问题是争取获得进入亚太的“入场券”。因此，日本与北约联手推动“亚太北约化”与“北约亚太化”，企图主导亚太安全秩序，维护对其有利的国际秩序。日本与北约的战略合作是美国主导的同盟体系内部协调，是对美国“综合威慑战略”的积极配合。'),
    ('h2', '（一）与北约合作是日本谋求“军事大国化”的重要途径之一'),
    ('p', '战后，日本作为侵略战争责任国与战败国一度被美国占领，出台和平宪法并确定专守防卫原则。20世纪80年代起，日本谋求“摆脱战后体制”、恢复“安全主权”、发展所谓“与国力及利益相符合的”军事能力和权限。日本想要实现“军事大国化”，需要美国的松绑及适当的国际和国内舆论环境，从而突破和平宪法，实现军事解禁和海外用武。日本实现“军事大国化”路径主要有三条，即加快自主军事能力建设，借助日美同盟“出海”，积极参与地区与国际安全事务。{17}加强与北约的战略对话和防务合作成为实现以上目标的重要途径之一。'),
    ('p', '冷战结束至今，日本安全政策经历了三个阶段：一是冷战结束至21世纪初，日本开始推动“军事正常化”，借助阿富汗和伊拉克的战后重建等活动，逐步推动与北约的战略合作。二是安倍第二次执政时期，在推动日美同盟“现代化转型”的同时，强调自主性，并实质性地加强与北约的战略合作。三是2022年以来，充分利用乌克兰危机外溢效应，推动修改“安保三文件”，加速安全战略转型，在巩固日美同盟的同时更积极拓展与亚欧伙伴国家间的防务合作，强化与北约的战略合作。'),
    ('p', '渲染外部威胁一直是日本谋求“军事大国化”的惯用手段。日本将北约视为向西方国家宣介政策的重要平台，将加强与北约的合作视为修改和平宪法和实现集体自卫权的重要途径之一，因此努力将北约发展成为关键对话伙伴。例如，2014年5月，安倍在北约总部演讲时声称：“日本受和平宪法限制，如果北约军队在执行维和行动时受到武装袭击，日本自卫队将无法予以救援。”{18}安倍发表此言论的目的，是争取北约对其修宪和解禁集体自卫权的支持。乌克兰危机成为日本修改国家安全与防务战略的催化剂。危机爆发后，日本极力渲染安全挑战，寻求与北约建立更牢固的关系，获得北约对其安全战略转型的支持，减少国际社会对其发展军事力量的警惕和反对。同时，为获得北约对其国家安全战略转型的支持，日本一再向北约强调，调整国家安全战略将为日本与盟友和伙伴国开展进一步合作打开大门。相关策略确实发挥了一定作用，日本新“安保三文件”出台后，北约表示支持，对日本军费开支向北约基准看齐表示欢迎{19}，并对日本在乌克兰危机中的立场和表现大加赞赏{20}。此外，日本积极参加北约的互操作性相关机制，参与北约的相关军事训练和演习，不断提升双方在具体领域的务实合作水平。'),
    ('h2', '（二）推动“亚太北约化”与“北约亚太化”'),
    ('p', '20世纪90年代双方加强接触以来，日本和北约安全关注点一直是自身所在地区，同时通过政治对话和务实合作向对方传达各自的安全关切。随着双方战略协调不断推进，彼此的安全认知也进一步深化。'),
    ('p', '在乌克兰危机影响下，日本为拉近与北约的关系，不仅高调表示北约是其重要合作伙伴，而且积极塑造与欧洲面临共同威胁的认知，强调欧洲和“印太”地区的安全保障不可分割。{21}日本企图将乌克兰危机引发的安全焦虑引入东亚，渲染“今日的乌克兰就是明日的东亚”并写入新版国家安全战略。在行动上，日本与以七国集团为首的合作伙伴统一步调，这使日本和北约及北约重要成员国的关系更加紧密，日本和北约的战略接触和协调达到了前所未有的水平。'),
    ('p', '在日本的影响和推动下，北约逐步加大对亚太地区的关注和介入，助长了亚太地区“北约化”趋势。与此同时，包括日本在内的北约亚太伙伴国与北约的高层会晤频繁，不仅参加了北约外长会议，也出席了北约首脑峰会，且高层会晤的机制化倾向越来越明显，助长了“北约亚太化”趋势。'),
    ('h2', '（三）企图相互借重，共同维护于己有利的国际秩序'),
    ('p', '乌克兰危机使日本的危机感更加强烈，同时借机渲染安全威胁，进而为其安全战略转型扫清障碍。比如，日本新版《国家安全保障战略》趁机提出自由开放稳定的国际秩序面临重大挑战。{22}此外，冷战后的日本外交愈发重视价值观因素，其外交战略强调日本与西方国家间的相似性，高调宣扬自己属于“成熟的自由民主国家”，并以此拉拢北约。'),
    ('p', '与之相关联的是，北约并不满足于仅作为一个军事同盟，它自诩为价值共同体，并将“捍卫和促进民主价值观和自由国际秩序”作为“使命”。随着冷战结束，北约愈发谋求扩大政治影响，更加强调价值观属性，提出如果没有共同价值观和政治凝聚力，就不可能形成基于规则的国际秩序。北约秘书长提出，世界充满不确定性和不可预测性，国际秩序正受到挑战，北约必须尽最大努力保护它。{23}《马德里峰会宣言》也重申了这一点。'),
    ('p', '鉴于此，日本和北约都将价值观作为有效工具，相互借重维护对其自身有利的国际秩序。在双方战略协调进程中，价值观因素也越来越重要，这明显体现在双方高层会晤中。2007年，安倍在第一次访问北约时提出，日本和北约是合作伙伴，应共享自由、民主、人权和法治等基本价值观。{24}2014年，安倍第二次访问北约时，在题为《作为天然伙伴的日本和北约》的演讲中指出，经过多年合作，双方已经发展成为“可靠的天然伙伴”。{25}2018年，时任日本外相河野太郎强调维持自由开放的国际秩序对日欧合作的重要性。{26}此后日本一直延续该说法。乌克兰危机爆发后，日本与北约大肆渲染面临的威胁，提出该危机动摇了整个国际秩序的根基，标志着后冷战时代的结束。{27}双方通过这种表态为日本干预乌克兰危机以及北约介入亚太制造口实。同时，双方通过渲染风险，营造加强合作应对全球挑战、维护“基于规则的国际秩序”的内外氛围。在此氛围下，双方的战略协调更为频繁，务实合作增加。双方认为，应通过坚定的伙伴关系维护和加强“基于规则的自由开放的国际秩序”。{28}'),
    ('h2', '（四）美国积极推动日本和北约的战略协调'),
    ('p', '美国将中国定性为“最重要的战略竞争对手”，积极寻求通过动员和协调盟友共同遏制中国，拜登政府称之为“巨大的力量源泉和独特的美国优势”。{29}为此，拜登政府积极推进“综合威慑”战略，旨在加强其跨太平洋与跨大西洋盟友的战略合作。这意味着美国不仅需要专注于与盟友合作，还需要鼓励他们彼此合作。正如拜登政府2021年发布的《临时国家安全战略指南》中所述，美国的目标是“与盟国合作，公平分担责任，同时鼓励它们投资于自身相对优势领域，以应对当前和未来的共同威胁”。{30}'),
    ('p', '拜登政府于2022年初发布的“印太战略”明确欢迎欧洲参与该地区，并承认欧洲的战略价值。{31}乌克兰危机爆发后，美国进一步强化上述战略。'),
    ('p', '在欧洲和亚太地区，美国将传统盟友和伙伴聚集在一起，日本则是其中一个特别重要的战略伙伴。日本与北约的战略合作，不仅不会取代日本与美国的同盟关系，而且还会是日美同盟的有效补充。美国积极支持日本和北约之间的战略合作，旨在促使其亚太盟友与欧洲盟友实现更大程度的融合。由此，将在亚欧大陆东西两端形成一条围堵中俄的美国同盟体系链条。乌克兰危机爆发后，美国不想欧洲安全问题影响其在世界其他地区特别是亚太地区的关键能力，因此美国支持日本和北约安全合作的持续发展，促使日本更加关注欧洲安全，而北约则继续寻求在亚太地区的参与。'),
    ('h1', '三、日本与北约战略合作的影响、发展前景与制约因素'),
    ('p', '在乌克兰危机的刺激下，日本和北约的战略合作已经进入一个新的发展阶段，并对日本和北约自身、亚太地区的安全以及美国的同盟体系产生深远影响。在可预见的未来，日本与北约及其重要成员的战略合作将持续推进，并将机制化，同时双方战略协调也面临不容忽视的制约。'),
    ('h2', '（一）日本与北约战略合作的影响'),
    ('p', '第一，日本借势加快军事崛起。对中国崛起的警惕与防范，已成为影响日本安全政策的核心因素。在中美战略博弈将引发国际秩序总体变化的基本认知下，以乌克兰危机为背景，日本的安全危机意识进一步上升，更加重视凭借自力、基于实力保障自身安全，同时更倾向于利用“同盟+”的多重复合方式应对安全威胁。随着日本和北约的战略协调与合作不断推进，日本借势加快推动“军事大国化”，试图联手主导亚太安全秩序。这不仅对中国周边安全形成较大压力，而且加剧地区对抗。'),
    ('p', '第二，加快北约东进亚太的节奏。随着日本与北约及其成员国的防务合作进一步升级，北约力量对亚太事务的干预逐步走上机制化和法制化道路，对亚太安全事务的介入更加频繁。日本与英、法、德等国签署的安全防务协议及制度安排，将成为未来日本与其他北约国家合作的范本，其他有意拓展亚太势力范围的北约国家也会更积极地与日本开展合作。这将加快北约东进亚太的节奏，进一步推动“北约亚太化”与“亚太北约化”，提升日本与北约一体化互操作能力，形成推动“北约亚太化”军事进程的合力。尽管日本短期内无法突破和平宪法及《日美安全条约》的框架，也不可能和美国之外的国家确立完全意义上的军事同盟关系，但日本将通过以上方式与北约及其主要成员紧密勾连，搅局亚太地区的和平与稳定。'),
    ('p', '第三，有利于支持美国主导的军事同盟体系。日本和北约在军事演习和培训、安全协议、国防工业等方面的合作，对美国提高其综合威慑战略特别有利。具体来说，日本和北约及其成员国各军种的军事训练和演习越来越多，体现了美国盟友间的合作意愿和潜在能力。日本和北约通过这些合作行动，可以提升战备状态及协助能力，并在此基础上发展军队之间的互操作性。日本与北约及其成员国签订了一系列安全防务相关协议，此类协议为双方合作提供了法理依据，有利于敏感信息的共享、军事物资的采购和军事技术的互换，使得军事力量的直接合作更加容易。日本与北约成员国之间相关安全协议的数量和类型不断增加，有利于美国、北约和日本之间的相互支持与配合。'),
    ('h2', '（二）日本与北约战略合作的发展前景'),
    ('p', '日本与北约的战略合作越来越机制化。北约逐步认识到亚太地区的重要性，在乌克兰危机的刺激下，更加积极介入该地区事务。但目前北约并没有针对亚太地区的成形战略，而是通过加强与亚太国家的对话与合作提升影响力。今后，日本与北约的战略合作与协调的机制化和制度化趋势将进一步加强。北约已经将与“亚太四国”的合作制度化，正在以多种方式加强该伙伴关系，并在海事、网络和其他问题上加强务实合作。2023年7月，北约再次邀请四国首脑参加在立陶宛首都维尔纽斯举行的峰会，还将邀请亚太伙伴参加更多部长级会议。{32}'),
    ('p', '日本积极加强与北约重要国家的战略合作。特别是，日本与英、法、德等欧洲大国不断签署各种军事安全备忘录和协议，持续扩大安全合作范围，并将其制度化。目前，日本已分别与英、法、德三国建立起外长和防长“2+2”会谈机制，缔结交换机密信息的《情报保护协定》；日英、日法也先后签订相互融通物资和劳务的《物资劳务相互提供协定》，日德正在就该协定进行磋商；日英、日法签署了《防卫装备品和技术转移协定》；日英签署了《互惠准入协定》，日德正在推动《互惠准入协定》的初步谈判。'),
    ('p', '未来，日本与北约及其成员国的战略协调和合作将会继续深化。北约及其成员国将不断介入亚太事务，频繁与日本在该地区开展联合训练和演习。参加联合训练和演习的力量以各方海军为主，但未来几年可能会有更多空军参与。{33}日本与北约合作模式主要分为四个方面：政治外交的对话伙伴、军事领域的协作伙伴、国防装备领域的合作伙伴（以与北约重要成员国的合作为主）、美国同盟体系的合作伙伴。国防工业合作正迅速成为日本与北约重要国家安全关系的新支柱。在战后的很长一段时间里，日本无法与美国以外的国家开展国际防卫装备合作，2014年日本突破防卫技术转让限制，此后日本与欧洲国家签署了一系列国防装备和技术转让协议，从英国开始，法国、意大利和德国紧随其后。'),
    ('h2', '（三）日本与北约战略合作的制约因素'),
    ('p', '第一，双方对中国的态度不尽一致。目前北约及其成员国对中国的态度发生了一定变化，整体来看，将中国视为经济机遇和潜在合作伙伴，同时开始认为中国对其构成挑战。但是，各国对中国的态度并不完全一致，而且他们与日本对华态度也存在较大区别。欧盟于2019年出台《欧盟-中国：战略展望》，提出了“三位一体”对华定位，即战略合作伙伴、科技领域的竞争对手、治理模式的“系统性竞争对手”。2022年，北约新战略概念将中国视为“系统性挑战”，但北约秘书长也强调“中国不是敌人”。虽然北约认为其安全日益受到亚太地区局势的影响，但是北约成员国对于是否介入亚太地区事务以及介入程度缺乏共识。在这种情况下，北约成员国是否都愿意或者都有能力军事介入亚洲冲突存在疑问，北约如何在与中国有关的事务上采取具体行动需要进一步观察。'),
    ('p', '第二，北约的战略资源有限。乌克兰危机前景仍不明朗，对北约及欧洲国家的安全政策影响很大，也成为北约向亚太地区投入资源的制约因素。北约对亚太地区的参与以不损害对俄威慑为前提，因此北约及其成员国需在欧洲安全和亚太安全方面保持一定平衡。作为北约和日美同盟“盟主”的美国，即使在乌克兰危机爆发的背景下仍将中国视为“最重要的战略竞争对手”，并持续以加强联盟的方式应对中国。因此，在亚太和欧洲安全问题上，美国寻求与北约盟国适当分工，未来北约可能将其大部分精力集中在欧洲的防务责任上，并适当参与亚太事务遏制中国，进而美国可以将大部分注意力集中在应对中国上。'),
    ('p', '第三，日本和平宪法的制约。1946年，为了永久根除日本军国主义，在美国占领当局的主导下，日本制定了《日本国宪法》，即和平宪法，其第九条规定，日本“永远放弃以国权发动的战争、武力威胁或武力行使作为解决国际争端的手段”，“不保持陆海空军及其他战争力量，不承认国家的交战权”。该宪法颁布之后，“修宪”的声音一直不绝于耳，日本政府也根据国内外形势发展不断架空和平宪法，组建了所谓的“自卫队”，实现了海外派兵，突破了集体自卫权。在此进程中，虽然和平宪法以及因此而存在的“护宪”力量逐渐式微，但其仍是日本走向军事大国的重要制约因素。这对日本与北约安全防务关系的进一步提升，也是一种制约和束缚。'),
    ('p', '整体来看，日本与北约的战略协调及合作关系的演进，与亚太地区和北约东部地区的地缘政治事件相伴发生并交错共振，同时日本国内防卫安全政策的变化和北约在全球的行动也成为影响双方关系的重要因素。特别是在乌克兰危机的刺激下，双方关于国际安全和地区安全的认知更加趋同，这为双方进行更深入合作创造了条件。此外，日本和北约也都有借乌克兰危机实现自身战略转型的考量。鉴于日本极力奉行汲取乌克兰危机外溢效应的政策，日本与北约合作的势头将会持续，双方将会谋划更为深入的务实伙伴关系。考虑到以上制约因素，双方在人道主义支持、海上互操作性、网络行动和后勤方面的合作可能会更加频繁，并扩大到新的领域。'),
]

SEED_NOTES = [
    '“Relations with Japan,” NATO, July 28, 2023, https://www.nato.int/cps/en/natohq/topics_50336.htm [2023-03-01].',
    '『日本·北大西洋条約機構(NATO)共同政治宣言』、外務省、2013年4月15日、<https://www.mofa.go.jp/mofaj/files/000003487.pdf> [2023-05-11].',
    '「安倍総理大臣のラスムセン事務総長との会談及び北大西洋理事会出席(概要)」、外務省、2014年5月6日、https://www.mofa.go.jp/mofaj/erp/ep/page24_000273.html [2023-05-01].',
    '「林外務大臣のNATO外相会合出席(結果)」、外務省、https://www.mofa.go.jp/mofaj/erp/ep/page1_001128.html [2023-03-01].',
    '“NATO and Japan are natural partners, says Chair of the NATO Military Committee,” NATO, June 5, 2022, https://www.nato.int/cps/en/natohq/news_196305.htm?selectedLocale=en [2023-05-01].',
    '「岸田総理大臣のNATO首脳会合出席（結果）」、首相官邸、2022年6月29日、<https://www.kantei.go.jp/jp/pages/20220629nato.html> [2023-05-01]。',
    '“Defense of Japan 2022,” Ministry of Defense, 2022, https://www.mod.go.jp/en/publ/w_paper/wp2022/DOJ2022_EN_Full_02.pdf [2023-05-01]。',
    '“NATO ships train with Japan Maritime Self-Defense Force in Mediterranean Sea,” NATO, June 9, 2022, <https://mc.nato.int/media-centre/news/2022/nato-ships-train-with-japan-maritime-selfdefense-force-in-mediterranean-sea> [2023-05-01]。',
    '“Exercise Cyber Coalition 2022 Concludes in Estonia,” NATO, December 2, 2022, <https://act.nato.int/articles/exercise-cyber-coalition-2022-concludes-estonia> [2023-05-01]。',
    '『外交青書』、外務省、2023年、<https://www.mofa.go.jp/mofaj/files/100488910.pdf> [2023-06-01]。',
    '“Joint Statement Issued on the occasion of the meeting between H.E. Mr Jens Stoltenberg, NATO Secretary General and H.E. Mr Kishida Fumio, Prime Minister of Japan,” NATO, January 31, 2023, https://www.nato.int/cps/en/natohq/opinions_211294.htm?selectedLocale=en [2023-03-01].',
    '“Support for Ukraine through contribution to NATO’s Comprehensive Assistance Package (CAP) Trust Fund for Ukraine,” MOFA, March 30, 2023, https://www.mofa.go.jp/press/release/press4e_003247.html [2023-04-01]. 乌克兰一揽子综合援助信托基金，英文为：Comprehensive Assistance Package (CAP) Trust Fund for Ukraine。自2016年7月北约华沙峰会以来，北约对乌克兰的实际支持通过该基金实施。',
    '“Dispatch of Self-Defense Force Aircraft to Assistance Operation in Cooperation with NATO to Earthquake Damage in the Republic of Türkiye,” MOFA, March 13, 2023, https://www.mofa.go.jp/press/release/press4e_003248.html [2023-04-01].',
    '“Meeting between Foreign Minister Hayashi and NATO Secretary General Stoltenberg,” MOFA, April 4, 2023, https://www.mofa.go.jp/erp/ep/page1e_000611.html [2023-05-01]. 北约领导的救灾物资空运行动，英文为：NATO-led airlift operations for disaster relief supplies。',
    '“Individually Tailored Partnership Programme between NATO and Japan for 2023 – 2026,” Prime Minister’s Office of Japan, <https://japan.kantei.go.jp/content/000131076.pdf> [2023-08-01].',
    '北约在位于纽约的联合国总部、位于维也纳的欧安组织总部，以及格鲁吉亚、乌克兰、波黑、摩尔多瓦和科威特都设有类似联络处，东道国一般会为北约联络处提供办公场所。',
    '参见李薇主编：《日本研究报告（2014）》，社会科学文献出版社2014年版，第95页。',
    '“Japan and NATO As ‘Natural Partners’ Speech by H.E. Mr. Shinzo Abe, Prime Minister of Japan, at the North Atlantic Council,” MOFA, May 6, 2014, <https://www.mofa.go.jp/files/000037774.pdf> [2023-03-01].',
    '「岸田総理とストルテンベルグNATO事務総長との会談」、外務省、2023年1月31日、<https://www.mofa.go.jp/mofaj/files/100446115.pdf> [2023-05-01]。',
    '“Joint press point by NATO Secretary General Jens Stoltenberg with Prime Minister Fumio Kishida,” NATO, January 31, 2023, https://www.nato.int/cps/en/natohq/opinions_210901.htm?selectedLocale=en [2023-05-01].',
    '「林外務大臣のNATO外相会合出席（結果）」、外務省、2022年4月7日、https://www.mofa.go.jp/mofaj/erp/ep/page1_001128.html [2023-05-01]。',
    '『国家安全保障戦略』、内閣官房、令和4年12月16日、<https://www.cas.go.jp/jp/siryou/221216anzenhoshou/nss-j.pdf> [2023-05-01]。',
    '“Speech by NATO Secretary General Jens Stoltenberg at the Munich Security Conference,” NATO, February 6, 2015, https://www.nato.int/cps/en/natohq/opinions_117320.htm [2023-05-01].',
    '“Statement by Prime Minister Shinzo Abe to the North Atlantic Council, Japan and NATO: Toward Further Collaboration,” NATO, January 12, 2007, <https://www.nato.int/docu/speech/2007/s070112b.html> [2023-05-01].',
    '“Japan and NATO As ‘Natural Partners’ Speech by H.E. Mr. Shinzo Abe,” MOFA, May 6, 2014, <https://www.mofa.go.jp/files/000037774.pdf> [2023-05-01].',
    '「NATO加盟国国會議員会議(NATO-PA)代表団の訪日」、外務省、2018年6月18日、https://www.mofa.go.jp/mofaj/erp/ep/page4_004139.html [2023-05-01].',
    '“Joint press point by NATO Secretary General Jens Stoltenberg with Prime Minister Fumio Kishida,” NATO, January 31, 2023, https://www.nato.int/cps/en/natohq/opinions_210901.htm?selectedLocale=en [2023-05-01].',
    '“Joint Statement Issued on the occasion of the meeting between H.E. Mr Jens Stoltenberg, NATO Secretary General and H.E. Mr Kishida Fumio, Prime Minister of Japan,” NATO, January 31, 2023, https://www.nato.int/cps/en/natohq/opinions_211294.htm?selectedLocale=en [2023-05-01].',
    '“National Security Strategy 2022,” THE WHITE HOUSE, October 12, 2022, <https://www.whitehouse.gov/wp-content/uploads/2022/10/Biden-Harris-Administrations-National-Security-Strategy-10.2022.pdf> [2023-05-01].',
    '“Interim National Security Strategic Guidance,” THE WHITE HOUSE, March, 2021, <https://www.whitehouse.gov/wp-content/uploads/2021/03/NSC-1v2.pdf> [2023-05-01].',
    '“Indo-Pacific Strategy,” THE WHITE HOUSE, February, 2022, <https://www.white-house.gov/wp-content/uploads/2022/02/U.S.-Indo-Pacific-Strategy.pdf> [2023-05-01].',
    '“Speech by NATO Secretary General Jens Stoltenberg at Keio University,” NATO, February 1, 2023, https://www.nato.int/cps/en/natohq/opinions_211398.htm?selectedLocale=en [2023-05-01].',
    'Scott W. Harold, Mathieu Duchâtel, Jeffrey W. Hornung, Veerle Nouwens, Alexandra Sakaki, Michito Tsuruoka, “Expanding Japan-Europe Defense Cooperation: Implications for the U.S.-Japan Alliance,” RAND, 2022, https://www.rand.org/pubs/conf_proceedings/CFA2070-2.html [2023-05-01].',
]

NOTES: dict[str, str] = {str(i + 1): t for i, t in enumerate(SEED_NOTES)}
NOTES.update({
    "B1": "林晓峰：《冷战后日本安全战略的演变》，东方学术出版社2022年版，第12页。",
    "B2": "林晓峰：《冷战后日本安全战略的演变》，东方学术出版社2022年版，第245—268页。",
    "B3": "“Japan and NATO,” Ministry of Foreign Affairs of Japan, https://www.mofa.go.jp/region/europe/nato/index.html "
          "[2023-05-01].",
})

JOURNAL_ZH = "东北亚学刊"
JOURNAL_EN = "Journal of Northeast Asia Studies"
ISSN = "2095-3453"
CN = "22-1402/C"
PUBLISHER = "东北亚学刊编辑部"
YEAR = 2023
ISSUE_NO = "6"
ISSUE_LABEL = "2023年第6期"
DOI_STEM = "10.19498/j.cnki.dbyxk.2023.06."

SEED_ABSTRACT_ZH = (
    "在乌克兰危机升级的影响下，日本与北约的战略协调稳步推进，双方战略合作达到历史最高水平。"
    "在以日美同盟为基轴的安全战略下，日本借助北约力量谋求实现战后军事崛起，北约通过与日本合作日渐介入亚太事务。"
    "日本与北约联手推动“亚太北约化”与“北约亚太化”，企图主导亚太安全秩序，维护对其有利的国际秩序。"
    "日本与北约的战略协调不断升级对日本和北约自身、亚太地区的安全以及美国的同盟体系产生深远影响。"
    "日本与北约及其重要成员的战略协调将持续推进，并将日趋机制化，同时双方战略合作也面临不容忽视的制约。"
)
SEED_ABSTRACT_EN = (
    "Under the escalating of the Ukraine crisis, the strategic coordination between Japan and NATO has steadily "
    "advanced to new development stage. At present, the strategic cooperation between the two sides has reached the "
    "highest level in history. Japan gradually achieved its military rise after the WWII with the help of NATO, and "
    "NATO gradually intervened in Asia Pacific affairs through cooperation with Japan. Based on this, Japan and NATO "
    "have joined forces to promote the “NATO lization of the Asia Pacific” and “Asia–pacific NATO”, attempted to "
    "dominate the security order in Asia Pacific and maintain an international order that was beneficial to both "
    "sides. The escalation of strategic coordination between Japan and NATO has had a profound impact on Japan and "
    "NATO themselves, the Asia Pacific region, and the U.S.’ alliance system. In the foreseeable future, strategic "
    "coordination between Japan and NATO and its important members will continue to advance and become increasingly "
    "institutionalized. Meanwhile, it should be noted that strategic coordination between the two sides also faces "
    "constraints that cannot be ignored."
)

EDITORIAL_BODY = [
    ("p", "当前，国际格局加速演变，大国博弈日趋激烈，东北亚地区安全形势复杂多变。乌克兰危机的持续发酵不仅深刻影响欧洲安全格局，"
          "也通过多种渠道外溢至亚太地区，地区国家的安全政策随之出现新的调整。"),
    ("p", "本期“日本研究”栏目刊发两篇论文，分别从战略协调与合作机制演进的角度，考察乌克兰危机背景下日本与北约关系的新变化，"
          "分析双方战略接近的动因、影响与制约因素。“国际关系”栏目聚焦美国“综合威慑”战略下的日欧防务合作，探讨美国同盟体系"
          "在亚欧两端的联动。此外，本期还刊发书评一篇，对冷战后日本安全战略演变的相关研究进行评介。"),
    ("p", "希望本期文章能够为读者理解东北亚地区安全形势提供有益参考。我们也诚挚欢迎学界同仁继续赐稿，共同推动东北亚区域问题"
          "研究的深入发展。"),
]

REVIEW_BODY = [
    ("p", "冷战结束以来，日本安全战略经历了从“专守防卫”向“积极和平主义”的深刻转变。林晓峰所著《冷战后日本安全战略的演变》一书，"
          "以时间为经、以议题为纬，系统梳理了冷战后三十余年间日本安全战略调整的历史脉络与内在逻辑，是近年来国内日本安全研究"
          "领域的一部力作。"),
    ("p", "全书共分七章。第一章回顾了战后日本安全体制的形成过程，第二章至第五章分阶段考察了冷战后日本安全战略的调整，第六章"
          "聚焦日本与美国之外的国家和国际组织开展的安全合作，第七章对日本安全战略的未来走向作出展望。作者指出，日本安全战略的"
          "调整并非简单的外部压力驱动的结果，而是国内政治结构变化与国际环境变化相互作用的产物。{B1}"),
    ("p", "该书的突出特点在于资料翔实、论证严谨。作者大量利用日本政府公开文件、国会会议记录以及相关智库报告，对日本安全政策"
          "决策过程进行了细致考察。特别是关于日本与北约合作的章节，作者较早注意到双方在非传统安全领域合作向传统安全领域延伸"
          "的趋势，其判断已为乌克兰危机爆发后的事态发展所印证。{B2}"),
    ("p", "当然，该书也存在一些值得进一步探讨的问题。例如，书中对日本国内和平主义力量的作用着墨较少，对日本安全战略转型的"
          "地区影响的分析也有待深化。同时，书中部分章节对北约成员国之间立场差异的讨论略显简略，未能充分揭示北约内部在介入"
          "亚太事务问题上的分歧。但瑕不掩瑜，该书为理解冷战后日本安全战略的演变提供了清晰的分析框架，对于从事日本研究和国际"
          "安全研究的学者具有重要参考价值。"),
    ("p", "值得一提的是，作者在书中专门讨论了日本借助多边机制拓展安全合作空间的做法，认为日本通过参与北约主导的演习、"
          "加入北约合作网络防御卓越中心等方式，逐步实现了安全合作对象的多元化。{B3}这一观察对于理解乌克兰危机后日本与北约"
          "关系的快速发展具有启发意义。作者同时提醒，日本安全合作对象的多元化并不意味着日美同盟地位的下降，相反，日本与"
          "北约的合作在很大程度上是日美同盟的延伸和补充。"),
    ("p", "总体而言，该书视野开阔、结构清晰、文字平实，既有对历史进程的宏观把握，也有对具体政策的微观剖析，是一部兼具学术"
          "价值与现实意义的著作。期待作者在后续研究中进一步关注日本安全战略转型对东北亚地区秩序的影响，为国内学界提供更多"
          "有价值的研究成果。"),
]

ADVERT_PARAS = [
    "《东北亚学刊》是以东北亚区域问题为主要研究对象的综合性学术期刊，设有“大国关系”“日本研究”“朝鲜半岛研究”“俄罗斯研究”"
    "“区域合作”“书评”等栏目。本刊坚持正确的政治方向和学术导向，竭诚欢迎国内外专家学者惠赐佳作。",
    "一、来稿应观点鲜明、论证严密、资料翔实，字数一般以12000—15000字为宜。",
    "二、来稿须附中英文标题、中英文内容提要（300字左右）、关键词（3—5个）及作者简介。",
    "三、注释采用页下注形式，每页重新编号；引用网络文献须注明网址及访问日期。",
    "四、本刊实行匿名审稿制度，审稿期一般为三个月，不收取任何形式的版面费。",
    "投稿邮箱：dbyxk@example.org",
]

# --- article 3 (seed recombination, first-page footnote block layout) -------------------
A03_TITLE = "从“全球伙伴”到“个别针对性伙伴”：日本与北约合作机制的演进及其对亚太安全的影响"
A03_TITLE_EN = ("From “Global Partner” to “Individually Tailored Partner”: The Evolution of Japan–NATO "
                "Cooperation Mechanisms and Its Impact on Asia-Pacific Security")
A03_ABSTRACT = (
    "冷战结束以来，日本与北约的合作机制经历了从政治对话到务实合作、从非传统安全领域到传统安全领域的演进。"
    "乌克兰危机爆发后，双方以《个别针对性伙伴关系计划》取代《个别伙伴合作计划》，合作领域由9个扩大为16个，"
    "合作机制的制度化水平明显提升。日本借此加速安全战略转型，北约则借助日本扩大在亚太地区的影响，"
    "双方合作机制的升级将对亚太安全格局产生深远影响。"
)
A03_ABSTRACT_EN = (
    "Since the end of the Cold War, the cooperation mechanisms between Japan and NATO have evolved from political "
    "dialogue to practical cooperation, and from non-traditional to traditional security fields. After the outbreak "
    "of the Ukraine crisis, the Individually Tailored Partnership Programme replaced the Individual Partnership and "
    "Cooperation Programme, expanding the areas of cooperation from 9 to 16. Japan takes the opportunity to "
    "accelerate its security strategy transformation, while NATO expands its influence in the Asia-Pacific region, "
    "which will have a far-reaching impact on regional security."
)
A03_BODY = [
    ("p", 0), ("h1", "一、日本与北约合作机制的历史演进"), ("p", 2), ("p", 10),
    ("h1", "二、乌克兰危机后日本与北约合作机制的升级"), ("p", 3), ("p", 4), ("p", 5),
    ("h1", "三、合作机制升级对亚太安全的影响"), ("p", 28), ("p", 32), ("p", 38),
]

# --- article 5 (seed recombination, two authors) ----------------------------------------
A05_TITLE = "美国“综合威慑”战略下的日欧防务合作"
A05_TITLE_EN = "Japan–Europe Defense Cooperation under the U.S. “Integrated Deterrence” Strategy"
A05_ABSTRACT = (
    "美国“综合威慑”战略强调动员和协调跨太平洋与跨大西洋盟友，推动盟友之间开展横向合作。"
    "在此背景下，日本与北约及英、法、德等欧洲国家的防务合作快速发展，安全协议数量和类型不断增加，"
    "军事训练和演习日益频繁，国防工业合作成为新的支柱。日欧防务合作是美国同盟体系的有效补充，"
    "但也受到北约战略资源有限、各方对华态度不一以及日本和平宪法等因素的制约。"
)
A05_ABSTRACT_EN = (
    "The U.S. “integrated deterrence” strategy emphasizes mobilizing and coordinating its trans-Pacific and "
    "trans-Atlantic allies and encouraging them to cooperate with each other. Against this background, defense "
    "cooperation between Japan and NATO as well as the UK, France and Germany has developed rapidly. Japan–Europe "
    "defense cooperation is an effective supplement to the U.S. alliance system, but it is also constrained by "
    "NATO’s limited strategic resources, divergent attitudes towards China and Japan’s pacifist constitution."
)
A05_BODY = [
    ("p", 21), ("h1", "一、美国“综合威慑”战略与盟友间横向合作"), ("p", 22), ("p", 23),
    ("h1", "二、日欧防务合作的主要进展"), ("p", 29), ("p", 31), ("p", 33),
    ("h1", "三、日欧防务合作的制约因素"), ("p", 35), ("p", 36),
]

# --- CNKI-layout articles -----------------------------------------------------------------
C01_TITLE = "日本与北约战略合作的动因与前景"
C01_TITLE_EN = "Motives and Prospects of Japan–NATO Strategic Cooperation"
C01_ABSTRACT = (
    "日本与北约不断推进战略接近有多重原因。日本方面最为重要的考量是借助与北约合作实现“军事大国”目标，"
    "北约方面最为关注的问题是争取获得进入亚太的“入场券”。双方的战略合作是美国主导的同盟体系内部协调，"
    "是对美国“综合威慑战略”的积极配合。今后双方合作的机制化趋势将进一步加强，但也面临多重制约。"
)
C01_ABSTRACT_EN = (
    "There are multiple reasons for the strategic rapprochement between Japan and NATO. Japan seeks to become a "
    "“military power” with the help of NATO, while NATO hopes to obtain an “admission ticket” to the Asia-Pacific. "
    "Their strategic cooperation is a coordination within the U.S.-led alliance system. The institutionalization of "
    "their cooperation will be further strengthened, although it also faces multiple constraints."
)
C01_BODY = [
    ("h1", "1　日本与北约战略接近的动因"),
    ("p", "日本与北约不断推进战略接近有多重原因。日本方面最为重要的考量是借助与北约合作实现“军事大国”目标，北约方面最为"
          "关注的问题是争取获得进入亚太的“入场券”。日本实现“军事大国化”路径主要有三条，即加快自主军事能力建设，借助日美"
          "同盟“出海”，积极参与地区与国际安全事务。{R1}加强与北约的战略对话和防务合作成为实现以上目标的重要途径之一。"),
    ("p", "冷战结束至今，日本安全政策经历了三个阶段，其与北约的关系也随之不断发展，日本已经成为北约的“全球伙伴”。{R2}"
          "2013年双方发表的第一份政治文件“共同政治宣言”{R3}为进一步发展双方关系提供了框架。"),
    ("h2", "1.1　推动“亚太北约化”与“北约亚太化”"),
    ("p", "在乌克兰危机影响下，日本为拉近与北约的关系，不仅高调表示北约是其重要合作伙伴，而且积极塑造与欧洲面临共同威胁"
          "的认知，强调欧洲和“印太”地区的安全保障不可分割。在日本的影响和推动下，北约逐步加大对亚太地区的关注和介入，"
          "助长了亚太地区“北约化”趋势。与此同时，包括日本在内的北约亚太伙伴国与北约的高层会晤频繁，高层会晤的机制化倾向"
          "越来越明显，助长了“北约亚太化”趋势。"),
    ("h2", "1.2　美国积极推动日本和北约的战略协调"),
    ("p", "美国将中国定性为“最重要的战略竞争对手”，积极寻求通过动员和协调盟友共同遏制中国。{R4}为此，拜登政府积极推进"
          "“综合威慑”战略，旨在加强其跨太平洋与跨大西洋盟友的战略合作。美国积极支持日本和北约之间的战略合作，旨在促使其"
          "亚太盟友与欧洲盟友实现更大程度的融合。"),
    ("h1", "2　日本与北约战略合作的前景"),
    ("p", "日本与北约的战略合作越来越机制化。北约已经将与“亚太四国”的合作制度化，正在以多种方式加强该伙伴关系，并在海事、"
          "网络和其他问题上加强务实合作。参加联合训练和演习的力量以各方海军为主，但未来几年可能会有更多空军参与。{R5}"
          "国防工业合作正迅速成为日本与北约重要国家安全关系的新支柱。"),
    ("p", "整体来看，特别是在乌克兰危机的刺激下，双方关于国际安全和地区安全的认知更加趋同，这为双方进行更深入合作创造了"
          "条件。考虑到北约战略资源有限、各方对华态度不一以及日本和平宪法等制约因素，双方在人道主义支持、海上互操作性、"
          "网络行动和后勤方面的合作可能会更加频繁。{R6}"),
]
C01_REFS = [
    "赵明. 日本“军事大国化”的路径与影响[J]. 日本问题研究, 2020(3): 1-20.",
    "NATO. Relations with Japan[EB/OL]. (2022-07-28)[2023-03-01]. https://www.nato.int/cps/en/natohq/topics_50336.htm.",
    "外務省. 日本·北大西洋条約機構(NATO)共同政治宣言[EB/OL]. (2013-04-15)[2023-05-11]. "
    "https://www.mofa.go.jp/mofaj/files/000003487.pdf.",
    "The White House. National security strategy 2022[EB/OL]. (2022-10-12)[2023-05-01]. "
    "https://www.whitehouse.gov/wp-content/uploads/2022/10/Biden-Harris-Administrations-National-Security-Strategy-10.2022.pdf.",
    "HAROLD S W, DUCHÂTEL M, HORNUNG J W, et al. Expanding Japan-Europe defense cooperation: implications for the "
    "U.S.-Japan alliance[R/OL]. Santa Monica: RAND Corporation, 2022[2023-05-01]. "
    "https://www.rand.org/pubs/conf_proceedings/CFA2070-2.html.",
    "李文. 乌克兰危机背景下北约的战略调整[J]. 国际安全研究, 2023(2): 45-66.",
]
C02_TITLE = "乌克兰危机背景下北约“亚太化”的新动向"
C02_TITLE_EN = "New Trends of NATO’s “Asia-Pacificization” in the Context of the Ukraine Crisis"
C02_ABSTRACT = (
    "乌克兰危机爆发后，北约逐步加大对亚太地区的关注和介入，首次邀请“北约亚太伙伴国”首脑参加峰会，"
    "并与日本通过《个别针对性伙伴关系计划》。北约“亚太化”呈现机制化、常态化的新动向，"
    "但北约战略资源有限，成员国对介入亚太事务缺乏共识。"
)
C02_ABSTRACT_EN = (
    "After the outbreak of the Ukraine crisis, NATO has gradually increased its attention to and involvement in the "
    "Asia-Pacific region. NATO’s “Asia-Pacificization” shows new trends of institutionalization and normalization, "
    "but NATO’s strategic resources are limited and its members lack consensus on intervening in Asia-Pacific affairs."
)
C02_BODY = [
    ("h1", "1　北约介入亚太事务的新举措"),
    ("p", "2022年6月，北约在马德里召开峰会，首次邀请“北约亚太伙伴国”日本、韩国、澳大利亚、新西兰首脑与会。{R1}2023年"
          "7月，北约再次邀请四国首脑参加在立陶宛首都维尔纽斯举行的峰会，日本和北约宣布通过《个别针对性伙伴关系计划》，"
          "将《个别伙伴合作计划》的9个合作领域扩大为16个。{R2}此外，2023年以来，日本与北约多次商谈在日本建立北约联络处问题。"),
    ("p", "随着太空、网络空间等新作战领域出现，北约与亚太伙伴国在网络防御领域的合作不断推进。2022年11月，日本正式加入北约"
          "合作网络防御卓越中心，成为继韩国之后第二个加入该组织的亚洲国家。{R3}"),
    ("h1", "2　北约“亚太化”的制约因素"),
    ("p", "乌克兰危机前景仍不明朗，对北约及欧洲国家的安全政策影响很大，也成为北约向亚太地区投入资源的制约因素。北约对亚太"
          "地区的参与以不损害对俄威慑为前提，因此北约及其成员国需在欧洲安全和亚太安全方面保持一定平衡。虽然北约认为其安全"
          "日益受到亚太地区局势的影响，但是北约成员国对于是否介入亚太地区事务以及介入程度缺乏共识。{R4}"),
]
C02_REFS = [
    "首相官邸. 岸田総理大臣のNATO首脳会合出席（結果）[EB/OL]. (2022-06-29)[2023-05-01]. "
    "https://www.kantei.go.jp/jp/pages/20220629nato.html.",
    "Prime Minister’s Office of Japan. Individually tailored partnership programme between NATO and Japan for "
    "2023-2026[EB/OL]. [2023-08-01]. https://japan.kantei.go.jp/content/000131076.pdf.",
    "NATO. Exercise cyber coalition 2022 concludes in Estonia[EB/OL]. (2022-12-02)[2023-05-01]. "
    "https://act.nato.int/articles/exercise-cyber-coalition-2022-concludes-estonia.",
    "王海. 北约新战略概念与亚太安全[J]. 现代国际关系, 2022(9): 12-21.",
]
C03_TITLE = "图们江区域合作开发的进展、困境与路径"
C03_TITLE_EN = "Tumen River Area Cooperative Development: Progress, Dilemmas and Paths"
C03_ABSTRACT = (
    "图们江区域合作开发自20世纪90年代启动以来，经历了联合国开发计划署主导、向“大图们倡议”转型和地方政府推动等阶段，"
    "在跨境交通、口岸建设和边境经济合作区等领域取得一定进展。但受朝鲜半岛局势、相关国家利益诉求差异以及合作机制"
    "约束力不足等因素影响，区域合作整体仍处于较低水平。今后应以中俄合作为突破口，推进陆海联运通道建设，完善地方"
    "合作机制，逐步形成多边合作格局。"
)
C03_ABSTRACT_EN = (
    "Since its launch in the 1990s, the Tumen River Area cooperative development has gone through the stages led by "
    "the United Nations Development Programme, the transition to the Greater Tumen Initiative and the promotion by "
    "local governments, and has made progress in cross-border transport, port construction and border economic "
    "cooperation zones. Affected by the situation on the Korean Peninsula, the divergent interests of the countries "
    "concerned and the weak binding force of the cooperation mechanism, regional cooperation remains at a low level. "
    "China and Russia should take their cooperation as a breakthrough, build land-sea transport corridors and "
    "improve local cooperation mechanisms."
)
C03_BODY = [
    ("h1", "1　图们江区域合作开发的历史进程"),
    ("p", "1991年，联合国开发计划署将图们江地区开发项目列为重点支持项目，中国、俄罗斯、朝鲜、韩国和蒙古五国共同参与，"
          "图们江区域合作开发由此起步。{R1}1995年，相关国家签署建立图们江经济开发区及东北亚开发协调委员会的协定，"
          "合作开发进入机制化阶段。2005年，各方同意将合作范围扩大至大图们江区域，并更名为“大图们倡议”。"),
    ("p", "2009年，《中国图们江区域合作开发规划纲要》获批，以长吉图为开发开放先导区，图们江区域合作开发上升为国家战略。{R2}"
          "此后，珲春国际合作示范区设立，中俄之间的跨境交通和口岸设施建设明显加快，过境运输线路不断增加。"),
    ("p", "从合作主体看，图们江区域合作开发经历了由国际组织主导向相关国家政府和地方政府共同推动的转变。联合国开发计划署在"
          "合作初期发挥了重要的组织协调作用，但随着其资金支持逐步减少，各国政府特别是地方政府在合作中的作用日益突出。"
          "吉林省、俄罗斯滨海边疆区、朝鲜罗先市以及蒙古东部省份之间建立了多种形式的地方合作机制，合作的层次和领域不断拓展。"),
    ("h1", "2　图们江区域合作开发的主要进展"),
    ("p", "一是跨境交通基础设施不断完善。珲春至俄罗斯马哈林诺的国际铁路恢复运营，珲春至克拉斯基诺、圈河至元汀等口岸的"
          "基础设施得到改造升级，经俄罗斯扎鲁比诺港的陆海联运航线相继开通。二是边境经济合作平台建设取得进展。珲春边境经济"
          "合作区等平台相继规划建设，吸引了一批物流、水产品加工和商贸企业入驻。"),
    ("p", "三是人文交流日益密切。随着口岸通关便利化水平的提高，区域内人员往来和边境旅游规模不断扩大，区域内高校在人才培养"
          "和学术研究方面开展了广泛合作，为区域合作奠定了民意基础。"),
    ("h1", "3　图们江区域合作开发面临的困境"),
    ("p", "第一，朝鲜半岛局势的不确定性。朝鲜半岛局势长期处于紧张状态，罗先经济贸易区的开发进展缓慢。第二，相关"
          "国家的利益诉求存在差异。俄罗斯更加重视远东地区的整体开发，韩国和日本的投资意愿有限，蒙古则主要关注出海通道"
          "问题。{R3}"),
    ("p", "第三，合作机制的约束力不足。“大图们倡议”是一个政府间磋商机制，缺乏具有约束力的法律框架和稳定的资金来源，"
          "2009年朝鲜退出后，其协调能力进一步下降。{R4}"),
    ("p", "此外，区域内基础设施互联互通水平不高。中国经图们江出海受制于下游航行权问题，中俄、中朝之间的跨境铁路和公路运力"
          "有限，口岸通关效率有待提高，物流成本居高不下，制约了区域内贸易和投资的增长。"),
    ("h1", "4　推进图们江区域合作开发的路径"),
    ("p", "一是以中俄合作为突破口，推进“滨海2号”国际交通走廊建设，拓展内贸货物跨境运输业务，打通经俄罗斯港口的陆海联运"
          "通道。二是完善地方合作机制，发挥吉林省与俄罗斯滨海边疆区等地方政府的积极性，推动边境经济合作区和跨境经济合作区"
          "建设。三是在条件成熟时推动朝鲜重新参与合作，逐步形成多边合作格局。{R5}"),
    ("p", "此外，还应加强与日本、韩国等国在能源、物流和旅游等领域的合作，依托跨境电子商务拓展合作空间，推动图们江区域由通道"
          "经济向产业经济转变，使其成为东北亚区域经济合作的重要平台。同时，应加强图们江流域生态环境保护，推动区域绿色低碳发展，"
          "实现经济效益与生态效益的统一。"),
    ("h1", "5　结　语"),
    ("p", "图们江区域合作开发是东北亚区域合作的缩影。三十年来，区域合作虽然进展有限，但合作的基础条件已经发生明显变化。在中俄"
          "全面战略协作伙伴关系深入发展的背景下，图们江区域合作开发有望迎来新的机遇。今后，应在稳步推进中俄合作的基础上，"
          "不断完善多边合作机制，推动图们江区域合作开发取得实质性进展，为东北亚区域经济一体化积累经验。"),
]
C03_REFS = [
    "金哲. 图们江区域合作开发三十年：回顾与展望[J]. 东北亚经济研究, 2021(4): 5-17.",
    "国务院. 中国图们江区域合作开发规划纲要：以长吉图为开发开放先导区[Z]. 2009.",
    "高明. 东北亚区域经济合作中的国家利益博弈[M]. 长春: 吉林人民出版社, 2018: 112-118.",
    "Greater Tumen Initiative. GTI strategic action plan 2021-2024"
    "[EB/OL].(2021-10-24)[2023-03-01].https://www.tumenprogramme.org/?list-1526.html.",
    "王宁, 张宇. 中俄朝跨境经济合作区建设的路径选择[J]. 延边大学学报(社会科学版), 2022, 55(3): 48-56.",
]


# =========================================================================================
# Specs: the generator's input data, from which both the PDF and the truth are made
# =========================================================================================
@dataclass
class Author:
    zh: str
    surname: str
    given: str
    pinyin: str
    en: str = ""          # printed English name ("" when the PDF prints none)
    affiliation: str = ""
    bio: str = ""
    email: str = ""
    aff_no: int = 0       # CNKI layout: number of the printed affiliation


@dataclass
class Spec:
    type: str
    title: str
    title_en: str = ""
    short: str = ""                       # running head on odd pages
    section: str = ""                     # 目录 section heading
    authors: list[Author] = field(default_factory=list)
    abstract: str = ""
    abstract_en: str = ""
    keywords: list[str] = field(default_factory=list)
    keywords_en: list[str] = field(default_factory=list)
    clc: list[str] = field(default_factory=list)
    doc_code: str = ""
    doi: str = ""
    has_article_no: bool = True
    page_count_delta: int = 0             # planted: printed count = real + delta
    funding: str = ""
    received: str = ""
    body: list = field(default_factory=list)   # [(kind, text)] with {key} note markers
    refs: list[str] = field(default_factory=list)  # CNKI 参考文献
    layout: str = "seed"                  # seed | seedfoot | review | editorial | cnki
    signature: str = ""
    book_line: str = ""
    affs: list[str] = field(default_factory=list)      # CNKI printed affiliations
    affs_en: list[str] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    # filled by layout
    fpage: int = 0
    npages: int = 0
    pdf_first: int = 0


def seed_body(plan):
    return [(k, SEED_BODY[v][1] if isinstance(v, int) else v) for k, v in plan]


CHEN = Author("陈静静", "陈", "静静", "Chen Jingjing", "CHEN Jingjing", "中国社会科学院日本研究所外交研究室",
              "陈静静，中国社会科学院日本研究所外交研究室副研究员（北京 邮编：100007）")
OUYANG = Author("欧阳明远", "欧阳", "明远", "Ouyang Mingyuan", "OUYANG Mingyuan", "吉林大学东北亚研究院",
                "欧阳明远，吉林大学东北亚研究院副教授，法学博士（吉林 长春 130012）")
SHAN = Author("单文华", "单", "文华", "Shan Wenhua", "", "东北师范大学亚洲研究中心",
              "单文华，东北师范大学亚洲研究中心讲师（吉林 长春 130024）")
SIMA = Author("司马青", "司马", "青", "Sima Qing", "SIMA Qing", "辽宁大学国际关系学院",
              "司马青，辽宁大学国际关系学院教授（辽宁 沈阳 110036）")
LI = Author("李晓东", "李", "晓东", "Li Xiaodong", "LI Xiaodong", "辽宁大学国际关系学院",
            "李晓东，辽宁大学国际关系学院博士研究生（辽宁 沈阳 110036）")


def seed_issue_specs() -> list[Spec]:
    return [
        Spec("editorial", "卷首语", short="卷首语", section="卷首语", has_article_no=False,
             body=EDITORIAL_BODY, layout="editorial"),
        Spec("research-article", "乌克兰危机下日本与北约的战略合作",
             "Japan–NATO Strategic Coordination under the Ukraine Crisis",
             short="乌克兰危机下日本与北约的战略合作", section="日本研究", authors=[CHEN],
             abstract=SEED_ABSTRACT_ZH, abstract_en=SEED_ABSTRACT_EN,
             keywords=["日本", "北约", "亚太安全", "战略协调", "全球伙伴"],
             keywords_en=["Japan", "NATO", "Asia–pacific security", "strategic coordination", "global partner"],
             clc=["D831.3", "E313"], doc_code="A", doi=DOI_STEM + "004",
             body=list(SEED_BODY), signature="（责任编辑：王晓博）"),
        Spec("research-article", A03_TITLE, A03_TITLE_EN, short="日本与北约合作机制的演进及其对亚太安全的影响",
             section="日本研究",
             authors=[OUYANG], abstract=A03_ABSTRACT, abstract_en=A03_ABSTRACT_EN,
             keywords=["日本", "北约", "伙伴关系", "合作机制", "亚太安全"],
             keywords_en=["Japan", "NATO", "partnership", "cooperation mechanism", "Asia-Pacific security"],
             clc=["D831.3"], doc_code="A", doi=DOI_STEM + "005",
             funding="国家社会科学基金一般项目“乌克兰危机背景下日本安全战略转型研究”（23BGJ041）",
             received="2023-03-15", body=seed_body(A03_BODY), layout="seedfoot",
             signature="（责任编辑：刘一鸣）"),
        Spec("book-review", "安全战略转型的历史逻辑——评《冷战后日本安全战略的演变》",
             short="安全战略转型的历史逻辑", section="书评", authors=[SHAN],
             clc=["D831.3"], doc_code="E", body=REVIEW_BODY, layout="review",
             book_line="林晓峰著：《冷战后日本安全战略的演变》，东方学术出版社2022年版，356页"),
        Spec("research-article", A05_TITLE, A05_TITLE_EN, short=A05_TITLE, section="国际关系",
             authors=[SIMA, LI], abstract=A05_ABSTRACT, abstract_en=A05_ABSTRACT_EN,
             keywords=["综合威慑", "日欧防务合作", "同盟体系", "北约"],
             keywords_en=["integrated deterrence", "Japan–Europe defense cooperation", "alliance system", "NATO"],
             clc=["D831.3", "D871.2"], doc_code="A", doi=DOI_STEM + "006",
             body=seed_body(A05_BODY), page_count_delta=+3, signature="（责任编辑：王晓博）",
             warnings=[("article-no-page-count", "文章编号 gives a page count that differs from the article's pages")]),
    ]


def cnki_specs() -> list[Spec]:
    oy = Author("欧阳明远", "欧阳", "明远", "Ouyang Mingyuan", "OUYANG Mingyuan",
                "吉林大学东北亚研究院，吉林 长春 130012",
                "欧阳明远（1985—），男，吉林长春人，副教授，博士，主要从事日本外交与安全研究，E-mail：ouyangmy@jlu.edu.cn",
                email="ouyangmy@jlu.edu.cn", aff_no=1)
    sm = Author("司马青", "司马", "青", "Sima Qing", "SIMA Qing", "辽宁大学国际关系学院，辽宁 沈阳 110036",
                "司马青（1990—），女，辽宁沈阳人，讲师，博士，主要从事国际安全研究", aff_no=2)
    ch = Author("陈静静", "陈", "静静", "Chen Jingjing", "CHEN Jingjing", "中国社会科学院日本研究所，北京 100007",
                "陈静静（1982—），女，河北石家庄人，副研究员，博士，主要从事日本外交研究")
    return [
        Spec("research-article", C01_TITLE, C01_TITLE_EN, short=C01_TITLE, authors=[oy, sm],
             abstract=C01_ABSTRACT, abstract_en=C01_ABSTRACT_EN,
             keywords=["日本", "北约", "亚太安全", "战略协调"],
             keywords_en=["Japan", "NATO", "Asia-Pacific security", "strategic coordination"],
             clc=["D831.3", "E313"], doc_code="A", doi=DOI_STEM + "010",
             funding="国家社会科学基金青年项目“乌克兰危机下日本安全战略转型研究”（23CGJ012）",
             received="2023-04-20", body=C01_BODY, refs=C01_REFS, layout="cnki",
             affs=["吉林大学东北亚研究院，吉林 长春 130012", "辽宁大学国际关系学院，辽宁 沈阳 110036"],
             affs_en=["Northeast Asian Research Center, Jilin University, Changchun 130012, China",
                      "School of International Studies, Liaoning University, Shenyang 110036, China"]),
        Spec("research-article", C02_TITLE, C02_TITLE_EN, short=C02_TITLE, authors=[ch],
             abstract=C02_ABSTRACT, abstract_en=C02_ABSTRACT_EN,
             keywords=["北约", "亚太化", "乌克兰危机", "伙伴关系"],
             keywords_en=["NATO", "Asia-Pacificization", "Ukraine crisis", "partnership"],
             clc=["D815.5"], doc_code="Z", doi=DOI_STEM + "011",
             received="2023-05-06", body=C02_BODY, refs=C02_REFS, layout="cnki",
             affs=["中国社会科学院日本研究所，北京 100007"],
             affs_en=["Institute of Japanese Studies, Chinese Academy of Social Sciences, Beijing 100007, China"],
             warnings=[("doc-code", "文献标志码 Z is not one of A, B, C, D, E")]),
    ]


def cnki_continuous_specs() -> list[Spec]:
    """The two articles of cnki_specs() and a third CNKI article, for the run-on (continuous)
    layout, in the order C02, C03, C01: with C03's length this puts C03's start in the top
    half of a page and C01's (with its five-line footnote block) in the lower half."""
    lz = Author("刘振华", "刘", "振华", "Liu Zhenhua", "LIU Zhenhua", "延边大学朝鲜半岛研究院，吉林 延吉 133002",
                "刘振华（1987—），男，吉林延吉人，副教授，博士，主要从事东北亚区域经济合作研究")
    c03 = Spec("research-article", C03_TITLE, C03_TITLE_EN, short="图们江区域合作开发的进展与路径", authors=[lz],
               abstract=C03_ABSTRACT, abstract_en=C03_ABSTRACT_EN,
               keywords=["图们江区域", "大图们倡议", "东北亚", "区域合作", "陆海联运"],
               keywords_en=["Tumen River Area", "Greater Tumen Initiative", "Northeast Asia", "regional cooperation",
                            "land-sea transport"],
               clc=["F127", "F114.41"], doc_code="A", doi=DOI_STEM + "012",
               funding="教育部人文社会科学研究青年基金项目“中俄朝跨境经济合作区建设路径研究”（22YJC790081）",
               received="2023-05-18", body=C03_BODY, refs=C03_REFS, layout="cnki",
               affs=["延边大学朝鲜半岛研究院，吉林 延吉 133002"],
               affs_en=["Institute of Korean Peninsula Studies, Yanbian University, Yanji 133002, China"])
    c01, c02 = cnki_specs()
    return [c02, c03, c01]


# =========================================================================================
# A small typesetter on reportlab's canvas
# =========================================================================================
PW, PH = 516.0, 737.0            # 182 x 260 mm
BODY = 10.5
TW = 38 * BODY                   # text width: 38 Chinese characters
ML = (PW - TW) / 2
TOP = PH - 62                    # top of the body area
BOTTOM = 48                      # bottom of the footnote area
FN = 8.5
FN_LEAD = 12.5
CIRC = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮"
CLOSE = set("，。、；：？！）》」』”’〉】…—·%") | set(CIRC)
OPEN = set("（《「『“‘〈【")
LATIN_CTX = set("“”‘’–—…")
URLISH = re.compile(r"https?://|www\.|<http")


@dataclass(frozen=True)
class St:
    size: float = BODY
    bold: bool = False
    italic: bool = False
    sup: bool = False


@dataclass
class G:  # one glyph
    ch: str
    font: str
    size: float
    rise: float
    bold: bool
    note: str | None = None   # body marker / footnote label: replaced per page
    w: float = 0.0


def _is_ascii_vis(c: str) -> bool:
    return c.isascii() and not c.isspace()


def glyphs(text: str, st: St, note: str | None = None) -> list[G]:
    out = []
    size = st.size * (0.62 if st.sup else 1)
    rise = st.size * 0.36 if st.sup else 0
    for i, ch in enumerate(text):
        latin = ord(ch) < 0x250
        if not latin and ch in LATIN_CTX:
            prev = text[i - 1] if i else ""
            nxt = text[i + 1] if i + 1 < len(text) else ""
            latin = _is_ascii_vis(prev) or _is_ascii_vis(nxt)
        if latin:
            font = "Times-Bold" if st.bold else ("Times-Italic" if st.italic else "Times-Roman")
            g = G(ch, font, size, rise, False, note)
        else:
            g = G(ch, CJK, size, rise, st.bold, note)
        g.w = pdfmetrics.stringWidth(ch, g.font, g.size)
        out.append(g)
    return out


@dataclass
class Atom:
    gs: list[G]
    space: bool = False
    nb_before: bool = False
    nb_after: bool = False
    split: bool = False

    @property
    def w(self) -> float:
        return sum(g.w for g in self.gs)


def atoms_of(gs: list[G]) -> list[Atom]:
    out: list[Atom] = []
    for g in gs:
        if g.ch == " ":
            out.append(Atom([g], space=True))
        elif g.font == CJK or g.note:
            out.append(Atom([g], nb_before=g.ch in CLOSE or g.note is not None or g.rise > 0,
                            nb_after=g.ch in OPEN))
        else:
            last = out[-1] if out else None
            if last and not last.space and last.gs[-1].font != CJK and not last.gs[-1].note:
                last.gs.append(g)
            else:
                out.append(Atom([g], nb_before=g.rise > 0))
    for a in out:
        if not a.space and a.gs[0].font != CJK:
            a.split = bool(URLISH.search("".join(x.ch for x in a.gs)))
    return out


def split_atom(a: Atom, room: float) -> tuple[Atom | None, Atom]:
    w, k = 0.0, 0
    while k < len(a.gs) and w + a.gs[k].w <= room:
        w += a.gs[k].w
        k += 1
    if k == 0:
        return None, a
    best = k
    for j in range(k, max(k - 14, 1), -1):
        if a.gs[j - 1].ch in "/.-_?=&":
            best = j
            break
    if best >= len(a.gs):
        best = len(a.gs) - 1
    if best <= 0:
        return None, a
    return Atom(a.gs[:best], nb_before=a.nb_before), Atom(a.gs[best:], split=True)


@dataclass
class Line:
    gs: list[G] = field(default_factory=list)
    height: float = 17.5
    x: float = 0.0            # indent from ML
    avail: float = TW
    align: str = "left"       # left | center | right | justify
    keep: int = 0             # keep with the next n lines
    notes: list[str] = field(default_factory=list)
    rule: bool = False        # draw a short rule instead of text
    break_before: bool = False
    fixed: list[Line] = field(default_factory=list)   # unmarked footnote block for the page this line lands on

    @property
    def w(self) -> float:
        return sum(g.w for g in self.gs)


def wrap(segs, width: float, first: float = 0.0, rest: float = 0.0, height: float = 17.5,
         align: str = "justify", last_align: str = "left", right: float = 0.0) -> list[Line]:
    """segs: [(text, St, note)] -> justified Lines (greedy, kinsoku, URLs split)."""
    gs: list[G] = []
    for seg in segs:
        text, st = seg[0], seg[1]
        note = seg[2] if len(seg) > 2 else None
        gs.extend(glyphs(text, st, note))
    q = deque(atoms_of(gs))
    lines: list[Line] = []
    cur: list[Atom] = []
    w = 0.0

    def avail() -> float:
        return width - (first if not lines else rest) - right

    def flush() -> None:
        nonlocal cur, w
        while cur and cur[-1].space:
            cur.pop()
        flat = [g for a in cur for g in a.gs]
        lines.append(Line(flat, height, first if not lines else rest, avail(), align,
                          notes=[g.note for g in flat if g.note]))
        cur, w = [], 0.0

    while q:
        a = q.popleft()
        if a.space and not cur:
            continue
        room = avail() - w
        if a.w <= room + 0.01:
            cur.append(a)
            w += a.w
            continue
        if a.space:
            flush()
            continue
        if a.split and (room > 30 or not cur):
            head, tail = split_atom(a, room)
            if head is not None:
                cur.append(head)
                flush()
                q.appendleft(tail)
                continue
        if cur and not a.nb_before and not cur[-1].nb_after:
            flush()
            q.appendleft(a)
            continue
        j = len(cur) - 1
        while j > 0 and (cur[j].nb_before or cur[j - 1].nb_after):
            j -= 1
        if j > 0:
            moved = cur[j:]
            cur = cur[:j]
            flush()
            q.appendleft(a)
            q.extendleft(reversed(moved))
            continue
        if not cur:  # a single unbreakable atom wider than the line: split it anyway
            head, tail = split_atom(a, room)
            if head is None:
                cur.append(a)
                flush()
            else:
                cur.append(head)
                flush()
                q.appendleft(tail)
            continue
        cur.append(a)  # no legal break at all: overhang
        flush()
    if cur:
        flush()
    if lines:
        lines[-1].align = last_align
    return lines


def spacer(h: float) -> Line:
    return Line([], h)


def para_lines(text: str, st: St = St(), indent: float = 2 * BODY, height: float = 17.5, notes: str = "fn"):
    """A body paragraph; `{key}` markers become superscript note markers."""
    segs = []
    pos = 0
    for m in re.finditer(r"\{(\w+)\}", text):
        if m.start() > pos:
            segs.append((text[pos:m.start()], st))
        key = m.group(1)
        if notes == "fn":
            segs.append(("①", St(st.size, sup=True), key))
        else:  # cnki: [n] superscripts, key like R3
            segs.append((f"[{key[1:]}]", St(st.size, sup=True)))
        pos = m.end()
    if pos < len(text):
        segs.append((text[pos:], st))
    return wrap(segs, TW, first=indent, height=height)


def draw_line(c, ln: Line, y: float, labels: dict[str, int] | None = None) -> None:
    if ln.rule:
        c.setLineWidth(0.5)
        c.line(ML, y + 3, ML + TW / 3, y + 3)
        return
    if not ln.gs:
        return
    gs = ln.gs
    if labels is not None:
        gs = [G(CIRC[labels[g.note]], g.font, g.size, g.rise, g.bold, g.note, g.w) if g.note else g for g in gs]
    nat = sum(g.w for g in gs)
    x = ML + ln.x
    cs = 0.0
    if ln.align == "center":
        x = ML + ln.x + (ln.avail - nat) / 2
    elif ln.align == "right":
        x = ML + ln.x + ln.avail - nat
    elif ln.align == "justify" and len(gs) > 1:
        cs = min(max((ln.avail - nat) / (len(gs) - 1), 0.0), 8.0)
    if any(g.bold for g in gs):
        c.setLineWidth(0.35)
    t = c.beginText(x, y)
    t.setCharSpace(cs)
    runs: list[list] = []
    for g in gs:
        key = (g.font, g.size, g.rise, g.bold)
        if runs and runs[-1][0] == key:
            runs[-1][1] += g.ch
        else:
            runs.append([key, g.ch])
    mode = 0
    for (font, size, rise, bold), s in runs:
        t.setFont(font, size)
        t.setRise(rise)
        want = 2 if bold else 0
        if want != mode:
            t.setTextRenderMode(want)
            mode = want
        t.textOut(s)
    if mode:
        t.setTextRenderMode(0)
    c.drawText(t)


def text_at(c, s: str, x: float, y: float, st: St = St(), align: str = "left", width: float = 0.0) -> None:
    ln = Line(glyphs(s, st), 0, 0, width, align)
    ln.x = x - ML
    draw_line(c, ln, y)


# ------------------------------------------------------------------------------ pagination
@dataclass
class PageOut:
    lines: list[Line] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    fixed: list[Line] = field(default_factory=list)   # unmarked first-page footnote block


def note_lines(key: str, text: str) -> list[Line]:
    mark = glyphs("①", St(FN), key)
    hang = mark[0].w + 2.5
    body = wrap([(" ", St(FN)), (text, St(FN))], TW, first=hang, rest=hang, height=FN_LEAD)
    body[0].gs = mark + [G(" ", "Times-Roman", FN, 0, False, None, 2.5)] + body[0].gs
    body[0].x = 0
    body[0].avail = TW
    body[0].notes = [key]
    return body


def paginate(lines: list[Line], note_text: dict[str, str] | None, fixed: list[Line] | None = None) -> list[PageOut]:
    H = TOP - BOTTOM
    SEP = 9.0
    nl_cache: dict[str, list[Line]] = {}

    def nlines(k: str) -> list[Line]:
        if k not in nl_cache:
            nl_cache[k] = note_lines(k, note_text[k])
        return nl_cache[k]

    pages: list[PageOut] = []
    page = PageOut(fixed=list(fixed or []))
    used = 0.0
    fn_h = (sum(x.height for x in page.fixed) + SEP) if page.fixed else 0.0
    i = 0
    while i < len(lines):
        ln = lines[i]
        new = [k for k in ln.notes if k not in page.notes]
        nh = sum(sum(x.height for x in nlines(k)) for k in new) + sum(x.height for x in ln.fixed)
        sep = SEP if (new or ln.fixed) and not fn_h else 0.0
        need = ln.height
        for j in range(1, ln.keep + 1):
            if i + j < len(lines):
                need += lines[i + j].height
        fits = used + need + fn_h + nh + sep <= H
        if (ln.break_before or not fits) and page.lines:
            pages.append(page)
            page, used, fn_h = PageOut(), 0.0, 0.0
            continue
        if used == 0 and not ln.gs and not ln.rule and page.lines == [] and pages:
            i += 1  # no spacer at the top of a continuation page
            continue
        page.lines.append(ln)
        used += ln.height
        page.notes.extend(new)
        page.fixed.extend(ln.fixed)
        fn_h += nh + sep
        i += 1
    pages.append(page)
    return pages


def draw_page_body(c, page: PageOut, note_text: dict[str, str] | None) -> None:
    y = TOP
    labels = {k: n for n, k in enumerate(page.notes)}
    for ln in page.lines:
        y -= ln.height
        draw_line(c, ln, y + ln.height * 0.28, labels)
    fl: list[Line] = list(page.fixed)
    for k in page.notes:
        fl.extend(note_lines(k, note_text[k]))
    if fl:
        h = sum(x.height for x in fl)
        y = BOTTOM + h
        c.setLineWidth(0.5)
        c.line(ML, y + 5, ML + TW / 3, y + 5)
        for ln in fl:
            y -= ln.height
            draw_line(c, ln, y + 3, labels)


def header(c, printed: int, text_even: str, text_odd: str) -> None:
    y = PH - 38
    num = f"· {printed} ·"
    st = St(8.5)
    if printed % 2 == 0:
        text_at(c, num, ML, y, St(9))
        text_at(c, text_even, ML, y, st, "right", TW)
    else:
        text_at(c, text_odd, ML, y, st)
        text_at(c, num, ML, y, St(9), "right", TW)
    c.setLineWidth(0.6)
    c.line(ML, y - 5, ML + TW, y - 5)


# =========================================================================================
# Article front matter and flows
# =========================================================================================
def article_no(spec: Spec, cnki: bool = False) -> str:
    n = spec.npages + spec.page_count_delta
    return f"{ISSN}({YEAR})06-{spec.fpage:04d}-{n:02d}"


def labelled(label: str, text: str, size: float, indent: float = 0.0, height: float = 15.0) -> list[Line]:
    return wrap([(label, St(size, bold=True)), (text, St(size))], TW, first=indent, rest=indent,
                right=indent, height=height)


def centered(ls: list[Line]) -> list[Line]:
    for ln in ls:
        ln.x, ln.avail, ln.align = 0.0, TW, "center"
    return ls


def title_lines(spec: Spec, size: float = 18, text: str | None = None, st: St | None = None,
                height: float | None = None) -> list[Line]:
    """A centred title, its lines balanced (a 2-line title breaks near the middle)."""
    segs = [(text or spec.title, st or St(size, bold=True))]
    height = height or size * 1.55
    ls = wrap(segs, TW - 40, height=height)
    if len(ls) > 1:
        total = sum(ln.w for ln in ls)
        for extra in range(0, 8):
            trial = wrap(segs, total / len(ls) + extra * size * 0.5, height=height)
            if len(trial) == len(ls):
                ls = trial
                break
    return centered(ls)


def center_line(segs, height: float) -> Line:
    gs: list[G] = []
    for seg in segs:
        gs.extend(glyphs(seg[0], seg[1]))
    return Line(gs, height, 0, TW, "center")


def body_flow(items, notes: str = "fn") -> list[Line]:
    out: list[Line] = []
    for kind, text in items:
        if kind == "h1":
            ls = wrap([(text, St(11.5, bold=True))], TW, first=0 if notes == "cnki" else 2 * BODY, height=24,
                      last_align="left")
            ls[-1].keep = 2
            out.extend(ls)
        elif kind == "h2":
            ls = wrap([(text, St(BODY, bold=True))], TW, first=0 if notes == "cnki" else 2 * BODY, height=20,
                      last_align="left")
            ls[-1].keep = 2
            out.extend(ls)
        else:
            out.extend(para_lines(text, notes=notes))
    return out


def front_seed(spec: Spec) -> tuple[list[Line], list[Line]]:
    """Front matter in the seed's layout; returns (flow lines, unmarked footnote block)."""
    ls: list[Line] = [spacer(8)]
    ls += title_lines(spec)
    if spec.book_line:
        ls.append(spacer(4))
        ls += centered(wrap([(spec.book_line, St(10))], TW - 40, height=16))
    if spec.authors:
        ls.append(spacer(6))
        ls.append(center_line([("　".join(a.zh for a in spec.authors), St(12))], 24))
    ls.append(spacer(8))
    small = 9.5
    ind = 2 * BODY
    if spec.abstract:
        ls += labelled("内容提要：", spec.abstract, small, ind)
    if spec.keywords:
        ls += labelled("关键词：", "　".join(spec.keywords), small, ind)
    fixed: list[Line] = []
    bios = "；".join(a.bio for a in spec.authors)
    if spec.layout == "seedfoot":
        for lab, val in (("收稿日期：", spec.received), ("基金项目：", spec.funding), ("作者简介：", bios)):
            fixed += wrap([(lab, St(FN, bold=True)), (val, St(FN))], TW, height=FN_LEAD)
    elif bios:
        ls += labelled("作者简介：", bios, small, ind)
    if spec.clc:
        ls.append(Line(glyphs("中图分类号：", St(small, bold=True)) + glyphs("；".join(spec.clc) + "　　", St(small))
                       + glyphs("文献标识码：", St(small, bold=True)) + glyphs(spec.doc_code, St(small)),
                       15, ind, TW - 2 * ind))
    if spec.doi:
        ls.append(Line(glyphs("DOI：", St(small, bold=True)) + glyphs(spec.doi, St(small)), 15, ind, TW - 2 * ind))
    if spec.has_article_no:
        no = article_no(spec).replace("(", "（").replace(")", "）")
        ls.append(Line(glyphs("文章编号：", St(small, bold=True)) + glyphs(no, St(small)), 15, ind, TW - 2 * ind))
    ls.append(spacer(12))
    return ls, fixed


def byline_segments(spec: Spec, names: list[str], sep: str, size: float) -> list:
    """Author names with superscript affiliation numbers when there are several affiliations."""
    segs: list = []
    for i, (a, name) in enumerate(zip(spec.authors, names)):
        if i:
            segs.append((sep, St(size)))
        segs.append((name, St(size)))
        if len(spec.affs) > 1:
            segs.append((str(a.aff_no), St(size, sup=True)))
    return segs


def affiliation_text(affs: list[str], open_: str, sep: str, close: str) -> str:
    if len(affs) > 1:
        return open_ + sep.join(f"{i + 1}. {x}" for i, x in enumerate(affs)) + close
    return open_ + affs[0] + close


def front_cnki(spec: Spec) -> tuple[list[Line], list[Line]]:
    small = 9.0
    info = (f"文章编号：{article_no(spec)}　中图分类号：{'；'.join(spec.clc)}　文献标志码：{spec.doc_code}　"
            f"DOI：{spec.doi}")
    ls: list[Line] = [Line(glyphs(info, St(7)), 12, 0, TW, "left"), spacer(10)]
    ls += title_lines(spec, 16)
    ls.append(spacer(4))
    ls.append(center_line(byline_segments(spec, [a.zh for a in spec.authors], "，", 12), 22))
    aff = affiliation_text(spec.affs, "（", "；", "）")
    ls += centered(wrap([(aff, St(9))], TW - 20, height=14))
    ls.append(spacer(6))
    ind = 2 * BODY
    ls += labelled("摘　要：", spec.abstract, small, ind, 14)
    ls += labelled("关键词：", "；".join(spec.keywords), small, ind, 14)
    ls.append(spacer(8))
    ls += title_lines(spec, text=spec.title_en, st=St(12, bold=True), height=16)
    ls.append(center_line(byline_segments(spec, [a.en for a in spec.authors], ", ", 10), 16))
    aff = affiliation_text(spec.affs_en, "(", "; ", ")")
    ls += centered(wrap([(aff, St(8.5, italic=True))], TW - 20, height=12))
    ls.append(spacer(4))
    ls += labelled("Abstract: ", spec.abstract_en, small, ind, 13)
    ls += labelled("Key words: ", "; ".join(spec.keywords_en), small, ind, 13)
    ls.append(spacer(10))
    fixed: list[Line] = []
    items = [("收稿日期：", spec.received)]
    if spec.funding:
        items.append(("基金项目：", spec.funding))
    items.append(("作者简介：", "；".join(a.bio for a in spec.authors) + "。"))
    for lab, val in items:
        fixed += wrap([(lab, St(FN)), (val, St(FN))], TW, height=FN_LEAD)
    return ls, fixed


def article_lines(spec: Spec) -> tuple[list[Line], list[Line]]:
    if spec.layout == "cnki":
        ls, fixed = front_cnki(spec)
        ls += body_flow(spec.body, notes="cnki")
        ls.append(spacer(8))
        head = wrap([("参考文献：", St(10, bold=True))], TW, height=18)
        head[-1].keep = 1
        ls += head
        for i, r in enumerate(spec.refs):
            lab = f"[{i + 1}]"
            gl = glyphs(lab + " ", St(9))
            hang = sum(g.w for g in gl)
            rl = wrap([(r, St(9))], TW, first=hang, rest=hang, height=13.5)
            rl[0].gs = gl + rl[0].gs
            rl[0].x = 0
            rl[0].avail = TW
            ls += rl
        return ls, fixed
    if spec.layout == "editorial":
        ls = [spacer(30), center_line([(spec.title, St(20, bold=True))], 40), spacer(14)]
        ls += body_flow(spec.body)
        return ls, []
    ls, fixed = front_seed(spec)
    ls += body_flow(spec.body)
    if spec.signature:
        ls.append(spacer(6))
        ls.append(Line(glyphs(spec.signature, St(9.5)), 16, 0, TW, "right"))
    return ls, fixed


# =========================================================================================
# Special pages
# =========================================================================================
def draw_cover(c) -> None:
    c.setFillColorRGB(0.12, 0.23, 0.42)
    c.rect(0, PH - 250, PW, 250, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    text_at(c, "东北亚学刊", 0, PH - 130, St(46, bold=True), "center", PW)
    text_at(c, JOURNAL_EN, 0, PH - 175, St(15), "center", PW)
    text_at(c, "（双月刊）", 0, PH - 210, St(12), "center", PW)
    c.setFillColorRGB(0, 0, 0)
    text_at(c, ISSUE_LABEL, 0, PH - 320, St(22, bold=True), "center", PW)
    text_at(c, "总第71期", 0, PH - 350, St(12), "center", PW)
    text_at(c, f"ISSN {ISSN}", 0, 120, St(12), "center", PW)
    text_at(c, f"CN {CN}", 0, 100, St(12), "center", PW)
    text_at(c, f"编辑出版：{PUBLISHER}", 0, 70, St(12), "center", PW)


def draw_toc(c, entries: list[tuple[str, Spec]], title: str = "目　录") -> None:
    text_at(c, title, 0, PH - 90, St(22, bold=True), "center", PW)
    text_at(c, f"{JOURNAL_ZH}　{ISSUE_LABEL}", 0, PH - 115, St(10), "center", PW)
    y = PH - 150
    section = None
    for sec, s in entries:
        if sec and sec != section:
            section = sec
            y -= 8
            text_at(c, f"【{sec}】", ML, y, St(11, bold=True))
            y -= 22
        who = "　".join(a.zh for a in s.authors)
        tail = (who + "　" if who else "") + f"({s.fpage})"
        tail_w = sum(g.w for g in glyphs(tail, St(10.5)))
        lines = wrap([(s.title, St(10.5))], TW - tail_w - 40, first=2 * BODY, rest=3 * BODY, height=20,
                     align="left")
        for k, ln in enumerate(lines):
            if k == len(lines) - 1:
                dots_w = TW - ln.x - ln.w - tail_w - 8
                dot = pdfmetrics.stringWidth(".", "Times-Roman", 10.5)
                ln.gs = ln.gs + glyphs(" " + "." * max(int(dots_w / dot) - 2, 3), St(10.5))
                draw_line(c, ln, y)
                text_at(c, tail, ML, y, St(10.5), "right", TW)
            else:
                draw_line(c, ln, y)
            y -= 20


def draw_advert(c) -> None:
    c.setLineWidth(1.2)
    c.rect(ML - 10, 90, TW + 20, PH - 190, stroke=1, fill=0)
    text_at(c, "征稿启事", 0, PH - 150, St(22, bold=True), "center", PW)
    y = PH - 190
    for p in ADVERT_PARAS:
        for ln in para_lines(p, St(10.5), height=19):
            y -= 19
            draw_line(c, ln, y)
        y -= 6
    text_at(c, "《东北亚学刊》编辑部", ML, y - 30, St(10.5), "right", TW)


def english_section_lines(specs: list[Spec]) -> list[Line]:
    ls: list[Line] = []
    for s in specs:
        t = wrap([(s.title_en, St(11.5, bold=True))], TW, height=16, align="left", last_align="left")
        ls.append(spacer(10))
        ls += t
        who = ", ".join(a.en for a in s.authors)
        ls.append(Line(glyphs(f"{who} / {s.fpage}", St(10, italic=True)), 17, 0, TW, "left"))
        ab = wrap([("Abstract: ", St(10, bold=True)), (s.abstract_en, St(10))], TW, height=14)
        kw = wrap([("Keywords: ", St(10, bold=True)), ("; ".join(s.keywords_en), St(10))], TW, height=14)
        t[0].keep = len(t) + 2
        ls += ab + kw
    return ls


# =========================================================================================
# Issue assembly
# =========================================================================================
@dataclass
class Layout:
    outline: bool = False
    labels: bool = False
    cover: bool = True
    toc: bool = True
    english: bool = True
    first_printed: int = 41
    continuous: bool = False      # articles run on mid-page (one flow) instead of each on a new page


RUN_ON_GAP = 2 * 17.5            # vertical gap before a run-on article: two body lines


def continuous_pages(specs: list[Spec]) -> tuple[list[PageOut], list[tuple[int, int]], dict[int, int]]:
    """All articles laid out in one flow, each after the first starting directly below the
    end of the previous one. Each article's unmarked footnote block rides on its first line,
    so it lands at the foot of the page where the article starts; its Chinese head
    (文章编号 line .. 关键词) is kept together, and so is the English head (title .. the
    first Abstract line). Returns the pages, each article's (first, last) page index and
    the article index of every line (by id)."""
    flow: list[Line] = []
    owner: dict[int, int] = {}
    for idx, s in enumerate(specs):
        lines, fixed = article_lines(s)
        if idx:
            flow.append(spacer(RUN_ON_GAP))
        lines[0].fixed = fixed
        text = ["".join(g.ch for g in ln.gs) for ln in lines]
        kw = next(k for k, t in enumerate(text) if t.startswith("关键词："))
        en = next(k for k in range(kw, len(lines)) if not lines[k].gs) + 1      # after the spacer
        ab = next(k for k, t in enumerate(text) if t.startswith("Abstract: "))
        lines[0].keep, lines[en].keep = kw, ab - en
        for ln in lines:
            owner[id(ln)] = idx
        flow += lines
    pages = paginate(flow, None)
    span: dict[int, list[int]] = {}
    for pi, p in enumerate(pages):
        for ln in p.lines:
            if id(ln) in owner and (ln.gs or ln.rule):
                span.setdefault(owner[id(ln)], [pi, pi])[1] = pi
    return pages, [tuple(span[i]) for i in range(len(specs))], owner


def render_issue(specs: list[Spec], kind: str, lay: Layout) -> tuple[bytes, int]:
    """Typeset the issue; fills spec.fpage/npages/pdf_first. Call twice (TOC needs pages)."""
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=(PW, PH), invariant=1, pageCompression=1)
    c.setTitle(f"{JOURNAL_ZH} {ISSUE_LABEL}")
    c.setAuthor(PUBLISHER)
    c.setCreator(CREATOR)
    c.setProducer("ReportLab")
    phys = 0
    printed = lay.first_printed

    def new_page():
        nonlocal phys
        c.showPage()
        phys += 1

    if lay.cover:
        draw_cover(c)
        new_page()
    if lay.toc:
        draw_toc(c, [(s.section, s) for s in specs])
        new_page()
    if lay.labels:
        c.addPageLabel(0, style="ROMAN_LOWER", start=1)
        c.addPageLabel(phys, style="ARABIC", start=lay.first_printed)
    running = f"{JOURNAL_ZH}　{ISSUE_LABEL}"

    def odd_head(s: Spec) -> str:
        if s.layout == "cnki":
            first = s.authors[0].zh + ("，等" if len(s.authors) > 1 else "")
            return f"{first}：{s.short}"
        return s.short

    if lay.continuous:
        pages, spans, owner = continuous_pages(specs)
        for s, (a, b) in zip(specs, spans):
            s.fpage, s.npages, s.pdf_first = printed + a, b - a + 1, phys + 1 + a
        for pi, p in enumerate(pages):
            # the running head of the article at the top of the page, unless it starts here
            top = next(owner[id(ln)] for ln in p.lines if id(ln) in owner)
            header(c, printed, running, running if spans[top][0] == pi else odd_head(specs[top]))
            draw_page_body(c, p, None)
            new_page()
            printed += 1
    for idx, s in enumerate([] if lay.continuous else specs):
        if kind == "seed" and idx == 1:          # blank page after the 卷首语
            new_page()
            printed += 1
        if kind == "seed" and idx == 4:          # advert before the last article
            draw_advert(c)
            new_page()
            printed += 1
        lines, fixed = article_lines(s)
        notes = NOTES if s.layout != "cnki" else None
        pages = paginate(lines, notes, fixed)
        s.fpage, s.npages, s.pdf_first = printed, len(pages), phys + 1
        if lay.outline:
            key = f"art{idx + 1}"
            c.bookmarkPage(key)
            c.addOutlineEntry(s.title, key, level=0)
        odd = odd_head(s)
        for p in pages:
            header(c, printed, running, odd if p is not pages[0] else running)
            draw_page_body(c, p, notes)
            new_page()
            printed += 1
    if lay.english:
        en_specs = [s for s in specs if s.type == "research-article"]
        pages = paginate(english_section_lines(en_specs), None)
        for p in pages:
            header(c, printed, running, "英文摘要")
            draw_page_body(c, p, None)
            new_page()
            printed += 1
    c.save()
    return buf.getvalue(), phys


# =========================================================================================
# Font rewriting (pypdf): UCS2 CID font -> Identity-H GB1 CIDs, or -> embedded TTF subset
# =========================================================================================
_TOKEN = re.compile(rb"(/[A-Za-z0-9.+-]+)\s+[\d.]+\s+Tf|\(((?:\\[0-7]{1,3}|\\.|[^\\()])*)\)\s*Tj"
                    rb"|<([0-9A-Fa-f\s]*)>\s*Tj", re.S)
_ESC = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _unescape(lit: bytes) -> bytes:
    out = bytearray()
    i = 0
    while i < len(lit):
        ch = lit[i:i + 1]
        if ch != b"\\":
            out += ch
            i += 1
            continue
        m = re.match(rb"[0-7]{1,3}", lit[i + 1:i + 4])
        if m:
            out.append(int(m.group(0), 8) & 0xFF)
            i += 1 + len(m.group(0))
        else:
            nxt = lit[i + 1:i + 2]
            out += _ESC.get(nxt, nxt)
            i += 2
    return bytes(out)


def _rewrite_strings(writer, recode) -> None:
    """Re-encode every `(..) Tj` string shown in the Chinese font (reportlab only emits Tj)."""
    from pypdf.generic import NameObject, StreamObject

    for page in writer.pages:
        fonts = page["/Resources"]["/Font"]
        cjk_names = {n.encode() for n, f in fonts.items() if f.get_object().get("/Encoding") == "/UniGB-UCS2-H"}
        data = page.get_contents().get_data()
        cur = [b""]

        def sub(m: re.Match) -> bytes:
            if m.group(1) is not None:
                cur[0] = m.group(1)
                return m.group(0)
            if cur[0] not in cjk_names:
                return m.group(0)
            raw = _unescape(m.group(2)) if m.group(2) is not None else bytes.fromhex(m.group(3).decode())
            return b"<" + recode(raw).hex().upper().encode() + b"> Tj"

        new = _TOKEN.sub(sub, data)
        stream = StreamObject()
        stream.set_data(new)
        page[NameObject("/Contents")] = writer._add_object(stream)


def _ucs2_chars(b: bytes) -> str:
    return b.decode("utf-16-be")


def _finish(writer, tag: str) -> bytes:
    from pypdf.generic import ArrayObject, ByteStringObject

    for page in writer.pages:
        page.compress_content_streams()
    digest = hashlib.md5(tag.encode()).digest()
    writer._ID = ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def to_gb1(pdf: bytes) -> bytes:
    from pdfminer.cmapdb import CMapDB
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, NumberObject

    cmap = CMapDB.get_cmap("UniGB-UCS2-H")

    def recode(b: bytes) -> bytes:
        out = bytearray()
        for ch in _ucs2_chars(b):
            cids = list(cmap.decode(ch.encode("utf-16-be")))
            if not cids:
                raise ValueError(f"no Adobe-GB1 CID for {ch!r}")
            out += cids[0].to_bytes(2, "big")
        return bytes(out)

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    _rewrite_strings(writer, recode)
    done = set()
    for page in writer.pages:
        for f in page["/Resources"]["/Font"].values():
            fo = f.get_object()
            if id(fo) in done or fo.get("/Encoding") != "/UniGB-UCS2-H":
                continue
            done.add(id(fo))
            fo[NameObject("/Encoding")] = NameObject("/Identity-H")
            desc = fo["/DescendantFonts"][0].get_object()
            desc["/CIDSystemInfo"].get_object()[NameObject("/Supplement")] = NumberObject(5)
    return _finish(writer, "issue_seed_gb1")


def to_ttf(pdf: bytes, tag: str) -> bytes:
    from fontTools import subset

    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
    from fontTools.ttLib import TTCollection
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject,
                               NumberObject, TextStringObject)

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    used: set[str] = set()
    _rewrite_strings(writer, lambda b: (used.update(_ucs2_chars(b)), b)[1])  # pass 1: collect
    coll = TTCollection(TTF_PATH, recalcTimestamp=False)
    font = next(f for f in coll.fonts if f["name"].getDebugName(4) == TTF_NAME)
    missing = [ch for ch in used if ord(ch) not in font.getBestCmap()]
    if missing:
        raise ValueError(f"{TTF_NAME} lacks {''.join(sorted(missing))}")
    opts = subset.Options()
    opts.hinting = False
    opts.layout_features = []
    opts.name_IDs = [1, 2, 4, 6]
    opts.notdef_outline = True
    opts.drop_tables += ["GDEF", "GPOS", "GSUB", "VORG", "vhea", "vmtx", "gasp", "EBDT", "EBLC", "EBSC"]
    opts.recalc_timestamp = False
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=sorted(ord(ch) for ch in used))
    sub.subset(font)
    data = io.BytesIO()
    font.save(data)
    ttf = data.getvalue()
    order = {name: i for i, name in enumerate(font.getGlyphOrder())}
    cmap = font.getBestCmap()
    gid = {ch: order[cmap[ord(ch)]] for ch in used}
    upm = font["head"].unitsPerEm

    def recode(b: bytes) -> bytes:
        return b"".join(gid[ch].to_bytes(2, "big") for ch in _ucs2_chars(b))

    _rewrite_strings(writer, recode)
    widths = {gid[ch]: pdfmetrics.stringWidth(ch, CJK, 1000) for ch in used}
    w = ArrayObject()
    for g in sorted(widths):
        w += [NumberObject(g), ArrayObject([NumberObject(int(round(widths[g])))])]
    base = "JIUTTF+" + TTF_NAME.replace(" ", "")
    ff = DecodedStreamObject()
    ff.set_data(ttf)
    ff[NameObject("/Length1")] = NumberObject(len(ttf))
    ff = ff.flate_encode()
    head = font["head"]
    scale = 1000 / upm
    desc = DictionaryObject({
        NameObject("/Type"): NameObject("/FontDescriptor"),
        NameObject("/FontName"): NameObject("/" + base),
        NameObject("/Flags"): NumberObject(4),
        NameObject("/FontBBox"): ArrayObject([NumberObject(int(v * scale)) for v in
                                              (head.xMin, head.yMin, head.xMax, head.yMax)]),
        NameObject("/ItalicAngle"): NumberObject(0),
        NameObject("/Ascent"): NumberObject(880), NameObject("/Descent"): NumberObject(-120),
        NameObject("/CapHeight"): NumberObject(700), NameObject("/StemV"): NumberObject(80),
        NameObject("/FontFile2"): writer._add_object(ff),
    })
    cid = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/CIDFontType2"),
        NameObject("/BaseFont"): NameObject("/" + base),
        NameObject("/CIDSystemInfo"): DictionaryObject({
            NameObject("/Registry"): TextStringObject("Adobe"), NameObject("/Ordering"): TextStringObject("Identity"),
            NameObject("/Supplement"): NumberObject(0)}),
        NameObject("/FontDescriptor"): writer._add_object(desc),
        NameObject("/DW"): NumberObject(1000), NameObject("/W"): w,
        NameObject("/CIDToGIDMap"): NameObject("/Identity"),
    })
    del FloatObject
    done = set()
    for page in writer.pages:
        for f in page["/Resources"]["/Font"].values():
            fo = f.get_object()
            if id(fo) in done or fo.get("/Encoding") != "/UniGB-UCS2-H":
                continue
            done.add(id(fo))
            for k in list(fo.keys()):
                del fo[k]
            fo.update({
                NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type0"),
                NameObject("/BaseFont"): NameObject("/" + base), NameObject("/Encoding"): NameObject("/Identity-H"),
                NameObject("/DescendantFonts"): ArrayObject([writer._add_object(cid)]),
            })
    return _finish(writer, tag)


# =========================================================================================
# Truth
# =========================================================================================
def citations_of(spec: Spec) -> list[Citation]:
    if spec.layout == "cnki":
        texts = list(spec.refs)
    else:
        texts = [NOTES[k] for _, t in spec.body for k in re.findall(r"\{(\w+)\}", t)]
    out = []
    for n, t in enumerate(texts, 1):
        urls = [u.rstrip(".") for u in re.findall(r"<?(https?://[^\s<>]+)>?", t)]
        urls = [u[:-1] if u.endswith(">") else u for u in urls]
        m = re.search(r"\[(\d{4}-\d{2}-\d{2})\]", t)
        out.append(Citation(n, t, urls, m.group(1) if m else None))
    return out


def article_truth(i: int, s: Spec, en_section: bool) -> Article:
    has_en = s.layout == "cnki" or (en_section and s.type == "research-article")
    a = Article(
        id=f"a{i + 1:02d}", type=s.type, pdf_pages=[s.pdf_first, s.pdf_first + s.npages - 1],
        fpage=str(s.fpage), lpage=str(s.fpage + s.npages - 1),
        title=LangText(s.title, s.title_en if has_en else ""),
        contributors=[Contributor(LangText(a.zh, a.en if has_en else ""), a.pinyin, a.surname, a.given,
                                  a.affiliation, a.bio, a.email) for a in s.authors],
        abstract=LangText(s.abstract, s.abstract_en if has_en else ""),
        keywords=Keywords(list(s.keywords), list(s.keywords_en) if has_en else []),
        clc=list(s.clc), doc_code=s.doc_code, doi=s.doi, doi_source="printed" if s.doi else "",
        article_no=article_no(s) if s.has_article_no else "", funding=s.funding, received=s.received,
        citations=citations_of(s), language="zh",
        warnings=[Warning(c, m) for c, m in s.warnings],
    )
    return a


def issue_truth(pdf: bytes, specs: list[Spec], npages: int, en_section: bool, cover: bool) -> Issue:
    journal = Journal(LangText(JOURNAL_ZH, JOURNAL_EN if cover else ""), ISSN, CN if cover else "", "",
                      PUBLISHER if cover else "")
    return Issue(Source("issue.pdf", hashlib.sha256(pdf).hexdigest(), npages), journal, YEAR, "", ISSUE_NO,
                 [article_truth(i, s, en_section) for i, s in enumerate(specs)], [])


# =========================================================================================
# Cases
# =========================================================================================
def build(kind: str, specs: list[Spec], lay: Layout) -> tuple[bytes, int]:
    render_issue(specs, kind, lay)         # pass 1: page numbers for 目录 and 文章编号
    return render_issue(specs, kind, lay)  # pass 2: final


def case_seed(variant: str):
    specs = seed_issue_specs()
    lay = Layout(outline=variant == "ucs2", labels=variant == "ucs2")
    pdf, n = build("seed", specs, lay)
    if variant == "gb1":
        pdf = to_gb1(pdf)
    return pdf, issue_truth(pdf, specs, n, True, True)


def on_press_sheets(pdf: bytes, tag: str, bleed: float = 36.0) -> bytes:
    """The issue as a typesetter sends it to print: each page set on a larger sheet (its
    MediaBox and CropBox) with crop marks and the layout program's slug line outside the
    TrimBox, which is the finished page (PDF 32000-1 §14.11.2): file name, a page number,
    date and time, and a Chinese proofing note."""
    from pypdf import PdfReader, PdfWriter, Transformation
    from pypdf.generic import RectangleObject

    reader, writer = PdfReader(io.BytesIO(pdf)), PdfWriter()
    for k, page in enumerate(reader.pages):
        pw, ph = float(page.mediabox.width), float(page.mediabox.height)
        x0, y0 = float(page.mediabox.left), float(page.mediabox.bottom)
        buf = io.BytesIO()
        c = rl_canvas.Canvas(buf, pagesize=(pw + 2 * bleed, ph + 2 * bleed), invariant=1)
        c.setLineWidth(0.3)
        for x, y in ((bleed, bleed), (bleed + pw, bleed), (bleed, bleed + ph), (bleed + pw, bleed + ph)):
            dx = -1 if x == bleed else 1
            dy = -1 if y == bleed else 1
            c.line(x + 6 * dx, y, x + 30 * dx, y)
            c.line(x, y + 6 * dy, x, y + 30 * dy)
        c.setFont("Helvetica", 6)
        c.drawString(bleed, 10, f"DBYXK-2023-06-inner.indd   {k + 1}")
        c.drawString(bleed + 200, 10, f"2023/6/12   10:15:{k:02d}")
        c.setFont(CJK, 6)
        c.drawString(bleed + pw - 150, 10, f"第{k + 1}页  排版：王五  2023年6月12日 校")
        c.showPage()
        c.save()
        sheet = writer.add_page(PdfReader(buf).pages[0])
        sheet.merge_transformed_page(page, Transformation().translate(bleed - x0, bleed - y0))
        sheet.trimbox = RectangleObject([bleed, bleed, bleed + pw, bleed + ph])
        sheet.bleedbox = RectangleObject([bleed - 9, bleed - 9, bleed + pw + 9, bleed + ph + 9])
    return _finish(writer, tag)


def on_larger_paper(pdf: bytes, tag: str, paper: tuple[float, float] = (595.28, 841.89)) -> bytes:
    """The issue exported onto paper larger than its trim (a 16开 issue onto A4): each page
    centred on the paper, which is the MediaBox, with no TrimBox to say where the page was
    cut and no marks."""
    from pypdf import PdfReader, PdfWriter, Transformation
    from pypdf.generic import RectangleObject

    reader, writer = PdfReader(io.BytesIO(pdf)), PdfWriter()
    for page in reader.pages:
        pw, ph = float(page.mediabox.width), float(page.mediabox.height)
        x0, y0 = float(page.mediabox.left), float(page.mediabox.bottom)
        sheet = writer.add_blank_page(*paper)
        sheet.merge_transformed_page(page, Transformation().translate((paper[0] - pw) / 2 - x0, (paper[1] - ph) / 2 - y0))
        sheet.mediabox = RectangleObject([0, 0, *paper])
    return _finish(writer, tag)


def case_printer_marks():
    specs = seed_issue_specs()
    pdf, n = build("seed", specs, Layout(outline=False, labels=False))
    pdf = on_press_sheets(to_gb1(pdf), "issue_printer_marks", bleed=72.0)
    return pdf, issue_truth(pdf, specs, n, True, True)


def turned_pages(pdf: bytes, tag: str) -> bytes:
    """The pages turned as drivers and imposition tools leave them: page k's content drawn
    turned by 90, 180, 270 or 0 degrees with /Rotate set so that it displays upright (PDF
    32000-1 §7.7.3.3), and one page turned by /Rotate alone (a landscape page turned in a
    viewer: its content is upright as drawn, the page shows sideways)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for k, page in enumerate(writer.pages):
        turn = (90, 180, 270, 0)[k % 4]
        if k == 3:
            page.rotate(90)                      # /Rotate only
            continue
        page.rotate((360 - turn) % 360)          # shown turned back by the angle...
        page.transfer_rotation_to_content()      # ...with the turn moved into the content
        page.rotate(turn)                        # and the /Rotate that shows it upright
    return _finish(writer, tag)


def hidden_layers(pdf: bytes, tag: str) -> bytes:
    """Layers a typesetter leaves in a PDF (PDF 32000-1 §8.11): on every page a proof note in
    an optional content group the document shows OFF, the same note in a form XObject of
    that group and in a membership dictionary (OCMD) over it, and a line in a layer shown ON
    (a space: the page reads as before)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, NumberObject,
                               TextStringObject)

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))

    def add(d: dict) -> object:
        return writer._add_object(DictionaryObject({NameObject(k): v for k, v in d.items()}))

    off = add({"/Type": NameObject("/OCG"), "/Name": TextStringObject("校对批注 proof notes")})
    on = add({"/Type": NameObject("/OCG"), "/Name": TextStringObject("Text")})
    ocmd = add({"/Type": NameObject("/OCMD"), "/OCGs": ArrayObject([off]), "/P": NameObject("/AnyOn")})
    writer._root_object[NameObject("/OCProperties")] = DictionaryObject({
        NameObject("/OCGs"): ArrayObject([off, on]),
        NameObject("/D"): DictionaryObject({NameObject("/OFF"): ArrayObject([off]), NameObject("/ON"): ArrayObject([on])})})
    font = add({"/Type": NameObject("/Font"), "/Subtype": NameObject("/Type1"), "/BaseFont": NameObject("/Helvetica"),
                "/Encoding": NameObject("/WinAnsiEncoding")})
    note = b"BT /FProof 9 Tf 60 %d Td (PROOF: check folio, received 2023-06-12, DOI 10.9999/proof.1) Tj ET"
    form = DecodedStreamObject()
    form.set_data(note % 14)
    form.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                 NameObject("/BBox"): ArrayObject([NumberObject(0), NumberObject(0), NumberObject(600), NumberObject(40)]),
                 NameObject("/OC"): off,
                 NameObject("/Resources"): DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/FProof"): font})})})
    form_ref = writer._add_object(form)
    for page in writer.pages:
        res = page["/Resources"].get_object()
        res["/Font"].get_object()[NameObject("/FProof")] = font
        res[NameObject("/Properties")] = DictionaryObject({NameObject("/Lproof"): off, NameObject("/Ltext"): on,
                                                          NameObject("/Mproof"): ocmd})
        xobjects = res.get("/XObject")
        if xobjects is None:
            res[NameObject("/XObject")] = xobjects = DictionaryObject()
        xobjects.get_object()[NameObject("/XProof")] = form_ref
        extra = (b"\n/OC /Lproof BDC " + note % 30 + b" EMC"
                 b"\n/OC /Mproof BDC " + note % 22 + b" EMC"
                 b"\nq 1 0 0 1 0 0 cm /XProof Do Q"
                 b"\n/OC /Ltext BDC BT /FProof 1 Tf 0 0 Td ( ) Tj ET EMC\n")
        content = DecodedStreamObject()
        content.set_data(page.get_contents().get_data() + extra)
        page.replace_contents(content)
    return _finish(writer, tag)


def case_single_layers():
    specs = [seed_issue_specs()[1]]
    pdf, n = build("single", specs, Layout(cover=False, toc=False, english=False, first_printed=43))
    pdf = hidden_layers(pdf, "single_article_layers")
    return pdf, issue_truth(pdf, specs, n, False, False)


def case_single_turned():
    specs = [seed_issue_specs()[1]]
    pdf, n = build("single", specs, Layout(cover=False, toc=False, english=False, first_printed=43))
    pdf = turned_pages(pdf, "single_article_turned")
    return pdf, issue_truth(pdf, specs, n, False, False)


def as_spreads(pdf: bytes, tag: str) -> bytes:
    """The issue as InDesign's "export as spreads" draws it: facing pages side by side on
    one PDF page twice as wide, the first page (a right-hand page) alone, then 2|3, 4|5, …
    and a last even page alone; each printed page keeps its folio at its outer corner."""
    from pypdf import PdfReader, PdfWriter, Transformation

    reader, writer = PdfReader(io.BytesIO(pdf)), PdfWriter()
    pages = list(reader.pages)
    groups = [[pages[0]]] + [pages[k:k + 2] for k in range(1, len(pages), 2)]
    for group in groups:
        pw, ph = float(group[0].mediabox.width), float(group[0].mediabox.height)
        sheet = writer.add_blank_page(pw * len(group), ph)
        for k, page in enumerate(group):
            sheet.merge_transformed_page(page, Transformation().translate(pw * k, 0))
    return _finish(writer, tag)


def spread_of(page: int) -> int:
    """The PDF page (spread) that holds printed page `page` (1-based) in as_spreads' layout."""
    return page // 2 + 1


def case_spreads():
    specs = seed_issue_specs()
    pdf, n = build("seed", specs, Layout(outline=False, labels=False))
    pdf = as_spreads(pdf, "issue_spreads")
    truth = issue_truth(pdf, specs, spread_of(n), True, True)
    for art in truth.articles:
        art.pdf_pages = [spread_of(art.pdf_pages[0]), spread_of(art.pdf_pages[1])]
    return pdf, truth


def case_cnki():
    specs = cnki_specs()
    pdf, n = build("cnki", specs, Layout(cover=False, english=False, first_printed=15))
    pdf = to_ttf(pdf, "issue_cnki_ttf")
    return pdf, issue_truth(pdf, specs, n, False, False)


def case_cnki_continuous():
    specs = cnki_continuous_specs()
    pdf, n = build("cnki", specs, Layout(cover=False, english=False, first_printed=16, continuous=True))
    pdf = to_ttf(pdf, "issue_cnki_continuous")
    return pdf, issue_truth(pdf, specs, n, False, False)


def case_single():
    specs = [seed_issue_specs()[1]]
    pdf, n = build("single", specs, Layout(cover=False, toc=False, english=False, first_printed=43))
    return pdf, issue_truth(pdf, specs, n, False, False)


CASES = {
    "issue_seed_ucs2": lambda: case_seed("ucs2"),
    "issue_seed_gb1": lambda: case_seed("gb1"),
    "issue_cnki_ttf": case_cnki,
    "issue_cnki_continuous": case_cnki_continuous,
    "single_article": case_single,
    "issue_printer_marks": case_printer_marks,
    "single_article_turned": case_single_turned,
    "single_article_layers": case_single_layers,
    "issue_spreads": case_spreads,
}

JOURNAL_TOML = f'''# Journal settings for the fixtures (see schemas/settings.py). Values the PDFs print
# (title, ISSN, CN, publisher) are identical here, so settings never contradict the truth.
[journal]
title_zh = "{JOURNAL_ZH}"
title_en = "{JOURNAL_EN}"
issn = "{ISSN}"
cn = "{CN}"
publisher = "{PUBLISHER}"
publisher_loc = "天津"
doi_prefix = "10.19498"
url_pattern = "https://dbyxk.example.org/article/{{doi}}"
depositor_name = "东北亚学刊编辑部"
depositor_email = "dbyxk@example.org"
registrant = "东北亚学刊编辑部"
language = "zh"
'''


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(HERE / "fixtures"), help="fixtures directory (default: tests/fixtures)")
    ap.add_argument("cases", nargs="*", help=f"cases to build (default: all of {', '.join(CASES)})")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "journal.toml").write_text(JOURNAL_TOML, encoding="utf-8")
    for name in args.cases or CASES:
        pdf, truth = CASES[name]()
        d = out / name
        d.mkdir(parents=True, exist_ok=True)
        (d / "issue.pdf").write_bytes(pdf)
        (d / "expected.json").write_text(json.dumps(truth.to_dict(), ensure_ascii=False, indent=2) + "\n",
                                         encoding="utf-8")
        print(f"{name}: {truth.source.pages} pages, {len(truth.articles)} articles, {len(pdf) // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
