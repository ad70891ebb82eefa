"""Markers in context: the printed markers whose reading depends on the list around them —
an Arabic number glued to a date ("2.2025年6月底前…" is item 2 when it continues a list) and
decimal numbers ("1.2" is an outline number only where it continues the outline)."""

from __future__ import annotations

from ...lang.enumerators import GLUED_AR, RANK, marker_at
from .lines import UNNUMBERED, Item, Lines


def glued_enumerator(lines: Lines, li: int, items: list[Item]) -> tuple[int, str, int] | None:
    """(marker end, "ar", N) for a line opening "N." glued to a date ("2.5月举办…") when N
    continues the list of "N." items above it, or N is 1 and the next line is item 2; a
    decimal such as "2.5月" is no quantity, so the dot ends an enumerator there."""
    text = lines.text
    s, e = lines.content[li]
    m = GLUED_AR.match(text, s, e)
    if m is None:
        return None
    n = int(m.group("n"))
    for it in reversed(items):
        if it.style == "ar":
            return (m.end(), "ar", n) if it.number == n - 1 else None
        if it.style not in UNNUMBERED and RANK[it.style] < RANK["ar"]:
            break  # a senior item opened a new list: the "N." above belong to another one
    nxt = lines.next[li]
    if n != 1 or nxt is None:
        return None
    ns, ne = lines.content[nxt]
    after = marker_at(text, ns, ne)
    glued = GLUED_AR.match(text, ns, ne)
    ok = (after is not None and after[1:] == ("ar", 2)) or (glued is not None and glued.group("n") == "2")
    return (m.end(), "ar", 1) if ok else None


def decimal_follows(text: str, marker: str, items: list[Item]) -> bool:
    """True when a decimal number "a.b" continues the outline: "1.1" first, "a.1" after an
    item numbered a or a-1 (or a.x), "a.b" after "a.(b-1)" or right after its parent a; not a date such as "5.1 劳动节"
    out of the blue."""
    parts = _decimal_parts(marker)
    numbered = [it for it in items if it.style not in UNNUMBERED]
    if not numbered:
        return parts[:-1] == [1] * (len(parts) - 1) and parts[-1] == 1
    prev = numbered[-1]
    before = _decimal_parts(text[prev.pos:prev.mend]) if prev.style.startswith("dec") else [prev.number]
    if parts[-1] > 1:
        # "a.b" after "a.(b-1)"; or right under its parent "a" (一、 or "a.") when "a.1" was
        # not printed as a marker of its own: "1.2 细化目标" under "一、总体要求"
        return before[:len(parts)] == parts[:-1] + [parts[-1] - 1] or before == parts[:-1]
    k = len(parts) - 2  # "a.b.1" opens under "a.b"; "a.1" opens under "a" or after "(a-1).x"
    return (before[:k] == parts[:k] and len(before) > k
            and before[k] in (parts[k] - 1, parts[k]))


def _decimal_parts(marker: str) -> list[int]:
    """Numbers of a decimal marker: "2.3、" -> [2, 3]."""
    return [int(x) for x in marker.rstrip("、． \t\u3000").split(".")]
