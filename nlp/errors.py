"""One exception hierarchy; every message names the file and the reason."""

from __future__ import annotations

from pathlib import Path


class PlanNLPError(Exception):
    """Base of every error plan-nlp raises on purpose."""

    reason = "error"

    def __init__(self, path: str | Path | None, detail: str):
        self.path = str(path) if path is not None else None
        self.detail = detail
        super().__init__(f"{self.path}: {detail}" if self.path else detail)


class UnreadableFile(PlanNLPError):
    """The file exists but its bytes cannot be turned into text (empty, binary, truncated)."""

    reason = "unreadable"


class UnreadableText(UnreadableFile):
    """The bytes decode, but to mojibake or replacement characters."""

    reason = "unreadable_text"


class NoTextLayer(UnreadableFile):
    """A PDF without a usable text layer (scanned, or CID fonts without a ToUnicode map)."""

    reason = "no_text_layer"


class UnsupportedFormat(PlanNLPError):
    """The file extension is not one plan-nlp reads."""

    reason = "unsupported_format"


class MissingConverter(UnsupportedFormat):
    """A format read through an external program (LibreOffice, antiword) that is not installed;
    the message names the package to install."""

    reason = "missing_converter"


class EmptyDocument(UnreadableFile):
    """The file holds no text once boilerplate is removed."""

    reason = "empty"


class UnwritableDocument(PlanNLPError):
    """A document's rows cannot be stored: a value SQLite cannot take (a lone surrogate, an integer
    past 64 bits) or a malformed row. The document is undone; the database is fine."""

    reason = "unwritable"
