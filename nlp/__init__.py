"""plan-nlp: structured data, digests and drafts from archives of Chinese work plans."""

from ._lazy import lazy_exports

_EXPORTS = {
    "analyze_document": "api", "analyze_path": "api", "analyze_text": "api", "load_document": "api",
    "Article": "model", "DateMention": "model", "Document": "model", "Flag": "model",
    "Corpus": "corpus", "Heading": "model", "Section": "model", "Target": "model", "Task": "model",
    "ThemeModel": "themes", "fit_themes": "themes", "theme_units": "themes",
    "draft": "draft.build", "Draft": "draft.model",
}
__all__ = list(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
