from parsers.normalize import fullwidth_to_ascii, is_cjk, normalize_text


def test_fullwidth_alnum_to_ascii_keeps_chinese_punctuation():
    assert normalize_text("ＴＶ２１２；ＴＰ３９１．９") == "TV212；TP391.9"
    assert normalize_text("（ＡＢＣ）“引号”《书名》，。：") == "（ABC）“引号”《书名》，。："
    assert fullwidth_to_ascii("１０．１９４９８／ｊ") == "10.19498/j"


def test_nfc():
    assert normalize_text("e\u0301te\u0301") == "\u00e9t\u00e9"


def test_justification_spaces_between_cjk_removed():
    assert normalize_text("不 同 社 会 阶 层") == "不同社会阶层"
    assert normalize_text("结 论。 其 次，") == "结论。其次，"
    # spaces next to Latin text are kept (collapsed)
    assert normalize_text("利用两期  CGSS 的调查") == "利用两期 CGSS 的调查"
    assert normalize_text("in  2013   and") == "in 2013 and"


def test_ideographic_space_policy():
    # deliberate separators between CJK words stay U+3000
    assert normalize_text("关键词：日本　北约　亚太安全") == "关键词：日本\u3000北约\u3000亚太安全"
    assert normalize_text("关键词：日本　北约").split() == ["关键词：日本", "北约"]
    # letter-spaced one-character labels close up
    assert normalize_text("摘　要：本文") == "摘要：本文"
    assert normalize_text("作者：陈　静") == "作者：陈静"
    # elsewhere it is an ordinary space; leading/trailing stripped
    assert normalize_text("　　冷战时期") == "冷战时期"
    assert normalize_text("A　B") == "A B"


def test_is_cjk():
    assert is_cjk("中") and is_cjk("，") and is_cjk("。") and is_cjk("の") and is_cjk("한")
    assert is_cjk("𠀀")
    assert not is_cjk("A") and not is_cjk("1") and not is_cjk(" ") and not is_cjk("\u3000")
    assert not is_cjk("")


def test_empty():
    assert normalize_text("") == ""
    assert normalize_text("   ") == ""


def test_latin_ligatures_spelt_out():
    assert normalize_text("ﬁnal ﬂow eﬀect oﬃce baﬄe") == "final flow effect office baffle"


def test_fullwidth_marks_in_an_english_line_become_english_marks():
    assert normalize_text("Sexuality，Sexual Network，HIV Risks，Money Boys") == "Sexuality, Sexual Network, HIV Risks, Money Boys"
    assert normalize_text("Keywords：Gender Choice；Gender Transition") == "Keywords: Gender Choice; Gender Transition"
    assert normalize_text("Journal of Northeast Normal University（Philosophy and Social Sciences）") == \
        "Journal of Northeast Normal University (Philosophy and Social Sciences)"
    # Chinese lines and codes keep them
    assert normalize_text("随机将其分为A，B，C 3组") == "随机将其分为A，B，C 3组"
    assert normalize_text("ＴＶ２１２；ＴＰ３９１．９") == "TV212；TP391.9"
    assert normalize_text("关键词：日本，北约") == "关键词：日本，北约"


def test_a_letter_spaced_name_ends_where_the_gap_widens() -> None:
    """A two-character name spread to the width of three (王　芳) is closed up; the wider gap
    after it (two ideographic spaces, a Founder byline's 摇摇 repaired) still parts two names,
    while a letter-spaced label with even gaps (关　键　词) closes up whole."""
    assert normalize_text("王　芳　　赵明华") == "王芳\u3000赵明华"
    assert normalize_text("王　芳　　李　明　　赵明华") == "王芳\u3000李明\u3000赵明华"
    assert normalize_text("关　键　词") == "关键词"
    assert normalize_text("摘　要：本文") == "摘要：本文"


def test_a_name_letter_spaced_with_typed_spaces_keeps_the_wider_gap_after_it() -> None:
    """A byline set in Word with typed spaces (王 建 国　　李 思 远; a two-character name 张 伟):
    the text layer marks each drawn space between ideographs, and the ideographic space after
    such a word, wider than its letter-spacing, still parts two names."""
    from parsers.textlayer import _normalize_keeping_spaces

    assert _normalize_keeping_spaces("王 建 国\u3000\u3000李 思 远") == "王 建 国\u3000李 思 远"
    assert _normalize_keeping_spaces("张 伟\u3000\u3000李晓明\u3000\u3000王 芳") == "张 伟\u3000李晓明\u3000王 芳"
    assert _normalize_keeping_spaces("吉林 长春") == "吉林 长春"  # (one printed space stays one)


def test_a_one_character_word_set_apart_like_the_word_before_it_stays_apart() -> None:
    """A translated piece's byline, 史密斯　著　王建国　译: the role 著 is set apart by the same
    gap as the name before it, so it is a word, not a letter-spaced label (摘　要 opens its line)."""
    assert normalize_text("约翰·史密斯　著　王建国　译") == "约翰·史密斯\u3000著\u3000王建国\u3000译"
    assert normalize_text("王　芳　李　明") == "王芳李明"   # (even gaps from the line start: closed up)


def test_radicals_an_export_named_for_common_characters_are_those_characters() -> None:
    """A font drawing 文 with the glyph it shares with the Kangxi radical ⽂, an export naming the
    radical: labels and titles read as printed (a Kangxi radical by NFKC, a CJK Radicals
    Supplement character by Unicode's EquivalentUnifiedIdeograph)."""
    assert normalize_text("⽂献标识码：A") == "文献标识码：A"
    assert normalize_text("⻓江⻔户的⺠族⻛格") == "长江门户的民族风格"
    assert normalize_text("⼈⼯智能") == "人工智能"
    # the ideographs themselves and other symbols are left as they are
    assert normalize_text("文献 ⿰ ㄅ") == "文献 ⿰ ㄅ"
