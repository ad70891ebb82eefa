"""The digest as one self-contained HTML page (inline CSS and SVG, autoescaped, table of contents)."""

from __future__ import annotations

from functools import lru_cache

import jinja2

from .build import Digest
from .charts import bar_geometry, heatmap_geometry


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """An autoescaping environment: every document text is escaped."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("nlp.digest", "templates"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
    )


def render_html(digest: Digest) -> str:
    """The digest as an HTML document."""
    charts = {
        "heatmap": heatmap_geometry(digest.archive.heatmap),
        "genre": bar_geometry(digest.archive.by_genre),
        "org_type": bar_geometry(digest.archive.by_org_type),
        "year": bar_geometry(digest.archive.by_year),
    }
    return environment().get_template("digest.html.j2").render(d=digest, charts=charts)
