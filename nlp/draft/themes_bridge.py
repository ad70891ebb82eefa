"""Widening keywords through a fitted theme model (nlp.themes.ThemeModel, duck-typed here)."""

from __future__ import annotations

# Terms a theme lends to each keyword that falls in it.
WIDEN_TERMS = 6


def _terms(theme) -> list[tuple[str, float]]:
    return [(str(t), float(w)) for t, w in getattr(theme, "terms", ())]


def theme_of(keyword: str, themes) -> object | None:
    """The theme a keyword falls in: its label names the keyword, or its heaviest matching term does."""
    best, best_w = None, 0.0
    for theme in getattr(themes, "themes_", ()) or ():
        label = str(getattr(theme, "label", "") or "")
        w = max([float("inf")] if keyword in label else
                [wt for t, wt in _terms(theme) if t == keyword or (len(t) >= 2 and (t in keyword or keyword in t))]
                or [0.0])
        if w > best_w:
            best, best_w = theme, w
    return best


def keyword_groups(keywords: tuple[str, ...], themes=None) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(keywords, widened terms) for each keyword section: one per keyword without themes; with a
    fitted theme model, keywords of one theme share a section and borrow its top terms."""
    if themes is None:
        return [((k,), ()) for k in keywords]
    groups: dict[object, list[str]] = {}
    theme_by: dict[object, object] = {}
    for k in keywords:
        th = theme_of(k, themes)
        key = ("theme", getattr(th, "id", id(th))) if th is not None else ("kw", k)
        groups.setdefault(key, []).append(k)
        theme_by[key] = th
    out = []
    for key, kws in groups.items():
        th = theme_by[key]
        wide = () if th is None else tuple(
            t for t, _w in sorted(_terms(th), key=lambda tw: (-tw[1], tw[0]))
            if len(t) >= 2 and t not in kws)[:WIDEN_TERMS]
        out.append((tuple(kws), wide))
    return out
