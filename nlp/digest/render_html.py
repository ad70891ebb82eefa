"""The digest as one self-contained HTML page a reader can use: Chinese labels, a filter box
(plain JavaScript, no network), collapsible details, inline CSS and SVG, autoescaped."""

from __future__ import annotations

from functools import lru_cache

import jinja2

from . import labels
from .charts import bar_geometry, heatmap_geometry
from .model import Digest
from .rows import theme_rows


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """An autoescaping environment: every document text is escaped; value codes shown as labels."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("nlp.digest", "templates"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
    )
    env.filters.update(genre=labels.genre_label, org=labels.org_label, status=labels.status_label,
                       cmp=labels.comparator_label, flag=labels.flag_label, year=labels.year_text)
    return env


def _labelled(counts: dict[str, int], label) -> dict[str, int]:
    out: dict[str, int] = {}
    for code, n in counts.items():
        out[label(code)] = out.get(label(code), 0) + n
    return out


def render_html(digest: Digest) -> str:
    """The digest as an HTML document."""
    charts = {
        "heatmap": heatmap_geometry(digest.archive.heatmap),
        "genre": bar_geometry(_labelled(digest.archive.by_genre, labels.genre_label)),
        "org_type": bar_geometry(_labelled(digest.archive.by_org_type, labels.org_label)),
        "year": bar_geometry(_labelled(digest.archive.by_year, labels.year_text)),
    }
    anchors = {e.id: f"a{i}" for i, e in enumerate(digest.articles, 1)}
    titles = {e.id: e.display_title for e in digest.articles}
    plans = [e for e in digest.articles if e.genre != "other"]
    others = [e for e in digest.articles if e.genre == "other"]
    return environment().get_template("digest.html.j2").render(
        d=digest, charts=charts, anchors=anchors, titles=titles, plans=plans, others=others, themes=theme_rows(digest.archive.themes))
