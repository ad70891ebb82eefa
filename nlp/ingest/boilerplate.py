"""Site boilerplate patterns (loaded from data/boilerplate.toml) and where they match."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import regex

# A blurb paragraph longer than this is a run-in page (one line holds everything): only its
# leading sentences up to the blurb are dropped, not the whole line.
MAX_BLURB_PARAGRAPH = 300
SENTENCE_END = regex.compile(r"[。！？!?]+[”’]?")


@dataclass(frozen=True)
class BoilerplatePatterns:
    """Compiled patterns by role: whole lines, blurb paragraphs, block tails, compilation titles."""

    line: tuple[regex.Pattern, ...]
    head: tuple[regex.Pattern, ...]
    teaser: tuple[regex.Pattern, ...]
    paragraph: tuple[regex.Pattern, ...]
    tail: tuple[regex.Pattern, ...]
    compilation: tuple[regex.Pattern, ...]
    _any_line: tuple[regex.Pattern, ...] = field(init=False, repr=False, compare=False)
    _any_head: tuple[regex.Pattern, ...] = field(init=False, repr=False, compare=False)
    _any_teaser: tuple[regex.Pattern, ...] = field(init=False, repr=False, compare=False)
    _any_tail: tuple[regex.Pattern, ...] = field(init=False, repr=False, compare=False)
    _any_compilation: tuple[regex.Pattern, ...] = field(init=False, repr=False, compare=False)
    _any_paragraph: tuple[regex.Pattern, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Every line of every file is tested: one scan of an alternation instead of one per pattern.
        for role in ("line", "head", "teaser", "tail", "compilation", "paragraph"):
            object.__setattr__(self, f"_any_{role}", _any_of(getattr(self, role)))

    def is_line(self, line: str) -> bool:
        """True when the whole line is page furniture."""
        return _matches_any(self._any_line, line)

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
    data = tomllib.loads(resources.files("nlp.data").joinpath("boilerplate.toml").read_text("utf-8"))

    def compiled(section: str) -> tuple[regex.Pattern, ...]:
        return tuple(regex.compile(p) for p in data[section]["patterns"])

    return BoilerplatePatterns(compiled("line"), compiled("head"), compiled("teaser"), compiled("paragraph"),
                               compiled("tail"), compiled("compilation"))
