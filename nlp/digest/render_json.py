"""The digest as JSON: the same content as the Markdown, as data."""

from __future__ import annotations

import json
from dataclasses import asdict

from .build import Digest


def digest_to_dict(digest: Digest) -> dict:
    """The digest as plain dicts and lists (JSON-ready); `archive.themes` only when themes were asked for."""
    data = asdict(digest)
    if data["archive"]["themes"] is None:
        del data["archive"]["themes"]
    return data


def render_json(digest: Digest) -> str:
    """The digest as an indented JSON document (UTF-8 characters kept)."""
    return json.dumps(digest_to_dict(digest), ensure_ascii=False, indent=1) + "\n"
