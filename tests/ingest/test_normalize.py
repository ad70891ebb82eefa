"""Normalization: what it removes, what it keeps, and the map back to raw offsets."""

from __future__ import annotations

from nlp.ingest.normalize import normalize


def _roundtrip_ok(raw: str) -> bool:
    n = normalize(raw, simplify=False)
    return all(ch == "\n" or raw[n.offsets[i]] == ch for i, ch in enumerate(n.text))


def test_markdown_escape_is_undone_and_offsets_point_at_the_kept_chars():
    raw = "计划于20\\_\\_年实施"
    n = normalize(raw)
    assert n.text == "计划于20__年实施"
    assert _roundtrip_ok(raw)


def test_markdown_heading_and_bullet_marks_are_stripped_but_remembered():
    raw = "## 2. 三月\n\n- 1、慰问退休职工\n* 2、走访困难户"
    n = normalize(raw)
    assert n.text == "2. 三月\n\n1、慰问退休职工\n2、走访困难户"
    assert [(m.kind, m.raw) for m in n.line_marks] == [("heading", "## "), ("bullet", "- "), ("bullet", "* ")]
    assert [n.text[m.start:m.start + 2] for m in n.line_marks] == ["2.", "1、", "2、"]


def test_word_broken_across_a_blank_line_is_rejoined():
    raw = "五、把学习培训作为提高干部能力的重要内\n\n容\n\n1、开展培训。"
    n = normalize(raw)
    assert "重要内容" in n.text
    assert len(n.repairs) == 1


def test_long_paragraph_cut_mid_sentence_is_rejoined_but_a_heading_line_is_not():
    raw = ("为了进一步做好职工服务工作，工会将组织全体会员开展岗位练兵，同时举办“争\n\n"
           "当技术能手”竞赛活动。\n\n二、加强宣传\n\n通过网络开辟阵地。")
    n = normalize(raw)
    assert "举办“争当技术能手”" in n.text
    assert "\n\n二、加强宣传\n\n通过" in n.text


def test_short_title_line_is_never_glued_to_the_next_paragraph():
    raw = "学校工会计划篇六\n\n新的一年即将到来，为了更好地服务教职工，特制定本计划。"
    assert normalize(raw).text.startswith("学校工会计划篇六\n\n")


def test_stray_web_artifacts_between_chinese_characters_are_removed():
    raw = "关心职工的`生活，研究的.方法，今年,##区被评为先进"
    assert normalize(raw).text == "关心职工的生活，研究的方法，今年,区被评为先进"


def test_numbers_brackets_and_decimals_are_left_alone():
    raw = "（一）完成1.5万人次培训，5.1服务卡，3.12植树节"
    assert normalize(raw).text == raw


def test_traditional_text_stays_as_printed_with_a_simplified_view_of_the_same_length():
    raw = "工會將組織職工開展勞動競賽，維護職工合法權益。"
    n = normalize(raw)
    assert n.simplified
    assert n.text == raw
    assert n.match_text == "工会将组织职工开展劳动竞赛，维护职工合法权益。"
    assert len(n.match_text) == len(n.text)


def test_a_phrase_conversion_that_changes_length_falls_back_to_one_character_for_one():
    # OpenCC's phrase tables may rewrite a word into one of another length; the view never does.
    raw = "學校將於週三舉辦運動會，並組織教職員參與籃球、羽毛球賽事。"
    n = normalize(raw)
    assert len(n.match_text) == len(raw)
    assert "学校将于" in n.match_text


def test_no_simplify_keeps_traditional_text_without_a_view():
    raw = "工會將組織職工開展勞動競賽，維護職工合法權益。"
    n = normalize(raw, simplify=False)
    assert n.text == raw and n.match_text == raw and not n.simplified


def test_simplified_text_is_not_converted():
    raw = "工会将组织职工开展劳动竞赛。"
    n = normalize(raw)
    assert not n.simplified and n.match_text is n.text


def test_crlf_and_indentation_are_dropped():
    raw = "　　一、指导思想\r\n　　认真学习。\r\n"
    n = normalize(raw)
    assert n.text == "一、指导思想\n认真学习。"
    assert _roundtrip_ok(raw)


def test_dot_of_a_chinese_numeral_enumerator_is_kept():
    assert normalize("一.夯实工作基础\n二.强化服务").text == "一.夯实工作基础\n二.强化服务"


def test_markdown_bold_marks_are_removed_but_a_star_placeholder_is_kept():
    n = normalize("**一、指导思想**\n\n***市工会要求**全体**会员参加")
    assert n.text == "一、指导思想\n\n***市工会要求全体会员参加"


def test_a_long_heading_line_is_not_glued_to_the_paragraph_below():
    raw = "三、持续推进暖心行动，帮助困难会员增收，维护车间的和谐\n\n和谐是生产顺利的保障。"
    assert "\n\n和谐是" in normalize(raw).text


def test_the_matching_view_reads_corner_quotes_as_curly_quotes():
    raw = "學校工會將於三月舉辦「三八」婦女節聯誼活動，並組織『健康講座』。"
    n = normalize(raw)
    assert n.text == raw
    assert "“三八”妇女节" in n.match_text and "‘健康讲座’" in n.match_text
