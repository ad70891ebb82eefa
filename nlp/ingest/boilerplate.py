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
    paragraph: tuple[regex.Pattern, ...]
    tail: tuple[regex.Pattern, ...]
    compilation: tuple[regex.Pattern, ...]
    _any_line: regex.Pattern = field(init=False, repr=False, compare=False)
    _any_tail: regex.Pattern = field(init=False, repr=False, compare=False)
    _any_compilation: regex.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Every line of every file is tested: one scan of an alternation instead of one per pattern.
        for role in ("line", "tail", "compilation"):
            object.__setattr__(self, f"_any_{role}", _any_of(getattr(self, role)))

    def is_line(self, line: str) -> bool:
        """True when the whole line is page furniture."""
        return bool(self._any_line.search(line))

    def starts_tail(self, line: str) -> bool:
        """True when the line opens a recommendation block that runs to the end."""
        return bool(self._any_tail.search(line))

    def is_compilation_title(self, line: str) -> bool:
        """True for a compilation page title such as `…(优秀8篇)` or `…模板5篇`."""
        return len(line) <= 80 and bool(self._any_compilation.search(line))

    def blurb_end(self, paragraph: str) -> int | None:
        """Length of the leading blurb to drop from `paragraph`, or None when it holds none."""
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


def _any_of(patterns: tuple[regex.Pattern, ...]) -> regex.Pattern:
    """One pattern matching where any of `patterns` would (none matches nothing)."""
    if not patterns:
        return regex.compile(r"(?!)")
    return regex.compile("|".join(f"(?:{p.pattern})" for p in patterns))


@lru_cache(maxsize=1)
def patterns() -> BoilerplatePatterns:
    """The shipped boilerplate patterns, compiled once."""
    data = tomllib.loads(resources.files("nlp.data").joinpath("boilerplate.toml").read_text("utf-8"))

    def compiled(section: str) -> tuple[regex.Pattern, ...]:
        return tuple(regex.compile(p) for p in data[section]["patterns"])

    return BoilerplatePatterns(compiled("line"), compiled("paragraph"), compiled("tail"), compiled("compilation"))
