"""Traditional and simplified script: text is kept as printed; a simplified view of the same
length serves matching (word lists, segmentation), so offsets into it are offsets into the text."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # the OpenCC wheel, loaded only when a text needs it

    return opencc.OpenCC("t2s")


def simplified_view(text: str) -> str:
    """`text` in simplified characters, one character for one ("組織教師" -> "组织教师").

    OpenCC's phrase rules may change a line's length; such a line is converted one character at
    a time instead, so every offset stays valid.
    """
    t2s = _t2s()
    converted = t2s.convert(text)
    if len(converted) == len(text):
        return converted
    lines = []
    for line in text.split("\n"):
        c = t2s.convert(line)
        if len(c) != len(line):
            c = "".join(x if len(x := t2s.convert(ch)) == 1 else ch for ch in line)
        lines.append(c)
    return "\n".join(lines)


def matching_view(text: str, share: float = 0.02) -> str:
    """The simplified view of a text in traditional characters (at least `share` of its
    characters change), else the text itself: simplified text is matched as printed."""
    view = simplified_view(text)
    if view is text or view == text:
        return text
    changed = sum(a != b for a, b in zip(text, view))
    return view if changed >= share * len(text.replace(" ", "").replace("\n", "")) else text
