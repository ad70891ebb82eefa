"""Small numbers as printed in outlines and dates: Arabic in either width, or Chinese numerals.

One parser for the whole package, on top of cn2an's strict mode (which refuses slogans such as
"十二五" that merely look like numerals).
"""

from __future__ import annotations

from functools import lru_cache

import cn2an

CN_DIGITS = "一二三四五六七八九十"  # the characters of an outline numeral 1-99


@lru_cache(maxsize=4096)
def parse_int(s: str) -> int | None:
    """The value of a numeral ("12", "１２", "十二", "一十二" -> 12); None when not one ("十二五")."""
    s = s.strip()
    if not s:
        return None
    if s.isdigit():  # str.isdigit and int() both take full-width digits
        return int(s)
    try:
        value = cn2an.cn2an(s, "strict")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return int(value) if value == int(value) else None


@lru_cache(maxsize=1024)
def cn_number(s: str) -> int | None:
    """Value of a Chinese outline numeral from 1 to 99 ("十二" -> 12); None when not one."""
    if not s or len(s) > 3 or any(c not in CN_DIGITS for c in s):
        return None
    n = parse_int(s)
    return n if n is not None and 1 <= n <= 99 else None
