"""Theme units: level-1 sections with exact offsets, paragraphs where there is no outline."""

from __future__ import annotations

from nlp.api import analyze_text
from nlp.themes import theme_units

from theme_samples import plan_text


def test_units_are_the_level_one_sections_with_exact_offsets():
    articles = analyze_text(plan_text(0), source="plan0.txt")
    units = theme_units(articles)
    assert [u.heading for u in units] == ["管好用好工会经费", "开展群众性体育健身", "关爱生活困难群体", "强化劳动法律监督"]
    for u in units:
        art = articles[u.article]
        assert art.text[u.start:u.end] == u.text
        assert u.text[u.heading_start - u.start:u.heading_end - u.start] == u.heading
        assert u.heading not in u.body and u.body.strip()
        assert (u.source, u.title) == (art.source, art.title)


def test_level_two_items_stay_inside_their_level_one_section():
    text = ("一、抓好经费管理\n（一）编制预算\n年初编制工会经费预算。\n（二）审查收支\n经审委员会审查收支账目。\n"
            "二、丰富文体生活\n（一）举办球赛\n春季举办篮球赛。\n")
    units = theme_units(analyze_text(text, source="nested.txt"))
    assert [u.heading for u in units] == ["抓好经费管理", "丰富文体生活"]
    assert "审查收支" in units[0].text and "篮球赛" in units[1].text


def test_article_without_outline_gives_its_paragraphs():
    text = ("今年工会将继续做好困难职工帮扶，节日期间走访慰问困难家庭，落实送温暖资金，帮助他们解决实际困难。\n\n"
            "同时要抓好职工文体活动，春季组织拔河比赛，秋季举办运动会，丰富职工的业余文化生活和精神生活。\n\n"
            "短句。\n\n"
            "工会经费要按时足额拨缴，经审委员会定期审查账目，严格执行财务制度，做到收支公开透明，接受会员监督。\n")
    articles = analyze_text(text, source="flat.txt")
    units = theme_units(articles)
    assert len(units) == 3 and all(u.heading == "" for u in units)
    assert units[2].text.startswith("短句")  # a short paragraph joins the next one
    for u in units:
        assert articles[u.article].text[u.start:u.end] == u.text
