"""The digest as Markdown, from the Jinja2 template templates/digest.md.j2."""

from __future__ import annotations

from functools import lru_cache

import jinja2
import regex

from . import labels
from .model import Digest
from .rows import theme_rows

# Characters that would break a Markdown table cell or start markup inside one.
# Matches "|" and "\n" in `a|b\nc`; not "、".
CELL_UNSAFE = regex.compile(r"[|\r\n]+")
# Markdown specials escaped in running text.  Matches "_" in `20__年` and "*" in `***市`;
# not "。".
MD_SPECIAL = regex.compile(r"([\\`*_\[\]#<>|])")


def md_text(value: object) -> str:
    """Document text made inert for Markdown (placeholders like `20__年` stay visible)."""
    return MD_SPECIAL.sub(r"\\\1", " ".join(str(value if value is not None else "—").split()))


def md_cell(value: object) -> str:
    """Document text safe inside a table cell."""
    return md_text(CELL_UNSAFE.sub(" ", str(value if value is not None else "—")))


@lru_cache(maxsize=2)
def environment(autoescape: bool = False) -> jinja2.Environment:
    """The template environment (templates shipped in nlp/digest/templates)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("nlp.digest", "templates"),
        autoescape=autoescape, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = md_text
    env.filters["cell"] = md_cell
    env.filters.update(genre=labels.genre_label, org=labels.org_label, status=labels.status_label,
                       cmp=labels.comparator_label, flag=labels.flag_label, year=labels.year_text)
    return env


def render_markdown(digest: Digest) -> str:
    """The digest as one Markdown document."""
    titles = {e.id: e.display_title for e in digest.articles}
    plans = [e for e in digest.articles if e.genre != "other"]
    others = [e for e in digest.articles if e.genre == "other"]
    return environment(False).get_template("digest.md.j2").render(d=digest, titles=titles, plans=plans,
                                                                   others=others, themes=theme_rows(digest.archive.themes))
