"""Segmentation: one private jieba Tokenizer with the domain lexicon, loaded once per process."""

from __future__ import annotations

import logging
import os
import tempfile
import warnings
from bisect import bisect_left
from itertools import accumulate
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import regex

# jieba imports pkg_resources, which some setuptools versions answer with a UserWarning
# printed on stderr; it says nothing about our code.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=r".*pkg_resources", category=Warning)
    import jieba
import rjieba

from ..data import data_text
from .tag_table import jieba_tag_table

_LEXICON_PACKAGE = "nlp.data.lexicon"
_LEXICON_FILE = "userdict.txt"
_JIEBA_LOGGER = "jieba"

LexiconEntry = tuple[str, int, str]
PosToken = tuple[str, str, int, int]  # word, POS flag, start, end

# A word jieba's POS tagger does not find in its tag table: letters/digits are "eng", the rest "x".
_ALNUM_WORD = regex.compile(r"[a-zA-Z0-9]+")
_ALNUM_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

# RUN_CHAR: a character of the runs jieba's POS tagger segments as one unit (posseg's
# re_han_internal); every other character is a token of its own. Matches "工", "a", "5", ".";
# must not match "，", "、" or " ".
_RUN_CHAR = regex.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._]")


def _no_surrogate(text: str) -> bool:
    return not any("\ud800" <= ch <= "\udfff" for ch in text)


class _Tagged(NamedTuple):
    """One text's POS tokens, with their start offsets for bisecting."""

    pos: tuple[PosToken, ...]
    starts: tuple[int, ...]
    words: tuple[str, ...]


def _between_runs(text: str, i: int) -> bool:
    """Whether offset `i` of `text` falls where jieba starts a new unit, not inside a run."""
    if i <= 0 or i >= len(text):
        return True
    if text[i - 1] == "\r" and text[i] == "\n":
        return False  # "\r\n" is one token
    return not (_RUN_CHAR.match(text[i - 1]) and _RUN_CHAR.match(text[i]))


def _quiet_jieba() -> None:
    """Silence jieba's own stderr handler (it is set to DEBUG at import) for everything below WARNING."""
    logging.getLogger(_JIEBA_LOGGER).setLevel(logging.WARNING)


def _default_cache_dir() -> Path:
    """A per-user cache directory for jieba's prefix-dictionary cache."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "plan-nlp" / "jieba"


def _writable_dir(preferred: Path) -> Path:
    """`preferred` created if possible, else a per-user directory under the system temp dir."""
    try:
        preferred.mkdir(parents=True, exist_ok=True)
        if os.access(preferred, os.W_OK):
            return preferred
    except OSError:
        pass
    # A read-only home (containers, CI) must not make jieba log a failed cache dump.
    user = os.getuid() if hasattr(os, "getuid") else "user"
    fallback = Path(tempfile.gettempdir()) / f"plan-nlp-jieba-{user}"
    fallback.mkdir(parents=True, exist_ok=True)
    return fallback


def parse_lexicon(lines: list[str]) -> list[LexiconEntry]:
    """Parse user-dictionary lines `word freq pos` (jieba's format) into entries."""
    entries = []
    for number, line in enumerate(lines, 1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) != 3 or not parts[1].isdigit():
            raise ValueError(f"{_LEXICON_FILE} line {number}: expected 'word freq pos', got {line!r}")
        entries.append((parts[0], int(parts[1]), parts[2]))
    return entries


@lru_cache(maxsize=1)
def lexicon_entries() -> tuple[LexiconEntry, ...]:
    """The shipped domain lexicon as (word, freq, pos) entries, read once from package data."""
    return tuple(parse_lexicon(data_text(_LEXICON_PACKAGE, _LEXICON_FILE).splitlines()))


class Segmenter:
    """A private jieba.Tokenizer with the domain user dictionary; never jieba's global one.

    The word-and-tag pass that every extractor and the search index read runs on jieba-rs
    (rjieba) loaded with the same dictionary and lexicon: it gives the same words as jieba's
    posseg without HMM (tests compare the two on the corpus and on random text) at a tenth of
    the cost, and the tags come from jieba's own tag table. `cut` (HMM on) stays on jieba.
    The shipped lexicon goes into rjieba's process-wide instance (nothing else in a process
    uses it); a custom user dictionary gets an instance of its own.
    """

    def __init__(self, user_dict: Path | None = None, cache_dir: Path | None = None):
        _quiet_jieba()
        if user_dict is None:
            entries: list[LexiconEntry] | tuple[LexiconEntry, ...] = lexicon_entries()
        else:
            entries = parse_lexicon(Path(user_dict).read_text(encoding="utf-8").splitlines())
        self._entries = tuple(entries)
        self._jieba = jieba.Tokenizer()  # loaded on first use (see `tokenizer`)
        self._jieba.tmp_dir = str(_writable_dir(Path(cache_dir) if cache_dir else _default_cache_dir()))
        self._jieba.cache_file = "jieba.cache"
        self._jieba_ready = False
        # jieba's tag table (from its dictionary file, cached) without loading the tokenizer.
        self._word_tags = jieba_tag_table(self._jieba, self._jieba.tmp_dir)
        self._word_tags.update((word, pos) for word, _freq, pos in entries)
        self._pos_tokenizer: jieba.posseg.POSTokenizer | None = None
        self._flag_of: dict[str, str] = {}  # word → flag, for the words met so far
        # jieba-rs loads its dictionary into a process-wide instance when imported; the shipped
        # lexicon goes into that one rather than a second copy (24 MB and 0.1 s per process).
        self._fast = rjieba if user_dict is None else rjieba.Jieba()
        for word, freq, pos in self._entries:
            self._fast.add_word(word, freq, pos)
        # Several extractors tag the same sentences (genre cues, targets, tasks); POS tagging
        # is the slowest step of the pipeline, so each distinct text is tagged once.
        self._pos_cached = lru_cache(maxsize=POS_CACHE_SIZE)(self._pos_uncached)
        # A word's search parts depend on the word and the dictionary alone, and the same words
        # recur in every passage of an archive: each is looked up once.
        self._search_parts = lru_cache(maxsize=SEARCH_PARTS_CACHE_SIZE)(self._search_parts_uncached)

    @property
    def tokenizer(self) -> jieba.Tokenizer:
        """The private jieba Tokenizer with the lexicon, loaded on first use: batch workers only
        need jieba-rs and the tag table, and loading jieba's prefix dictionary costs a second
        and some 70 MB per process."""
        if not self._jieba_ready:
            self._jieba.initialize()
            # add_word, not load_userdict: package data may live in a zip, and add_word also
            # records the POS tag that POSTokenizer picks up.
            for word, freq, pos in self._entries:
                self._jieba.add_word(word, freq, pos)
            self._jieba_ready = True
        return self._jieba

    @property
    def pos_tokenizer(self) -> jieba.posseg.POSTokenizer:
        """jieba's POS tagger over `tokenizer` (the reference the fast pass is tested against)."""
        if self._pos_tokenizer is None:
            import jieba.posseg  # its HMM tables make the import slow: only when asked for

            self._pos_tokenizer = jieba.posseg.POSTokenizer(self.tokenizer)
            self._pos_tokenizer.makesure_userdict_loaded()
        return self._pos_tokenizer

    def cut(self, text: str) -> list[str]:
        """Words of `text` (HMM on, like jieba.lcut)."""
        return self.tokenizer.lcut(text)

    def tokens(self, text: str) -> list[tuple[str, int, int]]:
        """Words with their (start, end) offsets into `text` (the words of `pos`, shared cache)."""
        return [(w, s, e) for w, _flag, s, e in self._pos_cached(text).pos]

    def words(self, text: str) -> tuple[str, ...]:
        """The words of `tokens(text)` without offsets (shared cache)."""
        return self._pos_cached(text).words

    def word_starts(self, text: str) -> tuple[int, ...]:
        """Start offset of every word of `text`; the words tile the text, so each word ends where
        the next one starts (the last at len(text))."""
        return self._pos_cached(text).starts

    def word_bounds(self, text: str) -> frozenset[int]:
        """Every offset where a word of `text` starts or ends (0 and len(text) included)."""
        # the words tile the text: each ends where the next one starts, the last at the end
        return frozenset(self.word_starts(text)).union((0, len(text)))

    def tokens_between(self, text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
        """`tokens(text[lo:hi])`, read from the tagging of the whole `text` where that is the same.

        jieba segments each run of Han characters, letters and digits on its own, so when both
        ends of the span fall between runs its words are those of the whole text's (memoized)
        pass; a span that cuts a run is segmented on its own.
        """
        if not (_between_runs(text, lo) and _between_runs(text, hi)):
            return self.tokens(text[lo:hi])
        tagged = self._pos_cached(text)
        i, j = bisect_left(tagged.starts, lo), bisect_left(tagged.starts, hi)
        return [(w, s - lo, e - lo) for w, _flag, s, e in tagged.pos[i:j]]

    def words_between(self, text: str, lo: int, hi: int) -> tuple[str, ...] | list[str]:
        """The words of `tokens_between(text, lo, hi)` without their offsets (cheaper)."""
        if not (_between_runs(text, lo) and _between_runs(text, hi)):
            return [w for w, _s, _e in self.tokens(text[lo:hi])]
        tagged = self._pos_cached(text)
        return tagged.words[bisect_left(tagged.starts, lo):bisect_left(tagged.starts, hi)]

    def search_words(self, text: str, lo: int = 0, hi: int | None = None) -> list[str]:
        """Words of `text[lo:hi]` for a search index: each word, preceded by its 2- and 3-character
        parts that are dictionary words (教职工 → 教职, 职工, 教职工), as jieba's cut_for_search
        does, but read from the memoized pass instead of segmenting the text a second time."""
        out: list[str] = []
        for word in self.words_between(text, lo, len(text) if hi is None else hi):
            out.extend(self._search_parts(word))
        return out

    def search_parts(self, word: str) -> tuple[str, ...]:
        """`word`'s search-index entries: its 2- and 3-character parts that are dictionary words,
        then the word itself (教职工 → 教职, 职工, 教职工; 会 → 会)."""
        return self._search_parts(word)

    def _search_parts_uncached(self, word: str) -> tuple[str, ...]:
        # jieba-rs holds the same dictionary; a lone surrogate (no Rust string) asks jieba's own.
        is_word = self._fast.has_word if word.isprintable() or _no_surrogate(word) else self.tokenizer.FREQ.get
        out: list[str] = []
        for size in (2, 3):
            if len(word) > size:
                out.extend(part for i in range(len(word) - size + 1) if is_word(part := word[i:i + size]))
        out.append(word)
        return tuple(out)

    def pos(self, text: str) -> list[tuple[str, str, int, int]]:
        """Words with jieba POS flags and (start, end) offsets into `text`."""
        return list(self._pos_cached(text).pos)

    def clear_cache(self) -> None:
        """Forget memoized POS tags (benchmarks; long-running processes between batches)."""
        self._pos_cached.cache_clear()

    def _pos_uncached(self, text: str) -> _Tagged:
        # No HMM: its Viterbi pass over unknown words doubled the cost of analyze, and the tags
        # the extractors read (particles, verbs, nouns beside numbers) come from the dictionary.
        try:
            words = self._fast.cut(text, False)  # the words tile the text, in order
        except UnicodeEncodeError:  # a lone surrogate, which Rust strings cannot hold
            words = [pair.word for pair in self.pos_tokenizer.lcut(text, HMM=False)]
        flag_of, flag = self._flag_of, self._flag
        flags = [flag_of.get(w) or flag(w) for w in words]
        ends = tuple(accumulate(map(len, words)))
        starts = (0, *ends[:-1]) if ends else ()
        return _Tagged(tuple(zip(words, flags, starts, ends)), starts, tuple(words))

    def _flag(self, word: str) -> str:
        """`word`'s POS flag as jieba's posseg gives it (no HMM), remembered for the next time."""
        if len(word) == 1 and word in _ALNUM_CHARS:
            flag = "eng"  # posseg joins lone letters and digits to their neighbours as "eng"
        else:
            flag = self._word_tags.get(word) or ("eng" if _ALNUM_WORD.fullmatch(word) else "x")
        if len(self._flag_of) < FLAG_MEMO_SIZE:
            self._flag_of[word] = flag
        return flag


POS_CACHE_SIZE = 50_000
# Distinct words whose flags are remembered (an archive's vocabulary is far smaller).
FLAG_MEMO_SIZE = 500_000
SEARCH_PARTS_CACHE_SIZE = 200_000


@lru_cache(maxsize=1)
def get_segmenter() -> Segmenter:
    """The process-wide Segmenter (loaded on first use)."""
    return Segmenter()
