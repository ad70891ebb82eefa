"""The archive database: SQLite schema, one-transaction document writes, FTS5 search.

One writer (the batch parent process) writes; any number of readers (digest, themes, search)
read. The schema is documented in docs/store.md; every span row keeps its article offsets.
Export to files is nlp.export.
"""

from .schema import (  # noqa: F401
    ARTICLE_CHILD_TABLES,
    MissingExtra,
    PASSAGE_TEXT,
    SCHEMA_VERSION,
    TABLES,
    connect,
    now,
    snapshot,
)
from .write import (  # noqa: F401
    ArticleRows,
    FileResult,
    FtsChanges,
    GroupedCommits,
    Passage,
    article_rows,
    failed_documents,
    finish_run,
    known_documents,
    mark_deleted,
    start_run,
    write_result,
)
from .read import (  # noqa: F401
    load_articles,
    open_existing,
    read_articles,
)
from .search import (  # noqa: F401
    Hit,
    SearchFilter,
    index_words,
    query_terms,
    search,
)

__all__ = ["load_articles", "open_existing", "read_articles", "ARTICLE_CHILD_TABLES", "MissingExtra", "PASSAGE_TEXT", "SCHEMA_VERSION", "TABLES", "connect", "now", "snapshot", "ArticleRows", "FileResult", "FtsChanges", "GroupedCommits", "Passage", "article_rows", "failed_documents", "finish_run", "known_documents", "mark_deleted", "start_run", "write_result", "Hit", "SearchFilter", "index_words", "query_terms", "search"]
