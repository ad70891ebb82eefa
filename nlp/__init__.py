"""plan-nlp: structured data, digests and drafts from archives of Chinese work plans."""

from .api import analyze_document, analyze_path, analyze_text, load_document
from .model import Article, DateMention, Document, Flag, Heading, Section, Target, Task

__all__ = [
    "analyze_document", "analyze_path", "analyze_text", "load_document",
    "Article", "DateMention", "Document", "Flag", "Heading", "Section", "Target", "Task",
]
