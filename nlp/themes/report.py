"""Theme views for people: a text table, markdown, and the digest's archive section (plain data)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model import Article
    from .model import Theme, ThemeModel

TABLE_TERMS = 6


def _where(theme: "Theme") -> str:
    """The most central section: short file name, article index, heading."""
    u = theme.representatives[0] if theme.representatives else theme.members[0]
    return f"{Path(u.source).stem[:3]}#{u.article} {u.heading[:16]}".rstrip()


def _spread(counts: dict[str, int], top: int = 3) -> str:
    return " ".join(f"{k}:{v}" for k, v in list(counts.items())[:top])


def table_rows(model: "ThemeModel") -> list[dict[str, str]]:
    """One row of short strings per theme: id, name, kind, size, share, terms, spread, example."""
    return [{"id": str(t.id), "theme": t.label, "kind": t.kind, "size": str(t.size), "share": f"{t.share:.0%}",
             "terms": "、".join(w for w, _ in t.terms[:TABLE_TERMS]), "org_type": _spread(t.by_org_type),
             "year": _spread(t.by_year), "example": _where(t)} for t in model.themes_]


def render_markdown(model: "ThemeModel") -> str:
    """The themes as a markdown table, then the duplicate groups and the k selection."""
    lines = [f"# Themes ({len(model.themes_)} themes, {len(model.units_)} sections)", "",
             "| id | theme | kind | size | share | terms | org type | example |",
             "|---|---|---|---|---|---|---|---|"]
    for row in table_rows(model):
        lines.append("| " + " | ".join(row[c].replace("|", "\\|") for c in
                                        ("id", "theme", "kind", "size", "share", "terms", "org_type", "example")) + " |")
    if model.duplicates_:
        lines += ["", "## Near-duplicate articles (fitted once)", ""]
        titles = {(u.source, u.article): u.title for u in model.units_}
        for group in model.duplicates_:
            lines.append("- " + " = ".join(f"{Path(s).name}#{a} {titles.get((s, a), '')}" for s, a in group))
    sel = model.k_selection_
    lines += ["", f"## Number of themes: {sel.chosen} ({sel.method})"]
    if sel.candidates:
        lines += ["", "| k | stability | silhouette |", "|---|---|---|"]
        lines += [f"| {k}{' ←' if k == sel.chosen else ''} | {s:.3f} | {h:.3f} |"
                  for k, s, h in zip(sel.candidates, sel.stability, sel.silhouette)]
    return "\n".join(lines) + "\n"


def archive_themes_section(articles: Sequence["Article"], **params: Any) -> dict[str, Any]:
    """The digest's archive section on themes, as data: the model's JSON plus ready table rows.

    Returns {"themes": [...], "duplicates": [...], "k_selection": {...}, "rows": [...]} with
    `rows` from table_rows; an archive without sections gives empty lists.
    """
    from .model import fit_themes
    from .units import theme_units

    if not theme_units(articles):
        return {"themes": [], "duplicates": [], "k_selection": {}, "rows": []}
    model = fit_themes(articles, **params)
    return {**model.to_dict(), "rows": table_rows(model)}
