"""Which files are plans: the suffixes read, and a folder's own documentation left out.

Kept apart from nlp.api so that listing an archive (the batch writer) does not load the
extractors.
"""

# .doc/.wps/.xls need LibreOffice or antiword at read time; listed so that a folder walk reads
# them, or names each one with the package to install, instead of skipping them silently.
SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm", ".doc", ".wps", ".xlsx", ".xls")
# A folder's own documentation is not one of its plans (README.md beside the archive).
FOLDER_DOCS = ("readme", "license", "changelog")
