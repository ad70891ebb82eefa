"""Assembling a draft: skeleton from the archive and the template, content retrieved for the keywords."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import regex

from ..errors import PlanNLPError
from ..extract.genre import org_cues
from ..model import Article
from .archive import load_archive
from .model import Draft, DraftSection, DraftTarget, Sentence
from .numbering import number_sections
from .retrieve import Picker, UnitIndex, keyword_query
from .rewrite import Rewriter, close_sentence, strip_heading
from .roles import TOPIC, compute_skeleton, heading_role
from .spec import Spec, render_spec
from .themes_bridge import keyword_groups
from .units import Unit, article_units

# How much a draft takes from the archive.
LEAD_SENTENCES = 2  # directly under a keyword section that has sub-sections
SOLO_SENTENCES = 4  # under a keyword section without sub-sections
SUBSECTIONS = 3
SUB_SENTENCES = 2
PART_SENTENCES = 2  # retrieved for 指导思想 / 工作目标 / 保障措施
MAX_TARGETS = 4
# Score bonuses on top of the normalized BM25 score: the keyword itself, the same kind of organisation,
# a plan rather than a mixed text, a forward-looking sentence, a section headed by the keyword.
# An action item (a Task) inside a sentence makes it something to do rather than a comment.
BONUS = {"literal": 0.3, "org_type": 0.15, "plan": 0.1, "forward": 0.1, "section": 0.1, "task": 0.1}
# A heading that opens with a date or a number belongs to a calendar, not to a field of work.
# Matches "9月铸师魂", "3月份", "2019年工作"; not "师德建设" nor "三八节活动".
DATED_HEADING = regex.compile(r"[0-9０-９]|[一二三四五六七八九十]{1,2}月|[上下]半年")
MEMBERS = {"school": "教职工", "hospital": "医务职工"}


class DraftError(PlanNLPError):
    """The draft cannot be made from what was given."""

    reason = "draft"


@dataclass
class Context:
    """Everything one draft is built from."""

    archive: list[Article]
    units: list[Unit]
    index: UnitIndex
    picker: Picker
    rewriter: Rewriter
    org_type: str | None
    spec: Spec
    groups: list[tuple[tuple[str, ...], tuple[str, ...]]]  # (keywords, widened terms) per section
    generator: object | None = None
    material: list[str] = field(default_factory=list)

    def provenance(self, i: int, text: str, review: bool = False) -> Sentence:
        u = self.units[i]
        a = self.archive[u.article]
        return Sentence(text, "retrieved", a.source, a.index, u.start, u.end, review)

    def matches(self, u: Unit, keywords: tuple[str, ...], widened: tuple[str, ...]) -> bool:
        return any(k in u.text for k in keywords) or bool(set(widened) & set(u.terms))

    def scores(self, keywords: tuple[str, ...], widened: tuple[str, ...]) -> np.ndarray:
        """Relevance of every unit to the keywords: BM25 plus the bonuses of BONUS."""
        terms = [t for k in keywords for t in keyword_query(k, widened)]
        s = self.index.similarity(terms) + self.static_bonus
        for i, u in enumerate(self.units):
            if any(k in u.text for k in keywords):
                s[i] += BONUS["literal"]
            if any(k in h for h in u.path for k in keywords):
                s[i] += BONUS["section"]
        return s

    @cached_property
    def static_bonus(self) -> np.ndarray:
        """The bonuses that do not depend on the keywords."""
        return np.array([BONUS["org_type"] * (self.org_type is not None and self.archive[u.article].org_type == self.org_type)
                         + BONUS["plan"] * (self.archive[u.article].genre == "plan")
                         + BONUS["forward"] * (u.lean == "forward") + BONUS["task"] * (u.tasks > 0)
                         for u in self.units], dtype=float)

    def pick(self, pool: list[int], scores: np.ndarray, k: int, rewrite) -> list[tuple[int, str]]:
        """MMR pick from the archive's plans of the organisation type first, then from the others."""
        same = [i for i in pool if self.archive[self.units[i].article].org_type == self.org_type]
        got = self.picker.pick(same, scores, k, rewrite)
        if len(got) < k:
            taken = set(same)
            others = [i for i in pool if i not in taken and not self.foreign(i)]
            got += self.picker.pick(others, scores, k - len(got), rewrite)
        return got

    def foreign(self, i: int) -> bool:
        """Whether a unit names another kind of organisation than the draft's (教师 in a company's plan)."""
        if self.org_type is None:
            return False
        named = {t for t, n in org_cues(self.units[i].text).items() if "_" not in t and n}
        return bool(named) and self.org_type not in named

    def sentence_rewrite(self, i: int) -> str | None:
        u = self.units[i]
        return self.rewriter.sentence(u.text, self.archive[u.article].year)

    def heading_rewrite(self, i: int) -> str | None:
        u = self.units[i]
        return self.rewriter.heading(u.text, self.archive[u.article].year)


def draft(keywords, *, articles=None, corpus=None, db=None, org=None, year=None, org_type=None,
          template=None, themes=None, generator=None, model=None) -> Draft:
    """A plan draft for `keywords`, grounded in an analyzed archive (articles, corpus folder or db)."""
    kws = _keywords(keywords)
    archive = load_archive(articles, corpus, db)
    year = int(year) if year is not None else _next_year(archive)
    org_type = org_type or _org_type(org, archive)
    skeleton = compute_skeleton(archive, org_type)
    rewriter = Rewriter(year, org)
    spec = render_spec(template, {
        "org": org, "org_unit": rewriter.org_unit, "year": year, "org_type": org_type,
        "keywords": list(kws), "members": MEMBERS.get(org_type or "", "职工"),
        "skeleton": [{"role": p.role, "heading": p.heading} for p in skeleton.parts]})
    themes = _fitted_themes(themes, archive)
    units = [u for i, a in enumerate(archive) if a.genre != "summary" for u in article_units(a, i)]
    index = UnitIndex(units)
    gen = _generator(generator, model)
    ctx = Context(archive, units, index, Picker(index), rewriter, org_type, spec,
                  keyword_groups(kws, themes), gen)
    for p in spec.parts:
        for s in p.sentences:
            ctx.picker.add_text(s)
    sections: list[DraftSection] = []
    targets: list[DraftTarget] = []
    schedule = []
    for part in spec.parts:
        if part.role == "work":
            sections.extend(_theme_section(ctx, kw, wide) for kw, wide in ctx.groups)
        elif part.role == "schedule":
            from .schedule import schedule_section

            sec, schedule = schedule_section(ctx, part.heading)
            sections.append(sec)
        else:
            # targets first: their sentences go to 工作目标 marked for review, not as plain sentences
            targets = _targets(ctx) if part.role == "goals" else targets
            sec = _part_section(ctx, part, targets if part.role == "goals" else [])
            sections.append(sec)
    if gen is not None:
        _generate(ctx, sections)
    number_sections(sections)
    return Draft(spec.title, year, org, org_type, kws, sections, schedule, targets, spec.name, skeleton.source)


def _keywords(keywords) -> tuple[str, ...]:
    if isinstance(keywords, str):
        keywords = keywords.replace("，", ",").replace("、", ",").split(",")
    out = tuple(dict.fromkeys(k.strip() for k in keywords if k and k.strip()))
    if not out:
        raise DraftError(None, "no keywords given (e.g. --keywords 女职工,健康)")
    return out


def _next_year(archive: list[Article]) -> int:
    """The year after the latest plan year in the archive; next calendar year when none is known."""
    years = [a.year for a in archive if a.year]
    if years:
        return max(years) + 1
    import datetime

    return datetime.date.today().year + 1


def _org_type(org: str | None, archive: list[Article]) -> str | None:
    """The organisation type an --org name shows, else the archive's most common one among plans."""
    if org:
        cues = {t: n for t, n in org_cues("", org).items() if "_" not in t}
        if cues:
            return min(cues.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    counts = Counter(a.org_type for a in archive if a.genre == "plan" and a.org_type)
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0] if counts else None


def _fitted_themes(themes, archive: list[Article]):
    """`themes` as given (a fitted ThemeModel or None); True or "fit": a model fitted on the archive."""
    if themes is True or themes == "fit":
        try:
            from ..themes import fit_themes
        except ImportError as exc:
            raise DraftError(None, "themes asked for, but nlp.themes is not available in this install") from exc
        return fit_themes(archive, random_state=0)
    return themes


def _generator(generator, model):
    if generator in (None, "none", False):
        return None
    if generator == "transformers":
        from .generate import TransformersGenerator

        if model is None:
            raise DraftError(None, "--generator transformers needs --model DIR (a local model folder)")
        return TransformersGenerator(model)
    if callable(getattr(generator, "connect", None)):
        return generator
    raise DraftError(None, f"unknown generator {generator!r} (known: transformers)")


def _theme_section(ctx: Context, keywords: tuple[str, ...], widened: tuple[str, ...]) -> DraftSection:
    """One level-1 section for a keyword (or the keywords of one theme), with sub-sections."""
    scores = ctx.scores(keywords, widened)
    units = ctx.units
    heads = [i for i, u in enumerate(units) if u.kind == "heading" and u.clean and 4 <= len(u.text) <= 24
             and u.role != "schedule" and not DATED_HEADING.match(u.text)
             and heading_role(u.text) == TOPIC and ctx.matches(u, keywords, widened)]
    literal = [i for i in heads if any(k in units[i].text for k in keywords)]
    top = ctx.pick(literal or heads, scores, 1, ctx.heading_rewrite)
    if top:
        i, text = top[0]
        sec = DraftSection(text, 1, role="work", theme=keywords, heading_from=ctx.provenance(i, text))
        own = [units[i]]
    else:
        text = ctx.spec.theme_heading.replace("{keyword}", "、".join(keywords))
        sec = DraftSection(strip_heading(text), 1, role="work", theme=keywords)
        ctx.picker.add_text(sec.heading)
        own = []
    subs = ctx.pick([i for i in heads if units[i].level >= 2], scores, SUBSECTIONS, ctx.heading_rewrite)
    for i, text in subs:
        child = DraftSection(text, 2, role="work", theme=keywords, heading_from=ctx.provenance(i, text))
        body = _body_of(ctx, units[i], scores, SUB_SENTENCES)
        child.sentences.extend(body)
        sec.children.append(child)
        own.append(units[i])
    sec.children = [c for c in sec.children if c.sentences]
    # the schedule's lines belong to 活动安排, not to a field of work
    sents = [i for i, u in enumerate(units) if u.kind == "sentence" and u.clean and u.role != "schedule"
             and ctx.matches(u, keywords, widened)]
    k = LEAD_SENTENCES if sec.children else SOLO_SENTENCES
    sec.sentences.extend(ctx.provenance(i, t) for i, t in ctx.pick(sents, scores, k, ctx.sentence_rewrite))
    if not sec.sentences and not sec.children:
        sec.sentences.append(Sentence(close_sentence(
            f"结合实际研究制定{'、'.join(keywords)}工作的具体措施，明确责任，抓好落实"), "template"))
    ctx.material.extend(s.text for s in sec.sentences)
    return sec


def _body_of(ctx: Context, head: Unit, scores: np.ndarray, k: int) -> list[Sentence]:
    """Sentences of the archive section a chosen heading owns."""
    inside = [i for i, u in enumerate(ctx.units) if u.kind == "sentence" and u.clean and u.article == head.article
              and head.end <= u.start < head.scope_end]
    return [ctx.provenance(i, t) for i, t in ctx.picker.pick(inside, scores, k, ctx.sentence_rewrite)]


def _part_section(ctx: Context, part, targets: list[DraftTarget]) -> DraftSection:
    """指导思想 / 工作目标 / 保障措施: the template's sentences, the targets, the archive's closest sentences."""
    sec = DraftSection(strip_heading(part.heading), 1, role=part.role)
    sec.sentences.extend(Sentence(close_sentence(s), "template") for s in part.sentences)
    sec.sentences.extend(t.sentence for t in targets)
    kws = tuple(k for kw, _w in ctx.groups for k in kw)
    wide = tuple(w for _k, ws in ctx.groups for w in ws)
    scores = ctx.scores(kws, wide)
    # from other kinds of organisation, only what speaks to the keywords
    pool = [i for i, u in enumerate(ctx.units) if u.kind == "sentence" and u.clean and u.role == part.role
            and (ctx.archive[u.article].org_type == ctx.org_type or ctx.matches(u, kws, wide))]
    found = ctx.pick(pool, scores, PART_SENTENCES, ctx.sentence_rewrite)
    sec.sentences.extend(ctx.provenance(i, t) for i, t in found)
    ctx.material.extend(t for _i, t in found)
    return sec


def _targets(ctx: Context) -> list[DraftTarget]:
    """Goal targets carried with their numbers: those of sentences (or sections) that speak to the
    keywords, then those of the 工作目标 parts of the organisation type's own plans."""
    kws = tuple(k for kw, _w in ctx.groups for k in kw)
    wide = tuple(w for _k, ws in ctx.groups for w in ws)
    scores = ctx.scores(kws, wide)
    spans: dict[int, list[tuple[int, int, int]]] = {}
    for i, u in enumerate(ctx.units):
        if u.kind == "sentence" and u.clean:
            spans.setdefault(u.article, []).append((u.start, u.end, i))
    on_topic: dict[int, object] = {}
    own_goals: dict[int, object] = {}
    for ai, a in enumerate(ctx.archive):
        for t in (t for t in a.targets if t.status == "goal") if a.genre != "summary" else ():
            i = next((i for s, e, i in spans.get(ai, ()) if s <= t.start and t.end <= e), None)
            if i is None:
                continue
            u = ctx.units[i]
            if ctx.matches(u, kws, wide) or any(k in h for h in u.path for k in kws):
                on_topic.setdefault(i, t)
            elif u.role == "goals" and a.org_type == ctx.org_type and a.genre == "plan":
                own_goals.setdefault(i, t)
    picked = ctx.pick(list(on_topic), scores, MAX_TARGETS, ctx.sentence_rewrite)
    if len(picked) < MAX_TARGETS:
        picked += ctx.picker.pick(list(own_goals), scores, MAX_TARGETS - len(picked), ctx.sentence_rewrite)
    found = {**own_goals, **on_topic}
    return [DraftTarget(ctx.provenance(i, text, review=True), t.value, t.low, t.high, t.unit, t.comparator, t.subject)
            for i, text in picked for t in [found[i]]]


def _generate(ctx: Context, sections: list[DraftSection]) -> None:
    """Connecting sentences written by the generator for 指导思想 and 工作目标."""
    for sec in sections:
        if sec.role not in ("guiding", "goals"):
            continue
        for text in ctx.generator.connect(sec.role, sec.heading, tuple(k for kw, _ in ctx.groups for k in kw),
                                          tuple(ctx.material[:8])):
            done = ctx.rewriter.sentence(text, None)
            if done and not ctx.picker.near_duplicate(done):
                ctx.picker.add_text(done)
                sec.sentences.insert(len([s for s in sec.sentences if s.kind == "template"]),
                                     Sentence(done, "generated"))
