"""Digest of an archive of plans: built as data (build.py), rendered to Markdown, JSON or HTML."""

from .._lazy import lazy_exports

_EXPORTS = {
    "ArchiveDigest": "build", "ArticleDigest": "build", "Digest": "build", "build_digest": "build",
    "render_html": "render_html", "digest_to_dict": "render_json", "render_json": "render_json",
    "render_markdown": "render_md",
}
__all__ = list(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
