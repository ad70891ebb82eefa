"""Hand-written plan sections for the theme tests: four work areas, several phrasings each.

Every sentence here was written for these tests (none is taken from a seed or dev document).
`plan_text(i)` makes a plan whose outline (一、二、三、四、) holds one section per area, the
sections rotated and the phrasings varied with `i`, so that every plan mixes all four areas.
"""

from __future__ import annotations

SECTIONS = {
    "经费财务": [
        ("管好用好工会经费", "按月足额拨缴工会经费，年初编制经费预算，年末做好决算，经审委员会每季度审查一次收支账目，做到专款专用。"),
        ("规范工会财务管理", "健全财务报销制度，票据由会计统一审核，资产登记造册，经费收支情况每半年向会员公开一次。"),
        ("加强经费审查监督", "经费审查委员会对预算执行和资产管理开展审计，严格控制开支，节约每一笔资金，账目清楚。"),
        ("抓好会费收缴", "会员会费按时收缴上缴，建立收缴台账，年底前完成全年经费拨缴，审计发现的问题限期整改。"),
    ],
    "文体活动": [
        ("丰富职工文体生活", "春季组织职工篮球赛和拔河比赛，秋季举办运动会，元旦前排练文艺演出，开展书画摄影展。"),
        ("开展群众性体育健身", "成立羽毛球、乒乓球兴趣小组，每周安排一次健身活动，组织登山和徒步，增强职工体质。"),
        ("办好节日文化活动", "利用元宵、中秋等节日举办游园和联欢晚会，开展歌咏比赛，活跃职工业余文化生活。"),
        ("建设职工文化俱乐部", "完善职工活动室和图书角，组建合唱队、舞蹈队，定期举办棋类比赛和电影放映。"),
    ],
    "帮扶": [
        ("做好困难职工帮扶", "建立困难职工档案，元旦春节走访慰问困难家庭，落实送温暖资金，对患病职工及时探望救助。"),
        ("深化送温暖工程", "开展金秋助学，资助困难职工子女上学，推行医疗互助保障，帮助下岗职工再就业。"),
        ("关爱生活困难群体", "对因病致困的职工建档立卡，结对帮扶，节日期间上门慰问，帮扶中心提供救助服务。"),
        ("落实帮困救助机制", "设立帮困基金，对大病职工给予补助，组织技能培训帮助失业人员就业，做到应帮尽帮。"),
    ],
    "维权": [
        ("依法维护职工权益", "推行工资集体协商，签订集体合同，督促企业依法签订劳动合同，按时足额支付工资。"),
        ("构建和谐劳动关系", "建立劳动争议调解委员会，及时调处劳动纠纷，为职工提供法律援助，化解矛盾于基层。"),
        ("推进集体协商制度", "指导企业开展工资集体协商，监督劳动合同履行，防止拖欠工资，维护职工合法权益。"),
        ("强化劳动法律监督", "宣传劳动法和劳动合同法，开展劳动法律监督检查，畅通职工诉求渠道，做好信访维稳。"),
    ],
}
AREAS = tuple(SECTIONS)
NUMERALS = "一二三四五六七八"
# Openings of different organisations: the theme of a section must not follow them.
OPENINGS = (
    "本校工会在学校党支部领导下，结合教育教学实际，制定本学期工作计划如下。",
    "公司工会围绕生产经营中心任务，结合企业实际，制定今年工作计划如下。",
    "街道总工会按照区总工会的部署，结合辖区企业实际，制定全年工作计划如下。",
)


def plan_text(i: int) -> str:
    """Plan number `i` (0-15 are pairwise different plans): an opening, then one section per
    area in a rotated order, each section the heading and body of one phrasing plus the body of
    another."""
    order = AREAS[i % 4:] + AREAS[:i % 4]
    parts = [OPENINGS[i % len(OPENINGS)]]
    for n, area in enumerate(order):
        a = AREAS.index(area)
        heading, body = SECTIONS[area][(i + a) % 4]
        more = SECTIONS[area][(i + a + 1 + i // 4) % 4][1]
        parts.append(f"{NUMERALS[n]}、{heading}\n{body}{more if more != body else ''}")
    return "\n\n".join(parts) + "\n"


def plan_areas(i: int) -> list[str]:
    """The areas of plan `i`'s sections, in order."""
    return list(AREAS[i % 4:] + AREAS[:i % 4])
