"""jieba's POS tag table (word → flag, from its dictionary file), cached between processes.

jieba's posseg reads its 349,046-line dictionary into this table in every process that tags,
which took half a second per batch worker. The table is kept as a marshal file next to jieba's
own prefix-dictionary cache, keyed by jieba's version and its dictionary file, and rebuilt with
posseg's own loader whenever either changes (or the file cannot be read).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from pathlib import Path

import jieba


def _dictionary_file() -> Path:
    """jieba's default dictionary (the one every Segmenter uses)."""
    return Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME


def _cache_name() -> str:
    stat = _dictionary_file().stat()
    key = f"{jieba.__version__}|{stat.st_size}|{stat.st_mtime_ns}"
    return f"posseg-tags-{hashlib.sha1(key.encode()).hexdigest()[:16]}.marshal"


def _load_with_posseg(tokenizer: jieba.Tokenizer) -> dict[str, str]:
    import jieba.posseg  # its HMM tables make the import slow: only when the cache is cold

    return jieba.posseg.POSTokenizer(tokenizer).word_tag_tab


def jieba_tag_table(tokenizer: jieba.Tokenizer, cache_dir: str | Path) -> dict[str, str]:
    """A fresh copy of jieba's word → POS flag table for `tokenizer`'s (default) dictionary."""
    try:
        path = Path(cache_dir) / _cache_name()
    except OSError:  # jieba's dictionary cannot be found by path (a zipped install)
        return _load_with_posseg(tokenizer)
    try:
        table = marshal.loads(path.read_bytes())
        if isinstance(table, dict):
            return table
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = _load_with_posseg(tokenizer)
    _save(table, path)
    return table


def _save(table: dict[str, str], path: Path) -> None:
    """Write the table whole or not at all: concurrent workers may build it at the same time."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".posseg-tags-")
    except OSError:
        return  # a read-only cache only costs the slow load next time
    try:
        with os.fdopen(fd, "wb") as out:
            marshal.dump(table, out)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
