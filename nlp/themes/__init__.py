"""Themes across an archive: level-1 sections clustered, named in the union's own vocabulary."""

from .._lazy import lazy_exports

_EXPORTS = {
    "ThemeUnit": "units", "theme_units": "units",
    "ThemeModel": "model", "Theme": "model", "fit_themes": "model",
    "Taxonomy": "taxonomy", "load_taxonomy": "taxonomy",
    "archive_themes_section": "report",
}
__all__ = list(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
