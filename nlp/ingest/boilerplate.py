"""Site boilerplate patterns (loaded from data/boilerplate.toml) and where they match."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..data import toml_data
from ..text.enumerators import LINE_START_MARKER

# A blurb paragraph longer than this is a run-in page (one line holds everything): only its
# leading sentences up to the blurb are dropped, not the whole line.
MAX_BLURB_PARAGRAPH = 300
SENTENCE_END = regex.compile(r"[。！？!?]+[”’]?")
# A line that closes a sentence: "审核：各分会初审后报工会办公室审核。"; not "审核：王某" (a byline).
CLOSED_SENTENCE = regex.compile(r"[。；;！!]\s*[”’）)]?\s*$")
# A clause that states a numbered task or goal (a verb, then a number with its unit):
# "全年开展知识产权讲座2场", "阅读量力争达到10万次"; not "点击数：125" (no verb, no unit) nor
# "2024-03-05 编辑" (a date).
NUMBERED_CLAUSE = regex.compile(
    r"(?:开展|组织|举办|举行|召开|力争|达到|完成|实现|新增|发展|培训|慰问|走访|覆盖|建成|创建|提高|增加|超过"
    r"|不少于|不低于|不超过|参加|参与|评选|表彰|发放|帮扶|资助|投入)"
    r"[^。；;！!？?]{0,30}?[\d一二三四五六七八九十两][\d一二三四五六七八九十两百千万]*(?:\.\d+)?\s*"
    r"(?:%|％|万|亿|千|百|人次|次|场|人|名|个|项|期|篇|户|家|所|元|本|条|处|批|支|届|天|小时|课时|份|部)"
)
# The site speaking of itself: "小编", "本站"; not "编辑部" (a plan may name its own).
SITE_VOICE = regex.compile(r"小编|本站|网友|笔者")
# A line longer than this is a paragraph of the body even without sentence punctuation.
MAX_BODY_LABEL = 40


@dataclass(frozen=True)
class BoilerplatePatterns:
    """Compiled patterns by role: whole lines, blurb paragraphs, block tails, compilation titles."""

    line: tuple[regex.Pattern, ...]
    edge: tuple[regex.Pattern, ...]
    head: tuple[regex.Pattern, ...]
    teaser: tuple[regex.Pattern, ...]
    paragraph: tuple[regex.Pattern, ...]
    tail: tuple[regex.Pattern, ...]
    compilation: tuple[regex.Pattern, ...]
    _any_line: tuple[regex.Pattern, ...] = field(init=False, repr=False, compare=False)
    _any_edge: tuple[regex.Pattern, ...] = field(init=False, repr=False, compare=False)
    _any_head: tuple[regex.Pattern, ...] = field(init=False, repr=False, compare=False)
    _any_teaser: tuple[regex.Pattern, ...] = field(init=False, repr=False, compare=False)
    _any_tail: tuple[regex.Pattern, ...] = field(init=False, repr=False, compare=False)
    _any_compilation: tuple[regex.Pattern, ...] = field(init=False, repr=False, compare=False)
    _any_paragraph: tuple[regex.Pattern, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Every line of every file is tested: one scan of an alternation instead of one per pattern.
        for role in ("line", "edge", "head", "teaser", "tail", "compilation", "paragraph"):
            object.__setattr__(self, f"_any_{role}", _any_of(getattr(self, role)))

    def is_line(self, line: str) -> bool:
        """True when the whole line is page furniture."""
        return _matches_any(self._any_line, line)

    def is_edge_line(self, line: str) -> bool:
        """True when the line has a furniture shape a plan line can also take (byline, breadcrumb,
        counter, teaser item, footer): furniture only where `furniture_flags` says so."""
        return _matches_any(self._any_edge, line) and not is_plan_clause(line)

    def is_head_line(self, line: str) -> bool:
        """True when the line is furniture if it stands among the document's first lines."""
        return _matches_any(self._any_head, line)

    def opens_teasers(self, line: str) -> bool:
        """True when the line is the label of a list of teaser titles."""
        return _matches_any(self._any_teaser, line)

    def starts_tail(self, line: str) -> bool:
        """True when the line opens a recommendation block that runs to the end."""
        return _matches_any(self._any_tail, line)

    def is_compilation_title(self, line: str) -> bool:
        """True for a compilation page title such as `…(优秀8篇)` or `…模板5篇`."""
        return len(line) <= 80 and _matches_any(self._any_compilation, line)

    def blurb_end(self, paragraph: str) -> int | None:
        """Length of the leading blurb to drop from `paragraph`, or None when it holds none."""
        if not _matches_any(self._any_paragraph, paragraph):
            return None  # almost every paragraph: skip the pattern-by-pattern search below
        if len(paragraph) <= MAX_BLURB_PARAGRAPH and NUMBERED_CLAUSE.search(paragraph) \
                and not SITE_VOICE.search(paragraph):
            return None  # "希望大家借鉴…，全年开展交流活动3次。": a plan sentence, not the site's blurb
        for pattern in self.paragraph:
            m = pattern.search(paragraph)
            if not m:
                continue
            if len(paragraph) <= MAX_BLURB_PARAGRAPH:
                return len(paragraph)
            end = SENTENCE_END.search(paragraph, m.end())
            # The blurb's last sentence may end in a second cue ("…。希望你能喜欢!").
            while end:
                nxt = SENTENCE_END.search(paragraph, end.end())
                tail = paragraph[end.end(): nxt.end() if nxt else len(paragraph)]
                if nxt and any(p.search(tail) for p in self.paragraph) and len(tail) < 40:
                    end = nxt
                else:
                    break
            return end.end() if end else None
        return None


def is_plan_clause(line: str) -> bool:
    """True for a line that closes a sentence or states a numbered clause: never edge furniture."""
    return bool(CLOSED_SENTENCE.search(line) or NUMBERED_CLAUSE.search(line))


def furniture_flags(lines: list[str], bp: BoilerplatePatterns, head_lines: int) -> list[bool]:
    """Which of an article's (or a whole document's) lines are page furniture.

    Lines of the `line` shapes are furniture anywhere; `head` shapes among the first `head_lines`
    and above the first body line.
    A line of an `edge` shape is furniture in the head (before the first body line) or the tail
    (after the last), or beside another furniture line; in the body it is a plan line
    ("报名 > 初审 > 复审 > 公示", "职工春季运动会 2025-04-20").
    """
    always = [bp.is_line(ln) for ln in lines]
    head = [k < head_lines and not always[k] and bp.is_head_line(ln) for k, ln in enumerate(lines)]
    edge = [not a and not h and bp.is_edge_line(ln) for a, h, ln in zip(always, head, lines)]
    body = [k for k, ln in enumerate(lines) if not (always[k] or head[k] or edge[k]) and _is_body_line(ln)]
    first, last = (body[0], body[-1]) if body else (len(lines), -1)
    # A head shape ("时间：2024-03-05 …") is a byline only above the body; below it, a field line.
    always = [a or (h and k < first) for k, (a, h) in enumerate(zip(always, head))]
    def shaped(j: int) -> bool:
        return 0 <= j < len(lines) and (always[j] or edge[j])

    # An edge line is furniture outside the body, or beside another furniture line (a run of two).
    return [always[k] or (edge[k] and (k < first or k > last or shaped(k - 1) or shaped(k + 1)))
            for k in range(len(lines))]


def _is_body_line(line: str) -> bool:
    """A line of the article's own text: a sentence, an outline item or a long paragraph."""
    return bool(is_plan_clause(line) or SENTENCE_END.search(line) or LINE_START_MARKER.match(line)
                or len(line) > MAX_BODY_LABEL)


def _matches_any(alternations: tuple[regex.Pattern, ...], text: str) -> bool:
    for pattern in alternations:  # a plain loop: cheaper than any() over a generator
        if pattern.search(text):
            return True
    return False


def _any_of(patterns: tuple[regex.Pattern, ...]) -> tuple[regex.Pattern, ...]:
    """At most two alternations that together match where any of `patterns` would.

    Patterns anchored at the line start ("^…") and unanchored ones are joined separately: one
    unanchored branch in the alternation makes the search try every anchored branch at every
    position of the line, several times slower than the two searches.
    """
    anchored = [p for p in patterns if p.pattern.startswith("^")]
    floating = [p for p in patterns if not p.pattern.startswith("^")]
    return tuple(
        regex.compile("|".join(f"(?:{p.pattern})" for p in group)) for group in (anchored, floating) if group
    )


@lru_cache(maxsize=1)
def patterns() -> BoilerplatePatterns:
    """The shipped boilerplate patterns, compiled once."""
    data = toml_data("nlp.data", "boilerplate.toml")

    def compiled(section: str) -> tuple[regex.Pattern, ...]:
        return tuple(regex.compile(p) for p in data[section]["patterns"])

    return BoilerplatePatterns(compiled("line"), compiled("edge"), compiled("head"), compiled("teaser"), compiled("paragraph"),
                               compiled("tail"), compiled("compilation"))
