"""Near-duplicate articles: MinHash over character shingles (datasketch), checked by exact Jaccard.

Compilations publish the same plan twice with a changed year or a retouched sentence; counted
twice, such a plan would weigh double in every theme. Candidates come from MinHash LSH (cheap for
an archive of thousands of articles); each candidate pair is then confirmed on its exact shingle
sets, so an LSH false positive never groups two different plans.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np
import regex
from datasketch import MinHash, MinHashLSH

# NOT_TEXT: characters left out of shingles (whitespace, punctuation, symbols), so that a
# re-punctuated or re-wrapped copy still matches. Matches "，" and "\n"; must not match "工" or "5".
NOT_TEXT = regex.compile(r"[^\p{Han}\p{L}\p{N}]+")

SHINGLE = 5  # characters per shingle: long enough that unrelated plans share few
THRESHOLD = 0.7  # Jaccard of shingle sets from which two articles are one plan
# Share of the shorter article's shingles found in the longer one from which the shorter is the
# longer one's plan with a preamble or closing added (or its items reordered).
CONTAINMENT = 0.85
CANDIDATE_THRESHOLD = 0.3  # LSH Jaccard threshold for candidates; pairs are then checked exactly
NUM_PERM = 128
ESTIMATE_MARGIN = 0.15  # 128 permutations estimate a Jaccard within about ±0.09 (2 standard errors)


def shingles(text: str, size: int = SHINGLE) -> set[int]:
    """Character `size`-grams of `text` without whitespace and punctuation, as CRC-32 values
    (C-speed hashing; two different 5-grams of one archive rarely share a value, and a rare
    collision moves a Jaccard figure by a few millionths)."""
    s = NOT_TEXT.sub("", text)
    if len(s) <= size:
        return {zlib.crc32(s.encode("utf-8"))} if s else set()
    return {zlib.crc32(s[i:i + size].encode("utf-8")) for i in range(len(s) - size + 1)}


def jaccard(a: set, b: set) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets)."""
    return len(a & b) / len(a | b) if a or b else 0.0


def containment(a: set, b: set) -> float:
    """Share of the smaller set found in the larger one (0 when either is empty)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def same_plan(a: set, b: set, threshold: float = THRESHOLD, contained: float = CONTAINMENT) -> bool:
    """Whether two shingle sets are one plan: near-equal, or one (nearly) inside the other."""
    return jaccard(a, b) >= threshold or containment(a, b) >= contained


def _may_be_same(a: MinHash, b: MinHash, size_a: int, size_b: int, threshold: float, contained: float) -> bool:
    """Whether the MinHash estimates leave room for `same_plan` (with a margin for their error):
    the exact check, a set intersection, is then made for few of the LSH candidates."""
    j = a.jaccard(b)
    overlap = j * (size_a + size_b) / (1 + j)
    return j >= threshold - ESTIMATE_MARGIN or overlap / min(size_a, size_b) >= contained - ESTIMATE_MARGIN


def duplicate_groups(texts: Sequence[str], threshold: float = THRESHOLD, random_state: int = 0,
                     min_chars: int = 200, contained: float = CONTAINMENT) -> list[list[int]]:
    """Groups (indices into `texts`, each sorted, groups by first index) of near-identical texts.

    Texts shorter than `min_chars` (after removing punctuation) are never grouped: two short
    notes alike in wording are not one plan, and a short note is inside many long ones.
    """
    sets = [shingles(t) for t in texts]
    lsh = MinHashLSH(threshold=min(threshold, CANDIDATE_THRESHOLD), num_perm=NUM_PERM)
    parent = list(range(len(texts)))
    signatures: dict[int, MinHash] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, grams in enumerate(sets):
        if len(grams) + SHINGLE - 1 < min_chars:
            continue
        # the shingles are already 32-bit hashes: MinHash permutes them directly
        mh = MinHash(num_perm=NUM_PERM, seed=random_state, hashfunc=int)
        mh.update_batch(sorted(grams))
        signatures[i] = mh
        for j in sorted(lsh.query(mh)):
            if _may_be_same(mh, signatures[j], len(grams), len(sets[j]), threshold, contained) and \
                    same_plan(grams, sets[j], threshold, contained):
                a, b = find(i), find(j)
                parent[max(a, b)] = min(a, b)
        lsh.insert(i, mh)
    groups: dict[int, list[int]] = {}
    for i in range(len(texts)):
        groups.setdefault(find(i), []).append(i)
    return sorted((g for g in groups.values() if len(g) > 1), key=lambda g: g[0])
