"""Pipeline components: small callables over an Article that declare the fields they need and fill.

Modelled on spaCy's `@Language.component(name, requires=[…], assigns=[…])`: the declarations are
what `nlp.pipeline` orders the components by, checks at import, and what the contract tests hold
each component to (it writes only what it assigns).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .model import Article

# Fields an Article has before any component runs: what reading, normalizing and splitting fill.
INPUT_FIELDS = frozenset({"source", "index", "title", "text", "raw_offsets", "title_raw_span",
                          "line_marks", "flags", "match_text"})


@dataclass(frozen=True)
class Component:
    """One extractor as the pipeline sees it."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    func: Callable[[Article], None]

    def __call__(self, article: Article) -> None:
        self.func(article)


COMPONENTS: dict[str, Component] = {}


def component(name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...]) -> Callable:
    """Register `func(article)` as the component `name`; names are unique."""

    def register(func: Callable[[Article], None]) -> Callable[[Article], None]:
        if name in COMPONENTS:
            raise ValueError(f"component {name!r} is registered twice")
        COMPONENTS[name] = Component(name, tuple(requires), tuple(assigns), func)
        return func

    return register
