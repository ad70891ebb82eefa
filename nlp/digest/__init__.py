"""Digest of an archive of plans: built as data (build.py), rendered to Markdown, JSON or HTML."""

from .build import ArchiveDigest, ArticleDigest, Digest, build_digest
from .render_html import render_html
from .render_json import digest_to_dict, render_json
from .render_md import render_markdown

__all__ = ["ArchiveDigest", "ArticleDigest", "Digest", "build_digest", "digest_to_dict",
           "render_html", "render_json", "render_markdown"]
