"""Which files are plans: the suffixes read, and a folder's own documentation left out.

Kept apart from nlp.api so that listing an archive (the batch writer) does not load the
extractors.
"""

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
# A folder's own documentation is not one of its plans (README.md beside the archive).
FOLDER_DOCS = ("readme", "license", "changelog")
