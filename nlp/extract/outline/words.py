"""The outline's word lists (nlp/data/outline/), loaded once: section names, title heads,
lead-in cues and the cue words of run-in cuts."""

from __future__ import annotations

from functools import lru_cache

from ...data import word_list


def words(name: str) -> tuple[str, ...]:
    """Entries of a word list in nlp/data/outline (one per line, '#' comments)."""
    return word_list("nlp.data.outline", name)


@lru_cache(maxsize=None)
def heading_nouns() -> tuple[str, ...]:
    """Standard section names ("指导思想", "工作目标"), longest first."""
    return tuple(sorted(words("heading_nouns.txt"), key=len, reverse=True))


@lru_cache(maxsize=None)
def _heading_noun_set() -> frozenset[str]:
    return frozenset(words("heading_nouns.txt"))


def is_section_name(phrase: str) -> bool:
    """True when a phrase is a standard section name ("指导思想")."""
    return phrase in _heading_noun_set()


def headed(phrase: str) -> bool:
    """True when a phrase is a section name or ends with a title head word ("注意事项")."""
    return is_section_name(phrase) or phrase.endswith(words("heading_heads.txt"))


def is_leadin(core: str) -> bool:
    """True for a lead-in sentence before a colon ("主要工作如下"), not a title ("一月份")."""
    for cue in words("leadin_cues.txt"):
        if cue.endswith("$"):
            if core.endswith(cue[:-1]) and len(core) > len(cue) - 1:
                return True
        elif cue in core:
            return True
    return False
