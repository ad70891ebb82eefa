"""The parts of a plan (指导思想, 工作目标, 主要工作, 活动安排, 保障措施) and the skeleton the archive shows."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..data import toml_data
from ..model import Article

TOPIC = "topic"  # a level-1 heading naming a field of work rather than a part


@lru_cache(maxsize=1)
def role_table() -> dict:
    """nlp/draft/data/roles.toml, read once."""
    return toml_data("nlp.draft.data", "roles.toml")


@lru_cache(maxsize=1)
def role_words() -> tuple[str, ...]:
    """Every part name, longest first."""
    return tuple(sorted({w for ws in role_table()["words"].values() for w in ws}, key=lambda w: (-len(w), w)))


def heading_role(heading: str) -> str:
    """The part a level-1 heading names (guiding goals work schedule measures), else `topic`."""
    table = role_table()
    h = heading.strip()
    for role in table["order"]:
        if h in table["words"][role]:
            return role
    if len(h) <= table["max_chars"]:
        for role in table["order"]:
            if any(w in h for w in table["words"][role]):
                return role
    return TOPIC


@dataclass(frozen=True)
class Part:
    """One level-1 part of the skeleton with the heading the archive most often gives it."""

    role: str
    heading: str


@dataclass(frozen=True)
class Skeleton:
    parts: tuple[Part, ...]
    source: str  # archive | default
    plans: int  # plans of the organisation type it was computed from


def _sequence(article: Article) -> tuple[str, ...]:
    """The parts of an article in order; a run of topic headings counts as one `work` part."""
    seq: list[str] = []
    for h in article.headings:
        if h.level != 1:
            continue
        role = heading_role(h.text)
        role = "work" if role == TOPIC else role
        if role not in seq:
            seq.append(role)
    return tuple(seq)


def plans_of(archive: list[Article], org_type: str | None) -> list[Article]:
    """Plans of the organisation type (all plans when none is asked for)."""
    return [a for a in archive if a.genre == "plan" and (org_type is None or a.org_type == org_type)]


def compute_skeleton(archive: list[Article], org_type: str | None) -> Skeleton:
    """The most common part sequence among the plans of `org_type`, completed with the usual
    parts where it lacks one; the usual skeleton when the archive holds too few such plans."""
    table = role_table()["default"]
    plans = plans_of(archive, org_type)
    seqs = Counter(s for s in map(_sequence, plans) if len(s) >= 2)
    wording: dict[str, Counter] = {}
    for a in plans or plans_of(archive, None):
        for h in a.headings:
            role = heading_role(h.text) if h.level == 1 else TOPIC
            if role not in (TOPIC, "work") or h.text in role_table()["words"]["work"]:
                wording.setdefault(role, Counter())[h.text] += 1
    if len(plans) < table["min_plans"] or not seqs:
        order, source = list(table["parts"]), "default"
    else:
        # most frequent; ties to the longer, then the alphabetically first sequence (deterministic)
        best = min(seqs.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0]
        order, source = _complete(list(best), table["parts"]), "archive"
    parts = []
    for role in order:
        names = wording.get(role)
        heading = (min(names.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0]
                   if names else table["headings"][role])
        parts.append(Part(role, heading))
    return Skeleton(tuple(parts), source, len(plans))


def _complete(order: list[str], usual: list[str]) -> list[str]:
    """`order` with each missing usual part inserted after the usual part before it."""
    for i, role in enumerate(usual):
        if role in order:
            continue
        before = [r for r in usual[:i] if r in order]
        order.insert(order.index(before[-1]) + 1 if before else 0, role)
    return order
