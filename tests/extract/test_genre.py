"""Genre (plan / summary / mixed) and organisation type from cue counts (own texts)."""

from __future__ import annotations

import json

import pytest

from nlp.extract.genre import (
    classify_genre,
    classify_org_type,
    genre_cues,
    names_document,
    sentence_lean,
)
from nlp.model import Article

from conftest import GOLD


def art(text: str, title: str = "") -> Article:
    return Article(source="t", index=0, title=title, text=text)


PLAN_TEXT = (
    "新的一年，工会将围绕中心工作，进一步加强自身建设。\n"
    "一、要抓好职工教育培训，力争全年培训骨干200人次。\n"
    "二、继续推进厂务公开，确保职代会按期召开。\n"
    "三、积极开展送温暖活动，做好困难职工帮扶。\n"
)
REPORT_TEXT = (
    "一年来，我们在上级工会的领导下做了大量工作，现总结如下。\n"
    "一、开展了职工技能比武，共有12支队伍参赛。\n"
    "二、走访慰问困难职工46户，发放慰问金3万元，受到职工好评。\n"
    "三、已建成职工书屋2个，取得了良好效果。\n"
)
MIXED_TEXT = (
    "上半年，我们开展了岗位练兵，评选了技术能手8名。\n"
    "已完成职代会换届，选出了新一届委员。\n"
    "组织了春季运动会，参加职工达到了300人。\n"
    "走访了困难职工20户，发放了慰问金。\n"
    "举办了读书月活动，收到了征文56篇。\n"
    "下半年，我们将继续推进厂务公开，要做好送温暖工作。\n"
    "要抓好安全生产监督，力争实现零事故。\n"
    "将组织技能竞赛，确保参赛人数不少于200人。\n"
    "要进一步加强工会干部培训。\n"
    "要深化劳动竞赛，积极推进技术创新。\n"
    "将继续做好困难职工帮扶，确保帮扶到位。\n"
    "要丰富职工文化生活，将举办文艺汇演。\n"
    "要加强女职工工作，力争建立女工委。\n"
    "将推进职工之家建设，争取创建模范职工之家。\n"
    "要完善制度，确保经费规范使用。\n"
    "将继续推进民主管理，做好厂务公开。\n"
)


def test_sentence_lean():
    assert sentence_lean("我们将进一步做好这项工作") == "forward"
    assert sentence_lean("我们圆满完成了这项工作") == "backward"
    assert sentence_lean("工会是职工之家") is None


def test_plan():
    genre, cues = classify_genre(art(PLAN_TEXT))
    assert genre == "plan"
    assert cues["forward_sentences"] >= 3


def test_summary():
    genre, cues = classify_genre(art(REPORT_TEXT))
    assert genre == "summary"
    assert cues["backward_phrases"] >= 1  # 现总结如下


def test_mixed():
    assert classify_genre(art(MIXED_TEXT))[0] == "mixed"


def test_title_tips_a_balanced_text():
    text = "工会今年开展了岗位练兵。工会要组织技能比武。"
    assert classify_genre(art(text, "机关工会工作总结"))[0] == "summary"
    assert classify_genre(art(text, "机关工会工作计划"))[0] == "plan"
    assert genre_cues(text, "机关工会工作计划")["forward_title"] == 1


def _at(text: str, word: str = "工作总结") -> bool:
    return names_document(text, text.index(word))


def test_a_document_noun_frames_where_it_names_the_document():
    assert _at("街道工会2023年工作总结\n一年来，我们做了大量工作。")
    assert _at("现将本年度工作总结报告如下。")


@pytest.mark.parametrize("text", [
    "11月：做好年度工会工作总结和资料归档。",  # a to-do verb opens its clause
    "年底前，认真撰写全年工作总结。",
    "十二月份：元旦联欢；经费审计；工会工作总结。",  # an item of a schedule line
    "第四季度：工会工作总结",
    "（五）年终工作总结",  # an enumerated list item
    "7、上半年工会工作总结8月份",
])
def test_a_scheduled_summary_is_a_task_not_a_frame(text):
    assert not _at(text)


def test_a_plan_with_a_scheduled_summary_stays_a_plan():
    text = (
        "本学年，工会将团结全体教职工，为学校发展凝心聚力。\n"
        "9月：慰问新教师；组织教师节庆祝活动。\n"
        "10月：召开教代会。\n"
        "1月：工会经费审计；工会工作总结。\n"
    )
    genre, cues = classify_genre(art(text, "小学工会学年工作计划"))
    assert genre == "plan"
    assert "backward_phrases" not in cues


def test_no_cue_is_none():
    assert classify_genre(art("工会委员会"))[0] is None


@pytest.mark.parametrize("text,title,expected", [
    ("学校工会组织教职工开展教学比武，关心教师和学生的成长。", "", "school"),
    ("我园工会组织全园教职工开展亲子活动。", "", "school"),
    ("公司工会组织车间班组开展安全生产竞赛，提高员工技能。", "", "enterprise"),
    ("分行工会组织营业部员工开展业务竞赛。", "", "enterprise"),
    ("街道总工会指导辖区基层工会和非公企业建会。", "", "federation"),
    ("全县各企业工会要做好组建工作。", "县总工会工作要点", "federation"),
    ("镇机关党委组织科室党员干部开展学习。", "", "government"),
    ("区委区政府重视综治工作，政法部门加强治安防控。", "", "government"),
    ("学会理事会组织会员单位开展学术交流。", "", "other"),
    ("计生协会开展关爱活动。", "", "other"),
    ("团结一心，共创佳绩。", "", "other"),
])
def test_org_type(text, title, expected):
    org, cues = classify_org_type(art(text, title))
    assert org == expected
    if expected != "other":
        assert cues[expected] >= 1


def test_org_cues_need_a_word_boundary():
    # 中学 inside 集中|学习, 镇 inside 城镇化: no cue of a school or a township
    org, cues = classify_org_type(art("每月组织委员集中学习，推进城镇化建设调研。"))
    assert "school" not in cues and "government" not in cues
    assert org == "other"
    assert classify_org_type(art("实验中学工会组织教职工开展活动。"))[0] == "school"
    assert classify_org_type(art("指导县卫健局工会开展工作。"))[1].get("other", 0) >= 1


def test_hospital_union_is_other():
    text = ("院工会将团结全院医护人员，围绕医院中心工作，开展护士节表彰，"
            "组织医务人员参加技能竞赛，评选先进科室。")
    org, cues = classify_org_type(art(text, "县人民医院工会工作计划"))
    assert org == "other"
    assert cues["other"] > cues.get("government", 0)


def test_org_tie_goes_to_more_distinct_cues():
    # two school hits of one word against two enterprise hits of two words
    org, cues = classify_org_type(art("关心学生，服务学生；公司车间联动。"))
    assert cues["school"] == cues["enterprise"] == 2
    assert org == "enterprise"


def test_org_type_title_counts_once_more():
    org, cues = classify_org_type(art("组织职工开展活动。", "某小学工会工作计划"))
    assert org == "school" and cues["school"] == 1 and cues["school_body"] == 0


def test_gold_file_shape_has_genre_and_org_type():
    # the seed gold labels these two fields for every article: the scorer compares them
    for path in sorted(GOLD.glob("*.json")):
        for a in json.loads(path.read_text(encoding="utf-8"))["articles"]:
            assert a["genre"] in ("plan", "summary", "mixed")
            assert a["org_type"] in ("school", "enterprise", "federation", "government", "other")


@pytest.fixture(scope="module")
def seed_pairs(corpus_articles):
    """(gold article, predicted article) pairs matched by first_chars, in source order."""
    pairs = []
    by_source: dict[str, list] = {}
    for a in corpus_articles:
        by_source.setdefault(a.source.split("/")[-1], []).append(a)
    golds: dict[str, list] = {}
    for path in sorted(GOLD.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        golds.setdefault(data["source"], []).extend(data["articles"])
    for source, garts in golds.items():
        preds = by_source.get(source, [])
        j = 0
        for g in garts:
            head = g["first_chars"][:8]
            while j < len(preds) and head not in preds[j].text[:200]:
                j += 1
            if j < len(preds):
                pairs.append((g, preds[j]))
                j += 1
    return pairs


def test_seed_genre_and_org_type_agree_with_gold(seed_pairs):
    assert len(seed_pairs) >= 38
    genre_ok = sum(g["genre"] == a.genre for g, a in seed_pairs)
    org_ok = sum(g["org_type"] == a.org_type for g, a in seed_pairs)
    assert genre_ok >= 38
    assert org_ok >= 36
